//! The records a chain entry carries, one kind each: what changed, as plain values. Their
//! canonical bytes are [`super::ChainEntry::encode`]'s; `schema/CHAIN.md` lists every field.

use chrono::NaiveDate;

use super::Hash;
use crate::domain::{
    Account, AccountCode, BudgetLine, Entry, EntryId, Funder, FunderId, Grant, GrantId, LedgerInfo,
    LineId, Minor, Officer, OfficerId,
};
use crate::domain::{ExchangeRate, GrantTerms};

/// One imported file, as recorded before the entries it brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportInfo {
    pub file_sha256: Hash,
    pub file_name: String,
    /// Data rows read from the file (the header not counted).
    pub rows: i64,
    /// How many transaction entries follow this one, all carrying its sequence number as batch.
    pub transactions: i64,
    /// True when the same file had been imported before and the user insisted.
    pub forced: bool,
}

/// A grant's totals at a seal: what came in and what was spent, in base-currency minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantTotals {
    pub grant: GrantId,
    /// Net credit of income accounts charged to the grant (money received, positive).
    pub received: Minor,
    /// Net debit of expense accounts charged to the grant and of anything charged to one of its
    /// budget lines (money spent, positive).
    pub spent: Minor,
}

/// A bank account's closing balance as the bank's statement gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankBalance {
    pub account: AccountCode,
    pub balance: Minor,
    /// The statement it comes from (number, date): the bank is an independent witness.
    pub statement: String,
}

/// A checkpoint of the chain: what the books held when it was made, and the proof of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    /// Entries dated on or before this day are refused after the seal (the period is locked).
    pub period_end: Option<NaiveDate>,
    /// The seal covers entries 1 to `covered` (all entries before it).
    pub covered: i64,
    /// The chain hash of entry `covered`.
    pub head: Hash,
    /// RFC 6962 Merkle root over the entry hashes of entries 1 to `covered`.
    pub merkle_root: Hash,
    /// Sequence number and entry hash of the previous seal.
    pub previous: Option<(i64, Hash)>,
    /// Every account with a non-zero balance, by code.
    pub trial_balance: Vec<(AccountCode, Minor)>,
    /// Every grant, by id.
    pub grants: Vec<GrantTotals>,
    /// Bank closing balances, by account.
    pub banks: Vec<BankBalance>,
}

/// An officer's signature of a seal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealSignature {
    /// Sequence number of the seal entry signed.
    pub seal: i64,
    pub officer: OfficerId,
    /// Ed25519 signature of `"amana/v1/seal\0" ‖ entry_hash(seal)`.
    pub signature: [u8; 64],
}

/// A supporting document of an entry, kept by its hash in the receipt store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub entry: EntryId,
    pub sha256: Hash,
    pub file_name: String,
    pub size: i64,
}

/// The officers' rule for decisions: how many of them must sign a closing, a lock, a
/// reopening, a revocation, an approval or a new policy before it takes effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub quorum: i64,
}

/// The officers' decision to lock the books: nothing dated on or before `through` may be
/// recorded once the lock has its signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lock {
    pub through: NaiveDate,
    pub reason: String,
}

/// The officers' decision to reopen a closed fiscal year (and everything after it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reopen {
    pub year: i32,
    pub reason: String,
}

/// The officers' decision that an officer's signatures no longer count (a lost key, a new
/// board).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revocation {
    pub officer: OfficerId,
    pub reason: String,
}

/// A correction of a grant's agreement (an amendment the funder signed, or a mistake in what
/// was entered): its amount, its last day, or both, from `effective` on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantAmendment {
    pub grant: GrantId,
    /// The day the amendment takes effect.
    pub effective: NaiveDate,
    /// The new agreed amount, in minor units of the grant's currency; `None`: unchanged.
    pub amount: Option<Minor>,
    /// The new last day of the grant period; `None`: unchanged.
    pub end: Option<NaiveDate>,
    pub reason: String,
}

