//! Golden texts (issue 7: the moves to come, and the move to templates, are checked byte for
//! byte against them): the help of every command, and what a refusal says. A change of wording
//! is reviewed as a snapshot diff (`cargo insta review`, or set INSTA_UPDATE=always and read
//! `git diff`).

use crate::common;

use common::*;

/// Every command and sub-command, as a user types it.
const COMMANDS: &[&[&str]] = &[
    &[],
    &["init"],
    &["account"],
    &["account", "list"],
    &["account", "add"],
    &["funder"],
    &["funder", "list"],
    &["funder", "add"],
    &["grant"],
    &["grant", "list"],
    &["grant", "add"],
    &["grant", "budget"],
    &["record"],
    &["import"],
    &["reverse"],
    &["balance"],
    &["journal"],
    &["log"],
    &["verify"],
    &["key", "generate"],
    &["officer", "add"],
    &["officer", "approve"],
    &["officer", "revoke"],
    &["seal"],
    &["sign"],
    &["signature", "add"],
    &["close"],
    &["lock"],
    &["reopen"],
    &["policy"],
    &["receipt", "show"],
    &["receipt", "attach"],
    &["receipt", "member"],
    &["verify-receipt"],
    &["export", "audit"],
    &["export", "hledger"],
    &["export", "beancount"],
    &["backup"],
    &["restore"],
    &["demo"],
    &["asset"],
    &["asset", "add"],
    &["asset", "list"],
    &["depreciate"],
    &["grant", "explain"],
    &["grant", "threshold"],
    &["setting"],
    &["setting", "set"],
    &["setting", "list"],
    &["load"],
    &["report"],
    &["report", "funder"],
    &["report", "annual"],
    &["report", "statements"],
    &["report", "audit"],
    &["report", "trial-balance"],
    &["report", "ledger"],
    &["report", "receipt"],
];

#[test]
fn the_help_of_every_command_reads_as_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("none.db");
    let mut all = String::new();
    for cmd in COMMANDS {
        let mut args: Vec<&str> = cmd.to_vec();
        args.push("--help");
        let o = run(&l, &args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        all.push_str(&format!("$ amana {}\n{}\n", args.join(" "), stdout(&o)));
    }
    insta::assert_snapshot!("help", all);
}

#[test]
fn refusals_read_as_recorded() {
    let fx = Fixture::new();
    let l = fx.path();
    let cases: &[&[&str]] = &[
        &[
            "record",
            "--date",
            "2026-02-30",
            "--desc",
            "x",
            "--post",
            "5141 1",
            "--post",
            "7161",
        ],
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "5141 1.001",
            "--post",
            "7161",
        ],
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "5141 1",
            "--post",
            "7161 -2",
        ],
        &[
            "close",
            "--year",
            "0",
            "--unrestricted-account",
            "1111",
            "--dedicated-account",
            "1561",
        ],
        &["seal", "--month", "0000-01"],
        &["seal", "--bank", "5141=1@a", "--bank", "5141=1@b"],
        &["reopen", "--year", "2025", "--reason", "x"],
        &["policy", "--quorum", "0"],
        &["receipt", "member", "2"],
        &["grant", "list", "--grant", "NOPE"],
    ];
    let mut all = String::new();
    for args in cases.iter() {
        let o = run(l, args);
        // Paths of the temporary folder vary from run to run.
        let err = stderr(&o).replace(&fx.dir.path().display().to_string(), "$DIR");
        all.push_str(&format!(
            "$ amana {}\nexit {}\n{}\n",
            args.join(" "),
            o.status.code().unwrap_or(-1),
            err
        ));
    }
    insta::assert_snapshot!("refusals", all);
}

