//! Each finding as a message: the id of its sentence in the catalogue and its named
//! arguments, taken from the finding's typed values. This is where a finding's values become
//! words-free arguments (hex for hashes, SQL literals for table values, UTC times), so the
//! catalogue ([`super::english`], or a translation of it) only arranges them.

use rusqlite::types::Value;

use super::bundle::{BundleReadError, ChainFileDefect};
use super::english::{self, Arg, Message};
use super::findings::{Finding, RowKey};
use super::{AnchorDefect, AnchorError};
use crate::formats::bundle::{Difference, Mismatch};

impl Finding {
    /// The finding as a message: its id and named arguments.
    pub fn message(&self) -> Message {
        use Finding as F;
        let m = Message::new;
        match self {
            F::SchemaAltered { drift } => m("schema-altered").text("drift", drift),
            F::IntegrityFails { damage } => m("integrity-fails").text("damage", damage),
            F::TableUnreadable { table, error } => m("table-unreadable")
                .text("table", table.name())
                .text("error", error),
            F::EntriesMissing { first, last } if first == last => {
                m("entry-missing").int("first", *first)
            }
            F::EntriesMissing { first, last } => {
                m("entries-missing").int("first", *first).int("last", *last)
            }
            F::RowOutOfOrder { seq, after } => {
                m("row-out-of-order").int("seq", *seq).int("after", *after)
            }
            F::LineOutOfOrder { line, seq, after } => m("line-out-of-order")
                .int("line", i64::try_from(*line).unwrap_or(i64::MAX))
                .int("seq", *seq)
                .int("after", *after),
            F::EntryHashEdited { stored, computed } => m("entry-hash-edited")
                .hex("stored", stored)
                .hex("computed", computed),
            F::ContentModified { stored, computed } => m("content-modified")
                .hex("stored", stored)
                .hex("computed", computed),
            F::ChainHashEdited { stored, expected } => m("chain-hash-edited")
                .hex("stored", stored)
                .hex("expected", expected),
            F::LinkBroken { link, previous } => {
                m("link-broken").hex("link", link).hex("previous", previous)
            }
            F::Undecodable { error } => m("undecodable")
                .int("offset", i64::try_from(error.offset).unwrap_or(i64::MAX))
                .text("what", &error.what),
            F::EntryMisplaced { row, recorded } => m("entry-misplaced")
                .int("row", *row)
                .int("recorded", *recorded),
            F::NonCanonical => m("non-canonical"),
            F::KindColumn { row, column, entry } => m("kind-column")
                .int("row", *row)
                .text("column", column)
                .text("entry", entry),
            F::PublishedSealRewritten {
                fingerprint,
                seq,
                head,
                covered,
            } => m("published-seal-rewritten")
                .text("fingerprint", fingerprint)
                .int("seq", *seq)
                .hex("head", head)
                .int("covered", *covered),
            F::Rule { record, rule } => m("rule-broken")
                .text("record", record)
                .text("rule", rule)
                .text("field", rule.field())
                .text("value", rule.value()),
            F::ReceiptMissing {
                file_name,
                transaction,
                path,
            } => m("receipt-missing")
                .text("file_name", file_name)
                .int("transaction", transaction.0)
                .text("path", path.display()),
            F::ReceiptAltered {
                file_name,
                transaction,
                path,
                status,
                size,
                sha256,
            } => m("receipt-altered")
                .text("file_name", file_name)
                .int("transaction", transaction.0)
                .text("path", path.display())
                .text("status", status.describe())
                .int("size", *size)
                .hex("sha256", sha256),
            F::Empty => m("empty"),
            F::ImportTruncated { seq, remaining } => m("import-truncated")
                .int("seq", *seq)
                .int("remaining", *remaining),
            F::AnchorMissing { seq, head, entries } => m("anchor-missing")
                .int("seq", *seq)
                .text("head", head)
                .int("entries", *entries),
            F::AnchorRewritten {
                seq,
                chain,
                published,
            } => m("anchor-rewritten")
                .int("seq", *seq)
                .hex("chain", chain)
                .text("published", published),
            F::SealAnchorMissing {
                fingerprint,
                entries,
            } => m("seal-anchor-missing")
                .text("fingerprint", fingerprint)
                .int("entries", *entries),
            F::More { count } => m("more").int("count", i64::try_from(*count).unwrap_or(i64::MAX)),
            F::RowMissingFromTable { row } => row.args(m("row-missing-from-table")),
            F::RowMissing { row } => row.args(m("row-missing")),
            F::RowNotInChain { row } => row.args(m("row-not-in-chain")),
            F::RowInserted { row } => row.args(m("row-inserted")),
            F::RowEdited { row, columns } => row.args(m("row-edited")).list(
                "columns",
                columns
                    .iter()
                    .map(|c| {
                        m("column-differs")
                            .text("column", c.column)
                            .arg("found", sql_value(&c.found))
                            .arg("expected", sql_value(&c.expected))
                    })
                    .collect(),
            ),
            F::SummaryUnreadable { file, error } => m("summary-unreadable")
                .text("file", file)
                .text("error", error),
            F::Summary(mismatch) => summary_message(mismatch),
            F::TimeBackwards { time_us, last_us } => m("time-backwards")
                .text("time", shown_time(*time_us))
                .text("last", shown_time(*last_us)),
            F::TimeFuture { time_us, now_us } => m("time-future")
                .text("time", shown_time(*time_us))
                .text("now", shown_time(*now_us)),
            F::TimeFutureRun {
                first,
                last,
                time_us,
                now_us,
            } => m("time-future-run")
                .int("first", *first)
                .int("last", *last)
                .text("time", shown_time(*time_us))
                .text("now", shown_time(*now_us)),
            F::ClosedEarly { year, end, time_us } => m("closed-early")
                .int("year", i64::from(*year))
                .text("end", end)
                .text("time", shown_time(*time_us)),
            F::SealedEarly { end, time_us } => m("sealed-early")
                .text("end", end)
                .text("time", shown_time(*time_us)),
        }
    }
}

