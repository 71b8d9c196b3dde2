//! What the listings show of money in a grant's own currency: the rate table, the log's lines
//! for `rate` and `grant-terms` entries, and a grant's figures in its currency beside the
//! ledger's.

use serde::Serialize;
use serde_json::json;

use chrono::NaiveDate;

use crate::domain::rates::{self, RATE_SCALE};
use crate::domain::{
    BudgetCurrency, ExchangeRate, GrantId, GrantTerms, LedgerInfo, Minor, Rate, RateMethod,
    format_date,
};
use crate::store::{BudgetLineRow, GrantRow, Store, StoreError};

/// The log's one line for a rate.
pub fn rate_summary(info: &LedgerInfo, r: &ExchangeRate) -> String {
    let source = r
        .source
        .as_deref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    format!(
        "rate on {}: 1 {} = {} {}{source}",
        format_date(r.date),
        r.currency,
        r.rate,
        info.currency.code
    )
}

/// The log's one line for a grant's terms.
pub fn terms_summary(t: &GrantTerms) -> String {
    format!(
        "grant {} terms: rate method {}, closing window {} days, budget in the {} currency",
        t.grant, t.rate_method, t.closing_days, t.budget_currency
    )
}

pub fn rate_content(r: &ExchangeRate) -> serde_json::Value {
    json!({
        "currency": r.currency, "date": format_date(r.date), "rate": r.rate.to_string(),
        "source": r.source,
    })
}

pub fn terms_content(t: &GrantTerms) -> serde_json::Value {
    json!({
        "grant": t.grant.as_str(), "rate_method": t.rate_method.as_str(),
        "closing_days": t.closing_days, "budget_currency": t.budget_currency.as_str(),
    })
}

/// One rate of `amana rate list`.
#[derive(Debug, Clone, Serialize)]
pub struct RateLine {
    pub currency: String,
    pub date: String,
    /// Units of the ledger's currency for one unit of `currency`, as an exact decimal.
    pub rate: String,
    pub source: Option<String>,
    pub seq: i64,
}

/// `amana rate list`: the rate table, by currency then date.
#[derive(Debug, Clone, Serialize)]
pub struct RatesReport {
    /// The ledger's currency, in which every rate is given.
    pub currency: String,
    pub rates: Vec<RateLine>,
}

/// How a grant's figures in its own currency are shown in the ledger's: the weighted rate of
/// its instalments (the instalments method, once something was received), the rate table's
/// latest rate (the daily method, and grants without terms), or nothing yet.
#[derive(Debug, Clone, Copy)]
pub enum Conversion {
    /// A grant in the ledger's currency.
    Same,
    /// (received in the ledger's currency, received in the grant's).
    Instalments(Minor, Minor),
    Rate(Rate),
    Unknown,
}

impl Conversion {
    /// What a grant in `currency` converts at, as the listings show it today.
    pub fn of(
        store: &Store,
        info: &LedgerInfo,
        grant: &GrantRow,
        terms: Option<&GrantTerms>,
    ) -> Result<Conversion, StoreError> {
        if grant.currency == info.currency.code {
            return Ok(Conversion::Same);
        }
        // The listing read the id through its type: it parses.
        let Ok(id) = GrantId::parse(&grant.id) else {
            return Ok(Conversion::Unknown);
        };
        if terms.is_some_and(|t| t.rate_method == RateMethod::Instalments) {
            let (base, original) = store.instalments(&id, &grant.currency)?;
            if !base.is_zero() && !original.is_zero() {
                return Ok(Conversion::Instalments(base, original));
            }
            return Ok(Conversion::Unknown);
        }
        // The latest rate of the table: the last day a ledger can hold.
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default();
        Ok(store
            .rate_on(&grant.currency, last)?
            .map_or(Conversion::Unknown, |(_, r)| Conversion::Rate(r)))
    }

    /// `amount` of the grant's currency (exponent `foreign`) in the ledger's.
    pub fn to_base(self, amount: Minor, foreign: u8, base: u8) -> Option<Minor> {
        match self {
            Conversion::Same => Some(amount),
            Conversion::Instalments(b, o) => rates::in_proportion(amount, b, o),
            Conversion::Rate(r) => rates::to_base(amount, foreign, base, r),
            Conversion::Unknown => None,
        }
    }

    /// `amount` of the ledger's currency in the grant's.
    pub fn to_foreign(self, amount: Minor, base: u8, foreign: u8) -> Option<Minor> {
        match self {
            Conversion::Same => Some(amount),
            Conversion::Instalments(b, o) => rates::in_proportion(amount, o, b),
            Conversion::Rate(r) => rates::to_foreign(amount, base, foreign, r),
            Conversion::Unknown => None,
        }
    }

    /// The rate shown (units of the ledger's currency for one of the grant's), to six
    /// decimals for a weighted one.
    pub fn rate(self, base: u8, foreign: u8) -> Option<String> {
        match self {
            Conversion::Same | Conversion::Unknown => None,
            Conversion::Rate(r) => Some(r.to_string()),
            Conversion::Instalments(b, o) => {
                // millionths = (b / 10^base) × 10^6 / (o / 10^foreign), rounded once.
                let scale = RATE_SCALE.checked_mul(10_i64.checked_pow(u32::from(foreign))?)?;
                let den = o.0.checked_mul(10_i64.checked_pow(u32::from(base))?)?;
                let micros = rates::in_proportion(b, Minor(scale), Minor(den))?;
                Some(Rate(micros.0).to_string())
            }
        }
    }
}

