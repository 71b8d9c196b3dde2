//! The officers' side of the rules: who may sign, what their signatures decide, and the locked
//! period that follows from those decisions. One state, fed the same way when the chain is
//! replayed (`verify`, seals) and when a command reads the ledger to write to it, so a rule
//! here is never written twice.
//!
//! **Decisions.** A closing, a lock, a reopening, a revocation, a new policy, and the approval
//! of an officer registered after the first seal are decisions: each takes effect once it has
//! the signatures of as many officers in standing as the policy requires (see
//! [`Governance::required`]). Signatures are `signature` entries naming the decision's seq,
//! over `"amana/v1/<kind>\0" ‖ entry_hash` ([`signing::signed_message`]); a seal is
//! signed the same way but decides nothing: its signatures vouch for the history it covers.
//!
//! **Standing.** Officers registered before the first seal are the founding ones; a later one
//! counts once approved. A revoked officer's signatures made after the revocation took effect
//! are refused.
//!
//! **Ledgers from before policies.** A ledger whose chain has no `policy` entry keeps the rules
//! it was written under: one approval makes an officer, and a closing takes effect at once.
//! `init` writes a policy (two officers) into every new ledger.

use crate::chain::signing;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use crate::chain::{ChainEntry, Hash, Record, SealSignature};
use crate::domain::{EntryKind, FiscalStart, LedgerInfo, OfficerId};
use crate::rules::error::{RuleError, RuleKind};

/// The policy of a new ledger: two officers sign what matters.
pub const DEFAULT_QUORUM: i64 = 2;

/// The chain kinds of the entries the officers' state is built from: what a store hands over
/// (see [`Governance::from_log`]) for a book loaded without replaying the whole chain.
pub const LOG_KINDS: [&str; 9] = [
    "officer",
    "seal",
    "signature",
    "closing",
    "year-closing",
    "policy",
    "lock",
    "reopen",
    "revocation",
];

/// What a decision decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// An officer registered after the first seal starts to count.
    Approval(OfficerId),
    /// A fiscal year is closed: it is locked through its last day.
    Closing { year: i32, end: NaiveDate },
    /// Nothing dated on or before the day may be recorded any more.
    Lock(NaiveDate),
    /// A closed fiscal year (and what follows it) is open again.
    Reopen { year: i32, start: NaiveDate },
    /// An officer's signatures no longer count.
    Revocation(OfficerId),
    /// The number of signatures decisions need.
    Policy(i64),
}

impl Decision {
    /// The chain kind of the entry that records it (the signing domain).
    pub fn kind(&self) -> &'static str {
        match self {
            Decision::Approval(_) => "officer",
            Decision::Closing { .. } => "closing",
            Decision::Lock(_) => "lock",
            Decision::Reopen { .. } => "reopen",
            Decision::Revocation(_) => "revocation",
            Decision::Policy(_) => "policy",
        }
    }

    /// What an officer's signature of it is about (its signing domain).
    pub fn signed(&self) -> signing::Signed {
        match self {
            Decision::Approval(_) => signing::Signed::Officer,
            Decision::Closing { .. } => signing::Signed::Closing,
            Decision::Lock(_) => signing::Signed::Lock,
            Decision::Reopen { .. } => signing::Signed::Reopen,
            Decision::Revocation(_) => signing::Signed::Revocation,
            Decision::Policy(_) => signing::Signed::Policy,
        }
    }

    /// The officer a decision is about, who does not count towards it.
    pub fn subject(&self) -> Option<&OfficerId> {
        match self {
            Decision::Approval(o) | Decision::Revocation(o) => Some(o),
            _ => None,
        }
    }
}

/// A decision recorded in the chain, with who signed it so far.
#[derive(Debug, Clone)]
pub struct Pending {
    pub decision: Decision,
    pub entry_hash: Option<Hash>,
    pub signers: BTreeSet<OfficerId>,
    /// The seq of the entry (a signature, or the decision itself) at which it took effect.
    pub effective_at: Option<i64>,
    /// The seq at which it became void without taking effect: a lock reaching into a year
    /// reopened meanwhile, a reopening of a year that is no longer the last closed one.
    pub void_at: Option<i64>,
}

