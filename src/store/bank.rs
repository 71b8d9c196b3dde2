//! What the bank commands read: an account's balance day by day (the statement's balance
//! column is compared with it), the lines sitting in suspense (`bank review`), and the
//! transactions of an account not yet matched with a statement (`reconcile`).

use chrono::NaiveDate;
use rusqlite::params;

use super::{Appender, Result, Store};
use crate::domain::{EntryId, parse_date};

/// The migration that made the bank tables.
pub const SINCE: i64 = 16;

/// A bank line whose amount sits in a suspense account.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SuspenseRow {
    /// The transaction that recorded it.
    pub entry: i64,
    pub date: String,
    pub description: String,
    pub reference: Option<String>,
    /// The bank account.
    pub account: String,
    pub suspense: String,
    /// What it posted to the suspense account (minor units): money in is negative there.
    pub amount: i64,
    pub file_name: String,
    pub import_seq: i64,
}

/// A transaction on an account, with what it posted there (minor units).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountMove {
    pub entry: EntryId,
    pub date: NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    pub amount: i64,
}

impl Store {
    /// The bank lines in suspense and not assigned, oldest first (of one bank account, or all).
    pub fn bank_suspense(&self, account: Option<&str>) -> Result<Vec<SuspenseRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.date, e.description, e.reference, b.account, b.suspense,
                    SUM(p.amount), i.file_name, b.seq
               FROM bank_imports b
               JOIN imports i ON i.seq = b.seq
               JOIN entries e ON e.batch = b.seq
               JOIN postings p ON p.entry_id = e.id AND p.account = b.suspense
              WHERE b.suspense IS NOT NULL
                AND (?1 IS NULL OR b.account = ?1)
                AND e.id NOT IN (SELECT entry_id FROM bank_assignments)
              GROUP BY e.id
             HAVING SUM(p.amount) <> 0
              ORDER BY e.date, e.id",
        )?;
        let rows = stmt.query_map([account], |r| {
            Ok(SuspenseRow {
                entry: r.get(0)?,
                date: r.get(1)?,
                description: r.get(2)?,
                reference: r.get(3)?,
                account: r.get(4)?,
                suspense: r.get(5)?,
                amount: r.get(6)?,
                file_name: r.get(7)?,
                import_seq: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The transactions posting to `account` dated on or before `through` and never matched
    /// with a statement of it, oldest first.
    pub fn unreconciled(&self, account: &str, through: NaiveDate) -> Result<Vec<AccountMove>> {
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.date, e.description, e.reference, SUM(p.amount)
               FROM postings p JOIN entries e ON e.id = p.entry_id
              WHERE p.account = ?1 AND e.date <= ?2
                AND e.id NOT IN (SELECT entry_id FROM reconciled WHERE account = ?1)
              GROUP BY e.id
              ORDER BY e.date, e.id",
        )?;
        let through = crate::domain::format_date(through);
        let rows = stmt.query_map(params![account, through], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        let mut out = vec![];
        for row in rows {
            let (id, date, description, reference, amount) = row?;
            let Ok(date) = parse_date(&date) else {
                continue;
            };
            out.push(AccountMove {
                entry: EntryId(id),
                date,
                description,
                reference,
                amount,
            });
        }
        Ok(out)
    }

    /// The latest reconciliation of `account`: (seq, date, statement balance, books' balance).
    pub fn last_reconciliation(&self, account: &str) -> Result<Option<(i64, String, i64, i64)>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT seq, date, balance, books FROM reconciliations
                  WHERE account = ?1 ORDER BY seq DESC LIMIT 1",
                [account],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?)
    }
}

impl Appender<'_> {
    /// The balance of `account` at the end of each day from `from` to `to` that has a posting,
    /// with its balance before `from`: (balance before, [(day, balance at its end)]).
    pub fn day_balances(
        &self,
        account: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<(i64, Vec<(NaiveDate, i64)>)> {
        let (from, to) = (
            crate::domain::format_date(from),
            crate::domain::format_date(to),
        );
        let before: i64 = self.tx.query_row(
            "SELECT COALESCE(SUM(p.amount), 0) FROM postings p JOIN entries e ON e.id = p.entry_id
              WHERE p.account = ?1 AND e.date < ?2",
            params![account, from],
            |r| r.get(0),
        )?;
        let mut stmt = self.tx.prepare(
            "SELECT e.date, SUM(p.amount) FROM postings p JOIN entries e ON e.id = p.entry_id
              WHERE p.account = ?1 AND e.date >= ?2 AND e.date <= ?3
              GROUP BY e.date ORDER BY e.date",
        )?;
        let rows = stmt.query_map(params![account, from, to], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        let mut running = before;
        let mut out = vec![];
        for row in rows {
            let (day, sum) = row?;
            running = running.saturating_add(sum);
            if let Ok(day) = parse_date(&day) {
                out.push((day, running));
            }
        }
        Ok((before, out))
    }
}

impl Store {
    /// The transaction that recorded each bank line of `account`, by the line's fingerprint:
    /// the i-th line of a statement is the i-th transaction of its batch.
    pub fn bank_line_entries(
        &self,
        account: &str,
    ) -> Result<std::collections::HashMap<crate::chain::Hash, EntryId>> {
        let mut out = std::collections::HashMap::new();
        // Two ordered reads zipped batch by batch: SQLite would join a numbered subquery with
        // the lines by scanning it once per line.
        let mut lines = self.conn.prepare(
            "SELECT seq, fingerprint FROM bank_lines WHERE account = ?1 ORDER BY seq, idx",
        )?;
        let mut lines = lines.query([account])?;
        let mut entries = self.conn.prepare(
            "SELECT batch, id FROM entries
              WHERE batch IN (SELECT seq FROM bank_imports WHERE account = ?1)
              ORDER BY batch, id",
        )?;
        let mut entries = entries.query([account])?;
        while let (Some(l), Some(e)) = (lines.next()?, entries.next()?) {
            let (seq, f): (i64, Vec<u8>) = (l.get(0)?, l.get(1)?);
            let (batch, id): (i64, i64) = (e.get(0)?, e.get(1)?);
            // A batch's lines and transactions come in the same order and number (rule 25);
            // a file that says otherwise is not followed further.
            if seq != batch {
                break;
            }
            out.insert(crate::chain::hash_from(&f), EntryId(id));
        }
        Ok(out)
    }

    /// The balance of `account`: its postings dated on or before `through` (all, without).
    pub fn account_balance_through(
        &self,
        account: &str,
        through: Option<NaiveDate>,
    ) -> Result<i64> {
        let through = through.map(crate::domain::format_date);
        Ok(self.conn.query_row(
            "SELECT COALESCE(SUM(p.amount), 0) FROM postings p JOIN entries e ON e.id = p.entry_id
              WHERE p.account = ?1 AND (?2 IS NULL OR e.date <= ?2)",
            params![account, through],
            |r| r.get(0),
        )?)
    }
}

impl Store {
    /// Whether the ledger has the account.
    pub fn has_account(&self, account: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM accounts WHERE code = ?1)",
            [account],
            |r| r.get(0),
        )?)
    }
}

