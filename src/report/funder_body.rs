//! The funder report as a reader reads it, in a language: its sections built from the model
//! of `funder.rs`, every label from `reports/i18n/LANG/funder.ftl`, every figure formatted
//! here (the renderers only lay the document out).

use rust_decimal::Decimal;

use super::doc::{Bars, Block, Column, Fact, Level, RowStyle, Section, Table};
use super::funder::{FunderLine, FunderReport};
use super::i18n::{Arg, Catalogue, Fmt};
use super::output::{Body, Report};

impl Report for FunderReport {
    fn kind(&self) -> &'static str {
        "funder"
    }

    fn body(&self, cat: &Catalogue) -> Body {
        let f = cat.fmt();
        let a = &self.agreement;
        let from = self.from.as_deref().unwrap_or(&a.start);
        let period = match &self.to {
            Some(to) => cat.ta(
                "report-period-range",
                &[
                    ("from", f.date_str(from).into()),
                    ("to", f.date_str(to).into()),
                ],
            ),
            None => cat.ta("funder-period-open", &[("from", f.date_str(from).into())]),
        };
        Body {
            title: cat.ta("funder-title", &[("grant", (&self.grant).into())]),
            subtitle: Some(cat.ta(
                "funder-subtitle",
                &[
                    ("grant", (&self.grant).into()),
                    ("funder", (&a.funder_name).into()),
                ],
            )),
            period: Some(period),
            sections: vec![
                self.agreement_section(cat, f),
                self.summary_section(cat, f),
                self.instalments_section(cat, f),
                self.budget_section(cat, f),
                self.cofunding_section(cat, f),
                self.unspent_section(cat, f),
                self.expenses_section(cat, f),
            ],
        }
    }
}

/// A percentage of the model (`"42.31"`, already × 100) as the language writes it.
fn pct(f: Fmt, value: Option<&str>) -> String {
    value
        .and_then(|v| Decimal::from_str_exact(v).ok())
        .map(|d| f.percent(d / Decimal::ONE_HUNDRED, 2))
        .unwrap_or_else(|| "—".into())
}

fn opt_money(f: Fmt, value: Option<&str>, currency: &str) -> String {
    value.map_or_else(|| "—".into(), |v| f.money(v, currency))
}

fn opt_amount(f: Fmt, value: Option<&str>) -> String {
    value.map_or_else(|| "—".into(), |v| f.amount(v))
}

impl FunderReport {
    fn in_other_currency(&self) -> bool {
        self.agreement.currency != self.currency
    }

    fn agreement_section(&self, cat: &Catalogue, f: Fmt) -> Section {
        let a = &self.agreement;
        let mut s = Section::new("agreement", cat.t("funder-section-agreement"));
        let mut facts = vec![
            Fact::text(
                cat.t("funder-funder"),
                format!("{} ({})", a.funder_name, a.funder),
            ),
            Fact::text(
                cat.t("funder-funder-type"),
                if a.funder_type.is_empty() {
                    "—".into()
                } else {
                    cat.t(&format!("funder-type-{}", a.funder_type))
                },
            ),
            Fact::number(cat.t("funder-amount"), f.money(&a.amount, &a.currency)),
        ];
        if self.in_other_currency() {
            facts.push(Fact::number(
                cat.ta(
                    "funder-amount-ledger",
                    &[("currency", (&self.currency).into())],
                ),
                opt_money(f, a.amount_ledger_currency.as_deref(), &self.currency),
            ));
        }
        facts.push(Fact::number(
            cat.t("funder-grant-period"),
            cat.ta(
                "funder-grant-period-range",
                &[
                    ("start", f.date_str(&a.start).into()),
                    ("end", f.date_str(&a.end).into()),
                ],
            ),
        ));
        if a.last_eligible_day != a.end {
            facts.push(Fact::number(
                cat.t("funder-last-eligible"),
                f.date_str(&a.last_eligible_day),
            ));
        }
        if let Some(purpose) = &a.purpose {
            facts.push(Fact::text(cat.t("funder-purpose"), purpose.clone()));
        }
        facts.push(Fact::text(
            cat.t("funder-restricted"),
            cat.t(if a.restricted {
                "report-yes"
            } else {
                "report-no"
            }),
        ));
        if self.in_other_currency() {
            let args = [
                ("currency", Arg::from(&a.currency)),
                ("base", Arg::from(&self.currency)),
                ("rate", Arg::from(opt_amount(f, a.rate.as_deref()))),
                // One argument, so that Arabic keeps the equation left to right as a whole.
                (
                    "quote",
                    Arg::from(format!(
                        "1 {} = {} {}",
                        a.currency,
                        opt_amount(f, a.rate.as_deref()),
                        self.currency
                    )),
                ),
            ];
            let method = match (a.rate_method.as_deref(), &a.rate) {
                (_, None) => cat.t("funder-rate-unknown"),
                (Some("instalments"), _) => cat.ta("funder-rate-instalments", &args),
                (Some("daily"), _) => cat.ta("funder-rate-daily", &args),
                _ => cat.ta("funder-rate-none", &args),
            };
            facts.push(Fact::text(cat.t("funder-rate-method"), method));
        }
        s.push(Block::Facts { facts });
        s
    }