impl AnchorError {
    /// The error as a message: the text as given (what is wrong with it is in the type, for a
    /// form to point at; the sentence is the same for every defect of a head).
    pub fn message(&self) -> Message {
        let id = match self.what {
            AnchorDefect::NoColon
            | AnchorDefect::NotANumber
            | AnchorDefect::NotPositive
            | AnchorDefect::NotAHash => "anchor-invalid",
            AnchorDefect::NotAFingerprint => "seal-anchor-invalid",
        };
        Message::new(id).text("text", &self.text)
    }
}

impl BundleReadError {
    /// The error as a message: the file, and for a line its number.
    pub fn message(&self) -> Message {
        use ChainFileDefect as D;
        let m = |id| Message::new(id).text("file", self.path.display());
        let at = |id, line: &usize| m(id).int("line", i64::try_from(*line).unwrap_or(i64::MAX));
        match &self.what {
            D::Missing => m("chain-file-missing"),
            D::NotRegular { what } => m("chain-file-not-regular").text("what", what),
            D::TooLarge { size, limit } => m("chain-file-too-large")
                .text("size", size)
                .text("limit", limit),
            D::Io(error) => m("chain-file-unreadable").text("error", error),
            D::NotUtf8 => m("chain-file-not-utf8"),
            D::NotJson { line, error } => at("chain-line-not-json", line).text("error", error),
            D::NotHex { line, field } => at("chain-line-not-hex", line).text("field", field),
            D::NoSeq { line } => at("chain-line-no-seq", line),
        }
    }
}

impl std::fmt::Display for Finding {
    /// The English sentence.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&english::render(&self.message()))
    }
}

impl RowKey {
    /// Adds the arguments `table` and `key` (`column=value, ...` as SQL writes values).
    fn args(&self, m: Message) -> Message {
        let cols = self.table.columns();
        let key: Vec<String> = self
            .key
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{}={}", cols[i], english::render_arg(&sql_value(v))))
            .collect();
        m.text("table", self.table.name())
            .text("key", key.join(", "))
    }
}

