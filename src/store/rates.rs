//! The rate table and the grants' terms as the rules and the listings read them, and the one
//! figure the instalments method needs: what a grant received so far, in both currencies.
//!
//! Each query is a function of a connection, so the write path (inside its transaction) and
//! the listings read the same statement.

use rusqlite::{Connection, OptionalExtension, params};

use super::sql::{SqlDate, Total};
use super::{Appender, Result, Store};
use crate::domain::{AccountCode, EntryId, GrantId, GrantTerms, LineId, Minor, Rate, format_date};
use crate::rules::CurrencyParts;
use chrono::NaiveDate;

/// One rate as recorded: (seq, currency, date, rate, source).
pub type RateRow = (i64, String, NaiveDate, Rate, Option<String>);

fn rates(conn: &Connection, currency: Option<&str>) -> Result<Vec<RateRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, currency, date, rate, source FROM rates
          WHERE ?1 IS NULL OR currency = ?1 ORDER BY currency, date",
    )?;
    let rows = stmt.query_map([currency], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get::<_, SqlDate>(2)?.0,
            Rate(r.get(3)?),
            r.get(4)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The rate of `currency` on `date`, or the latest before it.
fn rate_on(
    conn: &Connection,
    currency: &str,
    date: NaiveDate,
) -> Result<Option<(NaiveDate, Rate)>> {
    Ok(conn
        .prepare_cached(
            "SELECT date, rate FROM rates WHERE currency = ?1 AND date <= ?2
              ORDER BY date DESC LIMIT 1",
        )?
        .query_row(params![currency, format_date(date)], |r| {
            Ok((r.get::<_, SqlDate>(0)?.0, Rate(r.get(1)?)))
        })
        .optional()?)
}

/// Every `grant-terms` entry, in chain order (the latest per grant is in force).
fn terms(conn: &Connection) -> Result<Vec<GrantTerms>> {
    let mut stmt = conn.prepare_cached(
        "SELECT grant_id, rate_method, closing_days, budget_currency FROM grant_terms ORDER BY seq",
    )?;
    let mut out = vec![];
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (grant, method, budget): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(3)?);
        if let (Ok(grant), Ok(rate_method), Ok(budget_currency)) =
            (GrantId::parse(&grant), method.parse(), budget.parse())
        {
            out.push(GrantTerms {
                grant,
                rate_method,
                closing_days: r.get(2)?,
                budget_currency,
            });
        }
    }
    Ok(out)
}

/// Each budget line's spending in its grant's currency: the amounts in that currency of the
/// postings charged to it.
fn line_spent(conn: &Connection) -> Result<Vec<(GrantId, LineId, Minor)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.grant_id, p.line_id, sum(p.original_amount) FROM postings p
           JOIN grants g ON g.id = p.grant_id
          WHERE p.line_id IS NOT NULL AND p.original_currency = g.currency
          GROUP BY p.grant_id, p.line_id",
    )?;
    let mut out = vec![];
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (g, l): (String, String) = (r.get(0)?, r.get(1)?);
        if let (Ok(g), Ok(l)) = (GrantId::parse(&g), LineId::parse(&l)) {
            out.push((g, l, r.get::<_, Total>(2)?.0));
        }
    }
    Ok(out)
}

/// What grant `grant` received so far on income accounts, from transactions and reversals
/// whose postings carry an amount in `currency`: (in the ledger's currency, in `currency`).
fn instalments(conn: &Connection, grant: &GrantId, currency: &str) -> Result<(Minor, Minor)> {
    Ok(conn
        .prepare_cached(concat!(
            "SELECT coalesce(-sum(p.amount), 0), coalesce(-sum(p.original_amount), 0)
               FROM postings p JOIN accounts a ON a.code = p.account
               JOIN entries e ON e.id = p.entry_id
              WHERE p.grant_id = ?1 AND a.type = 'income' AND p.original_currency = ?2
                AND ",
            recorded_entry!()
        ))?
        .query_row(params![grant.as_str(), currency], |r| {
            Ok((r.get::<_, Total>(0)?.0, r.get::<_, Total>(1)?.0))
        })?)
}

/// What account `account` holds on `date` (postings dated on or before it): (in the ledger's
/// currency, in `currency`: the amounts its postings carry in it, the first transaction with a
/// posting to it that carries none).
fn foreign_balance(
    conn: &Connection,
    account: &AccountCode,
    currency: &str,
    date: NaiveDate,
) -> Result<(Minor, Minor, Option<EntryId>)> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(sum(p.amount), 0),
                    coalesce(sum(CASE WHEN p.original_currency = ?2 THEN p.original_amount END), 0),
                    min(CASE WHEN p.original_currency IS NOT ?2 THEN e.id END)
               FROM postings p JOIN entries e ON e.id = p.entry_id
              WHERE p.account = ?1 AND e.date <= ?3",
        )?
        .query_row(
            params![account.as_str(), currency, format_date(date)],
            |r| {
                Ok((
                    r.get::<_, Total>(0)?.0,
                    r.get::<_, Total>(1)?.0,
                    r.get::<_, Option<EntryId>>(2)?,
                ))
            },
        )?)
}

impl Appender<'_> {
    /// What `account` holds on `date`, in the ledger's currency and in `currency`, and the
    /// first transaction posting to it without an amount in `currency`.
    pub fn foreign_balance(
        &self,
        account: &AccountCode,
        currency: &str,
        date: NaiveDate,
    ) -> Result<(Minor, Minor, Option<EntryId>)> {
        foreign_balance(self.tx, account, currency, date)
    }

    /// The rates' days and the terms, for the rules.
    pub fn currency_parts(&self) -> Result<CurrencyParts> {
        Ok(CurrencyParts {
            rates: rates(self.tx, None)?
                .into_iter()
                .map(|(_, c, d, _, _)| (c, d))
                .collect(),
            terms: terms(self.tx)?,
            line_spent: line_spent(self.tx)?,
        })
    }

    /// The rate of `currency` on `date`, or the latest before it.
    pub fn rate_on(&self, currency: &str, date: NaiveDate) -> Result<Option<(NaiveDate, Rate)>> {
        rate_on(self.tx, currency, date)
    }

    /// What `grant` received so far in instalments carrying an amount in `currency`: (in the
    /// ledger's currency, in `currency`).
    pub fn instalments(&self, grant: &GrantId, currency: &str) -> Result<(Minor, Minor)> {
        instalments(self.tx, grant, currency)
    }
}

impl Store {
    /// The rate table (of one currency), by currency then date.
    pub fn rates(&self, currency: Option<&str>) -> Result<Vec<RateRow>> {
        rates(&self.conn, currency)
    }

    /// The rate of `currency` on `date`, or the latest before it.
    pub fn rate_on(&self, currency: &str, date: NaiveDate) -> Result<Option<(NaiveDate, Rate)>> {
        rate_on(&self.conn, currency, date)
    }

    /// The terms in force of every grant that has some.
    pub fn grant_terms(&self) -> Result<Vec<GrantTerms>> {
        let mut latest = std::collections::BTreeMap::new();
        for t in terms(&self.conn)? {
            latest.insert(t.grant.clone(), t);
        }
        Ok(latest.into_values().collect())
    }

    /// What `grant` received so far in instalments carrying an amount in `currency`.
    pub fn instalments(&self, grant: &GrantId, currency: &str) -> Result<(Minor, Minor)> {
        instalments(&self.conn, grant, currency)
    }
}
