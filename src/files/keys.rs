//! Officers' key files (Ed25519).
//!
//! A private key lives in a file outside the ledger (PKCS#8 PEM, permissions 0600, the format
//! `openssl pkey` reads), optionally encrypted under a passphrase (PBES2: scrypt and
//! AES-256-CBC, "ENCRYPTED PRIVATE KEY", which `openssl pkey -passin` reads too); only public
//! keys enter the chain. What a key signs, and how a signature is checked, is
//! [`crate::chain::signing`]: this module only reads, writes and protects the files.
//!
//! The passphrase of an encrypted key is read from the environment variable
//! [`PASSPHRASE_ENV`] when it is set (for scripts), and asked on the terminal otherwise, never
//! on standard input or output, which may be a pipe or a file.

use std::io::Read;
use std::path::{Path, PathBuf};

use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
use ed25519_dalek::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use pkcs8::EncryptedPrivateKeyInfoRef;
use pkcs8::der::zeroize::Zeroizing;

use crate::chain::Hash;
use crate::chain::signing::{Signed, signed_message};

/// The environment variable that gives the passphrase of an encrypted key (scripts, tests);
/// without it, amana asks on the terminal.
pub const PASSPHRASE_ENV: &str = "AMANA_PASSPHRASE";

/// The PEM label of an encrypted PKCS#8 key.
const ENCRYPTED_LABEL: &str = "ENCRYPTED PRIVATE KEY";

