-- The ledger's settings for reports (CHAIN.md section 4, `setting`): one row per chain entry;
-- the latest row of a key (highest seq) is the value in force. `key` is `language` (ar, fr,
-- en) or `timezone` (an IANA name such as Africa/Casablanca); the rules refuse any other.
CREATE TABLE settings (
    seq   INTEGER PRIMARY KEY REFERENCES log(seq),
    key   TEXT    NOT NULL,
    value TEXT    NOT NULL
) STRICT;
CREATE INDEX settings_by_key ON settings(key);

CREATE TRIGGER settings_no_update BEFORE UPDATE ON settings BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER settings_no_delete BEFORE DELETE ON settings BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
