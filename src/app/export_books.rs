//! `amana export hledger` and `amana export beancount`: the whole journal for an accountant's
//! tool, read in one read transaction and written by [`crate::formats::books`].

use std::path::Path;

use crate::app::{Ledger, Result};
use crate::files;
use crate::formats::books::{
    BookAccount, BookEntry, BookFunder, BookGrant, BookPosting, Books, BooksFormat,
};
use crate::store::JournalFilter;

/// What an export wrote (or printed).
#[derive(Debug, Clone)]
pub struct BooksExport {
    pub text: String,
    pub entries: usize,
    pub postings: usize,
    pub accounts: usize,
    /// The chain's length and head the books were read at: the export's link to the chain,
    /// said beside the file rather than in it (an import cannot reproduce it).
    pub entries_in_chain: i64,
    pub head: String,
}

impl Ledger {
    /// The whole journal, with its accounts, funders and grants, as one snapshot.
    pub fn books(&self) -> Result<Books> {
        let store = self.store();
        store.begin_read()?;
        let read = self.read_books();
        store.end_read()?;
        read
    }

    fn read_books(&self) -> Result<Books> {
        let store = self.store();
        let info = self.info()?;
        let (entries_in_chain, head) = store.head()?;
        let sources = store.posting_sources()?;
        let accounts = store
            .accounts(None)?
            .into_iter()
            .map(|a| BookAccount {
                code: a.code,
                name: a.name,
                kind: a.kind,
            })
            .collect();
        let funders = store
            .funder_names()?
            .into_iter()
            .map(|(id, name, kind)| BookFunder { id, name, kind })
            .collect();
        let grants = store
            .grant_periods()?
            .into_iter()
            .map(|g| BookGrant {
                id: g.id,
                funder: g.funder,
                currency: g.currency,
                start: g.start,
                end: g.end,
            })
            .collect();
        let mut entries: Vec<BookEntry> = vec![];
        store.journal(&JournalFilter::default(), |r| {
            if entries.last().is_none_or(|e| e.id != r.id) {
                entries.push(BookEntry {
                    id: r.id,
                    seq: r.seq,
                    kind: r.kind.clone(),
                    date: r.date.clone(),
                    description: r.description.clone(),
                    reference: r.reference.clone(),
                    reverses: r.reverses,
                    reason: r.reason.clone(),
                    reversed_by: r.reversed_by,
                    dedicated_funds: None,
                    postings: vec![],
                });
            }
            let funder = if r.grant.is_none() {
                sources.get(&(r.reverses.unwrap_or(r.id), r.idx)).cloned()
            } else {
                None
            };
            let original = r
                .original
                .as_ref()
                .map(|(m, c)| (m.format(info.exponent(c)), c.clone()));
            if let Some(e) = entries.last_mut() {
                e.postings.push(BookPosting {
                    account: r.account,
                    amount: r.amount,
                    grant: r.grant,
                    line: r.line,
                    funder,
                    original,
                    memo: r.memo,
                });
            }
        })?;
        // Carries to dedicated funds are listed as transactions: the chain says which they are.
        // Only an entry dated on a month's last day can be one (a fiscal year's end).
        for e in entries.iter_mut().filter(|e| e.kind == "transaction") {
            let month_end = crate::domain::parse_date(&e.date)
                .ok()
                .and_then(|d| d.succ_opt())
                .is_some_and(|next| chrono::Datelike::day(&next) == 1);
            if !month_end {
                continue;
            }
            let Some(body) = store.body_at(e.seq)? else {
                continue;
            };
            if let Ok(crate::chain::ChainEntry {
                record: crate::chain::Record::Entry(entry),
                ..
            }) = crate::chain::ChainEntry::decode(&body, Some(&info.currency))
                && let crate::domain::EntryKind::DedicatedFunds {
                    dedicated_account,
                    charge_account,
                    release_account,
                    ..
                } = &entry.header.kind
            {
                e.dedicated_funds = Some([
                    dedicated_account.as_str().to_string(),
                    charge_account.as_str().to_string(),
                    release_account.as_str().to_string(),
                ]);
            }
        }
        Ok(Books {
            name: info.name.clone(),
            currency: info.currency.code.clone(),
            exponent: info.currency.exponent,
            entries_in_chain,
            head: head.map(hex::encode).unwrap_or_else(|| "0".repeat(64)),
            accounts,
            funders,
            grants,
            entries,
        })
    }

    /// The journal in `format`, written to `out` (never over an existing file unless `force`,
    /// and never over a ledger, a receipt or a key) or, without `out`, returned to print.
    pub fn export_books(
        &self,
        format: BooksFormat,
        out: Option<&Path>,
        force: bool,
    ) -> Result<BooksExport> {
        if let Some(path) = out {
            files::check_output(path, force)?;
        }
        let books = self.books()?;
        let text = format.render(&books);
        if let Some(path) = out {
            files::write_new(path, text.as_bytes(), force)?;
        }
        Ok(BooksExport {
            entries: books.entries.len(),
            postings: books.entries.iter().map(|e| e.postings.len()).sum(),
            accounts: books.accounts.len(),
            entries_in_chain: books.entries_in_chain,
            head: books.head.clone(),
            text,
        })
    }
}
