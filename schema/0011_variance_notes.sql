-- Explanations of budget variances (CHAIN.md section 4, `variance-note`, rule 22): one row per
-- chain entry. The funder report prints, beside a budget line, the latest note of the line
-- whose `through` is on or before the last day of its period.
CREATE TABLE variance_notes (
    seq      INTEGER PRIMARY KEY REFERENCES log(seq),
    grant_id TEXT    NOT NULL REFERENCES grants(id),
    line_id  TEXT    NOT NULL,
    through  TEXT    NOT NULL, -- the last day of the figures explained, YYYY-MM-DD
    text     TEXT    NOT NULL,
    FOREIGN KEY (grant_id, line_id) REFERENCES budget_lines(grant_id, line_id)
) STRICT;
CREATE INDEX variance_notes_by_line ON variance_notes(grant_id, line_id);

CREATE TRIGGER variance_notes_no_update BEFORE UPDATE ON variance_notes BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER variance_notes_no_delete BEFORE DELETE ON variance_notes BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
