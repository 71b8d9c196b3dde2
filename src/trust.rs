//! The officers' side of the ledger: keys, seals and signatures, period closing, receipts,
//! members' receipts with inclusion proofs, and the audit bundle. Like [`crate::ledger`], one
//! method per user action, each one SQLite transaction; the rules are the [`Book`]'s.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::book::Book;
use crate::chain::merkle::{self, inclusion_proof, leaf_hash, root_from_proof};
use crate::chain::{BankBalance, ChainEntry, Hash, Receipt, Record, SealSignature, entry_hash};
use crate::domain::{
    AccountCode, Entry, EntryHeader, EntryId, EntryKind, Officer, OfficerId, text,
};
use crate::keys::{self, PrivateKey};
use crate::ledger::{Ledger, LedgerError, Written, append_entry, append_record, load_book};
use crate::receipts::ReceiptStore;
use crate::store::{Appender, LogRow};

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// What `seal` (and `close`) did.
#[derive(Debug, Clone, Serialize)]
pub struct SealOutcome {
    pub seq: i64,
    pub fingerprint: String,
    pub covered: i64,
    pub head: String,
    pub merkle_root: String,
    pub period_end: Option<String>,
    pub signed_by: Vec<String>,
}

/// What `close` did.
#[derive(Debug, Clone, Serialize)]
pub struct CloseOutcome {
    pub year: i32,
    pub start: String,
    pub end: String,
    /// The closing entry, absent when the year had no income or expense.
    pub closing_entry: Option<i64>,
    pub seal: SealOutcome,
}

/// A bank closing balance as typed on the command line.
pub struct BankRequest {
    pub account: String,
    pub amount: String,
    pub statement: String,
}

/// A receipt for a member's dues or a donor's gift, checkable offline against a published seal.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MemberReceipt {
    pub format: String,
    pub ledger: String,
    pub ledger_id: String,
    pub currency: String,
    pub currency_exponent: u8,
    pub transaction: i64,
    pub date: String,
    pub description: String,
    pub amount: String,
    /// The entry as recorded: its seq, its canonical bytes (hex) and its hash.
    pub seq: i64,
    pub body: String,
    pub entry_hash: String,
    /// The seal that covers the entry, when there is one yet.
    pub seal: Option<ReceiptSeal>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReceiptSeal {
    pub seq: i64,
    pub fingerprint: String,
    pub body: String,
    /// Audit path from the entry's leaf to the seal's Merkle root (RFC 6962), hex.
    pub proof: Vec<String>,
    /// The ledger's genesis entry and its audit path: it proves the association's name,
    /// identity and currency, which the checker reads from it rather than from this file.
    pub genesis: ProvenEntry,
    pub signatures: Vec<ReceiptSignature>,
}

/// An entry's bytes with its audit path to the seal's Merkle root.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProvenEntry {
    pub seq: i64,
    pub body: String,
    pub proof: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReceiptSignature {
    pub officer: String,
    pub name: String,
    pub role: String,
    pub public_key: String,
    pub signature: String,
    /// The officer's registration entry, proven against the seal when the seal covers it:
    /// only then is the signer's name, role and key taken as the books say.
    pub registration: Option<ProvenEntry>,
}

/// What checking a member's receipt found.
#[derive(Debug, Clone, Serialize)]
pub struct ReceiptCheck {
    pub ok: bool,
    pub ledger: String,
    pub transaction: i64,
    pub date: String,
    pub amount: String,
    pub description: String,
    pub seq: i64,
    pub seal_fingerprint: Option<String>,
    pub covered: Option<i64>,
    pub signed_by: Vec<String>,
    pub problems: Vec<String>,
}

/// The fingerprint of a seal: of its entry hash.
pub fn seal_fingerprint(entry_hash: &Hash) -> String {
    keys::fingerprint(entry_hash)
}

