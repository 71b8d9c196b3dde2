//! `amana verify`: proves that what every listing and report reads is what the chain says.
//!
//! One streaming pass over the log, in sequence order:
//! 1. each row's stored hashes are recomputed from its stored bytes, and its link checked
//!    against the previous row (content modified, stored hash edited, link broken, gap, ...);
//! 2. its body is decoded strictly and re-encoded (non-canonical bytes are a finding);
//! 3. the entry is replayed through the same [`Book`] rules every write obeys (rule violation);
//! 4. the table rows it stands for are re-derived and compared, in key order, with every table
//!    the reports read (a row edited, deleted, inserted or reordered behind amana's back).
//!
//! It never stops at the first finding and classifies each one. Memory stays flat: one row of
//! each table is in hand at a time, plus the id → seq index of entries (8 bytes per entry).

use crate::chain::signing;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use rusqlite::types::Value;
use serde::Serialize;

use crate::chain::{self, ChainEntry, GENESIS_PREV, Hash, Record};
use crate::domain::Currency;
use crate::files::receipts::{ReceiptStore, Status};
use crate::rules::Book;
use crate::store::projection::{self, Row, Table};
use crate::store::{LogRow, Store, StoreError, read_values};

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

/// The result of a verification.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub ok: bool,
    /// Number of chain entries read.
    pub entries: i64,
    /// The stored chain hash of the last entry (hex).
    pub head: String,
    pub problems: Vec<Problem>,
    /// Journal entries (transactions and reversals) replayed.
    pub transactions: i64,
    /// Table rows compared with the chain.
    pub rows_checked: u64,
    /// Entries 1 to N are covered by a seal whose content recomputes and which at least one
    /// officer's valid signature vouches for (0 when none).
    pub signed_through: i64,
    /// Entries 1 to N match a head published outside the ledger (`--anchor`; 0 when none).
    pub anchored_through: i64,
    /// Entries after both: internally consistent, but not yet vouched for by a signature or a
    /// published head.
    pub unanchored: i64,
    pub seals: Vec<SealSummary>,
    /// The officers' decisions, in chain order: reopenings and revocations are never silent.
    pub decisions: Vec<DecisionSummary>,
    /// What deserves a look but proves no alteration (times out of order or in the future,
    /// a year closed before it ended): reported, without making the verification fail.
    pub warnings: Vec<Problem>,
}

struct Findings {
    list: Vec<Problem>,
    extra: usize,
}

impl Findings {
    fn add(&mut self, seq: i64, kind: ProblemKind, detail: impl Into<String>) {
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

/// A table read in key order, one row in hand.
struct Cursor<'s> {
    table: Table,
    /// `None` when the table could not be read (already reported).
    rows: Option<rusqlite::Rows<'s>>,
    peeked: Option<Vec<Value>>,
    done: bool,
}

impl Cursor<'_> {
    fn peek(&mut self) -> Result<Option<&Vec<Value>>, StoreError> {
        if self.peeked.is_none() && !self.done {
            match self
                .rows
                .as_mut()
                .map(|rows| rows.next())
                .transpose()?
                .flatten()
            {
                Some(r) => self.peeked = Some(read_values(r, self.table.columns().len())?),
                None => self.done = true,
            }
        }
        Ok(self.peeked.as_ref())
    }

    fn advance(&mut self) {
        self.peeked = None;
    }
}

fn value_rank(v: &Value) -> u8 {
    match v {
        Value::Null => 0,
        Value::Integer(_) | Value::Real(_) => 1,
        Value::Text(_) => 2,
        Value::Blob(_) => 3,
    }
}

/// SQLite's order for the key types amana uses (BINARY collation for text).
fn cmp_values(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Integer(x), Value::Integer(y)) => x.cmp(y),
        (Value::Text(x), Value::Text(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Value::Blob(x), Value::Blob(y)) => x.cmp(y),
        (Value::Real(x), Value::Real(y)) => x.total_cmp(y),
        _ => value_rank(a).cmp(&value_rank(b)),
    }
}

fn cmp_keys(a: &[Value], b: &[Value]) -> Ordering {
    a.iter()
        .zip(b)
        .map(|(x, y)| cmp_values(x, y))
        .find(|o| o.is_ne())
        .unwrap_or(Ordering::Equal)
}

fn show(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(r) => format!("{r} (a float)"),
        Value::Text(t) => format!("\"{t}\""),
        Value::Blob(b) => format!("x'{}'", hex::encode(b)),
    }
}

fn describe_key(table: Table, values: &[Value]) -> String {
    let cols = table.columns();
    let key: Vec<String> = (0..table.key_len())
        .map(|i| format!("{}={}", cols[i], show(&values[i])))
        .collect();
    format!("{} row ({})", table.name(), key.join(", "))
}

