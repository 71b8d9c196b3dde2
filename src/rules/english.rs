//! The English of every rule's refusal and warning, by message id: `reports/i18n/en/rules.ftl`,
//! the one place where the rules speak English, embedded here so that a rule's `Display` says
//! it without the report room's catalogues. French and Arabic are that file's siblings, used
//! by the command line through `report::messages`; the ids and arguments come from
//! [`super::messages`].

/// The English Fluent file of the rules' messages.
const RULES_EN: &str = include_str!("../../reports/i18n/en/rules.ftl");

/// The English template of message `id` (`""` for an id the file does not have).
pub(super) fn english(id: &str) -> &'static str {
    crate::domain::message::template(RULES_EN, id).unwrap_or("")
}