/// A key file is a few hundred bytes; reading stops well past that.
const MAX_KEY_FILE_BYTES: u64 = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A key file that is not there, or not a regular file.
    #[error(transparent)]
    File(#[from] crate::files::FileError),
    #[error("{}: not an Ed25519 private key in PKCS#8 PEM (make one with `amana key generate`)", .0.display())]
    NotAPrivateKey(PathBuf),
    #[error("{}: not an Ed25519 public key (PEM, 64 hex digits, or a private key file)", .0.display())]
    NotAPublicKey(PathBuf),
    #[error("{}: a file is already there; amana never overwrites a key", .0.display())]
    Exists(PathBuf),
    #[error("the system's random number generator failed: {0}")]
    Random(getrandom::Error),
    /// Writing a new private key as PEM failed; encrypting it draws its salt and IV from the
    /// system's generator, and the sentence has always blamed that.
    #[error("the system's random number generator failed: {0}")]
    EncodePrivate(ed25519_dalek::pkcs8::Error),
    /// Writing a new public key as PEM failed (the same sentence as ever).
    #[error("the system's random number generator failed: {0}")]
    EncodePublic(ed25519_dalek::pkcs8::spki::Error),
    #[error("{}: wrong passphrase: the key is encrypted, and this passphrase does not open it (nothing was changed)", .0.display())]
    WrongPassphrase(PathBuf),
    #[error("{}: the key's passphrase is needed and could not be asked ({}): run the command on a terminal, or give the passphrase in the environment variable {PASSPHRASE_ENV}", path.display(), why_not_asked(.source))]
    NoPassphrase {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the two passphrases typed differ; nothing was written, run the command again", .0.display())]
    PassphrasesDiffer(PathBuf),
    #[error("{}: an empty passphrase protects nothing; type one, or leave out --passphrase for a key protected only by its file's permissions", .0.display())]
    EmptyPassphrase(PathBuf),
    #[error("{}: this is an encrypted private key; give its public key file ({})", .0.display(), public_path(.0).display())]
    EncryptedNotPublic(PathBuf),
}

/// A private key loaded from its file.
pub struct PrivateKey {
    key: SigningKey,
}

impl PrivateKey {
    /// Generates a key and writes it to `path` (0600), with its public key beside it
    /// (`path.pub`). Refuses to overwrite either file.
    pub fn generate(path: &Path) -> Result<PrivateKey, KeyError> {
        Self::write_new(path, None::<fn() -> Result<Zeroizing<String>, KeyError>>)
    }

    /// [`PrivateKey::generate`], the private key encrypted under the passphrase `passphrase`
    /// gives (asked only once both files are known to be free).
    pub fn generate_protected(
        path: &Path,
        passphrase: impl FnOnce() -> Result<Zeroizing<String>, KeyError>,
    ) -> Result<PrivateKey, KeyError> {
        Self::write_new(path, Some(passphrase))
    }

    fn write_new(
        path: &Path,
        passphrase: Option<impl FnOnce() -> Result<Zeroizing<String>, KeyError>>,
    ) -> Result<PrivateKey, KeyError> {
        let public_path = public_path(path);
        for p in [path, public_path.as_path()] {
            if p.exists() {
                return Err(KeyError::Exists(p.to_path_buf()));
            }
        }
        let passphrase = passphrase.map(|ask| ask()).transpose()?;
        if passphrase.as_ref().is_some_and(|p| p.is_empty()) {
            return Err(KeyError::EmptyPassphrase(path.to_path_buf()));
        }
        let mut seed = Zeroizing::new([0u8; 32]);
        getrandom::fill(seed.as_mut()).map_err(KeyError::Random)?;
        let key = SigningKey::from_bytes(&seed);
        // PKCS#8 v1 (the seed alone, RFC 8410), the form every OpenSSL reads (`openssl pkey`);
        // the v2 form with the public key beside it is not read by OpenSSL 3.0.
        let pair = ed25519_dalek::pkcs8::KeypairBytes {
            secret_key: key.to_bytes(),
            public_key: None,
        };
        // Encrypted with PBES2, scrypt (log2 N = 14, r = 8, p = 1: what OpenSSL 3 accepts) and
        // AES-256-CBC, the pkcs8 crate's recommended parameters.
        let pem = match &passphrase {
            None => pair.to_pkcs8_pem(LineEnding::LF),
            Some(p) => pair.to_pkcs8_encrypted_pem(p.as_bytes(), LineEnding::LF),
        }
        .map_err(KeyError::EncodePrivate)?;
        let public = key
            .verifying_key()
            .to_public_key_pem(LineEnding::LF)
            .map_err(KeyError::EncodePublic)?;
        // Each file appears whole or not at all (a full disk leaves no empty key behind), and
        // never over an existing one; the private key is readable by its owner only.
        let io = |path: &Path, e: crate::files::FileError| match e {
            crate::files::FileError::Exists { path } => KeyError::Exists(path),
            other => KeyError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::other(other.to_string()),
            },
        };
        crate::files::write_new_with(path, false, Some(0o600), |f| {
            use std::io::Write;
            f.write_all(pem.as_bytes())
        })
        .map_err(|e| io(path, e))?;
        if let Err(e) = crate::files::write_new(&public_path, public.as_bytes(), false) {
            let _ = std::fs::remove_file(path);
            return Err(io(&public_path, e));
        }
        Ok(PrivateKey { key })
    }

    /// Reads a private key file; an encrypted one is opened with its passphrase, from
    /// [`PASSPHRASE_ENV`] or asked on the terminal.
    pub fn load(path: &Path) -> Result<PrivateKey, KeyError> {
        Self::load_with(path, || passphrase_for(path))
    }

    /// [`PrivateKey::load`], the passphrase of an encrypted key given by `passphrase` (called
    /// only when the key is encrypted).
    pub fn load_with(
        path: &Path,
        passphrase: impl FnOnce() -> Result<Zeroizing<String>, KeyError>,
    ) -> Result<PrivateKey, KeyError> {
        let text = read_key_file(path)?;
        let not_a_key = || KeyError::NotAPrivateKey(path.to_path_buf());
        if !is_encrypted(&text) {
            let key = SigningKey::from_pkcs8_pem(&text).map_err(|_| not_a_key())?;
            return Ok(PrivateKey { key });
        }
        let (label, doc) = pkcs8::Document::from_pem(&text).map_err(|_| not_a_key())?;
        if label != ENCRYPTED_LABEL {
            return Err(not_a_key());
        }
        let info = EncryptedPrivateKeyInfoRef::try_from(doc.as_bytes()).map_err(|_| not_a_key())?;
        let passphrase = passphrase()?;
        // A wrong passphrase fails the padding check, or (once in 256 tries) yields bytes that
        // are not a key: either way, the passphrase does not open it.
        let wrong = || KeyError::WrongPassphrase(path.to_path_buf());
        let der = info.decrypt(passphrase.as_bytes()).map_err(|_| wrong())?;
        let key = SigningKey::from_pkcs8_der(der.as_bytes()).map_err(|_| wrong())?;
        Ok(PrivateKey { key })
    }

    pub fn public_key(&self) -> [u8; 32] {
        self.key.verifying_key().to_bytes()
    }

    /// Signs the chain entry of kind `what` whose hash is given.
    pub fn sign(&self, what: Signed, entry_hash: &Hash) -> [u8; 64] {
        self.key.sign(&signed_message(what, entry_hash)).to_bytes()
    }

    pub fn sign_seal(&self, seal_entry_hash: &Hash) -> [u8; 64] {
        self.sign(Signed::Seal, seal_entry_hash)
    }

    pub fn sign_approval(&self, officer_entry_hash: &Hash) -> [u8; 64] {
        self.sign(Signed::Officer, officer_entry_hash)
    }
}