/// The seq a table row belongs to, for reporting a row that matches no entry: its `seq`
/// column, or for a row without one (a posting) the seq of the entry its `entry_id` names.
fn row_seq(table: Table, values: &[Value], entry_seqs: &HashMap<i64, i64>) -> Option<i64> {
    let column = |name: &str| {
        table
            .columns()
            .iter()
            .position(|c| *c == name)
            .and_then(|i| match values[i] {
                Value::Integer(s) => Some(s),
                _ => None,
            })
    };
    if table.columns().contains(&"seq") {
        column("seq")
    } else {
        column("entry_id").and_then(|id| entry_seqs.get(&id).copied())
    }
}

struct Projections<'s> {
    cursors: Vec<Cursor<'s>>,
    checked: u64,
}

impl<'s> Projections<'s> {
    fn cursor(&mut self, table: Table) -> &mut Cursor<'s> {
        let i = Table::ALL
            .iter()
            .position(|t| *t == table)
            .expect("every table is scanned");
        &mut self.cursors[i]
    }

    /// Compares one expected row with the table, reporting rows the table has before it.
    fn expect(
        &mut self,
        seq: i64,
        row: &Row,
        findings: &mut Findings,
        entry_seqs: &HashMap<i64, i64>,
    ) -> Result<(), StoreError> {
        let table = row.table;
        let k = table.key_len();
        self.checked += 1;
        let cursor = self.cursor(table);
        if cursor.rows.is_none() {
            return Ok(());
        }
        loop {
            let Some(actual) = cursor.peek()?.cloned() else {
                findings.add(
                    seq,
                    ProblemKind::ProjectionDrift,
                    format!(
                        "{} is missing (deleted from the table)",
                        describe_key(table, &row.values)
                    ),
                );
                return Ok(());
            };
            match cmp_keys(&actual[..k], &row.values[..k]) {
                Ordering::Less => {
                    findings.add(
                        // At the entry the row claims when it is one already read (a
                        // posting slipped into an entry, the rows of an undecodable one).
                        row_seq(table, &actual, entry_seqs)
                            .filter(|s| (1..=seq).contains(s))
                            .unwrap_or(seq),
                        ProblemKind::ProjectionDrift,
                        format!(
                            "{} is not in the chain (inserted or re-keyed)",
                            describe_key(table, &actual)
                        ),
                    );
                    cursor.advance();
                }
                Ordering::Greater => {
                    findings.add(
                        seq,
                        ProblemKind::ProjectionDrift,
                        format!(
                            "{} is missing (deleted or re-keyed)",
                            describe_key(table, &row.values)
                        ),
                    );
                    return Ok(());
                }
                Ordering::Equal => {
                    cursor.advance();
                    if actual != row.values {
                        let cols = table.columns();
                        let diffs: Vec<String> = (0..cols.len())
                            .filter(|&i| actual[i] != row.values[i])
                            .map(|i| {
                                format!(
                                    "column {} is {}, the chain says {}",
                                    cols[i],
                                    show(&actual[i]),
                                    show(&row.values[i])
                                )
                            })
                            .collect();
                        findings.add(
                            seq,
                            ProblemKind::ProjectionDrift,
                            format!(
                                "{} was edited: {}",
                                describe_key(table, &row.values),
                                diffs.join("; ")
                            ),
                        );
                    }
                    return Ok(());
                }
            }
        }
    }

    /// Reports every row left after the chain ended.
    fn finish(
        &mut self,
        findings: &mut Findings,
        entry_seqs: &HashMap<i64, i64>,
    ) -> Result<(), StoreError> {
        for cursor in &mut self.cursors {
            while let Some(actual) = cursor.peek()?.cloned() {
                findings.add(
                    row_seq(cursor.table, &actual, entry_seqs).unwrap_or(0),
                    ProblemKind::ProjectionDrift,
                    format!(
                        "{} is not in the chain (inserted)",
                        describe_key(cursor.table, &actual)
                    ),
                );
                cursor.advance();
            }
        }
        Ok(())
    }
}

fn hex32(bytes: &[u8]) -> String {
    hex::encode(bytes)
}

/// A chain head published outside the ledger: `amana verify --anchor SEQ:HEX`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub seq: i64,
    pub head: String,
}

impl Anchor {
    /// Parses `SEQ:HEX` as `verify --format json` printed `entries` and `head`.
    pub fn parse(text: &str) -> Result<Anchor, String> {
        let bad = || {
            format!(
                "anchor \"{text}\": write ENTRIES:HEAD as `amana verify` printed them, e.g. 1042:458e9e52…(64 hex digits)"
            )
        };
        let (seq, head) = text.trim().split_once(':').ok_or_else(bad)?;
        let seq: i64 = seq.trim().parse().map_err(|_| bad())?;
        let head = head.trim().to_ascii_lowercase();
        if seq < 1 || head.len() != 64 || !head.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        Ok(Anchor { seq, head })
    }
}

