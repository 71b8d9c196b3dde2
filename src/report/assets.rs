//! The fixed-asset register (`asset list`): each asset's cost, what is depreciated, its net
//! book value and what is left of its investment subsidy, as a model, a table and a CSV; and
//! how `log` shows an `asset` entry.

use serde::Serialize;

use super::Provenance;
use super::render::{Field, Sheet, SheetWriter, provenance_line, right, table};
use crate::domain::asset::Asset;
use crate::domain::{LedgerInfo, Minor, format_date};
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, Serialize)]
pub struct AssetLine {
    pub id: String,
    pub label: String,
    /// The asset account it was bought on, and the transaction that bought it.
    pub account: String,
    pub transaction: i64,
    pub cost: String,
    pub acquired: String,
    pub life_months: i64,
    /// The day depreciation starts (its month is the first).
    pub start: String,
    pub grant: Option<String>,
    /// Depreciation posted so far, and the last day it covers.
    pub depreciated: String,
    pub depreciated_through: Option<String>,
    pub net_book_value: String,
    /// What is left of the investment subsidy (for an asset bought on a grant).
    pub subsidy_remaining: Option<String>,
}

/// `amana asset list`.
#[derive(Debug, Clone, Serialize)]
pub struct AssetsReport {
    pub currency: String,
    pub assets: Vec<AssetLine>,
    pub provenance: Provenance,
}

pub fn assets(store: &Store, info: &LedgerInfo) -> Result<AssetsReport, StoreError> {
    let c = &info.currency;
    let mut facts = store.assets()?;
    facts.sort_by(|a, b| a.asset.id.cmp(&b.asset.id));
    let assets = facts
        .into_iter()
        .map(|f| {
            let state = f.state();
            let depreciated = match state.done {
                0 => Minor::ZERO,
                done => state.schedule().total(0, done - 1),
            };
            // Both within the cost, itself within ±10^13: no overflow.
            let left = Minor(f.cost.0 - depreciated.0);
            AssetLine {
                id: f.asset.id.to_string(),
                label: f.asset.label.clone(),
                account: f.account.to_string(),
                transaction: f.asset.entry.0,
                cost: c.format(f.cost),
                acquired: format_date(f.acquired),
                life_months: f.asset.life_months,
                start: format_date(f.asset.start),
                grant: f.grant.as_ref().map(ToString::to_string),
                depreciated: c.format(depreciated),
                depreciated_through: f.depreciated_through.map(format_date),
                net_book_value: c.format(left),
                subsidy_remaining: f.asset.release.as_ref().map(|_| c.format(left)),
            }
        })
        .collect();
    Ok(AssetsReport {
        currency: c.code.clone(),
        assets,
        provenance: super::provenance(store, info)?,
    })
}

pub fn assets_table(r: &AssetsReport) -> String {
    let mut t = table(&[
        "Asset",
        "Label",
        "Account",
        "Acquired",
        "Months",
        "Grant",
        &format!("Cost ({})", r.currency),
        "Depreciated",
        "Through",
        "Net book value",
        "Subsidy left",
    ]);
    for a in &r.assets {
        t.add_row(vec![
            comfy_table::Cell::new(&a.id),
            comfy_table::Cell::new(&a.label),
            comfy_table::Cell::new(&a.account),
            comfy_table::Cell::new(&a.acquired),
            right(&a.life_months.to_string()),
            comfy_table::Cell::new(a.grant.as_deref().unwrap_or("")),
            right(&a.cost),
            right(&a.depreciated),
            comfy_table::Cell::new(a.depreciated_through.as_deref().unwrap_or("")),
            right(&a.net_book_value),
            right(a.subsidy_remaining.as_deref().unwrap_or("")),
        ]);
    }
    let mut out = t.to_string();
    out.push_str(&provenance_line(&r.provenance));
    out
}

pub fn assets_csv(r: &AssetsReport) -> Sheet {
    use Field::{Number, Text};
    let mut w = SheetWriter::new(&[
        "id",
        "label",
        "account",
        "transaction",
        "cost",
        "acquired",
        "life_months",
        "start",
        "grant",
        "depreciated",
        "depreciated_through",
        "net_book_value",
        "subsidy_remaining",
    ]);
    for a in &r.assets {
        let (transaction, months) = (a.transaction.to_string(), a.life_months.to_string());
        w.row(&[
            Text(&a.id),
            Text(&a.label),
            Text(&a.account),
            Number(&transaction),
            Number(&a.cost),
            Text(&a.acquired),
            Number(&months),
            Text(&a.start),
            Text(a.grant.as_deref().unwrap_or("")),
            Number(&a.depreciated),
            Text(a.depreciated_through.as_deref().unwrap_or("")),
            Number(&a.net_book_value),
            Number(a.subsidy_remaining.as_deref().unwrap_or("")),
        ]);
    }
    w.done()
}

/// One line that says what an `asset` entry recorded (`amana log`).
pub(super) fn summary(a: &Asset) -> String {
    format!(
        "asset {} {}: posting {} of transaction #{}, {} months from {}",
        a.id,
        a.label,
        a.posting + 1,
        a.entry,
        a.life_months,
        format_date(a.start)
    )
}

/// An `asset` entry's content as JSON (`amana log --format json`).
pub(super) fn content(a: &Asset) -> serde_json::Value {
    serde_json::json!({
        "id": a.id.as_str(), "label": a.label, "transaction": a.entry.0, "posting": a.posting,
        "life_months": a.life_months, "start": format_date(a.start),
        "depreciation_account": a.depreciation_account.as_str(),
        "expense_account": a.expense_account.as_str(),
        "release_account": a.release.as_ref().map(|(r, _)| r.as_str()),
        "income_account": a.release.as_ref().map(|(_, i)| i.as_str()),
    })
}
