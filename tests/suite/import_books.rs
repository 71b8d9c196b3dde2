//! `amana import hledger FILE` and `amana import beancount FILE` (issue 10, books in): the real
//! binary on a real ledger. A hand-written hledger journal and Beancount ledger import and give
//! the balances of the real `hledger bal` and `bean-query`; export → import → export is the
//! same bytes in both formats, reversals and funders included; every refusal names its line
//! and column, exits 2 and leaves the ledger file byte-identical; `--dry-run` changes nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use rust_decimal::Decimal;

use crate::common::{Fixture, fails, ok, ok_json};

/// The sha256 of the ledger file: what must not change after a refusal.
fn sha(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} is required for this test: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `amana balance`, by code, zeros left out.
fn amana_balances(l: &Path) -> BTreeMap<String, Decimal> {
    let b = ok_json(l, &["balance"]);
    b["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let v: Decimal = a["balance"].as_str().unwrap().parse().unwrap();
            (a["code"].as_str().unwrap().to_string(), v)
        })
        .filter(|(_, v)| !v.is_zero())
        .collect()
}

/// A ledger set up as the Fixture is, without its transactions: a funder, grants and lines.
fn fresh(dir: &Path, name: &str) -> PathBuf {
    let l = dir.join(name);
    ok(
        &l,
        &[
            "init",
            "--name",
            "Khotwa",
            "--currency",
            "MAD",
            "--chart",
            "ma-associations",
        ],
    );
    for args in [
        &[
            "funder",
            "add",
            "CMM",
            "--name",
            "Conseil",
            "--type",
            "public-local",
            "--country",
            "MA",
        ][..],
        &[
            "funder",
            "add",
            "MEMBRES",
            "--name",
            "Membres",
            "--type",
            "members",
            "--country",
            "MA",
        ],
        &[
            "grant",
            "add",
            "CMM-2026",
            "--funder",
            "CMM",
            "--amount",
            "120000",
            "--start",
            "2026-01-01",
            "--end",
            "2026-12-31",
            "--purpose",
            "Fonctionnement",
        ],
        &[
            "grant",
            "budget",
            "CMM-2026",
            "rent",
            "--amount",
            "24000",
            "--label",
            "Loyer",
            "--account",
            "6131",
        ],
        &[
            "grant",
            "budget",
            "CMM-2026",
            "training",
            "--amount",
            "45000",
            "--label",
            "Formation",
            "--account",
            "6126",
        ],
    ] {
        ok(&l, args);
    }
    l
}

const JOURNAL: &str = r#"; Livres de l'association, tenus dans hledger
commodity 1,000.00 MAD
account 51411  ; name: Banque Populaire, type: A
account 75868  ; name: Cotisations des membres, type: R

2026-01-05 * (BQ-001) Loyer du local – janvier 2026  ; projet:alphabétisation
    6131  MAD 4,000.00  ; grant:CMM-2026, line:rent
        ; memo: Quittance du bailleur
    51411

2026-01-10 Versement du conseil
    51411  60000.00 MAD
    7161  -60000.00 MAD  ; grant:CMM-2026

2026-01-15 * جمعية الأمل | Cotisations janvier
    51411  1200 MAD = 57200.00 MAD
    75868  ; funder:MEMBRES

P 2026-01-31 EUR 10.95 MAD
account 7161  ; name: Subventions du conseil
"#;

