//! Corrections of the set-up as user actions: a grant's amendment, an account renamed or
//! retired, a budget line amended or withdrawn, a funder renamed. Each is one chain entry,
//! admitted by the book (CHAIN.md rule 16) on the replayed chain, since a correction must not
//! contradict anything already recorded.

use crate::app::decisions::replay;
use crate::app::{Ledger, LedgerError, Refusal, Written, append_record};
use crate::chain::{AccountChange, BudgetLineAmendment, FunderChange, GrantAmendment, Record};
use chrono::NaiveDate;

use crate::domain::{AccountCode, FunderId, GrantId, LineId, text};

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// What `amana grant amend` asks. The reason is free text, cleaned where it is recorded.
pub struct GrantAmendmentRequest {
    pub grant: GrantId,
    pub effective: NaiveDate,
    /// The new agreed amount, in the grant's currency: text, since how many decimals it may
    /// have is that currency's, which only the ledger's listing of grants tells.
    pub amount: Option<String>,
    /// The new last day of the grant period.
    pub end: Option<NaiveDate>,
    pub reason: String,
}

/// What `amana grant budget-amend` asks.
pub struct BudgetLineAmendmentRequest {
    pub grant: GrantId,
    pub line: LineId,
    pub effective: NaiveDate,
    /// The new budget, in the ledger's base currency (as budgets are): text, read with that
    /// currency's decimals.
    pub amount: Option<String>,
    /// The line takes no posting dated on or after `effective`.
    pub withdraw: bool,
    pub reason: String,
}

impl Ledger {
    /// Appends one correction, checked against the whole replayed chain.
    fn correct(&mut self, record: Record) -> Result<Written> {
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = replay(app)?;
            append_record(app, &mut book, &actor, record)
        })
    }

    /// `amana grant amend ID [--amount A] [--end DATE] --effective DATE --reason R`.
    pub fn amend_grant(&mut self, req: GrantAmendmentRequest) -> Result<Written> {
        let info = self.info()?;
        let grant = req.grant;
        // The amount is in the grant's own currency, read from the listing of grants.
        let amount = match &req.amount {
            None => None,
            Some(a) => {
                let listed = self.store.grants(Some(grant.as_str()))?;
                let currency = listed
                    .first()
                    .and_then(|g| info.currency(&g.currency))
                    .cloned()
                    .ok_or_else(|| Refusal::GrantNotFound {
                        grant: grant.clone(),
                    })?;
                Some(currency.parse(a)?)
            }
        };
        let amendment = GrantAmendment {
            grant,
            effective: req.effective,
            amount,
            end: req.end,
            reason: text::clean("reason", &req.reason)?,
        };
        self.correct(Record::GrantAmendment(amendment))
    }

    /// `amana account rename CODE --name N --reason R [--effective DATE]`.
    pub fn rename_account(
        &mut self,
        code: &AccountCode,
        name: &str,
        effective: Option<NaiveDate>,
        reason: &str,
    ) -> Result<Written> {
        let change = AccountChange {
            code: code.clone(),
            effective,
            name: Some(text::clean("name", name)?),
            retired: false,
            reason: text::clean("reason", reason)?,
        };
        self.correct(Record::AccountChange(change))
    }

    /// `amana account retire CODE --effective DATE --reason R`.
    pub fn retire_account(
        &mut self,
        code: &AccountCode,
        effective: NaiveDate,
        reason: &str,
    ) -> Result<Written> {
        let change = AccountChange {
            code: code.clone(),
            effective: Some(effective),
            name: None,
            retired: true,
            reason: text::clean("reason", reason)?,
        };
        self.correct(Record::AccountChange(change))
    }

    /// `amana funder rename ID --name N --reason R`.
    pub fn rename_funder(&mut self, id: &FunderId, name: &str, reason: &str) -> Result<Written> {
        let change = FunderChange {
            id: id.clone(),
            name: text::clean("name", name)?,
            reason: text::clean("reason", reason)?,
        };
        self.correct(Record::FunderChange(change))
    }

    /// `amana grant budget-amend GRANT LINE [--amount A] [--withdraw] --effective DATE --reason R`.
    pub fn amend_budget_line(&mut self, req: BudgetLineAmendmentRequest) -> Result<Written> {
        let info = self.info()?;
        // In the grant's currency when its terms put its budget in it.
        let currency = crate::app::rates::budget_currency(&self.store, &info, &req.grant)?;
        let amendment = BudgetLineAmendment {
            grant: req.grant,
            line: req.line,
            effective: req.effective,
            amount: req
                .amount
                .as_deref()
                .map(|a| currency.parse(a))
                .transpose()?,
            withdrawn: req.withdraw,
            reason: text::clean("reason", &req.reason)?,
        };
        self.correct(Record::BudgetLineAmendment(amendment))
    }
}
