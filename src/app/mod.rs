//! The application service: one method per thing a treasurer or an auditor does, one file
//! per family of actions; the only thing the command line (and, later, the web application)
//! calls.
//!
//! Each write reads like a pipeline: typed request → domain value (valid by construction) →
//! the [`Book`]'s rules → one SQLite transaction that appends the chain entry and its rows.
//! Nothing here parses command lines or prints. This file holds the [`Ledger`] itself and the
//! write seam every action goes through: `append_record`, the one way anything enters a
//! ledger, inside [`Store::write`] (or `Ledger::write_with_receipts` when documents are
//! stored with it).
//!
//! ```text
//!   setup.rs           init, accounts, funders, grants, budget lines
//!   record.rs          record, reverse
//!   import.rs          a CSV journal, with its receipts
//!   charging.rs        what record and import refuse (tags, detail accounts) and warn of
//!   receipts.rs        supporting documents: staged, attached, listed
//!   amendments.rs      corrections of the set-up
//!   officers.rs        officers registered and approved
//!   decisions.rs       the officers' decisions (policy, lock, reopen, revoke) and signing
//!   seal.rs            seals, with bank balances
//!   periods.rs         a seal's period end; closing a fiscal year with its default accounts
//!   close.rs           closing a fiscal year
//!   member_receipt.rs  a member's receipt, with its proofs;  receipt_check.rs: checking one
//!   signatures.rs      signatures made away from the ledger
//!   exchange.rs        the files people carry: a member's receipt, a signature file
//!   keys.rs            an officer's key pair made
//!   queries.rs         the listings' filters; verify of a ledger or a bundle
//!   rates.rs           the rate table, grants' terms, postings in a grant's currency
//!   revalue.rs         a foreign-currency account revalued, its exchange difference booked
//!   bundle.rs          the audit bundle;  backup.rs: backup and restore;  demo.rs: the demo
//!   error.rs           why a command did not happen, as values
//! ```

pub mod allocate;
pub mod amendments;
pub mod assets;
pub mod backup;
pub mod bank;
pub mod bundle;
mod charging;
pub mod close;
pub mod decisions;
pub mod demo;
mod demo_funds;
pub mod demo_reports;
pub mod error;
pub mod exchange;
pub mod export_books;
pub mod export_grants;
pub mod import;
pub mod import_books;
pub mod keys;
pub mod load;
pub mod member_receipt;
pub mod officers;
pub mod org_id;
pub mod periods;
pub mod queries;
pub mod rates;
pub mod receipt_check;
pub mod receipts;
pub mod reconcile;
pub mod record;
pub mod report_annual;
pub mod report_books;
pub mod report_funder;
pub mod report_statements;
pub mod reports;
pub mod revalue;
pub mod seal;
pub mod settings;
pub mod setup;
pub mod signatures;
pub mod sources;
// The auditor's report and the member's printed receipt (issue 9, part D).
pub mod report_audit;
pub mod report_receipt;

use crate::chain::{ChainEntry, Hash, Record};
use crate::domain::text;
use crate::domain::{Currency, DomainError, Entry, EntryId, LedgerInfo};
use crate::files::receipts::{ReceiptStore, Staged};
use crate::rules::{Book, Warning};
use crate::store::{Appender, Store};
use std::path::Path;

pub use error::{LedgerError, Refusal};
pub use import::ImportOutcome;
pub use record::{PostingRequest, RecordRequest};
pub use setup::{BudgetLineRequest, GrantRequest, InitRequest};

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// What a write did: where in the chain, and what it asks the treasurer to notice.
#[derive(Debug, Clone)]
pub struct Written {
    pub seq: i64,
    pub head: Hash,
    /// The hash of the entry itself (a seal's fingerprint is made from it).
    pub entry_hash: Hash,
    pub entry: Option<EntryId>,
    pub warnings: Vec<Warning>,
}

/// An open ledger and who is acting on it.
pub struct Ledger {
    pub(crate) store: Store,
    pub(crate) actor: String,
}

