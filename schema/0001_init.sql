-- amana ledger schema, version 1.
--
-- The `log` table is the audit chain: the truth. Every other table is a projection of it,
-- written in the same SQLite transaction as the log row that justifies it, and re-derived from
-- the chain by `amana verify`, which reports any row that differs, is missing or is extra.
-- Nothing is ever updated or deleted: the triggers below refuse it, and `verify` catches
-- whoever drops the triggers first. Amounts are INTEGER minor units (centimes for MAD) so that
-- SUM is exact; see schema/CHAIN.md for the encoding of log bodies.
--
-- Never edit this file once released: add 0002_*.sql instead.

CREATE TABLE log (
    seq        INTEGER PRIMARY KEY CHECK (seq >= 1),     -- 1, 2, 3, ... without gaps
    kind       TEXT    NOT NULL,                         -- copy of the kind inside body, for queries
    body       BLOB    NOT NULL,                         -- canonical bytes, hashed as stored
    entry_hash BLOB    NOT NULL CHECK (length(entry_hash) = 32),
    prev       BLOB    NOT NULL UNIQUE CHECK (length(prev) = 32),  -- chain hash of seq-1: fork guard
    chain      BLOB    NOT NULL UNIQUE CHECK (length(chain) = 32)  -- this entry's chain hash: the head
) STRICT;
CREATE INDEX log_by_kind ON log(kind);

-- The ledger's identity (one row, from the genesis entry).
CREATE TABLE ledger (
    seq               INTEGER PRIMARY KEY REFERENCES log(seq),
    id                BLOB    NOT NULL CHECK (length(id) = 16),
    name              TEXT    NOT NULL,
    currency          TEXT    NOT NULL,
    fiscal_year_start TEXT    NOT NULL,                  -- MM-DD
    chart             TEXT    NOT NULL
) STRICT;

-- The currency table bound at genesis: code and number of decimals.
CREATE TABLE currencies (
    code     TEXT    PRIMARY KEY,
    exponent INTEGER NOT NULL CHECK (exponent BETWEEN 0 AND 6),
    seq      INTEGER NOT NULL REFERENCES log(seq)
) STRICT;

CREATE TABLE accounts (
    code TEXT    PRIMARY KEY,
    name TEXT    NOT NULL,
    type TEXT    NOT NULL CHECK (type IN ('asset', 'liability', 'net-assets', 'income', 'expense')),
    seq  INTEGER NOT NULL UNIQUE REFERENCES log(seq)
) STRICT;

-- Names of an account in other languages (ar, fr, en, ...).
CREATE TABLE account_labels (
    code TEXT    NOT NULL REFERENCES accounts(code),
    lang TEXT    NOT NULL,
    text TEXT    NOT NULL,
    seq  INTEGER NOT NULL REFERENCES log(seq),
    PRIMARY KEY (code, lang)
) STRICT;

CREATE TABLE funders (
    id      TEXT    PRIMARY KEY,
    name    TEXT    NOT NULL,
    type    TEXT    NOT NULL CHECK (type IN ('public-local', 'public-national', 'foreign-public',
                                             'foreign-private', 'private', 'individual', 'members')),
    country TEXT,                                        -- ISO 3166-1 alpha-2
    seq     INTEGER NOT NULL UNIQUE REFERENCES log(seq)
) STRICT;

CREATE TABLE grants (
    id         TEXT    PRIMARY KEY,
    funder     TEXT    NOT NULL REFERENCES funders(id),
    amount     INTEGER NOT NULL CHECK (amount >= 0),     -- minor units of `currency`
    currency   TEXT    NOT NULL REFERENCES currencies(code),
    start_date TEXT    NOT NULL,
    end_date   TEXT    NOT NULL CHECK (end_date >= start_date),
    restricted INTEGER NOT NULL CHECK (restricted IN (0, 1)),
    purpose    TEXT,
    seq        INTEGER NOT NULL UNIQUE REFERENCES log(seq)
) STRICT;

CREATE TABLE budget_lines (
    grant_id TEXT    NOT NULL REFERENCES grants(id),
    line_id  TEXT    NOT NULL,
    label    TEXT    NOT NULL,
    amount   INTEGER NOT NULL CHECK (amount >= 0),       -- minor units of the base currency
    account  TEXT    REFERENCES accounts(code),          -- default expense account
    seq      INTEGER NOT NULL UNIQUE REFERENCES log(seq),
    PRIMARY KEY (grant_id, line_id)
) STRICT;

