//! Storage: one SQLite file per ledger, behind this one seam.
//!
//! `store` and `chain` are the only modules that know SQL or bytes on disk. Every write goes
//! through [`Store::write`], which takes the write lock first (`BEGIN IMMEDIATE`: two writers
//! can never read the same chain head), hands an [`Appender`] to the caller, and commits only if
//! the caller succeeded, so a refused command or import leaves the file exactly as it was.
//! The journal is WAL with `synchronous=FULL`: a committed entry survives a power cut, so a
//! head someone has seen can never silently roll back.

pub mod projection;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Statement, TransactionBehavior, params};

use crate::chain::{self, ChainEntry, GENESIS_PREV, Hash, Record};
use crate::domain::{
    AccountCode, AccountType, Entry, EntryId, FunderId, Grant, GrantId, LedgerInfo, LineId, Minor,
};
use crate::rules::BookParts;
use projection::{Row, Table};

/// `PRAGMA application_id` of an amana ledger: "AMNA".
pub const APPLICATION_ID: i32 = 0x414D_4E41;

/// The migrations, in order; `PRAGMA user_version` counts those applied.
const MIGRATIONS: &[&str] = &[
    include_str!("../../schema/0001_init.sql"),
    include_str!("../../schema/0002_closings_per_closing.sql"),
    include_str!("../../schema/0003_grant_amendments.sql"),
    include_str!("../../schema/0004_account_changes.sql"),
    include_str!("../../schema/0005_budget_line_amendments.sql"),
    include_str!("../../schema/0006_funder_changes.sql"),
];

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

/// One row of the log table, as stored.
#[derive(Debug, Clone)]
pub struct LogRow {
    pub seq: i64,
    pub kind: String,
    pub body: Vec<u8>,
    pub entry_hash: Vec<u8>,
    pub prev: Vec<u8>,
    pub chain: Vec<u8>,
}

/// A seal's signature with its officer, as the tables hold them.
#[derive(Debug, Clone)]
pub struct SignatureRow {
    pub officer: String,
    /// The chain entry that registered the officer.
    pub officer_seq: i64,
    pub name: String,
    pub role: String,
    pub public_key: Vec<u8>,
    pub signature: Vec<u8>,
}

/// An account with its names in other languages.
#[derive(Debug, Clone)]
pub struct AccountRow {
    pub code: String,
    pub name: String,
    pub kind: String,
    /// (language, name), by language.
    pub labels: Vec<(String, String)>,
    /// The first day it takes no posting, when it is retired.
    pub retired: Option<String>,
}

/// A funder with what its grants brought in.
#[derive(Debug, Clone)]
pub struct FunderRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    pub received: Minor,
}

/// A grant as the grant listing shows it.
#[derive(Debug, Clone)]
pub struct GrantRow {
    pub id: String,
    pub funder: String,
    pub amount: Minor,
    pub currency: String,
    pub start: String,
    pub end: String,
    pub restricted: bool,
    pub purpose: Option<String>,
    /// Base-currency totals, as a seal counts them.
    pub received: Minor,
    pub spent: Minor,
    pub lines: Vec<BudgetLineRow>,
    /// Its amendments, in chain order (`amount` and `end` above are those in force).
    pub amendments: Vec<GrantAmendmentRow>,
}

/// A budget line as the listing shows it: its budget in force (the latest amended one).
#[derive(Debug, Clone)]
pub struct BudgetLineRow {
    pub line: String,
    pub label: String,
    pub budget: Minor,
    /// The expense account it is usually charged to.
    pub account: Option<String>,
    /// The net of the postings charged to it, withdrawn or not.
    pub spent: Minor,
    /// The first day it takes no posting, once withdrawn.
    pub withdrawn: Option<String>,
    /// Its amendments, in chain order.
    pub amendments: Vec<BudgetLineAmendmentRow>,
}

/// One amendment of a budget line, as recorded.
#[derive(Debug, Clone)]
pub struct BudgetLineAmendmentRow {
    pub seq: i64,
    pub effective: String,
    /// The new budget, or `None` when unchanged.
    pub amount: Option<Minor>,
    pub withdrawn: bool,
    pub reason: String,
}

/// One amendment of a grant, as recorded.
#[derive(Debug, Clone)]
pub struct GrantAmendmentRow {
    pub seq: i64,
    pub effective: String,
    pub amount: Option<Minor>,
    pub end: Option<String>,
    pub reason: String,
}

