#!/usr/bin/env python3
"""Independent verifier for amana ledgers and audit bundles.

It follows schema/CHAIN.md, format version 1, and nothing else: it uses only the Python 3.11
standard library and shares no code with amana. In one pass over the chain it checks

  * the hash chain of the `log` table (section 1),
  * that every body is the strict, canonical version-1 encoding of an entry (sections 2-4),
  * the fifteen rules of section 5, replayed in order: among them the seals' content (rule 10,
    with an incremental RFC 6962 Merkle accumulator, section 5b), the officers' Ed25519
    signatures of seals and decisions (rule 11, verified in pure Python below), the decisions
    and what they change once signed (rule 15: approvals, closings, locks, reopenings,
    revocations, policies), the closings (rule 14) and the supporting documents in the
    receipt store (rule 13),
  * the warnings of section 7 about the entries' times (reported apart: they fail nothing),
  * `--anchor N:HEX` heads and `--seal FINGERPRINT` seals published outside the ledger
    (section 7),
  * and, for a ledger file, that every projected table holds exactly the rows the chain stands
    for (section 6). An audit bundle (section 7b) has no tables: everything else is checked,
    and its summaries (ledger.json, officers.json, seals.json) are compared with its chain.

It never stops at the first finding: each is printed as `entry SEQ: KIND: detail` with a kind
from section 7 (SEQ is 0 when a finding belongs to no entry), followed by the seals, the
coverage (signed_through, anchored_through, unanchored) and a summary line; `--json` prints the
object of section 7 instead. Where CHAIN.md leaves a choice open, the comments say which reading
this verifier takes.

Usage:  python3 verify_chain.py LEDGER.db [--json] [--anchor N:HEX]... [--seal FINGERPRINT]...
        python3 verify_chain.py --bundle DIR [--json] [--anchor N:HEX]... [--seal FINGERPRINT]...
Exit:   0 intact, 1 at least one problem, 2 usage error or unreadable / non-amana input.
"""
import argparse
import datetime
import hashlib
import json
import os
import re
import sqlite3
import stat
import struct
import sys
import time
import unicodedata
import urllib.request

APPLICATION_ID = 0x414D4E41  # "AMNA"
MAGIC = b"AMANA\x01"
ENTRY_PREFIX = b"amana/v1/entry\0"
CHAIN_PREFIX = b"amana/v1/chain\0"
SIGN_PREFIX = b"amana/v1/"  # a signature's message: SIGN_PREFIX || kind || 0 || entry_hash
ZERO = bytes(32)
LIMIT = 10 ** 13  # rule 5: every amount is within +-LIMIT minor units
MAX_QUORUM = 99  # section 4: a policy's quorum is from 1 to 99


def sha256(*parts):
    return hashlib.sha256(b"".join(parts)).digest()


# ---------------------------------------------------------------- Ed25519 (RFC 8032), verify only
# Points of edwards25519 in extended coordinates (X, Y, Z, T): x = X/Z, y = Y/Z, x*y = T/Z.
P = 2 ** 255 - 19                                      # the field
L = 2 ** 252 + 27742317777372353535851937790883648493  # order of the base point
D = -121665 * pow(121666, -1, P) % P                   # curve: -x^2 + y^2 = 1 + d x^2 y^2
SQRT_M1 = pow(2, (P - 1) // 4, P)
IDENTITY = (0, 1, 1, 0)


def pt_add(p, q):
    """RFC 8032 section 5.1.4: complete addition (also used to double)."""
    x1, y1, z1, t1 = p
    x2, y2, z2, t2 = q
    a, b = (y1 - x1) * (y2 - x2) % P, (y1 + x1) * (y2 + x2) % P
    c, d = 2 * t1 * t2 * D % P, 2 * z1 * z2 % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return e * f % P, g * h % P, f * g % P, e * h % P


def pt_mul(s, p):
    q = IDENTITY
    while s:
        if s & 1:
            q = pt_add(q, p)
        p, s = pt_add(p, p), s >> 1
    return q


def pt_encode(p):
    x, y, z, _ = p
    zi = pow(z, -1, P)
    x, y = x * zi % P, y * zi % P
    return (y | (x & 1) << 255).to_bytes(32, "little")


def pt_decode(b):
    """RFC 8032 section 5.1.3, strictly: None for y >= p, for "-0" (x = 0 with the sign bit
    set) and for a y with no point on the curve, so only canonical encodings decode."""
    if not isinstance(b, bytes) or len(b) != 32:
        return None
    n = int.from_bytes(b, "little")
    sign, y = n >> 255, n & ((1 << 255) - 1)
    if y >= P:
        return None
    u, v = (y * y - 1) % P, (D * y * y + 1) % P
    x = u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P) % P  # candidate sqrt(u/v)
    if (v * x * x - u) % P:
        x = x * SQRT_M1 % P
        if (v * x * x - u) % P:
            return None
    if x == 0 and sign:
        return None
    if x & 1 != sign:
        x = P - x
    return x, y, 1, x * y % P


def small_order(p):
    """True when [8]p is the identity (the 8 points of order 1, 2, 4 or 8)."""
    for _ in range(3):
        p = pt_add(p, p)
    return p[0] % P == 0 and (p[1] - p[2]) % P == 0


B = pt_decode((4 * pow(5, -1, P) % P).to_bytes(32, "little"))  # base point: y = 4/5, x even


def ed25519_verify_strict(public, message, signature):
    """RFC 8032 section 5.1.7 as ed25519-dalek's `verify_strict` does it: reject S >= L,
    non-canonical encodings of A and R, and small-order A or R; then check, without the
    cofactor, that the canonical encoding of [S]B - [k]A is the signature's R bytes, where
    k = SHA-512(R || A || message) mod L."""
    if not (isinstance(public, bytes) and isinstance(signature, bytes) and len(signature) == 64):
        return False
    a, r, s = pt_decode(public), pt_decode(signature[:32]), int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= L or small_order(a) or small_order(r):
        return False
    k = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % L
    minus_a = (P - a[0], a[1], a[2], P - a[3])
    return pt_encode(pt_add(pt_mul(s, B), pt_mul(k, minus_a))) == signature[:32]


# ---------------------------------------------------------------- section 5b: Merkle tree
class Merkle:
    """RFC 6962 tree head, kept incrementally: a stack of the roots of the perfect subtrees
    (sizes strictly decreasing powers of two) that the leaves so far split into."""

    def __init__(self):
        self.stack = []  # [(size, root)]

    def add(self, data):
        size, node = 1, sha256(b"\x00", data)
        while self.stack and self.stack[-1][0] == size:
            node, size = sha256(b"\x01", self.stack.pop()[1], node), size * 2
        self.stack.append((size, node))

    def root(self):
        if not self.stack:
            return sha256(b"")
        node = self.stack[-1][1]
        for _, left in reversed(self.stack[:-1]):  # split at the largest power of two < n
            node = sha256(b"\x01", left, node)
        return node


CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def fingerprint(entry_hash):
    n = int.from_bytes(entry_hash[:10], "big")
    s = "".join(CROCKFORD[(n >> (75 - 5 * i)) & 31] for i in range(16))
    return "-".join(s[i:i + 4] for i in range(0, 16, 4))


# ---------------------------------------------------------------- section 2: values and schemas
NULL, TEXT, INT, DATE, BOOL, BYTES, LIST = range(7)
TYPE_NAMES = ["NULL", "TEXT", "INT", "DATE", "BOOL", "BYTES", "LIST"]


def F(name, typ, optional=False, items=None):
    return (name, typ, optional, items)


HEADER = [F("kind", TEXT), F("seq", INT), F("time", INT), F("actor", TEXT)]
POSTING = [F("account", TEXT), F("amount", INT), F("grant", TEXT, True), F("line", TEXT, True),
           F("original_amount", INT, True), F("original_currency", TEXT, True),
           F("memo", TEXT, True)]
TRANSACTION = [F("id", INT), F("date", DATE), F("description", TEXT), F("reference", TEXT, True),
               F("reverses", INT, True), F("reason", TEXT, True), F("batch", INT, True),
               F("postings", LIST, items=POSTING)]
SCHEMAS = {
    "ledger": [F("id", BYTES), F("name", TEXT), F("currency", TEXT), F("fiscal_year_start", TEXT),
               F("chart", TEXT),
               F("currencies", LIST, items=[F("code", TEXT), F("exponent", INT)])],
    "account": [F("code", TEXT), F("name", TEXT), F("type", TEXT),
                F("labels", LIST, items=[F("lang", TEXT), F("text", TEXT)])],
    "funder": [F("id", TEXT), F("name", TEXT), F("type", TEXT), F("country", TEXT, True)],
    "grant": [F("id", TEXT), F("funder", TEXT), F("amount", INT), F("currency", TEXT),
              F("start", DATE), F("end", DATE), F("restricted", BOOL), F("purpose", TEXT, True)],
    "budget-line": [F("grant", TEXT), F("line", TEXT), F("label", TEXT), F("amount", INT),
                    F("account", TEXT, True)],
    "import": [F("file_sha256", BYTES), F("file_name", TEXT), F("rows", INT),
               F("transactions", INT), F("forced", BOOL)],
    "transaction": TRANSACTION,
    "reversal": TRANSACTION,
    "closing": TRANSACTION + [F("fiscal_year", INT), F("start", DATE),
                              F("restricted_account", TEXT), F("unrestricted_account", TEXT)],
    # fund accounting at a year's end (rules 14 to 14c)
    "year-closing": TRANSACTION + [F("fiscal_year", INT), F("start", DATE),
                                   F("surplus_account", TEXT), F("deficit_account", TEXT),
                                   F("dedicated_account", TEXT)],
    "dedicated-funds": TRANSACTION + [F("fiscal_year", INT), F("start", DATE),
                                      F("dedicated_account", TEXT), F("charge_account", TEXT),
                                      F("release_account", TEXT)],
    "allocation": TRANSACTION + [F("fiscal_year", INT), F("closing", INT)],
    "officer": [F("id", TEXT), F("name", TEXT), F("role", TEXT), F("public_key", BYTES)],
    "seal": [F("period_end", DATE, True), F("covered", INT), F("head", BYTES),
             F("merkle_root", BYTES), F("previous_seq", INT, True), F("previous_hash", BYTES, True),
             F("trial_balance", LIST, items=[F("account", TEXT), F("balance", INT)]),
             F("grants", LIST, items=[F("grant", TEXT), F("received", INT), F("spent", INT)]),
             F("banks", LIST, items=[F("account", TEXT), F("balance", INT),
                                     F("statement", TEXT)])],
    "signature": [F("seal", INT), F("officer", TEXT), F("signature", BYTES)],
    "receipt": [F("entry", INT), F("sha256", BYTES), F("file_name", TEXT), F("size", INT)],
    "policy": [F("quorum", INT)],
    "lock": [F("through", DATE), F("reason", TEXT)],
    "reopen": [F("year", INT), F("reason", TEXT)],
    "revocation": [F("officer", TEXT), F("reason", TEXT)],
    # corrections of the set-up (rule 16)
    "grant-amendment": [F("grant", TEXT), F("effective", DATE), F("amount", INT, True),
                        F("end", DATE, True), F("reason", TEXT)],
    "account-change": [F("code", TEXT), F("effective", DATE, True), F("name", TEXT, True),
                       F("retired", BOOL), F("reason", TEXT)],
    "budget-line-amendment": [F("grant", TEXT), F("line", TEXT), F("effective", DATE),
                              F("amount", INT, True), F("withdrawn", BOOL), F("reason", TEXT)],
    "funder-change": [F("id", TEXT), F("name", TEXT), F("reason", TEXT)],
    # where income comes from (rule 17)
    "source": [F("entry", INT), F("posting", INT), F("funder", TEXT)],
    # fixed assets (rule 19)
    "asset": [F("id", TEXT), F("label", TEXT), F("transaction", INT), F("posting", INT),
              F("life_months", INT), F("start", DATE), F("depreciation_account", TEXT),
              F("expense_account", TEXT), F("release_account", TEXT, True),
              F("income_account", TEXT, True)],
    "depreciation": TRANSACTION + [F("asset", TEXT), F("start", DATE)],
    # money in a grant's own currency (rules 20 and 21)
    "rate": [F("currency", TEXT), F("date", DATE), F("rate", INT), F("source", TEXT, True)],
    "grant-terms": [F("grant", TEXT), F("rate_method", TEXT), F("closing_days", INT),
                    F("budget_currency", TEXT)],
    # explanations of budget variances (rule 22)
    "variance-note": [F("grant", TEXT), F("line", TEXT), F("through", DATE), F("text", TEXT)],
    # the ledger's settings for reports (rule 23)
    "setting": [F("key", TEXT), F("value", TEXT)],
    # a grant's threshold of variances that need an explanation (rule 24)
    "variance-threshold": [F("grant", TEXT), F("percent", INT), F("amount", INT)],
    # bank statements, their lines in suspense, reconciliations (rules 25 to 27)
    "bank-import": [F("account", TEXT), F("file_sha256", BYTES), F("file_name", TEXT),
                    F("layout", TEXT), F("rows", INT), F("skipped", INT),
                    F("suspense", TEXT, True), F("lines", LIST, items=[F("fingerprint", BYTES)])],
    "bank-assignment": [F("entry", INT), F("transaction", INT)],
    "reconciliation": [F("account", TEXT), F("date", DATE), F("balance", INT), F("books", INT),
                       F("statement", TEXT), F("entries", LIST, items=[F("entry", INT)])],
    # a funder's organisation identifier (rule 28)
    "funder-identifier": [F("funder", TEXT), F("org_id", TEXT)],
}
# An organisation identifier (rules 23 and 28): a registration agency's code (two capital
# letters, optionally `_` and two more, `-`, capitals, digits and `_`), `-`, then an identifier
# of ASCII letters, digits, `.`, `_`, `:` and `-` starting with a letter or digit; at most 100
# characters in all. (`\Z`, not `$`: `$` would let a final newline through.)
ORG_ID = re.compile(r"(?=.{1,100}\Z)[A-Z]{2}(?:_[A-Z0-9]{2})?-[A-Z0-9][A-Z0-9_]*-"
                    r"[A-Za-z0-9][A-Za-z0-9._:-]*\Z", re.ASCII)
MAX_NOTE_CHARS = 2000
MAX_THRESHOLD_PERCENT = 1000
RATE_METHODS = {"instalments", "daily"}
LANGUAGES = {"ar", "fr", "en"}  # rule 23
_ZONES = None


def known_zone(name):
    """Whether `name` is an IANA time zone (rule 23), from Python's tz database; where Python
    has none (no system zoneinfo, no tzdata package), only the shape of the name is checked."""
    global _ZONES
    if _ZONES is None:
        try:
            import zoneinfo
            _ZONES = zoneinfo.available_timezones()
        except ImportError:
            _ZONES = set()
    if not _ZONES:
        return re.fullmatch(r"[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*", name) is not None
    return name in _ZONES
