//! The funder report (`report funder`), built through the library on real ledgers (the demo,
//! and a small one made here through the binary): its totals are `grant list`'s and the
//! journal's, its lines add up, a variance past the threshold is explained or flagged, the
//! explanations are chain entries both verifiers replay, and it renders in every language.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use amana::app::Ledger;
use amana::domain::{GrantId, LineId};
use amana::report::funder::FunderReport;
use amana::report::i18n::Lang;
use amana::report::output::{Format, Head, HeadSeal, json, render};
use amana::report::templates::Templates;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::common::{Fixture, demo, ok, ok_json, python_verify_json};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str_exact(v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))).unwrap()
}

fn report(ledger: &Path, grant: &str, from: Option<&str>, to: Option<&str>) -> FunderReport {
    Ledger::open_read_only(ledger)
        .unwrap()
        .funder_report(grant, from.map(day), to.map(day), day("2026-11-30"))
        .unwrap()
}

fn head() -> Head {
    Head {
        association: "جمعية خطوة / Association Khotwa".into(),
        ledger_currency: "MAD".into(),
        generated: chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc),
        generated_local: "2026-11-30 11:00 (Africa/Casablanca)".into(),
        entries: 1170,
        head: "ab".repeat(32),
        verified: true,
        problems: 0,
        checked: true,
        seal: Some(HeadSeal {
            seq: 1100,
            fingerprint: "4BP7-NE7D-FS8B-77AN".into(),
            covered: 1099,
            period_end: None,
            signed_by: vec!["Fatima Zahra".into()],
        }),
    }
}

fn model(r: &FunderReport) -> Value {
    json(r, &head())
}

fn rendered(r: &FunderReport, format: Format, lang: Lang) -> String {
    let bytes = render(r, &head(), format, lang, &Templates::embedded())
        .unwrap_or_else(|e| panic!("{format:?} {lang}: {e}"));
    String::from_utf8(bytes).unwrap()
}

/// Each grant's (received, spent) from the journal and the balance's account types: the
/// postings charged to it of the transactions and reversals (not the year-end entries, nor
/// depreciations, which `log` names).
fn from_journal(ledger: &Path) -> HashMap<String, (Decimal, Decimal)> {
    let types: HashMap<String, String> = ok_json(ledger, &["balance"])["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["code"].as_str().unwrap().to_string(),
                a["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let log = ok_json(ledger, &["log"]);
    let generated: HashSet<i64> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            [
                "year-closing",
                "dedicated-funds",
                "allocation",
                "depreciation",
                "closing",
            ]
            .contains(&e["kind"].as_str().unwrap())
        })
        .map(|e| e["content"]["id"].as_i64().unwrap())
        .collect();
    let mut out: HashMap<String, (Decimal, Decimal)> = HashMap::new();
    for t in ok_json(ledger, &["journal"])["transactions"]
        .as_array()
        .unwrap()
    {
        if generated.contains(&t["id"].as_i64().unwrap()) {
            continue;
        }
        for p in t["postings"].as_array().unwrap() {
            let Some(grant) = p["grant"].as_str() else {
                continue;
            };
            let kind = types[p["account"].as_str().unwrap()].as_str();
            let amount = dec(&p["amount"]);
            let e = out.entry(grant.to_string()).or_default();
            if kind == "income" {
                e.0 -= amount;
            }
            if kind == "expense" || !p["line"].is_null() {
                e.1 += amount;
            }
        }
    }
    out
}

fn sum(items: &[Value], key: &str) -> Decimal {
    items.iter().map(|i| dec(&i[key])).sum()
}

