//! The English of the rules' refusals and warnings, in one place.
//!
//! Each [`RuleKind`] and [`Warning`] is described once, in [`RuleKind::describe`] and
//! [`Warning::describe`]: its message id, the field and value it concerns, and its named
//! arguments (each as text). The English is a template per message id (in
//! [`super::english`]) in Fluent's notation, `{$name}` for an argument, filled in from those
//! arguments: a Fluent catalogue in another language takes the same ids and arguments. Where the English of a
//! rule has two forms (a hint present or not), they are two message ids.

use chrono::NaiveDate;

use super::english::english;
use super::error::{Replayed, RuleKind, Warning};
use crate::domain::{EntryId, format_date};

/// A message: its id, the field and value it concerns, and its named arguments.
#[derive(Debug, Clone)]
pub(super) struct Described {
    pub(super) id: &'static str,
    pub(super) field: &'static str,
    pub(super) value: String,
    pub(super) args: Vec<(&'static str, String)>,
}

impl Described {
    /// The English: the template of the message id, each `{$name}` replaced by its argument.
    pub(super) fn english(&self) -> String {
        fill(english(self.id), &self.args)
    }
}

/// `template` with each `{$name}` replaced by the argument `name`.
fn fill(template: &str, args: &[(&'static str, String)]) -> String {
    crate::domain::message::fill(template, |name| {
        args.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    })
}

/// Named arguments: `args![a, b = expr]`, each rendered with its `Display`.
macro_rules! args {
    ($($name:ident $(= $value:expr)?),* $(,)?) => {
        vec![$((stringify!($name), args!(@value $name $(= $value)?))),*]
    };
    (@value $name:ident) => { $name.to_string() };
    (@value $name:ident = $value:expr) => { $value.to_string() };
}

fn described(
    id: &'static str,
    field: &'static str,
    value: impl ToString,
    args: Vec<(&'static str, String)>,
) -> Described {
    Described {
        id,
        field,
        value: value.to_string(),
        args,
    }
}

/// `#1, #4, #9` (at most ten, then how many more).
fn numbers(ids: &[EntryId]) -> String {
    let mut shown: Vec<String> = ids.iter().take(10).map(|id| format!("#{id}")).collect();
    if ids.len() > 10 {
        shown.push(format!("and {} more", ids.len() - 10));
    }
    shown.join(", ")
}

/// `5141, 51411` (at most ten, then how many more).
fn list(codes: &[crate::domain::AccountCode]) -> String {
    let mut shown: Vec<String> = codes.iter().take(10).map(|c| c.to_string()).collect();
    if codes.len() > 10 {
        shown.push(format!("and {} more", codes.len() - 10));
    }
    shown.join(", ")
}

fn date(d: &NaiveDate) -> String {
    format_date(*d)
}

impl RuleKind {
    /// The message id, field, value and named arguments of this refusal.
    pub(super) fn describe(&self) -> Described {
        use RuleKind as K;
        match self {
            K::SeqOutOfOrder { seq, expected } => {
                described("rule-seq-out-of-order", "seq", seq, args![seq, expected])
            }
            K::GenesisFirst { kind } => described("rule-genesis-first", "kind", kind, args![]),
            K::GenesisTwice => described("rule-genesis-twice", "kind", "ledger", args![]),
            K::BatchInterrupted {
                batch,
                remaining,
                kind,
            } => described(
                "rule-batch-interrupted",
                "batch",
                batch,
                args![batch, remaining, kind],
            ),
            K::ImportedAlready { file_name, sha256 } => described(
                "rule-imported-already",
                "file",
                file_name,
                args![sha256 = hex::encode(sha256)],
            ),
            K::ImportEmpty { transactions } => {
                described("rule-import-empty", "transactions", transactions, args![])
            }
            K::EntryNumber { id, expected } => {
                described("rule-entry-number", "txn", id, args![id, expected])
            }
            K::ReversalInImport { batch } => {
                described("rule-reversal-in-import", "batch", batch, args![])
            }
            K::NotTheOpenImport { batch } => {
                described("rule-not-the-open-import", "batch", batch, args![batch])
            }
            K::AccountExists { code } => {
                described("rule-account-exists", "code", code, args![code])
            }
            K::FunderExists { id } => described("rule-funder-exists", "id", id, args![id]),
            K::GrantExists { id } => described("rule-grant-exists", "id", id, args![id]),
            K::GrantFunderMissing { funder } => {
                described("rule-grant-funder-missing", "funder", funder, args![funder])
            }
            K::CurrencyNotInTable { currency } => described(
                "rule-currency-not-in-table",
                "currency",
                currency,
                args![currency],
            ),
            K::GrantAmountOutOfRange { amount } => {
                described("rule-grant-amount-out-of-range", "amount", amount, args![])
            }
            K::GrantEndsBeforeStart { end, start } => described(
                "rule-grant-ends-before-start",
                "end",
                date(end),
                args![end, start],
            ),
            K::LineGrantMissing { grant } => {
                described("rule-line-grant-missing", "grant", grant, args![grant])
            }
            K::LineExists { grant, line } => {
                described("rule-line-exists", "line", line, args![grant, line])
            }
            K::BudgetOutOfRange { amount } => {
                described("rule-budget-out-of-range", "amount", amount, args![])
            }
            K::LineAccountMissing { account } => described(
                "rule-line-account-missing",
                "account",
                account,
                args![account],
            ),
            K::ReceiptEntryMissing { entry } => {
                described("rule-receipt-entry-missing", "entry", entry, args![entry])
            }
            K::ReceiptFileName { file_name } => {
                described("rule-receipt-file-name", "file_name", file_name, args![])
            }
            K::ReceiptTwice { entry, sha256 } => described(
                "rule-receipt-twice",
                "sha256",
                hex::encode(sha256),
                args![entry],
            ),
            K::AmendedGrantMissing { grant } => {
                described("rule-amended-grant-missing", "grant", grant, args![grant])
            }
            K::GrantAmendmentEmpty { grant } => {
                described("rule-grant-amendment-empty", "amendment", grant, args![])
            }
            K::GrantWouldEndBeforeStart { grant, end, start } => described(
                "rule-grant-would-end-before-start",
                "end",
                date(end),
                args![grant, end, start],
            ),
            K::GrantSpentAfterEnd {
                grant,
                end,
                entries,
            } => described(
                "rule-grant-spent-after-end",
                "end",
                date(end),
                args![grant, end, entries = numbers(entries)],
            ),
            K::ChangedAccountMissing { code } => {
                described("rule-changed-account-missing", "code", code, args![code])
            }
            K::AccountChangeEmpty { code } => {
                described("rule-account-change-empty", "change", code, args![])
            }
            K::RetirementUndated { code } => {
                described("rule-retirement-undated", "effective", code, args![code])
            }
            K::AccountRetiredAlready { code, since } => described(
                "rule-account-retired-already",
                "code",
                code,
                args![code, since],
            ),
            K::AccountUsedFrom {
                code,
                from,
                entries,
            } => described(
                "rule-account-used-from",
                "effective",
                date(from),
                args![code, from, entries = numbers(entries)],
            ),
            K::AmendedLineMissing { grant, line } => described(
                "rule-amended-line-missing",
                "line",
                line,
                args![grant, line],
            ),
            K::LineAmendmentEmpty { grant, line } => described(
                "rule-line-amendment-empty",
                "amendment",
                format!("{grant}/{line}"),
                args![],
            ),
            K::LineWithdrawnAlready { grant, line, since } => described(
                "rule-line-withdrawn-already",
                "line",
                line,
                args![grant, line, since],
            ),
            K::LineChargedFrom {
                grant,
                line,
                from,
                entries,
            } => described(
                "rule-line-charged-from",
                "effective",
                date(from),
                args![grant, line, from, entries = numbers(entries)],
            ),
            K::RateCurrency { currency } => {
                described("rule-rate-currency", "currency", currency, args![currency])
            }
            K::RateOutOfRange { currency, rate } => described(
                "rule-rate-out-of-range",
                "rate",
                rate,
                args![currency, rate],
            ),
            K::RateTwice { currency, date: d } => described(
                "rule-rate-twice",
                "date",
                date(d),
                args![currency, date = d],
            ),
            K::TermsGrantMissing { grant } => {
                described("rule-terms-grant-missing", "grant", grant, args![grant])
            }
            K::ClosingDaysOutOfRange { grant, days } => described(
                "rule-closing-days-out-of-range",
                "closing_days",
                days,
                args![grant, days],
            ),
            K::BudgetCurrencyWithLines { grant } => described(
                "rule-budget-currency-with-lines",
                "budget_currency",
                grant,
                args![grant],
            ),
            K::ClosingWindowSpent {
                grant,
                last,
                entries,
            } => described(
                "rule-closing-window-spent",
                "closing_days",
                date(last),
                args![grant, last, entries = numbers(entries)],
            ),
            K::ChangedFunderMissing { id } => {
                described("rule-changed-funder-missing", "id", id, args![id])
            }
            K::SettingUnknown { key } => described("rule-setting-unknown", "key", key, args![key]),
            K::SettingInvalid { key, value } => described(
                "rule-setting-invalid",
                "value",
                value,
                args![key, value, expected = key.expects()],
            ),
            K::IdentifiedFunderMissing { funder } => described(
                "rule-identified-funder-missing",
                "funder",
                funder,
                args![funder],
            ),
            K::OrgIdInvalid { funder, org_id } => described(
                "rule-org-id-invalid",
                "org_id",
                org_id,
                args![funder, org_id],
            ),
            K::EntryInvalid { id, error } => {
                described("rule-entry-invalid", "amount", id, args![id, error])
            }
            K::Locked { date: d, locked } => {
                described("rule-locked", "date", date(d), args![locked])
            }
            K::AccountUnknown { account } => {
                described("rule-account-unknown", "account", account, args![account])
            }
            K::GrantUnknown { grant } => {
                described("rule-grant-unknown", "grant", grant, args![grant])
            }
            K::OutsideGrantPeriod {
                date: d,
                grant,
                start,
                end,
            } => described(
                "rule-outside-grant-period",
                "date",
                date(d),
                args![grant, start, end],
            ),
            K::LineNotOfGrant { line, grant } => {
                described("rule-line-not-of-grant", "line", line, args![line, grant])
            }
            K::LineOfOtherGrants {
                line,
                grant,
                others,
            } => described(
                "rule-line-of-other-grants",
                "line",
                line,
                args![
                    line,
                    grant,
                    others = others
                        .iter()
                        .map(|g| g.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ],
            ),
            K::OriginalCurrencyUnknown { currency } => described(
                "rule-original-currency-unknown",
                "original_currency",
                currency,
                args![currency],
            ),
            K::AccountRetired { account, from } => described(
                "rule-account-retired",
                "account",
                account,
                args![account, from],
            ),
            K::LineWithdrawn { grant, line, from } => described(
                "rule-line-withdrawn",
                "line",
                line,
                args![grant, line, from],
            ),
            K::ReversedMissing { reverses } => described(
                "rule-reversed-missing",
                "reverses",
                reverses,
                args![reverses],
            ),
            K::ReversedTwice { reverses } => {
                described("rule-reversed-twice", "reverses", reverses, args![reverses])
            }
            K::ClosingReversed { reverses } => described(
                "rule-closing-reversed",
                "reverses",
                reverses,
                args![reverses],
            ),
            K::ReversalReversed { reverses } => described(
                "rule-reversal-reversed",
                "reverses",
                reverses,
                args![reverses],
            ),
            K::ReversalBeforeOriginal { date: d, original } => described(
                "rule-reversal-before-original",
                "date",
                date(d),
                args![original],
            ),
            K::ReversalNotMirrored { reverses } => described(
                "rule-reversal-not-mirrored",
                "reverses",
                reverses,
                args![reverses],
            ),
            K::LockStrandsYear { through, year } => described(
                "rule-lock-strands-year",
                "through",
                date(through),
                args![through, year],
            ),
            K::ClosingDates { date: d, year } => {
                described("rule-closing-dates", "date", date(d), args![year])
            }
            K::ClosingInImport => described("rule-closing-in-import", "batch", "", args![]),
            K::Asset(rule) => rule.describe(),
            K::Variance(rule) => rule.describe(),
            K::Bank(rule) => rule.describe(),
            K::YearClosed { year } => described("rule-year-closed", "year", year, args![year]),
            K::NotNetAssets { account } => {
                described("rule-not-net-assets", "account", account, args![account])
            }
            K::NotReplayed { check } => {
                let (id, field, value) = match check {
                    Replayed::Closing => ("rule-not-replayed-closing", "state", ""),
                    Replayed::Seal => ("rule-not-replayed-seal", "seal", "state"),
                    Replayed::GrantAmendment => ("rule-not-replayed-grant-amendment", "state", ""),
                    Replayed::AccountRetirement => {
                        ("rule-not-replayed-account-retirement", "state", "")
                    }
                    Replayed::LineWithdrawal => ("rule-not-replayed-line-withdrawal", "state", ""),
                };
                described(id, field, value, args![])
            }
            K::ClosingPostings { year } => {
                described("rule-closing-postings", "postings", year, args![year])
            }
            K::DedicatedFundsPostings { year } => described(
                "rule-dedicated-funds-postings",
                "postings",
                year,
                args![year],
            ),
            K::AccountRole {
                account,
                expected,
                role,
            } => described(
                "rule-account-role",
                "account",
                account,
                args![account, role, expected = expected.as_str()],
            ),
            K::AllocationClosing { closing, year } => described(
                "rule-allocation-closing",
                "closing",
                closing,
                args![closing, year],
            ),
            K::AllocationTwice { closing, seq } => described(
                "rule-allocation-twice",
                "closing",
                closing,
                args![closing, seq],
            ),
            K::AllocationDate { date, year } => {
                described("rule-allocation-date", "date", date, args![date, year])
            }
            K::AllocationPostings { closing } => described(
                "rule-allocation-postings",
                "postings",
                closing,
                args![closing],
            ),
            K::SealBankMissing { account } => {
                described("rule-seal-bank-missing", "seal", "bank", args![account])
            }
            K::SealHead { covered, head } => described(
                "rule-seal-head",
                "seal",
                "head",
                args![covered, head = hex::encode(head)],
            ),
            K::SealMerkleRoot => described("rule-seal-merkle-root", "seal", "merkle_root", args![]),
            K::SealPrevious => described("rule-seal-previous", "seal", "previous", args![]),
            K::SealTrialBalance => {
                described("rule-seal-trial-balance", "seal", "trial_balance", args![])
            }
            K::SealGrants => described("rule-seal-grants", "seal", "grants", args![]),
            K::SealBank {
                statement,
                account,
                statement_balance,
                books,
                difference,
                as_of,
            } => {
                let currency = statement_balance.currency();
                let more = books.amount() > statement_balance.amount();
                let id = match (more, as_of.is_some()) {
                    (true, true) => "rule-seal-bank-more-as-of",
                    (true, false) => "rule-seal-bank-more",
                    (false, true) => "rule-seal-bank-less-as-of",
                    (false, false) => "rule-seal-bank-less",
                };
                let mut args = args![
                    statement,
                    account,
                    balance = currency.format(statement_balance.amount()),
                    books = currency.format(books.amount()),
                    difference = currency.format(difference.amount()),
                    currency = currency.code,
                ];
                if let Some(d) = as_of {
                    args.push(("as_of", d.to_string()));
                }
                described(id, "seal", "bank", args)
            }
            K::TotalOverflow { seq } => described("rule-total-overflow", "seq", seq, args![seq]),
            K::DecisionYearOutOfRange { kind } => {
                described("rule-decision-year-out-of-range", "year", kind, args![])
            }
            K::OfficerExists { id } => described("rule-officer-exists", "id", id, args![id]),
            K::NotAPublicKey { key } => {
                described("rule-not-a-public-key", "key", hex::encode(key), args![])
            }
            K::KeyTaken { key, other } => {
                described("rule-key-taken", "key", hex::encode(key), args![other])
            }
            K::AlreadyLocked { through, locked } => {
                described("rule-already-locked", "through", through, args![locked])
            }
            K::ReopenNotClosed { year } => {
                described("rule-reopen-not-closed", "year", year, args![year])
            }
            K::ReopenNotLast { year, last } => {
                described("rule-reopen-not-last", "year", year, args![year, last])
            }
            K::YearOutOfRange { year } => {
                described("rule-year-out-of-range", "year", year, args![year])
            }
            K::OfficerUnknown { officer } => {
                described("rule-officer-unknown", "officer", officer, args![officer])
            }
            K::OfficerRevokedAlready { officer } => described(
                "rule-officer-revoked-already",
                "officer",
                officer,
                args![officer],
            ),
            K::LastOfficer { officer } => {
                described("rule-last-officer", "officer", officer, args![officer])
            }
            K::QuorumOutOfRange { quorum, max } => {
                described("rule-quorum-out-of-range", "quorum", quorum, args![max])
            }
            K::SignerUnknown { officer } => {
                described("rule-signer-unknown", "officer", officer, args![officer])
            }
            K::SignerRevoked { officer, at } => described(
                "rule-signer-revoked",
                "officer",
                officer,
                args![officer, at],
            ),
            K::SignerNotApproved { officer } => described(
                "rule-signer-not-approved",
                "officer",
                officer,
                args![officer],
            ),
            K::NotSignable { target } => {
                described("rule-not-signable", "seal_ref", target, args![target])
            }
            K::SignedTwice { officer, target } => described(
                "rule-signed-twice",
                "officer",
                officer,
                args![officer, target],
            ),
            K::SelfDecision { officer } => {
                described("rule-self-decision", "officer", officer, args![officer])
            }
            K::SignedHashUnknown { target } => {
                described("rule-signed-hash-unknown", "seal_ref", target, args![])
            }
            K::BadSignature {
                signature,
                domain,
                target,
                officer,
            } => described(
                "rule-bad-signature",
                "signature",
                hex::encode(signature),
                args![domain, target, officer],
            ),
            K::SourceEntryMissing { entry } => {
                described("rule-source-entry-missing", "txn", entry, args![entry])
            }
            K::SourceNotTransaction { entry } => {
                described("rule-source-not-transaction", "txn", entry, args![entry])
            }
            K::SourceEntryReversed { entry } => {
                described("rule-source-entry-reversed", "txn", entry, args![entry])
            }
            K::SourcePostingMissing { entry, posting } => described(
                "rule-source-posting-missing",
                "posting",
                posting,
                args![entry, posting],
            ),
            K::SourceNotIncome {
                entry,
                posting,
                account,
            } => described(
                "rule-source-not-income",
                "funder",
                account,
                args![entry, posting, account],
            ),
            K::SourceFunderMissing { funder } => described(
                "rule-source-funder-missing",
                "funder",
                funder,
                args![funder],
            ),
            K::SourceOtherFunder {
                grant,
                grant_funder,
                funder,
            } => described(
                "rule-source-other-funder",
                "funder",
                funder,
                args![grant, grant_funder, funder],
            ),
            K::SourceTwice { entry, posting } => described(
                "rule-source-twice",
                "posting",
                posting,
                args![entry, posting],
            ),
            K::MemorandumMixed {
                memorandum,
                account,
            } => described(
                "rule-memorandum-mixed",
                "account",
                account,
                args![memorandum, account],
            ),
            K::PostingToParent { account, subs } => described(
                "rule-posting-to-parent",
                "account",
                account,
                args![account, subs = list(subs)],
            ),
            K::TagOnMoney { account, tag } => {
                described("rule-tag-on-money", "account", account, args![account, tag])
            }
            K::LineNotOnExpense {
                account,
                kind,
                grant,
                line,
            } => described(
                "rule-line-not-on-expense",
                "line",
                line,
                args![account, kind, grant, line],
            ),
            K::GrantTagMisplaced {
                account,
                kind,
                grant,
            } => described(
                "rule-grant-tag-misplaced",
                "grant",
                grant,
                args![account, kind, grant],
            ),
            K::OriginalSignDiffers {
                account,
                amount,
                original,
            } => described(
                "rule-original-sign-differs",
                "original_amount",
                original.currency().format(original.amount()),
                args![account, amount, original],
            ),
        }
    }
}

impl Warning {
    /// The message id and named arguments of this warning (it names no field).
    pub(super) fn describe(&self) -> Described {
        match self {
            Warning::Overspent {
                entry,
                grant,
                line,
                budget,
                spent,
            } => described(
                "warning-overspent",
                "line",
                line,
                args![entry, grant, line, budget, spent],
            ),
            Warning::ClockBehind { now, last } => {
                described("warning-clock-behind", "time", now, args![now, last])
            }
            Warning::GrantOverspent {
                entry,
                grant,
                total,
                spent,
            } => described(
                "warning-grant-overspent",
                "grant",
                grant,
                args![entry, grant, total, spent],
            ),
            Warning::GrantOverReceived {
                entry,
                grant,
                agreed,
                received,
            } => described(
                "warning-grant-over-received",
                "grant",
                grant,
                args![entry, grant, agreed, received],
            ),
            Warning::MoneyBelowZero {
                entry,
                account,
                date,
                balance,
            } => described(
                "warning-money-below-zero",
                "account",
                account,
                args![entry, account, date = format_date(*date), balance],
            ),
            Warning::DatedInFuture { entry, date, today } => described(
                "warning-dated-in-future",
                "date",
                format_date(*date),
                args![
                    entry,
                    date = format_date(*date),
                    today = format_date(*today)
                ],
            ),
            Warning::ParentTakesNoPosting {
                account,
                parent,
                postings,
            } => described(
                "warning-parent-takes-no-posting",
                "account",
                account,
                args![account, parent, postings],
            ),
        }
    }
}

#[cfg(test)]
mod tests;
