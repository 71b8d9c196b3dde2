//! CSV for spreadsheets: no text amana writes reaches Excel or LibreOffice as a formula, the
//! numbers stay numbers, and the journal's CSV imports back unchanged.

use crate::common;

use std::path::Path;

use common::{Fixture, ok};
use proptest::prelude::*;

/// What spreadsheets read as the start of a formula (OWASP, "CSV Injection").
const DANGEROUS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    let plain = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    plain(int) && plain(frac)
}

fn rows(csv_text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// No cell starts like a formula, unless it is a plain number.
fn assert_no_formula(listing: &str, csv_text: &str) {
    for row in rows(csv_text) {
        for cell in row {
            assert!(
                !cell.starts_with(DANGEROUS) || is_plain_number(&cell),
                "{listing}: the cell {cell:?} reaches a spreadsheet as a formula:\n{csv_text}"
            );
        }
    }
}

fn with_actor(l: &Path, actor: &str, args: &[&str]) {
    let o = common::amana(l)
        .env("AMANA_ACTOR", actor)
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{args:?}: {}", common::stderr(&o));
}

/// A ledger with a formula planted in every text a CSV listing shows.
fn planted() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("amana.db");
    let fx = Fixture { dir, ledger };
    let l = fx.path();
    with_actor(
        l,
        "=cmd|' /C calc'!A0",
        &[
            "init",
            "--name",
            "Association",
            "--currency",
            "MAD",
            "--chart",
            "generic",
        ],
    );
    ok(
        l,
        &[
            "account",
            "add",
            "4160",
            "--name",
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "--type",
            "income",
            "--label",
            "ar=+SUM(1)",
            "--label",
            "fr=-2+3",
            "--label",
            "en=@SUM(A1)",
        ],
    );
    ok(
        l,
        &[
            "funder",
            "add",
            "EVIL",
            "--name",
            "+cmd|' /C calc'!A0",
            "--type",
            "private",
        ],
    );
    ok(
        l,
        &[
            "grant",
            "add",
            "G1",
            "--funder",
            "EVIL",
            "--amount",
            "1000",
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
            "G1",
            "l1",
            "--amount",
            "500",
            "--label",
            "@SUM(A1:A9)",
        ],
    );
    with_actor(
        l,
        "@actor",
        &[
            "record",
            "--date",
            "2025-03-01",
            "--desc",
            "=1+1",
            // The = form: clap would read -2+3 alone as an option.
            "--ref=-2+3",
            "--post",
            "1010 4500",
            "--post",
            "4160 -4500 grant=G1 memo=@memo",
        ],
    );
    ok(
        l,
        &[
            "record",
            "--date",
            "2025-03-02",
            "--desc",
            "'=already escaped by hand",
            "--ref",
            "''",
            "--post",
            "5400 120 grant=G1 line=l1 memo=+1",
            "--post",
            "1010",
        ],
    );
    fx
}

fn listing(l: &Path, args: &[&str]) -> String {
    let mut a = args.to_vec();
    a.extend(["--format", "csv"]);
    ok(l, &a)
}

#[test]
fn every_csv_listing_neutralises_a_formula_in_each_text_field() {
    let fx = planted();
    let l = fx.path();
    let cases: [(&str, &[&str], &[&str]); 7] = [
        (
            "balance",
            &["balance"],
            &["'=HYPERLINK(\"http://evil.example\",\"x\")", "-4500.00"],
        ),
        (
            "journal",
            &["journal"],
            &[
                "'=1+1",
                "'-2+3",
                "'@memo",
                "-4500.00",
                "''=already escaped by hand",
                "'''",
                "'+1",
            ],
        ),
        ("log", &["log"], &["'=cmd|' /C calc'!A0", "'@actor"]),
        (
            "accounts",
            &["account", "list", "--prefix", "41"],
            &[
                "'=HYPERLINK(\"http://evil.example\",\"x\")",
                "'+SUM(1)",
                "'-2+3",
                "'@SUM(A1)",
            ],
        ),
        ("funders", &["funder", "list"], &["'+cmd|' /C calc'!A0"]),
        ("grants", &["grant", "list"], &["'@SUM(A1:A9)", "500.00"]),
        ("verify", &["verify"], &[]),
    ];
    for (name, args, expected) in cases {
        let csv_text = listing(l, args);
        assert_no_formula(name, &csv_text);
        let cells: Vec<String> = rows(&csv_text).into_iter().flatten().collect();
        for e in expected {
            assert!(
                cells.iter().any(|c| c == e),
                "{name}: no cell {e:?}:\n{csv_text}"
            );
        }
    }
}

