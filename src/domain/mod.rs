//! The accounting domain: money, accounts, funders, grants, budget lines and journal entries.
//!
//! Nothing here knows SQLite, clap, CSV or templates. Values are valid by construction: an
//! [`Entry`] can only be built balanced, an [`AccountCode`] only from a valid code, a text field
//! only in NFC without control or bidi-override characters. Rules that need the state of the
//! ledger (does this account exist? is the date inside the grant?) live in [`crate::rules`].

pub mod asset;
mod entry;
pub mod message;
pub mod money;
pub mod orgid;
pub mod setting;
pub mod text;

use chrono::{Datelike, NaiveDate};
use std::fmt;
use std::str::FromStr;

pub use money::{Currency, Minor, Money, MoneyError, checked_sum};

/// Why a value cannot enter the books. Each variant names the field and the value; what it
/// says is in `reports/i18n/en/domain.ftl` (see [`DomainError::said`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainError {
    BadAmount {
        value: String,
        why: AmountProblem,
    },
    BadMonth(String),
    BadText {
        field: &'static str,
        value: String,
        why: TextProblem,
    },
    BadId {
        what: &'static str,
        value: String,
        rule: &'static str,
    },
    BadDate(String),
    UnknownCurrency(String),
    NotOneOf {
        what: &'static str,
        value: String,
        allowed: &'static str,
    },
    TooFewPostings(usize),
    Unbalanced {
        sum: String,
        currency: String,
    },
    Overflow,
    OutOfRange {
        account: String,
        amount: i64,
    },
    LineWithoutGrant {
        account: String,
        line: String,
    },
    BadFiscalStart(String),
}

/// What is wrong with a written amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountProblem {
    /// Not `-?[0-9]+(\.[0-9]+)?`.
    NotANumber,
    /// Past [`Minor::MAX`], shown in the currency (`100000000000.00 MAD`).
    TooLarge { max: String, currency: String },
    /// More significant decimals than the currency has.
    TooManyDecimals { currency: String, exponent: u8 },
}

impl AmountProblem {
    fn said(&self, say: Say) -> String {
        match self {
            AmountProblem::NotANumber => say("domain-amount-not-a-number", &[]),
            AmountProblem::TooLarge { max, currency } => say(
                "domain-amount-too-large",
                &[("max", max.clone()), ("currency", currency.clone())],
            ),
            AmountProblem::TooManyDecimals { currency, exponent } => say(
                "domain-amount-too-many-decimals",
                &[
                    ("currency", currency.clone()),
                    ("exponent", exponent.to_string()),
                ],
            ),
        }
    }
}

impl fmt::Display for AmountProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(&english))
    }
}

/// What is wrong with a piece of text for the books.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextProblem {
    /// It holds a character that could make it display otherwise than recorded.
    Forbidden { character: char, kind: Forbidden },
    /// Nothing is left once trimmed.
    Empty,
}

/// The characters text for the books never holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forbidden {
    /// U+202A–U+202E, U+2066–U+2069 ("Trojan Source").
    Bidi,
    /// Tab, newline and the other control characters.
    Control,
}

impl TextProblem {
    fn said(&self, say: Say) -> String {
        match self {
            TextProblem::Forbidden { character, kind } => {
                let what = match kind {
                    Forbidden::Bidi => say("domain-text-bidi", &[]),
                    Forbidden::Control => say("domain-text-control", &[]),
                };
                let code = format!("{:04X}", u32::from(*character));
                say("domain-text-forbidden", &[("what", what), ("code", code)])
            }
            TextProblem::Empty => say("domain-text-empty", &[]),
        }
    }
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(&english))
    }
}

/// How a message is said: by id, with named arguments as text. English from the embedded
/// file ([`english`]), or a catalogue's language at the command line's edge.
pub type Say<'a> = &'a dyn Fn(&str, &[(&str, String)]) -> String;

/// The English Fluent file of the domain's messages.
const DOMAIN_EN: &str = include_str!("../../reports/i18n/en/domain.ftl");

