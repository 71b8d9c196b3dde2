//! Every income has a source, and contributions in kind stay out of the books (issue 8, items
//! 8 and 9): members' dues and individual gifts named with `funder=`, counted per funder and
//! per funder type by `funder list` and the donor register; a reversed gift counted by no one;
//! volunteer hours on memorandum accounts, out of the balances of real accounts and of the
//! result. `sources_verify` checks such ledgers with both verifiers and with hledger.

use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;

use crate::common::{fails, ok, snapshot, verify_json};

pub(crate) fn json(ledger: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&ok(ledger, &all)).unwrap()
}

/// A ledger on the empty chart, its accounts typed here: a bank, members' dues, gifts,
/// operating grants, an expense, and two memorandum accounts; funders of three types and a
/// grant of one of them.
pub(crate) fn books() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("amana.db");
    ok(
        &l,
        &[
            "init",
            "--name",
            "Khotwa",
            "--currency",
            "MAD",
            "--chart",
            "none",
        ],
    );
    for (code, name, kind) in [
        ("5141", "Banque", "asset"),
        ("7183", "Cotisations des membres", "income"),
        ("7184", "Dons manuels reçus", "income"),
        ("7161", "Subventions d'exploitation", "income"),
        ("6126", "Fournitures", "expense"),
        ("0864", "Personnel bénévole", "memorandum"),
        ("0870", "Bénévolat", "memorandum"),
    ] {
        ok(
            &l,
            &["account", "add", code, "--name", name, "--type", kind],
        );
    }
    for (id, name, kind) in [
        ("MEMBRES", "Les membres", "members"),
        ("AMINA", "Amina Benali", "individual"),
        ("KARIM", "Karim Idrissi", "individual"),
        ("CMM", "Commune de Marrakech", "public-local"),
    ] {
        ok(&l, &["funder", "add", id, "--name", name, "--type", kind]);
    }
    ok(
        &l,
        &[
            "grant",
            "add",
            "CMM-2026",
            "--funder",
            "CMM",
            "--amount",
            "10000",
            "--start",
            "2026-01-01",
            "--end",
            "2026-12-31",
        ],
    );
    (dir, l)
}

pub(crate) fn record(l: &Path, date: &str, desc: &str, posts: &[&str]) -> String {
    let mut args = vec!["record", "--date", date, "--desc", desc];
    for p in posts {
        args.extend(["--post", p]);
    }
    ok(l, &args)
}

pub(crate) fn funder<'a>(list: &'a Value, id: &str) -> &'a Value {
    list["funders"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no funder {id} in {list}"))
}

