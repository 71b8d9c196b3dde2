//! Fund accounting at a year's end (CHAIN.md rules 14 to 14c): restricted money received and
//! not yet used carried, grant by grant, to dedicated funds (fonds dédiés) and released as it is
//! spent; the year's result, then only the association's own, closed to the surplus or deficit
//! account by its sign; and the general assembly's allocation of that result.
//!
//! Everything is computed from the replayed totals, so that the writer and a verifier reach the
//! same postings: a grant's dedicated fund at a year's end is what was received on it and not
//! spent, cumulated over every year up to that day (never below zero: a grant spent ahead of its
//! money is the association's advance, part of its own result), and a carry moves the fund from
//! what earlier carries left it at to that figure.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::error::{Replayed, RuleKind};
use super::{Book, RuleError};
use crate::domain::{
    AccountCode, AccountType, ClosingForm, Entry, EntryKind, GrantId, Minor, Posting,
};

/// The totals of fund accounting a replayed book keeps.
#[derive(Debug, Default, Clone)]
pub(super) struct FundTotals {
    /// Per grant, per day: the (received, spent) of the recorded transactions dated that day
    /// (received positive: the net credit of income postings charged to the grant).
    days: BTreeMap<GrantId, BTreeMap<NaiveDate, (i64, i64)>>,
    /// Per grant: what the dedicated-funds and year-closing entries so far carry (a credit of
    /// the dedicated account is positive).
    carried: BTreeMap<GrantId, BTreeMap<i32, i64>>,
    /// Per (fiscal year, restricted grant): the net of its income and expense postings dated in
    /// the year since the year's last closing: what a closing of the form written before
    /// dedicated funds (kind `closing`) moved to restricted net assets, and so counts as carried.
    legacy: BTreeMap<(i32, GrantId), i64>,
    /// The result of each year closing, by its sequence number.
    results: BTreeMap<i64, ClosedResult>,
}

/// The result a year closing carried to its surplus or deficit account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedResult {
    /// Sequence number of the year-closing entry.
    pub seq: i64,
    pub year: i32,
    pub account: AccountCode,
    /// The posting's amount: negative (a credit) for a surplus, positive for a deficit.
    pub amount: Minor,
    /// The sequence number of the allocation that allocated it, once recorded.
    pub allocated: Option<i64>,
}

/// What one entry changes in [`FundTotals`]: new values, computed with checked arithmetic.
#[derive(Debug, Default)]
pub(super) struct FundsUpdate {
    days: BTreeMap<GrantId, (i64, i64)>,
    /// Per grant, the fiscal year of the entry and the new amount carried in that year.
    carried: BTreeMap<GrantId, (i32, i64)>,
    legacy: BTreeMap<(i32, GrantId), i64>,
}

/// One restricted grant's dedicated fund at a year's end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DedicatedFund {
    pub grant: GrantId,
    /// Received on the grant and not spent, from its start to the year's last day (≥ 0).
    pub target: Minor,
    /// What the dedicated funds held for the grant before this year's carry.
    pub carried: Minor,
}

impl DedicatedFund {
    /// What this year's carry moves: positive carried to the fund, negative released from it.
    pub fn change(&self) -> Option<Minor> {
        self.target.checked_sub(self.carried)
    }
}

impl FundTotals {
    /// Takes entry `e` (at `seq`) into the totals, with the update [`Book::funds_after`] made.
    pub(super) fn take(&mut self, e: &Entry, u: FundsUpdate, seq: i64) {
        for (grant, value) in u.days {
            self.days
                .entry(grant)
                .or_default()
                .insert(e.header.date, value);
        }
        for (grant, (year, value)) in u.carried {
            self.carried.entry(grant).or_default().insert(year, value);
        }
        self.legacy.extend(u.legacy);
        match &e.header.kind {
            EntryKind::Closing {
                year,
                form:
                    ClosingForm::Funds {
                        surplus_account,
                        deficit_account,
                        ..
                    },
                ..
            } => {
                let result = e.postings().iter().find(|p| {
                    p.grant.is_none()
                        && (&p.account == surplus_account || &p.account == deficit_account)
                });
                if let Some(p) = result {
                    self.results.insert(
                        seq,
                        ClosedResult {
                            seq,
                            year: *year,
                            account: p.account.clone(),
                            amount: p.amount,
                            allocated: None,
                        },
                    );
                }
            }
            EntryKind::Allocation { closing, .. } => {
                if let Some(r) = self.results.get_mut(closing) {
                    r.allocated = Some(seq);
                }
            }
            _ => {}
        }
    }
}