/// What a seal looked like to `verify`.
#[derive(Debug, Clone, Serialize)]
pub struct SealSummary {
    pub seq: i64,
    pub fingerprint: String,
    pub covered: i64,
    pub period_end: Option<String>,
    /// Officers whose signatures verify.
    pub signed_by: Vec<String>,
    /// The seal's content recomputes and every signature of it verifies.
    pub valid: bool,
}

/// One of the officers' decisions (a closing, a lock, a reopening, a revocation, a policy, the
/// approval of an officer), as `verify` replayed it.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionSummary {
    pub seq: i64,
    /// `closing`, `lock`, `reopen`, `revocation`, `policy` or `officer` (an approval).
    pub kind: String,
    /// What it decides, with its reason.
    pub detail: String,
    /// Officers whose signatures of it were admitted.
    pub signed_by: Vec<String>,
    /// It had the signatures the policy asks, and took effect.
    pub in_effect: bool,
    /// It became void before taking effect (a lock reaching into a year reopened meanwhile, a
    /// reopening of a year no longer the last closed one).
    pub void: bool,
}

/// A seal's fingerprint published outside the ledger: `amana verify --seal FINGERPRINT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealAnchor {
    /// Normalised: `XXXX-XXXX-XXXX-XXXX`.
    pub fingerprint: String,
}

impl SealAnchor {
    /// Parses a fingerprint as a seal printed it (case, dashes and O/0, I/L/1 as a person
    /// types them).
    pub fn parse(text: &str) -> Result<SealAnchor, String> {
        let fingerprint = signing::normalise_fingerprint(text);
        let digits = fingerprint.replace('-', "");
        if digits.len() != 16
            || !digits
                .bytes()
                .all(|b| b"0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(&b))
        {
            return Err(format!(
                "seal fingerprint \"{text}\": write it as the seal printed it, 16 letters and digits like 7W69-RMDN-9JJF-8F5W"
            ));
        }
        Ok(SealAnchor { fingerprint })
    }
}

/// What to check besides the chain itself.
#[derive(Debug, Default, Clone)]
pub struct Options {
    pub anchors: Vec<Anchor>,
    /// The time (UTC microseconds) entries are compared with; `None`: this computer's clock.
    pub now_us: Option<i64>,
    /// Seals published outside the ledger, which it must hold unchanged.
    pub seals: Vec<SealAnchor>,
}

use crate::chain::CLOCK_SLACK_US as BACKWARDS_SLACK_US;
/// How far in the future an entry's time may lie.
const FUTURE_SLACK_US: i64 = 24 * 3600 * 1_000_000;

/// The first instant at which `period_end` is over everywhere: the next day begins first at
/// UTC+14, fourteen hours before it begins in UTC.
fn period_over_us(period_end: chrono::NaiveDate) -> Option<i64> {
    let next = period_end.succ_opt()?.and_hms_opt(0, 0, 0)?;
    Some(next.and_utc().timestamp_micros() - 14 * 3600 * 1_000_000)
}

/// Checks log rows one by one, in order: hashes, links, decoding, rules, seals, receipts.
/// Used on a ledger (with the tables compared too) and on an audit bundle.
struct ChainCheck<'a> {
    findings: Findings,
    book: Book,
    base: Option<Currency>,
    /// entry id → seq of the chain entry that recorded it (index id - 1).
    entry_seqs: HashMap<i64, i64>,
    expected_seq: i64,
    prev_chain: Hash,
    last_chain: Vec<u8>,
    entries: i64,
    transactions: i64,
    receipts: Option<&'a ReceiptStore>,
    /// Stored chain hash at each anchored seq.
    anchors_seen: BTreeMap<i64, Vec<u8>>,
    anchors: &'a [Anchor],
    seal_anchors: &'a [SealAnchor],
    /// For each published seal found: its seq, or why the chain before it is not the one
    /// it committed to.
    seals_found: HashMap<String, Result<i64, String>>,
    seals: Vec<SealSummary>,
    /// Seals whose content or a signature failed.
    bad_seals: HashSet<i64>,
    /// Seqs of the entries that record the books (all but seals and signatures), to tell
    /// how many are not yet vouched for.
    book_seqs: Vec<i64>,
    warnings: Vec<Problem>,
    /// What each decision entry says, by seq.
    decision_details: BTreeMap<i64, String>,
    /// The latest entry time seen so far, and the clock entries are compared with.
    last_time: Option<i64>,
    now_us: i64,
    /// The first and last seq of the latest run of entries recorded in the future.
    future_run: Option<(i64, i64)>,
}

