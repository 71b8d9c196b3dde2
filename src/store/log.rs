//! The chain and the tables as stored, read raw: the log in sequence order, each projected
//! table in key order, single bodies and entry hashes.
//!
//! This is what `verify`, `log`, receipts and bundles read. Nothing here interprets a value:
//! a cell that amana would never write (text that is not UTF-8, an integer where text
//! belongs) comes back as it is, so `verify` can report it instead of failing to read it.

use rusqlite::types::{Value, ValueRef};
use rusqlite::{OptionalExtension, Statement};

use super::projection::Table;
use super::{LogRow, Result, Store, StoreError};
use crate::chain::{self, Hash};

/// Every log row, in sequence order: the columns [`log_row`] reads.
pub(super) const LOG_SCAN: &str =
    "SELECT seq, kind, body, entry_hash, prev, chain FROM log ORDER BY seq";

/// A row of [`LOG_SCAN`].
pub(super) fn log_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LogRow> {
    Ok(LogRow {
        seq: r.get(0)?,
        kind: r.get(1)?,
        body: r.get(2)?,
        entry_hash: r.get(3)?,
        prev: r.get(4)?,
        chain: r.get(5)?,
    })
}

impl Store {
    /// The number of entries and the head hash.
    pub fn head(&self) -> Result<(i64, Option<Hash>)> {
        let row: Option<(i64, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT seq, chain FROM log ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.map_or((0, None), |(s, c)| (s, Some(chain::hash_from(&c)))))
    }

    /// The statement that reads the log in sequence order (for `verify` and `log`).
    pub fn log_scan(&self) -> Result<Statement<'_>> {
        Ok(self.conn.prepare(LOG_SCAN)?)
    }

    /// Calls `each` with every log row, in sequence order.
    pub fn for_each_log_row(&self, mut each: impl FnMut(LogRow)) -> Result<()> {
        let mut stmt = self.log_scan()?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            each(log_row(r)?);
        }
        Ok(())
    }

    /// One statement per projected table, each reading the table in key order (for `verify`);
    /// a table that cannot be read (dropped, renamed, a column missing) gives its error.
    pub fn table_scans(&self) -> Vec<(Table, Result<Statement<'_>>)> {
        Table::ALL
            .iter()
            .map(|&t| {
                let cols = t.columns();
                let sql = format!(
                    "SELECT {} FROM {} ORDER BY {}",
                    cols.join(", "),
                    t.name(),
                    cols[..t.key_len()].join(", ")
                );
                (t, self.conn.prepare(&sql).map_err(StoreError::from))
            })
            .collect()
    }

    /// The body of the log entry at `seq`, as stored.
    pub fn body_at(&self, seq: i64) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .prepare_cached("SELECT body FROM log WHERE seq = ?1")?
            .query_row([seq], |r| r.get(0))
            .optional()?)
    }

    /// The stored entry hashes of entries 1 to `n`, in order (the leaves of a seal's tree).
    pub fn entry_hashes(&self, n: i64) -> Result<Vec<Vec<u8>>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT entry_hash FROM log WHERE seq <= ?1 ORDER BY seq")?;
        let rows = stmt.query_map([n], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Values of one row as read back from a table scan.
pub fn read_values(row: &rusqlite::Row<'_>, n: usize) -> rusqlite::Result<Vec<Value>> {
    (0..n).map(|i| value_at(row, i)).collect()
}

/// Column `i` as a value, whatever was written there: text that is not valid UTF-8 (which
/// amana never writes, but an editor of the file can) comes back as its bytes, so that
/// `verify` reports it as a difference instead of failing to read it.
pub fn value_at(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Value> {
    Ok(match row.get_ref(i)? {
        ValueRef::Text(bytes) => match std::str::from_utf8(bytes) {
            Ok(t) => Value::Text(t.to_string()),
            Err(_) => Value::Blob(bytes.to_vec()),
        },
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::Integer(n),
        ValueRef::Real(x) => Value::Real(x),
    })
}
