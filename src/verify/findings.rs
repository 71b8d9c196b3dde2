//! What `verify` finds: each finding's kind (a stable name that tools and the Python verifier
//! share) and what it says, collected rather than thrown, so one pass reports everything.

use std::path::PathBuf;

use rusqlite::types::Value;
use serde::Serialize;

use super::english::{self, Arg, Message};
use crate::chain::{DecodeError, Hash};
use crate::domain::EntryId;
use crate::files::receipts::Status;
use crate::formats::bundle::{Difference, Mismatch};
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
            F::Rule { rule, .. } => match rule.field {
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

    /// The finding as a message: its id and named arguments.
    pub fn message(&self) -> Message {
        use Finding as F;
        let m = Message::new;
        match self {
            F::SchemaAltered { drift } => m("schema-altered").text("drift", drift),
            F::IntegrityFails { damage } => m("integrity-fails").text("damage", damage),
            F::TableUnreadable { table, error } => m("table-unreadable")
                .text("table", table.name())
                .text("error", error),
            F::EntriesMissing { first, last } if first == last => {
                m("entry-missing").int("first", *first)
            }
            F::EntriesMissing { first, last } => {
                m("entries-missing").int("first", *first).int("last", *last)
            }
            F::RowOutOfOrder { seq, after } => {
                m("row-out-of-order").int("seq", *seq).int("after", *after)
            }
            F::LineOutOfOrder { line, seq, after } => m("line-out-of-order")
                .int("line", i64::try_from(*line).unwrap_or(i64::MAX))
                .int("seq", *seq)
                .int("after", *after),
            F::EntryHashEdited { stored, computed } => m("entry-hash-edited")
                .hex("stored", stored)
                .hex("computed", computed),
            F::ContentModified { stored, computed } => m("content-modified")
                .hex("stored", stored)
                .hex("computed", computed),
            F::ChainHashEdited { stored, expected } => m("chain-hash-edited")
                .hex("stored", stored)
                .hex("expected", expected),
            F::LinkBroken { link, previous } => {
                m("link-broken").hex("link", link).hex("previous", previous)
            }
            F::Undecodable { error } => m("undecodable")
                .int("offset", i64::try_from(error.offset).unwrap_or(i64::MAX))
                .text("what", &error.what),
            F::EntryMisplaced { row, recorded } => m("entry-misplaced")
                .int("row", *row)
                .int("recorded", *recorded),
            F::NonCanonical => m("non-canonical"),
            F::KindColumn { row, column, entry } => m("kind-column")
                .int("row", *row)
                .text("column", column)
                .text("entry", entry),
            F::PublishedSealRewritten {
                fingerprint,
                seq,
                head,
                covered,
            } => m("published-seal-rewritten")
                .text("fingerprint", fingerprint)
                .int("seq", *seq)
                .hex("head", head)
                .int("covered", *covered),
            F::Rule { record, rule } => m("rule-broken")
                .text("record", record)
                .text("rule", rule)
                .text("field", rule.field)
                .text("value", &rule.value),
            F::ReceiptMissing {
                file_name,
                transaction,
                path,
            } => m("receipt-missing")
                .text("file_name", file_name)
                .int("transaction", transaction.0)
                .text("path", path.display()),
            F::ReceiptAltered {
                file_name,
                transaction,
                path,
                status,
                size,
                sha256,
            } => m("receipt-altered")
                .text("file_name", file_name)
                .int("transaction", transaction.0)
                .text("path", path.display())
                .text("status", status.describe())
                .int("size", *size)
                .hex("sha256", sha256),
            F::Empty => m("empty"),
            F::ImportTruncated { seq, remaining } => m("import-truncated")
                .int("seq", *seq)
                .int("remaining", *remaining),
            F::AnchorMissing { seq, head, entries } => m("anchor-missing")
                .int("seq", *seq)
                .text("head", head)
                .int("entries", *entries),
            F::AnchorRewritten {
                seq,
                chain,
                published,
            } => m("anchor-rewritten")
                .int("seq", *seq)
                .hex("chain", chain)
                .text("published", published),
            F::SealAnchorMissing {
                fingerprint,
                entries,
            } => m("seal-anchor-missing")
                .text("fingerprint", fingerprint)
                .int("entries", *entries),
            F::More { count } => m("more").int("count", i64::try_from(*count).unwrap_or(i64::MAX)),
            F::RowMissingFromTable { row } => row.args(m("row-missing-from-table")),
            F::RowMissing { row } => row.args(m("row-missing")),
            F::RowNotInChain { row } => row.args(m("row-not-in-chain")),
            F::RowInserted { row } => row.args(m("row-inserted")),
            F::RowEdited { row, columns } => row.args(m("row-edited")).list(
                "columns",
                columns
                    .iter()
                    .map(|c| {
                        m("column-differs")
                            .text("column", c.column)
                            .arg("found", sql_value(&c.found))
                            .arg("expected", sql_value(&c.expected))
                    })
                    .collect(),
            ),
            F::SummaryUnreadable { file, error } => m("summary-unreadable")
                .text("file", file)
                .text("error", error),
            F::Summary(mismatch) => summary_message(mismatch),
            F::TimeBackwards { time_us, last_us } => m("time-backwards")
                .text("time", shown_time(*time_us))
                .text("last", shown_time(*last_us)),
            F::TimeFuture { time_us, now_us } => m("time-future")
                .text("time", shown_time(*time_us))
                .text("now", shown_time(*now_us)),
            F::TimeFutureRun {
                first,
                last,
                time_us,
                now_us,
            } => m("time-future-run")
                .int("first", *first)
                .int("last", *last)
                .text("time", shown_time(*time_us))
                .text("now", shown_time(*now_us)),
            F::ClosedEarly { year, end, time_us } => m("closed-early")
                .int("year", i64::from(*year))
                .text("end", end)
                .text("time", shown_time(*time_us)),
            F::SealedEarly { end, time_us } => m("sealed-early")
                .text("end", end)
                .text("time", shown_time(*time_us)),
        }
    }
}

