//! Chart-of-accounts templates shipped in `schema/charts/` and compiled into the binary.
//!
//! `ma-associations` is the Moroccan general chart (CGNC, classes 1–8) with French names and
//! amana's draft Arabic names (marked `draft-unverified` in the CSV: no official Arabic
//! nomenclature was available) and the association accounts amana proposes (status
//! `amana-proposed`: their numbers are not confirmed); `generic` is an English nonprofit chart;
//! `none` is empty. Each row says its status, its source and whether it is company-only
//! (`schema/charts/README.md`).

use crate::domain::{Account, AccountCode, AccountType, DomainError, Label, text};

const MA_ASSOCIATIONS: &str = include_str!("../../schema/charts/ma-associations.csv");
const GENERIC: &str = include_str!("../../schema/charts/generic.csv");

/// The names `amana init --chart` accepts.
pub const NAMES: &str = "ma-associations generic none";

/// One row of a chart template: the account, and what the template says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateRow {
    pub account: Account,
    /// Where the number comes from: `cgnc-base` (the Moroccan general chart), `amana-proposed`
    /// (an association account whose topic the PCA confirms but whose number nobody could
    /// confirm: never to be shown as official), `amana` (the generic chart's own numbering).
    pub status: String,
    /// A short note on the source (`CGNC`, or what is and is not confirmed).
    pub source: String,
    /// An account an association never uses (share capital, corporate tax...): `account list`
    /// hides it unless asked to show everything; posting to it stays possible.
    pub company_only: bool,
}

/// What makes a chart template unreadable (a build defect for the templates shipped; the
/// tests refuse it).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TemplateError {
    #[error("chart template: the header has no column {0}")]
    MissingColumn(&'static str),
    #[error("chart template line {line}: {problem}")]
    BadRow { line: usize, problem: String },
}

/// The statuses a template row may have.
pub const STATUSES: &[&str] = &["cgnc-base", "amana-proposed", "amana"];

/// The accounts of a chart template, in code order.
pub fn load(name: &str) -> Result<Vec<Account>, DomainError> {
    Ok(template(name)?.into_iter().map(|r| r.account).collect())
}

/// The rows of a chart template, in code order, with their status, source and whether they
/// are company-only.
pub fn template(name: &str) -> Result<Vec<TemplateRow>, DomainError> {
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
    // The templates are part of the binary and tested; a bad row is a build defect.
    Ok(parse(csv_text, main_lang).expect("chart templates are valid"))
}

