//! The files reports are made with (translation catalogues, HTML templates, typst sources,
//! fonts), embedded in the binary from `reports/`, and an association's own copy of any of
//! them, which takes precedence file by file (`--templates DIR` or `AMANA_TEMPLATES`), so
//! wording and layout change without recompiling.
//!
//! Only the names listed in [`EMBEDDED`] are ever read from the association's folder: a
//! template names other files (`{% extends %}`, typst's `#import`), and such a name is looked
//! up in this list, never joined to a path as it is; and a file of the folder that is a link
//! to a file outside it is refused. So no template reaches a file outside.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use super::i18n::{CATALOGUE_FILES, Lang};

/// A template file of the association's may be this large (fonts are not read from it).
const MAX_TEMPLATE_BYTES: u64 = 1 << 20;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../reports/", $name)))),*]
    };
}

/// Every text file a report may use, by its name under `reports/`.
pub const EMBEDDED: &[(&str, &str)] = embedded![
    "i18n/en/reports.ftl",
    "i18n/fr/reports.ftl",
    "i18n/ar/reports.ftl",
    "html/base.html",
    "html/report.html",
    "typst/report.typ",
    "i18n/en/funder.ftl",
    "i18n/fr/funder.ftl",
    "i18n/ar/funder.ftl",
    "i18n/en/books.ftl",
    "i18n/fr/books.ftl",
    "i18n/ar/books.ftl",
    "html/trial-balance.html",
    "html/ledger.html",
    "typst/trial-balance.typ",
    "typst/ledger.typ",
    "i18n/en/statements.ftl",
    "i18n/fr/statements.ftl",
    "i18n/ar/statements.ftl",
    // The auditor's report and the member's printed receipt (part D).
    "i18n/en/audit.ftl",
    "i18n/fr/audit.ftl",
    "i18n/ar/audit.ftl",
    "i18n/en/receipt.ftl",
    "i18n/fr/receipt.ftl",
    "i18n/ar/receipt.ftl",
    "html/receipt.html",
    "typst/receipt.typ",
    "i18n/en/annual.ftl",
    "i18n/fr/annual.ftl",
    "i18n/ar/annual.ftl",
    "i18n/en/rules.ftl",
    "i18n/fr/rules.ftl",
    "i18n/ar/rules.ftl",
    "i18n/en/verify.ftl",
    "i18n/fr/verify.ftl",
    "i18n/ar/verify.ftl",
    "i18n/en/cli.ftl",
    "i18n/fr/cli.ftl",
    "i18n/ar/cli.ftl",
    "i18n/en/refusals.ftl",
    "i18n/fr/refusals.ftl",
    "i18n/ar/refusals.ftl",
    "i18n/en/domain.ftl",
    "i18n/fr/domain.ftl",
    "i18n/ar/domain.ftl",
];

/// The fonts embedded in PDF and HTML output (SIL Open Font License, `reports/fonts/OFL.txt`).
pub const FONTS: &[(&str, &[u8])] = &[
    (
        "NotoSans-Regular.ttf",
        include_bytes!("../../reports/fonts/NotoSans-Regular.ttf"),
    ),
    (
        "NotoSans-Bold.ttf",
        include_bytes!("../../reports/fonts/NotoSans-Bold.ttf"),
    ),
    (
        "NotoNaskhArabic-Regular.ttf",
        include_bytes!("../../reports/fonts/NotoNaskhArabic-Regular.ttf"),
    ),
    (
        "NotoNaskhArabic-Bold.ttf",
        include_bytes!("../../reports/fonts/NotoNaskhArabic-Bold.ttf"),
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("{name}: cannot read the template: {source}")]
    Read {
        name: String,
        source: std::io::Error,
    },
    #[error("{name}: a template is at most 1 MiB; this one is {size} bytes")]
    TooLarge { name: String, size: u64 },
    #[error("{name}: a template is UTF-8 text")]
    NotUtf8 { name: String },
    #[error("{name}: not a Fluent catalogue: {detail}")]
    Catalogue { name: String, detail: String },
    #[error("{name}: no such template (the names are those under amana's reports/ folder)")]
    Unknown { name: String },
    #[error("{name}: {detail}")]
    Render { name: String, detail: String },
    #[error(
        "{name}: not read: it is a link to a file outside the templates folder {folder}; copy the file into the folder instead"
    )]
    Outside { name: String, folder: String },
    #[error("{folder}: the templates folder does not exist or is not a folder")]
    NoFolder { folder: String },
}

