//! The tamper suite: someone with `sqlite3` edits the ledger behind amana's back (dropping the
//! append-only triggers for the edit and putting them back after it, so the schema is amana's
//! and only the edit itself can be found). For every table and column a listing reads, an
//! edited value, a deleted row, an inserted row and reordered rows must each make
//! `amana verify` exit 1 with the specific finding, at the entry the row stands for. Columns are listed from the database itself, so a column added later is
//! covered without touching this file.

use crate::common;

use common::{Fixture, assert_finding, assert_kinds_exactly, ok};
use rusqlite::Connection;
use serde_json::Value;

/// The fixture, enriched so that every column holds a value somewhere and is NULL somewhere.
fn rich_ledger() -> Fixture {
    let fx = Fixture::new();
    let l = fx.path();
    ok(
        l,
        &[
            "account",
            "add",
            "75868",
            "--name",
            "Cotisations des membres",
            "--type",
            "income",
            "--label",
            "ar=اشتراكات الأعضاء",
            "--label",
            "fr=Cotisations",
        ],
    );
    ok(
        l,
        &[
            "funder",
            "add",
            "EU",
            "--name",
            "Union européenne",
            "--type",
            "foreign-public",
            "--country",
            "BE",
        ],
    );
    ok(
        l,
        &[
            "grant",
            "add",
            "EU-2026",
            "--funder",
            "EU",
            "--amount",
            "45000",
            "--currency",
            "EUR",
            "--start",
            "2026-01-01",
            "--end",
            "2026-12-31",
            "--unrestricted",
        ],
    );
    ok(
        l,
        &[
            "record",
            "--date",
            "2026-03-02",
            "--desc",
            "Versement UE",
            "--post",
            "5141 291600.00 orig=27000.00:EUR",
            "--post",
            "7161 -291600.00 grant=EU-2026 orig=-27000.00:EUR",
        ],
    );
    let csv = "txn,date,description,reference,account,amount,memo\n1,2026-04-01,Cotisations avril,CA-04,5161,300,12 membres\n1,2026-04-01,,,75868,-300,\n";
    let file = fx.file("avril.csv", csv.as_bytes());
    ok(l, &["import", file.to_str().unwrap()]);
    ok(
        l,
        &[
            "reverse",
            "2",
            "--date",
            "2026-04-02",
            "--reason",
            "doublon",
        ],
    );
    // A funder's organisation identifier, then a correction of it (rule 28).
    ok(l, &["funder", "identify", "EU", "XM-DAC-918"]);
    ok(l, &["funder", "identify", "EU", "XM-DAC-918-3"]);
    ok(l, &["verify"]);
    fx
}

/// Applies `sql` to a fresh copy of the ledger, triggers dropped for the edit and put back
/// after it, and returns verify's JSON; asserts exit status 1. The schema is then exactly
/// amana's, so the edit itself must be what verify finds: no `schema-altered` finding.
fn tamper(fx: &Fixture, name: &str, sql: &str) -> Value {
    let v = tamper_keeping_schema_findings(fx, name, sql);
    assert!(
        !kinds(&v).iter().any(|k| k == "schema-altered"),
        "{name}: the triggers were restored, so the schema is amana's: {:#}",
        v["problems"]
    );
    v
}

/// As [`tamper`], for edits that restructure a table (its schema differs after them too).
fn tamper_keeping_schema_findings(fx: &Fixture, name: &str, sql: &str) -> Value {
    let dir = fx.dir.path().join("tampered").join(name);
    let copy = common::tamper(fx.path(), &dir, |conn| {
        let changed = conn.execute_batch(sql).map(|_| conn.changes());
        assert!(
            changed.is_ok(),
            "{name}: tamper SQL failed: {changed:?}\n{sql}"
        );
        assert!(
            changed.unwrap() > 0
                || ["DELETE", "INSERT", "TABLE"]
                    .iter()
                    .any(|k| sql.contains(k)),
            "{name}: the tamper SQL changed nothing: {sql}"
        );
    });
    let (code, v) = common::verify_json(&copy, &[]);
    assert_eq!(
        code,
        Some(1),
        "{name}: verify did not fail after: {sql}\n{v:#}"
    );
    assert_eq!(v["ok"], false);
    v
}

