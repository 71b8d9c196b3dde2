//! The transparency reports (`amana report KIND`): what each one shares (the head: the
//! association, where the figures come from, the last seal, whether the ledger verifies) and
//! the one path from a report's model to its bytes in every format.
//!
//! A report is a serde model (its JSON) that can also describe itself as a [`Body`] in a
//! language. [`render`] adds the head, then lays the document out as text, CSV, HTML or PDF;
//! JSON is the model itself with the head beside it. No renderer computes a figure.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::doc::{Document, Fact, Labels, SealMark, Section};
use super::i18n::{Arg, Catalogue, Lang};
use super::templates::{TemplateError, Templates};
use crate::verify::VerifyReport;

/// A report's own part of its document.
#[derive(Debug, Clone)]
pub struct Body {
    pub title: String,
    pub subtitle: Option<String>,
    /// The period the figures cover, as the reader reads it (`from 01/01/2025 to 31/12/2025`).
    pub period: Option<String>,
    pub sections: Vec<Section>,
}

/// A report: its model, and how it reads in a language.
pub trait Report: Serialize {
    /// The report kind (`funder`, `annual`...): its templates are `html/KIND.html` and
    /// `typst/KIND.typ` when they exist, else the shared ones.
    fn kind(&self) -> &'static str;

    /// The report's title and sections in `cat`'s language.
    fn body(&self, cat: &Catalogue) -> Body;

    /// The seal printed beside the title with its QR code: by default the ledger's last seal
    /// that verifies, its QR code its fingerprint. A report tied to another seal says which
    /// (a member's receipt: the seal covering the payment, its QR code the proof's line).
    fn seal_mark(&self, head: &Head, cat: &Catalogue) -> Option<SealMark> {
        head.seal.as_ref().map(|s| SealMark {
            label: cat.t("report-seal-fingerprint"),
            fingerprint: s.fingerprint.clone(),
            qr_svg: qr_svg(&s.fingerprint),
            signed_by: s.signed_by.join(", "),
        })
    }
}

/// The output formats of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Csv,
    Json,
    Html,
    Pdf,
}

/// What every report says about its source, read once before it is built.
#[derive(Debug, Clone, Serialize)]
pub struct Head {
    pub association: String,
    pub ledger_currency: String,
    /// When the report was made (`AMANA_NOW` fixes it, for reproducible output), RFC 3339 UTC.
    #[serde(serialize_with = "rfc3339")]
    pub generated: DateTime<Utc>,
    /// The same, in the ledger's time zone, as printed (`2026-11-30 22:15 (Africa/Casablanca)`).
    pub generated_local: String,
    pub entries: i64,
    pub head: String,
    /// Whether `verify` found nothing wrong, and how many problems it found.
    pub verified: bool,
    pub problems: usize,
    /// Whether the ledger was verified when the report was made (`--no-verify` skips it).
    pub checked: bool,
    /// The last seal whose content and signatures verify.
    pub seal: Option<HeadSeal>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeadSeal {
    pub seq: i64,
    pub fingerprint: String,
    pub covered: i64,
    pub period_end: Option<String>,
    pub signed_by: Vec<String>,
}

fn rfc3339<S: serde::Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

impl Head {
    /// The head of a report on a ledger named `association`, as `verify` found it.
    pub fn new(
        association: &str,
        ledger_currency: &str,
        verify: &VerifyReport,
        generated: DateTime<Utc>,
        generated_local: String,
    ) -> Head {
        let seal = verify
            .seals
            .iter()
            .rev()
            .find(|s| s.valid)
            .map(|s| HeadSeal {
                seq: s.seq,
                fingerprint: s.fingerprint.clone(),
                covered: s.covered,
                period_end: s.period_end.clone(),
                signed_by: s.signed_by.clone(),
            });
        Head {
            association: association.to_string(),
            ledger_currency: ledger_currency.to_string(),
            generated,
            generated_local,
            entries: verify.entries,
            head: verify.head.clone(),
            verified: verify.ok,
            problems: verify.problems.len(),
            checked: true,
            seal,
        }
    }
}

impl Head {
    /// The head of a report made without verifying the ledger (`--no-verify`): it says so, and
    /// names no seal (only a verification tells which seals hold).
    pub fn unchecked(
        association: &str,
        ledger_currency: &str,
        entries: i64,
        head: String,
        generated: DateTime<Utc>,
        generated_local: String,
    ) -> Head {
        Head {
            association: association.to_string(),
            ledger_currency: ledger_currency.to_string(),
            generated,
            generated_local,
            entries,
            head,
            verified: true,
            problems: 0,
            checked: false,
            seal: None,
        }
    }
}

/// The moment a report is made: `AMANA_NOW` (RFC 3339, e.g. `2026-01-15T10:00:00Z`) when set,
/// so that a golden test or a reproducible build gets the same bytes, else the clock.
pub fn now() -> Result<DateTime<Utc>, String> {
    match std::env::var("AMANA_NOW") {
        Ok(text) if !text.trim().is_empty() => DateTime::parse_from_rfc3339(text.trim())
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| {
                format!(
                    "AMANA_NOW=\"{text}\" is not an RFC 3339 time ({e}); e.g. 2026-01-15T10:00:00Z"
                )
            }),
        _ => Ok(Utc::now()),
    }
}

