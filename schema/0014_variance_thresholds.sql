-- A grant's threshold of variances that need an explanation (CHAIN.md section 4,
-- `variance-threshold`, rule 23): one row per chain entry; the latest of a grant is in force.
CREATE TABLE variance_thresholds (
    seq      INTEGER PRIMARY KEY REFERENCES log(seq),
    grant_id TEXT    NOT NULL REFERENCES grants(id),
    percent  INTEGER NOT NULL, -- whole percent of a line's budget
    amount   INTEGER NOT NULL  -- minor units of the ledger's currency
) STRICT;
CREATE INDEX variance_thresholds_by_grant ON variance_thresholds(grant_id);

CREATE TRIGGER variance_thresholds_no_update BEFORE UPDATE ON variance_thresholds BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER variance_thresholds_no_delete BEFORE DELETE ON variance_thresholds BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