/// The account a year-end entry names as holding the dedicated funds, and its fiscal year, if
/// it is one.
fn dedicated_account(kind: &EntryKind) -> Option<(&AccountCode, i32)> {
    match kind {
        EntryKind::DedicatedFunds {
            dedicated_account,
            year,
            ..
        }
        | EntryKind::Closing {
            form: ClosingForm::Funds {
                dedicated_account, ..
            },
            year,
            ..
        } => Some((dedicated_account, *year)),
        _ => None,
    }
}

fn plain(account: &AccountCode, amount: Minor, grant: Option<&GrantId>) -> Posting {
    Posting {
        grant: grant.cloned(),
        ..Posting::plain(account.clone(), amount)
    }
}

impl Book {
    /// What entry `e` changes in the fund totals (`None`: a total overflows).
    pub(super) fn funds_after(&self, t: &FundTotals, e: &Entry) -> Option<FundsUpdate> {
        let mut u = FundsUpdate::default();
        let date = e.header.date;
        let carry_account = dedicated_account(&e.header.kind);
        for p in e.postings() {
            let Some(g) = &p.grant else { continue };
            let kind = self.accounts.get(&p.account).copied();
            if e.header.kind.is_recorded_flow() {
                let (received, spent) = u
                    .days
                    .get(g)
                    .copied()
                    .or_else(|| t.days.get(g).and_then(|d| d.get(&date)).copied())
                    .unwrap_or_default();
                let received = if super::entries::receives(kind) {
                    received.checked_sub(p.amount.0)?
                } else {
                    received
                };
                let spent = if super::entries::spends(kind, p) {
                    spent.checked_add(p.amount.0)?
                } else {
                    spent
                };
                u.days.insert(g.clone(), (received, spent));
            } else if let Some((account, year)) = carry_account
                && account == &p.account
            {
                let before = u
                    .carried
                    .get(g)
                    .map(|(_, v)| *v)
                    .or_else(|| t.carried.get(g).and_then(|y| y.get(&year)).copied())
                    .unwrap_or(0);
                u.carried
                    .insert(g.clone(), (year, before.checked_sub(p.amount.0)?));
            }
        }
        self.legacy_after(t, e, &mut u)?;
        Some(u)
    }

    /// The restricted flows a closing of the earlier form carries (rule 14a): each entry's
    /// income and expense postings charged to restricted grants added to their year's flow; a
    /// closing of either form ends its year's flows, and one of the earlier form counts them as
    /// carried (it moved them to restricted net assets: a later carry must not move them again).
    fn legacy_after(&self, t: &FundTotals, e: &Entry, u: &mut FundsUpdate) -> Option<()> {
        let Some(info) = self.info.as_ref() else {
            return Some(());
        };
        let year = info.fiscal_start.year_of(e.header.date);
        for p in e.postings() {
            let Some(g) = p
                .grant
                .as_ref()
                .filter(|g| self.grants.get(*g).is_some_and(|grant| grant.restricted))
            else {
                continue;
            };
            let kind = self.accounts.get(&p.account).copied();
            if !matches!(kind, Some(AccountType::Income | AccountType::Expense)) {
                continue;
            }
            let key = (year, g.clone());
            let before = u.legacy.get(&key).or_else(|| t.legacy.get(&key)).copied();
            u.legacy
                .insert(key, before.unwrap_or(0).checked_add(p.amount.0)?);
        }
        let EntryKind::Closing { year, form, .. } = &e.header.kind else {
            return Some(());
        };
        let mut flows: BTreeMap<GrantId, i64> = t
            .legacy
            .iter()
            .filter(|((y, _), _)| y == year)
            .map(|((_, g), f)| (g.clone(), *f))
            .collect();
        for ((y, g), f) in &u.legacy {
            if y == year {
                flows.insert(g.clone(), *f);
            }
        }
        for (g, flow) in flows {
            u.legacy.insert((*year, g.clone()), 0);
            if matches!(form, ClosingForm::Restricted { .. }) && flow != 0 {
                let before = u
                    .carried
                    .get(&g)
                    .map(|(_, v)| *v)
                    .or_else(|| t.carried.get(&g).and_then(|y| y.get(year)).copied())
                    .unwrap_or(0);
                u.carried.insert(g, (*year, before.checked_sub(flow)?));
            }
        }
        Some(())
    }

