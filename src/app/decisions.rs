//! The officers' decisions as user actions: a policy, a lock, a reopening, a revocation, and
//! signing any of them (or a seal) later. Each is one chain entry, then one `signature` entry
//! per officer who signs; the rules of what takes effect when are [`crate::rules::governance`]'s.

use crate::chain::signing;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::app::error::ChainBreak;
use crate::app::{Ledger, LedgerError, Refusal, Written, append_record};
use crate::chain::{ChainEntry, Hash, entry_hash};
use crate::chain::{Lock, Policy, Record, Reopen, Revocation, SealSignature};
use crate::domain::{OfficerId, text};
use crate::files::keys;
use crate::files::keys::PrivateKey;
use crate::rules::Book;
use crate::rules::governance::Decision;
use crate::store::Appender;
use crate::store::LogRow;

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

/// The fingerprint of a seal: of its entry hash.
pub fn seal_fingerprint(entry_hash: &Hash) -> String {
    signing::fingerprint(entry_hash)
}

/// Rebuilds the book by replaying the whole chain (what seals and closings need). Refuses a
/// chain that does not replay: a seal attests a ledger that verifies.
pub(crate) fn replay(app: &Appender<'_>) -> Result<Book> {
    let info = app.ledger_info()?;
    let mut book = Book::new();
    let mut prev = crate::chain::GENESIS_PREV;
    let mut expected = 1i64;
    app.for_each_log_row(|row: LogRow| -> Result<()> {
        let broken =
            |why: ChainBreak| LedgerError::from(Refusal::LedgerDoesNotVerify { seq: row.seq, why });
        // What `verify` checks of the chain itself, before anything is signed over it.
        let eh = entry_hash(&row.body);
        if row.seq != expected {
            return Err(broken(ChainBreak::Missing { expected }));
        }
        if row.entry_hash != eh {
            return Err(broken(ChainBreak::HashMismatch));
        }
        if row.prev != prev || row.chain != crate::chain::chain_hash(row.seq, &prev, &eh) {
            return Err(broken(ChainBreak::LinkBroken));
        }
        let entry = ChainEntry::decode(&row.body, Some(&info.currency))
            .map_err(|e| broken(ChainBreak::Undecodable(e)))?;
        if entry.seq != row.seq {
            return Err(broken(ChainBreak::Renumbered {
                recorded: entry.seq,
            }));
        }
        let original = match entry.record.refers_to() {
            Some(id) => app.entry(id)?,
            None => None,
        };
        book.admit(&entry, original.as_ref())
            .map_err(|p| broken(ChainBreak::Rules(p)))?;
        prev = crate::chain::hash_from(&row.chain);
        expected += 1;
        book.appended(row.seq, &eh, &prev);
        Ok(())
    })?;
    Ok(book)
}

pub(crate) fn load_keys(paths: &[PathBuf]) -> Result<Vec<PrivateKey>> {
    paths.iter().map(|p| load_key(p)).collect()
}

/// Loads an officer's private key: a key that cannot be read for a reason of the machine (a
/// disk error) is an environment error (exit 3); anything else about it is a refusal (exit 2).
pub(crate) fn load_key(path: &Path) -> Result<PrivateKey> {
    PrivateKey::load(path).map_err(|e| match e {
        keys::KeyError::Io { path, source } => LedgerError::Io { path, source },
        keys::KeyError::File(f) => LedgerError::File(f),
        other => Refusal::Key(other).into(),
    })
}

/// The registered, endorsed officer who holds `key`.
pub(crate) fn signer(book: &Book, key: &PrivateKey) -> Result<OfficerId> {
    let id = book
        .officer_by_key(&key.public_key())
        .cloned()
        .ok_or(Refusal::KeyNotRegistered {
            public_key: key.public_key(),
        })?;
    if let Some(at) = book.governance().revoked_at(&id) {
        return Err(Refusal::OfficerRevoked { officer: id, at }.into());
    }
    if !book.is_endorsed(&id) {
        return Err(Refusal::OfficerNotApproved { officer: id }.into());
    }
    Ok(id)
}

