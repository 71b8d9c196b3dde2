//! A bank line's fingerprint: what makes it the same line when a statement is re-saved,
//! re-exported or overlaps the one before, and different from its twin on the same day.
//!
//! SHA-256 over, each as its length (8 bytes, big-endian) then its UTF-8 bytes: the tag
//! `amana bank line 1`, the account's code, the date (`YYYY-MM-DD`), the amount in minor units
//! (decimal, `-` for money out), the description (NFC, runs of white space made one space, no
//! space at either end), and the line's occurrence among the statement's lines with the same
//! four (`0` for the first). Neither the file's bytes, nor its line endings, nor the line's
//! position in the file, nor the balance enter it. CHAIN.md (`bank-import`) says the same.

use unicode_normalization::UnicodeNormalization;

use crate::chain::Hash;

/// The description as the fingerprint reads it.
pub fn normal_description(description: &str) -> String {
    let nfc: String = description.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn fingerprint(
    account: &str,
    date: chrono::NaiveDate,
    amount: i64,
    description: &str,
    occurrence: u64,
) -> Hash {
    let mut bytes = Vec::with_capacity(128);
    let fields = [
        "amana bank line 1".to_string(),
        account.to_string(),
        date.format("%Y-%m-%d").to_string(),
        amount.to_string(),
        normal_description(description),
        occurrence.to_string(),
    ];
    for f in &fields {
        bytes.extend_from_slice(&(f.len() as u64).to_be_bytes());
        bytes.extend_from_slice(f.as_bytes());
    }
    crate::chain::sha256(&bytes)
}

/// The fingerprints of a statement's lines, in order: a line's occurrence counts the lines
/// before it with the same date, amount and description (its own row's, without the rows that
/// continue it).
pub fn fingerprints(account: &str, lines: &[super::StatementLine]) -> Vec<Hash> {
    let mut seen: std::collections::HashMap<(chrono::NaiveDate, i64, String), u64> =
        std::collections::HashMap::new();
    lines
        .iter()
        .map(|l| {
            let key = (l.date, l.amount, normal_description(&l.own_description));
            let n = seen.entry(key).or_insert(0);
            let f = fingerprint(account, l.date, l.amount, &l.own_description, *n);
            *n += 1;
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn the_frozen_vector() {
        // Written down in CHAIN.md; the Python verifier computes the same.
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let f = fingerprint("51411", d, -1250, "FRAIS  TENUE\tCOMPTE ", 0);
        assert_eq!(f, fingerprint("51411", d, -1250, "FRAIS TENUE COMPTE", 0));
        assert_ne!(f, fingerprint("51411", d, -1250, "FRAIS TENUE COMPTE", 1));
        assert_ne!(f, fingerprint("51412", d, -1250, "FRAIS TENUE COMPTE", 0));
        assert_eq!(
            hex::encode(f),
            "88c599f7ed3c18ef5947039b0d9287eda4f7ba2a14145c430d69540a7cbc7825"
        );
    }
}
