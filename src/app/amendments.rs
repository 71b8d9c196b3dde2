//! Corrections of the set-up as user actions: a grant's amendment, an account renamed or
//! retired, a budget line amended or withdrawn, a funder renamed. Each is one chain entry,
//! admitted by the book (CHAIN.md rule 16) on the replayed chain, since a correction must not
//! contradict anything already recorded.

use crate::app::decisions::replay;
use crate::app::{Ledger, LedgerError, Refusal, Written, append_record};
use crate::chain::{AccountChange, BudgetLineAmendment, FunderChange, GrantAmendment, Record};
use crate::domain::{AccountCode, FunderId, GrantId, LineId, parse_date, text};

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// What `amana grant amend` asks.
pub struct GrantAmendmentRequest {
    pub grant: String,
    pub effective: String,
    /// The new agreed amount, in the grant's currency.
    pub amount: Option<String>,
    /// The new last day of the grant period.
    pub end: Option<String>,
    pub reason: String,
}

/// What `amana grant budget-amend` asks.
pub struct BudgetLineAmendmentRequest {
    pub grant: String,
    pub line: String,
    pub effective: String,
    /// The new budget, in the ledger's base currency (as budgets are).
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
        let grant = GrantId::parse(&req.grant)?;
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
            effective: parse_date(&req.effective)?,
            amount,
            end: req.end.as_deref().map(parse_date).transpose()?,
            reason: text::clean("reason", &req.reason)?,
        };
        self.correct(Record::GrantAmendment(amendment))
    }

    /// `amana account rename CODE --name N --reason R [--effective DATE]`.
    pub fn rename_account(
        &mut self,
        code: &str,
        name: &str,
        effective: Option<&str>,
        reason: &str,
    ) -> Result<Written> {
        let change = AccountChange {
            code: AccountCode::parse(code)?,
            effective: effective.map(parse_date).transpose()?,
            name: Some(text::clean("name", name)?),
            retired: false,
            reason: text::clean("reason", reason)?,
        };
        self.correct(Record::AccountChange(change))
    }

    /// `amana account retire CODE --effective DATE --reason R`.
    pub fn retire_account(&mut self, code: &str, effective: &str, reason: &str) -> Result<Written> {
        let change = AccountChange {
            code: AccountCode::parse(code)?,
            effective: Some(parse_date(effective)?),
            name: None,
            retired: true,
            reason: text::clean("reason", reason)?,
        };
        self.correct(Record::AccountChange(change))
    }

    /// `amana funder rename ID --name N --reason R`.
    pub fn rename_funder(&mut self, id: &str, name: &str, reason: &str) -> Result<Written> {
        let change = FunderChange {
            id: FunderId::parse(id)?,
            name: text::clean("name", name)?,
            reason: text::clean("reason", reason)?,
        };
        self.correct(Record::FunderChange(change))
    }

    /// `amana grant budget-amend GRANT LINE [--amount A] [--withdraw] --effective DATE --reason R`.
    pub fn amend_budget_line(&mut self, req: BudgetLineAmendmentRequest) -> Result<Written> {
        let info = self.info()?;
        let amendment = BudgetLineAmendment {
            grant: GrantId::parse(&req.grant)?,
            line: LineId::parse(&req.line)?,
            effective: parse_date(&req.effective)?,
            amount: req
                .amount
                .as_deref()
                .map(|a| info.currency.parse(a))
                .transpose()?,
            withdrawn: req.withdraw,
            reason: text::clean("reason", &req.reason)?,
        };
        self.correct(Record::BudgetLineAmendment(amendment))
    }
}
