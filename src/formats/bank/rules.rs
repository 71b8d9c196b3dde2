//! A bank's rules file: how its statements are laid out, and which counter account, funder,
//! grant and budget line each kind of line goes to. In the spirit of hledger's CSV rules, as
//! TOML, and strict: a key amana does not know is refused (a typo would otherwise be a rule
//! silently ignored), and every pattern is compiled before anything is read.
//!
//! ```toml
//! encoding = "windows-1252"        # utf-8 (with or without BOM), windows-1252, iso-8859-1, windows-1256
//! separator = ";"
//! skip = 6                         # lines before the header line
//! date_format = "%d/%m/%Y"         # chrono's notation: %d day, %m month, %Y year, %y two digits
//! decimal = ","
//! thousands = " "                  # any of these characters group thousands
//! suspense = "3497"                # where lines no rule matches go
//!
//! [columns]                        # by the header's name, or by number from 1
//! date = "Date opération"
//! description = ["Libellé", "Complément"]
//! debit = "Débit"
//! credit = "Crédit"
//! balance = "Solde"
//!
//! [[rule]]
//! pattern = "(?i)cotisation"
//! account = "7581"
//! ```

use std::fmt;
use std::ops::Range;

use regex::Regex;
use serde::Deserialize;

use super::Encoding;

/// A column named by its header or by its position (1-based), as the rules file gives it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum ColumnRef {
    Number(usize),
    Name(String),
}

impl fmt::Display for ColumnRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColumnRef::Number(n) => write!(f, "#{n}"),
            ColumnRef::Name(n) => write!(f, "\"{n}\""),
        }
    }
}

/// One column or several, joined with a space (a description split over two columns).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum ColumnRefs {
    One(ColumnRef),
    Many(Vec<ColumnRef>),
}

impl ColumnRefs {
    pub fn as_slice(&self) -> &[ColumnRef] {
        match self {
            ColumnRefs::One(c) => std::slice::from_ref(c),
            ColumnRefs::Many(v) => v,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnsSpec {
    pub date: Option<ColumnRef>,
    pub value_date: Option<ColumnRef>,
    pub description: Option<ColumnRefs>,
    pub reference: Option<ColumnRef>,
    /// One signed column: money in positive, money out negative.
    pub amount: Option<ColumnRef>,
    /// Money out of the account, as the bank shows it (a positive figure).
    pub debit: Option<ColumnRef>,
    /// Money into the account.
    pub credit: Option<ColumnRef>,
    pub balance: Option<ColumnRef>,
}

/// Which way a rule's lines move money, to tell apart a transfer in from one out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    In,
    Out,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    pattern: toml::Spanned<String>,
    account: String,
    direction: Option<Direction>,
    funder: Option<String>,
    grant: Option<String>,
    line: Option<String>,
    memo: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesSpec {
    encoding: Option<toml::Spanned<String>>,
    separator: Option<toml::Spanned<String>>,
    skip: Option<usize>,
    /// Lines after the last statement line to leave out (totals, closing balance).
    skip_end: Option<usize>,
    header: Option<bool>,
    date_format: Option<toml::Spanned<String>>,
    decimal: Option<toml::Spanned<String>>,
    thousands: Option<toml::Spanned<String>>,
    suspense: Option<String>,
    columns: Option<toml::Spanned<ColumnsSpec>>,
    #[serde(default, rename = "rule")]
    rules: Vec<RuleSpec>,
}

/// A rule, compiled: a line whose description matches `pattern` (and whose direction is
/// `direction`, when given) is posted against `account`.
#[derive(Debug, Clone)]
pub struct Rule {
    /// 1-based line of its `pattern` in the rules file, to name it in messages.
    pub line: u64,
    pub pattern: Regex,
    pub account: String,
    pub direction: Option<Direction>,
    pub funder: Option<String>,
    pub grant: Option<String>,
    pub budget_line: Option<String>,
    pub memo: Option<String>,
}

impl Rule {
    pub fn matches(&self, description: &str, amount: i64) -> bool {
        let direction_ok = match self.direction {
            None => true,
            Some(Direction::In) => amount > 0,
            Some(Direction::Out) => amount < 0,
        };
        direction_ok && self.pattern.is_match(description)
    }
}

/// A rules file, read and checked.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    pub encoding: Option<Encoding>,
    pub separator: Option<u8>,
    pub skip: Option<usize>,
    pub skip_end: usize,
    pub header: Option<bool>,
    pub date_format: Option<String>,
    pub decimal: Option<char>,
    pub thousands: Option<Vec<char>>,
    pub suspense: Option<String>,
    pub columns: ColumnsSpec,
    pub rules: Vec<Rule>,
}

/// What is wrong with a rules file, at its line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesError {
    pub line: u64,
    pub column: u64,
    pub problem: String,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.problem
        )
    }
}

