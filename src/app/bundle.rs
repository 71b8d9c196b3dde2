//! The audit bundle: what an auditor receives to verify and read the books without the
//! treasurer's database (schema/CHAIN.md §7b).
//!
//! `chain.jsonl` is the evidence; `receipts/` the documents, named by their hash. The summaries
//! `ledger.json`, `officers.json` and `seals.json` are what people read first, so they are
//! *derived* from the chain by one function, [`Summaries`], which `export audit` writes with
//! and both verifiers re-derive with: a fingerprint or key edited in a summary is a finding,
//! never a belief. `README.txt` says how to check it, with commands that run as written from
//! inside the folder, and `verify_chain.py` is the independent verifier itself.
//!
//! amana's read-only listings open a bundle as they open a ledger: the chain is verified,
//! then replayed into an in-memory ledger through the same projection every write uses.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::json;

pub use crate::app::error::OpenError;
use crate::app::{Ledger, LedgerError, Refusal};
use crate::chain::{ChainEntry, Record};
use crate::files::receipts::ReceiptStore;
use crate::files::staging;
use crate::store::Store;
use crate::verify;

pub use crate::formats::bundle::{
    CHAIN, CHAIN_LIMIT, LEDGER, OFFICERS, README, RECEIPTS, SEALS, Summaries, VERIFIER,
};

/// `examples/verify_chain.py`, carried inside the binary so that every bundle holds it.
pub const VERIFIER_SOURCE: &str = include_str!("../../examples/verify_chain.py");

/// Whether `path` is an audit bundle (a folder holding `chain.jsonl`) rather than a ledger.
pub fn is_bundle(path: &Path) -> bool {
    path.is_dir() && path.join(CHAIN).is_file()
}

/// What `export audit` wrote.
#[derive(Debug, Clone, Serialize)]
pub struct ExportOutcome {
    pub dir: PathBuf,
    pub entries: i64,
    pub head: String,
    pub officers: usize,
    pub seals: usize,
    pub receipts: usize,
    pub missing_receipts: usize,
}

/// The bundle's README: what each file is, and commands that work as written from inside
/// the folder (an auditor pastes them; `tests/suite/bundle.rs` runs them).
fn readme(name: &str, entries: i64, head: &str) -> String {
    format!(
        "Audit bundle of \"{name}\"
{entries} chain entries; the last head, as chain.jsonl says: {entries}:{head}

What is here
  chain.jsonl       every chain entry, in order: seq, kind, body (hex), entry_hash, prev, chain.
                    This is the evidence; everything else is checked against it.
  ledger.json       the association's name, ledger id, currency, entries and head
  officers.json     the officers and their Ed25519 public keys, as registered in the chain
  seals.json        the seals, their fingerprints, what they cover, and their signatures
  receipts/         the supporting documents, each named by its SHA-256
  verify_chain.py   an independent verifier (Python 3.11 standard library only), written
                    from the chain's specification (schema/CHAIN.md in amana's source)

Check it. Open a terminal in this folder and run either of these (exit status 0: intact;
1: a problem was found, each one named); amana is the program that wrote this bundle:

    amana verify --bundle .
    python3 verify_chain.py --bundle .

Both recompute every hash, link, bookkeeping rule, seal and officer's signature, check every
receipt, and check that ledger.json, officers.json and seals.json say what chain.jsonl says.

Then anchor it to what was published OUTSIDE this bundle, never to a value read from these
files (whoever held them could have rewritten them all consistently). Add to either command
above, as many times as you have published values:
  --seal FINGERPRINT     a seal's fingerprint as printed in the general assembly's report
                         (like 7W69-RMDN-9JJF-8F5W): the bundle must hold that seal, and the
                         history before it must be the one the seal committed to;
  --anchor ENTRIES:HEAD  a head as `amana verify` printed it when the books were presented
                         (in the minutes, an e-mail to a funder).
A seal or head that does not match is reported as rewritten or rolled-back.

Check each officer's key: ask each officer listed in officers.json to confirm the
fingerprint of their key (`amana key generate` printed it).

verify_chain.py came with this bundle, from the people whose books it checks: for a check
that owes them nothing, compare it with amana's published source, or write your own from
schema/CHAIN.md.

Read it. amana opens this folder as it opens a ledger, read-only (after verifying it):

    amana --ledger . balance
    amana --ledger . journal
    amana --ledger . log
    amana --ledger . grant list
    amana --ledger . funder list
    amana --ledger . account list
"
    )
}

