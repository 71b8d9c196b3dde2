//! The demo's fund accounting (issue 8), the steps a Moroccan treasurer takes around the year
//! end: the EU grant budgeted and reported in euros (its terms and a rate table), the equipment
//! bought on grants registered as fixed assets and depreciated, the year closed with its
//! dedicated funds, and the general assembly's allocation of the result.

use chrono::NaiveDate;

use crate::app::allocate::{AllocateOutcome, AllocateRequest};
use crate::app::assets::{AssetError, AssetRequest};
use crate::app::rates::{RateRequest, TermsRequest};
use crate::app::{Ledger, LedgerError, Refusal};
use crate::domain::{AssetId, BudgetCurrency, EntryId, GrantId, RateMethod, parse_date};
use crate::store::JournalFilter;

/// Euro rates the treasurer copies from the bank's statements at the start of each month
/// (made up, plausible): MAD for 1 EUR.
const EUR_RATES: [(&str, &str); 18] = [
    ("2025-06-01", "10.7350"),
    ("2025-07-01", "10.7415"),
    ("2025-08-01", "10.7580"),
    ("2025-09-01", "10.7620"),
    ("2025-10-01", "10.7810"),
    ("2025-11-01", "10.7905"),
    ("2025-12-01", "10.8040"),
    ("2026-01-01", "10.8125"),
    ("2026-02-01", "10.8390"),
    ("2026-03-01", "10.8730"),
    ("2026-04-01", "10.8615"),
    ("2026-05-01", "10.8520"),
    ("2026-06-01", "10.8480"),
    ("2026-07-01", "10.8655"),
    ("2026-08-01", "10.8810"),
    ("2026-09-01", "10.8745"),
    ("2026-10-01", "10.8690"),
    ("2026-11-01", "10.8830"),
];

/// The EU grant's terms (its budget in euros, each cost converted at the rate of its day,
/// three months after its end for the final audit and report) and the rate table they read.
/// Before the grant's budget lines: their currency is fixed by the first of them.
pub(super) fn eu_grant_in_euros(ledger: &mut Ledger) -> Result<(), LedgerError> {
    for (date, rate) in EUR_RATES {
        ledger.add_rate(RateRequest {
            currency: "EUR".into(),
            date: parse_date(date)?,
            rate: rate.into(),
            source: Some("Banque Populaire, relevé du compte projet UE".into()),
        })?;
    }
    ledger.set_grant_terms(
        &GrantId::parse("EU-2025")?,
        &TermsRequest {
            rate_method: Some(RateMethod::Daily),
            closing_days: Some(90),
            budget_currency: Some(BudgetCurrency::Grant),
        },
    )?;
    Ok(())
}

/// An asset the demo registered: its id, its cost (minor units) and the subsidy transaction.
pub struct DemoAsset {
    pub id: String,
    pub cost: i64,
    pub subsidy: Option<EntryId>,
}

fn asset_error(e: AssetError) -> LedgerError {
    match e {
        AssetError::Ledger(e) => e,
        other => Refusal::DemoStep {
            step: "asset add".into(),
            reason: other.to_string(),
        }
        .into(),
    }
}

/// Registers every purchase of equipment (a debit to class 23) dated `from` to `to` as a fixed
/// asset: computers and the like over three years, furniture over ten; then depreciates
/// everything through `through`.
pub(super) fn register_equipment(
    ledger: &mut Ledger,
    from: &str,
    to: &str,
    through: NaiveDate,
) -> Result<Vec<DemoAsset>, LedgerError> {
    let info = ledger.info()?;
    let filter = JournalFilter {
        from: Some(from.into()),
        to: Some(to.into()),
        account: Some("23".into()),
        grant: None,
    };
    let journal = crate::report::journal(ledger.store(), &info, &filter)?;
    let mut assets = vec![];
    for t in journal.transactions.iter().filter(|t| t.reverses.is_none()) {
        let Some(p) = t.postings.iter().find(|p| p.account.starts_with("23")) else {
            continue;
        };
        let life = if p.account.starts_with("2351") {
            120
        } else {
            36
        };
        let id = format!("EQ-{}", t.date.replace('-', ""));
        let id = if assets.iter().any(|a: &DemoAsset| a.id == id) {
            format!("{id}-{}", t.id)
        } else {
            id
        };
        let added = ledger
            .add_asset(AssetRequest {
                id: AssetId::parse(&id)?,
                transaction: EntryId(t.id),
                posting: None,
                life_months: life,
                label: Some(t.description.clone()),
                start: None,
                depreciation_account: None,
                expense_account: None,
                subsidy_from: None,
                subsidy_account: None,
                release_account: None,
                income_account: None,
            })
            .map_err(asset_error)?;
        assets.push(DemoAsset {
            id,
            cost: added.cost.0,
            subsidy: added.subsidy,
        });
    }
    ledger
        .depreciate(through, None, false)
        .map_err(asset_error)?;
    Ok(assets)
}

/// The general assembly of 20 June 2026 approves the 2025 accounts and carries the year's
/// result forward (report à nouveau), as the chart says by its sign.
pub(super) fn allocate_2025(ledger: &mut Ledger) -> Result<AllocateOutcome, LedgerError> {
    ledger.allocate_result(AllocateRequest {
        year: 2025,
        date: parse_date("2026-06-20")?,
        parts: vec![],
        dry_run: false,
    })
}
