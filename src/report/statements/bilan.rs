//! The Bilan: assets with their gross value, depreciation and net value (net of N-1 beside),
//! then the association's funds, dedicated funds and debts, N and N-1. Its result line is the
//! CPC's result; income and expense of earlier years that no closing moved to net assets stand
//! on a line of their own, so that total assets always equal total liabilities and funds.

use serde::Serialize;

use super::rubrics::{ActifGroup, Computed, PassifGroup, Place, RUBRICS};
use super::{Figures, Ledgerwide, Pair, RubricLine, StatementsReport, Sum, overflow, year_columns};
use crate::report::doc::{Block, Column, RowStyle, Section, Table};
use crate::report::i18n::{Arg, Catalogue};
use crate::store::StoreError;

/// One group of the Bilan (actif immobilisé, financement permanent...).
#[derive(Debug, Clone, Serialize)]
pub struct BilanGroup {
    pub code: &'static str,
    pub rubrics: Vec<RubricLine>,
    /// For an asset group: its gross value and depreciation in N; `n` is then its net value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gross: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depreciation: Option<String>,
    pub n: String,
    pub n_1: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bilan {
    pub actif: Vec<BilanGroup>,
    pub passif: Vec<BilanGroup>,
    pub total_actif: Figures,
    /// Gross value and depreciation of all assets in N.
    pub total_actif_gross: String,
    pub total_actif_depreciation: String,
    pub total_passif: Figures,
    /// The result line (before allocation): the CPC's net result.
    pub result: Figures,
    /// Total assets equal total liabilities and funds, in N and in N-1.
    pub balanced: bool,
}

const ACTIF: [(ActifGroup, &str); 3] = [
    (ActifGroup::Immobilise, "actif-immobilise"),
    (ActifGroup::Circulant, "actif-circulant"),
    (ActifGroup::Tresorerie, "tresorerie-actif"),
];

const PASSIF: [(PassifGroup, &str); 3] = [
    (PassifGroup::Permanent, "financement-permanent"),
    (PassifGroup::Circulant, "passif-circulant"),
    (PassifGroup::Tresorerie, "tresorerie-passif"),
];

/// Income and expense still on their accounts at the year's end, credit positive: the year's
/// result, plus that of earlier years no closing moved.
fn open_result(all: &Ledgerwide<'_>) -> Result<Pair, StoreError> {
    let mut total = Pair::default();
    for (i, sum) in all.sums.iter().enumerate() {
        if !matches!(RUBRICS[i].place, Place::Cpc(_)) {
            continue;
        }
        for (code, _, _) in &sum.accounts {
            let balance =
                |rows: &std::collections::BTreeMap<String, crate::store::StatementRow>| {
                    rows.get(code).map_or(Ok(crate::domain::Minor::ZERO), |r| {
                        r.balance.checked_neg().ok_or_else(overflow)
                    })
                };
            total = total.add(Pair {
                n: balance(&all.n)?,
                n_1: balance(&all.n_1)?,
            })?;
        }
    }
    Ok(total)
}

/// The Bilan, whose result line is `result` (the CPC's).
pub(super) fn bilan(all: &Ledgerwide<'_>, result: Pair) -> Result<Bilan, StoreError> {
    let c = all.currency;
    let unclosed = open_result(all)?.sub(result)?;
    let mut actif = vec![];
    let (mut gross, mut less, mut total_actif) =
        (Pair::default(), Pair::default(), Pair::default());
    for (group, code) in ACTIF {
        let mut g = Sum::default();
        let mut lines = vec![];
        for (i, r) in RUBRICS.iter().enumerate() {
            if r.place != Place::Actif(group) {
                continue;
            }
            let sum = &all.sums[i];
            g.gross = g.gross.add(sum.gross)?;
            g.less = g.less.add(sum.less)?;
            lines.push(all.line(i, sum.net()?, true));
        }
        let net = g.net()?;
        gross = gross.add(g.gross)?;
        less = less.add(g.less)?;
        total_actif = total_actif.add(net)?;
        actif.push(BilanGroup {
            code,
            rubrics: lines,
            gross: Some(c.format(g.gross.n)),
            depreciation: Some(c.format(g.less.n)),
            n: c.format(net.n),
            n_1: c.format(net.n_1),
        });
    }
    let mut passif = vec![];
    let mut total_passif = Pair::default();
    for (group, code) in PASSIF {
        let mut total = Pair::default();
        let mut lines = vec![];
        for (i, r) in RUBRICS.iter().enumerate() {
            if r.place != Place::Passif(group) {
                continue;
            }
            let net = match r.computed {
                Some(Computed::YearResult) => result,
                Some(Computed::Unclosed) => unclosed,
                None => all.sums[i].net()?,
            };
            total = total.add(net)?;
            lines.push(all.line(i, net, false));
        }
        total_passif = total_passif.add(total)?;
        passif.push(BilanGroup {
            code,
            rubrics: lines,
            gross: None,
            depreciation: None,
            n: c.format(total.n),
            n_1: c.format(total.n_1),
        });
    }
    Ok(Bilan {
        actif,
        passif,
        total_actif: total_actif.figures(c),
        total_actif_gross: c.format(gross.n),
        total_actif_depreciation: c.format(less.n),
        total_passif: total_passif.figures(c),
        result: result.figures(c),
        balanced: total_actif == total_passif,
    })
}

/// A rubric's accounts as a reader looks them up: the codes, the first six.
fn codes(line: &RubricLine) -> String {
    let mut codes: Vec<&str> = line.accounts.iter().map(|a| a.code.as_str()).collect();
    if codes.len() > 6 {
        codes.truncate(6);
        codes.push("…");
    }
    codes.join(", ")
}

/// Whether a rubric line is worth a row: it has an account, or it is the year's result.
fn shown(line: &RubricLine) -> bool {
    !line.accounts.is_empty() || line.code == "FP-F"
}

pub(super) fn sections(r: &StatementsReport, cat: &Catalogue) -> Vec<Section> {
    let f = cat.fmt();
    let lang = cat.lang();
    let [year_n, year_n_1] = year_columns(cat, r);
    let mut actif = Table::new(
        "actif",
        vec![
            Column::text(cat.t("statements-col-rubric")),
            Column::number(cat.t("statements-col-accounts")),
            Column::number(cat.t("statements-col-gross")),
            Column::number(cat.t("statements-col-depreciation")),
            Column::number(cat.ta(
                "statements-col-net",
                &[("year", Arg::from(r.year.to_string()))],
            )),
            Column::number(cat.ta(
                "statements-col-net",
                &[("year", Arg::from(r.previous_year.to_string()))],
            )),
        ],
    );
    for g in &r.bilan.actif {
        let name = cat.t(&format!("statements-{}", g.code));
        actif.styled(
            RowStyle::Group,
            vec![
                name.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
        );
        for line in &g.rubrics {
            actif.row(vec![
                line.labels.get(lang).to_string(),
                codes(line),
                f.amount(line.gross.as_deref().unwrap_or("0")),
                f.amount(line.depreciation.as_deref().unwrap_or("0")),
                f.amount(&line.n),
                f.amount(&line.n_1),
            ]);
        }
        actif.styled(
            RowStyle::Subtotal,
            vec![
                cat.ta("statements-group-total", &[("group", Arg::from(name))]),
                String::new(),
                f.amount(g.gross.as_deref().unwrap_or("0")),
                f.amount(g.depreciation.as_deref().unwrap_or("0")),
                f.amount(&g.n),
                f.amount(&g.n_1),
            ],
        );
    }
    actif.styled(
        RowStyle::Total,
        vec![
            cat.t("statements-total-actif"),
            String::new(),
            f.amount(&r.bilan.total_actif_gross),
            f.amount(&r.bilan.total_actif_depreciation),
            f.amount(&r.bilan.total_actif.n),
            f.amount(&r.bilan.total_actif.n_1),
        ],
    );
    let mut passif = Table::new(
        "passif",
        vec![
            Column::text(cat.t("statements-col-rubric")),
            Column::number(cat.t("statements-col-accounts")),
            year_n,
            year_n_1,
        ],
    );
    for g in &r.bilan.passif {
        let name = cat.t(&format!("statements-{}", g.code));
        passif.styled(
            RowStyle::Group,
            vec![name.clone(), String::new(), String::new(), String::new()],
        );
        for line in g.rubrics.iter().filter(|l| shown(l) || l.n != l.n_1) {
            let style = if line.code == "FP-F" {
                RowStyle::Subtotal
            } else {
                RowStyle::Normal
            };
            passif.styled(
                style,
                vec![
                    line.labels.get(lang).to_string(),
                    codes(line),
                    f.amount(&line.n),
                    f.amount(&line.n_1),
                ],
            );
        }
        passif.styled(
            RowStyle::Subtotal,
            vec![
                cat.ta("statements-group-total", &[("group", Arg::from(name))]),
                String::new(),
                f.amount(&g.n),
                f.amount(&g.n_1),
            ],
        );
    }
    passif.styled(
        RowStyle::Total,
        vec![
            cat.t("statements-total-passif"),
            String::new(),
            f.amount(&r.bilan.total_passif.n),
            f.amount(&r.bilan.total_passif.n_1),
        ],
    );
    let mut s_actif = Section::new("bilan-actif", cat.t("statements-bilan-actif"));
    s_actif.push(Block::Table(actif));
    let mut s_passif = Section::new("bilan-passif", cat.t("statements-bilan-passif"));
    s_passif.push(Block::Table(passif));
    vec![s_actif, s_passif]
}
