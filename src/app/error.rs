//! Why a command of the application service did not happen, as values.
//!
//! A refusal is a [`Refusal`]: its variant names the kind of problem, its fields carry the
//! values (dates, codes, ids, paths, hashes) and whatever the hint needs. The English sentence
//! is one rendering of it, written once, in the `Display` impls of `error/english.rs`: a translation
//! catalogue (Fluent, issue 9) replaces them by looking up [`Refusal::id`] with the variant's
//! fields as its named arguments, and a web form puts the message next to [`Refusal::field`].
//! The other errors of the application layer ([`LedgerError`], [`BackupError`],
//! [`OpenError`]) are defined here, and say little of their own: mostly they wrap.
//!
//! Whatever the error, the ledger is unchanged: every write is one transaction.

mod english;
mod refusal;

use std::path::PathBuf;

use crate::app::import::ImportError;
use crate::domain::DomainError;
use crate::files::FileError;
use crate::rules::RuleError;
use crate::store::StoreError;
use crate::verify::{BundleReadError, Problem, VerifyReport};

use english::finding;
pub use english::{English, Say};
pub use refusal::{
    ArchiveDefect, BundleDefect, ChainBreak, NotReceived, Protected, ReadError, Refusal,
};

/// Why a command did not happen. Whatever the variant, the ledger is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Invalid(#[from] DomainError),
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Rules(Vec<RuleError>),
    #[error(transparent)]
    Import(#[from] ImportError),
    /// What was asked cannot be done: exit status 2.
    #[error("{0}")]
    Refused(#[from] Refusal),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file outside the ledger: a document to read, an output to write.
    #[error(transparent)]
    File(#[from] FileError),
}

/// Why a backup or a restore did not happen (or, for `Unverified`, what it found).
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error("{0}")]
    Refused(Refusal),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The restored ledger does not verify: nothing was left in place.
    #[error(
        "{}: the ledger in this archive does not verify ({} problem(s)); nothing was restored",
        file.display(),
        report.problems.len()
    )]
    Unverified {
        file: PathBuf,
        report: Box<VerifyReport>,
    },
}

impl From<StoreError> for BackupError {
    fn from(e: StoreError) -> Self {
        BackupError::Ledger(e.into())
    }
}

/// Why a bundle cannot be read as a ledger.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// `chain.jsonl` cannot be read (verify's error, typed and worded in its room).
    #[error(transparent)]
    Unreadable(BundleReadError),
    #[error(
        "{}: the audit bundle does not verify ({count} problem(s), the first: {}); nothing is listed from it. Run `amana verify --bundle {}` for every finding",
        dir.display(), first.as_deref().map(finding).unwrap_or_default(), dir.display()
    )]
    NotVerified {
        dir: PathBuf,
        count: usize,
        first: Option<Box<Problem>>,
    },
}

#[cfg(test)]
mod tests;
