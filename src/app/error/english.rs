//! What every refusal says: one `match` arm per variant, giving its message id and its named
//! arguments (the variant's fields, as text), said through a [`Say`]: in English from
//! `reports/i18n/en/refusals.ftl` (the refusals' only English, embedded here so that `Display`
//! says it), or in the user's language from a report [`Catalogue`] at the command line's
//! edge. A refusal that quotes another value's reason (why a transaction is not money
//! received, why a chain breaks, what a backup would overwrite) says it in the same language.
//! Keep each English sentence byte for byte unless its change is meant: the golden snapshots
//! (tests/suite/golden.rs) and the tests that quote messages hold them.

use std::fmt;

use crate::chain::signing;
use crate::domain::message::{fill, template};
use crate::report::i18n::{Arg, Catalogue};
use crate::report::messages;
use crate::rules::RuleError;
use crate::verify::Problem;

use super::refusal::{
    ArchiveDefect, BundleDefect, ChainBreak, NotReceived, Protected, ReadError, Refusal,
};

/// The English Fluent file of the refusals.
const REFUSALS_EN: &str = include_str!("../../../reports/i18n/en/refusals.ftl");

/// How a refusal's sentences are said: a message by id with its arguments, and the values of
/// the rooms below that a refusal quotes (a rule's refusal, a finding of verify).
pub trait Say {
    fn say(&self, id: &str, args: &[(&str, String)]) -> String;
    fn rule(&self, rule: &RuleError) -> String;
    fn finding(&self, problem: &Problem) -> String;
}

/// English, from the embedded English file.
pub struct English;

impl Say for English {
    fn say(&self, id: &str, args: &[(&str, String)]) -> String {
        let Some(text) = template(REFUSALS_EN, id) else {
            return id.to_string();
        };
        fill(text, |name| {
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
        })
    }

    fn rule(&self, rule: &RuleError) -> String {
        rule.to_string()
    }

    fn finding(&self, p: &Problem) -> String {
        finding(p)
    }
}

/// A catalogue's language (English behind it for a message it lacks).
impl Say for Catalogue {
    fn say(&self, id: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(&str, Arg)> = args
            .iter()
            .map(|(n, v)| (*n, Arg::Text(v.clone())))
            .collect();
        self.ta(id, &args)
    }

    fn rule(&self, rule: &RuleError) -> String {
        messages::rule(self, rule)
    }

    fn finding(&self, p: &Problem) -> String {
        format!(
            "entry {}: {}: {}",
            p.seq,
            p.kind.as_str(),
            messages::finding(self, &p.detail)
        )
    }
}

/// One finding of `verify`, as a refusal quotes it.
pub(super) fn finding(p: &Problem) -> String {
    format!("entry {}: {}: {}", p.seq, p.kind.as_str(), p.detail)
}

/// `text` as one word for a POSIX shell, so that a printed command can be pasted as it is.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// Named arguments: `args![a, b = expr]`, each rendered with its `Display`.
macro_rules! args {
    ($($name:ident $(= $value:expr)?),* $(,)?) => {
        [$((stringify!($name), args!(@value $name $(= $value)?))),*]
    };
    (@value $name:ident) => { $name.to_string() };
    (@value $name:ident = $value:expr) => { $value.to_string() };
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(&English))
    }
}

