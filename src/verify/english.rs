//! What `verify` says, in English: the one place its findings and decisions become sentences.
//!
//! A finding is a typed value ([`super::Finding`]); it becomes a [`Message`], an id and named
//! arguments, and the message becomes English here, from a catalogue written as Fluent writes
//! one (`{ $name }` placeholders), so that a French or Arabic catalogue can replace it without
//! touching the checks. The ids and arguments are also in `verify --format json`, for tools.

use std::fmt::Display;

use serde::Serialize;
use serde::ser::SerializeMap;

/// A message: its id in the catalogue and its named arguments, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Args,
}

/// Named arguments; in JSON, an object.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Args(pub Vec<(&'static str, Arg)>);

/// An argument: a number, a text, a message said inside another, or a list of messages (said
/// one after the other, separated by `; `).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Int(i64),
    Text(String),
    Message(Message),
    List(Vec<Message>),
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Args::default(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: Arg) -> Message {
        self.args.0.push((name, value));
        self
    }

    pub fn int(self, name: &'static str, value: i64) -> Message {
        self.arg(name, Arg::Int(value))
    }

    pub fn text(self, name: &'static str, value: impl Display) -> Message {
        self.arg(name, Arg::Text(value.to_string()))
    }

    /// Bytes (a hash, a link) in lower-case hex.
    pub fn hex(self, name: &'static str, bytes: &[u8]) -> Message {
        self.arg(name, Arg::Text(hex::encode(bytes)))
    }

    pub fn list(self, name: &'static str, items: Vec<Message>) -> Message {
        self.arg(name, Arg::List(items))
    }

    fn get(&self, name: &str) -> Option<&Arg> {
        self.args.0.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }
}

/// The English of `message`. A message the catalogue lacks is said as its id, and a
/// placeholder without its argument stays as written, so a mistake shows in the text rather
/// than failing a verification (the tests render every finding to catch both).
pub fn render(message: &Message) -> String {
    let Some(template) = template(message.id) else {
        return message.id.to_string();
    };
    crate::domain::message::fill(template, |name| message.get(name).map(render_arg))
}

/// The English of one argument.
pub fn render_arg(arg: &Arg) -> String {
    match arg {
        Arg::Int(i) => i.to_string(),
        Arg::Text(t) => t.clone(),
        Arg::Message(m) => render(m),
        Arg::List(items) => items.iter().map(render).collect::<Vec<_>>().join("; "),
    }
}

