//! The typed queries behind the listings and the application's look-ups: balances, the
//! journal, accounts, funders, grants and their budget lines, seals' signatures, imports.
//!
//! Each query reads what one listing shows, in one statement where it can; the names and
//! amounts in force (after renamings and amendments) are worked out in SQL, so a listing never
//! rebuilds them.

use rusqlite::{OptionalExtension, params};

use super::rows::{
    AccountRow, BalanceFilter, BalanceRow, BudgetLineAmendmentRow, BudgetLineRow, FunderRow,
    GrantAmendmentRow, GrantRow, JournalFilter, JournalRow, SignatureRow,
};
use super::{Result, Store};
use crate::chain::Hash;
use crate::domain::{EntryId, Minor};

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
              GROUP BY p.account
              ORDER BY p.account",
        )?;
        let rows = stmt.query_map(params![filter.as_of, filter.grant], |r| {
            Ok(BalanceRow {
                code: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                balance: Minor(r.get(3)?),
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
            let original: (Option<i64>, Option<String>) = (r.get(15)?, r.get(16)?);
            each(JournalRow {
                id: r.get(0)?,
                seq: r.get(1)?,
                kind: r.get(2)?,
                date: r.get(3)?,
                description: r.get(4)?,
                reference: r.get(5)?,
                reverses: r.get(6)?,
                reason: r.get(7)?,
                reversed_by: r.get(8)?,
                idx: r.get(9)?,
                account: r.get(10)?,
                account_name: r.get(11)?,
                amount: Minor(r.get(12)?),
                grant: r.get(13)?,
                line: r.get(14)?,
                original: match original {
                    (Some(a), Some(c)) => Some((Minor(a), c)),
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
            .query_row([id.0], |r| r.get(0))
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
                officer: r.get(0)?,
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
            let code: String = r.get(0)?;
            if out.last().is_none_or(|a| a.code != code) {
                out.push(AccountRow {
                    code,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    labels: vec![],
                    retired: r.get(5)?,
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
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.id, coalesce((SELECT c.name FROM funder_changes c WHERE c.funder_id = f.id
                                     ORDER BY c.seq DESC LIMIT 1), f.name), f.type, f.country,
                    coalesce((SELECT -sum(p.amount) FROM postings p
                               JOIN grants g ON g.id = p.grant_id
                               JOIN accounts a ON a.code = p.account
                              WHERE g.funder = f.id AND a.type = 'income'), 0)
               FROM funders f ORDER BY f.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(FunderRow {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                country: r.get(3)?,
                received: Minor(r.get(4)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every grant with its totals and budget lines, as the listing shows them.
    pub fn grants(&self, only: Option<&str>) -> Result<Vec<GrantRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT g.id, g.funder,
                    coalesce((SELECT x.amount FROM grant_amendments x WHERE x.grant_id = g.id
                                 AND x.amount IS NOT NULL ORDER BY x.seq DESC LIMIT 1), g.amount),
                    g.currency, g.start_date,
                    coalesce((SELECT x.end_date FROM grant_amendments x WHERE x.grant_id = g.id
                                 AND x.end_date IS NOT NULL ORDER BY x.seq DESC LIMIT 1), g.end_date),
                    g.restricted, g.purpose,
                    coalesce((SELECT -sum(p.amount) FROM postings p JOIN accounts a ON a.code = p.account
                               WHERE p.grant_id = g.id AND a.type = 'income'), 0),
                    coalesce((SELECT sum(p.amount) FROM postings p JOIN accounts a ON a.code = p.account
                               WHERE p.grant_id = g.id AND (a.type = 'expense' OR p.line_id IS NOT NULL)), 0)
               FROM grants g WHERE ?1 IS NULL OR g.id = ?1 ORDER BY g.id",
        )?;
        let mut grants: Vec<GrantRow> = stmt
            .query_map([only], |r| {
                Ok(GrantRow {
                    id: r.get(0)?,
                    funder: r.get(1)?,
                    amount: Minor(r.get(2)?),
                    currency: r.get(3)?,
                    start: r.get(4)?,
                    end: r.get(5)?,
                    restricted: r.get::<_, i64>(6)? != 0,
                    purpose: r.get(7)?,
                    received: Minor(r.get(8)?),
                    spent: Minor(r.get(9)?),
                    lines: vec![],
                    amendments: vec![],
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut lines = self.conn.prepare_cached(
            "SELECT b.line_id, b.label, coalesce((SELECT x.amount FROM budget_line_amendments x
                                   WHERE x.grant_id = b.grant_id AND x.line_id = b.line_id
                                     AND x.amount IS NOT NULL ORDER BY x.seq DESC LIMIT 1), b.amount), b.account,
                    coalesce((SELECT sum(p.amount) FROM postings p
                               WHERE p.grant_id = b.grant_id AND p.line_id = b.line_id), 0),
                    (SELECT x.effective FROM budget_line_amendments x
                          WHERE x.grant_id = b.grant_id AND x.line_id = b.line_id
                            AND x.withdrawn = 1 ORDER BY x.seq LIMIT 1)
               FROM budget_lines b WHERE b.grant_id = ?1 ORDER BY b.seq",
        )?;
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
                        effective: r.get(1)?,
                        amount: r.get::<_, Option<i64>>(2)?.map(Minor),
                        end: r.get(3)?,
                        reason: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            g.lines = lines
                .query_map([&g.id], |r| {
                    Ok(BudgetLineRow {
                        line: r.get(0)?,
                        label: r.get(1)?,
                        budget: Minor(r.get(2)?),
                        account: r.get(3)?,
                        spent: Minor(r.get(4)?),
                        withdrawn: r.get(5)?,
                        amendments: vec![],
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            for line in &mut g.lines {
                line.amendments = line_amendments
                    .query_map([&g.id, &line.line], |r| {
                        Ok(BudgetLineAmendmentRow {
                            seq: r.get(0)?,
                            effective: r.get(1)?,
                            amount: r.get::<_, Option<i64>>(2)?.map(Minor),
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
        let rows = stmt.query_map([], |r| r.get(0))?;
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
