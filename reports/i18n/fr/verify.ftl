# Ce que trouve `amana verify`, et les décisions du bureau telles qu'il les liste. Fluent
# (https://projectfluent.org) : `{ $name }` est un argument. Chaque id est celui du message de
# verify (le `message` de `verify --format json`) précédé de `verify-`.

# Le fichier et ses tables.
verify-schema-altered = le schéma du registre a été modifié : { $drift }
verify-integrity-fails = le contrôle d'intégrité de SQLite échoue : { $damage }
verify-table-unreadable = la table { $table } ne peut pas être lue telle qu'amana l'a écrite ({ $error }) : elle a été supprimée, renommée ou restructurée
verify-row-missing-from-table = la ligne { $table } ({ $key }) manque (supprimée de la table)
verify-row-missing = la ligne { $table } ({ $key }) manque (supprimée ou sa clé a changé)
verify-row-not-in-chain = la ligne { $table } ({ $key }) n'est pas dans la chaîne (insérée ou sa clé a changé)
verify-row-inserted = la ligne { $table } ({ $key }) n'est pas dans la chaîne (insérée)
verify-row-edited = la ligne { $table } ({ $key }) a été modifiée : { $columns }
verify-column-differs = la colonne { $column } vaut { $found }, la chaîne dit { $expected }
verify-sql-float = { $value } (un nombre à virgule flottante)
verify-kind-column = ligne { $row } du journal : la colonne kind vaut « { $column } », l'entrée dit « { $entry } »

# Le journal et ses empreintes.
verify-entry-missing = l'entrée { $first } manque dans le journal
verify-entries-missing = les entrées { $first } à { $last } manquent dans le journal
verify-row-out-of-order = la ligne { $seq } du journal vient après la ligne { $after }
verify-line-out-of-order = la ligne { $line } de chain.jsonl contient l'entrée { $seq } après l'entrée { $after }
verify-entry-misplaced = la ligne { $row } du journal contient l'entrée enregistrée sous le numéro { $recorded }
verify-entry-hash-edited = l'empreinte d'entrée enregistrée { $stored } n'est pas l'empreinte des octets de l'entrée ({ $computed }), que confirme l'empreinte de chaîne
verify-content-modified = les octets de l'entrée ont pour empreinte { $computed }, mais { $stored } a été enregistrée : l'entrée a été modifiée après son écriture
verify-chain-hash-edited = l'empreinte de chaîne enregistrée { $stored } ne découle pas de l'entrée et de son lien ({ $expected } attendue)
verify-link-broken = l'entrée renvoie à { $link } mais l'entrée précédente a pour empreinte de chaîne { $previous }
verify-undecodable = les octets de l'entrée ne peuvent pas être lus : octet { $offset } : { $what }
verify-non-canonical = les octets se décodent, mais ne sont pas l'encodage canonique de ce qu'ils disent
verify-empty = le journal n'a aucune entrée : ce registre n'a pas d'entrée de création
verify-import-truncated = l'import à l'entrée { $seq } annonçait encore { $remaining } écriture(s) absentes du journal : la chaîne a été tronquée

# Les règles, les sceaux et les pièces justificatives.
verify-rule-broken = entrée { $record } : { $rule }
verify-receipt-missing = la pièce justificative { $file_name } de l'écriture { $transaction } manque : elle devrait être à { $path }
verify-receipt-altered = la pièce justificative { $file_name } de l'écriture { $transaction } à { $path } { $status } (enregistrée : { $size } octets, SHA-256 { $sha256 })

# Ce qui a été publié hors du registre.
verify-published-seal-rewritten = le sceau publié { $fingerprint } est l'entrée { $seq }, mais la chaîne qui le précède n'est pas celle qu'il a scellée (sa tête { $head } ou sa racine de Merkle sur les entrées 1 à { $covered } ne se recalcule pas) : l'historique jusqu'à l'entrée { $covered } a été réécrit
verify-anchor-missing = la tête publiée { $seq }:{ $head } n'est pas dans ce registre, qui a { $entries } entrées : la chaîne a été tronquée ou ramenée en arrière
verify-anchor-rewritten = l'entrée { $seq } a pour empreinte de chaîne { $chain }, mais { $published } a été publiée : l'historique jusqu'à l'entrée { $seq } a été réécrit
verify-seal-anchor-missing = aucun sceau de ce registre ({ $entries } entrées) n'a l'empreinte publiée { $fingerprint } : le registre a été ramené avant ce sceau, ou le sceau et l'historique qu'il couvre ont été réécrits, ou c'est le sceau d'un autre registre (comparez `amana log --kind seal` avec le rapport publié)
verify-more = { $count } autres problèmes ne sont pas listés

