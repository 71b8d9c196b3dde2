//! The arithmetic of the annual report: checked sums of minor units, and the exact shares,
//! concentration index and ratios, rounded once, at the edge.

use rust_decimal::{Decimal, RoundingStrategy};

use super::RATIO_DECIMALS;
use crate::domain::{Minor, checked_sum};

/// A total past any amount amana keeps: the file was changed outside amana.
#[derive(Debug, thiserror::Error)]
#[error(
    "the {what} of the annual report adds up past any amount amana keeps: the file was changed outside amana (run `amana verify`)"
)]
pub struct Overflow {
    pub what: &'static str,
}

pub(super) type Result<T> = std::result::Result<T, Overflow>;

pub(super) fn sum(what: &'static str, items: impl IntoIterator<Item = Minor>) -> Result<Minor> {
    checked_sum(items).ok_or(Overflow { what })
}

pub(super) fn neg(what: &'static str, m: Minor) -> Result<Minor> {
    m.checked_neg().ok_or(Overflow { what })
}

pub(super) fn sub(what: &'static str, a: Minor, b: Minor) -> Result<Minor> {
    a.checked_sub(b).ok_or(Overflow { what })
}

/// An exact ratio rounded to [`RATIO_DECIMALS`] places, as the report prints it.
pub fn ratio_text(r: Decimal) -> String {
    let r = r.round_dp_with_strategy(RATIO_DECIMALS, RoundingStrategy::MidpointAwayFromZero);
    format!("{r:.prec$}", prec = RATIO_DECIMALS as usize)
}

/// `a / b` exactly (28 significant digits), or `None` when `b` is not positive.
pub(super) fn ratio(a: Minor, b: Minor) -> Option<Decimal> {
    if b.0 <= 0 {
        return None;
    }
    Decimal::from(a.0).checked_div(Decimal::from(b.0))
}

/// The exact shares of `amounts` in the sum of their positive values (a negative amount's
/// share is 0); all 0 when nothing is positive.
pub fn shares(amounts: &[Minor]) -> Vec<Decimal> {
    let positive: i128 = amounts.iter().map(|m| i128::from(m.0.max(0))).sum();
    amounts
        .iter()
        .map(|m| {
            if positive <= 0 || m.0 <= 0 {
                Decimal::ZERO
            } else {
                Decimal::from_i128_with_scale(i128::from(m.0), 0)
                    .checked_div(Decimal::from_i128_with_scale(positive, 0))
                    .unwrap_or(Decimal::ZERO)
            }
        })
        .collect()
}

/// The Herfindahl–Hirschman index of exact shares: the sum of their squares.
pub fn hhi(shares: &[Decimal]) -> Decimal {
    shares
        .iter()
        .map(|s| s.checked_mul(*s).unwrap_or(Decimal::ZERO))
        .fold(Decimal::ZERO, |a, b| a.checked_add(b).unwrap_or(a))
}

/// Whether two days (`YYYY-MM-DD`) and two others make periods that meet.
pub(super) fn overlaps(start: &str, end: &str, from: &str, to: &str) -> bool {
    start <= to && end >= from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_sum_to_one_and_the_index_is_the_sum_of_their_squares() {
        let s = shares(&[Minor(300), Minor(100), Minor(-50), Minor(600)]);
        assert_eq!(s.iter().copied().sum::<Decimal>(), Decimal::ONE);
        assert_eq!(ratio_text(s[0]), "0.3000");
        assert_eq!(ratio_text(s[2]), "0.0000");
        assert_eq!(ratio_text(hhi(&s)), "0.4600");
        let thirds = shares(&[Minor(1), Minor(1), Minor(1)]);
        assert_eq!(ratio_text(thirds[0]), "0.3333");
        // From the exact shares: 3 × (1/3)² = 1/3, not 3 × 0.3333².
        assert_eq!(ratio_text(hhi(&thirds)), "0.3333");
        assert_eq!(ratio_text(hhi(&shares(&[Minor(5)]))), "1.0000");
        assert!(shares(&[Minor(0), Minor(-1)]).iter().all(|s| s.is_zero()));
    }
}
