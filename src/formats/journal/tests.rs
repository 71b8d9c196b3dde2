//! The journal parser's spreadsheet escape, and the catalogue of its messages: every kind of
//! problem has its id and its sentence, and a few sentences are checked word for word.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::*;
use crate::domain::{AmountProblem, DomainError};

/// One of each kind of row problem.
fn every_row_problem() -> Vec<RowProblem> {
    use RowProblem::*;
    vec![
        Unreadable {
            detail: "CSV parse error".into(),
        },
        FieldCount {
            fields: 3,
            header: 5,
        },
        NotUtf8 { byte: 4 },
        TxnEmpty,
        DiffersFromFirstRow {
            label: "T1".into(),
            first: Some("2026-01-05".into()),
        },
        DiffersFromFirstRow {
            label: "T1".into(),
            first: None,
        },
        TxnReused { first_line: 2 },
        EmptyOnFirstRow,
        AccountEmpty,
        AmountEmpty,
        LineWithoutGrant,
        OriginalCurrencyMissing {
            amount: "10.00".into(),
        },
        OriginalAmountMissing {
            currency: "EUR".into(),
        },
        OriginalCurrencyUnknown,
        Value(DomainError::BadDate("2026-02-30".into())),
        Transaction(DomainError::Unbalanced {
            sum: "1.00".into(),
            currency: "MAD".into(),
        }),
    ]
}

/// One of each kind of file problem (a list of one column and of two are two kinds).
fn every_file_problem() -> Vec<FileProblem> {
    use FileProblem::*;
    vec![
        Empty,
        NotText,
        HeaderUnreadable {
            detail: "CSV parse error".into(),
        },
        NoHeader,
        NoRows,
        ColumnTwice { column: "amount" },
        ColumnsMissing {
            missing: vec!["date"],
        },
        ColumnsMissing {
            missing: vec!["date", "amount"],
        },
        ColumnsUnknown {
            unknown: vec!["amout".into()],
        },
        ColumnsUnknown {
            unknown: vec!["amout".into(), "dat".into()],
        },
        OtherSeparator { separator: ';' },
    ]
}

/// The ids of the frame a list of problems is said in.
const FRAME: [&str; 8] = [
    "import-file",
    "import-problem-found",
    "import-problems-found",
    "import-more",
    "import-at-line",
    "import-at-file-line",
    "import-at-column",
    "import-at-value",
];

#[test]
fn every_kind_has_its_own_id_and_a_whole_sentence() {
    let mut ids = BTreeSet::new();
    let said: Vec<(&str, String)> = every_row_problem()
        .iter()
        .map(|p| (p.id(), p.to_string()))
        .chain(every_file_problem().iter().map(|p| (p.id(), p.to_string())))
        .collect();
    for (id, sentence) in &said {
        assert!(ids.insert(*id), "{id} is the id of two kinds");
        assert!(!english(id).is_empty(), "{id} has no English");
        assert!(
            !sentence.contains("{$"),
            "{id}: an argument is missing: {sentence}"
        );
        assert_ne!(sentence, id, "{id} is said as its id");
    }
    for id in FRAME {
        assert!(ids.insert(id), "{id} is the id of two messages");
        assert!(!english(id).is_empty(), "{id} has no English");
    }
    // Every message of the catalogue is one a kind or the frame uses.
    let source = include_str!("english.rs");
    let table = &source[source.find("match id {").unwrap()..source.find("_ => \"\"").unwrap()];
    let written: BTreeSet<&str> = table
        .split('"')
        .filter(|s| s.starts_with("import-"))
        .collect();
    assert_eq!(written, ids);
}

