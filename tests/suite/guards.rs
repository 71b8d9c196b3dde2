//! The guards below the application, each shown to be in place on a real ledger file: the
//! append-only triggers, the write lock (and exit 3 when it stays taken), WAL with
//! `synchronous=FULL`, and an import's dry run checked against the ledger's state.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Fixture, demo, fails, ok, snapshot};
use rusqlite::Connection;

fn tables(conn: &Connection) -> Vec<String> {
    conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name",
    )
    .unwrap()
    .query_map([], |r| r.get(0))
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[test]
fn every_table_refuses_an_update_and_a_delete() {
    let (_dir, ledger) = demo();
    // The demo fills every table (assets, rates, grant terms, sources, year-end entries).
    let before = snapshot(&ledger);
    // Foreign keys off, so that only the triggers can refuse (and nothing else is what does).
    let conn = Connection::open(&ledger).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    let all = tables(&conn);
    assert!(all.len() >= 19, "{all:?}");
    // In a transaction rolled back at the end: the row planted below is not left behind.
    conn.execute_batch("BEGIN").unwrap();
    for table in &all {
        if table == "year_totals" {
            // amana's sums of the postings per fiscal year, which every entry adds to: no
            // trigger can tell its update from another's, so `verify` re-derives each row from
            // the chain instead (tamper.rs edits, deletes and inserts them).
            continue;
        }
        if table == "closings" {
            // Closings of the form written before dedicated funds: a new ledger has none, so
            // one is planted (foreign keys are off) for the triggers to refuse.
            conn.execute(
                "INSERT INTO closings VALUES (999999, 999999, 1999, '1999-01-01', '1', '2')",
                [],
            )
            .unwrap();
        }
        // The treasurer's explanations of variances, a grant's own threshold and the ledger's
        // settings: the demo records none, so one of each is planted.
        if table == "variance_notes" {
            conn.execute(
                "INSERT INTO variance_notes VALUES (999998, 'G', 'L', '1999-12-31', 'why')",
                [],
            )
            .unwrap();
        }
        if table == "settings" {
            conn.execute("INSERT INTO settings VALUES (999996, 'language', 'fr')", [])
                .unwrap();
        }
        // Bank statements, assignments and reconciliations: the demo records none.
        let planted = match table.as_str() {
            "bank_imports" => {
                Some("INSERT INTO bank_imports VALUES (999995, '51411', 'utf-8', 0, NULL)")
            }
            "bank_lines" => {
                Some("INSERT INTO bank_lines VALUES (999995, 0, '51411', zeroblob(32))")
            }
            "bank_assignments" => Some("INSERT INTO bank_assignments VALUES (999994, 1, 2)"),
            "reconciliations" => Some(
                "INSERT INTO reconciliations VALUES (999993, '51411', '2026-03-31', 0, 0, 'relevé')",
            ),
            "reconciled" => Some("INSERT INTO reconciled VALUES (999993, 0, '51411', 1)"),
            _ => None,
        };
        if let Some(sql) = planted {
            conn.execute(sql, []).unwrap();
        }
        if table == "variance_thresholds" {
            conn.execute(
                "INSERT INTO variance_thresholds VALUES (999997, 'G', 10, 100000)",
                [],
            )
            .unwrap();
        }
        let rows: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert!(
            rows > 0,
            "the demo ledger has no row in {table} to test with"
        );
        let column: String = conn
            .query_row(
                &format!("SELECT name FROM pragma_table_info('{table}') LIMIT 1"),
                [],
                |r| r.get(0),
            )
            .unwrap();
        // Even an update that writes the same value is refused.
        for sql in [
            format!("UPDATE {table} SET {column} = {column}"),
            format!("DELETE FROM {table}"),
        ] {
            let err = conn
                .execute(&sql, [])
                .expect_err(&format!("{sql} was allowed"));
            assert!(
                err.to_string().contains("append-only"),
                "{sql}: refused, but not by the append-only trigger: {err}"
            );
        }
    }
    conn.execute_batch("ROLLBACK").unwrap();
    drop(conn);
    assert_eq!(before, snapshot(&ledger), "nothing changed");
}

/// Holds the write lock on `ledger` (as another amana command would) until dropped.
fn hold_write_lock(ledger: &Path) -> Connection {
    let conn = Connection::open(ledger).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    conn
}

/// A small transaction to write.
fn record_args() -> [&'static str; 9] {
    [
        "record",
        "--date",
        "2026-03-01",
        "--desc",
        "Cotisation",
        "--post",
        "5141 10",
        "--post",
        "7161 -10",
    ]
}

