# A member's receipt on paper (`amana report receipt`): one page a member or a donor keeps.

receipt-title = Receipt
receipt-number = No. { $number }
receipt-details = Payment
receipt-sentence = { $association } acknowledges receipt from { $payer } of the sum of { $words } ({ $figures }) on { $date }.
receipt-payer-unknown = a member or donor
receipt-received-from = Received from
receipt-date = Date
receipt-for = For
receipt-reference = Reference
receipt-amount = Amount
receipt-amount-figures = In figures
receipt-amount-words = In words
receipt-proof = Proof in the sealed books
receipt-seal = Seal
receipt-seal-covers = The seal covers
receipt-entries-1-to = entries 1 to { $last }
receipt-signed-by = Seal signed by
receipt-no-seal = No seal covers this payment yet: ask the treasurer for this receipt again after the next seal, so that it can be checked.
receipt-transaction = Transaction
receipt-chain-entry = Chain entry
receipt-entry-hash = Entry hash
receipt-how-to-check = To check this receipt, run with the proof file the treasurer gave you, and the seal's fingerprint as the association published it:
receipt-command = Command
receipt-qr-holds = The QR code holds the seal's fingerprint, the transaction, its chain entry and entry hash, the amount and the date (amana-receipt/1).
receipt-signature = The treasurer's signature
receipt-signature-hint = The association's stamp
