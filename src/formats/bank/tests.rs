//! The reader on the example statements (`examples/banks/`) and on what goes wrong.

use super::*;

fn example(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/examples/banks/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// A Windows-1252 example as text.
fn latin(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned()
}

fn bp_rules() -> Rules {
    Rules::parse(&String::from_utf8(example("bp.toml")).unwrap()).unwrap()
}

#[test]
fn banque_populaire_with_its_rules() {
    let s = read(&example("bp-mars-2026.csv"), &bp_rules(), 2).unwrap();
    assert_eq!(s.layout.encoding, Encoding::Windows1252);
    assert!(s.layout.guessed.is_empty(), "{:?}", s.layout.guessed);
    assert_eq!(s.lines.len(), 8);
    assert_eq!(s.opening, Some(4_125_000));
    assert_eq!(s.balance_rows, vec![7]);
    assert_eq!(s.footer, vec![16]);
    let first = &s.lines[0];
    assert_eq!(first.line, 8);
    assert_eq!(first.amount, 6_000_000);
    assert_eq!(
        first.description,
        "VIR RECU CONSEIL COMMUNAL MARRAKECH SUBV 2026"
    );
    let cheque = &s.lines[2];
    assert_eq!(cheque.description, "CHQ N° 4521 LOYER MARS DERB DABACHI");
    assert_eq!(cheque.amount, -250_000);
    assert_eq!(s.lines[6].amount, -123_450);
}

#[test]
fn banque_populaire_guessed_without_rules() {
    let s = read(&example("bp-mars-2026.csv"), &Rules::default(), 2).unwrap();
    assert_eq!(s.layout.encoding, Encoding::Windows1252);
    assert_eq!(s.layout.separator, b';');
    assert_eq!(s.layout.skip, 5);
    assert_eq!(s.layout.decimal, ',');
    assert_eq!(s.layout.date_format, "%d/%m/%Y");
    assert_eq!(
        s.layout.amounts,
        AmountColumns::DebitCredit {
            debit: 3,
            credit: 4
        }
    );
    assert_eq!(s.layout.balance, Some(5));
    assert_eq!(s.lines.len(), 8);
    // The totals line is recognised as a footer without skip_end.
    assert_eq!(s.footer, vec![16]);
    assert!(s.layout.guessed.contains(&"encoding"));
    assert!(
        s.layout.summary().contains("debit Débit, credit Crédit"),
        "{}",
        s.layout.summary()
    );
}

#[test]
fn attijariwafa_bom_commas_newest_first() {
    let s = read(&example("awb-mars-2026.csv"), &Rules::default(), 2).unwrap();
    assert!(s.layout.bom);
    assert_eq!(s.layout.encoding, Encoding::Utf8);
    assert_eq!(s.layout.separator, b',');
    assert_eq!(s.layout.decimal, '.');
    assert!(s.newest_first);
    let amounts: Vec<i64> = s.lines.iter().map(|l| l.amount).collect();
    assert_eq!(amounts, vec![175_000, -15_000, -1_860_000, 12_050_000]);
    assert_eq!(s.opening, Some(6_700_000));
    assert_eq!(s.lines[2].reference.as_deref(), Some("CHQ-1187"));
}

#[test]
fn cih_arabic_in_windows_1256() {
    let s = read(&example("cih-mars-2026.tsv"), &Rules::default(), 2).unwrap();
    assert_eq!(s.layout.encoding, Encoding::Windows1256);
    assert_eq!(s.layout.separator, b'\t');
    assert_eq!(s.layout.date_format, "%Y-%m-%d");
    assert_eq!(s.lines[0].description, "تحويل من جمعية الأمل");
    assert_eq!(s.lines[1].amount, -3_500);
}

#[test]
fn a_balance_that_does_not_follow_is_named() {
    let text = example("bp-mars-2026.csv");
    let broken = latin(&text).replace("98 601,00", "98 610,00");
    let e = read(broken.as_bytes(), &Rules::default(), 2).unwrap_err();
    let StatementError::Rows(rows) = e else {
        panic!("{e:?}")
    };
    assert_eq!(rows[0].line, 11);
    assert_eq!(rows[0].column.as_deref(), Some("Solde"));
    assert_eq!(rows[0].value.as_deref(), Some("98610.00"));
}

#[test]
fn bad_cells_are_named_at_their_line_and_column() {
    let text = "Date;Libellé;Montant\n02/03/2026;COTISATION;300,00\n31/02/2026;DON;12,5O\n";
    let e = read(text.as_bytes(), &Rules::default(), 2).unwrap_err();
    let StatementError::Rows(rows) = e else {
        panic!("{e:?}")
    };
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        (rows[0].line, rows[0].column.as_deref()),
        (3, Some("Montant"))
    );
    assert_eq!(rows[0].value.as_deref(), Some("12,5O"));
    assert_eq!((rows[1].line, rows[1].column.as_deref()), (3, Some("Date")));
    assert_eq!(rows[1].value.as_deref(), Some("31/02/2026"));
}

