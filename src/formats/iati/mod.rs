//! IATI Activity Standard 2.03 (`amana export iati`): the grants an association received, as
//! activities it reports and implements. Pure: a model in, XML bytes out, written with
//! `quick-xml` (escaping, one element per call), never by pasting strings.
//!
//! The model carries codes (`11`, `4`, `MAD`), exact amounts as decimal text, and dates; the
//! writer checks every code against its codelist (embedded, [`codelists`]) and the rules the
//! XSD leaves to IATI's rulesets that concern what it writes (identifier prefix, a budget
//! period of at most a year and not backwards, no transaction in the future, dates in order),
//! and refuses rather than write a file that IATI's validator would reject.

pub mod codelists;

use std::io::Cursor;

use chrono::NaiveDate;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use codelists::Codelist;

/// An organisation as an activity names it.
#[derive(Debug, Clone)]
pub struct Org {
    /// Its organisation identifier (`XM-DAC-41114`).
    pub id: String,
    /// Its OrganisationType code (`22`: national NGO).
    pub kind: &'static str,
    pub name: String,
}

/// An amount in a currency, at a date (IATI's `value`: `@currency`, `@value-date`).
#[derive(Debug, Clone)]
pub struct Value {
    /// Exact decimal text (`-1250.50`), as the currency's decimals give it.
    pub amount: String,
    pub currency: String,
    pub date: NaiveDate,
}

#[derive(Debug, Clone)]
pub struct Budget {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// BudgetType: `1` original, `2` revised.
    pub kind: &'static str,
    pub value: Value,
}

#[derive(Debug, Clone)]
pub struct Transaction {
    /// TransactionType: `11` incoming commitment, `1` incoming funds, `4` expenditure.
    pub kind: &'static str,
    /// The transaction's reference in the books (`amana-42`, `EU-2025/training/2026-03`).
    pub reference: String,
    pub date: NaiveDate,
    pub value: Value,
    /// Written by amana, in English (`xml:lang="en"`).
    pub description: String,
    pub provider: Option<Org>,
    pub receiver: Option<Org>,
}

/// One grant as an IATI activity.
#[derive(Debug, Clone)]
pub struct Activity {
    /// `reporting-org/@ref` + `-` + the grant's id.
    pub identifier: String,
    /// The activity's default language (of the names and texts the association typed).
    pub lang: String,
    pub default_currency: String,
    pub reporting: Org,
    pub funder: Org,
    pub title: String,
    /// Written by amana, in English.
    pub description: String,
    /// ActivityStatus code.
    pub status: &'static str,
    /// ActivityDateType code (`1` planned start, `2` actual start, `3` planned end, `4`
    /// actual end) and the day.
    pub dates: Vec<(&'static str, NaiveDate)>,
    /// Country code (ISO 3166-1 alpha-2) of the activity.
    pub country: String,
    /// DAC 5-digit sector code (vocabulary 1).
    pub sector: String,
    pub budgets: Vec<Budget>,
    pub transactions: Vec<Transaction>,
}

/// The file: every activity, and the moment it was made.
#[derive(Debug, Clone)]
pub struct IatiFile {
    /// RFC 3339 UTC, seconds (`2026-12-01T10:00:00Z`).
    pub generated: String,
    /// The day the file speaks from: no transaction is after it.
    pub today: NaiveDate,
    pub activities: Vec<Activity>,
}

/// Why the writer refuses: a value that IATI's codelists or rules do not admit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IatiProblem {
    /// `code`, used as `what`, is not in `list`.
    NotInList {
        what: String,
        code: String,
        list: &'static str,
    },
    /// A transaction dated after `today` (rule 11.2.1).
    InFuture {
        activity: String,
        reference: String,
        date: NaiveDate,
    },
    /// Anything else a validator would refuse (a budget over a year, an identifier without
    /// its organisation's prefix, an amount that is not a decimal, an empty text).
    Invalid { activity: String, what: String },
}

fn in_list(list: Codelist, code: &str, what: impl FnOnce() -> String) -> Result<(), IatiProblem> {
    if list.has(code) {
        Ok(())
    } else {
        Err(IatiProblem::NotInList {
            what: what(),
            code: code.to_string(),
            list: list.name(),
        })
    }
}

fn is_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// The last day of the year that starts on `start`: a budget period ends on it or before.
fn one_year_from(start: NaiveDate) -> Option<NaiveDate> {
    start
        .checked_add_months(chrono::Months::new(12))
        .and_then(|d| d.pred_opt())
}

