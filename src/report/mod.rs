//! Listings and reports: a serde model first, text second.
//!
//! Each listing is built as a plain data model (what `--format json` prints), from which the
//! table and CSV renderings are derived; no arithmetic happens while rendering. Amounts are
//! strings with exactly the currency's decimals, never floats.

mod accounts;
pub mod annual;
pub mod assets;
mod bank;
pub mod books;
pub mod currency;
pub mod doc;
pub mod funder;
mod funder_body;
pub mod i18n;
mod journal;
pub mod messages;
pub mod output;
pub mod render;
mod sources;
pub mod templates;
// The auditor's report and the member's printable receipt (issue 9, part D).
pub mod audit;
pub mod receipt;
pub mod verify_page;
pub mod words;

// The Moroccan statements (Bilan, CPC, ETIC), issue 9 part C.
pub mod statements;

pub use accounts::{AccountLine, AccountsReport, accounts};
pub use journal::{JournalEntry, JournalPosting, JournalReport, journal};

use serde::Serialize;

pub use sources::{
    DonorLine, DonorsReport, FunderLine, FunderTypeLine, FundersReport, GiftLine, InKindLine,
    InKindReport, InKindTotal, donors, funders, in_kind,
};

use crate::chain::{ChainEntry, Record};
use crate::domain::{
    BudgetCurrency, ClosingForm, Currency, EntryKind, LedgerInfo, Minor, checked_sum, format_date,
};
use crate::store::{BalanceFilter, BalanceRow, BudgetLineRow, LogRow, Store, StoreError};

#[derive(Debug, Clone, Serialize)]
pub struct BalanceLine {
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub balance: String,
}

/// `amana balance`: every account with a posting, sorted by code.
#[derive(Debug, Clone, Serialize)]
pub struct BalanceReport {
    pub currency: String,
    pub accounts: Vec<BalanceLine>,
    /// Sum of every listed balance: 0 for the whole ledger (the trial balance).
    pub total: String,
    /// Memorandum accounts (in-kind contributions at a declared value), apart: never money,
    /// never the result. They balance among themselves, so `total` is unchanged by them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub memorandum: Vec<BalanceLine>,
    /// The first day of the period (its movements only), when one was asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grant: Option<String>,
    /// The closing entries of fiscal years were left out.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub before_closing: bool,
    /// Where the figures come from: the ledger and the chain head they were read at.
    pub provenance: Provenance,
}

/// What every listing says about its source, so a printed figure can be traced to the chain
/// (and checked with `amana verify --anchor ENTRIES:HEAD`).
#[derive(Debug, Clone, Serialize, Default)]
pub struct Provenance {
    pub ledger: String,
    pub entries: i64,
    pub head: String,
    /// UTC, RFC 3339.
    pub generated: String,
}

pub fn provenance(store: &Store, info: &LedgerInfo) -> Result<Provenance, StoreError> {
    let (entries, head) = store.head()?;
    Ok(Provenance {
        ledger: info.name.clone(),
        entries,
        head: head.map(hex::encode).unwrap_or_default(),
        generated: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    })
}

pub fn balance(
    store: &Store,
    info: &LedgerInfo,
    filter: &BalanceFilter,
) -> Result<BalanceReport, StoreError> {
    store.begin_read()?;
    let read = store
        .balances(filter)
        .and_then(|rows| Ok((rows, provenance(store, info)?)));
    store.end_read()?;
    let (rows, provenance) = read?;
    let mut report = balance_report(&info.currency, rows, filter)?;
    report.provenance = provenance;
    Ok(report)
}

