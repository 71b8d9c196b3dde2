//! The kinds of refusal of the application layer, and what each names: the values a message
//! needs, typed, and the identifier and field a catalogue and a form use. The English is in
//! [`super::english`].

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::chain::signing::Signed;
use crate::chain::{DecodeError, Hash};
use crate::domain::{AccountCode, AccountType, EntryId, FunderId, GrantId, Money, OfficerId};
use crate::files::FileError;
use crate::files::keys::KeyError;
use crate::rules::RuleError;
use crate::verify::{BundleReadError, Problem};

use super::LedgerError;

/// A command refused: what kind of problem, and the values it concerns.
#[derive(Debug)]
pub enum Refusal {
    // Set-up, recording, import.
    LedgerFileNameMissing {
        path: PathBuf,
    },
    CountryNotIso {
        country: String,
    },
    SeveralAmountsLeftOut,
    TransactionNotFound {
        id: EntryId,
    },
    /// The original's date is locked, and so is every later day.
    ReversalPastEnd {
        id: EntryId,
        dated: NaiveDate,
        locked: NaiveDate,
    },
    ReversalInLockedPeriod {
        id: EntryId,
        dated: NaiveDate,
        locked: NaiveDate,
        first_open: NaiveDate,
        /// The reason given, for the command to paste.
        reason: String,
    },
    /// `bank import`: the account is not in the ledger.
    BankAccountMissing {
        account: AccountCode,
    },
    /// `bank import`: a statement is of an asset account (a bank, a cash box).
    BankAccountNotAsset {
        account: AccountCode,
        kind: crate::domain::AccountType,
    },
    /// `bank import`: lines no rule matches, and no suspense account to put them in.
    BankNoSuspense {
        lines: Vec<u64>,
    },
    /// `bank import`: the suspense account is not in the ledger.
    BankSuspenseMissing {
        account: AccountCode,
    },
    /// `reconcile`: the statement has no balance column and no --balance was given.
    ReconcileNoBalance {
        file: PathBuf,
    },
    /// `reconcile`: neither a statement file nor a balance and a date.
    ReconcileNothingGiven,
    /// `reconcile --outstanding`: not a transaction of the account waiting to be matched.
    ReconcileNotOutstanding {
        entry: EntryId,
        account: AccountCode,
    },
    /// `bank import`, `bank assign`: the statement's own account (or the suspense account) where
    /// another is needed; `role` is `suspense` or `assign`.
    BankSameAccount {
        account: AccountCode,
        role: &'static str,
    },
    /// `bank assign`: the transaction is not a bank line in suspense.
    BankLineNotInSuspense {
        entry: EntryId,
    },
    AlreadyImported {
        file: PathBuf,
        sha256: Hash,
        imported_as: String,
        seq: i64,
    },
    /// A receipt named in an import file: not found (the path tried) or unusable.
    ImportReceiptMissing {
        path: PathBuf,
    },
    ImportReceiptUnusable {
        error: Box<LedgerError>,
    },
    GrantNotFound {
        grant: GrantId,
    },
    // Money in a grant's own currency.
    /// A posting charged to a grant gives an original amount in another currency.
    OriginalNotGrantCurrency {
        grant: GrantId,
        currency: String,
        expected: String,
    },
    /// A posting charged to a foreign-currency grant without an original amount, and no rate
    /// of the grant's currency on or before its date to derive it.
    NoRateForGrant {
        grant: GrantId,
        currency: String,
        date: NaiveDate,
    },
    /// The instalments method, and nothing received yet on the grant in its currency.
    NoInstalmentsYet {
        grant: GrantId,
        currency: String,
    },
    /// A revaluation of an account that does not hold money (not an asset account).
    RevalueNotMoney {
        account: AccountCode,
    },
    /// A revaluation of an account with a posting that carries no amount in the currency.
    RevalueMixed {
        account: AccountCode,
        currency: String,
        entry: EntryId,
    },
    /// No rate of the currency on or before the revaluation's day.
    NoRateToRevalue {
        currency: String,
        date: NaiveDate,
    },
    /// The chart has no default accounts for exchange gains and losses.
    RevalueAccountsNeeded,

