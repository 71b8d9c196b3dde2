//! The Moroccan statements of a fiscal year (`report statements --year YYYY`): the Bilan, the
//! Compte de produits et charges (CPC) and the État des informations complémentaires (ETIC),
//! each with the year before beside it, on a ledger of the `ma-associations` chart.
//!
//! The figures come from one aggregate per year over the postings (`Store::statement_balances`):
//! every account's balance at the year's end and its movements in the year, the year's own
//! closing left out, so that the year reads the same before and after it is closed and its
//! result is the one `balance --before-closing` gives. Each account goes to one rubric of
//! [`rubrics::RUBRICS`]; the Bilan's result line is the CPC's result, and what income and
//! expense of earlier years no closing moved stands on a line of its own, so that the assets
//! always equal the liabilities and funds. The N-1 column is the N-1 statements' N column,
//! computed the same way.

mod bilan;
mod cpc;
mod etic;
pub mod rubrics;

use std::collections::BTreeMap;

use serde::Serialize;

pub use bilan::{Bilan, BilanGroup};
pub use cpc::{Cpc, CpcPartLine};
pub use etic::Etic;

use super::doc::{Column, Level, Section};
use super::i18n::{Arg, Catalogue, Lang};
use super::output::{Body, Report};
use crate::domain::{Currency, LedgerInfo, Minor, format_date};
use crate::store::{StatementRow, Store, StoreError};
use rubrics::{Place, RUBRICS, Role, Rubric};

/// `report statements --year YYYY`: the Bilan, the CPC and the ETIC of one fiscal year.
#[derive(Debug, Clone, Serialize)]
pub struct StatementsReport {
    pub year: i32,
    pub from: String,
    pub to: String,
    pub previous_year: i32,
    pub currency: String,
    pub chart: String,
    pub bilan: Bilan,
    pub cpc: Cpc,
    pub etic: Etic,
    /// Accounts no rubric takes (none, while every class has a rubric): shown as an error.
    pub unmapped: Vec<String>,
}

/// A rubric's three labels, as the mapping table has them.
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    pub fr: String,
    pub ar: String,
    pub en: String,
}

impl Labels {
    fn of(r: &Rubric) -> Labels {
        Labels {
            fr: r.fr.into(),
            ar: r.ar.into(),
            en: r.en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::Ar => &self.ar,
            Lang::En => &self.en,
        }
    }
}

/// One account in a rubric: what it adds to the rubric in N and N-1 (a depreciation account
/// of an asset rubric: its depreciation, positive).
#[derive(Debug, Clone, Serialize)]
pub struct AccountLine {
    pub code: String,
    pub name: String,
    /// `gross` or `depreciation`, for an asset rubric's accounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'static str>,
    pub n: String,
    pub n_1: String,
}

/// One rubric with its accounts and figures. An asset rubric also has its gross value and its
/// depreciation and impairment for N; `n` is then the net value.
#[derive(Debug, Clone, Serialize)]
pub struct RubricLine {
    pub code: String,
    /// In French, the language of the models; `labels` has the three.
    pub label: String,
    pub labels: Labels,
    pub accounts: Vec<AccountLine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gross: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depreciation: Option<String>,
    /// For an asset rubric: its net value in N (the same as `n`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub net: Option<String>,
    pub n: String,
    pub n_1: String,
}

/// A figure of N and of N-1.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    pub n: String,
    pub n_1: String,
}

/// Minor units of N and N-1, while the statements are computed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Pair {
    pub n: Minor,
    pub n_1: Minor,
}

pub(crate) fn overflow() -> StoreError {
    StoreError::TotalOutOfRange {
        what: "statements of the year",
    }
}

pub(crate) fn add(a: Minor, b: Minor) -> Result<Minor, StoreError> {
    a.checked_add(b).ok_or_else(overflow)
}

pub(crate) fn sub(a: Minor, b: Minor) -> Result<Minor, StoreError> {
    a.checked_sub(b).ok_or_else(overflow)
}

impl Pair {
    pub fn add(self, o: Pair) -> Result<Pair, StoreError> {
        Ok(Pair {
            n: add(self.n, o.n)?,
            n_1: add(self.n_1, o.n_1)?,
        })
    }