#[derive(Debug, Clone, Default)]
struct SealState {
    entry_hash: Option<Hash>,
    signers: BTreeSet<OfficerId>,
}

#[derive(Debug, Clone, Default)]
pub struct Governance {
    /// The quorum in force; `None` before any `policy` entry (a ledger from before policies).
    quorum: Option<i64>,
    officers: HashMap<OfficerId, [u8; 32]>,
    /// Officers whose signatures count now.
    standing: BTreeSet<OfficerId>,
    /// Revoked officers, with the seq at which the revocation took effect.
    revoked: HashMap<OfficerId, i64>,
    /// Decisions by the seq of their entry.
    decisions: BTreeMap<i64, Pending>,
    seals: BTreeMap<i64, SealState>,
    locked_through: Option<NaiveDate>,
    closed_years: BTreeSet<i32>,
}

fn refuse<T>(kind: RuleKind) -> Result<T, Vec<RuleError>> {
    Err(vec![RuleError::from(kind)])
}

impl Governance {
    /// The state of a ledger from its entries of the [`LOG_KINDS`] kinds, as (seq, bytes)
    /// in chain order, each taken in without being checked (see [`Governance::replay`]). An
    /// entry that does not decode is passed over, as `verify` reports it.
    pub fn from_log(log: &[(i64, Vec<u8>)], info: &LedgerInfo) -> Governance {
        let mut governance = Governance::default();
        for (seq, body) in log {
            if let Ok(entry) = ChainEntry::decode(body, Some(&info.currency)) {
                governance.replay(
                    *seq,
                    &crate::chain::entry_hash(body),
                    &entry.record,
                    Some(info.fiscal_start),
                );
            }
        }
        governance
    }

    /// The quorum in force (`None`: a ledger from before policies).
    pub fn quorum(&self) -> Option<i64> {
        self.quorum
    }

    pub fn locked_through(&self) -> Option<NaiveDate> {
        self.locked_through
    }

    pub fn is_closed(&self, year: i32) -> bool {
        self.closed_years.contains(&year)
    }

    pub fn officer_key(&self, id: &OfficerId) -> Option<&[u8; 32]> {
        self.officers.get(id)
    }

    pub fn officer_by_key(&self, key: &[u8; 32]) -> Option<&OfficerId> {
        self.officers
            .iter()
            .find(|(_, k)| *k == key)
            .map(|(id, _)| id)
    }

    /// Whether the officer's signatures count now.
    pub fn in_standing(&self, id: &OfficerId) -> bool {
        self.standing.contains(id)
    }

    pub fn standing(&self) -> impl Iterator<Item = &OfficerId> {
        self.standing.iter()
    }

    pub fn revoked_at(&self, id: &OfficerId) -> Option<i64> {
        self.revoked.get(id).copied()
    }

    pub fn seal(&self, seq: i64) -> Option<(Option<Hash>, Vec<OfficerId>)> {
        self.seals
            .get(&seq)
            .map(|s| (s.entry_hash, s.signers.iter().cloned().collect()))
    }

    pub fn seal_seqs(&self) -> Vec<i64> {
        self.seals.keys().copied().collect()
    }

    pub fn last_seal(&self) -> Option<(i64, Hash)> {
        self.seals
            .iter()
            .next_back()
            .map(|(seq, s)| (*seq, s.entry_hash.unwrap_or_default()))
    }

    /// Whether a closing of `year` is recorded but still awaits its signatures.
    pub fn closing_pending(&self, year: i32) -> bool {
        self.decisions.values().any(|p| {
            p.effective_at.is_none()
                && p.void_at.is_none()
                && matches!(p.decision, Decision::Closing { year: y, .. } if y == year)
        })
    }

    /// The entry at `seq` if officers sign it (a seal or a decision): what a signature of it is
    /// about, its hash, and who signed it so far.
    pub fn signable(&self, seq: i64) -> Option<(signing::Signed, Option<Hash>, Vec<OfficerId>)> {
        if let Some(seal) = self.seals.get(&seq) {
            return Some((
                signing::Signed::Seal,
                seal.entry_hash,
                seal.signers.iter().cloned().collect(),
            ));
        }
        self.decisions.get(&seq).map(|d| {
            (
                d.decision.signed(),
                d.entry_hash,
                d.signers.iter().cloned().collect(),
            )
        })
    }

