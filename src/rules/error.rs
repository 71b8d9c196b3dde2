//! The rules' refusals and warnings, as values: what a record breaks ([`RuleError`]: which
//! rule, with its typed values, the field and the posting it concerns) and what was recorded
//! but is worth telling the treasurer ([`Warning`]). The book and the officers' rules report
//! alike, an import puts each refusal at its line and column, and a web form can put it next to
//! the field it names.
//!
//! Nothing here is English: each kind has a message id and named arguments, and the English
//! is rendered from them in one place, `messages` (a Fluent catalogue can give the
//! French and Arabic ones from the same id and arguments).

use std::fmt;

use chrono::NaiveDate;

use crate::chain::Hash;
use crate::domain::{
    AccountCode, AccountType, DomainError, EntryId, FunderId, GrantId, LineId, Minor, Money,
    OfficerId,
};

/// A rule a new chain entry breaks, and where: the posting at fault, if it is one posting's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// Index of the posting at fault, when it is one posting's fault.
    pub posting: Option<usize>,
    /// Boxed: a refusal is rare, and the kinds with amounts and their currencies are large.
    pub kind: Box<RuleKind>,
}

impl RuleError {
    /// The same refusal, at posting `posting` of the entry.
    pub fn at(mut self, posting: usize) -> Self {
        self.posting = Some(posting);
        self
    }

    /// The field at fault, named as the CSV column (`account`, `grant`, `line`, `date`, ...).
    pub fn field(&self) -> &'static str {
        self.kind.describe().field
    }

    /// The value at fault, as the field shows it.
    pub fn value(&self) -> String {
        self.kind.describe().value
    }

    /// The message id (`rule-...`), the same in every language.
    pub fn id(&self) -> &'static str {
        self.kind.describe().id
    }

    /// The message's named arguments, each as text.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        self.kind.describe().args
    }

    /// The message in English.
    pub fn message(&self) -> String {
        self.kind.describe().english()
    }
}

