//! The books every accountant expects: the trial balance (`report trial-balance`, the French
//! "balance générale") and the general ledger (`report ledger --account CODE`, the "grand
//! livre"; the cash book and the bank book are this report for 5161 and 514x).
//!
//! Both are built from two aggregates of the store ([`Store::period_balances`] and
//! [`Store::account_postings`]), never a query per account or per posting. Their models are
//! language-free (the JSON): an account carries its name in force and its labels in each
//! language, and [`Report::body`] picks the reader's. Amounts in the models are exact decimal
//! strings; a signed balance is positive when it is a debit, as `amana balance` prints it.
//!
//! Which period: `from` and `to` as asked. The application fills in a missing `to` with
//! today, and a missing `from` with the first day of the fiscal year `to` falls in, so that
//! the default is the current fiscal year to date, with the balances carried from the years
//! before as opening balances (see `app::report_books`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::doc::{Block, Column, Fact, Level, RowStyle, Section, Table};
use super::i18n::{Arg, Catalogue, Fmt};
use super::output::{Body, Report};
use crate::domain::{LedgerInfo, Minor, checked_sum};
use crate::store::books::{LedgerPostingRow, PeriodRow};
use crate::store::{AccountRow, Store, StoreError};

/// The days a book covers; `from` is `None` for "since the ledger began".
#[derive(Debug, Clone, Serialize)]
pub struct BooksPeriod {
    pub from: Option<String>,
    pub to: String,
}

/// A signed balance split the way a trial balance prints it: in the debit column when it is a
/// debit balance, in the credit column when it is a credit one.
#[derive(Debug, Clone, Serialize)]
pub struct Split {
    pub debit: String,
    pub credit: String,
}

/// One account of the trial balance.
#[derive(Debug, Clone, Serialize)]
pub struct TrialLine {
    pub code: String,
    /// The name in force (the latest renaming).
    pub name: String,
    /// The account's names by language (`ar`, `fr`, `en`), when the chart gave it some.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// The class: the code's first digit.
    pub class: String,
    /// The balance before the period, signed (debit > 0).
    pub opening: String,
    pub opening_split: Split,
    /// The period's debits and credits.
    pub debit: String,
    pub credit: String,
    /// The balance at the period's end, signed: `amana balance --as-of TO` for the account.
    pub closing: String,
    pub closing_split: Split,
}

