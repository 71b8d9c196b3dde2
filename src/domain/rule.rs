//! A rule an entry breaks: a value that says where (the field, the posting) and what, so the
//! book that checks entries and the officers' rules that check decisions (two modules, one
//! below the other) report alike, and an import can put each at its line and column.

use std::fmt;

/// A rule a new chain entry breaks. `posting` and `field` say where, for import messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// Index of the posting at fault, when it is one posting's fault.
    pub posting: Option<usize>,
    /// The field at fault, named as the CSV column (`account`, `grant`, `line`, `date`, ...).
    pub field: &'static str,
    pub value: String,
    pub message: String,
}

impl RuleError {
    pub fn new(field: &'static str, value: impl fmt::Display, message: impl Into<String>) -> Self {
        RuleError {
            posting: None,
            field,
            value: value.to_string(),
            message: message.into(),
        }
    }

    pub fn at(mut self, posting: usize) -> Self {
        self.posting = Some(posting);
        self
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