impl Ledger {
    /// Writes an audit bundle into the new (or empty) folder `dir`: everything an auditor needs
    /// to verify and read the books offline. It is written in a temporary folder beside `dir`
    /// and renamed into place, so a killed export never leaves a partial bundle under `dir`.
    pub fn export_audit(&self, dir: &Path) -> Result<ExportOutcome, LedgerError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| LedgerError::Io { path, source }
        };
        if dir.exists() {
            let empty = dir.is_dir() && std::fs::read_dir(dir).map_err(io(dir))?.next().is_none();
            if !empty {
                return Err(Refusal::BundleFolderNotEmpty {
                    dir: dir.to_path_buf(),
                }
                .into());
            }
        }
        let parent = staging::parent_of(dir);
        std::fs::create_dir_all(&parent).map_err(io(&parent))?;
        staging::sweep(&parent);
        let tmp = staging::temp_beside(dir);
        staging::create_private_dir(&tmp).map_err(io(&tmp))?;
        match self.write_bundle(&tmp, dir) {
            Ok(outcome) => {
                // rename(2) replaces an empty folder, never one with files in it.
                if let Err(e) = std::fs::rename(&tmp, dir) {
                    let _ = std::fs::remove_dir_all(&tmp);
                    return Err(io(dir)(e));
                }
                staging::sync_dir(&parent);
                Ok(outcome)
            }
            Err(e) => {
                let _ = std::fs::remove_dir_all(&tmp);
                Err(e)
            }
        }
    }

    /// Writes the bundle's files into `tmp`, which will be renamed to `dir`.
    fn write_bundle(&self, tmp: &Path, dir: &Path) -> Result<ExportOutcome, LedgerError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| LedgerError::Io { path, source }
        };
        let info = self.info()?;
        let source = ReceiptStore::for_ledger(self.store.path());
        let target = ReceiptStore::at(&tmp.join(RECEIPTS));
        let mut chain = String::new();
        let mut summaries = Summaries::default();
        let (mut receipts, mut missing) = (0usize, 0usize);
        let mut copy_errors = vec![];
        self.store.begin_read()?;
        let read = self.store.for_each_log_row(|row| {
            chain.push_str(
                &json!({
                    "seq": row.seq, "kind": row.kind, "body": hex::encode(&row.body),
                    "entry_hash": hex::encode(&row.entry_hash), "prev": hex::encode(&row.prev),
                    "chain": hex::encode(&row.chain),
                })
                .to_string(),
            );
            chain.push('\n');
            let decoded = ChainEntry::decode(&row.body, Some(&info.currency)).ok();
            summaries.add(row.seq, &row.body, &row.chain, decoded.as_ref());
            if let Some(ChainEntry {
                record: Record::Receipt(r),
                ..
            }) = &decoded
            {
                // Only a document that still has its recorded hash and size goes into the
                // bundle, read as a stream.
                match source.copy_to(&target, &r.sha256, u64::try_from(r.size).ok()) {
                    Ok(true) => receipts += 1,
                    Ok(false) => missing += 1,
                    Err(e) => copy_errors.push(e),
                }
            }
        });
        self.store.end_read()?;
        read?;
        if let Some(e) = copy_errors.into_iter().next() {
            return Err(e.into());
        }
        let write = |name: &str, content: &str| {
            let path = tmp.join(name);
            staging::write_new(&path, content.as_bytes()).map_err(io(&path))
        };
        write(CHAIN, &chain)?;
        for (name, value) in summaries.files() {
            write(name, &serde_json::to_string_pretty(&value).expect("JSON"))?;
        }
        write(
            README,
            &readme(&info.name, summaries.entries, &summaries.head),
        )?;
        write(VERIFIER, VERIFIER_SOURCE)?;
        Ok(ExportOutcome {
            dir: dir.to_path_buf(),
            entries: summaries.entries,
            head: summaries.head.clone(),
            officers: summaries.officers.len(),
            seals: summaries.seals.len(),
            receipts,
            missing_receipts: missing,
        })
    }
}

/// Opens `path` for the read-only listings: a ledger file as it is, or an audit bundle,
/// verified first and then replayed into an in-memory ledger through the projection every
/// write uses, so that each listing reads the same tables it reads on the treasurer's file.
pub fn open_read_only(path: &Path) -> Result<Ledger, OpenError> {
    if !is_bundle(path) {
        return Ok(Ledger::open_read_only(path)?);
    }
    let rows = verify::bundle_rows(path).map_err(OpenError::Unreadable)?;
    let report = verify::verify_bundle_rows(path, &rows, &verify::Options::default());
    if !report.ok {
        return Err(OpenError::NotVerified {
            dir: path.to_path_buf(),
            count: report.problems.len(),
            first: report.problems.into_iter().next().map(Box::new),
        });
    }
    let mut store = Store::in_memory(path).map_err(LedgerError::from)?;
    store.write(|app| -> Result<(), LedgerError> {
        let mut base = None;
        for (_, row) in &rows {
            let entry = ChainEntry::decode(&row.body, base.as_ref()).map_err(|error| {
                Refusal::BundleEntryUndecodable {
                    seq: row.seq,
                    error,
                }
            })?;
            if let Record::Ledger(info) = &entry.record {
                base = Some(info.currency.clone());
            }
            let (_, chain) = app.append(&entry)?;
            if chain.as_slice() != row.chain.as_slice() {
                return Err(Refusal::BundleEntryDoesNotRebuild {
                    seq: row.seq,
                    dir: path.to_path_buf(),
                }
                .into());
            }
        }
        Ok(())
    })?;
    Ok(Ledger {
        store,
        actor: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::ChainFileDefect;

    /// A bundle whose chain cannot be read says which line and why, in verify's words, and
    /// the signing path carries the same error inside its refusal.
    #[test]
    fn a_bundle_whose_chain_is_not_json_is_refused_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let chain = dir.path().join(CHAIN);
        std::fs::write(&chain, "not json\n").unwrap();
        let Err(OpenError::Unreadable(error)) = open_read_only(dir.path()) else {
            panic!("a chain that is not JSON is read");
        };
        assert!(matches!(
            error.what,
            ChainFileDefect::NotJson { line: 1, .. }
        ));
        assert_eq!(
            error.to_string(),
            format!(
                "{}:1: not a JSON line: expected ident at line 1 column 2",
                chain.display()
            )
        );
        let refused = crate::app::signatures::sign_from_bundle(dir.path(), "1", &chain)
            .err()
            .unwrap();
        assert_eq!(
            refused.to_string(),
            format!(
                "{} is not an audit bundle that can be read ({error}): give the folder `amana export audit` wrote",
                dir.path().display()
            )
        );
    }
}
