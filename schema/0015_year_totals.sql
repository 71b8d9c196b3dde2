-- The totals of the postings per fiscal year (CHAIN.md section 6b): what the annual report
-- reads instead of every posting, so it comes out in well under a second on a ledger of a
-- million transactions. Unlike every other table it is not one row per chain entry but an
-- aggregate that each journal entry adds to (a new row, or a sum updated; never a row deleted); `verify`
-- re-derives it from the chain and compares it row by row, as it does every other table.
--
-- One row per fiscal year (named by the calendar year it starts in), account, grant, budget
-- line and entry kind that at least one posting has, even when its postings add up to zero.
-- `grant_id` and `line_id` hold '' for a posting without a grant or a line (a NULL would not
-- take part in the primary key), and `kind` is the entry's kind as the chain names it
-- (`transaction`, `reversal`, `closing`, `year-closing`, `dedicated-funds`, `allocation`,
-- `depreciation`), which `entries.kind` does not tell apart.
CREATE TABLE year_totals (
    year     INTEGER NOT NULL,
    account  TEXT    NOT NULL,
    grant_id TEXT    NOT NULL,
    line_id  TEXT    NOT NULL,
    kind     TEXT    NOT NULL,
    amount   INTEGER NOT NULL, -- base-currency minor units, debit > 0
    PRIMARY KEY (year, account, grant_id, line_id, kind)
) STRICT, WITHOUT ROWID;

-- The totals of the entries already in the file.
INSERT INTO year_totals (year, account, grant_id, line_id, kind, amount)
SELECT CAST(substr(e.date, 1, 4) AS INTEGER)
         - (substr(e.date, 6, 5) < (SELECT fiscal_year_start FROM ledger)),
       p.account, coalesce(p.grant_id, ''), coalesce(p.line_id, ''),
       coalesce((SELECT y.kind FROM year_ends y WHERE y.entry_id = e.id),
                (SELECT 'depreciation' FROM depreciations d WHERE d.entry_id = e.id),
                e.kind),
       sum(p.amount)
  FROM entries e
  JOIN postings p ON p.entry_id = e.id
 GROUP BY 1, 2, 3, 4, 5;
