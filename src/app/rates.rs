//! Money in a grant's own currency: the rate table (`rate add`, `rate list`), a grant's terms
//! (`grant terms`, and the options of `grant add`), and the amount in the grant's currency
//! that every posting charged to a foreign-currency grant carries.
//!
//! That amount is given (the posting's original amount, as the bank's statement shows it) or
//! derived here, when the transaction is recorded, and written into the posting: the chain
//! holds it, and no listing ever converts again. Derived by the grant's method:
//!
//! - `daily`: at the rate table's rate of the posting's date (or the latest before it);
//! - `instalments`: at the weighted rate of what the grant received so far, the base amount
//!   times (received in the grant's currency / received in the ledger's), rounded once. An
//!   instalment itself (an income posting) is converted at the rate of its day.
//!
//! These are the writer's refusals (exit 2), not chain rules: an original amount in another
//! currency than the grant's, and, for a grant with terms, a posting whose amount cannot be
//! derived (no rate, no instalment yet). A grant without terms (every grant of a ledger
//! written before terms existed) derives nothing: its postings carry the original amounts
//! given, as they always did, so its ledger records what it recorded before; setting its
//! terms (`amana grant terms`) is what makes every later posting carry one.

use chrono::NaiveDate;

use crate::app::{Ledger, LedgerError, Refusal, Written, append_record, currency_in};
use crate::chain::Record;
use crate::domain::rates::{in_proportion, to_foreign};
use crate::domain::{
    AccountType, BudgetCurrency, Currency, DomainError, ExchangeRate, GrantId, GrantTerms,
    LedgerInfo, Posting, Rate, RateMethod, text,
};
use crate::rules::Book;
use crate::store::{Appender, RateRow, Store};

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// `amana rate add`: a rate as a person writes it.
pub struct RateRequest {
    pub currency: String,
    pub date: NaiveDate,
    /// Units of the ledger's currency for one unit of `currency` (`10.8`).
    pub rate: String,
    pub source: Option<String>,
}

/// `amana grant terms` (or the options of `grant add`): what a grant's agreement says of its
/// money. A field left out keeps the value in force (for a grant without terms: the daily
/// method, no closing window, the budget in the ledger's currency).
#[derive(Debug, Clone, Default)]
pub struct TermsRequest {
    pub rate_method: Option<RateMethod>,
    pub closing_days: Option<i64>,
    pub budget_currency: Option<BudgetCurrency>,
}

impl TermsRequest {
    pub fn is_empty(&self) -> bool {
        self.rate_method.is_none() && self.closing_days.is_none() && self.budget_currency.is_none()
    }

    /// The terms of `grant` with this request's changes over `in_force`.
    fn over(&self, grant: GrantId, in_force: Option<&GrantTerms>) -> GrantTerms {
        GrantTerms {
            grant,
            rate_method: self
                .rate_method
                .or(in_force.map(|t| t.rate_method))
                .unwrap_or(RateMethod::Daily),
            closing_days: self
                .closing_days
                .or(in_force.map(|t| t.closing_days))
                .unwrap_or(0),
            budget_currency: self
                .budget_currency
                .or(in_force.map(|t| t.budget_currency))
                .unwrap_or(BudgetCurrency::Base),
        }
    }
}

impl Ledger {
    /// `amana rate add --currency EUR --date DATE --rate 10.8 [--source TEXT]`.
    pub fn add_rate(&mut self, req: RateRequest) -> Result<Written> {
        let info = self.info()?;
        let rate = ExchangeRate {
            currency: currency_in(&info, &req.currency)?.code,
            date: req.date,
            rate: Rate::parse(&req.rate)?,
            source: text::clean_optional("source", req.source.as_deref())?,
        };
        self.append_all(vec![Record::Rate(rate)])
    }

    /// `amana rate list [--currency EUR]`.
    pub fn rates(&self, currency: Option<&str>) -> Result<Vec<RateRow>> {
        let info = self.info()?;
        let code = currency.map(|c| currency_in(&info, c)).transpose()?;
        Ok(self.store.rates(code.as_ref().map(|c| c.code.as_str()))?)
    }

