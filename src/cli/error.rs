//! Why a command failed, and the one place that decides the exit status of each error the
//! library can return: 1 verify found a problem (or what was read does not verify), 2 invalid
//! input or a refused operation (nothing was changed), 3 the environment (a file missing, not
//! a ledger, the database locked). `main` prints the message and exits with the status.

use std::path::PathBuf;

use amana::app::LedgerError;
use amana::app::backup::BackupError;
use amana::app::bundle::OpenError;
use amana::app::exchange::ReceiptFileError;
use amana::app::periods::CloseError;
use amana::app::queries::{QueryError, VerifyError};
use amana::domain::DomainError;
use amana::files::FileError;
use amana::files::keys::KeyError;
use amana::store::StoreError;
use amana::verify::AnchorError;

/// What went wrong, sorted by exit status; the message is already in English.
#[derive(Debug)]
pub enum Failure {
    /// Invalid input or a refused operation: exit 2.
    Invalid(String),
    /// A file missing, not a ledger, the database locked: exit 3.
    Environment(String),
    /// `verify` (or a receipt's check) found a problem and printed it: exit 1, nothing more
    /// to say.
    VerifyFailed,
    /// What was read does not verify (a bundle listed, a backup restored): exit 1.
    Unverified(String),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::VerifyFailed | Failure::Unverified(_) => 1,
            Failure::Invalid(_) => 2,
            Failure::Environment(_) => 3,
        }
    }

    /// What to tell the user on standard error, if anything.
    pub fn message(&self) -> Option<&str> {
        match self {
            Failure::VerifyFailed => None,
            Failure::Invalid(m) | Failure::Environment(m) | Failure::Unverified(m) => Some(m),
        }
    }
}

/// The command line's own refusals: what it reads before the application does.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(
        "{}: is an audit bundle, which amana only reads (balance, journal, log, account list, grant list, funder list) and verifies; nothing is written to it or exported from it. Give --ledger the ledger file itself",
        .0.display()
    )]
    BundleNotWritable(PathBuf),
    #[error("--label \"{0}\": write LANG=TEXT, e.g. ar=البنك")]
    Label(String),
    #[error("--bank \"{0}\": write ACCOUNT=AMOUNT@STATEMENT, e.g. 51411=100870.19@Relevé 03/2026")]
    Bank(String),
    #[error("--to \"{0}\": write ACCOUNT=AMOUNT, e.g. 1161=12403.34")]
    AllocationPart(String),
    #[error("--post \"{text}\": {reason}")]
    Posting { text: String, reason: String },
    /// An `--anchor` or a `--seal` of verify that cannot be read (worded by verify).
    #[error(transparent)]
    Anchor(#[from] AnchorError),
    /// The backup was written, but the ledger it holds does not verify: exit 1.
    #[error(
        "{}: the ledger does not verify; the backup holds it as it is, but `amana restore` will refuse it until the problems above are resolved",
        .0.display()
    )]
    BackupUnverified(PathBuf),
    /// `amana import X FILE` with X neither hledger nor beancount.
    #[error(
        "amana import {0} FILE: {0} is not a format amana imports; write amana import hledger FILE, amana import beancount FILE, or amana import FILE.csv"
    )]
    ImportFormat(String),
    /// `amana import hledger` (or beancount) without its file, and no CSV file of that name.
    #[error(
        "amana import {0}: give the file after the format, as in amana import {0} FILE (no CSV file named {0} here)"
    )]
    ImportFormatFile(String),
    /// `--accounts` given to a CSV import.
    #[error(
        "--accounts maps the account names of an hledger or Beancount file: a CSV import names accounts by code"
    )]
    AccountsWithCsv,
    /// `AMANA_LANG` names no language amana speaks.
    #[error(
        "AMANA_LANG=\"{0}\" is not a language amana speaks: use ar, fr or en (or a locale such as fr_MA.UTF-8)"
    )]
    Language(String),
    /// `AMANA_NOW` cannot be read (worded by the report clock).
    #[error("{0}")]
    Clock(String),
}

