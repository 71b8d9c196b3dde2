//! Property tests through the library on a real SQLite file, over the space where mistakes
//! hide: several currencies, grants (restricted or not) and budget lines, reversals, year
//! closings, dates across three years, Arabic and combining text, amounts up to the 10^13 limit.
//! Each generated ledger: balances equal an independent model (closings included), the trial
//! balance is zero, text reads back in NFC, amana and the independent Python verifier both find
//! it intact and agree on it; and one random change to a table or the log (the triggers put
//! back after it) is always reported at the entry it touched.
//!
//! The number of cases is `PROPTEST_CASES` when set (e.g. `PROPTEST_CASES=500 cargo test
//! --test suite properties::`), otherwise small enough for the default run. Failing seeds are kept in
//! tests/suite/properties.proptest-regressions (committed) and replayed first on every run.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use amana::app::setup::{AccountRequest, FunderRequest};
use amana::app::{
    BudgetLineRequest, GrantRequest, InitRequest, Ledger, PostingRequest, RecordRequest,
};
use amana::domain::{
    AccountCode, Currency, EntryId, FiscalStart, FunderId, GrantId, LineId, Minor,
};
use amana::report;
use amana::store::{BalanceFilter, JournalFilter, Store};
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use unicode_normalization::UnicodeNormalization;

/// (code, type)
const ACCOUNTS: [(&str, &str); 9] = [
    ("5141", "asset"),
    ("5161", "asset"),
    ("4411", "liability"),
    ("1111", "net-assets"),
    ("1561", "liability"),
    ("7161", "income"),
    ("7162", "income"),
    ("6131", "expense"),
    ("6132", "expense"),
];
/// Indexes of the balance-sheet accounts (asset, liability, net assets).
const BALANCE_SHEET: std::ops::Range<usize> = 0..5;

/// (grant, restricted, currency, its lines)
const GRANTS: [(&str, bool, &str, &[&str]); 2] = [
    ("G-MAD", true, "MAD", &["rent", "training"]),
    ("G-EUR", false, "EUR", &["equipment"]),
];

/// Currencies money may have moved in, with their exponents (in the ISO table amana ships).
const ORIGINALS: [(&str, u32); 3] = [("EUR", 2), ("TND", 3), ("JPY", 0)];

fn config() -> ProptestConfig {
    let mut c = ProptestConfig::default(); // reads PROPTEST_CASES
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = 12;
    }
    c.failure_persistence = Some(Box::new(FileFailurePersistence::Direct(
        "tests/suite/properties.proptest-regressions",
    )));
    c
}

fn fmt_minor(m: i64, exponent: u32) -> String {
    let sign = if m < 0 { "-" } else { "" };
    let a = m.unsigned_abs();
    if exponent == 0 {
        return format!("{sign}{a}");
    }
    let p = 10u64.pow(exponent);
    format!("{sign}{}.{:0w$}", a / p, a % p, w = exponent as usize)
}

/// One debit/credit pair: +amount on `debit`, -amount on `credit`, perhaps charged to a grant
/// (and one of its lines) and perhaps in another currency.
#[derive(Debug, Clone)]
struct Leg {
    debit: usize,
    credit: usize,
    amount: i64,
    /// (grant index, line index or none) charged on both postings.
    grant: Option<(usize, Option<usize>)>,
    /// (currency index, amount in its minor units) of the money that moved.
    original: Option<(usize, i64)>,
}

#[derive(Debug, Clone)]
struct Txn {
    /// Days after 2024-01-01 (three years).
    day: u32,
    description: String,
    legs: Vec<Leg>,
    /// Reverse this transaction right after recording it (same date).
    reverse: bool,
}

/// Latin, Arabic and combining marks (Arabic harakat, the acute accent): NFC differs from
/// what is typed whenever a mark follows a letter it composes with.
fn words() -> impl Strategy<Value = String> {
    "[a-zé\u{0621}-\u{064A}][a-ze\u{0621}-\u{064A}\u{064B}-\u{0652}\u{0301} ]{0,16}[a-z\u{0627}-\u{064A}]"
}

