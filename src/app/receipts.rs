//! Supporting documents of transactions: read and hashed before a command is admitted
//! (`stage_receipts`), stored by hash in the ledger's receipt store once it is, and listed
//! with whether each is still intact. The store itself is [`crate::files::receipts`].

use std::path::PathBuf;

use crate::app::{Ledger, LedgerError, Written, append_record, load_book};
use crate::chain::{self, ChainEntry, Receipt, Record};
use crate::domain::{EntryId, text};
use crate::files::receipts::{ReceiptStore, Staged, Status};

type Result<T, E = LedgerError> = std::result::Result<T, E>;

impl Ledger {
    /// Stores each file in the receipt store and records it as a receipt of transaction `id`.
    pub fn attach_receipts(&mut self, id: EntryId, files: &[PathBuf]) -> Result<Vec<Written>> {
        let store = ReceiptStore::for_ledger(self.store.path());
        let receipts = stage_receipts(id, files)?;
        let actor = self.actor.clone();
        self.write_with_receipts(&store, |app, keep| {
            let mut book = load_book(app)?;
            let mut written = vec![];
            for (file, receipt) in receipts {
                written.push(append_record(
                    app,
                    &mut book,
                    &actor,
                    Record::Receipt(receipt),
                )?);
                keep.push(file);
            }
            Ok(written)
        })
    }

    /// The receipts of transaction `id`, each with where it is kept and whether it is intact.
    pub fn receipts_of(&self, id: EntryId) -> Result<Vec<(Receipt, PathBuf, Status)>> {
        let store = ReceiptStore::for_ledger(self.store.path());
        let info = self.info()?;
        let mut out = vec![];
        self.store.for_each_log_row(|row| {
            if row.kind != "receipt" {
                return;
            }
            if let Ok(ChainEntry {
                record: Record::Receipt(r),
                ..
            }) = ChainEntry::decode(&row.body, Some(&info.currency))
                && r.entry == id
            {
                let path = store.path_of(&r.sha256);
                let status = store.check(&r.sha256, u64::try_from(r.size).ok());
                out.push((r, path, status));
            }
        })?;
        Ok(out)
    }
}

/// Reads and hashes receipt files, storing nothing yet: each comes back with the record that
/// will name it, to be stored by [`Ledger::write_with_receipts`] once the command is accepted.
pub(crate) fn stage_receipts(
    id: EntryId,
    files: &[PathBuf],
) -> Result<Vec<(Staged, chain::Receipt)>> {
    files
        .iter()
        .map(|f| {
            let staged = ReceiptStore::stage(f)?;
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "receipt".into());
            let receipt = chain::Receipt {
                entry: id,
                sha256: staged.sha256,
                file_name: text::clean("receipt file name", &name)?,
                size: staged.size as i64,
            };
            Ok((staged, receipt))
        })
        .collect()
}
