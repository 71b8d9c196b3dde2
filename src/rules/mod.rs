//! The rules that need the state of the ledger, in one place for writing and for verifying.
//!
//! A [`Book`] is what the ledger knows at some point of its chain: which accounts, funders,
//! grants and budget lines exist, the next entry number, which entries were reversed, how much
//! each budget line has spent. Every command loads the book from the store, asks it to
//! [`Book::admit`] each new chain entry, and writes only what it admitted; `verify` replays the
//! whole chain through a fresh book with the same method. So a rule can never be enforced when
//! writing and forgotten when verifying, or the other way round.

mod amendments;
pub mod chain_order;
pub mod governance;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use chrono::NaiveDate;

use crate::chain::merkle::Accumulator;
use crate::chain::{
    BankBalance, ChainEntry, GENESIS_PREV, GrantTotals, Hash, ImportInfo, Receipt, Record, Seal,
};
use crate::domain::{
    AccountCode, AccountType, Currency, Entry, EntryId, EntryKind, FunderId, Grant, GrantId,
    LedgerInfo, LineId, Minor, OfficerId, Posting, format_date,
};
use crate::rules::governance::{Decision, Governance, decision_of};

pub use crate::domain::rule::RuleError;

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
    /// This computer's clock is behind the time of the entry before: one of the two clocks
    /// is wrong. Recorded all the same (a clock that was ahead must not block the books);
    /// `verify` reports it.
    ClockBehind { now: String, last: String },
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
            Warning::ClockBehind { now, last } => write!(
                f,
                "this computer's clock says {now}, before the time of the last entry ({last}): check the date and time of this computer (or of the one that wrote the last entry); `amana verify` will point at this entry"
            ),
        }
    }
}

#[derive(Debug, Clone)]
struct LineState {
    budget: Minor,
    spent: Minor,
    /// The first day the line takes no posting, once withdrawn (rule 16).
    withdrawn: Option<NaiveDate>,
}

/// What seals and closings need, kept only by a book that replayed the whole chain
/// ([`Book::new`] then [`Book::admit`] for every entry), never by one loaded from the tables.
#[derive(Debug, Default, Clone)]
struct Totals {
    /// Every account's balance.
    balances: BTreeMap<AccountCode, i64>,
    /// Every account's movements by date (for balances as of a day: a bank statement's).
    dated: BTreeMap<AccountCode, BTreeMap<NaiveDate, i64>>,
    /// Per grant: (received, spent), see [`GrantTotals`].
    grants: BTreeMap<GrantId, (i64, i64)>,
    /// Per fiscal year, the net of income and expense accounts.
    flows: HashMap<i32, BTreeMap<AccountCode, i64>>,
    /// Per fiscal year, the part of that net charged to restricted grants.
    restricted: HashMap<i32, i64>,
    /// The Merkle tree over every entry so far, and the chain head.
    merkle: Accumulator,
    head: Hash,
    /// What recorded transactions use, for the checks of corrections (rule 16).
    usage: amendments::Usage,
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
    /// Officers, seals, decisions, and the locked period and closed years that follow.
    gov: Governance,
    receipts: HashSet<(EntryId, Hash)>,
    /// Present when the book was built by replaying the chain.
    totals: Option<Totals>,
    /// What corrections of the set-up put in force that the rules read (rule 16).
    in_force: amendments::InForce,
}

