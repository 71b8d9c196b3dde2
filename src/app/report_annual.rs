//! The annual report for the general assembly (`amana report annual --year Y`): its figures
//! read from the store in a few aggregate queries inside one read transaction (so every
//! figure is of the same chain head), its governance part from the verification the report's
//! head was made with.

use chrono::NaiveDate;

use crate::app::{Ledger, LedgerError, Refusal};
use crate::chain::ChainEntry;
use crate::domain::{Minor, checked_sum, format_date};
use crate::report::annual::{
    AnnualInput, AnnualReport, Governance, SealLine, officer_lines, reversal_lines,
};
use crate::store::StoreError;
use crate::store::annual::YearSpan;
use crate::verify::VerifyReport;

/// What the annual report covers.
#[derive(Debug, Clone, Copy)]
pub struct AnnualOptions {
    /// The fiscal year, named by the calendar year it starts in (`--year 2025`).
    pub year: i32,
}

/// The annual report of fiscal year `options.year` on `ledger`; `verify` is the verification
/// the report's head is made from (its seals, signers and result are the governance part).
pub fn annual_report(
    ledger: &Ledger,
    options: AnnualOptions,
    verify: &VerifyReport,
) -> Result<AnnualReport, LedgerError> {
    let info = ledger.info()?;
    let year = options.year;
    let (start, end) = info
        .fiscal_start
        .year_bounds(year)
        .ok_or(Refusal::YearOutOfRange { year })?;
    let previous_start = year
        .checked_sub(1)
        .and_then(|y| info.fiscal_start.year_bounds(y))
        .map_or(start, |(s, _)| s);
    let span = YearSpan {
        previous_start,
        start,
        end,
    };
    let store = ledger.store();
    store.begin_read()?;
    let read = read_input(ledger, &span, year, verify);
    store.end_read()?;
    AnnualReport::build(read?)
        .map_err(|e| LedgerError::Store(StoreError::TotalOutOfRange { what: e.what }))
}

/// Everything the report reads, in one read transaction.
fn read_input(
    ledger: &Ledger,
    span: &YearSpan,
    year: i32,
    verify: &VerifyReport,
) -> Result<AnnualInput, LedgerError> {
    let store = ledger.store();
    let info = ledger.info()?;
    let accounts = store.accounts(None)?;
    let arabic_names = accounts
        .iter()
        .filter_map(|a| {
            let ar = a.labels.iter().find(|(lang, _)| lang == "ar")?;
            Some((a.code.clone(), ar.1.clone()))
        })
        .collect();
    let chart = accounts.into_iter().map(|a| (a.code, a.name)).collect();
    let funders = store.funder_names()?;
    let seals = seals_of_year(ledger, span, verify)?;
    let reversals = store.reversals_between(span.start, span.end)?;
    let mut figures = store.year_figures(span, year)?;
    // A grant in another currency may budget in it (EU-2025 budgets in EUR): its budget in the
    // ledger's currency is the one `grant list` gives, converted at the grant's rate, so that
    // what it spent (in the ledger's currency) is compared with a budget in the same currency.
    let in_other_currency = figures
        .grants
        .iter()
        .any(|g| g.currency != info.currency.code);
    let listed = if in_other_currency {
        crate::report::grants(store, &info, None)?.grants
    } else {
        vec![]
    };
    for g in figures
        .grants
        .iter_mut()
        .filter(|g| g.currency != info.currency.code)
    {
        let Some(l) = listed.iter().find(|l| l.id == g.id) else {
            continue;
        };
        let in_force = l.lines.iter().filter(|x| x.withdrawn.is_none());
        let base: Option<Vec<Minor>> = in_force
            .map(|x| {
                x.budget
                    .as_deref()
                    .and_then(|b| info.currency.parse(b).ok())
            })
            .collect();
        if let Some(total) = base.and_then(checked_sum) {
            g.budget = total;
        }
    }
    let input = AnnualInput {
        year,
        from: format_date(span.start),
        to: format_date(span.end),
        currency: info.currency.clone(),
        currencies: info.currencies.clone(),
        accounts: figures.accounts,
        chart,
        arabic_names,
        restricted_accounts: store.restricted_net_assets_accounts()?,
        funding: figures.funding,
        funders,
        grants: figures.grants,
        results: store.year_results(year)?,
        governance: Governance {
            verified: verify.ok,
            problems: verify.problems.len(),
            entries: verify.entries,
            head: verify.head.clone(),
            seals,
            reversals_count: reversals.len(),
            reversals: reversal_lines(reversals),
            officers: officer_lines(store.officer_rows()?),
        },
    };
    Ok(input)
}

/// The seals of the year: those whose period ends in it, and those recorded in it without a
/// period end; each with its fingerprint, signers and validity as `verify` found them.
fn seals_of_year(
    ledger: &Ledger,
    span: &YearSpan,
    verify: &VerifyReport,
) -> Result<Vec<SealLine>, LedgerError> {
    let store = ledger.store();
    let info = ledger.info()?;
    let in_year = |d: NaiveDate| d >= span.start && d <= span.end;
    let mut out = vec![];
    for seal in store.seal_rows()? {
        let recorded = store
            .body_at(seal.seq)?
            .and_then(|body| ChainEntry::decode(&body, Some(&info.currency)).ok())
            .and_then(|e| chrono::DateTime::from_timestamp_micros(e.time_us))
            .map(|t| t.date_naive());
        let period_end = seal
            .period_end
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let of_year = match period_end {
            Some(d) => in_year(d),
            None => recorded.is_some_and(in_year),
        };
        if !of_year {
            continue;
        }
        let checked = verify.seals.iter().find(|s| s.seq == seal.seq);
        out.push(SealLine {
            seq: seal.seq,
            recorded: recorded.map(format_date).unwrap_or_default(),
            period_end: seal.period_end,
            covered: seal.covered,
            fingerprint: checked.map(|s| s.fingerprint.clone()).unwrap_or_default(),
            signed_by: checked.map(|s| s.signed_by.clone()).unwrap_or_default(),
            valid: checked.is_some_and(|s| s.valid),
        });
    }
    Ok(out)
}