/// Clock times and hashes change from run to run: each becomes a mask of the same width, so
/// that a table keeps its alignment and the snapshot shows exactly where they were printed.
/// A hash is a run of 16 or 64 lowercase hex digits; a time is `YYYY-MM-DD hh:mm:ss` (or with
/// a `T`). Dates without a time (the books' own dates) stay.
pub(crate) fn redact(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let is_hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
    let word = |c: char| c.is_alphanumeric();
    let time_at = |i: usize| {
        let shape = "dddd-dd-dd?dd:dd:dd";
        i + shape.len() <= chars.len()
            && shape.chars().zip(&chars[i..]).all(|(s, &c)| match s {
                'd' => c.is_ascii_digit(),
                '?' => c == ' ' || c == 'T',
                s => s == c,
            })
    };
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if (i == 0 || !word(chars[i - 1])) && time_at(i) {
            out.push_str(&format!("YYYY-MM-DD{}hh:mm:ss", chars[i + 10]));
            i += 19;
            continue;
        }
        if (i == 0 || !word(chars[i - 1])) && is_hex(chars[i]) {
            let run = chars[i..].iter().take_while(|&&c| is_hex(c)).count();
            let bounded = chars.get(i + run).is_none_or(|&c| !word(c));
            if bounded
                && (run == 16 || run == 64)
                && chars[i..i + run].iter().any(|c| c.is_ascii_alphabetic())
            {
                out.push_str(&"#".repeat(run));
                i += run;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[test]
fn redaction_masks_hashes_and_times_only() {
    assert_eq!(
        redact("#1 2025-01-20 x · head d5c6fbac4ee5c374 · 2026-11-30T16:43:38Z, 60000.00 MAD"),
        "#1 2025-01-20 x · head ################ · YYYY-MM-DDThh:mm:ssZ, 60000.00 MAD"
    );
    assert_eq!(
        redact("   2026-11-30 16:43:37   t"),
        "   YYYY-MM-DD hh:mm:ss   t"
    );
    // Not a hash: too short, too long, or part of a longer word.
    assert_eq!(
        redact("d5c6fbac4ee5c37 x1d5c6fbac4ee5c374"),
        "d5c6fbac4ee5c37 x1d5c6fbac4ee5c374"
    );
}

/// A small ledger in the test's own notation: its own chart of three accounts (one with an
/// Arabic name), a funder, a grant with a line, two transactions, an officer and a signed seal.
/// Returns the folder, the ledger and the seal's fingerprint (it changes from run to run).
fn small_ledger() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("amana.db");
    let key = dir.path().join("fatima.pem");
    let key = key.to_str().unwrap();
    let public = format!("{key}.pub");
    let steps: &[&[&str]] = &[
        &[
            "init",
            "--name",
            "جمعية خطوة / Association Khotwa",
            "--currency",
            "MAD",
            "--chart",
            "none",
        ],
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
        &[
            "account",
            "add",
            "6126",
            "--name",
            "Formation",
            "--type",
            "expense",
        ],
        &[
            "account",
            "add",
            "7161",
            "--name",
            "Subventions",
            "--type",
            "income",
        ],
        &[
            "funder",
            "add",
            "CMM",
            "--name",
            "Conseil de l'arrondissement",
            "--type",
            "public-local",
            "--country",
            "MA",
        ],
        &[
            "funder",
            "add",
            "INDH",
            "--name",
            "INDH",
            "--type",
            "public-national",
        ],
        &[
            "grant",
            "add",
            "CMM-2025",
            "--funder",
            "CMM",
            "--amount",
            "120000",
            "--start",
            "2025-01-01",
            "--end",
            "2025-12-31",
            "--purpose",
            "Fonctionnement",
        ],
        &[
            "grant",
            "budget",
            "CMM-2025",
            "training",
            "--amount",
            "45000",
            "--label",
            "Formation",
            "--account",
            "6126",
        ],
        &[
            "grant",
            "add",
            "INDH-2025",
            "--funder",
            "INDH",
            "--amount",
            "50000",
            "--start",
            "2025-03-01",
            "--end",
            "2025-10-31",
            "--unrestricted",
        ],
        &[
            "record",
            "--date",
            "2025-01-20",
            "--desc",
            "Subvention CMM, tranche 1",
            "--ref",
            "BQ-01",
            "--post",
            "5141 60000.00",
            "--post",
            "7161 -60000.00 grant=CMM-2025",
        ],
        &[
            "record",
            "--date",
            "2025-02-13",
            "--desc",
            "Salle et pauses-café",
            "--post",
            "6126 4500.00 grant=CMM-2025 line=training memo=salle et pauses",
            "--post",
            "5141",
        ],
        &["key", "generate", key],
        &[
            "officer",
            "add",
            "fatima",
            "--name",
            "Fatima",
            "--role",
            "treasurer",
            "--key",
            &public,
        ],
    ];
    for args in steps {
        ok(&l, args);
    }
    let sealed = ok(
        &l,
        &[
            "seal",
            "--month",
            "2025-02",
            "--bank",
            "5141=55500.00@Relevé 02/2025",
            "--sign",
            key,
        ],
    );
    let fingerprint = sealed.lines().last().unwrap().to_string();
    (dir, l, fingerprint)
}

#[test]
fn listings_read_as_recorded() {
    let (dir, l, fingerprint) = small_ledger();
    let cases: &[&[&str]] = &[
        &["balance"],
        &["balance", "--as-of", "2025-01-31"],
        &["balance", "--grant", "CMM-2025", "--format", "csv"],
        &["journal"],
        &[
            "journal",
            "--account",
            "61",
            "--from",
            "2025-02-01",
            "--to",
            "2025-02-28",
        ],
        &["log"],
        &["log", "--kind", "seal"],
        &["account", "list"],
        &["account", "list", "--prefix", "5"],
        &["funder", "list"],
        &["grant", "list"],
        &["grant", "list", "--grant", "CMM-2025"],
        &["verify"],
        &["verify", "--format", "json"],
    ];
    let mut all = String::new();
    for args in cases {
        let o = run(&l, args);
        let out = format!("{}{}", stdout(&o), stderr(&o))
            .replace(&dir.path().display().to_string(), "$DIR")
            .replace(&fingerprint, "SEAL-FING-ERPR-INT_");
        all.push_str(&format!(
            "$ amana {}\nexit {}\n{}\n",
            args.join(" "),
            o.status.code().unwrap_or(-1),
            redact(&out)
        ));
    }
    insta::assert_snapshot!("listings", all);
}

/// What the command line reads before the application does, and the rules it handed to the
/// application (closing accounts, filters, the files it reads and writes): each refusal, its
/// exit status and its words.
#[test]
fn command_line_refusals_read_as_recorded() {
    let fx = Fixture::new();
    let l = fx.path();
    let not_a_receipt = fx.file("not-a-receipt.json", b"{\"format\": 1}");
    let taken = fx.file("taken.json", b"{}");
    let bundle = fx.dir.path().join("bundle");
    ok(l, &["export", "audit", bundle.to_str().unwrap()]);
    let (not_a_receipt, taken, bundle) = (
        not_a_receipt.to_str().unwrap(),
        taken.to_str().unwrap(),
        bundle.to_str().unwrap(),
    );
    let missing = fx.dir.path().join("missing.db");
    let missing = missing.to_str().unwrap();
    let on_ledger: &[&[&str]] = &[
        &["close", "--year", "2025", "--dedicated-account", "1191"],
        &["close", "--year", "2025", "--charge-account", "6593"],
        &["allocate-result", "--year", "2024", "--to", "1161"],
        &["allocate-result", "--year", "2024"],
        &[
            "account", "add", "5142", "--name", "x", "--type", "asset", "--label", "ar",
        ],
        &["seal", "--bank", "5141=100.00"],
        &["seal", "--bank", "5141@x"],
        &["seal", "--through", "2026-02-30"],
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "",
            "--post",
            "7161",
        ],
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "5141 1 2",
        ],
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "5141 1 gant=X",
        ],
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "5141 1 orig=9",
        ],
        &["reverse", "2", "--date", "2026-02-30", "--reason", "x"],
        &["lock", "--through", "2026-13-01", "--reason", "x"],
        &["balance", "--as-of", "2026-02-30"],
        &["balance", "--grant", "NOPE"],
        &["journal", "--to", "31/01/2026"],
        &["journal", "--grant", " NOPE "],
        &["verify", "--anchor", "12:abc"],
        &["verify", "--seal", "NOT-A-SEAL"],
        &["verify", "--bundle", "nowhere"],
        &[
            "verify-receipt",
            not_a_receipt,
            "--seal",
            "7KQF-3MZA-PX2D-9RTB",
        ],
        &["receipt", "member", "1", "--out", taken],
        &[
            "sign", "1", "--key", "k.pem", "--bundle", bundle, "--out", taken,
        ],
    ];
    let mut cases: Vec<(&str, Vec<&str>)> = on_ledger
        .iter()
        .map(|a| (l.to_str().unwrap(), a.to_vec()))
        .collect();
    cases.push((
        bundle,
        vec![
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "5141 1",
            "--post",
            "7161",
        ],
    ));
    cases.push((missing, vec!["balance"]));
    cases.push((missing, vec!["verify"]));
    let mut all = String::new();
    for (ledger, args) in &cases {
        let o = run(std::path::Path::new(ledger), args);
        let err = stderr(&o).replace(&fx.dir.path().display().to_string(), "$DIR");
        let shown: Vec<String> = args
            .iter()
            .map(|a| a.replace(&fx.dir.path().display().to_string(), "$DIR"))
            .collect();
        all.push_str(&format!(
            "$ amana --ledger {} {}\nexit {}\n{}{}\n",
            ledger.replace(&fx.dir.path().display().to_string(), "$DIR"),
            shown.join(" "),
            o.status.code().unwrap_or(-1),
            stdout(&o),
            err
        ));
    }
    insta::assert_snapshot!("command_line_refusals", all);
}

/// A key generated while a passphrase waits in the environment, unused: the warning.
#[test]
fn an_unused_passphrase_is_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k.pem");
    let o = amana(&dir.path().join("none.db"))
        .env("AMANA_PASSPHRASE", "secret")
        .args(["key", "generate"])
        .arg(&key)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!("unused_passphrase", stderr(&o));
}