/// What a store hands over to rebuild a [`Book`] without replaying the chain.
pub struct BookParts {
    pub info: LedgerInfo,
    pub accounts: Vec<(AccountCode, AccountType)>,
    pub funders: Vec<FunderId>,
    pub grants: Vec<Grant>,
    /// (grant, line, budget in force, spent so far: the net of the postings charged to the
    /// line, the first day it takes no posting once withdrawn)
    pub lines: Vec<(GrantId, LineId, Minor, Minor, Option<NaiveDate>)>,
    pub reversals: Vec<EntryId>,
    pub reversed: Vec<EntryId>,
    pub imported_files: Vec<Hash>,
    pub last_seq: i64,
    pub last_entry: i64,
    /// Read from the chain's own entries (officers, seals, signatures, decisions), never from
    /// the tables: a row deleted from `seals` must not let anyone write into a locked period.
    pub governance: Governance,
    pub receipts: Vec<(EntryId, Hash)>,
    /// Retired accounts, with the first day they take no posting.
    pub retired: Vec<(AccountCode, NaiveDate)>,
}

impl Book {
    /// An empty book, before the genesis entry, that keeps the totals seals and closings need:
    /// feed it every entry in order with [`Book::admit`] and [`Book::appended`].
    pub fn new() -> Book {
        Book {
            next_seq: 1,
            next_entry: 1,
            totals: Some(Totals {
                head: GENESIS_PREV,
                ..Totals::default()
            }),
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
                .map(|(g, l, budget, spent, withdrawn)| {
                    (
                        (g, l),
                        LineState {
                            budget,
                            spent,
                            withdrawn,
                        },
                    )
                })
                .collect(),
            reversals: parts.reversals.into_iter().collect(),
            reversed: parts.reversed.into_iter().collect(),
            imported_files: parts.imported_files.into_iter().collect(),
            open_batch: None,
            next_seq: parts.last_seq + 1,
            next_entry: parts.last_entry + 1,
            gov: parts.governance,
            receipts: parts.receipts.into_iter().collect(),
            totals: None,
            in_force: amendments::InForce::from_parts(parts.retired),
        }
    }

    /// Tells the book the hashes of the entry just admitted and appended.
    pub fn appended(&mut self, seq: i64, entry_hash: &Hash, chain: &Hash) {
        if let Some(t) = self.totals.as_mut() {
            t.merkle.push(entry_hash);
            t.head = *chain;
        }
        self.gov.appended(seq, entry_hash);
    }

    /// The officers' state: who signs, what they decided, what is locked.
    pub fn governance(&self) -> &Governance {
        &self.gov
    }

    /// Whether the officer's signatures count now (founding, or approved, and not revoked).
    pub fn is_endorsed(&self, id: &OfficerId) -> bool {
        self.gov.in_standing(id)
    }

    /// The seq and entry hash of the registration of an officer registered after the first
    /// seal (what an approval signs).
    pub fn officer_entry(&self, id: &OfficerId) -> Option<(i64, Option<Hash>)> {
        self.gov.officer_entry(id)
    }

    pub fn officer_by_key(&self, public_key: &[u8; 32]) -> Option<&OfficerId> {
        self.gov.officer_by_key(public_key)
    }

    pub fn officer_key(&self, id: &OfficerId) -> Option<&[u8; 32]> {
        self.gov.officer_key(id)
    }

    /// The seal at `seq`: its entry hash and who signed it.
    pub fn seal(&self, seq: i64) -> Option<(Option<Hash>, Vec<OfficerId>)> {
        self.gov.seal(seq)
    }

    /// Sequence numbers of all seals, oldest first.
    pub fn seal_seqs(&self) -> Vec<i64> {
        self.gov.seal_seqs()
    }

    pub fn locked_through(&self) -> Option<NaiveDate> {
        self.gov.locked_through()
    }

    /// The content of a seal appended now (at `next_seq`), from the replayed totals.
    pub fn seal_content(
        &self,
        period_end: Option<NaiveDate>,
        mut banks: Vec<BankBalance>,
    ) -> Option<Seal> {
        let t = self.totals.as_ref()?;
        banks.sort_by(|a, b| a.account.cmp(&b.account));
        Some(Seal {
            period_end,
            covered: self.next_seq - 1,
            head: t.head,
            merkle_root: t.merkle.root(),
            previous: self.last_seal(),
            trial_balance: t
                .balances
                .iter()
                .filter(|(_, b)| **b != 0)
                .map(|(a, b)| (a.clone(), Minor(*b)))
                .collect(),
            grants: {
                let mut ids: Vec<&GrantId> = self.grants.keys().collect();
                ids.sort();
                ids.into_iter()
                    .map(|g| {
                        let (received, spent) = t.grants.get(g).copied().unwrap_or_default();
                        GrantTotals {
                            grant: g.clone(),
                            received: Minor(received),
                            spent: Minor(spent),
                        }
                    })
                    .collect()
            },
            banks,
        })
    }