BUDGET_CURRENCIES = {"base", "grant"}
MAX_CLOSING_DAYS = 3660
# the kinds with an id, a date and postings
MOVES = ("transaction", "reversal", "closing", "year-closing", "dedicated-funds", "allocation",
         "depreciation")
# the kinds whose postings count in a grant's received and spent (rule 10)
RECORDED = ("transaction", "reversal")
# the year-end kinds that name the account holding dedicated funds (rule 14b)
CARRIES = ("year-closing", "dedicated-funds")
ACCOUNT_TYPES = {"asset", "liability", "net-assets", "income", "expense", "memorandum"}
FUNDER_TYPES = {"public-local", "public-national", "foreign-public", "foreign-private", "private",
                "individual", "members"}
ROLES = {"president", "vice-president", "treasurer", "deputy-treasurer", "secretary-general",
         "auditor", "board-member"}
CHARTS = {"ma-associations", "generic", "none"}
IDENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
CURRENCY = re.compile(r"[A-Z]{3}")
COUNTRY = re.compile(r"[A-Z]{2}")
LANG = re.compile(r"[a-z]{2,3}")
BIDI_CONTROLS = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


class Undecodable(Exception):
    pass


def is_date(text):
    """A real proleptic Gregorian date written YYYY-MM-DD with leading zeros."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return False
    try:
        datetime.date(int(text[:4]), int(text[5:7]), int(text[8:]))
        return True
    except ValueError:
        return False


class Reader:
    """Strict decoder: every field must carry exactly its schema's tag (or NULL if optional)."""

    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, n):
        if self.pos + n > len(self.data):
            raise Undecodable(f"truncated: {n} byte(s) needed at offset {self.pos}, "
                              f"{len(self.data) - self.pos} left")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def u32(self):
        return struct.unpack(">I", self.take(4))[0]

    def record(self, schema, path=""):
        return {f[0]: self.value(f, path + f[0]) for f in schema}

    def value(self, field, path):
        _, typ, optional, items = field
        at = self.pos
        tag = self.take(1)[0]
        if tag == NULL and optional:
            return None
        if tag != typ:
            got = TYPE_NAMES[tag] if tag < len(TYPE_NAMES) else f"unknown tag 0x{tag:02x}"
            raise Undecodable(f"{path} (offset {at}): expected {TYPE_NAMES[typ]}, found {got}")
        if typ == TEXT:
            raw = self.take(self.u32())
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise Undecodable(f"{path}: invalid UTF-8 ({e.reason})") from None
        if typ == INT:
            return struct.unpack(">q", self.take(8))[0]
        if typ == DATE:
            text = self.take(10).decode("latin-1")
            if not is_date(text):
                raise Undecodable(f"{path}: {text!r} is not a real YYYY-MM-DD date")
            return text
        if typ == BOOL:
            b = self.take(1)[0]
            if b > 1:
                raise Undecodable(f"{path}: BOOL byte 0x{b:02x} is neither 0x00 nor 0x01")
            return b == 1
        if typ == BYTES:
            return self.take(self.u32())
        return [self.record(items, f"{path}[{i}].") for i in range(self.u32())]  # LIST


def decode(body):
    """Return (entry, trailing byte count); entry merges header and kind fields in one dict."""
    if body[:6] != MAGIC:
        raise Undecodable(f"bad magic {body[:6].hex()} (expected {MAGIC.hex()})")
    r = Reader(body)
    r.pos = 6
    entry = r.record(HEADER)
    if entry["kind"] not in SCHEMAS:
        raise Undecodable(f"unknown kind {entry['kind']!r}")
    entry.update(r.record(SCHEMAS[entry["kind"]]))
    return entry, len(body) - r.pos


def encode_value(field, v):
    _, typ, _, items = field
    if v is None:
        return b"\x00"
    if typ == TEXT:
        v = v.encode("utf-8")
    payload = {INT: lambda: struct.pack(">q", v), DATE: lambda: v.encode("ascii"),
               BOOL: lambda: bytes([v]), TEXT: lambda: struct.pack(">I", len(v)) + v,
               BYTES: lambda: struct.pack(">I", len(v)) + v,
               LIST: lambda: struct.pack(">I", len(v)) + b"".join(encode_record(items, it)
                                                                  for it in v)}[typ]()
    return bytes([typ]) + payload


def encode_record(schema, rec):
    return b"".join(encode_value(f, rec[f[0]]) for f in schema)


def encode(entry):
    return MAGIC + encode_record(HEADER, entry) + encode_record(SCHEMAS[entry["kind"]], entry)


def text_problem(s):
    if s == "":
        return "empty text"
    if s[0].isspace() or s[-1].isspace():
        return "leading or trailing white space"
    if not unicodedata.is_normalized("NFC", s):
        return "not in Unicode NFC"
    for c in s:
        if unicodedata.category(c) == "Cc":
            return f"control character U+{ord(c):04X}"
        if ord(c) in BIDI_CONTROLS:
            return f"bidirectional control U+{ord(c):04X}"
    return None


def increasing(values):
    """Strictly increasing in byte order (UTF-8 byte order is code point order)."""
    return all(a < b for a, b in zip(values, values[1:]))


def canonical_problems(e):
    """Section 2 canonical form plus the syntax and closed value sets of section 4."""
    out = []

    def walk(schema, rec, path):
        for name, typ, _, items in schema:
            v = rec[name]
            if typ == TEXT and v is not None and (why := text_problem(v)):
                out.append(f"{path}{name}: {why}: {v!r}")
            elif typ == LIST:
                for i, item in enumerate(v):
                    walk(items, item, f"{path}{name}[{i}].")

    def check(path, v, ok, what):
        if v is not None and not ok(v):
            out.append(f"{path}: {show(v) if isinstance(v, bytes) else repr(v)} is not {what}")

    def ident(path, v):
        check(path, v, IDENT.fullmatch, "an identifier")

    def currency(path, v):
        check(path, v, CURRENCY.fullmatch, "a currency code")

    def nbytes(path, v, n):
        check(path, v, lambda b: len(b) == n, f"{n} bytes long")

    def ordered(path, items, field):
        if not increasing([it[field] for it in items]):
            out.append(f"{path}: items are not in strictly increasing {field} order")

    walk(HEADER, e, "")
    k = e["kind"]
    walk(SCHEMAS[k], e, "")
    if k == "ledger":
        nbytes("id", e["id"], 16)
        currency("currency", e["currency"])
        check("fiscal_year_start", e["fiscal_year_start"],
              lambda v: len(v) == 5 and v != "02-29" and is_date("2001-" + v), "MM-DD")
        check("chart", e["chart"], CHARTS.__contains__, "a known chart")
        for i, c in enumerate(e["currencies"]):
            currency(f"currencies[{i}].code", c["code"])
            check(f"currencies[{i}].exponent", c["exponent"], lambda x: 0 <= x <= 6, "in 0..6")
        ordered("currencies", e["currencies"], "code")
        if e["currency"] not in [c["code"] for c in e["currencies"]]:
            out.append(f"currencies: base currency {e['currency']!r} is not in the table")
    elif k == "account":
        ident("code", e["code"])
        check("type", e["type"], ACCOUNT_TYPES.__contains__, "an account type")
        for i, lab in enumerate(e["labels"]):
            check(f"labels[{i}].lang", lab["lang"], LANG.fullmatch, "an ISO 639 language tag")
        ordered("labels", e["labels"], "lang")
    elif k == "funder":
        ident("id", e["id"])
        check("type", e["type"], FUNDER_TYPES.__contains__, "a funder type")
        check("country", e["country"], COUNTRY.fullmatch, "an ISO 3166-1 alpha-2 code")
    elif k == "grant":
        ident("id", e["id"])
        ident("funder", e["funder"])
        currency("currency", e["currency"])
    elif k == "budget-line":
        ident("grant", e["grant"])
        ident("line", e["line"])
        ident("account", e["account"])
    elif k in ("import", "bank-import"):
        nbytes("file_sha256", e["file_sha256"], 32)
        check("file_name", e["file_name"], lambda v: "/" not in v, "a name without folders")
        if k == "bank-import":
            ident("account", e["account"])
            ident("suspense", e["suspense"])
            for i, line in enumerate(e["lines"]):
                nbytes(f"lines[{i}]", line["fingerprint"], 32)
    elif k == "reconciliation":
        ident("account", e["account"])
    elif k in MOVES:
        for i, p in enumerate(e["postings"]):
            ident(f"postings[{i}].account", p["account"])
            ident(f"postings[{i}].grant", p["grant"])
            ident(f"postings[{i}].line", p["line"])
            currency(f"postings[{i}].original_currency", p["original_currency"])
        for name in ("restricted_account", "unrestricted_account", "surplus_account",
                     "deficit_account", "dedicated_account", "charge_account", "release_account"):
            if name in e:
                ident(name, e[name])
        if k == "depreciation":
            ident("asset", e["asset"])
    elif k == "officer":
        ident("id", e["id"])
        check("role", e["role"], ROLES.__contains__, "an officer role")
        nbytes("public_key", e["public_key"], 32)
    elif k == "seal":
        for name in ("head", "merkle_root", "previous_hash"):
            nbytes(name, e[name], 32)
        for name, key in (("trial_balance", "account"), ("grants", "grant"), ("banks", "account")):
            for i, item in enumerate(e[name]):
                ident(f"{name}[{i}].{key}", item[key])
            ordered(name, e[name], key)
    elif k == "signature":
        ident("officer", e["officer"])
        nbytes("signature", e["signature"], 64)
    elif k == "receipt":
        nbytes("sha256", e["sha256"], 32)
        check("file_name", e["file_name"], lambda v: "/" not in v, "a name without folders")
    elif k == "policy":
        check("quorum", e["quorum"], lambda q: 1 <= q <= MAX_QUORUM, f"from 1 to {MAX_QUORUM}")
    elif k == "reopen":
        check("year", e["year"], lambda y: 1 <= y <= 9999, "from 1 to 9999")
    elif k == "revocation":
        ident("officer", e["officer"])
    elif k == "grant-amendment":
        ident("grant", e["grant"])
    elif k == "account-change":
        ident("code", e["code"])
    elif k == "budget-line-amendment":
        ident("grant", e["grant"])
        ident("line", e["line"])
    elif k == "funder-change":
        ident("id", e["id"])
    elif k == "source":
        ident("funder", e["funder"])
    elif k == "asset":
        for name in ("id", "depreciation_account", "expense_account", "release_account",
                     "income_account"):
            ident(name, e[name])
        check("income_account", e["income_account"],
              lambda v: (v is None) == (e["release_account"] is None),
              "present exactly when release_account is")
    elif k == "rate":
        currency("currency", e["currency"])
    elif k == "grant-terms":
        ident("grant", e["grant"])
        check("rate_method", e["rate_method"], RATE_METHODS.__contains__, "a rate method")
        check("budget_currency", e["budget_currency"], BUDGET_CURRENCIES.__contains__,
              "base or grant")
    elif k == "variance-note":
        ident("grant", e["grant"])
        ident("line", e["line"])
    elif k == "variance-threshold":
        ident("grant", e["grant"])
    elif k == "funder-identifier":
        ident("funder", e["funder"])
    return out


