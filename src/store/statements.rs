//! The queries of the Moroccan statements (Bilan, CPC, ETIC) of one fiscal year: each account's
//! balance at the year's end and its movements in the year, every fixed asset's depreciation
//! before and during the year, and every grant's money in the year and at its end.
//!
//! Each is one aggregate over the postings (GROUP BY, or one sub-select per asset or grant),
//! never a query per posting. The year "reads the same after its closing": the closing entry
//! dated in the year (`entries.kind = 'closing'`) is left out, as `balance --before-closing`
//! leaves it out; an earlier year's closing, which moved that year's result to net assets, is
//! kept.

use chrono::NaiveDate;

use super::sql::{SqlDate, Total};
use super::{Result, Store};
use crate::domain::{AccountCode, GrantId, Minor, format_date};

/// One account in one fiscal year: what it holds at the year's end and what moved in it.
#[derive(Debug, Clone)]
pub struct StatementRow {
    pub code: String,
    /// The account type (`asset`, `liability`, `net-assets`, `income`, `expense`, `memorandum`).
    pub kind: String,
    /// Debit positive: everything dated up to the year's last day, the year's closing left out.
    pub balance: Minor,
    /// Debit positive: the year's movements, its closing left out.
    pub movement: Minor,
    /// The year's debits and credits (credits as a positive amount), its closing left out.
    pub debits: Minor,
    pub credits: Minor,
    /// How many of its postings count (the year's closing left out): an account the closing
    /// alone touched has none, and the statements leave it out.
    pub postings: i64,
}

/// One fixed asset as the year's notes show it.
#[derive(Debug, Clone)]
pub struct AssetYearRow {
    pub id: String,
    pub label: String,
    pub account: String,
    pub acquired: String,
    pub cost: Minor,
    /// Depreciation posted before the year, and in it (positive).
    pub depreciated_before: Minor,
    pub depreciated_in_year: Minor,
}

/// One grant as the year's notes show it, in the ledger's currency (and, for the commitments,
/// what was received in the grant's own).
#[derive(Debug, Clone)]
pub struct GrantYearRow {
    pub grant: String,
    pub funder: String,
    pub funder_name: String,
    pub currency: String,
    /// The amount agreed and in force at the year's end, in the grant's currency.
    pub amount: Minor,
    pub start: String,
    /// Its last day in force at the year's end.
    pub end: String,
    pub restricted: bool,
    /// Income received in the year, and expense charged in it (transactions and reversals).
    pub received: Minor,
    pub spent: Minor,
    /// Received from the grant's start to the year's end: in the ledger's currency, and in the
    /// grant's own (the amounts postings carry in it; the ledger's when they are the same).
    pub received_to_date: Minor,
    pub received_to_date_original: Minor,
    /// Its dedicated funds at the year's end (credit positive), the year's closing left out.
    pub dedicated: Minor,
}