    fn last_seal(&self) -> Option<(i64, Hash)> {
        self.gov.last_seal()
    }

    /// A account's balance from the replayed totals.
    pub fn balance(&self, account: &AccountCode) -> Option<Minor> {
        let t = self.totals.as_ref()?;
        Some(Minor(t.balances.get(account).copied().unwrap_or(0)))
    }

    /// An account's balance as of the end of `date` (entries dated on or before it), from the
    /// replayed totals.
    pub fn balance_as_of(&self, account: &AccountCode, date: NaiveDate) -> Option<Minor> {
        let t = self.totals.as_ref()?;
        Some(Minor(t.dated.get(account).map_or(0, |days| {
            days.range(..=date)
                .fold(0i64, |sum, (_, a)| sum.saturating_add(*a))
        })))
    }

    /// The postings of the closing of fiscal `year` (dated `end`), from the replayed totals:
    /// every income and expense account's net for the year reversed, and the result carried to
    /// the restricted and unrestricted net-asset accounts.
    pub fn closing_postings(
        &self,
        year: i32,
        restricted_account: &AccountCode,
        unrestricted_account: &AccountCode,
    ) -> Option<Vec<Posting>> {
        let t = self.totals.as_ref()?;
        let plain = |account: &AccountCode, amount: i64| Posting {
            account: account.clone(),
            amount: Minor(amount),
            grant: None,
            line: None,
            original: None,
            memo: None,
        };
        let flows = t.flows.get(&year).cloned().unwrap_or_default();
        let mut postings: Vec<Posting> = flows
            .iter()
            .filter(|(_, f)| **f != 0)
            .map(|(a, f)| plain(a, f.saturating_neg()))
            .collect();
        let total = flows.values().fold(0i64, |a, f| a.saturating_add(*f));
        let restricted = t.restricted.get(&year).copied().unwrap_or(0);
        if restricted != 0 {
            postings.push(plain(restricted_account, restricted));
        }
        let rest = total.saturating_sub(restricted);
        if rest != 0 {
            postings.push(plain(unrestricted_account, rest));
        }
        Some(postings)
    }

    /// Fiscal years that end on or before `date`, have income or expense, and are not closed:
    /// locking through `date` would make them impossible to close.
    pub fn unclosed_years_through(&self, date: NaiveDate) -> Vec<i32> {
        let Some(t) = self.totals.as_ref() else {
            return vec![];
        };
        let mut years: Vec<i32> = t
            .flows
            .iter()
            .filter(|(year, flows)| {
                !self.gov.is_closed(**year)
                    && flows.values().any(|f| *f != 0)
                    && self
                        .fiscal_bounds(**year)
                        .is_some_and(|(_, end)| end <= date)
            })
            .map(|(year, _)| *year)
            .collect();
        years.sort();
        years
    }

