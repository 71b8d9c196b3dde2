//! The messages of the rooms below, said in a language: the rules' refusals and warnings and
//! verify's findings are values with a message id and named arguments; here, at the edge, a
//! [`Catalogue`] turns them into a sentence of the user's language (`reports/i18n/LANG/`).
//! Their English is the same file's English, so a sentence said here in English is the one
//! each value's `Display` says.

use super::i18n::{Arg, Catalogue};
use crate::rules::{RuleError, Warning};

/// Message `id` with arguments given as text.
fn say(cat: &Catalogue, id: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, Arg)> = args
        .iter()
        .map(|(name, value)| (*name, Arg::Text(value.clone())))
        .collect();
    cat.ta(id, &args)
}

/// A rule's refusal.
pub fn rule(cat: &Catalogue, error: &RuleError) -> String {
    say(cat, error.id(), &error.args())
}

/// A rule's warning.
pub fn warning(cat: &Catalogue, warning: &Warning) -> String {
    say(cat, warning.id(), &warning.args())
}

#[cfg(test)]
mod tests;
