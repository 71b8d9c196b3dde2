//! The bytes of `variance-note` (the treasurer's explanation of a budget line's variance), field
//! by field as `schema/CHAIN.md` lists them. Kept apart from `entry.rs`, which calls them.

use crate::domain::{GrantId, LineId};

use super::encoding::{DecodeError, Reader, Writer};
use super::entry::code;
use super::records::{Record, VarianceNote};

pub(super) fn encode_variance_note(w: &mut Writer, n: &VarianceNote) {
    w.text(n.grant.as_str());
    w.text(n.line.as_str());
    w.date(n.through);
    w.text(&n.text);
}

pub(super) fn decode_variance_note(r: &mut Reader) -> Result<Record, DecodeError> {
    Ok(Record::VarianceNote(VarianceNote {
        grant: code(r, "variance-note.grant", GrantId::parse)?,
        line: code(r, "variance-note.line", LineId::parse)?,
        through: r.date("variance-note.through")?,
        text: r.text("variance-note.text")?,
    }))
}
