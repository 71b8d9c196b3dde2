//! The clap types of the commands about where money comes from: the donor register and the
//! contributions in kind.

use clap::{Args, Subcommand, ValueEnum};

use super::FormatArg;

#[derive(Debug, Subcommand)]
pub enum SourcesGroup {
    /// The donor register: who gave what in a fiscal year (grants, members' dues, gifts)
    #[command(
        after_help = "Income postings name their funder through their grant, or with funder=ID (record --post \"7183 -300 funder=members\"). A reversed gift is not counted.\n\n\
Examples:\n  amana donors --year 2026\n  amana donors --year 2026 --detail --format csv"
    )]
    Donors {
        /// The fiscal year, named by the calendar year it starts in
        #[arg(long, value_parser = clap::value_parser!(i32).range(1..=9998))]
        year: i32,
        /// Each gift too: its date, transaction and amount
        #[arg(long)]
        detail: bool,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Record a contribution in kind (volunteer hours, premises lent, goods given) at its declared value, on memorandum accounts
    #[command(
        after_help = "A contribution in kind is recorded on memorandum accounts alone (Debit the use, Credit the resource): it never enters cash, the balances of real accounts or the result. `balance` shows memorandum accounts apart.\n\
Default accounts: ma-associations 0864/0870 (volunteering), 0862/0871 (premises), 0861/0875 (goods), amana-proposed numbers; generic 9100/9000.\n\n\
Examples:\n  amana in-kind --date 2026-03-31 --kind volunteering --hours 120 --rate 50 --description \"Animation des ateliers, mars\"\n  amana in-kind --date 2026-04-01 --kind goods --value 2400 --description \"Fournitures scolaires\" --funder LIBRAIRIE\n  amana in-kind list --year 2026"
    )]
    InKind(Box<InKindArgs>),
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct InKindArgs {
    #[command(subcommand)]
    pub list: Option<InKindCommand>,
    /// Date of the contribution
    #[arg(long, required = true)]
    pub date: Option<String>,
    /// What was given
    #[arg(long, value_enum, required = true)]
    pub kind: Option<InKindKindArg>,
    /// Hours given (with --rate)
    #[arg(long, requires = "rate", conflicts_with = "value")]
    pub hours: Option<String>,
    /// Value of an hour (with --hours)
    #[arg(long, requires = "hours")]
    pub rate: Option<String>,
    /// Declared value, instead of --hours and --rate
    #[arg(long, required_unless_present = "hours")]
    pub value: Option<String>,
    #[arg(long = "description", visible_alias = "desc", required = true)]
    pub description: Option<String>,
    /// Who gave it (a funder id)
    #[arg(long)]
    pub funder: Option<String>,
    /// The memorandum account of the use (default: the chart's)
    #[arg(long)]
    pub use_account: Option<String>,
    /// The memorandum account of the resource (default: the chart's)
    #[arg(long)]
    pub resource_account: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum InKindCommand {
    /// The contributions in kind of a fiscal year, by kind, at their declared value
    List {
        /// The fiscal year, named by the calendar year it starts in
        #[arg(long, value_parser = clap::value_parser!(i32).range(1..=9998))]
        year: i32,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InKindKindArg {
    Volunteering,
    Premises,
    Goods,
}
