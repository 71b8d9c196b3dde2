//! Plain-text books read back: the subset of hledger's journal and of Beancount's ledger that
//! the books of a small association use (`amana import hledger FILE`, `amana import beancount
//! FILE`). Pure: the file's bytes, the ledger's currency and the way its account names map to
//! codes in; transactions, the accounts the file opens, and what was left out of it, out.
//!
//! The rule for what is outside the subset: nothing that moves money is ever dropped. A feature
//! that changes amounts, accounts or dates (prices and costs, virtual postings, automated
//! postings, `include`, `pad`, aliases, a second commodity) is a problem at its line and column,
//! and nothing is imported. A feature that moves no money (a price table, a note, a periodic
//! budget, a tag amana has no field for) is left out and listed, line by line, so the user
//! knows exactly what did not come in. Balance assertions are checked against the file's own
//! postings, as hledger and Beancount do.
//!
//! Text is kept as written. The only changes are the ledger's own text rules (spaces around
//! a field, Unicode's composed form), and each is listed as a [`Changed`] with what was written
//! and what is kept.
//!
//! Problems are values ([`BooksProblem`]), located as the CSV import's are (a [`RowError`] at
//! a line and a column, with the value as written) and said in English in one place
//! ([`english`]).

pub mod beancount;
pub mod hledger;
mod problems;

pub use problems::{BooksProblem, english};

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::{
    AccountCode, AccountType, DomainError, FunderId, GrantId, LedgerInfo, LineId, Minor, Posting,
    text,
};
use crate::formats::journal::{Column, RowError};

/// The account names of a file and the amana codes they stand for.
#[derive(Debug, Clone, Default)]
pub struct AccountMap {
    /// Name as written in the file → code (from `--accounts MAP.csv`).
    pub names: BTreeMap<String, AccountCode>,
    /// The codes the ledger already has.
    pub known: std::collections::BTreeSet<String>,
}

impl AccountMap {
    /// The code `name` stands for: the map's, else the code the file's own `open` or `account`
    /// directive gives it (`declared`), else the name itself when it is a code, else its last
    /// `:` component when that is a code the ledger knows (`Assets:5141`).
    fn resolve(&self, name: &str, declared: &BTreeMap<String, AccountCode>) -> Option<AccountCode> {
        if let Some(code) = self.names.get(name).or_else(|| declared.get(name)) {
            return Some(code.clone());
        }
        if let Ok(code) = AccountCode::parse(name)
            && code.as_str() == name
        {
            return Some(code);
        }
        let last = name.rsplit(':').next()?;
        AccountCode::parse(last)
            .ok()
            .filter(|c| c.as_str() == last && self.known.contains(last))
    }
}

/// An account the file opens (`account` in hledger, `open` in Beancount).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenAccount {
    pub line: u64,
    /// The name as written in the file.
    pub written: String,
    pub code: AccountCode,
    pub name: Option<String>,
    pub kind: Option<AccountType>,
}

/// One transaction read from the file.
#[derive(Debug, Clone)]
pub struct InTxn {
    /// Line of its first line and of its last.
    pub line: u64,
    pub end: u64,
    pub date: NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    /// The entry number in amana's `amana-N` link (`link:amana-N`, `^amana-N`): what a
    /// reversal and the transaction it reverses share.
    pub link: Option<i64>,
    /// A reversal's reason (`; reason:` or `reason:` metadata).
    pub reason: Option<String>,
    /// A carry to dedicated funds (`dedicated-funds:` as amana's export writes it): its
    /// dedicated-funds, charge and release accounts.
    pub dedicated_funds: Option<[AccountCode; 3]>,
    pub postings: Vec<Posting>,
    /// Line of each posting.
    pub posting_lines: Vec<u64>,
    /// The funder each posting's `funder` tag names.
    pub funders: Vec<Option<FunderId>>,
}

/// A balance the file asserts: `account` holds `amount` after posting `posting` of
/// transaction `txn` (hledger's `= AMOUNT`), or at the start of `date` (Beancount's `balance`).
#[derive(Debug, Clone)]
pub struct Assertion {
    pub line: u64,
    pub column: usize,
    pub written: String,
    pub account: AccountCode,
    pub amount: Minor,
    pub at: AssertAt,
}

