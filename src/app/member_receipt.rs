//! A member's receipt: the proof, for a member who paid dues or a donor who gave, that the
//! money is in the association's books, checkable offline against a published seal (see
//! [`crate::app::receipt_check`]). It carries the entry's bytes and its audit path to the
//! seal's Merkle root, and the entries that prove who the association is, which accounts hold
//! money and receive income, and who may sign.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::app::decisions::seal_fingerprint;
use crate::app::{Ledger, LedgerError, Refusal};
use crate::chain::merkle::{inclusion_proof, leaf_hash};
use crate::chain::{ChainEntry, Hash, Record, entry_hash};
use crate::domain::{AccountCode, AccountType, Entry, EntryId, EntryKind, Minor, OfficerId};

pub use crate::app::error::NotReceived;

type Result<T, E = LedgerError> = std::result::Result<T, E>;

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
    /// The registration of each account of the transaction: it proves which is income and
    /// which is money, so that the receipt shows money received and how much (format 2).
    #[serde(default)]
    pub accounts: Vec<ProvenEntry>,
    /// The ledger's first seal, when it is not this one: the officers registered before it
    /// are the founding ones, whose signatures count without an approval (format 2).
    #[serde(default)]
    pub first_seal: Option<ProvenEntry>,
    /// The approvals that give the officers registered later their standing, and the
    /// registrations of those who approved them, back to a founding officer (format 2).
    #[serde(default)]
    pub standing: Vec<ProvenEntry>,
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

/// The format of the members' receipts amana writes. Format 1 (before the accounts, the first
/// seal and the approvals were carried) is still read, and fails with a request for a new one.
pub const MEMBER_RECEIPT_FORMAT: &str = "amana-member-receipt/2";

pub(crate) const MEMBER_RECEIPT_FORMAT_1: &str = "amana-member-receipt/1";

/// The money a transaction received from a member or a donor: the net credit of its income
/// accounts (dues, gifts, grants), when it also debits an account that holds money (see
/// [`crate::formats::charts::is_money`]). A deposit taken with the dues (a liability) or a bank fee
/// kept from them is not the member's dues: the receipt shows the income, not what moved.
/// Used alike when a receipt is made and when it is checked.
pub fn money_received(
    e: &Entry,
    chart: &str,
    kind_of: impl Fn(&AccountCode) -> Option<AccountType>,
) -> std::result::Result<Minor, NotReceived> {
    match &e.header.kind {
        EntryKind::Reversal { reverses, .. } => return Err(NotReceived::Reversal(*reverses)),
        EntryKind::Closing { year, .. }
        | EntryKind::DedicatedFunds { year, .. }
        | EntryKind::Allocation { year, .. } => return Err(NotReceived::Closing(*year)),
        EntryKind::Depreciation { asset, .. } => {
            return Err(NotReceived::Depreciation(asset.clone()));
        }
        EntryKind::Transaction => {}
    }
    let (mut income, mut money_in) = (0i64, false);
    for p in e.postings() {
        let kind =
            kind_of(&p.account).ok_or_else(|| NotReceived::UnknownAccount(p.account.clone()))?;
        if crate::rules::receives(Some(kind)) {
            income = income
                .checked_sub(p.amount.0)
                .ok_or(NotReceived::IncomeOverflow)?;
        }
        money_in |= p.amount.0 > 0 && crate::formats::charts::is_money(chart, &p.account, kind);
    }
    if income <= 0 {
        return Err(NotReceived::NoIncome);
    }
    if !money_in {
        return Err(NotReceived::NoMoney);
    }
    Ok(Minor(income))
}

