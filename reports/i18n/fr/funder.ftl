# Le rapport au bailleur (`amana report funder --grant ID`) : ce que le bailleur lit de la
# subvention qu'il a accordée. Format Fluent (https://projectfluent.org) : `{ $nom }` est un
# argument.

funder-title = Compte rendu financier au bailleur : subvention { $grant }
funder-subtitle = Subvention { $grant } accordée par { $funder }
funder-period-open = du { $from } à la dernière écriture enregistrée
funder-in = En { $currency }
funder-figures-in = Montants en { $currency }.

funder-section-agreement = La convention de subvention
funder-funder = Bailleur de fonds
funder-funder-type = Catégorie de bailleur
funder-type-public-local = Collectivité territoriale
funder-type-public-national = Programme public national
funder-type-foreign-public = Bailleur public étranger
funder-type-foreign-private = Bailleur privé étranger
funder-type-private = Donateur privé
funder-type-individual = Particulier
funder-type-members = Adhérents
funder-amount = Montant accordé
funder-amount-ledger = Montant accordé en { $currency }
funder-grant-period = Période de la convention
funder-grant-period-range = du { $start } au { $end }
funder-last-eligible = Dépenses éligibles jusqu'au
funder-purpose = Objet
funder-restricted = Ressource affectée à son objet
funder-rate-method = Taux de change
funder-rate-instalments = taux moyen pondéré des tranches reçues : { $quote }
funder-rate-daily = taux du jour de chaque opération (table des taux) ; dernier taux : { $quote }
funder-rate-none = montant en { $currency } porté par chaque écriture ; dernier taux : { $quote }
funder-rate-unknown = aucun taux connu à ce jour

funder-section-summary = Synthèse
funder-received = Reçu
funder-spent = Dépensé
funder-unspent = Non utilisé
funder-period-received = Reçu sur la période
funder-period-spent = Dépensé sur la période

funder-section-instalments = Tranches reçues
funder-rate = Taux
funder-no-instalments = Aucun versement reçu à ce jour.

funder-section-budget = Budget prévisionnel et réalisé
funder-line = Ligne
funder-budget = Budget
funder-variance = Écart
funder-variance-percent = Écart en %
funder-executed = Taux de réalisation
funder-overspent = Dépassement budgétaire.
funder-explanation = Justification (chiffres au { $through }) : { $text }
funder-explanation-missing = Justification manquante : l'écart dépasse le seuil.
funder-no-line = Imputé sur aucune ligne budgétaire
funder-threshold = L'écart est le budget moins le réalisé. Un écart doit être justifié lorsqu'il dépasse { $percent } du budget de la ligne et { $amount }.
funder-missing-notice = { $count ->
    [one] Une ligne budgétaire présente un écart au-delà du seuil sans justification
   *[other] { $count } lignes budgétaires présentent un écart au-delà du seuil sans justification
} (le trésorier l'enregistre avec `amana grant explain`).
funder-chart = Budget et réalisé par ligne

funder-section-cofunding = Cofinancement des mêmes charges
funder-cofunding-intro = Chaque compte de charges financé par cette subvention, avec ce que les autres subventions et les fonds propres de l'association y ont imputé sur la même période : une même charge n'est jamais financée deux fois.
funder-this-grant = Cette subvention
funder-other-grants = Autres subventions
funder-own-funds = Fonds propres

funder-section-unspent = Solde non utilisé
funder-dedicated = Inscrit en fonds dédiés à la dernière clôture
funder-carried-year = Report à la clôture { $year } (négatif : reprise)
funder-outcome-none = Tout ce qui a été reçu a été utilisé.
funder-outcome-to-spend = Le solde non utilisé reste affecté à l'objet de la subvention : il est inscrit en fonds dédiés à chaque clôture et doit être utilisé au plus tard le { $date }.
funder-outcome-to-refund = L'éligibilité de la subvention a pris fin le { $date } : le solde non utilisé de { $amount } est à restituer au bailleur, sauf accord écrit de sa part.
funder-outcome-unrestricted = La subvention n'est pas affectée : son solde non utilisé revient à l'association.
funder-outcome-overspent = Les dépenses dépassent les sommes reçues : { $amount } reste à recevoir au titre de la convention ou est couvert par les fonds propres de l'association.

funder-section-expenses = Dépenses imputées à la subvention
funder-expenses-count = { $count ->
    [one] Une dépense, avec l'empreinte (SHA-256) de chaque pièce justificative conservée.
   *[other] { $count } dépenses, chacune avec l'empreinte (SHA-256) de chaque pièce justificative conservée.
}
funder-receipts = Pièces justificatives
funder-no-expenses = Aucune dépense imputée à ce jour.
