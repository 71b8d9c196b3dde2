-- An account renamed or retired (CHAIN.md section 4, `account-change`, rule 16): one chain entry
-- and one row here. The account's own row is never changed; listings read the name in force.

CREATE TABLE account_changes (
    seq       INTEGER PRIMARY KEY REFERENCES log(seq),
    code      TEXT    NOT NULL REFERENCES accounts(code),
    effective TEXT,                                     -- NULL: a name corrected for all time
    name      TEXT,                                     -- new name; NULL: unchanged
    retired   INTEGER NOT NULL CHECK (retired IN (0, 1)), -- 1: no posting dated from `effective`
    reason    TEXT    NOT NULL
) STRICT;
CREATE INDEX account_changes_by_code ON account_changes(code);

CREATE TRIGGER account_changes_no_update BEFORE UPDATE ON account_changes BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER account_changes_no_delete BEFORE DELETE ON account_changes BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
