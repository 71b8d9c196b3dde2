-- Fixed assets and their depreciation (CHAIN.md section 4, `asset` and `depreciation`).
--
-- A depreciation is a journal entry of its own kind, so `entries.kind` must admit it. SQLite
-- cannot change a CHECK constraint: the table is made again with the same rows, its index and
-- append-only triggers with it. The rows wait in a copy while the old table is dropped; the
-- references to it (postings, closings, receipts, a reversal's `reverses`) name the table, so
-- they find the new one, and are checked when this migration's transaction commits: the rows
-- put back first (by id, so a reversal follows what it reverses) satisfy them again.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE entries_before_0007 AS SELECT * FROM entries;
DROP TABLE entries;

CREATE TABLE entries (
    id          INTEGER PRIMARY KEY CHECK (id >= 1),     -- 1, 2, 3, ... without gaps
    seq         INTEGER NOT NULL UNIQUE REFERENCES log(seq),
    kind        TEXT    NOT NULL CHECK (kind IN ('transaction', 'reversal', 'closing', 'depreciation')),
    date        TEXT    NOT NULL,                        -- YYYY-MM-DD
    description TEXT    NOT NULL,
    reference   TEXT,
    reverses    INTEGER UNIQUE REFERENCES entries(id),   -- an entry is reversed at most once
    reason      TEXT,
    batch       INTEGER REFERENCES imports(seq),
    CHECK ((kind = 'reversal') = (reverses IS NOT NULL AND reason IS NOT NULL))
) STRICT;

INSERT INTO entries (id, seq, kind, date, description, reference, reverses, reason, batch)
    SELECT id, seq, kind, date, description, reference, reverses, reason, batch
      FROM entries_before_0007 ORDER BY id;
DROP TABLE entries_before_0007;

CREATE INDEX entries_by_date ON entries(date);

-- An entry's postings are written first; the entry row then checks they balance.
CREATE TRIGGER entries_balance BEFORE INSERT ON entries
BEGIN
    SELECT RAISE(ABORT, 'amana: an entry needs at least two postings')
    WHERE (SELECT count(*) FROM postings WHERE entry_id = NEW.id) < 2;
    SELECT RAISE(ABORT, 'amana: entry postings do not sum to zero')
    WHERE (SELECT sum(amount) FROM postings WHERE entry_id = NEW.id) != 0;
END;
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries BEGIN SELECT RAISE(ABORT, 'amana: append-only: correct a mistake with amana reverse'); END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries BEGIN SELECT RAISE(ABORT, 'amana: append-only: correct a mistake with amana reverse'); END;

-- A fixed asset registered from the debit posting that bought it: its cost, date, account and
-- grant are that posting's (read them from `postings`).
CREATE TABLE assets (
    seq                  INTEGER PRIMARY KEY REFERENCES log(seq),
    id                   TEXT    NOT NULL UNIQUE,
    label                TEXT    NOT NULL,
    entry_id             INTEGER NOT NULL REFERENCES entries(id),
    posting_idx          INTEGER NOT NULL CHECK (posting_idx >= 0),
    life_months          INTEGER NOT NULL CHECK (life_months >= 1),
    start_date           TEXT    NOT NULL,                -- YYYY-MM-DD: its month is the first period
    depreciation_account TEXT    NOT NULL REFERENCES accounts(code),
    expense_account      TEXT    NOT NULL REFERENCES accounts(code),
    release_account      TEXT    REFERENCES accounts(code), -- both NULL unless bought on a grant
    income_account       TEXT    REFERENCES accounts(code),
    UNIQUE (entry_id, posting_idx),
    CHECK ((release_account IS NULL) = (income_account IS NULL))
) STRICT;

-- One row per `depreciation` entry (its postings are in `postings`, under its entry id): the
-- asset and the first day of the months it covers, through the entry's date.
CREATE TABLE depreciations (
    seq        INTEGER PRIMARY KEY REFERENCES log(seq),
    entry_id   INTEGER NOT NULL UNIQUE REFERENCES entries(id) DEFERRABLE INITIALLY DEFERRED,
    asset_id   TEXT    NOT NULL REFERENCES assets(id),
    start_date TEXT    NOT NULL
) STRICT;
CREATE INDEX depreciations_by_asset ON depreciations(asset_id);

CREATE TRIGGER assets_no_update BEFORE UPDATE ON assets BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER assets_no_delete BEFORE DELETE ON assets BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER depreciations_no_update BEFORE UPDATE ON depreciations BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER depreciations_no_delete BEFORE DELETE ON depreciations BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
