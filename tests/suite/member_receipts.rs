//! Members' receipts: made only for money received from a member or a donor, and checked
//! offline so that nothing the file says is shown unless the sealed books prove it (the
//! signers' standing included). The real binary, on real ledgers.

use crate::common;

use std::path::{Path, PathBuf};

use common::{Fixture, fails, ok, run, stdout};
use serde_json::{Value, json};

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

fn key(fx: &Fixture, name: &str) -> PathBuf {
    let path = fx.dir.path().join(name);
    ok(fx.path(), &["key", "generate", path.to_str().unwrap()]);
    path
}

fn public(path: &Path) -> String {
    format!("{}.pub", path.display())
}

fn last_line(out: &str) -> String {
    out.lines().last().unwrap_or_default().trim().to_string()
}

fn record(l: &Path, date: &str, desc: &str, posts: &[&str]) {
    let mut args = vec!["record", "--date", date, "--desc", desc];
    for p in posts {
        args.push("--post");
        args.push(p);
    }
    ok(l, &args);
}

fn add_officer(l: &Path, id: &str, role: &str, key: &Path, approver: Option<&Path>) {
    let pk = public(key);
    let mut args = vec![
        "officer", "add", id, "--name", id, "--role", role, "--key", &pk,
    ];
    if let Some(a) = approver {
        args.push("--approve");
        args.push(a.to_str().unwrap());
    }
    ok(l, &args);
}

/// A ledger on the generic chart with two founding officers and these transactions:
/// 1 dues in cash, 2 rent, 3 a gift (reversed by 4), 5 a pledge (a receivable, not money),
/// 6 dues paid together with a refundable deposit; then a seal signed by the treasurer.
struct Books {
    fx: Fixture,
    treasurer: PathBuf,
    president: PathBuf,
    seal: String,
}

fn books() -> Books {
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
    let treasurer = key(&fx, "fatima.pem");
    let president = key(&fx, "ahmed.pem");
    add_officer(l, "fatima", "treasurer", &treasurer, None);
    add_officer(l, "ahmed", "president", &president, None);
    record(
        l,
        "2025-04-01",
        "Cotisation Amina",
        &["1000 600", "4100 -600"],
    );
    record(l, "2025-04-02", "Loyer avril", &["6100 1200", "1010"]);
    record(l, "2025-04-03", "Don Youssef", &["1010 300", "4000 -300"]);
    ok(
        l,
        &[
            "reverse",
            "3",
            "--date",
            "2025-04-04",
            "--reason",
            "chèque sans provision",
        ],
    );
    record(
        l,
        "2025-04-05",
        "Promesse de don",
        &["1200 500", "4000 -500"],
    );
    record(
        l,
        "2025-04-06",
        "Cotisation et caution Karim",
        &["1010 700", "4100 -600", "2900 -100"],
    );
    let seal = last_line(&ok(l, &["seal", "--sign", treasurer.to_str().unwrap()]));
    Books {
        fx,
        treasurer,
        president,
        seal,
    }
}

impl Books {
    fn path(&self) -> &Path {
        self.fx.path()
    }

    /// Writes the member's receipt of transaction `id` and returns it.
    fn receipt(&self, id: &str) -> Value {
        let out = self.fx.dir.path().join(format!("recu-{id}.json"));
        let _ = std::fs::remove_file(&out);
        ok(
            self.path(),
            &["receipt", "member", id, "--out", out.to_str().unwrap()],
        );
        parse(&std::fs::read_to_string(out).unwrap())
    }

    /// Runs `verify-receipt` on `receipt` against seal `seal`, without any ledger.
    fn check(&self, receipt: &Value, seal: &str) -> std::process::Output {
        let file = self.fx.file(
            "check.json",
            serde_json::to_string_pretty(receipt).unwrap().as_bytes(),
        );
        let nowhere = self.fx.dir.path().join("no-ledger.db");
        run(
            &nowhere,
            &["verify-receipt", file.to_str().unwrap(), "--seal", seal],
        )
    }

    fn check_json(&self, receipt: &Value, seal: &str) -> (Option<i32>, Value) {
        let file = self.fx.file(
            "check.json",
            serde_json::to_string_pretty(receipt).unwrap().as_bytes(),
        );
        let nowhere = self.fx.dir.path().join("no-ledger.db");
        let o = run(
            &nowhere,
            &[
                "verify-receipt",
                file.to_str().unwrap(),
                "--seal",
                seal,
                "--format",
                "json",
            ],
        );
        (o.status.code(), parse(&stdout(&o)))
    }

