//! Money in a grant's own currency: the rate table's rates, a grant's terms (how its postings
//! are converted, how long after its end costs may still be charged, which currency its budget
//! lines are in), and the exact conversions between a base-currency amount and a foreign one.
//!
//! A rate is kept as an integer count of millionths (`10.8` is `10_800_000`): exact, six
//! decimals at most, the way amounts are integer minor units. A conversion is one division of
//! integers rounded once, half away from zero, at the edge (never a float, never a rounded rate
//! multiplied again).

use chrono::NaiveDate;
use std::fmt;
use std::str::FromStr;

use super::{DomainError, GrantId, Minor};

/// Millionths in one unit of a rate.
pub const RATE_SCALE: i64 = 1_000_000;

/// The largest rate amana takes (ten million units of base currency for one foreign unit: as
/// many millionths as the largest amount has minor units), so that no conversion overflows.
pub const RATE_MAX: i64 = Minor::MAX;

/// Units of the ledger's currency for one unit of a foreign currency, in millionths, > 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rate(pub i64);

impl Rate {
    /// Parses a positive decimal of at most six decimals (`10.8`, `10.800000`, `0.0912`).
    pub fn parse(text: &str) -> Result<Rate, DomainError> {
        let bad = |why: &'static str| DomainError::NotOneOf {
            what: "rate",
            value: text.to_string(),
            allowed: why,
        };
        let rate_unit = super::Currency {
            code: "rate".into(),
            exponent: 6,
        };
        let micros = Minor::parse(text, &rate_unit)
            .map_err(|_| bad("a positive number with at most 6 decimals, e.g. 10.8"))?;
        if micros.0 <= 0 || micros.0 > RATE_MAX {
            return Err(bad("a positive number with at most 6 decimals, e.g. 10.8"));
        }
        Ok(Rate(micros.0))
    }

    /// Whether the chain may hold it: from one millionth to [`RATE_MAX`].
    pub fn in_range(self) -> bool {
        self.0 > 0 && self.0 <= RATE_MAX
    }
}

impl fmt::Display for Rate {
    /// The shortest exact decimal: `10.8`, `11.05`, `7`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = Minor(self.0).format(6);
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.')
        } else {
            &text
        };
        f.write_str(text)
    }
}

/// One rate of the rate table: `rate` units of the ledger's currency for one `currency`, on
/// `date` (and, for the daily method, every later day until the next rate).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeRate {
    pub currency: String,
    pub date: NaiveDate,
    pub rate: Rate,
    /// Where it comes from (Bank Al-Maghrib, the bank's statement, the funder's rate).
    pub source: Option<String>,
}

string_enum!(
    /// How an amount of a grant's posting is converted to the grant's currency when it is not
    /// given: the weighted rate of the instalments received on the grant so far, or the rate
    /// table's rate of the posting's day (or the latest before it).
    RateMethod, "rate method", {
        Instalments => "instalments",
        Daily => "daily",
    }
);

string_enum!(
    /// The currency a grant's budget lines (and their amendments) are written in: the ledger's
    /// (as every grant without terms) or the grant's own.
    BudgetCurrency, "budget currency", {
        Base => "base",
        Grant => "grant",
    }
);

/// The most days a closing window may run after a grant's end (ten years).
pub const MAX_CLOSING_DAYS: i64 = 3660;

/// What a grant's agreement says of its money beyond its amount and period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantTerms {
    pub grant: GrantId,
    pub rate_method: RateMethod,
    /// Days after the grant's last day during which costs may still be charged to it (the
    /// final audit, the final report), from 0 to [`MAX_CLOSING_DAYS`].
    pub closing_days: i64,
    pub budget_currency: BudgetCurrency,
}

impl GrantTerms {
    /// The last day a cost may be charged to a grant whose period ends on `end`.
    pub fn last_eligible_day(&self, end: NaiveDate) -> NaiveDate {
        u64::try_from(self.closing_days)
            .ok()
            .and_then(|days| end.checked_add_days(chrono::Days::new(days)))
            .unwrap_or(end)
    }
}

