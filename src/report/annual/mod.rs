//! The annual report for the general assembly (`amana report annual --year Y`): the statement
//! of activities and the statement of financial position with the previous year beside them,
//! where the income came from (each funder and each kind of funder), how concentrated it is,
//! what was spent by nature and by grant, the grants, the allocation of the result, and the
//! governance of the books (seals and their signers, reversals, officers, verification).
//!
//! This module builds the model (what `--format json` prints) from the store's aggregates
//! (`store::annual`), with exact arithmetic; `body.rs` lays it out in a language.
//!
//! **Which figures.** A year's income and expense are those of `balance --from --to
//! --before-closing` for the fiscal year: every entry dated in it except the closings, so a
//! closed year reads as it did before its closing (the carries to and from dedicated funds and
//! the depreciations are income and expense of the year, as the plan comptable associatif has
//! them). `income_total` is the net credit of income accounts (positive when money came in),
//! `expense_total` the net debit of expense accounts, `result` their difference (positive: a
//! surplus). The statement of financial position is `balance --as-of` the year's last day.
//!
//! **Funding and its concentration.** `funding` splits `income_total` exactly: one line per
//! funder (a posting's grant's funder, else the funder its `source` names: members' dues and
//! individual gifts), and one line with `funder` null and `type` `"unattributed"` for the income
//! no funder is named for (sales, interest, releases of dedicated funds of a grant charged to no
//! funder...). Each `share` is the line's amount over the sum of the lines' positive amounts
//! (a line whose net is negative, a refund larger than the year's income from that funder, has
//! share 0), so the shares of a normal year sum to 1; the unattributed line **is** in the shares
//! and in the concentration index: it counts as one source, which never understates the
//! concentration (naming the sources of that income can only lower it). `hhi` (Herfindahl–
//! Hirschman) is the sum of the squares of the exact shares, then rounded; shares, `hhi` and
//! every ratio are decimal strings of [`RATIO_DECIMALS`] places, rounded half away from zero
//! (`MidpointAwayFromZero`). So `hhi` is within rounding of the sum of the squared printed
//! shares, and equals 1 when a single source gave everything.

mod arith;
mod body;

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};

pub use arith::{Overflow, hhi, ratio_text, shares};
use arith::{Result, neg, overlaps, ratio, sub, sum};
use serde::Serialize;

use crate::domain::{Currency, Minor};
use crate::store::annual::{
    OfficerRow, ResultRow, ReversalRow, YearAccountRow, YearFundingRow, YearGrantRow,
};

/// The places of every share, index and ratio of the report.
pub const RATIO_DECIMALS: u32 = 4;

/// The `type` of the funding line of income no funder is named for.
pub const UNATTRIBUTED: &str = "unattributed";

