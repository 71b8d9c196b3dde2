//! Text that goes into the books: NFC, no control characters, no bidi overrides.
//!
//! Every name, label and description is normalised to Unicode NFC at the input boundary, so the
//! same Arabic or French word always has the same bytes (and the same hash). Control characters
//! and the bidi embedding/override/isolate characters (U+202A–U+202E, U+2066–U+2069) are refused:
//! they can make a label display differently from what was recorded ("Trojan Source"). The
//! marks LRM, RLM and ALM are allowed: mixed Arabic/Latin text legitimately needs them.

use unicode_normalization::UnicodeNormalization;

use super::{DomainError, Forbidden, TextProblem};

/// Why a piece of text is refused, if it is.
fn forbidden(c: char) -> Option<Forbidden> {
    match c {
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some(Forbidden::Bidi),
        c if c.is_control() => Some(Forbidden::Control),
        _ => None,
    }
}

/// Normalises `value` to NFC and trims it; refuses empty text when `required`.
pub fn clean(field: &'static str, value: &str) -> Result<String, DomainError> {
    let nfc: String = value.trim().nfc().collect();
    if let Some((character, kind)) = nfc.chars().find_map(|c| forbidden(c).map(|k| (c, k))) {
        return Err(DomainError::BadText {
            field,
            value: value.to_string(),
            why: TextProblem::Forbidden { character, kind },
        });
    }
    if nfc.is_empty() {
        return Err(DomainError::BadText {
            field,
            value: value.to_string(),
            why: TextProblem::Empty,
        });
    }
    Ok(nfc)
}

/// Like [`clean`], but an empty or blank value means "absent".
pub fn clean_optional(
    field: &'static str,
    value: Option<&str>,
) -> Result<Option<String>, DomainError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => clean(field, v).map(Some),
    }
}

/// True when `value` is already in the form [`clean`] produces (used when decoding the chain).
pub fn is_clean(value: &str) -> bool {
    clean("text", value).is_ok_and(|c| c == value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_to_nfc() {
        let nfd = "Fe\u{301}vrier";
        assert_eq!(clean("x", nfd).unwrap(), "F\u{e9}vrier");
        assert!(!is_clean(nfd));
        assert!(is_clean("جمعية خطوة"));
    }

    #[test]
    fn refuses_bidi_overrides_and_controls() {
        assert!(clean("x", "abc\u{202E}def").is_err());
        assert!(clean("x", "abc\u{2067}def").is_err());
        assert!(clean("x", "a\tb").is_err());
        assert!(clean("x", "a\nb").is_err());
        assert!(clean("x", "   ").is_err());
        // LRM / RLM / ALM are legitimate in mixed-direction text.
        assert!(clean("x", "CMM\u{200F} منحة").is_ok());
        assert!(clean("x", "a\u{061C}b").is_ok());
    }
}
