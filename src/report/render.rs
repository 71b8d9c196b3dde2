//! Renderings of the listing models as text tables and CSV. JSON is the model itself.

use comfy_table::{
    Cell, CellAlignment, ContentArrangement, ContentLineStyle, LineStyle, Table, TableStyle,
};

use super::{BalanceReport, JournalReport, LogReport};
use crate::formats::journal::COLUMNS;
pub use crate::formats::spreadsheet::Sheet;
use crate::verify::{Problem, VerifyReport};

pub mod document;
pub mod html;
pub mod pdf;
mod sources;
pub use sources::{
    donors_csv, donors_table, funders_csv, funders_table, in_kind_csv, in_kind_table,
};

pub(super) fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    // Columns apart by two spaces, one rule under the header: quiet, and easy to grep.
    let style = TableStyle::new()
        .header_lines(ContentLineStyle::none().junction(' '))
        .header_separator(LineStyle::none().fill('─').junction('─'))
        .content_lines(ContentLineStyle::none().junction(' '));
    t.load_style(style)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.iter().map(Cell::new));
    t
}

pub(super) fn right(s: &str) -> Cell {
    Cell::new(s).set_alignment(CellAlignment::Right)
}

/// A cell of a CSV listing. Every CSV amana writes is opened in spreadsheets, where a text
/// such as `=HYPERLINK(...)` or `-2+3` would run as a formula: text cells are neutralised
/// ([`crate::formats::journal::csv_text`]), numbers written as numbers (a negative amount stays one).
pub(super) enum Field<'a> {
    Text(&'a str),
    Number(&'a str),
}

use Field::{Number, Text};

/// Writes CSV listings only through [`Field`]s, so that no cell escapes neutralisation.
pub(super) struct SheetWriter(Sheet);

impl SheetWriter {
    /// A writer, with the header row (column names are amana's own, never user text).
    pub(super) fn new(header: &[&str]) -> SheetWriter {
        let mut sheet = Sheet::default();
        sheet.header(header);
        SheetWriter(sheet)
    }

    pub(super) fn row(&mut self, fields: &[Field<'_>]) {
        let cells = fields
            .iter()
            .map(|f| match f {
                Text(t) => (crate::formats::journal::csv_text(t).into_owned(), false),
                // A "number" that is not a plain decimal is written as (neutralised) text.
                Number(n) => (
                    crate::formats::journal::csv_number(n).into_owned(),
                    crate::formats::journal::plain_number(n),
                ),
            })
            .collect();
        self.0.row(cells);
    }

    pub(super) fn done(self) -> Sheet {
        self.0
    }
}

/// A CSV listing of plain rows, through [`SheetWriter`]: `numbers` are the columns that hold
/// amounts or rates, every other cell is text.
pub fn rows_csv(header: &[&str], numbers: &[usize], rows: &[Vec<String>]) -> Sheet {
    let mut w = SheetWriter::new(header);
    for row in rows {
        let fields: Vec<Field<'_>> = row
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                if numbers.contains(&i) {
                    Number(cell)
                } else {
                    Text(cell)
                }
            })
            .collect();
        w.row(&fields);
    }
    w.done()
}

fn opt(o: &Option<String>) -> &str {
    o.as_deref().unwrap_or("")
}

pub fn balance_table(r: &BalanceReport) -> String {
    let mut t = table(&[
        "Code",
        "Account",
        "Type",
        &format!("Balance ({})", r.currency),
    ]);
    for a in &r.accounts {
        t.add_row(vec![
            Cell::new(&a.code),
            Cell::new(&a.name),
            Cell::new(&a.kind),
            right(&a.balance),
        ]);
    }
    t.add_row(vec![
        Cell::new(""),
        Cell::new("Total"),
        Cell::new(""),
        right(&r.total),
    ]);
    let mut out = t.to_string();
    if !r.memorandum.is_empty() {
        out.push_str(&memorandum_table(r));
    }
    let mut scope = vec![];
    match (&r.from, &r.as_of) {
        (Some(from), Some(to)) => scope.push(format!("movements from {from} to {to}")),
        (Some(from), None) => scope.push(format!("movements from {from}")),
        (None, Some(d)) => scope.push(format!("as of {d}")),
        (None, None) => {}
    }
    if r.before_closing {
        scope.push("closing entries of fiscal years left out".to_string());
    }
    if let Some(g) = &r.grant {
        scope.push(format!("postings charged to grant {g}"));
    }
    if !scope.is_empty() {
        out.push_str(&format!("\n({})", scope.join(", ")));
    }
    out.push_str(&provenance_line(&r.provenance));
    out
}