/// The English catalogue.
fn template(id: &str) -> Option<&'static str> {
    Some(match id {
        // The file and its tables.
        "schema-altered" => "the ledger's schema was altered: { $drift }",
        "integrity-fails" => "SQLite's integrity check fails: { $damage }",
        "table-unreadable" => {
            "table { $table } cannot be read as amana wrote it ({ $error }): it was dropped, renamed or restructured"
        }
        "row-missing-from-table" => "{ $table } row ({ $key }) is missing (deleted from the table)",
        "row-missing" => "{ $table } row ({ $key }) is missing (deleted or re-keyed)",
        "row-not-in-chain" => {
            "{ $table } row ({ $key }) is not in the chain (inserted or re-keyed)"
        }
        "row-inserted" => "{ $table } row ({ $key }) is not in the chain (inserted)",
        "row-edited" => "{ $table } row ({ $key }) was edited: { $columns }",
        "column-differs" => "column { $column } is { $found }, the chain says { $expected }",
        "sql-float" => "{ $value } (a float)",
        "kind-column" => {
            "log row { $row }: column kind is \"{ $column }\", the entry says \"{ $entry }\""
        }
        // The log and its hashes.
        "entry-missing" => "entry { $first } is missing from the log",
        "entries-missing" => "entries { $first } to { $last } are missing from the log",
        "row-out-of-order" => "log row { $seq } comes after row { $after }",
        "line-out-of-order" => {
            "chain.jsonl line { $line } holds entry { $seq } after entry { $after }"
        }
        "entry-misplaced" => "log row { $row } holds the entry recorded as number { $recorded }",
        "entry-hash-edited" => {
            "the stored entry hash { $stored } is not the hash of the entry's bytes ({ $computed }), which the chain hash confirms"
        }
        "content-modified" => {
            "the entry's bytes hash to { $computed }, but { $stored } was recorded: the entry was altered after it was written"
        }
        "chain-hash-edited" => {
            "the stored chain hash { $stored } does not follow from the entry and its link ({ $expected } expected)"
        }
        "link-broken" => {
            "the entry links to { $link } but the entry before it has chain hash { $previous }"
        }
        "undecodable" => "the entry's bytes cannot be read: byte { $offset }: { $what }",
        "non-canonical" => "the bytes decode, but are not the canonical encoding of what they say",
        "empty" => "the log has no entries: this ledger has no genesis entry",
        "import-truncated" => {
            "the import at entry { $seq } announced { $remaining } more transaction(s) that are not in the log: the chain was cut short"
        }
        // The rules, seals and receipts.
        "rule-broken" => "{ $record } entry: { $rule }",
        "receipt-missing" => {
            "the receipt { $file_name } of transaction { $transaction } is missing: it should be at { $path }"
        }
        "receipt-altered" => {
            "the receipt { $file_name } of transaction { $transaction } at { $path } { $status } (recorded: { $size } bytes, SHA-256 { $sha256 })"
        }
        // What was published outside the ledger.
        "published-seal-rewritten" => {
            "the published seal { $fingerprint } is entry { $seq }, but the chain before it is not the one it sealed (its head { $head } or Merkle root over entries 1 to { $covered } does not recompute): history up to entry { $covered } was rewritten"
        }
        "anchor-missing" => {
            "the published head { $seq }:{ $head } is not in this ledger, which has { $entries } entries: the chain was truncated or rolled back"
        }
        "anchor-rewritten" => {
            "entry { $seq } has chain hash { $chain }, but { $published } was published: history up to entry { $seq } was rewritten"
        }
        "seal-anchor-missing" => {
            "no seal of this ledger ({ $entries } entries) has the published fingerprint { $fingerprint }: the ledger was rolled back to before that seal, or the seal and the history it covers were rewritten, or it is another ledger's seal (compare `amana log --kind seal` with the published report)"
        }
        "more" => "{ $count } further problems are not listed",
        // What was published, as typed on the command line (`--anchor`, `--seal`).
        "anchor-invalid" => {
            "anchor \"{ $text }\": write ENTRIES:HEAD as `amana verify` printed them, e.g. 1042:458e9e52…(64 hex digits)"
        }
        "seal-anchor-invalid" => {
            "seal fingerprint \"{ $text }\": write it as the seal printed it, 16 letters and digits like 7W69-RMDN-9JJF-8F5W"
        }
        // An audit bundle's chain.jsonl, when it cannot be read at all.
        "chain-file-missing" => "{ $file }: no such file",
        "chain-file-not-regular" => {
            "{ $file }: not a regular file ({ $what }); give the document itself"
        }
        "chain-file-too-large" => {
            "{ $file }: { $size } bytes or more, over the limit of { $limit } bytes for one file"
        }
        "chain-file-unreadable" => "{ $file }: { $error }",
        "chain-file-not-utf8" => "{ $file }: not UTF-8 text",
        "chain-line-not-json" => "{ $file }:{ $line }: not a JSON line: { $error }",
        "chain-line-not-hex" => "{ $file }:{ $line }: field { $field } is not hex",
        "chain-line-no-seq" => "{ $file }:{ $line }: no seq",
        // An audit bundle's summary files.
        "summary-unreadable" => {
            "{ $file } cannot be read ({ $error }): a bundle written by amana has it, derived from chain.jsonl"
        }
        "summary-not-json" => "{ $file } is not JSON ({ $error })",
        "summary-missing" => "{ $file }: { $at } is missing; chain.jsonl says { $expected }",
        "summary-added" => {
            "{ $file }: { $at } = { $found } is not derived from chain.jsonl (added)"
        }
        "summary-element-missing" => {
            "{ $file }: the element with seq { $element } is missing (removed); chain.jsonl gives { $expected }"
        }
        "summary-element-added" => {
            "{ $file }: { $at } holds an element with seq { $element } that chain.jsonl does not give (added): { $found }"
        }
        "summary-removed" => {
            "{ $file }: { $at } is missing (removed); chain.jsonl gives { $expected }"
        }
        "summary-differs" => "{ $file }: { $at } is { $found }, but chain.jsonl says { $expected }",
        "json-top-level" => "the top level",
        "json-field" => "field { $path }",
        // Warnings.
        "time-backwards" => {
            "recorded at { $time }, before the entry before it ({ $last }): the writer's clock was set back, or was ahead before"
        }
        "time-future" => {
            "recorded at { $time }, later than this computer's clock ({ $now }): a clock was set ahead (this one or the writer's)"
        }
        "time-future-run" => {
            "entries { $first } to { $last } are recorded later than this computer's clock ({ $now }), the last at { $time }: a clock was set ahead (this one or the writer's)"
        }
        "closed-early" => {
            "the closing of fiscal year { $year } was recorded at { $time }, before { $end } had ended: the writer's clock was ahead, and entries of the last days may be missing"
        }
        "sealed-early" => {
            "the seal of the period ending { $end } was recorded at { $time }, before { $end } had ended: the writer's clock was ahead, and entries of the last days may be missing"
        }
        // The officers' decisions, as the summary lists them.
        "decision-officer" => "officer { $officer } ({ $role }) registered",
        "decision-closing" => "closing of fiscal year { $year }",
        "decision-lock" => "lock through { $through }: { $reason }",
        "decision-reopen" => "reopening of fiscal year { $year }: { $reason }",
        "decision-revocation" => "revocation of officer { $officer }: { $reason }",
        "decision-policy" => "policy: { $quorum } officer(s) sign each decision",
        _ => return None,
    })
}

impl Serialize for Args {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, arg) in &self.0 {
            map.serialize_entry(name, arg)?;
        }
        map.end()
    }
}

impl Serialize for Arg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Int(i) => s.serialize_i64(*i),
            Arg::Text(t) => s.serialize_str(t),
            Arg::Message(m) => m.serialize(s),
            Arg::List(items) => items.serialize(s),
        }
    }
}

impl Serialize for Message {
    /// `{"message": id, "args": {...}}`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("message", self.id)?;
        map.serialize_entry("args", &self.args)?;
        map.end()
    }
}