/// Message `id` in English, from `reports/i18n/en/domain.ftl`, the domain's only English.
pub fn english(id: &str, args: &[(&str, String)]) -> String {
    match message::template(DOMAIN_EN, id) {
        Some(text) => message::fill(text, |name| {
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
        }),
        None => id.to_string(),
    }
}

impl DomainError {
    /// What is wrong, without the opening `what "VALUE"` a row of a file shows in its own
    /// place (`is not a number: ...`); the whole message for an error about no single value.
    pub fn without_value(&self) -> String {
        self.problem(&english)
    }

    /// [`DomainError::without_value`], said by `say`.
    pub fn problem(&self, say: Say) -> String {
        use DomainError::*;
        match self {
            BadAmount { why, .. } => why.said(say),
            BadText { why, .. } => why.said(say),
            BadId { rule, .. } => say("domain-id-invalid", &[("rule", rule.to_string())]),
            BadMonth(_) => say("domain-month-invalid", &[]),
            BadDate(_) => say("domain-date-invalid", &[]),
            UnknownCurrency(_) => say("domain-currency-unknown", &[]),
            NotOneOf { allowed, .. } => {
                say("domain-not-one-of", &[("allowed", allowed.to_string())])
            }
            BadFiscalStart(_) => say("domain-fiscal-start-invalid", &[]),
            TooFewPostings(count) => {
                say("domain-too-few-postings", &[("count", count.to_string())])
            }
            Unbalanced { sum, currency } => say(
                "domain-unbalanced",
                &[("sum", sum.clone()), ("currency", currency.clone())],
            ),
            Overflow => say("domain-overflow", &[]),
            OutOfRange { account, amount } => say(
                "domain-out-of-range",
                &[("account", account.clone()), ("amount", amount.to_string())],
            ),
            LineWithoutGrant { account, line } => say(
                "domain-line-without-grant",
                &[("account", account.clone()), ("line", line.clone())],
            ),
        }
    }

    /// The whole message, said by `say`: `what "VALUE" problem`, or the problem alone for an
    /// error about no single value.
    pub fn said(&self, say: Say) -> String {
        use DomainError::*;
        let framed = |id: &str, value: &str| {
            say(
                id,
                &[("value", value.to_string()), ("why", self.problem(say))],
            )
        };
        let named = |what: &str, value: &str| {
            say(
                "domain-bad-value",
                &[
                    ("what", what.to_string()),
                    ("value", value.to_string()),
                    ("why", self.problem(say)),
                ],
            )
        };
        match self {
            BadAmount { value, .. } => framed("domain-bad-amount", value),
            BadMonth(value) => framed("domain-bad-month", value),
            BadDate(value) => framed("domain-bad-date", value),
            UnknownCurrency(value) => framed("domain-bad-currency", value),
            BadFiscalStart(value) => framed("domain-bad-fiscal-start", value),
            BadText { field, value, .. } => named(field, value),
            BadId { what, value, .. } => named(what, value),
            NotOneOf { what, value, .. } => named(what, value),
            TooFewPostings(_)
            | Unbalanced { .. }
            | Overflow
            | OutOfRange { .. }
            | LineWithoutGrant { .. } => self.problem(say),
        }
    }
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(&english))
    }
}

impl std::error::Error for DomainError {}

/// Parses `YYYY-MM-DD` strictly: four-digit year, two-digit month and day, a day that exists.
pub fn parse_date(text: &str) -> Result<NaiveDate, DomainError> {
    let t = text.trim();
    let shaped = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(DomainError::BadDate(text.to_string()));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .filter(|d| d.year() >= 1)
        .ok_or_else(|| DomainError::BadDate(text.to_string()))
}

/// Whether the chain can record `date`: years 0001 to 9999 (`YYYY-MM-DD`, four digits).
pub fn recordable(date: NaiveDate) -> bool {
    (1..=9999).contains(&date.year())
}

