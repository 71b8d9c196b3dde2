//! Officers sign where they are: a signature made from an audit bundle, away from the ledger,
//! carried back in a small file, and added to the ledger by the treasurer.
//!
//! ```text
//!   officer's machine                                  treasurer's machine
//!   bundle (export audit) ─▶ verify it up to the seal
//!                            ─▶ sign the seal's hash ─▶ FILE ─▶ check it against the ledger
//!                                                              ─▶ the chain's `signature` record
//! ```
//!
//! Nothing new enters the chain: the file becomes the same `signature` record that
//! `amana sign` appends, and the book's rules admit it or not. The file is generic over the
//! kind of entry signed ([`signing::Signed`]): today amana makes and adds signatures of seals.
//!
//! A signature is never made over a seal whose chain does not verify: the bundle is verified
//! by [`verify::verify_bundle`] (hashes, links, rules, seals, signatures, receipts), and
//! replayed here once more, strictly, from the very bytes whose hash is signed (the files
//! could change between two reads).

use crate::chain::signing;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::app::{Ledger, LedgerError, append_record};
use crate::chain::signing::Signed;
use crate::chain::{self, ChainEntry, Hash, Record, SealSignature};
use crate::domain::{Entry, EntryId, LedgerInfo, OfficerId};
use crate::rules::Book;
use crate::store::LogRow;
use crate::verify;

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// The format of the signature files amana writes and reads.
pub const SIGNATURE_FORMAT: &str = "amana-signature/1";

/// A signature file is a few hundred bytes; reading stops well past that.
const MAX_SIGNATURE_FILE_BYTES: u64 = 64 * 1024;

/// An officer's signature of one chain entry, made away from the ledger.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureFile {
    /// [`SIGNATURE_FORMAT`].
    pub format: String,
    /// The ledger's name and identity (hex), as its genesis entry records them.
    pub ledger: String,
    pub ledger_id: String,
    /// The entry signed: its kind (`seal`), its position in the chain, its hash (hex), and
    /// the fingerprint made from that hash, which people compare.
    pub kind: String,
    pub seq: i64,
    pub entry_hash: String,
    pub fingerprint: String,
    /// The officer the bundle registers with this key, for the reader: the ledger finds the
    /// officer by the key.
    pub officer: String,
    /// The officer's Ed25519 public key and the signature (hex).
    pub public_key: String,
    pub signature: String,
}

/// What `signature add` did.
#[derive(Debug, Clone)]
pub struct SignatureAdded {
    /// The chain entry of the signature.
    pub seq: i64,
    pub seal: i64,
    pub fingerprint: String,
    pub officer: String,
    /// Every officer whose signature the seal now has.
    pub signed_by: Vec<String>,
}

