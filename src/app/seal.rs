//! Seals: a signed commitment to everything recorded so far (its Merkle root and head), with
//! the bank balances the statements give, that locks its period once the policy's officers
//! have signed it. Closing a year ends with one too ([`crate::app::close`]).

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::app::decisions::{load_keys, replay, seal_fingerprint, sign_entry, signer};
use crate::app::{Ledger, LedgerError, Refusal, append_record};
use crate::chain::{BankBalance, Record};
use crate::domain::{AccountCode, OfficerId, text};
use crate::files::keys::PrivateKey;
use crate::rules::Book;
use crate::store::Appender;

pub use crate::app::decisions::SealOutcome;

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// A bank closing balance as a statement gives it. The amount stays text: it is read with
/// the decimals of the ledger's base currency; the statement is free text, cleaned where it is
/// recorded.
pub struct BankRequest {
    pub account: AccountCode,
    pub amount: String,
    pub statement: String,
}

/// Appends a seal and one signature per key, and returns what to print.
pub(crate) fn seal_and_sign(
    app: &mut Appender<'_>,
    book: &mut Book,
    actor: &str,
    period_end: Option<NaiveDate>,
    banks: Vec<BankBalance>,
    signers: &[PrivateKey],
) -> Result<SealOutcome> {
    let officers = signers
        .iter()
        .map(|k| signer(book, k))
        .collect::<Result<Vec<OfficerId>>>()?;
    let seal = book
        .seal_content(period_end, banks)
        .expect("a replayed book can always make a seal");
    let (covered, head, root) = (seal.covered, seal.head, seal.merkle_root);
    let written = append_record(app, book, actor, Record::Seal(seal))?;
    for key in signers {
        sign_entry(app, book, actor, written.seq, key)?;
    }
    Ok(SealOutcome {
        seq: written.seq,
        fingerprint: seal_fingerprint(&written.entry_hash),
        covered,
        head: hex::encode(head),
        merkle_root: hex::encode(root),
        period_end: period_end.map(crate::domain::format_date),
        signed_by: officers.iter().map(ToString::to_string).collect(),
    })
}

impl Ledger {
    /// Appends a seal over everything recorded so far, signed by each key given.
    pub fn seal(
        &mut self,
        period_end: Option<NaiveDate>,
        banks: &[BankRequest],
        key_files: &[PathBuf],
        today: NaiveDate,
    ) -> Result<SealOutcome> {
        let info = self.info()?;
        let signers = load_keys(key_files)?;
        let banks = banks
            .iter()
            .map(|b| {
                Ok(BankBalance {
                    account: b.account.clone(),
                    balance: info.currency.parse(&b.amount)?,
                    statement: text::clean("statement", &b.statement)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        // The chain keeps bank balances by account, each once.
        let mut banks = banks;
        banks.sort_by(|a, b| a.account.cmp(&b.account));
        if let Some(twice) = banks.windows(2).find(|w| w[0].account == w[1].account) {
            return Err(Refusal::BankTwice {
                account: twice[0].account.clone(),
            }
            .into());
        }
        let actor = self.actor.clone();
        if let Some(end) = period_end
            && end >= today
        {
            return Err(Refusal::PeriodNotPast { end }.into());
        }
        self.store.write(|app| {
            let mut book = replay(app)?;
            // In a ledger from before policies a seal still locks its period: not past a year
            // that could then never be closed.
            if let Some(end) = period_end
                && book.governance().quorum().is_none()
                && let Some(first) = book.unclosed_years_through(end).first()
            {
                return Err(Refusal::SealBlocksClosing { end, year: *first }.into());
            }
            seal_and_sign(app, &mut book, &actor, period_end, banks, &signers)
        })
    }
}