    fn fund_totals(&self, check: Replayed) -> Result<&FundTotals, RuleError> {
        self.totals
            .as_ref()
            .map(|t| &t.funds)
            .ok_or_else(|| RuleError::from(RuleKind::NotReplayed { check }))
    }

    /// Every restricted grant's dedicated fund at the end of fiscal `year` that is not zero or
    /// moves, by grant id.
    pub fn dedicated_funds(&self, year: i32) -> Result<Vec<DedicatedFund>, RuleError> {
        let t = self.fund_totals(Replayed::Closing)?;
        let Some((_, end)) = self.fiscal_bounds(year) else {
            return Ok(vec![]);
        };
        let mut ids: Vec<&GrantId> = self
            .grants
            .values()
            .filter(|g| g.restricted)
            .map(|g| &g.id)
            .collect();
        ids.sort();
        let mut funds = vec![];
        for id in ids {
            let (mut received, mut spent) = (0i64, 0i64);
            for (_, (r, s)) in t.days.get(id).into_iter().flat_map(|d| d.range(..=end)) {
                received = received.checked_add(*r).ok_or_else(|| self.overflow())?;
                spent = spent.checked_add(*s).ok_or_else(|| self.overflow())?;
            }
            let unspent = received.checked_sub(spent).ok_or_else(|| self.overflow())?;
            // What the year-end entries of this year and the years before carried: a later
            // year's carry (of a year reopened since) does not count.
            let carried = crate::domain::checked_sum(
                t.carried
                    .get(id)
                    .into_iter()
                    .flat_map(|y| y.range(..=year))
                    .map(|(_, c)| Minor(*c)),
            )
            .ok_or_else(|| self.overflow())?;
            let fund = DedicatedFund {
                grant: id.clone(),
                target: Minor(unspent.max(0)),
                carried,
            };
            if !(fund.target.is_zero() && fund.carried.is_zero()) {
                funds.push(fund);
            }
        }
        Ok(funds)
    }

    /// The postings of the carry of fiscal `year`'s unspent restricted money (kind
    /// `dedicated-funds`): for each restricted grant whose fund moves, by grant id, the charge
    /// and the dedicated account when it grows, the dedicated account and the release income
    /// when it shrinks, each tagged to the grant.
    pub fn dedicated_funds_postings(
        &self,
        year: i32,
        dedicated: &AccountCode,
        charge: &AccountCode,
        release: &AccountCode,
    ) -> Result<Vec<Posting>, RuleError> {
        let mut postings = vec![];
        for fund in self.dedicated_funds(year)? {
            let change = fund.change().ok_or_else(|| self.overflow())?;
            let minus = change.checked_neg().ok_or_else(|| self.overflow())?;
            let g = Some(&fund.grant);
            if change.0 > 0 {
                postings.push(plain(charge, change, g));
                postings.push(plain(dedicated, minus, g));
            } else if change.0 < 0 {
                postings.push(plain(dedicated, minus, g));
                postings.push(plain(release, change, g));
            }
        }
        Ok(postings)
    }

