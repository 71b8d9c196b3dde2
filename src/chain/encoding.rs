//! The canonical byte encoding of chain entries (format version 1). `schema/CHAIN.md` is its
//! specification; this module and that document must say the same thing, and the golden vectors
//! in `tests/suite/chain_vectors.rs` freeze it.
//!
//! Every value is a one-byte tag followed by a fixed-width or length-prefixed payload, so no two
//! different field sequences can produce the same bytes, and a decoder never has to guess.

use chrono::NaiveDate;

use crate::domain::{format_date, parse_date, text};

/// Tags of the value types (see `schema/CHAIN.md`, "Values").
pub mod tag {
    pub const NULL: u8 = 0x00;
    pub const TEXT: u8 = 0x01;
    pub const INT: u8 = 0x02;
    pub const DATE: u8 = 0x03;
    pub const BOOL: u8 = 0x04;
    pub const BYTES: u8 = 0x05;
    pub const LIST: u8 = 0x06;
}

/// The first bytes of every body: `AMANA` and the format version.
pub const MAGIC: &[u8; 6] = b"AMANA\x01";

/// Where and why a body could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("byte {offset}: {what}")]
pub struct DecodeError {
    pub offset: usize,
    pub what: String,
}

/// Appends values to a body.
#[derive(Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    pub fn new() -> Writer {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w
    }

    pub fn finish(self) -> Vec<u8> {
        self.buf
    }

    fn len_prefix(&mut self, len: usize) {
        let len = u32::try_from(len).expect("a field longer than 4 GiB cannot reach the encoder");
        self.buf.extend_from_slice(&len.to_be_bytes());
    }

    pub fn null(&mut self) {
        self.buf.push(tag::NULL);
    }

    pub fn text(&mut self, value: &str) {
        self.buf.push(tag::TEXT);
        self.len_prefix(value.len());
        self.buf.extend_from_slice(value.as_bytes());
    }

    pub fn int(&mut self, value: i64) {
        self.buf.push(tag::INT);
        self.buf.extend_from_slice(&value.to_be_bytes());
    }

    pub fn date(&mut self, value: NaiveDate) {
        self.buf.push(tag::DATE);
        self.buf.extend_from_slice(format_date(value).as_bytes());
    }

    pub fn boolean(&mut self, value: bool) {
        self.buf.push(tag::BOOL);
        self.buf.push(u8::from(value));
    }

    pub fn bytes(&mut self, value: &[u8]) {
        self.buf.push(tag::BYTES);
        self.len_prefix(value.len());
        self.buf.extend_from_slice(value);
    }

    /// Starts a list of `count` items; each item then writes its own fixed sequence of values.
    pub fn list(&mut self, count: usize) {
        self.buf.push(tag::LIST);
        self.len_prefix(count);
    }

    pub fn opt_text(&mut self, value: Option<&str>) {
        match value {
            Some(v) => self.text(v),
            None => self.null(),
        }
    }

    pub fn opt_int(&mut self, value: Option<i64>) {
        match value {
            Some(v) => self.int(v),
            None => self.null(),
        }
    }
}

