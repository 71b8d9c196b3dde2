//! Officers' signatures (Ed25519): the signing domains, the one place the signed message is
//! made, strict verification, and the fingerprints people read aloud.
//!
//! An officer signs a chain entry of a given kind (a seal, a new officer's registration, a
//! decision) over `"amana/v1/KIND\0" ‖ entry_hash(entry)` ([`signed_message`]), and signatures
//! are checked with `verify_strict`, which refuses the malleable and small-order signatures that
//! plain verification accepts. The keys themselves live in files: [`crate::files::keys`].

use ed25519_dalek::{Signature, VerifyingKey};

use crate::chain::Hash;

/// What an officer's signature is about: a chain entry of one kind. Each kind is signed under
/// a domain of its own, so that a signature of one can never stand for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signed {
    /// A seal: the officer vouches for the books it covers.
    Seal,
    /// A new officer's registration: the officer approves them.
    Officer,
    /// The officers' decisions (see [`crate::rules::governance`]).
    Closing,
    Lock,
    Reopen,
    Revocation,
    Policy,
}

impl Signed {
    /// The kind of the chain entry signed, as `amana log` names it.
    pub fn kind(self) -> &'static str {
        match self {
            Signed::Seal => "seal",
            Signed::Officer => "officer",
            Signed::Closing => "closing",
            Signed::Lock => "lock",
            Signed::Reopen => "reopen",
            Signed::Revocation => "revocation",
            Signed::Policy => "policy",
        }
    }

    pub fn from_kind(kind: &str) -> Option<Signed> {
        [
            Signed::Seal,
            Signed::Officer,
            Signed::Closing,
            Signed::Lock,
            Signed::Reopen,
            Signed::Revocation,
            Signed::Policy,
        ]
        .into_iter()
        .find(|s| s.kind() == kind)
    }

    /// `"amana/v1/" ‖ kind ‖ "\0"` (schema/CHAIN.md, the `signature` entry).
    fn domain(self) -> Vec<u8> {
        format!("amana/v1/{}\0", self.kind()).into_bytes()
    }
}

/// The message an officer signs for the chain entry of kind `what` whose hash is given: made
/// here only, for the signatures written in the ledger, in a signature file and in a member's
/// receipt alike.
pub fn signed_message(what: Signed, entry_hash: &Hash) -> Vec<u8> {
    let mut m = what.domain();
    m.extend_from_slice(entry_hash);
    m
}

/// Checks strictly an officer's signature of the chain entry of kind `what`.
pub fn verify_signed(what: Signed, public_key: &[u8], entry_hash: &Hash, signature: &[u8]) -> bool {
    verify(public_key, &signed_message(what, entry_hash), signature)
}

/// The message an officer signs for a seal.
pub fn seal_message(seal_entry_hash: &Hash) -> Vec<u8> {
    signed_message(Signed::Seal, seal_entry_hash)
}

/// The message an officer signs to approve a new officer.
pub fn officer_message(officer_entry_hash: &Hash) -> Vec<u8> {
    signed_message(Signed::Officer, officer_entry_hash)
}

/// Checks a seal signature strictly.
pub fn verify_seal(public_key: &[u8], seal_entry_hash: &Hash, signature: &[u8]) -> bool {
    verify_signed(Signed::Seal, public_key, seal_entry_hash, signature)
}

/// Checks an officer's approval of a new officer strictly.
pub fn verify_approval(public_key: &[u8], officer_entry_hash: &Hash, signature: &[u8]) -> bool {
    verify_signed(Signed::Officer, public_key, officer_entry_hash, signature)
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

/// Whether 32 bytes are a valid Ed25519 public key.
pub fn is_public_key(bytes: &[u8]) -> bool {
    <[u8; 32]>::try_from(bytes)
        .is_ok_and(|pk| VerifyingKey::from_bytes(&pk).is_ok_and(|k| !k.is_weak()))
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
