//! The queries of where money comes from: what each funder gave (on its grants and without
//! one), the donor register of a year, and the in-kind contributions of memorandum accounts.
//!
//! An income posting's funder is its grant's funder, or else the funder its `source` names; a
//! reversal's posting takes its original's (CHAIN.md rule 17). Only `transaction` and
//! `reversal` entries count: a closing moves the year's result, it receives nothing.

use chrono::NaiveDate;

use super::sql::{SqlDate, Total};
use super::{Result, Store};
use crate::domain::{EntryId, FunderId, Minor, format_date};

/// The money each income posting brought, with its funder (NULL when it has none): the one
/// definition the funder list and the donor register read. `received` is the credit, positive.
const ATTRIBUTED: &str = concat!(
    "
    SELECT e.id AS entry_id, e.date AS date, e.kind AS kind, e.reverses AS reverses,
           e.description AS description, -p.amount AS received, p.grant_id AS grant_id,
           coalesce(g.funder, s.funder_id) AS funder
      FROM postings p
      JOIN entries e ON e.id = p.entry_id
      JOIN accounts a ON a.code = p.account
      LEFT JOIN grants g ON g.id = p.grant_id
      LEFT JOIN sources s ON s.entry_id = coalesce(e.reverses, e.id) AND s.posting = p.idx
     WHERE a.type = 'income' AND ",
    recorded_entry!()
);

/// What one funder gave, in base-currency minor units.
#[derive(Debug, Clone)]
pub struct FunderIncomeRow {
    pub funder: String,
    /// Income charged to its grants (transactions and reversals).
    pub on_grants: Minor,
    /// Income it gave without a grant (postings whose `source` names it).
    pub without_grant: Minor,
}

/// One gift that stands (its transaction not reversed), as the donor register lists it.
#[derive(Debug, Clone)]
pub struct GiftRow {
    pub funder: String,
    pub entry: EntryId,
    pub date: String,
    pub description: String,
    pub amount: Minor,
}

/// One in-kind contribution: a transaction on memorandum accounts.
#[derive(Debug, Clone)]
pub struct InKindRow {
    pub entry: EntryId,
    pub date: String,
    pub description: String,
    /// The resource account credited (what came in) and the use account debited.
    pub resource: String,
    pub resource_name: String,
    pub use_account: String,
    pub value: Minor,
    pub funder: Option<String>,
    /// Reversed, or a reversal: it no longer stands.
    pub cancelled: bool,
}

