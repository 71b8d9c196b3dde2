#!/usr/bin/env python3
"""Golden vectors of the amana chain, format version 1, computed independently of amana.

Written from schema/CHAIN.md alone (Python standard library only; it shares no code with amana
nor with examples/verify_chain.py): the value encoding (section 2), the entry header (3), the
kinds (4), the entry and chain hashes (1), the RFC 6962 Merkle root (5b), Ed25519 signatures
(RFC 8032, written out below and checked against the RFC's own test vectors) and the seal
fingerprint (5b). tests/suite/chain_vectors.rs freezes what this prints and checks that amana encodes
the same entries to the same bytes, and re-runs this script to check that the frozen constants
are still what it computes.

    python3 tests/chain_vectors.py        # prints the Rust constants
"""

import hashlib
import struct

# ---------------------------------------------------------------- section 2: values


def text(s):
    b = s.encode("utf-8")
    return b"\x01" + struct.pack(">I", len(b)) + b


def integer(i):
    return b"\x02" + struct.pack(">q", i)


def date(s):
    assert len(s) == 10
    return b"\x03" + s.encode("ascii")


def boolean(v):
    return b"\x04" + (b"\x01" if v else b"\x00")


def blob(b):
    return b"\x05" + struct.pack(">I", len(b)) + b


def items(rows):
    """A LIST: each item is the concatenation of its values."""
    return b"\x06" + struct.pack(">I", len(rows)) + b"".join(b"".join(r) for r in rows)


NULL = b"\x00"


def opt(f, v):
    return NULL if v is None else f(v)


# ---------------------------------------------------------------- sections 1 and 3: entries

MAGIC = b"AMANA\x01"
TIME = 1_767_225_600_000_000
ACTOR = "trésorière"


def body(kind, seq, *fields):
    return MAGIC + text(kind) + integer(seq) + integer(TIME) + text(ACTOR) + b"".join(fields)