# ---------------------------------------------------------------- section 5: rules
class Rules:
    """Replays section 5. The caller sets `chains` (seq -> stored chain), `merkle` (entries
    before the current one) and `entry_hash` (of the current one) before each `apply`."""

    def __init__(self, report, store):
        self.report = report  # report(seq, kind, detail)
        self.store = store    # receipt store folder (rule 13)
        self.currencies = self.fy_start = None  # from the genesis entry
        self.accounts, self.funders, self.grants, self.lines = {}, set(), {}, set()
        self.base = None  # the ledger's currency
        self.rates, self.terms = set(), {}  # (currency, date) recorded; grant -> its terms
        self.last_id, self.transactions, self.reversed = 0, {}, set()
        self.moves = 0  # decoded transaction, reversal and closing entries
        self.import_hashes, self.pending = set(), None  # pending = [import seq, announced, left]
        # bank statements (rules 25 to 27): (account, fingerprint) of every line recorded; the
        # open statement's (seq, account, suspense); line transaction -> (suspense, amount) while
        # in suspense; transactions that assigned a line; (account, transaction) matched
        self.bank_lines, self.bank_batch, self.suspended = set(), None, {}
        self.assigning, self.reconciled = set(), set()
        self.statements = set()  # (account, date, balance) of each reconciliation (rule 10)
        # running totals for seals (rule 10) and closings (rule 14)
        self.balances, self.received, self.spent = {}, {}, {}
        self.dated = {}  # account -> [(date, amount)]: bank balances as of a day (rule 10)
        self.results = {}  # fiscal year -> ({income/expense account: net}, restricted part)
        # dedicated funds (rules 14 to 14c): grant -> [(date, received, spent)] of the recorded
        # transactions; grant -> what year-end entries carried to dedicated funds (a credit
        # positive); year-closing seq -> [year, result account, result amount, allocated]
        self.fund_days, self.carried, self.closed_results = {}, {}, {}
        # (fiscal year, restricted grant) -> the net of its income and expense postings since the
        # year's last closing: what a closing of the earlier kind `closing` carried (rule 14a)
        self.legacy = {}
        # seals, signatures and the officers' decisions (rules 9 to 12, 14 and 15)
        self.seals, self.last_seal = {}, None
        self.officers, self.keys = {}, {}  # officers: id -> public key; keys: key -> id
        self.standing = set()  # officers whose signatures count now
        self.revoked = {}  # officer -> seq at which their revocation took effect
        self.quorum = None  # the policy in force; None in a ledger from before policies
        # decisions by seq: {"kind", "subject" (officer it is about, or None), "effect" (what
        # it does, a tuple), "hash", "signers" (officers whose signature verified), "effective"}
        self.decisions = {}
        self.locked = None  # the day the books are locked through (YYYY-MM-DD), or None
        self.closed_years = set()  # fiscal years closed by a closing in effect
        self.nbad = 0  # rule violations found so far in the entry being applied
        self.receipt_pairs, self.file_digests = set(), {}
        self.chains, self.merkle, self.entry_hash = {}, Merkle(), ZERO
        # published seals (section 7, --seal): fingerprint -> seq, or why it does not match
        self.seal_anchors, self.seals_found = set(), {}

    def skip(self, seq, row_kind):
        """An undecodable entry (section 7): it takes a transaction number when its row's
        `kind` is transaction, reversal or closing or when an import batch is open (counting as
        one of the batch's transactions), so that the entries after it are checked as if it had
        been accepted."""
        p = self.pending
        if p is not None or row_kind in MOVES:
            self.last_id += 1
            # Reading: that number is recorded (by an entry nobody can read), so a receipt or
            # reversal naming it is not reported again; the reversal cannot be compared with it.
            self.transactions.setdefault(self.last_id, None)
        if p is not None:
            p[2] -= 1
            if p[2] == 0:
                self.pending = None

    def skip_missing(self, n):
        """Entries missing from the log (a gap, section 7): as many of them as the open import
        batch still expects take transaction numbers (as undecodable ones do), so that the
        entries after the gap are checked as if the missing ones had been accepted."""
        p = self.pending
        if p is not None:
            taken = min(n, p[2])
            for _ in range(taken):
                self.last_id += 1
                self.transactions.setdefault(self.last_id, None)
            p[2] -= taken
            if p[2] == 0:
                self.pending = None

    def apply(self, seq, e):
        k = e["kind"]
        self.nbad = 0

        def bad(detail):
            self.nbad += 1
            self.report(seq, "rule-violation", detail)

        # rule 1 (the header seq is also reported, as `reordered`, with the log row)
        if e["seq"] != seq:
            bad(f"the header says seq {e['seq']}, the entry stands at {seq}")
        if k == "ledger" and seq != 1:
            bad("a ledger (genesis) entry may only stand at seq 1")
        if seq == 1 and k != "ledger":
            bad(f"seq 1 must be the ledger entry, found {k!r}")
        # rule 8: the batch that follows an import
        batch = e.get("batch") if k in MOVES else None
        p = self.pending
        in_batch = p is not None and k == "transaction" and batch == p[0]
        if p is not None and not in_batch:
            bad(f"import at seq {p[0]} announced {p[1]} transaction(s), only {p[1] - p[2]} "
                f"followed before this {k} entry")
            self.pending = None
        if batch is not None and not in_batch:
            bad(f"claims batch {batch}, but is not one of the transactions following that import")
        if in_batch:
            p[2] -= 1
            if p[2] == 0:
                self.pending = None
            self.bank_line(e, bad)
        handler = {"budget-line": self.budget_line, "import": self.import_,
                   "grant-amendment": self.grant_amendment,
                   "account-change": self.account_change,
                   "budget-line-amendment": self.budget_line_amendment,
                   "funder-change": self.funder_change, "source": self.source,
                   "year-closing": self.transaction, "dedicated-funds": self.transaction,
                   "allocation": self.transaction, "asset": self.asset,
                   "grant-terms": self.grant_terms,
                   "variance-note": self.variance_note,
                   "setting": self.setting,
                   "variance-threshold": self.variance_threshold,
                   "bank-import": self.bank_import, "bank-assignment": self.bank_assignment,
                   "funder-identifier": self.funder_identifier}.get(k)
        (handler or getattr(self, k))(seq, e, bad)
        if in_batch and not self.nbad:
            self.take_suspense(e)
        # Reading: an entry that breaks a rule is not admitted, so it decides nothing (it is
        # still counted in the totals, rule 10); amana does the same.
        if k in ("closing", "year-closing") and not self.nbad:
            self.decide(seq, "closing", None, ("closing", e["fiscal_year"], e["date"]))

    def in_table(self, code):
        return self.currencies is not None and code in self.currencies

    def ledger(self, seq, e, bad):
        if self.currencies is None:
            self.currencies = {c["code"]: c["exponent"] for c in e["currencies"]}
            self.base = e["currency"]
            self.fy_start = e["fiscal_year_start"]

    def account(self, seq, e, bad):  # rule 2
        if e["code"] in self.accounts:
            bad(f"account {e['code']!r} added twice")
        else:
            self.accounts[e["code"]] = e["type"]

    def funder(self, seq, e, bad):  # rule 2
        if e["id"] in self.funders:
            bad(f"funder {e['id']!r} added twice")
        self.funders.add(e["id"])

    def grant(self, seq, e, bad):  # rules 2 and 3
        if e["id"] in self.grants:
            bad(f"grant {e['id']!r} added twice")
        else:
            self.grants[e["id"]] = (e["start"], e["end"], e["restricted"])
            self.__dict__.setdefault("_grant_funders", {})[e["id"]] = e["funder"]
        if e["funder"] not in self.funders:
            bad(f"grant {e['id']!r}: funder {e['funder']!r} does not exist")
        if not self.in_table(e["currency"]):
            bad(f"grant {e['id']!r}: currency {e['currency']!r} is not in the currency table")
        if not 0 <= e["amount"] <= LIMIT:
            bad(f"grant {e['id']!r}: amount {e['amount']} is not between 0 and 10^13")
        if e["end"] < e["start"]:
            bad(f"grant {e['id']!r}: ends {e['end']} before it starts {e['start']}")

    def budget_line(self, seq, e, bad):  # rules 2 and 4
        key = (e["grant"], e["line"])
        if key in self.lines:
            bad(f"budget line {key} added twice")
        if e["grant"] not in self.grants:
            bad(f"budget line {e['line']!r}: grant {e['grant']!r} does not exist")
        else:
            self.lines.add(key)
        if e["account"] is not None and e["account"] not in self.accounts:
            bad(f"budget line {e['line']!r}: account {e['account']!r} does not exist")
        if not 0 <= e["amount"] <= LIMIT:
            bad(f"budget line {e['line']!r}: amount {e['amount']} is not between 0 and 10^13")

    def import_(self, seq, e, bad):  # rule 8
        digest = e["file_sha256"]
        if not e["forced"] and digest in self.import_hashes:
            bad(f"file {digest.hex()} was imported before and `forced` is false")
        self.import_hashes.add(digest)
        if e["transactions"] < 1:
            bad(f"import announces {e['transactions']} transactions (at least 1 required)")
        else:
            self.pending = [seq, e["transactions"], e["transactions"]]

    def transaction(self, seq, e, bad):  # rules 5, 6 and 9 (7 for reversals, 14 for closings)
        k, tid, date, postings = e["kind"], e["id"], e["date"], e["postings"]
        if tid != self.last_id + 1:
            bad(f"{k} id {tid} does not follow {self.last_id}")
        # Reading of "the previous id": the highest so far, so that an id that goes back is one
        # finding, not a second one at the entry after it (amana does the same).
        self.last_id = max(self.last_id, tid)
        if len(postings) < 2:
            bad(f"{k} {tid} has {len(postings)} posting(s), at least 2 required")
        total = sum(p["amount"] for p in postings)
        if total != 0:
            bad(f"{k} {tid}: postings sum to {total}, not 0")
        if self.locked is not None and date <= self.locked:  # rule 9
            bad(f"{k} {tid}: dated {date}, on or before {self.locked}, the day the books are "
                f"locked through")
        memo = [self.accounts.get(p["account"]) == "memorandum" for p in postings]
        if any(memo) and not all(memo):  # rule 18
            bad(f"{k} {tid}: posts to memorandum and to other accounts")
        for i, p in enumerate(postings):
            where = f"{k} {tid} posting {i}"
            if p["account"] not in self.accounts:
                bad(f"{where}: account {p['account']!r} does not exist")
            g, line = p["grant"], p["line"]
            if g is not None and g not in self.grants:
                bad(f"{where}: grant {g!r} does not exist")
            if line is not None and (g is None or (g, line) not in self.lines):
                bad(f"{where}: line {line!r} is not a budget line of grant {g!r}")
            oa, oc = p["original_amount"], p["original_currency"]
            for amount in (p["amount"], oa):
                if amount is not None and abs(amount) > LIMIT:
                    bad(f"{where}: amount {amount} is beyond 10^13 minor units")
            if (oa is None) != (oc is None):
                bad(f"{where}: original_amount and original_currency must be given together")
            if oc is not None and not self.in_table(oc):
                bad(f"{where}: original currency {oc!r} is not in the currency table")
            # (the sign of original_amount is not checked: section 4)
            if k != "reversal" and g in self.grants and (
                    line is not None or self.accounts.get(p["account"]) == "expense"):
                start, end, _ = self.grants[g]
                end = self.last_eligible(g, end)  # with its closing window (rule 18)
                if not start <= date <= end:
                    bad(f"{where}: dated {date}, outside grant {g!r} period {start}..{end}")
        if k == "transaction":
            if e["reverses"] is not None or e["reason"] is not None:
                bad(f"transaction {tid}: `reverses` and `reason` must be NULL")
        elif k == "reversal":
            self.check_reversal(e, bad)
        elif k == "depreciation":
            self.check_depreciation(e, bad)
        elif k == "closing":
            self.check_closing(e, bad)
        elif k == "year-closing":
            self.check_year_closing(e, bad)
        elif k == "dedicated-funds":
            self.check_dedicated_funds(e, bad)
        else:
            self.check_allocation(e, bad)
        self.transactions.setdefault(tid, e)
        self.moves += 1
        self.in_force(e, bad)
        # running totals for seals and closings: "all postings so far" (rule 10) is read as
        # every decoded entry of the chain, including one that breaks a rule (reported above)
        for p in postings:
            acct, amount, g = p["account"], p["amount"], p["grant"]
            atype = self.accounts.get(acct)
            self.balances[acct] = self.balances.get(acct, 0) + amount
            self.dated.setdefault(acct, []).append((date, amount))
            if g is not None and k in RECORDED:
                r = -amount if atype == "income" else 0
                s_ = amount if atype == "expense" or (g, p["line"]) in self.lines else 0
                self.received[g] = self.received.get(g, 0) + r
                self.spent[g] = self.spent.get(g, 0) + s_
                self.fund_days.setdefault(g, []).append((date, r, s_))
            if g is not None and k in CARRIES and acct == e["dedicated_account"]:
                years = self.carried.setdefault(g, {})
                years[e["fiscal_year"]] = years.get(e["fiscal_year"], 0) - amount
            if atype in ("income", "expense") and self.fy_start is not None:
                year = int(date[:4]) - (date[5:] < self.fy_start)  # the fiscal year it falls in
                net, r = self.results.setdefault(year, ({}, [0]))
                net[acct] = net.get(acct, 0) + amount
                if g in self.grants and self.grants[g][2]:
                    r[0] += amount
                    self.legacy[(year, g)] = self.legacy.get((year, g), 0) + amount
        if k in ("closing", "year-closing"):
            # rule 14a: a closing ends its year's restricted flows; one of the earlier kind
            # moved them to restricted net assets, so they count as carried
            fy = e["fiscal_year"]
            for (y, g), flow in list(self.legacy.items()):
                if y != fy:
                    continue
                self.legacy[(y, g)] = 0
                if k == "closing" and flow:
                    years = self.carried.setdefault(g, {})
                    years[fy] = years.get(fy, 0) - flow
        if k in ("closing", "year-closing") and self.fy_start is not None:
            # rule 14: a closing carries the restricted part recorded so far; a later closing
            # of the same year (after a reopening) counts only what is recorded after it
            date = e["date"]
            year = int(date[:4]) - (date[5:] < self.fy_start)
            if year in self.results:
                self.results[year][1][0] = 0

        if k == "year-closing":
            result = next((p for p in postings if p["grant"] is None and p["account"] in (
                e["surplus_account"], e["deficit_account"])), None)
            if result is not None:
                self.closed_results[seq] = [e["fiscal_year"], result["account"],
                                            result["amount"], None]
        if k == "allocation" and e["closing"] in self.closed_results:
            self.closed_results[e["closing"]][3] = seq

    reversal = closing = depreciation = transaction

    # ------------------------------------------------------------ rule 19: fixed assets
    def assets(self):
        """asset id -> {"entry", "cost", "life", "first" (months since year 0 of its first
        month), "done" (months depreciated), "postings" (what each depreciation posts)};
        ("posting", transaction, index) -> asset id. (Made on first use.)"""
        return self.__dict__.setdefault("_assets", {})

    def asset(self, seq, e, bad):  # rule 19
        assets, aid, tid, idx = self.assets(), e["id"], e["transaction"], e["posting"]
        src = self.transactions.get(tid)
        if aid in assets:
            return bad(f"asset {aid!r} registered twice")
        if src is None or src["kind"] != "transaction" or tid in self.reversed:
            return bad(f"asset {aid!r}: transaction {tid} is not a standing transaction")
        if not 0 <= idx < len(src["postings"]):
            return bad(f"asset {aid!r}: transaction {tid} has no posting {idx}")
        p = src["postings"][idx]
        if p["amount"] <= 0 or self.accounts.get(p["account"]) != "asset":
            return bad(f"asset {aid!r}: posting {idx} of transaction {tid} is not a debit to an "
                       f"asset account")
        if ("posting", tid, idx) in assets:
            return bad(f"asset {aid!r}: posting {idx} of transaction {tid} is already an asset")
        if not 1 <= e["life_months"] <= 1200:
            return bad(f"asset {aid!r}: life of {e['life_months']} months is not 1 to 1200")
        if e["start"] < src["date"]:
            return bad(f"asset {aid!r}: starts {e['start']}, before its purchase {src['date']}")
        roles = [("depreciation_account", "asset"), ("expense_account", "expense")]
        if e["release_account"] is not None:
            roles += [("release_account", "net-assets"), ("income_account", "income")]
        for name, typ in roles:
            if self.accounts.get(e[name]) != typ:
                return bad(f"asset {aid!r}: {name} {e[name]!r} is not a {typ} account")
        if (p["grant"] is None) != (e["release_account"] is None):
            return bad(f"asset {aid!r}: release and income accounts are given exactly when its "
                       f"posting is charged to a grant")
        lines = [(e["expense_account"], 1), (e["depreciation_account"], -1)]
        if e["release_account"] is not None:
            lines += [(e["release_account"], 1), (e["income_account"], -1)]
        y, m = int(e["start"][:4]), int(e["start"][5:7])
        assets[aid] = {"entry": tid, "cost": p["amount"], "life": e["life_months"],
                       "first": y * 12 + m - 1, "done": 0, "postings": lines}
        assets[("posting", tid, idx)] = aid

    def check_depreciation(self, e, bad):  # rule 19
        tid, aid, date, start = e["id"], e["asset"], e["date"], e["start"]
        a = self.assets().get(aid)
        if a is None:
            return bad(f"depreciation {tid}: asset {aid!r} is not registered")
        if e["reference"] is not None or e["reverses"] is not None or e["reason"] is not None \
                or e["batch"] is not None:
            return bad(f"depreciation {tid}: `reference`, `reverses`, `reason` and `batch` must "
                       f"be NULL")
        month = lambda n: f"{n // 12:04d}-{n % 12 + 1:02d}"
        first = a["first"] + a["done"]
        if a["done"] >= a["life"] or start != month(first) + "-01":
            return bad(f"depreciation {tid}: asset {aid!r} next month to depreciate is "
                       f"{month(first) if a['done'] < a['life'] else 'none'}, not {start}")
        y, m = int(date[:4]), int(date[5:7])
        last = y * 12 + m - 1
        try:
            month_end = (datetime.date(y + m // 12, m % 12 + 1, 1)
                         - datetime.timedelta(days=1)).isoformat()
        except ValueError:
            month_end = None
        if date != month_end or last < first or last >= a["first"] + a["life"]:
            return bad(f"depreciation {tid}: dated {date}, not the last day of a month of asset "
                       f"{aid!r}'s schedule from {start}")
        if self.fy_start is not None:
            fy = lambda d: int(d[:4]) - (d[5:] < self.fy_start)
            first_end = month(first + 1) + "-01"  # the day after the first month's last day
            first_last = (datetime.date.fromisoformat(first_end)
                          - datetime.timedelta(days=1)).isoformat()
            if fy(first_last) != fy(date):
                return bad(f"depreciation {tid}: {start} to {date} spans two fiscal years")
        each = a["cost"] // a["life"]
        amount = sum(a["cost"] - each * (a["life"] - 1) if n == a["life"] - 1 else each
                     for n in range(a["done"], last - a["first"] + 1))
        want = [{"account": acct, "amount": sign * amount, "grant": None, "line": None,
                 "original_amount": None, "original_currency": None, "memo": None}
                for acct, sign in a["postings"]]
        if e["postings"] != want:
            return bad(f"depreciation {tid}: postings are not asset {aid!r}'s schedule "
                       f"({amount} minor units)")
        a["done"] = last - a["first"] + 1

    # ------------------------------------------------------------ rule 16: corrections
    def usage(self):
        """("grant", G) -> {transaction id: date} of the standing transactions (of kind
        transaction, not reversed) that spend on G; ("account", A) -> the same for those that
        post to A; ("line", (G, L)) -> for those charged to budget line L of G: what a correction may not contradict. (Made on first use, so that the state
        of rule 16 stays in this part of the class.)"""
        return self.__dict__.setdefault("_usage", {})

    def retired(self):
        """account -> first day it takes no posting."""
        return self.__dict__.setdefault("_retired", {})

    def withdrawn(self):
        """(grant, line) -> first day the budget line takes no posting."""
        return self.__dict__.setdefault("_withdrawn", {})

    def in_force(self, e, bad):
        """What corrections forbid a transaction (a reversal or a closing is not held back),
        then the usage index."""
        k, tid, date, usage = e["kind"], e["id"], e["date"], self.usage()
        if k == "transaction":
            for i, p in enumerate(e["postings"]):
                since = self.retired().get(p["account"])
                if since is not None and date >= since:
                    bad(f"{k} {tid} posting {i}: account {p['account']!r} is retired from "
                        f"{since}")
                since = self.withdrawn().get((p["grant"], p["line"]))
                if since is not None and date >= since:
                    bad(f"{k} {tid} posting {i}: budget line {p['line']!r} of grant "
                        f"{p['grant']!r} is withdrawn from {since}")
            for p in e["postings"]:
                usage.setdefault(("account", p["account"]), {})[tid] = date
                g = p["grant"]
                if g is not None and p["line"] is not None:
                    usage.setdefault(("line", (g, p["line"])), {})[tid] = date
                if g is not None and (p["line"] is not None
                                      or self.accounts.get(p["account"]) == "expense"):
                    usage.setdefault(("grant", g), {})[tid] = date
        elif k == "reversal":
            for p in e["postings"]:
                usage.get(("account", p["account"]), {}).pop(e["reverses"], None)
                usage.get(("grant", p["grant"]), {}).pop(e["reverses"], None)
                usage.get(("line", (p["grant"], p["line"])), {}).pop(e["reverses"], None)

    def standing_uses(self, key, after):
        """Standing transactions of `key` dated after `after` (a date, or (date,) for "on or
        after"), by id."""
        return sorted(t for t, d in self.usage().get(key, {}).items()
                      if (d >= after[0] if isinstance(after, tuple) else d > after))

    def grant_amendment(self, seq, e, bad):
        g, amount, end = e["grant"], e["amount"], e["end"]
        if g not in self.grants:
            return bad(f"grant-amendment: grant {g!r} does not exist")
        if amount is None and end is None:
            return bad(f"grant-amendment of {g!r}: changes neither the amount nor the end")
        if amount is not None and not 0 <= amount <= LIMIT:
            return bad(f"grant-amendment of {g!r}: amount {amount} is not between 0 and 10^13")
        start, old_end, restricted = self.grants[g]
        if end is not None:
            if end < start:
                return bad(f"grant-amendment of {g!r}: ends {end} before it starts {start}")
            after = self.standing_uses(("grant", g), self.last_eligible(g, end))
            if after:
                return bad(f"grant-amendment of {g!r}: spending dated after the new end {end} "
                           f"(transactions {after})")
            self.grants[g] = (start, end, restricted)

    def account_change(self, seq, e, bad):
        code, since = e["code"], e["effective"]
        if code not in self.accounts:
            return bad(f"account-change: account {code!r} does not exist")
        if e["name"] is None and not e["retired"]:
            return bad(f"account-change of {code!r}: neither renames nor retires it")
        if not e["retired"]:
            return
        if since is None:
            return bad(f"account-change of {code!r}: retires it without an effective day")
        if code in self.retired():
            return bad(f"account-change of {code!r}: already retired")
        after = self.standing_uses(("account", code), (since,))
        if after:
            return bad(f"account-change of {code!r}: transactions {after} dated on or after "
                       f"{since} post to it")
        self.retired()[code] = since

    def budget_line_amendment(self, seq, e, bad):
        g, line, amount, since = e["grant"], e["line"], e["amount"], e["effective"]
        what = f"budget-line-amendment of {(g, line)}"
        if g not in self.grants:
            return bad(f"budget-line-amendment: grant {g!r} does not exist")
        if (g, line) not in self.lines:
            return bad(f"budget-line-amendment: grant {g!r} has no budget line {line!r}")
        if amount is None and not e["withdrawn"]:
            return bad(f"{what}: neither changes the budget nor withdraws the line")
        if amount is not None and not 0 <= amount <= LIMIT:
            return bad(f"{what}: amount {amount} is not between 0 and 10^13")
        if e["withdrawn"]:
            if (g, line) in self.withdrawn():
                return bad(f"{what}: already withdrawn")
            after = self.standing_uses(("line", (g, line)), (since,))
            if after:
                return bad(f"{what}: transactions {after} dated on or after {since} are "
                           f"charged to it")
            self.withdrawn()[(g, line)] = since

    def funder_change(self, seq, e, bad):
        if e["id"] not in self.funders:
            bad(f"funder-change: funder {e['id']!r} does not exist")

    # ------------------------------------------------------------ rule 17: sources
    def source(self, seq, e, bad):
        """A source names an earlier transaction (not reversed), an income or memorandum
        posting of it, an existing funder, the posting's grant's own funder if it has a grant;
        once per posting. The grants' funders are read from the chain (made on first use)."""
        tid, i, funder = e["entry"], e["posting"], e["funder"]
        t = self.transactions.get(tid)
        if t is None:
            return bad(f"source: transaction {tid} does not exist")
        if t["kind"] != "transaction":
            return bad(f"source: entry {tid} is a {t['kind']}, not a transaction")
        if tid in self.reversed:
            return bad(f"source: transaction {tid} was reversed")
        if not 0 <= i < len(t["postings"]):
            return bad(f"source: transaction {tid} has no posting {i}")
        p = t["postings"][i]
        if self.accounts.get(p["account"]) not in ("income", "memorandum"):
            return bad(f"source: posting {i} of transaction {tid} is not on an income account")
        if funder not in self.funders:
            return bad(f"source: funder {funder!r} does not exist")
        granted = self.__dict__.get("_grant_funders", {}).get(p["grant"])
        if granted is not None and granted != funder:
            return bad(f"source: posting {i} is charged to grant {p['grant']!r} of funder "
                       f"{granted!r}, not {funder!r}")
        sourced = self.__dict__.setdefault("_sources", set())
        if (tid, i) in sourced:
            return bad(f"source: posting {i} of transaction {tid} already has its source")
        sourced.add((tid, i))

    def last_eligible(self, g, end):
        """The last day a cost may be charged to grant `g` ending on `end`: its end plus the
        closing window of its terms in force (rule 21)."""
        days = self.terms.get(g, (None, 0))[1]
        if not days:
            return end
        day = datetime.date.fromisoformat(end) + datetime.timedelta(days=days)
        return day.isoformat() if day.year <= 9999 else end

    def rate(self, seq, e, bad):  # rule 20
        c, date = e["currency"], e["date"]
        if not self.in_table(c) or c == self.base:
            return bad(f"rate: {c!r} is the ledger's currency or not in its table")
        if not 0 < e["rate"] <= LIMIT:
            return bad(f"rate of {c!r}: {e['rate']} millionths is not from 1 to 10^13")
        if (c, date) in self.rates:
            return bad(f"rate of {c!r} on {date} recorded twice")
        self.rates.add((c, date))

    def grant_terms(self, seq, e, bad):  # rule 21
        g, days = e["grant"], e["closing_days"]
        if g not in self.grants:
            return bad(f"grant-terms: grant {g!r} does not exist")
        if not 0 <= days <= MAX_CLOSING_DAYS:
            return bad(f"grant-terms of {g!r}: closing window of {days} days is not in 0..3660")
        in_force = self.terms.get(g, ("base", 0))[0]
        if e["budget_currency"] != in_force and any(x == g for x, _ in self.lines):
            return bad(f"grant-terms of {g!r}: the budget currency changes, and the grant "
                       f"has budget lines")
        end, before = self.grants[g][1], self.terms.get(g)
        old = self.last_eligible(g, end)
        self.terms[g] = (e["budget_currency"], days)
        new = self.last_eligible(g, end)
        if new < old:
            after = self.standing_uses(("grant", g), new)
            if after:
                if before is None:  # not admitted: the terms in force stay
                    del self.terms[g]
                else:
                    self.terms[g] = before
                return bad(f"grant-terms of {g!r}: spending dated after {new}, the new last "
                           f"eligible day (transactions {after})")

    def variance_note(self, seq, e, bad):  # rule 22
        g, line, text = e["grant"], e["line"], e["text"]
        if (g, line) not in self.lines:
            return bad(f"variance-note: grant {g!r} has no budget line {line!r}")
        if not text.strip() or len(text) > MAX_NOTE_CHARS:
            bad(f"variance-note of {g}/{line}: its text is {len(text)} characters long, "
                f"not 1 to {MAX_NOTE_CHARS}")

    def setting(self, seq, e, bad):  # rule 23
        key, value = e["key"], e["value"]
        if key == "language":
            if value not in LANGUAGES:
                bad(f"setting language: {value!r} is not ar, fr or en")
        elif key == "timezone":
            if not known_zone(value):
                bad(f"setting timezone: {value!r} is not a time zone of the tz database")
        elif key == "org-id":
            if not ORG_ID.fullmatch(value):
                bad(f"setting org-id: {value!r} is not an organisation identifier")
        else:
            bad(f"setting: {key!r} is not a setting the format defines "
                f"(language, timezone, org-id)")

    def funder_identifier(self, seq, e, bad):  # rule 28
        if e["funder"] not in self.funders:
            bad(f"funder-identifier: funder {e['funder']!r} does not exist")
        if not ORG_ID.fullmatch(e["org_id"]):
            bad(f"funder-identifier of {e['funder']!r}: {e['org_id']!r} is not an "
                f"organisation identifier")

    def variance_threshold(self, seq, e, bad):  # rule 24
        g, pct, amount = e["grant"], e["percent"], e["amount"]
        if g not in self.grants:
            return bad(f"variance-threshold: grant {g!r} does not exist")
        if not 0 <= pct <= MAX_THRESHOLD_PERCENT or not 0 <= amount <= LIMIT:
            bad(f"variance-threshold of {g!r}: {pct}% and {amount} are not in 0..1000 and "
                f"0..10^13")

    # ------------------------------------------------------------ rules 25 to 27: bank statements
    def bank_import(self, seq, e, bad):  # rule 25
        acct, lines, suspense = e["account"], e["lines"], e["suspense"]
        if acct not in self.accounts:
            bad(f"bank-import: account {acct!r} does not exist")
        if suspense is not None and (suspense not in self.accounts or suspense == acct):
            bad(f"bank-import: suspense account {suspense!r} does not exist or is the "
                f"statement's account")
        if not lines or e["skipped"] < 0 or e["rows"] != e["skipped"] + len(lines):
            bad(f"bank-import: {e['rows']} lines read, {e['skipped']} skipped and {len(lines)} "
                f"recorded do not add up (at least one recorded)")
        seen = set()
        for i, line in enumerate(lines):
            f = line["fingerprint"]
            if (acct, f) in self.bank_lines or f in seen:
                bad(f"bank-import: line {i + 1} was already recorded for account {acct!r}")
                break
            seen.add(f)
        # Like an import (rule 8): its file counts as imported, and its lines' transactions
        # follow it, each with its seq as batch. Taken even when a rule above is broken, so the
        # transactions are not reported again one by one (amana does the same).
        self.import_hashes.add(e["file_sha256"])
        for line in lines:
            self.bank_lines.add((acct, line["fingerprint"]))
        if lines:
            self.pending = [seq, len(lines), len(lines)]
            self.bank_batch = (seq, acct, suspense)

    def bank_line(self, e, bad):
        """A transaction of a statement's batch posts to the statement's account (rule 25)."""
        b = self.bank_batch
        if b is None or e.get("batch") != b[0]:
            return
        acct = b[1]
        if not any(p["account"] == acct for p in e["postings"]):
            bad(f"transaction {e['id']} of the bank statement at seq {b[0]} does not post to "
                f"its account {acct!r}")

    def take_suspense(self, e):
        """What an admitted transaction of a statement left in its suspense account."""
        b = self.bank_batch
        if b is None or e.get("batch") != b[0] or b[2] is None:
            return
        amount = sum(p["amount"] for p in e["postings"] if p["account"] == b[2])
        if amount:
            self.suspended[e["id"]] = (b[2], amount)

    def bank_assignment(self, seq, e, bad):  # rule 26
        line, tid = e["entry"], e["transaction"]
        if line not in self.suspended:
            return bad(f"bank-assignment: transaction {line} is not a bank line in suspense")
        suspense, amount = self.suspended[line]
        t = self.transactions.get(tid)
        if t is None or t["kind"] != "transaction" or tid == line or tid in self.assigning:
            return bad(f"bank-assignment: transaction {tid} cannot assign bank line {line}")
        found = sum(p["amount"] for p in t["postings"] if p["account"] == suspense)
        if found != -amount:
            return bad(f"bank-assignment: transaction {tid} moves {found} out of {suspense!r}, "
                       f"not the {-amount} bank line {line} left there")
        del self.suspended[line]
        self.assigning.add(tid)

    def reconciliation(self, seq, e, bad):  # rule 27
        acct = e["account"]
        if acct not in self.accounts:
            return bad(f"reconciliation: account {acct!r} does not exist")
        seen = set()
        for item in e["entries"]:
            tid = item["entry"]
            if not 1 <= tid <= self.last_id:
                return bad(f"reconciliation of {acct!r}: transaction {tid} is not recorded")
            if (acct, tid) in self.reconciled or tid in seen:
                return bad(f"reconciliation of {acct!r}: transaction {tid} was already matched")
            seen.add(tid)
        self.reconciled.update((acct, tid) for tid in seen)
        self.statements.add((acct, e["date"], e["balance"], e["books"]))

    def check_reversal(self, e, bad):  # rule 7
        tid, target = e["id"], e["reverses"]
        orig = self.transactions.get(target)
        if target is None or e["reason"] is None:
            bad(f"reversal {tid}: `reverses` and `reason` are required")
        if target is None:
            return
        if orig is None and target in self.transactions and target < tid:
            # the number was taken by an undecodable entry (section 7): nothing to compare with
            if target in self.reversed:
                bad(f"reversal {tid}: transaction {target} was already reversed")
            self.reversed.add(target)
            return
        if orig is None or target >= tid:
            bad(f"reversal {tid}: reverses {target}, which is not an earlier transaction")
        elif orig["kind"] in ("closing", "year-closing", "dedicated-funds", "allocation"):
            bad(f"reversal {tid}: reverses {target}, a {orig['kind']} entry (entries made at a "
                f"year's end are never reversed)")
        elif orig["kind"] == "depreciation":
            bad(f"reversal {tid}: reverses {target}, a depreciation (never reversed)")
        elif any(k[:2] == ("posting", target) for k in self.assets() if isinstance(k, tuple)):
            bad(f"reversal {tid}: reverses {target}, which bought a registered asset")
        elif orig["kind"] != "transaction":
            bad(f"reversal {tid}: reverses {target}, which is itself a reversal")
        elif target in self.reversed:
            bad(f"reversal {tid}: transaction {target} was already reversed")
        if orig is None:
            return
        self.reversed.add(target)
        if e["date"] < orig["date"]:
            bad(f"reversal {tid}: dated {e['date']}, before transaction {target} ({orig['date']})")
        neg = lambda v: None if v is None else -v
        negated = [dict(p, amount=-p["amount"], original_amount=neg(p["original_amount"]))
                   for p in orig["postings"]]
        if negated != e["postings"]:
            bad(f"reversal {tid}: postings are not those of transaction {target} negated")

    def fiscal_year(self, year):
        """(first day, last day) of the fiscal year that starts in calendar year `year`."""
        try:
            month, day = int(self.fy_start[:2]), int(self.fy_start[3:])
            start = datetime.date(year, month, day)
            end = datetime.date(year + 1, month, day) - datetime.timedelta(days=1)
            return start.isoformat(), end.isoformat()
        except (ValueError, OverflowError, TypeError):
            return None

    def check_closing(self, e, bad):  # rule 14
        tid, year = e["id"], e["fiscal_year"]
        if any(e[f] is not None for f in ("reference", "reverses", "reason")):
            bad(f"closing {tid}: `reference`, `reverses` and `reason` must be NULL")
        for f in ("restricted_account", "unrestricted_account"):
            if self.accounts.get(e[f]) != "net-assets":
                bad(f"closing {tid}: {f} {e[f]!r} is not a net-assets account")
        if year in self.closed_years:
            bad(f"closing {tid}: fiscal year {year} is closed")
        elif any(d["effect"][:2] == ("closing", year) and not d["effective"] and not d["void"]
                 for d in self.decisions.values()):
            bad(f"closing {tid}: fiscal year {year} has a closing that awaits its signatures")
        bounds = self.fiscal_year(year)
        if bounds is None:
            bad(f"closing {tid}: fiscal year {year} has no bounds "
                f"(fiscal_year_start {self.fy_start!r})")
            return
        start, end = bounds
        if e["start"] != start:
            bad(f"closing {tid}: start is {e['start']}, fiscal year {year} starts on {start}")
        if e["date"] != end:
            bad(f"closing {tid}: dated {e['date']}, not on the last day of fiscal year "
                f"{year} ({end})")
        net, (r,) = self.results.get(year, ({}, [0]))  # (this closing is not counted yet)
        t = sum(net.values())
        want = [(a, -f) for a, f in sorted(net.items()) if f]
        if r:
            want.append((e["restricted_account"], r))
        if t - r:
            want.append((e["unrestricted_account"], t - r))
        got = [(p["account"], p["amount"]) for p in e["postings"]]
        extra = [i for i, p in enumerate(e["postings"]) if any(
            p[f] is not None for f in ("grant", "line", "original_amount", "original_currency",
                                       "memo"))]
        if got != want:
            i = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b),
                     min(len(got), len(want)))
            show_ = lambda lst: f"{lst[i][0]} {lst[i][1]}" if i < len(lst) else "nothing"
            bad(f"closing {tid}: postings are not the closing of fiscal year {year} "
                f"({len(got)} posting(s), {len(want)} expected): posting {i} is {show_(got)}, "
                f"expected {show_(want)}")
        if extra:  # the closing postings carry an account and an amount, nothing else
            bad(f"closing {tid}: posting {extra[0]} has a grant, line, original amount or memo")

    # ------------------------------------------------------------ rules 14 to 14c: funds
    def year_end(self, e, what, bad):
        """The checks every year-end entry passes: no reference, reverses or reason, dated on
        the last day of its fiscal year, with its first day as `start`. Returns the last day,
        or None when the year has no bounds."""
        tid, year = e["id"], e["fiscal_year"]
        if any(e[f] is not None for f in ("reference", "reverses", "reason")):
            bad(f"{what} {tid}: `reference`, `reverses` and `reason` must be NULL")
        bounds = self.fiscal_year(year)
        if bounds is None:
            bad(f"{what} {tid}: fiscal year {year} has no bounds "
                f"(fiscal_year_start {self.fy_start!r})")
            return None
        start, end = bounds
        if "start" in e and e["start"] != start:
            bad(f"{what} {tid}: start is {e['start']}, fiscal year {year} starts on {start}")
        if "start" in e and e["date"] != end:
            bad(f"{what} {tid}: dated {e['date']}, not on the last day of fiscal year "
                f"{year} ({end})")
        return end

    def roles(self, e, what, roles, bad):
        for name, want in roles:
            if self.accounts.get(e[name]) != want:
                bad(f"{what} {e['id']}: {name} {e[name]!r} is not a {want} account")

    def funds(self, year, end):
        """[(grant, change)] for every restricted grant, by id, whose dedicated fund moves at
        `end`: the money received on it and not spent up to that day (never below zero) less
        what year-end entries carried so far."""
        out = []
        for g in sorted(x for x, (_, _, restricted) in self.grants.items() if restricted):
            days = [(r, s_) for d, r, s_ in self.fund_days.get(g, []) if d <= end]
            target = max(0, sum(r for r, _ in days) - sum(s_ for _, s_ in days))
            # carried by the year-end entries of this year and the years before (not by a later
            # year's, whose year was reopened since)
            carried = sum(c for y, c in self.carried.get(g, {}).items() if y <= year)
            change = target - carried
            if change:
                out.append((g, change))
        return out

    def compare_postings(self, e, what, want, bad):
        got = [(p["account"], p["amount"], p["grant"]) for p in e["postings"]]
        extra = [i for i, p in enumerate(e["postings"]) if any(
            p[f] is not None for f in ("line", "original_amount", "original_currency", "memo"))]
        if got != want:
            i = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b),
                     min(len(got), len(want)))
            show_ = lambda lst: " ".join(str(x) for x in lst[i] if x is not None) \
                if i < len(lst) else "nothing"
            bad(f"{what} {e['id']}: postings are not those of fiscal year {e['fiscal_year']} "
                f"({len(got)} posting(s), {len(want)} expected): posting {i} is {show_(got)}, "
                f"expected {show_(want)}")
        if extra:
            bad(f"{what} {e['id']}: posting {extra[0]} has a line, original amount or memo")

    def check_dedicated_funds(self, e, bad):  # rule 14b
        end = self.year_end(e, "dedicated-funds", bad)
        self.roles(e, "dedicated-funds", (("dedicated_account", "liability"),
                                          ("charge_account", "expense"),
                                          ("release_account", "income")), bad)
        if end is None:
            return
        want = []
        for g, change in self.funds(e["fiscal_year"], end):
            if change > 0:
                want += [(e["charge_account"], change, g), (e["dedicated_account"], -change, g)]
            else:
                want += [(e["dedicated_account"], -change, g), (e["release_account"], change, g)]
        self.compare_postings(e, "dedicated-funds", want, bad)

    def check_year_closing(self, e, bad):  # rule 14
        tid, year = e["id"], e["fiscal_year"]
        end = self.year_end(e, "year-closing", bad)
        self.roles(e, "year-closing", (("surplus_account", "net-assets"),
                                       ("deficit_account", "net-assets"),
                                       ("dedicated_account", "liability")), bad)
        if year in self.closed_years:
            bad(f"year-closing {tid}: fiscal year {year} is closed")
        elif any(d["effect"][:2] == ("closing", year) and not d["effective"] and not d["void"]
                 for d in self.decisions.values()):
            bad(f"year-closing {tid}: fiscal year {year} has a closing that awaits its "
                f"signatures")
        if end is None:
            return
        net, _ = self.results.get(year, ({}, [0]))  # (this closing is not counted yet)
        want = [(a, -f, None) for a, f in sorted(net.items()) if f]
        want += [(e["dedicated_account"], -change, g) for g, change in self.funds(year, end)]
        result = -sum(amount for _, amount, _ in want)
        if result < 0:
            want.append((e["surplus_account"], result, None))
        elif result > 0:
            want.append((e["deficit_account"], result, None))
        self.compare_postings(e, "year-closing", want, bad)

    def check_allocation(self, e, bad):  # rule 14c
        tid, year, closing = e["id"], e["fiscal_year"], e["closing"]
        if any(e[f] is not None for f in ("reference", "reverses", "reason")):
            bad(f"allocation {tid}: `reference`, `reverses` and `reason` must be NULL")
        found = self.closed_results.get(closing)
        if found is None or found[0] != year or year not in self.closed_years:
            bad(f"allocation {tid}: entry {closing} is not a year closing of fiscal year {year} "
                f"in effect with a result to allocate")
            return
        _, account, amount, allocated = found
        if allocated is not None:
            bad(f"allocation {tid}: the result of entry {closing} was allocated by entry "
                f"{allocated}")
            return
        bounds = self.fiscal_year(year)
        if bounds is None or e["date"] <= bounds[1]:
            bad(f"allocation {tid}: dated {e['date']}, not after the end of fiscal year {year}")
        postings = e["postings"]
        plain = lambda p: all(p[f] is None for f in (
            "grant", "line", "original_amount", "original_currency"))
        sign = (amount > 0) - (amount < 0)
        first = postings[:1] == [p for p in postings[:1] if p["account"] == account
                                 and p["amount"] == -amount and plain(p)]
        rest = all(self.accounts.get(p["account"]) == "net-assets" and plain(p)
                   and (p["amount"] > 0) - (p["amount"] < 0) == sign for p in postings[1:])
        if not (postings and first and rest and len(postings) >= 2):
            bad(f"allocation {tid}: takes the result of entry {closing} ({amount} on {account}) "
                f"out of its account first, then gives it, with the same sign, to net-assets "
                f"accounts")

    def officer(self, seq, e, bad):  # rules 11, 12 and 15
        oid, key, point = e["id"], e["public_key"], pt_decode(e["public_key"])
        why = (f"officer {oid!r} registered twice" if oid in self.officers else
               f"officer {oid!r}: public key is not a canonical Ed25519 point encoding"
               if point is None else
               f"officer {oid!r}: public key is a small-order point" if small_order(point) else
               f"officer {oid!r}: public key already used by officer {self.keys[key]!r}"
               if key in self.keys else None)
        if why:  # such an entry registers nobody: signatures by `oid` then break rule 11
            bad(why)
        if self.nbad:
            return
        self.officers[oid], self.keys[key] = key, oid
        if not self.seals:  # registered before the first seal: a founding officer
            self.standing.add(oid)
        else:  # a decision: its approval (rule 15)
            self.decide(seq, "officer", oid, ("approval", oid))

    # ------------------------------------------------------------ rule 15: decisions
    def required(self, d):
        """The signatures decision `d` needs now (rule 15)."""
        others = sum(1 for o in self.standing if o != d["subject"])
        if self.quorum is None:  # a ledger from before policies
            return 0 if d["kind"] == "closing" else min(1, others)
        return min(self.quorum, others)

    def decide(self, seq, kind, subject, effect):
        """Records the decision entry at `seq` (admitted); it takes effect at once when it
        needs no signature."""
        d = {"kind": kind, "subject": subject, "effect": effect, "hash": self.entry_hash,
             "signers": set(), "effective": False, "void": False, "seq": seq}
        self.decisions[seq] = d
        if self.required(d) == 0:
            self.take_effect(d, seq)

    def take_effect(self, d, at):
        if d["effective"] or d["void"]:
            return
        what = d["effect"]
        # checked again as it takes effect (rule 15)
        if what[0] == "reopen" and max(self.closed_years, default=None) != what[1]:
            d["void"] = True
            return
        d["effective"] = True
        if what[0] == "approval":
            if what[1] not in self.revoked:  # a revoked officer never is in standing again
                self.standing.add(what[1])
        elif what[0] == "closing":
            self.closed_years.add(what[1])
            self.lock_through(what[2])
        elif what[0] == "lock":
            self.lock_through(what[1])
        elif what[0] == "reopen":
            _, year, start = what
            self.closed_years = {y for y in self.closed_years if y < year}
            if self.locked is not None and self.locked >= start:
                self.locked = (datetime.date.fromisoformat(start)
                               - datetime.timedelta(days=1)).isoformat()
            for w in self.decisions.values():  # a waiting lock into the reopened year is void
                if (not w["effective"] and not w["void"] and w["effect"][0] == "lock"
                        and w["effect"][1] >= start):
                    w["void"] = True
        elif what[0] == "revocation":
            self.standing.discard(what[1])
            self.revoked[what[1]] = at
            self.settle(at)
        elif what[0] == "policy":
            self.quorum = what[1]
            self.settle(at)

    def settle(self, at):
        """Waiting decisions, in seq order, take effect if their signers now in standing are
        enough (after a revocation or a policy took effect, rule 15)."""
        for seq in sorted(self.decisions):
            w = self.decisions[seq]
            if (not w["effective"] and not w["void"]
                    and sum(1 for o in w["signers"] if o in self.standing) >= self.required(w)):
                self.take_effect(w, at)

    def lock_through(self, day):
        if self.locked is None or day > self.locked:
            self.locked = day

    def policy(self, seq, e, bad):
        # A quorum out of 1..99 is reported as non-canonical (section 4); it decides nothing.
        if not self.nbad and 1 <= e["quorum"] <= MAX_QUORUM:
            self.decide(seq, "policy", None, ("policy", e["quorum"]))

    def lock(self, seq, e, bad):
        through = e["through"]
        if self.locked is not None and through <= self.locked:
            bad(f"lock through {through}: the books are already locked through {self.locked}")
        for year in sorted(self.results):
            bounds = self.fiscal_year(year)
            if (year not in self.closed_years and any(self.results[year][0].values())
                    and bounds is not None and bounds[1] <= through):
                bad(f"lock through {through}: fiscal year {year} ends {bounds[1]}, has income "
                    f"or expense and is not closed (it could never be closed)")
                break
        if not self.nbad:
            self.decide(seq, "lock", None, ("lock", through))

    def reopen(self, seq, e, bad):
        year = e["year"]
        if not 1 <= year <= 9999:  # reported as non-canonical (section 4): it decides nothing
            return
        last = max(self.closed_years, default=None)
        bounds = self.fiscal_year(year)
        if last != year:
            bad(f"reopen of fiscal year {year}: " + (
                "no fiscal year is closed" if last is None else
                f"the last closed fiscal year is {last}"))
        if bounds is None:
            bad(f"reopen of fiscal year {year}: the year is out of range")
        if not self.nbad:
            self.decide(seq, "reopen", None, ("reopen", year, bounds[0]))

    def revocation(self, seq, e, bad):
        oid = e["officer"]
        if oid not in self.officers:
            bad(f"revocation of {oid!r}, who is not a registered officer")
        elif oid in self.revoked:
            bad(f"revocation of {oid!r}, already revoked at seq {self.revoked[oid]}")
        elif all(o == oid for o in self.standing):
            bad(f"revocation of {oid!r}, the last officer in standing")
        if not self.nbad:
            self.decide(seq, "revocation", oid, ("revocation", oid))

    def seal(self, seq, e, bad):  # rule 10 (its findings are `seal-mismatch`, section 7)
        found = []

        def mismatch(detail):
            found.append(detail)
            self.report(seq, "seal-mismatch", detail)

        def compare(name, got, want, fields):
            if got == want:
                return
            got_d, want_d = {it[0]: it[1:] for it in got}, {it[0]: it[1:] for it in want}
            diffs = []
            for key in sorted(set(got_d) | set(want_d)):
                a, b = got_d.get(key), want_d.get(key)
                if a != b:
                    show_ = lambda v: "absent" if v is None else "/".join(map(str, v))
                    diffs.append(f"{key}: {show_(a)} in the seal, {show_(b)} in the chain")
            more = f"; and {len(diffs) - 3} more" if len(diffs) > 3 else ""
            mismatch(f"{name} ({fields}) does not recompute: "
                     + ("; ".join(diffs[:3]) + more if diffs else "items out of order"))

        # Each failed check is its own finding. The Merkle leaves and previous_hash use the
        # SHA-256 of the bodies as stored (the entry hash they should have), so an edited body
        # shows here too; an earlier seal that does not recompute is still "the last seal".
        covered = seq - 1
        fp = fingerprint(self.entry_hash)
        if fp in self.seal_anchors and fp not in self.seals_found:
            # a published seal: the chain before it must be the one it committed to
            root = self.merkle.root()
            self.seals_found[fp] = seq if (
                e["covered"] == covered and e["head"] == self.chains.get(covered)
                and e["merkle_root"] == root) else (
                f"the published seal {fp} is entry {seq}, but the chain before it is not the one "
                f"it sealed (its head or Merkle root over entries 1 to {e['covered']} does not "
                f"recompute): history up to entry {e['covered']} was rewritten")
        if e["covered"] != covered:
            mismatch(f"covered is {e['covered']}, not {covered} (its own seq - 1)")
        if e["head"] != self.chains.get(covered):
            mismatch(f"head is not the chain of entry {covered}")
        root = self.merkle.root()
        if e["merkle_root"] != root:
            mismatch(f"merkle_root does not recompute over entries 1..{covered} "
                     f"(expected {root.hex()})")
        last = self.last_seal or (None, None)
        if (e["previous_seq"], e["previous_hash"]) != last:
            mismatch(f"previous_seq/previous_hash do not name the last seal before it "
                     f"({'none' if last[0] is None else f'seq {last[0]}'})")
        compare("trial_balance", [(x["account"], x["balance"]) for x in e["trial_balance"]],
                [(a, n) for a, n in sorted(self.balances.items()) if n], "account, balance")
        compare("grants", [(x["grant"], x["received"], x["spent"]) for x in e["grants"]],
                [(g, self.received.get(g, 0), self.spent.get(g, 0)) for g in sorted(self.grants)],
                "grant, received, spent")
        pe = e["period_end"]
        for x in e["banks"]:
            acct = x["account"]
            if acct not in self.accounts:
                mismatch(f"bank {acct}: no such account")
                continue
            net = self.balances.get(acct, 0)
            as_of = net if pe is None else sum(a for d, a in self.dated.get(acct, ()) if d <= pe)
            # the net as of period_end; in a ledger with no policy in effect (written before
            # policies, whose seals were checked that way) the net of everything recorded too
            # a statement reconciled on the period's last day explains the difference (rule 27)
            reconciled = pe is not None and (acct, pe, x["balance"], as_of) in self.statements
            if x["balance"] != as_of and not reconciled and (
                    self.quorum is not None or x["balance"] != net):
                mismatch(f"bank {acct}: statement {x['statement']!r} gives {x['balance']}, the "
                         f"account's net is {as_of}" + (f" as of {pe}" if pe else "")
                         + (f" ({net} with everything recorded)" if net != as_of else ""))
        # a seal locks nothing (locks are the officers' decisions, rule 15), except in a ledger
        # with no policy in effect, where its period_end locks as it always did (rule 10)
        if self.quorum is None and pe is not None:
            self.lock_through(pe)
        self.last_seal = (seq, self.entry_hash)
        # valid: the content recomputes (and, section 7, none of its signatures fails: set
        # by `signature`); signed_by: the approved officers whose signature verifies
        self.seals[seq] = {"seq": seq, "fingerprint": fingerprint(self.entry_hash),
                           "covered": e["covered"], "period_end": pe, "signed_by": [],
                           "valid": not found, "hash": self.entry_hash}
        # (a seal that does not recompute is still a seal: the first one makes the officers
        # registered before it the founding ones, and its signatures are checked)

    def signature(self, seq, e, bad):  # rules 11 and 15
        target, oid = e["seal"], e["officer"]
        key = self.officers.get(oid)
        if key is None:
            bad(f"signature by {oid!r}, who is not a registered officer (with a valid key)")
        elif oid in self.revoked:
            bad(f"signature by officer {oid!r}, revoked at seq {self.revoked[oid]}: not in "
                f"standing")
        elif oid not in self.standing:
            bad(f"signature by officer {oid!r}, who is not in standing (registered after the "
                f"first seal, and not approved)")
        seal, decision = self.seals.get(target), self.decisions.get(target)
        if seal is None and decision is None:
            # (an officer entry that registered no one, or one registered before the first
            # seal, is no decision: it counts as another kind of entry)
            bad(f"signature names seq {target}, which is neither an earlier seal nor an earlier "
                f"decision")
        else:
            signers = set(seal["signed_by"]) if seal is not None else decision["signers"]
            if oid in signers:
                bad(f"officer {oid!r} already signed entry {target}")
            if decision is not None and decision["subject"] == oid:
                bad(f"officer {oid!r} signs the {decision['kind']} entry {target}, a decision "
                    f"about themselves")
        if self.nbad:
            # Reading: a signature that breaks rule 11 is not verified at all (its finding is
            # the rule-violation above), so it cannot make a seal invalid. A signature of a
            # seal whose content does not recompute is still verified: it tells whether the
            # seal itself was changed after signing.
            return
        if seal is not None:
            what, kind, signed = (f"the seal at seq {target} ({seal['fingerprint']})", "seal",
                                  seal["hash"])
        else:
            what, kind, signed = (f"the {decision['kind']} entry {target}", decision["kind"],
                                  decision["hash"])
        message = SIGN_PREFIX + kind.encode("ascii") + b"\0" + signed
        if not ed25519_verify_strict(key, message, e["signature"]):
            self.report(seq, "bad-signature", f"{oid!r}'s signature of {what} does not verify "
                                              f"against their key")
            if seal is not None:
                seal["failed"] = True  # section 7: a seal with a failed signature is not valid
            return
        if seal is not None:
            seal["signed_by"].append(oid)
            return
        decision["signers"].add(oid)
        if not decision["effective"] and not decision["void"]:
            counted = sum(1 for o in decision["signers"] if o in self.standing)
            if counted >= self.required(decision):
                self.take_effect(decision, seq)

    def receipt(self, seq, e, bad):  # rule 13
        tid, digest = e["entry"], e["sha256"]
        if tid not in self.transactions:
            bad(f"receipt {e['file_name']!r} names transaction {tid}, not recorded before it")
        if (tid, digest) in self.receipt_pairs:
            bad(f"receipt {digest.hex()} of transaction {tid} recorded twice")
        self.receipt_pairs.add((tid, digest))
        if e["size"] < 0:
            bad(f"receipt {e['file_name']!r}: negative size {e['size']}")
        if len(digest) != 32 or self.store is None:
            return
        hexd = digest.hex()
        path = os.path.join(self.store, hexd[:2], hexd)
        size = e["size"] if e["size"] >= 0 else None
        if (path, size) not in self.file_digests:
            self.file_digests[(path, size)] = store_file_status(path, digest, size)
        status = self.file_digests[(path, size)]
        if status == "missing":
            self.report(seq, "receipt-missing", f"the receipt {e['file_name']!r} of transaction "
                        f"{tid} is not in the store: {path}")
        elif status != "present":
            self.report(seq, "receipt-altered", f"the receipt {e['file_name']!r} of transaction "
                        f"{tid} at {path} {status} (recorded: {e['size']} bytes, SHA-256 "
                        f"{hexd})")


