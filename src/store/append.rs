//! The write seam: the one place that takes the write lock and appends to the chain.
//!
//! [`Store::write`] takes the lock first (`BEGIN IMMEDIATE`: two writers can never read the
//! same chain head), hands an [`Appender`] to the caller, and commits only if the caller
//! succeeded, so a refused command or import leaves the file exactly as it was; a dry run
//! ([`Store::rehearse`]) goes through the very same path and rolls back. The appender refuses
//! an entry its own decoder would reject before writing a byte of it.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::log::{LOG_SCAN, log_row};
use super::projection::{self, Row};
use super::{LogRow, Result, Store, StoreError, ledger_info};
use crate::chain::{self, ChainEntry, GENESIS_PREV, Hash, Record};
use crate::domain::{Entry, EntryId, FiscalStart, LedgerInfo};

impl Store {
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
            fiscal: None,
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
}

/// Appends chain entries inside a write transaction.
pub struct Appender<'t> {
    pub(super) tx: &'t rusqlite::Transaction<'t>,
    pub(super) head_seq: i64,
    head: Hash,
    /// The ledger's base currency, read once (the decoder needs it to check balances).
    base: Option<crate::domain::Currency>,
    /// The ledger's fiscal start, read once (a journal entry adds to its fiscal year's totals).
    fiscal: Option<FiscalStart>,
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
        let mut stmt = self.tx.prepare(LOG_SCAN).map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            each(log_row(r).map_err(StoreError::from)?)?;
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
        self.add_to_year_totals(entry)?;
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

    /// Adds a journal entry's postings to `year_totals` (CHAIN.md section 6b): a row per key,
    /// made by its first posting and added to by every later one.
    fn add_to_year_totals(&mut self, entry: &ChainEntry) -> Result<()> {
        if !matches!(entry.record, Record::Entry(_)) {
            return Ok(());
        }
        let fiscal = match self.fiscal {
            Some(f) => f,
            None => *self.fiscal.insert(self.ledger_info()?.fiscal_start),
        };
        let mut add = self.tx.prepare_cached(
            "INSERT INTO year_totals (year, account, grant_id, line_id, kind, amount)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (year, account, grant_id, line_id, kind)
             DO UPDATE SET amount = amount + excluded.amount",
        )?;
        for (key, amount) in super::year_totals::year_total_parts(entry, fiscal) {
            add.execute(params![
                key.year,
                key.account,
                key.grant,
                key.line,
                key.kind,
                amount
            ])?;
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
            .query_row([id], |r| r.get(0))
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
}
