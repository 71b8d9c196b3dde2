//! Files outside the ledger: the documents a user or a file names, and the outputs amana
//! writes. Everything that touches such a file goes through here, so the three rules below hold
//! everywhere:
//!
//! - **A path taken from a file's content stays inside that file's folder** ([`confine`]): no
//!   absolute path, no `..`, and no symbolic link that leads out once resolved. A receipt
//!   column must not be able to copy an officer's private key into the receipt store.
//! - **Only regular files are read, as a stream, with a size limit** ([`open_regular`],
//!   [`hash_stream`]): a FIFO or a device would make a reader hang or read without end.
//! - **An output never replaces an existing file unless asked** ([`write_new`]), and never,
//!   even when asked, a ledger, its receipt store or a private key. It is written beside under a
//!   temporary name, flushed, then put in place in one step, so a crash leaves either the old
//!   state or the whole new file, never half of one.

pub mod keys;
pub mod receipts;
pub mod staging;

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::chain::Hash;

/// The largest supporting document amana keeps (a scanned invoice is a few MB; a video is
/// not a receipt).
pub const MAX_RECEIPT_BYTES: u64 = 100 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: no such file", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: not a regular file ({what}); give the document itself", path.display())]
    NotRegular { path: PathBuf, what: &'static str },
    #[error("{}: {size} bytes or more, over the limit of {limit} bytes for one file", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "\"{name}\" leads outside {} ({why}); name a file in that folder or below it, by a relative path",
        base.display()
    )]
    Escapes {
        name: String,
        base: PathBuf,
        why: &'static str,
    },
    #[error("{}: a file is already there; choose another name, or add --force to replace it", path.display())]
    Exists { path: PathBuf },
    #[error("{}: this is {what}; amana never writes over it, even with --force", path.display())]
    Protected { path: PathBuf, what: &'static str },
    #[error("{}: the folder {} does not exist; create it first, or write somewhere else", path.display(), folder.display())]
    NoFolder { path: PathBuf, folder: PathBuf },
}

impl FileError {
    /// An I/O error on `path`; a file that is not there is a mistake in what was given, not a
    /// failure of the machine.
    fn io(path: &Path) -> impl FnOnce(std::io::Error) -> FileError + '_ {
        move |source| match source.kind() {
            std::io::ErrorKind::NotFound => FileError::NotFound {
                path: path.to_path_buf(),
            },
            _ => FileError::Io {
                path: path.to_path_buf(),
                source,
            },
        }
    }
}

/// Resolves `name`, read from a file in folder `base`, to a regular file inside `base`.
pub fn confine(base: &Path, name: &str) -> Result<PathBuf, FileError> {
    let escapes = |why| FileError::Escapes {
        name: name.to_string(),
        base: base.to_path_buf(),
        why,
    };
    let relative = Path::new(name);
    if name.trim().is_empty() {
        return Err(escapes("the name is empty"));
    }
    for c in relative.components() {
        match c {
            Component::Normal(_) | Component::CurDir => {}
            Component::ParentDir => return Err(escapes("it goes up with ..")),
            Component::RootDir | Component::Prefix(_) => {
                return Err(escapes("it is an absolute path"));
            }
        }
    }
    let root = base.canonicalize().map_err(FileError::io(base))?;
    let joined = root.join(relative);
    let resolved = joined.canonicalize().map_err(FileError::io(&joined))?;
    if !resolved.starts_with(&root) {
        return Err(escapes("a symbolic link leads out of it"));
    }
    Ok(resolved)
}

/// Opens `path` for reading if it is a regular file, without blocking on a FIFO or a device.
/// With `follow_links` false a symbolic link is refused too.
pub fn open_regular(path: &Path, follow_links: bool) -> Result<File, FileError> {
    let file = open_nonblocking(path, follow_links).map_err(|e| {
        if !follow_links && path.is_symlink() {
            FileError::NotRegular {
                path: path.to_path_buf(),
                what: "a symbolic link",
            }
        } else {
            FileError::io(path)(e)
        }
    })?;
    regular(path, file)
}

/// Opens the file a command names as its input (a journal to import, an archive to restore).
/// Like [`open_regular`] it refuses what is not a regular file (a FIFO would make the command
/// wait for ever); unlike it, a file that cannot be opened, a missing one included, is
/// reported as the system says it ([`FileError::Io`]), as these commands always have.
pub fn open_input(path: &Path) -> Result<File, FileError> {
    let file = open_nonblocking(path, true).map_err(|source| FileError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    regular(path, file)
}

/// The bytes of the regular file a command names as its input: [`open_input`], read whole.
pub fn read_input(path: &Path) -> Result<Vec<u8>, FileError> {
    let mut bytes = vec![];
    open_input(path)?
        .read_to_end(&mut bytes)
        .map_err(|source| FileError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(bytes)
}

fn open_nonblocking(path: &Path, follow_links: bool) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = if follow_links { 0 } else { libc::O_NOFOLLOW };
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        options.custom_flags(libc::O_NONBLOCK | nofollow);
    }
    #[cfg(not(unix))]
    let _ = follow_links;
    options.open(path)
}

