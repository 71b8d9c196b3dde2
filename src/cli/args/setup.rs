//! The clap types of the commands that set the books up: the ledger, its chart of accounts,
//! its funders, grants and budget lines.

use std::path::PathBuf;

use clap::Subcommand;

use super::FormatArg;

#[derive(Debug, Subcommand)]
pub enum SetupGroup {
    /// Create a new ledger file (never overwrites one)
    #[command(
        after_help = "Example:\n  amana init --name \"جمعية خطوة / Association Khotwa\" --currency MAD --chart ma-associations"
    )]
    Init {
        /// The association's name, in any script
        #[arg(long)]
        name: String,
        /// Base currency (ISO 4217), in which every posting is kept
        #[arg(long)]
        currency: String,
        /// Chart of accounts to start from: ma-associations (Moroccan CGNC, French and draft Arabic names), generic (English nonprofit chart), none
        #[arg(long)]
        chart: String,
        /// First day of the fiscal year, MM-DD
        #[arg(long, default_value = "01-01")]
        fiscal_year_start: String,
    },
    /// Accounts of the chart
    #[command(subcommand)]
    Account(AccountCommand),
    /// Funders: who gives money
    #[command(subcommand)]
    Funder(FunderCommand),
    /// Grants and their budget lines
    #[command(subcommand)]
    Grant(GrantCommand),
    /// The rate table: units of the ledger's currency for one unit of a foreign currency
    #[command(subcommand)]
    Rate(super::RateCommand),
    /// The ledger's settings for reports: their language and time zone
    #[command(subcommand)]
    Setting(SettingCommand),
    /// Load accounts, funders, grants or budget lines from one CSV file, all or nothing
    #[command(
        after_help = "Columns are found by name, in any order; the listings' own CSV (account list, funder list, grant list --format csv) loads as it is, the figures they add not being read. An unknown column is refused.\n\
  accounts: code, name, type (default: the parent account's), name_ar, name_fr, name_en\n\
  funders:  id, name, type, country\n\
  grants:   id, funder, amount, currency, start, end, restricted (yes or no), purpose\n\
  budget:   grant, line, label, amount (or budget), account\n\
Every row is checked first and every problem shown with its line and column; then all rows are recorded in one step through the same rules as account add, funder add, grant add and grant budget, or none is. Spaces around a cell are not kept, and the command says where it took them off.\n\n\
Examples:\n  amana load accounts examples/khotwa/accounts.csv\n  amana load budget budget.csv --dry-run"
    )]
    Load {
        /// What the file holds
        #[arg(value_enum)]
        what: LoadWhat,
        /// The CSV file
        file: PathBuf,
        /// Check every row through the rules and record nothing
        #[arg(long)]
        dry_run: bool,
    },
}

/// What a set-up file holds.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LoadWhat {
    Accounts,
    Funders,
    Grants,
    Budget,
}

