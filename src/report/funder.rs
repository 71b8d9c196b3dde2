//! The funder report (`amana report funder --grant ID [--from DATE --to DATE]`): what a funder
//! reads of the grant it gave, without knowing double entry. The agreement; each instalment
//! received (in the grant's currency and at what rate, when it is a foreign one); budget
//! against actual per line, cumulated and for the period, in the ledger's currency and in the
//! grant's, with the treasurer's explanation beside every line whose variance passes the
//! grant's threshold (a missing one is flagged); the other grants that fund the same expense
//! accounts; the unspent balance and what becomes of it; every expense charged, with its
//! receipts' fingerprints.
//!
//! This file builds the model (what `--format json` prints) from the store's aggregates
//! (`store::funder`, one statement each); `funder_body.rs` lays it out in a language.
//!
//! Figures. `received` and `spent` are `amana grant list`'s (the same code, [`super::grants`])
//! when no `--to` is given; with `--to`, the same postings dated on or before it. Each line's
//! `budget` is the one in force, in the ledger's currency; `spent` is cumulated from the
//! grant's start through `--to`; `variance` = `budget` − `spent` (positive: not yet spent,
//! negative: over-spent); `percent` = `spent` ÷ `budget` × 100, rounded to 2 places half away
//! from zero (the share executed), null when the budget is 0 or not known. With `--from`, each
//! line also has `period_spent` (dated from `--from` through `--to`), and the listings
//! (instalments, expenses, co-funding) cover that period only.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::{GrantLine, grants};
use crate::domain::{LedgerInfo, Minor};
use crate::store::funder::{GrantPosting, Window};
use crate::store::{Store, StoreError};

/// The threshold past which a line's variance needs an explanation, unless the grant sets its
/// own: 10% of the line's budget AND 1,000 units of the ledger's currency (as foundation and
/// EU reports ask).
pub const DEFAULT_THRESHOLD_PERCENT: i64 = 10;
pub const DEFAULT_THRESHOLD_AMOUNT: i64 = 1000;

/// What the report covers.
#[derive(Debug, Clone)]
pub struct FunderQuery {
    pub grant: String,
    /// The period's first day (`None`: the grant's start): the listings and `period_*`.
    pub from: Option<chrono::NaiveDate>,
    /// The last day counted (`None`: everything recorded).
    pub to: Option<chrono::NaiveDate>,
    /// The day the report is made, to tell whether the grant's eligibility has ended.
    pub today: chrono::NaiveDate,
}

/// `amana report funder`.
#[derive(Debug, Clone, Serialize)]
pub struct FunderReport {
    pub grant: String,
    /// The ledger's currency, of every amount without `_grant_currency` in its name.
    pub currency: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub agreement: Agreement,
    /// Received and spent, cumulated through `to` (`grant list`'s figures without `to`).
    pub received: String,
    pub spent: String,
    /// The same in the grant's currency (null: a posting carries no amount in it).
    pub received_grant_currency: Option<String>,
    pub spent_grant_currency: Option<String>,
    /// Received and spent in the period, when `from` is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_received: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_spent: Option<String>,
    pub instalments: Vec<Instalment>,
    pub lines: Vec<FunderLine>,
    pub threshold: Threshold,
    /// Lines whose variance passes the threshold without an explanation.
    pub missing_explanations: usize,
    pub cofunding: Vec<CoFunding>,
    pub unspent: Unspent,
    pub expenses: Vec<Expense>,
}

