//! The catalogue of the rules' messages: one of every kind, each rendered.

use super::*;
use crate::domain::{
    AccountCode, Currency, DomainError, FunderId, GrantId, LineId, Minor, Money, OfficerId,
};
use crate::rules::RuleError;
use crate::rules::english::english;

fn day(text: &str) -> NaiveDate {
    crate::domain::parse_date(text).unwrap()
}

/// One of every kind of refusal, as the catalogue of the rules' messages.
fn catalogue() -> Vec<RuleKind> {
    use RuleKind as K;
    let (code, funder) = (
        AccountCode::parse("512").unwrap(),
        FunderId::parse("UE").unwrap(),
    );
    let (grant, line) = (GrantId::parse("G1").unwrap(), LineId::parse("L1").unwrap());
    let officer = OfficerId::parse("amina").unwrap();
    let (d, e) = (day("2026-01-31"), EntryId(7));
    let mad = |m| Money::new(Minor(m), Currency::iso("MAD").unwrap());
    let mut kinds = vec![
        K::SeqOutOfOrder {
            seq: 3,
            expected: 2,
        },
        K::GenesisFirst { kind: "account" },
        K::GenesisTwice,
        K::BatchInterrupted {
            batch: 4,
            remaining: 2,
            kind: "seal",
        },
        K::ImportedAlready {
            file_name: "a.csv".into(),
            sha256: [1; 32],
        },
        K::ImportEmpty { transactions: 0 },
        K::EntryNumber { id: e, expected: 6 },
        K::ReversalInImport { batch: 4 },
        K::NotTheOpenImport { batch: 4 },
        K::AccountExists { code: code.clone() },
        K::FunderExists { id: funder.clone() },
        K::GrantExists { id: grant.clone() },
        K::GrantFunderMissing { funder },
        K::CurrencyNotInTable {
            currency: "XXX".into(),
        },
        K::GrantAmountOutOfRange { amount: Minor(-1) },
        K::GrantEndsBeforeStart { end: d, start: d },
        K::LineGrantMissing {
            grant: grant.clone(),
        },
        K::LineExists {
            grant: grant.clone(),
            line: line.clone(),
        },
        K::BudgetOutOfRange { amount: Minor(-1) },
        K::LineAccountMissing {
            account: code.clone(),
        },
        K::ReceiptEntryMissing { entry: e },
        K::ReceiptFileName {
            file_name: "a/b".into(),
        },
        K::ReceiptTwice {
            entry: e,
            sha256: [2; 32],
        },
        K::AmendedGrantMissing {
            grant: grant.clone(),
        },
        K::GrantAmendmentEmpty {
            grant: grant.clone(),
        },
        K::GrantWouldEndBeforeStart {
            grant: grant.clone(),
            end: d,
            start: d,
        },
        K::GrantSpentAfterEnd {
            grant: grant.clone(),
            end: d,
            entries: vec![e],
        },
        K::ChangedAccountMissing { code: code.clone() },
        K::AccountChangeEmpty { code: code.clone() },
        K::RetirementUndated { code: code.clone() },
        K::AccountRetiredAlready {
            code: code.clone(),
            since: d,
        },
        K::AccountUsedFrom {
            code: code.clone(),
            from: d,
            entries: vec![e],
        },
        K::AmendedLineMissing {
            grant: grant.clone(),
            line: line.clone(),
        },
        K::LineAmendmentEmpty {
            grant: grant.clone(),
            line: line.clone(),
        },
        K::LineWithdrawnAlready {
            grant: grant.clone(),
            line: line.clone(),
            since: d,
        },
        K::LineChargedFrom {
            grant: grant.clone(),
            line: line.clone(),
            from: d,
            entries: vec![e],
        },
        K::ChangedFunderMissing {
            id: FunderId::parse("X").unwrap(),
        },
        K::RateCurrency {
            currency: "MAD".into(),
        },
        K::RateOutOfRange {
            currency: "EUR".into(),
            rate: 0,
        },
        K::RateTwice {
            currency: "EUR".into(),
            date: d,
        },
        K::TermsGrantMissing {
            grant: grant.clone(),
        },
        K::ClosingDaysOutOfRange {
            grant: grant.clone(),
            days: -1,
        },
        K::BudgetCurrencyWithLines {
            grant: grant.clone(),
        },
        K::ClosingWindowSpent {
            grant: grant.clone(),
            last: d,
            entries: vec![e],
        },
        K::SettingUnknown {
            key: "currency".into(),
        },
        K::SettingInvalid {
            key: crate::domain::setting::SettingKey::Timezone,
            value: "Africa/Rabat".into(),
        },
        K::IdentifiedFunderMissing {
            funder: FunderId::parse("X").unwrap(),
        },
        K::OrgIdInvalid {
            funder: FunderId::parse("X").unwrap(),
            org_id: "MA 123".into(),
        },
        K::EntryInvalid {
            id: e,
            error: DomainError::TooFewPostings(1),
        },
        K::Locked { date: d, locked: d },
        K::AccountUnknown {
            account: code.clone(),
        },
        K::GrantUnknown {
            grant: grant.clone(),
        },
        K::OutsideGrantPeriod {
            date: d,
            grant: grant.clone(),
            start: d,
            end: d,
        },
        K::LineNotOfGrant {
            line: line.clone(),
            grant: grant.clone(),
        },
        K::LineOfOtherGrants {
            line: line.clone(),
            grant: grant.clone(),
            others: vec![grant.clone()],
        },
        K::OriginalCurrencyUnknown {
            currency: "XXX".into(),
        },
        K::AccountRetired {
            account: code.clone(),
            from: d,
        },
        K::LineWithdrawn {
            grant: grant.clone(),
            line: line.clone(),
            from: d,
        },
        K::ReversedMissing { reverses: e },
        K::ReversedTwice { reverses: e },
        K::ClosingReversed { reverses: e },
        K::ReversalReversed { reverses: e },
        K::ReversalBeforeOriginal {
            date: d,
            original: d,
        },
        K::ReversalNotMirrored { reverses: e },
        K::LockStrandsYear {
            through: d,
            year: 2025,
        },
        K::ClosingDates {
            date: d,
            year: 2025,
        },
        K::ClosingInImport,
        K::YearClosed { year: 2025 },
        K::NotNetAssets {
            account: code.clone(),
        },
        K::NotReplayed {
            check: Replayed::Closing,
        },
        K::NotReplayed {
            check: Replayed::Seal,
        },
        K::NotReplayed {
            check: Replayed::GrantAmendment,
        },
        K::NotReplayed {
            check: Replayed::AccountRetirement,
        },
        K::NotReplayed {
            check: Replayed::LineWithdrawal,
        },
        K::ClosingPostings { year: 2025 },
        K::DedicatedFundsPostings { year: 2025 },
        K::AccountRole {
            account: code.clone(),
            expected: crate::domain::AccountType::Liability,
            role: "dedicated-funds",
        },
        K::AllocationClosing {
            closing: 40,
            year: 2025,
        },
        K::AllocationTwice {
            closing: 40,
            seq: 44,
        },
        K::AllocationDate {
            date: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
            year: 2025,
        },
        K::AllocationPostings { closing: 40 },
        K::SealBankMissing {
            account: code.clone(),
        },
        K::SealHead {
            covered: 9,
            head: [3; 32],
        },
        K::SealMerkleRoot,
        K::SealPrevious,
        K::SealTrialBalance,
        K::SealGrants,
        K::SealBank {
            statement: "R1".into(),
            account: code.clone(),
            statement_balance: mad(100),
            books: mad(150),
            difference: mad(50),
            as_of: Some(d),
        },
        K::SealBank {
            statement: "R1".into(),
            account: code.clone(),
            statement_balance: mad(100),
            books: mad(150),
            difference: mad(50),
            as_of: None,
        },
        K::SealBank {
            statement: "R1".into(),
            account: code.clone(),
            statement_balance: mad(150),
            books: mad(100),
            difference: mad(50),
            as_of: Some(d),
        },
        K::SealBank {
            statement: "R1".into(),
            account: code,
            statement_balance: mad(150),
            books: mad(100),
            difference: mad(50),
            as_of: None,
        },
        K::TotalOverflow { seq: 12 },
        K::DecisionYearOutOfRange { kind: "reopen" },
        K::OfficerExists {
            id: officer.clone(),
        },
        K::NotAPublicKey { key: [0; 32] },
        K::KeyTaken {
            key: [0; 32],
            other: officer.clone(),
        },
        K::AlreadyLocked {
            through: d,
            locked: d,
        },
        K::ReopenNotClosed { year: 2025 },
        K::ReopenNotLast {
            year: 2024,
            last: 2025,
        },
        K::YearOutOfRange { year: 0 },
        K::OfficerUnknown {
            officer: officer.clone(),
        },
        K::OfficerRevokedAlready {
            officer: officer.clone(),
        },
        K::LastOfficer {
            officer: officer.clone(),
        },
        K::QuorumOutOfRange { quorum: 0, max: 9 },
        K::SignerUnknown {
            officer: officer.clone(),
        },
        K::SignerRevoked {
            officer: officer.clone(),
            at: 5,
        },
        K::SignerNotApproved {
            officer: officer.clone(),
        },
        K::NotSignable { target: 5 },
        K::SignedTwice {
            officer: officer.clone(),
            target: 5,
        },
        K::SelfDecision {
            officer: officer.clone(),
        },
        K::SignedHashUnknown { target: 5 },
        K::BadSignature {
            signature: [0; 64],
            domain: "seal",
            target: 5,
            officer,
        },
        // Charging (the writer's).
        K::PostingToParent {
            account: AccountCode::parse("512").unwrap(),
            subs: vec![AccountCode::parse("5121").unwrap()],
        },
        K::TagOnMoney {
            account: AccountCode::parse("512").unwrap(),
            tag: "grant=G1".into(),
        },
        K::LineNotOnExpense {
            account: AccountCode::parse("512").unwrap(),
            kind: crate::domain::AccountType::Liability,
            grant: grant.clone(),
            line: line.clone(),
        },
        K::GrantTagMisplaced {
            account: AccountCode::parse("512").unwrap(),
            kind: crate::domain::AccountType::Asset,
            grant: grant.clone(),
        },
        K::OriginalSignDiffers {
            account: AccountCode::parse("512").unwrap(),
            amount: mad(100),
            original: Money::new(Minor(-10), Currency::iso("EUR").unwrap()),
        },
    ];
    let code = AccountCode::parse("7183").unwrap();
    let funder = FunderId::parse("members").unwrap();
    let grant = GrantId::parse("G1").unwrap();
    kinds.extend([
        K::SourceEntryMissing { entry: e },
        K::SourceNotTransaction { entry: e },
        K::SourceEntryReversed { entry: e },
        K::SourcePostingMissing {
            entry: e,
            posting: 2,
        },
        K::SourceNotIncome {
            entry: e,
            posting: 0,
            account: code.clone(),
        },
        K::SourceFunderMissing {
            funder: funder.clone(),
        },
        K::SourceOtherFunder {
            grant: grant.clone(),
            grant_funder: funder.clone(),
            funder,
        },
        K::SourceTwice {
            entry: e,
            posting: 0,
        },
        K::MemorandumMixed {
            memorandum: code.clone(),
            account: code,
        },
    ]);
    use crate::rules::variance::VarianceRule as V;
    let line = LineId::parse("L1").unwrap();
    kinds.extend([
        K::Variance(V::LineMissing {
            grant: grant.clone(),
            line: line.clone(),
        }),
        K::Variance(V::TextLength {
            grant: grant.clone(),
            line,
            length: 0,
        }),
        K::Variance(V::ThresholdGrantMissing {
            grant: grant.clone(),
        }),
        K::Variance(V::ThresholdOutOfRange {
            grant,
            percent: -1,
            amount: Minor(0),
        }),
    ]);
    kinds
}

