//! Fixed assets: `asset add` registers equipment from the posting that bought it (and, when a
//! grant paid for it, moves the grant money that paid it from the year's income to the
//! investment subsidy), and `depreciate` posts each month of each asset's schedule once
//! (`asset list` is a report: [`crate::report::assets`]).
//!
//! Why the subsidy: a grant credited to an operating-grant income account (7161) and spent on a
//! computer (a debit to 2355, an asset) leaves the year's result showing that money as a
//! surplus. Association accounting (CRC 99-01, CGNC 131) carries it instead as an investment
//! subsidy (1311), released to income (7577) in step with the depreciation (6193): each year's
//! result then shows neither the purchase nor its depreciation. The subsidy transfer is not
//! charged to the grant, so the grant's received and spent do not change (its spent already
//! counts the equipment).

use chrono::NaiveDate;

use crate::app::{Ledger, LedgerError, Written, append_entry, append_record, load_book};
use crate::chain::Record;
use crate::domain::asset::{Asset, Schedule, month_last_day};
use crate::domain::{
    AccountCode, AccountType, AssetId, Entry, EntryHeader, EntryId, EntryKind, FiscalStart,
    GrantId, Minor, Posting, text,
};
use crate::rules::assets::depreciation_postings;

type Result<T, E = AssetError> = std::result::Result<T, E>;

/// Why an asset command did not happen (the ledger is unchanged).
#[derive(Debug, thiserror::Error)]
pub enum AssetError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error(
        "transaction {0} is not recorded: give the number of the transaction that bought the asset (amana journal shows it)"
    )]
    NoTransaction(EntryId),
    #[error(
        "transaction {entry} has {count} debits to asset accounts: say which one is the asset with --posting K (1 for its first posting)"
    )]
    WhichPosting { entry: EntryId, count: usize },
    #[error(
        "transaction {0} debits no asset account: give the number of the transaction that bought the asset (amana journal shows it)"
    )]
    NoAssetDebit(EntryId),
    #[error(
        "posting {posting} of transaction {entry} is to {account}, a cash or bank account: a fixed asset is the equipment's account (23xx, 1500), not the money that paid it; give --posting K"
    )]
    MoneyAccount {
        entry: EntryId,
        posting: i64,
        account: AccountCode,
    },
    #[error("a useful life of 0 months: give --life-months 1 or more")]
    ZeroLife,
    #[error("give --{flag}: the {what} (this ledger's chart has no default)")]
    NoDefault {
        flag: &'static str,
        what: &'static str,
    },
    #[error(
        "the grant {grant} that paid the asset was received on {found} income account(s){accounts}: give --subsidy-from CODE, the income account to move the investment subsidy out of"
    )]
    SubsidyFrom {
        grant: GrantId,
        found: usize,
        accounts: String,
    },
    #[error(
        "the subsidy account {account} is a {kind} account: an investment subsidy is carried to a net-assets account (1311, 3200)"
    )]
    SubsidyAccount { account: AccountCode, kind: String },
    #[error("asset {0} is not registered (amana asset list shows the registered ones)")]
    UnknownAsset(AssetId),
    #[error(
        "asset {asset} was acquired on {acquired} (its depreciation starts {start}): there is nothing to depreciate through {through}; give a later --through"
    )]
    NotAcquired {
        asset: AssetId,
        acquired: NaiveDate,
        start: NaiveDate,
        through: NaiveDate,
    },
    #[error(
        "the depreciation of asset {asset} for {from} to {to} would be dated {date}, and the books are locked through {locked} (a closed or locked period): the officers may reopen the year; meanwhile depreciate the other assets one by one with --asset ID"
    )]
    Locked {
        asset: AssetId,
        from: String,
        to: String,
        date: NaiveDate,
        locked: NaiveDate,
    },
    #[error(
        "asset {asset}'s first months ({from} to {to}) would be depreciated on {date}, and the books are locked through {locked}: they could never be posted; give --start with a day after {locked}"
    )]
    StartLocked {
        asset: AssetId,
        from: String,
        to: String,
        date: NaiveDate,
        locked: NaiveDate,
    },
}

impl From<crate::store::StoreError> for AssetError {
    fn from(e: crate::store::StoreError) -> Self {
        AssetError::Ledger(e.into())
    }
}

