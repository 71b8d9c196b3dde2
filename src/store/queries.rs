//! The typed queries behind the listings and the application's look-ups: balances, the
//! journal, accounts, funders, grants and their budget lines, seals' signatures, imports.
//!
//! Each query reads what one listing shows, in one statement where it can; the names and
//! amounts in force (after renamings and amendments) are worked out in SQL, so a listing never
//! rebuilds them.
//!
//! Every amount, code, id and date is read through its domain type (see [`super::sql`]), so a
//! value a tampered file holds and amana would never have written is a read error here, never
//! a figure in a report. The rows hand codes and dates on as the text the listings print.

use rusqlite::types::FromSql;
use rusqlite::{OptionalExtension, params};

use super::rows::{
    AccountRow, BalanceFilter, BalanceRow, BudgetLineAmendmentRow, BudgetLineRow, FunderRow,
    GrantAmendmentRow, GrantRow, JournalFilter, JournalRow, SignatureRow,
};
use super::sql::{SqlDate, Total};
use super::{Result, Store};
use crate::chain::Hash;
use crate::domain::{AccountCode, EntryId, FunderId, GrantId, LineId, Minor, OfficerId};

/// Column `i` read as a `T` (which refuses a malformed value), handed on as its text.
fn text<T: FromSql + ToString>(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<String> {
    Ok(r.get::<_, T>(i)?.to_string())
}

/// [`text`] of a column that may be NULL.
fn opt_text<T: FromSql + ToString>(
    r: &rusqlite::Row<'_>,
    i: usize,
) -> rusqlite::Result<Option<String>> {
    Ok(r.get::<_, Option<T>>(i)?.map(|v| v.to_string()))
}

/// A total SQL computed, as minor units.
fn total(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Minor> {
    Ok(r.get::<_, Total>(i)?.0)
}

impl Store {
    pub fn balances(&self, filter: &BalanceFilter) -> Result<Vec<BalanceRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.account, coalesce((SELECT c.name FROM account_changes c WHERE c.code = a.code
                              AND c.name IS NOT NULL ORDER BY c.seq DESC LIMIT 1), a.name), a.type, sum(p.amount)
               FROM postings p
               JOIN accounts a ON a.code = p.account
               JOIN entries e ON e.id = p.entry_id
              WHERE (?1 IS NULL OR e.date <= ?1)
                AND (?2 IS NULL OR p.grant_id = ?2)
                AND (?3 IS NULL OR e.date >= ?3)
                AND (?4 = 0 OR e.kind <> 'closing')
              GROUP BY p.account
              ORDER BY p.account",
        )?;
        let params = params![
            filter.as_of,
            filter.grant,
            filter.from,
            filter.before_closing
        ];
        let rows = stmt.query_map(params, |r| {
            Ok(BalanceRow {
                code: text::<AccountCode>(r, 0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                balance: total(r, 3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Calls `each` with every posting of every entry that matches, in entry order.
    pub fn journal(&self, filter: &JournalFilter, mut each: impl FnMut(JournalRow)) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.seq, e.kind, e.date, e.description, e.reference, e.reverses, e.reason,
                    r.id, p.idx, p.account, coalesce((SELECT c.name FROM account_changes c WHERE c.code = a.code
                              AND c.name IS NOT NULL ORDER BY c.seq DESC LIMIT 1), a.name), p.amount, p.grant_id, p.line_id,
                    p.original_amount, p.original_currency, p.memo
               FROM entries e
               JOIN postings p ON p.entry_id = e.id
               JOIN accounts a ON a.code = p.account
               LEFT JOIN entries r ON r.reverses = e.id
              WHERE (?1 IS NULL OR e.date >= ?1)
                AND (?2 IS NULL OR e.date <= ?2)
                AND (?3 IS NULL OR EXISTS (SELECT 1 FROM postings q WHERE q.entry_id = e.id
                                            AND substr(q.account, 1, length(?3)) = ?3))
                AND (?4 IS NULL OR EXISTS (SELECT 1 FROM postings q WHERE q.entry_id = e.id
                                            AND q.grant_id = ?4))
              ORDER BY e.id, p.idx",
        )?;
        let mut rows = stmt.query(params![
            filter.from,
            filter.to,
            filter.account,
            filter.grant
        ])?;
        while let Some(r) = rows.next()? {
            let original: (Option<Minor>, Option<String>) = (r.get(15)?, r.get(16)?);
            each(JournalRow {
                id: r.get::<_, EntryId>(0)?.0,
                seq: r.get(1)?,
                kind: r.get(2)?,
                date: text::<SqlDate>(r, 3)?,
                description: r.get(4)?,
                reference: r.get(5)?,
                reverses: r.get::<_, Option<EntryId>>(6)?.map(|e| e.0),
                reason: r.get(7)?,
                reversed_by: r.get::<_, Option<EntryId>>(8)?.map(|e| e.0),
                idx: r.get(9)?,
                account: text::<AccountCode>(r, 10)?,
                account_name: r.get(11)?,
                amount: r.get(12)?,
                grant: opt_text::<GrantId>(r, 13)?,
                line: opt_text::<LineId>(r, 14)?,
                original: match original {
                    (Some(a), Some(c)) => Some((a, c)),
                    _ => None,
                },
                memo: r.get(17)?,
            });
        }
        Ok(())
    }

    /// The chain entry that recorded journal entry `id`.
    pub fn entry_seq(&self, id: EntryId) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT seq FROM entries WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    /// Sequence numbers of the seals, oldest first.
    pub fn seal_seqs(&self) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq FROM seals ORDER BY seq")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The signatures of the seal at `seal`, with their officers.
    pub fn signatures_of(&self, seal: i64) -> Result<Vec<SignatureRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.officer, o.name, o.role, o.public_key, s.signature, o.seq
               FROM signatures s JOIN officers o ON o.id = s.officer
              WHERE s.seal = ?1 ORDER BY s.seq",
        )?;
        let rows = stmt.query_map([seal], |r| {
            Ok(SignatureRow {
                officer: text::<OfficerId>(r, 0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                public_key: r.get(3)?,
                signature: r.get(4)?,
                officer_seq: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every account (whose code starts with `prefix`), with its labels. Here and in the
    /// balance and the journal, an account's name is the one in force: the latest renaming.
    pub fn accounts(&self, prefix: Option<&str>) -> Result<Vec<AccountRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.code, coalesce((SELECT c.name FROM account_changes c WHERE c.code = a.code
                              AND c.name IS NOT NULL ORDER BY c.seq DESC LIMIT 1), a.name), a.type, l.lang, l.text,
                    (SELECT c.effective FROM account_changes c
                      WHERE c.code = a.code AND c.retired = 1 ORDER BY c.seq LIMIT 1)
               FROM accounts a
               LEFT JOIN account_labels l ON l.code = a.code
              WHERE ?1 IS NULL OR substr(a.code, 1, length(?1)) = ?1
              ORDER BY a.code, l.lang",
        )?;
        let mut out: Vec<AccountRow> = vec![];
        let mut rows = stmt.query([prefix])?;
        while let Some(r) = rows.next()? {
            let code = text::<AccountCode>(r, 0)?;
            if out.last().is_none_or(|a| a.code != code) {
                out.push(AccountRow {
                    code,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    labels: vec![],
                    retired: opt_text::<SqlDate>(r, 5)?,
                });
            }
            let label: (Option<String>, Option<String>) = (r.get(3)?, r.get(4)?);
            if let (Some(lang), Some(text)) = label {
                out.last_mut().expect("pushed").labels.push((lang, text));
            }
        }
        Ok(out)
    }

    /// Every funder with what it has given: the net credit of income accounts charged to its
    /// grants. Its name is the one in force: the latest renaming.
    pub fn funders(&self) -> Result<Vec<FunderRow>> {
        // The received of every funder in one aggregate: from `year_totals` (a few rows per
        // grant and year, transactions and reversals being the recorded entries), or, in a
        // file of an earlier release that has none yet, in one pass over the grants' postings.
        let received = if self.has_year_totals()? {
            "SELECT g.funder AS funder, -sum(t.amount) AS received
               FROM year_totals t JOIN grants g ON g.id = t.grant_id
               JOIN accounts a ON a.code = t.account
              WHERE a.type = 'income' AND t.kind IN ('transaction', 'reversal')
              GROUP BY g.funder"
        } else {
            concat!(
                "SELECT g.funder AS funder, -sum(p.amount) AS received
                   FROM postings p
                   JOIN grants g ON g.id = p.grant_id
                   JOIN accounts a ON a.code = p.account
                   JOIN entries e ON e.id = p.entry_id
                  WHERE a.type = 'income' AND ",
                recorded_entry!(),
                " GROUP BY g.funder"
            )
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "WITH r AS ({received})
             SELECT f.id, coalesce((SELECT c.name FROM funder_changes c WHERE c.funder_id = f.id
                                     ORDER BY c.seq DESC LIMIT 1), f.name), f.type, f.country,
                    coalesce(r.received, 0),
                    (SELECT i.org_id FROM funder_identifiers i WHERE i.funder_id = f.id
                      ORDER BY i.seq DESC LIMIT 1)
               FROM funders f LEFT JOIN r ON r.funder = f.id ORDER BY f.id"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(FunderRow {
                id: text::<FunderId>(r, 0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                country: r.get(3)?,
                received: total(r, 4)?,
                org_id: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every grant with its totals and budget lines, as the listing shows them.
    pub fn grants(&self, only: Option<&str>) -> Result<Vec<GrantRow>> {
        // Every grant's totals in one pass over its postings (received and spent, the same in
        // its own currency, and whether a posting lacks an amount in it), grouped by grant:
        // through the grant index alone when one grant is asked for.
        let which = if only.is_some() {
            "p.grant_id = ?1"
        } else {
            "p.grant_id IS NOT NULL"
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "WITH t AS (
               SELECT p.grant_id AS grant_id,
                      -sum(CASE WHEN a.type = 'income' THEN p.amount END) AS received,
                      sum(CASE WHEN a.type = 'expense' OR p.line_id IS NOT NULL
                               THEN p.amount END) AS spent,
                      -- The same totals in the grant's currency: the amounts postings carry in
                      -- it, of transactions and reversals only.
                      -sum(CASE WHEN a.type = 'income' AND p.original_currency = g.currency
                                THEN p.original_amount END) AS received_original,
                      sum(CASE WHEN (a.type = 'expense' OR p.line_id IS NOT NULL)
                                AND p.original_currency = g.currency
                               THEN p.original_amount END) AS spent_original,
                      -- Whether one of them carries no amount in the grant's currency.
                      max(a.type = 'income' AND p.original_currency IS NOT g.currency)
                        AS received_missing,
                      max((a.type = 'expense' OR p.line_id IS NOT NULL)
                          AND p.original_currency IS NOT g.currency) AS spent_missing
                 FROM postings p
                 JOIN grants g ON g.id = p.grant_id
                 JOIN accounts a ON a.code = p.account
                 JOIN entries e ON e.id = p.entry_id
                WHERE {which} AND {}
                GROUP BY p.grant_id)
             SELECT g.id, g.funder,
                    coalesce((SELECT x.amount FROM grant_amendments x WHERE x.grant_id = g.id
                                 AND x.amount IS NOT NULL ORDER BY x.seq DESC LIMIT 1), g.amount),
                    g.currency, g.start_date,
                    coalesce((SELECT x.end_date FROM grant_amendments x WHERE x.grant_id = g.id
                                 AND x.end_date IS NOT NULL ORDER BY x.seq DESC LIMIT 1), g.end_date),
                    g.restricted, g.purpose,
                    coalesce(t.received, 0), coalesce(t.spent, 0),
                    coalesce(t.received_original, 0), coalesce(t.spent_original, 0),
                    coalesce(t.received_missing, 0), coalesce(t.spent_missing, 0)
               FROM grants g LEFT JOIN t ON t.grant_id = g.id
              WHERE ?1 IS NULL OR g.id = ?1 ORDER BY g.id",
            recorded_entry!()
        ))?;
        let mut grants: Vec<GrantRow> = stmt
            .query_map([only], |r| {
                Ok(GrantRow {
                    id: text::<GrantId>(r, 0)?,
                    funder: text::<FunderId>(r, 1)?,
                    amount: r.get(2)?,
                    currency: r.get(3)?,
                    start: text::<SqlDate>(r, 4)?,
                    end: text::<SqlDate>(r, 5)?,
                    restricted: r.get::<_, i64>(6)? != 0,
                    purpose: r.get(7)?,
                    received: total(r, 8)?,
                    spent: total(r, 9)?,
                    received_original: total(r, 10)?,
                    spent_original: total(r, 11)?,
                    received_missing_original: r.get::<_, i64>(12)? != 0,
                    spent_missing_original: r.get::<_, i64>(13)? != 0,
                    lines: vec![],
                    amendments: vec![],
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // A grant's lines with what each spent, in one pass over the grant's postings that
        // name a line: all of them, and those recorded in the grant's own currency (with
        // whether one is not).
        let mut lines = self.conn.prepare_cached(concat!(
            "WITH l AS (
               SELECT p.line_id AS line_id, sum(p.amount) AS spent,
                      sum(CASE WHEN p.original_currency = g.currency AND ",
            recorded_entry!(),
            " THEN p.original_amount END) AS spent_original,
                      max(p.original_currency IS NOT g.currency AND ",
            recorded_entry!(),
            ") AS missing_original
                 FROM postings p
                 JOIN grants g ON g.id = p.grant_id
                 JOIN entries e ON e.id = p.entry_id
                WHERE p.grant_id = ?1 AND p.line_id IS NOT NULL
                GROUP BY p.line_id)
             SELECT b.line_id, b.label, coalesce((SELECT x.amount FROM budget_line_amendments x
                                   WHERE x.grant_id = b.grant_id AND x.line_id = b.line_id
                                     AND x.amount IS NOT NULL ORDER BY x.seq DESC LIMIT 1), b.amount), b.account,
                    coalesce(l.spent, 0),
                    (SELECT x.effective FROM budget_line_amendments x
                          WHERE x.grant_id = b.grant_id AND x.line_id = b.line_id
                            AND x.withdrawn = 1 ORDER BY x.seq LIMIT 1),
                    coalesce(l.spent_original, 0),
                    coalesce(l.missing_original, 0)
               FROM budget_lines b LEFT JOIN l ON l.line_id = b.line_id
              WHERE b.grant_id = ?1 ORDER BY b.seq",
        ))?;
        let mut amendments = self.conn.prepare_cached(
            "SELECT seq, effective, amount, end_date, reason FROM grant_amendments
              WHERE grant_id = ?1 ORDER BY seq",
        )?;
        let mut line_amendments = self.conn.prepare_cached(
            "SELECT seq, effective, amount, withdrawn, reason FROM budget_line_amendments
              WHERE grant_id = ?1 AND line_id = ?2 ORDER BY seq",
        )?;
        for g in &mut grants {
            g.amendments = amendments
                .query_map([&g.id], |r| {
                    Ok(GrantAmendmentRow {
                        seq: r.get(0)?,
                        effective: text::<SqlDate>(r, 1)?,
                        amount: r.get(2)?,
                        end: opt_text::<SqlDate>(r, 3)?,
                        reason: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            g.lines = lines
                .query_map([&g.id], |r| {
                    Ok(BudgetLineRow {
                        line: text::<LineId>(r, 0)?,
                        label: r.get(1)?,
                        budget: r.get(2)?,
                        account: opt_text::<AccountCode>(r, 3)?,
                        spent: total(r, 4)?,
                        withdrawn: opt_text::<SqlDate>(r, 5)?,
                        spent_original: total(r, 6)?,
                        missing_original: r.get::<_, i64>(7)? != 0,
                        amendments: vec![],
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            for line in &mut g.lines {
                line.amendments = line_amendments
                    .query_map([&g.id, &line.line], |r| {
                        Ok(BudgetLineAmendmentRow {
                            seq: r.get(0)?,
                            effective: text::<SqlDate>(r, 1)?,
                            amount: r.get(2)?,
                            withdrawn: r.get::<_, i64>(3)? != 0,
                            reason: r.get(4)?,
                        })
                    })?
                    .collect::<rusqlite::Result<_>>()?;
            }
        }
        Ok(grants)
    }

    /// The ids of every grant, sorted.
    pub fn grant_ids(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM grants ORDER BY id")?;
        let rows = stmt.query_map([], |r| text::<GrantId>(r, 0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The first import of the file with this SHA-256, if any: (seq, file name).
    pub fn import_by_file(&self, sha: &Hash) -> Result<Option<(i64, String)>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT seq, file_name FROM imports WHERE file_sha256 = ?1 ORDER BY seq LIMIT 1",
            )?
            .query_row([sha.as_slice()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// A ledger whose tables hold one funder, one grant and one entry of two postings, written
    /// straight into the tables as an editor of the file would (no log rows, so the foreign
    /// keys to the log are off for the edit): `grant` is (id, amount, start date) and `posting`
    /// (account, amount) is the entry's first posting.
    fn edited(grant: (&str, i64, &str), posting: (&str, i64)) -> Store {
        let store = Store::in_memory(Path::new("edited.db")).unwrap();
        let conn = &store.conn;
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO currencies (code, exponent, seq) VALUES ('MAD', 2, 1);
             INSERT INTO accounts (code, name, type, seq) VALUES ('7111', 'Dons', 'income', 2);
             INSERT INTO funders (id, name, type, country, seq) VALUES ('CMM', 'CMM', 'private', NULL, 3);",
        )
        .unwrap();
        conn.execute(
            "INSERT INTO accounts (code, name, type, seq) VALUES (?1, 'Banque', 'asset', 4)",
            [posting.0],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO grants (id, funder, amount, currency, start_date, end_date, restricted, purpose, seq)
             VALUES (?1, 'CMM', ?2, 'MAD', ?3, '2026-12-31', 1, NULL, 5)",
            params![grant.0, grant.1, grant.2],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO postings (entry_id, idx, account, amount) VALUES (1, 0, ?1, ?2), (1, 1, '7111', -?2)",
            params![posting.0, posting.1],
        )
        .unwrap();
        conn.execute_batch(
            "INSERT INTO entries (id, seq, kind, date, description) VALUES (1, 6, 'transaction', '2026-01-05', 'Don');",
        )
        .unwrap();
        store
    }

    fn sound() -> Store {
        edited(("CMM-2026", 500_000, "2026-01-01"), ("5141", 120_000))
    }

    fn journal(store: &Store) -> Result<Vec<JournalRow>> {
        let mut rows = vec![];
        store.journal(&JournalFilter::default(), |r| rows.push(r))?;
        Ok(rows)
    }

    /// The error a listing gives, which names the value it refused.
    fn refusal<T: std::fmt::Debug>(read: Result<T>) -> String {
        read.expect_err("a tampered value was read as a value")
            .to_string()
    }

    #[test]
    fn sound_rows_read_as_before() {
        let store = sound();
        let grants = store.grants(None).unwrap();
        assert_eq!(grants.len(), 1);
        let g = &grants[0];
        assert_eq!((g.id.as_str(), g.funder.as_str()), ("CMM-2026", "CMM"));
        assert_eq!((g.amount, g.received), (Minor(500_000), Minor::ZERO));
        assert_eq!(
            (g.start.as_str(), g.end.as_str()),
            ("2026-01-01", "2026-12-31")
        );
        assert_eq!(store.grant_ids().unwrap(), ["CMM-2026"]);
        let balances = store.balances(&BalanceFilter::default()).unwrap();
        let balances: Vec<_> = balances
            .iter()
            .map(|b| (b.code.as_str(), b.balance))
            .collect();
        assert_eq!(
            balances,
            [("5141", Minor(120_000)), ("7111", Minor(-120_000))]
        );
        let rows = journal(&store).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].id, rows[0].date.as_str()), (1, "2026-01-05"));
        assert_eq!(
            (rows[0].account.as_str(), rows[0].amount),
            ("5141", Minor(120_000))
        );
        assert_eq!(store.funders().unwrap()[0].id, "CMM");
    }

    #[test]
    fn a_tampered_code_amount_or_date_is_a_read_error_not_a_figure() {
        let bad_id = edited(("CMM 2026", 500_000, "2026-01-01"), ("5141", 1));
        assert!(refusal(bad_id.grants(None)).contains("grant id \"CMM 2026\""));
        assert!(refusal(bad_id.grant_ids()).contains("grant id \"CMM 2026\""));

        let too_large = edited(("CMM-2026", Minor::MAX + 1, "2026-01-01"), ("5141", 1));
        refusal(too_large.grants(None));

        let bad_date = edited(("CMM-2026", 1, "2026-1-01"), ("5141", 1));
        assert!(refusal(bad_date.grants(None)).contains("date \"2026-1-01\""));

        let bad_account = edited(("CMM-2026", 1, "2026-01-01"), ("51 41", 1));
        assert!(refusal(journal(&bad_account)).contains("account code \"51 41\""));
        assert!(refusal(bad_account.balances(&BalanceFilter::default())).contains("\"51 41\""));
        assert!(refusal(bad_account.accounts(None)).contains("\"51 41\""));

        let huge_posting = edited(("CMM-2026", 1, "2026-01-01"), ("5141", Minor::MAX + 1));
        refusal(journal(&huge_posting));
    }

    /// A balance is a total, not one amount: it may pass the bound of a single amount.
    #[test]
    fn a_total_beyond_the_bound_of_one_amount_is_read() {
        let store = sound();
        store
            .conn
            .execute_batch(
                "INSERT INTO postings (entry_id, idx, account, amount) VALUES (2, 0, '5141', 10000000000000), (2, 1, '7111', -10000000000000);
                 INSERT INTO entries (id, seq, kind, date, description) VALUES (2, 7, 'transaction', '2026-01-06', 'Don');",
            )
            .unwrap();
        let balances = store.balances(&BalanceFilter::default()).unwrap();
        assert_eq!(balances[0].balance, Minor(Minor::MAX + 120_000));
    }
}
