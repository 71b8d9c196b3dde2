# The rules' refusals and warnings: what amana says when it will not record something, and
# what it records but wants the treasurer to know. Fluent (https://projectfluent.org): `{$name}`
# is an argument. The English here is the only English of these messages (amana's own
# error texts are read from this file), so keep each sentence as it is unless its change is
# meant. Commands, flags, codes, numbers and file names stay as written, in every language.

rule-seq-out-of-order = sequence number {$seq} where {$expected} was expected
rule-genesis-first = the first entry of a chain must be the ledger's genesis entry
rule-genesis-twice = a chain has exactly one genesis entry, and it is the first
rule-batch-interrupted = the import at seq {$batch} announced {$remaining} more transactions, but a {$kind} entry comes first
rule-imported-already = this file (SHA-256 {$sha256}) was already imported; import it again only on purpose, with --force
rule-import-empty = an import brings at least one transaction
rule-entry-number = transaction number {$id} where {$expected} was expected
rule-reversal-in-import = a reversal is never part of an import
rule-not-the-open-import = the entry claims import seq {$batch}, which is not the import in progress
rule-account-exists = account {$code} already exists
rule-funder-exists = funder {$id} already exists
rule-grant-exists = grant {$id} already exists
rule-grant-funder-missing = funder {$funder} does not exist: add it first with `amana funder add`
rule-currency-not-in-table = currency {$currency} is not in this ledger's currency table
rule-grant-amount-out-of-range = a grant's amount is between 0 and 10^13 minor units
rule-grant-ends-before-start = the grant ends ({$end}) before it starts ({$start})
rule-line-grant-missing = grant {$grant} does not exist: add it first with `amana grant add`
rule-line-exists = grant {$grant} already has a budget line {$line}
rule-budget-out-of-range = a budget is between 0 and 10^13 minor units
rule-line-account-missing = account {$account} does not exist
rule-receipt-entry-missing = transaction {$entry} does not exist
rule-receipt-file-name = a receipt has a plain file name and a size
rule-receipt-twice = this document is already a receipt of transaction {$entry}
rule-amended-grant-missing = grant {$grant} does not exist (see `amana grant list`)
rule-grant-amendment-empty = an amendment changes the amount, the end date, or both: give --amount or --end
rule-grant-would-end-before-start = grant {$grant} would end ({$end}) before it starts ({$start})
rule-grant-spent-after-end = grant {$grant} cannot end on {$end}: spending charged to it is dated after that day (transactions {$entries}). Reverse those first (`amana reverse N --reason ...`), or choose a later end
rule-changed-account-missing = account {$code} does not exist (see `amana account list`)
rule-account-change-empty = an account's change gives a new name, or retires it
rule-retirement-undated = account {$code} is retired from a day: give --effective
rule-account-retired-already = account {$code} is already retired, from {$since}
rule-account-used-from = account {$code} cannot be retired from {$from}: transactions dated on or after that day post to it ({$entries}). Reverse those first (`amana reverse N --reason ...`), or retire it from a later day
rule-amended-line-missing = grant {$grant} has no budget line {$line} (see `amana grant list --grant {$grant}`)
rule-line-amendment-empty = a budget line's amendment changes its budget, withdraws it, or both: give --amount or --withdraw
rule-line-withdrawn-already = budget line {$line} of grant {$grant} is already withdrawn, from {$since}
rule-line-charged-from = budget line {$line} of grant {$grant} cannot be withdrawn from {$from}: transactions dated on or after that day are charged to it ({$entries}). Reverse those first (`amana reverse N --reason ...`), or withdraw it from a later day
rule-rate-currency = a rate is for a foreign currency of the ledger's table: {$currency} is the ledger's own currency or not in its table
rule-rate-out-of-range = the rate of {$currency} ({$rate} millionths) is not from 0.000001 to 10000000
rule-rate-twice = a rate of {$currency} on {$date} is already recorded (see `amana rate list`); a rate is recorded once per currency and day
rule-terms-grant-missing = grant {$grant} does not exist (see `amana grant list`)
rule-closing-days-out-of-range = the closing window of grant {$grant} ({$days} days) is not from 0 to 3660 days
rule-budget-currency-with-lines = grant {$grant} already has budget lines: the currency of its budget cannot change (their amounts would change meaning)
rule-closing-window-spent = the closing window of grant {$grant} cannot end on {$last}: spending charged to it is dated after that day (transactions {$entries}). Reverse those first (`amana reverse N --reason ...`), or keep a longer window
rule-changed-funder-missing = funder {$id} does not exist (see `amana funder list`)
rule-entry-invalid = transaction {$id}: {$error}
rule-locked = the books are locked through {$locked}: nothing dated on or before it can be added. Record the correction dated in the open period (after {$locked}), e.g. `amana reverse N --date ...` then the right transaction; or, if the officers decide so, reopen the year (`amana reopen --year ...`)
rule-account-unknown = account {$account} does not exist: add it with `amana account add {$account} --name ... --type ...`
rule-grant-unknown = grant {$grant} does not exist
rule-outside-grant-period = spending charged to grant {$grant} must be dated inside its period {$start} to {$end}
rule-line-not-of-grant = budget line {$line} does not belong to grant {$grant} (see `amana grant list --grant {$grant}` for its lines)
rule-line-of-other-grants = budget line {$line} does not belong to grant {$grant} (it is a line of {$others})
rule-original-currency-unknown = currency {$currency} is not an ISO 4217 code this ledger knows
rule-account-retired = account {$account} is retired from {$from}: nothing dated on or after that day posts to it (see `amana account list` for the accounts in use)
rule-line-withdrawn = budget line {$line} of grant {$grant} is withdrawn from {$from}: nothing dated on or after that day is charged to it. Charge it to another line (see `amana grant list --grant {$grant}`), or to none
rule-reversed-missing = transaction {$reverses} does not exist
rule-reversed-twice = transaction {$reverses} was already reversed
rule-closing-reversed = transaction {$reverses} was made at a fiscal year's end (a closing, a carry to dedicated funds or an allocation), which is never reversed: the officers reopen the year instead
rule-reversal-reversed = transaction {$reverses} is itself a reversal: record the correct transaction instead
rule-reversal-before-original = a reversal cannot be dated before the transaction it reverses ({$original})
rule-reversal-not-mirrored = the postings of a reversal must mirror those of transaction {$reverses} exactly
rule-lock-strands-year = locking through {$through} would leave fiscal year {$year} impossible to close: close it first with `amana close --year {$year}`
rule-closing-dates = the closing of fiscal year {$year} is dated on its last day, and starts on its first
rule-closing-in-import = a closing has no reference and is never part of an import
rule-year-closed = fiscal year {$year} is already closed (or its closing awaits signatures)
rule-not-net-assets = the result is carried to a net-assets account; {$account} is not one
rule-not-replayed-closing = a closing can only be checked against a replayed chain
rule-not-replayed-seal = a seal can only be checked against a replayed chain
rule-not-replayed-grant-amendment = a grant's amendment can only be checked against a replayed chain
rule-not-replayed-account-retirement = an account's retirement can only be checked against a replayed chain
rule-not-replayed-line-withdrawal = a budget line's withdrawal can only be checked against a replayed chain
rule-closing-postings = the closing postings do not carry exactly the income and expense of fiscal year {$year} to net assets
rule-dedicated-funds-postings = the postings do not carry exactly the unspent restricted money of fiscal year {$year} to dedicated funds, grant by grant
rule-account-role = account {$account} cannot be the {$role} account: that needs an account of type {$expected}
rule-allocation-closing = entry {$closing} is not a closing of fiscal year {$year} in effect with a result to allocate
rule-allocation-twice = the result of closing {$closing} was already allocated by entry {$seq}
rule-allocation-date = the allocation of fiscal year {$year}'s result is dated after the year's end; {$date} is not
rule-allocation-postings = an allocation first takes the whole result of closing {$closing} out of its account, then gives it, with the same sign, to net-assets accounts
rule-seal-bank-missing = bank account {$account} does not exist
rule-seal-head = the seal claims entries 1 to {$covered} with head {$head}, but the chain before it differs
rule-seal-merkle-root = the seal's Merkle root does not recompute from the entries it covers
rule-seal-previous = the seal does not point to the previous seal
rule-seal-trial-balance = the seal's trial balance does not recompute from the entries
rule-seal-grants = the seal's grant totals do not recompute from the entries
rule-seal-bank-more = the statement {$statement} gives {$balance} {$currency} for account {$account}, but the books say {$books}: the books have {$difference} {$currency} more than the statement: a movement the bank has not made yet (a cheque not cashed?), or one recorded twice or too large. Record or correct the movements, then seal again
rule-seal-bank-more-as-of = the statement {$statement} gives {$balance} {$currency} for account {$account}, but the books say {$books} as of {$as_of}: the books have {$difference} {$currency} more than the statement: a movement the bank has not made yet (a cheque not cashed?), or one recorded twice or too large. Record or correct the movements, then seal again (or, if it is outstanding on the statement, reconcile first: `amana reconcile --account {$account} --balance {$balance} --date {$as_of} --outstanding N`)
rule-seal-bank-less = the statement {$statement} gives {$balance} {$currency} for account {$account}, but the books say {$books}: the books have {$difference} {$currency} less than the statement: movements the bank made are not recorded yet (bank fees, a transfer received?), or one was recorded too small. Record or correct the movements, then seal again
rule-seal-bank-less-as-of = the statement {$statement} gives {$balance} {$currency} for account {$account}, but the books say {$books} as of {$as_of}: the books have {$difference} {$currency} less than the statement: movements the bank made are not recorded yet (bank fees, a transfer received?), or one was recorded too small. Record or correct the movements, then seal again (or, if it is outstanding on the statement, reconcile first: `amana reconcile --account {$account} --balance {$balance} --date {$as_of} --outstanding N`)
rule-total-overflow = entry {$seq} takes a total beyond what amana can count (2^63 minor units): no ledger of valid entries gets there, so this ledger is corrupt or was written by something other than amana
rule-decision-year-out-of-range = the decision names a fiscal year out of range
rule-officer-exists = officer {$id} already exists
rule-not-a-public-key = is not a valid Ed25519 public key
rule-key-taken = this key is already officer {$other}'s: each officer has a key of their own
rule-already-locked = the books are already locked through {$locked}
rule-reopen-not-closed = fiscal year {$year} is not closed: there is nothing to reopen
rule-reopen-not-last = fiscal year {$year} is not the last closed year ({$last}): reopen the years from the last one back
rule-year-out-of-range = fiscal year {$year} is out of range
rule-officer-unknown = officer {$officer} is not registered
rule-officer-revoked-already = officer {$officer} is already revoked
rule-last-officer = officer {$officer} is the last officer in standing: register and approve their successor first (the books are never left without officers who sign)
rule-quorum-out-of-range = a quorum is from 1 to {$max}
rule-signer-unknown = officer {$officer} is not registered (amana officer add)
rule-signer-revoked = officer {$officer} was revoked (entry {$at}): their signature no longer counts
rule-signer-not-approved = officer {$officer} was registered after the first seal and is not approved yet (amana officer approve {$officer} --key ...): their signature does not count
rule-not-signable = entry {$target} is neither a seal nor a decision officers sign
rule-signed-twice = officer {$officer} already signed entry {$target}
rule-self-decision = officer {$officer} cannot sign a decision about themselves
rule-signed-hash-unknown = the signed entry's hash is not known yet
rule-bad-signature = the signature of {$domain} entry {$target} by officer {$officer} does not verify against the officer's key: the entry or the history before it was changed after signing, or the signature is forged
rule-source-entry-missing = transaction {$entry} does not exist
rule-source-not-transaction = entry {$entry} is a reversal or a closing: a source qualifies a transaction (a reversal inherits its original's)
rule-source-entry-reversed = transaction {$entry} was reversed: record the correct transaction with its source instead
rule-source-posting-missing = transaction {$entry} has no posting {$posting}
rule-source-not-income = posting {$posting} of transaction {$entry} is on account {$account}, not an income (or memorandum) account: funder= names where income comes from
rule-source-funder-missing = funder {$funder} does not exist: add it first with `amana funder add`
rule-source-other-funder = the posting is charged to grant {$grant}, whose funder is {$grant_funder}, not {$funder}: leave funder= out (the grant names its funder)
rule-source-twice = posting {$posting} of transaction {$entry} already has its source
rule-memorandum-mixed = account {$account} is not a memorandum account, and this transaction posts to memorandum account {$memorandum}: in-kind contributions are recorded on memorandum accounts alone (amana in-kind), never with money
rule-posting-to-parent = account {$account} has sub-accounts ({$subs}): post to one of them; an account that groups others takes no posting
rule-tag-on-money = {$tag} is on {$account}, a bank or cash account: a grant or budget line belongs on the transaction's income posting (money received) or expense posting (money spent); move the tag there
rule-line-not-on-expense = line={$line} is on {$account}, an account of type {$kind}: a budget line is charged only by expense postings (and by the purchase of an asset, when the line's account is an asset account); put line={$line} grant={$grant} on the expense posting
rule-grant-tag-misplaced = grant={$grant} is on {$account}, an account of type {$kind}: a grant is tagged on income postings (money received on it) and expense postings (money spent on it), or on an asset bought on an equipment line; move the tag there
rule-original-sign-differs = the original amount {$original} on {$account} has the opposite sign of the posting's amount {$amount}: a debit is positive and a credit negative in both; give the original amount the posting's sign

# Warnings: recorded, but worth telling.
warning-grant-overspent = transaction {$entry}: grant {$grant} has spent {$spent}, past its total of {$total}
warning-grant-over-received = transaction {$entry}: grant {$grant} has received {$received}, past the {$agreed} agreed
warning-money-below-zero = transaction {$entry}: cash or bank account {$account} is below zero on {$date} ({$balance}): check the amounts and dates, money cannot run out below nothing
warning-parent-takes-no-posting = account {$account} now sits under {$parent}, which has {$postings} postings: they stay, but {$parent} takes no new posting (postings go to detail accounts); post to {$account} or another sub-account, and move the balance with a transaction if it should be there
warning-dated-in-future = transaction {$entry} is dated {$date}, after today ({$today}): check the date
warning-overspent = transaction {$entry}: budget line {$grant}/{$line} is over-spent: {$spent} spent of {$budget} budgeted
warning-clock-behind = this computer's clock says {$now}, before the time of the last entry ({$last}): check the date and time of this computer (or of the one that wrote the last entry); `amana verify` will point at this entry

# Fixed assets and their depreciation.
rule-asset-exists = asset {$id} is already registered
rule-asset-source = transaction {$entry} is not a recorded transaction that stands (it is missing, a reversal, a closing or a depreciation, or it was reversed): register an asset from the transaction that bought it
rule-asset-posting-missing = transaction {$entry} has no posting {$posting}
rule-asset-not-a-debit = posting {$posting} of transaction {$entry} (account {$account}) is not a debit to an asset account: an asset is registered from the debit that bought it
rule-asset-posting-registered = posting {$posting} of transaction {$entry} is already registered as asset {$asset}
rule-asset-life = a useful life of {$months} months: give 1 to {$max} months
rule-asset-start = depreciation cannot start on {$start}, before the asset was acquired ({$acquired})
rule-asset-account-type = the {$role} {$account} is not an account of type {$expected}
rule-asset-release-missing = the asset was bought on a grant: its investment subsidy needs a release account and an income account
rule-asset-release-extra = the asset was not bought on a grant: it has no investment subsidy to release
rule-asset-unknown = asset {$asset} is not registered
rule-depreciation-order = the depreciation of asset {$asset} must start on {$expected} (the month after the last one depreciated), not {$start}
rule-depreciation-done = asset {$asset} is already fully depreciated
rule-depreciation-end = a depreciation of asset {$asset} is dated on the last day of a month of its schedule; {$date} is not one
rule-depreciation-years = the depreciation of asset {$asset} from {$start} to {$date} spans two fiscal years: one entry per fiscal year
rule-depreciation-postings = the postings of the depreciation of asset {$asset} are not its schedule's ({$amount} minor units: expense and depreciation accounts, then the subsidy's release)
rule-depreciation-in-import = a depreciation has no reference and is never part of an import
rule-depreciation-reversed = transaction {$reverses} is a depreciation, which is never reversed
rule-asset-source-reversed = transaction {$reverses} bought asset {$asset}, which is registered: it cannot be reversed

# Ledger settings and explanations of variances.
rule-setting-unknown = "{$key}" is not a setting amana knows: the settings are language, timezone and org-id
rule-setting-invalid = setting {$key}: "{$value}" is not valid; give {$expected}
rule-note-line-missing = grant {$grant} has no budget line {$line} (see `amana grant list`): an explanation is given for a line of a grant
rule-note-text-length = the explanation of {$grant}/{$line} is {$length} characters long: give a text of 1 to {$max} characters (attach a longer document as a receipt)
rule-threshold-grant-missing = grant {$grant} does not exist (see `amana grant list`): a variance threshold is set for a grant
rule-threshold-out-of-range = the variance threshold of {$grant} ({$percent}%) is out of range: give a percent from 0 to {$max} and an amount of 0 or more
rule-bank-account-missing = account {$account} does not exist: a bank statement or a reconciliation is of an existing account
rule-bank-suspense-missing = the suspense account {$account} does not exist, or is the statement's own account
rule-bank-counts = a bank statement's counts do not add up: {$rows} lines read, {$skipped} already recorded, {$lines} recorded now (at least one)
rule-bank-line-known = line {$line} of the statement was already recorded for account {$account} (the same fingerprint)
rule-bank-off-account = transaction {$id} of a bank statement does not post to the statement's account {$account}
rule-bank-not-in-suspense = transaction {$entry} is not a bank line waiting in suspense (or it was assigned already)
rule-bank-assignment-unfit = transaction {$transaction} cannot assign bank line {$entry}: it must be a transaction recorded before, other than the line, assigning no other line
rule-bank-assignment-amount = transaction {$transaction} moves {$found} out of suspense account {$account}, not the {$expected} bank line {$entry} left there
rule-reconcile-entry-unknown = a reconciliation of {$account} names transaction {$entry}, which is not recorded
rule-reconcile-entry-matched = transaction {$entry} was already matched with a statement of {$account}

# Funders' organisation identifiers.
rule-identified-funder-missing = funder {$funder} does not exist (see `amana funder list`)
rule-org-id-invalid = funder {$funder}: "{$org_id}" is not an organisation identifier: give a registration agency's code, a hyphen and the identifier it gives, e.g. GB-CHC-202918 or XM-DAC-41114 (see org-id.guide)
