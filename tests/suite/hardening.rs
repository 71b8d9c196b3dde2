//! The holes an attacker with write access to the file, and a hurried treasurer, found (issue
//! 6): each test fails on the code before its fix. Real binary, real SQLite files.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use common::*;
use serde_json::Value;

/// Every file below `dir` with its bytes: two equal trees are byte-for-byte the same.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            let t = e.file_type().unwrap();
            if t.is_dir() {
                out.extend(tree(&p));
            } else if t.is_file() {
                out.insert(p.clone(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn verify_json(ledger: &Path) -> (i32, Value) {
    let o = run(ledger, &["verify", "--format", "json"]);
    (
        o.status.code().unwrap(),
        serde_json::from_slice(&o.stdout).expect("verify prints JSON"),
    )
}

/// The kinds of verify's findings.
fn kinds(report: &Value, key: &str) -> Vec<String> {
    report[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap().to_string())
        .collect()
}

fn store_of(ledger: &Path) -> PathBuf {
    PathBuf::from(format!("{}.receipts", ledger.display()))
}

// 1. Schema objects named like SQLite's own are compared like any other.

#[test]
fn schema_objects_named_like_sqlites_own_are_caught() {
    let fx = Fixture::new();
    let planted = [
        // The attack: new postings silently discarded, while `record` reports success.
        "CREATE TRIGGER sqliteXdiscard AFTER INSERT ON postings BEGIN SELECT 1; END",
        "CREATE VIEW SQLITE1view AS SELECT 1",
        "CREATE INDEX sqlite0idx ON postings(memo)",
        "CREATE TABLE sqlitextra (x)",
    ];
    for sql in planted {
        let dir = tempfile::tempdir().unwrap();
        let copy = tamper_copy(fx.path(), dir.path());
        restore_triggers(fx.path(), &copy);
        tamper_conn(&copy).execute_batch(sql).unwrap();
        let (code, report) = verify_json(&copy);
        assert_eq!(code, 1, "{sql}: {report}");
        assert_eq!(kinds(&report, "problems"), ["schema-altered"], "{sql}");
        let name = sql.split_whitespace().nth(2).unwrap();
        assert!(
            report["problems"][0]["detail"]
                .as_str()
                .unwrap()
                .contains(name),
            "{sql}: {report}"
        );
    }
}

#[test]
fn a_trigger_named_sqlite_through_writable_schema_is_caught() {
    let fx = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let copy = tamper_copy(fx.path(), dir.path());
    restore_triggers(fx.path(), &copy);
    let conn = tamper_conn(&copy);
    conn.execute_batch(
        "PRAGMA writable_schema = ON;
         INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES
           ('trigger', 'sqlite_discard', 'postings', 0,
            'CREATE TRIGGER sqlite_discard AFTER INSERT ON postings BEGIN SELECT 1; END');
         PRAGMA writable_schema = OFF;",
    )
    .unwrap();
    drop(conn);
    let (code, report) = verify_json(&copy);
    assert_eq!(code, 1, "{report}");
    assert!(kinds(&report, "problems").contains(&"schema-altered".to_string()));
    assert!(report.to_string().contains("sqlite_discard"), "{report}");
}

// 2. A path taken from a file stays in the file's folder; nothing is copied before a command
// is accepted; the store is private.

fn import_with_receipt(fx: &Fixture, csv_dir: &Path, receipt: &str, amount: &str) -> i32 {
    std::fs::create_dir_all(csv_dir).unwrap();
    let csv = csv_dir.join("import.csv");
    std::fs::write(
        &csv,
        format!(
            "txn,date,description,account,amount,grant,line,receipt\n\
             1,2026-03-02,Formation,6126,{amount},CMM-2026,training,{receipt}\n\
             1,2026-03-02,Formation,5141,-{amount},,,\n"
        ),
    )
    .unwrap();
    run(fx.path(), &["import", csv.to_str().unwrap()])
        .status
        .code()
        .unwrap()
}

#[test]
fn a_receipt_path_in_a_csv_cannot_leave_the_csv_folder() {
    let fx = Fixture::new();
    let secret = fx.file("officer.pem", b"-----BEGIN PRIVATE KEY-----\nsecret\n");
    let csv_dir = fx.dir.path().join("imports");
    std::fs::create_dir_all(&csv_dir).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, csv_dir.join("facture.pdf")).unwrap();
    let before = snapshot(fx.path());
    for receipt in [
        "../officer.pem".to_string(),
        secret.display().to_string(),
        "facture.pdf".to_string(),
        "sub/../../officer.pem".to_string(),
    ] {
        let stderr = {
            let code = import_with_receipt(&fx, &csv_dir, &receipt, "100.00");
            assert_eq!(code, 2, "{receipt} was accepted");
            stderr(&run(
                fx.path(),
                &["import", csv_dir.join("import.csv").to_str().unwrap()],
            ))
        };
        assert!(stderr.contains("column receipt"), "{stderr}");
        assert!(stderr.contains("outside"), "{stderr}");
        assert_eq!(snapshot(fx.path()), before, "{receipt}");
        assert!(!store_of(fx.path()).exists(), "{receipt} was copied");
    }
}

#[test]
fn a_refused_import_or_attach_copies_no_receipt() {
    let fx = Fixture::new();
    let csv_dir = fx.dir.path().join("imports");
    std::fs::create_dir_all(&csv_dir).unwrap();
    std::fs::write(csv_dir.join("facture.pdf"), b"invoice").unwrap();
    // A third decimal: the row is refused, so the document must not be kept.
    assert_eq!(
        import_with_receipt(&fx, &csv_dir, "facture.pdf", "100.001"),
        2
    );
    assert!(!store_of(fx.path()).exists());
    // Attached to a transaction that does not exist.
    let doc = fx.file("bon.pdf", b"bon de commande");
    fails(
        fx.path(),
        &["receipt", "attach", "99", doc.to_str().unwrap()],
        2,
    );
    assert!(!store_of(fx.path()).exists());
    // A FIFO or a folder is not a document (and reading it must not hang).
    #[cfg(unix)]
    {
        let fifo = fx.dir.path().join("pipe.pdf");
        assert!(
            Process::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let err = fails(
            fx.path(),
            &["receipt", "attach", "1", fifo.to_str().unwrap()],
            2,
        );
        assert!(err.contains("FIFO"), "{err}");
        let err = fails(
            fx.path(),
            &["receipt", "attach", "1", fx.dir.path().to_str().unwrap()],
            2,
        );
        assert!(err.contains("folder"), "{err}");
    }
    assert!(!store_of(fx.path()).exists());
}

#[test]
fn the_receipt_store_is_private_and_an_accepted_import_keeps_its_documents() {
    let fx = Fixture::new();
    let csv_dir = fx.dir.path().join("imports");
    std::fs::create_dir_all(csv_dir.join("2026")).unwrap();
    std::fs::write(csv_dir.join("2026/facture.pdf"), b"invoice").unwrap();
    assert_eq!(
        import_with_receipt(&fx, &csv_dir, "2026/facture.pdf", "100.00"),
        0
    );
    let files = tree(&store_of(fx.path()));
    assert_eq!(files.len(), 1);
    assert_eq!(files.values().next().unwrap(), b"invoice");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&store_of(fx.path())), 0o700);
        assert_eq!(mode(files.keys().next().unwrap()), 0o600);
    }
    let (code, _) = verify_json(fx.path());
    assert_eq!(code, 0);
}

