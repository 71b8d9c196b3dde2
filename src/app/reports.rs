//! Making a transparency report: verify the ledger (a report on books that do not verify
//! still renders, but says so at its top), read the head every report prints, choose the
//! language and the templates, render, and write the output file without replacing anything
//! that exists unless asked. Each report's model is built by its own module; this one is what
//! they share, for the command line and the web application alike.

use std::path::{Path, PathBuf};

use crate::app::report_books::BooksError;
use crate::app::{Ledger, LedgerError, settings};
use crate::files::{self, FileError};
use crate::report::i18n::Lang;
use crate::report::output::{self, Format, Head, Report};
use crate::report::templates::{TemplateError, Templates};
use crate::store::StoreError;
use crate::verify;

/// How a report is asked for, whatever the report.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub format: Format,
    /// `--lang`, else `AMANA_LANG`, else the ledger's language, else English.
    pub lang: Option<Lang>,
    /// The association's own templates folder (`--templates`, `AMANA_TEMPLATES`).
    pub templates: Option<PathBuf>,
    /// Where to write; standard output when none.
    pub out: Option<PathBuf>,
    /// Replace an existing file at `out`.
    pub force: bool,
    /// Verify the ledger first (the default): the report says at its top whether it verifies.
    pub verify: bool,
    /// A CSV for a spreadsheet of the report's language (`--excel`).
    pub excel: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error("{0}")]
    Template(#[from] TemplateError),
    #[error("{0}")]
    Clock(String),
    /// What the report was asked for does not fit the ledger (a grant it lacks, a year not
    /// begun, a chart the report needs): worded by the report.
    #[error("{0}")]
    Invalid(String),
}

impl From<crate::app::queries::QueryError> for ReportError {
    fn from(e: crate::app::queries::QueryError) -> Self {
        use crate::app::queries::QueryError;
        match e {
            QueryError::Store(e) => e.into(),
            other => ReportError::Invalid(other.to_string()),
        }
    }
}

impl From<BooksError> for ReportError {
    fn from(e: BooksError) -> Self {
        match e {
            BooksError::Store(e) => e.into(),
            other => ReportError::Invalid(other.to_string()),
        }
    }
}

impl From<crate::app::report_statements::StatementsError> for ReportError {
    fn from(e: crate::app::report_statements::StatementsError) -> Self {
        use crate::app::report_statements::StatementsError;
        match e {
            StatementsError::Store(e) => e.into(),
            other => ReportError::Invalid(other.to_string()),
        }
    }
}

impl From<StoreError> for ReportError {
    fn from(e: StoreError) -> Self {
        ReportError::Ledger(e.into())
    }
}

impl From<FileError> for ReportError {
    fn from(e: FileError) -> Self {
        ReportError::Ledger(e.into())
    }
}

/// A report made: its bytes, and whether the ledger verified (a command exits 1 when not).
pub struct Made {
    pub bytes: Vec<u8>,
    pub verified: bool,
    pub problems: usize,
}

impl ReportOptions {
    /// Checks what can be checked before any work: the templates folder exists and the output
    /// file may be written.
    pub fn check(&self) -> Result<Templates, ReportError> {
        if let Some(out) = &self.out {
            files::check_output(out, self.force)?;
        }
        Ok(match &self.templates {
            Some(dir) => Templates::with_folder(dir)?,
            None => Templates::embedded(),
        })
    }

    /// The report's language: as asked, else English.
    pub fn language(&self) -> Lang {
        self.lang.unwrap_or_default()
    }

    /// The language as asked, else the ledger's own (`amana setting set language fr`), else
    /// English.
    pub fn resolve_language(&mut self, ledger: &Ledger) {
        if self.lang.is_none() {
            self.lang = settings::report_language(ledger);
        }
    }
}

/// The head of a report on `ledger`: verified now unless `verify` is false (then it says it was
/// not checked, as a failed verification would).
pub fn head(ledger: &Ledger, verify_first: bool) -> Result<Head, ReportError> {
    let info = ledger.info()?;
    let generated = output::now().map_err(ReportError::Clock)?;
    let local = settings::local_time(generated, settings::report_timezone(ledger));
    if verify_first {
        let report = verify::verify(ledger.store())?;
        return Ok(Head::new(
            &info.name,
            &info.currency.code,
            &report,
            generated,
            local,
        ));
    }
    let (entries, head) = ledger.store().head()?;
    Ok(Head::unchecked(
        &info.name,
        &info.currency.code,
        entries,
        head.map(hex::encode).unwrap_or_default(),
        generated,
        local,
    ))
}

/// The head of a report on `ledger` from a verification already made (the auditor's report
/// runs its own, with the auditor's anchors: the ledger is verified once).
pub fn head_from(ledger: &Ledger, report: &verify::VerifyReport) -> Result<Head, ReportError> {
    let info = ledger.info()?;
    let generated = output::now().map_err(ReportError::Clock)?;
    let local = settings::local_time(generated, settings::report_timezone(ledger));
    Ok(Head::new(
        &info.name,
        &info.currency.code,
        report,
        generated,
        local,
    ))
}

/// The verification a report's head is made from: a full `verify` of the ledger, or with
/// `--no-verify` only its chain head read (the report then says it was not verified, and
/// names no seal: only a verification tells which seals hold).
pub fn verification(
    ledger: &Ledger,
    verify_first: bool,
) -> Result<verify::VerifyReport, ReportError> {
    if verify_first {
        return Ok(verify::verify(ledger.store())?);
    }
    let (entries, head) = ledger.store().head()?;
    Ok(verify::VerifyReport {
        ok: true,
        entries,
        head: head.map(hex::encode).unwrap_or_default(),
        problems: vec![],
        transactions: 0,
        rows_checked: 0,
        signed_through: 0,
        anchored_through: 0,
        unanchored: entries,
        seals: vec![],
        decisions: vec![],
        warnings: vec![],
    })
}

/// `report` rendered as `options` ask, and written to `options.out` when given (a new file,
/// or the existing one replaced with `force`).
pub fn make(
    report: &impl Report,
    head: &Head,
    options: &ReportOptions,
    templates: &Templates,
) -> Result<Made, ReportError> {
    let lang = options.language();
    let bytes = if options.excel && options.format == Format::Csv {
        output::render_spreadsheet(report, head, lang, templates, lang.spreadsheet())?
    } else {
        output::render(report, head, options.format, lang, templates)?
    };
    if let Some(out) = &options.out {
        write(out, &bytes, options.force)?;
    }
    Ok(Made {
        bytes,
        verified: head.verified,
        problems: head.problems,
    })
}

/// Writes a report's bytes to `path`: never over an existing file unless `force`, never over a
/// ledger, a receipt or a key.
pub fn write(path: &Path, bytes: &[u8], force: bool) -> Result<(), ReportError> {
    files::write_new(path, bytes, force)?;
    Ok(())
}
