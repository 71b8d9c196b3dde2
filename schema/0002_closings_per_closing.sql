-- A fiscal year can be closed again after the officers reopen it (`reopen`, CHAIN.md rule 15):
-- `closings` no longer holds one row per year, but one per closing entry. SQLite cannot drop a
-- constraint, so the table is rebuilt with the same rows, and its append-only triggers with it.

CREATE TABLE closings_by_entry (
    seq                  INTEGER PRIMARY KEY REFERENCES log(seq),
    entry_id             INTEGER NOT NULL UNIQUE REFERENCES entries(id) DEFERRABLE INITIALLY DEFERRED,
    year                 INTEGER NOT NULL,            -- a year closed, reopened and closed again has two
    start_date           TEXT    NOT NULL,
    restricted_account   TEXT    NOT NULL REFERENCES accounts(code),
    unrestricted_account TEXT    NOT NULL REFERENCES accounts(code)
) STRICT;

INSERT INTO closings_by_entry (seq, entry_id, year, start_date, restricted_account, unrestricted_account)
    SELECT seq, entry_id, year, start_date, restricted_account, unrestricted_account FROM closings;

DROP TABLE closings;
ALTER TABLE closings_by_entry RENAME TO closings;

CREATE INDEX closings_by_year ON closings(year);

CREATE TRIGGER closings_no_update BEFORE UPDATE ON closings BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER closings_no_delete BEFORE DELETE ON closings BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
