//! The queries of the auditor's report and of the member's printed receipt: the officers and
//! what they signed, the supporting documents, the expenses without one, the reversals, the
//! entries after a seal, and who paid a transaction. Each is one statement (aggregates in
//! SQL, lists bounded by a limit), never a query per posting.

use super::sql::{SqlDate, Total};
use super::{Result, Store};
use crate::domain::{EntryId, Minor, OfficerId};

/// An officer as registered, with how many seals and approvals they signed.
#[derive(Debug, Clone)]
pub struct OfficerAuditRow {
    pub seq: i64,
    pub id: String,
    pub name: String,
    pub role: String,
    pub public_key: Vec<u8>,
    pub signatures: i64,
}

/// The supporting documents recorded.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReceiptCounts {
    pub documents: i64,
    /// Transactions with at least one document.
    pub transactions: i64,
}

/// A transaction that stands (neither reversed nor a reversal), charged to expense accounts,
/// with no supporting document recorded.
#[derive(Debug, Clone)]
pub struct UndocumentedRow {
    pub entry: EntryId,
    pub date: String,
    pub reference: Option<String>,
    pub description: String,
    /// The net debit of its expense accounts.
    pub amount: Minor,
}

/// How many expenses lack a document, and their total (all of them, not only those listed).
#[derive(Debug, Clone, Copy, Default)]
pub struct UndocumentedTotal {
    pub count: i64,
    pub total: Minor,
}

/// A reversal, with the transaction it reverses.
#[derive(Debug, Clone)]
pub struct ReversalRow {
    pub entry: EntryId,
    pub date: String,
    pub reverses: EntryId,
    pub original_date: String,
    pub original_description: String,
    pub reason: String,
    /// The reversed transaction's total debit.
    pub amount: Minor,
}

/// A journal entry recorded after a given chain entry.
#[derive(Debug, Clone)]
pub struct LaterEntryRow {
    pub seq: i64,
    pub entry: EntryId,
    pub date: String,
    pub description: String,
}

/// The expense transactions without a document whose expense total is at least `threshold`,
/// as a condition on the entry `e` (shared by the list and its total).
const UNDOCUMENTED: &str = concat!(
    "SELECT e.id AS id, e.date AS date, e.reference AS reference,
            e.description AS description, sum(p.amount) AS amount
       FROM entries e
       JOIN postings p ON p.entry_id = e.id
       JOIN accounts a ON a.code = p.account
      WHERE a.type = 'expense' AND e.kind = 'transaction' AND ",
    recorded_entry!(),
    "   AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.entry_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM entries x WHERE x.reverses = e.id)
      GROUP BY e.id
     HAVING sum(p.amount) > 0 AND sum(p.amount) >= ?1"
);