/// Builds the balance model from account sums (pure).
pub fn balance_report(
    currency: &Currency,
    rows: Vec<BalanceRow>,
    filter: &BalanceFilter,
) -> Result<BalanceReport, StoreError> {
    let (memorandum, rows): (Vec<BalanceRow>, Vec<BalanceRow>) = rows
        .into_iter()
        .partition(|r| r.kind == crate::domain::AccountType::Memorandum.as_str());
    let line = |r: BalanceRow| BalanceLine {
        code: r.code,
        name: r.name,
        kind: r.kind,
        balance: currency.format(r.balance),
    };
    let memorandum = memorandum.into_iter().map(line).collect();
    let total = checked_sum(rows.iter().map(|r| r.balance))
        .map(|m| currency.format(m))
        .ok_or(StoreError::TotalOutOfRange {
            what: "balance of all accounts",
        })?;
    Ok(BalanceReport {
        currency: currency.code.clone(),
        accounts: rows.into_iter().map(line).collect(),
        total,
        memorandum,
        from: filter.from.clone(),
        as_of: filter.as_of.clone(),
        grant: filter.grant.clone(),
        before_closing: filter.before_closing,
        provenance: Provenance::default(),
    })
}

/// One chain entry as `amana log` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct LogLine {
    pub seq: i64,
    /// UTC, RFC 3339 with microseconds.
    pub time: String,
    pub actor: String,
    pub kind: String,
    pub summary: String,
    pub entry_hash: String,
    pub chain: String,
    /// The decoded content (absent when the bytes cannot be decoded: run `amana verify`).
    pub content: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LogReport {
    pub entries: Vec<LogLine>,
}

pub fn log(store: &Store, info: &LedgerInfo, kind: Option<&str>) -> Result<LogReport, StoreError> {
    let mut entries = vec![];
    let mut grants = GrantCurrencies::new();
    store.for_each_log_row(|row| {
        let line = log_line(info, &row, &mut grants);
        if kind.is_none_or(|k| k == row.kind) {
            entries.push(line);
        }
    })?;
    Ok(LogReport { entries })
}

/// Each grant's currency, learnt from the log as it is read: an amendment's amount is in the
/// currency of the grant it amends, which the amendment itself does not repeat.
type GrantCurrencies = std::collections::HashMap<String, String>;

fn log_line(info: &LedgerInfo, row: &LogRow, grants: &mut GrantCurrencies) -> LogLine {
    let decoded = ChainEntry::decode(&row.body, Some(&info.currency)).ok();
    if let Some(ChainEntry {
        record: Record::Grant(g),
        ..
    }) = &decoded
    {
        grants
            .entry(g.id.to_string())
            .or_insert_with(|| g.currency.clone());
    }
    let currency_of = |grant: &str| {
        grants
            .get(grant)
            .cloned()
            .unwrap_or_else(|| info.currency.code.clone())
    };
    let time = decoded
        .as_ref()
        .and_then(|e| chrono::DateTime::from_timestamp_micros(e.time_us))
        .map(|t| t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string())
        .unwrap_or_default();
    LogLine {
        seq: row.seq,
        time,
        actor: decoded
            .as_ref()
            .map(|e| e.actor.clone())
            .unwrap_or_default(),
        kind: row.kind.clone(),
        summary: decoded.as_ref().map_or_else(
            || "(cannot be decoded: run amana verify)".into(),
            |e| summary(info, &e.record, &currency_of),
        ),
        entry_hash: hex::encode(&row.entry_hash),
        chain: hex::encode(&row.chain),
        content: decoded
            .as_ref()
            .map(|e| content(info, &e.record, &currency_of)),
    }
}

fn fmt_in(info: &LedgerInfo, amount: Minor, code: &str) -> String {
    amount.format(info.exponent(code))
}

