# What the application refuses to do, and why: each command's refusals (set-up, recording,
# officers and their signatures, seals and closings, members' receipts, audit bundles, backups,
# the demo). Fluent (https://projectfluent.org): `{$name}` is an argument. The English here is
# the only English of these messages (amana's own error texts are read from this file), one
# line each. Commands, flags, codes, numbers and file names stay as written.

# Set-up, recording, import.
refusal-ledger-file-name-missing = {$path}: give a file name for the ledger
refusal-country-not-iso = country "{$country}" is not an ISO 3166 two-letter code (e.g. MA, FR, BE)
refusal-several-amounts-left-out = only one posting of a transaction may leave its amount out (it takes what balances the others)
refusal-transaction-not-found = transaction {$id} does not exist (see `amana journal` for the numbers)
refusal-reversal-past-end = transaction {$id} is dated {$dated}, and the books are locked through {$locked}, the last day the ledger records: nothing more can be dated
refusal-reversal-in-locked-period = transaction {$id} is dated {$dated}, in the period locked through {$locked}: its reversal cannot take its date. Date it in the open period, from {$first_open} on:
refusal-already-imported = {$file}: this file (SHA-256 {$sha256}) was already imported as {$imported_as} (chain entry {$seq}); nothing was imported. To import it again on purpose, add --force
refusal-import-receipt-missing = no such file ({$path}); receipt paths are relative to the CSV file's folder
refusal-import-receipt-unusable = {$error} (receipt paths are relative to the CSV file's folder, and stay inside it)
refusal-grant-not-found = grant {$grant} does not exist (see `amana grant list`)
refusal-original-not-grant-currency = grant {$grant} is in {$expected}: a posting charged to it carries its amount in {$expected}, not {$currency} (give the {$expected} amount, or leave it out to derive it from the rate table)
refusal-no-rate-for-grant = grant {$grant} is in {$currency}, and no {$currency} rate is recorded on or before {$date} to give the posting its {$currency} amount: add a rate with `amana rate add --currency {$currency} --date {$date} --rate ...`, or give the {$currency} amount (original amount)
refusal-revalue-not-money = account {$account} is not an asset account: only an account that holds money in a foreign currency (a bank account in EUR) is revalued
refusal-revalue-mixed = account {$account} is not held in {$currency}: transaction #{$entry} posts to it without an amount in {$currency} (every posting to an account held in {$currency} carries its amount in it, orig=AMOUNT:{$currency})
refusal-no-rate-to-revalue = no {$currency} rate is recorded on or before {$date}: add the closing rate with `amana rate add --currency {$currency} --date {$date} --rate ...`
refusal-revalue-accounts-needed = give --gain-account and --loss-account: the income and expense accounts of exchange differences (this chart has no default)
refusal-no-instalments-yet = grant {$grant} converts at the rate of its instalments, and no instalment in {$currency} is recorded yet: record the funder's instalment first (with its {$currency} amount), give the {$currency} amount of this posting, or set the daily method (`amana grant terms {$grant} --rate-method daily`)

# Officers, keys, decisions.
refusal-key-unusable = {$error}
refusal-key-not-registered = the key with public key {$public_key} belongs to no registered officer: register it first with `amana officer add ID --name ... --role ... --key KEYFILE.pub`
refusal-officer-revoked = officer {$officer} was revoked (chain entry {$at}): their signatures no longer count
refusal-officer-not-approved = officer {$officer} was registered after the first seal and is not approved yet: officers in standing approve them first, as many as the ledger's policy says (`amana officer approve {$officer} --key THEIR_KEY`)
refusal-officer-already-approved = officer {$officer} is already approved
refusal-founding-officer-approved = officer {$officer} is registered before the ledger's first seal: a founding officer, whose signatures count without approval; leave out --approve
refusal-founding-officer-needs-no-approval = officer {$officer} was registered before the ledger's first seal: a founding officer, whose signatures count without approval
refusal-officer-not-registered = officer {$officer} is not registered (amana officer add)
refusal-approval-of-revoked = officer {$officer} was revoked (chain entry {$at}): an approval would change nothing
refusal-seal-not-found = no seal {$reference}: give the seal's chain entry number or its fingerprint (see `amana log --kind seal`)
refusal-not-signable = entry {$seq} is neither a seal nor a decision of the officers (see `amana log`)
refusal-lock-not-past = {$through} is not past: lock a period once it has ended
refusal-key-given-twice = officer {$officer}'s key is given twice: each officer signs once; give each officer's key once
refusal-quorum-not-met = this {$decision} needs the signatures of {$needed} officer(s) (the ledger's policy), and {$given} key(s) of officers were given: add --sign KEYFILE for each (officers who can sign: {$can_sign})
refusal-quorum-not-met-policy = this {$decision} needs the signatures of {$needed} officer(s) (the ledger's policy: {$quorum}), and {$given} key(s) of officers were given: add --sign KEYFILE for each (officers who can sign: {$can_sign})
refusal-ledger-does-not-verify = the ledger does not verify at chain entry {$seq}: {$why}. Run `amana verify` and resolve that before sealing or signing

# Seals and closings.
refusal-bank-twice = --bank names account {$account} twice: give each bank account's statement balance once
refusal-period-not-past = the period ends {$end}, which is not past: seal a period (and check its bank statements) once it has ended
refusal-seal-blocks-closing = this ledger has no policy yet, so a seal locks its period, and locking through {$end} would leave fiscal year {$year} impossible to close: close it first with `amana close --year {$year}`
refusal-year-out-of-range = fiscal year {$year} is out of range: the ledger records years 1 to 9999; give the year the fiscal year starts in, e.g. --year 2025
refusal-year-not-ended = fiscal year {$year} runs from {$start} to {$end}: it can be closed from the day after it ends
refusal-year-already-closed = fiscal year {$year} is already closed (the books are locked through {$locked}); to correct it, the officers reopen it first: `amana reopen --year {$year} --reason ...`
refusal-year-locked = the books are locked through {$locked}, which covers fiscal year {$year}: it can no longer be closed; the officers reopen the last closed year first if it must be
refusal-earlier-year-open = fiscal year {$year} is not closed yet: close the years in order (amana close --year {$year})
refusal-demo-step = the demo could not {$step}: {$reason} (a defect of the demo: please report it)
refusal-result-not-allocated = fiscal year {$year}'s result ({$amount} on account {$account}) is not allocated yet, and a closing must not mix two years' results: record the general assembly's decision first (amana allocate-result --year {$year})
refusal-dedicated-fund-of-ended-grant = restricted grant {$grant} ended on {$end} and still holds {$amount} received and not spent: it can no longer be spent on the grant; record what becomes of it first (its refund to the funder, e.g. a debit of the income account with grant={$grant} and a credit of the account of funds to refund, or an amendment of the grant's end if the funder extended it)
refusal-carry-accounts-together = give --charge-account and --release-account together (the charge and the income through which dedicated funds are carried and released), or neither
refusal-no-result-to-allocate = fiscal year {$year} has no result to allocate: it is not closed, its closing carried no result, or its result is already allocated (see amana log)
refusal-allocation-sum = the parts given (--to) add up to {$parts}, not to fiscal year {$year}'s result of {$result}: give parts that add up to the result exactly

# Members' receipts.
refusal-member-receipt-not-found = transaction {$id} does not exist (see `amana journal`)
refusal-transaction-reversed = transaction {$id} was reversed by transaction {$by} ({$date}): the books no longer count this money as received, so it has no member's receipt. If the money did come in, record it again and give the receipt of that transaction
refusal-not-money-received = transaction {$id} is not money received from a member or a donor: {$why}. A member's receipt is for dues or a gift: a transaction that credits an income account and debits cash or a bank account (see `amana journal`)
refusal-not-received-reversal = it is a reversal (of transaction {$of})
refusal-not-received-closing = it is the closing of fiscal year {$year}
refusal-not-received-unknown-account = the kind of account {$account} is not known
refusal-not-received-depreciation = it is a depreciation of asset {$asset}
refusal-not-received-no-income = it credits no income account
refusal-not-received-no-money = it debits no cash or bank account
refusal-not-received-income-overflow = its income postings add up past any amount amana keeps

# Audit bundles.
refusal-bundle-folder-not-empty = {$dir}: already exists and is not an empty folder; export an audit bundle into a new folder
refusal-bundle-entry-undecodable = entry {$seq}: {$error}
refusal-bundle-entry-does-not-rebuild = entry {$seq} of {$dir} does not rebuild to its chain hash
refusal-bundle-does-not-verify = the audit bundle {$dir} does not verify, so nothing was signed: {$findings}. Run `amana verify --bundle {$dir}`, and ask the treasurer for a new bundle
refusal-and-more = and {$count} more
refusal-bundle-unreadable = {$dir} is not an audit bundle that can be read ({$why}): give the folder `amana export audit` wrote
refusal-bundle-empty-chain = its chain is empty
refusal-bundle-broken = the audit bundle {$dir} does not verify at chain entry {$seq}: {$why}, so nothing was signed. Run `amana verify --bundle {$dir}`, and ask the treasurer for a new bundle
refusal-already-signed-in-bundle = officer {$officer} already signed the {$what} {$fingerprint} (entry {$seq}) in this bundle: there is nothing to send
refusal-own-decision = entry {$seq} is a decision about officer {$officer}: nobody signs a decision about themselves
refusal-bundle-key-not-registered = the key with public key {$public_key} belongs to no officer registered in this ledger: the treasurer registers it first (`amana officer add ID --name ... --role ... --key KEYFILE.pub`)
refusal-bundle-officer-not-approved = officer {$officer} was registered after the first seal and is not approved yet, so their signature would not count: an approved officer runs `amana officer approve {$officer} --key THEIR_KEY` first

# A chain that breaks before the end.
refusal-break-missing = entry {$expected} is missing or out of place
refusal-break-hash-mismatch = its stored hash does not match its bytes
refusal-break-link-broken = its link to the entry before it is broken
refusal-break-renumbered = it holds the entry recorded as number {$recorded}
refusal-break-not-its-line = it is not the entry its line says

# Signature files.
refusal-signature-file-too-large = {$path}: larger than {$limit} bytes, too large for what it should be
refusal-not-a-signature-file = {$path}: not an amana signature file ({$error}); an officer makes one with `amana sign SEAL --key KEYFILE --bundle DIR --out FILE`
refusal-signature-format-unknown = {$path}: format "{$format}" is not one this amana reads ({$expected})
refusal-signature-field-damaged = {$path}: field {$field} is not {$bytes} bytes in hex: the file was damaged; ask the officer for it again
refusal-signature-kind-unknown = {$path}: it signs an entry of kind "{$kind}"; amana adds signatures of seals and of the officers' decisions
refusal-signature-fingerprint-mismatch = {$path}: the file's fingerprint {$claimed} is not that of the entry hash it signs ({$fingerprint}): the file was altered; ask the officer for it again
refusal-signature-other-ledger = {$path}: the signature is for the ledger "{$ledger}" ({$ledger_id}), not this one ("{$this_ledger}", {$this_id}): add it to its own ledger
refusal-signature-entry-not-signable = {$path}: entry {$seq} of this ledger is not a {$what}; the signature is for the {$what} {$fingerprint}, which this ledger does not have there (see `amana log`)
refusal-signature-seal-mismatch = {$path}: the signature is for the seal {$fingerprint} at entry {$seq}, but this ledger's seal there is {$seal}: it was made from another ledger's bundle, or from an altered one
refusal-signature-officer-mismatch = {$path}: the file names officer "{$named}", but the key is officer {$officer}'s in this ledger
refusal-signature-already-added = {$path}: officer {$officer} already signed the seal {$seal} (entry {$seq}); nothing was added
refusal-signature-invalid = {$path}: the signature does not verify against officer {$officer}'s key for the seal {$seal}: the file was altered, or not signed with that key

# Backup and restore.
refusal-backup-is-folder = {$file}: is a folder; give the name of the archive file to write, e.g. {$file}/amana-backup.tar
refusal-output-exists = {$file}: a file is already there; give another name, or --force to replace it
refusal-backup-over-protected = {$file}: is {$what}; a backup is never written over it, even with --force. Choose another file name
refusal-protected-the-ledger = the ledger itself
refusal-protected-receipt-folder = inside the ledger's receipt folder
refusal-protected-database = a database (perhaps a ledger)
refusal-protected-key-file = a key file
refusal-folder-missing = {$file}: the folder {$folder} does not exist
refusal-restore-target-exists = {$path}: already exists; restore only writes a new ledger: give --to a path that is not taken
refusal-not-a-backup = {$file}: {$why}; it is not an archive `amana backup` wrote, and nothing was restored
refusal-archive-not-tar = cannot be read as a tar archive ({$error})
refusal-archive-not-regular = member "{$name}" is a {$what}, not a regular file
refusal-archive-symbolic-link = symbolic link
refusal-archive-hard-link = hard link
refusal-archive-device = device
refusal-archive-named-pipe = named pipe
refusal-archive-other-member = {$kind} member
refusal-archive-unknown-member = member "{$name}" is not a name a backup holds (only {$readme}, {$db} and {$receipts}/HH/SHA256)
refusal-archive-member-twice = member "{$name}" appears twice
refusal-archive-member-unreadable = member "{$name}" cannot be read ({$error})
refusal-archive-too-large = member "{$name}" is larger than any receipt amana keeps
refusal-archive-wrong-hash = member "{$name}" does not have the SHA-256 it is named by (the document was altered)
refusal-archive-no-ledger = it holds no {$db}
refusal-restored-not-a-ledger = {$file}: its {$db} is not an amana ledger ({$reason}); nothing was restored

# The demo, contributions in kind, the chart.
refusal-demo-folder-not-empty = {$dir} is not empty and holds no demo ledger; the demo writes only into a new or empty folder, or over an earlier demo (choose another --out)
refusal-demo-would-overwrite = {$path} exists and is not a demo ledger; the demo never overwrites it (choose another --out)
refusal-demo-reference-missing = the demo finds no transaction with reference {$reference}
refusal-in-kind-accounts-missing = the chart {$chart} has no memorandum accounts for contributions in kind: add them (`amana account add CODE --type memorandum`) and give --use-account and --resource-account
refusal-in-kind-value-inexact = {$hours} hours at {$rate} is not a whole number of the currency's smallest unit: give the value itself with --value
refusal-in-kind-value-not-positive = a contribution in kind is worth more than zero, not {$value}: to cancel one, reverse it (`amana reverse N --reason ...`)
refusal-account-type-not-parents = account {$code} would be of type {$given}, but on the Moroccan chart a sub-account has its parent's type: {$parent} is {$parents}; leave --type out (or give --type {$parents}), or choose a code under an account of type {$given}
refusal-account-type-missing = account {$code} needs its type: give --type asset, liability, net-assets, income or expense
refusal-bank-account-missing = account {$account} is not in the ledger (see `amana account list`): a statement is imported into the bank or cash account it is of
refusal-bank-account-not-asset = account {$account} is of type {$kind}: a statement is imported into a bank or cash account (an asset)
refusal-bank-no-suspense = {$count} line(s) match no rule (file lines {$lines}) and there is no suspense account to hold them: name one with suspense = "CODE" in the rules file, or add rules for them
refusal-bank-suspense-missing = the suspense account {$account} is not in the ledger: add it (`amana account add {$account} ...`) or name another with suspense = "CODE" in the rules file
refusal-bank-line-not-in-suspense = transaction {$entry} is not a bank line waiting in suspense (see `amana bank review`)
refusal-reconcile-no-balance = {$file} has no balance column: give the statement's closing balance with --balance
refusal-reconcile-nothing-given = give the statement: --statement FILE, or its closing balance and date with --balance and --date
refusal-reconcile-not-outstanding = transaction {$entry} is not a transaction of {$account} waiting to be matched (dated on or before the statement, not matched before)

# Organisation identifiers, and the IATI and 360Giving exports.
refusal-org-id-agency-unknown = organisation identifier {$org_id}: {$agency} is not a registration agency of IATI's OrganisationRegistrationAgency codelist: find the register the organisation is listed in at org-id.guide and give its code (e.g. XM-DAC-41114, GB-CHC-202918, XI-IATI-…); nothing was recorded
refusal-export-org-id-missing = the ledger has no organisation identifier, by which IATI and 360Giving files name the association: record it with `amana setting set org-id AGENCY-IDENTIFIER` (the register's code from org-id.guide, e.g. XI-IATI-…); nothing was written
refusal-export-funder-org-id-missing = funder {$funder} of grant {$grant} has no organisation identifier: record it with `amana funder identify {$funder} AGENCY-IDENTIFIER` (e.g. XM-DAC-41114; see org-id.guide), or export another grant with --grant; nothing was written
refusal-export-code-not-in-list = {$what}: {$code} is not a code of IATI's {$list} codelist; nothing was written
refusal-export-dated-in-future = grant {$grant}: transaction {$id} is dated {$date}, after today ({$today}), and IATI publishes no transaction in the future: export once that day has passed, or correct the date (`amana reverse {$id}`, then record it again); nothing was written
refusal-export-no-grant = the ledger has no grant to report: add one with `amana grant add`; nothing was written
refusal-export-country-unknown = neither the chart nor the organisation identifier {$org_id} names the country of the association's activities: give it with --country (e.g. --country MA); nothing was written
refusal-export-rule-broken = {$what}: IATI's schema or rules would refuse it; nothing was written
refusal-bank-suspense-is-the-account = the suspense account {$account} is the statement's own account: lines no rule matches wait in another account (suspense = "CODE" in the rules file; 3497 on the Moroccan chart)
refusal-bank-assign-to-itself = a bank line is assigned to the account it belongs to, not to the bank or suspense account it already sits in ({$account})