fn leg() -> impl Strategy<Value = Leg> {
    let small = (-5_000_000i64..5_000_000).prop_filter("not zero", |a| *a != 0);
    prop_oneof![
        // Ordinary amounts between any accounts, maybe charged to a grant and a line.
        (
            0..ACCOUNTS.len(),
            0..ACCOUNTS.len(),
            small,
            prop::option::of((0..GRANTS.len(), prop::option::of(0usize..2))),
            prop::option::of((0..ORIGINALS.len(), 1i64..1_000_000_000)),
        )
            .prop_map(|(debit, credit, amount, grant, original)| Leg {
                debit,
                credit,
                amount,
                grant,
                original: original.map(|(c, a)| (c, a * amount.signum())),
            }),
        // Near the limit, on balance-sheet accounts (a year's income beyond 10^13 could not be
        // closed in one posting, which the format forbids).
        (
            BALANCE_SHEET,
            BALANCE_SHEET,
            prop_oneof![
                Minor::MAX - 1000..=Minor::MAX,
                -Minor::MAX..=-Minor::MAX + 1000
            ],
        )
            .prop_map(|(debit, credit, amount)| Leg {
                debit,
                credit,
                amount,
                grant: None,
                original: None,
            }),
    ]
}

fn txn() -> impl Strategy<Value = Txn> {
    (
        0u32..3 * 365,
        words(),
        prop::collection::vec(leg(), 1..4),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(day, description, legs, reverse)| Txn {
            day,
            description,
            legs,
            reverse,
        })
}

fn date_of(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(day as u64)
}

/// The independent model: each account's balance, and each year's income and expense (for
/// the closings), computed from what was generated, not read from amana.
#[derive(Default)]
struct Model {
    balances: BTreeMap<String, i64>,
    /// year → income/expense account → net
    years: BTreeMap<i32, BTreeMap<String, i64>>,
    /// grant → every (date, received, spent) posted on it
    grant_flows: BTreeMap<usize, Vec<(NaiveDate, i64, i64)>>,
    /// grant → what closings carried to dedicated funds
    carried: BTreeMap<usize, i64>,
}

impl Model {
    /// A posting; `grant` is the grant it is charged to and whether it has a budget line.
    fn post(&mut self, date: NaiveDate, account: usize, amount: i64, grant: Option<(usize, bool)>) {
        let (code, kind) = ACCOUNTS[account];
        *self.balances.entry(code.into()).or_default() += amount;
        if kind == "income" || kind == "expense" {
            let net = self.years.entry(date.year()).or_default();
            *net.entry(code.into()).or_default() += amount;
        }
        // Tags are written on income and expense postings only (see `postings`): a grant's
        // received counts its income postings, its spent its expense postings.
        if let Some((g, _)) = grant.filter(|_| kind == "income" || kind == "expense") {
            let received = if kind == "income" { -amount } else { 0 };
            let spent = if kind == "expense" { amount } else { 0 };
            self.grant_flows
                .entry(g)
                .or_default()
                .push((date, received, spent));
        }
    }

    /// CHAIN.md rules 14a and 14c, computed here: each restricted grant's money received and
    /// not spent held in dedicated funds (1561), the rest of the year's income and expense to
    /// net assets (1111, surplus or deficit alike). Returns what 1111 received.
    fn close(&mut self, year: i32) -> i64 {
        let net = self.years.remove(&year).unwrap_or_default();
        let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap();
        let mut total: i64 = net.values().sum();
        for (code, f) in net {
            *self.balances.entry(code).or_default() -= f;
        }
        for (g, (_, restricted, ..)) in GRANTS.iter().enumerate() {
            if !restricted {
                continue;
            }
            let flows = self.grant_flows.get(&g).map(Vec::as_slice).unwrap_or(&[]);
            let (received, spent) = flows
                .iter()
                .filter(|(d, ..)| *d <= end)
                .fold((0, 0), |(r, s), (_, dr, ds)| (r + dr, s + ds));
            let target = (received - spent).max(0);
            let change = target - self.carried.get(&g).copied().unwrap_or(0);
            *self.balances.entry("1561".into()).or_default() -= change;
            self.carried.insert(g, target);
            total += change;
        }
        *self.balances.entry("1111".into()).or_default() += total;
        total
    }

