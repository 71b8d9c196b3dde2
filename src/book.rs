//! The rules that need the state of the ledger, in one place for writing and for verifying.
//!
//! A [`Book`] is what the ledger knows at some point of its chain: which accounts, funders,
//! grants and budget lines exist, the next entry number, which entries were reversed, how much
//! each budget line has spent. Every command loads the book from the store, asks it to
//! [`Book::admit`] each new chain entry, and writes only what it admitted; `verify` replays the
//! whole chain through a fresh book with the same method. So a rule can never be enforced when
//! writing and forgotten when verifying, or the other way round.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::chain::{ChainEntry, Hash, ImportInfo, Record};
use crate::domain::{
    AccountCode, AccountType, Currency, Entry, EntryId, EntryKind, FunderId, Grant, GrantId,
    LedgerInfo, LineId, Minor, format_date,
};

/// A rule a new chain entry breaks. `posting` and `field` say where, for import messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// Index of the posting at fault, when it is one posting's fault.
    pub posting: Option<usize>,
    /// The field at fault, named as the CSV column (`account`, `grant`, `line`, `date`, ...).
    pub field: &'static str,
    pub value: String,
    pub message: String,
}

impl RuleError {
    fn new(field: &'static str, value: impl fmt::Display, message: impl Into<String>) -> Self {
        RuleError {
            posting: None,
            field,
            value: value.to_string(),
            message: message.into(),
        }
    }

    fn at(mut self, posting: usize) -> Self {
        self.posting = Some(posting);
        self
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Something recorded but worth telling the treasurer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A budget line's spending (the net of all postings charged to it) went over its budget
    /// with this entry.
    Overspent {
        entry: EntryId,
        grant: GrantId,
        line: LineId,
        budget: String,
        spent: String,
        currency: String,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Overspent {
                entry,
                grant,
                line,
                budget,
                spent,
                currency,
            } => write!(
                f,
                "transaction {entry}: budget line {grant}/{line} is over-spent: {spent} {currency} spent of {budget} {currency} budgeted"
            ),
        }
    }
}

#[derive(Debug, Clone)]
struct LineState {
    budget: Minor,
    spent: Minor,
}

/// An import whose entries are still expected.
#[derive(Debug, Clone, Copy)]
struct OpenBatch {
    seq: i64,
    remaining: i64,
}

/// The ledger's state as far as the rules need it.
#[derive(Debug, Default)]
pub struct Book {
    info: Option<LedgerInfo>,
    currencies: HashMap<String, u8>,
    accounts: HashMap<AccountCode, AccountType>,
    funders: HashSet<FunderId>,
    grants: HashMap<GrantId, Grant>,
    lines: HashMap<(GrantId, LineId), LineState>,
    /// Entries that are reversals, and entries already reversed.
    reversals: HashSet<EntryId>,
    reversed: HashSet<EntryId>,
    imported_files: HashSet<Hash>,
    open_batch: Option<OpenBatch>,
    next_seq: i64,
    next_entry: i64,
}

/// What a store hands over to rebuild a [`Book`] without replaying the chain.
pub struct BookParts {
    pub info: LedgerInfo,
    pub accounts: Vec<(AccountCode, AccountType)>,
    pub funders: Vec<FunderId>,
    pub grants: Vec<Grant>,
    /// (grant, line, budget, spent so far: the net of the postings charged to the line)
    pub lines: Vec<(GrantId, LineId, Minor, Minor)>,
    pub reversals: Vec<EntryId>,
    pub reversed: Vec<EntryId>,
    pub imported_files: Vec<Hash>,
    pub last_seq: i64,
    pub last_entry: i64,
}

impl Book {
    /// An empty book, before the genesis entry.
    pub fn new() -> Book {
        Book {
            next_seq: 1,
            next_entry: 1,
            ..Book::default()
        }
    }

