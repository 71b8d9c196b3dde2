//! The command line as clap reads it: the global options, and the commands in groups, one
//! file per group (the same groups as the files that run them, one level up). These types
//! only describe what a user types and the help they read; each group's function in `cli/`
//! converts them into the application's typed requests.

mod archive;
mod assets;
mod bank;
mod query;
mod rates;
mod receipt;
mod record;
pub mod reports;
pub mod setup;
mod sources;
mod trust;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use archive::{ArchiveGroup, ExportCommand};
pub use assets::{AssetCommand, AssetGroup};
pub use bank::{BankCommand, BankGroup, ReconcileArgs};
pub use query::QueryGroup;
pub use rates::{RateCommand, TermsArgs};
pub use receipt::{ReceiptCommand, ReceiptGroup};
pub use record::RecordGroup;
pub use reports::ReportsGroup;
pub use setup::{AccountCommand, FunderCommand, GrantCommand, SetupGroup};
pub use sources::{InKindCommand, InKindKindArg, SourcesGroup};
pub use trust::{KeyCommand, OfficerCommand, SignatureCommand, TrustGroup};

#[derive(Debug, Parser)]
#[command(
    name = "amana",
    version,
    about = "A financial governance ledger for small associations: double-entry books per funder, grant and budget line, with a tamper-evident audit chain.",
    after_help = "Exit status: 0 success; 1 verify found a problem; 2 invalid input, usage error or refused operation (nothing was changed); 3 environment error (file missing, not a ledger, database locked).\n\nStart with `amana demo`, then `amana --ledger amana-demo/amana.db balance`."
)]
pub struct Cli {
    /// The ledger file
    #[arg(long, global = true, env = "AMANA_LEDGER", default_value = "amana.db")]
    pub ledger: PathBuf,

    /// Who is acting, recorded in the audit chain (default: your login name)
    #[arg(long, global = true, env = "AMANA_ACTOR")]
    pub actor: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct FormatArg {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// With --format csv: for a spreadsheet opened by a double click (a UTF-8 byte order mark;
    /// semicolons and decimal commas when AMANA_LANG is French or Arabic)
    #[arg(long)]
    pub excel: bool,
}

impl FormatArg {
    /// The format asked for: `--excel` alone means CSV for a spreadsheet; with another
    /// `--format` than csv (or table, the default) it is refused.
    pub fn resolved(&self) -> Result<Format, super::error::Failure> {
        match (self.excel, self.format) {
            (false, format) => Ok(format),
            (true, Format::Csv | Format::Table) => Ok(Format::Csv),
            (true, Format::Json) => Err(super::error::Failure::Invalid(
                "--excel writes CSV for a spreadsheet: give it with --format csv, not json".into(),
            )),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    // Each group of commands is one enum, flattened: the user sees one list of commands, in
    // the order of the groups here and of the commands in each (`amana --help`, checked by
    // tests/suite/golden.rs); the code handles each group in one function (cli/setup.rs, ...).
    #[command(flatten)]
    Setup(SetupGroup),
    #[command(flatten)]
    Record(RecordGroup),
    #[command(flatten)]
    Bank(BankGroup),
    #[command(flatten)]
    Query(QueryGroup),
    #[command(flatten)]
    Sources(SourcesGroup),
    #[command(flatten)]
    Trust(TrustGroup),
    #[command(flatten)]
    Receipt(ReceiptGroup),
    #[command(flatten)]
    Archive(ArchiveGroup),
    #[command(flatten)]
    Asset(AssetGroup),
    #[command(flatten)]
    Reports(ReportsGroup),
}

impl Command {
    /// Whether the command can run with `--ledger` naming an audit bundle: the read-only
    /// listings and verify read it; commands that take no ledger do not mind it.
    pub fn reads_bundles(&self) -> bool {
        matches!(
            self,
            Command::Query(
                QueryGroup::Balance { .. }
                    | QueryGroup::Journal { .. }
                    | QueryGroup::Log { .. }
                    | QueryGroup::Verify { .. }
            ) | Command::Setup(
                SetupGroup::Account(AccountCommand::List { .. })
                    | SetupGroup::Grant(GrantCommand::List { .. })
                    | SetupGroup::Funder(FunderCommand::List { .. })
                    | SetupGroup::Rate(RateCommand::List { .. })
            ) | Command::Asset(AssetGroup::Asset(AssetCommand::List { .. }))
                | Command::Receipt(ReceiptGroup::VerifyReceipt { .. })
                | Command::Sources(SourcesGroup::Donors { .. })
                | Command::Trust(TrustGroup::Key(_))
                | Command::Archive(ArchiveGroup::Demo { .. } | ArchiveGroup::Restore { .. })
        ) || matches!(self, Command::Sources(SourcesGroup::InKind(args)) if args.list.is_some())
    }
}
