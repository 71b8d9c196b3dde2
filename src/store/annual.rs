//! The queries of the annual report (`report annual --year Y`): a handful of aggregates, each
//! one pass over the postings it needs, grouped in SQL (the report must come out in well under a
//! second on a million transactions, so nothing here reads a posting at a time).
//!
//! A year's income and expense are read as `balance --from --to --before-closing` reads them:
//! every entry dated in the year except the closings (`entries.kind = 'closing'`, which is also
//! how a `year-closing` is stored), so a closed year reads the same as before its closing. A
//! balance at a year's end is every entry dated on or before it, closings included, as
//! `balance --as-of` gives it.

use std::collections::BTreeMap;

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

/// The figures of a two-year report, all from one pass over the postings.
#[derive(Debug, Clone, Default)]
pub struct YearFigures {
    pub accounts: Vec<YearAccountRow>,
    pub funding: Vec<YearFundingRow>,
    pub grants: Vec<YearGrantRow>,
}

/// The measures of one group of postings (see [`Store::year_figures`]).
#[derive(Debug, Clone, Copy, Default)]
struct Measures {
    end: i128,
    previous_end: i128,
    year: i128,
    previous_year: i128,
    /// Rule 10's recorded entries (transactions and reversals, not computed by amana), in the
    /// year and up to its end.
    recorded_year: i128,
    recorded: i128,
}

/// The six measures of a query's row, from column `first` on, in [`Measures`]' order.
fn measures(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Measures> {
    let m = |i: usize| -> rusqlite::Result<i128> { Ok(i128::from(total(r, first + i)?.0)) };
    Ok(Measures {
        end: m(0)?,
        previous_end: m(1)?,
        year: m(2)?,
        previous_year: m(3)?,
        recorded_year: m(4)?,
        recorded: m(5)?,
    })
}

impl Measures {
    fn sub(&mut self, o: &Measures) {
        self.end -= o.end;
        self.previous_end -= o.previous_end;
        self.year -= o.year;
        self.previous_year -= o.previous_year;
        self.recorded_year -= o.recorded_year;
        self.recorded -= o.recorded;
    }

    fn add(&mut self, o: &Measures) {
        self.end += o.end;
        self.previous_end += o.previous_end;
        self.year += o.year;
        self.previous_year += o.previous_year;
        self.recorded_year += o.recorded_year;
        self.recorded += o.recorded;
    }
}

/// A sum of minor units as one amount, or the store's overflow error.
fn minor(v: i128, what: &'static str) -> Result<Minor> {
    i64::try_from(v)
        .map(Minor)
        .map_err(|_| super::StoreError::TotalOutOfRange { what })
}

/// The six [`Measures`] of the postings `p` of entries `e`, the previous year starting on day ?1,
/// the year on ?2 (postings dated after the year's end are left out by the query's `WHERE`).
macro_rules! measures_of_postings {
    () => {
        "sum(p.amount),
         sum(CASE WHEN e.date < ?2 THEN p.amount ELSE 0 END),
         sum(CASE WHEN e.date >= ?2 AND e.kind <> 'closing' THEN p.amount ELSE 0 END),
         sum(CASE WHEN e.date >= ?1 AND e.date < ?2 AND e.kind <> 'closing'
                  THEN p.amount ELSE 0 END),
         sum(CASE WHEN e.date >= ?2 AND e.kind IN ('transaction', 'reversal')
                  THEN p.amount ELSE 0 END),
         sum(CASE WHEN e.kind IN ('transaction', 'reversal') THEN p.amount ELSE 0 END)"
    };
}

/// The one scan: postings dated up to the year's end, grouped by account, grant, whether a
/// budget line is named, and the funder a `source` names (income without a grant only; a
/// reversal's posting takes its original's).
const SCAN: &str = concat!(
    "SELECT p.account, p.grant_id, p.line_id IS NOT NULL, s.funder_id, ",
    measures_of_postings!(),
    " FROM entries e
      JOIN postings p ON p.entry_id = e.id
      JOIN accounts a ON a.code = p.account
      LEFT JOIN sources s ON a.type = 'income' AND p.grant_id IS NULL
                         AND s.entry_id = coalesce(e.reverses, e.id) AND s.posting = p.idx
     WHERE e.date <= ?3
     GROUP BY p.account, p.grant_id, p.line_id IS NOT NULL, s.funder_id"
);

/// The same measures from `year_totals` (fiscal year ?1), grouped by account, grant and
/// whether a line is named; the entry kinds are the chain's, so "recorded" is simply the
/// transactions and reversals.
const TOTALS: &str = "
    SELECT account, grant_id, line_id <> '',
           sum(amount),
           sum(CASE WHEN year < ?1 THEN amount ELSE 0 END),
           sum(CASE WHEN year = ?1 AND kind NOT IN ('closing', 'year-closing')
                    THEN amount ELSE 0 END),
           sum(CASE WHEN year = ?1 - 1 AND kind NOT IN ('closing', 'year-closing')
                    THEN amount ELSE 0 END),
           sum(CASE WHEN year = ?1 AND kind IN ('transaction', 'reversal')
                    THEN amount ELSE 0 END),
           sum(CASE WHEN kind IN ('transaction', 'reversal') THEN amount ELSE 0 END)
      FROM year_totals
     WHERE year <= ?1
     GROUP BY account, grant_id, line_id <> ''";

/// The income postings without a grant whose `source` names a funder (a reversal's posting
/// taking its original's), measured as [`SCAN`] measures them, by account and funder.
const SOURCED: &str = concat!(
    "WITH x AS (SELECT s.entry_id AS entry_id, s.posting AS posting, s.funder_id AS funder_id
                 FROM sources s
               UNION ALL
               SELECT r.id, s.posting, s.funder_id
                 FROM sources s JOIN entries r ON r.reverses = s.entry_id)
    SELECT p.account, x.funder_id, ",
    measures_of_postings!(),
    " FROM x
      JOIN entries e ON e.id = x.entry_id
      JOIN postings p ON p.entry_id = x.entry_id AND p.idx = x.posting
      JOIN accounts a ON a.code = p.account
     WHERE a.type = 'income' AND p.grant_id IS NULL AND e.date <= ?3
     GROUP BY p.account, x.funder_id"
);

