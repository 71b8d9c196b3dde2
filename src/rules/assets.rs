//! Fixed assets: registering one from the posting that bought it, and its depreciation.
//!
//! An `asset` entry names a debit posting to an asset account of a standing transaction, and
//! how it is depreciated (its life, the month it starts, its accounts). A `depreciation` entry
//! posts the schedule's amounts for consecutive months of one fiscal year, in order, each month
//! once ([`crate::domain::asset::Schedule`]): Debit the expense account / Credit the
//! depreciation account, and for an asset bought on a grant the investment subsidy released in
//! step, Debit the release account / Credit the income account, for the same amount. So the
//! book never holds a month depreciated twice, out of order, or at another amount, whoever
//! wrote the entry. Its refusals are one [`AssetRule`] each, described here (id, field, value,
//! arguments; their English is in `reports/i18n/en/rules.ftl` with the other rules').

use std::collections::HashMap;

use chrono::NaiveDate;

use super::error::RuleKind;
use super::messages::Described;
use super::{Book, RuleError};
use crate::domain::asset::{Asset, Schedule, month_last_day};
use crate::domain::{
    AccountCode, AccountType, AssetId, Entry, EntryId, EntryKind, Minor, Posting, format_date,
};

/// The longest life amana depreciates over: a hundred years.
pub const MAX_LIFE_MONTHS: i64 = 1200;

/// A registered asset and how far it is depreciated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetState {
    pub asset: Asset,
    /// The amount of the posting it was registered from.
    pub cost: Minor,
    /// How many months of its schedule are posted.
    pub done: i64,
}

impl AssetState {
    pub fn schedule(&self) -> Schedule {
        Schedule::new(self.cost, self.asset.life_months, self.asset.start)
    }
}

/// The assets a book knows.
#[derive(Debug, Default)]
pub(super) struct Assets {
    by_id: HashMap<AssetId, AssetState>,
    by_posting: HashMap<(EntryId, i64), AssetId>,
}

impl Assets {
    pub(super) fn from_parts(parts: Vec<AssetState>) -> Assets {
        let mut assets = Assets::default();
        for state in parts {
            assets.insert(state);
        }
        assets
    }

    fn insert(&mut self, state: AssetState) {
        let a = &state.asset;
        self.by_posting.insert((a.entry, a.posting), a.id.clone());
        self.by_id.insert(a.id.clone(), state);
    }
}

/// Why an asset or a depreciation is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssetRule {
    AssetExists {
        id: AssetId,
    },
    /// The transaction is not recorded, or is not a standing transaction (a reversal, a
    /// closing, a depreciation, or reversed).
    SourceNotStanding {
        entry: EntryId,
    },
    PostingMissing {
        entry: EntryId,
        posting: i64,
    },
    NotADebitToAnAsset {
        entry: EntryId,
        posting: i64,
        account: AccountCode,
    },
    PostingRegistered {
        entry: EntryId,
        posting: i64,
        asset: AssetId,
    },
    LifeOutOfRange {
        months: i64,
    },
    StartBeforeAcquisition {
        start: NaiveDate,
        acquired: NaiveDate,
    },
    AccountType {
        role: &'static str,
        account: AccountCode,
        expected: &'static str,
    },
    /// The release accounts are given exactly when the posting is charged to a grant.
    ReleaseMismatch {
        grant: bool,
    },
    AssetUnknown {
        asset: AssetId,
    },
    /// The months do not follow the last one depreciated (or the first of the schedule);
    /// `expected` is `None` once the asset is fully depreciated.
    DepreciationOrder {
        asset: AssetId,
        start: NaiveDate,
        expected: Option<NaiveDate>,
    },
    /// Not dated on the last day of a month of the schedule, on or after `start`.
    DepreciationEnd {
        asset: AssetId,
        date: NaiveDate,
    },
    DepreciationSpansYears {
        asset: AssetId,
        start: NaiveDate,
        date: NaiveDate,
    },
    DepreciationPostings {
        asset: AssetId,
        amount: Minor,
    },
    DepreciationInImport,
    DepreciationReversed {
        reverses: EntryId,
    },
    AssetSourceReversed {
        reverses: EntryId,
        asset: AssetId,
    },
}