/// Rebuilds the book by replaying the whole chain (what seals and closings need). Refuses a
/// chain that does not replay: a seal attests a ledger that verifies.
pub(crate) fn replay(app: &Appender<'_>) -> Result<Book> {
    let info = app.ledger_info()?;
    let mut book = Book::new();
    let mut prev = crate::chain::GENESIS_PREV;
    let mut expected = 1i64;
    app.for_each_log_row(|row: LogRow| -> Result<()> {
        let broken = |why: String| {
            LedgerError::Refused(format!(
                "the ledger does not verify at chain entry {}: {why}. Run `amana verify` and resolve that before sealing or signing",
                row.seq
            ))
        };
        // What `verify` checks of the chain itself, before anything is signed over it.
        let eh = entry_hash(&row.body);
        if row.seq != expected {
            return Err(broken(format!("entry {expected} is missing or out of place")));
        }
        if row.entry_hash != eh {
            return Err(broken("its stored hash does not match its bytes".into()));
        }
        if row.prev != prev || row.chain != crate::chain::chain_hash(row.seq, &prev, &eh) {
            return Err(broken("its link to the entry before it is broken".into()));
        }
        let entry = ChainEntry::decode(&row.body, Some(&info.currency)).map_err(|e| broken(e.to_string()))?;
        if entry.seq != row.seq {
            return Err(broken(format!("it holds the entry recorded as number {}", entry.seq)));
        }
        let original = match &entry.record {
            Record::Entry(e) => match e.reverses() {
                Some(id) => app.entry(id)?,
                None => None,
            },
            _ => None,
        };
        book.admit(&entry, original.as_ref()).map_err(|p| {
            broken(p.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; "))
        })?;
        prev = crate::chain::hash_from(&row.chain);
        expected += 1;
        book.appended(row.seq, &eh, &prev);
        Ok(())
    })?;
    Ok(book)
}

fn load_keys(paths: &[PathBuf]) -> Result<Vec<PrivateKey>> {
    paths
        .iter()
        .map(|p| PrivateKey::load(p).map_err(|e| LedgerError::Refused(e.to_string())))
        .collect()
}

/// Appends an approval of the officer registered at `seq` by the officer holding `key`.
fn approve(
    app: &mut Appender<'_>,
    book: &mut Book,
    actor: &str,
    officer: &OfficerId,
    seq: i64,
    hash: &Hash,
    key: &PrivateKey,
) -> Result<Written> {
    let approver = signer(book, key)?;
    if book.is_endorsed(officer) && approver != *officer {
        return Err(LedgerError::Refused(format!(
            "officer {officer} is already approved"
        )));
    }
    append_record(
        app,
        book,
        actor,
        Record::Signature(SealSignature {
            seal: seq,
            officer: approver,
            signature: key.sign_approval(hash),
        }),
    )
}

/// The registered, endorsed officer who holds `key`.
fn signer(book: &Book, key: &PrivateKey) -> Result<OfficerId> {
    let id = book.officer_by_key(&key.public_key()).cloned().ok_or_else(|| {
        LedgerError::Refused(format!(
            "the key with public key {} belongs to no registered officer: register it first with `amana officer add ID --name ... --role ... --key KEYFILE.pub`",
            hex::encode(key.public_key())
        ))
    })?;
    if !book.is_endorsed(&id) {
        return Err(LedgerError::Refused(format!(
            "officer {id} was registered after the first seal and is not approved yet: an approved officer runs `amana officer approve {id} --key THEIR_KEY` first"
        )));
    }
    Ok(id)
}

/// Appends a seal and one signature per key, and returns what to print.
fn seal_and_sign(
    app: &mut Appender<'_>,
    book: &mut Book,
    actor: &str,
    period_end: Option<NaiveDate>,
    banks: Vec<BankBalance>,
    signers: &[PrivateKey],
) -> Result<SealOutcome> {
    let officers = signers
        .iter()
        .map(|k| signer(book, k))
        .collect::<Result<Vec<OfficerId>>>()?;
    let seal = book
        .seal_content(period_end, banks)
        .expect("a replayed book can always make a seal");
    let (covered, head, root) = (seal.covered, seal.head, seal.merkle_root);
    let written = append_record(app, book, actor, Record::Seal(seal))?;
    for (key, officer) in signers.iter().zip(&officers) {
        let signature = key.sign_seal(&written.entry_hash);
        append_record(
            app,
            book,
            actor,
            Record::Signature(SealSignature {
                seal: written.seq,
                officer: officer.clone(),
                signature,
            }),
        )?;
    }
    Ok(SealOutcome {
        seq: written.seq,
        fingerprint: seal_fingerprint(&written.entry_hash),
        covered,
        head: hex::encode(head),
        merkle_root: hex::encode(root),
        period_end: period_end.map(crate::domain::format_date),
        signed_by: officers.iter().map(ToString::to_string).collect(),
    })
}

impl Ledger {
    /// Registers an officer with the public key read from `key_file`, approved by the
    /// officers whose key files are given (required once the books have a seal: until then,
    /// the officers registered are the association's founding ones).
    pub fn add_officer(
        &mut self,
        id: &str,
        name: &str,
        role: &str,
        key_file: &Path,
        approvers: &[PathBuf],
    ) -> Result<Written> {
        let public_key =
            keys::load_public(key_file).map_err(|e| LedgerError::Refused(e.to_string()))?;
        let officer = Officer {
            id: OfficerId::parse(id)?,
            name: text::clean("name", name)?,
            role: role.parse()?,
            public_key,
        };
        let approvers = load_keys(approvers)?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = load_book(app)?;
            let written = append_record(app, &mut book, &actor, Record::Officer(officer.clone()))?;
            for key in &approvers {
                approve(
                    app,
                    &mut book,
                    &actor,
                    &officer.id,
                    written.seq,
                    &written.entry_hash,
                    key,
                )?;
            }
            Ok(written)
        })
    }

    /// An endorsed officer approves officer `id`, registered after the first seal, so that
    /// their signatures count.
    pub fn approve_officer(&mut self, id: &str, key_file: &Path) -> Result<Written> {
        let id = OfficerId::parse(id)?;
        let key = PrivateKey::load(key_file).map_err(|e| LedgerError::Refused(e.to_string()))?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = load_book(app)?;
            let (seq, hash) = book.officer_entry(&id).ok_or_else(|| {
                LedgerError::Refused(format!(
                    "officer {id} is not registered (amana officer add)"
                ))
            })?;
            let hash = hash.expect("a stored officer entry has its hash");
            approve(app, &mut book, &actor, &id, seq, &hash, &key)
        })
    }

    /// Appends a seal over everything recorded so far, signed by each key given.
    pub fn seal(
        &mut self,
        period_end: Option<NaiveDate>,
        banks: &[BankRequest],
        key_files: &[PathBuf],
    ) -> Result<SealOutcome> {
        let info = self.info()?;
        let signers = load_keys(key_files)?;
        let banks = banks
            .iter()
            .map(|b| {
                Ok(BankBalance {
                    account: AccountCode::parse(&b.account)?,
                    balance: info.currency.parse(&b.amount)?,
                    statement: text::clean("statement", &b.statement)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let actor = self.actor.clone();
        let today = chrono::Local::now().date_naive();
        if let Some(end) = period_end
            && end >= today
        {
            return Err(LedgerError::Refused(format!(
                "the period to lock ends {end}, which is not past: seal a period once it has ended (a lock cannot be undone)"
            )));
        }
        self.store.write(|app| {
            let mut book = replay(app)?;
            if let Some(end) = period_end {
                let open = book.unclosed_years_through(end);
                if !open.is_empty() {
                    let years: Vec<String> = open.iter().map(ToString::to_string).collect();
                    return Err(LedgerError::Refused(format!(
                        "locking through {end} would leave fiscal year {} impossible to close: close it first with `amana close --year {}`",
                        years.join(", "),
                        years[0]
                    )));
                }
            }
            seal_and_sign(app, &mut book, &actor, period_end, banks, &signers)
        })
    }

    /// Adds an officer's signature to an existing seal (given by seq or fingerprint).
    pub fn sign(&mut self, seal: &str, key_file: &Path) -> Result<SealOutcome> {
        let key = PrivateKey::load(key_file).map_err(|e| LedgerError::Refused(e.to_string()))?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            // Replayed, so the hash signed is that of the seal's bytes, on a chain that verifies:
            // a hash planted in the table could otherwise get an officer's signature.
            let mut book = replay(app)?;
            let seq = find_seal(&book, seal)?;
            let officer = signer(&book, &key)?;
            let (hash, mut signers) = book.seal(seq).expect("found above");
            let hash = hash.expect("a stored seal has its hash");
            append_record(
                app,
                &mut book,
                &actor,
                Record::Signature(SealSignature {
                    seal: seq,
                    officer: officer.clone(),
                    signature: key.sign_seal(&hash),
                }),
            )?;
            signers.push(officer);
            Ok(SealOutcome {
                seq,
                fingerprint: seal_fingerprint(&hash),
                covered: 0,
                head: String::new(),
                merkle_root: String::new(),
                period_end: None,
                signed_by: signers.iter().map(ToString::to_string).collect(),
            })
        })
    }

    /// Closes fiscal year `year`: carries its income and expense to net assets (restricted and
    /// unrestricted), then seals and locks everything dated up to its last day.
    pub fn close(
        &mut self,
        year: i32,
        restricted: &str,
        unrestricted: &str,
        key_files: &[PathBuf],
        today: NaiveDate,
    ) -> Result<CloseOutcome> {
        let info = self.info()?;
        let (start, end) = info
            .fiscal_start
            .year_bounds(year)
            .ok_or_else(|| LedgerError::Refused(format!("fiscal year {year} is out of range")))?;
        if end >= today {
            return Err(LedgerError::Refused(format!(
                "fiscal year {year} runs from {start} to {end}: it can be closed from the day after it ends"
            )));
        }
        let restricted = AccountCode::parse(restricted)?;
        let unrestricted = AccountCode::parse(unrestricted)?;
        let signers = load_keys(key_files)?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = replay(app)?;
            if let Some(locked) = book.locked_through()
                && locked >= end
            {
                return Err(LedgerError::Refused(format!(
                    "fiscal year {year} is already closed: the books are sealed through {locked}"
                )));
            }
            let postings = book
                .closing_postings(year, &restricted, &unrestricted)
                .expect("a replayed book knows its totals");
            let closing_entry = if postings.len() >= 2 {
                let header = EntryHeader {
                    id: book.next_entry_id(),
                    date: end,
                    description: format!(
                        "Clôture de l'exercice {year} / Closing of fiscal year {year}"
                    ),
                    reference: None,
                    kind: EntryKind::Closing {
                        year,
                        start,
                        restricted_account: restricted.clone(),
                        unrestricted_account: unrestricted.clone(),
                    },
                    batch: None,
                };
                let entry = Entry::new(header, postings, &info.currency)?;
                Some(
                    append_entry(app, &mut book, &actor, entry)?
                        .entry
                        .expect("an entry")
                        .0,
                )
            } else {
                None
            };
            let open = book.unclosed_years_through(end);
            if let Some(first) = open.first() {
                return Err(LedgerError::Refused(format!(
                    "fiscal year {first} is not closed yet: close the years in order (amana close --year {first})"
                )));
            }
            let seal = seal_and_sign(app, &mut book, &actor, Some(end), vec![], &signers)?;
            Ok(CloseOutcome {
                year,
                start: crate::domain::format_date(start),
                end: crate::domain::format_date(end),
                closing_entry,
                seal,
            })
        })
    }

    /// Stores each file in the receipt store and records it as a receipt of transaction `id`.
    pub fn attach_receipts(&mut self, id: EntryId, files: &[PathBuf]) -> Result<Vec<Written>> {
        let store = ReceiptStore::for_ledger(self.store.path());
        let receipts = stage_receipts(&store, id, files)?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = load_book(app)?;
            receipts
                .into_iter()
                .map(|r| append_record(app, &mut book, &actor, Record::Receipt(r)))
                .collect()
        })
    }

    /// The receipts of transaction `id`, each with where it is kept and whether it is intact.
    pub fn receipts_of(
        &self,
        id: EntryId,
    ) -> Result<Vec<(Receipt, PathBuf, crate::receipts::Status)>> {
        let store = ReceiptStore::for_ledger(self.store.path());
        let info = self.info()?;
        let mut out = vec![];
        self.store.for_each_log_row(|row| {
            if row.kind != "receipt" {
                return;
            }
            if let Ok(ChainEntry {
                record: Record::Receipt(r),
                ..
            }) = ChainEntry::decode(&row.body, Some(&info.currency))
                && r.entry == id
            {
                let path = store.path_of(&r.sha256);
                let status = store.status(&r.sha256);
                out.push((r, path, status));
            }
        })?;
        Ok(out)
    }

    /// A member's receipt for transaction `id`, with an inclusion proof against the latest seal
    /// that covers it (none yet when no seal covers it). Reads one snapshot of the ledger: the
    /// entry hashes for the proof, and only the bodies it needs.
    pub fn member_receipt(&self, id: EntryId) -> Result<MemberReceipt> {
        let info = self.info()?;
        self.store.begin_read()?;
        let receipt = self.member_receipt_in_snapshot(&info, id);
        self.store.end_read()?;
        receipt
    }

    fn member_receipt_in_snapshot(
        &self,
        info: &crate::domain::LedgerInfo,
        id: EntryId,
    ) -> Result<MemberReceipt> {
        let store = &self.store;
        let decode = |seq: i64| -> Result<Option<(Vec<u8>, ChainEntry)>> {
            let Some(body) = store.body_at(seq)? else {
                return Ok(None);
            };
            Ok(ChainEntry::decode(&body, Some(&info.currency))
                .ok()
                .map(|e| (body, e)))
        };
        let not_found = || {
            LedgerError::Refused(format!(
                "transaction {id} does not exist (see `amana journal`)"
            ))
        };
        let seq = store.entry_seq(id)?.ok_or_else(not_found)?;
        let (body, entry) = match decode(seq)? {
            Some((
                body,
                ChainEntry {
                    record: Record::Entry(e),
                    ..
                },
            )) => (body, e),
            _ => return Err(not_found()),
        };
        let amount: i64 = entry.postings().iter().map(|p| p.amount.0.max(0)).sum();
        let mut seal = None;
        for s in store.seal_seqs()?.into_iter().rev() {
            if let Some((
                seal_body,
                ChainEntry {
                    record: Record::Seal(sl),
                    ..
                },
            )) = decode(s)?
                && sl.covered >= seq
            {
                seal = Some((s, seal_body, sl));
                break;
            }
        }
        let seal = match seal {
            None => None,
            Some((s, seal_body, sl)) => {
                let leaves: Vec<Hash> = store
                    .entry_hashes(sl.covered)?
                    .iter()
                    .map(|h| leaf_hash(&crate::chain::hash_from(h)))
                    .collect();
                let proof = inclusion_proof((seq - 1) as usize, &leaves);
                let prove = |seq: i64| -> Result<Option<ProvenEntry>> {
                    if seq < 1 || seq > sl.covered {
                        return Ok(None);
                    }
                    let body = store.body_at(seq)?.unwrap_or_default();
                    let proof = inclusion_proof((seq - 1) as usize, &leaves);
                    Ok(Some(ProvenEntry {
                        seq,
                        body: hex::encode(body),
                        proof: proof.iter().map(hex::encode).collect(),
                    }))
                };
                let mut signatures = vec![];
                for row in store.signatures_of(s)? {
                    signatures.push(ReceiptSignature {
                        registration: prove(row.officer_seq)?,
                        officer: row.officer,
                        name: row.name,
                        role: row.role,
                        public_key: hex::encode(row.public_key),
                        signature: hex::encode(row.signature),
                    });
                }
                let genesis = prove(1)?.expect("a seal covers the genesis entry");
                Some(ReceiptSeal {
                    seq: s,
                    fingerprint: seal_fingerprint(&entry_hash(&seal_body)),
                    body: hex::encode(&seal_body),
                    proof: proof.iter().map(hex::encode).collect(),
                    genesis,
                    signatures,
                })
            }
        };
        Ok(MemberReceipt {
            format: "amana-member-receipt/1".into(),
            ledger: info.name.clone(),
            ledger_id: hex::encode(&info.id),
            currency: info.currency.code.clone(),
            currency_exponent: info.currency.exponent,
            transaction: id.0,
            date: crate::domain::format_date(entry.header.date),
            description: entry.header.description.clone(),
            amount: info.currency.format(crate::domain::Minor(amount)),
            seq,
            entry_hash: hex::encode(entry_hash(&body)),
            body: hex::encode(&body),
            seal,
        })
    }
}