#[derive(Debug, Subcommand)]
pub enum SettingCommand {
    /// Record a setting in the audit chain: language (ar, fr, en), timezone (an IANA name) or org-id
    #[command(
        after_help = "language: the language reports are written in when --lang and AMANA_LANG are not given.\n\
timezone: the zone report times are shown in, from the tz database (default: Africa/Casablanca for the Moroccan chart, else UTC).\n\
org-id: the association's organisation identifier (IATI org-id), by which the IATI and 360Giving exports name it: a register's code from org-id.guide, a hyphen, the identifier it gives.\n\n\
Examples:\n  amana setting set language fr\n  amana setting set timezone Africa/Casablanca\n  amana setting set org-id XI-IATI-KHOTWA"
    )]
    Set { key: String, value: String },
    /// The settings in force, recorded or by default
    List {
        #[command(flatten)]
        format: super::FormatArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// List the accounts of the chart, with their names in other languages
    #[command(
        after_help = "Company-only accounts (share capital, corporate tax...: an association never uses them)\n\
are listed only with --all; posting to them stays possible.\n\n\
Examples:\n  amana account list\n  amana account list --prefix 61 --format csv\n  amana account list --all"
    )]
    List {
        /// Only codes starting with this (61 → 6111, 6131, ...)
        #[arg(long)]
        prefix: Option<String>,
        /// Also list the accounts the chart marks company-only
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Add an account
    #[command(
        after_help = "Examples:\n  amana account add 5141 --name \"Banque\" --type asset\n  amana account add 75868 --name \"Cotisations des membres\" --type income --label ar=\"اشتراكات الأعضاء\""
    )]
    Add {
        /// Code: letters, digits and . _ - ; sub-accounts extend their parent's code (5141 → 51411)
        code: String,
        #[arg(long)]
        name: String,
        /// asset, liability, net-assets, income, expense, or memorandum (in-kind contributions,
        /// kept apart from the books); left out, the parent's type (on ma-associations a
        /// sub-account always has its parent's type)
        #[arg(long = "type")]
        kind: Option<String>,
        /// Name in another language, LANG=TEXT (repeatable), e.g. ar=البنك
        #[arg(long = "label", value_name = "LANG=TEXT")]
        labels: Vec<String>,
    },
    /// Rename an account (a mistake in its name, or a new name); the log keeps the old one
    #[command(
        after_help = "Without --effective the new name corrects the old one for all time; with it, the account is\n\
called so from that day. Listings show the name in force.\n\n\
Example:\n  amana account rename 6131 --name \"Loyer et charges locatives\" --reason \"Intitulé du plan comptable\""
    )]
    Rename {
        code: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        reason: String,
        /// The day the new name takes effect, YYYY-MM-DD
        #[arg(long)]
        effective: Option<String>,
    },
    /// Retire an account: nothing dated on or after --effective may be posted to it
    #[command(
        after_help = "What was posted before stays, and so does the balance; reversals of earlier entries and the\n\
year's closing still post to it. Refused while transactions dated on or after that day post to it.\n\n\
Example:\n  amana account retire 51412 --effective 2027-01-01 --reason \"Compte projet UE clôturé\""
    )]
    Retire {
        code: String,
        /// The first day the account takes no posting, YYYY-MM-DD
        #[arg(long)]
        effective: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum FunderCommand {
    /// List the funders, with how much each has given so far
    #[command(after_help = "Example:\n  amana funder list --format json")]
    List {
        #[command(flatten)]
        format: FormatArg,
    },
    /// Add a funder
    #[command(
        after_help = "Example:\n  amana funder add CMM --name \"Conseil de l'arrondissement Marrakech-Médina\" --type public-local --country MA"
    )]
    Add {
        id: String,
        #[arg(long)]
        name: String,
        /// public-local, public-national, foreign-public, foreign-private, private, individual or members
        #[arg(long = "type")]
        kind: String,
        /// ISO 3166 two-letter country code
        #[arg(long)]
        country: Option<String>,
    },
    /// Rename a funder (a mistake in its name, or a new name); the log keeps the old one
    #[command(
        after_help = "Listings show the name in force; `amana log` the history.\n\n\
Example:\n  amana funder rename CMM --name \"Commune de Marrakech\" --reason \"Nom officiel de la convention\""
    )]
    Rename {
        id: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        reason: String,
    },
    /// Record a funder's organisation identifier (IATI org-id), by which the IATI and 360Giving exports name it
    #[command(
        after_help = "An identifier is the code of the register the organisation is listed in (IATI's OrganisationRegistrationAgency list, as org-id.guide shows it), a hyphen, and the identifier that register gives it. Kept in the audit chain; a later one replaces it in the listings and exports.\n\n\
Example:\n  amana funder identify EU XM-DAC-918"
    )]
    Identify {
        /// The funder
        id: String,
        /// Its organisation identifier, e.g. XM-DAC-41114 or GB-CHC-202918
        org_id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum GrantCommand {
    /// List the grants and their budget lines: budgeted, spent, remaining
    #[command(
        after_help = "Examples:\n  amana grant list\n  amana grant list --grant EU-2025 --format json"
    )]
    List {
        /// Only this grant
        #[arg(long)]
        grant: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Add a grant (an agreement with a funder)
    #[command(
        after_help = "Examples:\n  amana grant add CMM-2026 --funder CMM --amount 120000 --start 2026-01-01 --end 2026-12-31 --purpose \"Fonctionnement 2026\"\n  amana grant add EU-2025 --funder EU --amount 45000 --currency EUR --start 2025-06-01 --end 2026-11-30"
    )]
    Add {
        id: String,
        #[arg(long)]
        funder: String,
        /// Agreed amount, in the grant's currency
        #[arg(long)]
        amount: String,
        /// Currency of the agreement (default: the ledger's)
        #[arg(long)]
        currency: Option<String>,
        /// First day of the grant period, YYYY-MM-DD
        #[arg(long)]
        start: String,
        /// Last day of the grant period, YYYY-MM-DD
        #[arg(long)]
        end: String,
        /// The funds may be used for any purpose (grants are restricted by default)
        #[arg(long)]
        unrestricted: bool,
        #[arg(long)]
        purpose: Option<String>,
        #[command(flatten)]
        terms: super::TermsArgs,
    },
    /// Add a budget line to a grant (amount in the ledger's currency)
    #[command(
        after_help = "Example:\n  amana grant budget CMM-2026 training --amount 45000 --label \"Formation\" --account 6126"
    )]
    Budget {
        grant: String,
        line: String,
        #[arg(long)]
        amount: String,
        #[arg(long)]
        label: String,
        /// The expense account the line is usually charged to
        #[arg(long)]
        account: Option<String>,
    },
    /// Amend a grant: its amount, its end date, or both (an amendment signed with the funder, or a mistake corrected)
    #[command(
        after_help = "The grant keeps its history: `amana log` shows the amendment, `amana grant list` the values in force.
