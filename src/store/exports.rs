//! What the IATI and 360Giving exports read of a grant beyond its listing: every posting that
//! counts in what it received or spent, and when its agreement was recorded.

use super::sql::SqlDate;
use super::{Result, Store};
use crate::chain::ChainEntry;
use crate::domain::{EntryId, LineId, Minor};

/// A posting charged to a grant that counts in its `received` or `spent` (as `grant list`
/// counts them: transactions and reversals, closings and depreciations left out).
#[derive(Debug, Clone)]
pub struct GrantFlow {
    pub entry: EntryId,
    pub date: chrono::NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    /// A reversal's reason (`None` for a transaction).
    pub reason: Option<String>,
    /// Income (`received`) or spending (an expense account, or a posting on a budget line).
    pub income: bool,
    pub line: Option<String>,
    /// Minor units of the base currency, debit positive.
    pub amount: Minor,
    /// The amount in another currency, and that currency, when the posting carries one.
    pub original: Option<(Minor, String)>,
}

impl Store {
    /// Every posting of `grant` that `grant list` counts, in journal order.
    pub fn grant_flows(&self, grant: &str) -> Result<Vec<GrantFlow>> {
        let mut stmt = self.conn.prepare_cached(concat!(
            "SELECT e.id, e.date, e.description, e.reference, e.reason, a.type = 'income',
                    p.line_id, p.amount, p.original_amount, p.original_currency
               FROM postings p
               JOIN accounts a ON a.code = p.account
               JOIN entries e ON e.id = p.entry_id
              WHERE p.grant_id = ?1
                AND (a.type IN ('income', 'expense') OR p.line_id IS NOT NULL) AND ",
            recorded_entry!(),
            " ORDER BY e.id, p.idx"
        ))?;
        let rows = stmt.query_map([grant], |r| {
            let original: (Option<Minor>, Option<String>) = (r.get(8)?, r.get(9)?);
            Ok(GrantFlow {
                entry: EntryId(r.get(0)?),
                date: r.get::<_, SqlDate>(1)?.0,
                description: r.get(2)?,
                reference: r.get(3)?,
                reason: r.get(4)?,
                income: r.get::<_, i64>(5)? != 0,
                line: r.get::<_, Option<LineId>>(6)?.map(|l| l.to_string()),
                amount: r.get(7)?,
                original: match original {
                    (Some(m), Some(c)) => Some((m, c)),
                    _ => None,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// When `grant`'s entry was written (microseconds since the epoch, UTC), read from the
    /// chain entry itself.
    pub fn grant_recorded_at(&self, grant: &str) -> Result<Option<i64>> {
        let body: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT l.body FROM grants g JOIN log l ON l.seq = g.seq WHERE g.id = ?1",
                [grant],
                |r| r.get(0),
            )
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        Ok(body.and_then(|b| ChainEntry::time_of(&b)))
    }
}