/// The last day of month `YYYY-MM` (`seal --month`), within the years the chain can record.
pub fn month_end(text: &str) -> Result<NaiveDate, DomainError> {
    let bad = || DomainError::BadMonth(text.to_string());
    let t = text.trim();
    let (y, m) = t.split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 {
        return Err(bad());
    }
    let (y, m): (i32, u32) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|d| d.pred_opt())
        .filter(|d| (1..=12).contains(&m) && recordable(*d))
        .ok_or_else(bad)
}

/// Formats a date as the chain and every listing write it.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

macro_rules! code_newtype {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            pub fn parse(value: &str) -> Result<Self, DomainError> {
                let v = value.trim();
                let mut bytes = v.bytes();
                let ok = v.len() <= 64
                    && bytes.next().is_some_and(|b| b.is_ascii_alphanumeric())
                    && bytes.all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
                if ok {
                    Ok(Self(v.to_string()))
                } else {
                    Err(DomainError::BadId {
                        what: $what,
                        value: value.to_string(),
                        rule: "use letters A-Z a-z, digits, and . _ - (not first), at most 64 characters",
                    })
                }
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

code_newtype!(
    /// An account code such as `5141`; the hierarchy is by prefix (`51` ⊃ `514` ⊃ `5141`).
    AccountCode,
    "account code"
);
code_newtype!(/// A funder's short identifier such as `CMM`.
    FunderId, "funder id");
code_newtype!(/// A grant's identifier such as `CMM-2026`.
    GrantId, "grant id");
code_newtype!(/// A budget line's identifier within its grant, such as `training`.
    LineId, "budget line id");
code_newtype!(/// An officer's short identifier such as `fatima`.
    OfficerId, "officer id");
code_newtype!(/// A fixed asset's identifier such as `PC-2025-01`.
    AssetId, "asset id");

/// A journal entry's number: 1, 2, 3, ... without gaps, in the order they were recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(pub i64);

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident, $what:literal, { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const NAMES: &'static str = concat!($($text, " "),+);

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl FromStr for $name {
            type Err = DomainError;
            fn from_str(s: &str) -> Result<Self, DomainError> {
                match s.trim() {
                    $($text => Ok($name::$variant),)+
                    _ => Err(DomainError::NotOneOf { what: $what, value: s.to_string(), allowed: $name::NAMES }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum!(
    /// The five kinds of account of a nonprofit's books, and the memorandum accounts kept
    /// beside them (in-kind contributions at a declared value: never money, never the result).
    AccountType, "account type", {
        Asset => "asset",
        Liability => "liability",
        NetAssets => "net-assets",
        Income => "income",
        Expense => "expense",
        Memorandum => "memorandum",
    }
);

string_enum!(
    /// Where a funder's money comes from: what "diversify your funding" is measured with.
    FunderType, "funder type", {
        PublicLocal => "public-local",
        PublicNational => "public-national",
        ForeignPublic => "foreign-public",
        ForeignPrivate => "foreign-private",
        Private => "private",
        Individual => "individual",
        Members => "members",
    }
);

string_enum!(
    /// The office a person holds in the association.
    OfficerRole, "officer role", {
        President => "president",
        VicePresident => "vice-president",
        Treasurer => "treasurer",
        DeputyTreasurer => "deputy-treasurer",
        SecretaryGeneral => "secretary-general",
        Auditor => "auditor",
        BoardMember => "board-member",
    }
);

// Declared after `string_enum!`, which it uses.
pub mod rates;
pub use rates::{BudgetCurrency, ExchangeRate, GrantTerms, MAX_CLOSING_DAYS, Rate, RateMethod};

/// A person who signs seals: their public key is in the chain, their private key never is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Officer {
    pub id: OfficerId,
    pub name: String,
    pub role: OfficerRole,
    /// Ed25519 public key.
    pub public_key: [u8; 32],
}

/// Month and day on which the fiscal year starts (`01-01` for calendar years).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiscalStart {
    pub month: u32,
    pub day: u32,
}

impl FiscalStart {
    pub const CALENDAR: FiscalStart = FiscalStart { month: 1, day: 1 };

    pub fn parse(text: &str) -> Result<FiscalStart, DomainError> {
        let bad = || DomainError::BadFiscalStart(text.to_string());
        let (m, d) = text.trim().split_once('-').ok_or_else(bad)?;
        if m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (month, day) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
        // Day 29 of February would not exist every year: refuse it, as accounting tools do.
        NaiveDate::from_ymd_opt(2025, month, day).ok_or_else(bad)?;
        Ok(FiscalStart { month, day })
    }
}

impl FiscalStart {
    /// The first and last day of the fiscal year that starts in calendar year `year`.
    /// `None` when either day falls outside the years the chain can record (0001 to 9999).
    pub fn year_bounds(self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        let start = NaiveDate::from_ymd_opt(year, self.month, self.day)?;
        let next = NaiveDate::from_ymd_opt(year.checked_add(1)?, self.month, self.day)?;
        let end = next.pred_opt()?;
        (recordable(start) && recordable(end)).then_some((start, end))
    }

    /// The fiscal year (named by the calendar year it starts in) that `date` belongs to.
    pub fn year_of(self, date: NaiveDate) -> i32 {
        let y = date.year();
        match NaiveDate::from_ymd_opt(y, self.month, self.day) {
            Some(start) if date >= start => y,
            _ => y - 1,
        }
    }
}

impl fmt::Display for FiscalStart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

/// The ledger's identity and base currency, fixed at creation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerInfo {
    /// 16 bytes that tell this ledger apart from every other, even one with the same name.
    pub id: Vec<u8>,
    pub name: String,
    pub currency: Currency,
    pub fiscal_start: FiscalStart,
    /// The chart template the ledger started from (`ma-associations`, `generic`, `none`).
    pub chart: String,
    /// The currency table (code and exponent) this ledger's amounts are read with.
    pub currencies: Vec<Currency>,
}

impl LedgerInfo {
    /// A currency of this ledger's table (bound at genesis), by code.
    pub fn currency(&self, code: &str) -> Option<&Currency> {
        self.currencies.iter().find(|c| c.code == code)
    }

    /// The number of decimals of `code`; 2 for a code outside the table (display only).
    pub fn exponent(&self, code: &str) -> u8 {
        self.currency(code).map_or(2, |c| c.exponent)
    }
}

/// A name of an account in one language (`ar`, `fr`, `en`), beside its main name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub lang: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub code: AccountCode,
    pub name: String,
    pub kind: AccountType,
    /// Names in other languages, sorted by language tag, at most one per language.
    pub labels: Vec<Label>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Funder {
    pub id: FunderId,
    pub name: String,
    pub kind: FunderType,
    /// ISO 3166-1 alpha-2 country code, when known.
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub id: GrantId,
    pub funder: FunderId,
    /// The agreed amount, in minor units of `currency` (which may differ from the base currency).
    pub amount: Minor,
    pub currency: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Restricted funds may only be spent on the grant's purpose (fonds affectés).
    pub restricted: bool,
    pub purpose: Option<String>,
}

impl Grant {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetLine {
    pub grant: GrantId,
    pub line: LineId,
    pub label: String,
    /// Budgeted amount in the ledger's base currency.
    pub amount: Minor,
    /// The expense account this line is usually charged to.
    pub account: Option<AccountCode>,
}

pub use entry::{ClosingForm, ENTRY_KINDS, Entry, EntryHeader, EntryKind, Posting};

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of a file shows the value in its own place: what is left of each message is the
    /// message after its opening `what "VALUE" `, for every kind of error.
    #[test]
    fn without_value_is_the_message_after_its_value() {
        let mad = Currency {
            code: "MAD".into(),
            exponent: 2,
        };
        let errors = [
            Minor::parse("12,5O", &mad).unwrap_err(),
            Minor::parse("1.234", &mad).unwrap_err(),
            Minor::parse("99999999999999999", &mad).unwrap_err(),
            text::clean("description", "a\u{202E}b").unwrap_err(),
            text::clean("description", "a\tb").unwrap_err(),
            text::clean("description", "").unwrap_err(),
            AccountCode::parse("51 41").unwrap_err(),
            month_end("2026-13").unwrap_err(),
            parse_date("2026-02-30").unwrap_err(),
            Currency::iso("XYZ").unwrap_err(),
            FiscalStart::parse("13-01").unwrap_err(),
            DomainError::TooFewPostings(1),
            DomainError::Overflow,
        ];
        for e in errors {
            let message = e.to_string();
            let after = match message.split_once("\" ") {
                Some((_, rest)) => rest.to_string(),
                None => message.clone(),
            };
            assert_eq!(e.without_value(), after, "{message}");
        }
        // Typed, it does not depend on what the value holds (splitting the sentence did).
        let blank = text::clean("description", "  ").unwrap_err();
        assert_eq!(blank.without_value(), "is empty");
    }

    fn posting(account: &str, amount: i64) -> Posting {
        Posting {
            account: AccountCode::parse(account).unwrap(),
            amount: Minor(amount),
            grant: None,
            line: None,
            original: None,
            memo: None,
        }
    }

    fn entry(postings: Vec<Posting>) -> Result<Entry, DomainError> {
        Entry::new(
            EntryHeader {
                id: EntryId(1),
                date: parse_date("2026-02-13").unwrap(),
                description: "test".into(),
                reference: None,
                kind: EntryKind::Transaction,
                batch: None,
            },
            postings,
            &Currency::iso("MAD").unwrap(),
        )
    }

    #[test]
    fn an_entry_must_balance_to_the_centime() {
        assert!(entry(vec![posting("6131", 150000), posting("5141", -150000)]).is_ok());
        let err = entry(vec![posting("6131", 150000), posting("5141", -149999)]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "postings do not balance: they sum to 0.01 MAD, not 0 (debits positive, credits negative)"
        );
    }

    #[test]
    fn an_entry_needs_two_postings() {
        assert_eq!(
            entry(vec![posting("6131", 0)]).unwrap_err(),
            DomainError::TooFewPostings(1)
        );
    }

    #[test]
    fn a_line_needs_its_grant() {
        let mut p = posting("6131", 100);
        p.line = Some(LineId::parse("training").unwrap());
        assert!(matches!(
            entry(vec![p, posting("5141", -100)]),
            Err(DomainError::LineWithoutGrant { .. })
        ));
    }

    #[test]
    fn huge_amounts_are_an_error_not_a_panic() {
        assert!(matches!(
            entry(vec![
                posting("1", i64::MAX),
                posting("2", 1),
                posting("3", -1)
            ]),
            Err(DomainError::OutOfRange { .. })
        ));
        let max = Minor::MAX;
        assert!(entry(vec![posting("1", max), posting("2", -max)]).is_ok());
        assert!(matches!(
            entry(vec![posting("1", max + 1), posting("2", -max - 1)]),
            Err(DomainError::OutOfRange { .. })
        ));
    }

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2026-02-13").is_ok());
        for bad in [
            "2026-02-30",
            "2026-2-13",
            "13/02/2026",
            "2026-02-13T00:00",
            "",
            "2025-02-29",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
        assert!(parse_date("2024-02-29").is_ok());
    }

    #[test]
    fn codes_are_validated() {
        assert!(AccountCode::parse("5141").is_ok());
        assert!(AccountCode::parse("Assets.Bank-1_x").is_ok());
        for bad in ["", "-1", ".a", "a b", "a:b", "بنك"] {
            assert!(AccountCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn fiscal_start() {
        assert_eq!(FiscalStart::parse("07-01").unwrap().to_string(), "07-01");
        for bad in ["7-1", "13-01", "02-30", "02-29", "0101"] {
            assert!(FiscalStart::parse(bad).is_err(), "{bad}");
        }
    }
}
