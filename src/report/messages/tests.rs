//! Every message of every catalogue file, said in every language: no placeholder left, the
//! same arguments as the English, and the English read by the rooms below (which fill the
//! one-line templates themselves) the same as Fluent's.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;
use crate::report::i18n::{CATALOGUE_FILES, Lang};
use crate::report::templates::Templates;

/// Each message of `lang`'s file `file`, with the names of the arguments it uses.
fn arguments(lang: Lang, file: &str) -> BTreeMap<String, BTreeSet<String>> {
    fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            InlineExpression::Placeable { expression } => expression_vars(expression, out),
            _ => {}
        }
    }
    fn expression_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern(&v.value, out);
                }
            }
        }
    }
    fn pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &p.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_vars(expression, out);
            }
        }
    }
    let source = Templates::embedded()
        .read(&format!("i18n/{}/{file}", lang.code()))
        .unwrap();
    let resource = fluent_syntax::parser::parse(source.as_ref())
        .unwrap_or_else(|(_, errors)| panic!("{lang}/{file}: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &m.value {
                pattern(value, &mut vars);
            }
            out.insert(m.id.name.to_string(), vars);
        }
    }
    out
}

#[test]
fn every_message_is_said_in_every_language_with_the_english_arguments() {
    for file in CATALOGUE_FILES {
        let english = arguments(Lang::En, file);
        assert!(!english.is_empty(), "{file} has no message");
        for lang in Lang::ALL {
            let cat = Catalogue::embedded(lang);
            let own = arguments(lang, file);
            for (id, vars) in &english {
                assert_eq!(
                    own.get(id),
                    Some(vars),
                    "{lang}/{file}: {id} does not take the English arguments"
                );
                let args: Vec<(&str, Arg)> = vars
                    .iter()
                    .map(|v| (v.as_str(), Arg::Text(format!("<{v}>"))))
                    .collect();
                let said = cat.ta(id, &args);
                assert!(
                    !said.contains("{$") && !said.contains("{ $") && said != *id,
                    "{lang}/{file}: {id} leaves a placeholder: {said}"
                );
                assert!(!said.trim().is_empty(), "{lang}/{file}: {id} is empty");
            }
        }
    }
}

/// The English files the rooms below `report` read themselves, one line a message.
const READ_BELOW: &[(&str, &str)] = &[
    (
        "rules.ftl",
        include_str!("../../../reports/i18n/en/rules.ftl"),
    ),
    (
        "refusals.ftl",
        include_str!("../../../reports/i18n/en/refusals.ftl"),
    ),
    (
        "domain.ftl",
        include_str!("../../../reports/i18n/en/domain.ftl"),
    ),
];

#[test]
fn the_english_read_below_is_fluents_english() {
    let en = Catalogue::embedded(Lang::En);
    for (file, source) in READ_BELOW {
        one_line_english_is_fluents(&en, file, source);
    }
}

fn one_line_english_is_fluents(en: &Catalogue, file: &str, source: &'static str) {
    for (id, vars) in arguments(Lang::En, file) {
        let args: Vec<(&str, String)> = vars
            .iter()
            .map(|v| (v.as_str(), format!("<{v}>")))
            .collect();
        let filled = crate::domain::message::fill(
            crate::domain::message::template(source, &id).expect("one line"),
            |name| {
                args.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.clone())
            },
        );
        assert_eq!(say(en, &id, &args), filled, "{id}");
    }
}

#[test]
fn a_broken_rule_that_verify_found_is_said_in_the_same_language() {
    use crate::domain::AccountCode;
    use crate::rules::RuleKind;
    let found = Finding::Rule {
        record: "transaction",
        rule: RuleError::from(RuleKind::AccountUnknown {
            account: AccountCode::parse("9999").unwrap(),
        }),
    };
    assert_eq!(
        finding(&Catalogue::embedded(Lang::En), &found),
        finding_english(&found)
    );
    let fr = finding(&Catalogue::embedded(Lang::Fr), &found);
    assert!(
        fr.starts_with("entrée transaction : le compte 9999 n'existe pas : ajoutez-le"),
        "{fr}"
    );
    let ar = finding(&Catalogue::embedded(Lang::Ar), &found).replace(['\u{2068}', '\u{2069}'], "");
    assert!(ar.contains("الحساب 9999 غير موجود"), "{ar}");
}

/// What verify's own `Display` says.
fn finding_english(finding: &Finding) -> String {
    finding.to_string()
}

#[test]
fn verifys_english_is_fluents_english() {
    let en = Catalogue::embedded(Lang::En);
    for (id, vars) in arguments(Lang::En, "verify.ftl") {
        let short = id
            .strip_prefix("verify-")
            .expect("verify's ids start with verify-");
        let mut message = Message::new(Box::leak(short.to_string().into_boxed_str()));
        for v in &vars {
            message = message.text(Box::leak(v.clone().into_boxed_str()), format!("<{v}>"));
        }
        assert_eq!(
            verify(&en, &message),
            verify::english::render(&message),
            "{id}"
        );
    }
}