impl AssetRule {
    pub(super) fn describe(&self) -> Described {
        use AssetRule as A;
        let d = |id, field, value: String, args: Vec<(&'static str, String)>| Described {
            id,
            field,
            value,
            args,
        };
        let s = |v: &dyn ToString| v.to_string();
        // A posting is shown counting from 1, as `asset add --posting` takes it.
        let shown = |posting: &i64| (posting + 1).to_string();
        match self {
            A::AssetExists { id } => d("rule-asset-exists", "asset", s(id), vec![("id", s(id))]),
            A::SourceNotStanding { entry } => d(
                "rule-asset-source",
                "transaction",
                s(entry),
                vec![("entry", s(entry))],
            ),
            A::PostingMissing { entry, posting } => d(
                "rule-asset-posting-missing",
                "posting",
                shown(posting),
                vec![("entry", s(entry)), ("posting", shown(posting))],
            ),
            A::NotADebitToAnAsset {
                entry,
                posting,
                account,
            } => d(
                "rule-asset-not-a-debit",
                "posting",
                shown(posting),
                vec![
                    ("entry", s(entry)),
                    ("posting", shown(posting)),
                    ("account", s(account)),
                ],
            ),
            A::PostingRegistered {
                entry,
                posting,
                asset,
            } => d(
                "rule-asset-posting-registered",
                "posting",
                shown(posting),
                vec![
                    ("entry", s(entry)),
                    ("posting", shown(posting)),
                    ("asset", s(asset)),
                ],
            ),
            A::LifeOutOfRange { months } => d(
                "rule-asset-life",
                "life_months",
                s(months),
                vec![("months", s(months)), ("max", s(&MAX_LIFE_MONTHS))],
            ),
            A::StartBeforeAcquisition { start, acquired } => d(
                "rule-asset-start",
                "start",
                format_date(*start),
                vec![
                    ("start", format_date(*start)),
                    ("acquired", format_date(*acquired)),
                ],
            ),
            A::AccountType {
                role,
                account,
                expected,
            } => d(
                "rule-asset-account-type",
                role,
                s(account),
                vec![
                    ("role", s(role)),
                    ("account", s(account)),
                    ("expected", s(expected)),
                ],
            ),
            A::ReleaseMismatch { grant: true } => d(
                "rule-asset-release-missing",
                "release_account",
                String::new(),
                vec![],
            ),
            A::ReleaseMismatch { grant: false } => d(
                "rule-asset-release-extra",
                "release_account",
                String::new(),
                vec![],
            ),
            A::AssetUnknown { asset } => d(
                "rule-asset-unknown",
                "asset",
                s(asset),
                vec![("asset", s(asset))],
            ),
            A::DepreciationOrder {
                asset,
                start,
                expected: Some(expected),
            } => d(
                "rule-depreciation-order",
                "start",
                format_date(*start),
                vec![
                    ("asset", s(asset)),
                    ("start", format_date(*start)),
                    ("expected", format_date(*expected)),
                ],
            ),
            A::DepreciationOrder {
                asset,
                start,
                expected: None,
            } => d(
                "rule-depreciation-done",
                "start",
                format_date(*start),
                vec![("asset", s(asset))],
            ),
            A::DepreciationEnd { asset, date } => d(
                "rule-depreciation-end",
                "date",
                format_date(*date),
                vec![("asset", s(asset)), ("date", format_date(*date))],
            ),
            A::DepreciationSpansYears { asset, start, date } => d(
                "rule-depreciation-years",
                "date",
                format_date(*date),
                vec![
                    ("asset", s(asset)),
                    ("start", format_date(*start)),
                    ("date", format_date(*date)),
                ],
            ),
            A::DepreciationPostings { asset, amount } => d(
                "rule-depreciation-postings",
                "postings",
                String::new(),
                vec![("asset", s(asset)), ("amount", s(&amount.0))],
            ),
            A::DepreciationInImport => d(
                "rule-depreciation-in-import",
                "batch",
                String::new(),
                vec![],
            ),
            A::DepreciationReversed { reverses } => d(
                "rule-depreciation-reversed",
                "reverses",
                s(reverses),
                vec![("reverses", s(reverses))],
            ),
            A::AssetSourceReversed { reverses, asset } => d(
                "rule-asset-source-reversed",
                "reverses",
                s(reverses),
                vec![("reverses", s(reverses)), ("asset", s(asset))],
            ),
        }
    }
}