/// Signs, with the key in `key_file`, the seal `seal` (fingerprint or chain entry number) of
/// the audit bundle in `dir`, once the whole bundle verifies.
pub fn sign_from_bundle(dir: &Path, seal: &str, key_file: &Path) -> Result<SignatureFile> {
    // Every finding refuses, even one after the seal: a bundle that does not verify has been
    // altered or damaged, and its officer is the one to tell.
    let report = verify::verify_bundle(dir, &verify::Options::default())
        .map_err(|e| refused_bundle(dir, &e))?;
    if !report.ok {
        let mut shown: Vec<String> = report
            .problems
            .iter()
            .take(5)
            .map(|p| format!("entry {}: {}: {}", p.seq, p.kind.as_str(), p.detail))
            .collect();
        if report.problems.len() > 5 {
            shown.push(format!("and {} more", report.problems.len() - 5));
        }
        return Err(LedgerError::Refused(format!(
            "the audit bundle {} does not verify, so nothing was signed: {}. Run `amana verify --bundle {}`, and ask the treasurer for a new bundle",
            dir.display(),
            shown.join("; "),
            dir.display()
        )));
    }
    let bundle = Bundle::read(dir)?;
    // A decision by its chain entry number, or a seal by fingerprint or number.
    let gov = bundle.book.governance();
    let seq = match seal.trim().parse::<i64>() {
        Ok(seq) if gov.decision(seq).is_some() => seq,
        _ => crate::app::decisions::find_seal(&bundle.book, seal)?,
    };
    let (what, hash, signers) = gov.signable(seq).expect("found above");
    let hash = hash.expect("a replayed entry has its hash");
    let key = crate::app::decisions::load_key(key_file)?;
    let public_key = key.public_key();
    let officer = officer_for(&bundle.book, &public_key)?;
    if signers.contains(&officer) {
        return Err(LedgerError::Refused(format!(
            "officer {officer} already signed the {} {} (entry {seq}) in this bundle: there is nothing to send",
            what.kind(),
            signing::fingerprint(&hash)
        )));
    }
    if let Some(d) = gov.decision(seq)
        && matches!(&d.decision, crate::rules::governance::Decision::Approval(o) | crate::rules::governance::Decision::Revocation(o) if *o == officer)
    {
        return Err(LedgerError::Refused(format!(
            "entry {seq} is a decision about officer {officer}: nobody signs a decision about themselves"
        )));
    }
    let signature = key.sign(what, &hash);
    Ok(SignatureFile {
        format: SIGNATURE_FORMAT.to_string(),
        ledger: bundle.info.name.clone(),
        ledger_id: hex::encode(&bundle.info.id),
        kind: what.kind().to_string(),
        seq,
        entry_hash: hex::encode(hash),
        fingerprint: signing::fingerprint(&hash),
        officer: officer.to_string(),
        public_key: hex::encode(public_key),
        signature: hex::encode(signature),
    })
}

/// The registered officer whose key this is, when their signatures count.
fn officer_for(book: &Book, public_key: &[u8; 32]) -> Result<OfficerId> {
    let officer = book.officer_by_key(public_key).cloned().ok_or_else(|| {
        LedgerError::Refused(format!(
            "the key with public key {} belongs to no officer registered in this ledger: the treasurer registers it first (`amana officer add ID --name ... --role ... --key KEYFILE.pub`)",
            hex::encode(public_key)
        ))
    })?;
    if !book.is_endorsed(&officer) {
        return Err(LedgerError::Refused(format!(
            "officer {officer} was registered after the first seal and is not approved yet, so their signature would not count: an approved officer runs `amana officer approve {officer} --key THEIR_KEY` first"
        )));
    }
    Ok(officer)
}

fn refused_bundle(dir: &Path, why: &str) -> LedgerError {
    LedgerError::Refused(format!(
        "{} is not an audit bundle that can be read ({why}): give the folder `amana export audit` wrote",
        dir.display()
    ))
}

/// An audit bundle's chain, replayed through the book's rules.
struct Bundle {
    info: LedgerInfo,
    book: Book,
}

