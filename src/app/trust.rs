//! The officers' side of the ledger: keys, seals and signatures, period closing, receipts,
//! members' receipts with inclusion proofs, and the audit bundle. Like [`crate::app`], one
//! method per user action, each one SQLite transaction; the rules are the [`Book`]'s.

use crate::chain::signing;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::app::decisions::{SealOutcome, seal_fingerprint};
use crate::app::decisions::{load_key, load_keys, replay, signer};
use crate::app::{Ledger, LedgerError, Written, append_entry, append_record, load_book};
use crate::chain::merkle::{self, inclusion_proof, leaf_hash, root_from_proof};
use crate::chain::{BankBalance, ChainEntry, Hash, Receipt, Record, entry_hash};
use crate::domain::{
    AccountCode, AccountType, Entry, EntryHeader, EntryId, EntryKind, Minor, Officer, OfficerId,
    text,
};
use crate::files::keys::{self, PrivateKey};
use crate::files::receipts::ReceiptStore;
use crate::rules::Book;
use crate::store::Appender;

type Result<T, E = LedgerError> = std::result::Result<T, E>;

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

/// The format of the members' receipts amana writes. Format 1 (before the accounts, the first
/// seal and the approvals were carried) is still read, and fails with a request for a new one.
pub const MEMBER_RECEIPT_FORMAT: &str = "amana-member-receipt/2";
const MEMBER_RECEIPT_FORMAT_1: &str = "amana-member-receipt/1";

/// Why a transaction is not money received from a member or a donor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotReceived {
    Reversal(EntryId),
    Closing(i32),
    UnknownAccount(AccountCode),
    NoIncome,
    NoMoney,
}

