//! A report as a reader sees it: a document of sections, each a list of blocks (text, facts,
//! tables, bar charts, notices), every label already translated and every figure already
//! formatted for the report's language. Each report builds its document from its data model
//! (what `--format json` prints) once; the text, CSV, HTML and PDF renderers only lay it out
//! and never compute (hledger's one report model behind every output format). The templates
//! in `reports/` see both: the document as `doc`, the model as `data`.

use rust_decimal::Decimal;
use serde::Serialize;

use super::i18n::Lang;

/// One report, ready to lay out.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The report kind (`funder`, `annual`, ...): which template lays it out.
    pub kind: String,
    pub lang: Lang,
    /// `rtl` for Arabic, else `ltr`: the root element's `dir`.
    pub dir: &'static str,
    pub title: String,
    pub subtitle: Option<String>,
    /// The association's name, as the ledger names it.
    pub association: String,
    /// Where the figures come from: period, time of generation, chain head, last seal.
    pub provenance: Vec<Fact>,
    /// Said at the top in red when the ledger does not verify.
    pub alert: Option<String>,
    /// The last seal's fingerprint, with a QR code of it, so a paper copy can be checked.
    pub seal: Option<SealMark>,
    pub sections: Vec<Section>,
    /// The words the layout itself needs (page numbers, "continued"...), in the report's
    /// language.
    pub labels: Labels,
}

/// The last seal, as a report prints it.
#[derive(Debug, Clone, Serialize)]
pub struct SealMark {
    pub label: String,
    /// As `verify --seal` takes it: `7W69-RMDN-9JJF-8F5W`.
    pub fingerprint: String,
    /// An SVG drawing of the QR code of `fingerprint` (no text, no script).
    pub qr_svg: String,
    pub signed_by: String,
}