#[test]
fn on_the_demo_every_total_is_grant_lists_and_the_journals() {
    let (_dir, ledger) = demo();
    let listing = ok_json(&ledger, &["grant", "list"]);
    let journal = from_journal(&ledger);
    let grants = listing["grants"].as_array().unwrap();
    assert!(grants.len() >= 4);
    for g in grants {
        let id = g["id"].as_str().unwrap();
        let r = model(&report(&ledger, id, None, None));
        assert_eq!(r["report"], "funder");
        assert_eq!(r["received"], g["received"], "{id}");
        assert_eq!(r["spent"], g["spent"], "{id}");
        let (received, spent) = journal[id];
        assert_eq!(
            dec(&r["received"]),
            received,
            "{id}: the journal's received"
        );
        assert_eq!(dec(&r["spent"]), spent, "{id}: the journal's spent");
        // Each line is grant list's line; the lines, the expenses and the instalments add up.
        let lines = r["lines"].as_array().unwrap();
        for (ours, theirs) in lines.iter().zip(g["lines"].as_array().unwrap()) {
            assert_eq!(ours["line"], theirs["line"], "{id}");
            assert_eq!(ours["budget"], theirs["budget"], "{id}");
            assert_eq!(ours["spent"], theirs["spent"], "{id}");
            let variance = dec(&ours["budget"]) - dec(&ours["spent"]);
            assert_eq!(dec(&ours["variance"]), variance, "{id}");
        }
        assert_eq!(sum(lines, "spent"), dec(&r["spent"]), "{id}: lines");
        assert_eq!(
            sum(r["expenses"].as_array().unwrap(), "amount"),
            dec(&r["spent"]),
            "{id}: expenses"
        );
        assert_eq!(
            sum(r["instalments"].as_array().unwrap(), "amount"),
            dec(&r["received"]),
            "{id}: instalments"
        );
        assert_eq!(
            dec(&r["unspent"]["amount"]),
            dec(&r["received"]) - dec(&r["spent"])
        );
    }
    // The same report through --to: what was recorded through the end of 2025.
    let r = model(&report(&ledger, "INDH-2025", None, Some("2025-12-31")));
    let through_2025 = ok_json(&ledger, &["journal", "--to", "2025-12-31"]);
    assert!(through_2025["transactions"].as_array().unwrap().len() > 10);
    assert!(
        dec(&r["spent"]) < dec(&grants.iter().find(|g| g["id"] == "INDH-2025").unwrap()["spent"])
    );
    assert_eq!(
        sum(r["lines"].as_array().unwrap(), "spent"),
        dec(&r["spent"])
    );
    // The carry of 2025 is in the dedicated funds the year end holds for the grant.
    let held = dec(&r["unspent"]["dedicated_funds"]);
    assert!(held > Decimal::ZERO, "{:#}", r["unspent"]);
    assert_eq!(r["unspent"]["outcome"], "to-spend");
}

