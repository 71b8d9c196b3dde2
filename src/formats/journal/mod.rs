//! CSV import: reads a whole file, reports every bad row at once, and hands the ledger a list
//! of transactions to check and write in one go.
//!
//! Columns are found by name, in any order (see the README, "CSV format"). Consecutive rows
//! with the same `txn` value form one transaction; its date, description and reference are
//! read from its first row. Every problem is reported as `FILE:LINE: column C: "VALUE": what`,
//! hledger-style, up to [`MAX_SHOWN`] of them: each problem is a value (`errors`), said in
//! English in one place ([`english`]).
//!
//! The CSV amana writes is opened in spreadsheets, so its text cells are neutralised against
//! formulas ([`csv_text`]); reading undoes exactly that ([`csv_cell`]), so an export imports
//! back unchanged.

mod english;
mod errors;

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::domain::{
    AccountCode, FunderId, GrantId, LedgerInfo, LineId, Minor, Posting, parse_date, text,
};

pub use english::{english, say};
pub use errors::{Column, FileProblem, ImportError, RowError, RowProblem};

/// Columns a file must have.
pub const REQUIRED: [&str; 5] = ["txn", "date", "description", "account", "amount"];
/// Columns a file may have.
pub const OPTIONAL: [&str; 8] = [
    "grant",
    "line",
    "reference",
    "memo",
    "original_amount",
    "original_currency",
    "receipt",
    "funder",
];
/// The column order amana writes (`journal --format csv`), which import reads back.
pub const COLUMNS: [&str; 11] = [
    "txn",
    "date",
    "description",
    "reference",
    "account",
    "amount",
    "grant",
    "line",
    "memo",
    "original_amount",
    "original_currency",
];

/// The first characters that make a spreadsheet (Excel, LibreOffice) read a cell as a formula,
/// per OWASP's "CSV Injection": `=`, `+`, `-`, `@`, tab and carriage return.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell that starts with an apostrophe carries [`csv_text`]'s escape: the apostrophe
/// is followed by a formula character or by another apostrophe.
fn escaped(cell: &str) -> bool {
    let mut chars = cell.chars();
    chars.next() == Some('\'')
        && chars
            .next()
            .is_some_and(|c| c == '\'' || FORMULA_STARTS.contains(&c))
}

/// A text as amana writes it in a CSV cell, safe to open in a spreadsheet: a text that starts
/// with a formula character gets a leading apostrophe (`=1+1` is written `'=1+1`), which
/// spreadsheets show as text. So that [`csv_cell`] can undo exactly that, a text that already
/// looks escaped (an apostrophe, then a formula character or an apostrophe) gets one too:
/// `'=x` is written `''=x`. Every other text is written as it is.
pub fn csv_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) || escaped(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// A number as amana writes it in a CSV cell: a plain decimal (`-4500.00`) stays a number;
/// anything else is text, neutralised as [`csv_text`] does.
pub fn csv_number(number: &str) -> std::borrow::Cow<'_, str> {
    if plain_number(number) {
        number.into()
    } else {
        csv_text(number)
    }
}

/// Whether `number` is a plain decimal as amana writes amounts (`-4500.00`, `12`): what
/// [`csv_number`] writes as a number.
pub fn plain_number(number: &str) -> bool {
    let digits = number.strip_prefix('-').unwrap_or(number);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    let plain = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    plain(int) && plain(frac)
}

/// A cell as read from a CSV file: the inverse of [`csv_text`] (and [`csv_number`]), so that
/// what `journal --format csv` wrote imports unchanged. A leading apostrophe followed by a
/// formula character or an apostrophe is removed; any other cell is read as it is.
pub fn csv_cell(cell: &str) -> &str {
    if escaped(cell) { &cell[1..] } else { cell }
}

/// How many row errors a message lists before it only counts the rest.
pub const MAX_SHOWN: usize = 100;

