//! Bank statements in the chain (CHAIN.md rules 25 to 27): a `bank-import` records a
//! statement's new lines, each with its fingerprint, never one an earlier statement of the same
//! account recorded, and the transactions that follow it post to the account; a
//! `bank-assignment` takes a line out of suspense with a reclassification that moves exactly
//! its amount; a `reconciliation` marks the transactions a statement shows, each once per
//! account. Their refusals are one [`BankRule`] each, described here.

use std::collections::{HashMap, HashSet};

use super::error::RuleKind;
use super::messages::Described;
use super::{Book, RuleError};
use crate::chain::{BankAssignment, BankImport, Hash, Reconciliation};
use crate::domain::{AccountCode, Currency, Entry, EntryId, EntryKind, Minor, Money};

/// What the rules remember of bank statements.
#[derive(Debug, Default)]
pub struct BankState {
    /// Every line recorded, as (account, fingerprint).
    fingerprints: HashSet<(AccountCode, Hash)>,
    /// Lines in suspense, not assigned yet: the line's transaction, its suspense account and
    /// what it posted there.
    suspended: HashMap<EntryId, (AccountCode, i64)>,
    /// Transactions that assigned a line (each assigns one).
    assigning: HashSet<EntryId>,
    /// Transactions matched with a statement, per account.
    reconciled: HashSet<(AccountCode, EntryId)>,
    /// Each reconciliation's account, statement date and statement balance: a seal's bank
    /// balance of that day is explained by it (rule 10).
    statements: HashSet<(AccountCode, chrono::NaiveDate, i64, i64)>,
    /// The open statement's account and suspense account, with its seq.
    pub(super) batch: Option<(i64, AccountCode, Option<AccountCode>)>,
}

/// What a store hands over to rebuild the bank state without replaying the chain.
#[derive(Debug, Default)]
pub struct BankParts {
    pub fingerprints: Vec<(AccountCode, Hash)>,
    pub suspended: Vec<(EntryId, AccountCode, i64)>,
    pub assigning: Vec<EntryId>,
    pub reconciled: Vec<(AccountCode, EntryId)>,
    pub statements: Vec<(AccountCode, chrono::NaiveDate, i64, i64)>,
}

impl BankState {
    pub fn from_parts(parts: BankParts) -> BankState {
        BankState {
            fingerprints: parts.fingerprints.into_iter().collect(),
            suspended: parts
                .suspended
                .into_iter()
                .map(|(e, a, m)| (e, (a, m)))
                .collect(),
            assigning: parts.assigning.into_iter().collect(),
            reconciled: parts.reconciled.into_iter().collect(),
            statements: parts.statements.into_iter().collect(),
            batch: None,
        }
    }
}

/// A rule a bank entry breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankRule {
    AccountMissing {
        account: AccountCode,
    },
    SuspenseMissing {
        account: AccountCode,
    },
    /// No line, or counts that do not add up (`rows` = `skipped` + lines).
    Counts {
        rows: i64,
        skipped: i64,
        lines: usize,
    },
    /// Line `index` (from 0) was recorded before for the account, or twice in this entry.
    LineKnown {
        account: AccountCode,
        index: usize,
    },
    /// A transaction of a statement's batch without a posting to the statement's account.
    OffAccount {
        id: EntryId,
        account: AccountCode,
    },
    /// The line is not a bank line in suspense (or was assigned already).
    NotInSuspense {
        entry: EntryId,
    },
    /// The reclassification is not a transaction recorded before, or assigns another line.
    AssignmentUnfit {
        entry: EntryId,
        transaction: EntryId,
    },
    /// The reclassification does not move exactly the line's amount out of suspense.
    AssignmentAmount {
        entry: EntryId,
        transaction: EntryId,
        suspense: AccountCode,
        expected: Money,
        found: Money,
    },
    /// A reconciliation names a transaction not recorded, or one matched before.
    ReconcileEntry {
        account: AccountCode,
        entry: EntryId,
        matched_before: bool,
    },
}

