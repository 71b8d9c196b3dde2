//! Explanations of budget variances (CHAIN.md, `variance-note`, rule 22): the treasurer says
//! why a budget line is spent more or less than budgeted, and the funder report prints it
//! beside the line. A note names an existing budget line of an existing grant, and its text is
//! not empty and at most [`MAX_NOTE_CHARS`] characters. Nothing else reads it: it changes no
//! total. Its refusals are one [`VarianceRule`] each, described here (id, field, value and
//! arguments; the English is in `english`).

use super::error::RuleKind;
use super::messages::Described;
use super::{Book, RuleError};
use crate::chain::VarianceNote;
use crate::domain::{GrantId, LineId};

/// The longest explanation, in characters (Unicode scalar values): a paragraph a funder reads
/// beside a line, not a document (attach one as a receipt instead).
pub const MAX_NOTE_CHARS: usize = 2000;

/// A rule a `variance-note` entry breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VarianceRule {
    /// The grant, or its budget line, does not exist.
    LineMissing { grant: GrantId, line: LineId },
    /// The text is empty (or only spaces), or longer than [`MAX_NOTE_CHARS`].
    TextLength {
        grant: GrantId,
        line: LineId,
        length: usize,
    },
}

impl VarianceRule {
    pub(super) fn describe(&self) -> Described {
        match self {
            VarianceRule::LineMissing { grant, line } => Described {
                id: "rule-note-line-missing",
                field: "line",
                value: line.to_string(),
                args: vec![("grant", grant.to_string()), ("line", line.to_string())],
            },
            VarianceRule::TextLength {
                grant,
                line,
                length,
            } => Described {
                id: "rule-note-text-length",
                field: "text",
                value: length.to_string(),
                args: vec![
                    ("grant", grant.to_string()),
                    ("line", line.to_string()),
                    ("length", length.to_string()),
                    ("max", MAX_NOTE_CHARS.to_string()),
                ],
            },
        }
    }
}

impl Book {
    /// Rule 22: a variance note names an existing budget line, with a text of 1 to
    /// [`MAX_NOTE_CHARS`] characters once trimmed.
    pub(super) fn admit_variance_note(&self, n: &VarianceNote) -> Result<(), Vec<RuleError>> {
        let refuse = |rule| Err(vec![RuleError::from(RuleKind::Variance(rule))]);
        if !self.lines.contains_key(&(n.grant.clone(), n.line.clone())) {
            return refuse(VarianceRule::LineMissing {
                grant: n.grant.clone(),
                line: n.line.clone(),
            });
        }
        let length = n.text.trim().chars().count();
        if length == 0 || n.text.chars().count() > MAX_NOTE_CHARS {
            return refuse(VarianceRule::TextLength {
                grant: n.grant.clone(),
                line: n.line.clone(),
                length: n.text.chars().count(),
            });
        }
        Ok(())
    }
}
