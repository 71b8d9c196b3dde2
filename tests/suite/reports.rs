//! Every report through the real binary, on the demo ledger, in every format and language:
//! HTML self-contained and right to left in Arabic (checked as text here, and in real Chromium
//! below), PDF typeset with its fonts embedded and its text extractable, golden snapshots of
//! the text formats with the clock fixed (`AMANA_NOW`), a ledger that does not verify said in
//! red and exit 1, an association's own templates, and outputs never written over.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::browser;
use crate::common::*;

/// The time every report here is made at (what `AMANA_NOW` is for).
const NOW: &str = "2026-07-01T09:30:00Z";

/// Each report kind and how the demo ledger is asked for it.
pub const KINDS: &[(&str, &[&str])] = &[
    ("funder", &["report", "funder", "--grant", "EU-2025"]),
    ("annual", &["report", "annual", "--year", "2025"]),
    ("statements", &["report", "statements", "--year", "2025"]),
    ("audit", &["report", "audit"]),
    (
        "trial-balance",
        &[
            "report",
            "trial-balance",
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
        ],
    ),
    (
        "ledger",
        &[
            "report",
            "ledger",
            "--account",
            "5161",
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
        ],
    ),
    ("receipt", &["report", "receipt", "--entry", "435"]),
];

const LANGS: [&str; 3] = ["ar", "fr", "en"];

/// One demo ledger for the whole module (it is only read here).
fn demo_ledger() -> &'static Path {
    static DEMO: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DEMO.get_or_init(demo).1
}

/// `amana report ...` with the clock fixed; its exit status and standard output.
fn report(ledger: &Path, args: &[&str], extra: &[&str]) -> (i32, Vec<u8>, String) {
    let o = amana(ledger)
        .env("AMANA_NOW", NOW)
        .env_remove("AMANA_LANG")
        .env_remove("AMANA_TEMPLATES")
        .args(args)
        .args(extra)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        o.stdout,
        String::from_utf8_lossy(&o.stderr).to_string(),
    )
}

fn ok_report(args: &[&str], extra: &[&str]) -> Vec<u8> {
    let (code, out, err) = report(demo_ledger(), args, extra);
    assert_eq!(code, 0, "{args:?} {extra:?}: {err}");
    out
}

/// What an HTML report may never hold: a way to load anything from elsewhere.
fn assert_self_contained(html: &str, what: &str) {
    let lower = html.to_lowercase();
    for needle in [
        "src=\"http",
        "src='http",
        "href=\"http",
        "url(http",
        "url(\"http",
        "url('http",
        "@import",
        "<script",
        "<link",
        "<iframe",
    ] {
        assert!(!lower.contains(needle), "{what} holds {needle}");
    }
}

#[test]
fn every_report_renders_in_every_language_as_self_contained_html() {
    for (kind, args) in KINDS {
        for lang in LANGS {
            let html =
                String::from_utf8(ok_report(args, &["--format", "html", "--lang", lang])).unwrap();
            let what = format!("{kind} in {lang}");
            let root = html
                .lines()
                .find(|l| l.starts_with("<html"))
                .unwrap_or_else(|| panic!("{what}: no root element"));
            let dir = if lang == "ar" { "rtl" } else { "ltr" };
            assert!(
                root.contains(&format!("dir=\"{dir}\""))
                    && root.contains(&format!("lang=\"{lang}\"")),
                "{what}: {root}"
            );
            assert_self_contained(&html, &what);
            assert!(html.contains("Khotwa"), "{what}: the association is named");
            assert!(html.contains("<svg"), "{what}: the seal's QR code is drawn");
            if lang == "ar" {
                assert!(
                    html.contains("@font-face"),
                    "{what}: the Arabic font is inline"
                );
            }
        }
    }
}

/// `pdffonts`: every font of the PDF is embedded.
fn assert_fonts_embedded(pdf: &Path) {
    let o = std::process::Command::new("pdffonts")
        .arg(pdf)
        .output()
        .expect("pdffonts (poppler-utils)");
    let text = String::from_utf8_lossy(&o.stdout);
    let rows: Vec<&str> = text.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{}: no font", pdf.display());
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding...] emb sub uni object ID: emb is 5th from the end.
        assert_eq!(
            cols[cols.len() - 5],
            "yes",
            "{}: not embedded: {row}",
            pdf.display()
        );
    }
}

fn arabic_letters(text: &str) -> usize {
    text.chars()
        .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
        .count()
}

