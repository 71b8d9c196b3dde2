//! Every refusal renders, under an identifier of its own; a few sentences checked word for word
//! (the golden tests and the integration tests check the others through the commands).

use std::collections::HashSet;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::*;
use crate::chain::DecodeError;
use crate::chain::signing::Signed;
use crate::domain::{AccountCode, EntryId, GrantId, OfficerId};
use crate::files::keys::KeyError;
use crate::rules::RuleKind;
use crate::verify::{Finding, ProblemKind};

fn date(s: &str) -> NaiveDate {
    crate::domain::parse_date(s).unwrap()
}

fn officer(id: &str) -> OfficerId {
    OfficerId::parse(id).unwrap()
}

fn path(p: &str) -> PathBuf {
    PathBuf::from(p)
}

fn problem(seq: i64) -> Problem {
    Problem {
        seq,
        kind: ProblemKind::Deleted,
        detail: Finding::EntriesMissing {
            first: seq,
            last: seq,
        },
    }
}

fn json_error() -> serde_json::Error {
    serde_json::from_str::<serde_json::Value>("{").unwrap_err()
}

/// One value of every variant.
fn code(text: &str) -> crate::domain::AccountCode {
    crate::domain::AccountCode::parse(text).unwrap()
}

fn mad(minor: i64) -> crate::domain::Money {
    let currency = crate::domain::Currency {
        code: "MAD".into(),
        exponent: 2,
    };
    crate::domain::Money::new(crate::domain::Minor(minor), currency)
}