/// The rows a bank entry stands for (CHAIN.md section 6), in insertion order.
pub(super) fn rows(seq: i64, record: &crate::chain::Record) -> Vec<super::projection::Row> {
    use super::projection::{Table, int, opt_text, text};
    use crate::chain::Record;
    use crate::domain::{AccountCode, format_date};
    use rusqlite::types::Value;
    let row = |table, values| super::projection::Row { table, values };
    let seq = int(seq);
    match record {
        Record::BankImport(b) => {
            // The statement is an import too: its transactions' batch refers to `imports`.
            let mut out = vec![
                row(
                    Table::Imports,
                    vec![
                        seq.clone(),
                        Value::Blob(b.file_sha256.to_vec()),
                        text(&b.file_name),
                        int(b.rows),
                        int(b.lines.len() as i64),
                        int(0),
                    ],
                ),
                row(
                    Table::BankImports,
                    vec![
                        seq.clone(),
                        text(b.account.as_str()),
                        text(&b.layout),
                        int(b.skipped),
                        opt_text(b.suspense.as_ref().map(AccountCode::as_str)),
                    ],
                ),
            ];
            out.extend(b.lines.iter().enumerate().map(|(i, f)| {
                row(
                    Table::BankLines,
                    vec![
                        seq.clone(),
                        int(i as i64),
                        text(b.account.as_str()),
                        Value::Blob(f.to_vec()),
                    ],
                )
            }));
            out
        }
        Record::BankAssignment(a) => vec![row(
            Table::BankAssignments,
            vec![seq, int(a.entry.0), int(a.transaction.0)],
        )],
        Record::Reconciliation(c) => {
            let mut out = vec![row(
                Table::Reconciliations,
                vec![
                    seq.clone(),
                    text(c.account.as_str()),
                    text(&format_date(c.date)),
                    int(c.balance.0),
                    int(c.books.0),
                    text(&c.statement),
                ],
            )];
            out.extend(c.entries.iter().enumerate().map(|(i, e)| {
                row(
                    Table::Reconciled,
                    vec![
                        seq.clone(),
                        int(i as i64),
                        text(c.account.as_str()),
                        int(e.0),
                    ],
                )
            }));
            out
        }
        _ => vec![],
    }
}
