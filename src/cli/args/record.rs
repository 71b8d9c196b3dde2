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
    /// Import transactions from a CSV file, or the books of an hledger journal or a Beancount ledger, all or nothing
    #[command(
        after_help = "amana import FILE.csv: columns (by name, any order): txn, date, description, account, amount; optional: grant, line, reference, memo, original_amount, original_currency.\n\
Consecutive rows with the same txn form one transaction.\n\n\
amana import hledger FILE / amana import beancount FILE: the books kept in hledger or Beancount, in the ledger's one currency. Accounts the file opens and the ledger lacks are created; funders, grants and budget lines named in tags must exist (amana load ... first). Account names map to codes: a name that is a code, a name ending in a code the ledger has (Assets:5141), a code: (hledger) or amana-code: (Beancount) on the account's directive, or a row of --accounts MAP.csv (columns name,code). What moves no money and has no place in amana (prices, notes, other tags) is left out and listed; what would change amounts (costs, virtual postings, pad, include, a second currency) is refused at its line.\n\n\
Examples:\n  amana import releve-2026-03.csv --dry-run\n  amana import releve-2026-03.csv\n  amana import hledger association.journal --dry-run\n  amana import beancount association.beancount --accounts comptes.csv"
    )]
    Import {
        /// The CSV file; or the format of the books, hledger or beancount, followed by the file
        #[arg(value_name = "FILE.csv | hledger | beancount")]
        first: PathBuf,
        /// The hledger journal or Beancount ledger (after hledger or beancount)
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Check everything, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Import a file that was already imported (refused otherwise)
        #[arg(long)]
        force: bool,
        /// hledger and Beancount: a CSV file mapping the file's account names to amana codes (columns name,code)
        #[arg(long, value_name = "MAP.csv")]
        accounts: Option<PathBuf>,
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