impl Refusal {
    /// The refusal, said by `s`: its message is `refusal-` and its [`Refusal::id`] (a variant
    /// with two forms has a second id beside it), its arguments the variant's fields.
    pub fn said(&self, s: &dyn Say) -> String {
        use Refusal::*;
        let fp = signing::fingerprint;
        let say = |args: &[(&str, String)]| s.say(&format!("refusal-{}", self.id()), args);
        match self {
            LedgerFileNameMissing { path } => say(&args![path = path.display()]),
            CountryNotIso { country } => say(&args![country]),
            SeveralAmountsLeftOut => say(&args![]),
            TransactionNotFound { id } => say(&args![id]),
            ReversalPastEnd { id, dated, locked } => say(&args![id, dated, locked]),
            ReversalInLockedPeriod {
                id,
                dated,
                locked,
                first_open,
                reason,
            } => format!(
                "{}\n  amana reverse {id} --date {first_open} --reason {}",
                say(&args![id, dated, locked, first_open]),
                shell_quote(reason)
            ),
            AlreadyImported {
                file,
                sha256,
                imported_as,
                seq,
            } => say(&args![
                file = file.display(),
                sha256 = hex::encode(sha256),
                imported_as,
                seq
            ]),
            ImportReceiptMissing { path } => say(&args![path = path.display()]),
            BankAccountMissing { account } | BankSuspenseMissing { account } => {
                say(&args![account])
            }
            BankAccountNotAsset { account, kind } => say(&args![account, kind = kind.as_str()]),
            BankNoSuspense { lines } => say(&args![
                count = lines.len(),
                lines = lines
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ]),
            BankLineNotInSuspense { entry } => say(&args![entry]),
            BankSameAccount { account, .. } => say(&args![account]),
            ReconcileNoBalance { file } => say(&args![file = file.display()]),
            ReconcileNothingGiven => say(&[]),
            ReconcileNotOutstanding { entry, account } => say(&args![entry, account]),
            ImportReceiptUnusable { error } => say(&args![error]),
            GrantNotFound { grant } => say(&args![grant]),
            OriginalNotGrantCurrency {
                grant,
                currency,
                expected,
            } => say(&args![grant, currency, expected]),
            NoRateForGrant {
                grant,
                currency,
                date,
            } => say(&args![grant, currency, date]),
            RevalueNotMoney { account } => say(&args![account]),
            RevalueMixed {
                account,
                currency,
                entry,
            } => say(&args![account, currency, entry]),
            NoRateToRevalue { currency, date } => say(&args![currency, date]),
            RevalueAccountsNeeded => say(&args![]),
            NoInstalmentsYet { grant, currency } => say(&args![grant, currency]),
            Key(e) => say(&args![error = e]),
            KeyNotRegistered { public_key } => say(&args![public_key = hex::encode(public_key)]),
            OfficerRevoked { officer, at } => say(&args![officer, at]),
            OfficerNotApproved { officer }
            | OfficerAlreadyApproved { officer }
            | FoundingOfficerApproved { officer }
            | FoundingOfficerNeedsNoApproval { officer }
            | OfficerNotRegistered { officer }
            | KeyGivenTwice { officer }
            | BundleOfficerNotApproved { officer } => say(&args![officer]),
            ApprovalOfRevoked { officer, at } => say(&args![officer, at]),
            SealNotFound { reference } => say(&args![reference]),
            NotSignable { seq } => say(&args![seq]),
            LockNotPast { through } => say(&args![through]),
            QuorumNotMet {
                decision,
                needed,
                quorum,
                given,
                can_sign,
            } => {
                let can_sign = can_sign
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                match quorum {
                    None => say(&args![decision, needed, given, can_sign]),
                    Some(quorum) => s.say(
                        "refusal-quorum-not-met-policy",
                        &args![decision, needed, quorum, given, can_sign],
                    ),
                }
            }
            LedgerDoesNotVerify { seq, why } => say(&args![seq, why = why.said(s)]),
            BankTwice { account } => say(&args![account]),
            PeriodNotPast { end } => say(&args![end]),
            SealBlocksClosing { end, year } => say(&args![end, year]),
            YearOutOfRange { year } | EarlierYearOpen { year } | NoResultToAllocate { year } => {
                say(&args![year])
            }
            YearNotEnded { year, start, end } => say(&args![year, start, end]),
            YearAlreadyClosed { year, locked } | YearLocked { year, locked } => {
                say(&args![year, locked])
            }
            DemoStep { step, reason } => say(&args![step, reason]),
            ResultNotAllocated {
                year,
                account,
                amount,
            } => say(&args![year, account, amount]),
            DedicatedFundOfEndedGrant { grant, end, amount } => say(&args![grant, end, amount]),
            CarryAccountsTogether => say(&args![]),
            AllocationSum {
                year,
                result,
                parts,
            } => say(&args![year, result, parts]),
            MemberReceiptNotFound { id } => say(&args![id]),
            TransactionReversed { id, by, date } => say(&args![id, by, date]),
            NotMoneyReceived { id, why } => say(&args![id, why = why.said(s)]),
            BundleFolderNotEmpty { dir } => say(&args![dir = dir.display()]),
            BundleEntryUndecodable { seq, error } => say(&args![seq, error]),
            BundleEntryDoesNotRebuild { seq, dir } => say(&args![seq, dir = dir.display()]),
            BundleDoesNotVerify { dir, first, count } => {
                let mut shown: Vec<String> = first.iter().map(|p| s.finding(p)).collect();
                if *count > first.len() {
                    let more = count - first.len();
                    shown.push(s.say("refusal-and-more", &args![count = more]));
                }
                say(&args![dir = dir.display(), findings = shown.join("; ")])
            }
            BundleUnreadable { dir, why } => say(&args![dir = dir.display(), why = why.said(s)]),
            BundleBroken { dir, seq, why } => {
                say(&args![dir = dir.display(), seq, why = why.said(s)])
            }
            AlreadySignedInBundle {
                officer,
                what,
                hash,
                seq,
            } => say(&args![
                officer,
                what = what.kind(),
                fingerprint = fp(hash),
                seq
            ]),
            OwnDecision { seq, officer } => say(&args![seq, officer]),
            BundleKeyNotRegistered { public_key } => {
                say(&args![public_key = hex::encode(public_key)])
            }
            SignatureFileUnreadable(e) => e.said(s),
            NotASignatureFile { path, error } => say(&args![path = path.display(), error]),
            SignatureFormatUnknown { path, format } => say(&args![
                path = path.display(),
                format,
                expected = crate::app::signatures::SIGNATURE_FORMAT
            ]),
            SignatureFieldDamaged { path, field, bytes } => {
                say(&args![path = path.display(), field, bytes])
            }
            SignatureKindUnknown { path, kind } => say(&args![path = path.display(), kind]),
            SignatureFingerprintMismatch {
                path,
                claimed,
                hash,
            } => say(&args![
                path = path.display(),
                claimed,
                fingerprint = fp(hash)
            ]),
            SignatureOtherLedger {
                path,
                ledger,
                ledger_id,
                this_ledger,
                this_id,
            } => say(&args![
                path = path.display(),
                ledger,
                ledger_id,
                this_ledger,
                this_id = hex::encode(this_id)
            ]),
            SignatureEntryNotSignable {
                path,
                seq,
                what,
                fingerprint,
            } => say(&args![
                path = path.display(),
                seq,
                what = what.kind(),
                fingerprint
            ]),
            SignatureSealMismatch {
                path,
                hash,
                seq,
                seal_hash,
            } => say(&args![
                path = path.display(),
                fingerprint = fp(hash),
                seq,
                seal = fp(seal_hash)
            ]),
            SignatureOfficerMismatch {
                path,
                named,
                officer,
            } => say(&args![path = path.display(), named, officer]),
            SignatureAlreadyAdded {
                path,
                officer,
                seal_hash,
                seq,
            } => say(&args![
                path = path.display(),
                officer,
                seal = fp(seal_hash),
                seq
            ]),
            SignatureInvalid {
                path,
                officer,
                seal_hash,
            } => say(&args![path = path.display(), officer, seal = fp(seal_hash)]),
            BackupIsFolder { file } | OutputExists { file } => say(&args![file = file.display()]),
            BackupOverProtected { file, what } => {
                say(&args![file = file.display(), what = what.said(s)])
            }
            FolderMissing { file, folder } => {
                say(&args![file = file.display(), folder = folder.display()])
            }
            RestoreTargetExists { path } => say(&args![path = path.display()]),
            NotABackup { file, why } => say(&args![file = file.display(), why = why.said(s)]),
            RestoredNotALedger { file, reason } => say(&args![
                file = file.display(),
                db = crate::app::backup::DB,
                reason
            ]),
            DemoFolderNotEmpty { dir } => say(&args![dir = dir.display()]),
            DemoWouldOverwrite { path } => say(&args![path = path.display()]),
            DemoReferenceMissing { reference } => say(&args![reference]),
            InKindAccountsMissing { chart } => say(&args![chart]),
            InKindValueInexact { hours, rate } => say(&args![hours, rate]),
            InKindValueNotPositive { value } => say(&args![value]),
            AccountTypeNotParents {
                code,
                given,
                parent,
                parents,
            } => say(&args![code, given, parent, parents]),
            AccountTypeMissing { code } => say(&args![code]),
            OrgIdAgencyUnknown { org_id, agency } => say(&args![org_id, agency]),
            ExportOrgIdMissing | ExportNoGrant => say(&args![]),
            ExportFunderOrgIdMissing { funder, grant } => say(&args![funder, grant]),
            ExportCodeNotInList { what, code, list } => say(&args![what, code, list]),
            ExportDatedInFuture {
                grant,
                id,
                date,
                today,
            } => say(&args![grant, id, date, today]),
            ExportCountryUnknown { org_id } => say(&args![org_id]),
            ExportRuleBroken { what } => say(&args![what]),
        }
    }
}

