//! Verifying an audit bundle (schema/CHAIN.md §7b) without amana's database: its
//! `chain.jsonl` read row by row, checked by the same [`ChainCheck`] as a ledger, then its
//! receipts and summary files against what the chain says.

use std::collections::HashMap;
use std::path::Path;

use super::chain::ChainCheck;
use super::findings::Finding;
use super::{Options, VerifyReport};
use crate::files::receipts::ReceiptStore;
use crate::formats::bundle::{SUMMARY_LIMIT, Summaries};
use crate::store::LogRow;

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