/// `pdfinfo`'s page size is A4, portrait or landscape (the books are printed across), as
/// Chromium (594.96 x 841.92 pts) and typst (595.28 x 841.89) round it.
fn is_a4(size: &str) -> bool {
    let numbers: Vec<f64> = size
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter_map(|n| n.parse().ok())
        .collect();
    let (short, long) = (594.0..=596.0, 841.0..=843.0);
    matches!(numbers[..], [w, h, ..]
        if (short.contains(&w) && long.contains(&h)) || (long.contains(&w) && short.contains(&h)))
}

#[test]
fn every_report_typesets_as_pdf_with_its_text_extractable() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, args) in KINDS {
        for lang in LANGS {
            let pdf = dir.path().join(format!("{kind}-{lang}.pdf"));
            let out = ok_report(
                args,
                &[
                    "--format",
                    "pdf",
                    "--lang",
                    lang,
                    "--out",
                    pdf.to_str().unwrap(),
                ],
            );
            assert!(String::from_utf8_lossy(&out).contains("Wrote"));
            let bytes = std::fs::read(&pdf).unwrap();
            assert!(bytes.starts_with(b"%PDF-"), "{kind} {lang}");
            let text = browser::pdf_text(&pdf);
            assert!(text.contains("Khotwa"), "{kind} {lang}: {text}");
            // The association's name is Arabic and French; an Arabic report has Arabic words
            // of its own (shaped Arabic extracted back as text), the others the footer's.
            if lang == "ar" {
                assert!(arabic_letters(&text) > 100, "{kind} {lang}: {text}");
            } else {
                let own_words = if lang == "fr" {
                    "Établi par amana"
                } else {
                    "Made by amana"
                };
                assert!(text.contains(own_words), "{kind} {lang}: {text}");
            }
            let (pages, size) = browser::pdf_pages(&pdf);
            assert!(pages >= 1, "{kind} {lang}");
            assert!(is_a4(&size), "{kind} {lang}: A4, not {size}");
            if lang == "ar" {
                assert_fonts_embedded(&pdf);
            }
        }
    }
}