fn refuse(rule: AssetRule) -> Vec<RuleError> {
    vec![RuleError::from(RuleKind::Asset(rule))]
}

/// The postings a depreciation of `amount` makes for `asset`.
pub fn depreciation_postings(asset: &Asset, amount: Minor) -> Vec<Posting> {
    let posting = |account: &AccountCode, amount: Minor| Posting::plain(account.clone(), amount);
    let credit = Minor(-amount.0);
    let mut out = vec![
        posting(&asset.expense_account, amount),
        posting(&asset.depreciation_account, credit),
    ];
    if let Some((release, income)) = &asset.release {
        out.push(posting(release, amount));
        out.push(posting(income, credit));
    }
    out
}

impl Book {
    /// A registered asset and how far it is depreciated.
    pub fn asset(&self, id: &AssetId) -> Option<&AssetState> {
        self.assets.by_id.get(id)
    }

    /// Every registered asset.
    pub fn assets(&self) -> impl Iterator<Item = &AssetState> {
        self.assets.by_id.values()
    }

    /// The checks of an `asset` entry; `source` is the transaction it names, looked up by the
    /// caller.
    fn check_asset(&self, a: &Asset, source: Option<&Entry>) -> Result<Minor, Vec<RuleError>> {
        if self.assets.by_id.contains_key(&a.id) {
            return Err(refuse(AssetRule::AssetExists { id: a.id.clone() }));
        }
        let Some(source) = source.filter(|s| {
            s.id() == a.entry
                && a.entry.0 < self.next_entry
                && matches!(s.header.kind, EntryKind::Transaction)
                && !self.reversed.contains(&a.entry)
        }) else {
            return Err(refuse(AssetRule::SourceNotStanding { entry: a.entry }));
        };
        let Some(posting) = usize::try_from(a.posting)
            .ok()
            .and_then(|i| source.postings().get(i))
        else {
            return Err(refuse(AssetRule::PostingMissing {
                entry: a.entry,
                posting: a.posting,
            }));
        };
        if posting.amount.0 <= 0 || self.accounts.get(&posting.account) != Some(&AccountType::Asset)
        {
            return Err(refuse(AssetRule::NotADebitToAnAsset {
                entry: a.entry,
                posting: a.posting,
                account: posting.account.clone(),
            }));
        }
        if let Some(asset) = self.assets.by_posting.get(&(a.entry, a.posting)) {
            return Err(refuse(AssetRule::PostingRegistered {
                entry: a.entry,
                posting: a.posting,
                asset: asset.clone(),
            }));
        }
        if !(1..=MAX_LIFE_MONTHS).contains(&a.life_months) {
            return Err(refuse(AssetRule::LifeOutOfRange {
                months: a.life_months,
            }));
        }
        if a.start < source.header.date {
            return Err(refuse(AssetRule::StartBeforeAcquisition {
                start: a.start,
                acquired: source.header.date,
            }));
        }
        let mut roles = vec![
            (
                "depreciation account",
                &a.depreciation_account,
                AccountType::Asset,
            ),
            ("expense account", &a.expense_account, AccountType::Expense),
        ];
        if let Some((release, income)) = &a.release {
            roles.push(("release account", release, AccountType::NetAssets));
            roles.push(("income account", income, AccountType::Income));
        }
        for (role, account, expected) in roles {
            if self.accounts.get(account) != Some(&expected) {
                return Err(refuse(AssetRule::AccountType {
                    role,
                    account: account.clone(),
                    expected: expected.as_str(),
                }));
            }
        }
        if posting.grant.is_some() != a.release.is_some() {
            return Err(refuse(AssetRule::ReleaseMismatch {
                grant: posting.grant.is_some(),
            }));
        }
        Ok(posting.amount)
    }