/// `file`, opened at `path`, when it is a regular file.
fn regular(path: &Path, file: File) -> Result<File, FileError> {
    let kind = file.metadata().map_err(FileError::io(path))?.file_type();
    if kind.is_file() {
        return Ok(file);
    }
    Err(FileError::NotRegular {
        path: path.to_path_buf(),
        what: describe(&kind),
    })
}

fn describe(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        "not a plain file"
    }
}

/// SHA-256 and size of what `reader` yields, reading at most `limit` bytes: one byte more is
/// [`FileError::TooLarge`]. `sink` receives every chunk (to copy while hashing).
pub fn hash_stream(
    path: &Path,
    reader: &mut impl Read,
    limit: u64,
    mut sink: impl FnMut(&[u8]) -> std::io::Result<()>,
) -> Result<(Hash, u64), FileError> {
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(FileError::io(path)(e)),
        };
        size += n as u64;
        if size > limit {
            return Err(FileError::TooLarge {
                path: path.to_path_buf(),
                size,
                limit,
            });
        }
        hasher.update(&buf[..n]);
        sink(&buf[..n]).map_err(FileError::io(path))?;
    }
    Ok((hasher.finalize().into(), size))
}

/// Reads the regular file `path` as UTF-8 text, up to `limit` bytes (a hostile file given to
/// read: a FIFO, a device, or a link to one, is refused instead of hanging or filling memory).
pub fn read_text(path: &Path, limit: u64) -> Result<String, FileError> {
    let mut f = open_regular(path, true)?;
    let mut bytes = vec![];
    hash_stream(path, &mut f, limit, |chunk| {
        bytes.extend_from_slice(chunk);
        Ok(())
    })?;
    String::from_utf8(bytes).map_err(|_| FileError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"),
    })
}

/// What an existing file at `path` is, when it is something no output may replace.
fn protected(path: &Path) -> Option<&'static str> {
    // A new file inside a receipt store is refused too: the store holds only the documents
    // amana put there (a stray file there is what verify reports as not a receipt).
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if parent.canonicalize().is_ok_and(|real| {
        real.ancestors()
            .any(|a| a.extension().is_some_and(|e| e == "receipts"))
    }) {
        return Some("a document in a ledger's receipt store");
    }
    let meta = std::fs::symlink_metadata(path).ok()?;
    if meta.is_dir() {
        return Some("a folder");
    }
    if path
        .canonicalize()
        .ok()?
        .ancestors()
        .skip(1)
        .any(|a| a.extension().is_some_and(|e| e == "receipts"))
    {
        return Some("a document in a ledger's receipt store");
    }
    let mut head = [0u8; 64];
    let n = File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = &head[..n];
    if head.starts_with(b"SQLite format 3\0") {
        return Some("a database (an amana ledger?)");
    }
    // SQLite's companions: a write-ahead log, its index, a rollback journal.
    let name = path.file_name()?.to_string_lossy();
    for suffix in ["-wal", "-shm", "-journal"] {
        if let Some(base) = name.strip_suffix(suffix)
            && protected(&path.with_file_name(base)) == Some("a database (an amana ledger?)")
        {
            return Some("a ledger's companion file (its write-ahead log or journal)");
        }
    }
    let text = String::from_utf8_lossy(head);
    if text.contains("PRIVATE KEY-----") {
        return Some("a private key");
    }
    None
}

