//! A report's document as PDF, typeset by the binary itself with typst: no browser, no other
//! program. The typst source is a template of `reports/typst/` (the report's own, else
//! `report.typ`), which reads the document as JSON; the fonts are amana's (Noto Sans and Noto
//! Naskh Arabic, SIL Open Font License), embedded in the binary and in the PDF, so Arabic is
//! shaped and laid out right to left on any machine.
//!
//! typst sees a world of a few virtual files and nothing else: the templates (looked up by
//! name among amana's own), `doc.json` and `qr.svg`. A template that names any other file, or
//! a package, gets "not found": no template reads the disk or the network.

use std::sync::OnceLock;

use chrono::Datelike;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::report::doc::Document;
use crate::report::templates::{FONTS, TemplateError, Templates};

/// The fonts, read once: amana's own, then typst's (for mathematics and monospace).
fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static FONTS_READ: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    FONTS_READ.get_or_init(|| {
        let fonts: Vec<Font> = FONTS
            .iter()
            .flat_map(|(_, data)| Font::iter(Bytes::new(*data)))
            .chain(typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))))
            .collect();
        (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The world one report is typeset in.
struct ReportWorld<'a> {
    templates: &'a Templates,
    main: Source,
    doc_json: Bytes,
    qr_svg: Bytes,
    today: chrono::NaiveDate,
}

impl ReportWorld<'_> {
    /// A typst path (`/report.typ`) as the name of a template (`typst/report.typ`).
    fn template_name(id: FileId) -> Option<String> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return None;
        }
        let name = format!("typst/{}", id.vpath().get_without_slash());
        Templates::knows(&name).then_some(name)
    }
}

impl World for ReportWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let name = Self::template_name(id).ok_or_else(|| not_found(id))?;
        let text = self
            .templates
            .read(&name)
            .map_err(|e| FileError::Other(Some(e.to_string().into())))?;
        Ok(Source::new(id, text.into_owned()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        match id.vpath().get_without_slash() {
            "doc.json" if matches!(id.root(), VirtualRoot::Project) => Ok(self.doc_json.clone()),
            "qr.svg" if matches!(id.root(), VirtualRoot::Project) => Ok(self.qr_svg.clone()),
            _ => {
                let name = Self::template_name(id).ok_or_else(|| not_found(id))?;
                let text = self
                    .templates
                    .read(&name)
                    .map_err(|e| FileError::Other(Some(e.to_string().into())))?;
                Ok(Bytes::new(text.into_owned().into_bytes()))
            }
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().1.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Datetime::from_ymd(
            self.today.year(),
            u8::try_from(self.today.month()).ok()?,
            u8::try_from(self.today.day()).ok()?,
        )
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}

/// The typst template that lays out `kind`: its own, else the shared one.
pub fn template_for(kind: &str) -> String {
    let own = format!("typst/{kind}.typ");
    if Templates::knows(&own) {
        own
    } else {
        "typst/report.typ".to_string()
    }
}

/// `doc` typeset as PDF, with its fonts embedded; `today` is the report clock's day (what a
/// template's `datetime.today()` gives: `AMANA_NOW` fixes it).
pub fn pdf(
    doc: &Document,
    templates: &Templates,
    today: chrono::NaiveDate,
) -> Result<Vec<u8>, TemplateError> {
    let name = template_for(&doc.kind);
    let main_text = templates.read(&name)?;
    let main_path = format!("/{}", name.trim_start_matches("typst/"));
    let main_id = file_id(&main_path).expect("template names are plain paths");
    let doc_json = serde_json::to_vec(doc).expect("a document serialises");
    let world = ReportWorld {
        templates,
        main: Source::new(main_id, main_text.into_owned()),
        doc_json: Bytes::new(doc_json),
        qr_svg: Bytes::new(
            doc.seal
                .as_ref()
                .map(|s| s.qr_svg.clone())
                .unwrap_or_default()
                .into_bytes(),
        ),
        today,
    };
    let describe = |errors: &[SourceDiagnostic]| TemplateError::Render {
        name: templates.describe(&name),
        detail: errors
            .iter()
            .map(|e| {
                let mut text = e.message.to_string();
                for hint in &e.hints {
                    text.push_str(&format!(" (hint: {})", hint.v));
                }
                text
            })
            .collect::<Vec<_>>()
            .join("; "),
    };
    let paged: PagedDocument = typst::compile(&world).output.map_err(|e| describe(&e))?;
    let options = typst_pdf::PdfOptions::default();
    typst_pdf::pdf(&paged, &options).map_err(|e| describe(&e))
}
