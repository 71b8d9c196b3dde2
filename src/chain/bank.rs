//! The bytes of `bank-import` (a statement's new lines), `bank-assignment` (a line taken out
//! of suspense) and `reconciliation` (books matched with a statement), field by field as
//! `schema/CHAIN.md` lists them. Kept apart from `entry.rs`, which calls them.

use crate::domain::{AccountCode, EntryId, Minor};

use super::encoding::{DecodeError, Reader, Writer};
use super::entry::code;
use super::records::{BankAssignment, BankImport, Reconciliation, Record};

pub(super) fn encode_bank_import(w: &mut Writer, b: &BankImport) {
    w.text(b.account.as_str());
    w.bytes(&b.file_sha256);
    w.text(&b.file_name);
    w.text(&b.layout);
    w.int(b.rows);
    w.int(b.skipped);
    w.opt_text(b.suspense.as_ref().map(AccountCode::as_str));
    w.list(b.lines.len());
    for f in &b.lines {
        w.bytes(f);
    }
}

fn hash(r: &mut Reader, name: &str) -> Result<[u8; 32], DecodeError> {
    let at = r.position();
    let bytes = r.bytes(name)?;
    bytes
        .try_into()
        .map_err(|_| r.invalid(at, format!("field {name}: not 32 bytes")))
}

pub(super) fn decode_bank_import(r: &mut Reader) -> Result<Record, DecodeError> {
    let account = code(r, "bank-import.account", AccountCode::parse)?;
    let file_sha256 = hash(r, "bank-import.file_sha256")?;
    let at = r.position();
    let file_name = r.text("bank-import.file_name")?;
    if file_name.contains('/') {
        return Err(r.invalid(at, "field bank-import.file_name: a file name has no /"));
    }
    let layout = r.text("bank-import.layout")?;
    let rows = r.int("bank-import.rows")?;
    let skipped = r.int("bank-import.skipped")?;
    let at = r.position();
    let suspense = match r.opt_text("bank-import.suspense")? {
        None => None,
        Some(s) => Some(AccountCode::parse(&s).map_err(|_| {
            r.invalid(
                at,
                format!("field bank-import.suspense: {s:?} is not an account code"),
            )
        })?),
    };
    let n = r.list("bank-import.lines")?;
    let mut lines = Vec::with_capacity(n.min(1 << 16));
    for _ in 0..n {
        lines.push(hash(r, "bank-import.lines")?);
    }
    Ok(Record::BankImport(BankImport {
        account,
        file_sha256,
        file_name,
        layout,
        rows,
        skipped,
        suspense,
        lines,
    }))
}

pub(super) fn encode_bank_assignment(w: &mut Writer, a: &BankAssignment) {
    w.int(a.entry.0);
    w.int(a.transaction.0);
}

pub(super) fn decode_bank_assignment(r: &mut Reader) -> Result<Record, DecodeError> {
    Ok(Record::BankAssignment(BankAssignment {
        entry: EntryId(r.int("bank-assignment.entry")?),
        transaction: EntryId(r.int("bank-assignment.transaction")?),
    }))
}

pub(super) fn encode_reconciliation(w: &mut Writer, c: &Reconciliation) {
    w.text(c.account.as_str());
    w.date(c.date);
    w.int(c.balance.0);
    w.int(c.books.0);
    w.text(&c.statement);
    w.list(c.entries.len());
    for e in &c.entries {
        w.int(e.0);
    }
}

pub(super) fn decode_reconciliation(r: &mut Reader) -> Result<Record, DecodeError> {
    let account = code(r, "reconciliation.account", AccountCode::parse)?;
    let date = r.date("reconciliation.date")?;
    let balance = Minor(r.int("reconciliation.balance")?);
    let books = Minor(r.int("reconciliation.books")?);
    let statement = r.text("reconciliation.statement")?;
    let n = r.list("reconciliation.entries")?;
    let mut entries = Vec::with_capacity(n.min(1 << 16));
    for _ in 0..n {
        entries.push(EntryId(r.int("reconciliation.entries")?));
    }
    Ok(Record::Reconciliation(Reconciliation {
        account,
        date,
        balance,
        books,
        statement,
        entries,
    }))
}
