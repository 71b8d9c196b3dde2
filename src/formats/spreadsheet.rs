//! CSV for a spreadsheet (`--format csv --excel`): the listings and reports that amana writes
//! as CSV (commas, decimal points, the interchange form that `import` reads back), written the
//! way a spreadsheet set up for the reader's language opens them by a double click. Excel and LibreOffice in French
//! (and Arabic, whose Moroccan settings follow French) split on semicolons and read `1234,50`
//! as a number; in English, on commas with `1234.50`. Both need a UTF-8 byte order mark to read
//! the Arabic and the accents as UTF-8 rather than as the system's code page.
//!
//! Only the amounts change (`-4500.00` becomes `-4500,00`): every cell knows whether it is one
//! ([`Sheet`]), so a code or a reference shaped like a number is kept as written, as is the
//! apostrophe that neutralises a formula.

/// How a spreadsheet set up for a language reads CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub separator: u8,
    pub decimal_comma: bool,
}

impl Dialect {
    /// Semicolons and decimal commas (French, Arabic).
    pub const SEMICOLON: Dialect = Dialect {
        separator: b';',
        decimal_comma: true,
    };
    /// Commas and decimal points (English).
    pub const COMMA: Dialect = Dialect {
        separator: b',',
        decimal_comma: false,
    };
}

/// The UTF-8 byte order mark.
pub const BOM: &str = "\u{feff}";

/// A CSV listing as amana writes it, its cells knowing whether they are amounts: written as
/// the interchange CSV ([`Sheet::csv`]) or for a spreadsheet ([`Sheet::for_spreadsheet`]),
/// where only the amounts take the decimal comma (a code or a reference shaped like a number
/// stays as written).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    lines: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
    /// Cells as written (already neutralised against formulas), each with whether it is an
    /// amount.
    Row(Vec<(String, bool)>),
    /// A line of amana's own words (a report's `# section: table`), never ledger text.
    Raw(String),
    Blank,
}

impl Sheet {
    /// A row of text cells (a header).
    pub fn header(&mut self, cells: &[&str]) {
        self.lines.push(Line::Row(
            cells.iter().map(|c| ((*c).to_string(), false)).collect(),
        ));
    }

    /// A row: each cell as written, and whether it is an amount.
    pub fn row(&mut self, cells: Vec<(String, bool)>) {
        self.lines.push(Line::Row(cells));
    }

    /// A line of amana's own (no separator, no quotes needed).
    pub fn raw(&mut self, line: &str) {
        self.lines.push(Line::Raw(line.to_string()));
    }

    pub fn blank(&mut self) {
        self.lines.push(Line::Blank);
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The lines of `other` after these.
    pub fn append(&mut self, other: Sheet) {
        self.lines.extend(other.lines);
    }

    /// One CSV writer for every run of rows (a new one only after a line of amana's own,
    /// which no writer may quote).
    fn write(&self, separator: u8, decimal_comma: bool, end: &'static str) -> String {
        let terminator = match end {
            "\r\n" => csv::Terminator::CRLF,
            _ => csv::Terminator::Any(b'\n'),
        };
        let builder = {
            let mut b = csv::WriterBuilder::new();
            b.delimiter(separator).flexible(true).terminator(terminator);
            b
        };
        let mut writer = builder.from_writer(vec![]);
        for line in &self.lines {
            match line {
                Line::Row(cells) => {
                    writer
                        .write_record(cells.iter().map(|(cell, amount)| {
                            if decimal_comma && *amount {
                                std::borrow::Cow::Owned(cell.replace('.', ",").into_bytes())
                            } else {
                                std::borrow::Cow::Borrowed(cell.as_bytes())
                            }
                        }))
                        .ok();
                }
                Line::Raw(_) | Line::Blank => {
                    let mut bytes = writer.into_inner().unwrap_or_default();
                    if let Line::Raw(text) = line {
                        bytes.extend_from_slice(text.as_bytes());
                    }
                    bytes.extend_from_slice(end.as_bytes());
                    writer = builder.from_writer(bytes);
                }
            }
        }
        String::from_utf8(writer.into_inner().unwrap_or_default()).expect("UTF-8 in, UTF-8 out")
    }

    /// The interchange CSV: commas, decimal points, LF (what `import` reads back).
    pub fn csv(&self) -> String {
        self.write(b',', false, "\n")
    }

    /// For a spreadsheet of `dialect`: a byte order mark, the dialect's separator and decimal
    /// mark (amounts only), CRLF line ends.
    pub fn for_spreadsheet(&self, dialect: Dialect) -> Vec<u8> {
        let mut out = BOM.to_string();
        out.push_str(&self.write(dialect.separator, dialect.decimal_comma, "\r\n"));
        out.into_bytes()
    }
}

impl std::fmt::Display for Sheet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.csv())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet {
        let mut s = Sheet::default();
        s.raw("# s: t");
        s.header(&["code", "name", "balance"]);
        s.row(vec![
            ("512.10".into(), false),
            ("Banque, compte 1".into(), false),
            ("-4500.00".into(), true),
        ]);
        s.row(vec![
            ("6126".into(), false),
            ("'=1+1".into(), false),
            ("12.5".into(), true),
        ]);
        s.blank();
        s.raw("# s: u");
        s
    }

    #[test]
    fn only_amounts_take_the_decimal_comma() {
        let out = String::from_utf8(sheet().for_spreadsheet(Dialect::SEMICOLON)).unwrap();
        assert_eq!(
            out,
            "\u{feff}# s: t\r\ncode;name;balance\r\n512.10;Banque, compte 1;-4500,00\r\n6126;'=1+1;12,5\r\n\r\n# s: u\r\n"
        );
        let out = String::from_utf8(sheet().for_spreadsheet(Dialect::COMMA)).unwrap();
        assert!(
            out.contains("\r\n512.10,\"Banque, compte 1\",-4500.00\r\n"),
            "{out}"
        );
    }

    #[test]
    fn the_interchange_csv_is_plain() {
        assert_eq!(
            sheet().csv(),
            "# s: t\ncode,name,balance\n512.10,\"Banque, compte 1\",-4500.00\n6126,'=1+1,12.5\n\n# s: u\n"
        );
    }
}
