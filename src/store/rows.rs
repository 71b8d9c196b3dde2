//! The rows the typed queries return, and the filters of the listings.
//!
//! They sit apart from the queries so that a reader of a report sees what the store hands
//! over without reading SQL. Amounts are [`Minor`]; codes, ids and dates are handed on as the
//! text every listing prints, after the query has read them through their domain types (see
//! [`super::sql`]), so a malformed one never reaches a listing.

use crate::domain::Minor;

/// One row of the log table, as stored.
#[derive(Debug, Clone)]
pub struct LogRow {
    pub seq: i64,
    pub kind: String,
    pub body: Vec<u8>,
    pub entry_hash: Vec<u8>,
    pub prev: Vec<u8>,
    pub chain: Vec<u8>,
}

/// A seal's signature with its officer, as the tables hold them.
#[derive(Debug, Clone)]
pub struct SignatureRow {
    pub officer: String,
    /// The chain entry that registered the officer.
    pub officer_seq: i64,
    pub name: String,
    pub role: String,
    pub public_key: Vec<u8>,
    pub signature: Vec<u8>,
}

/// An account with its names in other languages.
#[derive(Debug, Clone)]
pub struct AccountRow {
    pub code: String,
    pub name: String,
    pub kind: String,
    /// (language, name), by language.
    pub labels: Vec<(String, String)>,
    /// The first day it takes no posting, when it is retired.
    pub retired: Option<String>,
}

/// A funder with what its grants brought in.
#[derive(Debug, Clone)]
pub struct FunderRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    pub received: Minor,
    /// Its organisation identifier in force (its latest `funder-identifier`), if any.
    pub org_id: Option<String>,
}

/// A grant as the grant listing shows it.
#[derive(Debug, Clone)]
pub struct GrantRow {
    pub id: String,
    pub funder: String,
    pub amount: Minor,
    pub currency: String,
    pub start: String,
    pub end: String,
    pub restricted: bool,
    pub purpose: Option<String>,
    /// Base-currency totals, as a seal counts them.
    pub received: Minor,
    pub spent: Minor,
    /// The same totals in the grant's currency: the amounts the postings carry in it.
    pub received_original: Minor,
    pub spent_original: Minor,
    /// Whether a posting counted in `received` (`spent`) carries no amount in the grant's
    /// currency: then the total in it is not known.
    pub received_missing_original: bool,
    pub spent_missing_original: bool,
    pub lines: Vec<BudgetLineRow>,
    /// Its amendments, in chain order (`amount` and `end` above are those in force).
    pub amendments: Vec<GrantAmendmentRow>,
}

/// A budget line as the listing shows it: its budget in force (the latest amended one).
#[derive(Debug, Clone)]
pub struct BudgetLineRow {
    pub line: String,
    pub label: String,
    pub budget: Minor,
    /// The expense account it is usually charged to.
    pub account: Option<String>,
    /// The net of the postings charged to it, withdrawn or not.
    pub spent: Minor,
    /// The first day it takes no posting, once withdrawn.
    pub withdrawn: Option<String>,
    /// The net in the grant's currency: the amounts the postings charged to it carry in it.
    pub spent_original: Minor,
    /// Whether a posting charged to it carries no amount in the grant's currency.
    pub missing_original: bool,
    /// Its amendments, in chain order.
    pub amendments: Vec<BudgetLineAmendmentRow>,
}

/// One amendment of a budget line, as recorded.
#[derive(Debug, Clone)]
pub struct BudgetLineAmendmentRow {
    pub seq: i64,
    pub effective: String,
    /// The new budget, or `None` when unchanged.
    pub amount: Option<Minor>,
    pub withdrawn: bool,
    pub reason: String,
}

/// One amendment of a grant, as recorded.
#[derive(Debug, Clone)]
pub struct GrantAmendmentRow {
    pub seq: i64,
    pub effective: String,
    pub amount: Option<Minor>,
    pub end: Option<String>,
    pub reason: String,
}

/// Filters of the balance listing.
#[derive(Debug, Default, Clone)]
pub struct BalanceFilter {
    /// Only postings dated on or after this day (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Only postings dated on or before this day.
    pub as_of: Option<String>,
    pub grant: Option<String>,
    /// Leave out the closing entries of fiscal years.
    pub before_closing: bool,
}

/// Filters of the journal listing.
#[derive(Debug, Default, Clone)]
pub struct JournalFilter {
    pub from: Option<String>,
    pub to: Option<String>,
    /// An account code or the prefix of one (`61` selects 6111, 6131, ...).
    pub account: Option<String>,
    pub grant: Option<String>,
}

/// One account's balance.
#[derive(Debug, Clone)]
pub struct BalanceRow {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub balance: Minor,
}

/// A journal row: one posting with its entry's header.
#[derive(Debug, Clone)]
pub struct JournalRow {
    pub id: i64,
    pub seq: i64,
    pub kind: String,
    pub date: String,
    pub description: String,
    pub reference: Option<String>,
    pub reverses: Option<i64>,
    pub reason: Option<String>,
    pub reversed_by: Option<i64>,
    pub idx: i64,
    pub account: String,
    pub account_name: String,
    pub amount: Minor,
    pub grant: Option<String>,
    pub line: Option<String>,
    pub original: Option<(Minor, String)>,
    pub memo: Option<String>,
}
