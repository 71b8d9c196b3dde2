//! The fields of the fixed-asset kinds (CHAIN.md section 4, `asset` and `depreciation`):
//! their encoding and strict decoding, beside the other kinds' in the parent module.

use chrono::NaiveDate;

use super::super::encoding::{DecodeError, Reader, Writer};
use super::super::records::Record;
use super::{code, opt_code};
use crate::domain::asset::Asset;
use crate::domain::{AccountCode, AssetId, EntryId, EntryKind};

pub(super) fn encode_asset(w: &mut Writer, a: &Asset) {
    w.text(a.id.as_str());
    w.text(&a.label);
    w.int(a.entry.0);
    w.int(a.posting);
    w.int(a.life_months);
    w.date(a.start);
    w.text(a.depreciation_account.as_str());
    w.text(a.expense_account.as_str());
    w.opt_text(a.release.as_ref().map(|(r, _)| r.as_str()));
    w.opt_text(a.release.as_ref().map(|(_, i)| i.as_str()));
}

/// A depreciation's own fields, after a transaction's.
pub(super) fn encode_depreciation(w: &mut Writer, asset: &AssetId, start: NaiveDate) {
    w.text(asset.as_str());
    w.date(start);
}

pub(super) fn decode_depreciation(r: &mut Reader) -> Result<EntryKind, DecodeError> {
    Ok(EntryKind::Depreciation {
        asset: code(r, "depreciation.asset", AssetId::parse)?,
        start: r.date("depreciation.start")?,
    })
}

pub(super) fn decode_asset(r: &mut Reader) -> Result<Record, DecodeError> {
    let id = code(r, "asset.id", AssetId::parse)?;
    let label = r.text("asset.label")?;
    let entry = EntryId(r.int("asset.transaction")?);
    let posting = r.int("asset.posting")?;
    let life_months = r.int("asset.life_months")?;
    let start = r.date("asset.start")?;
    let depreciation_account = code(r, "asset.depreciation_account", AccountCode::parse)?;
    let expense_account = code(r, "asset.expense_account", AccountCode::parse)?;
    let at = r.position();
    let release = match (
        opt_code(r, "asset.release_account", AccountCode::parse)?,
        opt_code(r, "asset.income_account", AccountCode::parse)?,
    ) {
        (Some(from), Some(to)) => Some((from, to)),
        (None, None) => None,
        _ => {
            return Err(r.invalid(
                at,
                "release account and income account must both be present or both null",
            ));
        }
    };
    Ok(Record::Asset(Asset {
        id,
        label,
        entry,
        posting,
        life_months,
        start,
        depreciation_account,
        expense_account,
        release,
    }))
}
