//! One file to keep safe: `amana backup FILE` writes the ledger and the receipts it references
//! into one tar archive, and `amana restore FILE --to LEDGER` unpacks it into a new ledger.
//!
//! The ledger is copied with SQLite's online backup API from one read snapshot, so a backup
//! taken while another command writes holds a consistent ledger (a file copy under a writer
//! can tear a page or miss what is still in the WAL). The receipts come from that snapshot's
//! chain. Copying the ledger file alone, without its `.receipts` folder, is the mistake this
//! command exists to prevent.
//!
//! Restoring trusts nothing in the archive: every member name must be one a backup writes
//! (`ledger.db`, `receipts/HH/HEX`, `README.txt`; no `..`, no absolute path, no link, no
//! device), every receipt must have the hash it is named by, and the restored ledger must pass
//! `verify` before it is put in place; whatever fails, what restore wrote is removed.

use std::io::Read;
use std::path::{Path, PathBuf};

pub use crate::app::error::BackupError;
use crate::app::error::{ArchiveDefect, Protected};
use crate::app::{Ledger, Refusal};
use crate::chain::{ChainEntry, Hash, Record};
use crate::files::FileError;
use crate::files::receipts::ReceiptStore;
use crate::files::staging;
use crate::store::{Store, StoreError};
use crate::verify::{self, VerifyReport};

/// The ledger inside an archive.
pub const DB: &str = "ledger.db";
/// The receipts inside an archive: `receipts/HH/HEX`.
pub const RECEIPTS: &str = "receipts";
pub const README: &str = "README.txt";

type Result<T, E = BackupError> = std::result::Result<T, E>;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + use<> {
    let path = path.to_path_buf();
    move |source| BackupError::Io { path, source }
}

/// What `backup` wrote.
#[derive(Debug, Clone)]
pub struct BackupOutcome {
    pub file: PathBuf,
    pub entries: i64,
    pub head: String,
    pub receipts: usize,
    /// The snapshot's own verification: a backup is written even of a ledger that fails it
    /// (damaged books are better kept than lost), but `restore` will refuse it.
    pub verify: VerifyReport,
}

/// What `restore` put in place.
#[derive(Debug, Clone)]
pub struct RestoreOutcome {
    pub ledger: PathBuf,
    pub receipts: usize,
    pub verify: VerifyReport,
}

/// The receipt folder of the ledger at `path`.
fn receipts_of(path: &Path) -> PathBuf {
    ReceiptStore::for_ledger(path).dir().to_path_buf()
}

