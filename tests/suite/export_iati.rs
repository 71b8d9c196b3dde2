//! `amana export iati` and `amana export 360giving` (issue 10) against the real validators:
//! the demo's IATI file against IATI's 2.03 XSD with `xmllint --nonet --schema`, every code it
//! writes against its codelist as IATI's mapping.xml assigns them, the rulesets that concern
//! what amana writes; the 360Giving package against its 1.4.3 JSON Schema with a real
//! validator (Debian's python3-jsonschema, Draft 2020-12). Both reconciled with
//! `amana grant list`. The standards are vendored in tests/standards/ (see its README).
//! xmllint and python3-jsonschema must be installed (`.ci/run` installs them): these tests
//! fail, never skip, when they are missing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use roxmltree::{Document, Node};
use rust_decimal::Decimal;

use crate::common::{Fixture, demo, fails, ok, ok_json, snapshot};

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn dec(text: &str) -> Decimal {
    text.trim()
        .parse()
        .unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// `xmllint --nonet --noout --schema` with IATI's activity schema: it must say "validates".
fn xmllint(file: &Path) {
    let xsd = repo("tests/standards/iati-2.03/iati-activities-schema.xsd");
    let out = Command::new("xmllint")
        .args(["--nonet", "--noout", "--schema"])
        .arg(&xsd)
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "xmllint is required for this test (Debian libxml2-utils; .ci/run installs it): {e}"
            )
        });
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && said.contains("validates"),
        "xmllint: {said}"
    );
}

/// A codelist's active codes: the ones the binary embeds, else the ones vendored for tests.
fn codelist(name: &str) -> BTreeSet<String> {
    let file = [
        repo(&format!("schema/standards/iati-codelists/{name}.xml")),
        repo(&format!("tests/standards/iati-codelists/{name}.xml")),
    ]
    .into_iter()
    .find(|p| p.exists())
    .unwrap_or_else(|| {
        panic!("the export writes a code of codelist {name}, which is not vendored: copy it from IATI's repositories")
    });
    let text = std::fs::read_to_string(file).unwrap();
    let doc = Document::parse(&text).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("codelist-item") && n.attribute("status") != Some("withdrawn"))
        .filter_map(|n| n.children().find(|c| c.has_tag_name("code")))
        .filter_map(|c| c.text().map(|t| t.trim().to_string()))
        .collect()
}

/// mapping.xml's conditions that concern what amana writes: `@a = 'v'`, `not(@a)`, joined by
/// ` or `. Any other is a test to extend, never a code let through.
fn condition_holds(node: Node, condition: &str) -> bool {
    condition.split(" or ").any(|part| {
        let part = part.trim();
        if let Some(attr) = part.strip_prefix("not(@").and_then(|p| p.strip_suffix(')')) {
            node.attribute(attr).is_none()
        } else if let Some((attr, value)) = part.strip_prefix('@').and_then(|p| p.split_once(" = "))
        {
            node.attribute(attr) == Some(value.trim_matches('\''))
        } else {
            panic!("mapping.xml condition {condition:?} is not one this test reads")
        }
    })
}

/// The elements a mapping path (`//iati-activity/transaction/transaction-type`) names.
fn elements<'a>(doc: &'a Document, path: &str) -> Vec<Node<'a, 'a>> {
    let steps: Vec<&str> = path.trim_start_matches("//").split('/').collect();
    let mut found: Vec<Node> = doc
        .descendants()
        .filter(|n| n.is_element() && (steps[0].is_empty() || n.has_tag_name(steps[0])))
        .collect();
    for step in &steps[1..] {
        found = found
            .iter()
            .flat_map(|n| n.children().filter(|c| c.has_tag_name(*step)))
            .collect();
    }
    found
}