Spending charged to the grant must then fall inside the amended period; a grant cannot be made to end
before spending already recorded (reverse that first).

Example:
  amana grant amend CMM-2026 --amount 150000 --end 2027-03-31 --effective 2026-10-01 --reason \"Avenant n°1 du 28/09/2026\""
    )]
    Amend {
        id: String,
        /// The new agreed amount, in the grant's currency
        #[arg(long)]
        amount: Option<String>,
        /// The new last day of the grant period, YYYY-MM-DD
        #[arg(long)]
        end: Option<String>,
        /// The day the amendment takes effect, YYYY-MM-DD
        #[arg(long)]
        effective: String,
        #[arg(long)]
        reason: String,
    },
    /// Amend a budget line: its budget, or withdraw it (no posting charged to it from a day)
    #[command(
        name = "budget-amend",
        after_help = "The line keeps its history: `amana log` shows the amendment, `amana grant list` the budget in force
and whether the line is withdrawn. What was charged to a withdrawn line stays, and is reported; reversals
of it still post. A line cannot be withdrawn before spending already charged to it (reverse that first).

Examples:
  amana grant budget-amend CMM-2026 training --amount 38000 --effective 2026-09-01 --reason \"Avenant n°1\"
  amana grant budget-amend CMM-2026 rent --withdraw --effective 2026-07-01 --reason \"Local mis à disposition\""
    )]
    BudgetAmend {
        grant: String,
        line: String,
        /// The new budget, in the ledger's currency
        #[arg(long)]
        amount: Option<String>,
        /// Withdraw the line: nothing dated on or after --effective is charged to it
        #[arg(long)]
        withdraw: bool,
        /// The day the amendment takes effect (the first day a withdrawn line takes no posting), YYYY-MM-DD
        #[arg(long)]
        effective: String,
        #[arg(long)]
        reason: String,
    },
    /// Set a grant's terms: how amounts in its currency are derived, its closing window, its budget's currency
    #[command(
        after_help = "Options left out keep the terms in force (a grant without terms: the daily method, no closing
window, a budget in the ledger's currency). A closing window cannot be shortened before spending
already charged in it.

Example:
  amana grant terms EU-2026 --rate-method instalments --closing-days 90 --budget-currency grant"
    )]
    Terms {
        id: String,
        #[command(flatten)]
        terms: super::TermsArgs,
    },
    /// Explain a budget line's variance to the funder, beside the line in the funder report
    #[command(
        after_help = "A line whose spending differs from its budget by more than 10% and 1,000 in the ledger's currency needs an explanation: the funder report flags the line until one is recorded. The explanation is kept in the audit chain; a later one replaces it in the report.

Example:
  amana grant explain --grant EU-2025 --line training --text \"Formations reportées au second semestre (inondations de septembre)\""
    )]
    Explain {
        /// The grant
        #[arg(long)]
        grant: String,
        /// The budget line explained
        #[arg(long)]
        line: String,
        /// The explanation, as the funder will read it
        #[arg(long)]
        text: String,
        /// The last day of the figures explained (default: the grant's end, or today if sooner)
        #[arg(long)]
        through: Option<String>,
    },
    /// Set when a variance of the grant's budget lines needs an explanation (default: 10% and 1,000)
    #[command(
        after_help = "A line needs an explanation when its variance is more than PERCENT % of its budget and more than AMOUNT in the ledger's currency, as the funder's agreement asks. Kept in the audit chain; the latest is in force.

Example:
  amana grant threshold --grant EU-2025 --percent 15 --amount 5000"
    )]
    Threshold {
        /// The grant
        #[arg(long)]
        grant: String,
        /// Whole percent of a line's budget (0 to 1000)
        #[arg(long)]
        percent: i64,
        /// An amount in the ledger's currency
        #[arg(long)]
        amount: String,
    },
}
