//! Periods and locks: fiscal years and their bounds, the locked period and the years closed
//! (decided by the officers, see [`super::governance`]), the closing of a year, and the seals
//! with the period each covers.

use chrono::NaiveDate;

use super::chain_order::SealCommitment;
use super::error::{Replayed, RuleKind};
use super::{Book, RuleError};
use crate::chain::{BankBalance, GrantTotals, Hash, Seal};
use crate::domain::{AccountCode, AccountType, Currency, Entry, GrantId, Minor, Money};

impl Book {
    pub fn locked_through(&self) -> Option<NaiveDate> {
        self.gov.locked_through()
    }

    /// The last day of the locked period when `date` falls inside it (on or before that day):
    /// nothing dated `date` can be recorded. The one definition of a locked day, read by the
    /// rules of entries and by the commands that choose a date.
    pub fn locked_on(&self, date: NaiveDate) -> Option<NaiveDate> {
        self.gov.locked_through().filter(|locked| date <= *locked)
    }

    /// A lock may not pass the end of a fiscal year that has income or expense and is not
    /// closed: that year could never be closed (its closing is dated on its last day).
    pub(super) fn check_lock(&self, through: NaiveDate) -> Result<(), Vec<RuleError>> {
        let open = self.unclosed_years_through(through);
        if let Some(first) = open.first() {
            return Err(vec![RuleError::from(RuleKind::LockStrandsYear {
                through,
                year: *first,
            })]);
        }
        Ok(())
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

    pub(super) fn check_closing(
        &self,
        e: &Entry,
        year: i32,
        start: NaiveDate,
        restricted: &AccountCode,
        unrestricted: &AccountCode,
    ) -> Vec<RuleError> {
        let refuse = |kind: RuleKind| vec![RuleError::from(kind)];
        if self.fiscal_bounds(year) != Some((start, e.header.date)) {
            return refuse(RuleKind::ClosingDates {
                date: e.header.date,
                year,
            });
        }
        if e.header.batch.is_some() || e.header.reference.is_some() {
            return refuse(RuleKind::ClosingInImport);
        }
        if self.gov.is_closed(year) || self.gov.closing_pending(year) {
            return refuse(RuleKind::YearClosed { year });
        }
        for account in [restricted, unrestricted] {
            if self.accounts.get(account) != Some(&AccountType::NetAssets) {
                return refuse(RuleKind::NotNetAssets {
                    account: account.clone(),
                });
            }
        }
        match self.closing_postings(year, restricted, unrestricted) {
            Err(e) => vec![e],
            Ok(expected) if expected.as_slice() == e.postings() => vec![],
            Ok(_) => refuse(RuleKind::ClosingPostings { year }),
        }
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

    pub(super) fn last_seal(&self) -> Option<(i64, Hash)> {
        self.gov.last_seal()
    }

    pub(super) fn admit_seal(&mut self, seq: i64, seal: &Seal) -> Result<(), Vec<RuleError>> {
        let refuse = |kind: RuleKind| Err(vec![RuleError::from(kind)]);
        for b in &seal.banks {
            if !self.accounts.contains_key(&b.account) {
                return refuse(RuleKind::SealBankMissing {
                    account: b.account.clone(),
                });
            }
        }
        // Only a book that replayed the chain knows the totals; a seal is always checked by one.
        let Some(expected) = self.seal_content(seal.period_end, seal.banks.clone()) else {
            return refuse(RuleKind::NotReplayed {
                check: Replayed::Seal,
            });
        };
        let currency = self.currency().cloned().unwrap_or(Currency {
            code: String::new(),
            exponent: 2,
        });
        match self.seal_commitment(seq, seal) {
            SealCommitment::Holds => {}
            SealCommitment::HeadDiffers => {
                return refuse(RuleKind::SealHead {
                    covered: seal.covered,
                    head: seal.head,
                });
            }
            SealCommitment::MerkleRootDiffers => return refuse(RuleKind::SealMerkleRoot),
            SealCommitment::NotReplayed => {
                return refuse(RuleKind::NotReplayed {
                    check: Replayed::Seal,
                });
            }
        }
        if seal.previous != expected.previous {
            return refuse(RuleKind::SealPrevious);
        }
        if seal.trial_balance != expected.trial_balance {
            return refuse(RuleKind::SealTrialBalance);
        }
        if seal.grants != expected.grants {
            return refuse(RuleKind::SealGrants);
        }
        for b in &seal.banks {
            // A statement gives the balance at the end of its period: the books are compared
            // as of that day (entries recorded since but dated later do not count). A seal
            // written before this rule compared everything recorded; that still holds for it.
            let books = match seal.period_end {
                Some(end) => self
                    .balance_as_of(&b.account, end)
                    .map_err(|e| vec![e])?
                    .unwrap_or_default(),
                None => self.balance(&b.account).unwrap_or_default(),
            };
            // A ledger from before policies checked the balance of everything recorded.
            let legacy = self.gov.quorum().is_none()
                && self.balance(&b.account).unwrap_or_default() == b.balance;
            // A statement reconciled on the period's last day explains the difference: the
            // books less what is outstanding are its balance (rule 27).
            let reconciled = seal
                .period_end
                .is_some_and(|end| self.reconciled_balance(&b.account, end, b.balance.0, books.0));
            if books != b.balance && !legacy && !reconciled {
                let books = Money::new(books, currency.clone());
                let statement_balance = Money::new(b.balance, currency.clone());
                let overflow = |_| vec![RuleError::from(RuleKind::TotalOverflow { seq })];
                let difference = books
                    .checked_sub(&statement_balance)
                    .and_then(|d| d.checked_abs())
                    .map_err(overflow)?;
                return refuse(RuleKind::SealBank {
                    statement: b.statement.clone(),
                    account: b.account.clone(),
                    statement_balance,
                    books,
                    difference,
                    as_of: seal.period_end,
                });
            }
        }
        self.gov.add_seal(seq, seal.period_end);
        Ok(())
    }
}
