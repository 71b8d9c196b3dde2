//! The general assembly's allocation of a closed year's result (`allocate-result`): the surplus
//! or deficit a year closing carried to its result account moved to where the assembly decided
//! (report à nouveau, reserves), so that the next year's closing never mixes two years' results
//! on one account.

use chrono::NaiveDate;
use serde::Serialize;

use crate::app::decisions::replay;
use crate::app::periods::default_closing_accounts;
use crate::app::{Ledger, LedgerError, Refusal, append_entry};
use crate::domain::{AccountCode, Entry, EntryHeader, EntryKind, Minor, Posting, format_date};

/// What allocating a year's result needs.
pub struct AllocateRequest {
    /// The fiscal year whose result is allocated.
    pub year: i32,
    /// The day of the general assembly's decision (after the year's end).
    pub date: NaiveDate,
    /// Where the result goes, as the assembly decided: accounts and amounts, positive, adding up
    /// to the result (a surplus or a deficit alike). Empty: all of it carried forward on the
    /// chart's account (report à nouveau).
    pub parts: Vec<(AccountCode, String)>,
    /// Only what would be written; nothing is.
    pub dry_run: bool,
}

/// One part of an allocation.
#[derive(Debug, Clone, Serialize)]
pub struct AllocatedPart {
    pub account: String,
    /// Positive: the part of the result, surplus or deficit, this account takes.
    pub amount: String,
}

/// What `allocate-result` did, or would do.
#[derive(Debug, Clone, Serialize)]
pub struct AllocateOutcome {
    pub year: i32,
    pub date: String,
    /// Sequence number of the year closing whose result is allocated.
    pub closing: i64,
    /// The account the closing carried the result to.
    pub result_account: String,
    /// The result: positive a surplus, negative a deficit.
    pub result: String,
    pub parts: Vec<AllocatedPart>,
    /// The allocation entry written (none for a dry run).
    pub entry: Option<i64>,
    pub currency: String,
}

impl Ledger {
    /// Records the general assembly's allocation of fiscal `year`'s result.
    pub fn allocate_result(
        &mut self,
        req: AllocateRequest,
    ) -> Result<AllocateOutcome, LedgerError> {
        let info = self.info()?;
        let currency = info.currency.clone();
        let actor = self.actor.clone();
        let work = |app: &mut crate::store::Appender<'_>| {
            let mut book = replay(app)?;
            let Some(result) = book
                .closed_results()
                .into_iter()
                .find(|r| r.year == req.year && r.allocated.is_none())
                .filter(|_| book.governance().is_closed(req.year))
            else {
                return Err(Refusal::NoResultToAllocate { year: req.year }.into());
            };
            // The posting of the result is a credit for a surplus: the parts take its sign.
            let sign = result.amount.0.signum();
            let overflow = || crate::domain::DomainError::Overflow;
            let magnitude = result.amount.checked_abs().ok_or_else(overflow)?;
            let taken = result.amount.checked_neg().ok_or_else(overflow)?;
            let money = |m: Minor| crate::domain::Money::new(m, currency.clone());
            let mut parts = vec![];
            for (account, text) in &req.parts {
                parts.push((account.clone(), currency.parse(text)?));
            }
            if parts.is_empty() {
                let default = default_closing_accounts(&info.chart).map(|d| {
                    if sign < 0 {
                        d.carried_forward.0
                    } else {
                        d.carried_forward.1
                    }
                });
                let Some(code) = default else {
                    return Err(Refusal::AllocationSum {
                        year: req.year,
                        result: money(magnitude),
                        parts: money(Minor::ZERO),
                    }
                    .into());
                };
                parts.push((AccountCode::parse(code)?, magnitude));
            }
            let total =
                crate::domain::checked_sum(parts.iter().map(|(_, m)| *m)).ok_or_else(overflow)?;
            if total != magnitude || parts.iter().any(|(_, m)| m.0 <= 0) {
                return Err(Refusal::AllocationSum {
                    year: req.year,
                    result: money(magnitude),
                    parts: money(total),
                }
                .into());
            }
            let posting =
                |account: &AccountCode, amount: Minor| Posting::plain(account.clone(), amount);
            let mut postings = vec![posting(&result.account, taken)];
            for (account, amount) in &parts {
                let signed = if sign < 0 {
                    amount.checked_neg().ok_or_else(overflow)?
                } else {
                    *amount
                };
                postings.push(posting(account, signed));
            }
            let header = EntryHeader {
                id: book.next_entry_id(),
                date: req.date,
                description: format!(
                    "Affectation du résultat de l'exercice {y} / Allocation of fiscal year {y}'s result",
                    y = req.year
                ),
                reference: None,
                kind: EntryKind::Allocation {
                    year: req.year,
                    closing: result.seq,
                },
                batch: None,
            };
            let entry = Entry::new(header, postings, &currency)?;
            let written = append_entry(app, &mut book, &actor, entry)?;
            Ok(AllocateOutcome {
                year: req.year,
                date: format_date(req.date),
                closing: result.seq,
                result_account: result.account.to_string(),
                result: currency.format(taken),
                parts: parts
                    .iter()
                    .map(|(a, m)| AllocatedPart {
                        account: a.to_string(),
                        amount: currency.format(*m),
                    })
                    .collect(),
                entry: (!req.dry_run).then(|| written.entry.expect("an entry").0),
                currency: currency.code.clone(),
            })
        };
        if req.dry_run {
            self.store.rehearse(work)
        } else {
            self.store.write(work)
        }
    }
}
