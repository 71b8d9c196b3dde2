//! A bank's own statement export, read as the bank wrote it: its encoding (UTF-8 with or
//! without BOM, Windows-1252, ISO-8859-1, Windows-1256), its separator, the lines before its
//! header, its dates, its decimal commas and thousands spaces, one signed amount column or a
//! Débit and a Crédit column, and its running balance.
//!
//! A rules file ([`rules::Rules`]) says each of these; whatever it leaves out is guessed from
//! the file and the guess is said ([`Layout::guessed`]), so a first import needs no rules.
//! Reading is pure (bytes in, [`Statement`] out); the ledger decides what each line becomes.
//!
//! Nothing is dropped: a row is a statement line, the statement's opening balance, the
//! continuation of the line above's description, or a footer the layout leaves out (each
//! counted and shown); anything else is an error at its line and column, with its value.

pub mod fingerprint;
mod names;
pub mod number;
mod rows;
pub mod rules;

use std::fmt;

use chrono::{Datelike, NaiveDate};

use names::{Found, Row, fold};
use rules::{ColumnRef, Rules};

/// The encodings amana reads a statement in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
    Iso88591,
    Windows1256,
}

impl Encoding {
    pub fn from_label(label: &str) -> Option<Encoding> {
        match label.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "windows-1252" | "cp1252" => Some(Encoding::Windows1252),
            "iso-8859-1" | "latin1" | "latin-1" => Some(Encoding::Iso88591),
            "windows-1256" | "cp1256" => Some(Encoding::Windows1256),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Iso88591 => "iso-8859-1",
            Encoding::Windows1256 => "windows-1256",
        }
    }

    /// Decodes one line; `Err(byte)`: the 1-based position of the first byte that is not a
    /// character of this encoding.
    fn decode(self, bytes: &[u8]) -> Result<String, usize> {
        match self {
            Encoding::Utf8 => std::str::from_utf8(bytes)
                .map(str::to_string)
                .map_err(|e| e.valid_up_to() + 1),
            // Latin-1 is the first 256 code points, byte for byte (encoding_rs would read it
            // as Windows-1252, as browsers do).
            Encoding::Iso88591 => match bytes.iter().position(|b| (0x80..=0x9f).contains(b)) {
                None => Ok(bytes.iter().map(|&b| char::from(b)).collect()),
                Some(i) => Err(i + 1),
            },
            Encoding::Windows1252 | Encoding::Windows1256 => {
                let enc = if self == Encoding::Windows1252 {
                    encoding_rs::WINDOWS_1252
                } else {
                    encoding_rs::WINDOWS_1256
                };
                match enc.decode_without_bom_handling_and_without_replacement(bytes) {
                    // WHATWG maps the five holes of Windows-1252 to C1 controls: no bank
                    // writes those, so they are bytes of another encoding.
                    Some(text) => match text
                        .char_indices()
                        .find(|(_, c)| ('\u{80}'..='\u{9f}').contains(c))
                    {
                        None => Ok(text.into_owned()),
                        Some((i, _)) => Err(text[..i].chars().count() + 1),
                    },
                    None => Err(first_unmapped(enc, bytes)),
                }
            }
        }
    }
}

fn first_unmapped(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> usize {
    (0..bytes.len())
        .find(|&i| {
            enc.decode_without_bom_handling_and_without_replacement(&bytes[i..=i])
                .is_none()
        })
        .map_or(1, |i| i + 1)
}

/// How the amounts are laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountColumns {
    /// One signed column: money in positive.
    Signed(usize),
    /// Money out in `debit`, money in in `credit`, each written positive.
    DebitCredit { debit: usize, credit: usize },
}