#[test]
fn an_existing_output_is_never_written_over_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rapport.html");
    std::fs::write(&out, "mine").unwrap();
    let args = KINDS[1].1;
    let (code, _, err) = report(
        demo_ledger(),
        args,
        &["--format", "html", "--out", out.to_str().unwrap()],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("rapport.html"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    let (code, _, err) = report(
        demo_ledger(),
        args,
        &[
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
            "--force",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    // Nor into the ledger's receipt store, even as a new file.
    let store = demo_ledger().with_file_name("amana.db.receipts");
    assert!(store.is_dir(), "the demo keeps receipts");
    let inside = store.join("rapport.json");
    let (code, _, err) = report(
        demo_ledger(),
        args,
        &[
            "--format",
            "json",
            "--out",
            inside.to_str().unwrap(),
            "--force",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("receipt store") && !inside.exists(), "{err}");
    // A folder that does not exist is named as such (not a temporary file's name).
    let nowhere = dir.path().join("nodir/rapport.pdf");
    let (code, _, err) = report(
        demo_ledger(),
        args,
        &["--format", "pdf", "--out", nowhere.to_str().unwrap()],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("nodir") && err.contains("does not exist") && !err.contains("amana-tmp"),
        "{err}"
    );
}

#[test]
fn a_ledger_that_does_not_verify_still_gets_its_report_said_in_red_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let forged = tamper(demo_ledger(), dir.path(), |c| {
        c.execute(
            "UPDATE postings SET amount = amount + 100 WHERE entry_id = 2 AND idx = 0",
            [],
        )
        .unwrap();
    });
    for (kind, args) in &KINDS[..2] {
        let (code, out, err) = report(&forged, args, &["--format", "html", "--lang", "fr"]);
        assert_eq!(code, 1, "{kind}: {err}");
        let html = String::from_utf8(out).unwrap();
        assert!(html.contains("class=\"alert\""), "{kind}");
        assert!(html.contains("NE se vérifie PAS"), "{kind}");
        let (code, out, _) = report(&forged, args, &["--format", "json"]);
        assert_eq!(code, 1, "{kind}");
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(json["head"]["verified"], false, "{kind}");
    }
}

#[test]
fn an_association_changes_wording_and_layout_with_its_own_templates() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("templates");
    std::fs::create_dir_all(own.join("i18n/fr")).unwrap();
    std::fs::create_dir_all(own.join("html")).unwrap();
    let fr = include_str!("../../reports/i18n/fr/reports.ftl").replace(
        "report-generated = Établi le",
        "report-generated = Édité par notre trésorière le",
    );
    std::fs::write(own.join("i18n/fr/reports.ftl"), fr).unwrap();
    let base = include_str!("../../reports/html/base.html").replace(
        "<footer class=\"report\">",
        "<footer class=\"report\">Association Khotwa, Derb Dabachi · ",
    );
    std::fs::write(own.join("html/base.html"), base).unwrap();
    let dir_arg = own.to_str().unwrap();
    let html = String::from_utf8(ok_report(
        KINDS[1].1,
        &["--format", "html", "--lang", "fr", "--templates", dir_arg],
    ))
    .unwrap();
    assert!(html.contains("Édité par notre trésorière le"));
    assert!(html.contains("Derb Dabachi · "));
    let text = String::from_utf8(ok_report(
        KINDS[1].1,
        &["--format", "text", "--lang", "fr", "--templates", dir_arg],
    ))
    .unwrap();
    assert!(text.contains("Édité par notre trésorière le"));

    // A template that reaches for a file of its own choosing finds nothing: only amana's
    // template names are ever looked up, never a path.
    let sneaky = "{% extends \"../../../../etc/passwd\" %}";
    std::fs::write(own.join("html/report.html"), sneaky).unwrap();
    let (code, _, err) = report(
        demo_ledger(),
        KINDS[1].1,
        &["--format", "html", "--templates", dir_arg],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("report.html"), "{err}");
    assert!(!err.contains("root:"), "{err}");

    // Nor through a link: a file of the folder that points outside it is not read.
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "SECRET-KEY-MATERIAL").unwrap();
    std::fs::remove_file(own.join("html/report.html")).unwrap();
    std::os::unix::fs::symlink(&secret, own.join("html/report.html")).unwrap();
    let (code, out, err) = report(
        demo_ledger(),
        KINDS[1].1,
        &["--format", "html", "--templates", dir_arg],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("outside the templates folder"), "{err}");
    assert!(!String::from_utf8_lossy(&out).contains("SECRET"));
    std::fs::remove_file(own.join("html/report.html")).unwrap();

    let broken = own.join("i18n/fr/reports.ftl");
    std::fs::write(&broken, "report-generated = { $").unwrap();
    let (code, _, err) = report(
        demo_ledger(),
        KINDS[1].1,
        &["--format", "text", "--lang", "fr", "--templates", dir_arg],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("reports.ftl"), "{err}");
}

/// Hashes, fingerprints and times of the demo (made now) masked, as golden.rs does.
fn masked(text: &str) -> String {
    let mut out = crate::golden::redact(text);
    // A seal's fingerprint: four groups of four of its alphabet.
    let re_chars: Vec<char> = out.chars().collect();
    let mut masked = String::with_capacity(out.len());
    let mut i = 0;
    let is_fp = |c: char| c.is_ascii_digit() || c.is_ascii_uppercase();
    while i < re_chars.len() {
        let window: String = re_chars[i..re_chars.len().min(i + 19)].iter().collect();
        let shape = window.len() == 19
            && window
                .chars()
                .enumerate()
                .all(|(k, c)| if k % 5 == 4 { c == '-' } else { is_fp(c) });
        if shape {
            masked.push_str("XXXX-XXXX-XXXX-XXXX");
            i += 19;
        } else {
            masked.push(re_chars[i]);
            i += 1;
        }
    }
    out = masked;
    mask_seal_days(&out)
}

/// The days the demo's seals were recorded on: the real clock when the demo ran (a ledger's
/// entries carry the time they were recorded, which `AMANA_NOW` does not fix), read from the
/// annual report's JSON.
fn seal_days() -> &'static [String] {
    static DAYS: OnceLock<Vec<String>> = OnceLock::new();
    DAYS.get_or_init(|| {
        let out = ok_report(KINDS[1].1, &["--format", "json"]);
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let seals = json["governance"]["seals"].as_array().expect("seals");
        assert!(!seals.is_empty(), "the demo has a sealed year");
        seals
            .iter()
            .map(|s| s["recorded"].as_str().expect("recorded").to_string())
            .collect()
    })
}

/// A seal's day of recording, on the lines that list a seal (its fingerprint beside it, or
/// JSON's `recorded`), in the ISO and the day-first forms: `<recorded>`. Nothing else is
/// touched, so a grant that ends on the day the tests run still reads as its date.
fn mask_seal_days(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut line = line.to_string();
        if line.contains("XXXX-XXXX-XXXX-XXXX") || line.contains("\"recorded\": ") {
            for day in seal_days() {
                let (y, rest) = day.split_at(4);
                let day_first = format!("{}/{}/{y}", &rest[4..6], &rest[1..3]);
                line = line.replace(day, "<recorded>");
                line = line.replace(&day_first, "<recorded>");
            }
        }
        out.push_str(&line);
    }
    out
}

