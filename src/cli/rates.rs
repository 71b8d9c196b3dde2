//! The rate table (`rate add`, `rate list`) and a grant's terms (`grant terms`).

use amana::app::Ledger;
use amana::app::rates::{RateRequest, TermsRequest};
use amana::app::revalue::RevalueRequest;
use amana::domain::{AccountCode, DomainError, GrantId, format_date, parse_date};
use amana::report::currency::{RateLine, RatesReport};

use super::Context;
use super::args::{Format, RateCommand, TermsArgs};
use super::error::Failure;
use super::print;

pub fn run(ctx: &Context, command: RateCommand) -> Result<(), Failure> {
    match command {
        RateCommand::Add {
            currency,
            date,
            rate,
            source,
        } => {
            let mut ledger = Ledger::open(&ctx.ledger, &ctx.actor)?;
            let req = RateRequest {
                currency,
                date: parse_date(&date)?,
                rate,
                source,
            };
            let written = ledger.add_rate(req)?;
            out!("Added the rate on {date} (chain entry {}).", written.seq);
        }
        RateCommand::Revalue {
            account,
            currency,
            date,
            gain_account,
            loss_account,
        } => {
            let mut ledger = Ledger::open(&ctx.ledger, &ctx.actor)?;
            let req = RevalueRequest {
                account: AccountCode::parse(&account)?,
                currency,
                date: parse_date(&date)?,
                gain_account: gain_account
                    .as_deref()
                    .map(AccountCode::parse)
                    .transpose()?,
                loss_account: loss_account
                    .as_deref()
                    .map(AccountCode::parse)
                    .transpose()?,
            };
            let r = ledger.revalue(req)?;
            let base = ledger.info()?.currency;
            out!(
                "{account} holds {} {} on {date}: {} {} at {}; the books hold {} {}.",
                r.held.format(ledger.info()?.exponent(&r.currency)),
                r.currency,
                base.format(r.value),
                base.code,
                r.rate,
                base.format(r.booked),
                base.code
            );
            match r.written {
                Some(w) => out!(
                    "Recorded the exchange difference as transaction #{} (chain entry {}).",
                    w.entry.map_or(0, |e| e.0),
                    w.seq
                ),
                None => out!("No exchange difference: nothing was recorded."),
            }
        }
        RateCommand::List { currency, format } => {
            let ledger = Ledger::open_read_only(&ctx.ledger)?;
            let info = ledger.info()?;
            let report = RatesReport {
                currency: info.currency.code.clone(),
                rates: ledger
                    .rates(currency.as_deref())?
                    .into_iter()
                    .map(|(seq, currency, date, rate, source)| RateLine {
                        currency,
                        date: format_date(date),
                        rate: rate.to_string(),
                        source,
                        seq,
                    })
                    .collect(),
            };
            match format.resolved()? {
                Format::Json => print::json(&report),
                Format::Csv => {
                    let rows: Vec<Vec<String>> = report
                        .rates
                        .iter()
                        .map(|r| {
                            vec![
                                r.currency.to_string(),
                                r.date.to_string(),
                                r.rate.to_string(),
                                r.source.clone().unwrap_or_default(),
                            ]
                        })
                        .collect();
                    let text = amana::report::render::rows_csv(
                        &["currency", "date", "rate", "source"],
                        &[2],
                        &rows,
                    );
                    print::csv(&text, format.excel)?;
                }
                Format::Table => {
                    if report.rates.is_empty() {
                        out!("No rate recorded (add one with `amana rate add`).");
                    }
                    for r in &report.rates {
                        out!(
                            "{}  1 {} = {} {}  {}",
                            r.date,
                            r.currency,
                            r.rate,
                            report.currency,
                            r.source.as_deref().unwrap_or("")
                        );
                    }
                }
            }
        }
    }
    Ok(())
}

/// The terms given as options, typed.
pub fn terms_request(args: &TermsArgs) -> Result<TermsRequest, DomainError> {
    Ok(TermsRequest {
        rate_method: args.rate_method.as_deref().map(str::parse).transpose()?,
        closing_days: args
            .closing_days
            .as_deref()
            .map(|d| {
                d.trim().parse::<i64>().map_err(|_| DomainError::NotOneOf {
                    what: "closing days",
                    value: d.to_string(),
                    allowed: "a whole number of days from 0 to 3660",
                })
            })
            .transpose()?,
        budget_currency: args
            .budget_currency
            .as_deref()
            .map(str::parse)
            .transpose()?,
    })
}

/// `amana grant terms ID ...`.
pub fn set_terms(ctx: &Context, id: &str, args: &TermsArgs) -> Result<(), Failure> {
    let req = terms_request(args)?;
    if req.is_empty() {
        return Err(Failure::Invalid(format!(
            "grant terms {id}: give what changes: --rate-method, --closing-days or --budget-currency (see `amana grant terms --help`)"
        )));
    }
    let grant = GrantId::parse(id)?;
    let mut ledger = Ledger::open(&ctx.ledger, &ctx.actor)?;
    let written = ledger.set_grant_terms(&grant, &req)?;
    out!("Set the terms of grant {id} (chain entry {}).", written.seq);
    Ok(())
}
