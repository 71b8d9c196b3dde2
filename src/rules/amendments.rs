//! Corrections of the set-up, through the chain (CHAIN.md rule 16): a grant's amendment, an
//! account renamed or retired, a budget line's budget amended or the line withdrawn, a funder
//! renamed.
//!
//! Nothing recorded is changed: an amendment is one more entry, and from it on the book holds
//! the values in force (a grant's amount and last day). The rules that read those values (rule
//! 6, the grant's period) read them from the book, so an amended grant is checked as amended
//! when writing and when verifying alike.
//!
//! A correction may not contradict what is already recorded: a grant's period is not shortened
//! past spending dated after its new end. Knowing that needs every transaction, so these
//! checks are made by a book that replayed the chain (as a seal's are); the index they read,
//! [`Usage`], is kept with the replayed totals.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::entries::spends;
use super::error::{Replayed, RuleKind};
use super::{Book, RuleError};
use crate::chain::{
    AccountChange, BudgetLineAmendment, FunderChange, FunderIdentifier, GrantAmendment,
};
use crate::domain::{
    AccountCode, AccountType, Entry, EntryId, EntryKind, Grant, GrantId, LineId, Minor,
};

/// What corrections put in force that the rules of new entries read.
#[derive(Debug, Default, Clone)]
pub(super) struct InForce {
    /// Retired accounts, with the first day they take no posting.
    retired: HashMap<AccountCode, NaiveDate>,
}

impl InForce {
    pub(super) fn from_parts(retired: Vec<(AccountCode, NaiveDate)>) -> InForce {
        InForce {
            retired: retired.into_iter().collect(),
        }
    }

    /// The first day `account` takes no posting, once retired.
    pub(super) fn retired_from(&self, account: &AccountCode) -> Option<NaiveDate> {
        self.retired.get(account).copied()
    }
}

/// Which recorded transactions use what, for the checks of a correction: per grant, the
/// transactions that spend on it (an expense charged to it, or anything charged to one of its
/// lines), with their dates. Reversals and closings are not listed, and a transaction leaves
/// the index once reversed: it no longer stands in the books.
#[derive(Debug, Default, Clone)]
pub(super) struct Usage {
    grants: HashMap<GrantId, BTreeMap<EntryId, NaiveDate>>,
    /// Per account, the transactions that post to it.
    accounts: HashMap<AccountCode, BTreeMap<EntryId, NaiveDate>>,
    /// Per budget line, the transactions charged to it.
    lines: HashMap<(GrantId, LineId), BTreeMap<EntryId, NaiveDate>>,
}

impl Usage {
    /// Takes an entry into the index (`kind_of` gives each account's type).
    pub(super) fn take(
        &mut self,
        e: &Entry,
        kind_of: impl Fn(&crate::domain::AccountCode) -> Option<AccountType>,
    ) {
        match &e.header.kind {
            EntryKind::Closing { .. }
            | EntryKind::DedicatedFunds { .. }
            | EntryKind::Allocation { .. }
            | EntryKind::Depreciation { .. } => {}
            EntryKind::Reversal { reverses, .. } => {
                for p in e.postings() {
                    if let Some(g) = &p.grant
                        && let Some(used) = self.grants.get_mut(g)
                    {
                        used.remove(reverses);
                    }
                    if let Some(used) = self.accounts.get_mut(&p.account) {
                        used.remove(reverses);
                    }
                    if let (Some(g), Some(l)) = (&p.grant, &p.line)
                        && let Some(used) = self.lines.get_mut(&(g.clone(), l.clone()))
                    {
                        used.remove(reverses);
                    }
                }
            }
            EntryKind::Transaction => {
                for p in e.postings() {
                    self.accounts
                        .entry(p.account.clone())
                        .or_default()
                        .insert(e.id(), e.header.date);
                    if let (Some(g), Some(l)) = (&p.grant, &p.line) {
                        self.lines
                            .entry((g.clone(), l.clone()))
                            .or_default()
                            .insert(e.id(), e.header.date);
                    }
                    if let (Some(g), true) = (&p.grant, spends(kind_of(&p.account), p)) {
                        self.grants
                            .entry(g.clone())
                            .or_default()
                            .insert(e.id(), e.header.date);
                    }
                }
            }
        }
    }