/// What the grant agreement says.
#[derive(Debug, Clone, Serialize)]
pub struct Agreement {
    pub funder: String,
    pub funder_name: String,
    pub funder_type: String,
    /// The amount in force, in `currency` (the grant's).
    pub amount: String,
    pub currency: String,
    /// The amount in the ledger's currency at `rate` (null while no rate is known).
    pub amount_ledger_currency: Option<String>,
    pub start: String,
    pub end: String,
    /// Its end plus its closing window: the last day a cost may be charged.
    pub last_eligible_day: String,
    pub purpose: Option<String>,
    pub restricted: bool,
    /// How amounts in the grant's currency are derived: `instalments` (the weighted rate of
    /// what was received), `daily` (the rate table's rate of each day), or null (no terms).
    pub rate_method: Option<String>,
    /// Units of the ledger's currency for one of the grant's, as the figures in the ledger's
    /// currency of the budget are converted (null for a grant in the ledger's currency).
    pub rate: Option<String>,
    /// `base` or `grant`: the currency the budget lines were written in.
    pub budget_currency: String,
}

/// One instalment received (an income posting charged to the grant; negative: a refund).
#[derive(Debug, Clone, Serialize)]
pub struct Instalment {
    pub entry: i64,
    pub date: String,
    pub reference: Option<String>,
    pub description: String,
    pub amount: String,
    /// The amount in the currency the money came in, and that currency.
    pub original_amount: Option<String>,
    pub original_currency: Option<String>,
    /// `amount` ÷ `original_amount`, six decimals, when the money came in another currency.
    pub rate: Option<String>,
}

/// One budget line, budget against actual (see the module's documentation for the figures).
#[derive(Debug, Clone, Serialize)]
pub struct FunderLine {
    /// The line's id (`-` for spending charged to the grant on no line).
    pub line: String,
    pub label: String,
    pub account: Option<String>,
    pub budget: Option<String>,
    pub spent: String,
    /// `budget` − `spent`.
    pub variance: Option<String>,
    /// `spent` ÷ `budget` × 100, 2 places (executed).
    pub percent: Option<String>,
    /// `variance` ÷ `budget` × 100, 2 places.
    pub variance_percent: Option<String>,
    pub overspent: bool,
    /// The variance passes the threshold: it needs an explanation.
    pub over_threshold: bool,
    pub explanation: Option<Explanation>,
    pub explanation_missing: bool,
    /// The same figures in the grant's currency, for a grant in another currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget_grant_currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spent_grant_currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variance_grant_currency: Option<String>,
    /// Spent in the period, when `from` is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_spent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_spent_grant_currency: Option<String>,
}

/// The treasurer's explanation of a line's variance (a `variance-note` of the chain).
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub text: String,
    /// The last day of the figures it explains.
    pub through: String,
    /// The chain entry that recorded it.
    pub seq: i64,
}

/// The threshold in force: a variance passes it when it is more than `percent` % of the
/// line's budget and more than `amount` in the ledger's currency, both.
#[derive(Debug, Clone, Serialize)]
pub struct Threshold {
    pub percent: String,
    pub amount: String,
}

