//! Bank statements in (issue 10): a Moroccan bank's own exports (`examples/banks/`) imported
//! into a ledger set up from the demo's CSV files, as a treasurer would: with a rules file and
//! without one, in Windows-1252, UTF-8 with a BOM and Windows-1256, Débit/Crédit columns and
//! one signed column, decimal commas; the same statement again, re-saved, or overlapping the
//! month before imports only what is new; a line no rule matches waits in suspense until it is
//! assigned; the books are reconciled with the statement. Bad input is named at its line,
//! column and value, and changes nothing. Both verifiers accept every ledger written here, and
//! catch an edit of the new tables.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{self, fails, ok, ok_json, run, snapshot, stderr, stdout};

const BANKS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/banks");

fn example(name: &str) -> String {
    format!("{BANKS}/{name}")
}

/// A ledger on the Moroccan chart with the demo association's accounts, funders and grants.
fn khotwa(dir: &Path) -> PathBuf {
    let l = dir.join("khotwa.db");
    ok(
        &l,
        &[
            "init",
            "--name",
            "Association Khotwa",
            "--currency",
            "MAD",
            "--chart",
            "ma-associations",
        ],
    );
    for what in ["accounts", "funders", "grants"] {
        let file = format!("{}/examples/khotwa/{what}.csv", env!("CARGO_MANIFEST_DIR"));
        ok(&l, &["load", what, &file]);
    }
    l
}

fn import_json(l: &Path, file: &str, account: &str, rules: Option<&str>) -> Value {
    let mut args = vec!["bank", "import", file, "--account", account];
    if let Some(r) = rules {
        args.extend(["--rules", r]);
    }
    ok_json(l, &args)
}