/// The accounts a chart proposes for an asset: depreciation (from the asset's account),
/// expense, investment subsidy, its release, and the release's income.
struct Defaults {
    depreciation: Option<String>,
    expense: &'static str,
    subsidy: &'static str,
    release: &'static str,
    income: &'static str,
}

fn defaults(chart: &str, asset_account: &AccountCode) -> Option<Defaults> {
    match chart {
        // CGNC: the depreciation of 23xy is 283y (2355 matériel informatique: 2835).
        "ma-associations" => Some(Defaults {
            depreciation: asset_account
                .as_str()
                .get(1..3)
                .filter(|_| asset_account.as_str().starts_with('2'))
                .map_or_else(|| "2835".to_string(), |mid| format!("28{mid}"))
                .into(),
            expense: "6193",
            subsidy: "1311",
            release: "1319",
            income: "7577",
        }),
        "generic" => Some(Defaults {
            depreciation: Some("1590".into()),
            expense: "6800",
            subsidy: "3200",
            release: "3200",
            income: "4960",
        }),
        _ => None,
    }
}

/// Months `first` to `last` of a schedule cut where a fiscal year ends: one run per
/// depreciation entry, as (first month, last month) of each.
fn fiscal_runs(schedule: &Schedule, fiscal: FiscalStart, first: i64, last: i64) -> Vec<(i64, i64)> {
    let year_of = |k: i64| schedule.month(k).map(|m| fiscal.year_of(month_last_day(m)));
    let mut runs = vec![];
    let mut n = first;
    while n <= last {
        let mut end = n;
        while end < last && year_of(end + 1) == year_of(n) {
            end += 1;
        }
        runs.push((n, end));
        n = end + 1;
    }
    runs
}

fn month(d: NaiveDate) -> String {
    d.format("%Y-%m").to_string()
}

/// A cash or bank account of a chart that numbers them (ma-associations 51xx, generic 10xx);
/// with the chart `none` amana cannot tell, and the treasurer names the posting.
fn fixed_charts_money(chart: &str, account: &AccountCode) -> bool {
    chart != "none" && crate::formats::charts::is_money(chart, account, AccountType::Asset)
}

/// `asset add`: what the treasurer gives.
#[derive(Debug, Clone)]
pub struct AssetRequest {
    pub id: AssetId,
    pub transaction: EntryId,
    /// The posting, counting from 1; `None`: the transaction's only debit to an asset account.
    pub posting: Option<i64>,
    pub life_months: i64,
    pub label: Option<String>,
    pub start: Option<NaiveDate>,
    pub depreciation_account: Option<AccountCode>,
    pub expense_account: Option<AccountCode>,
    pub subsidy_from: Option<AccountCode>,
    pub subsidy_account: Option<AccountCode>,
    pub release_account: Option<AccountCode>,
    pub income_account: Option<AccountCode>,
}

/// What `asset add` wrote.
#[derive(Debug, Clone)]
pub struct AssetAdded {
    pub written: Written,
    pub cost: Minor,
    /// The investment subsidy transaction, for an asset bought on a grant.
    pub subsidy: Option<EntryId>,
}

/// One depreciation entry `depreciate` made (or would make).
#[derive(Debug, Clone)]
pub struct DepreciationLine {
    pub asset: AssetId,
    pub from: NaiveDate,
    pub through: NaiveDate,
    pub amount: Minor,
    /// The subsidy released with it, for an asset bought on a grant.
    pub released: Option<Minor>,
    pub entry: EntryId,
}

fn pick(
    given: Option<AccountCode>,
    default: Option<&str>,
    flag: &'static str,
    what: &'static str,
) -> Result<AccountCode> {
    given
        .or_else(|| default.and_then(|d| AccountCode::parse(d).ok()))
        .ok_or(AssetError::NoDefault { flag, what })
}

