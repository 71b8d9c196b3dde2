//! The independent verifier `examples/verify_chain.py`, written from schema/CHAIN.md alone,
//! must agree with `amana verify`: same head on an intact ledger, a failure on a tampered one.
//! python3 is required (it is on every machine of this project, and .ci/run checks it).

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

use common::{Fixture, chain_md as enc, demo, ok, rehash_from};
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
    assert_eq!(
        warnings(ours),
        warnings(theirs),
        "{what}: the verifiers disagree on the warnings\nours: {ours:#}\ntheirs: {theirs:#}"
    );
}

/// The (seq, kind) of every warning, in the order reported (one per run: not deduplicated).
fn warnings(v: &Value) -> Vec<(i64, String)> {
    v["warnings"]
        .as_array()
        .expect("a warnings list")
        .iter()
        .map(|w| {
            (
                w["seq"].as_i64().unwrap(),
                w["kind"].as_str().unwrap().into(),
            )
        })
        .collect()
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

/// A private key file made by amana, in the fixture's folder.
fn key(fx: &Fixture, name: &str) -> String {
    let path = fx.dir.path().join(name);
    ok(fx.path(), &["key", "generate", path.to_str().unwrap()]);
    path.to_str().unwrap().to_string()
}

/// A ledger that uses every officers' decision, through the CLI: two founding officers (a, b),
/// a first seal, a third officer (c) approved by both (the policy of a new ledger: two), 2025
/// closed by a and b then reopened by a and c, a lock signed by a and later by b (`amana
/// sign`), a policy of three, the revocation of c, and a last seal.
struct Governed {
    fx: Fixture,
    keys: [String; 3],
}

fn seq_of_kind(ledger: &Path, kind: &str) -> i64 {
    seq_where(
        ledger,
        &format!("SELECT max(seq) FROM log WHERE kind = '{kind}'"),
    )
}

fn governed() -> Governed {
    let dir = tempfile::tempdir().unwrap();
    let fx = Fixture {
        ledger: dir.path().join("amana.db"),
        dir,
    };
    let l = fx.ledger.clone();
    let l = l.as_path();
    ok(
        l,
        &[
            "init",
            "--name",
            "Gov",
            "--currency",
            "MAD",
            "--chart",
            "generic",
        ],
    );
    let keys = [key(&fx, "a.pem"), key(&fx, "b.pem"), key(&fx, "c.pem")];
    let [a, b, c] = [&keys[0], &keys[1], &keys[2]].map(|k| k.as_str());
    let officer = |id: &str, role: &str, k: &str, approvers: &[&str]| {
        let public = format!("{k}.pub");
        let mut args = vec![
            "officer", "add", id, "--name", id, "--role", role, "--key", &public,
        ];
        for ap in approvers {
            args.extend(["--approve", ap]);
        }
        ok(l, &args);
    };
    let record = |date: &str, desc: &str, debit: &str, credit: &str| {
        ok(
            l,
            &[
                "record", "--date", date, "--desc", desc, "--post", debit, "--post", credit,
            ],
        );
    };
    officer("a", "treasurer", a, &[]);
    officer("b", "president", b, &[]);
    record("2025-03-01", "Cotisations", "1000 500", "4100");
    ok(
        l,
        &[
            "seal",
            "--month",
            "2025-03",
            "--bank",
            "1000=500@Relevé 1",
            "--sign",
            a,
        ],
    );
    officer("c", "auditor", c, &[a, b]);
    record("2025-06-01", "Loyer", "5000 200", "1000");
    ok(
        l,
        &[
            "close",
            "--year",
            "2025",
            "--restricted-account",
            "3100",
            "--unrestricted-account",
            "3000",
            "--sign",
            a,
            "--sign",
            b,
        ],
    );
    ok(
        l,
        &[
            "reopen",
            "--year",
            "2025",
            "--reason",
            "Facture reçue",
            "--sign",
            a,
            "--sign",
            c,
        ],
    );
    record("2025-12-15", "Facture tardive", "5000 50", "1000");
    ok(
        l,
        &[
            "lock",
            "--through",
            "2025-06-30",
            "--reason",
            "Semestre arrêté",
            "--sign",
            a,
        ],
    );
    let lock = seq_of_kind(l, "lock").to_string();
    ok(l, &["sign", &lock, "--key", b]);
    ok(l, &["policy", "--quorum", "3", "--sign", a, "--sign", b]);
    ok(
        l,
        &[
            "officer",
            "revoke",
            "c",
            "--reason",
            "Clé perdue",
            "--sign",
            a,
            "--sign",
            b,
        ],
    );
    ok(l, &["seal", "--sign", a, "--sign", b]);
    Governed { fx, keys }
}

/// Both verifiers on `ledger`: they agree on everything, with exit status `code`.
fn both(ledger: &Path, code: i32, what: &str) -> Value {
    let (ours_code, ours) = common::verify_json(ledger, &[]);
    let o = python_verify(ledger);
    assert_eq!(ours_code, Some(code), "{what}: amana: {ours:#}");
    assert_eq!(
        o.status.code(),
        Some(code),
        "{what}: verify_chain.py: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let theirs = json(&o);
    assert_agree(&ours, &theirs, what);
    ours
}

fn has(v: &Value, seq: i64, kind: &str, what: &str) {
    assert!(
        common::findings(v).contains(&(seq, kind.to_string())),
        "{what}: expected {kind} at {seq}: {:#}",
        v["problems"]
    );
}

/// The seq of the `n`th signature (from 0, in chain order) of the entry at `target`.
fn signature_of(ledger: &Path, target: i64, n: i64) -> i64 {
    seq_where(
        ledger,
        &format!(
            "SELECT seq FROM signatures WHERE seal = {target} ORDER BY seq LIMIT 1 OFFSET {n}"
        ),
    )
}

/// Flips a bit of the signature at `seq` (its last field) in the log and the signatures
/// table, and re-hashes the chain from there: a forged signature only the check of the
/// signature itself can catch.
fn forge_signature(conn: &rusqlite::Connection, seq: i64) {
    let mut body: Vec<u8> = conn
        .query_row("SELECT body FROM log WHERE seq = ?1", [seq], |r| r.get(0))
        .unwrap();
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
    rehash_from(conn, seq);
}

#[test]
fn both_verifiers_agree_on_a_ledger_governed_by_decisions() {
    let g = governed();
    let l = g.fx.path();
    let v = both(l, 0, "governed");
    // What is compared is not empty: three seals, signed.
    let seals = v["seals"].as_array().unwrap();
    assert_eq!(seals.len(), 3, "{seals:#?}");
    assert!(seals.iter().all(|s| s["valid"] == true), "{seals:#?}");
    // The revoked officer can no longer sign (amana refuses it): the ledger stays as it was.
    let last_seal = seq_of_kind(l, "seal").to_string();
    common::fails(l, &["sign", &last_seal, "--key", &g.keys[2]], 2);
    both(l, 0, "governed, after a refused signature");
}

#[test]
fn both_verifiers_find_the_same_forged_or_removed_decisions() {
    let g = governed();
    let l = g.fx.path();
    let dir = g.fx.dir.path();
    let closing = seq_of_kind(l, "year-closing");
    let reopen = seq_of_kind(l, "reopen");
    let lock = seq_of_kind(l, "lock");
    let last_seal = seq_of_kind(l, "seal");
    let approval = seq_where(l, "SELECT seq FROM officers WHERE id = 'c'");

    // b's signature of the closing forged: the closing lacks its second signature, so 2025
    // was never closed and its reopening names no closed year.
    let at = signature_of(l, closing, 1);
    let copy = common::tamper(l, &dir.join("forged-closing"), |c| forge_signature(c, at));
    let v = both(&copy, 1, "forged closing signature");
    has(&v, at, "bad-signature", "forged closing signature");
    has(&v, reopen, "rule-violation", "forged closing signature");

    // b's signature of the lock (made later, with `amana sign`) forged.
    let at = signature_of(l, lock, 1);
    let copy = common::tamper(l, &dir.join("forged-lock"), |c| forge_signature(c, at));
    let v = both(&copy, 1, "forged lock signature");
    has(&v, at, "bad-signature", "forged lock signature");

    // b's approval of c forged: c never had standing, so c's signature of the reopening is
    // not counted, 2025 stays closed, and the late invoice is in a locked period.
    let at = signature_of(l, approval, 1);
    let copy = common::tamper(l, &dir.join("forged-approval"), |c| forge_signature(c, at));
    let v = both(&copy, 1, "forged approval");
    has(&v, at, "bad-signature", "forged approval");
    has(
        &v,
        signature_of(l, reopen, 1),
        "rule-violation",
        "forged approval",
    );
    has(&v, reopen + 3, "rule-violation", "forged approval");

    // A signature by the revoked officer appended (the chain re-hashed): not in standing.
    // And b's signature of the last seal appended again: b already signed it (and is listed
    // once among its signers).
    let kinds = |k: &[&str]| -> Vec<String> { k.iter().map(|k| k.to_string()).collect() };
    for (name, officer, found) in [
        ("revoked-signer", b'c', kinds(&["rule-violation"])),
        (
            "signed-twice",
            b'b',
            kinds(&["projection-drift", "rule-violation"]),
        ),
    ] {
        let copy = common::tamper(l, &dir.join(name), |c| {
            append_signature_like_the_last(c, last_seal, officer)
        });
        let v = both(&copy, 1, name);
        let appended = seq_where(&copy, "SELECT max(seq) FROM log");
        assert_eq!(
            common::finding_set(&v),
            found.into_iter().map(|k| (appended, k)).collect::<Vec<_>>(),
            "{name}: {v:#}"
        );
        let signers = &v["seals"].as_array().unwrap().last().unwrap()["signed_by"];
        assert_eq!(signers, &serde_json::json!(["a", "b"]), "{name}: {v:#}");
    }

    // The lock removed from the log, and the chain re-linked over the gap: its signatures
    // now name nothing a signature can name.
    let copy = common::tamper(l, &dir.join("lock-removed"), |c| {
        c.execute("DELETE FROM log WHERE seq = ?1", [lock]).unwrap();
        rehash_from(c, lock + 1);
    });
    let v = both(&copy, 1, "lock removed");
    has(&v, lock, "deleted", "lock removed");
    has(
        &v,
        signature_of(l, lock, 0),
        "rule-violation",
        "lock removed",
    );

    // The policy of the new ledger edited from two to one, the chain re-hashed: the seals
    // no longer recompute, and with a quorum of one every decision is in effect earlier.
    let copy = common::tamper(l, &dir.join("policy-edited"), |c| {
        let mut body: Vec<u8> = c
            .query_row("SELECT body FROM log WHERE seq = 2", [], |r| r.get(0))
            .unwrap();
        assert_eq!(&body[6..17], b"\x01\x00\x00\x00\x06policy");
        assert_eq!(body[body.len() - 1], 2);
        *body.last_mut().unwrap() = 1;
        c.execute("UPDATE log SET body = ?1 WHERE seq = 2", [body])
            .unwrap();
        rehash_from(c, 2);
    });
    let v = both(&copy, 1, "policy edited");
    has(
        &v,
        seq_where(l, "SELECT min(seq) FROM seals"),
        "seal-mismatch",
        "policy edited",
    );
}

#[test]
fn both_verifiers_warn_alike_about_times() {
    let g = governed();
    let l = g.fx.path();
    let faketime = |at: &str, args: &[&str]| {
        let o = Command::new("faketime")
            .arg(at)
            .arg(assert_cmd::cargo::cargo_bin("amana"))
            .env_remove("AMANA_LEDGER")
            .env("AMANA_ACTOR", "test-treasurer")
            .env("TZ", "UTC")
            .arg("--ledger")
            .arg(l)
            .args(args)
            .output()
            .expect("faketime is installed (.ci/run installs it)");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    // Two entries from a clock ahead (one warning for the run), then one from the right clock
    // (back in time), then a seal of a period that has not ended yet.
    faketime(
        "2099-01-01 10:00:00",
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
    faketime(
        "2099-01-01 10:00:05",
        &[
            "record",
            "--date",
            "2026-01-06",
            "--desc",
            "y",
            "--post",
            "1000 10",
            "--post",
            "4000",
        ],
    );
    ok(
        l,
        &[
            "record",
            "--date",
            "2026-01-07",
            "--desc",
            "z",
            "--post",
            "1000 10",
            "--post",
            "4000",
        ],
    );
    let v = both(l, 0, "times");
    let first = seq_where(l, "SELECT min(seq) FROM entries WHERE date >= '2026-01-05'");
    assert_eq!(
        warnings(&v),
        [
            (first, "time-future".to_string()),
            (first + 2, "time-backwards".to_string())
        ],
        "{v:#}"
    );
    // A seal of January (unsigned) whose time is set back to the morning of January 31 (UTC),
    // before that day had ended anywhere, the chain re-hashed: warnings only, in both.
    ok(l, &["seal", "--month", "2026-01"]);
    let seal = seq_of_kind(l, "seal");
    let copy = common::tamper(l, &g.fx.dir.path().join("early"), |c| {
        let mut body: Vec<u8> = c
            .query_row("SELECT body FROM log WHERE seq = ?1", [seal], |r| r.get(0))
            .unwrap();
        // The header: magic (6 bytes), kind "seal" (9), seq (9), then the time's tag and value.
        assert_eq!(&body[6..15], b"\x01\x00\x00\x00\x04seal");
        let morning: i64 = 1_769_850_000 * 1_000_000; // 2026-01-31 09:00:00 UTC
        body[25..33].copy_from_slice(&morning.to_be_bytes());
        c.execute(
            "UPDATE log SET body = ?1 WHERE seq = ?2",
            rusqlite::params![body, seal],
        )
        .unwrap();
        rehash_from(c, seal);
    });
    let v = both(&copy, 0, "a seal recorded early");
    assert_eq!(
        warnings(&v),
        [
            (first, "time-future".to_string()),
            (first + 2, "time-backwards".to_string()),
            (seal, "time-backwards".to_string()),
            (seal, "closed-early".to_string())
        ],
        "{v:#}"
    );
}

/// Appends a copy of the last log entry, a signature of `seal` by officer b, as the next
/// entry, with the officer's one-byte id set to `officer` (the signature bytes kept), and
/// re-hashes it into the chain.
fn append_signature_like_the_last(c: &rusqlite::Connection, seal: i64, officer: u8) {
    let last: i64 = c
        .query_row("SELECT max(seq) FROM log", [], |r| r.get(0))
        .unwrap();
    let mut body: Vec<u8> = c
        .query_row("SELECT body FROM log WHERE seq = ?1", [last], |r| r.get(0))
        .unwrap();
    // A signature entry: the header's seq is bytes 21..29 (after the 6-byte magic and the
    // kind "signature"); the officer id "b", one byte, comes before the 64-byte signature and
    // its 5-byte tag and length.
    assert_eq!(&body[6..20], b"\x01\x00\x00\x00\x09signature");
    body[21..29].copy_from_slice(&(last + 1).to_be_bytes());
    let at = body.len() - 64 - 5 - 1;
    assert_eq!(body[at], b'b');
    body[at] = officer;
    let signature = body[body.len() - 64..].to_vec();
    c.execute(
        "INSERT INTO log (seq, kind, body, entry_hash, prev, chain) \
         VALUES (?1, 'signature', ?2, randomblob(32), randomblob(32), randomblob(32))",
        rusqlite::params![last + 1, body],
    )
    .unwrap();
    // (The table keeps one signature per seal and officer: a second one has no row there.)
    let _ = c.execute(
        "INSERT INTO signatures (seq, seal, officer, signature) VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![
            last + 1,
            seal,
            String::from_utf8(vec![officer]).unwrap(),
            signature
        ],
    );
    rehash_from(c, last + 1);
}

/// A ledger with settings (CHAIN.md `setting`, rule 23): both verifiers replay the kind and
/// compare the `settings` table alike, intact and edited.
#[test]
fn the_python_verifier_agrees_on_settings() {
    let fx = Fixture::new();
    {
        let mut ledger = amana::app::Ledger::open(fx.path(), "test-treasurer").unwrap();
        amana::app::settings::set(&mut ledger, "language", "fr").unwrap();
        amana::app::settings::set(&mut ledger, "timezone", "Africa/Casablanca").unwrap();
        amana::app::settings::set(&mut ledger, "language", "ar").unwrap();
    }
    let ours: Value =
        serde_json::from_str(&ok(fx.path(), &["verify", "--format", "json"])).unwrap();
    let o = python_verify(fx.path());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_agree(&ours, &json(&o), "settings");
    let copy = common::tamper(fx.path(), &fx.dir.path().join("edited"), |conn| {
        conn.execute("UPDATE settings SET value = 'en' WHERE value = 'ar'", [])
            .unwrap();
    });
    let (code, ours) = common::verify_json(&copy, &[]);
    assert_eq!(code, Some(1));
    let o = python_verify(&copy);
    assert_eq!(o.status.code(), Some(1));
    assert_agree(&ours, &json(&o), "an edited setting");
}

/// A ledger with organisation identifiers (CHAIN.md `funder-identifier`, rule 28, and the
/// `org-id` setting, rule 23): both verifiers replay them and compare the `funder_identifiers`
/// table alike, intact, edited, and with an entry that breaks rule 28 written behind amana's
/// back (a malformed identifier, a funder that does not exist).
#[test]
fn the_python_verifier_agrees_on_organisation_identifiers() {
    let fx = Fixture::new();
    {
        let mut ledger = amana::app::Ledger::open(fx.path(), "test-treasurer").unwrap();
        amana::app::settings::set(&mut ledger, "org-id", "XI-IATI-KHOTWA").unwrap();
        let cmm = amana::domain::FunderId::parse("CMM").unwrap();
        ledger.identify_funder(&cmm, "MA-COA-CMM").unwrap();
        ledger.identify_funder(&cmm, "MA-COA-CMM-2").unwrap();
    }
    let ours: Value =
        serde_json::from_str(&ok(fx.path(), &["verify", "--format", "json"])).unwrap();
    let o = python_verify(fx.path());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_agree(&ours, &json(&o), "organisation identifiers");
    let copy = common::tamper(fx.path(), &fx.dir.path().join("edited"), |conn| {
        conn.execute(
            "UPDATE funder_identifiers SET org_id = 'MA-COA-FAKE' WHERE org_id = 'MA-COA-CMM-2'",
            [],
        )
        .unwrap();
    });
    let (code, ours) = common::verify_json(&copy, &[]);
    assert_eq!(code, Some(1));
    let o = python_verify(&copy);
    assert_eq!(o.status.code(), Some(1));
    assert_agree(&ours, &json(&o), "an edited identifier");
    // Entries that break rule 28 (and rule 23's org-id), written and rehashed behind amana's
    // back: both verifiers report the same rule violations.
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    );
    let cases: [Row; 3] = [
        (
            "bad-shape",
            "funder-identifier",
            "CMM",
            "MA COA 1",
            "funder_identifiers",
        ),
        (
            "no-funder",
            "funder-identifier",
            "NOPE",
            "XM-DAC-918",
            "funder_identifiers",
        ),
        (
            "bad-setting",
            "setting",
            "org-id",
            "XM-DAC-9/18",
            "settings",
        ),
    ];
    for (name, kind, first, second, table) in cases {
        let copy = common::tamper(fx.path(), &fx.dir.path().join(name), |conn| {
            let last: i64 = conn
                .query_row("SELECT max(seq) FROM log", [], |r| r.get(0))
                .unwrap();
            let mut body = enc::header(kind, last + 1);
            enc::text(&mut body, first);
            enc::text(&mut body, second);
            conn.execute(
                "INSERT INTO log (seq, kind, body, entry_hash, prev, chain) \
                 VALUES (?1, ?2, ?3, randomblob(32), randomblob(32), randomblob(32))",
                rusqlite::params![last + 1, kind, body],
            )
            .unwrap();
            conn.execute(
                &format!("INSERT INTO {table} VALUES (?1, ?2, ?3)"),
                rusqlite::params![last + 1, first, second],
            )
            .unwrap();
            rehash_from(conn, last + 1);
        });
        let (code, ours) = common::verify_json(&copy, &[]);
        assert_eq!(code, Some(1), "{name}");
        assert!(
            common::findings(&ours)
                .iter()
                .any(|(_, k)| k == "rule-violation"),
            "{name}: {ours:#}"
        );
        let o = python_verify(&copy);
        assert_eq!(o.status.code(), Some(1), "{name}");
        assert_agree(&ours, &json(&o), name);
    }
}
