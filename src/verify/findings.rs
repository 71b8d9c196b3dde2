//! What `verify` finds: each finding's kind (a stable name that tools and the Python verifier
//! share) and what it says, collected rather than thrown, so one pass reports everything.

use serde::Serialize;

/// How many problems are listed before the rest are only counted.
pub const MAX_PROBLEMS: usize = 1000;

/// One finding.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    /// The chain entry the finding is about (0 when it concerns no entry).
    pub seq: i64,
    pub kind: ProblemKind,
    pub detail: String,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// The entry's bytes no longer match its recorded hash.
    ContentModified,
    /// The stored entry hash was overwritten (the bytes still match the chain hash).
    HashEdited,
    /// The stored chain hash does not follow from the entry and its predecessor.
    ChainHashEdited,
    /// The entry does not point to the chain hash of the entry before it.
    LinkBroken,
    /// Sequence numbers are missing: entries were deleted.
    Deleted,
    /// A row holds an entry recorded at another position.
    Reordered,
    /// The bytes cannot be decoded as a version-1 entry.
    Undecodable,
    /// The bytes decode but are not the canonical encoding of what they say.
    NonCanonical,
    /// The entry breaks a bookkeeping rule (unbalanced, unknown account, ...).
    RuleViolation,
    /// A table row differs from what the chain says, or is missing, or is extra.
    ProjectionDrift,
    /// The chain ends inside an import: entries it announced are missing.
    Truncated,
    /// The ledger has no chain at all.
    Empty,
    /// A seal's signature does not verify against its officer's key.
    BadSignature,
    /// A seal's content does not recompute from the entries it covers.
    SealMismatch,
    /// A published head (anchor) differs from the ledger's entry at that position.
    Rewritten,
    /// The ledger has fewer entries than a published head.
    RolledBack,
    /// The file's schema (tables, indexes, views, triggers) is not the one amana made, or
    /// SQLite's integrity check fails: a report could read other figures than the tables hold.
    SchemaAltered,
    /// A receipt recorded in the chain is not in the receipt store.
    ReceiptMissing,
    /// A receipt's file no longer has its recorded hash.
    ReceiptAltered,
    /// A summary file of an audit bundle (ledger.json, officers.json, seals.json) does not
    /// say what its chain.jsonl says.
    MetadataMismatch,
    /// More problems than are listed.
    More,
    /// A warning, not a failure: an entry's recorded time is more than a minute before the
    /// time of the entry before it (a clock set back, or entries not written by amana).
    TimeBackwards,
    /// A warning: an entry's recorded time is more than a day after this computer's clock.
    TimeFuture,
    /// A warning: a closing, or a seal with a period end, was recorded before that day had
    /// ended anywhere on Earth (a clock set ahead).
    ClosedEarly,
}

impl ProblemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::ContentModified => "content-modified",
            ProblemKind::HashEdited => "hash-edited",
            ProblemKind::ChainHashEdited => "chain-hash-edited",
            ProblemKind::LinkBroken => "link-broken",
            ProblemKind::Deleted => "deleted",
            ProblemKind::Reordered => "reordered",
            ProblemKind::Undecodable => "undecodable",
            ProblemKind::NonCanonical => "non-canonical",
            ProblemKind::RuleViolation => "rule-violation",
            ProblemKind::ProjectionDrift => "projection-drift",
            ProblemKind::Truncated => "truncated",
            ProblemKind::Empty => "empty",
            ProblemKind::BadSignature => "bad-signature",
            ProblemKind::SealMismatch => "seal-mismatch",
            ProblemKind::Rewritten => "rewritten",
            ProblemKind::RolledBack => "rolled-back",
            ProblemKind::SchemaAltered => "schema-altered",
            ProblemKind::ReceiptMissing => "receipt-missing",
            ProblemKind::ReceiptAltered => "receipt-altered",
            ProblemKind::MetadataMismatch => "metadata-mismatch",
            ProblemKind::More => "more",
            ProblemKind::TimeBackwards => "time-backwards",
            ProblemKind::TimeFuture => "time-future",
            ProblemKind::ClosedEarly => "closed-early",
        }
    }
}

/// The findings of one verification, listed up to [`MAX_PROBLEMS`], then only counted.
pub(super) struct Findings {
    pub(super) list: Vec<Problem>,
    pub(super) extra: usize,
}

impl Findings {
    pub(super) fn add(&mut self, seq: i64, kind: ProblemKind, detail: impl Into<String>) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(Problem {
                seq,
                kind,
                detail: detail.into(),
            });
        } else {
            self.extra += 1;
        }
    }
}
