//! Closing a fiscal year: its income and expense carried to net assets (restricted and
//! unrestricted), signed by as many officers as the policy says, then sealed and locked
//! through its last day, all in one transaction.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::app::decisions::{SealOutcome, load_keys, replay, require_quorum, sign_entry, signer};
use crate::app::seal::seal_and_sign;
use crate::app::{Ledger, LedgerError, Refusal, append_entry, append_record};
use crate::chain::Record;
use crate::domain::{AccountCode, Entry, EntryHeader, EntryKind, Minor, OfficerId, Posting};
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

/// What a closing would write, for the officers to check before they sign (`close --dry-run`).
#[derive(Debug, Clone)]
pub struct ClosePreview {
    pub year: i32,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The closing entry's postings, dated `end`; none when the year had no income or expense
    /// (it is then locked instead).
    pub postings: Vec<Posting>,
    /// The year's result carried to net assets: positive for a surplus, negative for a deficit.
    pub result: Minor,
    /// The part of it on restricted grants.
    pub restricted_result: Minor,
    /// The part of it on the rest.
    pub unrestricted_result: Minor,
    /// How many officers must sign the closing.
    pub signatures_needed: usize,
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
        let outcome = self.closing(year, restricted, unrestricted, key_files, today, None)?;
        Ok(outcome.expect("a closing that is not a dry run has an outcome"))
    }

    /// What closing fiscal `year` would write (`close --dry-run`): the same checks and the same
    /// postings as [`Ledger::close`], computed in a transaction that is rolled back, so nothing
    /// is written and no signature is needed.
    pub fn close_preview(
        &mut self,
        year: i32,
        restricted: &AccountCode,
        unrestricted: &AccountCode,
        today: NaiveDate,
    ) -> Result<ClosePreview> {
        let mut preview = None;
        self.closing(
            year,
            restricted,
            unrestricted,
            &[],
            today,
            Some(&mut preview),
        )?;
        Ok(preview.expect("a dry run fills its preview"))
    }

    /// The closing itself, or (with `preview`) what it would write.
    fn closing(
        &mut self,
        year: i32,
        restricted: &AccountCode,
        unrestricted: &AccountCode,
        key_files: &[PathBuf],
        today: NaiveDate,
        mut preview: Option<&mut Option<ClosePreview>>,
    ) -> Result<Option<CloseOutcome>> {
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
        let dry_run = preview.is_some();
        let work = |app: &mut crate::store::Appender<'_>| {
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
            let (result, restricted_result, unrestricted_result) = book
                .closing_result(year)
                .map_err(|e| LedgerError::Rules(vec![e]))?;
            let previewed = postings.clone();
            // A closing is the officers' decision: it needs the policy's signatures, all given
            // now (entries dated in the year could otherwise slip in before it takes effect).
            // A dry run is signed by no one: everything else is done as for the closing.
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
            if !dry_run {
                require_quorum(&book, &decision, &officers)?;
            }
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
            if let Some(preview) = preview.as_deref_mut() {
                *preview = Some(ClosePreview {
                    year,
                    start,
                    end,
                    signatures_needed: book.governance().required(&decision),
                    postings: previewed,
                    result,
                    restricted_result,
                    unrestricted_result,
                });
                // Rolled back by the caller: nothing of a dry run is written.
                return Ok(None);
            }
            let seal = seal_and_sign(app, &mut book, &actor, Some(end), vec![], &signers)?;
            Ok(Some(CloseOutcome {
                year,
                start: crate::domain::format_date(start),
                end: crate::domain::format_date(end),
                closing_entry,
                seal,
            }))
        };
        if dry_run {
            self.store.rehearse(work)
        } else {
            self.store.write(work)
        }
    }
}