/// Reads values back, strictly: a wrong tag, a short buffer, text that is not NFC or holds a
/// forbidden character, or bytes left over are all errors.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Result<Reader<'a>, DecodeError> {
        let mut r = Reader { buf, pos: 0 };
        let magic = r.take(MAGIC.len())?;
        if magic != MAGIC {
            return Err(r.error_at(0, "does not start with AMANA and format version 1"));
        }
        Ok(r)
    }

    pub fn position(&self) -> usize {
        self.pos
    }

    fn error_at(&self, offset: usize, what: impl Into<String>) -> DecodeError {
        DecodeError {
            offset,
            what: what.into(),
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        match end {
            Some(end) => {
                let out = &self.buf[self.pos..end];
                self.pos = end;
                Ok(out)
            }
            None => Err(self.error_at(self.pos, format!("truncated: {n} more bytes expected"))),
        }
    }

    fn u32(&mut self) -> Result<usize, DecodeError> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    /// Reads a tag; `Ok(false)` for NULL when `nullable`, `Ok(true)` for `want`.
    fn tag(&mut self, want: u8, nullable: bool, name: &str) -> Result<bool, DecodeError> {
        let at = self.pos;
        let t = self.take(1)?[0];
        match t {
            t if t == want => Ok(true),
            tag::NULL if nullable => Ok(false),
            other => Err(self.error_at(
                at,
                format!("field {name}: tag 0x{other:02x} where 0x{want:02x} was expected"),
            )),
        }
    }

    pub fn text(&mut self, name: &str) -> Result<String, DecodeError> {
        self.tag(tag::TEXT, false, name)?;
        self.text_payload(name)
    }

    fn text_payload(&mut self, name: &str) -> Result<String, DecodeError> {
        let at = self.pos;
        let len = self.u32()?;
        let bytes = self.take(len)?;
        let s = std::str::from_utf8(bytes)
            .map_err(|_| self.error_at(at, format!("field {name}: not UTF-8")))?;
        if !text::is_clean(s) {
            return Err(self.error_at(
                at,
                format!(
                    "field {name}: text is empty, not NFC, padded or has a forbidden character"
                ),
            ));
        }
        Ok(s.to_string())
    }

    /// True when the next value is NULL (without reading it).
    pub fn peek_null(&self) -> bool {
        self.buf.get(self.pos) == Some(&tag::NULL)
    }

    /// Reads a NULL that the schema requires at this place.
    pub fn null(&mut self, name: &str) -> Result<(), DecodeError> {
        let at = self.pos;
        match self.take(1)?[0] {
            tag::NULL => Ok(()),
            other => Err(self.error_at(
                at,
                format!("field {name}: tag 0x{other:02x} where NULL was expected"),
            )),
        }
    }

    pub fn opt_text(&mut self, name: &str) -> Result<Option<String>, DecodeError> {
        if self.tag(tag::TEXT, true, name)? {
            self.text_payload(name).map(Some)
        } else {
            Ok(None)
        }
    }

    pub fn int(&mut self, name: &str) -> Result<i64, DecodeError> {
        self.tag(tag::INT, false, name)?;
        self.int_payload()
    }

    fn int_payload(&mut self) -> Result<i64, DecodeError> {
        let b = self.take(8)?;
        Ok(i64::from_be_bytes(b.try_into().expect("8 bytes")))
    }

    pub fn opt_int(&mut self, name: &str) -> Result<Option<i64>, DecodeError> {
        if self.tag(tag::INT, true, name)? {
            self.int_payload().map(Some)
        } else {
            Ok(None)
        }
    }

    pub fn date(&mut self, name: &str) -> Result<NaiveDate, DecodeError> {
        self.tag(tag::DATE, false, name)?;
        let at = self.pos;
        let b = self.take(10)?;
        let s = std::str::from_utf8(b).unwrap_or("");
        parse_date(s)
            .ok()
            .filter(|d| format_date(*d) == s)
            .ok_or_else(|| self.error_at(at, format!("field {name}: not a date YYYY-MM-DD")))
    }

    pub fn boolean(&mut self, name: &str) -> Result<bool, DecodeError> {
        self.tag(tag::BOOL, false, name)?;
        let at = self.pos;
        match self.take(1)?[0] {
            0 => Ok(false),
            1 => Ok(true),
            v => Err(self.error_at(at, format!("field {name}: boolean byte {v} is not 0 or 1"))),
        }
    }

    pub fn bytes(&mut self, name: &str) -> Result<Vec<u8>, DecodeError> {
        self.tag(tag::BYTES, false, name)?;
        let len = self.u32()?;
        Ok(self.take(len)?.to_vec())
    }

    /// Reads a list header and returns its item count.
    pub fn list(&mut self, name: &str) -> Result<usize, DecodeError> {
        self.tag(tag::LIST, false, name)?;
        let at = self.pos;
        let count = self.u32()?;
        // Every item takes at least one byte: a count beyond what is left is a lie, and
        // refusing it here keeps a forged count from reserving gigabytes.
        if count > self.buf.len() - self.pos {
            return Err(self.error_at(at, format!("field {name}: {count} items cannot fit")));
        }
        Ok(count)
    }

    /// Succeeds only when every byte was read.
    pub fn end(self) -> Result<(), DecodeError> {
        if self.pos == self.buf.len() {
            Ok(())
        } else {
            Err(self.error_at(
                self.pos,
                format!(
                    "{} unexpected bytes after the last field",
                    self.buf.len() - self.pos
                ),
            ))
        }
    }

    /// An error at the current position, for checks made by the caller on a decoded value.
    pub fn invalid(&self, at: usize, what: impl Into<String>) -> DecodeError {
        self.error_at(at, what)
    }
}
