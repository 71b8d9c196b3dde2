//! The periods the officers name, and the accounts a closing uses when they name none: rules
//! the command line once held, here so that every caller (the command line, the web
//! application to come) applies the same ones.
//!
//! The caller says what day it is (`today`): whether a period has ended is decided as of the
//! day the officers act, which a caller states, not a clock this module would read.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::app::close::{CloseOutcome, ClosePreview};
use crate::app::{Ledger, LedgerError};
use crate::domain::{self, AccountCode, DomainError};

/// The last day of the period a seal reports on: a month (through its last day), a day, or
/// none (the seal then reports on everything recorded, as of no particular day).
pub fn seal_period_end(
    month: Option<&str>,
    through: Option<&str>,
) -> Result<Option<NaiveDate>, DomainError> {
    match (month, through) {
        (Some(m), _) => domain::month_end(m).map(Some),
        (None, Some(d)) => domain::parse_date(d).map(Some),
        (None, None) => Ok(None),
    }
}

/// The net-asset accounts (restricted, unrestricted) that receive a year's result when the
/// officers name none. Only the generic chart has them confirmed; the Moroccan chart has no
/// confirmed account for them, so there the officers name both.
pub fn default_closing_accounts(chart: &str) -> Option<(&'static str, &'static str)> {
    (chart == "generic").then_some(("3100", "3000"))
}

/// What closing a fiscal year needs.
pub struct CloseRequest {
    /// The fiscal year, named by the calendar year it starts in.
    pub year: i32,
    /// The net-asset account that receives the result on restricted grants; `None`: the
    /// chart's default, if it has one.
    pub restricted_account: Option<AccountCode>,
    /// The net-asset account that receives the rest of the result; `None`: the chart's default.
    pub unrestricted_account: Option<AccountCode>,
    /// The officers' private key files signing the closing and its seal.
    pub key_files: Vec<PathBuf>,
    /// The day the officers close it: a year can be closed from the day after it ends.
    pub today: NaiveDate,
}

/// Why a closing did not happen.
#[derive(Debug, thiserror::Error)]
pub enum CloseError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// No restricted account was given, and the chart has no default.
    #[error(
        "give --restricted-account and --unrestricted-account: the net-asset accounts that receive the year's result on restricted grants and on the rest (this chart has no default)"
    )]
    NoRestrictedAccount,
    /// No unrestricted account was given, and the chart has no default.
    #[error(
        "give --unrestricted-account: the net-asset account that receives the year's result on unrestricted funds"
    )]
    NoUnrestrictedAccount,
}

impl Ledger {
    /// Closes a fiscal year with the accounts the officers named, or the chart's defaults.
    pub fn close_year(&mut self, req: CloseRequest) -> Result<CloseOutcome, CloseError> {
        let (restricted, unrestricted) = self.closing_accounts(&req)?;
        Ok(self.close(
            req.year,
            &restricted,
            &unrestricted,
            &req.key_files,
            req.today,
        )?)
    }

    /// What [`Ledger::close_year`] would write, and nothing written (`close --dry-run`).
    pub fn close_year_preview(&mut self, req: CloseRequest) -> Result<ClosePreview, CloseError> {
        let (restricted, unrestricted) = self.closing_accounts(&req)?;
        Ok(self.close_preview(req.year, &restricted, &unrestricted, req.today)?)
    }

    /// The accounts the officers named, or the chart's defaults.
    fn closing_accounts(
        &self,
        req: &CloseRequest,
    ) -> Result<(AccountCode, AccountCode), CloseError> {
        let chart = self.info()?.chart;
        let defaults = default_closing_accounts(&chart);
        let default = |pick: fn((&'static str, &'static str)) -> &'static str| {
            defaults.and_then(|d| AccountCode::parse(pick(d)).ok())
        };
        let restricted = (req.restricted_account.clone())
            .or_else(|| default(|(r, _)| r))
            .ok_or(CloseError::NoRestrictedAccount)?;
        let unrestricted = (req.unrestricted_account.clone())
            .or_else(|| default(|(_, u)| u))
            .ok_or(CloseError::NoUnrestrictedAccount)?;
        Ok((restricted, unrestricted))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seal_names_a_month_through_its_last_day_or_a_day() {
        let d = |s| domain::parse_date(s).unwrap();
        assert_eq!(
            seal_period_end(Some("2024-02"), None).unwrap(),
            Some(d("2024-02-29"))
        );
        assert_eq!(
            seal_period_end(None, Some("2026-03-15")).unwrap(),
            Some(d("2026-03-15"))
        );
        assert_eq!(seal_period_end(None, None).unwrap(), None);
        assert!(seal_period_end(Some("2026-13"), None).is_err());
        assert!(seal_period_end(None, Some("2026-02-30")).is_err());
    }

    #[test]
    fn only_the_generic_chart_has_default_closing_accounts() {
        assert_eq!(default_closing_accounts("generic"), Some(("3100", "3000")));
        assert_eq!(default_closing_accounts("ma-associations"), None);
        assert_eq!(default_closing_accounts("none"), None);
    }
}
