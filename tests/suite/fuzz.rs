//! Fuzzing with proptest: every parser of untrusted input (the CSV import, the chain encoding,
//! the command-line value syntaxes, anchors, member receipts) must never panic, must report a
//! clear error, and an import must never write part of a file.
//!
//! The case counts are the defaults here; raise them with PROPTEST_CASES=100000 for a long run.

use amana::chain::signing;
use std::path::Path;

use amana::app::setup::{AccountRequest, FunderRequest};
use amana::app::{InitRequest, Ledger};
use amana::chain::ChainEntry;
use amana::domain::{AccountCode, AccountType, Currency, FiscalStart, FunderId, LedgerInfo};
use proptest::prelude::*;

fn info() -> LedgerInfo {
    LedgerInfo {
        id: vec![0; 16],
        name: "Fuzz".into(),
        currency: Currency {
            code: "MAD".into(),
            exponent: 2,
        },
        fiscal_start: FiscalStart::CALENDAR,
        chart: "none".into(),
        currencies: Currency::iso_table(),
    }
}

fn account(code: &str, name: &str, kind: AccountType, labels: &[(&str, &str)]) -> AccountRequest {
    AccountRequest {
        code: AccountCode::parse(code).unwrap(),
        name: name.into(),
        kind: Some(kind),
        labels: labels
            .iter()
            .map(|(l, t)| (l.to_string(), t.to_string()))
            .collect(),
    }
}

/// Real bodies of every kind, from the demo-like ledger the golden vectors use.
fn sample_bodies() -> Vec<Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let (mut l, _) = Ledger::init(
        &path,
        InitRequest {
            name: "Échantillon".into(),
            currency: Currency::iso("MAD").unwrap(),
            chart: "none".into(),
            fiscal_start: FiscalStart::CALENDAR,
            id: None,
        },
        "fuzz",
    )
    .unwrap();
    l.add_account(account(
        "5141",
        "Banque",
        AccountType::Asset,
        &[("ar", "البنك")],
    ))
    .unwrap();
    l.add_account(account("6131", "Loyer", AccountType::Expense, &[]))
        .unwrap();
    l.add_funder(FunderRequest {
        id: FunderId::parse("F").unwrap(),
        name: "Fondation".into(),
        kind: "private".parse().unwrap(),
        country: Some("MA".into()),
    })
    .unwrap();
    let mut bodies = vec![];
    l.store().for_each_log_row(|r| bodies.push(r.body)).unwrap();
    bodies
}

const CSV: &str = "txn,date,description,reference,account,amount,grant,line,memo,original_amount,original_currency\n\
1,2026-03-01,Loyer mars,BQ-1,6131,2000.00,,,quittance,,\n\
1,2026-03-01,,,5141,-2000.00,,,,,\n\
2,2026-03-02,Versement,,5141,1080.00,,,,100.00,EUR\n\
2,2026-03-02,,,6131,-1080.00,,,,-100.00,EUR\n";

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_csv_parser_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = amana::formats::journal::parse(Path::new("fuzz.csv"), &bytes, &info());
    }

    #[test]
    fn the_csv_parser_never_panics_on_mutated_files(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = CSV.as_bytes().to_vec();
        for (i, b) in edits {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        bytes.truncate(cut.index(bytes.len() + 1).max(1));
        if let Ok(parsed) = amana::formats::journal::parse(Path::new("fuzz.csv"), &bytes, &info()) {
            for e in &parsed.errors {
                prop_assert!(e.line >= 1 && !e.problem.to_string().is_empty(), "{e:?}");
            }
        }
    }

    #[test]
    fn the_chain_decoder_never_panics_on_any_bytes(mut bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if bytes.len() >= 6 && bytes[0] % 2 == 0 {
            bytes[..6].copy_from_slice(b"AMANA\x01");
        }
        let mad = Currency { code: "MAD".into(), exponent: 2 };
        let _ = ChainEntry::decode(&bytes, Some(&mad));
        let _ = ChainEntry::decode(&bytes, None);
    }

    #[test]
    fn anchors_postings_amounts_and_dates_never_panic(text in ".{0,80}") {
        let _ = amana::verify::Anchor::parse(&text);
        let _ = amana::domain::parse_date(&text);
        let _ = amana::domain::FiscalStart::parse(&text);
        let _ = Currency { code: "MAD".into(), exponent: 2 }.parse(&text);
        let _ = amana::domain::text::clean("fuzz", &text);
        let _ = signing::normalise_fingerprint(&text);
        let _ = serde_json::from_str::<amana::app::member_receipt::MemberReceipt>(&text)
            .map(|r| amana::app::receipt_check::check_member_receipt(&r, &text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Strict decoding means canonical: whatever decodes re-encodes to the very same bytes.
    #[test]
    fn what_decodes_is_canonical(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
    ) {
        thread_local!(static BODIES: Vec<Vec<u8>> = sample_bodies());
        let mut body = BODIES.with(|b| b[which.index(b.len())].clone());
        for (i, b) in edits {
            let at = i.index(body.len());
            body[at] = b;
        }
        let mad = Currency { code: "MAD".into(), exponent: 2 };
        if let Ok(entry) = ChainEntry::decode(&body, Some(&mad)) {
            prop_assert_eq!(entry.encode(), body);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A mutated file is imported whole or refused, and a refusal changes nothing.
    #[test]
    fn an_import_of_a_mutated_file_is_all_or_nothing(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        let mut bytes = CSV.as_bytes().to_vec();
        for (i, b) in edits {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.db");
        let (mut l, _) = Ledger::init(
            &path,
            InitRequest { name: "Fuzz".into(), currency: Currency::iso("MAD").unwrap(), chart: "none".into(), fiscal_start: FiscalStart::CALENDAR, id: None },
            "fuzz",
        ).unwrap();
        l.add_account(account("5141", "Banque", AccountType::Asset, &[])).unwrap();
        l.add_account(account("6131", "Loyer", AccountType::Expense, &[])).unwrap();
        let before = l.store().head().unwrap();
        let file = dir.path().join("in.csv");
        std::fs::write(&file, &bytes).unwrap();
        match l.import(&file, false, false, None) {
            Ok(outcome) => {
                let (entries, _) = l.store().head().unwrap();
                prop_assert_eq!(entries, before.0 + 1 + outcome.transactions as i64);
            }
            Err(e) => {
                prop_assert!(!e.to_string().is_empty());
                prop_assert_eq!(l.store().head().unwrap(), before);
            }
        }
        prop_assert!(amana::verify::verify(l.store()).unwrap().ok);
    }
}
