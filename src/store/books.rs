//! The books' queries (`report trial-balance`, `report ledger`): each account's opening
//! balance, period debits and credits in one aggregate over `postings_by_account`, and one
//! account's postings in date order with their counter-accounts, in one statement each.
//!
//! Dates are `YYYY-MM-DD` text, so comparing them as text orders them as days. A code prefix
//! selects the range `[prefix, prefix || U+10FFFF)`, which the account index serves (a
//! `substr` or `LIKE` test would read every posting).

use rusqlite::params;

use super::sql::{SqlDate, Total};
use super::{Result, Store};
use crate::domain::{AccountCode, EntryId, Minor};

/// One account's figures for a period: what it held before, and what moved in it.
#[derive(Debug, Clone)]
pub struct PeriodRow {
    pub code: String,
    /// Net of the postings dated before the period (debit > 0).
    pub opening: Minor,
    /// The period's debit postings, added up (positive).
    pub debit: Minor,
    /// The period's credit postings, added up (positive).
    pub credit: Minor,
}

/// One posting of an account, with its entry's header.
#[derive(Debug, Clone)]
pub struct LedgerPostingRow {
    pub account: String,
    pub date: String,
    /// The transaction number (the entry's id).
    pub entry: i64,
    pub kind: String,
    pub reference: Option<String>,
    pub description: String,
    pub memo: Option<String>,
    /// Debit > 0.
    pub amount: Minor,
    /// The entry's other accounts, in code order, each once.
    pub counter: Vec<String>,
}

/// The last character a code can hold: `prefix || END` is past every code `prefix` starts.
const END: char = '\u{10FFFF}';

fn upper(prefix: &str) -> String {
    format!("{prefix}{END}")
}

impl Store {
    /// Each account with a posting dated on or before `to` (when given): its balance before
    /// `from` (zero when no `from`), and its debits and credits from `from` through `to`.
    /// Memorandum accounts only with `memorandum` (they are never money; `balance` lists them
    /// apart).
    pub fn period_balances(
        &self,
        prefix: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
        memorandum: bool,
    ) -> Result<Vec<PeriodRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.account,
                    sum(CASE WHEN ?1 IS NOT NULL AND e.date < ?1 THEN p.amount ELSE 0 END),
                    sum(CASE WHEN (?1 IS NULL OR e.date >= ?1) AND p.amount > 0 THEN p.amount ELSE 0 END),
                    sum(CASE WHEN (?1 IS NULL OR e.date >= ?1) AND p.amount < 0 THEN -p.amount ELSE 0 END)
               FROM postings p
               JOIN entries e ON e.id = p.entry_id
               JOIN accounts a ON a.code = p.account
              WHERE (?2 IS NULL OR e.date <= ?2)
                AND (?3 IS NULL OR (p.account >= ?3 AND p.account < ?4))
                AND (?5 OR a.type <> 'memorandum')
              GROUP BY p.account
              ORDER BY p.account",
        )?;
        let rows = stmt.query_map(
            params![from, to, prefix, prefix.map(upper), memorandum],
            |r| {
                Ok(PeriodRow {
                    code: r.get::<_, AccountCode>(0)?.to_string(),
                    opening: r.get::<_, Total>(1)?.0,
                    debit: r.get::<_, Total>(2)?.0,
                    credit: r.get::<_, Total>(3)?.0,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Calls `each` with every posting of the accounts `prefix` starts dated from `from`
    /// through `to`, by account, then date, then transaction number, then position.
    pub fn account_postings(
        &self,
        prefix: &str,
        from: Option<&str>,
        to: Option<&str>,
        mut each: impl FnMut(LedgerPostingRow),
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.account, e.date, e.id, e.kind, e.reference, e.description, p.memo, p.amount,
                    (SELECT group_concat(c.account, ' ') FROM
                       (SELECT DISTINCT q.account FROM postings q
                         WHERE q.entry_id = p.entry_id AND q.account <> p.account
                         ORDER BY q.account) c)
               FROM postings p
               JOIN entries e ON e.id = p.entry_id
              WHERE p.account >= ?1 AND p.account < ?2
                AND (?3 IS NULL OR e.date >= ?3)
                AND (?4 IS NULL OR e.date <= ?4)
              ORDER BY p.account, e.date, e.id, p.idx",
        )?;
        let mut rows = stmt.query(params![prefix, upper(prefix), from, to])?;
        while let Some(r) = rows.next()? {
            let counter: Option<String> = r.get(8)?;
            each(LedgerPostingRow {
                account: r.get::<_, AccountCode>(0)?.to_string(),
                date: r.get::<_, SqlDate>(1)?.to_string(),
                entry: r.get::<_, EntryId>(2)?.0,
                kind: r.get(3)?,
                reference: r.get(4)?,
                description: r.get(5)?,
                memo: r.get(6)?,
                amount: r.get(7)?,
                counter: counter
                    .map(|c| c.split(' ').map(str::to_string).collect())
                    .unwrap_or_default(),
            });
        }
        Ok(())
    }
}
