//! Recording transactions: `record` (one entry, its amounts as a person writes them, with
//! supporting documents) and `reverse` (the same postings with opposite signs: nothing posted
//! is ever changed).

use chrono::NaiveDate;

use crate::app::charging::Watch;
use crate::app::receipts::stage_receipts;
use crate::app::sources::append_sources;
use crate::app::{
    Ledger, LedgerError, Refusal, Written, append_entry, append_record, currency_in, load_book,
};
use crate::chain::Record;
use crate::domain::{
    AccountCode, DomainError, Entry, EntryHeader, EntryId, EntryKind, FunderId, GrantId,
    LedgerInfo, LineId, Minor, Posting, checked_sum, text,
};
use crate::files::receipts::ReceiptStore;
use crate::rules::Book;
use std::path::PathBuf;

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// A posting as a person writes it, its codes already parsed; the amount may be left out on
/// one posting of an entry, which then takes whatever balances the entry (as in hledger and
/// Beancount).
///
/// The amounts stay text: how many decimals they may have is the currency's, which only the
/// ledger knows (its base currency, or the currency of `original` looked up in the ledger's
/// own table). The memo stays text too: it is cleaned where it is recorded.
#[derive(Debug, Clone)]
pub struct PostingRequest {
    pub account: AccountCode,
    pub amount: Option<String>,
    pub grant: Option<GrantId>,
    pub line: Option<LineId>,
    /// Amount and currency code of money that moved in another currency (e.g. `1000.00`,
    /// `EUR`), both read against the ledger's own currency table.
    pub original: Option<(String, String)>,
    pub memo: Option<String>,
    /// Where the money of an income posting comes from, when no grant says it (`funder=`):
    /// recorded as a `source` entry after the transaction.
    pub funder: Option<FunderId>,
}

impl PostingRequest {
    /// A posting to `account` with nothing else given (its amount left out).
    pub fn to(account: AccountCode) -> PostingRequest {
        PostingRequest {
            account,
            amount: None,
            grant: None,
            line: None,
            original: None,
            memo: None,
            funder: None,
        }
    }
}

/// One transaction to record. The description and reference are free text, cleaned (NFC,
/// no control characters) where they are recorded.
pub struct RecordRequest {
    pub date: NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    pub postings: Vec<PostingRequest>,
    /// Supporting documents, stored by hash beside the ledger and recorded in the chain.
    pub receipts: Vec<PathBuf>,
    /// The day it is recorded, as the caller knows it: a transaction dated after it is
    /// recorded with a warning (`None`: no such warning).
    pub today: Option<NaiveDate>,
}

