//! Languages: the translation catalogues (Fluent files in `reports/i18n/LANG/`, embedded in the
//! binary, which an association may replace with its own copy) and the way each language
//! writes an amount, a percentage and a date.
//!
//! Arabic text keeps numbers, codes and currency codes left to right: the renderers isolate
//! numeric cells and facts (`Column::numeric`, `Fact::numeric`), and an Arabic message wraps
//! each of its arguments in Unicode's invisible isolation marks (Fluent's own), so that
//! `آخر سعر: 1 EUR = 10,883 MAD` keeps its order inside a right-to-left sentence. French and
//! English messages, and every CSV, carry no such mark (a spreadsheet cell would keep it); a
//! PDF reader's extracted text does not show them (they are not drawn).

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::templates::{TemplateError, Templates};

/// A language amana speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ar,
    Fr,
    #[default]
    En,
}

impl Lang {
    /// How a spreadsheet set up for this language reads CSV: French and Arabic (Moroccan
    /// settings follow French) with semicolons and decimal commas, English with commas and
    /// decimal points.
    pub fn spreadsheet(self) -> crate::formats::spreadsheet::Dialect {
        use crate::formats::spreadsheet::Dialect;
        match self {
            Lang::En => Dialect::COMMA,
            Lang::Fr | Lang::Ar => Dialect::SEMICOLON,
        }
    }
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ar, Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    /// `ar`, `fr`, `en`, also as a locale (`fr_MA.UTF-8`, `ar-MA`).
    fn from_str(s: &str) -> Result<Lang, String> {
        let primary = s
            .split(['_', '-', '.'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "ar" => Ok(Lang::Ar),
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            _ => Err(format!(
                "language \"{s}\" is not one amana speaks: use ar, fr or en"
            )),
        }
    }
}

/// The Fluent files of each language, in the order they are loaded.
pub const CATALOGUE_FILES: &[&str] = &[
    "reports.ftl",
    "funder.ftl",
    "books.ftl",
    "statements.ftl",
    "audit.ftl",
    "receipt.ftl",
    "annual.ftl",
    // The command line's own messages: the rules', verify's, its own, the refusals', the domain's.
    "rules.ftl",
    "verify.ftl",
    "cli.ftl",
    "refusals.ftl",
    "domain.ftl",
];

/// An argument of a message.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    /// A count, which a message may select its plural form with.
    Count(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.into())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Count(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

type Bundle = fluent_bundle::FluentBundle<FluentResource>;

/// The messages of one language, with English behind them for a message a translation lacks.
pub struct Catalogue {
    lang: Lang,
    plain: bool,
    bundle: Bundle,
    english: Option<Bundle>,
}

impl fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Catalogue({})", self.lang)
    }
}

impl Catalogue {
    /// The catalogue of `lang`, from `templates` (the association's copy, else the embedded one).
    pub fn load(lang: Lang, templates: &Templates) -> Result<Catalogue, TemplateError> {
        let mut bundle = bundle_of(lang, templates)?;
        let mut english = match lang {
            Lang::En => None,
            _ => Some(bundle_of(Lang::En, templates)?),
        };
        if lang.is_rtl() {
            bundle.set_use_isolating(true);
            if let Some(en) = english.as_mut() {
                en.set_use_isolating(true);
            }
        }
        Ok(Catalogue {
            lang,
            plain: false,
            bundle,
            english,
        })
    }

    /// The embedded catalogue of `lang` (which the tests hold complete and valid).
    pub fn embedded(lang: Lang) -> Catalogue {
        Catalogue::load(lang, &Templates::embedded()).expect("the embedded catalogues parse")
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How this catalogue's reports write numbers and dates.
    pub fn fmt(&self) -> Fmt {
        Fmt {
            lang: self.lang,
            plain: self.plain,
        }
    }

    /// The same words, with numbers and dates for a spreadsheet ([`Fmt::plain`]).
    pub fn with_plain_numbers(mut self) -> Catalogue {
        self.plain = true;
        self.bundle.set_use_isolating(false);
        if let Some(en) = self.english.as_mut() {
            en.set_use_isolating(false);
        }
        self
    }

    /// Message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.ta(id, &[])
    }

