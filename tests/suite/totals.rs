//! Two computations of the same totals, tied together. The listings sum the tables in SQL
//! (`store/queries.rs`: what a grant received, what it spent, each account's balance); the
//! rules sum the replayed chain in Rust (`rules::spends`, `rules::receives`, the totals a seal
//! records). SQL cannot call the rules, so the listings restate what counts as spending: this
//! test fails the day the two disagree. On the demo ledger, whose last seal covers every
//! transaction (equipment bought on a grant's line, reversals, a closing, income and expense
//! of every kind), each grant's received and spent, and each account's balance, are the same
//! both ways.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::common;

fn json(ledger: &std::path::Path, args: &[&str]) -> Value {
    serde_json::from_str(&common::ok(ledger, args)).unwrap()
}

/// `key → value` of each object of a JSON list.
fn pairs(list: &Value, key: &str, value: &str) -> BTreeMap<String, String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o[key].as_str().unwrap().to_string(),
                o[value].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_listings_totals_are_the_rules_totals() {
    let (_dir, ledger) = common::demo();
    let log = json(&ledger, &["log", "--kind", "seal", "--format", "json"]);
    let seal = &log["entries"].as_array().unwrap().last().unwrap()["content"];
    let grants = json(&ledger, &["grant", "list", "--format", "json"]);
    let balance = json(&ledger, &["balance", "--format", "json"]);

    for total in ["received", "spent"] {
        let by_rules = pairs(&seal["grants"], "grant", total);
        let by_sql = pairs(&grants["grants"], "id", total);
        assert_eq!(by_rules.len(), 5, "{seal}");
        assert_eq!(by_sql, by_rules, "grants' {total}");
    }
    // The trial balance names the accounts that moved; the listing lists every account (the
    // memorandum accounts apart, which the seal counts like any other).
    let by_rules = pairs(&seal["trial_balance"], "account", "balance");
    let memorandum = pairs(&balance["memorandum"], "code", "balance");
    assert!(!memorandum.is_empty(), "{balance}");
    let by_sql: BTreeMap<String, String> = pairs(&balance["accounts"], "code", "balance")
        .into_iter()
        .chain(memorandum)
        .filter(|(code, _)| by_rules.contains_key(code))
        .collect();
    assert!(by_rules.len() > 20, "{seal}");
    assert_eq!(by_sql, by_rules, "balances");
}
