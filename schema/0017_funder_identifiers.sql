-- A funder's organisation identifier (CHAIN.md section 4, `funder-identifier`, rule 28): one
-- row per chain entry; the latest row of a funder (highest seq) is the one in force, as IATI
-- and 360Giving exports name the funder. The funder's own row is never changed.
CREATE TABLE funder_identifiers (
    seq       INTEGER PRIMARY KEY REFERENCES log(seq),
    funder_id TEXT    NOT NULL REFERENCES funders(id),
    org_id    TEXT    NOT NULL  -- e.g. XM-DAC-41114: a registration agency's code, then the identifier
) STRICT;
CREATE INDEX funder_identifiers_by_funder ON funder_identifiers(funder_id);

CREATE TRIGGER funder_identifiers_no_update BEFORE UPDATE ON funder_identifiers BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER funder_identifiers_no_delete BEFORE DELETE ON funder_identifiers BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
