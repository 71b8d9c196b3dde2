//! The clap types of the commands that read the books: balance, journal, log and verify.

use std::path::PathBuf;

use clap::Subcommand;

use super::FormatArg;

#[derive(Debug, Subcommand)]
pub enum QueryGroup {
    /// Balance of each account (debits positive, credits negative)
    #[command(
        after_help = "Examples:\n  amana balance\n  amana balance --as-of 2025-12-31\n  amana balance --grant CMM-2026 --format json\n  amana balance --from 2025-01-01 --to 2025-12-31 --before-closing"
    )]
    Balance {
        /// Only postings dated on or before this day
        #[arg(long)]
        as_of: Option<String>,
        /// Only postings dated on or after this day: the movements of a period
        #[arg(long)]
        from: Option<String>,
        /// Only postings dated on or before this day (the same as --as-of)
        #[arg(long, conflicts_with = "as_of")]
        to: Option<String>,
        /// Leave out the closing entries of fiscal years, so that the income and expense of a
        /// closed year can still be read
        #[arg(long)]
        before_closing: bool,
        /// Only postings charged to this grant
        #[arg(long)]
        grant: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Transactions with their postings
    #[command(
        after_help = "Examples:\n  amana journal --from 2026-01-01 --to 2026-03-31\n  amana journal --account 61 --grant CMM-2026\n  amana journal --format csv > export.csv   (the import format)"
    )]
    Journal {
        /// From this date, inclusive
        #[arg(long)]
        from: Option<String>,
        /// Up to this date, inclusive
        #[arg(long)]
        to: Option<String>,
        /// Transactions with a posting to this account or its sub-accounts (code prefix)
        #[arg(long)]
        account: Option<String>,
        /// Transactions with a posting charged to this grant
        #[arg(long)]
        grant: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// The audit chain: every change ever made, in order
    Log {
        /// Only entries of this kind (ledger, account, funder, grant, budget-line, import, transaction, reversal)
        #[arg(long)]
        kind: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Prove the ledger intact: every hash, link, rule, seal, signature, receipt and table row (exit 1 if not)
    #[command(
        after_help = "Opens the ledger read-only. Exit status 0 when intact, 1 when anything is wrong.\n\
--anchor takes a head published outside the ledger (ENTRIES:HEAD, as verify printed them): the ledger must still extend it.\n\
--seal takes a seal's fingerprint as published (the general assembly's report): the ledger must hold that seal, and the history before it must be the one it sealed.\n\
--ledger may name an audit bundle's folder: it is verified as with --bundle.\n\n\
Examples:\n  amana verify --format json\n  amana verify --anchor 1042:458e9e52d1e5f184cd5bd6cf274d1c840f8f2cb761d91f38fd6e59601cfa98fe\n  amana verify --seal 7W69-RMDN-9JJF-8F5W\n  amana verify --bundle audit-2025/"
    )]
    Verify {
        /// A published head ENTRIES:HEAD that the ledger must extend (repeatable)
        #[arg(long = "anchor", value_name = "ENTRIES:HEAD")]
        anchors: Vec<String>,
        /// A published seal fingerprint that the ledger must hold, unchanged (repeatable)
        #[arg(long = "seal", value_name = "FINGERPRINT")]
        seals: Vec<String>,
        /// Verify an audit bundle (from `amana export audit`) instead of a ledger file
        #[arg(long, value_name = "DIR")]
        bundle: Option<PathBuf>,
        #[command(flatten)]
        format: FormatArg,
    },
}
