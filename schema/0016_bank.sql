-- Bank statements, their lines in suspense, and reconciliations (CHAIN.md section 4,
-- `bank-import`, `bank-assignment` and `reconciliation`, rules 25 to 27). One `bank-import`
-- entry stands for a row of `imports` (its file; the transactions that follow carry its seq
-- as their batch), a row here, and one row of `bank_lines` per line it recorded: the i-th line
-- is the i-th transaction of the batch (in the order of their ids).

CREATE TABLE bank_imports (
    seq      INTEGER PRIMARY KEY REFERENCES imports(seq),
    account  TEXT    NOT NULL REFERENCES accounts(code), -- the bank account of the statement
    layout   TEXT    NOT NULL, -- how it was read, in one line
    skipped  INTEGER NOT NULL, -- lines an earlier statement had recorded, left out
    suspense TEXT    REFERENCES accounts(code) -- where lines no rule matched went, if any did
) STRICT;
CREATE INDEX bank_imports_by_account ON bank_imports(account);

CREATE TABLE bank_lines (
    seq         INTEGER NOT NULL REFERENCES bank_imports(seq),
    idx         INTEGER NOT NULL, -- from 0, in the order of the batch's transactions
    account     TEXT    NOT NULL,
    fingerprint BLOB    NOT NULL, -- SHA-256 (CHAIN.md, `bank-import`)
    PRIMARY KEY (seq, idx)
) STRICT;
-- The writer looks a line up by its account and fingerprint before recording it.
CREATE INDEX bank_lines_by_fingerprint ON bank_lines(account, fingerprint);

CREATE TABLE bank_assignments (
    seq            INTEGER PRIMARY KEY REFERENCES log(seq),
    entry_id       INTEGER NOT NULL REFERENCES entries(id), -- the bank line's transaction
    transaction_id INTEGER NOT NULL REFERENCES entries(id)  -- the reclassification
) STRICT;
CREATE INDEX bank_assignments_by_entry ON bank_assignments(entry_id);

CREATE TABLE reconciliations (
    seq       INTEGER PRIMARY KEY REFERENCES log(seq),
    account   TEXT    NOT NULL REFERENCES accounts(code),
    date      TEXT    NOT NULL, -- YYYY-MM-DD, the statement's closing date
    balance   INTEGER NOT NULL, -- the statement's closing balance, minor units
    books     INTEGER NOT NULL, -- the books' balance through `date` when it was recorded
    statement TEXT    NOT NULL
) STRICT;
CREATE INDEX reconciliations_by_account ON reconciliations(account, date);

CREATE TABLE reconciled (
    seq      INTEGER NOT NULL REFERENCES reconciliations(seq),
    idx      INTEGER NOT NULL, -- from 0, in the entry's order
    account  TEXT    NOT NULL,
    entry_id INTEGER NOT NULL REFERENCES entries(id),
    PRIMARY KEY (seq, idx)
) STRICT;
CREATE INDEX reconciled_by_entry ON reconciled(account, entry_id);

-- The transactions of a batch, found by it (a statement's lines, review of suspense).
CREATE INDEX entries_by_batch ON entries(batch) WHERE batch IS NOT NULL;

CREATE TRIGGER bank_imports_no_update BEFORE UPDATE ON bank_imports BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER bank_imports_no_delete BEFORE DELETE ON bank_imports BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER bank_lines_no_update BEFORE UPDATE ON bank_lines BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER bank_lines_no_delete BEFORE DELETE ON bank_lines BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER bank_assignments_no_update BEFORE UPDATE ON bank_assignments BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER bank_assignments_no_delete BEFORE DELETE ON bank_assignments BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER reconciliations_no_update BEFORE UPDATE ON reconciliations BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER reconciliations_no_delete BEFORE DELETE ON reconciliations BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER reconciled_no_update BEFORE UPDATE ON reconciled BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER reconciled_no_delete BEFORE DELETE ON reconciled BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