    /// Transactions posting to `account` dated on or after `day`, by number.
    fn posting_from(&self, account: &AccountCode, day: NaiveDate) -> Vec<EntryId> {
        self.accounts.get(account).map_or_else(Vec::new, |used| {
            used.iter()
                .filter(|(_, date)| **date >= day)
                .map(|(id, _)| *id)
                .collect()
        })
    }

    /// Transactions charged to budget line `line` of `grant` dated on or after `day`, by
    /// number.
    fn charged_from(&self, grant: &GrantId, line: &LineId, day: NaiveDate) -> Vec<EntryId> {
        self.lines
            .get(&(grant.clone(), line.clone()))
            .map_or_else(Vec::new, |used| {
                used.iter()
                    .filter(|(_, date)| **date >= day)
                    .map(|(id, _)| *id)
                    .collect()
            })
    }

    /// Transactions spending on `grant` dated after `day`, by number.
    pub(super) fn spending_after(&self, grant: &GrantId, day: NaiveDate) -> Vec<EntryId> {
        self.grants.get(grant).map_or_else(Vec::new, |used| {
            used.iter()
                .filter(|(_, date)| **date > day)
                .map(|(id, _)| *id)
                .collect()
        })
    }
}

/// Puts a grant's amendment in force: the amount and the last day it names replace the
/// grant's (a book loaded from the tables applies them in chain order, as a replay does).
pub(super) fn amend_grant(grant: &mut Grant, amount: Option<Minor>, end: Option<NaiveDate>) {
    if let Some(amount) = amount {
        grant.amount = amount;
    }
    if let Some(end) = end {
        grant.end = end;
    }
}

impl Book {
    /// Rule 16 for a grant's amendment; when it passes, the grant's amount and last day are
    /// the amended ones from now on.
    pub(super) fn admit_grant_amendment(
        &mut self,
        a: &GrantAmendment,
    ) -> Result<(), Vec<RuleError>> {
        let refuse = |kind: RuleKind| Err(vec![RuleError::from(kind)]);
        let Some(grant) = self.grants.get(&a.grant) else {
            return refuse(RuleKind::AmendedGrantMissing {
                grant: a.grant.clone(),
            });
        };
        if a.amount.is_none() && a.end.is_none() {
            return refuse(RuleKind::GrantAmendmentEmpty {
                grant: a.grant.clone(),
            });
        }
        if let Some(amount) = a.amount
            && (amount.0 < 0 || !amount.in_range())
        {
            return refuse(RuleKind::GrantAmountOutOfRange { amount });
        }
        if let Some(end) = a.end {
            if end < grant.start {
                return refuse(RuleKind::GrantWouldEndBeforeStart {
                    grant: a.grant.clone(),
                    end,
                    start: grant.start,
                });
            }
            let Some(usage) = self.totals.as_ref().map(|t| &t.usage) else {
                return refuse(RuleKind::NotReplayed {
                    check: Replayed::GrantAmendment,
                });
            };
            // Spending in the grant's closing window (rule 21) stays eligible.
            let outside = usage.spending_after(&a.grant, self.last_eligible_day(&a.grant, end));
            if !outside.is_empty() {
                return refuse(RuleKind::GrantSpentAfterEnd {
                    grant: a.grant.clone(),
                    end,
                    entries: outside,
                });
            }
        }
        let grant = self.grants.get_mut(&a.grant).expect("found above");
        amend_grant(grant, a.amount, a.end);
        Ok(())
    }