    fn summary_section(&self, cat: &Catalogue, f: Fmt) -> Section {
        let (base, grant) = (&self.currency, &self.agreement.currency);
        let both = |ledger: &str, original: Option<&str>| {
            let mut v = f.money(ledger, base);
            if self.in_other_currency() {
                v = format!("{v} ({})", opt_money(f, original, grant));
            }
            v
        };
        let mut facts = vec![
            Fact::number(
                cat.t("funder-received"),
                both(&self.received, self.received_grant_currency.as_deref()),
            ),
            Fact::number(
                cat.t("funder-spent"),
                both(&self.spent, self.spent_grant_currency.as_deref()),
            ),
            Fact::number(
                cat.t("funder-unspent"),
                both(
                    &self.unspent.amount,
                    self.unspent.amount_grant_currency.as_deref(),
                ),
            ),
        ];
        if let (Some(r), Some(s)) = (&self.period_received, &self.period_spent) {
            facts.push(Fact::number(
                cat.t("funder-period-received"),
                f.money(r, base),
            ));
            facts.push(Fact::number(cat.t("funder-period-spent"), f.money(s, base)));
        }
        let mut s = Section::new("summary", cat.t("funder-section-summary"));
        s.push(Block::Facts { facts });
        s
    }

    fn instalments_section(&self, cat: &Catalogue, f: Fmt) -> Section {
        let mut columns = vec![
            Column::number(cat.t("report-date")),
            Column::number(cat.t("report-reference")),
            Column::text(cat.t("report-description")),
            Column::number(cat.ta("funder-in", &[("currency", (&self.currency).into())])),
        ];
        let other = self.in_other_currency();
        if other {
            columns.push(Column::number(cat.ta(
                "funder-in",
                &[("currency", (&self.agreement.currency).into())],
            )));
            columns.push(Column::number(cat.t("funder-rate")));
        }
        let mut t = Table::new("instalments", columns).empty(cat.t("funder-no-instalments"));
        for i in &self.instalments {
            let mut cells = vec![
                f.date_str(&i.date),
                i.reference.clone().unwrap_or_default(),
                i.description.clone(),
                f.amount(&i.amount),
            ];
            if other {
                let original = match (&i.original_amount, &i.original_currency) {
                    (Some(a), Some(c)) => f.money(a, c),
                    _ => "—".into(),
                };
                cells.push(original);
                cells.push(
                    i.rate
                        .as_deref()
                        .map_or_else(|| "—".into(), |r| f.amount(r)),
                );
            }
            t.row(cells);
        }
        if !self.instalments.is_empty() {
            let total = self.period_received.as_deref().unwrap_or(&self.received);
            let mut cells = vec![
                String::new(),
                String::new(),
                cat.t("report-total"),
                f.amount(total),
            ];
            if other {
                let original = match &self.from {
                    None => opt_amount(f, self.received_grant_currency.as_deref()),
                    Some(_) => String::new(),
                };
                cells.push(original);
                cells.push(String::new());
            }
            t.styled(RowStyle::Total, cells);
        }
        let mut s = Section::new("instalments", cat.t("funder-section-instalments"));
        s.push(Block::Table(t));
        s
    }

    fn line_label(&self, cat: &Catalogue, l: &FunderLine) -> String {
        if l.line == "-" {
            cat.t("funder-no-line")
        } else {
            l.label.clone()
        }
    }

