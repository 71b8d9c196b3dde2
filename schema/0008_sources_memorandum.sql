-- Where income comes from (CHAIN.md section 4, `source`, rule 17): one chain entry and one row
-- here per income posting whose funder is named without a grant (a member's dues, a gift).
--
-- And a sixth account type, `memorandum` (in-kind contributions at a declared value, rule 18).
-- SQLite cannot change a CHECK constraint, so `accounts` is rebuilt with the same rows and its
-- append-only triggers (the migrator turns foreign keys off around this file's transaction,
-- as SQLite's procedure for a table rebuild asks, and checks them before it commits).

CREATE TABLE accounts_with_memorandum (
    code TEXT    PRIMARY KEY,
    name TEXT    NOT NULL,
    type TEXT    NOT NULL CHECK (type IN ('asset', 'liability', 'net-assets', 'income', 'expense', 'memorandum')),
    seq  INTEGER NOT NULL UNIQUE REFERENCES log(seq)
) STRICT;

INSERT INTO accounts_with_memorandum (code, name, type, seq)
    SELECT code, name, type, seq FROM accounts;

DROP TABLE accounts;
ALTER TABLE accounts_with_memorandum RENAME TO accounts;

CREATE TRIGGER accounts_no_update BEFORE UPDATE ON accounts BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;

CREATE TABLE sources (
    seq       INTEGER PRIMARY KEY REFERENCES log(seq),
    entry_id  INTEGER NOT NULL REFERENCES entries(id),
    posting   INTEGER NOT NULL CHECK (posting >= 0),   -- the posting's idx in `postings`
    funder_id TEXT    NOT NULL REFERENCES funders(id),
    UNIQUE (entry_id, posting)
) STRICT;

CREATE TRIGGER sources_no_update BEFORE UPDATE ON sources BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER sources_no_delete BEFORE DELETE ON sources BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
