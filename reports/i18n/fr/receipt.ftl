# Le reçu d'un membre sur papier (`amana report receipt`) : une page que le membre ou le donateur conserve.

receipt-title = Reçu
receipt-number = N° { $number }
receipt-details = Versement
receipt-sentence = { $association } reconnaît avoir reçu de { $payer } la somme de { $words } ({ $figures }) le { $date }.
receipt-payer-unknown = un membre ou donateur
receipt-received-from = Reçu de
receipt-date = Date
receipt-for = Objet
receipt-reference = Référence
receipt-amount = Montant
receipt-amount-figures = En chiffres
receipt-amount-words = En lettres
receipt-proof = Preuve dans les comptes scellés
receipt-seal = Scellé
receipt-seal-covers = Le scellé couvre
receipt-entries-1-to = les écritures 1 à { $last }
receipt-signed-by = Scellé signé par
receipt-no-seal = Aucun scellé ne couvre encore ce versement : redemandez ce reçu au trésorier après le prochain scellé, pour pouvoir le vérifier.
receipt-transaction = Écriture comptable
receipt-chain-entry = Écriture de la chaîne
receipt-entry-hash = Empreinte de l'écriture
receipt-how-to-check = Pour vérifier ce reçu, lancez, avec le fichier de preuve remis par le trésorier et l'empreinte du scellé publiée par l'association :
receipt-command = Commande
receipt-qr-holds = Le code QR contient l'empreinte du scellé, l'écriture comptable, son écriture de chaîne et son empreinte, le montant et la date (amana-receipt/1).
receipt-signature = Signature du trésorier
receipt-signature-hint = Cachet de l'association