    pub fn from_parts(parts: BookParts) -> Book {
        Book {
            currencies: parts
                .info
                .currencies
                .iter()
                .map(|c| (c.code.clone(), c.exponent))
                .collect(),
            info: Some(parts.info),
            accounts: parts.accounts.into_iter().collect(),
            funders: parts.funders.into_iter().collect(),
            grants: parts
                .grants
                .into_iter()
                .map(|g| (g.id.clone(), g))
                .collect(),
            lines: parts
                .lines
                .into_iter()
                .map(|(g, l, budget, spent)| ((g, l), LineState { budget, spent }))
                .collect(),
            reversals: parts.reversals.into_iter().collect(),
            reversed: parts.reversed.into_iter().collect(),
            imported_files: parts.imported_files.into_iter().collect(),
            open_batch: None,
            next_seq: parts.last_seq + 1,
            next_entry: parts.last_entry + 1,
        }
    }

    pub fn info(&self) -> Option<&LedgerInfo> {
        self.info.as_ref()
    }

    /// The base currency; `None` before the genesis entry.
    pub fn currency(&self) -> Option<&Currency> {
        self.info.as_ref().map(|i| &i.currency)
    }

    pub fn next_seq(&self) -> i64 {
        self.next_seq
    }

    pub fn next_entry_id(&self) -> EntryId {
        EntryId(self.next_entry)
    }

    pub fn currency_exponent(&self, code: &str) -> Option<u8> {
        self.currencies.get(code).copied()
    }

    pub fn account_type(&self, code: &AccountCode) -> Option<AccountType> {
        self.accounts.get(code).copied()
    }

    pub fn has_funder(&self, id: &FunderId) -> bool {
        self.funders.contains(id)
    }

    pub fn grant(&self, id: &GrantId) -> Option<&Grant> {
        self.grants.get(id)
    }

    pub fn is_imported(&self, sha: &Hash) -> bool {
        self.imported_files.contains(sha)
    }

    pub fn is_reversed(&self, id: EntryId) -> bool {
        self.reversed.contains(&id)
    }

    /// Checks `entry` against every rule and, when it passes, takes it into the book.
    ///
    /// `original` must be the entry a reversal reverses (looked up by the caller, who knows
    /// where entries are kept). On error the book is unchanged.
    pub fn admit(
        &mut self,
        entry: &ChainEntry,
        original: Option<&Entry>,
    ) -> Result<Vec<Warning>, Vec<RuleError>> {
        if entry.seq != self.next_seq {
            return Err(vec![RuleError::new(
                "seq",
                entry.seq,
                format!(
                    "sequence number {} where {} was expected",
                    entry.seq, self.next_seq
                ),
            )]);
        }
        if self.info.is_none() && !matches!(entry.record, Record::Ledger(_)) {
            return Err(vec![RuleError::new(
                "kind",
                entry.record.kind(),
                "the first entry of a chain must be the ledger's genesis entry",
            )]);
        }
        if let Some(batch) = self.open_batch
            && !matches!(&entry.record, Record::Entry(e) if e.header.batch == Some(batch.seq))
        {
            return Err(vec![RuleError::new(
                "batch",
                batch.seq,
                format!(
                    "the import at seq {} announced {} more transactions, but a {} entry comes first",
                    batch.seq,
                    batch.remaining,
                    entry.record.kind()
                ),
            )]);
        }
        let warnings = match &entry.record {
            Record::Ledger(info) => self.admit_ledger(info)?,
            Record::Account(a) => {
                if self.accounts.contains_key(&a.code) {
                    return Err(vec![RuleError::new(
                        "code",
                        &a.code,
                        format!("account {} already exists", a.code),
                    )]);
                }
                self.accounts.insert(a.code.clone(), a.kind);
                vec![]
            }
            Record::Funder(f) => {
                if !self.funders.insert(f.id.clone()) {
                    return Err(vec![RuleError::new(
                        "id",
                        &f.id,
                        format!("funder {} already exists", f.id),
                    )]);
                }
                vec![]
            }
            Record::Grant(g) => self.admit_grant(g)?,
            Record::BudgetLine(b) => {
                let problems = self.check_budget_line(b);
                if !problems.is_empty() {
                    return Err(problems);
                }
                self.lines.insert(
                    (b.grant.clone(), b.line.clone()),
                    LineState {
                        budget: b.amount,
                        spent: Minor::ZERO,
                    },
                );
                vec![]
            }
            Record::Import(i) => self.admit_import(entry.seq, i)?,
            Record::Entry(e) => {
                let problems = self.check_entry(e, original);
                if !problems.is_empty() {
                    return Err(problems);
                }
                self.take_entry(e)
            }
        };
        self.next_seq += 1;
        Ok(warnings)
    }