impl Ledger {
    /// Registers an asset from the posting that bought it; for one bought on a grant, also
    /// records the investment subsidy (one write: both, or nothing).
    pub fn add_asset(&mut self, req: AssetRequest) -> Result<AssetAdded> {
        if req.life_months == 0 {
            return Err(AssetError::ZeroLife);
        }
        let info = self.info()?;
        let label = text::clean("label", req.label.as_deref().unwrap_or(req.id.as_str()))
            .map_err(LedgerError::from)?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = load_book(app)?;
            let source = app
                .entry(req.transaction)
                .map_err(LedgerError::from)?
                .ok_or(AssetError::NoTransaction(req.transaction))?;
            let index = match req.posting {
                Some(k) => k - 1,
                None => {
                    let debits: Vec<usize> = source
                        .postings()
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| {
                            p.amount.0 > 0
                                && book.account_type(&p.account) == Some(AccountType::Asset)
                                && !fixed_charts_money(&info.chart, &p.account)
                        })
                        .map(|(i, _)| i)
                        .collect();
                    match debits.as_slice() {
                        [one] => *one as i64,
                        [] => return Err(AssetError::NoAssetDebit(req.transaction)),
                        _ => {
                            return Err(AssetError::WhichPosting {
                                entry: req.transaction,
                                count: debits.len(),
                            });
                        }
                    }
                }
            };
            let posting: Option<Posting> = usize::try_from(index)
                .ok()
                .and_then(|i| source.postings().get(i))
                .cloned();
            let account = posting.as_ref().map(|p| p.account.clone());
            // Writer-side (CHAIN.md, "amana's writer also refuses"): a chart that numbers its
            // cash and bank accounts says a debit to one is money, never equipment.
            if let Some(p) = &posting
                && p.amount.0 > 0
                && fixed_charts_money(&info.chart, &p.account)
            {
                return Err(AssetError::MoneyAccount {
                    entry: req.transaction,
                    posting: index + 1,
                    account: p.account.clone(),
                });
            }
            let d = account.as_ref().and_then(|a| defaults(&info.chart, a));
            let depreciation_account = pick(
                req.depreciation_account.clone(),
                d.as_ref().and_then(|d| d.depreciation.as_deref()),
                "depreciation-account",
                "account where depreciation accumulates (type asset, 2835 or 1590)",
            )?;
            let expense_account = pick(
                req.expense_account.clone(),
                d.as_ref().map(|d| d.expense),
                "expense-account",
                "depreciation expense account (6193 or 6800)",
            )?;
            let grant = posting.as_ref().and_then(|p| p.grant.clone());
            let cost = posting.as_ref().map_or(Minor::ZERO, |p| p.amount);
            let release = match &grant {
                None => None,
                Some(_) => Some((
                    pick(
                        req.release_account.clone(),
                        d.as_ref().map(|d| d.release),
                        "release-account",
                        "account the subsidy is released from (1319 or 3200)",
                    )?,
                    pick(
                        req.income_account.clone(),
                        d.as_ref().map(|d| d.income),
                        "income-account",
                        "income account the subsidy is released to (7577 or 4960)",
                    )?,
                )),
            };
            let asset = Asset {
                id: req.id.clone(),
                label: label.clone(),
                entry: req.transaction,
                posting: index,
                life_months: req.life_months,
                start: req.start.unwrap_or(source.header.date),
                depreciation_account,
                expense_account,
                release,
            };
            let written = append_record(app, &mut book, &actor, Record::Asset(asset.clone()))?;
            // Writer-side, once the rules admitted it: an asset whose first fiscal year of
            // months is already locked could never be depreciated (one entry per fiscal year,
            // dated in it). The write is then rolled back.
            let schedule = Schedule::new(cost, asset.life_months, asset.start);
            if let Some(&(n, end)) =
                fiscal_runs(&schedule, info.fiscal_start, 0, asset.life_months - 1).first()
                && let (Some(from), Some(to)) = (schedule.month(n), schedule.month(end))
                && let Some(locked) = book.locked_on(month_last_day(to))
            {
                return Err(AssetError::StartLocked {
                    asset: asset.id.clone(),
                    from: month(from),
                    to: month(to),
                    date: month_last_day(to),
                    locked,
                });
            }
            let mut subsidy = None;
            if let Some(grant) = grant {
                let from = match req.subsidy_from.clone() {
                    Some(from) => from,
                    None => {
                        let found = app
                            .grant_income_accounts(&grant)
                            .map_err(LedgerError::from)?;
                        match found.as_slice() {
                            [one] => one.clone(),
                            _ => {
                                return Err(AssetError::SubsidyFrom {
                                    grant,
                                    found: found.len(),
                                    accounts: if found.is_empty() {
                                        String::new()
                                    } else {
                                        format!(
                                            " ({})",
                                            found
                                                .iter()
                                                .map(|a| a.to_string())
                                                .collect::<Vec<_>>()
                                                .join(", ")
                                        )
                                    },
                                });
                            }
                        }
                    }
                };
                let to = pick(
                    req.subsidy_account.clone(),
                    d.as_ref().map(|d| d.subsidy),
                    "subsidy-account",
                    "net-assets account of investment subsidies (1311 or 3200)",
                )?;
                if let Some(kind) = book.account_type(&to)
                    && kind != AccountType::NetAssets
                {
                    return Err(AssetError::SubsidyAccount {
                        account: to,
                        kind: kind.to_string(),
                    });
                }
                let posting = Posting::plain;
                let header = EntryHeader {
                    id: book.next_entry_id(),
                    date: source.header.date,
                    description: format!(
                        "Subvention d'investissement : {id} / Investment subsidy: {id}",
                        id = req.id
                    ),
                    reference: None,
                    kind: EntryKind::Transaction,
                    batch: None,
                };
                let entry = Entry::new(
                    header,
                    vec![posting(from, cost), posting(to, Minor(-cost.0))],
                    &info.currency,
                )
                .map_err(LedgerError::from)?;
                subsidy = Some(append_entry(app, &mut book, &actor, entry)?);
            }
            Ok(AssetAdded {
                cost,
                subsidy: subsidy.as_ref().and_then(|w| w.entry),
                written: subsidy.unwrap_or(written),
            })
        })
    }

    /// Posts every month of every asset's schedule not yet posted that ends on or before
    /// `through` (of one asset, when `only` names it): one entry per asset and fiscal year,
    /// dated on the last day of its last month. With `dry_run`, the entries are built and
    /// checked as they would be written, then rolled back.
    pub fn depreciate(
        &mut self,
        through: NaiveDate,
        only: Option<&AssetId>,
        dry_run: bool,
    ) -> Result<Vec<DepreciationLine>> {
        let info = self.info()?;
        let actor = self.actor.clone();
        let run = |app: &mut crate::store::Appender<'_>| -> Result<Vec<DepreciationLine>> {
            let mut book = load_book(app)?;
            let mut facts = app.assets().map_err(LedgerError::from)?;
            facts.sort_by(|a, b| a.asset.id.cmp(&b.asset.id));
            if let Some(id) = only {
                facts.retain(|f| &f.asset.id == id);
                let Some(f) = facts.first() else {
                    return Err(AssetError::UnknownAsset(id.clone()));
                };
                if through < f.acquired || through < f.asset.start {
                    return Err(AssetError::NotAcquired {
                        asset: id.clone(),
                        acquired: f.acquired,
                        start: f.asset.start,
                        through,
                    });
                }
            }
            let mut lines = vec![];
            for f in &facts {
                let Some(state) = book.asset(&f.asset.id).cloned() else {
                    continue;
                };
                let schedule = state.schedule();
                // Months whose last day is on or before `through`.
                let mut last = schedule.period_of(through);
                if month_last_day(through) != through {
                    last -= 1;
                }
                let last = last.min(state.asset.life_months - 1);
                for (n, end) in fiscal_runs(&schedule, info.fiscal_start, state.done, last) {
                    let (Some(from), Some(to)) = (schedule.month(n), schedule.month(end)) else {
                        break;
                    };
                    let date = month_last_day(to);
                    if let Some(locked) = book.locked_on(date) {
                        return Err(AssetError::Locked {
                            asset: f.asset.id.clone(),
                            from: month(from),
                            to: month(to),
                            date,
                            locked,
                        });
                    }
                    let amount = schedule.total(n, end);
                    let id = book.next_entry_id();
                    let header = EntryHeader {
                        id,
                        date,
                        description: format!(
                            "Dotation aux amortissements : {a}, {m1} à {m2} / Depreciation of {a}, {m1} to {m2}",
                            a = f.asset.id,
                            m1 = month(from),
                            m2 = month(to)
                        ),
                        reference: None,
                        kind: EntryKind::Depreciation {
                            asset: f.asset.id.clone(),
                            start: from,
                        },
                        batch: None,
                    };
                    let entry = Entry::new(
                        header,
                        depreciation_postings(&state.asset, amount),
                        &info.currency,
                    )
                    .map_err(LedgerError::from)?;
                    append_entry(app, &mut book, &actor, entry)?;
                    lines.push(DepreciationLine {
                        asset: f.asset.id.clone(),
                        from,
                        through: date,
                        amount,
                        released: state.asset.release.as_ref().map(|_| amount),
                        entry: id,
                    });
                }
            }
            Ok(lines)
        };
        if dry_run {
            self.store.rehearse(run)
        } else {
            self.store.write(run)
        }
    }
}