    // Officers, keys, decisions.
    /// A key file that cannot be used (not a key, an encrypted key without its passphrase ...).
    Key(KeyError),
    KeyNotRegistered {
        public_key: [u8; 32],
    },
    OfficerRevoked {
        officer: OfficerId,
        at: i64,
    },
    OfficerNotApproved {
        officer: OfficerId,
    },
    OfficerAlreadyApproved {
        officer: OfficerId,
    },
    /// `officer add --approve` for an officer registered before the first seal.
    FoundingOfficerApproved {
        officer: OfficerId,
    },
    /// `officer approve` of an officer registered before the first seal.
    FoundingOfficerNeedsNoApproval {
        officer: OfficerId,
    },
    OfficerNotRegistered {
        officer: OfficerId,
    },
    ApprovalOfRevoked {
        officer: OfficerId,
        at: i64,
    },
    SealNotFound {
        reference: String,
    },
    NotSignable {
        seq: i64,
    },
    LockNotPast {
        through: NaiveDate,
    },
    KeyGivenTwice {
        officer: OfficerId,
    },
    QuorumNotMet {
        /// The kind of decision (`closing`, `lock` ...).
        decision: &'static str,
        needed: usize,
        /// The ledger's policy, when it has one.
        quorum: Option<i64>,
        given: usize,
        can_sign: Vec<OfficerId>,
    },
    /// Seals and signatures are made only over a chain that replays.
    LedgerDoesNotVerify {
        seq: i64,
        why: ChainBreak,
    },

    // Seals and closings.
    BankTwice {
        account: AccountCode,
    },
    PeriodNotPast {
        end: NaiveDate,
    },
    SealBlocksClosing {
        end: NaiveDate,
        year: i32,
    },
    YearOutOfRange {
        year: i32,
    },
    YearNotEnded {
        year: i32,
        start: NaiveDate,
        end: NaiveDate,
    },
    YearAlreadyClosed {
        year: i32,
        locked: NaiveDate,
    },
    YearLocked {
        year: i32,
        locked: NaiveDate,
    },
    EarlierYearOpen {
        year: i32,
    },
    /// A step of the demo that failed (a defect of the demo's data, never the user's).
    DemoStep {
        step: String,
        reason: String,
    },
    /// A closing while an earlier year's result is not allocated yet.
    ResultNotAllocated {
        year: i32,
        account: AccountCode,
        amount: Money,
    },
    /// A closing while a restricted grant that ended before the year still holds dedicated funds.
    DedicatedFundOfEndedGrant {
        grant: GrantId,
        end: NaiveDate,
        amount: Money,
    },
    /// Charge and release accounts of dedicated funds must be given together.
    CarryAccountsTogether,
    /// An allocation of a year that has no result to allocate.
    NoResultToAllocate {
        year: i32,
    },
    /// An allocation whose parts do not add up to the result.
    AllocationSum {
        year: i32,
        result: Money,
        parts: Money,
    },

    // Members' receipts.
    MemberReceiptNotFound {
        id: EntryId,
    },
    TransactionReversed {
        id: EntryId,
        by: EntryId,
        date: NaiveDate,
    },
    NotMoneyReceived {
        id: EntryId,
        why: NotReceived,
    },

    // Audit bundles.
    BundleFolderNotEmpty {
        dir: PathBuf,
    },
    BundleEntryUndecodable {
        seq: i64,
        error: DecodeError,
    },
    BundleEntryDoesNotRebuild {
        seq: i64,
        dir: PathBuf,
    },
    /// The bundle to sign from does not verify: its first findings, and how many in all.
    BundleDoesNotVerify {
        dir: PathBuf,
        first: Vec<Problem>,
        count: usize,
    },
    BundleUnreadable {
        dir: PathBuf,
        why: BundleDefect,
    },
    BundleBroken {
        dir: PathBuf,
        seq: i64,
        why: ChainBreak,
    },
    AlreadySignedInBundle {
        officer: OfficerId,
        what: Signed,
        hash: Hash,
        seq: i64,
    },
    OwnDecision {
        seq: i64,
        officer: OfficerId,
    },
    BundleKeyNotRegistered {
        public_key: [u8; 32],
    },
    BundleOfficerNotApproved {
        officer: OfficerId,
    },

