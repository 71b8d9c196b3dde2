//! Chart-of-accounts templates shipped in `schema/charts/` and compiled into the binary.
//!
//! `ma-associations` is the Moroccan general chart (CGNC, classes 1–8) with French names and
//! amana's draft Arabic names (marked `draft-unverified` in the CSV: no official Arabic
//! nomenclature was available); `generic` is an English nonprofit chart; `none` is empty.

use crate::domain::{Account, AccountCode, AccountType, DomainError, Label, text};

const MA_ASSOCIATIONS: &str = include_str!("../../schema/charts/ma-associations.csv");
const GENERIC: &str = include_str!("../../schema/charts/generic.csv");

/// The names `amana init --chart` accepts.
pub const NAMES: &str = "ma-associations generic none";

/// The accounts of a chart template, in code order.
pub fn load(name: &str) -> Result<Vec<Account>, DomainError> {
    let (csv_text, main_lang) = match name {
        "ma-associations" => (MA_ASSOCIATIONS, "fr"),
        "generic" => (GENERIC, "en"),
        "none" => return Ok(vec![]),
        _ => {
            return Err(DomainError::NotOneOf {
                what: "chart",
                value: name.to_string(),
                allowed: NAMES,
            });
        }
    };
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let mut accounts = vec![];
    for record in reader.records() {
        // The templates are part of the binary and tested; a bad row is a build defect.
        let r = record.expect("chart templates are valid CSV");
        let (code, kind, main, ar) = (&r[0], &r[1], &r[2], &r[3]);
        let mut pairs = vec![(main_lang.to_string(), main.to_string())];
        if !ar.is_empty() {
            pairs.push(("ar".to_string(), ar.to_string()));
        }
        accounts.push(Account {
            code: AccountCode::parse(code)?,
            name: text::clean("name", main)?,
            kind: kind.parse::<AccountType>()?,
            labels: labels(&pairs)?,
        });
    }
    accounts.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(accounts)
}

/// Whether an account of the ledger's `chart` holds money: cash or a bank account, the
/// account a member's dues or a donor's gift is paid into (what a member's receipt needs).
///
/// The kind of an account says only "asset"; which assets are money is the chart's
/// numbering: class 51 "Trésorerie - actif" in the Moroccan chart (class 55 is the treasury's
/// liabilities, 59 its provisions), 10xx "Cash on hand" and "Bank" in the generic one. A ledger
/// started without a template (`none`) numbers its own accounts, so every asset account counts
/// there: its receipts cannot tell a receivable from money.
pub fn is_money(chart: &str, code: &AccountCode, kind: AccountType) -> bool {
    if kind != AccountType::Asset {
        return false;
    }
    match chart {
        "ma-associations" => code.as_str().starts_with("51"),
        "generic" => code.as_str().starts_with("10"),
        _ => true,
    }
}

/// Validates `(lang, text)` pairs: a 2–3 letter lowercase language tag, at most one per
/// language, sorted by tag (the order the chain encodes them in).
pub fn labels(pairs: &[(String, String)]) -> Result<Vec<Label>, DomainError> {
    let mut out: Vec<Label> = vec![];
    for (lang, value) in pairs {
        let lang = lang.trim();
        if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(DomainError::BadId {
                what: "language tag",
                value: lang.to_string(),
                rule: "use a two- or three-letter lowercase ISO 639 code such as ar, fr, en",
            });
        }
        if out.iter().any(|l| l.lang == lang) {
            return Err(DomainError::BadId {
                what: "language tag",
                value: lang.to_string(),
                rule: "give at most one label per language",
            });
        }
        out.push(Label {
            lang: lang.to_string(),
            text: text::clean("label", value)?,
        });
    }
    out.sort_by(|a, b| a.lang.cmp(&b.lang));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_load() {
        let ma = load("ma-associations").unwrap();
        assert_eq!(ma.len(), 603);
        let bank = ma.iter().find(|a| a.code.as_str() == "5141").unwrap();
        assert_eq!(bank.kind, AccountType::Asset);
        assert!(bank.labels.iter().any(|l| l.lang == "ar"));
        assert!(load("generic").unwrap().len() > 30);
        assert!(load("none").unwrap().is_empty());
        assert!(load("french").is_err());
    }

    #[test]
    fn money_is_cash_and_bank_by_the_charts_numbering() {
        let code = |c: &str| AccountCode::parse(c).unwrap();
        let asset = AccountType::Asset;
        assert!(is_money("ma-associations", &code("51411"), asset));
        assert!(is_money("ma-associations", &code("5161"), asset));
        assert!(!is_money("ma-associations", &code("5900"), asset));
        assert!(!is_money("ma-associations", &code("3421"), asset));
        assert!(!is_money(
            "ma-associations",
            &code("5541"),
            AccountType::Liability
        ));
        assert!(is_money("generic", &code("1010"), asset));
        assert!(!is_money("generic", &code("1200"), asset));
        assert!(is_money("none", &code("1200"), asset));
        assert!(!is_money("none", &code("4100"), AccountType::Income));
    }
}
