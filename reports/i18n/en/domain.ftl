# What is wrong with a value typed for the books (an amount, a date, a code, a text), and
# with a transaction as written. Fluent (https://projectfluent.org): `{$name}` is an argument.
# The English here is the only English of these messages (amana's own texts are read from
# this file), one line each. Field names and codes stay as written.

domain-bad-amount = amount "{$value}" {$why}
domain-bad-month = month "{$value}" {$why}
domain-bad-date = date "{$value}" {$why}
domain-bad-currency = currency "{$value}" {$why}
domain-bad-fiscal-start = fiscal-year start "{$value}" {$why}
domain-bad-value = {$what} "{$value}" {$why}
domain-amount-not-a-number = is not a number: write digits with `.` as the decimal separator and an optional leading `-`, e.g. 1200.50
domain-amount-too-large = is too large: amana takes amounts up to {$max} {$currency}
domain-amount-too-many-decimals = has more decimals than {$currency} allows ({$exponent})
domain-text-forbidden = contains {$what} (U+{$code})
domain-text-bidi = a bidirectional override/embedding/isolate character
domain-text-control = a control character (tab, newline, ...)
domain-text-empty = is empty
domain-id-invalid = is not valid: {$rule}
domain-month-invalid = is not valid: write YYYY-MM with a year from 0001 to 9999, e.g. 2026-03
domain-date-invalid = is not a real date in the form YYYY-MM-DD (e.g. 2026-02-13)
domain-currency-unknown = is not an ISO 4217 code this ledger knows (e.g. MAD, EUR, USD)
domain-not-one-of = is not one of: {$allowed}
domain-fiscal-start-invalid = is not a month and day in the form MM-DD (e.g. 01-01)
domain-too-few-postings = a transaction needs at least two postings (it has {$count})
domain-unbalanced = postings do not balance: they sum to {$sum} {$currency}, not 0 (debits positive, credits negative)
domain-overflow = the amounts are too large to add up: amana takes amounts up to 100000000000.00 (10^13 minor units)
domain-out-of-range = the amount {$amount} (minor units) on account {$account} is beyond the largest amana takes (10^13 minor units)
domain-line-without-grant = posting to {$account} has a budget line ({$line}) but no grant: give the grant too
