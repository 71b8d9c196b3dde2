//! The journal: transactions in order with their postings, each amount in its currency, read
//! in one snapshot whose head the provenance names.

use serde::Serialize;

use super::{Provenance, provenance};
use crate::domain::LedgerInfo;
use crate::store::{JournalFilter, JournalRow, Store, StoreError};

#[derive(Debug, Clone, Serialize)]
pub struct JournalPosting {
    pub account: String,
    pub account_name: String,
    pub amount: String,
    pub grant: Option<String>,
    pub line: Option<String>,
    pub original_amount: Option<String>,
    pub original_currency: Option<String>,
    pub memo: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct JournalEntry {
    pub id: i64,
    /// The chain entry that recorded it.
    pub seq: i64,
    pub kind: String,
    pub date: String,
    pub description: String,
    pub reference: Option<String>,
    pub reverses: Option<i64>,
    pub reversed_by: Option<i64>,
    pub reason: Option<String>,
    pub postings: Vec<JournalPosting>,
}

/// `amana journal`: transactions with their postings, in the order they were recorded.
#[derive(Debug, Clone, Serialize)]
pub struct JournalReport {
    pub currency: String,
    pub transactions: Vec<JournalEntry>,
    pub provenance: Provenance,
}

pub fn journal(
    store: &Store,
    info: &LedgerInfo,
    filter: &JournalFilter,
) -> Result<JournalReport, StoreError> {
    let mut transactions: Vec<JournalEntry> = vec![];
    let exponent = |code: &str| info.exponent(code);
    // One snapshot: the provenance names the head the rows were read at.
    store.begin_read()?;
    let provenance = provenance(store, info);
    let read = store.journal(filter, |row: JournalRow| {
        if transactions.last().is_none_or(|t| t.id != row.id) {
            transactions.push(JournalEntry {
                id: row.id,
                seq: row.seq,
                kind: row.kind.clone(),
                date: row.date.clone(),
                description: row.description.clone(),
                reference: row.reference.clone(),
                reverses: row.reverses,
                reversed_by: row.reversed_by,
                reason: row.reason.clone(),
                postings: vec![],
            });
        }
        let entry = transactions.last_mut().expect("pushed above");
        entry.postings.push(JournalPosting {
            account: row.account,
            account_name: row.account_name,
            amount: info.currency.format(row.amount),
            grant: row.grant,
            line: row.line,
            original_amount: row.original.as_ref().map(|(m, c)| m.format(exponent(c))),
            original_currency: row.original.map(|(_, c)| c),
            memo: row.memo,
        });
    });
    store.end_read()?;
    read?;

    Ok(JournalReport {
        currency: info.currency.code.clone(),
        transactions,
        provenance: provenance?,
    })
}
