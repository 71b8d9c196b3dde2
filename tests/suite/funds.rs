//! Dedicated funds at closing (issue 8, items 1, 3 and 4, and its Contract): restricted money
//! received and not yet spent is carried, grant by grant, to a liability at a year's end and
//! released as it is spent; only the association's own result reaches the surplus or deficit
//! account; the general assembly's allocation moves it on; grants' received and spent never
//! change. End to end through the binary, over two years, with the figures worked by hand.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::common::{self, fails, ok};

fn json(ledger: &std::path::Path, args: &[&str]) -> serde_json::Value {
    crate::common::ok_json(ledger, args)
}

/// Account → balance as text, zero balances left out.
fn balances(ledger: &Path, args: &[&str]) -> BTreeMap<String, String> {
    let mut all = vec!["balance"];
    all.extend(args);
    json(ledger, &all)["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["code"].as_str().unwrap().to_string(),
                a["balance"].as_str().unwrap().to_string(),
            )
        })
        .filter(|(_, b)| b.trim_start_matches('-') != "0.00")
        .collect()
}

/// Grant → (received, spent), as `grant list` shows them.
fn grant_totals(ledger: &Path) -> BTreeMap<String, (String, String)> {
    json(ledger, &["grant", "list"])["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["id"].as_str().unwrap().to_string(),
                (
                    g["received"].as_str().unwrap().to_string(),
                    g["spent"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect()
}

fn record(ledger: &Path, date: &str, desc: &str, posts: &[&str]) {
    let mut args = vec!["record", "--date", date, "--desc", desc];
    for p in posts {
        args.extend(["--post", p]);
    }
    ok(ledger, &args);
}

/// A ledger on the empty chart, with a restricted grant (G1), a restricted grant nothing was
/// received on yet (G2) and an unrestricted one (U1), and its 2024.
fn ledger_2024() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let ledger = dir.path().join("funds.db");
    ok(
        &ledger,
        &[
            "init",
            "--name",
            "Jam'iya",
            "--currency",
            "MAD",
            "--chart",
            "none",
        ],
    );
    for (code, kind, name) in [
        ("5141", "asset", "Banque"),
        ("7161", "income", "Subventions"),
        ("7183", "income", "Cotisations"),
        ("6131", "expense", "Loyer"),
        ("6141", "expense", "Etudes"),
        ("1161", "net-assets", "Report a nouveau"),
        ("1191", "net-assets", "Resultat"),
        ("1561", "liability", "Fonds dedies"),
    ] {
        ok(
            &ledger,
            &["account", "add", code, "--type", kind, "--name", name],
        );
    }
    ok(
        &ledger,
        &[
            "funder",
            "add",
            "EU",
            "--name",
            "Union européenne",
            "--type",
            "foreign-public",
        ],
    );
    for (id, amount, extra) in [
        ("G1", "150000", None),
        ("G2", "50000", None),
        ("U1", "20000", Some("--unrestricted")),
    ] {
        let mut args = vec![
            "grant",
            "add",
            id,
            "--funder",
            "EU",
            "--amount",
            amount,
            "--currency",
            "MAD",
            "--start",
            "2024-01-01",
            "--end",
            "2025-12-31",
        ];
        args.extend(extra);
        ok(&ledger, &args);
    }
    record(
        &ledger,
        "2024-02-01",
        "G1 tranche 1",
        &["5141 100000", "7161 -100000 grant=G1"],
    );
    record(
        &ledger,
        "2024-03-01",
        "Etude G1",
        &["6141 30000 grant=G1", "5141"],
    );
    record(
        &ledger,
        "2024-03-15",
        "Cotisations",
        &["5141 5000", "7183 -5000"],
    );
    record(&ledger, "2024-04-01", "Loyer", &["6131 8000", "5141"]);
    record(
        &ledger,
        "2024-05-01",
        "Subvention U1",
        &["5141 20000", "7161 -20000 grant=U1"],
    );
    record(
        &ledger,
        "2024-06-01",
        "Etude U1",
        &["6141 5000 grant=U1", "5141"],
    );
    (dir, ledger)
}

const CLOSE_FLAGS: [&str; 4] = [
    "--unrestricted-account",
    "1191",
    "--dedicated-account",
    "1561",
];

#[test]
fn unspent_restricted_money_is_held_in_dedicated_funds_and_released_as_it_is_spent() {
    let (_dir, ledger) = ledger_2024();
    let grants_before = grant_totals(&ledger);

    // The dry run shows the carry per grant and the association's own result, and writes nothing.
    let before = common::snapshot(&ledger);
    let mut args = vec!["close", "--year", "2024", "--dry-run"];
    args.extend(CLOSE_FLAGS);
    let preview = ok(&ledger, &args);
    assert!(
        preview.contains("1561              -70000.00  grant=G1"),
        "{preview}"
    );
    // Dues 5,000 - rent 8,000 + U1's 20,000 received - 5,000 spent: a surplus of 12,000.
    assert!(preview.contains("own: 12000.00 MAD"), "{preview}");
    assert_eq!(
        common::snapshot(&ledger),
        before,
        "a dry run changes nothing"
    );

    let mut args = vec!["close", "--year", "2024"];
    args.extend(CLOSE_FLAGS);
    ok(&ledger, &args);

    // The Contract: the dedicated-funds account holds exactly the unspent restricted money (a
    // credit), the unrestricted account the result of the unrestricted income and expense alone.
    let at_end = balances(&ledger, &["--as-of", "2024-12-31"]);
    let want: BTreeMap<String, String> = [
        ("1191", "-12000.00"),
        ("1561", "-70000.00"),
        ("5141", "82000.00"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(at_end, want);
    assert_eq!(
        grant_totals(&ledger),
        grants_before,
        "closings change no grant's totals"
    );

    // 2025: the next closing waits for the general assembly's allocation of 2024's result.
    record(
        &ledger,
        "2025-02-01",
        "Etude G1",
        &["6141 90000 grant=G1", "5141"],
    );
    record(
        &ledger,
        "2025-03-01",
        "G1 tranche 2",
        &["5141 10000", "7161 -10000 grant=G1"],
    );
    record(
        &ledger,
        "2025-03-15",
        "Cotisations",
        &["5141 5000", "7183 -5000"],
    );
    let mut args = vec!["close", "--year", "2025"];
    args.extend(CLOSE_FLAGS);
    let before = common::snapshot(&ledger);
    let err = fails(&ledger, &args, 2);
    assert!(err.contains("allocate-result --year 2024"), "{err}");
    let err = fails(
        &ledger,
        &[
            "allocate-result",
            "--year",
            "2024",
            "--date",
            "2025-05-30",
            "--to",
            "1161=11000",
        ],
        2,
    );
    assert!(
        err.contains("11000.00 MAD, not to fiscal year 2024's result of 12000.00 MAD"),
        "{err}"
    );
    assert_eq!(common::snapshot(&ledger), before, "refusals change nothing");
    ok(
        &ledger,
        &[
            "allocate-result",
            "--year",
            "2024",
            "--date",
            "2025-05-30",
            "--to",
            "1161=12000",
        ],
    );
    fails(
        &ledger,
        &[
            "allocate-result",
            "--year",
            "2024",
            "--date",
            "2025-05-31",
            "--to",
            "1161=12000",
        ],
        2,
    );

    // G1 spent 120,000 in all and received 110,000: its 70,000 are released and the 10,000
    // it was spent ahead of its money is the association's. The 2025 result: 10,000 + 5,000
    // received, 90,000 spent, 70,000 released: a deficit of 5,000.
    ok(&ledger, &args);
    let at_end = balances(&ledger, &["--as-of", "2025-12-31"]);
    assert_eq!(at_end.get("1561"), None, "{at_end:?}");
    assert_eq!(at_end["1191"], "5000.00");
    assert_eq!(at_end["1161"], "-12000.00");
    assert_eq!(at_end["5141"], "7000.00");
    let totals = grant_totals(&ledger);
    assert_eq!(totals["G1"], ("110000.00".into(), "120000.00".into()));
    assert_eq!(totals["G2"], ("0.00".into(), "0.00".into()));

    // Both verifiers accept the year-end entries.
    let (code, v) = common::verify_json(&ledger, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    let (code, py) = common::python_verify_json(&[ledger.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{py:#}");
}

#[test]
fn a_chart_carries_through_a_charge_and_a_release_the_income_statement_shows() {
    let dir = TempDir::new().unwrap();
    let ledger = dir.path().join("generic.db");
    ok(
        &ledger,
        &[
            "init",
            "--name",
            "Assoc",
            "--currency",
            "MAD",
            "--chart",
            "generic",
        ],
    );
    ok(
        &ledger,
        &[
            "funder",
            "add",
            "F",
            "--name",
            "Fondation",
            "--type",
            "foreign-private",
        ],
    );
    ok(
        &ledger,
        &[
            "grant",
            "add",
            "R1",
            "--funder",
            "F",
            "--amount",
            "60000",
            "--currency",
            "MAD",
            "--start",
            "2024-01-01",
            "--end",
            "2025-12-31",
        ],
    );
    record(
        &ledger,
        "2024-01-10",
        "R1 versement",
        &["1010 60000", "4400 -60000 grant=R1"],
    );
    record(
        &ledger,
        "2024-02-10",
        "Formation",
        &["5300 25000 grant=R1", "1010"],
    );
    record(&ledger, "2024-03-10", "Cotisations", &["1010 1000", "4100"]);
    ok(&ledger, &["close", "--year", "2024"]);

    // The closed year's income statement shows the carry as a charge (6950), so its result is
    // the association's own: the dues.
    let statement = balances(
        &ledger,
        &[
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--before-closing",
        ],
    );
    assert_eq!(statement["6950"], "35000.00", "{statement:?}");
    assert_eq!(statement["2500"], "-35000.00");
    assert_eq!(
        statement.get("3900"),
        None,
        "the closing is left out: {statement:?}"
    );
    assert_eq!(
        balances(&ledger, &["--as-of", "2024-12-31"])["3900"],
        "-1000.00"
    );

    record(
        &ledger,
        "2025-03-10",
        "Formation",
        &["5300 30000 grant=R1", "1010"],
    );
    ok(
        &ledger,
        &["allocate-result", "--year", "2024", "--date", "2025-05-30"],
    );
    ok(&ledger, &["close", "--year", "2025"]);
    let statement = balances(
        &ledger,
        &[
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--before-closing",
        ],
    );
    // 30,000 of the 35,000 released (4950), 5,000 still held.
    assert_eq!(statement["4950"], "-30000.00", "{statement:?}");
    assert_eq!(statement["2500"], "30000.00");
    assert_eq!(balances(&ledger, &[])["2500"], "-5000.00");
    assert_eq!(
        grant_totals(&ledger)["R1"],
        ("60000.00".into(), "55000.00".into())
    );

    // A carry is never reversed: the officers reopen the year instead.
    let log = json(&ledger, &["journal"]);
    let carry = log["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| {
            t["description"]
                .as_str()
                .unwrap()
                .starts_with("Fonds dédiés")
        })
        .expect("a dedicated-funds entry")["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let err = fails(
        &ledger,
        &[
            "reverse",
            &carry,
            "--date",
            "2026-01-05",
            "--reason",
            "erreur",
        ],
        2,
    );
    assert!(err.contains("never reversed"), "{err}");
    let (code, py) = common::python_verify_json(&[ledger.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{py:#}");
}

#[test]
fn a_closing_refuses_what_it_cannot_carry_and_changes_nothing() {
    let (_dir, ledger) = ledger_2024();
    let before = common::snapshot(&ledger);
    // The empty chart has no default: the Contract's two flags are required.
    let err = fails(&ledger, &["close", "--year", "2024"], 2);
    assert!(err.contains("--unrestricted-account"), "{err}");
    let err = fails(
        &ledger,
        &["close", "--year", "2024", "--unrestricted-account", "1191"],
        2,
    );
    assert!(err.contains("--dedicated-account"), "{err}");
    // A charge without its release.
    let mut args = vec!["close", "--year", "2024", "--charge-account", "6141"];
    args.extend(CLOSE_FLAGS);
    let err = fails(&ledger, &args, 2);
    assert!(err.contains("--release-account"), "{err}");
    // Dedicated funds on an account that is not a liability.
    let err = fails(
        &ledger,
        &[
            "close",
            "--year",
            "2024",
            "--unrestricted-account",
            "1191",
            "--dedicated-account",
            "1161",
        ],
        2,
    );
    assert!(
        err.contains("account 1161 cannot be the dedicated-funds account"),
        "{err}"
    );
    // Nothing to allocate before a closing.
    fails(&ledger, &["allocate-result", "--year", "2024"], 2);
    assert_eq!(common::snapshot(&ledger), before);

    // A restricted grant that ended before the year and still holds money: its refund first.
    let mut args = vec!["close", "--year", "2024"];
    args.extend(CLOSE_FLAGS);
    ok(&ledger, &args);
    ok(
        &ledger,
        &[
            "allocate-result",
            "--year",
            "2024",
            "--date",
            "2025-01-31",
            "--to",
            "1161=12000",
        ],
    );
    ok(
        &ledger,
        &[
            "grant",
            "amend",
            "G1",
            "--end",
            "2024-12-31",
            "--effective",
            "2025-02-01",
            "--reason",
            "Convention close au 31/12/2024",
        ],
    );
    let before = common::snapshot(&ledger);
    let mut args = vec!["close", "--year", "2025"];
    args.extend(CLOSE_FLAGS);
    let err = fails(&ledger, &args, 2);
    assert!(
        err.contains("G1 ended on 2024-12-31 and still holds 70000.00 MAD"),
        "{err}"
    );
    assert_eq!(common::snapshot(&ledger), before);
}

#[test]
fn reclosing_an_earlier_year_does_not_count_a_later_years_release() {
    let (_dir, ledger) = ledger_2024();
    let close = |year: &str, extra: &[&str]| {
        let mut args = vec!["close", "--year", year];
        args.extend(CLOSE_FLAGS);
        args.extend(extra);
        ok(&ledger, &args)
    };
    close("2024", &[]);
    ok(
        &ledger,
        &[
            "allocate-result",
            "--year",
            "2024",
            "--date",
            "2025-01-31",
            "--to",
            "1161=12000",
        ],
    );
    // 2025 spends G1's last 70,000: its fund is released at 2025's closing.
    record(
        &ledger,
        "2025-04-01",
        "Etude G1",
        &["6141 70000 grant=G1", "5141"],
    );
    close("2025", &[]);
    // The officers reopen 2025, then 2024: 2024's fund at its end is still 70,000, what its own
    // closing carried, whatever 2025's closing released since.
    for year in ["2025", "2024"] {
        ok(&ledger, &["reopen", "--year", year, "--reason", "Contrôle"]);
    }
    let preview = close("2024", &["--dry-run"]);
    assert!(preview.contains("no closing entry"), "{preview}");
    assert!(!preview.contains("1561 "), "{preview}");
    assert!(preview.contains("own: 0.00 MAD"), "{preview}");
    let (code, py) = common::python_verify_json(&[ledger.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{py:#}");
}

/// The three year-end kinds, encoded as CHAIN.md section 4 says, byte for byte, and decoded
/// back: the bytes of the format are fixed once ledgers hold them.
#[test]
fn the_year_end_kinds_are_encoded_as_chain_md_says() {
    use amana::chain::{ChainEntry, Record};
    use amana::domain::{
        AccountCode, ClosingForm, Currency, Entry, EntryHeader, EntryId, EntryKind, GrantId, Minor,
        Posting, parse_date,
    };
    use common::chain_md::{date, header, int, list, null, text};
    let mad = Currency::iso("MAD").unwrap();
    let code = |c: &str| AccountCode::parse(c).unwrap();
    let posting = |account: &str, amount: i64, grant: Option<&str>| Posting {
        account: code(account),
        amount: Minor(amount),
        grant: grant.map(|g| GrantId::parse(g).unwrap()),
        line: None,
        original: None,
        memo: None,
    };
    let entry = |seq: i64, id: i64, day: &str, kind: EntryKind, postings: Vec<Posting>| {
        let header = EntryHeader {
            id: EntryId(id),
            date: parse_date(day).unwrap(),
            description: "Clôture".into(),
            reference: None,
            kind,
            batch: None,
        };
        ChainEntry {
            seq,
            time_us: 1_767_225_600_000_000,
            actor: "trésorière".into(),
            record: Record::Entry(Entry::new(header, postings, &mad).unwrap()),
        }
    };
    // The fields every journal entry starts with, then its postings (account, amount, grant,
    // and line, original amount, original currency, memo all NULL here).
    let journal =
        |kind: &str, seq: i64, id: i64, day: &str, postings: &[(&str, i64, Option<&str>)]| {
            let mut out = header(kind, seq);
            int(&mut out, id);
            date(&mut out, day);
            text(&mut out, "Clôture");
            (0..4).for_each(|_| null(&mut out));
            list(&mut out, postings.len() as u32);
            for (account, amount, grant) in postings {
                text(&mut out, account);
                int(&mut out, *amount);
                match grant {
                    Some(g) => text(&mut out, g),
                    None => null(&mut out),
                }
                (0..4).for_each(|_| null(&mut out));
            }
            out
        };
    let start = parse_date("2025-01-01").unwrap();

    let carry = entry(
        20,
        7,
        "2025-12-31",
        EntryKind::DedicatedFunds {
            year: 2025,
            start,
            dedicated_account: code("1561"),
            charge_account: code("6593"),
            release_account: code("7593"),
        },
        vec![
            posting("6593", 700_000, Some("G1")),
            posting("1561", -700_000, Some("G1")),
        ],
    );
    let mut expected = journal(
        "dedicated-funds",
        20,
        7,
        "2025-12-31",
        &[
            ("6593", 700_000, Some("G1")),
            ("1561", -700_000, Some("G1")),
        ],
    );
    int(&mut expected, 2025);
    date(&mut expected, "2025-01-01");
    for account in ["1561", "6593", "7593"] {
        text(&mut expected, account);
    }
    assert_eq!(hex::encode(carry.encode()), hex::encode(&expected));
    assert_eq!(ChainEntry::decode(&expected, Some(&mad)).unwrap(), carry);

    let closing = entry(
        21,
        8,
        "2025-12-31",
        EntryKind::Closing {
            year: 2025,
            start,
            form: ClosingForm::Funds {
                surplus_account: code("1191"),
                deficit_account: code("1199"),
                dedicated_account: code("1561"),
            },
        },
        vec![
            posting("7161", 1_000_000, None),
            posting("1191", -1_000_000, None),
        ],
    );
    let mut expected = journal(
        "year-closing",
        21,
        8,
        "2025-12-31",
        &[("7161", 1_000_000, None), ("1191", -1_000_000, None)],
    );
    int(&mut expected, 2025);
    date(&mut expected, "2025-01-01");
    for account in ["1191", "1199", "1561"] {
        text(&mut expected, account);
    }
    assert_eq!(hex::encode(closing.encode()), hex::encode(&expected));
    assert_eq!(ChainEntry::decode(&expected, Some(&mad)).unwrap(), closing);

    let allocation = entry(
        30,
        9,
        "2026-06-20",
        EntryKind::Allocation {
            year: 2025,
            closing: 21,
        },
        vec![
            posting("1191", 1_000_000, None),
            posting("1161", -1_000_000, None),
        ],
    );
    let mut expected = journal(
        "allocation",
        30,
        9,
        "2026-06-20",
        &[("1191", 1_000_000, None), ("1161", -1_000_000, None)],
    );
    int(&mut expected, 2025);
    int(&mut expected, 21);
    assert_eq!(hex::encode(allocation.encode()), hex::encode(&expected));
    assert_eq!(
        ChainEntry::decode(&expected, Some(&mad)).unwrap(),
        allocation
    );

    // A year-end kind never carries `reverses` and `reason`.
    let mut out = header("allocation", 30);
    int(&mut out, 9);
    date(&mut out, "2026-06-20");
    text(&mut out, "Clôture");
    null(&mut out);
    int(&mut out, 3);
    text(&mut out, "erreur");
    null(&mut out);
    list(&mut out, 0);
    int(&mut out, 2025);
    int(&mut out, 21);
    assert!(ChainEntry::decode(&out, Some(&mad)).is_err());
}
