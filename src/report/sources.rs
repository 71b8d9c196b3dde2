//! Where the money comes from: `funder list` (what each funder and each kind of funder gave),
//! `donors` (the donor register of a fiscal year) and `in-kind list` (the contributions in
//! kind, at their declared value, kept on memorandum accounts).

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Provenance, provenance};
use crate::domain::{Currency, FunderType, LedgerInfo, Minor, checked_sum, format_date};
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, Serialize)]
pub struct FunderLine {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub country: Option<String>,
    /// What the funder's grants brought in so far (net credit of income accounts charged to
    /// them; dues and gifts recorded without a grant are not counted here).
    pub received: String,
    /// What it gave without a grant: income postings whose source names it (dues, gifts).
    pub received_without_grant: String,
    /// All the money received from it: on its grants (transactions and reversals, closings
    /// left out) and without one.
    pub received_total: String,
    /// Its organisation identifier (`amana funder identify`), as IATI and 360Giving name it.
    pub org_id: Option<String>,
}

/// What the funders of one type gave.
#[derive(Debug, Clone, Serialize)]
pub struct FunderTypeLine {
    #[serde(rename = "type")]
    pub kind: String,
    pub funders: usize,
    pub received_total: String,
}

/// `amana funder list`: who funds the association, and how much: the diversity of funding
/// in numbers.
#[derive(Debug, Clone, Serialize)]
pub struct FundersReport {
    pub currency: String,
    pub funders: Vec<FunderLine>,
    /// Every funder type that has a funder, in the order of the types.
    pub by_type: Vec<FunderTypeLine>,
    /// Everything received from a funder, all types together.
    pub received_total: String,
    pub provenance: Provenance,
}

fn out_of_range(what: &'static str) -> StoreError {
    StoreError::TotalOutOfRange { what }
}

fn add(a: Minor, b: Minor, what: &'static str) -> Result<Minor, StoreError> {
    a.checked_add(b).ok_or_else(|| out_of_range(what))
}

/// Totals per funder type, in the order of [`FunderType::ALL`]: (type, count, total).
fn by_type<'a>(
    currency: &Currency,
    items: impl Iterator<Item = (&'a str, Minor)>,
    what: &'static str,
) -> Result<Vec<FunderTypeLine>, StoreError> {
    let mut sums: BTreeMap<usize, (usize, Minor)> = BTreeMap::new();
    for (kind, amount) in items {
        let order = FunderType::ALL
            .iter()
            .position(|t| t.as_str() == kind)
            .unwrap_or(FunderType::ALL.len());
        let slot = sums.entry(order).or_insert((0, Minor::ZERO));
        slot.0 += 1;
        slot.1 = add(slot.1, amount, what)?;
    }
    Ok(sums
        .into_iter()
        .map(|(order, (funders, total))| FunderTypeLine {
            kind: FunderType::ALL
                .get(order)
                .map_or("unknown", |t| t.as_str())
                .to_string(),
            funders,
            received_total: currency.format(total),
        })
        .collect())
}

pub fn funders(store: &Store, info: &LedgerInfo) -> Result<FundersReport, StoreError> {
    const WHAT: &str = "money received from funders";
    let currency = &info.currency;
    let income: BTreeMap<String, (Minor, Minor)> = store
        .funder_income()?
        .into_iter()
        .map(|r| (r.funder, (r.on_grants, r.without_grant)))
        .collect();
    let mut lines = vec![];
    let mut totals = vec![];
    for f in store.funders()? {
        let (on_grants, without) = income.get(&f.id).copied().unwrap_or_default();
        let total = add(on_grants, without, WHAT)?;
        totals.push((f.kind.clone(), total));
        lines.push(FunderLine {
            received: currency.format(f.received),
            received_without_grant: currency.format(without),
            received_total: currency.format(total),
            id: f.id,
            name: f.name,
            kind: f.kind,
            country: f.country,
            org_id: f.org_id,
        });
    }
    let all = checked_sum(totals.iter().map(|(_, m)| *m)).ok_or_else(|| out_of_range(WHAT))?;
    Ok(FundersReport {
        currency: currency.code.clone(),
        by_type: by_type(currency, totals.iter().map(|(k, m)| (k.as_str(), *m)), WHAT)?,
        received_total: currency.format(all),
        funders: lines,
        provenance: provenance(store, info)?,
    })
}

/// One gift of the donor register.
#[derive(Debug, Clone, Serialize)]
pub struct GiftLine {
    pub date: String,
    /// The transaction that recorded it.
    pub entry: i64,
    pub description: String,
    pub amount: String,
}

/// One donor of the register: who gave, how many times, how much.
#[derive(Debug, Clone, Serialize)]
pub struct DonorLine {
    pub funder: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub gifts: usize,
    pub total: String,
    /// Each gift, with `--detail`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<Vec<GiftLine>>,
}

/// `amana donors --year YYYY`: who gave what in the fiscal year (grants' instalments, members'
/// dues, individual gifts), from the ledger's income postings and their sources. A gift that
/// was reversed is not one.
#[derive(Debug, Clone, Serialize)]
pub struct DonorsReport {
    pub currency: String,
    pub year: i32,
    pub from: String,
    pub to: String,
    pub donors: Vec<DonorLine>,
    pub by_type: Vec<FunderTypeLine>,
    pub gifts: usize,
    pub total: String,
    pub provenance: Provenance,
}

