//! The audit bundle's format (schema/CHAIN.md §7b): the names of its files, and the summaries
//! `ledger.json`, `officers.json` and `seals.json`, derived from its chain by one function
//! that the exporter writes with and both the exporter and `verify` read with. Pure: no
//! database, no command; [`crate::app::bundle`] exports and opens bundles, [`crate::verify`]
//! checks them, both on top of this.

use crate::chain::signing;
use std::path::Path;

use serde_json::{Value, json};

use crate::chain::{ChainEntry, Record};
use crate::store::LogRow;

/// The chain, one JSON object per entry.
pub const CHAIN: &str = "chain.jsonl";
pub const LEDGER: &str = "ledger.json";
pub const OFFICERS: &str = "officers.json";
pub const SEALS: &str = "seals.json";
pub const README: &str = "README.txt";
/// The independent verifier, as amana ships it.
pub const VERIFIER: &str = "verify_chain.py";
pub const RECEIPTS: &str = "receipts";
/// The largest summary file (`seals.json` of a ledger with a seal a day for a century is a
/// few MB) and `chain.jsonl` (a million entries) read from a bundle.
const SUMMARY_LIMIT: u64 = 256 * 1024 * 1024;
pub const CHAIN_LIMIT: u64 = 2 * 1024 * 1024 * 1024;

/// The `format` of `ledger.json`.
const FORMAT: &str = "amana chain v1 (schema/CHAIN.md)";

/// The summary files of a bundle, derived from its chain entries in order. Both the writer
/// and the verifier build them here, so what is written is exactly what is checked.
#[derive(Debug, Default)]
pub struct Summaries {
    ledger: Option<(String, String, String)>,
    pub(crate) officers: Vec<Value>,
    pub(crate) seals: Vec<Value>,
    pub(crate) entries: i64,
    pub(crate) head: String,
}

impl Summaries {
    /// Takes in one chain row and its decoded entry (`None` when its bytes do not decode).
    pub fn add(&mut self, row: &LogRow, decoded: Option<&ChainEntry>) {
        self.entries = row.seq;
        self.head = hex::encode(&row.chain);
        let Some(entry) = decoded else { return };
        match &entry.record {
            Record::Ledger(info) if self.ledger.is_none() => {
                self.ledger = Some((
                    info.name.clone(),
                    hex::encode(&info.id),
                    info.currency.code.clone(),
                ));
            }
            Record::Officer(o) => self.officers.push(json!({
                "seq": row.seq, "id": o.id.as_str(), "name": o.name, "role": o.role.as_str(),
                "public_key": hex::encode(o.public_key),
            })),
            Record::Seal(s) => self.seals.push(json!({
                "seq": row.seq,
                "fingerprint": signing::fingerprint(&crate::chain::entry_hash(&row.body)),
                "covered": s.covered,
                "period_end": s.period_end.map(crate::domain::format_date),
                "head": hex::encode(s.head), "merkle_root": hex::encode(s.merkle_root),
                "signatures": [],
            })),
            Record::Signature(sig) => {
                if let Some(seal) = self.seals.iter_mut().find(|s| s["seq"] == sig.seal)
                    && let Some(list) = seal["signatures"].as_array_mut()
                {
                    list.push(json!({
                        "seq": row.seq, "officer": sig.officer.as_str(),
                        "signature": hex::encode(sig.signature),
                    }));
                }
            }
            _ => {}
        }
    }