/// Puts the finished file `tmp` (written beside `path`) at `path` in one step: replacing what
/// is there only when `overwrite` is given and it is not protected, and otherwise never (a
/// hard link fails when `path` exists; on a file system without hard links, a FAT memory
/// stick, `path` is checked, then `tmp` renamed). `tmp` is gone or left for the caller to
/// remove.
pub fn place(tmp: &Path, path: &Path, overwrite: bool) -> Result<(), FileError> {
    if overwrite {
        // Checked again: the file may have appeared since.
        check_output(path, true)?;
        return std::fs::rename(tmp, path).map_err(FileError::io(path));
    }
    match std::fs::hard_link(tmp, path) {
        Ok(()) => {
            let _ = std::fs::remove_file(tmp);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(FileError::Exists {
            path: path.to_path_buf(),
        }),
        Err(_) => {
            check_output(path, false)?;
            std::fs::rename(tmp, path).map_err(FileError::io(path))
        }
    }
}

/// Refuses `path` as an output unless it is free, or `overwrite` is given and it is not
/// protected (see [`write_new`]). Checked again when writing; call it first to refuse before
/// doing any work.
pub fn check_output(path: &Path, overwrite: bool) -> Result<(), FileError> {
    if let Some(what) = protected(path) {
        return Err(FileError::Protected {
            path: path.to_path_buf(),
            what,
        });
    }
    if !overwrite && std::fs::symlink_metadata(path).is_ok() {
        return Err(FileError::Exists {
            path: path.to_path_buf(),
        });
    }
    if let Some(folder) = path.parent()
        && !folder.as_os_str().is_empty()
        && !folder.is_dir()
    {
        return Err(FileError::NoFolder {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        });
    }
    Ok(())
}

/// Writes `bytes` to `path`: refuses an existing file unless `overwrite`, and a ledger, a
/// receipt or a key always. Written beside under a temporary name, flushed, then linked (or,
/// when replacing, renamed) into place; a temporary file left by a crashed run is removed.
pub fn write_new(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), FileError> {
    write_new_with(path, overwrite, None, |f| f.write_all(bytes))
}

/// [`write_new`] with the file's mode (Unix permissions) and content given by `fill`.
pub fn write_new_with(
    path: &Path,
    overwrite: bool,
    mode: Option<u32>,
    fill: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<(), FileError> {
    check_output(path, overwrite)?;
    if path.file_name().is_none() {
        return Err(FileError::NotRegular {
            path: path.to_path_buf(),
            what: "not a file name",
        });
    }
    let folder = staging::parent_of(path);
    staging::sweep(&folder);
    let tmp = staging::temp_beside(path);
    let result = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if let Some(mode) = mode {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(mode);
        }
        #[cfg(not(unix))]
        let _ = mode;
        let mut f = options.open(&tmp).map_err(FileError::io(&tmp))?;
        fill(&mut f).map_err(FileError::io(&tmp))?;
        f.sync_all().map_err(FileError::io(&tmp))?;
        drop(f);
        place(&tmp, path, overwrite)
    })();
    let _ = std::fs::remove_file(&tmp);
    if result.is_ok() {
        staging::sync_dir(&folder);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confine_refuses_what_leads_out() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("csv");
        std::fs::create_dir(&inner).unwrap();
        std::fs::write(inner.join("ok.pdf"), b"x").unwrap();
        std::fs::write(dir.path().join("secret.pem"), b"k").unwrap();
        assert!(confine(&inner, "ok.pdf").is_ok());
        assert!(confine(&inner, "./ok.pdf").is_ok());
        for bad in ["../secret.pem", "/etc/passwd", "", "a/../../secret.pem"] {
            assert!(
                matches!(confine(&inner, bad), Err(FileError::Escapes { .. })),
                "{bad}"
            );
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.pem"), inner.join("link.pdf"))
                .unwrap();
            assert!(matches!(
                confine(&inner, "link.pdf"),
                Err(FileError::Escapes { .. })
            ));
        }
    }

    #[test]
    fn an_input_is_a_regular_file_and_a_missing_one_is_said_as_the_system_says_it() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("jan.csv");
        std::fs::write(&csv, b"date,description\n").unwrap();
        assert_eq!(read_input(&csv).unwrap(), b"date,description\n");
        let missing = dir.path().join("absent.csv");
        match read_input(&missing) {
            Err(e @ FileError::Io { .. }) => assert_eq!(
                e.to_string(),
                format!(
                    "{}: {}",
                    missing.display(),
                    std::fs::read(&missing).unwrap_err()
                )
            ),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            read_input(dir.path()),
            Err(FileError::NotRegular {
                what: "a folder",
                ..
            })
        ));
        #[cfg(unix)]
        {
            let fifo = dir.path().join("fifo");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                assert!(matches!(
                    read_input(&fifo),
                    Err(FileError::NotRegular { what: "a FIFO", .. })
                ));
            }
        }
    }

    #[test]
    fn write_new_never_replaces_unless_asked_and_never_a_key() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        write_new(&out, b"one", false).unwrap();
        assert!(matches!(
            write_new(&out, b"two", false),
            Err(FileError::Exists { .. })
        ));
        write_new(&out, b"two", true).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"two");
        let key = dir.path().join("k.pem");
        std::fs::write(&key, b"-----BEGIN PRIVATE KEY-----\nabc\n").unwrap();
        assert!(matches!(
            write_new(&key, b"x", true),
            Err(FileError::Protected { .. })
        ));
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
    }
}
