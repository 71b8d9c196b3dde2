//! The audit chain: every change to a ledger is one entry, appended, hash-linked, never edited.
//!
//! An entry's `body` is the canonical encoding (see [`encoding`] and `schema/CHAIN.md`) of its
//! header (kind, sequence number, UTC time, actor) and of the record it carries. The stored
//! bytes are the hashed bytes: nothing is ever re-serialised to be hashed.
//!
//! ```text
//! entry_hash_n = SHA-256("amana/v1/entry\0" ‖ body_n)
//! chain_n      = SHA-256("amana/v1/chain\0" ‖ u64be(n) ‖ chain_{n-1} ‖ entry_hash_n),  chain_0 = 32 × 0x00
//! ```

mod bank;
mod currency;
pub mod encoding;
mod entry;
pub mod merkle;
mod records;
pub mod signing;
mod variance;

use sha2::{Digest, Sha256};

pub use encoding::DecodeError;
pub use records::*;

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// The hash that stands before the first entry.
pub const GENESIS_PREV: Hash = [0; 32];

const ENTRY_DOMAIN: &[u8] = b"amana/v1/entry\0";
const CHAIN_DOMAIN: &[u8] = b"amana/v1/chain\0";

pub fn entry_hash(body: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update(ENTRY_DOMAIN);
    h.update(body);
    h.finalize().into()
}

pub fn chain_hash(seq: i64, prev: &Hash, entry_hash: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update(CHAIN_DOMAIN);
    h.update((seq as u64).to_be_bytes());
    h.update(prev);
    h.update(entry_hash);
    h.finalize().into()
}

/// A stored 32-byte hash as a [`Hash`](type@Hash); anything of another length becomes 32 zero bytes,
/// which no real hash equals, so a damaged column is reported as a mismatch, never accepted.
pub fn hash_from(bytes: &[u8]) -> Hash {
    <Hash>::try_from(bytes).unwrap_or([0; 32])
}

pub fn sha256(bytes: &[u8]) -> Hash {
    Sha256::digest(bytes).into()
}

/// How far an entry's time may go back from the one before it before anyone is told: clocks
/// are set by a few seconds now and then (the writer warns, `verify` reports `time-backwards`).
pub const CLOCK_SLACK_US: i64 = 60 * 1_000_000;

/// The largest quorum a policy may ask for.
pub const MAX_QUORUM: i64 = 99;

/// A chain entry: who did what, when, and in which position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainEntry {
    pub seq: i64,
    /// Microseconds since 1970-01-01T00:00:00Z.
    pub time_us: i64,
    pub actor: String,
    pub record: Record,
}