    /// The postings of the year closing of fiscal `year` (kind `year-closing`): every income
    /// and expense account's net for the year reversed, by code; what the dedicated funds must
    /// still move (nothing after a dedicated-funds entry), grant by grant, on the dedicated
    /// account; then the result, a credit to the surplus account or a debit to the deficit
    /// account. Also returns the result as the officers read it (a surplus positive).
    pub fn year_closing_postings(
        &self,
        year: i32,
        surplus: &AccountCode,
        deficit: &AccountCode,
        dedicated: &AccountCode,
    ) -> Result<(Vec<Posting>, Minor), RuleError> {
        let mut postings = self.closing_flows(year)?;
        for fund in self.dedicated_funds(year)? {
            let change = fund.change().ok_or_else(|| self.overflow())?;
            if !change.is_zero() {
                let minus = change.checked_neg().ok_or_else(|| self.overflow())?;
                postings.push(plain(dedicated, minus, Some(&fund.grant)));
            }
        }
        let sum = crate::domain::checked_sum(postings.iter().map(|p| p.amount))
            .ok_or_else(|| self.overflow())?;
        let result = sum.checked_neg().ok_or_else(|| self.overflow())?;
        if result.0 < 0 {
            postings.push(plain(surplus, result, None));
        } else if result.0 > 0 {
            postings.push(plain(deficit, result, None));
        }
        Ok((postings, sum))
    }

    /// The results of year closings, in chain order.
    pub fn closed_results(&self) -> Vec<ClosedResult> {
        self.totals
            .as_ref()
            .map(|t| t.funds.results.values().cloned().collect())
            .unwrap_or_default()
    }

    /// Rule 14b: a dedicated-funds entry of fiscal `year`.
    pub(super) fn check_dedicated_funds(&self, e: &Entry, kind: &EntryKind) -> Vec<RuleError> {
        let EntryKind::DedicatedFunds {
            year,
            start,
            dedicated_account,
            charge_account,
            release_account,
        } = kind
        else {
            return vec![];
        };
        if let Err(problem) = self.check_year_end(e, *year, *start) {
            return vec![problem];
        }
        let roles = [
            (dedicated_account, AccountType::Liability, "dedicated-funds"),
            (charge_account, AccountType::Expense, "charge"),
            (release_account, AccountType::Income, "release"),
        ];
        if let Err(problem) = self.check_roles(&roles) {
            return vec![problem];
        }
        match self.dedicated_funds_postings(
            *year,
            dedicated_account,
            charge_account,
            release_account,
        ) {
            Err(err) => vec![err],
            Ok(expected) if expected.as_slice() == e.postings() => vec![],
            Ok(_) => vec![RuleError::from(RuleKind::DedicatedFundsPostings {
                year: *year,
            })],
        }
    }

    /// Rule 14: a year closing of fiscal `year` in the form that keeps dedicated funds.
    pub(super) fn check_year_closing(
        &self,
        e: &Entry,
        year: i32,
        start: NaiveDate,
        surplus: &AccountCode,
        deficit: &AccountCode,
        dedicated: &AccountCode,
    ) -> Vec<RuleError> {
        if let Err(problem) = self.check_year_end(e, year, start) {
            return vec![problem];
        }
        if self.gov.is_closed(year) || self.gov.closing_pending(year) {
            return vec![RuleError::from(RuleKind::YearClosed { year })];
        }
        let roles = [
            (surplus, AccountType::NetAssets, "surplus"),
            (deficit, AccountType::NetAssets, "deficit"),
            (dedicated, AccountType::Liability, "dedicated-funds"),
        ];
        if let Err(problem) = self.check_roles(&roles) {
            return vec![problem];
        }
        match self.year_closing_postings(year, surplus, deficit, dedicated) {
            Err(err) => vec![err],
            Ok((expected, _)) if expected.as_slice() == e.postings() => vec![],
            Ok(_) => vec![RuleError::from(RuleKind::ClosingPostings { year })],
        }
    }

