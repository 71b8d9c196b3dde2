//! A report's document as plain text (for the terminal and e-mail) and as CSV (every table,
//! each under a `# section: table` line, for a spreadsheet). The CSV is made from a document
//! built with plain numbers (`1234.50`, no grouping: [`crate::report::i18n::Fmt::plain`]), so
//! its amounts stay numbers in any spreadsheet.

use comfy_table::Cell;

use super::{Field, Sheet, SheetWriter, right, table};
use crate::report::doc::{Block, Document, Level, RowStyle, Table};

/// The document as text: title, provenance, then each section's blocks.
pub fn text(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(alert) = &doc.alert {
        out.push_str(&format!("!! {alert}\n\n"));
    }
    out.push_str(&format!("{}\n{}\n", doc.association, doc.title));
    if let Some(sub) = &doc.subtitle {
        out.push_str(&format!("{sub}\n"));
    }
    out.push('\n');
    for f in &doc.provenance {
        out.push_str(&format!("{}: {}\n", f.label, f.value));
    }
    if let Some(seal) = &doc.seal {
        out.push_str(&format!("{}: {}", seal.label, seal.fingerprint));
        if !seal.signed_by.is_empty() {
            out.push_str(&format!(" ({})", seal.signed_by));
        }
        out.push('\n');
    }
    for section in &doc.sections {
        out.push_str(&format!(
            "\n{}\n{}\n",
            section.title,
            underline(&section.title)
        ));
        for block in &section.blocks {
            match block {
                Block::Text { text } => out.push_str(&format!("{text}\n")),
                Block::Facts { facts } => {
                    let width = facts
                        .iter()
                        .map(|f| f.label.chars().count())
                        .max()
                        .unwrap_or(0);
                    for f in facts {
                        let pad = width - f.label.chars().count();
                        out.push_str(&format!("  {}:{} {}\n", f.label, " ".repeat(pad), f.value));
                    }
                }
                Block::Table(t) => out.push_str(&table_text(t)),
                // A chart repeats figures a table beside it gives.
                Block::Bars(_) => {}
                Block::Notice { level, text } => {
                    let mark = match level {
                        Level::Info => doc.labels.note.as_str(),
                        Level::Warning => doc.labels.warning.as_str(),
                        Level::Error => "!!",
                    };
                    out.push_str(&format!("{mark}: {text}\n"));
                }
            }
        }
    }
    out
}

fn underline(title: &str) -> String {
    "─".repeat(title.chars().count().max(1))
}

fn table_text(t: &Table) -> String {
    let mut out = String::new();
    if let Some(caption) = &t.caption {
        out.push_str(&format!("{caption}\n"));
    }
    if t.rows.is_empty() {
        if let Some(empty) = &t.empty {
            out.push_str(&format!("  {empty}\n"));
        }
        return out;
    }
    let header: Vec<&str> = t.columns.iter().map(|c| c.label.as_str()).collect();
    let mut table = table(&header);
    for row in &t.rows {
        let cells = row.cells.iter().zip(&t.columns).map(|(cell, col)| {
            let cell = match row.style {
                RowStyle::Flagged if std::ptr::eq(col, &t.columns[0]) => format!("! {cell}"),
                _ => cell.clone(),
            };
            if col.numeric {
                right(&cell)
            } else {
                Cell::new(cell)
            }
        });
        table.add_row(cells.collect::<Vec<_>>());
        if let Some(note) = &row.note {
            let mut cells = vec![Cell::new(format!("  ↳ {note}"))];
            cells.extend((1..t.columns.len()).map(|_| Cell::new("")));
            table.add_row(cells);
        }
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out
}

/// `facts` as a table of two columns, label and value (a plain number stays a number; any
/// other value is neutralised text, as every CSV cell amana writes).
fn facts_table(id: &str, facts: &[crate::report::doc::Fact]) -> Table {
    use crate::report::doc::Column;
    let mut t = Table::new(id, vec![Column::text("label"), Column::number("value")]);
    for f in facts {
        t.rows.push(crate::report::doc::Row {
            cells: vec![f.label.clone(), f.value.clone()],
            style: RowStyle::Normal,
            note: None,
        });
    }
    t
}

/// Every table of the document as CSV, each under a line `# SECTION: TABLE` and its header,
/// tables apart by an empty line; facts (label and value) as tables `facts-N` of two
/// columns.
pub fn csv(doc: &Document) -> Sheet {
    let mut out = Sheet::default();
    for section in &doc.sections {
        for (n, block) in section.blocks.iter().enumerate() {
            let facts;
            let t = match block {
                Block::Table(t) => t,
                // Label and value pairs as a table of two columns, so that a receipt or an
                // agreement has its figures in the CSV too.
                Block::Facts { facts: list } => {
                    facts = facts_table(&format!("facts-{n}"), list);
                    &facts
                }
                _ => continue,
            };
            if !out.is_empty() {
                out.blank();
            }
            out.raw(&format!("# {}: {}", section.id, t.id));
            // Section and table names are amana's identifiers, never text from the ledger.
            let header: Vec<String> = t
                .columns
                .iter()
                .map(|c| crate::formats::journal::csv_text(&c.label).into_owned())
                .collect();
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let mut sheet = SheetWriter::new(&header);
            for row in &t.rows {
                let fields: Vec<Field<'_>> = row
                    .cells
                    .iter()
                    .zip(&t.columns)
                    .map(|(cell, col)| {
                        if col.numeric {
                            Field::Number(cell)
                        } else {
                            Field::Text(cell)
                        }
                    })
                    .collect();
                sheet.row(&fields);
            }
            out.append(sheet.done());
        }
    }
    out
}
