//! What `verify` finds: each finding's kind (a stable name that tools and the Python verifier
//! share) and what it says, collected rather than thrown, so one pass reports everything.

use std::path::PathBuf;

use rusqlite::types::Value;
use serde::Serialize;

use super::english;
use crate::chain::{DecodeError, Hash};
use crate::domain::EntryId;
use crate::files::receipts::Status;
use crate::formats::bundle::Mismatch;
use crate::rules::RuleError;
use crate::store::projection::Table;

/// How many problems are listed before the rest are only counted.
pub const MAX_PROBLEMS: usize = 1000;

/// One finding: the entry it concerns, its kind, and what was found, as a typed value from
/// which the English is rendered ([`super::english`]).
///
/// In JSON: `seq`, `kind`, `detail` (the English sentence, as ever), plus `message` and `args`
/// (the message id and its named arguments) for a tool or a catalogue that says it otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The chain entry the finding is about (0 when it concerns no entry).
    pub seq: i64,
    pub kind: ProblemKind,
    pub detail: Finding,
}

impl Problem {
    pub fn new(seq: i64, detail: Finding) -> Problem {
        Problem {
            seq,
            kind: detail.kind(),
            detail,
        }
    }
}

impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let message = self.detail.message();
        let mut out = s.serialize_struct("Problem", 5)?;
        out.serialize_field("seq", &self.seq)?;
        out.serialize_field("kind", &self.kind)?;
        out.serialize_field("detail", &english::render(&message))?;
        out.serialize_field("message", message.id)?;
        out.serialize_field("args", &message.args)?;
        out.end()
    }
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

/// What a finding found, with the values it concerns. Each variant is one message
/// ([`Finding::message`]: an id and named arguments); its English is in [`super::english`].
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// The file's schema is not the one amana made (what differs, as the store describes it).
    SchemaAltered { drift: String },
    /// SQLite's integrity check fails (as SQLite says it).
    IntegrityFails { damage: String },
    /// A table cannot be read as amana wrote it.
    TableUnreadable { table: Table, error: String },
    /// Entries `first` to `last` are not in the log.
    EntriesMissing { first: i64, last: i64 },
    /// A log row comes after a row with a higher seq.
    RowOutOfOrder { seq: i64, after: i64 },
    /// A line of a bundle's `chain.jsonl` holds an entry after a higher one.
    LineOutOfOrder { line: usize, seq: i64, after: i64 },
    /// The stored entry hash is not the hash of the bytes, which the chain hash confirms.
    EntryHashEdited { stored: Vec<u8>, computed: Hash },
    /// The bytes do not hash to the stored entry hash.
    ContentModified { stored: Vec<u8>, computed: Hash },
    /// The stored chain hash does not follow from the entry and its link.
    ChainHashEdited { stored: Vec<u8>, expected: Hash },
    /// The entry's link is not the chain hash of the entry before it.
    LinkBroken { link: Vec<u8>, previous: Hash },
    /// The bytes cannot be decoded.
    Undecodable { error: DecodeError },
    /// A log row holds the entry recorded at another position.
    EntryMisplaced { row: i64, recorded: i64 },
    /// The bytes decode, but are not the canonical encoding of what they say.
    NonCanonical,
    /// A log row's `kind` column is not the kind of the entry it holds.
    KindColumn {
        row: i64,
        column: String,
        entry: &'static str,
    },
    /// A seal published outside the ledger is in it, but the chain before it differs.
    PublishedSealRewritten {
        fingerprint: String,
        seq: i64,
        head: Hash,
        covered: i64,
    },
    /// The entry (of kind `record`) breaks a rule of the books; a bad signature or a seal
    /// that does not recompute is one too.
    Rule {
        record: &'static str,
        rule: RuleError,
    },
    ReceiptMissing {
        file_name: String,
        transaction: EntryId,
        path: PathBuf,
    },
    ReceiptAltered {
        file_name: String,
        transaction: EntryId,
        path: PathBuf,
        status: Status,
        size: i64,
        sha256: Hash,
    },
    /// The log has no entries.
    Empty,
    /// An import announced transactions that are not in the log.
    ImportTruncated { seq: i64, remaining: i64 },
    /// A published head (`--anchor`) is beyond the ledger's last entry.
    AnchorMissing {
        seq: i64,
        head: String,
        entries: i64,
    },
    /// The ledger's entry at a published head has another chain hash.
    AnchorRewritten {
        seq: i64,
        chain: Vec<u8>,
        published: String,
    },
    /// No seal of the ledger has a published fingerprint (`--seal`).
    SealAnchorMissing { fingerprint: String, entries: i64 },
    /// More findings than are listed.
    More { count: usize },
    /// A row the chain stands for is not in its table, which has no row after it.
    RowMissingFromTable { row: RowKey },
    /// A row the chain stands for is not in its table, which has rows after it.
    RowMissing { row: RowKey },
    /// A table row that no entry stands for, among those the chain stands for.
    RowNotInChain { row: RowKey },
    /// A table row that no entry stands for, after the last one.
    RowInserted { row: RowKey },
    /// A table row differs from what the chain says, in these columns.
    RowEdited {
        row: RowKey,
        columns: Vec<ColumnDiff>,
    },
    /// A summary file of a bundle cannot be read.
    SummaryUnreadable { file: &'static str, error: String },
    /// A summary file of a bundle does not say what its chain says.
    Summary(Mismatch),
    /// Warning: recorded before the entry before it.
    TimeBackwards { time_us: i64, last_us: i64 },
    /// Warning: recorded later than this computer's clock.
    TimeFuture { time_us: i64, now_us: i64 },
    /// Warning: entries `first` to `last` recorded later than this computer's clock.
    TimeFutureRun {
        first: i64,
        last: i64,
        time_us: i64,
        now_us: i64,
    },
    /// Warning: the closing of fiscal year `year`, ending `end`, recorded before `end` ended.
    ClosedEarly {
        year: i32,
        end: chrono::NaiveDate,
        time_us: i64,
    },
    /// Warning: a seal of the period ending `end` recorded before `end` ended.
    SealedEarly {
        end: chrono::NaiveDate,
        time_us: i64,
    },
}

