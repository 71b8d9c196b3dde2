//! `amana reconcile`: a bank account's books matched with a statement, the way a treasurer
//! ticks a statement against the cash book.
//!
//! Each statement line is matched with one transaction of the account not matched before:
//! the transaction its import recorded (the same fingerprint), else one of the same amount
//! dated from [`BEFORE_DAYS`] days before the bank's date to [`AFTER_DAYS`] after (a cheque is
//! written before it is cashed), the closest in date first. Without a statement file, the
//! treasurer gives the statement's balance and names the transactions it does not show yet.
//!
//! What is left is said on each side: transactions of the books not on the statement
//! (outstanding: a cheque not cashed, a deposit in transit) and statement lines not in the
//! books (bank fees not recorded yet). The statement's balance must equal the books' balance,
//! less the outstanding transactions, plus the lines not in the books: then the matched
//! transactions are marked in the chain (`reconciliation`, rule 27), each once per account.
//! An unexplained difference records nothing.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;

use crate::app::bank::BankError;
use crate::app::{Ledger, LedgerError, Refusal, append_record, load_book};
use crate::chain::{Hash, Reconciliation, Record};
use crate::domain::{AccountCode, EntryId, Minor, text};
use crate::formats::bank::fingerprint;
use crate::store::bank::AccountMove;

/// How many days before the bank's date a matching transaction may be dated in the books.
pub const BEFORE_DAYS: i64 = 45;
/// How many days after.
pub const AFTER_DAYS: i64 = 7;

/// The request of `reconcile`: a statement file (with its rules), or a balance and a date with
/// the transactions outstanding.
pub struct ReconcileRequest<'a> {
    pub account: &'a str,
    pub statement: Option<&'a Path>,
    pub rules: Option<&'a Path>,
    pub balance: Option<&'a str>,
    pub date: Option<NaiveDate>,
    pub outstanding: &'a [i64],
    pub statement_name: Option<&'a str>,
    pub dry_run: bool,
}

/// A statement line with no transaction in the books.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BankOnly {
    pub line: u64,
    pub date: String,
    pub description: String,
    pub amount: i64,
}

/// A transaction matched, and with what.
#[derive(Debug, Clone)]
pub struct Matched {
    pub entry: AccountMove,
    /// The statement line (`None`: taken as on the statement, with `--balance`, or in the
    /// statement's opening balance).
    pub line: Option<u64>,
    /// Matched by the fingerprint its import recorded (else by amount and date).
    pub by_fingerprint: bool,
}

/// What a reconciliation found, and whether it was recorded.
#[derive(Debug, Clone)]
pub struct ReconcileOutcome {
    pub account: AccountCode,
    pub date: NaiveDate,
    pub statement: String,
    pub statement_balance: i64,
    /// The books' balance of the account through `date`.
    pub book_balance: i64,
    pub matched: Vec<Matched>,
    /// Statement lines an earlier reconciliation matched (an overlapping statement).
    pub matched_before: usize,
    pub outstanding: Vec<AccountMove>,
    pub bank_only: Vec<BankOnly>,
    /// The statement's balance less what the books explain: zero when reconciled.
    pub difference: i64,
    /// The chain entry recorded (`None`: a dry run, a difference left, or already recorded).
    pub seq: Option<i64>,
    /// The reconciliation of the same day, balance and books already in the chain, when this
    /// one matched nothing new: nothing is recorded again.
    pub already: Option<i64>,
    pub head: Option<Hash>,
    pub dry_run: bool,
}

impl ReconcileOutcome {
    pub fn outstanding_total(&self) -> i64 {
        self.outstanding
            .iter()
            .fold(0_i64, |s, m| s.saturating_add(m.amount))
    }

    pub fn bank_only_total(&self) -> i64 {
        self.bank_only
            .iter()
            .fold(0_i64, |s, b| s.saturating_add(b.amount))
    }
}