/// An account renamed (a mistake, or a new name), or retired: it takes no posting dated on or
/// after `effective` (the history keeps what was posted before).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountChange {
    pub code: AccountCode,
    /// From this day on; `None` only for a rename, which then corrects the name for all time.
    pub effective: Option<NaiveDate>,
    /// The new name; `None`: unchanged.
    pub name: Option<String>,
    pub retired: bool,
    pub reason: String,
}

/// A budget line's budget amended, or the line withdrawn: it takes no posting dated on or
/// after `effective` (what was charged to it before stays, and is reported).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetLineAmendment {
    pub grant: GrantId,
    pub line: LineId,
    pub effective: NaiveDate,
    /// The new budget, in minor units of the base currency; `None`: unchanged.
    pub amount: Option<Minor>,
    pub withdrawn: bool,
    pub reason: String,
}

/// A funder renamed (a mistake in its name, or a new name); listings show the latest name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunderChange {
    pub id: FunderId,
    pub name: String,
    pub reason: String,
}

/// The source of the money an income posting records (a member's dues, a donor's gift): the
/// posting schema is closed, so the funder is named by an entry of its own, written with the
/// transaction it qualifies (CHAIN.md, `source`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The transaction qualified.
    pub entry: EntryId,
    /// Its posting, counting from 0.
    pub posting: i64,
    pub funder: FunderId,
}

/// The treasurer's explanation of a budget line's variance, printed beside the line in the
/// funder report (CHAIN.md, `variance-note`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VarianceNote {
    pub grant: GrantId,
    pub line: LineId,
    /// The last day of the figures it explains (a period's or a year's end): a report whose
    /// period ends earlier does not print it.
    pub through: NaiveDate,
    pub text: String,
}

/// A setting of the ledger's (CHAIN.md, `setting`): the latest entry of a key is in force.
/// The key and value are kept as given; the book admits only those `domain::setting` knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    pub key: String,
    pub value: String,
}

/// The threshold past which a budget line's variance of a grant needs an explanation: more
/// than `percent` % of the line's budget and more than `amount` (CHAIN.md,
/// `variance-threshold`). The latest of a grant is in force; without one, 10% and 1,000.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VarianceThreshold {
    pub grant: GrantId,
    /// Whole percent, 0 to 1000.
    pub percent: i64,
    /// Minor units of the base currency.
    pub amount: Minor,
}

/// A bank statement's lines recorded (CHAIN.md, `bank-import`, rule 25): exactly as many
/// `transaction` entries follow as it has fingerprints, the i-th recording the i-th line, each
/// with a posting to `account` and this entry's seq as its batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankImport {
    /// The bank account the statement is of.
    pub account: AccountCode,
    pub file_sha256: Hash,
    /// Its file name, without folders.
    pub file_name: String,
    /// The layout it was read with, in one line (encoding, separator, columns...).
    pub layout: String,
    /// Statement lines read.
    pub rows: i64,
    /// Lines already recorded by an earlier statement (same fingerprint), left out.
    pub skipped: i64,
    /// Where lines no rule matched were posted, if any was.
    pub suspense: Option<AccountCode>,
    /// The fingerprint of each line recorded, in order (`formats::bank::fingerprint`).
    pub lines: Vec<Hash>,
}

/// A bank line that sat in suspense, assigned (CHAIN.md, `bank-assignment`, rule 26):
/// `transaction`, recorded before, moves the line's amount out of the suspense account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankAssignment {
    /// The transaction that recorded the bank line.
    pub entry: EntryId,
    /// The transaction that reclassifies it.
    pub transaction: EntryId,
}

/// A bank account's books matched with a statement (CHAIN.md, `reconciliation`, rule 27):
/// `entries` are the transactions the statement shows, matched now; the ones on the account
/// never matched are outstanding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reconciliation {
    pub account: AccountCode,
    /// The statement's closing date.
    pub date: NaiveDate,
    /// The statement's closing balance, minor units of the base currency.
    pub balance: Minor,
    /// The books' balance of the account through `date` when it was recorded: a seal accepts
    /// the statement's balance only while the books still hold this (rule 10).
    pub books: Minor,
    /// The statement's text (its name and number, as the bank prints it).
    pub statement: String,
    pub entries: Vec<EntryId>,
}

