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
