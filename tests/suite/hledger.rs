//! amana's balances against real hledger on the same journal of a few thousand transactions.
//! hledger must be installed (`.ci/run` installs Debian's package); this test fails, never
//! skips, when it is missing.

use crate::common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::Command;

use common::ok;

/// A small deterministic generator (no dependency, same data on every machine).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn cents(c: i64) -> String {
    let sign = if c < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", c.abs() / 100, c.abs() % 100)
}

#[test]
fn balances_agree_with_hledger() {
    let hledger = Command::new("hledger").arg("--version").output();
    assert!(
        hledger.as_ref().is_ok_and(|o| o.status.success()),
        "hledger is required for this test (apt-get install hledger; .ci/run does it): {hledger:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("big.db");
    ok(
        &ledger,
        &[
            "init",
            "--name",
            "Comparaison",
            "--currency",
            "MAD",
            "--chart",
            "ma-associations",
        ],
    );
    let accounts = [
        "5141", "5161", "6131", "6126", "6171", "6174", "6147", "7161", "7586", "4411", "2355",
        "1111",
    ];

    let mut rng = Lcg(2026);
    let mut csv = String::from("txn,date,description,account,amount\n");
    let mut journal = String::new();
    for t in 0..3000 {
        let date = format!("2026-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
        let n = 2 + rng.below(4) as usize;
        let mut amounts: Vec<i64> = (0..n - 1)
            .map(|_| rng.below(2_000_000) as i64 - 1_000_000)
            .collect();
        amounts.push(-amounts.iter().sum::<i64>());
        writeln!(journal, "{date} t{t}").unwrap();
        for a in &amounts {
            let account = accounts[rng.below(accounts.len() as u64) as usize];
            writeln!(csv, "{t},{date},t{t},{account},{}", cents(*a)).unwrap();
            writeln!(journal, "    a{account}    {}", cents(*a)).unwrap();
        }
        journal.push('\n');
    }
    let csv_path = dir.path().join("big.csv");
    std::fs::write(&csv_path, &csv).unwrap();
    let journal_path = dir.path().join("big.journal");
    std::fs::write(&journal_path, &journal).unwrap();
    ok(&ledger, &["import", csv_path.to_str().unwrap()]);

    let ours: serde_json::Value =
        serde_json::from_str(&ok(&ledger, &["balance", "--format", "json"])).unwrap();
    let ours: BTreeMap<String, String> = ours["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["code"].as_str().unwrap().to_string(),
                a["balance"].as_str().unwrap().to_string(),
            )
        })
        .collect();

    let out = Command::new("hledger")
        .args([
            "-f",
            journal_path.to_str().unwrap(),
            "bal",
            "--flat",
            "-O",
            "csv",
            "-N",
            "--empty",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut theirs = BTreeMap::new();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    for r in reader.records() {
        let r = r.unwrap();
        theirs.insert(r[0].trim_start_matches('a').to_string(), r[1].to_string());
    }
    assert_eq!(ours.len(), accounts.len());
    assert_eq!(ours, theirs, "amana and hledger disagree");
}
