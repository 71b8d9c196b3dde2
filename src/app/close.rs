//! Closing a fiscal year: the unspent restricted money carried to dedicated funds, grant by
//! grant; the year's income and expense closed, its result (then only the association's own) to
//! the surplus or the deficit account by its sign; signed by as many officers as the policy
//! says, then sealed and locked through its last day, all in one transaction.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::app::decisions::{SealOutcome, load_keys, replay, require_quorum, sign_entry, signer};
use crate::app::seal::seal_and_sign;
use crate::app::{Ledger, LedgerError, Refusal, append_entry, append_record};
use crate::chain::Record;
use crate::domain::{
    AccountCode, ClosingForm, Entry, EntryHeader, EntryKind, Minor, Money, OfficerId, Posting,
};
use crate::rules::Book;
use crate::rules::funds::DedicatedFund;
use serde::Serialize;

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// The accounts a closing uses, each in its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosingAccounts {
    /// Net assets: receives a surplus (a credit).
    pub surplus: AccountCode,
    /// Net assets: receives a deficit (a debit); may be the surplus account.
    pub deficit: AccountCode,
    /// The liability that holds dedicated funds.
    pub dedicated: AccountCode,
    /// The charge ("engagements à réaliser sur ressources affectées") and the income ("report
    /// des ressources non utilisées") through which dedicated funds are carried and released,
    /// in an entry of their own that the year's income statement shows; `None`: the closing
    /// entry moves the dedicated funds itself.
    pub carry: Option<(AccountCode, AccountCode)>,
}

/// What `close` did.
#[derive(Debug, Clone, Serialize)]
pub struct CloseOutcome {
    pub year: i32,
    pub start: String,
    pub end: String,
    /// The entry carrying dedicated funds, when some moved and a charge and release were named.
    pub dedicated_funds_entry: Option<i64>,
    /// The closing entry, absent when the year had nothing to close.
    pub closing_entry: Option<i64>,
    pub seal: SealOutcome,
}

/// What a closing would write, for the officers to check before they sign (`close --dry-run`).
#[derive(Debug, Clone)]
pub struct ClosePreview {
    pub year: i32,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The dedicated-funds entry's postings (each tagged to its grant), dated `end`.
    pub carry_postings: Vec<Posting>,
    /// The closing entry's postings, dated `end`; none when the year had nothing to close
    /// (it is then locked instead).
    pub postings: Vec<Posting>,
    /// The year's result, the association's own: positive for a surplus, negative for a deficit.
    pub result: Minor,
    /// Each restricted grant's dedicated fund: held before, held at the year's end.
    pub funds: Vec<DedicatedFund>,
    /// How many officers must sign the closing.
    pub signatures_needed: usize,
}

impl Ledger {
    /// Closes fiscal year `year`: carries its unspent restricted money to dedicated funds and
    /// its result to net assets, then seals and locks everything dated up to its last day.
    pub fn close(
        &mut self,
        year: i32,
        accounts: &ClosingAccounts,
        key_files: &[PathBuf],
        today: NaiveDate,
    ) -> Result<CloseOutcome> {
        let outcome = self.closing(year, accounts, key_files, today, None)?;
        Ok(outcome.expect("a closing that is not a dry run has an outcome"))
    }

    /// What closing fiscal `year` would write (`close --dry-run`): the same checks and the same
    /// postings as [`Ledger::close`], computed in a transaction that is rolled back, so nothing
    /// is written and no signature is needed.
    pub fn close_preview(
        &mut self,
        year: i32,
        accounts: &ClosingAccounts,
        today: NaiveDate,
    ) -> Result<ClosePreview> {
        let mut preview = None;
        self.closing(year, accounts, &[], today, Some(&mut preview))?;
        Ok(preview.expect("a dry run fills its preview"))
    }

