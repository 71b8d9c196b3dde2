//! Money in a grant's own currency (CHAIN.md rules 20 and 21): the rate table, recorded once
//! per currency and day, and a grant's terms, whose closing window widens rule 6 (the costs a
//! funder allows after the grant's end: the final audit, the final report).
//!
//! How an amount is converted (the rate of the day, or the weighted rate of the instalments)
//! is the writer's: the chain holds each posting's amount in the grant's currency as it was
//! derived or given, and no rule recomputes it.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::error::{Replayed, RuleKind};
use super::{Book, RuleError, Warning};
use crate::domain::{
    BudgetCurrency, Currency, EntryId, ExchangeRate, Grant, GrantId, GrantTerms, LineId,
    MAX_CLOSING_DAYS, Minor, Money, Posting,
};

/// What the book keeps of the rates and the grants' terms.
#[derive(Debug, Default, Clone)]
pub(super) struct CurrencyState {
    /// Every (currency, day) with a rate.
    rates: HashSet<(String, NaiveDate)>,
    /// Each grant's terms in force: its latest `grant-terms` entry.
    terms: HashMap<GrantId, GrantTerms>,
    /// What each budget line has spent in its grant's currency (the amounts in that currency
    /// of the postings charged to it), for the over-spent warning of a budget in it.
    line_spent: HashMap<(GrantId, LineId), Minor>,
}

/// What a store hands over of the rates and terms to rebuild a book.
#[derive(Debug, Default)]
pub struct CurrencyParts {
    pub rates: Vec<(String, NaiveDate)>,
    /// Every `grant-terms` entry, in chain order.
    pub terms: Vec<GrantTerms>,
    /// Each budget line's spending in its grant's currency.
    pub line_spent: Vec<(GrantId, LineId, Minor)>,
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
            line_spent: parts
                .line_spent
                .into_iter()
                .map(|(g, l, m)| ((g, l), m))
                .collect(),
        }
    }

    /// Takes the spending an admitted entry charged to budget lines in their grant's currency.
    pub(super) fn take_line_spending(&mut self, spent: HashMap<(GrantId, LineId), Minor>) {
        self.line_spent.extend(spent);
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

    /// Whether the budget lines of `grant` are in its own currency.
    pub(super) fn budget_in_grant_currency(&self, grant: &GrantId) -> bool {
        self.grant_terms(grant)
            .is_some_and(|t| t.budget_currency == BudgetCurrency::Grant)
    }

    /// The over-spent warning of a budget line in its grant's currency, when posting `p`
    /// takes its spending in that currency past its budget; `spent` is the entry's overlay of
    /// the lines' spending (taken in once the entry is admitted).
    pub(super) fn overspent_in_grant_currency(
        &self,
        entry: EntryId,
        (key, budget): ((GrantId, LineId), Minor),
        p: &Posting,
        spent: &mut HashMap<(GrantId, LineId), Minor>,
    ) -> Result<Option<Warning>, RuleError> {
        let Some(grant) = self.grants.get(&key.0) else {
            return Ok(None);
        };
        let amount = match &p.original {
            Some((m, c)) if *c == grant.currency => *m,
            _ => Minor::ZERO,
        };
        let before = spent
            .get(&key)
            .or_else(|| self.currency_state.line_spent.get(&key))
            .copied()
            .unwrap_or(Minor::ZERO);
        let after = before.checked_add(amount).ok_or_else(|| self.overflow())?;
        spent.insert(key.clone(), after);
        if after <= budget || after <= before {
            return Ok(None);
        }
        let currency = Currency {
            code: grant.currency.clone(),
            exponent: self.currencies.get(&grant.currency).copied().unwrap_or(2),
        };
        Ok(Some(Warning::Overspent {
            entry,
            grant: key.0,
            line: key.1,
            budget: Money::new(budget, currency.clone()),
            spent: Money::new(after, currency),
        }))
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
