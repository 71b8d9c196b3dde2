//! Fixed assets end to end: a computer bought on a grant for 12,000.00 MAD on 2025-03-15,
//! registered over 36 months, depreciated through 2025-12-31 (10 months) and 2026-12-31, twice
//! each; the figures by hand and by hledger on the exported journal; both verifiers agree; and
//! every refusal leaves the ledger unchanged.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::common::{fails, ok, python_verify_json, snapshot, verify_json};

/// A Moroccan-chart ledger with a restricted grant of 50,000.00 received on 7161 and a
/// computer bought on it (transaction 2), and a chair bought with the association's own money
/// (transaction 3).
fn ledger(dir: &Path) -> std::path::PathBuf {
    let l = dir.join("amana.db");
    let run = |args: &[&str]| ok(&l, args);
    run(&[
        "init",
        "--name",
        "Association Test",
        "--currency",
        "MAD",
        "--chart",
        "ma-associations",
    ]);
    run(&[
        "funder",
        "add",
        "CMM",
        "--name",
        "Conseil",
        "--type",
        "public-local",
        "--country",
        "MA",
    ]);
    run(&[
        "grant",
        "add",
        "G1",
        "--funder",
        "CMM",
        "--amount",
        "50000",
        "--start",
        "2025-01-01",
        "--end",
        "2026-12-31",
    ]);
    run(&[
        "grant",
        "budget",
        "G1",
        "equipment",
        "--amount",
        "12000",
        "--label",
        "Equipement",
        "--account",
        "2355",
    ]);
    run(&[
        "record",
        "--date",
        "2025-02-01",
        "--desc",
        "Subvention G1",
        "--post",
        "5141 50000",
        "--post",
        "7161 -50000 grant=G1",
    ]);
    run(&[
        "record",
        "--date",
        "2025-03-15",
        "--desc",
        "Ordinateur portable",
        "--post",
        "2355 12000 grant=G1 line=equipment",
        "--post",
        "5141",
    ]);
    run(&[
        "record",
        "--date",
        "2025-06-10",
        "--desc",
        "Chaise",
        "--post",
        "2351 1000.01",
        "--post",
        "5141",
    ]);
    l
}

