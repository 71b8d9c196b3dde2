//! The rules that need the state of the ledger, in one place for writing and for verifying.
//!
//! A [`Book`] is what the ledger knows at some point of its chain: which accounts, funders,
//! grants and budget lines exist, the next entry number, which entries were reversed, how much
//! each budget line has spent. Every command loads the book from the store, asks it to
//! [`Book::admit`] each new chain entry, and writes only what it admitted; `verify` replays the
//! whole chain through a fresh book with the same method. So a rule can never be enforced when
//! writing and forgotten when verifying, or the other way round.
//!
//! The book is one object, its rules are split by concern, each rule in one place:
//!
//! - `registry`: what exists (the genesis entry's currencies, accounts, funders, grants,
//!   budget lines, receipts), and `amendments`: the corrections of the set-up and what they
//!   put in force;
//! - `entries`: what a transaction, a reversal or a closing may post to (dates inside a grant,
//!   lines of the grant, retired accounts, what counts as spending);
//! - `periods`: fiscal years, closed years, the locked period, seals and the periods they
//!   cover;
//! - [`governance`]: officers, their signatures and decisions;
//! - `totals`: balances, grants' received and spent, the year's flows, kept by a book that
//!   replayed the chain;
//! - `sequence`: the chain's order (sequence numbers, transaction numbers, import batches) and
//!   moving past an entry `verify` could not admit; [`chain_order`]: the seal commitment and the
//!   clock rule, which verify asks too;
//! - `tags`: what a transaction may charge (detail accounts, grant and line tags where they
//!   belong, an original amount's sign), checked by the writer only;
//! - [`error`]: the rules' refusals and warnings, as values, and `messages` and `english`:
//!   their ids, arguments and English, in one place.
//!
//! This file holds the book itself: its state, how it is built (replaying the chain, or from
//! a store's rows), and [`Book::admit`], which sends each record kind to its rules.

mod amendments;
pub mod assets;
pub mod bank;
pub mod chain_order;
mod currency;
mod english;
mod entries;
pub mod error;
pub mod funds;
pub mod governance;
mod messages;
mod periods;
mod registry;
mod sequence;
mod settings;
mod sources;
mod tags;
mod totals;
pub mod variance;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::chain::{ChainEntry, GENESIS_PREV, Hash, Record};
use crate::domain::{
    AccountCode, AccountType, Currency, Entry, EntryId, EntryKind, FunderId, Grant, GrantId,
    LedgerInfo, LineId, Minor, OfficerId,
};
use crate::rules::governance::{Decision, Governance, decision_of};

pub use currency::CurrencyParts;
pub use entries::{receives, spends};
pub use error::{Replayed, RuleError, RuleKind, Warning};
use registry::LineState;
use sequence::OpenBatch;
pub use tags::Charging;
use totals::Totals;

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
    /// The postings that have their source (a `source` entry), as (transaction, posting).
    sources: HashSet<(EntryId, i64)>,
    /// Registered fixed assets and how far each is depreciated.
    assets: assets::Assets,
    /// The rate table's days and the grants' terms (rules 20 and 21).
    currency_state: currency::CurrencyState,
    /// Bank statements' lines, suspense and reconciliations (rules 25 to 27).
    bank: bank::BankState,
}

/// What a store hands over to rebuild a [`Book`] without replaying the chain.
pub struct BookParts {
    pub info: LedgerInfo,
    pub accounts: Vec<(AccountCode, AccountType)>,
    pub funders: Vec<FunderId>,
    pub grants: Vec<Grant>,
    /// Every grant's amendments in chain order: (grant, new amount, new last day).
    pub grant_amendments: Vec<(GrantId, Option<Minor>, Option<NaiveDate>)>,
    /// (grant, line, budget in force, spent so far: the net of the postings charged to the
    /// line, the first day it takes no posting once withdrawn)
    pub lines: Vec<(GrantId, LineId, Minor, Minor, Option<NaiveDate>)>,
    pub reversals: Vec<EntryId>,
    pub reversed: Vec<EntryId>,
    pub imported_files: Vec<Hash>,
    pub last_seq: i64,
    pub last_entry: i64,
    /// The chain's own entries of the kinds [`governance::LOG_KINDS`] (officers, seals,
    /// signatures, decisions), as (seq, bytes) in chain order, never the tables: a row deleted
    /// from `seals` must not let anyone write into a locked period.
    pub governance_log: Vec<(i64, Vec<u8>)>,
    pub receipts: Vec<(EntryId, Hash)>,
    /// Retired accounts, with the first day they take no posting.
    pub retired: Vec<(AccountCode, NaiveDate)>,
    /// The postings that have their source, as (transaction, posting).
    pub sources: Vec<(EntryId, i64)>,
    /// Registered assets, each with its cost and the months of it depreciated.
    pub assets: Vec<assets::AssetState>,
    /// The rates recorded and the grants' terms.
    pub currency: CurrencyParts,
    /// Bank lines, lines in suspense, assignments and reconciled transactions.
    pub bank: bank::BankParts,
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