#[test]
fn a_hand_written_hledger_journal_imports_with_hledger_s_balances() {
    let dir = tempfile::tempdir().unwrap();
    let l = fresh(dir.path(), "l.db");
    let file = dir.path().join("livres.journal");
    std::fs::write(&file, JOURNAL).unwrap();
    let f = file.to_str().unwrap();

    let before = sha(&l);
    let dry = ok(&l, &["import", "hledger", f, "--dry-run"]);
    assert!(dry.contains("would import 3 transactions"), "{dry}");
    assert_eq!(sha(&l), before, "--dry-run changes nothing");

    let said = ok(&l, &["import", "hledger", f]);
    assert!(said.contains("Imported 3 transactions #1 to #3"), "{said}");
    assert!(said.contains("created: 2 (51411, 75868)"), "{said}");
    // What moves no money is listed, at its line.
    assert!(
        said.contains(
            "livres.journal:6: tag or metadata amana has no field for: projet:alphabétisation"
        ),
        "{said}"
    );
    assert!(
        said.contains("livres.journal:19: directive not imported: P 2026-01-31 EUR 10.95 MAD"),
        "{said}"
    );

    // The real hledger's balances are amana's.
    let csv = tool("hledger", &["-f", f, "bal", "--flat", "-N", "-O", "csv"]);
    let theirs: BTreeMap<String, Decimal> = csv
        .lines()
        .skip(1)
        .map(|line| {
            let (a, v) = line.split_once(',').unwrap();
            let v = v
                .trim_matches('"')
                .trim_end_matches("MAD")
                .trim()
                .replace(',', "");
            (a.trim_matches('"').to_string(), v.parse().unwrap())
        })
        .collect();
    assert_eq!(amana_balances(&l), theirs);
    // Text as written, the Arabic payee included; the funder is recorded.
    let j = ok_json(&l, &["journal"]);
    assert_eq!(
        j["transactions"][2]["description"],
        "جمعية الأمل | Cotisations janvier"
    );
    assert_eq!(
        j["transactions"][0]["postings"][0]["memo"],
        "Quittance du bailleur"
    );
    let funders = ok_json(&l, &["funder", "list"]);
    assert!(
        funders
            .to_string()
            .contains("\"received_without_grant\":\"1200.00\""),
        "{funders}"
    );
    ok(&l, &["verify"]);

    // The same file again is refused, as a CSV file is.
    let after = sha(&l);
    let err = fails(&l, &["import", "hledger", f], 2);
    assert!(err.contains("was already imported"), "{err}");
    assert_eq!(sha(&l), after);
}

#[test]
fn a_beancount_ledger_checked_by_bean_check_imports_with_bean_query_s_balances() {
    let dir = tempfile::tempdir().unwrap();
    let l = fresh(dir.path(), "l.db");
    let file = dir.path().join("livres.beancount");
    std::fs::write(
        &file,
        r#"option "operating_currency" "MAD"

2026-01-01 open Assets:Banque:BP MAD
  code: "51411"
2026-01-01 open Income:7161
2026-01-01 open Expenses:6131
2026-01-01 open Income:Cotisations

2026-01-05 * "Loyer du local – janvier" #loyer
  reference: "BQ-001"
  Expenses:6131  4000.00 MAD
    grant: "CMM-2026"
    line: "rent"
  Assets:Banque:BP

2026-01-10 * "Conseil" "Versement"
  Assets:Banque:BP  60000.00 MAD
  Income:7161  -60000.00 MAD
    grant: "CMM-2026"

2026-01-15 * "جمعية الأمل" "Cotisations"
  Assets:Banque:BP  1200.00 MAD
  Income:Cotisations
    funder: "MEMBRES"

2026-01-16 balance Assets:Banque:BP 57200.00 MAD
"#,
    )
    .unwrap();
    let f = file.to_str().unwrap();
    assert_eq!(tool("bean-check", &[f]).trim(), "");
    let map = dir.path().join("comptes.csv");
    std::fs::write(&map, "name,code\nIncome:Cotisations,75868\n").unwrap();
    // Without the map, the name no code stands for is refused, with what to do.
    let before = sha(&l);
    let err = fails(&l, &["import", "beancount", f], 2);
    assert!(
        err.contains("livres.beancount:7: column 17: \"Income:Cotisations\""),
        "{err}"
    );
    assert!(err.contains("--accounts MAP.csv"), "{err}");
    assert_eq!(sha(&l), before);
    // 75868 is not in the chart: created with the type of its parent, 7586.
    ok(
        &l,
        &[
            "import",
            "beancount",
            f,
            "--accounts",
            map.to_str().unwrap(),
        ],
    );
    let csv = tool(
        "bean-query",
        &[
            "-f",
            "csv",
            f,
            "SELECT account, sum(number) AS total GROUP BY account",
        ],
    );
    let names = BTreeMap::from([
        ("Assets:Banque:BP", "51411"),
        ("Income:7161", "7161"),
        ("Expenses:6131", "6131"),
        ("Income:Cotisations", "75868"),
    ]);
    let theirs: BTreeMap<String, Decimal> = csv
        .lines()
        .skip(1)
        .map(|line| {
            let (a, v) = line.split_once(',').unwrap();
            (names[a.trim()].to_string(), v.trim().parse().unwrap())
        })
        .collect();
    assert_eq!(amana_balances(&l), theirs);
    ok(&l, &["verify"]);
}

