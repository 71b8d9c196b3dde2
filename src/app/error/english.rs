//! The English of every refusal, in one place: one `match` arm per message id, whose named
//! arguments are the variant's fields, so that a Fluent catalogue (issue 9) can take over
//! message by message. Keep each sentence byte for byte unless its change is meant: the golden
//! snapshots (tests/suite/golden.rs) and the tests that quote messages hold them.

use std::fmt;

use crate::chain::signing;
use crate::verify::Problem;

use super::refusal::{
    ArchiveDefect, BundleDefect, ChainBreak, NotReceived, Protected, ReadError, Refusal,
};

/// One finding of `verify`, as a refusal quotes it.
pub(super) fn finding(p: &Problem) -> String {
    format!("entry {}: {}: {}", p.seq, p.kind.as_str(), p.detail)
}

/// `text` as one word for a POSIX shell, so that a printed command can be pasted as it is.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// The English of every refusal: one arm per message id, its named arguments the variant's
/// fields.
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Refusal::*;
        let fp = signing::fingerprint;
        match self {
            LedgerFileNameMissing { path } => {
                write!(f, "{}: give a file name for the ledger", path.display())
            }
            CountryNotIso { country } => write!(
                f,
                "country \"{country}\" is not an ISO 3166 two-letter code (e.g. MA, FR, BE)"
            ),
            SeveralAmountsLeftOut => f.write_str(
                "only one posting of a transaction may leave its amount out (it takes what balances the others)",
            ),
            TransactionNotFound { id } => write!(
                f,
                "transaction {id} does not exist (see `amana journal` for the numbers)"
            ),
            ReversalPastEnd { id, dated, locked } => write!(
                f,
                "transaction {id} is dated {dated}, and the books are locked through {locked}, the last day the ledger records: nothing more can be dated"
            ),
            ReversalInLockedPeriod {
                id,
                dated,
                locked,
                first_open,
                reason,
            } => write!(
                f,
                "transaction {id} is dated {dated}, in the period locked through {locked}: its reversal cannot take its date. Date it in the open period, from {first_open} on:\n  amana reverse {id} --date {first_open} --reason {}",
                shell_quote(reason)
            ),
            AlreadyImported {
                file,
                sha256,
                imported_as,
                seq,
            } => write!(
                f,
                "{}: this file (SHA-256 {}) was already imported as {imported_as} (chain entry {seq}); nothing was imported. To import it again on purpose, add --force",
                file.display(),
                hex::encode(sha256)
            ),
            ImportReceiptMissing { path } => write!(
                f,
                "no such file ({}); receipt paths are relative to the CSV file's folder",
                path.display()
            ),
            ImportReceiptUnusable { error } => write!(
                f,
                "{error} (receipt paths are relative to the CSV file's folder, and stay inside it)"
            ),
            GrantNotFound { grant } => {
                write!(f, "grant {grant} does not exist (see `amana grant list`)")
            }
            OriginalNotGrantCurrency { grant, currency, expected } => write!(
                f,
                "grant {grant} is in {expected}: a posting charged to it carries its amount in {expected}, not {currency} (give the {expected} amount, or leave it out to derive it from the rate table)"
            ),
            NoRateForGrant { grant, currency, date } => write!(
                f,
                "grant {grant} is in {currency}, and no {currency} rate is recorded on or before {date} to give the posting its {currency} amount: add a rate with `amana rate add --currency {currency} --date {date} --rate ...`, or give the {currency} amount (original amount)"
            ),
            RevalueNotMoney { account } => write!(
                f,
                "account {account} is not an asset account: only an account that holds money in a foreign currency (a bank account in EUR) is revalued"
            ),
            RevalueMixed { account, currency, entry } => write!(
                f,
                "account {account} is not held in {currency}: transaction #{entry} posts to it without an amount in {currency} (every posting to an account held in {currency} carries its amount in it, orig=AMOUNT:{currency})"
            ),
            NoRateToRevalue { currency, date } => write!(
                f,
                "no {currency} rate is recorded on or before {date}: add the closing rate with `amana rate add --currency {currency} --date {date} --rate ...`"
            ),
            RevalueAccountsNeeded => write!(
                f,
                "give --gain-account and --loss-account: the income and expense accounts of exchange differences (this chart has no default)"
            ),
            NoInstalmentsYet { grant, currency } => write!(
                f,
                "grant {grant} converts at the rate of its instalments, and no instalment in {currency} is recorded yet: record the funder's instalment first (with its {currency} amount), give the {currency} amount of this posting, or set the daily method (`amana grant terms {grant} --rate-method daily`)"
            ),
            Key(e) => write!(f, "{e}"),
            KeyNotRegistered { public_key } => write!(
                f,
                "the key with public key {} belongs to no registered officer: register it first with `amana officer add ID --name ... --role ... --key KEYFILE.pub`",
                hex::encode(public_key)
            ),
            OfficerRevoked { officer, at } => write!(
                f,
                "officer {officer} was revoked (chain entry {at}): their signatures no longer count"
            ),
            OfficerNotApproved { officer } => write!(
                f,
                "officer {officer} was registered after the first seal and is not approved yet: officers in standing approve them first, as many as the ledger's policy says (`amana officer approve {officer} --key THEIR_KEY`)"
            ),
            OfficerAlreadyApproved { officer } => {
                write!(f, "officer {officer} is already approved")
            }
            FoundingOfficerApproved { officer } => write!(
                f,
                "officer {officer} is registered before the ledger's first seal: a founding officer, whose signatures count without approval; leave out --approve"
            ),
            FoundingOfficerNeedsNoApproval { officer } => write!(
                f,
                "officer {officer} was registered before the ledger's first seal: a founding officer, whose signatures count without approval"
            ),
            OfficerNotRegistered { officer } => {
                write!(f, "officer {officer} is not registered (amana officer add)")
            }
            ApprovalOfRevoked { officer, at } => write!(
                f,
                "officer {officer} was revoked (chain entry {at}): an approval would change nothing"
            ),
            SealNotFound { reference } => write!(
                f,
                "no seal {reference}: give the seal's chain entry number or its fingerprint (see `amana log --kind seal`)"
            ),
            NotSignable { seq } => write!(
                f,
                "entry {seq} is neither a seal nor a decision of the officers (see `amana log`)"
            ),
            LockNotPast { through } => {
                write!(f, "{through} is not past: lock a period once it has ended")
            }
            KeyGivenTwice { officer } => write!(
                f,
                "officer {officer}'s key is given twice: each officer signs once; give each officer's key once"
            ),
            QuorumNotMet {
                decision,
                needed,
                quorum,
                given,
                can_sign,
            } => write!(
                f,
                "this {decision} needs the signatures of {needed} officer(s) (the ledger's policy{}), and {given} key(s) of officers were given: add --sign KEYFILE for each (officers who can sign: {})",
                quorum.map(|q| format!(": {q}")).unwrap_or_default(),
                can_sign
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            LedgerDoesNotVerify { seq, why } => write!(
                f,
                "the ledger does not verify at chain entry {seq}: {why}. Run `amana verify` and resolve that before sealing or signing"
            ),
            BankTwice { account } => write!(
                f,
                "--bank names account {account} twice: give each bank account's statement balance once"
            ),
            PeriodNotPast { end } => write!(
                f,
                "the period ends {end}, which is not past: seal a period (and check its bank statements) once it has ended"
            ),
            SealBlocksClosing { end, year } => write!(
                f,
                "this ledger has no policy yet, so a seal locks its period, and locking through {end} would leave fiscal year {year} impossible to close: close it first with `amana close --year {year}`"
            ),
            YearOutOfRange { year } => write!(
                f,
                "fiscal year {year} is out of range: the ledger records years 1 to 9999; give the year the fiscal year starts in, e.g. --year 2025"
            ),
            YearNotEnded { year, start, end } => write!(
                f,
                "fiscal year {year} runs from {start} to {end}: it can be closed from the day after it ends"
            ),
            YearAlreadyClosed { year, locked } => write!(
                f,
                "fiscal year {year} is already closed (the books are locked through {locked}); to correct it, the officers reopen it first: `amana reopen --year {year} --reason ...`"
            ),
            YearLocked { year, locked } => write!(
                f,
                "the books are locked through {locked}, which covers fiscal year {year}: it can no longer be closed; the officers reopen the last closed year first if it must be"
            ),
            EarlierYearOpen { year } => write!(
                f,
                "fiscal year {year} is not closed yet: close the years in order (amana close --year {year})"
            ),
            DemoStep { step, reason } => write!(
                f,
                "the demo could not {step}: {reason} (a defect of the demo: please report it)"
            ),
            ResultNotAllocated {
                year,
                account,
                amount,
            } => write!(
                f,
                "fiscal year {year}'s result ({amount} on account {account}) is not allocated yet, and a closing must not mix two years' results: record the general assembly's decision first (amana allocate-result --year {year})"
            ),
            DedicatedFundOfEndedGrant { grant, end, amount } => write!(
                f,
                "restricted grant {grant} ended on {end} and still holds {amount} received and not spent: it can no longer be spent on the grant; record what becomes of it first (its refund to the funder, e.g. a debit of the income account with grant={grant} and a credit of the account of funds to refund, or an amendment of the grant's end if the funder extended it)"
            ),
            CarryAccountsTogether => write!(
                f,
                "give --charge-account and --release-account together (the charge and the income through which dedicated funds are carried and released), or neither"
            ),
            NoResultToAllocate { year } => write!(
                f,
                "fiscal year {year} has no result to allocate: it is not closed, its closing carried no result, or its result is already allocated (see amana log)"
            ),
            AllocationSum {
                year,
                result,
                parts,
            } => write!(
                f,
                "the parts given (--to) add up to {parts}, not to fiscal year {year}'s result of {result}: give parts that add up to the result exactly"
            ),
            MemberReceiptNotFound { id } => {
                write!(f, "transaction {id} does not exist (see `amana journal`)")
            }
            TransactionReversed { id, by, date } => write!(
                f,
                "transaction {id} was reversed by transaction {by} ({date}): the books no longer count this money as received, so it has no member's receipt. If the money did come in, record it again and give the receipt of that transaction"
            ),
            NotMoneyReceived { id, why } => write!(
                f,
                "transaction {id} is not money received from a member or a donor: {why}. A member's receipt is for dues or a gift: a transaction that credits an income account and debits cash or a bank account (see `amana journal`)"
            ),
            BundleFolderNotEmpty { dir } => write!(
                f,
                "{}: already exists and is not an empty folder; export an audit bundle into a new folder",
                dir.display()
            ),
            BundleEntryUndecodable { seq, error } => write!(f, "entry {seq}: {error}"),
            BundleEntryDoesNotRebuild { seq, dir } => write!(
                f,
                "entry {seq} of {} does not rebuild to its chain hash",
                dir.display()
            ),
            BundleDoesNotVerify { dir, first, count } => {
                let mut shown: Vec<String> = first.iter().map(finding).collect();
                if *count > first.len() {
                    shown.push(format!("and {} more", count - first.len()));
                }
                write!(
                    f,
                    "the audit bundle {} does not verify, so nothing was signed: {}. Run `amana verify --bundle {}`, and ask the treasurer for a new bundle",
                    dir.display(),
                    shown.join("; "),
                    dir.display()
                )
            }
            BundleUnreadable { dir, why } => write!(
                f,
                "{} is not an audit bundle that can be read ({why}): give the folder `amana export audit` wrote",
                dir.display()
            ),
            BundleBroken { dir, seq, why } => write!(
                f,
                "the audit bundle {} does not verify at chain entry {seq}: {why}, so nothing was signed. Run `amana verify --bundle {}`, and ask the treasurer for a new bundle",
                dir.display(),
                dir.display()
            ),
            AlreadySignedInBundle {
                officer,
                what,
                hash,
                seq,
            } => write!(
                f,
                "officer {officer} already signed the {} {} (entry {seq}) in this bundle: there is nothing to send",
                what.kind(),
                fp(hash)
            ),
            OwnDecision { seq, officer } => write!(
                f,
                "entry {seq} is a decision about officer {officer}: nobody signs a decision about themselves"
            ),
            BundleKeyNotRegistered { public_key } => write!(
                f,
                "the key with public key {} belongs to no officer registered in this ledger: the treasurer registers it first (`amana officer add ID --name ... --role ... --key KEYFILE.pub`)",
                hex::encode(public_key)
            ),
            BundleOfficerNotApproved { officer } => write!(
                f,
                "officer {officer} was registered after the first seal and is not approved yet, so their signature would not count: an approved officer runs `amana officer approve {officer} --key THEIR_KEY` first"
            ),
            SignatureFileUnreadable(e) => write!(f, "{e}"),
            NotASignatureFile { path, error } => write!(
                f,
                "{}: not an amana signature file ({error}); an officer makes one with `amana sign SEAL --key KEYFILE --bundle DIR --out FILE`",
                path.display()
            ),
            SignatureFormatUnknown { path, format } => write!(
                f,
                "{}: format \"{format}\" is not one this amana reads ({})",
                path.display(),
                crate::app::signatures::SIGNATURE_FORMAT
            ),
            SignatureFieldDamaged { path, field, bytes } => write!(
                f,
                "{}: field {field} is not {bytes} bytes in hex: the file was damaged; ask the officer for it again",
                path.display()
            ),
            SignatureKindUnknown { path, kind } => write!(
                f,
                "{}: it signs an entry of kind \"{kind}\"; amana adds signatures of seals and of the officers' decisions",
                path.display()
            ),
            SignatureFingerprintMismatch {
                path,
                claimed,
                hash,
            } => write!(
                f,
                "{}: the file's fingerprint {claimed} is not that of the entry hash it signs ({}): the file was altered; ask the officer for it again",
                path.display(),
                fp(hash)
            ),
            SignatureOtherLedger {
                path,
                ledger,
                ledger_id,
                this_ledger,
                this_id,
            } => write!(
                f,
                "{}: the signature is for the ledger \"{ledger}\" ({ledger_id}), not this one (\"{this_ledger}\", {}): add it to its own ledger",
                path.display(),
                hex::encode(this_id)
            ),
            SignatureEntryNotSignable {
                path,
                seq,
                what,
                fingerprint,
            } => write!(
                f,
                "{}: entry {seq} of this ledger is not a {kind}; the signature is for the {kind} {fingerprint}, which this ledger does not have there (see `amana log`)",
                path.display(),
                kind = what.kind()
            ),
            SignatureSealMismatch {
                path,
                hash,
                seq,
                seal_hash,
            } => write!(
                f,
                "{}: the signature is for the seal {} at entry {seq}, but this ledger's seal there is {}: it was made from another ledger's bundle, or from an altered one",
                path.display(),
                fp(hash),
                fp(seal_hash)
            ),
            SignatureOfficerMismatch {
                path,
                named,
                officer,
            } => write!(
                f,
                "{}: the file names officer \"{named}\", but the key is officer {officer}'s in this ledger",
                path.display()
            ),
            SignatureAlreadyAdded {
                path,
                officer,
                seal_hash,
                seq,
            } => write!(
                f,
                "{}: officer {officer} already signed the seal {} (entry {seq}); nothing was added",
                path.display(),
                fp(seal_hash)
            ),
            SignatureInvalid {
                path,
                officer,
                seal_hash,
            } => write!(
                f,
                "{}: the signature does not verify against officer {officer}'s key for the seal {}: the file was altered, or not signed with that key",
                path.display(),
                fp(seal_hash)
            ),
            BackupIsFolder { file } => write!(
                f,
                "{}: is a folder; give the name of the archive file to write, e.g. {}/amana-backup.tar",
                file.display(),
                file.display()
            ),
            OutputExists { file } => write!(
                f,
                "{}: a file is already there; give another name, or --force to replace it",
                file.display()
            ),
            BackupOverProtected { file, what } => write!(
                f,
                "{}: is {what}; a backup is never written over it, even with --force. Choose another file name",
                file.display()
            ),
            FolderMissing { file, folder } => write!(
                f,
                "{}: the folder {} does not exist",
                file.display(),
                folder.display()
            ),
            RestoreTargetExists { path } => write!(
                f,
                "{}: already exists; restore only writes a new ledger: give --to a path that is not taken",
                path.display()
            ),
            NotABackup { file, why } => write!(
                f,
                "{}: {why}; it is not an archive `amana backup` wrote, and nothing was restored",
                file.display()
            ),
            RestoredNotALedger { file, reason } => write!(
                f,
                "{}: its {} is not an amana ledger ({reason}); nothing was restored",
                file.display(),
                crate::app::backup::DB
            ),
            DemoFolderNotEmpty { dir } => write!(
                f,
                "{} is not empty and holds no demo ledger; the demo writes only into a new or empty folder, or over an earlier demo (choose another --out)",
                dir.display()
            ),
            DemoWouldOverwrite { path } => write!(
                f,
                "{} exists and is not a demo ledger; the demo never overwrites it (choose another --out)",
                path.display()
            ),
            DemoReferenceMissing { reference } => write!(
                f,
                "the demo finds no transaction with reference {reference}"
            ),
            InKindAccountsMissing { chart } => write!(
                f,
                "the chart {chart} has no memorandum accounts for contributions in kind: add them (`amana account add CODE --type memorandum`) and give --use-account and --resource-account"
            ),
            InKindValueInexact { hours, rate } => write!(
                f,
                "{hours} hours at {rate} is not a whole number of the currency's smallest unit: give the value itself with --value"
            ),
            InKindValueNotPositive { value } => write!(
                f,
                "a contribution in kind is worth more than zero, not {value}: to cancel one, reverse it (`amana reverse N --reason ...`)"
            ),
            AccountTypeNotParents {
                code,
                given,
                parent,
                parents,
            } => write!(
                f,
                "account {code} would be of type {given}, but on the Moroccan chart a sub-account has its parent's type: {parent} is {parents}; leave --type out (or give --type {parents}), or choose a code under an account of type {given}"
            ),
            AccountTypeMissing { code } => write!(
                f,
                "account {code} needs its type: give --type asset, liability, net-assets, income or expense"
            ),
        }
    }
}

