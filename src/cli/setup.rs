//! The commands that set the books up: `init`, and the accounts, funders, grants and budget
//! lines (added, renamed, amended, listed).

use amana::app::amendments::{BudgetLineAmendmentRequest, GrantAmendmentRequest};
use amana::app::{BudgetLineRequest, GrantRequest, InitRequest, Ledger, bundle};
use amana::report::{self, render};

use super::Context;
use super::args::{AccountCommand, Format, FunderCommand, GrantCommand, SetupGroup};
use super::error::{CliError, Failure};
use super::print;

pub fn run(ctx: &Context, command: SetupGroup) -> Result<(), Failure> {
    let (path, actor) = (&ctx.ledger, ctx.actor.as_str());
    match command {
        SetupGroup::Init {
            name,
            currency,
            chart,
            fiscal_year_start,
        } => {
            let req = InitRequest {
                name,
                currency,
                chart,
                fiscal_start: fiscal_year_start,
                id: None,
            };
            let (ledger, written) = Ledger::init(path, req, actor)?;
            let info = ledger.info()?;
            out!(
                "Created ledger \"{}\" in {} ({}, chart {}, {} chain entries).",
                info.name,
                path.display(),
                info.currency.code,
                info.chart,
                written.seq
            );
            out!("head: {} {}", written.seq, hex::encode(written.head));
            out!("{}", print::keep_together(path));
        }
        SetupGroup::Account(AccountCommand::List { prefix, format }) => {
            let ledger = bundle::open_read_only(path)?;
            let report = report::accounts(ledger.store(), prefix.as_deref().map(str::trim))?;
            match format.format {
                Format::Table => out!("{}", render::accounts_table(&report)),
                Format::Csv => outp!("{}", render::accounts_csv(&report)),
                Format::Json => print::json(&report),
            }
        }
        SetupGroup::Account(AccountCommand::Add {
            code,
            name,
            kind,
            labels,
        }) => {
            let labels = labels
                .iter()
                .map(|l| parse_label(l).ok_or_else(|| CliError::Label(l.clone())))
                .collect::<Result<Vec<_>, _>>()?;
            let written = Ledger::open(path, actor)?.add_account(&code, &name, &kind, &labels)?;
            out!("Added account {code} (chain entry {}).", written.seq);
        }
        SetupGroup::Account(AccountCommand::Rename {
            code,
            name,
            reason,
            effective,
        }) => {
            let written = Ledger::open(path, actor)?.rename_account(
                &code,
                &name,
                effective.as_deref(),
                &reason,
            )?;
            out!("Renamed account {code} (chain entry {}).", written.seq);
        }
        SetupGroup::Account(AccountCommand::Retire {
            code,
            effective,
            reason,
        }) => {
            let written = Ledger::open(path, actor)?.retire_account(&code, &effective, &reason)?;
            out!(
                "Retired account {code} from {effective} (chain entry {}).",
                written.seq
            );
        }
        SetupGroup::Funder(FunderCommand::List { format }) => {
            let ledger = bundle::open_read_only(path)?;
            let info = ledger.info()?;
            let report = report::funders(ledger.store(), &info)?;
            match format.format {
                Format::Table => out!("{}", render::funders_table(&report)),
                Format::Csv => outp!("{}", render::funders_csv(&report)),
                Format::Json => print::json(&report),
            }
        }
        SetupGroup::Funder(FunderCommand::Add {
            id,
            name,
            kind,
            country,
        }) => {
            let written =
                Ledger::open(path, actor)?.add_funder(&id, &name, &kind, country.as_deref())?;
            out!("Added funder {id} (chain entry {}).", written.seq);
        }
        SetupGroup::Funder(FunderCommand::Rename { id, name, reason }) => {
            let written = Ledger::open(path, actor)?.rename_funder(&id, &name, &reason)?;
            out!("Renamed funder {id} (chain entry {}).", written.seq);
        }
        SetupGroup::Grant(GrantCommand::List { grant, format }) => {
            let ledger = bundle::open_read_only(path)?;
            let info = ledger.info()?;
            let grant = ledger.grant_filter(grant.as_deref())?;
            let report = report::grants(ledger.store(), &info, grant.as_deref())?;
            match format.format {
                Format::Table => outp!("{}", render::grants_text(&report)),
                Format::Csv => outp!("{}", render::grants_csv(&report)),
                Format::Json => print::json(&report),
            }
        }
        SetupGroup::Grant(GrantCommand::Add {
            id,
            funder,
            amount,
            currency,
            start,
            end,
            unrestricted,
            purpose,
        }) => {
            let req = GrantRequest {
                id,
                funder,
                amount,
                currency,
                start,
                end,
                restricted: !unrestricted,
                purpose,
            };
            let id = req.id.clone();
            let written = Ledger::open(path, actor)?.add_grant(req)?;
            out!("Added grant {id} (chain entry {}).", written.seq);
        }
        SetupGroup::Grant(GrantCommand::Budget {
            grant,
            line,
            amount,
            label,
            account,
        }) => {
            let req = BudgetLineRequest {
                grant,
                line,
                label,
                amount,
                account,
            };
            let (grant, line) = (req.grant.clone(), req.line.clone());
            let written = Ledger::open(path, actor)?.add_budget_line(req)?;
            out!(
                "Added budget line {grant}/{line} (chain entry {}).",
                written.seq
            );
        }
        SetupGroup::Grant(GrantCommand::Amend {
            id,
            amount,
            end,
            effective,
            reason,
        }) => {
            let req = GrantAmendmentRequest {
                grant: id,
                effective,
                amount,
                end,
                reason,
            };
            let id = req.grant.clone();
            let written = Ledger::open(path, actor)?.amend_grant(req)?;
            out!("Amended grant {id} (chain entry {}).", written.seq);
        }
        SetupGroup::Grant(GrantCommand::BudgetAmend {
            grant,
            line,
            amount,
            withdraw,
            effective,
            reason,
        }) => {
            let req = BudgetLineAmendmentRequest {
                grant,
                line,
                effective,
                amount,
                withdraw,
                reason,
            };
            let (grant, line) = (req.grant.clone(), req.line.clone());
            let written = Ledger::open(path, actor)?.amend_budget_line(req)?;
            out!(
                "Amended budget line {grant}/{line} (chain entry {}).",
                written.seq
            );
        }
    }
    Ok(())
}

/// Parses `LANG=TEXT`.
fn parse_label(text: &str) -> Option<(String, String)> {
    text.split_once('=')
        .map(|(l, t)| (l.to_string(), t.to_string()))
}