    /// The allocation of a result carried to 1111: all of it forward, to 1161.
    fn allocate(&mut self, result: i64) {
        *self.balances.entry("1111".into()).or_default() -= result;
        *self.balances.entry("1161".into()).or_default() += result;
    }
}

/// The grant a leg is charged to, and whether to one of its budget lines.
fn charged(l: &Leg) -> Option<(usize, bool)> {
    l.grant
        .map(|(g, line)| (g, line.and_then(|i| GRANTS[g].3.get(i)).is_some()))
}

fn postings(legs: &[Leg]) -> Vec<PostingRequest> {
    let mut out = vec![];
    for l in legs {
        for (account, amount) in [(l.debit, l.amount), (l.credit, -l.amount)] {
            // A grant is tagged where amana's writer takes it (income and expense postings),
            // a line on expense postings only; the model counts only those postings anyway.
            let kind = ACCOUNTS[account].1;
            let (grant, line) = match l.grant {
                Some((g, line)) if kind == "income" || kind == "expense" => (
                    Some(GrantId::parse(GRANTS[g].0).unwrap()),
                    line.and_then(|i| GRANTS[g].3.get(i))
                        .filter(|_| kind == "expense")
                        .map(|s| LineId::parse(s).unwrap()),
                ),
                _ => (None, None),
            };
            let original = l.original.map(|(c, a)| {
                // A posting charged to a grant in another currency than the ledger's carries
                // its amount in the grant's (amana refuses any other).
                let (code, exp) = match l.grant {
                    Some((g, _)) if GRANTS[g].2 != "MAD" => (GRANTS[g].2, 2),
                    _ => ORIGINALS[c],
                };
                let a = if amount.signum() == l.amount.signum() {
                    a
                } else {
                    -a
                };
                (fmt_minor(a, exp), code.to_string())
            });
            out.push(PostingRequest {
                account: AccountCode::parse(ACCOUNTS[account].0).unwrap(),
                amount: Some(fmt_minor(amount, 2)),
                grant,
                line,
                original,
                memo: None,
                funder: None,
            });
        }
    }
    out
}

