//! The receipt store: supporting documents (invoices, bank slips, photos of receipts) kept
//! beside the ledger by their SHA-256, in `<ledger>.receipts/ab/abcdef…`.
//!
//! Content-addressed: a document is written once under its own hash, never overwritten; the
//! chain records the hash and the size, so `verify` can tell a missing or altered document from
//! a good one. The store is private to its owner (folders 0700, files 0600): receipts name
//! members and suppliers. Documents are read through [`crate::files`]: regular files only, as
//! a stream, up to [`MAX_RECEIPT_BYTES`].

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::chain::Hash;
pub use crate::files::{FileError, MAX_RECEIPT_BYTES};
use crate::files::{hash_stream, open_regular};

/// What `verify` finds of a recorded document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Present,
    Missing,
    /// Its bytes no longer have the recorded hash.
    Altered,
    /// It has the recorded hash but not the recorded size: the chain entry itself is wrong.
    WrongSize,
    /// Something that is not a plain file stands where it should be (a FIFO, a device, a
    /// folder, a link), or it is larger than any receipt amana stores.
    NotAFile(&'static str),
}

impl Status {
    /// How `verify` and `receipt show` say it, after "the receipt … at PATH".
    pub fn describe(self) -> String {
        match self {
            Status::Present => "is present and intact".into(),
            Status::Missing => "is missing".into(),
            Status::Altered => "was altered: its SHA-256 differs from the one recorded".into(),
            Status::WrongSize => "does not have the size recorded, though it has the hash".into(),
            Status::NotAFile(what) => format!("is not a plain file but {what}"),
        }
    }
}

/// A document read and hashed, not yet stored: what a command records once it is accepted.
#[derive(Debug, Clone)]
pub struct Staged {
    pub source: PathBuf,
    pub sha256: Hash,
    pub size: u64,
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

    /// Reads and hashes `file` (a regular file, following a link the user typed) without
    /// storing anything: nothing is copied before the command is accepted.
    pub fn stage(file: &Path) -> Result<Staged, FileError> {
        let mut f = open_regular(file, true)?;
        let (sha256, size) = hash_stream(file, &mut f, MAX_RECEIPT_BYTES, |_| Ok(()))?;
        Ok(Staged {
            source: file.to_path_buf(),
            sha256,
            size,
        })
    }

    /// Copies a staged document into the store, checking on the way that it still has the
    /// hash it was staged with. Returns the path when this call created it (so a failed
    /// commit can take it back), `None` when the store already had it.
    pub fn put_staged(&self, staged: &Staged) -> Result<Option<PathBuf>, FileError> {
        self.put_with(&staged.sha256, |out| {
            let mut f = open_regular(&staged.source, true)?;
            let (sha, _) = hash_stream(&staged.source, &mut f, MAX_RECEIPT_BYTES, |chunk| {
                out.write_all(chunk)
            })?;
            if sha != staged.sha256 {
                return Err(FileError::Io {
                    path: staged.source.clone(),
                    source: std::io::Error::other(
                        "the file changed while it was being stored; try again",
                    ),
                });
            }
            Ok(())
        })
    }

    /// Copies document `sha` (of `size` bytes, as recorded) into `target` when it is here,
    /// intact and a plain file; `Ok(false)` when it is not (verify reports why).
    pub fn copy_to(
        &self,
        target: &ReceiptStore,
        sha: &Hash,
        size: Option<u64>,
    ) -> Result<bool, FileError> {
        if self.check(sha, size) != Status::Present {
            return Ok(false);
        }
        let staged = Staged {
            source: self.path_of(sha),
            sha256: *sha,
            size: size.unwrap_or_default(),
        };
        target.put_staged(&staged)?;
        Ok(true)
    }

    /// Stores `bytes` under their hash `sha` (idempotent).
    pub fn put(&self, sha: &Hash, bytes: &[u8]) -> Result<Option<PathBuf>, FileError> {
        self.put_with(sha, |out| {
            out.write_all(bytes).map_err(|source| FileError::Io {
                path: self.path_of(sha),
                source,
            })
        })
    }

    fn put_with(
        &self,
        sha: &Hash,
        fill: impl FnOnce(&mut File) -> Result<(), FileError>,
    ) -> Result<Option<PathBuf>, FileError> {
        let path = self.path_of(sha);
        if self.status(sha) == Status::Present {
            return Ok(None);
        }
        let io = |p: &Path| {
            let p = p.to_path_buf();
            move |source| FileError::Io { path: p, source }
        };
        let parent = path.parent().expect("a store path has a folder");
        private_dirs(&self.dir, parent).map_err(io(parent))?;
        // Something else stands under the name (an altered copy, a link, a FIFO): it is moved
        // aside, not overwritten, so the evidence of what was done to the store stays.
        if std::fs::symlink_metadata(&path).is_ok() {
            let stamp = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or_default();
            let aside = path.with_extension(format!("altered-{stamp}"));
            std::fs::rename(&path, &aside).map_err(io(&path))?;
        }
        // Write beside, flush to disk, then rename and flush the folder: a crash never leaves a
        // half-written document under a hash, and a document is durable before the ledger
        // entry that names it is committed (the ledger commits with synchronous=FULL). Writers
        // hold the ledger's write lock, so a temporary file found here is a crashed run's.
        crate::files::staging::sweep(parent);
        let tmp = crate::files::staging::temp_beside(&path);
        let written = (|| {
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut f = options.open(&tmp).map_err(io(&tmp))?;
            fill(&mut f)?;
            f.sync_all().map_err(io(&tmp))?;
            std::fs::rename(&tmp, &path).map_err(io(&path))
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written?;
        crate::files::staging::sync_dir(parent);
        Ok(Some(path))
    }

    /// Whether the document is there and still has its hash.
    pub fn status(&self, sha: &Hash) -> Status {
        self.check(sha, None)
    }

    /// Whether the document is there, a plain file, with its hash and (when given) the size
    /// the chain recorded. Reads at most the recorded size plus one byte.
    pub fn check(&self, sha: &Hash, size: Option<u64>) -> Status {
        let path = self.path_of(sha);
        if std::fs::symlink_metadata(&path).is_err() {
            return Status::Missing;
        }
        let mut f = match open_regular(&path, false) {
            Ok(f) => f,
            Err(FileError::NotRegular { what, .. }) => return Status::NotAFile(what),
            Err(_) => return Status::Missing,
        };
        let limit = size.unwrap_or(MAX_RECEIPT_BYTES).min(MAX_RECEIPT_BYTES);
        match hash_stream(&path, &mut f, limit, |_| Ok(())) {
            Ok((h, n)) if h == *sha => {
                if size.is_some_and(|s| s != n) {
                    Status::WrongSize
                } else {
                    Status::Present
                }
            }
            Ok(_) => Status::Altered,
            Err(FileError::TooLarge { .. }) if size.is_some() => Status::Altered,
            Err(FileError::TooLarge { .. }) => Status::NotAFile("larger than any receipt"),
            Err(_) => Status::Missing,
        }
    }
}

/// Creates `dir` and the folders down to `leaf`, readable by their owner only.
fn private_dirs(root: &Path, leaf: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(root)?;
    builder.create(leaf)
}