def store_file_status(path, digest, size):
    """Rule 13 and section 7: "present", "missing", or why the file is not the receipt. Only
    a regular file is read (a FIFO, a device, a folder or a link is not the receipt), as a
    stream, no further than its recorded size plus one byte."""
    try:
        st = os.lstat(path)
    except OSError:
        return "missing"
    if not stat.S_ISREG(st.st_mode):
        return "is not a regular file"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return "missing"
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # (replaced since the lstat)
            return "is not a regular file"
        h, n = hashlib.sha256(), 0
        while size is None or n <= size:
            chunk = f.read(1 << 20 if size is None else min(1 << 20, size + 1 - n))
            if not chunk:
                break
            h.update(chunk)
            n += len(chunk)
    if size is not None and n > size:
        return "larger than its recorded size"
    if h.digest() != digest:
        return f"altered: its SHA-256 is {h.hexdigest()}"
    if size is not None and n != size:
        return f"of {n} bytes, not its recorded size"
    return "present"


# ---------------------------------------------------------------- section 6: projection
TABLES = {  # table: (columns in the order CHAIN.md lists them, number of key columns)
    "ledger": (("seq", "id", "name", "currency", "fiscal_year_start", "chart"), 1),
    "currencies": (("code", "exponent", "seq"), 1),
    "accounts": (("seq", "code", "name", "type"), 1),
    "account_labels": (("seq", "lang", "code", "text"), 2),
    "funders": (("seq", "id", "name", "type", "country"), 1),
    "grants": (("seq", "id", "funder", "amount", "currency", "start_date", "end_date",
                "restricted", "purpose"), 1),
    "budget_lines": (("seq", "grant_id", "line_id", "label", "amount", "account"), 1),
    "imports": (("seq", "file_sha256", "file_name", "rows", "transactions", "forced"), 1),
    "entries": (("id", "seq", "kind", "date", "description", "reference", "reverses", "reason",
                 "batch"), 1),
    "postings": (("entry_id", "idx", "account", "amount", "grant_id", "line_id",
                  "original_amount", "original_currency", "memo"), 2),
    "closings": (("seq", "entry_id", "year", "start_date", "restricted_account",
                  "unrestricted_account"), 1),
    "officers": (("seq", "id", "name", "role", "public_key"), 1),
    "seals": (("seq", "period_end", "covered", "head", "merkle_root", "previous_seq",
               "previous_hash"), 1),
    "seal_balances": (("seq", "account", "balance"), 2),
    "seal_grants": (("seq", "grant_id", "received", "spent"), 2),
    "seal_banks": (("seq", "account", "balance", "statement"), 2),
    "signatures": (("seq", "seal", "officer", "signature"), 1),
    "receipts": (("seq", "entry_id", "sha256", "file_name", "size"), 1),
    "grant_amendments": (("seq", "grant_id", "effective", "amount", "end_date", "reason"), 1),
    "account_changes": (("seq", "code", "effective", "name", "retired", "reason"), 1),
    "budget_line_amendments": (("seq", "grant_id", "line_id", "effective", "amount", "withdrawn",
                                "reason"), 1),
    "funder_changes": (("seq", "funder_id", "name", "reason"), 1),
    "year_ends": (("seq", "entry_id", "kind", "year", "start_date", "surplus_account",
                   "deficit_account", "dedicated_account", "charge_account", "release_account",
                   "closing"), 1),
    "sources": (("seq", "entry_id", "posting", "funder_id"), 1),
    "assets": (("seq", "id", "label", "entry_id", "posting_idx", "life_months", "start_date",
                "depreciation_account", "expense_account", "release_account", "income_account"),
               1),
    "depreciations": (("seq", "entry_id", "asset_id", "start_date"), 1),
    "rates": (("seq", "currency", "date", "rate", "source"), 1),
    "grant_terms": (("seq", "grant_id", "rate_method", "closing_days", "budget_currency"), 1),
    "variance_notes": (("seq", "grant_id", "line_id", "through", "text"), 1),
    "settings": (("seq", "key", "value"), 1),
    "variance_thresholds": (("seq", "grant_id", "percent", "amount"), 1),
    "bank_imports": (("seq", "account", "layout", "skipped", "suspense"), 1),
    "bank_lines": (("seq", "idx", "account", "fingerprint"), 2),
    "bank_assignments": (("seq", "entry_id", "transaction_id"), 1),
    "reconciliations": (("seq", "account", "date", "balance", "books", "statement"), 1),
    "reconciled": (("seq", "idx", "account", "entry_id"), 2),
    "funder_identifiers": (("seq", "funder_id", "org_id"), 1),
    "year_totals": (("year", "account", "grant_id", "line_id", "kind", "amount"), 5),
}
# Tables added by a later migration (its number): a ledger whose `user_version` is below it has
# no such table yet, which reads as an empty one (section 6).
TABLE_SINCE = {"grant_amendments": 3, "account_changes": 4, "budget_line_amendments": 5,
               "funder_changes": 6, "year_ends": 7, "sources": 8, "assets": 9,
               "depreciations": 9, "rates": 10, "grant_terms": 10, "variance_notes": 11, "settings": 12,
               "variance_thresholds": 14, "year_totals": 15, "bank_imports": 16,
               "bank_lines": 16, "bank_assignments": 16, "reconciliations": 16, "reconciled": 16,
               "funder_identifiers": 17}