fn samples() -> Vec<Refusal> {
    use Refusal::*;
    let (id, fatima) = (EntryId(7), officer("fatima"));
    let hash = [1u8; 32];
    vec![
        LedgerFileNameMissing { path: path("/") },
        CountryNotIso {
            country: "Maroc".into(),
        },
        SeveralAmountsLeftOut,
        TransactionNotFound { id },
        ReversalPastEnd {
            id,
            dated: date("9999-12-31"),
            locked: date("9999-12-31"),
        },
        ReversalInLockedPeriod {
            id,
            dated: date("2025-03-01"),
            locked: date("2025-12-31"),
            first_open: date("2026-01-01"),
            reason: "l'erreur".into(),
        },
        BankAccountMissing {
            account: code("51419"),
        },
        BankAccountNotAsset {
            account: code("7581"),
            kind: crate::domain::AccountType::Income,
        },
        BankNoSuspense { lines: vec![9, 14] },
        BankSuspenseMissing {
            account: code("3497"),
        },
        BankLineNotInSuspense { entry: EntryId(12) },
        BankSameAccount {
            account: code("51411"),
            role: "suspense",
        },
        BankSameAccount {
            account: code("51411"),
            role: "assign",
        },
        ReconcileNoBalance {
            file: path("releve.csv"),
        },
        ReconcileNothingGiven,
        ReconcileNotOutstanding {
            entry: EntryId(7),
            account: code("51411"),
        },
        AlreadyImported {
            file: path("jan.csv"),
            sha256: hash,
            imported_as: "jan.csv".into(),
            seq: 12,
        },
        ImportReceiptMissing {
            path: path("csv/absent.pdf"),
        },
        ImportReceiptUnusable {
            error: Box::new(LedgerError::File(crate::files::FileError::NotFound {
                path: path("x.pdf"),
            })),
        },
        GrantNotFound {
            grant: GrantId::parse("NOPE").unwrap(),
        },
        OriginalNotGrantCurrency {
            grant: GrantId::parse("EU-2026").unwrap(),
            currency: "USD".into(),
            expected: "EUR".into(),
        },
        NoRateForGrant {
            grant: GrantId::parse("EU-2026").unwrap(),
            currency: "EUR".into(),
            date: crate::domain::parse_date("2026-03-02").unwrap(),
        },
        NoInstalmentsYet {
            grant: GrantId::parse("EU-2026").unwrap(),
            currency: "EUR".into(),
        },
        RevalueNotMoney {
            account: AccountCode::parse("6126").unwrap(),
        },
        RevalueMixed {
            account: AccountCode::parse("51412").unwrap(),
            currency: "EUR".into(),
            entry: EntryId(4),
        },
        NoRateToRevalue {
            currency: "EUR".into(),
            date: crate::domain::parse_date("2026-12-31").unwrap(),
        },
        RevalueAccountsNeeded,
        Key(KeyError::NotAPrivateKey(path("k.pem"))),
        KeyNotRegistered { public_key: hash },
        OfficerRevoked {
            officer: fatima.clone(),
            at: 9,
        },
        OfficerNotApproved {
            officer: fatima.clone(),
        },
        OfficerAlreadyApproved {
            officer: fatima.clone(),
        },
        FoundingOfficerApproved {
            officer: fatima.clone(),
        },
        FoundingOfficerNeedsNoApproval {
            officer: fatima.clone(),
        },
        OfficerNotRegistered {
            officer: fatima.clone(),
        },
        ApprovalOfRevoked {
            officer: fatima.clone(),
            at: 9,
        },
        SealNotFound {
            reference: "ABCD".into(),
        },
        NotSignable { seq: 3 },
        LockNotPast {
            through: date("2030-01-31"),
        },
        KeyGivenTwice {
            officer: fatima.clone(),
        },
        QuorumNotMet {
            decision: "closing",
            needed: 2,
            quorum: Some(2),
            given: 1,
            can_sign: vec![fatima.clone(), officer("ahmed")],
        },
        LedgerDoesNotVerify {
            seq: 4,
            why: ChainBreak::LinkBroken,
        },
        BankTwice {
            account: AccountCode::parse("5141").unwrap(),
        },
        PeriodNotPast {
            end: date("2030-01-31"),
        },
        SealBlocksClosing {
            end: date("2026-01-31"),
            year: 2025,
        },
        YearOutOfRange { year: 0 },
        YearNotEnded {
            year: 2030,
            start: date("2030-01-01"),
            end: date("2030-12-31"),
        },
        YearAlreadyClosed {
            year: 2025,
            locked: date("2025-12-31"),
        },
        YearLocked {
            year: 2025,
            locked: date("2026-03-31"),
        },
        EarlierYearOpen { year: 2024 },
        CarryAccountsTogether,
        DemoStep {
            step: "asset add".into(),
            reason: "a useful life of 0 months".into(),
        },
        NoResultToAllocate { year: 2024 },
        ResultNotAllocated {
            year: 2024,
            account: code("1191"),
            amount: mad(1_240_334),
        },
        DedicatedFundOfEndedGrant {
            grant: crate::domain::GrantId::parse("CMM-2024").unwrap(),
            end: chrono::NaiveDate::from_ymd_opt(2024, 6, 30).unwrap(),
            amount: mad(500_000),
        },
        AllocationSum {
            year: 2024,
            result: mad(1_240_334),
            parts: mad(1_000_000),
        },
        MemberReceiptNotFound { id },
        TransactionReversed {
            id,
            by: EntryId(9),
            date: date("2026-02-01"),
        },
        NotMoneyReceived {
            id,
            why: NotReceived::NoIncome,
        },
        BundleFolderNotEmpty { dir: path("audit") },
        BundleEntryUndecodable {
            seq: 5,
            error: DecodeError {
                offset: 3,
                what: "bad tag".into(),
            },
        },
        BundleEntryDoesNotRebuild {
            seq: 5,
            dir: path("audit"),
        },
        BundleDoesNotVerify {
            dir: path("audit"),
            first: vec![problem(1)],
            count: 1,
        },
        BundleUnreadable {
            dir: path("audit"),
            why: BundleDefect::EmptyChain,
        },
        BundleBroken {
            dir: path("audit"),
            seq: 2,
            why: ChainBreak::Missing { expected: 2 },
        },
        AlreadySignedInBundle {
            officer: fatima.clone(),
            what: Signed::Seal,
            hash,
            seq: 30,
        },
        OwnDecision {
            seq: 31,
            officer: fatima.clone(),
        },
        BundleKeyNotRegistered { public_key: hash },
        BundleOfficerNotApproved {
            officer: fatima.clone(),
        },
        SignatureFileUnreadable(ReadError::TooLarge {
            path: path("sig.json"),
            limit: 65536,
        }),
        NotASignatureFile {
            path: path("sig.json"),
            error: json_error(),
        },
        SignatureFormatUnknown {
            path: path("sig.json"),
            format: "other/9".into(),
        },
        SignatureFieldDamaged {
            path: path("sig.json"),
            field: "signature",
            bytes: 64,
        },
        SignatureKindUnknown {
            path: path("sig.json"),
            kind: "transaction".into(),
        },
        SignatureFingerprintMismatch {
            path: path("sig.json"),
            claimed: "AAAA".into(),
            hash,
        },
        SignatureOtherLedger {
            path: path("sig.json"),
            ledger: "Autre".into(),
            ledger_id: "00".into(),
            this_ledger: "Khotwa".into(),
            this_id: vec![1, 2],
        },
        SignatureEntryNotSignable {
            path: path("sig.json"),
            seq: 4,
            what: Signed::Seal,
            fingerprint: "AAAA".into(),
        },
        SignatureSealMismatch {
            path: path("sig.json"),
            hash,
            seq: 4,
            seal_hash: [2u8; 32],
        },
        SignatureOfficerMismatch {
            path: path("sig.json"),
            named: "ahmed".into(),
            officer: fatima.clone(),
        },
        SignatureAlreadyAdded {
            path: path("sig.json"),
            officer: fatima.clone(),
            seal_hash: hash,
            seq: 4,
        },
        SignatureInvalid {
            path: path("sig.json"),
            officer: fatima,
            seal_hash: hash,
        },
        BackupIsFolder { file: path("out") },
        OutputExists {
            file: path("b.tar"),
        },
        BackupOverProtected {
            file: path("amana.db"),
            what: Protected::TheLedger,
        },
        FolderMissing {
            file: path("no/b.tar"),
            folder: path("no"),
        },
        RestoreTargetExists {
            path: path("new.db"),
        },
        NotABackup {
            file: path("b.tar"),
            why: ArchiveDefect::NoLedger,
        },
        RestoredNotALedger {
            file: path("b.tar"),
            reason: "no genesis".into(),
        },
        DemoFolderNotEmpty { dir: path("demo") },
        DemoWouldOverwrite {
            path: path("demo/amana.db"),
        },
        DemoReferenceMissing {
            reference: "R-1".into(),
        },
        InKindAccountsMissing {
            chart: "none".into(),
        },
        InKindValueInexact {
            hours: "1.5".into(),
            rate: "0.01".into(),
        },
        InKindValueNotPositive {
            value: "0.00".into(),
        },
        AccountTypeNotParents {
            code: AccountCode::parse("51415").unwrap(),
            given: crate::domain::AccountType::Income,
            parent: AccountCode::parse("5141").unwrap(),
            parents: crate::domain::AccountType::Asset,
        },
        AccountTypeMissing {
            code: AccountCode::parse("9").unwrap(),
        },
        OrgIdAgencyUnknown {
            org_id: "MA-XXX-1".into(),
            agency: "MA-XXX".into(),
        },
        ExportOrgIdMissing,
        ExportFunderOrgIdMissing {
            funder: crate::domain::FunderId::parse("EU").unwrap(),
            grant: GrantId::parse("EU-2025").unwrap(),
        },
        ExportCodeNotInList {
            what: "the currency of grant G".into(),
            code: "XXX".into(),
            list: "Currency",
        },
        ExportDatedInFuture {
            grant: GrantId::parse("EU-2025").unwrap(),
            id,
            date: date("2026-12-31"),
            today: date("2026-12-01"),
        },
        ExportNoGrant,
        ExportRuleBroken {
            what: "activity X: a budget period from 2025-01-01 to 2026-06-30".into(),
        },
        ExportCountryUnknown {
            org_id: "XI-IATI-1".into(),
        },
    ]
}

