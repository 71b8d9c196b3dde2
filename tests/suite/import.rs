//! `amana import`: all rows or none, every bad row reported with line, column and value, and
//! a refused import leaves the ledger exactly as it was.

use crate::common;

use common::{Fixture, fails, ok, snapshot};

const HEADER: &str = "txn,date,description,reference,account,amount,grant,line,memo,original_amount,original_currency\n";

fn import_refused(fx: &Fixture, name: &str, content: &[u8], needles: &[&str]) -> String {
    let file = fx.file(name, content);
    let before = snapshot(fx.path());
    let err = fails(fx.path(), &["import", file.to_str().unwrap()], 2);
    for n in needles {
        assert!(err.contains(n), "stderr lacks {n:?}:\n{err}");
    }
    assert!(
        err.contains("nothing was imported") || err.contains(name),
        "{err}"
    );
    assert_eq!(
        before,
        snapshot(fx.path()),
        "a refused import changed the ledger"
    );
    err
}

#[test]
fn imports_a_file_as_one_operation_and_records_its_hash() {
    let fx = Fixture::new();
    let csv = format!(
        "{HEADER}\
a,2026-03-01,Loyer mars,BQ-03,6131,2000.00,CMM-2026,rent,,,\n\
a,2026-03-01,,,5141,-2000.00,,,,,\n\
b,2026-03-05,Cotisations,,5161,300,,,3 membres,,\n\
b,2026-03-05,,,7161,-300,,,,,\n"
    );
    let file = fx.file("mars.csv", csv.as_bytes());
    let out = ok(fx.path(), &["import", file.to_str().unwrap()]);
    assert!(
        out.contains("Imported 2 transactions #3 to #4 from 4 rows"),
        "{out}"
    );
    let sha = hex_sha256(csv.as_bytes());
    assert!(out.contains(&sha), "{out}");
    let log: serde_json::Value = serde_json::from_str(&ok(
        fx.path(),
        &["log", "--kind", "import", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(log["entries"][0]["content"]["file_sha256"], sha);
    assert_eq!(log["entries"][0]["content"]["transactions"], 2);
    let journal: serde_json::Value =
        serde_json::from_str(&ok(fx.path(), &["journal", "--format", "json"])).unwrap();
    assert_eq!(journal["transactions"][2]["description"], "Loyer mars");
    assert_eq!(
        journal["transactions"][3]["postings"][0]["memo"],
        "3 membres"
    );
    assert!(ok(fx.path(), &["verify"]).starts_with("OK"));
}

fn hex_sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(bytes))
}

#[test]
fn columns_are_found_by_name_in_any_order() {
    let fx = Fixture::new();
    let csv = "amount,account,description,date,txn\n100,6131,Loyer,2026-04-01,1\n-100,5141,,,1\n";
    let file = fx.file("order.csv", csv.as_bytes());
    ok(fx.path(), &["import", file.to_str().unwrap()]);
}

#[test]
fn importing_the_same_file_twice_is_refused_unless_forced() {
    let fx = Fixture::new();
    let csv = "txn,date,description,account,amount\n1,2026-04-01,Loyer,6131,100\n1,2026-04-01,,5141,-100\n";
    let file = fx.file("once.csv", csv.as_bytes());
    ok(fx.path(), &["import", file.to_str().unwrap()]);
    let before = snapshot(fx.path());
    let err = fails(fx.path(), &["import", file.to_str().unwrap()], 2);
    assert!(
        err.contains("already imported") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(before, snapshot(fx.path()));
    ok(fx.path(), &["import", file.to_str().unwrap(), "--force"]);
    let log: serde_json::Value = serde_json::from_str(&ok(
        fx.path(),
        &["log", "--kind", "import", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(log["entries"][1]["content"]["forced"], true);
    assert!(ok(fx.path(), &["verify"]).starts_with("OK"));
}

#[test]
fn dry_run_checks_everything_and_writes_nothing() {
    let fx = Fixture::new();
    let csv = "txn,date,description,account,amount\n1,2026-04-01,Loyer,6131,100\n1,2026-04-01,,5141,-100\n";
    let file = fx.file("dry.csv", csv.as_bytes());
    let before = snapshot(fx.path());
    let out = ok(fx.path(), &["import", file.to_str().unwrap(), "--dry-run"]);
    assert!(
        out.contains("would import 1 transactions") && out.contains("nothing was written"),
        "{out}"
    );
    assert_eq!(before, snapshot(fx.path()));
    let bad = "txn,date,description,account,amount\n1,2026-04-01,Loyer,6131,100\n1,2026-04-01,,5141,-99\n";
    let file = fx.file("dry-bad.csv", bad.as_bytes());
    let err = fails(
        fx.path(),
        &["import", file.to_str().unwrap(), "--dry-run"],
        2,
    );
    assert!(err.contains("do not balance"), "{err}");
}

#[test]
fn every_bad_row_is_reported_with_line_column_and_value() {
    let fx = Fixture::new();
    let csv = format!(
        "{HEADER}\
1,2026-03-01,Bon,,6131,100.00,,,,,\n\
1,2026-03-01,,,5141,-100.00,,,,,\n\
2,2026-02-30,Date fausse,,6131,100,,,,,\n\
2,,,,5141,-100,,,,,\n\
3,2026-03-02,Trois décimales,,6131,10.005,,,,,\n\
3,2026-03-02,,,5141,-10.005,,,,,\n\
4,2026-03-03,Compte inconnu,,6999,50,,,,,\n\
4,2026-03-03,,,5141,-50,,,,,\n\
5,2026-03-04,Ligne sans subvention,,6126,50,,training,,,\n\
5,2026-03-04,,,5141,-50,,,,,\n\
6,2026-03-05,Déséquilibre,,6126,50,,,,,\n\
6,2026-03-05,,,5141,-49.99,,,,,\n\
7,2027-01-05,Hors période,,6126,50,CMM-2026,training,,,\n\
7,2027-01-05,,,5141,-50,,,,,\n\
8,2026-03-06,Ligne d'une autre subvention,,6126,50,CMM-2026,equipment,,,\n\
8,2026-03-06,,,5141,-50,,,,,\n\
9,2026-03-07,Devise,,5141,50,,,,5,\n\
9,2026-03-07,,,7161,-50,,,,,\n"
    );
    let err = import_refused(
        &fx,
        "bad.csv",
        csv.as_bytes(),
        &[
            "bad.csv:4: column date: \"2026-02-30\"",
            "bad.csv:6: column amount: \"10.005\": has more decimals than MAD allows (2)",
            "bad.csv:8: column account: \"6999\": account 6999 does not exist",
            "bad.csv:10: column line: \"training\": is set but grant is empty",
            "bad.csv:12: column txn: \"6\": postings do not balance",
            "do not balance",
            "bad.csv:14: column date: \"2027-01-05\"",
            "bad.csv:16: column line: \"equipment\"",
            "bad.csv:18: column original_currency",
        ],
    );
    assert!(err.starts_with("amana: error: "), "{err}");
    assert!(
        !err.contains("bad.csv:2:"),
        "the good transaction is not blamed:\n{err}"
    );
}

#[test]
fn empty_file_is_refused() {
    let fx = Fixture::new();
    import_refused(&fx, "empty.csv", b"", &["the file is empty", "header row"]);
    import_refused(&fx, "header-only.csv", HEADER.as_bytes(), &["no rows"]);
}

#[test]
fn missing_and_unknown_columns_are_refused() {
    let fx = Fixture::new();
    import_refused(
        &fx,
        "missing.csv",
        b"txn,date,description,amount\n1,2026-01-01,x,1\n",
        &["lacks the required column account"],
    );
    import_refused(
        &fx,
        "typo.csv",
        b"txn,date,description,account,amount,grnat\n1,2026-01-01,x,6131,1,\n",
        &["unknown column \"grnat\""],
    );
    import_refused(
        &fx,
        "twice.csv",
        b"txn,date,description,account,amount,amount\n",
        &["appears twice"],
    );
}

#[test]
fn truncated_file_is_refused() {
    let fx = Fixture::new();
    let csv = "txn,date,description,account,amount\n1,2026-04-01,Loyer,6131,100\n1,2026-04-01,,51";
    import_refused(
        &fx,
        "cut.csv",
        csv.as_bytes(),
        &["cut.csv:3:", "has 4 fields where the header has 5"],
    );
    let csv = "txn,date,description,account,amount\n1,2026-04-01,Loyer,6131,100\n";
    import_refused(
        &fx,
        "one-row.csv",
        csv.as_bytes(),
        &["at least two postings"],
    );
}

#[test]
fn a_file_that_is_not_csv_or_not_utf8_is_refused() {
    let fx = Fixture::new();
    import_refused(
        &fx,
        "binary.csv",
        &[0x89, b'P', b'N', b'G', 0, 0, 1, 2, 3],
        &["not a CSV text file"],
    );
    let mut latin1 = b"txn,date,description,account,amount\n1,2026-04-01,Caf".to_vec();
    latin1.extend_from_slice(&[0xE9]); // "é" in Latin-1
    latin1.extend_from_slice(b",6131,100\n1,2026-04-01,,5141,-100\n");
    import_refused(
        &fx,
        "latin1.csv",
        &latin1,
        &[
            "latin1.csv:2: column #3",
            "not UTF-8",
            "save the file as CSV UTF-8",
        ],
    );
    import_refused(
        &fx,
        "prose.csv",
        b"Dear treasurer,\nplease find attached\n",
        &["lacks the required column"],
    );
}

#[test]
fn rows_of_a_transaction_must_be_consecutive() {
    let fx = Fixture::new();
    let csv = "txn,date,description,account,amount\n\
1,2026-04-01,A,6131,100\n2,2026-04-01,B,6131,5\n2,2026-04-01,,5141,-5\n1,2026-04-01,,5141,-100\n";
    import_refused(
        &fx,
        "split.csv",
        csv.as_bytes(),
        &["split.csv:5: column txn: \"1\": was already used by the transaction at line 2"],
    );
}

#[test]
fn a_byte_order_mark_from_excel_is_accepted() {
    let fx = Fixture::new();
    let mut csv = b"\xEF\xBB\xBF".to_vec();
    csv.extend_from_slice("txn,date,description,account,amount\n1,2026-04-01,Loyer,6131,100\n1,2026-04-01,,5141,-100\n".as_bytes());
    let file = fx.file("excel.csv", &csv);
    ok(fx.path(), &["import", file.to_str().unwrap()]);
}

#[test]
fn many_errors_are_capped_with_a_count() {
    let fx = Fixture::new();
    let mut csv = String::from("txn,date,description,account,amount\n");
    for i in 0..150 {
        csv.push_str(&format!(
            "{i},2026-04-01,x,6999,1\n{i},2026-04-01,,5141,-1\n"
        ));
    }
    let err = import_refused(
        &fx,
        "many.csv",
        csv.as_bytes(),
        &["150 problems found", "... and 50 more"],
    );
    assert_eq!(err.matches("account 6999 does not exist").count(), 100);
}

#[test]
fn a_later_row_that_disagrees_with_the_first_is_refused() {
    let fx = Fixture::new();
    let csv = "txn,date,description,account,amount\n\
7,2026-04-01,Loyer,6131,100\n7,2026-04-02,,5141,-100\n\
8,2026-04-03,Achat,6131,5\n8,,Achat,5141,-5\n";
    import_refused(
        &fx,
        "merged.csv",
        csv.as_bytes(),
        &[
            "merged.csv:3: column date: \"2026-04-02\": differs from the first row of transaction 7 (2026-04-01)",
        ],
    );
}