# Tables that no entry stands for alone but every journal entry adds to (section 6b): a file
# older than the table has no such rows to compare, whatever its entries.
DERIVED = {"year_totals"}


def project(seq, e, rows):
    k, add = e["kind"], lambda table, *values: rows[table].append(values)
    if k == "ledger":
        add("ledger", seq, e["id"], e["name"], e["currency"], e["fiscal_year_start"], e["chart"])
        for c in e["currencies"]:
            add("currencies", c["code"], c["exponent"], seq)
    elif k == "account":
        add("accounts", seq, e["code"], e["name"], e["type"])
        for lab in e["labels"]:
            add("account_labels", seq, lab["lang"], e["code"], lab["text"])
    elif k == "funder":
        add("funders", seq, e["id"], e["name"], e["type"], e["country"])
    elif k == "grant":
        add("grants", seq, e["id"], e["funder"], e["amount"], e["currency"], e["start"], e["end"],
            int(e["restricted"]), e["purpose"])
    elif k == "budget-line":
        add("budget_lines", seq, e["grant"], e["line"], e["label"], e["amount"], e["account"])
    elif k == "import":
        add("imports", seq, e["file_sha256"], e["file_name"], e["rows"], e["transactions"],
            int(e["forced"]))
    elif k in MOVES:
        # the `entries` table's CHECK predates the year-end kinds: a year closing is a
        # `closing` there, a carry or an allocation a `transaction` (section 6)
        listed = {"year-closing": "closing", "dedicated-funds": "transaction",
                  "allocation": "transaction", "depreciation": "transaction"}.get(k, k)
        add("entries", e["id"], seq, listed, e["date"], e["description"], e["reference"],
            e["reverses"], e["reason"], e["batch"])
        for i, p in enumerate(e["postings"]):
            add("postings", e["id"], i, p["account"], p["amount"], p["grant"], p["line"],
                p["original_amount"], p["original_currency"], p["memo"])
        if k == "closing":
            add("closings", seq, e["id"], e["fiscal_year"], e["start"], e["restricted_account"],
                e["unrestricted_account"])
        if k in ("year-closing", "dedicated-funds", "allocation"):
            add("year_ends", seq, e["id"], k, e["fiscal_year"], e.get("start"),
                e.get("surplus_account"), e.get("deficit_account"), e.get("dedicated_account"),
                e.get("charge_account"), e.get("release_account"), e.get("closing"))
        if k == "depreciation":
            add("depreciations", seq, e["id"], e["asset"], e["start"])
        # section 6b: each posting adds to its fiscal year's total (summed in year_totals())
        fy_start = rows["ledger"][0][4] if rows["ledger"] else "01-01"
        fiscal_year = int(e["date"][:4]) - (e["date"][5:] < fy_start)
        for p in e["postings"]:
            add("year_totals", fiscal_year, p["account"], p["grant"] or "", p["line"] or "", k,
                p["amount"])
    elif k == "officer":
        add("officers", seq, e["id"], e["name"], e["role"], e["public_key"])
    elif k == "seal":
        add("seals", seq, e["period_end"], e["covered"], e["head"], e["merkle_root"],
            e["previous_seq"], e["previous_hash"])
        for x in e["trial_balance"]:
            add("seal_balances", seq, x["account"], x["balance"])
        for x in e["grants"]:
            add("seal_grants", seq, x["grant"], x["received"], x["spent"])
        for x in e["banks"]:
            add("seal_banks", seq, x["account"], x["balance"], x["statement"])
    elif k == "signature":
        add("signatures", seq, e["seal"], e["officer"], e["signature"])
    elif k == "receipt":
        add("receipts", seq, e["entry"], e["sha256"], e["file_name"], e["size"])
    elif k == "grant-amendment":
        add("grant_amendments", seq, e["grant"], e["effective"], e["amount"], e["end"],
            e["reason"])
    elif k == "account-change":
        add("account_changes", seq, e["code"], e["effective"], e["name"], int(e["retired"]),
            e["reason"])
    elif k == "budget-line-amendment":
        add("budget_line_amendments", seq, e["grant"], e["line"], e["effective"], e["amount"],
            int(e["withdrawn"]), e["reason"])
    elif k == "funder-change":
        add("funder_changes", seq, e["id"], e["name"], e["reason"])
    elif k == "source":
        add("sources", seq, e["entry"], e["posting"], e["funder"])
    elif k == "asset":
        add("assets", seq, e["id"], e["label"], e["transaction"], e["posting"], e["life_months"],
            e["start"], e["depreciation_account"], e["expense_account"], e["release_account"],
            e["income_account"])
    elif k == "rate":
        add("rates", seq, e["currency"], e["date"], e["rate"], e["source"])
    elif k == "grant-terms":
        add("grant_terms", seq, e["grant"], e["rate_method"], e["closing_days"],
            e["budget_currency"])
    elif k == "variance-note":
        add("variance_notes", seq, e["grant"], e["line"], e["through"], e["text"])
    elif k == "setting":
        add("settings", seq, e["key"], e["value"])
    elif k == "variance-threshold":
        add("variance_thresholds", seq, e["grant"], e["percent"], e["amount"])
    elif k == "bank-import":  # a statement is an import too: its batch refers to `imports`
        add("imports", seq, e["file_sha256"], e["file_name"], e["rows"], len(e["lines"]), 0)
        add("bank_imports", seq, e["account"], e["layout"], e["skipped"], e["suspense"])
        for i, line in enumerate(e["lines"]):
            add("bank_lines", seq, i, e["account"], line["fingerprint"])
    elif k == "bank-assignment":
        add("bank_assignments", seq, e["entry"], e["transaction"])
    elif k == "reconciliation":
        add("reconciliations", seq, e["account"], e["date"], e["balance"], e["books"],
            e["statement"])
        for i, item in enumerate(e["entries"]):
            add("reconciled", seq, i, e["account"], item["entry"])
    elif k == "funder-identifier":
        add("funder_identifiers", seq, e["funder"], e["org_id"])


