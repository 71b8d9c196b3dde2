//! The clap types of the commands that write transactions: one typed by hand, a CSV file
//! imported, a reversal.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum RecordGroup {
    /// Record one transaction
    #[command(
        after_help = "Each --post is \"ACCOUNT AMOUNT [grant=ID] [line=ID] [funder=ID] [orig=AMOUNT:CURRENCY] [memo=TEXT...]\"; funder= names where the money of an income posting without a grant comes from (dues, gifts).\n\
Debits are positive, credits negative. One posting may leave its amount out: it takes what balances the others.\n\
memo= takes the rest of the posting text.\n\n\
Examples:\n  amana record --date 2026-02-13 --desc \"Salle et pauses-café, session 1\" --ref FAC-0213 \\\n      --post \"6126 4500.00 grant=CMM-2026 line=training\" --post \"5141\"\n  amana record --date 2026-03-02 --desc \"Versement UE, tranche 1\" \\\n      --post \"5141 291600.00 orig=27000.00:EUR\" --post \"7161 -291600.00 grant=EU-2025 orig=-27000.00:EUR\""
    )]
    Record {
        /// Date of the transaction, YYYY-MM-DD
        #[arg(long)]
        date: String,
        /// What it is, in any language
        #[arg(long = "desc", alias = "description")]
        description: String,
        /// Piece number: invoice, receipt or bank statement reference
        #[arg(long = "ref", alias = "reference")]
        reference: Option<String>,
        /// A posting (repeat for each); see below
        #[arg(long = "post", required = true, value_name = "POSTING")]
        postings: Vec<String>,
        /// A supporting document (invoice, receipt, bank slip), kept by its hash (repeatable)
        #[arg(long = "receipt", value_name = "FILE")]
        receipts: Vec<PathBuf>,
    },
    /// Import transactions from a CSV file, all or nothing
    #[command(
        after_help = "Columns (by name, any order): txn, date, description, account, amount; optional: grant, line, reference, memo, original_amount, original_currency.\n\
Consecutive rows with the same txn form one transaction.\n\nExamples:\n  amana import releve-2026-03.csv --dry-run\n  amana import releve-2026-03.csv"
    )]
    Import {
        /// The CSV file
        file: PathBuf,
        /// Check everything, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Import a file that was already imported (refused otherwise)
        #[arg(long)]
        force: bool,
    },
    /// Correct a transaction by recording its exact opposite (nothing is ever edited)
    #[command(
        after_help = "Without --date the reversal takes the date of the transaction it reverses, so that the correction lands in the same month, year and grant period; when that period is locked (closed), give a date in the open period with --date.\n\n\
Examples:\n  amana reverse 42 --reason \"montant erroné\"\n  amana reverse 42 --date 2026-03-01 --reason \"doublon, trouvé après la clôture\"\nThen record the correct transaction."
    )]
    Reverse {
        /// Number of the transaction to reverse
        id: i64,
        /// Date of the reversal, YYYY-MM-DD (default: the reversed transaction's date, when its period is open)
        #[arg(long)]
        date: Option<String>,
        /// Why, recorded in the audit chain
        #[arg(long)]
        reason: String,
    },
}
