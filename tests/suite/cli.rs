//! The treasurer's commands, run as the real binary on a real SQLite file. Every refused
//! command is checked to leave the ledger exactly as it was (same balance, journal, log, and a
//! passing verify). The error tests double as a catalogue of amana's messages.

use crate::common;

use common::{Fixture, fails, ok, run, snapshot, stderr, stdout};
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// Asserts that `args` exits with `code`, that stderr contains each of `needles`, and that the
/// ledger is unchanged.
fn refused(fx: &Fixture, args: &[&str], code: i32, needles: &[&str]) -> String {
    let before = snapshot(fx.path());
    let err = fails(fx.path(), args, code);
    for n in needles {
        assert!(err.contains(n), "stderr of {args:?} lacks {n:?}:\n{err}");
    }
    assert_eq!(before, snapshot(fx.path()), "{args:?} changed the ledger");
    err
}

#[test]
fn balance_json_follows_the_contract() {
    let fx = Fixture::new();
    let v = json(&ok(fx.path(), &["balance", "--format", "json"]));
    assert_eq!(v["currency"], "MAD");
    let accounts = v["accounts"].as_array().unwrap();
    let rows: Vec<(String, String, String, String)> = accounts
        .iter()
        .map(|a| {
            (
                a["code"].as_str().unwrap().into(),
                a["name"].as_str().unwrap().into(),
                a["type"].as_str().unwrap().into(),
                a["balance"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "5141".into(),
                "Banques (soldes débiteurs)".into(),
                "asset".into(),
                "55500.00".into()
            ),
            (
                "6126".into(),
                "Achats de travaux, études et prestations de service".into(),
                "expense".into(),
                "4500.00".into()
            ),
            (
                "7161".into(),
                "Subventions d'exploitation reçues de l'exercice".into(),
                "income".into(),
                "-60000.00".into()
            ),
        ]
    );
}

#[test]
fn balance_filters_by_grant_and_date() {
    let fx = Fixture::new();
    let v = json(&ok(
        fx.path(),
        &["balance", "--as-of", "2026-01-31", "--format", "json"],
    ));
    let codes: Vec<&str> = v["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["5141", "7161"]);
    let v = json(&ok(
        fx.path(),
        &["balance", "--grant", "CMM-2026", "--format", "json"],
    ));
    let rows: Vec<(&str, &str)> = v["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["code"].as_str().unwrap(), a["balance"].as_str().unwrap()))
        .collect();
    assert_eq!(rows, [("6126", "4500.00"), ("7161", "-60000.00")]);
    let csv = ok(fx.path(), &["balance", "--format", "csv"]);
    assert!(csv.starts_with("code,name,type,balance\n5141,"), "{csv}");
    let table = ok(fx.path(), &["balance"]);
    assert!(table.contains("Total") && table.contains("0.00"), "{table}");
}

#[test]
fn journal_shows_transactions_with_postings() {
    let fx = Fixture::new();
    let v = json(&ok(fx.path(), &["journal", "--format", "json"]));
    let t = &v["transactions"][1];
    assert_eq!(t["id"], 2);
    assert_eq!(t["date"], "2026-02-13");
    assert_eq!(t["reference"], "FAC-0213");
    assert_eq!(t["postings"][0]["grant"], "CMM-2026");
    assert_eq!(t["postings"][0]["line"], "training");
    assert_eq!(t["postings"][0]["memo"], "salle et pauses");
    assert_eq!(
        t["postings"][1]["amount"], "-4500.00",
        "the elided amount balances the entry"
    );
    let filtered = json(&ok(
        fx.path(),
        &["journal", "--account", "61", "--format", "json"],
    ));
    assert_eq!(filtered["transactions"].as_array().unwrap().len(), 1);
    let filtered = json(&ok(
        fx.path(),
        &[
            "journal",
            "--from",
            "2026-02-01",
            "--to",
            "2026-02-28",
            "--format",
            "json",
        ],
    ));
    assert_eq!(filtered["transactions"][0]["id"], 2);
    let text = ok(fx.path(), &["journal"]);
    assert!(
        text.contains("#2 2026-02-13 Salle et pauses-café, session 1  [FAC-0213]"),
        "{text}"
    );
}

#[test]
fn journal_csv_round_trips_through_import() {
    let fx = Fixture::new();
    let csv = ok(fx.path(), &["journal", "--format", "csv"]);
    let other = tempfile::tempdir().unwrap();
    let ledger = other.path().join("copy.db");
    ok(
        &ledger,
        &[
            "init",
            "--name",
            "Copie",
            "--currency",
            "MAD",
            "--chart",
            "ma-associations",
        ],
    );
    ok(
        &ledger,
        &[
            "funder",
            "add",
            "CMM",
            "--name",
            "CMM",
            "--type",
            "public-local",
        ],
    );
    ok(
        &ledger,
        &[
            "grant",
            "add",
            "CMM-2026",
            "--funder",
            "CMM",
            "--amount",
            "1",
            "--start",
            "2026-01-01",
            "--end",
            "2026-12-31",
        ],
    );
    ok(
        &ledger,
        &[
            "grant",
            "budget",
            "CMM-2026",
            "training",
            "--amount",
            "45000",
            "--label",
            "Formation",
        ],
    );
    let file = other.path().join("export.csv");
    std::fs::write(&file, csv).unwrap();
    ok(&ledger, &["import", file.to_str().unwrap()]);
    let a = json(&ok(fx.path(), &["balance", "--format", "json"]));
    let b = json(&ok(&ledger, &["balance", "--format", "json"]));
    assert_eq!(a["accounts"], b["accounts"]);
}

#[test]
fn log_lists_every_change_with_actor_and_hashes() {
    let fx = Fixture::new();
    let v = json(&ok(fx.path(), &["log", "--format", "json"]));
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries[0]["kind"], "ledger");
    assert_eq!(entries[0]["seq"], 1);
    let last = entries.last().unwrap();
    assert_eq!(last["kind"], "transaction");
    assert_eq!(last["actor"], "test-treasurer");
    assert_eq!(last["chain"].as_str().unwrap().len(), 64);
    assert_eq!(last["content"]["postings"][0]["amount"], "4500.00");
    let verify = json(&ok(fx.path(), &["verify", "--format", "json"]));
    assert_eq!(verify["entries"], last["seq"]);
    assert_eq!(verify["head"], last["chain"]);
    let kinds = json(&ok(
        fx.path(),
        &["log", "--kind", "grant", "--format", "json"],
    ));
    assert_eq!(kinds["entries"].as_array().unwrap().len(), 2);
}

#[test]
fn verify_json_follows_the_contract() {
    let fx = Fixture::new();
    let v = json(&ok(fx.path(), &["verify", "--format", "json"]));
    assert_eq!(v["ok"], true);
    assert!(v["entries"].as_i64().unwrap() > 589);
    assert_eq!(v["head"].as_str().unwrap().len(), 64);
    assert_eq!(v["problems"], Value::Array(vec![]));
    let text = ok(fx.path(), &["verify"]);
    assert!(text.starts_with("OK: "), "{text}");
}

#[test]
fn reverse_records_the_opposite_and_links_it() {
    let fx = Fixture::new();
    let out = ok(
        fx.path(),
        &[
            "reverse",
            "2",
            "--date",
            "2026-02-20",
            "--reason",
            "montant erroné",
        ],
    );
    assert!(
        out.contains("Reversed transaction #2 with transaction #3"),
        "{out}"
    );
    let v = json(&ok(fx.path(), &["journal", "--format", "json"]));
    assert_eq!(v["transactions"][1]["reversed_by"], 3);
    let r = &v["transactions"][2];
    assert_eq!(r["kind"], "reversal");
    assert_eq!(r["reverses"], 2);
    assert_eq!(r["reason"], "montant erroné");
    assert_eq!(r["postings"][0]["amount"], "-4500.00");
    let bal = json(&ok(fx.path(), &["balance", "--format", "json"]));
    let expense = bal["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == "6126")
        .unwrap();
    assert_eq!(expense["balance"], "0.00");
    ok(fx.path(), &["verify"]);
}

#[test]
fn refuses_to_reverse_twice_or_reverse_a_reversal() {
    let fx = Fixture::new();
    ok(
        fx.path(),
        &["reverse", "2", "--date", "2026-02-20", "--reason", "erreur"],
    );
    refused(
        &fx,
        &["reverse", "2", "--date", "2026-02-21", "--reason", "encore"],
        2,
        &["transaction 2 was already reversed"],
    );
    refused(
        &fx,
        &["reverse", "3", "--date", "2026-02-21", "--reason", "encore"],
        2,
        &["is itself a reversal"],
    );
    refused(
        &fx,
        &["reverse", "99", "--date", "2026-02-21", "--reason", "x"],
        2,
        &["transaction 99 does not exist"],
    );
    refused(
        &fx,
        &["reverse", "1", "--date", "2026-01-01", "--reason", "x"],
        2,
        &["cannot be dated before"],
    );
}

#[test]
fn over_spent_budget_line_is_recorded_with_a_warning() {
    let fx = Fixture::new();
    let o = run(
        fx.path(),
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "Formation, gros lot",
            "--post",
            "6126 41000.00 grant=CMM-2026 line=training",
            "--post",
            "5141",
        ],
    );
    assert!(o.status.success());
    let err = stderr(&o);
    assert!(err.contains("warning: transaction 3: budget line CMM-2026/training is over-spent: 45500.00 MAD spent of 45000.00 MAD budgeted"), "{err}");
    assert!(stdout(&o).contains("Recorded transaction #3"));
}

#[test]
fn init_refuses_an_existing_file_and_bad_values() {
    let fx = Fixture::new();
    refused(
        &fx,
        &[
            "init",
            "--name",
            "X",
            "--currency",
            "MAD",
            "--chart",
            "none",
        ],
        2,
        &["already there", "never overwrites"],
    );
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("new.db");
    fails(
        &fresh,
        &[
            "init",
            "--name",
            "X",
            "--currency",
            "MADX",
            "--chart",
            "none",
        ],
        2,
    );
    fails(
        &fresh,
        &[
            "init",
            "--name",
            "X",
            "--currency",
            "MAD",
            "--chart",
            "french",
        ],
        2,
    );
    let err = fails(
        &fresh,
        &[
            "init",
            "--name",
            "X",
            "--currency",
            "MAD",
            "--chart",
            "none",
            "--fiscal-year-start",
            "02-30",
        ],
        2,
    );
    assert!(err.contains("MM-DD"), "{err}");
    assert!(!fresh.exists(), "a refused init leaves no file");
    ok(
        &fresh,
        &[
            "init",
            "--name",
            "X",
            "--currency",
            "TND",
            "--chart",
            "generic",
            "--fiscal-year-start",
            "07-01",
        ],
    );
    assert!(ok(&fresh, &["verify"]).starts_with("OK"));
}

#[test]
fn a_missing_or_foreign_file_is_an_environment_error_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    let err = fails(&missing, &["balance"], 3);
    assert!(err.contains("no such ledger file"), "{err}");
    assert!(!missing.exists(), "reading never creates a ledger");
    fails(
        &missing,
        &[
            "record",
            "--date",
            "2026-01-01",
            "--desc",
            "x",
            "--post",
            "1 1",
            "--post",
            "2",
        ],
        3,
    );
    assert!(!missing.exists());

    let foreign = dir.path().join("notes.txt");
    std::fs::write(&foreign, "hello, this is not a database").unwrap();
    let err = fails(&foreign, &["verify"], 3);
    assert!(err.contains("not an amana ledger"), "{err}");
    assert_eq!(
        std::fs::read(&foreign).unwrap(),
        b"hello, this is not a database"
    );

    let other_db = dir.path().join("other.sqlite");
    let conn = rusqlite::Connection::open(&other_db).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&other_db).unwrap();
    let err = fails(
        &other_db,
        &["account", "add", "1", "--name", "x", "--type", "asset"],
        3,
    );
    assert!(err.contains("not an amana ledger"), "{err}");
    assert_eq!(std::fs::read(&other_db).unwrap(), before);
}