def year_totals(parts):
    """Section 6b: the postings' amounts summed by (year, account, grant, line, kind)."""
    totals = {}
    for *key, amount in parts:
        totals[tuple(key)] = totals.get(tuple(key), 0) + amount
    return [key + (amount,) for key, amount in totals.items()]


def sort_key(values):
    """SQLite's order of storage classes: NULL < numbers < TEXT < BLOB."""
    return tuple((0, 0) if v is None else (1, v) if isinstance(v, (int, float))
                 else (2, v) if isinstance(v, str) else (3, v) for v in values)


def show(v):
    if v is None:
        return "NULL"
    if isinstance(v, bytes):
        return "x'" + v[:16].hex() + ("...'" if len(v) > 16 else "'")
    if isinstance(v, float):
        return f"{v!r} (REAL)"
    return json.dumps(v, ensure_ascii=False) if isinstance(v, str) else str(v)


def compare_table(conn, table, expected, seq_of_entry, report):
    columns, nkey = TABLES[table]
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] < TABLE_SINCE.get(table, 1):
            got = []  # the file's schema is older than the table
            if table in DERIVED:
                expected = []
        else:
            got = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
    except sqlite3.Error as e:
        report(0, "projection-drift", f"{table}: cannot be read ({e})")
        return
    key = lambda row: sort_key(row[:nkey])
    expected, got = sorted(expected, key=key), sorted(got, key=key)

    def seq_of(row):
        if table in DERIVED:  # no one entry's row: a finding of the ledger's (seq 0)
            return 0
        if "seq" in columns:
            s = row[columns.index("seq")]
            s = seq_of_entry.get(("seq", s), s)
        else:  # postings: through the entry id
            s = seq_of_entry.get(row[0])
        return s if isinstance(s, int) else 0

    def name(row):
        return f"{table}({', '.join(f'{c}={show(v)}' for c, v in zip(columns, row[:nkey]))})"

    i = j = 0
    while i < len(expected) or j < len(got):
        if j == len(got) or (i < len(expected) and key(expected[i]) < key(got[j])):
            report(seq_of(expected[i]), "projection-drift", f"{name(expected[i])} is missing")
            i += 1
        elif i == len(expected) or key(got[j]) < key(expected[i]):
            report(seq_of(got[j]), "projection-drift",
                   f"{name(got[j])} is not in the chain: ({', '.join(map(show, got[j]))})")
            j += 1
        else:
            diffs = [f"{c} is {show(b)} in the table, {show(a)} in the chain"
                     for c, a, b in zip(columns, expected[i], got[j])
                     if type(a) is not type(b) or a != b]
            if diffs:
                report(seq_of(expected[i]), "projection-drift",
                       f"{name(expected[i])} edited: {'; '.join(diffs)}")
            i += 1
            j += 1


