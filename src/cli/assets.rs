//! The fixed-asset commands: `asset add`, `asset list`, `depreciate`.

use serde::Serialize;

use amana::app::Ledger;
use amana::app::assets::{AssetRequest, AssetView};
use amana::app::bundle;
use amana::domain::{self, AccountCode, AssetId, Currency, EntryId, format_date};

use super::Context;
use super::args::{AssetCommand, AssetGroup, Format};
use super::error::Failure;
use super::print;

/// One asset of `asset list --format json`: amounts as exact strings.
#[derive(Debug, Serialize)]
struct AssetLine {
    id: String,
    label: String,
    account: String,
    cost: String,
    acquired: String,
    life_months: i64,
    start: String,
    grant: Option<String>,
    depreciated: String,
    depreciated_through: Option<String>,
    net_book_value: String,
    subsidy_remaining: Option<String>,
    transaction: i64,
}

fn line(v: &AssetView, c: &Currency) -> AssetLine {
    let f = &v.facts;
    AssetLine {
        id: f.asset.id.to_string(),
        label: f.asset.label.clone(),
        account: f.account.to_string(),
        cost: c.format(f.cost),
        acquired: format_date(f.acquired),
        life_months: f.asset.life_months,
        start: format_date(f.asset.start),
        grant: f.grant.as_ref().map(|g| g.to_string()),
        depreciated: c.format(v.depreciated),
        depreciated_through: f.depreciated_through.map(format_date),
        net_book_value: c.format(v.net_book_value),
        subsidy_remaining: v.subsidy_remaining.map(|m| c.format(m)),
        transaction: f.asset.entry.0,
    }
}

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
            let currency = ledger.info()?.currency;
            let lines: Vec<AssetLine> = ledger
                .assets()?
                .iter()
                .map(|v| line(v, &currency))
                .collect();
            match format.format {
                Format::Json => print::json(&lines),
                Format::Table | Format::Csv => {
                    let csv = matches!(format.format, Format::Csv);
                    let header = [
                        "id",
                        "label",
                        "account",
                        "cost",
                        "acquired",
                        "life_months",
                        "grant",
                        "depreciated",
                        "depreciated_through",
                        "net_book_value",
                        "subsidy_remaining",
                    ];
                    let sep = if csv { "," } else { "  " };
                    out!("{}", header.join(sep));
                    for l in &lines {
                        let cells = [
                            l.id.clone(),
                            l.label.clone(),
                            l.account.clone(),
                            l.cost.clone(),
                            l.acquired.clone(),
                            l.life_months.to_string(),
                            l.grant.clone().unwrap_or_default(),
                            l.depreciated.clone(),
                            l.depreciated_through.clone().unwrap_or_default(),
                            l.net_book_value.clone(),
                            l.subsidy_remaining.clone().unwrap_or_default(),
                        ];
                        let cells: Vec<String> = if csv {
                            cells.iter().map(|c| csv_cell(c)).collect()
                        } else {
                            cells.to_vec()
                        };
                        out!("{}", cells.join(sep));
                    }
                }
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

/// A CSV cell, quoted when it must be (and a leading formula character neutralised).
fn csv_cell(value: &str) -> String {
    let number = value
        .strip_prefix('-')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'));
    let value = if value.starts_with(['=', '+', '-', '@']) && !number {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}