    // Signature files.
    SignatureFileUnreadable(ReadError),
    NotASignatureFile {
        path: PathBuf,
        error: serde_json::Error,
    },
    SignatureFormatUnknown {
        path: PathBuf,
        format: String,
    },
    SignatureFieldDamaged {
        path: PathBuf,
        field: &'static str,
        bytes: usize,
    },
    SignatureKindUnknown {
        path: PathBuf,
        kind: String,
    },
    SignatureFingerprintMismatch {
        path: PathBuf,
        claimed: String,
        hash: Hash,
    },
    SignatureOtherLedger {
        path: PathBuf,
        /// The ledger's name and identity (hex) as the file says them.
        ledger: String,
        ledger_id: String,
        this_ledger: String,
        this_id: Vec<u8>,
    },
    SignatureEntryNotSignable {
        path: PathBuf,
        seq: i64,
        what: Signed,
        fingerprint: String,
    },
    SignatureSealMismatch {
        path: PathBuf,
        hash: Hash,
        seq: i64,
        seal_hash: Hash,
    },
    SignatureOfficerMismatch {
        path: PathBuf,
        named: String,
        officer: OfficerId,
    },
    SignatureAlreadyAdded {
        path: PathBuf,
        officer: OfficerId,
        seal_hash: Hash,
        seq: i64,
    },
    SignatureInvalid {
        path: PathBuf,
        officer: OfficerId,
        seal_hash: Hash,
    },

    // Backup and restore.
    BackupIsFolder {
        file: PathBuf,
    },
    OutputExists {
        file: PathBuf,
    },
    BackupOverProtected {
        file: PathBuf,
        what: Protected,
    },
    FolderMissing {
        file: PathBuf,
        folder: PathBuf,
    },
    RestoreTargetExists {
        path: PathBuf,
    },
    NotABackup {
        file: PathBuf,
        why: ArchiveDefect,
    },
    /// The store's reason, as it says it.
    RestoredNotALedger {
        file: PathBuf,
        reason: String,
    },

    // The demo.
    DemoFolderNotEmpty {
        dir: PathBuf,
    },
    DemoWouldOverwrite {
        path: PathBuf,
    },
    DemoReferenceMissing {
        reference: String,
    },
    /// `in-kind` on a chart without default memorandum accounts, none given.
    InKindAccountsMissing {
        chart: String,
    },
    /// Hours at a rate that is not a whole number of the currency's minor units.
    InKindValueInexact {
        hours: String,
        rate: String,
    },
    /// A contribution in kind is worth something: its value is above zero.
    InKindValueNotPositive {
        value: String,
    },
    /// On the Moroccan chart a sub-account has its parent's type.
    AccountTypeNotParents {
        code: AccountCode,
        given: AccountType,
        parent: AccountCode,
        parents: AccountType,
    },
    /// No `--type`, and no parent account to take it from.
    AccountTypeMissing {
        code: AccountCode,
    },
    // Organisation identifiers, and the IATI and 360Giving exports.
    /// An organisation identifier whose agency is not in IATI's OrganisationRegistrationAgency
    /// list (amana's writer checks it; the chain rule checks the shape only).
    OrgIdAgencyUnknown {
        org_id: String,
        agency: String,
    },
    /// The ledger has no `org-id` setting: an export cannot name the association.
    ExportOrgIdMissing,
    /// A grant's funder has no organisation identifier.
    ExportFunderOrgIdMissing {
        funder: FunderId,
        grant: GrantId,
    },
    /// A code the export would write is not in its IATI codelist.
    ExportCodeNotInList {
        what: String,
        code: String,
        list: &'static str,
    },
    /// A transaction the IATI file would report is dated after today (IATI rule 11.2.1).
    ExportDatedInFuture {
        grant: GrantId,
        id: EntryId,
        date: NaiveDate,
        today: NaiveDate,
    },
    /// Something IATI's schema or rulesets would refuse (the writer's last check).
    ExportRuleBroken {
        what: String,
    },
    /// There is no grant to report.
    ExportNoGrant,
    /// No `--country`, and neither the chart nor the ledger's org-id names a country.
    ExportCountryUnknown {
        org_id: String,
    },
}

/// Why a chain does not replay, at one entry: what `verify` would report there.
#[derive(Debug)]
pub enum ChainBreak {
    Missing {
        expected: i64,
    },
    HashMismatch,
    LinkBroken,
    Undecodable(DecodeError),
    /// The bytes hold the entry recorded at another position.
    Renumbered {
        recorded: i64,
    },
    /// A bundle line whose seq or kind is not that of the entry it holds.
    NotItsLine,
    Rules(Vec<RuleError>),
}