/// Every code the file holds is in the codelist IATI's mapping.xml gives its attribute.
/// Returns how many codes were checked.
fn check_codes(doc: &Document) -> usize {
    let mapping =
        std::fs::read_to_string(repo("tests/standards/iati-codelists/mapping.xml")).unwrap();
    let mapping = Document::parse(&mapping).unwrap();
    let mut checked = 0;
    let mut lists: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in mapping.descendants().filter(|n| n.has_tag_name("mapping")) {
        let child = |name: &str| m.children().find(|c| c.has_tag_name(name));
        let path = child("path").and_then(|p| p.text()).unwrap().trim();
        let list = child("codelist").and_then(|c| c.attribute("ref")).unwrap();
        let condition = child("condition").and_then(|c| c.text());
        // A code as an element's text (crs-add/channel-code/text()): amana writes none.
        let Some((element_path, attr)) = path.rsplit_once("/@") else {
            assert!(
                elements(doc, path.trim_end_matches("/text()")).is_empty(),
                "{path}"
            );
            continue;
        };
        for node in elements(doc, element_path) {
            let value = if attr == "xml:lang" {
                node.attribute((XML_NS, "lang"))
            } else {
                node.attribute(attr)
            };
            let Some(value) = value else { continue };
            if condition.is_some_and(|c| !condition_holds(node, c)) {
                continue;
            }
            let codes = lists
                .entry(list.to_string())
                .or_insert_with(|| codelist(list));
            assert!(
                codes.contains(value),
                "{path} = {value:?} is not in codelist {list}"
            );
            checked += 1;
        }
    }
    checked
}

fn child<'a>(n: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    n.children().find(|c| c.has_tag_name(name))
}

fn date_of(n: Node, name: &str) -> chrono::NaiveDate {
    let d = child(n, name)
        .and_then(|c| c.attribute("iso-date"))
        .unwrap();
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
}

