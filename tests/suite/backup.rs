//! `amana backup` and `amana restore`: one archive of the ledger and its receipts, taken from a
//! consistent snapshot even while another process writes, restored only into new files and
//! only once it verifies; a tampered archive changes nothing. Real binary, real files.

use crate::common;

use std::path::{Path, PathBuf};

use common::{Fixture, fails, ok, run, snapshot, stdout};
use serde_json::Value;

/// The fixture with a receipt attached to transaction 2.
fn with_receipt() -> Fixture {
    let fx = Fixture::new();
    let doc = fx.file("facture.pdf", b"%PDF-1.4 facture 118");
    ok(
        fx.path(),
        &["receipt", "attach", "2", doc.to_str().unwrap()],
    );
    fx
}

fn members(archive: &Path) -> Vec<(String, tar::EntryType, Vec<u8>)> {
    let mut a = tar::Archive::new(std::fs::File::open(archive).unwrap());
    a.entries()
        .unwrap()
        .map(|e| {
            let mut e = e.unwrap();
            let name = String::from_utf8_lossy(&e.path_bytes()).into_owned();
            let kind = e.header().entry_type();
            let mut bytes = vec![];
            std::io::Read::read_to_end(&mut e, &mut bytes).unwrap();
            (name, kind, bytes)
        })
        .collect()
}

/// Writes an archive member exactly as given: the name is put in the header byte for byte,
/// so that names a careful writer refuses (`../evil`, `/etc/x`) can be planted.
fn raw_member(
    builder: &mut tar::Builder<std::fs::File>,
    name: &str,
    kind: tar::EntryType,
    link: &str,
    data: &[u8],
) {
    let mut h = tar::Header::new_gnu();
    {
        let g = h.as_gnu_mut().unwrap();
        g.name[..name.len()].copy_from_slice(name.as_bytes());
        g.linkname[..link.len()].copy_from_slice(link.as_bytes());
    }
    h.set_size(data.len() as u64);
    h.set_mode(0o644);
    h.set_entry_type(kind);
    h.set_cksum();
    builder.append(&h, data).unwrap();
}

/// An archive member: name, type, link target, bytes.
type Member = (String, tar::EntryType, String, Vec<u8>);

fn write_archive(path: &Path, items: &[Member]) {
    let mut b = tar::Builder::new(std::fs::File::create(path).unwrap());
    for (name, kind, link, data) in items {
        raw_member(&mut b, name, *kind, link, data);
    }
    b.into_inner().unwrap();
}

fn receipts_of(ledger: &Path) -> PathBuf {
    PathBuf::from(format!("{}.receipts", ledger.display()))
}

fn temp_leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".amana-tmp-"))
        .collect()
}

#[test]
fn backup_then_restore_gives_the_same_verified_ledger_with_its_receipts() {
    let fx = with_receipt();
    let archive = fx.dir.path().join("khotwa.tar");
    let out = ok(fx.path(), &["backup", archive.to_str().unwrap()]);
    assert!(out.contains("1 receipt(s)"), "{out}");
    let names: Vec<String> = members(&archive).into_iter().map(|m| m.0).collect();
    assert_eq!(
        names[..2],
        ["README.txt".to_string(), "ledger.db".to_string()]
    );
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names[2].starts_with("receipts/"), "{names:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&archive).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the archive is readable by its owner only");
    }
    let restored = fx.dir.path().join("restored").join("khotwa.db");
    std::fs::create_dir(restored.parent().unwrap()).unwrap();
    let out = ok(
        &restored,
        &[
            "restore",
            archive.to_str().unwrap(),
            "--to",
            restored.to_str().unwrap(),
        ],
    );
    assert!(out.contains("verified"), "{out}");
    // Everything a listing shows and verify's verdict are the same, the receipt included.
    let strip = |s: String| s.replace(&fx.path().display().to_string(), "LEDGER");
    let strip_r = |s: String| s.replace(&restored.display().to_string(), "LEDGER");
    assert_eq!(strip_r(snapshot(&restored)), strip(snapshot(fx.path())));
    let show = ok(&restored, &["receipt", "show", "2"]);
    assert!(show.contains("present, intact"), "{show}");
    // A ledger again: WAL, and writable.
    let mode: String = rusqlite::Connection::open(&restored)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    ok(
        &restored,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "Après restauration",
            "--post",
            "5141 10",
            "--post",
            "7161",
        ],
    );
    assert!(temp_leftovers(fx.dir.path()).is_empty());
    assert!(temp_leftovers(restored.parent().unwrap()).is_empty());
}