impl<'a> ChainCheck<'a> {
    fn new(options: &'a Options, receipts: Option<&'a ReceiptStore>) -> Self {
        ChainCheck {
            findings: Findings {
                list: vec![],
                extra: 0,
            },
            book: Book::new(),
            base: None,
            entry_seqs: HashMap::new(),
            expected_seq: 1,
            prev_chain: GENESIS_PREV,
            last_chain: vec![],
            entries: 0,
            transactions: 0,
            receipts,
            anchors_seen: BTreeMap::new(),
            anchors: &options.anchors,
            seal_anchors: &options.seals,
            seals_found: HashMap::new(),
            seals: vec![],
            bad_seals: HashSet::new(),
            book_seqs: vec![],
            warnings: vec![],
            decision_details: BTreeMap::new(),
            last_time: None,
            future_run: None,
            now_us: options
                .now_us
                .unwrap_or_else(|| chrono::Utc::now().timestamp_micros()),
        }
    }

    /// Times are not evidence of tampering (they are what the writer's clock said), so what
    /// is odd about them is a warning: times going back, times in the future, a period closed
    /// before it ended.
    fn check_time(&mut self, e: &ChainEntry) {
        let shown = |us: i64| {
            chrono::DateTime::from_timestamp_micros(us)
                .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
                .unwrap_or_else(|| format!("{us} µs"))
        };
        let mut found = vec![];
        if let Some(last) = self.last_time
            && e.time_us < last.saturating_sub(BACKWARDS_SLACK_US)
        {
            found.push((ProblemKind::TimeBackwards, format!(
                "recorded at {}, before the entry before it ({}): the writer's clock was set back, or was ahead before",
                shown(e.time_us), shown(last))));
        }
        if e.time_us > self.now_us.saturating_add(FUTURE_SLACK_US) {
            match self.future_run {
                // One warning for a run of entries in the future, not one per entry.
                Some((first, last)) if last + 1 == e.seq => {
                    self.future_run = Some((first, e.seq));
                    if let Some(w) = self
                        .warnings
                        .iter_mut()
                        .rev()
                        .find(|w| w.kind == ProblemKind::TimeFuture)
                    {
                        w.detail = format!(
                            "entries {first} to {} are recorded later than this computer's clock ({}), the last at {}: a clock was set ahead (this one or the writer's)",
                            e.seq,
                            shown(self.now_us),
                            shown(e.time_us)
                        );
                    }
                }
                _ => {
                    self.future_run = Some((e.seq, e.seq));
                    found.push((ProblemKind::TimeFuture, format!(
                        "recorded at {}, later than this computer's clock ({}): a clock was set ahead (this one or the writer's)",
                        shown(e.time_us), shown(self.now_us))));
                }
            }
        }
        let closes = match &e.record {
            Record::Entry(entry) => match &entry.header.kind {
                crate::domain::EntryKind::Closing { year, .. } => Some((
                    format!("the closing of fiscal year {year}"),
                    entry.header.date,
                )),
                _ => None,
            },
            Record::Seal(seal) => seal
                .period_end
                .map(|end| (format!("the seal of the period ending {end}"), end)),
            _ => None,
        };
        if let Some((what, end)) = closes
            && period_over_us(end).is_some_and(|over| e.time_us < over)
        {
            found.push((ProblemKind::ClosedEarly, format!(
                "{what} was recorded at {}, before {end} had ended: the writer's clock was ahead, and entries of the last days may be missing",
                shown(e.time_us))));
        }
        for (kind, detail) in found {
            self.warnings.push(Problem {
                seq: e.seq,
                kind,
                detail,
            });
        }
        self.last_time = Some(self.last_time.map_or(e.time_us, |t| t.max(e.time_us)));
    }