impl Ledger {
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
        let not_found = || LedgerError::from(Refusal::MemberReceiptNotFound { id });
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
        // The rest is read from the chain's own entries, which the receipt proves, rather
        // than from the tables.
        let facts = ChainFacts::read(store, info)?;
        if let Some((by, date)) = facts.reversed_by.get(&id) {
            return Err(Refusal::TransactionReversed {
                id,
                by: *by,
                date: *date,
            }
            .into());
        }
        let amount = money_received(&entry, &info.chart, |a| {
            facts.accounts.get(a).map(|(_, kind)| *kind)
        })
        .map_err(|why| Refusal::NotMoneyReceived { id, why })?;
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
                let mut signers = vec![];
                for row in store.signatures_of(s)? {
                    signers.push(row.officer.clone());
                    signatures.push(ReceiptSignature {
                        registration: prove(row.officer_seq)?,
                        officer: row.officer,
                        name: row.name,
                        role: row.role,
                        public_key: hex::encode(row.public_key),
                        signature: hex::encode(row.signature),
                    });
                }
                let mut account_seqs: Vec<i64> = entry
                    .postings()
                    .iter()
                    .filter_map(|p| facts.accounts.get(&p.account).map(|(seq, _)| *seq))
                    .collect();
                account_seqs.sort_unstable();
                account_seqs.dedup();
                let accounts = account_seqs
                    .into_iter()
                    .filter_map(|seq| prove(seq).transpose())
                    .collect::<Result<Vec<_>>>()?;
                let first_seal = match facts.first_seal {
                    Some(first) if first != s => prove(first)?,
                    _ => None,
                };
                let standing = facts
                    .standing_of(&signers, sl.covered)
                    .into_iter()
                    .filter_map(|seq| prove(seq).transpose())
                    .collect::<Result<Vec<_>>>()?;
                let genesis = prove(1)?.expect("a seal covers the genesis entry");
                Some(ReceiptSeal {
                    seq: s,
                    fingerprint: seal_fingerprint(&entry_hash(&seal_body)),
                    body: hex::encode(&seal_body),
                    proof: proof.iter().map(hex::encode).collect(),
                    genesis,
                    signatures,
                    accounts,
                    first_seal,
                    standing,
                })
            }
        };
        Ok(MemberReceipt {
            format: MEMBER_RECEIPT_FORMAT.into(),
            ledger: info.name.clone(),
            ledger_id: hex::encode(&info.id),
            currency: info.currency.code.clone(),
            currency_exponent: info.currency.exponent,
            transaction: id.0,
            date: crate::domain::format_date(entry.header.date),
            description: entry.header.description.clone(),
            amount: info.currency.format(amount),
            seq,
            entry_hash: hex::encode(entry_hash(&body)),
            body: hex::encode(&body),
            seal,
        })
    }
}

/// What a member's receipt needs to know of the chain, read from its entries in one pass.
#[derive(Debug, Default)]
struct ChainFacts {
    /// Each account's registration entry and kind.
    accounts: HashMap<AccountCode, (i64, AccountType)>,
    /// Each officer's registration entry, both ways.
    officers: HashMap<OfficerId, i64>,
    officer_at: HashMap<i64, OfficerId>,
    /// Approvals: (seq, officer approved, approver).
    approvals: Vec<(i64, OfficerId, OfficerId)>,
    first_seal: Option<i64>,
    /// The policy entries (how many officers approve a new one).
    policies: Vec<i64>,
    /// Reversed transactions: by which reversal, on which day.
    reversed_by: HashMap<EntryId, (EntryId, NaiveDate)>,
}

impl ChainFacts {
    fn read(store: &crate::store::Store, info: &crate::domain::LedgerInfo) -> Result<ChainFacts> {
        let mut facts = ChainFacts::default();
        store.for_each_log_row(|row| {
            let Ok(entry) = ChainEntry::decode(&row.body, Some(&info.currency)) else {
                return;
            };
            match entry.record {
                Record::Account(a) => {
                    facts.accounts.insert(a.code, (row.seq, a.kind));
                }
                Record::Officer(o) => {
                    facts.officers.insert(o.id.clone(), row.seq);
                    facts.officer_at.insert(row.seq, o.id);
                }
                Record::Seal(_) => {
                    facts.first_seal.get_or_insert(row.seq);
                }
                Record::Policy(_) => facts.policies.push(row.seq),
                Record::Signature(sig) => {
                    if let Some(target) = facts.officer_at.get(&sig.seal) {
                        facts.approvals.push((row.seq, target.clone(), sig.officer));
                    }
                }
                Record::Entry(e) => {
                    if let Some(original) = e.reverses() {
                        facts.reversed_by.insert(original, (e.id(), e.header.date));
                    }
                }
                _ => {}
            }
        })?;
        Ok(facts)
    }

    /// The chain entries (up to `covered`) that prove the standing of `signers` beyond their
    /// own registration: for each officer registered after the first seal, the approvals of
    /// them, and the registration and standing of each approver, back to founding officers.
    fn standing_of(&self, signers: &[String], covered: i64) -> Vec<i64> {
        let mut seqs = vec![];
        let mut todo: Vec<OfficerId> = signers
            .iter()
            .filter_map(|s| OfficerId::parse(s).ok())
            .collect();
        let mut seen: std::collections::HashSet<OfficerId> = todo.iter().cloned().collect();
        while let Some(officer) = todo.pop() {
            let Some(&registered) = self.officers.get(&officer) else {
                continue;
            };
            if self.first_seal.is_none_or(|first| registered < first) {
                continue;
            }
            for (seq, target, approver) in &self.approvals {
                if *target != officer || *seq > covered {
                    continue;
                }
                seqs.push(*seq);
                if seen.insert(approver.clone()) {
                    if let Some(&r) = self.officers.get(approver) {
                        seqs.push(r);
                    }
                    todo.push(approver.clone());
                }
            }
        }
        // The policies say how many approvals make an officer.
        seqs.extend(self.policies.iter().filter(|s| **s <= covered));
        seqs.sort_unstable();
        seqs.dedup();
        seqs
    }
}
