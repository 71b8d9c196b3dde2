//! Corrections of the set-up through the chain (issue 6, CHAIN.md rule 16): a grant amended,
//! an account renamed or retired, a budget line amended or withdrawn, a funder renamed, through
//! the real binary on real ledger files; refusals change nothing; both verifiers agree.

use crate::common;

use common::{
    Fixture, fails, finding_set, ok, python_verify_json, rehash_from, snapshot, tamper,
    tamper_conn, verify_json,
};
use serde_json::Value;

fn json(ledger: &std::path::Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(ledger, args)).unwrap()
}

fn grant(ledger: &std::path::Path, id: &str) -> Value {
    let v = json(
        ledger,
        &["grant", "list", "--grant", id, "--format", "json"],
    );
    v["grants"][0].clone()
}

/// The seq of the last entry of `kind` in the log.
fn last_seq(ledger: &std::path::Path, kind: &str) -> i64 {
    let v = json(ledger, &["log", "--kind", kind, "--format", "json"]);
    v["entries"].as_array().unwrap().last().unwrap()["seq"]
        .as_i64()
        .unwrap()
}

/// A table row of entry `seq` edited behind amana's back (`sql` takes the seq as ?1): both
/// verifiers find the drift at that entry.
fn both_find_a_row_edited(l: &std::path::Path, seq: i64, sql: &str) {
    let other = tempfile::tempdir().unwrap();
    let edited = tamper(l, other.path(), |c| {
        c.execute(sql, [seq]).unwrap();
    });
    let (code, v) = verify_json(&edited, &[]);
    assert_eq!(code, Some(1));
    let ours = finding_set(&v);
    assert!(ours.contains(&(seq, "projection-drift".into())), "{ours:?}");
    let theirs = python_findings(&edited);
    assert!(
        theirs.contains(&(seq, "projection-drift".into())),
        "{theirs:?}"
    );
}

/// Entry `seq` rewritten in a copy of the ledger: `from` replaced by `to` in its body, its
/// table row made to match (`row_sql`, taking the seq as ?1), the chain re-hashed from there,
/// so that only the rules can tell. Returns verify's findings (which must be exit 1, and the
/// Python verifier's too) and its report.
fn rewrite_entry(
    l: &std::path::Path,
    seq: i64,
    from: &[u8],
    to: &[u8],
    row_sql: Option<&str>,
) -> (Vec<(i64, String)>, Value) {
    assert_eq!(from.len(), to.len());
    let dir = tempfile::tempdir().unwrap();
    let rewritten = common::tamper_copy(l, dir.path());
    {
        let c = tamper_conn(&rewritten);
        let body: Vec<u8> = c
            .query_row("SELECT body FROM log WHERE seq = ?1", [seq], |r| r.get(0))
            .unwrap();
        let at = body
            .windows(from.len())
            .position(|w| w == from)
            .expect("the value is in the body");
        let mut forged = body.clone();
        forged[at..at + to.len()].copy_from_slice(to);
        c.execute(
            "UPDATE log SET body = ?1 WHERE seq = ?2",
            rusqlite::params![forged, seq],
        )
        .unwrap();
        if let Some(sql) = row_sql {
            c.execute(sql, [seq]).unwrap();
        }
        rehash_from(&c, seq);
    }
    let (code, v) = verify_json(&rewritten, &[]);
    assert_eq!(code, Some(1));
    let ours = finding_set(&v);
    assert_eq!(python_findings(&rewritten), ours, "the verifiers disagree");
    (ours, v)
}

/// The findings of verify_chain.py, as (seq, kind).
fn python_findings(ledger: &std::path::Path) -> Vec<(i64, String)> {
    let (_, theirs) = python_verify_json(&[ledger.to_str().unwrap()]);
    finding_set(&theirs).into_iter().collect()
}