/// One transaction read from a file.
#[derive(Debug, Clone)]
pub struct ParsedTxn {
    pub label: String,
    /// Line of its first row.
    pub line: u64,
    pub date: NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    pub postings: Vec<Posting>,
    /// Line of each posting's row.
    pub posting_lines: Vec<u64>,
    /// The funder each posting's `funder` column names (where an income posting's money comes
    /// from without a grant), by posting.
    pub funders: Vec<Option<FunderId>>,
    /// Supporting documents named in the `receipt` column (paths relative to the CSV file's
    /// folder), with the line that names each.
    pub receipts: Vec<(String, u64)>,
}

#[derive(Debug, Clone)]
pub struct ParsedFile {
    /// Data rows read (the header not counted).
    pub rows: usize,
    /// The transactions read without a problem.
    pub transactions: Vec<ParsedTxn>,
    /// Problems found while reading: the caller adds the ledger's rules' findings on the good
    /// transactions, so that one run reports everything.
    pub errors: Vec<RowError>,
}

/// Column positions, found by name.
struct Columns(HashMap<&'static str, usize>);

impl Columns {
    /// The cell of column `name`, trimmed and with the spreadsheet escape undone ([`csv_cell`]).
    fn get<'r>(&self, record: &'r [String], name: &str) -> Option<&'r str> {
        self.0
            .get(name)
            .and_then(|&i| record.get(i))
            .map(|s| csv_cell(s.trim()))
            .filter(|s| !s.is_empty())
    }
}

