//! The books as reports: the trial balance and the general ledger (`report trial-balance`,
//! `report ledger --account CODE`), their period worked out and checked here.
//!
//! The default period is the current fiscal year to date: `to` is today in the ledger's time
//! zone (the report clock, which `AMANA_NOW` fixes), `from` the first day of the fiscal year
//! `to` falls in (the ledger's `fiscal_start`). Balances from the years before are the
//! opening balances, as an accountant's "balance générale" carries them. `--from` alone runs
//! to today; `--to` alone starts at its fiscal year's first day.

use chrono::NaiveDate;

use crate::app::Ledger;
use crate::app::queries::QueryError;
use crate::domain::format_date;
use crate::report::books::{self, BooksPeriod, GeneralLedger, TrialBalance};
use crate::store::StoreError;

/// What a book covers, as asked (`--from`, `--to`).
#[derive(Debug, Default, Clone, Copy)]
pub struct BooksQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Why a book cannot be made. Everything but `Store` is the user's to fix (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum BooksError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A period that ends before it starts.
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(
        "--account: give an account code or the start of one, e.g. 5141 for the bank account or 51 for all cash and bank accounts"
    )]
    NoAccountGiven,
    /// A typo would otherwise give an empty ledger.
    #[error(
        "--account {prefix}: no account of this ledger starts with \"{prefix}\" (see `amana account list`)"
    )]
    UnknownAccount { prefix: String },
    /// `AMANA_NOW` cannot be read.
    #[error("{0}")]
    Clock(String),
}

impl BooksError {
    /// Whether the request was at fault (exit 2), not the ledger file (exit 3).
    pub fn is_refusal(&self) -> bool {
        !matches!(
            self,
            BooksError::Store(_) | BooksError::Query(QueryError::Store(_))
        )
    }
}

impl Ledger {
    /// The days a book covers: as asked, else the fiscal year to date (see the module).
    pub fn books_period(&self, query: BooksQuery) -> Result<BooksPeriod, BooksError> {
        let info = self.store().ledger_info()?;
        let to = match query.to {
            Some(to) => to,
            None => {
                let now = crate::report::output::now().map_err(BooksError::Clock)?;
                let tz = crate::app::settings::report_timezone(self);
                now.with_timezone(&tz).date_naive()
            }
        };
        let from = match query.from {
            Some(from) => from,
            None => {
                let year = info.fiscal_start.year_of(to);
                info.fiscal_start
                    .year_bounds(year)
                    .map_or(to, |(start, _)| start)
            }
        };
        if from > to {
            return Err(QueryError::PeriodBackwards { from, to }.into());
        }
        Ok(BooksPeriod {
            from: Some(format_date(from)),
            to: format_date(to),
        })
    }
}

/// `report trial-balance [--from --to]`.
pub fn trial_balance(ledger: &Ledger, query: BooksQuery) -> Result<TrialBalance, BooksError> {
    let period = ledger.books_period(query)?;
    let info = ledger.store().ledger_info()?;
    Ok(books::trial_balance(ledger.store(), &info, period)?)
}

/// `report ledger --account CODE [--from --to]`: `account` is a code or the start of one
/// (`514`: every bank account, one section each).
pub fn general_ledger(
    ledger: &Ledger,
    account: &str,
    query: BooksQuery,
) -> Result<GeneralLedger, BooksError> {
    let prefix = account.trim();
    if prefix.is_empty() {
        return Err(BooksError::NoAccountGiven);
    }
    if ledger.store().accounts(Some(prefix))?.is_empty() {
        return Err(BooksError::UnknownAccount {
            prefix: prefix.to_string(),
        });
    }
    let period = ledger.books_period(query)?;
    let info = ledger.store().ledger_info()?;
    Ok(books::general_ledger(
        ledger.store(),
        &info,
        prefix,
        period,
    )?)
}
