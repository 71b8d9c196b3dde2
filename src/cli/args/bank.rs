//! The clap types of bank statements: import, review and assignment of what sits in
//! suspense, and reconciliation.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::FormatArg;

#[derive(Debug, Subcommand)]
pub enum BankGroup {
    /// Bank statements: import a bank's own export, review and assign what no rule matched
    #[command(subcommand)]
    Bank(BankCommand),
    /// Match a bank account's books with a statement: what is matched, what is outstanding on each side
    #[command(
        after_help = "With --statement, each statement line is matched with a transaction of the account not matched before: \
first the one its import recorded (same fingerprint), else one of the same amount dated up to 45 days before or 7 days after. \
With --balance and --date, every transaction of the account up to that day is taken as on the statement, except those named with --outstanding.\n\
The statement's balance must equal the books' balance less the outstanding transactions (cheques not yet cashed) plus the statement lines not in the books (bank fees not yet recorded); \
then the matched transactions are marked in the chain. Nothing is recorded with --dry-run, or when the difference is not explained.\n\n\
Examples:\n  amana reconcile --account 51411 --statement releve-mars.csv --rules bp.toml\n  amana reconcile --account 51411 --balance 96316.50 --date 2026-03-31 --outstanding 412 --statement-name \"Relevé BP n° 03/2026\""
    )]
    Reconcile(ReconcileArgs),
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Import a bank statement (CSV as the bank exports it): new lines only, all or nothing
    #[command(
        after_help = "The layout (encoding, separator, lines before the header, date format, decimal comma, Débit/Crédit or one amount column, balance column) \
comes from the rules file, or is guessed and said. Rules send lines to their counter account, funder, grant and budget line; \
a line no rule matches goes to the suspense account (rules: suspense = \"CODE\"; on the Moroccan chart 3497 by default) and is listed. \
Lines an earlier statement of the account recorded (the same date, amount and description, and place among identical lines) are skipped and counted. \
The statement's balance column is compared with the books.\n\
See examples/banks/ for rules files of three bank layouts.\n\n\
Examples:\n  amana bank import releve-mars-2026.csv --account 51411 --dry-run\n  amana bank import releve-mars-2026.csv --account 51411 --rules bp.toml"
    )]
    Import {
        /// The statement file
        file: PathBuf,
        /// The bank or cash account it is of
        #[arg(long)]
        account: String,
        /// The rules file (TOML): layout and rules
        #[arg(long, value_name = "FILE")]
        rules: Option<PathBuf>,
        /// Check everything, write nothing
        #[arg(long)]
        dry_run: bool,
        /// table (what was imported, said), json, or csv (one row per new line)
        #[command(flatten)]
        format: FormatArg,
    },
    /// List the bank lines waiting in suspense (no rule matched them)
    #[command(
        after_help = "Examples:\n  amana bank review\n  amana bank review --account 51411 --format json"
    )]
    Review {
        /// Only the lines of this bank account
        #[arg(long)]
        account: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Assign a bank line in suspense: a transaction moves it to its account (never an edit)
    #[command(
        after_help = "The line's amount leaves the suspense account for ACCOUNT, with a grant, budget line or funder if given, \
dated the line's date unless --date says otherwise.\n\n\
Examples:\n  amana bank assign 214 --account 6125 --grant INDH-2025 --line L2\n  amana bank assign 215 --account 75861 --funder DONORS"
    )]
    Assign {
        /// The transaction number of the bank line (see `amana bank review`)
        entry: i64,
        /// The account it belongs to
        #[arg(long)]
        account: String,
        #[arg(long)]
        grant: Option<String>,
        /// A budget line of the grant
        #[arg(long)]
        line: Option<String>,
        /// Where money received comes from, when no grant says it
        #[arg(long)]
        funder: Option<String>,
        #[arg(long)]
        memo: Option<String>,
        /// The date of the reclassification, YYYY-MM-DD (default: the line's)
        #[arg(long)]
        date: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct ReconcileArgs {
    /// The bank account
    #[arg(long)]
    pub account: String,
    /// The bank's statement file
    #[arg(long, value_name = "FILE", conflicts_with = "outstanding")]
    pub statement: Option<PathBuf>,
    /// The rules file of the statement (its layout)
    #[arg(long, value_name = "FILE", requires = "statement")]
    pub rules: Option<PathBuf>,
    /// The statement's closing balance (without a statement file; with one that has no balance column)
    #[arg(long)]
    pub balance: Option<String>,
    /// The statement's closing date, YYYY-MM-DD (default with a file: its last line's)
    #[arg(long)]
    pub date: Option<String>,
    /// A transaction not on the statement yet (a cheque not cashed), with --balance (repeatable)
    #[arg(long, value_name = "ID")]
    pub outstanding: Vec<i64>,
    /// How the statement is named (its number), recorded in the chain
    #[arg(long, value_name = "TEXT")]
    pub statement_name: Option<String>,
    /// Show the matching, record nothing
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub format: FormatArg,
}