    /// What an attacker computes from a copy of the ledger: entry `seq` with its audit path
    /// to the root of a seal covering `covered` entries.
    fn prove(&self, seq: i64, covered: i64) -> Value {
        let conn = rusqlite::Connection::open(self.path()).unwrap();
        let leaves: Vec<[u8; 32]> = conn
            .prepare("SELECT entry_hash FROM log WHERE seq <= ?1 ORDER BY seq")
            .unwrap()
            .query_map([covered], |r| r.get::<_, Vec<u8>>(0))
            .unwrap()
            .map(|h| amana::chain::merkle::leaf_hash(&amana::chain::hash_from(&h.unwrap())))
            .collect();
        let body: Vec<u8> = conn
            .query_row("SELECT body FROM log WHERE seq = ?1", [seq], |r| r.get(0))
            .unwrap();
        let proof = amana::chain::merkle::inclusion_proof((seq - 1) as usize, &leaves);
        json!({
            "seq": seq,
            "body": hex::encode(body),
            "proof": proof.iter().map(hex::encode).collect::<Vec<_>>(),
        })
    }

    fn seq_of(&self, sql: &str, param: &str) -> i64 {
        rusqlite::Connection::open(self.path())
            .unwrap()
            .query_row(sql, [param], |r| r.get(0))
            .unwrap()
    }
}

/// Refused, exit 2, with `needle` in the message, and no file written.
fn refused(b: &Books, id: &str, needle: &str) {
    let out = b.fx.dir.path().join(format!("refused-{id}.json"));
    let before = common::snapshot(b.path());
    let err = fails(
        b.path(),
        &["receipt", "member", id, "--out", out.to_str().unwrap()],
        2,
    );
    assert!(err.contains(needle), "receipt of #{id}: {err}");
    assert!(!out.exists(), "a refused receipt of #{id} wrote a file");
    assert_eq!(before, common::snapshot(b.path()));
}

#[test]
fn a_receipt_is_made_only_for_money_received() {
    let b = books();
    refused(&b, "2", "not money received");
    refused(&b, "2", "credits an income account");
    refused(&b, "4", "is a reversal");
    refused(&b, "3", "was reversed by transaction 4");
    refused(&b, "5", "debits no cash or bank account");
    // The one that is, with the money received on the receipt.
    let r = b.receipt("1");
    assert_eq!(r["amount"], "600.00");
    let check = stdout(&b.check(&r, &b.seal));
    assert!(check.contains("OK: 600.00 MAD on 2025-04-01"), "{check}");
}

#[test]
fn the_amount_is_the_income_received_not_every_debit() {
    let b = books();
    // 700 came in: 600 of dues, and a 100 deposit that is owed back (a liability).
    let r = b.receipt("6");
    assert_eq!(r["amount"], "600.00", "{r:#}");
    let (code, v) = b.check_json(&r, &b.seal);
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(v["amount"], "600.00 MAD");
    // Claiming what was debited is caught.
    let mut forged = r.clone();
    forged["amount"] = json!("700.00");
    let (code, v) = b.check_json(&forged, &b.seal);
    assert_eq!(code, Some(1), "{v:#}");
}

#[test]
fn a_hand_made_receipt_for_the_rent_does_not_verify() {
    let b = books();
    let mut r = b.receipt("1");
    let covered = r["seal"]["seq"].as_i64().unwrap() - 1;
    // Swap in the rent, with real audit paths for it and for its accounts.
    let rent_seq = b.seq_of("SELECT seq FROM entries WHERE id = ?1", "2");
    let rent = b.prove(rent_seq, covered);
    r["transaction"] = json!(2);
    r["seq"] = json!(rent_seq);
    r["body"] = rent["body"].clone();
    r["entry_hash"] = json!("");
    r["date"] = json!("2025-04-02");
    r["description"] = json!("Loyer avril");
    r["amount"] = json!("1200.00");
    r["seal"]["proof"] = rent["proof"].clone();
    r["seal"]["accounts"] = json!([
        b.prove(
            b.seq_of("SELECT seq FROM accounts WHERE code = ?1", "6100"),
            covered
        ),
        b.prove(
            b.seq_of("SELECT seq FROM accounts WHERE code = ?1", "1010"),
            covered
        ),
    ]);
    let (code, v) = b.check_json(&r, &b.seal);
    assert_eq!(code, Some(1), "{v:#}");
    let problems = v["problems"].to_string();
    assert!(problems.contains("not money received"), "{problems}");
    // Without the accounts' entries, the kind of the transaction is not proven either.
    r["seal"]["accounts"] = json!([]);
    let (code, v) = b.check_json(&r, &b.seal);
    assert_eq!(code, Some(1), "{v:#}");
    assert!(
        v["problems"]
            .to_string()
            .contains("does not prove the kind of account"),
        "{v:#}"
    );
}

#[test]
fn a_receipt_says_what_it_cannot_show_about_later_reversals() {
    let b = books();
    let r = b.receipt("1");
    let text = stdout(&b.check(&r, &b.seal));
    assert!(
        text.contains("a reversal recorded after entry"),
        "the member is told the limit of the proof: {text}"
    );
    // Once reversed, no new receipt is made for it.
    ok(
        b.path(),
        &[
            "reverse",
            "1",
            "--date",
            "2025-05-01",
            "--reason",
            "saisie en double",
        ],
    );
    refused(&b, "1", "was reversed by transaction 7");
}