/// Words a layout needs that no report supplies.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Labels {
    pub page: String,
    pub generated_by: String,
    pub seal_hint: String,
    /// How the text rendering marks a notice of each level (`note`, `warning`).
    pub note: String,
    pub warning: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// A stable name (`budget`, `expenses`...), for CSV and for templates that pick sections.
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Section {
    pub fn new(id: &str, title: impl Into<String>) -> Section {
        Section {
            id: id.into(),
            title: title.into(),
            blocks: Vec::new(),
        }
    }

    pub fn push(&mut self, block: Block) -> &mut Section {
        self.blocks.push(block);
        self
    }

    pub fn text(&mut self, text: impl Into<String>) -> &mut Section {
        self.push(Block::Text { text: text.into() })
    }

    pub fn notice(&mut self, level: Level, text: impl Into<String>) -> &mut Section {
        self.push(Block::Notice {
            level,
            text: text.into(),
        })
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    /// A paragraph.
    Text {
        text: String,
    },
    /// Label and value pairs (the agreement of a grant, the verification result).
    Facts {
        facts: Vec<Fact>,
    },
    Table(Table),
    /// A horizontal bar chart.
    Bars(Bars),
    /// Something the reader must not miss.
    Notice {
        level: Level,
        text: String,
    },
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// One label and its value; `numeric` values are kept left to right in Arabic.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
    pub numeric: bool,
}

impl Fact {
    pub fn text(label: impl Into<String>, value: impl Into<String>) -> Fact {
        Fact {
            label: label.into(),
            value: value.into(),
            numeric: false,
        }
    }

    pub fn number(label: impl Into<String>, value: impl Into<String>) -> Fact {
        Fact {
            label: label.into(),
            value: value.into(),
            numeric: true,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// A stable name, for CSV (`# table: ID`) and templates.
    pub id: String,
    pub caption: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// What to say when there are no rows.
    pub empty: Option<String>,
}

impl Table {
    pub fn new(id: &str, columns: Vec<Column>) -> Table {
        Table {
            id: id.into(),
            caption: None,
            columns,
            rows: Vec::new(),
            empty: None,
        }
    }

    pub fn caption(mut self, caption: impl Into<String>) -> Table {
        self.caption = Some(caption.into());
        self
    }

    pub fn empty(mut self, text: impl Into<String>) -> Table {
        self.empty = Some(text.into());
        self
    }

    /// Adds a row of plain style; its cells are as many as the columns.
    pub fn row(&mut self, cells: Vec<String>) -> &mut Row {
        self.styled(RowStyle::Normal, cells)
    }

    pub fn styled(&mut self, style: RowStyle, cells: Vec<String>) -> &mut Row {
        debug_assert_eq!(cells.len(), self.columns.len(), "table {}", self.id);
        self.rows.push(Row {
            cells,
            style,
            note: None,
        });
        self.rows.last_mut().expect("just pushed")
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub label: String,
    /// Amounts, counts, dates and codes: right-aligned, left to right even in Arabic.
    pub numeric: bool,
}

impl Column {
    pub fn text(label: impl Into<String>) -> Column {
        Column {
            label: label.into(),
            numeric: false,
        }
    }

    pub fn number(label: impl Into<String>) -> Column {
        Column {
            label: label.into(),
            numeric: true,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub cells: Vec<String>,
    pub style: RowStyle,
    /// A remark printed under the row (an explanation of a variance, a warning).
    pub note: Option<String>,
}

impl Row {
    pub fn note(&mut self, note: impl Into<String>) -> &mut Row {
        self.note = Some(note.into());
        self
    }
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum RowStyle {
    Normal,
    /// A heading row inside a table (a class of accounts, a grant).
    Group,
    Subtotal,
    Total,
    /// A row the reader must look at (an over-spent line, a missing explanation).
    Flagged,
}

/// A horizontal bar chart: one bar per item and series, each bar's length a share of the
/// largest value in the chart.
#[derive(Debug, Clone, Serialize)]
pub struct Bars {
    pub id: String,
    pub caption: String,
    /// The series' names (`Budget`, `Spent`); one value per series in every item.
    pub series: Vec<String>,
    pub items: Vec<BarItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BarItem {
    pub label: String,
    pub values: Vec<BarValue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BarValue {
    /// As printed beside the bar.
    pub text: String,
    /// The bar's length, in percent of the chart's width, two decimals ("42.31"), never
    /// negative.
    pub width: String,
}

impl Bars {
    /// A chart of `items` (label and one amount per series), each bar scaled to the largest
    /// amount; `text` formats an amount for printing. Negative amounts draw as empty bars.
    pub fn scaled(
        id: &str,
        caption: impl Into<String>,
        series: Vec<String>,
        items: Vec<(String, Vec<Decimal>)>,
        text: impl Fn(Decimal) -> String,
    ) -> Bars {
        let largest = items
            .iter()
            .flat_map(|(_, v)| v.iter().copied())
            .fold(Decimal::ZERO, Decimal::max);
        let width = |v: Decimal| {
            if largest <= Decimal::ZERO || v <= Decimal::ZERO {
                return "0.00".to_string();
            }
            let pct = (v * Decimal::ONE_HUNDRED / largest)
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            format!("{pct:.2}")
        };
        Bars {
            id: id.into(),
            caption: caption.into(),
            series,
            items: items
                .into_iter()
                .map(|(label, values)| BarItem {
                    label,
                    values: values
                        .into_iter()
                        .map(|v| BarValue {
                            text: text(v),
                            width: width(v),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_scaled_to_the_largest_value_and_never_negative() {
        let bars = Bars::scaled(
            "b",
            "c",
            vec!["budget".into(), "spent".into()],
            vec![
                ("a".into(), vec![Decimal::new(400, 0), Decimal::new(100, 0)]),
                ("b".into(), vec![Decimal::new(300, 0), Decimal::new(-5, 0)]),
            ],
            |v| v.to_string(),
        );
        let widths: Vec<&str> = bars
            .items
            .iter()
            .flat_map(|i| i.values.iter().map(|v| v.width.as_str()))
            .collect();
        assert_eq!(widths, ["100.00", "25.00", "75.00", "0.00"]);
        assert_eq!(bars.items[1].values[1].text, "-5");
    }
}
