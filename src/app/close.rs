//! Closing a fiscal year: its income and expense carried to net assets (restricted and
//! unrestricted), signed by as many officers as the policy says, then sealed and locked
//! through its last day, all in one transaction.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::app::decisions::{SealOutcome, load_keys, replay, require_quorum, sign_entry, signer};
use crate::app::seal::seal_and_sign;
use crate::app::{Ledger, LedgerError, Refusal, append_entry, append_record};
use crate::chain::Record;
use crate::domain::{AccountCode, Entry, EntryHeader, EntryKind, OfficerId};
use serde::Serialize;

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// What `close` did.
#[derive(Debug, Clone, Serialize)]
pub struct CloseOutcome {
    pub year: i32,
    pub start: String,
    pub end: String,
    /// The closing entry, absent when the year had no income or expense.
    pub closing_entry: Option<i64>,
    pub seal: SealOutcome,
}

impl Ledger {
    /// Closes fiscal year `year`: carries its income and expense to net assets (restricted and
    /// unrestricted), then seals and locks everything dated up to its last day.
    pub fn close(
        &mut self,
        year: i32,
        restricted: &AccountCode,
        unrestricted: &AccountCode,
        key_files: &[PathBuf],
        today: NaiveDate,
    ) -> Result<CloseOutcome> {
        let info = self.info()?;
        let (start, end) = info
            .fiscal_start
            .year_bounds(year)
            .ok_or(Refusal::YearOutOfRange { year })?;
        if end >= today {
            return Err(Refusal::YearNotEnded { year, start, end }.into());
        }
        let signers = load_keys(key_files)?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = replay(app)?;
            if let Some(locked) = book.locked_on(end) {
                return Err(if book.governance().is_closed(year) {
                    Refusal::YearAlreadyClosed { year, locked }
                } else {
                    Refusal::YearLocked { year, locked }
                }
                .into());
            }
            let postings = book
                .closing_postings(year, restricted, unrestricted)
                .map_err(|e| LedgerError::Rules(vec![e]))?;
            // A closing is the officers' decision: it needs the policy's signatures, all given
            // now (entries dated in the year could otherwise slip in before it takes effect).
            let officers = signers
                .iter()
                .map(|k| signer(&book, k))
                .collect::<Result<Vec<OfficerId>>>()?;
            // A year without income or expense has nothing to carry: it is locked instead.
            let decision = if postings.len() >= 2 {
                crate::rules::governance::Decision::Closing { year, end }
            } else {
                crate::rules::governance::Decision::Lock(end)
            };
            require_quorum(&book, &decision, &officers)?;
            let closing_entry = if postings.len() >= 2 {
                let header = EntryHeader {
                    id: book.next_entry_id(),
                    date: end,
                    description: format!(
                        "Clôture de l'exercice {year} / Closing of fiscal year {year}"
                    ),
                    reference: None,
                    kind: EntryKind::Closing {
                        year,
                        start,
                        restricted_account: restricted.clone(),
                        unrestricted_account: unrestricted.clone(),
                    },
                    batch: None,
                };
                let entry = Entry::new(header, postings, &info.currency)?;
                let written = append_entry(app, &mut book, &actor, entry)?;
                for key in &signers {
                    sign_entry(app, &mut book, &actor, written.seq, key)?;
                }
                Some(written.entry.expect("an entry").0)
            } else {
                // A year without income or expense has nothing to carry: it is locked.
                let written = append_record(
                    app,
                    &mut book,
                    &actor,
                    Record::Lock(crate::chain::Lock {
                        through: end,
                        reason: format!(
                            "Clôture de l'exercice {year}, sans produits ni charges / Closing of fiscal year {year}, which had no income or expense"
                        ),
                    }),
                )?;
                for key in &signers {
                    sign_entry(app, &mut book, &actor, written.seq, key)?;
                }
                None
            };
            let open = book.unclosed_years_through(end);
            if let Some(first) = open.first() {
                return Err(Refusal::EarlierYearOpen { year: *first }.into());
            }
            let seal = seal_and_sign(app, &mut book, &actor, Some(end), vec![], &signers)?;
            Ok(CloseOutcome {
                year,
                start: crate::domain::format_date(start),
                end: crate::domain::format_date(end),
                closing_entry,
                seal,
            })
        })
    }
}