#[test]
fn a_grant_in_euros_shows_both_currencies_and_its_rate_method() {
    let (_dir, ledger) = demo();
    let listing = ok_json(&ledger, &["grant", "list"]);
    let g = listing["grants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "EU-2025")
        .unwrap()
        .clone();
    let eu = report(&ledger, "EU-2025", None, None);
    let r = model(&eu);
    assert_eq!(r["agreement"]["currency"], "EUR");
    assert_eq!(r["agreement"]["rate_method"], g["rate_method"]);
    assert_eq!(r["received_grant_currency"], g["received_original"]);
    assert_eq!(r["spent_grant_currency"], g["spent_original"]);
    for (ours, theirs) in r["lines"]
        .as_array()
        .unwrap()
        .iter()
        .zip(g["lines"].as_array().unwrap())
    {
        assert_eq!(ours["budget_grant_currency"], theirs["budget_original"]);
        assert_eq!(ours["spent_grant_currency"], theirs["spent_original"]);
    }
    let instalment = &r["instalments"][0];
    assert_eq!(instalment["original_currency"], "EUR");
    assert!(instalment["rate"].is_string(), "{instalment:#}");
    let text = rendered(&eu, Format::Text, Lang::En);
    assert!(text.contains("In EUR") && text.contains("In MAD"), "{text}");
    assert!(text.contains("Amounts in EUR."), "{text}");
    let fr = rendered(&eu, Format::Text, Lang::Fr);
    assert!(
        fr.contains("436\u{a0}806,00\u{a0}MAD (40\u{a0}500,00\u{a0}EUR)"),
        "{fr}"
    );
}

#[test]
fn it_renders_in_every_language_and_format() {
    let (_dir, ledger) = demo();
    let eu = report(&ledger, "EU-2025", Some("2026-01-01"), Some("2026-06-30"));
    let v = model(&eu);
    assert!(v["lines"][0]["period_spent"].is_string());
    assert!(v["period_spent"].is_string());
    let period_lines: Decimal = sum(v["lines"].as_array().unwrap(), "period_spent");
    assert_eq!(period_lines, dec(&v["period_spent"]));
    assert_eq!(
        sum(v["expenses"].as_array().unwrap(), "amount"),
        dec(&v["period_spent"])
    );
    for lang in Lang::ALL {
        let text = rendered(&eu, Format::Text, lang);
        assert!(text.contains("EU-2025"), "{lang}: {text}");
        let csv = rendered(&eu, Format::Csv, lang);
        assert!(csv.contains("# budget: lines"), "{lang}: {csv}");
        let json: Value = serde_json::from_str(&rendered(&eu, Format::Json, lang)).unwrap();
        assert_eq!(json["spent"], v["spent"]);
        let html = rendered(&eu, Format::Html, lang);
        assert!(html.contains("<svg"), "{lang}: the chart and the QR code");
        for fetch in ["src=\"http", "href=\"http", "url(http", "@import"] {
            assert!(!html.contains(fetch), "{lang}: loads {fetch}");
        }
        if lang == Lang::Ar {
            assert!(html.contains(r#"dir="rtl""#));
            assert!(html.contains("الميزانية التقديرية مقابل المنجز"));
        } else {
            assert!(html.contains(r#"dir="ltr""#));
        }
    }
    let fr = rendered(&eu, Format::Text, Lang::Fr);
    assert!(fr.contains("Budget prévisionnel et réalisé"), "{fr}");
    assert!(fr.contains("du 01/01/2026 au 30/06/2026"), "{fr}");
    let pdf = render(&eu, &head(), Format::Pdf, Lang::Ar, &Templates::embedded()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

/// The fixture's CMM-2026 (training 45,000 with 4,500 spent, rent 24,000 with nothing), with
/// an expense charged to rent and a receipt kept for it.
fn small() -> Fixture {
    let fx = Fixture::new();
    let invoice = fx.file("loyer-fevrier.pdf", b"%PDF-1.4 loyer fevrier");
    ok(
        fx.path(),
        &[
            "record",
            "--date",
            "2026-02-28",
            "--desc",
            "Loyer de février",
            "--ref",
            "LOY-02",
            "--post",
            "6131 23500.00 grant=CMM-2026 line=rent",
            "--post",
            "5141",
            "--receipt",
            invoice.to_str().unwrap(),
        ],
    );
    fx
}

fn explain(ledger: &Path, line: &str, text: &str, through: Option<&str>) -> Result<(), String> {
    let mut l = Ledger::open(ledger, "Fatima Zahra (trésorière)").unwrap();
    l.explain_variance(
        &GrantId::parse("CMM-2026").unwrap(),
        &LineId::parse(line).unwrap(),
        text,
        through.map(day),
        day("2026-11-30"),
    )
    .map(|_| ())
    .map_err(|e| e.to_string())
}

#[test]
fn a_variance_past_the_threshold_is_explained_or_flagged() {
    let fx = small();
    let before = model(&report(fx.path(), "CMM-2026", None, None));
    let line = |v: &Value, id: &str| {
        v["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["line"] == id)
            .unwrap()
            .clone()
    };
    // training: 40,500 not spent of 45,000 (90%): past 10% and 1,000. rent: 500 of 24,000,
    // under both.
    let training = line(&before, "training");
    assert_eq!(training["variance"], "40500.00");
    assert_eq!(training["percent"], "10.00");
    assert_eq!(training["variance_percent"], "90.00");
    assert_eq!(training["over_threshold"], true);
    assert_eq!(training["explanation_missing"], true);
    let rent = line(&before, "rent");
    assert_eq!(rent["over_threshold"], false);
    assert_eq!(rent["percent"], "97.92");
    assert_eq!(before["missing_explanations"], 1);
    let text = rendered(
        &report(fx.path(), "CMM-2026", None, None),
        Format::Text,
        Lang::En,
    );
    assert!(text.contains("Explanation missing"), "{text}");
    // The receipt's fingerprint is beside the expense.
    let expense = &before["expenses"].as_array().unwrap()[1];
    assert_eq!(expense["reference"], "LOY-02");
    assert_eq!(expense["receipts"].as_array().unwrap().len(), 1);
    assert_eq!(expense["receipts"][0].as_str().unwrap().len(), 64);

    // The rules refuse a line the grant does not have, and a blank or overlong text; the
    // ledger is unchanged.
    let log_before = ok(fx.path(), &["log", "--format", "json"]);
    let err = explain(fx.path(), "equipment", "x", None).unwrap_err();
    assert!(err.contains("no budget line equipment"), "{err}");
    assert!(explain(fx.path(), "training", "   ", None).is_err());
    let long = "é".repeat(2001);
    let err = explain(fx.path(), "training", &long, None).unwrap_err();
    assert!(err.contains("2001 characters"), "{err}");
    assert_eq!(ok(fx.path(), &["log", "--format", "json"]), log_before);

    // Explained through June: printed beside the line, no longer missing; a report that ends
    // before the figures it explains does not print it.
    let why = "Formation reportée au second semestre (formatrice indisponible) ; session de rattrapage en octobre.";
    explain(fx.path(), "training", why, Some("2026-06-30")).unwrap();
    let after = model(&report(fx.path(), "CMM-2026", None, None));
    let training = line(&after, "training");
    assert_eq!(training["explanation"]["text"], why);
    assert_eq!(training["explanation"]["through"], "2026-06-30");
    assert_eq!(training["explanation_missing"], false);
    assert_eq!(after["missing_explanations"], 0);
    let march = model(&report(fx.path(), "CMM-2026", None, Some("2026-03-31")));
    assert!(line(&march, "training")["explanation"].is_null());
    assert_eq!(line(&march, "training")["explanation_missing"], true);
    for lang in Lang::ALL {
        let text = rendered(
            &report(fx.path(), "CMM-2026", None, None),
            Format::Text,
            lang,
        );
        assert!(text.contains(why), "{lang}: {text}");
    }
    // A later note of the same line replaces it in the report; the log shows both.
    explain(fx.path(), "training", "Rattrapage fait en octobre.", None).unwrap();
    let latest = model(&report(fx.path(), "CMM-2026", None, None));
    assert_eq!(
        line(&latest, "training")["explanation"]["text"],
        "Rattrapage fait en octobre."
    );
    // Without --through, the grant's last day, or today when it is later (2026-11-30).
    assert_eq!(
        line(&latest, "training")["explanation"]["through"],
        "2026-11-30"
    );
    let log = ok_json(fx.path(), &["log", "--kind", "variance-note"]);
    let notes = log["entries"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0]["content"]["line"], "training");
    assert_eq!(notes[0]["actor"], "Fatima Zahra (trésorière)");

    // Both verifiers replay the notes and compare their table.
    let verify = ok_json(fx.path(), &["verify"]);
    assert_eq!(verify["ok"], true, "{verify:#}");
    let (code, theirs) = python_verify_json(&[fx.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{theirs:#}");
    assert_eq!(theirs["ok"], true, "{theirs:#}");
}

#[test]
fn a_tampered_note_is_caught_by_both_verifiers() {
    let fx = small();
    explain(
        fx.path(),
        "training",
        "Formation reportée.",
        Some("2026-06-30"),
    )
    .unwrap();
    let conn = crate::common::tamper_conn(fx.path());
    conn.execute_batch("UPDATE variance_notes SET text = 'Tout a été dépensé comme prévu.';")
        .unwrap();
    drop(conn);
    let verify = crate::common::verify_json(fx.path(), &[]).1;
    assert_eq!(verify["ok"], false, "{verify:#}");
    let (code, theirs) = python_verify_json(&[fx.path().to_str().unwrap()]);
    assert_ne!(code, Some(0));
    assert_eq!(theirs["ok"], false, "{theirs:#}");
}

#[test]
fn the_grant_and_the_period_are_checked_first() {
    let fx = small();
    let l = Ledger::open_read_only(fx.path()).unwrap();
    let err = l
        .funder_report("NOPE", None, None, day("2026-11-30"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("CMM-2026"), "{err}");
    let err = l
        .funder_report(
            "CMM-2026",
            Some(day("2026-06-30")),
            Some(day("2026-01-01")),
            day("2026-11-30"),
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("ends before it starts"), "{err}");
}