impl Ledger {
    /// Matches `account`'s books with a statement; records the matched transactions when the
    /// statement's balance is explained to the cent (and `dry_run` is off).
    pub fn reconcile(&mut self, req: ReconcileRequest<'_>) -> Result<ReconcileOutcome, BankError> {
        let account = AccountCode::parse(req.account.trim()).map_err(LedgerError::from)?;
        let info = self.info()?;
        if !self.store.has_account(account.as_str())? {
            return Err(LedgerError::from(Refusal::BankAccountMissing { account }).into());
        }
        let given_balance = req
            .balance
            .map(|b| info.currency.parse(b))
            .transpose()
            .map_err(LedgerError::from)?;
        let mut matched = vec![];
        let mut bank_only = vec![];
        let mut earlier = 0;
        let (date, statement_balance, name, candidates) = match req.statement {
            Some(path) => {
                let (_, _, read) =
                    crate::app::bank::read_statement(path, req.rules, info.currency.exponent)?;
                let last = read.lines.last().map(|l| l.date);
                let date = req.date.or(last).expect("a statement has a line");
                let lines: Vec<_> = read.lines.iter().filter(|l| l.date <= date).collect();
                let balance = match (given_balance, lines.iter().rev().find_map(|l| l.balance)) {
                    (Some(b), _) => b.0,
                    (None, Some(b)) if lines.last().is_some_and(|l| l.balance.is_some()) => b,
                    _ => {
                        return Err(LedgerError::from(Refusal::ReconcileNoBalance {
                            file: path.to_path_buf(),
                        })
                        .into());
                    }
                };
                let fingerprints = fingerprint::fingerprints(account.as_str(), &read.lines);
                let recorded = self.store.bank_line_entries(account.as_str())?;
                let mut candidates = self.store.unreconciled(account.as_str(), date)?;
                let imported: HashSet<EntryId> = recorded.values().copied().collect();
                // The candidates by id, and by amount (oldest first), each taken at most once.
                let mut taken = vec![false; candidates.len()];
                let by_id: HashMap<EntryId, usize> = candidates
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (c.entry, i))
                    .collect();
                let mut by_amount: HashMap<i64, Vec<usize>> = HashMap::new();
                for (i, c) in candidates.iter().enumerate() {
                    by_amount.entry(c.amount).or_default().push(i);
                }
                let mut lines_matched: Vec<(usize, u64, bool)> = vec![];
                for (l, f) in read.lines.iter().zip(&fingerprints) {
                    if l.date > date {
                        continue;
                    }
                    let recorded_as = recorded.get(f);
                    let exact = recorded_as.and_then(|id| by_id.get(id).copied());
                    // A line an earlier reconciliation matched (a statement that overlaps the
                    // one before): neither matched again nor missing from the books.
                    if recorded_as.is_some() && exact.is_none() {
                        earlier += 1;
                        continue;
                    }
                    let exact = exact.filter(|&i| !taken[i]);
                    let near = || {
                        by_amount.get(&l.amount).and_then(|same| {
                            same.iter()
                                .copied()
                                .filter(|&i| {
                                    let days = (candidates[i].date - l.date).num_days();
                                    !taken[i] && (-BEFORE_DAYS..=AFTER_DAYS).contains(&days)
                                })
                                // Closest in date, then a transaction typed by hand before one
                                // another statement's import recorded.
                                .min_by_key(|&i| {
                                    let c = &candidates[i];
                                    (
                                        (c.date - l.date).num_days().abs(),
                                        imported.contains(&c.entry),
                                    )
                                })
                        })
                    };
                    match exact
                        .map(|i| (i, true))
                        .or_else(|| near().map(|i| (i, false)))
                    {
                        Some((i, by_fingerprint)) => {
                            taken[i] = true;
                            lines_matched.push((i, l.line, by_fingerprint));
                        }
                        None => bank_only.push(BankOnly {
                            line: l.line,
                            date: crate::domain::format_date(l.date),
                            description: l.description.clone(),
                            amount: l.amount,
                        }),
                    }
                }
                for &(i, line, by_fingerprint) in &lines_matched {
                    matched.push(Matched {
                        entry: candidates[i].clone(),
                        line: Some(line),
                        by_fingerprint,
                    });
                }
                candidates = candidates
                    .into_iter()
                    .zip(taken)
                    .filter_map(|(c, t)| (!t).then_some(c))
                    .collect();
                // Transactions before the statement's first line are in its opening balance
                // when the books' balance before that day is the statement's opening balance.
                if let (Some(opening), Some(first)) = (read.opening, read.lines.first()) {
                    let day_before = first.date.pred_opt().unwrap_or(first.date);
                    let books_before = self
                        .store
                        .account_balance_through(account.as_str(), Some(day_before))?;
                    if books_before == opening {
                        let (before, after): (Vec<_>, Vec<_>) =
                            candidates.into_iter().partition(|c| c.date < first.date);
                        matched.extend(before.into_iter().map(|entry| Matched {
                            entry,
                            line: None,
                            by_fingerprint: false,
                        }));
                        candidates = after;
                    }
                }
                let name = req.statement_name.map(str::to_string).unwrap_or_else(|| {
                    path.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                });
                (date, balance, name, candidates)
            }
            None => {
                let (Some(balance), Some(date)) = (given_balance, req.date) else {
                    return Err(LedgerError::from(Refusal::ReconcileNothingGiven).into());
                };
                let all = self.store.unreconciled(account.as_str(), date)?;
                for id in req.outstanding {
                    if !all.iter().any(|c| c.entry.0 == *id) {
                        return Err(LedgerError::from(Refusal::ReconcileNotOutstanding {
                            entry: EntryId(*id),
                            account: account.clone(),
                        })
                        .into());
                    }
                }
                let (out, on): (Vec<_>, Vec<_>) = all
                    .into_iter()
                    .partition(|c| req.outstanding.contains(&c.entry.0));
                matched.extend(on.into_iter().map(|entry| Matched {
                    entry,
                    line: None,
                    by_fingerprint: false,
                }));
                let name = req.statement_name.map(str::to_string).unwrap_or_else(|| {
                    format!("statement of {}", crate::domain::format_date(date))
                });
                (date, balance.0, name, out)
            }
        };
        let name = text::clean("statement", &name).map_err(LedgerError::from)?;
        let book_balance = self
            .store
            .account_balance_through(account.as_str(), Some(date))?;
        matched.sort_by_key(|m| (m.entry.date, m.entry.entry));
        let mut outcome = ReconcileOutcome {
            account: account.clone(),
            date,
            statement: name,
            statement_balance,
            book_balance,
            matched,
            matched_before: earlier,
            outstanding: candidates,
            bank_only,
            difference: 0,
            seq: None,
            already: None,
            head: None,
            dry_run: req.dry_run,
        };
        outcome.difference = statement_balance
            .saturating_sub(book_balance)
            .saturating_add(outcome.outstanding_total())
            .saturating_sub(outcome.bank_only_total());
        if outcome.difference != 0 || req.dry_run {
            return Ok(outcome);
        }
        // The same statement reconciled again, nothing new matched: already in the chain.
        if outcome.matched.is_empty()
            && let Some((seq, day, balance, books)) =
                self.store.last_reconciliation(account.as_str())?
            && day == crate::domain::format_date(date)
            && balance == statement_balance
            && books == book_balance
        {
            outcome.already = Some(seq);
            return Ok(outcome);
        }
        let record = Record::Reconciliation(Reconciliation {
            account,
            date,
            balance: Minor(statement_balance),
            books: Minor(book_balance),
            statement: outcome.statement.clone(),
            entries: outcome.matched.iter().map(|m| m.entry.entry).collect(),
        });
        let actor = self.actor.clone();
        let written = self.store.write(|app| {
            let mut book = load_book(app)?;
            append_record(app, &mut book, &actor, record)
        })?;
        outcome.seq = Some(written.seq);
        outcome.head = Some(written.head);
        Ok(outcome)
    }
}