CREATE TABLE imports (
    seq          INTEGER PRIMARY KEY REFERENCES log(seq),
    file_sha256  BLOB    NOT NULL CHECK (length(file_sha256) = 32),
    file_name    TEXT    NOT NULL,
    rows         INTEGER NOT NULL,
    transactions INTEGER NOT NULL,
    forced       INTEGER NOT NULL CHECK (forced IN (0, 1))
) STRICT;
CREATE INDEX imports_by_file ON imports(file_sha256);

-- Journal entries: transactions and reversals.
CREATE TABLE entries (
    id          INTEGER PRIMARY KEY CHECK (id >= 1),     -- 1, 2, 3, ... without gaps
    seq         INTEGER NOT NULL UNIQUE REFERENCES log(seq),
    kind        TEXT    NOT NULL CHECK (kind IN ('transaction', 'reversal', 'closing')),
    date        TEXT    NOT NULL,                        -- YYYY-MM-DD
    description TEXT    NOT NULL,
    reference   TEXT,
    reverses    INTEGER UNIQUE REFERENCES entries(id),   -- an entry is reversed at most once
    reason      TEXT,
    batch       INTEGER REFERENCES imports(seq),
    CHECK ((kind = 'reversal') = (reverses IS NOT NULL AND reason IS NOT NULL))
) STRICT;
CREATE INDEX entries_by_date ON entries(date);

CREATE TABLE postings (
    entry_id          INTEGER NOT NULL REFERENCES entries(id) DEFERRABLE INITIALLY DEFERRED,
    idx               INTEGER NOT NULL CHECK (idx >= 0), -- position within the entry
    account           TEXT    NOT NULL REFERENCES accounts(code),
    amount            INTEGER NOT NULL,                  -- base-currency minor units, debit > 0
    grant_id          TEXT    REFERENCES grants(id),
    line_id           TEXT,
    original_amount   INTEGER,                           -- minor units of original_currency
    original_currency TEXT    REFERENCES currencies(code),
    memo              TEXT,
    PRIMARY KEY (entry_id, idx),
    FOREIGN KEY (grant_id, line_id) REFERENCES budget_lines(grant_id, line_id),
    CHECK (line_id IS NULL OR grant_id IS NOT NULL),
    CHECK ((original_amount IS NULL) = (original_currency IS NULL))
) STRICT, WITHOUT ROWID;
CREATE INDEX postings_by_account ON postings(account);
CREATE INDEX postings_by_grant ON postings(grant_id, line_id) WHERE grant_id IS NOT NULL;

