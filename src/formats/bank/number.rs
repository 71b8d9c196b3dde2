//! Amounts as banks write them: `1 234,50`, `1.234,50`, `-12,00`, `12,00-`, `(12,00)`,
//! `1 234,50 MAD`. The decimal and thousands separators come from the layout; a figure is
//! read exactly (a decimal, never a float) and refused when it is anything else.

use rust_decimal::Decimal;

/// Why a cell is not an amount, said in words a treasurer recognises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberProblem {
    /// Something other than digits, separators, a sign or a currency.
    NotANumber,
    /// Thousands separators that do not fall every three digits (`1 23,45`): most often the
    /// layout's separators are the other way round.
    BadGrouping,
    /// More decimals than the currency has.
    TooManyDecimals {
        exponent: u8,
    },
    TooLarge,
}

/// Currency words banks append to figures; they carry no meaning in a column of one account.
const CURRENCY_WORDS: [&str; 6] = ["MAD", "DHS", "DH", "EUR", "€", "د.م."];

/// Spaces a bank may use to group thousands: space, no-break space, narrow no-break space.
pub fn is_space_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Reads `cell` as a signed decimal with `decimal` as the decimal mark and any of `thousands`
/// as group separators. An empty cell is `None`.
pub fn parse(
    cell: &str,
    decimal: char,
    thousands: &[char],
) -> Result<Option<Decimal>, NumberProblem> {
    let mut s = cell.trim_matches(|c: char| c.is_whitespace());
    if s.is_empty() {
        return Ok(None);
    }
    for word in CURRENCY_WORDS {
        if let Some(rest) = strip_suffix_ci(s, word) {
            s = rest.trim_end_matches(|c: char| c.is_whitespace());
        } else if let Some(rest) = strip_prefix_ci(s, word) {
            s = rest.trim_start_matches(|c: char| c.is_whitespace());
        }
    }
    let mut negative = false;
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        s = inner.trim();
    }
    if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('\u{2212}')) {
        negative = !negative;
        s = rest.trim_start();
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest.trim_start();
    } else if let Some(rest) = s.strip_suffix('-') {
        negative = !negative;
        s = rest.trim_end();
    }
    let (int, frac) = match s.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return Err(NumberProblem::NotANumber);
    }
    let groups: Vec<&str> = int.split(|c: char| thousands.contains(&c)).collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(NumberProblem::NotANumber);
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return Err(NumberProblem::BadGrouping);
    }
    let mut text = String::with_capacity(s.len() + 1);
    if negative {
        text.push('-');
    }
    text.extend(groups);
    if let Some(f) = frac {
        text.push('.');
        text.push_str(f);
    }
    Decimal::from_str_exact(&text)
        .map(Some)
        .map_err(|_| NumberProblem::TooLarge)
}

fn strip_suffix_ci<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(word.len())?;
    (s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(word)).then(|| &s[..cut])
}

fn strip_prefix_ci<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    (s.is_char_boundary(word.len().min(s.len()))
        && s.len() >= word.len()
        && s[..word.len()].eq_ignore_ascii_case(word))
    .then(|| &s[word.len()..])
}

/// `value` in minor units of a currency with `exponent` decimals, exactly.
pub fn to_minor(value: Decimal, exponent: u8) -> Result<i64, NumberProblem> {
    if value.normalize().scale() > u32::from(exponent) {
        return Err(NumberProblem::TooManyDecimals { exponent });
    }
    value
        .checked_mul(Decimal::from(10_i64.pow(u32::from(exponent))))
        .and_then(|v| i64::try_from(v).ok())
        .filter(|m| m.unsigned_abs() <= crate::domain::Minor::MAX.unsigned_abs())
        .ok_or(NumberProblem::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(cell: &str) -> Result<Option<Decimal>, NumberProblem> {
        parse(cell, ',', &[' ', '\u{a0}', '\u{202f}', '.'])
    }

    #[test]
    fn french_figures() {
        let d = |s: &str| Some(Decimal::from_str_exact(s).unwrap());
        assert_eq!(fr("1 234,50"), Ok(d("1234.50")));
        assert_eq!(fr("1\u{a0}234\u{a0}567,5"), Ok(d("1234567.5")));
        assert_eq!(fr("1.234,50"), Ok(d("1234.50")));
        assert_eq!(fr("-12,00"), Ok(d("-12.00")));
        assert_eq!(fr("12,00-"), Ok(d("-12.00")));
        assert_eq!(fr("(12,00)"), Ok(d("-12.00")));
        assert_eq!(fr(" 300,00 MAD "), Ok(d("300.00")));
        assert_eq!(fr("300,00 DH"), Ok(d("300.00")));
        assert_eq!(fr("7"), Ok(d("7")));
        assert_eq!(fr("   "), Ok(None));
    }

    #[test]
    fn refusals() {
        assert_eq!(fr("12,5O"), Err(NumberProblem::NotANumber));
        assert_eq!(fr("1 23,45"), Err(NumberProblem::BadGrouping));
        assert_eq!(fr("12,"), Err(NumberProblem::NotANumber));
        assert_eq!(fr("abc"), Err(NumberProblem::NotANumber));
        assert_eq!(fr("1,2,3"), Err(NumberProblem::NotANumber));
        assert_eq!(
            to_minor(Decimal::from_str_exact("1.234").unwrap(), 2),
            Err(NumberProblem::TooManyDecimals { exponent: 2 })
        );
        assert_eq!(
            to_minor(Decimal::from_str_exact("1.230").unwrap(), 2),
            Ok(123)
        );
    }

    #[test]
    fn english_figures() {
        let d = |s: &str| Some(Decimal::from_str_exact(s).unwrap());
        assert_eq!(parse("1,234.50", '.', &[',']), Ok(d("1234.50")));
        assert_eq!(parse("-0.05", '.', &[',']), Ok(d("-0.05")));
    }
}