/// Hashes and stores receipt files before the write transaction (content-addressed writes are
/// idempotent: a refused command leaves at most an unreferenced copy).
pub(crate) fn stage_receipts(
    store: &ReceiptStore,
    id: EntryId,
    files: &[PathBuf],
) -> Result<Vec<Receipt>> {
    files
        .iter()
        .map(|f| {
            let (sha256, size, bytes) = ReceiptStore::hash_file(f)
                .map_err(|e| LedgerError::Refused(format!("receipt {e}")))?;
            store.put(&sha256, &bytes).map_err(|e| LedgerError::Io {
                path: e.path,
                source: e.source,
            })?;
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "receipt".into());
            Ok(Receipt {
                entry: id,
                sha256,
                file_name: text::clean("receipt file name", &name)?,
                size,
            })
        })
        .collect()
}

fn find_seal(book: &Book, reference: &str) -> Result<i64> {
    let seqs = book.seal_seqs();
    if let Ok(seq) = reference.trim().parse::<i64>()
        && seqs.contains(&seq)
    {
        return Ok(seq);
    }
    let wanted = keys::normalise_fingerprint(reference);
    seqs.into_iter()
        .find(|s| {
            book.seal(*s)
                .and_then(|(h, _)| h)
                .is_some_and(|h| seal_fingerprint(&h) == wanted)
        })
        .ok_or_else(|| {
            LedgerError::Refused(format!(
                "no seal {reference}: give the seal's chain entry number or its fingerprint (see `amana log --kind seal`)"
            ))
        })
}