#[test]
fn sentences_word_for_word() {
    let say_row = |p: RowProblem| p.to_string();
    assert_eq!(
        say_row(RowProblem::FieldCount {
            fields: 3,
            header: 5
        }),
        "has 3 fields where the header has 5 (a truncated row, or a comma inside an unquoted value?)"
    );
    assert_eq!(
        say_row(RowProblem::DiffersFromFirstRow {
            label: "T1".into(),
            first: None
        }),
        "differs from the first row of transaction T1 (empty): leave it empty, repeat it exactly, or give this row another txn"
    );
    assert_eq!(
        say_row(RowProblem::Value(DomainError::BadDate("2026-02-30".into()))),
        "is not a real date in the form YYYY-MM-DD (e.g. 2026-02-13)"
    );
    assert_eq!(
        say_row(RowProblem::Transaction(DomainError::Unbalanced {
            sum: "1.00".into(),
            currency: "MAD".into()
        })),
        "postings do not balance: they sum to 1.00 MAD, not 0 (debits positive, credits negative)"
    );
    assert_eq!(
        FileProblem::ColumnsUnknown {
            unknown: vec!["amout".into(), "dat".into()]
        }
        .to_string(),
        "unknown columns \"amout\", \"dat\" in the header row (a typo?); the columns are \
         txn,date,description,account,amount and optionally \
         grant,line,reference,memo,original_amount,original_currency,receipt,funder"
    );
    assert_eq!(
        FileProblem::ColumnsMissing {
            missing: vec!["date"]
        }
        .to_string(),
        "the header row lacks the required column date; it must name at least \
         txn,date,description,account,amount (optional: \
         grant,line,reference,memo,original_amount,original_currency,receipt,funder)"
    );
}

#[test]
fn a_list_of_problems_names_each_at_its_file_and_line() {
    let file = PathBuf::from("bank.csv");
    let errors = vec![
        RowError {
            line: 3,
            column: Some(Column::Named("amount")),
            value: Some("12,5O".into()),
            problem: RowProblem::Value(DomainError::BadAmount {
                value: "12,5O".into(),
                why: AmountProblem::NotANumber,
            }),
        },
        RowError {
            line: 7,
            column: None,
            value: None,
            problem: RowProblem::Unreadable {
                detail: "bad quote".into(),
            },
        },
    ];
    assert_eq!(
        errors[1].to_string(),
        "line 7: cannot be read as CSV: bad quote"
    );
    let error = ImportError::Rows { file, errors };
    assert_eq!(
        error.to_string(),
        "bank.csv: 2 problems found; nothing was imported\n\
         bank.csv:3: column amount: \"12,5O\": is not a number: write digits with `.` as the decimal separator and an optional leading `-`, e.g. 1200.50\n\
         bank.csv:7: cannot be read as CSV: bad quote"
    );
    let whole = ImportError::<RowProblem>::File {
        file: PathBuf::from("x.csv"),
        problem: FileProblem::NoRows,
    };
    assert_eq!(
        whole.to_string(),
        "x.csv: the file has a header but no rows: nothing to import"
    );
    let one = ImportError::Rows {
        file: PathBuf::from("x.csv"),
        errors: vec![RowError {
            line: 2,
            column: Some(Column::Position(1)),
            value: Some("\u{FFFD}".into()),
            problem: RowProblem::NotUtf8 { byte: 1 },
        }],
    };
    assert_eq!(
        one.to_string(),
        "x.csv: 1 problem found; nothing was imported\n\
         x.csv:2: column #1: \"\u{FFFD}\": is not UTF-8 text (byte 1 of the field): save the file as CSV UTF-8"
    );
}

#[test]
fn the_spreadsheet_escape_is_undone_exactly() {
    for (text, written) in [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("''", "'''"),
        ("'", "'"),
        ("'abc", "'abc"),
        ("l'école", "l'école"),
        ("Loyer", "Loyer"),
        ("", ""),
    ] {
        assert_eq!(csv_text(text), written, "{text:?}");
        assert_eq!(csv_cell(written), text, "{written:?}");
    }
    assert_eq!(csv_number("-4500.00"), "-4500.00");
    assert_eq!(csv_number("12"), "12");
    assert_eq!(csv_number("-1+1"), "'-1+1");
    assert_eq!(csv_number("-"), "'-");
    assert_eq!(csv_number("-.5"), "'-.5");
}
