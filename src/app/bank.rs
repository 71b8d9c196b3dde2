//! `amana bank import`, `bank review` and `bank assign`: a bank's own statement brought into
//! the books, one transaction per new line, all or nothing.
//!
//! The statement is read as the bank wrote it (`formats::bank`), with a rules file or a
//! guessed layout. Each line's fingerprint says whether an earlier statement of the account
//! recorded it already (an overlapping month, the same file saved again): those are skipped
//! and counted. A rule sends a new line to its counter account, funder, grant and budget line;
//! a line no rule matches goes to the suspense account and is listed, never dropped. The
//! statement's running balance is then compared with the books, day by day: the first day they
//! part is named (a cheque recorded by hand, a line missing).
//!
//! A line in suspense is assigned later by a reclassification (never an edit): a transaction
//! that moves its amount out of suspense, and a `bank-assignment` entry that ties the two.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::app::charging::Watch;
use crate::app::{Ledger, LedgerError, Refusal, append_entry, append_record, load_book, reconcile};
use crate::chain::{self, BankAssignment, BankImport, Hash, Record, Source};
use crate::domain::{
    AccountCode, AccountType, Entry, EntryHeader, EntryId, EntryKind, FunderId, GrantId, LineId,
    Minor, Posting, text,
};
use crate::files;
use crate::formats::bank::rules::{Rule, Rules, RulesError};
use crate::formats::bank::{self as statement, Layout, Statement, StatementError, fingerprint};
use crate::rules::{RuleError, Warning};
use crate::store::bank::SuspenseRow;

/// The largest rules file read.
const RULES_LIMIT: u64 = 1024 * 1024;

/// A statement file read with its rules file (or none): the rules, the file's SHA-256, and the
/// statement; `exponent` is the decimals of the account's currency. Each refusal names the
/// file it is about.
pub(crate) fn read_statement(
    file: &Path,
    rules: Option<&Path>,
    exponent: u8,
) -> Result<(Rules, Hash, Statement), BankError> {
    let rules = match rules {
        None => Rules::default(),
        Some(path) => {
            let text = files::read_text(path, RULES_LIMIT).map_err(LedgerError::from)?;
            Rules::parse(&text).map_err(|error| BankError::Rules {
                file: path.to_path_buf(),
                error,
            })?
        }
    };
    let bytes = files::read_input(file).map_err(LedgerError::from)?;
    let read = statement::read(&bytes, &rules, exponent).map_err(|error| BankError::Statement {
        file: file.to_path_buf(),
        error,
    })?;
    Ok((rules, chain::sha256(&bytes), read))
}

/// The suspense account of a chart, when the rules file names none: the CGNC's "comptes
/// transitoires ou d'attente" on the Moroccan chart.
fn default_suspense(chart: &str) -> Option<&'static str> {
    match chart {
        "ma-associations" => Some("3497"),
        _ => None,
    }
}