impl From<CliError> for Failure {
    fn from(e: CliError) -> Self {
        match e {
            CliError::BackupUnverified(_) => Failure::Unverified(e.to_string()),
            CliError::BundleNotWritable(_)
            | CliError::Label(_)
            | CliError::Bank(_)
            | CliError::AllocationPart(_)
            | CliError::Posting { .. }
            | CliError::ImportFormat(_)
            | CliError::ImportFormatFile(_)
            | CliError::AccountsWithCsv
            | CliError::Language(_)
            | CliError::Clock(_) => Failure::Invalid(e.to_string()),
            CliError::Anchor(anchor) => Failure::Invalid(super::lang::anchor_error(&anchor)),
        }
    }
}

impl From<LedgerError> for Failure {
    fn from(e: LedgerError) -> Self {
        match &e {
            LedgerError::Store(StoreError::Exists(_) | StoreError::Unencodable { .. }) => {
                Failure::Invalid(e.to_string())
            }
            LedgerError::Store(_)
            | LedgerError::Io { .. }
            | LedgerError::File(FileError::Io { .. }) => Failure::Environment(e.to_string()),
            LedgerError::File(_) => Failure::Invalid(e.to_string()),
            LedgerError::Rules(errors) => Failure::Invalid(super::lang::rules(errors)),
            LedgerError::Refused(refusal) => Failure::Invalid(super::lang::refusal(refusal)),
            LedgerError::Invalid(error) => Failure::Invalid(super::lang::domain(error)),
            LedgerError::Import(_) => Failure::Invalid(e.to_string()),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        LedgerError::from(e).into()
    }
}

impl From<DomainError> for Failure {
    fn from(e: DomainError) -> Self {
        Failure::Invalid(super::lang::domain(&e))
    }
}

impl From<OpenError> for Failure {
    fn from(e: OpenError) -> Self {
        match e {
            OpenError::Ledger(e) => e.into(),
            e @ OpenError::Unreadable(_) => Failure::Environment(e.to_string()),
            e @ OpenError::NotVerified { .. } => Failure::Unverified(e.to_string()),
        }
    }
}

impl From<BackupError> for Failure {
    fn from(e: BackupError) -> Self {
        match e {
            BackupError::Ledger(e) => e.into(),
            BackupError::Refused(m) => Failure::Invalid(super::lang::refusal(&m)),
            BackupError::Io { .. } => Failure::Environment(e.to_string()),
            BackupError::Unverified { .. } => Failure::Unverified(e.to_string()),
        }
    }
}

/// Every error of making a key is exit 2, as it always was, even one writing the file.
impl From<KeyError> for Failure {
    fn from(e: KeyError) -> Self {
        Failure::Invalid(e.to_string())
    }
}

impl From<CloseError> for Failure {
    fn from(e: CloseError) -> Self {
        match e {
            CloseError::Ledger(e) => e.into(),
            CloseError::NoDedicatedAccount | CloseError::NoUnrestrictedAccount => {
                Failure::Invalid(e.to_string())
            }
        }
    }
}

impl From<amana::app::assets::AssetError> for Failure {
    fn from(e: amana::app::assets::AssetError) -> Self {
        use amana::app::assets::AssetError;
        match e {
            AssetError::Ledger(e) => e.into(),
            other => Failure::Invalid(other.to_string()),
        }
    }
}

impl From<QueryError> for Failure {
    fn from(e: QueryError) -> Self {
        match e {
            QueryError::Store(e) => e.into(),
            QueryError::UnknownGrant { .. } | QueryError::PeriodBackwards { .. } => {
                Failure::Invalid(e.to_string())
            }
        }
    }
}

impl From<VerifyError> for Failure {
    fn from(e: VerifyError) -> Self {
        match e {
            e @ VerifyError::Bundle(_) => Failure::Environment(e.to_string()),
            VerifyError::Ledger(e) => e.into(),
        }
    }
}

impl From<ReceiptFileError> for Failure {
    fn from(e: ReceiptFileError) -> Self {
        match e {
            ReceiptFileError::Ledger(e) => e.into(),
            ReceiptFileError::NotAReceipt { .. } => Failure::Invalid(e.to_string()),
        }
    }
}