/// A value as SQL writes it (`NULL`, `12`, `"text"`, `x'00ff'`); a float is said to be one.
pub(super) fn sql_value(v: &Value) -> Arg {
    match v {
        Value::Null => Arg::Text("NULL".into()),
        Value::Integer(i) => Arg::Int(*i),
        Value::Real(r) => Arg::Message(Message::new("sql-float").text("value", r)),
        Value::Text(t) => Arg::Text(format!("\"{t}\"")),
        Value::Blob(b) => Arg::Text(format!("x'{}'", hex::encode(b))),
    }
}

/// A time as findings show it: `2026-01-31 23:59:00 UTC`.
fn shown_time(us: i64) -> String {
    chrono::DateTime::from_timestamp_micros(us)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|| format!("{us} µs"))
}

/// A JSON value as a finding shows it: cut short.
fn shown_json(v: &serde_json::Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 80 {
        format!("{}…", text.chars().take(80).collect::<String>())
    } else {
        text
    }
}

fn summary_message(mismatch: &Mismatch) -> Message {
    let m = |id| Message::new(id).text("file", mismatch.file);
    // Where in the file: the top level, or a field.
    let at = |path: &str| {
        Arg::Message(if path.is_empty() {
            Message::new("json-top-level")
        } else {
            Message::new("json-field").text("path", path)
        })
    };
    match &mismatch.what {
        Difference::NotJson { error } => m("summary-not-json").text("error", error),
        Difference::Missing { at: p, expected } => m("summary-missing")
            .arg("at", at(p))
            .text("expected", shown_json(expected)),
        Difference::Added { at: p, found } => m("summary-added")
            .arg("at", at(p))
            .text("found", shown_json(found)),
        Difference::ElementMissing { element, expected } => m("summary-element-missing")
            .int("element", *element)
            .text("expected", shown_json(expected)),
        Difference::ElementAdded {
            at: p,
            element,
            found,
        } => m("summary-element-added")
            .arg("at", at(p))
            .int("element", *element)
            .text("found", shown_json(found)),
        Difference::Removed { at: p, expected } => m("summary-removed")
            .arg("at", at(p))
            .text("expected", shown_json(expected)),
        Difference::Differs {
            at: p,
            found,
            expected,
        } => m("summary-differs")
            .arg("at", at(p))
            .text("found", shown_json(found))
            .text("expected", shown_json(expected)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::DecodeError;
    use crate::domain::EntryId;
    use crate::domain::{AccountCode, OfficerId};
    use crate::files::receipts::Status;
    use crate::rules::{RuleError, RuleKind};
    use crate::store::projection::Table;
    use crate::verify::findings::{ColumnDiff, Problem, ProblemKind};

    /// One finding of every kind of message.
    fn every_finding() -> Vec<Finding> {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let row = RowKey {
            table: Table::ALL[0],
            key: vec![Value::Integer(4)],
        };
        let mismatch = |what| {
            Finding::Summary(Mismatch {
                file: "seals.json",
                seq: 5,
                what,
            })
        };
        vec![
            Finding::SchemaAltered {
                drift: "index x added".into(),
            },
            Finding::IntegrityFails {
                damage: "page 3".into(),
            },
            Finding::TableUnreadable {
                table: Table::ALL[0],
                error: "no such table".into(),
            },
            Finding::EntriesMissing { first: 3, last: 3 },
            Finding::EntriesMissing { first: 3, last: 5 },
            Finding::RowOutOfOrder { seq: 2, after: 4 },
            Finding::LineOutOfOrder {
                line: 7,
                seq: 2,
                after: 4,
            },
            Finding::EntryHashEdited {
                stored: vec![1],
                computed: [2; 32],
            },
            Finding::ContentModified {
                stored: vec![1],
                computed: [2; 32],
            },
            Finding::ChainHashEdited {
                stored: vec![1],
                expected: [2; 32],
            },
            Finding::LinkBroken {
                link: vec![1],
                previous: [2; 32],
            },
            Finding::Undecodable {
                error: DecodeError {
                    offset: 9,
                    what: "a text is not UTF-8".into(),
                },
            },
            Finding::EntryMisplaced {
                row: 4,
                recorded: 5,
            },
            Finding::NonCanonical,
            Finding::KindColumn {
                row: 4,
                column: "seal".into(),
                entry: "transaction",
            },
            Finding::PublishedSealRewritten {
                fingerprint: "7W69-RMDN-9JJF-8F5W".into(),
                seq: 9,
                head: [3; 32],
                covered: 8,
            },
            Finding::Rule {
                record: "transaction",
                rule: RuleError::from(RuleKind::AccountUnknown {
                    account: AccountCode::parse("9999").unwrap(),
                }),
            },
            Finding::ReceiptMissing {
                file_name: "invoice.pdf".into(),
                transaction: EntryId(2),
                path: "receipts/ab/cd".into(),
            },
            Finding::ReceiptAltered {
                file_name: "invoice.pdf".into(),
                transaction: EntryId(2),
                path: "receipts/ab/cd".into(),
                status: Status::Altered,
                size: 10,
                sha256: [4; 32],
            },
            Finding::Empty,
            Finding::ImportTruncated {
                seq: 3,
                remaining: 2,
            },
            Finding::AnchorMissing {
                seq: 40,
                head: "ab".into(),
                entries: 30,
            },
            Finding::AnchorRewritten {
                seq: 20,
                chain: vec![5],
                published: "ab".into(),
            },
            Finding::SealAnchorMissing {
                fingerprint: "7W69-RMDN-9JJF-8F5W".into(),
                entries: 30,
            },
            Finding::More { count: 12 },
            Finding::RowMissingFromTable { row: row.clone() },
            Finding::RowMissing { row: row.clone() },
            Finding::RowNotInChain { row: row.clone() },
            Finding::RowInserted { row: row.clone() },
            Finding::RowEdited {
                row,
                columns: vec![ColumnDiff {
                    column: "amount",
                    found: Value::Real(1.5),
                    expected: Value::Integer(150),
                }],
            },
            Finding::SummaryUnreadable {
                file: "ledger.json",
                error: "not found".into(),
            },
            mismatch(Difference::NotJson {
                error: "EOF".into(),
            }),
            mismatch(Difference::Missing {
                at: ".head".into(),
                expected: serde_json::json!("ab"),
            }),
            mismatch(Difference::Added {
                at: String::new(),
                found: serde_json::json!(1),
            }),
            mismatch(Difference::ElementMissing {
                element: 5,
                expected: serde_json::json!({"seq": 5}),
            }),
            mismatch(Difference::ElementAdded {
                at: String::new(),
                element: 6,
                found: serde_json::json!({"seq": 6}),
            }),
            mismatch(Difference::Removed {
                at: "[1]".into(),
                expected: serde_json::json!(2),
            }),
            mismatch(Difference::Differs {
                at: "[seq 5].covered".into(),
                found: serde_json::json!(3),
                expected: serde_json::json!(4),
            }),
            Finding::TimeBackwards {
                time_us: 0,
                last_us: 3_600_000_000,
            },
            Finding::TimeFuture {
                time_us: 3_600_000_000,
                now_us: 0,
            },
            Finding::TimeFutureRun {
                first: 3,
                last: 5,
                time_us: 3_600_000_000,
                now_us: 0,
            },
            Finding::ClosedEarly {
                year: 2026,
                end: date,
                time_us: 0,
            },
            Finding::SealedEarly {
                end: date,
                time_us: 0,
            },
        ]
    }

    #[test]
    fn every_finding_has_a_sentence_with_every_placeholder_filled() {
        let mut ids = std::collections::HashSet::new();
        for finding in every_finding() {
            let message = finding.message();
            let text = finding.to_string();
            assert_ne!(text, message.id, "{} is not in the catalogue", message.id);
            assert!(
                !text.contains("{ $"),
                "{} leaves a placeholder: {text}",
                message.id
            );
            assert!(ids.insert(message.id), "{} is used twice", message.id);
        }
    }

    #[test]
    fn the_english_is_what_verify_always_said() {
        let said: Vec<String> = every_finding().iter().map(ToString::to_string).collect();
        assert_eq!(said[3], "entry 3 is missing from the log");
        assert_eq!(said[4], "entries 3 to 5 are missing from the log");
        assert_eq!(
            said[11],
            "the entry's bytes cannot be read: byte 9: a text is not UTF-8"
        );
        assert_eq!(
            said[16],
            "transaction entry: account 9999 does not exist: add it with `amana account add 9999 --name ... --type ...`"
        );
        let table = Table::ALL[0];
        assert_eq!(
            said[29],
            format!(
                "{} row ({}=4) was edited: column amount is 1.5 (a float), the chain says 150",
                table.name(),
                table.columns()[0]
            )
        );
        assert_eq!(
            said[33],
            "seals.json: the top level = 1 is not derived from chain.jsonl (added)"
        );
        assert_eq!(
            said[37],
            "seals.json: field [seq 5].covered is 3, but chain.jsonl says 4"
        );
        assert_eq!(
            said[38],
            "recorded at 1970-01-01 00:00:00 UTC, before the entry before it (1970-01-01 01:00:00 UTC): the writer's clock was set back, or was ahead before"
        );
    }

    #[test]
    fn each_finding_is_listed_under_its_kind() {
        let kinds: Vec<&str> = every_finding().iter().map(|f| f.kind().as_str()).collect();
        assert_eq!(kinds[3], "deleted");
        assert_eq!(kinds[6], "reordered");
        assert_eq!(kinds[16], "rule-violation");
        let signature = Finding::Rule {
            record: "signature",
            rule: RuleError::from(RuleKind::BadSignature {
                signature: [0; 64],
                domain: "seal",
                target: 4,
                officer: OfficerId::parse("ahmed").unwrap(),
            }),
        };
        assert_eq!(signature.kind(), ProblemKind::BadSignature);
        assert_eq!(kinds[32], "metadata-mismatch");
        assert_eq!(kinds[40], "time-future");
        assert_eq!(kinds[42], "closed-early");
    }

    #[test]
    fn a_problem_in_json_keeps_its_keys_and_adds_its_message() {
        let problem = Problem::new(3, Finding::EntriesMissing { first: 3, last: 5 });
        let json = serde_json::to_value(&problem).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "seq": 3,
                "kind": "deleted",
                "detail": "entries 3 to 5 are missing from the log",
                "message": "entries-missing",
                "args": {"first": 3, "last": 5},
            })
        );
    }
    /// One error of every kind of message of what verify is given to read.
    fn every_input_error() -> Vec<Message> {
        use std::path::PathBuf;
        let anchor = |text: &str, what| AnchorError {
            text: text.into(),
            what,
        };
        let chain = |what| BundleReadError {
            path: PathBuf::from("bundle/chain.jsonl"),
            what,
        };
        let not_json = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
        vec![
            anchor("12:abc", AnchorDefect::NotAHash).message(),
            anchor("ABCD", AnchorDefect::NotAFingerprint).message(),
            chain(ChainFileDefect::Missing).message(),
            chain(ChainFileDefect::NotRegular { what: "a FIFO" }).message(),
            chain(ChainFileDefect::TooLarge {
                size: 11,
                limit: 10,
            })
            .message(),
            chain(ChainFileDefect::Io(std::io::Error::other("disk on fire"))).message(),
            chain(ChainFileDefect::NotUtf8).message(),
            chain(ChainFileDefect::NotJson {
                line: 3,
                error: not_json,
            })
            .message(),
            chain(ChainFileDefect::NotHex {
                line: 4,
                field: "body",
            })
            .message(),
            chain(ChainFileDefect::NoSeq { line: 5 }).message(),
        ]
    }

    #[test]
    fn every_input_error_has_its_own_sentence_with_every_placeholder_filled() {
        let findings: std::collections::HashSet<&str> =
            every_finding().iter().map(|f| f.message().id).collect();
        let mut ids = std::collections::HashSet::new();
        for message in every_input_error() {
            let text = english::render(&message);
            assert_ne!(text, message.id, "{} is not in the catalogue", message.id);
            assert!(
                !text.contains("{ $"),
                "{} leaves a placeholder: {text}",
                message.id
            );
            assert!(ids.insert(message.id), "{} is used twice", message.id);
            assert!(
                !findings.contains(message.id),
                "{} is a finding's id",
                message.id
            );
        }
    }

    #[test]
    fn an_anchor_mistyped_is_said_as_it_always_was() {
        let head = "anchor \"{}\": write ENTRIES:HEAD as `amana verify` printed them, e.g. 1042:458e9e52…(64 hex digits)";
        for (text, what) in [
            ("12abc", AnchorDefect::NoColon),
            ("x:abc", AnchorDefect::NotANumber),
            (&format!("0:{}", "a".repeat(64)), AnchorDefect::NotPositive),
            ("12:abc", AnchorDefect::NotAHash),
        ] {
            let error = crate::verify::Anchor::parse(text).unwrap_err();
            assert_eq!(error.what, what, "{text}");
            assert_eq!(error.to_string(), head.replace("{}", text));
        }
        let head = format!("12:{}", "Ab".repeat(32));
        assert_eq!(
            crate::verify::Anchor::parse(&head).unwrap().head,
            "ab".repeat(32)
        );
        let error = crate::verify::SealAnchor::parse("7W69-RMDN").unwrap_err();
        assert_eq!(error.what, AnchorDefect::NotAFingerprint);
        assert_eq!(
            error.to_string(),
            "seal fingerprint \"7W69-RMDN\": write it as the seal printed it, 16 letters and digits like 7W69-RMDN-9JJF-8F5W"
        );
    }

    #[test]
    fn a_chain_file_that_cannot_be_read_is_said_as_it_always_was() {
        let said: Vec<String> = every_input_error().iter().map(english::render).collect();
        assert_eq!(said[2], "bundle/chain.jsonl: no such file");
        assert_eq!(
            said[3],
            "bundle/chain.jsonl: not a regular file (a FIFO); give the document itself"
        );
        assert_eq!(
            said[4],
            "bundle/chain.jsonl: 11 bytes or more, over the limit of 10 bytes for one file"
        );
        assert_eq!(said[5], "bundle/chain.jsonl: disk on fire");
        assert_eq!(said[6], "bundle/chain.jsonl: not UTF-8 text");
        assert_eq!(
            said[7],
            "bundle/chain.jsonl:3: not a JSON line: EOF while parsing an object at line 1 column 1"
        );
        assert_eq!(said[8], "bundle/chain.jsonl:4: field body is not hex");
        assert_eq!(said[9], "bundle/chain.jsonl:5: no seq");
    }

    /// The files room's own words for what it cannot read, and the catalogue's for the chain
    /// file, are the same sentences: the one `amana verify` printed before its errors were
    /// typed.
    #[test]
    fn a_chain_file_is_said_as_the_files_room_says_any_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = crate::verify::bundle_rows(dir.path()).unwrap_err();
        assert!(matches!(missing.what, ChainFileDefect::Missing));
        let path = dir.path().join("chain.jsonl");
        assert_eq!(
            missing.to_string(),
            crate::files::read_text(&path, 10).unwrap_err().to_string()
        );
        std::fs::write(&path, b"\xff\xfe").unwrap();
        let not_utf8 = crate::verify::bundle_rows(dir.path()).unwrap_err();
        assert!(matches!(not_utf8.what, ChainFileDefect::NotUtf8));
        assert_eq!(
            not_utf8.to_string(),
            crate::files::read_text(&path, 10).unwrap_err().to_string()
        );
        std::fs::write(&path, "\n{\"seq\": 1}\n[\n").unwrap();
        let error = crate::verify::bundle_rows(dir.path()).unwrap_err();
        assert!(matches!(
            error.what,
            ChainFileDefect::NotJson { line: 3, .. }
        ));
        std::fs::write(&path, "{\"seq\": 1, \"body\": \"zz\"}\n").unwrap();
        let error = crate::verify::bundle_rows(dir.path()).unwrap_err();
        assert!(matches!(
            error.what,
            ChainFileDefect::NotHex {
                line: 1,
                field: "body"
            }
        ));
    }
}
