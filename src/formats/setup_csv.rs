//! The set-up CSV files (`amana load accounts|funders|grants|budget FILE.csv`): accounts,
//! funders, grants and budget lines, one per row, in the shape the listings write
//! (`account list --format csv`, `funder list`, `grant list`) and the demo's
//! `examples/khotwa/*.csv` are in. Pure: the text in, rows of named cells out.
//!
//! Columns are found by name, in any order. A column the kind does not know is refused (a typo
//! would otherwise drop data), except the figures a listing adds (a funder's `received`, a
//! line's `spent`...), which are what the ledger computes and are not read. Cells are kept as
//! written, spaces included: the checks that read them say what is wrong with one.

use std::collections::BTreeMap;

use crate::formats::journal::csv_cell;

/// What a set-up file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupKind {
    Accounts,
    Funders,
    Grants,
    Budget,
}

impl SetupKind {
    pub fn name(self) -> &'static str {
        match self {
            SetupKind::Accounts => "accounts",
            SetupKind::Funders => "funders",
            SetupKind::Grants => "grants",
            SetupKind::Budget => "budget lines",
        }
    }

    /// The columns a file must have.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            SetupKind::Accounts => &["code", "name"],
            SetupKind::Funders => &["id", "name", "type"],
            SetupKind::Grants => &["id", "funder", "amount", "start", "end"],
            SetupKind::Budget => &["grant", "line", "label"],
        }
    }

    /// The columns it may have besides.
    pub fn optional(self) -> &'static [&'static str] {
        match self {
            SetupKind::Accounts => &["type", "name_ar", "name_fr", "name_en"],
            SetupKind::Funders => &["country"],
            SetupKind::Grants => &["currency", "restricted", "purpose"],
            // `amount` as the example files name it, `budget` as `grant list` does.
            SetupKind::Budget => &["amount", "budget", "account"],
        }
    }

    /// The columns a listing adds that are computed by the ledger: accepted and not read.
    pub fn computed(self) -> &'static [&'static str] {
        match self {
            SetupKind::Accounts => &["status"],
            SetupKind::Funders => &["received", "received_without_grant", "received_total"],
            SetupKind::Grants => &[],
            SetupKind::Budget => &["funder", "spent", "remaining"],
        }
    }
}

/// One row of a set-up file: its line and its cells by column.
#[derive(Debug, Clone)]
pub struct SetupRow {
    pub line: u64,
    cells: BTreeMap<&'static str, String>,
}

impl SetupRow {
    /// The cell of `column` (empty when the file has no such column).
    pub fn get(&self, column: &str) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }

    /// Whether the file has `column`.
    pub fn has(&self, column: &str) -> bool {
        self.cells.contains_key(column)
    }

    /// The cell of `column`, `None` when empty.
    pub fn optional(&self, column: &str) -> Option<&str> {
        Some(self.get(column)).filter(|c| !c.is_empty())
    }
}

/// What is wrong with a set-up file: where (line, column), the value and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupProblem {
    /// 0 for the file as a whole.
    pub line: u64,
    pub column: Option<String>,
    pub value: String,
    pub what: String,
}

impl std::fmt::Display for SetupProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        if let Some(c) = &self.column {
            write!(f, "column {c}: ")?;
        }
        if !self.value.is_empty() {
            write!(f, "{:?}: ", self.value)?;
        }
        f.write_str(&self.what)
    }
}

/// The rows of `text` as a file of `kind` (a UTF-8 byte order mark, as spreadsheets write,
/// is accepted); every problem of the header, or of the CSV itself, at once.
pub fn read(kind: SetupKind, text: &str) -> Result<Vec<SetupRow>, Vec<SetupProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let whole = |what: String| SetupProblem {
        line: 0,
        column: None,
        value: String::new(),
        what,
    };
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => return Err(vec![whole(format!("not a CSV file: {e}"))]),
    };
    let mut problems = vec![];
    let known = |c: &str| {
        kind.required().contains(&c) || kind.optional().contains(&c) || kind.computed().contains(&c)
    };
    let mut columns: Vec<Option<&'static str>> = vec![];
    for name in &header {
        let found = kind
            .required()
            .iter()
            .chain(kind.optional())
            .find(|c| **c == name.as_str())
            .copied();
        if !known(name) {
            let mut all: Vec<&str> = kind.required().to_vec();
            all.extend(kind.optional());
            problems.push(SetupProblem {
                line: 1,
                column: Some(name.clone()),
                value: String::new(),
                what: format!(
                    "is not a column of a file of {} (its columns: {})",
                    kind.name(),
                    all.join(", ")
                ),
            });
        }
        if found.is_some() && columns.contains(&found) {
            problems.push(SetupProblem {
                line: 1,
                column: Some(name.clone()),
                value: String::new(),
                what: "is named twice".into(),
            });
        }
        columns.push(found);
    }
    for required in kind.required() {
        if !header.iter().any(|h| h == required) {
            problems.push(SetupProblem {
                line: 1,
                column: Some((*required).to_string()),
                value: String::new(),
                what: format!(
                    "is missing: a file of {} has the columns {}",
                    kind.name(),
                    kind.required().join(", ")
                ),
            });
        }
    }
    if kind == SetupKind::Budget && !header.iter().any(|h| h == "amount" || h == "budget") {
        problems.push(SetupProblem {
            line: 1,
            column: Some("amount".into()),
            value: String::new(),
            what: "is missing: a budget line has an amount (or budget) column".into(),
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut rows = vec![];
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(SetupProblem {
                    line,
                    column: None,
                    value: String::new(),
                    what: format!("cannot be read as CSV ({e})"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let cells = columns
            .iter()
            .zip(record.iter())
            .filter_map(|(c, cell)| c.map(|c| (c, csv_cell(cell).to_string())))
            .collect();
        rows.push(SetupRow { line, cells });
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_by_name_in_any_order_and_a_listing_s_figures_not_read() {
        let rows = read(
            SetupKind::Funders,
            "\u{feff}type,id,name,received\npublic-local,CMM,\" Conseil \",12.00\n",
        )
        .unwrap();
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].get("id"), "CMM");
        assert_eq!(rows[0].get("name"), " Conseil ", "kept as written");
        assert_eq!(rows[0].get("received"), "", "not read");
    }

    #[test]
    fn an_unknown_or_missing_column_is_refused() {
        let problems = read(SetupKind::Accounts, "code,nmae\n5141,Banque\n").unwrap_err();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text[0].starts_with("line 1: column nmae: is not a column"),
            "{text:?}"
        );
        assert!(text[1].contains("column name: is missing"), "{text:?}");
    }
}
