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
//! A signature is never made over a seal whose chain does not verify: `chain.jsonl` is read
//! once ([`verify::bundle_rows`]), those rows are verified ([`verify::verify_bundle_rows`]:
//! hashes, links, rules, seals, signatures, receipts), and the same rows are replayed here
//! once more, strictly, to find what is signed: the bytes verified are the bytes signed, even
//! if the file changes meanwhile.

use crate::chain::signing;
use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::app::decisions::{find_seal, load_key, replay};
use crate::app::error::{BundleDefect, ChainBreak, ReadError};
use crate::app::{Ledger, LedgerError, Refusal, append_record};
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
    let rows = verify::bundle_rows(dir).map_err(|e| refused_bundle(dir, BundleDefect::Chain(e)))?;
    let report = verify::verify_bundle_rows(dir, &rows, &verify::Options::default());
    if !report.ok {
        let count = report.problems.len();
        return Err(Refusal::BundleDoesNotVerify {
            dir: dir.to_path_buf(),
            first: report.problems.into_iter().take(5).collect(),
            count,
        }
        .into());
    }
    let bundle = Bundle::replay(dir, &rows)?;
    // A decision by its chain entry number, or a seal by fingerprint or number.
    let gov = bundle.book.governance();
    let seq = match seal.trim().parse::<i64>() {
        Ok(seq) if gov.decision(seq).is_some() => seq,
        _ => find_seal(&bundle.book, seal)?,
    };
    let (what, hash, signers) = gov.signable(seq).expect("found above");
    let hash = hash.expect("a replayed entry has its hash");
    let key = load_key(key_file)?;
    let public_key = key.public_key();
    let officer = officer_for(&bundle.book, &public_key)?;
    if signers.contains(&officer) {
        return Err(Refusal::AlreadySignedInBundle {
            officer,
            what,
            hash,
            seq,
        }
        .into());
    }
    if let Some(d) = gov.decision(seq)
        && matches!(&d.decision, crate::rules::governance::Decision::Approval(o) | crate::rules::governance::Decision::Revocation(o) if *o == officer)
    {
        return Err(Refusal::OwnDecision { seq, officer }.into());
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
    let officer =
        book.officer_by_key(public_key)
            .cloned()
            .ok_or(Refusal::BundleKeyNotRegistered {
                public_key: *public_key,
            })?;
    if !book.is_endorsed(&officer) {
        return Err(Refusal::BundleOfficerNotApproved { officer }.into());
    }
    Ok(officer)
}

fn refused_bundle(dir: &Path, why: BundleDefect) -> LedgerError {
    Refusal::BundleUnreadable {
        dir: dir.to_path_buf(),
        why,
    }
    .into()
}

/// An audit bundle's chain, replayed through the book's rules.
struct Bundle {
    info: LedgerInfo,
    book: Book,
}

impl Bundle {
    /// Replays the rows of `chain.jsonl` strictly, as `decisions::replay` replays a ledger:
    /// any entry whose hash, link, bytes or rules do not hold refuses the whole bundle.
    fn replay(dir: &Path, rows: &[(usize, LogRow)]) -> Result<Bundle> {
        let mut book = Book::new();
        let mut info: Option<LedgerInfo> = None;
        let mut entries: HashMap<EntryId, Entry> = HashMap::new();
        let mut prev = chain::GENESIS_PREV;
        // Entry 1 on the first line, and one more on each line after it.
        for (expected, (_, row)) in (1i64..).zip(rows) {
            let broken = |why: ChainBreak| {
                LedgerError::from(Refusal::BundleBroken {
                    dir: dir.to_path_buf(),
                    seq: row.seq,
                    why,
                })
            };
            let eh = chain::entry_hash(&row.body);
            if row.seq != expected {
                return Err(broken(ChainBreak::Missing { expected }));
            }
            if row.entry_hash != eh {
                return Err(broken(ChainBreak::HashMismatch));
            }
            if row.prev != prev || row.chain != chain::chain_hash(row.seq, &prev, &eh) {
                return Err(broken(ChainBreak::LinkBroken));
            }
            let entry = ChainEntry::decode(&row.body, info.as_ref().map(|i| &i.currency))
                .map_err(|e| broken(ChainBreak::Undecodable(e)))?;
            if entry.seq != row.seq || entry.record.kind() != row.kind {
                return Err(broken(ChainBreak::NotItsLine));
            }
            let original = entry.record.refers_to().and_then(|id| entries.get(&id));
            book.admit(&entry, original)
                .map_err(|p| broken(ChainBreak::Rules(p)))?;
            prev = chain::hash_from(&row.chain);
            book.appended(row.seq, &eh, &prev);
            match entry.record {
                Record::Ledger(i) if info.is_none() => info = Some(i),
                Record::Entry(e) => {
                    entries.insert(e.id(), e);
                }
                _ => {}
            }
        }
        let info = info.ok_or_else(|| refused_bundle(dir, BundleDefect::EmptyChain))?;
        Ok(Bundle { info, book })
    }
}

