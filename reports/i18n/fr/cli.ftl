# Ce que dit la ligne de commande elle-même : la page qu'affiche `amana verify`, les résumés
# après chaque commande, et le cadre de ses erreurs et avertissements. Fluent
# (https://projectfluent.org) : `{ $name }` est un argument ; `{" "}` garde une espace en tête.

# amana verify.
cli-verify-ok = OK : { $entries } entrées de la chaîne vérifiées ({ $transactions } écritures, { $rows } lignes de tables comparées avec la chaîne).
cli-verify-ok-every = Chaque empreinte et chaque lien se recalculent, chaque entrée respecte les règles, chaque sceau se recalcule et ses signatures se vérifient, et chaque pièce justificative est intacte.
cli-verify-ok-tables = Chaque table que lisent les états concorde avec la chaîne, et le schéma du fichier comme le contrôle d'intégrité de SQLite sont sains.
cli-verify-failed = ÉCHEC : { $count } { $count ->
    [one] problème
   *[other] problèmes
} dans { $entries } entrées de la chaîne.
cli-verify-problem = entrée { $seq } : { $kind } : { $detail }
cli-verify-warnings = { $count } { $count ->
    [one] avertissement
   *[other] avertissements
} (ils ne prouvent aucune altération, mais méritent un examen) :
cli-verify-seal = sceau { $fingerprint } (entrée { $seq }) : couvre les entrées 1 à { $covered }{ $period }, { $signed }{ $state }
cli-verify-seal-period = , période se terminant le { $end }
cli-verify-seal-unsigned = aucune signature valide
cli-verify-seal-signed = signé par { $officers }
cli-verify-seal-invalid = {" "}(INVALIDE)
cli-verify-decision = décision (entrée { $seq }) : { $detail }{ $signed }{ $state }
cli-verify-decision-signed = , signée par { $officers }
cli-verify-decision-in-effect = {" "}: en vigueur
cli-verify-decision-void = {" "}(CADUQUE : les comptes ont avancé avant qu'elle ait ses signatures)
cli-verify-decision-waiting = {" "}(PAS EN VIGUEUR : attend des signatures)
cli-verify-signed-through = Signé par les responsables jusqu'à l'entrée { $seq }.
cli-verify-anchored-through = Conforme à la tête publiée jusqu'à l'entrée { $seq }.
cli-verify-unanchored = Pas encore garanti : les { $count } dernières entrées sont cohérentes, mais ne sont couvertes ni par un sceau signé ni par une tête publiée (--anchor).
cli-verify-head = tête : { $entries } { $head }

# Le cadre de chaque erreur et de chaque avertissement.
cli-error = amana : erreur : { $message }
cli-warning = amana : avertissement : { $message }

# Ce que dit une commande qui écrit.
cli-created-ledger = Registre « { $name } » créé dans { $path } ({ $currency }, plan de comptes { $chart }, { $seq } entrées dans la chaîne).
cli-head = tête : { $seq } { $head }
cli-keep-together = Gardez { $ledger } et son dossier de pièces justificatives { $folder } ensemble (copiez les deux, ou faites-en une seule archive avec `amana backup FILE`).
cli-added-account = Compte { $code } ajouté (entrée { $seq } de la chaîne).
cli-renamed-account = Compte { $code } renommé (entrée { $seq } de la chaîne).
cli-retired-account = Compte { $code } désactivé à partir du { $effective } (entrée { $seq } de la chaîne).
cli-added-funder = Bailleur de fonds { $id } ajouté (entrée { $seq } de la chaîne).
cli-renamed-funder = Bailleur de fonds { $id } renommé (entrée { $seq } de la chaîne).
cli-identified-funder = Identifiant d'organisation du bailleur de fonds { $id } enregistré : { $org_id } (entrée { $seq } de la chaîne).
cli-added-grant = Subvention { $id } ajoutée (entrée { $seq } de la chaîne).
cli-added-budget-line = Ligne budgétaire { $grant }/{ $line } ajoutée (entrée { $seq } de la chaîne).
cli-amended-grant = Avenant à la subvention { $id } enregistré (entrée { $seq } de la chaîne).
cli-amended-budget-line = Avenant à la ligne budgétaire { $grant }/{ $line } enregistré (entrée { $seq } de la chaîne).
cli-recorded = Écriture #{ $id } enregistrée (entrée { $seq } de la chaîne).
cli-import-range = {" "}#{ $first } à #{ $last }
cli-import-dry-run = Simulation : { $file } importerait { $transactions } écritures{ $range } à partir de { $rows } lignes ; rien n'a été écrit.
cli-imported = { $transactions } écritures{ $range } importées à partir de { $rows } lignes de { $file } (sha256 { $sha256 }), entrées { $first_seq } à { $last_seq } de la chaîne.
cli-books-imported = { $transactions } écritures{ $range } importées (dont { $reversals } contre-passations) à partir de { $lines } lignes de { $file } (sha256 { $sha256 }), en { $batches } lots d'import, entrées { $first_seq } à { $last_seq } de la chaîne.
cli-books-dry-run = Essai : { $file } importerait { $transactions } écritures{ $range } (dont { $reversals } contre-passations) à partir de { $lines } lignes ; rien n'a été écrit.
cli-books-accounts-created = Comptes ouverts par le fichier, créés : { $count } ({ $codes }).
cli-books-accounts-to-create = Comptes ouverts par le fichier, à créer : { $count } ({ $codes }).
cli-books-changed = { $file }:{ $line } : { $field } « { $written } » est conservé sous la forme « { $kept } » (espaces autour, ou forme composée d'Unicode).
cli-books-left-out = Laissé de côté, sans mouvement d'argent ({ $count }) :
cli-books-left-out-directive = { $file }:{ $line } : directive non importée : { $text }
cli-books-left-out-tag = { $file }:{ $line } : étiquette ou métadonnée sans champ dans amana : { $text }
cli-books-left-out-comment = { $file }:{ $line } : commentaire non importé : { $text }
cli-books-left-out-link = { $file }:{ $line } : lien non importé (aucune contre-passation et son écriture d'origine ne le partagent dans ce fichier) : { $text }
cli-books-left-out-date2 = { $file }:{ $line } : date secondaire non importée (une écriture a une seule date) : { $text }
cli-books-left-out-option = { $file }:{ $line } : option non importée : { $text }
cli-books-left-out-account-name = { $file }:{ $line } : intitulé de compte non repris, le registre garde le sien (amana account rename le change) : { $text }
cli-books-left-out-numbering = Laissés de côté aussi : { $count } numéros d'écriture et de chaîne du registre d'origine (amana-entry, chain-entry, kind) ; ce registre numérote les siens.
cli-reversed = Écriture #{ $id } contrepassée par l'écriture #{ $reversal } (entrée { $seq } de la chaîne). Enregistrez l'écriture correcte s'il y en a une.

# bank import, bank review, bank assign, reconcile
cli-bank-read = { $file } lu ainsi : { $layout }.
cli-bank-guessed = Déduit du fichier (aucun fichier de règles ne le disait) : { $guessed }. Si une déduction est fausse, écrivez-la dans un fichier de règles (voir examples/banks/).
cli-bank-newest-first = Le fichier commence par la ligne la plus récente : les lignes sont enregistrées de la plus ancienne à la plus récente.
cli-bank-not-lines = Lignes qui ne sont pas des opérations : { $list }.
cli-bank-balance-rows = { $count } ligne(s) de solde (ligne { $lines })
cli-bank-footer-rows = { $count } ligne(s) de totaux à la fin (ligne { $lines })
cli-bank-continued-rows = { $count } ligne(s) qui prolongent le libellé précédent
cli-bank-range-one = { " " }(écriture n° { $first })
cli-bank-range = { " " }(écritures n° { $first } à { $last })
cli-bank-counts = { $read } ligne(s) de relevé : { $imported } importée(s) dans { $account }{ $range }, { $skipped } écartée(s) car déjà enregistrée(s).
cli-bank-counts-dry-run = { $read } ligne(s) de relevé : { $imported } seraient importée(s) dans { $account }{ $range }, { $skipped } écartée(s) car déjà enregistrée(s).
cli-bank-suspense = { $count } ligne(s) ne correspondent à aucune règle et sont allées au compte d'attente { $account } ; affectez chacune avec `amana bank assign ENTRY --account CODE` (voir `amana bank review`) :
cli-bank-suspense-dry-run = { $count } ligne(s) ne correspondent à aucune règle et iraient au compte d'attente { $account } ; affectez chacune avec `amana bank assign ENTRY --account CODE` (voir `amana bank review`) :
cli-bank-maybe-recorded = Remarque : la ligne { $line } est peut-être déjà saisie à la main, écriture n° { $entry } ({ $date }, même montant) : si c'est le cas, contrepassez l'une des deux (`amana reverse N --reason ...`).
cli-bank-no-balance = Le relevé n'a pas de colonne de solde : rien à comparer avec les livres.
cli-bank-balance-agrees = Le solde du relevé concorde avec les livres pour chacun de ses { $days } jour(s).
cli-bank-balance-differs = Le solde du relevé diffère des livres le { $date } (ligne { $line }) : le relevé indique { $statement }, les livres { $books } (un écart de { $difference }). Manque-t-il le solde d'ouverture, un chèque saisi à la main ou une ligne d'un autre relevé ? `amana reconcile` liste ce qui est en suspens.
cli-bank-dry-run = Rien n'a été écrit (simulation).
cli-bank-recorded = Enregistré à partir de l'entrée { $seq } de la chaîne, tête { $head }.
cli-bank-nothing-new = Rien de nouveau : rien n'a été écrit.
cli-bank-review-none = Aucune ligne bancaire n'attend en compte d'attente.
cli-bank-review = { $count } ligne(s) bancaire(s) attendent en compte d'attente ; affectez chacune avec `amana bank assign ENTRY --account CODE [--grant G --line L | --funder F]` :
cli-bank-assigned = Ligne bancaire n° { $entry } ({ $description }, { $amount }) affectée à { $account } : reclassée par l'écriture n° { $transaction } (entrée { $seq } de la chaîne).
cli-reconcile-title = Rapprochement de { $account } avec { $statement } au { $date } :
cli-reconcile-matched = { $count } écriture(s) pointée(s) sur le relevé.
cli-reconcile-matched-before = { $count } ligne(s) du relevé pointée(s) par un rapprochement antérieur.
cli-reconcile-books = Solde des livres
cli-reconcile-outstanding = { $count } écriture(s) pas encore sur le relevé, retirée(s)
cli-reconcile-bank-only = { $count } ligne(s) du relevé absentes des livres, ajoutée(s)
cli-reconcile-explained = = le solde que le relevé devrait indiquer
cli-reconcile-statement = Le solde du relevé
cli-reconcile-difference = Écart inexpliqué
cli-reconcile-done = Rapproché : { $count } écriture(s) marquée(s) comme figurant sur le relevé (entrée { $seq } de la chaîne).
cli-reconcile-dry-run = Rapproché ; rien n'a été enregistré (simulation).
cli-reconcile-unexplained = le solde du relevé n'est pas expliqué : il reste un écart de { $difference } ; rien n'a été enregistré. Enregistrez les lignes de la banque absentes des livres (`amana bank import`), ou nommez les écritures qui ne figurent pas sur le relevé.
cli-reconcile-already = Déjà rapproché, au même solde et avec les mêmes livres (entrée { $seq } de la chaîne) : rien de nouveau à enregistrer.
cli-bank-zero-rows = { $count } ligne(s) sans montant, pour information (ligne { $lines })
