//! `report statements --year YYYY`: the Moroccan statements (Bilan, CPC, ETIC) of a fiscal
//! year, on a ledger of the `ma-associations` chart, read in one snapshot.

use crate::app::Ledger;
use crate::report::statements::{StatementsReport, statements};
use crate::store::StoreError;

/// What the statements are asked for.
#[derive(Debug, Clone, Copy)]
pub struct StatementsOptions {
    /// The fiscal year, named by the calendar year it starts in.
    pub year: i32,
}

/// Why the statements cannot be made. `WrongChart` and `NoSuchYear` are refusals (exit 2):
/// nothing was read that could be wrong.
#[derive(Debug, thiserror::Error)]
pub enum StatementsError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The statements' rubrics are those of the Moroccan chart.
    #[error(
        "the Moroccan statements (Bilan, CPC, ETIC) are made from the accounts of the chart ma-associations; this ledger uses the chart \"{chart}\". Use `amana report annual --year YYYY` for its statements of financial position and of activities"
    )]
    WrongChart { chart: String },
    /// A year whose days amana cannot record.
    #[error(
        "--year {year}: not a fiscal year amana can report on with the year before it (years 2 to 9998); give the calendar year the fiscal year starts in, e.g. --year 2025"
    )]
    NoSuchYear { year: i32 },
}

impl StatementsError {
    /// Whether what was asked cannot be done (exit 2), rather than the ledger failing to read.
    pub fn is_refusal(&self) -> bool {
        !matches!(self, StatementsError::Store(_))
    }
}

/// The statements of fiscal year `options.year`, with the year before beside it.
pub fn statements_report(
    ledger: &Ledger,
    options: StatementsOptions,
) -> Result<StatementsReport, StatementsError> {
    let info = ledger.store().ledger_info()?;
    if info.chart != "ma-associations" {
        return Err(StatementsError::WrongChart { chart: info.chart });
    }
    let year = options.year;
    let bounded = |y: i32| info.fiscal_start.year_bounds(y).is_some();
    if !bounded(year) || !year.checked_sub(1).is_some_and(bounded) {
        return Err(StatementsError::NoSuchYear { year });
    }
    let store = ledger.store();
    store.begin_read()?;
    let report = statements(store, &info, year);
    store.end_read()?;
    Ok(report?)
}