impl Ledger {
    /// Records one transaction.
    pub fn record(&mut self, req: RecordRequest) -> Result<Written> {
        let info = self.info()?;
        let date = req.date;
        let postings = build_postings(&info, &req.postings)?;
        let funders: Vec<(usize, FunderId)> = req
            .postings
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((i, p.funder.clone()?)))
            .collect();
        let description = text::clean("description", &req.description)?;
        let reference = text::clean_optional("reference", req.reference.as_deref())?;
        let actor = self.actor.clone();
        // Documents are read and hashed now, and stored (and flushed) once the entry is
        // admitted, before the commit: a refused command copies nothing.
        let staged = stage_receipts(EntryId(0), &req.receipts)?;
        let store = ReceiptStore::for_ledger(self.store.path());
        let mut watch = Watch::load(&self.store, &info, req.today)?;
        self.write_with_receipts(&store, |app, keep| {
            let mut book = load_book(app)?;
            let id = book.next_entry_id();
            let header = EntryHeader {
                id,
                date,
                description,
                reference,
                kind: EntryKind::Transaction,
                batch: None,
            };
            let postings = crate::app::rates::grant_originals(app, &book, &info, date, postings)?;
            let entry = Entry::new(header, postings, &info.currency)?;
            // The writer's own refusals, said with whatever else the book refuses.
            let charging = book.check_charging(&entry, &watch.charging);
            if !charging.is_empty() {
                let mut problems = book.check_entry(&entry, None);
                problems.extend(charging);
                return Err(LedgerError::Rules(problems));
            }
            let warnings = watch.warnings(&book, &entry);
            let mut written = append_entry(app, &mut book, &actor, entry)?;
            append_sources(app, &mut book, &actor, id, &funders, &mut written)?;
            written.warnings.extend(warnings);
            for (file, receipt) in &staged {
                let receipt = crate::chain::Receipt {
                    entry: id,
                    ..receipt.clone()
                };
                let r = append_record(app, &mut book, &actor, Record::Receipt(receipt))?;
                written.seq = r.seq;
                written.head = r.head;
                keep.push(file.clone());
            }
            Ok(written)
        })
    }

    /// Records the reversal of transaction `id`: the same postings with opposite signs.
    ///
    /// Without a `date`, the reversal is dated on its original's date when that day is still
    /// open, so that the correction lands in the period of the mistake; when the period is
    /// locked, it is refused with the first open date to give instead. Nothing is dated today
    /// silently: today may be in another month, another fiscal year, another grant's period.
    pub fn reverse(
        &mut self,
        id: EntryId,
        date: Option<NaiveDate>,
        reason: &str,
    ) -> Result<Written> {
        let info = self.info()?;
        let reason = text::clean("reason", reason)?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = load_book(app)?;
            let original = app.entry(id)?.ok_or(Refusal::TransactionNotFound { id })?;
            let date = match date {
                Some(date) => date,
                None => reversal_date(&book, &original, &reason)?,
            };
            let postings = original
                .postings()
                .iter()
                .map(|p| {
                    Ok(Posting {
                        amount: p.amount.checked_neg().ok_or(DomainError::Overflow)?,
                        original: match &p.original {
                            Some((m, c)) => {
                                Some((m.checked_neg().ok_or(DomainError::Overflow)?, c.clone()))
                            }
                            None => None,
                        },
                        ..p.clone()
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            let header = EntryHeader {
                id: book.next_entry_id(),
                date,
                description: text::clean(
                    "description",
                    &format!("Reversal of #{id}: {}", original.header.description),
                )?,
                reference: original.header.reference.clone(),
                kind: EntryKind::Reversal {
                    reverses: id,
                    reason,
                },
                batch: None,
            };
            let entry = Entry::new(header, postings, &info.currency)?;
            append_entry(app, &mut book, &actor, entry)
        })
    }
}

/// The date of a reversal given no `--date`: its original's, when that day is not locked.
fn reversal_date(book: &Book, original: &Entry, reason: &str) -> Result<NaiveDate> {
    let dated = original.header.date;
    let Some(locked) = book.locked_on(dated) else {
        return Ok(dated);
    };
    let id = original.id();
    let first_open = locked
        .succ_opt()
        .ok_or(Refusal::ReversalPastEnd { id, dated, locked })?;
    Err(Refusal::ReversalInLockedPeriod {
        id,
        dated,
        locked,
        first_open,
        reason: reason.to_string(),
    }
    .into())
}

/// Turns posting requests into postings, filling in the one elided amount if any.
pub fn build_postings(info: &LedgerInfo, requests: &[PostingRequest]) -> Result<Vec<Posting>> {
    let elided = requests.iter().filter(|p| p.amount.is_none()).count();
    if elided > 1 {
        return Err(Refusal::SeveralAmountsLeftOut.into());
    }
    let mut postings = requests
        .iter()
        .map(|r| {
            let original = match &r.original {
                None => None,
                Some((amount, code)) => {
                    let c = currency_in(info, code)?;
                    Some((c.parse(amount)?, c.code))
                }
            };
            Ok(Posting {
                account: r.account.clone(),
                amount: match &r.amount {
                    Some(a) => info.currency.parse(a)?,
                    None => Minor::ZERO,
                },
                grant: r.grant.clone(),
                line: r.line.clone(),
                original,
                memo: text::clean_optional("memo", r.memo.as_deref())?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    if let Some(i) = requests.iter().position(|p| p.amount.is_none()) {
        let rest = checked_sum(postings.iter().map(|p| p.amount)).ok_or(DomainError::Overflow)?;
        postings[i].amount = rest.checked_neg().ok_or(DomainError::Overflow)?;
    }
    Ok(postings)
}