/// A refusal's message includes what it wraps (a key error, a decoding error): it has no
/// separate source, so that nothing is said twice.
impl std::error::Error for Refusal {}

impl ChainBreak {
    fn said(&self, s: &dyn Say) -> String {
        match self {
            ChainBreak::Missing { expected } => s.say("refusal-break-missing", &args![expected]),
            ChainBreak::HashMismatch => s.say("refusal-break-hash-mismatch", &[]),
            ChainBreak::LinkBroken => s.say("refusal-break-link-broken", &[]),
            ChainBreak::Undecodable(e) => e.to_string(),
            ChainBreak::Renumbered { recorded } => {
                s.say("refusal-break-renumbered", &args![recorded])
            }
            ChainBreak::NotItsLine => s.say("refusal-break-not-its-line", &[]),
            ChainBreak::Rules(rules) => rules
                .iter()
                .map(|r| s.rule(r))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(&English))
    }
}

impl BundleDefect {
    fn said(&self, s: &dyn Say) -> String {
        match self {
            BundleDefect::Chain(e) => e.to_string(),
            BundleDefect::EmptyChain => s.say("refusal-bundle-empty-chain", &[]),
        }
    }
}

impl fmt::Display for BundleDefect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(&English))
    }
}

impl ReadError {
    fn said(&self, s: &dyn Say) -> String {
        match self {
            ReadError::File(e) => e.to_string(),
            ReadError::TooLarge { path, limit } => s.say(
                "refusal-signature-file-too-large",
                &args![path = path.display(), limit],
            ),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(&English))
    }
}

