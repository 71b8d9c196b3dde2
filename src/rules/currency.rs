//! Money in a grant's own currency (CHAIN.md rules 17 and 18): the rate table, recorded once
//! per currency and day, and a grant's terms, whose closing window widens rule 6 (the costs a
//! funder allows after the grant's end: the final audit, the final report).
//!
//! How an amount is converted (the rate of the day, or the weighted rate of the instalments)
//! is the writer's: the chain holds each posting's amount in the grant's currency as it was
//! derived or given, and no rule recomputes it.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::error::{Replayed, RuleKind};
use super::{Book, RuleError};
use crate::domain::{BudgetCurrency, ExchangeRate, Grant, GrantId, GrantTerms, MAX_CLOSING_DAYS};

/// What the book keeps of the rates and the grants' terms.
#[derive(Debug, Default, Clone)]
pub(super) struct CurrencyState {
    /// Every (currency, day) with a rate.
    rates: HashSet<(String, NaiveDate)>,
    /// Each grant's terms in force: its latest `grant-terms` entry.
    terms: HashMap<GrantId, GrantTerms>,
}

/// What a store hands over of the rates and terms to rebuild a book.
#[derive(Debug, Default)]
pub struct CurrencyParts {
    pub rates: Vec<(String, NaiveDate)>,
    /// Every `grant-terms` entry, in chain order.
    pub terms: Vec<GrantTerms>,
}

impl CurrencyState {
    pub(super) fn from_parts(parts: CurrencyParts) -> CurrencyState {
        CurrencyState {
            rates: parts.rates.into_iter().collect(),
            terms: parts
                .terms
                .into_iter()
                .map(|t| (t.grant.clone(), t))
                .collect(),
        }
    }
}

impl Book {
    /// The terms in force of grant `id`, if it has any.
    pub fn grant_terms(&self, id: &GrantId) -> Option<&GrantTerms> {
        self.currency_state.terms.get(id)
    }

    /// The last day a cost may be charged to `grant` when its period ends on `end`: `end`,
    /// plus the closing window of its terms.
    pub(super) fn last_eligible_day(&self, grant: &GrantId, end: NaiveDate) -> NaiveDate {
        self.grant_terms(grant)
            .map_or(end, |t| t.last_eligible_day(end))
    }

    /// Rule 6: a cost charged to `grant` on `date` falls in its period or its closing window.
    pub(super) fn eligible(&self, grant: &Grant, date: NaiveDate) -> bool {
        grant.start <= date && date <= self.last_eligible_day(&grant.id, grant.end)
    }

    /// Rule 17: a rate is for a currency of the table other than the ledger's, from one
    /// millionth to ten million, once per currency and day.
    pub(super) fn admit_rate(&mut self, r: &ExchangeRate) -> Result<(), Vec<RuleError>> {
        let refuse = |kind: RuleKind| Err(vec![RuleError::from(kind)]);
        let base = self.currency().map(|c| c.code.as_str());
        if !self.currencies.contains_key(&r.currency) || base == Some(r.currency.as_str()) {
            return refuse(RuleKind::RateCurrency {
                currency: r.currency.clone(),
            });
        }
        if !r.rate.in_range() {
            return refuse(RuleKind::RateOutOfRange {
                currency: r.currency.clone(),
                rate: r.rate.0,
            });
        }
        if !self
            .currency_state
            .rates
            .insert((r.currency.clone(), r.date))
        {
            return refuse(RuleKind::RateTwice {
                currency: r.currency.clone(),
                date: r.date,
            });
        }
        Ok(())
    }

    /// Rule 18: terms name an existing grant; the closing window is from 0 to 3660 days and,
    /// when it ends earlier than the one in force, no standing transaction spends on the grant
    /// after its new last day; the budget currency changes only while the grant has no budget
    /// line.
    pub(super) fn admit_grant_terms(&mut self, t: &GrantTerms) -> Result<(), Vec<RuleError>> {
        let refuse = |kind: RuleKind| Err(vec![RuleError::from(kind)]);
        let Some(grant) = self.grants.get(&t.grant) else {
            return refuse(RuleKind::TermsGrantMissing {
                grant: t.grant.clone(),
            });
        };
        if !(0..=MAX_CLOSING_DAYS).contains(&t.closing_days) {
            return refuse(RuleKind::ClosingDaysOutOfRange {
                grant: t.grant.clone(),
                days: t.closing_days,
            });
        }
        let in_force = self
            .grant_terms(&t.grant)
            .map_or(BudgetCurrency::Base, |t| t.budget_currency);
        if t.budget_currency != in_force && self.lines.keys().any(|(g, _)| *g == t.grant) {
            return refuse(RuleKind::BudgetCurrencyWithLines {
                grant: t.grant.clone(),
            });
        }
        let last = t.last_eligible_day(grant.end);
        if last < self.last_eligible_day(&t.grant, grant.end) {
            let Some(usage) = self.totals.as_ref().map(|t| &t.usage) else {
                return refuse(RuleKind::NotReplayed {
                    check: Replayed::GrantAmendment,
                });
            };
            let outside = usage.spending_after(&t.grant, last);
            if !outside.is_empty() {
                return refuse(RuleKind::ClosingWindowSpent {
                    grant: t.grant.clone(),
                    last,
                    entries: outside,
                });
            }
        }
        self.currency_state.terms.insert(t.grant.clone(), t.clone());
        Ok(())
    }
}