#[test]
fn every_report_reads_as_recorded_in_its_text_formats() {
    for (kind, args) in KINDS {
        for (format, lang) in [
            ("text", "en"),
            ("text", "fr"),
            ("text", "ar"),
            ("csv", "en"),
            ("json", "en"),
        ] {
            let out =
                String::from_utf8(ok_report(args, &["--format", format, "--lang", lang])).unwrap();
            insta::assert_snapshot!(format!("report-{kind}-{lang}.{format}"), masked(&out));
        }
    }
}

#[test]
fn html_reports_load_in_chromium_without_a_request_or_an_error_and_arabic_runs_right_to_left() {
    let work = tempfile::tempdir().unwrap();
    let screens = browser::screens_dir();
    for (kind, args) in KINDS {
        for lang in ["ar", "fr"] {
            let page = work.path().join(format!("{kind}-{lang}.html"));
            std::fs::write(
                &page,
                ok_report(args, &["--format", "html", "--lang", lang]),
            )
            .unwrap();
            let check = browser::check_page(&page, work.path());
            let what = format!("{kind} in {lang}");
            assert!(
                check.requests.is_empty(),
                "{what} asked for {:?}",
                check.requests
            );
            assert!(
                check.console_errors.is_empty(),
                "{what}: {:?}",
                check.console_errors
            );
            let l = &check.layout;
            let width = l["width"].as_i64().unwrap();
            let (h1_left, h1_right) = (
                l["h1_left"].as_i64().unwrap(),
                l["h1_right"].as_i64().unwrap(),
            );
            if lang == "ar" {
                assert_eq!(l["dir"], "rtl", "{what}");
                assert!(
                    width - h1_right < h1_left,
                    "{what}: the title sits right: {l}"
                );
                if let (Some(first), Some(last)) =
                    (l["first_th_left"].as_i64(), l["last_th_left"].as_i64())
                {
                    assert!(
                        first > last,
                        "{what}: a table's first column is on the right: {l}"
                    );
                }
            } else {
                assert_eq!(l["dir"], "ltr", "{what}");
                assert!(
                    h1_left < width - h1_right,
                    "{what}: the title sits left: {l}"
                );
            }
            browser::screenshot(
                &page,
                &screens.join(format!("{kind}-{lang}.png")),
                work.path(),
            );
            let printed = work.path().join(format!("{kind}-{lang}.printed.pdf"));
            browser::print_to_pdf(&page, &printed, work.path());
            let (pages, size) = browser::pdf_pages(&printed);
            assert!(pages >= 1, "{what}");
            assert!(is_a4(&size), "{what}: printed on A4, not {size}");
        }
    }
}

#[test]
fn the_demo_writes_every_report_in_three_languages_as_html_and_pdf_and_prints_their_paths() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo");
    let o = amana(&out.join("amana.db"))
        .env("AMANA_ACTOR", "demo")
        .args(["demo", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let printed = stdout(&o);
    let reports = out.join("reports");
    let mut kinds = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(&reports).unwrap() {
        let path = entry.unwrap().path();
        assert!(
            printed.contains(&path.display().to_string()),
            "{} is not printed",
            path.display()
        );
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let (stem, ext) = name.rsplit_once('.').unwrap();
        let (kind, lang) = stem.rsplit_once('-').unwrap();
        assert!(LANGS.contains(&lang), "{name}");
        let bytes = std::fs::read(&path).unwrap();
        match ext {
            "pdf" => assert!(bytes.starts_with(b"%PDF-"), "{name}"),
            "html" => assert!(bytes.starts_with(b"<!DOCTYPE html>"), "{name}"),
            _ => panic!("{name}"),
        }
        kinds.insert(kind.to_string());
    }
    // The annual, funder (two grants), statements, trial balance, cash and bank books, audit
    // and receipt: each in 3 languages and 2 formats.
    assert_eq!(kinds.len(), 9, "{kinds:?}");
    assert_eq!(std::fs::read_dir(&reports).unwrap().count(), 9 * 6);
    for kind in [
        "rapport-annuel",
        "rapport-bailleur",
        "etats-de-synthese",
        "balance-generale",
        "livre-de-caisse",
        "rapport-d-audit",
        "recu-membre",
    ] {
        assert!(
            kinds.iter().any(|k| k.starts_with(kind)),
            "{kind}: {kinds:?}"
        );
    }
}