/// The memorandum accounts, apart from the books' own: in-kind contributions at a declared
/// value, never money and never the result.
fn memorandum_table(r: &BalanceReport) -> String {
    let mut t = table(&[
        "Code",
        "Memorandum account (in kind, not money)",
        "Type",
        &format!("Declared value ({})", r.currency),
    ]);
    for a in &r.memorandum {
        t.add_row(vec![
            Cell::new(&a.code),
            Cell::new(&a.name),
            Cell::new(&a.kind),
            right(&a.balance),
        ]);
    }
    format!("\n\n{t}")
}

/// `Khotwa · chain entries 1–1053, head 404a528e6067f044 · 2026-11-29T10:20:00Z`
pub(super) fn provenance_line(p: &super::Provenance) -> String {
    format!(
        "\n{} · chain entries 1–{}, head {} · {}",
        p.ledger,
        p.entries,
        p.head.get(..16).unwrap_or(&p.head),
        p.generated
    )
}

pub fn balance_csv(r: &BalanceReport) -> Sheet {
    let mut w = SheetWriter::new(&["code", "name", "type", "balance"]);
    for a in r.accounts.iter().chain(&r.memorandum) {
        w.row(&[
            Text(&a.code),
            Text(&a.name),
            Text(&a.kind),
            Number(&a.balance),
        ]);
    }
    w.done()
}