impl Bundle {
    /// Reads `chain.jsonl` and replays it strictly, as `trust::replay` replays a ledger: any
    /// entry whose hash, link, bytes or rules do not hold refuses the whole bundle.
    fn read(dir: &Path) -> Result<Bundle> {
        let path = dir.join("chain.jsonl");
        let text = read_small(&path, u64::MAX).map_err(|e| refused_bundle(dir, &e))?;
        let mut book = Book::new();
        let mut info: Option<LedgerInfo> = None;
        let mut entries: HashMap<EntryId, Entry> = HashMap::new();
        let mut prev = chain::GENESIS_PREV;
        let mut expected = 1i64;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = format!("{}:{}", path.display(), i + 1);
            let row =
                parse_row(line).map_err(|why| refused_bundle(dir, &format!("{at}: {why}")))?;
            let broken = |why: String| {
                LedgerError::Refused(format!(
                    "the audit bundle {} does not verify at chain entry {}: {why}, so nothing was signed. Run `amana verify --bundle {}`, and ask the treasurer for a new bundle",
                    dir.display(),
                    row.seq,
                    dir.display()
                ))
            };
            let eh = chain::entry_hash(&row.body);
            if row.seq != expected {
                return Err(broken(format!(
                    "entry {expected} is missing or out of place"
                )));
            }
            if row.entry_hash != eh {
                return Err(broken("its stored hash does not match its bytes".into()));
            }
            if row.prev != prev || row.chain != chain::chain_hash(row.seq, &prev, &eh) {
                return Err(broken("its link to the entry before it is broken".into()));
            }
            let entry = ChainEntry::decode(&row.body, info.as_ref().map(|i| &i.currency))
                .map_err(|e| broken(e.to_string()))?;
            if entry.seq != row.seq || entry.record.kind() != row.kind {
                return Err(broken("it is not the entry its line says".into()));
            }
            let original = match &entry.record {
                Record::Entry(e) => e.reverses().and_then(|id| entries.get(&id)),
                _ => None,
            };
            book.admit(&entry, original).map_err(|p| {
                broken(p.iter().map(|e| e.message()).collect::<Vec<_>>().join("; "))
            })?;
            prev = chain::hash_from(&row.chain);
            book.appended(row.seq, &eh, &prev);
            expected += 1;
            match entry.record {
                Record::Ledger(i) if info.is_none() => info = Some(i),
                Record::Entry(e) => {
                    entries.insert(e.id(), e);
                }
                _ => {}
            }
        }
        let info = info.ok_or_else(|| refused_bundle(dir, "its chain is empty"))?;
        Ok(Bundle { info, book })
    }
}

/// One line of `chain.jsonl`, as `amana export audit` writes it.
fn parse_row(line: &str) -> std::result::Result<LogRow, String> {
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not a JSON line: {e}"))?;
    let field = |name: &str| -> std::result::Result<Vec<u8>, String> {
        v[name]
            .as_str()
            .and_then(|s| hex::decode(s).ok())
            .ok_or_else(|| format!("field {name} is not hex"))
    };
    Ok(LogRow {
        seq: v["seq"].as_i64().ok_or("no seq")?,
        kind: v["kind"].as_str().ok_or("no kind")?.to_string(),
        body: field("body")?,
        entry_hash: field("entry_hash")?,
        prev: field("prev")?,
        chain: field("chain")?,
    })
}

/// The text of a regular file of at most `limit` bytes.
fn read_small(path: &Path, limit: u64) -> std::result::Result<String, String> {
    let file = crate::files::open_regular(path, true).map_err(|e| e.to_string())?;
    let mut bytes = vec![];
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{}: larger than {limit} bytes, too large for what it should be",
            path.display()
        ));
    }
    String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))
}

impl SignatureFile {
    /// Reads a signature file; anything else is refused with what it is not.
    pub fn read(path: &Path) -> Result<SignatureFile> {
        let text = read_small(path, MAX_SIGNATURE_FILE_BYTES).map_err(LedgerError::Refused)?;
        let file: SignatureFile = serde_json::from_str(&text).map_err(|e| {
            LedgerError::Refused(format!(
                "{}: not an amana signature file ({e}); an officer makes one with `amana sign SEAL --key KEYFILE --bundle DIR --out FILE`",
                path.display()
            ))
        })?;
        if file.format != SIGNATURE_FORMAT {
            return Err(LedgerError::Refused(format!(
                "{}: format \"{}\" is not one this amana reads ({SIGNATURE_FORMAT})",
                path.display(),
                file.format
            )));
        }
        Ok(file)
    }
}

/// A hex field of a signature file, of exactly `N` bytes.
fn hex_field<const N: usize>(path: &Path, name: &str, value: &str) -> Result<[u8; N]> {
    hex::decode(value)
        .ok()
        .and_then(|b| <[u8; N]>::try_from(b.as_slice()).ok())
        .ok_or_else(|| {
            LedgerError::Refused(format!(
                "{}: field {name} is not {N} bytes in hex: the file was damaged; ask the officer for it again",
                path.display()
            ))
        })
}

