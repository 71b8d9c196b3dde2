//! `amana report KIND`: each kind's options become its typed request, the application builds
//! the model and renders it, and the bytes go to standard output or to `--out`. A ledger that
//! does not verify still gets its report (which says so at its top), and the command exits 1.

use std::io::{IsTerminal, Write};

use chrono::NaiveDate;
use std::path::Path;

use amana::app::Ledger;
use amana::app::report_books::{self, BooksQuery};
use amana::app::report_statements::{self, StatementsOptions};
use amana::app::reports::{self, ReportError, ReportOptions};
use amana::domain::parse_date;
use amana::report::i18n::Lang;
use amana::report::output::{Format, Report};
use amana::report::templates::TemplateError;

use super::Context;
use super::args::reports::{ReportFormat, ReportKind, ReportOut, ReportsGroup};
use super::error::Failure;

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
                Ok(ledger.funder_report(&grant, from, to, ctx.today)?)
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
        ReportKind::Annual { .. } | ReportKind::Audit { .. } | ReportKind::Receipt { .. } => {
            Err(Failure::Invalid("this report is not built yet".into()))
        }
    }
}

fn date(text: Option<String>) -> Result<Option<NaiveDate>, Failure> {
    Ok(text.as_deref().map(parse_date).transpose()?)
}

/// The options every report takes, as typed values; the language as asked, else
/// `AMANA_LANG`, else the ledger's.
fn options(out: &ReportOut) -> Result<ReportOptions, Failure> {
    let format = match out.format {
        ReportFormat::Text => Format::Text,
        ReportFormat::Csv => Format::Csv,
        ReportFormat::Json => Format::Json,
        ReportFormat::Html => Format::Html,
        ReportFormat::Pdf => Format::Pdf,
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
    })
}

/// `AMANA_LANG`, when set: `ar`, `fr`, `en` or a locale such as `fr_MA.UTF-8`.
fn env_lang() -> Result<Option<Lang>, Failure> {
    match std::env::var("AMANA_LANG") {
        Ok(value) if !value.trim().is_empty() => value
            .parse()
            .map(Some)
            .map_err(|e: String| Failure::Invalid(format!("AMANA_LANG: {e}"))),
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
    let mut options = options(out)?;
    let templates = options.check().map_err(failure)?;
    let ledger = Ledger::open_read_only(&ctx.ledger)?;
    options.resolve_language(&ledger);
    let head = reports::head(&ledger, options.verify).map_err(failure)?;
    let report = build(&ledger, &options).map_err(failure)?;
    let made = reports::make(&report, &head, &options, &templates).map_err(failure)?;
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