impl Store {
    /// Every funder's income, on its grants and without one, by funder id.
    pub fn funder_income(&self) -> Result<Vec<FunderIncomeRow>> {
        // One pass over the income postings, grouped by funder (not one per funder).
        let sql = format!(
            "WITH m AS ({ATTRIBUTED}),
                  s AS (SELECT m.funder AS funder,
                               sum(CASE WHEN m.grant_id IS NOT NULL THEN m.received END) AS on_grants,
                               sum(CASE WHEN m.grant_id IS NULL THEN m.received END) AS without_grant
                          FROM m WHERE m.funder IS NOT NULL GROUP BY m.funder)
             SELECT f.id, coalesce(s.on_grants, 0), coalesce(s.without_grant, 0)
               FROM funders f LEFT JOIN s ON s.funder = f.id ORDER BY f.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(FunderIncomeRow {
                funder: r.get::<_, FunderId>(0)?.to_string(),
                on_grants: r.get::<_, Total>(1)?.0,
                without_grant: r.get::<_, Total>(2)?.0,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The gifts dated from `from` to `to` (inclusive) that stand: one per transaction and
    /// funder, by funder then date. A reversed gift and its reversal cancel out and are left
    /// out both, whatever their dates.
    pub fn gifts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<GiftRow>> {
        let sql = format!(
            "WITH m AS ({ATTRIBUTED})
             SELECT m.funder, m.entry_id, m.date, m.description, sum(m.received)
               FROM m
              WHERE m.funder IS NOT NULL AND m.kind = 'transaction'
                AND m.date BETWEEN ?1 AND ?2
                AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses = m.entry_id)
              GROUP BY m.funder, m.entry_id
              ORDER BY m.funder, m.date, m.entry_id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([format_date(from), format_date(to)], |r| {
            Ok(GiftRow {
                funder: r.get::<_, FunderId>(0)?.to_string(),
                entry: r.get(1)?,
                date: r.get::<_, SqlDate>(2)?.to_string(),
                description: r.get(3)?,
                amount: r.get::<_, Total>(4)?.0,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The transactions on memorandum accounts dated from `from` to `to`: each with its
    /// largest credit (the resource) and largest debit (the use), and the funder a source
    /// names for any of its postings.
    pub fn in_kind(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<InKindRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.date, e.description,
                    (SELECT p.account FROM postings p WHERE p.entry_id = e.id AND p.amount < 0
                      ORDER BY p.amount, p.idx LIMIT 1) AS resource,
                    (SELECT p.account FROM postings p WHERE p.entry_id = e.id AND p.amount > 0
                      ORDER BY p.amount DESC, p.idx LIMIT 1) AS use_account,
                    coalesce((SELECT -sum(p.amount) FROM postings p
                               WHERE p.entry_id = e.id AND p.amount < 0), 0),
                    (SELECT s.funder_id FROM sources s WHERE s.entry_id = coalesce(e.reverses, e.id)
                      ORDER BY s.posting LIMIT 1),
                    (e.reverses IS NOT NULL
                       OR EXISTS (SELECT 1 FROM entries r WHERE r.reverses = e.id))
               FROM entries e
              WHERE e.kind IN ('transaction', 'reversal') AND e.date BETWEEN ?1 AND ?2
                AND EXISTS (SELECT 1 FROM postings p JOIN accounts a ON a.code = p.account
                             WHERE p.entry_id = e.id AND a.type = 'memorandum')
              ORDER BY e.date, e.id",
        )?;
        let rows = stmt.query_map([format_date(from), format_date(to)], |r| {
            Ok(InKindRow {
                entry: r.get(0)?,
                date: r.get::<_, SqlDate>(1)?.to_string(),
                description: r.get(2)?,
                resource: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                resource_name: String::new(),
                use_account: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                value: r.get::<_, Total>(5)?.0,
                funder: r.get(6)?,
                cancelled: r.get(7)?,
            })
        })?;
        let mut out: Vec<InKindRow> = rows.collect::<rusqlite::Result<_>>()?;
        let mut names = self.conn.prepare_cached(
            "SELECT coalesce((SELECT c.name FROM account_changes c WHERE c.code = a.code
                                AND c.name IS NOT NULL ORDER BY c.seq DESC LIMIT 1), a.name)
               FROM accounts a WHERE a.code = ?1",
        )?;
        for row in &mut out {
            row.resource_name = names
                .query_row([&row.resource], |r| r.get(0))
                .unwrap_or_default();
        }
        Ok(out)
    }
}

/// A grant's funder, currency and period in force.
#[derive(Debug, Clone)]
pub struct GrantPeriodRow {
    pub id: String,
    pub funder: String,
    pub currency: String,
    pub start: String,
    pub end: String,
}

impl Store {
    /// The funder each `source` names, by (entry id, posting): a reversal's postings are
    /// looked up under the entry it reverses.
    pub fn posting_sources(&self) -> Result<std::collections::HashMap<(i64, i64), String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT entry_id, posting, funder_id FROM sources")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                (r.get::<_, EntryId>(0)?.0, r.get::<_, i64>(1)?),
                r.get::<_, FunderId>(2)?.to_string(),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every grant's funder, currency and period in force, by id (without the totals the
    /// grant listing computes).
    pub fn grant_periods(&self) -> Result<Vec<GrantPeriodRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT g.id, g.funder, g.currency, g.start_date,
                    coalesce((SELECT x.end_date FROM grant_amendments x WHERE x.grant_id = g.id
                                 AND x.end_date IS NOT NULL ORDER BY x.seq DESC LIMIT 1), g.end_date)
               FROM grants g ORDER BY g.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(GrantPeriodRow {
                id: r.get::<_, crate::domain::GrantId>(0)?.to_string(),
                funder: r.get::<_, FunderId>(1)?.to_string(),
                currency: r.get(2)?,
                start: r.get::<_, SqlDate>(3)?.to_string(),
                end: r.get::<_, SqlDate>(4)?.to_string(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
