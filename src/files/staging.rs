//! Files and folders are made under a temporary name beside their final one, then renamed
//! into place: a run killed half-way never leaves a partial bundle, archive or ledger under the
//! name a person will open. Each temporary name carries the process id of its maker, so a
//! later run can tell what a crashed run left ([`sweep`]) from what a running one is writing.

use std::path::{Path, PathBuf};

/// What every temporary name of amana starts with; nothing else is ever swept.
pub const PREFIX: &str = ".amana-tmp-";

/// The folder `path` is in (`.` for a bare name).
pub fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A temporary name for `final_path`, in the same folder (so that the rename is atomic):
/// `.amana-tmp-PID-NAME`.
pub fn temp_beside(final_path: &Path) -> PathBuf {
    let name = final_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    parent_of(final_path).join(format!("{PREFIX}{}-{name}", std::process::id()))
}

/// Removes from `dir` what crashed runs of amana left: entries named `.amana-tmp-PID-...`
/// whose process is gone. Errors are ignored: sweeping is housekeeping, never a reason to fail.
pub fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() || running(pid, &entry.path()) {
            continue;
        }
        let path = entry.path();
        // Never follow a link planted under our prefix: remove the link itself.
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.is_dir() => {
                let _ = std::fs::remove_dir_all(&path);
            }
            Ok(_) => {
                let _ = std::fs::remove_file(&path);
            }
            Err(_) => {}
        }
    }
}

/// Whether the process that made `path` may still be writing it. Where `/proc` tells (Linux),
/// it decides; elsewhere a temporary item is taken as abandoned once a day old.
fn running(pid: u32, path: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age.as_secs() < 24 * 3600)
}

/// Creates the folder `path`, readable by its owner only (a bundle or a restore holds the
/// association's books and documents).
pub fn create_private_dir(path: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path)
}

/// Creates the new file `path` (never an existing one), readable by its owner only.
pub fn create_private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Writes `bytes` to the new file `path` and flushes it to disk.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = create_private_file(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Flushes a folder's entries (a rename in it) to disk, where the system allows it.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