/// The totals of a class, or of the whole balance.
#[derive(Debug, Clone, Serialize)]
pub struct TrialTotals {
    pub opening_debit: String,
    pub opening_credit: String,
    pub debit: String,
    pub credit: String,
    pub closing_debit: String,
    pub closing_credit: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrialClass {
    pub class: String,
    /// The name of the class's own account (code `1`, `2`...) when the chart has it.
    pub name: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    pub totals: TrialTotals,
}

/// `report trial-balance`: every account with a posting up to `to` (memorandum accounts
/// apart: they are never money), by class, with opening balances, the period's movements and
/// closing balances, each in a debit and a credit column.
#[derive(Debug, Clone, Serialize)]
pub struct TrialBalance {
    pub currency: String,
    #[serde(flatten)]
    pub period: BooksPeriod,
    pub accounts: Vec<TrialLine>,
    pub classes: Vec<TrialClass>,
    pub totals: TrialTotals,
    /// Debits equal credits in each pair of columns: always, on a ledger that verifies.
    pub balanced: bool,
}

/// One posting of the general ledger.
#[derive(Debug, Clone, Serialize)]
pub struct LedgerLine {
    pub date: String,
    /// The transaction number.
    pub transaction: i64,
    /// `transaction`, `reversal`, `closing`.
    pub kind: String,
    pub reference: Option<String>,
    pub description: String,
    pub memo: Option<String>,
    /// The entry's other accounts.
    pub counter: Vec<String>,
    pub debit: String,
    pub credit: String,
    /// The account's balance after this posting, signed (debit > 0).
    pub balance: String,
}

/// One account of the general ledger.
#[derive(Debug, Clone, Serialize)]
pub struct LedgerAccount {
    pub code: String,
    pub name: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    pub opening: String,
    pub postings: Vec<LedgerLine>,
    pub debit: String,
    pub credit: String,
    /// `opening + debit - credit`: the account's balance at `to`.
    pub closing: String,
}

/// `report ledger --account CODE`: each account `CODE` starts (in code order), its opening
/// balance, every posting of the period in date order with the running balance, and its
/// closing balance.
#[derive(Debug, Clone, Serialize)]
pub struct GeneralLedger {
    pub currency: String,
    /// The code or prefix asked for.
    pub account: String,
    #[serde(flatten)]
    pub period: BooksPeriod,
    pub accounts: Vec<LedgerAccount>,
}

fn overflow(what: &'static str) -> StoreError {
    StoreError::TotalOutOfRange { what }
}

fn add(a: Minor, b: Minor, what: &'static str) -> Result<Minor, StoreError> {
    a.checked_add(b).ok_or_else(|| overflow(what))
}

/// The debit and credit parts of a signed balance (a total no ledger amana wrote can reach,
/// `i64::MIN`, is reported as such, never clamped).
fn split_of(balance: Minor, what: &'static str) -> Result<(Minor, Minor), StoreError> {
    if balance.0 >= 0 {
        Ok((balance, Minor::ZERO))
    } else {
        let credit = balance.checked_neg().ok_or_else(|| overflow(what))?;
        Ok((Minor::ZERO, credit))
    }
}

/// The names of every account, by code (one query).
fn names(store: &Store) -> Result<BTreeMap<String, AccountRow>, StoreError> {
    Ok(store
        .accounts(None)?
        .into_iter()
        .map(|a| (a.code.clone(), a))
        .collect())
}

fn labels_of(row: Option<&AccountRow>) -> BTreeMap<String, String> {
    row.map(|a| a.labels.iter().cloned().collect())
        .unwrap_or_default()
}

/// The trial balance of `period`, built from one aggregate over the postings.
pub fn trial_balance(
    store: &Store,
    info: &LedgerInfo,
    period: BooksPeriod,
) -> Result<TrialBalance, StoreError> {
    store.begin_read()?;
    let read = store
        .period_balances(None, period.from.as_deref(), Some(&period.to), false)
        .and_then(|rows| Ok((rows, names(store)?)));
    store.end_read()?;
    let (rows, names) = read?;
    trial_balance_of(info, period, rows, &names)
}

/// Six running totals: opening, period and closing, debit and credit.
#[derive(Default, Clone, Copy)]
struct Sums([Minor; 6]);

impl Sums {
    fn add(&mut self, other: [Minor; 6]) -> Result<(), StoreError> {
        for (total, part) in self.0.iter_mut().zip(other) {
            *total = add(*total, part, "trial balance")?;
        }
        Ok(())
    }