    pub fn fiscal_bounds(&self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        self.info.as_ref()?.fiscal_start.year_bounds(year)
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
                        withdrawn: None,
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
                let warnings = self.take_entry(e);
                if let EntryKind::Closing { year, .. } = e.header.kind {
                    self.gov.decide(
                        entry.seq,
                        Decision::Closing {
                            year,
                            end: e.header.date,
                        },
                    );
                }
                warnings
            }
            Record::Officer(o) => {
                self.gov.admit_officer(entry.seq, &o.id, o.public_key)?;
                vec![]
            }
            Record::Seal(seal) => {
                self.admit_seal(entry.seq, seal)?;
                vec![]
            }
            Record::Signature(sig) => {
                self.gov.admit_signature(entry.seq, sig)?;
                vec![]
            }
            Record::Receipt(r) => {
                self.admit_receipt(r)?;
                vec![]
            }
            Record::GrantAmendment(a) => {
                self.admit_grant_amendment(a)?;
                vec![]
            }
            Record::AccountChange(c) => {
                self.admit_account_change(c)?;
                vec![]
            }
            Record::BudgetLineAmendment(b) => {
                self.admit_budget_line_amendment(b)?;
                vec![]
            }
            Record::FunderChange(c) => {
                self.admit_funder_change(c)?;
                vec![]
            }
            Record::Policy(_) | Record::Lock(_) | Record::Reopen(_) | Record::Revocation(_) => {
                let fiscal = self.info.as_ref().map(|i| i.fiscal_start);
                let Some(decision) = decision_of(&entry.record, fiscal) else {
                    return Err(vec![RuleError::new(
                        "year",
                        entry.record.kind(),
                        "the decision names a fiscal year out of range",
                    )]);
                };
                self.gov.check_decision(&decision, fiscal)?;
                if let Decision::Lock(through) = decision {
                    self.check_lock(through)?;
                }
                self.gov.decide(entry.seq, decision);
                vec![]
            }
        };
        self.next_seq += 1;
        Ok(warnings)
    }

    /// A lock may not pass the end of a fiscal year that has income or expense and is not
    /// closed: that year could never be closed (its closing is dated on its last day).
    fn check_lock(&self, through: NaiveDate) -> Result<(), Vec<RuleError>> {
        let open = self.unclosed_years_through(through);
        if let Some(first) = open.first() {
            return Err(vec![RuleError::new(
                "through",
                format_date(through),
                format!(
                    "locking through {through} would leave fiscal year {first} impossible to close: close it first with `amana close --year {first}`"
                ),
            )]);
        }
        Ok(())
    }

    fn admit_seal(&mut self, seq: i64, seal: &Seal) -> Result<(), Vec<RuleError>> {
        let refuse = |what: &str, message: String| Err(vec![RuleError::new("seal", what, message)]);
        for b in &seal.banks {
            if !self.accounts.contains_key(&b.account) {
                return refuse("bank", format!("bank account {} does not exist", b.account));
            }
        }
        // Only a book that replayed the chain knows the totals; a seal is always checked by one.
        let Some(expected) = self.seal_content(seal.period_end, seal.banks.clone()) else {
            return refuse(
                "state",
                "a seal can only be checked against a replayed chain".into(),
            );
        };
        let currency = self.currency().cloned().unwrap_or(Currency {
            code: String::new(),
            exponent: 2,
        });
        if seal.covered != seq - 1 || seal.head != expected.head {
            return refuse(
                "head",
                format!(
                    "the seal claims entries 1 to {} with head {}, but the chain before it differs",
                    seal.covered,
                    hex::encode(seal.head)
                ),
            );
        }
        if seal.merkle_root != expected.merkle_root {
            return refuse(
                "merkle_root",
                "the seal's Merkle root does not recompute from the entries it covers".into(),
            );
        }
        if seal.previous != expected.previous {
            return refuse(
                "previous",
                "the seal does not point to the previous seal".into(),
            );
        }
        if seal.trial_balance != expected.trial_balance {
            return refuse(
                "trial_balance",
                "the seal's trial balance does not recompute from the entries".into(),
            );
        }
        if seal.grants != expected.grants {
            return refuse(
                "grants",
                "the seal's grant totals do not recompute from the entries".into(),
            );
        }
        for b in &seal.banks {
            // A statement gives the balance at the end of its period: the books are compared
            // as of that day (entries recorded since but dated later do not count). A seal
            // written before this rule compared everything recorded; that still holds for it.
            let books = match seal.period_end {
                Some(end) => self.balance_as_of(&b.account, end).unwrap_or_default(),
                None => self.balance(&b.account).unwrap_or_default(),
            };
            // A ledger from before policies checked the balance of everything recorded.
            let legacy = self.gov.quorum().is_none()
                && self.balance(&b.account).unwrap_or_default() == b.balance;
            if books != b.balance && !legacy {
                let diff = Minor(books.0.saturating_sub(b.balance.0).saturating_abs());
                let (as_of, advice) = (
                    seal.period_end
                        .map(|d| format!(" as of {d}"))
                        .unwrap_or_default(),
                    if books.0 > b.balance.0 {
                        "more than the statement: a movement the bank has not made yet (a cheque not cashed?), or one recorded twice or too large"
                    } else {
                        "less than the statement: movements the bank made are not recorded yet (bank fees, a transfer received?), or one was recorded too small"
                    },
                );
                return refuse(
                    "bank",
                    format!(
                        "the statement {} gives {} {c} for account {}, but the books say {}{as_of}: the books have {} {c} {advice}. Record or correct the movements, then seal again",
                        b.statement,
                        currency.format(b.balance),
                        b.account,
                        currency.format(books),
                        currency.format(diff),
                        c = currency.code,
                    ),
                );
            }
        }
        self.gov.add_seal(seq, seal.period_end);
        Ok(())
    }

    fn admit_receipt(&mut self, r: &Receipt) -> Result<(), Vec<RuleError>> {
        if r.entry.0 < 1 || r.entry.0 >= self.next_entry {
            return Err(vec![RuleError::new(
                "entry",
                r.entry,
                format!("transaction {} does not exist", r.entry),
            )]);
        }
        if r.size < 0 || r.file_name.contains('/') {
            return Err(vec![RuleError::new(
                "file_name",
                &r.file_name,
                "a receipt has a plain file name and a size",
            )]);
        }
        if !self.receipts.insert((r.entry, r.sha256)) {
            return Err(vec![RuleError::new(
                "sha256",
                hex::encode(r.sha256),
                format!(
                    "this document is already a receipt of transaction {}",
                    r.entry
                ),
            )]);
        }
        Ok(())
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
        if g.amount.0 < 0 || !g.amount.in_range() {
            problems.push(RuleError::new(
                "amount",
                g.amount,
                "a grant's amount is between 0 and 10^13 minor units",
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
        if b.amount.0 < 0 || !b.amount.in_range() {
            problems.push(RuleError::new(
                "amount",
                b.amount,
                "a budget is between 0 and 10^13 minor units",
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
        if let Some(currency) = self.currency()
            && let Err(err) = e.validate(currency)
        {
            problems.push(RuleError::new(
                "amount",
                h.id,
                format!("transaction {}: {err}", h.id),
            ));
            return problems;
        }
        problems.extend(self.check_content(e));
        match &h.kind {
            EntryKind::Reversal { reverses, .. } => {
                problems.extend(self.check_reversal(e, *reverses, original));
            }
            EntryKind::Closing {
                year,
                start,
                restricted_account,
                unrestricted_account,
            } => problems.extend(self.check_closing(
                e,
                *year,
                *start,
                restricted_account,
                unrestricted_account,
            )),
            EntryKind::Transaction => {}
        }
        problems
    }

    fn check_closing(
        &self,
        e: &Entry,
        year: i32,
        start: NaiveDate,
        restricted: &AccountCode,
        unrestricted: &AccountCode,
    ) -> Vec<RuleError> {
        let refuse = |field: &'static str, value: String, message: String| {
            vec![RuleError::new(field, value, message)]
        };
        if self.fiscal_bounds(year) != Some((start, e.header.date)) {
            return refuse(
                "date",
                format_date(e.header.date),
                format!(
                    "the closing of fiscal year {year} is dated on its last day, and starts on its first"
                ),
            );
        }
        if e.header.batch.is_some() || e.header.reference.is_some() {
            return refuse(
                "batch",
                String::new(),
                "a closing has no reference and is never part of an import".into(),
            );
        }
        if self.gov.is_closed(year) || self.gov.closing_pending(year) {
            return refuse(
                "year",
                year.to_string(),
                format!("fiscal year {year} is already closed (or its closing awaits signatures)"),
            );
        }
        for account in [restricted, unrestricted] {
            if self.accounts.get(account) != Some(&AccountType::NetAssets) {
                return refuse(
                    "account",
                    account.to_string(),
                    format!("the result is carried to a net-assets account; {account} is not one"),
                );
            }
        }
        match self.closing_postings(year, restricted, unrestricted) {
            None => refuse(
                "state",
                String::new(),
                "a closing can only be checked against a replayed chain".into(),
            ),
            Some(expected) if expected.as_slice() == e.postings() => vec![],
            Some(_) => refuse(
                "postings",
                year.to_string(),
                format!(
                    "the closing postings do not carry exactly the income and expense of fiscal year {year} to net assets"
                ),
            ),
        }
    }

    /// The rules of an entry's content (accounts, grants, lines, periods, currencies), which do
    /// not depend on its position in the chain: an import checks every entry with this before
    /// writing any.
    pub fn check_content(&self, e: &Entry) -> Vec<RuleError> {
        let mut problems = vec![];
        let h = &e.header;
        if let Some(locked) = self.gov.locked_through()
            && h.date <= locked
        {
            problems.push(RuleError::new(
                "date",
                format_date(h.date),
                format!(
                    "the books are locked through {locked}: nothing dated on or before it can be added. Record the correction dated in the open period (after {locked}), e.g. `amana reverse N --date ...` then the right transaction; or, if the officers decide so, reopen the year (`amana reopen --year ...`)"
                ),
            ));
        }
        problems.extend(self.check_in_force(e));
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
                        // A reversal mirrors an entry that was admitted: it may come after
                        // the grant's period (a mistake found late is still corrected).
                        let spends = kind == Some(AccountType::Expense) || p.line.is_some();
                        let reversal = matches!(h.kind, EntryKind::Reversal { .. });
                        if spends && !reversal && !grant.covers(h.date) {
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
                                format!("see `amana grant list --grant {grant_id}` for its lines")
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
        if matches!(original.header.kind, EntryKind::Closing { .. }) {
            return refuse(format!(
                "transaction {reverses} is the closing of a fiscal year, which is never reversed"
            ));
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
        self.take_totals(e);
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

    fn take_totals(&mut self, e: &Entry) {
        let Some(fiscal) = self.info.as_ref().map(|i| i.fiscal_start) else {
            return;
        };
        let year = fiscal.year_of(e.header.date);
        let Some(t) = self.totals.as_mut() else {
            return;
        };
        let accounts = &self.accounts;
        t.usage.take(e, |a| accounts.get(a).copied());
        for p in e.postings() {
            let amount = p.amount.0;
            let balance = t.balances.entry(p.account.clone()).or_default();
            *balance = balance.saturating_add(amount);
            let day = t
                .dated
                .entry(p.account.clone())
                .or_default()
                .entry(e.header.date)
                .or_default();
            *day = day.saturating_add(amount);
            let kind = self.accounts.get(&p.account).copied();
            if let Some(g) = &p.grant {
                let totals = t.grants.entry(g.clone()).or_default();
                if kind == Some(AccountType::Income) {
                    totals.0 = totals.0.saturating_sub(amount);
                }
                if kind == Some(AccountType::Expense) || p.line.is_some() {
                    totals.1 = totals.1.saturating_add(amount);
                }
            }
            if matches!(kind, Some(AccountType::Income | AccountType::Expense)) {
                let flow = t
                    .flows
                    .entry(year)
                    .or_default()
                    .entry(p.account.clone())
                    .or_default();
                *flow = flow.saturating_add(amount);
                let restricted = p
                    .grant
                    .as_ref()
                    .and_then(|g| self.grants.get(g))
                    .is_some_and(|g| g.restricted);
                if restricted {
                    let r = t.restricted.entry(year).or_default();
                    *r = r.saturating_add(amount);
                }
            }
        }
        // A closing carries the whole restricted part of its year so far: a closing after a
        // reopening carries only what was recorded since (CHAIN.md rule 14).
        if matches!(e.header.kind, EntryKind::Closing { .. }) {
            t.restricted.remove(&year);
        }
    }

    /// Moves past an entry that could not be admitted, so one bad entry does not make every
    /// later one look out of sequence (used by `verify`, which reports and goes on).
    ///
    /// `kind` is what the log row says the entry was, for an entry that cannot be decoded: a
    /// transaction, reversal or closing still takes its number. An entry that breaks a rule
    /// still counts in the totals (the books as recorded), and a seal that does not recompute
    /// is still a seal that later seals and its signatures refer to; each is reported once.
    ///
    /// An entry that interrupts an import's batch ends the batch (the interruption is reported
    /// once, by [`Book::admit`]); an import that breaks a rule still opens its own batch, so
    /// the transactions it announced are not reported again, one by one.
    pub fn skip(&mut self, entry: Option<&ChainEntry>, kind: &str) {
        self.next_seq += 1;
        let in_open_batch = match (entry, self.open_batch) {
            (_, None) => false,
            // An undecodable entry counts as one of the batch's transactions.
            (None, Some(_)) => true,
            (
                Some(ChainEntry {
                    record: Record::Entry(e),
                    ..
                }),
                Some(batch),
            ) => e.header.batch == Some(batch.seq),
            (Some(_), Some(_)) => false,
        };
        if !in_open_batch {
            self.open_batch = None;
        }
        let takes_number = match entry {
            Some(ChainEntry {
                record: Record::Entry(e),
                ..
            }) => {
                self.next_entry = self.next_entry.max(e.id().0.saturating_add(1));
                self.take_totals(e);
                true
            }
            Some(ChainEntry {
                seq,
                record: Record::Seal(seal),
                ..
            }) => {
                self.gov.add_seal(*seq, seal.period_end);
                false
            }
            Some(ChainEntry {
                seq,
                record: Record::Import(i),
                ..
            }) => {
                self.imported_files.insert(i.file_sha256);
                if i.transactions >= 1 {
                    self.open_batch = Some(OpenBatch {
                        seq: *seq,
                        remaining: i.transactions,
                    });
                }
                false
            }
            Some(_) => false,
            None => {
                let numbered = matches!(kind, "transaction" | "reversal" | "closing")
                    || self.open_batch.is_some();
                if numbered {
                    self.next_entry += 1;
                }
                numbered
            }
        };
        if takes_number && let Some(batch) = self.open_batch.as_mut() {
            batch.remaining -= 1;
            if batch.remaining <= 0 {
                self.open_batch = None;
            }
        }
    }

    /// Moves past `n` entries missing from the log (a gap), in one step whatever `n`.
    pub fn skip_missing(&mut self, n: i64) {
        self.next_seq = self.next_seq.saturating_add(n);
        if let Some(batch) = self.open_batch.as_mut() {
            let taken = n.min(batch.remaining);
            self.next_entry = self.next_entry.saturating_add(taken);
            batch.remaining -= taken;
            if batch.remaining <= 0 {
                self.open_batch = None;
            }
        }
    }

    /// True while an import has announced entries that have not come yet (a truncated import).
    pub fn open_import(&self) -> Option<(i64, i64)> {
        self.open_batch.map(|b| (b.seq, b.remaining))
    }
}