/// Why a statement was not imported: nothing was.
#[derive(Debug, thiserror::Error)]
pub enum BankError {
    #[error("{}:{error}\nThe rules file is refused; nothing was imported.", file.display())]
    Rules { file: PathBuf, error: RulesError },
    #[error("{}", statement_message(file, error))]
    Statement {
        file: PathBuf,
        error: StatementError,
    },
    /// Lines the ledger refuses (a rule's account that does not exist, a grant closed).
    #[error("{}", listed(file, problems))]
    Lines {
        file: PathBuf,
        problems: Vec<statement::RowError>,
    },
    #[error(transparent)]
    Ledger(#[from] LedgerError),
}

impl From<crate::store::StoreError> for BankError {
    fn from(e: crate::store::StoreError) -> Self {
        BankError::Ledger(e.into())
    }
}

fn statement_message(path: &Path, error: &StatementError) -> String {
    let file = path.display();
    match error {
        StatementError::File { line: 0, problem } => {
            format!("{file}: {problem}\nNothing was imported.")
        }
        StatementError::File { line, problem } => {
            format!("{file}:line {line}: {problem}\nNothing was imported.")
        }
        StatementError::Rows(rows) => listed(path, rows),
    }
}

/// How many problems, then the first [`MAX_SHOWN`] of them each at `FILE:LINE`, and how many
/// more there are: a statement of 50,000 lines and a rule naming a missing account would
/// otherwise print 50,000 lines.
fn listed(file: &Path, rows: &[statement::RowError]) -> String {
    let file = file.display();
    let mut out = format!("{file}: {} problem(s); nothing was imported", rows.len());
    for r in rows.iter().take(MAX_SHOWN) {
        out.push_str(&format!("\n{file}:{r}"));
    }
    if rows.len() > MAX_SHOWN {
        out.push_str(&format!("\n... and {} more", rows.len() - MAX_SHOWN));
    }
    out
}

/// The most problems a refusal lists.
const MAX_SHOWN: usize = 20;

/// A new line, as it was (or would be) recorded.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportedLine {
    /// Its line in the statement file.
    pub line: u64,
    pub entry: i64,
    pub date: String,
    pub description: String,
    /// Money in positive, minor units.
    pub amount: i64,
    /// The counter account it was posted to.
    pub counter: String,
    pub grant: Option<String>,
    pub budget_line: Option<String>,
    pub funder: Option<String>,
    /// The line of the rule that matched it in the rules file; `None`: suspense.
    pub rule: Option<u64>,
}

/// Where the statement's running balance and the books first part, if they do.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BalanceGap {
    pub date: String,
    /// The statement line whose balance is compared (the day's last).
    pub line: u64,
    pub statement: i64,
    pub books: i64,
}

/// What a statement import did (or, with `--dry-run`, would do).
#[derive(Debug, Clone)]
pub struct BankImportOutcome {
    pub file: PathBuf,
    pub sha256: Hash,
    pub account: AccountCode,
    pub layout: Layout,
    /// Statement lines read.
    pub rows: usize,
    pub imported: Vec<ImportedLine>,
    /// Lines an earlier statement had recorded: (file line, entry that recorded it, if known).
    pub skipped: Vec<u64>,
    pub suspense: Option<AccountCode>,
    /// Rows that continued the description above, totals left out, opening balance rows.
    pub continued: usize,
    pub footer: Vec<u64>,
    pub balance_rows: Vec<u64>,
    pub zero_rows: Vec<u64>,
    pub newest_first: bool,
    /// The statement's balances compared with the books' (`None`: it has no balance column).
    pub balance_checked: Option<usize>,
    pub balance_gap: Option<BalanceGap>,
    pub seq: Option<i64>,
    pub head: Option<Hash>,
    pub warnings: Vec<Warning>,
    /// New lines that a transaction typed by hand may already record (the same amount on the
    /// account, dated up to 45 days before or 7 after, not matched with a statement): (file
    /// line, that transaction, its date).
    pub maybe_recorded: Vec<(u64, EntryId, NaiveDate)>,
    pub dry_run: bool,
}

/// A statement line turned into a transaction's content.
struct Planned {
    line: u64,
    date: NaiveDate,
    description: String,
    reference: Option<String>,
    amount: i64,
    fingerprint: Hash,
    rule: Option<Rule>,
}

/// The request of `bank import`.
pub struct BankImportRequest<'a> {
    pub file: &'a Path,
    pub account: &'a str,
    pub rules: Option<&'a Path>,
    pub dry_run: bool,
    pub today: Option<NaiveDate>,
}