    fn model(&self, info: &LedgerInfo) -> TrialTotals {
        let f = |m: Minor| info.currency.format(m);
        let [od, oc, d, c, cd, cc] = self.0;
        TrialTotals {
            opening_debit: f(od),
            opening_credit: f(oc),
            debit: f(d),
            credit: f(c),
            closing_debit: f(cd),
            closing_credit: f(cc),
        }
    }
}

/// Builds the trial balance from the rows the store summed (pure).
pub fn trial_balance_of(
    info: &LedgerInfo,
    period: BooksPeriod,
    rows: Vec<PeriodRow>,
    names: &BTreeMap<String, AccountRow>,
) -> Result<TrialBalance, StoreError> {
    let f = |m: Minor| info.currency.format(m);
    let mut accounts = vec![];
    let mut classes: Vec<(String, Sums)> = vec![];
    let mut totals = Sums::default();
    for row in rows {
        let moved = checked_sum([row.opening, row.debit])
            .and_then(|m| m.checked_sub(row.credit))
            .ok_or_else(|| overflow("trial balance"))?;
        let (od, oc) = split_of(row.opening, "trial balance")?;
        let (cd, cc) = split_of(moved, "trial balance")?;
        let figures = [od, oc, row.debit, row.credit, cd, cc];
        let class: String = row.code.chars().take(1).collect();
        if classes.last().is_none_or(|(c, _)| *c != class) {
            classes.push((class.clone(), Sums::default()));
        }
        classes.last_mut().expect("pushed").1.add(figures)?;
        totals.add(figures)?;
        let account = names.get(&row.code);
        accounts.push(TrialLine {
            name: account.map(|a| a.name.clone()).unwrap_or_default(),
            labels: labels_of(account),
            class,
            opening: f(row.opening),
            opening_split: Split {
                debit: f(od),
                credit: f(oc),
            },
            debit: f(row.debit),
            credit: f(row.credit),
            closing: f(moved),
            closing_split: Split {
                debit: f(cd),
                credit: f(cc),
            },
            code: row.code,
        });
    }
    let [od, oc, d, c, cd, cc] = totals.0;
    Ok(TrialBalance {
        currency: info.currency.code.clone(),
        period,
        accounts,
        classes: classes
            .into_iter()
            .map(|(class, sums)| {
                let account = names.get(&class);
                TrialClass {
                    name: account.map(|a| a.name.clone()),
                    labels: labels_of(account),
                    totals: sums.model(info),
                    class,
                }
            })
            .collect(),
        totals: totals.model(info),
        balanced: od == oc && d == c && cd == cc,
    })
}

/// The general ledger of the accounts `prefix` starts, for `period`: two statements, the
/// opening balances and the postings.
pub fn general_ledger(
    store: &Store,
    info: &LedgerInfo,
    prefix: &str,
    period: BooksPeriod,
) -> Result<GeneralLedger, StoreError> {
    store.begin_read()?;
    let read = (|| -> Result<_, StoreError> {
        let opening =
            store.period_balances(Some(prefix), period.from.as_deref(), Some(&period.to), true)?;
        let mut postings = vec![];
        store.account_postings(prefix, period.from.as_deref(), Some(&period.to), |p| {
            postings.push(p)
        })?;
        Ok((opening, postings, names(store)?))
    })();
    store.end_read()?;
    let (opening, postings, names) = read?;
    general_ledger_of(info, prefix, period, opening, postings, &names)
}

/// Builds the general ledger from the period's sums per account (for their opening balances)
/// and the period's postings (pure).
pub fn general_ledger_of(
    info: &LedgerInfo,
    prefix: &str,
    period: BooksPeriod,
    opening: Vec<PeriodRow>,
    postings: Vec<LedgerPostingRow>,
    names: &BTreeMap<String, AccountRow>,
) -> Result<GeneralLedger, StoreError> {
    let f = |m: Minor| info.currency.format(m);
    // An account appears when it had a balance before the period or a posting in it.
    let mut open: BTreeMap<String, Minor> = BTreeMap::new();
    for row in opening {
        open.insert(row.code, row.opening);
    }
    let mut by_account: BTreeMap<String, Vec<LedgerPostingRow>> = BTreeMap::new();
    for code in open.keys() {
        by_account.entry(code.clone()).or_default();
    }
    for p in postings {
        by_account.entry(p.account.clone()).or_default().push(p);
    }
    let mut accounts = vec![];
    for (code, rows) in by_account {
        let opening = open.get(&code).copied().unwrap_or(Minor::ZERO);
        let (mut balance, mut debit, mut credit) = (opening, Minor::ZERO, Minor::ZERO);
        let mut lines = vec![];
        for p in rows {
            let (d, c) = split_of(p.amount, "general ledger")?;
            debit = add(debit, d, "general ledger")?;
            credit = add(credit, c, "general ledger")?;
            balance = add(balance, p.amount, "general ledger")?;
            lines.push(LedgerLine {
                date: p.date,
                transaction: p.entry,
                kind: p.kind,
                reference: p.reference,
                description: p.description,
                memo: p.memo,
                counter: p.counter,
                debit: f(d),
                credit: f(c),
                balance: f(balance),
            });
        }
        let account = names.get(&code);
        accounts.push(LedgerAccount {
            name: account.map(|a| a.name.clone()).unwrap_or_default(),
            labels: labels_of(account),
            opening: f(opening),
            postings: lines,
            debit: f(debit),
            credit: f(credit),
            closing: f(balance),
            code,
        });
    }
    Ok(GeneralLedger {
        currency: info.currency.code.clone(),
        account: prefix.to_string(),
        period,
        accounts,
    })
}

/// An account's name in the reader's language when the chart gave it one, else its name.
fn name_in<'a>(cat: &Catalogue, name: &'a str, labels: &'a BTreeMap<String, String>) -> &'a str {
    labels
        .get(cat.lang().code())
        .map(String::as_str)
        .unwrap_or(name)
}

fn period_text(cat: &Catalogue, period: &BooksPeriod) -> String {
    let f = cat.fmt();
    match &period.from {
        Some(from) => cat.ta(
            "report-period-range",
            &[
                ("from", Arg::from(f.date_str(from))),
                ("to", Arg::from(f.date_str(&period.to))),
            ],
        ),
        None => cat.ta(
            "books-period-through",
            &[("to", Arg::from(f.date_str(&period.to)))],
        ),
    }
}

/// A split amount's cell: blank for zero, as a printed trial balance leaves it.
fn cell(f: Fmt, amount: &str) -> String {
    if amount
        .trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        String::new()
    } else {
        f.amount(amount)
    }
}

