//! `amana load accounts|funders|grants|budget FILE.csv` (issue 10, setting up from what
//! exists): the listings' own CSV loads into a new ledger as it is, a file with a bad row
//! records nothing and names every problem by line and column, an unknown column is refused,
//! and a cell written with spaces around it is loaded without them, said.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{demo, fails, ok, ok_json, run, snapshot, stderr};

fn new_ledger(dir: &Path, chart: &str) -> PathBuf {
    let l = dir.join("new.db");
    ok(
        &l,
        &[
            "init",
            "--name",
            "Nouvelle",
            "--currency",
            "MAD",
            "--chart",
            chart,
        ],
    );
    l
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The fields of a listing's items that a set-up file carries.
fn fields(list: &Value, key: &str, names: &[&str]) -> Vec<Vec<Value>> {
    list[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| names.iter().map(|n| item[*n].clone()).collect())
        .collect()
}

#[test]
fn the_listings_csv_loads_into_a_new_ledger_as_it_is() {
    let (dir, demo_ledger) = demo();
    let l = new_ledger(dir.path(), "none");
    let accounts = write(
        dir.path(),
        "accounts.csv",
        &ok(&demo_ledger, &["account", "list", "--format", "csv"]),
    );
    let funders = write(
        dir.path(),
        "funders.csv",
        &ok(&demo_ledger, &["funder", "list", "--format", "csv"]),
    );
    let said = ok(&l, &["load", "accounts", accounts.to_str().unwrap()]);
    assert!(said.starts_with("Loaded 597 accounts"), "{said}");
    ok(&l, &["load", "funders", funders.to_str().unwrap()]);
    ok(&l, &["load", "grants", "examples/khotwa/grants.csv"]);
    // The grant listing's lines: grant, line, label and budget (in MAD; the EU grant budgets
    // in euros in the demo, so its lines are left to the demo's own file below).
    let lines: String = ok(&demo_ledger, &["grant", "list", "--format", "csv"])
        .lines()
        .filter(|l| !l.starts_with("EU-2025,"))
        .map(|l| format!("{l}\n"))
        .collect();
    let budget = write(dir.path(), "budget.csv", &lines);
    ok(&l, &["load", "budget", budget.to_str().unwrap()]);

    let ours = ok_json(&l, &["account", "list"]);
    let theirs = ok_json(&demo_ledger, &["account", "list"]);
    let account_fields = ["code", "name", "type", "labels"];
    assert_eq!(
        fields(&ours, "accounts", &account_fields),
        fields(&theirs, "accounts", &account_fields)
    );
    let funder_fields = ["id", "name", "type", "country"];
    assert_eq!(
        fields(&ok_json(&l, &["funder", "list"]), "funders", &funder_fields),
        fields(
            &ok_json(&demo_ledger, &["funder", "list"]),
            "funders",
            &funder_fields
        )
    );
    let grant_lines = |ledger: &Path| -> Vec<(Value, Value, Value, Value)> {
        ok_json(ledger, &["grant", "list"])["grants"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|g| g["id"] != "EU-2025")
            .flat_map(|g| {
                g["lines"].as_array().unwrap().iter().map(move |line| {
                    (
                        g["id"].clone(),
                        line["line"].clone(),
                        line["label"].clone(),
                        line["budget"].clone(),
                    )
                })
            })
            .collect()
    };
    let loaded = grant_lines(&l);
    assert!(loaded.len() > 10);
    assert_eq!(loaded, grant_lines(&demo_ledger));
    let (code, v) = crate::common::verify_json(&l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
}

#[test]
fn a_file_with_a_bad_row_records_nothing_and_names_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let l = new_ledger(dir.path(), "ma-associations");
    let before = snapshot(&l);
    let file = write(
        dir.path(),
        "accounts.csv",
        "code,name,type\n51413,Banque – compte projet,asset\n51 41,Caisse,asset\n61261,Fournitures,assets\n71831,Cotisations,expense\n",
    );
    let err = fails(&l, &["load", "accounts", file.to_str().unwrap()], 2);
    assert!(
        err.contains("3 problem(s) found; nothing was loaded"),
        "{err}"
    );
    assert!(
        err.contains("accounts.csv:line 3: column code: \"51 41\""),
        "{err}"
    );
    assert!(
        err.contains("accounts.csv:line 4: column type: \"assets\""),
        "{err}"
    );
    assert!(
        err.contains("accounts.csv:line 5: column type: \"expense\": on the Moroccan chart"),
        "{err}"
    );
    assert_eq!(snapshot(&l), before, "nothing was recorded");

    // A grant's currency the ledger does not know is named in its own column.
    let file = write(
        dir.path(),
        "grants.csv",
        "id,funder,amount,currency,start,end\nG-1,CMM,100.00,XYZ,2026-01-01,2026-12-31\n",
    );
    let err = fails(&l, &["load", "grants", file.to_str().unwrap()], 2);
    assert!(
        err.contains("grants.csv:line 2: column currency: \"XYZ\""),
        "{err}"
    );

    // A row the rules refuse when it is appended (a funder added twice): none of the rows
    // before it stays.
    ok(
        &l,
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
    let before = snapshot(&l);
    let file = write(
        dir.path(),
        "funders.csv",
        "id,name,type,country\nINDH,INDH,public-national,MA\nCMM,Conseil,public-local,MA\n",
    );
    let err = fails(&l, &["load", "funders", file.to_str().unwrap()], 2);
    assert!(err.contains("funders.csv:line 3: "), "{err}");
    assert!(err.contains("nothing was loaded"), "{err}");
    assert_eq!(snapshot(&l), before, "nothing was recorded");
}

#[test]
fn an_unknown_column_is_refused_and_spaces_around_a_cell_are_said() {
    let dir = tempfile::tempdir().unwrap();
    let l = new_ledger(dir.path(), "ma-associations");
    let file = write(
        dir.path(),
        "typo.csv",
        "id,nmae,type\nCMM,Conseil,public-local\n",
    );
    let err = fails(&l, &["load", "funders", file.to_str().unwrap()], 2);
    assert!(
        err.contains("typo.csv:line 1: column nmae: is not a column"),
        "{err}"
    );
    assert!(err.contains("column name: is missing"), "{err}");

    // A spreadsheet's file: a byte order mark, a name with spaces around it.
    let file = write(
        dir.path(),
        "funders.csv",
        "\u{feff}id,name,type\nCMM,  Conseil de l'arrondissement ,public-local\n",
    );
    let o = run(&l, &["load", "funders", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "funders.csv:line 2: column name: \"  Conseil de l'arrondissement \" is kept as \"Conseil de l'arrondissement\""
        ),
        "{}",
        stderr(&o)
    );
    let funders = ok_json(&l, &["funder", "list"]);
    assert_eq!(funders["funders"][0]["name"], "Conseil de l'arrondissement");
    // A sub-account before its parent takes the parent's type; a code with a space after it
    // is said too.
    let file = write(
        dir.path(),
        "accounts.csv",
        "code,name,type\n999101 ,Sous-compte,\n9991,Compte de l'association,asset\n",
    );
    let o = run(&l, &["load", "accounts", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("line 2: column code: \"999101 \" is kept as \"999101\""),
        "{}",
        stderr(&o)
    );
    let accounts = ok_json(&l, &["account", "list", "--prefix", "999101"]);
    assert_eq!(accounts["accounts"][0]["type"], "asset", "{accounts}");
    // --dry-run records nothing.
    let before = snapshot(&l);
    let file = write(
        dir.path(),
        "more.csv",
        "id,name,type\nINDH,INDH,public-national\n",
    );
    let said = ok(
        &l,
        &["load", "funders", file.to_str().unwrap(), "--dry-run"],
    );
    assert!(said.contains("nothing was (dry run)"), "{said}");
    assert_eq!(snapshot(&l), before);
}