/// Who else pays for an expense account the grant spends on, in the period.
#[derive(Debug, Clone, Serialize)]
pub struct CoFunding {
    pub account: String,
    pub name: String,
    /// Spent on it by this grant.
    pub this_grant: String,
    pub other_grants: Vec<GrantShare>,
    /// Spent on it on no grant: the association's own money.
    pub own_funds: String,
    pub total: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GrantShare {
    pub grant: String,
    pub spent: String,
}

/// Received and not spent, and what becomes of it.
#[derive(Debug, Clone, Serialize)]
pub struct Unspent {
    /// `received` − `spent`.
    pub amount: String,
    pub amount_grant_currency: Option<String>,
    /// What the year ends hold for the grant in dedicated funds (fonds dédiés), through `to`.
    pub dedicated_funds: String,
    /// Each year end's movement: positive carried to the fund, negative released from it.
    pub carried: Vec<Carried>,
    /// `none`, `to-spend` (restricted, until `spend_by`), `to-refund` (restricted, its
    /// eligibility ended), `unrestricted` (the association's) or `overspent` (spent more than
    /// received).
    pub outcome: String,
    pub spend_by: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Carried {
    pub year: i64,
    pub amount: String,
}

/// One expense charged to the grant.
#[derive(Debug, Clone, Serialize)]
pub struct Expense {
    pub entry: i64,
    pub date: String,
    pub reference: Option<String>,
    pub description: String,
    pub line: Option<String>,
    pub account: String,
    pub amount: String,
    /// Its amount in the grant's currency, for a grant in another currency.
    pub amount_grant_currency: Option<String>,
    pub memo: Option<String>,
    /// The SHA-256 fingerprint of each receipt kept for its transaction.
    pub receipts: Vec<String>,
}

fn out(what: &'static str) -> StoreError {
    StoreError::TotalOutOfRange { what }
}

/// An amount of minor units as an exact decimal.
fn dec(m: Minor, exponent: u8) -> Decimal {
    Decimal::new(m.0, u32::from(exponent))
}

/// A decimal string of the model, read back.
fn parse(s: &str) -> Option<Decimal> {
    Decimal::from_str_exact(s).ok()
}

fn text(d: Decimal, exponent: u8) -> String {
    format!("{d:.prec$}", prec = usize::from(exponent))
}

/// `part` ÷ `whole` × 100, 2 places half away from zero; `None` when `whole` is 0.
pub fn percent_of(part: Decimal, whole: Decimal) -> Option<String> {
    if whole.is_zero() {
        return None;
    }
    let pct = part
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(whole)?
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    Some(format!("{pct:.2}"))
}

/// Whether `variance` of a line budgeted `budget` passes the threshold.
pub fn passes(variance: Decimal, budget: Decimal, percent: Decimal, amount: Decimal) -> bool {
    let size = variance.abs();
    let over_share = match size.checked_mul(Decimal::ONE_HUNDRED) {
        Some(scaled) => scaled > percent.checked_mul(budget.abs()).unwrap_or(Decimal::MAX),
        None => true,
    };
    size > amount && over_share
}

/// The funder report of `q.grant` (which exists: the caller checked it).
pub fn funder(
    store: &Store,
    info: &LedgerInfo,
    q: &FunderQuery,
) -> Result<FunderReport, StoreError> {
    store.begin_read()?;
    let report = build(store, info, q);
    store.end_read()?;
    report
}

fn build(store: &Store, info: &LedgerInfo, q: &FunderQuery) -> Result<FunderReport, StoreError> {
    let base = info.currency.exponent;
    let listing = grants(store, info, Some(&q.grant))?;
    let g: GrantLine = listing
        .grants
        .into_iter()
        .next()
        .ok_or(StoreError::TotalOutOfRange { what: "grant" })?;
    let foreign_code = g.currency.clone();
    let foreign = info.exponent(&foreign_code);
    let in_other = foreign_code != info.currency.code;
    let date = |d: chrono::NaiveDate| crate::domain::format_date(d);
    let to = q.to.map(date);
    let from = q.from.map(date);
    let window = Window {
        from: from.clone(),
        to: to.clone(),
    };
    let cumulated = Window {
        from: None,
        to: to.clone(),
    };

    // Received: the instalments through `to` (and those of the period, listed).
    let all_received = store.funder_postings(&q.grant, &cumulated, true)?;
    let sum = |rows: &[GrantPosting], f: &dyn Fn(&GrantPosting) -> Option<Minor>| {
        rows.iter()
            .try_fold(Decimal::ZERO, |acc, r| match f(r) {
                Some(m) => acc.checked_add(dec(m, base)).ok_or(()),
                None => Ok(acc),
            })
            .map_err(|()| out("grant's received"))
    };
    let in_grant_currency = |r: &GrantPosting| match &r.original {
        Some((m, c)) if *c == foreign_code => Some(*m),
        _ => None,
    };
    let received_original = if !in_other {
        None
    } else if all_received.iter().all(|r| in_grant_currency(r).is_some()) {
        let total = all_received
            .iter()
            .filter_map(in_grant_currency)
            .try_fold(Decimal::ZERO, |acc, m| acc.checked_add(dec(m, foreign)))
            .ok_or_else(|| out("grant's received"))?;
        Some(text(total, foreign))
    } else {
        None
    };

    // Spending per line, cumulated and in the period (one aggregate).
    let spending = store.funder_line_spending(&q.grant, &window)?;
    let spent_of = |line: Option<&str>| spending.iter().find(|s| s.line.as_deref() == line);

    let (received, spent) = match &to {
        None => (g.received.clone(), g.spent.clone()),
        Some(_) => {
            let r = sum(&all_received, &|r| Some(r.amount))?;
            let s = spending
                .iter()
                .try_fold(Decimal::ZERO, |acc, l| acc.checked_add(dec(l.spent, base)))
                .ok_or_else(|| out("grant's spent"))?;
            (text(r, base), text(s, base))
        }
    };
    let spent_original = if !in_other || spending.iter().any(|l| l.missing_original) {
        None
    } else {
        let s = spending
            .iter()
            .try_fold(Decimal::ZERO, |acc, l| {
                acc.checked_add(dec(l.spent_original, foreign))
            })
            .ok_or_else(|| out("grant's spent"))?;
        Some(text(s, foreign))
    };

    let threshold_pct = Decimal::from(DEFAULT_THRESHOLD_PERCENT);
    let threshold_amount = Decimal::from(DEFAULT_THRESHOLD_AMOUNT);
    let notes = store.variance_notes(&q.grant, to.as_deref())?;

    let mut lines = Vec::new();
    for l in &g.lines {
        let sums = spent_of(Some(&l.line));
        let spent = match (&to, sums) {
            (None, _) => parse(&l.spent).unwrap_or_default(),
            (Some(_), Some(s)) => dec(s.spent, base),
            (Some(_), None) => Decimal::ZERO,
        };
        let budget = l.budget.as_deref().and_then(parse);
        let variance = budget.and_then(|b| b.checked_sub(spent));
        let over_threshold = match (variance, budget) {
            (Some(v), Some(b)) => passes(v, b, threshold_pct, threshold_amount),
            _ => false,
        };
        let explanation = notes
            .iter()
            .rev()
            .find(|n| n.line == l.line)
            .map(|n| Explanation {
                text: n.text.clone(),
                through: n.through.clone(),
                seq: n.seq,
            });
        let spent_orig = sums.map_or(Some(Decimal::ZERO), |s| {
            (!s.missing_original).then(|| dec(s.spent_original, foreign))
        });
        let budget_orig = l.in_currency.budget_original.as_deref().and_then(parse);
        lines.push(FunderLine {
            line: l.line.clone(),
            label: l.label.clone(),
            account: l.account.clone(),
            budget: budget.map(|b| text(b, base)),
            spent: text(spent, base),
            variance: variance.map(|v| text(v, base)),
            percent: budget.and_then(|b| percent_of(spent, b)),
            variance_percent: match (variance, budget) {
                (Some(v), Some(b)) => percent_of(v, b),
                _ => None,
            },
            overspent: variance.is_some_and(|v| v < Decimal::ZERO),
            over_threshold,
            explanation_missing: over_threshold && explanation.is_none(),
            explanation,
            budget_grant_currency: in_other
                .then(|| budget_orig.map(|b| text(b, foreign)))
                .flatten(),
            spent_grant_currency: in_other
                .then(|| spent_orig.map(|s| text(s, foreign)))
                .flatten(),
            variance_grant_currency: match (in_other, budget_orig, spent_orig) {
                (true, Some(b), Some(s)) => b.checked_sub(s).map(|v| text(v, foreign)),
                _ => None,
            },
            period_spent: from.as_ref().map(|_| {
                text(
                    sums.map_or(Decimal::ZERO, |s| dec(s.period_spent, base)),
                    base,
                )
            }),
            period_spent_grant_currency: match (&from, in_other) {
                (Some(_), true) => Some(text(
                    sums.map_or(Decimal::ZERO, |s| dec(s.period_spent_original, foreign)),
                    foreign,
                )),
                _ => None,
            },
        });
    }
    // Spending charged to the grant on no line (an expense account tagged with the grant
    // alone), so that the lines add up to `spent`.
    if let Some(s) = spent_of(None).filter(|s| !s.spent.is_zero() || !s.period_spent.is_zero()) {
        lines.push(FunderLine {
            line: "-".into(),
            label: String::new(),
            account: None,
            budget: Some(text(Decimal::ZERO, base)),
            spent: text(dec(s.spent, base), base),
            variance: Some(text(-dec(s.spent, base), base)),
            percent: None,
            variance_percent: None,
            overspent: s.spent > Minor::ZERO,
            over_threshold: false,
            explanation: None,
            explanation_missing: false,
            budget_grant_currency: None,
            spent_grant_currency: in_other
                .then(|| {
                    (!s.missing_original).then(|| text(dec(s.spent_original, foreign), foreign))
                })
                .flatten(),
            variance_grant_currency: None,
            period_spent: from.as_ref().map(|_| text(dec(s.period_spent, base), base)),
            period_spent_grant_currency: None,
        });
    }

    // The period's figures and listings.
    let (period_received, period_spent, instalments_rows) = match &from {
        Some(_) => {
            let rows = store.funder_postings(&q.grant, &window, true)?;
            let r = sum(&rows, &|r| Some(r.amount))?;
            let s = spending
                .iter()
                .try_fold(Decimal::ZERO, |acc, l| {
                    acc.checked_add(dec(l.period_spent, base))
                })
                .ok_or_else(|| out("grant's spent"))?;
            (Some(text(r, base)), Some(text(s, base)), rows)
        }
        None => (None, None, all_received),
    };
    let instalments = instalments_rows
        .iter()
        .map(|r| instalment(r, info, base))
        .collect();
    let expenses = store
        .funder_postings(&q.grant, &window, false)?
        .into_iter()
        .map(|r| Expense {
            amount_grant_currency: match &r.original {
                Some((m, c)) if in_other && *c == foreign_code => {
                    Some(text(dec(*m, foreign), foreign))
                }
                _ => None,
            },
            entry: r.entry,
            date: r.date,
            reference: r.reference,
            description: r.description,
            line: r.line,
            account: r.account,
            amount: text(dec(r.amount, base), base),
            memo: r.memo,
            receipts: r.receipts,
        })
        .collect();

    let cofunding = cofunding(store, &q.grant, &window, base)?;

    // What is not spent, and what becomes of it.
    let carried: Vec<Carried> = store
        .funder_dedicated(&q.grant, to.as_deref())?
        .into_iter()
        .map(|(year, m)| Carried {
            year,
            amount: text(dec(m, base), base),
        })
        .collect();
    let dedicated = carried
        .iter()
        .filter_map(|c| parse(&c.amount))
        .try_fold(Decimal::ZERO, |acc, d| acc.checked_add(d))
        .ok_or_else(|| out("grant's dedicated funds"))?;
    let unspent = parse(&received)
        .zip(parse(&spent))
        .and_then(|(r, s)| r.checked_sub(s))
        .ok_or_else(|| out("grant's unspent balance"))?;
    let unspent_original = match (&received_original, &spent_original) {
        (Some(r), Some(s)) => parse(r)
            .zip(parse(s))
            .and_then(|(r, s)| r.checked_sub(s))
            .map(|d| text(d, foreign)),
        _ => None,
    };
    let as_of = q.to.unwrap_or(q.today);
    let ended =
        crate::domain::parse_date(&g.in_currency.last_eligible_day).is_ok_and(|last| last < as_of);
    let outcome = if unspent.is_zero() {
        "none"
    } else if unspent < Decimal::ZERO {
        "overspent"
    } else if !g.restricted {
        "unrestricted"
    } else if ended {
        "to-refund"
    } else {
        "to-spend"
    };

    let funder = store.funder_identity(&g.funder)?;
    let missing_explanations = lines.iter().filter(|l| l.explanation_missing).count();
    let conv_rate = g.in_currency.rate.clone();
    Ok(FunderReport {
        grant: g.id.clone(),
        currency: info.currency.code.clone(),
        from,
        to,
        agreement: Agreement {
            funder_name: funder
                .as_ref()
                .map_or_else(|| g.funder.clone(), |f| f.0.clone()),
            funder_type: funder.map(|f| f.1).unwrap_or_default(),
            funder: g.funder.clone(),
            amount: g.amount.clone(),
            currency: g.currency.clone(),
            amount_ledger_currency: if in_other {
                g.in_currency.amount_base.clone()
            } else {
                Some(g.amount.clone())
            },
            start: g.start.clone(),
            end: g.end.clone(),
            last_eligible_day: g.in_currency.last_eligible_day.clone(),
            purpose: g.purpose.clone(),
            restricted: g.restricted,
            rate_method: g.in_currency.rate_method.clone(),
            rate: conv_rate,
            budget_currency: g.in_currency.budget_currency.clone(),
        },
        received,
        spent,
        received_grant_currency: if in_other { received_original } else { None },
        spent_grant_currency: spent_original,
        period_received,
        period_spent,
        instalments,
        lines,
        threshold: Threshold {
            percent: DEFAULT_THRESHOLD_PERCENT.to_string(),
            amount: text(threshold_amount, base),
        },
        missing_explanations,
        cofunding,
        unspent: Unspent {
            amount: text(unspent, base),
            amount_grant_currency: unspent_original,
            dedicated_funds: text(dedicated, base),
            carried,
            outcome: outcome.into(),
            spend_by: g.in_currency.last_eligible_day.clone(),
        },
        expenses,
    })
}

fn instalment(r: &GrantPosting, info: &LedgerInfo, base: u8) -> Instalment {
    let (original_amount, original_currency, rate) = match &r.original {
        Some((m, c)) => {
            let exp = info.exponent(c);
            let orig = dec(*m, exp);
            let rate = (!orig.is_zero())
                .then(|| dec(r.amount, base).checked_div(orig))
                .flatten()
                .map(|d| {
                    let d = d.round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero);
                    format!("{d:.6}")
                });
            (Some(text(orig, exp)), Some(c.clone()), rate)
        }
        None => (None, None, None),
    };
    Instalment {
        entry: r.entry,
        date: r.date.clone(),
        reference: r.reference.clone(),
        description: r.description.clone(),
        amount: text(dec(r.amount, base), base),
        original_amount,
        original_currency,
        rate,
    }
}

/// Who pays for the expense accounts `grant` spends on, account by account.
fn cofunding(
    store: &Store,
    grant: &str,
    w: &Window,
    base: u8,
) -> Result<Vec<CoFunding>, StoreError> {
    let mut out_rows: Vec<CoFunding> = Vec::new();
    let mut totals: Vec<(Decimal, Decimal, Decimal)> = Vec::new();
    for row in store.funder_cofunding(grant, w)? {
        if out_rows.last().is_none_or(|c| c.account != row.account) {
            out_rows.push(CoFunding {
                account: row.account.clone(),
                name: row.name.clone(),
                this_grant: String::new(),
                other_grants: Vec::new(),
                own_funds: String::new(),
                total: String::new(),
            });
            totals.push((Decimal::ZERO, Decimal::ZERO, Decimal::ZERO));
        }
        let (c, t) = (
            out_rows.last_mut().expect("pushed above"),
            totals.last_mut().expect("pushed above"),
        );
        let amount = dec(row.spent, base);
        t.2 = t.2.checked_add(amount).ok_or_else(|| out("co-funding"))?;
        match row.grant.as_deref() {
            Some(g) if g == grant => t.0 = amount,
            Some(g) => c.other_grants.push(GrantShare {
                grant: g.to_string(),
                spent: text(amount, base),
            }),
            None => t.1 = amount,
        }
    }
    for (c, (this, own, total)) in out_rows.iter_mut().zip(totals) {
        c.this_grant = text(this, base);
        c.own_funds = text(own, base);
        c.total = text(total, base);
    }
    Ok(out_rows)
}
