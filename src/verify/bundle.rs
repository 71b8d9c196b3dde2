//! Verifying an audit bundle (schema/CHAIN.md §7b) without amana's database: its
//! `chain.jsonl` read row by row, checked by the same [`ChainCheck`] as a ledger, then its
//! receipts and summary files against what the chain says.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::chain::ChainCheck;
use super::findings::Finding;
use super::{Options, VerifyReport};
use crate::files::FileError;
use crate::files::receipts::ReceiptStore;
use crate::formats::bundle::{SUMMARY_LIMIT, Summaries};
use crate::store::LogRow;

/// Why the chain of an audit bundle (`chain.jsonl`) cannot be read: the file, and what is
/// wrong with it. Its English is [`super::english`]'s, through [`BundleReadError::message`].
#[derive(Debug)]
pub struct BundleReadError {
    pub path: PathBuf,
    pub what: ChainFileDefect,
}

/// What is wrong with `chain.jsonl`: the file as a whole, or one of its lines (numbered from 1).
#[derive(Debug)]
pub enum ChainFileDefect {
    Missing,
    /// A folder, a FIFO, a device... (`what` says which).
    NotRegular {
        what: &'static str,
    },
    /// It has at least `size` bytes, over `limit`.
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// The system could not open or read it.
    Io(std::io::Error),
    NotUtf8,
    NotJson {
        line: usize,
        error: serde_json::Error,
    },
    /// A field that should hold bytes in hex holds something else.
    NotHex {
        line: usize,
        field: &'static str,
    },
    NoSeq {
        line: usize,
    },
}

impl ChainFileDefect {
    /// What went wrong opening or reading the file, as the files room reports it.
    fn of_file(error: FileError) -> ChainFileDefect {
        match error {
            FileError::NotFound { .. } => ChainFileDefect::Missing,
            FileError::NotRegular { what, .. } => ChainFileDefect::NotRegular { what },
            FileError::TooLarge { size, limit, .. } => ChainFileDefect::TooLarge { size, limit },
            FileError::Io { source, .. } => ChainFileDefect::Io(source),
            // Errors of confining a name or writing a file, which reading never gives; said
            // as the files room says them, should that change.
            other @ (FileError::Escapes { .. }
            | FileError::Exists { .. }
            | FileError::Protected { .. }
            | FileError::NoFolder { .. }) => ChainFileDefect::Io(std::io::Error::other(other)),
        }
    }
}

impl std::fmt::Display for BundleReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::english::render(&self.message()))
    }
}

impl std::error::Error for BundleReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.what {
            ChainFileDefect::Io(e) => Some(e),
            ChainFileDefect::NotJson { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// Reads the chain of the audit bundle in `dir` (`chain.jsonl`), row by row as written.
/// Each row comes with its line number in the file.
pub fn bundle_rows(dir: &Path) -> Result<Vec<(usize, LogRow)>, BundleReadError> {
    let path = dir.join(crate::formats::bundle::CHAIN);
    let text = read_chain(&path).map_err(|what| BundleReadError {
        path: path.clone(),
        what,
    })?;
    let mut rows: Vec<(usize, LogRow)> = vec![];
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let line_no = i + 1;
        let row = parse_row(line, line_no).map_err(|what| BundleReadError {
            path: path.clone(),
            what,
        })?;
        rows.push((line_no, row));
    }
    Ok(rows)
}

/// The text of `chain.jsonl`: a regular file, up to its limit, in UTF-8.
fn read_chain(path: &Path) -> Result<String, ChainFileDefect> {
    let mut file = crate::files::open_regular(path, true).map_err(ChainFileDefect::of_file)?;
    let mut bytes = vec![];
    crate::files::hash_stream(
        path,
        &mut file,
        crate::formats::bundle::CHAIN_LIMIT,
        |chunk| {
            bytes.extend_from_slice(chunk);
            Ok(())
        },
    )
    .map_err(ChainFileDefect::of_file)?;
    String::from_utf8(bytes).map_err(|_| ChainFileDefect::NotUtf8)
}

/// Line `line` of `chain.jsonl`. A field that is absent reads as no bytes (the checks then
/// find the row wrong); one that is there must be hex.
fn parse_row(text: &str, line: usize) -> Result<LogRow, ChainFileDefect> {
    let v: serde_json::Value =
        serde_json::from_str(text).map_err(|error| ChainFileDefect::NotJson { line, error })?;
    let field = |field: &'static str| -> Result<Vec<u8>, ChainFileDefect> {
        hex::decode(v[field].as_str().unwrap_or_default())
            .map_err(|_| ChainFileDefect::NotHex { line, field })
    };
    Ok(LogRow {
        seq: v["seq"].as_i64().ok_or(ChainFileDefect::NoSeq { line })?,
        kind: v["kind"].as_str().unwrap_or_default().to_string(),
        body: field("body")?,
        entry_hash: field("entry_hash")?,
        prev: field("prev")?,
        chain: field("chain")?,
    })
}

/// Verifies an audit bundle written by `amana export audit`: the chain (hashes, links,
/// decoding, rules, seals, signatures), the receipts, and the summary files (ledger.json,
/// officers.json, seals.json) against the chain, without amana's database.
pub fn verify_bundle(dir: &Path, options: &Options) -> Result<VerifyReport, BundleReadError> {
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
                Finding::LineOutOfOrder {
                    line: *line,
                    seq: row.seq,
                    after: h,
                },
            );
        }
        highest = Some(highest.map_or(row.seq, |h| h.max(row.seq)));
    }
    let mut rows: Vec<&LogRow> = rows.iter().map(|(_, row)| row).collect();
    rows.sort_by_key(|row| row.seq);
    let by_seq: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.seq, i)).collect();
    let body_at = |seq: i64| by_seq.get(&seq).map(|&i| rows[i].body.clone());
    let mut summaries = Summaries::default();
    for row in rows.iter().copied() {
        let decoded = check.row(row, &body_at);
        summaries.add(row.seq, &row.body, &row.chain, decoded.as_ref());
    }
    for finding in check_summaries(&summaries, dir) {
        let seq = match &finding {
            Finding::Summary(mismatch) => mismatch.seq,
            _ => 0,
        };
        check.findings.add(seq, finding);
    }
    check.finish(0)
}

/// Compares the summary files in `dir` with what the chain says: each difference is one
/// finding naming the file and the field.
fn check_summaries(summaries: &Summaries, dir: &Path) -> Vec<Finding> {
    let mut found = vec![];
    for (file, expected) in summaries.files() {
        match crate::files::read_text(&dir.join(file), SUMMARY_LIMIT) {
            Ok(text) => found.extend(
                Summaries::compare(file, &text, &expected)
                    .into_iter()
                    .map(Finding::Summary),
            ),
            Err(e) => found.push(Finding::SummaryUnreadable {
                file,
                error: e.to_string(),
            }),
        }
    }
    found
}