    fn budget_section(&self, cat: &Catalogue, f: Fmt) -> Section {
        let base = &self.currency;
        let mut s = Section::new("budget", cat.t("funder-section-budget"));
        s.text(cat.ta("funder-figures-in", &[("currency", base.into())]));
        let period = self.from.is_some();
        let mut columns = vec![
            Column::number(cat.t("funder-line")),
            Column::text(cat.t("report-description")),
            Column::number(cat.t("funder-budget")),
            Column::number(cat.t("funder-spent")),
        ];
        if period {
            columns.push(Column::number(cat.t("funder-period-spent")));
        }
        columns.extend([
            Column::number(cat.t("funder-variance")),
            Column::number(cat.t("funder-variance-percent")),
            Column::number(cat.t("funder-executed")),
        ]);
        let mut t = Table::new("lines", columns);
        for l in &self.lines {
            let mut cells = vec![
                l.line.clone(),
                self.line_label(cat, l),
                opt_amount(f, l.budget.as_deref()),
                f.amount(&l.spent),
            ];
            if period {
                cells.push(opt_amount(f, l.period_spent.as_deref()));
            }
            cells.extend([
                opt_amount(f, l.variance.as_deref()),
                pct(f, l.variance_percent.as_deref()),
                pct(f, l.percent.as_deref()),
            ]);
            let flagged = l.overspent || l.explanation_missing;
            let row = t.styled(
                if flagged {
                    RowStyle::Flagged
                } else {
                    RowStyle::Normal
                },
                cells,
            );
            let mut notes = Vec::new();
            if l.overspent && l.line != "-" {
                notes.push(cat.t("funder-overspent"));
            }
            if let Some(e) = &l.explanation {
                notes.push(cat.ta(
                    "funder-explanation",
                    &[
                        ("through", f.date_str(&e.through).into()),
                        ("text", (&e.text).into()),
                    ],
                ));
            } else if l.explanation_missing {
                notes.push(cat.t("funder-explanation-missing"));
            }
            if !notes.is_empty() {
                row.note(notes.join(" — "));
            }
        }
        let budget_total = self
            .lines
            .iter()
            .map(|l| {
                l.budget
                    .as_deref()
                    .and_then(|b| Decimal::from_str_exact(b).ok())
            })
            .try_fold(Decimal::ZERO, |acc, b| acc.checked_add(b?));
        let mut total = vec![
            String::new(),
            cat.t("report-total"),
            budget_total.map_or_else(|| "—".into(), |b| f.number(b)),
            f.amount(&self.spent),
        ];
        if period {
            total.push(opt_amount(f, self.period_spent.as_deref()));
        }
        total.extend([String::new(), String::new(), String::new()]);
        t.styled(RowStyle::Total, total);
        s.push(Block::Table(t));
        let threshold = cat.ta(
            "funder-threshold",
            &[
                (
                    "percent",
                    Decimal::from_str_exact(&self.threshold.percent)
                        .map(|p| f.percent(p / Decimal::ONE_HUNDRED, 0))
                        .unwrap_or_else(|_| self.threshold.percent.clone())
                        .into(),
                ),
                ("amount", f.money(&self.threshold.amount, base).into()),
            ],
        );
        s.text(threshold);
        if self.missing_explanations > 0 {
            s.notice(
                Level::Warning,
                cat.ta(
                    "funder-missing-notice",
                    &[("count", self.missing_explanations.into())],
                ),
            );
        }
        let items = self
            .lines
            .iter()
            .map(|l| {
                let d = |v: Option<&str>| {
                    v.and_then(|v| Decimal::from_str_exact(v).ok())
                        .unwrap_or_default()
                };
                let label = self.line_label(cat, l);
                (
                    if label.is_empty() {
                        l.line.clone()
                    } else {
                        label
                    },
                    vec![d(l.budget.as_deref()), d(Some(&l.spent))],
                )
            })
            .collect();
        s.push(Block::Bars(Bars::scaled(
            "budget-chart",
            cat.t("funder-chart"),
            vec![cat.t("funder-budget"), cat.t("funder-spent")],
            items,
            |v| f.number(v),
        )));
        if self.in_other_currency() {
            let grant = &self.agreement.currency;
            let mut t = Table::new(
                "lines-grant-currency",
                vec![
                    Column::number(cat.t("funder-line")),
                    Column::text(cat.t("report-description")),
                    Column::number(cat.t("funder-budget")),
                    Column::number(cat.t("funder-spent")),
                    Column::number(cat.t("funder-variance")),
                ],
            )
            .caption(cat.ta("funder-figures-in", &[("currency", grant.into())]));
            for l in &self.lines {
                t.row(vec![
                    l.line.clone(),
                    self.line_label(cat, l),
                    opt_amount(f, l.budget_grant_currency.as_deref()),
                    opt_amount(f, l.spent_grant_currency.as_deref()),
                    opt_amount(f, l.variance_grant_currency.as_deref()),
                ]);
            }
            s.push(Block::Table(t));
        }
        s
    }

