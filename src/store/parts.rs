//! What the rules read of the ledger before a write: [`Appender::book_parts`].
//!
//! It reads inside the write transaction, so the rules judge a new record against exactly
//! the state it will be appended to. It is kept in a file of its own because what it reads
//! (and what it leaves to the rules to rebuild) is expected to change apart from the write
//! seam around it.

use super::{Appender, Result};
use crate::chain;
use crate::domain::{AccountCode, AccountType, EntryId, FunderId, Grant, GrantId, LineId, Minor};
use crate::rules::BookParts;

impl Appender<'_> {
    /// What the rules need to know of the ledger, read in this transaction.
    pub fn book_parts(&self) -> Result<BookParts> {
        let info = self.ledger_info()?;
        let tx = self.tx;
        let collect_strings = |sql: &str| -> Result<Vec<(String, String)>> {
            let mut stmt = tx.prepare(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let accounts = collect_strings("SELECT code, type FROM accounts")?
            .into_iter()
            .filter_map(|(c, t)| {
                Some((AccountCode::parse(&c).ok()?, t.parse::<AccountType>().ok()?))
            })
            .collect();
        let funders = collect_strings("SELECT id, id FROM funders")?
            .into_iter()
            .filter_map(|(f, _)| FunderId::parse(&f).ok())
            .collect();
        let mut grants = vec![];
        {
            let mut stmt = tx.prepare(
                "SELECT id, funder, amount, currency, start_date, end_date, restricted, purpose FROM grants",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (id, funder, start, end): (String, String, String, String) =
                    (r.get(0)?, r.get(1)?, r.get(4)?, r.get(5)?);
                let (Ok(id), Ok(funder), Ok(start), Ok(end)) = (
                    GrantId::parse(&id),
                    FunderId::parse(&funder),
                    crate::domain::parse_date(&start),
                    crate::domain::parse_date(&end),
                ) else {
                    continue;
                };
                grants.push(Grant {
                    id,
                    funder,
                    amount: Minor(r.get(2)?),
                    currency: r.get(3)?,
                    start,
                    end,
                    restricted: r.get::<_, i64>(6)? != 0,
                    purpose: r.get(7)?,
                });
            }
        }
        // Each grant's amendments, in chain order (the rules put the values in force).
        let grant_amendments = {
            let mut stmt =
                tx.prepare("SELECT grant_id, amount, end_date FROM grant_amendments ORDER BY seq")?;
            let rows = stmt.query_map([], |r| {
                let (id, amount, end): (String, Option<i64>, Option<String>) =
                    (r.get(0)?, r.get(1)?, r.get(2)?);
                Ok((id, amount, end))
            })?;
            let mut amendments = vec![];
            for row in rows {
                let (id, amount, end) = row?;
                if let Ok(id) = GrantId::parse(&id) {
                    let end = end.and_then(|e| crate::domain::parse_date(&e).ok());
                    amendments.push((id, amount.map(Minor), end));
                }
            }
            amendments
        };
        let mut lines = vec![];
        {
            let mut stmt = tx.prepare(
                "SELECT b.grant_id, b.line_id, coalesce((SELECT x.amount FROM budget_line_amendments x
                                   WHERE x.grant_id = b.grant_id AND x.line_id = b.line_id
                                     AND x.amount IS NOT NULL ORDER BY x.seq DESC LIMIT 1), b.amount),
                        coalesce((SELECT sum(p.amount) FROM postings p
                                   WHERE p.grant_id = b.grant_id AND p.line_id = b.line_id), 0),
                        (SELECT x.effective FROM budget_line_amendments x
                          WHERE x.grant_id = b.grant_id AND x.line_id = b.line_id
                            AND x.withdrawn = 1 ORDER BY x.seq LIMIT 1)
                   FROM budget_lines b",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (g, l): (String, String) = (r.get(0)?, r.get(1)?);
                if let (Ok(g), Ok(l)) = (GrantId::parse(&g), LineId::parse(&l)) {
                    let withdrawn = r
                        .get::<_, Option<String>>(4)?
                        .and_then(|d| crate::domain::parse_date(&d).ok());
                    lines.push((g, l, Minor(r.get(2)?), Minor(r.get(3)?), withdrawn));
                }
            }
        }
        let ids = |sql: &str| -> Result<Vec<EntryId>> {
            let mut stmt = tx.prepare(sql)?;
            let rows = stmt.query_map([], |r| r.get(0).map(EntryId))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let reversals = ids("SELECT id FROM entries WHERE reverses IS NOT NULL")?;
        let reversed = ids("SELECT reverses FROM entries WHERE reverses IS NOT NULL")?;
        let imported_files = {
            let mut stmt = tx.prepare("SELECT file_sha256 FROM imports")?;
            let rows = stmt.query_map([], |r| r.get::<_, Vec<u8>>(0))?;
            rows.map(|r| r.map(|b| chain::hash_from(&b)))
                .collect::<rusqlite::Result<_>>()?
        };
        let last_entry: i64 =
            tx.query_row("SELECT coalesce(max(id), 0) FROM entries", [], |r| r.get(0))?;
        // What guards the books (officers' keys, seals and their signers, the decisions and
        // the locked period that follows) is read from the chain itself, not from the tables:
        // the rules replay these entries (a row deleted from `seals` must not let an honest
        // treasurer write into a locked period).
        let governance_log = {
            let kinds = crate::rules::governance::LOG_KINDS;
            let sql = format!(
                "SELECT seq, body FROM log WHERE kind IN ({}) ORDER BY seq",
                vec!["?"; kinds.len()].join(", ")
            );
            let mut stmt = tx.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(kinds), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
            rows.collect::<rusqlite::Result<Vec<(i64, Vec<u8>)>>>()?
        };
        let retired = {
            let mut stmt = tx.prepare(
                "SELECT code, effective FROM account_changes WHERE retired = 1 ORDER BY seq",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            })?;
            let mut retired = vec![];
            for row in rows {
                let (code, from) = row?;
                if let (Ok(code), Some(Ok(from))) = (
                    AccountCode::parse(&code),
                    from.as_deref().map(crate::domain::parse_date),
                ) {
                    retired.push((code, from));
                }
            }
            retired
        };
        let receipts = {
            let mut stmt = tx.prepare("SELECT entry_id, sha256 FROM receipts")?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    EntryId(r.get(0)?),
                    chain::hash_from(&r.get::<_, Vec<u8>>(1)?),
                ))
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let sources = {
            let mut stmt = tx.prepare("SELECT entry_id, posting FROM sources")?;
            let rows = stmt.query_map([], |r| Ok((EntryId(r.get(0)?), r.get(1)?)))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        Ok(BookParts {
            info,
            accounts,
            funders,
            grants,
            grant_amendments,
            lines,
            reversals,
            reversed,
            imported_files,
            last_seq: self.head_seq,
            last_entry,
            governance_log,
            receipts,
            retired,
            sources,
            assets: self.assets()?.iter().map(|a| a.state()).collect(),
            currency: self.currency_parts()?,
            bank: self.bank_parts()?,
        })
    }
}

