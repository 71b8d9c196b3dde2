//! `amana report KIND`: each kind's options become its typed request, the application builds
//! the model and renders it, and the bytes go to standard output or to `--out`. A ledger that
//! does not verify still gets its report (which says so at its top), and the command exits 1.

use std::io::{IsTerminal, Write};

use chrono::NaiveDate;
use std::path::Path;

use amana::app::Ledger;
use amana::app::report_annual::{self, AnnualOptions};
use amana::app::report_audit::{self, AuditOptions};
use amana::app::report_books::{self, BooksQuery};
use amana::app::report_receipt;
use amana::app::report_statements::{self, StatementsOptions};
use amana::app::reports::{self, ReportError, ReportOptions};
use amana::app::settings;
use amana::domain::EntryId;
use amana::report::i18n::Lang;
use amana::report::output::{self, Format, Report};
use amana::report::templates::TemplateError;
use amana::verify::{self, VerifyReport};

use super::Context;
use super::args::reports::{ReportFormat, ReportKind, ReportOut, ReportsGroup};
use super::error::{CliError, Failure};
use super::query::date;

pub fn run(ctx: &Context, command: ReportsGroup) -> Result<(), Failure> {
    let ReportsGroup::Report(kind) = command;
    match kind {
        ReportKind::Funder {
            grant,
            from,
            to,
            out,
        } => {
            let (from, to) = (date(from)?, date(to)?);
            emit(ctx, &out, |ledger, _| {
                Ok(ledger.funder_report(&grant, from, to, report_today(ledger)?)?)
            })
        }
        ReportKind::TrialBalance { from, to, out } => {
            let query = BooksQuery {
                from: date(from)?,
                to: date(to)?,
            };
            emit(ctx, &out, |ledger, _| {
                Ok(report_books::trial_balance(ledger, query)?)
            })
        }
        ReportKind::Ledger {
            account,
            from,
            to,
            out,
        } => {
            let query = BooksQuery {
                from: date(from)?,
                to: date(to)?,
            };
            emit(ctx, &out, |ledger, _| {
                Ok(report_books::general_ledger(ledger, &account, query)?)
            })
        }
        ReportKind::Statements { year, out } => emit(ctx, &out, |ledger, _| {
            Ok(report_statements::statements_report(
                ledger,
                StatementsOptions { year },
            )?)
        }),
        ReportKind::Audit {
            anchors,
            seals,
            receipt_threshold,
            out,
        } => {
            let anchors = anchors
                .iter()
                .map(|a| verify::Anchor::parse(a))
                .collect::<Result<Vec<_>, _>>()
                .map_err(CliError::from)?;
            let seals = seals
                .iter()
                .map(|s| verify::SealAnchor::parse(s))
                .collect::<Result<Vec<_>, _>>()
                .map_err(CliError::from)?;
            emit_verified(ctx, &out, |ledger, _| {
                let info = ledger.info()?;
                let receipt_threshold = receipt_threshold
                    .as_deref()
                    .map(|t| info.currency.parse(t))
                    .transpose()
                    .map_err(|e| ReportError::Invalid(format!("--receipt-threshold: {e}")))?;
                let options = AuditOptions {
                    anchors,
                    seals,
                    receipt_threshold,
                };
                let now = output::now().map_err(ReportError::Clock)?;
                let report = report_audit::audit_report(ledger, &options, now)?;
                let verified = report.verify.clone();
                Ok((report, Some(verified)))
            })
        }
        ReportKind::Receipt { entry, out } => emit(ctx, &out, |ledger, _| {
            Ok(report_receipt::member_receipt_report(
                ledger,
                EntryId(entry),
                None,
            )?)
        }),
        ReportKind::Annual { year, out } => emit_verified(ctx, &out, |ledger, options| {
            let verified = timed("verify", || reports::verification(ledger, options.verify))?;
            let report = report_annual::annual_report(ledger, AnnualOptions { year }, &verified)?;
            Ok((report, options.verify.then_some(verified)))
        }),
    }
}

/// The report's day: the report clock (`AMANA_NOW`, else now) in the ledger's time zone, so
/// that a report made with a fixed clock reads the same on any day.
fn report_today(ledger: &Ledger) -> Result<NaiveDate, ReportError> {
    let now = output::now().map_err(ReportError::Clock)?;
    Ok(now
        .with_timezone(&settings::report_timezone(ledger))
        .date_naive())
}

