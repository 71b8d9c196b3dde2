# Ce que l'application refuse de faire, et pourquoi. Fluent (https://projectfluent.org) :
# `{$name}` est un argument. Les commandes, options, codes, nombres et noms de fichiers restent
# tels quels.

# Création, enregistrement, import.
refusal-ledger-file-name-missing = {$path} : donnez un nom de fichier pour le registre
refusal-country-not-iso = le pays « {$country} » n'est pas un code ISO 3166 à deux lettres (par exemple MA, FR, BE)
refusal-several-amounts-left-out = une seule ligne d'une écriture peut omettre son montant (elle prend ce qui équilibre les autres)
refusal-transaction-not-found = l'écriture {$id} n'existe pas (voir `amana journal` pour les numéros)
refusal-reversal-past-end = l'écriture {$id} est datée du {$dated}, et les comptes sont verrouillés jusqu'au {$locked}, le dernier jour que le registre enregistre : plus rien ne peut être daté
refusal-reversal-in-locked-period = l'écriture {$id} est datée du {$dated}, dans la période verrouillée jusqu'au {$locked} : sa contrepassation ne peut pas prendre sa date. Datez-la dans la période ouverte, à partir du {$first_open} :
refusal-already-imported = {$file} : ce fichier (SHA-256 {$sha256}) a déjà été importé sous {$imported_as} (entrée {$seq} de la chaîne) ; rien n'a été importé. Pour l'importer à nouveau volontairement, ajoutez --force
refusal-import-receipt-missing = fichier introuvable ({$path}) ; les chemins des pièces justificatives sont relatifs au dossier du fichier CSV
refusal-import-receipt-unusable = {$error} (les chemins des pièces justificatives sont relatifs au dossier du fichier CSV, et y restent)
refusal-grant-not-found = la subvention {$grant} n'existe pas (voir `amana grant list`)
refusal-original-not-grant-currency = la subvention {$grant} est en {$expected} : une ligne qui lui est imputée porte son montant en {$expected}, et non en {$currency} (donnez le montant en {$expected}, ou omettez-le pour le déduire de la table des cours)
refusal-no-rate-for-grant = la subvention {$grant} est en {$currency}, et aucun cours de {$currency} n'est enregistré au {$date} ou avant pour donner à la ligne son montant en {$currency} : ajoutez un cours avec `amana rate add --currency {$currency} --date {$date} --rate ...`, ou donnez le montant en {$currency} (montant d'origine)
refusal-revalue-not-money = le compte {$account} n'est pas un compte d'actif : seul un compte qui détient de l'argent en devise étrangère (un compte bancaire en EUR) est réévalué
refusal-revalue-mixed = le compte {$account} n'est pas tenu en {$currency} : l'écriture #{$entry} y passe sans montant en {$currency} (chaque ligne sur un compte tenu en {$currency} porte son montant dans cette devise, orig=AMOUNT:{$currency})
refusal-no-rate-to-revalue = aucun cours de {$currency} n'est enregistré au {$date} ou avant : ajoutez le cours de clôture avec `amana rate add --currency {$currency} --date {$date} --rate ...`
refusal-revalue-accounts-needed = indiquez --gain-account et --loss-account : les comptes de produits et de charges des écarts de change (ce plan de comptes n'en a pas par défaut)
refusal-no-instalments-yet = la subvention {$grant} se convertit au cours de ses versements, et aucun versement en {$currency} n'est encore enregistré : enregistrez d'abord le versement du bailleur (avec son montant en {$currency}), donnez le montant en {$currency} de cette ligne, ou choisissez la méthode journalière (`amana grant terms {$grant} --rate-method daily`)

# Responsables, clés, décisions.
refusal-key-unusable = {$error}
refusal-key-not-registered = la clé de clé publique {$public_key} n'appartient à aucun responsable enregistré : enregistrez-la d'abord avec `amana officer add ID --name ... --role ... --key KEYFILE.pub`
refusal-officer-revoked = le responsable {$officer} a été révoqué (entrée {$at} de la chaîne) : ses signatures ne comptent plus
refusal-officer-not-approved = le responsable {$officer} a été enregistré après le premier sceau et n'est pas encore approuvé : les responsables en fonction l'approuvent d'abord, autant que le prévoit la règle du registre (`amana officer approve {$officer} --key THEIR_KEY`)
refusal-officer-already-approved = le responsable {$officer} est déjà approuvé
refusal-founding-officer-approved = le responsable {$officer} est enregistré avant le premier sceau du registre : un responsable fondateur, dont les signatures comptent sans approbation ; retirez --approve
refusal-founding-officer-needs-no-approval = le responsable {$officer} a été enregistré avant le premier sceau du registre : un responsable fondateur, dont les signatures comptent sans approbation
refusal-officer-not-registered = le responsable {$officer} n'est pas enregistré (amana officer add)
refusal-approval-of-revoked = le responsable {$officer} a été révoqué (entrée {$at} de la chaîne) : une approbation ne changerait rien
refusal-seal-not-found = aucun sceau {$reference} : donnez le numéro d'entrée du sceau dans la chaîne ou son empreinte (voir `amana log --kind seal`)
refusal-not-signable = l'entrée {$seq} n'est ni un sceau ni une décision du bureau (voir `amana log`)
refusal-lock-not-past = le {$through} n'est pas passé : verrouillez une période une fois qu'elle est terminée
refusal-key-given-twice = la clé du responsable {$officer} est donnée deux fois : chaque responsable signe une fois ; donnez la clé de chacun une seule fois
refusal-quorum-not-met = ce {$decision} demande les signatures de {$needed} responsable(s) (la règle du registre), et {$given} clé(s) de responsables ont été données : ajoutez --sign KEYFILE pour chacun (responsables qui peuvent signer : {$can_sign})
refusal-quorum-not-met-policy = ce {$decision} demande les signatures de {$needed} responsable(s) (la règle du registre : {$quorum}), et {$given} clé(s) de responsables ont été données : ajoutez --sign KEYFILE pour chacun (responsables qui peuvent signer : {$can_sign})
refusal-ledger-does-not-verify = le registre ne se vérifie pas à l'entrée {$seq} de la chaîne : {$why}. Lancez `amana verify` et réglez cela avant de sceller ou de signer

# Sceaux et clôtures.
refusal-bank-twice = --bank cite le compte {$account} deux fois : donnez le solde du relevé de chaque compte bancaire une seule fois
refusal-period-not-past = la période se termine le {$end}, qui n'est pas passé : scellez une période (et rapprochez ses relevés bancaires) une fois qu'elle est terminée
refusal-seal-blocks-closing = ce registre n'a pas encore de règle de signature, donc un sceau verrouille sa période, et verrouiller jusqu'au {$end} rendrait impossible la clôture de l'exercice {$year} : clôturez-le d'abord avec `amana close --year {$year}`
refusal-year-out-of-range = l'exercice {$year} est hors limites : le registre couvre les années 1 à 9999 ; donnez l'année où l'exercice commence, par exemple --year 2025
refusal-year-not-ended = l'exercice {$year} va du {$start} au {$end} : il peut être clôturé à partir du lendemain de sa fin
refusal-year-already-closed = l'exercice {$year} est déjà clôturé (les comptes sont verrouillés jusqu'au {$locked}) ; pour le corriger, le bureau le rouvre d'abord : `amana reopen --year {$year} --reason ...`
refusal-year-locked = les comptes sont verrouillés jusqu'au {$locked}, ce qui couvre l'exercice {$year} : il ne peut plus être clôturé ; le bureau rouvre d'abord le dernier exercice clôturé s'il le faut
refusal-earlier-year-open = l'exercice {$year} n'est pas encore clôturé : clôturez les exercices dans l'ordre (amana close --year {$year})
refusal-demo-step = la démonstration n'a pas pu {$step} : {$reason} (un défaut de la démonstration : merci de le signaler)
refusal-result-not-allocated = le résultat de l'exercice {$year} ({$amount} sur le compte {$account}) n'est pas encore affecté, et une clôture ne doit pas mélanger les résultats de deux exercices : enregistrez d'abord la décision de l'assemblée générale (amana allocate-result --year {$year})
refusal-dedicated-fund-of-ended-grant = la subvention affectée {$grant} a pris fin le {$end} et détient encore {$amount} reçus et non dépensés : ils ne peuvent plus être dépensés sur la subvention ; enregistrez d'abord ce qu'ils deviennent (leur remboursement au bailleur, par exemple un débit du compte de produits avec grant={$grant} et un crédit du compte de fonds à rembourser, ou un avenant prolongeant la fin de la subvention si le bailleur l'a prolongée)
refusal-carry-accounts-together = indiquez --charge-account et --release-account ensemble (la charge et le produit par lesquels les fonds dédiés sont reportés et repris), ou aucun des deux
refusal-no-result-to-allocate = l'exercice {$year} n'a pas de résultat à affecter : il n'est pas clôturé, sa clôture n'a pas porté de résultat, ou son résultat est déjà affecté (voir amana log)
refusal-allocation-sum = les parts données (--to) totalisent {$parts}, et non le résultat de l'exercice {$year}, {$result} : donnez des parts dont la somme est exactement le résultat

# Reçus des membres.
refusal-member-receipt-not-found = l'écriture {$id} n'existe pas (voir `amana journal`)
refusal-transaction-reversed = l'écriture {$id} a été contrepassée par l'écriture {$by} ({$date}) : les comptes ne comptent plus cet argent comme reçu, elle n'a donc pas de reçu de membre. Si l'argent est bien entré, enregistrez-le à nouveau et donnez le reçu de cette écriture
refusal-not-money-received = l'écriture {$id} n'est pas de l'argent reçu d'un membre ou d'un donateur : {$why}. Un reçu de membre est pour une cotisation ou un don : une écriture qui crédite un compte de produits et débite la caisse ou un compte bancaire (voir `amana journal`)
refusal-not-received-reversal = c'est une contrepassation (de l'écriture {$of})
refusal-not-received-closing = c'est la clôture de l'exercice {$year}
refusal-not-received-unknown-account = la nature du compte {$account} n'est pas connue
refusal-not-received-depreciation = c'est un amortissement de l'immobilisation {$asset}
refusal-not-received-no-income = elle ne crédite aucun compte de produits
refusal-not-received-no-money = elle ne débite ni la caisse ni un compte bancaire
refusal-not-received-income-overflow = ses lignes de produits dépassent tout montant qu'amana peut tenir

