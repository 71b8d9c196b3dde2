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
