//! Where income comes from, and contributions in kind.
//!
//! `record` names the funder of an income posting with `funder=` (a member's dues, a gift
//! without a grant): the transaction is written, then one `source` entry per such posting, in
//! the same write (CHAIN.md rule 17). `in-kind` records volunteer hours, premises lent or goods
//! given at a declared value, as a transaction on memorandum accounts alone (rule 18): Debit
//! the use, Credit the resource, so they never reach money, real balances or the result.

use chrono::NaiveDate;

use crate::app::{Ledger, LedgerError, Refusal, Written, append_entry, append_record, load_book};
use crate::chain::{Record, Source};
use crate::domain::{
    AccountCode, Currency, Entry, EntryHeader, EntryId, EntryKind, FunderId, LedgerInfo, Minor,
    Posting, text,
};
use crate::rules::Book;
use crate::store::Appender;

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// Writes the `source` entries of transaction `entry`: `funders` names, for each posting
/// index, its funder. The rules refuse a posting that is not income, an unknown funder, or
/// another funder than the posting's grant's.
pub(crate) fn append_sources(
    app: &mut Appender<'_>,
    book: &mut Book,
    actor: &str,
    entry: EntryId,
    funders: &[(usize, FunderId)],
    written: &mut Written,
) -> Result<()> {
    for (posting, funder) in funders {
        let source = Source {
            entry,
            posting: i64::try_from(*posting).unwrap_or(i64::MAX),
            funder: funder.clone(),
        };
        let w = append_record(app, book, actor, Record::Source(source))
            .map_err(|e| at_posting(e, *posting))?;
        written.seq = w.seq;
        written.head = w.head;
        written.entry_hash = w.entry_hash;
    }
    Ok(())
}

/// A rule's refusal of a source, put at the posting whose `funder=` it concerns.
fn at_posting(err: LedgerError, posting: usize) -> LedgerError {
    match err {
        LedgerError::Rules(rules) => {
            LedgerError::Rules(rules.into_iter().map(|r| r.at(posting)).collect())
        }
        other => other,
    }
}

/// What was given in kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InKindKind {
    Volunteering,
    Premises,
    Goods,
}

/// How a contribution in kind is valued: hours at a rate, or a value.
#[derive(Debug, Clone)]
pub enum InKindValue {
    Hours { hours: String, rate: String },
    Value(String),
}

/// One contribution in kind to record.
#[derive(Debug, Clone)]
pub struct InKindRequest {
    pub date: NaiveDate,
    pub kind: InKindKind,
    pub value: InKindValue,
    pub description: String,
    pub funder: Option<FunderId>,
    /// The memorandum accounts, when not the chart's defaults.
    pub use_account: Option<AccountCode>,
    pub resource_account: Option<AccountCode>,
}

/// The chart's memorandum accounts for a kind of contribution: (use, resource). The Moroccan
/// association chart's class 0 (amana-proposed numbers) and the generic chart's class 9.
fn default_accounts(chart: &str, kind: InKindKind) -> Option<(&'static str, &'static str)> {
    match (chart, kind) {
        ("ma-associations", InKindKind::Volunteering) => Some(("0864", "0870")),
        ("ma-associations", InKindKind::Premises) => Some(("0862", "0871")),
        ("ma-associations", InKindKind::Goods) => Some(("0861", "0875")),
        ("generic", _) => Some(("9100", "9000")),
        _ => None,
    }
}

/// The declared value, in minor units of the base currency, and the words the description
/// gets for hours (`120 h at 50.00 MAD`).
fn value_of(currency: &Currency, value: &InKindValue) -> Result<(Minor, Option<String>)> {
    let (minor, shown, said) = match value {
        InKindValue::Value(v) => (currency.parse(v)?, v.clone(), None),
        InKindValue::Hours { hours, rate } => {
            // Hours to the hundredth (a "currency" named so in the message of a third
            // decimal); the product must be whole minor units, never rounded.
            let hundredths = Currency {
                code: "hours".into(),
                exponent: 2,
            }
            .parse(hours)?;
            let per_hour = currency.parse(rate)?;
            let inexact = || Refusal::InKindValueInexact {
                hours: hours.clone(),
                rate: rate.clone(),
            };
            let product = i128::from(hundredths.0) * i128::from(per_hour.0);
            if product % 100 != 0 {
                return Err(inexact().into());
            }
            let minor = i64::try_from(product / 100)
                .ok()
                .filter(|m| m.abs() <= Minor::MAX)
                .ok_or_else(inexact)?;
            let said = format!(
                "{} h at {} {}",
                hundredths.format(2).trim_end_matches(".00"),
                currency.format(per_hour),
                currency.code
            );
            (Minor(minor), currency.format(Minor(minor)), Some(said))
        }
    };
    if minor.0 <= 0 {
        return Err(Refusal::InKindValueNotPositive { value: shown }.into());
    }
    Ok((minor, said))
}

impl Ledger {
    /// Records a contribution in kind: a transaction on memorandum accounts (Debit the use,
    /// Credit the resource), and the funder who gave it as the resource posting's source.
    pub fn in_kind(&mut self, req: InKindRequest) -> Result<Written> {
        let info: LedgerInfo = self.info()?;
        let (value, said) = value_of(&info.currency, &req.value)?;
        let defaults = default_accounts(&info.chart, req.kind);
        let account = |given: &Option<AccountCode>, default: Option<&str>| match given {
            Some(code) => Ok(code.clone()),
            None => default
                .and_then(|c| AccountCode::parse(c).ok())
                .ok_or_else(|| Refusal::InKindAccountsMissing {
                    chart: info.chart.clone(),
                }),
        };
        let use_account = account(&req.use_account, defaults.map(|d| d.0))?;
        let resource = account(&req.resource_account, defaults.map(|d| d.1))?;
        let description = match said {
            Some(said) => format!("{} ({said})", req.description.trim()),
            None => req.description,
        };
        let description = text::clean("description", &description)?;
        let posting = Posting::plain;
        let postings = vec![
            posting(use_account, value),
            posting(resource, Minor(-value.0)),
        ];
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = load_book(app)?;
            let id = book.next_entry_id();
            let header = EntryHeader {
                id,
                date: req.date,
                description,
                reference: None,
                kind: EntryKind::Transaction,
                batch: None,
            };
            let entry = Entry::new(header, postings, &info.currency)?;
            let mut written = append_entry(app, &mut book, &actor, entry)?;
            if let Some(funder) = req.funder {
                append_sources(app, &mut book, &actor, id, &[(1, funder)], &mut written)?;
            }
            Ok(written)
        })
    }
}
