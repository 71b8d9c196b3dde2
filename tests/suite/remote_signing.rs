//! Officers sign where they are: a seal signed from an audit bundle on another machine, the
//! signature file added by the treasurer, every refusal of it; and private keys protected by a
//! passphrase, read by the real `openssl`. Run as the real binary on real files.

use crate::common;

use amana::chain::signing;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

use amana::chain::signing::Signed;
use amana::files::keys::PrivateKey;
use common::{amana, fails, ok, snapshot, stderr, stdout};
use serde_json::Value;

const PASSPHRASE: &str = "nadia: sésame 2026";

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// Runs amana with `AMANA_PASSPHRASE` set to `passphrase` (or unset).
fn run_with(ledger: &Path, args: &[&str], passphrase: Option<&str>) -> Output {
    let mut cmd = amana(ledger);
    match passphrase {
        Some(p) => cmd.env("AMANA_PASSPHRASE", p),
        None => cmd.env_remove("AMANA_PASSPHRASE"),
    };
    cmd.args(args).output().expect("amana runs")
}

fn ok_with(ledger: &Path, args: &[&str], passphrase: &str) -> String {
    let o = run_with(ledger, args, Some(passphrase));
    assert!(
        o.status.success(),
        "amana {args:?} failed ({:?}):\n{}{}",
        o.status.code(),
        stdout(&o),
        stderr(&o)
    );
    stdout(&o)
}

fn fails_with(ledger: &Path, args: &[&str], passphrase: Option<&str>, code: i32) -> String {
    let o = run_with(ledger, args, passphrase);
    assert_eq!(
        o.status.code(),
        Some(code),
        "amana {args:?}: expected exit {code}:\n{}{}",
        stdout(&o),
        stderr(&o)
    );
    stderr(&o)
}

/// Runs amana in a new session, without a controlling terminal, as a script or a service
/// would: no passphrase can be asked.
fn run_without_terminal(ledger: &Path, args: &[&str]) -> Output {
    Process::new("setsid")
        .arg(env!("CARGO_BIN_EXE_amana"))
        .arg("--ledger")
        .arg(ledger)
        .args(args)
        .env_remove("AMANA_PASSPHRASE")
        .env("AMANA_ACTOR", "test")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("setsid (util-linux) is installed")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
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

/// Every file under `dir`, with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    out.sort();
    out
}

/// The treasurer's machine: a ledger with three founding officers (the treasurer with a plain
/// key, the president and the auditor with keys under a passphrase, made on their own
/// machines), a transaction, and a seal the treasurer signed. The auditor's machine holds only
/// the auditor's key so far.
struct Board {
    _dir: tempfile::TempDir,
    ledger: PathBuf,
    treasurer: PathBuf,
    president: PathBuf,
    /// The auditor's machine, and the auditor's key on it.
    elsewhere: PathBuf,
    auditor: PathBuf,
    seal: String,
}