impl From<RuleKind> for RuleError {
    fn from(kind: RuleKind) -> Self {
        RuleError {
            posting: None,
            kind: Box::new(kind),
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// A check that only a book that replayed the whole chain can make (it needs the totals or
/// what every transaction used).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replayed {
    Closing,
    Seal,
    GrantAmendment,
    AccountRetirement,
    LineWithdrawal,
}

/// Which rule a record breaks, with the values that break it. One variant per rule; the
/// English of each is in `messages`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleKind {
    // The chain's order (sequence).
    SeqOutOfOrder {
        seq: i64,
        expected: i64,
    },
    GenesisFirst {
        kind: &'static str,
    },
    GenesisTwice,
    BatchInterrupted {
        batch: i64,
        remaining: i64,
        kind: &'static str,
    },
    ImportedAlready {
        file_name: String,
        sha256: Hash,
    },
    ImportEmpty {
        transactions: i64,
    },
    EntryNumber {
        id: EntryId,
        expected: i64,
    },
    ReversalInImport {
        batch: i64,
    },
    NotTheOpenImport {
        batch: i64,
    },

    // What exists (registry).
    AccountExists {
        code: AccountCode,
    },
    FunderExists {
        id: FunderId,
    },
    GrantExists {
        id: GrantId,
    },
    GrantFunderMissing {
        funder: FunderId,
    },
    CurrencyNotInTable {
        currency: String,
    },
    GrantAmountOutOfRange {
        amount: Minor,
    },
    GrantEndsBeforeStart {
        end: NaiveDate,
        start: NaiveDate,
    },
    LineGrantMissing {
        grant: GrantId,
    },
    LineExists {
        grant: GrantId,
        line: LineId,
    },
    BudgetOutOfRange {
        amount: Minor,
    },
    LineAccountMissing {
        account: AccountCode,
    },
    ReceiptEntryMissing {
        entry: EntryId,
    },
    ReceiptFileName {
        file_name: String,
    },
    ReceiptTwice {
        entry: EntryId,
        sha256: Hash,
    },

    // Corrections of the set-up (amendments, CHAIN.md rule 16).
    AmendedGrantMissing {
        grant: GrantId,
    },
    GrantAmendmentEmpty {
        grant: GrantId,
    },
    GrantWouldEndBeforeStart {
        grant: GrantId,
        end: NaiveDate,
        start: NaiveDate,
    },
    GrantSpentAfterEnd {
        grant: GrantId,
        end: NaiveDate,
        entries: Vec<EntryId>,
    },
    ChangedAccountMissing {
        code: AccountCode,
    },
    AccountChangeEmpty {
        code: AccountCode,
    },
    RetirementUndated {
        code: AccountCode,
    },
    AccountRetiredAlready {
        code: AccountCode,
        since: NaiveDate,
    },
    AccountUsedFrom {
        code: AccountCode,
        from: NaiveDate,
        entries: Vec<EntryId>,
    },
    AmendedLineMissing {
        grant: GrantId,
        line: LineId,
    },
    LineAmendmentEmpty {
        grant: GrantId,
        line: LineId,
    },
    LineWithdrawnAlready {
        grant: GrantId,
        line: LineId,
        since: NaiveDate,
    },
    LineChargedFrom {
        grant: GrantId,
        line: LineId,
        from: NaiveDate,
        entries: Vec<EntryId>,
    },
    ChangedFunderMissing {
        id: FunderId,
    },

    // Entries and their eligibility.
    EntryInvalid {
        id: EntryId,
        error: DomainError,
    },
    Locked {
        date: NaiveDate,
        locked: NaiveDate,
    },
    AccountUnknown {
        account: AccountCode,
    },
    GrantUnknown {
        grant: GrantId,
    },
    OutsideGrantPeriod {
        date: NaiveDate,
        grant: GrantId,
        start: NaiveDate,
        end: NaiveDate,
    },
    LineNotOfGrant {
        line: LineId,
        grant: GrantId,
    },
    LineOfOtherGrants {
        line: LineId,
        grant: GrantId,
        others: Vec<GrantId>,
    },
    OriginalCurrencyUnknown {
        currency: String,
    },
    AccountRetired {
        account: AccountCode,
        from: NaiveDate,
    },
    LineWithdrawn {
        grant: GrantId,
        line: LineId,
        from: NaiveDate,
    },
    ReversedMissing {
        reverses: EntryId,
    },
    ReversedTwice {
        reverses: EntryId,
    },
    ClosingReversed {
        reverses: EntryId,
    },
    ReversalReversed {
        reverses: EntryId,
    },
    ReversalBeforeOriginal {
        date: NaiveDate,
        original: NaiveDate,
    },
    ReversalNotMirrored {
        reverses: EntryId,
    },

    // Periods, locks, closings and seals.
    LockStrandsYear {
        through: NaiveDate,
        year: i32,
    },
    ClosingDates {
        date: NaiveDate,
        year: i32,
    },
    ClosingInImport,
    YearClosed {
        year: i32,
    },
    NotNetAssets {
        account: AccountCode,
    },
    NotReplayed {
        check: Replayed,
    },
    ClosingPostings {
        year: i32,
    },
    DedicatedFundsPostings {
        year: i32,
    },
    AccountRole {
        account: AccountCode,
        expected: AccountType,
        /// The role the entry gives it: `surplus`, `deficit`, `dedicated-funds`, `charge`,
        /// `release`.
        role: &'static str,
    },
    AllocationClosing {
        closing: i64,
        year: i32,
    },
    AllocationTwice {
        closing: i64,
        seq: i64,
    },
    AllocationDate {
        date: NaiveDate,
        year: i32,
    },
    AllocationPostings {
        closing: i64,
    },
    /// Fixed assets and their depreciation ([`super::assets`]).
    Asset(super::assets::AssetRule),
    /// Explanations of budget variances ([`super::variance`]).
    Variance(super::variance::VarianceRule),
    /// Bank statements, suspense and reconciliations ([`super::bank`]).
    Bank(super::bank::BankRule),
    SealBankMissing {
        account: AccountCode,
    },
    SealHead {
        covered: i64,
        head: Hash,
    },
    SealMerkleRoot,
    SealPrevious,
    SealTrialBalance,
    SealGrants,
    /// A statement's balance differs from the books' as of its period's end (`as_of`).
    SealBank {
        statement: String,
        account: AccountCode,
        statement_balance: Money,
        books: Money,
        /// |books − statement|.
        difference: Money,
        as_of: Option<NaiveDate>,
    },
    /// A total (a balance, a grant's or a year's) goes beyond 64 bits of minor units with the
    /// chain entry at `seq`: no ledger of valid entries gets there, so the ledger is corrupt or
    /// hostile.
    TotalOverflow {
        seq: i64,
    },

    // Officers, signatures and decisions (governance).
    DecisionYearOutOfRange {
        kind: &'static str,
    },
    OfficerExists {
        id: OfficerId,
    },
    NotAPublicKey {
        key: [u8; 32],
    },
    KeyTaken {
        key: [u8; 32],
        other: OfficerId,
    },
    AlreadyLocked {
        through: NaiveDate,
        locked: NaiveDate,
    },
    ReopenNotClosed {
        year: i32,
    },
    ReopenNotLast {
        year: i32,
        last: i32,
    },
    YearOutOfRange {
        year: i32,
    },
    OfficerUnknown {
        officer: OfficerId,
    },
    OfficerRevokedAlready {
        officer: OfficerId,
    },
    LastOfficer {
        officer: OfficerId,
    },
    QuorumOutOfRange {
        quorum: i64,
        max: i64,
    },
    SignerUnknown {
        officer: OfficerId,
    },
    SignerRevoked {
        officer: OfficerId,
        at: i64,
    },
    SignerNotApproved {
        officer: OfficerId,
    },
    NotSignable {
        target: i64,
    },
    SignedTwice {
        officer: OfficerId,
        target: i64,
    },
    SelfDecision {
        officer: OfficerId,
    },
    SignedHashUnknown {
        target: i64,
    },
    BadSignature {
        signature: [u8; 64],
        domain: &'static str,
        target: i64,
        officer: OfficerId,
    },

    // Where income comes from; memorandum accounts (sources).
    SourceEntryMissing {
        entry: EntryId,
    },
    SourceNotTransaction {
        entry: EntryId,
    },
    SourceEntryReversed {
        entry: EntryId,
    },
    SourcePostingMissing {
        entry: EntryId,
        posting: i64,
    },
    SourceNotIncome {
        entry: EntryId,
        posting: i64,
        account: AccountCode,
    },
    SourceFunderMissing {
        funder: FunderId,
    },
    SourceOtherFunder {
        grant: GrantId,
        grant_funder: FunderId,
        funder: FunderId,
    },
    SourceTwice {
        entry: EntryId,
        posting: i64,
    },
    MemorandumMixed {
        memorandum: AccountCode,
        account: AccountCode,
    },
    // Charging (writer-side, `tags`): what amana's writer refuses at record time and `verify`
    // does not replay (older ledgers may hold such postings).
    PostingToParent {
        account: AccountCode,
        subs: Vec<AccountCode>,
    },
    TagOnMoney {
        account: AccountCode,
        /// `grant=G` or `line=L`, as written.
        tag: String,
    },
    LineNotOnExpense {
        account: AccountCode,
        kind: crate::domain::AccountType,
        grant: GrantId,
        line: LineId,
    },
    GrantTagMisplaced {
        account: AccountCode,
        kind: crate::domain::AccountType,
        grant: GrantId,
    },
    OriginalSignDiffers {
        account: AccountCode,
        amount: Money,
        original: Money,
    },
    // Money in a grant's own currency (rates and grant terms).
    RateCurrency {
        currency: String,
    },
    RateOutOfRange {
        currency: String,
        rate: i64,
    },
    RateTwice {
        currency: String,
        date: NaiveDate,
    },
    TermsGrantMissing {
        grant: GrantId,
    },
    ClosingDaysOutOfRange {
        grant: GrantId,
        days: i64,
    },
    BudgetCurrencyWithLines {
        grant: GrantId,
    },
    ClosingWindowSpent {
        grant: GrantId,
        last: NaiveDate,
        entries: Vec<EntryId>,
    },
    // The ledger's settings.
    SettingUnknown {
        key: String,
    },
    SettingInvalid {
        key: crate::domain::setting::SettingKey,
        value: String,
    },
    // Funders' organisation identifiers.
    IdentifiedFunderMissing {
        funder: FunderId,
    },
    OrgIdInvalid {
        funder: FunderId,
        org_id: String,
    },
}

/// Something recorded but worth telling the treasurer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A budget line's spending (the net of all postings charged to it) went over its budget
    /// with this entry.
    Overspent {
        entry: EntryId,
        grant: GrantId,
        line: LineId,
        budget: Money,
        spent: Money,
    },
    /// This computer's clock is behind the time of the entry before: one of the two clocks
    /// is wrong. Recorded all the same (a clock that was ahead must not block the books);
    /// `verify` reports it. The times are as the treasurer reads them (`%Y-%m-%d %H:%M UTC`).
    ClockBehind { now: String, last: String },
    /// A grant's spending (in the books' currency) went past its total in force.
    GrantOverspent {
        entry: EntryId,
        grant: GrantId,
        total: Money,
        spent: Money,
    },
    /// A grant's receipts went past the amount agreed (in force).
    GrantOverReceived {
        entry: EntryId,
        grant: GrantId,
        agreed: Money,
        received: Money,
    },
    /// A cash or bank account's balance, as of the entry's date, went below zero.
    MoneyBelowZero {
        entry: EntryId,
        account: AccountCode,
        date: NaiveDate,
        balance: Money,
    },
    /// A transaction dated after the day it was recorded.
    DatedInFuture {
        entry: EntryId,
        date: NaiveDate,
        today: NaiveDate,
    },
    /// An account was added under one that already took postings: the parent takes no new
    /// posting (postings go to detail accounts); what it holds stays.
    ParentTakesNoPosting {
        account: AccountCode,
        parent: AccountCode,
        postings: i64,
    },
}

impl Warning {
    /// The message id (`warning-...`), the same in every language.
    pub fn id(&self) -> &'static str {
        self.describe().id
    }

    /// The message's named arguments, each as text.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        self.describe().args
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe().english())
    }
}