#[test]
fn the_journal_csv_imports_back_unchanged_through_the_binary() {
    let fx = planted();
    let exported = listing(fx.path(), &["journal"]);
    let file = fx.file("export.csv", exported.as_bytes());
    // A second ledger with the same chart, accounts and grant.
    let other = fx.dir.path().join("other.db");
    ok(
        &other,
        &[
            "init",
            "--name",
            "Copie",
            "--currency",
            "MAD",
            "--chart",
            "generic",
        ],
    );
    ok(
        &other,
        &[
            "account", "add", "4160", "--name", "Dons", "--type", "income",
        ],
    );
    ok(
        &other,
        &["funder", "add", "EVIL", "--name", "F", "--type", "private"],
    );
    ok(
        &other,
        &[
            "grant",
            "add",
            "G1",
            "--funder",
            "EVIL",
            "--amount",
            "1000",
            "--start",
            "2025-01-01",
            "--end",
            "2025-12-31",
        ],
    );
    ok(
        &other,
        &[
            "grant", "budget", "G1", "l1", "--amount", "500", "--label", "L",
        ],
    );
    ok(&other, &["import", file.to_str().unwrap()]);
    let texts = |l: &Path| -> Vec<serde_json::Value> {
        let v: serde_json::Value =
            serde_json::from_str(&ok(l, &["journal", "--format", "json"])).unwrap();
        v["transactions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                serde_json::json!([
                    t["date"],
                    t["description"],
                    t["reference"],
                    t["postings"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|p| serde_json::json!([p["account"], p["amount"], p["memo"]]))
                        .collect::<Vec<_>>()
                ])
            })
            .collect()
    };
    let original = texts(fx.path());
    assert_eq!(original.len(), 2);
    assert_eq!(original[0][1], "=1+1");
    assert_eq!(original[1][2], "''");
    assert_eq!(texts(&other), original);
}

fn info() -> amana::domain::LedgerInfo {
    let mad = amana::domain::Currency {
        code: "MAD".into(),
        exponent: 2,
    };
    amana::domain::LedgerInfo {
        id: vec![0; 16],
        name: "x".into(),
        currency: mad.clone(),
        fiscal_start: amana::domain::FiscalStart::CALENDAR,
        chart: "generic".into(),
        currencies: vec![mad],
    }
}

/// Text the ledger can hold (what `text::clean` lets in), drawn often from the characters
/// that matter here: formula starts, apostrophes, quotes, commas, Arabic and combining marks.
fn ledger_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "['=+@\\-\"', a-zA-Z0-9\u{0627}-\u{064A}\u{0301}]{1,12}",
        any::<String>(),
    ]
    .prop_filter_map("text the ledger holds", |s| {
        amana::domain::text::clean("text", &s).ok()
    })
}

proptest! {
    /// Any description, reference and memo written by `journal --format csv` is read back
    /// unchanged by the import, and no cell reaches a spreadsheet as a formula.
    #[test]
    fn journal_csv_round_trips_any_text(
        description in ledger_text(),
        reference in proptest::option::of(ledger_text()),
        memo in proptest::option::of(ledger_text()),
    ) {
        use amana::report::{JournalEntry, JournalPosting, JournalReport, Provenance};
        let posting = |account: &str, amount: &str, memo: Option<String>| JournalPosting {
            account: account.into(),
            account_name: String::new(),
            amount: amount.into(),
            grant: None,
            line: None,
            original_amount: None,
            original_currency: None,
            memo,
        };
        let report = JournalReport {
            currency: "MAD".into(),
            transactions: vec![JournalEntry {
                id: 1,
                seq: 1,
                kind: "transaction".into(),
                date: "2025-03-01".into(),
                description: description.clone(),
                reference: reference.clone(),
                reverses: None,
                reversed_by: None,
                reason: None,
                postings: vec![
                    posting("1010", "45.00", memo.clone()),
                    posting("4100", "-45.00", None),
                ],
            }],
            provenance: Provenance {
                ledger: String::new(),
                entries: 0,
                head: String::new(),
                generated: String::new(),
            },
        };
        let csv_text = amana::report::render::journal_csv(&report).csv();
        assert_no_formula("journal", &csv_text);
        let parsed = amana::formats::journal::parse(Path::new("x.csv"), csv_text.as_bytes(), &info())
            .unwrap_or_else(|e| panic!("{e}\n{csv_text}"));
        prop_assert!(parsed.errors.is_empty(), "{:?}\n{csv_text}", parsed.errors);
        let t = &parsed.transactions[0];
        prop_assert_eq!(&t.description, &description);
        prop_assert_eq!(&t.reference, &reference);
        prop_assert_eq!(&t.postings[0].memo, &memo);
        prop_assert_eq!(t.postings[1].amount.0, -4500);
    }
}