/// The layout a statement was read with: from the rules file, or guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub encoding: Encoding,
    /// The file began with a UTF-8 byte order mark.
    pub bom: bool,
    pub separator: u8,
    /// Lines before the header line (or before the first line, without a header).
    pub skip: usize,
    pub skip_end: usize,
    pub header: Option<Vec<String>>,
    pub date_format: String,
    pub decimal: char,
    pub thousands: Vec<char>,
    pub date: usize,
    pub value_date: Option<usize>,
    pub description: Vec<usize>,
    pub reference: Option<usize>,
    pub amounts: AmountColumns,
    pub balance: Option<usize>,
    /// What was not in a rules file and was guessed from the statement: `encoding`,
    /// `separator`, `header`, `columns`, `date_format`, `decimal`.
    pub guessed: Vec<&'static str>,
}

impl Layout {
    /// The name of column `i` as the header gives it, else its number.
    pub fn column_name(&self, i: usize) -> String {
        self.header
            .as_ref()
            .and_then(|h| h.get(i))
            .map_or_else(|| format!("#{}", i + 1), Clone::clone)
    }

    /// One line that says the layout, as it is recorded in the chain and shown to the user.
    pub fn summary(&self) -> String {
        let sep = match self.separator {
            b'\t' => "tab".to_string(),
            s => char::from(s).to_string(),
        };
        let amounts = match &self.amounts {
            AmountColumns::Signed(a) => format!("amount {}", self.column_name(*a)),
            AmountColumns::DebitCredit { debit, credit } => format!(
                "debit {}, credit {}",
                self.column_name(*debit),
                self.column_name(*credit)
            ),
        };
        let mut thousands: Vec<String> = vec![];
        for c in &self.thousands {
            let name = match c {
                ' ' | '\u{a0}' | '\u{202f}' => "space".to_string(),
                c => format!("\"{c}\""),
            };
            if !thousands.contains(&name) {
                thousands.push(name);
            }
        }
        let thousands = thousands.join(" ");
        let mut s = format!(
            "{}{}; separator {sep}; skip {}; date {} {}; decimal {}; thousands {}; description {}; {amounts}",
            self.encoding.name(),
            if self.bom { " (BOM)" } else { "" },
            self.skip,
            self.column_name(self.date),
            self.date_format,
            self.decimal,
            thousands,
            self.description
                .iter()
                .map(|&i| self.column_name(i))
                .collect::<Vec<_>>()
                .join(" + "),
        );
        if let Some(b) = self.balance {
            s.push_str(&format!("; balance {}", self.column_name(b)));
        }
        s
    }
}

/// One line of the statement, in the books' terms: money in positive, in minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    /// 1-based line of the file.
    pub line: u64,
    pub date: NaiveDate,
    pub value_date: Option<NaiveDate>,
    pub description: String,
    /// The description as the line's own row gives it, without the rows that continue it:
    /// what its fingerprint reads (a statement that ends on this line may drop its
    /// continuation, or add a note after it).
    pub own_description: String,
    pub reference: Option<String>,
    pub amount: i64,
    /// The running balance after this line, as the statement gives it.
    pub balance: Option<i64>,
}

/// A statement, read.
#[derive(Debug, Clone)]
pub struct Statement {
    pub layout: Layout,
    /// Oldest first, whatever the file's order.
    pub lines: Vec<StatementLine>,
    /// The balance before the first line, when the statement gives it (an opening balance
    /// row, or the first line's balance less its amount).
    pub opening: Option<i64>,
    /// The file listed its newest line first.
    pub newest_first: bool,
    /// Rows whose description continues the line above.
    pub continued: usize,
    /// Rows of balances only (opening balance): line numbers.
    pub balance_rows: Vec<u64>,
    /// Dated lines of no amount (0,00: information the bank gives): line numbers.
    pub zero_rows: Vec<u64>,
    /// Rows after the last statement line that are totals or a closing balance: line numbers.
    pub footer: Vec<u64>,
}

/// What is wrong with a statement: the whole file, or its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatementError {
    /// Nothing can be read: `line` 0 when it is no line in particular.
    File { line: u64, problem: String },
    /// Every row problem found.
    Rows(Vec<RowError>),
}