/// 1-based line and column of a byte offset.
fn position(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    (line, column)
}

fn at(text: &str, span: Option<Range<usize>>, problem: String) -> RulesError {
    let (line, column) = span.map_or((1, 1), |s| position(text, s.start));
    RulesError {
        line,
        column,
        problem,
    }
}

/// A separator given as one character, or as a word a treasurer might write.
fn separator(value: &str) -> Option<u8> {
    match value {
        "tab" | "\\t" | "\t" => Some(b'\t'),
        "semicolon" => Some(b';'),
        "comma" => Some(b','),
        s if s.len() == 1 && s.is_ascii() && !s.as_bytes()[0].is_ascii_alphanumeric() => {
            Some(s.as_bytes()[0])
        }
        _ => None,
    }
}

impl Rules {
    /// Reads a rules file's text. Unknown keys, a pattern that does not compile, a value
    /// outside what amana reads: each refused at its line.
    pub fn parse(text: &str) -> Result<Rules, RulesError> {
        let spec: RulesSpec =
            toml::from_str(text).map_err(|e| at(text, e.span(), e.message().to_string()))?;
        let bad = |value: &toml::Spanned<String>, key: &str, why: String| {
            at(text, Some(value.span()), format!("{key}: {why}"))
        };
        let encoding = spec
            .encoding
            .as_ref()
            .map(|e| {
                Encoding::from_label(e.get_ref()).ok_or_else(|| {
                    bad(
                        e,
                        "encoding",
                        format!(
                            "\"{}\" is not an encoding amana reads (utf-8, windows-1252, iso-8859-1, windows-1256)",
                            e.get_ref()
                        ),
                    )
                })
            })
            .transpose()?;
        let separator = spec
            .separator
            .as_ref()
            .map(|s| {
                separator(s.get_ref()).ok_or_else(|| {
                    bad(
                        s,
                        "separator",
                        format!(
                            "\"{}\" is not one punctuation character (e.g. \";\", \",\", \"tab\")",
                            s.get_ref()
                        ),
                    )
                })
            })
            .transpose()?;
        let decimal = spec
            .decimal
            .as_ref()
            .map(|d| {
                let mut chars = d.get_ref().chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_ascii_digit() => Ok(c),
                    _ => Err(bad(
                        d,
                        "decimal",
                        format!("\"{}\" is not one character", d.get_ref()),
                    )),
                }
            })
            .transpose()?;
        let thousands = spec
            .thousands
            .as_ref()
            .map(|t| {
                let chars: Vec<char> = t.get_ref().chars().collect();
                if chars
                    .iter()
                    .any(|c| c.is_ascii_digit() || Some(*c) == decimal)
                {
                    return Err(bad(
                        t,
                        "thousands",
                        format!("\"{}\" holds a digit or the decimal mark", t.get_ref()),
                    ));
                }
                // A space stands for every space a bank groups with.
                let mut all = chars.clone();
                if chars.iter().any(|c| super::number::is_space_separator(*c)) {
                    all.extend([' ', '\u{a0}', '\u{202f}']);
                }
                Ok(all)
            })
            .transpose()?;
        if let Some(f) = &spec.date_format {
            super::check_date_format(f.get_ref()).map_err(|why| bad(f, "date_format", why))?;
        }
        let mut rules = Vec::with_capacity(spec.rules.len());
        for r in spec.rules {
            let span = r.pattern.span();
            let pattern = Regex::new(r.pattern.get_ref()).map_err(|e| {
                at(
                    text,
                    Some(span.clone()),
                    format!("pattern {:?} does not compile: {e}", r.pattern.get_ref()),
                )
            })?;
            if r.line.is_some() && r.grant.is_none() {
                return Err(at(
                    text,
                    Some(span),
                    "a rule with a budget line also names its grant".into(),
                ));
            }
            rules.push(Rule {
                line: position(text, span.start).0,
                pattern,
                account: r.account,
                direction: r.direction,
                funder: r.funder,
                grant: r.grant,
                budget_line: r.line,
                memo: r.memo,
            });
        }
        let columns_span = spec.columns.as_ref().map_or(0..0, toml::Spanned::span);
        let columns = spec
            .columns
            .map(toml::Spanned::into_inner)
            .unwrap_or_default();
        let c = &columns;
        let both = c.amount.is_some() && (c.debit.is_some() || c.credit.is_some());
        if both || c.debit.is_some() != c.credit.is_some() {
            return Err(at(
                text,
                Some(columns_span),
                "columns: give one amount column, or a debit and a credit column".into(),
            ));
        }
        Ok(Rules {
            encoding,
            separator,
            skip: spec.skip,
            skip_end: spec.skip_end.unwrap_or(0),
            header: spec.header,
            date_format: spec.date_format.map(toml::Spanned::into_inner),
            decimal,
            thousands,
            suspense: spec.suspense,
            columns,
            rules,
        })
    }

    /// The first rule that matches a line, if any.
    pub fn rule_for(&self, description: &str, amount: i64) -> Option<&Rule> {
        self.rules.iter().find(|r| r.matches(description, amount))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_rules_file() {
        let r = Rules::parse(
            "encoding = \"windows-1252\"\nseparator = \";\"\nskip = 6\ndate_format = \"%d/%m/%Y\"\n\
             decimal = \",\"\nthousands = \" \"\nsuspense = \"3497\"\n[columns]\ndate = \"Date opération\"\n\
             description = [\"Libellé\", 4]\ndebit = \"Débit\"\ncredit = \"Crédit\"\nbalance = 7\n\
             [[rule]]\npattern = \"(?i)cotisation\"\naccount = \"7581\"\ndirection = \"in\"\n",
        )
        .unwrap();
        assert_eq!(r.encoding, Some(Encoding::Windows1252));
        assert_eq!(r.separator, Some(b';'));
        assert_eq!(r.rules.len(), 1);
        assert_eq!(r.rules[0].line, 15);
        assert!(r.rules[0].matches("COTISATION M. ALAMI", 100));
        assert!(!r.rules[0].matches("COTISATION M. ALAMI", -100));
        assert_eq!(r.columns.balance, Some(ColumnRef::Number(7)));
        assert!(r.thousands.unwrap().contains(&'\u{a0}'));
    }

    #[test]
    fn an_unknown_key_is_refused_at_its_line() {
        let e = Rules::parse("separator = \";\"\nseperator = \";\"\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        assert!(e.problem.contains("seperator"), "{e}");
        let e = Rules::parse("[[rule]]\npattern = \"x\"\naccount = \"1\"\ngrnat = \"G\"\n")
            .unwrap_err();
        assert!(e.problem.contains("grnat"), "{e}");
    }

    #[test]
    fn a_pattern_that_does_not_compile_is_named() {
        let e = Rules::parse("[[rule]]\npattern = \"(VIR\"\naccount = \"7581\"\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        assert!(e.problem.contains("(VIR"), "{e}");
    }

    #[test]
    fn values_outside_what_amana_reads() {
        assert!(Rules::parse("encoding = \"utf-16\"\n").is_err());
        assert!(Rules::parse("separator = \"ab\"\n").is_err());
        assert!(Rules::parse("date_format = \"%Q\"\n").is_err());
        assert!(Rules::parse("[columns]\namount = 3\ndebit = 4\ncredit = 5\n").is_err());
        assert!(
            Rules::parse("[[rule]]\npattern = \"x\"\naccount = \"1\"\nline = \"L1\"\n").is_err()
        );
    }
}
