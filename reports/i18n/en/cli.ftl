# What the command line itself says: the page `amana verify` prints, the summaries after each
# command, and the frame of its errors and warnings. Fluent (https://projectfluent.org):
# `{ $name }` is an argument; `{" "}` keeps a leading space. Commands, flags, codes, numbers,
# hashes and file names stay as written, in every language.

# amana verify.
cli-verify-ok = OK: { $entries } chain entries verified ({ $transactions } transactions, { $rows } table rows compared with the chain).
cli-verify-ok-every = Every hash and link recomputes, every entry obeys the rules, every seal recomputes and its signatures verify, and every receipt is intact.
cli-verify-ok-tables = Every table the reports read agrees with the chain, and the file's schema and SQLite's integrity check are sound.
cli-verify-failed = FAILED: { $count } { $count ->
    [one] problem
   *[other] problems
} in { $entries } chain entries.
cli-verify-problem = entry { $seq }: { $kind }: { $detail }
cli-verify-warnings = { $count } { $count ->
    [one] warning
   *[other] warnings
} (they prove no alteration, but deserve a look):
cli-verify-seal = seal { $fingerprint } (entry { $seq }): covers entries 1 to { $covered }{ $period }, { $signed }{ $state }
cli-verify-seal-period = , period ending { $end }
cli-verify-seal-unsigned = no valid signature
cli-verify-seal-signed = signed by { $officers }
cli-verify-seal-invalid = {" "}(INVALID)
cli-verify-decision = decision (entry { $seq }): { $detail }{ $signed }{ $state }
cli-verify-decision-signed = , signed by { $officers }
cli-verify-decision-in-effect = : in effect
cli-verify-decision-void = {" "}(VOID: the books moved on before it had its signatures)
cli-verify-decision-waiting = {" "}(NOT IN EFFECT: awaits signatures)
cli-verify-signed-through = Signed by officers through entry { $seq }.
cli-verify-anchored-through = Matches the published head through entry { $seq }.
cli-verify-unanchored = Not yet vouched for: the last { $count } entries are consistent, but neither covered by a signed seal nor by a published head (--anchor).
cli-verify-head = head: { $entries } { $head }

# The frame of every error and warning.
cli-error = amana: error: { $message }
cli-warning = amana: warning: { $message }