/// The document of `report` in `cat`'s language, with the head's provenance, alert and seal.
pub fn document(report: &impl Report, head: &Head, cat: &Catalogue) -> Document {
    let body = report.body(cat);
    let lang = cat.lang();
    let mut provenance = Vec::new();
    if let Some(period) = &body.period {
        provenance.push(Fact::text(cat.t("report-period"), period.clone()));
    }
    provenance.push(Fact::number(
        cat.t("report-generated"),
        head.generated_local.clone(),
    ));
    provenance.push(Fact::number(
        cat.t("report-chain-entries"),
        head.entries.to_string(),
    ));
    provenance.push(Fact::number(cat.t("report-chain-head"), head.head.clone()));
    if !head.checked {
        provenance.push(Fact::text(
            cat.t("report-verification"),
            cat.t("report-not-checked"),
        ));
    }
    if head.seal.is_none() {
        provenance.push(Fact::text(
            cat.t("report-last-seal"),
            cat.t("report-no-seal"),
        ));
    }
    let alert = (!head.verified).then(|| {
        cat.ta(
            "report-not-verified",
            &[("count", Arg::from(head.problems.max(1)))],
        )
    });
    let seal = report.seal_mark(head, cat);
    Document {
        kind: report.kind().to_string(),
        lang,
        dir: lang.dir(),
        title: body.title,
        subtitle: body.subtitle,
        association: head.association.clone(),
        provenance,
        alert,
        seal,
        sections: body.sections,
        labels: Labels {
            page: cat.t("report-page"),
            generated_by: cat.t("report-generated-by"),
            seal_hint: cat.t("report-seal-hint"),
            note: cat.t("report-note"),
            warning: cat.t("report-warning"),
        },
    }
}