impl Appender<'_> {
    /// Bank lines, lines in suspense, assignments and reconciled transactions (rules 25 to 27).
    fn bank_parts(&self) -> Result<crate::rules::bank::BankParts> {
        let tx = self.tx;
        let code = |s: String| AccountCode::parse(&s).ok();
        let fingerprints = {
            let mut stmt = tx.prepare("SELECT account, fingerprint FROM bank_lines")?;
            let rows = stmt.query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
            })?;
            let mut out = vec![];
            for row in rows {
                let (account, f) = row?;
                if let Some(account) = code(account) {
                    out.push((account, chain::hash_from(&f)));
                }
            }
            out
        };
        let suspended = {
            let mut stmt = tx.prepare(
                "SELECT e.id, b.suspense, SUM(p.amount)
                   FROM bank_imports b
                   JOIN entries e ON e.batch = b.seq
                   JOIN postings p ON p.entry_id = e.id AND p.account = b.suspense
                  WHERE b.suspense IS NOT NULL
                    AND e.id NOT IN (SELECT entry_id FROM bank_assignments)
                  GROUP BY e.id
                 HAVING SUM(p.amount) <> 0",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?;
            let mut out = vec![];
            for row in rows {
                let (id, account, amount) = row?;
                if let Some(account) = code(account) {
                    out.push((EntryId(id), account, amount));
                }
            }
            out
        };
        let assigning = {
            let mut stmt = tx.prepare("SELECT transaction_id FROM bank_assignments")?;
            let rows = stmt.query_map([], |r| Ok(EntryId(r.get(0)?)))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let reconciled = {
            let mut stmt = tx.prepare("SELECT account, entry_id FROM reconciled")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, EntryId(r.get(1)?))))?;
            let mut out = vec![];
            for row in rows {
                let (account, id) = row?;
                if let Some(account) = code(account) {
                    out.push((account, id));
                }
            }
            out
        };
        let statements = {
            let mut stmt =
                tx.prepare("SELECT account, date, balance, books FROM reconciliations")?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })?;
            let mut out = vec![];
            for row in rows {
                let (account, date, balance, books) = row?;
                if let (Some(account), Ok(date)) = (code(account), crate::domain::parse_date(&date))
                {
                    out.push((account, date, balance, books));
                }
            }
            out
        };
        Ok(crate::rules::bank::BankParts {
            fingerprints,
            suspended,
            assigning,
            reconciled,
            statements,
        })
    }
}
