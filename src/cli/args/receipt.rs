//! The clap types of the commands about receipts: supporting documents, members' receipts
//! and their offline check.

use std::path::PathBuf;

use clap::Subcommand;

use super::FormatArg;

#[derive(Debug, Subcommand)]
pub enum ReceiptGroup {
    /// Supporting documents and members' receipts
    #[command(subcommand)]
    Receipt(ReceiptCommand),
    /// Check a member's receipt offline against a published seal fingerprint
    #[command(
        name = "verify-receipt",
        after_help = "Needs no ledger: only the receipt file and the fingerprint printed in the published report.\n\n\
Example:\n  amana verify-receipt recu-412.json --seal 7KQF-3MZA-PX2D-9RTB"
    )]
    VerifyReceipt {
        file: PathBuf,
        /// The fingerprint of the published seal
        #[arg(long)]
        seal: String,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReceiptCommand {
    /// Where the supporting documents of a transaction are, and whether they are intact
    #[command(after_help = "Example:\n  amana receipt show 42")]
    Show { id: i64 },
    /// Attach supporting documents to a recorded transaction
    #[command(after_help = "Example:\n  amana receipt attach 42 facture-2026-118.pdf")]
    Attach {
        id: i64,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a member's receipt (dues, gift) with its proof of inclusion in the sealed books
    #[command(
        after_help = "Only for money received: a transaction that credits an income account and debits cash or a bank account, not reversed. The amount is the income received.\n\
The member checks it offline with `amana verify-receipt FILE --seal FINGERPRINT`.\n\n\
Example:\n  amana receipt member 412 --out recu-412.json"
    )]
    Member {
        id: i64,
        /// Where to write the receipt (default: receipt-ID.json); an existing file is never
        /// replaced unless --force is given
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace an existing file at --out (never a ledger, a receipt or a key)
        #[arg(long)]
        force: bool,
    },
}
