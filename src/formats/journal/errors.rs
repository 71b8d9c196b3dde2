//! What can be wrong with a journal CSV file, as values: a problem with the whole file
//! ([`FileProblem`]) or with one row ([`RowProblem`], at a line and, most often, a column and
//! its value). Each kind names its message id and its named arguments here; the English is
//! written once, in [`super::english`], so that a translation catalogue (Fluent, issue 9) and a
//! web form can use the same values.
//!
//! The import action adds problems that only the ledger can find (a rule the transaction
//! breaks, a receipt that cannot be read). Those belong to rooms this one does not see, so a
//! [`RowError`] and an [`ImportError`] take the kind of problem as a type parameter: the parser
//! reports [`RowProblem`]s, and the import lifts them into its own enum with
//! [`ImportError::map`].

use std::fmt;
use std::path::PathBuf;

use crate::domain::DomainError;

use super::{OPTIONAL, REQUIRED};

/// The column a problem is in: by its name, or (when the header itself cannot be read) by its
/// 1-based position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Named(&'static str),
    Position(usize),
    /// The 1-based character column of a text file's line (hledger, Beancount).
    Char(usize),
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Column::Named(name) => f.write_str(name),
            Column::Position(i) => write!(f, "#{i}"),
            Column::Char(i) => write!(f, "{i}"),
        }
    }
}

/// One problem in a file: where (line, column, the value as written) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError<P = RowProblem> {
    /// 1-based line number in the file.
    pub line: u64,
    pub column: Option<Column>,
    pub value: Option<String>,
    pub problem: P,
}

impl<P> RowError<P> {
    /// The same error, its problem lifted into another kind (the import's).
    pub fn map<Q>(self, f: impl FnOnce(P) -> Q) -> RowError<Q> {
        RowError {
            line: self.line,
            column: self.column,
            value: self.value,
            problem: f(self.problem),
        }
    }
}

/// What is wrong with one row of a journal file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The CSV reader cannot read the row; `detail` is the reader's own account of it.
    Unreadable {
        detail: String,
    },
    FieldCount {
        fields: usize,
        header: usize,
    },
    /// A field is not UTF-8: `byte` is the 1-based position of the first bad byte.
    NotUtf8 {
        byte: usize,
    },
    TxnEmpty,
    /// A later row of transaction `label` gives another date, description or reference than its
    /// first row, which gave `first` (`None`: left it empty).
    DiffersFromFirstRow {
        label: String,
        first: Option<String>,
    },
    TxnReused {
        first_line: u64,
    },
    /// The date or the description is empty on a transaction's first row.
    EmptyOnFirstRow,
    AccountEmpty,
    AmountEmpty,
    LineWithoutGrant,
    OriginalCurrencyMissing {
        amount: String,
    },
    OriginalAmountMissing {
        currency: String,
    },
    OriginalCurrencyUnknown,
    /// A cell's value is not a valid date, account, amount, grant, line or text: the domain's
    /// error, which names the value (the row shows it in its own place).
    Value(DomainError),
    /// The transaction's postings do not make an entry (they do not balance, or they are too
    /// large to add up).
    Transaction(DomainError),
}

/// What is wrong with a journal file as a whole (nothing in it was read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    Empty,
    /// It holds NUL bytes.
    NotText,
    /// The CSV reader cannot read the header row; `detail` is the reader's own account of it.
    HeaderUnreadable {
        detail: String,
    },
    NoHeader,
    NoRows,
    ColumnTwice {
        column: &'static str,
    },
    ColumnsMissing {
        missing: Vec<&'static str>,
    },
    ColumnsUnknown {
        unknown: Vec<String>,
    },
    /// The header is one column that holds another separator (`;`, a tab, `|`).
    OtherSeparator {
        separator: char,
    },
}

/// Why a journal file was not imported. `P` is the kind of row problem: the parser's
/// [`RowProblem`], or the import's own kind that adds the ledger's.
#[derive(Debug)]
pub enum ImportError<P = RowProblem> {
    File {
        file: PathBuf,
        problem: FileProblem,
    },
    Rows {
        file: PathBuf,
        errors: Vec<RowError<P>>,
    },
}

impl<P> ImportError<P> {
    /// The same error, each row's problem lifted into another kind.
    pub fn map<Q>(self, f: impl Fn(P) -> Q) -> ImportError<Q> {
        match self {
            ImportError::File { file, problem } => ImportError::File { file, problem },
            ImportError::Rows { file, errors } => ImportError::Rows {
                file,
                errors: errors.into_iter().map(|e| e.map(&f)).collect(),
            },
        }
    }
}

