//! The year survives its closing (issue 8, item 3): `balance --from DATE --to DATE` gives the
//! movements of a period and `--before-closing` leaves the closing entries out, so the income
//! statement of a closed year comes straight from amana. Checked on the demo ledger, whose
//! 2025 is closed, against the journal's own postings (another query) and by additivity.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::Value;

use crate::common;

fn json(ledger: &std::path::Path, args: &[&str]) -> serde_json::Value {
    crate::common::ok_json(ledger, args)
}

/// Account → balance, zero balances left out.
fn balances(report: &Value) -> BTreeMap<String, Decimal> {
    report["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let amount: Decimal = a["balance"].as_str().unwrap().parse().unwrap();
            (a["code"].as_str().unwrap().to_string(), amount)
        })
        .filter(|(_, amount)| !amount.is_zero())
        .collect()
}

/// Account → sum of the journal's postings, of the entries `keep` accepts.
fn journal_sums(journal: &Value, keep: impl Fn(&Value) -> bool) -> BTreeMap<String, Decimal> {
    let mut sums: BTreeMap<String, Decimal> = BTreeMap::new();
    for t in journal["transactions"].as_array().unwrap() {
        if !keep(t) {
            continue;
        }
        for p in t["postings"].as_array().unwrap() {
            let amount: Decimal = p["amount"].as_str().unwrap().parse().unwrap();
            *sums
                .entry(p["account"].as_str().unwrap().to_string())
                .or_default() += amount;
        }
    }
    sums.retain(|_, amount| !amount.is_zero());
    sums
}

fn is_result(code: &str) -> bool {
    code.starts_with('6') || code.starts_with('7')
}

#[test]
fn a_closed_year_keeps_its_income_and_expense() {
    let (_dir, ledger) = common::demo();
    let year = ["--from", "2025-01-01", "--to", "2025-12-31"];

    // After the closing, the year's income and expense accounts are back to zero...
    let closed = balances(&json(&ledger, &[&["balance"], &year[..]].concat()));
    assert!(closed.keys().all(|c| !is_result(c)), "{closed:?}");

    // ... and before it, they are the year's movements, as the journal lists them.
    let before = json(
        &ledger,
        &[&["balance"], &year[..], &["--before-closing"]].concat(),
    );
    assert_eq!(before["from"], "2025-01-01");
    assert_eq!(before["as_of"], "2025-12-31");
    assert_eq!(before["before_closing"], true);
    assert_eq!(
        before["total"], "0.00",
        "a period's movements still balance"
    );
    let statement = balances(&before);
    let journal = json(&ledger, &[&["journal"], &year[..]].concat());
    let expected = journal_sums(&journal, |t| t["kind"] != "closing");
    assert_eq!(statement, expected);
    let income_and_expense: Vec<_> = statement.keys().filter(|c| is_result(c)).collect();
    assert!(income_and_expense.len() > 10, "{statement:?}");

    // The closing is exactly what it left out.
    let closing = journal_sums(&journal, |t| t["kind"] == "closing");
    for (code, amount) in &closing {
        let after = closed.get(code).copied().unwrap_or_default();
        let without = statement.get(code).copied().unwrap_or_default();
        assert_eq!(after - without, *amount, "account {code}");
    }

    // The table says which period, and that the closing was left out.
    let table = common::ok(
        &ledger,
        &[&["balance"], &year[..], &["--before-closing"]].concat(),
    );
    assert!(
        table.contains(
            "(movements from 2025-01-01 to 2025-12-31, closing entries of fiscal years left out)"
        ),
        "{table}"
    );
}

#[test]
fn periods_add_up_to_the_whole() {
    let (_dir, ledger) = common::demo();
    let whole = balances(&json(&ledger, &["balance"]));
    let until = balances(&json(&ledger, &["balance", "--as-of", "2025-12-31"]));
    let since = balances(&json(&ledger, &["balance", "--from", "2026-01-01"]));
    let mut sum = until.clone();
    for (code, amount) in since {
        *sum.entry(code).or_default() += amount;
    }
    sum.retain(|_, amount| !amount.is_zero());
    assert_eq!(sum, whole);
    // --to is --as-of.
    assert_eq!(
        json(&ledger, &["balance", "--to", "2025-12-31"])["accounts"],
        json(&ledger, &["balance", "--as-of", "2025-12-31"])["accounts"]
    );
}

#[test]
fn a_period_that_ends_before_it_starts_is_refused() {
    let (_dir, ledger) = common::demo();
    let err = common::fails(
        &ledger,
        &["balance", "--from", "2026-01-01", "--to", "2025-12-31"],
        2,
    );
    assert!(
        err.contains("the period from 2026-01-01 to 2025-12-31 ends before it starts: give --from a day on or before --to (or --as-of)"),
        "{err}"
    );
    let err = common::fails(
        &ledger,
        &["balance", "--to", "2025-12-31", "--as-of", "2025-12-31"],
        2,
    );
    assert!(err.contains("cannot be used with"), "{err}");
}

/// `close --dry-run` prints the postings the closing would make and its result, changes
/// nothing, and the closing then writes exactly those postings.
#[test]
fn a_closing_can_be_checked_before_it_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("l.db");
    common::ok(
        &ledger,
        &[
            "init",
            "--name",
            "T",
            "--currency",
            "MAD",
            "--chart",
            "generic",
        ],
    );
    for (date, description, post) in [
        ("2024-03-01", "dues", ["1010 1500", "4100"]),
        ("2024-04-01", "rent", ["5100 400", "1010"]),
        ("2024-05-01", "gift", ["1010 250.50", "4000"]),
        ("2025-02-01", "dues", ["1010 100", "4100"]),
    ] {
        common::ok(
            &ledger,
            &[
                "record",
                "--date",
                date,
                "--description",
                description,
                "--post",
                post[0],
                "--post",
                post[1],
            ],
        );
    }
    let before = common::snapshot(&ledger);
    // The dry run refuses what the closing would refuse: years close in order.
    let err = common::fails(&ledger, &["close", "--year", "2025", "--dry-run"], 2);
    assert!(
        err.contains("fiscal year 2024 is not closed yet: close the years in order"),
        "{err}"
    );
    let dry = common::ok(&ledger, &["close", "--year", "2024", "--dry-run"]);
    assert_eq!(
        common::snapshot(&ledger),
        before,
        "a dry run writes nothing"
    );
    assert!(
        dry.starts_with(
            "Dry run: closing fiscal year 2024 (2024-01-01 to 2024-12-31) would write, dated 2024-12-31:"
        ),
        "{dry}"
    );
    assert!(
        dry.contains("Result of the year, the association's own: 1350.50 MAD (a surplus)."),
        "{dry}"
    );
    assert!(dry.contains("Nothing was written."), "{dry}");
    let previewed: Vec<(String, String)> = dry
        .lines()
        .filter(|l| l.starts_with("  "))
        .map(|l| {
            let mut words = l.split_whitespace();
            (
                words.next().unwrap().to_string(),
                words.next().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(previewed.len(), 4, "{dry}");

    common::ok(&ledger, &["close", "--year", "2024"]);
    let journal = json(&ledger, &["journal", "--from", "2024-12-31"]);
    let closing = journal["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "closing")
        .expect("the closing entry");
    let written: Vec<(String, String)> = closing["postings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["account"].as_str().unwrap().to_string(),
                p["amount"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(written, previewed);

    // A closed year has nothing left to preview.
    let err = common::fails(&ledger, &["close", "--year", "2024", "--dry-run"], 2);
    assert!(err.contains("2024"), "{err}");
}