impl Store {
    /// Every officer, in the order they were registered, with the signatures they made.
    pub fn officers_audit(&self) -> Result<Vec<OfficerAuditRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.seq, o.id, o.name, o.role, o.public_key,
                    (SELECT count(*) FROM signatures s WHERE s.officer = o.id)
               FROM officers o ORDER BY o.seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(OfficerAuditRow {
                seq: r.get(0)?,
                id: r.get::<_, OfficerId>(1)?.to_string(),
                name: r.get(2)?,
                role: r.get(3)?,
                public_key: r.get(4)?,
                signatures: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many supporting documents are recorded, and for how many transactions.
    pub fn receipt_counts(&self) -> Result<ReceiptCounts> {
        Ok(self
            .conn
            .prepare_cached("SELECT count(*), count(DISTINCT entry_id) FROM receipts")?
            .query_row([], |r| {
                Ok(ReceiptCounts {
                    documents: r.get(0)?,
                    transactions: r.get(1)?,
                })
            })?)
    }

    /// The first `limit` expenses of at least `threshold` without a document, by date.
    pub fn undocumented_expenses(
        &self,
        threshold: Minor,
        limit: i64,
    ) -> Result<Vec<UndocumentedRow>> {
        let sql = format!("{UNDOCUMENTED} ORDER BY e.date, e.id LIMIT ?2");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params![threshold, limit], |r| {
            Ok(UndocumentedRow {
                entry: r.get(0)?,
                date: r.get::<_, SqlDate>(1)?.to_string(),
                reference: r.get(2)?,
                description: r.get(3)?,
                amount: r.get::<_, Total>(4)?.0,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many expenses of at least `threshold` have no document, and their total.
    pub fn undocumented_total(&self, threshold: Minor) -> Result<UndocumentedTotal> {
        let sql = format!("SELECT count(*), coalesce(sum(u.amount), 0) FROM ({UNDOCUMENTED}) u");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([threshold], |r| {
                Ok(UndocumentedTotal {
                    count: r.get(0)?,
                    total: r.get::<_, Total>(1)?.0,
                })
            })?)
    }

    /// Every reversal, in the order recorded, with what it reverses.
    pub fn reversals(&self) -> Result<Vec<ReversalRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, r.date, r.reverses, o.date, o.description, r.reason,
                    coalesce((SELECT sum(p.amount) FROM postings p
                               WHERE p.entry_id = o.id AND p.amount > 0), 0)
               FROM entries r JOIN entries o ON o.id = r.reverses
              WHERE r.kind = 'reversal' ORDER BY r.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ReversalRow {
                entry: r.get(0)?,
                date: r.get::<_, SqlDate>(1)?.to_string(),
                reverses: r.get(2)?,
                original_date: r.get::<_, SqlDate>(3)?.to_string(),
                original_description: r.get(4)?,
                reason: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                amount: r.get::<_, Total>(6)?.0,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The first `limit` journal entries recorded after chain entry `after`.
    pub fn entries_after(&self, after: i64, limit: i64) -> Result<Vec<LaterEntryRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.seq, e.id, e.date, e.description
               FROM entries e WHERE e.seq > ?1 ORDER BY e.seq LIMIT ?2",
        )?;
        let rows = stmt.query_map([after, limit], |r| {
            Ok(LaterEntryRow {
                seq: r.get(0)?,
                entry: r.get(1)?,
                date: r.get::<_, SqlDate>(2)?.to_string(),
                description: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many journal entries were recorded after chain entry `after`.
    pub fn entries_after_count(&self, after: i64) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT count(*) FROM entries WHERE seq > ?1")?
            .query_row([after], |r| r.get(0))?)
    }

    /// The chain entries after `after`, counted by kind (`entry`, `account`, `seal`...).
    pub fn kinds_after(&self, after: i64) -> Result<Vec<(String, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, count(*) FROM log WHERE seq > ?1 GROUP BY kind ORDER BY min(seq)",
        )?;
        let rows = stmt.query_map([after], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The names (in force) of the funders who paid transaction `id`: the funders its
    /// `source` entries name, and those of the grants its income postings are charged to.
    pub fn payers_of(&self, id: EntryId) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "WITH f AS (
                 SELECT s.funder_id AS funder, s.posting AS idx FROM sources s WHERE s.entry_id = ?1
                 UNION
                 SELECT g.funder, p.idx FROM postings p JOIN grants g ON g.id = p.grant_id
                   JOIN accounts a ON a.code = p.account
                  WHERE p.entry_id = ?1 AND a.type = 'income')
             SELECT coalesce((SELECT c.name FROM funder_changes c WHERE c.funder_id = d.id
                               ORDER BY c.seq DESC LIMIT 1), d.name)
               FROM funders d WHERE d.id IN (SELECT funder FROM f)
              ORDER BY (SELECT min(idx) FROM f WHERE f.funder = d.id)",
        )?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The reference of journal entry `id`, if it has one.
    pub fn entry_reference(&self, id: EntryId) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .prepare_cached("SELECT reference FROM entries WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .flatten())
    }
}
