//! Fixed assets: equipment registered from the posting that bought it, and its straight-line
//! depreciation schedule.
//!
//! The schedule is monthly and pro rata temporis by month: the month the depreciation starts
//! (by default the month of acquisition) counts as a whole month, whatever the day, and the
//! asset is depreciated over `life_months` calendar months from it. Each month but the last
//! takes the cost divided by the life, rounded down to the minor unit; the last takes what is
//! left, so the months always add up to the cost exactly. Integer minor units only: there is
//! nothing to round but the one division, and its remainder has a named place.

use chrono::{Datelike, Months, NaiveDate};

use super::{AccountCode, EntryId, Minor};

/// A registered asset, as its chain entry records it (its cost, date, account and grant are
/// those of the posting it was registered from).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub id: super::AssetId,
    pub label: String,
    /// The transaction that bought it, and the index of the debit posting to the asset account.
    pub entry: EntryId,
    pub posting: i64,
    /// Useful life in months, at least 1.
    pub life_months: i64,
    /// The day depreciation starts: its month is the first period.
    pub start: NaiveDate,
    /// Where depreciation accumulates (an asset account, 2835 / 1590) and what it costs (an
    /// expense account, 6193 / 6800).
    pub depreciation_account: AccountCode,
    pub expense_account: AccountCode,
    /// For an asset bought on a grant: the investment subsidy released in step, debited to
    /// `release_account` (1319 / 3200) and credited to `income_account` (7577 / 4960).
    /// Both present exactly when the posting it comes from is charged to a grant.
    pub release: Option<(AccountCode, AccountCode)>,
}

/// What a schedule needs of an asset and its posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub cost: Minor,
    pub life_months: i64,
    /// The first day of the first month depreciated.
    pub first_month: NaiveDate,
}

/// The first day of `date`'s month.
pub fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The last day of `date`'s month.
pub fn month_last_day(date: NaiveDate) -> NaiveDate {
    let first = month_start(date);
    first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(date)
}

impl Schedule {
    pub fn new(cost: Minor, life_months: i64, start: NaiveDate) -> Schedule {
        Schedule {
            cost,
            life_months,
            first_month: month_start(start),
        }
    }

    /// The first day of period `n` (0 for the first month), `None` past the calendar.
    pub fn month(&self, n: i64) -> Option<NaiveDate> {
        let n = u32::try_from(n).ok()?;
        self.first_month.checked_add_months(Months::new(n))
    }

    /// Which period (from 0) the month of `date` is, negative before the first.
    pub fn period_of(&self, date: NaiveDate) -> i64 {
        let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
        months(date) - months(self.first_month)
    }

    /// The last day of the last period.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.month(self.life_months - 1).map(month_last_day)
    }

    /// The amount of period `n`: the cost over the life rounded down, and the remainder on the
    /// last period. Zero outside the life.
    pub fn amount(&self, n: i64) -> Minor {
        if self.life_months < 1 || n < 0 || n >= self.life_months {
            return Minor::ZERO;
        }
        let each = self.cost.0 / self.life_months;
        if n == self.life_months - 1 {
            Minor(self.cost.0 - each * (self.life_months - 1))
        } else {
            Minor(each)
        }
    }

    /// The total of periods `from` to `to` included.
    pub fn total(&self, from: i64, to: i64) -> Minor {
        Minor((from..=to).map(|n| self.amount(n).0).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// 12,000.00 over 36 months: 333.33 a month, 333.45 in the last, 12,000.00 in all.
    #[test]
    fn the_remainder_goes_to_the_last_month() {
        let s = Schedule::new(Minor(1_200_000), 36, d("2025-03-15"));
        assert_eq!(s.first_month, d("2025-03-01"));
        assert_eq!(s.amount(0), Minor(33_333));
        assert_eq!(s.amount(35), Minor(33_345));
        assert_eq!(s.amount(36), Minor::ZERO);
        assert_eq!(s.total(0, 35), Minor(1_200_000));
        assert_eq!(s.total(0, 9), Minor(333_330));
        assert_eq!(s.period_of(d("2025-12-31")), 9);
        assert_eq!(s.last_day(), Some(d("2028-02-29")));
    }

    #[test]
    fn a_cost_smaller_than_the_life_is_all_in_the_last_month() {
        let s = Schedule::new(Minor(10), 36, d("2025-01-31"));
        assert_eq!(s.amount(0), Minor::ZERO);
        assert_eq!(s.amount(35), Minor(10));
        assert_eq!(month_last_day(d("2024-02-10")), d("2024-02-29"));
    }
}
