//! The rule replay of `amana verify` (schema/CHAIN.md section 5), reached on purpose: each
//! test rewrites one entry so that it breaks one bookkeeping rule, re-encodes it, re-hashes and
//! re-links the chain from it, and rewrites its table rows to match. Hashes, links, tables and
//! schema are then all consistent, so only the replay of the rules can find the entry; verify
//! must report `rule-violation` at that entry, and nothing else. Also the findings that are no
//! rule: `undecodable`, `truncated` and `empty`.

use crate::common;

use std::path::{Path, PathBuf};

use amana::chain::{ChainEntry, Record};
use amana::domain::{AccountCode, Entry, EntryId, EntryKind};
use amana::store::projection::{self, Table};
use common::{assert_finding, assert_kinds_exactly, ok};
use rusqlite::Connection;
use tempfile::TempDir;

/// A ledger with a chart of five accounts and, in fiscal year 2025, dues received and rent
/// paid; more is added by each test.
fn books() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("books.db");
    ok(
        &l,
        &[
            "init",
            "--name",
            "Rules",
            "--currency",
            "MAD",
            "--chart",
            "none",
        ],
    );
    for (code, kind) in [
        ("1000", "asset"),
        ("3000", "net-assets"),
        ("3100", "net-assets"),
        ("2500", "liability"),
        ("4100", "income"),
        ("5100", "expense"),
    ] {
        ok(
            &l,
            &[
                "account",
                "add",
                code,
                "--name",
                &format!("Compte {code}"),
                "--type",
                kind,
            ],
        );
    }
    record(&l, "2025-03-01", "Cotisations", "1000 500", "4100");
    record(&l, "2025-04-01", "Loyer", "5100 200", "1000");
    (dir, l)
}

fn close_2025(l: &Path) {
    ok(
        l,
        &[
            "close",
            "--year",
            "2025",
            "--unrestricted-account",
            "3000",
            "--dedicated-account",
            "2500",
        ],
    );
}

fn record(l: &Path, date: &str, desc: &str, first: &str, second: &str) {
    ok(
        l,
        &[
            "record", "--date", date, "--desc", desc, "--post", first, "--post", second,
        ],
    );
}

fn last_seq(l: &Path) -> i64 {
    Connection::open(l)
        .unwrap()
        .query_row("SELECT max(seq) FROM log", [], |r| r.get(0))
        .unwrap()
}

fn base() -> amana::domain::Currency {
    amana::domain::Currency {
        code: "MAD".into(),
        exponent: 2,
    }
}

/// The (re-built) journal entry of a chain entry, for editing.
fn entry_of(e: &mut ChainEntry) -> &mut Entry {
    match &mut e.record {
        Record::Entry(entry) => entry,
        other => panic!("not a journal entry: {}", other.kind()),
    }
}

/// Rebuilds `entry` with other postings, unchecked (as a forger writes bytes).
fn with_postings(entry: &mut Entry, edit: impl FnOnce(&mut Vec<amana::domain::Posting>)) {
    let mut postings = entry.postings().to_vec();
    edit(&mut postings);
    *entry = Entry::from_decoded(entry.header.clone(), postings);
}

/// A copy of `src` in which entry `seq` is replaced by `edit(entry)`: re-encoded, its table
/// rows rewritten to match, and the chain re-hashed and re-linked from it (schema/CHAIN.md
/// section 1), the triggers put back after.
fn rewrite(src: &Path, name: &str, seq: i64, edit: impl FnOnce(&mut ChainEntry)) -> PathBuf {
    let (copy, refused) = rewrite_as_far_as_the_schema_allows(src, name, seq, edit);
    assert!(refused.is_empty(), "{name}: {refused:?}");
    copy
}

/// As [`rewrite`], but a table row the schema's constraints refuse is left out (and listed).
fn rewrite_as_far_as_the_schema_allows(
    src: &Path,
    name: &str,
    seq: i64,
    edit: impl FnOnce(&mut ChainEntry),
) -> (PathBuf, Vec<String>) {
    let dir = src.parent().unwrap().join(name);
    let mut refused = vec![];
    let copy = common::tamper(src, &dir, |conn| {
        let body: Vec<u8> = conn
            .query_row("SELECT body FROM log WHERE seq = ?1", [seq], |r| r.get(0))
            .unwrap();
        let old = ChainEntry::decode(&body, Some(&base())).unwrap();
        let mut new = old.clone();
        edit(&mut new);
        for row in projection::rows(&old) {
            let cols = row.table.columns();
            let key: Vec<String> = (0..row.table.key_len())
                .map(|i| format!("{} = ?{}", cols[i], i + 1))
                .collect();
            conn.execute(
                &format!(
                    "DELETE FROM {} WHERE {}",
                    row.table.name(),
                    key.join(" AND ")
                ),
                rusqlite::params_from_iter(&row.values[..row.table.key_len()]),
            )
            .unwrap();
        }
        for row in projection::rows(&new) {
            if let Err(e) = insert_row(conn, row.table, &row.values) {
                refused.push(format!("{}: {e}", row.table.name()));
            }
        }
        conn.execute(
            "UPDATE log SET body = ?1, kind = ?2 WHERE seq = ?3",
            rusqlite::params![new.encode(), new.record.kind(), seq],
        )
        .unwrap();
        common::rehash_from(conn, seq);
    });
    (copy, refused)
}