# Dossiers d'audit.
refusal-bundle-folder-not-empty = {$dir} : existe déjà et n'est pas un dossier vide ; exportez un dossier d'audit dans un nouveau dossier
refusal-bundle-entry-undecodable = entrée {$seq} : {$error}
refusal-bundle-entry-does-not-rebuild = l'entrée {$seq} de {$dir} ne se reconstruit pas en son empreinte de chaîne
refusal-bundle-does-not-verify = le dossier d'audit {$dir} ne se vérifie pas, donc rien n'a été signé : {$findings}. Lancez `amana verify --bundle {$dir}`, et demandez au trésorier un nouveau dossier
refusal-and-more = et {$count} de plus
refusal-bundle-unreadable = {$dir} n'est pas un dossier d'audit lisible ({$why}) : donnez le dossier qu'a écrit `amana export audit`
refusal-bundle-empty-chain = sa chaîne est vide
refusal-bundle-broken = le dossier d'audit {$dir} ne se vérifie pas à l'entrée {$seq} de la chaîne : {$why}, donc rien n'a été signé. Lancez `amana verify --bundle {$dir}`, et demandez au trésorier un nouveau dossier
refusal-already-signed-in-bundle = le responsable {$officer} a déjà signé le {$what} {$fingerprint} (entrée {$seq}) dans ce dossier : il n'y a rien à envoyer
refusal-own-decision = l'entrée {$seq} est une décision concernant le responsable {$officer} : personne ne signe une décision qui le concerne
refusal-bundle-key-not-registered = la clé de clé publique {$public_key} n'appartient à aucun responsable enregistré dans ce registre : le trésorier l'enregistre d'abord (`amana officer add ID --name ... --role ... --key KEYFILE.pub`)
refusal-bundle-officer-not-approved = le responsable {$officer} a été enregistré après le premier sceau et n'est pas encore approuvé, donc sa signature ne compterait pas : un responsable approuvé lance d'abord `amana officer approve {$officer} --key THEIR_KEY`

