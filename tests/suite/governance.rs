//! The officers' decisions (issue 6's safety nets): closing needs the policy's signatures, a
//! closed year is reopened only by as many, officers can be revoked, the policy itself is
//! signed. Real binary, real SQLite files.

use crate::common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

fn key(dir: &Path, name: &str) -> PathBuf {
    let k = dir.join(name);
    ok(
        &dir.join("none.db"),
        &["key", "generate", k.to_str().unwrap()],
    );
    k
}

fn public(k: &Path) -> String {
    format!("{}.pub", k.display())
}

/// The chain entry a decision command printed ("… (chain entry N) …").
fn entry_of(out: &str) -> String {
    out.split("chain entry ")
        .nth(1)
        .and_then(|t| t.split(')').next())
        .unwrap_or_else(|| panic!("no chain entry in {out}"))
        .to_string()
}

/// A ledger on the generic chart with three founding officers (treasurer, president,
/// auditor), income and expense in 2025 and 2026.
struct Board {
    _dir: tempfile::TempDir,
    ledger: PathBuf,
    treasurer: PathBuf,
    president: PathBuf,
    auditor: PathBuf,
}

impl Board {
    fn new() -> Board {
        let dir = tempfile::tempdir().unwrap();
        let ledger = dir.path().join("amana.db");
        let l = &ledger;
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
        let treasurer = key(dir.path(), "tresoriere.pem");
        let president = key(dir.path(), "president.pem");
        let auditor = key(dir.path(), "auditeur.pem");
        for (id, role, k) in [
            ("fatima", "treasurer", &treasurer),
            ("ahmed", "president", &president),
            ("nadia", "auditor", &auditor),
        ] {
            ok(
                l,
                &[
                    "officer",
                    "add",
                    id,
                    "--name",
                    id,
                    "--role",
                    role,
                    "--key",
                    &public(k),
                ],
            );
        }
        for (date, amount, account) in [
            ("2025-03-01", "1000", "4100"),
            ("2025-06-01", "-300", "6100"),
            ("2026-02-01", "500", "4100"),
        ] {
            let post = format!("1000 {amount}");
            ok(
                l,
                &[
                    "record",
                    "--date",
                    date,
                    "--desc",
                    "mouvement",
                    "--post",
                    &post,
                    "--post",
                    account,
                ],
            );
        }
        Board {
            _dir: dir,
            ledger,
            treasurer,
            president,
            auditor,
        }
    }

    fn l(&self) -> &Path {
        &self.ledger
    }

    fn close_2025(&self) -> String {
        ok(
            self.l(),
            &[
                "close",
                "--year",
                "2025",
                "--sign",
                self.treasurer.to_str().unwrap(),
                "--sign",
                self.president.to_str().unwrap(),
            ],
        )
    }

    fn record(&self, date: &str) -> std::process::Output {
        run(
            self.l(),
            &[
                "record",
                "--date",
                date,
                "--desc",
                "facture tardive",
                "--post",
                "6100 40",
                "--post",
                "1000",
            ],
        )
    }

    fn verify(&self) -> Value {
        json(&ok(self.l(), &["verify", "--format", "json"]))
    }
}

#[test]
fn a_new_ledger_starts_with_a_policy_of_two() {
    let b = Board::new();
    let log = json(&ok(b.l(), &["log", "--kind", "policy", "--format", "json"]));
    assert_eq!(log["entries"].as_array().unwrap().len(), 1, "{log:#}");
    assert_eq!(log["entries"][0]["seq"], 2, "{log:#}");
    assert_eq!(log["entries"][0]["content"]["quorum"], 2, "{log:#}");
}

