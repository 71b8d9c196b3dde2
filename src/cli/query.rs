//! The commands that read the books: `balance`, `journal`, `log` (each from a ledger file or
//! an audit bundle) and `verify`. Dates and anchors are read before anything is opened; the
//! application checks the filters against the ledger; `report` builds each listing.

use amana::app::bundle;
use amana::app::queries::{self, BalanceQuery, JournalQuery};
use amana::domain;
use amana::report::{self, render};
use amana::verify;

use super::Context;
use super::args::{Format, QueryGroup};
use super::error::{CliError, Failure};
use super::print;

pub fn run(ctx: &Context, command: QueryGroup) -> Result<(), Failure> {
    let path = &ctx.ledger;
    match command {
        QueryGroup::Balance {
            as_of,
            from,
            to,
            before_closing,
            grant,
            format,
        } => {
            let query = BalanceQuery {
                from: date(from)?,
                as_of: date(as_of.or(to))?,
                before_closing,
                grant,
            };
            let ledger = bundle::open_read_only(path)?;
            let info = ledger.info()?;
            let filter = ledger.balance_filter(query)?;
            let report = report::balance(ledger.store(), &info, &filter)?;
            match format.resolved()? {
                Format::Table => out!("{}", render::balance_table(&report)),
                Format::Csv => print::csv(&render::balance_csv(&report), format.excel)?,
                Format::Json => print::json(&report),
            }
        }
        QueryGroup::Journal {
            from,
            to,
            account,
            grant,
            format,
        } => {
            let query = JournalQuery {
                from: date(from)?,
                to: date(to)?,
                account,
                grant,
            };
            let ledger = bundle::open_read_only(path)?;
            let info = ledger.info()?;
            let filter = ledger.journal_filter(query)?;
            let report = report::journal(ledger.store(), &info, &filter)?;
            match format.resolved()? {
                Format::Table => outp!("{}", render::journal_text(&report)),
                Format::Csv => print::csv(&render::journal_csv(&report), format.excel)?,
                Format::Json => print::json(&report),
            }
        }
        QueryGroup::Log { kind, format } => {
            let ledger = bundle::open_read_only(path)?;
            let info = ledger.info()?;
            let report = report::log(ledger.store(), &info, kind.as_deref())?;
            match format.resolved()? {
                Format::Table => out!("{}", render::log_table(&report)),
                Format::Csv => print::csv(&render::log_csv(&report), format.excel)?,
                Format::Json => print::json(&report),
            }
        }
        QueryGroup::Verify {
            anchors,
            seals,
            bundle,
            format,
        } => {
            let options = verify::Options {
                anchors: anchors
                    .iter()
                    .map(|a| verify::Anchor::parse(a))
                    .collect::<Result<_, _>>()
                    .map_err(CliError::from)?,
                now_us: None,
                seals: seals
                    .iter()
                    .map(|s| verify::SealAnchor::parse(s))
                    .collect::<Result<_, _>>()
                    .map_err(CliError::from)?,
            };
            let report = queries::verify(path, bundle, &options)?;
            match format.resolved()? {
                Format::Table => outp!("{}", super::lang::verify_text(&report)),
                Format::Csv => print::csv(&render::verify_csv(&report), format.excel)?,
                Format::Json => print::json(&report),
            }
            if !report.ok {
                return Err(Failure::VerifyFailed);
            }
        }
    }
    Ok(())
}

/// A date typed as a filter (the listings' and the reports' --from, --to).
pub(super) fn date(text: Option<String>) -> Result<Option<chrono::NaiveDate>, Failure> {
    Ok(text.map(|d| domain::parse_date(&d)).transpose()?)
}
