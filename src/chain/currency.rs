//! The bytes of the two kinds that keep money in a grant's own currency: `rate` (one rate of
//! the rate table) and `grant-terms` (a grant's rate method, closing window and budget
//! currency). Kept apart from `entry.rs`, which calls them, field by field as `schema/CHAIN.md`
//! lists them.

use crate::domain::{ExchangeRate, GrantId, GrantTerms, Rate};

use super::encoding::{DecodeError, Reader, Writer};
use super::entry::{code, currency_code, enum_field};
use super::records::Record;

pub(super) fn encode_rate(w: &mut Writer, r: &ExchangeRate) {
    w.text(&r.currency);
    w.date(r.date);
    w.int(r.rate.0);
    w.opt_text(r.source.as_deref());
}

pub(super) fn decode_rate(r: &mut Reader) -> Result<Record, DecodeError> {
    Ok(Record::Rate(ExchangeRate {
        currency: currency_code(r, "rate.currency")?,
        date: r.date("rate.date")?,
        rate: Rate(r.int("rate.rate")?),
        source: r.opt_text("rate.source")?,
    }))
}

pub(super) fn encode_grant_terms(w: &mut Writer, t: &GrantTerms) {
    w.text(t.grant.as_str());
    w.text(t.rate_method.as_str());
    w.int(t.closing_days);
    w.text(t.budget_currency.as_str());
}

pub(super) fn decode_grant_terms(r: &mut Reader) -> Result<Record, DecodeError> {
    Ok(Record::GrantTerms(GrantTerms {
        grant: code(r, "grant-terms.grant", GrantId::parse)?,
        rate_method: enum_field(r, "grant-terms.rate_method")?,
        closing_days: r.int("grant-terms.closing_days")?,
        budget_currency: enum_field(r, "grant-terms.budget_currency")?,
    }))
}
