//! The books (issue 9, item 5): the trial balance and the general ledger, built through the
//! library on real ledgers (the demo, and a small one written here), reconciled with what
//! `balance` and `journal` print for the same selection, and rendered in every format and
//! language.

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

use amana::app::Ledger;
use amana::app::report_books::{BooksError, BooksQuery, general_ledger, trial_balance};
use amana::report::books::{GeneralLedger, TrialBalance};
use amana::report::i18n::Lang;
use amana::report::output::{Format, Head, render};
use amana::report::templates::Templates;
use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::common::{Fixture, demo, ok, ok_json};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("{s:?} is not a decimal"))
}

fn period(from: &str, to: &str) -> BooksQuery {
    BooksQuery {
        from: Some(day(from)),
        to: Some(day(to)),
    }
}

fn tb(ledger: &Path, query: BooksQuery) -> TrialBalance {
    trial_balance(&Ledger::open_read_only(ledger).unwrap(), query).unwrap()
}

fn gl(ledger: &Path, account: &str, query: BooksQuery) -> GeneralLedger {
    general_ledger(&Ledger::open_read_only(ledger).unwrap(), account, query).unwrap()
}

/// `balance --as-of DAY` per account (memorandum accounts apart, as the trial balance).
fn balances(ledger: &Path, as_of: &str) -> BTreeMap<String, Decimal> {
    let v = ok_json(ledger, &["balance", "--as-of", as_of]);
    v["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["code"].as_str().unwrap().to_string(),
                dec(a["balance"].as_str().unwrap()),
            )
        })
        .collect()
}

/// Debits and credits per account over `journal --from --to`.
fn movements(ledger: &Path, from: &str, to: &str) -> BTreeMap<String, (Decimal, Decimal)> {
    let v = ok_json(ledger, &["journal", "--from", from, "--to", to]);
    let mut out: BTreeMap<String, (Decimal, Decimal)> = BTreeMap::new();
    for t in v["transactions"].as_array().unwrap() {
        for p in t["postings"].as_array().unwrap() {
            let amount = dec(p["amount"].as_str().unwrap());
            let e = out
                .entry(p["account"].as_str().unwrap().to_string())
                .or_default();
            if amount > Decimal::ZERO {
                e.0 += amount;
            } else {
                e.1 -= amount;
            }
        }
    }
    out
}

fn day_before(s: &str) -> String {
    day(s).pred_opt().unwrap().format("%Y-%m-%d").to_string()
}

/// Every figure of the trial balance of `from..=to` against `balance` and `journal`.
fn assert_reconciles(ledger: &Path, from: &str, to: &str) {
    let report = tb(ledger, period(from, to));
    let closing = balances(ledger, to);
    let opening = balances(ledger, &day_before(from));
    let moved = movements(ledger, from, to);
    let listed: Vec<&str> = report.accounts.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(
        listed,
        closing.keys().map(String::as_str).collect::<Vec<_>>(),
        "the trial balance lists the accounts `balance --as-of {to}` lists"
    );
    let (mut debits, mut credits) = (Decimal::ZERO, Decimal::ZERO);
    for a in &report.accounts {
        let what = format!("{} ({from}..{to})", a.code);
        assert_eq!(dec(&a.closing), closing[&a.code], "closing of {what}");
        let open = opening.get(&a.code).copied().unwrap_or_default();
        assert_eq!(dec(&a.opening), open, "opening of {what}");
        let (d, c) = moved.get(&a.code).copied().unwrap_or_default();
        assert_eq!(
            (dec(&a.debit), dec(&a.credit)),
            (d, c),
            "movements of {what}"
        );
        assert_eq!(dec(&a.opening) + d - c, dec(&a.closing), "{what}");
        let split = dec(&a.closing_split.debit) - dec(&a.closing_split.credit);
        assert_eq!(split, dec(&a.closing), "split of {what}");
        debits += d;
        credits += c;
    }
    let t = &report.totals;
    assert_eq!((dec(&t.debit), dec(&t.credit)), (debits, credits));
    assert_eq!(t.debit, t.credit, "period debits = credits");
    assert_eq!(
        t.opening_debit, t.opening_credit,
        "opening debits = credits"
    );
    assert_eq!(
        t.closing_debit, t.closing_credit,
        "closing debits = credits"
    );
    assert!(report.balanced);
    // Each class's subtotals add up to the grand total.
    let sum: Decimal = report
        .classes
        .iter()
        .map(|c| dec(&c.totals.closing_debit))
        .sum();
    assert_eq!(sum, dec(&t.closing_debit));
}