/// An SVG drawing of the QR code of `text`: black modules on white, no text, no script.
pub fn qr_svg(text: &str) -> String {
    use qrcode::render::svg;
    match qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M) {
        Ok(code) => code
            .render::<svg::Color>()
            .min_dimensions(120, 120)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

/// The JSON of a report: its model, with `head` under `"head"` (a report's own keys are
/// never overwritten).
pub fn json(report: &impl Report, head: &Head) -> serde_json::Value {
    let mut value = serde_json::to_value(report).unwrap_or(serde_json::Value::Null);
    if let serde_json::Value::Object(map) = &mut value {
        map.entry("report")
            .or_insert_with(|| serde_json::Value::String(report.kind().into()));
        map.entry("head")
            .or_insert_with(|| serde_json::to_value(head).unwrap_or_default());
    }
    value
}

/// `report` in `format` and `lang`, with `templates` for HTML and PDF.
pub fn render(
    report: &impl Report,
    head: &Head,
    format: Format,
    lang: Lang,
    templates: &Templates,
) -> Result<Vec<u8>, TemplateError> {
    if format == Format::Json {
        let mut text = serde_json::to_string_pretty(&json(report, head)).unwrap_or_default();
        text.push('\n');
        return Ok(text.into_bytes());
    }
    let mut cat = Catalogue::load(lang, templates)?;
    if format == Format::Csv {
        cat = cat.with_plain_numbers();
    }
    let doc = document(report, head, &cat);
    match format {
        Format::Text => Ok(super::render::document::text(&doc).into_bytes()),
        Format::Csv => Ok(super::render::document::csv(&doc).csv().into_bytes()),
        Format::Html => {
            super::render::html::html(&doc, &json(report, head), templates).map(String::into_bytes)
        }
        Format::Pdf => super::render::pdf::pdf(&doc, templates, head.generated.date_naive()),
        Format::Json => unreachable!("handled above"),
    }
}

/// The report as CSV for a spreadsheet of `dialect` (`--format csv --excel`): the tables of
/// [`render`]'s CSV, amounts with the dialect's decimal mark.
pub fn render_spreadsheet(
    report: &impl Report,
    head: &Head,
    lang: Lang,
    templates: &Templates,
    dialect: crate::formats::spreadsheet::Dialect,
) -> Result<Vec<u8>, TemplateError> {
    let cat = Catalogue::load(lang, templates)?.with_plain_numbers();
    let doc = document(report, head, &cat);
    Ok(super::render::document::csv(&doc).for_spreadsheet(dialect))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::doc::{Bars, Block, Column, Level, RowStyle, Table};
    use rust_decimal::Decimal;

    /// A report with one block of each kind, to exercise every renderer.
    #[derive(Serialize)]
    struct Sample {
        total: String,
    }

    impl Report for Sample {
        fn kind(&self) -> &'static str {
            "sample"
        }

        fn body(&self, cat: &Catalogue) -> Body {
            let f = cat.fmt();
            let mut s = Section::new("main", cat.t("report-balance"));
            s.text("Budget <b>& actual</b> — الميزانية");
            s.push(Block::Facts {
                facts: vec![Fact::number(
                    cat.t("report-total"),
                    f.money(&self.total, "MAD"),
                )],
            });
            let mut t = Table::new(
                "lines",
                vec![
                    Column::text(cat.t("report-account")),
                    Column::number(cat.t("report-amount")),
                ],
            );
            t.row(vec!["6061 Achats".into(), f.amount("1234.50")]);
            t.styled(
                RowStyle::Flagged,
                vec!["6132 Loyers".into(), f.amount("-20.00")],
            )
            .note("explained");
            t.styled(
                RowStyle::Total,
                vec![cat.t("report-total"), f.amount(&self.total)],
            );
            s.push(Block::Table(t));
            s.push(Block::Bars(Bars::scaled(
                "chart",
                "Budget",
                vec!["a".into(), "b".into()],
                vec![("x".into(), vec![Decimal::new(5, 0), Decimal::new(3, 0)])],
                |d| f.number(d),
            )));
            s.notice(Level::Warning, "careful");
            Body {
                title: "Sample".into(),
                subtitle: None,
                period: Some("2025".into()),
                sections: vec![s],
            }
        }
    }

    fn head(verified: bool) -> Head {
        Head {
            association: "Association Khotwa".into(),
            ledger_currency: "MAD".into(),
            generated: DateTime::parse_from_rfc3339("2026-01-15T10:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
            generated_local: "2026-01-15 11:00 (Africa/Casablanca)".into(),
            entries: 12,
            head: "ab".repeat(32),
            verified,
            problems: usize::from(!verified),
            checked: true,
            seal: Some(HeadSeal {
                seq: 10,
                fingerprint: "7W69-RMDN-9JJF-8F5W".into(),
                covered: 10,
                period_end: None,
                signed_by: vec!["treasurer".into()],
            }),
        }
    }

    fn render_str(format: Format, lang: Lang, verified: bool) -> String {
        let bytes = render(
            &Sample {
                total: "1214.50".into(),
            },
            &head(verified),
            format,
            lang,
            &Templates::embedded(),
        )
        .unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn html_is_self_contained_escaped_and_right_to_left_in_arabic() {
        let ar = render_str(Format::Html, Lang::Ar, true);
        assert!(
            ar.contains(r#"<html lang="ar" dir="rtl">"#),
            "{}",
            &ar[..200]
        );
        assert!(ar.contains("@font-face"));
        assert!(ar.contains("&lt;b&gt;"), "text is escaped");
        assert!(
            ar.contains("<svg"),
            "the QR code and the chart are inline SVG"
        );
        for fetch in ["src=\"http", "href=\"http", "url(http", "@import"] {
            assert!(!ar.contains(fetch), "loads {fetch}");
        }
        let fr = render_str(Format::Html, Lang::Fr, false);
        assert!(fr.contains(r#"dir="ltr""#));
        assert!(
            fr.contains("class=\"alert\""),
            "an unverified ledger is said at the top"
        );
        assert!(fr.contains("1\u{a0}234,50"));
    }

    #[test]
    fn text_csv_and_json_carry_the_same_figures() {
        let text = render_str(Format::Text, Lang::En, true);
        assert!(
            text.contains("1,234.50") && text.contains("1,214.50 MAD"),
            "{text}"
        );
        let csv = render_str(Format::Csv, Lang::Fr, true);
        assert!(
            csv.contains("# main: lines") && csv.contains("1234.50"),
            "{csv}"
        );
        let json: serde_json::Value =
            serde_json::from_str(&render_str(Format::Json, Lang::En, true)).unwrap();
        assert_eq!(json["total"], "1214.50");
        assert_eq!(json["report"], "sample");
        assert_eq!(json["head"]["generated"], "2026-01-15T10:00:00Z");
    }

    #[test]
    fn the_pdf_typesets_in_every_language() {
        for lang in Lang::ALL {
            let pdf = render(
                &Sample {
                    total: "1214.50".into(),
                },
                &head(lang != Lang::Fr),
                Format::Pdf,
                lang,
                &Templates::embedded(),
            )
            .unwrap_or_else(|e| panic!("{lang}: {e}"));
            assert!(pdf.starts_with(b"%PDF-"), "{lang}");
        }
    }
}
