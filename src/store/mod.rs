//! Storage: one SQLite file per ledger, behind this one seam.
//!
//! `store` and `chain` are the only modules that know SQL or bytes on disk. Every write goes
//! through [`Store::write`], which takes the write lock first (`BEGIN IMMEDIATE`: two writers
//! can never read the same chain head), hands an [`Appender`] to the caller, and commits only if
//! the caller succeeded, so a refused command or import leaves the file exactly as it was.
//! The journal is WAL with `synchronous=FULL`: a committed entry survives a power cut, so a
//! head someone has seen can never silently roll back.
//!
//! The rooms of this module:
//! - here: the [`Store`] itself (opening, creating, closing, copies) and its errors;
//! - `migrate`: the `user_version` migrator and the schema comparison `verify` makes;
//! - `append`: the write seam and the [`Appender`], the one place entries are written;
//! - `parts`: what the rules read of the ledger before a write;
//! - `log`: the log and the tables read raw, for `verify`, `log` and bundles;
//! - `queries` and `rows`: the typed queries of the listings and what they return;
//! - `sources`: what each funder gave, the donor register, in-kind contributions;
//! - [`sql`]: `ToSql`/`FromSql` for the domain types, which validate what they read back;
//! - [`projection`]: which table rows each chain entry stands for;
//! - [`year_totals`]: the postings summed per fiscal year, which each entry adds to.

/// The SQL condition that the entry joined as `e` was recorded by the officers (a transaction
/// or a reversal), not computed by amana (a closing, a carry to dedicated funds, an allocation, a
/// depreciation): what a grant's received and spent, a funder's money and an instalment count
/// (CHAIN.md rule 10). `entries.kind` lists a carry, an allocation and a depreciation as
/// transactions (its CHECK predates them): `year_ends` and `depreciations` tell them apart.
macro_rules! recorded_entry {
    () => {
        "e.kind IN ('transaction', 'reversal')
         AND NOT EXISTS (SELECT 1 FROM year_ends y WHERE y.entry_id = e.id)
         AND NOT EXISTS (SELECT 1 FROM depreciations d WHERE d.entry_id = e.id)"
    };
}

pub mod annual;
mod append;
pub mod assets;
pub mod bank;
pub mod books;
mod charging;
pub mod exports;
pub mod funder;
mod log;
mod migrate;
mod parts;
pub mod projection;
mod queries;
mod rates;
mod rows;
pub mod settings;
mod sources;
pub mod sql;
mod statements;
pub mod year_totals;
// The auditor's report and the member's printed receipt (issue 9, part D).
mod audit;
pub use audit::{
    LaterEntryRow, OfficerAuditRow, ReceiptCounts, ReversalRow, UndocumentedRow, UndocumentedTotal,
};

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::chain::{ChainEntry, Record};
use crate::domain::LedgerInfo;
use migrate::{MIGRATIONS, stand_in_for_later_tables};

pub use append::Appender;
pub use log::{read_values, value_at};
pub use rates::RateRow;
pub use rows::{
    AccountRow, BalanceFilter, BalanceRow, BudgetLineAmendmentRow, BudgetLineRow, FunderRow,
    GrantAmendmentRow, GrantRow, JournalFilter, JournalRow, LogRow, SignatureRow,
};
pub use sources::{FunderIncomeRow, GiftRow, InKindRow};
pub use statements::{AssetYearRow, GrantYearRow, StatementRow};

/// `PRAGMA application_id` of an amana ledger: "AMNA".
pub const APPLICATION_ID: i32 = 0x414D_4E41;

/// How long a command waits for another writer before giving up.
const LOCK_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}: no such ledger file (create one with `amana init`, or give --ledger PATH)")]
    NotFound(PathBuf),
    #[error(
        "{0}: a file is already there; amana init never overwrites (choose another --ledger path)"
    )]
    Exists(PathBuf),
    #[error("{path}: not an amana ledger ({reason}); the file was left untouched")]
    NotALedger { path: PathBuf, reason: String },
    #[error(
        "{path}: written by a newer amana (schema {found}, this one knows up to {known}); upgrade amana"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("the ledger is locked by another amana command and stayed locked for {}s; try again", LOCK_TIMEOUT.as_secs())]
    Locked,
    #[error("the ledger has no genesis entry: it is empty or damaged (run `amana verify`)")]
    NoGenesis,
    #[error(
        "database error: {0} (run `amana verify`; if the file was damaged, restore it from a backup)"
    )]
    Sqlite(rusqlite::Error),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// An entry the chain's decoder would reject: refused before anything is written.
    #[error(
        "this {kind} entry cannot be recorded: {reason}; nothing was written (check the dates and values given)"
    )]
    Unencodable { kind: &'static str, reason: String },
    /// A total of amounts read back that no ledger amana wrote can reach (each amount is at most
    /// [`crate::domain::Minor::MAX`]): the file was changed outside amana. Reported, never
    /// clamped to a figure that would look true.
    #[error(
        "the {what} adds up past any amount amana keeps: the file was changed outside amana (run `amana verify`; restore it from a backup)"
    )]
    TotalOutOfRange { what: &'static str },
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked,
            _ => StoreError::Sqlite(e),
        }
    }
}

