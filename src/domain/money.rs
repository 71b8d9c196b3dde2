//! Money: amounts are exact decimals held as integer minor units, and [`Money`] is one with
//! the currency it is counted in.
//!
//! Why integers: SQLite's integer `SUM` is exact, a trigger can check that an entry balances,
//! and the chain encodes an amount as one fixed-width integer, so `1`, `1.0` and `1.00` can never
//! hash differently. Parsing goes through `rust_decimal` (never a float) and *rejects* a value
//! with more decimals than the currency has: a third decimal on a MAD amount is an error, never a
//! rounding.
//!
//! Why a currency with the amount: the next amounts (grants in another currency than the
//! books') must never be added to the books' own by mistake; [`Money`]'s arithmetic refuses to
//! mix currencies, and fails loudly on overflow (a `Result`, never a saturated value).
//!
//! **The one place that rounds and allocates.** Nothing else in amana rounds an amount:
//! [`Money::from_decimal`] rounds to the currency's decimals *half away from zero*
//! (`RoundingStrategy::MidpointAwayFromZero`: 0.125 → 0.13, −0.125 → −0.13; not the banker's
//! rounding of a plain `round_dp`), and [`Money::allocate`] splits a whole into parts that sum
//! exactly to it, by the largest-remainder rule with ties to the earliest part.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;

use super::{AmountProblem, DomainError};

/// A currency as the ledger knows it: ISO 4217 code and its number of decimals (its exponent).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    pub code: String,
    pub exponent: u8,
}

impl Currency {
    /// The ISO 4217 table as shipped with this release (code, exponent), sorted by code.
    ///
    /// The table is copied into a ledger's genesis entry when the ledger is created, so a later
    /// change of the ISO table (or of this crate) cannot change what a ledger's amounts mean.
    pub fn iso_table() -> Vec<Currency> {
        use iso_currency::IntoEnumIterator;
        let mut table: Vec<Currency> = iso_currency::Currency::iter()
            .filter_map(|c| {
                let exponent = c.exponent()?;
                Some(Currency {
                    code: c.code().to_string(),
                    exponent: u8::try_from(exponent).ok()?,
                })
            })
            .collect();
        table.sort();
        table.dedup_by(|a, b| a.code == b.code);
        table
    }

    /// Looks a code up in the shipped ISO table.
    pub fn iso(code: &str) -> Result<Currency, DomainError> {
        let upper = code.trim().to_ascii_uppercase();
        Currency::iso_table()
            .into_iter()
            .find(|c| c.code == upper)
            .ok_or_else(|| DomainError::UnknownCurrency(code.to_string()))
    }

    /// Parses a written amount in this currency into minor units.
    pub fn parse(&self, text: &str) -> Result<Minor, DomainError> {
        Minor::parse(text, self)
    }

    /// Formats minor units with exactly this currency's decimals (`120000` → `"1200.00"`).
    pub fn format(&self, amount: Minor) -> String {
        amount.format(self.exponent)
    }
}

/// An amount in minor units of some currency (centimes for MAD, cents for EUR).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Minor(pub i64);

impl Minor {
    pub const ZERO: Minor = Minor(0);

    /// The largest amount amana accepts, in minor units (10^13: a hundred billion dirhams).
    /// Far beyond any association's books, and small enough that 900,000 such amounts still
    /// sum within 64 bits; past that, totals are checked and a total that would overflow is an
    /// error, never a clamped figure.
    pub const MAX: i64 = 10_000_000_000_000;

    /// Whether the amount is within ±[`Minor::MAX`].
    pub fn in_range(self) -> bool {
        self.0.checked_abs().is_some_and(|a| a <= Minor::MAX)
    }