    /// The closing itself, or (with `preview`) what it would write.
    fn closing(
        &mut self,
        year: i32,
        accounts: &ClosingAccounts,
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
            let carry = accounts.carry.as_ref().map(|(c, r)| (c, r));
            book.check_closing_accounts(
                &accounts.surplus,
                &accounts.deficit,
                &accounts.dedicated,
                carry,
            )
            .map_err(|e| LedgerError::Rules(vec![e]))?;
            check_before_closing(&book, year, start)?;
            let rules = |e| LedgerError::Rules(vec![e]);
            let funds = book.dedicated_funds(year).map_err(rules)?;
            let carry_postings = match &accounts.carry {
                Some((charge, release)) => book
                    .dedicated_funds_postings(year, &accounts.dedicated, charge, release)
                    .map_err(rules)?,
                None => vec![],
            };
            // A closing is the officers' decision: it needs the policy's signatures, all given
            // now (entries dated in the year could otherwise slip in before it takes effect).
            // A dry run is signed by no one: everything else is done as for the closing.
            let officers = signers
                .iter()
                .map(|k| signer(&book, k))
                .collect::<Result<Vec<OfficerId>>>()?;
            let header = |id, kind, description: String| EntryHeader {
                id,
                date: end,
                description,
                reference: None,
                kind,
                batch: None,
            };
            let (postings, _) = year_closing(&book, year, accounts)?;
            let decision = if postings.len() >= 2 || carry_postings.len() >= 2 {
                crate::rules::governance::Decision::Closing { year, end }
            } else {
                crate::rules::governance::Decision::Lock(end)
            };
            if !dry_run {
                require_quorum(&book, &decision, &officers)?;
            }
            let dedicated_funds_entry = match (&accounts.carry, carry_postings.len() >= 2) {
                (Some((charge, release)), true) => {
                    let kind = EntryKind::DedicatedFunds {
                        year,
                        start,
                        dedicated_account: accounts.dedicated.clone(),
                        charge_account: charge.clone(),
                        release_account: release.clone(),
                    };
                    let description = format!(
                        "Fonds dédiés à la fin de l'exercice {year} / Dedicated funds at the end of fiscal year {year}"
                    );
                    let id = book.next_entry_id();
                    let entry = Entry::new(
                        header(id, kind, description),
                        carry_postings.clone(),
                        &info.currency,
                    )?;
                    let written = append_entry(app, &mut book, &actor, entry)?;
                    Some(written.entry.expect("an entry").0)
                }
                _ => None,
            };
            // After the carry, the closing closes its charge and release too.
            let (postings, result) = year_closing(&book, year, accounts)?;
            let closing_entry = if postings.len() >= 2 {
                let kind = EntryKind::Closing {
                    year,
                    start,
                    form: ClosingForm::Funds {
                        surplus_account: accounts.surplus.clone(),
                        deficit_account: accounts.deficit.clone(),
                        dedicated_account: accounts.dedicated.clone(),
                    },
                };
                let description =
                    format!("Clôture de l'exercice {year} / Closing of fiscal year {year}");
                let id = book.next_entry_id();
                let entry = Entry::new(
                    header(id, kind, description),
                    postings.clone(),
                    &info.currency,
                )?;
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
                    carry_postings,
                    postings,
                    result,
                    funds,
                });
                // Rolled back by the caller: nothing of a dry run is written.
                return Ok(None);
            }
            let seal = seal_and_sign(app, &mut book, &actor, Some(end), vec![], &signers)?;
            Ok(Some(CloseOutcome {
                year,
                start: crate::domain::format_date(start),
                end: crate::domain::format_date(end),
                dedicated_funds_entry,
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

/// The closing entry's postings and the result (a surplus positive) as the book stands.
fn year_closing(
    book: &Book,
    year: i32,
    accounts: &ClosingAccounts,
) -> Result<(Vec<Posting>, Minor)> {
    book.year_closing_postings(
        year,
        &accounts.surplus,
        &accounts.deficit,
        &accounts.dedicated,
    )
    .map_err(|e| LedgerError::Rules(vec![e]))
}

/// What a closing checks before it writes anything, beyond the chain's rules: an earlier year's
/// result is allocated (two years' results never mix on one account), and no restricted grant
/// that ended before the year still holds money received and not spent (it can no longer be
/// spent on the grant: the treasurer records its refund, or the funder's extension, first).
fn check_before_closing(book: &Book, year: i32, start: NaiveDate) -> Result<()> {
    let currency = book.currency().cloned().expect("a replayed ledger");
    for r in book.closed_results() {
        if r.year < year && r.allocated.is_none() {
            return Err(Refusal::ResultNotAllocated {
                year: r.year,
                account: r.account,
                amount: Money::new(r.amount, currency),
            }
            .into());
        }
    }
    for fund in book
        .dedicated_funds(year)
        .map_err(|e| LedgerError::Rules(vec![e]))?
    {
        let end = book.grant(&fund.grant).map(|g| g.end);
        if let Some(end) = end.filter(|end| *end < start)
            && !fund.target.is_zero()
        {
            return Err(Refusal::DedicatedFundOfEndedGrant {
                grant: fund.grant,
                end,
                amount: Money::new(fund.target, currency),
            }
            .into());
        }
    }
    Ok(())
}