impl Ledger {
    pub fn open(path: &Path, actor: &str) -> Result<Ledger> {
        let actor = text::clean("actor", actor)?;
        Ok(Ledger {
            store: Store::open(path)?,
            actor,
        })
    }

    pub fn open_read_only(path: &Path) -> Result<Ledger> {
        Ok(Ledger {
            store: Store::open_read_only(path)?,
            actor: String::new(),
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn info(&self) -> Result<LedgerInfo> {
        Ok(self.store.ledger_info()?)
    }

    /// Appends records in one transaction, each admitted by the book first.
    fn append_all(&mut self, records: Vec<Record>) -> Result<Written> {
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = load_book(app)?;
            let mut warnings = vec![];
            let mut last = None;
            for record in records {
                let written = append_record(app, &mut book, &actor, record)?;
                warnings.extend(written.warnings.iter().cloned());
                last = Some(written);
            }
            let mut last = last.expect("at least one record");
            last.warnings = warnings;
            Ok(last)
        })
    }

    /// Runs `f` in one write transaction; the documents `f` lists (once it has admitted the
    /// records that name them) are copied into `store` and flushed before the commit. If the
    /// command fails after all, the documents it added are taken back out.
    pub(crate) fn write_with_receipts<T>(
        &mut self,
        store: &ReceiptStore,
        f: impl FnOnce(&mut Appender<'_>, &mut Vec<Staged>) -> Result<T>,
    ) -> Result<T> {
        let mut created = vec![];
        let result = self.store.write(|app| {
            let mut keep = vec![];
            let value = f(app, &mut keep)?;
            for staged in &keep {
                if let Some(path) = store.put_staged(staged)? {
                    created.push(path);
                }
            }
            Ok(value)
        });
        if result.is_err() {
            for path in &created {
                let _ = std::fs::remove_file(path);
            }
        }
        result
    }
}

/// Appends one record at the head of the chain after the book admits it: the one way
/// anything enters a ledger.
pub(crate) fn append_record(
    app: &mut Appender<'_>,
    book: &mut Book,
    actor: &str,
    record: Record,
) -> Result<Written> {
    let entry = ChainEntry {
        seq: app.next_seq(),
        time_us: chrono::Utc::now().timestamp_micros(),
        actor: actor.to_string(),
        record,
    };
    let original = original_of(app, &entry)?;
    let mut warnings = book
        .admit(&entry, original.as_ref())
        .map_err(LedgerError::Rules)?;
    if let Some(last) = app.head_time()
        && crate::rules::chain_order::clock_set_back(entry.time_us, last)
    {
        let shown = |us: i64| {
            chrono::DateTime::from_timestamp_micros(us)
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_default()
        };
        warnings.push(crate::rules::Warning::ClockBehind {
            now: shown(entry.time_us),
            last: shown(last),
        });
    }
    let (entry_hash, head) = app.append(&entry)?;
    book.appended(entry.seq, &entry_hash, &head);
    Ok(Written {
        seq: entry.seq,
        head,
        entry_hash,
        entry: match &entry.record {
            Record::Entry(e) => Some(e.id()),
            _ => None,
        },
        warnings,
    })
}

pub(crate) fn append_entry(
    app: &mut Appender<'_>,
    book: &mut Book,
    actor: &str,
    entry: Entry,
) -> Result<Written> {
    append_record(app, book, actor, Record::Entry(entry))
}

/// The entry a reversal reverses, or the transaction a `source` names, as the chain recorded
/// it.
pub(crate) fn original_of(app: &Appender<'_>, entry: &ChainEntry) -> Result<Option<Entry>> {
    match entry.record.refers_to() {
        Some(id) => Ok(app.entry(id)?),
        None => Ok(None),
    }
}

pub(crate) fn load_book(app: &Appender<'_>) -> Result<Book> {
    if app.next_seq() == 1 {
        Ok(Book::new())
    } else {
        Ok(Book::from_parts(app.book_parts()?))
    }
}

pub(crate) fn currency_in(info: &LedgerInfo, code: &str) -> Result<Currency> {
    info.currency(&code.trim().to_ascii_uppercase())
        .cloned()
        .ok_or_else(|| DomainError::UnknownCurrency(code.to_string()).into())
}