/// The annual report: see the module's documentation for what each figure is.
#[derive(Debug, Clone, Serialize)]
pub struct AnnualReport {
    pub year: i32,
    /// The fiscal year's first and last day.
    pub from: String,
    pub to: String,
    pub previous_year: i32,
    pub currency: String,
    /// A year closing of the year is recorded.
    pub closed: bool,
    pub income_total: String,
    pub expense_total: String,
    pub result: String,
    /// The same three figures for the previous fiscal year.
    pub previous: YearTotals,
    /// The statement of activities: every income and expense account with a movement in
    /// either year, its amount positive (income received, expense spent).
    pub activities: Vec<StatementLine>,
    pub position: Position,
    pub funding: Vec<FundingLine>,
    pub funding_by_type: Vec<FundingTypeLine>,
    pub hhi: String,
    /// The funder with the largest share (the unattributed line is not a funder).
    pub largest_funder: Option<LargestFunder>,
    /// The association's free reserve at the year's end: its net assets other than the
    /// restricted ones, with the result not closed yet.
    pub unrestricted_net_assets: String,
    /// `expense_total` / 12.
    pub average_monthly_expense: String,
    /// `unrestricted_net_assets` / `average_monthly_expense`, one decimal; null when the year
    /// spent nothing.
    pub months_of_reserve: Option<String>,
    /// Expense accounts grouped by class (the chart's 3-digit heading, else the 2-digit one).
    pub expenses_by_nature: Vec<NatureGroup>,
    /// The year's expense charged to each grant, and (`grant` null) to none: they sum to
    /// `expense_total`.
    pub expenses_by_grant: Vec<GrantExpense>,
    /// Grants active in the year (their period meets it) or with a movement in it.
    pub grants: Vec<GrantLine>,
    /// Pledged against received over the grants in the ledger's currency active in the year.
    pub pledged: Pledged,
    /// The results of the year's closings and what the general assembly decided of them.
    pub allocation: Vec<Allocation>,
    pub governance: Governance,
    /// Accounts' names in Arabic (the chart's labels), for the Arabic document; the model
    /// keeps the names in force.
    #[serde(skip)]
    pub arabic_names: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearTotals {
    pub income_total: String,
    pub expense_total: String,
    pub result: String,
}

/// One account of a statement, with the year's figure and the previous year's.
#[derive(Debug, Clone, Serialize)]
pub struct StatementLine {
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub amount: String,
    pub previous: String,
}

/// The statement of financial position at both years' ends. Assets are debit balances;
/// liabilities and net assets credit balances, shown positive.
#[derive(Debug, Clone, Serialize)]
pub struct Position {
    pub assets: Vec<StatementLine>,
    pub liabilities: Vec<StatementLine>,
    pub net_assets: Vec<StatementLine>,
    /// The result of income and expense not closed yet at the year's end (the year's own
    /// when it is not closed), positive for a surplus.
    pub result_not_closed: Pair,
    pub total_assets: Pair,
    pub total_liabilities: Pair,
    /// Net assets with the result not closed.
    pub total_net_assets: Pair,
}

/// A figure at the year's end and at the previous year's.
#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    pub amount: String,
    pub previous: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FundingLine {
    /// The funder's id; null for the income no funder is named for.
    pub funder: Option<String>,
    pub name: Option<String>,
    /// The funder's type, or `"unattributed"`.
    #[serde(rename = "type")]
    pub kind: String,
    pub amount: String,
    pub share: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FundingTypeLine {
    #[serde(rename = "type")]
    pub kind: String,
    pub funders: usize,
    pub amount: String,
    pub share: String,
    /// The same type's income of the previous year.
    pub previous: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LargestFunder {
    pub funder: String,
    pub name: String,
    pub share: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NatureGroup {
    pub class: String,
    pub name: String,
    pub amount: String,
    pub previous: String,
    pub accounts: Vec<StatementLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GrantExpense {
    pub grant: Option<String>,
    pub amount: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GrantLine {
    pub grant: String,
    pub funder: String,
    pub funder_name: String,
    pub start: String,
    pub end: String,
    pub restricted: bool,
    /// The agreement's amount in force, in the grant's currency.
    pub pledged: String,
    pub currency: String,
    /// The sum of its budget lines in force (ledger currency).
    pub budget: String,
    /// `grant list`'s received and spent (ledger currency), in the year and up to its end.
    pub received_year: String,
    pub spent_year: String,
    pub received: String,
    pub spent: String,
    /// `spent` / `budget`, a ratio ([`RATIO_DECIMALS`] places); null without a budget.
    pub executed: Option<String>,
    /// What the dedicated funds hold for it after the year's end entries.
    pub dedicated_funds: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pledged {
    pub grants: usize,
    pub pledged: String,
    pub received: String,
    pub received_year: String,
    /// `received` / `pledged`; null when nothing was pledged.
    pub ratio: Option<String>,
    /// Grants active in the year in another currency, left out of these sums.
    pub other_currency: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Allocation {
    /// The year closing's sequence number and date.
    pub closing: i64,
    pub date: String,
    pub account: String,
    /// Positive: a surplus.
    pub result: String,
    /// `decided` (an allocation is recorded) or `proposed` (the result awaits the assembly).
    pub status: String,
    pub decided_on: Option<String>,
    pub parts: Vec<AllocationPart>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AllocationPart {
    pub account: String,
    /// Positive: the part of the result (surplus or deficit) this account takes.
    pub amount: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Governance {
    pub verified: bool,
    pub problems: usize,
    pub entries: i64,
    pub head: String,
    /// Seals whose period ends in the year, or which were recorded in it.
    pub seals: Vec<SealLine>,
    pub reversals_count: usize,
    pub reversals: Vec<ReversalLine>,
    pub officers: Vec<OfficerLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SealLine {
    pub seq: i64,
    /// The day it was recorded (UTC).
    pub recorded: String,
    pub period_end: Option<String>,
    pub covered: i64,
    pub fingerprint: String,
    pub signed_by: Vec<String>,
    /// Its content recomputes and every signature verifies.
    pub valid: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReversalLine {
    pub entry: i64,
    pub date: String,
    pub reverses: i64,
    pub description: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OfficerLine {
    pub id: String,
    pub name: String,
    pub role: String,
}

/// Everything the report is made of, read from the store and from `verify`.
pub struct AnnualInput {
    pub year: i32,
    pub from: String,
    pub to: String,
    pub currency: Currency,
    /// The ledger's currency table (a grant's own currency is one of them).
    pub currencies: Vec<Currency>,
    pub accounts: Vec<YearAccountRow>,
    /// Every account of the chart: (code, name), for the headings of the expense classes.
    pub chart: Vec<(String, String)>,
    /// Accounts' names in Arabic: (code, name).
    pub arabic_names: Vec<(String, String)>,
    pub restricted_accounts: Vec<String>,
    pub funding: Vec<YearFundingRow>,
    /// Every funder: (id, name, type).
    pub funders: Vec<(String, String, String)>,
    pub grants: Vec<YearGrantRow>,
    pub results: Vec<ResultRow>,
    pub governance: Governance,
}

impl AnnualReport {
    /// Builds the report from what the store and `verify` read (pure, exact arithmetic).
    pub fn build(input: AnnualInput) -> Result<AnnualReport> {
        let c = &input.currency;
        let fmt = |m: Minor| c.format(m);
        let pair = |a: Minor, b: Minor| Pair {
            amount: c.format(a),
            previous: c.format(b),
        };
        let accounts = &input.accounts;
        let of_type = |t: &'static str| accounts.iter().filter(move |a| a.kind == t);

        // The statement of activities, and its totals.
        let income = sum("income", of_type("income").map(|a| a.year))?;
        let expense = sum("expense", of_type("expense").map(|a| a.year))?;
        let prev_income = sum("income", of_type("income").map(|a| a.previous_year))?;
        let prev_expense = sum("expense", of_type("expense").map(|a| a.previous_year))?;
        let income_total = neg("income", income)?;
        let prev_income_total = neg("income", prev_income)?;
        let result = sub("result", income_total, expense)?;
        let prev_result = sub("result", prev_income_total, prev_expense)?;
        let mut activities = vec![];
        for kind in ["income", "expense"] {
            for a in of_type(kind).filter(|a| a.year.0 != 0 || a.previous_year.0 != 0) {
                let (y, p) = if kind == "income" {
                    (neg("income", a.year)?, neg("income", a.previous_year)?)
                } else {
                    (a.year, a.previous_year)
                };
                activities.push(StatementLine {
                    code: a.code.clone(),
                    name: a.name.clone(),
                    kind: kind.into(),
                    amount: fmt(y),
                    previous: fmt(p),
                });
            }
        }

        // The statement of financial position.
        let position_lines =
            |kind: &'static str, credit: bool| -> Result<(Vec<StatementLine>, Minor, Minor)> {
                let mut lines = vec![];
                let (mut t, mut tp) = (Minor::ZERO, Minor::ZERO);
                for a in of_type(kind).filter(|a| a.end.0 != 0 || a.previous_end.0 != 0) {
                    let (e, p) = if credit {
                        (neg("position", a.end)?, neg("position", a.previous_end)?)
                    } else {
                        (a.end, a.previous_end)
                    };
                    t = sum("position", [t, e])?;
                    tp = sum("position", [tp, p])?;
                    lines.push(StatementLine {
                        code: a.code.clone(),
                        name: a.name.clone(),
                        kind: kind.into(),
                        amount: fmt(e),
                        previous: fmt(p),
                    });
                }
                Ok((lines, t, tp))
            };
        let (assets, ta, tap) = position_lines("asset", false)?;
        let (liabilities, tl, tlp) = position_lines("liability", true)?;
        let (net_assets, tn, tnp) = position_lines("net-assets", true)?;
        let open_result = |prev: bool| -> Result<Minor> {
            let all = input
                .accounts
                .iter()
                .filter(|a| a.kind == "income" || a.kind == "expense")
                .map(|a| if prev { a.previous_end } else { a.end });
            neg("result not closed", sum("result not closed", all)?)
        };
        let (open, open_prev) = (open_result(false)?, open_result(true)?);
        let restricted = sum(
            "restricted net assets",
            of_type("net-assets")
                .filter(|a| input.restricted_accounts.contains(&a.code))
                .map(|a| a.end),
        )?;
        let unrestricted = sub(
            "unrestricted net assets",
            sum("net assets", [tn, open])?,
            neg("restricted net assets", restricted)?,
        )?;
        let position = Position {
            assets,
            liabilities,
            net_assets,
            result_not_closed: pair(open, open_prev),
            total_assets: pair(ta, tap),
            total_liabilities: pair(tl, tlp),
            total_net_assets: pair(
                sum("net assets", [tn, open])?,
                sum("net assets", [tnp, open_prev])?,
            ),
        };

        // Months of reserve: exact, rounded once, at the edge.
        let monthly = Decimal::from(expense.0) / Decimal::from(12);
        let scale = Decimal::from(10_i64.pow(u32::from(c.exponent)));
        let monthly_text = {
            let m = (monthly / scale).round_dp_with_strategy(
                u32::from(c.exponent),
                RoundingStrategy::MidpointAwayFromZero,
            );
            format!("{m:.prec$}", prec = usize::from(c.exponent))
        };
        let months = (expense.0 > 0).then(|| {
            let m = Decimal::from(unrestricted.0) * Decimal::from(12) / Decimal::from(expense.0);
            let m = m.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
            format!("{m:.1}")
        });

        // Funding, and its concentration.
        let funders: BTreeMap<&str, (&str, &str)> = input
            .funders
            .iter()
            .map(|(id, name, kind)| (id.as_str(), (name.as_str(), kind.as_str())))
            .collect();
        let mut lines: Vec<&YearFundingRow> =
            input.funding.iter().filter(|f| f.year.0 != 0).collect();
        lines.sort_by(|a, b| {
            (a.funder.is_none(), std::cmp::Reverse(a.year), &a.funder).cmp(&(
                b.funder.is_none(),
                std::cmp::Reverse(b.year),
                &b.funder,
            ))
        });
        let exact = shares(&lines.iter().map(|f| f.year).collect::<Vec<_>>());
        let kind_of = |f: &YearFundingRow| -> String {
            match &f.funder {
                Some(id) => funders
                    .get(id.as_str())
                    .map_or("unknown", |x| x.1)
                    .to_string(),
                None => UNATTRIBUTED.to_string(),
            }
        };
        let funding: Vec<FundingLine> = lines
            .iter()
            .zip(&exact)
            .map(|(f, s)| FundingLine {
                funder: f.funder.clone(),
                name: f
                    .funder
                    .as_deref()
                    .and_then(|id| funders.get(id))
                    .map(|x| x.0.to_string()),
                kind: kind_of(f),
                amount: fmt(f.year),
                share: ratio_text(*s),
            })
            .collect();
        let largest_funder = lines
            .iter()
            .zip(&exact)
            .filter(|(f, _)| f.funder.is_some())
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.funder.cmp(&a.0.funder)))
            .map(|(f, s)| {
                let id = f.funder.clone().unwrap_or_default();
                LargestFunder {
                    name: funders
                        .get(id.as_str())
                        .map_or(String::new(), |x| x.0.to_string()),
                    funder: id,
                    share: ratio_text(*s),
                }
            });
        let order = |kind: &str| {
            crate::domain::FunderType::ALL
                .iter()
                .position(|t| t.as_str() == kind)
                .unwrap_or(crate::domain::FunderType::ALL.len())
        };
        let mut by_type: BTreeMap<(usize, String), (usize, Minor, Minor)> = BTreeMap::new();
        for f in input
            .funding
            .iter()
            .filter(|f| f.year.0 != 0 || f.previous_year.0 != 0)
        {
            let kind = kind_of(f);
            let slot = by_type
                .entry((order(&kind), kind))
                .or_insert((0, Minor::ZERO, Minor::ZERO));
            if f.year.0 != 0 {
                slot.0 += 1;
            }
            slot.1 = sum("funding", [slot.1, f.year])?;
            slot.2 = sum("funding", [slot.2, f.previous_year])?;
        }
        let type_shares = shares(&by_type.values().map(|v| v.1).collect::<Vec<_>>());
        let funding_by_type = by_type
            .into_iter()
            .zip(type_shares)
            .map(|(((_, kind), (n, y, p)), s)| FundingTypeLine {
                funders: if kind == UNATTRIBUTED { 0 } else { n },
                kind,
                amount: fmt(y),
                share: ratio_text(s),
                previous: fmt(p),
            })
            .collect();

        // Expenses by nature: the chart's 3-digit heading, else its 2-digit one.
        let chart: BTreeMap<&str, &str> = input
            .chart
            .iter()
            .map(|(code, name)| (code.as_str(), name.as_str()))
            .collect();
        let class_of = |code: &str| -> String {
            let three: String = code.chars().take(3).collect();
            if code.len() > 3 && chart.contains_key(three.as_str()) {
                three
            } else {
                code.chars().take(2).collect()
            }
        };
        let mut nature: BTreeMap<String, (Minor, Minor, Vec<StatementLine>)> = BTreeMap::new();
        for a in of_type("expense").filter(|a| a.year.0 != 0 || a.previous_year.0 != 0) {
            let slot =
                nature
                    .entry(class_of(&a.code))
                    .or_insert((Minor::ZERO, Minor::ZERO, vec![]));
            slot.0 = sum("expense", [slot.0, a.year])?;
            slot.1 = sum("expense", [slot.1, a.previous_year])?;
            slot.2.push(StatementLine {
                code: a.code.clone(),
                name: a.name.clone(),
                kind: "expense".into(),
                amount: fmt(a.year),
                previous: fmt(a.previous_year),
            });
        }
        let expenses_by_nature = nature
            .into_iter()
            .map(|(class, (y, p, accounts))| NatureGroup {
                name: chart
                    .get(class.as_str())
                    .map_or(String::new(), |n| n.to_string()),
                class,
                amount: fmt(y),
                previous: fmt(p),
                accounts,
            })
            .collect();

        // Expenses by grant: each grant's, then what no grant carries.
        let mut expenses_by_grant = vec![];
        for g in input.grants.iter().filter(|g| g.expense_year.0 != 0) {
            expenses_by_grant.push(GrantExpense {
                grant: Some(g.id.clone()),
                amount: fmt(g.expense_year),
            });
        }
        let on_grants = sum("expense", input.grants.iter().map(|g| g.expense_year))?;
        expenses_by_grant.push(GrantExpense {
            grant: None,
            amount: fmt(sub("expense", expense, on_grants)?),
        });

        // Grants, and pledged against received.
        let (from, to) = (input.from.as_str(), input.to.as_str());
        let mut grants = vec![];
        let (mut pledged_sum, mut received_sum, mut received_year_sum) =
            (Minor::ZERO, Minor::ZERO, Minor::ZERO);
        let mut counted = 0;
        let mut other_currency = vec![];
        for g in &input.grants {
            let active = overlaps(&g.start, &g.end, from, to);
            let moved = g.received_year.0 != 0 || g.spent_year.0 != 0 || g.expense_year.0 != 0;
            if !active && !moved {
                continue;
            }
            let own = input
                .currencies
                .iter()
                .find(|x| x.code == g.currency)
                .unwrap_or(c);
            if active {
                if g.currency == c.code {
                    counted += 1;
                    pledged_sum = sum("pledged", [pledged_sum, g.amount])?;
                    received_sum = sum("received", [received_sum, g.received_to_date])?;
                    received_year_sum = sum("received", [received_year_sum, g.received_year])?;
                } else {
                    other_currency.push(g.id.clone());
                }
            }
            grants.push(GrantLine {
                grant: g.id.clone(),
                funder_name: funders
                    .get(g.funder.as_str())
                    .map_or(String::new(), |x| x.0.to_string()),
                funder: g.funder.clone(),
                start: g.start.clone(),
                end: g.end.clone(),
                restricted: g.restricted,
                pledged: own.format(g.amount),
                currency: g.currency.clone(),
                budget: fmt(g.budget),
                received_year: fmt(g.received_year),
                spent_year: fmt(g.spent_year),
                received: fmt(g.received_to_date),
                spent: fmt(g.spent_to_date),
                executed: ratio(g.spent_to_date, g.budget).map(ratio_text),
                dedicated_funds: fmt(g.dedicated),
            });
        }
        let pledged = Pledged {
            grants: counted,
            pledged: fmt(pledged_sum),
            received: fmt(received_sum),
            received_year: fmt(received_year_sum),
            ratio: ratio(received_sum, pledged_sum).map(ratio_text),
            other_currency,
        };

        // The allocation of the result.
        let mut allocation = vec![];
        for r in &input.results {
            let parts = match &r.allocation {
                Some((_, parts)) => parts
                    .iter()
                    .map(|(account, m)| {
                        Ok(AllocationPart {
                            account: account.clone(),
                            amount: fmt(m.checked_abs().ok_or(Overflow { what: "allocation" })?),
                        })
                    })
                    .collect::<Result<Vec<_>>>()?,
                None => vec![],
            };
            allocation.push(Allocation {
                closing: r.closing_seq,
                date: r.closing_date.clone(),
                account: r.account.clone(),
                result: fmt(neg("result", r.amount)?),
                status: if r.allocation.is_some() {
                    "decided"
                } else {
                    "proposed"
                }
                .into(),
                decided_on: r.allocation.as_ref().map(|(d, _)| d.clone()),
                parts,
            });
        }

        Ok(AnnualReport {
            year: input.year,
            from: input.from.clone(),
            to: input.to.clone(),
            previous_year: input.year - 1,
            currency: c.code.clone(),
            closed: !input.results.is_empty(),
            income_total: fmt(income_total),
            expense_total: fmt(expense),
            result: fmt(result),
            previous: YearTotals {
                income_total: fmt(prev_income_total),
                expense_total: fmt(prev_expense),
                result: fmt(prev_result),
            },
            activities,
            position,
            hhi: ratio_text(hhi(&exact)),
            funding,
            funding_by_type,
            largest_funder,
            unrestricted_net_assets: fmt(unrestricted),
            average_monthly_expense: monthly_text,
            months_of_reserve: months,
            expenses_by_nature,
            expenses_by_grant,
            grants,
            pledged,
            allocation,
            governance: input.governance,
            arabic_names: input.arabic_names.into_iter().collect(),
        })
    }
}

/// The governance part's rows from the store, as the report lists them.
pub fn reversal_lines(rows: Vec<ReversalRow>) -> Vec<ReversalLine> {
    rows.into_iter()
        .map(|r| ReversalLine {
            entry: r.entry,
            date: r.date,
            reverses: r.reverses,
            description: r.description,
            reason: r.reason,
        })
        .collect()
}

pub fn officer_lines(rows: Vec<OfficerRow>) -> Vec<OfficerLine> {
    rows.into_iter()
        .map(|r| OfficerLine {
            id: r.id,
            name: r.name,
            role: r.role,
        })
        .collect()
}
