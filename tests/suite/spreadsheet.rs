//! `--format csv --excel` (issue 10, books out): the CSV a French or Arabic spreadsheet opens
//! by a double click (byte order mark, semicolons, decimal commas) holds exactly the cells of
//! the CSV amana writes, amounts with a decimal comma; in English, commas and decimal points.

use std::path::Path;

use crate::common::{amana, demo, fails, ok};
use crate::sources::books;

/// `amana ARGS` with `AMANA_LANG=lang`; its standard output.
fn output(l: &Path, lang: &str, args: &[&str]) -> Vec<u8> {
    let o = amana(l)
        .env("AMANA_LANG", lang)
        .args(args)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

/// The rows of a CSV text read with `separator` (blank lines kept as empty rows).
fn rows(text: &str, separator: u8) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn is_amount(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    digits.split_once('.').is_some_and(|(i, f)| {
        !i.is_empty()
            && !f.is_empty()
            && i.bytes().all(|b| b.is_ascii_digit())
            && f.bytes().all(|b| b.is_ascii_digit())
    })
}

/// The spreadsheet's CSV of `args` in `lang` holds the plain CSV's cells, amounts written as
/// the language writes them.
fn holds_the_same_cells(l: &Path, lang: &str, args: &[&str]) {
    let plain = String::from_utf8(output(l, lang, args)).unwrap();
    let mut with_excel = args.to_vec();
    with_excel.push("--excel");
    let sheet = String::from_utf8(output(l, lang, &with_excel)).unwrap();
    let sheet = sheet
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("{args:?} {lang}: no byte order mark"));
    assert!(sheet.contains("\r\n"), "{args:?}: CRLF line ends");
    // The blank lines between a report's tables stay.
    assert_eq!(
        plain.matches("\n\n").count(),
        sheet.matches("\r\n\r\n").count(),
        "{args:?}: blank lines"
    );
    let french = lang != "en";
    let (expected, got) = (
        rows(&plain, b','),
        rows(sheet, if french { b';' } else { b',' }),
    );
    assert_eq!(expected.len(), got.len(), "{args:?} {lang}: rows");
    let mut amounts = 0;
    for (e, g) in expected.iter().zip(&got) {
        let e: Vec<String> = e
            .iter()
            .map(|c| {
                if french && is_amount(c) {
                    amounts += 1;
                    c.replace('.', ",")
                } else {
                    c.clone()
                }
            })
            .collect();
        assert_eq!(&e, g, "{args:?} {lang}");
    }
    if french {
        assert!(amounts > 0, "{args:?}: no amount was seen");
    }
}

#[test]
fn listings_and_reports_open_in_a_french_arabic_or_english_spreadsheet() {
    let (_dir, l) = demo();
    for lang in ["fr", "ar", "en"] {
        holds_the_same_cells(&l, lang, &["balance", "--format", "csv"]);
        holds_the_same_cells(&l, lang, &["journal", "--format", "csv"]);
        holds_the_same_cells(&l, lang, &["grant", "list", "--format", "csv"]);
    }
    for lang in ["fr", "ar"] {
        holds_the_same_cells(
            &l,
            lang,
            &[
                "report", "funder", "--grant", "EU-2025", "--format", "csv", "--lang", lang,
            ],
        );
    }
    // A text that looks like a formula stays neutralised; a French amount is a number there.
    let sheet =
        String::from_utf8(output(&l, "fr", &["balance", "--format", "csv", "--excel"])).unwrap();
    assert!(
        sheet.starts_with("\u{feff}code;name;type;balance\r\n"),
        "{sheet}"
    );
    assert!(sheet.contains(";-103277,54\r\n"), "{sheet}");
}

#[test]
fn excel_goes_with_csv_only() {
    let (_dir, l) = demo();
    let err = fails(&l, &["balance", "--format", "json", "--excel"], 2);
    assert!(err.contains("--format csv"), "{err}");
    let err = fails(
        &l,
        &[
            "report", "annual", "--year", "2025", "--format", "html", "--excel",
        ],
        2,
    );
    assert!(err.contains("--format csv"), "{err}");
    // Alone, --excel means CSV.
    let sheet = output(&l, "en", &["balance", "--excel"]);
    assert!(sheet.starts_with("\u{feff}code,name,type,balance\r\n".as_bytes()));
}

#[test]
fn a_code_or_a_reference_shaped_like_a_number_is_not_an_amount() {
    let (_dir, l) = books();
    ok(
        &l,
        &[
            "account", "add", "512.10", "--name", "Banque 2", "--type", "asset",
        ],
    );
    ok(
        &l,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "12.50",
            "--ref",
            "2024.118",
            "--post",
            "512.10 300",
            "--post",
            "7183 -300",
        ],
    );
    let sheet =
        String::from_utf8(output(&l, "fr", &["journal", "--format", "csv", "--excel"])).unwrap();
    let rows = rows(sheet.strip_prefix('\u{feff}').unwrap(), b';');
    let header = &rows[0];
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let first = &rows[1];
    assert_eq!(first[at("description")], "12.50", "{sheet}");
    assert_eq!(first[at("reference")], "2024.118", "{sheet}");
    assert_eq!(first[at("account")], "512.10", "{sheet}");
    assert_eq!(first[at("amount")], "300,00", "{sheet}");
}