    /// Parses `-?[0-9]+(\.[0-9]+)?` exactly; more significant decimals than the currency allows
    /// are refused (trailing zeros are fine: `12.50` and `12.5` are the same MAD amount).
    pub fn parse(text: &str, currency: &Currency) -> Result<Minor, DomainError> {
        let bad = |why: AmountProblem| DomainError::BadAmount {
            value: text.to_string(),
            why,
        };
        let s = text.trim();
        let digits = s.strip_prefix('-').unwrap_or(s);
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (digits, None),
        };
        let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
            return Err(bad(AmountProblem::NotANumber));
        }
        let too_large = || {
            bad(AmountProblem::TooLarge {
                max: Minor(Minor::MAX).format(currency.exponent),
                currency: currency.code.clone(),
            })
        };
        let value = Decimal::from_str_exact(s).map_err(|_| too_large())?;
        let exponent = u32::from(currency.exponent);
        if value.normalize().scale() > exponent {
            return Err(bad(AmountProblem::TooManyDecimals {
                currency: currency.code.clone(),
                exponent: currency.exponent,
            }));
        }
        let factor = Decimal::from(10_i64.pow(exponent));
        value
            .checked_mul(factor)
            .and_then(|v| v.to_i64())
            .map(Minor)
            .filter(|m| m.in_range())
            .ok_or_else(too_large)
    }

    /// Exactly `exponent` decimals, `-` for negatives.
    pub fn format(self, exponent: u8) -> String {
        Decimal::new(self.0, u32::from(exponent)).to_string()
    }

    pub fn checked_add(self, other: Minor) -> Option<Minor> {
        self.0.checked_add(other.0).map(Minor)
    }

    pub fn checked_sub(self, other: Minor) -> Option<Minor> {
        self.0.checked_sub(other.0).map(Minor)
    }

    pub fn checked_neg(self) -> Option<Minor> {
        self.0.checked_neg().map(Minor)
    }

    pub fn checked_abs(self) -> Option<Minor> {
        self.0.checked_abs().map(Minor)
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
}

impl fmt::Display for Minor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Sums amounts with overflow checking (amounts come from untrusted input).
pub fn checked_sum<I: IntoIterator<Item = Minor>>(amounts: I) -> Option<Minor> {
    amounts
        .into_iter()
        .try_fold(Minor::ZERO, |acc, a| acc.checked_add(a))
}

/// Why two amounts cannot be combined, or a whole not split.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("amounts in {left} and in {right} cannot be added or compared: convert one first")]
    CurrencyMismatch { left: String, right: String },
    /// Beyond 64 bits of minor units: no ledger of valid entries gets there (see
    /// [`Minor::MAX`]), so the amounts come from a corrupt or hostile ledger.
    #[error(
        "the amounts are too large to add up in {currency}: beyond what a ledger of valid entries can hold"
    )]
    Overflow { currency: String },
    #[error("an amount is split by weights, at least one of them above zero")]
    NoWeights,
}

/// An amount and the currency it is counted in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Money {
    amount: Minor,
    currency: Currency,
}

impl Money {
    pub fn new(amount: Minor, currency: Currency) -> Money {
        Money { amount, currency }
    }

    pub fn zero(currency: Currency) -> Money {
        Money::new(Minor::ZERO, currency)
    }

    pub fn amount(&self) -> Minor {
        self.amount
    }

    pub fn currency(&self) -> &Currency {
        &self.currency
    }

    pub fn is_zero(&self) -> bool {
        self.amount.is_zero()
    }

    fn overflow(&self) -> MoneyError {
        MoneyError::Overflow {
            currency: self.currency.code.clone(),
        }
    }