#[test]
fn unbalanced_transaction_is_refused() {
    let fx = Fixture::new();
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "6126 100.00",
            "--post",
            "5141 -99.99",
        ],
        2,
        &["do not balance", "0.01 MAD"],
    );
}

#[test]
fn a_third_decimal_is_refused() {
    let fx = Fixture::new();
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "6126 100.005",
            "--post",
            "5141",
        ],
        2,
        &["\"100.005\"", "more decimals than MAD allows (2)"],
    );
    refused(
        &fx,
        &[
            "grant",
            "add",
            "G",
            "--funder",
            "CMM",
            "--amount",
            "1.001",
            "--start",
            "2026-01-01",
            "--end",
            "2026-12-31",
        ],
        2,
        &["more decimals"],
    );
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "6126 1,50",
            "--post",
            "5141",
        ],
        2,
        &["is not a number"],
    );
}

#[test]
fn unknown_account_grant_or_line_is_refused() {
    let fx = Fixture::new();
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "6999 100",
            "--post",
            "5141",
        ],
        2,
        &["account 6999 does not exist", "amana account add 6999"],
    );
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "6126 100 grant=NOPE",
            "--post",
            "5141",
        ],
        2,
        &["grant NOPE does not exist"],
    );
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "6126 100 grant=CMM-2026 line=nope",
            "--post",
            "5141",
        ],
        2,
        &["budget line nope does not belong to grant CMM-2026"],
    );
}