#[test]
fn refusals_name_their_line_and_column_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let l = fresh(dir.path(), "l.db");
    let cases = [
        (
            "2026-01-05 Achat\n    6131  10 EUR @ 11 MAD\n    5141\n",
            ":2: column 11: \"10 EUR @ 11 MAD\": a price or cost (@) is outside what amana imports",
        ),
        (
            "2026-01-05 Faux\n    6131  10.00 MAD  ; grant:CMM-2026, line:rent\n    5141  -9.00 MAD\n",
            ":1: column 1: \"Faux\": ",
        ),
        (
            "2026-01-05 Inconnu\n    9999  10.00 MAD\n    5141\n",
            ":2: column account: \"9999\"",
        ),
        (
            "2026-01-05 Deux\n    6131  10.00 MAD  ; grant:CMM-2026, line:rent\n    5141  -10.00 MAD\n\n2026-01-06 Trois\n    6131  10.00 USD\n    5141\n",
            ":6: column 11: \"10.00 USD\": is in USD, but the books are in MAD",
        ),
    ];
    for (i, (text, expected)) in cases.iter().enumerate() {
        let file = dir.path().join(format!("case{i}.journal"));
        std::fs::write(&file, text).unwrap();
        let before = sha(&l);
        let err = fails(&l, &["import", "hledger", file.to_str().unwrap()], 2);
        assert!(err.contains(expected), "case {i}: {err}");
        assert!(err.contains("nothing was imported"), "case {i}: {err}");
        assert_eq!(sha(&l), before, "case {i}");
    }
    // The CSV form is as it was, and a format amana does not import is said.
    let err = fails(&l, &["import", "ledger", "x.journal"], 2);
    assert!(err.contains("amana import hledger FILE"), "{err}");
}