# Une chaîne qui se rompt avant la fin.
refusal-break-missing = l'entrée {$expected} manque ou n'est pas à sa place
refusal-break-hash-mismatch = son empreinte enregistrée ne correspond pas à ses octets
refusal-break-link-broken = son lien avec l'entrée précédente est rompu
refusal-break-renumbered = elle contient l'entrée enregistrée sous le numéro {$recorded}
refusal-break-not-its-line = ce n'est pas l'entrée qu'indique sa ligne

# Fichiers de signature.
refusal-signature-file-too-large = {$path} : plus de {$limit} octets, trop gros pour ce qu'il devrait être
refusal-not-a-signature-file = {$path} : ce n'est pas un fichier de signature amana ({$error}) ; un responsable en fait un avec `amana sign SEAL --key KEYFILE --bundle DIR --out FILE`
refusal-signature-format-unknown = {$path} : le format « {$format} » n'est pas un format que lit cette version d'amana ({$expected})
refusal-signature-field-damaged = {$path} : le champ {$field} ne fait pas {$bytes} octets en hexadécimal : le fichier a été endommagé ; redemandez-le au responsable
refusal-signature-kind-unknown = {$path} : il signe une entrée de type « {$kind} » ; amana ajoute des signatures de sceaux et de décisions du bureau
refusal-signature-fingerprint-mismatch = {$path} : l'empreinte du fichier {$claimed} n'est pas celle de l'empreinte d'entrée qu'il signe ({$fingerprint}) : le fichier a été modifié ; redemandez-le au responsable
refusal-signature-other-ledger = {$path} : la signature est pour le registre « {$ledger} » ({$ledger_id}), pas pour celui-ci (« {$this_ledger} », {$this_id}) : ajoutez-la à son propre registre
refusal-signature-entry-not-signable = {$path} : l'entrée {$seq} de ce registre n'est pas un {$what} ; la signature est pour le {$what} {$fingerprint}, que ce registre n'a pas à cet endroit (voir `amana log`)
refusal-signature-seal-mismatch = {$path} : la signature est pour le sceau {$fingerprint} à l'entrée {$seq}, mais le sceau de ce registre à cet endroit est {$seal} : elle a été faite à partir du dossier d'un autre registre, ou d'un dossier modifié
refusal-signature-officer-mismatch = {$path} : le fichier nomme le responsable « {$named} », mais la clé est celle du responsable {$officer} dans ce registre
refusal-signature-already-added = {$path} : le responsable {$officer} a déjà signé le sceau {$seal} (entrée {$seq}) ; rien n'a été ajouté
refusal-signature-invalid = {$path} : la signature ne se vérifie pas avec la clé du responsable {$officer} pour le sceau {$seal} : le fichier a été modifié, ou n'a pas été signé avec cette clé

