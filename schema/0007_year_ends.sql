-- Fund accounting at a year's end (CHAIN.md section 4, `year-closing`, `dedicated-funds`,
-- `allocation`, rules 14 to 14c): one row per such entry, with the accounts it names. Its
-- postings are in `postings`, under its entry id. Closings written before dedicated funds
-- (kind `closing`) stay in `closings`.

CREATE TABLE year_ends (
    seq               INTEGER PRIMARY KEY REFERENCES log(seq),
    entry_id          INTEGER NOT NULL UNIQUE REFERENCES entries(id) DEFERRABLE INITIALLY DEFERRED,
    kind              TEXT    NOT NULL CHECK (kind IN ('year-closing', 'dedicated-funds', 'allocation')),
    year              INTEGER NOT NULL,
    start_date        TEXT,                                  -- NULL for an allocation
    surplus_account   TEXT    REFERENCES accounts(code),     -- a year closing's
    deficit_account   TEXT    REFERENCES accounts(code),     -- a year closing's
    dedicated_account TEXT    REFERENCES accounts(code),     -- a year closing's or a carry's
    charge_account    TEXT    REFERENCES accounts(code),     -- a carry's
    release_account   TEXT    REFERENCES accounts(code),     -- a carry's
    closing           INTEGER REFERENCES log(seq)            -- an allocation's: the year closing it allocates
) STRICT;
CREATE INDEX year_ends_by_year ON year_ends(year);

CREATE TRIGGER year_ends_no_update BEFORE UPDATE ON year_ends BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER year_ends_no_delete BEFORE DELETE ON year_ends BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