    fn admit_ledger(&mut self, info: &LedgerInfo) -> Result<Vec<Warning>, Vec<RuleError>> {
        if self.info.is_some() {
            return Err(vec![RuleError::new(
                "kind",
                "ledger",
                "a chain has exactly one genesis entry, and it is the first",
            )]);
        }
        self.currencies = info
            .currencies
            .iter()
            .map(|c| (c.code.clone(), c.exponent))
            .collect();
        self.info = Some(info.clone());
        Ok(vec![])
    }

    fn admit_grant(&mut self, g: &Grant) -> Result<Vec<Warning>, Vec<RuleError>> {
        let mut problems = vec![];
        if self.grants.contains_key(&g.id) {
            problems.push(RuleError::new(
                "id",
                &g.id,
                format!("grant {} already exists", g.id),
            ));
        }
        if !self.funders.contains(&g.funder) {
            problems.push(RuleError::new(
                "funder",
                &g.funder,
                format!(
                    "funder {} does not exist: add it first with `amana funder add`",
                    g.funder
                ),
            ));
        }
        if !self.currencies.contains_key(&g.currency) {
            problems.push(RuleError::new(
                "currency",
                &g.currency,
                format!(
                    "currency {} is not in this ledger's currency table",
                    g.currency
                ),
            ));
        }
        if g.amount.0 < 0 {
            problems.push(RuleError::new(
                "amount",
                g.amount,
                "a grant's amount cannot be negative",
            ));
        }
        if g.end < g.start {
            problems.push(RuleError::new(
                "end",
                format_date(g.end),
                format!("the grant ends ({}) before it starts ({})", g.end, g.start),
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        self.grants.insert(g.id.clone(), g.clone());
        Ok(vec![])
    }

    fn check_budget_line(&self, b: &crate::domain::BudgetLine) -> Vec<RuleError> {
        let mut problems = vec![];
        if !self.grants.contains_key(&b.grant) {
            problems.push(RuleError::new(
                "grant",
                &b.grant,
                format!(
                    "grant {} does not exist: add it first with `amana grant add`",
                    b.grant
                ),
            ));
        }
        if self.lines.contains_key(&(b.grant.clone(), b.line.clone())) {
            problems.push(RuleError::new(
                "line",
                &b.line,
                format!("grant {} already has a budget line {}", b.grant, b.line),
            ));
        }
        if b.amount.0 < 0 {
            problems.push(RuleError::new(
                "amount",
                b.amount,
                "a budget cannot be negative",
            ));
        }
        if let Some(account) = &b.account
            && !self.accounts.contains_key(account)
        {
            problems.push(RuleError::new(
                "account",
                account,
                format!("account {account} does not exist"),
            ));
        }
        problems
    }

    fn admit_import(&mut self, seq: i64, i: &ImportInfo) -> Result<Vec<Warning>, Vec<RuleError>> {
        if self.imported_files.contains(&i.file_sha256) && !i.forced {
            return Err(vec![RuleError::new(
                "file",
                &i.file_name,
                format!(
                    "this file (SHA-256 {}) was already imported; import it again only on purpose, with --force",
                    hex::encode(i.file_sha256)
                ),
            )]);
        }
        if i.transactions < 1 {
            return Err(vec![RuleError::new(
                "transactions",
                i.transactions,
                "an import brings at least one transaction",
            )]);
        }
        self.imported_files.insert(i.file_sha256);
        self.open_batch = Some(OpenBatch {
            seq,
            remaining: i.transactions,
        });
        Ok(vec![])
    }

    /// Every rule an entry must meet given the book, all problems at once.
    pub fn check_entry(&self, e: &Entry, original: Option<&Entry>) -> Vec<RuleError> {
        let mut problems = vec![];
        let h = &e.header;
        if h.id.0 != self.next_entry {
            problems.push(RuleError::new(
                "txn",
                h.id,
                format!(
                    "transaction number {} where {} was expected",
                    h.id, self.next_entry
                ),
            ));
        }
        match (h.batch, self.open_batch) {
            (Some(b), _) if e.reverses().is_some() => problems.push(RuleError::new(
                "batch",
                b,
                "a reversal is never part of an import",
            )),
            (None, _) => {}
            (Some(b), Some(open)) if b == open.seq => {}
            (Some(b), _) => problems.push(RuleError::new(
                "batch",
                b,
                format!("the entry claims import seq {b}, which is not the import in progress"),
            )),
        }
        problems.extend(self.check_content(e));
        if let EntryKind::Reversal { reverses, .. } = &h.kind {
            problems.extend(self.check_reversal(e, *reverses, original));
        }
        problems
    }

    /// The rules of an entry's content (accounts, grants, lines, periods, currencies), which do
    /// not depend on its position in the chain: an import checks every entry with this before
    /// writing any.
    pub fn check_content(&self, e: &Entry) -> Vec<RuleError> {
        let mut problems = vec![];
        let h = &e.header;
        for (i, p) in e.postings().iter().enumerate() {
            let kind = self.accounts.get(&p.account).copied();
            if kind.is_none() {
                problems.push(
                    RuleError::new(
                        "account",
                        &p.account,
                        format!(
                            "account {} does not exist: add it with `amana account add {} --name ... --type ...`",
                            p.account, p.account
                        ),
                    )
                    .at(i),
                );
            }
            if let Some(grant_id) = &p.grant {
                match self.grants.get(grant_id) {
                    None => problems.push(
                        RuleError::new(
                            "grant",
                            grant_id,
                            format!("grant {grant_id} does not exist"),
                        )
                        .at(i),
                    ),
                    Some(grant) => {
                        // Spending of a grant happens inside its period: an expense charged
                        // to it, or anything charged to one of its budget lines (equipment
                        // bought on a grant is an asset, and still spending).
                        let spends = kind == Some(AccountType::Expense) || p.line.is_some();
                        if spends && !grant.covers(h.date) {
                            problems.push(
                                RuleError::new(
                                    "date",
                                    format_date(h.date),
                                    format!(
                                        "spending charged to grant {} must be dated inside its period {} to {}",
                                        grant.id, grant.start, grant.end
                                    ),
                                )
                                .at(i),
                            );
                        }
                        if let Some(line) = &p.line
                            && !self.lines.contains_key(&(grant_id.clone(), line.clone()))
                        {
                            let other: Vec<&str> = self
                                .lines
                                .keys()
                                .filter(|(g, l)| l == line && g != grant_id)
                                .map(|(g, _)| g.as_str())
                                .collect();
                            let hint = if other.is_empty() {
                                format!("see `amana grant show {grant_id}` for its lines")
                            } else {
                                format!("it is a line of {}", other.join(", "))
                            };
                            problems.push(
                                RuleError::new(
                                    "line",
                                    line,
                                    format!("budget line {line} does not belong to grant {grant_id} ({hint})"),
                                )
                                .at(i),
                            );
                        }
                    }
                }
            }
            if let Some((_, currency)) = &p.original
                && !self.currencies.contains_key(currency)
            {
                problems.push(
                    RuleError::new(
                        "original_currency",
                        currency,
                        format!("currency {currency} is not an ISO 4217 code this ledger knows"),
                    )
                    .at(i),
                );
            }
        }
        problems
    }

    fn check_reversal(
        &self,
        e: &Entry,
        reverses: EntryId,
        original: Option<&Entry>,
    ) -> Vec<RuleError> {
        let refuse = |message: String| vec![RuleError::new("reverses", reverses, message)];
        let Some(original) =
            original.filter(|o| o.id() == reverses && reverses.0 < self.next_entry)
        else {
            return refuse(format!("transaction {reverses} does not exist"));
        };
        if self.reversed.contains(&reverses) {
            return refuse(format!("transaction {reverses} was already reversed"));
        }
        if self.reversals.contains(&reverses) {
            return refuse(format!(
                "transaction {reverses} is itself a reversal: record the correct transaction instead"
            ));
        }
        if e.header.date < original.header.date {
            return vec![RuleError::new(
                "date",
                format_date(e.header.date),
                format!(
                    "a reversal cannot be dated before the transaction it reverses ({})",
                    original.header.date
                ),
            )];
        }
        let mirrored = e.postings().len() == original.postings().len()
            && e.postings().iter().zip(original.postings()).all(|(r, o)| {
                r.account == o.account
                    && Some(r.amount) == o.amount.checked_neg()
                    && r.grant == o.grant
                    && r.line == o.line
                    && r.memo == o.memo
                    && match (&r.original, &o.original) {
                        (None, None) => true,
                        (Some((ra, rc)), Some((oa, oc))) => {
                            rc == oc && Some(*ra) == oa.checked_neg()
                        }
                        _ => false,
                    }
            });
        if mirrored {
            vec![]
        } else {
            refuse(format!(
                "the postings of a reversal must mirror those of transaction {reverses} exactly"
            ))
        }
    }

    /// Takes a checked entry into the book and returns its warnings.
    fn take_entry(&mut self, e: &Entry) -> Vec<Warning> {
        self.next_entry += 1;
        if let Some(batch) = self.open_batch.as_mut() {
            batch.remaining -= 1;
            if batch.remaining == 0 {
                self.open_batch = None;
            }
        }
        if let Some(reverses) = e.reverses() {
            self.reversed.insert(reverses);
            self.reversals.insert(e.id());
        }
        let mut warnings = vec![];
        let currency = self.info.as_ref().map(|i| i.currency.clone());
        for p in e.postings() {
            let (Some(grant), Some(line)) = (&p.grant, &p.line) else {
                continue;
            };
            let Some(state) = self.lines.get_mut(&(grant.clone(), line.clone())) else {
                continue;
            };
            let before = state.spent;
            // Saturating: a sum beyond i64 centimes cannot come from checked entries, but a
            // warning is never worth a panic.
            state.spent = Minor(state.spent.0.saturating_add(p.amount.0));
            if state.spent > state.budget && state.spent > before {
                let currency = currency.clone().unwrap_or_else(|| Currency {
                    code: "?".into(),
                    exponent: 2,
                });
                warnings.push(Warning::Overspent {
                    entry: e.id(),
                    grant: grant.clone(),
                    line: line.clone(),
                    budget: currency.format(state.budget),
                    spent: currency.format(state.spent),
                    currency: currency.code,
                });
            }
        }
        warnings
    }

    /// Moves past an entry that could not be admitted, so one bad entry does not make every
    /// later one look out of sequence (used by `verify`, which reports and goes on).
    pub fn skip(&mut self, entry: Option<&ChainEntry>) {
        self.next_seq += 1;
        if let Some(ChainEntry {
            record: Record::Entry(e),
            ..
        }) = entry
        {
            self.next_entry = self.next_entry.max(e.id().0 + 1);
            if let Some(batch) = self.open_batch.as_mut() {
                batch.remaining -= 1;
                if batch.remaining <= 0 {
                    self.open_batch = None;
                }
            }
        }
    }

    /// True while an import has announced entries that have not come yet (a truncated import).
    pub fn open_import(&self) -> Option<(i64, i64)> {
        self.open_batch.map(|b| (b.seq, b.remaining))
    }
}
