//! 360Giving Data Standard 1.4.3 (`amana export 360giving`): the grants an association
//! received, as a package `{"grants": [...], "version": "1.4"}`. Pure: a model in, JSON text
//! out.
//!
//! Amounts are JSON numbers in that schema. They are written from the exact decimal text
//! (`1250.10`), never through a float: `0.1 + 0.2` is `0.30` here, not `0.30000000000000004`.
//! So the JSON is written by a small writer of its own, each string escaped by `serde_json`.

use chrono::NaiveDate;

/// An organisation: its identifier (org-id) and name.
#[derive(Debug, Clone)]
pub struct Organisation {
    pub id: String,
    pub name: String,
}

/// One grant received.
#[derive(Debug, Clone)]
pub struct Grant {
    /// The recipient's org-id + `-` + the grant's id.
    pub id: String,
    pub title: String,
    pub description: String,
    pub currency: String,
    /// Exact decimal text.
    pub amount_awarded: String,
    /// What was received so far, exact decimal text, in `currency` (`None` when a posting
    /// does not carry its amount in that currency).
    pub amount_disbursed: Option<String>,
    pub award_date: NaiveDate,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub funder: Organisation,
    pub recipient: Organisation,
    /// Each instalment received: its reference, date and exact amount in `currency`.
    pub disbursements: Vec<(String, NaiveDate, String)>,
    /// RFC 3339 UTC.
    pub modified: String,
}

/// A JSON value, numbers as their exact text.
enum Json {
    Str(String),
    Num(String),
    Arr(Vec<Json>),
    Obj(Vec<(&'static str, Json)>),
}

fn s(text: &str) -> Json {
    Json::Str(text.to_string())
}

fn date(d: NaiveDate) -> Json {
    Json::Str(d.format("%Y-%m-%d").to_string())
}

/// A decimal as JSON writes a number: `-0.50` and `12.00` as they are, `.5` never.
fn number(text: &str) -> Json {
    debug_assert!(text.parse::<rust_decimal::Decimal>().is_ok(), "{text}");
    Json::Num(text.to_string())
}

fn org(o: &Organisation) -> Json {
    Json::Arr(vec![Json::Obj(vec![
        ("id", s(&o.id)),
        ("name", s(&o.name)),
    ])])
}

fn grant(g: &Grant) -> Json {
    let disbursements = g
        .disbursements
        .iter()
        .map(|(id, day, amount)| {
            Json::Obj(vec![
                ("id", s(id)),
                ("transactionDate", date(*day)),
                ("currency", s(&g.currency)),
                ("value", number(amount)),
            ])
        })
        .collect();
    let mut fields = vec![
        ("id", s(&g.id)),
        ("title", s(&g.title)),
        ("description", s(&g.description)),
        ("currency", s(&g.currency)),
        ("amountAwarded", number(&g.amount_awarded)),
    ];
    if let Some(disbursed) = &g.amount_disbursed {
        fields.push(("amountDisbursed", number(disbursed)));
    }
    fields.extend([
        ("awardDate", date(g.award_date)),
        (
            "plannedDates",
            Json::Arr(vec![Json::Obj(vec![
                ("startDate", date(g.start)),
                ("endDate", date(g.end)),
            ])]),
        ),
        ("recipientOrganization", org(&g.recipient)),
        ("fundingOrganization", org(&g.funder)),
        ("disbursementTransaction", Json::Arr(disbursements)),
        ("dateModified", s(&g.modified)),
    ]);
    Json::Obj(fields)
}

fn write(out: &mut String, v: &Json, indent: usize) {
    let pad = |n: usize| "  ".repeat(n);
    match v {
        Json::Str(text) => out.push_str(&serde_json::to_string(text).expect("a string")),
        Json::Num(text) => out.push_str(text),
        Json::Arr(items) if items.is_empty() => out.push_str("[]"),
        Json::Arr(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                write(out, item, indent + 1);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push(']');
        }
        Json::Obj(fields) => {
            out.push_str("{\n");
            for (i, (key, value)) in fields.iter().enumerate() {
                out.push_str(&pad(indent + 1));
                out.push_str(&serde_json::to_string(key).expect("a key"));
                out.push_str(": ");
                write(out, value, indent + 1);
                out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
    }
}

/// The package: every grant, and the version of the standard (`1.4`, major.minor).
pub fn package(grants: &[Grant]) -> String {
    let v = Json::Obj(vec![
        ("grants", Json::Arr(grants.iter().map(grant).collect())),
        ("version", s("1.4")),
    ]);
    let mut out = String::new();
    write(&mut out, &v, 0);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_the_exact_decimals_and_texts_are_escaped() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        let o = Organisation {
            id: "XI-IATI-A".into(),
            name: "Khotwa \"خطوة\"\n".into(),
        };
        let sum = (rust_decimal::Decimal::new(1, 1) + rust_decimal::Decimal::new(2, 1)).to_string();
        let g = Grant {
            id: "XI-IATI-A-G".into(),
            title: "t".into(),
            description: "d".into(),
            currency: "MAD".into(),
            amount_awarded: "0.30".into(),
            amount_disbursed: Some(sum),
            award_date: day,
            start: day,
            end: day,
            funder: o.clone(),
            recipient: o,
            disbursements: vec![("amana-1".into(), day, "-12.50".into())],
            modified: "2026-01-02T00:00:00Z".into(),
        };
        let text = package(&[g]);
        assert!(text.contains("\"amountAwarded\": 0.30,"), "{text}");
        assert!(text.contains("\"amountDisbursed\": 0.3,"), "{text}");
        assert!(text.contains("\"value\": -12.50"), "{text}");
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            v["grants"][0]["fundingOrganization"][0]["name"],
            "Khotwa \"خطوة\"\n"
        );
        assert_eq!(v["version"], "1.4");
    }
}
