//! `year_totals` (CHAIN.md section 6b): the postings summed per fiscal year, account, grant,
//! budget line and entry kind, which the annual report reads instead of every posting. Each
//! journal entry adds to it as it is appended ([`super::Appender`]); `verify` sums the replay
//! with [`year_total_parts`] and compares the table with the sums.

use super::projection::{Row, Table, int, text};
use super::{Result, Store};
use crate::chain::{ChainEntry, Record};
use crate::domain::FiscalStart;

/// The migration that made `year_totals` (`0015_year_totals.sql`). Unlike the other tables it
/// is derived from every journal entry, old ones included, so a file whose schema is older
/// has no totals to compare (and its reports read the postings themselves).
pub const SINCE: i64 = 15;

/// The key of one row of `year_totals` (CHAIN.md section 6b), its fields in the order of the
/// table's primary key, so that keys sort as SQLite sorts the rows (integers, then text as
/// bytes).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearTotalKey {
    /// The fiscal year of the entry's date, named by the calendar year it starts in.
    pub year: i32,
    pub account: String,
    /// `""` without a grant.
    pub grant: String,
    /// `""` without a budget line.
    pub line: String,
    /// The entry's kind as the chain names it.
    pub kind: &'static str,
}

impl YearTotalKey {
    /// The table row of this key with its total.
    pub fn row(&self, amount: i64) -> Row {
        Row {
            table: Table::YearTotals,
            values: vec![
                int(i64::from(self.year)),
                text(&self.account),
                text(&self.grant),
                text(&self.line),
                text(self.kind),
                int(amount),
            ],
        }
    }
}

/// What `entry` adds to `year_totals`: each posting's amount under its key, in posting order
/// (nothing for an entry that is not a journal entry). `fiscal` is the ledger's fiscal start.
pub fn year_total_parts(entry: &ChainEntry, fiscal: FiscalStart) -> Vec<(YearTotalKey, i64)> {
    let Record::Entry(e) = &entry.record else {
        return vec![];
    };
    let year = fiscal.year_of(e.header.date);
    let kind = e.header.kind.name();
    e.postings()
        .iter()
        .map(|p| {
            (
                YearTotalKey {
                    year,
                    account: p.account.as_str().to_string(),
                    grant: p.grant.as_ref().map_or("", |g| g.as_str()).to_string(),
                    line: p.line.as_ref().map_or("", |l| l.as_str()).to_string(),
                    kind,
                },
                p.amount.0,
            )
        })
        .collect()
}

impl Store {
    /// Whether the file holds `year_totals` (its schema is at least [`SINCE`]): a file of an
    /// earlier release read without being written has only its stand-in, empty, and its
    /// totals are read from the postings.
    pub fn has_year_totals(&self) -> Result<bool> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(version >= SINCE)
    }
}
