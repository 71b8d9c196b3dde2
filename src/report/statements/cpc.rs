//! The Compte de produits et charges (CPC): operating, financial and non-current income and
//! charges with the CGNC's subtotals (I to XIII), N and N-1, the carry of restricted resources
//! to dedicated funds (6593) and their release (7593) on lines of their own. Its net result is
//! the year's income less its expense before closing: `balance --before-closing` of the year.

use serde::Serialize;

use super::rubrics::{CpcPart, Place, RUBRICS};
use super::{Figures, Ledgerwide, Pair, RubricLine, StatementsReport, year_columns};
use crate::report::doc::{Block, Column, RowStyle, Section, Table};
use crate::report::i18n::Catalogue;
use crate::store::StoreError;

/// One part of the CPC (I produits d'exploitation, II charges d'exploitation...).
#[derive(Debug, Clone, Serialize)]
pub struct CpcPartLine {
    /// The CGNC's numeral: I, II, IV, V, VIII, IX, XII.
    pub code: &'static str,
    pub rubrics: Vec<RubricLine>,
    pub n: String,
    pub n_1: String,
}

/// The CPC, its parts and its results under the CGNC's numerals.
#[derive(Debug, Clone, Serialize)]
pub struct Cpc {
    pub produits_exploitation: CpcPartLine,
    pub charges_exploitation: CpcPartLine,
    /// III = I - II
    pub resultat_exploitation: Figures,
    pub produits_financiers: CpcPartLine,
    pub charges_financieres: CpcPartLine,
    /// VI = IV - V
    pub resultat_financier: Figures,
    /// VII = III + VI
    pub resultat_courant: Figures,
    pub produits_non_courants: CpcPartLine,
    pub charges_non_courantes: CpcPartLine,
    /// X = VIII - IX
    pub resultat_non_courant: Figures,
    /// XI = VII + X
    pub resultat_avant_impots: Figures,
    /// XII
    pub impots: CpcPartLine,
    /// XIII = XI - XII: the year's result, positive for a surplus (excédent).
    pub resultat_net: Figures,
    /// Total income and total expense of the year (I + IV + VIII, II + V + IX + XII).
    pub total_produits: Figures,
    pub total_charges: Figures,
}

fn numeral(part: CpcPart) -> &'static str {
    match part {
        CpcPart::ProduitsExploitation => "I",
        CpcPart::ChargesExploitation => "II",
        CpcPart::ProduitsFinanciers => "IV",
        CpcPart::ChargesFinancieres => "V",
        CpcPart::ProduitsNonCourants => "VIII",
        CpcPart::ChargesNonCourantes => "IX",
        CpcPart::Impots => "XII",
    }
}

fn total(all: &Ledgerwide<'_>, part: CpcPart) -> Result<Pair, StoreError> {
    let mut total = Pair::default();
    for (i, r) in RUBRICS.iter().enumerate() {
        if r.place == Place::Cpc(part) {
            total = total.add(all.sums[i].net()?)?;
        }
    }
    Ok(total)
}

/// The year's net result (XIII), credit positive: income less expense, closing left out.
pub(super) fn result(all: &Ledgerwide<'_>) -> Result<Pair, StoreError> {
    let mut result = Pair::default();
    for part in CpcPart::ALL {
        let t = total(all, part)?;
        result = if part.is_income() {
            result.add(t)?
        } else {
            result.sub(t)?
        };
    }
    Ok(result)
}

fn part(all: &Ledgerwide<'_>, part: CpcPart) -> Result<CpcPartLine, StoreError> {
    let t = total(all, part)?;
    let mut rubrics = vec![];
    for (i, r) in RUBRICS.iter().enumerate() {
        if r.place == Place::Cpc(part) {
            rubrics.push(all.line(i, all.sums[i].net()?, false));
        }
    }
    Ok(CpcPartLine {
        code: numeral(part),
        rubrics,
        n: all.currency.format(t.n),
        n_1: all.currency.format(t.n_1),
    })
}