pub fn donors(
    store: &Store,
    info: &LedgerInfo,
    year: i32,
    detail: bool,
) -> Result<DonorsReport, StoreError> {
    const WHAT: &str = "gifts of the year";
    let currency = &info.currency;
    let (from, to) = info
        .fiscal_start
        .year_bounds(year)
        .ok_or(StoreError::TotalOutOfRange {
            what: "fiscal year",
        })?;
    let funders: BTreeMap<String, (String, String)> = store
        .funders()?
        .into_iter()
        .map(|f| (f.id, (f.name, f.kind)))
        .collect();
    let mut donors: Vec<(DonorLine, Minor)> = vec![];
    for gift in store.gifts(from, to)? {
        if donors.last().is_none_or(|(d, _)| d.funder != gift.funder) {
            let (name, kind) = funders.get(&gift.funder).cloned().unwrap_or_default();
            donors.push((
                DonorLine {
                    funder: gift.funder.clone(),
                    name,
                    kind,
                    gifts: 0,
                    total: String::new(),
                    detail: detail.then(Vec::new),
                },
                Minor::ZERO,
            ));
        }
        let (donor, total) = donors.last_mut().expect("pushed above");
        donor.gifts += 1;
        *total = add(*total, gift.amount, WHAT)?;
        if let Some(d) = donor.detail.as_mut() {
            d.push(GiftLine {
                date: gift.date,
                entry: gift.entry.0,
                description: gift.description,
                amount: currency.format(gift.amount),
            });
        }
    }
    let all = checked_sum(donors.iter().map(|(_, m)| *m)).ok_or_else(|| out_of_range(WHAT))?;
    Ok(DonorsReport {
        currency: currency.code.clone(),
        year,
        from: format_date(from),
        to: format_date(to),
        by_type: by_type(
            currency,
            donors.iter().map(|(d, m)| (d.kind.as_str(), *m)),
            WHAT,
        )?,
        gifts: donors.iter().map(|(d, _)| d.gifts).sum(),
        total: currency.format(all),
        donors: donors
            .into_iter()
            .map(|(mut d, m)| {
                d.total = currency.format(m);
                d
            })
            .collect(),
        provenance: provenance(store, info)?,
    })
}

/// One contribution in kind.
#[derive(Debug, Clone, Serialize)]
pub struct InKindLine {
    pub entry: i64,
    pub date: String,
    pub description: String,
    /// The memorandum account of the resource (what came in) and of its use.
    pub resource: String,
    pub use_account: String,
    pub value: String,
    pub funder: Option<String>,
}

/// The contributions of one kind (one resource account).
#[derive(Debug, Clone, Serialize)]
pub struct InKindTotal {
    pub account: String,
    pub name: String,
    pub contributions: usize,
    pub value: String,
}

/// `amana in-kind list --year YYYY`: volunteer hours, premises lent, goods given, at their
/// declared value. They are kept on memorandum accounts: never money, never the result. A
/// reversed contribution (and its reversal) is left out.
#[derive(Debug, Clone, Serialize)]
pub struct InKindReport {
    pub currency: String,
    pub year: i32,
    pub from: String,
    pub to: String,
    pub contributions: Vec<InKindLine>,
    pub by_account: Vec<InKindTotal>,
    pub total: String,
    pub provenance: Provenance,
}

pub fn in_kind(store: &Store, info: &LedgerInfo, year: i32) -> Result<InKindReport, StoreError> {
    const WHAT: &str = "contributions in kind";
    let currency = &info.currency;
    let (from, to) = info
        .fiscal_start
        .year_bounds(year)
        .ok_or(StoreError::TotalOutOfRange {
            what: "fiscal year",
        })?;
    let rows: Vec<_> = store
        .in_kind(from, to)?
        .into_iter()
        .filter(|r| !r.cancelled)
        .collect();
    let mut by_account: BTreeMap<String, (String, usize, Minor)> = BTreeMap::new();
    for r in &rows {
        let slot = by_account.entry(r.resource.clone()).or_insert((
            r.resource_name.clone(),
            0,
            Minor::ZERO,
        ));
        slot.1 += 1;
        slot.2 = add(slot.2, r.value, WHAT)?;
    }
    let all = checked_sum(rows.iter().map(|r| r.value)).ok_or_else(|| out_of_range(WHAT))?;
    Ok(InKindReport {
        currency: currency.code.clone(),
        year,
        from: format_date(from),
        to: format_date(to),
        by_account: by_account
            .into_iter()
            .map(|(account, (name, contributions, value))| InKindTotal {
                account,
                name,
                contributions,
                value: currency.format(value),
            })
            .collect(),
        total: currency.format(all),
        contributions: rows
            .into_iter()
            .map(|r| InKindLine {
                entry: r.entry.0,
                date: r.date,
                description: r.description,
                resource: r.resource,
                use_account: r.use_account,
                value: currency.format(r.value),
                funder: r.funder,
            })
            .collect(),
        provenance: provenance(store, info)?,
    })
}
