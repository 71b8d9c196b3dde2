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

use std::cmp::Ordering;

use rusqlite::types::Value;
use serde::Serialize;

use crate::book::Book;
use crate::chain::{self, ChainEntry, GENESIS_PREV, Hash, Record};
use crate::domain::{Currency, Entry, EntryId};
use crate::store::projection::{self, Row, Table};
use crate::store::{Store, StoreError, read_values};

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
    /// More problems than are listed.
    More,
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
            ProblemKind::More => "more",
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
    rows: rusqlite::Rows<'s>,
    peeked: Option<Vec<Value>>,
    done: bool,
}

impl Cursor<'_> {
    fn peek(&mut self) -> Result<Option<&Vec<Value>>, StoreError> {
        if self.peeked.is_none() && !self.done {
            match self.rows.next()? {
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

/// The seq a table row belongs to, for reporting a row that matches no entry.
fn row_seq(table: Table, values: &[Value]) -> i64 {
    let cols = table.columns();
    cols.iter()
        .position(|c| *c == "seq")
        .and_then(|i| match values[i] {
            Value::Integer(s) => Some(s),
            _ => None,
        })
        .unwrap_or(0)
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
    fn expect(&mut self, seq: i64, row: &Row, findings: &mut Findings) -> Result<(), StoreError> {
        let table = row.table;
        let k = table.key_len();
        self.checked += 1;
        let cursor = self.cursor(table);
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
                        row_seq(table, &actual).max(seq),
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
    fn finish(&mut self, findings: &mut Findings) -> Result<(), StoreError> {
        for cursor in &mut self.cursors {
            while let Some(actual) = cursor.peek()?.cloned() {
                findings.add(
                    row_seq(cursor.table, &actual),
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

/// Verifies the whole ledger in one read transaction.
pub fn verify(store: &Store) -> Result<VerifyReport, StoreError> {
    store.begin_read()?;
    let report = run(store);
    store.end_read()?;
    report
}

fn run(store: &Store) -> Result<VerifyReport, StoreError> {
    let mut findings = Findings {
        list: vec![],
        extra: 0,
    };
    let mut scans = store.table_scans()?;
    let mut cursors = vec![];
    for (table, stmt) in scans.iter_mut() {
        cursors.push(Cursor {
            table: *table,
            rows: stmt.query([])?,
            peeked: None,
            done: false,
        });
    }
    let mut projections = Projections {
        cursors,
        checked: 0,
    };
    let mut log = store.log_scan()?;
    let mut rows = log.query([])?;

    let mut book = Book::new();
    let mut base: Option<Currency> = None;
    // entry id → seq of the chain entry that recorded it (index id - 1).
    let mut entry_seqs: Vec<i64> = vec![];
    let mut expected_seq = 1i64;
    let mut prev_chain: Hash = GENESIS_PREV;
    let mut last_chain: Vec<u8> = vec![];
    let mut entries = 0i64;
    let mut transactions = 0i64;

    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let kind_col: Value = r.get(1)?;
        let body: Vec<u8> = r.get::<_, Option<Vec<u8>>>(2)?.unwrap_or_default();
        let stored_hash: Vec<u8> = r.get::<_, Option<Vec<u8>>>(3)?.unwrap_or_default();
        let stored_prev: Vec<u8> = r.get::<_, Option<Vec<u8>>>(4)?.unwrap_or_default();
        let stored_chain: Vec<u8> = r.get::<_, Option<Vec<u8>>>(5)?.unwrap_or_default();
        entries += 1;

        if seq > expected_seq {
            findings.add(
                expected_seq,
                ProblemKind::Deleted,
                if seq == expected_seq + 1 {
                    format!("entry {expected_seq} is missing from the log")
                } else {
                    format!(
                        "entries {expected_seq} to {} are missing from the log",
                        seq - 1
                    )
                },
            );
        } else if seq < expected_seq {
            findings.add(
                seq,
                ProblemKind::Reordered,
                format!("log row {seq} comes after row {}", expected_seq - 1),
            );
        }

        // 1. Hashes and links, from the stored bytes.
        let computed = chain::entry_hash(&body);
        let chain_from_stored =
            chain::chain_hash(seq, &to_hash(&stored_prev), &to_hash(&stored_hash));
        let chain_from_body = chain::chain_hash(seq, &to_hash(&stored_prev), &computed);
        if stored_hash != computed {
            if stored_chain == chain_from_body {
                findings.add(seq, ProblemKind::HashEdited, format!(
                    "the stored entry hash {} is not the hash of the entry's bytes ({}), which the chain hash confirms",
                    hex32(&stored_hash), hex32(&computed)));
            } else {
                findings.add(seq, ProblemKind::ContentModified, format!(
                    "the entry's bytes hash to {}, but {} was recorded: the entry was altered after it was written",
                    hex32(&computed), hex32(&stored_hash)));
            }
        } else if stored_chain != chain_from_stored {
            findings.add(seq, ProblemKind::ChainHashEdited, format!(
                "the stored chain hash {} does not follow from the entry and its link ({} expected)",
                hex32(&stored_chain), hex32(&chain_from_stored)));
        }
        if stored_prev != prev_chain {
            findings.add(
                seq,
                ProblemKind::LinkBroken,
                format!(
                    "the entry links to {} but the entry before it has chain hash {}",
                    hex32(&stored_prev),
                    hex32(&prev_chain)
                ),
            );
        }
        prev_chain = to_hash(&stored_chain);
        last_chain = stored_chain.clone();
        expected_seq = seq.max(expected_seq) + 1;

        // 2. Decode strictly; re-encode.
        let decoded = match ChainEntry::decode(&body, base.as_ref()) {
            Ok(e) => e,
            Err(e) => {
                findings.add(
                    seq,
                    ProblemKind::Undecodable,
                    format!("the entry's bytes cannot be read: {e}"),
                );
                book.skip(None);
                continue;
            }
        };
        if decoded.seq != seq {
            findings.add(
                seq,
                ProblemKind::Reordered,
                format!(
                    "log row {seq} holds the entry recorded as number {}",
                    decoded.seq
                ),
            );
        }
        if decoded.encode() != body {
            findings.add(
                seq,
                ProblemKind::NonCanonical,
                "the bytes decode, but are not the canonical encoding of what they say",
            );
        }
        if kind_col != Value::Text(decoded.record.kind().to_string()) {
            findings.add(
                seq,
                ProblemKind::ProjectionDrift,
                format!(
                    "log row {seq}: column kind is {}, the entry says \"{}\"",
                    show(&kind_col),
                    decoded.record.kind()
                ),
            );
        }
        if let Record::Ledger(info) = &decoded.record
            && base.is_none()
        {
            base = Some(info.currency.clone());
        }

        // 3. The rules.
        let original = match &decoded.record {
            Record::Entry(e) => match e.reverses() {
                Some(id) => original_entry(store, &entry_seqs, id, base.as_ref()),
                None => None,
            },
            _ => None,
        };
        match book.admit(&decoded, original.as_ref()) {
            Ok(_) => {}
            Err(problems) => {
                for p in problems {
                    findings.add(
                        seq,
                        ProblemKind::RuleViolation,
                        format!("{} entry: {}", decoded.record.kind(), p.message),
                    );
                }
                book.skip(Some(&decoded));
            }
        }
        if let Record::Entry(e) = &decoded.record {
            transactions += 1;
            let index = usize::try_from(e.id().0 - 1).unwrap_or(usize::MAX);
            if index == entry_seqs.len() {
                entry_seqs.push(seq);
            }
        }

        // 4. The tables.
        // Each table has its own cursor, so only each table's own key order matters, and
        // `projection::rows` yields each table's rows in that order.
        for row in &projection::rows(&decoded) {
            projections.expect(seq, row, &mut findings)?;
        }
    }

    if entries == 0 {
        findings.add(
            0,
            ProblemKind::Empty,
            "the log has no entries: this ledger has no genesis entry",
        );
    }
    if let Some((seq, remaining)) = book.open_import() {
        findings.add(seq, ProblemKind::Truncated, format!(
            "the import at entry {seq} announced {remaining} more transaction(s) that are not in the log: the chain was cut short"));
    }
    projections.finish(&mut findings)?;

    let mut problems = findings.list;
    problems.sort_by_key(|p| p.seq);
    if findings.extra > 0 {
        problems.push(Problem {
            seq: 0,
            kind: ProblemKind::More,
            detail: format!("{} further problems are not listed", findings.extra),
        });
    }
    Ok(VerifyReport {
        ok: problems.is_empty(),
        entries,
        head: if last_chain.is_empty() {
            hex32(&GENESIS_PREV)
        } else {
            hex32(&last_chain)
        },
        problems,
        transactions,
        rows_checked: projections.checked,
    })
}

fn to_hash(bytes: &[u8]) -> Hash {
    let mut h = [0u8; 32];
    if bytes.len() == 32 {
        h.copy_from_slice(bytes);
    }
    h
}

/// The entry a reversal reverses, read back from the chain (not from the tables).
fn original_entry(
    store: &Store,
    entry_seqs: &[i64],
    id: EntryId,
    base: Option<&Currency>,
) -> Option<Entry> {
    let seq = *entry_seqs.get(usize::try_from(id.0 - 1).ok()?)?;
    let body = store.body_at(seq).ok()??;
    match ChainEntry::decode(&body, base).ok()?.record {
        Record::Entry(e) => Some(e),
        _ => None,
    }
}