    /// Checks an `asset` entry and, when it passes, registers the asset.
    pub(super) fn admit_asset(
        &mut self,
        a: &Asset,
        source: Option<&Entry>,
    ) -> Result<(), Vec<RuleError>> {
        let cost = self.check_asset(a, source)?;
        self.assets.insert(AssetState {
            asset: a.clone(),
            cost,
            done: 0,
        });
        Ok(())
    }

    /// The rules of a `depreciation` entry: the next months of a registered asset's schedule,
    /// inside one fiscal year, at the schedule's amounts.
    pub(super) fn check_depreciation(
        &self,
        e: &Entry,
        asset: &AssetId,
        start: NaiveDate,
    ) -> Vec<RuleError> {
        let Some(state) = self.assets.by_id.get(asset) else {
            return refuse(AssetRule::AssetUnknown {
                asset: asset.clone(),
            });
        };
        if e.header.batch.is_some() || e.header.reference.is_some() {
            return refuse(AssetRule::DepreciationInImport);
        }
        let schedule = state.schedule();
        let expected = (state.done < state.asset.life_months)
            .then(|| schedule.month(state.done))
            .flatten();
        if expected != Some(start) {
            return refuse(AssetRule::DepreciationOrder {
                asset: asset.clone(),
                start,
                expected,
            });
        }
        let date = e.header.date;
        let last = schedule.period_of(date);
        if date != month_last_day(date) || last < state.done || last >= state.asset.life_months {
            return refuse(AssetRule::DepreciationEnd {
                asset: asset.clone(),
                date,
            });
        }
        if let Some(info) = &self.info {
            let fiscal = info.fiscal_start;
            if fiscal.year_of(month_last_day(start)) != fiscal.year_of(date) {
                return refuse(AssetRule::DepreciationSpansYears {
                    asset: asset.clone(),
                    start,
                    date,
                });
            }
        }
        let amount = schedule.total(state.done, last);
        if e.postings() != depreciation_postings(&state.asset, amount).as_slice() {
            return refuse(AssetRule::DepreciationPostings {
                asset: asset.clone(),
                amount,
            });
        }
        vec![]
    }

    /// Takes an admitted depreciation into the asset's state.
    pub(super) fn take_depreciation(&mut self, asset: &AssetId, date: NaiveDate) {
        if let Some(state) = self.assets.by_id.get_mut(asset) {
            state.done = state.schedule().period_of(date) + 1;
        }
    }

    /// A reversal of a depreciation, or of the transaction a registered asset comes from.
    pub(super) fn check_reversal_of_assets(&self, original: &Entry) -> Vec<RuleError> {
        let reverses = original.id();
        if matches!(original.header.kind, EntryKind::Depreciation { .. }) {
            return refuse(AssetRule::DepreciationReversed { reverses });
        }
        let registered = self
            .assets
            .by_posting
            .iter()
            .filter(|((entry, _), _)| *entry == reverses)
            .map(|(_, id)| id)
            .min();
        match registered {
            Some(asset) => refuse(AssetRule::AssetSourceReversed {
                reverses,
                asset: asset.clone(),
            }),
            None => vec![],
        }
    }
}
