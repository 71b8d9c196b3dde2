//! Property tests: random balanced transactions through the library on a real SQLite file.
//! The trial balance sums to zero, each balance equals a sum computed here independently, the
//! chain verifies, and one random change to any table or log row is always caught.

use std::collections::BTreeMap;

use amana::ledger::{InitRequest, Ledger, PostingRequest, RecordRequest};
use amana::report;
use amana::store::{BalanceFilter, Store};
use proptest::prelude::*;

const ACCOUNTS: [(&str, &str); 6] = [
    ("5141", "asset"),
    ("5161", "asset"),
    ("4411", "liability"),
    ("1111", "net-assets"),
    ("7161", "income"),
    ("6131", "expense"),
];

fn cents(c: i64) -> String {
    let sign = if c < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", c.abs() / 100, c.abs() % 100)
}

/// A transaction: day of February, (account index, amount in centimes) for all postings but
/// the last, and the account of the last, which balances it.
type Txn = (u32, Vec<(usize, i64)>, usize);

fn transaction() -> impl Strategy<Value = Txn> {
    (
        1u32..=28,
        prop::collection::vec((0..ACCOUNTS.len(), -10_000_000i64..10_000_000), 1..5),
        0..ACCOUNTS.len(),
    )
}

fn build(dir: &std::path::Path, txns: &[Txn]) -> (std::path::PathBuf, BTreeMap<String, i64>) {
    let path = dir.join("p.db");
    let (mut ledger, _) = Ledger::init(
        &path,
        InitRequest {
            name: "Propriétés".into(),
            currency: "MAD".into(),
            chart: "none".into(),
            fiscal_start: "01-01".into(),
            id: None,
        },
        "proptest",
    )
    .unwrap();
    for (code, kind) in ACCOUNTS {
        ledger
            .add_account(code, &format!("Compte {code}"), kind, &[])
            .unwrap();
    }
    let mut expected: BTreeMap<String, i64> = BTreeMap::new();
    for (day, postings, last) in txns {
        let mut reqs: Vec<PostingRequest> = postings
            .iter()
            .map(|(a, amount)| PostingRequest {
                account: ACCOUNTS[*a].0.into(),
                amount: Some(cents(*amount)),
                ..Default::default()
            })
            .collect();
        reqs.push(PostingRequest {
            account: ACCOUNTS[*last].0.into(),
            amount: None,
            ..Default::default()
        });
        let sum: i64 = postings.iter().map(|p| p.1).sum();
        for (a, amount) in postings {
            *expected.entry(ACCOUNTS[*a].0.into()).or_default() += amount;
        }
        *expected.entry(ACCOUNTS[*last].0.into()).or_default() -= sum;
        ledger
            .record(RecordRequest {
                date: format!("2026-02-{day:02}"),
                description: "op".into(),
                reference: None,
                postings: reqs,
                receipts: vec![],
            })
            .unwrap();
    }
    (path, expected)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn balances_match_an_independent_sum(txns in prop::collection::vec(transaction(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let (path, expected) = build(dir.path(), &txns);
        let store = Store::open_read_only(&path).unwrap();
        let info = store.ledger_info().unwrap();
        let bal = report::balance(&store, &info, &BalanceFilter::default()).unwrap();
        prop_assert_eq!(bal.total.as_str(), "0.00");
        let ours: BTreeMap<String, String> = bal.accounts.iter().map(|a| (a.code.clone(), a.balance.clone())).collect();
        let theirs: BTreeMap<String, String> = expected.iter().map(|(k, v)| (k.clone(), cents(*v))).collect();
        prop_assert_eq!(ours, theirs);
        let v = amana::verify::verify(&store).unwrap();
        prop_assert!(v.ok, "{:?}", v.problems);
    }

    #[test]
    fn one_random_change_is_always_caught(
        txns in prop::collection::vec(transaction(), 1..10),
        target in 0usize..4,
        pick in any::<prop::sample::Index>(),
        delta in 1i64..1_000_000,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (path, _) = build(dir.path(), &txns);
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;").unwrap();
        for t in ["postings_no_update", "entries_no_update", "log_no_update", "accounts_no_update"] {
            conn.execute_batch(&format!("DROP TRIGGER {t}")).unwrap();
        }
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as usize;
        let changed_seq: i64 = match target {
            0 => {
                let n = count("SELECT count(*) FROM postings");
                let (e, i): (i64, i64) = conn.query_row(
                    "SELECT entry_id, idx FROM postings ORDER BY entry_id, idx LIMIT 1 OFFSET ?1",
                    [pick.index(n) as i64], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
                conn.execute("UPDATE postings SET amount = amount + ?1 WHERE entry_id = ?2 AND idx = ?3", [delta, e, i]).unwrap();
                conn.query_row("SELECT seq FROM entries WHERE id = ?1", [e], |r| r.get(0)).unwrap()
            }
            1 => {
                let n = count("SELECT count(*) FROM entries");
                let id = pick.index(n) as i64 + 1;
                conn.execute("UPDATE entries SET date = '2025-12-31' WHERE id = ?1", [id]).unwrap();
                conn.query_row("SELECT seq FROM entries WHERE id = ?1", [id], |r| r.get(0)).unwrap()
            }
            2 => {
                let n = count("SELECT count(*) FROM log");
                let seq = pick.index(n) as i64 + 1;
                let mut body: Vec<u8> = conn.query_row("SELECT body FROM log WHERE seq = ?1", [seq], |r| r.get(0)).unwrap();
                let i = (delta as usize) % body.len();
                body[i] = body[i].wrapping_add(1 + (delta % 254) as u8);
                conn.execute("UPDATE log SET body = ?1 WHERE seq = ?2", rusqlite::params![body, seq]).unwrap();
                seq
            }
            _ => {
                conn.execute("UPDATE accounts SET name = name || '!' WHERE code = '5141'", []).unwrap();
                conn.query_row("SELECT seq FROM accounts WHERE code = '5141'", [], |r| r.get(0)).unwrap()
            }
        };
        drop(conn);
        let store = Store::open_read_only(&path).unwrap();
        let v = amana::verify::verify(&store).unwrap();
        prop_assert!(!v.ok, "a change to target {} went unnoticed", target);
        prop_assert!(v.problems.iter().any(|p| p.seq <= changed_seq), "found only after the change: {:?}", v.problems);
    }
}
