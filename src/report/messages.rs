//! The messages of the rooms below, said in a language: the rules' refusals and warnings and
//! verify's findings are values with a message id and named arguments; here, at the edge, a
//! [`Catalogue`] turns them into a sentence of the user's language (`reports/i18n/LANG/`).
//! Their English is the same file's English, so a sentence said here in English is the one
//! each value's `Display` says.

use super::i18n::{Arg, Catalogue};
use crate::rules::{RuleError, Warning};
use crate::verify::{self, Finding, Message};

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

/// One of verify's messages (a finding, a decision, an error reading what was published): its
/// id is the catalogue's after `verify-`, and a message inside it is said in the same language.
pub fn verify(cat: &Catalogue, message: &Message) -> String {
    let args: Vec<(&str, Arg)> = message
        .args
        .0
        .iter()
        .map(|(name, arg)| (*name, Arg::Text(verify_arg(cat, arg))))
        .collect();
    cat.ta(&format!("verify-{}", message.id), &args)
}

fn verify_arg(cat: &Catalogue, arg: &verify::Arg) -> String {
    match arg {
        verify::Arg::Int(i) => i.to_string(),
        verify::Arg::Text(t) => t.clone(),
        verify::Arg::Message(m) => verify(cat, m),
        verify::Arg::List(items) => items
            .iter()
            .map(|m| verify(cat, m))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// What verify found: the rule an entry breaks is said in the same language too.
pub fn finding(cat: &Catalogue, finding: &Finding) -> String {
    match finding {
        Finding::Rule {
            record,
            rule: broken,
        } => cat.ta(
            "verify-rule-broken",
            &[
                ("record", Arg::Text(record.to_string())),
                ("rule", Arg::Text(rule(cat, broken))),
            ],
        ),
        other => verify(cat, &other.message()),
    }
}

#[cfg(test)]
mod tests;
