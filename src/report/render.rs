//! Renderings of the listing models as text tables and CSV. JSON is the model itself.

use comfy_table::{
    Cell, CellAlignment, ContentArrangement, ContentLineStyle, LineStyle, Table, TableStyle,
};

use super::{BalanceReport, JournalReport, LogReport};
use crate::import::COLUMNS;
use crate::verify::{ProblemKind, VerifyReport};

fn table(header: &[&str]) -> Table {
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

fn right(s: &str) -> Cell {
    Cell::new(s).set_alignment(CellAlignment::Right)
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::Writer::from_writer(vec![])
}

fn csv_done(w: csv::Writer<Vec<u8>>) -> String {
    String::from_utf8(w.into_inner().expect("writing to memory cannot fail"))
        .expect("UTF-8 in, UTF-8 out")
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
    let mut scope = vec![];
    if let Some(d) = &r.as_of {
        scope.push(format!("as of {d}"));
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

/// `Khotwa · chain entries 1–1053, head 404a528e6067f044 · 2026-11-29T10:20:00Z`
fn provenance_line(p: &super::Provenance) -> String {
    format!(
        "\n{} · chain entries 1–{}, head {} · {}",
        p.ledger,
        p.entries,
        p.head.get(..16).unwrap_or(&p.head),
        p.generated
    )
}

pub fn balance_csv(r: &BalanceReport) -> String {
    let mut w = csv_writer();
    w.write_record(["code", "name", "type", "balance"]).ok();
    for a in &r.accounts {
        w.write_record([&a.code, &a.name, &a.kind, &a.balance]).ok();
    }
    csv_done(w)
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
pub fn journal_csv(r: &JournalReport) -> String {
    let mut w = csv_writer();
    w.write_record(COLUMNS).ok();
    for e in &r.transactions {
        for p in &e.postings {
            let id = e.id.to_string();
            let opt = |o: &Option<String>| o.clone().unwrap_or_default();
            w.write_record([
                id,
                e.date.clone(),
                e.description.clone(),
                opt(&e.reference),
                p.account.clone(),
                p.amount.clone(),
                opt(&p.grant),
                opt(&p.line),
                opt(&p.memo),
                opt(&p.original_amount),
                opt(&p.original_currency),
            ])
            .ok();
        }
    }
    csv_done(w)
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

pub fn log_csv(r: &LogReport) -> String {
    let mut w = csv_writer();
    w.write_record([
        "seq",
        "time",
        "actor",
        "kind",
        "summary",
        "entry_hash",
        "chain",
    ])
    .ok();
    for e in &r.entries {
        w.write_record([
            &e.seq.to_string(),
            &e.time,
            &e.actor,
            &e.kind,
            &e.summary,
            &e.entry_hash,
            &e.chain,
        ])
        .ok();
    }
    csv_done(w)
}

pub fn verify_text(r: &VerifyReport) -> String {
    let mut out = String::new();
    if r.ok {
        out.push_str(&format!(
            "OK: {} chain entries verified ({} transactions, {} table rows compared with the chain).\n",
            r.entries, r.transactions, r.rows_checked
        ));
        out.push_str(
            "Every hash and link recomputes, every entry obeys the rules, every seal recomputes and its \
             signatures verify, and every receipt is intact.\n",
        );
        if r.rows_checked > 0 {
            out.push_str(
                "Every table the reports read agrees with the chain, and the file's schema and SQLite's \
                 integrity check are sound.\n",
            );
        }
    } else {
        let count = r
            .problems
            .iter()
            .filter(|p| p.kind != ProblemKind::More)
            .count();
        out.push_str(&format!(
            "FAILED: {count} problem{} in {} chain entries.\n",
            if count == 1 { "" } else { "s" },
            r.entries
        ));
        for p in &r.problems {
            out.push_str(&format!(
                "  entry {}: {}: {}\n",
                p.seq,
                p.kind.as_str(),
                p.detail
            ));
        }
    }
    if !r.warnings.is_empty() {
        out.push_str(&format!(
            "{} warning{} (they prove no alteration, but deserve a look):\n",
            r.warnings.len(),
            if r.warnings.len() == 1 { "" } else { "s" }
        ));
        for p in &r.warnings {
            out.push_str(&format!(
                "  entry {}: {}: {}\n",
                p.seq,
                p.kind.as_str(),
                p.detail
            ));
        }
    }
    for s in &r.seals {
        let signed = if s.signed_by.is_empty() {
            "no valid signature".to_string()
        } else {
            format!("signed by {}", s.signed_by.join(", "))
        };
        let locked = s
            .period_end
            .as_ref()
            .map(|d| format!(", locks through {d}"))
            .unwrap_or_default();
        let state = if s.valid { "" } else { " (INVALID)" };
        out.push_str(&format!(
            "seal {} (entry {}): covers entries 1 to {}{locked}, {signed}{state}\n",
            s.fingerprint, s.seq, s.covered
        ));
    }
    if r.signed_through > 0 {
        out.push_str(&format!(
            "Signed by officers through entry {}.\n",
            r.signed_through
        ));
    }
    if r.anchored_through > 0 {
        out.push_str(&format!(
            "Matches the published head through entry {}.\n",
            r.anchored_through
        ));
    }
    if r.unanchored > 0 {
        out.push_str(&format!(
            "Not yet vouched for: the last {} entries are consistent, but neither covered by a signed seal nor by a published head (--anchor).\n",
            r.unanchored
        ));
    }
    out.push_str(&format!("head: {} {}\n", r.entries, r.head));
    out
}

pub fn verify_csv(r: &VerifyReport) -> String {
    let mut w = csv_writer();
    w.write_record(["seq", "kind", "detail"]).ok();
    for p in &r.problems {
        w.write_record([&p.seq.to_string(), p.kind.as_str(), &p.detail])
            .ok();
    }
    csv_done(w)
}

pub fn accounts_table(r: &super::AccountsReport) -> String {
    let mut t = table(&["Code", "Account", "Type", "Other names"]);
    for a in &r.accounts {
        let labels: Vec<String> = a.labels.iter().map(|(l, n)| format!("{l}: {n}")).collect();
        t.add_row(vec![
            Cell::new(&a.code),
            Cell::new(&a.name),
            Cell::new(&a.kind),
            Cell::new(labels.join("; ")),
        ]);
    }
    t.to_string()
}

pub fn accounts_csv(r: &super::AccountsReport) -> String {
    let mut w = csv_writer();
    w.write_record(["code", "name", "type", "name_ar", "name_fr", "name_en"])
        .ok();
    for a in &r.accounts {
        let label = |l: &str| a.labels.get(l).cloned().unwrap_or_default();
        w.write_record([
            a.code.clone(),
            a.name.clone(),
            a.kind.clone(),
            label("ar"),
            label("fr"),
            label("en"),
        ])
        .ok();
    }
    csv_done(w)
}

pub fn funders_table(r: &super::FundersReport) -> String {
    let mut t = table(&[
        "Funder",
        "Name",
        "Type",
        "Country",
        &format!("Received on grants ({})", r.currency),
    ]);
    for f in &r.funders {
        t.add_row(vec![
            Cell::new(&f.id),
            Cell::new(&f.name),
            Cell::new(&f.kind),
            Cell::new(f.country.as_deref().unwrap_or("")),
            right(&f.received),
        ]);
    }
    let mut out = t.to_string();
    out.push_str(&provenance_line(&r.provenance));
    out
}

pub fn funders_csv(r: &super::FundersReport) -> String {
    let mut w = csv_writer();
    w.write_record(["id", "name", "type", "country", "received"])
        .ok();
    for f in &r.funders {
        w.write_record([
            &f.id,
            &f.name,
            &f.kind,
            f.country.as_deref().unwrap_or(""),
            &f.received,
        ])
        .ok();
    }
    csv_done(w)
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
        out.push_str(&format!(
            "  received {} {}, spent {} {}\n",
            g.received, r.currency, g.spent, r.currency
        ));
        if !g.lines.is_empty() {
            let mut t = table(&["Line", "Label", "Budget", "Spent", "Remaining", ""]);
            for l in &g.lines {
                t.add_row(vec![
                    Cell::new(&l.line),
                    Cell::new(&l.label),
                    right(&l.budget),
                    right(&l.spent),
                    right(&l.remaining),
                    Cell::new(if l.overspent { "OVER-SPENT" } else { "" }),
                ]);
            }
            for line in t.to_string().lines() {
                out.push_str(&format!("  {line}\n"));
            }
        }
        out.push('\n');
    }
    out.push_str(provenance_line(&r.provenance).trim_start());
    out.push('\n');
    out
}

pub fn grants_csv(r: &super::GrantsReport) -> String {
    let mut w = csv_writer();
    w.write_record([
        "grant",
        "funder",
        "line",
        "label",
        "budget",
        "spent",
        "remaining",
    ])
    .ok();
    for g in &r.grants {
        for l in &g.lines {
            w.write_record([
                &g.id,
                &g.funder,
                &l.line,
                &l.label,
                &l.budget,
                &l.spent,
                &l.remaining,
            ])
            .ok();
        }
    }
    csv_done(w)
}
