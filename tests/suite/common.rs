//! Helpers shared by the integration tests: the real binary on real SQLite files.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// The `amana` binary built by cargo, with a fixed actor and no inherited ledger.
pub fn amana(ledger: &Path) -> Command {
    let mut cmd = Command::cargo_bin("amana").expect("the amana binary is built");
    cmd.env_remove("AMANA_LEDGER")
        .env_remove("AMANA_LANG")
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

/// Runs amana with `--format json` after `args`, asserts it succeeded, and parses its output.
pub fn ok_json(ledger: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = ok(ledger, &all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("amana {args:?}: not JSON ({e}):\n{out}"))
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

/// Builds the demo ledger in a fresh folder and returns (folder, ledger path), without its
/// reports (tests/suite/reports.rs runs the whole demo).
pub fn demo() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("demo");
    let o = Command::cargo_bin("amana")
        .unwrap()
        .env("AMANA_ACTOR", "demo")
        .args(["demo", "--out"])
        .arg(&out)
        .arg("--no-reports")
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

/// A connection to a ledger file as someone editing it behind amana's back holds it: foreign
/// keys and CHECK constraints off, and every append-only trigger dropped. When it goes out of
/// scope, it puts each trigger back exactly as it was (the same SQL text), as a careful forger
/// would: the schema is then the one amana made, so `schema-altered` alone can never be what
/// makes `verify` fail, and a tamper test must find the edit itself. A trigger whose table the
/// edit dropped cannot come back (that test expects a finding about the table).
pub struct Tamper {
    conn: Option<rusqlite::Connection>,
    /// (table, sql) of each dropped trigger, in creation order.
    triggers: Vec<(String, String)>,
}

impl std::ops::Deref for Tamper {
    type Target = rusqlite::Connection;
    fn deref(&self) -> &rusqlite::Connection {
        self.conn.as_ref().expect("open until dropped")
    }
}

impl Drop for Tamper {
    fn drop(&mut self) {
        let conn = self.conn.take().expect("dropped once");
        if std::thread::panicking() {
            return;
        }
        for (table, sql) in &self.triggers {
            let table_exists: bool = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                    [table],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap()
                > 0;
            if table_exists {
                conn.execute_batch(sql)
                    .unwrap_or_else(|e| panic!("restoring a trigger failed: {e}\n{sql}"));
            }
        }
    }
}

/// Opens `path` for tampering: see [`Tamper`].
pub fn tamper_conn(path: &Path) -> Tamper {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;")
        .unwrap();
    let triggers: Vec<(String, String, String)> = conn
        .prepare(
            "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY rowid",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (name, _, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\""))
            .unwrap();
    }
    Tamper {
        conn: Some(conn),
        triggers: triggers.into_iter().map(|(_, t, s)| (t, s)).collect(),
    }
}

/// Copies the ledger at `src` (checkpointed first, so the file is the whole ledger) and its
/// receipt store to `dir/amana.db`, untouched: the starting point of someone who edits the
/// file behind amana's back (with [`tamper_conn`] or [`tamper`]).
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
    copy
}

/// Copies the ledger at `src` (with its receipts) to `dir/amana.db`, applies `edit` with the
/// triggers dropped, and puts the triggers back: returns the tampered copy.
pub fn tamper(src: &Path, dir: &Path, edit: impl FnOnce(&rusqlite::Connection)) -> PathBuf {
    let copy = tamper_copy(src, dir);
    let conn = tamper_conn(&copy);
    edit(&conn);
    drop(conn);
    copy
}

/// Sums `year_totals` again from the `entries` and `postings` the file holds (with the SQL of
/// the migration that made it): what a forger who rewrote or removed entries does so that the
/// totals (schema/CHAIN.md section 6b) agree with the tables.
pub fn resum_year_totals(conn: &rusqlite::Connection) {
    let migration = include_str!("../../schema/0015_year_totals.sql");
    let insert = &migration[migration.find("INSERT INTO year_totals").unwrap()..];
    conn.execute_batch(&format!("DELETE FROM year_totals; {insert}"))
        .unwrap();
}

