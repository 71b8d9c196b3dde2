//! What amana's writer checks and tells when it records transactions (`record`, `import`):
//! the charging rules of [`crate::rules::Charging`] (detail accounts, grant and line tags where
//! they belong, an original amount's sign), and the warnings kept and shown like an over-spent
//! budget line's: a grant spent past its total, a grant received past its agreed amount, a
//! cash or bank account below zero, a transaction dated after today.
//!
//! Both are the writer's: `verify` does not replay them, so ledgers written before stay valid.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::app::LedgerError;
use crate::domain::{
    AccountCode, AccountType, Currency, Entry, EntryKind, GrantId, LedgerInfo, Minor, Money,
};
use crate::formats::charts;
use crate::rules::{Book, Charging, Warning, receives, spends};
use crate::store::Store;

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// A grant's total in force and its totals so far, in the books' currency.
#[derive(Debug, Clone, Copy)]
struct GrantWatch {
    total: Minor,
    received: Minor,
    spent: Minor,
}

/// What the writer reads once before recording, then keeps up to date entry by entry.
pub(crate) struct Watch {
    pub(crate) charging: Charging,
    /// Each cash or bank account's movements by day: the ledger's, then this command's.
    money: BTreeMap<AccountCode, BTreeMap<NaiveDate, Minor>>,
    /// Grants in the books' currency (a grant in another currency is compared in it, which
    /// the totals here do not hold).
    grants: HashMap<GrantId, GrantWatch>,
    base: Currency,
    today: Option<NaiveDate>,
}

impl Watch {
    /// Reads what the checks and warnings need from the ledger as it stands.
    pub(crate) fn load(
        store: &Store,
        info: &LedgerInfo,
        today: Option<NaiveDate>,
    ) -> Result<Watch> {
        let banks = store.sealed_bank_accounts()?;
        let mut charging = Charging::default();
        let mut money = BTreeMap::new();
        let mut kinds: HashMap<AccountCode, AccountType> = HashMap::new();
        for a in store.accounts(None)? {
            let code = AccountCode::parse(&a.code)?;
            let kind: AccountType = a.kind.parse()?;
            kinds.insert(code.clone(), kind);
            let sealed = banks.contains(&code);
            // Tags: class 5 (trésorerie) on the Moroccan chart, cash and bank on the generic
            // one, and every account a seal gave a statement balance for.
            let holds_money = match info.chart.as_str() {
                "ma-associations" => code.as_str().starts_with('5'),
                "generic" => charts::is_money("generic", &code, kind),
                _ => false,
            };
            if sealed || holds_money {
                charging.money.insert(code.clone());
            }
            // Below zero: the asset side only (an overdraft account is credit by nature).
            let cash = kind == AccountType::Asset
                && (sealed || (info.chart != "none" && charts::is_money(&info.chart, &code, kind)));
            if cash {
                let days = store.daily_movements(&code)?.into_iter().collect();
                money.insert(code, days);
            }
        }
        for (grant, line, account) in store.line_accounts()? {
            if account.and_then(|a| kinds.get(&a).copied()) == Some(AccountType::Asset) {
                charging.equipment_lines.insert((grant, line));
            }
        }
        let mut grants = HashMap::new();
        for g in store.grants(None)? {
            if g.currency == info.currency.code {
                grants.insert(
                    GrantId::parse(&g.id)?,
                    GrantWatch {
                        total: g.amount,
                        received: g.received,
                        spent: g.spent,
                    },
                );
            }
        }
        Ok(Watch {
            charging,
            money,
            grants,
            base: info.currency.clone(),
            today,
        })
    }

    /// The warnings `e` deserves, given the ledger and the entries before it in this command;
    /// then takes `e` into the running totals.
    pub(crate) fn warnings(&mut self, book: &Book, e: &Entry) -> Vec<Warning> {
        let mut warnings = vec![];
        let counted = matches!(
            e.header.kind,
            EntryKind::Transaction | EntryKind::Reversal { .. }
        );
        if !counted {
            return warnings;
        }
        let (id, date) = (e.id(), e.header.date);
        let money = |m: Minor| Money::new(m, self.base.clone());
        if let Some(today) = self.today
            && matches!(e.header.kind, EntryKind::Transaction)
            && date > today
        {
            warnings.push(Warning::DatedInFuture {
                entry: id,
                date,
                today,
            });
        }
        // Each account's and grant's change, summed over the entry's postings.
        let mut moved: BTreeMap<AccountCode, Minor> = BTreeMap::new();
        let mut granted: BTreeMap<GrantId, (Minor, Minor)> = BTreeMap::new();
        for p in e.postings() {
            if self.money.contains_key(&p.account) {
                let m = moved.entry(p.account.clone()).or_insert(Minor::ZERO);
                *m = m.checked_add(p.amount).unwrap_or(*m);
            }
            if let Some(grant) = &p.grant {
                let kind = book.account_type(&p.account);
                let (r, s) = granted
                    .entry(grant.clone())
                    .or_insert((Minor::ZERO, Minor::ZERO));
                if receives(kind) {
                    *r = p
                        .amount
                        .checked_neg()
                        .and_then(|n| r.checked_add(n))
                        .unwrap_or(*r);
                }
                if spends(kind, p) {
                    *s = s.checked_add(p.amount).unwrap_or(*s);
                }
            }
        }
        for (account, delta) in moved {
            let days = self.money.entry(account.clone()).or_default();
            let before = days
                .range(..=date)
                .try_fold(Minor::ZERO, |sum, (_, m)| sum.checked_add(*m));
            if let Some(before) = before
                && let Some(after) = before.checked_add(delta)
                && after.0 < 0
                && after < before
            {
                warnings.push(Warning::MoneyBelowZero {
                    entry: id,
                    account: account.clone(),
                    date,
                    balance: money(after),
                });
            }
            let day = days.entry(date).or_insert(Minor::ZERO);
            *day = day.checked_add(delta).unwrap_or(*day);
        }
        for (grant, (received, spent)) in granted {
            let Some(g) = self.grants.get_mut(&grant) else {
                continue;
            };
            let now = GrantWatch {
                total: g.total,
                received: g.received.checked_add(received).unwrap_or(g.received),
                spent: g.spent.checked_add(spent).unwrap_or(g.spent),
            };
            if now.spent > g.total && now.spent > g.spent {
                warnings.push(Warning::GrantOverspent {
                    entry: id,
                    grant: grant.clone(),
                    total: money(g.total),
                    spent: money(now.spent),
                });
            }
            if now.received > g.total && now.received > g.received {
                warnings.push(Warning::GrantOverReceived {
                    entry: id,
                    grant: grant.clone(),
                    agreed: money(g.total),
                    received: money(now.received),
                });
            }
            *g = now;
        }
        warnings
    }
}