    /// The three summary files, by name, as JSON values.
    pub fn files(&self) -> [(&'static str, Value); 3] {
        let (name, id, currency) = match &self.ledger {
            Some((n, i, c)) => (json!(n), json!(i), json!(c)),
            None => (Value::Null, Value::Null, Value::Null),
        };
        [
            (
                LEDGER,
                json!({
                    "name": name, "id": id, "currency": currency, "entries": self.entries,
                    "head": self.head, "format": FORMAT,
                }),
            ),
            (OFFICERS, Value::Array(self.officers.clone())),
            (SEALS, Value::Array(self.seals.clone())),
        ]
    }

    /// Compares the summary files in `dir` with what the chain says; each difference is one
    /// finding `(seq, detail)` naming the file and the field (seq 0 when no entry is concerned).
    pub fn check(&self, dir: &Path) -> Vec<(i64, String)> {
        let mut found = vec![];
        for (name, expected) in self.files() {
            let path = dir.join(name);
            let text = match crate::files::read_text(&path, SUMMARY_LIMIT) {
                Ok(t) => t,
                Err(e) => {
                    found.push((0, format!("{name} cannot be read ({e}): a bundle written by amana has it, derived from {CHAIN}")));
                    continue;
                }
            };
            match serde_json::from_str::<Value>(&text) {
                Ok(actual) => diff(name, "", 0, &actual, &expected, &mut found),
                Err(e) => found.push((0, format!("{name} is not JSON ({e})"))),
            }
        }
        found
    }
}

/// A value as a finding shows it: JSON, cut short.
fn shown(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 80 {
        format!("{}…", text.chars().take(80).collect::<String>())
    } else {
        text
    }
}

/// The `seq` of every element, when each is an object with a distinct integer `seq`.
fn seqs(items: &[Value]) -> Option<Vec<i64>> {
    let seqs: Vec<i64> = items
        .iter()
        .map(|v| v.get("seq").and_then(Value::as_i64))
        .collect::<Option<_>>()?;
    let mut sorted = seqs.clone();
    sorted.sort_unstable();
    sorted.dedup();
    (sorted.len() == seqs.len()).then_some(seqs)
}

/// Reports every difference between `actual` (the file) and `expected` (from the chain).
/// Elements of lists are matched by their `seq` (so one element added or removed is one
/// finding, not a shift of all the others), or by position when they have none.
fn diff(
    file: &str,
    path: &str,
    seq: i64,
    actual: &Value,
    expected: &Value,
    found: &mut Vec<(i64, String)>,
) {
    let at = |p: &str| {
        if p.is_empty() {
            "the top level".to_string()
        } else {
            format!("field {p}")
        }
    };
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            for (key, ev) in e {
                let p = format!("{path}.{key}");
                match a.get(key) {
                    Some(av) => diff(file, &p, seq, av, ev, found),
                    None => found.push((
                        seq,
                        format!("{file}: {} is missing; {CHAIN} says {}", at(&p), shown(ev)),
                    )),
                }
            }
            for (key, av) in a {
                if !e.contains_key(key) {
                    found.push((
                        seq,
                        format!(
                            "{file}: {} = {} is not derived from {CHAIN} (added)",
                            at(&format!("{path}.{key}")),
                            shown(av)
                        ),
                    ));
                }
            }
        }
        (Value::Array(a), Value::Array(e)) => match (seqs(a), seqs(e)) {
            (Some(sa), Some(se)) => {
                for (i, s) in se.iter().enumerate() {
                    let p = format!("{path}[seq {s}]");
                    match sa.iter().position(|x| x == s) {
                        Some(j) => diff(file, &p, *s, &a[j], &e[i], found),
                        None => found.push((
                            *s,
                            format!(
                                "{file}: the element with seq {s} is missing (removed); {CHAIN} gives {}",
                                shown(&e[i])
                            ),
                        )),
                    }
                }
                for (j, s) in sa.iter().enumerate() {
                    if !se.contains(s) {
                        found.push((
                            seq,
                            format!(
                                "{file}: {} holds an element with seq {s} that {CHAIN} does not give (added): {}",
                                at(path),
                                shown(&a[j])
                            ),
                        ));
                    }
                }
            }
            _ => {
                for i in 0..a.len().max(e.len()) {
                    let p = format!("{path}[{i}]");
                    match (a.get(i), e.get(i)) {
                        (Some(av), Some(ev)) => diff(file, &p, seq, av, ev, found),
                        (None, Some(ev)) => found.push((
                            seq,
                            format!(
                                "{file}: {} is missing (removed); {CHAIN} gives {}",
                                at(&p),
                                shown(ev)
                            ),
                        )),
                        (Some(av), None) => found.push((
                            seq,
                            format!(
                                "{file}: {} = {} is not derived from {CHAIN} (added)",
                                at(&p),
                                shown(av)
                            ),
                        )),
                        (None, None) => {}
                    }
                }
            }
        },
        _ if actual != expected => found.push((
            seq,
            format!(
                "{file}: {} is {}, but {CHAIN} says {}",
                at(path),
                shown(actual),
                shown(expected)
            ),
        )),
        _ => {}
    }
}