    /// Message `id` with its arguments; a message no catalogue has shows as its id, so that a
    /// missing translation shows in the output instead of failing the report.
    pub fn ta(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
                Arg::Count(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        for bundle in std::iter::once(&self.bundle).chain(self.english.as_ref()) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, Some(&fluent_args), &mut errors)
                    .into_owned();
            }
        }
        id.to_string()
    }

    /// Whether this language's own files (not English behind them) have message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

fn bundle_of(lang: Lang, templates: &Templates) -> Result<Bundle, TemplateError> {
    let langid = lang
        .code()
        .parse()
        .expect("ar, fr and en are language identifiers");
    let mut bundle = Bundle::new(vec![langid]);
    bundle.set_use_isolating(false);
    for file in CATALOGUE_FILES {
        let name = format!("i18n/{}/{file}", lang.code());
        let source = templates.read(&name)?;
        let resource = FluentResource::try_new(source.into_owned()).map_err(|(_, errors)| {
            TemplateError::Catalogue {
                name: templates.describe(&name),
                detail: errors
                    .iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            }
        })?;
        bundle.add_resource_overriding(resource);
    }
    Ok(bundle)
}

/// How a language writes numbers and dates.
#[derive(Debug, Clone, Copy)]
pub struct Fmt {
    pub lang: Lang,
    /// Numbers as a spreadsheet reads them (`-1234.50`, no grouping, no currency code, a
    /// percentage as `42.3`), for CSV.
    pub plain: bool,
}

/// The no-break space French puts between groups of thousands and before a currency code.
const NBSP: char = '\u{a0}';

impl Fmt {
    pub fn new(lang: Lang) -> Fmt {
        Fmt { lang, plain: false }
    }

    /// Numbers for a spreadsheet, words of `lang`.
    pub fn plain(lang: Lang) -> Fmt {
        Fmt { lang, plain: true }
    }

    fn separators(self) -> (Option<char>, char) {
        match self.lang {
            _ if self.plain => (None, '.'),
            Lang::En => (Some(','), '.'),
            Lang::Fr | Lang::Ar => (Some(NBSP), ','),
        }
    }

    /// `value` with its decimals as they are, grouped by thousands: `1,234.50` in English,
    /// `1 234,50` in French and Arabic.
    pub fn number(self, value: Decimal) -> String {
        let plain = value.to_string();
        self.group(&plain)
    }

    /// An exact decimal string of a model (`"-1234.50"`), grouped; a string that is not a
    /// number is returned as it is.
    pub fn amount(self, decimal: &str) -> String {
        if Decimal::from_str_exact(decimal).is_err() {
            return decimal.to_string();
        }
        self.group(decimal)
    }

    /// An amount with its currency code: `1 234,50 MAD`.
    pub fn money(self, decimal: &str, currency: &str) -> String {
        if currency.is_empty() || self.plain {
            return self.amount(decimal);
        }
        let sep = if self.lang == Lang::En { ' ' } else { NBSP };
        format!("{}{sep}{currency}", self.amount(decimal))
    }

