//! What `verify` says, in English: the one place its findings and decisions become sentences.
//!
//! A finding is a typed value ([`super::Finding`]); it becomes a [`Message`], an id and named
//! arguments, and the message becomes English here, from the English Fluent file
//! `reports/i18n/en/verify.ftl` (`{ $name }` placeholders), beside which the French and Arabic
//! ones say the same message without touching the checks. The ids and arguments are also in `verify --format json`, for tools.

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

/// The English Fluent file of verify's messages: each id is there after `verify-`.
const VERIFY_EN: &str = include_str!("../../reports/i18n/en/verify.ftl");

/// The English catalogue: `reports/i18n/en/verify.ftl`, the one English of verify's messages
/// (French and Arabic are its siblings, said by the command line through `report::messages`).
fn template(id: &str) -> Option<&'static str> {
    crate::domain::message::template(VERIFY_EN, &format!("verify-{id}"))
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