    /// Checks one row; returns the decoded entry when its bytes decode.
    fn row(
        &mut self,
        row: &LogRow,
        body_at: &dyn Fn(i64) -> Option<Vec<u8>>,
    ) -> Option<ChainEntry> {
        let seq = row.seq;
        self.entries += 1;
        if seq > self.expected_seq {
            self.findings.add(
                self.expected_seq,
                ProblemKind::Deleted,
                if seq == self.expected_seq + 1 {
                    format!("entry {} is missing from the log", self.expected_seq)
                } else {
                    format!(
                        "entries {} to {} are missing from the log",
                        self.expected_seq,
                        seq - 1
                    )
                },
            );
            // Check what follows on its own merits, not as "out of sequence".
            self.book.skip_missing(seq - self.expected_seq);
        } else if seq < self.expected_seq {
            self.findings.add(
                seq,
                ProblemKind::Reordered,
                format!("log row {seq} comes after row {}", self.expected_seq - 1),
            );
        }
        if self.anchors.iter().any(|a| a.seq == seq) {
            self.anchors_seen.insert(seq, row.chain.clone());
        }

        // 1. Hashes and links, from the stored bytes; each check on its own.
        let computed = chain::entry_hash(&row.body);
        let prev = chain::hash_from(&row.prev);
        if row.entry_hash != computed {
            if row.chain == chain::chain_hash(seq, &prev, &computed) {
                self.findings.add(seq, ProblemKind::HashEdited, format!(
                    "the stored entry hash {} is not the hash of the entry's bytes ({}), which the chain hash confirms",
                    hex32(&row.entry_hash), hex32(&computed)));
            } else {
                self.findings.add(seq, ProblemKind::ContentModified, format!(
                    "the entry's bytes hash to {}, but {} was recorded: the entry was altered after it was written",
                    hex32(&computed), hex32(&row.entry_hash)));
            }
        }
        let from_stored = chain::chain_hash(seq, &prev, &chain::hash_from(&row.entry_hash));
        let from_body = chain::chain_hash(seq, &prev, &computed);
        if row.chain != from_stored && row.chain != from_body {
            self.findings.add(seq, ProblemKind::ChainHashEdited, format!(
                "the stored chain hash {} does not follow from the entry and its link ({} expected)",
                hex32(&row.chain), hex32(&from_body)));
        }
        if row.prev != self.prev_chain {
            self.findings.add(
                seq,
                ProblemKind::LinkBroken,
                format!(
                    "the entry links to {} but the entry before it has chain hash {}",
                    hex32(&row.prev),
                    hex32(&self.prev_chain)
                ),
            );
        }
        self.prev_chain = chain::hash_from(&row.chain);
        self.last_chain = row.chain.clone();
        // A row out of order (only in a bundle) does not move the expected position.
        self.expected_seq = self.expected_seq.max(seq.saturating_add(1));

        // 2. Decode strictly; re-encode.
        let decoded = match ChainEntry::decode(&row.body, self.base.as_ref()) {
            Ok(e) => e,
            Err(e) => {
                self.findings.add(
                    seq,
                    ProblemKind::Undecodable,
                    format!("the entry's bytes cannot be read: {e}"),
                );
                let numbered = self.book.next_entry_id();
                self.book.skip(None, &row.kind);
                if self.book.next_entry_id() != numbered {
                    // Its table rows, if any, are reported at this entry.
                    self.entry_seqs.entry(numbered.0).or_insert(seq);
                }
                // Still a leaf of the Merkle tree and a link of the chain, and an entry of the
                // books unless its row says it was a seal or a signature.
                self.book
                    .appended(seq, &computed, &chain::hash_from(&row.chain));
                if !matches!(row.kind.as_str(), "seal" | "signature") {
                    self.book_seqs.push(seq);
                }
                return None;
            }
        };
        self.check_time(&decoded);
        if decoded.seq != seq {
            self.findings.add(
                seq,
                ProblemKind::Reordered,
                format!(
                    "log row {seq} holds the entry recorded as number {}",
                    decoded.seq
                ),
            );
        }
        if decoded.encode() != row.body {
            self.findings.add(
                seq,
                ProblemKind::NonCanonical,
                "the bytes decode, but are not the canonical encoding of what they say",
            );
        }
        if row.kind != decoded.record.kind() {
            self.findings.add(
                seq,
                ProblemKind::ProjectionDrift,
                format!(
                    "log row {seq}: column kind is \"{}\", the entry says \"{}\"",
                    row.kind,
                    decoded.record.kind()
                ),
            );
        }
        if let Record::Ledger(info) = &decoded.record
            && self.base.is_none()
        {
            self.base = Some(info.currency.clone());
        }

        // A published seal: the chain before it must be the one it committed to (checked
        // here, before the seal is admitted, against the replayed head and Merkle root).
        if let Record::Seal(seal) = &decoded.record {
            let fingerprint = signing::fingerprint(&computed);
            if self
                .seal_anchors
                .iter()
                .any(|a| a.fingerprint == fingerprint)
            {
                let now = self.book.seal_content(None, vec![]);
                let found = match now {
                    Some(now)
                        if seal.covered == seq - 1
                            && seal.head == now.head
                            && seal.merkle_root == now.merkle_root =>
                    {
                        Ok(seq)
                    }
                    _ => Err(format!(
                        "the published seal {fingerprint} is entry {seq}, but the chain before it is not the one it sealed (its head {} or Merkle root over entries 1 to {} does not recompute): history up to entry {} was rewritten",
                        hex32(&seal.head),
                        seal.covered,
                        seal.covered
                    )),
                };
                self.seals_found.entry(fingerprint).or_insert(found);
            }
        }

        // 3. The rules (signatures and seal contents included).
        let original = match &decoded.record {
            Record::Entry(e) => e.reverses().and_then(|id| {
                let body = body_at(*self.entry_seqs.get(&id.0)?)?;
                match ChainEntry::decode(&body, self.base.as_ref()).ok()?.record {
                    Record::Entry(e) => Some(e),
                    _ => None,
                }
            }),
            _ => None,
        };
        match self.book.admit(&decoded, original.as_ref()) {
            Ok(_) => self
                .book
                .appended(seq, &computed, &chain::hash_from(&row.chain)),
            Err(problems) => {
                for p in problems {
                    let kind = match p.field() {
                        "signature" => ProblemKind::BadSignature,
                        "seal" => ProblemKind::SealMismatch,
                        _ => ProblemKind::RuleViolation,
                    };
                    match (&decoded.record, kind) {
                        (Record::Signature(sig), ProblemKind::BadSignature) => {
                            self.bad_seals.insert(sig.seal);
                        }
                        (Record::Seal(_), ProblemKind::SealMismatch) => {
                            self.bad_seals.insert(seq);
                        }
                        _ => {}
                    }
                    self.findings.add(
                        seq,
                        kind,
                        format!("{} entry: {}", decoded.record.kind(), p.message()),
                    );
                }
                self.book.skip(Some(&decoded), decoded.record.kind());
                self.book
                    .appended(seq, &computed, &chain::hash_from(&row.chain));
            }
        }
        if !matches!(decoded.record, Record::Seal(_) | Record::Signature(_)) {
            self.book_seqs.push(seq);
        }
        if let Some(detail) = decision_detail(&decoded.record) {
            self.decision_details.insert(seq, detail);
        }
        match &decoded.record {
            Record::Entry(e) => {
                self.transactions += 1;
                self.entry_seqs.entry(e.id().0).or_insert(seq);
            }
            Record::Seal(seal) => self.seals.push(SealSummary {
                seq,
                fingerprint: signing::fingerprint(&computed),
                covered: seal.covered,
                period_end: seal.period_end.map(crate::domain::format_date),
                signed_by: vec![],
                valid: true,
            }),
            Record::Signature(sig) => {
                // (A signature refused as a second one by the same officer is not listed again.)
                if let Some(summary) = self.seals.iter_mut().find(|s| s.seq == sig.seal)
                    && self
                        .book
                        .seal(sig.seal)
                        .is_some_and(|(_, signers)| signers.contains(&sig.officer))
                    && !summary
                        .signed_by
                        .iter()
                        .any(|o| *o == sig.officer.to_string())
                {
                    summary.signed_by.push(sig.officer.to_string());
                }
            }
            Record::Receipt(r) => {
                if let Some(store) = self.receipts {
                    let path = store.path_of(&r.sha256);
                    let status = store.check(&r.sha256, u64::try_from(r.size).ok());
                    match status {
                        Status::Present => {}
                        Status::Missing => self.findings.add(seq, ProblemKind::ReceiptMissing, format!(
                            "the receipt {} of transaction {} is missing: it should be at {}", r.file_name, r.entry, path.display())),
                        Status::Altered | Status::WrongSize | Status::NotAFile(_) => self.findings.add(seq, ProblemKind::ReceiptAltered, format!(
                            "the receipt {} of transaction {} at {} {} (recorded: {} bytes, SHA-256 {})",
                            r.file_name, r.entry, path.display(), status.describe(), r.size, hex::encode(r.sha256))),
                    }
                }
            }
            _ => {}
        }
        Some(decoded)
    }

