-- A funder renamed (CHAIN.md section 4, `funder-change`, rule 16): one chain entry and one row
-- here. The funder's own row is never changed; listings read the name in force.

CREATE TABLE funder_changes (
    seq       INTEGER PRIMARY KEY REFERENCES log(seq),
    funder_id TEXT    NOT NULL REFERENCES funders(id),
    name      TEXT    NOT NULL,
    reason    TEXT    NOT NULL
) STRICT;
CREATE INDEX funder_changes_by_funder ON funder_changes(funder_id);

CREATE TRIGGER funder_changes_no_update BEFORE UPDATE ON funder_changes BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER funder_changes_no_delete BEFORE DELETE ON funder_changes BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
