//! CSV for a spreadsheet (`--format csv --excel`): the CSV amana writes (commas, decimal
//! points, the interchange form that `import` reads back) rewritten the way a spreadsheet set
//! up for the reader's language opens it by a double click. Excel and LibreOffice in French
//! (and Arabic, whose Moroccan settings follow French) split on semicolons and read `1234,50`
//! as a number; in English, on commas with `1234.50`. Both need a UTF-8 byte order mark to read
//! the Arabic and the accents as UTF-8 rather than as the system's code page.
//!
//! Only cells that are plain decimal numbers change (`-4500.00` becomes `-4500,00`); text is
//! kept as written, including the apostrophe that neutralises a formula. Blank lines between
//! the tables of a report are kept.

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

/// Whether `cell` is a plain decimal number as amana writes amounts (`-4500.00`).
fn plain_decimal(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let Some((int, frac)) = digits.split_once('.') else {
        return false;
    };
    let all_digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    all_digits(int) && all_digits(frac)
}

/// `csv` (as amana writes it) for a spreadsheet of `dialect`: a byte order mark, the
/// dialect's separator and decimal mark, CRLF line ends.
pub fn for_spreadsheet(csv: &str, dialect: Dialect) -> Vec<u8> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    let mut out = BOM.as_bytes().to_vec();
    let mut record = csv::StringRecord::new();
    // amana's own CSV always parses; a record that does not ends the rewrite (what was read
    // is kept).
    loop {
        let start = reader.position().line();
        if !reader.read_record(&mut record).unwrap_or(false) {
            break;
        }
        // The reader passes over blank lines: a record that took more lines than its own (one,
        // plus the line breaks inside its quoted cells) came after as many.
        let breaks: u64 = record.iter().map(|c| c.matches('\n').count() as u64).sum();
        for _ in 0..reader.position().line().saturating_sub(start + 1 + breaks) {
            out.extend_from_slice(b"\r\n");
        }
        let cells = record.iter().map(|cell| {
            if dialect.decimal_comma && plain_decimal(cell) {
                cell.replace('.', ",")
            } else {
                cell.to_string()
            }
        });
        // One writer a record, so that a blank line stays a blank line (a writer quotes an
        // empty record).
        let mut line = csv::WriterBuilder::new()
            .delimiter(dialect.separator)
            .flexible(true)
            .terminator(csv::Terminator::CRLF)
            .from_writer(vec![]);
        line.write_record(cells).ok();
        out.extend(line.into_inner().unwrap_or_default());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_take_the_decimal_comma_and_text_is_kept() {
        let csv = "code,name,balance\n5141,\"Banque, compte 1\",-4500.00\n6126,'=1+1,12.5\n\n# s: t\na,b\n";
        let out = String::from_utf8(for_spreadsheet(csv, Dialect::SEMICOLON)).unwrap();
        assert_eq!(
            out,
            "\u{feff}code;name;balance\r\n5141;Banque, compte 1;-4500,00\r\n6126;'=1+1;12,5\r\n\r\n# s: t\r\na;b\r\n"
        );
        let out = String::from_utf8(for_spreadsheet(csv, Dialect::COMMA)).unwrap();
        assert!(
            out.starts_with("\u{feff}code,name,balance\r\n5141,\"Banque, compte 1\",-4500.00\r\n")
        );
    }

    #[test]
    fn only_plain_decimals_are_numbers() {
        for (cell, number) in [
            ("-4500.00", true),
            ("12.5", true),
            ("2026-01-15", false),
            ("1.2.3", false),
            (".5", false),
            ("5.", false),
            ("12", false),
            ("'-1.5", false),
        ] {
            assert_eq!(plain_decimal(cell), number, "{cell}");
        }
    }
}