/// Rule 10 leaves out of "recorded" the entries amana computes that `entries.kind` lists as
/// transactions (carries to dedicated funds, allocations, depreciations): testing each posting
/// for them would cost two look-ups a posting, so these few entries are summed apart and taken
/// back out.
const COMPUTED: &str = "
    SELECT p.account, p.grant_id, p.line_id IS NOT NULL,
           sum(CASE WHEN e.date >= ?2 THEN p.amount ELSE 0 END), sum(p.amount)
      FROM (SELECT entry_id FROM year_ends UNION SELECT entry_id FROM depreciations) x
      JOIN entries e ON e.id = x.entry_id
      JOIN postings p ON p.entry_id = e.id
     WHERE e.date <= ?3 AND e.kind IN ('transaction', 'reversal')
     GROUP BY p.account, p.grant_id, p.line_id IS NOT NULL";

/// Each grant's agreement in force, its budget, and what the dedicated funds hold for it after
/// the year-end entries of fiscal year ?2 and earlier (read from the few year-end entries:
/// `CROSS JOIN` keeps SQLite from reading every posting of every grant to find them).
const GRANTS: &str = "
    WITH d AS (
      SELECT p.grant_id AS grant_id, -sum(p.amount) AS carried
        FROM year_ends y
        CROSS JOIN postings p ON p.entry_id = y.entry_id
       WHERE y.kind IN ('dedicated-funds', 'year-closing') AND y.year <= ?2
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
                                           AND x.withdrawn = 1 AND x.effective <= ?1)), 0),
           coalesce(d.carried, 0)
      FROM grants g
      LEFT JOIN d ON d.grant_id = g.id
     ORDER BY g.id";

/// An account, a grant and whether a budget line is named.
type Key = (String, Option<String>, bool);

/// The postings of one key and one funder (named by a `source`, income without a grant only),
/// measured.
type Group = (Key, Option<String>, Measures);

impl Store {
    /// Every figure of fiscal `year` and the previous one that depends on postings: each
    /// account's balances and movements, the income by funder, each grant's received and spent.
    /// One pass over the postings dated up to the year's end, grouped in SQL, then a fold of
    /// its few groups.
    pub fn year_figures(&self, span: &YearSpan, year: i32) -> Result<YearFigures> {
        let groups = if self.has_year_totals()? {
            self.groups_from_totals(span, year)?
        } else {
            self.groups_from_postings(span)?
        };
        self.fold_year_figures(span, year, &groups)
    }

