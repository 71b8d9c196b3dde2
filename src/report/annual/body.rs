//! The annual report as a reader reads it: every label from the catalogue (`annual.ftl`),
//! every figure of the model formatted for the language. Nothing is computed here but the
//! bars' lengths, which [`Bars::scaled`] draws from the model's figures.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::{AnnualReport, StatementLine, UNATTRIBUTED};
use crate::report::doc::{Bars, Block, Column, Fact, Level, RowStyle, Section, Table};
use crate::report::i18n::{Arg, Catalogue, Fmt, Lang};
use crate::report::output::{Body, Report};

impl Report for AnnualReport {
    fn kind(&self) -> &'static str {
        "annual"
    }

    fn body(&self, cat: &Catalogue) -> Body {
        let f = cat.fmt();
        Body {
            title: cat.ta(
                "annual-title",
                &[("year", Arg::from(self.year.to_string()))],
            ),
            subtitle: Some(cat.t("annual-subtitle")),
            period: Some(cat.ta(
                "report-period-range",
                &[
                    ("from", Arg::from(f.date_str(&self.from))),
                    ("to", Arg::from(f.date_str(&self.to))),
                ],
            )),
            sections: vec![
                self.summary(cat),
                self.activities_section(cat),
                self.position_section(cat),
                self.funding_section(cat),
                self.expenses_section(cat),
                self.grants_section(cat),
                self.allocation_section(cat),
                self.governance_section(cat),
            ],
        }
    }
}

/// A decimal string of the model as a number (0 when it is not one).
fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_default()
}

fn ratio(f: Fmt, text: &str) -> String {
    f.percent(dec(text), 1)
}

fn year_columns(cat: &Catalogue, r: &AnnualReport, first: Vec<Column>) -> Vec<Column> {
    let mut columns = first;
    columns.push(Column::number(r.year.to_string()));
    columns.push(Column::number(r.previous_year.to_string()));
    let _ = cat;
    columns
}

fn account_row(t: &mut Table, f: Fmt, r: &AnnualReport, l: &StatementLine) {
    t.row(vec![
        l.code.clone(),
        r.account_name(f, &l.code, &l.name),
        f.amount(&l.amount),
        f.amount(&l.previous),
    ]);
}

/// The words of a funder type, or of the income no funder is named for.
fn type_label(cat: &Catalogue, kind: &str) -> String {
    cat.t(&format!("annual-type-{kind}"))
}

impl AnnualReport {
    /// An account's name in the document's language: the chart's Arabic label in Arabic,
    /// else the name in force.
    fn account_name(&self, f: Fmt, code: &str, name: &str) -> String {
        match self.arabic_names.get(code) {
            Some(ar) if f.lang == Lang::Ar => ar.clone(),
            _ => name.to_string(),
        }
    }

    fn money(&self, f: Fmt, amount: &str) -> String {
        f.money(amount, &self.currency)
    }

    fn summary(&self, cat: &Catalogue) -> Section {
        let f = cat.fmt();
        let mut s = Section::new("summary", cat.t("annual-summary"));
        let mut facts = vec![
            Fact::number(
                cat.t("annual-income-total"),
                self.money(f, &self.income_total),
            ),
            Fact::number(
                cat.t("annual-expense-total"),
                self.money(f, &self.expense_total),
            ),
            Fact::number(
                cat.t(if dec(&self.result) < Decimal::ZERO {
                    "annual-deficit"
                } else {
                    "annual-surplus"
                }),
                self.money(f, &self.result),
            ),
            Fact::number(cat.t("annual-hhi"), f.amount(&self.hhi)),
        ];
        if let Some(l) = &self.largest_funder {
            facts.push(Fact::number(
                cat.ta("annual-largest-funder", &[("name", Arg::from(&l.name))]),
                ratio(f, &l.share),
            ));
        }
        facts.push(Fact::number(
            cat.t("annual-months-of-reserve"),
            self.months_of_reserve
                .as_deref()
                .map_or_else(|| cat.t("report-none"), |m| f.amount(m)),
        ));
        facts.push(Fact::text(
            cat.t("annual-year-status"),
            cat.t(if self.closed {
                "annual-year-closed"
            } else {
                "annual-year-open"
            }),
        ));
        s.push(Block::Facts { facts });
        s
    }

