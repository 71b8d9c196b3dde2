-- The funder report's co-funding (who else pays for the expense accounts a grant spends on):
-- one aggregate by account and grant that reads this index alone, without the table, so it
-- stays well under a second on a ledger of a million transactions.
CREATE INDEX postings_by_account_grant ON postings(account, grant_id, amount);