/// A row's problem: where, the value as written, what, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub column: Option<String>,
    pub value: Option<String>,
    pub problem: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(c) = &self.column {
            write!(f, ", column {}", visible(c))?;
        }
        if let Some(v) = &self.value {
            write!(f, ", value \"{}\"", visible(v))?;
        }
        write!(f, ": {}", visible(&self.problem))
    }
}

/// Text from a statement as a terminal can show it safely: control characters and the bidi
/// embedding, override and isolate characters written as `\u{...}`, so that a hostile cell
/// cannot move the cursor, ring, or reorder the message around it.
pub fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => format!("\\u{{{:04X}}}", c as u32),
            c if c.is_control() => format!("\\u{{{:04X}}}", c as u32),
            c => c.to_string(),
        })
        .collect()
}

/// Date formats a bank may use, in the order they are tried (Moroccan banks write the day
/// first).
const DATE_FORMATS: [&str; 8] = [
    "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y", "%d-%m-%y", "%Y/%m/%d", "%m/%d/%Y",
];

/// A date of the statement in `format`; a year before 1900 is no date of a bank statement
/// (chrono's `%Y` reads `26` as the year 26: a two-digit year needs `%y`).
pub(crate) fn parse_date(cell: &str, format: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(cell, format)
        .ok()
        .filter(|d| d.year() >= 1900)
}

/// A chrono date format amana accepts: it must name a day, a month and a year, and nothing
/// chrono cannot read.
pub fn check_date_format(format: &str) -> Result<(), String> {
    use chrono::format::{Item, StrftimeItems};
    let items: Vec<Item> = StrftimeItems::new(format).collect();
    if items.iter().any(|i| matches!(i, Item::Error)) {
        return Err(format!(
            "\"{format}\" is not a date format (e.g. \"%d/%m/%Y\")"
        ));
    }
    let has = |spec: &[&str]| spec.iter().any(|s| format.contains(s));
    if !(has(&["%d", "%e"]) && has(&["%m", "%b", "%B"]) && has(&["%Y", "%y"])) {
        return Err(format!(
            "\"{format}\" does not name a day, a month and a year (e.g. \"%d/%m/%Y\")"
        ));
    }
    Ok(())
}

/// Splits decoded text into rows with `separator`, each with its line number.
fn split_rows(text: &str, separator: u8) -> Result<Vec<Row>, StatementError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // Lines are counted from the records' byte offsets (the reader's own count lags on the
    // first records). After a CR LF a record starts at the LF, which ends the line before.
    let starts: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let line_of = |byte: u64| starts.partition_point(|&s| (s as u64) <= byte) as u64 + 1;
    let mut out = vec![];
    for record in reader.records() {
        let record = record.map_err(|e| StatementError::File {
            line: e.position().map_or(0, |p| line_of(p.byte())),
            problem: format!("the file cannot be read as a table: {e}"),
        })?;
        let line = record.position().map_or(0, |p| line_of(p.byte()));
        out.push(Row {
            line,
            cells: record.iter().map(str::to_string).collect(),
        });
    }
    Ok(out)
}

/// Decodes the file line by line, so that a byte the encoding lacks is named at its line.
fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, StatementError> {
    let mut text = String::with_capacity(bytes.len());
    for (i, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        let decoded = encoding.decode(line).map_err(|byte| StatementError::File {
            line: i as u64 + 1,
            problem: format!(
                "byte {byte} of the line (0x{:02X}) is not a character in {}: the file is in another encoding; say which with encoding = \"...\" in the rules file (utf-8, windows-1252, iso-8859-1, windows-1256)",
                line[byte - 1],
                encoding.name()
            ),
        })?;
        text.push_str(&decoded);
    }
    Ok(text)
}

