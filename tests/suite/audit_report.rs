//! The auditor's report (`report audit`), built through the library on real ledgers (the demo,
//! a fixture, tampered copies) and rendered in every format and language: its statement says
//! whether the ledger verifies, its figures are `verify`'s and the journal's.

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use amana::app::Ledger;
use amana::app::report_audit::{AuditOptions, AuditReport, audit_report};
use amana::domain::Minor;
use amana::report::i18n::Lang;
use amana::report::output::{Format, Head, Report, render};
use amana::report::templates::Templates;
use amana::verify::VerifyReport;
use chrono::{DateTime, Utc};
use serde_json::Value;
use tempfile::TempDir;

use common::{Fixture, ok, ok_json};

/// The demo ledger, built once for the tests of this file and of `receipt_print`.
pub fn demo() -> &'static Path {
    static DEMO: OnceLock<(TempDir, PathBuf)> = OnceLock::new();
    &DEMO.get_or_init(common::demo).1
}

/// The report clock of these tests (what `AMANA_NOW` fixes for the command line).
pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-01T10:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// The head of a report on `ledger`, as the framework makes it from `verify`.
pub fn head(ledger: &Ledger, verify: &VerifyReport) -> Head {
    let info = ledger.info().unwrap();
    Head::new(
        &info.name,
        &info.currency.code,
        verify,
        now(),
        "2026-12-01 11:00 (Africa/Casablanca)".into(),
    )
}

/// `report` rendered in `format` and `lang`, as text.
pub fn rendered(report: &impl Report, head: &Head, format: Format, lang: Lang) -> String {
    let bytes = render(report, head, format, lang, &Templates::embedded())
        .unwrap_or_else(|e| panic!("{format:?} {lang}: {e}"));
    String::from_utf8(bytes).unwrap()
}

fn audit(path: &Path, options: &AuditOptions) -> (AuditReport, Head) {
    let ledger = Ledger::open_read_only(path).unwrap();
    let report = audit_report(&ledger, options, now()).unwrap();
    let head = head(&ledger, &report.verify);
    (report, head)
}

fn json(report: &AuditReport, head: &Head) -> Value {
    serde_json::from_str(&rendered(report, head, Format::Json, Lang::En)).unwrap()
}

