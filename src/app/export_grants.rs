//! `amana export iati` and `amana export 360giving`: the grants the association received, for
//! the open-data standards funders and the public read (IATI Activity Standard 2.03,
//! 360Giving 1.4.3). Read in one read transaction, built into the models of
//! [`crate::formats::iati`] and [`crate::formats::giving360`], written like the other exports
//! (never over an existing file unless `force`, never over a ledger, a receipt or a key).
//!
//! What each grant becomes, in IATI terms (one `iati-activity` per grant):
//! - the association is the reporting organisation and the implementing one (role 4), named
//!   by its `org-id` setting; the funder is the funding organisation (role 1), named by its
//!   `funder-identifier`. Without either the export is refused: nothing is written.
//! - budgets: the grant's amount in force, split over the fiscal years its period covers
//!   (each piece at most a year, as IATI's rule 7.5.3 wants), in proportion to the days of
//!   each, by largest remainder so the pieces sum exactly to the amount; type 1 (original), or
//!   2 (revised) once the amount was amended; status 2 (committed).
//! - transactions: one incoming commitment (11) for the agreement, dated the grant's start or
//!   the day it was recorded, whichever is earlier; one incoming funds (1) per journal entry
//!   that brought money to the grant (a reversal gives a negative one); one expenditure (4)
//!   per budget line and month (and one per month for spending charged to the grant without a
//!   line), dated the month's last day, or today for the month under way.
//! - values: in the grant's currency when every posting carries its amount in it (a grant in
//!   the books' currency always does), else in the books' currency; always with the currency
//!   and a value date. The sums are those `amana grant list` shows.
//! - dates: planned start and end are the grant's (a planned end may be in the future);
//!   actual start once it has begun, actual end once it has ended. A transaction dated after
//!   today is refused (IATI rule 11.2.1): the file never says money moved in the future.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::app::{Ledger, LedgerError, Refusal, Result, settings};
use crate::domain::{Currency, EntryId, FunderType, GrantId, LedgerInfo, Minor, Money};
use crate::files;
use crate::formats::giving360;
use crate::formats::iati::{
    self, Activity, Budget, IatiFile, IatiProblem, Org, Transaction, Value,
};
use crate::store::exports::GrantFlow;
use crate::store::{FunderRow, GrantRow};

/// The sector written when none is asked for: DAC 99810, "Sectors not specified": amana does
/// not know what a grant is for beyond its purpose text.
pub const DEFAULT_SECTOR: &str = "99810";

/// What to export.
#[derive(Debug, Clone)]
pub struct GrantsExportRequest {
    /// One grant, or every grant.
    pub grant: Option<GrantId>,
    /// The country of the activities (ISO 3166-1 alpha-2); by default the chart's (`MA` for
    /// the Moroccan chart), else that of the ledger's org-id registration agency.
    pub country: Option<String>,
    /// The DAC 5-digit sector (default [`DEFAULT_SECTOR`]).
    pub sector: Option<String>,
    /// The language of the names and texts the association typed (ISO 639-1): IATI's default
    /// language of the activity. By default the ledger's `language` setting, else `en`.
    pub lang: Option<String>,
    /// The report clock (`AMANA_NOW`, else now): nothing after its day is reported.
    pub now: DateTime<Utc>,
}

/// What an export wrote (or printed).
#[derive(Debug, Clone)]
pub struct GrantsExport {
    pub text: String,
    pub grants: usize,
    pub transactions: usize,
}

/// A grant with what the exports say of it, in the units of `currency`.
struct GrantFacts {
    row: GrantRow,
    currency: Currency,
    /// Whether transaction values are in the grant's currency (else the books').
    in_grant_currency: bool,
    funder: Org,
    award: NaiveDate,
    /// Money received, one per journal entry: (entry, date, amount, description).
    received: Vec<(EntryId, NaiveDate, Minor, String)>,
    /// Spending per (line, month): (line, label, last day, amount).
    spent: Vec<(Option<String>, Option<String>, NaiveDate, Minor)>,
}

fn funder_kind(kind: &str) -> &'static str {
    // IATI OrganisationType: 10 government, 11 local government, 60 foundation, 70 private
    // sector, 90 other. amana's types say public or private and local or foreign; a foreign
    // public donor may be a multilateral (40), which amana cannot tell: 10 is the nearest.
    match kind.parse::<FunderType>() {
        Ok(FunderType::PublicLocal) => "11",
        Ok(FunderType::PublicNational) | Ok(FunderType::ForeignPublic) => "10",
        Ok(FunderType::ForeignPrivate) => "60",
        Ok(FunderType::Private) => "70",
        _ => "90",
    }
}

/// The association: a civil-society organisation of the country it works in (IATI 24,
/// "partner country based NGO").
const ASSOCIATION_KIND: &str = "24";

