//! The receipt store: supporting documents (invoices, bank slips, photos of receipts) kept
//! beside the ledger by their SHA-256, in `<ledger>.receipts/ab/abcdef…`.
//!
//! Content-addressed: a document is written once under its own hash, never overwritten; the
//! chain records the hash, so `verify` can tell a missing or altered document from a good one.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::chain::{Hash, sha256};

#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct ReceiptError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// What `verify` finds of a recorded document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Present,
    Missing,
    Altered,
}

#[derive(Debug, Clone)]
pub struct ReceiptStore {
    dir: PathBuf,
}

impl ReceiptStore {
    /// The store of the ledger at `ledger`: `<ledger>.receipts`.
    pub fn for_ledger(ledger: &Path) -> ReceiptStore {
        let mut dir = ledger.as_os_str().to_owned();
        dir.push(".receipts");
        ReceiptStore {
            dir: PathBuf::from(dir),
        }
    }

    /// A store rooted at `dir` (an audit bundle's `receipts/`).
    pub fn at(dir: &Path) -> ReceiptStore {
        ReceiptStore {
            dir: dir.to_path_buf(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path_of(&self, sha: &Hash) -> PathBuf {
        let hex = hex::encode(sha);
        self.dir.join(&hex[..2]).join(hex)
    }

    /// Reads `file` and returns its hash and size without storing it.
    pub fn hash_file(file: &Path) -> Result<(Hash, i64, Vec<u8>), ReceiptError> {
        let bytes = std::fs::read(file).map_err(|source| ReceiptError {
            path: file.to_path_buf(),
            source,
        })?;
        Ok((sha256(&bytes), bytes.len() as i64, bytes))
    }

    /// Stores `bytes` under their hash (idempotent) and returns the path.
    pub fn put(&self, sha: &Hash, bytes: &[u8]) -> Result<PathBuf, ReceiptError> {
        let path = self.path_of(sha);
        let err = |p: &Path| {
            let p = p.to_path_buf();
            move |source| ReceiptError { path: p, source }
        };
        if self.status(sha) == Status::Present {
            return Ok(path);
        }
        let parent = path.parent().expect("a store path has a folder");
        std::fs::create_dir_all(parent).map_err(err(parent))?;
        // Write beside, flush to disk, then rename and flush the folder: a crash never leaves a
        // half-written document under a hash, and a document is durable before the ledger
        // entry that names it is committed (the ledger commits with synchronous=FULL).
        let tmp = parent.join(format!(".{}.tmp", std::process::id()));
        {
            use std::io::Write;
            let mut f = std::fs::File::create(&tmp).map_err(err(&tmp))?;
            f.write_all(bytes).map_err(err(&tmp))?;
            f.sync_all().map_err(err(&tmp))?;
        }
        std::fs::rename(&tmp, &path).map_err(err(&path))?;
        if let Ok(dir) = std::fs::File::open(parent) {
            let _ = dir.sync_all();
        }
        Ok(path)
    }

    /// Whether the document is there and still has its hash.
    pub fn status(&self, sha: &Hash) -> Status {
        let path = self.path_of(sha);
        let Ok(mut f) = std::fs::File::open(&path) else {
            return Status::Missing;
        };
        let mut bytes = vec![];
        if f.read_to_end(&mut bytes).is_err() {
            return Status::Missing;
        }
        if sha256(&bytes) == *sha {
            Status::Present
        } else {
            Status::Altered
        }
    }
}