impl Ledger {
    /// Imports a bank statement's new lines into `account`, all or none.
    pub fn bank_import(
        &mut self,
        req: BankImportRequest<'_>,
    ) -> Result<BankImportOutcome, BankError> {
        let account = AccountCode::parse(req.account.trim()).map_err(LedgerError::from)?;
        let info = self.info()?;
        let (rules, sha256, read) = read_statement(req.file, req.rules, info.currency.exponent)?;
        let file_name = req
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| req.file.display().to_string());
        let file_name = text::clean("file name", &file_name).map_err(LedgerError::from)?;
        let layout_line =
            text::clean("layout", &read.layout.summary()).map_err(LedgerError::from)?;
        let fingerprints = fingerprint::fingerprints(account.as_str(), &read.lines);
        let suspense_code = rules
            .suspense
            .clone()
            .or_else(|| default_suspense(&info.chart).map(str::to_string));
        // Transactions of the account typed by hand, that a new line may duplicate.
        let typed = match read.lines.last() {
            None => vec![],
            Some(last) => {
                let through = last.date + chrono::Days::new(reconcile::AFTER_DAYS as u64);
                let imported = self.store.bank_line_entries(account.as_str())?;
                let imported: std::collections::HashSet<_> = imported.values().copied().collect();
                self.store
                    .unreconciled(account.as_str(), through)?
                    .into_iter()
                    .filter(|m| !imported.contains(&m.entry))
                    .collect::<Vec<_>>()
            }
        };
        let actor = self.actor.clone();
        let mut watch = Watch::load(&self.store, &info, req.today)?;
        let file = req.file.to_path_buf();
        let dry_run = req.dry_run;
        let run = |app: &mut crate::store::Appender<'_>| -> Result<BankImportOutcome, BankError> {
            let mut book = load_book(app)?;
            match book.account_type(&account) {
                None => {
                    return Err(LedgerError::from(Refusal::BankAccountMissing {
                        account: account.clone(),
                    })
                    .into());
                }
                Some(AccountType::Asset) => {}
                Some(kind) => {
                    return Err(LedgerError::from(Refusal::BankAccountNotAsset {
                        account: account.clone(),
                        kind,
                    })
                    .into());
                }
            }
            let mut problems = vec![];
            let mut planned = vec![];
            let mut skipped = vec![];
            for (l, f) in read.lines.iter().zip(&fingerprints) {
                if book.bank_line_known(&account, f) {
                    skipped.push(l.line);
                    continue;
                }
                let description = match text::clean("description", &l.description) {
                    Ok(d) => d,
                    Err(e) => {
                        problems.push(statement::RowError {
                            line: l.line,
                            column: Some(read.layout.column_name(read.layout.description[0])),
                            value: Some(l.description.clone()),
                            problem: e.to_string(),
                        });
                        continue;
                    }
                };
                let reference = match l.reference.as_deref().map(|r| text::clean("reference", r)) {
                    None => None,
                    Some(Ok(r)) => Some(r),
                    Some(Err(e)) => {
                        problems.push(statement::RowError {
                            line: l.line,
                            column: read.layout.reference.map(|i| read.layout.column_name(i)),
                            value: l.reference.clone(),
                            problem: e.to_string(),
                        });
                        continue;
                    }
                };
                planned.push(Planned {
                    line: l.line,
                    date: l.date,
                    description,
                    reference,
                    amount: l.amount,
                    fingerprint: *f,
                    rule: rules.rule_for(&l.description, l.amount).cloned(),
                });
            }
            let needs_suspense = planned.iter().any(|p| p.rule.is_none());
            let suspense = match (&suspense_code, needs_suspense) {
                (_, false) => None,
                (None, true) => {
                    return Err(LedgerError::from(Refusal::BankNoSuspense {
                        lines: planned
                            .iter()
                            .filter(|p| p.rule.is_none())
                            .map(|p| p.line)
                            .collect(),
                    })
                    .into());
                }
                (Some(code), true) => {
                    let code = AccountCode::parse(code).map_err(LedgerError::from)?;
                    if code == account {
                        return Err(LedgerError::from(Refusal::BankSameAccount {
                            account: code,
                            role: "suspense",
                        })
                        .into());
                    }
                    if book.account_type(&code).is_none() {
                        return Err(LedgerError::from(Refusal::BankSuspenseMissing {
                            account: code,
                        })
                        .into());
                    }
                    Some(code)
                }
            };
            let seq = app.next_seq();
            let first_id = book.next_entry_id().0;
            let mut entries = vec![];
            let mut funders = vec![];
            let mut imported = vec![];
            for (i, p) in planned.iter().enumerate() {
                let id = EntryId(first_id + i as i64);
                let (counter, grant, line, funder, memo) = match &p.rule {
                    Some(r) => {
                        let parsed = (|| -> Result<_, crate::domain::DomainError> {
                            Ok((
                                AccountCode::parse(&r.account)?,
                                r.grant.as_deref().map(GrantId::parse).transpose()?,
                                r.budget_line.as_deref().map(LineId::parse).transpose()?,
                                r.funder.as_deref().map(FunderId::parse).transpose()?,
                            ))
                        })();
                        match parsed {
                            Ok((a, ..)) if a == account => {
                                problems.push(statement::RowError {
                                    line: p.line,
                                    column: None,
                                    value: Some(r.account.clone()),
                                    problem: format!(
                                        "the rule at line {} of the rules file sends the line to the statement's own account {account}: a line moves money between the bank and another account",
                                        r.line
                                    ),
                                });
                                continue;
                            }
                            Ok((a, g, l, f)) => (a, g, l, f, r.memo.clone()),
                            Err(e) => {
                                problems.push(statement::RowError {
                                    line: p.line,
                                    column: None,
                                    value: None,
                                    problem: format!(
                                        "the rule at line {} of the rules file: {e}",
                                        r.line
                                    ),
                                });
                                continue;
                            }
                        }
                    }
                    None => (
                        suspense
                            .clone()
                            .expect("a suspense account when a line needs one"),
                        None,
                        None,
                        None,
                        None,
                    ),
                };
                let rule_hint = |e: &RuleError| match &p.rule {
                    Some(r) => format!("{e} (rule at line {} of the rules file)", r.line),
                    None => e.to_string(),
                };
                let postings = vec![
                    Posting::plain(account.clone(), Minor(p.amount)),
                    Posting {
                        account: counter.clone(),
                        amount: Minor(p.amount.saturating_neg()),
                        grant: grant.clone(),
                        line: line.clone(),
                        original: None,
                        memo,
                    },
                ];
                let postings =
                    crate::app::rates::grant_originals(app, &book, &info, p.date, postings)?;
                let header = EntryHeader {
                    id,
                    date: p.date,
                    description: p.description.clone(),
                    reference: p.reference.clone(),
                    kind: EntryKind::Transaction,
                    batch: Some(seq),
                };
                match Entry::new(header, postings, &info.currency) {
                    Ok(entry) => {
                        let mut found = book.check_content(&entry);
                        found.extend(book.check_charging(&entry, &watch.charging));
                        for e in found {
                            problems.push(statement::RowError {
                                line: p.line,
                                column: None,
                                value: Some(e.value()),
                                problem: rule_hint(&e),
                            });
                        }
                        entries.push(entry);
                    }
                    Err(e) => problems.push(statement::RowError {
                        line: p.line,
                        column: None,
                        value: None,
                        problem: e.to_string(),
                    }),
                }
                if let Some(f) = &funder {
                    funders.push((id, f.clone(), p.line));
                }
                imported.push(ImportedLine {
                    line: p.line,
                    entry: id.0,
                    date: crate::domain::format_date(p.date),
                    description: p.description.clone(),
                    amount: p.amount,
                    counter: counter.to_string(),
                    grant: grant.map(|g| g.to_string()),
                    budget_line: line.map(|l| l.to_string()),
                    funder: funder.map(|f| f.to_string()),
                    rule: p.rule.as_ref().map(|r| r.line),
                });
            }
            if !problems.is_empty() {
                problems.sort_by_key(|p| p.line);
                return Err(BankError::Lines {
                    file: file.clone(),
                    problems,
                });
            }
            let mut outcome = BankImportOutcome {
                file: file.clone(),
                sha256,
                account: account.clone(),
                layout: read.layout.clone(),
                rows: read.lines.len(),
                imported,
                skipped,
                suspense: suspense.clone(),
                continued: read.continued,
                footer: read.footer.clone(),
                balance_rows: read.balance_rows.clone(),
                zero_rows: read.zero_rows.clone(),
                newest_first: read.newest_first,
                balance_checked: None,
                balance_gap: None,
                seq: None,
                head: None,
                warnings: vec![],
                maybe_recorded: vec![],
                dry_run,
            };
            let mut taken = std::collections::HashSet::new();
            for p in &planned {
                let twin = typed.iter().find(|m| {
                    let days = (m.date - p.date).num_days();
                    m.amount == p.amount
                        && (-reconcile::BEFORE_DAYS..=reconcile::AFTER_DAYS).contains(&days)
                        && !taken.contains(&m.entry)
                });
                if let Some(m) = twin {
                    taken.insert(m.entry);
                    outcome.maybe_recorded.push((p.line, m.entry, m.date));
                }
            }
            if !entries.is_empty() {
                let record = Record::BankImport(BankImport {
                    account: account.clone(),
                    file_sha256: sha256,
                    file_name: file_name.clone(),
                    layout: layout_line.clone(),
                    rows: read.lines.len() as i64,
                    skipped: outcome.skipped.len() as i64,
                    suspense: suspense.clone(),
                    lines: planned.iter().map(|p| p.fingerprint).collect(),
                });
                let mut head = append_record(app, &mut book, &actor, record)?.head;
                for entry in entries {
                    let ours = watch.warnings(&book, &entry);
                    let written = append_entry(app, &mut book, &actor, entry)?;
                    outcome.warnings.extend(written.warnings);
                    outcome.warnings.extend(ours);
                    head = written.head;
                }
                for (entry, funder, line) in funders {
                    let source = Source {
                        entry,
                        posting: 1,
                        funder,
                    };
                    match append_record(app, &mut book, &actor, Record::Source(source)) {
                        Ok(written) => head = written.head,
                        Err(LedgerError::Rules(rules)) => {
                            return Err(BankError::Lines {
                                file: file.clone(),
                                problems: rules
                                    .into_iter()
                                    .map(|e| statement::RowError {
                                        line,
                                        column: None,
                                        value: Some(e.value()),
                                        problem: e.to_string(),
                                    })
                                    .collect(),
                            });
                        }
                        Err(other) => return Err(other.into()),
                    }
                }
                outcome.seq = Some(seq);
                outcome.head = Some(head);
            }
            // The statement's balances against the books, now that its lines are in them.
            if read.layout.balance.is_some() {
                let (checked, gap) = compare_balances(app, &account, &read)?;
                outcome.balance_checked = Some(checked);
                outcome.balance_gap = gap;
            }
            Ok(outcome)
        };
        if dry_run {
            self.store.rehearse(run)
        } else {
            self.store.write(run)
        }
    }

    /// The bank lines sitting in suspense, not assigned yet.
    pub fn bank_review(&self, account: Option<&str>) -> Result<Vec<SuspenseRow>, LedgerError> {
        Ok(self.store.bank_suspense(account.map(str::trim))?)
    }

    /// Assigns a bank line in suspense: a transaction moves its amount from the suspense
    /// account to `to` (with a grant, budget line or funder), and a `bank-assignment` entry
    /// ties it to the line. Dated the line's date unless `date` says otherwise (a closed
    /// period takes nothing).
    pub fn bank_assign(&mut self, req: AssignRequest<'_>) -> Result<AssignOutcome, LedgerError> {
        let line = self
            .store
            .bank_suspense(None)?
            .into_iter()
            .find(|r| r.entry == req.entry)
            .ok_or(Refusal::BankLineNotInSuspense {
                entry: EntryId(req.entry),
            })?;
        let info = self.info()?;
        let to = AccountCode::parse(req.account.trim())?;
        let grant = req.grant.map(|g| GrantId::parse(g.trim())).transpose()?;
        let budget_line = req.line.map(|l| LineId::parse(l.trim())).transpose()?;
        let funder = req.funder.map(|f| FunderId::parse(f.trim())).transpose()?;
        let memo = text::clean_optional("memo", req.memo)?;
        let suspense = AccountCode::parse(&line.suspense)?;
        let bank = AccountCode::parse(&line.account)?;
        if to == bank || to == suspense {
            return Err(Refusal::BankSameAccount {
                account: to,
                role: "assign",
            }
            .into());
        }
        let date = match req.date {
            Some(d) => d,
            None => crate::domain::parse_date(&line.date)?,
        };
        let description = text::clean(
            "description",
            &format!("{} (bank line #{})", line.description, line.entry),
        )?;
        let actor = self.actor.clone();
        let mut watch = Watch::load(&self.store, &info, req.today)?;
        let run = |app: &mut crate::store::Appender<'_>| -> Result<AssignOutcome, LedgerError> {
            let mut book = load_book(app)?;
            let id = book.next_entry_id();
            let postings = vec![
                Posting::plain(suspense.clone(), Minor(line.amount.saturating_neg())),
                Posting {
                    account: to.clone(),
                    amount: Minor(line.amount),
                    grant: grant.clone(),
                    line: budget_line.clone(),
                    original: None,
                    memo: memo.clone(),
                },
            ];
            let postings = crate::app::rates::grant_originals(app, &book, &info, date, postings)?;
            let entry = Entry::new(
                EntryHeader {
                    id,
                    date,
                    description: description.clone(),
                    reference: line.reference.clone(),
                    kind: EntryKind::Transaction,
                    batch: None,
                },
                postings,
                &info.currency,
            )?;
            let mut found = book.check_content(&entry);
            found.extend(book.check_charging(&entry, &watch.charging));
            if !found.is_empty() {
                return Err(LedgerError::Rules(found));
            }
            let ours = watch.warnings(&book, &entry);
            let mut warnings = append_entry(app, &mut book, &actor, entry)?.warnings;
            warnings.extend(ours);
            if let Some(funder) = &funder {
                append_record(
                    app,
                    &mut book,
                    &actor,
                    Record::Source(Source {
                        entry: id,
                        posting: 1,
                        funder: funder.clone(),
                    }),
                )?;
            }
            let written = append_record(
                app,
                &mut book,
                &actor,
                Record::BankAssignment(BankAssignment {
                    entry: EntryId(line.entry),
                    transaction: id,
                }),
            )?;
            warnings.extend(written.warnings);
            Ok(AssignOutcome {
                line: line.clone(),
                transaction: id,
                seq: written.seq,
                head: written.head,
                warnings,
            })
        };
        self.store.write(run)
    }
}