/// A funder's organisation identifier (CHAIN.md, `funder-identifier`, rule 28): how IATI and
/// 360Giving files name it. The latest of a funder is in force; a later one corrects it. The
/// identifier is kept as given; the book admits only the shape `domain::orgid` checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunderIdentifier {
    pub funder: FunderId,
    pub org_id: String,
}

/// What a chain entry records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Ledger(LedgerInfo),
    Account(Account),
    Funder(Funder),
    Grant(Grant),
    BudgetLine(BudgetLine),
    Import(ImportInfo),
    /// A transaction or, when its kind says so, a reversal or a closing.
    Entry(Entry),
    Officer(Officer),
    Seal(Seal),
    Signature(SealSignature),
    Receipt(Receipt),
    Policy(Policy),
    Lock(Lock),
    Reopen(Reopen),
    Revocation(Revocation),
    GrantAmendment(GrantAmendment),
    AccountChange(AccountChange),
    BudgetLineAmendment(BudgetLineAmendment),
    FunderChange(FunderChange),
    Source(Source),
    /// A fixed asset registered from the posting that bought it.
    Asset(crate::domain::asset::Asset),
    /// One rate of the rate table.
    Rate(ExchangeRate),
    /// A grant's terms: its rate method, closing window and budget currency.
    GrantTerms(GrantTerms),
    /// The explanation of a budget line's variance.
    VarianceNote(VarianceNote),
    /// A ledger setting for reports (language, time zone).
    Setting(Setting),
    /// A grant's threshold of variances that need an explanation.
    VarianceThreshold(VarianceThreshold),
    /// A bank statement's new lines, the transactions recording them following.
    BankImport(BankImport),
    /// A bank line taken out of suspense by a reclassification.
    BankAssignment(BankAssignment),
    /// A bank account's books matched with a statement.
    Reconciliation(Reconciliation),
    /// A funder's organisation identifier.
    FunderIdentifier(FunderIdentifier),
}

impl Record {
    /// The transaction this record must be checked against: the one a reversal reverses, the
    /// one an asset is registered from, or the one a source names. The book is handed it by whoever reads the chain.
    pub fn refers_to(&self) -> Option<EntryId> {
        match self {
            Record::Entry(e) => e.reverses(),
            Record::Asset(a) => Some(a.entry),
            Record::Source(s) => Some(s.entry),
            Record::BankAssignment(a) => Some(a.transaction),
            _ => None,
        }
    }

    /// The kind name written in the body and in the log table.
    pub fn kind(&self) -> &'static str {
        match self {
            Record::Ledger(_) => "ledger",
            Record::Account(_) => "account",
            Record::Funder(_) => "funder",
            Record::Grant(_) => "grant",
            Record::BudgetLine(_) => "budget-line",
            Record::Import(_) => "import",
            Record::Entry(e) => e.header.kind.name(),
            Record::Officer(_) => "officer",
            Record::Seal(_) => "seal",
            Record::Signature(_) => "signature",
            Record::Receipt(_) => "receipt",
            Record::Policy(_) => "policy",
            Record::Lock(_) => "lock",
            Record::Reopen(_) => "reopen",
            Record::Revocation(_) => "revocation",
            Record::GrantAmendment(_) => "grant-amendment",
            Record::AccountChange(_) => "account-change",
            Record::BudgetLineAmendment(_) => "budget-line-amendment",
            Record::FunderChange(_) => "funder-change",
            Record::Source(_) => "source",
            Record::Asset(_) => "asset",
            Record::Rate(_) => "rate",
            Record::GrantTerms(_) => "grant-terms",
            Record::VarianceNote(_) => "variance-note",
            Record::Setting(_) => "setting",
            Record::VarianceThreshold(_) => "variance-threshold",
            Record::BankImport(_) => "bank-import",
            Record::BankAssignment(_) => "bank-assignment",
            Record::Reconciliation(_) => "reconciliation",
            Record::FunderIdentifier(_) => "funder-identifier",
        }
    }
}
