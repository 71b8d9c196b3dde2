//! The English of the journal import, in one place: every file and row problem by message id,
//! and the frame a list of problems is said in. Templates use Fluent's notation (`{$name}` for
//! a named argument), so this table can become an `en.ftl` beside French and Arabic ones; the
//! ids and arguments come from [`super::errors`]. The problems the ledger adds (its rules, the
//! receipts) are said by their own rooms' catalogues.

use std::fmt;
use std::path::Path;

use super::MAX_SHOWN;
use super::errors::{FileProblem, ImportError, RowError, RowProblem};

/// The English template of message `id`.
pub fn english(id: &str) -> &'static str {
    match id {
        // The whole file.
        "import-file" => "{$file}: {$problem}",
        "import-file-empty" => {
            "the file is empty: a CSV file starts with a header row naming its columns ({$required})"
        }
        "import-file-not-text" => {
            "this is not a CSV text file (it holds NUL bytes); export the journal as CSV, UTF-8"
        }
        "import-header-unreadable" => "the header row cannot be read: {$detail}",
        "import-no-header" => "the file has no header row",
        "import-no-rows" => "the file has a header but no rows: nothing to import",
        "import-column-twice" => "column \"{$column}\" appears twice in the header row",
        "import-column-missing" => {
            "the header row lacks the required column {$missing}; it must name at least {$required} (optional: {$optional})"
        }
        "import-columns-missing" => {
            "the header row lacks the required columns {$missing}; it must name at least {$required} (optional: {$optional})"
        }
        "import-column-unknown" => {
            "unknown column {$unknown} in the header row (a typo?); the columns are {$required} and optionally {$optional}"
        }
        "import-other-separator" => {
            "the columns are separated by {$separator}, not commas: `amana import` reads amana's journal CSV. A bank's statement is imported with `amana bank import FILE --account CODE`, which reads its own layout; a journal saved by a spreadsheet with semicolons is saved again as CSV with commas"
        }
        "import-columns-unknown" => {
            "unknown columns {$unknown} in the header row (a typo?); the columns are {$required} and optionally {$optional}"
        }

        // The list of row problems, and where each is.
        "import-problem-found" => "{$file}: {$count} problem found; nothing was imported",
        "import-problems-found" => "{$file}: {$count} problems found; nothing was imported",
        "import-more" => "... and {$count} more",
        "import-at-line" => "line {$line}",
        "import-at-file-line" => "{$file}:{$line}",
        "import-at-column" => "column {$column}",
        "import-at-value" => "\"{$value}\"",

        // One row.
        "import-row-unreadable" => "cannot be read as CSV: {$detail}",
        "import-field-count" => {
            "has {$fields} fields where the header has {$header} (a truncated row, or a comma inside an unquoted value?)"
        }
        "import-not-utf8" => {
            "is not UTF-8 text (byte {$byte} of the field): save the file as CSV UTF-8"
        }
        "import-txn-empty" => "is empty: every row names its transaction",
        "import-differs-from-first-row" => {
            "differs from the first row of transaction {$label} ({$first}): leave it empty, repeat it exactly, or give this row another txn"
        }
        "import-differs-from-empty-first-row" => {
            "differs from the first row of transaction {$label} (empty): leave it empty, repeat it exactly, or give this row another txn"
        }
        "import-txn-reused" => {
            "was already used by the transaction at line {$first}: the rows of a transaction must be consecutive"
        }
        "import-empty-on-first-row" => "is empty on the first row of the transaction",
        "import-account-empty" => "is empty: every row posts to an account",
        "import-amount-empty" => {
            "is empty: every row has an amount (debit positive, credit negative)"
        }
        "import-line-without-grant" => {
            "is set but grant is empty: a budget line belongs to a grant; fill in the grant column"
        }
        "import-original-currency-missing" => {
            "is empty but original_amount is {$amount}: give both or neither"
        }
        "import-original-amount-missing" => {
            "is empty but original_currency is {$currency}: give both or neither"
        }
        "import-original-currency-unknown" => "is not an ISO 4217 currency code (e.g. EUR, USD)",
        "import-value-invalid" => "{$reason}",
        "import-transaction-invalid" => "{$error}",
        _ => "",
    }
}

/// The English of message `id` with `args`: each `{$name}` replaced by its argument. A message
/// missing from the catalogue is said as its id; an argument the message does not have is left
/// as written (the tests find both).
pub fn say(id: &str, args: &[(&'static str, String)]) -> String {
    let template = english(id);
    if template.is_empty() {
        return id.to_string();
    }
    crate::domain::message::fill(template, |name| {
        args.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    })
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&say(self.id(), &self.args()))
    }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&say(self.id(), &self.args()))
    }
}

impl<P: fmt::Display> RowError<P> {
    /// `first: column C: "VALUE": what`, where `first` says the line (alone, or with the file).
    fn said(&self, first: String) -> String {
        let mut parts = vec![first];
        if let Some(column) = &self.column {
            parts.push(say("import-at-column", &[("column", column.to_string())]));
        }
        if let Some(value) = &self.value {
            parts.push(say("import-at-value", &[("value", value.clone())]));
        }
        parts.push(self.problem.to_string());
        parts.join(": ")
    }
}

/// `line N: column C: "VALUE": what`.
impl<P: fmt::Display> fmt::Display for RowError<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = say("import-at-line", &[("line", self.line.to_string())]);
        f.write_str(&self.said(line))
    }
}

/// How many problems were found, then each at `FILE:LINE`, up to [`MAX_SHOWN`] of them.
fn rows_message<P: fmt::Display>(file: &Path, errors: &[RowError<P>]) -> String {
    let file = file.display().to_string();
    let count = errors.len();
    let id = if count == 1 {
        "import-problem-found"
    } else {
        "import-problems-found"
    };
    let mut out = say(id, &[("file", file.clone()), ("count", count.to_string())]);
    for e in errors.iter().take(MAX_SHOWN) {
        let at = [("file", file.clone()), ("line", e.line.to_string())];
        out.push('\n');
        out.push_str(&e.said(say("import-at-file-line", &at)));
    }
    if count > MAX_SHOWN {
        out.push('\n');
        out.push_str(&say(
            "import-more",
            &[("count", (count - MAX_SHOWN).to_string())],
        ));
    }
    out
}

impl<P: fmt::Display> fmt::Display for ImportError<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::File { file, problem } => {
                let args = [
                    ("file", file.display().to_string()),
                    ("problem", problem.to_string()),
                ];
                f.write_str(&say("import-file", &args))
            }
            ImportError::Rows { file, errors } => f.write_str(&rows_message(file, errors)),
        }
    }
}

impl<P: fmt::Display + fmt::Debug> std::error::Error for ImportError<P> {}