impl BankRule {
    pub(super) fn describe(&self) -> Described {
        match self {
            BankRule::AccountMissing { account } => Described {
                id: "rule-bank-account-missing",
                field: "account",
                value: account.to_string(),
                args: vec![("account", account.to_string())],
            },
            BankRule::SuspenseMissing { account } => Described {
                id: "rule-bank-suspense-missing",
                field: "suspense",
                value: account.to_string(),
                args: vec![("account", account.to_string())],
            },
            BankRule::Counts {
                rows,
                skipped,
                lines,
            } => Described {
                id: "rule-bank-counts",
                field: "lines",
                value: lines.to_string(),
                args: vec![
                    ("rows", rows.to_string()),
                    ("skipped", skipped.to_string()),
                    ("lines", lines.to_string()),
                ],
            },
            BankRule::LineKnown { account, index } => Described {
                id: "rule-bank-line-known",
                field: "lines",
                value: (index + 1).to_string(),
                args: vec![
                    ("account", account.to_string()),
                    ("line", (index + 1).to_string()),
                ],
            },
            BankRule::OffAccount { id, account } => Described {
                id: "rule-bank-off-account",
                field: "account",
                value: account.to_string(),
                args: vec![("id", id.to_string()), ("account", account.to_string())],
            },
            BankRule::NotInSuspense { entry } => Described {
                id: "rule-bank-not-in-suspense",
                field: "entry",
                value: entry.to_string(),
                args: vec![("entry", entry.to_string())],
            },
            BankRule::AssignmentUnfit { entry, transaction } => Described {
                id: "rule-bank-assignment-unfit",
                field: "transaction",
                value: transaction.to_string(),
                args: vec![
                    ("entry", entry.to_string()),
                    ("transaction", transaction.to_string()),
                ],
            },
            BankRule::AssignmentAmount {
                entry,
                transaction,
                suspense,
                expected,
                found,
            } => Described {
                id: "rule-bank-assignment-amount",
                field: "amount",
                value: found.to_string(),
                args: vec![
                    ("entry", entry.to_string()),
                    ("transaction", transaction.to_string()),
                    ("account", suspense.to_string()),
                    ("expected", expected.to_string()),
                    ("found", found.to_string()),
                ],
            },
            BankRule::ReconcileEntry {
                account,
                entry,
                matched_before,
            } => Described {
                id: if *matched_before {
                    "rule-reconcile-entry-matched"
                } else {
                    "rule-reconcile-entry-unknown"
                },
                field: "entries",
                value: entry.to_string(),
                args: vec![
                    ("account", account.to_string()),
                    ("entry", entry.to_string()),
                ],
            },
        }
    }
}

fn refuse<T>(rule: BankRule) -> Result<T, Vec<RuleError>> {
    Err(vec![RuleError::from(RuleKind::Bank(rule))])
}

/// The sum of `entry`'s postings to `account`.
fn posted_to(entry: &Entry, account: &AccountCode) -> i64 {
    entry
        .postings()
        .iter()
        .filter(|p| &p.account == account)
        .fold(0_i64, |s, p| s.saturating_add(p.amount.0))
}

impl Book {
    /// True when a line with this fingerprint was recorded for `account`.
    pub fn bank_line_known(&self, account: &AccountCode, fingerprint: &Hash) -> bool {
        self.bank
            .fingerprints
            .contains(&(account.clone(), *fingerprint))
    }

    /// True when a reconciliation of `account` on `date` gave the statement's balance as
    /// `balance` while the books held `books` through that day: what they held then, less what
    /// was outstanding, is that balance, and they still hold it.
    pub fn reconciled_balance(
        &self,
        account: &AccountCode,
        date: chrono::NaiveDate,
        balance: i64,
        books: i64,
    ) -> bool {
        self.bank
            .statements
            .contains(&(account.clone(), date, balance, books))
    }

    /// True when the transaction was matched with a statement of `account`.
    pub fn is_reconciled(&self, account: &AccountCode, entry: EntryId) -> bool {
        self.bank.reconciled.contains(&(account.clone(), entry))
    }

    /// Rule 25: the account and suspense account exist, the counts add up, and no line was
    /// recorded before for the account. Opens the batch of its transactions.
    pub(super) fn admit_bank_import(
        &mut self,
        seq: i64,
        b: &BankImport,
    ) -> Result<(), Vec<RuleError>> {
        if !self.accounts.contains_key(&b.account) {
            return refuse(BankRule::AccountMissing {
                account: b.account.clone(),
            });
        }
        if let Some(s) = &b.suspense
            && (!self.accounts.contains_key(s) || s == &b.account)
        {
            return refuse(BankRule::SuspenseMissing { account: s.clone() });
        }
        if b.lines.is_empty()
            || b.skipped < 0
            || b.rows != b.skipped.saturating_add(b.lines.len() as i64)
        {
            return refuse(BankRule::Counts {
                rows: b.rows,
                skipped: b.skipped,
                lines: b.lines.len(),
            });
        }
        let mut seen = HashSet::with_capacity(b.lines.len());
        for (index, f) in b.lines.iter().enumerate() {
            if !seen.insert(f) || self.bank_line_known(&b.account, f) {
                return refuse(BankRule::LineKnown {
                    account: b.account.clone(),
                    index,
                });
            }
        }
        self.take_bank_import(seq, b);
        Ok(())
    }

