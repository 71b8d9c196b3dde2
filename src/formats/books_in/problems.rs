//! What can be wrong in a books file, as values, and their English in one place.

use std::fmt;

use crate::domain::DomainError;

/// What is wrong at one place of a books file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BooksProblem {
    /// Not UTF-8 text, or NUL bytes.
    NotText,
    /// A line that is none of the forms read: `expected` says what was.
    Syntax { expected: &'static str },
    /// A feature outside the subset that would change money, accounts or dates: `what` names
    /// it, `hint` says what to do.
    Unsupported {
        what: &'static str,
        hint: &'static str,
    },
    /// An amount in another commodity than the file's first one, or than the ledger's.
    Commodity { found: String, expected: String },
    /// The ledger's currency is not the file's (`option "operating_currency"`).
    OperatingCurrency { ledger: String },
    /// More than one posting without an amount in one transaction.
    TwoElided,
    /// An account name that maps to no code.
    Unmapped { name: String },
    /// The same name opened twice, or two names for one code.
    OpenedTwice { first: u64 },
    /// A transaction without postings.
    NoPostings,
    /// A balance assertion that does not hold: the file's postings give `actual`.
    AssertionFails { actual: String },
    /// A value the domain refuses (a date, a code, an amount, a text).
    Value(DomainError),
    /// The postings do not make an entry (they do not balance).
    Transaction(DomainError),
    /// A tag value amana cannot read (`original:` not `AMOUNT CURRENCY`).
    TagValue { tag: &'static str },
    /// An `amana-N` link shared by more than two transactions, or with a later transaction
    /// before its original.
    Link { first: u64 },
    /// An account the ledger lacks, opened without a type nor a parent to take it from.
    NoType,
    /// An account whose type is not its parent's, on a chart where the class decides it.
    TypeNotParents {
        given: String,
        parent: String,
        parents: String,
    },
    /// Two transactions linked as a reversal and its original, the reversal without a reason.
    ReversalWithoutReason,
}

impl BooksProblem {
    pub fn id(&self) -> &'static str {
        use BooksProblem::*;
        match self {
            NotText => "books-not-text",
            Syntax { .. } => "books-syntax",
            Unsupported { .. } => "books-unsupported",
            Commodity { .. } => "books-commodity",
            OperatingCurrency { .. } => "books-operating-currency",
            TwoElided => "books-two-elided",
            Unmapped { .. } => "books-unmapped",
            OpenedTwice { .. } => "books-opened-twice",
            NoPostings => "books-no-postings",
            AssertionFails { .. } => "books-assertion-fails",
            Value(_) => "books-value-invalid",
            Transaction(_) => "books-transaction-invalid",
            TagValue { .. } => "books-tag-value",
            Link { .. } => "books-link",
            NoType => "books-no-type",
            TypeNotParents { .. } => "books-type-not-parents",
            ReversalWithoutReason => "books-reversal-without-reason",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, String)> {
        use BooksProblem::*;
        match self {
            Syntax { expected } => vec![("expected", expected.to_string())],
            Unsupported { what, hint } => {
                vec![("what", what.to_string()), ("hint", hint.to_string())]
            }
            Commodity { found, expected } => {
                vec![("found", found.clone()), ("expected", expected.clone())]
            }
            OperatingCurrency { ledger } => vec![("ledger", ledger.clone())],
            Unmapped { name } => vec![("name", name.clone())],
            OpenedTwice { first } | Link { first } => vec![("first", first.to_string())],
            AssertionFails { actual } => vec![("actual", actual.clone())],
            Value(e) => vec![("reason", e.without_value())],
            Transaction(e) => vec![("error", e.to_string())],
            TagValue { tag } => vec![("tag", tag.to_string())],
            TypeNotParents {
                given,
                parent,
                parents,
            } => vec![
                ("given", given.clone()),
                ("parent", parent.clone()),
                ("parents", parents.clone()),
            ],
            NotText | TwoElided | NoPostings | NoType | ReversalWithoutReason => vec![],
        }
    }
}

/// The English of each problem, in Fluent's notation (as the CSV import's [`crate::formats::
/// journal::english`]).
pub fn english(id: &str) -> &'static str {
    match id {
        "books-not-text" => "is not UTF-8 text: save the file as UTF-8",
        "books-syntax" => "cannot be read: expected {$expected}",
        "books-unsupported" => "{$what} is outside what amana imports: {$hint}",
        "books-commodity" => {
            "is in {$found}, but the books are in {$expected}: amana imports books kept in one currency (an amount in another goes in the original: tag)"
        }
        "books-operating-currency" => {
            "is not the ledger's currency {$ledger}: import into a ledger created with --currency of the file"
        }
        "books-two-elided" => {
            "leaves its amount out, as another posting of the transaction does: only one may"
        }
        "books-unmapped" => {
            "names no amana account: map the name {$name} to a code in --accounts MAP.csv (name,code), or end it with a code the ledger has (Assets:5141)"
        }
        "books-opened-twice" => "is opened again (first at line {$first})",
        "books-no-postings" => "has no postings",
        "books-assertion-fails" => "does not hold: the file's postings give {$actual}",
        "books-value-invalid" => "{$reason}",
        "books-transaction-invalid" => "{$error}",
        "books-tag-value" => {
            "cannot be read as the value of {$tag} (original: AMOUNT CURRENCY; dedicated-funds: three account codes)"
        }
        "books-link" => {
            "links more than a reversal and what it reverses (the link is first at line {$first})"
        }
        "books-no-type" => {
            "is an account the ledger lacks, opened without a type: add type:A, L, E, R or X (hledger), open it under Assets, Liabilities, Equity, Income or Expenses (Beancount), or add it first with amana account add"
        }
        "books-type-not-parents" => {
            "is opened as {$given}, but on this chart a sub-account takes its parent's type ({$parent}: {$parents})"
        }
        "books-reversal-without-reason" => {
            "reverses the transaction it is linked to, but gives no reason: add the comment ; reason: TEXT (hledger) or the metadata reason: \"TEXT\" (Beancount)"
        }
        _ => "",
    }
}

impl fmt::Display for BooksProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let template = english(self.id());
        let args = self.args();
        f.write_str(&crate::domain::message::fill(template, |name| {
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
        }))
    }
}
