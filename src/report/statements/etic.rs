//! The État des informations complémentaires (ETIC): the notes an association's statements
//! carry. Fixed assets (gross value and depreciation at the start of the year, what came in
//! and went out, at its end; then asset by asset), grants by funder (received and spent in the
//! year, dedicated funds at its end), commitments (grants agreed and not yet received) and
//! contributions in kind (class 0 memorandum accounts, at their declared value).

use serde::Serialize;

use super::rubrics::{ActifGroup, Place, RUBRICS, Role};
use super::{Ledgerwide, Pair, StatementsReport, add, sub};
use crate::domain::{LedgerInfo, Minor};
use crate::report::doc::{Block, Column, RowStyle, Section, Table};
use crate::report::i18n::Catalogue;
use crate::store::{Store, StoreError};

/// One fixed-asset rubric's movements in the year.
#[derive(Debug, Clone, Serialize)]
pub struct FixedAssetMovement {
    pub code: String,
    pub label: String,
    pub gross_start: String,
    pub increase: String,
    pub decrease: String,
    pub gross_end: String,
    pub depreciation_start: String,
    /// Depreciation and impairment charged in the year, and written back or taken out.
    pub depreciation_charged: String,
    pub depreciation_released: String,
    pub depreciation_end: String,
    pub net_end: String,
}

/// One fixed asset of the register.
#[derive(Debug, Clone, Serialize)]
pub struct AssetNote {
    pub id: String,
    pub label: String,
    pub account: String,
    pub acquired: String,
    pub gross: String,
    pub depreciation_start: String,
    pub depreciation_year: String,
    pub depreciation_end: String,
    pub net: String,
}

/// One grant in the year, in the ledger's currency.
#[derive(Debug, Clone, Serialize)]
pub struct GrantNote {
    pub grant: String,
    pub restricted: bool,
    pub received: String,
    pub spent: String,
    /// Its dedicated funds at the year's end.
    pub dedicated: String,
}

/// A funder's grants and their totals.
#[derive(Debug, Clone, Serialize)]
pub struct FunderNote {
    pub funder: String,
    pub name: String,
    pub grants: Vec<GrantNote>,
    pub received: String,
    pub spent: String,
    pub dedicated: String,
}

/// A grant agreed and not wholly received at the year's end, in its own currency.
#[derive(Debug, Clone, Serialize)]
pub struct Commitment {
    pub grant: String,
    pub funder: String,
    pub currency: String,
    pub amount: String,
    pub received: String,
    pub remaining: String,
}