/// Parses `bytes` (the content of `file`) into transactions and row problems; a problem with
/// the whole file (empty, no header, wrong columns, binary) is an error.
pub fn parse(file: &Path, bytes: &[u8], info: &LedgerInfo) -> Result<ParsedFile, ImportError> {
    let file_error = |problem: FileProblem| ImportError::File {
        file: file.to_path_buf(),
        problem,
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(file_error(FileProblem::Empty));
    }
    if bytes.contains(&0) {
        return Err(file_error(FileProblem::NotText));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let mut errors: Vec<RowError> = vec![];

    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            return Err(file_error(FileProblem::HeaderUnreadable {
                detail: e.to_string(),
            }));
        }
        None => return Err(file_error(FileProblem::NoHeader)),
    };
    let header = decode_utf8(&header, 1, &mut errors);
    if !errors.is_empty() {
        return Err(ImportError::Rows {
            file: file.to_path_buf(),
            errors,
        });
    }
    let columns = find_columns(&header).map_err(file_error)?;

    let mut rows = 0usize;
    let mut transactions: Vec<ParsedTxn> = vec![];
    let mut seen_labels: HashMap<String, u64> = HashMap::new();
    // Whether the transaction being read has a problem (its later rows are still checked).
    let mut current_bad = false;
    let mut current_label: Option<String> = None;
    let mut current_header: [Option<String>; 3] = [None, None, None];

    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errors.push(RowError {
                    line,
                    column: None,
                    value: None,
                    problem: RowProblem::Unreadable {
                        detail: e.to_string(),
                    },
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        rows += 1;
        let before = errors.len();
        let fields = decode_utf8(&record, line, &mut errors);
        if errors.len() > before {
            current_bad = true;
            continue;
        }
        if fields.len() != header.len() {
            errors.push(RowError {
                line,
                column: None,
                value: None,
                problem: RowProblem::FieldCount {
                    fields: fields.len(),
                    header: header.len(),
                },
            });
            current_bad = true;
            continue;
        }
        let mut err = |column: &'static str, value: &str, problem: RowProblem| {
            errors.push(RowError {
                line,
                column: Some(Column::Named(column)),
                value: Some(value.to_string()),
                problem,
            })
        };

        let Some(label) = columns.get(&fields, "txn") else {
            err("txn", "", RowProblem::TxnEmpty);
            current_bad = true;
            continue;
        };
        let starts_new = current_label.as_deref() != Some(label);
        let header_of = |fields: &[String]| -> [Option<String>; 3] {
            ["date", "description", "reference"].map(|c| columns.get(fields, c).map(str::to_string))
        };
        if !starts_new {
            // The transaction's date, description and reference come from its first row; a later
            // row that says otherwise is two transactions under one label, not a detail to drop.
            for ((name, value), first) in ["date", "description", "reference"]
                .iter()
                .zip(header_of(&fields))
                .zip(current_header.iter())
            {
                if let Some(v) = value
                    && first.as_ref() != Some(&v)
                {
                    err(
                        name,
                        &v,
                        RowProblem::DiffersFromFirstRow {
                            label: label.to_string(),
                            first: first.clone(),
                        },
                    );
                    current_bad = true;
                }
            }
        }
        if starts_new {
            current_header = header_of(&fields);
            if let Some(first) = seen_labels.get(label) {
                err("txn", label, RowProblem::TxnReused { first_line: *first });
                current_bad = true;
                current_label = Some(label.to_string());
                continue;
            }
            seen_labels.insert(label.to_string(), line);
            current_label = Some(label.to_string());
            current_bad = false;
            let date = match columns.get(&fields, "date") {
                None => {
                    err("date", "", RowProblem::EmptyOnFirstRow);
                    None
                }
                Some(d) => match parse_date(d) {
                    Ok(date) => Some(date),
                    Err(e) => {
                        err("date", d, RowProblem::Value(e));
                        None
                    }
                },
            };
            let description = match columns.get(&fields, "description") {
                None => {
                    err("description", "", RowProblem::EmptyOnFirstRow);
                    None
                }
                Some(d) => match text::clean("description", d) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        err("description", d, RowProblem::Value(e));
                        None
                    }
                },
            };
            let reference =
                match text::clean_optional("reference", columns.get(&fields, "reference")) {
                    Ok(r) => r,
                    Err(e) => {
                        err(
                            "reference",
                            columns.get(&fields, "reference").unwrap_or(""),
                            RowProblem::Value(e),
                        );
                        None
                    }
                };
            match (date, description) {
                (Some(date), Some(description)) => transactions.push(ParsedTxn {
                    label: label.to_string(),
                    line,
                    date,
                    description,
                    reference,
                    postings: vec![],
                    posting_lines: vec![],
                    funders: vec![],
                    receipts: vec![],
                }),
                _ => current_bad = true,
            }
        }

        let funder = match columns.get(&fields, "funder").map(FunderId::parse) {
            Some(Err(e)) => {
                err(
                    "funder",
                    columns.get(&fields, "funder").unwrap_or(""),
                    RowProblem::Value(e),
                );
                current_bad = true;
                None
            }
            Some(Ok(f)) => Some(f),
            None => None,
        };
        match parse_posting(&columns, &fields, info) {
            Ok(p) if !current_bad => {
                let txn = transactions.last_mut().expect("a transaction was started");
                txn.postings.push(p);
                txn.posting_lines.push(line);
                txn.funders.push(funder);
                if let Some(receipt) = columns.get(&fields, "receipt")
                    && !txn.receipts.iter().any(|(r, _)| r == receipt)
                {
                    txn.receipts.push((receipt.to_string(), line));
                }
            }
            Ok(_) => {}
            Err(problems) => {
                current_bad = true;
                for (column, value, problem) in problems {
                    err(column, &value, problem);
                }
            }
        }
        if current_bad
            && transactions
                .last()
                .is_some_and(|t| Some(&t.label) == current_label.as_ref())
        {
            transactions.pop();
        }
    }
    if rows == 0 {
        return Err(file_error(FileProblem::NoRows));
    }
    Ok(ParsedFile {
        rows,
        transactions,
        errors,
    })
}

fn decode_utf8(record: &csv::ByteRecord, line: u64, errors: &mut Vec<RowError>) -> Vec<String> {
    let mut out = Vec::with_capacity(record.len());
    for (i, field) in record.iter().enumerate() {
        match std::str::from_utf8(field) {
            Ok(s) => out.push(s.to_string()),
            Err(e) => {
                errors.push(RowError {
                    line,
                    column: Some(Column::Position(i + 1)),
                    value: Some(String::from_utf8_lossy(field).into_owned()),
                    problem: RowProblem::NotUtf8 {
                        byte: e.valid_up_to() + 1,
                    },
                });
                out.push(String::new());
            }
        }
    }
    out
}