fn by_type(v: &Value) -> Vec<(String, u64, String)> {
    v["by_type"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["type"].as_str().unwrap().to_string(),
                t["funders"].as_u64().unwrap(),
                t["received_total"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Dues from members (two payments), two individual gifts and a grant's instalment: 2,000 MAD
/// of dues, 750 of gifts, 4,000 on the grant.
pub(crate) fn dues_gifts_and_a_grant(l: &Path) {
    record(
        l,
        "2026-01-15",
        "Cotisations janvier",
        &["5141 1200", "7183 -1200 funder=MEMBRES"],
    );
    record(
        l,
        "2026-02-15",
        "Cotisations février",
        &["5141 800", "7183 -800 funder=MEMBRES"],
    );
    record(
        l,
        "2026-03-02",
        "Don d'Amina",
        &["5141", "7184 -500.00 funder=AMINA memo=virement"],
    );
    record(
        l,
        "2026-03-09",
        "Don de Karim",
        &["5141 250", "7184 -250 funder=KARIM"],
    );
    record(
        l,
        "2026-03-10",
        "Subvention CMM, tranche 1",
        &["5141 4000", "7161 -4000 grant=CMM-2026"],
    );
}

#[test]
fn dues_and_gifts_are_counted_per_funder_and_per_funder_type() {
    let (_dir, l) = books();
    dues_gifts_and_a_grant(&l);

    let list = json(&l, &["funder", "list"]);
    // `received` keeps its meaning (what the funder's grants brought in); the new keys count
    // everything received from the funder.
    for (id, received, without, total) in [
        ("CMM", "4000.00", "0.00", "4000.00"),
        ("MEMBRES", "0.00", "2000.00", "2000.00"),
        ("AMINA", "0.00", "500.00", "500.00"),
        ("KARIM", "0.00", "250.00", "250.00"),
    ] {
        let f = funder(&list, id);
        assert_eq!(f["received"], received, "{id}");
        assert_eq!(f["received_without_grant"], without, "{id}");
        assert_eq!(f["received_total"], total, "{id}");
    }
    assert_eq!(
        by_type(&list),
        [
            ("public-local".to_string(), 1, "4000.00".to_string()),
            ("individual".to_string(), 2, "750.00".to_string()),
            ("members".to_string(), 1, "2000.00".to_string()),
        ]
    );
    assert_eq!(list["received_total"], "6750.00");
    // Every income posting of the ledger has its source: the total is the income accounts'.
    let balance = json(&l, &["balance"]);
    let income: i64 = balance["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["type"] == "income")
        .map(|a| {
            a["balance"]
                .as_str()
                .unwrap()
                .replace('.', "")
                .parse::<i64>()
                .unwrap()
        })
        .sum();
    assert_eq!(income, -675000);

    // The donor register of 2026: who gave, how many times, how much; each gift on request.
    let register = json(&l, &["donors", "--year", "2026", "--detail"]);
    let donors = register["donors"].as_array().unwrap();
    let row = |id: &str| donors.iter().find(|d| d["funder"] == id).unwrap();
    assert_eq!(
        (
            row("MEMBRES")["gifts"].as_u64(),
            row("MEMBRES")["total"].as_str()
        ),
        (Some(2), Some("2000.00"))
    );
    assert_eq!(row("MEMBRES")["type"], "members");
    let dates: Vec<&str> = row("MEMBRES")["detail"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2026-01-15", "2026-02-15"]);
    assert_eq!(row("AMINA")["total"], "500.00");
    assert_eq!(row("KARIM")["detail"][0]["amount"], "250.00");
    assert_eq!(row("CMM")["gifts"], 1);
    assert_eq!(
        (register["gifts"].as_u64(), register["total"].as_str()),
        (Some(5), Some("6750.00"))
    );
    assert_eq!(register["from"], "2026-01-01");
    // Without --detail, no dates; another year has no gifts.
    assert!(
        json(&l, &["donors", "--year", "2026"])["donors"][0]
            .get("detail")
            .is_none()
    );
    let empty = json(&l, &["donors", "--year", "2025"]);
    assert_eq!(
        (empty["gifts"].as_u64(), empty["total"].as_str()),
        (Some(0), Some("0.00"))
    );

    let text = ok(&l, &["donors", "--year", "2026"]);
    assert!(text.contains("Donor register, fiscal year 2026"), "{text}");
    assert!(text.contains("individual 2 funders 750.00"), "{text}");
    let csv = ok(
        &l,
        &["donors", "--year", "2026", "--detail", "--format", "csv"],
    );
    assert!(
        csv.contains(
            "MEMBRES,Les membres,members,2,2000.00,2026-02-15,2,Cotisations février,800.00"
        ),
        "{csv}"
    );
    let csv = ok(&l, &["funder", "list", "--format", "csv"]);
    assert!(
        csv.starts_with("id,name,type,country,received,received_without_grant,received_total\n")
    );
    assert!(
        csv.contains("AMINA,Amina Benali,individual,,0.00,500.00,500.00"),
        "{csv}"
    );
}

#[test]
fn a_reversed_gift_is_counted_by_no_one_and_its_reversal_inherits_the_source() {
    let (_dir, l) = books();
    dues_gifts_and_a_grant(&l);
    // #4 is Karim's gift: the cheque bounced.
    ok(&l, &["reverse", "4", "--reason", "chèque impayé"]);
    let list = json(&l, &["funder", "list"]);
    assert_eq!(funder(&list, "KARIM")["received_total"], "0.00");
    assert_eq!(funder(&list, "AMINA")["received_total"], "500.00");
    assert_eq!(
        by_type(&list)[1],
        ("individual".to_string(), 2, "500.00".to_string())
    );
    let register = json(&l, &["donors", "--year", "2026"]);
    let ids: Vec<&str> = register["donors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["funder"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["AMINA", "CMM", "MEMBRES"]);
    assert_eq!(register["total"], "6500.00");
    // The reversal carries no source of its own, and a source cannot name it or the reversed
    // gift: there is none in the log after the reversal.
    let log = json(&l, &["log", "--kind", "source"]);
    assert_eq!(log["entries"].as_array().map(Vec::len), Some(4), "{log}");
    let (code, v) = verify_json(&l, &[]);
    assert_eq!(code, Some(0), "{v}");
}

#[test]
fn a_funder_where_it_makes_no_sense_is_refused_and_changes_nothing() {
    let (_dir, l) = books();
    dues_gifts_and_a_grant(&l);
    let before = snapshot(&l);
    let post = |posts: [&str; 2]| {
        fails(
            &l,
            &[
                "record",
                "--date",
                "2026-04-01",
                "--desc",
                "Don",
                "--post",
                posts[0],
                "--post",
                posts[1],
            ],
            2,
        )
    };
    let err = post(["5141 100 funder=AMINA", "7184 -100"]);
    assert!(err.contains("is on account 5141, not an income"), "{err}");
    let err = post(["5141 100", "7184 -100 funder=NOBODY"]);
    assert!(err.contains("funder NOBODY does not exist"), "{err}");
    let err = post(["5141 100", "7161 -100 grant=CMM-2026 funder=AMINA"]);
    assert!(
        err.contains("charged to grant CMM-2026, whose funder is CMM, not AMINA"),
        "{err}"
    );
    let err = post(["5141 100", "7184 -100 funder=a/b"]);
    assert!(err.contains("a/b"), "{err}");
    // The grant's own funder may be named again.
    assert_eq!(snapshot(&l), before);
    record(
        &l,
        "2026-04-01",
        "Subvention CMM, tranche 2",
        &["5141 1000", "7161 -1000 grant=CMM-2026 funder=CMM"],
    );
    assert_eq!(
        funder(&json(&l, &["funder", "list"]), "CMM")["received_total"],
        "5000.00"
    );
}

#[test]
fn the_journal_import_reads_the_funder_column() {
    let (dir, l) = books();
    let csv = dir.path().join("dons.csv");
    std::fs::write(
        &csv,
        "txn,date,description,account,amount,funder\n\
         1,2026-05-01,Cotisation,5141,300,\n\
         1,2026-05-01,Cotisation,7183,-300,MEMBRES\n\
         2,2026-05-02,Don,5141,80,\n\
         2,2026-05-02,Don,7184,-80,AMINA\n",
    )
    .unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "txn,date,description,account,amount,funder\n\
         1,2026-05-01,Cotisation,5141,300,MEMBRES\n\
         1,2026-05-01,Cotisation,7183,-300,\n",
    )
    .unwrap();
    let before = snapshot(&l);
    let err = fails(&l, &["import", bad.to_str().unwrap()], 2);
    assert!(err.contains("bad.csv:2: column funder"), "{err}");
    assert_eq!(snapshot(&l), before);
    ok(&l, &["import", csv.to_str().unwrap()]);
    let list = json(&l, &["funder", "list"]);
    assert_eq!(funder(&list, "MEMBRES")["received_total"], "300.00");
    assert_eq!(funder(&list, "AMINA")["received_total"], "80.00");
    assert_eq!(verify_json(&l, &[]).0, Some(0));
}

/// The volunteer hours of the issue: 120 hours at 50 MAD, on the Moroccan chart's memorandum
/// accounts (class 0, amana-proposed numbers).
#[test]
fn volunteer_hours_stay_out_of_the_result_and_of_the_balance_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("amana.db");
    ok(
        &l,
        &[
            "init",
            "--name",
            "Khotwa",
            "--currency",
            "MAD",
            "--chart",
            "ma-associations",
        ],
    );
    ok(
        &l,
        &[
            "funder",
            "add",
            "AMINA",
            "--name",
            "Amina",
            "--type",
            "individual",
        ],
    );
    record(
        &l,
        "2026-02-01",
        "Achat fournitures",
        &["6122 300", "5141 -300"],
    );
    let before = json(&l, &["balance"]);
    let out = ok(
        &l,
        &[
            "in-kind",
            "--date",
            "2026-03-31",
            "--kind",
            "volunteering",
            "--hours",
            "120",
            "--rate",
            "50",
            "--description",
            "Animation des ateliers, mars",
        ],
    );
    assert!(
        out.contains("transaction #2 on memorandum accounts"),
        "{out}"
    );
    ok(
        &l,
        &[
            "in-kind",
            "--date",
            "2026-04-02",
            "--kind",
            "premises",
            "--value",
            "1500",
            "--desc",
            "Salle prêtée par Amina",
            "--funder",
            "AMINA",
        ],
    );
    let after = json(&l, &["balance"]);
    // Real accounts, their total and so the result: exactly as before.
    assert_eq!(after["accounts"], before["accounts"]);
    assert_eq!(after["total"], "0.00");
    let memo: Vec<(&str, &str)> = after["memorandum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["code"].as_str().unwrap(), a["balance"].as_str().unwrap()))
        .collect();
    assert_eq!(
        memo,
        [
            ("0862", "1500.00"),
            ("0864", "6000.00"),
            ("0870", "-6000.00"),
            ("0871", "-1500.00")
        ]
    );
    // The period's income and expense (what a closing carries) hold no memorandum account.
    let year = json(
        &l,
        &["balance", "--from", "2026-01-01", "--to", "2026-12-31"],
    );
    assert!(
        year["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| !a["code"].as_str().unwrap().starts_with('0'))
    );
    let text = ok(&l, &["balance"]);
    assert!(
        text.contains("Memorandum account (in kind, not money)"),
        "{text}"
    );

    let list = json(&l, &["in-kind", "list", "--year", "2026"]);
    assert_eq!(list["total"], "7500.00");
    assert_eq!(
        list["contributions"][0]["description"],
        "Animation des ateliers, mars (120 h at 50.00 MAD)"
    );
    assert_eq!(list["contributions"][1]["funder"], "AMINA");
    assert_eq!(list["by_account"][0]["account"], "0870");
    assert_eq!(list["by_account"][0]["value"], "6000.00");
    // A contribution in kind is not the donor's money.
    assert_eq!(json(&l, &["donors", "--year", "2026"])["total"], "0.00");

    // Money and memorandum never mix; a value that is not exact is not rounded.
    let before = snapshot(&l);
    let err = fails(
        &l,
        &[
            "record",
            "--date",
            "2026-04-03",
            "--desc",
            "x",
            "--post",
            "0864 100",
            "--post",
            "5141 -100",
        ],
        2,
    );
    assert!(
        err.contains("account 5141 is not a memorandum account"),
        "{err}"
    );
    let err = fails(
        &l,
        &[
            "in-kind",
            "--date",
            "2026-04-03",
            "--kind",
            "goods",
            "--hours",
            "1.5",
            "--rate",
            "0.01",
            "--desc",
            "x",
        ],
        2,
    );
    assert!(err.contains("not a whole number"), "{err}");
    let err = fails(
        &l,
        &[
            "in-kind",
            "--date",
            "2026-04-03",
            "--kind",
            "goods",
            "--value",
            "0",
            "--desc",
            "x",
        ],
        2,
    );
    assert!(err.contains("worth more than zero"), "{err}");
    assert_eq!(snapshot(&l), before);
    assert_eq!(verify_json(&l, &[]).0, Some(0));
}

#[test]
fn in_kind_on_a_chart_without_memorandum_accounts_names_them() {
    let (_dir, l) = books();
    let before = snapshot(&l);
    let err = fails(
        &l,
        &[
            "in-kind",
            "--date",
            "2026-03-31",
            "--kind",
            "goods",
            "--value",
            "100",
            "--desc",
            "Livres",
        ],
        2,
    );
    assert!(
        err.contains("--use-account and --resource-account"),
        "{err}"
    );
    assert_eq!(snapshot(&l), before);
    ok(
        &l,
        &[
            "in-kind",
            "--date",
            "2026-03-31",
            "--kind",
            "volunteering",
            "--hours",
            "7.5",
            "--rate",
            "40",
            "--desc",
            "Permanence",
            "--use-account",
            "0864",
            "--resource-account",
            "0870",
        ],
    );
    assert_eq!(
        json(&l, &["in-kind", "list", "--year", "2026"])["total"],
        "300.00"
    );
}
