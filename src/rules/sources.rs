//! Where income comes from, and the memorandum accounts kept beside the books.
//!
//! A `source` entry names the funder of one income posting of a transaction (a member's dues,
//! an individual's gift): the posting schema of the chain is closed, so the funder is recorded
//! by an entry of its own, written in the same command as the transaction. A posting charged
//! to a grant already has the grant's funder as its source; a `source` may repeat it, never
//! contradict it. A reversal inherits its original's sources (nothing is written for it).
//!
//! Memorandum accounts hold in-kind contributions (volunteer hours, lent premises, donated
//! goods) at a declared value: a transaction posts to them alone or not at all, so they never
//! mix with money, the balances of real accounts or the result.

use super::error::RuleKind;
use super::{Book, RuleError};
use crate::chain::Source;
use crate::domain::{AccountType, Entry, EntryKind};

impl Book {
    /// CHAIN.md rule 17: a source names an earlier transaction (not a reversal, not a
    /// closing, not reversed), one of its postings on an income or memorandum account, a
    /// funder that exists and, when the posting is charged to a grant, the grant's own funder;
    /// each posting has at most one source.
    pub(super) fn admit_source(
        &mut self,
        s: &Source,
        original: Option<&Entry>,
    ) -> Result<(), Vec<RuleError>> {
        let fail = |kind: RuleKind| Err(vec![RuleError::from(kind)]);
        let entry = s.entry;
        let Some(e) = original.filter(|e| e.id() == entry && entry.0 < self.next_entry) else {
            return fail(RuleKind::SourceEntryMissing { entry });
        };
        if !matches!(e.header.kind, EntryKind::Transaction) {
            return fail(RuleKind::SourceNotTransaction { entry });
        }
        if self.reversed.contains(&entry) {
            return fail(RuleKind::SourceEntryReversed { entry });
        }
        let posting = s.posting;
        let Some(p) = usize::try_from(posting)
            .ok()
            .and_then(|i| e.postings().get(i))
        else {
            return fail(RuleKind::SourcePostingMissing { entry, posting });
        };
        if !matches!(
            self.accounts.get(&p.account),
            Some(AccountType::Income | AccountType::Memorandum)
        ) {
            return fail(RuleKind::SourceNotIncome {
                entry,
                posting,
                account: p.account.clone(),
            });
        }
        if !self.funders.contains(&s.funder) {
            return fail(RuleKind::SourceFunderMissing {
                funder: s.funder.clone(),
            });
        }
        if let Some(grant) = p.grant.as_ref().and_then(|g| self.grants.get(g))
            && grant.funder != s.funder
        {
            return fail(RuleKind::SourceOtherFunder {
                grant: grant.id.clone(),
                grant_funder: grant.funder.clone(),
                funder: s.funder.clone(),
            });
        }
        if !self.sources.insert((entry, posting)) {
            return fail(RuleKind::SourceTwice { entry, posting });
        }
        Ok(())
    }

    /// CHAIN.md rule 18: an entry posts to memorandum accounts alone, or to none of them.
    pub(super) fn check_memorandum(&self, e: &Entry) -> Vec<RuleError> {
        let memorandum = |i: usize| {
            self.accounts.get(&e.postings()[i].account) == Some(&AccountType::Memorandum)
        };
        let Some(first) = (0..e.postings().len()).find(|&i| memorandum(i)) else {
            return vec![];
        };
        match (0..e.postings().len()).find(|&i| !memorandum(i)) {
            Some(other) => vec![
                RuleError::from(RuleKind::MemorandumMixed {
                    memorandum: e.postings()[first].account.clone(),
                    account: e.postings()[other].account.clone(),
                })
                .at(other),
            ],
            None => vec![],
        }
    }
}
