//! The independent verifier `examples/verify_chain.py`, written from schema/CHAIN.md alone,
//! must agree with `amana verify`: same head on an intact ledger, a failure on a tampered one.
//! python3 is required (it is on every machine of this project, and .ci/run checks it).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{demo, ok};
use serde_json::Value;

fn python_verify(ledger: &Path) -> Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/verify_chain.py");
    Command::new("python3")
        .arg(script)
        .arg(ledger)
        .arg("--json")
        .output()
        .expect("python3 is required for this test")
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

/// Asserts the two verifiers' reports agree on everything both compute: the verdict, the
/// head, the coverage, every seal (fingerprint, validity, signers) and the findings (entry and
/// kind; their wording differs).
fn assert_agree(ours: &Value, theirs: &Value, what: &str) {
    for field in [
        "ok",
        "entries",
        "head",
        "transactions",
        "signed_through",
        "anchored_through",
        "unanchored",
        "seals",
    ] {
        assert_eq!(
            ours[field], theirs[field],
            "{what}: the verifiers disagree on {field}"
        );
    }
    let mut a = common::findings(ours);
    let mut b = common::findings(theirs);
    a.sort();
    a.dedup();
    b.sort();
    b.dedup();
    assert_eq!(
        a, b,
        "{what}: the verifiers disagree on the findings\nours: {ours:#}\ntheirs: {theirs:#}"
    );
}

#[test]
fn the_python_verifier_agrees_on_the_demo_ledger() {
    let (_dir, ledger) = demo();
    let ours: Value = serde_json::from_str(&ok(&ledger, &["verify", "--format", "json"])).unwrap();
    let o = python_verify(&ledger);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let theirs = json(&o);
    assert_eq!(theirs["ok"], true);
    assert_agree(&ours, &theirs, "demo");
    // What is compared is not empty: seals, signed by officers.
    let seals = ours["seals"].as_array().unwrap();
    assert!(seals.len() >= 2, "{seals:#?}");
    assert!(
        seals
            .iter()
            .all(|s| s["valid"] == true && !s["signed_by"].as_array().unwrap().is_empty()),
        "{seals:#?}"
    );
}

#[test]
fn the_python_verifier_catches_a_tampered_copy() {
    let (dir, ledger) = demo();
    // Each edit with the entry and kind both verifiers must report (receipts copied too, so a
    // missing receipt is never what makes a case fail).
    let cases: [(&str, &str, i64, &str); 5] = [
        (
            "amount",
            "UPDATE postings SET amount = amount + 1 WHERE entry_id = 100 AND idx = 0;",
            entry_seq(&ledger, 100),
            "projection-drift",
        ),
        (
            "body",
            "UPDATE log SET body = CAST(substr(body, 1, 30) || x'20' || substr(body, 32) AS BLOB) WHERE seq = 700;",
            700,
            "content-modified",
        ),
        (
            "last",
            "DELETE FROM log WHERE seq = (SELECT max(seq) FROM log);",
            last_seq(&ledger),
            "projection-drift",
        ),
        (
            "seal-balance",
            "UPDATE seal_balances SET balance = balance + 1 WHERE seq = (SELECT min(seq) FROM seals);",
            first_seal(&ledger),
            "projection-drift",
        ),
        (
            "grant",
            "UPDATE grants SET amount = amount * 10 WHERE seq = (SELECT min(seq) FROM grants);",
            seq_where(&ledger, "SELECT min(seq) FROM grants"),
            "projection-drift",
        ),
    ];
    for (name, sql, seq, kind) in cases {
        let copy = common::tamper(&ledger, &dir.path().join(name), |conn| {
            conn.execute_batch(sql).unwrap();
            assert!(conn.changes() > 0, "{name}: nothing changed");
        });
        let o = python_verify(&copy);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{name}: {}",
            String::from_utf8_lossy(&o.stdout)
        );
        let theirs = json(&o);
        let (code, ours) = common::verify_json(&copy, &[]);
        assert_eq!(code, Some(1), "{name}: amana verify agrees");
        for v in [&ours, &theirs] {
            assert!(
                common::findings(v).contains(&(seq, kind.to_string())),
                "{name}: expected {kind} at {seq}: {:#}",
                v["problems"]
            );
            assert!(
                !common::findings(v)
                    .iter()
                    .any(|(_, k)| k == "receipt-missing" || k == "schema-altered"),
                "{name}: {:#}",
                v["problems"]
            );
        }
        assert_agree(&ours, &theirs, name);
    }
}