    pub fn decision(&self, seq: i64) -> Option<&Pending> {
        self.decisions.get(&seq)
    }

    pub fn decisions(&self) -> impl Iterator<Item = (&i64, &Pending)> {
        self.decisions.iter()
    }

    /// The officer registration at `seq`, if the decision there is an approval.
    pub fn officer_entry(&self, id: &OfficerId) -> Option<(i64, Option<Hash>)> {
        self.decisions
            .iter()
            .find(|(_, p)| matches!(&p.decision, Decision::Approval(o) if o == id))
            .map(|(seq, p)| (*seq, p.entry_hash))
    }

    /// How many signatures `decision` needs now: the quorum, or fewer when fewer officers are
    /// in standing (not counting the officer the decision is about); none when no officer is
    /// in standing (a ledger without officers, or whose first officers came after a seal made
    /// without any: there is nobody to ask). Once an officer is in standing, the last one can
    /// never be revoked, so no decision goes unsigned from then on. Before any policy: one
    /// approval makes an officer, and a closing needs none.
    pub fn required(&self, decision: &Decision) -> usize {
        let others = self
            .standing
            .iter()
            .filter(|o| Some(*o) != decision.subject())
            .count();
        match self.quorum {
            None => match decision {
                Decision::Closing { .. } => 0,
                _ => others.min(1),
            },
            Some(q) => others.min(usize::try_from(q).unwrap_or(usize::MAX)),
        }
    }

    /// Registers an officer (the chain's `officer` entry at `seq`). Before the first seal an
    /// officer is a founding one; after it, the registration is a decision that needs approval.
    pub fn admit_officer(
        &mut self,
        seq: i64,
        id: &OfficerId,
        key: [u8; 32],
    ) -> Result<(), Vec<RuleError>> {
        if self.officers.contains_key(id) {
            return refuse(RuleKind::OfficerExists { id: id.clone() });
        }
        if !signing::is_public_key(&key) {
            return refuse(RuleKind::NotAPublicKey { key });
        }
        if let Some(other) = self.officer_by_key(&key) {
            return refuse(RuleKind::KeyTaken {
                key,
                other: other.clone(),
            });
        }
        self.officers.insert(id.clone(), key);
        if self.seals.is_empty() {
            self.standing.insert(id.clone());
        } else {
            self.decide(seq, Decision::Approval(id.clone()));
        }
        Ok(())
    }

    /// Checks a decision entry (lock, reopening, revocation, policy) against the state.
    pub fn check_decision(
        &self,
        decision: &Decision,
        fiscal: Option<FiscalStart>,
    ) -> Result<(), Vec<RuleError>> {
        match decision {
            Decision::Lock(through) => {
                if let Some(locked) = self.locked_through
                    && *through <= locked
                {
                    return refuse(RuleKind::AlreadyLocked {
                        through: *through,
                        locked,
                    });
                }
                Ok(())
            }
            Decision::Reopen { year, .. } => {
                let last = self.closed_years.iter().next_back();
                if last != Some(year) {
                    return refuse(match last {
                        None => RuleKind::ReopenNotClosed { year: *year },
                        Some(l) => RuleKind::ReopenNotLast {
                            year: *year,
                            last: *l,
                        },
                    });
                }
                if fiscal.and_then(|f| f.year_bounds(*year)).is_none() {
                    return refuse(RuleKind::YearOutOfRange { year: *year });
                }
                Ok(())
            }
            Decision::Revocation(officer) => {
                if !self.officers.contains_key(officer) {
                    return refuse(RuleKind::OfficerUnknown {
                        officer: officer.clone(),
                    });
                }
                if self.revoked.contains_key(officer) {
                    return refuse(RuleKind::OfficerRevokedAlready {
                        officer: officer.clone(),
                    });
                }
                if self.standing.iter().all(|o| o == officer) {
                    return refuse(RuleKind::LastOfficer {
                        officer: officer.clone(),
                    });
                }
                Ok(())
            }
            Decision::Policy(q) => {
                if !(1..=crate::chain::MAX_QUORUM).contains(q) {
                    return refuse(RuleKind::QuorumOutOfRange {
                        quorum: *q,
                        max: crate::chain::MAX_QUORUM,
                    });
                }
                Ok(())
            }
            Decision::Approval(_) | Decision::Closing { .. } => Ok(()),
        }
    }