/// Everything the writer refuses, first problem first.
pub fn check(file: &IatiFile) -> Result<(), IatiProblem> {
    for a in &file.activities {
        let id = &a.identifier;
        let invalid = |what: String| IatiProblem::Invalid {
            activity: id.clone(),
            what,
        };
        let agency = |org: &Org| {
            crate::domain::orgid::split(&org.id)
                .map(|(agency, _)| agency.to_string())
                .ok_or_else(|| invalid(format!("{} is not an organisation identifier", org.id)))
        };
        for org in [&a.reporting, &a.funder] {
            in_list(
                Codelist::OrganisationRegistrationAgency,
                &agency(org)?,
                || format!("the registration agency of {} ({})", org.name, org.id),
            )?;
            in_list(Codelist::OrganisationType, org.kind, || {
                format!("the organisation type of {}", org.name)
            })?;
        }
        let prefix = format!("{}-", a.reporting.id);
        let rest = id.strip_prefix(&prefix).unwrap_or("");
        if rest.is_empty() || id.contains(['/', '&', '|', '?', ' ']) {
            return Err(invalid(format!(
                "the identifier {id} does not start with {prefix} and an activity's own part"
            )));
        }
        in_list(Codelist::Language, &a.lang, || {
            "the activity's language".into()
        })?;
        in_list(Codelist::Currency, &a.default_currency, || {
            format!("the currency of {id}")
        })?;
        in_list(Codelist::ActivityStatus, a.status, || {
            "the activity status".into()
        })?;
        in_list(Codelist::Country, &a.country, || {
            "the recipient country".into()
        })?;
        in_list(Codelist::Sector, &a.sector, || {
            "the sector (DAC 5-digit)".into()
        })?;
        for text in [&a.title, &a.description, &a.reporting.name, &a.funder.name] {
            if text.trim().is_empty() {
                return Err(invalid("an empty title, description or name".into()));
            }
        }
        for (kind, date) in &a.dates {
            in_list(Codelist::ActivityDateType, kind, || {
                "an activity date".into()
            })?;
            if matches!(*kind, "2" | "4") && *date > file.today {
                return Err(invalid(format!("an actual date ({date}) in the future")));
            }
        }
        let day = |k: &str| a.dates.iter().find(|(t, _)| *t == k).map(|(_, d)| *d);
        for (start, end) in [("1", "3"), ("2", "4")] {
            if let (Some(s), Some(e)) = (day(start), day(end))
                && s > e
            {
                return Err(invalid(format!("a start ({s}) after its end ({e})")));
            }
        }
        if day("1").or(day("2")).is_none() {
            return Err(invalid("no start date".into()));
        }
        let value = |v: &Value, what: &str| -> Result<(), IatiProblem> {
            in_list(Codelist::Currency, &v.currency, || {
                format!("the currency of {what}")
            })?;
            if is_decimal(&v.amount) {
                Ok(())
            } else {
                Err(invalid(format!("{what}: {} is not a decimal", v.amount)))
            }
        };
        for b in &a.budgets {
            in_list(Codelist::BudgetType, b.kind, || "a budget's type".into())?;
            if b.start > b.end || one_year_from(b.start).is_none_or(|last| b.end > last) {
                return Err(invalid(format!(
                    "a budget period from {} to {} (at most a year, not backwards)",
                    b.start, b.end
                )));
            }
            value(&b.value, "a budget")?;
        }
        for t in &a.transactions {
            in_list(Codelist::TransactionType, t.kind, || {
                "a transaction's type".into()
            })?;
            if t.date > file.today || t.value.date > file.today {
                return Err(IatiProblem::InFuture {
                    activity: id.clone(),
                    reference: t.reference.clone(),
                    date: t.date.max(t.value.date),
                });
            }
            value(&t.value, &t.reference)?;
            for org in t.provider.iter().chain(&t.receiver) {
                in_list(Codelist::OrganisationType, org.kind, || {
                    format!("the organisation type of {}", org.name)
                })?;
            }
        }
    }
    // The codes written as constants (roles, budget status, description type, vocabulary).
    for (list, code) in [
        (Codelist::OrganisationRole, "1"),
        (Codelist::OrganisationRole, "4"),
        (Codelist::BudgetStatus, "2"),
        (Codelist::DescriptionType, "1"),
        (Codelist::SectorVocabulary, "1"),
    ] {
        in_list(list, code, || format!("amana's own {}", list.name()))?;
    }
    Ok(())
}

type W = Writer<Cursor<Vec<u8>>>;
type Io = std::io::Result<()>;

fn narrative(w: &mut W, text: &str, lang: Option<&str>) -> Io {
    let mut e = w.create_element("narrative");
    if let Some(lang) = lang {
        e = e.with_attribute(("xml:lang", lang));
    }
    e.write_text_content(BytesText::new(text))?;
    Ok(())
}

