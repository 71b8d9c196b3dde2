-- A grant's amendment (CHAIN.md section 4, `grant-amendment`, rule 16): one chain entry and one
-- row here. The grant's own row is never changed; listings and the write path read the values
-- in force as the latest amendment of each (src/store/mod.rs).

CREATE TABLE grant_amendments (
    seq       INTEGER PRIMARY KEY REFERENCES log(seq),
    grant_id  TEXT    NOT NULL REFERENCES grants(id),
    effective TEXT    NOT NULL,                         -- YYYY-MM-DD, the day it takes effect
    amount    INTEGER CHECK (amount >= 0),              -- new agreed amount; NULL: unchanged
    end_date  TEXT,                                     -- new last day; NULL: unchanged
    reason    TEXT    NOT NULL
) STRICT;
CREATE INDEX grant_amendments_by_grant ON grant_amendments(grant_id);

CREATE TRIGGER grant_amendments_no_update BEFORE UPDATE ON grant_amendments BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER grant_amendments_no_delete BEFORE DELETE ON grant_amendments BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