fn refused(p: IatiProblem) -> LedgerError {
    match p {
        IatiProblem::NotInList { what, code, list } => {
            Refusal::ExportCodeNotInList { what, code, list }.into()
        }
        IatiProblem::InFuture {
            activity,
            reference,
            date,
        } => Refusal::ExportRuleBroken {
            what: format!(
                "activity {activity}: transaction {reference} dated {date}, in the future"
            ),
        }
        .into(),
        IatiProblem::Invalid { activity, what } => Refusal::ExportRuleBroken {
            what: format!("activity {activity}: {what}"),
        }
        .into(),
    }
}

fn last_day_of_month(d: NaiveDate) -> NaiveDate {
    let first = d.with_day(1).expect("day 1 exists");
    first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

impl Ledger {
    /// `amana export iati`: the grants as an IATI 2.03 activity file.
    pub fn export_iati(
        &self,
        req: &GrantsExportRequest,
        out: Option<&Path>,
        force: bool,
    ) -> Result<GrantsExport> {
        if let Some(path) = out {
            files::check_output(path, force)?;
        }
        let store = self.store();
        store.begin_read()?;
        let built = self.iati_file(req);
        store.end_read()?;
        let (file, transactions) = built?;
        let bytes = iati::write(&file).map_err(refused)?;
        if let Some(path) = out {
            files::write_new(path, &bytes, force)?;
        }
        Ok(GrantsExport {
            text: String::from_utf8(bytes).expect("the writer writes UTF-8"),
            grants: file.activities.len(),
            transactions,
        })
    }

    /// `amana export 360giving`: the grants received as a 360Giving 1.4 package.
    pub fn export_360giving(
        &self,
        req: &GrantsExportRequest,
        out: Option<&Path>,
        force: bool,
    ) -> Result<GrantsExport> {
        if let Some(path) = out {
            files::check_output(path, force)?;
        }
        let store = self.store();
        store.begin_read()?;
        let built = self.giving_grants(req);
        store.end_read()?;
        let grants = built?;
        let text = giving360::package(&grants);
        if let Some(path) = out {
            files::write_new(path, text.as_bytes(), force)?;
        }
        Ok(GrantsExport {
            grants: grants.len(),
            transactions: grants.iter().map(|g| g.disbursements.len()).sum(),
            text,
        })
    }

    /// The association as an organisation: its org-id, which it must have.
    fn association(&self, info: &LedgerInfo) -> Result<Org> {
        let id = settings::org_id(self)?.ok_or(Refusal::ExportOrgIdMissing)?;
        Ok(Org {
            id,
            kind: ASSOCIATION_KIND,
            name: info.name.clone(),
        })
    }

    /// Every grant asked for, with its funder, money received and spent.
    fn grant_facts(&self, req: &GrantsExportRequest, info: &LedgerInfo) -> Result<Vec<GrantFacts>> {
        let store = self.store();
        let today = req.now.date_naive();
        let rows = store.grants(req.grant.as_ref().map(|g| g.as_str()))?;
        if rows.is_empty() {
            return Err(match &req.grant {
                Some(grant) => Refusal::GrantNotFound {
                    grant: grant.clone(),
                },
                None => Refusal::ExportNoGrant,
            }
            .into());
        }
        let funders: BTreeMap<String, FunderRow> = store
            .funders()?
            .into_iter()
            .map(|f| (f.id.clone(), f))
            .collect();
        let mut out = vec![];
        for row in rows {
            let grant = GrantId::parse(&row.id)?;
            let f = funders.get(&row.funder);
            let funder = match f.and_then(|f| f.org_id.clone()) {
                Some(id) => Org {
                    id,
                    kind: funder_kind(&f.expect("found").kind),
                    name: f.expect("found").name.clone(),
                },
                None => {
                    return Err(Refusal::ExportFunderOrgIdMissing {
                        funder: crate::domain::FunderId::parse(&row.funder)?,
                        grant,
                    }
                    .into());
                }
            };
            let currency = info
                .currency(&row.currency)
                .cloned()
                .ok_or_else(|| crate::domain::DomainError::UnknownCurrency(row.currency.clone()))?;
            let in_grant_currency = row.currency == info.currency.code
                || !(row.received_missing_original || row.spent_missing_original);
            let flows = store.grant_flows(&row.id)?;
            if let Some(late) = flows.iter().find(|f| f.date > today) {
                return Err(Refusal::ExportDatedInFuture {
                    grant,
                    id: late.entry,
                    date: late.date,
                    today,
                }
                .into());
            }
            let amount_of = |f: &GrantFlow| -> Minor {
                match (
                    &f.original,
                    in_grant_currency && row.currency != info.currency.code,
                ) {
                    (Some((m, c)), true) if *c == row.currency => *m,
                    _ => f.amount,
                }
            };
            let overflow = || crate::domain::DomainError::Overflow;
            let mut received: Vec<(EntryId, NaiveDate, Minor, String)> = vec![];
            let mut spent: BTreeMap<(Option<String>, NaiveDate), Minor> = BTreeMap::new();
            for f in &flows {
                let amount = amount_of(f);
                if f.income {
                    let credit = amount.checked_neg().ok_or_else(overflow)?;
                    match received.last_mut() {
                        Some(last) if last.0 == f.entry => {
                            last.2 = last.2.checked_add(credit).ok_or_else(overflow)?;
                        }
                        _ => {
                            let what = match &f.reason {
                                Some(reason) => format!("Reversal: {} ({reason})", f.description),
                                None => f.description.clone(),
                            };
                            received.push((f.entry, f.date, credit, what));
                        }
                    }
                } else {
                    let key = (f.line.clone(), last_day_of_month(f.date).min(today));
                    let slot = spent.entry(key).or_insert(Minor::ZERO);
                    *slot = slot.checked_add(amount).ok_or_else(overflow)?;
                }
            }
            let labels: BTreeMap<&str, &str> = row
                .lines
                .iter()
                .map(|l| (l.line.as_str(), l.label.as_str()))
                .collect();
            let spent = spent
                .into_iter()
                .map(|((line, day), amount)| {
                    let label = line
                        .as_deref()
                        .and_then(|l| labels.get(l))
                        .map(|l| l.to_string());
                    (line, label, day, amount)
                })
                .collect();
            let start = crate::domain::parse_date(&row.start)?;
            let recorded = store
                .grant_recorded_at(&row.id)?
                .and_then(DateTime::from_timestamp_micros)
                .map(|t| t.date_naive())
                .unwrap_or(start);
            out.push(GrantFacts {
                award: start.min(recorded).min(today),
                currency,
                in_grant_currency,
                funder,
                received,
                spent,
                row,
            });
        }
        Ok(out)
    }

    fn iati_file(&self, req: &GrantsExportRequest) -> Result<(IatiFile, usize)> {
        let info = self.info()?;
        let association = self.association(&info)?;
        let today = req.now.date_naive();
        let generated = req.now.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let lang = match &req.lang {
            Some(lang) => lang.trim().to_string(),
            None => settings::report_language(self)
                .map(|l| l.code().to_string())
                .unwrap_or_else(|| "en".to_string()),
        };
        let country = match &req.country {
            Some(c) => c.trim().to_string(),
            None => match info.chart.as_str() {
                "ma-associations" => "MA".to_string(),
                _ => {
                    let agency = association.id.get(..2).unwrap_or("");
                    if iati::codelists::Codelist::Country.has(agency) {
                        agency.to_string()
                    } else {
                        return Err(Refusal::ExportCountryUnknown {
                            org_id: association.id.clone(),
                        }
                        .into());
                    }
                }
            },
        };
        let sector = req
            .sector
            .as_deref()
            .map(str::trim)
            .unwrap_or(DEFAULT_SECTOR)
            .to_string();
        let mut activities = vec![];
        let mut count = 0;
        for g in self.grant_facts(req, &info)? {
            let row = &g.row;
            let (start, end) = (
                crate::domain::parse_date(&row.start)?,
                crate::domain::parse_date(&row.end)?,
            );
            let grant_money = |m: Minor| g.currency.format(m);
            let value_currency = if g.in_grant_currency {
                &g.currency
            } else {
                &info.currency
            };
            let value = |amount: Minor, date: NaiveDate| Value {
                amount: value_currency.format(amount),
                currency: value_currency.code.clone(),
                date,
            };
            // Budgets: the amount over the fiscal years of the period, by days.
            let mut pieces = vec![];
            let (first, last) = (
                info.fiscal_start.year_of(start),
                info.fiscal_start.year_of(end),
            );
            for year in first..=last {
                if let Some((ys, ye)) = info.fiscal_start.year_bounds(year) {
                    let (s, e) = (ys.max(start), ye.min(end));
                    if s <= e {
                        pieces.push((s, e, (e - s).num_days() as u64 + 1));
                    }
                }
            }
            let weights: Vec<u64> = pieces.iter().map(|p| p.2).collect();
            let parts = Money::new(row.amount, g.currency.clone())
                .allocate(&weights)
                .map_err(|_| crate::domain::DomainError::Overflow)?;
            let revised = row.amendments.iter().any(|a| a.amount.is_some());
            let budgets = pieces
                .iter()
                .zip(parts)
                .map(|((s, e, _), part)| Budget {
                    start: *s,
                    end: *e,
                    kind: if revised { "2" } else { "1" },
                    value: Value {
                        amount: grant_money(part.amount()),
                        currency: g.currency.code.clone(),
                        date: *s,
                    },
                })
                .collect();
            let mut transactions = vec![Transaction {
                kind: "11",
                reference: format!("{}/agreement", row.id),
                date: g.award,
                value: Value {
                    amount: grant_money(row.amount),
                    currency: g.currency.code.clone(),
                    date: g.award,
                },
                description: format!(
                    "Grant agreement {}: {} {} from {} to {}",
                    row.id,
                    grant_money(row.amount),
                    g.currency.code,
                    row.start,
                    row.end
                ),
                provider: Some(g.funder.clone()),
                receiver: Some(association.clone()),
            }];
            for (entry, date, amount, what) in &g.received {
                transactions.push(Transaction {
                    kind: "1",
                    reference: format!("amana-{}", entry.0),
                    date: *date,
                    value: value(*amount, *date),
                    description: format!("Received (transaction {}): {what}", entry.0),
                    provider: Some(g.funder.clone()),
                    receiver: Some(association.clone()),
                });
            }
            for (line, label, day, amount) in &g.spent {
                let month = day.format("%Y-%m");
                let (reference, description) = match (line, label) {
                    (Some(line), label) => (
                        format!("{}/{line}/{month}", row.id),
                        format!(
                            "Spent on budget line {line}{} in {month}",
                            label
                                .as_ref()
                                .map(|l| format!(" ({l})"))
                                .unwrap_or_default()
                        ),
                    ),
                    (None, _) => (
                        format!("{}/no-line/{month}", row.id),
                        format!("Spent on the grant outside its budget lines in {month}"),
                    ),
                };
                transactions.push(Transaction {
                    kind: "4",
                    reference,
                    date: *day,
                    value: value(*amount, *day),
                    description,
                    provider: None,
                    receiver: None,
                });
            }
            count += transactions.len();
            let mut dates = vec![("1", start), ("3", end)];
            if start <= today {
                dates.push(("2", start));
            }
            if end < today {
                dates.push(("4", end));
            }
            dates.sort_by_key(|(k, _)| *k);
            activities.push(Activity {
                identifier: format!("{}-{}", association.id, row.id),
                lang: lang.clone(),
                default_currency: g.currency.code.clone(),
                reporting: association.clone(),
                title: row
                    .purpose
                    .clone()
                    .unwrap_or_else(|| format!("Grant {}", row.id)),
                description: format!(
                    "Grant {} of {} to {}, from {} to {}: {} {} agreed.",
                    row.id,
                    g.funder.name,
                    association.name,
                    row.start,
                    row.end,
                    grant_money(row.amount),
                    g.currency.code
                ),
                funder: g.funder,
                status: if today < start {
                    "1"
                } else if today <= end {
                    "2"
                } else {
                    "3"
                },
                dates,
                country: country.clone(),
                sector: sector.clone(),
                budgets,
                transactions,
            });
        }
        Ok((
            IatiFile {
                generated,
                today,
                activities,
            },
            count,
        ))
    }

    fn giving_grants(&self, req: &GrantsExportRequest) -> Result<Vec<giving360::Grant>> {
        let info = self.info()?;
        let association = self.association(&info)?;
        crate::app::org_id::check_agency(&association.id)?;
        let modified = req.now.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let recipient = giving360::Organisation {
            id: association.id.clone(),
            name: association.name.clone(),
        };
        let mut out = vec![];
        for g in self.grant_facts(req, &info)? {
            let row = &g.row;
            crate::app::org_id::check_agency(&g.funder.id)?;
            // In the grant's currency only: 360Giving gives a grant one currency.
            let in_currency = g.in_grant_currency;
            let disbursements = if in_currency {
                g.received
                    .iter()
                    .map(|(entry, date, amount, _)| {
                        (
                            format!("amana-{}", entry.0),
                            *date,
                            g.currency.format(*amount),
                        )
                    })
                    .collect()
            } else {
                vec![]
            };
            let disbursed = crate::domain::checked_sum(g.received.iter().map(|r| r.2))
                .ok_or(crate::domain::DomainError::Overflow)?;
            out.push(giving360::Grant {
                id: format!("{}-{}", association.id, row.id),
                title: row
                    .purpose
                    .clone()
                    .unwrap_or_else(|| format!("Grant {}", row.id)),
                description: format!(
                    "Grant {} of {} to {}, from {} to {}.",
                    row.id, g.funder.name, association.name, row.start, row.end
                ),
                currency: g.currency.code.clone(),
                amount_awarded: g.currency.format(row.amount),
                amount_disbursed: in_currency.then(|| g.currency.format(disbursed)),
                award_date: g.award,
                start: crate::domain::parse_date(&row.start)?,
                end: crate::domain::parse_date(&row.end)?,
                funder: giving360::Organisation {
                    id: g.funder.id.clone(),
                    name: g.funder.name.clone(),
                },
                recipient: recipient.clone(),
                disbursements,
                modified: modified.clone(),
            });
        }
        Ok(out)
    }
}
