//! Golden texts (issue 7: the moves to come, and the move to templates, are checked byte for
//! byte against them): the help of every command, and what a refusal says. A change of wording
//! is reviewed as a snapshot diff (`cargo insta review`, or set INSTA_UPDATE=always and read
//! `git diff`).

mod common;

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
    &["backup"],
    &["restore"],
    &["demo"],
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
            "--restricted-account",
            "1111",
            "--unrestricted-account",
            "1111",
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
