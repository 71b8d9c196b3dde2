//! Filling a catalogue's message: the one place a template's placeholders become their
//! arguments, for every catalogue amana has (the rules', verify's, the CSV import's).
//!
//! A template is written as Fluent writes one: `{$name}` or `{ $name }` stands for the argument
//! `name`. An argument the caller does not give leaves its placeholder as written, so a mistake
//! shows in the text (each catalogue's tests render every message to catch it) rather than
//! failing the command that was reporting something else.

/// The template of message `id` in `ftl`, the text of an English Fluent file (`reports/i18n/en/`)
/// that a lower room embeds: amana's English lives in those files alone, and the rooms below
/// `report` (which holds the full Fluent catalogues) read their own sentences from them here.
/// Only what such a file holds is read: `id = text` on one line, comments and blank lines.
pub fn template(ftl: &'static str, id: &str) -> Option<&'static str> {
    ftl.lines().find_map(|line| {
        let (name, text) = line.split_once(" = ")?;
        (!name.starts_with('#') && name == id).then_some(text)
    })
}

/// `template` with each placeholder replaced by `arg(name)`.
pub fn fill(template: &str, mut arg: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match placeholder(after) {
            Some((name, len)) => {
                match arg(name) {
                    Some(value) => out.push_str(&value),
                    None => out.push_str(&rest[open..open + 1 + len]),
                }
                rest = &after[len..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// After a `{`: ` $name }` → the name and how many bytes the placeholder takes after the `{`.
fn placeholder(after: &str) -> Option<(&str, usize)> {
    let trimmed = after.trim_start_matches(' ');
    let name_start = trimmed.strip_prefix('$')?;
    let name_len = name_start
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(name_start.len());
    if name_len == 0 {
        return None;
    }
    let close = name_start[name_len..]
        .trim_start_matches(' ')
        .strip_prefix('}')?;
    Some((&name_start[..name_len], after.len() - close.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args<'a>(pairs: &'a [(&str, &str)]) -> impl FnMut(&str) -> Option<String> + 'a {
        |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn a_template_is_found_by_its_id_on_its_line() {
        let ftl =
            "# a comment = not a message\n\nan-id = the text = with an equals\nother = more\n";
        assert_eq!(template(ftl, "an-id"), Some("the text = with an equals"));
        assert_eq!(template(ftl, "other"), Some("more"));
        assert_eq!(template(ftl, "an"), None);
        assert_eq!(template(ftl, "# a comment"), None);
    }

    #[test]
    fn placeholders_are_filled_with_or_without_spaces() {
        let given = [("seq", "4"), ("head", "ab")];
        assert_eq!(
            fill("entry {$seq} at { $head }.", args(&given)),
            "entry 4 at ab."
        );
        assert_eq!(fill("{$seq}{$seq}", args(&given)), "44");
        assert_eq!(fill("no placeholder", args(&given)), "no placeholder");
    }

    #[test]
    fn what_is_not_a_placeholder_or_not_given_stays_as_written() {
        let given = [("seq", "4")];
        assert_eq!(
            fill("{$missing} and { $seq }", args(&given)),
            "{$missing} and 4"
        );
        assert_eq!(
            fill("a { brace } and {$", args(&given)),
            "a { brace } and {$"
        );
        assert_eq!(fill("{$seq", args(&given)), "{$seq");
        assert_eq!(fill("{ $ }", args(&given)), "{ $ }");
    }
}
