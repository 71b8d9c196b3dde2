//! Helpers shared by the integration tests: the real binary on real SQLite files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// The `amana` binary built by cargo, with a fixed actor and no inherited ledger.
pub fn amana(ledger: &Path) -> Command {
    let mut cmd = Command::cargo_bin("amana").expect("the amana binary is built");
    cmd.env_remove("AMANA_LEDGER")
        .env("AMANA_ACTOR", "test-treasurer")
        .arg("--ledger")
        .arg(ledger);
    cmd
}

/// Runs amana with `args` and returns its output, whatever the exit status.
pub fn run(ledger: &Path, args: &[&str]) -> Output {
    amana(ledger).args(args).output().expect("amana runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs amana and asserts it succeeded; returns stdout.
pub fn ok(ledger: &Path, args: &[&str]) -> String {
    let o = run(ledger, args);
    assert!(
        o.status.success(),
        "amana {args:?} failed ({:?}):\n{}{}",
        o.status.code(),
        stdout(&o),
        stderr(&o)
    );
    stdout(&o)
}

/// Runs amana, asserts the exit status, returns stderr.
pub fn fails(ledger: &Path, args: &[&str], code: i32) -> String {
    let o = run(ledger, args);
    assert_eq!(
        o.status.code(),
        Some(code),
        "amana {args:?}: expected exit {code}:\n{}{}",
        stdout(&o),
        stderr(&o)
    );
    stderr(&o)
}

/// Everything a listing shows: balance, journal and log as JSON, and the verify verdict.
/// Two snapshots are equal exactly when the ledger did not change.
pub fn snapshot(ledger: &Path) -> String {
    let mut s = String::new();
    for args in [
        &["balance", "--format", "json"][..],
        &["journal", "--format", "json"],
        &["log", "--format", "json"],
        &["verify", "--format", "json"],
    ] {
        // The time a listing was generated is not part of the ledger.
        let mut v: serde_json::Value = serde_json::from_str(&ok(ledger, args)).unwrap();
        if let Some(p) = v.get_mut("provenance").and_then(|p| p.as_object_mut()) {
            p.remove("generated");
        }
        s.push_str(&v.to_string());
    }
    s
}

/// A small ledger with a chart, a funder, a grant with two budget lines and two transactions.
pub struct Fixture {
    pub dir: TempDir,
    pub ledger: PathBuf,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let ledger = dir.path().join("amana.db");
        let l = &ledger;
        ok(
            l,
            &[
                "init",
                "--name",
                "جمعية خطوة / Association Khotwa",
                "--currency",
                "MAD",
                "--chart",
                "ma-associations",
            ],
        );
        ok(
            l,
            &[
                "funder",
                "add",
                "CMM",
                "--name",
                "Conseil de l'arrondissement Marrakech-Médina",
                "--type",
                "public-local",
                "--country",
                "MA",
            ],
        );
        ok(
            l,
            &[
                "grant",
                "add",
                "CMM-2026",
                "--funder",
                "CMM",
                "--amount",
                "120000",
                "--start",
                "2026-01-01",
                "--end",
                "2026-12-31",
                "--purpose",
                "Fonctionnement",
            ],
        );
        ok(
            l,
            &[
                "grant",
                "budget",
                "CMM-2026",
                "training",
                "--amount",
                "45000",
                "--label",
                "Formation",
                "--account",
                "6126",
            ],
        );
        ok(
            l,
            &[
                "grant", "budget", "CMM-2026", "rent", "--amount", "24000", "--label", "Loyer",
            ],
        );
        ok(
            l,
            &[
                "funder",
                "add",
                "INDH",
                "--name",
                "INDH",
                "--type",
                "public-national",
            ],
        );
        ok(
            l,
            &[
                "grant",
                "add",
                "INDH-2026",
                "--funder",
                "INDH",
                "--amount",
                "50000",
                "--start",
                "2026-03-01",
                "--end",
                "2026-10-31",
            ],
        );
        ok(
            l,
            &[
                "grant",
                "budget",
                "INDH-2026",
                "equipment",
                "--amount",
                "20000",
                "--label",
                "Équipement",
            ],
        );
        ok(
            l,
            &[
                "record",
                "--date",
                "2026-01-20",
                "--desc",
                "Subvention CMM, tranche 1",
                "--ref",
                "BQ-01",
                "--post",
                "5141 60000.00",
                "--post",
                "7161 -60000.00 grant=CMM-2026",
            ],
        );
        ok(
            l,
            &[
                "record",
                "--date",
                "2026-02-13",
                "--desc",
                "Salle et pauses-café, session 1",
                "--ref",
                "FAC-0213",
                "--post",
                "6126 4500.00 grant=CMM-2026 line=training memo=salle et pauses",
                "--post",
                "5141",
            ],
        );
        Fixture { dir, ledger }
    }

    pub fn path(&self) -> &Path {
        &self.ledger
    }

    /// Writes `content` to a file in the fixture's folder and returns its path.
    pub fn file(&self, name: &str, content: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, content).expect("write test file");
        p
    }
}

/// Builds the demo ledger in a fresh folder and returns (folder, ledger path).
pub fn demo() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("demo");
    let o = Command::cargo_bin("amana")
        .unwrap()
        .env("AMANA_ACTOR", "demo")
        .args(["demo", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "demo failed: {}{}",
        stdout(&o),
        stderr(&o)
    );
    (dir, out.join("amana.db"))
}

/// A connection as someone tampering with the file opens it: foreign keys and CHECK
/// constraints off (the append-only triggers are dropped by [`tamper_copy`]).
pub fn tamper_conn(path: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;")
        .unwrap();
    conn
}

/// Copies the ledger at `src` (checkpointed first, so the file is the whole ledger) and its
/// receipt store to `dir/amana.db`, and drops every trigger of the copy: the starting point of
/// someone who edits the file behind amana's back.
pub fn tamper_copy(src: &Path, dir: &Path) -> PathBuf {
    let conn = rusqlite::Connection::open(src).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(conn);
    std::fs::create_dir_all(dir).unwrap();
    let copy = dir.join("amana.db");
    std::fs::copy(src, &copy).unwrap();
    let store = PathBuf::from(format!("{}.receipts", src.display()));
    if store.is_dir() {
        copy_dir(&store, &dir.join("amana.db.receipts"));
    }
    let conn = tamper_conn(&copy);
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in triggers {
        conn.execute_batch(&format!("DROP TRIGGER {t}")).unwrap();
    }
    copy
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Puts back the triggers of `original` into `copy`: the last step of a careful forger, who
/// leaves the schema exactly as amana made it.
pub fn restore_triggers(original: &Path, copy: &Path) {
    let sqls: Vec<String> = rusqlite::Connection::open(original)
        .unwrap()
        .prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let conn = rusqlite::Connection::open(copy).unwrap();
    for sql in sqls {
        conn.execute_batch(&sql).unwrap();
    }
}
