//! The demo's reports: every report amana makes, on the demo ledger, in Arabic, French and
//! English, as HTML and PDF, in the demo folder's `reports/` (what a newcomer opens first).
//! The ledger is verified once; every report is rendered from its model six times.

use std::path::{Path, PathBuf};

use crate::app::Ledger;
use crate::app::report_annual::{AnnualOptions, annual_report};
use crate::app::report_audit::{AuditOptions, audit_report};
use crate::app::report_books::{self, BooksQuery};
use crate::app::report_receipt::member_receipt_report;
use crate::app::report_statements::{StatementsOptions, statements_report};
use crate::app::reports::{self, ReportError};
use crate::domain::{EntryId, parse_date};
use crate::files;
use crate::report::i18n::Lang;
use crate::report::output::{self, Format, Head, Report};
use crate::report::templates::Templates;

/// The fiscal year the demo's reports are about: its first, closed and allocated.
const YEAR: i32 = 2025;

/// Writes every report into `dir` (created; the demo's own earlier reports replaced) and
/// returns the files written, in the order a reader would open them. `receipt` is the
/// transaction of the member's receipt the demo wrote.
pub fn write_all(ledger: &Ledger, dir: &Path, receipt: i64) -> Result<Vec<PathBuf>, ReportError> {
    std::fs::create_dir_all(dir).map_err(|source| crate::app::LedgerError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let verified = crate::verify::verify(ledger.store())?;
    let head = reports::head_from(ledger, &verified)?;
    let today = head.generated.date_naive();
    let templates = Templates::embedded();
    let year_query = BooksQuery {
        from: parse_date("2025-01-01").ok(),
        to: parse_date("2025-12-31").ok(),
    };
    let mut written = Vec::new();
    let mut write = |name: &str, report: &dyn Fn(Format, Lang) -> Result<Vec<u8>, ReportError>| {
        for lang in Lang::ALL {
            for (format, ext) in [(Format::Html, "html"), (Format::Pdf, "pdf")] {
                let path = dir.join(format!("{name}-{lang}.{ext}"));
                files::write_new(&path, &report(format, lang)?, true)?;
                written.push(path);
            }
        }
        Ok::<(), ReportError>(())
    };
    let render =
        |r: &dyn ErasedReport, head: &Head, format, lang| r.render(head, format, lang, &templates);

    let annual = annual_report(ledger, AnnualOptions { year: YEAR }, &verified)?;
    write("rapport-annuel-2025", &|f, l| render(&annual, &head, f, l))?;
    let funder = ledger.funder_report("EU-2025", None, None, today)?;
    write("rapport-bailleur-EU-2025", &|f, l| {
        render(&funder, &head, f, l)
    })?;
    let funder = ledger.funder_report("INDH-2025", None, None, today)?;
    write("rapport-bailleur-INDH-2025", &|f, l| {
        render(&funder, &head, f, l)
    })?;
    let statements = statements_report(ledger, StatementsOptions { year: YEAR })?;
    write("etats-de-synthese-2025", &|f, l| {
        render(&statements, &head, f, l)
    })?;
    let trial = report_books::trial_balance(ledger, year_query)?;
    write("balance-generale-2025", &|f, l| render(&trial, &head, f, l))?;
    let cash = report_books::general_ledger(ledger, "5161", year_query)?;
    write("livre-de-caisse-2025", &|f, l| render(&cash, &head, f, l))?;
    let bank = report_books::general_ledger(ledger, "5141", year_query)?;
    write("livre-de-banque-2025", &|f, l| render(&bank, &head, f, l))?;
    let audit = audit_report(ledger, &AuditOptions::default(), head.generated)?;
    write("rapport-d-audit", &|f, l| render(&audit, &head, f, l))?;
    let member = member_receipt_report(ledger, EntryId(receipt), None)?;
    write(&format!("recu-membre-{receipt}"), &|f, l| {
        render(&member, &head, f, l)
    })?;
    Ok(written)
}

/// A report of any kind, rendered (the reports differ in type, the demo renders them alike).
trait ErasedReport {
    fn render(
        &self,
        head: &Head,
        format: Format,
        lang: Lang,
        templates: &Templates,
    ) -> Result<Vec<u8>, ReportError>;
}

impl<R: Report> ErasedReport for R {
    fn render(
        &self,
        head: &Head,
        format: Format,
        lang: Lang,
        templates: &Templates,
    ) -> Result<Vec<u8>, ReportError> {
        Ok(output::render(self, head, format, lang, templates)?)
    }
}
