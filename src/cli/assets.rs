//! The fixed-asset commands: `asset add`, `asset list`, `depreciate`.

use amana::app::Ledger;
use amana::app::assets::AssetRequest;
use amana::app::bundle;
use amana::domain::{self, AccountCode, AssetId, EntryId, format_date};
use amana::report::assets as report;

use super::Context;
use super::args::{AssetCommand, AssetGroup, Format};
use super::error::Failure;
use super::print;

fn code(value: Option<String>) -> Result<Option<AccountCode>, Failure> {
    Ok(value.map(|v| AccountCode::parse(&v)).transpose()?)
}

pub fn run(ctx: &Context, command: AssetGroup) -> Result<(), Failure> {
    let (path, actor) = (&ctx.ledger, ctx.actor.as_str());
    match command {
        AssetGroup::Asset(AssetCommand::Add {
            id,
            transaction,
            posting,
            life_months,
            label,
            start,
            depreciation_account,
            expense_account,
            subsidy_from,
            subsidy_account,
            release_account,
            income_account,
        }) => {
            let req = AssetRequest {
                id: AssetId::parse(&id)?,
                transaction: EntryId(transaction),
                posting,
                life_months,
                label,
                start: start.map(|d| domain::parse_date(&d)).transpose()?,
                depreciation_account: code(depreciation_account)?,
                expense_account: code(expense_account)?,
                subsidy_from: code(subsidy_from)?,
                subsidy_account: code(subsidy_account)?,
                release_account: code(release_account)?,
                income_account: code(income_account)?,
            };
            let mut ledger = Ledger::open(path, actor)?;
            let currency = ledger.info()?.currency;
            let added = ledger.add_asset(req)?;
            print::warn(&added.written.warnings);
            out!(
                "Registered asset {id}: cost {} {}, from transaction #{transaction}.",
                currency.format(added.cost),
                currency.code
            );
            if let Some(subsidy) = added.subsidy {
                out!(
                    "Recorded its investment subsidy as transaction #{subsidy} (chain entry {}): released to income in step with its depreciation.",
                    added.written.seq
                );
            }
        }
        AssetGroup::Asset(AssetCommand::List { format }) => {
            let ledger = bundle::open_read_only(path)?;
            let info = ledger.info()?;
            let report = report::assets(ledger.store(), &info)?;
            match format.resolved()? {
                Format::Table => out!("{}", report::assets_table(&report)),
                Format::Csv => print::csv(&report::assets_csv(&report), format.excel)?,
                Format::Json => print::json(&report),
            }
        }
        AssetGroup::Depreciate {
            through,
            asset,
            dry_run,
        } => {
            let through = domain::parse_date(&through)?;
            let asset = asset.map(|a| AssetId::parse(&a)).transpose()?;
            let mut ledger = Ledger::open(path, actor)?;
            let currency = ledger.info()?.currency;
            let lines = ledger.depreciate(through, asset.as_ref(), dry_run)?;
            if lines.is_empty() {
                out!(
                    "Nothing to depreciate through {}: every asset is depreciated through it (or not acquired yet).",
                    format_date(through)
                );
                return Ok(());
            }
            let verb = if dry_run { "Would post" } else { "Posted" };
            for l in &lines {
                out!(
                    "{verb} #{} {}: depreciation of {} from {} to {}: {} {}{}",
                    l.entry,
                    format_date(l.through),
                    l.asset,
                    format_date(l.from),
                    format_date(l.through),
                    currency.format(l.amount),
                    currency.code,
                    l.released
                        .map(|r| format!(", subsidy released {}", currency.format(r)))
                        .unwrap_or_default()
                );
            }
            if dry_run {
                out!("Dry run: nothing was written.");
            }
        }
    }
    Ok(())
}