/// A refusal's message includes what it wraps (a key error, a decoding error): it has no
/// separate source, so that nothing is said twice.
impl std::error::Error for Refusal {}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChainBreak::Missing { expected } => {
                write!(f, "entry {expected} is missing or out of place")
            }
            ChainBreak::HashMismatch => f.write_str("its stored hash does not match its bytes"),
            ChainBreak::LinkBroken => f.write_str("its link to the entry before it is broken"),
            ChainBreak::Undecodable(e) => write!(f, "{e}"),
            ChainBreak::Renumbered { recorded } => {
                write!(f, "it holds the entry recorded as number {recorded}")
            }
            ChainBreak::NotItsLine => f.write_str("it is not the entry its line says"),
            ChainBreak::Rules(rules) => f.write_str(
                &rules
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        }
    }
}

impl fmt::Display for BundleDefect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleDefect::Chain(e) => write!(f, "{e}"),
            BundleDefect::EmptyChain => f.write_str("its chain is empty"),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::File(e) => write!(f, "{e}"),
            ReadError::TooLarge { path, limit } => write!(
                f,
                "{}: larger than {limit} bytes, too large for what it should be",
                path.display()
            ),
        }
    }
}

impl fmt::Display for ArchiveDefect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::app::backup::{DB, README, RECEIPTS};
        match self {
            ArchiveDefect::NotTar(e) => write!(f, "cannot be read as a tar archive ({e})"),
            ArchiveDefect::NotRegular { name, kind } => {
                let what = match kind {
                    tar::EntryType::Symlink => "symbolic link".to_string(),
                    tar::EntryType::Link => "hard link".to_string(),
                    tar::EntryType::Char | tar::EntryType::Block => "device".to_string(),
                    tar::EntryType::Fifo => "named pipe".to_string(),
                    o => format!("{o:?} member"),
                };
                write!(f, "member \"{name}\" is a {what}, not a regular file")
            }
            ArchiveDefect::UnknownMember { name } => write!(
                f,
                "member \"{name}\" is not a name a backup holds (only {README}, {DB} and {RECEIPTS}/HH/SHA256)"
            ),
            ArchiveDefect::MemberTwice { name } => write!(f, "member \"{name}\" appears twice"),
            ArchiveDefect::MemberUnreadable { name, error } => {
                write!(f, "member \"{name}\" cannot be read ({error})")
            }
            ArchiveDefect::TooLarge { name } => write!(
                f,
                "member \"{name}\" is larger than any receipt amana keeps"
            ),
            ArchiveDefect::WrongHash { name } => write!(
                f,
                "member \"{name}\" does not have the SHA-256 it is named by (the document was altered)"
            ),
            ArchiveDefect::NoLedger => write!(f, "it holds no {DB}"),
        }
    }
}

impl fmt::Display for Protected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Protected::TheLedger => "the ledger itself",
            Protected::ReceiptFolder => "inside the ledger's receipt folder",
            Protected::Database => "a database (perhaps a ledger)",
            Protected::KeyFile => "a key file",
        })
    }
}

impl fmt::Display for NotReceived {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotReceived::Reversal(of) => write!(f, "it is a reversal (of transaction {of})"),
            NotReceived::Closing(year) => write!(f, "it is the closing of fiscal year {year}"),
            NotReceived::UnknownAccount(a) => write!(f, "the kind of account {a} is not known"),
            NotReceived::Depreciation(asset) => write!(f, "it is a depreciation of asset {asset}"),
            NotReceived::NoIncome => f.write_str("it credits no income account"),
            NotReceived::NoMoney => f.write_str("it debits no cash or bank account"),
            NotReceived::IncomeOverflow => {
                f.write_str("its income postings add up past any amount amana keeps")
            }
        }
    }
}
