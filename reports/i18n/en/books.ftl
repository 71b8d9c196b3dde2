# The books: the trial balance (`report trial-balance`) and the general ledger
# (`report ledger --account CODE`).

books-period-through = up to { $to }
books-opening-debit = Opening debit
books-opening-credit = Opening credit
books-period-debit = Period debit
books-period-credit = Period credit
books-closing-debit = Closing debit
books-closing-credit = Closing credit
books-class = Class { $class }: { $name }
books-class-total = Total class { $class }
books-grand-total = Grand total
books-accounts = Accounts
books-by-class = Accounts by class
books-no-accounts = No account has a posting in this period.
books-balanced = Debits equal credits in every pair of columns.
books-unbalanced = Debits do NOT equal credits: the ledger has been changed outside amana (run `amana verify`).
books-dr = Dr
books-cr = Cr
books-number = No.
books-counter = Counter-account
books-period-total = Period totals
books-kind-reversal = Reversal of an earlier transaction
books-kind-closing = Closing of the fiscal year
trial-balance-title = Trial balance
trial-balance-subtitle = Opening balances, movements of the period and closing balances, by account
ledger-title = General ledger
ledger-subtitle = Accounts { $account }, in { $currency }
ledger-no-posting = No account starting with { $account } has a balance or a posting up to the end of the period.