# ---------------------------------------------------------------- section 7: warnings
BACKWARDS_SLACK_US = 60 * 1_000_000  # time-backwards: more than 60 seconds back
FUTURE_SLACK_US = 24 * 3600 * 1_000_000  # time-future: more than 24 hours ahead
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def shown_time(us):
    try:
        return (EPOCH + datetime.timedelta(microseconds=us)).strftime("%Y-%m-%d %H:%M:%S UTC")
    except OverflowError:
        return f"{us} µs"


def day_over_us(day):
    """The first instant at which `day` is over everywhere: the next day begins first at
    UTC+14, fourteen hours before it begins at UTC (None after 9999-12-31)."""
    try:
        nxt = datetime.date.fromisoformat(day) + datetime.timedelta(days=1)
    except OverflowError:
        return None
    midnight = datetime.datetime(nxt.year, nxt.month, nxt.day, tzinfo=datetime.timezone.utc)
    return (midnight - EPOCH) // datetime.timedelta(microseconds=1) - 14 * 3600 * 1_000_000


class Clock:
    """The warnings of section 7 about the entries' times, which prove no alteration (a time is
    what the writer's clock said). Each decoded entry is checked in chain order, and reported at
    the seq its header gives (readings amana shares: an undecodable entry has no time, so it
    neither moves the latest time nor continues a run of entries in the future)."""

    def __init__(self, now_us):
        self.now_us, self.latest, self.run, self.warnings = now_us, None, None, []

    def warn(self, seq, kind, detail):
        self.warnings.append({"seq": seq, "kind": kind, "detail": detail})

    def check(self, e):
        seq, t = e["seq"], e["time"]
        if self.latest is not None and t < self.latest - BACKWARDS_SLACK_US:
            self.warn(seq, "time-backwards", f"recorded at {shown_time(t)}, more than a minute "
                                             f"before an entry before it "
                                             f"({shown_time(self.latest)})")
        if t > self.now_us + FUTURE_SLACK_US:
            if self.run is not None and self.run[1] + 1 == seq:  # one warning for the run
                self.run[1] = seq
                w = self.run[2]
                w["detail"] = (f"entries {w['seq']} to {seq} are recorded later than this "
                               f"computer's clock ({shown_time(self.now_us)}), the last at "
                               f"{shown_time(t)}")
            else:
                self.warn(seq, "time-future", f"recorded at {shown_time(t)}, later than this "
                                              f"computer's clock ({shown_time(self.now_us)})")
                self.run = [seq, seq, self.warnings[-1]]
        closes = (f"the closing of fiscal year {e['fiscal_year']}", e["date"]) \
            if e["kind"] in ("closing", "year-closing") else \
            (f"the seal of the period ending {e['period_end']}", e["period_end"]) \
            if e["kind"] == "seal" and e["period_end"] is not None else None
        if closes is not None:
            what, day = closes
            over = day_over_us(day)
            if over is not None and t < over:
                self.warn(seq, "closed-early", f"{what} was recorded at {shown_time(t)}, before "
                                               f"{day} had ended everywhere")
        self.latest = t if self.latest is None else max(self.latest, t)


# ---------------------------------------------------------------- sections 1 and 7: the log
def verify(log_rows, store, anchors, conn=None, problems=None, seal_anchors=(), on_row=None):
    """log_rows yields (seq, kind, body, entry_hash, prev, chain) in order; conn, when given,
    is the ledger whose projected tables are compared (section 6). Findings are appended to
    `problems` (which the row source may share). seal_anchors are published seal
    fingerprints; on_row(seq, chain, entry_hash, entry or None) is called for each row read,
    in order."""
    problems = [] if problems is None else problems

    def report(seq, kind, detail):
        problems.append({"seq": seq, "kind": kind, "detail": detail})

    rules, rows = Rules(report, store), {t: [] for t in TABLES}
    clock = Clock(int(time.time() * 1_000_000))
    rules.seal_anchors = set(seal_anchors)
    seq_of_entry, anchored, kinds = {}, 0, []  # kinds: (seq, kind) of every row, for coverage
    expected, prev_chain, prev_seq, last_seq, head, nrows = 1, ZERO, 0, 0, ZERO, 0
    for seq, kind, body, entry_hash, prev, chain in log_rows:
        nrows += 1
        if not isinstance(seq, int) or seq < 1:
            report(0, "reordered", f"log row with invalid seq {show(seq)}")
            continue
        if seq < expected:  # only possible in a bundle: SQLite keeps `seq` unique and ordered
            report(seq, "reordered", f"log row {seq} comes after row {expected - 1}")
            continue
        gap = seq != expected
        if gap:
            missing = f"{expected}" if seq - 1 == expected else f"{expected}..{seq - 1}"
            one = seq - 1 == expected
            report(expected, "deleted", f"{'entry' if one else 'entries'} {missing} "
                                        f"{'is' if one else 'are'} missing (the next is {seq})")
            rules.skip_missing(seq - expected)
        expected, last_seq = seq + 1, seq
        if not isinstance(body, bytes):
            report(seq, "undecodable", f"body is {type(body).__name__}, not a BLOB")
            body = str(body).encode("utf-8", "surrogateescape")
        blobs = {}
        for col, kind_if_bad, v in (("entry_hash", "hash-edited", entry_hash),
                                    ("prev", "link-broken", prev),
                                    ("chain", "chain-hash-edited", chain)):
            if not (isinstance(v, bytes) and len(v) == 32):
                report(seq, kind_if_bad, f"{col} is not a 32-byte BLOB: {show(v)}")
                v = b""
            blobs[col] = v
        entry_hash, prev, chain = blobs["entry_hash"], blobs["prev"], blobs["chain"]
        head = chain

        entry, why = None, None
        try:
            entry, trailing = decode(body)
        except Undecodable as e:
            why = str(e)
        moved = entry is not None and entry["seq"] != seq

        # hashes (section 1), classified as in section 7
        calc = sha256(ENTRY_PREFIX, body)
        if on_row is not None:
            on_row(seq, chain, calc, entry)
        chain_of = lambda h: sha256(CHAIN_PREFIX, struct.pack(">Q", seq), prev, h)
        if calc != entry_hash and chain == chain_of(calc):
            if entry_hash:  # (a malformed entry_hash was reported above)
                report(seq, "hash-edited", "entry_hash was overwritten; the body matches chain")
        else:
            if calc != entry_hash:
                report(seq, "content-modified", f"body hashes to {calc.hex()}, not to entry_hash")
            if chain != chain_of(entry_hash):
                report(seq, "chain-hash-edited", "chain does not follow from prev and entry_hash")
        if prev and prev != prev_chain:  # (after a gap: the row before is another entry)
            report(seq, "link-broken", "prev of entry 1 is not 32 zero bytes" if seq == 1 else
                   f"prev is not the chain of the row before (entry {prev_seq})")
        prev_seq, prev_chain = seq, chain
        if moved:
            report(seq, "reordered", f"this row holds the entry recorded at seq {entry['seq']}")
        if why:
            report(seq, "undecodable", why)

        kinds.append((seq, entry["kind"] if entry else kind))
        if entry is None:
            rules.skip(seq, kind)
        else:
            clock.check(entry)  # warnings (section 7)
            # canonical form (section 2)
            if trailing:
                report(seq, "non-canonical", f"{trailing} byte(s) follow the last value")
            for detail in canonical_problems(entry):
                report(seq, "non-canonical", detail)
            if trailing == 0 and encode(entry) != body:
                report(seq, "non-canonical", "re-encoding the decoded entry gives other bytes")
            if kind != entry["kind"]:
                report(seq, "projection-drift", f"log.kind is {show(kind)}, the body says "
                                                f"{show(entry['kind'])}")
            # rules (section 5) and projection (section 6)
            rules.entry_hash = calc
            rules.apply(seq, entry)
            project(entry["seq"], entry, rows)  # section 6: "`seq` is the entry's seq"
            if moved:  # findings about its rows belong to the row it stands in
                seq_of_entry.setdefault(("seq", entry["seq"]), seq)
            if entry["kind"] in MOVES:
                seq_of_entry.setdefault(entry["id"], seq)
        # the seal after this entry covers it: leaf data is the body's entry hash (section 5b)
        rules.merkle.add(calc)
        rules.chains[seq] = chain

    if nrows == 0:
        report(0, "empty", "the log holds no entry")
    elif rules.pending is not None:
        p = rules.pending
        report(p[0], "truncated", f"the chain ends inside the import at seq {p[0]}: "
                                  f"{p[2]} of its {p[1]} transaction(s) are missing")
    for n, hexd in sorted(anchors.items()):  # section 7: heads published outside the ledger
        if n in rules.chains:
            if rules.chains[n].hex() == hexd:
                anchored = max(anchored, n)
            else:
                report(n, "rewritten", f"entry {n}'s chain is "
                                       f"{rules.chains[n].hex() or '(malformed)'}, the anchor "
                                       f"says {hexd}")
        elif n > last_seq:
            report(n, "rolled-back", f"the anchor {n}:{hexd} names entry {n}, but the ledger "
                                     f"ends at entry {last_seq}")
        else:
            report(n, "rewritten", f"the anchor {n}:{hexd} names entry {n}, which is missing")
    for fp in sorted(rules.seal_anchors):  # section 7: seals published outside the ledger
        found = rules.seals_found.get(fp)
        if isinstance(found, int):
            anchored = max(anchored, found)
        elif found is not None:
            report(next(s for s, v in rules.seals.items() if v["fingerprint"] == fp), "rewritten",
                   found)
        else:
            report(0, "rolled-back", f"no seal of this ledger ({nrows} entries) has the published "
                                     f"fingerprint {fp}: the ledger was rolled back to before "
                                     f"that seal, or the seal and the history it covers were "
                                     f"rewritten, or it is another ledger's seal")
    rows_checked = 0
    if conn is not None:
        try:  # rows of `postings` that the chain does not know are attributed through `entries`
            for eid, eseq in conn.execute("SELECT id, seq FROM entries"):
                seq_of_entry.setdefault(eid, eseq)
        except sqlite3.Error:
            pass
        rows["year_totals"] = year_totals(rows["year_totals"])
        for table in TABLES:
            compare_table(conn, table, rows[table], seq_of_entry, report)
            rows_checked += len(rows[table])
    problems.sort(key=lambda p: p["seq"])  # stable: keeps the order of findings within an entry

    # coverage (section 7)
    # valid: the content recomputes and none of its signatures failed
    seals = [{k: (v and not s.get("failed") if k == "valid" else v) for k, v in s.items()
              if k not in ("hash", "failed")} for s in rules.seals.values()]
    signed = max([s["covered"] for s in seals if s["valid"] and s["signed_by"]], default=0)
    vouched = max(signed, anchored)
    unanchored = sum(1 for s, k in kinds if s > vouched and k not in ("seal", "signature"))
    return {"ok": not problems, "entries": nrows,
            "head": head.hex() if len(head) == 32 else ZERO.hex(), "problems": problems,
            "transactions": rules.moves, "rows_checked": rows_checked,
            "signed_through": signed, "anchored_through": anchored, "unanchored": unanchored,
            "seals": seals, "warnings": clock.warnings}


