# Les refus et avertissements des règles : ce que dit amana quand il n'enregistre pas une
# opération, et ce qu'il enregistre mais signale au trésorier. Fluent
# (https://projectfluent.org) : `{$name}` est un argument. Les commandes, options, codes,
# nombres et noms de fichiers restent tels quels.

rule-seq-out-of-order = numéro d'ordre {$seq} alors que {$expected} était attendu
rule-genesis-first = la première entrée d'une chaîne doit être l'entrée de création du registre
rule-genesis-twice = une chaîne a exactement une entrée de création, et c'est la première
rule-batch-interrupted = l'import à l'entrée {$batch} annonçait encore {$remaining} écritures, mais une entrée {$kind} vient avant
rule-imported-already = ce fichier (SHA-256 {$sha256}) a déjà été importé ; ne l'importez à nouveau que volontairement, avec --force
rule-import-empty = un import apporte au moins une écriture
rule-entry-number = écriture numéro {$id} alors que {$expected} était attendu
rule-reversal-in-import = une contrepassation ne fait jamais partie d'un import
rule-not-the-open-import = l'entrée se rattache à l'import {$batch}, qui n'est pas l'import en cours
rule-account-exists = le compte {$code} existe déjà
rule-funder-exists = le bailleur de fonds {$id} existe déjà
rule-grant-exists = la subvention {$id} existe déjà
rule-grant-funder-missing = le bailleur de fonds {$funder} n'existe pas : ajoutez-le d'abord avec `amana funder add`
rule-currency-not-in-table = la devise {$currency} ne figure pas dans la table des devises de ce registre
rule-grant-amount-out-of-range = le montant d'une subvention est compris entre 0 et 10^13 unités mineures
rule-grant-ends-before-start = la subvention se termine ({$end}) avant de commencer ({$start})
rule-line-grant-missing = la subvention {$grant} n'existe pas : ajoutez-la d'abord avec `amana grant add`
rule-line-exists = la subvention {$grant} a déjà une ligne budgétaire {$line}
rule-budget-out-of-range = un budget est compris entre 0 et 10^13 unités mineures
rule-line-account-missing = le compte {$account} n'existe pas
rule-receipt-entry-missing = l'écriture {$entry} n'existe pas
rule-receipt-file-name = une pièce justificative a un simple nom de fichier et une taille
rule-receipt-twice = ce document est déjà une pièce justificative de l'écriture {$entry}
rule-amended-grant-missing = la subvention {$grant} n'existe pas (voir `amana grant list`)
rule-grant-amendment-empty = un avenant modifie le montant, la date de fin, ou les deux : indiquez --amount ou --end
rule-grant-would-end-before-start = la subvention {$grant} se terminerait ({$end}) avant de commencer ({$start})
rule-grant-spent-after-end = la subvention {$grant} ne peut pas se terminer le {$end} : des dépenses qui lui sont imputées sont datées après ce jour (écritures {$entries}). Contrepassez-les d'abord (`amana reverse N --reason ...`), ou choisissez une fin plus tardive
rule-changed-account-missing = le compte {$code} n'existe pas (voir `amana account list`)
rule-account-change-empty = la modification d'un compte lui donne un nouveau libellé, ou le désactive
rule-retirement-undated = le compte {$code} est désactivé à partir d'une date : indiquez --effective
rule-account-retired-already = le compte {$code} est déjà désactivé, depuis le {$since}
rule-account-used-from = le compte {$code} ne peut pas être désactivé à partir du {$from} : des écritures datées de ce jour ou après y sont passées ({$entries}). Contrepassez-les d'abord (`amana reverse N --reason ...`), ou désactivez-le à une date plus tardive
rule-amended-line-missing = la subvention {$grant} n'a pas de ligne budgétaire {$line} (voir `amana grant list --grant {$grant}`)
rule-line-amendment-empty = l'avenant d'une ligne budgétaire modifie son budget, la retire, ou les deux : indiquez --amount ou --withdraw
rule-line-withdrawn-already = la ligne budgétaire {$line} de la subvention {$grant} est déjà retirée, depuis le {$since}
rule-line-charged-from = la ligne budgétaire {$line} de la subvention {$grant} ne peut pas être retirée à partir du {$from} : des écritures datées de ce jour ou après lui sont imputées ({$entries}). Contrepassez-les d'abord (`amana reverse N --reason ...`), ou retirez-la à une date plus tardive
rule-rate-currency = un cours concerne une devise étrangère de la table du registre : {$currency} est la devise du registre lui-même ou ne figure pas dans sa table
rule-rate-out-of-range = le cours de {$currency} ({$rate} millionièmes) n'est pas compris entre 0.000001 et 10000000
rule-rate-twice = un cours de {$currency} au {$date} est déjà enregistré (voir `amana rate list`) ; un cours s'enregistre une fois par devise et par jour
rule-terms-grant-missing = la subvention {$grant} n'existe pas (voir `amana grant list`)
rule-closing-days-out-of-range = le délai de clôture de la subvention {$grant} ({$days} jours) n'est pas compris entre 0 et 3660 jours
rule-budget-currency-with-lines = la subvention {$grant} a déjà des lignes budgétaires : la devise de son budget ne peut plus changer (leurs montants changeraient de sens)
rule-closing-window-spent = le délai de clôture de la subvention {$grant} ne peut pas se terminer le {$last} : des dépenses qui lui sont imputées sont datées après ce jour (écritures {$entries}). Contrepassez-les d'abord (`amana reverse N --reason ...`), ou gardez un délai plus long
rule-changed-funder-missing = le bailleur de fonds {$id} n'existe pas (voir `amana funder list`)
rule-entry-invalid = écriture {$id} : {$error}
rule-locked = les comptes sont verrouillés jusqu'au {$locked} : rien de daté de ce jour ou avant ne peut être ajouté. Enregistrez la correction dans la période ouverte (après le {$locked}), par exemple `amana reverse N --date ...` puis l'écriture correcte ; ou, si le bureau le décide, rouvrez l'exercice (`amana reopen --year ...`)
rule-account-unknown = le compte {$account} n'existe pas : ajoutez-le avec `amana account add {$account} --name ... --type ...`
rule-grant-unknown = la subvention {$grant} n'existe pas
rule-outside-grant-period = une dépense imputée à la subvention {$grant} doit être datée dans sa période, du {$start} au {$end}
rule-line-not-of-grant = la ligne budgétaire {$line} n'appartient pas à la subvention {$grant} (voir `amana grant list --grant {$grant}` pour ses lignes)
rule-line-of-other-grants = la ligne budgétaire {$line} n'appartient pas à la subvention {$grant} (c'est une ligne de {$others})
rule-original-currency-unknown = la devise {$currency} n'est pas un code ISO 4217 connu de ce registre
rule-account-retired = le compte {$account} est désactivé depuis le {$from} : rien de daté de ce jour ou après n'y est passé (voir `amana account list` pour les comptes en usage)
rule-line-withdrawn = la ligne budgétaire {$line} de la subvention {$grant} est retirée depuis le {$from} : rien de daté de ce jour ou après ne lui est imputé. Imputez sur une autre ligne (voir `amana grant list --grant {$grant}`), ou sur aucune
rule-reversed-missing = l'écriture {$reverses} n'existe pas
rule-reversed-twice = l'écriture {$reverses} a déjà été contrepassée
rule-closing-reversed = l'écriture {$reverses} a été passée à la fin d'un exercice (une clôture, un report en fonds dédiés ou une affectation du résultat), qui n'est jamais contrepassée : le bureau rouvre plutôt l'exercice
rule-reversal-reversed = l'écriture {$reverses} est elle-même une contrepassation : enregistrez plutôt l'écriture correcte
rule-reversal-before-original = une contrepassation ne peut pas être datée avant l'écriture qu'elle contrepasse ({$original})
rule-reversal-not-mirrored = les lignes d'une contrepassation doivent être exactement l'inverse de celles de l'écriture {$reverses}
rule-lock-strands-year = verrouiller jusqu'au {$through} rendrait impossible la clôture de l'exercice {$year} : clôturez-le d'abord avec `amana close --year {$year}`
rule-closing-dates = la clôture de l'exercice {$year} est datée de son dernier jour, et commence à son premier
rule-closing-in-import = une clôture n'a pas de référence et ne fait jamais partie d'un import
rule-year-closed = l'exercice {$year} est déjà clôturé (ou sa clôture attend des signatures)
rule-not-net-assets = le résultat est reporté sur un compte de fonds associatifs ; {$account} n'en est pas un
rule-not-replayed-closing = une clôture ne peut être vérifiée que sur une chaîne rejouée
rule-not-replayed-seal = un sceau ne peut être vérifié que sur une chaîne rejouée
rule-not-replayed-grant-amendment = l'avenant d'une subvention ne peut être vérifié que sur une chaîne rejouée
rule-not-replayed-account-retirement = la désactivation d'un compte ne peut être vérifiée que sur une chaîne rejouée
rule-not-replayed-line-withdrawal = le retrait d'une ligne budgétaire ne peut être vérifié que sur une chaîne rejouée
rule-closing-postings = les lignes de clôture ne reportent pas exactement les produits et les charges de l'exercice {$year} en fonds associatifs
rule-dedicated-funds-postings = les lignes ne reportent pas exactement les fonds affectés non utilisés de l'exercice {$year} en fonds dédiés, subvention par subvention
rule-account-role = le compte {$account} ne peut pas être le compte {$role} : il faut un compte de type {$expected}
rule-allocation-closing = l'entrée {$closing} n'est pas une clôture en vigueur de l'exercice {$year} avec un résultat à affecter
rule-allocation-twice = le résultat de la clôture {$closing} a déjà été affecté par l'entrée {$seq}
rule-allocation-date = l'affectation du résultat de l'exercice {$year} est datée après la fin de l'exercice ; {$date} ne l'est pas
rule-allocation-postings = une affectation sort d'abord la totalité du résultat de la clôture {$closing} de son compte, puis la porte, avec le même signe, sur des comptes de fonds associatifs
rule-seal-bank-missing = le compte bancaire {$account} n'existe pas
rule-seal-head = le sceau déclare les entrées 1 à {$covered} avec la tête {$head}, mais la chaîne qui le précède diffère
rule-seal-merkle-root = la racine de Merkle du sceau ne se recalcule pas à partir des entrées qu'il couvre
rule-seal-previous = le sceau ne renvoie pas au sceau précédent
rule-seal-trial-balance = la balance du sceau ne se recalcule pas à partir des entrées
rule-seal-grants = les totaux des subventions du sceau ne se recalculent pas à partir des entrées
rule-seal-bank-more = le relevé {$statement} indique {$balance} {$currency} pour le compte {$account}, mais les livres disent {$books} : les livres ont {$difference} {$currency} de plus que le relevé : un mouvement que la banque n'a pas encore passé (un chèque non encaissé ?), ou un mouvement enregistré deux fois ou pour un montant trop élevé. Enregistrez ou corrigez les mouvements, puis scellez à nouveau
rule-seal-bank-more-as-of = le relevé {$statement} indique {$balance} {$currency} pour le compte {$account}, mais les livres disent {$books} au {$as_of} : les livres ont {$difference} {$currency} de plus que le relevé : un mouvement que la banque n'a pas encore passé (un chèque non encaissé ?), ou un mouvement enregistré deux fois ou pour un montant trop élevé. Enregistrez ou corrigez les mouvements, puis scellez à nouveau
rule-seal-bank-less = le relevé {$statement} indique {$balance} {$currency} pour le compte {$account}, mais les livres disent {$books} : les livres ont {$difference} {$currency} de moins que le relevé : des mouvements passés par la banque ne sont pas encore enregistrés (frais bancaires, un virement reçu ?), ou un mouvement a été enregistré pour un montant trop faible. Enregistrez ou corrigez les mouvements, puis scellez à nouveau
rule-seal-bank-less-as-of = le relevé {$statement} indique {$balance} {$currency} pour le compte {$account}, mais les livres disent {$books} au {$as_of} : les livres ont {$difference} {$currency} de moins que le relevé : des mouvements passés par la banque ne sont pas encore enregistrés (frais bancaires, un virement reçu ?), ou un mouvement a été enregistré pour un montant trop faible. Enregistrez ou corrigez les mouvements, puis scellez à nouveau
rule-total-overflow = l'entrée {$seq} porte un total au-delà de ce qu'amana peut compter (2^63 unités mineures) : aucun registre d'entrées valides n'y arrive, ce registre est donc corrompu ou a été écrit par autre chose qu'amana
rule-decision-year-out-of-range = la décision désigne un exercice hors limites
rule-officer-exists = le responsable {$id} existe déjà
rule-not-a-public-key = n'est pas une clé publique Ed25519 valide
rule-key-taken = cette clé est déjà celle du responsable {$other} : chaque responsable a sa propre clé
rule-already-locked = les comptes sont déjà verrouillés jusqu'au {$locked}
rule-reopen-not-closed = l'exercice {$year} n'est pas clôturé : il n'y a rien à rouvrir
rule-reopen-not-last = l'exercice {$year} n'est pas le dernier exercice clôturé ({$last}) : rouvrez les exercices en partant du dernier
rule-year-out-of-range = l'exercice {$year} est hors limites
rule-officer-unknown = le responsable {$officer} n'est pas enregistré
rule-officer-revoked-already = le responsable {$officer} est déjà révoqué
rule-last-officer = le responsable {$officer} est le dernier en fonction : enregistrez et approuvez d'abord son successeur (les comptes ne restent jamais sans responsables qui signent)
rule-quorum-out-of-range = un quorum va de 1 à {$max}
rule-signer-unknown = le responsable {$officer} n'est pas enregistré (amana officer add)
rule-signer-revoked = le responsable {$officer} a été révoqué (entrée {$at}) : sa signature ne compte plus
rule-signer-not-approved = le responsable {$officer} a été enregistré après le premier sceau et n'est pas encore approuvé (amana officer approve {$officer} --key ...) : sa signature ne compte pas
rule-not-signable = l'entrée {$target} n'est ni un sceau ni une décision que signent les responsables
rule-signed-twice = le responsable {$officer} a déjà signé l'entrée {$target}
rule-self-decision = le responsable {$officer} ne peut pas signer une décision qui le concerne
rule-signed-hash-unknown = l'empreinte de l'entrée signée n'est pas encore connue
rule-bad-signature = la signature de l'entrée {$domain} {$target} par le responsable {$officer} ne se vérifie pas avec sa clé : l'entrée ou l'historique qui la précède a été modifié après la signature, ou la signature est falsifiée
rule-source-entry-missing = l'écriture {$entry} n'existe pas
rule-source-not-transaction = l'entrée {$entry} est une contrepassation ou une clôture : une origine qualifie une écriture (une contrepassation hérite de celle de l'écriture d'origine)
rule-source-entry-reversed = l'écriture {$entry} a été contrepassée : enregistrez plutôt l'écriture correcte avec son origine
rule-source-posting-missing = l'écriture {$entry} n'a pas de ligne {$posting}
rule-source-not-income = la ligne {$posting} de l'écriture {$entry} est sur le compte {$account}, qui n'est pas un compte de produits (ni un compte d'ordre) : funder= indique d'où viennent les produits
rule-source-funder-missing = le bailleur de fonds {$funder} n'existe pas : ajoutez-le d'abord avec `amana funder add`
rule-source-other-funder = la ligne est imputée à la subvention {$grant}, dont le bailleur de fonds est {$grant_funder}, et non {$funder} : retirez funder= (la subvention indique son bailleur)
rule-source-twice = la ligne {$posting} de l'écriture {$entry} a déjà son origine
rule-memorandum-mixed = le compte {$account} n'est pas un compte d'ordre, et cette écriture passe sur le compte d'ordre {$memorandum} : les contributions volontaires en nature s'enregistrent sur des comptes d'ordre seuls (amana in-kind), jamais avec de l'argent
rule-posting-to-parent = le compte {$account} a des sous-comptes ({$subs}) : passez l'écriture sur l'un d'eux ; un compte qui en regroupe d'autres ne reçoit pas d'écriture
rule-tag-on-money = {$tag} est sur {$account}, un compte de banque ou de caisse : une subvention ou une ligne budgétaire se place sur la ligne de produit de l'écriture (argent reçu) ou sur sa ligne de charge (argent dépensé) ; déplacez-y l'étiquette
rule-line-not-on-expense = line={$line} est sur {$account}, un compte de type {$kind} : une ligne budgétaire n'est imputée que par des lignes de charges (et par l'achat d'une immobilisation, quand le compte de la ligne est un compte d'actif) ; mettez line={$line} grant={$grant} sur la ligne de charge
rule-grant-tag-misplaced = grant={$grant} est sur {$account}, un compte de type {$kind} : une subvention s'indique sur les lignes de produits (argent reçu à son titre) et de charges (argent dépensé à son titre), ou sur une immobilisation achetée sur une ligne d'équipement ; déplacez-y l'étiquette
rule-original-sign-differs = le montant d'origine {$original} sur {$account} est de signe opposé au montant de la ligne {$amount} : un débit est positif et un crédit négatif dans les deux ; donnez au montant d'origine le signe de la ligne

