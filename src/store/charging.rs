//! The look-ups amana's writer makes to check what a transaction charges and to warn the
//! treasurer (`rules::tags`, `app::charging`): the accounts named with `--bank` in seals,
//! budget lines and their accounts, and the movements of cash and bank accounts by day.

use chrono::NaiveDate;

use super::sql::{SqlDate, Total};
use super::{Result, Store};
use crate::domain::{AccountCode, GrantId, LineId, Minor};

impl Store {
    /// The accounts whose statement balance a seal recorded (`seal --bank`), sorted.
    pub fn sealed_bank_accounts(&self) -> Result<Vec<AccountCode>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT account FROM seal_banks ORDER BY account")?;
        let rows = stmt.query_map([], |r| r.get::<_, AccountCode>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every budget line with the account it is charged to, when it names one.
    pub fn line_accounts(&self) -> Result<Vec<(GrantId, LineId, Option<AccountCode>)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT grant_id, line_id, account FROM budget_lines")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The net movement of `account` on each day it moved.
    pub fn daily_movements(&self, account: &AccountCode) -> Result<Vec<(NaiveDate, Minor)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.date, sum(p.amount) FROM postings p JOIN entries e ON e.id = p.entry_id
              WHERE p.account = ?1 GROUP BY e.date ORDER BY e.date",
        )?;
        let rows = stmt.query_map([account.as_str()], |r| {
            Ok((r.get::<_, SqlDate>(0)?.0, r.get::<_, Total>(1)?.0))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many postings `account` has taken.
    pub fn posting_count(&self, account: &AccountCode) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM postings WHERE account = ?1",
            [account.as_str()],
            |r| r.get(0),
        )?)
    }
}