/// One line that says what an entry recorded; `currency_of` gives a grant's currency.
pub fn summary(info: &LedgerInfo, record: &Record, currency_of: &dyn Fn(&str) -> String) -> String {
    match record {
        Record::Ledger(l) => format!(
            "ledger \"{}\" created ({}, chart {})",
            l.name, l.currency.code, l.chart
        ),
        Record::Account(a) => format!("account {} {} ({})", a.code, a.name, a.kind),
        Record::Funder(f) => format!("funder {} {} ({})", f.id, f.name, f.kind),
        Record::Grant(g) => format!(
            "grant {} from {}: {} {} for {} to {}",
            g.id,
            g.funder,
            fmt_in(info, g.amount, &g.currency),
            g.currency,
            g.start,
            g.end
        ),
        Record::BudgetLine(b) => format!(
            "budget line {}/{} {}: {} {}",
            b.grant,
            b.line,
            b.label,
            info.currency.format(b.amount),
            info.currency.code
        ),
        Record::Import(i) => format!(
            "import of {} ({} rows, {} transactions, sha256 {}){}",
            i.file_name,
            i.rows,
            i.transactions,
            &hex::encode(i.file_sha256)[..16],
            if i.forced { ", forced" } else { "" }
        ),
        Record::Entry(e) => {
            let debits: i128 = e
                .postings()
                .iter()
                .map(|p| i128::from(p.amount.0.max(0)))
                .sum();
            let total = i64::try_from(debits)
                .map(|d| info.currency.format(Minor(d)))
                .unwrap_or_default();
            match &e.header.kind {
                EntryKind::Transaction => format!(
                    "#{} {} {} ({} {})",
                    e.id(),
                    format_date(e.header.date),
                    e.header.description,
                    total,
                    info.currency.code
                ),
                EntryKind::Reversal { reverses, reason } => format!(
                    "#{} {} reverses #{reverses}: {reason}",
                    e.id(),
                    format_date(e.header.date)
                ),
                kind => {
                    let what = match kind {
                        EntryKind::DedicatedFunds { year, .. } => {
                            format!("dedicated funds at the end of fiscal year {year}")
                        }
                        EntryKind::Allocation { year, closing } => {
                            format!(
                                "allocation of fiscal year {year}'s result (closing at {closing})"
                            )
                        }
                        EntryKind::Closing { year, .. } => format!("closing of fiscal year {year}"),
                        EntryKind::Depreciation { asset, start } => {
                            format!("depreciation of asset {asset} from {}", format_date(*start))
                        }
                        _ => String::new(),
                    };
                    let (id, date) = (e.id(), format_date(e.header.date));
                    format!("#{id} {date} {what} ({total} {})", info.currency.code)
                }
            }
        }
        Record::Officer(o) => format!("officer {} {} ({})", o.id, o.name, o.role),
        Record::Seal(seal) => format!(
            "seal of entries 1 to {}{}, {} accounts, {} grants, {} bank balances",
            seal.covered,
            seal.period_end
                .map(|d| format!(", period ending {d}"))
                .unwrap_or_default(),
            seal.trial_balance.len(),
            seal.grants.len(),
            seal.banks.len()
        ),
        Record::Signature(sig) => format!(
            "entry {} (a seal, or a decision of the officers) signed by {}",
            sig.seal, sig.officer
        ),
        Record::Receipt(r) => format!(
            "receipt {} ({} bytes, sha256 {}) for transaction #{}",
            r.file_name,
            r.size,
            &hex::encode(r.sha256)[..16],
            r.entry
        ),
        Record::Policy(p) => format!(
            "policy: decisions need the signatures of {} officer(s)",
            p.quorum
        ),
        Record::Lock(l) => format!(
            "lock through {} proposed ({}); takes effect once signed",
            l.through, l.reason
        ),
        Record::Reopen(r) => format!(
            "reopening of fiscal year {} proposed ({}); takes effect once signed",
            r.year, r.reason
        ),
        Record::Revocation(v) => format!(
            "revocation of officer {} proposed ({}); takes effect once signed",
            v.officer, v.reason
        ),
        Record::GrantAmendment(a) => {
            let mut changes = vec![];
            if let Some(amount) = a.amount {
                let currency = currency_of(a.grant.as_str());
                changes.push(format!(
                    "amount {} {currency}",
                    fmt_in(info, amount, &currency)
                ));
            }
            if let Some(end) = a.end {
                changes.push(format!("end {end}"));
            }
            format!(
                "grant {} amended from {}: {} ({})",
                a.grant,
                a.effective,
                changes.join(", "),
                a.reason
            )
        }
        Record::BudgetLineAmendment(b) => {
            let mut changes = vec![];
            if let Some(amount) = b.amount {
                changes.push(format!(
                    "budget {} {}",
                    info.currency.format(amount),
                    info.currency.code
                ));
            }
            if b.withdrawn {
                changes.push("withdrawn".to_string());
            }
            format!(
                "budget line {}/{} amended from {}: {} ({})",
                b.grant,
                b.line,
                b.effective,
                changes.join(", "),
                b.reason
            )
        }
        Record::FunderChange(c) => format!("funder {} renamed {} ({})", c.id, c.name, c.reason),
        Record::Source(s) => format!("source of #{} posting {}: {}", s.entry, s.posting, s.funder),
        Record::Asset(a) => assets::summary(a),
        Record::Rate(r) => currency::rate_summary(info, r),
        Record::GrantTerms(t) => currency::terms_summary(t),
        Record::VarianceNote(n) => format!(
            "explanation of the variance of budget line {}/{} through {}",
            n.grant,
            n.line,
            format_date(n.through)
        ),
        Record::Setting(s) => format!("setting {} = {}", s.key, s.value),
        Record::FunderIdentifier(i) => {
            format!(
                "organisation identifier of funder {}: {}",
                i.funder, i.org_id
            )
        }
        Record::VarianceThreshold(t) => format!(
            "variance threshold of grant {}: {}% and {} {}",
            t.grant,
            t.percent,
            info.currency.format(t.amount),
            info.currency.code
        ),
        Record::BankImport(_) | Record::BankAssignment(_) | Record::Reconciliation(_) => {
            bank::summary(info, record)
        }
        Record::AccountChange(c) => {
            let mut changes = vec![];
            if let Some(name) = &c.name {
                changes.push(format!("renamed {name}"));
            }
            if c.retired {
                changes.push("retired".to_string());
            }
            format!(
                "account {} {}{} ({})",
                c.code,
                changes.join(" and "),
                c.effective
                    .map(|d| format!(" from {d}"))
                    .unwrap_or_default(),
                c.reason
            )
        }
    }
}

