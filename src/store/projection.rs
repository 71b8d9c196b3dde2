//! The projection: which table rows each chain entry stands for.
//!
//! This one function is used twice: to write the rows when an entry is appended, and by
//! `verify` to re-derive every row from the chain and compare it with what the tables hold.
//! Rows come out in the order of each table's key, so `verify` can compare a table with the
//! chain in one streaming pass, whatever the size of the ledger.

use rusqlite::types::Value;

use crate::chain::{ChainEntry, Record};
use crate::domain::{EntryKind, format_date};

/// A table that some listing or report reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Ledger,
    Currencies,
    Accounts,
    AccountLabels,
    Funders,
    Grants,
    BudgetLines,
    Imports,
    Entries,
    Postings,
}

impl Table {
    pub const ALL: [Table; 10] = [
        Table::Ledger,
        Table::Currencies,
        Table::Accounts,
        Table::AccountLabels,
        Table::Funders,
        Table::Grants,
        Table::BudgetLines,
        Table::Imports,
        Table::Entries,
        Table::Postings,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Table::Ledger => "ledger",
            Table::Currencies => "currencies",
            Table::Accounts => "accounts",
            Table::AccountLabels => "account_labels",
            Table::Funders => "funders",
            Table::Grants => "grants",
            Table::BudgetLines => "budget_lines",
            Table::Imports => "imports",
            Table::Entries => "entries",
            Table::Postings => "postings",
        }
    }

    /// Every column, the key columns first (see [`Table::key_len`]).
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Ledger => &[
                "seq",
                "id",
                "name",
                "currency",
                "fiscal_year_start",
                "chart",
            ],
            Table::Currencies => &["code", "exponent", "seq"],
            Table::Accounts => &["seq", "code", "name", "type"],
            Table::AccountLabels => &["seq", "lang", "code", "text"],
            Table::Funders => &["seq", "id", "name", "type", "country"],
            Table::Grants => &[
                "seq",
                "id",
                "funder",
                "amount",
                "currency",
                "start_date",
                "end_date",
                "restricted",
                "purpose",
            ],
            Table::BudgetLines => &["seq", "grant_id", "line_id", "label", "amount", "account"],
            Table::Imports => &[
                "seq",
                "file_sha256",
                "file_name",
                "rows",
                "transactions",
                "forced",
            ],
            Table::Entries => &[
                "id",
                "seq",
                "kind",
                "date",
                "description",
                "reference",
                "reverses",
                "reason",
                "batch",
            ],
            Table::Postings => &[
                "entry_id",
                "idx",
                "account",
                "amount",
                "grant_id",
                "line_id",
                "original_amount",
                "original_currency",
                "memo",
            ],
        }
    }

    /// How many leading columns form the key rows are ordered by.
    pub fn key_len(self) -> usize {
        match self {
            Table::AccountLabels | Table::Postings => 2,
            _ => 1,
        }
    }
}

/// One row of one table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub table: Table,
    pub values: Vec<Value>,
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn opt_text(s: Option<&str>) -> Value {
    s.map_or(Value::Null, text)
}

fn int(i: i64) -> Value {
    Value::Integer(i)
}

/// The rows `entry` stands for, in insertion order: a parent before its children, except that
/// an entry's postings come before the entry row (whose trigger checks that they balance).
pub fn rows(entry: &ChainEntry) -> Vec<Row> {
    let seq = int(entry.seq);
    let row = |table, values| Row { table, values };
    match &entry.record {
        Record::Ledger(l) => {
            let mut out = vec![row(
                Table::Ledger,
                vec![
                    seq.clone(),
                    Value::Blob(l.id.clone()),
                    text(&l.name),
                    text(&l.currency.code),
                    text(&l.fiscal_start.to_string()),
                    text(&l.chart),
                ],
            )];
            out.extend(l.currencies.iter().map(|c| {
                row(
                    Table::Currencies,
                    vec![text(&c.code), int(i64::from(c.exponent)), seq.clone()],
                )
            }));
            out
        }
        Record::Account(a) => {
            let mut out = vec![row(
                Table::Accounts,
                vec![
                    seq.clone(),
                    text(a.code.as_str()),
                    text(&a.name),
                    text(a.kind.as_str()),
                ],
            )];
            out.extend(a.labels.iter().map(|l| {
                row(
                    Table::AccountLabels,
                    vec![
                        seq.clone(),
                        text(&l.lang),
                        text(a.code.as_str()),
                        text(&l.text),
                    ],
                )
            }));
            out
        }
        Record::Funder(f) => vec![row(
            Table::Funders,
            vec![
                seq,
                text(f.id.as_str()),
                text(&f.name),
                text(f.kind.as_str()),
                opt_text(f.country.as_deref()),
            ],
        )],
        Record::Grant(g) => vec![row(
            Table::Grants,
            vec![
                seq,
                text(g.id.as_str()),
                text(g.funder.as_str()),
                int(g.amount.0),
                text(&g.currency),
                text(&format_date(g.start)),
                text(&format_date(g.end)),
                int(i64::from(g.restricted)),
                opt_text(g.purpose.as_deref()),
            ],
        )],
        Record::BudgetLine(b) => vec![row(
            Table::BudgetLines,
            vec![
                seq,
                text(b.grant.as_str()),
                text(b.line.as_str()),
                text(&b.label),
                int(b.amount.0),
                opt_text(b.account.as_ref().map(|a| a.as_str())),
            ],
        )],
        Record::Import(i) => vec![row(
            Table::Imports,
            vec![
                seq,
                Value::Blob(i.file_sha256.to_vec()),
                text(&i.file_name),
                int(i.rows),
                int(i.transactions),
                int(i64::from(i.forced)),
            ],
        )],
        Record::Entry(e) => {
            let id = int(e.id().0);
            let mut out: Vec<Row> = e
                .postings()
                .iter()
                .enumerate()
                .map(|(idx, p)| {
                    row(
                        Table::Postings,
                        vec![
                            id.clone(),
                            int(idx as i64),
                            text(p.account.as_str()),
                            int(p.amount.0),
                            opt_text(p.grant.as_ref().map(|g| g.as_str())),
                            opt_text(p.line.as_ref().map(|l| l.as_str())),
                            p.original.as_ref().map_or(Value::Null, |(m, _)| int(m.0)),
                            opt_text(p.original.as_ref().map(|(_, c)| c.as_str())),
                            opt_text(p.memo.as_deref()),
                        ],
                    )
                })
                .collect();
            let h = &e.header;
            let (reverses, reason) = match &h.kind {
                EntryKind::Transaction => (Value::Null, Value::Null),
                EntryKind::Reversal { reverses, reason } => (int(reverses.0), text(reason)),
            };
            out.push(row(
                Table::Entries,
                vec![
                    id,
                    seq,
                    text(entry.record.kind()),
                    text(&format_date(h.date)),
                    text(&h.description),
                    opt_text(h.reference.as_deref()),
                    reverses,
                    reason,
                    h.batch.map_or(Value::Null, int),
                ],
            ));
            out
        }
    }
}