impl Ledger {
    /// Adds the signature in the file at `path`, made away from the ledger, once it is
    /// checked to be for this ledger, for a seal of it, by an officer whose signatures count,
    /// and to verify; it becomes the chain's `signature` record.
    pub fn add_signature(&mut self, path: &Path) -> Result<SignatureAdded> {
        let file = SignatureFile::read(path)?;
        let Some(what) = Signed::from_kind(&file.kind) else {
            return Err(LedgerError::Refused(format!(
                "{}: it signs an entry of kind \"{}\"; amana adds signatures of seals and of the officers' decisions",
                path.display(),
                file.kind
            )));
        };
        let ledger_id = hex::decode(&file.ledger_id).unwrap_or_default();
        let hash: Hash = hex_field(path, "entry_hash", &file.entry_hash)?;
        let public_key: [u8; 32] = hex_field(path, "public_key", &file.public_key)?;
        let signature: [u8; 64] = hex_field(path, "signature", &file.signature)?;
        if file.fingerprint != signing::fingerprint(&hash) {
            return Err(LedgerError::Refused(format!(
                "{}: the file's fingerprint {} is not that of the entry hash it signs ({}): the file was altered; ask the officer for it again",
                path.display(),
                file.fingerprint,
                signing::fingerprint(&hash)
            )));
        }
        let info = self.info()?;
        if ledger_id != info.id {
            return Err(LedgerError::Refused(format!(
                "{}: the signature is for the ledger \"{}\" ({}), not this one (\"{}\", {}): add it to its own ledger",
                path.display(),
                file.ledger,
                file.ledger_id,
                info.name,
                hex::encode(&info.id)
            )));
        }
        let actor = self.actor.clone();
        self.store.write(|app| {
            // Replayed, so the seal's hash is that of its bytes, on a chain that verifies.
            let mut book = crate::app::decisions::replay(app)?;
            let seq = file.seq;
            let Some((kind, Some(seal_hash), _)) = book
                .governance()
                .signable(seq)
                .filter(|(kind, _, _)| *kind == what)
            else {
                return Err(LedgerError::Refused(format!(
                    "{}: entry {seq} of this ledger is not a {}; the signature is for the {} {}, which this ledger does not have there (see `amana log`)",
                    path.display(),
                    what.kind(),
                    what.kind(),
                    file.fingerprint
                )));
            };
            if seal_hash != hash {
                return Err(LedgerError::Refused(format!(
                    "{}: the signature is for the seal {} at entry {seq}, but this ledger's seal there is {}: it was made from another ledger's bundle, or from an altered one",
                    path.display(),
                    signing::fingerprint(&hash),
                    signing::fingerprint(&seal_hash)
                )));
            }
            let officer = officer_for(&book, &public_key)?;
            if file.officer != officer.as_str() {
                return Err(LedgerError::Refused(format!(
                    "{}: the file names officer \"{}\", but the key is officer {officer}'s in this ledger",
                    path.display(),
                    file.officer
                )));
            }
            let (_, _, signers) = book.governance().signable(seq).expect("found above");
            if signers.contains(&officer) {
                return Err(LedgerError::Refused(format!(
                    "{}: officer {officer} already signed the seal {} (entry {seq}); nothing was added",
                    path.display(),
                    signing::fingerprint(&seal_hash)
                )));
            }
            if !signing::verify_signed(kind, &public_key, &seal_hash, &signature) {
                return Err(LedgerError::Refused(format!(
                    "{}: the signature does not verify against officer {officer}'s key for the seal {}: the file was altered, or not signed with that key",
                    path.display(),
                    signing::fingerprint(&seal_hash)
                )));
            }
            let written = append_record(
                app,
                &mut book,
                &actor,
                Record::Signature(SealSignature {
                    seal: seq,
                    officer: officer.clone(),
                    signature,
                }),
            )?;
            let (_, _, signers) = book.governance().signable(seq).expect("found above");
            Ok(SignatureAdded {
                seq: written.seq,
                seal: seq,
                fingerprint: signing::fingerprint(&seal_hash),
                officer: officer.to_string(),
                signed_by: signers.iter().map(ToString::to_string).collect(),
            })
        })
    }
}
