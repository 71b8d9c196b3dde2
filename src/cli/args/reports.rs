//! The clap types of `amana report KIND`: the transparency reports, the books and a member's
//! receipt, each in text, CSV, JSON, HTML or PDF, in Arabic, French or English.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use amana::report::i18n::Lang;

#[derive(Debug, Subcommand)]
pub enum ReportsGroup {
    /// Reports to hand over: to a funder, the general assembly, the auditor; the books; a receipt
    #[command(
        subcommand,
        after_help = "Every report verifies the ledger first: on a ledger that does not verify it still renders, says so at its top in red, and exits 1.\n\
Formats: text (the terminal), csv (every table), json (the data every other format renders), html (one self-contained file, printable on A4), pdf (typeset by amana, fonts embedded).\n\
Languages: --lang ar|fr|en, else AMANA_LANG, else the ledger's language (`amana setting set language fr`), else English.\n\
An association may change wording and layout: copy amana's reports/ folder (or the files to change), edit it, and give --templates DIR (or AMANA_TEMPLATES).\n\
AMANA_NOW (e.g. 2026-01-15T10:00:00Z) fixes the time of generation printed on the report, for reproducible output.\n\n\
Examples:\n  amana report funder --grant EU-2025 --format pdf --lang fr --out rapport-ue.pdf\n  amana report annual --year 2025 --format html --lang ar --out rapport-annuel.html\n  amana report trial-balance --from 2025-01-01 --to 2025-12-31 --format csv"
    )]
    Report(ReportKind),
}

#[derive(Debug, Subcommand)]
pub enum ReportKind {
    /// For a funder: the agreement, instalments, budget against actual per line, expenses, explanations
    Funder {
        /// The grant reported on
        #[arg(long)]
        grant: String,
        /// The period's first day (default: the grant's start)
        #[arg(long)]
        from: Option<String>,
        /// The period's last day (default: the grant's end, or today if sooner)
        #[arg(long)]
        to: Option<String>,
        #[command(flatten)]
        out: ReportOut,
    },
    /// For the general assembly: the year's statements, funding diversification, grants, governance
    Annual {
        /// The fiscal year (the year it starts in)
        #[arg(long)]
        year: i32,
        #[command(flatten)]
        out: ReportOut,
    },
    /// The Moroccan association statements: Bilan, CPC and ETIC, with N and N-1
    Statements {
        /// The fiscal year (the year it starts in)
        #[arg(long)]
        year: i32,
        #[command(flatten)]
        out: ReportOut,
    },
    /// For the auditor: what verify checked and found, seals, signers, anchors, receipts
    Audit {
        /// A published head ENTRIES:HEAD that the ledger must extend (repeatable)
        #[arg(long = "anchor", value_name = "ENTRIES:HEAD")]
        anchors: Vec<String>,
        /// A published seal fingerprint that the ledger must hold, unchanged (repeatable)
        #[arg(long = "seal", value_name = "FINGERPRINT")]
        seals: Vec<String>,
        /// List the expenses from this amount on that have no supporting document (default:
        /// every expense without one)
        #[arg(long, value_name = "AMOUNT")]
        receipt_threshold: Option<String>,
        #[command(flatten)]
        out: ReportOut,
    },
    /// The trial balance: opening balance, debits, credits and closing balance of every account
    TrialBalance {
        /// The period's first day (default: the start of the current fiscal year)
        #[arg(long)]
        from: Option<String>,
        /// The period's last day (default: today)
        #[arg(long)]
        to: Option<String>,
        #[command(flatten)]
        out: ReportOut,
    },
    /// The general ledger of an account (or of every account under a code): the cash book, the bank book
    Ledger {
        /// The account, or the start of a code (5161: the cash book; 514: the banks)
        #[arg(long)]
        account: String,
        /// The period's first day (default: the start of the current fiscal year)
        #[arg(long)]
        from: Option<String>,
        /// The period's last day (default: today)
        #[arg(long)]
        to: Option<String>,
        #[command(flatten)]
        out: ReportOut,
    },
    /// A member's receipt for dues or a gift, one page with the seal's fingerprint and a QR code
    Receipt {
        /// The transaction of the payment
        #[arg(long = "entry", value_name = "N")]
        entry: i64,
        #[command(flatten)]
        out: ReportOut,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum ReportFormat {
    #[default]
    Text,
    Csv,
    Json,
    Html,
    Pdf,
}

/// How and where every report is written.
#[derive(Debug, Args)]
pub struct ReportOut {
    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Write the report to FILE (needed for pdf on a terminal); an existing file is never
    /// replaced unless --force is given
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace an existing file at --out (never a ledger, a receipt or a key)
    #[arg(long)]
    pub force: bool,
    /// With --format csv: for a spreadsheet opened by a double click (a UTF-8 byte order mark;
    /// semicolons and decimal commas in French and Arabic)
    #[arg(long)]
    pub excel: bool,
    /// The report's language: ar, fr or en (default: AMANA_LANG, else the ledger's, else en)
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// A folder with the association's own copy of report templates and translations (laid
    /// out as amana's reports/ folder); what it lacks is amana's own
    #[arg(long, env = "AMANA_TEMPLATES", value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Do not verify the ledger first (faster on a very large ledger); the report says so
    #[arg(long)]
    pub no_verify: bool,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
}