#[test]
fn an_encoding_that_does_not_decode_is_named() {
    let mut bytes = b"Date;Libell\xe9;Montant\n02/03/2026;OK;1,00\n".to_vec();
    let rules = Rules::parse("encoding = \"utf-8\"\n").unwrap();
    let e = read(&bytes, &rules, 2).unwrap_err();
    assert!(
        matches!(&e, StatementError::File { line: 1, problem } if problem.contains("0xE9")),
        "{e:?}"
    );
    // 0x81 is no character of Windows-1252.
    bytes = b"Date;Libelle;Montant\n02/03/2026;A\x81;1,00\n".to_vec();
    let rules = Rules::parse("encoding = \"windows-1252\"\n").unwrap();
    let e = read(&bytes, &rules, 2).unwrap_err();
    assert!(matches!(&e, StatementError::File { line: 2, .. }), "{e:?}");
}

#[test]
fn re_saved_with_other_line_endings_gives_the_same_lines() {
    let crlf = example("bp-mars-2026.csv");
    let lf = latin(&crlf).replace("\r\n", "\n");
    let a = read(&crlf, &bp_rules(), 2).unwrap();
    let mut with_blank = encoding_rs::WINDOWS_1252
        .encode(&lf.replace("\n02/03", "\n\n02/03"))
        .0
        .into_owned();
    with_blank.extend_from_slice(b"\n");
    let b = read(&with_blank, &Rules::default(), 2).unwrap();
    let strip = |s: &Statement| {
        s.lines
            .iter()
            .map(|l| (l.date, l.amount, l.description.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&a), strip(&b));
    assert_eq!(
        fingerprint::fingerprints("51411", &a.lines),
        fingerprint::fingerprints("51411", &b.lines)
    );
}

#[test]
fn twin_lines_have_two_fingerprints() {
    let s = read(&example("bp-mars-2026.csv"), &bp_rules(), 2).unwrap();
    let f = fingerprint::fingerprints("51411", &s.lines);
    assert_eq!(s.lines[4].description, s.lines[5].description);
    assert_ne!(f[4], f[5]);
}

#[test]
fn a_semicolon_file_without_a_known_header_says_what_to_do() {
    let e = read(b"A;B;C\n1;2;3\n", &Rules::default(), 2).unwrap_err();
    assert!(
        matches!(&e, StatementError::File { problem, .. } if problem.contains("rules file")),
        "{e:?}"
    );
}

#[test]
fn wrapped_descriptions_are_joined() {
    let text = "Date;Libellé;Débit;Crédit\n02/03/2026;VIR RECU;;100,00\n;ASSOCIATION AL AMAL;;\n03/03/2026;FRAIS;5,00;\n";
    let s = read(text.as_bytes(), &Rules::default(), 2).unwrap();
    assert_eq!(s.lines[0].description, "VIR RECU ASSOCIATION AL AMAL");
    assert_eq!(s.continued, 1);
}

#[test]
fn a_two_digit_year_is_not_the_year_26() {
    let text = "Date;Libellé;Montant\n02/03/26;COTISATION;300,00\n";
    let s = read(text.as_bytes(), &Rules::default(), 2).unwrap();
    assert_eq!(s.layout.date_format, "%d/%m/%y");
    assert_eq!(s.lines[0].date.to_string(), "2026-03-02");
    let rules = Rules::parse("date_format = \"%d/%m/%Y\"\n").unwrap();
    let e = read(text.as_bytes(), &rules, 2).unwrap_err();
    assert!(
        matches!(&e, StatementError::Rows(r) if r[0].problem.contains("%y")),
        "{e:?}"
    );
}

#[test]
fn a_statement_saved_again_as_utf8_is_read_as_utf8_whatever_the_rules_say() {
    let text = latin(&example("bp-mars-2026.csv"));
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let a = read(&example("bp-mars-2026.csv"), &bp_rules(), 2).unwrap();
    let b = read(&bytes, &bp_rules(), 2).unwrap();
    assert_eq!(b.layout.encoding, Encoding::Utf8);
    assert!(b.layout.guessed.contains(&"encoding"));
    assert_eq!(
        fingerprint::fingerprints("51411", &a.lines),
        fingerprint::fingerprints("51411", &b.lines)
    );
}

#[test]
fn a_note_after_the_last_line_is_not_part_of_its_description() {
    let text =
        "Date;Libellé;Débit;Crédit\n02/03/2026;RETRAIT DAB;1 000,00;\n;Sauf erreur ou omission;;\n";
    let s = read(text.as_bytes(), &Rules::default(), 2).unwrap();
    assert_eq!(s.lines[0].description, "RETRAIT DAB");
    assert_eq!(s.footer, vec![3]);
    // A description wrapped onto the next row is kept, but the fingerprint reads its own row.
    let wrapped = "Date;Libellé;Débit;Crédit\n02/03/2026;VIR RECU;;100,00\n;ASSOCIATION AL AMAL;;\n03/03/2026;FRAIS;5,00;\n";
    let w = read(wrapped.as_bytes(), &Rules::default(), 2).unwrap();
    assert_eq!(w.lines[0].description, "VIR RECU ASSOCIATION AL AMAL");
    assert_eq!(w.lines[0].own_description, "VIR RECU");
}

#[test]
fn skip_end_never_drops_a_statement_line() {
    let text = latin(&example("bp-mars-2026.csv"));
    let without_total: String = text
        .lines()
        .filter(|l| !l.contains("Total"))
        .map(|l| format!("{l}\r\n"))
        .collect();
    let bytes = encoding_rs::WINDOWS_1252
        .encode(&without_total)
        .0
        .into_owned();
    let e = read(&bytes, &bp_rules(), 2).unwrap_err();
    assert!(
        matches!(&e, StatementError::File { line: 15, problem } if problem.contains("skip_end")),
        "{e:?}"
    );
}

#[test]
fn carriage_returns_alone_and_a_blank_line_on_top() {
    let text = latin(&example("bp-mars-2026.csv"));
    let mac = encoding_rs::WINDOWS_1252
        .encode(&text.replace("\r\n", "\r"))
        .0
        .into_owned();
    let s = read(&mac, &bp_rules(), 2).unwrap();
    assert_eq!(s.lines.len(), 8);
    assert_eq!(s.lines[0].line, 8);
    let blank = encoding_rs::WINDOWS_1252
        .encode(&format!("\r\n{text}"))
        .0
        .into_owned();
    assert_eq!(read(&blank, &bp_rules(), 2).unwrap().lines.len(), 8);
}

#[test]
fn one_day_newest_first_is_ordered_by_its_balance() {
    let text = "Date;Libellé;Montant;Solde\n02/03/2026;B;-10,00;70,00\n02/03/2026;A;-20,00;80,00\n";
    let s = read(text.as_bytes(), &Rules::default(), 2).unwrap();
    assert!(s.newest_first);
    assert_eq!(s.lines[0].description, "A");
    assert_eq!(s.opening, Some(10_000));
    // A closing balance row that the lines do not lead to is refused.
    let text = "Date;Libellé;Montant;Solde\n01/03/2026;SOLDE INITIAL;;100,00\n02/03/2026;A;-20,00;80,00\n31/03/2026;SOLDE FINAL;;81,00\n";
    let e = read(text.as_bytes(), &Rules::default(), 2).unwrap_err();
    assert!(
        matches!(&e, StatementError::Rows(r) if r[0].line == 4),
        "{e:?}"
    );
}

#[test]
fn hostile_cells_are_shown_escaped() {
    let e = RowError {
        line: 3,
        column: Some("Libellé".into()),
        value: Some("A\u{1b}[2J\u{202e}B".into()),
        problem: "x".into(),
    };
    assert_eq!(
        e.to_string(),
        "line 3, column Libellé, value \"A\\u{001B}[2J\\u{202E}B\": x"
    );
}

#[test]
fn a_line_of_nothing_is_shown_and_a_negative_credit_goes_out() {
    let text = "Date;Libellé;Débit;Crédit\n02/03/2026;ARRETE DE COMPTE;0,00;\n03/03/2026;ANNULATION VIREMENT;;-50,00\n";
    let s = read(text.as_bytes(), &Rules::default(), 2).unwrap();
    assert_eq!(s.zero_rows, vec![2]);
    assert_eq!(s.lines.len(), 1);
    assert_eq!(s.lines[0].amount, -5_000);
}
