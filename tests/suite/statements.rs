//! The Moroccan statements (Bilan, CPC, ETIC) through the library, on ledgers the real binary
//! made: the demo (ma-associations, 2025 closed, 2026 open) and a generic-chart ledger. Every
//! total is checked against `balance`, `grant list` and `in-kind list` JSON of the same ledger.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use amana::app::Ledger;
use amana::app::report_statements::{StatementsError, StatementsOptions, statements_report};
use amana::report::i18n::Lang;
use amana::report::output::{Format, Head, render};
use amana::report::statements::StatementsReport;
use amana::report::templates::Templates;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::common::{demo, ok_json};

/// The demo ledger, built once for this module's tests (they only read it).
fn demo_ledger() -> &'static Path {
    static DEMO: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
    &DEMO.get_or_init(demo).1
}

fn report(ledger: &Path, year: i32) -> StatementsReport {
    let l = Ledger::open_read_only(ledger).unwrap();
    statements_report(&l, StatementsOptions { year }).unwrap()
}

fn json(ledger: &Path, year: i32) -> Value {
    serde_json::to_value(report(ledger, year)).unwrap()
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str_exact(v.as_str().unwrap_or_else(|| panic!("not a string: {v}")))
        .unwrap_or_else(|e| panic!("{v}: {e}"))
}

/// Every rubric of the Bilan, the CPC and the ETIC's memorandum, as (where, rubric).
fn rubrics(j: &Value) -> Vec<(String, &Value)> {
    let mut out = vec![];
    for side in ["actif", "passif"] {
        for g in j["bilan"][side].as_array().unwrap() {
            for r in g["rubrics"].as_array().unwrap() {
                out.push((format!("bilan.{side}"), r));
            }
        }
    }
    for part in [
        "produits_exploitation",
        "charges_exploitation",
        "produits_financiers",
        "charges_financieres",
        "produits_non_courants",
        "charges_non_courantes",
        "impots",
    ] {
        for r in j["cpc"][part]["rubrics"].as_array().unwrap() {
            out.push(("cpc".into(), r));
        }
    }
    out.push(("etic".into(), &j["etic"]["memorandum"]));
    out
}

/// `balance` JSON of the ledger, as (code -> balance), with its memorandum accounts.
fn balances(ledger: &Path, args: &[&str]) -> BTreeMap<String, Decimal> {
    let mut all = vec!["balance"];
    all.extend(args);
    let b = ok_json(ledger, &all);
    let mut out = BTreeMap::new();
    for key in ["accounts", "memorandum"] {
        for a in b[key].as_array().into_iter().flatten() {
            out.insert(a["code"].as_str().unwrap().to_string(), dec(&a["balance"]));
        }
    }
    out
}

fn sum_where(b: &BTreeMap<String, Decimal>, keep: impl Fn(&str) -> bool) -> Decimal {
    b.iter().filter(|(c, _)| keep(c)).map(|(_, v)| *v).sum()
}

#[test]
fn the_bilan_balances_and_its_result_is_the_cpc_s_and_balance_s() {
    let l = demo_ledger();
    for (year, from, to) in [
        (2025, "2025-01-01", "2025-12-31"),
        (2026, "2026-01-01", "2026-12-31"),
    ] {
        let j = json(l, year);
        let bilan = &j["bilan"];
        assert_eq!(bilan["balanced"], true, "{year}");
        assert_eq!(
            bilan["total_actif"]["n"], bilan["total_passif"]["n"],
            "{year}"
        );
        assert_eq!(
            bilan["total_actif"]["n_1"], bilan["total_passif"]["n_1"],
            "{year}"
        );
        // The year's result from `balance`: income less expense, closing entries left out.
        let moves = balances(l, &["--from", from, "--as-of", to, "--before-closing"]);
        let result = -sum_where(&moves, |c| c.starts_with('6') || c.starts_with('7'));
        assert_eq!(dec(&j["cpc"]["resultat_net"]["n"]), result, "{year}");
        assert_eq!(dec(&bilan["result"]["n"]), result, "{year}");
        let income = -sum_where(&moves, |c| c.starts_with('7'));
        let expense = sum_where(&moves, |c| c.starts_with('6'));
        assert_eq!(dec(&j["cpc"]["total_produits"]["n"]), income);
        assert_eq!(dec(&j["cpc"]["total_charges"]["n"]), expense);
        // The Bilan's cash is the ledger's class 5 at the year's end.
        let end = balances(l, &["--as-of", to]);
        let cash = sum_where(&end, |c| c.starts_with('5') && !c.starts_with("55"));
        let tresorerie = bilan["actif"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["code"] == "tresorerie-actif")
            .unwrap();
        assert_eq!(dec(&tresorerie["n"]), cash, "{year}");
        // Dedicated funds are 1561's balance, and the ETIC's grants hold the same.
        let fonds = rubrics(&j)
            .into_iter()
            .find(|(_, r)| r["code"] == "FP-K")
            .unwrap()
            .1;
        assert_eq!(dec(&fonds["n"]), -sum_where(&end, |c| c.starts_with("156")));
        assert_eq!(
            dec(&fonds["n"]),
            dec(&j["etic"]["grants_dedicated"]),
            "{year}"
        );
    }
    // The demo's 2025 ended in a deficit the closing moved to 1199; 2026 reads it as brought
    // forward once allocated.
    let j = json(l, 2025);
    assert!(dec(&j["cpc"]["resultat_net"]["n"]) < Decimal::ZERO);
    assert!(
        dec(&j["cpc"]["charges_non_courantes"]["n"]) > Decimal::ZERO,
        "6593 carried"
    );
}