# Sauvegarde et restauration.
refusal-backup-is-folder = {$file} : c'est un dossier ; donnez le nom du fichier d'archive à écrire, par exemple {$file}/amana-backup.tar
refusal-output-exists = {$file} : un fichier existe déjà ; donnez un autre nom, ou --force pour le remplacer
refusal-backup-over-protected = {$file} : c'est {$what} ; une sauvegarde ne l'écrase jamais, même avec --force. Choisissez un autre nom de fichier
refusal-protected-the-ledger = le registre lui-même
refusal-protected-receipt-folder = dans le dossier des pièces justificatives du registre
refusal-protected-database = une base de données (peut-être un registre)
refusal-protected-key-file = un fichier de clé
refusal-folder-missing = {$file} : le dossier {$folder} n'existe pas
refusal-restore-target-exists = {$path} : existe déjà ; la restauration n'écrit qu'un nouveau registre : donnez à --to un chemin libre
refusal-not-a-backup = {$file} : {$why} ; ce n'est pas une archive écrite par `amana backup`, et rien n'a été restauré
refusal-archive-not-tar = ne peut pas être lu comme une archive tar ({$error})
refusal-archive-not-regular = le membre « {$name} » est un {$what}, pas un fichier ordinaire
refusal-archive-symbolic-link = lien symbolique
refusal-archive-hard-link = lien physique
refusal-archive-device = périphérique
refusal-archive-named-pipe = tube nommé
refusal-archive-other-member = membre {$kind}
refusal-archive-unknown-member = le membre « {$name} » n'est pas un nom que contient une sauvegarde (seulement {$readme}, {$db} et {$receipts}/HH/SHA256)
refusal-archive-member-twice = le membre « {$name} » apparaît deux fois
refusal-archive-member-unreadable = le membre « {$name} » ne peut pas être lu ({$error})
refusal-archive-too-large = le membre « {$name} » est plus gros que toute pièce justificative que garde amana
refusal-archive-wrong-hash = le membre « {$name} » n'a pas le SHA-256 qui le nomme (le document a été modifié)
refusal-archive-no-ledger = elle ne contient pas de {$db}
refusal-restored-not-a-ledger = {$file} : son {$db} n'est pas un registre amana ({$reason}) ; rien n'a été restauré