# What a command that writes says it did.
cli-created-ledger = Created ledger "{ $name }" in { $path } ({ $currency }, chart { $chart }, { $seq } chain entries).
cli-head = head: { $seq } { $head }
cli-keep-together = Keep { $ledger } and its receipt folder { $folder } together (copy both, or make one archive with `amana backup FILE`).
cli-added-account = Added account { $code } (chain entry { $seq }).
cli-renamed-account = Renamed account { $code } (chain entry { $seq }).
cli-retired-account = Retired account { $code } from { $effective } (chain entry { $seq }).
cli-added-funder = Added funder { $id } (chain entry { $seq }).
cli-renamed-funder = Renamed funder { $id } (chain entry { $seq }).
cli-identified-funder = Recorded the organisation identifier of funder { $id }: { $org_id } (chain entry { $seq }).
cli-added-grant = Added grant { $id } (chain entry { $seq }).
cli-added-budget-line = Added budget line { $grant }/{ $line } (chain entry { $seq }).
cli-amended-grant = Amended grant { $id } (chain entry { $seq }).
cli-amended-budget-line = Amended budget line { $grant }/{ $line } (chain entry { $seq }).
cli-recorded = Recorded transaction #{ $id } (chain entry { $seq }).
cli-import-range = {" "}#{ $first } to #{ $last }
cli-import-dry-run = Dry run: { $file } would import { $transactions } transactions{ $range } from { $rows } rows; nothing was written.
cli-imported = Imported { $transactions } transactions{ $range } from { $rows } rows of { $file } (sha256 { $sha256 }), chain entries { $first_seq } to { $last_seq }.
cli-books-imported = Imported { $transactions } transactions{ $range } ({ $reversals } of them reversals) from { $lines } lines of { $file } (sha256 { $sha256 }), in { $batches } import batches, chain entries { $first_seq } to { $last_seq }.
cli-books-dry-run = Dry run: { $file } would import { $transactions } transactions{ $range } ({ $reversals } of them reversals) from { $lines } lines; nothing was written.
cli-books-accounts-created = Accounts the file opens, created: { $count } ({ $codes }).
cli-books-accounts-to-create = Accounts the file opens, to be created: { $count } ({ $codes }).
cli-books-changed = { $file }:{ $line }: { $field } "{ $written }" is kept as "{ $kept }" (spaces around it, or Unicode's composed form).
cli-books-left-out = Left out, moving no money ({ $count }):
cli-books-left-out-directive = { $file }:{ $line }: directive not imported: { $text }
cli-books-left-out-tag = { $file }:{ $line }: tag or metadata amana has no field for: { $text }
cli-books-left-out-comment = { $file }:{ $line }: comment not imported: { $text }
cli-books-left-out-link = { $file }:{ $line }: link not imported (no reversal and its original share it in this file): { $text }
cli-books-left-out-date2 = { $file }:{ $line }: secondary date not imported (a transaction has one date): { $text }
cli-books-left-out-option = { $file }:{ $line }: option not imported: { $text }
cli-books-left-out-account-name = { $file }:{ $line }: account name not taken, the ledger keeps its own (amana account rename changes it): { $text }
cli-books-left-out-numbering = Left out too: { $count } entry and chain numbers of the ledger the file came from (amana-entry, chain-entry, kind); this ledger numbers its own.
cli-reversed = Reversed transaction #{ $id } with transaction #{ $reversal } (chain entry { $seq }). Record the correct transaction if there is one.

# bank import, bank review, bank assign, reconcile
cli-bank-read = Read { $file } as: { $layout }.
cli-bank-guessed = Guessed from the file (no rules file said it): { $guessed }. If a guess is wrong, write it in a rules file (see examples/banks/).
cli-bank-newest-first = The file lists its newest line first: lines are recorded oldest first.
cli-bank-not-lines = Not statement lines: { $list }.
cli-bank-balance-rows = { $count } balance line(s) (line { $lines })
cli-bank-footer-rows = { $count } totals line(s) at the end (line { $lines })
cli-bank-continued-rows = { $count } line(s) that continue the description above
cli-bank-range-one = { " " }(transaction #{ $first })
cli-bank-range = { " " }(transactions #{ $first } to #{ $last })
cli-bank-counts = { $read } statement line(s): { $imported } imported into { $account }{ $range }, { $skipped } skipped as already recorded.
cli-bank-counts-dry-run = { $read } statement line(s): { $imported } would be imported into { $account }{ $range }, { $skipped } skipped as already recorded.
cli-bank-suspense = { $count } line(s) match no rule and went to suspense account { $account }; assign each with `amana bank assign ENTRY --account CODE` (see `amana bank review`):
cli-bank-suspense-dry-run = { $count } line(s) match no rule and would go to suspense account { $account }; assign each with `amana bank assign ENTRY --account CODE` (see `amana bank review`):
cli-bank-maybe-recorded = Note: line { $line } may already be recorded by hand as transaction #{ $entry } ({ $date }, the same amount): if it is, reverse one of the two (`amana reverse N --reason ...`).
cli-bank-no-balance = The statement has no balance column: nothing to compare with the books.
cli-bank-balance-agrees = The statement's balance agrees with the books on each of its { $days } day(s).
cli-bank-balance-differs = The statement's balance differs from the books on { $date } (line { $line }): the statement says { $statement }, the books { $books } (a difference of { $difference }). Are the opening balance, a cheque recorded by hand or a line of another statement missing? `amana reconcile` lists what is outstanding.
cli-bank-dry-run = Nothing was written (dry run).
cli-bank-recorded = Recorded from chain entry { $seq }, head { $head }.
cli-bank-nothing-new = Nothing new: nothing was written.
cli-bank-review-none = No bank line waits in suspense.
cli-bank-review = { $count } bank line(s) wait in suspense; assign each with `amana bank assign ENTRY --account CODE [--grant G --line L | --funder F]`:
cli-bank-assigned = Assigned bank line #{ $entry } ({ $description }, { $amount }) to { $account }: reclassified by transaction #{ $transaction } (chain entry { $seq }).
cli-reconcile-title = Reconciliation of { $account } with { $statement } as of { $date }:
cli-reconcile-matched = { $count } transaction(s) matched with the statement.
cli-reconcile-matched-before = { $count } statement line(s) were matched by an earlier reconciliation.
cli-reconcile-books = Balance in the books
cli-reconcile-outstanding = { $count } transaction(s) not on the statement yet, taken out
cli-reconcile-bank-only = { $count } statement line(s) not in the books, added
cli-reconcile-explained = = the balance the statement should show
cli-reconcile-statement = The statement's balance
cli-reconcile-difference = Unexplained difference
cli-reconcile-done = Reconciled: { $count } transaction(s) marked as on the statement (chain entry { $seq }).
cli-reconcile-dry-run = Reconciled; nothing was recorded (dry run).
cli-reconcile-unexplained = the statement's balance is not explained: a difference of { $difference } remains; nothing was recorded. Record the bank's lines not in the books (`amana bank import`), or name the transactions not on the statement.
cli-reconcile-already = Reconciled already, with the same balance and books (chain entry { $seq }): nothing new to record.
cli-bank-zero-rows = { $count } line(s) of no amount, information only (line { $lines })
