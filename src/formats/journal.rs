//! CSV import: reads a whole file, reports every bad row at once, and hands the ledger a list
//! of transactions to check and write in one go.
//!
//! Columns are found by name, in any order (see the README, "CSV format"). Consecutive rows
//! with the same `txn` value form one transaction; its date, description and reference are
//! read from its first row. Every problem is reported as `FILE:LINE: column C: "VALUE": what`,
//! hledger-style, up to [`MAX_SHOWN`] of them.
//!
//! The CSV amana writes is opened in spreadsheets, so its text cells are neutralised against
//! formulas ([`csv_text`]); reading undoes exactly that ([`csv_cell`]), so an export imports
//! back unchanged.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::{AccountCode, GrantId, LedgerInfo, LineId, Minor, Posting, parse_date, text};

/// Columns a file must have.
pub const REQUIRED: [&str; 5] = ["txn", "date", "description", "account", "amount"];
/// Columns a file may have.
pub const OPTIONAL: [&str; 7] = [
    "grant",
    "line",
    "reference",
    "memo",
    "original_amount",
    "original_currency",
    "receipt",
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
    let digits = number.strip_prefix('-').unwrap_or(number);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    let plain = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    if plain(int) && plain(frac) {
        number.into()
    } else {
        csv_text(number)
    }
}

/// A cell as read from a CSV file: the inverse of [`csv_text`] (and [`csv_number`]), so that
/// what `journal --format csv` wrote imports unchanged. A leading apostrophe followed by a
/// formula character or an apostrophe is removed; any other cell is read as it is.
pub fn csv_cell(cell: &str) -> &str {
    if escaped(cell) { &cell[1..] } else { cell }
}

/// How many row errors a message lists before it only counts the rest.
pub const MAX_SHOWN: usize = 100;

/// One problem in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line number in the file.
    pub line: u64,
    pub column: Option<String>,
    pub value: Option<String>,
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(c) = &self.column {
            write!(f, ": column {c}")?;
        }
        if let Some(v) = &self.value {
            write!(f, ": \"{v}\"")?;
        }
        write!(f, ": {}", self.reason)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: {reason}", file.display())]
    File { file: PathBuf, reason: String },
    #[error("{}", rows_message(file, errors))]
    Rows {
        file: PathBuf,
        errors: Vec<RowError>,
    },
}