    fn finish(mut self, rows_checked: u64) -> VerifyReport {
        if self.entries == 0 {
            self.findings.add(
                0,
                ProblemKind::Empty,
                "the log has no entries: this ledger has no genesis entry",
            );
        }
        if let Some((seq, remaining)) = self.book.open_import() {
            self.findings.add(seq, ProblemKind::Truncated, format!(
                "the import at entry {seq} announced {remaining} more transaction(s) that are not in the log: the chain was cut short"));
        }
        let mut anchored_through = 0;
        for a in self.anchors {
            match self.anchors_seen.get(&a.seq) {
                None => self.findings.add(a.seq, ProblemKind::RolledBack, format!(
                    "the published head {}:{} is not in this ledger, which has {} entries: the chain was truncated or rolled back",
                    a.seq, a.head, self.entries)),
                Some(chain) if hex32(chain) != a.head => self.findings.add(a.seq, ProblemKind::Rewritten, format!(
                    "entry {} has chain hash {}, but {} was published: history up to entry {} was rewritten",
                    a.seq, hex32(chain), a.head, a.seq)),
                Some(_) => anchored_through = anchored_through.max(a.seq),
            }
        }
        for a in self.seal_anchors {
            match self.seals_found.get(&a.fingerprint) {
                Some(Ok(seq)) => anchored_through = anchored_through.max(*seq),
                Some(Err(detail)) => {
                    let seq = self.seals.iter().find(|s| s.fingerprint == a.fingerprint).map_or(0, |s| s.seq);
                    self.findings.add(seq, ProblemKind::Rewritten, detail.clone());
                }
                None => self.findings.add(0, ProblemKind::RolledBack, format!(
                    "no seal of this ledger ({} entries) has the published fingerprint {}: the ledger was rolled back to before that seal, or the seal and the history it covers were rewritten, or it is another ledger's seal (compare `amana log --kind seal` with the published report)",
                    self.entries, a.fingerprint)),
            }
        }
        for s in &mut self.seals {
            s.valid = !self.bad_seals.contains(&s.seq);
        }
        let signed_through = self
            .seals
            .iter()
            .filter(|s| s.valid && !s.signed_by.is_empty())
            .map(|s| s.covered)
            .max()
            .unwrap_or(0);
        let mut problems = self.findings.list;
        problems.sort_by_key(|p| p.seq);
        if self.findings.extra > 0 {
            problems.push(Problem {
                seq: 0,
                kind: ProblemKind::More,
                detail: format!("{} further problems are not listed", self.findings.extra),
            });
        }
        VerifyReport {
            ok: problems.is_empty(),
            entries: self.entries,
            head: if self.last_chain.is_empty() {
                hex32(&GENESIS_PREV)
            } else {
                hex32(&self.last_chain)
            },
            problems,
            transactions: self.transactions,
            rows_checked,
            signed_through,
            anchored_through,
            unanchored: {
                let vouched = signed_through.max(anchored_through);
                self.book_seqs.iter().filter(|s| **s > vouched).count() as i64
            },
            seals: self.seals,
            decisions: self
                .book
                .governance()
                .decisions()
                .map(|(seq, d)| DecisionSummary {
                    seq: *seq,
                    kind: d.decision.kind().to_string(),
                    detail: self.decision_details.get(seq).cloned().unwrap_or_default(),
                    signed_by: d.signers.iter().map(ToString::to_string).collect(),
                    in_effect: d.effective_at.is_some(),
                    void: d.void_at.is_some(),
                })
                .collect(),
            warnings: self.warnings,
        }
    }
}