#[derive(Debug, Clone, Copy)]
pub enum AssertAt {
    AfterPosting { txn: usize, posting: usize },
    StartOf(NaiveDate),
}

/// Why something in the file was left out (it moves no money).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOutKind {
    /// A directive amana has nothing for (a price, a note, a periodic budget...).
    Directive,
    /// A tag or a metadata key amana has no field for, or amana's own numbering (the ledger
    /// numbers its own entries and chain).
    Tag,
    /// A comment inside a transaction that is not one of amana's fields.
    Comment,
    /// A link amana does not use (only `amana-N` links a reversal).
    Link,
    /// A secondary date (hledger's `DATE=DATE2`): amana has one date per transaction.
    SecondaryDate,
    /// Options of the file (its title, the operating currency once checked).
    Option,
    /// The name the file gives an account the ledger already has under another name: the
    /// ledger keeps its own (`amana account rename` changes it, through the chain).
    AccountName,
    /// amana's own numbering (`amana-entry`, `chain-entry`, `kind`): the ledger numbers its
    /// own entries and chain. Said once, with a count.
    Numbering,
}

impl LeftOutKind {
    pub fn id(self) -> &'static str {
        match self {
            LeftOutKind::Directive => "cli-books-left-out-directive",
            LeftOutKind::Tag => "cli-books-left-out-tag",
            LeftOutKind::Comment => "cli-books-left-out-comment",
            LeftOutKind::Link => "cli-books-left-out-link",
            LeftOutKind::SecondaryDate => "cli-books-left-out-date2",
            LeftOutKind::Option => "cli-books-left-out-option",
            LeftOutKind::Numbering => "cli-books-left-out-numbering",
            LeftOutKind::AccountName => "cli-books-left-out-account-name",
        }
    }
}

/// Something in the file that was not imported, with its line and the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub line: u64,
    pub kind: LeftOutKind,
    pub text: String,
}

/// A text the ledger keeps otherwise than written: its line, its field, both forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub line: u64,
    pub field: &'static str,
    pub written: String,
    pub kept: String,
}

/// What a books file held.
#[derive(Debug, Clone, Default)]
pub struct ParsedBooks {
    pub lines: usize,
    pub accounts: Vec<OpenAccount>,
    pub transactions: Vec<InTxn>,
    pub left_out: Vec<LeftOut>,
    pub changed: Vec<Changed>,
    pub errors: Vec<RowError<BooksProblem>>,
}

/// The state both parsers share while reading: the problems, the notes, what was left out.
struct Reader<'a> {
    info: &'a LedgerInfo,
    map: &'a AccountMap,
    /// Codes the file's own directives give names.
    declared: BTreeMap<String, AccountCode>,
    /// The file's commodity: the first one seen, and where.
    commodity: Option<(String, u64)>,
    /// `,` when the file writes decimal commas (a `decimal-mark` or a commodity's format).
    decimal_comma: bool,
    out: ParsedBooks,
}

impl<'a> Reader<'a> {
    fn new(info: &'a LedgerInfo, map: &'a AccountMap) -> Self {
        Reader {
            info,
            map,
            declared: BTreeMap::new(),
            commodity: None,
            decimal_comma: false,
            out: ParsedBooks::default(),
        }
    }

    fn error(&mut self, line: u64, column: usize, value: &str, problem: BooksProblem) {
        self.out.errors.push(RowError {
            line,
            column: Some(Column::Char(column)),
            value: Some(value.to_string()),
            problem,
        });
    }

    fn left_out(&mut self, line: u64, kind: LeftOutKind, text: &str) {
        self.out.left_out.push(LeftOut {
            line,
            kind,
            text: text.trim().to_string(),
        });
    }

