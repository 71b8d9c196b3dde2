//! Totals: every account's balance (overall and by date), each grant's received and spent,
//! each fiscal year's income and expense (what a closing carries), and the Merkle tree and head
//! a seal commits to. Only a book that replayed the whole chain keeps them.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::entries::{receives, spends};
use super::{Book, amendments};
use crate::chain::Hash;
use crate::chain::merkle::Accumulator;
use crate::domain::{AccountCode, AccountType, Entry, EntryKind, GrantId, Minor, Posting};

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
}

impl Book {
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

    pub(super) fn take_totals(&mut self, e: &Entry) {
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
                if receives(kind) {
                    totals.0 = totals.0.saturating_sub(amount);
                }
                if spends(kind, p) {
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
}