/// What a decision entry decides, in words (for the summary).
fn decision_detail(record: &Record) -> Option<String> {
    Some(match record {
        Record::Officer(o) => format!("officer {} ({}) registered", o.id, o.role),
        Record::Entry(e) => match &e.header.kind {
            crate::domain::EntryKind::Closing { year, .. } => {
                format!("closing of fiscal year {year}")
            }
            _ => return None,
        },
        Record::Lock(l) => format!("lock through {}: {}", l.through, l.reason),
        Record::Reopen(r) => format!("reopening of fiscal year {}: {}", r.year, r.reason),
        Record::Revocation(v) => format!("revocation of officer {}: {}", v.officer, v.reason),
        Record::Policy(p) => format!("policy: {} officer(s) sign each decision", p.quorum),
        _ => return None,
    })
}

/// Verifies the whole ledger in one read transaction.
pub fn verify(store: &Store) -> Result<VerifyReport, StoreError> {
    verify_with(store, &Options::default())
}

/// Verifies the ledger, checking the anchors in `options` too.
pub fn verify_with(store: &Store, options: &Options) -> Result<VerifyReport, StoreError> {
    store.begin_read()?;
    let report = run(store, options);
    store.end_read()?;
    report
}

fn run(store: &Store, options: &Options) -> Result<VerifyReport, StoreError> {
    let receipts = ReceiptStore::for_ledger(store.path());
    let mut check = ChainCheck::new(options, Some(&receipts));
    for drift in store.schema_drift()? {
        check.findings.add(
            0,
            ProblemKind::SchemaAltered,
            format!("the ledger's schema was altered: {drift}"),
        );
    }
    for damage in store.integrity()? {
        check.findings.add(
            0,
            ProblemKind::SchemaAltered,
            format!("SQLite's integrity check fails: {damage}"),
        );
    }
    let mut scans = store.table_scans();
    let mut cursors = vec![];
    for (table, stmt) in scans.iter_mut() {
        let rows = match stmt {
            Ok(stmt) => Some(stmt.query([])?),
            Err(e) => {
                check.findings.add(0, ProblemKind::ProjectionDrift, format!(
                    "table {} cannot be read as amana wrote it ({e}): it was dropped, renamed or restructured",
                    table.name()));
                None
            }
        };
        cursors.push(Cursor {
            table: *table,
            done: rows.is_none(),
            rows,
            peeked: None,
        });
    }
    let mut projections = Projections {
        cursors,
        checked: 0,
    };
    let mut log = store.log_scan()?;
    let mut rows = log.query([])?;
    let body_at = |seq: i64| store.body_at(seq).ok().flatten();
    while let Some(r) = rows.next()? {
        let blob = |i: usize| -> Result<Vec<u8>, StoreError> {
            Ok(match crate::store::value_at(r, i)? {
                Value::Blob(b) => b,
                Value::Text(t) => t.into_bytes(),
                _ => vec![],
            })
        };
        let row = LogRow {
            seq: r.get(0)?,
            kind: match crate::store::value_at(r, 1)? {
                Value::Text(t) => t,
                other => show(&other),
            },
            body: blob(2)?,
            entry_hash: blob(3)?,
            prev: blob(4)?,
            chain: blob(5)?,
        };
        if let Some(decoded) = check.row(&row, &body_at) {
            // Each table has its own cursor, so only each table's own key order matters, and
            // `projection::rows` yields each table's rows in that order.
            for projected in &projection::rows(&decoded) {
                projections.expect(row.seq, projected, &mut check.findings, &check.entry_seqs)?;
            }
        }
    }
    projections.finish(&mut check.findings, &check.entry_seqs)?;
    Ok(check.finish(projections.checked))
}