    fn activities_section(&self, cat: &Catalogue) -> Section {
        let f = cat.fmt();
        let mut s = Section::new("activities", cat.t("annual-activities"));
        let mut t = Table::new(
            "activities",
            year_columns(
                cat,
                self,
                vec![
                    Column::number(cat.t("report-account")),
                    Column::text(cat.t("report-name")),
                ],
            ),
        );
        for (kind, group, total, total_prev) in [
            (
                "income",
                "annual-income",
                &self.income_total,
                &self.previous.income_total,
            ),
            (
                "expense",
                "annual-expenses",
                &self.expense_total,
                &self.previous.expense_total,
            ),
        ] {
            t.styled(
                RowStyle::Group,
                vec![String::new(), cat.t(group), String::new(), String::new()],
            );
            for l in self.activities.iter().filter(|l| l.kind == kind) {
                account_row(&mut t, f, self, l);
            }
            t.styled(
                RowStyle::Subtotal,
                vec![
                    String::new(),
                    cat.t(&format!("{group}-total")),
                    f.amount(total),
                    f.amount(total_prev),
                ],
            );
        }
        t.styled(
            RowStyle::Total,
            vec![
                String::new(),
                cat.t("annual-result"),
                f.amount(&self.result),
                f.amount(&self.previous.result),
            ],
        );
        s.push(Block::Table(t.caption(cat.ta(
            "annual-amounts-in",
            &[("currency", Arg::from(&self.currency))],
        ))));
        if !self.closed {
            s.notice(Level::Info, cat.t("annual-not-closed-note"));
        }
        s
    }

    fn position_section(&self, cat: &Catalogue) -> Section {
        let f = cat.fmt();
        let p = &self.position;
        let mut s = Section::new("position", cat.t("annual-position"));
        let mut t = Table::new(
            "position",
            year_columns(
                cat,
                self,
                vec![
                    Column::number(cat.t("report-account")),
                    Column::text(cat.t("report-name")),
                ],
            ),
        );
        let blank = || String::new();
        for (group, lines, total, label) in [
            (
                "annual-assets",
                &p.assets,
                &p.total_assets,
                "annual-assets-total",
            ),
            (
                "annual-liabilities",
                &p.liabilities,
                &p.total_liabilities,
                "annual-liabilities-total",
            ),
            (
                "annual-net-assets",
                &p.net_assets,
                &p.total_net_assets,
                "annual-net-assets-total",
            ),
        ] {
            t.styled(
                RowStyle::Group,
                vec![blank(), cat.t(group), blank(), blank()],
            );
            for l in lines {
                account_row(&mut t, f, self, l);
            }
            if group == "annual-net-assets" {
                t.row(vec![
                    blank(),
                    cat.t("annual-result-not-closed"),
                    f.amount(&p.result_not_closed.amount),
                    f.amount(&p.result_not_closed.previous),
                ]);
            }
            t.styled(
                RowStyle::Subtotal,
                vec![
                    blank(),
                    cat.t(label),
                    f.amount(&total.amount),
                    f.amount(&total.previous),
                ],
            );
        }
        s.push(Block::Table(t));
        s.push(Block::Facts {
            facts: vec![
                Fact::number(
                    cat.t("annual-unrestricted-net-assets"),
                    self.money(f, &self.unrestricted_net_assets),
                ),
                Fact::number(
                    cat.t("annual-average-monthly-expense"),
                    self.money(f, &self.average_monthly_expense),
                ),
                Fact::number(
                    cat.t("annual-months-of-reserve"),
                    self.months_of_reserve
                        .as_deref()
                        .map_or_else(|| cat.t("report-none"), |m| f.amount(m)),
                ),
            ],
        });
        s.text(cat.t("annual-reserve-note"));
        s
    }

