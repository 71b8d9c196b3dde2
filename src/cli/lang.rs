//! The language the command line speaks: its summaries, warnings, errors and their hints go
//! through the same Fluent catalogues as the reports (`reports/i18n/LANG/`), so a treasurer
//! uses amana in Arabic, French or English end to end.
//!
//! [`language`] is the one place the language is decided: `AMANA_LANG` (`ar`, `fr`, `en`, or
//! a locale such as `fr_MA.UTF-8`), else English. A ledger's default language (a ledger
//! setting) belongs here too, as the step between the two.

use std::path::Path;

use amana::app::Refusal;
use amana::app::error::Say;
use amana::domain::DomainError;
use amana::report::i18n::{Arg, Catalogue, Lang};
use amana::report::messages;
use amana::report::templates::Templates;
use amana::report::verify_page::verify_text_in;
use amana::rules::{RuleError, Warning};
use amana::verify::{AnchorError, VerifyReport};

use super::error::CliError;

/// The language of the command line's own messages: `AMANA_LANG` when set, else English. A
/// value that names no language amana speaks is refused rather than ignored, so that a
/// treasurer who asked for French is told why the answer is in English.
pub fn language() -> Result<Lang, CliError> {
    match std::env::var("AMANA_LANG") {
        Ok(text) if !text.trim().is_empty() => text
            .trim()
            .parse()
            .map_err(|_| CliError::Language(text.clone())),
        _ => Ok(Lang::En),
    }
}

/// The catalogue of the command line's language. The language was checked when the command
/// started ([`super::run`]); a printer that runs after an invalid one falls back to English.
/// `AMANA_TEMPLATES` names an association's copy of the templates, wording included.
pub fn catalogue() -> Catalogue {
    let lang = language().unwrap_or_default();
    let own = std::env::var_os("AMANA_TEMPLATES")
        .and_then(|folder| Templates::with_folder(Path::new(&folder)).ok())
        .and_then(|templates| Catalogue::load(lang, &templates).ok());
    own.unwrap_or_else(|| Catalogue::embedded(lang))
}

/// The refusals of the rules, one a line.
pub fn rules(errors: &[RuleError]) -> String {
    let cat = catalogue();
    errors
        .iter()
        .map(|e| messages::rule(&cat, e))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The warnings of the rules, each as its line says it.
pub fn warnings(warnings: &[Warning]) -> Vec<String> {
    if warnings.is_empty() {
        return Vec::new();
    }
    let cat = catalogue();
    warnings
        .iter()
        .map(|w| messages::warning(&cat, w))
        .collect()
}

/// What `verify` prints as text.
pub fn verify_text(report: &VerifyReport) -> String {
    verify_text_in(report, &catalogue())
}

/// An `--anchor` or `--seal` of verify that cannot be read.
pub fn anchor_error(error: &AnchorError) -> String {
    messages::verify(&catalogue(), &error.message())
}

/// A refusal of the application.
pub fn refusal(refusal: &Refusal) -> String {
    refusal.said(&catalogue())
}

/// Message `id` of the command line's own (`cli.ftl`), each argument shown as it is.
pub fn say(id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let args: Vec<(&str, Arg)> = args
        .iter()
        .map(|(name, value)| (*name, Arg::Text(value.to_string())))
        .collect();
    catalogue().ta(id, &args)
}

/// The line an error is printed on: `amana: error: ...`.
pub fn error_line(message: &str) -> String {
    say("cli-error", &[("message", &message)])
}

/// A value that cannot enter the books (an amount, a date, a code).
pub fn domain(error: &DomainError) -> String {
    let cat = catalogue();
    error.said(&|id, args| Say::say(&cat, id, args))
}
