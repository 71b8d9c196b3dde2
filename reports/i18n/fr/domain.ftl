# Ce qui ne va pas dans une valeur saisie pour les comptes (un montant, une date, un code, un
# texte), et dans une écriture telle qu'écrite. Fluent (https://projectfluent.org) : `{$name}`
# est un argument. Les noms de champs et les codes restent tels quels.

domain-bad-amount = le montant « {$value} » {$why}
domain-bad-month = le mois « {$value} » {$why}
domain-bad-date = la date « {$value} » {$why}
domain-bad-currency = la devise « {$value} » {$why}
domain-bad-fiscal-start = le début d'exercice « {$value} » {$why}
domain-bad-value = {$what} « {$value} » {$why}
domain-amount-not-a-number = n'est pas un nombre : écrivez des chiffres avec `.` comme séparateur décimal et un `-` en tête si besoin, par exemple 1200.50
domain-amount-too-large = est trop grand : amana accepte des montants jusqu'à {$max} {$currency}
domain-amount-too-many-decimals = a plus de décimales que {$currency} n'en admet ({$exponent})
domain-text-forbidden = contient {$what} (U+{$code})
domain-text-bidi = un caractère de forçage, d'enchâssement ou d'isolement bidirectionnel
domain-text-control = un caractère de contrôle (tabulation, saut de ligne...)
domain-text-empty = est vide
domain-id-invalid = n'est pas valide : {$rule}
domain-month-invalid = n'est pas valide : écrivez YYYY-MM avec une année de 0001 à 9999, par exemple 2026-03
domain-date-invalid = n'est pas une date réelle de la forme YYYY-MM-DD (par exemple 2026-02-13)
domain-currency-unknown = n'est pas un code ISO 4217 connu de ce registre (par exemple MAD, EUR, USD)
domain-not-one-of = n'est pas l'une des valeurs : {$allowed}
domain-fiscal-start-invalid = n'est pas un mois et un jour de la forme MM-DD (par exemple 01-01)
domain-too-few-postings = une écriture a besoin d'au moins deux lignes (elle en a {$count})
domain-unbalanced = l'écriture n'est pas équilibrée : ses lignes totalisent {$sum} {$currency}, et non 0 (débits positifs, crédits négatifs)
domain-overflow = les montants sont trop grands pour être additionnés : amana accepte des montants jusqu'à 100000000000.00 (10^13 unités mineures)
domain-out-of-range = le montant {$amount} (unités mineures) sur le compte {$account} dépasse le plus grand qu'accepte amana (10^13 unités mineures)
domain-line-without-grant = la ligne sur {$account} a une ligne budgétaire ({$line}) mais pas de subvention : indiquez aussi la subvention
