//! The schema: the `user_version` migrator, the stand-ins a read-only ledger of an earlier
//! release needs, and the comparison of a file's schema with the one the migrations make.
//!
//! Kept together because all three read the same list of migrations: what the file should
//! look like at its `user_version` is always the reference migrations applied in order.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, TransactionBehavior};

use super::projection::Table;
use super::{Result, Store};

/// The migrations, in order; `PRAGMA user_version` counts those applied.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("../../schema/0001_init.sql"),
    include_str!("../../schema/0002_closings_per_closing.sql"),
    include_str!("../../schema/0003_grant_amendments.sql"),
    include_str!("../../schema/0004_account_changes.sql"),
    include_str!("../../schema/0005_budget_line_amendments.sql"),
    include_str!("../../schema/0006_funder_changes.sql"),
    include_str!("../../schema/0007_year_ends.sql"),
    include_str!("../../schema/0008_sources_memorandum.sql"),
    include_str!("../../schema/0009_assets.sql"),
    include_str!("../../schema/0010_rates_and_grant_terms.sql"),
    include_str!("../../schema/0011_variance_notes.sql"),
    include_str!("../../schema/0012_settings.sql"),
    include_str!("../../schema/0013_funder_report_index.sql"),
    include_str!("../../schema/0014_variance_thresholds.sql"),
    include_str!("../../schema/0015_year_totals.sql"),
    include_str!("../../schema/0016_bank.sql"),
    include_str!("../../schema/0017_funder_identifiers.sql"),
];

impl Store {
    /// Applies the migrations the file lacks, in one exclusive transaction.
    pub(super) fn migrate(&mut self) -> Result<()> {
        // A migration may rebuild a table others refer to (0008 rebuilds `accounts`): SQLite's
        // procedure turns foreign keys off outside the transaction, and checks them all before
        // the commit, so a file never ends with a dangling reference.
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let migrated = (|| -> Result<()> {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Exclusive)?;
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
                tx.execute_batch(sql)?;
                tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            }
            let dangling: i64 =
                tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })?;
            if dangling > 0 {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
                    Some(format!("{dangling} rows refer to rows that do not exist")),
                )
                .into());
            }
            tx.commit()?;
            Ok(())
        })();
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        migrated
    }

    /// How the file's schema differs from the one amana's migrations make: tables, indexes,
    /// views and triggers added, dropped or changed (a dropped append-only trigger, an index
    /// or a view that would make a report read other figures than the tables).
    ///
    /// Every object is compared, whatever its name: the objects SQLite makes itself (the
    /// `sqlite_autoindex_*` of a UNIQUE constraint) are made by the reference too, so they
    /// compare equal, and anything else named like them (`sqliteXtrigger`, or a `sqlite_*`
    /// trigger written through `writable_schema`) is an addition like any other.
    pub fn schema_drift(&self) -> Result<Vec<String>> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let reference = Connection::open_in_memory()?;
        for sql in MIGRATIONS.iter().take(version.max(0) as usize) {
            reference.execute_batch(sql)?;
        }
        type Objects = std::collections::BTreeMap<(String, String), (String, Option<String>)>;
        let objects = |conn: &Connection| -> Result<Objects> {
            // `sqlite_schema` itself is never listed in it; everything that is, is compared.
            let mut stmt = conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema")?;
            let rows = stmt.query_map([], |r| {
                let text = |i| text_lossy(r, i).map(Option::unwrap_or_default);
                Ok(((text(0)?, text(1)?), (text(2)?, text_lossy(r, 3)?)))
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let (expected, actual) = (objects(&reference)?, objects(&self.conn)?);
        let mut drift = vec![];
        for ((kind, name), sql) in &expected {
            match actual.get(&(kind.clone(), name.clone())) {
                None => drift.push(format!("{kind} {name} is missing")),
                Some(s) if s != sql => drift.push(format!("{kind} {name} was changed")),
                Some(_) => {}
            }
        }
        for (kind, name) in actual.keys() {
            if !expected.contains_key(&(kind.clone(), name.clone())) {
                drift.push(format!("{kind} {name} was added"));
            }
        }
        Ok(drift)
    }

    /// What SQLite's own `integrity_check` finds (an index that disagrees with its table,
    /// damaged pages); empty when the file is sound.
    pub fn integrity(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let found: Vec<String> = rows.collect::<rusqlite::Result<_>>()?;
        Ok(found.into_iter().filter(|r| r != "ok").collect())
    }
}

/// A ledger read without being written keeps the schema it has: one from before a migration
/// lacks the tables it adds. Each gets an empty stand-in in the connection's own `temp`
/// schema (never in the file, and not in `sqlite_schema`, which `verify` compares), so that
/// listings and `verify` read it as the empty table the file would have once migrated; an
/// entry that stands for a row of it is then reported as a missing row.
pub(super) fn stand_in_for_later_tables(conn: &Connection) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for table in Table::ALL.iter().filter(|t| t.since() > version) {
        conn.execute_batch(&format!(
            "CREATE TEMP TABLE {} ({})",
            table.name(),
            table.columns().join(", ")
        ))?;
    }
    Ok(())
}

/// Column `i` as text, with bytes that are not UTF-8 shown as U+FFFD (for messages).
fn text_lossy(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<String>> {
    Ok(match row.get_ref(i)? {
        ValueRef::Null => None,
        ValueRef::Text(b) | ValueRef::Blob(b) => Some(String::from_utf8_lossy(b).into_owned()),
        ValueRef::Integer(n) => Some(n.to_string()),
        ValueRef::Real(x) => Some(x.to_string()),
    })
}