    /// `amana grant add ... --rate-method M --closing-days N --budget-currency C`: the grant
    /// and its terms, in one transaction.
    pub fn add_grant_with_terms(
        &mut self,
        req: crate::app::GrantRequest,
        terms: &TermsRequest,
    ) -> Result<Written> {
        let grant = self.grant_of(req)?;
        let terms = terms.over(grant.id.clone(), None);
        self.append_all(vec![Record::Grant(grant), Record::GrantTerms(terms)])
    }

    /// `amana grant terms ID [--rate-method M] [--closing-days N] [--budget-currency C]`. A
    /// window shortened past spending already charged in it is refused by the rules, which
    /// need the whole chain replayed for that.
    pub fn set_grant_terms(&mut self, grant: &GrantId, req: &TermsRequest) -> Result<Written> {
        let actor = self.actor.clone();
        let grant = grant.clone();
        let req = req.clone();
        self.store.write(|app| {
            let mut book = crate::app::decisions::replay(app)?;
            if book.grant(&grant).is_none() {
                return Err(Refusal::GrantNotFound { grant }.into());
            }
            let terms = req.over(grant.clone(), book.grant_terms(&grant));
            append_record(app, &mut book, &actor, Record::GrantTerms(terms))
        })
    }
}

/// The currency a budget line of `grant` (or its amendment) is written in: the grant's own
/// when its terms say so, else the ledger's.
pub fn budget_currency(store: &Store, info: &LedgerInfo, grant: &GrantId) -> Result<Currency> {
    let in_grant = store
        .grant_terms()?
        .iter()
        .any(|t| &t.grant == grant && t.budget_currency == BudgetCurrency::Grant);
    if in_grant
        && let Some(g) = store.grants(Some(grant.as_str()))?.first()
        && let Some(c) = info.currency(&g.currency)
    {
        return Ok(c.clone());
    }
    Ok(info.currency.clone())
}

/// The postings of a new transaction dated `date`, each charged to a foreign-currency grant
/// carrying its amount in that grant's currency: given (and then in that currency), or, for
/// a grant with terms, derived by the grant's method.
pub(crate) fn grant_originals(
    app: &Appender<'_>,
    book: &Book,
    info: &LedgerInfo,
    date: NaiveDate,
    mut postings: Vec<Posting>,
) -> Result<Vec<Posting>> {
    for p in &mut postings {
        let Some(grant) = p.grant.as_ref().and_then(|g| book.grant(g)) else {
            continue;
        };
        if grant.currency == info.currency.code {
            continue;
        }
        if let Some((_, currency)) = &p.original {
            if *currency != grant.currency {
                return Err(Refusal::OriginalNotGrantCurrency {
                    grant: grant.id.clone(),
                    currency: currency.clone(),
                    expected: grant.currency.clone(),
                }
                .into());
            }
            continue;
        }
        let foreign = info
            .currency(&grant.currency)
            .cloned()
            .ok_or_else(|| DomainError::UnknownCurrency(grant.currency.clone()))?;
        let Some(method) = book.grant_terms(&grant.id).map(|t| t.rate_method) else {
            continue;
        };
        let instalment = book.account_type(&p.account) == Some(AccountType::Income);
        let amount = if method == RateMethod::Instalments && !instalment {
            let (base, original) = app.instalments(&grant.id, &grant.currency)?;
            if base.is_zero() || original.is_zero() {
                return Err(Refusal::NoInstalmentsYet {
                    grant: grant.id.clone(),
                    currency: grant.currency.clone(),
                }
                .into());
            }
            in_proportion(p.amount, original, base)
        } else {
            let Some((_, rate)) = app.rate_on(&grant.currency, date)? else {
                return Err(Refusal::NoRateForGrant {
                    grant: grant.id.clone(),
                    currency: grant.currency.clone(),
                    date,
                }
                .into());
            };
            to_foreign(p.amount, info.currency.exponent, foreign.exponent, rate)
        };
        p.original = Some((amount.ok_or(DomainError::Overflow)?, foreign.code));
    }
    Ok(postings)
}