/// The request of `bank assign`.
pub struct AssignRequest<'a> {
    pub entry: i64,
    pub account: &'a str,
    pub grant: Option<&'a str>,
    pub line: Option<&'a str>,
    pub funder: Option<&'a str>,
    pub memo: Option<&'a str>,
    pub date: Option<NaiveDate>,
    pub today: Option<NaiveDate>,
}

/// What `bank assign` recorded.
#[derive(Debug, Clone)]
pub struct AssignOutcome {
    pub line: SuspenseRow,
    pub transaction: EntryId,
    pub seq: i64,
    pub head: Hash,
    pub warnings: Vec<Warning>,
}

/// Compares the statement's balance at the end of each of its days with the books' balance of
/// the account at the end of that day: how many days were compared, and the first that
/// differs.
fn compare_balances(
    app: &crate::store::Appender<'_>,
    account: &AccountCode,
    read: &Statement,
) -> Result<(usize, Option<BalanceGap>), BankError> {
    let (Some(first), Some(last)) = (read.lines.first(), read.lines.last()) else {
        return Ok((0, None));
    };
    let (before, days) = app.day_balances(account.as_str(), first.date, last.date)?;
    let mut checked = 0;
    // The books' balance at the end of `day`: the last day with postings on or before it.
    let books_at = |day: NaiveDate| {
        days.iter()
            .take_while(|(d, _)| *d <= day)
            .last()
            .map_or(before, |(_, b)| *b)
    };
    for (i, l) in read.lines.iter().enumerate() {
        let last_of_day = read.lines.get(i + 1).is_none_or(|n| n.date != l.date);
        let Some(statement_balance) = l.balance.filter(|_| last_of_day) else {
            continue;
        };
        checked += 1;
        let books = books_at(l.date);
        if books != statement_balance {
            return Ok((
                checked,
                Some(BalanceGap {
                    date: crate::domain::format_date(l.date),
                    line: l.line,
                    statement: statement_balance,
                    books,
                }),
            ));
        }
    }
    Ok((checked, None))
}
