//! The command line: what a user types, turned into the application's typed requests, run,
//! and printed. `args` holds the clap types; each group of commands has one file and one
//! function (`run`) that converts its arguments once into typed requests, calls the
//! application service (`amana::app`, which the web application will call too) and prints
//! the outcome. Nothing here writes SQL, computes, or reads or writes a file other than
//! standard output and error: those are the application's. `error` maps every error to its
//! exit status.

#[macro_use]
mod print;
mod archive;
pub mod args;
mod assets;
mod bank;
mod error;
mod lang;
mod query;
mod rates;
mod receipt;
mod record;
mod reports;
mod setup;
mod sources;
mod trust;

use std::path::PathBuf;

use chrono::NaiveDate;

use amana::app::bundle;
use args::{Cli, Command};
use error::CliError;
pub use error::Failure;
pub use lang::error_line;

/// What every command runs with.
pub struct Context {
    /// The ledger file (or, for the listings and verify, an audit bundle's folder).
    pub ledger: PathBuf,
    /// Who is acting, recorded in the audit chain.
    pub actor: String,
    /// The day the command runs, on this computer's clock: whether a period has ended is
    /// decided as of it.
    pub today: NaiveDate,
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    lang::language()?;
    let ctx = Context {
        actor: actor(cli.actor),
        ledger: cli.ledger,
        today: chrono::Local::now().date_naive(),
    };
    if bundle::is_bundle(&ctx.ledger) && !cli.command.reads_bundles() {
        return Err(CliError::BundleNotWritable(ctx.ledger).into());
    }
    match cli.command {
        Command::Setup(command) => setup::run(&ctx, command),
        Command::Record(command) => record::run(&ctx, command),
        Command::Bank(command) => bank::run(&ctx, command),
        Command::Query(command) => query::run(&ctx, command),
        Command::Sources(command) => sources::run(&ctx, command),
        Command::Trust(command) => trust::run(&ctx, command),
        Command::Receipt(command) => receipt::run(&ctx, command),
        Command::Archive(command) => archive::run(&ctx, command),
        Command::Asset(command) => assets::run(&ctx, command),
        Command::Reports(command) => reports::run(&ctx, command),
    }
}

/// `--actor` (or `AMANA_ACTOR`) when given, else the login name.
fn actor(given: Option<String>) -> String {
    given
        .filter(|a| !a.trim().is_empty())
        .or_else(|| whoami::username().ok())
        .unwrap_or_else(|| "unknown".into())
}