#[test]
fn a_line_of_another_grant_is_refused() {
    let fx = Fixture::new();
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-10",
            "--desc",
            "x",
            "--post",
            "6126 100 grant=CMM-2026 line=equipment",
            "--post",
            "5141",
        ],
        2,
        &[
            "budget line equipment does not belong to grant CMM-2026",
            "it is a line of INDH-2026",
        ],
    );
}

#[test]
fn a_line_without_its_grant_is_refused() {
    let fx = Fixture::new();
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-10",
            "--desc",
            "x",
            "--post",
            "6126 100 line=training",
            "--post",
            "5141",
        ],
        2,
        &["has a budget line (training) but no grant"],
    );
}

#[test]
fn a_date_that_does_not_exist_is_refused() {
    let fx = Fixture::new();
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-02-30",
            "--desc",
            "x",
            "--post",
            "6126 100",
            "--post",
            "5141",
        ],
        2,
        &["\"2026-02-30\" is not a real date"],
    );
    refused(
        &fx,
        &[
            "record",
            "--date",
            "13/02/2026",
            "--desc",
            "x",
            "--post",
            "6126 100",
            "--post",
            "5141",
        ],
        2,
        &["YYYY-MM-DD"],
    );
    refused(
        &fx,
        &["balance", "--as-of", "2026-13-01"],
        2,
        &["not a real date"],
    );
}

