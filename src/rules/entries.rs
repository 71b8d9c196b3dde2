//! Entries and their eligibility: what a transaction, a reversal or a closing may post to.
//! An entry's number and import batch, the locked period, accounts that exist and are not
//! retired, grants and their periods, budget lines of the grant and not withdrawn, currencies,
//! and a reversal that mirrors its original exactly. Taking an admitted entry in updates the
//! budget lines' spending and warns of an over-spent line.

use std::collections::HashMap;

use super::error::RuleKind;
use super::{Book, RuleError, Warning};
use crate::domain::{
    AccountType, ClosingForm, Currency, Entry, EntryId, EntryKind, GrantId, LineId, Minor, Money,
    Posting,
};

/// What counts as spending of the grant a posting is charged to: a posting to an expense
/// account, or any posting charged to one of the grant's budget lines (equipment bought on a
/// grant is an asset, and still spending). `kind` is the posting's account type (`None` for an
/// account the book does not know). The one definition: the grant's period (rule 6), a grant's
/// spent total and the checks of a grant's amendment all read it.
pub fn spends(kind: Option<AccountType>, posting: &Posting) -> bool {
    kind == Some(AccountType::Expense) || posting.line.is_some()
}

/// What counts as money received (from a funder on a grant, from a member on a receipt): the
/// credit of an income account. A posting's part of it is its amount negated.
pub fn receives(kind: Option<AccountType>) -> bool {
    kind == Some(AccountType::Income)
}

impl Book {
    /// Every rule an entry must meet given the book, all problems at once.
    pub fn check_entry(&self, e: &Entry, original: Option<&Entry>) -> Vec<RuleError> {
        let mut problems = vec![];
        let h = &e.header;
        if h.id.0 != self.next_entry {
            problems.push(RuleError::from(RuleKind::EntryNumber {
                id: h.id,
                expected: self.next_entry,
            }));
        }
        match (h.batch, self.open_batch) {
            (Some(b), _) if e.reverses().is_some() => {
                problems.push(RuleError::from(RuleKind::ReversalInImport { batch: b }))
            }
            (None, _) => {}
            (Some(b), Some(open)) if b == open.seq => {}
            (Some(b), _) => problems.push(RuleError::from(RuleKind::NotTheOpenImport { batch: b })),
        }
        problems.extend(self.check_bank_line(e));
        if let Some(currency) = self.currency()
            && let Err(err) = e.validate(currency)
        {
            problems.push(RuleError::from(RuleKind::EntryInvalid {
                id: h.id,
                error: err,
            }));
            return problems;
        }
        problems.extend(self.check_content(e));
        problems.extend(self.check_memorandum(e));
        match &h.kind {
            EntryKind::Reversal { reverses, .. } => {
                problems.extend(self.check_reversal(e, *reverses, original));
            }
            EntryKind::Closing {
                year,
                start,
                form:
                    ClosingForm::Restricted {
                        restricted_account,
                        unrestricted_account,
                    },
            } => problems.extend(self.check_closing(
                e,
                *year,
                *start,
                restricted_account,
                unrestricted_account,
            )),
            EntryKind::Closing {
                year,
                start,
                form:
                    ClosingForm::Funds {
                        surplus_account,
                        deficit_account,
                        dedicated_account,
                    },
            } => problems.extend(self.check_year_closing(
                e,
                *year,
                *start,
                surplus_account,
                deficit_account,
                dedicated_account,
            )),
            kind @ EntryKind::DedicatedFunds { .. } => {
                problems.extend(self.check_dedicated_funds(e, kind))
            }
            EntryKind::Allocation { year, closing } => {
                problems.extend(self.check_allocation(e, *year, *closing))
            }
            EntryKind::Depreciation { asset, start } => {
                problems.extend(self.check_depreciation(e, asset, *start))
            }
            EntryKind::Transaction => {}
        }
        problems
    }