#[test]
fn the_trial_balance_reconciles_with_balance_and_journal_on_the_demo() {
    let (_dir, ledger) = demo();
    for (from, to) in [
        ("2025-01-01", "2025-12-31"),
        ("2026-01-01", "2026-10-31"),
        ("2025-03-15", "2026-02-28"),
        ("2024-01-01", "2030-12-31"),
    ] {
        assert_reconciles(&ledger, from, to);
    }
    // `--to` alone: from the first day of its fiscal year (the demo's is the calendar year).
    let report = tb(
        &ledger,
        BooksQuery {
            from: None,
            to: Some(day("2026-06-30")),
        },
    );
    assert_eq!(report.period.from.as_deref(), Some("2026-01-01"));
    assert_eq!(report.period.to, "2026-06-30");
    assert!(report.classes.iter().any(|c| c.class == "5"));
}

#[test]
fn the_trial_balance_of_a_small_ledger_reads_as_an_accountant_writes_it() {
    let fx = Fixture::new();
    let l = fx.path();
    ok(
        l,
        &[
            "record",
            "--date",
            "2026-03-05",
            "--desc",
            "Retrait caisse",
            "--post",
            "5161 800.00",
            "--post",
            "5141",
        ],
    );
    let report = tb(l, period("2026-02-01", "2026-12-31"));
    let line = |code: &str| {
        let a = report.accounts.iter().find(|a| a.code == code).unwrap();
        (
            a.opening.as_str(),
            a.debit.as_str(),
            a.credit.as_str(),
            a.closing_split.debit.as_str(),
            a.closing_split.credit.as_str(),
        )
    };
    // Bank: 60000 in January (opening), then 4500 and 800 out.
    assert_eq!(
        line("5141"),
        ("60000.00", "0.00", "5300.00", "54700.00", "0.00")
    );
    assert_eq!(line("5161"), ("0.00", "800.00", "0.00", "800.00", "0.00"));
    assert_eq!(line("6126"), ("0.00", "4500.00", "0.00", "4500.00", "0.00"));
    assert_eq!(
        line("7161"),
        ("-60000.00", "0.00", "0.00", "0.00", "60000.00")
    );
    assert_eq!(report.totals.closing_debit, "60000.00");
    assert_eq!(report.totals.closing_credit, "60000.00");
    assert_eq!(report.totals.debit, "5300.00");
    let classes: Vec<&str> = report.classes.iter().map(|c| c.class.as_str()).collect();
    assert_eq!(classes, ["5", "6", "7"]);
    assert_eq!(report.classes[0].totals.closing_debit, "55500.00");
    assert_eq!(
        report.classes[0].labels.get("ar").map(String::as_str),
        Some("حسابات الخزينة")
    );
    assert_reconciles(l, "2026-01-01", "2026-12-31");
    assert_reconciles(l, "2026-02-14", "2026-03-05");
}