    fn same_currency(&self, other: &Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency.code.clone(),
                right: other.currency.code.clone(),
            })
        }
    }

    /// The sum, in the same currency; refused across currencies and on overflow.
    pub fn checked_add(&self, other: &Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let amount = self
            .amount
            .checked_add(other.amount)
            .ok_or_else(|| self.overflow())?;
        Ok(Money::new(amount, self.currency.clone()))
    }

    /// The difference, in the same currency; refused across currencies and on overflow.
    pub fn checked_sub(&self, other: &Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let amount = self
            .amount
            .checked_sub(other.amount)
            .ok_or_else(|| self.overflow())?;
        Ok(Money::new(amount, self.currency.clone()))
    }

    pub fn checked_neg(&self) -> Result<Money, MoneyError> {
        let amount = self.amount.checked_neg().ok_or_else(|| self.overflow())?;
        Ok(Money::new(amount, self.currency.clone()))
    }

    pub fn checked_abs(&self) -> Result<Money, MoneyError> {
        let amount = self.amount.checked_abs().ok_or_else(|| self.overflow())?;
        Ok(Money::new(amount, self.currency.clone()))
    }

    /// The sum of `amounts` in `currency` (zero for none); refused if one is in another
    /// currency, and on overflow.
    pub fn sum<'a>(
        currency: &Currency,
        amounts: impl IntoIterator<Item = &'a Money>,
    ) -> Result<Money, MoneyError> {
        amounts
            .into_iter()
            .try_fold(Money::zero(currency.clone()), |total, m| {
                total.checked_add(m)
            })
    }

    /// `value` (in major units: dirhams, euros) rounded to the currency's decimals, **half away
    /// from zero** (`RoundingStrategy::MidpointAwayFromZero`: 0.125 MAD → 0.13, −0.125 →
    /// −0.13). The one place amana rounds an amount; refused on overflow.
    pub fn from_decimal(value: Decimal, currency: &Currency) -> Result<Money, MoneyError> {
        let overflow = || MoneyError::Overflow {
            currency: currency.code.clone(),
        };
        let exponent = u32::from(currency.exponent);
        let rounded =
            value.round_dp_with_strategy(exponent, RoundingStrategy::MidpointAwayFromZero);
        let factor = 10_i64
            .checked_pow(exponent)
            .map(Decimal::from)
            .ok_or_else(overflow)?;
        let minor = rounded
            .checked_mul(factor)
            .and_then(|m| m.to_i64())
            .ok_or_else(overflow)?;
        Ok(Money::new(Minor(minor), currency.clone()))
    }

    /// Splits the amount into one part per weight, in proportion to the weights, so that the
    /// parts sum **exactly** to the whole.
    ///
    /// The rule (largest remainder): each part first gets its exact share rounded towards zero;
    /// the minor units left over go one each to the parts whose exact share had the largest
    /// remainder, **ties to the earliest part**. So no part differs from its exact share by a
    /// whole minor unit or more, and a part of weight zero gets nothing. A negative whole is
    /// split as its opposite, then every part negated (the rule is symmetric around zero).
    /// Refused when no weight is above zero.
    pub fn allocate(&self, weights: &[u64]) -> Result<Vec<Money>, MoneyError> {
        let total: u128 = weights.iter().map(|w| u128::from(*w)).sum();
        if total == 0 {
            return Err(MoneyError::NoWeights);
        }
        // i128 holds |whole| × weight (under 2^63 × 2^64) and every quotient exactly.
        let whole = i128::from(self.amount.0);
        let magnitude = whole.unsigned_abs();
        let mut parts: Vec<u128> = Vec::with_capacity(weights.len());
        let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(weights.len());
        for (i, w) in weights.iter().enumerate() {
            let product = magnitude * u128::from(*w);
            parts.push(product / total);
            remainders.push((product % total, i));
        }
        let given: u128 = parts.iter().sum();
        let left = magnitude - given;
        // Largest remainder first; among equal remainders, the earliest part first.
        remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, i) in remainders
            .iter()
            .take(usize::try_from(left).unwrap_or(usize::MAX))
        {
            parts[*i] += 1;
        }
        parts
            .into_iter()
            .map(|p| {
                // Each part is at most |whole|, so it fits in i64 with the whole's sign.
                let p = i128::try_from(p).map_err(|_| self.overflow())?;
                let signed = if whole < 0 { -p } else { p };
                i64::try_from(signed)
                    .map(|m| Money::new(Minor(m), self.currency.clone()))
                    .map_err(|_| self.overflow())
            })
            .collect()
    }
}