    fn funding_section(&self, cat: &Catalogue) -> Section {
        let f = cat.fmt();
        let mut s = Section::new("funding", cat.t("annual-funding"));
        let mut t = Table::new(
            "funders",
            vec![
                Column::text(cat.t("annual-funder")),
                Column::text(cat.t("annual-funder-type")),
                Column::number(cat.t("report-amount")),
                Column::number(cat.t("annual-share")),
            ],
        )
        .empty(cat.t("annual-no-income"));
        for l in &self.funding {
            let name = match (&l.funder, &l.name) {
                (Some(id), Some(name)) if name != id => format!("{name} ({id})"),
                (Some(id), _) => id.clone(),
                (None, _) => cat.t("annual-unattributed-line"),
            };
            t.row(vec![
                name,
                type_label(cat, &l.kind),
                f.amount(&l.amount),
                ratio(f, &l.share),
            ]);
        }
        if !self.funding.is_empty() {
            t.styled(
                RowStyle::Total,
                vec![
                    cat.t("report-total"),
                    String::new(),
                    f.amount(&self.income_total),
                    String::new(),
                ],
            );
        }
        s.push(Block::Table(t));
        if !self.funding.is_empty() {
            s.push(Block::Bars(Bars::scaled(
                "funding-sources",
                cat.t("annual-chart-funders"),
                vec![cat.t("annual-share")],
                self.funding
                    .iter()
                    .map(|l| {
                        let label = l
                            .name
                            .clone()
                            .unwrap_or_else(|| cat.t("annual-unattributed-line"));
                        (label, vec![dec(&l.share) * Decimal::ONE_HUNDRED])
                    })
                    .collect(),
                |v| f.percent(v / Decimal::ONE_HUNDRED, 1),
            )));
        }
        let mut by_type = Table::new(
            "funder-types",
            vec![
                Column::text(cat.t("annual-funder-type")),
                Column::number(cat.t("annual-funders")),
                Column::number(self.year.to_string()),
                Column::number(cat.t("annual-share")),
                Column::number(self.previous_year.to_string()),
            ],
        )
        .empty(cat.t("annual-no-income"));
        for l in &self.funding_by_type {
            by_type.row(vec![
                type_label(cat, &l.kind),
                if l.kind == UNATTRIBUTED {
                    String::new()
                } else {
                    l.funders.to_string()
                },
                f.amount(&l.amount),
                ratio(f, &l.share),
                f.amount(&l.previous),
            ]);
        }
        s.push(Block::Table(by_type.caption(cat.t("annual-by-type"))));
        if !self.funding_by_type.is_empty() {
            s.push(Block::Bars(Bars::scaled(
                "funding-types",
                cat.t("annual-chart-types"),
                vec![cat.t("annual-share")],
                self.funding_by_type
                    .iter()
                    .map(|l| {
                        (
                            type_label(cat, &l.kind),
                            vec![dec(&l.share) * Decimal::ONE_HUNDRED],
                        )
                    })
                    .collect(),
                |v| f.percent(v / Decimal::ONE_HUNDRED, 1),
            )));
        }
        let mut facts = vec![Fact::number(cat.t("annual-hhi"), f.amount(&self.hhi))];
        if let Some(l) = &self.largest_funder {
            facts.push(Fact::number(
                cat.ta("annual-largest-funder", &[("name", Arg::from(&l.name))]),
                ratio(f, &l.share),
            ));
        }
        let p = &self.pledged;
        facts.push(Fact::number(
            cat.ta("annual-pledged", &[("count", Arg::from(p.grants))]),
            self.money(f, &p.pledged),
        ));
        facts.push(Fact::number(
            cat.t("annual-pledged-received"),
            self.money(f, &p.received),
        ));
        facts.push(Fact::number(
            cat.t("annual-pledged-received-year"),
            self.money(f, &p.received_year),
        ));
        if let Some(r) = &p.ratio {
            facts.push(Fact::number(cat.t("annual-pledged-ratio"), ratio(f, r)));
        }
        s.push(Block::Facts { facts });
        s.text(cat.t("annual-hhi-note"));
        if !p.other_currency.is_empty() {
            s.notice(
                Level::Info,
                cat.ta(
                    "annual-other-currency",
                    &[("grants", Arg::from(p.other_currency.join(", ")))],
                ),
            );
        }
        s
    }