-- The closing of a fiscal year: which year, and where its result went (its postings are in
-- `postings`, under the closing's entry id).
CREATE TABLE closings (
    seq                  INTEGER PRIMARY KEY REFERENCES log(seq),
    entry_id             INTEGER NOT NULL UNIQUE REFERENCES entries(id) DEFERRABLE INITIALLY DEFERRED,
    year                 INTEGER NOT NULL UNIQUE,
    start_date           TEXT    NOT NULL,
    restricted_account   TEXT    NOT NULL REFERENCES accounts(code),
    unrestricted_account TEXT    NOT NULL REFERENCES accounts(code)
) STRICT;

-- Officers who sign seals, with their Ed25519 public keys (private keys are never here).
CREATE TABLE officers (
    seq        INTEGER PRIMARY KEY REFERENCES log(seq),
    id         TEXT    NOT NULL UNIQUE,
    name       TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    public_key BLOB    NOT NULL UNIQUE CHECK (length(public_key) = 32)
) STRICT;

-- Seals: checkpoints of the chain (see CHAIN.md, "Seals").
CREATE TABLE seals (
    seq           INTEGER PRIMARY KEY REFERENCES log(seq),
    period_end    TEXT,                                  -- locks entries dated on or before it
    covered       INTEGER NOT NULL,                      -- entries 1..covered
    head          BLOB    NOT NULL CHECK (length(head) = 32),
    merkle_root   BLOB    NOT NULL CHECK (length(merkle_root) = 32),
    previous_seq  INTEGER REFERENCES seals(seq),
    previous_hash BLOB
) STRICT;

CREATE TABLE seal_balances (
    seq     INTEGER NOT NULL REFERENCES seals(seq),
    account TEXT    NOT NULL,
    balance INTEGER NOT NULL,
    PRIMARY KEY (seq, account)
) STRICT, WITHOUT ROWID;

CREATE TABLE seal_grants (
    seq      INTEGER NOT NULL REFERENCES seals(seq),
    grant_id TEXT    NOT NULL,
    received INTEGER NOT NULL,
    spent    INTEGER NOT NULL,
    PRIMARY KEY (seq, grant_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE seal_banks (
    seq       INTEGER NOT NULL REFERENCES seals(seq),
    account   TEXT    NOT NULL,
    balance   INTEGER NOT NULL,
    statement TEXT    NOT NULL,
    PRIMARY KEY (seq, account)
) STRICT, WITHOUT ROWID;

CREATE TABLE signatures (
    seq       INTEGER PRIMARY KEY REFERENCES log(seq),
    seal      INTEGER NOT NULL REFERENCES log(seq),          -- the entry signed: a seal, or an officer's registration (an approval)
    officer   TEXT    NOT NULL REFERENCES officers(id),
    signature BLOB    NOT NULL CHECK (length(signature) = 64),
    UNIQUE (seal, officer)
) STRICT;

-- Supporting documents, kept by SHA-256 in the receipt store beside the ledger.
CREATE TABLE receipts (
    seq       INTEGER PRIMARY KEY REFERENCES log(seq),
    entry_id  INTEGER NOT NULL REFERENCES entries(id),
    sha256    BLOB    NOT NULL CHECK (length(sha256) = 32),
    file_name TEXT    NOT NULL,
    size      INTEGER NOT NULL,
    UNIQUE (entry_id, sha256)
) STRICT;

-- The log grows by one gapless, linked row at a time.
CREATE TRIGGER log_append BEFORE INSERT ON log
BEGIN
    SELECT RAISE(ABORT, 'amana: log rows are appended in sequence')
    WHERE NEW.seq != coalesce((SELECT max(seq) FROM log), 0) + 1;
    SELECT RAISE(ABORT, 'amana: log row does not link to the previous head')
    WHERE NEW.prev != coalesce((SELECT chain FROM log WHERE seq = NEW.seq - 1), zeroblob(32));
END;

-- An entry's postings are written first; the entry row then checks they balance.
CREATE TRIGGER entries_balance BEFORE INSERT ON entries
BEGIN
    SELECT RAISE(ABORT, 'amana: an entry needs at least two postings')
    WHERE (SELECT count(*) FROM postings WHERE entry_id = NEW.id) < 2;
    SELECT RAISE(ABORT, 'amana: entry postings do not sum to zero')
    WHERE (SELECT sum(amount) FROM postings WHERE entry_id = NEW.id) != 0;
END;

-- Nothing is ever updated or deleted.
CREATE TRIGGER log_no_update BEFORE UPDATE ON log BEGIN SELECT RAISE(ABORT, 'amana: the log is append-only'); END;
CREATE TRIGGER log_no_delete BEFORE DELETE ON log BEGIN SELECT RAISE(ABORT, 'amana: the log is append-only'); END;
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER currencies_no_update BEFORE UPDATE ON currencies BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER currencies_no_delete BEFORE DELETE ON currencies BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER accounts_no_update BEFORE UPDATE ON accounts BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER account_labels_no_update BEFORE UPDATE ON account_labels BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER account_labels_no_delete BEFORE DELETE ON account_labels BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER funders_no_update BEFORE UPDATE ON funders BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER funders_no_delete BEFORE DELETE ON funders BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER grants_no_update BEFORE UPDATE ON grants BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER grants_no_delete BEFORE DELETE ON grants BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER budget_lines_no_update BEFORE UPDATE ON budget_lines BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER budget_lines_no_delete BEFORE DELETE ON budget_lines BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries BEGIN SELECT RAISE(ABORT, 'amana: append-only: correct a mistake with amana reverse'); END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries BEGIN SELECT RAISE(ABORT, 'amana: append-only: correct a mistake with amana reverse'); END;
CREATE TRIGGER postings_no_update BEFORE UPDATE ON postings BEGIN SELECT RAISE(ABORT, 'amana: append-only: correct a mistake with amana reverse'); END;
CREATE TRIGGER postings_no_delete BEFORE DELETE ON postings BEGIN SELECT RAISE(ABORT, 'amana: append-only: correct a mistake with amana reverse'); END;
CREATE TRIGGER closings_no_update BEFORE UPDATE ON closings BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER closings_no_delete BEFORE DELETE ON closings BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER officers_no_update BEFORE UPDATE ON officers BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER officers_no_delete BEFORE DELETE ON officers BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER seal_balances_no_update BEFORE UPDATE ON seal_balances BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER seal_balances_no_delete BEFORE DELETE ON seal_balances BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER seal_grants_no_update BEFORE UPDATE ON seal_grants BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER seal_grants_no_delete BEFORE DELETE ON seal_grants BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER seal_banks_no_update BEFORE UPDATE ON seal_banks BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER seal_banks_no_delete BEFORE DELETE ON seal_banks BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