#[test]
fn a_write_waits_for_the_lock_then_goes_through() {
    let fx = Fixture::new();
    let lock = hold_write_lock(fx.path());
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(2));
        lock.execute_batch("COMMIT").unwrap();
    });
    let start = Instant::now();
    ok(fx.path(), &record_args());
    assert!(
        start.elapsed() >= Duration::from_millis(1500),
        "the write did not wait for the lock ({:?})",
        start.elapsed()
    );
    release.join().unwrap();
    ok(fx.path(), &["verify"]);
}

#[test]
fn a_lock_that_stays_taken_exits_3_after_the_wait_and_changes_nothing() {
    let fx = Fixture::new();
    let before = snapshot(fx.path());
    let lock = hold_write_lock(fx.path());
    let start = Instant::now();
    let err = fails(fx.path(), &record_args(), 3);
    let waited = start.elapsed();
    drop(lock);
    assert!(
        waited >= Duration::from_secs(29),
        "exit 3 came after {waited:?}, not after the 30 s wait"
    );
    assert!(
        err.contains("locked by another amana command") && err.contains("try again"),
        "{err}"
    );
    assert_eq!(before, snapshot(fx.path()));
}

#[test]
fn the_file_is_in_wal_mode_before_and_after_a_write() {
    let fx = Fixture::new();
    let mode = |p: &Path| -> String {
        Connection::open(p)
            .unwrap()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(mode(fx.path()), "wal");
    ok(fx.path(), &record_args());
    assert_eq!(mode(fx.path()), "wal");
    // The write-ahead log is beside the ledger while a connection is open.
    let conn = Connection::open(fx.path()).unwrap();
    conn.query_row("SELECT count(*) FROM log", [], |r| r.get::<_, i64>(0))
        .unwrap();
    let wal = std::path::PathBuf::from(format!("{}-wal", fx.path().display()));
    assert!(wal.exists(), "{} is missing", wal.display());
}

#[test]
fn a_dry_run_is_checked_against_the_ledgers_state() {
    let fx = Fixture::new();
    let l = fx.path();
    let csv = "txn,date,description,account,amount\n1,2026-04-01,Loyer,6131,100\n1,2026-04-01,,5141,-100\n";
    let file = fx.file("avril.csv", csv.as_bytes());
    let file = file.to_str().unwrap();
    ok(l, &["import", file]);
    let before = snapshot(l);
    // The same file again: what the real import refuses, the dry run refuses.
    let err = fails(l, &["import", file, "--dry-run"], 2);
    assert!(err.contains("already imported"), "{err}");
    assert_eq!(before, snapshot(l));
    // An account that exists in no chart but this ledger's would: unknown here.
    let unknown = fx.file(
        "inconnu.csv",
        b"txn,date,description,account,amount\n1,2026-04-02,X,6999,5\n1,2026-04-02,,5141,-5\n",
    );
    let err = fails(l, &["import", unknown.to_str().unwrap(), "--dry-run"], 2);
    assert!(err.contains("6999"), "{err}");
    // A spending charged to a grant outside the grant's period (INDH-2026 starts in March).
    let early = fx.file(
        "fevrier.csv",
        b"txn,date,description,account,amount,grant\n1,2026-02-02,Achat,6126,5,INDH-2026\n1,2026-02-02,,5141,-5,\n",
    );
    let err = fails(l, &["import", early.to_str().unwrap(), "--dry-run"], 2);
    assert!(err.contains("INDH-2026"), "{err}");
    assert_eq!(before, snapshot(l));
}

#[test]
fn a_dry_run_refuses_a_date_in_a_locked_period() {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("locked.db");
    ok(
        &l,
        &[
            "init",
            "--name",
            "X",
            "--currency",
            "MAD",
            "--chart",
            "generic",
        ],
    );
    ok(
        &l,
        &[
            "record",
            "--date",
            "2025-05-01",
            "--desc",
            "Cotisations",
            "--post",
            "1000 10",
            "--post",
            "4100",
        ],
    );
    ok(&l, &["close", "--year", "2025"]);
    let before = snapshot(&l);
    let csv = dir.path().join("late.csv");
    std::fs::write(
        &csv,
        "txn,date,description,account,amount\n1,2025-12-15,Oubli,1000,5\n1,2025-12-15,,4100,-5\n",
    )
    .unwrap();
    let err = fails(&l, &["import", csv.to_str().unwrap(), "--dry-run"], 2);
    assert!(err.contains("2025-12-31"), "{err}");
    assert_eq!(before, snapshot(&l));
    // And a row dated in the open year passes the same dry run.
    std::fs::write(
        &csv,
        "txn,date,description,account,amount\n1,2026-01-15,Cotisation,1000,5\n1,2026-01-15,,4100,-5\n",
    )
    .unwrap();
    ok(&l, &["import", csv.to_str().unwrap(), "--dry-run"]);
    assert_eq!(before, snapshot(&l));
}