# Ce qui a été publié, tel que saisi en ligne de commande (`--anchor`, `--seal`).
verify-anchor-invalid = ancre « { $text } » : écrivez ENTRIES:HEAD comme `amana verify` les a affichés, par exemple 1042:458e9e52…(64 chiffres hexadécimaux)
verify-seal-anchor-invalid = empreinte de sceau « { $text } » : écrivez-la comme le sceau l'a affichée, 16 lettres et chiffres comme 7W69-RMDN-9JJF-8F5W

# Le chain.jsonl d'un dossier d'audit, quand il ne peut pas du tout être lu.
verify-chain-file-missing = { $file } : fichier introuvable
verify-chain-file-not-regular = { $file } : ce n'est pas un fichier ordinaire ({ $what }) ; donnez le document lui-même
verify-chain-file-too-large = { $file } : { $size } octets ou plus, au-delà de la limite de { $limit } octets pour un fichier
verify-chain-file-unreadable = { $file } : { $error }
verify-chain-file-not-utf8 = { $file } : ce n'est pas du texte UTF-8
verify-chain-line-not-json = { $file }:{ $line } : ce n'est pas une ligne JSON : { $error }
verify-chain-line-not-hex = { $file }:{ $line } : le champ { $field } n'est pas en hexadécimal
verify-chain-line-no-seq = { $file }:{ $line } : pas de seq

# Les fichiers de synthèse d'un dossier d'audit.
verify-summary-unreadable = { $file } ne peut pas être lu ({ $error }) : un dossier écrit par amana le contient, dérivé de chain.jsonl
verify-summary-not-json = { $file } n'est pas du JSON ({ $error })
verify-summary-missing = { $file } : { $at } manque ; chain.jsonl dit { $expected }
verify-summary-added = { $file } : { $at } = { $found } ne découle pas de chain.jsonl (ajouté)
verify-summary-element-missing = { $file } : l'élément de seq { $element } manque (retiré) ; chain.jsonl donne { $expected }
verify-summary-element-added = { $file } : { $at } contient un élément de seq { $element } que chain.jsonl ne donne pas (ajouté) : { $found }
verify-summary-removed = { $file } : { $at } manque (retiré) ; chain.jsonl donne { $expected }
verify-summary-differs = { $file } : { $at } vaut { $found }, mais chain.jsonl dit { $expected }
verify-json-top-level = le niveau supérieur
verify-json-field = le champ { $path }

# Avertissements.
verify-time-backwards = enregistrée à { $time }, avant l'entrée qui la précède ({ $last }) : l'horloge de l'ordinateur qui l'a écrite a été reculée, ou avançait auparavant
verify-time-future = enregistrée à { $time }, plus tard que l'horloge de cet ordinateur ({ $now }) : une horloge a été avancée (celle-ci ou celle de l'ordinateur qui l'a écrite)
verify-time-future-run = les entrées { $first } à { $last } sont enregistrées plus tard que l'horloge de cet ordinateur ({ $now }), la dernière à { $time } : une horloge a été avancée (celle-ci ou celle de l'ordinateur qui les a écrites)
verify-closed-early = la clôture de l'exercice { $year } a été enregistrée à { $time }, avant la fin du { $end } : l'horloge de l'ordinateur qui l'a écrite avançait, et des écritures des derniers jours peuvent manquer
verify-sealed-early = le sceau de la période se terminant le { $end } a été enregistré à { $time }, avant la fin du { $end } : l'horloge de l'ordinateur qui l'a écrit avançait, et des écritures des derniers jours peuvent manquer

# Les décisions du bureau, telles que la synthèse les liste.
verify-decision-officer = responsable { $officer } ({ $role }) enregistré
verify-decision-closing = clôture de l'exercice { $year }
verify-decision-lock = verrouillage jusqu'au { $through } : { $reason }
verify-decision-reopen = réouverture de l'exercice { $year } : { $reason }
verify-decision-revocation = révocation du responsable { $officer } : { $reason }
verify-decision-policy = règle : { $quorum } responsable(s) signent chaque décision
