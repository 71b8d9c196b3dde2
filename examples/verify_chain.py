#!/usr/bin/env python3
"""Independent verifier for amana ledger files.

It follows schema/CHAIN.md, format version 1, and nothing else: it uses only the Python 3.11
standard library and shares no code with amana. It opens a ledger read-only, reads it in one
snapshot, and checks

  * the hash chain of the `log` table (section 1),
  * that every body is the strict, canonical version-1 encoding of an entry (sections 2-4),
  * the eight rules of section 5, replayed in order,
  * that every projected table holds exactly the rows the chain stands for (section 6).

It never stops at the first finding: each is printed as `entry SEQ: KIND: detail` with a kind
from section 7 (SEQ is 0 when a finding belongs to no entry), followed by a summary line.

Usage:  python3 verify_chain.py LEDGER.db [--json]
Exit:   0 intact, 1 at least one problem, 2 usage error or unreadable / non-amana file.
"""
import argparse
import datetime
import hashlib
import json
import re
import sqlite3
import struct
import sys
import unicodedata
import urllib.request

APPLICATION_ID = 0x414D4E41  # "AMNA"
MAGIC = b"AMANA\x01"
ENTRY_PREFIX = b"amana/v1/entry\0"
CHAIN_PREFIX = b"amana/v1/chain\0"
ZERO = bytes(32)

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
               F("chart", TEXT), F("currencies", LIST, items=[F("code", TEXT), F("exponent", INT)])],
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
}
ACCOUNT_TYPES = {"asset", "liability", "net-assets", "income", "expense"}
FUNDER_TYPES = {"public-local", "public-national", "foreign-public", "foreign-private", "private",
                "individual", "members"}
CHARTS = {"ma-associations", "generic", "none"}
IDENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
CURRENCY = re.compile(r"[A-Z]{3}")
COUNTRY = re.compile(r"[A-Z]{2}")
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
            out.append(f"{path}: {v!r} is not {what}")

    def ident(path, v):
        check(path, v, IDENT.fullmatch, "an identifier")

    def currency(path, v):
        check(path, v, CURRENCY.fullmatch, "a currency code")

    walk(HEADER, e, "")
    k = e["kind"]
    walk(SCHEMAS[k], e, "")
    if k == "ledger":
        check("id", e["id"], lambda v: len(v) == 16, "16 bytes")
        currency("currency", e["currency"])
        check("fiscal_year_start", e["fiscal_year_start"],
              lambda v: len(v) == 5 and is_date("2000-" + v), "MM-DD")
        check("chart", e["chart"], CHARTS.__contains__, "a known chart")
        codes = [c["code"] for c in e["currencies"]]
        for i, c in enumerate(e["currencies"]):
            currency(f"currencies[{i}].code", c["code"])
            check(f"currencies[{i}].exponent", c["exponent"], lambda x: 0 <= x <= 6, "in 0..6")
        if any(a.encode() >= b.encode() for a, b in zip(codes, codes[1:])):
            out.append("currencies: codes are not in strictly increasing order")
        if e["currency"] not in codes:
            out.append(f"currencies: base currency {e['currency']!r} is not in the table")
    elif k == "account":
        ident("code", e["code"])
        check("type", e["type"], ACCOUNT_TYPES.__contains__, "an account type")
        langs = [lab["lang"] for lab in e["labels"]]
        if any(a.encode() >= b.encode() for a, b in zip(langs, langs[1:])):
            out.append("labels: languages are not in strictly increasing order")
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
    elif k == "import":
        check("file_sha256", e["file_sha256"], lambda v: len(v) == 32, "32 bytes")
        check("file_name", e["file_name"], lambda v: "/" not in v and "\\" not in v,
              "a name without folders")
    else:
        for i, p in enumerate(e["postings"]):
            ident(f"postings[{i}].account", p["account"])
            ident(f"postings[{i}].grant", p["grant"])
            ident(f"postings[{i}].line", p["line"])
            currency(f"postings[{i}].original_currency", p["original_currency"])
    return out