    /// A text field as the ledger keeps it; a change is noted, an unusable text a problem.
    fn text(
        &mut self,
        line: u64,
        column: usize,
        field: &'static str,
        written: &str,
    ) -> Option<String> {
        match text::clean(field, written) {
            Ok(kept) => {
                if kept != written {
                    self.out.changed.push(Changed {
                        line,
                        field,
                        written: written.to_string(),
                        kept: kept.clone(),
                    });
                }
                Some(kept)
            }
            Err(e) => {
                self.error(line, column, written, BooksProblem::Value(e));
                None
            }
        }
    }

    /// The code of an account name, or a problem at its place.
    fn account(&mut self, line: u64, column: usize, name: &str) -> Option<AccountCode> {
        let code = self.map.resolve(name, &self.declared);
        if code.is_none() {
            self.error(
                line,
                column,
                name,
                BooksProblem::Unmapped {
                    name: name.to_string(),
                },
            );
        }
        code
    }

    /// An amount in the file's one commodity, which must be the ledger's currency. `None` for
    /// the commodity is a bare number.
    fn amount(
        &mut self,
        line: u64,
        column: usize,
        written: &str,
        number: &str,
        commodity: &str,
    ) -> Option<Minor> {
        let base = self.info.currency.code.clone();
        let name = if commodity.is_empty() {
            "(no commodity)".to_string()
        } else {
            commodity.to_string()
        };
        match &self.commodity {
            Some((first, _)) if *first != name => {
                let expected = first.clone();
                self.error(
                    line,
                    column,
                    written,
                    BooksProblem::Commodity {
                        found: name,
                        expected,
                    },
                );
                return None;
            }
            Some(_) => {}
            None => {
                if !commodity.is_empty() && commodity != base {
                    self.error(
                        line,
                        column,
                        written,
                        BooksProblem::Commodity {
                            found: name,
                            expected: base,
                        },
                    );
                    return None;
                }
                self.commodity = Some((name, line));
            }
        }
        match plain_number(number, self.decimal_comma)
            .and_then(|n| self.info.currency.parse(&n).ok())
        {
            Some(m) => Some(m),
            None => {
                let plain = plain_number(number, self.decimal_comma).unwrap_or_default();
                let e = self
                    .info
                    .currency
                    .parse(&plain)
                    .err()
                    .unwrap_or(DomainError::BadAmount {
                        value: number.to_string(),
                        why: crate::domain::AmountProblem::NotANumber,
                    });
                self.error(line, column, written, BooksProblem::Value(e));
                None
            }
        }
    }

    /// `dedicated-funds:DEDICATED CHARGE RELEASE`, three account codes.
    fn dedicated_funds(
        &mut self,
        line: u64,
        column: usize,
        value: &str,
    ) -> Option<[AccountCode; 3]> {
        let codes: Vec<AccountCode> = value
            .split_whitespace()
            .filter_map(|c| AccountCode::parse(c).ok())
            .collect();
        match <[AccountCode; 3]>::try_from(codes) {
            Ok(three) if value.split_whitespace().count() == 3 => Some(three),
            _ => {
                self.error(
                    line,
                    column,
                    value,
                    BooksProblem::TagValue {
                        tag: "dedicated-funds",
                    },
                );
                None
            }
        }
    }

    /// The value of a posting tag or metadata key amana reads, into `posting`; `false` when the
    /// key is not one of them.
    #[allow(clippy::too_many_arguments)]
    fn posting_field(
        &mut self,
        line: u64,
        column: usize,
        key: &str,
        value: &str,
        posting: &mut Posting,
        funder: &mut Option<FunderId>,
    ) -> bool {
        match key {
            "grant" => match GrantId::parse(value) {
                Ok(g) => posting.grant = Some(g),
                Err(e) => self.error(line, column, value, BooksProblem::Value(e)),
            },
            "line" => match LineId::parse(value) {
                Ok(l) => posting.line = Some(l),
                Err(e) => self.error(line, column, value, BooksProblem::Value(e)),
            },
            "funder" => match FunderId::parse(value) {
                Ok(f) => *funder = Some(f),
                Err(e) => self.error(line, column, value, BooksProblem::Value(e)),
            },
            "original" => {
                let parsed = value.trim().split_once(' ').and_then(|(a, c)| {
                    let c = c.trim();
                    self.info
                        .currency(c)
                        .and_then(|cur| cur.parse(a).ok())
                        .map(|m| (m, c.to_string()))
                });
                match parsed {
                    Some(o) => posting.original = Some(o),
                    None => self.error(
                        line,
                        column,
                        value,
                        BooksProblem::TagValue { tag: "original" },
                    ),
                }
            }
            "memo" => posting.memo = self.text(line, column, "memo", value),
            _ => return false,
        }
        true
    }