# La démonstration, les contributions en nature, le plan de comptes.
refusal-demo-folder-not-empty = {$dir} n'est pas vide et ne contient pas de registre de démonstration ; la démonstration n'écrit que dans un dossier nouveau ou vide, ou par-dessus une démonstration précédente (choisissez un autre --out)
refusal-demo-would-overwrite = {$path} existe et n'est pas un registre de démonstration ; la démonstration ne l'écrase jamais (choisissez un autre --out)
refusal-demo-reference-missing = la démonstration ne trouve aucune écriture de référence {$reference}
refusal-in-kind-accounts-missing = le plan de comptes {$chart} n'a pas de comptes d'ordre pour les contributions en nature : ajoutez-les (`amana account add CODE --type memorandum`) et indiquez --use-account et --resource-account
refusal-in-kind-value-inexact = {$hours} heures à {$rate} ne font pas un nombre entier de la plus petite unité de la devise : donnez la valeur elle-même avec --value
refusal-in-kind-value-not-positive = une contribution en nature vaut plus que zéro, pas {$value} : pour en annuler une, contrepassez-la (`amana reverse N --reason ...`)
refusal-account-type-not-parents = le compte {$code} serait de type {$given}, mais dans le plan comptable marocain un sous-compte a le type de son compte parent : {$parent} est de type {$parents} ; omettez --type (ou donnez --type {$parents}), ou choisissez un code sous un compte de type {$given}
refusal-account-type-missing = le compte {$code} a besoin de son type : indiquez --type asset, liability, net-assets, income ou expense
refusal-bank-account-missing = le compte {$account} n'existe pas dans le grand livre (voir `amana account list`) : un relevé s'importe dans le compte de banque ou de caisse qu'il concerne
refusal-bank-account-not-asset = le compte {$account} est un compte de type {$kind} : un relevé s'importe dans un compte de banque ou de caisse (un actif)
refusal-bank-no-suspense = {$count} ligne(s) ne correspondent à aucune règle (lignes {$lines} du fichier) et aucun compte d'attente ne peut les recevoir : nommez-en un avec suspense = "CODE" dans le fichier de règles, ou ajoutez des règles pour elles
refusal-bank-suspense-missing = le compte d'attente {$account} n'existe pas : ajoutez-le (`amana account add {$account} ...`) ou nommez-en un autre avec suspense = "CODE" dans le fichier de règles
refusal-bank-line-not-in-suspense = l'écriture {$entry} n'est pas une ligne bancaire en attente (voir `amana bank review`)
refusal-reconcile-no-balance = {$file} n'a pas de colonne de solde : donnez le solde final du relevé avec --balance
refusal-reconcile-nothing-given = donnez le relevé : --statement FICHIER, ou son solde final et sa date avec --balance et --date
refusal-reconcile-not-outstanding = l'écriture {$entry} n'est pas une écriture de {$account} en attente de pointage (datée au plus tard du relevé, non pointée avant)

# Identifiants d'organisation, exports IATI et 360Giving.
refusal-org-id-agency-unknown = identifiant d'organisation {$org_id} : {$agency} n'est pas un registre de la liste OrganisationRegistrationAgency de l'IATI : trouvez sur org-id.guide le registre où l'organisation est inscrite et indiquez son code (par exemple XM-DAC-41114, GB-CHC-202918, XI-IATI-…) ; rien n'a été enregistré
refusal-export-org-id-missing = le registre comptable n'a pas d'identifiant d'organisation, par lequel les fichiers IATI et 360Giving nomment l'association : enregistrez-le avec `amana setting set org-id REGISTRE-IDENTIFIANT` (le code du registre sur org-id.guide, par exemple XI-IATI-…) ; rien n'a été écrit
refusal-export-funder-org-id-missing = le bailleur de fonds {$funder} de la subvention {$grant} n'a pas d'identifiant d'organisation : enregistrez-le avec `amana funder identify {$funder} REGISTRE-IDENTIFIANT` (par exemple XM-DAC-41114 ; voir org-id.guide), ou exportez une autre subvention avec --grant ; rien n'a été écrit
refusal-export-code-not-in-list = {$what} : {$code} n'est pas un code de la liste {$list} de l'IATI ; rien n'a été écrit
refusal-export-dated-in-future = subvention {$grant} : la transaction {$id} est datée du {$date}, après aujourd'hui ({$today}), et l'IATI ne publie aucune transaction future : exportez une fois ce jour passé, ou corrigez la date (`amana reverse {$id}`, puis enregistrez-la à nouveau) ; rien n'a été écrit
refusal-export-no-grant = le registre comptable n'a aucune subvention à déclarer : ajoutez-en une avec `amana grant add` ; rien n'a été écrit
refusal-export-country-unknown = ni le plan comptable ni l'identifiant d'organisation {$org_id} ne nomment le pays des activités de l'association : indiquez-le avec --country (par exemple --country MA) ; rien n'a été écrit
refusal-export-rule-broken = {$what} : le schéma ou les règles de l'IATI le refuseraient ; rien n'a été écrit
refusal-bank-suspense-is-the-account = le compte d'attente {$account} est le compte même du relevé : les lignes qu'aucune règle ne reconnaît attendent dans un autre compte (suspense = "CODE" dans le fichier de règles ; 3497 dans le plan marocain)
refusal-bank-assign-to-itself = une ligne bancaire s'affecte au compte qui lui revient, pas au compte de banque ou d'attente où elle se trouve déjà ({$account})