# Avertissements : enregistré, mais à signaler.
warning-grant-overspent = écriture {$entry} : la subvention {$grant} a dépensé {$spent}, au-delà de son total de {$total}
warning-grant-over-received = écriture {$entry} : la subvention {$grant} a reçu {$received}, au-delà des {$agreed} convenus
warning-money-below-zero = écriture {$entry} : le compte de caisse ou de banque {$account} est négatif au {$date} ({$balance}) : vérifiez les montants et les dates, la trésorerie ne peut pas descendre sous zéro
warning-parent-takes-no-posting = le compte {$account} est maintenant sous {$parent}, qui a {$postings} lignes d'écriture : elles restent, mais {$parent} ne reçoit plus de nouvelle écriture (les écritures vont aux comptes de détail) ; passez-les sur {$account} ou un autre sous-compte, et transférez le solde par une écriture s'il doit y être
warning-dated-in-future = l'écriture {$entry} est datée du {$date}, après aujourd'hui ({$today}) : vérifiez la date
warning-overspent = écriture {$entry} : la ligne budgétaire {$grant}/{$line} est dépassée : {$spent} dépensés pour {$budget} budgétés
warning-clock-behind = l'horloge de cet ordinateur indique {$now}, avant l'heure de la dernière entrée ({$last}) : vérifiez la date et l'heure de cet ordinateur (ou de celui qui a écrit la dernière entrée) ; `amana verify` signalera cette entrée

