# Words every report shares. Each report has its own file beside this one (funder.ftl,
# annual.ftl...). Messages are Fluent (https://projectfluent.org): `{ $name }` is an argument.
# An association may copy this folder, change the wording, and point amana at its copy with
# `--templates DIR` (or AMANA_TEMPLATES).

report-generated-by = Made by amana from the ledger's audit chain
report-page = Page
report-of = of
report-association = Association
report-period = Period
report-period-range = { $from } to { $to }
report-generated = Generated
report-chain-head = Chain head
report-chain-entries = Entries in the chain
report-last-seal = Last seal
report-no-seal = No seal yet
report-seal-fingerprint = Seal fingerprint
report-seal-hint = Check this copy: amana verify --seal FINGERPRINT on the ledger, or scan the code.
report-signed-by = Signed by
report-currency = Currency
report-total = Total
report-subtotal = Subtotal
report-none = None
report-yes = Yes
report-no = No
report-not-verified = This ledger does NOT verify: { $count ->
    [one] one problem was
   *[other] { $count } problems were
} found (`amana verify` lists them). The figures below may be wrong.
report-verification = Verification
report-not-checked = not verified when this report was made (--no-verify)
report-verified = The ledger verifies: every entry of the chain checks.
report-date = Date
report-account = Account
report-description = Description
report-reference = Reference
report-amount = Amount
report-debit = Debit
report-credit = Credit
report-balance = Balance
report-opening-balance = Opening balance
report-closing-balance = Closing balance
report-code = Code
report-name = Name
report-transaction = Transaction
report-note = note
report-warning = warning