/// `<name …><narrative>text</narrative></name>`, with `attrs`.
fn with_narrative(
    w: &mut W,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
    lang: Option<&str>,
) -> Io {
    w.create_element(name)
        .with_attributes(attrs.iter().copied())
        .write_inner_content(|w| narrative(w, text, lang))?;
    Ok(())
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn value(w: &mut W, v: &Value) -> Io {
    w.create_element("value")
        .with_attributes([
            ("currency", v.currency.as_str()),
            ("value-date", date(v.date).as_str()),
        ])
        .write_text_content(BytesText::new(&v.amount))?;
    Ok(())
}

fn activity(w: &mut W, a: &Activity, generated: &str) -> Io {
    const EN: Option<&str> = Some("en");
    w.create_element("iati-activity")
        .with_attributes([
            ("last-updated-datetime", generated),
            ("xml:lang", a.lang.as_str()),
            ("default-currency", a.default_currency.as_str()),
            ("hierarchy", "1"),
        ])
        .write_inner_content(|w| {
            w.create_element("iati-identifier")
                .write_text_content(BytesText::new(&a.identifier))?;
            with_narrative(
                w,
                "reporting-org",
                &[("ref", &a.reporting.id), ("type", a.reporting.kind)],
                &a.reporting.name,
                None,
            )?;
            w.create_element("title")
                .write_inner_content(|w| narrative(w, &a.title, None))?;
            with_narrative(w, "description", &[("type", "1")], &a.description, EN)?;
            with_narrative(
                w,
                "participating-org",
                &[
                    ("ref", &a.funder.id),
                    ("role", "1"),
                    ("type", a.funder.kind),
                ],
                &a.funder.name,
                None,
            )?;
            with_narrative(
                w,
                "participating-org",
                &[
                    ("ref", &a.reporting.id),
                    ("role", "4"),
                    ("type", a.reporting.kind),
                ],
                &a.reporting.name,
                None,
            )?;
            w.create_element("activity-status")
                .with_attribute(("code", a.status))
                .write_empty()?;
            for (kind, d) in &a.dates {
                w.create_element("activity-date")
                    .with_attributes([("iso-date", date(*d).as_str()), ("type", kind)])
                    .write_empty()?;
            }
            w.create_element("recipient-country")
                .with_attribute(("code", a.country.as_str()))
                .write_empty()?;
            w.create_element("sector")
                .with_attributes([("vocabulary", "1"), ("code", a.sector.as_str())])
                .write_empty()?;
            for b in &a.budgets {
                w.create_element("budget")
                    .with_attributes([("type", b.kind), ("status", "2")])
                    .write_inner_content(|w| {
                        w.create_element("period-start")
                            .with_attribute(("iso-date", date(b.start).as_str()))
                            .write_empty()?;
                        w.create_element("period-end")
                            .with_attribute(("iso-date", date(b.end).as_str()))
                            .write_empty()?;
                        value(w, &b.value)
                    })?;
            }
            for t in &a.transactions {
                w.create_element("transaction")
                    .with_attribute(("ref", t.reference.as_str()))
                    .write_inner_content(|w| {
                        w.create_element("transaction-type")
                            .with_attribute(("code", t.kind))
                            .write_empty()?;
                        w.create_element("transaction-date")
                            .with_attribute(("iso-date", date(t.date).as_str()))
                            .write_empty()?;
                        value(w, &t.value)?;
                        w.create_element("description")
                            .write_inner_content(|w| narrative(w, &t.description, EN))?;
                        for (name, org) in
                            [("provider-org", &t.provider), ("receiver-org", &t.receiver)]
                        {
                            if let Some(org) = org {
                                with_narrative(
                                    w,
                                    name,
                                    &[("ref", &org.id), ("type", org.kind)],
                                    &org.name,
                                    None,
                                )?;
                            }
                        }
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
    Ok(())
}

/// The file's bytes (UTF-8, indented), after [`check`].
pub fn write(file: &IatiFile) -> Result<Vec<u8>, IatiProblem> {
    check(file)?;
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    let written = (|| -> Io {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("iati-activities")
            .with_attributes([
                ("version", "2.03"),
                ("generated-datetime", file.generated.as_str()),
            ])
            .write_inner_content(|w| {
                for a in &file.activities {
                    activity(w, a, &file.generated)?;
                }
                Ok(())
            })?;
        Ok(())
    })();
    // Writing into memory cannot fail.
    written.expect("writing XML into memory");
    let mut bytes = w.into_inner().into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}
