//! The clap types of the rate table and of a grant's terms (money in a grant's own currency).

use clap::{Args, Subcommand};

use super::FormatArg;

#[derive(Debug, Subcommand)]
pub enum RateCommand {
    /// Record a rate: units of the ledger's currency for one unit of a foreign currency, on a day
    #[command(
        after_help = "A rate is recorded once per currency and day; the daily method uses the rate of a posting's day,
or the latest before it.

Example:
  amana rate add --currency EUR --date 2026-03-02 --rate 10.8 --source \"Bank Al-Maghrib\""
    )]
    Add {
        /// The foreign currency (ISO 4217), in the ledger's table
        #[arg(long)]
        currency: String,
        /// The day of the rate, YYYY-MM-DD
        #[arg(long)]
        date: String,
        /// Units of the ledger's currency for 1 unit of the foreign one, exact, up to 6 decimals
        #[arg(long)]
        rate: String,
        /// Where the rate comes from (the central bank, the bank's statement, the funder)
        #[arg(long)]
        source: Option<String>,
    },
    /// Revalue an account held in a foreign currency (a bank account in EUR) at the rate of a day
    #[command(
        after_help = "What the account holds in the currency (the amounts its postings carry in it), at the rate of
the day (or the latest before it), against what the books hold: the difference is booked as an
exchange gain or loss (ma-associations: 7331 / 6331; generic: 4900 / 6900). Nothing is written
when there is no difference.

Example:
  amana rate revalue --account 51412 --currency EUR --date 2026-12-31"
    )]
    Revalue {
        /// The account held in the foreign currency
        #[arg(long)]
        account: String,
        #[arg(long)]
        currency: String,
        /// The day of the revaluation (the year's last day), YYYY-MM-DD
        #[arg(long)]
        date: String,
        /// Income account of an exchange gain (default: the chart's)
        #[arg(long)]
        gain_account: Option<String>,
        /// Expense account of an exchange loss (default: the chart's)
        #[arg(long)]
        loss_account: Option<String>,
    },
    /// List the rate table
    #[command(
        after_help = "Examples:\n  amana rate list\n  amana rate list --currency EUR --format json"
    )]
    List {
        /// Only this currency
        #[arg(long)]
        currency: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
}

/// What a grant's agreement says of its money, as options (of `grant terms` and `grant add`).
#[derive(Debug, Args, Default)]
pub struct TermsArgs {
    /// Amounts in its currency: instalments (their weighted rate) or daily (the rate of the day)
    #[arg(long, value_name = "METHOD")]
    pub rate_method: Option<String>,
    /// Days after its end when costs may still be charged (final audit, report)
    #[arg(long, value_name = "DAYS")]
    pub closing_days: Option<String>,
    /// Currency of its budget lines: base (the ledger's) or grant (its own)
    #[arg(long, value_name = "WHICH")]
    pub budget_currency: Option<String>,
}