def sha256(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
    return h.digest()


def entry_hash(b):
    return sha256(b"amana/v1/entry\0", b)


def chain_hash(seq, prev, eh):
    return sha256(b"amana/v1/chain\0", struct.pack(">Q", seq), prev, eh)


# ---------------------------------------------------------------- section 5b: Merkle, fingerprint


def merkle_root(leaves):
    """RFC 6962 MTH over entry hashes."""
    if not leaves:
        return sha256(b"")
    if len(leaves) == 1:
        return sha256(b"\x00", leaves[0])
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return sha256(b"\x01", merkle_root(leaves[:k]), merkle_root(leaves[k:]))


def fingerprint(eh):
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    n = int.from_bytes(eh[:10], "big")
    s = "".join(alphabet[(n >> (75 - 5 * i)) & 31] for i in range(16))
    return "-".join(s[i:i + 4] for i in range(0, 16, 4))


# ---------------------------------------------------------------- Ed25519 (RFC 8032, section 5.1)

P = 2 ** 255 - 19
L = 2 ** 252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
GY = 4 * pow(5, P - 2, P) % P


def recover_x(y, sign):
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * pow(2, (P - 1) // 4, P) % P
    if x % 2 != sign:
        x = P - x
    return x


G = (recover_x(GY, 0), GY, 1, recover_x(GY, 0) * GY % P)


def add(p, q):
    a = (p[1] - p[0]) * (q[1] - q[0]) % P
    b = (p[1] + p[0]) * (q[1] + q[0]) % P
    c = 2 * p[3] * q[3] * D % P
    d = 2 * p[2] * q[2] % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def mul(s, p):
    q = (0, 1, 1, 0)
    while s:
        if s & 1:
            q = add(q, p)
        p = add(p, p)
        s >>= 1
    return q


def encode_point(p):
    zi = pow(p[2], P - 2, P)
    x, y = p[0] * zi % P, p[1] * zi % P
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


def secret_expand(seed):
    h = hashlib.sha512(seed).digest()
    a = int.from_bytes(h[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    return a, h[32:]


def public_key(seed):
    a, _ = secret_expand(seed)
    return encode_point(mul(a, G))


def sign(seed, message):
    a, prefix = secret_expand(seed)
    A = encode_point(mul(a, G))
    r = int.from_bytes(hashlib.sha512(prefix + message).digest(), "little") % L
    R = encode_point(mul(r, G))
    k = int.from_bytes(hashlib.sha512(R + A + message).digest(), "little") % L
    s = (r + k * a) % L
    return R + s.to_bytes(32, "little")


# RFC 8032 section 7.1, tests 1 and 2: this implementation is the RFC's.
SEED1 = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
SEED2 = bytes.fromhex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
assert public_key(SEED1).hex() == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
assert sign(SEED1, b"").hex() == (
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
    "d25bf5f0595bbe24655141438e7a100b")
assert public_key(SEED2).hex() == "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"
assert sign(SEED2, b"\x72").hex() == (
    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c"
    "387b2eaeb4302aeeb00d291612bb0c00")

# ---------------------------------------------------------------- the vectors (section 4)


def posting(account, amount, grant=None, line=None, orig=None, memo=None):
    oa, oc = orig if orig else (None, None)
    return [text(account), integer(amount), opt(text, grant), opt(text, line),
            opt(integer, oa), opt(text, oc), opt(text, memo)]


def vectors():
    bodies = []
    chains = [b"\0" * 32]
    hashes = []

    def push(b):
        seq = len(bodies) + 1
        eh = entry_hash(b)
        bodies.append(b)
        hashes.append(eh)
        chains.append(chain_hash(seq, chains[-1], eh))
        return eh

    push(body("ledger", 1, blob(bytes(range(16))), text("جمعية خطوة"), text("MAD"), text("01-01"),
              text("none"), items([[text("EUR"), integer(2)], [text("MAD"), integer(2)],
                                   [text("TND"), integer(3)]])))
    push(body("account", 2, text("5141"), text("Banque"), text("asset"),
              items([[text("ar"), text("البنك")]])))
    push(body("funder", 3, text("EU"), text("Union européenne"), text("foreign-public"), NULL))
    push(body("grant", 4, text("EU-2026"), text("EU"), integer(4_500_000), text("EUR"),
              date("2026-01-01"), date("2026-12-31"), boolean(True), text("Alphabétisation")))
    push(body("budget-line", 5, text("EU-2026"), text("training"), text("Formation"),
              integer(4_500_000), NULL))
    push(body("import", 6, blob(b"\xab" * 32), text("mars.csv"), integer(2), integer(1),
              boolean(False)))
    push(body("transaction", 7, integer(1), date("2026-03-02"), text("Versement UE"),
              text("BQ-12"), NULL, NULL, integer(6),
              items([posting("5141", 29_160_000, orig=(2_700_000, "EUR")),
                     posting("7161", -29_160_000, grant="EU-2026", orig=(-2_700_000, "EUR"),
                             memo="tranche 1")])))
    push(body("reversal", 8, integer(2), date("2026-03-03"), text("Reversal of #1: Versement UE"),
              NULL, integer(1), text("doublon"), NULL,
              items([posting("5141", -29_160_000), posting("7161", 29_160_000)])))
    # The kinds amana's own vectors above do not cover.
    push(body("closing", 9, integer(3), date("2026-12-31"), text("Clôture de l'exercice 2026"),
              NULL, NULL, NULL, NULL,
              items([posting("7161", 29_160_000), posting("3100", -29_160_000)]),
              integer(2026), date("2026-01-01"), text("3100"), text("3000")))
    push(body("officer", 10, text("fatima"), text("Fatima Zahra"), text("treasurer"),
              blob(public_key(SEED1))))
    officer = push(body("officer", 11, text("karim"), text("Karim"), text("auditor"),
                        blob(public_key(SEED2))))
    seal = push(body("seal", 12, date("2026-12-31"), integer(11), blob(chains[11]),
                     blob(merkle_root(hashes[:11])), NULL, NULL,
                     items([[text("3100"), integer(-29_160_000)],
                            [text("7161"), integer(29_160_000)]]),
                     items([[text("EU-2026"), integer(0), integer(0)]]),
                     items([[text("5141"), integer(0), text("Relevé 12/2026")]])))
    push(body("signature", 13, integer(12), text("fatima"),
              blob(sign(SEED1, b"amana/v1/seal\0" + seal))))
    push(body("signature", 14, integer(11), text("fatima"),
              blob(sign(SEED1, b"amana/v1/officer\0" + officer))))
    document = "Facture 0301: 29160.00 MAD\n".encode()
    push(body("receipt", 15, integer(1), blob(sha256(document)), text("facture-0301.pdf"),
              integer(len(document))))
    return bodies, chains[1:], hashes, seal


def main():
    bodies, chains, hashes, seal = vectors()
    print("// Generated by `python3 tests/chain_vectors.py`: do not edit by hand.")
    print(f"const INDEPENDENT: [(&str, &str); {len(bodies)}] = [")
    for b, c in zip(bodies, chains):
        print(f'    (\n        "{b.hex()}",\n        "{c.hex()}",\n    ),')
    print("];")
    print("const INDEPENDENT_MERKLE_ROOT_11: &str =")  # (as rustfmt wraps it)
    print(f'    "{merkle_root(hashes[:11]).hex()}";')
    print(f'const INDEPENDENT_SEAL_FINGERPRINT: &str = "{fingerprint(seal)}";')
    print("// End of generated constants.")


if __name__ == "__main__":
    main()