/// Where templates come from: the embedded copies, and an association's folder before them.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    folder: Option<PathBuf>,
}

impl Templates {
    pub fn embedded() -> Templates {
        Templates { folder: None }
    }

    /// The association's own folder, laid out as `reports/` is; files it lacks are embedded.
    pub fn with_folder(folder: &Path) -> Result<Templates, TemplateError> {
        if !folder.is_dir() {
            return Err(TemplateError::NoFolder {
                folder: folder.display().to_string(),
            });
        }
        Ok(Templates {
            folder: Some(folder.to_path_buf()),
        })
    }

    /// Whether `name` is one of the template files amana knows.
    pub fn knows(name: &str) -> bool {
        EMBEDDED.iter().any(|(n, _)| *n == name)
    }

    /// The text of template `name`: the association's copy when it has one, else amana's.
    pub fn read(&self, name: &str) -> Result<Cow<'static, str>, TemplateError> {
        let Some(embedded) = EMBEDDED.iter().find(|(n, _)| *n == name).map(|(_, t)| *t) else {
            return Err(TemplateError::Unknown { name: name.into() });
        };
        let Some(folder) = &self.folder else {
            return Ok(Cow::Borrowed(embedded));
        };
        let path = folder.join(name);
        // A link inside the folder may point anywhere (a key file, /etc/passwd): a template is
        // read only where it really lies inside the folder.
        let inside = match (path.canonicalize(), folder.canonicalize()) {
            (Ok(real), Ok(root)) => real.starts_with(&root),
            (Err(e), _) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Cow::Borrowed(embedded));
            }
            _ => false,
        };
        if !inside {
            return Err(TemplateError::Outside {
                name: path.display().to_string(),
                folder: folder.display().to_string(),
            });
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => m,
            Ok(_) => return Ok(Cow::Borrowed(embedded)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Cow::Borrowed(embedded));
            }
            Err(source) => {
                return Err(TemplateError::Read {
                    name: path.display().to_string(),
                    source,
                });
            }
        };
        if meta.len() > MAX_TEMPLATE_BYTES {
            return Err(TemplateError::TooLarge {
                name: path.display().to_string(),
                size: meta.len(),
            });
        }
        let bytes = std::fs::read(&path).map_err(|source| TemplateError::Read {
            name: path.display().to_string(),
            source,
        })?;
        String::from_utf8(bytes)
            .map(Cow::Owned)
            .map_err(|_| TemplateError::NotUtf8 {
                name: path.display().to_string(),
            })
    }

    /// How an error names template `name`: the association's file, or amana's own.
    pub fn describe(&self, name: &str) -> String {
        match &self.folder {
            Some(folder) if folder.join(name).is_file() => folder.join(name).display().to_string(),
            _ => format!("reports/{name} (built in)"),
        }
    }

    /// The ids of the messages in `lang`'s catalogue files (for the tests that hold the
    /// languages complete).
    pub fn message_ids(&self, lang: Lang) -> Vec<String> {
        use fluent_bundle::FluentResource;
        use fluent_syntax::ast::Entry;
        let mut ids = Vec::new();
        for file in CATALOGUE_FILES {
            let Ok(source) = self.read(&format!("i18n/{}/{file}", lang.code())) else {
                continue;
            };
            let resource = match FluentResource::try_new(source.into_owned()) {
                Ok(r) | Err((r, _)) => r,
            };
            for entry in resource.entries() {
                if let Entry::Message(m) = entry {
                    ids.push(m.id.name.to_string());
                }
            }
        }
        ids
    }
}
