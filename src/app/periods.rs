//! The periods the officers name, and the accounts a closing uses when they name none: rules
//! the command line once held, here so that every caller (the command line, the web
//! application to come) applies the same ones.
//!
//! The caller says what day it is (`today`): whether a period has ended is decided as of the
//! day the officers act, which a caller states, not a clock this module would read.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::app::close::{CloseOutcome, ClosePreview, ClosingAccounts};
use crate::app::{Ledger, LedgerError, Refusal};
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

/// The accounts a closing uses on a chart, when the officers name none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClosingDefaults {
    pub surplus: &'static str,
    pub deficit: &'static str,
    pub dedicated: &'static str,
    pub charge: &'static str,
    pub release: &'static str,
    /// Where an allocation puts a surplus, and a deficit, when the assembly names no account.
    pub carried_forward: (&'static str, &'static str),
}

/// The accounts a closing uses on each chart when the officers name none (schema/charts/
/// README.md). On the Moroccan chart the result accounts are the CGNC's (1191, 1199, 1161,
/// 1169); the dedicated-funds accounts are amana's proposal (1561, 6593, 7593), not confirmed
/// numbers of the association plan, so a treasurer may name others.
pub fn default_closing_accounts(chart: &str) -> Option<ClosingDefaults> {
    match chart {
        "ma-associations" => Some(ClosingDefaults {
            surplus: "1191",
            deficit: "1199",
            dedicated: "1561",
            charge: "6593",
            release: "7593",
            carried_forward: ("1161", "1169"),
        }),
        "generic" => Some(ClosingDefaults {
            surplus: "3900",
            deficit: "3900",
            dedicated: "2500",
            charge: "6950",
            release: "4950",
            carried_forward: ("3000", "3000"),
        }),
        _ => None,
    }
}

/// What closing a fiscal year needs. An account left `None` is the chart's default.
pub struct CloseRequest {
    /// The fiscal year, named by the calendar year it starts in.
    pub year: i32,
    /// Receives a surplus (and a deficit, unless `deficit_account` is given).
    pub unrestricted_account: Option<AccountCode>,
    /// Receives a deficit; `None`: the chart's default, or else the unrestricted account.
    pub deficit_account: Option<AccountCode>,
    /// The liability that holds unspent restricted money (dedicated funds).
    pub dedicated_account: Option<AccountCode>,
    /// The charge and income through which dedicated funds are carried and released; both or
    /// neither (then the chart's, or none: the closing moves the dedicated funds itself).
    pub charge_account: Option<AccountCode>,
    pub release_account: Option<AccountCode>,
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
    /// No unrestricted account was given, and the chart has no default.
    #[error(
        "give --unrestricted-account: the net-assets account that receives the year's result (this chart has no default)"
    )]
    NoUnrestrictedAccount,
    /// No dedicated-funds account was given, and the chart has no default.
    #[error(
        "give --dedicated-account: the liability account that holds restricted money received and not yet spent (dedicated funds; this chart has no default)"
    )]
    NoDedicatedAccount,
}

impl Ledger {
    /// Closes a fiscal year with the accounts the officers named, or the chart's defaults.
    pub fn close_year(&mut self, req: CloseRequest) -> Result<CloseOutcome, CloseError> {
        let accounts = self.closing_accounts(&req)?;
        Ok(self.close(req.year, &accounts, &req.key_files, req.today)?)
    }

    /// What [`Ledger::close_year`] would write, and nothing written (`close --dry-run`).
    pub fn close_year_preview(&mut self, req: CloseRequest) -> Result<ClosePreview, CloseError> {
        let accounts = self.closing_accounts(&req)?;
        Ok(self.close_preview(req.year, &accounts, req.today)?)
    }

    /// The accounts the officers named, or the chart's defaults.
    fn closing_accounts(&self, req: &CloseRequest) -> Result<ClosingAccounts, CloseError> {
        let chart = self.info()?.chart;
        let defaults = default_closing_accounts(&chart);
        let default = |pick: fn(&ClosingDefaults) -> &'static str| {
            defaults
                .as_ref()
                .and_then(|d| AccountCode::parse(pick(d)).ok())
        };
        let surplus = (req.unrestricted_account.clone())
            .or_else(|| default(|d| d.surplus))
            .ok_or(CloseError::NoUnrestrictedAccount)?;
        // An account the officers name for the result takes a deficit too, unless they name
        // one for it.
        let deficit = match (&req.deficit_account, &req.unrestricted_account) {
            (Some(d), _) => d.clone(),
            (None, Some(u)) => u.clone(),
            (None, None) => default(|d| d.deficit).unwrap_or_else(|| surplus.clone()),
        };
        let dedicated = (req.dedicated_account.clone())
            .or_else(|| default(|d| d.dedicated))
            .ok_or(CloseError::NoDedicatedAccount)?;
        let carry = match (&req.charge_account, &req.release_account) {
            (Some(c), Some(r)) => Some((c.clone(), r.clone())),
            (None, None) => default(|d| d.charge).zip(default(|d| d.release)),
            _ => return Err(LedgerError::from(Refusal::CarryAccountsTogether).into()),
        };
        Ok(ClosingAccounts {
            surplus,
            deficit,
            dedicated,
            carry,
        })
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
    fn the_charts_name_their_closing_accounts_and_an_empty_chart_none() {
        let generic = default_closing_accounts("generic").unwrap();
        assert_eq!((generic.surplus, generic.dedicated), ("3900", "2500"));
        let moroccan = default_closing_accounts("ma-associations").unwrap();
        assert_eq!((moroccan.surplus, moroccan.deficit), ("1191", "1199"));
        assert_eq!(moroccan.dedicated, "1561");
        assert_eq!(default_closing_accounts("none"), None);
    }
}