    /// The groups of [`Store::year_figures`] from `year_totals`: a few rows per account and
    /// grant line and year, whatever the number of postings; then the income without a grant
    /// whose `source` names a funder (one pass over `sources`, not over the postings) is moved
    /// from "no funder" to its funder.
    fn groups_from_totals(&self, span: &YearSpan, year: i32) -> Result<Vec<Group>> {
        let mut groups: Vec<Group> = vec![];
        let mut stmt = self.conn.prepare_cached(TOTALS)?;
        let mut rows = stmt.query([year])?;
        while let Some(r) = rows.next()? {
            let grant: String = r.get(1)?;
            groups.push((
                (
                    r.get::<_, AccountCode>(0)?.to_string(),
                    (!grant.is_empty()).then_some(grant),
                    r.get::<_, bool>(2)?,
                ),
                None,
                measures(r, 3)?,
            ));
        }
        let [previous_start, start, end] = span.texts();
        let mut stmt = self.conn.prepare_cached(SOURCED)?;
        let mut rows = stmt.query([&previous_start, &start, &end])?;
        let mut sourced: Vec<Group> = vec![];
        while let Some(r) = rows.next()? {
            let key: Key = (r.get::<_, AccountCode>(0)?.to_string(), None, false);
            let m = measures(r, 2)?;
            match groups
                .iter_mut()
                .find(|(k, funder, _)| *k == key && funder.is_none())
            {
                Some(unattributed) => unattributed.2.sub(&m),
                // Only when the totals disagree with the postings, which `verify` reports.
                None => {
                    let mut negative = Measures::default();
                    negative.sub(&m);
                    groups.push((key.clone(), None, negative));
                }
            }
            sourced.push((key, Some(r.get::<_, FunderId>(1)?.to_string()), m));
        }
        groups.extend(sourced);
        Ok(groups)
    }

    /// The groups of [`Store::year_figures`] read from the postings themselves: for a file of
    /// an earlier release, read without being written, which has no `year_totals` yet.
    fn groups_from_postings(&self, span: &YearSpan) -> Result<Vec<Group>> {
        let [previous_start, start, end] = span.texts();
        let mut groups: Vec<Group> = vec![];
        let mut stmt = self.conn.prepare_cached(SCAN)?;
        let mut rows = stmt.query([&previous_start, &start, &end])?;
        while let Some(r) = rows.next()? {
            groups.push((
                (
                    r.get::<_, AccountCode>(0)?.to_string(),
                    r.get::<_, Option<GrantId>>(1)?.map(|g| g.to_string()),
                    r.get::<_, bool>(2)?,
                ),
                r.get::<_, Option<FunderId>>(3)?.map(|f| f.to_string()),
                measures(r, 4)?,
            ));
        }
        let mut computed: BTreeMap<Key, (i128, i128)> = BTreeMap::new();
        let mut stmt = self.conn.prepare_cached(COMPUTED)?;
        let mut rows = stmt.query([&previous_start, &start, &end])?;
        while let Some(r) = rows.next()? {
            computed.insert(
                (
                    r.get::<_, AccountCode>(0)?.to_string(),
                    r.get::<_, Option<GrantId>>(1)?.map(|g| g.to_string()),
                    r.get::<_, bool>(2)?,
                ),
                (i128::from(total(r, 3)?.0), i128::from(total(r, 4)?.0)),
            );
        }
        // Taken out of any one group of the key: only a grant's totals read `recorded`, per
        // grant, and a posting with a grant has no source.
        for (key, _, m) in groups.iter_mut() {
            if let Some((y, all)) = computed.remove(key) {
                m.recorded_year -= y;
                m.recorded -= all;
            }
        }
        Ok(groups)
    }

