//! The audit bundle as an auditor receives it: its summaries are checked against its chain by
//! both verifiers, its README's commands run as written from inside it, it holds the Python
//! verifier, amana's listings read it as a ledger (and refuse to write to it), and a seal's
//! published fingerprint anchors a ledger or a bundle. Real binary, real files.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{Fixture, ok, run, stdout};
use serde_json::{Value, json};

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

fn python(args: &[&str]) -> Output {
    Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/verify_chain.py"))
        .args(args)
        .output()
        .expect("python3 is required for this test")
}

/// The fixture's ledger with two founding officers, a receipt, a seal signed by both, and a
/// transaction after it. Returns (fixture, seal fingerprint, seal seq).
fn sealed() -> (Fixture, String, i64) {
    let fx = Fixture::new();
    let l = fx.path();
    for (id, role) in [("fatima", "treasurer"), ("ahmed", "president")] {
        let key = fx.dir.path().join(format!("{id}.pem"));
        ok(l, &["key", "generate", key.to_str().unwrap()]);
        ok(
            l,
            &[
                "officer",
                "add",
                id,
                "--name",
                id,
                "--role",
                role,
                "--key",
                &format!("{}.pub", key.display()),
            ],
        );
    }
    let doc = fx.file("facture.txt", b"Facture 118: salle et pauses-cafe");
    ok(l, &["receipt", "attach", "2", doc.to_str().unwrap()]);
    let fatima = fx.dir.path().join("fatima.pem");
    let ahmed = fx.dir.path().join("ahmed.pem");
    let out = ok(
        l,
        &[
            "seal",
            "--sign",
            fatima.to_str().unwrap(),
            "--sign",
            ahmed.to_str().unwrap(),
        ],
    );
    let fingerprint = out.lines().last().unwrap().trim().to_string();
    ok(
        l,
        &[
            "record",
            "--date",
            "2026-03-05",
            "--desc",
            "Loyer mars",
            "--post",
            "6131 4000 grant=CMM-2026 line=rent",
            "--post",
            "5141",
        ],
    );
    let v = parse(&ok(l, &["verify", "--format", "json"]));
    let seq = v["seals"][0]["seq"].as_i64().unwrap();
    (fx, fingerprint, seq)
}

