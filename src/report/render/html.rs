//! A report's document as one self-contained HTML file: styles and the Arabic font inline, the
//! charts as inline SVG, the seal's QR code as inline SVG; nothing is loaded from the network.
//! The layout is a minijinja template of `reports/html/` (the report's own, else
//! `report.html`, both extending `base.html`), which sees the document as `doc` and the
//! report's model as `data`. Everything a template prints is escaped, except the QR drawing,
//! which amana makes.
//!
//! Templates name other templates (`{% extends "base.html" %}`); such a name is looked up
//! among amana's own template names ([`Templates::knows`]), never read as a path.

use base64::Engine;
use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, Value, context};

use crate::report::doc::Document;
use crate::report::templates::{FONTS, TemplateError, Templates};

/// The template that lays out `kind`: its own, else the shared one.
pub fn template_for(kind: &str) -> String {
    let own = format!("html/{kind}.html");
    if Templates::knows(&own) {
        own
    } else {
        "html/report.html".to_string()
    }
}

/// The `@font-face` rules of the Arabic font, as data URLs (for Arabic documents only: French
/// and English read well in the reader's own sans-serif font).
fn arabic_fonts() -> String {
    let face = |file: &str, weight: u16| {
        let data = FONTS
            .iter()
            .find(|(n, _)| *n == file)
            .map(|(_, d)| *d)
            .unwrap_or_default();
        format!(
            "@font-face{{font-family:'Noto Naskh Arabic';font-weight:{weight};src:url(data:font/ttf;base64,{}) format('truetype');}}",
            base64::engine::general_purpose::STANDARD.encode(data)
        )
    };
    [
        face("NotoNaskhArabic-Regular.ttf", 400),
        face("NotoNaskhArabic-Bold.ttf", 700),
    ]
    .join("\n")
}

/// `doc` as HTML, with `data` (the report's JSON) for templates that want more.
pub fn html(
    doc: &Document,
    data: &serde_json::Value,
    templates: &Templates,
) -> Result<String, TemplateError> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    let loader_templates = templates.clone();
    env.set_loader(move |name: &str| {
        let full = format!("html/{name}");
        if !Templates::knows(&full) {
            return Ok(None);
        }
        loader_templates
            .read(&full)
            .map(|t| Some(t.into_owned()))
            .map_err(|e| {
                minijinja::Error::new(minijinja::ErrorKind::TemplateNotFound, e.to_string())
            })
    });
    let name = template_for(&doc.kind);
    let short = name.trim_start_matches("html/");
    let describe = |e: minijinja::Error| {
        let mut detail = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            detail.push_str(&format!(": {s}"));
            source = s.source();
        }
        TemplateError::Render {
            name: templates.describe(&format!(
                "html/{}",
                e.name().unwrap_or(short).trim_start_matches("html/")
            )),
            detail,
        }
    };
    let template = env.get_template(short).map_err(describe)?;
    let fonts = if doc.lang.is_rtl() {
        arabic_fonts()
    } else {
        String::new()
    };
    template
        .render(context! {
            doc => Value::from(Serde(doc)),
            data => Value::from(Serde(data)),
            fonts => fonts,
        })
        .map_err(describe)
}
