//! Renderings of where the money comes from: the funder list, the donor register, the
//! contributions in kind.

use comfy_table::Cell;

use super::{Number, Sheet, SheetWriter, Text, opt, provenance_line, right, table};
use crate::report::{DonorsReport, FunderTypeLine, FundersReport, InKindReport};

/// `By type: members 1 funder 1,200.00 · individual 2 funders 800.00`
fn types_line(types: &[FunderTypeLine], currency: &str) -> String {
    let parts: Vec<String> = types
        .iter()
        .map(|t| {
            let s = if t.funders == 1 { "" } else { "s" };
            format!("{} {} funder{s} {}", t.kind, t.funders, t.received_total)
        })
        .collect();
    format!("\nBy type ({currency}): {}", parts.join(" · "))
}

pub fn funders_table(r: &FundersReport) -> String {
    let mut t = table(&[
        "Funder",
        "Name",
        "Type",
        "Country",
        "Org-id",
        &format!("Received on grants ({})", r.currency),
        "Without grant",
        "Received in all",
    ]);
    for f in &r.funders {
        t.add_row(vec![
            Cell::new(&f.id),
            Cell::new(&f.name),
            Cell::new(&f.kind),
            Cell::new(f.country.as_deref().unwrap_or("")),
            Cell::new(f.org_id.as_deref().unwrap_or("")),
            right(&f.received),
            right(&f.received_without_grant),
            right(&f.received_total),
        ]);
    }
    let mut out = t.to_string();
    if !r.by_type.is_empty() {
        out.push_str(&types_line(&r.by_type, &r.currency));
        out.push_str(&format!(" · all {}", r.received_total));
    }
    out.push_str(&provenance_line(&r.provenance));
    out
}

pub fn funders_csv(r: &FundersReport) -> Sheet {
    let mut w = SheetWriter::new(&[
        "id",
        "name",
        "type",
        "country",
        "received",
        "received_without_grant",
        "received_total",
    ]);
    for f in &r.funders {
        w.row(&[
            Text(&f.id),
            Text(&f.name),
            Text(&f.kind),
            Text(opt(&f.country)),
            Number(&f.received),
            Number(&f.received_without_grant),
            Number(&f.received_total),
        ]);
    }
    w.done()
}

pub fn donors_table(r: &DonorsReport) -> String {
    let mut t = table(&[
        "Funder",
        "Name",
        "Type",
        "Gifts",
        &format!("Total ({})", r.currency),
    ]);
    for d in &r.donors {
        t.add_row(vec![
            Cell::new(&d.funder),
            Cell::new(&d.name),
            Cell::new(&d.kind),
            right(&d.gifts.to_string()),
            right(&d.total),
        ]);
        for g in d.detail.iter().flatten() {
            t.add_row(vec![
                Cell::new(""),
                Cell::new(format!("  {} #{} {}", g.date, g.entry, g.description)),
                Cell::new(""),
                Cell::new(""),
                right(&g.amount),
            ]);
        }
    }
    t.add_row(vec![
        Cell::new(""),
        Cell::new("Total"),
        Cell::new(""),
        right(&r.gifts.to_string()),
        right(&r.total),
    ]);
    let mut out = format!(
        "Donor register, fiscal year {} ({} to {})\n{t}",
        r.year, r.from, r.to
    );
    if !r.by_type.is_empty() {
        out.push_str(&types_line(&r.by_type, &r.currency));
    }
    out.push_str(&provenance_line(&r.provenance));
    out
}

/// One row per donor, or with `--detail` one row per gift (its date, transaction, amount).
pub fn donors_csv(r: &DonorsReport) -> Sheet {
    let mut w = SheetWriter::new(&[
        "funder",
        "name",
        "type",
        "gifts",
        "total",
        "date",
        "entry",
        "description",
        "amount",
    ]);
    for d in &r.donors {
        let gifts = d.gifts.to_string();
        match &d.detail {
            None => w.row(&[
                Text(&d.funder),
                Text(&d.name),
                Text(&d.kind),
                Number(&gifts),
                Number(&d.total),
                Text(""),
                Text(""),
                Text(""),
                Text(""),
            ]),
            Some(detail) => {
                for g in detail {
                    let entry = g.entry.to_string();
                    w.row(&[
                        Text(&d.funder),
                        Text(&d.name),
                        Text(&d.kind),
                        Number(&gifts),
                        Number(&d.total),
                        Text(&g.date),
                        Number(&entry),
                        Text(&g.description),
                        Number(&g.amount),
                    ]);
                }
            }
        }
    }
    w.done()
}

pub fn in_kind_table(r: &InKindReport) -> String {
    let mut t = table(&[
        "#",
        "Date",
        "Description",
        "Resource",
        "Use",
        "Funder",
        &format!("Declared value ({})", r.currency),
    ]);
    for c in &r.contributions {
        t.add_row(vec![
            right(&c.entry.to_string()),
            Cell::new(&c.date),
            Cell::new(&c.description),
            Cell::new(&c.resource),
            Cell::new(&c.use_account),
            Cell::new(c.funder.as_deref().unwrap_or("")),
            right(&c.value),
        ]);
    }
    for a in &r.by_account {
        t.add_row(vec![
            Cell::new(""),
            Cell::new(""),
            Cell::new(format!("{} {} ({})", a.account, a.name, a.contributions)),
            Cell::new(""),
            Cell::new(""),
            Cell::new(""),
            right(&a.value),
        ]);
    }
    t.add_row(vec![
        Cell::new(""),
        Cell::new(""),
        Cell::new("Total"),
        Cell::new(""),
        Cell::new(""),
        Cell::new(""),
        right(&r.total),
    ]);
    format!(
        "Contributions in kind, fiscal year {} ({} to {}): memorandum accounts, not money, not in the result\n{t}{}",
        r.year,
        r.from,
        r.to,
        provenance_line(&r.provenance)
    )
}

pub fn in_kind_csv(r: &InKindReport) -> Sheet {
    let mut w = SheetWriter::new(&[
        "entry",
        "date",
        "description",
        "resource",
        "use",
        "funder",
        "value",
    ]);
    for c in &r.contributions {
        let entry = c.entry.to_string();
        w.row(&[
            Number(&entry),
            Text(&c.date),
            Text(&c.description),
            Text(&c.resource),
            Text(&c.use_account),
            Text(c.funder.as_deref().unwrap_or("")),
            Number(&c.value),
        ]);
    }
    w.done()
}