fn seq_where(ledger: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(ledger)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

fn entry_seq(ledger: &Path, id: i64) -> i64 {
    seq_where(ledger, &format!("SELECT seq FROM entries WHERE id = {id}"))
}

fn last_seq(ledger: &Path) -> i64 {
    seq_where(ledger, "SELECT max(seq) FROM log")
}

fn first_seal(ledger: &Path) -> i64 {
    seq_where(ledger, "SELECT min(seq) FROM seals")
}

#[test]
fn the_python_verifier_refuses_a_file_that_is_not_a_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.db");
    std::fs::write(&f, "not a database").unwrap();
    assert_eq!(python_verify(&f).status.code(), Some(2));
}

#[test]
fn the_python_verifier_checks_bundles_anchors_and_signatures() {
    let (dir, ledger) = demo();
    let ours: Value = serde_json::from_str(&ok(&ledger, &["verify", "--format", "json"])).unwrap();
    let anchor = format!("{}:{}", ours["entries"], ours["head"].as_str().unwrap());
    let bundle = dir.path().join("bundle");
    ok(&ledger, &["export", "audit", bundle.to_str().unwrap()]);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/verify_chain.py");
    let py = |args: &[&str]| {
        Command::new("python3")
            .arg(&script)
            .args(args)
            .output()
            .expect("python3 is required for this test")
    };
    let o = py(&[
        "--bundle",
        bundle.to_str().unwrap(),
        "--anchor",
        &anchor,
        "--json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(json(&o)["head"], ours["head"]);
    let wrong = format!("{}:{}", ours["entries"], "ab".repeat(32));
    let o = py(&[ledger.to_str().unwrap(), "--anchor", &wrong, "--json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(json(&o)["problems"].to_string().contains("rewritten"));
    // A forged signature, the chain re-hashed and re-linked after it and the signatures table
    // made to agree: only the signature check itself can catch it, in both verifiers.
    let (seq, seal) = {
        let c = rusqlite::Connection::open(&ledger).unwrap();
        c.query_row(
            "SELECT seq, seal FROM signatures ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
        )
        .unwrap()
    };
    let copy = common::tamper(&ledger, &dir.path().join("forged"), |conn| {
        let mut body: Vec<u8> = conn
            .query_row("SELECT body FROM log WHERE seq = ?1", [seq], |r| r.get(0))
            .unwrap();
        // The signature is the last field: flip a bit of its last byte (keys are random:
        // setting it to a fixed value would sometimes change nothing).
        *body.last_mut().unwrap() ^= 1;
        let signature = body[body.len() - 64..].to_vec();
        conn.execute(
            "UPDATE log SET body = ?1 WHERE seq = ?2",
            rusqlite::params![body, seq],
        )
        .unwrap();
        conn.execute(
            "UPDATE signatures SET signature = ?1 WHERE seq = ?2",
            rusqlite::params![signature, seq],
        )
        .unwrap();
        common::rehash_from(conn, seq);
    });
    let o = py(&[copy.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let theirs = json(&o);
    let (code, ours) = common::verify_json(&copy, &[]);
    assert_eq!(code, Some(1));
    for v in [&ours, &theirs] {
        common::assert_kinds_exactly(v, &["bad-signature"]);
        assert_eq!(
            common::findings(v),
            vec![(seq, "bad-signature".to_string())]
        );
        let s = v["seals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["seq"] == seal)
            .unwrap();
        assert_eq!(s["valid"], false, "{s:#}");
    }
    assert_agree(&ours, &theirs, "forged signature");
}
