//! Making an officer's key pair: the private key file (0600, never overwritten), its public
//! key beside it, and what the officer is told about them. The command line once did this
//! itself; here every caller makes keys the same way, through `files::keys`.

use std::path::{Path, PathBuf};

use crate::chain::signing;
use crate::files::keys::{self, KeyError, PrivateKey};

/// A key pair just written.
pub struct NewKey {
    /// The private key file and the public key file beside it.
    pub file: PathBuf,
    pub public_file: PathBuf,
    pub public_key: [u8; 32],
    /// The key's fingerprint, as officers compare it.
    pub fingerprint: String,
    /// The private key is encrypted under a passphrase.
    pub encrypted: bool,
    /// A passphrase is set in the environment ([`keys::PASSPHRASE_ENV`]), but the key was not
    /// asked to be encrypted: the officer may believe it is.
    pub passphrase_ignored: bool,
}

/// Writes a new private key to `file` and its public key beside it; with `encrypted`, the
/// private key is encrypted under a passphrase asked on the terminal (or read from the
/// environment).
pub fn generate_key(file: &Path, encrypted: bool) -> Result<NewKey, KeyError> {
    let key = if encrypted {
        PrivateKey::generate_protected(file, || keys::new_passphrase(file))
    } else {
        PrivateKey::generate(file)
    }?;
    let public_key = key.public_key();
    Ok(NewKey {
        file: file.to_path_buf(),
        public_file: keys::public_path(file),
        public_key,
        fingerprint: signing::fingerprint(&public_key),
        encrypted,
        passphrase_ignored: !encrypted && std::env::var_os(keys::PASSPHRASE_ENV).is_some(),
    })
}