/// Guesses the encoding of bytes that are not UTF-8: Windows-1256 when the bytes above 0x7F
/// come in runs (Arabic words), Windows-1252 when they stand alone between ASCII letters
/// (French accents).
fn guess_encoding(bytes: &[u8]) -> Encoding {
    let (mut high, mut in_runs) = (0usize, 0usize);
    let mut run = 0usize;
    for &b in bytes.iter().chain(std::iter::once(&b' ')) {
        if b >= 0xC0 {
            high += 1;
            run += 1;
        } else {
            if run >= 3 {
                in_runs += run;
            }
            run = 0;
        }
    }
    if high > 0 && in_runs * 2 > high {
        Encoding::Windows1256
    } else {
        Encoding::Windows1252
    }
}

fn resolve(
    spec: &ColumnRef,
    header: Option<&[String]>,
    key: &str,
) -> Result<usize, StatementError> {
    match spec {
        ColumnRef::Number(n) if *n >= 1 => Ok(n - 1),
        ColumnRef::Number(_) => Err(StatementError::File {
            line: 0,
            problem: format!("columns.{key}: columns are numbered from 1"),
        }),
        ColumnRef::Name(name) => header
            .and_then(|h| h.iter().position(|c| fold(c) == fold(name)))
            .ok_or_else(|| StatementError::File {
                line: 0,
                problem: match header {
                    Some(h) => format!(
                        "columns.{key}: the header has no column \"{name}\"; its columns are {}",
                        h.iter()
                            .map(|c| format!("\"{}\"", c.trim()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    None => format!("columns.{key}: \"{name}\" names a column, but the rules say the file has no header (use a number)"),
                },
            }),
    }
}

/// Reads a statement: `rules` say what they say, the rest is guessed; `exponent` is the
/// number of decimals of the account's currency.
pub fn read(bytes: &[u8], rules: &Rules, exponent: u8) -> Result<Statement, StatementError> {
    if bytes.is_empty() {
        return Err(StatementError::File {
            line: 0,
            problem: "the file is empty".into(),
        });
    }
    if bytes.contains(&0) {
        return Err(StatementError::File {
            line: 0,
            problem: "the file holds NUL bytes: it is not a text export (a spreadsheet file? save it as CSV first)".into(),
        });
    }
    let mut guessed = vec![];
    let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    // A byte order mark, or non-ASCII text that is valid UTF-8, is UTF-8 whatever the rules
    // say: a statement saved again by a spreadsheet (read as Windows-1252, "NÂ°" would be a
    // new line, and a line imported twice).
    let utf8 = bom || (!body.is_ascii() && std::str::from_utf8(body).is_ok());
    let encoding = match rules.encoding {
        Some(e) if e != Encoding::Utf8 && utf8 => {
            guessed.push("encoding");
            Encoding::Utf8
        }
        Some(e) => e,
        None if bom || std::str::from_utf8(body).is_ok() => {
            guessed.push("encoding");
            Encoding::Utf8
        }
        None => {
            guessed.push("encoding");
            guess_encoding(body)
        }
    };
    // Lines ended by a carriage return alone (a Mac's "CSV"): made lines.
    let body: std::borrow::Cow<[u8]> = if body.contains(&b'\r') && !body.contains(&b'\n') {
        body.iter()
            .map(|&b| if b == b'\r' { b'\n' } else { b })
            .collect::<Vec<u8>>()
            .into()
    } else {
        body.into()
    };
    let text = decode(&body, encoding)?;
    // The separator: the rules', else the one that gives a header amana recognises.
    let candidates: Vec<u8> = match rules.separator {
        Some(s) => vec![s],
        None => {
            guessed.push("separator");
            vec![b';', b',', b'\t', b'|']
        }
    };
    let use_header = rules.header.unwrap_or(true);
    let mut chosen = None;
    let mut first_error = None;
    for &sep in &candidates {
        let all = match split_rows(&text, sep) {
            Ok(r) => r,
            Err(e) => {
                first_error.get_or_insert(e);
                continue;
            }
        };
        let header_at = if !use_header {
            Some(rules.skip.unwrap_or(0))
        } else if let Some(skip) = rules.skip {
            // Lines before the header, blank ones not counted.
            (skip < all.len()).then_some(skip)
        } else {
            all.iter()
                .take(60)
                .position(|r| Found::from_header(&r.cells).usable())
        };
        if let Some(h) = header_at
            && (rules.separator.is_some() || rules.skip.is_some() || !use_header || {
                Found::from_header(&all[h].cells).usable()
            })
        {
            chosen = Some((sep, all, h));
            break;
        }
    }
    let Some((separator, all, header_index)) = chosen else {
        return Err(first_error.unwrap_or(StatementError::File {
            line: 0,
            problem: "no header line with a date, a description and an amount (or debit and credit) was found in the first 60 lines; write a rules file that names the separator, the lines to skip and the columns (see examples/banks/)".into(),
        }));
    };
    let (header, data_start) = if use_header {
        let h = all.get(header_index).ok_or_else(|| StatementError::File {
            line: 0,
            problem: "the file has no line after the lines to skip".into(),
        })?;
        if rules.skip.is_none() {
            guessed.push("header");
        }
        (
            Some(
                h.cells
                    .iter()
                    .map(|c| c.trim().to_string())
                    .collect::<Vec<_>>(),
            ),
            header_index + 1,
        )
    } else {
        (None, header_index)
    };
    let skip = if use_header {
        all.get(header_index)
            .map_or(0, |r| r.line.saturating_sub(1) as usize)
    } else {
        rules.skip.unwrap_or(0)
    };
    // The columns: each the rules', else found by its header name.
    let found = header
        .as_deref()
        .map(Found::from_header)
        .unwrap_or_default();
    let c = &rules.columns;
    let h = header.as_deref();
    let pick = |spec: &Option<ColumnRef>,
                found: Option<usize>,
                key: &str|
     -> Result<Option<usize>, StatementError> {
        match spec {
            Some(s) => resolve(s, h, key).map(Some),
            None => Ok(found),
        }
    };
    let column_hint = |what: &str| StatementError::File {
        line: all.get(header_index).map_or(0, |r| r.line),
        problem: format!(
            "no {what} column was found{}; name it in the rules file's [columns]",
            header
                .as_ref()
                .map(|h| format!(
                    " among {}",
                    h.iter()
                        .map(|c| format!("\"{c}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .unwrap_or_default()
        ),
    };
    let spec_given =
        c.date.is_some() || c.description.is_some() || c.amount.is_some() || c.debit.is_some();
    if !spec_given {
        guessed.push("columns");
    }
    let date = pick(&c.date, found.date, "date")?.ok_or_else(|| column_hint("date"))?;
    let value_date = pick(&c.value_date, found.value_date, "value_date")?;
    let description = match &c.description {
        Some(refs) => refs
            .as_slice()
            .iter()
            .map(|r| resolve(r, h, "description"))
            .collect::<Result<Vec<_>, _>>()?,
        None => found.description.clone(),
    };
    if description.is_empty() {
        return Err(column_hint("description"));
    }
    let reference = pick(&c.reference, found.reference, "reference")?;
    let amounts = match (&c.amount, &c.debit, &c.credit) {
        (Some(a), _, _) => AmountColumns::Signed(resolve(a, h, "amount")?),
        (None, Some(d), Some(cr)) => AmountColumns::DebitCredit {
            debit: resolve(d, h, "debit")?,
            credit: resolve(cr, h, "credit")?,
        },
        _ => match (found.debit, found.credit, found.amount) {
            (Some(debit), Some(credit), _) => AmountColumns::DebitCredit { debit, credit },
            (_, _, Some(a)) => AmountColumns::Signed(a),
            _ => return Err(column_hint("amount (or debit and credit)")),
        },
    };
    let balance = pick(&c.balance, found.balance, "balance")?;
    // The data rows, the footer left out.
    let mut data: Vec<&Row> = all[data_start.min(all.len())..].iter().collect();
    let keep = data.len().saturating_sub(rules.skip_end);
    let mut footer: Vec<u64> = data[keep..].iter().map(|r| r.line).collect();
    let trimmed: Vec<&Row> = data.split_off(keep);
    let blank = |r: &Row| r.cells.iter().all(|c| c.trim().is_empty());
    data.retain(|r| !blank(r));
    fn cell(r: &Row, i: usize) -> &str {
        r.cells.get(i).map_or("", |c| c.trim())
    }
    // The date format: the rules', else the first that reads every date cell.
    let date_cells: Vec<&str> = data
        .iter()
        .map(|r| cell(r, date))
        .filter(|c| !c.is_empty())
        .collect();
    let date_format = match &rules.date_format {
        Some(f) => f.clone(),
        None => {
            guessed.push("date_format");
            DATE_FORMATS
                .iter()
                .find(|f| {
                    let ok = date_cells
                        .iter()
                        .filter(|c| parse_date(c, f).is_some())
                        .count();
                    // Footer rows ("Total", "Solde au ...") are the only cells allowed to fail.
                    ok > 0 && ok + 3 >= date_cells.len()
                })
                .map_or_else(|| DATE_FORMATS[0].to_string(), |f| f.to_string())
        }
    };
    // `skip_end` leaves out totals, never a statement line (the bank dropped its totals line).
    if let Some(r) = trimmed
        .iter()
        .find(|r| parse_date(cell(r, date), &date_format).is_some())
    {
        return Err(StatementError::File {
            line: r.line,
            problem: format!(
                "skip_end = {} in the rules file leaves out this line, which is a dated statement line: lower skip_end (this statement has no totals line at its end)",
                rules.skip_end
            ),
        });
    }
    // The decimal mark: the rules', else the one the amounts end with.
    let amount_cols: Vec<usize> = match &amounts {
        AmountColumns::Signed(a) => vec![*a],
        AmountColumns::DebitCredit { debit, credit } => vec![*debit, *credit],
    }
    .into_iter()
    .chain(balance)
    .collect();
    let decimal = match rules.decimal {
        Some(d) => d,
        None => {
            guessed.push("decimal");
            guess_decimal(
                data.iter()
                    .flat_map(|r| amount_cols.iter().map(|&i| cell(r, i))),
            )
        }
    };
    let thousands = match &rules.thousands {
        Some(t) => t.clone(),
        None => {
            let mut t = vec![' ', '\u{a0}', '\u{202f}', '\''];
            t.push(if decimal == ',' { '.' } else { ',' });
            t
        }
    };
    let layout = Layout {
        encoding,
        bom,
        separator,
        skip,
        skip_end: rules.skip_end,
        header,
        date_format,
        decimal,
        thousands,
        date,
        value_date,
        description,
        reference,
        amounts,
        balance,
        guessed,
    };
    rows::read_rows(layout, &data, &mut footer, exponent)
}

/// The decimal mark most of the figures end with: `,` when a comma comes last followed by
/// one or two digits, `.` likewise; a comma when nothing tells (Moroccan banks write them).
fn guess_decimal<'a>(cells: impl Iterator<Item = &'a str>) -> char {
    let (mut comma, mut dot) = (0, 0);
    for c in cells {
        let c = c.trim_end_matches(|ch: char| !ch.is_ascii_digit());
        let last = c.rfind([',', '.']);
        if let Some(i) = last {
            let decimals = c.len() - i - 1;
            if (1..=2).contains(&decimals) {
                if c.as_bytes()[i] == b',' {
                    comma += 1;
                } else {
                    dot += 1;
                }
            }
        }
    }
    if dot > comma { '.' } else { ',' }
}

#[cfg(test)]
mod tests;
