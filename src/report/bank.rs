//! How the log says the bank entries (`bank-import`, `bank-assignment`, `reconciliation`):
//! one line each, and their fields as JSON.

use serde_json::{Value, json};

use crate::chain::Record;
use crate::domain::{LedgerInfo, format_date};

/// One line that says what a bank entry recorded.
pub(super) fn summary(info: &LedgerInfo, record: &Record) -> String {
    match record {
        Record::BankImport(b) => format!(
            "bank statement {} of {} ({} lines, {} new, {} already recorded{}; sha256 {})",
            b.file_name,
            b.account,
            b.rows,
            b.lines.len(),
            b.skipped,
            b.suspense
                .as_ref()
                .map(|s| format!("; suspense {s}"))
                .unwrap_or_default(),
            &hex::encode(b.file_sha256)[..16],
        ),
        Record::BankAssignment(a) => format!(
            "bank line #{} assigned out of suspense by #{}",
            a.entry, a.transaction
        ),
        Record::Reconciliation(c) => format!(
            "reconciliation of {} with \"{}\" as of {}: balance {} {}, {} transactions matched",
            c.account,
            c.statement,
            format_date(c.date),
            info.currency.format(c.balance),
            info.currency.code,
            c.entries.len()
        ),
        _ => String::new(),
    }
}

/// A bank entry's fields, as the log's JSON gives them.
pub(super) fn content(info: &LedgerInfo, record: &Record) -> Value {
    match record {
        Record::BankImport(b) => json!({
            "account": b.account.as_str(), "file_sha256": hex::encode(b.file_sha256),
            "file_name": b.file_name, "layout": b.layout, "rows": b.rows, "skipped": b.skipped,
            "suspense": b.suspense.as_ref().map(|s| s.as_str()),
            "lines": b.lines.iter().map(hex::encode).collect::<Vec<_>>(),
        }),
        Record::BankAssignment(a) => json!({
            "entry": a.entry.0, "transaction": a.transaction.0,
        }),
        Record::Reconciliation(c) => json!({
            "account": c.account.as_str(), "date": format_date(c.date),
            "balance": info.currency.format(c.balance), "books": info.currency.format(c.books), "statement": c.statement,
            "entries": c.entries.iter().map(|e| e.0).collect::<Vec<_>>(),
        }),
        _ => Value::Null,
    }
}