fn balances(l: &Path, extra: &[&str]) -> BTreeMap<String, String> {
    let mut args = vec!["balance", "--format", "json"];
    args.extend_from_slice(extra);
    let v: serde_json::Value = serde_json::from_str(&ok(l, &args)).unwrap();
    v["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["code"].as_str().unwrap().to_string(),
                a["balance"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn assets(l: &Path) -> serde_json::Value {
    let v: serde_json::Value =
        serde_json::from_str(&ok(l, &["asset", "list", "--format", "json"])).unwrap();
    v["assets"].clone()
}

fn both_verifiers_pass(l: &Path) {
    let (code, v) = verify_json(l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    let (code, p) = python_verify_json(&[l.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{p:#}");
}

#[test]
fn a_computer_bought_on_a_grant_is_depreciated_and_its_subsidy_released_in_step() {
    let dir = tempfile::tempdir().unwrap();
    let l = ledger(dir.path());
    let out = ok(
        &l,
        &[
            "asset",
            "add",
            "PC-01",
            "--transaction",
            "2",
            "--life-months",
            "36",
            "--label",
            "Ordinateur",
        ],
    );
    assert!(out.contains("cost 12000.00 MAD"), "{out}");
    assert!(
        out.contains("investment subsidy as transaction #4"),
        "{out}"
    );
    // The subsidy moves the grant money that paid the computer out of the year's income.
    let b = balances(&l, &[]);
    assert_eq!(b["1311"], "-12000.00");
    assert_eq!(b["7161"], "-38000.00");
    // ... and does not change the grant's received and spent.
    let grants: serde_json::Value =
        serde_json::from_str(&ok(&l, &["grant", "list", "--format", "json"])).unwrap();
    let g = &grants["grants"][0];
    assert_eq!(
        (g["received"].as_str(), g["spent"].as_str()),
        (Some("50000.00"), Some("12000.00")),
        "{g:#}"
    );

    // A dry run shows, writes nothing.
    let before = snapshot(&l);
    let out = ok(&l, &["depreciate", "--through", "2025-12-31", "--dry-run"]);
    assert!(out.contains("Would post #5 2025-12-31: depreciation of PC-01 from 2025-03-01 to 2025-12-31: 3333.30 MAD"), "{out}");
    assert_eq!(snapshot(&l), before);

    // 10 months of 333.33 (12,000.00 / 36 rounded down): 3,333.30; then nothing the second time.
    let out = ok(&l, &["depreciate", "--through", "2025-12-31"]);
    assert!(
        out.contains("3333.30 MAD, subsidy released 3333.30"),
        "{out}"
    );
    let once = snapshot(&l);
    let out = ok(&l, &["depreciate", "--through", "2025-12-31"]);
    assert!(
        out.contains("Nothing to depreciate through 2025-12-31"),
        "{out}"
    );
    assert_eq!(snapshot(&l), once);
    let b = balances(&l, &["--as-of", "2025-12-31"]);
    assert_eq!(b["6193"], "3333.30");
    assert_eq!(b["2835"], "-3333.30");
    assert_eq!(b["1319"], "3333.30");
    assert_eq!(b["7577"], "-3333.30");

    // 2026: 12 months, 3,999.96; again nothing the second time.
    let out = ok(&l, &["depreciate", "--through", "2026-12-31"]);
    assert!(
        out.contains("from 2026-01-01 to 2026-12-31: 3999.96 MAD"),
        "{out}"
    );
    let twice = snapshot(&l);
    ok(&l, &["depreciate", "--through", "2026-12-31"]);
    assert_eq!(snapshot(&l), twice);

    let a = assets(&l);
    let pc = &a[0];
    assert_eq!(pc["id"], "PC-01");
    assert_eq!(pc["account"], "2355");
    assert_eq!(pc["cost"], "12000.00");
    assert_eq!(pc["acquired"], "2025-03-15");
    assert_eq!(pc["grant"], "G1");
    assert_eq!(pc["depreciated"], "7333.26");
    assert_eq!(pc["depreciated_through"], "2026-12-31");
    assert_eq!(pc["net_book_value"], "4666.74");
    assert_eq!(pc["subsidy_remaining"], "4666.74");

    // 2026's result shows neither the depreciation nor its release: they cancel.
    let y = balances(&l, &["--from", "2026-01-01", "--to", "2026-12-31"]);
    assert_eq!(
        (y["6193"].as_str(), y["7577"].as_str()),
        ("3999.96", "-3999.96")
    );

    // Through the end of its life (2028-02): the last month takes the remainder, 333.45.
    let out = ok(&l, &["depreciate", "--through", "2030-12-31"]);
    assert!(
        out.contains("from 2027-01-01 to 2027-12-31: 3999.96"),
        "{out}"
    );
    assert!(
        out.contains("from 2028-01-01 to 2028-02-29: 666.78"),
        "{out}"
    );
    let a = assets(&l);
    assert_eq!(a[0]["net_book_value"], "0.00");
    assert_eq!(a[0]["subsidy_remaining"], "0.00");
    let b = balances(&l, &[]);
    assert_eq!(b["2835"], "-12000.00");
    assert_eq!(b.get("1311").map(String::as_str), Some("-12000.00"));
    assert_eq!(b["1319"], "12000.00");
    both_verifiers_pass(&l);
    hledger_agrees(&l, dir.path());
}

/// hledger's balances of the journal amana exports are amana's balances.
fn hledger_agrees(l: &Path, dir: &Path) {
    let csv = ok(l, &["journal", "--format", "csv"]);
    let mut journal = String::new();
    let mut last = String::new();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    for r in reader.records() {
        let r = r.unwrap();
        if r[0] != last {
            journal.push_str(&format!("\n{} t{}\n", &r[1], &r[0]));
            last = r[0].to_string();
        }
        journal.push_str(&format!("    a{}    {} MAD\n", &r[4], &r[5]));
    }
    let path = dir.join("assets.journal");
    std::fs::write(&path, journal).unwrap();
    let out = Command::new("hledger")
        .args([
            "-f",
            path.to_str().unwrap(),
            "bal",
            "--flat",
            "-O",
            "csv",
            "-N",
        ])
        .output()
        .expect("hledger is required for this test (apt-get install hledger)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut theirs = BTreeMap::new();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    for r in reader.records() {
        let r = r.unwrap();
        let amount = r[1].trim_end_matches(" MAD").replace(',', "");
        theirs.insert(r[0].trim_start_matches('a').to_string(), amount);
    }
    let ours: BTreeMap<String, String> = balances(l, &[])
        .into_iter()
        .filter(|(_, b)| b != "0.00")
        .collect();
    theirs.retain(|_, b| b != "0.00" && b != "0");
    assert_eq!(ours, theirs, "amana and hledger disagree");
    assert_eq!(theirs["6193"], "12000.00");
}

#[test]
fn an_asset_bought_with_own_money_has_no_subsidy_and_the_generic_chart_has_its_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let l = ledger(dir.path());
    // 1,000.01 over 3 months: 333.33, 333.33, 333.35; from June (bought 2025-06-10).
    let out = ok(
        &l,
        &[
            "asset",
            "add",
            "CHAIR",
            "--transaction",
            "3",
            "--life-months",
            "3",
        ],
    );
    assert!(!out.contains("subsidy"), "{out}");
    let out = ok(
        &l,
        &["depreciate", "--through", "2025-07-15", "--asset", "CHAIR"],
    );
    assert!(
        out.contains("from 2025-06-01 to 2025-06-30: 333.33 MAD\n"),
        "{out}"
    );
    let out = ok(&l, &["depreciate", "--through", "2025-12-31"]);
    assert!(
        out.contains("from 2025-07-01 to 2025-08-31: 666.68 MAD\n"),
        "{out}"
    );
    let b = balances(&l, &[]);
    assert_eq!(b["2835"], "-1000.01");
    assert!(!b.contains_key("1319") && !b.contains_key("7577"), "{b:?}");
    assert_eq!(assets(&l)[0]["subsidy_remaining"], serde_json::Value::Null);
    both_verifiers_pass(&l);

    let g = dir.path().join("generic.db");
    ok(
        &g,
        &[
            "init",
            "--name",
            "Generic",
            "--currency",
            "USD",
            "--chart",
            "generic",
        ],
    );
    ok(
        &g,
        &[
            "funder",
            "add",
            "F",
            "--name",
            "Foundation",
            "--type",
            "private",
        ],
    );
    ok(
        &g,
        &[
            "grant",
            "add",
            "GG",
            "--funder",
            "F",
            "--amount",
            "3000",
            "--start",
            "2025-01-01",
            "--end",
            "2025-12-31",
        ],
    );
    ok(
        &g,
        &[
            "grant",
            "budget",
            "GG",
            "equipment",
            "--amount",
            "3000",
            "--label",
            "Laptop",
            "--account",
            "1500",
        ],
    );
    ok(
        &g,
        &[
            "record",
            "--date",
            "2025-01-05",
            "--desc",
            "Grant",
            "--post",
            "1010 3000",
            "--post",
            "4400 -3000 grant=GG",
        ],
    );
    ok(
        &g,
        &[
            "record",
            "--date",
            "2025-01-20",
            "--desc",
            "Laptop",
            "--post",
            "1500 2400 grant=GG line=equipment",
            "--post",
            "1010",
        ],
    );
    ok(
        &g,
        &[
            "asset",
            "add",
            "LAP",
            "--transaction",
            "2",
            "--life-months",
            "24",
        ],
    );
    ok(&g, &["depreciate", "--through", "2025-12-31"]);
    let b = balances(&g, &[]);
    assert_eq!(b["1590"], "-1200.00");
    assert_eq!(b["6800"], "1200.00");
    assert_eq!(b["3200"], "-1200.00");
    assert_eq!(b["4960"], "-1200.00");
    assert_eq!(b["4400"], "-600.00");

    // A desk registered in 2025 but not depreciated before 2025 is closed: its 2025 months
    // cannot be posted in 2026 (one entry per fiscal year, dated in it); the command names
    // them and changes nothing, and the other assets are depreciated one by one.
    let buy = |desc: &str, amount: &str| {
        let post = format!("1500 {amount}");
        ok(
            &g,
            &[
                "record",
                "--date",
                "2025-06-10",
                "--desc",
                desc,
                "--post",
                &post,
                "--post",
                "1010",
            ],
        );
    };
    buy("Desk", "500");
    buy("Shelf", "300");
    ok(
        &g,
        &[
            "asset",
            "add",
            "DESK",
            "--transaction",
            "5",
            "--life-months",
            "10",
        ],
    );
    ok(&g, &["close", "--year", "2025"]);
    let before = snapshot(&g);
    let err = fails(&g, &["depreciate", "--through", "2026-01-31"], 2);
    assert!(
        err.contains("depreciation of asset DESK for 2025-06 to 2025-12 would be dated 2025-12-31, and the books are locked through 2025-12-31"),
        "{err}"
    );
    assert_eq!(snapshot(&g), before);
    let out = ok(
        &g,
        &["depreciate", "--through", "2026-01-31", "--asset", "LAP"],
    );
    assert!(
        out.contains("from 2026-01-01 to 2026-01-31: 100.00 USD"),
        "{out}"
    );
    // Registered after the closing, the shelf would have the same fate: refused, unless its
    // depreciation starts in the open year.
    let before = snapshot(&g);
    let err = fails(
        &g,
        &[
            "asset",
            "add",
            "SHELF",
            "--transaction",
            "6",
            "--life-months",
            "3",
        ],
        2,
    );
    assert!(
        err.contains("asset SHELF's first months (2025-06 to 2025-08) would be depreciated on 2025-08-31, and the books are locked through 2025-12-31"),
        "{err}"
    );
    assert_eq!(snapshot(&g), before);
    ok(
        &g,
        &[
            "asset",
            "add",
            "SHELF",
            "--transaction",
            "6",
            "--life-months",
            "3",
            "--start",
            "2026-01-01",
        ],
    );
    let out = ok(
        &g,
        &["depreciate", "--through", "2026-03-31", "--asset", "SHELF"],
    );
    assert!(
        out.contains("from 2026-01-01 to 2026-03-31: 300.00 USD"),
        "{out}"
    );
    both_verifiers_pass(&g);
}

#[test]
fn bad_asset_input_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let l = ledger(dir.path());
    let before = snapshot(&l);
    let refused = |args: &[&str], says: &str| {
        let err = fails(&l, args, 2);
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(snapshot(&l), before, "{args:?} changed the ledger");
    };
    let add = ["asset", "add", "X", "--transaction"];
    let with = |rest: &[&'static str]| -> Vec<&'static str> {
        let mut v = add.to_vec();
        v.extend_from_slice(rest);
        v
    };
    refused(&with(&["2", "--life-months", "0"]), "life of 0 months");
    refused(
        &with(&["9", "--life-months", "12"]),
        "transaction 9 is not recorded",
    );
    refused(
        &with(&["1", "--life-months", "12"]),
        "transaction 1 debits no asset account",
    );
    refused(
        &with(&["1", "--life-months", "12", "--posting", "1"]),
        "is to 5141, a cash or bank account",
    );
    refused(
        &with(&["1", "--life-months", "12", "--posting", "2"]),
        "is not a debit to an asset account",
    );
    refused(
        &with(&["2", "--life-months", "12", "--posting", "2"]),
        "is not a debit to an asset account",
    );
    refused(
        &with(&["2", "--life-months", "12", "--depreciation-account", "6193"]),
        "depreciation account 6193 is not an account of type asset",
    );
    refused(
        &with(&["2", "--life-months", "12", "--expense-account", "2835"]),
        "expense account 2835 is not an account of type expense",
    );
    refused(
        &with(&["2", "--life-months", "12", "--start", "2025-03-01"]),
        "before the asset was acquired",
    );
    // A reversed purchase is not an asset.
    ok(&l, &["reverse", "3", "--reason", "erreur"]);
    let before = snapshot(&l);
    let err = fails(
        &l,
        &[
            "asset",
            "add",
            "X",
            "--transaction",
            "3",
            "--life-months",
            "12",
        ],
        2,
    );
    assert!(err.contains("it was reversed"), "{err}");
    assert_eq!(snapshot(&l), before);

    ok(
        &l,
        &[
            "asset",
            "add",
            "PC",
            "--transaction",
            "2",
            "--life-months",
            "36",
        ],
    );
    let before = snapshot(&l);
    let err = fails(
        &l,
        &[
            "asset",
            "add",
            "PC2",
            "--transaction",
            "2",
            "--life-months",
            "36",
        ],
        2,
    );
    assert!(err.contains("already registered as asset PC"), "{err}");
    let err = fails(
        &l,
        &[
            "asset",
            "add",
            "PC",
            "--transaction",
            "2",
            "--life-months",
            "36",
        ],
        2,
    );
    assert!(err.contains("asset PC is already registered"), "{err}");
    // An asset not acquired by the date named, and an unknown asset.
    let err = fails(
        &l,
        &["depreciate", "--through", "2025-02-28", "--asset", "PC"],
        2,
    );
    assert!(err.contains("acquired on 2025-03-15"), "{err}");
    let err = fails(
        &l,
        &["depreciate", "--through", "2025-12-31", "--asset", "NOPE"],
        2,
    );
    assert!(err.contains("asset NOPE is not registered"), "{err}");
    // Reversing the purchase of a registered asset, or a depreciation, is refused.
    let err = fails(&l, &["reverse", "2", "--reason", "x"], 2);
    assert!(err.contains("bought asset PC"), "{err}");
    assert_eq!(snapshot(&l), before);
    // Before its acquisition there is simply nothing to post.
    let out = ok(&l, &["depreciate", "--through", "2025-02-28"]);
    assert!(out.contains("Nothing to depreciate"), "{out}");
    ok(&l, &["depreciate", "--through", "2025-04-30"]);
    let before = snapshot(&l);
    let err = fails(&l, &["reverse", "6", "--reason", "x"], 2);
    assert!(
        err.contains("is a depreciation, which is never reversed"),
        "{err}"
    );
    assert_eq!(snapshot(&l), before);
    // A locked period: the months an entry dated in it would cover are named, nothing is
    // written. Later, they are caught up in the entry that ends the fiscal year's months
    // (dated after the lock); a closed year's months never are (one entry per fiscal year).
    ok(
        &l,
        &[
            "lock",
            "--through",
            "2025-06-30",
            "--reason",
            "semestre arrêté",
        ],
    );
    let before_lock = snapshot(&l);
    let err = fails(&l, &["depreciate", "--through", "2025-06-30"], 2);
    assert!(
        err.contains("depreciation of asset PC for 2025-05 to 2025-06 would be dated 2025-06-30, and the books are locked through 2025-06-30"),
        "{err}"
    );
    assert_eq!(snapshot(&l), before_lock);
    let out = ok(&l, &["depreciate", "--through", "2025-07-31"]);
    assert!(
        out.contains("from 2025-05-01 to 2025-07-31: 999.99 MAD"),
        "{out}"
    );
    both_verifiers_pass(&l);
}

/// A depreciation whose amount was changed in the file, and the hashes recomputed, is a rule
/// violation for amana and for the independent verifier alike.
#[test]
fn a_forged_depreciation_amount_is_found_by_both_verifiers() {
    let dir = tempfile::tempdir().unwrap();
    let l = ledger(dir.path());
    ok(
        &l,
        &[
            "asset",
            "add",
            "PC",
            "--transaction",
            "2",
            "--life-months",
            "36",
        ],
    );
    ok(&l, &["depreciate", "--through", "2025-12-31"]);
    let forged = crate::common::tamper(&l, &dir.path().join("forged"), |conn| {
        let (seq, body): (i64, Vec<u8>) = conn
            .query_row(
                "SELECT seq, body FROM log WHERE kind = 'depreciation'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        // 333,330 minor units is 0x0000000000051612; make it 333,331 wherever it stands.
        let from = 333_330i64.to_be_bytes();
        let to = 333_331i64.to_be_bytes();
        let neg_from = (-333_330i64).to_be_bytes();
        let neg_to = (-333_331i64).to_be_bytes();
        let mut b = body.clone();
        for (f, t) in [(from, to), (neg_from, neg_to)] {
            let mut i = 0;
            while i + 8 <= b.len() {
                if b[i..i + 8] == f {
                    b[i..i + 8].copy_from_slice(&t);
                }
                i += 1;
            }
        }
        assert_ne!(b, body);
        conn.execute(
            "UPDATE log SET body = ?1 WHERE seq = ?2",
            rusqlite::params![b, seq],
        )
        .unwrap();
        conn.execute(
            "UPDATE postings SET amount = amount + (CASE WHEN amount > 0 THEN 1 ELSE -1 END)
              WHERE entry_id = (SELECT entry_id FROM depreciations)",
            [],
        )
        .unwrap();
        crate::common::rehash_from(conn, seq);
    });
    let (code, ours) = verify_json(&forged, &[]);
    assert_eq!(code, Some(1));
    let (pcode, theirs) = python_verify_json(&[forged.to_str().unwrap()]);
    assert_eq!(pcode, Some(1));
    let kinds = |v: &serde_json::Value| crate::common::finding_set(v);
    assert!(
        kinds(&ours).iter().any(|(_, k)| k == "rule-violation"),
        "{ours:#}"
    );
    assert_eq!(kinds(&ours), kinds(&theirs), "{ours:#}\n{theirs:#}");
}

/// With the chart `none` the accounts are the treasurer's to name; a grant received on two
/// income accounts needs `--subsidy-from`; `--start` moves the first month.
#[test]
fn without_a_chart_the_accounts_are_named_and_a_later_start_moves_the_first_month() {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("none.db");
    ok(
        &l,
        &[
            "init",
            "--name",
            "Sans plan",
            "--currency",
            "MAD",
            "--chart",
            "none",
        ],
    );
    for (code, kind) in [
        ("B", "asset"),
        ("EQ", "asset"),
        ("DEP", "asset"),
        ("EXP", "expense"),
        ("INC1", "income"),
        ("INC2", "income"),
        ("REL", "income"),
        ("SUB", "net-assets"),
        ("SUBX", "liability"),
    ] {
        ok(
            &l,
            &["account", "add", code, "--name", code, "--type", kind],
        );
    }
    ok(
        &l,
        &["funder", "add", "F", "--name", "F", "--type", "private"],
    );
    ok(
        &l,
        &[
            "grant",
            "add",
            "G",
            "--funder",
            "F",
            "--amount",
            "900",
            "--start",
            "2025-01-01",
            "--end",
            "2025-12-31",
        ],
    );
    ok(
        &l,
        &[
            "grant",
            "budget",
            "G",
            "equipment",
            "--amount",
            "600",
            "--label",
            "Equipment",
            "--account",
            "EQ",
        ],
    );
    ok(
        &l,
        &[
            "record",
            "--date",
            "2025-01-02",
            "--desc",
            "a",
            "--post",
            "B 500",
            "--post",
            "INC1 -500 grant=G",
        ],
    );
    ok(
        &l,
        &[
            "record",
            "--date",
            "2025-01-03",
            "--desc",
            "b",
            "--post",
            "B 400",
            "--post",
            "INC2 -400 grant=G",
        ],
    );
    ok(
        &l,
        &[
            "record",
            "--date",
            "2025-01-20",
            "--desc",
            "c",
            "--post",
            "EQ 600 grant=G line=equipment",
            "--post",
            "B",
        ],
    );
    let before = snapshot(&l);
    fn add<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut v = vec![
            "asset",
            "add",
            "EQ1",
            "--transaction",
            "3",
            "--life-months",
            "6",
        ];
        v.extend_from_slice(extra);
        v
    }
    let err = fails(&l, &add(&[]), 2);
    assert!(err.contains("give --depreciation-account"), "{err}");
    let named = ["--depreciation-account", "DEP", "--expense-account", "EXP"];
    let err = fails(&l, &add(&named), 2);
    assert!(err.contains("give --release-account"), "{err}");
    let release = [
        &named[..],
        &["--release-account", "SUB", "--income-account", "REL"],
    ]
    .concat();
    let err = fails(&l, &add(&release), 2);
    assert!(
        err.contains("received on 2 income account(s) (INC1, INC2): give --subsidy-from"),
        "{err}"
    );
    let from = [&release[..], &["--subsidy-from", "INC1"]].concat();
    let err = fails(&l, &add(&from), 2);
    assert!(err.contains("give --subsidy-account"), "{err}");
    let err = fails(
        &l,
        &add(&[&from[..], &["--subsidy-account", "SUBX"]].concat()),
        2,
    );
    assert!(
        err.contains("the subsidy account SUBX is a liability account"),
        "{err}"
    );
    assert_eq!(snapshot(&l), before);
    let all = [
        &from[..],
        &["--subsidy-account", "SUB", "--start", "2025-03-10"],
    ]
    .concat();
    ok(&l, &add(&all));
    // 600.00 over 6 months from March: 100.00 a month, March to August.
    let out = ok(&l, &["depreciate", "--through", "2025-12-31"]);
    assert!(
        out.contains("from 2025-03-01 to 2025-08-31: 600.00 MAD"),
        "{out}"
    );
    let b = balances(&l, &[]);
    assert_eq!(b["DEP"], "-600.00");
    assert_eq!(b["SUB"], "0.00");
    assert_eq!(b["INC1"], "100.00"); // -500.00 received, 600.00 moved to the subsidy
    assert_eq!(b["REL"], "-600.00");
    both_verifiers_pass(&l);
}

/// The bytes of an `asset` and a `depreciation` entry, computed from CHAIN.md alone with the
/// value encoders of `tests/chain_vectors.py` (not amana's): amana encodes the same entries to
/// the same bytes, and decodes them back. Frozen: if this fails, the format changed.
#[test]
fn the_asset_kinds_encode_as_chain_md_says() {
    use amana::chain::{ChainEntry, Record};
    use amana::domain::asset::Asset;
    use amana::domain::{
        AccountCode, AssetId, Currency, Entry, EntryHeader, EntryId, EntryKind, Minor, Posting,
        parse_date,
    };
    const ASSET: &str = "414d414e410101000000056173736574020000000000000009020006474846204000010000000c7472c3a9736f7269c3a87265010000000550432d303101000000134f7264696e617465757220706f727461626c6502000000000000000202000000000000000002000000000000002403323032352d30332d3135010000000432383335010000000436313933010000000431333139010000000437353737";
    const DEPRECIATION: &str = "414d414e4101010000000c646570726563696174696f6e02000000000000000c020006474846204000010000000c7472c3a9736f7269c3a8726502000000000000000403323032352d31322d3331010000001b446f746174696f6e2061757820616d6f7274697373656d656e7473000000000600000004010000000436313933020000000000051612000000000001000000043238333502fffffffffffae9ee0000000000010000000431333139020000000000051612000000000001000000043735373702fffffffffffae9ee0000000000010000000550432d303103323032352d30332d3031";
    let code = |c: &str| AccountCode::parse(c).unwrap();
    let mad = Currency {
        code: "MAD".into(),
        exponent: 2,
    };
    let entry = |seq, record| ChainEntry {
        seq,
        time_us: 1_767_225_600_000_000,
        actor: "trésorière".into(),
        record,
    };
    let asset = entry(
        9,
        Record::Asset(Asset {
            id: AssetId::parse("PC-01").unwrap(),
            label: "Ordinateur portable".into(),
            entry: EntryId(2),
            posting: 0,
            life_months: 36,
            start: parse_date("2025-03-15").unwrap(),
            depreciation_account: code("2835"),
            expense_account: code("6193"),
            release: Some((code("1319"), code("7577"))),
        }),
    );
    let posting = |account: &str, amount| Posting {
        account: code(account),
        amount: Minor(amount),
        grant: None,
        line: None,
        original: None,
        memo: None,
    };
    let depreciation = entry(
        12,
        Record::Entry(
            Entry::new(
                EntryHeader {
                    id: EntryId(4),
                    date: parse_date("2025-12-31").unwrap(),
                    description: "Dotation aux amortissements".into(),
                    reference: None,
                    kind: EntryKind::Depreciation {
                        asset: AssetId::parse("PC-01").unwrap(),
                        start: parse_date("2025-03-01").unwrap(),
                    },
                    batch: None,
                },
                vec![
                    posting("6193", 333_330),
                    posting("2835", -333_330),
                    posting("1319", 333_330),
                    posting("7577", -333_330),
                ],
                &mad,
            )
            .unwrap(),
        ),
    );
    for (e, frozen) in [(asset, ASSET), (depreciation, DEPRECIATION)] {
        let bytes = e.encode();
        assert_eq!(hex::encode(&bytes), frozen, "{}", e.record.kind());
        assert_eq!(ChainEntry::decode(&bytes, Some(&mad)).unwrap(), e);
    }
}

/// With the year's closing (dedicated funds): a computer bought on a restricted grant leaves
/// no surplus behind. The grant's 50,000.00 less the 12,000.00 spent on the computer is carried
/// to dedicated funds; the 12,000.00 is the investment subsidy, not income; the depreciation
/// and its release cancel: the association's own result is nil. Without the subsidy it would
/// show the 12,000.00 as a surplus.
#[test]
fn the_closing_shows_no_surplus_from_a_computer_bought_on_a_grant() {
    let dir = tempfile::tempdir().unwrap();
    let l = ledger(dir.path());
    ok(
        &l,
        &[
            "asset",
            "add",
            "PC",
            "--transaction",
            "2",
            "--life-months",
            "36",
        ],
    );
    ok(&l, &["depreciate", "--through", "2025-12-31"]);
    ok(&l, &["close", "--year", "2025"]);
    let b = balances(&l, &["--as-of", "2025-12-31"]);
    assert_eq!(b["1561"], "-38000.00", "{b:?}");
    assert!(
        !b.contains_key("1191") && !b.contains_key("1199"),
        "the own result is nil: {b:?}"
    );
    assert_eq!(b["1311"], "-12000.00");
    assert_eq!(b["1319"], "3333.30");
    assert_eq!(b["2835"], "-3333.30");
    // The year's income statement, before its closing.
    let y = balances(
        &l,
        &[
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--before-closing",
        ],
    );
    assert_eq!(y["7161"], "-38000.00");
    assert_eq!(
        (y["6193"].as_str(), y["7577"].as_str()),
        ("3333.30", "-3333.30")
    );
    let grants: serde_json::Value =
        serde_json::from_str(&ok(&l, &["grant", "list", "--format", "json"])).unwrap();
    let g = &grants["grants"][0];
    assert_eq!(
        (g["received"].as_str(), g["spent"].as_str()),
        (Some("50000.00"), Some("12000.00")),
        "{g:#}"
    );
    both_verifiers_pass(&l);
}
