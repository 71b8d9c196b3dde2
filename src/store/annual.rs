//! The queries of the annual report (`report annual --year Y`): a handful of aggregates, each
//! one pass over the postings it needs, grouped in SQL (the report must come out in well under a
//! second on a million transactions, so nothing here reads a posting at a time).
//!
//! A year's income and expense are read as `balance --from --to --before-closing` reads them:
//! every entry dated in the year except the closings (`entries.kind = 'closing'`, which is also
//! how a `year-closing` is stored), so a closed year reads the same as before its closing. A
//! balance at a year's end is every entry dated on or before it, closings included, as
//! `balance --as-of` gives it.

use chrono::NaiveDate;

use super::sql::{SqlDate, Total};
use super::{Result, Store};
use crate::domain::{AccountCode, EntryId, FunderId, GrantId, Minor, format_date};

/// The days a two-year report reads: the previous fiscal year's first day, the year's first
/// day and its last day.
#[derive(Debug, Clone, Copy)]
pub struct YearSpan {
    pub previous_start: NaiveDate,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl YearSpan {
    fn texts(&self) -> [String; 3] {
        [
            format_date(self.previous_start),
            format_date(self.start),
            format_date(self.end),
        ]
    }
}

/// One account, with its balance at both years' ends and its movements of both years.
#[derive(Debug, Clone)]
pub struct YearAccountRow {
    pub code: String,
    pub name: String,
    pub kind: String,
    /// Balance on the year's last day, closings included.
    pub end: Minor,
    /// Balance on the previous year's last day, closings included.
    pub previous_end: Minor,
    /// Movements dated in the year, closings left out.
    pub year: Minor,
    pub previous_year: Minor,
}

/// What one funder (or no funder: `None`) brought as income in each year.
#[derive(Debug, Clone)]
pub struct YearFundingRow {
    pub funder: Option<String>,
    /// Positive: the net credit of income postings, closings left out.
    pub year: Minor,
    pub previous_year: Minor,
}

/// One grant, its agreement in force and its figures up to the year's end.
#[derive(Debug, Clone)]
pub struct YearGrantRow {
    pub id: String,
    pub funder: String,
    /// The agreement's amount in force, in minor units of the grant's currency.
    pub amount: Minor,
    pub currency: String,
    pub start: String,
    pub end: String,
    pub restricted: bool,
    /// The sum of its budget lines in force (base currency).
    pub budget: Minor,
    /// `grant list`'s received and spent (recorded entries only), dated in the year.
    pub received_year: Minor,
    pub spent_year: Minor,
    /// The same, dated from the start up to the year's end.
    pub received_to_date: Minor,
    pub spent_to_date: Minor,
    /// Expense-account postings charged to it in the year, closings left out (carries to
    /// dedicated funds and depreciations included, as the statement of activities counts them).
    pub expense_year: Minor,
    /// What the dedicated funds hold for it after the year-end entries of the year and earlier.
    pub dedicated: Minor,
}

/// A year closing's result, with its allocation when the assembly decided it.
#[derive(Debug, Clone)]
pub struct ResultRow {
    pub closing_seq: i64,
    pub closing_date: String,
    pub account: String,
    /// The closing's posting: negative (a credit) for a surplus.
    pub amount: Minor,
    /// (allocation date, [(account, posting amount)]) of the parts, when allocated.
    pub allocation: Option<(String, Vec<(String, Minor)>)>,
}

/// One seal recorded in the chain.
#[derive(Debug, Clone)]
pub struct SealRow {
    pub seq: i64,
    pub period_end: Option<String>,
    pub covered: i64,
}

/// One reversal.
#[derive(Debug, Clone)]
pub struct ReversalRow {
    pub entry: i64,
    pub date: String,
    pub reverses: i64,
    pub reason: String,
    pub description: String,
}

/// One officer, as registered.
#[derive(Debug, Clone)]
pub struct OfficerRow {
    pub seq: i64,
    pub id: String,
    pub name: String,
    pub role: String,
}

fn total(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Minor> {
    Ok(r.get::<_, Total>(i)?.0)
}

impl Store {
    /// Every account with a posting on or before the year's end: both years' end balances and
    /// movements, in one pass.
    pub fn year_accounts(&self, span: &YearSpan) -> Result<Vec<YearAccountRow>> {
        let [previous_start, start, end] = span.texts();
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.account,
                    coalesce((SELECT c.name FROM account_changes c WHERE c.code = a.code
                               AND c.name IS NOT NULL ORDER BY c.seq DESC LIMIT 1), a.name),
                    a.type,
                    sum(p.amount),
                    sum(CASE WHEN e.date < ?2 THEN p.amount ELSE 0 END),
                    sum(CASE WHEN e.date >= ?2 AND e.kind <> 'closing' THEN p.amount ELSE 0 END),
                    sum(CASE WHEN e.date >= ?1 AND e.date < ?2 AND e.kind <> 'closing'
                             THEN p.amount ELSE 0 END)
               FROM entries e
               JOIN postings p ON p.entry_id = e.id
               JOIN accounts a ON a.code = p.account
              WHERE e.date <= ?3
              GROUP BY p.account
              ORDER BY p.account",
        )?;
        let rows = stmt.query_map([previous_start, start, end], |r| {
            Ok(YearAccountRow {
                code: r.get::<_, AccountCode>(0)?.to_string(),
                name: r.get(1)?,
                kind: r.get(2)?,
                end: total(r, 3)?,
                previous_end: total(r, 4)?,
                year: total(r, 5)?,
                previous_year: total(r, 6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The income of both years by funder: a grant's funder, else the funder the posting's
    /// `source` names (a reversal's posting takes its original's), else none.
    pub fn year_funding(&self, span: &YearSpan) -> Result<Vec<YearFundingRow>> {
        let [previous_start, start, end] = span.texts();
        let mut stmt = self.conn.prepare_cached(
            "SELECT coalesce(g.funder, s.funder_id) AS source_funder,
                    sum(CASE WHEN e.date >= ?2 THEN -p.amount ELSE 0 END),
                    sum(CASE WHEN e.date < ?2 THEN -p.amount ELSE 0 END)
               FROM entries e
               JOIN postings p ON p.entry_id = e.id
               JOIN accounts a ON a.code = p.account
               LEFT JOIN grants g ON g.id = p.grant_id
               LEFT JOIN sources s ON s.entry_id = coalesce(e.reverses, e.id) AND s.posting = p.idx
              WHERE e.date BETWEEN ?1 AND ?3 AND e.kind <> 'closing' AND a.type = 'income'
              GROUP BY source_funder
              ORDER BY source_funder",
        )?;
        let rows = stmt.query_map([previous_start, start, end], |r| {
            Ok(YearFundingRow {
                funder: r.get::<_, Option<FunderId>>(0)?.map(|f| f.to_string()),
                year: total(r, 1)?,
                previous_year: total(r, 2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every grant with its figures up to the year's end (fiscal `year` names the year-end
    /// entries that count for its dedicated funds).
    pub fn year_grants(&self, span: &YearSpan, year: i32) -> Result<Vec<YearGrantRow>> {
        let [_, start, end] = span.texts();
        let sql = concat!(
            "WITH m AS (
               SELECT p.grant_id AS grant_id,
                      sum(CASE WHEN a.type = 'income' AND e.date >= ?1 AND ",
            recorded_entry!(),
            " THEN -p.amount ELSE 0 END) AS received_year,
                      sum(CASE WHEN (a.type = 'expense' OR p.line_id IS NOT NULL) AND e.date >= ?1 AND ",
            recorded_entry!(),
            " THEN p.amount ELSE 0 END) AS spent_year,
                      sum(CASE WHEN a.type = 'income' AND ",
            recorded_entry!(),
            " THEN -p.amount ELSE 0 END) AS received,
                      sum(CASE WHEN (a.type = 'expense' OR p.line_id IS NOT NULL) AND ",
            recorded_entry!(),
            " THEN p.amount ELSE 0 END) AS spent,
                      sum(CASE WHEN a.type = 'expense' AND e.date >= ?1 AND e.kind <> 'closing'
                               THEN p.amount ELSE 0 END) AS expense_year
                 FROM postings p
                 JOIN entries e ON e.id = p.entry_id
                 JOIN accounts a ON a.code = p.account
                WHERE p.grant_id IS NOT NULL AND e.date <= ?2
                GROUP BY p.grant_id),
             d AS (
               SELECT p.grant_id AS grant_id, -sum(p.amount) AS carried
                 FROM year_ends y
                 JOIN postings p ON p.entry_id = y.entry_id
                WHERE y.kind IN ('dedicated-funds', 'year-closing') AND y.year <= ?3
                  AND p.account = y.dedicated_account AND p.grant_id IS NOT NULL
                GROUP BY p.grant_id)
             SELECT g.id, g.funder,
                    coalesce((SELECT x.amount FROM grant_amendments x WHERE x.grant_id = g.id
                                 AND x.amount IS NOT NULL ORDER BY x.seq DESC LIMIT 1), g.amount),
                    g.currency, g.start_date,
                    coalesce((SELECT x.end_date FROM grant_amendments x WHERE x.grant_id = g.id
                                 AND x.end_date IS NOT NULL ORDER BY x.seq DESC LIMIT 1), g.end_date),
                    g.restricted,
                    coalesce((SELECT sum(coalesce((SELECT x.amount FROM budget_line_amendments x
                                   WHERE x.grant_id = b.grant_id AND x.line_id = b.line_id
                                     AND x.amount IS NOT NULL ORDER BY x.seq DESC LIMIT 1), b.amount))
                                FROM budget_lines b WHERE b.grant_id = g.id
                                 AND NOT EXISTS (SELECT 1 FROM budget_line_amendments x
                                                  WHERE x.grant_id = b.grant_id AND x.line_id = b.line_id
                                                    AND x.withdrawn = 1 AND x.effective <= ?2)), 0),
                    coalesce(m.received_year, 0), coalesce(m.spent_year, 0),
                    coalesce(m.received, 0), coalesce(m.spent, 0), coalesce(m.expense_year, 0),
                    coalesce(d.carried, 0)
               FROM grants g
               LEFT JOIN m ON m.grant_id = g.id
               LEFT JOIN d ON d.grant_id = g.id
              ORDER BY g.id"
        );
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(rusqlite::params![start, end, year], |r| {
            Ok(YearGrantRow {
                id: r.get::<_, GrantId>(0)?.to_string(),
                funder: r.get::<_, FunderId>(1)?.to_string(),
                amount: r.get(2)?,
                currency: r.get(3)?,
                start: r.get::<_, SqlDate>(4)?.to_string(),
                end: r.get::<_, SqlDate>(5)?.to_string(),
                restricted: r.get::<_, i64>(6)? != 0,
                budget: total(r, 7)?,
                received_year: total(r, 8)?,
                spent_year: total(r, 9)?,
                received_to_date: total(r, 10)?,
                spent_to_date: total(r, 11)?,
                expense_year: total(r, 12)?,
                dedicated: total(r, 13)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The net-assets accounts that closings of the form before dedicated funds named as
    /// restricted: what they hold is not the association's free reserve.
    pub fn restricted_net_assets_accounts(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT restricted_account FROM closings ORDER BY 1")?;
        let rows = stmt.query_map([], |r| Ok(r.get::<_, AccountCode>(0)?.to_string()))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The results of fiscal `year`'s year closings (a reopened year has several), each with
    /// the allocation that names it.
    pub fn year_results(&self, year: i32) -> Result<Vec<ResultRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT y.seq, e.date, p.account, p.amount
               FROM year_ends y
               JOIN entries e ON e.id = y.entry_id
               JOIN postings p ON p.entry_id = y.entry_id
              WHERE y.kind = 'year-closing' AND y.year = ?1 AND p.grant_id IS NULL
                AND p.account IN (y.surplus_account, y.deficit_account)
              ORDER BY y.seq",
        )?;
        let mut out: Vec<ResultRow> = stmt
            .query_map([year], |r| {
                Ok(ResultRow {
                    closing_seq: r.get(0)?,
                    closing_date: r.get::<_, SqlDate>(1)?.to_string(),
                    account: r.get::<_, AccountCode>(2)?.to_string(),
                    amount: r.get(3)?,
                    allocation: None,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut parts = self.conn.prepare_cached(
            "SELECT e.date, p.account, p.amount
               FROM year_ends y
               JOIN entries e ON e.id = y.entry_id
               JOIN postings p ON p.entry_id = y.entry_id
              WHERE y.kind = 'allocation' AND y.closing = ?1 AND p.idx > 0
              ORDER BY y.seq, p.idx",
        )?;
        for result in &mut out {
            let rows: Vec<(String, String, Minor)> = parts
                .query_map([result.closing_seq], |r| {
                    Ok((
                        r.get::<_, SqlDate>(0)?.to_string(),
                        r.get::<_, AccountCode>(1)?.to_string(),
                        r.get(2)?,
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?;
            if let Some((date, _, _)) = rows.first() {
                let date = date.clone();
                result.allocation =
                    Some((date, rows.into_iter().map(|(_, a, m)| (a, m)).collect()));
            }
        }
        Ok(out)
    }

    /// Every seal, in chain order.
    pub fn seal_rows(&self) -> Result<Vec<SealRow>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq, period_end, covered FROM seals ORDER BY seq")?;
        let rows = stmt.query_map([], |r| {
            Ok(SealRow {
                seq: r.get(0)?,
                period_end: r.get::<_, Option<SqlDate>>(1)?.map(|d| d.to_string()),
                covered: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The reversals dated from `from` to `to`, by date.
    pub fn reversals(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<ReversalRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.date, e.reverses, coalesce(e.reason, ''), o.description
               FROM entries e JOIN entries o ON o.id = e.reverses
              WHERE e.kind = 'reversal' AND e.date BETWEEN ?1 AND ?2
              ORDER BY e.date, e.id",
        )?;
        let rows = stmt.query_map([format_date(from), format_date(to)], |r| {
            Ok(ReversalRow {
                entry: r.get::<_, EntryId>(0)?.0,
                date: r.get::<_, SqlDate>(1)?.to_string(),
                reverses: r.get::<_, EntryId>(2)?.0,
                reason: r.get(3)?,
                description: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every officer registered, in chain order.
    pub fn officer_rows(&self) -> Result<Vec<OfficerRow>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq, id, name, role FROM officers ORDER BY seq")?;
        let rows = stmt.query_map([], |r| {
            Ok(OfficerRow {
                seq: r.get(0)?,
                id: r.get(1)?,
                name: r.get(2)?,
                role: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