    /// The rules of an entry's content (accounts, grants, lines, periods, currencies), which do
    /// not depend on its position in the chain: an import checks every entry with this before
    /// writing any.
    pub fn check_content(&self, e: &Entry) -> Vec<RuleError> {
        let mut problems = vec![];
        let h = &e.header;
        if let Some(locked) = self.locked_on(h.date) {
            problems.push(RuleError::from(RuleKind::Locked {
                date: h.date,
                locked,
            }));
        }
        problems.extend(self.check_in_force(e));
        for (i, p) in e.postings().iter().enumerate() {
            let kind = self.accounts.get(&p.account).copied();
            if kind.is_none() {
                problems.push(
                    RuleError::from(RuleKind::AccountUnknown {
                        account: p.account.clone(),
                    })
                    .at(i),
                );
            }
            if let Some(grant_id) = &p.grant {
                match self.grants.get(grant_id) {
                    None => problems.push(
                        RuleError::from(RuleKind::GrantUnknown {
                            grant: grant_id.clone(),
                        })
                        .at(i),
                    ),
                    Some(grant) => {
                        // Spending of a grant happens inside its period ([`spends`]).
                        // A reversal mirrors an entry that was admitted: it may come after
                        // the grant's period (a mistake found late is still corrected).
                        let spends = spends(kind, p);
                        let reversal = matches!(h.kind, EntryKind::Reversal { .. });
                        if spends && !reversal && !self.eligible(grant, h.date) {
                            problems.push(
                                RuleError::from(RuleKind::OutsideGrantPeriod {
                                    date: h.date,
                                    grant: grant.id.clone(),
                                    start: grant.start,
                                    end: self.last_eligible_day(&grant.id, grant.end),
                                })
                                .at(i),
                            );
                        }
                        if let Some(line) = &p.line
                            && !self.lines.contains_key(&(grant_id.clone(), line.clone()))
                        {
                            // Sorted: the message reads the same on every run.
                            let mut others: Vec<GrantId> = self
                                .lines
                                .keys()
                                .filter(|(g, l)| l == line && g != grant_id)
                                .map(|(g, _)| g.clone())
                                .collect();
                            others.sort();
                            let (line, grant) = (line.clone(), grant_id.clone());
                            problems.push(
                                RuleError::from(if others.is_empty() {
                                    RuleKind::LineNotOfGrant { line, grant }
                                } else {
                                    RuleKind::LineOfOtherGrants {
                                        line,
                                        grant,
                                        others,
                                    }
                                })
                                .at(i),
                            );
                        }
                    }
                }
            }
            if let Some((_, currency)) = &p.original
                && !self.currencies.contains_key(currency)
            {
                problems.push(
                    RuleError::from(RuleKind::OriginalCurrencyUnknown {
                        currency: currency.clone(),
                    })
                    .at(i),
                );
            }
        }
        problems
    }

    pub(super) fn check_reversal(
        &self,
        e: &Entry,
        reverses: EntryId,
        original: Option<&Entry>,
    ) -> Vec<RuleError> {
        let refuse = |kind: RuleKind| vec![RuleError::from(kind)];
        let Some(original) =
            original.filter(|o| o.id() == reverses && reverses.0 < self.next_entry)
        else {
            return refuse(RuleKind::ReversedMissing { reverses });
        };
        if self.reversed.contains(&reverses) {
            return refuse(RuleKind::ReversedTwice { reverses });
        }
        let assets = self.check_reversal_of_assets(original);
        if !assets.is_empty() {
            return assets;
        }
        if !original.header.kind.is_recorded_flow() {
            return refuse(RuleKind::ClosingReversed { reverses });
        }
        if self.reversals.contains(&reverses) {
            return refuse(RuleKind::ReversalReversed { reverses });
        }
        if e.header.date < original.header.date {
            return refuse(RuleKind::ReversalBeforeOriginal {
                date: e.header.date,
                original: original.header.date,
            });
        }
        let mirrored = e.postings().len() == original.postings().len()
            && e.postings().iter().zip(original.postings()).all(|(r, o)| {
                r.account == o.account
                    && Some(r.amount) == o.amount.checked_neg()
                    && r.grant == o.grant
                    && r.line == o.line
                    && r.memo == o.memo
                    && match (&r.original, &o.original) {
                        (None, None) => true,
                        (Some((ra, rc)), Some((oa, oc))) => {
                            rc == oc && Some(*ra) == oa.checked_neg()
                        }
                        _ => false,
                    }
            });
        if mirrored {
            vec![]
        } else {
            refuse(RuleKind::ReversalNotMirrored { reverses })
        }
    }

