//! A foreign-currency account revalued (at the year's end): what it holds in its currency,
//! at the rate of the day, against what the books hold in the ledger's; the difference is an
//! exchange gain or loss (CGNC 7331 gains de change / 6331 pertes de change; in the generic
//! chart, 4900 other income / 6900 other administrative expenses; with no chart, the accounts
//! the treasurer names).
//!
//! It is an ordinary transaction, written by amana: the account takes the difference with an
//! amount of 0 in its currency (no money moved), so what it holds in that currency is
//! unchanged and the next revaluation starts from the revalued figure.

use chrono::NaiveDate;

use crate::app::{Ledger, LedgerError, Refusal, Written, append_entry, currency_in, load_book};
use crate::domain::rates::to_base;
use crate::domain::{
    AccountCode, AccountType, DomainError, Entry, EntryHeader, EntryKind, Minor, Posting, Rate,
    text,
};

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// `amana rate revalue --account 51412 --currency EUR --date 2026-12-31`.
pub struct RevalueRequest {
    pub account: AccountCode,
    pub currency: String,
    pub date: NaiveDate,
    /// The accounts of the exchange difference; `None`: the chart's.
    pub gain_account: Option<AccountCode>,
    pub loss_account: Option<AccountCode>,
}

/// What a revaluation found, and the transaction it wrote (none when nothing changed).
pub struct Revalued {
    pub currency: String,
    /// What the account holds in `currency`, and the rate of the day.
    pub held: Minor,
    pub rate: Rate,
    /// Its value at that rate, and what the books held, in the ledger's currency.
    pub value: Minor,
    pub booked: Minor,
    pub written: Option<Written>,
}

/// The exchange accounts (gain, loss) of a chart, when it has them.
pub fn default_exchange_accounts(chart: &str) -> Option<(&'static str, &'static str)> {
    match chart {
        "ma-associations" => Some(("7331", "6331")),
        "generic" => Some(("4900", "6900")),
        _ => None,
    }
}

impl Ledger {
    pub fn revalue(&mut self, req: RevalueRequest) -> Result<Revalued> {
        let info = self.info()?;
        let currency = currency_in(&info, &req.currency)?;
        let defaults = default_exchange_accounts(&info.chart)
            .map(|(g, l)| (AccountCode::parse(g), AccountCode::parse(l)));
        let (gain, loss) = match (req.gain_account, req.loss_account, defaults) {
            (Some(g), Some(l), _) => (g, l),
            (g, l, Some((Ok(dg), Ok(dl)))) => (g.unwrap_or(dg), l.unwrap_or(dl)),
            _ => return Err(Refusal::RevalueAccountsNeeded.into()),
        };
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = load_book(app)?;
            if book.account_type(&req.account) != Some(AccountType::Asset) {
                return Err(Refusal::RevalueNotMoney {
                    account: req.account.clone(),
                }
                .into());
            }
            let (booked, held, mixed) =
                app.foreign_balance(&req.account, &currency.code, req.date)?;
            if let Some(entry) = mixed {
                return Err(Refusal::RevalueMixed {
                    account: req.account.clone(),
                    currency: currency.code.clone(),
                    entry,
                }
                .into());
            }
            let Some((_, rate)) = app.rate_on(&currency.code, req.date)? else {
                return Err(Refusal::NoRateToRevalue {
                    currency: currency.code.clone(),
                    date: req.date,
                }
                .into());
            };
            let value = to_base(held, currency.exponent, info.currency.exponent, rate)
                .ok_or(DomainError::Overflow)?;
            let difference = value.checked_sub(booked).ok_or(DomainError::Overflow)?;
            let mut revalued = Revalued {
                currency: currency.code.clone(),
                held,
                rate,
                value,
                booked,
                written: None,
            };
            if difference.is_zero() {
                return Ok(revalued);
            }
            let description = format!(
                "Revaluation of {}: {} {} at {rate} {}",
                req.account,
                held.format(currency.exponent),
                currency.code,
                info.currency.code
            );
            let header = EntryHeader {
                id: book.next_entry_id(),
                date: req.date,
                description: text::clean("description", &description)?,
                reference: None,
                kind: EntryKind::Transaction,
                batch: None,
            };
            let counter = if difference.0 > 0 { gain } else { loss };
            let postings = vec![
                Posting {
                    account: req.account.clone(),
                    amount: difference,
                    grant: None,
                    line: None,
                    original: Some((Minor::ZERO, currency.code.clone())),
                    memo: None,
                },
                Posting::plain(
                    counter,
                    difference.checked_neg().ok_or(DomainError::Overflow)?,
                ),
            ];
            let entry = Entry::new(header, postings, &info.currency)?;
            revalued.written = Some(append_entry(app, &mut book, &actor, entry)?);
            Ok(revalued)
        })
    }
}