impl std::fmt::Display for Finding {
    /// The English sentence.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&english::render(&self.message()))
    }
}

impl RowKey {
    /// Adds the arguments `table` and `key` (`column=value, ...` as SQL writes values).
    fn args(&self, m: Message) -> Message {
        let cols = self.table.columns();
        let key: Vec<String> = self
            .key
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{}={}", cols[i], english::render_arg(&sql_value(v))))
            .collect();
        m.text("table", self.table.name())
            .text("key", key.join(", "))
    }
}

/// A value as SQL writes it (`NULL`, `12`, `"text"`, `x'00ff'`); a float is said to be one.
pub(super) fn sql_value(v: &Value) -> Arg {
    match v {
        Value::Null => Arg::Text("NULL".into()),
        Value::Integer(i) => Arg::Int(*i),
        Value::Real(r) => Arg::Message(Message::new("sql-float").text("value", r)),
        Value::Text(t) => Arg::Text(format!("\"{t}\"")),
        Value::Blob(b) => Arg::Text(format!("x'{}'", hex::encode(b))),
    }
}

/// A time as findings show it: `2026-01-31 23:59:00 UTC`.
fn shown_time(us: i64) -> String {
    chrono::DateTime::from_timestamp_micros(us)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|| format!("{us} µs"))
}

/// A JSON value as a finding shows it: cut short.
fn shown_json(v: &serde_json::Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 80 {
        format!("{}…", text.chars().take(80).collect::<String>())
    } else {
        text
    }
}