#[test]
fn the_general_ledger_runs_each_account_of_a_prefix_in_date_order() {
    let (_dir, ledger) = demo();
    let (from, to) = ("2026-01-01", "2026-10-31");
    let report = gl(&ledger, "5", period(from, to));
    let closing = balances(&ledger, to);
    let opening = balances(&ledger, &day_before(from));
    let codes: Vec<&str> = report.accounts.iter().map(|a| a.code.as_str()).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted, "one section per account, in code order");
    let expected: Vec<&str> = closing
        .keys()
        .filter(|c| c.starts_with('5'))
        .map(String::as_str)
        .collect();
    assert_eq!(codes, expected);
    let moved = movements(&ledger, from, to);
    for a in &report.accounts {
        assert_eq!(dec(&a.closing), closing[&a.code], "closing of {}", a.code);
        let open = opening.get(&a.code).copied().unwrap_or_default();
        assert_eq!(dec(&a.opening), open, "opening of {}", a.code);
        let (d, c) = moved.get(&a.code).copied().unwrap_or_default();
        assert_eq!((dec(&a.debit), dec(&a.credit)), (d, c), "{}", a.code);
        let mut running = dec(&a.opening);
        let mut last = (String::new(), 0);
        for p in &a.postings {
            running += dec(&p.debit) - dec(&p.credit);
            assert_eq!(dec(&p.balance), running, "running balance of {}", a.code);
            let at = (p.date.clone(), p.transaction);
            assert!(
                at >= last,
                "{} is in date order: {at:?} after {last:?}",
                a.code
            );
            assert!(!p.counter.contains(&a.code));
            last = at;
        }
        assert_eq!(running, dec(&a.closing));
    }
    // The bank book alone: the same section as in the prefix's ledger.
    let bank = gl(&ledger, "51411", period(from, to));
    assert_eq!(bank.accounts.len(), 1);
    let same = report.accounts.iter().find(|a| a.code == "51411").unwrap();
    assert_eq!(bank.accounts[0].postings.len(), same.postings.len());
    assert_eq!(bank.accounts[0].closing, same.closing);
}