    /// Rule 14c: an allocation of the result of the year closing at `closing`.
    pub(super) fn check_allocation(&self, e: &Entry, year: i32, closing: i64) -> Vec<RuleError> {
        let refuse = |kind: RuleKind| vec![RuleError::from(kind)];
        let t = match self.fund_totals(Replayed::Closing) {
            Ok(t) => t,
            Err(err) => return vec![err],
        };
        let result = t.results.get(&closing).filter(|r| r.year == year);
        let Some(result) = result.filter(|_| self.gov.is_closed(year)) else {
            return refuse(RuleKind::AllocationClosing { closing, year });
        };
        if let Some(seq) = result.allocated {
            return refuse(RuleKind::AllocationTwice { closing, seq });
        }
        if e.header.batch.is_some() || e.header.reference.is_some() {
            return refuse(RuleKind::ClosingInImport);
        }
        if self
            .fiscal_bounds(year)
            .is_none_or(|(_, end)| e.header.date <= end)
        {
            return refuse(RuleKind::AllocationDate {
                date: e.header.date,
                year,
            });
        }
        let postings = e.postings();
        let first_ok = postings.first().is_some_and(|p| {
            p.account == result.account
                && Some(p.amount) == result.amount.checked_neg()
                && p.grant.is_none()
                && p.line.is_none()
                && p.original.is_none()
        });
        let rest_ok = postings.iter().skip(1).all(|p| {
            self.accounts.get(&p.account) == Some(&AccountType::NetAssets)
                && p.amount.0.signum() == result.amount.0.signum()
                && p.grant.is_none()
                && p.line.is_none()
                && p.original.is_none()
        });
        if !(first_ok && rest_ok && postings.len() >= 2) {
            return refuse(RuleKind::AllocationPostings { closing });
        }
        vec![]
    }

    /// The accounts a closing names have the types their roles need (rules 14b and 14c): what
    /// the writer checks first, even for a year it will only lock.
    pub fn check_closing_accounts(
        &self,
        surplus: &AccountCode,
        deficit: &AccountCode,
        dedicated: &AccountCode,
        carry: Option<(&AccountCode, &AccountCode)>,
    ) -> Result<(), RuleError> {
        let mut roles = vec![
            (surplus, AccountType::NetAssets, "surplus"),
            (deficit, AccountType::NetAssets, "deficit"),
            (dedicated, AccountType::Liability, "dedicated-funds"),
        ];
        if let Some((charge, release)) = carry {
            roles.push((charge, AccountType::Expense, "charge"));
            roles.push((release, AccountType::Income, "release"));
        }
        self.check_roles(&roles)
    }

    /// A year-end entry of fiscal `year` is dated on its last day, with `start` its first,
    /// outside any import and without a reference.
    fn check_year_end(&self, e: &Entry, year: i32, start: NaiveDate) -> Result<(), RuleError> {
        if self.fiscal_bounds(year) != Some((start, e.header.date)) {
            return Err(RuleError::from(RuleKind::ClosingDates {
                date: e.header.date,
                year,
            }));
        }
        if e.header.batch.is_some() || e.header.reference.is_some() {
            return Err(RuleError::from(RuleKind::ClosingInImport));
        }
        Ok(())
    }

    /// Each account a year-end entry names exists with the type its role needs.
    fn check_roles(
        &self,
        roles: &[(&AccountCode, AccountType, &'static str)],
    ) -> Result<(), RuleError> {
        for (account, expected, role) in roles {
            if !self.accounts.contains_key(*account) {
                return Err(RuleError::from(RuleKind::AccountUnknown {
                    account: (*account).clone(),
                }));
            }
            if self.accounts.get(*account) != Some(expected) {
                return Err(RuleError::from(RuleKind::AccountRole {
                    account: (*account).clone(),
                    expected: *expected,
                    role,
                }));
            }
        }
        Ok(())
    }
}