/// The rules of IATI's standard.json (2.03) that concern what amana writes, each checked on
/// every activity, `today` being the export's day.
fn check_rules(doc: &Document, today: chrono::NaiveDate) {
    let rules =
        std::fs::read_to_string(repo("tests/standards/iati-rulesets/standard.json")).unwrap();
    let rules: serde_json::Value = serde_json::from_str(&rules).unwrap();
    let activity_rules = &rules["/iati-activities/iati-activity"];
    // The rules this test applies are still in the ruleset, with these ids.
    let ids: BTreeSet<String> = rules
        .to_string()
        .match_indices("\"id\":\"")
        .map(|(i, _)| {
            let rest = &rules.to_string()[i + 6..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect();
    for id in [
        "1.1.3", "1.1.21", "1.3.1", "1.3.13", "1.14.13", "6.11.1", "6.2.2", "4.1.1", "7.8.1",
        "11.1.1", "11.1.2", "11.1.3", "11.1.4", "11.1.5", "11.2.1", "11.2.2", "7.5.3", "8.6.3",
        "3.7.1", "2.1.4", "4.3.1", "4.4.1", "6.10.1",
    ] {
        assert!(ids.contains(id), "rule {id} is no longer in standard.json");
    }
    assert!(activity_rules["startswith"]["cases"][0]["separator"] == "-");
    let day = |s: &str| chrono::NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d").unwrap();
    let activities: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("iati-activity"))
        .collect();
    assert!(!activities.is_empty());
    for a in activities {
        let id = child(a, "iati-identifier").unwrap().text().unwrap();
        let reporting = child(a, "reporting-org").unwrap().attribute("ref").unwrap();
        // 1.1.3, 1.1.21, 1.3.1, 1.3.13, 1.14.13: the identifier is the reporting org's, a
        // hyphen, its own part; no spaces, no / & | ?.
        assert_ne!(id, reporting, "1.1.3");
        assert!(
            id.starts_with(&format!("{reporting}-")) && id.len() > reporting.len() + 1,
            "1.1.21 {id}"
        );
        assert_eq!(id.trim(), id, "1.3.1");
        for s in [id, reporting] {
            assert!(!s.contains(['/', '&', '|', '?']), "1.3.13 / 1.14.13: {s}");
        }
        // 4.1.1 a default language; 7.8.1 a default currency.
        assert!(a.attribute((XML_NS, "lang")).is_some(), "4.1.1 {id}");
        assert!(a.attribute("default-currency").is_some(), "7.8.1 {id}");
        // 11.1.1 last updated not in the future.
        assert!(
            day(a.attribute("last-updated-datetime").unwrap()) <= today,
            "11.1.1"
        );
        // 6.11.1 a planned or actual start; 11.1.2–11.1.5 dates in order, actual ones past.
        let dates: BTreeMap<&str, chrono::NaiveDate> = a
            .children()
            .filter(|c| c.has_tag_name("activity-date"))
            .map(|c| {
                (
                    c.attribute("type").unwrap(),
                    day(c.attribute("iso-date").unwrap()),
                )
            })
            .collect();
        assert!(
            dates.contains_key("1") || dates.contains_key("2"),
            "6.11.1 {id}"
        );
        for (start, end) in [("1", "3"), ("2", "4")] {
            if let (Some(s), Some(e)) = (dates.get(start), dates.get(end)) {
                assert!(s <= e, "11.1.2/11.1.3 {id}");
            }
        }
        for actual in ["2", "4"] {
            assert!(
                dates.get(actual).is_none_or(|d| *d <= today),
                "11.1.4/11.1.5 {id}"
            );
        }
        // 6.2.2 a sector (one, so 2.1.4: no percentage or 100); 3.7.1 a recipient country.
        let sectors: Vec<Node> = a.children().filter(|c| c.has_tag_name("sector")).collect();
        assert_eq!(sectors.len(), 1, "6.2.2 {id}");
        assert!(
            sectors[0]
                .attribute("percentage")
                .is_none_or(|p| p == "100"),
            "2.1.4"
        );
        assert!(child(a, "recipient-country").is_some(), "3.7.1 {id}");
        // 4.3.1, 4.4.1 title and description with text; 6.10.1 participating orgs named.
        for name in ["title", "description"] {
            let n = child(a, name).unwrap();
            assert!(
                child(n, "narrative")
                    .and_then(|t| t.text())
                    .is_some_and(|t| !t.trim().is_empty()),
                "4.3.1/4.4.1 {id} {name}"
            );
        }
        for p in a.children().filter(|c| c.has_tag_name("participating-org")) {
            assert!(
                p.attribute("ref").is_some() || child(p, "narrative").is_some(),
                "6.10.1"
            );
        }
        // 7.5.3 a budget period at most a year; 8.6.3 its start before its end.
        for b in a.children().filter(|c| c.has_tag_name("budget")) {
            let (s, e) = (date_of(b, "period-start"), date_of(b, "period-end"));
            assert!(s <= e, "8.6.3 {id}");
            let year_later = s.checked_add_months(chrono::Months::new(12)).unwrap();
            assert!(e < year_later, "7.5.3 {id}: {s} to {e}");
        }
        // 11.2.1, 11.2.2 no transaction (nor its value date) in the future.
        for t in a.children().filter(|c| c.has_tag_name("transaction")) {
            assert!(date_of(t, "transaction-date") <= today, "11.2.1 {id}");
            let v = child(t, "value").unwrap();
            assert!(
                day(v.attribute("value-date").unwrap()) <= today,
                "11.2.2 {id}"
            );
        }
    }
}

/// The sum of an activity's transactions of `kind`, by currency.
fn sums(a: Node, kind: &str) -> BTreeMap<String, Decimal> {
    let mut out = BTreeMap::new();
    for t in a.children().filter(|c| c.has_tag_name("transaction")) {
        if child(t, "transaction-type").unwrap().attribute("code") == Some(kind) {
            let v = child(t, "value").unwrap();
            *out.entry(v.attribute("currency").unwrap().to_string())
                .or_insert(Decimal::ZERO) += dec(v.text().unwrap());
        }
    }
    out
}

/// Validates a 360Giving package with Debian's python3-jsonschema: Draft 2020-12 forced (the
/// schema's `$schema` is http://, which some validators do not recognise), the package's
/// remote `$ref` to the grant schema mapped to the vendored file, formats checked (dates as
/// 360Giving's own validator checks them). Panics with every error.
fn validate_360(file: &Path) {
    let script = r#"
import datetime, json, re, sys
from jsonschema import Draft202012Validator, FormatChecker, RefResolver
# Formats are asserted, as 360Giving's own validator asserts them: its dates are
# `oneOf` a date-time and a YYYY-MM-DD pattern, so a validator that does not check
# `date-time` finds a plain date valid under both. Debian's jsonschema checks it only with
# rfc3339-validator, which Debian does not package: RFC 3339's date-time is checked here.
formats = FormatChecker()
RFC3339 = re.compile(r"\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)\Z")
@formats.checks("date-time", raises=ValueError)
def date_time(value):
    if not isinstance(value, str):
        return True
    if not RFC3339.match(value):
        return False
    datetime.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    return True
package = json.load(open(sys.argv[1]))
grant = json.load(open(sys.argv[2]))
remote = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json"
# Offline: the remote reference resolves to the vendored file, nothing is fetched.
resolver = RefResolver.from_schema(package, store={remote: grant, grant["$id"]: grant})
Draft202012Validator.check_schema(package)
Draft202012Validator.check_schema(grant)
v = Draft202012Validator(package, resolver=resolver, format_checker=formats)
data = json.load(open(sys.argv[3]))
errors = list(v.iter_errors(data))
for e in errors:
    print(list(e.absolute_path), e.message[:300])
# The remote reference was followed: a grant without its required fields must fail.
broken = {"grants": [{"id": "x"}], "version": "1.4"}
if not list(v.iter_errors(broken)):
    print("the grant schema was not applied")
    sys.exit(3)
sys.exit(1 if errors else 0)
"#;
    let dir = repo("tests/standards/360giving");
    let out = Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(script)
        .arg(dir.join("360-giving-package-schema.json"))
        .arg(dir.join("360-giving-schema.json"))
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("/usr/bin/python3 is required for this test: {e}"));
    assert!(
        out.status.success(),
        "360Giving validation (python3-jsonschema is required; .ci/run installs it):\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

#[test]
fn the_demo_s_grants_validate_as_iati_2_03_and_reconcile_with_grant_list() {
    let (dir, l) = demo();
    let file = dir.path().join("khotwa-iati.xml");
    let said = ok(
        &l,
        &[
            "export",
            "iati",
            "--lang",
            "fr",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(said.contains("Wrote the IATI activity file"), "{said}");
    xmllint(&file);
    let text = std::fs::read_to_string(&file).unwrap();
    let doc = Document::parse(&text).unwrap();
    assert!(check_codes(&doc) > 100, "too few codes checked");
    check_rules(&doc, today());

    let grants = ok_json(&l, &["grant", "list"]);
    let grants = grants["grants"].as_array().unwrap();
    let activities: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("iati-activity"))
        .collect();
    assert_eq!(activities.len(), grants.len());
    assert_eq!(
        doc.root_element().attribute("version"),
        Some("2.03"),
        "the file's version"
    );
    for (a, g) in activities.iter().zip(grants) {
        let id = g["id"].as_str().unwrap();
        let currency = g["currency"].as_str().unwrap();
        assert_eq!(
            child(*a, "iati-identifier").unwrap().text(),
            Some(format!("XI-IATI-KHOTWA-MA-{id}").as_str())
        );
        assert_eq!(a.attribute("default-currency"), Some(currency));
        let funder = a
            .children()
            .find(|c| c.has_tag_name("participating-org") && c.attribute("role") == Some("1"))
            .unwrap();
        let funders = ok_json(&l, &["funder", "list"]);
        let f = funders["funders"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == g["funder"])
            .unwrap();
        assert_eq!(funder.attribute("ref"), f["org_id"].as_str());
        // The agreement, the money received and spent: the sums grant list gives, in the
        // grant's currency (the demo's postings all carry their euros).
        let amount = dec(g["amount"].as_str().unwrap());
        assert_eq!(
            sums(*a, "11"),
            BTreeMap::from([(currency.to_string(), amount)]),
            "{id}"
        );
        let received = dec(g["received_original"].as_str().unwrap());
        let spent = dec(g["spent_original"].as_str().unwrap());
        let incoming = sums(*a, "1");
        let expenditure = sums(*a, "4");
        assert_eq!(
            incoming.get(currency).copied().unwrap_or_default(),
            received,
            "{id}"
        );
        assert!(
            incoming.len() <= 1 && expenditure.len() <= 1,
            "{id}: one currency"
        );
        assert_eq!(
            expenditure.get(currency).copied().unwrap_or_default(),
            spent,
            "{id}"
        );
        // Per budget line too: the expenditures that name it sum to what it spent.
        for line in g["lines"].as_array().unwrap() {
            let name = line["line"].as_str().unwrap();
            let on_line: Decimal = a
                .children()
                .filter(|t| t.has_tag_name("transaction"))
                .filter(|t| {
                    t.attribute("ref")
                        .is_some_and(|r| r.starts_with(&format!("{id}/{name}/")))
                })
                .map(|t| dec(child(t, "value").unwrap().text().unwrap()))
                .sum();
            assert_eq!(
                on_line,
                dec(line["spent_original"].as_str().unwrap()),
                "{id}/{name}"
            );
        }
        // Budgets sum to the amount; the EU grant's budgets are in euros.
        let budgets: Decimal = a
            .children()
            .filter(|b| b.has_tag_name("budget"))
            .map(|b| dec(child(b, "value").unwrap().text().unwrap()))
            .sum();
        assert_eq!(budgets, amount, "{id}");
    }
    assert!(
        text.contains("<value currency=\"EUR\""),
        "the EU grant in euros"
    );
    assert!(text.contains("xml:lang=\"fr\""), "--lang fr");

    // One grant alone.
    let one = ok(&l, &["export", "iati", "--grant", "EU-2025"]);
    let doc = Document::parse(&one).unwrap();
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("iati-activity"))
            .count(),
        1
    );
}

#[test]
fn the_demo_s_grants_validate_as_360giving_1_4_with_exact_amounts() {
    let (dir, l) = demo();
    let file = dir.path().join("khotwa-360.json");
    ok(
        &l,
        &["export", "360giving", "--out", file.to_str().unwrap()],
    );
    validate_360(&file);
    let text = std::fs::read_to_string(&file).unwrap();
    let package: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(package["version"], "1.4");
    let grants = ok_json(&l, &["grant", "list"]);
    let listed = grants["grants"].as_array().unwrap();
    let exported = package["grants"].as_array().unwrap();
    assert_eq!(exported.len(), listed.len());
    for (e, g) in exported.iter().zip(listed) {
        let id = g["id"].as_str().unwrap();
        assert_eq!(e["id"], format!("XI-IATI-KHOTWA-MA-{id}"));
        assert_eq!(e["currency"], g["currency"]);
        // The numbers as written, exactly: "amountAwarded": 45000.00.
        for (key, listed) in [
            ("amountAwarded", "amount"),
            ("amountDisbursed", "received_original"),
        ] {
            let needle = format!("\"{key}\": {},", g[listed].as_str().unwrap());
            assert!(text.contains(&needle), "{id}: {needle}");
        }
        let disbursed: Decimal = e["disbursementTransaction"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| dec(&t["value"].to_string()))
            .sum();
        assert_eq!(
            disbursed,
            dec(g["received_original"].as_str().unwrap()),
            "{id}"
        );
        assert_eq!(e["recipientOrganization"][0]["id"], "XI-IATI-KHOTWA-MA");
    }
}

/// A small ledger whose grant received 0.10 then 0.20: 360Giving says 0.30, never
/// 0.30000000000000004, and IATI's incoming funds sum to it exactly.
#[test]
fn amounts_are_exact_decimals_never_floats() {
    let fx = Fixture::new();
    let l = fx.path();
    ok(l, &["setting", "set", "org-id", "XI-IATI-TEST-1"]);
    ok(l, &["funder", "identify", "CMM", "MA-COA-CMM"]);
    ok(l, &["funder", "identify", "INDH", "MA-COA-INDH"]);
    for amount in ["0.10", "0.20"] {
        ok(
            l,
            &[
                "record",
                "--date",
                "2026-02-01",
                "--desc",
                "Tranche",
                "--post",
                &format!("5141 {amount}"),
                "--post",
                &format!("7161 -{amount} grant=CMM-2026"),
            ],
        );
    }
    let json = ok(l, &["export", "360giving", "--grant", "CMM-2026"]);
    // The fixture's grant had received 60000.00 already.
    assert!(json.contains("\"amountDisbursed\": 60000.30,"), "{json}");
    let out = fx.dir.path().join("g.json");
    std::fs::write(&out, &json).unwrap();
    validate_360(&out);
    let xml = ok(l, &["export", "iati", "--grant", "CMM-2026"]);
    let doc = Document::parse(&xml).unwrap();
    let a = doc
        .descendants()
        .find(|n| n.has_tag_name("iati-activity"))
        .unwrap();
    assert_eq!(sums(a, "1")["MAD"].to_string(), "60000.30");
    for amount in ["0.10", "0.20"] {
        assert!(xml.contains(&format!(">{amount}</value>")), "{xml}");
    }
}

#[test]
fn an_export_without_org_ids_or_over_a_file_is_refused_and_writes_nothing() {
    let fx = Fixture::new();
    let l = fx.path();
    let out = fx.dir.path().join("iati.xml");
    let out_arg = out.to_str().unwrap();
    // No org-id for the association: exit 2, what to do, no file.
    for kind in ["iati", "360giving"] {
        let said = fails(l, &["export", kind, "--out", out_arg], 2);
        assert!(said.contains("amana setting set org-id"), "{said}");
        assert!(!out.exists(), "{kind}: nothing written");
    }
    // A malformed org-id, and one whose agency IATI does not list: refused, nothing recorded.
    let before = snapshot(l);
    let said = fails(l, &["setting", "set", "org-id", "KHOTWA 2019"], 2);
    assert!(said.contains("org-id"), "{said}");
    let said = fails(l, &["setting", "set", "org-id", "MA-XYZ-2019"], 2);
    assert!(
        said.contains("MA-XYZ") && said.contains("org-id.guide"),
        "{said}"
    );
    let said = fails(l, &["funder", "identify", "CMM", "EU/918"], 2);
    assert!(said.contains("EU/918"), "{said}");
    let said = fails(l, &["funder", "identify", "NOPE", "XM-DAC-918"], 2);
    assert!(said.contains("NOPE"), "{said}");
    assert_eq!(snapshot(l), before, "nothing recorded");

    // The association identified, not the funder: refused, naming the funder and the command.
    ok(l, &["setting", "set", "org-id", "XI-IATI-TEST-1"]);
    let said = fails(l, &["export", "iati", "--out", out_arg], 2);
    assert!(said.contains("amana funder identify CMM"), "{said}");
    assert!(!out.exists());
    ok(l, &["funder", "identify", "CMM", "MA-COA-CMM"]);
    ok(l, &["funder", "identify", "INDH", "MA-COA-INDH"]);
    let list = ok_json(l, &["funder", "list"]);
    assert_eq!(list["funders"][0]["org_id"], "MA-COA-CMM");
    assert!(ok(l, &["funder", "list"]).contains("MA-COA-CMM"));

    // An unknown grant, a sector or a country outside IATI's lists: refused.
    fails(
        l,
        &["export", "iati", "--grant", "NOPE", "--out", out_arg],
        2,
    );
    let said = fails(
        l,
        &["export", "iati", "--sector", "12345", "--out", out_arg],
        2,
    );
    assert!(said.contains("Sector"), "{said}");
    let said = fails(
        l,
        &["export", "iati", "--country", "XX", "--out", out_arg],
        2,
    );
    assert!(said.contains("Country"), "{said}");
    assert!(!out.exists());

    // Written once; an existing file is kept without --force, replaced with it.
    ok(l, &["export", "iati", "--out", out_arg]);
    xmllint(&out);
    std::fs::write(&out, "keep me").unwrap();
    let said = fails(l, &["export", "iati", "--out", out_arg], 2);
    assert!(said.contains("--force"), "{said}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let giving = fx.dir.path().join("g.json");
    std::fs::write(&giving, "keep me too").unwrap();
    fails(
        l,
        &["export", "360giving", "--out", giving.to_str().unwrap()],
        2,
    );
    assert_eq!(std::fs::read_to_string(&giving).unwrap(), "keep me too");
    ok(l, &["export", "iati", "--out", out_arg, "--force"]);
    xmllint(&out);
    // Never over the ledger itself, even with --force.
    fails(
        l,
        &["export", "iati", "--out", l.to_str().unwrap(), "--force"],
        2,
    );
    ok(l, &["verify"]);
}

#[test]
fn a_transaction_dated_after_today_is_refused_by_the_iati_export() {
    let fx = Fixture::new();
    let l = fx.path();
    ok(l, &["setting", "set", "org-id", "XI-IATI-TEST-1"]);
    ok(l, &["funder", "identify", "CMM", "MA-COA-CMM"]);
    ok(l, &["funder", "identify", "INDH", "MA-COA-INDH"]);
    ok(l, &["export", "iati"]);
    let tomorrow = (today() + chrono::Days::new(1))
        .format("%Y-%m-%d")
        .to_string();
    ok(
        l,
        &[
            "grant",
            "add",
            "LATER",
            "--funder",
            "CMM",
            "--amount",
            "100",
            "--start",
            "2026-01-01",
            "--end",
            "2099-12-31",
        ],
    );
    ok(
        l,
        &[
            "record",
            "--date",
            &tomorrow,
            "--desc",
            "Tranche",
            "--post",
            "5141 100",
            "--post",
            "7161 -100 grant=LATER",
        ],
    );
    let said = fails(l, &["export", "iati", "--grant", "LATER"], 2);
    assert!(
        said.contains("after today") && said.contains(&tomorrow),
        "{said}"
    );
    // Planned dates may be in the future: the grant ends in 2099; without the transaction
    // in the future, a grant that has not ended exports.
    let xml = ok(l, &["export", "iati", "--grant", "CMM-2026"]);
    assert!(xml.contains("iso-date=\"2026-12-31\" type=\"3\""), "{xml}");
}
