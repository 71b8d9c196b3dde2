//! The audit bundle's format (schema/CHAIN.md §7b): the names of its files, and the summaries
//! `ledger.json`, `officers.json` and `seals.json`, derived from its chain by one function
//! that the exporter writes with and both the exporter and `verify` read with, and compared
//! with what a bundle holds as typed [`Mismatch`]es. Pure bytes ↔ domain: it reads no file and
//! knows no database (it depends on the chain's records only); [`crate::app::bundle`] exports
//! and opens bundles, [`crate::verify`] reads and checks them, both on top of this.

use crate::chain::signing;

use serde_json::{Value, json};

use crate::chain::{ChainEntry, Record};

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
pub const SUMMARY_LIMIT: u64 = 256 * 1024 * 1024;
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
    /// Takes in one chain row (its seq, the entry's bytes and its stored chain hash) and its
    /// decoded entry (`None` when its bytes do not decode).
    pub fn add(&mut self, seq: i64, body: &[u8], chain: &[u8], decoded: Option<&ChainEntry>) {
        self.entries = seq;
        self.head = hex::encode(chain);
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
                "seq": seq, "id": o.id.as_str(), "name": o.name, "role": o.role.as_str(),
                "public_key": hex::encode(o.public_key),
            })),
            Record::Seal(s) => self.seals.push(json!({
                "seq": seq,
                "fingerprint": signing::fingerprint(&crate::chain::entry_hash(body)),
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
                        "seq": seq, "officer": sig.officer.as_str(),
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

    /// Compares the text of the summary file `file` (as a bundle holds it) with `expected`
    /// (what [`Summaries::files`] derives from the chain): every difference, naming the field.
    pub fn compare(file: &'static str, text: &str, expected: &Value) -> Vec<Mismatch> {
        let mut found = vec![];
        match serde_json::from_str::<Value>(text) {
            Ok(actual) => diff(file, "", 0, &actual, expected, &mut found),
            Err(e) => found.push(Mismatch {
                file,
                seq: 0,
                what: Difference::NotJson {
                    error: e.to_string(),
                },
            }),
        }
        found
    }
}

/// A difference between a summary file and what the chain says: which file, the entry it
/// concerns (0 when none), and what differs.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    pub file: &'static str,
    pub seq: i64,
    pub what: Difference,
}

/// What differs. `at` is the path of the field in the file (`.seals[seq 3].head`, `.id`,
/// or empty for the top level); values are as the file holds them and as the chain gives them.
#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    /// The file is not JSON.
    NotJson { error: String },
    /// A field the chain gives is not in the file.
    Missing { at: String, expected: Value },
    /// The file holds a field or list element the chain does not give.
    Added { at: String, found: Value },
    /// An element of a list (matched by its `seq`) is not in the file.
    ElementMissing { element: i64, expected: Value },
    /// The list at `at` holds an element with a `seq` the chain does not give.
    ElementAdded {
        at: String,
        element: i64,
        found: Value,
    },
    /// A list (matched by position) is shorter than the chain's.
    Removed { at: String, expected: Value },
    /// A value differs.
    Differs {
        at: String,
        found: Value,
        expected: Value,
    },
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
    file: &'static str,
    path: &str,
    seq: i64,
    actual: &Value,
    expected: &Value,
    found: &mut Vec<Mismatch>,
) {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            for (key, ev) in e {
                let p = format!("{path}.{key}");
                match a.get(key) {
                    Some(av) => diff(file, &p, seq, av, ev, found),
                    None => found.push(Mismatch {
                        file,
                        seq,
                        what: Difference::Missing {
                            at: p,
                            expected: ev.clone(),
                        },
                    }),
                }
            }
            for (key, av) in a {
                if !e.contains_key(key) {
                    found.push(Mismatch {
                        file,
                        seq,
                        what: Difference::Added {
                            at: format!("{path}.{key}"),
                            found: av.clone(),
                        },
                    });
                }
            }
        }
        (Value::Array(a), Value::Array(e)) => match (seqs(a), seqs(e)) {
            (Some(sa), Some(se)) => {
                for (i, s) in se.iter().enumerate() {
                    let p = format!("{path}[seq {s}]");
                    match sa.iter().position(|x| x == s) {
                        Some(j) => diff(file, &p, *s, &a[j], &e[i], found),
                        None => found.push(Mismatch {
                            file,
                            seq: *s,
                            what: Difference::ElementMissing {
                                element: *s,
                                expected: e[i].clone(),
                            },
                        }),
                    }
                }
                for (j, s) in sa.iter().enumerate() {
                    if !se.contains(s) {
                        found.push(Mismatch {
                            file,
                            seq,
                            what: Difference::ElementAdded {
                                at: path.to_string(),
                                element: *s,
                                found: a[j].clone(),
                            },
                        });
                    }
                }
            }
            _ => {
                for i in 0..a.len().max(e.len()) {
                    let p = format!("{path}[{i}]");
                    match (a.get(i), e.get(i)) {
                        (Some(av), Some(ev)) => diff(file, &p, seq, av, ev, found),
                        (None, Some(ev)) => found.push(Mismatch {
                            file,
                            seq,
                            what: Difference::Removed {
                                at: p,
                                expected: ev.clone(),
                            },
                        }),
                        (Some(av), None) => found.push(Mismatch {
                            file,
                            seq,
                            what: Difference::Added {
                                at: p,
                                found: av.clone(),
                            },
                        }),
                        (None, None) => {}
                    }
                }
            }
        },
        _ if actual != expected => found.push(Mismatch {
            file,
            seq,
            what: Difference::Differs {
                at: path.to_string(),
                found: actual.clone(),
                expected: expected.clone(),
            },
        }),
        _ => {}
    }
}