/// The options every report takes, as typed values; the language as asked, else
/// `AMANA_LANG`, else the ledger's.
fn options(out: &ReportOut) -> Result<ReportOptions, Failure> {
    let format = match (out.excel, out.format) {
        (true, ReportFormat::Csv | ReportFormat::Text) => Format::Csv,
        (true, other) => {
            return Err(Failure::Invalid(format!(
                "--excel writes CSV for a spreadsheet: give it with --format csv, not {}",
                format!("{other:?}").to_lowercase()
            )));
        }
        (false, format) => match format {
            ReportFormat::Text => Format::Text,
            ReportFormat::Csv => Format::Csv,
            ReportFormat::Json => Format::Json,
            ReportFormat::Html => Format::Html,
            ReportFormat::Pdf => Format::Pdf,
        },
    };
    if format == Format::Pdf && out.out.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure::Invalid(
            "a PDF is not for the terminal: give --out FILE.pdf (or redirect the output to a file)"
                .into(),
        ));
    }
    Ok(ReportOptions {
        format,
        lang: match out.lang {
            Some(lang) => Some(lang),
            None => env_lang()?,
        },
        templates: out.templates.clone(),
        out: out.out.clone(),
        force: out.force,
        verify: !out.no_verify,
        excel: out.excel,
    })
}

/// `AMANA_LANG`, when set (read as the command line reads it, [`super::lang::language`]);
/// `None` lets the ledger's own language decide.
fn env_lang() -> Result<Option<Lang>, Failure> {
    match std::env::var("AMANA_LANG") {
        Ok(value) if !value.trim().is_empty() => Ok(Some(super::lang::language()?)),
        _ => Ok(None),
    }
}

/// Opens the ledger, verifies it (unless asked not to), builds the report with `build` and
/// writes it; exits 1 when the ledger does not verify.
fn emit<R: Report>(
    ctx: &Context,
    out: &ReportOut,
    build: impl FnOnce(&Ledger, &ReportOptions) -> Result<R, ReportError>,
) -> Result<(), Failure> {
    emit_verified(ctx, out, |ledger, options| {
        Ok((build(ledger, options)?, None))
    })
}

/// [`emit`] for a report that verifies the ledger itself and hands that verification back
/// for the head (`None`: the head verifies, as for any report).
fn emit_verified<R: Report>(
    ctx: &Context,
    out: &ReportOut,
    build: impl FnOnce(&Ledger, &ReportOptions) -> Result<(R, Option<VerifyReport>), ReportError>,
) -> Result<(), Failure> {
    let mut options = options(out)?;
    let templates = options.check().map_err(failure)?;
    let ledger = Ledger::open_read_only(&ctx.ledger)?;
    options.resolve_language(&ledger);
    let (report, verified) = timed("compute", || build(&ledger, &options)).map_err(failure)?;
    let head = timed("head", || match &verified {
        Some(v) => reports::head_from(&ledger, v),
        None => reports::head(&ledger, options.verify),
    })
    .map_err(failure)?;
    let made = timed("render", || {
        reports::make(&report, &head, &options, &templates)
    })
    .map_err(failure)?;
    match &options.out {
        Some(path) => wrote(path),
        None => {
            let mut stdout = std::io::stdout();
            if let Err(e) = stdout.write_all(&made.bytes).and_then(|()| stdout.flush()) {
                super::print::exit_on_write_error(e);
            }
        }
    }
    if made.verified {
        Ok(())
    } else {
        Err(Failure::Unverified(format!(
            "the ledger does not verify ({} problem(s)): the report says so at its top; `amana verify` lists them",
            made.problems
        )))
    }
}

/// Runs `f`; with `AMANA_TIMINGS` set, says on standard error how long it took (the
/// reports' benchmark reads it: verification, computation and rendering apart).
fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    if std::env::var_os("AMANA_TIMINGS").is_none() {
        return f();
    }
    let start = std::time::Instant::now();
    let value = f();
    eprintln!(
        "amana: timing: {what} {:.3} s",
        start.elapsed().as_secs_f64()
    );
    value
}

fn wrote(path: &Path) {
    out!("Wrote {}", path.display());
}

fn failure(e: ReportError) -> Failure {
    match e {
        ReportError::Ledger(e) => e.into(),
        ReportError::Template(TemplateError::Read { .. }) => Failure::Environment(e.to_string()),
        ReportError::Template(_) | ReportError::Clock(_) | ReportError::Invalid(_) => {
            Failure::Invalid(e.to_string())
        }
    }
}