    /// Records a decision at `seq`; it takes effect now if it needs no signature.
    pub fn decide(&mut self, seq: i64, decision: Decision) {
        let needed = self.required(&decision);
        self.decisions.insert(
            seq,
            Pending {
                decision,
                entry_hash: None,
                signers: BTreeSet::new(),
                effective_at: None,
                void_at: None,
            },
        );
        if needed == 0 {
            self.take_effect(seq, seq);
        }
    }

    /// Records a seal. In a ledger with no policy in effect (one written before policies), a
    /// seal's `period_end` locks the books through it, as it always did there.
    pub fn add_seal(&mut self, seq: i64, period_end: Option<NaiveDate>) {
        self.seals.insert(seq, SealState::default());
        if self.quorum.is_none() {
            self.locked_through = self.locked_through.max(period_end);
        }
    }

    /// Tells the state the hash of the entry just appended at `seq`.
    pub fn appended(&mut self, seq: i64, entry_hash: &Hash) {
        if let Some(seal) = self.seals.get_mut(&seq) {
            seal.entry_hash = Some(*entry_hash);
        }
        if let Some(d) = self.decisions.get_mut(&seq) {
            d.entry_hash = Some(*entry_hash);
        }
    }

    /// Admits an officer's signature (at `seq`) of a seal or a decision.
    pub fn admit_signature(&mut self, seq: i64, sig: &SealSignature) -> Result<(), Vec<RuleError>> {
        let officer = &sig.officer;
        let Some(key) = self.officers.get(officer).copied() else {
            return refuse(RuleKind::SignerUnknown {
                officer: officer.clone(),
            });
        };
        if let Some(at) = self.revoked.get(officer) {
            return refuse(RuleKind::SignerRevoked {
                officer: officer.clone(),
                at: *at,
            });
        }
        if !self.standing.contains(officer) {
            return refuse(RuleKind::SignerNotApproved {
                officer: officer.clone(),
            });
        }
        let target = sig.seal;
        let (what, hash, signers) = if let Some(seal) = self.seals.get(&target) {
            (signing::Signed::Seal, seal.entry_hash, &seal.signers)
        } else if let Some(d) = self.decisions.get(&target) {
            (d.decision.signed(), d.entry_hash, &d.signers)
        } else {
            return refuse(RuleKind::NotSignable { target });
        };
        if signers.contains(officer) {
            return refuse(RuleKind::SignedTwice {
                officer: officer.clone(),
                target,
            });
        }
        if let Some(d) = self.decisions.get(&target)
            && d.decision.subject() == Some(officer)
        {
            return refuse(RuleKind::SelfDecision {
                officer: officer.clone(),
            });
        }
        let Some(hash) = hash else {
            return refuse(RuleKind::SignedHashUnknown { target });
        };
        let domain = what.kind();
        if !signing::verify_signed(what, &key, &hash, &sig.signature) {
            return refuse(RuleKind::BadSignature {
                signature: sig.signature,
                domain,
                target,
                officer: officer.clone(),
            });
        }
        if let Some(seal) = self.seals.get_mut(&target) {
            seal.signers.insert(officer.clone());
            return Ok(());
        }
        let d = self.decisions.get_mut(&target).expect("found above");
        d.signers.insert(officer.clone());
        let (decision, effective) = (
            d.decision.clone(),
            d.effective_at.is_some() || d.void_at.is_some(),
        );
        if !effective {
            let counted = self.counted(target);
            if counted >= self.required(&decision) {
                self.take_effect(target, seq);
            }
        }
        Ok(())
    }

    /// The signers of decision `seq` who are in standing now.
    fn counted(&self, seq: i64) -> usize {
        self.decisions.get(&seq).map_or(0, |d| {
            d.signers
                .iter()
                .filter(|o| self.standing.contains(*o))
                .count()
        })
    }