/// Recomputes `entry_hash`, `prev` and `chain` of every log row from `from_seq` on, from the
/// stored bodies, following schema/CHAIN.md section 1 (not amana's code): what a forger with
/// the file but without the officers' keys does after changing a body. The year totals are
/// summed again from the tables too ([`resum_year_totals`]).
pub fn rehash_from(conn: &rusqlite::Connection, from_seq: i64) {
    resum_year_totals(conn);
    use sha2::{Digest, Sha256};
    let rows: Vec<(i64, Vec<u8>)> = conn
        .prepare("SELECT seq, body FROM log WHERE seq >= ?1 ORDER BY seq")
        .unwrap()
        .query_map([from_seq], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut prev: Vec<u8> = if from_seq <= 1 {
        vec![0; 32]
    } else {
        conn.query_row(
            "SELECT chain FROM log WHERE seq < ?1 ORDER BY seq DESC LIMIT 1",
            [from_seq],
            |r| r.get(0),
        )
        .unwrap()
    };
    for (seq, body) in rows {
        let entry_hash = Sha256::new()
            .chain_update(b"amana/v1/entry\0")
            .chain_update(&body)
            .finalize()
            .to_vec();
        let chain = Sha256::new()
            .chain_update(b"amana/v1/chain\0")
            .chain_update((seq as u64).to_be_bytes())
            .chain_update(&prev)
            .chain_update(&entry_hash)
            .finalize()
            .to_vec();
        conn.execute(
            "UPDATE log SET entry_hash = ?1, prev = ?2, chain = ?3 WHERE seq = ?4",
            rusqlite::params![entry_hash, prev, chain, seq],
        )
        .unwrap();
        prev = chain;
    }
}

/// Runs `amana verify --format json` (with `extra` arguments) and returns (exit code, JSON).
pub fn verify_json(ledger: &Path, extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut args = vec!["verify", "--format", "json"];
    args.extend_from_slice(extra);
    let o = run(ledger, &args);
    let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "verify did not print JSON ({e}): {}{}",
            stdout(&o),
            stderr(&o)
        )
    });
    (o.status.code(), v)
}

/// The (seq, kind) of every finding in a verify report (amana's or the Python verifier's).
pub fn findings(v: &serde_json::Value) -> Vec<(i64, String)> {
    v["problems"]
        .as_array()
        .expect("a problems list")
        .iter()
        .map(|p| {
            (
                p["seq"].as_i64().expect("a seq"),
                p["kind"].as_str().expect("a kind").to_string(),
            )
        })
        .collect()
}

/// Asserts the report has a finding of `kind` at entry `seq` whose detail contains `detail`.
pub fn assert_finding(v: &serde_json::Value, kind: &str, seq: i64, detail: &str) {
    let found = v["problems"].as_array().unwrap().iter().any(|p| {
        p["kind"] == kind
            && p["seq"] == seq
            && p["detail"].as_str().unwrap_or_default().contains(detail)
    });
    assert!(
        found,
        "expected a {kind} finding at entry {seq} mentioning {detail:?}; got {:#}",
        v["problems"]
    );
}

/// Asserts that the report's findings are of the given kinds only (each at least once).
pub fn assert_kinds_exactly(v: &serde_json::Value, kinds: &[&str]) {
    let mut got: Vec<String> = findings(v).into_iter().map(|(_, k)| k).collect();
    got.sort();
    got.dedup();
    let mut want: Vec<String> = kinds.iter().map(|k| k.to_string()).collect();
    want.sort();
    want.dedup();
    assert_eq!(got, want, "finding kinds differ: {:#}", v["problems"]);
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

/// Puts back into `copy` the triggers of `original` that `copy` lacks.
pub fn restore_triggers(original: &Path, copy: &Path) {
    let sqls: Vec<(String, String)> = rusqlite::Connection::open(original)
        .unwrap()
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY rowid")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let conn = rusqlite::Connection::open(copy).unwrap();
    for (name, sql) in sqls {
        let present: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
                [&name],
                |r| r.get(0),
            )
            .unwrap();
        if present == 0 {
            conn.execute_batch(&sql).unwrap();
        }
    }
}

/// Runs the independent verifier `examples/verify_chain.py` with `args` and `--json`; returns
/// (exit code, JSON). python3 is required (it is on every machine of this project).
pub fn python_verify_json(args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/verify_chain.py");
    let o = std::process::Command::new("python3")
        .arg(script)
        .args(args)
        .arg("--json")
        .output()
        .expect("python3 is required for this test");
    let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "verify_chain.py did not print JSON ({e}): {}{}",
            stdout(&o),
            stderr(&o)
        )
    });
    (o.status.code(), v)
}

/// The distinct (seq, kind) pairs of a report, sorted: what two verifiers must agree on.
pub fn finding_set(v: &serde_json::Value) -> Vec<(i64, String)> {
    let mut f = findings(v);
    f.sort();
    f.dedup();
    f
}

/// The bytes of CHAIN.md section 2, written from that document alone (not with amana's
/// encoder), for the tests that check a kind's encoding.
pub mod chain_md {
    pub fn text(out: &mut Vec<u8>, s: &str) {
        out.push(0x01);
        out.extend((s.len() as u32).to_be_bytes());
        out.extend(s.as_bytes());
    }

    pub fn int(out: &mut Vec<u8>, i: i64) {
        out.push(0x02);
        out.extend(i.to_be_bytes());
    }

    pub fn header(kind: &str, seq: i64) -> Vec<u8> {
        let mut out = b"AMANA\x01".to_vec();
        text(&mut out, kind);
        int(&mut out, seq);
        int(&mut out, 1_767_225_600_000_000);
        text(&mut out, "trésorière");
        out
    }

    pub fn null(out: &mut Vec<u8>) {
        out.push(0x00);
    }

    pub fn date(out: &mut Vec<u8>, d: &str) {
        out.push(0x03);
        out.extend(d.as_bytes());
    }

    pub fn list(out: &mut Vec<u8>, n: u32) {
        out.push(0x06);
        out.extend(n.to_be_bytes());
    }
}