type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open ledger file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(LOCK_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

impl Store {
    /// Creates a new, empty ledger file (refusing an existing one) with the schema applied.
    pub fn create(path: &Path) -> Result<Store> {
        // Create the file exclusively: of two `init`s racing for one path, one wins, and the
        // other never touches the winner's file.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => StoreError::Exists(path.to_path_buf()),
                _ => StoreError::Io {
                    path: path.to_path_buf(),
                    source: e,
                },
            })?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing ledger for reading and writing.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Self::open_checked(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.migrate()?;
        Ok(store)
    }

    /// Closes the connection, checkpointing the write-ahead log into the file.
    pub fn close(self) -> Result<()> {
        self.conn.close().map_err(|(_, e)| StoreError::from(e))
    }

    /// Opens an existing ledger read-only (for listings and `verify`).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let conn = Self::open_checked(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        stand_in_for_later_tables(&conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens without creating, and checks the file is an amana ledger before anything else is
    /// done to it (setting WAL on a stranger's database would change it).
    fn open_checked(path: &Path, mode: OpenFlags) -> Result<Connection> {
        if !path.is_file() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        let not_ledger = |reason: String| StoreError::NotALedger {
            path: path.to_path_buf(),
            reason,
        };
        let conn = Connection::open_with_flags(path, mode | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        // Only "not a database" means it is not a ledger; a disk error is a disk error.
        let app_id: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase) => not_ledger(e.to_string()),
                _ => StoreError::from(e),
            })?;
        if app_id != APPLICATION_ID {
            return Err(not_ledger(format!("application id {app_id:#x}")));
        }
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > MIGRATIONS.len() as i64 {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                known: MIGRATIONS.len() as i64,
            });
        }
        configure(&conn)?;
        Ok(conn)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The ledger's identity and currency table, from the genesis entry.
    pub fn ledger_info(&self) -> Result<LedgerInfo> {
        ledger_info(&self.conn)
    }

    /// Begins a read transaction, so that everything read until [`Store::end_read`] is one
    /// consistent snapshot even while another process writes.
    pub fn begin_read(&self) -> Result<()> {
        self.conn.execute_batch("BEGIN DEFERRED")?;
        Ok(())
    }

    pub fn end_read(&self) -> Result<()> {
        self.conn.execute_batch("COMMIT")?;
        Ok(())
    }
}

/// Copies and snapshots: `backup`, `restore`, and the ledger rebuilt from an audit bundle.
impl Store {
    /// A new ledger in memory, schema applied, for a chain read from elsewhere (an audit
    /// bundle); `label` is the path its listings name.
    pub fn in_memory(label: &Path) -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: label.to_path_buf(),
        };
        store.migrate()?;
        Ok(store)
    }

    /// Writes a consistent snapshot of the ledger to the new file `dst` with SQLite's online
    /// backup API, in one step: the source is read in one read transaction, so a writer that
    /// commits meanwhile is either wholly in the copy or not at all (a file copy under a
    /// writer could tear a page or miss the WAL). The copy is a single file (rollback
    /// journal): it travels alone, and `restore` turns WAL back on.
    pub fn snapshot_to(&self, dst: &Path) -> Result<()> {
        let mut target = Connection::open_with_flags(
            dst,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut target)?;
            // -1: every page in one step, under one read lock of the source.
            let deadline = std::time::Instant::now() + LOCK_TIMEOUT;
            loop {
                match backup.step(-1)? {
                    rusqlite::backup::StepResult::Done => break,
                    rusqlite::backup::StepResult::More => continue,
                    // Busy or locked: wait as every command waits for another, then give up.
                    _ if std::time::Instant::now() >= deadline => return Err(StoreError::Locked),
                    _ => std::thread::sleep(Duration::from_millis(50)),
                }
            }
        }
        target.pragma_update(None, "journal_mode", "DELETE")?;
        target.close().map_err(|(_, e)| StoreError::from(e))?;
        Ok(())
    }

    /// Puts a restored ledger file back in the journal mode every ledger has (WAL, which a
    /// snapshot leaves off), before it is opened as a ledger.
    pub fn resume_wal(path: &Path) -> Result<()> {
        let conn = Self::open_checked(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Ok(())
    }
}

/// The genesis entry's ledger: read by the store and, inside a write, by the appender.
fn ledger_info(conn: &Connection) -> Result<LedgerInfo> {
    let body: Option<Vec<u8>> = conn
        .query_row("SELECT body FROM log WHERE seq = 1", [], |r| r.get(0))
        .optional()?;
    let body = body.ok_or(StoreError::NoGenesis)?;
    match ChainEntry::decode(&body, None) {
        Ok(ChainEntry {
            record: Record::Ledger(info),
            ..
        }) => Ok(info),
        _ => Err(StoreError::NoGenesis),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::types::Value;

    fn pragma(store: &Store, name: &str) -> String {
        store
            .conn
            .query_row(&format!("PRAGMA {name}"), [], |r| {
                Ok(match r.get::<_, Value>(0)? {
                    Value::Integer(i) => i.to_string(),
                    Value::Text(t) => t,
                    other => format!("{other:?}"),
                })
            })
            .unwrap()
    }

    /// WAL with synchronous=FULL (2) on the connection every write goes through, for a new
    /// ledger and for one opened again: with NORMAL a committed entry could roll back after a
    /// power cut (schema/CHAIN.md section 8).
    #[test]
    fn writes_go_through_wal_with_synchronous_full() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let created = Store::create(&path).unwrap();
        assert_eq!(pragma(&created, "journal_mode"), "wal");
        assert_eq!(pragma(&created, "synchronous"), "2");
        assert_eq!(pragma(&created, "foreign_keys"), "1");
        drop(created);
        let opened = Store::open(&path).unwrap();
        assert_eq!(pragma(&opened, "journal_mode"), "wal");
        assert_eq!(pragma(&opened, "synchronous"), "2");
        assert_eq!(pragma(&opened, "foreign_keys"), "1");
        assert_eq!(pragma(&opened, "busy_timeout"), "30000");
    }
}
