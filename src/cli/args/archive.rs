//! The clap types of the commands that copy the books out: the audit bundle, the backup and
//! its restore, and the demo ledger.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ArchiveGroup {
    /// Export the books: the audit bundle an auditor verifies offline, the journal for hledger or Beancount, the grants for IATI or 360Giving
    #[command(subcommand)]
    Export(ExportCommand),
    /// Write one archive of the ledger and its receipts, from a consistent snapshot
    #[command(
        after_help = "The archive (tar) holds the ledger, copied with SQLite's backup API while other commands may write, and every receipt it references.\n\
Copying the ledger file alone is the usual mistake: its receipts are in the folder beside it (LEDGER.receipts/).\n\
Never writes over an existing file unless --force, and never over the ledger, its receipts, a key or a database.\n\n\
Example:\n  amana backup /media/usb/khotwa-2026-03.tar\n  amana restore /media/usb/khotwa-2026-03.tar --to khotwa-restored.db"
    )]
    Backup {
        /// The archive file to write
        file: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Unpack a backup archive into a new ledger, verified before use
    #[command(
        after_help = "Writes LEDGER and LEDGER.receipts/, never over existing files. The restored ledger is verified first; if it fails, nothing is left behind (exit 1).\n\n\
Example:\n  amana restore khotwa-2026-03.tar --to khotwa-restored.db"
    )]
    Restore {
        /// The archive written by `amana backup`
        file: PathBuf,
        /// The new ledger file to create
        #[arg(long, value_name = "LEDGER")]
        to: PathBuf,
    },
    /// Build the example association's ledger, verify it, and say where it is
    Demo {
        /// Folder for the demo ledger (DIR/amana.db) and its files
        #[arg(long, default_value = "amana-demo")]
        out: PathBuf,
        /// Do not write the reports (DIR/reports/): the ledger alone, faster
        #[arg(long)]
        no_reports: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write the chain, officers' keys, seals, receipts, a README and the Python verifier to a new folder
    #[command(
        after_help = "The bundle can be read like a ledger: amana --ledger audit-2025/ balance (or journal, log, account/grant/funder list).\n\n\
Example:\n  amana export audit audit-2025/\n  amana verify --bundle audit-2025/"
    )]
    Audit { dir: PathBuf },
    /// Write the whole journal as an hledger journal (accounts by code, funders, grants and lines as tags)
    #[command(
        after_help = "Every posting is in the ledger's currency, so `hledger -f FILE bal` gives the balances of `amana balance`; an amount recorded in another currency keeps it as the tag original:. Each transaction names its journal entry and chain entry; a reversal and what it reverses share the tag link:.\n\
Without --out the journal is printed. Never writes over an existing file unless --force, and never over the ledger, its receipts or a key.\n\n\
Example:\n  amana export hledger --out khotwa.journal\n  hledger -f khotwa.journal bal"
    )]
    Hledger {
        /// The file to write (default: print it)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Write the whole journal as a Beancount ledger (accounts by code, funders, grants and lines as metadata)
    #[command(
        after_help = "Accounts are Assets:CODE, Liabilities:CODE, Equity:CODE, Income:CODE and Expenses:CODE (memorandum accounts under Equity:Memorandum), opened on the first day of the books, with their names as metadata. Every posting is in the ledger's currency, so Beancount's balances are those of `amana balance`; a reversal and what it reverses share a link (^amana-N).\n\
Without --out the ledger is printed. Never writes over an existing file unless --force, and never over the ledger, its receipts or a key.\n\n\
Example:\n  amana export beancount --out khotwa.beancount\n  bean-check khotwa.beancount"
    )]
    Beancount {
        /// The file to write (default: print it)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Write the grants received as an IATI Activity Standard 2.03 file (one activity per grant)
    #[command(
        after_help = "The association (its org-id setting) reports and implements; each grant's funder (amana funder identify) is the funding organisation. Budgets per fiscal year; transactions: the agreement (incoming commitment, 11), each instalment received (incoming funds, 1), the spending per budget line and month (expenditure, 4), in the grant's currency when every posting carries it, each with its value date; the sums are those of `amana grant list`. Codes are checked against IATI's codelists; nothing dated after today is reported (a transaction in the future is refused).\n\
Without --out the file is printed. Never writes over an existing file unless --force, and never over the ledger, its receipts or a key.\n\n\
Example:\n  amana setting set org-id XI-IATI-KHOTWA\n  amana funder identify EU XM-DAC-918\n  amana export iati --out khotwa-iati.xml\n  xmllint --noout --schema iati-activities-schema.xsd khotwa-iati.xml"
    )]
    Iati {
        /// Only this grant
        #[arg(long)]
        grant: Option<String>,
        /// The country of the activities, ISO 3166 two letters (default: MA on the Moroccan chart, else the org-id's)
        #[arg(long)]
        country: Option<String>,
        /// The DAC 5-digit sector of the activities (default: 99810, sectors not specified)
        #[arg(long)]
        sector: Option<String>,
        /// The language of the names and purposes recorded, ISO 639-1 (default: the ledger's language setting, else en)
        #[arg(long)]
        lang: Option<String>,
        /// The file to write (default: print it)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Write the grants received as a 360Giving 1.4 data package (JSON)
    #[command(
        name = "360giving",
        after_help = "One grant per grant received: its identifier (the association's org-id, then the grant's id), title, description, currency, amount awarded and disbursed (exact decimals), award date, planned dates, funding organisation (the funder's org-id and name), recipient organisation (the association), and each instalment received.\n\
Without --out the package is printed. Never writes over an existing file unless --force, and never over the ledger, its receipts or a key.\n\n\
Example:\n  amana export 360giving --out khotwa-360giving.json"
    )]
    Giving360 {
        /// Only this grant
        #[arg(long)]
        grant: Option<String>,
        /// The file to write (default: print it)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
}