/// Builds the ledger; returns its path, the model, and each description as typed.
fn build(dir: &Path, txns: &[Txn], close_years: bool) -> (PathBuf, Model, Vec<String>) {
    let path = dir.join("p.db");
    let (mut ledger, _) = Ledger::init(
        &path,
        InitRequest {
            name: "جمعية الخصائص / Propriétés".into(),
            currency: Currency::iso("MAD").unwrap(),
            chart: "none".into(),
            fiscal_start: FiscalStart::CALENDAR,
            id: None,
        },
        "proptest",
    )
    .unwrap();
    // Where the general assembly carries each year's result forward (allocate-result).
    for (code, kind) in ACCOUNTS.iter().copied().chain([("1161", "net-assets")]) {
        ledger
            .add_account(AccountRequest {
                code: AccountCode::parse(code).unwrap(),
                name: format!("Compte {code}"),
                kind: Some(kind.parse().unwrap()),
                labels: vec![],
            })
            .unwrap();
    }
    ledger
        .add_funder(FunderRequest {
            id: FunderId::parse("F").unwrap(),
            name: "Fondation".into(),
            kind: "private".parse().unwrap(),
            country: None,
        })
        .unwrap();
    for (id, restricted, currency, lines) in GRANTS {
        ledger
            .add_grant(GrantRequest {
                id: GrantId::parse(id).unwrap(),
                funder: FunderId::parse("F").unwrap(),
                amount: "1000000".into(),
                currency: Some(currency.into()),
                start: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
                end: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
                restricted,
                purpose: None,
            })
            .unwrap();
        for line in lines {
            ledger
                .add_budget_line(BudgetLineRequest {
                    grant: GrantId::parse(id).unwrap(),
                    line: LineId::parse(line).unwrap(),
                    label: format!("Ligne {line}"),
                    amount: "50000".into(),
                    account: None,
                })
                .unwrap();
        }
    }
    let mut sorted = txns.to_vec();
    sorted.sort_by_key(|t| t.day);
    let mut model = Model::default();
    let mut typed = vec![];
    let mut year = 2024;
    let today = NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
    for t in &sorted {
        let date = date_of(t.day);
        while close_years && date.year() > year {
            let accounts = amana::app::close::ClosingAccounts {
                surplus: AccountCode::parse("1111").unwrap(),
                deficit: AccountCode::parse("1111").unwrap(),
                dedicated: AccountCode::parse("1561").unwrap(),
                carry: None,
            };
            ledger.close(year, &accounts, &[], today).unwrap();
            let result = model.close(year);
            // The next year is closed only once this one's result is allocated.
            if result != 0 {
                ledger
                    .allocate_result(amana::app::allocate::AllocateRequest {
                        year,
                        date: NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap(),
                        parts: vec![(
                            AccountCode::parse("1161").unwrap(),
                            fmt_minor(result.abs(), 2),
                        )],
                        dry_run: false,
                    })
                    .unwrap();
                model.allocate(result);
                typed.push(format!(
                    "Affectation du résultat de l'exercice {year} / Allocation of fiscal year {year}'s result"
                ));
            }
            year += 1;
        }
        let written = ledger
            .record(RecordRequest {
                date,
                description: t.description.clone(),
                reference: None,
                postings: postings(&t.legs),
                receipts: vec![],
                today: None,
            })
            .unwrap_or_else(|e| panic!("{t:?}: {e}"));
        typed.push(t.description.clone());
        for l in &t.legs {
            let g = charged(l);
            model.post(date, l.debit, l.amount, g);
            model.post(date, l.credit, -l.amount, g);
        }
        if t.reverse {
            let id = written.entry.expect("a transaction has an id").0;
            ledger
                .reverse(EntryId(id), Some(date), "erreur / خطأ")
                .unwrap();
            typed.push(format!("Reversal of #{id}: {}", t.description));
            for l in &t.legs {
                let g = charged(l);
                model.post(date, l.debit, -l.amount, g);
                model.post(date, l.credit, l.amount, g);
            }
        }
    }
    (path, model, typed)
}