    fn group(self, plain: &str) -> String {
        let (thousands, decimal_mark) = self.separators();
        let (sign, digits) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", plain),
        };
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (digits, None),
        };
        let mut out = String::with_capacity(plain.len() + int.len() / 3 + 2);
        out.push_str(sign);
        for (i, c) in int.chars().enumerate() {
            if let Some(sep) = thousands
                && i > 0
                && (int.len() - i) % 3 == 0
            {
                out.push(sep);
            }
            out.push(c);
        }
        if let Some(f) = frac {
            out.push(decimal_mark);
            out.push_str(f);
        }
        out
    }

    /// A ratio (0.4231) as a percentage with `decimals` places: `42.3%`, `42,3 %`.
    pub fn percent(self, ratio: Decimal, decimals: u32) -> String {
        let pct = (ratio * Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
        let text = self.group(&format!("{pct:.prec$}", prec = decimals as usize));
        match self.lang {
            _ if self.plain => text,
            Lang::En => format!("{text}%"),
            Lang::Fr | Lang::Ar => format!("{text}{NBSP}%"),
        }
    }

    /// A day: `2025-03-14` in English, `14/03/2025` in French and Arabic.
    pub fn date(self, day: NaiveDate) -> String {
        match self.lang {
            _ if self.plain => day.format("%Y-%m-%d").to_string(),
            Lang::En => day.format("%Y-%m-%d").to_string(),
            Lang::Fr | Lang::Ar => day.format("%d/%m/%Y").to_string(),
        }
    }

    /// A model's `YYYY-MM-DD` day; any other text is returned as it is.
    pub fn date_str(self, day: &str) -> String {
        match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
            Ok(d) => self.date(d),
            Err(_) => day.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_as_each_language_writes_them() {
        let en = Fmt::new(Lang::En);
        let fr = Fmt::new(Lang::Fr);
        assert_eq!(en.amount("1234.50"), "1,234.50");
        assert_eq!(fr.amount("1234.50"), "1\u{a0}234,50");
        assert_eq!(
            fr.money("-1234567.5", "MAD"),
            "-1\u{a0}234\u{a0}567,5\u{a0}MAD"
        );
        assert_eq!(en.amount("123"), "123");
        assert_eq!(en.amount("0.05"), "0.05");
        assert_eq!(en.amount("not a number"), "not a number");
        assert_eq!(en.percent(Decimal::new(4231, 4), 1), "42.3%");
        assert_eq!(fr.percent(Decimal::new(4235, 4), 1), "42,4\u{a0}%");
        assert_eq!(fr.date_str("2025-03-14"), "14/03/2025");
        let plain = Fmt::plain(Lang::Fr);
        assert_eq!(plain.money("-1234567.50", "MAD"), "-1234567.50");
        assert_eq!(plain.percent(Decimal::new(4231, 4), 1), "42.3");
        assert_eq!(plain.date_str("2025-03-14"), "2025-03-14");
    }

    #[test]
    fn arabic_messages_isolate_their_arguments_except_in_csv() {
        let ar = Catalogue::embedded(Lang::Ar);
        let range = ar.ta(
            "report-period-range",
            &[("from", "01/01/2025".into()), ("to", "31/12/2025".into())],
        );
        assert!(range.contains("\u{2068}01/01/2025\u{2069}"), "{range:?}");
        let plain = Catalogue::embedded(Lang::Ar).with_plain_numbers();
        let range = plain.ta(
            "report-period-range",
            &[("from", "2025-01-01".into()), ("to", "2025-12-31".into())],
        );
        assert!(!range.contains('\u{2068}'), "{range:?}");
        let fr = Catalogue::embedded(Lang::Fr);
        let range = fr.ta(
            "report-period-range",
            &[("from", "01/01/2025".into()), ("to", "31/12/2025".into())],
        );
        assert_eq!(range, "du 01/01/2025 au 31/12/2025");
    }

    #[test]
    fn languages_are_read_from_codes_and_locales() {
        assert_eq!("fr_MA.UTF-8".parse::<Lang>(), Ok(Lang::Fr));
        assert_eq!("ar".parse::<Lang>(), Ok(Lang::Ar));
        assert!("de".parse::<Lang>().is_err());
    }

    #[test]
    fn every_language_has_every_message_english_has() {
        let en = Catalogue::embedded(Lang::En);
        let ids = Templates::embedded().message_ids(Lang::En);
        assert!(!ids.is_empty());
        for lang in [Lang::Fr, Lang::Ar] {
            let cat = Catalogue::embedded(lang);
            let missing: Vec<&String> = ids.iter().filter(|id| !cat.has(id)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            let extra: Vec<String> = Templates::embedded()
                .message_ids(lang)
                .into_iter()
                .filter(|id| !en.has(id))
                .collect();
            assert!(
                extra.is_empty(),
                "{lang} has messages English lacks: {extra:?}"
            );
        }
    }
}