    /// Rule 16 for an account's change; when it passes, the account is retired from its
    /// `effective` day (a rename changes nothing the rules read).
    pub(super) fn admit_account_change(&mut self, c: &AccountChange) -> Result<(), Vec<RuleError>> {
        let refuse = |kind: RuleKind| Err(vec![RuleError::from(kind)]);
        if !self.accounts.contains_key(&c.code) {
            return refuse(RuleKind::ChangedAccountMissing {
                code: c.code.clone(),
            });
        }
        if c.name.is_none() && !c.retired {
            return refuse(RuleKind::AccountChangeEmpty {
                code: c.code.clone(),
            });
        }
        if !c.retired {
            return Ok(());
        }
        let Some(from) = c.effective else {
            return refuse(RuleKind::RetirementUndated {
                code: c.code.clone(),
            });
        };
        if let Some(since) = self.in_force.retired.get(&c.code) {
            return refuse(RuleKind::AccountRetiredAlready {
                code: c.code.clone(),
                since: *since,
            });
        }
        let Some(usage) = self.totals.as_ref().map(|t| &t.usage) else {
            return refuse(RuleKind::NotReplayed {
                check: Replayed::AccountRetirement,
            });
        };
        let after = usage.posting_from(&c.code, from);
        if !after.is_empty() {
            return refuse(RuleKind::AccountUsedFrom {
                code: c.code.clone(),
                from,
                entries: after,
            });
        }
        self.in_force.retired.insert(c.code.clone(), from);
        Ok(())
    }

    /// Rule 16 for a budget line's amendment; when it passes, the line's budget is the amended
    /// one, and a withdrawn line takes no posting dated on or after its `effective` day (what
    /// was charged to it stays, and is reported).
    pub(super) fn admit_budget_line_amendment(
        &mut self,
        b: &BudgetLineAmendment,
    ) -> Result<(), Vec<RuleError>> {
        let refuse = |kind: RuleKind| Err(vec![RuleError::from(kind)]);
        if !self.grants.contains_key(&b.grant) {
            return refuse(RuleKind::AmendedGrantMissing {
                grant: b.grant.clone(),
            });
        }
        let key = (b.grant.clone(), b.line.clone());
        let Some(state) = self.lines.get(&key) else {
            return refuse(RuleKind::AmendedLineMissing {
                grant: b.grant.clone(),
                line: b.line.clone(),
            });
        };
        if b.amount.is_none() && !b.withdrawn {
            return refuse(RuleKind::LineAmendmentEmpty {
                grant: b.grant.clone(),
                line: b.line.clone(),
            });
        }
        if let Some(amount) = b.amount
            && (amount.0 < 0 || !amount.in_range())
        {
            return refuse(RuleKind::BudgetOutOfRange { amount });
        }
        if b.withdrawn {
            if let Some(since) = state.withdrawn {
                return refuse(RuleKind::LineWithdrawnAlready {
                    grant: b.grant.clone(),
                    line: b.line.clone(),
                    since,
                });
            }
            let Some(usage) = self.totals.as_ref().map(|t| &t.usage) else {
                return refuse(RuleKind::NotReplayed {
                    check: Replayed::LineWithdrawal,
                });
            };
            let after = usage.charged_from(&b.grant, &b.line, b.effective);
            if !after.is_empty() {
                return refuse(RuleKind::LineChargedFrom {
                    grant: b.grant.clone(),
                    line: b.line.clone(),
                    from: b.effective,
                    entries: after,
                });
            }
        }
        let state = self.lines.get_mut(&key).expect("found above");
        if let Some(amount) = b.amount {
            state.budget = amount;
        }
        if b.withdrawn {
            state.withdrawn = Some(b.effective);
        }
        Ok(())
    }

    /// Rule 16 for a funder's change: it names an existing funder (a new name changes nothing
    /// the rules read).
    pub(super) fn admit_funder_change(&mut self, c: &FunderChange) -> Result<(), Vec<RuleError>> {
        if !self.funders.contains(&c.id) {
            return Err(vec![RuleError::from(RuleKind::ChangedFunderMissing {
                id: c.id.clone(),
            })]);
        }
        Ok(())
    }

    /// Rule 28: a funder's organisation identifier names an existing funder and has the shape
    /// of one (`domain::orgid`); it changes nothing the rules read.
    pub(super) fn admit_funder_identifier(
        &mut self,
        i: &FunderIdentifier,
    ) -> Result<(), Vec<RuleError>> {
        let mut errors = vec![];
        if !self.funders.contains(&i.funder) {
            errors.push(RuleError::from(RuleKind::IdentifiedFunderMissing {
                funder: i.funder.clone(),
            }));
        }
        if crate::domain::orgid::split(&i.org_id).is_none() {
            errors.push(RuleError::from(RuleKind::OrgIdInvalid {
                funder: i.funder.clone(),
                org_id: i.org_id.clone(),
            }));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
