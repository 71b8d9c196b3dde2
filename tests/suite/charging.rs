//! The chart an association needs and grants charged correctly (issue 8, items 5 and 6),
//! through the real binary on real ledgers: company-only accounts hidden, template statuses,
//! detail accounts only, a sub-account's type, grant and line tags where they belong, an
//! original amount's sign, and the warnings kept like the over-spent budget line's.

use std::path::{Path, PathBuf};

use crate::common::{self, fails, ok, run, snapshot, stderr};

/// A fresh ledger on `chart`, in its own folder.
fn ledger(chart: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("amana.db");
    ok(
        &l,
        &[
            "init",
            "--name",
            "Test",
            "--currency",
            "MAD",
            "--chart",
            chart,
        ],
    );
    (dir, l)
}

fn json(ledger: &std::path::Path, args: &[&str]) -> serde_json::Value {
    crate::common::ok_json(ledger, args)
}

fn account<'a>(list: &'a serde_json::Value, code: &str) -> Option<&'a serde_json::Value> {
    list["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == code)
}

/// Runs a command that must be refused with exit 2, naming each of `says`, and change nothing.
fn refused(l: &Path, args: &[&str], says: &[&str]) {
    let before = snapshot(l);
    let err = fails(l, args, 2);
    for s in says {
        assert!(err.contains(s), "{args:?}: expected {s:?} in:\n{err}");
    }
    assert_eq!(before, snapshot(l), "{args:?} changed the ledger");
}