# ---------------------------------------------------------------- section 5: rules
class Rules:
    def __init__(self, report):
        self.report = report  # report(seq, kind, detail)
        self.currencies = None  # code -> exponent, from the genesis entry
        self.accounts, self.funders, self.grants, self.lines = {}, set(), {}, set()
        self.last_id, self.transactions, self.reversed = 0, {}, set()
        self.import_hashes, self.pending = set(), None  # pending = [import seq, announced, left]

    def apply(self, seq, e):
        k = e["kind"]

        def bad(detail):
            self.report(seq, "rule-violation", detail)

        # rule 1 (the header seq is checked, as `reordered`, with the log row)
        if k == "ledger" and seq != 1:
            bad("a ledger (genesis) entry may only stand at seq 1")
        if seq == 1 and k != "ledger":
            bad(f"seq 1 must be the ledger entry, found {k!r}")
        # rule 8: the batch that follows an import
        batch = e.get("batch") if k in ("transaction", "reversal") else None
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
        handler = {"budget-line": self.budget_line, "import": self.import_}.get(k)
        (handler or getattr(self, k))(seq, e, bad)

    def in_table(self, code):
        return self.currencies is not None and code in self.currencies

    def ledger(self, seq, e, bad):
        if self.currencies is None:
            self.currencies = {c["code"]: c["exponent"] for c in e["currencies"]}

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
            self.grants[e["id"]] = (e["start"], e["end"])
        if e["funder"] not in self.funders:
            bad(f"grant {e['id']!r}: funder {e['funder']!r} does not exist")
        if not self.in_table(e["currency"]):
            bad(f"grant {e['id']!r}: currency {e['currency']!r} is not in the currency table")
        if e["amount"] < 0:
            bad(f"grant {e['id']!r}: negative amount {e['amount']}")
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
        if e["amount"] < 0:
            bad(f"budget line {e['line']!r}: negative amount {e['amount']}")

    def import_(self, seq, e, bad):  # rule 8
        digest = e["file_sha256"]
        if not e["forced"] and digest in self.import_hashes:
            bad(f"file {digest.hex()} was imported before and `forced` is false")
        self.import_hashes.add(digest)
        if e["transactions"] < 1:
            bad(f"import announces {e['transactions']} transactions (at least 1 required)")
        else:
            self.pending = [seq, e["transactions"], e["transactions"]]

    def transaction(self, seq, e, bad):  # rules 5 and 6 (and 7 for reversals)
        tid, date, postings = e["id"], e["date"], e["postings"]
        if tid != self.last_id + 1:
            bad(f"transaction id {tid} does not follow {self.last_id}")
        self.last_id = tid
        if len(postings) < 2:
            bad(f"transaction {tid} has {len(postings)} posting(s), at least 2 required")
        total = sum(p["amount"] for p in postings)
        if total != 0:
            bad(f"transaction {tid}: postings sum to {total}, not 0")
        for i, p in enumerate(postings):
            where = f"transaction {tid} posting {i}"
            if p["account"] not in self.accounts:
                bad(f"{where}: account {p['account']!r} does not exist")
            g, line = p["grant"], p["line"]
            if g is not None and g not in self.grants:
                bad(f"{where}: grant {g!r} does not exist")
            if line is not None and (g is None or (g, line) not in self.lines):
                bad(f"{where}: line {line!r} is not a budget line of grant {g!r}")
            oa, oc = p["original_amount"], p["original_currency"]
            if (oa is None) != (oc is None):
                bad(f"{where}: original_amount and original_currency must be given together")
            if oc is not None and not self.in_table(oc):
                bad(f"{where}: original currency {oc!r} is not in the currency table")
            if oa is not None and (oa > 0) - (oa < 0) != (p["amount"] > 0) - (p["amount"] < 0):
                bad(f"{where}: original_amount {oa} and amount {p['amount']} differ in sign")
            if g in self.grants and (line is not None or self.accounts.get(p["account"]) == "expense"):
                start, end = self.grants[g]
                if not start <= date <= end:
                    bad(f"{where}: dated {date}, outside grant {g!r} period {start}..{end}")
        if e["kind"] == "transaction":
            if e["reverses"] is not None or e["reason"] is not None:
                bad(f"transaction {tid}: `reverses` and `reason` must be NULL")
        else:
            self.check_reversal(e, bad)
        self.transactions.setdefault(tid, e)

    reversal = transaction

    def check_reversal(self, e, bad):  # rule 7
        tid, target = e["id"], e["reverses"]
        orig = self.transactions.get(target)
        if target is None:
            bad(f"reversal {tid}: `reverses` is NULL")
        elif orig is None or target >= tid:
            bad(f"reversal {tid}: reverses {target}, which is not an earlier transaction")
        elif orig["kind"] != "transaction":
            bad(f"reversal {tid}: reverses {target}, which is itself a reversal")
        elif target in self.reversed:
            bad(f"reversal {tid}: transaction {target} was already reversed")
        if orig is None or target is None:
            return
        self.reversed.add(target)
        if e["date"] < orig["date"]:
            bad(f"reversal {tid}: dated {e['date']}, before transaction {target} ({orig['date']})")
        negated = [dict(p, amount=-p["amount"],
                        original_amount=None if p["original_amount"] is None else -p["original_amount"])
                   for p in orig["postings"]]
        if negated != e["postings"]:
            bad(f"reversal {tid}: postings are not those of transaction {target} negated")


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
}


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
    else:
        add("entries", e["id"], seq, k, e["date"], e["description"], e["reference"],
            e["reverses"], e["reason"], e["batch"])
        for i, p in enumerate(e["postings"]):
            add("postings", e["id"], i, p["account"], p["amount"], p["grant"], p["line"],
                p["original_amount"], p["original_currency"], p["memo"])


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
        got = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
    except sqlite3.Error as e:
        report(0, "projection-drift", f"{table}: cannot be read ({e})")
        return
    key = lambda row: sort_key(row[:nkey])
    expected, got = sorted(expected, key=key), sorted(got, key=key)

    def seq_of(row):
        if "seq" in columns:
            s = row[columns.index("seq")]
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


