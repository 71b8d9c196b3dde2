//! Totals: every account's balance (overall and by date), each grant's received and spent,
//! each fiscal year's income and expense (what a closing carries), and the Merkle tree and head
//! a seal commits to. Only a book that replayed the whole chain keeps them.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::entries::{receives, spends};
use super::error::{Replayed, RuleKind};
use super::{Book, RuleError, amendments};
use crate::chain::Hash;
use crate::chain::merkle::Accumulator;
use crate::domain::{
    AccountCode, AccountType, Entry, EntryKind, GrantId, Minor, Posting, checked_sum,
};

/// What seals and closings need, kept only by a book that replayed the whole chain
/// ([`Book::new`] then [`Book::admit`] for every entry), never by one loaded from the tables.
#[derive(Debug, Default, Clone)]
pub(super) struct Totals {
    /// Every account's balance.
    pub(super) balances: BTreeMap<AccountCode, i64>,
    /// Every account's movements by date (for balances as of a day: a bank statement's).
    pub(super) dated: BTreeMap<AccountCode, BTreeMap<NaiveDate, i64>>,
    /// Per grant: (received, spent), see [`GrantTotals`].
    pub(super) grants: BTreeMap<GrantId, (i64, i64)>,
    /// Per fiscal year, the net of income and expense accounts.
    pub(super) flows: HashMap<i32, BTreeMap<AccountCode, i64>>,
    /// Per fiscal year, the part of that net charged to restricted grants.
    pub(super) restricted: HashMap<i32, i64>,
    /// The Merkle tree over every entry so far, and the chain head.
    pub(super) merkle: Accumulator,
    pub(super) head: Hash,
    /// What recorded transactions use, for the checks of corrections (rule 16).
    pub(super) usage: amendments::Usage,
    /// Dedicated funds: each grant's received and spent by date, what is carried, and the
    /// results of year closings with their allocation (see [`super::funds`]).
    pub(super) funds: super::funds::FundTotals,
}

/// What one entry changes in the totals: the new value of each total it touches, computed
/// with checked arithmetic before anything is changed, so that an entry whose totals would
/// overflow leaves the book as it was.
#[derive(Debug, Default)]
pub(super) struct TotalsUpdate {
    year: i32,
    balances: BTreeMap<AccountCode, i64>,
    dated: BTreeMap<AccountCode, i64>,
    grants: BTreeMap<GrantId, (i64, i64)>,
    flows: BTreeMap<AccountCode, i64>,
    restricted: Option<i64>,
    funds: super::funds::FundsUpdate,
}

/// `current + amount` into `map[key]`, where `current` is what `map` (this entry's totals so
/// far) or else `before` (the totals before the entry) holds.
fn add_to<K: Ord + Clone>(
    map: &mut BTreeMap<K, i64>,
    key: &K,
    before: Option<i64>,
    amount: i64,
) -> Option<()> {
    let current = map.get(key).copied().or(before).unwrap_or(0);
    map.insert(key.clone(), current.checked_add(amount)?);
    Some(())
}

impl Book {
    /// A account's balance from the replayed totals.
    pub fn balance(&self, account: &AccountCode) -> Option<Minor> {
        let t = self.totals.as_ref()?;
        Some(Minor(t.balances.get(account).copied().unwrap_or(0)))
    }

    /// An account's balance as of the end of `date` (entries dated on or before it), from the
    /// replayed totals (`None`: a book that did not replay the chain); an error if the sum
    /// overflows (a corrupt ledger).
    pub fn balance_as_of(
        &self,
        account: &AccountCode,
        date: NaiveDate,
    ) -> Result<Option<Minor>, RuleError> {
        let Some(t) = self.totals.as_ref() else {
            return Ok(None);
        };
        let Some(days) = t.dated.get(account) else {
            return Ok(Some(Minor::ZERO));
        };
        checked_sum(days.range(..=date).map(|(_, a)| Minor(*a)))
            .map(Some)
            .ok_or_else(|| self.overflow())
    }

    /// The refusal of an entry whose totals overflow (the entry at `next_seq`).
    pub(super) fn overflow(&self) -> RuleError {
        RuleError::from(RuleKind::TotalOverflow { seq: self.next_seq })
    }

    /// The postings of the closing of fiscal `year` (dated `end`), from the replayed totals:
    /// every income and expense account's net for the year reversed, and the result carried to
    /// the restricted and unrestricted net-asset accounts. Refused by a book that did not
    /// replay the chain, and when a total overflows (a corrupt ledger).
    pub fn closing_postings(
        &self,
        year: i32,
        restricted_account: &AccountCode,
        unrestricted_account: &AccountCode,
    ) -> Result<Vec<Posting>, RuleError> {
        let (_, _, restricted, rest) = self.year_result(year)?;
        let plain = |account: &AccountCode, amount: Minor| Posting::plain(account.clone(), amount);
        let mut postings = self.closing_flows(year)?;
        if !restricted.is_zero() {
            postings.push(plain(restricted_account, restricted));
        }
        if !rest.is_zero() {
            postings.push(plain(unrestricted_account, rest));
        }
        Ok(postings)
    }

    /// The first postings of any closing of fiscal `year`: every income and expense account's
    /// net for the year reversed, by code.
    pub(super) fn closing_flows(&self, year: i32) -> Result<Vec<Posting>, RuleError> {
        let (flows, ..) = self.year_result(year)?;
        flows
            .iter()
            .filter(|(_, f)| **f != 0)
            .map(|(a, f)| {
                Minor(*f)
                    .checked_neg()
                    .map(|amount| Posting::plain(a.clone(), amount))
            })
            .collect::<Option<_>>()
            .ok_or_else(|| self.overflow())
    }

