//! What exists in the books: the currencies of the genesis entry, accounts, funders, grants,
//! budget lines, and the receipts attached to transactions. Each is admitted once, named by
//! its identifier, and the later rules (entries, amendments) look them up here.

use chrono::NaiveDate;

use super::{Book, RuleError, Warning};
use crate::chain::Receipt;
use crate::domain::{
    AccountCode, AccountType, FunderId, Grant, GrantId, LedgerInfo, Minor, format_date,
};

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
            return Err(vec![RuleError::new(
                "kind",
                "ledger",
                "a chain has exactly one genesis entry, and it is the first",
            )]);
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
            problems.push(RuleError::new(
                "id",
                &g.id,
                format!("grant {} already exists", g.id),
            ));
        }
        if !self.funders.contains(&g.funder) {
            problems.push(RuleError::new(
                "funder",
                &g.funder,
                format!(
                    "funder {} does not exist: add it first with `amana funder add`",
                    g.funder
                ),
            ));
        }
        if !self.currencies.contains_key(&g.currency) {
            problems.push(RuleError::new(
                "currency",
                &g.currency,
                format!(
                    "currency {} is not in this ledger's currency table",
                    g.currency
                ),
            ));
        }
        if g.amount.0 < 0 || !g.amount.in_range() {
            problems.push(RuleError::new(
                "amount",
                g.amount,
                "a grant's amount is between 0 and 10^13 minor units",
            ));
        }
        if g.end < g.start {
            problems.push(RuleError::new(
                "end",
                format_date(g.end),
                format!("the grant ends ({}) before it starts ({})", g.end, g.start),
            ));
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
            problems.push(RuleError::new(
                "grant",
                &b.grant,
                format!(
                    "grant {} does not exist: add it first with `amana grant add`",
                    b.grant
                ),
            ));
        }
        if self.lines.contains_key(&(b.grant.clone(), b.line.clone())) {
            problems.push(RuleError::new(
                "line",
                &b.line,
                format!("grant {} already has a budget line {}", b.grant, b.line),
            ));
        }
        if b.amount.0 < 0 || !b.amount.in_range() {
            problems.push(RuleError::new(
                "amount",
                b.amount,
                "a budget is between 0 and 10^13 minor units",
            ));
        }
        if let Some(account) = &b.account
            && !self.accounts.contains_key(account)
        {
            problems.push(RuleError::new(
                "account",
                account,
                format!("account {account} does not exist"),
            ));
        }
        problems
    }

    pub(super) fn admit_receipt(&mut self, r: &Receipt) -> Result<(), Vec<RuleError>> {
        if r.entry.0 < 1 || r.entry.0 >= self.next_entry {
            return Err(vec![RuleError::new(
                "entry",
                r.entry,
                format!("transaction {} does not exist", r.entry),
            )]);
        }
        if r.size < 0 || r.file_name.contains('/') {
            return Err(vec![RuleError::new(
                "file_name",
                &r.file_name,
                "a receipt has a plain file name and a size",
            )]);
        }
        if !self.receipts.insert((r.entry, r.sha256)) {
            return Err(vec![RuleError::new(
                "sha256",
                hex::encode(r.sha256),
                format!(
                    "this document is already a receipt of transaction {}",
                    r.entry
                ),
            )]);
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
