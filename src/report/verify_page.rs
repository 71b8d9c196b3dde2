//! What `amana verify` prints as text, in the user's language: its verdict, each finding and
//! warning, the seals and the officers' decisions, and how far the chain is vouched for.
//! The words are the catalogue's (`reports/i18n/LANG/cli.ftl` for the page, `verify.ftl` for
//! the findings); the kinds of finding, numbers, hashes and fingerprints stay as written.

use super::i18n::{Arg, Catalogue};
use super::messages;
use crate::verify::{Problem, ProblemKind, VerifyReport};

/// The verification as text, in `cat`'s language.
pub fn verify_text_in(r: &VerifyReport, cat: &Catalogue) -> String {
    let text = |v: &dyn ToString| Arg::Text(v.to_string());
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    if r.ok {
        line(cat.ta(
            "cli-verify-ok",
            &[
                ("entries", text(&r.entries)),
                ("transactions", text(&r.transactions)),
                ("rows", text(&r.rows_checked)),
            ],
        ));
        line(cat.t("cli-verify-ok-every"));
        if r.rows_checked > 0 {
            line(cat.t("cli-verify-ok-tables"));
        }
    } else {
        let count = r
            .problems
            .iter()
            .filter(|p| p.kind != ProblemKind::More)
            .count();
        line(cat.ta(
            "cli-verify-failed",
            &[("count", Arg::from(count)), ("entries", text(&r.entries))],
        ));
        for p in &r.problems {
            line(problem(cat, p));
        }
    }
    if !r.warnings.is_empty() {
        line(cat.ta(
            "cli-verify-warnings",
            &[("count", Arg::from(r.warnings.len()))],
        ));
        for p in &r.warnings {
            line(problem(cat, p));
        }
    }
    for s in &r.seals {
        let signed = if s.signed_by.is_empty() {
            cat.t("cli-verify-seal-unsigned")
        } else {
            cat.ta(
                "cli-verify-seal-signed",
                &[("officers", text(&s.signed_by.join(", ")))],
            )
        };
        let period = s
            .period_end
            .as_ref()
            .map(|d| cat.ta("cli-verify-seal-period", &[("end", text(d))]))
            .unwrap_or_default();
        let state = if s.valid {
            String::new()
        } else {
            cat.t("cli-verify-seal-invalid")
        };
        line(cat.ta(
            "cli-verify-seal",
            &[
                ("fingerprint", text(&s.fingerprint)),
                ("seq", text(&s.seq)),
                ("covered", text(&s.covered)),
                ("period", Arg::Text(period)),
                ("signed", Arg::Text(signed)),
                ("state", Arg::Text(state)),
            ],
        ));
    }
    for d in r
        .decisions
        .iter()
        .filter(|d| d.kind != "officer" || !d.in_effect || !d.signed_by.is_empty())
    {
        let signed = if d.signed_by.is_empty() {
            String::new()
        } else {
            cat.ta(
                "cli-verify-decision-signed",
                &[("officers", text(&d.signed_by.join(", ")))],
            )
        };
        let state = if d.in_effect {
            cat.t("cli-verify-decision-in-effect")
        } else if d.void {
            cat.t("cli-verify-decision-void")
        } else {
            cat.t("cli-verify-decision-waiting")
        };
        let detail = match &d.message {
            Some(m) => messages::verify(cat, m),
            None => d.detail.clone(),
        };
        line(cat.ta(
            "cli-verify-decision",
            &[
                ("seq", text(&d.seq)),
                ("detail", Arg::Text(detail)),
                ("signed", Arg::Text(signed)),
                ("state", Arg::Text(state)),
            ],
        ));
    }
    if r.signed_through > 0 {
        line(cat.ta(
            "cli-verify-signed-through",
            &[("seq", text(&r.signed_through))],
        ));
    }
    if r.anchored_through > 0 {
        line(cat.ta(
            "cli-verify-anchored-through",
            &[("seq", text(&r.anchored_through))],
        ));
    }
    if r.unanchored > 0 {
        line(cat.ta(
            "cli-verify-unanchored",
            &[("count", Arg::from(r.unanchored))],
        ));
    }
    line(cat.ta(
        "cli-verify-head",
        &[("entries", text(&r.entries)), ("head", text(&r.head))],
    ));
    out
}

/// `  entry N: kind: what was found`.
fn problem(cat: &Catalogue, p: &Problem) -> String {
    format!(
        "  {}",
        cat.ta(
            "cli-verify-problem",
            &[
                ("seq", Arg::Text(p.seq.to_string())),
                ("kind", Arg::Text(p.kind.as_str().to_string())),
                ("detail", Arg::Text(messages::finding(cat, &p.detail))),
            ],
        )
    )
}