    /// The postings of a transaction with the one left without an amount given what balances
    /// the others; a problem at its line when two leave it out or the sum overflows.
    fn complete(&mut self, postings: &mut [(Posting, Option<Minor>, u64, usize)]) -> bool {
        let elided: Vec<usize> = (0..postings.len())
            .filter(|&i| postings[i].1.is_none())
            .collect();
        if elided.len() > 1 {
            let (_, _, line, column) = postings[elided[1]];
            self.error(line, column, "", BooksProblem::TwoElided);
            return false;
        }
        if let Some(&i) = elided.first() {
            let sum = crate::domain::checked_sum(postings.iter().filter_map(|p| p.1));
            match sum.and_then(Minor::checked_neg) {
                Some(rest) => postings[i].0.amount = rest,
                None => {
                    let (_, _, line, column) = postings[i];
                    self.error(
                        line,
                        column,
                        "",
                        BooksProblem::Transaction(DomainError::Overflow),
                    );
                    return false;
                }
            }
        }
        true
    }

    /// Checks every balance assertion against the file's own postings (by date, then in the
    /// file's order, as hledger does); a failing one is a problem at its line.
    fn check_assertions(&mut self, assertions: Vec<Assertion>) {
        if assertions.is_empty() {
            return;
        }
        let txns = &self.out.transactions;
        let mut order: Vec<usize> = (0..txns.len()).collect();
        order.sort_by_key(|&i| txns[i].date);
        let mut failures = vec![];
        for a in &assertions {
            let mut total: Option<Minor> = Some(Minor(0));
            match a.at {
                AssertAt::StartOf(date) => {
                    for t in txns.iter().filter(|t| t.date < date) {
                        for p in t.postings.iter().filter(|p| p.account == a.account) {
                            total = total.and_then(|s| s.checked_add(p.amount));
                        }
                    }
                }
                AssertAt::AfterPosting { txn, posting } => {
                    'all: for &i in &order {
                        for (k, p) in txns[i].postings.iter().enumerate() {
                            if p.account == a.account {
                                total = total.and_then(|s| s.checked_add(p.amount));
                            }
                            if i == txn && k == posting {
                                break 'all;
                            }
                        }
                    }
                }
            }
            if total != Some(a.amount) {
                let actual = total
                    .map(|m| {
                        format!(
                            "{} {}",
                            self.info.currency.format(m),
                            self.info.currency.code
                        )
                    })
                    .unwrap_or_else(|| "an overflow".to_string());
                failures.push((a.line, a.column, a.written.clone(), actual));
            }
        }
        for (line, column, written, actual) in failures {
            self.error(
                line,
                column,
                &written,
                BooksProblem::AssertionFails { actual },
            );
        }
    }

    /// Links: an `amana-N` link names a reversal and what it reverses; more than two
    /// transactions sharing one is a problem.
    fn check_links(&mut self) {
        let mut seen: BTreeMap<i64, (u64, usize)> = BTreeMap::new();
        let mut problems = vec![];
        for t in &self.out.transactions {
            if let Some(link) = t.link {
                let e = seen.entry(link).or_insert((t.line, 0));
                e.1 += 1;
                if e.1 > 2 {
                    problems.push((t.line, format!("amana-{link}"), e.0));
                }
            }
        }
        for (line, value, first) in problems {
            self.error(line, 1, &value, BooksProblem::Link { first });
        }
    }

    fn finish(mut self, assertions: Vec<Assertion>) -> ParsedBooks {
        self.check_assertions(assertions);
        self.check_links();
        self.out.errors.sort_by_key(|e| e.line);
        self.out
    }
}

