# What `amana verify` finds, and the officers' decisions as it lists them. Fluent
# (https://projectfluent.org): `{ $name }` is an argument. Each id is verify's message id
# (the `message` of `verify --format json`) after `verify-`. The English here is the only
# English of these messages (verify reads its sentences from this file).

# The file and its tables.
verify-schema-altered = the ledger's schema was altered: { $drift }
verify-integrity-fails = SQLite's integrity check fails: { $damage }
verify-table-unreadable = table { $table } cannot be read as amana wrote it ({ $error }): it was dropped, renamed or restructured
verify-row-missing-from-table = { $table } row ({ $key }) is missing (deleted from the table)
verify-row-missing = { $table } row ({ $key }) is missing (deleted or re-keyed)
verify-row-not-in-chain = { $table } row ({ $key }) is not in the chain (inserted or re-keyed)
verify-row-inserted = { $table } row ({ $key }) is not in the chain (inserted)
verify-row-edited = { $table } row ({ $key }) was edited: { $columns }
verify-column-differs = column { $column } is { $found }, the chain says { $expected }
verify-sql-float = { $value } (a float)
verify-kind-column = log row { $row }: column kind is "{ $column }", the entry says "{ $entry }"

# The log and its hashes.
verify-entry-missing = entry { $first } is missing from the log
verify-entries-missing = entries { $first } to { $last } are missing from the log
verify-row-out-of-order = log row { $seq } comes after row { $after }
verify-line-out-of-order = chain.jsonl line { $line } holds entry { $seq } after entry { $after }
verify-entry-misplaced = log row { $row } holds the entry recorded as number { $recorded }
verify-entry-hash-edited = the stored entry hash { $stored } is not the hash of the entry's bytes ({ $computed }), which the chain hash confirms
verify-content-modified = the entry's bytes hash to { $computed }, but { $stored } was recorded: the entry was altered after it was written
verify-chain-hash-edited = the stored chain hash { $stored } does not follow from the entry and its link ({ $expected } expected)
verify-link-broken = the entry links to { $link } but the entry before it has chain hash { $previous }
verify-undecodable = the entry's bytes cannot be read: byte { $offset }: { $what }
verify-non-canonical = the bytes decode, but are not the canonical encoding of what they say
verify-empty = the log has no entries: this ledger has no genesis entry
verify-import-truncated = the import at entry { $seq } announced { $remaining } more transaction(s) that are not in the log: the chain was cut short

# The rules, seals and receipts.
verify-rule-broken = { $record } entry: { $rule }
verify-receipt-missing = the receipt { $file_name } of transaction { $transaction } is missing: it should be at { $path }
verify-receipt-altered = the receipt { $file_name } of transaction { $transaction } at { $path } { $status } (recorded: { $size } bytes, SHA-256 { $sha256 })

# What was published outside the ledger.
verify-published-seal-rewritten = the published seal { $fingerprint } is entry { $seq }, but the chain before it is not the one it sealed (its head { $head } or Merkle root over entries 1 to { $covered } does not recompute): history up to entry { $covered } was rewritten
verify-anchor-missing = the published head { $seq }:{ $head } is not in this ledger, which has { $entries } entries: the chain was truncated or rolled back
verify-anchor-rewritten = entry { $seq } has chain hash { $chain }, but { $published } was published: history up to entry { $seq } was rewritten
verify-seal-anchor-missing = no seal of this ledger ({ $entries } entries) has the published fingerprint { $fingerprint }: the ledger was rolled back to before that seal, or the seal and the history it covers were rewritten, or it is another ledger's seal (compare `amana log --kind seal` with the published report)
verify-more = { $count } further problems are not listed

# What was published, as typed on the command line (`--anchor`, `--seal`).
verify-anchor-invalid = anchor "{ $text }": write ENTRIES:HEAD as `amana verify` printed them, e.g. 1042:458e9e52…(64 hex digits)
verify-seal-anchor-invalid = seal fingerprint "{ $text }": write it as the seal printed it, 16 letters and digits like 7W69-RMDN-9JJF-8F5W

# An audit bundle's chain.jsonl, when it cannot be read at all.
verify-chain-file-missing = { $file }: no such file
verify-chain-file-not-regular = { $file }: not a regular file ({ $what }); give the document itself
verify-chain-file-too-large = { $file }: { $size } bytes or more, over the limit of { $limit } bytes for one file
verify-chain-file-unreadable = { $file }: { $error }
verify-chain-file-not-utf8 = { $file }: not UTF-8 text
verify-chain-line-not-json = { $file }:{ $line }: not a JSON line: { $error }
verify-chain-line-not-hex = { $file }:{ $line }: field { $field } is not hex
verify-chain-line-no-seq = { $file }:{ $line }: no seq

# An audit bundle's summary files.
verify-summary-unreadable = { $file } cannot be read ({ $error }): a bundle written by amana has it, derived from chain.jsonl
verify-summary-not-json = { $file } is not JSON ({ $error })
verify-summary-missing = { $file }: { $at } is missing; chain.jsonl says { $expected }
verify-summary-added = { $file }: { $at } = { $found } is not derived from chain.jsonl (added)
verify-summary-element-missing = { $file }: the element with seq { $element } is missing (removed); chain.jsonl gives { $expected }
verify-summary-element-added = { $file }: { $at } holds an element with seq { $element } that chain.jsonl does not give (added): { $found }
verify-summary-removed = { $file }: { $at } is missing (removed); chain.jsonl gives { $expected }
verify-summary-differs = { $file }: { $at } is { $found }, but chain.jsonl says { $expected }
verify-json-top-level = the top level
verify-json-field = field { $path }

# Warnings.
verify-time-backwards = recorded at { $time }, before the entry before it ({ $last }): the writer's clock was set back, or was ahead before
verify-time-future = recorded at { $time }, later than this computer's clock ({ $now }): a clock was set ahead (this one or the writer's)
verify-time-future-run = entries { $first } to { $last } are recorded later than this computer's clock ({ $now }), the last at { $time }: a clock was set ahead (this one or the writer's)
verify-closed-early = the closing of fiscal year { $year } was recorded at { $time }, before { $end } had ended: the writer's clock was ahead, and entries of the last days may be missing
verify-sealed-early = the seal of the period ending { $end } was recorded at { $time }, before { $end } had ended: the writer's clock was ahead, and entries of the last days may be missing

# The officers' decisions, as the summary lists them.
verify-decision-officer = officer { $officer } ({ $role }) registered
verify-decision-closing = closing of fiscal year { $year }
verify-decision-lock = lock through { $through }: { $reason }
verify-decision-reopen = reopening of fiscal year { $year }: { $reason }
verify-decision-revocation = revocation of officer { $officer }: { $reason }
verify-decision-policy = policy: { $quorum } officer(s) sign each decision