fn find_columns(header: &[String]) -> Result<Columns, FileProblem> {
    // One column holding another separator: a spreadsheet's semicolons, or a bank's export.
    if let [only] = header
        && let Some(separator) = [';', '\t', '|'].into_iter().find(|s| only.contains(*s))
    {
        return Err(FileProblem::OtherSeparator { separator });
    }
    let mut found: HashMap<&'static str, usize> = HashMap::new();
    let mut unknown = vec![];
    for (i, name) in header.iter().enumerate() {
        let n = name.trim().to_ascii_lowercase();
        match REQUIRED.iter().chain(OPTIONAL.iter()).find(|c| **c == n) {
            Some(c) => {
                if found.insert(c, i).is_some() {
                    return Err(FileProblem::ColumnTwice { column: c });
                }
            }
            None => unknown.push(name.trim().to_string()),
        }
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|c| !found.contains_key(c))
        .collect();
    if !missing.is_empty() {
        return Err(FileProblem::ColumnsMissing { missing });
    }
    if !unknown.is_empty() {
        return Err(FileProblem::ColumnsUnknown { unknown });
    }
    Ok(Columns(found))
}

/// A problem in one cell: its column, its value, what.
type FieldProblem = (&'static str, String, RowProblem);

fn parse_posting(
    columns: &Columns,
    fields: &[String],
    info: &LedgerInfo,
) -> Result<Posting, Vec<FieldProblem>> {
    let mut problems: Vec<FieldProblem> = vec![];
    let mut problem = |column: &'static str, value: &str, kind: RowProblem| {
        problems.push((column, value.to_string(), kind));
    };
    let account = match columns.get(fields, "account") {
        None => {
            problem("account", "", RowProblem::AccountEmpty);
            None
        }
        Some(a) => AccountCode::parse(a)
            .map_err(|e| problem("account", a, RowProblem::Value(e)))
            .ok(),
    };
    let amount = match columns.get(fields, "amount") {
        None => {
            problem("amount", "", RowProblem::AmountEmpty);
            None
        }
        Some(a) => info
            .currency
            .parse(a)
            .map_err(|e| problem("amount", a, RowProblem::Value(e)))
            .ok(),
    };
    let grant = columns.get(fields, "grant").and_then(|g| {
        GrantId::parse(g)
            .map_err(|e| problem("grant", g, RowProblem::Value(e)))
            .ok()
    });
    let line = columns.get(fields, "line").and_then(|l| {
        LineId::parse(l)
            .map_err(|e| problem("line", l, RowProblem::Value(e)))
            .ok()
    });
    if let (Some(l), None) = (columns.get(fields, "line"), columns.get(fields, "grant")) {
        problem("line", l, RowProblem::LineWithoutGrant);
    }
    let original = match (
        columns.get(fields, "original_amount"),
        columns.get(fields, "original_currency"),
    ) {
        (None, None) => None,
        (Some(a), None) => {
            problem(
                "original_currency",
                "",
                RowProblem::OriginalCurrencyMissing {
                    amount: a.to_string(),
                },
            );
            None
        }
        (None, Some(c)) => {
            problem(
                "original_amount",
                "",
                RowProblem::OriginalAmountMissing {
                    currency: c.to_string(),
                },
            );
            None
        }
        (Some(a), Some(c)) => {
            let code = c.to_ascii_uppercase();
            match info.currency(&code) {
                None => {
                    problem("original_currency", c, RowProblem::OriginalCurrencyUnknown);
                    None
                }
                Some(currency) => currency
                    .parse(a)
                    .map(|m: Minor| (m, code))
                    .map_err(|e| problem("original_amount", a, RowProblem::Value(e)))
                    .ok(),
            }
        }
    };
    let memo = match text::clean_optional("memo", columns.get(fields, "memo")) {
        Ok(m) => m,
        Err(e) => {
            problem(
                "memo",
                columns.get(fields, "memo").unwrap_or(""),
                RowProblem::Value(e),
            );
            None
        }
    };
    match (account, amount) {
        (Some(account), Some(amount)) if problems.is_empty() => Ok(Posting {
            account,
            amount,
            grant,
            line,
            original,
            memo,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests;