/// One kind of contribution in kind in the year.
#[derive(Debug, Clone, Serialize)]
pub struct InKindNote {
    pub account: String,
    pub name: String,
    pub contributions: usize,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Etic {
    pub fixed_assets: Vec<FixedAssetMovement>,
    pub assets: Vec<AssetNote>,
    pub funders: Vec<FunderNote>,
    /// Received and spent in the year, dedicated funds at its end, all grants.
    pub grants_received: String,
    pub grants_spent: String,
    pub grants_dedicated: String,
    pub commitments: Vec<Commitment>,
    pub in_kind: Vec<InKindNote>,
    pub in_kind_total: String,
    /// The class 0 accounts, as the statements' other rubrics list accounts.
    pub memorandum: super::RubricLine,
}

fn movements(all: &Ledgerwide<'_>) -> Result<Vec<FixedAssetMovement>, StoreError> {
    let c = all.currency;
    let mut out = vec![];
    for (i, r) in RUBRICS.iter().enumerate() {
        if r.place != Place::Actif(ActifGroup::Immobilise) {
            continue;
        }
        let sum = &all.sums[i];
        let (mut inc, mut dec, mut charged, mut released) =
            (Minor::ZERO, Minor::ZERO, Minor::ZERO, Minor::ZERO);
        for (code, role, _) in &sum.accounts {
            let Some(row) = all.n.get(code) else { continue };
            match role {
                Role::Gross => {
                    inc = add(inc, row.debits)?;
                    dec = add(dec, row.credits)?;
                }
                Role::Less => {
                    charged = add(charged, row.credits)?;
                    released = add(released, row.debits)?;
                }
            }
        }
        out.push(FixedAssetMovement {
            code: r.code.into(),
            label: r.fr.into(),
            gross_start: c.format(sum.gross.n_1),
            increase: c.format(inc),
            decrease: c.format(dec),
            gross_end: c.format(sum.gross.n),
            depreciation_start: c.format(sum.less.n_1),
            depreciation_charged: c.format(charged),
            depreciation_released: c.format(released),
            depreciation_end: c.format(sum.less.n),
            net_end: c.format(sum.net()?.n),
        });
    }
    Ok(out)
}

pub(super) fn etic(
    store: &Store,
    info: &LedgerInfo,
    all: &Ledgerwide<'_>,
    (from, to): (chrono::NaiveDate, chrono::NaiveDate),
    year: i32,
) -> Result<Etic, StoreError> {
    let c = &info.currency;
    let mut assets = vec![];
    for a in store.statement_assets(from, to)? {
        let end = add(a.depreciated_before, a.depreciated_in_year)?;
        assets.push(AssetNote {
            net: c.format(sub(a.cost, end)?),
            id: a.id,
            label: a.label,
            account: a.account,
            acquired: a.acquired,
            gross: c.format(a.cost),
            depreciation_start: c.format(a.depreciated_before),
            depreciation_year: c.format(a.depreciated_in_year),
            depreciation_end: c.format(end),
        });
    }
    let mut funders: Vec<(FunderNote, [Minor; 3])> = vec![];
    let mut totals = [Minor::ZERO; 3];
    let mut commitments = vec![];
    for g in store.statement_grants(from, to)? {
        let figures = [g.received, g.spent, g.dedicated];
        let received = if g.currency == c.code {
            g.received_to_date
        } else {
            g.received_to_date_original
        };
        let remaining = sub(g.amount, received)?;
        if remaining > Minor::ZERO {
            let exp = info.exponent(&g.currency);
            commitments.push(Commitment {
                grant: g.grant.clone(),
                funder: g.funder.clone(),
                amount: g.amount.format(exp),
                received: received.format(exp),
                remaining: remaining.format(exp),
                currency: g.currency.clone(),
            });
        }
        // A grant over before the year, with nothing moved in it and nothing carried, is not
        // one of the year's.
        let over = g.end < crate::domain::format_date(from);
        if over && figures.iter().all(|m| m.is_zero()) {
            continue;
        }
        if funders.last().is_none_or(|(f, _)| f.funder != g.funder) {
            funders.push((
                FunderNote {
                    funder: g.funder.clone(),
                    name: g.funder_name.clone(),
                    grants: vec![],
                    received: String::new(),
                    spent: String::new(),
                    dedicated: String::new(),
                },
                [Minor::ZERO; 3],
            ));
        }
        let (note, sums) = funders.last_mut().expect("pushed above");
        for k in 0..3 {
            sums[k] = add(sums[k], figures[k])?;
            totals[k] = add(totals[k], figures[k])?;
        }
        note.grants.push(GrantNote {
            grant: g.grant.clone(),
            restricted: g.restricted,
            received: c.format(g.received),
            spent: c.format(g.spent),
            dedicated: c.format(g.dedicated),
        });
    }
    let in_kind = crate::report::in_kind(store, info, year)?;
    let memorandum = RUBRICS
        .iter()
        .position(|r| r.place == Place::Memorandum)
        .expect("the table has class 0");
    Ok(Etic {
        fixed_assets: movements(all)?,
        assets,
        funders: funders
            .into_iter()
            .map(|(mut f, [r, s, d])| {
                f.received = c.format(r);
                f.spent = c.format(s);
                f.dedicated = c.format(d);
                f
            })
            .collect(),
        grants_received: c.format(totals[0]),
        grants_spent: c.format(totals[1]),
        grants_dedicated: c.format(totals[2]),
        commitments,
        in_kind: in_kind
            .by_account
            .into_iter()
            .map(|k| InKindNote {
                account: k.account,
                name: k.name,
                contributions: k.contributions,
                value: k.value,
            })
            .collect(),
        in_kind_total: in_kind.total,
        memorandum: all.line(memorandum, Pair::default(), false),
    })
}

fn num(cat: &Catalogue, id: &str) -> Column {
    Column::number(cat.t(id))
}

fn text(cat: &Catalogue, id: &str) -> Column {
    Column::text(cat.t(id))
}

pub(super) fn sections(r: &StatementsReport, cat: &Catalogue) -> Vec<Section> {
    let f = cat.fmt();
    let e = &r.etic;
    let a = |s: &str| f.amount(s);
    let lang = cat.lang();
    let mut s = Section::new("etic", cat.t("statements-etic"));

    let mut t = Table::new(
        "fixed-assets",
        vec![
            text(cat, "statements-col-rubric"),
            num(cat, "statements-col-gross-start"),
            num(cat, "statements-col-increase"),
            num(cat, "statements-col-decrease"),
            num(cat, "statements-col-gross-end"),
        ],
    )
    .caption(cat.t("statements-etic-fixed-assets"))
    .empty(cat.t("statements-none"));
    let mut d = Table::new(
        "depreciation",
        vec![
            text(cat, "statements-col-rubric"),
            num(cat, "statements-col-depreciation-start"),
            num(cat, "statements-col-charged"),
            num(cat, "statements-col-released"),
            num(cat, "statements-col-depreciation-end"),
            num(cat, "statements-col-net-end"),
        ],
    )
    .caption(cat.t("statements-etic-depreciation"))
    .empty(cat.t("statements-none"));
    let zero = |x: &str| {
        x.trim_start_matches('-')
            .chars()
            .all(|c| c == '0' || c == '.')
    };
    for m in &e.fixed_assets {
        let figures = [&m.gross_start, &m.increase, &m.decrease, &m.gross_end];
        let depreciation = [
            &m.depreciation_start,
            &m.depreciation_charged,
            &m.depreciation_released,
            &m.depreciation_end,
        ];
        if figures.iter().chain(&depreciation).all(|x| zero(x)) {
            continue;
        }
        let label = super::rubric_label(&m.code, lang);
        t.row(vec![
            label.clone(),
            a(&m.gross_start),
            a(&m.increase),
            a(&m.decrease),
            a(&m.gross_end),
        ]);
        d.row(vec![
            label,
            a(&m.depreciation_start),
            a(&m.depreciation_charged),
            a(&m.depreciation_released),
            a(&m.depreciation_end),
            a(&m.net_end),
        ]);
    }
    s.push(Block::Table(t));
    s.push(Block::Table(d));

    let mut t = Table::new(
        "assets",
        vec![
            num(cat, "statements-col-asset"),
            text(cat, "statements-col-label"),
            num(cat, "statements-col-account"),
            num(cat, "statements-col-acquired"),
            num(cat, "statements-col-gross"),
            num(cat, "statements-col-depreciation-start"),
            num(cat, "statements-col-charged"),
            num(cat, "statements-col-net-end"),
        ],
    )
    .caption(cat.t("statements-etic-assets"))
    .empty(cat.t("statements-none"));
    for x in &e.assets {
        t.row(vec![
            x.id.clone(),
            x.label.clone(),
            x.account.clone(),
            f.date_str(&x.acquired),
            a(&x.gross),
            a(&x.depreciation_start),
            a(&x.depreciation_year),
            a(&x.net),
        ]);
    }
    s.push(Block::Table(t));

    let mut t = Table::new(
        "grants",
        vec![
            text(cat, "statements-col-funder"),
            num(cat, "statements-col-grant"),
            num(cat, "statements-col-received"),
            num(cat, "statements-col-spent"),
            num(cat, "statements-col-dedicated"),
        ],
    )
    .caption(cat.t("statements-etic-grants"))
    .empty(cat.t("statements-none"));
    for fu in &e.funders {
        for g in &fu.grants {
            t.row(vec![
                fu.name.clone(),
                g.grant.clone(),
                a(&g.received),
                a(&g.spent),
                a(&g.dedicated),
            ]);
        }
        if fu.grants.len() > 1 {
            t.styled(
                RowStyle::Subtotal,
                vec![
                    fu.name.clone(),
                    String::new(),
                    a(&fu.received),
                    a(&fu.spent),
                    a(&fu.dedicated),
                ],
            );
        }
    }
    if !e.funders.is_empty() {
        t.styled(
            RowStyle::Total,
            vec![
                cat.t("report-total"),
                String::new(),
                a(&e.grants_received),
                a(&e.grants_spent),
                a(&e.grants_dedicated),
            ],
        );
    }
    s.push(Block::Table(t));

    let mut t = Table::new(
        "commitments",
        vec![
            num(cat, "statements-col-grant"),
            num(cat, "statements-col-funder-id"),
            num(cat, "statements-col-agreed"),
            num(cat, "statements-col-received-to-date"),
            num(cat, "statements-col-remaining"),
        ],
    )
    .caption(cat.t("statements-etic-commitments"))
    .empty(cat.t("statements-none"));
    for x in &e.commitments {
        t.row(vec![
            x.grant.clone(),
            x.funder.clone(),
            f.money(&x.amount, &x.currency),
            f.money(&x.received, &x.currency),
            f.money(&x.remaining, &x.currency),
        ]);
    }
    s.push(Block::Table(t));

    let mut t = Table::new(
        "in-kind",
        vec![
            num(cat, "statements-col-account"),
            text(cat, "statements-col-label"),
            num(cat, "statements-col-contributions"),
            num(cat, "statements-col-value"),
        ],
    )
    .caption(cat.t("statements-etic-in-kind"))
    .empty(cat.t("statements-none"));
    for x in &e.in_kind {
        t.row(vec![
            x.account.clone(),
            x.name.clone(),
            x.contributions.to_string(),
            a(&x.value),
        ]);
    }
    if !e.in_kind.is_empty() {
        t.styled(
            RowStyle::Total,
            vec![
                cat.t("report-total"),
                String::new(),
                String::new(),
                a(&e.in_kind_total),
            ],
        );
    }
    s.push(Block::Table(t));
    s.text(cat.t("statements-in-kind-note"));
    vec![s]
}
