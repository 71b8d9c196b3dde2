-- A budget line's budget amended, or the line withdrawn (CHAIN.md section 4,
-- `budget-line-amendment`, rule 16): one chain entry and one row here. The line's own row is
-- never changed; listings and the write path read the budget in force as the latest amended
-- one, and the line as withdrawn from its withdrawal's `effective` day (src/store/mod.rs).

CREATE TABLE budget_line_amendments (
    seq       INTEGER PRIMARY KEY REFERENCES log(seq),
    grant_id  TEXT    NOT NULL,
    line_id   TEXT    NOT NULL,
    effective TEXT    NOT NULL,                         -- YYYY-MM-DD, the day it takes effect
    amount    INTEGER CHECK (amount >= 0),              -- new budget, base currency; NULL: unchanged
    withdrawn INTEGER NOT NULL CHECK (withdrawn IN (0, 1)), -- 1: no posting dated from `effective`
    reason    TEXT    NOT NULL,
    FOREIGN KEY (grant_id, line_id) REFERENCES budget_lines(grant_id, line_id)
) STRICT;
CREATE INDEX budget_line_amendments_by_line ON budget_line_amendments(grant_id, line_id);

CREATE TRIGGER budget_line_amendments_no_update BEFORE UPDATE ON budget_line_amendments BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER budget_line_amendments_no_delete BEFORE DELETE ON budget_line_amendments BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
