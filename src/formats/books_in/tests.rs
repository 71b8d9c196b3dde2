use super::*;
use crate::domain::{Currency, FiscalStart};

fn info() -> LedgerInfo {
    let mad = Currency {
        code: "MAD".into(),
        exponent: 2,
    };
    let eur = Currency {
        code: "EUR".into(),
        exponent: 2,
    };
    LedgerInfo {
        id: vec![0; 16],
        name: "t".into(),
        currency: mad.clone(),
        fiscal_start: FiscalStart::parse("01-01").unwrap(),
        chart: "ma-associations".into(),
        currencies: vec![mad, eur],
    }
}

fn map() -> AccountMap {
    let mut m = AccountMap::default();
    for c in ["5141", "51411", "6131", "7183", "75868"] {
        m.known.insert(c.to_string());
    }
    m
}

fn said(p: &ParsedBooks) -> Vec<String> {
    p.errors.iter().map(|e| e.to_string()).collect()
}

#[test]
fn hledger_simple_books_with_an_elided_amount_and_tags() {
    let text = "; books\ncommodity 1,000.00 MAD\naccount 51411  ; name: Banque, type: A\n\n\
2026-01-05 * (BQ-1) Loyer janvier  ; projet:alpha\n    6131  MAD 4,000.00  ; grant:CMM-2026, line:rent\n        ; memo: Quittance, janvier\n    51411\n\n\
2026/01/06 Cotisation  ; link:amana-1\n    51411  150 MAD = -3850.00 MAD\n    7183  -150.00 MAD  ; funder:MEMBRES\n";
    let p = hledger::parse(text.as_bytes(), &info(), &map());
    assert!(p.errors.is_empty(), "{:?}", said(&p));
    assert_eq!(p.accounts.len(), 1);
    assert_eq!(p.accounts[0].kind, Some(AccountType::Asset));
    assert_eq!(p.accounts[0].name.as_deref(), Some("Banque"));
    let t = &p.transactions;
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].reference.as_deref(), Some("BQ-1"));
    assert_eq!(t[0].description, "Loyer janvier");
    assert_eq!(t[0].postings[0].amount, Minor(400_000));
    assert_eq!(t[0].postings[1].amount, Minor(-400_000));
    assert_eq!(t[0].postings[0].memo.as_deref(), Some("Quittance, janvier"));
    assert_eq!(
        t[0].postings[0].grant.as_ref().unwrap().as_str(),
        "CMM-2026"
    );
    assert_eq!(t[1].link, Some(1));
    assert_eq!(t[1].funders[1].as_ref().unwrap().as_str(), "MEMBRES");
    // The tag amana has no field for is listed, not dropped silently.
    assert!(
        p.left_out
            .iter()
            .any(|l| l.line == 5 && l.text == "projet:alpha")
    );
}

#[test]
fn hledger_refuses_what_would_change_money_at_its_line_and_column() {
    let text = "2026-01-05 Achat\n    6131  10 EUR @ 11 MAD\n    51411\n\n\
2026-01-06 Virtuel\n    (6131)  10 MAD\n\n\
2026-01-07 Deux\n    6131\n    51411\n\n\
2026-01-08 Faux\n    6131  10.00 MAD\n    51411  -9.00 MAD\n\ninclude other.journal\n\
2026-01-09 Autre\n    6131  10.00 USD\n    51411\n";
    let p = hledger::parse(text.as_bytes(), &info(), &map());
    let s = said(&p);
    assert!(
        s.iter()
            .any(|e| e.starts_with("line 2: column 11: \"10 EUR @ 11 MAD\": a price")),
        "{s:?}"
    );
    assert!(
        s.iter()
            .any(|e| e.starts_with("line 6: column 5: \"(6131)\": a virtual posting")),
        "{s:?}"
    );
    assert!(
        s.iter()
            .any(|e| e.starts_with("line 10: ") && e.contains("only one may")),
        "{s:?}"
    );
    assert!(
        s.iter()
            .any(|e| e.starts_with("line 16: column 1: \"include other.journal\"")),
        "{s:?}"
    );
    assert!(
        s.iter()
            .any(|e| e.starts_with("line 18: column 11: \"10.00 USD\": is in USD")),
        "{s:?}"
    );
    // The unbalanced one parses: the ledger's entry refuses it, at its line.
    assert_eq!(p.transactions.len(), 1);
}

