//! The commands that set the books up: `init`, and the accounts, funders, grants and budget
//! lines (added, renamed, amended, listed).

use amana::app::amendments::{BudgetLineAmendmentRequest, GrantAmendmentRequest};
use amana::app::setup::{AccountRequest, FunderRequest};
use amana::app::{BudgetLineRequest, GrantRequest, InitRequest, Ledger, bundle, settings};
use amana::domain::{AccountCode, Currency, FiscalStart, FunderId, GrantId, LineId, parse_date};
use amana::report::{self, render};

use super::Context;
use super::args::setup::{LoadWhat, SettingCommand};
use super::args::{AccountCommand, Format, FunderCommand, GrantCommand, SetupGroup};
use super::error::{CliError, Failure};
use super::{lang, print};
use amana::app::load::LoadError;
use amana::formats::setup_csv::SetupKind;

pub fn run(ctx: &Context, command: SetupGroup) -> Result<(), Failure> {
    let (path, actor) = (&ctx.ledger, ctx.actor.as_str());
    match command {
        SetupGroup::Load {
            what,
            file,
            dry_run,
        } => {
            let kind = match what {
                LoadWhat::Accounts => SetupKind::Accounts,
                LoadWhat::Funders => SetupKind::Funders,
                LoadWhat::Grants => SetupKind::Grants,
                LoadWhat::Budget => SetupKind::Budget,
            };
            let outcome = Ledger::open(path, actor)?
                .load(kind, &file, dry_run)
                .map_err(|e| match e {
                    LoadError::Ledger(e) => Failure::from(*e),
                    LoadError::Refused { file, line, error } => Failure::Invalid(format!(
                        "{file}:line {line}: {}\nnothing was loaded",
                        Failure::from(*error).message().unwrap_or_default()
                    )),
                    other => Failure::Invalid(other.to_string()),
                })?;
            for (line, column, written, kept) in &outcome.trimmed {
                eprintln!(
                    "amana: note: {}:line {line}: column {column}: {written:?} is kept as {kept:?}",
                    file.display()
                );
            }
            print::warn(&outcome.warnings);
            match (outcome.dry_run, outcome.seqs) {
                (true, _) => out!(
                    "Checked {} {} of {}: every row would be recorded; nothing was (dry run).",
                    outcome.rows,
                    kind.name(),
                    file.display()
                ),
                (false, Some((first, last))) => out!(
                    "Loaded {} {} from {} (chain entries {first} to {last}).",
                    outcome.rows,
                    kind.name(),
                    file.display()
                ),
                (false, None) => out!("{} holds no row: nothing was loaded.", file.display()),
            }
        }
        SetupGroup::Init {
            name,
            currency,
            chart,
            fiscal_year_start,
        } => {
            let req = InitRequest {
                name,
                currency: Currency::iso(&currency)?,
                chart,
                fiscal_start: FiscalStart::parse(&fiscal_year_start)?,
                id: None,
            };
            let (ledger, written) = Ledger::init(path, req, actor)?;
            let info = ledger.info()?;
            out!(
                "{}",
                lang::say(
                    "cli-created-ledger",
                    &[
                        ("name", &info.name),
                        ("path", &path.display()),
                        ("currency", &info.currency.code),
                        ("chart", &info.chart),
                        ("seq", &written.seq),
                    ]
                )
            );
            let head = hex::encode(written.head);
            out!(
                "{}",
                lang::say("cli-head", &[("seq", &written.seq), ("head", &head)])
            );
            out!("{}", print::keep_together(path));
        }
        SetupGroup::Account(AccountCommand::List {
            prefix,
            all,
            format,
        }) => {
            let ledger = bundle::open_read_only(path)?;
            let report = report::accounts(ledger.store(), prefix.as_deref().map(str::trim), all)?;
            match format.resolved()? {
                Format::Table => out!("{}", render::accounts_table(&report)),
                Format::Csv => print::csv(&render::accounts_csv(&report), format.excel)?,
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
            let mut ledger = Ledger::open(path, actor)?;
            let req = AccountRequest {
                code: AccountCode::parse(&code)?,
                name,
                kind: kind.as_deref().map(str::parse).transpose()?,
                labels,
            };
            let written = ledger.add_account(req)?;
            print::warn(&written.warnings);
            out!(
                "{}",
                lang::say(
                    "cli-added-account",
                    &[("code", &code), ("seq", &written.seq)]
                )
            );
        }
        SetupGroup::Account(AccountCommand::Rename {
            code,
            name,
            reason,
            effective,
        }) => {
            let mut ledger = Ledger::open(path, actor)?;
            let account = AccountCode::parse(&code)?;
            let effective = effective.as_deref().map(parse_date).transpose()?;
            let written = ledger.rename_account(&account, &name, effective, &reason)?;
            out!(
                "{}",
                lang::say(
                    "cli-renamed-account",
                    &[("code", &code), ("seq", &written.seq)]
                )
            );
        }
        SetupGroup::Account(AccountCommand::Retire {
            code,
            effective,
            reason,
        }) => {
            let mut ledger = Ledger::open(path, actor)?;
            let account = AccountCode::parse(&code)?;
            let written = ledger.retire_account(&account, parse_date(&effective)?, &reason)?;
            out!(
                "{}",
                lang::say(
                    "cli-retired-account",
                    &[
                        ("code", &code),
                        ("effective", &effective),
                        ("seq", &written.seq)
                    ]
                )
            );
        }
        SetupGroup::Funder(FunderCommand::List { format }) => {
            let ledger = bundle::open_read_only(path)?;
            let info = ledger.info()?;
            let report = report::funders(ledger.store(), &info)?;
            match format.resolved()? {
                Format::Table => out!("{}", render::funders_table(&report)),
                Format::Csv => print::csv(&render::funders_csv(&report), format.excel)?,
                Format::Json => print::json(&report),
            }
        }
        SetupGroup::Funder(FunderCommand::Add {
            id,
            name,
            kind,
            country,
        }) => {
            let mut ledger = Ledger::open(path, actor)?;
            let req = FunderRequest {
                id: FunderId::parse(&id)?,
                name,
                kind: kind.parse()?,
                country,
            };
            let written = ledger.add_funder(req)?;
            out!(
                "{}",
                lang::say("cli-added-funder", &[("id", &id), ("seq", &written.seq)])
            );
        }
        SetupGroup::Funder(FunderCommand::Rename { id, name, reason }) => {
            let mut ledger = Ledger::open(path, actor)?;
            let written = ledger.rename_funder(&FunderId::parse(&id)?, &name, &reason)?;
            out!(
                "{}",
                lang::say("cli-renamed-funder", &[("id", &id), ("seq", &written.seq)])
            );
        }
        SetupGroup::Funder(FunderCommand::Identify { id, org_id }) => {
            let mut ledger = Ledger::open(path, actor)?;
            let written = ledger.identify_funder(&FunderId::parse(&id)?, &org_id)?;
            out!(
                "{}",
                lang::say(
                    "cli-identified-funder",
                    &[
                        ("id", &id),
                        ("org_id", &org_id.trim()),
                        ("seq", &written.seq)
                    ]
                )
            );
        }
        SetupGroup::Grant(GrantCommand::List { grant, format }) => {
            let ledger = bundle::open_read_only(path)?;
            let info = ledger.info()?;
            let grant = ledger.grant_filter(grant.as_deref())?;
            let report = report::grants(ledger.store(), &info, grant.as_deref())?;
            match format.resolved()? {
                Format::Table => outp!("{}", render::grants_text(&report)),
                Format::Csv => print::csv(&render::grants_csv(&report), format.excel)?,
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
            terms,
        }) => {
            let terms = super::rates::terms_request(&terms)?;
            let mut ledger = Ledger::open(path, actor)?;
            let req = GrantRequest {
                id: GrantId::parse(&id)?,
                funder: FunderId::parse(&funder)?,
                amount,
                currency,
                start: parse_date(&start)?,
                end: parse_date(&end)?,
                restricted: !unrestricted,
                purpose,
            };
            let written = if terms.is_empty() {
                ledger.add_grant(req)?
            } else {
                ledger.add_grant_with_terms(req, &terms)?
            };
            out!(
                "{}",
                lang::say("cli-added-grant", &[("id", &id), ("seq", &written.seq)])
            );
        }
        SetupGroup::Grant(GrantCommand::Budget {
            grant,
            line,
            amount,
            label,
            account,
        }) => {
            let mut ledger = Ledger::open(path, actor)?;
            let req = BudgetLineRequest {
                grant: GrantId::parse(&grant)?,
                line: LineId::parse(&line)?,
                label,
                amount,
                account: account.as_deref().map(AccountCode::parse).transpose()?,
            };
            let written = ledger.add_budget_line(req)?;
            out!(
                "{}",
                lang::say(
                    "cli-added-budget-line",
                    &[("grant", &grant), ("line", &line), ("seq", &written.seq)]
                )
            );
        }
        SetupGroup::Grant(GrantCommand::Amend {
            id,
            amount,
            end,
            effective,
            reason,
        }) => {
            let mut ledger = Ledger::open(path, actor)?;
            let req = GrantAmendmentRequest {
                grant: GrantId::parse(&id)?,
                effective: parse_date(&effective)?,
                amount,
                end: end.as_deref().map(parse_date).transpose()?,
                reason,
            };
            let written = ledger.amend_grant(req)?;
            out!(
                "{}",
                lang::say("cli-amended-grant", &[("id", &id), ("seq", &written.seq)])
            );
        }
        SetupGroup::Grant(GrantCommand::Terms { id, terms }) => {
            super::rates::set_terms(ctx, &id, &terms)?;
        }
        SetupGroup::Grant(GrantCommand::Explain {
            grant,
            line,
            text,
            through,
        }) => {
            let grant = GrantId::parse(&grant)?;
            let line = LineId::parse(&line)?;
            let through = through.as_deref().map(parse_date).transpose()?;
            let mut ledger = Ledger::open(path, actor)?;
            let written = ledger.explain_variance(&grant, &line, &text, through, ctx.today)?;
            out!(
                "Recorded the explanation of {grant}/{line} (chain entry {}).",
                written.seq
            );
        }
        SetupGroup::Grant(GrantCommand::Threshold {
            grant,
            percent,
            amount,
        }) => {
            let grant = GrantId::parse(&grant)?;
            let mut ledger = Ledger::open(path, actor)?;
            let written = ledger.set_variance_threshold(&grant, percent, &amount)?;
            out!(
                "Recorded the variance threshold of {grant}: {percent}% and {} (chain entry {}).",
                amount.trim(),
                written.seq
            );
        }
        SetupGroup::Rate(command) => super::rates::run(ctx, command)?,
        SetupGroup::Setting(SettingCommand::Set { key, value }) => {
            let mut ledger = Ledger::open(path, actor)?;
            let written = settings::set(&mut ledger, &key, &value)?;
            out!(
                "Recorded the setting {} = {} (chain entry {}).",
                key.trim(),
                value.trim(),
                written.seq
            );
        }
        SetupGroup::Setting(SettingCommand::List { format }) => {
            let ledger = bundle::open_read_only(path)?;
            let lines = settings::list(&ledger)?;
            match format.resolved()? {
                Format::Json => print::json(&serde_json::json!({ "settings": lines })),
                Format::Csv => {
                    let rows: Vec<Vec<String>> = lines
                        .iter()
                        .map(|l| {
                            vec![
                                l.key.to_string(),
                                l.value.to_string(),
                                l.recorded.to_string(),
                                l.seq.map(|s| s.to_string()).unwrap_or_default(),
                            ]
                        })
                        .collect();
                    let text = render::rows_csv(&["key", "value", "recorded", "seq"], &[], &rows);
                    print::csv(&text, format.excel)?;
                }
                Format::Table => {
                    for l in &lines {
                        let how = match l.seq {
                            Some(seq) => format!("recorded, chain entry {seq}"),
                            None if l.value.is_empty() => "none recorded".to_string(),
                            None => "default".to_string(),
                        };
                        out!("{:<10} {}  ({how})", l.key, l.value);
                    }
                }
            }
        }
        SetupGroup::Grant(GrantCommand::BudgetAmend {
            grant,
            line,
            amount,
            withdraw,
            effective,
            reason,
        }) => {
            let mut ledger = Ledger::open(path, actor)?;
            let req = BudgetLineAmendmentRequest {
                grant: GrantId::parse(&grant)?,
                line: LineId::parse(&line)?,
                effective: parse_date(&effective)?,
                amount,
                withdraw,
                reason,
            };
            let written = ledger.amend_budget_line(req)?;
            out!(
                "{}",
                lang::say(
                    "cli-amended-budget-line",
                    &[("grant", &grant), ("line", &line), ("seq", &written.seq)]
                )
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