// 3. Outputs never overwrite unless asked, and never a ledger, a receipt or a key.

#[test]
fn receipt_member_never_writes_over_the_ledger_or_an_existing_file() {
    let fx = Fixture::new();
    let ledger_bytes = std::fs::read(fx.path()).unwrap();
    let before = snapshot(fx.path());
    let ledger = fx.path().to_str().unwrap().to_string();
    for force in [false, true] {
        let mut args = vec!["receipt", "member", "1", "--out", &ledger];
        if force {
            args.push("--force");
        }
        let err = fails(fx.path(), &args, 2);
        assert!(err.contains("never"), "{err}");
        assert_eq!(snapshot(fx.path()), before);
    }
    assert_eq!(std::fs::read(fx.path()).unwrap(), ledger_bytes);

    let existing = fx.file("receipt.json", b"mine");
    let out = existing.to_str().unwrap();
    let err = fails(fx.path(), &["receipt", "member", "1", "--out", out], 2);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&existing).unwrap(), b"mine");
    ok(
        fx.path(),
        &["receipt", "member", "1", "--out", out, "--force"],
    );
    assert!(
        std::fs::read_to_string(&existing)
            .unwrap()
            .contains("amana-member-receipt")
    );

    let key = fx.dir.path().join("k.pem");
    ok(fx.path(), &["key", "generate", key.to_str().unwrap()]);
    let key_bytes = std::fs::read(&key).unwrap();
    fails(
        fx.path(),
        &[
            "receipt",
            "member",
            "1",
            "--out",
            key.to_str().unwrap(),
            "--force",
        ],
        2,
    );
    assert_eq!(std::fs::read(&key).unwrap(), key_bytes);
}