/// Reads the chain of the audit bundle in `dir` (`chain.jsonl`), row by row as written.
/// Each row comes with its line number in the file.
pub fn bundle_rows(dir: &Path) -> Result<Vec<(usize, LogRow)>, String> {
    let path = dir.join(crate::formats::bundle::CHAIN);
    let text = crate::files::read_text(&path, crate::formats::bundle::CHAIN_LIMIT)
        .map_err(|e| e.to_string())?;
    // (line number, row)
    let mut rows: Vec<(usize, LogRow)> = vec![];
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| format!("{}:{}: not a JSON line: {e}", path.display(), i + 1))?;
        let field = |name: &str| -> Result<Vec<u8>, String> {
            hex::decode(v[name].as_str().unwrap_or_default())
                .map_err(|_| format!("{}:{}: field {name} is not hex", path.display(), i + 1))
        };
        rows.push((
            i + 1,
            LogRow {
                seq: v["seq"]
                    .as_i64()
                    .ok_or_else(|| format!("{}:{}: no seq", path.display(), i + 1))?,
                kind: v["kind"].as_str().unwrap_or_default().to_string(),
                body: field("body")?,
                entry_hash: field("entry_hash")?,
                prev: field("prev")?,
                chain: field("chain")?,
            },
        ));
    }
    Ok(rows)
}

/// Verifies an audit bundle written by `amana export audit`: the chain (hashes, links,
/// decoding, rules, seals, signatures), the receipts, and the summary files (ledger.json,
/// officers.json, seals.json) against the chain, without amana's database.
pub fn verify_bundle(dir: &Path, options: &Options) -> Result<VerifyReport, String> {
    let rows = bundle_rows(dir)?;
    Ok(verify_bundle_rows(dir, &rows, options))
}

/// [`verify_bundle`] on rows already read.
pub fn verify_bundle_rows(dir: &Path, rows: &[(usize, LogRow)], options: &Options) -> VerifyReport {
    let receipts = ReceiptStore::at(&dir.join(crate::formats::bundle::RECEIPTS));
    let mut check = ChainCheck::new(options, Some(&receipts));
    // The chain is checked in the order of `seq`; a line that comes after one with a higher
    // `seq` is one finding (and is checked at its place), not a cascade of broken links.
    let mut highest: Option<i64> = None;
    for (line, row) in rows {
        if let Some(h) = highest
            && row.seq < h
        {
            check.findings.add(
                row.seq,
                ProblemKind::Reordered,
                format!(
                    "chain.jsonl line {line} holds entry {} after entry {h}",
                    row.seq
                ),
            );
        }
        highest = Some(highest.map_or(row.seq, |h| h.max(row.seq)));
    }
    let mut rows: Vec<&LogRow> = rows.iter().map(|(_, row)| row).collect();
    rows.sort_by_key(|row| row.seq);
    let by_seq: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.seq, i)).collect();
    let body_at = |seq: i64| by_seq.get(&seq).map(|&i| rows[i].body.clone());
    let mut summaries = crate::formats::bundle::Summaries::default();
    for row in rows.iter().copied() {
        let decoded = check.row(row, &body_at);
        summaries.add(row, decoded.as_ref());
    }
    for (seq, detail) in summaries.check(dir) {
        check
            .findings
            .add(seq, ProblemKind::MetadataMismatch, detail);
    }
    check.finish(0)
}