    fn cofunding_section(&self, cat: &Catalogue, f: Fmt) -> Section {
        let mut s = Section::new("cofunding", cat.t("funder-section-cofunding"));
        s.text(cat.t("funder-cofunding-intro"));
        let mut t = Table::new(
            "cofunding",
            vec![
                Column::number(cat.t("report-account")),
                Column::text(cat.t("report-name")),
                Column::number(cat.t("funder-this-grant")),
                Column::text(cat.t("funder-other-grants")),
                Column::number(cat.t("funder-own-funds")),
                Column::number(cat.t("report-total")),
            ],
        )
        .empty(cat.t("funder-no-expenses"));
        for c in &self.cofunding {
            let others = c
                .other_grants
                .iter()
                .map(|g| format!("{} {}", g.grant, f.amount(&g.spent)))
                .collect::<Vec<_>>()
                .join("; ");
            t.row(vec![
                c.account.clone(),
                c.name.clone(),
                f.amount(&c.this_grant),
                if others.is_empty() {
                    "—".into()
                } else {
                    others
                },
                f.amount(&c.own_funds),
                f.amount(&c.total),
            ]);
        }
        s.push(Block::Table(t));
        s
    }

    fn unspent_section(&self, cat: &Catalogue, f: Fmt) -> Section {
        let base = &self.currency;
        let u = &self.unspent;
        let mut s = Section::new("unspent", cat.t("funder-section-unspent"));
        let mut facts = vec![Fact::number(
            cat.t("funder-unspent"),
            f.money(&u.amount, base),
        )];
        if let Some(original) = &u.amount_grant_currency {
            facts.push(Fact::number(
                cat.ta(
                    "funder-in",
                    &[("currency", (&self.agreement.currency).into())],
                ),
                f.money(original, &self.agreement.currency),
            ));
        }
        facts.push(Fact::number(
            cat.t("funder-dedicated"),
            f.money(&u.dedicated_funds, base),
        ));
        for c in &u.carried {
            facts.push(Fact::number(
                cat.ta(
                    "funder-carried-year",
                    &[("year", c.year.to_string().into())],
                ),
                f.money(&c.amount, base),
            ));
        }
        s.push(Block::Facts { facts });
        let outcome = cat.ta(
            &format!("funder-outcome-{}", u.outcome),
            &[
                ("date", f.date_str(&u.spend_by).into()),
                (
                    "amount",
                    f.money(u.amount.trim_start_matches('-'), base).into(),
                ),
            ],
        );
        match u.outcome.as_str() {
            "to-refund" | "overspent" => s.notice(Level::Warning, outcome),
            _ => s.text(outcome),
        };
        s
    }

    fn expenses_section(&self, cat: &Catalogue, f: Fmt) -> Section {
        let other = self.in_other_currency();
        let mut columns = vec![
            Column::number(cat.t("report-date")),
            Column::number(cat.t("report-reference")),
            Column::text(cat.t("report-description")),
            Column::number(cat.t("funder-line")),
            Column::number(cat.t("report-account")),
            Column::number(cat.ta("funder-in", &[("currency", (&self.currency).into())])),
        ];
        if other {
            columns.push(Column::number(cat.ta(
                "funder-in",
                &[("currency", (&self.agreement.currency).into())],
            )));
        }
        columns.push(Column::number(cat.t("funder-receipts")));
        let mut t = Table::new("expenses", columns).empty(cat.t("funder-no-expenses"));
        for e in &self.expenses {
            let mut description = e.description.clone();
            if let Some(memo) = &e.memo {
                description = format!("{description} — {memo}");
            }
            let mut cells = vec![
                f.date_str(&e.date),
                e.reference.clone().unwrap_or_default(),
                description,
                e.line.clone().unwrap_or_else(|| "—".into()),
                e.account.clone(),
                f.amount(&e.amount),
            ];
            if other {
                cells.push(opt_amount(f, e.amount_grant_currency.as_deref()));
            }
            // The first 16 hex digits name a receipt for a reader; the JSON has all 64.
            let receipts = e
                .receipts
                .iter()
                .map(|r| r.get(..16).unwrap_or(r).to_string())
                .collect::<Vec<_>>()
                .join(" ");
            cells.push(if receipts.is_empty() {
                "—".into()
            } else {
                receipts
            });
            t.row(cells);
        }
        if !self.expenses.is_empty() {
            let mut cells = vec![
                String::new(),
                String::new(),
                cat.t("report-total"),
                String::new(),
                String::new(),
                f.amount(self.period_spent.as_deref().unwrap_or(&self.spent)),
            ];
            if other {
                cells.push(match &self.from {
                    None => opt_amount(f, self.spent_grant_currency.as_deref()),
                    Some(_) => String::new(),
                });
            }
            cells.push(String::new());
            t.styled(RowStyle::Total, cells);
        }
        let mut s = Section::new("expenses", cat.t("funder-section-expenses"));
        s.text(cat.ta(
            "funder-expenses-count",
            &[("count", self.expenses.len().into())],
        ));
        s.push(Block::Table(t));
        s
    }
}