#[test]
fn an_expense_outside_its_grant_period_is_refused() {
    let fx = Fixture::new();
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2027-01-05",
            "--desc",
            "x",
            "--post",
            "6126 100 grant=CMM-2026",
            "--post",
            "5141",
        ],
        2,
        &["must be dated inside its period 2026-01-01 to 2026-12-31"],
    );
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-02-05",
            "--desc",
            "x",
            "--post",
            "2355 100 grant=INDH-2026 line=equipment",
            "--post",
            "5141",
        ],
        2,
        &["INDH-2026 must be dated inside its period 2026-03-01 to 2026-10-31"],
    );
    // Money received before the period starts is not spending: an advance is fine.
    ok(
        fx.path(),
        &[
            "record",
            "--date",
            "2026-02-05",
            "--desc",
            "Avance INDH",
            "--post",
            "5141 10000",
            "--post",
            "7161 -10000 grant=INDH-2026",
        ],
    );
}

#[test]
fn text_with_bidi_overrides_or_controls_is_refused_and_nfd_is_normalised() {
    let fx = Fixture::new();
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "Facture \u{202E}0001",
            "--post",
            "6126 100",
            "--post",
            "5141",
        ],
        2,
        &["bidirectional"],
    );
    ok(
        fx.path(),
        &[
            "account",
            "add",
            "75868",
            "--name",
            "Cotisations des membres (re\u{301}gularise\u{301}es)",
            "--type",
            "income",
            "--label",
            "ar=اشتراكات الأعضاء",
        ],
    );
    let log = json(&ok(
        fx.path(),
        &["log", "--kind", "account", "--format", "json"],
    ));
    let last = log["entries"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        last["content"]["name"],
        "Cotisations des membres (r\u{e9}gularis\u{e9}es)"
    );
    assert_eq!(last["content"]["labels"]["ar"], "اشتراكات الأعضاء");
}