#[test]
fn an_unapproved_officer_is_never_shown_as_a_signer() {
    let b = books();
    let l = b.path();
    // Samira is registered after the first seal and never approved; a second seal covers her
    // registration, so its audit path exists.
    let samira = key(&b.fx, "samira.pem");
    add_officer(l, "samira", "treasurer", &samira, None);
    let seal2 = last_line(&ok(l, &["seal", "--sign", b.treasurer.to_str().unwrap()]));
    let mut r = b.receipt("1");
    assert_eq!(r["seal"]["fingerprint"], json!(seal2));
    let covered = r["seal"]["seq"].as_i64().unwrap() - 1;
    // Whoever holds Samira's key signs the seal and adds the line, with her proven registration.
    let seal_body = hex::decode(r["seal"]["body"].as_str().unwrap()).unwrap();
    let key = amana::files::keys::PrivateKey::load(&samira).unwrap();
    let signature = key.sign_seal(&amana::chain::entry_hash(&seal_body));
    let registration = b.prove(
        b.seq_of("SELECT seq FROM officers WHERE id = ?1", "samira"),
        covered,
    );
    r["seal"]["signatures"].as_array_mut().unwrap().push(json!({
        "officer": "samira", "name": "Samira", "role": "treasurer",
        "public_key": hex::encode(key.public_key()),
        "signature": hex::encode(signature),
        "registration": registration,
    }));
    let (code, v) = b.check_json(&r, &seal2);
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(
        v["signed_by"],
        json!(["fatima (treasurer, fatima)"]),
        "{v:#}"
    );
    assert_eq!(
        v["unproven_signatures"].as_array().unwrap().len(),
        1,
        "{v:#}"
    );
    assert!(
        v["unproven_signatures"][0]
            .as_str()
            .unwrap()
            .contains("samira")
    );
    let text = stdout(&b.check(&r, &seal2));
    assert!(
        text.contains("Not counted") && text.contains("samira"),
        "{text}"
    );
    assert!(
        !text.contains("signed by: fatima (treasurer, fatima); samira"),
        "{text}"
    );
}

#[test]
fn an_approved_officer_is_shown_with_the_proof_of_their_approval() {
    let b = books();
    let l = b.path();
    // The ledger's policy asks two approvals. Karim approved by the president and the
    // treasurer (founding officers); Lina approved by Karim and the president.
    let karim = key(&b.fx, "karim.pem");
    add_officer(l, "karim", "auditor", &karim, Some(&b.president));
    ok(
        l,
        &[
            "officer",
            "approve",
            "karim",
            "--key",
            b.treasurer.to_str().unwrap(),
        ],
    );
    let lina = key(&b.fx, "lina.pem");
    add_officer(l, "lina", "secretary-general", &lina, Some(&karim));
    ok(
        l,
        &[
            "officer",
            "approve",
            "lina",
            "--key",
            b.president.to_str().unwrap(),
        ],
    );
    let seal = last_line(&ok(l, &["seal", "--sign", lina.to_str().unwrap()]));
    let r = b.receipt("1");
    let (code, v) = b.check_json(&r, &seal);
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(
        v["signed_by"],
        json!(["lina (secretary-general, lina)"]),
        "{v:#}"
    );
    assert_eq!(v["unproven_signatures"], json!([]));
    // The proof of standing is the receipt's: drop one of Karim's two approvals, and Karim's
    // approval of Lina no longer counts: Lina is unproven.
    let approval = b.seq_of(
        "SELECT s.seq FROM signatures s JOIN officers o ON o.seq = s.seal WHERE o.id = ?1",
        "karim",
    );
    let mut cut = r.clone();
    let standing = cut["seal"]["standing"].as_array_mut().unwrap();
    let before = standing.len();
    standing.retain(|e| e["seq"] != json!(approval));
    assert_eq!(standing.len(), before - 1, "{r:#}");
    let (code, v) = b.check_json(&cut, &seal);
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(v["signed_by"], json!([]), "{v:#}");
    assert_eq!(v["unproven_signatures"].as_array().unwrap().len(), 1);
    // Nor does a first seal that is not the first count: founding officers are those
    // registered before the ledger's first seal.
    let mut late = r.clone();
    late["seal"]["first_seal"] = Value::Null;
    let (_, v) = b.check_json(&late, &seal);
    assert_eq!(v["signed_by"], json!([]), "{v:#}");
}

#[test]
fn an_old_format_receipt_is_read_and_asks_for_a_new_one() {
    let b = books();
    let mut r = b.receipt("1");
    r["format"] = json!("amana-member-receipt/1");
    let seal = r["seal"].as_object_mut().unwrap();
    for field in ["accounts", "standing", "first_seal"] {
        seal.remove(field);
    }
    let (code, v) = b.check_json(&r, &b.seal);
    assert_eq!(code, Some(1), "{v:#}");
    assert!(
        v["problems"].to_string().contains("amana receipt member 1"),
        "{v:#}"
    );
    r["format"] = json!("amana-member-receipt/9");
    let (code, v) = b.check_json(&r, &b.seal);
    assert_eq!(code, Some(1), "{v:#}");
    assert!(v["problems"].to_string().contains("format"), "{v:#}");
}
