# Les livres : la balance générale (`report trial-balance`) et le grand livre
# (`report ledger --account CODE`).

books-period-through = jusqu'au { $to }
books-opening-debit = À nouveau débit
books-opening-credit = À nouveau crédit
books-period-debit = Mouvements débit
books-period-credit = Mouvements crédit
books-closing-debit = Solde débiteur
books-closing-credit = Solde créditeur
books-class = Classe { $class } : { $name }
books-class-total = Total classe { $class }
books-grand-total = Total général
books-accounts = Comptes
books-by-class = Comptes par classe
books-no-accounts = Aucun compte n'est mouvementé sur la période.
books-balanced = Le total des débits est égal au total des crédits dans chaque paire de colonnes.
books-unbalanced = Le total des débits n'est PAS égal au total des crédits : le fichier a été modifié en dehors d'amana (lancez `amana verify`).
books-dr = D
books-cr = C
books-number = N° pièce
books-counter = Contrepartie
books-period-total = Totaux de la période
books-kind-reversal = Contre-passation d'une écriture antérieure
books-kind-closing = Écriture de clôture de l'exercice
trial-balance-title = Balance générale
trial-balance-subtitle = Soldes à nouveau, mouvements de la période et soldes de clôture, par compte
ledger-title = Grand livre
ledger-subtitle = Comptes { $account }, en { $currency }
ledger-no-posting = Aucun compte commençant par { $account } n'a de solde ni de mouvement jusqu'à la fin de la période.
