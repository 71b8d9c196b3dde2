//! Ledgers with sources and memorandum accounts, checked from outside amana: the independent
//! Python verifier agrees with `verify` (and on forged entries that break rules 17 and 18), and
//! what each funder gave agrees with real hledger.

use serde_json::Value;

use crate::common::{ok, python_verify_json, tamper, verify_json};
use crate::sources::{books, dues_gifts_and_a_grant, funder, json, record};

#[test]
fn the_python_verifier_agrees_on_sources_and_memorandum_accounts() {
    let (_dir, l) = books();
    dues_gifts_and_a_grant(&l);
    ok(&l, &["reverse", "4", "--reason", "chèque impayé"]);
    ok(
        &l,
        &[
            "in-kind",
            "--date",
            "2026-03-31",
            "--kind",
            "volunteering",
            "--hours",
            "120",
            "--rate",
            "50",
            "--desc",
            "Bénévolat",
            "--use-account",
            "0864",
            "--resource-account",
            "0870",
            "--funder",
            "AMINA",
        ],
    );
    let (code, ours) = verify_json(&l, &[]);
    assert_eq!(code, Some(0), "{ours}");
    let (code, theirs) = python_verify_json(&[l.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{theirs}");
    assert_eq!(ours["entries"], theirs["entries"]);
    assert_eq!(ours["head"], theirs["head"]);

    // A source's row edited in the table: both see the drift.
    let elsewhere = tempfile::tempdir().unwrap();
    let edited = tamper(&l, elsewhere.path(), |c| {
        c.execute_batch("UPDATE sources SET funder_id = 'KARIM' WHERE funder_id = 'AMINA'")
            .unwrap();
    });
    let (code, ours) = verify_json(&edited, &[]);
    assert_eq!(code, Some(1));
    let (code, theirs) = python_verify_json(&[edited.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    let drift = |v: &Value| {
        v["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["kind"] == "projection-drift")
            .count()
    };
    assert!(drift(&ours) >= 2, "{ours}");
    assert!(drift(&theirs) >= 2, "{theirs}");
}

/// A forged `source` appended behind amana's back (hashes recomputed, its row projected): one
/// that names a bank posting, one that names a reversal, one a second source of a posting.
/// Both verifiers find each as a rule violation at its entry (and the second source's missing
/// row, which the table's one-source-per-posting constraint refuses), and nothing else.
#[test]
fn forged_sources_break_the_rules_for_both_verifiers() {
    use amana::chain::{ChainEntry, Record, Source};
    use amana::domain::{EntryId, FunderId};

    let (_dir, l) = books();
    dues_gifts_and_a_grant(&l);
    ok(&l, &["reverse", "4", "--reason", "chèque impayé"]);
    let elsewhere = tempfile::tempdir().unwrap();
    let mut forged = vec![];
    let edited = tamper(&l, elsewhere.path(), |c| {
        let (last, time): (i64, i64) = c
            .query_row("SELECT max(seq), count(*) FROM log", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        let time = chrono::Utc::now().timestamp_micros() + time;
        // (transaction, posting): bank posting of #3, the reversal #6, #1's dues again.
        for (i, (entry, posting)) in [(3, 0), (6, 1), (1, 1)].into_iter().enumerate() {
            let seq = last + 1 + i as i64;
            let funder = FunderId::parse("AMINA").unwrap();
            let body = ChainEntry {
                seq,
                time_us: time + i as i64,
                actor: "forger".into(),
                record: Record::Source(Source {
                    entry: EntryId(entry),
                    posting,
                    funder: funder.clone(),
                }),
            }
            .encode();
            c.execute(
                "INSERT INTO log (seq, kind, body, entry_hash, prev, chain)
                 VALUES (?1, 'source', ?2, randomblob(32), randomblob(32), randomblob(32))",
                rusqlite::params![seq, body],
            )
            .unwrap();
            c.execute(
                // The table takes one source per posting: the second one has no row.
                "INSERT OR IGNORE INTO sources (seq, entry_id, posting, funder_id)
                 VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![seq, entry, posting, funder.as_str()],
            )
            .unwrap();
            forged.push(seq);
        }
        crate::common::rehash_from(c, last + 1);
    });
    let (code, ours) = verify_json(&edited, &[]);
    assert_eq!(code, Some(1), "{ours}");
    let (code, theirs) = python_verify_json(&[edited.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{theirs}");
    let mut expected: Vec<(i64, String)> = forged
        .iter()
        .map(|s| (*s, "rule-violation".to_string()))
        .collect();
    expected.push((forged[2], "projection-drift".to_string()));
    expected.sort();
    assert_eq!(crate::common::finding_set(&ours), expected, "{ours}");
    assert_eq!(crate::common::finding_set(&theirs), expected, "{theirs}");
}

/// A forged transaction that moves money into a memorandum account (hashes recomputed, its
/// rows projected): both verifiers find the rule violation at its entry, and nothing else.
#[test]
fn a_forged_transaction_mixing_money_and_memorandum_breaks_the_rules_for_both_verifiers() {
    use amana::chain::{ChainEntry, Record};
    use amana::domain::{
        AccountCode, Entry, EntryHeader, EntryId, EntryKind, Minor, Posting, parse_date,
    };

    let (_dir, l) = books();
    dues_gifts_and_a_grant(&l);
    let elsewhere = tempfile::tempdir().unwrap();
    let mut seq = 0;
    let edited = tamper(&l, elsewhere.path(), |c| {
        let (last, id): (i64, i64) = c
            .query_row(
                "SELECT (SELECT max(seq) FROM log), (SELECT max(id) FROM entries)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        seq = last + 1;
        let posting = |account: &str, amount: i64| Posting {
            account: AccountCode::parse(account).unwrap(),
            amount: Minor(amount),
            grant: None,
            line: None,
            original: None,
            memo: None,
        };
        let header = EntryHeader {
            id: EntryId(id + 1),
            date: parse_date("2026-06-01").unwrap(),
            description: "Bénévolat payé".into(),
            reference: None,
            kind: EntryKind::Transaction,
            batch: None,
        };
        let body = ChainEntry {
            seq,
            time_us: chrono::Utc::now().timestamp_micros(),
            actor: "forger".into(),
            record: Record::Entry(Entry::from_decoded(
                header,
                vec![posting("0864", 10000), posting("5141", -10000)],
            )),
        }
        .encode();
        c.execute_batch(&format!(
            "INSERT INTO log (seq, kind, body, entry_hash, prev, chain)
                 VALUES ({seq}, 'transaction', x'{}', randomblob(32), randomblob(32), randomblob(32));
             INSERT INTO postings (entry_id, idx, account, amount) VALUES ({n}, 0, '0864', 10000);
             INSERT INTO postings (entry_id, idx, account, amount) VALUES ({n}, 1, '5141', -10000);
             INSERT INTO entries (id, seq, kind, date, description)
                 VALUES ({n}, {seq}, 'transaction', '2026-06-01', 'Bénévolat payé');",
            hex::encode(&body),
            n = id + 1,
        ))
        .unwrap();
        crate::common::rehash_from(c, seq);
    });
    let expected = vec![(seq, "rule-violation".to_string())];
    let (code, ours) = verify_json(&edited, &[]);
    assert_eq!(code, Some(1), "{ours}");
    assert_eq!(crate::common::finding_set(&ours), expected, "{ours}");
    assert!(
        ours.to_string().contains("not a memorandum account"),
        "{ours}"
    );
    let (code, theirs) = python_verify_json(&[edited.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{theirs}");
    assert_eq!(crate::common::finding_set(&theirs), expected, "{theirs}");
}

/// What each funder gave, as amana counts it and as real hledger sums the same movements tagged
/// with their funder (`--pivot funder`): forty receipts spread over dues, gifts and a grant,
/// every fifth one reversed.
#[test]
fn what_each_funder_gave_agrees_with_hledger() {
    let hledger = std::process::Command::new("hledger")
        .arg("--version")
        .output();
    assert!(
        hledger.as_ref().is_ok_and(|o| o.status.success()),
        "hledger is required for this test (apt-get install hledger): {hledger:?}"
    );
    let (dir, l) = books();
    let mut journal = String::new();
    let mut state: u64 = 2026;
    let mut next = |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    for t in 1..=40 {
        let cents = 100 + next(500_000) as i64;
        let amount = format!("{}.{:02}", cents / 100, cents % 100);
        let date = format!("2026-{:02}-{:02}", 1 + next(12), 1 + next(28));
        let (income, tag, funder) = match next(4) {
            0 => ("7183", "funder=MEMBRES", "MEMBRES"),
            1 => ("7184", "funder=AMINA", "AMINA"),
            2 => ("7184", "funder=KARIM", "KARIM"),
            _ => ("7161", "grant=CMM-2026", "CMM"),
        };
        let out = record(
            &l,
            &date,
            &format!("Reçu {t}"),
            &["5141", &format!("{income} -{amount} {tag}")],
        );
        let id = out
            .split_once('#')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .unwrap()
            .to_string();
        journal.push_str(&format!(
            "{date} r{t}\n    a5141  {amount}\n    a{income}  -{amount}  ; funder:{funder}\n\n"
        ));
        if t % 5 == 0 {
            ok(&l, &["reverse", &id, "--reason", "erreur"]);
            journal.push_str(&format!(
                "{date} reversal of r{t}\n    a5141  -{amount}\n    a{income}  {amount}  ; funder:{funder}\n\n"
            ));
        }
    }
    let path = dir.path().join("sources.journal");
    std::fs::write(&path, &journal).unwrap();
    let out = std::process::Command::new("hledger")
        .arg("-f")
        .arg(&path)
        .args(["balance", "--pivot", "funder", "-N", "-O", "csv"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs: std::collections::BTreeMap<String, String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cells: Vec<&str> = line.split(',').map(|c| c.trim_matches('"')).collect();
            let amount = cells[1].strip_prefix('-')?;
            Some((cells[0].to_string(), amount.to_string()))
        })
        .collect();
    let list = json(&l, &["funder", "list"]);
    for id in ["MEMBRES", "AMINA", "KARIM", "CMM"] {
        let expected = theirs.get(id).map_or("0.00", String::as_str);
        assert_eq!(
            funder(&list, id)["received_total"],
            expected,
            "{id}: {theirs:?}"
        );
    }
    assert_eq!(theirs.len(), 4, "{theirs:?}");
}