/// Every message has its English, every argument of its template is given, and every
/// argument given is used: a catalogue in another language can rely on ids and names.
#[test]
fn every_message_has_its_english_and_its_arguments() {
    let mut ids = std::collections::BTreeSet::new();
    let warnings = [
        Warning::Overspent {
            entry: EntryId(1),
            grant: GrantId::parse("G1").unwrap(),
            line: LineId::parse("L1").unwrap(),
            budget: Money::new(Minor(100), Currency::iso("MAD").unwrap()),
            spent: Money::new(Minor(150), Currency::iso("MAD").unwrap()),
        },
        Warning::ClockBehind {
            now: "2026-01-01 10:00 UTC".into(),
            last: "2026-01-02 10:00 UTC".into(),
        },
        Warning::GrantOverspent {
            entry: EntryId(1),
            grant: GrantId::parse("G1").unwrap(),
            total: Money::new(Minor(100), Currency::iso("MAD").unwrap()),
            spent: Money::new(Minor(150), Currency::iso("MAD").unwrap()),
        },
        Warning::GrantOverReceived {
            entry: EntryId(1),
            grant: GrantId::parse("G1").unwrap(),
            agreed: Money::new(Minor(100), Currency::iso("MAD").unwrap()),
            received: Money::new(Minor(150), Currency::iso("MAD").unwrap()),
        },
        Warning::MoneyBelowZero {
            entry: EntryId(1),
            account: AccountCode::parse("5161").unwrap(),
            date: day("2026-01-31"),
            balance: Money::new(Minor(-150), Currency::iso("MAD").unwrap()),
        },
        Warning::DatedInFuture {
            entry: EntryId(1),
            date: day("2026-02-01"),
            today: day("2026-01-31"),
        },
        Warning::ParentTakesNoPosting {
            account: AccountCode::parse("51415").unwrap(),
            parent: AccountCode::parse("5141").unwrap(),
            postings: 3,
        },
    ];
    let described = catalogue()
        .iter()
        .map(RuleKind::describe)
        .chain(warnings.iter().map(Warning::describe))
        .collect::<Vec<_>>();
    for d in &described {
        let template = english(d.id);
        assert!(!template.is_empty(), "{} has no English", d.id);
        let text = d.english();
        assert!(
            !text.contains("{$"),
            "{}: an argument is missing: {text}",
            d.id
        );
        for (name, _) in &d.args {
            assert!(
                template.contains(&format!("{{${name}}}")),
                "{}: argument {name} is not used",
                d.id
            );
        }
        ids.insert(d.id);
    }
    assert_eq!(ids.len(), described.len(), "a message id is used twice");
}