/// `account`'s balance as `amana balance` gives it, as text.
fn balance_of(l: &Path, account: &str) -> String {
    let v = ok_json(l, &["balance"]);
    v["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == account)
        .map_or_else(
            || "0.00".into(),
            |a| a["balance"].as_str().unwrap().to_string(),
        )
}

/// Both verifiers accept the ledger.
fn both_verify(l: &Path) {
    let (code, v) = common::verify_json(l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    let (code, p) = common::python_verify_json(&[l.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{p:#}");
}

#[test]
fn a_banque_populaire_statement_with_its_rules() {
    let dir = tempfile::tempdir().unwrap();
    let l = khotwa(dir.path());
    let rules = example("bp.toml");
    let v = import_json(&l, &example("bp-mars-2026.csv"), "51411", Some(&rules));
    assert_eq!(v["imported"], 8, "{v:#}");
    assert_eq!(v["skipped"], 0);
    assert_eq!(v["guessed"], serde_json::json!([]));
    assert_eq!(v["in_suspense"], 1);
    assert_eq!(v["footer_lines"], serde_json::json!([16]));
    assert_eq!(v["balance_lines"], serde_json::json!([7]));
    let lines = v["lines"].as_array().unwrap();
    let by_line = |n: u64| lines.iter().find(|x| x["line"] == n).unwrap();
    // Rules: the council's subsidy to its grant, a member's dues to their account and funder,
    // the rent, the bank's fees, the cash withdrawal to the cash box.
    assert_eq!(by_line(8)["counter_account"], "7161");
    assert_eq!(by_line(8)["grant"], "CMM-2026");
    assert_eq!(by_line(9)["counter_account"], "75868");
    assert_eq!(by_line(9)["funder"], "MEMBERS");
    assert_eq!(by_line(10)["counter_account"], "6131");
    assert_eq!(by_line(10)["amount"], "-2500.00");
    assert_eq!(by_line(12)["counter_account"], "6147");
    assert_eq!(by_line(15)["counter_account"], "5161");
    // The supplier's transfer matches no rule: suspense, never dropped.
    assert_eq!(by_line(14)["counter_account"], "3497");
    assert_eq!(by_line(14)["suspense"], true);
    // The books: 55 066,50 moved through the account (the opening balance is not a line).
    assert_eq!(balance_of(&l, "51411"), "55066.50");
    assert_eq!(balance_of(&l, "6147"), "50.00");
    assert_eq!(balance_of(&l, "3497"), "1234.50");
    // The statement's balance column is compared with the books: they part on the first day,
    // by the opening balance the books lack.
    assert_eq!(v["balance_gap"]["date"], "2026-03-02");
    assert_eq!(v["balance_gap"]["statement"], "101250.00");
    assert_eq!(v["balance_gap"]["books"], "60000.00");
    // The member's dues have their source, for the annual report's income by funder.
    let donors = ok_json(&l, &["funder", "list"]);
    let members = donors["funders"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "MEMBERS")
        .unwrap();
    assert_eq!(members["received_without_grant"], "300.00", "{members:#}");
    both_verify(&l);
}

#[test]
fn the_same_statement_again_re_saved_or_overlapping_imports_only_what_is_new() {
    let dir = tempfile::tempdir().unwrap();
    let l = khotwa(dir.path());
    let rules = example("bp.toml");
    let march = example("bp-mars-2026.csv");
    import_json(&l, &march, "51411", Some(&rules));
    let before = snapshot(&l);

    // The same file: 0 imported, 8 skipped, exit 0, nothing written.
    let v = import_json(&l, &march, "51411", Some(&rules));
    assert_eq!(
        (v["imported"].clone(), v["skipped"].clone()),
        (0.into(), 8.into())
    );
    assert_eq!(v["chain_seq"], Value::Null);
    let said = ok(
        &l,
        &[
            "bank",
            "import",
            &march,
            "--account",
            "51411",
            "--rules",
            &rules,
        ],
    );
    assert!(said.contains("0 imported into 51411"), "{said}");
    assert!(said.contains("8 skipped as already recorded"), "{said}");

    // Saved again by a spreadsheet: LF line endings, a blank line added, no rules file.
    let bytes = std::fs::read(&march).unwrap();
    let mut resaved: Vec<u8> = bytes.iter().copied().filter(|b| *b != b'\r').collect();
    let at = resaved.windows(3).position(|w| w == b"\n02").unwrap();
    resaved.insert(at, b'\n');
    resaved.extend_from_slice(b"\n\n");
    let copy = dir.path().join("releve-mars-resave.csv");
    std::fs::write(&copy, &resaved).unwrap();
    let v = import_json(&l, copy.to_str().unwrap(), "51411", None);
    assert_eq!(
        (v["imported"].clone(), v["skipped"].clone()),
        (0.into(), 8.into()),
        "{v:#}"
    );
    assert_eq!(snapshot(&l), before);

    // April's statement starts on 20 March: its two March lines are skipped.
    let v = import_json(&l, &example("bp-avril-2026.csv"), "51411", Some(&rules));
    assert_eq!(
        (v["imported"].clone(), v["skipped"].clone()),
        (5.into(), 2.into()),
        "{v:#}"
    );
    // The two identical bank fees of 15 March were two lines, and stay two.
    let journal = ok_json(&l, &["journal"]);
    let fees = journal["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["description"] == "FRAIS TENUE DE COMPTE")
        .count();
    assert_eq!(fees, 3);
    assert_eq!(balance_of(&l, "51411"), "54161.50");
    both_verify(&l);
}

#[test]
fn other_layouts_are_guessed_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let l = khotwa(dir.path());
    // Attijariwafa-like: UTF-8 with a BOM, commas, decimal points, one signed column, the
    // newest line first.
    let v = import_json(&l, &example("awb-mars-2026.csv"), "51412", None);
    assert_eq!(v["imported"], 4, "{v:#}");
    assert_eq!(v["newest_first"], true);
    let guessed: Vec<&str> = v["guessed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap())
        .collect();
    assert_eq!(
        guessed,
        [
            "encoding",
            "separator",
            "header",
            "columns",
            "date_format",
            "decimal"
        ]
    );
    let dates: Vec<&str> = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        ["2026-03-02", "2026-03-12", "2026-03-28", "2026-03-31"]
    );
    // Without rules every line waits in suspense, the statement's balances agreeing with the
    // books after its opening balance.
    assert_eq!(v["in_suspense"], 4);
    assert_eq!(balance_of(&l, "51412"), "103500.00");
    let said = ok(&l, &["bank", "review"]);
    assert!(said.contains("4 bank line(s) wait in suspense"), "{said}");

    // CIH-like: Windows-1256, tabs, ISO dates, Arabic descriptions.
    let v = import_json(&l, &example("cih-mars-2026.tsv"), "5161", None);
    assert_eq!(v["imported"], 2, "{v:#}");
    assert!(
        v["layout"].as_str().unwrap().starts_with("windows-1256"),
        "{v:#}"
    );
    assert_eq!(v["lines"][0]["description"], "تحويل من جمعية الأمل");
    both_verify(&l);
}

#[test]
fn a_line_in_suspense_is_assigned_by_a_reclassification() {
    let dir = tempfile::tempdir().unwrap();
    let l = khotwa(dir.path());
    import_json(
        &l,
        &example("bp-mars-2026.csv"),
        "51411",
        Some(&example("bp.toml")),
    );
    let review = ok_json(&l, &["bank", "review"]);
    let waiting = review["lines"].as_array().unwrap();
    assert_eq!(waiting.len(), 1, "{review:#}");
    assert_eq!(
        waiting[0]["description"],
        "VIR EMIS FOURNISSEUR PAPETERIE ATLAS"
    );
    assert_eq!(waiting[0]["amount"], "-1234.50");
    let entry = waiting[0]["entry"].as_i64().unwrap().to_string();

    // Not to the bank account, nor back to suspense.
    let before = snapshot(&l);
    for to in ["51411", "3497"] {
        let err = fails(&l, &["bank", "assign", &entry, "--account", to], 2);
        assert!(err.contains("not to the bank or suspense account"), "{err}");
    }
    assert_eq!(snapshot(&l), before);

    // Assigned to office supplies, charged to the council's grant.
    let said = ok(
        &l,
        &[
            "bank",
            "assign",
            &entry,
            "--account",
            "6125",
            "--grant",
            "CMM-2026",
        ],
    );
    assert!(said.contains("reclassified by transaction"), "{said}");
    assert_eq!(
        ok_json(&l, &["bank", "review"])["lines"],
        serde_json::json!([])
    );
    assert_eq!(balance_of(&l, "3497"), "0.00");
    assert_eq!(balance_of(&l, "6125"), "1234.50");
    // Nothing was edited: the bank line's transaction still posts to suspense.
    let journal = ok_json(&l, &["journal"]);
    let line = journal["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"].as_i64().map(|i| i.to_string()) == Some(entry.clone()))
        .unwrap()
        .clone();
    assert!(line.to_string().contains("3497"), "{line:#}");

    // Twice: refused, nothing written.
    let before = snapshot(&l);
    let err = fails(&l, &["bank", "assign", &entry, "--account", "6125"], 2);
    assert!(err.contains("not a bank line waiting in suspense"), "{err}");
    assert_eq!(snapshot(&l), before);
    both_verify(&l);
}

#[test]
fn the_books_are_reconciled_with_the_statements() {
    let dir = tempfile::tempdir().unwrap();
    let l = khotwa(dir.path());
    let rules = example("bp.toml");
    let (march, april) = (example("bp-mars-2026.csv"), example("bp-avril-2026.csv"));
    import_json(&l, &march, "51411", Some(&rules));
    // Without the opening balance the statement is not explained: nothing is recorded.
    let before = snapshot(&l);
    let o = run(
        &l,
        &[
            "reconcile",
            "--account",
            "51411",
            "--statement",
            &march,
            "--rules",
            &rules,
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("Unexplained difference"),
        "{}",
        stdout(&o)
    );
    assert!(stderr(&o).contains("41250.00"), "{}", stderr(&o));
    assert_eq!(snapshot(&l), before);

    ok(
        &l,
        &[
            "record",
            "--date",
            "2026-02-28",
            "--description",
            "Solde d'ouverture du compte courant",
            "--post",
            "51411 41250.00",
            "--post",
            "1161",
        ],
    );
    let v = ok_json(
        &l,
        &[
            "reconcile",
            "--account",
            "51411",
            "--statement",
            &march,
            "--rules",
            &rules,
        ],
    );
    assert_eq!(v["reconciled"], true, "{v:#}");
    assert_eq!(v["statement_balance"], "96316.50");
    // The eight lines by the fingerprints their import recorded, the opening balance as in
    // the statement's opening balance.
    let matched = v["matched"].as_array().unwrap();
    assert_eq!(matched.len(), 9);
    assert_eq!(
        matched
            .iter()
            .filter(|m| m["by_fingerprint"] == true)
            .count(),
        8
    );
    // The same statement again: nothing new is matched, and nothing is recorded again.
    let before = snapshot(&l);
    let again = ok_json(
        &l,
        &[
            "reconcile",
            "--account",
            "51411",
            "--statement",
            &march,
            "--rules",
            &rules,
        ],
    );
    assert_eq!(again["already_recorded"], v["chain_seq"], "{again:#}");
    assert_eq!(again["matched_before"], 8);
    assert_eq!(snapshot(&l), before);

    // A cheque written on 25 April, not cashed by the end of April's statement.
    ok(
        &l,
        &[
            "record",
            "--date",
            "2026-04-21",
            "--description",
            "Chèque 4524 imprimerie Al Massira",
            "--post",
            "51411 -600.00",
            "--post",
            "6144",
        ],
    );
    import_json(&l, &april, "51411", Some(&rules));
    let v = ok_json(
        &l,
        &[
            "reconcile",
            "--account",
            "51411",
            "--statement",
            &april,
            "--rules",
            &rules,
        ],
    );
    assert_eq!(v["reconciled"], true, "{v:#}");
    assert_eq!(v["matched_before"], 2);
    assert_eq!(
        v["outstanding"][0]["description"],
        "Chèque 4524 imprimerie Al Massira"
    );
    assert_eq!(v["outstanding_total"], "-600.00");
    assert_eq!(v["book_balance"], "94811.50");
    assert_eq!(v["statement_balance"], "95411.50");

    // The month's seal compares the statement's balance with the books: the cheque not
    // cashed makes them differ, and the seal says how to account for it.
    let bank = "51411=95411.50@Relevé BP n° 04/2026";
    let err = fails(&l, &["seal", "--month", "2026-04", "--bank", bank], 2);
    assert!(err.contains("amana reconcile --account 51411"), "{err}");

    // Without a statement file: the balance of 30 April, the cheque still outstanding.
    let cheque = v["outstanding"][0]["entry"].to_string();
    let args = [
        "reconcile",
        "--account",
        "51411",
        "--balance",
        "95411.50",
        "--date",
        "2026-04-30",
        "--outstanding",
        &cheque,
    ];
    let v = ok_json(&l, &args);
    assert_eq!(v["reconciled"], true, "{v:#}");
    assert_eq!(v["matched"], serde_json::json!([]));
    // Reconciled on the period's last day, the statement's balance is accepted by the seal,
    // and by both verifiers (rule 10), while the books hold what they held then: a
    // transaction recorded since in that period takes the explanation away.
    ok(
        &l,
        &[
            "record",
            "--date",
            "2026-04-29",
            "--description",
            "Frais oubliés",
            "--post",
            "51411 -5",
            "--post",
            "6147",
        ],
    );
    let err = fails(&l, &["seal", "--month", "2026-04", "--bank", bank], 2);
    assert!(err.contains("amana reconcile --account 51411"), "{err}");
    let late = ok_json(&l, &["journal"])["transactions"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()["id"]
        .to_string();
    ok(&l, &["reverse", &late, "--reason", "saisie en double"]);
    ok(&l, &["seal", "--month", "2026-04", "--bank", bank]);
    // The same balance with nothing outstanding does not add up.
    let err = fails(
        &l,
        &[
            "reconcile",
            "--account",
            "51411",
            "--balance",
            "95411.50",
            "--date",
            "2026-04-30",
        ],
        2,
    );
    assert!(err.contains("600.00"), "{err}");
    both_verify(&l);
}

/// Runs a command that must be refused with exit 2, and checks that the ledger is unchanged
/// and the message says each of `says`.
fn refused(l: &Path, args: &[&str], says: &[&str]) {
    let before = snapshot(l);
    let err = fails(l, args, 2);
    for s in says {
        assert!(err.contains(s), "expected {s:?} in:\n{err}");
    }
    assert_eq!(snapshot(l), before, "{args:?} changed the ledger");
}

#[test]
fn bad_input_is_named_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let l = khotwa(dir.path());
    let march = std::fs::read(example("bp-mars-2026.csv")).unwrap();
    let latin = |text: &str| encoding_rs::WINDOWS_1252.encode(text).0.into_owned();
    let text = encoding_rs::WINDOWS_1252.decode(&march).0.into_owned();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.to_str().unwrap().to_string()
    };

    // An amount that does not parse: file, line, column and value.
    let bad = write("montant.csv", &latin(&text.replace("449,00", "44g,00")));
    refused(
        &l,
        &["bank", "import", &bad, "--account", "51411"],
        &[
            "montant.csv:line 11",
            "column Débit",
            "value \"44g,00\"",
            "nothing was imported",
        ],
    );
    // A date that does not match the layout.
    let bad = write(
        "date.csv",
        &latin(&text.replace("10/03/2026;10", "10/13/2026;10")),
    );
    refused(
        &l,
        &["bank", "import", &bad, "--account", "51411"],
        &["date.csv:line 11", "column Date opération", "10/13/2026"],
    );
    // A balance that does not follow: the first line named.
    let bad = write("solde.csv", &latin(&text.replace("98 601,00", "98 610,00")));
    refused(
        &l,
        &["bank", "import", &bad, "--account", "51411"],
        &["solde.csv:line 11", "column Solde", "does not follow"],
    );
    // An encoding that does not decode as the rules say.
    let rules = write("utf8.toml", b"encoding = \"utf-8\"\n");
    refused(
        &l,
        &[
            "bank",
            "import",
            &example("bp-mars-2026.csv"),
            "--account",
            "51411",
            "--rules",
            &rules,
        ],
        &[
            "bp-mars-2026.csv:line 3",
            "(0xB0) is not a character in utf-8",
            "encoding",
        ],
    );
    // A rules file with an unknown key, and one whose pattern does not compile.
    let rules = write("typo.toml", b"separator = \";\"\nseperator = \";\"\n");
    refused(
        &l,
        &[
            "bank",
            "import",
            &example("bp-mars-2026.csv"),
            "--account",
            "51411",
            "--rules",
            &rules,
        ],
        &["typo.toml:line 2", "seperator"],
    );
    let rules = write(
        "regex.toml",
        b"[[rule]]\npattern = \"(VIR\"\naccount = \"6147\"\n",
    );
    refused(
        &l,
        &[
            "bank",
            "import",
            &example("bp-mars-2026.csv"),
            "--account",
            "51411",
            "--rules",
            &rules,
        ],
        &["regex.toml:line 2", "does not compile"],
    );
    // A rule's account that the ledger lacks: the statement line and the rule named.
    let rules = write(
        "compte.toml",
        b"[[rule]]\npattern = \"FRAIS\"\naccount = \"61479\"\n",
    );
    refused(
        &l,
        &[
            "bank",
            "import",
            &example("bp-mars-2026.csv"),
            "--account",
            "51411",
            "--rules",
            &rules,
        ],
        &["line 12", "61479", "rule at line 2"],
    );
    // The statement's own account as its suspense account, or as a rule's account.
    let rules = write("meme.toml", b"suspense = \"51411\"\n");
    refused(
        &l,
        &[
            "bank",
            "import",
            &example("bp-mars-2026.csv"),
            "--account",
            "51411",
            "--rules",
            &rules,
        ],
        &["suspense account 51411 is the statement's own account"],
    );
    let rules = write(
        "boucle.toml",
        b"[[rule]]\npattern = \"FRAIS\"\naccount = \"51411\"\n",
    );
    refused(
        &l,
        &[
            "bank",
            "import",
            &example("bp-mars-2026.csv"),
            "--account",
            "51411",
            "--rules",
            &rules,
        ],
        &["line 12", "statement's own account 51411"],
    );
    // A statement of an income account; an account that does not exist.
    refused(
        &l,
        &[
            "bank",
            "import",
            &example("bp-mars-2026.csv"),
            "--account",
            "75868",
        ],
        &["75868", "bank or cash account"],
    );
    refused(
        &l,
        &[
            "bank",
            "import",
            &example("bp-mars-2026.csv"),
            "--account",
            "51419",
        ],
        &["51419", "not in the ledger"],
    );
    // A spreadsheet file, not a text export.
    let bad = write("releve.xlsx", b"PK\x03\x04\0\0binary");
    refused(
        &l,
        &["bank", "import", &bad, "--account", "51411"],
        &["NUL bytes"],
    );
    // The dry run writes nothing either.
    let before = snapshot(&l);
    let said = ok(
        &l,
        &[
            "bank",
            "import",
            &example("bp-mars-2026.csv"),
            "--account",
            "51411",
            "--dry-run",
        ],
    );
    assert!(said.contains("8 would be imported"), "{said}");
    assert_eq!(snapshot(&l), before);
}

#[test]
fn an_edit_of_the_bank_tables_is_caught_by_both_verifiers() {
    let dir = tempfile::tempdir().unwrap();
    let l = khotwa(dir.path());
    let rules = example("bp.toml");
    let march = example("bp-mars-2026.csv");
    import_json(&l, &march, "51411", Some(&rules));
    ok(
        &l,
        &[
            "record",
            "--date",
            "2026-02-28",
            "--description",
            "Ouverture",
            "--post",
            "51411 41250.00",
            "--post",
            "1161",
        ],
    );
    ok(
        &l,
        &[
            "reconcile",
            "--account",
            "51411",
            "--statement",
            &march,
            "--rules",
            &rules,
        ],
    );
    for (name, sql) in [
        (
            "fingerprint",
            "UPDATE bank_lines SET fingerprint = zeroblob(32) WHERE idx = 3",
        ),
        ("line", "DELETE FROM bank_lines WHERE idx = 0"),
        ("suspense", "UPDATE bank_imports SET suspense = NULL"),
        ("matched", "DELETE FROM reconciled WHERE idx = 1"),
        (
            "balance",
            "UPDATE reconciliations SET balance = balance + 100",
        ),
    ] {
        let copy = common::tamper(&l, &dir.path().join(name), |conn| {
            conn.execute_batch(sql).unwrap();
        });
        let (code, v) = common::verify_json(&copy, &[]);
        assert_eq!(code, Some(1), "{name}: {v:#}");
        common::assert_kinds_exactly(&v, &["projection-drift"]);
        let (code, p) = common::python_verify_json(&[copy.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{name}: {p:#}");
        assert_eq!(common::finding_set(&p), common::finding_set(&v), "{name}");
    }
}

#[test]
fn a_statement_given_to_the_journal_import_is_told_where_to_go() {
    let dir = tempfile::tempdir().unwrap();
    let l = khotwa(dir.path());
    let before = snapshot(&l);
    let err = fails(&l, &["import", &example("bp-mars-2026.csv")], 2);
    assert!(err.contains("separated by \";\""), "{err}");
    assert!(
        err.contains("amana bank import FILE --account CODE"),
        "{err}"
    );
    assert_eq!(snapshot(&l), before);
}

#[test]
fn a_line_already_typed_by_hand_is_pointed_out() {
    let dir = tempfile::tempdir().unwrap();
    let l = khotwa(dir.path());
    // The rent cheque, recorded the day it was written; the bank cashed it on the 5th.
    ok(
        &l,
        &[
            "record",
            "--date",
            "2026-03-04",
            "--description",
            "Loyer mars, chèque 4521",
            "--post",
            "6131 2500",
            "--post",
            "51411",
        ],
    );
    let v = import_json(
        &l,
        &example("bp-mars-2026.csv"),
        "51411",
        Some(&example("bp.toml")),
    );
    assert_eq!(
        v["possibly_recorded"],
        serde_json::json!([{"line": 10, "entry": 1, "date": "2026-03-04"}]),
        "{v:#}"
    );
}

#[test]
fn each_example_layout_has_its_rules_file() {
    let dir = tempfile::tempdir().unwrap();
    let l = khotwa(dir.path());
    // Attijariwafa-like: the European Union's transfer to its grant, the bank's commission.
    let v = import_json(
        &l,
        &example("awb-mars-2026.csv"),
        "51412",
        Some(&example("awb.toml")),
    );
    assert_eq!(v["guessed"], serde_json::json!([]), "{v:#}");
    assert_eq!(
        (v["imported"].clone(), v["in_suspense"].clone()),
        (4.into(), 1.into())
    );
    let eu = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["grant"] == "EU-2025")
        .unwrap()
        .clone();
    assert_eq!(eu["amount"], "120500.00", "{eu:#}");
    // CIH-like, in Arabic: a new bank account of the association.
    ok(
        &l,
        &[
            "account",
            "add",
            "51413",
            "--name",
            "CIH Bank – compte courant",
        ],
    );
    let v = import_json(
        &l,
        &example("cih-mars-2026.tsv"),
        "51413",
        Some(&example("cih.toml")),
    );
    assert_eq!(v["guessed"], serde_json::json!([]), "{v:#}");
    assert_eq!(v["in_suspense"], 0, "{v:#}");
    assert_eq!(v["lines"][0]["funder"], "DONORS");
    assert_eq!(v["lines"][1]["counter_account"], "6147");
    both_verify(&l);
}