/// `num / den` rounded half away from zero; `None` when `den` is 0 or the quotient leaves the
/// range of amounts.
fn divide(num: i128, den: i128) -> Option<Minor> {
    if den == 0 {
        return None;
    }
    let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
    let q = num / den;
    let r = num % den;
    let q = if 2 * r.abs() >= den {
        q + num.signum()
    } else {
        q
    };
    i64::try_from(q).ok().map(Minor).filter(|m| m.in_range())
}

/// The amount in the foreign currency (exponent `foreign`) of `base` minor units of the
/// ledger's currency (exponent `base_exp`) at `rate`, rounded to the foreign currency's minor
/// unit, half away from zero.
pub fn to_foreign(base: Minor, base_exp: u8, foreign: u8, rate: Rate) -> Option<Minor> {
    let num = i128::from(base.0) * i128::from(RATE_SCALE) * 10_i128.pow(u32::from(foreign));
    let den = i128::from(rate.0) * 10_i128.pow(u32::from(base_exp));
    divide(num, den)
}

/// The amount in the ledger's currency of `foreign` minor units at `rate`, rounded to the
/// ledger's minor unit, half away from zero.
pub fn to_base(foreign: Minor, foreign_exp: u8, base_exp: u8, rate: Rate) -> Option<Minor> {
    let num = i128::from(foreign.0) * i128::from(rate.0) * 10_i128.pow(u32::from(base_exp));
    let den = i128::from(RATE_SCALE) * 10_i128.pow(u32::from(foreign_exp));
    divide(num, den)
}

/// `amount × numerator / denominator`, rounded half away from zero: a base amount converted at
/// the weighted rate of instalments (`numerator` received in the grant's currency for
/// `denominator` in the ledger's), without ever rounding the rate itself.
pub fn in_proportion(amount: Minor, numerator: Minor, denominator: Minor) -> Option<Minor> {
    divide(
        i128::from(amount.0) * i128::from(numerator.0),
        i128::from(denominator.0),
    )
}

impl FromStr for Rate {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Rate, DomainError> {
        Rate::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_exact_decimals() {
        assert_eq!(Rate::parse("10.8").unwrap(), Rate(10_800_000));
        assert_eq!(Rate::parse("11.050000").unwrap(), Rate(11_050_000));
        assert_eq!(Rate::parse("10.8").unwrap().to_string(), "10.8");
        assert_eq!(Rate(7_000_000).to_string(), "7");
        for bad in ["0", "-1", "1.1234567", "abc", "", "1e3"] {
            assert!(Rate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn conversions_round_once_half_away_from_zero() {
        let r = Rate::parse("10.8").unwrap();
        // 1,080.00 MAD at 10.8 is 100.00 EUR; 1.00 MAD is 0.0925.. EUR: 0.09.
        assert_eq!(to_foreign(Minor(108_000), 2, 2, r), Some(Minor(10_000)));
        assert_eq!(to_foreign(Minor(100), 2, 2, r), Some(Minor(9)));
        assert_eq!(to_foreign(Minor(-100), 2, 2, r), Some(Minor(-9)));
        // 0.54 MAD at 10.8 is exactly 0.05 EUR; 0.27 MAD is 0.025: rounded away from zero.
        assert_eq!(to_foreign(Minor(27), 2, 2, r), Some(Minor(3)));
        assert_eq!(to_foreign(Minor(-27), 2, 2, r), Some(Minor(-3)));
        assert_eq!(to_base(Minor(10_000), 2, 2, r), Some(Minor(108_000)));
        // TND has 3 decimals: 1.000 TND at 3.2 is 3.20 MAD.
        assert_eq!(
            to_base(Minor(1_000), 3, 2, Rate(3_200_000)),
            Some(Minor(320))
        );
        assert_eq!(
            in_proportion(Minor(100), Minor(1), Minor(3)),
            Some(Minor(33))
        );
        assert_eq!(in_proportion(Minor(100), Minor(1), Minor(0)), None);
    }

    #[test]
    fn the_closing_window_adds_days_to_the_end() {
        let terms = GrantTerms {
            grant: GrantId::parse("G").unwrap(),
            rate_method: RateMethod::Daily,
            closing_days: 90,
            budget_currency: BudgetCurrency::Base,
        };
        let end = crate::domain::parse_date("2026-12-31").unwrap();
        assert_eq!(
            terms.last_eligible_day(end),
            crate::domain::parse_date("2027-03-31").unwrap()
        );
    }
}