    /// Takes a statement's lines and opens its batch (also for one that broke a rule, when
    /// `verify` moves past it, so its transactions are not reported one by one).
    pub(super) fn take_bank_import(&mut self, seq: i64, b: &BankImport) {
        // Its file counts as imported (rule 8), as its `imports` row says.
        self.imported_files.insert(b.file_sha256);
        for f in &b.lines {
            self.bank.fingerprints.insert((b.account.clone(), *f));
        }
        if !b.lines.is_empty() {
            self.open_batch = Some(super::sequence::OpenBatch {
                seq,
                remaining: b.lines.len() as i64,
            });
            self.bank.batch = Some((seq, b.account.clone(), b.suspense.clone()));
        }
    }

    /// A transaction of a statement's batch posts to the statement's account.
    pub(super) fn check_bank_line(&self, e: &Entry) -> Option<RuleError> {
        let (seq, account, _) = self.bank.batch.as_ref()?;
        if e.header.batch != Some(*seq) || self.open_batch.is_none_or(|b| b.seq != *seq) {
            return None;
        }
        (!e.postings().iter().any(|p| &p.account == account)).then(|| {
            RuleError::from(RuleKind::Bank(BankRule::OffAccount {
                id: e.id(),
                account: account.clone(),
            }))
        })
    }

    /// Remembers what a statement's transaction left in suspense.
    pub(super) fn take_bank_line(&mut self, e: &Entry) {
        let Some((seq, _, Some(suspense))) = &self.bank.batch else {
            return;
        };
        if e.header.batch != Some(*seq) {
            return;
        }
        let amount = posted_to(e, suspense);
        if amount != 0 {
            self.bank
                .suspended
                .insert(e.id(), (suspense.clone(), amount));
        }
    }

    /// Rule 26: the line sits in suspense, and the transaction (handed over as `original`) is
    /// a transaction recorded before that assigns no other line and moves exactly the line's
    /// amount out of the suspense account.
    pub(super) fn admit_bank_assignment(
        &mut self,
        a: &BankAssignment,
        original: Option<&Entry>,
    ) -> Result<(), Vec<RuleError>> {
        let Some((suspense, amount)) = self.bank.suspended.get(&a.entry).cloned() else {
            return refuse(BankRule::NotInSuspense { entry: a.entry });
        };
        let unfit = || {
            refuse(BankRule::AssignmentUnfit {
                entry: a.entry,
                transaction: a.transaction,
            })
        };
        let Some(t) = original.filter(|t| t.id() == a.transaction) else {
            return unfit();
        };
        if a.transaction == a.entry
            || a.transaction.0 >= self.next_entry
            || !matches!(t.header.kind, EntryKind::Transaction)
            || self.bank.assigning.contains(&a.transaction)
        {
            return unfit();
        }
        let found = posted_to(t, &suspense);
        if found != amount.saturating_neg() {
            let currency = self.currency().cloned().unwrap_or(Currency {
                code: String::new(),
                exponent: 2,
            });
            return refuse(BankRule::AssignmentAmount {
                entry: a.entry,
                transaction: a.transaction,
                suspense,
                expected: Money::new(Minor(amount.saturating_neg()), currency.clone()),
                found: Money::new(Minor(found), currency),
            });
        }
        self.bank.suspended.remove(&a.entry);
        self.bank.assigning.insert(a.transaction);
        Ok(())
    }

    /// Rule 27: the account exists, and each transaction named was recorded and not matched
    /// before for the account (nor twice in the entry).
    pub(super) fn admit_reconciliation(
        &mut self,
        c: &Reconciliation,
    ) -> Result<(), Vec<RuleError>> {
        if !self.accounts.contains_key(&c.account) {
            return refuse(BankRule::AccountMissing {
                account: c.account.clone(),
            });
        }
        let mut seen = HashSet::with_capacity(c.entries.len());
        for &e in &c.entries {
            let known = e.0 >= 1 && e.0 < self.next_entry;
            let before = self.is_reconciled(&c.account, e) || !seen.insert(e);
            if !known || before {
                return refuse(BankRule::ReconcileEntry {
                    account: c.account.clone(),
                    entry: e,
                    matched_before: known,
                });
            }
        }
        for &e in &c.entries {
            self.bank.reconciled.insert((c.account.clone(), e));
        }
        self.bank
            .statements
            .insert((c.account.clone(), c.date, c.balance.0, c.books.0));
        Ok(())
    }
}