impl Board {
    fn new() -> Board {
        let dir = tempfile::tempdir().unwrap();
        let office = dir.path().join("office");
        let elsewhere = dir.path().join("auditor-laptop");
        std::fs::create_dir_all(&office).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        let ledger = office.join("amana.db");
        let l = &ledger;
        ok(
            l,
            &[
                "init",
                "--name",
                "Association Témoin",
                "--currency",
                "MAD",
                "--chart",
                "generic",
            ],
        );
        let treasurer = office.join("tresoriere.pem");
        ok(l, &["key", "generate", s(&treasurer)]);
        let president = office.join("president.pem");
        ok_with(
            l,
            &["key", "generate", s(&president), "--passphrase"],
            "ahmed's own",
        );
        let auditor = elsewhere.join("nadia.pem");
        ok_with(
            &elsewhere.join("no-ledger.db"),
            &["key", "generate", s(&auditor), "--passphrase"],
            PASSPHRASE,
        );
        // Only the public key travels to the office.
        let auditor_pub = office.join("nadia.pem.pub");
        std::fs::copy(elsewhere.join("nadia.pem.pub"), &auditor_pub).unwrap();
        for (id, role, key) in [
            (
                "fatima",
                "treasurer",
                format!("{}.pub", treasurer.display()),
            ),
            ("ahmed", "president", format!("{}.pub", president.display())),
            ("nadia", "auditor", auditor_pub.display().to_string()),
        ] {
            ok(
                l,
                &[
                    "officer", "add", id, "--name", id, "--role", role, "--key", &key,
                ],
            );
        }
        ok(
            l,
            &[
                "record",
                "--date",
                "2025-03-01",
                "--desc",
                "Cotisations",
                "--post",
                "1010 1200",
                "--post",
                "4100 -1200",
            ],
        );
        let out = ok(l, &["seal", "--sign", s(&treasurer)]);
        let seal = out.lines().last().unwrap().trim().to_string();
        Board {
            _dir: dir,
            ledger,
            treasurer,
            president,
            elsewhere,
            auditor,
            seal,
        }
    }

    /// Exports an audit bundle at the office and carries it to the auditor's machine.
    fn bundle(&self, name: &str) -> PathBuf {
        let at_office = self.ledger.parent().unwrap().join(name);
        ok(&self.ledger, &["export", "audit", s(&at_office)]);
        let there = self.elsewhere.join(name);
        copy_dir(&at_office, &there);
        there
    }

    /// The auditor signs `seal` from `bundle` on their machine, into `out`.
    fn sign_elsewhere(&self, seal: &str, bundle: &Path, out: &Path) -> Output {
        run_with(
            &self.elsewhere.join("no-ledger.db"),
            &[
                "sign",
                seal,
                "--key",
                s(&self.auditor),
                "--bundle",
                s(bundle),
                "--out",
                s(out),
            ],
            Some(PASSPHRASE),
        )
    }

    /// A signature file made on the auditor's machine.
    fn signature(&self, bundle: &Path, name: &str) -> PathBuf {
        let out = self.elsewhere.join(name);
        let o = self.sign_elsewhere(&self.seal, bundle, &out);
        assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
        out
    }

