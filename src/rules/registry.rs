//! What exists in the books: the currencies of the genesis entry, accounts, funders, grants,
//! budget lines, and the receipts attached to transactions. Each is admitted once, named by
//! its identifier, and the later rules (entries, amendments) look them up here.

use chrono::NaiveDate;

use super::error::RuleKind;
use super::{Book, RuleError, Warning};
use crate::chain::Receipt;
use crate::domain::{AccountCode, AccountType, FunderId, Grant, GrantId, LedgerInfo, Minor};

#[derive(Debug, Clone)]
pub(super) struct LineState {
    pub(super) budget: Minor,
    pub(super) spent: Minor,
    /// The first day the line takes no posting, once withdrawn (rule 16).
    pub(super) withdrawn: Option<NaiveDate>,
}

impl Book {
    pub(super) fn admit_ledger(
        &mut self,
        info: &LedgerInfo,
    ) -> Result<Vec<Warning>, Vec<RuleError>> {
        if self.info.is_some() {
            return Err(vec![RuleError::from(RuleKind::GenesisTwice)]);
        }
        self.currencies = info
            .currencies
            .iter()
            .map(|c| (c.code.clone(), c.exponent))
            .collect();
        self.info = Some(info.clone());
        Ok(vec![])
    }

    pub(super) fn admit_grant(&mut self, g: &Grant) -> Result<Vec<Warning>, Vec<RuleError>> {
        let mut problems = vec![];
        if self.grants.contains_key(&g.id) {
            problems.push(RuleError::from(RuleKind::GrantExists { id: g.id.clone() }));
        }
        if !self.funders.contains(&g.funder) {
            problems.push(RuleError::from(RuleKind::GrantFunderMissing {
                funder: g.funder.clone(),
            }));
        }
        if !self.currencies.contains_key(&g.currency) {
            problems.push(RuleError::from(RuleKind::CurrencyNotInTable {
                currency: g.currency.clone(),
            }));
        }
        if g.amount.0 < 0 || !g.amount.in_range() {
            problems.push(RuleError::from(RuleKind::GrantAmountOutOfRange {
                amount: g.amount,
            }));
        }
        if g.end < g.start {
            problems.push(RuleError::from(RuleKind::GrantEndsBeforeStart {
                end: g.end,
                start: g.start,
            }));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        self.grants.insert(g.id.clone(), g.clone());
        Ok(vec![])
    }

    pub(super) fn check_budget_line(&self, b: &crate::domain::BudgetLine) -> Vec<RuleError> {
        let mut problems = vec![];
        if !self.grants.contains_key(&b.grant) {
            problems.push(RuleError::from(RuleKind::LineGrantMissing {
                grant: b.grant.clone(),
            }));
        }
        if self.lines.contains_key(&(b.grant.clone(), b.line.clone())) {
            problems.push(RuleError::from(RuleKind::LineExists {
                grant: b.grant.clone(),
                line: b.line.clone(),
            }));
        }
        if b.amount.0 < 0 || !b.amount.in_range() {
            problems.push(RuleError::from(RuleKind::BudgetOutOfRange {
                amount: b.amount,
            }));
        }
        if let Some(account) = &b.account
            && !self.accounts.contains_key(account)
        {
            problems.push(RuleError::from(RuleKind::LineAccountMissing {
                account: account.clone(),
            }));
        }
        problems
    }

    pub(super) fn admit_receipt(&mut self, r: &Receipt) -> Result<(), Vec<RuleError>> {
        if r.entry.0 < 1 || r.entry.0 >= self.next_entry {
            return Err(vec![RuleError::from(RuleKind::ReceiptEntryMissing {
                entry: r.entry,
            })]);
        }
        if r.size < 0 || r.file_name.contains('/') {
            return Err(vec![RuleError::from(RuleKind::ReceiptFileName {
                file_name: r.file_name.clone(),
            })]);
        }
        if !self.receipts.insert((r.entry, r.sha256)) {
            return Err(vec![RuleError::from(RuleKind::ReceiptTwice {
                entry: r.entry,
                sha256: r.sha256,
            })]);
        }
        Ok(())
    }

    pub fn account_type(&self, code: &AccountCode) -> Option<AccountType> {
        self.accounts.get(code).copied()
    }

    pub fn has_funder(&self, id: &FunderId) -> bool {
        self.funders.contains(id)
    }

    pub fn grant(&self, id: &GrantId) -> Option<&Grant> {
        self.grants.get(id)
    }
}
