//! The `amana` binary: parses the command line, calls the ledger, prints, and maps errors to
//! the exit statuses of the contract (0 ok, 1 verify found a problem, 2 invalid input or
//! refused, 3 environment).

mod cli;

use std::process::ExitCode;

use clap::Parser;

use amana::book::Warning;
use amana::ledger::{
    BudgetLineRequest, GrantRequest, InitRequest, Ledger, LedgerError, RecordRequest,
};
use amana::report::{self, render};
use amana::store::{BalanceFilter, JournalFilter, StoreError};
use amana::{demo, domain, verify};
use cli::{AccountCommand, Cli, Command, Format, FunderCommand, GrantCommand};

/// What went wrong, sorted by exit status.
enum Failure {
    Invalid(String),
    Environment(String),
    VerifyFailed,
}

impl From<LedgerError> for Failure {
    fn from(e: LedgerError) -> Self {
        match &e {
            LedgerError::Store(StoreError::Exists(_)) => Failure::Invalid(e.to_string()),
            LedgerError::Store(_) | LedgerError::Io { .. } => Failure::Environment(e.to_string()),
            LedgerError::Invalid(_)
            | LedgerError::Rules(_)
            | LedgerError::Import(_)
            | LedgerError::Refused(_) => Failure::Invalid(e.to_string()),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        LedgerError::from(e).into()
    }
}

impl From<domain::DomainError> for Failure {
    fn from(e: domain::DomainError) -> Self {
        Failure::Invalid(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::VerifyFailed) => ExitCode::from(1),
        Err(Failure::Invalid(message)) => {
            eprintln!("amana: error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Environment(message)) => {
            eprintln!("amana: error: {message}");
            ExitCode::from(3)
        }
    }
}

fn actor(cli: &Cli) -> String {
    cli.actor
        .clone()
        .filter(|a| !a.trim().is_empty())
        .or_else(|| whoami::username().ok())
        .unwrap_or_else(|| "unknown".into())
}

fn warn(warnings: &[Warning]) {
    for w in warnings {
        eprintln!("amana: warning: {w}");
    }
}

fn print_json<T: serde::Serialize>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("reports serialise")
    );
}