#[test]
fn the_demo_ledger_verifies_and_the_report_says_so_in_every_language() {
    let path = demo();
    let (report, head) = audit(path, &AuditOptions::default());
    let verify = ok_json(path, &["verify"]);
    assert!(report.verified && head.verified);
    assert_eq!(report.entries, verify["entries"].as_i64().unwrap());
    assert_eq!(report.chain_head, verify["head"].as_str().unwrap());
    assert_eq!(
        report.transactions,
        verify["transactions"].as_i64().unwrap()
    );
    assert_eq!(
        report.seals.len(),
        verify["seals"].as_array().unwrap().len()
    );
    assert_eq!(
        report.unanchored,
        verify["unanchored"].as_i64().unwrap(),
        "entries not vouched for are verify's"
    );
    assert!(
        !report.officers.is_empty(),
        "the demo registers two officers"
    );
    assert!(report.officers.iter().any(|o| o.signatures > 0));
    assert_eq!(
        report.receipts.documents, 1,
        "the demo attaches one invoice"
    );
    assert!(report.receipts.missing.is_empty());

    let data = json(&report, &head);
    assert_eq!(data["report"], "audit");
    assert_eq!(data["head"]["verified"], true);
    assert_eq!(data["verified"], true);
    for key in [
        "problems",
        "warnings",
        "seals",
        "officers",
        "anchors",
        "receipts",
        "unvouched",
        "reversals",
        "decisions",
    ] {
        assert!(data.get(key).is_some(), "JSON lacks {key}");
    }
    assert!(
        data.get("verify").is_none(),
        "the verification is the head's"
    );

    let text = rendered(&report, &head, Format::Text, Lang::En);
    assert!(
        text.contains("verifies as of 2026-12-01") && text.contains(&report.chain_head),
        "{text}"
    );
    assert!(text.contains("Seals and their signers") && text.contains("Reversals"));
    let fr = rendered(&report, &head, Format::Text, Lang::Fr);
    assert!(fr.contains("se vérifie au 01/12/2026"), "{fr}");
    let csv = rendered(&report, &head, Format::Csv, Lang::Fr);
    assert!(csv.contains("# seals: seals") && csv.contains("# reversals: reversals"));
    for lang in Lang::ALL {
        let html = rendered(&report, &head, Format::Html, lang);
        assert!(html.contains(&format!(r#"dir="{}""#, lang.dir())));
        assert!(!html.contains("class=\"alert\""), "{lang}: no alert");
        assert!(!html.contains(">audit-"), "{lang}: a message id shows");
        for fetch in ["src=\"http", "href=\"http", "url(http"] {
            assert!(!html.contains(fetch), "{lang} loads {fetch}");
        }
    }
    let ar = rendered(&report, &head, Format::Html, Lang::Ar);
    assert!(ar.contains("يجتاز التحقق") && ar.contains("الأختام والموقّعون عليها"));

    // Kept under target/ for a person to look at; the PDF once (typst is slow in debug).
    let keep = Path::new(env!("CARGO_TARGET_TMPDIR"));
    for lang in Lang::ALL {
        let html = rendered(&report, &head, Format::Html, lang);
        let _ = std::fs::write(keep.join(format!("audit-{lang}.html")), html);
    }
    let pdf = render(
        &report,
        &head,
        Format::Pdf,
        Lang::Fr,
        &Templates::embedded(),
    )
    .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let file = keep.join("audit-fr.pdf");
    std::fs::write(&file, &pdf).unwrap();
    if let Ok(out) = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        && out.status.success()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Association Khotwa"), "{text}");
        assert!(text.contains("Rapport de contrôle des comptes"), "{text}");
    }
}

#[test]
fn the_reversals_and_the_undocumented_expenses_are_the_journals() {
    let path = demo();
    let (report, _) = audit(path, &AuditOptions::default());
    let journal = ok_json(path, &["journal"]);
    let balance = ok_json(path, &["balance"]);
    let txs = journal["transactions"].as_array().unwrap();
    let by_id = |id: i64| txs.iter().find(|t| t["id"] == id).unwrap();
    let cents = |s: &str| Minor::parse(s, &amana::domain::Currency::iso("MAD").unwrap()).unwrap();
    let reversals: Vec<&Value> = txs.iter().filter(|t| t["kind"] == "reversal").collect();
    assert_eq!(report.reversals.len(), reversals.len());
    assert!(!reversals.is_empty(), "the demo reverses transactions");
    for (r, j) in report.reversals.iter().zip(&reversals) {
        assert_eq!(r.transaction, j["id"].as_i64().unwrap());
        assert_eq!(r.reverses, j["reverses"].as_i64().unwrap());
        let original = by_id(r.reverses);
        let debits: i64 = original["postings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| cents(p["amount"].as_str().unwrap()).0)
            .filter(|a| *a > 0)
            .sum();
        assert_eq!(cents(&r.amount).0, debits, "reversal {}", r.transaction);
    }
    // Each expense listed without a document: its expense postings in the journal, on the
    // accounts the balance calls expenses.
    let expense = |code: &str| {
        balance["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["code"] == code && a["type"] == "expense")
    };
    assert!(report.receipts.undocumented_count > 0);
    let mut listed = 0;
    for e in &report.receipts.undocumented {
        let t = by_id(e.transaction);
        assert_eq!(t["kind"], "transaction");
        assert!(t["reversed_by"].is_null());
        assert_ne!(e.transaction, 2, "transaction 2 has its invoice");
        let spent: i64 = t["postings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| expense(p["account"].as_str().unwrap()))
            .map(|p| cents(p["amount"].as_str().unwrap()).0)
            .sum();
        assert_eq!(cents(&e.amount).0, spent, "transaction {}", e.transaction);
        listed += spent;
    }
    if report.receipts.undocumented_count <= amana::report::audit::LISTED {
        assert_eq!(cents(&report.receipts.undocumented_total).0, listed);
    }
}

#[test]
fn a_threshold_lists_only_the_larger_expenses_and_a_document_takes_one_off() {
    let fx = Fixture::new();
    let (report, _) = audit(fx.path(), &AuditOptions::default());
    assert_eq!(report.receipts.undocumented_count, 1);
    assert_eq!(report.receipts.undocumented_total, "4500.00");
    assert_eq!(report.receipts.undocumented[0].transaction, 2);
    let options = AuditOptions {
        receipt_threshold: Some(Minor(500_000)),
        ..AuditOptions::default()
    };
    let (above, head) = audit(fx.path(), &options);
    assert_eq!(above.receipts.undocumented_count, 0);
    assert_eq!(above.receipts.threshold, "5000.00");
    let text = rendered(&above, &head, Format::Text, Lang::En);
    assert!(text.contains("Every expense has a supporting document."));
    let invoice = fx.file("facture.pdf", b"%PDF facture 0213");
    ok(
        fx.path(),
        &["receipt", "attach", "2", invoice.to_str().unwrap()],
    );
    let (documented, _) = audit(fx.path(), &AuditOptions::default());
    assert_eq!(documented.receipts.undocumented_count, 0);
    assert_eq!(documented.receipts.documents, 1);
    assert_eq!(documented.receipts.transactions_with_documents, 1);
    // Nothing is sealed in the fixture: every entry waits to be vouched for.
    assert_eq!(documented.unvouched.after, 0);
    assert_eq!(documented.unvouched.count, documented.entries);
    assert_eq!(documented.unvouched.transactions_count, 2);
    assert_eq!(documented.unvouched.transactions[0].transaction, 1);
    let kinds: i64 = documented.unvouched.by_kind.iter().map(|k| k.count).sum();
    assert_eq!(kinds, documented.entries);
}

#[test]
fn a_tampered_ledger_is_reported_with_its_problems_and_an_alert() {
    let dir = tempfile::tempdir().unwrap();
    let copy = common::tamper(demo(), dir.path(), |conn| {
        conn.execute(
            "UPDATE postings SET amount = amount + 100 WHERE entry_id = 3 AND idx = 0",
            [],
        )
        .unwrap();
    });
    let (report, head) = audit(&copy, &AuditOptions::default());
    assert!(!report.verified && !head.verified);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.kind.as_str() == "projection-drift"),
        "{:?}",
        report.problems
    );
    let data = json(&report, &head);
    assert_eq!(data["head"]["verified"], false);
    assert_eq!(data["problems"][0]["kind"], "projection-drift");
    let text = rendered(&report, &head, Format::Text, Lang::En);
    assert!(text.starts_with("!! "), "the alert comes first:\n{text}");
    assert!(text.contains("does NOT verify"), "{text}");
    assert!(text.contains("Table differs from the chain"), "{text}");
    for lang in Lang::ALL {
        let html = rendered(&report, &head, Format::Html, lang);
        assert!(html.contains("class=\"alert\""), "{lang}");
    }
    let fr = rendered(&report, &head, Format::Text, Lang::Fr);
    assert!(fr.contains("NE se vérifie PAS"), "{fr}");
}

#[test]
fn a_document_missing_from_the_store_and_the_published_heads_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let copy = common::tamper_copy(demo(), dir.path());
    let store = dir.path().join("amana.db.receipts");
    let mut removed = 0;
    for entry in walk(&store) {
        std::fs::remove_file(entry).unwrap();
        removed += 1;
    }
    assert!(removed > 0, "the demo's invoice is in its store");
    let (_, verify) = common::verify_json(&copy, &[]);
    let good = format!(
        "{}:{}",
        verify["entries"].as_i64().unwrap(),
        verify["head"].as_str().unwrap()
    );
    let options = AuditOptions {
        anchors: vec![
            amana::verify::Anchor::parse(&good).unwrap(),
            amana::verify::Anchor::parse(&format!("1:{}", "ab".repeat(32))).unwrap(),
        ],
        ..AuditOptions::default()
    };
    let (report, head) = audit(&copy, &options);
    assert!(!report.verified);
    assert_eq!(report.receipts.missing.len(), 1, "{:?}", report.problems);
    assert_eq!(report.receipts.missing[0].kind.as_str(), "receipt-missing");
    assert_eq!(report.anchors.len(), 2);
    assert!(report.anchors[0].matches, "the ledger's own head matches");
    assert!(!report.anchors[1].matches, "a head it never had does not");
    let text = rendered(&report, &head, Format::Text, Lang::En);
    assert!(text.contains("Document missing"), "{text}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
