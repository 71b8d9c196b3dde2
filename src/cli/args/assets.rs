//! The clap types of the fixed-asset commands: `asset add`, `asset list`, `depreciate`.

use clap::Subcommand;

use super::FormatArg;

#[derive(Debug, Subcommand)]
pub enum AssetGroup {
    /// Fixed assets: equipment registered from the posting that bought it
    #[command(subcommand)]
    Asset(AssetCommand),
    /// Post each asset's monthly straight-line depreciation through a date, each month once
    #[command(
        after_help = "Months are whole: the first is the month depreciation starts (by default the month of acquisition), and a month is posted once DATE reaches its last day. Each month takes the cost divided by the life, rounded down to the centime; the last month takes the rest, so the total is the cost exactly. One entry per asset and fiscal year, dated on the last day of its last month. Running it again posts nothing new.\n\n\
Examples:\n  amana depreciate --through 2025-12-31 --dry-run\n  amana depreciate --through 2025-12-31"
    )]
    Depreciate {
        /// The last day to depreciate through, YYYY-MM-DD
        #[arg(long)]
        through: String,
        /// Only this asset (refused if it is not acquired by --through)
        #[arg(long)]
        asset: Option<String>,
        /// Show what would be posted, write nothing
        #[arg(long)]
        dry_run: bool,
    },
}

// Parsed once per run: the size of the larger variant costs nothing worth boxing it for.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum AssetCommand {
    /// Register an asset from the debit posting of the transaction that bought it
    #[command(
        after_help = "The cost, date, account and grant are the posting's. When the posting is charged to a grant, the grant money that paid the asset is moved from the grant's income account to the investment subsidy (Debit 7161 / Credit 1311, not charged to the grant) in the same write, and released to income (Debit 1319 / Credit 7577) in step with the depreciation.\n\
Defaults: ma-associations 28xy (from the asset's 23xy), 6193, 1311, 1319, 7577; generic 1590, 6800, 3200, 3200, 4960; with the chart none give the accounts.\n\n\
Example:\n  amana asset add PC-01 --transaction 42 --life-months 36 --label \"Ordinateur portable\""
    )]
    Add {
        /// The asset's identifier
        id: String,
        /// Number of the transaction that bought it
        #[arg(long)]
        transaction: i64,
        /// Which of its postings is the asset, 1 for the first (default: its only debit to an asset account)
        #[arg(long)]
        posting: Option<i64>,
        /// Useful life in months
        #[arg(long)]
        life_months: i64,
        /// A name for it (default: its id)
        #[arg(long)]
        label: Option<String>,
        /// The day depreciation starts, YYYY-MM-DD (default: the purchase's date)
        #[arg(long)]
        start: Option<String>,
        /// Where depreciation accumulates (an asset account: 2835, 1590)
        #[arg(long)]
        depreciation_account: Option<String>,
        /// The depreciation expense account (6193, 6800)
        #[arg(long)]
        expense_account: Option<String>,
        /// The income account the grant was received on (default: the only one it was)
        #[arg(long)]
        subsidy_from: Option<String>,
        /// The investment subsidy account, net assets (1311, 3200)
        #[arg(long)]
        subsidy_account: Option<String>,
        /// The account the subsidy is released from (1319, 3200)
        #[arg(long)]
        release_account: Option<String>,
        /// The income account the subsidy is released to (7577, 4960)
        #[arg(long)]
        income_account: Option<String>,
    },
    /// List the assets: cost, depreciation so far, net book value, subsidy left
    #[command(after_help = "Example:\n  amana asset list --format json")]
    List {
        #[command(flatten)]
        format: FormatArg,
    },
}
