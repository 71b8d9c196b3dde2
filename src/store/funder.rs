//! What the funder report (`amana report funder`) reads of one grant, each in one statement:
//! per budget line the spending through a day and in a period (one `GROUP BY`), the
//! instalments received, every expense charged with its receipts' fingerprints, the other
//! grants that fund the same expense accounts, what the year ends carried to dedicated funds,
//! and the treasurer's explanations of variances.
//!
//! Spending and receipts count the postings `grant list` counts (store's `recorded_entry!`:
//! transactions and reversals, not the year-end entries nor depreciations), so the report's
//! totals are the listing's. Dates are `YYYY-MM-DD` text; `None` leaves a bound open.

use super::sql::{SqlDate, Total};
use super::{Result, Store};
use crate::domain::{AccountCode, GrantId, LineId, Minor};

/// One budget line's spending (or, `line` `None`, the spending charged to the grant on no
/// line), in the ledger's currency and in the grant's.
#[derive(Debug, Clone)]
pub struct LineSpending {
    pub line: Option<String>,
    /// From the grant's start through the last day asked.
    pub spent: Minor,
    pub spent_original: Minor,
    /// Whether one of those postings carries no amount in the grant's currency.
    pub missing_original: bool,
    /// The same, dated in the period asked (from its first day).
    pub period_spent: Minor,
    pub period_spent_original: Minor,
}

/// A posting charged to the grant: an instalment received (income, positive when received)
/// or an expense (positive when spent).
#[derive(Debug, Clone)]
pub struct GrantPosting {
    pub entry: i64,
    pub date: String,
    pub reference: Option<String>,
    pub description: String,
    pub line: Option<String>,
    pub account: String,
    pub amount: Minor,
    /// The amount in the currency the money moved in, with the posting's sign turned as
    /// `amount`'s, and that currency.
    pub original: Option<(Minor, String)>,
    pub memo: Option<String>,
    /// The SHA-256 of each receipt kept for its transaction, lowercase hex.
    pub receipts: Vec<String>,
}

/// What one grant (`None`: the association's own money, on no grant) spent on an expense
/// account that the reported grant also spends on.
#[derive(Debug, Clone)]
pub struct AccountFunding {
    pub account: String,
    pub name: String,
    pub grant: Option<String>,
    pub spent: Minor,
}

/// A variance note as recorded.
#[derive(Debug, Clone)]
pub struct NoteRow {
    pub seq: i64,
    pub line: String,
    pub through: String,
    pub text: String,
}

/// The bounds of a report: the period's first day (`None`: the grant's start) and last day
/// (`None`: everything recorded).
#[derive(Debug, Clone, Default)]
pub struct Window {
    pub from: Option<String>,
    pub to: Option<String>,
}

const ACCOUNT_NAME: &str = "coalesce((SELECT c.name FROM account_changes c WHERE c.code = a.code
                              AND c.name IS NOT NULL ORDER BY c.seq DESC LIMIT 1), a.name)";

