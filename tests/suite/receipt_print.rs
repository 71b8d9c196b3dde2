//! A member's receipt on paper (`report receipt`): built through the library on the demo
//! ledger's dues, rendered in every format and language; the PDF is one A4 page whose text
//! holds the association and the amount, the HTML in Arabic runs right to left, and the QR
//! code's line names the seal, the transaction and the entry hash that `verify-receipt`
//! checks.

use crate::audit_report::{demo, head, rendered};
use crate::common;

use std::path::Path;
use std::process::Command;

use amana::app::Ledger;
use amana::app::report_receipt::{MemberReceiptReport, member_receipt_report};
use amana::domain::EntryId;
use amana::report::i18n::Lang;
use amana::report::output::{Format, Head, render};
use amana::report::templates::Templates;
use serde_json::Value;

use common::{Fixture, ok, ok_json};

/// The demo's members' dues: its last transaction on account 75868.
fn dues(path: &Path) -> i64 {
    let journal = ok_json(path, &["journal", "--account", "75868"]);
    journal["transactions"].as_array().unwrap().last().unwrap()["id"]
        .as_i64()
        .unwrap()
}

fn receipt(path: &Path, id: i64) -> (MemberReceiptReport, Head) {
    let ledger = Ledger::open_read_only(path).unwrap();
    let report = member_receipt_report(&ledger, EntryId(id), None).unwrap();
    let verify = amana::verify::verify(ledger.store()).unwrap();
    let head = head(&ledger, &verify);
    (report, head)
}