/// Named arguments, each as text.
pub type Args = Vec<(&'static str, String)>;

/// `a,b,c`: a list of column names as the messages show it.
fn names(list: &[&str]) -> String {
    list.join(",")
}

/// The required and optional columns, the arguments every header message gives as its hint.
fn columns_hint() -> Args {
    vec![
        ("required", names(&REQUIRED)),
        ("optional", names(&OPTIONAL)),
    ]
}

impl RowProblem {
    /// The message id, the same in every language.
    pub fn id(&self) -> &'static str {
        use RowProblem::*;
        match self {
            Unreadable { .. } => "import-row-unreadable",
            FieldCount { .. } => "import-field-count",
            NotUtf8 { .. } => "import-not-utf8",
            TxnEmpty => "import-txn-empty",
            DiffersFromFirstRow { first: Some(_), .. } => "import-differs-from-first-row",
            DiffersFromFirstRow { first: None, .. } => "import-differs-from-empty-first-row",
            TxnReused { .. } => "import-txn-reused",
            EmptyOnFirstRow => "import-empty-on-first-row",
            AccountEmpty => "import-account-empty",
            AmountEmpty => "import-amount-empty",
            LineWithoutGrant => "import-line-without-grant",
            OriginalCurrencyMissing { .. } => "import-original-currency-missing",
            OriginalAmountMissing { .. } => "import-original-amount-missing",
            OriginalCurrencyUnknown => "import-original-currency-unknown",
            Value(_) => "import-value-invalid",
            Transaction(_) => "import-transaction-invalid",
        }
    }

    /// The message's named arguments, each as text.
    pub fn args(&self) -> Args {
        use RowProblem::*;
        match self {
            Unreadable { detail } => vec![("detail", detail.clone())],
            FieldCount { fields, header } => {
                vec![
                    ("fields", fields.to_string()),
                    ("header", header.to_string()),
                ]
            }
            NotUtf8 { byte } => vec![("byte", byte.to_string())],
            DiffersFromFirstRow { label, first } => {
                let mut args = vec![("label", label.clone())];
                args.extend(first.iter().map(|f| ("first", f.clone())));
                args
            }
            TxnReused { first_line } => vec![("first", first_line.to_string())],
            OriginalCurrencyMissing { amount } => vec![("amount", amount.clone())],
            OriginalAmountMissing { currency } => vec![("currency", currency.clone())],
            Value(error) => vec![("reason", error.without_value())],
            Transaction(error) => vec![("error", error.to_string())],
            TxnEmpty
            | EmptyOnFirstRow
            | AccountEmpty
            | AmountEmpty
            | LineWithoutGrant
            | OriginalCurrencyUnknown => vec![],
        }
    }
}

impl FileProblem {
    /// The message id, the same in every language. A list of one column and a list of several
    /// are two messages (their English differs by more than a plural ending).
    pub fn id(&self) -> &'static str {
        use FileProblem::*;
        match self {
            Empty => "import-file-empty",
            NotText => "import-file-not-text",
            HeaderUnreadable { .. } => "import-header-unreadable",
            NoHeader => "import-no-header",
            NoRows => "import-no-rows",
            ColumnTwice { .. } => "import-column-twice",
            ColumnsMissing { missing } if missing.len() == 1 => "import-column-missing",
            ColumnsMissing { .. } => "import-columns-missing",
            ColumnsUnknown { unknown } if unknown.len() == 1 => "import-column-unknown",
            ColumnsUnknown { .. } => "import-columns-unknown",
            OtherSeparator { .. } => "import-other-separator",
        }
    }

    /// The message's named arguments, each as text.
    pub fn args(&self) -> Args {
        use FileProblem::*;
        match self {
            Empty => vec![("required", names(&REQUIRED))],
            HeaderUnreadable { detail } => vec![("detail", detail.clone())],
            ColumnTwice { column } => vec![("column", column.to_string())],
            ColumnsMissing { missing } => {
                let mut args = vec![("missing", missing.join(", "))];
                args.extend(columns_hint());
                args
            }
            OtherSeparator { separator } => vec![(
                "separator",
                match separator {
                    '\t' => "a tab".to_string(),
                    s => format!("\"{s}\""),
                },
            )],
            ColumnsUnknown { unknown } => {
                let quoted: Vec<String> = unknown.iter().map(|u| format!("\"{u}\"")).collect();
                let mut args = vec![("unknown", quoted.join(", "))];
                args.extend(columns_hint());
                args
            }
            NotText | NoHeader | NoRows => vec![],
        }
    }
}