/// `path` with `suffix` appended to its name (`amana.db` → `amana.db-wal`).
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// An absolute form of `path` whose folder exists (the file itself may not).
fn absolute(path: &Path) -> PathBuf {
    let parent = staging::parent_of(path);
    match (std::fs::canonicalize(&parent), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// Refuses an output that must never be written over, `--force` or not: the ledger, its
/// journal files and receipt folder, a key, or any database.
fn refuse_protected(out: &Path, ledger: &Path) -> Result<()> {
    let (o, l) = (absolute(out), absolute(ledger));
    let refuse = |what| {
        Err(BackupError::Refused(Refusal::BackupOverProtected {
            file: out.to_path_buf(),
            what,
        }))
    };
    if o == l
        || ["-wal", "-shm", "-journal"]
            .iter()
            .any(|s| o == with_suffix(&l, s))
    {
        return refuse(Protected::TheLedger);
    }
    if o.starts_with(receipts_of(&l)) {
        return refuse(Protected::ReceiptFolder);
    }
    // Read through the files module: a FIFO under the name is not waited on.
    if let Ok(mut f) = crate::files::open_regular(out, true) {
        let mut start = [0u8; 16];
        let n = f.read(&mut start).unwrap_or(0);
        if start[..n].starts_with(b"SQLite format 3") {
            return refuse(Protected::Database);
        }
        if start[..n].starts_with(b"-----BEGIN") {
            return refuse(Protected::KeyFile);
        }
    }
    Ok(())
}

/// The text of the archive's README.
fn readme(name: &str, entries: i64, head: &str) -> String {
    format!(
        "amana backup of \"{name}\": the ledger ({entries} chain entries, head {entries}:{head}) and its receipts.

Restore it with:
    amana restore THIS_FILE --to NEW_LEDGER.db
which unpacks it into NEW_LEDGER.db and NEW_LEDGER.db.receipts/, and verifies it before use.

By hand (tar xf THIS_FILE): {DB} is the ledger file, and {RECEIPTS}/ is its receipt folder,
which must sit beside it as LEDGER.receipts/ (e.g. amana.db and amana.db.receipts/).
"
    )
}

/// Appends one regular file to the archive, owner-only, dated now.
fn append(
    builder: &mut tar::Builder<std::fs::File>,
    name: &str,
    size: u64,
    data: impl Read,
) -> std::io::Result<()> {
    let mut header = tar::Header::new_gnu();
    header.set_path(name)?;
    header.set_size(size);
    header.set_mode(0o600);
    header.set_mtime(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    );
    header.set_entry_type(tar::EntryType::Regular);
    header.set_cksum();
    builder.append(&header, data)
}

/// Places the finished temporary file `tmp` at `file`: over an existing one only when
/// `force`; otherwise with a link that fails if `file` appeared meanwhile (no clobbering even
/// in a race), or, where links are not supported (a FAT USB key), a rename after a check.
fn place(tmp: &Path, file: &Path, force: bool) -> Result<()> {
    crate::files::place(tmp, file, force).map_err(|e| match e {
        FileError::Exists { .. } => exists(file),
        FileError::Io { path, source } => BackupError::Io { path, source },
        other => BackupError::Ledger(other.into()),
    })
}

fn exists(file: &Path) -> BackupError {
    BackupError::Refused(Refusal::OutputExists {
        file: file.to_path_buf(),
    })
}

/// Writes the backup archive of the ledger at `ledger` to `file`.
pub fn backup(ledger: &Path, file: &Path, force: bool) -> Result<BackupOutcome> {
    if file.is_dir() {
        return Err(BackupError::Refused(Refusal::BackupIsFolder {
            file: file.to_path_buf(),
        }));
    }
    if file.exists() && !force {
        return Err(exists(file));
    }
    refuse_protected(file, ledger)?;
    let source = Ledger::open_read_only(ledger)?;
    let parent = staging::parent_of(file);
    if !parent.is_dir() {
        return Err(BackupError::Refused(Refusal::FolderMissing {
            file: file.to_path_buf(),
            folder: parent,
        }));
    }
    staging::sweep(&parent);
    let work = staging::temp_beside(&with_suffix(file, ".d"));
    staging::create_private_dir(&work).map_err(io(&work))?;
    let tmp = staging::temp_beside(file);
    let result = write_archive(&source, ledger, &work, &tmp).and_then(|outcome| {
        place(&tmp, file, force)?;
        staging::sync_dir(&parent);
        Ok(BackupOutcome {
            file: file.to_path_buf(),
            ..outcome
        })
    });
    let _ = std::fs::remove_dir_all(&work);
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Snapshots the ledger into `work`, gathers its receipts there, verifies the snapshot, and
/// writes the archive to `tmp`.
fn write_archive(source: &Ledger, ledger: &Path, work: &Path, tmp: &Path) -> Result<BackupOutcome> {
    let db = work.join(DB);
    source.store().snapshot_to(&db)?;
    let snapshot = Store::open_read_only(&db)?;
    let info = snapshot.ledger_info()?;
    // The receipts the snapshot's chain references, copied beside it so that verify checks
    // them as it checks a ledger's.
    let mut hashes: Vec<Hash> = vec![];
    snapshot.for_each_log_row(|row| {
        if let Ok(ChainEntry {
            record: Record::Receipt(r),
            ..
        }) = ChainEntry::decode(&row.body, Some(&info.currency))
            && !hashes.contains(&r.sha256)
        {
            hashes.push(r.sha256);
        }
    })?;
    let from = ReceiptStore::for_ledger(ledger);
    let to = ReceiptStore::for_ledger(&db);
    let mut kept = vec![];
    for sha in &hashes {
        // A missing or altered document is left out; verify reports it below.
        if from
            .copy_to(&to, sha, None)
            .map_err(|e| BackupError::Ledger(e.into()))?
        {
            kept.push(*sha);
        }
    }
    let report = verify::verify(&snapshot)?;
    drop(snapshot);
    let file = staging::create_private_file(tmp).map_err(io(tmp))?;
    let mut builder = tar::Builder::new(file);
    let text = readme(&info.name, report.entries, &report.head);
    append(&mut builder, README, text.len() as u64, text.as_bytes()).map_err(io(tmp))?;
    let f = std::fs::File::open(&db).map_err(io(&db))?;
    let size = f.metadata().map_err(io(&db))?.len();
    append(&mut builder, DB, size, f).map_err(io(tmp))?;
    kept.sort();
    for sha in &kept {
        let path = to.path_of(sha);
        let f = std::fs::File::open(&path).map_err(io(&path))?;
        let size = f.metadata().map_err(io(&path))?.len();
        let hex = hex::encode(sha);
        append(
            &mut builder,
            &format!("{RECEIPTS}/{}/{hex}", &hex[..2]),
            size,
            f,
        )
        .map_err(io(tmp))?;
    }
    let file = builder.into_inner().map_err(io(tmp))?;
    file.sync_all().map_err(io(tmp))?;
    Ok(BackupOutcome {
        file: tmp.to_path_buf(),
        entries: report.entries,
        head: report.head.clone(),
        receipts: kept.len(),
        verify: report,
    })
}

/// What an archive member is, by its name: nothing but what `backup` writes is accepted.
#[derive(Debug, PartialEq, Eq)]
enum Member {
    Readme,
    Ledger,
    Folder,
    Receipt(Hash),
}

fn member(name: &str, is_dir: bool) -> Option<Member> {
    let name = if is_dir {
        name.strip_suffix('/').unwrap_or(name)
    } else {
        name
    };
    let hex = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    };
    let parts: Vec<&str> = name.split('/').collect();
    match (parts.as_slice(), is_dir) {
        ([README], false) => Some(Member::Readme),
        ([DB], false) => Some(Member::Ledger),
        ([RECEIPTS], true) => Some(Member::Folder),
        ([RECEIPTS, hh], true) if hh.len() == 2 && hex(hh) => Some(Member::Folder),
        ([RECEIPTS, hh, h], false) if h.len() == 64 && hex(h) && h.starts_with(hh) => {
            let mut sha = [0u8; 32];
            hex::decode_to_slice(h, &mut sha).ok()?;
            Some(Member::Receipt(sha))
        }
        _ => None,
    }
}

/// Restores the archive `file` into the new ledger `to` (and `to.receipts/`).
pub fn restore(file: &Path, to: &Path) -> Result<RestoreOutcome> {
    let receipts_dir = receipts_of(to);
    for p in [
        to.to_path_buf(),
        receipts_dir.clone(),
        with_suffix(to, "-wal"),
        with_suffix(to, "-shm"),
    ] {
        if p.exists() || p.symlink_metadata().is_ok() {
            return Err(BackupError::Refused(Refusal::RestoreTargetExists {
                path: p,
            }));
        }
    }
    let archive = crate::files::open_input(file).map_err(|e| match e {
        FileError::Io { path, source } => BackupError::Io { path, source },
        e => BackupError::Ledger(e.into()),
    })?;
    let parent = staging::parent_of(to);
    if !parent.is_dir() {
        return Err(BackupError::Refused(Refusal::FolderMissing {
            file: to.to_path_buf(),
            folder: parent,
        }));
    }
    staging::sweep(&parent);
    let work = staging::temp_beside(to);
    staging::create_private_dir(&work).map_err(io(&work))?;
    let result = unpack(file, archive, &work).and_then(|receipts| {
        let outcome = check_and_place(file, &work, to, &receipts_dir)?;
        Ok(RestoreOutcome {
            receipts,
            ..outcome
        })
    });
    let _ = std::fs::remove_dir_all(&work);
    result
}

/// Unpacks the archive into `work` (as `ledger.db` and `ledger.db.receipts/`), refusing any
/// member a backup does not write. Returns the number of receipts.
fn unpack(file: &Path, archive: std::fs::File, work: &Path) -> Result<usize> {
    let bad = |why: ArchiveDefect| {
        BackupError::Refused(Refusal::NotABackup {
            file: file.to_path_buf(),
            why,
        })
    };
    let db = work.join(DB);
    let store = ReceiptStore::for_ledger(&db);
    let mut archive = tar::Archive::new(archive);
    let (mut ledger, mut receipts) = (false, 0usize);
    let mut seen: Vec<Hash> = vec![];
    let entries = archive
        .entries()
        .map_err(|e| bad(ArchiveDefect::NotTar(e)))?;
    for entry in entries {
        let mut entry = entry.map_err(|e| bad(ArchiveDefect::NotTar(e)))?;
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let kind = entry.header().entry_type();
        let is_dir = match kind {
            tar::EntryType::Regular | tar::EntryType::Continuous => false,
            tar::EntryType::Directory => true,
            kind => return Err(bad(ArchiveDefect::NotRegular { name, kind })),
        };
        match member(&name, is_dir) {
            None => {
                return Err(bad(ArchiveDefect::UnknownMember { name }));
            }
            Some(Member::Readme | Member::Folder) => {}
            Some(Member::Ledger) => {
                if ledger {
                    return Err(bad(ArchiveDefect::MemberTwice { name }));
                }
                ledger = true;
                let mut out = staging::create_private_file(&db).map_err(io(&db))?;
                std::io::copy(&mut entry, &mut out).map_err(|error| {
                    bad(ArchiveDefect::MemberUnreadable {
                        name: name.clone(),
                        error,
                    })
                })?;
                out.sync_all().map_err(io(&db))?;
            }
            Some(Member::Receipt(sha)) => {
                if seen.contains(&sha) {
                    return Err(bad(ArchiveDefect::MemberTwice { name }));
                }
                if entry.size() > crate::files::receipts::MAX_RECEIPT_BYTES {
                    return Err(bad(ArchiveDefect::TooLarge { name }));
                }
                let mut bytes = vec![];
                entry
                    .by_ref()
                    .take(crate::files::receipts::MAX_RECEIPT_BYTES + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|error| {
                        bad(ArchiveDefect::MemberUnreadable {
                            name: name.clone(),
                            error,
                        })
                    })?;
                if crate::chain::sha256(&bytes) != sha {
                    return Err(bad(ArchiveDefect::WrongHash { name }));
                }
                store
                    .put(&sha, &bytes)
                    .map_err(|e| BackupError::Ledger(e.into()))?;
                seen.push(sha);
                receipts += 1;
            }
        }
    }
    if !ledger {
        return Err(bad(ArchiveDefect::NoLedger));
    }
    Ok(receipts)
}

/// Verifies the unpacked ledger in `work`, then moves it and its receipts to `to`.
fn check_and_place(
    file: &Path,
    work: &Path,
    to: &Path,
    receipts_dir: &Path,
) -> Result<RestoreOutcome> {
    let db = work.join(DB);
    let not_ledger = |e: StoreError| match e {
        StoreError::NotALedger { reason, .. } => {
            BackupError::Refused(Refusal::RestoredNotALedger {
                file: file.to_path_buf(),
                reason,
            })
        }
        e => e.into(),
    };
    Store::resume_wal(&db).map_err(not_ledger)?;
    // Opened for writing (nothing is written), so that closing it folds the WAL back into
    // the file and removes it: the ledger is then one file to move.
    let store = Store::open(&db).map_err(not_ledger)?;
    let report = verify::verify(&store)?;
    drop(store);
    if !report.ok {
        return Err(BackupError::Unverified {
            file: file.to_path_buf(),
            report: Box::new(report),
        });
    }
    let work_receipts = receipts_of(&db);
    if work_receipts.is_dir() {
        std::fs::rename(&work_receipts, receipts_dir).map_err(io(receipts_dir))?;
    }
    let undo = || {
        let _ = std::fs::rename(receipts_dir, &work_receipts);
    };
    if let Err(e) = place(&db, to, false) {
        undo();
        return Err(e);
    }
    staging::sync_dir(&staging::parent_of(to));
    Ok(RestoreOutcome {
        ledger: to.to_path_buf(),
        receipts: 0,
        verify: report,
    })
}