impl Store {
    /// Spending per budget line of `grant`: cumulated through `w.to`, and in `w` (one
    /// aggregate over the grant's postings, by line).
    pub fn funder_line_spending(&self, grant: &str, w: &Window) -> Result<Vec<LineSpending>> {
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT p.line_id, sum(p.amount),
                    coalesce(sum(CASE WHEN p.original_currency = g.currency THEN p.original_amount END), 0),
                    max(p.original_currency IS NOT g.currency),
                    coalesce(sum(CASE WHEN ?2 IS NULL OR e.date >= ?2 THEN p.amount END), 0),
                    coalesce(sum(CASE WHEN (?2 IS NULL OR e.date >= ?2)
                                       AND p.original_currency = g.currency
                                      THEN p.original_amount END), 0)
               FROM postings p JOIN accounts a ON a.code = p.account
               JOIN entries e ON e.id = p.entry_id JOIN grants g ON g.id = p.grant_id
              WHERE p.grant_id = ?1 AND (a.type = 'expense' OR p.line_id IS NOT NULL)
                AND (?3 IS NULL OR e.date <= ?3) AND ",
            recorded_entry!(),
            " GROUP BY p.line_id ORDER BY p.line_id",
        ))?;
        let rows = stmt.query_map(rusqlite::params![grant, w.from, w.to], |r| {
            Ok(LineSpending {
                line: r
                    .get::<_, Option<LineId>>(0)?
                    .map(|l| l.as_str().to_string()),
                spent: r.get::<_, Total>(1)?.0,
                spent_original: r.get::<_, Total>(2)?.0,
                missing_original: r.get::<_, i64>(3)? != 0,
                period_spent: r.get::<_, Total>(4)?.0,
                period_spent_original: r.get::<_, Total>(5)?.0,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The postings charged to `grant` dated in `w`: its instalments (`income` true: the
    /// income postings, positive when received) or its expenses (what `grant list` counts as
    /// spent), in date order, each with its transaction's receipts.
    pub fn funder_postings(
        &self,
        grant: &str,
        w: &Window,
        income: bool,
    ) -> Result<Vec<GrantPosting>> {
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT e.id, e.date, e.reference, e.description, p.line_id, p.account,
                    CASE WHEN ?4 THEN -p.amount ELSE p.amount END,
                    CASE WHEN ?4 THEN -p.original_amount ELSE p.original_amount END,
                    p.original_currency, p.memo,
                    (SELECT group_concat(lower(hex(r.sha256)), ' ') FROM receipts r
                      WHERE r.entry_id = e.id)
               FROM postings p JOIN accounts a ON a.code = p.account
               JOIN entries e ON e.id = p.entry_id
              WHERE p.grant_id = ?1
                AND CASE WHEN ?4 THEN a.type = 'income'
                         ELSE a.type = 'expense' OR p.line_id IS NOT NULL END
                AND (?2 IS NULL OR e.date >= ?2) AND (?3 IS NULL OR e.date <= ?3) AND ",
            recorded_entry!(),
            " ORDER BY e.date, e.id, p.idx",
        ))?;
        let rows = stmt.query_map(rusqlite::params![grant, w.from, w.to, income], |r| {
            let original = match (
                r.get::<_, Option<Minor>>(7)?,
                r.get::<_, Option<String>>(8)?,
            ) {
                (Some(m), Some(c)) => Some((m, c)),
                _ => None,
            };
            Ok(GrantPosting {
                entry: r.get(0)?,
                date: r.get::<_, SqlDate>(1)?.to_string(),
                reference: r.get(2)?,
                description: r.get(3)?,
                line: r
                    .get::<_, Option<LineId>>(4)?
                    .map(|l| l.as_str().to_string()),
                account: r.get::<_, AccountCode>(5)?.as_str().to_string(),
                amount: r.get(6)?,
                original,
                memo: r.get(9)?,
                receipts: r
                    .get::<_, Option<String>>(10)?
                    .map(|s| s.split(' ').map(str::to_string).collect())
                    .unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every grant's (and the association's own) spending dated in `w` on the expense
    /// accounts `grant` spends on in `w`, by account then grant (one aggregate).
    ///
    /// This is the report's one aggregate over other grants' postings, so its cost grows with
    /// the ledger (about a third of a million postings per expense account in a ledger of a
    /// million transactions). Without a period it reads `year_totals`; in a file of an earlier
    /// release, which has none yet, the covering index `postings_by_account_grant` alone, naming
    /// the entries left out by the small tables that list them (year ends, depreciations,
    /// closings: exactly the entries `recorded_entry!` leaves out); with a period, it starts
    /// from the period's entries (by date). A test holds the forms to the same figures.
    pub fn funder_cofunding(&self, grant: &str, w: &Window) -> Result<Vec<AccountFunding>> {
        let sql = if w.from.is_none() && w.to.is_none() && self.has_year_totals()? {
            // The year totals (CHAIN.md section 6b) hold the same sums a few rows per account,
            // grant line and year: the recorded entries are the transactions and reversals.
            format!(
                "SELECT t.account, {ACCOUNT_NAME}, nullif(t.grant_id, ''), sum(t.amount)
                   FROM year_totals t JOIN accounts a ON a.code = t.account
                  WHERE a.type = 'expense' AND t.kind IN ('transaction', 'reversal')
                    AND t.account IN (SELECT DISTINCT q.account FROM year_totals q
                                        JOIN accounts b ON b.code = q.account
                                       WHERE q.grant_id = ?1 AND b.type = 'expense')
                    AND ?2 IS NULL AND ?3 IS NULL
                  GROUP BY t.account, t.grant_id ORDER BY t.account, nullif(t.grant_id, '')"
            )
        } else if w.from.is_none() && w.to.is_none() {
            format!(
                "SELECT p.account, {ACCOUNT_NAME}, p.grant_id, sum(p.amount)
                   FROM postings p JOIN accounts a ON a.code = p.account
                  WHERE a.type = 'expense'
                    AND p.account IN (SELECT DISTINCT q.account FROM postings q
                                        JOIN accounts b ON b.code = q.account
                                       WHERE q.grant_id = ?1 AND b.type = 'expense')
                    AND p.entry_id NOT IN (SELECT entry_id FROM year_ends
                                           UNION ALL SELECT entry_id FROM depreciations
                                           UNION ALL SELECT entry_id FROM closings)
                    AND ?2 IS NULL AND ?3 IS NULL
                  GROUP BY p.account, p.grant_id ORDER BY p.account, p.grant_id"
            )
        } else {
            // `+p.account`: the period's entries drive the query (entries_by_date), not
            // every posting of the account.
            format!(
                "SELECT p.account, {ACCOUNT_NAME}, p.grant_id, sum(p.amount)
                   FROM entries e JOIN postings p ON p.entry_id = e.id
                   JOIN accounts a ON a.code = p.account
                  WHERE a.type = 'expense'
                    AND +p.account IN (SELECT DISTINCT q.account FROM postings q
                                        JOIN accounts b ON b.code = q.account
                                        JOIN entries d ON d.id = q.entry_id
                                       WHERE q.grant_id = ?1 AND b.type = 'expense'
                                         AND (?2 IS NULL OR d.date >= ?2)
                                         AND (?3 IS NULL OR d.date <= ?3))
                    AND (?2 IS NULL OR e.date >= ?2) AND (?3 IS NULL OR e.date <= ?3) AND {}
                  GROUP BY p.account, p.grant_id ORDER BY p.account, p.grant_id",
                recorded_entry!()
            )
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params![grant, w.from, w.to], |r| {
            Ok(AccountFunding {
                account: r.get::<_, AccountCode>(0)?.as_str().to_string(),
                name: r.get(1)?,
                grant: r
                    .get::<_, Option<GrantId>>(2)?
                    .map(|g| g.as_str().to_string()),
                spent: r.get::<_, Total>(3)?.0,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What each fiscal year's end moved on the dedicated-funds account for `grant`, through
    /// `to`: (year, carried: positive when carried to the fund, negative when released).
    pub fn funder_dedicated(&self, grant: &str, to: Option<&str>) -> Result<Vec<(i64, Minor)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT y.year, -sum(p.amount)
               FROM year_ends y JOIN entries e ON e.id = y.entry_id
               JOIN postings p ON p.entry_id = y.entry_id AND p.account = y.dedicated_account
              WHERE p.grant_id = ?1 AND (?2 IS NULL OR e.date <= ?2)
              GROUP BY y.year ORDER BY y.year",
        )?;
        let rows = stmt.query_map(rusqlite::params![grant, to], |r| {
            Ok((r.get(0)?, r.get::<_, Total>(1)?.0))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A funder's name in force and its type, if it exists.
    pub fn funder_identity(&self, funder: &str) -> Result<Option<(String, String)>> {
        use rusqlite::OptionalExtension;
        let mut stmt = self.conn.prepare_cached(
            "SELECT coalesce((SELECT c.name FROM funder_changes c WHERE c.funder_id = f.id
                               ORDER BY c.seq DESC LIMIT 1), f.name), f.type
               FROM funders f WHERE f.id = ?1",
        )?;
        Ok(stmt
            .query_row([funder], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// The variance threshold in force for `grant` (its latest `variance-threshold`):
    /// (percent, amount), if it has one.
    pub fn variance_threshold(&self, grant: &str) -> Result<Option<(i64, Minor)>> {
        use rusqlite::OptionalExtension;
        let mut stmt = self.conn.prepare_cached(
            "SELECT percent, amount FROM variance_thresholds WHERE grant_id = ?1
              ORDER BY seq DESC LIMIT 1",
        )?;
        Ok(stmt
            .query_row([grant], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// The variance notes of `grant` that explain figures through `to` or earlier, by
    /// `through` then chain order (the last of a line is the one a report prints).
    pub fn variance_notes(&self, grant: &str, to: Option<&str>) -> Result<Vec<NoteRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, line_id, through, text FROM variance_notes
              WHERE grant_id = ?1 AND (?2 IS NULL OR through <= ?2)
              ORDER BY through, seq",
        )?;
        let rows = stmt.query_map(rusqlite::params![grant, to], |r| {
            Ok(NoteRow {
                seq: r.get(0)?,
                line: r.get::<_, LineId>(1)?.as_str().to_string(),
                through: r.get::<_, SqlDate>(2)?.to_string(),
                text: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