pub(crate) fn find_seal(book: &Book, reference: &str) -> Result<i64> {
    let seqs = book.seal_seqs();
    if let Ok(seq) = reference.trim().parse::<i64>()
        && seqs.contains(&seq)
    {
        return Ok(seq);
    }
    let wanted = signing::normalise_fingerprint(reference);
    seqs.into_iter()
        .find(|s| {
            book.seal(*s)
                .and_then(|(h, _)| h)
                .is_some_and(|h| seal_fingerprint(&h) == wanted)
        })
        .ok_or_else(|| {
            Refusal::SealNotFound {
                reference: reference.to_string(),
            }
            .into()
        })
}

/// Where a decision stands after a command.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionOutcome {
    /// The chain entry of the decision.
    pub seq: i64,
    pub kind: String,
    pub signed_by: Vec<String>,
    /// Signatures it needs in all (the policy, or fewer officers in standing).
    pub required: usize,
    pub in_effect: bool,
    /// It became void before taking effect (the books moved on while it waited).
    pub void: bool,
    /// Officers in standing who have not signed it yet.
    pub can_sign: Vec<String>,
}

impl DecisionOutcome {
    /// How many more signatures it needs to take effect.
    pub fn missing(&self) -> usize {
        self.required.saturating_sub(self.signed_by.len())
    }
}

/// What `amana sign` signed.
pub enum Signed {
    Seal(SealOutcome),
    Decision(DecisionOutcome),
}

impl DecisionOutcome {
    pub(crate) fn of(book: &Book, seq: i64) -> DecisionOutcome {
        let gov = book.governance();
        let pending = gov.decision(seq).expect("a recorded decision");
        let subject = pending.decision.subject();
        DecisionOutcome {
            seq,
            kind: pending.decision.kind().to_string(),
            signed_by: pending.signers.iter().map(ToString::to_string).collect(),
            required: gov.required(&pending.decision),
            in_effect: pending.effective_at.is_some(),
            void: pending.void_at.is_some(),
            can_sign: gov
                .standing()
                .filter(|o| !pending.signers.contains(*o) && Some(*o) != subject)
                .map(ToString::to_string)
                .collect(),
        }
    }
}

/// Appends the signature of entry `seq` (a seal or a decision) by the officer holding `key`:
/// the one way amana signs anything in a ledger.
pub(crate) fn sign_entry(
    app: &mut Appender<'_>,
    book: &mut Book,
    actor: &str,
    seq: i64,
    key: &PrivateKey,
) -> Result<Written> {
    let officer = signer(book, key)?;
    let Some((what, hash, _)) = book.governance().signable(seq) else {
        return Err(Refusal::NotSignable { seq }.into());
    };
    let hash = hash.expect("an appended entry has its hash");
    append_record(
        app,
        book,
        actor,
        Record::Signature(SealSignature {
            seal: seq,
            officer,
            signature: key.sign(what, &hash),
        }),
    )
}