#[test]
fn renders_the_english_as_it_always_was() {
    let seal_bank = RuleKind::SealBank {
        statement: "R1".into(),
        account: AccountCode::parse("512").unwrap(),
        statement_balance: Money::new(Minor(100), Currency::iso("MAD").unwrap()),
        books: Money::new(Minor(150), Currency::iso("MAD").unwrap()),
        difference: Money::new(Minor(50), Currency::iso("MAD").unwrap()),
        as_of: Some(day("2026-01-31")),
    };
    assert_eq!(
        seal_bank.describe().english(),
        "the statement R1 gives 1.00 MAD for account 512, but the books say 1.50 as of 2026-01-31: the books have 0.50 MAD more than the statement: a movement the bank has not made yet (a cheque not cashed?), or one recorded twice or too large. Record or correct the movements, then seal again (or, if it is outstanding on the statement, reconcile first: `amana reconcile --account 512 --balance 1.00 --date 2026-01-31 --outstanding N`)"
    );
    let many: Vec<EntryId> = (1..=12).map(EntryId).collect();
    let e = RuleError::from(RuleKind::GrantSpentAfterEnd {
        grant: GrantId::parse("G1").unwrap(),
        end: day("2026-01-31"),
        entries: many,
    });
    assert_eq!((e.field(), e.value().as_str()), ("end", "2026-01-31"));
    assert!(
        e.message()
            .contains("(transactions #1, #2, #3, #4, #5, #6, #7, #8, #9, #10, and 2 more)")
    );
    assert_eq!(e.id(), "rule-grant-spent-after-end");
    assert_eq!(fill("{$a} and {$b}", &[("a", "1".into())]), "1 and {$b}");
}
