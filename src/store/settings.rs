//! The ledger's settings in force (CHAIN.md, `setting`): the latest entry of each key.

use super::{Result, Store};

/// A setting in force, and the chain entry that recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingRow {
    pub key: String,
    pub value: String,
    pub seq: i64,
}

impl Store {
    /// Each key's latest setting, by key.
    pub fn settings(&self) -> Result<Vec<SettingRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.key, s.value, s.seq FROM settings s
              WHERE s.seq = (SELECT max(t.seq) FROM settings t WHERE t.key = s.key)
              ORDER BY s.key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SettingRow {
                key: r.get(0)?,
                value: r.get(1)?,
                seq: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
