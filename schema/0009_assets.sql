-- Fixed assets and their depreciation (CHAIN.md section 4, `asset` and `depreciation`).
-- A depreciation's entry row is in `entries` (kind `transaction` there: that table's CHECK
-- predates it, and SQLite cannot change a CHECK without rebuilding a table every other one
-- refers to) and its postings in `postings`; `depreciations` names its kind exactly.

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