    pub fn sub(self, o: Pair) -> Result<Pair, StoreError> {
        Ok(Pair {
            n: sub(self.n, o.n)?,
            n_1: sub(self.n_1, o.n_1)?,
        })
    }

    pub fn figures(self, c: &Currency) -> Figures {
        Figures {
            n: c.format(self.n),
            n_1: c.format(self.n_1),
        }
    }
}

/// A rubric while it is summed: its accounts' contributions, gross and depreciation apart.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sum {
    pub gross: Pair,
    pub less: Pair,
    pub accounts: Vec<(String, Role, Pair)>,
}

impl Sum {
    /// Net: gross less depreciation (depreciation is zero outside asset rubrics).
    pub fn net(&self) -> Result<Pair, StoreError> {
        self.gross.sub(self.less)
    }
}

/// Every account's rows of both years, read once, and each rubric's sum.
pub(crate) struct Ledgerwide<'a> {
    pub currency: &'a Currency,
    pub names: BTreeMap<String, String>,
    pub n: BTreeMap<String, StatementRow>,
    pub n_1: BTreeMap<String, StatementRow>,
    /// Per rubric of [`RUBRICS`], by index.
    pub sums: Vec<Sum>,
    pub unmapped: Vec<String>,
}

impl Ledgerwide<'_> {
    /// What an account adds to its rubric in one year (positive as the statement prints it).
    fn value(place: Place, role: Role, row: Option<&StatementRow>) -> Result<Minor, StoreError> {
        let Some(row) = row else {
            return Ok(Minor::ZERO);
        };
        let neg = |m: Minor| m.checked_neg().ok_or_else(overflow);
        match (place, role) {
            (Place::Actif(_), Role::Gross) | (Place::Memorandum, _) => Ok(row.balance),
            (Place::Actif(_), Role::Less) | (Place::Passif(_), _) => neg(row.balance),
            (Place::Cpc(part), _) if part.is_income() => neg(row.movement),
            (Place::Cpc(_), _) => Ok(row.movement),
        }
    }

    fn sum(mut self) -> Result<Self, StoreError> {
        let codes: std::collections::BTreeSet<&String> =
            self.n.keys().chain(self.n_1.keys()).collect();
        let mut sums = vec![Sum::default(); RUBRICS.len()];
        let mut unmapped = vec![];
        let counts = |rows: &BTreeMap<String, StatementRow>, code: &String| {
            rows.get(code).is_some_and(|r| r.postings > 0)
        };
        for code in codes {
            // An account only the year's closing touched reads as it did before the closing:
            // not at all.
            if !counts(&self.n, code) && !counts(&self.n_1, code) {
                continue;
            }
            let Some((i, role)) = rubrics::rubric_of(code) else {
                unmapped.push(code.clone());
                continue;
            };
            let place = RUBRICS[i].place;
            let pair = Pair {
                n: Self::value(place, role, self.n.get(code))?,
                n_1: Self::value(place, role, self.n_1.get(code))?,
            };
            let sum = &mut sums[i];
            match role {
                Role::Gross => sum.gross = sum.gross.add(pair)?,
                Role::Less => sum.less = sum.less.add(pair)?,
            }
            sum.accounts.push((code.clone(), role, pair));
        }
        self.sums = sums;
        self.unmapped = unmapped;
        Ok(self)
    }

    /// The rubric `i` as the model shows it; `assets` adds its gross and depreciation.
    pub fn line(&self, i: usize, net: Pair, assets: bool) -> RubricLine {
        let r = &RUBRICS[i];
        let sum = &self.sums[i];
        let c = self.currency;
        RubricLine {
            code: r.code.into(),
            label: r.fr.into(),
            labels: Labels::of(r),
            accounts: sum
                .accounts
                .iter()
                .map(|(code, role, pair)| AccountLine {
                    code: code.clone(),
                    name: self.names.get(code).cloned().unwrap_or_default(),
                    role: assets.then_some(match role {
                        Role::Gross => "gross",
                        Role::Less => "depreciation",
                    }),
                    n: c.format(pair.n),
                    n_1: c.format(pair.n_1),
                })
                .collect(),
            gross: assets.then(|| c.format(sum.gross.n)),
            depreciation: assets.then(|| c.format(sum.less.n)),
            net: assets.then(|| c.format(net.n)),
            n: c.format(net.n),
            n_1: c.format(net.n_1),
        }
    }
}