    /// A book of what a store read in its tables and log (see [`BookParts`]): the rules, not
    /// the store, put the amendments in force and replay the officers' entries.
    pub fn from_parts(parts: BookParts) -> Book {
        let mut grants: HashMap<GrantId, Grant> = parts
            .grants
            .into_iter()
            .map(|g| (g.id.clone(), g))
            .collect();
        for (id, amount, end) in parts.grant_amendments {
            if let Some(grant) = grants.get_mut(&id) {
                amendments::amend_grant(grant, amount, end);
            }
        }
        Book {
            gov: Governance::from_log(&parts.governance_log, &parts.info),
            currencies: parts
                .info
                .currencies
                .iter()
                .map(|c| (c.code.clone(), c.exponent))
                .collect(),
            info: Some(parts.info),
            accounts: parts.accounts.into_iter().collect(),
            funders: parts.funders.into_iter().collect(),
            grants,
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
            receipts: parts.receipts.into_iter().collect(),
            totals: None,
            in_force: amendments::InForce::from_parts(parts.retired),
            sources: parts.sources.into_iter().collect(),
            assets: assets::Assets::from_parts(parts.assets),
            currency_state: currency::CurrencyState::from_parts(parts.currency),
            bank: bank::BankState::from_parts(parts.bank),
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

    pub fn info(&self) -> Option<&LedgerInfo> {
        self.info.as_ref()
    }

    /// The base currency; `None` before the genesis entry.
    pub fn currency(&self) -> Option<&Currency> {
        self.info.as_ref().map(|i| &i.currency)
    }

    /// Checks `entry` against every rule and, when it passes, takes it into the book.
    ///
    /// `original` must be the entry a reversal reverses, the transaction an asset is registered
    /// from, or the transaction a `source` names (looked up by the caller, who knows where
    /// entries are kept: [`Record::refers_to`]). On error the book is unchanged.
    pub fn admit(
        &mut self,
        entry: &ChainEntry,
        original: Option<&Entry>,
    ) -> Result<Vec<Warning>, Vec<RuleError>> {
        if entry.seq != self.next_seq {
            return Err(vec![RuleError::from(RuleKind::SeqOutOfOrder {
                seq: entry.seq,
                expected: self.next_seq,
            })]);
        }
        if self.info.is_none() && !matches!(entry.record, Record::Ledger(_)) {
            return Err(vec![RuleError::from(RuleKind::GenesisFirst {
                kind: entry.record.kind(),
            })]);
        }
        if let Some(batch) = self.open_batch
            && !matches!(&entry.record, Record::Entry(e) if e.header.batch == Some(batch.seq))
        {
            return Err(vec![RuleError::from(RuleKind::BatchInterrupted {
                batch: batch.seq,
                remaining: batch.remaining,
                kind: entry.record.kind(),
            })]);
        }
        let warnings = match &entry.record {
            Record::Ledger(info) => self.admit_ledger(info)?,
            Record::Account(a) => {
                if self.accounts.contains_key(&a.code) {
                    return Err(vec![RuleError::from(RuleKind::AccountExists {
                        code: a.code.clone(),
                    })]);
                }
                self.accounts.insert(a.code.clone(), a.kind);
                vec![]
            }
            Record::Funder(f) => {
                if !self.funders.insert(f.id.clone()) {
                    return Err(vec![RuleError::from(RuleKind::FunderExists {
                        id: f.id.clone(),
                    })]);
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
                let warnings = self.take_entry(e).map_err(|err| vec![err])?;
                if let EntryKind::Depreciation { asset, .. } = &e.header.kind {
                    self.take_depreciation(asset, e.header.date);
                }
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
            Record::Source(s) => {
                self.admit_source(s, original)?;
                vec![]
            }
            Record::Asset(a) => {
                self.admit_asset(a, original)?;
                vec![]
            }
            Record::Rate(r) => {
                self.admit_rate(r)?;
                vec![]
            }
            Record::GrantTerms(t) => {
                self.admit_grant_terms(t)?;
                vec![]
            }
            Record::VarianceNote(n) => {
                self.admit_variance_note(n)?;
                vec![]
            }
            Record::Setting(s) => {
                settings::admit(s)?;
                vec![]
            }
            Record::VarianceThreshold(t) => {
                self.admit_variance_threshold(t)?;
                vec![]
            }
            Record::BankImport(b) => {
                self.admit_bank_import(entry.seq, b)?;
                vec![]
            }
            Record::BankAssignment(a) => {
                self.admit_bank_assignment(a, original)?;
                vec![]
            }
            Record::Reconciliation(c) => {
                self.admit_reconciliation(c)?;
                vec![]
            }
            Record::FunderIdentifier(i) => {
                self.admit_funder_identifier(i)?;
                vec![]
            }
            Record::Policy(_) | Record::Lock(_) | Record::Reopen(_) | Record::Revocation(_) => {
                let fiscal = self.info.as_ref().map(|i| i.fiscal_start);
                let Some(decision) = decision_of(&entry.record, fiscal) else {
                    return Err(vec![RuleError::from(RuleKind::DecisionYearOutOfRange {
                        kind: entry.record.kind(),
                    })]);
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
}