/// The decoded content of an entry as JSON, amounts as exact strings; `currency_of` gives a
/// grant's currency.
pub fn content(
    info: &LedgerInfo,
    record: &Record,
    currency_of: &dyn Fn(&str) -> String,
) -> serde_json::Value {
    use serde_json::json;
    match record {
        Record::Ledger(l) => json!({
            "id": hex::encode(&l.id), "name": l.name, "currency": l.currency.code,
            "fiscal_year_start": l.fiscal_start.to_string(), "chart": l.chart,
            "currencies": l.currencies.len(),
        }),
        Record::Account(a) => json!({
            "code": a.code.as_str(), "name": a.name, "type": a.kind.as_str(),
            "labels": a.labels.iter().map(|l| (l.lang.clone(), serde_json::Value::from(l.text.clone()))).collect::<serde_json::Map<_, _>>(),
        }),
        Record::Funder(f) => {
            json!({"id": f.id.as_str(), "name": f.name, "type": f.kind.as_str(), "country": f.country})
        }
        Record::Grant(g) => json!({
            "id": g.id.as_str(), "funder": g.funder.as_str(), "amount": fmt_in(info, g.amount, &g.currency),
            "currency": g.currency, "start": format_date(g.start), "end": format_date(g.end),
            "restricted": g.restricted, "purpose": g.purpose,
        }),
        Record::BudgetLine(b) => json!({
            "grant": b.grant.as_str(), "line": b.line.as_str(), "label": b.label,
            "amount": info.currency.format(b.amount), "account": b.account.as_ref().map(|a| a.as_str()),
        }),
        Record::Import(i) => json!({
            "file_sha256": hex::encode(i.file_sha256), "file_name": i.file_name, "rows": i.rows,
            "transactions": i.transactions, "forced": i.forced,
        }),
        Record::Entry(e) => {
            let (reverses, reason) = match &e.header.kind {
                EntryKind::Reversal { reverses, reason } => {
                    (Some(reverses.0), Some(reason.clone()))
                }
                _ => (None, None),
            };
            let mut entry = json!({
                "id": e.id().0, "date": format_date(e.header.date), "description": e.header.description,
                "reference": e.header.reference, "reverses": reverses, "reason": reason, "batch": e.header.batch,
                "postings": e.postings().iter().map(|p| json!({
                    "account": p.account.as_str(), "amount": info.currency.format(p.amount),
                    "grant": p.grant.as_ref().map(|g| g.as_str()), "line": p.line.as_ref().map(|l| l.as_str()),
                    "original_amount": p.original.as_ref().map(|(m, c)| fmt_in(info, *m, c)),
                    "original_currency": p.original.as_ref().map(|(_, c)| c.clone()),
                    "memo": p.memo,
                })).collect::<Vec<_>>(),
                "closing": match &e.header.kind {
                    EntryKind::Closing { year, start, form: ClosingForm::Restricted { restricted_account, unrestricted_account } } => json!({
                        "year": year, "start": format_date(*start),
                        "restricted_account": restricted_account.as_str(),
                        "unrestricted_account": unrestricted_account.as_str(),
                    }),
                    EntryKind::Closing { year, start, form: ClosingForm::Funds { surplus_account, deficit_account, dedicated_account } } => json!({
                        "year": year, "start": format_date(*start),
                        "surplus_account": surplus_account.as_str(),
                        "deficit_account": deficit_account.as_str(),
                        "dedicated_account": dedicated_account.as_str(),
                    }),
                    _ => serde_json::Value::Null,
                },
            });
            // Only the year-end entries that carry them have these keys.
            let year_end = match &e.header.kind {
                EntryKind::DedicatedFunds {
                    year,
                    start,
                    dedicated_account,
                    charge_account,
                    release_account,
                } => Some((
                    "dedicated_funds",
                    json!({
                        "year": year, "start": format_date(*start),
                        "dedicated_account": dedicated_account.as_str(),
                        "charge_account": charge_account.as_str(),
                        "release_account": release_account.as_str(),
                    }),
                )),
                EntryKind::Allocation { year, closing } => {
                    Some(("allocation", json!({ "year": year, "closing": closing })))
                }
                EntryKind::Depreciation { asset, start } => Some((
                    "depreciation",
                    json!({"asset": asset.as_str(), "start": format_date(*start)}),
                )),
                _ => None,
            };
            if let (Some((key, value)), Some(object)) = (year_end, entry.as_object_mut()) {
                object.insert(key.to_string(), value);
            }
            entry
        }
        Record::Officer(o) => json!({
            "id": o.id.as_str(), "name": o.name, "role": o.role.as_str(),
            "public_key": hex::encode(o.public_key),
        }),
        Record::Seal(seal) => json!({
            "period_end": seal.period_end.map(format_date),
            "covered": seal.covered,
            "head": hex::encode(seal.head),
            "merkle_root": hex::encode(seal.merkle_root),
            "previous_seq": seal.previous.map(|(s, _)| s),
            "previous_hash": seal.previous.map(|(_, h)| hex::encode(h)),
            "trial_balance": seal.trial_balance.iter().map(|(a, b)| json!({
                "account": a.as_str(), "balance": info.currency.format(*b),
            })).collect::<Vec<_>>(),
            "grants": seal.grants.iter().map(|g| json!({
                "grant": g.grant.as_str(), "received": info.currency.format(g.received),
                "spent": info.currency.format(g.spent),
            })).collect::<Vec<_>>(),
            "banks": seal.banks.iter().map(|b| json!({
                "account": b.account.as_str(), "balance": info.currency.format(b.balance),
                "statement": b.statement,
            })).collect::<Vec<_>>(),
        }),
        Record::Signature(sig) => json!({
            "seal": sig.seal, "officer": sig.officer.as_str(), "signature": hex::encode(sig.signature),
        }),
        Record::Receipt(r) => json!({
            "transaction": r.entry.0, "sha256": hex::encode(r.sha256), "file_name": r.file_name,
            "size": r.size,
        }),
        Record::Policy(p) => json!({ "quorum": p.quorum }),
        Record::Lock(l) => json!({ "through": format_date(l.through), "reason": l.reason }),
        Record::Reopen(r) => json!({ "year": r.year, "reason": r.reason }),
        Record::Revocation(v) => json!({ "officer": v.officer.as_str(), "reason": v.reason }),
        Record::GrantAmendment(a) => json!({
            "grant": a.grant.as_str(), "effective": format_date(a.effective),
            "amount": a.amount.map(|m| fmt_in(info, m, &currency_of(a.grant.as_str()))),
            "end": a.end.map(format_date), "reason": a.reason,
        }),
        Record::BudgetLineAmendment(b) => json!({
            "grant": b.grant.as_str(), "line": b.line.as_str(),
            "effective": format_date(b.effective),
            "amount": b.amount.map(|m| info.currency.format(m)),
            "withdrawn": b.withdrawn, "reason": b.reason,
        }),
        Record::FunderChange(c) => json!({
            "id": c.id.as_str(), "name": c.name, "reason": c.reason,
        }),
        Record::Source(s) => json!({
            "entry": s.entry.0, "posting": s.posting, "funder": s.funder.as_str(),
        }),
        Record::Rate(r) => currency::rate_content(r),
        Record::GrantTerms(t) => currency::terms_content(t),
        Record::VarianceNote(n) => json!({
            "grant": n.grant.as_str(), "line": n.line.as_str(),
            "through": format_date(n.through), "text": n.text,
        }),
        Record::VarianceThreshold(t) => json!({
            "grant": t.grant.as_str(), "percent": t.percent,
            "amount": info.currency.format(t.amount),
        }),
        Record::BankImport(_) | Record::BankAssignment(_) | Record::Reconciliation(_) => {
            bank::content(info, record)
        }
        Record::AccountChange(c) => json!({
            "code": c.code.as_str(), "effective": c.effective.map(format_date), "name": c.name,
            "retired": c.retired, "reason": c.reason,
        }),
        Record::Asset(a) => assets::content(a),
        Record::Setting(s) => json!({ "key": s.key, "value": s.value }),
        Record::FunderIdentifier(i) => json!({ "funder": i.funder.as_str(), "org_id": i.org_id }),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct BudgetLineStatus {
    pub line: String,
    pub label: String,
    pub account: Option<String>,
    /// In the ledger's currency; null for a budget in the grant's currency while no rate is
    /// known to convert it.
    pub budget: Option<String>,
    pub spent: String,
    pub remaining: Option<String>,
    pub overspent: bool,
    #[serde(flatten)]
    pub in_currency: currency::LineInCurrency,
    /// The first day the line takes no posting, once withdrawn; `budget` is the one in force.
    pub withdrawn: Option<String>,
    /// The line's amendments, in chain order.
    pub amendments: Vec<BudgetLineAmendmentLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BudgetLineAmendmentLine {
    /// The chain entry that recorded it.
    pub seq: i64,
    pub effective: String,
    /// The new budget in the ledger's currency, or null when unchanged.
    pub amount: Option<String>,
    pub withdrawn: bool,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GrantLine {
    pub id: String,
    pub funder: String,
    /// The agreed amount, in the grant's own currency.
    pub amount: String,
    pub currency: String,
    pub start: String,
    pub end: String,
    pub restricted: bool,
    pub purpose: Option<String>,
    /// Received and spent so far, in the ledger's currency.
    pub received: String,
    pub spent: String,
    /// Spent past the amount in force (a grant in the ledger's currency; `false` for a grant
    /// in another, whose amount is not in the same unit as `spent`).
    pub overspent: bool,
    /// Received past the amount agreed (in force), under the same condition.
    pub over_received: bool,
    #[serde(flatten)]
    pub in_currency: currency::GrantInCurrency,
    pub lines: Vec<BudgetLineStatus>,
    /// The grant's amendments in chain order; `amount` and `end` above are those in force.
    pub amendments: Vec<GrantAmendmentLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GrantAmendmentLine {
    /// The chain entry that recorded it.
    pub seq: i64,
    pub effective: String,
    /// The new amount in the grant's currency, or null when unchanged.
    pub amount: Option<String>,
    /// The new last day, or null when unchanged.
    pub end: Option<String>,
    pub reason: String,
}

/// `amana grant list`: each grant and its budget lines, budgeted against spent.
#[derive(Debug, Clone, Serialize)]
pub struct GrantsReport {
    pub currency: String,
    pub grants: Vec<GrantLine>,
    pub provenance: Provenance,
}

pub fn grants(
    store: &Store,
    info: &LedgerInfo,
    only: Option<&str>,
) -> Result<GrantsReport, StoreError> {
    let fmt = |m: Minor| info.currency.format(m);
    let all_terms = store.grant_terms()?;
    let line = |g: &crate::store::GrantRow,
                l: &BudgetLineRow,
                conv: currency::Conversion,
                in_grant: bool|
     -> Result<BudgetLineStatus, StoreError> {
        let (budget, remaining, overspent, in_currency) =
            currency::line_figures(info, g, l, conv, in_grant)?;
        Ok(BudgetLineStatus {
            line: l.line.clone(),
            label: l.label.clone(),
            account: l.account.clone(),
            budget: budget.map(fmt),
            spent: fmt(l.spent),
            remaining: remaining.map(fmt),
            overspent,
            in_currency,
            withdrawn: l.withdrawn.clone(),
            amendments: l
                .amendments
                .iter()
                .map(|a| BudgetLineAmendmentLine {
                    seq: a.seq,
                    effective: a.effective.clone(),
                    amount: a.amount.map(fmt),
                    withdrawn: a.withdrawn,
                    reason: a.reason.clone(),
                })
                .collect(),
        })
    };
    let mut grants = vec![];
    for g in store.grants(only)? {
        let same_unit = g.currency == info.currency.code;
        let terms = all_terms.iter().find(|t| t.grant.as_str() == g.id);
        let conv = currency::Conversion::of(store, info, &g, terms)?;
        let in_grant = terms.is_some_and(|t| t.budget_currency == BudgetCurrency::Grant);
        grants.push(GrantLine {
            overspent: same_unit && g.spent > g.amount,
            over_received: same_unit && g.received > g.amount,
            amount: fmt_in(info, g.amount, &g.currency),
            in_currency: currency::grant_figures(info, &g, conv, terms)?,
            lines: g
                .lines
                .iter()
                .map(|l| line(&g, l, conv, in_grant))
                .collect::<Result<_, _>>()?,
            amendments: g
                .amendments
                .iter()
                .map(|a| GrantAmendmentLine {
                    seq: a.seq,
                    effective: a.effective.clone(),
                    amount: a.amount.map(|m| fmt_in(info, m, &g.currency)),
                    end: a.end.clone(),
                    reason: a.reason.clone(),
                })
                .collect(),
            id: g.id,
            funder: g.funder,
            currency: g.currency,
            start: g.start,
            end: g.end,
            restricted: g.restricted,
            purpose: g.purpose,
            received: fmt(g.received),
            spent: fmt(g.spent),
        });
    }
    Ok(GrantsReport {
        currency: info.currency.code.clone(),
        grants,
        provenance: provenance(store, info)?,
    })
}