#[test]
fn duplicate_and_malformed_definitions_are_refused() {
    let fx = Fixture::new();
    refused(
        &fx,
        &[
            "account", "add", "5141", "--name", "Banque", "--type", "asset",
        ],
        2,
        &["account 5141 already exists"],
    );
    refused(
        &fx,
        &[
            "account", "add", "5141 x", "--name", "Banque", "--type", "asset",
        ],
        2,
        &["account code"],
    );
    refused(
        &fx,
        &["account", "add", "9999", "--name", "X", "--type", "equity"],
        2,
        &["\"equity\" is not one of"],
    );
    refused(
        &fx,
        &[
            "funder",
            "add",
            "CMM",
            "--name",
            "X",
            "--type",
            "public-local",
        ],
        2,
        &["funder CMM already exists"],
    );
    refused(
        &fx,
        &["funder", "add", "X", "--name", "X", "--type", "government"],
        2,
        &["funder type"],
    );
    refused(
        &fx,
        &[
            "grant",
            "add",
            "G",
            "--funder",
            "NOBODY",
            "--amount",
            "1",
            "--start",
            "2026-01-01",
            "--end",
            "2026-12-31",
        ],
        2,
        &["funder NOBODY does not exist"],
    );
    refused(
        &fx,
        &[
            "grant",
            "add",
            "G",
            "--funder",
            "CMM",
            "--amount",
            "1",
            "--start",
            "2026-12-31",
            "--end",
            "2026-01-01",
        ],
        2,
        &["ends (2026-01-01) before it starts"],
    );
    refused(
        &fx,
        &[
            "grant", "budget", "CMM-2026", "training", "--amount", "1", "--label", "x",
        ],
        2,
        &["already has a budget line training"],
    );
    refused(
        &fx,
        &[
            "grant", "budget", "NOPE", "x", "--amount", "1", "--label", "x",
        ],
        2,
        &["grant NOPE does not exist"],
    );
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "6126",
            "--post",
            "5141",
        ],
        2,
        &["only one posting"],
    );
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "6126 1 colour=red",
            "--post",
            "5141",
        ],
        2,
        &["unknown key colour="],
    );
}

#[test]
fn foreign_currency_postings_keep_their_original_amount() {
    let fx = Fixture::new();
    ok(
        fx.path(),
        &[
            "funder",
            "add",
            "EU",
            "--name",
            "Union européenne",
            "--type",
            "foreign-public",
            "--country",
            "BE",
        ],
    );
    ok(
        fx.path(),
        &[
            "grant",
            "add",
            "EU-2026",
            "--funder",
            "EU",
            "--amount",
            "45000",
            "--currency",
            "EUR",
            "--start",
            "2026-01-01",
            "--end",
            "2026-12-31",
        ],
    );
    ok(
        fx.path(),
        &[
            "record",
            "--date",
            "2026-03-02",
            "--desc",
            "Versement UE, tranche 1",
            "--post",
            "5141 291600.00 orig=27000.00:EUR",
            "--post",
            "7161 -291600.00 grant=EU-2026 orig=-27000.00:EUR",
        ],
    );
    let v = json(&ok(
        fx.path(),
        &["journal", "--grant", "EU-2026", "--format", "json"],
    ));
    assert_eq!(
        v["transactions"][0]["postings"][0]["original_amount"],
        "27000.00"
    );
    assert_eq!(
        v["transactions"][0]["postings"][0]["original_currency"],
        "EUR"
    );
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-02",
            "--desc",
            "x",
            "--post",
            "5141 1 orig=1.001:EUR",
            "--post",
            "7161 -1",
        ],
        2,
        &["more decimals than EUR"],
    );
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-02",
            "--desc",
            "x",
            "--post",
            "5141 1 orig=1:XYZ",
            "--post",
            "7161 -1",
        ],
        2,
        &["XYZ"],
    );
}