    /// The result of fiscal `year` that its closing carries to net assets, as the officers
    /// read it (a surplus positive, a deficit negative): the whole, its part on restricted
    /// grants, and the rest. The same totals as [`Book::closing_postings`]'.
    pub fn closing_result(&self, year: i32) -> Result<(Minor, Minor, Minor), RuleError> {
        let (_, total, restricted, rest) = self.year_result(year)?;
        let read = |m: Minor| m.checked_neg().ok_or_else(|| self.overflow());
        Ok((read(total)?, read(restricted)?, read(rest)?))
    }

    /// Fiscal `year`'s flows by account, as the replayed totals keep them (income credits
    /// negative), their sum, its part on restricted grants and the rest: what the closing
    /// carries. Refused by a book that did not replay the chain, and when a total overflows.
    fn year_result(
        &self,
        year: i32,
    ) -> Result<(BTreeMap<AccountCode, i64>, Minor, Minor, Minor), RuleError> {
        let Some(t) = self.totals.as_ref() else {
            return Err(RuleError::from(RuleKind::NotReplayed {
                check: Replayed::Closing,
            }));
        };
        let flows = t.flows.get(&year).cloned().unwrap_or_default();
        let total =
            checked_sum(flows.values().map(|f| Minor(*f))).ok_or_else(|| self.overflow())?;
        let restricted = Minor(t.restricted.get(&year).copied().unwrap_or(0));
        let rest = total
            .checked_sub(restricted)
            .ok_or_else(|| self.overflow())?;
        Ok((flows, total, restricted, rest))
    }

    /// What entry `e` changes in the replayed totals (`None`: a book that keeps none, or
    /// before the genesis entry); refused if a total would overflow.
    pub(super) fn totals_after(&self, e: &Entry) -> Result<Option<TotalsUpdate>, RuleError> {
        let (Some(info), Some(t)) = (self.info.as_ref(), self.totals.as_ref()) else {
            return Ok(None);
        };
        let year = info.fiscal_start.year_of(e.header.date);
        let mut u = TotalsUpdate {
            year,
            ..TotalsUpdate::default()
        };
        let mut restricted = t.restricted.get(&year).copied().unwrap_or(0);
        let step = |u: &mut TotalsUpdate, restricted: &mut i64, p: &Posting| -> Option<()> {
            let amount = p.amount.0;
            add_to(
                &mut u.balances,
                &p.account,
                t.balances.get(&p.account).copied(),
                amount,
            )?;
            let day = t
                .dated
                .get(&p.account)
                .and_then(|days| days.get(&e.header.date))
                .copied();
            add_to(&mut u.dated, &p.account, day, amount)?;
            let kind = self.accounts.get(&p.account).copied();
            // A grant's received and spent count what the officers recorded, never the
            // year-end entries amana computes (dedicated funds, closings), though these are
            // tagged to grants.
            if let Some(g) = p
                .grant
                .as_ref()
                .filter(|_| e.header.kind.is_recorded_flow())
            {
                let (received, spent) = u
                    .grants
                    .get(g)
                    .or_else(|| t.grants.get(g))
                    .copied()
                    .unwrap_or_default();
                let received = if receives(kind) {
                    received.checked_sub(amount)?
                } else {
                    received
                };
                let spent = if spends(kind, p) {
                    spent.checked_add(amount)?
                } else {
                    spent
                };
                u.grants.insert(g.clone(), (received, spent));
            }
            if matches!(kind, Some(AccountType::Income | AccountType::Expense)) {
                let flow = t.flows.get(&year).and_then(|f| f.get(&p.account)).copied();
                add_to(&mut u.flows, &p.account, flow, amount)?;
                let is_restricted = p
                    .grant
                    .as_ref()
                    .and_then(|g| self.grants.get(g))
                    .is_some_and(|g| g.restricted);
                if is_restricted {
                    *restricted = restricted.checked_add(amount)?;
                    u.restricted = Some(*restricted);
                }
            }
            Some(())
        };
        for p in e.postings() {
            step(&mut u, &mut restricted, p).ok_or_else(|| self.overflow())?;
        }
        u.funds = self
            .funds_after(&t.funds, e)
            .ok_or_else(|| self.overflow())?;
        Ok(Some(u))
    }

    /// Takes entry `e` (at `seq`) into the totals, with the update [`Book::totals_after`]
    /// computed.
    pub(super) fn take_totals(&mut self, seq: i64, e: &Entry, update: Option<TotalsUpdate>) {
        let (Some(u), Some(t)) = (update, self.totals.as_mut()) else {
            return;
        };
        let accounts = &self.accounts;
        t.usage.take(e, |a| accounts.get(a).copied());
        t.balances.extend(u.balances);
        for (account, amount) in u.dated {
            t.dated
                .entry(account)
                .or_default()
                .insert(e.header.date, amount);
        }
        t.grants.extend(u.grants);
        t.funds.take(e, u.funds, seq);
        if !u.flows.is_empty() {
            t.flows.entry(u.year).or_default().extend(u.flows);
        }
        if let Some(r) = u.restricted {
            t.restricted.insert(u.year, r);
        }
        // A closing carries the whole restricted part of its year so far: a closing after a
        // reopening carries only what was recorded since (CHAIN.md rule 14).
        if matches!(e.header.kind, EntryKind::Closing { .. }) {
            t.restricted.remove(&u.year);
        }
    }
}