/// A key file's text: a regular file (not a FIFO that would never end), of a key's size.
fn read_key_file(path: &Path) -> Result<String, KeyError> {
    let io = |source| KeyError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = crate::files::open_regular(path, true)?;
    let mut text = String::new();
    file.take(MAX_KEY_FILE_BYTES)
        .read_to_string(&mut text)
        .map_err(io)?;
    Ok(text)
}

fn is_encrypted(pem: &str) -> bool {
    pem.contains(&format!("-----BEGIN {ENCRYPTED_LABEL}-----"))
}

/// The passphrase of the encrypted key at `path`: from [`PASSPHRASE_ENV`] when it is set,
/// asked on the terminal otherwise.
pub fn passphrase_for(path: &Path) -> Result<Zeroizing<String>, KeyError> {
    if let Some(p) = passphrase_from_env() {
        return Ok(p);
    }
    ask(path, &format!("Passphrase of the key {}: ", path.display()))
}

/// A passphrase for a new key at `path`: from [`PASSPHRASE_ENV`] when it is set, or typed
/// twice on the terminal.
pub fn new_passphrase(path: &Path) -> Result<Zeroizing<String>, KeyError> {
    if let Some(p) = passphrase_from_env() {
        return Ok(p);
    }
    let first = ask(
        path,
        &format!("Passphrase to protect {} (not shown): ", path.display()),
    )?;
    if first.is_empty() {
        return Err(KeyError::EmptyPassphrase(path.to_path_buf()));
    }
    let again = ask(path, "The same passphrase again: ")?;
    if *first != *again {
        return Err(KeyError::PassphrasesDiffer(path.to_path_buf()));
    }
    Ok(first)
}

fn passphrase_from_env() -> Option<Zeroizing<String>> {
    std::env::var_os(PASSPHRASE_ENV).map(|v| Zeroizing::new(v.to_string_lossy().into_owned()))
}

fn ask(path: &Path, prompt: &str) -> Result<Zeroizing<String>, KeyError> {
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|source| KeyError::NoPassphrase {
            path: path.to_path_buf(),
            source,
        })
}

/// Why a passphrase could not be asked, as [`KeyError::NoPassphrase`] says it.
fn why_not_asked(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        // ENXIO: no controlling terminal (a script, a service, CI).
        Some(6) => "no terminal".to_string(),
        _ => e.to_string(),
    }
}

/// Reads a public key: a PEM public key, a private key file (its public half), or 64 hex digits.
pub fn load_public(path: &Path) -> Result<[u8; 32], KeyError> {
    let text = read_key_file(path)?;
    if is_encrypted(&text) {
        return Err(KeyError::EncryptedNotPublic(path.to_path_buf()));
    }
    if let Ok(k) = VerifyingKey::from_public_key_pem(&text) {
        return Ok(k.to_bytes());
    }
    if let Ok(k) = SigningKey::from_pkcs8_pem(&text) {
        return Ok(k.verifying_key().to_bytes());
    }
    let hex_text = text.trim();
    if let Ok(bytes) = hex::decode(hex_text)
        && let Ok(pk) = <[u8; 32]>::try_from(bytes.as_slice())
        && VerifyingKey::from_bytes(&pk).is_ok()
    {
        return Ok(pk);
    }
    Err(KeyError::NotAPublicKey(path.to_path_buf()))
}

