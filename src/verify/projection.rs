//! The comparison of the tables every listing reads with the rows the chain stands for: one
//! cursor per table, read in key order beside the replay, so a row edited, deleted, inserted
//! or re-keyed behind amana's back is found with one row of each table in hand.

use std::cmp::Ordering;
use std::collections::HashMap;

use rusqlite::types::Value;

use super::findings::{ColumnDiff, Finding, Findings, RowKey};
use crate::store::projection::{Row, Table};
use crate::store::{StoreError, read_values};

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

pub(super) struct Projections<'s> {
    cursors: Vec<Cursor<'s>>,
    pub(super) checked: u64,
}

impl<'s> Projections<'s> {
    /// One cursor per table, from the store's scans in [`Table::ALL`] order; a table that
    /// cannot be read as amana wrote it is a finding, and is not compared.
    pub(super) fn open(
        scans: &'s mut [(Table, Result<rusqlite::Statement<'_>, StoreError>)],
        findings: &mut Findings,
    ) -> Result<Projections<'s>, StoreError> {
        let mut cursors = vec![];
        for (table, stmt) in scans.iter_mut() {
            let rows = match stmt {
                Ok(stmt) => Some(stmt.query([])?),
                Err(e) => {
                    findings.add(
                        0,
                        Finding::TableUnreadable {
                            table: *table,
                            error: e.to_string(),
                        },
                    );
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
        Ok(Projections {
            cursors,
            checked: 0,
        })
    }

    fn cursor(&mut self, table: Table) -> &mut Cursor<'s> {
        let i = Table::ALL
            .iter()
            .position(|t| *t == table)
            .expect("every table is scanned");
        &mut self.cursors[i]
    }

    /// Compares one expected row with the table, reporting rows the table has before it.
    pub(super) fn expect(
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
                    Finding::RowMissingFromTable {
                        row: RowKey::of(table, &row.values),
                    },
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
                        Finding::RowNotInChain {
                            row: RowKey::of(table, &actual),
                        },
                    );
                    cursor.advance();
                }
                Ordering::Greater => {
                    findings.add(
                        seq,
                        Finding::RowMissing {
                            row: RowKey::of(table, &row.values),
                        },
                    );
                    return Ok(());
                }
                Ordering::Equal => {
                    cursor.advance();
                    if actual != row.values {
                        let columns = table
                            .columns()
                            .iter()
                            .enumerate()
                            .filter(|&(i, _)| actual[i] != row.values[i])
                            .map(|(i, column)| ColumnDiff {
                                column,
                                found: actual[i].clone(),
                                expected: row.values[i].clone(),
                            })
                            .collect();
                        findings.add(
                            seq,
                            Finding::RowEdited {
                                row: RowKey::of(table, &row.values),
                                columns,
                            },
                        );
                    }
                    return Ok(());
                }
            }
        }
    }

    /// Reports every row left after the chain ended.
    pub(super) fn finish(
        &mut self,
        findings: &mut Findings,
        entry_seqs: &HashMap<i64, i64>,
    ) -> Result<(), StoreError> {
        for cursor in &mut self.cursors {
            while let Some(actual) = cursor.peek()?.cloned() {
                findings.add(
                    row_seq(cursor.table, &actual, entry_seqs).unwrap_or(0),
                    Finding::RowInserted {
                        row: RowKey::of(cursor.table, &actual),
                    },
                );
                cursor.advance();
            }
        }
        Ok(())
    }
}