#[test]
fn every_account_with_a_balance_is_in_exactly_one_rubric() {
    let l = demo_ledger();
    for (year, to) in [(2025, "2025-12-31"), (2026, "2026-12-31")] {
        let j = json(l, year);
        assert_eq!(j["unmapped"], serde_json::json!([]));
        let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (place, r) in rubrics(&j) {
            for a in r["accounts"].as_array().unwrap() {
                seen.entry(a["code"].as_str().unwrap().into())
                    .or_default()
                    .push(format!("{place} {}", r["code"]));
            }
        }
        for (code, places) in &seen {
            assert_eq!(places.len(), 1, "{year}: {code} is in {places:?}");
        }
        // Every account with a balance at the end of the year before, or a movement in the
        // year (its closing left out), is in a rubric.
        let before = format!("{}-12-31", year - 1);
        let from = format!("{year}-01-01");
        let mut expected = balances(l, &["--as-of", &before]);
        expected.extend(balances(
            l,
            &["--from", &from, "--as-of", to, "--before-closing"],
        ));
        expected.retain(|_, v| !v.is_zero());
        assert!(!expected.is_empty());
        for code in expected.keys() {
            assert!(seen.contains_key(code), "{year}: {code} is in no rubric");
        }
        // The rubrics' accounts add up to the rubric.
        for (_, r) in rubrics(&j) {
            if r["code"] == "FP-F" || r["code"] == "FP-F2" || r["code"] == "M-0" {
                continue;
            }
            let sum = |key: &str, role: Option<&str>| -> Decimal {
                r["accounts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|a| role.is_none_or(|x| a["role"] == x))
                    .map(|a| dec(&a[key]))
                    .sum()
            };
            if r.get("gross").is_some() {
                assert_eq!(dec(&r["gross"]), sum("n", Some("gross")), "{}", r["code"]);
                assert_eq!(
                    dec(&r["depreciation"]),
                    sum("n", Some("depreciation")),
                    "{}",
                    r["code"]
                );
                assert_eq!(dec(&r["n"]), dec(&r["gross"]) - dec(&r["depreciation"]));
                assert_eq!(r["net"], r["n"]);
            } else {
                assert_eq!(dec(&r["n"]), sum("n", None), "{}", r["code"]);
                assert_eq!(dec(&r["n_1"]), sum("n_1", None), "{}", r["code"]);
            }
        }
    }
}

#[test]
fn the_previous_year_column_is_the_previous_year_s_statements() {
    let l = demo_ledger();
    let (now, before) = (json(l, 2026), json(l, 2025));
    let (now_rubrics, before_rubrics) = (rubrics(&now), rubrics(&before));
    for ((_, a), (_, b)) in now_rubrics.iter().zip(&before_rubrics) {
        assert_eq!(a["code"], b["code"]);
        assert_eq!(a["n_1"], b["n"], "{}", a["code"]);
    }
    assert_eq!(
        now["bilan"]["total_actif"]["n_1"],
        before["bilan"]["total_actif"]["n"]
    );
    assert_eq!(
        now["cpc"]["resultat_net"]["n_1"],
        before["cpc"]["resultat_net"]["n"]
    );
    // 2025 is closed: its statements read the same as before its closing, whose entry they
    // leave out (the CPC still lists the year's income and expense).
    assert_ne!(before["cpc"]["total_produits"]["n"], "0.00");
}

#[test]
fn the_notes_carry_fixed_assets_grants_commitments_and_contributions_in_kind() {
    let l = demo_ledger();
    let j = json(l, 2026);
    let etic = &j["etic"];
    // Fixed assets: the register's gross values are the Bilan's tangible assets.
    let assets: Decimal = etic["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| dec(&a["gross"]))
        .sum();
    let corporelles = rubrics(&j)
        .into_iter()
        .find(|(_, r)| r["code"] == "AI-C")
        .unwrap()
        .1;
    assert_eq!(assets, dec(&corporelles["gross"]));
    let depreciated: Decimal = etic["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| dec(&a["depreciation_end"]))
        .sum();
    assert_eq!(depreciated, dec(&corporelles["depreciation"]));
    for m in etic["fixed_assets"].as_array().unwrap() {
        assert_eq!(
            dec(&m["gross_start"]) + dec(&m["increase"]) - dec(&m["decrease"]),
            dec(&m["gross_end"])
        );
        assert_eq!(
            dec(&m["depreciation_start"]) + dec(&m["depreciation_charged"])
                - dec(&m["depreciation_released"]),
            dec(&m["depreciation_end"])
        );
    }
    // Grants: what `grant list` gives, restricted to the year, adds up to the same money.
    let grants = ok_json(l, &["grant", "list"]);
    let all_received: Decimal = grants["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| dec(&g["received"]))
        .sum();
    let both_years: Decimal = [2025, 2026]
        .into_iter()
        .map(|y| dec(&json(l, y)["etic"]["grants_received"]))
        .sum();
    assert_eq!(
        both_years, all_received,
        "the demo's grants all start in 2025 or 2026"
    );
    let all_spent: Decimal = grants["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| dec(&g["spent"]))
        .sum();
    let spent: Decimal = [2025, 2026]
        .into_iter()
        .map(|y| dec(&json(l, y)["etic"]["grants_spent"]))
        .sum();
    assert_eq!(spent, all_spent);
    assert!(!etic["funders"].as_array().unwrap().is_empty());
    // In kind: `in-kind list` of the year.
    let in_kind = ok_json(l, &["in-kind", "list", "--year", "2026"]);
    assert_eq!(etic["in_kind_total"], in_kind["total"]);
    assert!(dec(&etic["in_kind_total"]) > Decimal::ZERO);
    for c in etic["commitments"].as_array().unwrap() {
        assert!(dec(&c["remaining"]) > Decimal::ZERO);
        assert_eq!(
            dec(&c["amount"]) - dec(&c["received"]),
            dec(&c["remaining"])
        );
    }
}

fn head(ledger: &Path) -> Head {
    let l = Ledger::open_read_only(ledger).unwrap();
    let info = l.info().unwrap();
    let v = amana::verify::verify(l.store()).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2027-01-15T10:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    Head::new(
        &info.name,
        &info.currency.code,
        &v,
        now,
        "2027-01-15 11:00".into(),
    )
}

fn rendered(r: &StatementsReport, head: &Head, format: Format, lang: Lang) -> String {
    let bytes = render(r, head, format, lang, &Templates::embedded())
        .unwrap_or_else(|e| panic!("{format:?} {lang}: {e}"));
    String::from_utf8(bytes).unwrap()
}

#[test]
fn the_statements_render_in_every_language_and_format() {
    let l = demo_ledger();
    let r = report(l, 2025);
    let head = head(l);
    let deficit = r.cpc.resultat_net.n.trim_start_matches('-').to_string();
    for lang in Lang::ALL {
        let text = rendered(&r, &head, Format::Text, lang);
        let html = rendered(&r, &head, Format::Html, lang);
        let csv = rendered(&r, &head, Format::Csv, lang);
        let json: Value = serde_json::from_str(&rendered(&r, &head, Format::Json, lang)).unwrap();
        assert_eq!(json["report"], "statements");
        assert_eq!(
            json["cpc"]["resultat_net"]["n"],
            r.cpc.resultat_net.n.as_str()
        );
        assert!(
            csv.contains(&r.cpc.resultat_net.n),
            "{lang}: CSV has plain amounts"
        );
        for needle in match lang {
            Lang::Fr => ["Bilan : actif", "Résultat net (XI - XII)", "Fonds dédiés"],
            Lang::Ar => ["الحصيلة: الأصول", "النتيجة الصافية", "الأموال المخصصة"],
            Lang::En => [
                "Balance sheet: assets",
                "Net result (XI - XII)",
                "Dedicated funds",
            ],
        } {
            assert!(text.contains(needle), "{lang}: text lacks {needle}");
            assert!(html.contains(needle), "{lang}: HTML lacks {needle}");
        }
        let grouped = amana::report::i18n::Fmt::new(lang).amount(&deficit);
        assert!(text.contains(&grouped), "{lang}: {grouped}");
        if lang == Lang::Ar {
            assert!(html.contains(r#"dir="rtl""#));
        }
        for fetch in ["src=\"http", "href=\"http", "url(http", "@import"] {
            assert!(!html.contains(fetch), "{lang}: loads {fetch}");
        }
    }
    let pdf = render(&r, &head, Format::Pdf, Lang::Fr, &Templates::embedded()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // Its text can be read back (poppler-utils' pdftotext, where it is installed).
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("statements.pdf");
    std::fs::write(&file, &pdf).unwrap();
    if let Ok(out) = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
    {
        // pdftotext gives the no-break space between thousands as a space.
        let text = String::from_utf8_lossy(&out.stdout).replace('\u{a0}', " ");
        let result = amana::report::i18n::Fmt::new(Lang::Fr)
            .amount(&r.cpc.resultat_net.n)
            .replace('\u{a0}', " ");
        for needle in ["Association Khotwa", "Fonds dédiés", result.as_str()] {
            assert!(
                text.contains(needle),
                "the PDF's text lacks {needle}:\n{text}"
            );
        }
    }
}

#[test]
fn a_ledger_on_another_chart_or_a_year_out_of_range_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("generic.db");
    crate::common::ok(
        &ledger,
        &[
            "init",
            "--name",
            "Generic",
            "--currency",
            "EUR",
            "--chart",
            "generic",
        ],
    );
    let l = Ledger::open_read_only(&ledger).unwrap();
    let err = statements_report(&l, StatementsOptions { year: 2025 }).unwrap_err();
    assert!(
        matches!(&err, StatementsError::WrongChart { chart } if chart == "generic"),
        "{err}"
    );
    assert!(err.is_refusal());
    assert!(err.to_string().contains("ma-associations"), "{err}");
    let l = Ledger::open_read_only(demo_ledger()).unwrap();
    let err = statements_report(&l, StatementsOptions { year: 1 }).unwrap_err();
    assert!(
        matches!(err, StatementsError::NoSuchYear { year: 1 }),
        "{err}"
    );
}

/// Records a transaction dated `date` with `postings` ("ACCOUNT AMOUNT [grant=ID]").
fn record(ledger: &Path, date: &str, desc: &str, postings: &[&str]) {
    let mut args = vec!["record", "--date", date, "--desc", desc];
    for p in postings {
        args.extend(["--post", p]);
    }
    crate::common::ok(ledger, &args);
}

#[test]
fn a_year_reads_the_same_after_its_closing() {
    let fx = crate::common::Fixture::new();
    let l = fx.ledger.as_path();
    crate::common::ok(
        l,
        &[
            "grant",
            "add",
            "CMM-2025",
            "--funder",
            "CMM",
            "--amount",
            "30000",
            "--start",
            "2025-01-01",
            "--end",
            "2025-12-31",
            "--unrestricted",
        ],
    );
    record(
        l,
        "2025-01-02",
        "Apport initial",
        &["5141 10000", "1113 -10000"],
    );
    record(
        l,
        "2025-02-10",
        "Subvention CMM",
        &["5141 30000", "7161 -30000 grant=CMM-2025"],
    );
    record(
        l,
        "2025-03-05",
        "Formation",
        &["6126 12000 grant=CMM-2025", "5141 -12000"],
    );
    record(l, "2025-06-30", "Intérêts", &["5141 150", "7381 -150"]);
    record(l, "2025-12-20", "Frais bancaires", &["6147 90", "4411 -90"]);
    let open = json(l, 2025);
    crate::common::ok(l, &["close", "--year", "2025"]);
    let journal = ok_json(l, &["journal"]);
    assert!(
        journal.to_string().contains("\"kind\":\"closing\""),
        "the year was closed: {journal}"
    );
    let closed = json(l, 2025);
    for key in ["bilan", "cpc", "etic"] {
        assert_eq!(open[key], closed[key], "{key} changed with the closing");
    }
    assert_eq!(closed["cpc"]["resultat_net"]["n"], "18060.00");
    assert_eq!(closed["cpc"]["resultat_financier"]["n"], "150.00");
    assert_eq!(closed["bilan"]["total_actif"]["n"], "28150.00");
    // The next year starts from the closed one: its N-1 column is 2025's N, and the Bilan
    // balances with the result moved to net assets by the closing.
    let next = json(l, 2026);
    assert_eq!(
        next["bilan"]["total_actif"]["n_1"],
        closed["bilan"]["total_actif"]["n"]
    );
    assert_eq!(next["cpc"]["resultat_net"]["n_1"], "18060.00");
    assert_eq!(next["bilan"]["balanced"], true);
}