#[test]
fn the_dues_receipt_gives_the_payer_the_amount_in_words_and_the_proof() {
    let path = demo();
    let id = dues(path);
    let (report, head) = receipt(path, id);
    // The figures are those of the JSON proof `receipt member` writes.
    let dir = tempfile::tempdir().unwrap();
    let proof = dir.path().join("proof.json");
    ok(
        path,
        &[
            "receipt",
            "member",
            &id.to_string(),
            "--out",
            proof.to_str().unwrap(),
        ],
    );
    let proof: Value = serde_json::from_slice(&std::fs::read(&proof).unwrap()).unwrap();
    assert_eq!(report.amount, proof["amount"].as_str().unwrap());
    assert_eq!(report.amount, "600.00");
    assert_eq!(report.entry_hash, proof["entry_hash"].as_str().unwrap());
    let seal = report.seal.as_ref().expect("the demo seals its dues");
    assert_eq!(
        seal.fingerprint,
        proof["seal"]["fingerprint"].as_str().unwrap()
    );
    assert!(seal.covered >= report.seq);
    assert_eq!(
        report.payer.as_deref(),
        Some("Membres de l'association"),
        "the funder the dues' source names"
    );
    assert_eq!(report.amount_in_words.fr, "six cents dirhams");
    assert_eq!(report.amount_in_words.en, "six hundred dirhams");
    assert_eq!(report.amount_in_words.ar, "ستمئة درهم");
    assert_eq!(
        report.qr,
        format!(
            "amana-receipt/1;seal={};tx={id};seq={};entry={};amount=600.00;currency=MAD;date={}",
            seal.fingerprint, report.seq, report.entry_hash, report.date
        )
    );
    assert_eq!(
        report.check,
        format!(
            "amana verify-receipt recu-membre-{id}.json --seal {}",
            seal.fingerprint
        )
    );

    let json: Value =
        serde_json::from_str(&rendered(&report, &head, Format::Json, Lang::Fr)).unwrap();
    assert_eq!(json["report"], "receipt");
    assert_eq!(json["amount"], "600.00");
    assert_eq!(json["amount_in_words"]["ar"], "ستمئة درهم");

    let fr = rendered(&report, &head, Format::Text, Lang::Fr);
    assert!(
        fr.contains("reconnaît avoir reçu de Membres de l'association la somme de six cents dirhams (600,00\u{a0}MAD)"),
        "{fr}"
    );
    assert!(fr.contains(&seal.fingerprint) && fr.contains(&report.check));
    let en = rendered(&report, &head, Format::Text, Lang::En);
    assert!(en.contains("six hundred dirhams (600.00 MAD)"), "{en}");
    let csv = rendered(&report, &head, Format::Csv, Lang::En);
    assert!(csv.is_empty() || csv.starts_with('#'), "{csv}");

    for lang in Lang::ALL {
        let html = rendered(&report, &head, Format::Html, lang);
        // Kept for a person to look at.
        let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("receipt-{lang}.html"));
        let _ = std::fs::write(keep, &html);
        assert!(html.contains(&format!(r#"<html lang="{lang}" dir="{}">"#, lang.dir())));
        assert!(
            html.contains("class=\"amount-box\""),
            "{lang}: its own layout"
        );
        assert!(html.contains("<svg"), "{lang}: the QR code is inline");
        assert!(!html.contains(">receipt-"), "{lang}: a message id shows");
        for fetch in ["src=\"http", "href=\"http", "url(http"] {
            assert!(!html.contains(fetch), "{lang} loads {fetch}");
        }
    }
    let ar = rendered(&report, &head, Format::Html, Lang::Ar);
    assert!(ar.contains(r#"dir="rtl""#) && ar.contains("ستمئة درهم"));
    assert!(ar.contains("وصل استلام"));
}

#[test]
fn the_pdf_is_one_page_with_the_association_and_the_amount() {
    let path = demo();
    let (report, head) = receipt(path, dues(path));
    let dir = tempfile::tempdir().unwrap();
    for lang in [Lang::Fr, Lang::Ar] {
        let pdf = render(&report, &head, Format::Pdf, lang, &Templates::embedded())
            .unwrap_or_else(|e| panic!("{lang}: {e}"));
        assert!(pdf.starts_with(b"%PDF-"));
        let file = dir.path().join(format!("recu-{lang}.pdf"));
        std::fs::write(&file, &pdf).unwrap();
        // Kept for a person to look at.
        let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("receipt-{lang}.pdf"));
        let _ = std::fs::write(&keep, &pdf);
        assert_eq!(pages(&file, &pdf), 1, "{lang}: one A4 page");
        if lang == Lang::Fr
            && let Some(text) = pdftotext(&file)
        {
            assert!(text.contains("Association Khotwa"), "{text}");
            assert!(text.contains("600,00"), "{text}");
            assert!(text.contains("six cents dirhams"), "{text}");
            assert!(text.contains(&report.seal.as_ref().unwrap().fingerprint));
        }
    }
}

/// The number of pages: `pdfinfo`'s when poppler-utils is installed, else the page objects.
fn pages(file: &Path, pdf: &[u8]) -> usize {
    if let Ok(out) = Command::new("pdfinfo").arg(file).output()
        && out.status.success()
    {
        let info = String::from_utf8_lossy(&out.stdout);
        if let Some(n) = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
        {
            return n;
        }
    }
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

fn pdftotext(file: &Path) -> Option<String> {
    let out = Command::new("pdftotext").arg(file).arg("-").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_receipt_before_any_seal_says_it_cannot_be_checked_yet() {
    let fx = Fixture::new();
    // The fixture's first transaction: the grant's first instalment, received in the bank.
    let (report, head) = receipt(fx.path(), 1);
    assert!(report.seal.is_none());
    assert!(report.qr.contains(";seal=none;"));
    assert_eq!(
        report.payer.as_deref(),
        Some("Conseil de l'arrondissement Marrakech-Médina")
    );
    assert_eq!(report.amount_in_words.fr, "soixante mille dirhams");
    assert_eq!(report.amount_in_words.ar, "ستون ألف درهم");
    let text = rendered(&report, &head, Format::Text, Lang::En);
    assert!(text.contains("No seal covers this payment yet"), "{text}");
    let html = rendered(&report, &head, Format::Html, Lang::Fr);
    assert!(!html.contains("class=\"seal\""), "no seal is drawn");
}

#[test]
fn a_receipt_is_refused_for_money_not_received() {
    let fx = Fixture::new();
    let ledger = Ledger::open_read_only(fx.path()).unwrap();
    // Transaction 2 is an expense.
    let err = member_receipt_report(&ledger, EntryId(2), None).unwrap_err();
    assert!(err.to_string().contains('2'), "{err}");
    assert!(member_receipt_report(&ledger, EntryId(99), None).is_err());
}

/// The receipt and the auditor's report of a small ledger as text and CSV in the three
/// languages, read as recorded: the hashes, which change with the time of each entry, are
/// masked; the clock is the tests' fixed one.
#[test]
fn golden_receipt_and_audit_report() {
    use amana::app::report_audit::{AuditOptions, audit_report};
    let fx = Fixture::new();
    let (receipt, head) = receipt(fx.path(), 1);
    let ledger = Ledger::open_read_only(fx.path()).unwrap();
    let audit = audit_report(
        &ledger,
        &AuditOptions::default(),
        crate::audit_report::now(),
    )
    .unwrap();
    let mask = |text: String| {
        text.replace(&receipt.entry_hash, "<entry hash>")
            .replace(&head.head, "<chain head>")
    };
    let mut all = String::new();
    for lang in Lang::ALL {
        for format in [Format::Text, Format::Csv] {
            all.push_str(&format!("==== receipt {format:?} {lang}\n"));
            all.push_str(&mask(rendered(&receipt, &head, format, lang)));
            all.push_str(&format!("==== audit {format:?} {lang}\n"));
            all.push_str(&mask(rendered(&audit, &head, format, lang)));
        }
    }
    insta::assert_snapshot!("reports_d", all);
}