# Immobilisations et amortissements.
rule-asset-exists = l'immobilisation {$id} est déjà enregistrée
rule-asset-source = l'écriture {$entry} n'est pas une écriture enregistrée et en vigueur (elle manque, ou c'est une contrepassation, une clôture ou un amortissement, ou elle a été contrepassée) : enregistrez une immobilisation à partir de l'écriture qui l'a achetée
rule-asset-posting-missing = l'écriture {$entry} n'a pas de ligne {$posting}
rule-asset-not-a-debit = la ligne {$posting} de l'écriture {$entry} (compte {$account}) n'est pas un débit d'un compte d'actif : une immobilisation s'enregistre à partir du débit qui l'a achetée
rule-asset-posting-registered = la ligne {$posting} de l'écriture {$entry} est déjà enregistrée comme immobilisation {$asset}
rule-asset-life = une durée d'utilisation de {$months} mois : indiquez de 1 à {$max} mois
rule-asset-start = l'amortissement ne peut pas commencer le {$start}, avant l'acquisition de l'immobilisation ({$acquired})
rule-asset-account-type = le compte {$role} {$account} n'est pas un compte de type {$expected}
rule-asset-release-missing = l'immobilisation a été achetée sur une subvention : sa subvention d'investissement demande un compte de reprise et un compte de produits
rule-asset-release-extra = l'immobilisation n'a pas été achetée sur une subvention : elle n'a pas de subvention d'investissement à reprendre
rule-asset-unknown = l'immobilisation {$asset} n'est pas enregistrée
rule-depreciation-order = l'amortissement de l'immobilisation {$asset} doit commencer le {$expected} (le mois après le dernier amorti), et non le {$start}
rule-depreciation-done = l'immobilisation {$asset} est déjà totalement amortie
rule-depreciation-end = un amortissement de l'immobilisation {$asset} est daté du dernier jour d'un mois de son plan ; {$date} n'en est pas un
rule-depreciation-years = l'amortissement de l'immobilisation {$asset} du {$start} au {$date} couvre deux exercices : une écriture par exercice
rule-depreciation-postings = les lignes de l'amortissement de l'immobilisation {$asset} ne sont pas celles de son plan ({$amount} unités mineures : comptes de dotation et d'amortissement, puis la reprise de la subvention)
rule-depreciation-in-import = un amortissement n'a pas de référence et ne fait jamais partie d'un import
rule-depreciation-reversed = l'écriture {$reverses} est un amortissement, qui n'est jamais contrepassé
rule-asset-source-reversed = l'écriture {$reverses} a acheté l'immobilisation {$asset}, qui est enregistrée : elle ne peut pas être contrepassée

# Paramètres du registre et explications des écarts.
rule-setting-unknown = « {$key} » n'est pas un paramètre connu d'amana : les paramètres sont language, timezone et org-id
rule-setting-invalid = paramètre {$key} : « {$value} » n'est pas valide ; indiquez {$expected}
rule-note-line-missing = la subvention {$grant} n'a pas de ligne budgétaire {$line} (voir `amana grant list`) : une explication porte sur une ligne d'une subvention
rule-note-text-length = l'explication de {$grant}/{$line} fait {$length} caractères : donnez un texte de 1 à {$max} caractères (joignez un document plus long comme pièce justificative)
rule-threshold-grant-missing = la subvention {$grant} n'existe pas (voir `amana grant list`) : un seuil d'écart se fixe pour une subvention
rule-threshold-out-of-range = le seuil d'écart de {$grant} ({$percent} %) est hors limites : donnez un pourcentage de 0 à {$max} et un montant positif ou nul

# Funders' organisation identifiers.
rule-identified-funder-missing = le bailleur de fonds {$funder} n'existe pas (voir `amana funder list`)
rule-org-id-invalid = bailleur de fonds {$funder} : « {$org_id} » n'est pas un identifiant d'organisation : indiquez le code d'un registre, un tiret et l'identifiant qu'il donne, par exemple GB-CHC-202918 ou XM-DAC-41114 (voir org-id.guide)
