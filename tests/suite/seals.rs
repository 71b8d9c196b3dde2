//! Officers, seals, signatures, anchors, period closing, receipts and members' receipts, run
//! as the real binary on real files. The tamper tests of the audit issue are each a named test.

use crate::common;

use std::path::{Path, PathBuf};

use common::{
    Fixture, assert_finding, assert_kinds_exactly, fails, ok, run, snapshot, stdout, tamper_conn,
};
use rusqlite::Connection;
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// A ledger of 2025 with two officers, a closed and two-officer-signed 2025, a receipt, and a
/// 2026 transaction.
struct Sealed {
    fx: Fixture,
    treasurer: PathBuf,
    president: PathBuf,
    /// Fingerprint of the closing seal.
    closing_seal: String,
    /// entries:head published after the closing.
    anchor: String,
}

fn key(fx: &Fixture, name: &str) -> PathBuf {
    let path = fx.dir.path().join(name);
    ok(fx.path(), &["key", "generate", path.to_str().unwrap()]);
    path
}

fn pubkey(path: &Path) -> String {
    format!("{}.pub", path.display())
}

fn last_line(out: &str) -> String {
    out.lines().last().unwrap_or_default().trim().to_string()
}

fn head(ledger: &Path) -> String {
    let v = json(&ok(ledger, &["verify", "--format", "json"]));
    format!("{}:{}", v["entries"], v["head"].as_str().unwrap())
}

fn sealed() -> Sealed {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("amana.db");
    let fx = Fixture { dir, ledger };
    let l = fx.path();
    ok(
        l,
        &[
            "init",
            "--name",
            "Association Témoin",
            "--currency",
            "MAD",
            "--chart",
            "generic",
        ],
    );
    let treasurer = key(&fx, "tresoriere.pem");
    let president = key(&fx, "president.pem");
    ok(
        l,
        &[
            "officer",
            "add",
            "fatima",
            "--name",
            "Fatima Zahra",
            "--role",
            "treasurer",
            "--key",
            &pubkey(&treasurer),
        ],
    );
    ok(
        l,
        &[
            "officer",
            "add",
            "ahmed",
            "--name",
            "Ahmed",
            "--role",
            "president",
            "--key",
            &pubkey(&president),
        ],
    );
    ok(
        l,
        &[
            "funder",
            "add",
            "CMM",
            "--name",
            "Conseil",
            "--type",
            "public-local",
        ],
    );
    ok(
        l,
        &[
            "grant",
            "add",
            "CMM-2025",
            "--funder",
            "CMM",
            "--amount",
            "50000",
            "--start",
            "2025-01-01",
            "--end",
            "2025-12-31",
        ],
    );
    ok(
        l,
        &[
            "grant",
            "budget",
            "CMM-2025",
            "training",
            "--amount",
            "20000",
            "--label",
            "Formation",
        ],
    );
    ok(
        l,
        &[
            "funder", "add", "MEM", "--name", "Membres", "--type", "members",
        ],
    );
    ok(
        l,
        &[
            "grant",
            "add",
            "FREE",
            "--funder",
            "MEM",
            "--amount",
            "0",
            "--start",
            "2025-01-01",
            "--end",
            "2026-12-31",
            "--unrestricted",
        ],
    );
    ok(
        l,
        &[
            "record",
            "--date",
            "2025-02-01",
            "--desc",
            "Subvention CMM",
            "--post",
            "1010 50000",
            "--post",
            "4200 -50000 grant=CMM-2025",
        ],
    );
    let invoice = fx.file(
        "facture-0301.txt",
        b"Facture 0301: salle et pauses-cafe, 4500.00 MAD\n",
    );
    ok(
        l,
        &[
            "record",
            "--date",
            "2025-03-01",
            "--desc",
            "Formation",
            "--post",
            "5100 4500 grant=CMM-2025 line=training",
            "--post",
            "1010",
            "--receipt",
            invoice.to_str().unwrap(),
        ],
    );
    ok(
        l,
        &[
            "record",
            "--date",
            "2025-04-01",
            "--desc",
            "Cotisations",
            "--post",
            "1000 600",
            "--post",
            "4100 -600",
        ],
    );
    ok(
        l,
        &[
            "record",
            "--date",
            "2025-05-01",
            "--desc",
            "Loyer",
            "--post",
            "6100 1200",
            "--post",
            "1010",
        ],
    );
    let out = ok(
        l,
        &[
            "close",
            "--year",
            "2025",
            "--sign",
            treasurer.to_str().unwrap(),
            "--sign",
            president.to_str().unwrap(),
        ],
    );
    let closing_seal = last_line(&out);
    let anchor = head(l);
    ok(
        l,
        &[
            "record",
            "--date",
            "2026-01-10",
            "--desc",
            "Cotisations 2026",
            "--post",
            "1000 200",
            "--post",
            "4100 -200",
        ],
    );
    Sealed {
        fx,
        treasurer,
        president,
        closing_seal,
        anchor,
    }
}

/// A copy of the ledger (and its receipt store) for tampering, through [`tamper_conn`], which
/// puts the triggers back after each edit.
fn tampered_copy(s: &Sealed, name: &str) -> PathBuf {
    common::tamper_copy(s.fx.path(), &s.fx.dir.path().join(name))
}

/// Verify must fail, and for what was tampered with, not for the schema (the triggers are back).
fn verify_fails(ledger: &Path, extra: &[&str]) -> Value {
    let (code, v) = common::verify_json(ledger, extra);
    assert_eq!(code, Some(1), "verify should fail: {v:#}");
    assert!(!has_kind(&v, "schema-altered"), "{:#}", v["problems"]);
    v
}

/// The seq of the first row `sql` (one integer column) returns from `ledger`.
fn seq_of(ledger: &Path, sql: &str) -> i64 {
    Connection::open(ledger)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn has_kind(v: &Value, kind: &str) -> bool {
    v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["kind"] == kind)
}

fn assert_kind(v: &Value, kind: &str) {
    assert!(has_kind(v, kind), "expected {kind}: {:#}", v["problems"]);
}

fn base() -> amana::domain::Currency {
    amana::domain::Currency {
        code: "MAD".into(),
        exponent: 2,
    }
}

// ---------------------------------------------------------------- the happy paths