/// Why an audit bundle cannot be read at all.
#[derive(Debug)]
pub enum BundleDefect {
    /// Its `chain.jsonl` cannot be read, as [`crate::verify::verify_bundle`] found.
    Chain(BundleReadError),
    EmptyChain,
}

/// Why a small text file (a signature file) cannot be read.
#[derive(Debug)]
pub enum ReadError {
    File(FileError),
    TooLarge { path: PathBuf, limit: u64 },
}

/// What an archive holds that a backup never does.
#[derive(Debug)]
pub enum ArchiveDefect {
    NotTar(std::io::Error),
    NotRegular { name: String, kind: tar::EntryType },
    UnknownMember { name: String },
    MemberTwice { name: String },
    MemberUnreadable { name: String, error: std::io::Error },
    TooLarge { name: String },
    WrongHash { name: String },
    NoLedger,
}

/// What a backup is never written over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protected {
    TheLedger,
    ReceiptFolder,
    Database,
    KeyFile,
}

/// Why a transaction is not money received from a member or a donor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotReceived {
    Reversal(EntryId),
    Closing(i32),
    UnknownAccount(AccountCode),
    Depreciation(crate::domain::AssetId),
    NoIncome,
    NoMoney,
    /// Its income postings add up past any amount amana keeps: a damaged or hostile ledger.
    IncomeOverflow,
}