/// A signed balance as a reader reads it: `1,234.50 Dr`, `80.00 Cr`.
fn signed(cat: &Catalogue, amount: &str) -> String {
    let f = cat.fmt();
    match amount.strip_prefix('-') {
        Some(credit) => format!("{} {}", f.amount(credit), cat.t("books-cr")),
        None if cell(f, amount).is_empty() => f.amount(amount),
        None => format!("{} {}", f.amount(amount), cat.t("books-dr")),
    }
}

fn totals_cells(f: Fmt, t: &TrialTotals) -> [String; 6] {
    [
        f.amount(&t.opening_debit),
        f.amount(&t.opening_credit),
        f.amount(&t.debit),
        f.amount(&t.credit),
        f.amount(&t.closing_debit),
        f.amount(&t.closing_credit),
    ]
}

impl Report for TrialBalance {
    fn kind(&self) -> &'static str {
        "trial-balance"
    }

    fn body(&self, cat: &Catalogue) -> Body {
        let f = cat.fmt();
        let mut table = Table::new(
            "trial-balance",
            vec![
                Column::number(cat.t("report-code")),
                Column::text(cat.t("report-account")),
                Column::number(cat.t("books-opening-debit")),
                Column::number(cat.t("books-opening-credit")),
                Column::number(cat.t("books-period-debit")),
                Column::number(cat.t("books-period-credit")),
                Column::number(cat.t("books-closing-debit")),
                Column::number(cat.t("books-closing-credit")),
            ],
        )
        .empty(cat.t("books-no-accounts"));
        for class in &self.classes {
            let name = class
                .name
                .as_deref()
                .map(|n| name_in(cat, n, &class.labels).to_string())
                .unwrap_or_default();
            let heading = cat.ta(
                "books-class",
                &[
                    ("class", Arg::from(&class.class)),
                    ("name", Arg::from(name)),
                ],
            );
            let mut cells = vec![class.class.clone(), heading.clone()];
            cells.extend(std::iter::repeat_n(String::new(), 6));
            table.styled(RowStyle::Group, cells);
            for a in self.accounts.iter().filter(|a| a.class == class.class) {
                table.row(vec![
                    a.code.clone(),
                    name_in(cat, &a.name, &a.labels).to_string(),
                    cell(f, &a.opening_split.debit),
                    cell(f, &a.opening_split.credit),
                    cell(f, &a.debit),
                    cell(f, &a.credit),
                    cell(f, &a.closing_split.debit),
                    cell(f, &a.closing_split.credit),
                ]);
            }
            let mut cells = vec![
                String::new(),
                cat.ta("books-class-total", &[("class", Arg::from(&class.class))]),
            ];
            cells.extend(totals_cells(f, &class.totals));
            table.styled(RowStyle::Subtotal, cells);
        }
        let mut cells = vec![String::new(), cat.t("books-grand-total")];
        cells.extend(totals_cells(f, &self.totals));
        table.styled(RowStyle::Total, cells);

        let mut section = Section::new("trial-balance", cat.t("books-by-class"));
        section.push(Block::Facts {
            facts: vec![
                Fact::text(cat.t("report-currency"), self.currency.clone()),
                Fact::number(cat.t("books-accounts"), self.accounts.len().to_string()),
            ],
        });
        section.push(Block::Table(table));
        if self.balanced {
            section.notice(Level::Info, cat.t("books-balanced"));
        } else {
            section.notice(Level::Error, cat.t("books-unbalanced"));
        }
        Body {
            title: cat.t("trial-balance-title"),
            subtitle: Some(cat.t("trial-balance-subtitle")),
            period: Some(period_text(cat, &self.period)),
            sections: vec![section],
        }
    }
}

