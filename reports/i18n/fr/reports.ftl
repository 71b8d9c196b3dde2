# Les mots que tous les rapports partagent. Chaque rapport a son propre fichier à côté
# (funder.ftl, annual.ftl...). Format Fluent (https://projectfluent.org) : `{ $nom }` est un
# argument. Une association peut copier ce dossier, changer la formulation et indiquer sa
# copie à amana avec `--templates DOSSIER` (ou AMANA_TEMPLATES).

report-generated-by = Établi par amana à partir de la chaîne d'audit du registre
report-page = Page
report-of = sur
report-association = Association
report-period = Période
report-period-range = du { $from } au { $to }
report-generated = Établi le
report-chain-head = Tête de chaîne
report-chain-entries = Écritures dans la chaîne
report-last-seal = Dernier scellé
report-no-seal = Aucun scellé encore
report-seal-fingerprint = Empreinte du scellé
report-seal-hint = Vérifier cette copie : amana verify --seal EMPREINTE sur le registre, ou scanner le code.
report-signed-by = Signé par
report-currency = Devise
report-total = Total
report-subtotal = Sous-total
report-none = Aucun
report-yes = Oui
report-no = Non
report-not-verified = Ce registre NE se vérifie PAS : { $count ->
    [one] un problème a été trouvé
   *[other] { $count } problèmes ont été trouvés
} (`amana verify` les liste). Les chiffres ci-dessous peuvent être faux.
report-verification = Vérification
report-not-checked = registre non vérifié lors de l'établissement de ce rapport (--no-verify)
report-verified = Le registre se vérifie : chaque écriture de la chaîne est contrôlée.
report-date = Date
report-account = Compte
report-description = Libellé
report-reference = Référence
report-amount = Montant
report-debit = Débit
report-credit = Crédit
report-balance = Solde
report-opening-balance = Solde d'ouverture
report-closing-balance = Solde de clôture
report-code = Code
report-name = Intitulé
report-transaction = Écriture
report-note = remarque
report-warning = attention