#[test]
fn usage_errors_exit_2() {
    let fx = Fixture::new();
    refused(&fx, &["record", "--date", "2026-03-01"], 2, &["--desc"]);
    refused(&fx, &["frobnicate"], 2, &["unrecognized subcommand"]);
}

#[test]
fn help_documents_every_command_with_examples() {
    let fx = Fixture::new();
    for cmd in [
        &["init"][..],
        &["record"],
        &["import"],
        &["reverse"],
        &["balance"],
        &["journal"],
        &["account", "add"],
        &["funder", "add"],
        &["grant", "add"],
        &["grant", "budget"],
        &["grant", "list"],
        &["account", "list"],
        &["funder", "list"],
        &["verify"],
        &["key", "generate"],
        &["officer", "add"],
        &["seal"],
        &["sign"],
        &["signature", "add"],
        &["close"],
        &["receipt", "show"],
        &["receipt", "attach"],
        &["receipt", "member"],
        &["verify-receipt"],
        &["export", "audit"],
    ] {
        let mut args = cmd.to_vec();
        args.push("--help");
        let out = ok(fx.path(), &args);
        assert!(
            out.contains("Example"),
            "amana {cmd:?} --help has no example:\n{out}"
        );
    }
}

#[test]
fn filters_are_checked_not_silently_empty() {
    let fx = Fixture::new();
    let spaced = json(&ok(
        fx.path(),
        &["balance", "--as-of", " 2026-01-31 ", "--format", "json"],
    ));
    assert_eq!(spaced["accounts"].as_array().unwrap().len(), 2, "{spaced}");
    refused(
        &fx,
        &["balance", "--grant", "cmm-2026"],
        2,
        &["grant \"cmm-2026\" does not exist", "CMM-2026"],
    );
    refused(&fx, &["journal", "--grant", "NOPE"], 2, &["does not exist"]);
    let j = json(&ok(
        fx.path(),
        &["journal", "--from", " 2026-02-01", "--format", "json"],
    ));
    assert_eq!(j["transactions"].as_array().unwrap().len(), 1);
}

#[test]
fn a_mistake_is_reversible_after_the_grant_period() {
    let fx = Fixture::new();
    ok(
        fx.path(),
        &[
            "reverse",
            "2",
            "--date",
            "2027-01-15",
            "--reason",
            "trouvé à l'audit",
        ],
    );
    ok(fx.path(), &["verify"]);
}

/// A generic-chart ledger with a transaction of 2025 (#1) and one of 2026 (#2), and fiscal
/// year 2025 closed: dates up to 2025-12-31 are locked.
fn closed_2025() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("amana.db");
    let fx = Fixture { dir, ledger };
    let l = fx.path();
    ok(
        l,
        &[
            "init",
            "--name",
            "Témoin",
            "--currency",
            "MAD",
            "--chart",
            "generic",
        ],
    );
    for (date, desc) in [
        ("2025-11-10", "Cotisations 2025"),
        ("2026-02-03", "Cotisations 2026"),
    ] {
        ok(
            l,
            &[
                "record",
                "--date",
                date,
                "--desc",
                desc,
                "--post",
                "1010 300",
                "--post",
                "4100 -300",
            ],
        );
    }
    ok(l, &["close", "--year", "2025"]);
    fx
}