/// The text of a regular file of at most `limit` bytes, read through [`crate::files`].
fn read_small(path: &Path, limit: u64) -> std::result::Result<String, ReadError> {
    crate::files::read_text(path, limit).map_err(|e| match e {
        crate::files::FileError::TooLarge { path, limit, .. } => {
            ReadError::TooLarge { path, limit }
        }
        e => ReadError::File(e),
    })
}

impl SignatureFile {
    /// Reads a signature file; anything else is refused with what it is not.
    pub fn read(path: &Path) -> Result<SignatureFile> {
        let text =
            read_small(path, MAX_SIGNATURE_FILE_BYTES).map_err(Refusal::SignatureFileUnreadable)?;
        let file: SignatureFile =
            serde_json::from_str(&text).map_err(|error| Refusal::NotASignatureFile {
                path: path.to_path_buf(),
                error,
            })?;
        if file.format != SIGNATURE_FORMAT {
            return Err(Refusal::SignatureFormatUnknown {
                path: path.to_path_buf(),
                format: file.format,
            }
            .into());
        }
        Ok(file)
    }
}

/// A hex field of a signature file, of exactly `N` bytes.
fn hex_field<const N: usize>(path: &Path, name: &'static str, value: &str) -> Result<[u8; N]> {
    hex::decode(value)
        .ok()
        .and_then(|b| <[u8; N]>::try_from(b.as_slice()).ok())
        .ok_or_else(|| {
            Refusal::SignatureFieldDamaged {
                path: path.to_path_buf(),
                field: name,
                bytes: N,
            }
            .into()
        })
}

impl Ledger {
    /// Adds the signature in the file at `path`, made away from the ledger, once it is
    /// checked to be for this ledger, for a seal of it, by an officer whose signatures count,
    /// and to verify; it becomes the chain's `signature` record.
    pub fn add_signature(&mut self, path: &Path) -> Result<SignatureAdded> {
        let file = SignatureFile::read(path)?;
        let Some(what) = Signed::from_kind(&file.kind) else {
            return Err(Refusal::SignatureKindUnknown {
                path: path.to_path_buf(),
                kind: file.kind,
            }
            .into());
        };
        let ledger_id = hex::decode(&file.ledger_id).unwrap_or_default();
        let hash: Hash = hex_field(path, "entry_hash", &file.entry_hash)?;
        let public_key: [u8; 32] = hex_field(path, "public_key", &file.public_key)?;
        let signature: [u8; 64] = hex_field(path, "signature", &file.signature)?;
        if file.fingerprint != signing::fingerprint(&hash) {
            return Err(Refusal::SignatureFingerprintMismatch {
                path: path.to_path_buf(),
                claimed: file.fingerprint,
                hash,
            }
            .into());
        }
        let info = self.info()?;
        if ledger_id != info.id {
            return Err(Refusal::SignatureOtherLedger {
                path: path.to_path_buf(),
                ledger: file.ledger,
                ledger_id: file.ledger_id,
                this_ledger: info.name,
                this_id: info.id,
            }
            .into());
        }
        let actor = self.actor.clone();
        self.store.write(|app| {
            // Replayed, so the seal's hash is that of its bytes, on a chain that verifies.
            let mut book = replay(app)?;
            let seq = file.seq;
            let Some((kind, Some(seal_hash), _)) = book
                .governance()
                .signable(seq)
                .filter(|(kind, _, _)| *kind == what)
            else {
                return Err(Refusal::SignatureEntryNotSignable {
                    path: path.to_path_buf(),
                    seq,
                    what,
                    fingerprint: file.fingerprint.clone(),
                }
                .into());
            };
            if seal_hash != hash {
                return Err(Refusal::SignatureSealMismatch {
                    path: path.to_path_buf(),
                    hash,
                    seq,
                    seal_hash,
                }
                .into());
            }
            let officer = officer_for(&book, &public_key)?;
            if file.officer != officer.as_str() {
                return Err(Refusal::SignatureOfficerMismatch {
                    path: path.to_path_buf(),
                    named: file.officer.clone(),
                    officer,
                }
                .into());
            }
            let (_, _, signers) = book.governance().signable(seq).expect("found above");
            if signers.contains(&officer) {
                return Err(Refusal::SignatureAlreadyAdded {
                    path: path.to_path_buf(),
                    officer,
                    seal_hash,
                    seq,
                }
                .into());
            }
            if !signing::verify_signed(kind, &public_key, &seal_hash, &signature) {
                return Err(Refusal::SignatureInvalid {
                    path: path.to_path_buf(),
                    officer,
                    seal_hash,
                }
                .into());
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