/// Checks a member's receipt offline against the fingerprint of a published seal.
///
/// Everything it reports is read from bytes proven against that seal: the seal's own body
/// (whose hash gives the fingerprint), the entry and the ledger's genesis entry (each with an
/// audit path to the seal's Merkle root), and each signer's registration when the seal covers
/// it. The receipt's other fields are only checked against them, never believed.
pub fn check_member_receipt(receipt: &MemberReceipt, fingerprint: &str) -> ReceiptCheck {
    let mut problems: Vec<String> = vec![];
    let mut check = ReceiptCheck {
        ok: false,
        ledger: String::new(),
        transaction: 0,
        date: String::new(),
        amount: String::new(),
        description: String::new(),
        seq: 0,
        seal_fingerprint: None,
        covered: None,
        signed_by: vec![],
        problems: vec![],
    };
    let wanted = keys::normalise_fingerprint(fingerprint);
    let Some(seal) = &receipt.seal else {
        check.problems.push(
            "no seal covers this transaction yet: ask for a receipt again after the next seal"
                .into(),
        );
        return check;
    };
    let hexes = |v: &[String]| -> Option<Vec<Hash>> {
        v.iter()
            .map(|h| hex::decode(h).ok()?.try_into().ok())
            .collect()
    };
    // 1. The seal: its bytes give the published fingerprint.
    let seal_body = hex::decode(&seal.body).unwrap_or_default();
    let seal_hash = entry_hash(&seal_body);
    let computed = seal_fingerprint(&seal_hash);
    check.seal_fingerprint = Some(computed.clone());
    if computed != wanted {
        problems.push(format!(
            "the receipt's seal has fingerprint {computed}, not the published {wanted}"
        ));
    }
    let Ok(ChainEntry {
        record: Record::Seal(sl),
        seq: seal_seq,
        ..
    }) = ChainEntry::decode(&seal_body, None)
    else {
        problems.push("the seal's bytes are not a seal".into());
        check.problems = problems;
        return check;
    };
    check.covered = Some(sl.covered);
    let covered = u64::try_from(sl.covered).unwrap_or(0);
    // An entry is in the sealed books when its audit path leads to the seal's root.
    let proven = |seq: i64, body: &[u8], proof: &[String]| -> bool {
        let Some(proof) = hexes(proof) else {
            return false;
        };
        let Some(index) = seq.checked_sub(1).and_then(|i| u64::try_from(i).ok()) else {
            return false;
        };
        root_from_proof(
            index,
            covered,
            &merkle::leaf_hash(&entry_hash(body)),
            &proof,
        ) == Some(sl.merkle_root)
    };
    // 2. The ledger's identity and currency, from its proven genesis entry.
    let genesis_body = hex::decode(&seal.genesis.body).unwrap_or_default();
    let info = match ChainEntry::decode(&genesis_body, None) {
        Ok(ChainEntry {
            record: Record::Ledger(info),
            seq: 1,
            ..
        }) if seal.genesis.seq == 1 && proven(1, &genesis_body, &seal.genesis.proof) => info,
        _ => {
            problems.push("the ledger's genesis entry is missing from the receipt or not proven against the seal".into());
            check.problems = problems;
            return check;
        }
    };
    check.ledger = info.name.clone();
    // 3. The transaction, proven against the seal.
    let body = hex::decode(&receipt.body).unwrap_or_default();
    match ChainEntry::decode(&body, Some(&info.currency)) {
        Ok(ChainEntry {
            seq,
            record: Record::Entry(e),
            ..
        }) => {
            if !proven(seq, &body, &seal.proof) {
                problems.push(
                    "the inclusion proof does not lead from the entry to the seal's Merkle root"
                        .into(),
                );
            }
            let amount = e
                .postings()
                .iter()
                .fold(0i64, |a, p| a.saturating_add(p.amount.0.max(0)));
            check.transaction = e.id().0;
            check.seq = seq;
            check.date = crate::domain::format_date(e.header.date);
            check.description = e.header.description.clone();
            check.amount = format!(
                "{} {}",
                info.currency.format(crate::domain::Minor(amount)),
                info.currency.code
            );
            let claimed = (
                receipt.transaction,
                receipt.seq,
                receipt.date.as_str(),
                receipt.description.as_str(),
                format!("{} {}", receipt.amount, receipt.currency),
                receipt.ledger.as_str(),
            );
            let actual = (
                check.transaction,
                seq,
                check.date.as_str(),
                check.description.as_str(),
                check.amount.clone(),
                info.name.as_str(),
            );
            if claimed != actual {
                problems
                    .push("the receipt's printed details differ from the recorded entry".into());
            }
        }
        _ => problems.push("the entry's bytes are not a recorded transaction".into()),
    }
    if seal_seq != seal.seq {
        problems.push("the seal is not at the position the receipt names".into());
    }
    // 4. The signatures: by keys registered in the sealed books, or reported as unproven.
    for sig in &seal.signatures {
        let registered = sig.registration.as_ref().and_then(|r| {
            let body = hex::decode(&r.body).ok()?;
            if !proven(r.seq, &body, &r.proof) {
                return None;
            }
            match ChainEntry::decode(&body, Some(&info.currency)).ok()?.record {
                Record::Officer(o) if o.id.as_str() == sig.officer => Some(o),
                _ => None,
            }
        });
        let signature = hex::decode(&sig.signature).unwrap_or_default();
        match registered {
            Some(o) if keys::verify_seal(&o.public_key, &seal_hash, &signature) => {
                check
                    .signed_by
                    .push(format!("{} ({}, {})", o.name, o.role, o.id));
            }
            Some(o) => problems.push(format!("the signature of officer {} does not verify", o.id)),
            // A signer registered after the seal cannot be proven by this receipt: anyone
            // could add such a line, so it is not reported (the auditor's `verify` checks it).
            None => {}
        }
    }
    check.ok = problems.is_empty();
    check.problems = problems;
    check
}