/// `key.pem` → `key.pem.pub`.
pub fn public_path(path: &Path) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(".pub");
    PathBuf::from(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::signing::{officer_message, seal_message, verify_seal, verify_signed};

    /// The errors of making a key carry the library's error and say what they always said.
    #[test]
    fn a_failure_to_make_a_key_is_said_as_ever() {
        assert_eq!(
            KeyError::Random(getrandom::Error::UNSUPPORTED).to_string(),
            "the system's random number generator failed: getrandom: this target is not supported"
        );
        let pkcs8 = ed25519_dalek::pkcs8::Error::ParametersMalformed;
        assert_eq!(
            KeyError::EncodePrivate(pkcs8).to_string(),
            format!("the system's random number generator failed: {pkcs8}")
        );
        let spki = ed25519_dalek::pkcs8::spki::Error::AlgorithmParametersMissing;
        assert_eq!(
            KeyError::EncodePublic(spki).to_string(),
            format!("the system's random number generator failed: {spki}")
        );
    }

    #[test]
    fn keys_sign_and_verify_strictly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("treasurer.pem");
        let key = PrivateKey::generate(&path).unwrap();
        assert!(PrivateKey::generate(&path).is_err(), "never overwrites");
        let loaded = PrivateKey::load(&path).unwrap();
        assert_eq!(loaded.public_key(), key.public_key());
        assert_eq!(load_public(&public_path(&path)).unwrap(), key.public_key());
        let h = [7u8; 32];
        let sig = key.sign_seal(&h);
        assert!(verify_seal(&key.public_key(), &h, &sig));
        assert!(!verify_seal(&key.public_key(), &[8u8; 32], &sig));
        let mut bad = sig;
        bad[10] ^= 1;
        assert!(!verify_seal(&key.public_key(), &h, &bad));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn an_encrypted_key_opens_with_its_passphrase_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("president.pem");
        let given = || Ok(Zeroizing::new("sésame ouvre-toi".to_string()));
        let key = PrivateKey::generate_protected(&path, given).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"),
            "{text}"
        );
        let loaded = PrivateKey::load_with(&path, given).unwrap();
        assert_eq!(loaded.public_key(), key.public_key());
        for wrong in ["sésame", "", "sésame ouvre-toi "] {
            let r = PrivateKey::load_with(&path, || Ok(Zeroizing::new(wrong.to_string())));
            assert!(matches!(r, Err(KeyError::WrongPassphrase(_))), "{wrong:?}");
        }
        assert!(matches!(
            load_public(&path),
            Err(KeyError::EncryptedNotPublic(_))
        ));
        assert_eq!(load_public(&public_path(&path)).unwrap(), key.public_key());
        // Asked for nothing when the key is not encrypted.
        let plain = dir.path().join("plain.pem");
        PrivateKey::generate(&plain).unwrap();
        PrivateKey::load_with(&plain, || panic!("no passphrase for a plain key")).unwrap();
        // An empty passphrase is refused before anything is written.
        let empty = dir.path().join("empty.pem");
        assert!(matches!(
            PrivateKey::generate_protected(&empty, || Ok(Zeroizing::new(String::new()))),
            Err(KeyError::EmptyPassphrase(_))
        ));
        assert!(!empty.exists() && !public_path(&empty).exists());
    }

    #[test]
    fn each_kind_signs_under_its_own_domain() {
        let dir = tempfile::tempdir().unwrap();
        let key = PrivateKey::generate(&dir.path().join("k.pem")).unwrap();
        let h = [3u8; 32];
        assert_eq!(&seal_message(&h)[..14], b"amana/v1/seal\0");
        assert_eq!(&officer_message(&h)[..17], b"amana/v1/officer\0");
        let sig = key.sign(Signed::Seal, &h);
        assert!(verify_signed(Signed::Seal, &key.public_key(), &h, &sig));
        assert!(!verify_signed(Signed::Officer, &key.public_key(), &h, &sig));
        assert_eq!(Signed::from_kind("seal"), Some(Signed::Seal));
        assert_eq!(Signed::from_kind("lock"), Some(Signed::Lock));
        assert_eq!(
            &signed_message(Signed::Revocation, &h)[..20],
            b"amana/v1/revocation\0"
        );
        assert_eq!(Signed::from_kind("transaction"), None);
    }
}