impl std::fmt::Display for NotReceived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotReceived::Reversal(of) => write!(f, "it is a reversal (of transaction {of})"),
            NotReceived::Closing(year) => write!(f, "it is the closing of fiscal year {year}"),
            NotReceived::UnknownAccount(a) => write!(f, "the kind of account {a} is not known"),
            NotReceived::NoIncome => f.write_str("it credits no income account"),
            NotReceived::NoMoney => f.write_str("it debits no cash or bank account"),
        }
    }
}

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
        EntryKind::Closing { year, .. } => return Err(NotReceived::Closing(*year)),
        EntryKind::Transaction => {}
    }
    let (mut income, mut money_in) = (0i64, false);
    for p in e.postings() {
        let kind =
            kind_of(&p.account).ok_or_else(|| NotReceived::UnknownAccount(p.account.clone()))?;
        if crate::rules::receives(Some(kind)) {
            income = income.saturating_sub(p.amount.0);
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
    debug_assert_eq!(
        book.officer_entry(officer).and_then(|(_, h)| h),
        Some(*hash)
    );
    crate::app::decisions::sign_entry(app, book, actor, seq, key)
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
    for key in signers {
        crate::app::decisions::sign_entry(app, book, actor, written.seq, key)?;
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
            if !approvers.is_empty() && book.officer_entry(&officer.id).is_none() {
                return Err(LedgerError::Refused(format!(
                    "officer {} is registered before the ledger's first seal: a founding officer, whose signatures count without approval; leave out --approve",
                    officer.id
                )));
            }
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
    pub fn approve_officer(
        &mut self,
        id: &str,
        key_file: &Path,
    ) -> Result<crate::app::decisions::DecisionOutcome> {
        let id = OfficerId::parse(id)?;
        let key = load_key(key_file)?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = load_book(app)?;
            let Some((seq, hash)) = book.officer_entry(&id) else {
                return Err(LedgerError::Refused(if book.officer_key(&id).is_some() {
                    format!(
                        "officer {id} was registered before the ledger's first seal: a founding officer, whose signatures count without approval"
                    )
                } else {
                    format!("officer {id} is not registered (amana officer add)")
                }));
            };
            if let Some(at) = book.governance().revoked_at(&id) {
                return Err(LedgerError::Refused(format!(
                    "officer {id} was revoked (chain entry {at}): an approval would change nothing"
                )));
            }
            let hash = hash.expect("a stored officer entry has its hash");
            approve(app, &mut book, &actor, &id, seq, &hash, &key)?;
            Ok(crate::app::decisions::DecisionOutcome::of(&book, seq))
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
        // The chain keeps bank balances by account, each once.
        let mut banks = banks;
        banks.sort_by(|a, b| a.account.cmp(&b.account));
        if let Some(twice) = banks.windows(2).find(|w| w[0].account == w[1].account) {
            return Err(LedgerError::Refused(format!(
                "--bank names account {} twice: give each bank account's statement balance once",
                twice[0].account
            )));
        }
        let actor = self.actor.clone();
        let today = chrono::Local::now().date_naive();
        if let Some(end) = period_end
            && end >= today
        {
            return Err(LedgerError::Refused(format!(
                "the period ends {end}, which is not past: seal a period (and check its bank statements) once it has ended"
            )));
        }
        self.store.write(|app| {
            let mut book = replay(app)?;
            // In a ledger from before policies a seal still locks its period: not past a year
            // that could then never be closed.
            if let Some(end) = period_end
                && book.governance().quorum().is_none()
                && let Some(first) = book.unclosed_years_through(end).first()
            {
                return Err(LedgerError::Refused(format!(
                    "this ledger has no policy yet, so a seal locks its period, and locking through {end} would leave fiscal year {first} impossible to close: close it first with `amana close --year {first}`"
                )));
            }
            seal_and_sign(app, &mut book, &actor, period_end, banks, &signers)
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
            .ok_or_else(|| LedgerError::Refused(format!("fiscal year {year} is out of range: the ledger records years 1 to 9999; give the year the fiscal year starts in, e.g. --year 2025")))?;
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
            if let Some(locked) = book.locked_on(end) {
                return Err(LedgerError::Refused(
                    if book.governance().is_closed(year) {
                        format!(
                            "fiscal year {year} is already closed (the books are locked through {locked}); to correct it, the officers reopen it first: `amana reopen --year {year} --reason ...`"
                        )
                    } else {
                        format!(
                            "the books are locked through {locked}, which covers fiscal year {year}: it can no longer be closed; the officers reopen the last closed year first if it must be"
                        )
                    },
                ));
            }
            let postings = book
                .closing_postings(year, &restricted, &unrestricted)
                .map_err(|e| LedgerError::Rules(vec![e]))?;
            // A closing is the officers' decision: it needs the policy's signatures, all given
            // now (entries dated in the year could otherwise slip in before it takes effect).
            let officers = signers
                .iter()
                .map(|k| signer(&book, k))
                .collect::<Result<Vec<OfficerId>>>()?;
            // A year without income or expense has nothing to carry: it is locked instead.
            let decision = if postings.len() >= 2 {
                crate::rules::governance::Decision::Closing { year, end }
            } else {
                crate::rules::governance::Decision::Lock(end)
            };
            crate::app::decisions::require_quorum(&book, &decision, &officers)?;
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
                let written = append_entry(app, &mut book, &actor, entry)?;
                for key in &signers {
                    crate::app::decisions::sign_entry(app, &mut book, &actor, written.seq, key)?;
                }
                Some(written.entry.expect("an entry").0)
            } else {
                // A year without income or expense has nothing to carry: it is locked.
                let written = append_record(
                    app,
                    &mut book,
                    &actor,
                    Record::Lock(crate::chain::Lock {
                        through: end,
                        reason: format!(
                            "Clôture de l'exercice {year}, sans produits ni charges / Closing of fiscal year {year}, which had no income or expense"
                        ),
                    }),
                )?;
                for key in &signers {
                    crate::app::decisions::sign_entry(app, &mut book, &actor, written.seq, key)?;
                }
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
        let receipts = crate::app::stage_receipts(id, files)?;
        let actor = self.actor.clone();
        self.write_with_receipts(&store, |app, keep| {
            let mut book = load_book(app)?;
            let mut written = vec![];
            for (file, receipt) in receipts {
                written.push(append_record(
                    app,
                    &mut book,
                    &actor,
                    Record::Receipt(receipt),
                )?);
                keep.push(file);
            }
            Ok(written)
        })
    }

    /// The receipts of transaction `id`, each with where it is kept and whether it is intact.
    pub fn receipts_of(
        &self,
        id: EntryId,
    ) -> Result<Vec<(Receipt, PathBuf, crate::files::receipts::Status)>> {
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
                let status = store.check(&r.sha256, u64::try_from(r.size).ok());
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
        // The rest is read from the chain's own entries, which the receipt proves, rather
        // than from the tables.
        let facts = ChainFacts::read(store, info)?;
        if let Some((by, date)) = facts.reversed_by.get(&id) {
            return Err(LedgerError::Refused(format!(
                "transaction {id} was reversed by transaction {by} ({date}): the books no longer count this money as received, so it has no member's receipt. If the money did come in, record it again and give the receipt of that transaction"
            )));
        }
        let amount = money_received(&entry, &info.chart, |a| {
            facts.accounts.get(a).map(|(_, kind)| *kind)
        })
        .map_err(|why| {
            LedgerError::Refused(format!(
                "transaction {id} is not money received from a member or a donor: {why}. A member's receipt is for dues or a gift: a transaction that credits an income account and debits cash or a bank account (see `amana journal`)"
            ))
        })?;
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
    reversed_by: HashMap<EntryId, (EntryId, String)>,
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
                        facts.reversed_by.insert(
                            original,
                            (e.id(), crate::domain::format_date(e.header.date)),
                        );
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
