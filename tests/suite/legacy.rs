//! A ledger written by an earlier release (tests/fixtures/v0.1, made by
//! tests/fixtures/make-v0.1-ledger.sh with the binary of commit 4ae7dab: before policies, when
//! a seal locked its month and one approval made an officer) keeps verifying, and keeps being
//! written to, under the rules it was written with.

use crate::common;

use std::path::{Path, PathBuf};

use common::*;

/// A copy of the fixture (the ledger, its receipts and its officers' keys) in a fresh folder.
fn legacy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v0.1");
    copy(&from, dir.path());
    let ledger = dir.path().join("amana.db");
    (dir, ledger)
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

#[test]
fn a_ledger_of_an_earlier_release_verifies_in_both_verifiers() {
    let (_dir, l) = legacy();
    let (code, v) = verify_json(&l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(v["entries"], 81, "{v:#}");
    assert_eq!(
        v["head"],
        "6a0307da1ccb3a486470737851d2f3a30209c4876fff8ab746f3c61af5b3fbf0"
    );
    let seals = v["seals"].as_array().unwrap();
    assert_eq!(seals.len(), 2);
    assert!(seals.iter().all(|s| s["valid"] == true), "{v:#}");
    // Samira, approved by one officer as the rules then said, signed the closing seal.
    assert_eq!(
        seals[1]["signed_by"],
        serde_json::json!(["fatima", "samira"])
    );
    let (pcode, p) = python_verify_json(&[l.to_str().unwrap()]);
    assert_eq!(pcode, Some(0), "{p:#}");
    assert_eq!(p["ok"], true, "{p:#}");
    assert_eq!(p["head"], v["head"]);
}

#[test]
fn a_ledger_of_an_earlier_release_is_written_to_under_its_rules() {
    let (dir, l) = legacy();
    let key = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    // Its closed year stays closed; the open one takes entries (the schema is migrated).
    let err = fails(
        &l,
        &[
            "record",
            "--date",
            "2025-06-01",
            "--desc",
            "oubli",
            "--post",
            "6100 10",
            "--post",
            "1000",
        ],
        2,
    );
    assert!(err.contains("locked through 2025-12-31"), "{err}");
    ok(
        &l,
        &[
            "record",
            "--date",
            "2026-02-01",
            "--desc",
            "Cotisations",
            "--post",
            "1000 100",
            "--post",
            "4100",
        ],
    );
    // Without a policy, a seal of a month still locks it, as it did; and its bank balance may
    // be that of everything recorded (800.00, February included), as seals were checked then,
    // or that of the month's end (700.00).
    ok(
        &l,
        &["seal", "--month", "2026-01", "--bank", "1000=800.00@Caisse"],
    );
    let err = fails(
        &l,
        &[
            "record",
            "--date",
            "2026-01-20",
            "--desc",
            "oubli",
            "--post",
            "6100 10",
            "--post",
            "1000",
        ],
        2,
    );
    assert!(err.contains("locked through 2026-01-31"), "{err}");
    // Without a policy, one officer's signature still makes a decision (here a lock), and an
    // officer is still approved by one.
    let out = ok(
        &l,
        &[
            "lock",
            "--through",
            "2026-02-28",
            "--reason",
            "février arrêté",
            "--sign",
            &key("tresoriere.pem"),
        ],
    );
    assert!(out.contains("It is in effect"), "{out}");
    // Its officers adopt a policy of two: from now on, decisions take two signatures.
    let out = ok(
        &l,
        &["policy", "--quorum", "2", "--sign", &key("president.pem")],
    );
    assert!(out.contains("It is in effect"), "{out}");
    let out = ok(
        &l,
        &[
            "reopen",
            "--year",
            "2025",
            "--reason",
            "facture tardive",
            "--sign",
            &key("tresoriere.pem"),
        ],
    );
    assert!(out.contains("takes effect once 1 more officer"), "{out}");
    let (code, v) = verify_json(&l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
}

/// A year closed the earlier way (its restricted result to a net-assets account), reopened and
/// closed again with dedicated funds: the restricted money already set aside counts as carried,
/// so it is not charged to the year a second time (CHAIN.md rule 14a).
#[test]
fn a_year_closed_the_earlier_way_does_not_carry_its_restricted_money_twice() {
    let (dir, l) = legacy();
    let key = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    ok(
        &l,
        &[
            "reopen",
            "--year",
            "2025",
            "--reason",
            "contrôle",
            "--sign",
            &key("tresoriere.pem"),
        ],
    );
    for (code, kind) in [
        ("2500", "liability"),
        ("6950", "expense"),
        ("4950", "income"),
    ] {
        ok(
            &l,
            &["account", "add", code, "--type", kind, "--name", code],
        );
    }
    let preview = ok(&l, &["close", "--year", "2025", "--dry-run"]);
    assert!(preview.contains("no closing entry"), "{preview}");
    assert!(preview.contains("own: 0.00 MAD"), "{preview}");
    // 500 more spent on the grant in 2025: released from what the earlier closing set aside,
    // so the year's own result stays nothing.
    ok(
        &l,
        &[
            "record",
            "--date",
            "2025-12-20",
            "--desc",
            "Formation",
            "--post",
            "5100 500 grant=CMM-2025",
            "--post",
            "1010",
        ],
    );
    ok(
        &l,
        &[
            "close",
            "--year",
            "2025",
            "--sign",
            &key("tresoriere.pem"),
            "--sign",
            &key("president.pem"),
        ],
    );
    let balance: serde_json::Value = serde_json::from_str(&ok(
        &l,
        &["balance", "--as-of", "2025-12-31", "--format", "json"],
    ))
    .unwrap();
    let of = |code: &str| {
        balance["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["code"] == code)
            .map(|a| a["balance"].as_str().unwrap().to_string())
    };
    assert_eq!(of("2500").as_deref(), Some("500.00"), "{balance:#}");
    assert_eq!(of("3100").as_deref(), Some("-19500.00"), "{balance:#}");
    assert_eq!(of("3900"), None, "no result: {balance:#}");
    let (code, v) = verify_json(&l, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    let (code, py) = crate::common::python_verify_json(&[l.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{py:#}");
}