impl Refusal {
    /// The message's identifier in a translation catalogue: stable, one per variant.
    pub fn id(&self) -> &'static str {
        use Refusal::*;
        match self {
            LedgerFileNameMissing { .. } => "ledger-file-name-missing",
            CountryNotIso { .. } => "country-not-iso",
            SeveralAmountsLeftOut => "several-amounts-left-out",
            TransactionNotFound { .. } => "transaction-not-found",
            ReversalPastEnd { .. } => "reversal-past-end",
            ReversalInLockedPeriod { .. } => "reversal-in-locked-period",
            AlreadyImported { .. } => "already-imported",
            BankAccountMissing { .. } => "bank-account-missing",
            BankAccountNotAsset { .. } => "bank-account-not-asset",
            BankNoSuspense { .. } => "bank-no-suspense",
            BankSuspenseMissing { .. } => "bank-suspense-missing",
            BankLineNotInSuspense { .. } => "bank-line-not-in-suspense",
            BankSameAccount {
                role: "suspense", ..
            } => "bank-suspense-is-the-account",
            BankSameAccount { .. } => "bank-assign-to-itself",
            ReconcileNoBalance { .. } => "reconcile-no-balance",
            ReconcileNothingGiven => "reconcile-nothing-given",
            ReconcileNotOutstanding { .. } => "reconcile-not-outstanding",
            ImportReceiptMissing { .. } => "import-receipt-missing",
            ImportReceiptUnusable { .. } => "import-receipt-unusable",
            GrantNotFound { .. } => "grant-not-found",
            OriginalNotGrantCurrency { .. } => "original-not-grant-currency",
            NoRateForGrant { .. } => "no-rate-for-grant",
            NoInstalmentsYet { .. } => "no-instalments-yet",
            RevalueNotMoney { .. } => "revalue-not-money",
            RevalueMixed { .. } => "revalue-mixed",
            NoRateToRevalue { .. } => "no-rate-to-revalue",
            RevalueAccountsNeeded => "revalue-accounts-needed",
            Key(_) => "key-unusable",
            KeyNotRegistered { .. } => "key-not-registered",
            OfficerRevoked { .. } => "officer-revoked",
            OfficerNotApproved { .. } => "officer-not-approved",
            OfficerAlreadyApproved { .. } => "officer-already-approved",
            FoundingOfficerApproved { .. } => "founding-officer-approved",
            FoundingOfficerNeedsNoApproval { .. } => "founding-officer-needs-no-approval",
            OfficerNotRegistered { .. } => "officer-not-registered",
            ApprovalOfRevoked { .. } => "approval-of-revoked",
            SealNotFound { .. } => "seal-not-found",
            NotSignable { .. } => "not-signable",
            LockNotPast { .. } => "lock-not-past",
            KeyGivenTwice { .. } => "key-given-twice",
            QuorumNotMet { .. } => "quorum-not-met",
            LedgerDoesNotVerify { .. } => "ledger-does-not-verify",
            BankTwice { .. } => "bank-twice",
            PeriodNotPast { .. } => "period-not-past",
            SealBlocksClosing { .. } => "seal-blocks-closing",
            YearOutOfRange { .. } => "year-out-of-range",
            YearNotEnded { .. } => "year-not-ended",
            YearAlreadyClosed { .. } => "year-already-closed",
            YearLocked { .. } => "year-locked",
            EarlierYearOpen { .. } => "earlier-year-open",
            DemoStep { .. } => "demo-step",
            ResultNotAllocated { .. } => "result-not-allocated",
            DedicatedFundOfEndedGrant { .. } => "dedicated-fund-of-ended-grant",
            CarryAccountsTogether => "carry-accounts-together",
            NoResultToAllocate { .. } => "no-result-to-allocate",
            AllocationSum { .. } => "allocation-sum",
            MemberReceiptNotFound { .. } => "member-receipt-not-found",
            TransactionReversed { .. } => "transaction-reversed",
            NotMoneyReceived { .. } => "not-money-received",
            BundleFolderNotEmpty { .. } => "bundle-folder-not-empty",
            BundleEntryUndecodable { .. } => "bundle-entry-undecodable",
            BundleEntryDoesNotRebuild { .. } => "bundle-entry-does-not-rebuild",
            BundleDoesNotVerify { .. } => "bundle-does-not-verify",
            BundleUnreadable { .. } => "bundle-unreadable",
            BundleBroken { .. } => "bundle-broken",
            AlreadySignedInBundle { .. } => "already-signed-in-bundle",
            OwnDecision { .. } => "own-decision",
            BundleKeyNotRegistered { .. } => "bundle-key-not-registered",
            BundleOfficerNotApproved { .. } => "bundle-officer-not-approved",
            SignatureFileUnreadable(_) => "signature-file-unreadable",
            NotASignatureFile { .. } => "not-a-signature-file",
            SignatureFormatUnknown { .. } => "signature-format-unknown",
            SignatureFieldDamaged { .. } => "signature-field-damaged",
            SignatureKindUnknown { .. } => "signature-kind-unknown",
            SignatureFingerprintMismatch { .. } => "signature-fingerprint-mismatch",
            SignatureOtherLedger { .. } => "signature-other-ledger",
            SignatureEntryNotSignable { .. } => "signature-entry-not-signable",
            SignatureSealMismatch { .. } => "signature-seal-mismatch",
            SignatureOfficerMismatch { .. } => "signature-officer-mismatch",
            SignatureAlreadyAdded { .. } => "signature-already-added",
            SignatureInvalid { .. } => "signature-invalid",
            BackupIsFolder { .. } => "backup-is-folder",
            OutputExists { .. } => "output-exists",
            BackupOverProtected { .. } => "backup-over-protected",
            FolderMissing { .. } => "folder-missing",
            RestoreTargetExists { .. } => "restore-target-exists",
            NotABackup { .. } => "not-a-backup",
            RestoredNotALedger { .. } => "restored-not-a-ledger",
            DemoFolderNotEmpty { .. } => "demo-folder-not-empty",
            DemoWouldOverwrite { .. } => "demo-would-overwrite",
            DemoReferenceMissing { .. } => "demo-reference-missing",
            InKindAccountsMissing { .. } => "in-kind-accounts-missing",
            InKindValueInexact { .. } => "in-kind-value-inexact",
            InKindValueNotPositive { .. } => "in-kind-value-not-positive",
            AccountTypeNotParents { .. } => "account-type-not-parents",
            AccountTypeMissing { .. } => "account-type-missing",
            OrgIdAgencyUnknown { .. } => "org-id-agency-unknown",
            ExportOrgIdMissing => "export-org-id-missing",
            ExportFunderOrgIdMissing { .. } => "export-funder-org-id-missing",
            ExportCodeNotInList { .. } => "export-code-not-in-list",
            ExportDatedInFuture { .. } => "export-dated-in-future",
            ExportNoGrant => "export-no-grant",
            ExportRuleBroken { .. } => "export-rule-broken",
            ExportCountryUnknown { .. } => "export-country-unknown",
        }
    }

    /// The request field a form would highlight (named as the request structs and the
    /// command's options name it), when one field is at fault.
    pub fn field(&self) -> Option<&'static str> {
        use Refusal::*;
        Some(match self {
            LedgerFileNameMissing { .. } => "ledger",
            CountryNotIso { .. } => "country",
            SeveralAmountsLeftOut => "postings",
            TransactionNotFound { .. }
            | MemberReceiptNotFound { .. }
            | TransactionReversed { .. }
            | NotMoneyReceived { .. } => "id",
            ReversalPastEnd { .. } | ReversalInLockedPeriod { .. } => "date",
            AlreadyImported { .. } => "file",
            BankAccountMissing { .. } | BankAccountNotAsset { .. } => "account",
            BankNoSuspense { .. } | BankSuspenseMissing { .. } => "suspense",
            BankLineNotInSuspense { .. } | ReconcileNotOutstanding { .. } => "entry",
            BankSameAccount { .. } => "account",
            ReconcileNoBalance { .. } | ReconcileNothingGiven => "balance",
            ImportReceiptMissing { .. } | ImportReceiptUnusable { .. } => "receipt",
            GrantNotFound { .. } => "grant",
            OriginalNotGrantCurrency { .. } | NoRateForGrant { .. } | NoInstalmentsYet { .. } => {
                "original"
            }
            RevalueNotMoney { .. } | RevalueMixed { .. } => "account",
            NoRateToRevalue { .. } => "date",
            RevalueAccountsNeeded => "gain_account",
            Key(_)
            | KeyNotRegistered { .. }
            | OfficerRevoked { .. }
            | OfficerNotApproved { .. }
            | BundleKeyNotRegistered { .. }
            | BundleOfficerNotApproved { .. }
            | AlreadySignedInBundle { .. }
            | OwnDecision { .. } => "key",
            OfficerAlreadyApproved { .. }
            | FoundingOfficerNeedsNoApproval { .. }
            | OfficerNotRegistered { .. }
            | ApprovalOfRevoked { .. } => "officer",
            FoundingOfficerApproved { .. } => "approve",
            SealNotFound { .. } | NotSignable { .. } => "entry",
            LockNotPast { .. } => "through",
            KeyGivenTwice { .. } | QuorumNotMet { .. } => "sign",
            BankTwice { .. } => "bank",
            PeriodNotPast { .. } | SealBlocksClosing { .. } => "period_end",
            YearOutOfRange { .. }
            | YearNotEnded { .. }
            | YearAlreadyClosed { .. }
            | YearLocked { .. }
            | EarlierYearOpen { .. }
            | ResultNotAllocated { .. }
            | NoResultToAllocate { .. } => "year",
            DedicatedFundOfEndedGrant { .. } => "grant",
            DemoStep { .. } => return None,
            CarryAccountsTogether => "charge_account",
            AllocationSum { .. } => "to",
            BundleFolderNotEmpty { .. } => "dir",
            BundleDoesNotVerify { .. } | BundleUnreadable { .. } | BundleBroken { .. } => "bundle",
            SignatureFileUnreadable(_)
            | NotASignatureFile { .. }
            | SignatureFormatUnknown { .. }
            | SignatureFieldDamaged { .. }
            | SignatureKindUnknown { .. }
            | SignatureFingerprintMismatch { .. }
            | SignatureOtherLedger { .. }
            | SignatureEntryNotSignable { .. }
            | SignatureSealMismatch { .. }
            | SignatureOfficerMismatch { .. }
            | SignatureAlreadyAdded { .. }
            | SignatureInvalid { .. } => "file",
            BackupIsFolder { .. }
            | OutputExists { .. }
            | BackupOverProtected { .. }
            | FolderMissing { .. }
            | NotABackup { .. }
            | RestoredNotALedger { .. } => "file",
            RestoreTargetExists { .. } => "to",
            DemoFolderNotEmpty { .. } | DemoWouldOverwrite { .. } => "out",
            LedgerDoesNotVerify { .. }
            | BundleEntryUndecodable { .. }
            | BundleEntryDoesNotRebuild { .. }
            | DemoReferenceMissing { .. } => return None,
            InKindAccountsMissing { .. } => "use_account",
            InKindValueInexact { .. } => "hours",
            InKindValueNotPositive { .. } => "value",
            AccountTypeNotParents { .. } | AccountTypeMissing { .. } => "type",
            OrgIdAgencyUnknown { .. } | ExportOrgIdMissing => "org_id",
            ExportFunderOrgIdMissing { .. } => "funder",
            ExportCodeNotInList { .. } | ExportRuleBroken { .. } => return None,
            ExportDatedInFuture { .. } | ExportNoGrant => "grant",
            ExportCountryUnknown { .. } => "country",
        })
    }
}