/// A number as written in the file (`1,234.50`, `1 234,50` with decimal commas, `-12`) as the
/// plain decimal amana parses (`1234.50`); `None` when it is not a number.
fn plain_number(written: &str, decimal_comma: bool) -> Option<String> {
    let s = written.trim();
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest.trim_start()),
        None => ("", s.strip_prefix('+').unwrap_or(s).trim_start()),
    };
    let (mark, group) = if decimal_comma {
        (',', '.')
    } else {
        ('.', ',')
    };
    let mut out = String::from(sign);
    let mut seen_mark = false;
    for c in digits.chars() {
        match c {
            '0'..='9' => out.push(c),
            c if c == mark && !seen_mark => {
                seen_mark = true;
                out.push('.');
            }
            c if (c == group || c == ' ' || c == '\u{a0}' || c == '\u{202f}') && !seen_mark => {}
            _ => return None,
        }
    }
    let body = out.trim_start_matches('-');
    (!body.is_empty() && body.chars().next().is_some_and(|c| c.is_ascii_digit())).then_some(out)
}

/// Splits `AMOUNT` as hledger writes it (`MAD 1,234.50`, `1234.50 MAD`, `-MAD 12`, `MAD -12`,
/// `12`) into its number and its commodity.
fn split_amount(text: &str) -> (String, String) {
    let s = text.trim();
    let number_char = |c: char| c.is_ascii_digit() || ".,- +\u{a0}\u{202f}".contains(c);
    // Commodity first, possibly after the sign.
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r.trim_start()),
        None => ("", s),
    };
    if rest.chars().next().is_some_and(|c| !number_char(c)) {
        let end = rest.find(number_char).unwrap_or(rest.len());
        let (commodity, number) = rest.split_at(end);
        return (
            format!("{sign}{}", number.trim()),
            commodity.trim().trim_matches('"').to_string(),
        );
    }
    let end = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| !number_char(*c) || *c == ' ')
        .last()
        .map_or(s.len(), |(i, _)| i);
    let (number, commodity) = s.split_at(end);
    (
        number.trim().to_string(),
        commodity.trim().trim_matches('"').to_string(),
    )
}

/// The 1-based column of `part` inside `line` (a slice of it).
fn column_of(line: &str, part: &str) -> usize {
    let offset = (part.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
    line.get(..offset.min(line.len()))
        .map_or(1, |before| before.chars().count() + 1)
}

/// A date as both formats write it (`2026-03-01`; hledger also `2026/03/01`, `2026.03.01`).
fn date(text: &str) -> Result<NaiveDate, DomainError> {
    let normal: String = text
        .chars()
        .map(|c| if c == '/' || c == '.' { '-' } else { c })
        .collect();
    crate::domain::parse_date(&normal).map_err(|_| DomainError::BadDate(text.to_string()))
}

/// The account type of hledger's `type:` letters and of amana's own `amana-type:` names.
fn account_type(text: &str) -> Option<AccountType> {
    match text.trim() {
        "A" | "Asset" | "C" | "Cash" => Some(AccountType::Asset),
        "L" | "Liability" => Some(AccountType::Liability),
        "E" | "Equity" => Some(AccountType::NetAssets),
        "R" | "Revenue" => Some(AccountType::Income),
        "X" | "Expense" => Some(AccountType::Expense),
        other => other.parse().ok(),
    }
}

/// The lines of `bytes` as text, each with its 1-based number; a file that is not UTF-8 (or
/// holds NUL bytes) is one problem at its first bad line.
fn lines(bytes: &[u8]) -> Result<Vec<(u64, &str)>, Box<RowError<BooksProblem>>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut out = vec![];
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = i as u64 + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        match std::str::from_utf8(raw) {
            Ok(s) if !s.contains('\0') => out.push((number, s)),
            _ => {
                return Err(Box::new(RowError {
                    line: number,
                    column: None,
                    value: Some(String::from_utf8_lossy(raw).into_owned()),
                    problem: BooksProblem::NotText,
                }));
            }
        }
    }
    if out.last().is_some_and(|(_, s)| s.is_empty()) {
        out.pop();
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