#[test]
fn a_failing_balance_assertion_is_a_problem() {
    let text = "2026-01-05 A\n    51411  100 MAD = 100 MAD\n    7183\n\n2026-01-06 B\n    51411  50 MAD = 200 MAD\n    7183\n";
    let p = hledger::parse(text.as_bytes(), &info(), &map());
    let s = said(&p);
    assert_eq!(s.len(), 1, "{s:?}");
    assert!(
        s[0].contains("line 6") && s[0].contains("150.00 MAD"),
        "{s:?}"
    );
}

#[test]
fn decimal_commas_from_the_commodity_format() {
    let text = "commodity 1.000,00 MAD\n2026-01-05 A\n    51411  1.234,50 MAD\n    7183\n";
    let p = hledger::parse(text.as_bytes(), &info(), &map());
    assert!(p.errors.is_empty(), "{:?}", said(&p));
    assert_eq!(p.transactions[0].postings[0].amount, Minor(123_450));
}

#[test]
fn beancount_names_map_to_codes_and_left_out_directives_are_listed() {
    let text = "option \"operating_currency\" \"MAD\"\noption \"title\" \"Books\"\n\
2026-01-01 open Assets:Bank:CIH MAD\n  code: \"51412\"\n  name: \"CIH\"\n2026-01-01 open Income:7183\n\
2026-01-01 open Expenses:Rent\n\
2026-01-02 * \"جمعية\" \"Cotisation \\\"A\\\"\" #dues ^amana-3\n  reference: \"R-1 ; R-2\"  ; a comment\n  Assets:Bank:CIH  100.00 MAD\n    grant: \"CMM-2026\"\n  Income:7183\n\
2026-01-03 price EUR 11 MAD\n2026-01-04 balance Assets:Bank:CIH 100.00 MAD\n\
2026-01-05 * \"Loyer\"\n  Expenses:Rent  10 MAD\n  Assets:Bank:CIH\n";
    let p = beancount::parse(text.as_bytes(), &info(), &map());
    let s = said(&p);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(
        s.iter()
            .all(|e| e.contains("Expenses:Rent") && e.contains("--accounts")),
        "{s:?}"
    );
    assert_eq!(p.accounts[0].code.as_str(), "51412");
    assert_eq!(p.accounts[0].kind, Some(AccountType::Asset));
    let t = &p.transactions[0];
    assert_eq!(t.description, "جمعية | Cotisation \"A\"");
    assert_eq!(t.link, Some(3));
    assert_eq!(t.reference.as_deref(), Some("R-1 ; R-2"));
    assert_eq!(t.postings[1].amount, Minor(-10_000));
    let kinds: Vec<(u64, LeftOutKind)> = p.left_out.iter().map(|l| (l.line, l.kind)).collect();
    assert!(kinds.contains(&(2, LeftOutKind::Option)), "{kinds:?}");
    assert!(kinds.contains(&(8, LeftOutKind::Tag)), "{kinds:?}");
    assert!(kinds.contains(&(13, LeftOutKind::Directive)), "{kinds:?}");
}

#[test]
fn beancount_refuses_pad_and_a_second_currency() {
    let text = "2026-01-01 open Assets:51411\n2026-01-02 pad Assets:51411 Equity:1111\n\
2026-01-03 * \"x\"\n  Assets:51411  10 EUR\n  Assets:51411\n";
    let mut m = map();
    m.known.insert("1111".into());
    let p = beancount::parse(text.as_bytes(), &info(), &m);
    let s = said(&p);
    assert!(
        s.iter()
            .any(|e| e.starts_with("line 2: column 12: ") && e.contains("pad is outside")),
        "{s:?}"
    );
    assert!(
        s.iter()
            .any(|e| e.starts_with("line 4: column 17: \"10 EUR\": is in EUR")),
        "{s:?}"
    );
}

#[test]
fn text_changed_by_the_ledger_s_rules_is_said() {
    let text = "2026-01-05 Cafe\u{301}\n    51411  1 MAD\n    7183\n";
    let p = hledger::parse(text.as_bytes(), &info(), &map());
    assert_eq!(p.changed.len(), 1);
    assert_eq!(p.changed[0].kept, "Café");
}

#[test]
fn a_description_amana_wrote_in_two_forms_comes_back_exactly() {
    assert_eq!(
        hledger::restore("Reversal of #3: a, b [x]", "Reversal of #3 : a; b [ x]").as_deref(),
        Some("Reversal of #3: a; b [x]")
    );
    assert_eq!(hledger::restore("autre", "texte; libre"), None);
}