/// The chain entry a table row stands for: its `seq`, or for a posting its entry's.
fn owner_seq(conn: &Connection, table: &str, row: &str) -> i64 {
    if table == "year_totals" {
        // Sums of many entries' postings: a difference is the ledger's, reported at seq 0.
        return 0;
    }
    let sql = if table == "postings" {
        format!("SELECT seq FROM entries WHERE id = (SELECT entry_id FROM postings WHERE {row})")
    } else {
        format!("SELECT seq FROM {table} WHERE {row}")
    };
    conn.query_row(&sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn kinds(v: &Value) -> Vec<String> {
    v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap().to_string())
        .collect()
}

/// Primary key columns of a table, for `WHERE` clauses.
fn key_columns(conn: &Connection, table: &str) -> Vec<String> {
    let mut cols: Vec<(i64, String)> = conn
        .prepare(&format!("PRAGMA table_info({table})"))
        .unwrap()
        .query_map([], |r| Ok((r.get::<_, i64>(5)?, r.get::<_, String>(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    cols.retain(|(pk, _)| *pk > 0);
    cols.sort();
    cols.into_iter().map(|(_, c)| c).collect()
}

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    conn.prepare(&format!("PRAGMA table_info({table})"))
        .unwrap()
        .query_map([], |r| r.get::<_, String>(1))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

const PROJECTED: [&str; 12] = [
    "ledger",
    "currencies",
    "accounts",
    "account_labels",
    "funders",
    "grants",
    "budget_lines",
    "imports",
    "entries",
    "postings",
    "year_totals",
    "funder_identifiers",
];

/// A WHERE clause that picks the last row of `table` (by key) where `cond` holds.
fn pick(conn: &Connection, table: &str, cond: &str) -> Option<String> {
    let keys = key_columns(conn, table);
    let sql = format!(
        "SELECT {} FROM {table} WHERE {cond} ORDER BY {} DESC LIMIT 1",
        keys.join(", "),
        keys.join(", ")
    );
    let values: Vec<rusqlite::types::Value> = conn
        .query_row(&sql, [], |r| (0..keys.len()).map(|i| r.get(i)).collect())
        .ok()?;
    let lit = |v: &rusqlite::types::Value| match v {
        rusqlite::types::Value::Integer(i) => i.to_string(),
        rusqlite::types::Value::Text(t) => format!("'{}'", t.replace('\'', "''")),
        other => panic!("unexpected key {other:?}"),
    };
    Some(
        keys.iter()
            .zip(&values)
            .map(|(k, v)| format!("{k} = {}", lit(v)))
            .collect::<Vec<_>>()
            .join(" AND "),
    )
}

#[test]
fn editing_any_column_of_any_table_is_caught() {
    let fx = rich_ledger();
    let conn = Connection::open(fx.path()).unwrap();
    let mut cases = 0;
    for table in PROJECTED {
        for col in columns(&conn, table) {
            // A value changed in place.
            if let Some(row) = pick(&conn, table, &format!("{col} IS NOT NULL")) {
                let sql = format!(
                    "UPDATE {table} SET {col} = CASE typeof({col})
                        WHEN 'integer' THEN {col} + 1000003
                        WHEN 'text' THEN {col} || 'x'
                        ELSE zeroblob(length({col})) END WHERE {row}"
                );
                let v = tamper(&fx, &format!("edit-{table}-{col}"), &sql);
                assert_kinds_exactly(&v, &["projection-drift"]);
                let seq = owner_seq(&conn, table, &row);
                assert_finding(&v, "projection-drift", seq, &format!("{table} row"));
                cases += 1;
            }
            // A NULL filled in.
            if let Some(row) = pick(&conn, table, &format!("{col} IS NULL")) {
                let declared: String = conn
                    .query_row(
                        &format!(
                            "SELECT type FROM pragma_table_info('{table}') WHERE name = '{col}'"
                        ),
                        [],
                        |r| r.get(0),
                    )
                    .unwrap();
                let value = match declared.as_str() {
                    "INTEGER" => "1",
                    "BLOB" => "zeroblob(4)",
                    _ => "'CMM-2026'",
                };
                let sql = format!("UPDATE {table} SET {col} = {value} WHERE {row}");
                let v = tamper(&fx, &format!("fill-{table}-{col}"), &sql);
                assert_kinds_exactly(&v, &["projection-drift"]);
                let seq = owner_seq(&conn, table, &row);
                assert_finding(&v, "projection-drift", seq, &format!("{table} row"));
                cases += 1;
            }
        }
    }
    assert!(cases > 60, "only {cases} cases");
}

#[test]
fn a_value_of_another_type_is_caught() {
    let fx = rich_ledger();
    let seq = owner_seq(
        &Connection::open(fx.path()).unwrap(),
        "postings",
        "entry_id = 1 AND idx = 0",
    );
    // STRICT tables refuse this; someone could recreate the table without STRICT first.
    let v = tamper_keeping_schema_findings(&fx, "retype", "
        CREATE TABLE p2 (entry_id, idx, account, amount, grant_id, line_id, original_amount, original_currency, memo);
        INSERT INTO p2 SELECT * FROM postings;
        DROP TABLE postings;
        ALTER TABLE p2 RENAME TO postings;
        UPDATE postings SET amount = CAST(amount AS TEXT) WHERE entry_id = 1 AND idx = 0;");
    assert_finding(
        &v,
        "projection-drift",
        seq,
        "postings row (entry_id=1, idx=0) was edited: column amount is \"6000000\"",
    );
}

#[test]
fn deleting_a_row_of_any_table_is_caught() {
    let fx = rich_ledger();
    let conn = Connection::open(fx.path()).unwrap();
    for table in PROJECTED {
        let row = pick(&conn, table, "1").unwrap_or_else(|| panic!("{table} is empty"));
        let v = tamper(
            &fx,
            &format!("delete-{table}"),
            &format!("DELETE FROM {table} WHERE {row}"),
        );
        assert_kinds_exactly(&v, &["projection-drift"]);
        let seq = owner_seq(&conn, table, &row);
        assert_finding(&v, "projection-drift", seq, &format!("{table} row"));
        assert_finding(&v, "projection-drift", seq, "is missing");
    }
}

#[test]
fn inserting_a_row_into_any_table_is_caught() {
    let fx = rich_ledger();
    // Where each inserted row is reported: at the entry it claims (its seq), or for a posting
    // at its entry's.
    let e2 = owner_seq(&Connection::open(fx.path()).unwrap(), "entries", "id = 2");
    let cases = [
        ("accounts", 9999, "INSERT INTO accounts (code, name, type, seq) VALUES ('6999', 'Caisse noire', 'expense', 9999)"),
        ("account_labels", 300, "INSERT INTO account_labels (code, lang, text, seq) VALUES ('5141', 'en', 'Bank', 300)"),
        ("currencies", 1, "INSERT INTO currencies (code, exponent, seq) VALUES ('ZZZ', 2, 1)"),
        ("funders", 9999, "INSERT INTO funders (id, name, type, country, seq) VALUES ('X', 'X', 'private', NULL, 9999)"),
        ("grants", 9999, "INSERT INTO grants VALUES ('G', 'CMM', 1, 'MAD', '2026-01-01', '2026-12-31', 1, NULL, 9999)"),
        ("budget_lines", 9999, "INSERT INTO budget_lines VALUES ('CMM-2026', 'extra', 'x', 100, NULL, 9999)"),
        ("imports", 9999, "INSERT INTO imports VALUES (9999, zeroblob(32), 'x.csv', 1, 1, 0)"),
        ("ledger", 9999, "INSERT INTO ledger VALUES (9999, zeroblob(16), 'x', 'MAD', '01-01', 'none')"),
        ("entries", 9999, "INSERT INTO postings VALUES (99, 0, '6126', 100000, NULL, NULL, NULL, NULL, NULL);
                     INSERT INTO postings VALUES (99, 1, '5141', -100000, NULL, NULL, NULL, NULL, NULL);
                     INSERT INTO entries (id, seq, kind, date, description) VALUES (99, 9999, 'transaction', '2026-05-01', 'Retrait non justifié')"),
        ("postings", e2, "INSERT INTO postings VALUES (2, 2, '6126', 0, NULL, NULL, NULL, NULL, 'ligne ajoutée')"),
        ("year_totals", 0, "INSERT INTO year_totals VALUES (2030, '5141', '', '', 'transaction', 5)"),
        ("funder_identifiers", 9999, "INSERT INTO funder_identifiers VALUES (9999, 'CMM', 'XM-DAC-1')"),
    ];
    for (table, seq, sql) in cases {
        let v = tamper(&fx, &format!("insert-{table}"), sql);
        assert_kinds_exactly(&v, &["projection-drift"]);
        let at = v["problems"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| {
                let d = p["detail"].as_str().unwrap();
                d.starts_with(&format!("{table} row")) && d.contains("not in the chain")
            })
            .unwrap_or_else(|| panic!("{table}: {:#}", v["problems"]))["seq"]
            .as_i64()
            .unwrap();
        assert_eq!(at, seq, "{table}: where the inserted row is reported");
    }
}

#[test]
fn reordering_rows_is_caught() {
    let fx = rich_ledger();
    let conn = Connection::open(fx.path()).unwrap();
    let seq_of = |table: &str, row: &str| owner_seq(&conn, table, row);
    let (e1, e2) = (seq_of("entries", "id = 1"), seq_of("entries", "id = 2"));
    let (a5141, a6126) = (
        seq_of("accounts", "code = '5141'"),
        seq_of("accounts", "code = '6126'"),
    );
    // Swap two postings of one entry (their amounts change places: still balanced!).
    let v = tamper(
        &fx,
        "swap-postings",
        "
        UPDATE postings SET idx = 99 WHERE entry_id = 2 AND idx = 0;
        UPDATE postings SET idx = 0 WHERE entry_id = 2 AND idx = 1;
        UPDATE postings SET idx = 1 WHERE entry_id = 2 AND idx = 99;",
    );
    assert_kinds_exactly(&v, &["projection-drift"]);
    assert_finding(
        &v,
        "projection-drift",
        e2,
        "postings row (entry_id=2, idx=0) was edited",
    );
    assert_finding(
        &v,
        "projection-drift",
        e2,
        "postings row (entry_id=2, idx=1) was edited",
    );
    // Debit and credit exchanged between two lines: the entry still balances.
    let v = tamper(
        &fx,
        "swap-debit-credit",
        "
        UPDATE postings SET amount = -amount WHERE entry_id = 2;",
    );
    assert_kinds_exactly(&v, &["projection-drift"]);
    assert_finding(&v, "projection-drift", e2, "column amount is -450000");
    // Two entries exchange their numbers.
    let v = tamper(&fx, "swap-entries", "
        UPDATE entries SET id = 1000 WHERE id = 1; UPDATE entries SET id = 1 WHERE id = 2; UPDATE entries SET id = 2 WHERE id = 1000;");
    assert_kinds_exactly(&v, &["projection-drift"]);
    assert_finding(&v, "projection-drift", e1, "entries row (id=1) was edited");
    assert_finding(&v, "projection-drift", e2, "entries row (id=2) was edited");
    // Two accounts exchange their chain positions.
    let v = tamper(&fx, "swap-accounts", "
        CREATE TEMP TABLE s AS SELECT (SELECT seq FROM accounts WHERE code = '5141') a, (SELECT seq FROM accounts WHERE code = '6126') b;
        UPDATE accounts SET seq = -1 WHERE code = '5141';
        UPDATE accounts SET seq = (SELECT a FROM s) WHERE code = '6126';
        UPDATE accounts SET seq = (SELECT b FROM s) WHERE code = '5141';");
    assert_kinds_exactly(&v, &["projection-drift"]);
    assert_finding(&v, "projection-drift", a5141, "accounts row");
    assert_finding(&v, "projection-drift", a6126, "accounts row");
    // Two log rows exchange places.
    let v = tamper(&fx, "swap-log", "
        UPDATE log SET seq = -1 WHERE seq = 3; UPDATE log SET seq = 3 WHERE seq = 4; UPDATE log SET seq = 4 WHERE seq = -1;");
    assert_finding(&v, "reordered", 3, "holds the entry recorded as number 4");
    assert_finding(&v, "reordered", 4, "holds the entry recorded as number 3");
    assert_finding(&v, "link-broken", 3, "");
    assert_finding(&v, "link-broken", 5, "");
}

#[test]
fn the_log_itself_cannot_be_edited() {
    let fx = rich_ledger();
    let last: i64 = Connection::open(fx.path())
        .unwrap()
        .query_row("SELECT max(seq) FROM log", [], |r| r.get(0))
        .unwrap();
    let mid = last / 2;
    let v = tamper(
        &fx,
        "log-body",
        &format!(
            "UPDATE log SET body = CAST(substr(body, 1, 20) || x'FF' || substr(body, 22) AS BLOB) WHERE seq = {mid}"
        ),
    );
    assert_finding(
        &v,
        "content-modified",
        mid,
        "was altered after it was written",
    );
    let v = tamper(
        &fx,
        "log-hash",
        &format!("UPDATE log SET entry_hash = zeroblob(32) WHERE seq = {mid}"),
    );
    assert_kinds_exactly(&v, &["hash-edited"]);
    assert_finding(&v, "hash-edited", mid, "");
    let v = tamper(
        &fx,
        "log-prev",
        &format!("UPDATE log SET prev = randomblob(32) WHERE seq = {mid}"),
    );
    assert_kinds_exactly(&v, &["link-broken", "chain-hash-edited"]);
    assert_finding(&v, "link-broken", mid, "");
    let v = tamper(
        &fx,
        "log-chain",
        &format!("UPDATE log SET chain = randomblob(32) WHERE seq = {mid}"),
    );
    assert_kinds_exactly(&v, &["chain-hash-edited", "link-broken"]);
    assert_finding(&v, "chain-hash-edited", mid, "");
    assert_finding(&v, "link-broken", mid + 1, "");
    let v = tamper(
        &fx,
        "log-kind",
        &format!("UPDATE log SET kind = 'account' WHERE seq = {last}"),
    );
    assert_kinds_exactly(&v, &["projection-drift"]);
    assert_finding(&v, "projection-drift", last, "column kind is \"account\"");
    let v = tamper(
        &fx,
        "log-delete-middle",
        &format!("DELETE FROM log WHERE seq = {mid}"),
    );
    assert_finding(&v, "deleted", mid, &format!("entry {mid} is missing"));
    let v = tamper(
        &fx,
        "log-delete-last",
        &format!("DELETE FROM log WHERE seq = {last}"),
    );
    assert_kinds_exactly(&v, &["projection-drift"]);
    assert_finding(&v, "projection-drift", last, "not in the chain");
    let v = tamper(
        &fx,
        "log-insert",
        &format!(
            "INSERT INTO log SELECT {} , kind, body, entry_hash, chain, randomblob(32) FROM log WHERE seq = {last}",
            last + 1
        ),
    );
    assert_finding(
        &v,
        "reordered",
        last + 1,
        &format!("holds the entry recorded as number {last}"),
    );
}

#[test]
fn a_rewritten_entry_with_recomputed_hashes_is_still_caught_by_the_tables_or_the_rules() {
    // Someone re-encodes an entry with another amount and recomputes its hashes and every
    // later link: the tables no longer agree with the chain.
    let fx = rich_ledger();
    let conn = Connection::open(fx.path()).unwrap();
    let seq: i64 = conn
        .query_row("SELECT seq FROM entries WHERE id = 2", [], |r| r.get(0))
        .unwrap();
    let body: Vec<u8> = conn
        .query_row("SELECT body FROM log WHERE seq = ?1", [seq], |r| r.get(0))
        .unwrap();
    let info = amana::store::Store::open_read_only(fx.path())
        .unwrap()
        .ledger_info()
        .unwrap();
    let mut entry = amana::chain::ChainEntry::decode(&body, Some(&info.currency)).unwrap();
    if let amana::chain::Record::Entry(e) = &mut entry.record {
        let mut postings = e.postings().to_vec();
        postings[0].amount.0 += 100;
        postings[1].amount.0 -= 100;
        *e = amana::domain::Entry::new(e.header.clone(), postings, &info.currency).unwrap();
    }
    let new_body = entry.encode();
    drop(conn);
    let copy = common::tamper(fx.path(), &fx.dir.path().join("rewrite"), |conn| {
        conn.execute(
            "UPDATE log SET body = ?1 WHERE seq = ?2",
            rusqlite::params![new_body, seq],
        )
        .unwrap();
        // Recompute every hash from that entry on.
        common::rehash_from(conn, seq);
    });
    let (code, v) = common::verify_json(&copy, &[]);
    assert_eq!(code, Some(1));
    // The tables no longer agree, and the reversal of entry 2 no longer mirrors it.
    assert_kinds_exactly(&v, &["projection-drift", "rule-violation"]);
    assert_finding(
        &v,
        "projection-drift",
        seq,
        "postings row (entry_id=2, idx=0) was edited",
    );
    let reversal = owner_seq(&Connection::open(&copy).unwrap(), "entries", "reverses = 2");
    assert_finding(&v, "rule-violation", reversal, "reversal");
    assert!(
        !kinds(&v)
            .iter()
            .any(|k| k == "content-modified" || k == "link-broken"),
        "hashes were recomputed: {v:#}"
    );
}

#[test]
fn every_byte_of_every_entry_is_protected() {
    // The bit-flip matrix: flip one bit in each byte of each log body (the genesis entry's
    // long currency table sampled), and verify must fail each time.
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("small.db");
    ok(
        &ledger,
        &[
            "init",
            "--name",
            "Petite",
            "--currency",
            "MAD",
            "--chart",
            "none",
        ],
    );
    ok(
        &ledger,
        &[
            "account",
            "add",
            "5141",
            "--name",
            "Banque",
            "--type",
            "asset",
            "--label",
            "ar=البنك",
        ],
    );
    ok(
        &ledger,
        &[
            "account", "add", "6131", "--name", "Loyer", "--type", "expense",
        ],
    );
    ok(
        &ledger,
        &[
            "funder",
            "add",
            "F",
            "--name",
            "Fondation",
            "--type",
            "private",
        ],
    );
    ok(
        &ledger,
        &[
            "grant",
            "add",
            "G",
            "--funder",
            "F",
            "--amount",
            "100",
            "--start",
            "2026-01-01",
            "--end",
            "2026-12-31",
            "--purpose",
            "Loyer",
        ],
    );
    ok(
        &ledger,
        &[
            "grant",
            "budget",
            "G",
            "rent",
            "--amount",
            "100",
            "--label",
            "Loyer",
            "--account",
            "6131",
        ],
    );
    ok(
        &ledger,
        &[
            "record",
            "--date",
            "2026-01-05",
            "--desc",
            "Loyer janvier",
            "--ref",
            "Q-1",
            "--post",
            "6131 50 grant=G line=rent memo=quittance",
            "--post",
            "5141",
        ],
    );
    ok(
        &ledger,
        &["reverse", "1", "--date", "2026-01-06", "--reason", "erreur"],
    );
    let copy = common::tamper_copy(&ledger, &dir.path().join("flip"));
    let set_body = |seq: i64, body: &[u8]| {
        common::tamper_conn(&copy)
            .execute(
                "UPDATE log SET body = ?1 WHERE seq = ?2",
                rusqlite::params![body, seq],
            )
            .unwrap();
    };
    let conn = Connection::open(&copy).unwrap();
    let bodies: Vec<(i64, Vec<u8>)> = conn
        .prepare("SELECT seq, body FROM log ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut flips = 0;
    for (seq, body) in &bodies {
        let positions: Vec<usize> = if *seq == 1 {
            (0..body.len()).step_by(37).collect()
        } else {
            (0..body.len()).collect()
        };
        for i in positions {
            let mut b = body.clone();
            b[i] ^= 1 << (i % 8);
            set_body(*seq, &b);
            let store = amana::store::Store::open_read_only(&copy).unwrap();
            let report = amana::verify::verify(&store).unwrap();
            assert!(
                !report.ok,
                "flipping bit {} of byte {i} of entry {seq} went unnoticed",
                i % 8
            );
            // Found at that entry, by the chain itself (the schema is amana's again).
            assert!(
                report.problems.iter().any(|p| p.seq == *seq
                    && p.kind == amana::verify::ProblemKind::ContentModified),
                "entry {seq} byte {i}: {:?}",
                report.problems
            );
            assert!(
                report
                    .problems
                    .iter()
                    .all(|p| p.kind != amana::verify::ProblemKind::SchemaAltered),
                "{:?}",
                report.problems
            );
            flips += 1;
        }
        set_body(*seq, body);
    }
    assert!(flips > 500, "{flips}");
    let store = amana::store::Store::open_read_only(&copy).unwrap();
    assert!(
        amana::verify::verify(&store).unwrap().ok,
        "restored bodies verify again"
    );
}

#[test]
fn a_dropped_or_restructured_table_is_a_finding_not_a_crash() {
    let fx = rich_ledger();
    let v = tamper_keeping_schema_findings(&fx, "drop-table", "DROP TABLE account_labels;");
    assert_finding(
        &v,
        "projection-drift",
        0,
        "table account_labels cannot be read",
    );
    assert_finding(&v, "schema-altered", 0, "table account_labels is missing");
    let v = tamper_keeping_schema_findings(
        &fx,
        "rename-column",
        "ALTER TABLE funders RENAME COLUMN country TO pays;",
    );
    assert_finding(&v, "projection-drift", 0, "table funders cannot be read");
    assert_finding(&v, "schema-altered", 0, "table funders was changed");
}

#[test]
fn an_altered_schema_is_caught_even_with_every_row_intact() {
    let fx = rich_ledger();
    // Only one append-only trigger dropped: nothing else changed.
    let copy = common::tamper_copy(fx.path(), &fx.dir.path().join("no-trigger"));
    Connection::open(&copy)
        .unwrap()
        .execute_batch("DROP TRIGGER postings_no_update;")
        .unwrap();
    let (code, v) = common::verify_json(&copy, &[]);
    assert_eq!(code, Some(1));
    assert_kinds_exactly(&v, &["schema-altered"]);
    assert_finding(
        &v,
        "schema-altered",
        0,
        "trigger postings_no_update is missing",
    );
    // An index that could make a report read other figures.
    let copy = common::tamper(fx.path(), &fx.dir.path().join("index"), |conn| {
        conn.execute_batch("CREATE INDEX sneaky ON postings(account, amount);")
            .unwrap()
    });
    let (code, v) = common::verify_json(&copy, &[]);
    assert_eq!(code, Some(1));
    assert_kinds_exactly(&v, &["schema-altered"]);
    assert_finding(&v, "schema-altered", 0, "index sneaky was added");
}