fn export(fx: &Fixture, name: &str) -> PathBuf {
    let dir = fx.dir.path().join(name);
    ok(fx.path(), &["export", "audit", dir.to_str().unwrap()]);
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Both verifiers on a bundle: (amana's exit status and JSON, Python's).
fn verify_both(bundle: &Path, extra: &[&str]) -> ((Option<i32>, Value), (Option<i32>, Value)) {
    let nowhere = bundle.with_file_name("no-ledger.db");
    let mut args = vec![
        "verify",
        "--bundle",
        bundle.to_str().unwrap(),
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let ours = run(&nowhere, &args);
    let mut pargs = vec!["--bundle", bundle.to_str().unwrap(), "--json"];
    pargs.extend_from_slice(extra);
    let theirs = python(&pargs);
    (
        (ours.status.code(), parse(&stdout(&ours))),
        (
            theirs.status.code(),
            parse(&String::from_utf8_lossy(&theirs.stdout)),
        ),
    )
}

fn findings(v: &Value, kind: &str) -> Vec<String> {
    v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == kind)
        .map(|p| p["detail"].as_str().unwrap().to_string())
        .collect()
}

fn edit_json(path: &Path, f: impl FnOnce(&mut Value)) {
    let mut v = parse(&std::fs::read_to_string(path).unwrap());
    f(&mut v);
    std::fs::write(path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

#[test]
fn forged_bundle_summaries_are_findings_in_both_verifiers() {
    let (fx, _, _) = sealed();
    let bundle = export(&fx, "bundle");
    // The intact bundle passes both, so that each case below fails because of its edit alone.
    let ((code, v), (pcode, pv)) = verify_both(&bundle, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(pcode, Some(0), "{pv:#}");

    type Edit = Box<dyn Fn(&Path)>;
    let forged_key = "ab".repeat(32);
    let cases: Vec<(&str, Edit, &[&str])> = vec![
        (
            "seal fingerprint",
            Box::new(|b| {
                edit_json(&b.join("seals.json"), |v| {
                    v[0]["fingerprint"] = json!("7W69-RMDN-9JJF-8F5W")
                })
            }),
            &["seals.json", "fingerprint", "7W69-RMDN-9JJF-8F5W"],
        ),
        (
            "seal coverage",
            Box::new(|b| edit_json(&b.join("seals.json"), |v| v[0]["covered"] = json!(3))),
            &["seals.json", "covered"],
        ),
        (
            "signature's officer",
            Box::new(|b| {
                edit_json(&b.join("seals.json"), |v| {
                    v[0]["signatures"][1]["officer"] = json!("fatima")
                })
            }),
            &["seals.json", "signatures", "officer"],
        ),
        (
            "officer key",
            Box::new(move |b| {
                let k = forged_key.clone();
                edit_json(&b.join("officers.json"), |v| v[0]["public_key"] = json!(k))
            }),
            &["officers.json", "public_key", "abab"],
        ),
        (
            "officer role",
            Box::new(|b| {
                edit_json(&b.join("officers.json"), |v| {
                    v[1]["role"] = json!("auditor")
                })
            }),
            &["officers.json", "role"],
        ),
        (
            "ledger name",
            Box::new(|b| {
                edit_json(&b.join("ledger.json"), |v| {
                    v["name"] = json!("Autre association")
                })
            }),
            &["ledger.json", "name", "Autre association"],
        ),
        (
            "ledger head",
            Box::new(|b| {
                edit_json(&b.join("ledger.json"), |v| {
                    v["head"] = json!("00".repeat(32))
                })
            }),
            &["ledger.json", "head"],
        ),
        (
            "ledger entries",
            Box::new(|b| edit_json(&b.join("ledger.json"), |v| v["entries"] = json!(9999))),
            &["ledger.json", "entries"],
        ),
        (
            "officer removed",
            Box::new(|b| {
                edit_json(&b.join("officers.json"), |v| {
                    v.as_array_mut().unwrap().remove(0);
                })
            }),
            &["officers.json", "missing"],
        ),
        (
            "officer added",
            Box::new(|b| {
                edit_json(&b.join("officers.json"), |v| {
                    let mut extra = v[0].clone();
                    extra["seq"] = json!(9999);
                    extra["id"] = json!("intrus");
                    v.as_array_mut().unwrap().push(extra);
                })
            }),
            &["officers.json", "9999", "added"],
        ),
        (
            "signature added",
            Box::new(|b| {
                edit_json(&b.join("seals.json"), |v| {
                    let mut extra = v[0]["signatures"][0].clone();
                    extra["seq"] = json!(9998);
                    v[0]["signatures"].as_array_mut().unwrap().push(extra);
                })
            }),
            &["seals.json", "9998", "added"],
        ),
        (
            "field added",
            Box::new(|b| {
                edit_json(&b.join("ledger.json"), |v| {
                    v["verified_by"] = json!("the auditor")
                })
            }),
            &["ledger.json", "verified_by", "added"],
        ),
        (
            "seals.json removed",
            Box::new(|b| std::fs::remove_file(b.join("seals.json")).unwrap()),
            &["seals.json", "cannot be read"],
        ),
        (
            "ledger.json not JSON",
            Box::new(|b| std::fs::write(b.join("ledger.json"), "{\"name\": ").unwrap()),
            &["ledger.json", "not JSON"],
        ),
    ];
    for (name, edit, words) in cases {
        let copy = fx
            .dir
            .path()
            .join(format!("forged-{}", name.replace(' ', "-")));
        copy_dir(&bundle, &copy);
        edit(&copy);
        let ((code, v), (pcode, pv)) = verify_both(&copy, &[]);
        for (who, code, v) in [("amana", code, &v), ("python", pcode, &pv)] {
            assert_eq!(code, Some(1), "{name}: {who} must fail: {v:#}");
            let found = findings(v, "metadata-mismatch");
            assert!(
                found.iter().any(|d| words.iter().all(|w| d.contains(w))),
                "{name}: {who} must name {words:?} in a metadata-mismatch: {:#}",
                v["problems"]
            );
            // Only the summary was forged: the chain itself is intact.
            assert!(
                v["problems"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|p| p["kind"] == "metadata-mismatch"),
                "{name}: {who}: {:#}",
                v["problems"]
            );
        }
    }
}

#[test]
fn the_readme_commands_run_as_written_inside_the_bundle() {
    let (fx, _, _) = sealed();
    let bundle = export(&fx, "bundle");
    let readme = std::fs::read_to_string(bundle.join("README.txt")).unwrap();
    let verifier = std::fs::read(bundle.join("verify_chain.py")).unwrap();
    let shipped =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/verify_chain.py"))
            .unwrap();
    assert!(
        verifier == shipped,
        "the bundle carries the shipped verifier"
    );
    let commands: Vec<&str> = readme
        .lines()
        .filter(|l| l.starts_with("    amana ") || l.starts_with("    python3 "))
        .map(str::trim)
        .collect();
    assert!(commands.len() >= 8, "{readme}");
    for wanted in [
        "amana verify --bundle .",
        "python3 verify_chain.py --bundle .",
        "amana --ledger . balance",
        "amana --ledger . journal",
    ] {
        assert!(commands.contains(&wanted), "{wanted} in {readme}");
    }
    let amana_bin = assert_cmd::cargo::cargo_bin("amana");
    for line in commands {
        let words: Vec<&str> = line.split_whitespace().collect();
        let mut cmd = match words[0] {
            "amana" => Command::new(&amana_bin),
            other => Command::new(other),
        };
        let o = cmd
            .args(&words[1..])
            .current_dir(&bundle)
            .env_remove("AMANA_LEDGER")
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "`{line}` failed ({:?}):\n{}{}",
            o.status.code(),
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

/// A listing's JSON without what names where and when it was read.
fn listing(path: &Path, args: &[&str]) -> Value {
    let mut v = parse(&ok(path, args));
    if let Some(p) = v.get_mut("provenance").and_then(Value::as_object_mut) {
        p.remove("generated");
        p.remove("ledger");
    }
    v
}

#[test]
fn listings_read_a_bundle_as_they_read_the_ledger() {
    let (fx, _, _) = sealed();
    let bundle = export(&fx, "bundle");
    for args in [
        &["balance", "--format", "json"][..],
        &["balance", "--as-of", "2026-01-31", "--format", "json"],
        &["journal", "--format", "json"],
        &["log", "--format", "json"],
        &["account", "list", "--format", "json"],
        &["grant", "list", "--format", "json"],
        &["funder", "list", "--format", "json"],
    ] {
        assert_eq!(
            listing(&bundle, args),
            listing(fx.path(), args),
            "{args:?} differs"
        );
    }
    // verify with --ledger naming the bundle verifies the bundle.
    let v = parse(&ok(&bundle, &["verify", "--format", "json"]));
    assert_eq!(v["ok"], true);
    assert_eq!(v["seals"][0]["signed_by"], json!(["fatima", "ahmed"]));
}

/// Every file of a folder, with its bytes.
fn contents(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(contents(&p));
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn a_bundle_is_never_written_and_a_forged_one_is_not_listed() {
    let (fx, _, _) = sealed();
    let bundle = export(&fx, "bundle");
    let before = contents(&bundle);
    let doc = fx.file("autre.txt", b"autre");
    for args in [
        &[
            "record",
            "--date",
            "2026-03-06",
            "--desc",
            "x",
            "--post",
            "5141 1",
            "--post",
            "7161",
        ][..],
        &[
            "account", "add", "51411", "--name", "Banque", "--type", "asset",
        ],
        &["receipt", "attach", "1", doc.to_str().unwrap()],
        &["export", "audit", "elsewhere"],
        &["backup", "elsewhere.tar"],
        &["receipt", "show", "1"],
    ] {
        let o = run(&bundle, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("is an audit bundle"),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    assert_eq!(contents(&bundle), before, "the bundle was changed");
    // A bundle whose chain was edited is verified before anything is listed from it.
    let chain = bundle.join("chain.jsonl");
    let text = std::fs::read_to_string(&chain).unwrap();
    let forged = text.replacen(
        &hex::encode("Subvention CMM"),
        &hex::encode("Subvention XXX"),
        1,
    );
    assert_ne!(text, forged);
    std::fs::write(&chain, forged).unwrap();
    let o = run(&bundle, &["balance"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("does not verify"));
}

#[test]
fn a_published_seal_fingerprint_anchors_ledgers_and_bundles() {
    let (fx, fingerprint, seal_seq) = sealed();
    let l = fx.path();
    // As a person types it: lower case, no dashes, O for 0.
    let typed = fingerprint
        .to_lowercase()
        .replace('-', "")
        .replace('0', "o");
    let v = parse(&ok(l, &["verify", "--seal", &typed, "--format", "json"]));
    assert_eq!(v["ok"], true, "{v:#}");
    assert_eq!(v["anchored_through"], seal_seq);
    let p = python(&[l.to_str().unwrap(), "--seal", &typed, "--json"]);
    assert_eq!(p.status.code(), Some(0));
    assert_eq!(
        parse(&String::from_utf8_lossy(&p.stdout))["anchored_through"],
        seal_seq
    );
    let bundle = export(&fx, "bundle");
    let ((code, v), (pcode, pv)) = verify_both(&bundle, &["--seal", &fingerprint]);
    assert_eq!((code, pcode), (Some(0), Some(0)), "{v:#} {pv:#}");
    assert_eq!(v["anchored_through"], seal_seq);
    assert_eq!(pv["anchored_through"], seal_seq);

    // A seal the ledger does not hold (another ledger's, or one cut off): rolled-back.
    let other = "7W69-RMDN-9JJF-8F5W";
    let o = run(l, &["verify", "--seal", other, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!findings(&parse(&stdout(&o)), "rolled-back").is_empty());
    let ((code, v), (pcode, pv)) = verify_both(&bundle, &["--seal", other]);
    assert_eq!((code, pcode), (Some(1), Some(1)));
    assert!(!findings(&v, "rolled-back").is_empty(), "{v:#}");
    assert!(!findings(&pv, "rolled-back").is_empty(), "{pv:#}");

    // A copy taken before the seal, i.e. the ledger rolled back to before it.
    let early = Fixture::new();
    let o = run(
        early.path(),
        &["verify", "--seal", &fingerprint, "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(!findings(&parse(&stdout(&o)), "rolled-back").is_empty());

    // History before the seal rewritten and re-hashed, the seal's bytes kept: its
    // fingerprint still matches, but not what it committed to.
    let copy = common::tamper_copy(l, &fx.dir.path().join("rewritten"));
    let conn = common::tamper_conn(&copy);
    let seq: i64 = conn
        .query_row("SELECT seq FROM entries WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    conn.execute(
        "UPDATE log SET body = CAST(replace(CAST(body AS TEXT), 'Subvention CMM', 'Subvention XXX') AS BLOB) WHERE seq = ?1",
        [seq],
    )
    .unwrap();
    rechain(&conn, seq);
    drop(conn);
    common::restore_triggers(l, &copy);
    let with = run(
        &copy,
        &["verify", "--seal", &fingerprint, "--format", "json"],
    );
    assert_eq!(with.status.code(), Some(1));
    let with = parse(&stdout(&with));
    assert!(
        findings(&with, "rewritten")
            .iter()
            .any(|d| d.contains(&fingerprint)),
        "{with:#}"
    );
    // Without the published fingerprint, nothing says "rewritten": the finding is --seal's.
    let without = parse(&stdout(&run(&copy, &["verify", "--format", "json"])));
    assert!(findings(&without, "rewritten").is_empty(), "{without:#}");
    let p = python(&[copy.to_str().unwrap(), "--seal", &fingerprint, "--json"]);
    assert_eq!(p.status.code(), Some(1));
    assert!(!findings(&parse(&String::from_utf8_lossy(&p.stdout)), "rewritten").is_empty());

    // A fingerprint that cannot be one is a usage error in both.
    let o = run(l, &["verify", "--seal", "12-34"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        python(&[l.to_str().unwrap(), "--seal", "12-34"])
            .status
            .code(),
        Some(2)
    );
}

/// Recomputes the hashes of every log row from `from` on, as a forger would.
fn rechain(conn: &rusqlite::Connection, from: i64) {
    let rows: Vec<(i64, Vec<u8>)> = conn
        .prepare("SELECT seq, body FROM log WHERE seq >= ?1 ORDER BY seq")
        .unwrap()
        .query_map([from], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut prev: [u8; 32] = conn
        .query_row("SELECT chain FROM log WHERE seq = ?1", [from - 1], |r| {
            r.get::<_, Vec<u8>>(0)
        })
        .unwrap()
        .try_into()
        .unwrap();
    for (seq, body) in rows {
        let eh = amana::chain::entry_hash(&body);
        let ch = amana::chain::chain_hash(seq, &prev, &eh);
        conn.execute(
            "UPDATE log SET entry_hash = ?1, prev = ?2, chain = ?3 WHERE seq = ?4",
            rusqlite::params![eh.as_slice(), prev.as_slice(), ch.as_slice(), seq],
        )
        .unwrap();
        prev = ch;
    }
}

#[test]
fn a_killed_export_leaves_no_partial_bundle_and_its_debris_is_swept() {
    let (fx, _, _) = sealed();
    let parent = fx.dir.path().join("exports");
    std::fs::create_dir(&parent).unwrap();
    // What a crashed export left (a process id that is not running), and a stranger's file.
    let stale = parent.join(".amana-tmp-999999999-old");
    std::fs::create_dir(&stale).unwrap();
    std::fs::write(stale.join("chain.jsonl"), "partial").unwrap();
    let foreign = parent.join(".someone-else-tmp");
    std::fs::write(&foreign, "not ours").unwrap();
    for i in 0..8u64 {
        let dir = parent.join(format!("b{i}"));
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("amana"))
            .env_remove("AMANA_LEDGER")
            .arg("--ledger")
            .arg(fx.path())
            .args(["export", "audit", dir.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(3 * i));
        let _ = child.kill();
        let _ = child.wait();
        // Under its final name there is either nothing or a whole bundle.
        if dir.exists() {
            let ((code, v), _) = verify_both(&dir, &[]);
            assert_eq!(
                code,
                Some(0),
                "a partial bundle under {}: {v:#}",
                dir.display()
            );
        }
    }
    ok(
        fx.path(),
        &["export", "audit", parent.join("final").to_str().unwrap()],
    );
    assert!(!stale.exists(), "the crashed export's folder was swept");
    assert!(
        foreign.exists(),
        "only amana's own temporary names are swept"
    );
    let leftovers: Vec<String> = std::fs::read_dir(&parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".amana-tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