/// Filters of the balance listing.
#[derive(Debug, Default, Clone)]
pub struct BalanceFilter {
    pub as_of: Option<String>,
    pub grant: Option<String>,
}

/// Filters of the journal listing.
#[derive(Debug, Default, Clone)]
pub struct JournalFilter {
    pub from: Option<String>,
    pub to: Option<String>,
    /// An account code or the prefix of one (`61` selects 6111, 6131, ...).
    pub account: Option<String>,
    pub grant: Option<String>,
}

/// One account's balance.
#[derive(Debug, Clone)]
pub struct BalanceRow {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub balance: Minor,
}

/// A journal row: one posting with its entry's header.
#[derive(Debug, Clone)]
pub struct JournalRow {
    pub id: i64,
    pub seq: i64,
    pub kind: String,
    pub date: String,
    pub description: String,
    pub reference: Option<String>,
    pub reverses: Option<i64>,
    pub reason: Option<String>,
    pub reversed_by: Option<i64>,
    pub idx: i64,
    pub account: String,
    pub account_name: String,
    pub amount: Minor,
    pub grant: Option<String>,
    pub line: Option<String>,
    pub original: Option<(Minor, String)>,
    pub memo: Option<String>,
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

    /// Applies the migrations the file lacks, in one exclusive transaction.
    fn migrate(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Exclusive)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` inside one write transaction; commits only when `f` succeeds.
    pub fn write<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Appender<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.transact(f, true)
    }

    /// Runs `f` exactly as [`Store::write`] would, every constraint and trigger included,
    /// then rolls everything back (`import --dry-run`).
    pub fn rehearse<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Appender<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.transact(f, false)
    }

    fn transact<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Appender<'_>) -> std::result::Result<T, E>,
        commit: bool,
    ) -> std::result::Result<T, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let head: Option<(i64, Vec<u8>, Vec<u8>)> = tx
            .query_row(
                "SELECT seq, chain, body FROM log ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(StoreError::from)?;
        let (seq, prev, head_time) = match head {
            Some((seq, chain, body)) => (seq, chain::hash_from(&chain), ChainEntry::time_of(&body)),
            None => (0, GENESIS_PREV, None),
        };
        let mut appender = Appender {
            tx: &tx,
            head_seq: seq,
            head: prev,
            base: None,
            head_time,
        };
        let out = f(&mut appender)?;
        if commit {
            tx.commit().map_err(StoreError::from)?;
        } else {
            tx.rollback().map_err(StoreError::from)?;
        }
        Ok(out)
    }

    /// The ledger's identity and currency table, from the genesis entry.
    pub fn ledger_info(&self) -> Result<LedgerInfo> {
        ledger_info(&self.conn)
    }

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

    pub fn balances(&self, filter: &BalanceFilter) -> Result<Vec<BalanceRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.account, coalesce((SELECT c.name FROM account_changes c WHERE c.code = a.code
                              AND c.name IS NOT NULL ORDER BY c.seq DESC LIMIT 1), a.name), a.type, sum(p.amount)
               FROM postings p
               JOIN accounts a ON a.code = p.account
               JOIN entries e ON e.id = p.entry_id
              WHERE (?1 IS NULL OR e.date <= ?1)
                AND (?2 IS NULL OR p.grant_id = ?2)
              GROUP BY p.account
              ORDER BY p.account",
        )?;
        let rows = stmt.query_map(params![filter.as_of, filter.grant], |r| {
            Ok(BalanceRow {
                code: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                balance: Minor(r.get(3)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Calls `each` with every posting of every entry that matches, in entry order.
    pub fn journal(&self, filter: &JournalFilter, mut each: impl FnMut(JournalRow)) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.seq, e.kind, e.date, e.description, e.reference, e.reverses, e.reason,
                    r.id, p.idx, p.account, coalesce((SELECT c.name FROM account_changes c WHERE c.code = a.code
                              AND c.name IS NOT NULL ORDER BY c.seq DESC LIMIT 1), a.name), p.amount, p.grant_id, p.line_id,
                    p.original_amount, p.original_currency, p.memo
               FROM entries e
               JOIN postings p ON p.entry_id = e.id
               JOIN accounts a ON a.code = p.account
               LEFT JOIN entries r ON r.reverses = e.id
              WHERE (?1 IS NULL OR e.date >= ?1)
                AND (?2 IS NULL OR e.date <= ?2)
                AND (?3 IS NULL OR EXISTS (SELECT 1 FROM postings q WHERE q.entry_id = e.id
                                            AND substr(q.account, 1, length(?3)) = ?3))
                AND (?4 IS NULL OR EXISTS (SELECT 1 FROM postings q WHERE q.entry_id = e.id
                                            AND q.grant_id = ?4))
              ORDER BY e.id, p.idx",
        )?;
        let mut rows = stmt.query(params![
            filter.from,
            filter.to,
            filter.account,
            filter.grant
        ])?;
        while let Some(r) = rows.next()? {
            let original: (Option<i64>, Option<String>) = (r.get(15)?, r.get(16)?);
            each(JournalRow {
                id: r.get(0)?,
                seq: r.get(1)?,
                kind: r.get(2)?,
                date: r.get(3)?,
                description: r.get(4)?,
                reference: r.get(5)?,
                reverses: r.get(6)?,
                reason: r.get(7)?,
                reversed_by: r.get(8)?,
                idx: r.get(9)?,
                account: r.get(10)?,
                account_name: r.get(11)?,
                amount: Minor(r.get(12)?),
                grant: r.get(13)?,
                line: r.get(14)?,
                original: match original {
                    (Some(a), Some(c)) => Some((Minor(a), c)),
                    _ => None,
                },
                memo: r.get(17)?,
            });
        }
        Ok(())
    }

    /// The statement that reads the log in sequence order (for `verify` and `log`).
    pub fn log_scan(&self) -> Result<Statement<'_>> {
        Ok(self
            .conn
            .prepare("SELECT seq, kind, body, entry_hash, prev, chain FROM log ORDER BY seq")?)
    }

    /// Calls `each` with every log row, in sequence order.
    pub fn for_each_log_row(&self, mut each: impl FnMut(LogRow)) -> Result<()> {
        let mut stmt = self.log_scan()?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            each(LogRow {
                seq: r.get(0)?,
                kind: r.get(1)?,
                body: r.get(2)?,
                entry_hash: r.get(3)?,
                prev: r.get(4)?,
                chain: r.get(5)?,
            });
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

    /// The chain entry that recorded journal entry `id`.
    pub fn entry_seq(&self, id: EntryId) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT seq FROM entries WHERE id = ?1")?
            .query_row([id.0], |r| r.get(0))
            .optional()?)
    }

    /// Sequence numbers of the seals, oldest first.
    pub fn seal_seqs(&self) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq FROM seals ORDER BY seq")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stored entry hashes of entries 1 to `n`, in order (the leaves of a seal's tree).
    pub fn entry_hashes(&self, n: i64) -> Result<Vec<Vec<u8>>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT entry_hash FROM log WHERE seq <= ?1 ORDER BY seq")?;
        let rows = stmt.query_map([n], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The signatures of the seal at `seal`, with their officers.
    pub fn signatures_of(&self, seal: i64) -> Result<Vec<SignatureRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.officer, o.name, o.role, o.public_key, s.signature, o.seq
               FROM signatures s JOIN officers o ON o.id = s.officer
              WHERE s.seal = ?1 ORDER BY s.seq",
        )?;
        let rows = stmt.query_map([seal], |r| {
            Ok(SignatureRow {
                officer: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                public_key: r.get(3)?,
                signature: r.get(4)?,
                officer_seq: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every account (whose code starts with `prefix`), with its labels. Here and in the
    /// balance and the journal, an account's name is the one in force: the latest renaming.
    pub fn accounts(&self, prefix: Option<&str>) -> Result<Vec<AccountRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.code, coalesce((SELECT c.name FROM account_changes c WHERE c.code = a.code
                              AND c.name IS NOT NULL ORDER BY c.seq DESC LIMIT 1), a.name), a.type, l.lang, l.text,
                    (SELECT c.effective FROM account_changes c
                      WHERE c.code = a.code AND c.retired = 1 ORDER BY c.seq LIMIT 1)
               FROM accounts a
               LEFT JOIN account_labels l ON l.code = a.code
              WHERE ?1 IS NULL OR substr(a.code, 1, length(?1)) = ?1
              ORDER BY a.code, l.lang",
        )?;
        let mut out: Vec<AccountRow> = vec![];
        let mut rows = stmt.query([prefix])?;
        while let Some(r) = rows.next()? {
            let code: String = r.get(0)?;
            if out.last().is_none_or(|a| a.code != code) {
                out.push(AccountRow {
                    code,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    labels: vec![],
                    retired: r.get(5)?,
                });
            }
            let label: (Option<String>, Option<String>) = (r.get(3)?, r.get(4)?);
            if let (Some(lang), Some(text)) = label {
                out.last_mut().expect("pushed").labels.push((lang, text));
            }
        }
        Ok(out)
    }

    /// Every funder with what it has given: the net credit of income accounts charged to its
    /// grants. Its name is the one in force: the latest renaming.
    pub fn funders(&self) -> Result<Vec<FunderRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.id, coalesce((SELECT c.name FROM funder_changes c WHERE c.funder_id = f.id
                                     ORDER BY c.seq DESC LIMIT 1), f.name), f.type, f.country,
                    coalesce((SELECT -sum(p.amount) FROM postings p
                               JOIN grants g ON g.id = p.grant_id
                               JOIN accounts a ON a.code = p.account
                              WHERE g.funder = f.id AND a.type = 'income'), 0)
               FROM funders f ORDER BY f.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(FunderRow {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                country: r.get(3)?,
                received: Minor(r.get(4)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every grant with its totals and budget lines, as the listing shows them.
    pub fn grants(&self, only: Option<&str>) -> Result<Vec<GrantRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT g.id, g.funder,
                    coalesce((SELECT x.amount FROM grant_amendments x WHERE x.grant_id = g.id
                                 AND x.amount IS NOT NULL ORDER BY x.seq DESC LIMIT 1), g.amount),
                    g.currency, g.start_date,
                    coalesce((SELECT x.end_date FROM grant_amendments x WHERE x.grant_id = g.id
                                 AND x.end_date IS NOT NULL ORDER BY x.seq DESC LIMIT 1), g.end_date),
                    g.restricted, g.purpose,
                    coalesce((SELECT -sum(p.amount) FROM postings p JOIN accounts a ON a.code = p.account
                               WHERE p.grant_id = g.id AND a.type = 'income'), 0),
                    coalesce((SELECT sum(p.amount) FROM postings p JOIN accounts a ON a.code = p.account
                               WHERE p.grant_id = g.id AND (a.type = 'expense' OR p.line_id IS NOT NULL)), 0)
               FROM grants g WHERE ?1 IS NULL OR g.id = ?1 ORDER BY g.id",
        )?;
        let mut grants: Vec<GrantRow> = stmt
            .query_map([only], |r| {
                Ok(GrantRow {
                    id: r.get(0)?,
                    funder: r.get(1)?,
                    amount: Minor(r.get(2)?),
                    currency: r.get(3)?,
                    start: r.get(4)?,
                    end: r.get(5)?,
                    restricted: r.get::<_, i64>(6)? != 0,
                    purpose: r.get(7)?,
                    received: Minor(r.get(8)?),
                    spent: Minor(r.get(9)?),
                    lines: vec![],
                    amendments: vec![],
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut lines = self.conn.prepare_cached(
            "SELECT b.line_id, b.label, coalesce((SELECT x.amount FROM budget_line_amendments x
                                   WHERE x.grant_id = b.grant_id AND x.line_id = b.line_id
                                     AND x.amount IS NOT NULL ORDER BY x.seq DESC LIMIT 1), b.amount), b.account,
                    coalesce((SELECT sum(p.amount) FROM postings p
                               WHERE p.grant_id = b.grant_id AND p.line_id = b.line_id), 0),
                    (SELECT x.effective FROM budget_line_amendments x
                          WHERE x.grant_id = b.grant_id AND x.line_id = b.line_id
                            AND x.withdrawn = 1 ORDER BY x.seq LIMIT 1)
               FROM budget_lines b WHERE b.grant_id = ?1 ORDER BY b.seq",
        )?;
        let mut amendments = self.conn.prepare_cached(
            "SELECT seq, effective, amount, end_date, reason FROM grant_amendments
              WHERE grant_id = ?1 ORDER BY seq",
        )?;
        let mut line_amendments = self.conn.prepare_cached(
            "SELECT seq, effective, amount, withdrawn, reason FROM budget_line_amendments
              WHERE grant_id = ?1 AND line_id = ?2 ORDER BY seq",
        )?;
        for g in &mut grants {
            g.amendments = amendments
                .query_map([&g.id], |r| {
                    Ok(GrantAmendmentRow {
                        seq: r.get(0)?,
                        effective: r.get(1)?,
                        amount: r.get::<_, Option<i64>>(2)?.map(Minor),
                        end: r.get(3)?,
                        reason: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            g.lines = lines
                .query_map([&g.id], |r| {
                    Ok(BudgetLineRow {
                        line: r.get(0)?,
                        label: r.get(1)?,
                        budget: Minor(r.get(2)?),
                        account: r.get(3)?,
                        spent: Minor(r.get(4)?),
                        withdrawn: r.get(5)?,
                        amendments: vec![],
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            for line in &mut g.lines {
                line.amendments = line_amendments
                    .query_map([&g.id, &line.line], |r| {
                        Ok(BudgetLineAmendmentRow {
                            seq: r.get(0)?,
                            effective: r.get(1)?,
                            amount: r.get::<_, Option<i64>>(2)?.map(Minor),
                            withdrawn: r.get::<_, i64>(3)? != 0,
                            reason: r.get(4)?,
                        })
                    })?
                    .collect::<rusqlite::Result<_>>()?;
            }
        }
        Ok(grants)
    }

    /// The ids of every grant, sorted.
    pub fn grant_ids(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM grants ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The first import of the file with this SHA-256, if any: (seq, file name).
    pub fn import_by_file(&self, sha: &Hash) -> Result<Option<(i64, String)>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT seq, file_name FROM imports WHERE file_sha256 = ?1 ORDER BY seq LIMIT 1",
            )?
            .query_row([sha.as_slice()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
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

/// A ledger read without being written keeps the schema it has: one from before a migration
/// lacks the tables it adds. Each gets an empty stand-in in the connection's own `temp`
/// schema (never in the file, and not in `sqlite_schema`, which `verify` compares), so that
/// listings and `verify` read it as the empty table the file would have once migrated; an
/// entry that stands for a row of it is then reported as a missing row.
fn stand_in_for_later_tables(conn: &Connection) -> Result<()> {
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

/// Appends chain entries inside a write transaction.
pub struct Appender<'t> {
    tx: &'t rusqlite::Transaction<'t>,
    head_seq: i64,
    head: Hash,
    /// The ledger's base currency, read once (the decoder needs it to check balances).
    base: Option<crate::domain::Currency>,
    /// The time recorded in the head entry.
    head_time: Option<i64>,
}

impl Appender<'_> {
    /// The sequence number the next entry will get.
    pub fn next_seq(&self) -> i64 {
        self.head_seq + 1
    }

    /// The time recorded in the head entry (UTC microseconds), when there is one.
    pub fn head_time(&self) -> Option<i64> {
        self.head_time
    }

    pub fn ledger_info(&self) -> Result<LedgerInfo> {
        ledger_info(self.tx)
    }

    /// Calls `each` with every log row so far, in sequence order (to replay the chain).
    pub fn for_each_log_row<E: From<StoreError>>(
        &self,
        mut each: impl FnMut(LogRow) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut stmt = self
            .tx
            .prepare("SELECT seq, kind, body, entry_hash, prev, chain FROM log ORDER BY seq")
            .map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let row = (|| {
                Ok::<_, rusqlite::Error>(LogRow {
                    seq: r.get(0)?,
                    kind: r.get(1)?,
                    body: r.get(2)?,
                    entry_hash: r.get(3)?,
                    prev: r.get(4)?,
                    chain: r.get(5)?,
                })
            })()
            .map_err(StoreError::from)?;
            each(row)?;
        }
        Ok(())
    }

    /// Encodes `entry`, links it to the head, and writes the log row and its projection.
    /// Returns the entry's hash and its chain hash.
    pub fn append(&mut self, entry: &ChainEntry) -> Result<(Hash, Hash)> {
        debug_assert_eq!(entry.seq, self.head_seq + 1);
        let body = entry.encode();
        self.check_decodes(entry, &body)?;
        let entry_hash = chain::entry_hash(&body);
        let chain = chain::chain_hash(entry.seq, &self.head, &entry_hash);
        self.tx
            .prepare_cached(
                "INSERT INTO log (seq, kind, body, entry_hash, prev, chain) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                entry.seq,
                entry.record.kind(),
                body,
                entry_hash.as_slice(),
                self.head.as_slice(),
                chain.as_slice()
            ])?;
        for row in projection::rows(entry) {
            self.insert(&row)?;
        }
        self.head_seq = entry.seq;
        self.head = chain;
        self.head_time = Some(entry.time_us);
        Ok((entry_hash, chain))
    }

    /// The writer refuses what its own decoder would reject: `body` must decode, and encode
    /// back to the same bytes. Otherwise the entry would be in the chain for ever, and `verify`
    /// would fail on it for ever (a seal dated in year 0 once did exactly that).
    fn check_decodes(&mut self, entry: &ChainEntry, body: &[u8]) -> Result<()> {
        if self.base.is_none() && entry.seq > 1 {
            self.base = Some(self.ledger_info()?.currency);
        }
        let decoded =
            ChainEntry::decode(body, self.base.as_ref()).map_err(|e| StoreError::Unencodable {
                kind: entry.record.kind(),
                reason: e.what,
            })?;
        if decoded.encode() != body {
            return Err(StoreError::Unencodable {
                kind: entry.record.kind(),
                reason: "it does not encode back to the same bytes".into(),
            });
        }
        Ok(())
    }

    fn insert(&self, row: &Row) -> Result<()> {
        let cols = row.table.columns();
        let marks = vec!["?"; cols.len()].join(", ");
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({marks})",
            row.table.name(),
            cols.join(", ")
        );
        self.tx
            .prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(row.values.iter()))?;
        Ok(())
    }

    /// The entry `id` as the chain recorded it.
    pub fn entry(&self, id: EntryId) -> Result<Option<Entry>> {
        let body: Option<Vec<u8>> = self
            .tx
            .prepare_cached(
                "SELECT l.body FROM entries e JOIN log l ON l.seq = e.seq WHERE e.id = ?1",
            )?
            .query_row([id.0], |r| r.get(0))
            .optional()?;
        let Some(body) = body else { return Ok(None) };
        let info = self.ledger_info()?;
        match ChainEntry::decode(&body, Some(&info.currency)) {
            Ok(ChainEntry {
                record: Record::Entry(e),
                ..
            }) => Ok(Some(e)),
            _ => Ok(None),
        }
    }

    /// What the rules need to know of the ledger, read in this transaction.
    pub fn book_parts(&self) -> Result<BookParts> {
        let info = self.ledger_info()?;
        let tx = self.tx;
        let collect_strings = |sql: &str| -> Result<Vec<(String, String)>> {
            let mut stmt = tx.prepare(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let accounts = collect_strings("SELECT code, type FROM accounts")?
            .into_iter()
            .filter_map(|(c, t)| {
                Some((AccountCode::parse(&c).ok()?, t.parse::<AccountType>().ok()?))
            })
            .collect();
        let funders = collect_strings("SELECT id, id FROM funders")?
            .into_iter()
            .filter_map(|(f, _)| FunderId::parse(&f).ok())
            .collect();
        let mut grants = vec![];
        {
            let mut stmt = tx.prepare(
                "SELECT id, funder, amount, currency, start_date, end_date, restricted, purpose FROM grants",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (id, funder, start, end): (String, String, String, String) =
                    (r.get(0)?, r.get(1)?, r.get(4)?, r.get(5)?);
                let (Ok(id), Ok(funder), Ok(start), Ok(end)) = (
                    GrantId::parse(&id),
                    FunderId::parse(&funder),
                    crate::domain::parse_date(&start),
                    crate::domain::parse_date(&end),
                ) else {
                    continue;
                };
                grants.push(Grant {
                    id,
                    funder,
                    amount: Minor(r.get(2)?),
                    currency: r.get(3)?,
                    start,
                    end,
                    restricted: r.get::<_, i64>(6)? != 0,
                    purpose: r.get(7)?,
                });
            }
        }
        // Each grant's amendments, in chain order (the rules put the values in force).
        let grant_amendments = {
            let mut stmt =
                tx.prepare("SELECT grant_id, amount, end_date FROM grant_amendments ORDER BY seq")?;
            let rows = stmt.query_map([], |r| {
                let (id, amount, end): (String, Option<i64>, Option<String>) =
                    (r.get(0)?, r.get(1)?, r.get(2)?);
                Ok((id, amount, end))
            })?;
            let mut amendments = vec![];
            for row in rows {
                let (id, amount, end) = row?;
                if let Ok(id) = GrantId::parse(&id) {
                    let end = end.and_then(|e| crate::domain::parse_date(&e).ok());
                    amendments.push((id, amount.map(Minor), end));
                }
            }
            amendments
        };
        let mut lines = vec![];
        {
            let mut stmt = tx.prepare(
                "SELECT b.grant_id, b.line_id, coalesce((SELECT x.amount FROM budget_line_amendments x
                                   WHERE x.grant_id = b.grant_id AND x.line_id = b.line_id
                                     AND x.amount IS NOT NULL ORDER BY x.seq DESC LIMIT 1), b.amount),
                        coalesce((SELECT sum(p.amount) FROM postings p
                                   WHERE p.grant_id = b.grant_id AND p.line_id = b.line_id), 0),
                        (SELECT x.effective FROM budget_line_amendments x
                          WHERE x.grant_id = b.grant_id AND x.line_id = b.line_id
                            AND x.withdrawn = 1 ORDER BY x.seq LIMIT 1)
                   FROM budget_lines b",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (g, l): (String, String) = (r.get(0)?, r.get(1)?);
                if let (Ok(g), Ok(l)) = (GrantId::parse(&g), LineId::parse(&l)) {
                    let withdrawn = r
                        .get::<_, Option<String>>(4)?
                        .and_then(|d| crate::domain::parse_date(&d).ok());
                    lines.push((g, l, Minor(r.get(2)?), Minor(r.get(3)?), withdrawn));
                }
            }
        }
        let ids = |sql: &str| -> Result<Vec<EntryId>> {
            let mut stmt = tx.prepare(sql)?;
            let rows = stmt.query_map([], |r| r.get(0).map(EntryId))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let reversals = ids("SELECT id FROM entries WHERE reverses IS NOT NULL")?;
        let reversed = ids("SELECT reverses FROM entries WHERE reverses IS NOT NULL")?;
        let imported_files = {
            let mut stmt = tx.prepare("SELECT file_sha256 FROM imports")?;
            let rows = stmt.query_map([], |r| r.get::<_, Vec<u8>>(0))?;
            rows.map(|r| r.map(|b| chain::hash_from(&b)))
                .collect::<rusqlite::Result<_>>()?
        };
        let last_entry: i64 =
            tx.query_row("SELECT coalesce(max(id), 0) FROM entries", [], |r| r.get(0))?;
        // What guards the books (officers' keys, seals and their signers, the decisions and
        // the locked period that follows) is read from the chain itself, not from the tables:
        // the rules replay these entries (a row deleted from `seals` must not let an honest
        // treasurer write into a locked period).
        let governance_log = {
            let kinds = crate::rules::governance::LOG_KINDS;
            let sql = format!(
                "SELECT seq, body FROM log WHERE kind IN ({}) ORDER BY seq",
                vec!["?"; kinds.len()].join(", ")
            );
            let mut stmt = tx.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(kinds), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
            rows.collect::<rusqlite::Result<Vec<(i64, Vec<u8>)>>>()?
        };
        let retired = {
            let mut stmt = tx.prepare(
                "SELECT code, effective FROM account_changes WHERE retired = 1 ORDER BY seq",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            })?;
            let mut retired = vec![];
            for row in rows {
                let (code, from) = row?;
                if let (Ok(code), Some(Ok(from))) = (
                    AccountCode::parse(&code),
                    from.as_deref().map(crate::domain::parse_date),
                ) {
                    retired.push((code, from));
                }
            }
            retired
        };
        let receipts = {
            let mut stmt = tx.prepare("SELECT entry_id, sha256 FROM receipts")?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    EntryId(r.get(0)?),
                    chain::hash_from(&r.get::<_, Vec<u8>>(1)?),
                ))
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        Ok(BookParts {
            info,
            accounts,
            funders,
            grants,
            grant_amendments,
            lines,
            reversals,
            reversed,
            imported_files,
            last_seq: self.head_seq,
            last_entry,
            governance_log,
            receipts,
            retired,
        })
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

/// Column `i` as text, with bytes that are not UTF-8 shown as U+FFFD (for messages).
fn text_lossy(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<String>> {
    Ok(match row.get_ref(i)? {
        ValueRef::Null => None,
        ValueRef::Text(b) | ValueRef::Blob(b) => Some(String::from_utf8_lossy(b).into_owned()),
        ValueRef::Integer(n) => Some(n.to_string()),
        ValueRef::Real(x) => Some(x.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