    /// Takes a checked entry into the book and returns its warnings; refused, the book
    /// unchanged, if a total would overflow (a corrupt ledger: checked entries cannot get
    /// there).
    pub(super) fn take_entry(&mut self, e: &Entry) -> Result<Vec<Warning>, RuleError> {
        // Everything that can fail is computed first: the totals, and each budget line's
        // spending (in an overlay, posting by posting, as the warnings are).
        let totals = self.totals_after(e)?;
        let mut warnings = vec![];
        let currency = self.info.as_ref().map(|i| i.currency.clone());
        let mut spent: HashMap<(GrantId, LineId), Minor> = HashMap::new();
        let mut spent_original: HashMap<(GrantId, LineId), Minor> = HashMap::new();
        for p in e.postings() {
            let (Some(grant), Some(line)) = (&p.grant, &p.line) else {
                continue;
            };
            let key = (grant.clone(), line.clone());
            let Some(state) = self.lines.get(&key) else {
                continue;
            };
            let before = spent.get(&key).copied().unwrap_or(state.spent);
            let after = before
                .checked_add(p.amount)
                .ok_or_else(|| self.overflow())?;
            spent.insert(key.clone(), after);
            if self.budget_in_grant_currency(grant) {
                // A budget in the grant's currency is compared with the amounts in it.
                warnings.extend(self.overspent_in_grant_currency(
                    e.id(),
                    (key, state.budget),
                    p,
                    &mut spent_original,
                )?);
            } else if after > state.budget && after > before {
                let currency = currency.clone().unwrap_or_else(|| Currency {
                    code: "?".into(),
                    exponent: 2,
                });
                warnings.push(Warning::Overspent {
                    entry: e.id(),
                    grant: grant.clone(),
                    line: line.clone(),
                    budget: Money::new(state.budget, currency.clone()),
                    spent: Money::new(after, currency),
                });
            }
        }
        self.next_entry += 1;
        self.take_bank_line(e);
        if let Some(batch) = self.open_batch.as_mut() {
            batch.remaining -= 1;
            if batch.remaining == 0 {
                self.open_batch = None;
            }
        }
        if let Some(reverses) = e.reverses() {
            self.reversed.insert(reverses);
            self.reversals.insert(e.id());
        }
        self.take_totals(self.next_seq, e, totals);
        for (key, after) in spent {
            if let Some(state) = self.lines.get_mut(&key) {
                state.spent = after;
            }
        }
        self.currency_state.take_line_spending(spent_original);
        Ok(warnings)
    }

    pub fn is_reversed(&self, id: EntryId) -> bool {
        self.reversed.contains(&id)
    }

    /// What the corrections in force forbid a new entry: a transaction posting to an account
    /// retired on or before its date, or charged to a budget line withdrawn on or before it. A
    /// reversal mirrors an entry admitted before, and a closing carries its year's result:
    /// neither is held back.
    pub(super) fn check_in_force(&self, e: &Entry) -> Vec<RuleError> {
        if !matches!(e.header.kind, EntryKind::Transaction) {
            return vec![];
        }
        let mut problems = vec![];
        for (i, p) in e.postings().iter().enumerate() {
            if let Some(from) = self.in_force.retired_from(&p.account)
                && e.header.date >= from
            {
                problems.push(
                    RuleError::from(RuleKind::AccountRetired {
                        account: p.account.clone(),
                        from,
                    })
                    .at(i),
                );
            }
            if let (Some(grant), Some(line)) = (&p.grant, &p.line)
                && let Some(from) = self
                    .lines
                    .get(&(grant.clone(), line.clone()))
                    .and_then(|l| l.withdrawn)
                && e.header.date >= from
            {
                problems.push(
                    RuleError::from(RuleKind::LineWithdrawn {
                        grant: grant.clone(),
                        line: line.clone(),
                        from,
                    })
                    .at(i),
                );
            }
        }
        problems
    }
}