impl ArchiveDefect {
    fn said(&self, s: &dyn Say) -> String {
        use crate::app::backup::{DB, README, RECEIPTS};
        match self {
            ArchiveDefect::NotTar(error) => s.say("refusal-archive-not-tar", &args![error]),
            ArchiveDefect::NotRegular { name, kind } => {
                let what = match kind {
                    tar::EntryType::Symlink => s.say("refusal-archive-symbolic-link", &[]),
                    tar::EntryType::Link => s.say("refusal-archive-hard-link", &[]),
                    tar::EntryType::Char | tar::EntryType::Block => {
                        s.say("refusal-archive-device", &[])
                    }
                    tar::EntryType::Fifo => s.say("refusal-archive-named-pipe", &[]),
                    o => s.say(
                        "refusal-archive-other-member",
                        &args![kind = format!("{o:?}")],
                    ),
                };
                s.say("refusal-archive-not-regular", &args![name, what])
            }
            ArchiveDefect::UnknownMember { name } => s.say(
                "refusal-archive-unknown-member",
                &args![name, readme = README, db = DB, receipts = RECEIPTS],
            ),
            ArchiveDefect::MemberTwice { name } => {
                s.say("refusal-archive-member-twice", &args![name])
            }
            ArchiveDefect::MemberUnreadable { name, error } => {
                s.say("refusal-archive-member-unreadable", &args![name, error])
            }
            ArchiveDefect::TooLarge { name } => s.say("refusal-archive-too-large", &args![name]),
            ArchiveDefect::WrongHash { name } => s.say("refusal-archive-wrong-hash", &args![name]),
            ArchiveDefect::NoLedger => s.say("refusal-archive-no-ledger", &args![db = DB]),
        }
    }
}

impl fmt::Display for ArchiveDefect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(&English))
    }
}

impl Protected {
    fn said(&self, s: &dyn Say) -> String {
        s.say(
            match self {
                Protected::TheLedger => "refusal-protected-the-ledger",
                Protected::ReceiptFolder => "refusal-protected-receipt-folder",
                Protected::Database => "refusal-protected-database",
                Protected::KeyFile => "refusal-protected-key-file",
            },
            &[],
        )
    }
}

impl fmt::Display for Protected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(&English))
    }
}

impl NotReceived {
    fn said(&self, s: &dyn Say) -> String {
        match self {
            NotReceived::Reversal(of) => s.say("refusal-not-received-reversal", &args![of]),
            NotReceived::Closing(year) => s.say("refusal-not-received-closing", &args![year]),
            NotReceived::UnknownAccount(account) => {
                s.say("refusal-not-received-unknown-account", &args![account])
            }
            NotReceived::Depreciation(asset) => {
                s.say("refusal-not-received-depreciation", &args![asset])
            }
            NotReceived::NoIncome => s.say("refusal-not-received-no-income", &[]),
            NotReceived::NoMoney => s.say("refusal-not-received-no-money", &[]),
            NotReceived::IncomeOverflow => s.say("refusal-not-received-income-overflow", &[]),
        }
    }
}

impl fmt::Display for NotReceived {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(&English))
    }
}
