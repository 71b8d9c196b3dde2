//! The rules' refusals and warnings, as values: what a record breaks ([`RuleError`]: where,
//! which field and posting, what) and what was recorded but is worth telling the treasurer
//! ([`Warning`]). The book and the officers' rules (two modules of the rules) report alike,
//! and an import can put each refusal at its line and column.

use std::fmt;

use crate::domain::{EntryId, GrantId, LineId};

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

/// Something recorded but worth telling the treasurer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A budget line's spending (the net of all postings charged to it) went over its budget
    /// with this entry.
    Overspent {
        entry: EntryId,
        grant: GrantId,
        line: LineId,
        budget: String,
        spent: String,
        currency: String,
    },
    /// This computer's clock is behind the time of the entry before: one of the two clocks
    /// is wrong. Recorded all the same (a clock that was ahead must not block the books);
    /// `verify` reports it.
    ClockBehind { now: String, last: String },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Overspent {
                entry,
                grant,
                line,
                budget,
                spent,
                currency,
            } => write!(
                f,
                "transaction {entry}: budget line {grant}/{line} is over-spent: {spent} {currency} spent of {budget} {currency} budgeted"
            ),
            Warning::ClockBehind { now, last } => write!(
                f,
                "this computer's clock says {now}, before the time of the last entry ({last}): check the date and time of this computer (or of the one that wrote the last entry); `amana verify` will point at this entry"
            ),
        }
    }
}
