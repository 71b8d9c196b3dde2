//! Checking a member's receipt offline, against the fingerprint of a published seal: nothing
//! in the receipt is believed that the seal does not prove. This needs no ledger, only the
//! receipt file: a member, a donor or an auditor runs it.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::app::decisions::seal_fingerprint;
use crate::app::member_receipt::{
    MEMBER_RECEIPT_FORMAT, MEMBER_RECEIPT_FORMAT_1, MemberReceipt, NotReceived, ProvenEntry,
    money_received,
};
use crate::chain::merkle::{self, root_from_proof};
use crate::chain::signing;
use crate::chain::{ChainEntry, Hash, Record, entry_hash};
use crate::domain::{AccountCode, AccountType, Officer, OfficerId};

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
    /// Officers whose standing the receipt proves, and whose signature verifies.
    pub signed_by: Vec<String>,
    /// Signature lines that do not count: the receipt does not prove that their officer may
    /// sign (not registered in the sealed books, or registered after the first seal and not
    /// approved by an officer of standing), or the signature does not verify. Anyone can add
    /// such a line to a file, so it neither counts nor fails the receipt.
    pub unproven_signatures: Vec<String>,
    pub problems: Vec<String>,
}

/// Checks a member's receipt offline against the fingerprint of a published seal.
///
/// Everything it reports is read from bytes proven against that seal: the seal's own body
/// (whose hash gives the fingerprint), the entry and the ledger's genesis entry (each with an
/// audit path to the seal's Merkle root), the registrations of the entry's accounts (which
/// say it is money received, and how much), and each signer's standing (registration, first
/// seal, approvals). The receipt's other fields are only checked against them, never believed.
///
/// What a seal cannot prove is an absence: that no reversal of the transaction was recorded,
/// before or after the seal. `amana receipt member` refuses a reversed transaction; a receipt
/// made before a reversal still verifies against the seal it names.
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
        unproven_signatures: vec![],
        problems: vec![],
    };
    let wanted = signing::normalise_fingerprint(fingerprint);
    if receipt.format != MEMBER_RECEIPT_FORMAT && receipt.format != MEMBER_RECEIPT_FORMAT_1 {
        check.problems.push(format!(
            "the receipt's format is \"{}\", which this amana does not know ({MEMBER_RECEIPT_FORMAT} or {MEMBER_RECEIPT_FORMAT_1}): check it with the amana that wrote it",
            receipt.format
        ));
        return check;
    }
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
    // 3. The transaction, proven against the seal, and the kinds of its accounts, proven too:
    // a receipt is for money received, and shows the income received.
    let proven_entry = |e: &ProvenEntry| -> Option<Record> {
        let body = hex::decode(&e.body).ok()?;
        if !proven(e.seq, &body, &e.proof) {
            return None;
        }
        let entry = ChainEntry::decode(&body, Some(&info.currency)).ok()?;
        (entry.seq == e.seq).then_some(entry.record)
    };
    let kinds: HashMap<AccountCode, AccountType> = seal
        .accounts
        .iter()
        .filter_map(|e| match proven_entry(e)? {
            Record::Account(a) => Some((a.code, a.kind)),
            _ => None,
        })
        .collect();
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
            check.transaction = e.id().0;
            check.seq = seq;
            check.date = crate::domain::format_date(e.header.date);
            check.description = e.header.description.clone();
            match money_received(&e, &info.chart, |a| kinds.get(a).copied()) {
                Ok(amount) => {
                    check.amount =
                        format!("{} {}", info.currency.format(amount), info.currency.code);
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
                        problems.push(
                            "the receipt's printed details differ from the recorded entry".into(),
                        );
                    }
                }
                Err(NotReceived::UnknownAccount(a)) => problems.push(format!(
                    "the receipt does not prove the kind of account {a}, so not that transaction {} is money received{}: ask the association for a new receipt (`amana receipt member {}`)",
                    check.transaction,
                    if receipt.format == MEMBER_RECEIPT_FORMAT_1 {
                        " (receipts of format amana-member-receipt/1 never do)"
                    } else {
                        ""
                    },
                    check.transaction
                )),
                Err(why) => problems.push(format!(
                    "transaction {} is not money received from a member or a donor: {why}",
                    check.transaction
                )),
            }
        }
        _ => problems.push("the entry's bytes are not a recorded transaction".into()),
    }
    if seal_seq != seal.seq {
        problems.push("the seal is not at the position the receipt names".into());
    }
    // 4. The signers: an officer's signature counts when the receipt proves their standing as
    // the book decides it (crate::rules): registered before the ledger's first seal, or
    // approved, before this seal, by an officer who had standing then. Walked in chain order
    // over proven entries only, so an approval counts only after its approver's own standing.
    let first_seal = if sl.previous.is_none() {
        Some(seal_seq)
    } else {
        seal.first_seal
            .as_ref()
            .and_then(|f| match proven_entry(f)? {
                Record::Seal(first) if first.previous.is_none() => Some(f.seq),
                _ => None,
            })
    };
    let mut entries: BTreeMap<i64, (Record, Hash)> = BTreeMap::new();
    for e in seal
        .signatures
        .iter()
        .filter_map(|s| s.registration.as_ref())
        .chain(&seal.standing)
    {
        if let Some(record) = proven_entry(e) {
            let hash = entry_hash(&hex::decode(&e.body).unwrap_or_default());
            entries.insert(e.seq, (record, hash));
        }
    }
    let mut registered: HashMap<OfficerId, Officer> = HashMap::new();
    let mut registration_at: HashMap<i64, (OfficerId, Hash)> = HashMap::new();
    let mut standing: HashSet<OfficerId> = HashSet::new();
    // As many approvals as the strictest policy the receipt proves (one before policies):
    // a policy left out of the receipt can only make the check stricter or leave it as the
    // ledger's first policy says, which is always carried (entry 2 of a ledger made since).
    let quorum = entries
        .values()
        .filter_map(|(r, _)| match r {
            Record::Policy(p) => usize::try_from(p.quorum).ok(),
            _ => None,
        })
        .max()
        .unwrap_or(1);
    let mut approvals: HashMap<OfficerId, HashSet<OfficerId>> = HashMap::new();
    for (seq, (record, hash)) in entries {
        match record {
            Record::Officer(o) => {
                if first_seal.is_some_and(|first| seq < first) {
                    standing.insert(o.id.clone());
                }
                registration_at.insert(seq, (o.id.clone(), hash));
                registered.insert(o.id.clone(), o);
            }
            Record::Signature(sig) => {
                let Some((target, target_hash)) = registration_at.get(&sig.seal) else {
                    continue;
                };
                if let Some(approver) = registered.get(&sig.officer)
                    && standing.contains(&approver.id)
                    && approver.id != *target
                    && signing::verify_approval(&approver.public_key, target_hash, &sig.signature)
                {
                    let by = approvals.entry(target.clone()).or_default();
                    by.insert(approver.id.clone());
                    if by.len() >= quorum {
                        standing.insert(target.clone());
                    }
                }
            }
            _ => {}
        }
    }
    for sig in &seal.signatures {
        let signature = hex::decode(&sig.signature).unwrap_or_default();
        match OfficerId::parse(&sig.officer)
            .ok()
            .and_then(|id| registered.get(&id))
        {
            Some(o) if standing.contains(&o.id) => {
                if signing::verify_seal(&o.public_key, &seal_hash, &signature) {
                    check
                        .signed_by
                        .push(format!("{} ({}, {})", o.name, o.role, o.id));
                } else {
                    check.unproven_signatures.push(format!(
                        "{}: the signature does not verify against the officer's registered key",
                        o.id
                    ));
                }
            }
            Some(o) => check.unproven_signatures.push(format!(
                "{}: registered after the ledger's first seal, and the receipt proves no approval of them by an officer who may sign",
                o.id
            )),
            None => check.unproven_signatures.push(format!(
                "{}: the receipt does not prove that this officer is registered in the sealed books",
                sig.officer
            )),
        }
    }
    check.ok = problems.is_empty();
    check.problems = problems;
    check
}