# ---------------------------------------------------------------- input: ledger file or bundle
def ledger_rows(conn):
    yield from conn.execute("SELECT seq, kind, body, entry_hash, prev, chain FROM log ORDER BY seq")


def bundle_rows(path, report_bad_line, report_out_of_order):
    """chain.jsonl of an audit bundle (section 7b): one object per entry, hex byte fields,
    checked in the order of `seq`; a line that comes after one with a higher `seq` is
    reported (and still checked, at its place)."""
    def unhex(v):
        try:
            return bytes.fromhex(v) if isinstance(v, str) else v
        except ValueError:
            return v  # reported by the log checks as a malformed value

    rows = []  # (line number, row)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                row = (obj["seq"], obj["kind"], unhex(obj["body"]), unhex(obj["entry_hash"]),
                       unhex(obj["prev"]), unhex(obj["chain"]))
            except (ValueError, KeyError, TypeError) as e:
                report_bad_line(n, e)
                continue
            rows.append((n, row))
    is_seq = lambda s: isinstance(s, int) and not isinstance(s, bool)
    highest = None
    for n, row in rows:
        if is_seq(row[0]):
            if highest is not None and row[0] < highest:
                report_out_of_order(n, row[0], highest)
            highest = row[0] if highest is None else max(highest, row[0])
    rows.sort(key=lambda nr: nr[1][0] if is_seq(nr[1][0]) else float("inf"))  # stable
    return [row for _, row in rows]


# ---------------------------------------------------------------- section 7b: bundle summaries
BUNDLE_FORMAT = "amana chain v1 (schema/CHAIN.md)"


class Summaries:
    """ledger.json, officers.json and seals.json as a bundle's chain says they must be."""

    def __init__(self):
        self.ledger, self.officers, self.seals, self.entries, self.head = None, [], [], 0, ""

    def add(self, seq, chain, entry_hash, e):
        self.entries = seq
        self.head = chain.hex() if isinstance(chain, bytes) else str(chain)
        if e is None:
            return
        k = e["kind"]
        if k == "ledger" and self.ledger is None:
            self.ledger = (e["name"], e["id"].hex(), e["currency"])
        elif k == "officer":
            self.officers.append({"seq": seq, "id": e["id"], "name": e["name"], "role": e["role"],
                                  "public_key": e["public_key"].hex()})
        elif k == "seal":
            self.seals.append({"seq": seq, "fingerprint": fingerprint(entry_hash),
                               "covered": e["covered"], "period_end": e["period_end"],
                               "head": e["head"].hex(), "merkle_root": e["merkle_root"].hex(),
                               "signatures": []})
        elif k == "signature":
            for s in self.seals:
                if s["seq"] == e["seal"]:
                    s["signatures"].append({"seq": seq, "officer": e["officer"],
                                            "signature": e["signature"].hex()})
                    break

    def files(self):
        name, lid, currency = self.ledger or (None, None, None)
        return {"ledger.json": {"name": name, "id": lid, "currency": currency,
                                "entries": self.entries, "head": self.head,
                                "format": BUNDLE_FORMAT},
                "officers.json": self.officers, "seals.json": self.seals}


def shown(v):
    text = json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return text if len(text) <= 80 else text[:80] + "…"


def by_seq(items):
    """The seq of each element, when every one is an object with a distinct integer seq."""
    seqs = [v.get("seq") if isinstance(v, dict) else None for v in items]
    ok = all(type(s) is int for s in seqs) and len(set(seqs)) == len(seqs)
    return seqs if ok else None


def diff_json(file, path, seq, actual, expected, found):
    """Every difference between a summary file (actual) and what the chain says (expected);
    list elements are matched by their seq, so one added or removed element is one finding."""
    at = lambda p: f"field {p}" if p else "the top level"
    if isinstance(actual, dict) and isinstance(expected, dict):
        for key, ev in expected.items():
            p = f"{path}.{key}"
            if key in actual:
                diff_json(file, p, seq, actual[key], ev, found)
            else:
                found.append((seq, f"{file}: {at(p)} is missing; chain.jsonl says {shown(ev)}"))
        for key, av in actual.items():
            if key not in expected:
                found.append((seq, f"{file}: {at(path + '.' + key)} = {shown(av)} is not derived "
                                   f"from chain.jsonl (added)"))
    elif isinstance(actual, list) and isinstance(expected, list):
        sa, se = by_seq(actual), by_seq(expected)
        if sa is not None and se is not None:
            for i, s in enumerate(se):
                if s in sa:
                    diff_json(file, f"{path}[seq {s}]", s, actual[sa.index(s)], expected[i], found)
                else:
                    found.append((s, f"{file}: the element with seq {s} is missing (removed); "
                                     f"chain.jsonl gives {shown(expected[i])}"))
            for j, s in enumerate(sa):
                if s not in se:
                    found.append((seq, f"{file}: {at(path)} holds an element with seq {s} that "
                                       f"chain.jsonl does not give (added): {shown(actual[j])}"))
        else:
            for i in range(max(len(actual), len(expected))):
                p = f"{path}[{i}]"
                if i < len(actual) and i < len(expected):
                    diff_json(file, p, seq, actual[i], expected[i], found)
                elif i < len(expected):
                    found.append((seq, f"{file}: {at(p)} is missing (removed); chain.jsonl gives "
                                       f"{shown(expected[i])}"))
                else:
                    found.append((seq, f"{file}: {at(p)} = {shown(actual[i])} is not derived "
                                       f"from chain.jsonl (added)"))
    elif type(actual) is not type(expected) or actual != expected:
        # (type too: JSON's true is not 1, nor 1.0 the integer 1)
        found.append((seq, f"{file}: {at(path)} is {shown(actual)}, but chain.jsonl says "
                           f"{shown(expected)}"))


def check_summaries(bundle, summaries, report):
    for name, expected in summaries.files().items():
        path = os.path.join(bundle, name)
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            report(0, "metadata-mismatch", f"{name} cannot be read ({e}): a bundle written by "
                                           f"amana has it, derived from chain.jsonl")
            continue
        try:
            actual = json.loads(text)
        except ValueError as e:
            report(0, "metadata-mismatch", f"{name} is not JSON ({e})")
            continue
        found = []
        diff_json(name, "", 0, actual, expected, found)
        for seq, detail in found:
            report(seq, "metadata-mismatch", detail)


def normalise_fingerprint(text):
    clean = "".join(c for c in text if c.isascii() and c.isalnum()).upper()
    clean = clean.replace("O", "0").replace("I", "1").replace("L", "1")
    return "-".join(clean[i:i + 4] for i in range(0, len(clean), 4))


def parse_seal(text):
    fp = normalise_fingerprint(text)
    digits = fp.replace("-", "")
    if len(digits) != 16 or any(c not in CROCKFORD for c in digits):
        raise argparse.ArgumentTypeError(f"{text!r} is not a seal fingerprint (16 letters and "
                                         f"digits, like 7W69-RMDN-9JJF-8F5W)")
    return fp


def parse_anchor(text):
    m = re.fullmatch(r"([0-9]+):([0-9A-Fa-f]{64})", text)
    if not m or int(m.group(1)) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not N:HEX (an entry number >= 1 and "
                                         f"64 hex digits)")
    return int(m.group(1)), m.group(2).lower()


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Verify an amana ledger or audit bundle (CHAIN.md version 1).",
        usage="%(prog)s LEDGER.db [--json] [--anchor N:HEX]... [--seal FINGERPRINT]...\n"
              "       %(prog)s --bundle DIR [--json] [--anchor N:HEX]... [--seal FINGERPRINT]...")
    parser.add_argument("ledger", nargs="?", help="path of the ledger's SQLite file")
    parser.add_argument("--bundle", metavar="DIR", help="verify an audit bundle instead")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--anchor", metavar="N:HEX", type=parse_anchor, action="append",
                        default=[], help="a published head the ledger must extend (repeatable)")
    parser.add_argument("--seal", metavar="FINGERPRINT", type=parse_seal, action="append",
                        default=[], help="a published seal fingerprint the ledger must hold, "
                                         "with the history it sealed (repeatable)")
    args = parser.parse_args(argv)
    if (args.ledger is None) == (args.bundle is None):
        parser.error("give either LEDGER.db or --bundle DIR")
    anchors = {}
    for n, hexd in args.anchor:
        if anchors.get(n, hexd) != hexd:
            parser.error(f"two different anchors for entry {n}")
        anchors[n] = hexd
    problems = []
    try:
        if args.bundle is not None:
            chain_file = os.path.join(args.bundle, "chain.jsonl")
            if not os.path.isfile(chain_file):
                raise ValueError(f"{chain_file} does not exist: not an audit bundle")
            bad_line = lambda n, e: problems.append(
                {"seq": 0, "kind": "undecodable", "detail": f"chain.jsonl line {n} is not an "
                                                            f"entry object ({e})"})
            out_of_order = lambda n, seq, after: problems.append(
                {"seq": seq, "kind": "reordered", "detail": f"chain.jsonl line {n} holds entry "
                                                            f"{seq} after entry {after}"})
            summaries = Summaries()
            result = verify(bundle_rows(chain_file, bad_line, out_of_order),
                            os.path.join(args.bundle, "receipts"), anchors, problems=problems,
                            seal_anchors=args.seal, on_row=summaries.add)
            check_summaries(args.bundle, summaries,
                            lambda seq, kind, detail: problems.append(
                                {"seq": seq, "kind": kind, "detail": detail}))
        else:
            if not os.path.isfile(args.ledger):
                raise ValueError("no such file")
            uri = f"file:{urllib.request.pathname2url(args.ledger)}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            # TEXT that is not valid UTF-8 must not crash the verifier: it simply will not match.
            conn.text_factory = lambda b: b.decode("utf-8", "surrogateescape")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise ValueError(f"application_id is 0x{app_id:08X}, not 0x{APPLICATION_ID:08X} "
                                 f"(AMNA)")
            conn.execute("BEGIN")  # one read snapshot for everything below
            result = verify(ledger_rows(conn), args.ledger + ".receipts", anchors, conn, problems,
                            seal_anchors=args.seal)
            conn.execute("ROLLBACK")
            conn.close()
    except (sqlite3.Error, OSError, UnicodeDecodeError, ValueError) as e:
        print(f"verify_chain: cannot read {args.bundle or args.ledger}: {e}", file=sys.stderr)
        return 2
    problems.sort(key=lambda p: p["seq"])
    result["ok"] = ok = not problems
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for p in problems:
            print(f"entry {p['seq']}: {p['kind']}: {p['detail']}")
        for w in result["warnings"]:
            print(f"entry {w['seq']}: warning: {w['kind']}: {w['detail']}")
        for s in result["seals"]:
            print(f"seal at entry {s['seq']} {s['fingerprint']}: covers 1..{s['covered']}, "
                  f"{'valid' if s['valid'] else 'NOT VALID (content or a signature fails)'}, "
                  f"signed by {', '.join(s['signed_by']) or 'nobody (no valid approved signer)'}")
        print(f"coverage: signed through {result['signed_through']}, anchored through "
              f"{result['anchored_through']}, {result['unanchored']} entries not yet vouched for")
        summary = f"{result['entries']} entries, head {result['head']}"
        print(f"OK: {summary}" if ok else f"FAILED: {len(problems)} problem(s); {summary}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
