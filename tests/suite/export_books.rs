//! `amana export hledger` and `amana export beancount` (issue 10, books out) against the real
//! tools: `hledger bal` and Beancount's `bean-check` and `bean-query` give the balances of
//! `amana balance`, on the demo (grants in two currencies, reversals, closings, memorandum
//! accounts) and on a ledger whose texts are made to break a naive writer. hledger and
//! Beancount must be installed (`.ci/run` installs Debian's packages); these tests fail, never
//! skip, when they are missing.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use rust_decimal::Decimal;

use crate::common::{demo, fails, ok, ok_json};
use crate::sources::{books, record};

/// Runs a tool, asserting it is installed and succeeds; its standard output.
fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} is required for this test (.ci/run installs it): {e}")
        });
    assert!(
        out.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn dec(text: &str) -> Decimal {
    text.trim()
        .trim_end_matches("MAD")
        .trim()
        .parse()
        .unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// What `amana balance` gives, memorandum accounts included, by code; zeros left out.
fn amana_balances(l: &Path) -> BTreeMap<String, Decimal> {
    let b = ok_json(l, &["balance"]);
    let mut out = BTreeMap::new();
    for list in ["accounts", "memorandum"] {
        for a in b[list].as_array().into_iter().flatten() {
            let v = dec(a["balance"].as_str().unwrap());
            if !v.is_zero() {
                out.insert(a["code"].as_str().unwrap().to_string(), v);
            }
        }
    }
    assert!(out.len() >= 2, "{b}");
    out
}

/// `hledger -f FILE bal`, by account; zeros left out.
fn hledger_balances(journal: &Path) -> BTreeMap<String, Decimal> {
    let csv = tool(
        "hledger",
        &[
            "-f",
            journal.to_str().unwrap(),
            "bal",
            "--flat",
            "-N",
            "-O",
            "csv",
        ],
    );
    let mut out = BTreeMap::new();
    for line in csv.lines().skip(1) {
        let (account, amount) = line.split_once(',').unwrap();
        let v = dec(amount.trim_matches('"'));
        if !v.is_zero() {
            out.insert(account.trim_matches('"').to_string(), v);
        }
    }
    out
}

/// `bean-check` finds nothing; `bean-query`'s sum of each account, by code.
fn beancount_balances(ledger: &Path) -> BTreeMap<String, Decimal> {
    let file = ledger.to_str().unwrap();
    assert_eq!(tool("bean-check", &[file]).trim(), "", "bean-check");
    let csv = tool(
        "bean-query",
        &[
            "-f",
            "csv",
            file,
            "SELECT account, sum(number) AS total GROUP BY account ORDER BY account",
        ],
    );
    // Each account's code, from its `open` directive's `amana-code` metadata.
    let text = std::fs::read_to_string(ledger).unwrap();
    let mut codes = BTreeMap::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some((_, name)) = line.split_once(" open ") {
            while let Some(meta) = lines.next_if(|l| l.starts_with("  ")) {
                if let Some(code) = meta.trim().strip_prefix("amana-code: ") {
                    codes.insert(name.trim().to_string(), code.trim_matches('"').to_string());
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    for line in csv.lines().skip(1) {
        let (account, amount) = line.split_once(',').unwrap();
        let code = codes[account.trim()].clone();
        let v = dec(amount);
        if !v.is_zero() {
            out.insert(code, v);
        }
    }
    out
}

/// Both exports of `l`, into its folder; their paths.
fn export_both(l: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = l.parent().unwrap();
    let (journal, beancount) = (dir.join("books.journal"), dir.join("books.beancount"));
    let said = ok(
        l,
        &["export", "hledger", "--out", journal.to_str().unwrap()],
    );
    assert!(said.contains("Wrote the hledger journal"), "{said}");
    ok(
        l,
        &["export", "beancount", "--out", beancount.to_str().unwrap()],
    );
    (journal, beancount)
}

#[test]
fn the_demo_s_books_balance_the_same_in_hledger_and_beancount() {
    let (_dir, l) = demo();
    let ours = amana_balances(&l);
    let (journal, beancount) = export_both(&l);
    assert_eq!(hledger_balances(&journal), ours, "hledger");
    assert_eq!(beancount_balances(&beancount), ours, "Beancount");

    let j = std::fs::read_to_string(&journal).unwrap();
    let b = std::fs::read_to_string(&beancount).unwrap();
    // Grants and lines are tags and metadata; an amount in euros keeps its euros.
    assert!(j.contains("grant:EU-2025, line:"), "hledger tags");
    assert!(j.contains(" EUR"), "original amounts");
    assert!(b.contains("    grant: \"EU-2025\""), "Beancount metadata");
    // A reversal is linked to what it reverses, in both.
    let reversals = ok_json(&l, &["journal"])["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["reverses"].as_i64())
        .collect::<Vec<_>>();
    assert!(!reversals.is_empty());
    for id in reversals {
        assert_eq!(b.matches(&format!("^amana-{id}\n")).count(), 2, "{id}");
        assert_eq!(j.matches(&format!("link:amana-{id}\n")).count(), 2, "{id}");
    }
    // Printed without --out, the same text.
    assert_eq!(ok(&l, &["export", "beancount"]), b);
}

#[test]
fn texts_that_would_break_a_naive_writer_are_kept_and_the_books_still_balance() {
    let (_dir, l) = books();
    // A code Beancount would not take as an account name.
    ok(
        &l,
        &[
            "account",
            "add",
            "caisse_1.b",
            "--name",
            "Caisse",
            "--type",
            "asset",
        ],
    );
    // A semicolon starts a comment in hledger, a quote ends a string in Beancount, a
    // parenthesis ends hledger's code, and a backslash escapes in Beancount.
    ok(
        &l,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "Cotisation; \"Amina\" \\ (mars)",
            "--ref",
            "CHQ (12)",
            "--post",
            "5141 300",
            "--post",
            "7183 -300",
        ],
    );
    record(
        &l,
        "2026-03-02",
        "Fournitures",
        &["6126 120.50", "5141 -120.50"],
    );
    ok(&l, &["reverse", "2", "--reason", "erreur; \"double\""]);
    // In an hledger comment, `date:` would move a posting and `[2026-02-01]` date it; a
    // description that opens with a parenthesis would be read as a code.
    record(
        &l,
        "2026-03-03",
        "(Remboursement) fournisseur",
        &[
            "6126 50 memo=livré le [2026-02-01], date: demain",
            "caisse_1.b -50 memo=payé date:2026-01-01",
        ],
    );
    let ours = amana_balances(&l);
    let (journal, beancount) = export_both(&l);
    assert_eq!(hledger_balances(&journal), ours, "hledger");
    assert_eq!(beancount_balances(&beancount), ours, "Beancount");
    let j = std::fs::read_to_string(&journal).unwrap();
    assert!(
        j.contains("    ; description: Cotisation; \"Amina\" \\ (mars)\n"),
        "{j}"
    );
    assert!(j.contains("    ; reference: CHQ (12)\n"), "{j}");
    let b = std::fs::read_to_string(&beancount).unwrap();
    assert!(
        b.contains("* \"Cotisation; \\\"Amina\\\" \\\\ (mars)\""),
        "{b}"
    );
    assert!(b.contains("  reason: \"erreur; \\\"double\\\"\""), "{b}");
    // hledger reads the description up to the comment, the transaction intact.
    let printed = tool(
        "hledger",
        &["-f", journal.to_str().unwrap(), "print", "desc:Cotisation"],
    );
    assert!(printed.contains("300.00 MAD"), "{printed}");
    // Every posting keeps its entry's date: nothing moved out of March.
    let file = journal.to_str().unwrap();
    let flat = ["bal", "--flat", "-N", "-O", "csv"];
    let march = tool(
        "hledger",
        &[&["-f", file, "-p", "2026-03"][..], &flat].concat(),
    );
    assert_eq!(march, tool("hledger", &[&["-f", file][..], &flat].concat()));
    let printed = tool("hledger", &["-f", file, "print", "desc:fournisseur"]);
    assert!(
        printed.contains("(Remboursement) fournisseur"),
        "{printed}\n{}",
        std::fs::read_to_string(&journal).unwrap()
    );
}

#[test]
fn an_export_never_writes_over_a_file_unless_asked_nor_over_the_ledger() {
    let (_dir, l) = books();
    record(&l, "2026-03-02", "Fournitures", &["6126 10", "5141 -10"]);
    let out = l.parent().unwrap().join("books.journal");
    std::fs::write(&out, "kept").unwrap();
    let err = fails(
        &l,
        &["export", "hledger", "--out", out.to_str().unwrap()],
        2,
    );
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "kept");
    ok(
        &l,
        &[
            "export",
            "hledger",
            "--out",
            out.to_str().unwrap(),
            "--force",
        ],
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("6126  10.00 MAD")
    );
    let before = std::fs::read(&l).unwrap();
    fails(
        &l,
        &[
            "export",
            "beancount",
            "--out",
            l.to_str().unwrap(),
            "--force",
        ],
        2,
    );
    assert_eq!(
        std::fs::read(&l).unwrap(),
        before,
        "the ledger is untouched"
    );
}