/// Reads a template's CSV by its header's column names: `code`, `type`, `name_<main_lang>`,
/// `name_ar`, `status`, `source`, `company_only` (other columns, such as `name_ar_status`, are
/// documentation).
pub fn parse(csv_text: &str, main_lang: &str) -> Result<Vec<TemplateRow>, TemplateError> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| TemplateError::BadRow {
            line: 1,
            problem: e.to_string(),
        })?
        .clone();
    let main_column = match main_lang {
        "fr" => "name_fr",
        _ => "name_en",
    };
    let column = |name: &'static str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or(TemplateError::MissingColumn(name))
    };
    let (code_at, type_at, main_at, ar_at) = (
        column("code")?,
        column("type")?,
        column(main_column)?,
        column("name_ar")?,
    );
    let (status_at, source_at, company_at) = (
        column("status")?,
        column("source")?,
        column("company_only")?,
    );
    let mut rows = vec![];
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let bad = |problem: String| TemplateError::BadRow { line, problem };
        let r = record.map_err(|e| bad(e.to_string()))?;
        let field = |at: usize| r.get(at).unwrap_or("");
        let (code, kind, main, ar) = (field(code_at), field(type_at), field(main_at), field(ar_at));
        let mut pairs = vec![(main_lang.to_string(), main.to_string())];
        if !ar.is_empty() {
            pairs.push(("ar".to_string(), ar.to_string()));
        }
        let status = field(status_at);
        if !STATUSES.contains(&status) {
            return Err(bad(format!(
                "status \"{status}\" is not one of {}",
                STATUSES.join(", ")
            )));
        }
        let source = field(source_at);
        if source.trim().is_empty() {
            return Err(bad("the source is empty".into()));
        }
        let company_only = match field(company_at) {
            "true" => true,
            "false" => false,
            other => {
                return Err(bad(format!(
                    "company_only \"{other}\" is not true or false"
                )));
            }
        };
        let account = (|| -> Result<Account, DomainError> {
            Ok(Account {
                code: AccountCode::parse(code)?,
                name: text::clean("name", main)?,
                kind: kind.parse::<AccountType>()?,
                labels: labels(&pairs)?,
            })
        })()
        .map_err(|e| bad(e.to_string()))?;
        if rows
            .iter()
            .any(|r: &TemplateRow| r.account.code == account.code)
        {
            return Err(bad(format!("code {code} appears twice")));
        }
        rows.push(TemplateRow {
            account,
            status: status.to_string(),
            source: source.to_string(),
            company_only,
        });
    }
    rows.sort_by(|a, b| a.account.code.cmp(&b.account.code));
    Ok(rows)
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
        assert_eq!(ma.len(), 610);
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

    #[test]
    fn rows_carry_status_source_and_company_only() {
        let ma = template("ma-associations").unwrap();
        let row = |c: &str| ma.iter().find(|r| r.account.code.as_str() == c).unwrap();
        assert_eq!(row("5141").status, "cgnc-base");
        assert_eq!(row("5141").source, "CGNC");
        assert!(!row("5141").company_only);
        assert!(row("1111").company_only);
        assert!(row("6705").company_only);
        for code in [
            "1113", "1114", "1561", "1562", "4489", "6593", "7593", "7183", "7184",
        ] {
            assert_eq!(row(code).status, "amana-proposed", "{code}");
            assert!(row(code).source.contains("not confirmed"), "{code}");
        }
        assert_eq!(row("1561").account.kind, AccountType::Liability);
        assert_eq!(row("7183").account.kind, AccountType::Income);
        let generic = template("generic").unwrap();
        assert!(
            generic
                .iter()
                .all(|r| r.status == "amana" && !r.company_only)
        );
        let dedicated = generic
            .iter()
            .find(|r| r.account.code.as_str() == "2500")
            .unwrap();
        assert_eq!(dedicated.account.kind, AccountType::Liability);
    }

    #[test]
    fn malformed_templates_are_refused() {
        let header = "code,type,name_en,name_ar,status,source,company_only\n";
        let good = format!("{header}1000,asset,Cash,,amana,here,false\n");
        assert_eq!(parse(&good, "en").unwrap().len(), 1);
        let no_status =
            "code,type,name_en,name_ar,source,company_only\n1000,asset,Cash,,here,false\n";
        assert_eq!(
            parse(no_status, "en"),
            Err(TemplateError::MissingColumn("status"))
        );
        for (row, says) in [
            ("1000,asset,Cash,,official,here,false", "status"),
            ("1000,asset,Cash,,amana,,false", "source"),
            ("1000,asset,Cash,,amana,here,yes", "company_only"),
            ("1000,money,Cash,,amana,here,false", "money"),
            ("10 00,asset,Cash,,amana,here,false", "10 00"),
        ] {
            let err = parse(&format!("{header}{row}\n"), "en").unwrap_err();
            assert!(
                matches!(&err, TemplateError::BadRow { line: 2, problem } if problem.contains(says)),
                "{row}: {err}"
            );
        }
        let twice = format!(
            "{header}1000,asset,Cash,,amana,here,false\n1000,asset,Cash,,amana,here,false\n"
        );
        assert!(matches!(
            parse(&twice, "en"),
            Err(TemplateError::BadRow { line: 3, .. })
        ));
    }
}