#[test]
fn a_grant_amended_has_its_new_amount_and_end_from_then_on() {
    let f = Fixture::new();
    let l = f.path();
    // Before the amendment, spending in 2027 is outside the grant's period.
    let post = [
        "record",
        "--date",
        "2027-02-10",
        "--desc",
        "Formation, session 4",
        "--post",
        "6126 1000.00 grant=CMM-2026 line=training",
        "--post",
        "5141",
    ];
    let err = fails(l, &post, 2);
    assert!(
        err.contains("inside its period 2026-01-01 to 2026-12-31"),
        "{err}"
    );
    let out = ok(
        l,
        &[
            "grant",
            "amend",
            "CMM-2026",
            "--amount",
            "150000",
            "--end",
            "2027-03-31",
            "--effective",
            "2026-10-01",
            "--reason",
            "Avenant n°1 du 28/09/2026",
        ],
    );
    assert!(out.contains("Amended grant CMM-2026"), "{out}");
    let seq = last_seq(l, "grant-amendment");
    ok(l, &post);
    let g = grant(l, "CMM-2026");
    assert_eq!(g["amount"], "150000.00");
    assert_eq!(g["end"], "2027-03-31");
    assert_eq!(g["start"], "2026-01-01");
    // The listing's keys are kept; the amendments are added.
    for key in [
        "id",
        "funder",
        "amount",
        "currency",
        "start",
        "end",
        "restricted",
        "purpose",
        "received",
        "spent",
        "lines",
    ] {
        assert!(g.get(key).is_some(), "key {key} missing: {g:#}");
    }
    assert_eq!(
        g["amendments"],
        serde_json::json!([{
            "seq": seq, "effective": "2026-10-01", "amount": "150000.00", "end": "2027-03-31",
            "reason": "Avenant n°1 du 28/09/2026",
        }])
    );
    // Only the amount changes with a second amendment; the end stays the amended one.
    ok(
        l,
        &[
            "grant",
            "amend",
            "CMM-2026",
            "--amount",
            "140000.50",
            "--effective",
            "2026-11-15",
            "--reason",
            "Avenant n°2",
        ],
    );
    let g = grant(l, "CMM-2026");
    assert_eq!(g["amount"], "140000.50");
    assert_eq!(g["end"], "2027-03-31");
    assert_eq!(g["amendments"].as_array().unwrap().len(), 2);
    let text = ok(l, &["grant", "list", "--grant", "CMM-2026"]);
    assert!(
        text.contains("amended from 2026-10-01")
            && text.contains("end 2027-03-31 (Avenant n°1 du 28/09/2026)"),
        "{text}"
    );
    // The history is in the log; the grant's own entry is unchanged.
    let log = ok(l, &["log", "--kind", "grant-amendment"]);
    assert!(
        log.contains(
            "grant CMM-2026 amended from 2026-10-01: amount 150000.00 MAD, end 2027-03-31"
        ),
        "{log}"
    );
    let grants = json(l, &["log", "--kind", "grant", "--format", "json"]);
    assert_eq!(grants["entries"][0]["content"]["end"], "2026-12-31");
    let (code, v) = verify_json(l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    assert!(python_findings(l).is_empty(), "{:?}", python_findings(l));
}

#[test]
fn a_grant_amendment_is_refused_when_wrong_and_changes_nothing() {
    let f = Fixture::new();
    let l = f.path();
    let before = snapshot(l);
    let amend = |args: &[&str]| {
        let mut all = vec!["grant", "amend"];
        all.extend_from_slice(args);
        fails(l, &all, 2)
    };
    let cases: [(&[&str], &str); 8] = [
        (
            &[
                "NOPE",
                "--amount",
                "1",
                "--effective",
                "2026-05-01",
                "--reason",
                "x",
            ],
            "grant NOPE does not exist",
        ),
        (
            &["CMM-2026", "--effective", "2026-05-01", "--reason", "x"],
            "give --amount or --end",
        ),
        (
            &[
                "CMM-2026",
                "--end",
                "2025-12-31",
                "--effective",
                "2026-05-01",
                "--reason",
                "x",
            ],
            "before it starts (2026-01-01)",
        ),
        // Spending of 2026-02-13 (transaction #2) would fall outside.
        (
            &[
                "CMM-2026",
                "--end",
                "2026-02-01",
                "--effective",
                "2026-01-15",
                "--reason",
                "x",
            ],
            "spending charged to it is dated after that day (transactions #2)",
        ),
        (
            &[
                "CMM-2026",
                "--amount",
                "1.001",
                "--effective",
                "2026-05-01",
                "--reason",
                "x",
            ],
            "1.001",
        ),
        (
            &[
                "CMM-2026",
                "--amount=-5",
                "--effective",
                "2026-05-01",
                "--reason",
                "x",
            ],
            "between 0 and 10^13",
        ),
        (
            &[
                "CMM-2026",
                "--end",
                "2026-02-30",
                "--effective",
                "2026-05-01",
                "--reason",
                "x",
            ],
            "2026-02-30",
        ),
        (
            &[
                "CMM-2026",
                "--amount",
                "1",
                "--effective",
                "2026-05-01",
                "--reason",
                "  ",
            ],
            "reason",
        ),
    ];
    for (args, expected) in cases {
        let err = amend(args);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert_eq!(
        snapshot(l),
        before,
        "a refused amendment changed the ledger"
    );
}

#[test]
fn a_grant_can_be_shortened_once_the_spending_after_its_new_end_is_reversed() {
    let f = Fixture::new();
    let l = f.path();
    let shorten = [
        "grant",
        "amend",
        "CMM-2026",
        "--end",
        "2026-02-01",
        "--effective",
        "2026-01-15",
        "--reason",
        "Convention signée pour janvier seulement",
    ];
    fails(l, &shorten, 2);
    ok(l, &["reverse", "2", "--reason", "Imputée à tort à la CMM"]);
    ok(l, &shorten);
    let g = grant(l, "CMM-2026");
    assert_eq!(g["end"], "2026-02-01");
    // Spending after the new end is refused; the reversal stays (it mirrors an admitted entry).
    let err = fails(
        l,
        &[
            "record",
            "--date",
            "2026-02-13",
            "--desc",
            "Salle",
            "--post",
            "6126 4500.00 grant=CMM-2026 line=training",
            "--post",
            "5141",
        ],
        2,
    );
    assert!(
        err.contains("inside its period 2026-01-01 to 2026-02-01"),
        "{err}"
    );
    let (code, v) = verify_json(l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    assert!(python_findings(l).is_empty(), "{:?}", python_findings(l));
}

/// An amendment's projected row edited, and an amendment rewritten in the chain (every hash
/// recomputed) to shorten the grant before recorded spending: both verifiers say so, at it.
#[test]
fn both_verifiers_replay_rule_16_and_compare_the_amendments_table() {
    let f = Fixture::new();
    let l = f.path();
    ok(
        l,
        &[
            "grant",
            "amend",
            "CMM-2026",
            "--amount",
            "150000",
            "--end",
            "2027-03-31",
            "--effective",
            "2026-10-01",
            "--reason",
            "Avenant",
        ],
    );
    let seq = last_seq(l, "grant-amendment");
    both_find_a_row_edited(
        l,
        seq,
        "UPDATE grant_amendments SET amount = 99 WHERE seq = ?1",
    );

    // The chain rewritten: the amendment now ends the grant before the spending of 2026-02-13.
    let (ours, v) = rewrite_entry(l, seq, b"2027-03-31", b"2026-02-01", None);
    assert!(ours.contains(&(seq, "rule-violation".into())), "{v:#}");
}

/// A ledger file from before the amendments (schema 2) still reads and verifies, read-only,
/// without being changed; amana adds the table when it next writes the file.
#[test]
fn a_ledger_of_the_previous_schema_reads_as_before_and_is_upgraded_by_a_write() {
    let f = Fixture::new();
    let l = f.path();
    {
        let c = rusqlite::Connection::open(l).unwrap();
        c.execute_batch(
            "DROP TABLE grant_amendments; DROP TABLE account_changes;
             DROP TABLE budget_line_amendments; DROP TABLE funder_changes;
             DROP TABLE year_ends; DROP TABLE sources; DROP TABLE depreciations;
             DROP TABLE assets;
             DROP TABLE rates; DROP TABLE grant_terms;
             DROP TABLE variance_notes; DROP TABLE settings;
             DROP INDEX postings_by_account_grant; DROP TABLE variance_thresholds;
             DROP TABLE year_totals; DROP TABLE funder_identifiers;
             DROP TABLE reconciled; DROP TABLE reconciliations; DROP TABLE bank_assignments;
             DROP TABLE bank_lines; DROP TABLE bank_imports; DROP INDEX entries_by_batch;
             PRAGMA user_version = 2;",
        )
        .unwrap();
        // `accounts` as 0001 made it: 0008 rebuilt it to admit memorandum accounts.
        let init = include_str!("../../schema/0001_init.sql");
        let start = init.find("CREATE TABLE accounts (").unwrap();
        let end = start + init[start..].find(") STRICT;").unwrap() + ") STRICT".len();
        c.execute_batch("PRAGMA writable_schema = ON").unwrap();
        c.execute(
            "UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = 'accounts'",
            [&init[start..end]],
        )
        .unwrap();
        c.execute_batch("PRAGMA writable_schema = OFF").unwrap();
    }
    let bytes = std::fs::read(l).unwrap();
    let (code, v) = verify_json(l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    assert!(python_findings(l).is_empty(), "{:?}", python_findings(l));
    let g = grant(l, "CMM-2026");
    assert_eq!(g["amount"], "120000.00");
    assert_eq!(g["amendments"], serde_json::json!([]));
    assert_eq!(std::fs::read(l).unwrap(), bytes, "a read changed the file");
    ok(
        l,
        &[
            "grant",
            "amend",
            "CMM-2026",
            "--end",
            "2027-01-31",
            "--effective",
            "2026-12-01",
            "--reason",
            "Avenant",
        ],
    );
    assert_eq!(grant(l, "CMM-2026")["end"], "2027-01-31");
    let (code, v) = verify_json(l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
}

fn account(ledger: &std::path::Path, code: &str) -> Value {
    let v = json(
        ledger,
        &["account", "list", "--prefix", code, "--format", "json"],
    );
    v["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == code)
        .cloned()
        .unwrap()
}

#[test]
fn an_account_renamed_shows_its_new_name_and_the_log_keeps_the_old_one() {
    let f = Fixture::new();
    let l = f.path();
    let old = account(l, "6126")["name"].clone();
    ok(
        l,
        &[
            "account",
            "rename",
            "6126",
            "--name",
            "Formations et séminaires",
            "--reason",
            "Intitulé adopté par le bureau",
        ],
    );
    let a = account(l, "6126");
    assert_eq!(a["name"], "Formations et séminaires");
    assert_eq!(a["retired"], Value::Null);
    // Balance and journal show the name in force.
    let balance = json(l, &["balance", "--format", "json"]);
    let row = balance["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "6126")
        .unwrap()
        .clone();
    assert_eq!(row["name"], "Formations et séminaires");
    let journal = ok(l, &["journal", "--account", "6126", "--format", "json"]);
    assert!(journal.contains("Formations et séminaires"), "{journal}");
    // The account's own entry keeps the old name; the change is in the log.
    let accounts = json(l, &["log", "--kind", "account", "--format", "json"]);
    let registered = accounts["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["content"]["code"] == "6126")
        .unwrap()
        .clone();
    assert_eq!(registered["content"]["name"], old);
    let log = ok(l, &["log", "--kind", "account-change"]);
    assert!(
        log.contains(
            "account 6126 renamed Formations et séminaires (Intitulé adopté par le bureau)"
        ),
        "{log}"
    );
    let (code, v) = verify_json(l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    assert!(python_findings(l).is_empty(), "{:?}", python_findings(l));
}

#[test]
fn a_retired_account_takes_no_posting_from_its_day_but_reversals_still_mirror() {
    let f = Fixture::new();
    let l = f.path();
    // 6126 has a posting of 2026-02-13 (transaction #2): it cannot be retired before that.
    let err = fails(
        l,
        &[
            "account",
            "retire",
            "6126",
            "--effective",
            "2026-02-01",
            "--reason",
            "x",
        ],
        2,
    );
    assert!(
        err.contains("cannot be retired from 2026-02-01") && err.contains("#2"),
        "{err}"
    );
    ok(
        l,
        &[
            "account",
            "retire",
            "6126",
            "--effective",
            "2026-03-01",
            "--reason",
            "Formations imputées au compte 6136 désormais",
        ],
    );
    assert_eq!(account(l, "6126")["retired"], "2026-03-01");
    let listed = ok(l, &["account", "list", "--prefix", "6126"]);
    assert!(listed.contains("(retired from 2026-03-01)"), "{listed}");
    let before = snapshot(l);
    let post = |date: &str| {
        vec![
            "record".to_string(),
            "--date".into(),
            date.into(),
            "--desc".into(),
            "Salle".into(),
            "--post".into(),
            "6126 100.00".into(),
            "--post".into(),
            "5141".into(),
        ]
    };
    let args = post("2026-03-01");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let err = fails(l, &args, 2);
    assert!(
        err.contains("account 6126 is retired from 2026-03-01"),
        "{err}"
    );
    // Twice, without a day, an unknown account, nothing to change: refused, nothing changed.
    for (args, expected) in [
        (
            &[
                "account",
                "retire",
                "6126",
                "--effective",
                "2026-06-01",
                "--reason",
                "x",
            ][..],
            "already retired, from 2026-03-01",
        ),
        (
            &[
                "account",
                "retire",
                "NOPE",
                "--effective",
                "2026-06-01",
                "--reason",
                "x",
            ],
            "account NOPE does not exist",
        ),
        (
            &[
                "account",
                "retire",
                "6131",
                "--effective",
                "2026-13-01",
                "--reason",
                "x",
            ],
            "2026-13-01",
        ),
        (
            &[
                "account", "rename", "6131", "--name", "Loyer", "--reason", " ",
            ],
            "reason",
        ),
    ] {
        let err = fails(l, args, 2);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert_eq!(snapshot(l), before, "a refused command changed the ledger");
    // Before its day it still takes postings; a reversal of an earlier entry posts to it.
    let args = post("2026-02-28");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(l, &args);
    ok(
        l,
        &[
            "reverse",
            "2",
            "--date",
            "2026-04-02",
            "--reason",
            "Facture annulée par le fournisseur",
        ],
    );
    let (code, v) = verify_json(l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    assert!(python_findings(l).is_empty(), "{:?}", python_findings(l));
}

/// A posting to a retired account written behind amana's back (the chain rewritten, every
/// hash recomputed): both verifiers find the same rule violation.
#[test]
fn both_verifiers_refuse_a_posting_to_a_retired_account_in_a_rewritten_chain() {
    let f = Fixture::new();
    let l = f.path();
    ok(
        l,
        &[
            "record",
            "--date",
            "2026-05-10",
            "--desc",
            "Loyer mai",
            "--post",
            "6131 4000.00",
            "--post",
            "5141",
        ],
    );
    ok(
        l,
        &[
            "account",
            "retire",
            "6131",
            "--effective",
            "2026-06-01",
            "--reason",
            "Local quitté",
        ],
    );
    let seq = last_seq(l, "account-change");
    // The retirement moved back before the rent of May, which stays recorded.
    let (ours, v) = rewrite_entry(
        l,
        seq,
        b"2026-06-01",
        b"2026-05-01",
        Some("UPDATE account_changes SET effective = '2026-05-01' WHERE seq = ?1"),
    );
    assert_eq!(ours, vec![(seq, "rule-violation".to_string())], "{v:#}");
}

fn line(ledger: &std::path::Path, grant_id: &str, line: &str) -> Value {
    grant(ledger, grant_id)["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["line"] == line)
        .cloned()
        .unwrap()
}

/// `record` of 100.00 on 6126 charged to CMM-2026/training, dated `date`.
fn charge_training(date: &str) -> Vec<String> {
    [
        "record",
        "--date",
        date,
        "--desc",
        "Formation",
        "--post",
        "6126 100.00 grant=CMM-2026 line=training",
        "--post",
        "5141",
    ]
    .map(String::from)
    .to_vec()
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

#[test]
fn a_budget_line_amended_shows_its_budget_in_force_and_a_withdrawn_line_takes_no_posting() {
    let f = Fixture::new();
    let l = f.path();
    let before = line(l, "CMM-2026", "training");
    assert_eq!(before["budget"], "45000.00");
    assert_eq!(before["withdrawn"], Value::Null);
    ok(
        l,
        &[
            "grant",
            "budget-amend",
            "CMM-2026",
            "training",
            "--amount",
            "38000.50",
            "--effective",
            "2026-09-01",
            "--reason",
            "Avenant n°1 : formation réduite",
        ],
    );
    let amended = last_seq(l, "budget-line-amendment");
    let t = line(l, "CMM-2026", "training");
    assert_eq!(t["budget"], "38000.50");
    assert_eq!(t["spent"], "4500.00");
    assert_eq!(t["remaining"], "33500.50");
    // The listing's keys are kept; the withdrawn mark and the amendments are added.
    for key in [
        "line",
        "label",
        "account",
        "budget",
        "spent",
        "remaining",
        "overspent",
    ] {
        assert!(t.get(key).is_some(), "key {key} missing: {t:#}");
    }
    assert_eq!(t["withdrawn"], Value::Null);
    assert_eq!(
        t["amendments"],
        serde_json::json!([{
            "seq": amended, "effective": "2026-09-01", "amount": "38000.50", "withdrawn": false,
            "reason": "Avenant n°1 : formation réduite",
        }])
    );
    // Withdrawn from 2026-10-01: a charge dated that day is refused with a hint; one dated
    // the day before is still taken; the spent stays in the report.
    ok(
        l,
        &[
            "grant",
            "budget-amend",
            "CMM-2026",
            "training",
            "--withdraw",
            "--effective",
            "2026-10-01",
            "--reason",
            "Formation abandonnée",
        ],
    );
    let t = line(l, "CMM-2026", "training");
    assert_eq!(t["withdrawn"], "2026-10-01");
    assert_eq!(t["budget"], "38000.50");
    assert_eq!(t["spent"], "4500.00");
    assert_eq!(t["amendments"].as_array().unwrap().len(), 2);
    assert_eq!(line(l, "CMM-2026", "rent")["withdrawn"], Value::Null);
    let refused_before = snapshot(l);
    let err = fails(l, &strs(&charge_training("2026-10-01")), 2);
    assert!(
        err.contains("budget line training of grant CMM-2026 is withdrawn from 2026-10-01")
            && err.contains("amana grant list --grant CMM-2026"),
        "{err}"
    );
    assert_eq!(
        snapshot(l),
        refused_before,
        "a refused record changed the ledger"
    );
    ok(l, &strs(&charge_training("2026-09-30")));
    assert_eq!(line(l, "CMM-2026", "training")["spent"], "4600.00");
    // A reversal of an earlier charge still mirrors it, dated after the withdrawal.
    ok(
        l,
        &[
            "reverse",
            "2",
            "--date",
            "2026-11-02",
            "--reason",
            "Facture annulée",
        ],
    );
    assert_eq!(line(l, "CMM-2026", "training")["spent"], "100.00");
    let text = ok(l, &["grant", "list", "--grant", "CMM-2026"]);
    assert!(
        text.contains("WITHDRAWN from 2026-10-01")
            && text.contains("line training amended from 2026-10-01 (entry")
            && text.contains("withdrawn (Formation abandonnée)"),
        "{text}"
    );
    // The history is in the log; the line's own entry is unchanged.
    let log = ok(l, &["log", "--kind", "budget-line-amendment"]);
    assert!(
        log.contains(
            "budget line CMM-2026/training amended from 2026-09-01: budget 38000.50 MAD (Avenant n°1 : formation réduite)"
        ) && log.contains("amended from 2026-10-01: withdrawn (Formation abandonnée)"),
        "{log}"
    );
    let lines = json(l, &["log", "--kind", "budget-line", "--format", "json"]);
    assert_eq!(lines["entries"][0]["content"]["amount"], "45000.00");
    let (code, v) = verify_json(l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    assert!(python_findings(l).is_empty(), "{:?}", python_findings(l));
}

#[test]
fn a_budget_line_amendment_is_refused_when_wrong_and_changes_nothing() {
    let f = Fixture::new();
    let l = f.path();
    ok(
        l,
        &[
            "grant",
            "budget-amend",
            "CMM-2026",
            "rent",
            "--withdraw",
            "--effective",
            "2026-07-01",
            "--reason",
            "Local mis à disposition",
        ],
    );
    let before = snapshot(l);
    let cases: [(&[&str], &str); 10] = [
        (
            &[
                "NOPE",
                "training",
                "--amount",
                "1",
                "--effective",
                "2026-05-01",
                "--reason",
                "x",
            ],
            "grant NOPE does not exist",
        ),
        (
            &[
                "CMM-2026",
                "equipment",
                "--amount",
                "1",
                "--effective",
                "2026-05-01",
                "--reason",
                "x",
            ],
            "grant CMM-2026 has no budget line equipment",
        ),
        (
            &[
                "CMM-2026",
                "training",
                "--effective",
                "2026-05-01",
                "--reason",
                "x",
            ],
            "give --amount or --withdraw",
        ),
        // Transaction #2 (2026-02-13) is charged to the line.
        (
            &[
                "CMM-2026",
                "training",
                "--withdraw",
                "--effective",
                "2026-02-13",
                "--reason",
                "x",
            ],
            "cannot be withdrawn from 2026-02-13: transactions dated on or after that day are charged to it (#2)",
        ),
        (
            &[
                "CMM-2026",
                "rent",
                "--withdraw",
                "--effective",
                "2026-08-01",
                "--reason",
                "x",
            ],
            "already withdrawn, from 2026-07-01",
        ),
        (
            &[
                "CMM-2026",
                "training",
                "--amount",
                "1.001",
                "--effective",
                "2026-05-01",
                "--reason",
                "x",
            ],
            "1.001",
        ),
        (
            &[
                "CMM-2026",
                "training",
                "--amount=-5",
                "--effective",
                "2026-05-01",
                "--reason",
                "x",
            ],
            "between 0 and 10^13",
        ),
        (
            &[
                "CMM-2026",
                "training",
                "--amount",
                "1",
                "--effective",
                "2026-02-30",
                "--reason",
                "x",
            ],
            "2026-02-30",
        ),
        (
            &[
                "CMM-2026",
                "training",
                "--amount",
                "1",
                "--effective",
                "2026-05-01",
                "--reason",
                "  ",
            ],
            "reason",
        ),
        (
            &[
                "CMM-2026",
                "bad/line",
                "--amount",
                "1",
                "--effective",
                "2026-05-01",
                "--reason",
                "x",
            ],
            "bad/line",
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["grant", "budget-amend"];
        all.extend_from_slice(args);
        let err = fails(l, &all, 2);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert_eq!(
        snapshot(l),
        before,
        "a refused amendment changed the ledger"
    );
}

/// A line withdrawn once the charge after its day is reversed; then, behind amana's back, the
/// withdrawal's row edited, and the withdrawal moved before a standing charge in a rewritten
/// chain (every hash recomputed): both verifiers find the same problems, at it.
#[test]
fn both_verifiers_replay_budget_line_withdrawals_and_compare_their_table() {
    let f = Fixture::new();
    let l = f.path();
    ok(l, &strs(&charge_training("2026-05-10")));
    let withdraw = [
        "grant",
        "budget-amend",
        "CMM-2026",
        "training",
        "--withdraw",
        "--effective",
        "2026-05-01",
        "--reason",
        "Formation abandonnée",
    ];
    let err = fails(l, &withdraw, 2);
    assert!(err.contains("(#3)"), "{err}");
    ok(l, &["reverse", "3", "--reason", "Imputée à tort"]);
    ok(l, &withdraw);
    let (code, v) = verify_json(l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    assert!(python_findings(l).is_empty(), "{:?}", python_findings(l));
    let seq = last_seq(l, "budget-line-amendment");

    both_find_a_row_edited(
        l,
        seq,
        "UPDATE budget_line_amendments SET withdrawn = 0 WHERE seq = ?1",
    );

    // The withdrawal moved back before transaction #2 (2026-02-13), which stands.
    let (ours, v) = rewrite_entry(
        l,
        seq,
        b"2026-05-01",
        b"2026-02-01",
        Some("UPDATE budget_line_amendments SET effective = '2026-02-01' WHERE seq = ?1"),
    );
    assert_eq!(ours, vec![(seq, "rule-violation".to_string())], "{v:#}");
}

/// A charge to a withdrawn line written behind amana's back: both verifiers refuse it.
#[test]
fn both_verifiers_refuse_a_charge_to_a_withdrawn_line_in_a_rewritten_chain() {
    let f = Fixture::new();
    let l = f.path();
    ok(
        l,
        &[
            "grant",
            "budget-amend",
            "CMM-2026",
            "training",
            "--withdraw",
            "--effective",
            "2026-06-01",
            "--reason",
            "Formation abandonnée",
        ],
    );
    ok(l, &strs(&charge_training("2026-05-20")));
    let seq = last_seq(l, "transaction");
    // The charge of 2026-05-20 re-dated into the withdrawn period.
    let (ours, v) = rewrite_entry(
        l,
        seq,
        b"2026-05-20",
        b"2026-06-20",
        Some("UPDATE entries SET date = '2026-06-20' WHERE seq = ?1"),
    );
    assert_eq!(ours, vec![(seq, "rule-violation".to_string())], "{v:#}");
}

fn funder(ledger: &std::path::Path, id: &str) -> Value {
    json(ledger, &["funder", "list", "--format", "json"])["funders"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .cloned()
        .unwrap()
}

#[test]
fn a_funder_renamed_shows_its_new_name_and_the_log_keeps_the_old_one() {
    let f = Fixture::new();
    let l = f.path();
    let before = funder(l, "CMM");
    assert_eq!(
        before["name"],
        "Conseil de l'arrondissement Marrakech-Médina"
    );
    let out = ok(
        l,
        &[
            "funder",
            "rename",
            "CMM",
            "--name",
            "Commune de Marrakech",
            "--reason",
            "Nom officiel de la convention",
        ],
    );
    assert!(out.contains("Renamed funder CMM"), "{out}");
    let after = funder(l, "CMM");
    assert_eq!(after["name"], "Commune de Marrakech");
    // Every other key is as before.
    let (mut a, mut b) = (after.clone(), before.clone());
    a.as_object_mut().unwrap().remove("name");
    b.as_object_mut().unwrap().remove("name");
    assert_eq!(a, b);
    assert_eq!(funder(l, "INDH")["name"], "INDH");
    let text = ok(l, &["funder", "list"]);
    assert!(text.contains("Commune de Marrakech"), "{text}");
    // A second rename: the latest is in force; the log keeps them all, the funder's own
    // entry its first name.
    ok(
        l,
        &[
            "funder",
            "rename",
            "CMM",
            "--name",
            "Commune de Marrakech – Arrondissement Médina",
            "--reason",
            "Avenant",
        ],
    );
    assert_eq!(
        funder(l, "CMM")["name"],
        "Commune de Marrakech – Arrondissement Médina"
    );
    let log = ok(l, &["log", "--kind", "funder-change"]);
    assert!(
        log.contains("funder CMM renamed Commune de Marrakech (Nom officiel de la convention)")
            && log.contains(
                "funder CMM renamed Commune de Marrakech – Arrondissement Médina (Avenant)"
            ),
        "{log}"
    );
    let changes = json(l, &["log", "--kind", "funder-change", "--format", "json"]);
    assert_eq!(
        changes["entries"][0]["content"],
        serde_json::json!({
            "id": "CMM", "name": "Commune de Marrakech", "reason": "Nom officiel de la convention",
        })
    );
    let funders = json(l, &["log", "--kind", "funder", "--format", "json"]);
    assert_eq!(
        funders["entries"][0]["content"]["name"],
        "Conseil de l'arrondissement Marrakech-Médina"
    );
    let (code, v) = verify_json(l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    assert!(python_findings(l).is_empty(), "{:?}", python_findings(l));
}

#[test]
fn a_funder_rename_is_refused_when_wrong_and_changes_nothing() {
    let f = Fixture::new();
    let l = f.path();
    let before = snapshot(l);
    let cases: [(&[&str], &str); 5] = [
        (
            &["NOPE", "--name", "X", "--reason", "x"],
            "funder NOPE does not exist",
        ),
        (&["CMM", "--name", "  ", "--reason", "x"], "name"),
        (&["CMM", "--name", "X", "--reason", " "], "reason"),
        (
            &["CMM", "--name", "A\u{202E}B", "--reason", "x"],
            "bidirectional",
        ),
        (&["bad/id", "--name", "X", "--reason", "x"], "bad/id"),
    ];
    for (args, expected) in cases {
        let mut all = vec!["funder", "rename"];
        all.extend_from_slice(args);
        let err = fails(l, &all, 2);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert_eq!(snapshot(l), before, "a refused rename changed the ledger");
}

/// A rename's projected row edited, and a rename rewritten in the chain (every hash
/// recomputed) to name a funder that does not exist: both verifiers say so, at it.
#[test]
fn both_verifiers_replay_funder_renames_and_compare_their_table() {
    let f = Fixture::new();
    let l = f.path();
    ok(
        l,
        &[
            "funder",
            "rename",
            "INDH",
            "--name",
            "Initiative Nationale pour le Développement Humain",
            "--reason",
            "Nom complet",
        ],
    );
    let seq = last_seq(l, "funder-change");
    both_find_a_row_edited(
        l,
        seq,
        "UPDATE funder_changes SET name = 'INDH (faux)' WHERE seq = ?1",
    );

    let (ours, v) = rewrite_entry(
        l,
        seq,
        b"INDH",
        b"NOPE",
        Some("UPDATE funder_changes SET funder_id = 'NOPE' WHERE seq = ?1"),
    );
    assert_eq!(ours, vec![(seq, "rule-violation".to_string())], "{v:#}");
}