fn insert_row(
    conn: &Connection,
    table: Table,
    values: &[rusqlite::types::Value],
) -> rusqlite::Result<usize> {
    let cols = table.columns();
    let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
    conn.execute(
        &format!(
            "INSERT INTO {} ({}) VALUES ({})",
            table.name(),
            cols.join(", "),
            marks.join(", ")
        ),
        rusqlite::params_from_iter(values),
    )
}

/// Verify fails with a `rule-violation` at `seq` mentioning `detail`, and (besides the
/// `also` kinds) nothing else: the hashes, links, tables and schema are consistent.
fn assert_rule_violation(copy: &Path, seq: i64, detail: &str, also: &[&str]) {
    let (code, v) = common::verify_json(copy, &[]);
    assert_eq!(code, Some(1), "{v:#}");
    let mut kinds = vec!["rule-violation"];
    kinds.extend_from_slice(also);
    assert_kinds_exactly(&v, &kinds);
    assert_finding(&v, "rule-violation", seq, detail);
    assert_python_agrees(copy, &v);
}

/// The independent verifier finds the same things at the same entries.
fn assert_python_agrees(copy: &Path, ours: &serde_json::Value) {
    let (code, theirs) = common::python_verify_json(&[copy.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{theirs:#}");
    assert_eq!(
        common::finding_set(ours),
        common::finding_set(&theirs),
        "the verifiers disagree\nours: {:#}\ntheirs: {:#}",
        ours["problems"],
        theirs["problems"]
    );
}

#[test]
fn the_fixture_verifies_before_each_edit() {
    let (_dir, l) = books();
    ok(&l, &["verify"]);
    // And rewriting an entry into itself changes nothing verify can see: the helper is exact.
    let seq = last_seq(&l);
    let copy = rewrite(&l, "same", seq, |_| {});
    let (code, v) = common::verify_json(&copy, &[]);
    assert_eq!(code, Some(0), "{v:#}");
}

#[test]
fn an_unbalanced_entry_is_a_rule_violation() {
    let (_dir, l) = books();
    let seq = last_seq(&l);
    let copy = rewrite(&l, "unbalanced", seq, |e| {
        with_postings(entry_of(e), |p| p[0].amount.0 += 1)
    });
    assert_rule_violation(&copy, seq, "do not balance", &[]);
}

#[test]
fn an_amount_beyond_the_limit_is_a_rule_violation() {
    let (_dir, l) = books();
    let seq = last_seq(&l);
    let copy = rewrite(&l, "huge", seq, |e| {
        with_postings(entry_of(e), |p| {
            p[0].amount.0 = 10_000_000_000_001;
            p[1].amount.0 = -10_000_000_000_001;
        })
    });
    assert_rule_violation(&copy, seq, "transaction 2", &[]);
}

#[test]
fn a_posting_to_an_unknown_account_is_a_rule_violation() {
    let (_dir, l) = books();
    let seq = last_seq(&l);
    let copy = rewrite(&l, "unknown-account", seq, |e| {
        with_postings(entry_of(e), |p| {
            p[0].account = AccountCode::parse("6999").unwrap()
        })
    });
    assert_rule_violation(&copy, seq, "account 6999 does not exist", &[]);
}

#[test]
fn a_gap_in_entry_ids_is_a_rule_violation() {
    let (_dir, l) = books();
    let seq = last_seq(&l);
    let copy = rewrite(&l, "gap", seq, |e| {
        let entry = entry_of(e);
        entry.header.id = EntryId(3);
        *entry = Entry::from_decoded(entry.header.clone(), entry.postings().to_vec());
    });
    assert_rule_violation(&copy, seq, "transaction number 3 where 2 was expected", &[]);
}

#[test]
fn a_wrong_reversal_is_a_rule_violation() {
    let (_dir, l) = books();
    ok(
        &l,
        &["reverse", "2", "--date", "2025-04-02", "--reason", "erreur"],
    );
    let seq = last_seq(&l);
    // Not the mirror of its original: another amount on both sides (still balanced).
    let copy = rewrite(&l, "not-mirrored", seq, |e| {
        with_postings(entry_of(e), |p| {
            p[0].amount.0 += 100;
            p[1].amount.0 -= 100;
        })
    });
    assert_rule_violation(&copy, seq, "reversal", &[]);
    // The reversal of a transaction that does not exist.
    let copy = rewrite(&l, "reverses-nothing", seq, |e| {
        let entry = entry_of(e);
        if let EntryKind::Reversal { reverses, .. } = &mut entry.header.kind {
            *reverses = EntryId(9);
        }
    });
    assert_rule_violation(&copy, seq, "transaction 9 does not exist", &[]);
    // A reversal dated before its original.
    let copy = rewrite(&l, "reversal-too-early", seq, |e| {
        entry_of(e).header.date = chrono::NaiveDate::from_ymd_opt(2025, 3, 31).unwrap();
    });
    assert_rule_violation(&copy, seq, "cannot be dated before", &[]);
    // A reversal of a reversal, turned from a plain transaction that mirrors it.
    record(&l, "2025-04-03", "Encore", "5100 200", "1000");
    let seq = last_seq(&l);
    let to_reversal = |reverses: i64| {
        move |e: &mut ChainEntry| {
            entry_of(e).header.kind = EntryKind::Reversal {
                reverses: EntryId(reverses),
                reason: "doublon".into(),
            }
        }
    };
    let copy = rewrite(&l, "reverses-a-reversal", seq, to_reversal(3));
    assert_rule_violation(&copy, seq, "transaction 3 is itself a reversal", &[]);
    // Reversed twice: the table's UNIQUE constraint refuses the second reversal's row, so
    // the tables cannot follow; the replay still names the rule.
    let (copy, refused) =
        rewrite_as_far_as_the_schema_allows(&l, "reversed-twice", seq, to_reversal(2));
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert_rule_violation(
        &copy,
        seq,
        "transaction 2 was already reversed",
        &["projection-drift"],
    );
}

#[test]
fn an_entry_in_a_locked_period_is_a_rule_violation() {
    let (_dir, l) = books();
    close_2025(&l);
    record(&l, "2026-02-01", "Cotisations 2026", "1000 50", "4100");
    let seq = last_seq(&l);
    let copy = rewrite(&l, "locked", seq, |e| {
        entry_of(e).header.date = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    });
    assert_rule_violation(&copy, seq, "locked through 2025-12-31", &[]);
}

#[test]
fn a_wrong_closing_is_a_rule_violation() {
    let (_dir, l) = books();
    close_2025(&l);
    let closing: i64 = Connection::open(&l)
        .unwrap()
        .query_row(
            "SELECT seq FROM year_ends WHERE kind = 'year-closing'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // The result (300.00) carried to the wrong net-assets account: still balanced, but not
    // what rule 14 computes. The seal made with the closing no longer recomputes either.
    let copy = rewrite(&l, "wrong-closing", closing, |e| {
        with_postings(entry_of(e), |p| {
            let last = p.len() - 1;
            p[last].account = AccountCode::parse("3100").unwrap();
        })
    });
    let seal = closing + 1;
    assert_rule_violation(
        &copy,
        closing,
        "do not carry exactly the income and expense of fiscal year 2025",
        &["seal-mismatch"],
    );
    let (_, v) = common::verify_json(&copy, &[]);
    assert_finding(&v, "seal-mismatch", seal, "");
    // A closing dated inside the year.
    let copy = rewrite(&l, "closing-date", closing, |e| {
        entry_of(e).header.date = chrono::NaiveDate::from_ymd_opt(2025, 12, 30).unwrap();
    });
    assert_rule_violation(&copy, closing, "dated on its last day", &["seal-mismatch"]);
}

fn import_twice(l: &Path) -> (i64, i64) {
    let csv = l.parent().unwrap().join("mai.csv");
    std::fs::write(
        &csv,
        "txn,date,description,reference,account,amount,memo\n\
         1,2025-05-02,Cotisations mai,CM-05,1000,80,\n1,2025-05-02,,,4100,-80,\n\
         2,2025-05-03,Fournitures,F-1,5100,30,\n2,2025-05-03,,,1000,-30,\n",
    )
    .unwrap();
    ok(l, &["import", csv.to_str().unwrap()]);
    ok(l, &["import", csv.to_str().unwrap(), "--force"]);
    let c = Connection::open(l).unwrap();
    let seqs: Vec<i64> = c
        .prepare("SELECT seq FROM imports ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    (seqs[0], seqs[1])
}

#[test]
fn a_repeated_import_not_marked_forced_is_a_rule_violation() {
    let (_dir, l) = books();
    let (_, second) = import_twice(&l);
    ok(&l, &["verify"]);
    let copy = rewrite(&l, "repeated-import", second, |e| match &mut e.record {
        Record::Import(info) => info.forced = false,
        _ => panic!("not the import"),
    });
    assert_rule_violation(&copy, second, "was already imported", &[]);
}

#[test]
fn an_import_followed_by_fewer_transactions_than_announced_is_a_rule_violation() {
    let (_dir, l) = books();
    let (first, _) = import_twice(&l);
    let copy = rewrite(&l, "short-import", first, |e| match &mut e.record {
        Record::Import(info) => info.transactions = 3,
        _ => panic!("not the import"),
    });
    // The next import comes where a third transaction of the first was announced.
    assert_rule_violation(&copy, first + 3, "announced 1 more transactions", &[]);
}

#[test]
fn a_chain_cut_inside_an_import_is_truncated() {
    let (_dir, l) = books();
    let (_, second) = import_twice(&l);
    let copy = common::tamper(&l, &l.parent().unwrap().join("cut"), |conn| {
        conn.execute_batch(
            "DELETE FROM postings WHERE entry_id = (SELECT max(id) FROM entries);
             DELETE FROM entries WHERE id = (SELECT max(id) FROM entries);
             DELETE FROM log WHERE seq = (SELECT max(seq) FROM log);",
        )
        .unwrap();
        common::resum_year_totals(conn);
    });
    let (code, v) = common::verify_json(&copy, &[]);
    assert_eq!(code, Some(1), "{v:#}");
    assert_kinds_exactly(&v, &["truncated"]);
    assert_finding(&v, "truncated", second, "announced 1 more transaction(s)");
    assert_python_agrees(&copy, &v);
}

#[test]
fn a_ledger_without_entries_is_empty() {
    let (_dir, l) = books();
    let copy = common::tamper(&l, &l.parent().unwrap().join("empty"), |conn| {
        for table in Table::ALL {
            conn.execute_batch(&format!("DELETE FROM {}", table.name()))
                .unwrap();
        }
        conn.execute_batch("DELETE FROM log").unwrap();
    });
    let (code, v) = common::verify_json(&copy, &[]);
    assert_eq!(code, Some(1), "{v:#}");
    assert_kinds_exactly(&v, &["empty"]);
    assert_finding(&v, "empty", 0, "no entries");
    assert_eq!(v["entries"], 0);
    assert_eq!(v["head"], "0".repeat(64));
    assert_python_agrees(&copy, &v);
}

#[test]
fn an_undecodable_entry_is_reported_and_keeps_its_transaction_number() {
    let (_dir, l) = books();
    record(&l, "2025-04-05", "Don", "1000 10", "4100");
    // Transaction 2 (the rent) becomes bytes that are no entry at all, hashes recomputed: its
    // table rows are no longer in the chain, but transaction 3 after it is still in sequence.
    let seq: i64 = Connection::open(&l)
        .unwrap()
        .query_row("SELECT seq FROM entries WHERE id = 2", [], |r| r.get(0))
        .unwrap();
    let copy = common::tamper(&l, &l.parent().unwrap().join("undecodable"), |conn| {
        let mut body: Vec<u8> = conn
            .query_row("SELECT body FROM log WHERE seq = ?1", [seq], |r| r.get(0))
            .unwrap();
        body.truncate(body.len() - 3);
        conn.execute(
            "UPDATE log SET body = ?1 WHERE seq = ?2",
            rusqlite::params![body, seq],
        )
        .unwrap();
        common::rehash_from(conn, seq);
    });
    let (code, v) = common::verify_json(&copy, &[]);
    assert_eq!(code, Some(1), "{v:#}");
    assert_kinds_exactly(&v, &["undecodable", "projection-drift"]);
    assert_finding(&v, "undecodable", seq, "cannot be read");
    // Only entry 2's rows, and the year totals its postings are still in (seq 0).
    assert!(
        v["problems"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["seq"] == seq
                || (p["seq"] == 0 && p["detail"].as_str().unwrap().starts_with("year_totals row"))),
        "only entry {seq} is reported: {:#}",
        v["problems"]
    );
    assert_python_agrees(&copy, &v);
    // Another magic: not a version-1 entry.
    let copy = common::tamper(&l, &l.parent().unwrap().join("magic"), |conn| {
        conn.execute(
            "UPDATE log SET body = CAST('AMANA' || x'02' || substr(body, 7) AS BLOB) WHERE seq = ?1",
            [seq],
        )
        .unwrap();
        common::rehash_from(conn, seq);
    });
    let (_, v) = common::verify_json(&copy, &[]);
    assert_finding(&v, "undecodable", seq, "cannot be read");
}
