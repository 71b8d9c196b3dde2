# The funder report (`amana report funder --grant ID`): what a funder reads of the grant it
# gave. Fluent format (https://projectfluent.org): `{ $name }` is an argument.

funder-title = Report to the funder: grant { $grant }
funder-subtitle = Grant { $grant } from { $funder }
funder-period-open = from { $from } to the last entry recorded
funder-in = In { $currency }
funder-figures-in = Amounts in { $currency }.

funder-section-agreement = The grant agreement
funder-funder = Funder
funder-funder-type = Type of funder
funder-type-public-local = Local public body
funder-type-public-national = National public programme
funder-type-foreign-public = Foreign public donor
funder-type-foreign-private = Foreign private donor
funder-type-private = Private donor
funder-type-individual = Individual
funder-type-members = Members
funder-amount = Amount agreed
funder-amount-ledger = Amount agreed in { $currency }
funder-grant-period = Period of the grant
funder-grant-period-range = { $start } to { $end }
funder-last-eligible = Costs eligible through
funder-purpose = Purpose
funder-restricted = Restricted to its purpose
funder-rate-method = Exchange rate
funder-rate-instalments = weighted rate of the instalments received: { $quote }
funder-rate-daily = rate of the day of each payment (rate table); latest: { $quote }
funder-rate-none = the amount in { $currency } each entry carries; latest rate: { $quote }
funder-rate-unknown = no rate known yet

funder-section-summary = Summary
funder-received = Received
funder-spent = Spent
funder-unspent = Not spent
funder-period-received = Received in the period
funder-period-spent = Spent in the period

funder-section-instalments = Instalments received
funder-rate = Rate
funder-no-instalments = Nothing received yet.

funder-section-budget = Budget against actual
funder-line = Line
funder-budget = Budget
funder-variance = Variance
funder-variance-percent = Variance %
funder-executed = Executed %
funder-overspent = Over-spent.
funder-explanation = Explanation (figures to { $through }): { $text }
funder-explanation-missing = Explanation missing: the variance passes the threshold.
funder-no-line = Charged to no budget line
funder-threshold = Variance is budget minus spent. A variance needs an explanation when it is more than { $percent } of the line's budget and more than { $amount }.
funder-missing-notice = { $count ->
    [one] One budget line has a variance past the threshold and no explanation
   *[other] { $count } budget lines have a variance past the threshold and no explanation
} (the treasurer records one with `amana grant explain`).
funder-chart = Budget and spent per line

funder-section-cofunding = Other funding of the same expenses
funder-cofunding-intro = Each expense account this grant pays for, with what other grants and the association's own money paid on it in the same period: the same cost is never charged twice.
funder-this-grant = This grant
funder-other-grants = Other grants
funder-own-funds = Own funds

funder-section-unspent = Unspent balance
funder-dedicated = In dedicated funds at the last year end
funder-carried-year = Carried at the end of { $year } (negative: released)
funder-outcome-none = Everything received has been spent.
funder-outcome-to-spend = The unspent balance stays restricted to the grant's purpose: carried as dedicated funds at each year's end, to be spent by { $date }.
funder-outcome-to-refund = The grant's eligibility ended on { $date }: the unspent balance of { $amount } is to be refunded to the funder, unless the funder agrees otherwise in writing.
funder-outcome-unrestricted = The grant is not restricted: its unspent balance is the association's own.
funder-outcome-overspent = More has been spent than received: { $amount } is still to be received under the agreement or is covered by the association's own money.

funder-section-expenses = Expenses charged to the grant
funder-expenses-count = { $count ->
    [one] One expense, with the fingerprint (SHA-256) of each receipt kept for it.
   *[other] { $count } expenses, each with the fingerprint (SHA-256) of each receipt kept for it.
}
funder-receipts = Receipts
funder-no-expenses = No expense charged yet.