fn run(cli: Cli) -> Result<(), Failure> {
    let actor = actor(&cli);
    let path = cli.ledger.clone();
    match cli.command {
        Command::Init {
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
            };
            let (ledger, written) = Ledger::init(&path, req, &actor)?;
            let info = ledger.info()?;
            println!(
                "Created ledger \"{}\" in {} ({}, chart {}, {} chain entries).",
                info.name,
                path.display(),
                info.currency.code,
                info.chart,
                written.seq
            );
            println!("head: {} {}", written.seq, hex::encode(written.head));
        }
        Command::Account(AccountCommand::Add {
            code,
            name,
            kind,
            labels,
        }) => {
            let labels = labels
                .iter()
                .map(|l| {
                    cli::parse_label(l).ok_or_else(|| {
                        Failure::Invalid(format!("--label \"{l}\": write LANG=TEXT, e.g. ar=البنك"))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let written = Ledger::open(&path, &actor)?.add_account(&code, &name, &kind, &labels)?;
            println!("Added account {code} (chain entry {}).", written.seq);
        }
        Command::Funder(FunderCommand::Add {
            id,
            name,
            kind,
            country,
        }) => {
            let written =
                Ledger::open(&path, &actor)?.add_funder(&id, &name, &kind, country.as_deref())?;
            println!("Added funder {id} (chain entry {}).", written.seq);
        }
        Command::Grant(GrantCommand::Add {
            id,
            funder,
            amount,
            currency,
            start,
            end,
            unrestricted,
            purpose,
        }) => {
            let written = Ledger::open(&path, &actor)?.add_grant(GrantRequest {
                id: id.clone(),
                funder,
                amount,
                currency,
                start,
                end,
                restricted: !unrestricted,
                purpose,
            })?;
            println!("Added grant {id} (chain entry {}).", written.seq);
        }
        Command::Grant(GrantCommand::Budget {
            grant,
            line,
            amount,
            label,
            account,
        }) => {
            let written = Ledger::open(&path, &actor)?.add_budget_line(BudgetLineRequest {
                grant: grant.clone(),
                line: line.clone(),
                label,
                amount,
                account,
            })?;
            println!(
                "Added budget line {grant}/{line} (chain entry {}).",
                written.seq
            );
        }
        Command::Record {
            date,
            description,
            reference,
            postings,
        } => {
            let postings = postings
                .iter()
                .map(|p| cli::parse_posting(p).map_err(|e| Failure::Invalid(e.to_string())))
                .collect::<Result<Vec<_>, _>>()?;
            let written = Ledger::open(&path, &actor)?.record(RecordRequest {
                date,
                description,
                reference,
                postings,
            })?;
            warn(&written.warnings);
            println!(
                "Recorded transaction #{} (chain entry {}).",
                written.entry.map_or(0, |e| e.0),
                written.seq
            );
        }
        Command::Import {
            file,
            dry_run,
            force,
        } => {
            let outcome = Ledger::open(&path, &actor)?.import(&file, dry_run, force)?;
            warn(&outcome.warnings);
            let range = match (outcome.first, outcome.last) {
                (Some(a), Some(b)) => format!(" #{a} to #{b}"),
                _ => String::new(),
            };
            if dry_run {
                println!(
                    "Dry run: {} would import {} transactions{range} from {} rows; nothing was written.",
                    file.display(),
                    outcome.transactions,
                    outcome.rows
                );
            } else {
                println!(
                    "Imported {} transactions{range} from {} rows of {} (sha256 {}), chain entries {} to {}.",
                    outcome.transactions,
                    outcome.rows,
                    file.display(),
                    hex::encode(outcome.sha256),
                    outcome.import_seq,
                    outcome.import_seq + outcome.transactions as i64
                );
            }
        }
        Command::Reverse { id, date, reason } => {
            let date = match date {
                Some(d) => domain::parse_date(&d)?,
                None => chrono::Local::now().date_naive(),
            };
            let written = Ledger::open(&path, &actor)?.reverse(id, date, &reason)?;
            warn(&written.warnings);
            println!(
                "Reversed transaction #{id} with transaction #{} (chain entry {}). Record the correct transaction if there is one.",
                written.entry.map_or(0, |e| e.0),
                written.seq
            );
        }
        Command::Balance {
            as_of,
            grant,
            format,
        } => {
            if let Some(d) = &as_of {
                domain::parse_date(d)?;
            }
            let ledger = Ledger::open_read_only(&path)?;
            let info = ledger.info()?;
            let report = report::balance(ledger.store(), &info, &BalanceFilter { as_of, grant })?;
            match format.format {
                Format::Table => println!("{}", render::balance_table(&report)),
                Format::Csv => print!("{}", render::balance_csv(&report)),
                Format::Json => print_json(&report),
            }
        }
        Command::Journal {
            from,
            to,
            account,
            grant,
            format,
        } => {
            for d in [&from, &to].into_iter().flatten() {
                domain::parse_date(d)?;
            }
            let ledger = Ledger::open_read_only(&path)?;
            let info = ledger.info()?;
            let filter = JournalFilter {
                from,
                to,
                account,
                grant,
            };
            let report = report::journal(ledger.store(), &info, &filter)?;
            match format.format {
                Format::Table => print!("{}", render::journal_text(&report)),
                Format::Csv => print!("{}", render::journal_csv(&report)),
                Format::Json => print_json(&report),
            }
        }
        Command::Log { kind, format } => {
            let ledger = Ledger::open_read_only(&path)?;
            let info = ledger.info()?;
            let report = report::log(ledger.store(), &info, kind.as_deref())?;
            match format.format {
                Format::Table => println!("{}", render::log_table(&report)),
                Format::Csv => print!("{}", render::log_csv(&report)),
                Format::Json => print_json(&report),
            }
        }
        Command::Verify { format } => {
            let ledger = Ledger::open_read_only(&path)?;
            let report = verify::verify(ledger.store())?;
            match format.format {
                Format::Table => print!("{}", render::verify_text(&report)),
                Format::Csv => print!("{}", render::verify_csv(&report)),
                Format::Json => print_json(&report),
            }
            if !report.ok {
                return Err(Failure::VerifyFailed);
            }
        }
        Command::Demo { out } => {
            let outcome = demo::run(&out, &actor)?;
            println!("Built the demo ledger of \"{}\":", demo::NAME);
            println!("  ledger: {}", outcome.ledger.display());
            println!(
                "  {} accounts added to the Moroccan chart, {} funders, {} grants, {} budget lines",
                outcome.accounts_added, outcome.funders, outcome.grants, outcome.budget_lines
            );
            for i in &outcome.imports {
                println!(
                    "  imported {}: {} transactions from {} rows",
                    i.file.display(),
                    i.transactions,
                    i.rows
                );
            }
            for (original, reversal) in &outcome.reversals {
                println!("  reversed transaction #{original} with #{reversal}");
            }
            if !outcome.warnings.is_empty() {
                println!("  warnings the treasurer would see:");
                for w in &outcome.warnings {
                    println!("    {w}");
                }
            }
            let v = &outcome.verify;
            println!(
                "Verified: {} ({} chain entries, {} transactions, {} table rows compared)",
                if v.ok { "intact" } else { "PROBLEMS FOUND" },
                v.entries,
                v.transactions,
                v.rows_checked
            );
            println!("  head: {} {}", v.entries, v.head);
            let l = outcome.ledger.display();
            println!(
                "\nExplore it:\n  amana --ledger {l} balance\n  amana --ledger {l} balance --grant EU-2025\n  amana --ledger {l} journal --account 5141 --from 2026-01-01\n  amana --ledger {l} log\n  amana --ledger {l} verify"
            );
            if !v.ok {
                print!("{}", render::verify_text(v));
                return Err(Failure::VerifyFailed);
            }
        }
    }
    Ok(())
}