/// export → import into a ledger set up the same way → export: the same bytes, in both
/// formats, with a reversal between transactions and funders on income.
#[test]
fn export_import_export_is_the_same_bytes() {
    let fx = Fixture::new();
    let l = &fx.ledger;
    let dir = fx.dir.path();
    ok(
        l,
        &[
            "funder",
            "add",
            "MEMBRES",
            "--name",
            "Membres",
            "--type",
            "members",
            "--country",
            "MA",
        ],
    );
    ok(
        l,
        &[
            "account",
            "add",
            "75868",
            "--name",
            "Cotisations: membres, 2026",
            "--type",
            "income",
        ],
    );
    ok(
        l,
        &[
            "record",
            "--date",
            "2026-02-01",
            "--desc",
            "Cotisations; février (\"A\")",
            "--ref",
            "R (1)",
            "--post",
            "5141 300",
            "--post",
            "75868 -300 funder=MEMBRES memo=reçus 1, 2: 3",
        ],
    );
    let journal = ok_json(l, &["journal"]);
    let last = journal["transactions"].as_array().unwrap().last().unwrap()["id"]
        .as_i64()
        .unwrap();
    ok(
        l,
        &[
            "reverse",
            &last.to_string(),
            "--reason",
            "saisie en double; corrigée",
        ],
    );
    ok(
        l,
        &[
            "record",
            "--date",
            "2026-02-02",
            "--desc",
            "Cotisations février",
            "--post",
            "5141 300",
            "--post",
            "75868 -300 funder=MEMBRES",
        ],
    );
    for (format, ext) in [("hledger", "journal"), ("beancount", "beancount")] {
        let a = dir.join(format!("a.{ext}"));
        let b = dir.join(format!("b.{ext}"));
        ok(l, &["export", format, "--out", a.to_str().unwrap()]);
        // The ledger set up the same way: its funders, grants and lines (the Fixture's).
        let n = dir.join(format!("n-{format}.db"));
        ok(
            &n,
            &[
                "init",
                "--name",
                "جمعية خطوة / Association Khotwa",
                "--currency",
                "MAD",
                "--chart",
                "ma-associations",
            ],
        );
        for args in [
            &[
                "funder",
                "add",
                "CMM",
                "--name",
                "Conseil de l'arrondissement Marrakech-Médina",
                "--type",
                "public-local",
                "--country",
                "MA",
            ][..],
            &[
                "grant",
                "add",
                "CMM-2026",
                "--funder",
                "CMM",
                "--amount",
                "120000",
                "--start",
                "2026-01-01",
                "--end",
                "2026-12-31",
                "--purpose",
                "Fonctionnement",
            ],
            &[
                "grant",
                "budget",
                "CMM-2026",
                "training",
                "--amount",
                "45000",
                "--label",
                "Formation",
                "--account",
                "6126",
            ],
            &[
                "grant",
                "budget",
                "CMM-2026",
                "rent",
                "--amount",
                "24000",
                "--label",
                "Loyer",
                "--account",
                "6131",
            ],
            &[
                "funder",
                "add",
                "INDH",
                "--name",
                "INDH",
                "--type",
                "public-national",
                "--country",
                "MA",
            ],
            &[
                "grant",
                "add",
                "INDH-2026",
                "--funder",
                "INDH",
                "--amount",
                "50000",
                "--start",
                "2026-03-01",
                "--end",
                "2026-10-31",
                "--purpose",
                "Equipement",
            ],
            &[
                "grant",
                "budget",
                "INDH-2026",
                "equipment",
                "--amount",
                "20000",
                "--label",
                "Equipement",
                "--account",
                "2355",
            ],
            &[
                "funder",
                "add",
                "MEMBRES",
                "--name",
                "Membres",
                "--type",
                "members",
                "--country",
                "MA",
            ],
        ] {
            ok(&n, args);
        }
        let said = ok(&n, &["import", format, a.to_str().unwrap()]);
        assert!(said.contains("(1 of them reversals)"), "{said}");
        assert!(said.contains("in 2 import batches"), "{said}");
        // The later batch's import entry names its lines and their SHA-256, which anyone
        // recomputes from the file.
        let log = ok_json(&n, &["log", "--kind", "import"]);
        let later = &log["entries"].as_array().unwrap()[1]["content"];
        let name = later["file_name"].as_str().unwrap();
        let (first, last) = name
            .rsplit_once("lines ")
            .unwrap()
            .1
            .split_once('-')
            .unwrap();
        let (first, last): (usize, usize) = (first.parse().unwrap(), last.parse().unwrap());
        let text = std::fs::read_to_string(&a).unwrap();
        let part: String = text
            .split_inclusive('\n')
            .skip(first - 1)
            .take(last - first + 1)
            .collect();
        use sha2::Digest as _;
        assert_eq!(
            later["file_sha256"].as_str().unwrap(),
            hex::encode(sha2::Sha256::digest(part.as_bytes())),
            "{format}: {name}"
        );
        ok(&n, &["export", format, "--out", b.to_str().unwrap()]);
        let (a, b) = (
            std::fs::read_to_string(&a).unwrap(),
            std::fs::read_to_string(&b).unwrap(),
        );
        assert_eq!(a, b, "{format}: export → import → export");
        assert!(a.contains("amana-"), "{format}: the reversal's link");
        // The ledger's own figures agree, and its chain verifies.
        assert_eq!(amana_balances(&n), amana_balances(l), "{format}");
        ok(&n, &["verify"]);
        assert_eq!(
            ok_json(&n, &["journal"])["transactions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|t| t["reverses"].is_i64())
                .count(),
            1
        );
    }
}

/// The demo's books (two years, grants in two currencies, a closed year with its carry to
/// dedicated funds, depreciation, an allocation of the result, in-kind contributions, a
/// reversal) through export → import into a ledger set up the same way → export: the same
/// bytes, in both formats, and the same balances, the real hledger's and bean-query's.
#[test]
fn the_demo_s_books_round_trip_byte_for_byte() {
    let (dir, demo) = crate::common::demo();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/khotwa");
    // The funders as the demo lists them now (one was renamed), its grants and lines as
    // loaded, and the amendment that extended a grant.
    let funders = dir.path().join("funders.csv");
    std::fs::write(&funders, ok(&demo, &["funder", "list", "--format", "csv"])).unwrap();
    for (format, ext) in [("hledger", "journal"), ("beancount", "beancount")] {
        let a = dir.path().join(format!("demo.{ext}"));
        let b = dir.path().join(format!("again.{ext}"));
        ok(&demo, &["export", format, "--out", a.to_str().unwrap()]);
        let n = dir.path().join(format!("moved-{format}.db"));
        ok(
            &n,
            &[
                "init",
                "--name",
                "جمعية خطوة / Association Khotwa",
                "--currency",
                "MAD",
                "--chart",
                "ma-associations",
            ],
        );
        ok(&n, &["load", "funders", funders.to_str().unwrap()]);
        for kind in ["grants", "budget"] {
            ok(
                &n,
                &[
                    "load",
                    kind,
                    examples.join(format!("{kind}.csv")).to_str().unwrap(),
                ],
            );
        }
        ok(
            &n,
            &[
                "grant",
                "amend",
                "INDH-2025",
                "--amount",
                "265000",
                "--end",
                "2026-12-31",
                "--effective",
                "2026-06-15",
                "--reason",
                "Avenant n°1",
            ],
        );
        let said = ok(&n, &["import", format, a.to_str().unwrap()]);
        assert!(said.contains("(1 of them reversals)"), "{said}");
        // Before the reversal, after it, and around the carry to dedicated funds.
        assert!(said.contains("in 3 import batches"), "{said}");
        ok(&n, &["export", format, "--out", b.to_str().unwrap()]);
        assert_eq!(
            std::fs::read_to_string(&a).unwrap(),
            std::fs::read_to_string(&b).unwrap(),
            "{format}: export → import → export"
        );
        assert_eq!(amana_balances(&n), amana_balances(&demo), "{format}");
        ok(&n, &["verify"]);
    }
    // And the file's balances are the real hledger's.
    let a = dir.path().join("demo.journal");
    let csv = tool(
        "hledger",
        &[
            "-f",
            a.to_str().unwrap(),
            "bal",
            "--flat",
            "-N",
            "-O",
            "csv",
        ],
    );
    let theirs: BTreeMap<String, Decimal> = csv
        .lines()
        .skip(1)
        .map(|line| {
            let (a, v) = line.split_once(',').unwrap();
            let v = v
                .trim_matches('"')
                .trim_end_matches("MAD")
                .trim()
                .replace(',', "");
            (a.trim_matches('"').to_string(), v.parse().unwrap())
        })
        .filter(|(_, v): &(String, Decimal)| !v.is_zero())
        .collect();
    let n = dir.path().join("moved-hledger.db");
    let mut ours = amana_balances(&n);
    let listed = ok_json(&n, &["balance"]);
    for m in listed["memorandum"].as_array().into_iter().flatten() {
        let v: Decimal = m["balance"].as_str().unwrap().parse().unwrap();
        if !v.is_zero() {
            ours.insert(m["code"].as_str().unwrap().to_string(), v);
        }
    }
    assert_eq!(ours, theirs);
}