    fn take_effect(&mut self, seq: i64, at: i64) {
        let Some(d) = self.decisions.get(&seq) else {
            return;
        };
        if d.effective_at.is_some() || d.void_at.is_some() {
            return;
        }
        let decision = d.decision.clone();
        // What was checked when the decision was recorded is checked again now that it takes
        // effect: the books may have moved on while it waited for its signatures.
        if let Decision::Reopen { year, .. } = &decision
            && self.closed_years.iter().next_back() != Some(year)
        {
            self.void(seq, at);
            return;
        }
        if let Some(d) = self.decisions.get_mut(&seq) {
            d.effective_at = Some(at);
        }
        match decision {
            // A revoked officer stays out, whatever approval comes later.
            Decision::Approval(o) => {
                if !self.revoked.contains_key(&o) {
                    self.standing.insert(o);
                }
            }
            Decision::Closing { year, end } => {
                self.closed_years.insert(year);
                self.locked_through = self.locked_through.max(Some(end));
            }
            Decision::Lock(through) => {
                self.locked_through = self.locked_through.max(Some(through));
            }
            Decision::Reopen { year, start } => {
                self.closed_years.retain(|y| *y < year);
                if self.locked_through >= Some(start) {
                    self.locked_through = start.pred_opt();
                }
                // A lock still waiting for signatures that reaches into the reopened year
                // would lock it again without a closing: it is void.
                let waiting: Vec<i64> = self
                    .decisions
                    .iter()
                    .filter(|(_, p)| {
                        p.effective_at.is_none()
                            && p.void_at.is_none()
                            && matches!(p.decision, Decision::Lock(t) if t >= start)
                    })
                    .map(|(s, _)| *s)
                    .collect();
                for s in waiting {
                    self.void(s, at);
                }
            }
            Decision::Revocation(o) => {
                self.standing.remove(&o);
                self.revoked.insert(o, at);
                // Fewer officers in standing may now be enough for a decision that waits.
                self.settle(at);
            }
            Decision::Policy(q) => {
                self.quorum = Some(q);
                self.settle(at);
            }
        }
    }

    fn void(&mut self, seq: i64, at: i64) {
        if let Some(d) = self.decisions.get_mut(&seq) {
            d.void_at = Some(at);
        }
    }

    /// Lets every decision still waiting take effect if its signers now in standing are
    /// enough, in the order they were recorded.
    fn settle(&mut self, at: i64) {
        let waiting: Vec<i64> = self
            .decisions
            .iter()
            .filter(|(_, p)| p.effective_at.is_none() && p.void_at.is_none())
            .map(|(s, _)| *s)
            .collect();
        for seq in waiting {
            let ready = self.decisions.get(&seq).is_some_and(|d| {
                d.effective_at.is_none()
                    && d.void_at.is_none()
                    && self.counted(seq) >= self.required(&d.decision)
            });
            if ready {
                self.take_effect(seq, at);
            }
        }
    }

    /// Takes one chain entry into the state without checking it (what a command reads before
    /// writing; `verify` checks every entry through [`crate::rules::Book::admit`]).
    pub fn replay(
        &mut self,
        seq: i64,
        entry_hash: &Hash,
        record: &Record,
        fiscal: Option<FiscalStart>,
    ) {
        match record {
            Record::Officer(o) => {
                let _ = self.admit_officer(seq, &o.id, o.public_key);
            }
            Record::Seal(seal) => self.add_seal(seq, seal.period_end),
            Record::Signature(sig) => {
                let _ = self.admit_signature(seq, sig);
            }
            Record::Entry(e) => {
                if let EntryKind::Closing { year, .. } = e.header.kind {
                    self.decide(
                        seq,
                        Decision::Closing {
                            year,
                            end: e.header.date,
                        },
                    );
                }
            }
            other => {
                if let Some(d) = decision_of(other, fiscal) {
                    self.decide(seq, d);
                }
            }
        }
        self.appended(seq, entry_hash);
    }
}

/// The decision a lock, reopening, revocation or policy entry records.
pub fn decision_of(record: &Record, fiscal: Option<FiscalStart>) -> Option<Decision> {
    match record {
        Record::Lock(l) => Some(Decision::Lock(l.through)),
        Record::Reopen(r) => Some(Decision::Reopen {
            year: r.year,
            start: fiscal?.year_bounds(r.year)?.0,
        }),
        Record::Revocation(v) => Some(Decision::Revocation(v.officer.clone())),
        Record::Policy(p) => Some(Decision::Policy(p.quorum)),
        _ => None,
    }
}
