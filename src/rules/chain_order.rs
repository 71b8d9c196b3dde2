//! What an entry must agree with about the entries before it, besides the books: that its
//! time does not go back, and, for a seal, that the chain it commits to is the one replayed.
//!
//! Both the writer and `verify` ask these questions (the writer to warn or refuse, `verify` to
//! report what it finds, even about a seal the rules refuse for another reason first), so each
//! rule is written once, here, beside the [`Book`] that replays the chain.

use crate::chain::{CLOCK_SLACK_US, Seal};

use super::Book;

/// Whether an entry recorded at `time_us` comes before one recorded at `last_us` by more
/// than the clock's slack (a minute): the writer's clock was set back, or was ahead before.
pub fn clock_set_back(time_us: i64, last_us: i64) -> bool {
    time_us < last_us.saturating_sub(CLOCK_SLACK_US)
}

/// Whether a seal commits to the chain the book replayed before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealCommitment {
    /// It covers every entry before it, with their head and Merkle root.
    Holds,
    /// It claims other entries, or another head, than the chain before it.
    HeadDiffers,
    /// It has the head, but its Merkle root does not recompute from the entries it covers.
    MerkleRootDiffers,
    /// The book has not replayed the chain (one built from stored parts cannot tell).
    NotReplayed,
}

impl Book {
    /// Whether `seal`, appended at `seq` (the book's next entry), commits to the chain before
    /// it: its coverage, head and Merkle root, recomputed from the replayed entries.
    pub fn seal_commitment(&self, seq: i64, seal: &Seal) -> SealCommitment {
        let Some(now) = self.seal_content(None, vec![]) else {
            return SealCommitment::NotReplayed;
        };
        if seal.covered != seq - 1 || seal.head != now.head {
            SealCommitment::HeadDiffers
        } else if seal.merkle_root != now.merkle_root {
            SealCommitment::MerkleRootDiffers
        } else {
            SealCommitment::Holds
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_may_go_back_by_its_slack_and_no_more() {
        let last = 10 * CLOCK_SLACK_US;
        assert!(!clock_set_back(last, last));
        assert!(!clock_set_back(last - CLOCK_SLACK_US, last));
        assert!(clock_set_back(last - CLOCK_SLACK_US - 1, last));
        assert!(!clock_set_back(i64::MIN, i64::MIN));
    }

    #[test]
    fn a_seal_holds_only_with_the_coverage_head_and_root_of_the_chain_replayed() {
        let book = Book::new();
        let now = book
            .seal_content(None, vec![])
            .expect("a new book replays the chain from its start");
        let holds = Seal {
            period_end: None,
            covered: 0,
            head: now.head,
            merkle_root: now.merkle_root,
            previous: None,
            trial_balance: vec![],
            grants: vec![],
            banks: vec![],
        };
        assert_eq!(book.seal_commitment(1, &holds), SealCommitment::Holds);
        assert_eq!(book.seal_commitment(2, &holds), SealCommitment::HeadDiffers);
        let other_head = Seal {
            head: [7; 32],
            ..holds.clone()
        };
        assert_eq!(
            book.seal_commitment(1, &other_head),
            SealCommitment::HeadDiffers
        );
        let other_root = Seal {
            merkle_root: [7; 32],
            ..holds.clone()
        };
        assert_eq!(
            book.seal_commitment(1, &other_root),
            SealCommitment::MerkleRootDiffers
        );
        assert_eq!(
            Book::default().seal_commitment(1, &holds),
            SealCommitment::NotReplayed
        );
    }
}
