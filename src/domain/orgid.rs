//! Organisation identifiers (IATI's org-id, the one org-id.guide describes): the code of the
//! register an organisation is listed in (its *registration agency*, `XM-DAC`,
//! `GB-CHC`), a hyphen, and the organisation's identifier in that register (`202918`).
//! The ledger's own is its `org-id` setting; a funder's, its latest `funder-identifier`
//! (CHAIN.md, rules 23 and 28). IATI and 360Giving files name organisations by them.
//!
//! This module checks the **shape** only, the rule a verifier replays: an agency code is two
//! capital letters (a country, or `XI`/`XM` for international lists), optionally `_` and a
//! subdivision (`CA_QC`), a hyphen, then capital letters, digits and `_` (`RNA`, `BCE_KBO`);
//! so `XM-DAC-41114` splits into `XM-DAC` and `41114` without doubt. Whether the agency is one
//! the OrganisationRegistrationAgency codelist lists is amana's writer's check
//! (`formats::iati::codelists`): the list grows, and a ledger written against a newer list
//! must still verify with an older verifier.

use std::fmt;

/// The longest organisation identifier amana records (IATI sets no limit; 360Giving's ids and
/// every real register fit far within it).
pub const MAX_LEN: usize = 100;

/// An organisation identifier of the right shape.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrgId(String);

impl OrgId {
    /// `text` exactly (no trimming: the chain holds the bytes given), if it has the shape.
    pub fn parse(text: &str) -> Option<OrgId> {
        split(text).map(|_| OrgId(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The registration agency's code: `GB-CHC` of `GB-CHC-202918`.
    pub fn agency(&self) -> &str {
        split(&self.0).expect("checked when parsed").0
    }

    /// The two letters the agency code starts with: a country (ISO 3166-1 alpha-2), or `XI`
    /// and `XM` for lists that are not a country's.
    pub fn agency_country(&self) -> &str {
        &self.0[..2]
    }
}

impl fmt::Display for OrgId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `(agency, identifier)`, when `text` has the shape the module describes: at most
/// [`MAX_LEN`] characters; the identifier of ASCII letters, digits, `.`, `_`, `:` and `-`,
/// starting with a letter or digit (none of IATI's forbidden `/`, `&`, `|`, `?`, no space).
pub fn split(text: &str) -> Option<(&str, &str)> {
    if text.len() > MAX_LEN || !text.is_ascii() {
        return None;
    }
    let b = text.as_bytes();
    let upper = |c: &u8| c.is_ascii_uppercase();
    // The country part: `CC` or `CC_SS`.
    let mut i = 2;
    if b.len() < 2 || !b[..2].iter().all(upper) {
        return None;
    }
    if b.get(2) == Some(&b'_') {
        let sub = b.get(3..5)?;
        if !sub
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            return None;
        }
        i = 5;
    }
    if b.get(i) != Some(&b'-') {
        return None;
    }
    // The list's code, up to the next hyphen.
    let rest = &text[i + 1..];
    let (list, id) = rest.split_once('-')?;
    let list_ok = !list.is_empty()
        && list.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
        && list
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    let id_ok = id.starts_with(|c: char| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-'));
    if !(list_ok && id_ok) {
        return None;
    }
    Some((&text[..i + 1 + list.len()], id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_agency_and_the_identifier_split_without_doubt() {
        assert_eq!(split("XM-DAC-41114"), Some(("XM-DAC", "41114")));
        assert_eq!(split("GB-CHC-202918"), Some(("GB-CHC", "202918")));
        assert_eq!(
            split("BE-BCE_KBO-0123.456.789"),
            Some(("BE-BCE_KBO", "0123.456.789"))
        );
        assert_eq!(split("CA_QC-QBC-1234-5"), Some(("CA_QC-QBC", "1234-5")));
        let id = OrgId::parse("MA-COA-12345").unwrap();
        assert_eq!((id.agency(), id.agency_country()), ("MA-COA", "MA"));
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [
            "",
            "XM-DAC",
            "XM-DAC-",
            "xm-dac-41114",
            "X-DAC-1",
            "XM--1",
            "XM-DAC-41 114",
            " XM-DAC-41114",
            "XM-DAC-41114 ",
            "XM-DAC-a/b",
            "XM-DAC-a&b",
            "XM-DAC-a|b",
            "XM-DAC-a?b",
            "XM-DAC--1",
            "MA-COA-١٢٣",
            "CA_Q-QBC-1",
        ] {
            assert_eq!(split(bad), None, "{bad:?}");
        }
        assert!(split(&format!("XM-DAC-{}", "1".repeat(MAX_LEN))).is_none());
    }
}