    fn signers(&self) -> Vec<String> {
        let v = json(&ok(&self.ledger, &["verify", "--format", "json"]));
        assert_eq!(v["ok"], true, "{v}");
        let seal = v["seals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["fingerprint"] == self.seal.as_str())
            .unwrap_or_else(|| panic!("seal {} not in {v}", self.seal));
        seal["signed_by"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    }

    /// Asserts that adding `file` is refused (exit 2) with `needle`, and changes nothing.
    fn add_refused(&self, file: &Path, needle: &str) {
        let before = snapshot(&self.ledger);
        let file_before = std::fs::read(file).ok();
        let err = fails(&self.ledger, &["signature", "add", s(file)], 2);
        assert!(err.contains(needle), "lacks {needle:?}:\n{err}");
        assert_eq!(before, snapshot(&self.ledger), "the ledger changed");
        assert_eq!(file_before, std::fs::read(file).ok(), "the file changed");
    }
}

fn edit(file: &Path, name: &str, change: impl Fn(&mut Value)) -> PathBuf {
    let mut v = json(&std::fs::read_to_string(file).unwrap());
    change(&mut v);
    let out = file.with_file_name(name);
    std::fs::write(&out, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    out
}

#[test]
fn an_auditor_signs_from_a_bundle_on_their_own_machine_and_the_treasurer_adds_it() {
    let b = Board::new();
    assert_eq!(b.signers(), ["fatima"]);
    let bundle = b.bundle("audit-2025");
    // The auditor's machine has the bundle and the key, and no ledger.
    let out = b.elsewhere.join("signature-nadia.json");
    let o = b.sign_elsewhere(&b.seal, &bundle, &out);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("verifies"), "{}", stdout(&o));
    assert_eq!(stdout(&o).lines().last().unwrap(), b.seal);
    assert!(!b.elsewhere.join("no-ledger.db").exists());
    let v = json(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(v["format"], "amana-signature/1");
    assert_eq!(v["kind"], "seal");
    assert_eq!(v["fingerprint"], b.seal.as_str());
    assert_eq!(v["officer"], "nadia");
    assert_eq!(v["ledger"], "Association Témoin");
    let auditor_key = amana::files::keys::load_public(&b.elsewhere.join("nadia.pem.pub")).unwrap();
    assert_eq!(v["public_key"], hex::encode(auditor_key));
    // Signed over the seal's hash, as the ledger has it, with the seal's domain.
    let hash: [u8; 32] = hex::decode(v["entry_hash"].as_str().unwrap())
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(signing::fingerprint(&hash), b.seal);
    let sig = hex::decode(v["signature"].as_str().unwrap()).unwrap();
    assert!(signing::verify_seal(&auditor_key, &hash, &sig));
    // The auditor signs from a copy: the office's bundle is what it was.
    let office_bundle = b.ledger.parent().unwrap().join("audit-2025");
    assert_eq!(
        files(&bundle)
            .into_iter()
            .map(|(_, c)| c)
            .collect::<Vec<_>>(),
        files(&office_bundle)
            .into_iter()
            .map(|(_, c)| c)
            .collect::<Vec<_>>()
    );
    // A signature file is never written over an existing file.
    let taken = b.elsewhere.join("taken.json");
    std::fs::write(&taken, b"mine").unwrap();
    let o = b.sign_elsewhere(&b.seal, &bundle, &taken);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("already there"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&taken).unwrap(), b"mine");

    // At the office.
    let added = ok(&b.ledger, &["signature", "add", s(&out)]);
    assert!(
        added.contains("Added officer nadia's signature of the seal"),
        "{added}"
    );
    let mut signers = b.signers();
    signers.sort();
    assert_eq!(signers, ["fatima", "nadia"]);
    let log = json(&ok(
        &b.ledger,
        &["log", "--kind", "signature", "--format", "json"],
    ));
    assert_eq!(log["entries"].as_array().unwrap().len(), 2, "{log}");
    // The independent verifier reads it as any other signature.
    let py = Process::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/verify_chain.py"))
        .arg(&b.ledger)
        .output()
        .expect("python3 is installed");
    assert!(
        py.status.success(),
        "{}{}",
        String::from_utf8_lossy(&py.stdout),
        String::from_utf8_lossy(&py.stderr)
    );
    // The seal can also be named by its chain entry number.
    let by_seq = b.elsewhere.join("by-seq.json");
    let seq = v["seq"].to_string();
    let o = run_with(
        &b.elsewhere.join("no-ledger.db"),
        &[
            "sign",
            &seq,
            "--key",
            s(&b.president),
            "--bundle",
            s(&bundle),
            "--out",
            s(&by_seq),
        ],
        Some("ahmed's own"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    ok(&b.ledger, &["signature", "add", s(&by_seq)]);
    let mut signers = b.signers();
    signers.sort();
    assert_eq!(signers, ["ahmed", "fatima", "nadia"]);
}

#[test]
fn a_signature_file_that_does_not_fit_the_ledger_is_refused_and_changes_nothing() {
    let b = Board::new();
    let bundle = b.bundle("audit");
    let good = b.signature(&bundle, "good.json");

    // For another ledger: another association's board, whose auditor is the same person.
    let other = Board::new();
    let other_bundle = other.bundle("audit");
    let theirs = other.signature(&other_bundle, "theirs.json");
    b.add_refused(&theirs, "not this one");

    // For another seal: a second seal's signature, moved to the first one's position, and a
    // position that holds no seal.
    ok(&b.ledger, &["seal", "--sign", s(&b.treasurer)]);
    let bundle2 = b.bundle("audit-2");
    let second = b.elsewhere.join("second.json");
    let v = json(&ok(&b.ledger, &["verify", "--format", "json"]));
    let second_seal = v["seals"][1]["fingerprint"].as_str().unwrap().to_string();
    let o = b.sign_elsewhere(&second_seal, &bundle2, &second);
    assert!(o.status.success(), "{}", stderr(&o));
    let first_seq = json(&std::fs::read_to_string(&good).unwrap())["seq"].clone();
    let moved = edit(&second, "moved.json", |v| v["seq"] = first_seq.clone());
    b.add_refused(&moved, "but this ledger's seal there is");
    let not_a_seal = edit(&good, "not-a-seal.json", |v| v["seq"] = 3.into());
    b.add_refused(&not_a_seal, "is not a seal");

    // An unknown officer: a key the ledger does not know, signing the right seal.
    let stranger = PrivateKey::generate(&b.elsewhere.join("stranger.pem")).unwrap();
    let hash: [u8; 32] = hex::decode(
        json(&std::fs::read_to_string(&good).unwrap())["entry_hash"]
            .as_str()
            .unwrap(),
    )
    .unwrap()
    .try_into()
    .unwrap();
    let unknown = edit(&good, "unknown.json", |v| {
        v["public_key"] = hex::encode(stranger.public_key()).into();
        v["officer"] = "stranger".into();
        v["signature"] = hex::encode(stranger.sign(Signed::Seal, &hash)).into();
    });
    b.add_refused(&unknown, "belongs to no officer registered");

    // An officer registered after the first seal, not approved: their signature does not count.
    let samira = b.ledger.parent().unwrap().join("samira.pem");
    ok(&b.ledger, &["key", "generate", s(&samira)]);
    ok(
        &b.ledger,
        &[
            "officer",
            "add",
            "samira",
            "--name",
            "Samira",
            "--role",
            "board-member",
            "--key",
            &format!("{}.pub", samira.display()),
        ],
    );
    let samira_key = PrivateKey::load(&samira).unwrap();
    let unapproved = edit(&good, "unapproved.json", |v| {
        v["public_key"] = hex::encode(samira_key.public_key()).into();
        v["officer"] = "samira".into();
        v["signature"] = hex::encode(samira_key.sign(Signed::Seal, &hash)).into();
    });
    b.add_refused(&unapproved, "not approved yet");

    // A bad signature: one bit changed; a signature of the approval domain over the same hash;
    // a file naming another officer than the key's.
    let flipped = edit(&good, "flipped.json", |v| {
        let mut sig = hex::decode(v["signature"].as_str().unwrap()).unwrap();
        sig[7] ^= 1;
        v["signature"] = hex::encode(sig).into();
    });
    b.add_refused(&flipped, "does not verify");
    let auditor = PrivateKey::load_with(&b.auditor, || Ok(PASSPHRASE.to_string().into())).unwrap();
    let wrong_domain = edit(&good, "wrong-domain.json", |v| {
        v["signature"] = hex::encode(auditor.sign(Signed::Officer, &hash)).into();
    });
    b.add_refused(&wrong_domain, "does not verify");
    let refingered = edit(&good, "refingered.json", |v| {
        v["fingerprint"] = "ZZZZ-ZZZZ-ZZZZ-ZZZZ".into()
    });
    b.add_refused(&refingered, "is not that of the entry hash it signs");
    let misnamed = edit(&good, "misnamed.json", |v| v["officer"] = "ahmed".into());
    b.add_refused(&misnamed, "the key is officer nadia's");

    // Not a signature file, another format, another kind of entry, a damaged field.
    let receipt = b.elsewhere.join("not-a-signature.json");
    std::fs::write(&receipt, br#"{"format": "amana-member-receipt/2"}"#).unwrap();
    b.add_refused(&receipt, "not an amana signature file");
    let v2 = edit(&good, "v2.json", |v| {
        v["format"] = "amana-signature/2".into()
    });
    b.add_refused(&v2, "is not one this amana reads");
    // A seal's signature relabelled as a lock's: the entry there is no lock.
    let lock = edit(&good, "lock.json", |v| v["kind"] = "lock".into());
    b.add_refused(&lock, "is not a lock");
    let other = edit(&good, "transaction.json", |v| {
        v["kind"] = "transaction".into()
    });
    b.add_refused(
        &other,
        "amana adds signatures of seals and of the officers' decisions",
    );
    let short = edit(&good, "short.json", |v| v["signature"] = "abcd".into());
    b.add_refused(&short, "field signature is not 64 bytes");

    // The good one is added once; a duplicate is refused.
    ok(&b.ledger, &["signature", "add", s(&good)]);
    b.add_refused(&good, "already signed");
}

#[test]
fn an_officer_without_standing_gets_no_signature_file() {
    let b = Board::new();
    // A stranger's key, and an officer added after the first seal and not approved.
    let stranger = b.elsewhere.join("stranger.pem");
    ok(
        &b.elsewhere.join("none.db"),
        &["key", "generate", s(&stranger)],
    );
    let samira = b.elsewhere.join("samira.pem");
    ok(
        &b.elsewhere.join("none.db"),
        &["key", "generate", s(&samira)],
    );
    let samira_pub = b.ledger.parent().unwrap().join("samira.pem.pub");
    std::fs::copy(format!("{}.pub", samira.display()), &samira_pub).unwrap();
    ok(
        &b.ledger,
        &[
            "officer",
            "add",
            "samira",
            "--name",
            "Samira",
            "--role",
            "board-member",
            "--key",
            s(&samira_pub),
        ],
    );
    let bundle = b.bundle("audit");
    for (key, needle) in [
        (&stranger, "belongs to no officer registered"),
        (&samira, "not approved yet"),
    ] {
        let out = b.elsewhere.join("sig.json");
        let err = fails(
            &b.elsewhere.join("none.db"),
            &[
                "sign",
                &b.seal,
                "--key",
                s(key),
                "--bundle",
                s(&bundle),
                "--out",
                s(&out),
            ],
            2,
        );
        assert!(err.contains(needle), "{err}");
        assert!(!out.exists(), "no signature file is written");
    }
    // The treasurer's own signature is there already: nothing to send.
    let out = b.elsewhere.join("sig.json");
    let err = fails(
        &b.elsewhere.join("none.db"),
        &[
            "sign",
            &b.seal,
            "--key",
            s(&b.treasurer),
            "--bundle",
            s(&bundle),
            "--out",
            s(&out),
        ],
        2,
    );
    assert!(err.contains("already signed"), "{err}");
    // A seal the bundle does not have.
    let o = b.sign_elsewhere("ZZZZ-ZZZZ-ZZZZ-ZZZZ", &bundle, &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no seal ZZZZ-ZZZZ-ZZZZ-ZZZZ"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

/// Rewrites the lines of a bundle's chain.jsonl.
fn edit_chain(bundle: &Path, change: impl Fn(&mut Vec<String>)) {
    let path = bundle.join("chain.jsonl");
    let mut lines: Vec<String> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    change(&mut lines);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
}

/// A change to the lines of a bundle's chain.jsonl.
type Tamper = Box<dyn Fn(&mut Vec<String>)>;

#[test]
fn a_tampered_bundle_refuses_to_sign() {
    let b = Board::new();
    let pristine = b.bundle("pristine");
    let line_of = |kind: &str| {
        std::fs::read_to_string(pristine.join("chain.jsonl"))
            .unwrap()
            .lines()
            .position(|l| json(l)["kind"] == kind)
            .unwrap()
    };
    let transaction = line_of("transaction");
    let seal = line_of("seal");
    let tampers: Vec<(&str, Tamper)> = vec![
        (
            "an amount edited",
            Box::new(move |lines| {
                let mut v = json(&lines[transaction]);
                let mut body = hex::decode(v["body"].as_str().unwrap()).unwrap();
                let last = body.len() - 1;
                body[last] ^= 1;
                v["body"] = hex::encode(body).into();
                lines[transaction] = v.to_string();
            }),
        ),
        (
            "an entry before the seal deleted",
            Box::new(move |lines| {
                lines.remove(transaction);
            }),
        ),
        (
            "two entries swapped",
            Box::new(move |lines| lines.swap(transaction, transaction - 1)),
        ),
        (
            "the treasurer's signature after the seal forged",
            Box::new(move |lines| {
                let mut v = json(&lines[seal + 1]);
                assert_eq!(v["kind"], "signature");
                let mut body = hex::decode(v["body"].as_str().unwrap()).unwrap();
                let last = body.len() - 1;
                body[last] ^= 1;
                v["body"] = hex::encode(body).into();
                lines[seal + 1] = v.to_string();
            }),
        ),
    ];
    for (what, tamper) in tampers {
        let bundle = b
            .elsewhere
            .join(format!("tampered-{}", what.replace(' ', "-")));
        copy_dir(&pristine, &bundle);
        edit_chain(&bundle, &tamper);
        let before = files(&b.elsewhere);
        let out = b.elsewhere.join("sig.json");
        let o = b.sign_elsewhere(&b.seal, &bundle, &out);
        assert_eq!(o.status.code(), Some(2), "{what}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("does not verify") && stderr(&o).contains("nothing was signed"),
            "{what}: {}",
            stderr(&o)
        );
        assert_eq!(before, files(&b.elsewhere), "{what}: something was written");
    }
    // Made a no-op, the tampering signs: the refusals above are the tampering's.
    let bundle = b.elsewhere.join("untouched");
    copy_dir(&pristine, &bundle);
    edit_chain(&bundle, |_| {});
    let o = b.sign_elsewhere(&b.seal, &bundle, &b.elsewhere.join("sig.json"));
    assert!(o.status.success(), "{}", stderr(&o));
    // A missing bundle, or a folder that is not one.
    let o = b.sign_elsewhere(
        &b.seal,
        &b.elsewhere.join("nowhere"),
        &b.elsewhere.join("x.json"),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("not an audit bundle"), "{}", stderr(&o));
}

#[test]
fn a_key_under_a_passphrase_is_read_by_openssl_and_by_every_command_that_signs() {
    let b = Board::new();
    let key = &b.auditor;
    let text = std::fs::read_to_string(key).unwrap();
    assert!(
        text.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // The real openssl opens it with the passphrase, finds the same public key, and refuses a
    // wrong passphrase.
    let pass = format!("pass:{PASSPHRASE}");
    let o = Process::new("openssl")
        .args(["pkey", "-pubout", "-passin", &pass, "-in"])
        .arg(key)
        .output()
        .expect("openssl is installed (.ci/run installs it)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        std::fs::read_to_string(format!("{}.pub", key.display())).unwrap()
    );
    let o = Process::new("openssl")
        .args(["pkey", "-noout", "-passin", "pass:wrong", "-in"])
        .arg(key)
        .output()
        .unwrap();
    assert!(
        !o.status.success(),
        "openssl opened it with a wrong passphrase"
    );

    // Every command that loads a key asks for the passphrase: seal --sign, sign, officer
    // approve (and close --sign and officer add --approve, through the same loader).
    let l = &b.ledger;
    let before = snapshot(l);
    let sign_args = ["seal", "--sign", s(key)];
    let err = fails_with(l, &sign_args, Some("wrong"), 2);
    assert!(err.contains("wrong passphrase"), "{err}");
    let o = run_without_terminal(l, &sign_args);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("could not be asked (no terminal)")
            && stderr(&o).contains("AMANA_PASSPHRASE"),
        "{}",
        stderr(&o)
    );
    assert_eq!(before, snapshot(l), "a refused key changed the ledger");
    let out = ok_with(l, &sign_args, PASSPHRASE);
    assert!(out.contains("Signed by: nadia"), "{out}");
    let fingerprint = out.lines().last().unwrap().to_string();
    let err = fails_with(
        l,
        &["sign", &fingerprint, "--key", s(&b.president)],
        Some(PASSPHRASE),
        2,
    );
    assert!(err.contains("wrong passphrase"), "{err}");
    ok_with(
        l,
        &["sign", &fingerprint, "--key", s(&b.president)],
        "ahmed's own",
    );
    let samira = b.ledger.parent().unwrap().join("samira.pem");
    ok_with(
        l,
        &["key", "generate", s(&samira), "--passphrase"],
        "samira's",
    );
    ok(
        l,
        &[
            "officer",
            "add",
            "samira",
            "--name",
            "Samira",
            "--role",
            "treasurer",
            "--key",
            &format!("{}.pub", samira.display()),
        ],
    );
    let approve = ["officer", "approve", "samira", "--key", s(&b.president)];
    fails_with(l, &approve, Some("samira's"), 2);
    ok_with(l, &approve, "ahmed's own");
    // The ledger's policy asks two approvals.
    ok(
        l,
        &["officer", "approve", "samira", "--key", s(&b.treasurer)],
    );
    ok_with(l, &["sign", &fingerprint, "--key", s(&samira)], "samira's");
    // The public half of an encrypted key is its .pub file.
    let err = fails(
        l,
        &[
            "officer",
            "add",
            "x",
            "--name",
            "X",
            "--role",
            "auditor",
            "--key",
            s(&samira),
        ],
        2,
    );
    assert!(err.contains("give its public key file"), "{err}");
    // Plain keys go on working, asking nothing.
    let o = run_without_terminal(l, &["sign", &fingerprint, "--key", s(&b.treasurer)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    ok(l, &["verify"]);
}

#[test]
fn a_key_openssl_encrypted_signs_too() {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("amana.db");
    ok(
        &l,
        &[
            "init",
            "--name",
            "T",
            "--currency",
            "MAD",
            "--chart",
            "generic",
        ],
    );
    let key = dir.path().join("openssl.pem");
    let o = Process::new("openssl")
        .args([
            "genpkey",
            "-algorithm",
            "ed25519",
            "-aes-256-cbc",
            "-pass",
            "pass:from openssl",
            "-out",
        ])
        .arg(&key)
        .output()
        .expect("openssl is installed");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let public = dir.path().join("openssl.pem.pub");
    let o = Process::new("openssl")
        .args(["pkey", "-pubout", "-passin", "pass:from openssl", "-in"])
        .arg(&key)
        .arg("-out")
        .arg(&public)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    ok(
        &l,
        &[
            "officer",
            "add",
            "o",
            "--name",
            "O",
            "--role",
            "treasurer",
            "--key",
            s(&public),
        ],
    );
    fails_with(&l, &["seal", "--sign", s(&key)], Some("from amana"), 2);
    let out = ok_with(&l, &["seal", "--sign", s(&key)], "from openssl");
    assert!(out.contains("Signed by: o"), "{out}");
}

#[test]
fn a_passphrase_key_is_refused_whole_when_no_passphrase_can_be_had() {
    let dir = tempfile::tempdir().unwrap();
    let none = dir.path().join("none.db");
    let key = dir.path().join("k.pem");
    let args = ["key", "generate", s(&key), "--passphrase"];
    let err = fails_with(&none, &args, Some(""), 2);
    assert!(err.contains("empty passphrase"), "{err}");
    let o = run_without_terminal(&none, &args);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("AMANA_PASSPHRASE"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
    // An existing key is refused before the passphrase is asked.
    std::fs::write(&key, b"an old key").unwrap();
    let o = run_without_terminal(&none, &args);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already there"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&key).unwrap(), b"an old key");
}