fn rows_message(file: &Path, errors: &[RowError]) -> String {
    let mut out = format!(
        "{}: {} problem{} found; nothing was imported",
        file.display(),
        errors.len(),
        if errors.len() == 1 { "" } else { "s" }
    );
    for e in errors.iter().take(MAX_SHOWN) {
        out.push_str(&format!("\n{}:{e}", file.display()).replacen(":line ", ":", 1));
    }
    if errors.len() > MAX_SHOWN {
        out.push_str(&format!("\n... and {} more", errors.len() - MAX_SHOWN));
    }
    out
}

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
    let file_error = |reason: String| ImportError::File {
        file: file.to_path_buf(),
        reason,
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(file_error(format!(
            "the file is empty: a CSV file starts with a header row naming its columns ({})",
            REQUIRED.join(",")
        )));
    }
    if bytes.contains(&0) {
        return Err(file_error(
            "this is not a CSV text file (it holds NUL bytes); export the journal as CSV, UTF-8"
                .into(),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let mut errors: Vec<RowError> = vec![];

    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(file_error(format!("the header row cannot be read: {e}"))),
        None => return Err(file_error("the file has no header row".into())),
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
                    reason: format!("cannot be read as CSV: {e}"),
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
                reason: format!(
                    "has {} fields where the header has {} (a truncated row, or a comma inside an unquoted value?)",
                    fields.len(),
                    header.len()
                ),
            });
            current_bad = true;
            continue;
        }
        let mut err = |column: &str, value: &str, reason: String| {
            errors.push(RowError {
                line,
                column: Some(column.to_string()),
                value: Some(value.to_string()),
                reason,
            })
        };

        let Some(label) = columns.get(&fields, "txn") else {
            err(
                "txn",
                "",
                "is empty: every row names its transaction".into(),
            );
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
                        format!(
                            "differs from the first row of transaction {label} ({}): leave it empty, repeat it exactly, or give this row another txn",
                            first.as_deref().unwrap_or("empty")
                        ),
                    );
                    current_bad = true;
                }
            }
        }
        if starts_new {
            current_header = header_of(&fields);
            if let Some(first) = seen_labels.get(label) {
                err(
                    "txn",
                    label,
                    format!(
                        "was already used by the transaction at line {first}: the rows of a transaction must be consecutive"
                    ),
                );
                current_bad = true;
                current_label = Some(label.to_string());
                continue;
            }
            seen_labels.insert(label.to_string(), line);
            current_label = Some(label.to_string());
            current_bad = false;
            let date = match columns.get(&fields, "date") {
                None => {
                    err(
                        "date",
                        "",
                        "is empty on the first row of the transaction".into(),
                    );
                    None
                }
                Some(d) => match parse_date(d) {
                    Ok(date) => Some(date),
                    Err(e) => {
                        err("date", d, strip_value(&e.to_string()));
                        None
                    }
                },
            };
            let description = match columns.get(&fields, "description") {
                None => {
                    err(
                        "description",
                        "",
                        "is empty on the first row of the transaction".into(),
                    );
                    None
                }
                Some(d) => match text::clean("description", d) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        err("description", d, strip_value(&e.to_string()));
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
                            strip_value(&e.to_string()),
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
                    receipts: vec![],
                }),
                _ => current_bad = true,
            }
        }

        match parse_posting(&columns, &fields, info) {
            Ok(p) if !current_bad => {
                let txn = transactions.last_mut().expect("a transaction was started");
                txn.postings.push(p);
                txn.posting_lines.push(line);
                if let Some(receipt) = columns.get(&fields, "receipt")
                    && !txn.receipts.iter().any(|(r, _)| r == receipt)
                {
                    txn.receipts.push((receipt.to_string(), line));
                }
            }
            Ok(_) => {}
            Err(problems) => {
                current_bad = true;
                for (column, value, reason) in problems {
                    err(column, &value, reason);
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
        return Err(file_error(
            "the file has a header but no rows: nothing to import".into(),
        ));
    }
    Ok(ParsedFile {
        rows,
        transactions,
        errors,
    })
}

/// Domain errors quote the value; a row error shows it in its own place.
fn strip_value(message: &str) -> String {
    match message.split_once("\" ") {
        Some((_, rest)) if message.contains(" \"") || message.starts_with('"') => rest.to_string(),
        _ => message.to_string(),
    }
}

fn decode_utf8(record: &csv::ByteRecord, line: u64, errors: &mut Vec<RowError>) -> Vec<String> {
    let mut out = Vec::with_capacity(record.len());
    for (i, field) in record.iter().enumerate() {
        match std::str::from_utf8(field) {
            Ok(s) => out.push(s.to_string()),
            Err(e) => {
                errors.push(RowError {
                    line,
                    column: Some(format!("#{}", i + 1)),
                    value: Some(String::from_utf8_lossy(field).into_owned()),
                    reason: format!(
                        "is not UTF-8 text (byte {} of the field): save the file as CSV UTF-8",
                        e.valid_up_to() + 1
                    ),
                });
                out.push(String::new());
            }
        }
    }
    out
}

fn find_columns(header: &[String]) -> Result<Columns, String> {
    let mut found: HashMap<&'static str, usize> = HashMap::new();
    let mut unknown = vec![];
    for (i, name) in header.iter().enumerate() {
        let n = name.trim().to_ascii_lowercase();
        match REQUIRED.iter().chain(OPTIONAL.iter()).find(|c| **c == n) {
            Some(c) => {
                if found.insert(c, i).is_some() {
                    return Err(format!("column \"{c}\" appears twice in the header row"));
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
        return Err(format!(
            "the header row lacks the required column{} {}; it must name at least {} (optional: {})",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", "),
            REQUIRED.join(","),
            OPTIONAL.join(",")
        ));
    }
    if !unknown.is_empty() {
        return Err(format!(
            "unknown column{} {} in the header row (a typo?); the columns are {} and optionally {}",
            if unknown.len() == 1 { "" } else { "s" },
            unknown
                .iter()
                .map(|u| format!("\"{u}\""))
                .collect::<Vec<_>>()
                .join(", "),
            REQUIRED.join(","),
            OPTIONAL.join(",")
        ));
    }
    Ok(Columns(found))
}

type FieldProblem = (&'static str, String, String);

fn parse_posting(
    columns: &Columns,
    fields: &[String],
    info: &LedgerInfo,
) -> Result<Posting, Vec<FieldProblem>> {
    let mut problems: Vec<FieldProblem> = vec![];
    let mut problem = |column: &'static str, value: &str, reason: String| {
        problems.push((column, value.to_string(), reason));
    };
    let account = match columns.get(fields, "account") {
        None => {
            problem(
                "account",
                "",
                "is empty: every row posts to an account".into(),
            );
            None
        }
        Some(a) => AccountCode::parse(a)
            .map_err(|e| problem("account", a, strip_value(&e.to_string())))
            .ok(),
    };
    let amount = match columns.get(fields, "amount") {
        None => {
            problem(
                "amount",
                "",
                "is empty: every row has an amount (debit positive, credit negative)".into(),
            );
            None
        }
        Some(a) => info
            .currency
            .parse(a)
            .map_err(|e| problem("amount", a, strip_value(&e.to_string())))
            .ok(),
    };
    let grant = columns.get(fields, "grant").and_then(|g| {
        GrantId::parse(g)
            .map_err(|e| problem("grant", g, strip_value(&e.to_string())))
            .ok()
    });
    let line = columns.get(fields, "line").and_then(|l| {
        LineId::parse(l)
            .map_err(|e| problem("line", l, strip_value(&e.to_string())))
            .ok()
    });
    if let (Some(l), None) = (columns.get(fields, "line"), columns.get(fields, "grant")) {
        problem(
            "line",
            l,
            "is set but grant is empty: a budget line belongs to a grant; fill in the grant column"
                .into(),
        );
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
                format!("is empty but original_amount is {a}: give both or neither"),
            );
            None
        }
        (None, Some(c)) => {
            problem(
                "original_amount",
                "",
                format!("is empty but original_currency is {c}: give both or neither"),
            );
            None
        }
        (Some(a), Some(c)) => {
            let code = c.to_ascii_uppercase();
            match info.currency(&code) {
                None => {
                    problem(
                        "original_currency",
                        c,
                        "is not an ISO 4217 currency code (e.g. EUR, USD)".into(),
                    );
                    None
                }
                Some(currency) => currency
                    .parse(a)
                    .map(|m: Minor| (m, code))
                    .map_err(|e| problem("original_amount", a, strip_value(&e.to_string())))
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
                strip_value(&e.to_string()),
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
mod tests {
    use super::*;

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
}