/// Entries as hledger's `print` shows them: a header line, then one indented line per posting.
pub fn journal_text(r: &JournalReport) -> String {
    let mut out = String::new();
    for e in &r.transactions {
        out.push_str(&format!("#{} {} {}", e.id, e.date, e.description));
        if let Some(reference) = &e.reference {
            out.push_str(&format!("  [{reference}]"));
        }
        if let (Some(rev), Some(reason)) = (e.reverses, &e.reason) {
            out.push_str(&format!("  (reverses #{rev}: {reason})"));
        }
        if let Some(by) = e.reversed_by {
            out.push_str(&format!("  (reversed by #{by})"));
        }
        out.push('\n');
        let width = e
            .postings
            .iter()
            .map(|p| p.account.len())
            .max()
            .unwrap_or(0);
        let amount_width = e.postings.iter().map(|p| p.amount.len()).max().unwrap_or(0);
        for p in &e.postings {
            out.push_str(&format!(
                "    {:<width$}  {:>amount_width$} {}",
                p.account, p.amount, r.currency
            ));
            if let Some(g) = &p.grant {
                out.push_str(&format!("  {g}"));
                if let Some(l) = &p.line {
                    out.push_str(&format!("/{l}"));
                }
            }
            if let (Some(a), Some(c)) = (&p.original_amount, &p.original_currency) {
                out.push_str(&format!("  (= {a} {c})"));
            }
            if let Some(m) = &p.memo {
                out.push_str(&format!("  ; {m}"));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(provenance_line(&r.provenance).trim_start());
    out.push('\n');
    out
}

/// The import format: what `journal --format csv` writes, `import` reads back.
pub fn journal_csv(r: &JournalReport) -> Sheet {
    let mut w = SheetWriter::new(&COLUMNS);
    for e in &r.transactions {
        let id = e.id.to_string();
        for p in &e.postings {
            w.row(&[
                Number(&id),
                Text(&e.date),
                Text(&e.description),
                Text(opt(&e.reference)),
                Text(&p.account),
                Number(&p.amount),
                Text(opt(&p.grant)),
                Text(opt(&p.line)),
                Text(opt(&p.memo)),
                Number(opt(&p.original_amount)),
                Text(opt(&p.original_currency)),
            ]);
        }
    }
    w.done()
}

pub fn log_table(r: &LogReport) -> String {
    let mut t = table(&["Seq", "Time (UTC)", "Actor", "Kind", "What", "Chain hash"]);
    for e in &r.entries {
        t.add_row(vec![
            right(&e.seq.to_string()),
            Cell::new(e.time.get(..19).unwrap_or(&e.time).replace('T', " ")),
            Cell::new(&e.actor),
            Cell::new(&e.kind),
            Cell::new(&e.summary),
            Cell::new(e.chain.get(..16).unwrap_or(&e.chain)),
        ]);
    }
    t.to_string()
}

pub fn log_csv(r: &LogReport) -> Sheet {
    let mut w = SheetWriter::new(&[
        "seq",
        "time",
        "actor",
        "kind",
        "summary",
        "entry_hash",
        "chain",
    ]);
    for e in &r.entries {
        w.row(&[
            Number(&e.seq.to_string()),
            Text(&e.time),
            Text(&e.actor),
            Text(&e.kind),
            Text(&e.summary),
            Text(&e.entry_hash),
            Text(&e.chain),
        ]);
    }
    w.done()
}

/// The verification as text, in English ([`super::verify_page::verify_text_in`] says it in
/// another language).
pub fn verify_text(r: &VerifyReport) -> String {
    let english = super::i18n::Catalogue::embedded(super::i18n::Lang::En);
    super::verify_page::verify_text_in(r, &english)
}

pub fn verify_csv(r: &VerifyReport) -> Sheet {
    problems_csv(&r.problems)
}

/// A finding's detail quotes what it found (a name, a description), so it is text like any.
fn problems_csv(problems: &[Problem]) -> Sheet {
    let mut w = SheetWriter::new(&["seq", "kind", "detail"]);
    for p in problems {
        w.row(&[
            Number(&p.seq.to_string()),
            Text(p.kind.as_str()),
            Text(&p.detail.to_string()),
        ]);
    }
    w.done()
}

pub fn accounts_table(r: &super::AccountsReport) -> String {
    let mut t = table(&["Code", "Account", "Type", "Status", "Other names"]);
    for a in &r.accounts {
        let labels: Vec<String> = a.labels.iter().map(|(l, n)| format!("{l}: {n}")).collect();
        t.add_row(vec![
            Cell::new(&a.code),
            Cell::new(match &a.retired {
                Some(from) => format!("{} (retired from {from})", a.name),
                None => a.name.clone(),
            }),
            Cell::new(&a.kind),
            Cell::new(&a.status),
            Cell::new(labels.join("; ")),
        ]);
    }
    t.to_string()
}

pub fn accounts_csv(r: &super::AccountsReport) -> Sheet {
    let mut w = SheetWriter::new(&[
        "code", "name", "type", "name_ar", "name_fr", "name_en", "status",
    ]);
    for a in &r.accounts {
        let label = |l: &str| a.labels.get(l).map_or("", String::as_str);
        w.row(&[
            Text(&a.code),
            Text(&a.name),
            Text(&a.kind),
            Text(label("ar")),
            Text(label("fr")),
            Text(label("en")),
            Text(&a.status),
        ]);
    }
    w.done()
}

/// The marks of a budget line in the grants' table: over-spent, withdrawn.
fn line_marks(l: &super::BudgetLineStatus) -> String {
    let mut marks = vec![];
    if l.overspent {
        marks.push("OVER-SPENT".to_string());
    }
    if let Some(from) = &l.withdrawn {
        marks.push(format!("WITHDRAWN from {from}"));
    }
    marks.join(", ")
}

pub fn grants_text(r: &super::GrantsReport) -> String {
    let mut out = String::new();
    for g in &r.grants {
        out.push_str(&format!(
            "{} from {}: {} {}, {} to {}{}\n",
            g.id,
            g.funder,
            g.amount,
            g.currency,
            g.start,
            g.end,
            if g.restricted { ", restricted" } else { "" }
        ));
        if let Some(p) = &g.purpose {
            out.push_str(&format!("  {p}\n"));
        }
        for a in &g.amendments {
            let mut changes = vec![];
            if let Some(amount) = &a.amount {
                changes.push(format!("amount {amount} {}", g.currency));
            }
            if let Some(end) = &a.end {
                changes.push(format!("end {end}"));
            }
            out.push_str(&format!(
                "  amended from {} (entry {}): {} ({})\n",
                a.effective,
                a.seq,
                changes.join(", "),
                a.reason
            ));
        }
        let mut marks = String::new();
        if g.over_received {
            marks.push_str(", RECEIVED PAST THE AGREED AMOUNT");
        }
        if g.overspent {
            marks.push_str(", SPENT PAST THE GRANT'S TOTAL");
        }
        let foreign = g.currency != r.currency;
        if foreign {
            let c = &g.in_currency;
            // A figure in the grant's currency that is not known is left out.
            let known = |m: &Option<String>| {
                m.as_ref()
                    .map(|m| format!(" ({m} {})", g.currency))
                    .unwrap_or_default()
            };
            let remaining = match (&c.remaining_original, &c.remaining, &c.rate) {
                (Some(o), Some(m), Some(rate)) => format!(
                    ", remaining {o} {} ({m} {} at {rate} {} for 1 {})",
                    g.currency, r.currency, r.currency, g.currency
                ),
                (Some(o), _, _) => format!(", remaining {o} {}", g.currency),
                _ => String::new(),
            };
            out.push_str(&format!(
                "  received {} {}{}, spent {} {}{}{remaining}{marks}\n",
                g.received,
                r.currency,
                known(&c.received_original),
                g.spent,
                r.currency,
                known(&c.spent_original),
            ));
        } else {
            out.push_str(&format!(
                "  received {} {}, spent {} {}{marks}\n",
                g.received, r.currency, g.spent, r.currency
            ));
        }
        if g.in_currency.closing_days > 0 {
            out.push_str(&format!(
                "  costs eligible through {} ({} days after its end)\n",
                g.in_currency.last_eligible_day, g.in_currency.closing_days
            ));
        }
        if !g.lines.is_empty() {
            let (budget, spent, remaining) = (
                format!("Budget {}", g.currency),
                format!("Spent {}", g.currency),
                format!("Remaining {}", g.currency),
            );
            // The columns in the grant's currency, when some figure in it is known.
            let foreign = foreign
                && g.lines.iter().any(|l| {
                    l.in_currency.budget_original.is_some()
                        || l.in_currency.spent_original.is_some()
                });
            let mut headers = vec!["Line", "Label", "Budget", "Spent", "Remaining"];
            if foreign {
                headers.extend([budget.as_str(), spent.as_str(), remaining.as_str()]);
            }
            headers.push("");
            let mut t = table(&headers);
            for l in &g.lines {
                let mut row = vec![
                    Cell::new(&l.line),
                    Cell::new(&l.label),
                    right(l.budget.as_deref().unwrap_or("-")),
                    right(&l.spent),
                    right(l.remaining.as_deref().unwrap_or("-")),
                ];
                if foreign {
                    let c = &l.in_currency;
                    row.extend([
                        right(c.budget_original.as_deref().unwrap_or("-")),
                        right(c.spent_original.as_deref().unwrap_or("-")),
                        right(c.remaining_original.as_deref().unwrap_or("-")),
                    ]);
                }
                row.push(Cell::new(line_marks(l)));
                t.add_row(row);
            }
            for line in t.to_string().lines() {
                out.push_str(&format!("  {line}\n"));
            }
            for l in &g.lines {
                for a in &l.amendments {
                    let mut changes = vec![];
                    if let Some(amount) = &a.amount {
                        let currency = if g.in_currency.budget_currency == "grant" {
                            &g.currency
                        } else {
                            &r.currency
                        };
                        changes.push(format!("budget {amount} {currency}"));
                    }
                    if a.withdrawn {
                        changes.push("withdrawn".to_string());
                    }
                    out.push_str(&format!(
                        "  line {} amended from {} (entry {}): {} ({})\n",
                        l.line,
                        a.effective,
                        a.seq,
                        changes.join(", "),
                        a.reason
                    ));
                }
            }
        }
        out.push('\n');
    }
    out.push_str(provenance_line(&r.provenance).trim_start());
    out.push('\n');
    out
}

pub fn grants_csv(r: &super::GrantsReport) -> Sheet {
    let mut w = SheetWriter::new(&[
        "grant",
        "funder",
        "line",
        "label",
        "budget",
        "spent",
        "remaining",
    ]);
    for g in &r.grants {
        for l in &g.lines {
            w.row(&[
                Text(&g.id),
                Text(&g.funder),
                Text(&l.line),
                Text(&l.label),
                Number(l.budget.as_deref().unwrap_or("")),
                Number(&l.spent),
                Number(l.remaining.as_deref().unwrap_or("")),
            ]);
        }
    }
    w.done()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::{Finding, Problem};

    #[test]
    fn verify_csv_neutralises_a_formula_quoted_in_a_detail() {
        // A detail that opens with what it quotes, here a file name.
        let csv = problems_csv(&[Problem::new(
            -3,
            Finding::SummaryUnreadable {
                file: "=HYPERLINK(\"http://x\",\"y\")",
                error: "gone".into(),
            },
        )]);
        assert_eq!(
            csv.csv(),
            "seq,kind,detail\n-3,metadata-mismatch,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\") cannot be read (gone): a bundle written by amana has it, derived from chain.jsonl\"\n"
        );
    }

    #[test]
    fn numbers_stay_numbers_and_anything_else_is_text() {
        let mut w = SheetWriter::new(&["a", "b", "c", "d"]);
        w.row(&[
            Number("-4500.00"),
            Number("-1+1"),
            Text("-4500.00"),
            Text("@x"),
        ]);
        assert_eq!(w.done().csv(), "a,b,c,d\n-4500.00,'-1+1,'-4500.00,'@x\n");
    }
}