#[test]
fn a_generated_key_is_whole_private_and_read_by_openssl() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k.pem");
    ok(
        &dir.path().join("none.db"),
        &["key", "generate", key.to_str().unwrap()],
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let o = Process::new("openssl")
        .args(["pkey", "-noout", "-in"])
        .arg(&key)
        .output()
        .expect("openssl is installed (.ci/run installs it)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "only the key and its .pub: {names:?}");
}

#[test]
fn the_demo_never_writes_into_a_folder_of_someone_elses() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("transactions-2025.csv");
    std::fs::write(&mine, b"my own file").unwrap();
    let o = assert_cmd::Command::cargo_bin("amana")
        .unwrap()
        .args(["demo", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read(&mine).unwrap(), b"my own file");
}

// 4. The writer refuses what its decoder would reject.

#[test]
fn years_and_months_outside_the_format_are_refused_and_change_nothing() {
    let fx = Fixture::new();
    let before = snapshot(fx.path());
    for args in [
        &[
            "close",
            "--year",
            "0",
            "--restricted-account",
            "1111",
            "--unrestricted-account",
            "1111",
        ][..],
        &[
            "close",
            "--year=-1",
            "--restricted-account",
            "1111",
            "--unrestricted-account",
            "1111",
        ],
        &[
            "close",
            "--year",
            "10000",
            "--restricted-account",
            "1111",
            "--unrestricted-account",
            "1111",
        ],
        &["seal", "--month", "0000-01"],
        &["seal", "--month", "10000-01"],
        &["seal", "--month", "2025-13"],
        &["seal", "--through", "0000-12-31"],
    ] {
        fails(fx.path(), args, 2);
        assert_eq!(snapshot(fx.path()), before, "{args:?}");
    }
    let (code, report) = verify_json(fx.path());
    assert_eq!(code, 0, "{report}");
}

// 7. verify reports what it cannot read, and never hangs.

#[test]
fn invalid_utf8_in_a_table_cell_is_a_finding_not_a_crash() {
    let fx = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let copy = tamper_copy(fx.path(), dir.path());
    tamper_conn(&copy)
        .execute_batch("UPDATE entries SET description = CAST(x'ff41' AS TEXT) WHERE id = 1")
        .unwrap();
    restore_triggers(fx.path(), &copy);
    let (code, report) = verify_json(&copy);
    assert_eq!(code, 1, "{report}");
    assert_eq!(kinds(&report, "problems"), ["projection-drift"]);
    assert!(report.to_string().contains("x'ff41'"), "{report}");
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_receipt_store_is_a_finding_not_a_hang() {
    let fx = Fixture::new();
    let doc = fx.file("facture.pdf", b"invoice");
    ok(
        fx.path(),
        &["receipt", "attach", "1", doc.to_str().unwrap()],
    );
    let stored = tree(&store_of(fx.path()))
        .into_keys()
        .next()
        .expect("the document is stored");
    std::fs::remove_file(&stored).unwrap();
    assert!(
        Process::new("mkfifo")
            .arg(&stored)
            .status()
            .unwrap()
            .success()
    );
    let (code, report) = verify_json(fx.path());
    assert_eq!(code, 1, "{report}");
    assert_eq!(kinds(&report, "problems"), ["receipt-altered"]);
    assert!(report.to_string().contains("FIFO"), "{report}");
    // A link to a device is not followed either.
    std::fs::remove_file(&stored).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &stored).unwrap();
    let (code, report) = verify_json(fx.path());
    assert_eq!(code, 1, "{report}");
    assert_eq!(kinds(&report, "problems"), ["receipt-altered"]);
    // A longer file with other bytes: read no further than the recorded size.
    std::fs::remove_file(&stored).unwrap();
    std::fs::write(&stored, vec![b'x'; 1 << 20]).unwrap();
    let (code, report) = verify_json(fx.path());
    assert_eq!(code, 1, "{report}");
    assert_eq!(kinds(&report, "problems"), ["receipt-altered"]);
}

// 8. Time is checked.

fn faketime(ledger: &Path, at: &str, args: &[&str]) -> std::process::Output {
    Process::new("faketime")
        .arg(at)
        .arg(assert_cmd::cargo::cargo_bin("amana"))
        .env_remove("AMANA_LEDGER")
        .env("AMANA_ACTOR", "test-treasurer")
        .env("TZ", "UTC")
        .arg("--ledger")
        .arg(ledger)
        .args(args)
        .output()
        .expect("faketime is installed (.ci/run installs it)")
}

#[test]
fn entries_from_a_clock_ahead_are_flagged_and_never_block_the_books() {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("l.db");
    let o = faketime(
        &l,
        "2099-01-01 10:00:00",
        &[
            "init",
            "--name",
            "T",
            "--currency",
            "MAD",
            "--chart",
            "generic",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // Back to the right clock: the entry is recorded, with a warning.
    let o = run(
        &l,
        &[
            "record",
            "--date",
            "2026-01-05",
            "--desc",
            "x",
            "--post",
            "1000 10",
            "--post",
            "4000",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("clock"), "{}", stderr(&o));
    let (code, report) = verify_json(&l);
    assert_eq!(code, 0, "times prove no alteration: {report}");
    assert_eq!(
        kinds(&report, "warnings"),
        ["time-future", "time-backwards"],
        "{report}"
    );
    // One warning for the whole run of entries in the future.
    assert!(
        report["warnings"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("entries 1 to")
    );
    let text = ok(&l, &["verify"]);
    assert!(text.contains("time-backwards"), "{text}");
}

#[test]
fn a_year_is_closed_only_once_it_has_ended() {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("l.db");
    ok(
        &l,
        &[
            "init",
            "--name",
            "T",
            "--currency",
            "MAD",
            "--chart",
            "generic",
        ],
    );
    let before = snapshot(&l);
    let o = faketime(&l, "2026-12-31 12:00:00", &["close", "--year", "2026"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("from the day after it ends"),
        "{}",
        stderr(&o)
    );
    assert_eq!(snapshot(&l), before);
    let o = faketime(&l, "2027-01-01 00:30:00", &["close", "--year", "2026"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (code, report) = verify_json(&l);
    assert_eq!(code, 0, "{report}");
    // Recorded at the faked time, later than this computer's clock: a warning, not a failure.
    assert_eq!(kinds(&report, "warnings"), ["time-future"], "{report}");
}

// 11. Debris and exit statuses.

#[test]
fn a_bank_account_given_twice_is_refused_in_plain_words() {
    let fx = Fixture::new();
    let before = snapshot(fx.path());
    let err = fails(
        fx.path(),
        &[
            "seal",
            "--bank",
            "5141=55500@Relevé 1",
            "--bank",
            "5141=55500@Relevé 2",
        ],
        2,
    );
    assert!(err.contains("5141 twice"), "{err}");
    assert_eq!(snapshot(fx.path()), before);
    // In any order: the seal keeps them by account.
    ok(
        fx.path(),
        &[
            "seal",
            "--bank",
            "5161=0@Caisse",
            "--bank",
            "5141=55500@Relevé 1",
        ],
    );
}

#[test]
fn a_crashed_init_leaves_nothing_that_blocks_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("amana.db");
    // What a killed `init` leaves now: its temporary file, never the ledger's name.
    std::fs::write(dir.path().join(".amana-tmp-4194303-amana.db"), b"half").unwrap();
    ok(
        &l,
        &[
            "init",
            "--name",
            "T",
            "--currency",
            "MAD",
            "--chart",
            "generic",
        ],
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("amana.db"))
        .collect();
    assert!(names.is_empty(), "debris left: {names:?}");
    let (code, _) = verify_json(&l);
    assert_eq!(code, 0);
}

#[cfg(unix)]
#[test]
fn files_handed_to_amana_by_others_never_make_it_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("recu.json");
    assert!(
        Process::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // A member's receipt that is a FIFO.
    let err = fails(
        &dir.path().join("none.db"),
        &[
            "verify-receipt",
            fifo.to_str().unwrap(),
            "--seal",
            "AAAA-AAAA-AAAA-AAAA",
        ],
        2,
    );
    assert!(err.contains("FIFO"), "{err}");
    // An audit bundle whose chain is a FIFO.
    let bundle = dir.path().join("bundle");
    std::fs::create_dir(&bundle).unwrap();
    assert!(
        Process::new("mkfifo")
            .arg(bundle.join("chain.jsonl"))
            .status()
            .unwrap()
            .success()
    );
    let o = run(
        &dir.path().join("none.db"),
        &["verify", "--bundle", bundle.to_str().unwrap()],
    );
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("FIFO"), "{}", stderr(&o));
}

#[test]
fn an_altered_receipt_is_moved_aside_not_overwritten_when_the_document_comes_again() {
    let fx = Fixture::new();
    let doc = fx.file("facture.pdf", b"invoice");
    ok(
        fx.path(),
        &["receipt", "attach", "1", doc.to_str().unwrap()],
    );
    let stored = tree(&store_of(fx.path())).into_keys().next().unwrap();
    std::fs::write(&stored, b"invoice, altered").unwrap();
    let (code, _) = verify_json(fx.path());
    assert_eq!(code, 1);
    // The same document, attached to another transaction, puts the right bytes back...
    ok(
        fx.path(),
        &["receipt", "attach", "2", doc.to_str().unwrap()],
    );
    let (code, report) = verify_json(fx.path());
    assert_eq!(code, 0, "{report}");
    // ... and the altered copy stays beside it, as evidence.
    let files = tree(&store_of(fx.path()));
    assert_eq!(files.len(), 2, "{:?}", files.keys());
    assert!(files.values().any(|b| b == b"invoice, altered"));
}

/// A total that no ledger amana wrote can reach (two amounts edited into the tables, each far
/// past `Minor::MAX`) is an error naming the file as changed, never a clamped or made-up figure.
#[test]
fn a_total_past_any_amount_fails_loudly() {
    let (dir, ledger) = common::demo();
    let work = tempfile::tempdir().unwrap();
    let copy = common::tamper(&ledger, work.path(), |conn| {
        for (entry, idx) in [(2, 0), (3, 0)] {
            conn.execute(
                "UPDATE postings SET amount = 6000000000000000000 WHERE entry_id = ?1 AND idx = ?2",
                [entry, idx],
            )
            .unwrap();
        }
    });
    let err = common::fails(&copy, &["balance"], 3);
    assert!(
        err.contains("the balance of all accounts adds up past any amount amana keeps"),
        "{err}"
    );
    assert!(!err.contains("overflow\n"), "{err}");
    drop(dir);
}