/// A grant's figures in its own currency, beside the ones in the ledger's (`grant list`).
#[derive(Debug, Clone, Serialize)]
pub struct GrantInCurrency {
    /// Received and spent so far in the grant's currency (the amounts the postings carry in
    /// it), and the agreed amount not yet spent; null when a posting charged to the grant
    /// carries no amount in its currency (recorded before the grant had terms): the figure
    /// is not known.
    pub received_original: Option<String>,
    pub spent_original: Option<String>,
    pub remaining_original: Option<String>,
    /// The agreed amount, and what is not yet spent of it, in the ledger's currency at `rate`
    /// (null while no rate is known).
    pub amount_base: Option<String>,
    pub remaining: Option<String>,
    /// Units of the ledger's currency for one of the grant's: the weighted rate of its
    /// instalments, or the rate table's latest; null for a grant in the ledger's currency.
    pub rate: Option<String>,
    /// The grant's terms in force (null: none recorded).
    pub rate_method: Option<String>,
    pub closing_days: i64,
    /// The last day a cost may be charged to it: its end, plus its closing window.
    pub last_eligible_day: String,
    /// `base` or `grant`: the currency its budget lines are written in.
    pub budget_currency: String,
}

/// A budget line's figures in the grant's currency (null where not known: see
/// [`GrantInCurrency`]).
#[derive(Debug, Clone, Serialize)]
pub struct LineInCurrency {
    /// The grant's currency, in which the `*_original` figures are.
    pub currency: String,
    pub budget_original: Option<String>,
    pub spent_original: Option<String>,
    pub remaining_original: Option<String>,
}

/// A budget line's figures: (budget in the ledger's currency, remaining in it, over-spent,
/// the figures in the grant's currency).
pub type LineFigures = (Option<Minor>, Option<Minor>, bool, LineInCurrency);

/// A total in the grant's currency: the postings' own amounts for a grant in the ledger's
/// currency; the amounts they carry in the grant's otherwise, unless one carries none.
fn in_grant_currency(
    info: &LedgerInfo,
    g: &GrantRow,
    base: Minor,
    original: Minor,
    missing: bool,
) -> Option<Minor> {
    if g.currency == info.currency.code {
        Some(base)
    } else if missing {
        None
    } else {
        Some(original)
    }
}

/// The figures of line `l` of grant `g`; `in_grant`: its budget is in the grant's currency.
pub fn line_figures(
    info: &LedgerInfo,
    g: &GrantRow,
    l: &BudgetLineRow,
    conv: Conversion,
    in_grant: bool,
) -> Result<LineFigures, StoreError> {
    let (base, foreign) = (info.currency.exponent, info.exponent(&g.currency));
    let out = || StoreError::TotalOutOfRange {
        what: "budget line's remaining budget",
    };
    let spent_original = in_grant_currency(info, g, l.spent, l.spent_original, l.missing_original);
    let (budget_base, budget_original) = if in_grant {
        (conv.to_base(l.budget, foreign, base), Some(l.budget))
    } else {
        (Some(l.budget), conv.to_foreign(l.budget, base, foreign))
    };
    let remaining = budget_base
        .map(|b| b.checked_sub(l.spent).ok_or_else(out))
        .transpose()?;
    let remaining_original = match (budget_original, spent_original) {
        (Some(b), Some(s)) => Some(b.checked_sub(s).ok_or_else(out)?),
        _ => None,
    };
    let overspent = if in_grant {
        // Budgeted in the grant's currency: what is known of the spending in it.
        l.spent_original > l.budget
    } else {
        l.spent > l.budget
    };
    let fmt = |m: Minor| m.format(foreign);
    Ok((
        budget_base,
        remaining,
        overspent,
        LineInCurrency {
            currency: g.currency.clone(),
            budget_original: budget_original.map(fmt),
            spent_original: spent_original.map(fmt),
            remaining_original: remaining_original.map(fmt),
        },
    ))
}

/// The figures of grant `g` in its currency and the ledger's.
pub fn grant_figures(
    info: &LedgerInfo,
    g: &GrantRow,
    conv: Conversion,
    terms: Option<&GrantTerms>,
) -> Result<GrantInCurrency, StoreError> {
    let (base, foreign) = (info.currency.exponent, info.exponent(&g.currency));
    let out = || StoreError::TotalOutOfRange {
        what: "grant's remaining amount",
    };
    let amount_base = conv.to_base(g.amount, foreign, base);
    let end = crate::domain::parse_date(&g.end).ok();
    let received = in_grant_currency(
        info,
        g,
        g.received,
        g.received_original,
        g.received_missing_original,
    );
    let spent = in_grant_currency(info, g, g.spent, g.spent_original, g.spent_missing_original);
    let fmt = |m: Minor| m.format(foreign);
    Ok(GrantInCurrency {
        received_original: received.map(fmt),
        spent_original: spent.map(fmt),
        remaining_original: spent
            .map(|s| g.amount.checked_sub(s).ok_or_else(out))
            .transpose()?
            .map(fmt),
        remaining: amount_base
            .map(|a| a.checked_sub(g.spent).ok_or_else(out))
            .transpose()?
            .map(|m| m.format(base)),
        amount_base: amount_base.map(|m| m.format(base)),
        rate: conv.rate(base, foreign),
        rate_method: terms.map(|t| t.rate_method.to_string()),
        closing_days: terms.map_or(0, |t| t.closing_days),
        last_eligible_day: match (terms, end) {
            (Some(t), Some(end)) => format_date(t.last_eligible_day(end)),
            _ => g.end.clone(),
        },
        budget_currency: terms
            .map_or(BudgetCurrency::Base, |t| t.budget_currency)
            .to_string(),
    })
}
