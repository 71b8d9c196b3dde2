//! What a transaction may charge, checked by amana's writer when it records (`record`,
//! `import`), never replayed by `verify`: ledgers written before these checks may hold such
//! postings, and the chain's rules for them do not change (`schema/CHAIN.md`, "amana's writer
//! also refuses").
//!
//! - Postings go to detail accounts: an account that has sub-accounts (another account whose
//!   code extends its code) takes no posting.
//! - A budget line is charged by expense postings, and by the purchase of an asset when the
//!   line's account is an asset account (an equipment line).
//! - A grant is tagged on income postings (what it brought in) and expense postings (what was
//!   spent on it), or on an asset bought on an equipment line.
//! - A grant or line tag on a bank or cash account is refused with where it belongs.
//! - An original amount has the sign of its posting.
//!
//! Reversals mirror an entry admitted before, and closings carry a year's result: neither is
//! checked here.

use std::collections::HashSet;

use super::error::RuleKind;
use super::{Book, RuleError};
use crate::domain::{AccountCode, AccountType, Entry, EntryKind, GrantId, LineId, Minor, Money};

/// What the writer knows beyond the book: which accounts hold money, which budget lines are
/// equipment lines.
#[derive(Debug, Default, Clone)]
pub struct Charging {
    /// Cash and bank accounts: those named with `--bank` in a seal, and those the chart's
    /// numbering says are money (class 5 trésorerie on `ma-associations`, 10xx on `generic`).
    pub money: HashSet<AccountCode>,
    /// Budget lines whose account is an asset account: the purchase of equipment charges them.
    pub equipment_lines: HashSet<(GrantId, LineId)>,
}

impl Book {
    /// The accounts whose code extends `code` (its sub-accounts, at any depth), sorted.
    pub fn sub_accounts(&self, code: &AccountCode) -> Vec<AccountCode> {
        let mut subs: Vec<AccountCode> = self
            .accounts
            .keys()
            .filter(|c| c.as_str().len() > code.as_str().len())
            .filter(|c| c.as_str().starts_with(code.as_str()))
            .cloned()
            .collect();
        subs.sort();
        subs
    }

    /// Every charging rule a transaction breaks, each at its posting.
    pub fn check_charging(&self, e: &Entry, charging: &Charging) -> Vec<RuleError> {
        if !matches!(e.header.kind, EntryKind::Transaction) {
            return vec![];
        }
        let mut problems = vec![];
        for (i, p) in e.postings().iter().enumerate() {
            // An unknown account is the book's refusal (check_content), said once.
            let Some(kind) = self.accounts.get(&p.account).copied() else {
                continue;
            };
            let subs = self.sub_accounts(&p.account);
            if !subs.is_empty() {
                problems.push(
                    RuleError::from(RuleKind::PostingToParent {
                        account: p.account.clone(),
                        subs,
                    })
                    .at(i),
                );
            }
            let equipment = match (&p.grant, &p.line) {
                (Some(g), Some(l)) => charging.equipment_lines.contains(&(g.clone(), l.clone())),
                _ => false,
            };
            let tagged = p.grant.is_some() || p.line.is_some();
            if tagged && charging.money.contains(&p.account) {
                let tag = match (&p.grant, &p.line) {
                    (Some(g), Some(l)) => format!("grant={g} line={l}"),
                    (Some(g), None) => format!("grant={g}"),
                    (None, Some(l)) => format!("line={l}"),
                    (None, None) => String::new(),
                };
                problems.push(
                    RuleError::from(RuleKind::TagOnMoney {
                        account: p.account.clone(),
                        tag,
                    })
                    .at(i),
                );
            } else {
                let asset_bought = kind == AccountType::Asset && equipment;
                if let (Some(grant), Some(line)) = (&p.grant, &p.line)
                    && kind != AccountType::Expense
                    && !asset_bought
                {
                    problems.push(
                        RuleError::from(RuleKind::LineNotOnExpense {
                            account: p.account.clone(),
                            kind,
                            grant: grant.clone(),
                            line: line.clone(),
                        })
                        .at(i),
                    );
                } else if let Some(grant) = &p.grant
                    && !matches!(kind, AccountType::Income | AccountType::Expense)
                    && !asset_bought
                {
                    problems.push(
                        RuleError::from(RuleKind::GrantTagMisplaced {
                            account: p.account.clone(),
                            kind,
                            grant: grant.clone(),
                        })
                        .at(i),
                    );
                }
            }
            if let Some((original, code)) = &p.original
                && sign(*original) != sign(p.amount)
                && let (Some(base), Some(exponent)) = (self.currency(), self.currencies.get(code))
            {
                let currency = crate::domain::Currency {
                    code: code.clone(),
                    exponent: *exponent,
                };
                problems.push(
                    RuleError::from(RuleKind::OriginalSignDiffers {
                        account: p.account.clone(),
                        amount: Money::new(p.amount, base.clone()),
                        original: Money::new(*original, currency),
                    })
                    .at(i),
                );
            }
        }
        problems
    }
}

fn sign(m: Minor) -> i64 {
    m.0.signum()
}
