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
use super::{Book, RuleError};
use crate::chain::{AccountChange, BudgetLineAmendment, FunderChange, GrantAmendment};
use crate::domain::{
    AccountCode, AccountType, Entry, EntryId, EntryKind, Grant, GrantId, LineId, Minor, format_date,
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
            EntryKind::Closing { .. } => {}
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
    fn spending_after(&self, grant: &GrantId, day: NaiveDate) -> Vec<EntryId> {
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

/// `#1, #4, #9` (at most ten, then how many more).
fn numbers(ids: &[EntryId]) -> String {
    let mut shown: Vec<String> = ids.iter().take(10).map(|id| format!("#{id}")).collect();
    if ids.len() > 10 {
        shown.push(format!("and {} more", ids.len() - 10));
    }
    shown.join(", ")
}

impl Book {
    /// Rule 16 for a grant's amendment; when it passes, the grant's amount and last day are
    /// the amended ones from now on.
    pub(super) fn admit_grant_amendment(
        &mut self,
        a: &GrantAmendment,
    ) -> Result<(), Vec<RuleError>> {
        let refuse = |field: &'static str, value: String, message: String| {
            Err(vec![RuleError::new(field, value, message)])
        };
        let Some(grant) = self.grants.get(&a.grant) else {
            return refuse(
                "grant",
                a.grant.to_string(),
                format!("grant {} does not exist (see `amana grant list`)", a.grant),
            );
        };
        if a.amount.is_none() && a.end.is_none() {
            return refuse(
                "amendment",
                a.grant.to_string(),
                "an amendment changes the amount, the end date, or both: give --amount or --end"
                    .into(),
            );
        }
        if let Some(amount) = a.amount
            && (amount.0 < 0 || !amount.in_range())
        {
            return refuse(
                "amount",
                amount.to_string(),
                "a grant's amount is between 0 and 10^13 minor units".into(),
            );
        }
        if let Some(end) = a.end {
            if end < grant.start {
                return refuse(
                    "end",
                    format_date(end),
                    format!(
                        "grant {} would end ({end}) before it starts ({})",
                        a.grant, grant.start
                    ),
                );
            }
            let Some(usage) = self.totals.as_ref().map(|t| &t.usage) else {
                return refuse(
                    "state",
                    String::new(),
                    "a grant's amendment can only be checked against a replayed chain".into(),
                );
            };
            let outside = usage.spending_after(&a.grant, end);
            if !outside.is_empty() {
                return refuse(
                    "end",
                    format_date(end),
                    format!(
                        "grant {} cannot end on {end}: spending charged to it is dated after that day (transactions {}). Reverse those first (`amana reverse N --reason ...`), or choose a later end",
                        a.grant,
                        numbers(&outside)
                    ),
                );
            }
        }
        let grant = self.grants.get_mut(&a.grant).expect("found above");
        amend_grant(grant, a.amount, a.end);
        Ok(())
    }

    /// Rule 16 for an account's change; when it passes, the account is retired from its
    /// `effective` day (a rename changes nothing the rules read).
    pub(super) fn admit_account_change(&mut self, c: &AccountChange) -> Result<(), Vec<RuleError>> {
        let refuse = |field: &'static str, value: String, message: String| {
            Err(vec![RuleError::new(field, value, message)])
        };
        if !self.accounts.contains_key(&c.code) {
            return refuse(
                "code",
                c.code.to_string(),
                format!(
                    "account {} does not exist (see `amana account list`)",
                    c.code
                ),
            );
        }
        if c.name.is_none() && !c.retired {
            return refuse(
                "change",
                c.code.to_string(),
                "an account's change gives a new name, or retires it".into(),
            );
        }
        if !c.retired {
            return Ok(());
        }
        let Some(from) = c.effective else {
            return refuse(
                "effective",
                c.code.to_string(),
                format!("account {} is retired from a day: give --effective", c.code),
            );
        };
        if let Some(since) = self.in_force.retired.get(&c.code) {
            return refuse(
                "code",
                c.code.to_string(),
                format!("account {} is already retired, from {since}", c.code),
            );
        }
        let Some(usage) = self.totals.as_ref().map(|t| &t.usage) else {
            return refuse(
                "state",
                String::new(),
                "an account's retirement can only be checked against a replayed chain".into(),
            );
        };
        let after = usage.posting_from(&c.code, from);
        if !after.is_empty() {
            return refuse(
                "effective",
                format_date(from),
                format!(
                    "account {} cannot be retired from {from}: transactions dated on or after that day post to it ({}). Reverse those first (`amana reverse N --reason ...`), or retire it from a later day",
                    c.code,
                    numbers(&after)
                ),
            );
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
        let refuse = |field: &'static str, value: String, message: String| {
            Err(vec![RuleError::new(field, value, message)])
        };
        if !self.grants.contains_key(&b.grant) {
            return refuse(
                "grant",
                b.grant.to_string(),
                format!("grant {} does not exist (see `amana grant list`)", b.grant),
            );
        }
        let key = (b.grant.clone(), b.line.clone());
        let Some(state) = self.lines.get(&key) else {
            return refuse(
                "line",
                b.line.to_string(),
                format!(
                    "grant {} has no budget line {} (see `amana grant list --grant {}`)",
                    b.grant, b.line, b.grant
                ),
            );
        };
        if b.amount.is_none() && !b.withdrawn {
            return refuse(
                "amendment",
                format!("{}/{}", b.grant, b.line),
                "a budget line's amendment changes its budget, withdraws it, or both: give --amount or --withdraw".into(),
            );
        }
        if let Some(amount) = b.amount
            && (amount.0 < 0 || !amount.in_range())
        {
            return refuse(
                "amount",
                amount.to_string(),
                "a budget is between 0 and 10^13 minor units".into(),
            );
        }
        if b.withdrawn {
            if let Some(since) = state.withdrawn {
                return refuse(
                    "line",
                    b.line.to_string(),
                    format!(
                        "budget line {} of grant {} is already withdrawn, from {since}",
                        b.line, b.grant
                    ),
                );
            }
            let Some(usage) = self.totals.as_ref().map(|t| &t.usage) else {
                return refuse(
                    "state",
                    String::new(),
                    "a budget line's withdrawal can only be checked against a replayed chain"
                        .into(),
                );
            };
            let after = usage.charged_from(&b.grant, &b.line, b.effective);
            if !after.is_empty() {
                return refuse(
                    "effective",
                    format_date(b.effective),
                    format!(
                        "budget line {} of grant {} cannot be withdrawn from {}: transactions dated on or after that day are charged to it ({}). Reverse those first (`amana reverse N --reason ...`), or withdraw it from a later day",
                        b.line,
                        b.grant,
                        b.effective,
                        numbers(&after)
                    ),
                );
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
            return Err(vec![RuleError::new(
                "id",
                &c.id,
                format!("funder {} does not exist (see `amana funder list`)", c.id),
            )]);
        }
        Ok(())
    }
}
