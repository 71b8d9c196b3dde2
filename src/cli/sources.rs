//! The commands about where money comes from: `donors` (the donor register) and `in-kind`
//! (a contribution in kind recorded, or the year's listed).

use amana::app::sources::{InKindKind, InKindRequest, InKindValue};
use amana::app::{Ledger, bundle};
use amana::domain::{self, AccountCode, FunderId};
use amana::report::{self, render};

use super::Context;
use super::args::{Format, InKindCommand, InKindKindArg, SourcesGroup};
use super::error::Failure;
use super::print;

pub fn run(ctx: &Context, command: SourcesGroup) -> Result<(), Failure> {
    let path = &ctx.ledger;
    match command {
        SourcesGroup::Donors {
            year,
            detail,
            format,
        } => {
            let ledger = bundle::open_read_only(path)?;
            let info = ledger.info()?;
            let report = report::donors(ledger.store(), &info, year, detail)?;
            match format.resolved()? {
                Format::Table => out!("{}", render::donors_table(&report)),
                Format::Csv => print::csv(&render::donors_csv(&report), format.excel)?,
                Format::Json => print::json(&report),
            }
        }
        SourcesGroup::InKind(args) => match args.list {
            Some(InKindCommand::List { year, format }) => {
                let ledger = bundle::open_read_only(path)?;
                let info = ledger.info()?;
                let report = report::in_kind(ledger.store(), &info, year)?;
                match format.resolved()? {
                    Format::Table => out!("{}", render::in_kind_table(&report)),
                    Format::Csv => print::csv(&render::in_kind_csv(&report), format.excel)?,
                    Format::Json => print::json(&report),
                }
            }
            None => {
                let code = |c: Option<String>| c.as_deref().map(AccountCode::parse).transpose();
                let req = InKindRequest {
                    date: domain::parse_date(args.date.as_deref().unwrap_or_default())?,
                    kind: match args.kind {
                        Some(InKindKindArg::Premises) => InKindKind::Premises,
                        Some(InKindKindArg::Goods) => InKindKind::Goods,
                        Some(InKindKindArg::Volunteering) | None => InKindKind::Volunteering,
                    },
                    value: match (args.value, args.hours, args.rate) {
                        (Some(value), _, _) => InKindValue::Value(value),
                        (None, hours, rate) => InKindValue::Hours {
                            hours: hours.unwrap_or_default(),
                            rate: rate.unwrap_or_default(),
                        },
                    },
                    description: args.description.unwrap_or_default(),
                    funder: args.funder.as_deref().map(FunderId::parse).transpose()?,
                    use_account: code(args.use_account)?,
                    resource_account: code(args.resource_account)?,
                };
                let written = Ledger::open(path, &ctx.actor)?.in_kind(req)?;
                print::warn(&written.warnings);
                out!(
                    "Recorded contribution in kind as transaction #{} on memorandum accounts (chain entry {}).",
                    written.entry.map_or(0, |e| e.0),
                    written.seq
                );
            }
        },
    }
    Ok(())
}