#[test]
fn a_sealed_and_closed_ledger_verifies_with_its_coverage() {
    let s = sealed();
    let v = json(&ok(
        s.fx.path(),
        &["verify", "--format", "json", "--anchor", &s.anchor],
    ));
    assert_eq!(v["ok"], true, "{v:#}");
    let seals = v["seals"].as_array().unwrap();
    assert_eq!(seals.len(), 1);
    assert_eq!(seals[0]["fingerprint"], s.closing_seal);
    assert_eq!(
        seals[0]["signed_by"],
        serde_json::json!(["fatima", "ahmed"])
    );
    assert_eq!(seals[0]["period_end"], "2025-12-31");
    assert!(v["signed_through"].as_i64().unwrap() > 0);
    assert_eq!(
        v["anchored_through"].as_i64().unwrap(),
        s.anchor.split(':').next().unwrap().parse::<i64>().unwrap()
    );
    assert_eq!(
        v["unanchored"], 1,
        "the 2026 transaction is not vouched for yet"
    );
    let text = ok(s.fx.path(), &["verify"]);
    assert!(text.contains("signed by fatima, ahmed"), "{text}");
    assert!(
        text.contains("Not yet vouched for: the last 1 entries"),
        "{text}"
    );
}

#[test]
fn closing_holds_unspent_restricted_money_in_dedicated_funds_and_carries_the_rest() {
    let s = sealed();
    let journal = json(&ok(s.fx.path(), &["journal", "--format", "json"]));
    let closing = journal["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "closing")
        .unwrap()
        .clone();
    assert_eq!(closing["date"], "2025-12-31");
    let postings: Vec<(String, String)> = closing["postings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["account"].as_str().unwrap().into(),
                p["amount"].as_str().unwrap().into(),
            )
        })
        .collect();
    // Income 4100 (-600) and 4200 (-50000, restricted grant), expenses 5100 (4500, restricted)
    // and 6100 (1200): the grant's 45500 received and not spent were charged to dedicated funds
    // (6950, by the entry before), and the association's own deficit of 600 goes to 3900.
    assert_eq!(
        postings,
        vec![
            ("4100".into(), "600.00".into()),
            ("4200".into(), "50000.00".into()),
            ("5100".into(), "-4500.00".into()),
            ("6100".into(), "-1200.00".into()),
            ("6950".into(), "-45500.00".into()),
            ("3900".into(), "600.00".into()),
        ]
    );
    let carry = journal["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"].as_i64() == closing["id"].as_i64().map(|id| id - 1))
        .unwrap();
    let carried: Vec<(&str, &str, &str)> = carry["postings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["account"].as_str().unwrap(),
                p["amount"].as_str().unwrap(),
                p["grant"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        carried,
        vec![
            ("6950", "45500.00", "CMM-2025"),
            ("2500", "-45500.00", "CMM-2025")
        ]
    );
    let bal = json(&ok(
        s.fx.path(),
        &["balance", "--as-of", "2025-12-31", "--format", "json"],
    ));
    let income_expense: Vec<&Value> = bal["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["type"] == "income" || a["type"] == "expense")
        .collect();
    assert!(
        income_expense.iter().all(|a| a["balance"] == "0.00"),
        "{income_expense:?}"
    );
}

#[test]
fn a_closed_year_refuses_new_entries_with_a_way_out() {
    let s = sealed();
    let before = snapshot(s.fx.path());
    let err = fails(
        s.fx.path(),
        &[
            "record",
            "--date",
            "2025-06-01",
            "--desc",
            "oubli",
            "--post",
            "6100 10",
            "--post",
            "1010",
        ],
        2,
    );
    assert!(
        err.contains("locked through 2025-12-31")
            && err.contains("amana reverse")
            && err.contains("amana reopen"),
        "{err}"
    );
    let csv = s.fx.file("late.csv", b"txn,date,description,account,amount\n1,2025-12-15,oubli,6100,10\n1,2025-12-15,,1010,-10\n");
    let err = fails(s.fx.path(), &["import", csv.to_str().unwrap()], 2);
    assert!(
        err.contains("late.csv:2: column date: \"2025-12-15\""),
        "{err}"
    );
    let err = fails(s.fx.path(), &["close", "--year", "2025"], 2);
    assert!(err.contains("already closed"), "{err}");
    // A correction dated in the open period is the way.
    assert_eq!(before, snapshot(s.fx.path()));
    ok(
        s.fx.path(),
        &[
            "reverse",
            "4",
            "--date",
            "2026-01-15",
            "--reason",
            "loyer en double",
        ],
    );
    for year_end in ["5", "6"] {
        let err = fails(
            s.fx.path(),
            &["reverse", year_end, "--date", "2026-01-16", "--reason", "x"],
            2,
        );
        assert!(err.contains("never reversed"), "{err}");
    }
}

#[test]
fn a_year_that_has_not_ended_cannot_be_closed() {
    let s = sealed();
    let err = fails(s.fx.path(), &["close", "--year", "2999"], 2);
    assert!(
        err.contains("can be closed from the day after it ends"),
        "{err}"
    );
}

#[test]
fn monthly_seals_lock_nothing_a_signed_lock_does_and_the_fingerprint_prints_last() {
    let s = sealed();
    let out = ok(
        s.fx.path(),
        &[
            "seal",
            "--month",
            "2026-02",
            "--sign",
            s.treasurer.to_str().unwrap(),
        ],
    );
    let fp = last_line(&out);
    assert_eq!(fp.len(), 19, "{out}");
    assert!(out.contains("period ending 2026-02-28"), "{out}");
    // A seal locks nothing: adjustments dated in the month stay possible.
    let record = |date: &str| {
        run(
            s.fx.path(),
            &[
                "record",
                "--date",
                date,
                "--desc",
                "après coup",
                "--post",
                "1000 5",
                "--post",
                "4100",
            ],
        )
    };
    assert!(record("2026-02-14").status.success());
    // A lock is the officers' decision: with the policy of two, it waits for the second.
    let out = ok(
        s.fx.path(),
        &[
            "lock",
            "--through",
            "2026-02-28",
            "--reason",
            "Comptes de février arrêtés",
            "--sign",
            s.treasurer.to_str().unwrap(),
        ],
    );
    assert!(out.contains("takes effect once 1 more officer"), "{out}");
    let lock_seq = out
        .split("chain entry ")
        .nth(1)
        .and_then(|t| t.split(')').next())
        .unwrap()
        .to_string();
    assert!(record("2026-02-15").status.success());
    let out = ok(
        s.fx.path(),
        &["sign", &lock_seq, "--key", s.president.to_str().unwrap()],
    );
    assert!(out.contains("It is in effect"), "{out}");
    let o = record("2026-02-16");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        common::stderr(&o).contains("locked through 2026-02-28"),
        "{}",
        common::stderr(&o)
    );
    assert!(record("2026-03-01").status.success());
    let out = ok(
        s.fx.path(),
        &["sign", &fp, "--key", s.president.to_str().unwrap()],
    );
    assert_eq!(last_line(&out), fp);
    let v = json(&ok(s.fx.path(), &["verify", "--format", "json"]));
    let seal = v["seals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["fingerprint"] == fp)
        .unwrap()
        .clone();
    assert_eq!(seal["signed_by"], serde_json::json!(["fatima", "ahmed"]));
}

#[test]
fn bank_balances_must_agree_with_the_books() {
    let s = sealed();
    let before = snapshot(s.fx.path());
    let err = fails(
        s.fx.path(),
        &["seal", "--bank", "1010=1.00@Relevé 01/2026"],
        2,
    );
    assert!(err.contains("the statement Relevé 01/2026 gives 1.00 MAD for account 1010, but the books say 44300.00"), "{err}");
    assert_eq!(before, snapshot(s.fx.path()));
    let out = ok(
        s.fx.path(),
        &["seal", "--bank", "1010=44300.00@Relevé 01/2026"],
    );
    assert!(out.contains("Not signed yet"), "{out}");
    let log = json(&ok(
        s.fx.path(),
        &["log", "--kind", "seal", "--format", "json"],
    ));
    let last = log["entries"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["content"]["banks"][0]["statement"], "Relevé 01/2026");
}

#[test]
fn bad_keys_and_unknown_officers_are_refused() {
    let s = sealed();
    let before = snapshot(s.fx.path());
    let stranger = key(&s.fx, "stranger.pem");
    let err = fails(
        s.fx.path(),
        &["seal", "--sign", stranger.to_str().unwrap()],
        2,
    );
    assert!(err.contains("belongs to no registered officer"), "{err}");
    let not_a_key = s.fx.file("notes.pem", b"hello");
    let err = fails(
        s.fx.path(),
        &["seal", "--sign", not_a_key.to_str().unwrap()],
        2,
    );
    assert!(err.contains("not an Ed25519 private key"), "{err}");
    let err = fails(
        s.fx.path(),
        &[
            "sign",
            &s.closing_seal,
            "--key",
            s.treasurer.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("already signed"), "{err}");
    let err = fails(
        s.fx.path(),
        &[
            "sign",
            "ZZZZ-ZZZZ-ZZZZ-ZZZZ",
            "--key",
            s.treasurer.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("no seal ZZZZ-ZZZZ-ZZZZ-ZZZZ"), "{err}");
    let err = fails(
        s.fx.path(),
        &[
            "officer",
            "add",
            "fatima2",
            "--name",
            "X",
            "--role",
            "auditor",
            "--key",
            &pubkey(&s.treasurer),
        ],
        2,
    );
    assert!(err.contains("already officer fatima's"), "{err}");
    let err = fails(
        s.fx.path(),
        &[
            "officer",
            "add",
            "x",
            "--name",
            "X",
            "--role",
            "king",
            "--key",
            &pubkey(&stranger),
        ],
        2,
    );
    assert!(err.contains("officer role"), "{err}");
    assert_eq!(before, snapshot(s.fx.path()));
    let err = fails(
        s.fx.path(),
        &["key", "generate", s.treasurer.to_str().unwrap()],
        2,
    );
    assert!(err.contains("never overwrites"), "{err}");
}

#[test]
fn anchors_are_checked_and_a_malformed_anchor_is_a_usage_error() {
    let s = sealed();
    ok(s.fx.path(), &["verify", "--anchor", &s.anchor]);
    let err = fails(s.fx.path(), &["verify", "--anchor", "12:abc"], 2);
    assert!(err.contains("ENTRIES:HEAD"), "{err}");
    let (n, _) = s.anchor.split_once(':').unwrap();
    let wrong = format!("{n}:{}", "0".repeat(64));
    let v = verify_fails(s.fx.path(), &["--anchor", &wrong]);
    assert_kind(&v, "rewritten");
    let v = verify_fails(
        s.fx.path(),
        &["--anchor", &format!("99999:{}", "0".repeat(64))],
    );
    assert_kind(&v, "rolled-back");
}

#[test]
fn receipts_are_kept_by_hash_and_shown() {
    let s = sealed();
    let out = ok(s.fx.path(), &["receipt", "show", "2"]);
    assert!(
        out.contains("facture-0301.txt") && out.contains("present, intact"),
        "{out}"
    );
    let extra = s.fx.file("bon.txt", b"bon de commande");
    ok(
        s.fx.path(),
        &["receipt", "attach", "7", extra.to_str().unwrap()],
    );
    assert!(ok(s.fx.path(), &["receipt", "show", "7"]).contains("bon.txt"));
    let missing = s.fx.dir.path().join("nowhere.pdf");
    let before = snapshot(s.fx.path());
    fails(
        s.fx.path(),
        &["receipt", "attach", "7", missing.to_str().unwrap()],
        2,
    );
    fails(
        s.fx.path(),
        &["receipt", "attach", "999", extra.to_str().unwrap()],
        2,
    );
    assert_eq!(before, snapshot(s.fx.path()));
}

#[test]
fn import_takes_receipts_from_a_column() {
    let s = sealed();
    s.fx.file("ticket-1.txt", b"ticket de caisse 1");
    let csv = s.fx.file("fev.csv", b"txn,date,description,account,amount,receipt\n1,2026-02-03,Fournitures,6100,35,ticket-1.txt\n1,2026-02-03,,1000,-35,\n");
    ok(s.fx.path(), &["import", csv.to_str().unwrap()]);
    let out = ok(s.fx.path(), &["receipt", "show", "8"]);
    assert!(
        out.contains("ticket-1.txt") && out.contains("intact"),
        "{out}"
    );
    let bad = s.fx.file("fev2.csv", b"txn,date,description,account,amount,receipt\n1,2026-02-04,X,6100,35,absent.pdf\n1,2026-02-04,,1000,-35,\n");
    let err = fails(s.fx.path(), &["import", bad.to_str().unwrap()], 2);
    assert!(
        err.contains("fev2.csv:2: column receipt: \"absent.pdf\": no such file"),
        "{err}"
    );
}

#[test]
fn a_member_can_check_a_receipt_offline() {
    let s = sealed();
    let out_file = s.fx.dir.path().join("recu.json");
    let out = ok(
        s.fx.path(),
        &[
            "receipt",
            "member",
            "3",
            "--out",
            out_file.to_str().unwrap(),
        ],
    );
    assert!(out.contains(&s.closing_seal), "{out}");
    // No ledger needed: a path that does not exist is fine.
    let nowhere = s.fx.dir.path().join("no-ledger.db");
    let check = ok(
        &nowhere,
        &[
            "verify-receipt",
            out_file.to_str().unwrap(),
            "--seal",
            &s.closing_seal.to_lowercase(),
        ],
    );
    assert!(
        check.contains("OK: 600.00 MAD on 2025-04-01")
            && check.contains("Fatima Zahra (treasurer, fatima)"),
        "{check}"
    );
    fails(
        &nowhere,
        &[
            "verify-receipt",
            out_file.to_str().unwrap(),
            "--seal",
            "ZZZZ-ZZZZ-ZZZZ-ZZZZ",
        ],
        1,
    );
    // A receipt whose amount was changed by hand no longer checks.
    let mut r = json(&std::fs::read_to_string(&out_file).unwrap());
    r["amount"] = Value::from("6000.00");
    let forged =
        s.fx.file("forged.json", serde_json::to_string(&r).unwrap().as_bytes());
    fails(
        &nowhere,
        &[
            "verify-receipt",
            forged.to_str().unwrap(),
            "--seal",
            &s.closing_seal,
        ],
        1,
    );
    // One with a proof for another entry neither.
    let mut r = json(&std::fs::read_to_string(&out_file).unwrap());
    r["seq"] = Value::from(r["seq"].as_i64().unwrap() - 1);
    let forged = s.fx.file(
        "forged2.json",
        serde_json::to_string(&r).unwrap().as_bytes(),
    );
    fails(
        &nowhere,
        &[
            "verify-receipt",
            forged.to_str().unwrap(),
            "--seal",
            &s.closing_seal,
        ],
        1,
    );
    // A transaction after the last seal has no proof yet.
    let out = ok(
        s.fx.path(),
        &[
            "receipt",
            "member",
            "7",
            "--out",
            s.fx.dir.path().join("r7.json").to_str().unwrap(),
        ],
    );
    assert!(out.contains("No seal covers this transaction yet"), "{out}");
}

#[test]
fn an_audit_bundle_verifies_without_the_database() {
    let s = sealed();
    let dir = s.fx.dir.path().join("bundle");
    let out = ok(s.fx.path(), &["export", "audit", dir.to_str().unwrap()]);
    assert!(out.contains("2 officers, 1 seals, 1 receipts"), "{out}");
    for f in [
        "chain.jsonl",
        "officers.json",
        "seals.json",
        "ledger.json",
        "README.txt",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let nowhere = s.fx.dir.path().join("no-ledger.db");
    let v = json(&ok(
        &nowhere,
        &[
            "verify",
            "--bundle",
            dir.to_str().unwrap(),
            "--format",
            "json",
            "--anchor",
            &s.anchor,
        ],
    ));
    assert_eq!(v["ok"], true, "{v:#}");
    assert_eq!(
        v["seals"][0]["signed_by"],
        serde_json::json!(["fatima", "ahmed"])
    );
    fails(s.fx.path(), &["export", "audit", dir.to_str().unwrap()], 2);
    // A bundle whose receipt was altered, or whose chain was edited, fails.
    let store = dir.join("receipts");
    let file = walk(&store).into_iter().next().unwrap();
    std::fs::write(&file, b"altered").unwrap();
    let o = run(
        &nowhere,
        &[
            "verify",
            "--bundle",
            dir.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(has_kind(&json(&stdout(&o)), "receipt-altered"));
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}

// ---------------------------------------------------------------- the tamper suite

#[test]
fn tamper_edit_one_field_of_any_entry() {
    let s = sealed();
    let copy = tampered_copy(&s, "edit-field");
    let conn = tamper_conn(&copy);
    // The description of transaction 3, inside its body: "Cotisations" → "Cotisationz".
    let seq: i64 = conn
        .query_row("SELECT seq FROM entries WHERE id = 3", [], |r| r.get(0))
        .unwrap();
    conn.execute("UPDATE log SET body = CAST(replace(CAST(body AS TEXT), 'Cotisations', 'Cotisationz') AS BLOB) WHERE seq = ?1", [seq]).unwrap();
    drop(conn);
    let v = verify_fails(&copy, &[]);
    assert_finding(&v, "content-modified", seq, "altered after it was written");
}

#[test]
fn tamper_delete_the_last_entry() {
    let s = sealed();
    let copy = tampered_copy(&s, "delete-last");
    let conn = tamper_conn(&copy);
    conn.execute_batch(
        "DELETE FROM postings WHERE entry_id = (SELECT max(id) FROM entries);
        DELETE FROM entries WHERE id = (SELECT max(id) FROM entries);
        DELETE FROM log WHERE seq = (SELECT max(seq) FROM log);",
    )
    .unwrap();
    common::resum_year_totals(&conn);
    drop(conn);
    // Consistent on its own; the head the auditor kept catches it.
    let later = {
        let v = json(&ok(s.fx.path(), &["verify", "--format", "json"]));
        format!("{}:{}", v["entries"], v["head"].as_str().unwrap())
    };
    let v = verify_fails(&copy, &["--anchor", &later]);
    let anchored: i64 = later.split(':').next().unwrap().parse().unwrap();
    assert_kinds_exactly(&v, &["rolled-back"]);
    assert_finding(&v, "rolled-back", anchored, "truncated or rolled back");
}

#[test]
fn tamper_delete_a_middle_entry() {
    let s = sealed();
    let copy = tampered_copy(&s, "delete-middle");
    tamper_conn(&copy)
        .execute("DELETE FROM log WHERE seq = 70", [])
        .unwrap();
    let v = verify_fails(&copy, &[]);
    assert_finding(&v, "deleted", 70, "entry 70 is missing");
}

#[test]
fn tamper_insert_an_entry() {
    let s = sealed();
    let copy = tampered_copy(&s, "insert");
    let conn = tamper_conn(&copy);
    // Shift the end of the chain by one and slip a copy of an entry in.
    conn.execute_batch("UPDATE log SET seq = seq + 1000 WHERE seq >= 70; UPDATE log SET seq = seq - 999 WHERE seq >= 1070;
        INSERT INTO log SELECT 70, kind, body, entry_hash, randomblob(32), randomblob(32) FROM log WHERE seq = 69;").unwrap();
    drop(conn);
    let v = verify_fails(&copy, &[]);
    assert_finding(&v, "reordered", 70, "holds the entry recorded as number 69");
    assert_finding(&v, "link-broken", 70, "");
}

#[test]
fn tamper_swap_two_entries() {
    let s = sealed();
    let copy = tampered_copy(&s, "swap");
    tamper_conn(&copy).execute_batch(
        "UPDATE log SET seq = -1 WHERE seq = 66; UPDATE log SET seq = 66 WHERE seq = 67; UPDATE log SET seq = 67 WHERE seq = -1;").unwrap();
    let v = verify_fails(&copy, &[]);
    assert_finding(&v, "reordered", 66, "holds the entry recorded as number 67");
    assert_finding(&v, "reordered", 67, "holds the entry recorded as number 66");
}

#[test]
fn tamper_truncate_to_an_earlier_head_after_a_seal_was_published() {
    let s = sealed();
    let published = head(s.fx.path());
    let copy = tampered_copy(&s, "truncate");
    let conn = tamper_conn(&copy);
    // Cut the chain back to just before the closing (its carry to dedicated funds first), rows
    // and all: a consistent older ledger.
    let closing_seq: i64 = conn
        .query_row("SELECT min(seq) FROM year_ends", [], |r| r.get(0))
        .unwrap();
    conn.execute_batch(&format!(
        "DELETE FROM postings WHERE entry_id IN (SELECT id FROM entries WHERE seq >= {closing_seq});
         DELETE FROM entries WHERE seq >= {closing_seq};
         DELETE FROM year_ends; DELETE FROM seals; DELETE FROM seal_balances; DELETE FROM seal_grants;
         DELETE FROM seal_banks; DELETE FROM signatures;
         DELETE FROM log WHERE seq >= {closing_seq};")).unwrap();
    common::resum_year_totals(&conn);
    drop(conn);
    common::restore_triggers(s.fx.path(), &copy);
    let plain = run(&copy, &["verify"]);
    assert_eq!(
        plain.status.code(),
        Some(0),
        "without the published head, a cut chain is consistent"
    );
    for anchor in [&published, &s.anchor] {
        let v = verify_fails(&copy, &["--anchor", anchor]);
        let anchored: i64 = anchor.split(':').next().unwrap().parse().unwrap();
        assert_kinds_exactly(&v, &["rolled-back"]);
        assert_finding(&v, "rolled-back", anchored, "");
    }
}

#[test]
fn tamper_recompute_the_whole_chain_after_changing_one_amount() {
    let s = sealed();
    let copy = tampered_copy(&s, "recompute");
    let conn = tamper_conn(&copy);
    // Transaction 4 (rent, 1200.00) becomes 120.00 in the chain and in the tables.
    let seq: i64 = conn
        .query_row("SELECT seq FROM entries WHERE id = 4", [], |r| r.get(0))
        .unwrap();
    let body: Vec<u8> = conn
        .query_row("SELECT body FROM log WHERE seq = ?1", [seq], |r| r.get(0))
        .unwrap();
    let mut entry = amana::chain::ChainEntry::decode(&body, Some(&base())).unwrap();
    if let amana::chain::Record::Entry(e) = &mut entry.record {
        let mut p = e.postings().to_vec();
        p[0].amount.0 = 12000;
        p[1].amount.0 = -12000;
        *e = amana::domain::Entry::new(e.header.clone(), p, &base()).unwrap();
    }
    conn.execute(
        "UPDATE log SET body = ?1 WHERE seq = ?2",
        rusqlite::params![entry.encode(), seq],
    )
    .unwrap();
    conn.execute_batch("UPDATE postings SET amount = 12000 WHERE entry_id = 4 AND idx = 0; UPDATE postings SET amount = -12000 WHERE entry_id = 4 AND idx = 1;").unwrap();
    common::rehash_from(&conn, seq);
    drop(conn);
    let anchored: i64 = s.anchor.split(':').next().unwrap().parse().unwrap();
    let next_seal = seq_of(
        &copy,
        &format!("SELECT min(seq) FROM seals WHERE seq > {seq}"),
    );
    let v = verify_fails(&copy, &["--anchor", &s.anchor]);
    assert_finding(&v, "rewritten", anchored, "was rewritten");
    assert_finding(&v, "seal-mismatch", next_seal, "");
    // Even without the anchor, the seal catches it; the hashes themselves are consistent.
    let v = verify_fails(&copy, &[]);
    assert_finding(&v, "seal-mismatch", next_seal, "");
    assert!(
        !has_kind(&v, "content-modified") && !has_kind(&v, "link-broken"),
        "{:#}",
        v["problems"]
    );
}

#[test]
fn tamper_recompute_the_chain_and_the_seal_too() {
    // The forger also rebuilds the seal's content (root, head, balances): only the signatures,
    // made with keys the forger does not have, give it away.
    let s = sealed();
    let copy = tampered_copy(&s, "recompute-seal");
    let conn = tamper_conn(&copy);
    let seq: i64 = conn
        .query_row("SELECT seq FROM entries WHERE id = 4", [], |r| r.get(0))
        .unwrap();
    let rows: Vec<(i64, Vec<u8>)> = conn
        .prepare("SELECT seq, body FROM log ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut book = amana::rules::Book::new();
    let mut prev = [0u8; 32];
    for (s_, body) in rows {
        let mut entry = amana::chain::ChainEntry::decode(&body, Some(&base())).unwrap();
        match &mut entry.record {
            amana::chain::Record::Entry(e) if s_ == seq => {
                let mut p = e.postings().to_vec();
                p[0].amount.0 = 12000;
                p[1].amount.0 = -12000;
                *e = amana::domain::Entry::new(e.header.clone(), p, &base()).unwrap();
            }
            amana::chain::Record::Entry(e) if !e.header.kind.is_recorded_flow() => {
                use amana::domain::{ClosingForm, EntryKind};
                let p = match e.header.kind.clone() {
                    EntryKind::Closing {
                        year,
                        form:
                            ClosingForm::Restricted {
                                restricted_account,
                                unrestricted_account,
                            },
                        ..
                    } => book
                        .closing_postings(year, &restricted_account, &unrestricted_account)
                        .unwrap(),
                    EntryKind::Closing {
                        year,
                        form:
                            ClosingForm::Funds {
                                surplus_account,
                                deficit_account,
                                dedicated_account,
                            },
                        ..
                    } => {
                        book.year_closing_postings(
                            year,
                            &surplus_account,
                            &deficit_account,
                            &dedicated_account,
                        )
                        .unwrap()
                        .0
                    }
                    EntryKind::DedicatedFunds {
                        year,
                        dedicated_account,
                        charge_account,
                        release_account,
                        ..
                    } => book
                        .dedicated_funds_postings(
                            year,
                            &dedicated_account,
                            &charge_account,
                            &release_account,
                        )
                        .unwrap(),
                    _ => e.postings().to_vec(),
                };
                *e = amana::domain::Entry::new(e.header.clone(), p, &base()).unwrap();
            }
            amana::chain::Record::Seal(seal) => {
                *seal = book
                    .seal_content(seal.period_end, seal.banks.clone())
                    .unwrap();
            }
            _ => {}
        }
        // An entry the forger's book refuses (a signature that no longer verifies) is skipped,
        // as verify does, so the book stays in step with the chain.
        if book.admit(&entry, None).is_err() {
            book.skip(Some(&entry), entry.record.kind());
        }
        let body = entry.encode();
        let eh = amana::chain::entry_hash(&body);
        let ch = amana::chain::chain_hash(s_, &prev, &eh);
        book.appended(s_, &eh, &ch);
        conn.execute(
            "UPDATE log SET body = ?1, entry_hash = ?2, prev = ?3, chain = ?4 WHERE seq = ?5",
            rusqlite::params![body, eh.as_slice(), prev.as_slice(), ch.as_slice(), s_],
        )
        .unwrap();
        prev = ch;
    }
    drop(conn);
    let v = verify_fails(&copy, &[]);
    // Every signature of a seal after the change fails, at the signature's own entry.
    let first_sig = seq_of(
        &copy,
        &format!("SELECT min(seq) FROM signatures WHERE seal > {seq}"),
    );
    assert_finding(&v, "bad-signature", first_sig, "");
    assert!(
        !has_kind(&v, "seal-mismatch"),
        "the forged seal recomputes: {:#}",
        v["problems"]
    );
}

#[test]
fn tamper_replace_an_officers_public_key() {
    let s = sealed();
    let copy = tampered_copy(&s, "replace-key");
    let conn = tamper_conn(&copy);
    let seq: i64 = conn
        .query_row("SELECT seq FROM officers WHERE id = 'ahmed'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let body: Vec<u8> = conn
        .query_row("SELECT body FROM log WHERE seq = ?1", [seq], |r| r.get(0))
        .unwrap();
    let mut entry = amana::chain::ChainEntry::decode(&body, Some(&base())).unwrap();
    let forger =
        amana::files::keys::PrivateKey::generate(&s.fx.dir.path().join("forger.pem")).unwrap();
    if let amana::chain::Record::Officer(o) = &mut entry.record {
        o.public_key = forger.public_key();
    }
    conn.execute(
        "UPDATE log SET body = ?1 WHERE seq = ?2",
        rusqlite::params![entry.encode(), seq],
    )
    .unwrap();
    conn.execute(
        "UPDATE officers SET public_key = ?1 WHERE id = 'ahmed'",
        [forger.public_key().as_slice()],
    )
    .unwrap();
    common::rehash_from(&conn, seq);
    drop(conn);
    // The seals after it no longer recompute (their Merkle roots covered the real key), and a
    // forger who rebuilt them could not re-sign them with the treasurer's key.
    let next_seal = seq_of(
        &copy,
        &format!("SELECT min(seq) FROM seals WHERE seq > {seq}"),
    );
    let v = verify_fails(&copy, &[]);
    assert_finding(&v, "seal-mismatch", next_seal, "");
    let v = verify_fails(&copy, &["--anchor", &s.anchor]);
    let anchored: i64 = s.anchor.split(':').next().unwrap().parse().unwrap();
    assert_finding(&v, "rewritten", anchored, "");
}

#[test]
fn tamper_forge_a_seal_without_the_private_key() {
    let s = sealed();
    let copy = tampered_copy(&s, "forge-seal");
    let conn = tamper_conn(&copy);
    // Replace the treasurer's signature by one from another key.
    let forger =
        amana::files::keys::PrivateKey::generate(&s.fx.dir.path().join("forger2.pem")).unwrap();
    let (sig_seq, seal_seq): (i64, i64) = conn
        .query_row(
            "SELECT seq, seal FROM signatures WHERE officer = 'fatima' AND seal IN (SELECT seq FROM seals)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let seal_hash: Vec<u8> = conn
        .query_row(
            "SELECT entry_hash FROM log WHERE seq = ?1",
            [seal_seq],
            |r| r.get(0),
        )
        .unwrap();
    let body: Vec<u8> = conn
        .query_row("SELECT body FROM log WHERE seq = ?1", [sig_seq], |r| {
            r.get(0)
        })
        .unwrap();
    let mut entry = amana::chain::ChainEntry::decode(&body, Some(&base())).unwrap();
    let forged = forger.sign_seal(&seal_hash.try_into().unwrap());
    if let amana::chain::Record::Signature(sig) = &mut entry.record {
        sig.signature = forged;
    }
    conn.execute(
        "UPDATE log SET body = ?1 WHERE seq = ?2",
        rusqlite::params![entry.encode(), sig_seq],
    )
    .unwrap();
    conn.execute(
        "UPDATE signatures SET signature = ?1 WHERE seq = ?2",
        rusqlite::params![forged.as_slice(), sig_seq],
    )
    .unwrap();
    common::rehash_from(&conn, sig_seq);
    drop(conn);
    let v = verify_fails(&copy, &[]);
    assert_kinds_exactly(&v, &["bad-signature"]);
    assert_finding(&v, "bad-signature", sig_seq, "");
    let seals = v["seals"].as_array().unwrap();
    assert_eq!(seals[0]["valid"], false);
}

#[test]
fn tamper_alter_or_delete_a_receipt_file() {
    let s = sealed();
    let copy = tampered_copy(&s, "receipt-altered");
    let store = PathBuf::from(format!("{}.receipts", copy.display()));
    let file = walk(&store).into_iter().next().unwrap();
    let seq = seq_of(&copy, "SELECT seq FROM receipts LIMIT 1");
    std::fs::write(&file, b"Facture 0301: 45000.00 MAD\n").unwrap();
    let v = verify_fails(&copy, &[]);
    assert_kinds_exactly(&v, &["receipt-altered"]);
    assert_finding(&v, "receipt-altered", seq, "was altered");
    std::fs::remove_file(&file).unwrap();
    let v = verify_fails(&copy, &[]);
    assert_kinds_exactly(&v, &["receipt-missing"]);
    assert_finding(&v, "receipt-missing", seq, "is missing");
}

#[test]
fn tamper_edit_a_row_of_a_table_the_reports_read() {
    let s = sealed();
    let l = s.fx.path();
    for (name, sql, seq, table) in [
        (
            "posting",
            "UPDATE postings SET amount = amount + 100 WHERE entry_id = 1 AND idx = 0",
            seq_of(l, "SELECT seq FROM entries WHERE id = 1"),
            "postings row",
        ),
        (
            "seal-balance",
            "UPDATE seal_balances SET balance = balance + 1 WHERE 1",
            seq_of(l, "SELECT min(seq) FROM seal_balances"),
            "seal_balances row",
        ),
        (
            "officer-name",
            "UPDATE officers SET name = 'Quelqu''un' WHERE id = 'fatima'",
            seq_of(l, "SELECT seq FROM officers WHERE id = 'fatima'"),
            "officers row",
        ),
        (
            "closing",
            "UPDATE year_ends SET surplus_account = '3000' WHERE kind = 'year-closing'",
            seq_of(l, "SELECT seq FROM year_ends WHERE kind = 'year-closing'"),
            "year_ends row",
        ),
        (
            "receipt-row",
            "UPDATE receipts SET file_name = 'autre.pdf'",
            seq_of(l, "SELECT seq FROM receipts"),
            "receipts row",
        ),
    ] {
        let copy = tampered_copy(&s, name);
        tamper_conn(&copy).execute_batch(sql).unwrap();
        let v = verify_fails(&copy, &[]);
        assert_kinds_exactly(&v, &["projection-drift"]);
        assert_finding(&v, "projection-drift", seq, table);
    }
}

#[test]
fn a_lock_that_cannot_be_undone_is_refused_when_it_would_hurt() {
    let s = sealed();
    let before = snapshot(s.fx.path());
    // A future date: a typo would freeze the ledger for ever.
    let err = fails(
        s.fx.path(),
        &["lock", "--through", "2999-12-31", "--reason", "typo"],
        2,
    );
    assert!(err.contains("not past"), "{err}");
    assert_eq!(before, snapshot(s.fx.path()));
    // Locking the end of a year that has income or expense but is not closed.
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("open-year.db");
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
    let err = fails(
        &l,
        &["lock", "--through", "2025-12-31", "--reason", "fin d'année"],
        2,
    );
    assert!(
        err.contains("close it first with `amana close --year 2025`"),
        "{err}"
    );
    // Without officers, a lock takes effect at once.
    let out = ok(
        &l,
        &["lock", "--through", "2025-11-30", "--reason", "novembre"],
    );
    assert!(out.contains("It is in effect"), "{out}");
    // A seal of the month is no lock, and is not refused.
    ok(&l, &["seal", "--month", "2025-12"]);
}

#[test]
fn signing_checks_the_chain_first() {
    // A hash planted in the log table must not get an officer's signature.
    let s = sealed();
    let copy = tampered_copy(&s, "planted");
    let conn = tamper_conn(&copy);
    let seal: i64 = conn
        .query_row("SELECT max(seq) FROM seals", [], |r| r.get(0))
        .unwrap();
    conn.execute(
        "UPDATE log SET entry_hash = randomblob(32) WHERE seq = ?1",
        [seal],
    )
    .unwrap();
    drop(conn);
    let auditor = key(&s.fx, "auditor.pem");
    ok(
        s.fx.path(),
        &[
            "officer",
            "add",
            "karim",
            "--name",
            "Karim",
            "--role",
            "auditor",
            "--key",
            &pubkey(&auditor),
        ],
    );
    let err = fails(
        &copy,
        &[
            "sign",
            &seal.to_string(),
            "--key",
            s.treasurer.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("does not verify"), "{err}");
}

#[test]
fn a_member_receipt_proves_every_detail_it_shows() {
    let s = sealed();
    let out_file = s.fx.dir.path().join("recu.json");
    ok(
        s.fx.path(),
        &[
            "receipt",
            "member",
            "3",
            "--out",
            out_file.to_str().unwrap(),
        ],
    );
    let nowhere = s.fx.dir.path().join("no-ledger.db");
    let original = json(&std::fs::read_to_string(&out_file).unwrap());
    let check = |edit: &dyn Fn(&mut Value), name: &str| {
        let mut r = original.clone();
        edit(&mut r);
        let f =
            s.fx.file(name, serde_json::to_string(&r).unwrap().as_bytes());
        run(
            &nowhere,
            &[
                "verify-receipt",
                f.to_str().unwrap(),
                "--seal",
                &s.closing_seal,
            ],
        )
    };
    // The currency and its decimals come from the proven genesis entry, not from the file.
    let o = check(
        &|r| {
            r["currency_exponent"] = Value::from(0);
            r["amount"] = Value::from("60000");
        },
        "exp.json",
    );
    assert_eq!(o.status.code(), Some(1));
    let o = check(
        &|r| {
            r["currency_exponent"] = Value::from(255);
        },
        "exp255.json",
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "the file's exponent is not used: {}",
        stdout(&o)
    );
    let o = check(
        &|r| {
            r["currency"] = Value::from("EUR");
        },
        "eur.json",
    );
    assert_eq!(o.status.code(), Some(1));
    let o = check(
        &|r| {
            r["ledger"] = Value::from("Autre association");
        },
        "name.json",
    );
    assert_eq!(o.status.code(), Some(1));
    // A genesis entry that is not proven is refused.
    let o = check(
        &|r| {
            r["seal"]["genesis"]["proof"] = serde_json::json!([]);
        },
        "genesis.json",
    );
    assert_eq!(o.status.code(), Some(1));
    // A signature line added with a key of one's own is not reported as a signer.
    let forger =
        amana::files::keys::PrivateKey::generate(&s.fx.dir.path().join("member-forger.pem"))
            .unwrap();
    let seal_hash =
        amana::chain::entry_hash(&hex::decode(original["seal"]["body"].as_str().unwrap()).unwrap());
    let forged = hex::encode(forger.sign_seal(&seal_hash));
    let pk = hex::encode(forger.public_key());
    let o = check(
        &|r| {
            r["seal"]["signatures"].as_array_mut().unwrap().push(serde_json::json!({
            "officer": "ahmed", "name": "Ahmed", "role": "president", "public_key": pk, "signature": forged,
            "registration": null
        }));
        },
        "extra-sig.json",
    );
    let text = stdout(&o);
    assert_eq!(
        text.matches("Ahmed").count(),
        1,
        "only the real signature is shown: {text}"
    );
}

#[test]
fn the_grant_listing_and_the_seal_count_grants_the_same_way() {
    // Two computations of one figure (SQL for the listing, the replayed book for the seal)
    // must never disagree.
    let s = sealed();
    ok(s.fx.path(), &["seal"]);
    let log = json(&ok(
        s.fx.path(),
        &["log", "--kind", "seal", "--format", "json"],
    ));
    let seal = log["entries"].as_array().unwrap().last().unwrap()["content"].clone();
    let listing = json(&ok(s.fx.path(), &["grant", "list", "--format", "json"]));
    for g in listing["grants"].as_array().unwrap() {
        let sealed = seal["grants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["grant"] == g["id"])
            .unwrap();
        assert_eq!(
            (&sealed["received"], &sealed["spent"]),
            (&g["received"], &g["spent"]),
            "{}",
            g["id"]
        );
    }
    let balance = json(&ok(s.fx.path(), &["balance", "--format", "json"]));
    for a in balance["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["balance"] != "0.00")
    {
        let sealed = seal["trial_balance"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["account"] == a["code"])
            .unwrap();
        assert_eq!(sealed["balance"], a["balance"], "{}", a["code"]);
    }
}

#[test]
fn an_officer_added_after_a_seal_signs_only_once_approved() {
    let s = sealed();
    let samira = key(&s.fx, "samira.pem");
    ok(
        s.fx.path(),
        &[
            "officer",
            "add",
            "samira",
            "--name",
            "Samira Alaoui",
            "--role",
            "treasurer",
            "--key",
            &pubkey(&samira),
        ],
    );
    let before = snapshot(s.fx.path());
    let err = fails(
        s.fx.path(),
        &["seal", "--sign", samira.to_str().unwrap()],
        2,
    );
    assert!(
        err.contains("not approved yet") && err.contains("amana officer approve samira"),
        "{err}"
    );
    assert_eq!(before, snapshot(s.fx.path()));
    let err = fails(
        s.fx.path(),
        &[
            "officer",
            "approve",
            "samira",
            "--key",
            samira.to_str().unwrap(),
        ],
        2,
    );
    assert!(
        err.contains("not approved yet"),
        "an officer cannot approve themselves: {err}"
    );
    ok(
        s.fx.path(),
        &[
            "officer",
            "approve",
            "samira",
            "--key",
            s.president.to_str().unwrap(),
        ],
    );
    // The policy asks two approvals: one is not enough.
    let err = fails(
        s.fx.path(),
        &["seal", "--sign", samira.to_str().unwrap()],
        2,
    );
    assert!(err.contains("not approved yet"), "{err}");
    ok(
        s.fx.path(),
        &[
            "officer",
            "approve",
            "samira",
            "--key",
            s.treasurer.to_str().unwrap(),
        ],
    );
    let out = ok(s.fx.path(), &["seal", "--sign", samira.to_str().unwrap()]);
    let fp = last_line(&out);
    let v = json(&ok(s.fx.path(), &["verify", "--format", "json"]));
    let seal = v["seals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["fingerprint"] == fp)
        .unwrap()
        .clone();
    assert_eq!(seal["signed_by"], serde_json::json!(["samira"]));
    // Approval given at registration.
    let karim = key(&s.fx, "karim.pem");
    ok(
        s.fx.path(),
        &[
            "officer",
            "add",
            "karim",
            "--name",
            "Karim",
            "--role",
            "auditor",
            "--key",
            &pubkey(&karim),
            "--approve",
            s.treasurer.to_str().unwrap(),
            "--approve",
            s.president.to_str().unwrap(),
        ],
    );
    ok(
        s.fx.path(),
        &["sign", &fp, "--key", karim.to_str().unwrap()],
    );
}

#[test]
fn tamper_a_forger_adds_an_officer_of_their_own_and_seals() {
    // Someone with the file (but no officer's key) registers a key of their own after the last
    // seal and signs a seal with it: the signature does not count, and verify says so.
    let s = sealed();
    let copy = tampered_copy(&s, "own-officer");
    common::restore_triggers(s.fx.path(), &copy);
    let forger = key(&s.fx, "intrus.pem");
    ok(
        &copy,
        &[
            "officer",
            "add",
            "intrus",
            "--name",
            "Ahmed Benali",
            "--role",
            "president",
            "--key",
            &pubkey(&forger),
        ],
    );
    fails(&copy, &["seal", "--sign", forger.to_str().unwrap()], 2);
    // Forging the entries by hand does not help either.
    let body_of = |kind: &str| -> (i64, Vec<u8>) {
        tamper_conn(&copy)
            .query_row(
                "SELECT seq, body FROM log WHERE kind = ?1 ORDER BY seq DESC LIMIT 1",
                [kind],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    ok(&copy, &["seal"]);
    let (seal_seq, seal_body) = body_of("seal");
    let next = seal_seq + 1;
    let sig = amana::chain::ChainEntry {
        seq: next,
        time_us: 0,
        actor: "intrus".into(),
        record: amana::chain::Record::Signature(amana::chain::SealSignature {
            seal: seal_seq,
            officer: amana::domain::OfficerId::parse("intrus").unwrap(),
            signature: amana::files::keys::PrivateKey::load(&forger)
                .unwrap()
                .sign_seal(&amana::chain::entry_hash(&seal_body)),
        }),
    };
    let conn = tamper_conn(&copy);
    let body = sig.encode();
    let prev: Vec<u8> = conn
        .query_row("SELECT chain FROM log WHERE seq = ?1", [seal_seq], |r| {
            r.get(0)
        })
        .unwrap();
    let eh = amana::chain::entry_hash(&body);
    let ch = amana::chain::chain_hash(next, &prev.clone().try_into().unwrap(), &eh);
    conn.execute(
        "INSERT INTO log VALUES (?1, 'signature', ?2, ?3, ?4, ?5)",
        rusqlite::params![next, body, eh.as_slice(), prev, ch.as_slice()],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO signatures VALUES (?1, ?2, 'intrus', ?3)",
        rusqlite::params![next, seal_seq, sig_bytes(&sig)],
    )
    .unwrap();
    drop(conn);
    let v = verify_fails(&copy, &[]);
    assert_kinds_exactly(&v, &["rule-violation"]);
    assert_finding(&v, "rule-violation", next, "not approved yet");
    let seal = v["seals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["seq"] == seal_seq)
        .unwrap()
        .clone();
    assert_eq!(seal["signed_by"], serde_json::json!([]));
}

fn sig_bytes(e: &amana::chain::ChainEntry) -> Vec<u8> {
    match &e.record {
        amana::chain::Record::Signature(s) => s.signature.to_vec(),
        _ => unreachable!(),
    }
}