#[test]
fn init_and_demo_say_to_keep_the_receipts_with_the_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("a.db");
    let out = ok(
        &l,
        &[
            "init",
            "--name",
            "A",
            "--currency",
            "MAD",
            "--chart",
            "none",
        ],
    );
    assert!(
        out.contains("a.db.receipts") && out.contains("amana backup"),
        "{out}"
    );
}

#[test]
fn backup_and_restore_never_write_over_existing_files() {
    let fx = with_receipt();
    let l = fx.path();
    let before = snapshot(l);
    let ledger_bytes = || {
        rusqlite::Connection::open(l)
            .unwrap()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        std::fs::read(l).unwrap()
    };
    let original = ledger_bytes();
    // An existing file is kept unless --force.
    let existing = fx.file("existing.tar", b"keep me");
    let err = fails(l, &["backup", existing.to_str().unwrap()], 2);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&existing).unwrap(), b"keep me");
    ok(l, &["backup", existing.to_str().unwrap(), "--force"]);
    assert_ne!(std::fs::read(&existing).unwrap(), b"keep me");
    // Never over the ledger, its receipts, a key or a database, --force or not.
    let key = fx.dir.path().join("tresoriere.pem");
    ok(l, &["key", "generate", key.to_str().unwrap()]);
    let key_bytes = std::fs::read(&key).unwrap();
    let receipt = std::fs::read_dir(receipts_of(l))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let in_store = receipt.join("new.tar");
    let other_ledger = fx.dir.path().join("other.db");
    ok(
        &other_ledger,
        &[
            "init",
            "--name",
            "B",
            "--currency",
            "MAD",
            "--chart",
            "none",
        ],
    );
    let other_bytes = std::fs::read(&other_ledger).unwrap();
    for (target, why) in [
        (l.to_path_buf(), "the ledger itself"),
        (key.clone(), "a key file"),
        (in_store.clone(), "receipt folder"),
        (other_ledger.clone(), "a database"),
    ] {
        let err = fails(l, &["backup", target.to_str().unwrap(), "--force"], 2);
        assert!(err.contains(why), "{}: {err}", target.display());
    }
    assert!(!in_store.exists());
    assert_eq!(std::fs::read(&key).unwrap(), key_bytes);
    assert_eq!(std::fs::read(&other_ledger).unwrap(), other_bytes);
    assert_eq!(ledger_bytes(), original);
    assert_eq!(snapshot(l), before);
    // A folder is not an archive name.
    fails(l, &["backup", fx.dir.path().to_str().unwrap()], 2);
    // restore writes only new files: the ledger, a taken receipt folder.
    let archive = fx.dir.path().join("b.tar");
    ok(l, &["backup", archive.to_str().unwrap()]);
    let err = fails(
        l,
        &[
            "restore",
            archive.to_str().unwrap(),
            "--to",
            l.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(ledger_bytes(), original);
    let fresh = fx.dir.path().join("fresh.db");
    std::fs::create_dir(receipts_of(&fresh)).unwrap();
    fails(
        l,
        &[
            "restore",
            archive.to_str().unwrap(),
            "--to",
            fresh.to_str().unwrap(),
        ],
        2,
    );
    assert!(!fresh.exists());
    assert!(temp_leftovers(fx.dir.path()).is_empty());
}

#[test]
fn a_tampered_archive_is_refused_and_leaves_nothing_behind() {
    let fx = with_receipt();
    let dir = fx.dir.path();
    let archive = dir.join("good.tar");
    ok(fx.path(), &["backup", archive.to_str().unwrap()]);
    let good: Vec<Member> = members(&archive)
        .into_iter()
        .map(|(n, k, b)| (n, k, String::new(), b))
        .collect();
    let ledger_db = good[1].3.clone();
    let receipt = good[2].clone();

    // The ledger inside edited as a forger would: an amount changed, triggers put back.
    let work = dir.join("work");
    std::fs::create_dir(&work).unwrap();
    let edited = work.join("amana.db");
    std::fs::write(&edited, &ledger_db).unwrap();
    let pristine = work.join("pristine.db");
    std::fs::write(&pristine, &ledger_db).unwrap();
    {
        // tamper_conn drops the triggers and puts them back when it goes out of scope.
        let conn = common::tamper_conn(&edited);
        conn.execute_batch(
            "UPDATE postings SET amount = amount + 100 WHERE entry_id = 1 AND idx = 0;",
        )
        .unwrap();
    }
    let edited_db = std::fs::read(&edited).unwrap();
    assert_ne!(edited_db, ledger_db);

    use tar::EntryType::{Directory, Link, Regular, Symlink};
    let m = |n: &str, k: tar::EntryType, link: &str, b: &[u8]| {
        (n.to_string(), k, link.to_string(), b.to_vec())
    };
    let evil_abs = dir.join("evil-absolute");
    let cases: Vec<(&str, Vec<Member>, i32, &str)> = vec![
        (
            "edited ledger",
            vec![m("ledger.db", Regular, "", &edited_db), receipt.clone()],
            1,
            "does not verify",
        ),
        (
            "parent path",
            vec![
                m("ledger.db", Regular, "", &ledger_db),
                m("../evil", Regular, "", b"evil"),
            ],
            2,
            "../evil",
        ),
        (
            "absolute path",
            vec![
                m("ledger.db", Regular, "", &ledger_db),
                m(evil_abs.to_str().unwrap(), Regular, "", b"evil"),
            ],
            2,
            "is not a name a backup holds",
        ),
        (
            "symbolic link",
            vec![
                m("ledger.db", Regular, "", &ledger_db),
                m(&receipt.0, Symlink, "/etc/passwd", b""),
            ],
            2,
            "symbolic link",
        ),
        (
            "hard link",
            vec![
                m("ledger.db", Regular, "", &ledger_db),
                m(&receipt.0, Link, "ledger.db", b""),
            ],
            2,
            "hard link",
        ),
        (
            "ledger as a link",
            vec![m("ledger.db", Symlink, "/etc/passwd", b"")],
            2,
            "symbolic link",
        ),
        (
            "unexpected name",
            vec![
                m("ledger.db", Regular, "", &ledger_db),
                m("notes.txt", Regular, "", b"x"),
            ],
            2,
            "notes.txt",
        ),
        (
            "folder outside",
            vec![
                m("ledger.db", Regular, "", &ledger_db),
                m("receipts/../../x/", Directory, "", b""),
            ],
            2,
            "is not a name",
        ),
        (
            "receipt altered",
            vec![
                m("ledger.db", Regular, "", &ledger_db),
                m(&receipt.0, Regular, "", b"altered"),
            ],
            2,
            "SHA-256",
        ),
        (
            "receipt missing",
            vec![m("ledger.db", Regular, "", &ledger_db)],
            1,
            "does not verify",
        ),
        (
            "ledger twice",
            vec![
                m("ledger.db", Regular, "", &ledger_db),
                m("ledger.db", Regular, "", &edited_db),
            ],
            2,
            "twice",
        ),
        ("no ledger", vec![receipt.clone()], 2, "no ledger.db"),
        (
            "not a ledger",
            vec![m(
                "ledger.db",
                Regular,
                "",
                b"SQLite format 3\0 but not really",
            )],
            2,
            "",
        ),
    ];
    let target_dir = dir.join("target");
    std::fs::create_dir(&target_dir).unwrap();
    for (name, items, code, words) in cases {
        let bad = dir.join(format!("{}.tar", name.replace(' ', "-")));
        write_archive(&bad, &items);
        let to = target_dir.join("restored.db");
        let o = run(
            &to,
            &[
                "restore",
                bad.to_str().unwrap(),
                "--to",
                to.to_str().unwrap(),
            ],
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(code), "{name}: {err}{}", stdout(&o));
        assert!(err.contains(words), "{name}: {err}");
        assert!(!to.exists(), "{name}: a ledger was left");
        assert!(!receipts_of(&to).exists(), "{name}: receipts were left");
        let left: Vec<_> = std::fs::read_dir(&target_dir).unwrap().collect();
        assert!(left.is_empty(), "{name}: {left:?}");
        assert!(!dir.join("evil").exists() && !evil_abs.exists(), "{name}");
    }
    // Not an archive at all.
    let junk = fx.file("junk.tar", &[7u8; 3000]);
    let to = target_dir.join("restored.db");
    let o = run(
        &to,
        &[
            "restore",
            junk.to_str().unwrap(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(!to.exists());
    // And the untampered one restores.
    write_archive(&dir.join("again.tar"), &good);
    ok(
        &to,
        &[
            "restore",
            dir.join("again.tar").to_str().unwrap(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
}

#[test]
fn a_backup_taken_while_another_process_writes_is_consistent() {
    let fx = Fixture::new();
    let ledger = fx.path().to_path_buf();
    let writer = {
        let ledger = ledger.clone();
        std::thread::spawn(move || {
            for i in 0..40 {
                ok(
                    &ledger,
                    &[
                        "record",
                        "--date",
                        "2026-03-02",
                        "--desc",
                        &format!("Cotisation {i}"),
                        "--post",
                        "5141 100.00",
                        "--post",
                        "7161",
                    ],
                );
            }
        })
    };
    let mut archives = vec![];
    for i in 0..6 {
        let a = fx.dir.path().join(format!("b{i}.tar"));
        ok(&ledger, &["backup", a.to_str().unwrap()]);
        archives.push(a);
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    writer.join().unwrap();
    let mut last = 0;
    let mut seen = std::collections::BTreeSet::new();
    for (i, a) in archives.iter().enumerate() {
        let to = fx.dir.path().join(format!("r{i}.db"));
        ok(
            &to,
            &["restore", a.to_str().unwrap(), "--to", to.to_str().unwrap()],
        );
        let v: Value = serde_json::from_str(&ok(&to, &["verify", "--format", "json"])).unwrap();
        assert_eq!(v["ok"], true, "{v:#}");
        let entries = v["entries"].as_i64().unwrap();
        assert!(entries >= last, "backups go forward in time");
        last = entries;
        seen.insert(entries);
    }
    assert!(
        seen.len() >= 2,
        "the backups were taken while the writer wrote: {seen:?}"
    );
    let v: Value = serde_json::from_str(&ok(&ledger, &["verify", "--format", "json"])).unwrap();
    assert!(last <= v["entries"].as_i64().unwrap());
}

#[test]
fn what_a_crashed_backup_left_is_swept() {
    let fx = Fixture::new();
    let stale_file = fx.file(".amana-tmp-999999999-old.tar", b"partial");
    let stale_dir = fx.dir.path().join(".amana-tmp-999999999-old.tar.d");
    std::fs::create_dir(&stale_dir).unwrap();
    let foreign = fx.file(".amana-tmp-notapid", b"not ours: no process id");
    ok(
        fx.path(),
        &["backup", fx.dir.path().join("b.tar").to_str().unwrap()],
    );
    assert!(!stale_file.exists() && !stale_dir.exists());
    assert!(foreign.exists());
}

#[test]
fn a_ledger_that_fails_verify_is_still_backed_up_but_says_so_and_is_not_restored() {
    let fx = with_receipt();
    // The receipt lost from the store: the usual result of copying the file alone.
    let store = receipts_of(fx.path());
    std::fs::remove_dir_all(&store).unwrap();
    let archive = fx.dir.path().join("b.tar");
    let o = run(fx.path(), &["backup", archive.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("receipt-missing"), "{}", stdout(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("restore` will refuse it"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(archive.is_file(), "the books are kept even so");
    let to = fx.dir.path().join("r.db");
    let o = run(
        &to,
        &[
            "restore",
            archive.to_str().unwrap(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("receipt-missing"));
    assert!(!to.exists() && !receipts_of(&to).exists());
    assert!(temp_leftovers(fx.dir.path()).is_empty());
}