#[test]
fn closing_needs_the_policys_signatures_given_at_once() {
    let b = Board::new();
    let before = snapshot(b.l());
    let err = fails(
        b.l(),
        &[
            "close",
            "--year",
            "2025",
            "--sign",
            b.treasurer.to_str().unwrap(),
        ],
        2,
    );
    assert!(
        err.contains("needs the signatures of 2 officer(s)") && err.contains("--sign"),
        "{err}"
    );
    // The same key twice is one officer.
    fails(
        b.l(),
        &[
            "close",
            "--year",
            "2025",
            "--sign",
            b.treasurer.to_str().unwrap(),
            "--sign",
            b.treasurer.to_str().unwrap(),
        ],
        2,
    );
    assert_eq!(snapshot(b.l()), before);
    let out = b.close_2025();
    assert!(out.contains("Closed fiscal year 2025"), "{out}");
    let o = b.record("2025-12-20");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("amana reopen"), "{}", stderr(&o));
    let v = b.verify();
    assert_eq!(v["ok"], true, "{v:#}");
}

#[test]
fn a_closed_year_is_reopened_by_the_policys_signatures_and_closed_again() {
    let b = Board::new();
    b.close_2025();
    let before = snapshot(b.l());
    // Only the last closed year, and only with a reason.
    fails(
        b.l(),
        &["reopen", "--year", "2024", "--reason", "erreur"],
        2,
    );
    fails(b.l(), &["reopen", "--year", "2025", "--reason", "  "], 2);
    assert_eq!(snapshot(b.l()), before);
    let out = ok(
        b.l(),
        &[
            "reopen",
            "--year",
            "2025",
            "--reason",
            "Facture de décembre reçue après la clôture",
            "--sign",
            b.treasurer.to_str().unwrap(),
        ],
    );
    assert!(out.contains("takes effect once 1 more officer"), "{out}");
    // Not in effect yet: the year stays locked.
    assert_eq!(b.record("2025-12-20").status.code(), Some(2));
    let seq = entry_of(&out);
    // An officer cannot sign twice.
    fails(
        b.l(),
        &["sign", &seq, "--key", b.treasurer.to_str().unwrap()],
        2,
    );
    let out = ok(b.l(), &["sign", &seq, "--key", b.auditor.to_str().unwrap()]);
    assert!(out.contains("It is in effect"), "{out}");
    assert!(b.record("2025-12-20").status.success());
    // Closed again: the second closing carries only what was recorded since the first.
    b.close_2025();
    let balance = json(&ok(
        b.l(),
        &["balance", "--as-of", "2025-12-31", "--format", "json"],
    ));
    let of = |code: &str| {
        balance["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["code"] == code)
            .map_or("0.00".to_string(), |a| {
                a["balance"].as_str().unwrap().to_string()
            })
    };
    assert_eq!(of("4100"), "0.00", "income carried: {balance:#}");
    assert_eq!(of("6100"), "0.00", "expense carried: {balance:#}");
    assert_eq!(of("3900"), "-660.00", "{balance:#}");
    let log = ok(b.l(), &["log", "--kind", "reopen"]);
    assert!(log.contains("Facture de décembre"), "{log}");
    let v = b.verify();
    assert_eq!(v["ok"], true, "{v:#}");
}

#[test]
fn a_revoked_officer_signs_no_more() {
    let b = Board::new();
    let before = snapshot(b.l());
    // Nobody signs a decision about themselves.
    let out = ok(
        b.l(),
        &[
            "officer",
            "revoke",
            "ahmed",
            "--reason",
            "Clé perdue",
            "--sign",
            b.treasurer.to_str().unwrap(),
        ],
    );
    let seq = entry_of(&out);
    fails(
        b.l(),
        &["sign", &seq, "--key", b.president.to_str().unwrap()],
        2,
    );
    assert_ne!(snapshot(b.l()), before);
    let out = ok(b.l(), &["sign", &seq, "--key", b.auditor.to_str().unwrap()]);
    assert!(out.contains("It is in effect"), "{out}");
    let err = fails(b.l(), &["seal", "--sign", b.president.to_str().unwrap()], 2);
    assert!(err.contains("revoked"), "{err}");
    // Two officers remain: closing still needs both of them.
    fails(
        b.l(),
        &[
            "close",
            "--year",
            "2025",
            "--sign",
            b.treasurer.to_str().unwrap(),
            "--sign",
            b.president.to_str().unwrap(),
        ],
        2,
    );
    ok(
        b.l(),
        &[
            "close",
            "--year",
            "2025",
            "--sign",
            b.treasurer.to_str().unwrap(),
            "--sign",
            b.auditor.to_str().unwrap(),
        ],
    );
    let v = b.verify();
    assert_eq!(v["ok"], true, "{v:#}");
}

#[test]
fn a_signature_by_a_revoked_officer_slipped_into_the_file_is_caught() {
    let b = Board::new();
    let out = ok(
        b.l(),
        &[
            "officer",
            "revoke",
            "ahmed",
            "--reason",
            "Nouveau bureau",
            "--sign",
            b.treasurer.to_str().unwrap(),
            "--sign",
            b.auditor.to_str().unwrap(),
        ],
    );
    assert!(out.contains("It is in effect"), "{out}");
    let seal = last_line_of(&ok(
        b.l(),
        &["seal", "--sign", b.treasurer.to_str().unwrap()],
    ));
    // Ahmed still has his key: he signs the seal in a copy of the file, and rehashes.
    let dir = tempfile::tempdir().unwrap();
    let copy = tamper_copy(b.l(), dir.path());
    let (seal_seq, seal_hash): (i64, Vec<u8>) = rusqlite::Connection::open(&copy)
        .unwrap()
        .query_row(
            "SELECT seq, entry_hash FROM log WHERE kind = 'seal' ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let key = amana::files::keys::PrivateKey::load(&b.president).unwrap();
    let signature = key.sign_seal(&seal_hash.try_into().unwrap());
    let info_currency = amana::domain::Currency {
        code: "MAD".into(),
        exponent: 2,
    };
    let conn = tamper_conn(&copy);
    let (head_seq, time_us): (i64, i64) = conn
        .query_row("SELECT max(seq), 0 FROM log", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    let entry = amana::chain::ChainEntry {
        seq: head_seq + 1,
        time_us: time_us + 1,
        actor: "ahmed".into(),
        record: amana::chain::Record::Signature(amana::chain::SealSignature {
            seal: seal_seq,
            officer: amana::domain::OfficerId::parse("ahmed").unwrap(),
            signature,
        }),
    };
    let body = entry.encode();
    assert!(amana::chain::ChainEntry::decode(&body, Some(&info_currency)).is_ok());
    conn.execute(
        "INSERT INTO log (seq, kind, body, entry_hash, prev, chain) VALUES (?1, 'signature', ?2, randomblob(32), randomblob(32), randomblob(32))",
        rusqlite::params![head_seq + 1, body],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO signatures (seq, seal, officer, signature) VALUES (?1, ?2, 'ahmed', ?3)",
        rusqlite::params![head_seq + 1, seal_seq, signature.as_slice()],
    )
    .unwrap();
    rehash_from(&conn, head_seq + 1);
    drop(conn);
    let (code, v) = verify_json(&copy, &[]);
    assert_eq!(code, Some(1), "{v:#}");
    assert_finding(&v, "rule-violation", head_seq + 1, "revoked");
    let _ = seal;
}

fn last_line_of(out: &str) -> String {
    out.lines().last().unwrap_or_default().trim().to_string()
}

#[test]
fn the_policy_is_signed_under_the_one_in_force() {
    let b = Board::new();
    let out = ok(
        b.l(),
        &[
            "policy",
            "--quorum",
            "3",
            "--sign",
            b.treasurer.to_str().unwrap(),
        ],
    );
    assert!(out.contains("takes effect once 1 more officer"), "{out}");
    let seq = entry_of(&out);
    ok(
        b.l(),
        &["sign", &seq, "--key", b.president.to_str().unwrap()],
    );
    // Now three officers sign a closing.
    let err = fails(
        b.l(),
        &[
            "close",
            "--year",
            "2025",
            "--sign",
            b.treasurer.to_str().unwrap(),
            "--sign",
            b.president.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("3 officer(s)"), "{err}");
    ok(
        b.l(),
        &[
            "close",
            "--year",
            "2025",
            "--sign",
            b.treasurer.to_str().unwrap(),
            "--sign",
            b.president.to_str().unwrap(),
            "--sign",
            b.auditor.to_str().unwrap(),
        ],
    );
    fails(b.l(), &["policy", "--quorum", "0"], 2);
    fails(b.l(), &["policy", "--quorum", "100"], 2);
    let v = b.verify();
    assert_eq!(v["ok"], true, "{v:#}");
}

#[test]
fn a_month_sealed_with_its_statement_is_compared_as_of_its_last_day() {
    let b = Board::new();
    // Recorded after the statement's month, dated in the next: the statement of January
    // gives the balance of 31 January, 700.00.
    ok(
        b.l(),
        &[
            "record",
            "--date",
            "2026-02-03",
            "--desc",
            "février",
            "--post",
            "1000 50",
            "--post",
            "4100",
        ],
    );
    let before = snapshot(b.l());
    let err = fails(
        b.l(),
        &[
            "seal",
            "--month",
            "2026-01",
            "--bank",
            "1000=690.00@Relevé 01/2026",
        ],
        2,
    );
    assert!(
        err.contains("as of 2026-01-31") && err.contains("10.00 MAD more than the statement"),
        "{err}"
    );
    let err = fails(
        b.l(),
        &[
            "seal",
            "--month",
            "2026-01",
            "--bank",
            "1000=710.00@Relevé 01/2026",
        ],
        2,
    );
    assert!(err.contains("10.00 MAD less than the statement"), "{err}");
    // Everything recorded (1250.00, February included) is not the balance of 31 January.
    let err = fails(
        b.l(),
        &[
            "seal",
            "--month",
            "2026-01",
            "--bank",
            "1000=1250.00@Relevé 01/2026",
        ],
        2,
    );
    assert!(err.contains("as of 2026-01-31"), "{err}");
    assert_eq!(snapshot(b.l()), before);
    ok(
        b.l(),
        &[
            "seal",
            "--month",
            "2026-01",
            "--bank",
            "1000=700.00@Relevé 01/2026",
        ],
    );
    let v = b.verify();
    assert_eq!(v["ok"], true, "{v:#}");
}

#[test]
fn a_decision_is_signed_from_an_audit_bundle_on_another_machine() {
    let b = Board::new();
    let out = ok(
        b.l(),
        &[
            "lock",
            "--through",
            "2025-06-30",
            "--reason",
            "Semestre arrêté",
            "--sign",
            b.treasurer.to_str().unwrap(),
        ],
    );
    let seq = entry_of(&out);
    let elsewhere = tempfile::tempdir().unwrap();
    let bundle = elsewhere.path().join("audit");
    ok(b.l(), &["export", "audit", bundle.to_str().unwrap()]);
    let file = elsewhere.path().join("signature-nadia.json");
    ok(
        &elsewhere.path().join("none.db"),
        &[
            "sign",
            &seq,
            "--key",
            b.auditor.to_str().unwrap(),
            "--bundle",
            bundle.to_str().unwrap(),
            "--out",
            file.to_str().unwrap(),
        ],
    );
    let signed: Value = json(&std::fs::read_to_string(&file).unwrap());
    assert_eq!(signed["kind"], "lock", "{signed:#}");
    assert!(b.record("2025-05-01").status.success());
    ok(b.l(), &["signature", "add", file.to_str().unwrap()]);
    let o = b.record("2025-05-02");
    assert_eq!(o.status.code(), Some(2), "the lock is in effect");
    let v = b.verify();
    assert_eq!(v["ok"], true, "{v:#}");
    let lock = v["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "lock")
        .unwrap()
        .clone();
    assert_eq!(lock["in_effect"], true, "{v:#}");
    assert_eq!(lock["signed_by"], serde_json::json!(["fatima", "nadia"]));
}

/// Both verifiers find the ledger intact.
fn both_intact(l: &Path) -> Value {
    let (code, v) = verify_json(l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    let (pcode, p) = python_verify_json(&[l.to_str().unwrap()]);
    assert_eq!(pcode, Some(0), "the Python verifier disagrees: {p:#}");
    v
}

#[test]
fn no_officer_takes_over_the_books_alone() {
    let b = Board::new();
    ok(b.l(), &["seal", "--sign", b.treasurer.to_str().unwrap()]);
    let revoke = |who: &str, keys: &[&PathBuf]| {
        let mut args = vec!["officer", "revoke", who, "--reason", "nouveau bureau"];
        for k in keys {
            args.push("--sign");
            args.push(k.to_str().unwrap());
        }
        run(b.l(), &args)
    };
    // Unsigned, a revocation decides nothing.
    let o = revoke("ahmed", &[]);
    assert!(stdout(&o).contains("takes effect once"), "{}", stdout(&o));
    assert!(stdout(&revoke("nadia", &[&b.treasurer, &b.president])).contains("It is in effect"));
    // Two officers left: either can revoke the other (a lost key must not block the books)...
    let o = run(
        b.l(),
        &[
            "sign",
            &entry_of(&stdout(&o)),
            "--key",
            b.treasurer.to_str().unwrap(),
        ],
    );
    assert!(stdout(&o).contains("It is in effect"), "{}", stdout(&o));
    // ... but never the last one.
    let before = snapshot(b.l());
    let o = revoke("fatima", &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("last officer in standing"),
        "{}",
        stderr(&o)
    );
    assert_eq!(snapshot(b.l()), before);
    // A founding officer needs no approval, and is told so.
    let err = fails(
        b.l(),
        &[
            "officer",
            "approve",
            "fatima",
            "--key",
            b.treasurer.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("founding officer"), "{err}");
    // A newcomer registered after the first seal signs nothing until approved.
    let mallory = key(b._dir.path(), "mallory.pem");
    ok(
        b.l(),
        &[
            "officer",
            "add",
            "mallory",
            "--name",
            "M",
            "--role",
            "treasurer",
            "--key",
            &public(&mallory),
        ],
    );
    let err = fails(b.l(), &["seal", "--sign", mallory.to_str().unwrap()], 2);
    assert!(err.contains("not approved yet"), "{err}");
    // Nor does any decision go unsigned now.
    let out = ok(
        b.l(),
        &[
            "lock",
            "--through",
            "2025-06-30",
            "--reason",
            "premier semestre",
        ],
    );
    assert!(out.contains("takes effect once 1 more"), "{out}");
    assert!(
        b.record("2025-05-01").status.success(),
        "the lock is not in effect"
    );
    both_intact(b.l());
}

#[test]
fn a_reopened_year_with_restricted_money_closes_again_without_counting_it_twice() {
    let b = Board::new();
    let l = b.l();
    ok(
        l,
        &[
            "funder",
            "add",
            "UE",
            "--name",
            "Union européenne",
            "--type",
            "foreign-public",
        ],
    );
    ok(
        l,
        &[
            "grant",
            "add",
            "UE-2025",
            "--funder",
            "UE",
            "--amount",
            "5000",
            "--start",
            "2025-01-01",
            "--end",
            "2025-12-31",
        ],
    );
    ok(
        l,
        &[
            "record",
            "--date",
            "2025-02-01",
            "--desc",
            "UE tranche 1",
            "--post",
            "1010 1000",
            "--post",
            "4200 grant=UE-2025",
        ],
    );
    ok(
        l,
        &[
            "record",
            "--date",
            "2025-04-01",
            "--desc",
            "Formation",
            "--post",
            "6100 400 grant=UE-2025",
            "--post",
            "1010",
        ],
    );
    b.close_2025();
    let reopened = ok(
        l,
        &[
            "reopen",
            "--year",
            "2025",
            "--reason",
            "vérification",
            "--sign",
            b.treasurer.to_str().unwrap(),
            "--sign",
            b.president.to_str().unwrap(),
        ],
    );
    assert!(reopened.contains("It is in effect"), "{reopened}");
    b.close_2025();
    let balance = json(&ok(
        l,
        &["balance", "--as-of", "2025-12-31", "--format", "json"],
    ));
    let of = |code: &str| {
        balance["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["code"] == code)
            .map_or("0.00".to_string(), |a| {
                a["balance"].as_str().unwrap().to_string()
            })
    };
    // Restricted: 1000 received less 400 spent, held once in dedicated funds; the rest
    // (1000 − 300) is the association's own result.
    assert_eq!(of("2500"), "-600.00", "{balance:#}");
    assert_eq!(of("3900"), "-700.00", "{balance:#}");
    both_intact(l);
}

#[test]
fn a_waiting_lock_into_a_reopened_year_is_void() {
    let b = Board::new();
    b.close_2025();
    let lock = entry_of(&ok(
        b.l(),
        &[
            "lock",
            "--through",
            "2026-01-31",
            "--reason",
            "janvier",
            "--sign",
            b.treasurer.to_str().unwrap(),
        ],
    ));
    ok(
        b.l(),
        &[
            "reopen",
            "--year",
            "2025",
            "--reason",
            "facture tardive",
            "--sign",
            b.treasurer.to_str().unwrap(),
            "--sign",
            b.president.to_str().unwrap(),
        ],
    );
    // The lock would now lock the reopened year without a closing: it never takes effect.
    let out = ok(
        b.l(),
        &["sign", &lock, "--key", b.president.to_str().unwrap()],
    );
    assert!(out.contains("It is void"), "{out}");
    assert!(b.record("2025-12-20").status.success());
    assert!(b.record("2026-01-10").status.success());
    let v = both_intact(b.l());
    let d = v["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "lock")
        .unwrap()
        .clone();
    assert_eq!(
        (d["void"].clone(), d["in_effect"].clone()),
        (Value::Bool(true), Value::Bool(false))
    );
}

#[test]
fn the_first_officers_of_a_ledger_sealed_before_it_had_any_sign_at_once() {
    // A treasurer who sealed alone for months, then registers the board: there is nobody to
    // approve the first officers, so they count at once; the next ones need them.
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("amana.db");
    ok(
        &l,
        &[
            "init",
            "--name",
            "Seule",
            "--currency",
            "MAD",
            "--chart",
            "generic",
        ],
    );
    ok(&l, &["seal"]);
    let first = key(dir.path(), "premiere.pem");
    ok(
        &l,
        &[
            "officer",
            "add",
            "amina",
            "--name",
            "Amina",
            "--role",
            "treasurer",
            "--key",
            &public(&first),
        ],
    );
    ok(&l, &["seal", "--sign", first.to_str().unwrap()]);
    let second = key(dir.path(), "second.pem");
    ok(
        &l,
        &[
            "officer",
            "add",
            "omar",
            "--name",
            "Omar",
            "--role",
            "president",
            "--key",
            &public(&second),
        ],
    );
    let err = fails(&l, &["seal", "--sign", second.to_str().unwrap()], 2);
    assert!(err.contains("not approved yet"), "{err}");
    both_intact(&l);
}

#[test]
fn a_waiting_decision_takes_effect_when_a_new_policy_makes_its_signatures_enough() {
    let b = Board::new();
    ok(b.l(), &["seal", "--sign", b.treasurer.to_str().unwrap()]);
    let samira = key(b._dir.path(), "samira.pem");
    let out = ok(
        b.l(),
        &[
            "officer",
            "add",
            "samira",
            "--name",
            "Samira",
            "--role",
            "secretary-general",
            "--key",
            &public(&samira),
            "--approve",
            b.treasurer.to_str().unwrap(),
        ],
    );
    assert!(out.contains("approved by 1"), "{out}");
    fails(b.l(), &["seal", "--sign", samira.to_str().unwrap()], 2);
    // The officers lower the quorum to one: Fatima's approval, waiting, is now enough.
    ok(
        b.l(),
        &[
            "policy",
            "--quorum",
            "1",
            "--sign",
            b.president.to_str().unwrap(),
            "--sign",
            b.auditor.to_str().unwrap(),
        ],
    );
    ok(b.l(), &["seal", "--sign", samira.to_str().unwrap()]);
    let v = both_intact(b.l());
    let approval = v["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "officer")
        .unwrap()
        .clone();
    assert_eq!(approval["in_effect"], true, "{v:#}");
}
