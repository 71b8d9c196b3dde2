//! What the rules and the asset list read of the registered assets: each asset's own entry
//! (from the log, as the chain recorded it), the posting it was registered from, and the last
//! day it is depreciated through.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::sql::SqlDate;
use super::{Appender, Result, Store};
use crate::chain::{ChainEntry, Record};
use crate::domain::asset::Asset;
use crate::domain::{AccountCode, GrantId, Minor};
use crate::rules::assets::AssetState;

/// A registered asset with what its posting says and how far it is depreciated.
#[derive(Debug, Clone)]
pub struct AssetFacts {
    pub asset: Asset,
    /// The posting's amount, account and grant, and its transaction's date.
    pub cost: Minor,
    pub account: AccountCode,
    pub grant: Option<GrantId>,
    pub acquired: NaiveDate,
    /// The date of its last depreciation entry.
    pub depreciated_through: Option<NaiveDate>,
}

impl AssetFacts {
    /// The rules' view: the cost and how many months are depreciated.
    pub fn state(&self) -> AssetState {
        let mut state = AssetState {
            asset: self.asset.clone(),
            cost: self.cost,
            done: 0,
        };
        if let Some(through) = self.depreciated_through {
            state.done = state.schedule().period_of(through) + 1;
        }
        state
    }
}

fn asset_facts(conn: &Connection) -> Result<Vec<AssetFacts>> {
    let info = super::ledger_info(conn)?;
    let mut stmt = conn.prepare("SELECT body FROM log WHERE kind = 'asset' ORDER BY seq")?;
    let bodies = stmt
        .query_map([], |r| r.get::<_, Vec<u8>>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = vec![];
    for body in bodies {
        let Ok(ChainEntry {
            record: Record::Asset(asset),
            ..
        }) = ChainEntry::decode(&body, Some(&info.currency))
        else {
            continue;
        };
        let posting = conn
            .query_row(
                "SELECT p.amount, p.account, p.grant_id, e.date
                   FROM postings p JOIN entries e ON e.id = p.entry_id
                  WHERE p.entry_id = ?1 AND p.idx = ?2",
                (asset.entry.0, asset.posting),
                |r| {
                    Ok((
                        r.get::<_, Minor>(0)?,
                        r.get::<_, AccountCode>(1)?,
                        r.get::<_, Option<GrantId>>(2)?,
                        r.get::<_, SqlDate>(3)?,
                    ))
                },
            )
            .optional()?;
        let Some((cost, account, grant, acquired)) = posting else {
            continue;
        };
        let through: Option<SqlDate> = conn.query_row(
            "SELECT max(e.date) FROM depreciations d JOIN entries e ON e.id = d.entry_id
              WHERE d.asset_id = ?1",
            [asset.id.as_str()],
            |r| r.get(0),
        )?;
        out.push(AssetFacts {
            asset,
            cost,
            account,
            grant,
            acquired: acquired.0,
            depreciated_through: through.map(|d| d.0),
        });
    }
    Ok(out)
}

impl Appender<'_> {
    /// The registered assets, read in this write transaction.
    pub fn assets(&self) -> Result<Vec<AssetFacts>> {
        asset_facts(self.tx)
    }

    /// The income accounts a grant's receipts were credited to, by code.
    pub fn grant_income_accounts(&self, grant: &GrantId) -> Result<Vec<AccountCode>> {
        let mut stmt = self.tx.prepare(concat!(
            "SELECT DISTINCT p.account FROM postings p JOIN accounts a ON a.code = p.account
                   JOIN entries e ON e.id = p.entry_id
                  WHERE p.grant_id = ?1 AND a.type = 'income' AND p.amount < 0 AND ",
            recorded_entry!(),
            " ORDER BY p.account"
        ))?;
        let rows = stmt.query_map([grant.as_str()], |r| r.get::<_, AccountCode>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// The registered assets, for the asset list.
    pub fn assets(&self) -> Result<Vec<AssetFacts>> {
        asset_facts(&self.conn)
    }
}