impl Ledger {
    /// Records a decision and the signatures of the officers whose keys are given. It takes
    /// effect when enough officers have signed (now, or later with `amana sign`).
    fn decide(&mut self, record: Record, key_files: &[PathBuf]) -> Result<DecisionOutcome> {
        let keys = load_keys(key_files)?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = replay(app)?;
            let officers = keys
                .iter()
                .map(|k| signer(&book, k))
                .collect::<Result<Vec<OfficerId>>>()?;
            once_each(&officers)?;
            let written = append_record(app, &mut book, &actor, record)?;
            for key in &keys {
                sign_entry(app, &mut book, &actor, written.seq, key)?;
            }
            Ok(DecisionOutcome::of(&book, written.seq))
        })
    }

    /// `amana policy --quorum N`: how many officers sign decisions from now on.
    pub fn set_policy(&mut self, quorum: i64, key_files: &[PathBuf]) -> Result<DecisionOutcome> {
        self.decide(Record::Policy(Policy { quorum }), key_files)
    }

    /// `amana lock --through DATE`: nothing dated on or before it may be recorded once signed.
    pub fn lock(
        &mut self,
        through: NaiveDate,
        reason: &str,
        key_files: &[PathBuf],
        today: NaiveDate,
    ) -> Result<DecisionOutcome> {
        if through >= today {
            return Err(Refusal::LockNotPast { through }.into());
        }
        let reason = text::clean("reason", reason)?;
        self.decide(Record::Lock(Lock { through, reason }), key_files)
    }

    /// `amana reopen --year YYYY`: the closed year (and what follows) is open again once signed.
    pub fn reopen(
        &mut self,
        year: i32,
        reason: &str,
        key_files: &[PathBuf],
    ) -> Result<DecisionOutcome> {
        let reason = text::clean("reason", reason)?;
        self.decide(Record::Reopen(Reopen { year, reason }), key_files)
    }

    /// `amana officer revoke ID`: the officer's signatures no longer count once signed.
    pub fn revoke(
        &mut self,
        officer: &OfficerId,
        reason: &str,
        key_files: &[PathBuf],
    ) -> Result<DecisionOutcome> {
        let officer = officer.clone();
        let reason = text::clean("reason", reason)?;
        self.decide(
            Record::Revocation(Revocation { officer, reason }),
            key_files,
        )
    }

    /// `amana sign ENTRY --key KEY`: signs a seal (by fingerprint or entry number) or a decision
    /// (by entry number).
    pub fn sign_entry(&mut self, reference: &str, key_file: &std::path::Path) -> Result<Signed> {
        let key = load_key(key_file)?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            // Replayed, so the hash signed is that of the entry's bytes, on a chain that
            // verifies: a hash planted in a table could otherwise get an officer's signature.
            let mut book = replay(app)?;
            let decision = reference
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|seq| book.governance().decision(*seq).is_some());
            if let Some(seq) = decision {
                sign_entry(app, &mut book, &actor, seq, &key)?;
                return Ok(Signed::Decision(DecisionOutcome::of(&book, seq)));
            }
            let seq = find_seal(&book, reference)?;
            sign_entry(app, &mut book, &actor, seq, &key)?;
            let (hash, signers) = book.seal(seq).expect("found above");
            Ok(Signed::Seal(SealOutcome {
                seq,
                fingerprint: seal_fingerprint(&hash.expect("a stored seal has its hash")),
                covered: 0,
                head: String::new(),
                merkle_root: String::new(),
                period_end: None,
                signed_by: signers.iter().map(ToString::to_string).collect(),
            }))
        })
    }
}

/// Refuses a key given twice (the same officer signs an entry once).
pub(crate) fn once_each(signers: &[OfficerId]) -> Result<()> {
    let mut seen: Vec<&OfficerId> = vec![];
    for o in signers {
        if seen.contains(&o) {
            return Err(Refusal::KeyGivenTwice { officer: o.clone() }.into());
        }
        seen.push(o);
    }
    Ok(())
}

/// Checks, before anything is written, that the keys given are enough for `decision` to take
/// effect at once (a closing must: entries could otherwise be dated into the year it closes
/// before it takes effect).
pub(crate) fn require_quorum(
    book: &Book,
    decision: &Decision,
    signers: &[OfficerId],
) -> Result<()> {
    once_each(signers)?;
    let gov = book.governance();
    let needed = gov.required(decision);
    let distinct = signers;
    if distinct.len() >= needed {
        return Ok(());
    }
    Err(Refusal::QuorumNotMet {
        decision: decision.kind(),
        needed,
        quorum: gov.quorum(),
        given: distinct.len(),
        can_sign: gov.standing().cloned().collect(),
    }
    .into())
}
