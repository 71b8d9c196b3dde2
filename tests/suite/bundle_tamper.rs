//! A tampered audit bundle (`amana export audit DIR`), checked by both verifiers:
//! `amana verify --bundle` and `examples/verify_chain.py --bundle`. Each edit of chain.jsonl
//! (a body edited, an entry rewritten with every hash recomputed, lines cut, reordered or
//! deleted), a wrong anchor and an altered or missing receipt must make both exit 1 with the
//! same findings, at the same entries.

use crate::common;

use std::path::{Path, PathBuf};

use common::{demo, finding_set, ok, python_verify_json};
use serde_json::Value;
use sha2::{Digest, Sha256};
use tempfile::TempDir;

struct Bundle {
    _dir: TempDir,
    ledger: PathBuf,
    path: PathBuf,
    /// `ENTRIES:HEAD` of the ledger when the bundle was written.
    anchor: String,
    entries: i64,
}

fn bundle() -> Bundle {
    let (dir, ledger) = demo();
    let path = dir.path().join("bundle");
    ok(&ledger, &["export", "audit", path.to_str().unwrap()]);
    let (code, v) = common::verify_json(&ledger, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    Bundle {
        anchor: format!("{}:{}", v["entries"], v["head"].as_str().unwrap()),
        entries: v["entries"].as_i64().unwrap(),
        _dir: dir,
        ledger,
        path,
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A copy of the bundle whose chain.jsonl lines (one JSON object each) went through `edit`.
fn tampered(b: &Bundle, name: &str, edit: impl FnOnce(&mut Vec<Value>)) -> PathBuf {
    let copy = b.path.parent().unwrap().join(name);
    copy_dir(&b.path, &copy);
    let file = copy.join("chain.jsonl");
    let mut lines: Vec<Value> = std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let before = lines.clone();
    edit(&mut lines);
    assert_ne!(before, lines, "{name}: the edit changed nothing");
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&file, text).unwrap();
    copy
}

/// Makes the summaries of a bundle whose chain.jsonl lost its last lines say what a forger
/// would have them say: ledger.json's `entries` and `head` those of the last line, and no
/// officer, seal or seal signature after it.
fn summaries_end_at_the_last_line(bundle: &Path) {
    let text = std::fs::read_to_string(bundle.join("chain.jsonl")).unwrap();
    let last: Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    let last_seq = last["seq"].as_i64().unwrap();
    let edit = |name: &str, f: &dyn Fn(&mut Value)| {
        let path = bundle.join(name);
        let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        f(&mut v);
        std::fs::write(&path, v.to_string()).unwrap();
    };
    let kept = |v: &Value| v["seq"].as_i64().unwrap() <= last_seq;
    edit("ledger.json", &|v| {
        v["entries"] = last["seq"].clone();
        v["head"] = last["chain"].clone();
    });
    edit("officers.json", &|v| v.as_array_mut().unwrap().retain(kept));
    edit("seals.json", &|v| {
        let seals = v.as_array_mut().unwrap();
        seals.retain(kept);
        for s in seals {
            s["signatures"].as_array_mut().unwrap().retain(kept);
        }
    });
}

fn line_of(lines: &mut [Value], seq: i64) -> &mut Value {
    lines
        .iter_mut()
        .find(|l| l["seq"] == seq)
        .unwrap_or_else(|| panic!("no entry {seq}"))
}

/// Recomputes entry_hash, prev and chain of every line from `from_seq` on (schema/CHAIN.md
/// section 1), as a forger who edited a body would.
fn rehash_from(lines: &mut [Value], from_seq: i64) {
    let mut prev: Vec<u8> = vec![0; 32];
    for l in lines.iter_mut() {
        let seq = l["seq"].as_i64().unwrap();
        if seq >= from_seq {
            let body = hex::decode(l["body"].as_str().unwrap()).unwrap();
            let entry_hash = Sha256::new()
                .chain_update(b"amana/v1/entry\0")
                .chain_update(&body)
                .finalize()
                .to_vec();
            let chain = Sha256::new()
                .chain_update(b"amana/v1/chain\0")
                .chain_update((seq as u64).to_be_bytes())
                .chain_update(&prev)
                .chain_update(&entry_hash)
                .finalize()
                .to_vec();
            l["entry_hash"] = Value::from(hex::encode(&entry_hash));
            l["prev"] = Value::from(hex::encode(&prev));
            l["chain"] = Value::from(hex::encode(&chain));
        }
        prev = hex::decode(l["chain"].as_str().unwrap()).unwrap();
    }
}

/// Runs both verifiers on the bundle; asserts both exit with `code` and report the same
/// findings at the same entries; returns amana's report.
fn both(bundle: &Path, extra: &[&str], code: i32) -> Value {
    let dir = bundle.to_str().unwrap();
    let mut args = vec!["--bundle", dir];
    args.extend_from_slice(extra);
    let (ours_code, ours) = common::verify_json(Path::new("unused.db"), &args);
    let (theirs_code, theirs) = python_verify_json(&args);
    assert_eq!(ours_code, Some(code), "amana: {ours:#}");
    assert_eq!(theirs_code, Some(code), "verify_chain.py: {theirs:#}");
    assert_eq!(
        finding_set(&ours),
        finding_set(&theirs),
        "the verifiers disagree\nours: {:#}\ntheirs: {:#}",
        ours["problems"],
        theirs["problems"]
    );
    for field in [
        "entries",
        "head",
        "signed_through",
        "anchored_through",
        "seals",
    ] {
        assert_eq!(ours[field], theirs[field], "they disagree on {field}");
    }
    ours
}

fn has(v: &Value, seq: i64, kind: &str) -> bool {
    finding_set(v).contains(&(seq, kind.to_string()))
}

fn assert_has(v: &Value, seq: i64, kind: &str) {
    assert!(
        has(v, seq, kind),
        "expected {kind} at {seq}: {:#}",
        v["problems"]
    );
}

fn first_seal_after(b: &Bundle, seq: i64) -> i64 {
    rusqlite::Connection::open(&b.ledger)
        .unwrap()
        .query_row("SELECT min(seq) FROM seals WHERE seq > ?1", [seq], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn an_intact_bundle_verifies_in_both_with_its_anchor() {
    let b = bundle();
    let v = both(&b.path, &["--anchor", &b.anchor], 0);
    assert_eq!(v["anchored_through"], b.entries);
}

#[test]
fn an_edited_body_is_caught_by_both() {
    let b = bundle();
    let copy = tampered(&b, "body", |lines| {
        let l = line_of(lines, 700);
        let mut body = hex::decode(l["body"].as_str().unwrap()).unwrap();
        body[40] ^= 0x01;
        l["body"] = Value::from(hex::encode(body));
    });
    let v = both(&copy, &[], 1);
    assert_has(&v, 700, "content-modified");
}

#[test]
fn a_rewritten_entry_with_every_hash_recomputed_is_caught_by_the_seal_and_the_anchor() {
    let b = bundle();
    let seq = 700;
    let copy = tampered(&b, "rewritten", |lines| {
        let l = line_of(lines, seq);
        let body = hex::decode(l["body"].as_str().unwrap()).unwrap();
        let base = amana::domain::Currency {
            code: "MAD".into(),
            exponent: 2,
        };
        let mut entry = amana::chain::ChainEntry::decode(&body, Some(&base)).unwrap();
        let amana::chain::Record::Entry(e) = &mut entry.record else {
            panic!("entry {seq} is not a transaction")
        };
        let mut p = e.postings().to_vec();
        p[0].amount.0 += 100;
        let last = p.len() - 1;
        p[last].amount.0 -= 100;
        *e = amana::domain::Entry::new(e.header.clone(), p, &base).unwrap();
        l["body"] = Value::from(hex::encode(entry.encode()));
        rehash_from(lines, seq);
    });
    let seal = first_seal_after(&b, seq);
    let v = both(&copy, &[], 1);
    assert_has(&v, seal, "seal-mismatch");
    assert!(
        !finding_set(&v)
            .iter()
            .any(|(_, k)| k == "content-modified" || k == "link-broken"),
        "the hashes were recomputed: {:#}",
        v["problems"]
    );
    let v = both(&copy, &["--anchor", &b.anchor], 1);
    assert_has(&v, b.entries, "rewritten");
}

#[test]
fn a_cut_bundle_is_caught_by_the_anchor_or_as_truncated() {
    let b = bundle();
    // The last entry cut, and the summaries made to say so: consistent on its own, so only
    // the published head catches it.
    let copy = tampered(&b, "cut-last", |lines| {
        lines.pop();
    });
    summaries_end_at_the_last_line(&copy);
    both(&copy, &[], 0);
    let v = both(&copy, &["--anchor", &b.anchor], 1);
    assert_has(&v, b.entries, "rolled-back");
    // Cut inside an import: the chain itself says entries are missing.
    let import: i64 = rusqlite::Connection::open(&b.ledger)
        .unwrap()
        .query_row("SELECT max(seq) FROM imports", [], |r| r.get(0))
        .unwrap();
    let copy = tampered(&b, "cut-import", |lines| {
        lines.retain(|l| l["seq"].as_i64().unwrap() <= import + 2)
    });
    let v = both(&copy, &[], 1);
    assert_has(&v, import, "truncated");
}

#[test]
fn reordered_or_deleted_lines_are_caught_by_both() {
    let b = bundle();
    let copy = tampered(&b, "swapped", |lines| {
        let i = lines.iter().position(|l| l["seq"] == 700).unwrap();
        lines.swap(i, i + 1);
    });
    // Lines out of order: one finding, and the chain (checked in seq order) is intact.
    let v = both(&copy, &[], 1);
    assert_has(&v, 700, "reordered");
    common::assert_kinds_exactly(&v, &["reordered"]);
    assert_eq!(v["problems"].as_array().unwrap().len(), 1, "{v:#}");
    // Two entries exchange their positions (their seq fields swapped): each is at the other's
    // place, and the links break.
    let copy = tampered(&b, "exchanged", |lines| {
        let i = lines.iter().position(|l| l["seq"] == 700).unwrap();
        lines[i]["seq"] = Value::from(701);
        lines[i + 1]["seq"] = Value::from(700);
        lines.swap(i, i + 1);
    });
    let v = both(&copy, &[], 1);
    assert_has(&v, 700, "reordered");
    assert_has(&v, 701, "reordered");
    assert_has(&v, 700, "link-broken");
    let copy = tampered(&b, "deleted", |lines| lines.retain(|l| l["seq"] != 700));
    let v = both(&copy, &[], 1);
    assert_has(&v, 700, "deleted");
    assert_has(&v, 701, "link-broken");
    // The missing entry took its number in its import batch: the next is not out of sequence.
    assert!(!has(&v, 701, "rule-violation"), "{:#}", v["problems"]);
}

#[test]
fn a_wrong_anchor_is_caught_by_both() {
    let b = bundle();
    let wrong = format!("{}:{}", b.entries, "ab".repeat(32));
    let v = both(&b.path, &["--anchor", &wrong], 1);
    assert_has(&v, b.entries, "rewritten");
    common::assert_kinds_exactly(&v, &["rewritten"]);
    let beyond = format!("{}:{}", b.entries + 5, "ab".repeat(32));
    let v = both(&b.path, &["--anchor", &beyond], 1);
    assert_has(&v, b.entries + 5, "rolled-back");
}

#[test]
fn an_altered_or_missing_receipt_is_caught_by_both() {
    let b = bundle();
    let receipt: i64 = rusqlite::Connection::open(&b.ledger)
        .unwrap()
        .query_row("SELECT min(seq) FROM receipts", [], |r| r.get(0))
        .unwrap();
    let copy = b.path.parent().unwrap().join("receipt");
    copy_dir(&b.path, &copy);
    let file = walk(&copy.join("receipts")).pop().expect("a receipt");
    let bytes = std::fs::read(&file).unwrap();
    // Not a regular file, or the right bytes and more: not the receipt, and never read
    // beyond its recorded size (a FIFO would block a reader that opens it to read it all).
    let aside = copy.join("aside");
    std::fs::write(&aside, &bytes).unwrap();
    let not_the_receipt: [(&str, &dyn Fn()); 4] = [
        ("a folder", &|| std::fs::create_dir(&file).unwrap()),
        ("a link to the right bytes", &|| {
            std::os::unix::fs::symlink(&aside, &file).unwrap()
        }),
        ("a FIFO", &|| {
            let o = std::process::Command::new("mkfifo")
                .arg(&file)
                .output()
                .unwrap();
            assert!(o.status.success());
        }),
        ("one byte more", &|| {
            std::fs::write(&file, [&bytes[..], b"\n"].concat()).unwrap()
        }),
    ];
    for (what, make) in not_the_receipt {
        if file.is_dir() {
            std::fs::remove_dir(&file).unwrap();
        } else {
            std::fs::remove_file(&file).unwrap();
        }
        make();
        let v = both(&copy, &[], 1);
        assert_has(&v, receipt, "receipt-altered");
        common::assert_kinds_exactly(&v, &["receipt-altered"]);
        assert!(v.to_string().contains("receipt"), "{what}: {v:#}");
    }
    std::fs::remove_file(&file).unwrap();
    std::fs::write(&file, b"Quittance: 0 MAD\n").unwrap();
    let v = both(&copy, &[], 1);
    assert_has(&v, receipt, "receipt-altered");
    common::assert_kinds_exactly(&v, &["receipt-altered"]);
    std::fs::remove_file(&file).unwrap();
    let v = both(&copy, &[], 1);
    assert_has(&v, receipt, "receipt-missing");
    common::assert_kinds_exactly(&v, &["receipt-missing"]);
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}