/// `1200.00 MAD`: the amount with exactly the currency's decimals, then its code.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}",
            self.currency.format(self.amount),
            self.currency.code
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mad() -> Currency {
        Currency::iso("MAD").unwrap()
    }

    #[test]
    fn parses_exact_amounts() {
        assert_eq!(Minor::parse("1200", &mad()).unwrap(), Minor(120000));
        assert_eq!(Minor::parse("1200.5", &mad()).unwrap(), Minor(120050));
        assert_eq!(Minor::parse("1200.50", &mad()).unwrap(), Minor(120050));
        assert_eq!(Minor::parse("-0.01", &mad()).unwrap(), Minor(-1));
        assert_eq!(Minor::parse("-0", &mad()).unwrap(), Minor(0));
        assert_eq!(Minor::parse("12.500", &mad()).unwrap(), Minor(1250));
    }

    #[test]
    fn refuses_a_third_decimal_and_non_numbers() {
        for bad in [
            "12.345", "12,50", "1e3", "", "-", "1.", ".5", "+5", "1_000", "12.5O", "0x10",
        ] {
            assert!(Minor::parse(bad, &mad()).is_err(), "{bad} accepted");
        }
        let tnd = Currency::iso("TND").unwrap();
        assert_eq!(Minor::parse("1.234", &tnd).unwrap(), Minor(1234));
        let jpy = Currency::iso("JPY").unwrap();
        assert!(Minor::parse("1.5", &jpy).is_err());
    }

    #[test]
    fn refuses_overflow() {
        assert!(Minor::parse("99999999999999999999", &mad()).is_err());
        assert!(Minor::parse("92233720368547758.08", &mad()).is_err());
        assert!(Minor::parse("100000000000.00", &mad()).is_ok());
        assert!(Minor::parse("100000000000.01", &mad()).is_err());
        assert!(Minor::parse("-100000000000.01", &mad()).is_err());
    }

    #[test]
    fn formats_with_the_currency_decimals() {
        assert_eq!(Minor(120000).format(2), "1200.00");
        assert_eq!(Minor(-5).format(2), "-0.05");
        assert_eq!(Minor(0).format(2), "0.00");
        assert_eq!(Minor(1234).format(3), "1.234");
        assert_eq!(Minor(7).format(0), "7");
    }

    #[test]
    fn iso_table_has_the_currencies_we_use() {
        let table = Currency::iso_table();
        for (code, exp) in [("MAD", 2), ("EUR", 2), ("USD", 2), ("TND", 3), ("JPY", 0)] {
            assert!(table.iter().any(|c| c.code == code && c.exponent == exp));
        }
        assert!(table.windows(2).all(|w| w[0].code < w[1].code));
    }

    fn eur() -> Currency {
        Currency::iso("EUR").unwrap()
    }

    fn money(amount: i64) -> Money {
        Money::new(Minor(amount), mad())
    }

    #[test]
    fn adds_within_one_currency_only() {
        assert_eq!(money(150).checked_add(&money(-50)).unwrap(), money(100));
        assert_eq!(money(150).checked_sub(&money(200)).unwrap(), money(-50));
        let euros = Money::new(Minor(1), eur());
        assert_eq!(
            money(1).checked_add(&euros),
            Err(MoneyError::CurrencyMismatch {
                left: "MAD".into(),
                right: "EUR".into()
            })
        );
        assert!(Money::sum(&mad(), [&money(1), &euros]).is_err());
        assert_eq!(
            Money::sum(&mad(), [&money(1), &money(2), &money(3)]).unwrap(),
            money(6)
        );
        assert_eq!(Money::sum(&mad(), []).unwrap(), money(0));
    }

    #[test]
    fn overflow_is_an_error_never_a_clamp() {
        let max = money(i64::MAX);
        assert!(matches!(
            max.checked_add(&money(1)),
            Err(MoneyError::Overflow { .. })
        ));
        assert!(money(i64::MIN).checked_sub(&money(1)).is_err());
        assert!(money(i64::MIN).checked_neg().is_err());
        assert!(money(i64::MIN).checked_abs().is_err());
        assert!(Money::sum(&mad(), [&max, &max]).is_err());
    }

    #[test]
    fn formats_with_its_currency() {
        assert_eq!(money(120050).to_string(), "1200.50 MAD");
        assert_eq!(
            Money::new(Minor(-1234), Currency::iso("TND").unwrap()).to_string(),
            "-1.234 TND"
        );
    }

    #[test]
    fn rounds_half_away_from_zero() {
        let round = |text: &str| {
            Money::from_decimal(Decimal::from_str_exact(text).unwrap(), &mad())
                .unwrap()
                .amount()
                .0
        };
        // Banker's rounding (a plain `round_dp`) would give 0.12 and -0.12.
        assert_eq!(round("0.125"), 13);
        assert_eq!(round("-0.125"), -13);
        assert_eq!(round("0.124999"), 12);
        assert_eq!(round("0.115"), 12);
        assert_eq!(round("2.5"), 250);
        let jpy = Currency::iso("JPY").unwrap();
        let yen = |text: &str| {
            Money::from_decimal(Decimal::from_str_exact(text).unwrap(), &jpy)
                .unwrap()
                .amount()
                .0
        };
        assert_eq!((yen("2.5"), yen("3.5"), yen("-2.5")), (3, 4, -3));
        assert!(Money::from_decimal(Decimal::MAX, &mad()).is_err());
    }

    #[test]
    fn allocates_by_largest_remainder_ties_to_the_earliest() {
        let parts = |whole: i64, weights: &[u64]| -> Vec<i64> {
            money(whole)
                .allocate(weights)
                .unwrap()
                .iter()
                .map(|m| m.amount().0)
                .collect()
        };
        assert_eq!(parts(100, &[1, 1, 1]), vec![34, 33, 33]);
        assert_eq!(parts(-100, &[1, 1, 1]), vec![-34, -33, -33]);
        assert_eq!(parts(5, &[1, 2]), vec![2, 3]);
        // 10 × 3/6 = 5, 10 × 2/6 = 3.33, 10 × 1/6 = 1.67: the unit left goes to 1.67.
        assert_eq!(parts(10, &[3, 2, 1]), vec![5, 3, 2]);
        assert_eq!(parts(7, &[0, 1, 0]), vec![0, 7, 0]);
        assert_eq!(parts(0, &[2, 3]), vec![0, 0]);
        assert_eq!(money(1).allocate(&[]), Err(MoneyError::NoWeights));
        assert_eq!(money(1).allocate(&[0, 0]), Err(MoneyError::NoWeights));
    }

    proptest::proptest! {
        /// The parts sum exactly to the whole, and each is within one minor unit of its exact
        /// share (|part × W − whole × w| < W), in every case.
        #[test]
        fn allocation_sums_to_the_whole_and_stays_within_a_unit(
            whole in proptest::num::i64::ANY,
            weights in proptest::collection::vec(0u64..=u64::MAX, 1..12),
        ) {
            let total: u128 = weights.iter().map(|w| u128::from(*w)).sum();
            proptest::prop_assume!(total > 0);
            let parts = money(whole).allocate(&weights).unwrap();
            proptest::prop_assert_eq!(parts.len(), weights.len());
            let sum: i128 = parts.iter().map(|p| i128::from(p.amount().0)).sum();
            proptest::prop_assert_eq!(sum, i128::from(whole));
            let total = i128::try_from(total).unwrap();
            for (part, w) in parts.iter().zip(&weights) {
                // In units of 1/W minor units, exactly.
                let exact = i128::from(whole) * i128::from(*w);
                let off = i128::from(part.amount().0) * total - exact;
                proptest::prop_assert!(off.abs() < total, "part {} of weight {}", part.amount().0, w);
                if *w == 0 {
                    proptest::prop_assert_eq!(part.amount().0, 0);
                }
            }
        }

        /// Small weights, where ties are frequent: the same properties hold.
        #[test]
        fn allocation_with_small_weights(
            whole in -1_000_000i64..1_000_000,
            weights in proptest::collection::vec(0u64..4, 1..8),
        ) {
            let total: u64 = weights.iter().sum();
            proptest::prop_assume!(total > 0);
            let parts = money(whole).allocate(&weights).unwrap();
            let sum: i64 = parts.iter().map(|p| p.amount().0).sum();
            proptest::prop_assert_eq!(sum, whole);
            for (part, w) in parts.iter().zip(&weights) {
                let off = i128::from(part.amount().0) * i128::from(total) - i128::from(whole) * i128::from(*w);
                proptest::prop_assert!(off.abs() < i128::from(total));
            }
        }
    }
}