# ---------------------------------------------------------------- sections 1 and 7: the log
def sha256(*parts):
    return hashlib.sha256(b"".join(parts)).digest()


def verify(conn):
    problems = []

    def report(seq, kind, detail):
        problems.append({"seq": seq, "kind": kind, "detail": detail})

    rules, rows = Rules(report), {t: [] for t in TABLES}
    seq_of_entry = {}
    expected, prev_chain, last_seq, head = 1, ZERO, 0, ZERO
    for seq, kind, body, entry_hash, prev, chain in conn.execute(
            "SELECT seq, kind, body, entry_hash, prev, chain FROM log ORDER BY seq"):
        if not isinstance(seq, int) or seq < 1:
            report(0, "reordered", f"log row with invalid seq {show(seq)}")
            continue
        gap = seq != expected
        if seq > expected:
            missing = f"{expected}" if seq - 1 == expected else f"{expected}..{seq - 1}"
            report(seq, "deleted", f"entries {missing} are missing before this one")
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

        entry = None
        try:
            entry, trailing = decode(body)
        except Undecodable as e:
            report(seq, "undecodable", str(e))
        moved = entry is not None and entry["seq"] != seq

        # hashes (section 1), classified as in section 7
        calc = sha256(ENTRY_PREFIX, body)
        chain_of = lambda h: sha256(CHAIN_PREFIX, struct.pack(">Q", seq), prev, h)
        if calc != entry_hash and chain == chain_of(calc):
            if entry_hash:  # (a malformed entry_hash was reported above)
                report(seq, "hash-edited", "entry_hash was overwritten; the body matches chain")
        else:
            if moved:
                report(seq, "reordered", f"this row holds the entry recorded at seq {entry['seq']}")
            elif calc != entry_hash:
                report(seq, "content-modified", f"body hashes to {calc.hex()}, not to entry_hash")
            if chain != chain_of(entry_hash):
                report(seq, "chain-hash-edited", "chain does not follow from prev and entry_hash")
        if not gap and prev and prev != prev_chain:
            report(seq, "link-broken", f"prev is not the chain of entry {seq - 1}"
                   if seq > 1 else "prev of entry 1 is not 32 zero bytes")
        prev_chain = chain

        if entry is None:
            continue
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
        rules.apply(seq, entry)
        project(seq, entry, rows)
        if entry["kind"] in ("transaction", "reversal"):
            seq_of_entry.setdefault(entry["id"], seq)

    if last_seq == 0:
        report(0, "empty", "the log holds no entry")
    elif rules.pending is not None:
        p = rules.pending
        report(last_seq, "truncated", f"the chain ends inside the import at seq {p[0]}: "
                                      f"{p[2]} of its {p[1]} transaction(s) are missing")
    try:  # rows of `postings` that the chain does not know are attributed through `entries`
        for eid, eseq in conn.execute("SELECT id, seq FROM entries"):
            seq_of_entry.setdefault(eid, eseq)
    except sqlite3.Error:
        pass
    for table in TABLES:
        compare_table(conn, table, rows[table], seq_of_entry, report)
    problems.sort(key=lambda p: p["seq"])  # stable: keeps the order of findings within an entry
    return problems, last_seq, head.hex() if len(head) == 32 else ZERO.hex()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Verify an amana ledger (CHAIN.md version 1).")
    parser.add_argument("ledger", help="path of the ledger's SQLite file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    try:
        uri = f"file:{urllib.request.pathname2url(args.ledger)}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        # TEXT that is not valid UTF-8 must not crash the verifier: it simply will not match.
        conn.text_factory = lambda b: b.decode("utf-8", "surrogateescape")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise ValueError(f"application_id is 0x{app_id:08X}, not 0x{APPLICATION_ID:08X} (AMNA)")
        conn.execute("BEGIN")  # one read snapshot for everything below
        problems, entries, head = verify(conn)
        conn.execute("ROLLBACK")
        conn.close()
    except (sqlite3.Error, ValueError) as e:
        print(f"verify_chain: cannot read {args.ledger}: {e}", file=sys.stderr)
        return 2
    ok = not problems
    if args.json:
        print(json.dumps({"ok": ok, "entries": entries, "head": head, "problems": problems},
                         ensure_ascii=False, indent=2))
    else:
        for p in problems:
            print(f"entry {p['seq']}: {p['kind']}: {p['detail']}")
        if ok:
            print(f"OK: {entries} entries, head {head}")
        else:
            print(f"FAILED: {len(problems)} problem(s); {entries} entries, head {head}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