    fn expenses_section(&self, cat: &Catalogue) -> Section {
        let f = cat.fmt();
        let mut s = Section::new("expenses", cat.t("annual-expenses-section"));
        let mut t = Table::new(
            "by-nature",
            year_columns(
                cat,
                self,
                vec![
                    Column::number(cat.t("report-account")),
                    Column::text(cat.t("report-name")),
                ],
            ),
        )
        .empty(cat.t("annual-no-expense"));
        for g in &self.expenses_by_nature {
            t.styled(
                RowStyle::Group,
                vec![
                    g.class.clone(),
                    self.account_name(f, &g.class, &g.name),
                    f.amount(&g.amount),
                    f.amount(&g.previous),
                ],
            );
            for l in &g.accounts {
                account_row(&mut t, f, self, l);
            }
        }
        t.styled(
            RowStyle::Total,
            vec![
                String::new(),
                cat.t("annual-expenses-total"),
                f.amount(&self.expense_total),
                f.amount(&self.previous.expense_total),
            ],
        );
        s.push(Block::Table(t.caption(cat.t("annual-by-nature"))));
        let mut g = Table::new(
            "by-grant",
            vec![
                Column::text(cat.t("annual-grant")),
                Column::number(cat.t("report-amount")),
            ],
        );
        for l in &self.expenses_by_grant {
            g.row(vec![
                l.grant.clone().unwrap_or_else(|| cat.t("annual-no-grant")),
                f.amount(&l.amount),
            ]);
        }
        g.styled(
            RowStyle::Total,
            vec![cat.t("report-total"), f.amount(&self.expense_total)],
        );
        s.push(Block::Table(g.caption(cat.t("annual-by-grant"))));
        s
    }

    fn grants_section(&self, cat: &Catalogue) -> Section {
        let f = cat.fmt();
        let mut s = Section::new("grants", cat.t("annual-grants"));
        let mut t = Table::new(
            "grants",
            vec![
                Column::text(cat.t("annual-grant")),
                Column::text(cat.t("annual-funder")),
                Column::number(cat.t("annual-pledged-amount")),
                Column::number(cat.t("annual-budget")),
                Column::number(cat.t("annual-received-year")),
                Column::number(cat.t("annual-spent-year")),
                Column::number(cat.t("annual-received-to-date")),
                Column::number(cat.t("annual-spent-to-date")),
                Column::number(cat.t("annual-executed")),
                Column::number(cat.t("annual-dedicated-funds")),
            ],
        )
        .empty(cat.t("annual-no-grant-active"));
        for g in &self.grants {
            let row = t.row(vec![
                g.grant.clone(),
                g.funder_name.clone(),
                f.money(&g.pledged, &g.currency),
                f.amount(&g.budget),
                f.amount(&g.received_year),
                f.amount(&g.spent_year),
                f.amount(&g.received),
                f.amount(&g.spent),
                g.executed
                    .as_deref()
                    .map_or_else(String::new, |e| ratio(f, e)),
                f.amount(&g.dedicated_funds),
            ]);
            if g.executed.as_deref().is_some_and(|e| dec(e) > Decimal::ONE) {
                row.style = RowStyle::Flagged;
                row.note(cat.t("annual-over-budget"));
            }
        }
        s.push(Block::Table(t.caption(cat.ta(
            "annual-amounts-in",
            &[("currency", Arg::from(&self.currency))],
        ))));
        let with_budget: Vec<_> = self
            .grants
            .iter()
            .filter(|g| dec(&g.budget) > Decimal::ZERO)
            .collect();
        if !with_budget.is_empty() {
            s.push(Block::Bars(Bars::scaled(
                "budget-actual",
                cat.t("annual-chart-budget"),
                vec![cat.t("annual-budget"), cat.t("annual-spent-to-date")],
                with_budget
                    .iter()
                    .map(|g| (g.grant.clone(), vec![dec(&g.budget), dec(&g.spent)]))
                    .collect(),
                |v| f.number(v),
            )));
        }
        s
    }

