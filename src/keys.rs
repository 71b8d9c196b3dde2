//! Officers' keys and signatures (Ed25519).
//!
//! A private key lives in a file outside the ledger (PKCS#8 PEM, permissions 0600, the format
//! `openssl pkey` reads); only public keys enter the chain. A seal is signed over
//! `"amana/v1/seal\0" ‖ entry_hash(seal)`, and checked with `verify_strict`, which refuses the
//! malleable and small-order signatures that plain verification accepts.

use std::path::{Path, PathBuf};

use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
use ed25519_dalek::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use crate::chain::Hash;

const SEAL_DOMAIN: &[u8] = b"amana/v1/seal\0";
const OFFICER_DOMAIN: &[u8] = b"amana/v1/officer\0";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not an Ed25519 private key in PKCS#8 PEM (make one with `amana key generate`)", .0.display())]
    NotAPrivateKey(PathBuf),
    #[error("{}: not an Ed25519 public key (PEM, 64 hex digits, or a private key file)", .0.display())]
    NotAPublicKey(PathBuf),
    #[error("{}: a file is already there; amana never overwrites a key", .0.display())]
    Exists(PathBuf),
    #[error("the system's random number generator failed: {0}")]
    Random(String),
}

/// The message an officer signs for a seal.
pub fn seal_message(seal_entry_hash: &Hash) -> Vec<u8> {
    let mut m = SEAL_DOMAIN.to_vec();
    m.extend_from_slice(seal_entry_hash);
    m
}

/// The message an officer signs for the entry of kind `kind` (a seal, or a decision: `officer`
/// for an approval, `closing`, `lock`, `reopen`, `revocation`, `policy`):
/// `"amana/v1/<kind>\0" ‖ entry_hash`, so a signature of one kind never stands for another.
pub fn decision_message(kind: &str, entry_hash: &Hash) -> Vec<u8> {
    let mut m = format!("amana/v1/{kind}\0").into_bytes();
    m.extend_from_slice(entry_hash);
    m
}

/// Checks a signature of an entry of kind `kind` strictly.
pub fn verify_decision(kind: &str, public_key: &[u8], entry_hash: &Hash, signature: &[u8]) -> bool {
    verify(public_key, &decision_message(kind, entry_hash), signature)
}

/// The message an officer signs to approve a new officer (another domain than seals', so a
/// signature of one can never stand for the other).
pub fn officer_message(officer_entry_hash: &Hash) -> Vec<u8> {
    let mut m = OFFICER_DOMAIN.to_vec();
    m.extend_from_slice(officer_entry_hash);
    m
}

/// Checks a seal signature strictly.
pub fn verify_seal(public_key: &[u8], seal_entry_hash: &Hash, signature: &[u8]) -> bool {
    verify(public_key, &seal_message(seal_entry_hash), signature)
}

/// Checks an officer's approval of a new officer strictly.
pub fn verify_approval(public_key: &[u8], officer_entry_hash: &Hash, signature: &[u8]) -> bool {
    verify(public_key, &officer_message(officer_entry_hash), signature)
}

fn verify(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let (Ok(pk), Ok(sig)) = (
        <[u8; 32]>::try_from(public_key),
        <[u8; 64]>::try_from(signature),
    ) else {
        return false;
    };
    let Ok(key) = VerifyingKey::from_bytes(&pk) else {
        return false;
    };
    key.verify_strict(message, &Signature::from_bytes(&sig))
        .is_ok()
}

/// A private key loaded from its file.
pub struct PrivateKey {
    key: SigningKey,
}

impl PrivateKey {
    /// Generates a key and writes it to `path` (0600), with its public key beside it
    /// (`path.pub`). Refuses to overwrite either file.
    pub fn generate(path: &Path) -> Result<PrivateKey, KeyError> {
        let public_path = public_path(path);
        for p in [path, public_path.as_path()] {
            if p.exists() {
                return Err(KeyError::Exists(p.to_path_buf()));
            }
        }
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| KeyError::Random(e.to_string()))?;
        let key = SigningKey::from_bytes(&seed);
        // PKCS#8 v1 (the seed alone, RFC 8410), the form every OpenSSL reads (`openssl pkey`);
        // the v2 form with the public key beside it is not read by OpenSSL 3.0.
        let pem = ed25519_dalek::pkcs8::KeypairBytes {
            secret_key: key.to_bytes(),
            public_key: None,
        }
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| KeyError::Random(e.to_string()))?;
        let public = key
            .verifying_key()
            .to_public_key_pem(LineEnding::LF)
            .map_err(|e| KeyError::Random(e.to_string()))?;
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

    pub fn load(path: &Path) -> Result<PrivateKey, KeyError> {
        let text = std::fs::read_to_string(path).map_err(|source| KeyError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let key = SigningKey::from_pkcs8_pem(&text)
            .map_err(|_| KeyError::NotAPrivateKey(path.to_path_buf()))?;
        Ok(PrivateKey { key })
    }

    pub fn public_key(&self) -> [u8; 32] {
        self.key.verifying_key().to_bytes()
    }

    pub fn sign_seal(&self, seal_entry_hash: &Hash) -> [u8; 64] {
        self.key.sign(&seal_message(seal_entry_hash)).to_bytes()
    }

    /// Signs the entry of kind `kind` (see [`decision_message`]).
    pub fn sign_decision(&self, kind: &str, entry_hash: &Hash) -> [u8; 64] {
        self.key
            .sign(&decision_message(kind, entry_hash))
            .to_bytes()
    }

    pub fn sign_approval(&self, officer_entry_hash: &Hash) -> [u8; 64] {
        self.key
            .sign(&officer_message(officer_entry_hash))
            .to_bytes()
    }
}

/// Reads a public key: a PEM public key, a private key file (its public half), or 64 hex digits.
pub fn load_public(path: &Path) -> Result<[u8; 32], KeyError> {
    let text = std::fs::read_to_string(path).map_err(|source| KeyError::Io {
        path: path.to_path_buf(),
        source,
    })?;
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

/// Whether 32 bytes are a valid Ed25519 public key.
pub fn is_public_key(bytes: &[u8]) -> bool {
    <[u8; 32]>::try_from(bytes)
        .is_ok_and(|pk| VerifyingKey::from_bytes(&pk).is_ok_and(|k| !k.is_weak()))
}

/// `key.pem` → `key.pem.pub`.
pub fn public_path(path: &Path) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(".pub");
    PathBuf::from(p)
}

/// A short fingerprint a person can read aloud and compare on paper: the first 80 bits of a
/// hash in Crockford base32, grouped by four (`K7QF-3MZA-PX2D-9RTB`).
pub fn fingerprint(hash: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut bits: u128 = 0;
    for b in hash.iter().take(10) {
        bits = (bits << 8) | u128::from(*b);
    }
    let chars: Vec<char> = (0..16)
        .map(|i| ALPHABET[((bits >> (75 - 5 * i)) & 31) as usize] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Normalises a fingerprint typed by a person (case, O/0, I/L/1, missing dashes).
pub fn normalise_fingerprint(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    clean
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn fingerprints_are_readable() {
        let f = fingerprint(&[0xFF; 32]);
        assert_eq!(f, "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        assert_eq!(fingerprint(&[0; 32]), "0000-0000-0000-0000");
        assert_eq!(
            normalise_fingerprint("zzzz zzzz-zzzzzzzz"),
            "ZZZZ-ZZZZ-ZZZZ-ZZZZ"
        );
        assert_eq!(normalise_fingerprint("o0il"), "0011");
    }
}
