-- Money in a grant's own currency (CHAIN.md section 4, `rate` and `grant-terms`): one row per
-- chain entry of each kind.

-- One rate of the rate table: `rate` millionths of the ledger's currency for one unit of
-- `currency` (10.8 is 10800000), on `date` and, for the daily method, until the next rate.
CREATE TABLE rates (
    seq      INTEGER PRIMARY KEY REFERENCES log(seq),
    currency TEXT    NOT NULL,
    date     TEXT    NOT NULL,
    rate     INTEGER NOT NULL,
    source   TEXT,
    UNIQUE (currency, date)
) STRICT;

-- A grant's terms; the latest per grant is in force. `closing_days`: days after the grant's
-- last day when costs may still be charged; `budget_currency`: `base` or `grant`, what its
-- budget lines' amounts are in.
CREATE TABLE grant_terms (
    seq             INTEGER PRIMARY KEY REFERENCES log(seq),
    grant_id        TEXT    NOT NULL REFERENCES grants(id),
    rate_method     TEXT    NOT NULL,
    closing_days    INTEGER NOT NULL,
    budget_currency TEXT    NOT NULL
) STRICT;
CREATE INDEX grant_terms_by_grant ON grant_terms(grant_id);

CREATE TRIGGER rates_no_update BEFORE UPDATE ON rates BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER rates_no_delete BEFORE DELETE ON rates BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER grant_terms_no_update BEFORE UPDATE ON grant_terms BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
CREATE TRIGGER grant_terms_no_delete BEFORE DELETE ON grant_terms BEGIN SELECT RAISE(ABORT, 'amana: append-only'); END;