fn summary_message(mismatch: &Mismatch) -> Message {
    let m = |id| Message::new(id).text("file", mismatch.file);
    // Where in the file: the top level, or a field.
    let at = |path: &str| {
        Arg::Message(if path.is_empty() {
            Message::new("json-top-level")
        } else {
            Message::new("json-field").text("path", path)
        })
    };
    match &mismatch.what {
        Difference::NotJson { error } => m("summary-not-json").text("error", error),
        Difference::Missing { at: p, expected } => m("summary-missing")
            .arg("at", at(p))
            .text("expected", shown_json(expected)),
        Difference::Added { at: p, found } => m("summary-added")
            .arg("at", at(p))
            .text("found", shown_json(found)),
        Difference::ElementMissing { element, expected } => m("summary-element-missing")
            .int("element", *element)
            .text("expected", shown_json(expected)),
        Difference::ElementAdded {
            at: p,
            element,
            found,
        } => m("summary-element-added")
            .arg("at", at(p))
            .int("element", *element)
            .text("found", shown_json(found)),
        Difference::Removed { at: p, expected } => m("summary-removed")
            .arg("at", at(p))
            .text("expected", shown_json(expected)),
        Difference::Differs {
            at: p,
            found,
            expected,
        } => m("summary-differs")
            .arg("at", at(p))
            .text("found", shown_json(found))
            .text("expected", shown_json(expected)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::receipts::Status;

    /// One finding of every kind of message.
    fn every_finding() -> Vec<Finding> {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let row = RowKey {
            table: Table::ALL[0],
            key: vec![Value::Integer(4)],
        };
        let mismatch = |what| {
            Finding::Summary(Mismatch {
                file: "seals.json",
                seq: 5,
                what,
            })
        };
        vec![
            Finding::SchemaAltered {
                drift: "index x added".into(),
            },
            Finding::IntegrityFails {
                damage: "page 3".into(),
            },
            Finding::TableUnreadable {
                table: Table::ALL[0],
                error: "no such table".into(),
            },
            Finding::EntriesMissing { first: 3, last: 3 },
            Finding::EntriesMissing { first: 3, last: 5 },
            Finding::RowOutOfOrder { seq: 2, after: 4 },
            Finding::LineOutOfOrder {
                line: 7,
                seq: 2,
                after: 4,
            },
            Finding::EntryHashEdited {
                stored: vec![1],
                computed: [2; 32],
            },
            Finding::ContentModified {
                stored: vec![1],
                computed: [2; 32],
            },
            Finding::ChainHashEdited {
                stored: vec![1],
                expected: [2; 32],
            },
            Finding::LinkBroken {
                link: vec![1],
                previous: [2; 32],
            },
            Finding::Undecodable {
                error: DecodeError {
                    offset: 9,
                    what: "a text is not UTF-8".into(),
                },
            },
            Finding::EntryMisplaced {
                row: 4,
                recorded: 5,
            },
            Finding::NonCanonical,
            Finding::KindColumn {
                row: 4,
                column: "seal".into(),
                entry: "transaction",
            },
            Finding::PublishedSealRewritten {
                fingerprint: "7W69-RMDN-9JJF-8F5W".into(),
                seq: 9,
                head: [3; 32],
                covered: 8,
            },
            Finding::Rule {
                record: "transaction",
                rule: RuleError::new("account", "9999", "account 9999 does not exist"),
            },
            Finding::ReceiptMissing {
                file_name: "invoice.pdf".into(),
                transaction: EntryId(2),
                path: "receipts/ab/cd".into(),
            },
            Finding::ReceiptAltered {
                file_name: "invoice.pdf".into(),
                transaction: EntryId(2),
                path: "receipts/ab/cd".into(),
                status: Status::Altered,
                size: 10,
                sha256: [4; 32],
            },
            Finding::Empty,
            Finding::ImportTruncated {
                seq: 3,
                remaining: 2,
            },
            Finding::AnchorMissing {
                seq: 40,
                head: "ab".into(),
                entries: 30,
            },
            Finding::AnchorRewritten {
                seq: 20,
                chain: vec![5],
                published: "ab".into(),
            },
            Finding::SealAnchorMissing {
                fingerprint: "7W69-RMDN-9JJF-8F5W".into(),
                entries: 30,
            },
            Finding::More { count: 12 },
            Finding::RowMissingFromTable { row: row.clone() },
            Finding::RowMissing { row: row.clone() },
            Finding::RowNotInChain { row: row.clone() },
            Finding::RowInserted { row: row.clone() },
            Finding::RowEdited {
                row,
                columns: vec![ColumnDiff {
                    column: "amount",
                    found: Value::Real(1.5),
                    expected: Value::Integer(150),
                }],
            },
            Finding::SummaryUnreadable {
                file: "ledger.json",
                error: "not found".into(),
            },
            mismatch(Difference::NotJson {
                error: "EOF".into(),
            }),
            mismatch(Difference::Missing {
                at: ".head".into(),
                expected: serde_json::json!("ab"),
            }),
            mismatch(Difference::Added {
                at: String::new(),
                found: serde_json::json!(1),
            }),
            mismatch(Difference::ElementMissing {
                element: 5,
                expected: serde_json::json!({"seq": 5}),
            }),
            mismatch(Difference::ElementAdded {
                at: String::new(),
                element: 6,
                found: serde_json::json!({"seq": 6}),
            }),
            mismatch(Difference::Removed {
                at: "[1]".into(),
                expected: serde_json::json!(2),
            }),
            mismatch(Difference::Differs {
                at: "[seq 5].covered".into(),
                found: serde_json::json!(3),
                expected: serde_json::json!(4),
            }),
            Finding::TimeBackwards {
                time_us: 0,
                last_us: 3_600_000_000,
            },
            Finding::TimeFuture {
                time_us: 3_600_000_000,
                now_us: 0,
            },
            Finding::TimeFutureRun {
                first: 3,
                last: 5,
                time_us: 3_600_000_000,
                now_us: 0,
            },
            Finding::ClosedEarly {
                year: 2026,
                end: date,
                time_us: 0,
            },
            Finding::SealedEarly {
                end: date,
                time_us: 0,
            },
        ]
    }

    #[test]
    fn every_finding_renders_every_placeholder_of_its_own_message() {
        let mut ids = std::collections::HashSet::new();
        for finding in every_finding() {
            let message = finding.message();
            let text = finding.to_string();
            assert!(
                !text.contains("{ $"),
                "{} leaves a placeholder: {text}",
                message.id
            );
            assert!(ids.insert(message.id), "{} is used twice", message.id);
        }
    }

    #[test]
    fn the_english_is_what_verify_always_said() {
        let said: Vec<String> = every_finding().iter().map(ToString::to_string).collect();
        assert_eq!(said[3], "entry 3 is missing from the log");
        assert_eq!(said[4], "entries 3 to 5 are missing from the log");
        assert_eq!(
            said[11],
            "the entry's bytes cannot be read: byte 9: a text is not UTF-8"
        );
        assert_eq!(said[16], "transaction entry: account 9999 does not exist");
        let table = Table::ALL[0];
        assert_eq!(
            said[29],
            format!(
                "{} row ({}=4) was edited: column amount is 1.5 (a float), the chain says 150",
                table.name(),
                table.columns()[0]
            )
        );
        assert_eq!(
            said[33],
            "seals.json: the top level = 1 is not derived from chain.jsonl (added)"
        );
        assert_eq!(
            said[37],
            "seals.json: field [seq 5].covered is 3, but chain.jsonl says 4"
        );
        assert_eq!(
            said[38],
            "recorded at 1970-01-01 00:00:00 UTC, before the entry before it (1970-01-01 01:00:00 UTC): the writer's clock was set back, or was ahead before"
        );
    }

    #[test]
    fn each_finding_is_listed_under_its_kind() {
        let kinds: Vec<&str> = every_finding().iter().map(|f| f.kind().as_str()).collect();
        assert_eq!(kinds[3], "deleted");
        assert_eq!(kinds[6], "reordered");
        assert_eq!(kinds[16], "rule-violation");
        let signature = Finding::Rule {
            record: "signature",
            rule: RuleError::new("signature", "x", "the signature does not verify"),
        };
        assert_eq!(signature.kind(), ProblemKind::BadSignature);
        assert_eq!(kinds[32], "metadata-mismatch");
        assert_eq!(kinds[40], "time-future");
        assert_eq!(kinds[42], "closed-early");
    }

    #[test]
    fn a_problem_in_json_keeps_its_keys_and_adds_its_message() {
        let problem = Problem::new(3, Finding::EntriesMissing { first: 3, last: 5 });
        let json = serde_json::to_value(&problem).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "seq": 3,
                "kind": "deleted",
                "detail": "entries 3 to 5 are missing from the log",
                "message": "entries-missing",
                "args": {"first": 3, "last": 5},
            })
        );
    }
}