    fn allocation_section(&self, cat: &Catalogue) -> Section {
        let f = cat.fmt();
        let mut s = Section::new("allocation", cat.t("annual-allocation"));
        if self.allocation.is_empty() {
            s.text(cat.ta(
                "annual-allocation-open",
                &[("result", Arg::from(self.money(f, &self.result)))],
            ));
            return s;
        }
        for a in &self.allocation {
            let args = [
                ("result", Arg::from(self.money(f, &a.result))),
                ("account", Arg::from(&a.account)),
                ("date", Arg::from(f.date_str(&a.date))),
            ];
            match &a.decided_on {
                Some(day) => {
                    s.text(cat.ta("annual-allocation-decided", &args));
                    let mut t = Table::new(
                        "allocation",
                        vec![
                            Column::number(cat.t("report-account")),
                            Column::number(cat.t("report-amount")),
                        ],
                    )
                    .caption(cat.ta(
                        "annual-allocation-decided-on",
                        &[("date", Arg::from(f.date_str(day)))],
                    ));
                    for p in &a.parts {
                        t.row(vec![p.account.clone(), f.amount(&p.amount)]);
                    }
                    s.push(Block::Table(t));
                }
                None => {
                    s.text(cat.ta("annual-allocation-proposed", &args));
                }
            }
        }
        s
    }

    fn governance_section(&self, cat: &Catalogue) -> Section {
        let f = cat.fmt();
        let g = &self.governance;
        let mut s = Section::new("governance", cat.t("annual-governance"));
        s.push(Block::Facts {
            facts: vec![
                Fact::text(
                    cat.t("annual-verification"),
                    if g.verified {
                        cat.t("report-verified")
                    } else {
                        cat.ta("report-not-verified", &[("count", Arg::from(g.problems))])
                    },
                ),
                Fact::number(cat.t("report-chain-entries"), g.entries.to_string()),
                Fact::number(cat.t("report-chain-head"), g.head.clone()),
                Fact::number(
                    cat.t("annual-reversals-count"),
                    g.reversals_count.to_string(),
                ),
            ],
        });
        let mut seals = Table::new(
            "seals",
            vec![
                Column::number(cat.t("annual-seal")),
                Column::number(cat.t("annual-recorded")),
                Column::number(cat.t("annual-period-end")),
                Column::number(cat.t("annual-covered")),
                Column::text(cat.t("report-signed-by")),
                Column::number(cat.t("report-seal-fingerprint")),
            ],
        )
        .caption(cat.t("annual-seals"))
        .empty(cat.t("annual-no-seal"));
        for seal in &g.seals {
            let row = seals.row(vec![
                seal.seq.to_string(),
                f.date_str(&seal.recorded),
                seal.period_end
                    .as_deref()
                    .map_or_else(String::new, |d| f.date_str(d)),
                seal.covered.to_string(),
                seal.signed_by.join(", "),
                seal.fingerprint.clone(),
            ]);
            if !seal.valid {
                row.style = RowStyle::Flagged;
                row.note(cat.t("annual-seal-invalid"));
            }
        }
        s.push(Block::Table(seals));
        let mut officers = Table::new(
            "officers",
            vec![
                Column::number(cat.t("annual-officer-id")),
                Column::text(cat.t("report-name")),
                Column::text(cat.t("annual-role")),
            ],
        )
        .caption(cat.t("annual-officers"))
        .empty(cat.t("report-none"));
        for o in &g.officers {
            let role = cat.t(&format!("annual-role-{}", o.role));
            officers.row(vec![o.id.clone(), o.name.clone(), role]);
        }
        s.push(Block::Table(officers));
        let mut reversals = Table::new(
            "reversals",
            vec![
                Column::number(cat.t("report-transaction")),
                Column::number(cat.t("report-date")),
                Column::number(cat.t("annual-reverses")),
                Column::text(cat.t("report-description")),
                Column::text(cat.t("annual-reason")),
            ],
        )
        .caption(cat.t("annual-reversals"))
        .empty(cat.t("annual-no-reversal"));
        for r in &g.reversals {
            reversals.row(vec![
                r.entry.to_string(),
                f.date_str(&r.date),
                r.reverses.to_string(),
                r.description.clone(),
                r.reason.clone(),
            ]);
        }
        s.push(Block::Table(reversals));
        s
    }
}