/// The statements of fiscal year `year` (read in one snapshot by the caller).
pub fn statements(
    store: &Store,
    info: &LedgerInfo,
    year: i32,
) -> Result<StatementsReport, StoreError> {
    let bounds = |y: i32| {
        info.fiscal_start
            .year_bounds(y)
            .ok_or(StoreError::TotalOutOfRange {
                what: "fiscal year",
            })
    };
    let (from, to) = bounds(year)?;
    let previous_year = year.checked_sub(1).ok_or_else(overflow)?;
    let (from_1, to_1) = bounds(previous_year)?;
    let by_code = |rows: Vec<StatementRow>| {
        rows.into_iter()
            .map(|r| (r.code.clone(), r))
            .collect::<BTreeMap<_, _>>()
    };
    let names = store
        .accounts(None)?
        .into_iter()
        .map(|a| (a.code, a.name))
        .collect();
    let all = Ledgerwide {
        currency: &info.currency,
        names,
        n: by_code(store.statement_balances(from, to)?),
        n_1: by_code(store.statement_balances(from_1, to_1)?),
        sums: vec![],
        unmapped: vec![],
    }
    .sum()?;
    let cpc = cpc::cpc(&all)?;
    let bilan = bilan::bilan(&all, cpc::result(&all)?)?;
    let etic = etic::etic(store, info, &all, (from, to), year)?;
    Ok(StatementsReport {
        year,
        from: format_date(from),
        to: format_date(to),
        previous_year,
        currency: info.currency.code.clone(),
        chart: info.chart.clone(),
        bilan,
        cpc,
        etic,
        unmapped: all.unmapped,
    })
}

/// The label of rubric `code` in `lang` (the code itself for a code the table lacks).
pub(crate) fn rubric_label(code: &str, lang: Lang) -> String {
    RUBRICS
        .iter()
        .find(|r| r.code == code)
        .map_or(code, |r| match lang {
            Lang::Fr => r.fr,
            Lang::Ar => r.ar,
            Lang::En => r.en,
        })
        .to_string()
}

/// The columns of N and N-1, named by their years.
pub(crate) fn year_columns(cat: &Catalogue, r: &StatementsReport) -> [Column; 2] {
    [
        Column::number(cat.ta(
            "statements-col-year",
            &[("year", Arg::from(r.year.to_string()))],
        )),
        Column::number(cat.ta(
            "statements-col-year",
            &[("year", Arg::from(r.previous_year.to_string()))],
        )),
    ]
}

impl Report for StatementsReport {
    fn kind(&self) -> &'static str {
        "statements"
    }

    fn body(&self, cat: &Catalogue) -> Body {
        let f = cat.fmt();
        let mut intro = Section::new("notes", cat.t("statements-about"));
        intro.notice(Level::Info, cat.t("statements-layout-notice"));
        intro.text(cat.ta(
            "statements-amounts-in",
            &[("currency", Arg::from(&self.currency))],
        ));
        if !self.unmapped.is_empty() {
            intro.notice(
                Level::Error,
                cat.ta(
                    "statements-unmapped",
                    &[("accounts", Arg::from(self.unmapped.join(", ")))],
                ),
            );
        }
        if !self.bilan.balanced {
            intro.notice(Level::Error, cat.t("statements-unbalanced"));
        }
        let mut sections = vec![intro];
        sections.extend(bilan::sections(self, cat));
        sections.push(cpc::section(self, cat));
        sections.extend(etic::sections(self, cat));
        Body {
            title: cat.ta(
                "statements-title",
                &[("year", Arg::from(self.year.to_string()))],
            ),
            subtitle: Some(cat.t("statements-subtitle")),
            period: Some(cat.ta(
                "report-period-range",
                &[
                    ("from", Arg::from(f.date_str(&self.from))),
                    ("to", Arg::from(f.date_str(&self.to))),
                ],
            )),
            sections,
        }
    }
}
