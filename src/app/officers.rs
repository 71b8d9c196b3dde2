//! Officers as user actions: registering one with their public key (approved by officers in
//! standing once the books have a seal), and approving one registered after the first seal.
//! What gives an officer standing is [`crate::rules::governance`]'s.

use std::path::{Path, PathBuf};

use crate::app::decisions::{DecisionOutcome, load_key, load_keys, sign_entry, signer};
use crate::app::{Ledger, LedgerError, Refusal, Written, append_record, load_book};
use crate::chain::{Hash, Record};
use crate::domain::{Officer, OfficerId, OfficerRole, text};
use crate::files::keys::{self, PrivateKey};
use crate::rules::Book;
use crate::store::Appender;

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// Appends an approval of the officer registered at `seq` by the officer holding `key`.
fn approve(
    app: &mut Appender<'_>,
    book: &mut Book,
    actor: &str,
    officer: &OfficerId,
    seq: i64,
    hash: &Hash,
    key: &PrivateKey,
) -> Result<Written> {
    let approver = signer(book, key)?;
    if book.is_endorsed(officer) && approver != *officer {
        return Err(Refusal::OfficerAlreadyApproved {
            officer: officer.clone(),
        }
        .into());
    }
    debug_assert_eq!(
        book.officer_entry(officer).and_then(|(_, h)| h),
        Some(*hash)
    );
    sign_entry(app, book, actor, seq, key)
}

impl Ledger {
    /// Registers an officer with the public key read from `key_file`, approved by the
    /// officers whose key files are given (required once the books have a seal: until then,
    /// the officers registered are the association's founding ones).
    pub fn add_officer(
        &mut self,
        id: &OfficerId,
        name: &str,
        role: OfficerRole,
        key_file: &Path,
        approvers: &[PathBuf],
    ) -> Result<Written> {
        let public_key = keys::load_public(key_file).map_err(Refusal::Key)?;
        let officer = Officer {
            id: id.clone(),
            name: text::clean("name", name)?,
            role,
            public_key,
        };
        let approvers = load_keys(approvers)?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = load_book(app)?;
            let written = append_record(app, &mut book, &actor, Record::Officer(officer.clone()))?;
            if !approvers.is_empty() && book.officer_entry(&officer.id).is_none() {
                return Err(Refusal::FoundingOfficerApproved {
                    officer: officer.id.clone(),
                }
                .into());
            }
            for key in &approvers {
                approve(
                    app,
                    &mut book,
                    &actor,
                    &officer.id,
                    written.seq,
                    &written.entry_hash,
                    key,
                )?;
            }
            Ok(written)
        })
    }

    /// An endorsed officer approves officer `id`, registered after the first seal, so that
    /// their signatures count.
    pub fn approve_officer(&mut self, id: &OfficerId, key_file: &Path) -> Result<DecisionOutcome> {
        let id = id.clone();
        let key = load_key(key_file)?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = load_book(app)?;
            let Some((seq, hash)) = book.officer_entry(&id) else {
                let officer = id.clone();
                return Err(if book.officer_key(&id).is_some() {
                    Refusal::FoundingOfficerNeedsNoApproval { officer }
                } else {
                    Refusal::OfficerNotRegistered { officer }
                }
                .into());
            };
            if let Some(at) = book.governance().revoked_at(&id) {
                return Err(Refusal::ApprovalOfRevoked { officer: id, at }.into());
            }
            let hash = hash.expect("a stored officer entry has its hash");
            approve(app, &mut book, &actor, &id, seq, &hash, &key)?;
            Ok(DecisionOutcome::of(&book, seq))
        })
    }
}