pub(super) fn cpc(all: &Ledgerwide<'_>) -> Result<Cpc, StoreError> {
    use CpcPart as P;
    let c = all.currency;
    let t = |p| total(all, p);
    let exploitation = t(P::ProduitsExploitation)?.sub(t(P::ChargesExploitation)?)?;
    let financier = t(P::ProduitsFinanciers)?.sub(t(P::ChargesFinancieres)?)?;
    let courant = exploitation.add(financier)?;
    let non_courant = t(P::ProduitsNonCourants)?.sub(t(P::ChargesNonCourantes)?)?;
    let avant_impots = courant.add(non_courant)?;
    let net = avant_impots.sub(t(P::Impots)?)?;
    let produits = t(P::ProduitsExploitation)?
        .add(t(P::ProduitsFinanciers)?)?
        .add(t(P::ProduitsNonCourants)?)?;
    let charges = t(P::ChargesExploitation)?
        .add(t(P::ChargesFinancieres)?)?
        .add(t(P::ChargesNonCourantes)?)?
        .add(t(P::Impots)?)?;
    Ok(Cpc {
        produits_exploitation: part(all, P::ProduitsExploitation)?,
        charges_exploitation: part(all, P::ChargesExploitation)?,
        resultat_exploitation: exploitation.figures(c),
        produits_financiers: part(all, P::ProduitsFinanciers)?,
        charges_financieres: part(all, P::ChargesFinancieres)?,
        resultat_financier: financier.figures(c),
        resultat_courant: courant.figures(c),
        produits_non_courants: part(all, P::ProduitsNonCourants)?,
        charges_non_courantes: part(all, P::ChargesNonCourantes)?,
        resultat_non_courant: non_courant.figures(c),
        resultat_avant_impots: avant_impots.figures(c),
        impots: part(all, P::Impots)?,
        resultat_net: net.figures(c),
        total_produits: produits.figures(c),
        total_charges: charges.figures(c),
    })
}

/// The rubrics shown: those with an account, and always 6593 and 7593 (the carry and release
/// of restricted resources, which a reader of an association's CPC looks for).
fn shown(line: &RubricLine) -> bool {
    !line.accounts.is_empty() || line.code == "CN-6593" || line.code == "PN-7593"
}

pub(super) fn section(r: &StatementsReport, cat: &Catalogue) -> Section {
    let f = cat.fmt();
    let lang = cat.lang();
    let [year_n, year_n_1] = year_columns(cat, r);
    let mut t = Table::new(
        "cpc",
        vec![
            Column::number(cat.t("statements-col-numeral")),
            Column::text(cat.t("statements-col-rubric")),
            year_n,
            year_n_1,
        ],
    );
    let cpc = &r.cpc;
    let part = |t: &mut Table, p: &CpcPartLine, id: &str| {
        t.styled(
            RowStyle::Group,
            vec![p.code.into(), cat.t(id), String::new(), String::new()],
        );
        for line in p.rubrics.iter().filter(|l| shown(l)) {
            t.row(vec![
                String::new(),
                line.labels.get(lang).to_string(),
                f.amount(&line.n),
                f.amount(&line.n_1),
            ]);
        }
        t.styled(
            RowStyle::Subtotal,
            vec![
                String::new(),
                cat.t("statements-part-total"),
                f.amount(&p.n),
                f.amount(&p.n_1),
            ],
        );
    };
    let result = |t: &mut Table, numeral: &str, id: &str, x: &Figures, style: RowStyle| {
        t.styled(
            style,
            vec![numeral.into(), cat.t(id), f.amount(&x.n), f.amount(&x.n_1)],
        );
    };
    part(
        &mut t,
        &cpc.produits_exploitation,
        "statements-produits-exploitation",
    );
    part(
        &mut t,
        &cpc.charges_exploitation,
        "statements-charges-exploitation",
    );
    result(
        &mut t,
        "III",
        "statements-resultat-exploitation",
        &cpc.resultat_exploitation,
        RowStyle::Subtotal,
    );
    part(
        &mut t,
        &cpc.produits_financiers,
        "statements-produits-financiers",
    );
    part(
        &mut t,
        &cpc.charges_financieres,
        "statements-charges-financieres",
    );
    result(
        &mut t,
        "VI",
        "statements-resultat-financier",
        &cpc.resultat_financier,
        RowStyle::Subtotal,
    );
    result(
        &mut t,
        "VII",
        "statements-resultat-courant",
        &cpc.resultat_courant,
        RowStyle::Subtotal,
    );
    part(
        &mut t,
        &cpc.produits_non_courants,
        "statements-produits-non-courants",
    );
    part(
        &mut t,
        &cpc.charges_non_courantes,
        "statements-charges-non-courantes",
    );
    result(
        &mut t,
        "X",
        "statements-resultat-non-courant",
        &cpc.resultat_non_courant,
        RowStyle::Subtotal,
    );
    result(
        &mut t,
        "XI",
        "statements-resultat-avant-impots",
        &cpc.resultat_avant_impots,
        RowStyle::Subtotal,
    );
    part(&mut t, &cpc.impots, "statements-impots");
    result(
        &mut t,
        "XIII",
        "statements-resultat-net",
        &cpc.resultat_net,
        RowStyle::Total,
    );
    result(
        &mut t,
        "",
        "statements-total-produits",
        &cpc.total_produits,
        RowStyle::Normal,
    );
    result(
        &mut t,
        "",
        "statements-total-charges",
        &cpc.total_charges,
        RowStyle::Normal,
    );
    let mut s = Section::new("cpc", cat.t("statements-cpc"));
    s.push(Block::Table(t));
    s
}