/// Runs a command that must succeed and returns what it warned of (standard error).
fn warned(l: &Path, args: &[&str]) -> String {
    let o = run(l, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stderr(&o)
}

fn record<'a>(date: &'a str, postings: &[&'a str]) -> Vec<&'a str> {
    let mut a = vec!["record", "--date", date, "--desc", "Test"];
    for p in postings {
        a.extend(["--post", p]);
    }
    a
}

#[test]
fn company_only_accounts_are_listed_only_with_all_and_still_take_postings() {
    let (_d, l) = ledger("ma-associations");
    let list = json(&l, &["account", "list"]);
    for hidden in ["1111", "1119", "1121", "6701", "6705", "4465"] {
        assert!(account(&list, hidden).is_none(), "{hidden} is listed");
    }
    let bank = account(&list, "5141").unwrap();
    assert_eq!(bank["status"], "cgnc-base");
    assert_eq!(bank["source"], "CGNC");
    assert_eq!(bank["company_only"], false);
    // The association accounts amana proposes are never presented as official.
    for code in [
        "1113", "1114", "1561", "1562", "4489", "6593", "7593", "7183", "7184", "7587",
    ] {
        let a = account(&list, code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(a["status"], "amana-proposed", "{code}");
        assert!(
            a["source"].as_str().unwrap().contains("not confirmed"),
            "{code}"
        );
    }
    assert_eq!(account(&list, "1561").unwrap()["type"], "liability");
    assert_eq!(account(&list, "6593").unwrap()["type"], "expense");
    assert_eq!(account(&list, "7593").unwrap()["type"], "income");

    let all = json(&l, &["account", "list", "--all"]);
    let capital = account(&all, "1111").unwrap();
    assert_eq!(capital["company_only"], true);
    assert_eq!(capital["status"], "cgnc-base");
    assert_eq!(
        all["accounts"].as_array().unwrap().len(),
        list["accounts"].as_array().unwrap().len() + 17
    );
    let table = ok(&l, &["account", "list", "--prefix", "111"]);
    assert!(
        table.contains(" 1113 ") && !table.contains(" 1111 "),
        "{table}"
    );
    assert!(ok(&l, &["account", "list", "--prefix", "111", "--all"]).contains(" 1111 "));

    // Hidden is not forbidden: an association that does hold capital can still post to it.
    ok(&l, &record("2026-01-05", &["5141 100", "1111 -100"]));

    // An account the user creates has the status `user`.
    ok(&l, &["account", "add", "51411", "--name", "Banque projet"]);
    let mine = json(&l, &["account", "list", "--prefix", "5141"]);
    let sub = account(&mine, "51411").unwrap();
    assert_eq!(
        (&sub["status"], &sub["source"]),
        (&"user".into(), &"".into())
    );
    assert!(
        ok(
            &l,
            &["account", "list", "--prefix", "5141", "--format", "csv"]
        )
        .contains("51411,Banque projet,asset,,,,user")
    );
}

#[test]
fn the_generic_chart_carries_dedicated_funds_as_a_liability() {
    let (_d, l) = ledger("generic");
    let list = json(&l, &["account", "list"]);
    for (code, kind) in [
        ("2500", "liability"),
        ("3200", "net-assets"),
        ("4150", "income"),
        ("4950", "income"),
        ("6950", "expense"),
        ("3100", "net-assets"),
    ] {
        let a = account(&list, code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(
            (a["type"].as_str(), a["status"].as_str()),
            (Some(kind), Some("amana"))
        );
        assert_eq!(a["company_only"], false);
    }
    assert_eq!(
        list["accounts"].as_array().unwrap().len(),
        json(&l, &["account", "list", "--all"])["accounts"]
            .as_array()
            .unwrap()
            .len()
    );
}

#[test]
fn postings_go_to_detail_accounts_only() {
    let (_d, l) = ledger("ma-associations");
    ok(&l, &record("2026-01-05", &["5141 1000", "7586 -1000"]));
    // A sub-account under an account with postings: added, with a warning.
    let w = warned(
        &l,
        &["account", "add", "51411", "--name", "Banque Populaire"],
    );
    assert!(
        w.contains("51411 now sits under 5141, which has 1 postings")
            && w.contains("5141 takes no new posting"),
        "{w}"
    );
    ok(&l, &["account", "add", "51412", "--name", "Compte projet"]);
    refused(
        &l,
        &record("2026-01-06", &["5141 50", "7586 -50"]),
        &["account 5141 has sub-accounts (51411, 51412): post to one of them"],
    );
    // A heading of the template is a parent too.
    refused(
        &l,
        &record("2026-01-06", &["514 50", "7586 -50"]),
        &["account 514 has sub-accounts (5141, 51411, 51412, 5143"],
    );
    ok(&l, &record("2026-01-06", &["51411 50", "7586 -50"]));
    // What the parent holds stays, and the reversal of its old posting is not held back.
    ok(
        &l,
        &["reverse", "1", "--reason", "Montant à reclasser sur 51411"],
    );
    let bal = json(&l, &["balance"]);
    let line = |code: &str| {
        bal["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["code"] == code)
            .map(|a| a["balance"].as_str().unwrap().to_string())
    };
    assert_eq!(line("51411").as_deref(), Some("50.00"));
    assert_eq!(line("5141").as_deref(), Some("0.00"));

    // An import is refused at the row that posts to a parent.
    let csv = "txn,date,description,account,amount\n\
               1,2026-01-07,Don,51411,20.00\n\
               1,2026-01-07,Don,7586,-20.00\n\
               2,2026-01-08,Don,5141,30.00\n\
               2,2026-01-08,Don,7586,-30.00\n";
    let file = l.with_file_name("dons.csv");
    std::fs::write(&file, csv).unwrap();
    refused(
        &l,
        &["import", file.to_str().unwrap()],
        &["dons.csv:4: column account: \"5141\": account 5141 has sub-accounts"],
    );
}

#[test]
fn a_sub_account_has_its_parents_type_on_the_moroccan_chart() {
    let (_d, l) = ledger("ma-associations");
    ok(&l, &["account", "add", "75861", "--name", "Dons reçus"]);
    ok(
        &l,
        &[
            "account", "add", "51415", "--name", "Banque", "--type", "asset",
        ],
    );
    // 55 is a liability heading under the asset class 5: the parent decides, not the class.
    ok(&l, &["account", "add", "55411", "--name", "Découvert"]);
    let list = json(&l, &["account", "list"]);
    assert_eq!(account(&list, "75861").unwrap()["type"], "income");
    assert_eq!(account(&list, "51415").unwrap()["type"], "asset");
    assert_eq!(account(&list, "55411").unwrap()["type"], "liability");
    refused(
        &l,
        &[
            "account",
            "add",
            "75862",
            "--name",
            "Legs",
            "--type",
            "liability",
        ],
        &["account 75862 would be of type liability", "7586 is income"],
    );

    // Elsewhere the type given is kept, and a left-out type is the parent's.
    let (_g, g) = ledger("generic");
    ok(
        &g,
        &[
            "account",
            "add",
            "4160",
            "--name",
            "Sponsoring",
            "--type",
            "net-assets",
        ],
    );
    ok(&g, &["account", "add", "4170", "--name", "Ventes"]);
    let list = json(&g, &["account", "list"]);
    assert_eq!(account(&list, "4160").unwrap()["type"], "net-assets");
    assert_eq!(account(&list, "4170").unwrap()["type"], "income");
    let (_n, n) = ledger("none");
    refused(
        &n,
        &["account", "add", "100", "--name", "Caisse"],
        &["account 100 needs its type: give --type"],
    );
    ok(
        &n,
        &[
            "account", "add", "100", "--name", "Caisse", "--type", "asset",
        ],
    );
}

/// A ledger with a grant in MAD, a budget line on an expense account and an equipment line
/// on an asset account, and money in the bank.
fn granted() -> (tempfile::TempDir, PathBuf) {
    let (d, l) = ledger("ma-associations");
    ok(
        &l,
        &[
            "funder",
            "add",
            "INDH",
            "--name",
            "INDH",
            "--type",
            "public-national",
        ],
    );
    ok(
        &l,
        &[
            "grant",
            "add",
            "G1",
            "--funder",
            "INDH",
            "--amount",
            "1000",
            "--start",
            "2026-01-01",
            "--end",
            "2026-12-31",
        ],
    );
    for (line, account) in [("training", "6126"), ("equipment", "2355")] {
        ok(
            &l,
            &[
                "grant",
                "budget",
                "G1",
                line,
                "--amount",
                "800",
                "--label",
                line,
                "--account",
                account,
            ],
        );
    }
    ok(
        &l,
        &[
            "grant", "budget", "G1", "misc", "--amount", "100", "--label", "Divers",
        ],
    );
    ok(&l, &record("2026-01-01", &["5141 5000", "7586 -5000"]));
    ok(
        &l,
        &record("2026-01-02", &["5141 600", "7161 -600 grant=G1"]),
    );
    (d, l)
}

#[test]
fn grant_and_line_tags_go_where_they_make_sense() {
    let (_d, l) = granted();
    refused(
        &l,
        &record(
            "2026-02-01",
            &["6126 100 grant=G1 line=training", "5141 -100 grant=G1"],
        ),
        &[
            "grant=G1 is on 5141, a bank or cash account",
            "belongs on the transaction's income posting",
        ],
    );
    refused(
        &l,
        &record(
            "2026-02-01",
            &["6126 100", "5161 -100 grant=G1 line=training"],
        ),
        &["grant=G1 line=training is on 5161, a bank or cash account"],
    );
    refused(
        &l,
        &record(
            "2026-02-01",
            &["5141 100", "7161 -100 grant=G1 line=training"],
        ),
        &[
            "line=training is on 7161, an account of type income",
            "a budget line is charged only by expense postings",
        ],
    );
    refused(
        &l,
        &record("2026-02-01", &["6126 100", "4411 -100 grant=G1"]),
        &[
            "grant=G1 is on 4411, an account of type liability",
            "move the tag there",
        ],
    );
    // A line whose account is not an asset account is not bought as equipment.
    refused(
        &l,
        &record("2026-02-01", &["2355 100 grant=G1 line=misc", "5141 -100"]),
        &["line=misc is on 2355, an account of type asset"],
    );
    refused(
        &l,
        &record("2026-02-01", &["3421 100 grant=G1", "5141 -100"]),
        &["grant=G1 is on 3421, an account of type asset"],
    );
    // An original amount of the other sign.
    refused(
        &l,
        &record(
            "2026-02-01",
            &["6126 100 grant=G1 line=training orig=-10.00:EUR", "5141"],
        ),
        &[
            "the original amount -10.00 EUR on 6126 has the opposite sign of the posting's amount 100.00 MAD",
        ],
    );

    // What is right is recorded: the expense with its line, equipment on its line.
    ok(
        &l,
        &record(
            "2026-02-01",
            &["6126 100 grant=G1 line=training orig=10.00:EUR", "5141"],
        ),
    );
    ok(
        &l,
        &record("2026-02-02", &["2355 300 grant=G1 line=equipment", "5141"]),
    );
    let grants = json(&l, &["grant", "list"]);
    let g = &grants["grants"][0];
    assert_eq!(
        (g["received"].as_str(), g["spent"].as_str()),
        (Some("600.00"), Some("400.00"))
    );
    let lines = g["lines"].as_array().unwrap();
    let spent = |id: &str| {
        lines.iter().find(|x| x["line"] == id).unwrap()["spent"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        (spent("training"), spent("equipment")),
        ("100.00".into(), "300.00".into())
    );

    // An import says each misplaced tag at its row.
    let csv = "txn,date,description,account,amount,grant,line\n\
               1,2026-03-01,Achat,6126,50.00,G1,training\n\
               1,2026-03-01,Achat,5141,-50.00,G1,\n";
    let file = l.with_file_name("achats.csv");
    std::fs::write(&file, csv).unwrap();
    refused(
        &l,
        &["import", file.to_str().unwrap()],
        &["achats.csv:3: column account: \"5141\": grant=G1 is on 5141, a bank or cash account"],
    );
}

#[test]
fn warnings_are_kept_and_shown_like_the_overspent_line() {
    let (_d, l) = granted();
    // Spending past the grant's total (1000.00): training 800 then 300 more of equipment.
    let w = warned(
        &l,
        &record("2026-02-01", &["6126 750 grant=G1 line=training", "5141"]),
    );
    assert!(!w.contains("warning"), "{w}");
    let w = warned(
        &l,
        &record("2026-02-02", &["2355 300 grant=G1 line=equipment", "5141"]),
    );
    assert!(
        w.contains("amana: warning: transaction 4: grant G1 has spent 1050.00 MAD, past its total of 1000.00 MAD"),
        "{w}"
    );
    // Receipts past the agreed amount.
    let w = warned(
        &l,
        &record("2026-03-01", &["5141 500", "7161 -500 grant=G1"]),
    );
    assert!(
        w.contains("transaction 5: grant G1 has received 1100.00 MAD, past the 1000.00 MAD agreed"),
        "{w}"
    );
    let g = &json(&l, &["grant", "list"])["grants"][0];
    assert_eq!(
        (g["overspent"].as_bool(), g["over_received"].as_bool()),
        (Some(true), Some(true))
    );
    assert!(
        ok(&l, &["grant", "list"])
            .contains("RECEIVED PAST THE AGREED AMOUNT, SPENT PAST THE GRANT'S TOTAL")
    );

    // The cash box going below zero, as of the day of the payment.
    let w = warned(&l, &record("2026-03-02", &["5161 200", "5141 -200"]));
    assert!(!w.contains("warning"), "{w}");
    let w = warned(&l, &record("2026-03-01", &["6131 150", "5161 -150"]));
    assert!(
        w.contains(
            "transaction 7: cash or bank account 5161 is below zero on 2026-03-01 (-150.00 MAD)"
        ),
        "{w}"
    );
    let w = warned(&l, &record("2026-03-03", &["6131 10", "5161 -10"]));
    assert!(!w.contains("warning"), "{w}");

    // A date after today.
    let later = (chrono::Local::now().date_naive() + chrono::Days::new(40)).to_string();
    let w = warned(&l, &record(&later, &["6131 10", "5141 -10"]));
    assert!(
        w.contains(&format!("transaction 9 is dated {later}, after today")),
        "{w}"
    );

    // An import warns the same way, transaction by transaction.
    let csv = format!(
        "txn,date,description,account,amount\n\
         1,2026-04-01,Caisse,6131,100.00\n\
         1,2026-04-01,Caisse,5161,-100.00\n\
         2,{later},Plus tard,6131,1.00\n\
         2,{later},Plus tard,5141,-1.00\n"
    );
    let file = l.with_file_name("caisse.csv");
    std::fs::write(&file, csv).unwrap();
    let w = warned(&l, &["import", file.to_str().unwrap()]);
    assert!(
        w.contains(
            "transaction 10: cash or bank account 5161 is below zero on 2026-04-01 (-60.00 MAD)"
        ) && w.contains(&format!("transaction 11 is dated {later}, after today")),
        "{w}"
    );
    // Warnings tell; they change nothing the chain holds.
    let (code, v) = common::verify_json(&l, &[]);
    assert_eq!(code, Some(0), "{v}");

    // The figures warned of, as real hledger computes them from the same journal: the cash
    // box as of 2026-03-01 and 2026-04-01, the grant's spending (expense and equipment).
    let journal = hledger_journal(&l);
    assert_eq!(
        hledger(&journal, &["-e", "2026-03-02", "^a5161$"]),
        "-150.00"
    );
    assert_eq!(
        hledger(&journal, &["-e", "2026-04-02", "^a5161$"]),
        "-60.00"
    );
    assert_eq!(
        hledger(&journal, &["tag:grant=G1", "^a(6|2355$)"]),
        "1050.00"
    );
    assert_eq!(hledger(&journal, &["tag:grant=G1", "^a7"]), "-1100.00");
}

/// The ledger's journal in hledger's notation: accounts prefixed `a`, each posting's grant
/// as a `grant:` tag.
fn hledger_journal(l: &Path) -> PathBuf {
    let j = json(l, &["journal"]);
    let mut out = String::new();
    for t in j["transactions"].as_array().unwrap() {
        out.push_str(&format!("{} t{}\n", t["date"].as_str().unwrap(), t["id"]));
        for p in t["postings"].as_array().unwrap() {
            out.push_str(&format!(
                "    a{}    {}",
                p["account"].as_str().unwrap(),
                p["amount"].as_str().unwrap()
            ));
            if let Some(g) = p["grant"].as_str() {
                out.push_str(&format!("  ; grant:{g}"));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    let path = l.with_file_name("ledger.journal");
    std::fs::write(&path, out).unwrap();
    path
}

/// The total hledger gives for `query` (one figure, no commodity).
fn hledger(journal: &Path, query: &[&str]) -> String {
    let out = std::process::Command::new("hledger")
        .args([
            "-f",
            journal.to_str().unwrap(),
            "bal",
            "-O",
            "csv",
            "-N",
            "--flat",
        ])
        .args(query)
        .output()
        .expect("hledger is required for this test (apt-get install hledger)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut total = rust_decimal::Decimal::ZERO;
    for r in csv::Reader::from_reader(out.stdout.as_slice()).records() {
        total += rust_decimal::Decimal::from_str_exact(&r.unwrap()[1]).unwrap();
    }
    format!("{total:.2}")
}