#[test]
fn every_refusal_renders_under_an_id_of_its_own() {
    let all = samples();
    let mut ids = HashSet::new();
    for (r, again) in all.iter().zip(samples()) {
        let text = r.to_string();
        assert!(!text.trim().is_empty(), "{} renders nothing", r.id());
        assert!(!text.contains("{}"), "{}: {text}", r.id());
        assert!(ids.insert(r.id()), "id {} given twice", r.id());
        assert!(
            r.id().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{}",
            r.id()
        );
        assert_eq!(LedgerError::from(again).to_string(), text);
    }
    // Every variant has a sample: as many as `Refusal::id` has arms.
    let source = include_str!("refusal.rs");
    let id_fn =
        &source[source.find("pub fn id(&self)").unwrap()..source.find("pub fn field").unwrap()];
    assert_eq!(all.len(), id_fn.matches("=> \"").count());
}

#[test]
fn sentences_read_as_before() {
    use Refusal::*;
    let cases: Vec<(Refusal, &str)> = vec![
        (
            YearOutOfRange { year: 0 },
            "fiscal year 0 is out of range: the ledger records years 1 to 9999; give the year the fiscal year starts in, e.g. --year 2025",
        ),
        (
            ReversalInLockedPeriod {
                id: EntryId(3),
                dated: date("2025-03-01"),
                locked: date("2025-12-31"),
                first_open: date("2026-01-01"),
                reason: "l'erreur".into(),
            },
            "transaction 3 is dated 2025-03-01, in the period locked through 2025-12-31: its reversal cannot take its date. Date it in the open period, from 2026-01-01 on:\n  amana reverse 3 --date 2026-01-01 --reason 'l'\\''erreur'",
        ),
        (
            QuorumNotMet {
                decision: "lock",
                needed: 2,
                quorum: None,
                given: 1,
                can_sign: vec![officer("ahmed"), officer("fatima")],
            },
            "this lock needs the signatures of 2 officer(s) (the ledger's policy), and 1 key(s) of officers were given: add --sign KEYFILE for each (officers who can sign: ahmed, fatima)",
        ),
        (
            BundleDoesNotVerify {
                dir: path("audit"),
                first: (1..=5).map(problem).collect(),
                count: 7,
            },
            "the audit bundle audit does not verify, so nothing was signed: entry 1: deleted: entry 1 is missing from the log; entry 2: deleted: entry 2 is missing from the log; entry 3: deleted: entry 3 is missing from the log; entry 4: deleted: entry 4 is missing from the log; entry 5: deleted: entry 5 is missing from the log; and 2 more. Run `amana verify --bundle audit`, and ask the treasurer for a new bundle",
        ),
        (
            NotABackup {
                file: path("b.tar"),
                why: ArchiveDefect::NotRegular {
                    name: "x".into(),
                    kind: tar::EntryType::Fifo,
                },
            },
            "b.tar: member \"x\" is a named pipe, not a regular file; it is not an archive `amana backup` wrote, and nothing was restored",
        ),
        (
            LedgerDoesNotVerify {
                seq: 4,
                why: ChainBreak::Rules(vec![
                    RuleError::from(RuleKind::SeqOutOfOrder {
                        seq: 5,
                        expected: 4,
                    }),
                    RuleError::from(RuleKind::GenesisTwice),
                ]),
            },
            "the ledger does not verify at chain entry 4: sequence number 5 where 4 was expected; a chain has exactly one genesis entry, and it is the first. Run `amana verify` and resolve that before sealing or signing",
        ),
        (
            SignatureEntryNotSignable {
                path: path("s.json"),
                seq: 4,
                what: Signed::Seal,
                fingerprint: "AAAA".into(),
            },
            "s.json: entry 4 of this ledger is not a seal; the signature is for the seal AAAA, which this ledger does not have there (see `amana log`)",
        ),
    ];
    for (refusal, english) in cases {
        assert_eq!(refusal.to_string(), english, "{}", refusal.id());
    }
}

#[test]
fn a_form_knows_which_field_to_mark() {
    assert_eq!(Refusal::YearOutOfRange { year: 0 }.field(), Some("year"));
    assert_eq!(
        Refusal::CountryNotIso {
            country: "X".into()
        }
        .field(),
        Some("country")
    );
    assert_eq!(
        Refusal::LedgerDoesNotVerify {
            seq: 1,
            why: ChainBreak::HashMismatch
        }
        .field(),
        None
    );
}

#[test]
fn every_refusal_is_said_in_every_language() {
    use crate::report::i18n::{Catalogue, Lang};
    let en = Catalogue::embedded(Lang::En);
    for r in samples() {
        assert_eq!(r.said(&en), r.to_string(), "{}", r.id());
    }
    for lang in [Lang::Fr, Lang::Ar] {
        let cat = Catalogue::embedded(lang);
        for r in samples() {
            let said = r.said(&cat);
            assert!(
                !said.contains("{$") && !said.contains("refusal-") && !said.trim().is_empty(),
                "{lang}: {}: {said}",
                r.id()
            );
        }
    }
}