/// A table row named by its key: the table and the key columns' values.
#[derive(Debug, Clone, PartialEq)]
pub struct RowKey {
    pub table: Table,
    pub key: Vec<Value>,
}

impl RowKey {
    /// The key of `values`, a whole row of `table`.
    pub fn of(table: Table, values: &[Value]) -> RowKey {
        RowKey {
            table,
            key: values[..table.key_len()].to_vec(),
        }
    }
}

/// A column whose value in the table is not the one the chain gives.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnDiff {
    pub column: &'static str,
    pub found: Value,
    pub expected: Value,
}

impl Finding {
    /// The kind a finding is listed under.
    pub fn kind(&self) -> ProblemKind {
        use Finding as F;
        match self {
            F::SchemaAltered { .. } | F::IntegrityFails { .. } => ProblemKind::SchemaAltered,
            F::TableUnreadable { .. }
            | F::KindColumn { .. }
            | F::RowMissingFromTable { .. }
            | F::RowMissing { .. }
            | F::RowNotInChain { .. }
            | F::RowInserted { .. }
            | F::RowEdited { .. } => ProblemKind::ProjectionDrift,
            F::EntriesMissing { .. } => ProblemKind::Deleted,
            F::RowOutOfOrder { .. } | F::LineOutOfOrder { .. } | F::EntryMisplaced { .. } => {
                ProblemKind::Reordered
            }
            F::EntryHashEdited { .. } => ProblemKind::HashEdited,
            F::ContentModified { .. } => ProblemKind::ContentModified,
            F::ChainHashEdited { .. } => ProblemKind::ChainHashEdited,
            F::LinkBroken { .. } => ProblemKind::LinkBroken,
            F::Undecodable { .. } => ProblemKind::Undecodable,
            F::NonCanonical => ProblemKind::NonCanonical,
            F::PublishedSealRewritten { .. } | F::AnchorRewritten { .. } => ProblemKind::Rewritten,
            // A signature that does not verify and a seal that does not recompute are the
            // rules' findings too, listed under their own kinds.
            F::Rule { rule, .. } => match rule.field() {
                "signature" => ProblemKind::BadSignature,
                "seal" => ProblemKind::SealMismatch,
                _ => ProblemKind::RuleViolation,
            },
            F::ReceiptMissing { .. } => ProblemKind::ReceiptMissing,
            F::ReceiptAltered { .. } => ProblemKind::ReceiptAltered,
            F::Empty => ProblemKind::Empty,
            F::ImportTruncated { .. } => ProblemKind::Truncated,
            F::AnchorMissing { .. } | F::SealAnchorMissing { .. } => ProblemKind::RolledBack,
            F::More { .. } => ProblemKind::More,
            F::SummaryUnreadable { .. } | F::Summary(_) => ProblemKind::MetadataMismatch,
            F::TimeBackwards { .. } => ProblemKind::TimeBackwards,
            F::TimeFuture { .. } | F::TimeFutureRun { .. } => ProblemKind::TimeFuture,
            F::ClosedEarly { .. } | F::SealedEarly { .. } => ProblemKind::ClosedEarly,
        }
    }
}

/// The findings of one verification, listed up to [`MAX_PROBLEMS`], then only counted.
pub(super) struct Findings {
    pub(super) list: Vec<Problem>,
    pub(super) extra: usize,
}

impl Findings {
    pub(super) fn add(&mut self, seq: i64, finding: Finding) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(Problem::new(seq, finding));
        } else {
            self.extra += 1;
        }
    }
}