#[test]
fn the_general_ledger_of_a_small_ledger() {
    let fx = Fixture::new();
    let report = gl(fx.path(), "5141", period("2026-01-01", "2026-12-31"));
    let a = &report.accounts[0];
    assert_eq!((a.code.as_str(), a.opening.as_str()), ("5141", "0.00"));
    let rows: Vec<(&str, i64, &str, &str, &str)> = a
        .postings
        .iter()
        .map(|p| {
            (
                p.date.as_str(),
                p.transaction,
                p.debit.as_str(),
                p.credit.as_str(),
                p.balance.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("2026-01-20", 1, "60000.00", "0.00", "60000.00"),
            ("2026-02-13", 2, "0.00", "4500.00", "55500.00")
        ]
    );
    assert_eq!(a.postings[0].counter, ["7161"]);
    assert_eq!(a.postings[1].reference.as_deref(), Some("FAC-0213"));
    assert_eq!(a.closing, "55500.00");
}

#[test]
fn a_book_asked_wrongly_says_what_to_do() {
    let fx = Fixture::new();
    let ledger = Ledger::open_read_only(fx.path()).unwrap();
    let q = period("2026-01-01", "2026-12-31");
    let e = general_ledger(&ledger, "9999", q).unwrap_err();
    assert!(matches!(e, BooksError::UnknownAccount { .. }), "{e}");
    assert!(
        e.is_refusal() && e.to_string().contains("amana account list"),
        "{e}"
    );
    let e = general_ledger(&ledger, " ", q).unwrap_err();
    assert!(matches!(e, BooksError::NoAccountGiven), "{e}");
    let e = trial_balance(&ledger, period("2026-12-31", "2026-01-01")).unwrap_err();
    assert!(
        e.is_refusal() && e.to_string().contains("ends before it starts"),
        "{e}"
    );
}

fn head() -> Head {
    Head {
        association: "Association Khotwa".into(),
        ledger_currency: "MAD".into(),
        generated: chrono::DateTime::parse_from_rfc3339("2026-11-30T21:15:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc),
        generated_local: "2026-11-30 22:15 (Africa/Casablanca)".into(),
        entries: 12,
        head: "ab".repeat(32),
        verified: true,
        problems: 0,
        checked: true,
        seal: None,
    }
}

fn text_of(report: &impl amana::report::output::Report, format: Format, lang: Lang) -> String {
    let bytes = render(report, &head(), format, lang, &Templates::embedded())
        .unwrap_or_else(|e| panic!("{format:?} {lang}: {e}"));
    String::from_utf8(bytes).unwrap()
}

#[test]
fn the_books_render_in_every_format_and_language() {
    let fx = Fixture::new();
    let trial = tb(fx.path(), period("2026-02-01", "2026-12-31"));
    let ledger = gl(fx.path(), "51", period("2026-02-01", "2026-12-31"));
    for lang in Lang::ALL {
        for format in [Format::Text, Format::Csv, Format::Html] {
            let t = text_of(&trial, format, lang);
            let g = text_of(&ledger, format, lang);
            for out in [&t, &g] {
                assert!(
                    !out.contains("books-") && !out.contains("ledger-title"),
                    "{lang}: an id untranslated:\n{out}"
                );
            }
            match (format, lang) {
                (Format::Text, Lang::En) => {
                    assert!(
                        t.contains("Trial balance") && t.contains("60,000.00"),
                        "{t}"
                    );
                    assert!(t.contains("Class 5") && t.contains("Grand total"), "{t}");
                    assert!(
                        g.contains("55,500.00 Dr") && g.contains("Opening balance"),
                        "{g}"
                    );
                }
                (Format::Text, Lang::Fr) => {
                    assert!(
                        t.contains("Balance générale") && t.contains("60\u{a0}000,00"),
                        "{t}"
                    );
                    assert!(
                        g.contains("Grand livre") && g.contains("55\u{a0}500,00 D"),
                        "{g}"
                    );
                }
                (Format::Csv, _) => {
                    assert!(
                        t.contains("60000.00") && t.contains("# trial-balance"),
                        "{t}"
                    );
                    assert!(g.contains("55500.00"), "{g}");
                }
                (Format::Html, Lang::Ar) => {
                    assert!(t.contains(r#"dir="rtl""#) && t.contains("ميزان المراجعة العام"));
                    assert!(t.contains("حسابات الخزينة"), "the account's Arabic name");
                    assert!(
                        t.contains("A4 landscape") && g.contains("A4 landscape"),
                        "eight columns print across the page"
                    );
                    assert!(g.contains("دفتر الأستاذ العام"));
                }
                _ => {}
            }
        }
        let json: serde_json::Value =
            serde_json::from_str(&text_of(&trial, Format::Json, lang)).unwrap();
        assert_eq!(json["report"], "trial-balance");
        assert_eq!(json["totals"]["closing_debit"], "60000.00");
        assert_eq!(json["from"], "2026-02-01");
        let json: serde_json::Value =
            serde_json::from_str(&text_of(&ledger, Format::Json, lang)).unwrap();
        assert_eq!(json["report"], "ledger");
        assert_eq!(json["accounts"][0]["closing"], "55500.00");
    }
    let pdf = render(
        &trial,
        &head(),
        Format::Pdf,
        Lang::Ar,
        &Templates::embedded(),
    )
    .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

// The ledger's settings for reports (CHAIN.md `setting`, rule 23).

fn open(ledger: &Path) -> Ledger {
    Ledger::open(ledger, "test-treasurer").unwrap()
}

#[test]
fn settings_are_recorded_in_the_chain_and_read_back() {
    use amana::app::settings::{self, get, list, local_time, report_language, report_timezone};
    let fx = Fixture::new();
    let l = fx.path();
    // Defaults: English, and the Moroccan chart's zone.
    let ledger = Ledger::open_read_only(l).unwrap();
    assert_eq!(report_language(&ledger), None);
    assert_eq!(report_timezone(&ledger), chrono_tz::Africa::Casablanca);
    let defaults = list(&ledger).unwrap();
    assert_eq!(
        defaults
            .iter()
            .map(|s| (s.key.as_str(), s.value.as_str(), s.recorded))
            .collect::<Vec<_>>(),
        [
            ("language", "en", false),
            ("timezone", "Africa/Casablanca", false),
            // The association's organisation identifier: none until one is recorded.
            ("org-id", "", false)
        ]
    );
    drop(ledger);

    let mut ledger = open(l);
    let written = settings::set(&mut ledger, "language", "fr").unwrap();
    settings::set(&mut ledger, " timezone ", "Europe/Paris").unwrap();
    settings::set(&mut ledger, "timezone", "Africa/Casablanca").unwrap();
    assert_eq!(report_language(&ledger), Some(Lang::Fr));
    assert_eq!(report_timezone(&ledger), chrono_tz::Africa::Casablanca);
    let language = get(&ledger, "language").unwrap();
    assert_eq!((language.value.as_str(), language.recorded), ("fr", true));
    assert_eq!(language.seq, Some(written.seq));
    drop(ledger);

    // In the chain: the log lists them, verify replays them.
    let log = ok_json(l, &["log", "--kind", "setting"]);
    let entries = log["entries"].as_array().expect("log entries");
    assert_eq!(entries.len(), 3, "{log:#}");
    assert_eq!(entries[1]["content"]["value"], "Europe/Paris", "{log:#}");
    let (code, v) = crate::common::verify_json(l, &[]);
    assert_eq!(
        (code, &v["ok"]),
        (Some(0), &serde_json::Value::Bool(true)),
        "{v:#}"
    );

    let at = chrono::DateTime::parse_from_rfc3339("2026-07-01T09:30:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    assert_eq!(
        local_time(at, report_timezone(&Ledger::open_read_only(l).unwrap())),
        "2026-07-01 10:30 (Africa/Casablanca)"
    );
}

#[test]
fn a_setting_amana_does_not_know_is_refused_and_nothing_changes() {
    use amana::app::settings;
    let fx = Fixture::new();
    let l = fx.path();
    let before = crate::common::snapshot(l);
    let mut ledger = open(l);
    for (key, value, says) in [
        ("currency", "EUR", "is not a setting amana knows"),
        ("language", "de", "give ar, fr or en"),
        ("language", "FR", "give ar, fr or en"),
        ("timezone", "Africa/Rabat", "IANA time zone name"),
        ("timezone", "+01:00", "IANA time zone name"),
        ("timezone", "", "IANA time zone name"),
    ] {
        let e = settings::set(&mut ledger, key, value).unwrap_err();
        assert!(
            matches!(e, amana::app::LedgerError::Rules(_)),
            "{key}={value}: a refusal (exit 2): {e:?}"
        );
        assert!(e.to_string().contains(says), "{key}={value}: {e}");
    }
    let e = settings::get(&ledger, "colour").unwrap_err();
    assert!(
        e.to_string().contains("language, timezone and org-id"),
        "{e}"
    );
    drop(ledger);
    assert_eq!(crate::common::snapshot(l), before, "nothing was written");
}

#[test]
fn a_forged_setting_is_found_by_both_verifiers() {
    use crate::common::{finding_set, python_verify_json, rehash_from, tamper, verify_json};
    let fx = Fixture::new();
    let l = fx.path();
    amana::app::settings::set(&mut open(l), "language", "fr").unwrap();
    let seq: i64 = rusqlite::Connection::open(l)
        .unwrap()
        .query_row("SELECT seq FROM settings", [], |r| r.get(0))
        .unwrap();
    // A forger rewrites the entry as a key amana does not know, table and hashes alike.
    let forged = tamper(l, &fx.dir.path().join("forged"), |conn| {
        let body: Vec<u8> = conn
            .query_row("SELECT body FROM log WHERE seq = ?1", [seq], |r| r.get(0))
            .unwrap();
        let at = body
            .windows(8)
            .position(|w| w == b"language")
            .expect("the key in the body");
        let mut forged = body.clone();
        forged[at..at + 8].copy_from_slice(b"currency");
        conn.execute(
            "UPDATE log SET body = ?1 WHERE seq = ?2",
            rusqlite::params![forged, seq],
        )
        .unwrap();
        conn.execute("UPDATE settings SET key = 'currency' WHERE seq = ?1", [seq])
            .unwrap();
        rehash_from(conn, seq);
    });
    let (code, ours) = verify_json(&forged, &[]);
    assert_eq!(code, Some(1), "{ours:#}");
    let (code, theirs) = python_verify_json(&[forged.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{theirs:#}");
    assert!(
        finding_set(&ours).contains(&(seq, "rule-violation".to_string())),
        "{ours:#}"
    );
    assert_eq!(finding_set(&ours), finding_set(&theirs));
}

#[test]
fn the_setting_kind_is_encoded_as_chain_md_writes_it() {
    use crate::common::chain_md::{header, text};
    use amana::chain::{ChainEntry, Record, Setting};
    let entry = ChainEntry {
        seq: 9,
        time_us: 1_767_225_600_000_000,
        actor: "trésorière".into(),
        record: Record::Setting(Setting {
            key: "timezone".into(),
            value: "Africa/Casablanca".into(),
        }),
    };
    let mut expected = header("setting", 9);
    text(&mut expected, "timezone");
    text(&mut expected, "Africa/Casablanca");
    assert_eq!(hex::encode(entry.encode()), hex::encode(&expected));
    assert_eq!(ChainEntry::decode(&expected, None).unwrap(), entry);
}
