//! What a listing or a verification selects, checked against the ledger before anything is
//! read: rules the command line once held, here so that every caller (the command line, the
//! web application to come) checks a filter the same way. The reports themselves are built by
//! `report`, from the filters made here.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::app::bundle;
use crate::app::{Ledger, LedgerError};
use crate::domain::format_date;
use crate::store::{BalanceFilter, JournalFilter, StoreError};
use crate::verify::{self, BundleReadError, VerifyReport};

/// What `balance` selects, as typed values.
#[derive(Debug, Default, Clone)]
pub struct BalanceQuery {
    /// Only postings dated on or after this day: the movements of a period.
    pub from: Option<NaiveDate>,
    /// Only postings dated on or before this day.
    pub as_of: Option<NaiveDate>,
    /// Leave out the closing entries of fiscal years (a closed year's income and expense).
    pub before_closing: bool,
    /// Only postings charged to this grant; it must exist.
    pub grant: Option<String>,
}

/// What `journal` selects, as typed values.
#[derive(Debug, Default, Clone)]
pub struct JournalQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// An account code or the prefix of one.
    pub account: Option<String>,
    /// Only transactions with a posting charged to this grant; it must exist.
    pub grant: Option<String>,
}

/// Why a filter cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A typo would otherwise give an empty report.
    #[error(
        "grant \"{grant}\" does not exist in this ledger (its grants: {})",
        if known.is_empty() { "none".to_string() } else { known.join(", ") }
    )]
    UnknownGrant { grant: String, known: Vec<String> },
    /// A period that ends before it starts.
    #[error(
        "the period from {} to {} ends before it starts: give --from a day on or before --to (or --as-of)",
        format_date(*from), format_date(*to)
    )]
    PeriodBackwards { from: NaiveDate, to: NaiveDate },
}

/// Why a verification could not run (what it finds is its report, not an error).
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// The audit bundle's chain cannot be read.
    #[error(transparent)]
    Bundle(#[from] BundleReadError),
    #[error(transparent)]
    Ledger(#[from] LedgerError),
}

impl Ledger {
    /// A grant typed as a filter, trimmed; it must exist in this ledger.
    pub fn grant_filter(&self, grant: Option<&str>) -> Result<Option<String>, QueryError> {
        let Some(grant) = grant.map(|g| g.trim().to_string()) else {
            return Ok(None);
        };
        let known = self.store().grant_ids()?;
        if known.contains(&grant) {
            Ok(Some(grant))
        } else {
            Err(QueryError::UnknownGrant { grant, known })
        }
    }

    /// The balance listing's filter, its grant checked.
    pub fn balance_filter(&self, query: BalanceQuery) -> Result<BalanceFilter, QueryError> {
        if let (Some(from), Some(to)) = (query.from, query.as_of)
            && from > to
        {
            return Err(QueryError::PeriodBackwards { from, to });
        }
        Ok(BalanceFilter {
            from: query.from.map(format_date),
            as_of: query.as_of.map(format_date),
            before_closing: query.before_closing,
            grant: self.grant_filter(query.grant.as_deref())?,
        })
    }

    /// The journal listing's filter, its grant checked and its account trimmed.
    pub fn journal_filter(&self, query: JournalQuery) -> Result<JournalFilter, QueryError> {
        Ok(JournalFilter {
            from: query.from.map(format_date),
            to: query.to.map(format_date),
            account: query.account.map(|a| a.trim().to_string()),
            grant: self.grant_filter(query.grant.as_deref())?,
        })
    }
}

/// Verifies the audit bundle `bundle`, or the one `ledger` names, or else the ledger file.
pub fn verify(
    ledger: &Path,
    bundle: Option<PathBuf>,
    options: &verify::Options,
) -> Result<VerifyReport, VerifyError> {
    let bundle = bundle.or_else(|| bundle::is_bundle(ledger).then(|| ledger.to_path_buf()));
    match bundle {
        Some(dir) => Ok(verify::verify_bundle(&dir, options)?),
        None => {
            let ledger = Ledger::open_read_only(ledger)?;
            Ok(verify::verify_with(ledger.store(), options).map_err(LedgerError::from)?)
        }
    }
}