fn cents(m: i64) -> String {
    fmt_minor(m, 2)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn balances_closings_and_text_match_an_independent_model(
        txns in prop::collection::vec(txn(), 1..25),
        close_years in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (path, model, typed) = build(dir.path(), &txns, close_years);
        let store = Store::open_read_only(&path).unwrap();
        let info = store.ledger_info().unwrap();
        let bal = report::balance(&store, &info, &BalanceFilter::default()).unwrap();
        prop_assert_eq!(bal.total.as_str(), "0.00");
        let ours: BTreeMap<String, String> =
            bal.accounts.iter().map(|a| (a.code.clone(), a.balance.clone())).collect();
        let theirs: BTreeMap<String, String> = model
            .balances
            .iter()
            .filter(|(_, v)| **v != 0)
            .map(|(k, v)| (k.clone(), cents(*v)))
            .collect();
        let ours: BTreeMap<String, String> =
            ours.into_iter().filter(|(_, v)| v != "0.00").collect();
        prop_assert_eq!(ours, theirs);
        // Descriptions read back as typed, in NFC.
        let journal = report::journal(&store, &info, &JournalFilter::default()).unwrap();
        let shown: Vec<String> = journal
            .transactions
            .iter()
            .filter(|t| t.kind != "closing")
            .map(|t| t.description.clone())
            .collect();
        let expected: Vec<String> = typed.iter().map(|d| d.nfc().collect()).collect();
        prop_assert_eq!(shown, expected);
        // Both verifiers find it intact and agree.
        let v = amana::verify::verify(&store).unwrap();
        prop_assert!(v.ok, "{:?}", v.problems);
        let ours = serde_json::to_value(&v).unwrap();
        let (code, theirs) = common::python_verify_json(&[path.to_str().unwrap()]);
        prop_assert_eq!(code, Some(0), "{:#}", theirs);
        for field in ["entries", "head", "transactions", "seals"] {
            prop_assert_eq!(&ours[field], &theirs[field], "{}", field);
        }
    }

    #[test]
    fn one_random_change_is_always_caught_where_it_was_made(
        txns in prop::collection::vec(txn(), 1..8),
        target in 0usize..5,
        pick in any::<prop::sample::Index>(),
        delta in 1i64..1_000_000,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (path, _, _) = build(dir.path(), &txns, false);
        // Triggers dropped for the edit and put back after it: the schema is amana's, so only
        // the change itself can be what verify reports.
        let conn = common::tamper_conn(&path);
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
                conn.execute("UPDATE entries SET date = '2023-12-31' WHERE id = ?1", [id]).unwrap();
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
            3 => {
                let n = count("SELECT count(*) FROM budget_lines");
                let seq: i64 = conn.query_row(
                    "SELECT seq FROM budget_lines ORDER BY seq LIMIT 1 OFFSET ?1",
                    [pick.index(n) as i64], |r| r.get(0)).unwrap();
                conn.execute("UPDATE budget_lines SET amount = amount + ?1 WHERE seq = ?2", [delta, seq]).unwrap();
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
        prop_assert!(
            v.problems.iter().all(|p| p.kind != amana::verify::ProblemKind::SchemaAltered),
            "{:?}", v.problems
        );
        prop_assert!(
            v.problems.iter().any(|p| p.seq == changed_seq),
            "nothing reported at entry {}: {:?}", changed_seq, v.problems
        );
    }
}

/// The generator reaches what the properties are about (a property over a space it never
/// visits proves nothing): sampled deterministically, every feature shows up.
#[test]
fn the_generator_reaches_the_interesting_space() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = prop::collection::vec(txn(), 1..25);
    let (mut reversal, mut line, mut restricted, mut original, mut near_limit) =
        (false, false, false, false, false);
    let (mut arabic, mut not_nfc, mut years) = (false, false, std::collections::BTreeSet::new());
    for _ in 0..50 {
        for t in strategy.new_tree(&mut runner).unwrap().current() {
            reversal |= t.reverse;
            arabic |= t
                .description
                .chars()
                .any(|c| ('\u{0621}'..='\u{064A}').contains(&c));
            not_nfc |= t.description.nfc().collect::<String>() != t.description;
            years.insert(date_of(t.day).year());
            for l in &t.legs {
                // A line is posted only on an expense posting (amana's writer refuses others).
                let expense = [l.debit, l.credit]
                    .iter()
                    .any(|a| ACCOUNTS[*a].1 == "expense");
                line |= matches!(l.grant, Some((_, Some(_)))) && expense;
                restricted |= l.grant.is_some_and(|(g, _)| GRANTS[g].1);
                original |= l.original.is_some();
                near_limit |= l.amount.abs() > Minor::MAX - 1001;
            }
        }
    }
    assert!(reversal && line && restricted && original && near_limit);
    assert!(
        arabic && not_nfc,
        "Arabic {arabic}, text NFC changes {not_nfc}"
    );
    assert_eq!(years.len(), 3, "{years:?}");
}
