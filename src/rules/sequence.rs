//! The chain's order: sequence numbers, transaction numbers, and imports whose announced
//! transactions must follow them, in one batch. `verify` also moves past an entry it could not
//! admit, or a gap, so that one bad entry does not make every later one look out of place.

use super::error::RuleKind;
use super::{Book, RuleError, Warning};
use crate::chain::{ChainEntry, Hash, ImportInfo, Record};
use crate::domain::EntryId;

/// An import whose entries are still expected.
#[derive(Debug, Clone, Copy)]
pub(super) struct OpenBatch {
    pub(super) seq: i64,
    pub(super) remaining: i64,
}

impl Book {
    pub fn next_seq(&self) -> i64 {
        self.next_seq
    }

    pub fn next_entry_id(&self) -> EntryId {
        EntryId(self.next_entry)
    }

    pub fn is_imported(&self, sha: &Hash) -> bool {
        self.imported_files.contains(sha)
    }

    pub(super) fn admit_import(
        &mut self,
        seq: i64,
        i: &ImportInfo,
    ) -> Result<Vec<Warning>, Vec<RuleError>> {
        if self.imported_files.contains(&i.file_sha256) && !i.forced {
            return Err(vec![RuleError::from(RuleKind::ImportedAlready {
                file_name: i.file_name.clone(),
                sha256: i.file_sha256,
            })]);
        }
        if i.transactions < 1 {
            return Err(vec![RuleError::from(RuleKind::ImportEmpty {
                transactions: i.transactions,
            })]);
        }
        self.imported_files.insert(i.file_sha256);
        self.open_batch = Some(OpenBatch {
            seq,
            remaining: i.transactions,
        });
        Ok(vec![])
    }

    /// Moves past an entry that could not be admitted, so one bad entry does not make every
    /// later one look out of sequence (used by `verify`, which reports and goes on).
    ///
    /// `kind` is what the log row says the entry was, for an entry that cannot be decoded: a
    /// transaction, reversal or closing still takes its number. An entry that breaks a rule
    /// still counts in the totals (the books as recorded), and a seal that does not recompute
    /// is still a seal that later seals and its signatures refer to; each is reported once.
    ///
    /// An entry that interrupts an import's batch ends the batch (the interruption is reported
    /// once, by [`Book::admit`]); an import that breaks a rule still opens its own batch, so
    /// the transactions it announced are not reported again, one by one.
    pub fn skip(&mut self, entry: Option<&ChainEntry>, kind: &str) {
        self.next_seq += 1;
        let in_open_batch = match (entry, self.open_batch) {
            (_, None) => false,
            // An undecodable entry counts as one of the batch's transactions.
            (None, Some(_)) => true,
            (
                Some(ChainEntry {
                    record: Record::Entry(e),
                    ..
                }),
                Some(batch),
            ) => e.header.batch == Some(batch.seq),
            (Some(_), Some(_)) => false,
        };
        if !in_open_batch {
            self.open_batch = None;
        }
        let takes_number = match entry {
            Some(ChainEntry {
                seq,
                record: Record::Entry(e),
                ..
            }) => {
                self.next_entry = self.next_entry.max(e.id().0.saturating_add(1));
                // An entry whose totals would overflow is left out of them: `admit` refused
                // it for that (reported), or for another rule it also breaks.
                if let Ok(update) = self.totals_after(e) {
                    self.take_totals(*seq, e, update);
                }
                true
            }
            Some(ChainEntry {
                seq,
                record: Record::Seal(seal),
                ..
            }) => {
                self.gov.add_seal(*seq, seal.period_end);
                false
            }
            Some(ChainEntry {
                seq,
                record: Record::BankImport(b),
                ..
            }) => {
                self.take_bank_import(*seq, b);
                false
            }
            Some(ChainEntry {
                seq,
                record: Record::Import(i),
                ..
            }) => {
                self.imported_files.insert(i.file_sha256);
                if i.transactions >= 1 {
                    self.open_batch = Some(OpenBatch {
                        seq: *seq,
                        remaining: i.transactions,
                    });
                }
                false
            }
            Some(_) => false,
            None => {
                let numbered =
                    crate::domain::ENTRY_KINDS.contains(&kind) || self.open_batch.is_some();
                if numbered {
                    self.next_entry += 1;
                }
                numbered
            }
        };
        if takes_number && let Some(batch) = self.open_batch.as_mut() {
            batch.remaining -= 1;
            if batch.remaining <= 0 {
                self.open_batch = None;
            }
        }
    }

    /// Moves past `n` entries missing from the log (a gap), in one step whatever `n`.
    pub fn skip_missing(&mut self, n: i64) {
        self.next_seq = self.next_seq.saturating_add(n);
        if let Some(batch) = self.open_batch.as_mut() {
            let taken = n.min(batch.remaining);
            self.next_entry = self.next_entry.saturating_add(taken);
            batch.remaining -= taken;
            if batch.remaining <= 0 {
                self.open_batch = None;
            }
        }
    }

    /// True while an import has announced entries that have not come yet (a truncated import).
    pub fn open_import(&self) -> Option<(i64, i64)> {
        self.open_batch.map(|b| (b.seq, b.remaining))
    }
}