impl Report for GeneralLedger {
    fn kind(&self) -> &'static str {
        "ledger"
    }

    fn body(&self, cat: &Catalogue) -> Body {
        let f = cat.fmt();
        let mut sections = vec![];
        for a in &self.accounts {
            let name = name_in(cat, &a.name, &a.labels);
            let mut table = Table::new(
                &format!("ledger-{}", a.code),
                vec![
                    Column::number(cat.t("report-date")),
                    Column::number(cat.t("books-number")),
                    Column::number(cat.t("report-reference")),
                    Column::text(cat.t("report-description")),
                    Column::number(cat.t("books-counter")),
                    Column::number(cat.t("report-debit")),
                    Column::number(cat.t("report-credit")),
                    Column::number(cat.t("report-balance")),
                ],
            );
            let mut opening = vec![String::new(); 3];
            opening.push(cat.t("report-opening-balance"));
            opening.extend([String::new(), String::new(), String::new()]);
            opening.push(signed(cat, &a.opening));
            table.styled(RowStyle::Subtotal, opening);
            for p in &a.postings {
                let description = match &p.memo {
                    Some(memo) if !memo.is_empty() => format!("{} — {memo}", p.description),
                    _ => p.description.clone(),
                };
                let row = table.row(vec![
                    f.date_str(&p.date),
                    p.transaction.to_string(),
                    p.reference.clone().unwrap_or_default(),
                    description,
                    p.counter.join(" "),
                    cell(f, &p.debit),
                    cell(f, &p.credit),
                    signed(cat, &p.balance),
                ]);
                if p.kind != "transaction" {
                    row.note(cat.t(&format!("books-kind-{}", p.kind)));
                }
            }
            let mut total = vec![String::new(); 3];
            total.push(cat.t("books-period-total"));
            total.push(String::new());
            total.extend([f.amount(&a.debit), f.amount(&a.credit), String::new()]);
            table.styled(RowStyle::Subtotal, total);
            let mut closing = vec![String::new(); 3];
            closing.push(cat.t("report-closing-balance"));
            closing.extend([String::new(), String::new(), String::new()]);
            closing.push(signed(cat, &a.closing));
            table.styled(RowStyle::Total, closing);

            let mut section =
                Section::new(&format!("account-{}", a.code), format!("{} {name}", a.code));
            section.push(Block::Facts {
                facts: vec![
                    Fact::number(cat.t("report-opening-balance"), signed(cat, &a.opening)),
                    Fact::number(cat.t("books-period-debit"), f.amount(&a.debit)),
                    Fact::number(cat.t("books-period-credit"), f.amount(&a.credit)),
                    Fact::number(cat.t("report-closing-balance"), signed(cat, &a.closing)),
                ],
            });
            section.push(Block::Table(table));
            sections.push(section);
        }
        if sections.is_empty() {
            let mut section = Section::new("ledger", cat.t("ledger-title"));
            section.text(cat.ta(
                "ledger-no-posting",
                &[("account", Arg::from(&self.account))],
            ));
            sections.push(section);
        }
        Body {
            title: cat.t("ledger-title"),
            subtitle: Some(cat.ta(
                "ledger-subtitle",
                &[
                    ("account", Arg::from(&self.account)),
                    ("currency", Arg::from(&self.currency)),
                ],
            )),
            period: Some(period_text(cat, &self.period)),
            sections,
        }
    }
}