fn transaction(fx: &Fixture, id: i64) -> Value {
    let journal = json(&ok(fx.path(), &["journal", "--format", "json"]));
    journal["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("no transaction {id} in {journal}"))
        .clone()
}

#[test]
fn a_reversal_without_a_date_takes_its_originals_date_when_that_is_open() {
    let fx = Fixture::new();
    let out = ok(fx.path(), &["reverse", "2", "--reason", "montant erroné"]);
    assert!(out.contains("with transaction #3"), "{out}");
    let reversal = transaction(&fx, 3);
    assert_eq!(reversal["reverses"], 2);
    assert_eq!(
        reversal["date"], "2026-02-13",
        "the original's date, not today's"
    );
    // In a ledger with a closed year, a transaction of the open year is reversed on its date.
    let fx = closed_2025();
    ok(fx.path(), &["reverse", "2", "--reason", "doublon"]);
    assert_eq!(transaction(&fx, 4)["date"], "2026-02-03");
    ok(fx.path(), &["verify"]);
}

#[test]
fn a_reversal_without_a_date_in_a_locked_period_is_refused_with_the_command_to_run() {
    let fx = closed_2025();
    let err = refused(
        &fx,
        &["reverse", "1", "--reason", "l'erreur de novembre"],
        2,
        &[
            "transaction 1 is dated 2025-11-10",
            "locked through 2025-12-31",
            "from 2026-01-01 on",
        ],
    );
    // The hint is a command that can be pasted as it is, the reason quoted for the shell.
    let hint = err
        .lines()
        .find(|l| l.trim_start().starts_with("amana reverse"))
        .unwrap_or_else(|| panic!("no command in the hint:\n{err}"))
        .trim();
    assert_eq!(
        hint,
        "amana reverse 1 --date 2026-01-01 --reason 'l'\\''erreur de novembre'"
    );
    let o = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "printf '%s' {}",
            hint.rsplit_once("--reason ").unwrap().1
        ))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout), "l'erreur de novembre");
    ok(
        fx.path(),
        &[
            "reverse",
            "1",
            "--date",
            "2026-01-01",
            "--reason",
            "l'erreur de novembre",
        ],
    );
    assert_eq!(transaction(&fx, 4)["date"], "2026-01-01");
    ok(fx.path(), &["verify"]);
}

#[test]
fn an_amount_beyond_the_largest_is_refused() {
    let fx = Fixture::new();
    refused(
        &fx,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "6126 50000000000000000",
            "--post",
            "5141",
        ],
        2,
        &["is too large", "100000000000.00 MAD"],
    );
}

#[test]
fn demo_never_replaces_a_ledger_it_did_not_make() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("d");
    std::fs::create_dir_all(&out).unwrap();
    let mine = out.join("amana.db");
    ok(
        &mine,
        &[
            "init",
            "--name",
            "جمعية خطوة / Association Khotwa",
            "--currency",
            "MAD",
            "--chart",
            "none",
        ],
    );
    let before = std::fs::read(&mine).unwrap();
    let o = common::amana(&mine)
        .args(["demo", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("is not a demo ledger"));
    assert_eq!(std::fs::read(&mine).unwrap(), before);
}

#[test]
fn accounts_funders_and_grants_are_listed() {
    let fx = Fixture::new();
    let a = json(&ok(
        fx.path(),
        &["account", "list", "--prefix", "5141", "--format", "json"],
    ));
    assert_eq!(a["accounts"][0]["code"], "5141");
    assert!(
        a["accounts"][0]["labels"]["ar"]
            .as_str()
            .is_some_and(|s| !s.is_empty())
    );
    let f = json(&ok(fx.path(), &["funder", "list", "--format", "json"]));
    let cmm = f["funders"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "CMM")
        .unwrap()
        .clone();
    assert_eq!(cmm["received"], "60000.00");
    let g = json(&ok(
        fx.path(),
        &["grant", "list", "--grant", "CMM-2026", "--format", "json"],
    ));
    let grant = &g["grants"][0];
    assert_eq!(
        (grant["received"].as_str(), grant["spent"].as_str()),
        (Some("60000.00"), Some("4500.00"))
    );
    let training = grant["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["line"] == "training")
        .unwrap()
        .clone();
    assert_eq!(
        (
            training["budget"].as_str(),
            training["spent"].as_str(),
            training["remaining"].as_str()
        ),
        (Some("45000.00"), Some("4500.00"), Some("40500.00"))
    );
    assert_eq!(training["overspent"], false);
    let text = ok(fx.path(), &["grant", "list"]);
    assert!(
        text.contains("CMM-2026 from CMM: 120000.00 MAD") && text.contains("INDH-2026"),
        "{text}"
    );
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `amana journal | head`: the pipe closes while amana still writes.
    use std::io::Read;
    let (_dir, ledger) = common::demo();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_amana"))
        .arg("--ledger")
        .arg(&ledger)
        .arg("journal")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped here.
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}
