//! The files amana hands to people outside the ledger, and reads back from them: a member's
//! receipt, an officer's signature made from an audit bundle, and where the ledger keeps its
//! supporting documents. The command line once read and wrote these files itself; here every
//! caller writes them the same way, through `files` (an existing file is never replaced
//! unless the caller says so, and never when it is a ledger, a receipt or a key).

use std::path::{Path, PathBuf};

use crate::app::member_receipt::MemberReceipt;
use crate::app::receipt_check::{ReceiptCheck, check_member_receipt};
use crate::app::signatures::{self, SignatureFile};
use crate::app::{Ledger, LedgerError};
use crate::domain::EntryId;
use crate::files::{self, receipts::ReceiptStore};

/// A member's receipt is a few hundred kilobytes; it comes from anyone, so reading stops far
/// past that.
const MAX_MEMBER_RECEIPT_BYTES: u64 = 64 * 1024 * 1024;

/// The folder beside `ledger` where its supporting documents are kept: copied without it, a
/// ledger loses its receipts.
pub fn receipt_folder(ledger: &Path) -> PathBuf {
    ReceiptStore::for_ledger(ledger).dir().to_path_buf()
}

/// What writing a member's receipt needs.
pub struct MemberReceiptRequest {
    /// The transaction: money received from a member or a donor.
    pub transaction: EntryId,
    /// Where to write it; `None`: `receipt-ID.json` in the current folder.
    pub out: Option<PathBuf>,
    /// Replace an existing file (never a ledger, a receipt or a key).
    pub force: bool,
}

/// A member's receipt, and the file it was written to.
pub struct ReceiptWritten {
    pub receipt: MemberReceipt,
    pub file: PathBuf,
}

/// Why a member's receipt cannot be checked.
#[derive(Debug, thiserror::Error)]
pub enum ReceiptFileError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error("{}: not an amana member receipt ({source})", path.display())]
    NotAReceipt {
        path: PathBuf,
        source: serde_json::Error,
    },
}

/// Writes the member's receipt of a transaction of the ledger at `ledger`, with its proof of
/// inclusion in the latest seal that covers it. The output is checked first, so that a file
/// in the way is refused before the ledger is read.
pub fn write_member_receipt(
    ledger: &Path,
    req: MemberReceiptRequest,
) -> Result<ReceiptWritten, LedgerError> {
    let file = req
        .out
        .unwrap_or_else(|| PathBuf::from(format!("receipt-{}.json", req.transaction.0)));
    files::check_output(&file, req.force)?;
    let receipt = Ledger::open_read_only(ledger)?.member_receipt(req.transaction)?;
    let json = serde_json::to_string_pretty(&receipt).expect("receipts serialise");
    files::write_new(&file, json.as_bytes(), req.force)?;
    Ok(ReceiptWritten { receipt, file })
}

/// Reads the member's receipt in `file` and checks it against the published seal
/// `fingerprint`, offline: no ledger is needed.
pub fn check_member_receipt_file(
    file: &Path,
    fingerprint: &str,
) -> Result<ReceiptCheck, ReceiptFileError> {
    let text = files::read_text(file, MAX_MEMBER_RECEIPT_BYTES).map_err(LedgerError::from)?;
    let receipt: MemberReceipt =
        serde_json::from_str(&text).map_err(|source| ReceiptFileError::NotAReceipt {
            path: file.to_path_buf(),
            source,
        })?;
    Ok(check_member_receipt(&receipt, fingerprint))
}

/// Signs a seal of the audit bundle `dir` with the officer's key, away from the ledger, and
/// writes the signature file `out` for the treasurer (never over an existing file). The
/// output is checked before the bundle is read and the passphrase asked.
pub fn sign_from_bundle_to_file(
    dir: &Path,
    seal: &str,
    key_file: &Path,
    out: &Path,
) -> Result<SignatureFile, LedgerError> {
    files::check_output(out, false)?;
    let file = signatures::sign_from_bundle(dir, seal, key_file)?;
    let json = serde_json::to_string_pretty(&file).expect("signature files serialise") + "\n";
    files::write_new(out, json.as_bytes(), false)?;
    Ok(file)
}