    /// Every figure of [`Store::year_figures`] from its groups of postings.
    fn fold_year_figures(
        &self,
        span: &YearSpan,
        year: i32,
        groups: &[Group],
    ) -> Result<YearFigures> {
        let [_, _, end] = span.texts();
        let names = self.account_names()?;
        let mut grants = self.year_grant_terms(&end, year)?;
        let funder_of: BTreeMap<String, String> = grants
            .iter()
            .map(|g| (g.id.clone(), g.funder.clone()))
            .collect();
        let mut accounts: BTreeMap<String, Measures> = BTreeMap::new();
        let mut funding: BTreeMap<Option<String>, Measures> = BTreeMap::new();
        let mut per_grant: BTreeMap<String, [i128; 5]> = BTreeMap::new();
        for ((account, grant, on_line), source, m) in groups {
            accounts.entry(account.clone()).or_default().add(m);
            let kind = names.get(account).map_or("", |(_, k)| k.as_str());
            if kind == "income" {
                let funder = match grant {
                    Some(g) => funder_of.get(g).cloned(),
                    None => source.clone(),
                };
                funding.entry(funder).or_default().add(m);
            }
            if let Some(g) = grant {
                let t = per_grant.entry(g.clone()).or_default();
                if kind == "income" {
                    t[0] -= m.recorded_year;
                    t[2] -= m.recorded;
                }
                if kind == "expense" || *on_line {
                    t[1] += m.recorded_year;
                    t[3] += m.recorded;
                }
                if kind == "expense" {
                    t[4] += m.year;
                }
            }
        }
        for g in &mut grants {
            let t = per_grant.get(&g.id).copied().unwrap_or_default();
            g.received_year = minor(t[0], "money received on a grant")?;
            g.spent_year = minor(t[1], "money spent on a grant")?;
            g.received_to_date = minor(t[2], "money received on a grant")?;
            g.spent_to_date = minor(t[3], "money spent on a grant")?;
            g.expense_year = minor(t[4], "expense charged to a grant")?;
        }
        const BAL: &str = "balance of an account";
        let accounts = accounts
            .into_iter()
            .map(|(code, m)| {
                let (name, kind) = names.get(&code).cloned().unwrap_or_default();
                Ok(YearAccountRow {
                    code,
                    name,
                    kind,
                    end: minor(m.end, BAL)?,
                    previous_end: minor(m.previous_end, BAL)?,
                    year: minor(m.year, BAL)?,
                    previous_year: minor(m.previous_year, BAL)?,
                })
            })
            .collect::<Result<_>>()?;
        const FUNDING: &str = "income from a funder";
        let funding = funding
            .into_iter()
            .map(|(funder, m)| {
                Ok(YearFundingRow {
                    funder,
                    year: minor(-m.year, FUNDING)?,
                    previous_year: minor(-m.previous_year, FUNDING)?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(YearFigures {
            accounts,
            funding,
            grants,
        })
    }

    /// Every account's name in force and type, by code.
    fn account_names(&self) -> Result<BTreeMap<String, (String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.code, coalesce((SELECT c.name FROM account_changes c WHERE c.code = a.code
                              AND c.name IS NOT NULL ORDER BY c.seq DESC LIMIT 1), a.name), a.type
               FROM accounts a",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, AccountCode>(0)?.to_string(),
                (r.get(1)?, r.get(2)?),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every grant's terms in force on day `end`, its budget and dedicated funds after fiscal
    /// `year`'s end entries; its movements are left at zero for [`Store::year_figures`].
    fn year_grant_terms(&self, end: &str, year: i32) -> Result<Vec<YearGrantRow>> {
        let mut stmt = self.conn.prepare_cached(GRANTS)?;
        let rows = stmt.query_map(rusqlite::params![end, year], |r| {
            Ok(YearGrantRow {
                id: r.get::<_, GrantId>(0)?.to_string(),
                funder: r.get::<_, FunderId>(1)?.to_string(),
                amount: r.get(2)?,
                currency: r.get(3)?,
                start: r.get::<_, SqlDate>(4)?.to_string(),
                end: r.get::<_, SqlDate>(5)?.to_string(),
                restricted: r.get::<_, i64>(6)? != 0,
                budget: total(r, 7)?,
                received_year: Minor::ZERO,
                spent_year: Minor::ZERO,
                received_to_date: Minor::ZERO,
                spent_to_date: Minor::ZERO,
                expense_year: Minor::ZERO,
                dedicated: total(r, 8)?,
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

    /// Every funder's id, name in force and type (without `funders`' totals, which read
    /// every posting once per funder).
    pub fn funder_names(&self) -> Result<Vec<(String, String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.id, coalesce((SELECT c.name FROM funder_changes c WHERE c.funder_id = f.id
                                     ORDER BY c.seq DESC LIMIT 1), f.name), f.type
               FROM funders f ORDER BY f.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, FunderId>(0)?.to_string(), r.get(1)?, r.get(2)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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

    /// The reversals dated from `from` to `to`, by date: found through the index of
    /// `reverses` (the `+` keeps SQLite from reading every entry of the year by date instead).
    pub fn reversals_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<ReversalRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.date, e.reverses, coalesce(e.reason, ''), o.description
               FROM entries e JOIN entries o ON o.id = e.reverses
              WHERE e.reverses > 0 AND +e.kind = 'reversal' AND +e.date BETWEEN ?1 AND ?2
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
