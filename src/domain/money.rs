//! Money: amounts are exact decimals held as integer minor units.
//!
//! Why integers: SQLite's integer `SUM` is exact, a trigger can check that an entry balances,
//! and the chain encodes an amount as one fixed-width integer, so `1`, `1.0` and `1.00` can never
//! hash differently. Parsing goes through `rust_decimal` (never a float) and *rejects* a value
//! with more decimals than the currency has: a third decimal on a MAD amount is an error, never a
//! rounding.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::fmt;

use super::DomainError;

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
    /// Far beyond any association's books, and small enough that a million such amounts still
    /// sum within 64 bits, so no total can overflow.
    pub const MAX: i64 = 10_000_000_000_000;

    /// Whether the amount is within ±[`Minor::MAX`].
    pub fn in_range(self) -> bool {
        self.0.checked_abs().is_some_and(|a| a <= Minor::MAX)
    }

    /// Parses `-?[0-9]+(\.[0-9]+)?` exactly; more significant decimals than the currency allows
    /// are refused (trailing zeros are fine: `12.50` and `12.5` are the same MAD amount).
    pub fn parse(text: &str, currency: &Currency) -> Result<Minor, DomainError> {
        let bad = |reason: &str| DomainError::BadAmount {
            value: text.to_string(),
            reason: reason.to_string(),
        };
        let s = text.trim();
        let digits = s.strip_prefix('-').unwrap_or(s);
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (digits, None),
        };
        let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
            return Err(bad(
                "is not a number: write digits with `.` as the decimal separator and an optional leading `-`, e.g. 1200.50",
            ));
        }
        let too_large = || {
            bad(&format!(
                "is too large: amana takes amounts up to {} {}",
                Minor(Minor::MAX).format(currency.exponent),
                currency.code
            ))
        };
        let value = Decimal::from_str_exact(s).map_err(|_| too_large())?;
        let exponent = u32::from(currency.exponent);
        if value.normalize().scale() > exponent {
            return Err(bad(&format!(
                "has more decimals than {} allows ({})",
                currency.code, currency.exponent
            )));
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

    pub fn checked_neg(self) -> Option<Minor> {
        self.0.checked_neg().map(Minor)
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
}