fn total(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Minor> {
    Ok(r.get::<_, Total>(i)?.0)
}

impl Store {
    /// Every account with a posting dated up to `to`, with its balance at `to` and its
    /// movements from `from`, the closing entries dated from `from` left out; by code.
    pub fn statement_balances(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<StatementRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.account, a.type,
                    sum(CASE WHEN e.kind = 'closing' AND e.date >= ?1 THEN 0 ELSE p.amount END),
                    sum(CASE WHEN e.kind <> 'closing' AND e.date >= ?1 THEN p.amount ELSE 0 END),
                    sum(CASE WHEN e.kind <> 'closing' AND e.date >= ?1 AND p.amount > 0
                             THEN p.amount ELSE 0 END),
                    sum(CASE WHEN e.kind <> 'closing' AND e.date >= ?1 AND p.amount < 0
                             THEN -p.amount ELSE 0 END),
                    sum(CASE WHEN e.kind = 'closing' AND e.date >= ?1 THEN 0 ELSE 1 END)
               FROM postings p
               JOIN accounts a ON a.code = p.account
               JOIN entries e ON e.id = p.entry_id
              WHERE e.date <= ?2
              GROUP BY p.account
              ORDER BY p.account",
        )?;
        let rows = stmt.query_map([format_date(from), format_date(to)], |r| {
            Ok(StatementRow {
                code: r.get::<_, AccountCode>(0)?.to_string(),
                kind: r.get(1)?,
                balance: total(r, 2)?,
                movement: total(r, 3)?,
                debits: total(r, 4)?,
                credits: total(r, 5)?,
                postings: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every fixed asset bought by `to`, with its depreciation before `from` and from `from`
    /// to `to`; by account, then id.
    pub fn statement_assets(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<AssetYearRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.label, p.account, e.date, p.amount,
                    coalesce((SELECT -sum(q.amount) FROM depreciations d
                               JOIN entries de ON de.id = d.entry_id
                               JOIN postings q ON q.entry_id = d.entry_id
                                              AND q.account = s.depreciation_account
                              WHERE d.asset_id = s.id AND de.date < ?1), 0),
                    coalesce((SELECT -sum(q.amount) FROM depreciations d
                               JOIN entries de ON de.id = d.entry_id
                               JOIN postings q ON q.entry_id = d.entry_id
                                              AND q.account = s.depreciation_account
                              WHERE d.asset_id = s.id AND de.date >= ?1 AND de.date <= ?2), 0)
               FROM assets s
               JOIN postings p ON p.entry_id = s.entry_id AND p.idx = s.posting_idx
               JOIN entries e ON e.id = s.entry_id
              WHERE e.date <= ?2
              ORDER BY p.account, s.id",
        )?;
        let rows = stmt.query_map([format_date(from), format_date(to)], |r| {
            Ok(AssetYearRow {
                id: r.get(0)?,
                label: r.get(1)?,
                account: r.get::<_, AccountCode>(2)?.to_string(),
                acquired: r.get::<_, SqlDate>(3)?.to_string(),
                cost: r.get(4)?,
                depreciated_before: total(r, 5)?,
                depreciated_in_year: total(r, 6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every grant that started by `to`, with its money in the year and at its end; by funder,
    /// then grant. Dedicated funds are what the dedicated-funds accounts the year-end entries
    /// name hold for the grant.
    pub fn statement_grants(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<GrantYearRow>> {
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT g.id, g.funder,
                    coalesce((SELECT c.name FROM funder_changes c WHERE c.funder_id = f.id
                               ORDER BY c.seq DESC LIMIT 1), f.name),
                    g.currency,
                    coalesce((SELECT x.amount FROM grant_amendments x WHERE x.grant_id = g.id
                                 AND x.amount IS NOT NULL AND x.effective <= ?2
                               ORDER BY x.seq DESC LIMIT 1), g.amount),
                    g.start_date, g.restricted,
                    coalesce((SELECT x.end_date FROM grant_amendments x WHERE x.grant_id = g.id
                                 AND x.end_date IS NOT NULL AND x.effective <= ?2
                               ORDER BY x.seq DESC LIMIT 1), g.end_date),
                    coalesce((SELECT -sum(p.amount) FROM postings p JOIN accounts a ON a.code = p.account
                               JOIN entries e ON e.id = p.entry_id
                              WHERE p.grant_id = g.id AND a.type = 'income'
                                AND e.date >= ?1 AND e.date <= ?2 AND ",
            recorded_entry!(),
            "), 0),
                    coalesce((SELECT sum(p.amount) FROM postings p JOIN accounts a ON a.code = p.account
                               JOIN entries e ON e.id = p.entry_id
                              WHERE p.grant_id = g.id AND (a.type = 'expense' OR p.line_id IS NOT NULL)
                                AND e.date >= ?1 AND e.date <= ?2 AND ",
            recorded_entry!(),
            "), 0),
                    coalesce((SELECT -sum(p.amount) FROM postings p JOIN accounts a ON a.code = p.account
                               JOIN entries e ON e.id = p.entry_id
                              WHERE p.grant_id = g.id AND a.type = 'income' AND e.date <= ?2 AND ",
            recorded_entry!(),
            "), 0),
                    coalesce((SELECT -sum(CASE WHEN p.original_currency = g.currency
                                               THEN p.original_amount ELSE p.amount END)
                               FROM postings p JOIN accounts a ON a.code = p.account
                               JOIN entries e ON e.id = p.entry_id
                              WHERE p.grant_id = g.id AND a.type = 'income' AND e.date <= ?2 AND ",
            recorded_entry!(),
            "), 0),
                    coalesce((SELECT -sum(p.amount) FROM postings p JOIN entries e ON e.id = p.entry_id
                              WHERE p.grant_id = g.id AND e.date <= ?2
                                AND NOT (e.kind = 'closing' AND e.date >= ?1)
                                AND p.account IN (SELECT y.dedicated_account FROM year_ends y
                                                   WHERE y.dedicated_account IS NOT NULL)), 0)
               FROM grants g JOIN funders f ON f.id = g.funder
              WHERE g.start_date <= ?2
              ORDER BY g.funder, g.id",
        ))?;
        let rows = stmt.query_map([format_date(from), format_date(to)], |r| {
            Ok(GrantYearRow {
                grant: r.get::<_, GrantId>(0)?.to_string(),
                funder: r.get(1)?,
                funder_name: r.get(2)?,
                currency: r.get(3)?,
                amount: r.get(4)?,
                start: r.get::<_, SqlDate>(5)?.to_string(),
                restricted: r.get::<_, i64>(6)? != 0,
                end: r.get::<_, SqlDate>(7)?.to_string(),
                received: total(r, 8)?,
                spent: total(r, 9)?,
                received_to_date: total(r, 10)?,
                received_to_date_original: total(r, 11)?,
                dedicated: total(r, 12)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
