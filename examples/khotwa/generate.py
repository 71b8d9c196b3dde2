#!/usr/bin/env python3
"""Generate the example data set of the fictional association Khotwa (Marrakech).

    python3 examples/khotwa/generate.py

Standard library only and deterministic (random.Random(2026)): running it twice
gives byte-identical files. It writes the CSV files and README.md next to
itself, then runs check(), which asserts the rules amana enforces on import
plus the properties the demo relies on (one over-spent budget line, one
erroneous transaction to reverse).
"""

import calendar
import csv
import datetime as dt
import os
import random
import re
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE_CANDIDATES = [
    os.environ.get("AMANA_CGNC_CSV", ""),
    os.path.join(HERE, "..", "..", "..", "shared", "reference", "ma-cgnc-accounts.csv"),
    "/work/shared/reference/ma-cgnc-accounts.csv",
]

rng = random.Random(2026)
CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def q(x):
    """Round to cents, half up."""
    return Decimal(str(x)).quantize(CENT, rounding=ROUND_HALF_UP)


def fmt(x):
    return format(q(x), "f")


LAST_DAY = dt.date(2026, 11, 28)
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
             "août", "septembre", "octobre", "novembre", "décembre"]
MONTHS_AR = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز",
             "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"]


def mname(y, m):
    return f"{MONTHS_FR[m - 1]} {y}"


def bday(y, m, d):
    """A working day: weekend dates move to the previous Friday, or to the
    next Monday when that would leave the month."""
    d = min(d, calendar.monthrange(y, m)[1])
    x = dt.date(y, m, d)
    if x.weekday() >= 5:
        back = x - dt.timedelta(days=x.weekday() - 4)
        x = back if back.month == m else x + dt.timedelta(days=7 - x.weekday())
    return x


def months(start, end):
    """(y, m) from start to end inclusive, both (y, m)."""
    y, m = start
    out = []
    while (y, m) <= end:
        out.append((y, m))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


ALL_MONTHS = months((2025, 1), (2026, 11))

# --------------------------------------------------------------------------
# Static data
# --------------------------------------------------------------------------

ACCOUNTS = [
    # code, type, name, name_ar
    ("51411", "asset", "Banque Populaire – compte courant", "البنك الشعبي – الحساب الجاري"),
    ("51412", "asset", "Banque Populaire – compte projet UE", "البنك الشعبي – حساب مشروع الاتحاد الأوروبي"),
    ("75861", "income", "Dons reçus", "الهبات المحصل عليها"),
    ("75868", "income", "Cotisations des membres", "اشتراكات الأعضاء"),
    # Where `amana close` carries each year's result (sub-accounts of 1191; the PCA's own
    # numbers for fonds affectés are not confirmed, see shared/reference).
]

FUNDERS = [
    ("CMM", "Conseil de l'arrondissement Marrakech-Médina", "public-local", "MA"),
    ("INDH", "Initiative Nationale pour le Développement Humain", "public-national", "MA"),
    ("EU", "Union européenne – Délégation au Maroc", "foreign-public", "BE"),
    ("FDN", "Fondation Atlas pour l'Éducation", "private", "MA"),
    ("MEMBERS", "Membres de l'association", "members", "MA"),
    ("DONORS", "Donateurs individuels", "individual", "MA"),
]

EUR_BUDGET_RATE = Decimal("10.80")

GRANTS = [
    # id, funder, amount, currency, start, end, restricted, purpose
    ("CMM-2025", "CMM", "120000.00", "MAD", "2025-01-01", "2025-12-31", "no",
     "Subvention de fonctionnement 2025 : local associatif, personnel administratif et frais courants"),
    ("CMM-2026", "CMM", "120000.00", "MAD", "2026-01-01", "2026-12-31", "no",
     "Subvention de fonctionnement 2026 : local associatif, personnel administratif et frais courants"),
    ("INDH-2025", "INDH", "250000.00", "MAD", "2025-03-01", "2026-08-31", "yes",
     "Projet « Khotwa Jeunes » : formation qualifiante et insertion professionnelle de 60 jeunes de la Médina (programme d'amélioration du revenu et d'inclusion économique des jeunes)"),
    ("EU-2025", "EU", "45000.00", "EUR", "2025-06-01", "2026-11-30", "yes",
     "Projet « Qalam » : alphabétisation fonctionnelle et autonomisation économique de 120 femmes de la Médina"),
    ("FDN-2026", "FDN", "60000.00", "MAD", "2026-02-01", "2026-12-31", "yes",
     "Programme « Filles et numérique » : compétences numériques de base pour 40 collégiennes et lycéennes"),
]

BUDGET = [
    # grant, line, label, amount (MAD), default account
    ("CMM-2025", "rent", "Loyer et charges du local associatif", "48000.00", "6131"),
    ("CMM-2025", "staff", "Assistante administrative et comptable", "62000.00", "6171"),
    ("CMM-2025", "admin", "Eau, électricité, télécommunications et fournitures", "9000.00", "6125"),
    ("CMM-2025", "communication", "Assemblée générale et rapport annuel", "1000.00", "6144"),
    ("CMM-2026", "rent", "Loyer et charges du local associatif", "48000.00", "6131"),
    ("CMM-2026", "staff", "Assistante administrative et comptable", "62000.00", "6171"),
    ("CMM-2026", "admin", "Eau, électricité, télécommunications et fournitures", "9000.00", "6125"),
    ("CMM-2026", "communication", "Assemblée générale et rapport annuel", "1000.00", "6144"),
    ("INDH-2025", "staff", "Coordinatrice jeunesse (salaire et charges)", "122000.00", "6171"),
    ("INDH-2025", "training", "Formateurs et modules de formation qualifiante", "70000.00", "6136"),
    ("INDH-2025", "equipment", "Équipement de la salle informatique", "38000.00", "2355"),
    ("INDH-2025", "travel", "Visites d'entreprises et déplacements", "8000.00", "6142"),
    ("INDH-2025", "communication", "Communication et cérémonie de clôture", "5000.00", "6144"),
    ("INDH-2025", "admin", "Fournitures et frais de gestion du projet", "7000.00", "6125"),
    ("EU-2025", "staff", "Formatrices et coordination du projet", "252000.00", "6171"),
    ("EU-2025", "training", "Supports pédagogiques et ateliers AGR", "90000.00", "6126"),
    ("EU-2025", "equipment", "Tablettes, tableau interactif et mobilier", "42000.00", "2355"),
    ("EU-2025", "rent", "Location de la salle d'alphabétisation", "36000.00", "6131"),
    ("EU-2025", "travel", "Transport des bénéficiaires et missions", "18000.00", "6143"),
    ("EU-2025", "communication", "Visibilité UE et capitalisation", "16000.00", "6144"),
    ("EU-2025", "admin", "Audit, assurance et frais de gestion", "32000.00", "6136"),
    ("FDN-2026", "training", "Animatrices numériques et ateliers", "30000.00", "6136"),
    ("FDN-2026", "equipment", "Ordinateurs reconditionnés et réseau", "20000.00", "2355"),
    ("FDN-2026", "communication", "Supports et journée de restitution", "4000.00", "6144"),
    ("FDN-2026", "travel", "Sorties pédagogiques", "3000.00", "6142"),
    ("FDN-2026", "admin", "Fournitures et connexion internet", "3000.00", "6125"),
]

OVERSPENT = ("INDH-2025", "training")   # the one line that ends ~3 % over budget

GRANT_BY_ID = {g[0]: g for g in GRANTS}
BUDGET_AMT = {(b[0], b[1]): Decimal(b[3]) for b in BUDGET}


def gperiod(gid):
    g = GRANT_BY_ID[gid]
    return dt.date.fromisoformat(g[4]), dt.date.fromisoformat(g[5])


def cmm(y):
    return f"CMM-{y}"


# --------------------------------------------------------------------------
# Journal builder
# --------------------------------------------------------------------------

class Txn:
    _seq = 0

    def __init__(self, date, desc, rows, kind=None, ref=None, prio=5):
        Txn._seq += 1
        self.seq = Txn._seq
        self.date = date
        self.desc = desc
        self.rows = rows          # [account, amount, grant, line, memo, orig, cur]
        self.kind = kind
        self.ref = ref
        self.prio = prio
        self.label = None


JOURNAL = []
SPENT = defaultdict(lambda: ZERO)        # (grant, line) -> MAD


def row(account, amount, grant="", line="", memo="", orig="", cur=""):
    return [account, q(amount), grant, line, memo, orig, cur]


def add(date, desc, rows, kind=None, ref=None, prio=5):
    assert date <= LAST_DAY, (date, desc)
    total = sum(r[1] for r in rows)
    assert total == ZERO, (desc, total)
    for r in rows:
        if r[3]:
            SPENT[(r[2], r[3])] += r[1]
    t = Txn(date, desc, rows, kind, ref, prio)
    JOURNAL.append(t)
    return t


def headroom(gid, line, cap):
    return (BUDGET_AMT[(gid, line)] * Decimal(str(cap))).quantize(CENT) - SPENT[(gid, line)]


def fit(gid, line, amount, cap=0.985, minimum=100):
    """Clip an amount so that the line stays under cap × budget."""
    room = headroom(gid, line, cap)
    amount = min(q(amount), room)
    return amount if amount >= minimum else None


def pay(date, desc, account, amount, bank, gid="", line="", memo="", cap=0.985,
        minimum=100):
    """An expense paid from bank or cash, optionally charged to a grant line."""
    if gid:
        s, e = gperiod(gid)
        if not (s <= date <= e):
            return None
        amount = fit(gid, line, amount, cap, minimum)
        if amount is None:
            return None
    return add(date, desc, [row(account, amount, gid, line, memo),
                            row(bank, -q(amount))])


def rnd(lo, hi, step=1):
    """A random amount between lo and hi, a multiple of step."""
    n = rng.randint(int(lo / step), int(hi / step))
    return q(n * step)


def rday(y, m, lo=3, hi=26):
    return bday(y, m, rng.randint(lo, hi))


# --------------------------------------------------------------------------
# 1. Opening balances (reprise des soldes au 31/12/2024)
# --------------------------------------------------------------------------

OPEN_BANK = q("104870.35")
OPEN_CASH = q("1385.00")
OPEN_CNSS = q("2977.81")   # CNSS of December 2024, paid in January 2025
add(dt.date(2025, 1, 1), "Reprise des soldes d'ouverture au 31/12/2024", [
    row("51411", OPEN_BANK, memo="Solde du relevé Banque Populaire au 31/12/2024"),
    row("5161", OPEN_CASH, memo="Solde de caisse (PV de caisse du 31/12/2024)"),
    row("4441", -OPEN_CNSS, memo="CNSS décembre 2024 à payer"),
    row("1161", -(OPEN_BANK + OPEN_CASH - OPEN_CNSS), memo="Excédents reportés"),
], kind="AN", prio=0)

# --------------------------------------------------------------------------
# 2. Grant instalments
# --------------------------------------------------------------------------

EU_RECEIPTS = []


def grant_in(date, gid, amount, desc, bank="51411", eur=None, rate=None):
    if eur is not None:
        eur = q(eur)
        amount = q(eur * Decimal(rate))
        EU_RECEIPTS.append((date, eur, Decimal(rate), amount))
        add(date, desc, [
            row(bank, amount, memo=f"Virement reçu {fmt(eur)} EUR au cours de {rate}",
                orig=fmt(eur), cur="EUR"),
            row("7161", -amount, gid, orig=fmt(-eur), cur="EUR"),
        ])
        # commission on the incoming international transfer
        fee = q("165.00")
        add(date, "Commission sur virement international reçu", [
            row("6147", fee, memo="Commission 150,00 + TVA 10 %"),
            row(bank, -fee)])
    else:
        add(date, desc, [row(bank, amount), row("7161", -q(amount), gid)])


grant_in(bday(2025, 4, 22), "CMM-2025", "60000.00",
         "Subvention Conseil d'arrondissement Marrakech-Médina 2025 – 1re tranche")
grant_in(bday(2025, 10, 14), "CMM-2025", "60000.00",
         "Subvention Conseil d'arrondissement Marrakech-Médina 2025 – 2e tranche")
grant_in(bday(2026, 4, 9), "CMM-2026", "60000.00",
         "Subvention Conseil d'arrondissement Marrakech-Médina 2026 – 1re tranche")
grant_in(bday(2026, 10, 20), "CMM-2026", "60000.00",
         "Subvention Conseil d'arrondissement Marrakech-Médina 2026 – 2e tranche")
grant_in(bday(2025, 4, 2), "INDH-2025", "100000.00",
         "INDH – projet Khotwa Jeunes – 1re tranche (40 %)")
grant_in(bday(2025, 12, 10), "INDH-2025", "100000.00",
         "INDH – projet Khotwa Jeunes – 2e tranche (40 %)")
grant_in(bday(2026, 7, 20), "INDH-2025", "50000.00",
         "INDH – projet Khotwa Jeunes – 3e tranche (solde 20 %)")
grant_in(bday(2025, 7, 8), "EU-2025", None,
         "Union européenne – projet Qalam – préfinancement 1 (60 %)",
         bank="51412", eur="27000.00", rate="10.7415")
grant_in(bday(2026, 3, 17), "EU-2025", None,
         "Union européenne – projet Qalam – préfinancement 2 (30 %)",
         bank="51412", eur="13500.00", rate="10.8730")
grant_in(bday(2026, 2, 16), "FDN-2026", "42000.00",
         "Fondation Atlas pour l'Éducation – Filles et numérique – 1re tranche (70 %)")
grant_in(bday(2026, 9, 10), "FDN-2026", "18000.00",
         "Fondation Atlas pour l'Éducation – Filles et numérique – solde (30 %)")

EU_FUNDS_FROM = bday(2025, 7, 8)   # the project account is empty before this

# --------------------------------------------------------------------------
# 3. Payroll (salaries, CNSS) – monthly
# --------------------------------------------------------------------------

RATE_EMPLOYEE = Decimal("0.0674")   # CNSS 4.48 % + AMO 2.26 %
RATE_EMPLOYER = Decimal("0.2109")   # AF 6.40 + PS 8.98 + AMO 4.11 + TFP 1.60

EMPLOYEES = [
    # role, gross, first month, last month, allocation(y, m) -> [(share, grant, line)]
    ("Directrice", Decimal("6500.00"), (2025, 1), (2026, 11),
     lambda y, m: [(Decimal("0.5"), "EU-2025", "staff"), (Decimal("0.5"), "", "")]
     if (y, m) >= (2025, 6) else [(Decimal("1"), "", "")]),
    ("Assistante administrative et comptable", Decimal("4200.00"), (2025, 1), (2026, 11),
     lambda y, m: [(Decimal("1"), cmm(y), "staff")]),
    ("Coordinatrice jeunesse", Decimal("5500.00"), (2025, 3), (2026, 8),
     lambda y, m: [(Decimal("1"), "INDH-2025", "staff")]),
    ("Formatrice alphabétisation 1", Decimal("3800.00"), (2025, 6), (2026, 11),
     lambda y, m: [(Decimal("1"), "EU-2025", "staff")]),
    ("Formatrice alphabétisation 2", Decimal("3800.00"), (2025, 6), (2026, 11),
     lambda y, m: [(Decimal("1"), "EU-2025", "staff")]),
]

eu_salary_due = ZERO     # EU share of payroll not yet moved from 51412 to 51411
cnss_due = {}            # (y, m) -> amount credited to 4441 that month

for (y, m) in ALL_MONTHS:
    pay_date = bday(y, m, 27) if (y, m) != (2026, 11) else dt.date(2026, 11, 27)
    rows, net_total, cnss_total, eu_cost = [], ZERO, ZERO, ZERO
    for role, gross, first, last, alloc in EMPLOYEES:
        if not (first <= (y, m) <= last):
            continue
        emp_share = q(gross * RATE_EMPLOYEE)
        net_total += gross - emp_share
        cnss_total += emp_share
        for share, gid, line in alloc(y, m):
            g = q(gross * share)
            er = q(g * RATE_EMPLOYER)
            pct = "" if share == 1 else f" ({int(share * 100)} %)"
            rows.append(row("6171", g, gid, line, f"{role} – salaire brut{pct}"))
            rows.append(row("6174", er, gid, line, f"{role} – part patronale CNSS/AMO{pct}"))
            cnss_total += er
            if gid == "EU-2025":
                eu_cost += g + er
    rows.append(row("4441", -cnss_total, memo="Cotisations CNSS/AMO salariales et patronales"))
    rows.append(row("51411", -net_total, memo="Virements des salaires nets"))
    add(pay_date, f"Salaires de {mname(y, m)}", rows, kind="PAIE", ref=f"PAIE-{y}-{m:02d}")
    cnss_due[(y, m)] = cnss_total
    eu_salary_due += eu_cost
    if eu_salary_due and pay_date >= EU_FUNDS_FROM:
        add(pay_date, f"Virement compte projet UE → compte courant : salaires et charges UE de {mname(y, m)}"
            + (" (y compris mois antérieurs)" if eu_salary_due != eu_cost else ""), [
            row("51411", eu_salary_due), row("51412", -eu_salary_due)], kind="UE")
        eu_salary_due = ZERO

# CNSS payment before the 10th of the following month
prev = {ALL_MONTHS[i + 1]: ALL_MONTHS[i] for i in range(len(ALL_MONTHS) - 1)}
for (y, m) in ALL_MONTHS:
    amount = OPEN_CNSS if (y, m) == (2025, 1) else cnss_due[prev[(y, m)]]
    py, pm = (2024, 12) if (y, m) == (2025, 1) else prev[(y, m)]
    add(bday(y, m, 8), f"Règlement CNSS – bordereau de {mname(py, pm)}", [
        row("4441", amount), row("51411", -amount, memo="Prélèvement Damancom")])

# --------------------------------------------------------------------------
# 4. Recurring running costs
# --------------------------------------------------------------------------

for (y, m) in ALL_MONTHS:
    pay(bday(y, m, 5), f"Loyer du local associatif, Derb Dabachi – {mname(y, m)}",
        "6131", "4000.00", "51411", cmm(y), "rent", "Quittance du bailleur", cap=1)
    if (y, m) >= (2025, 6):
        bank = "51412" if bday(y, m, 5) >= EU_FUNDS_FROM else "51411"
        pay(bday(y, m, 5), f"Loyer salle d'alphabétisation, Riad Zitoun – {mname(y, m)}",
            "6131", "2000.00", bank, "EU-2025", "rent", "Contrat de location du 15/05/2025", cap=1)
    elec = rnd(190, 360, 0.01) + (rnd(60, 140, 0.01) if m in (6, 7, 8) else 0)
    pay(rday(y, m, 12, 20), f"Radeema – eau et électricité – {mname(y, m)}",
        "6125", elec, "51411", cmm(y), "admin", "Prélèvement automatique", cap=0.99)
    pay(rday(y, m, 14, 18), f"Maroc Telecom – internet et téléphone – {mname(y, m)}",
        "6145", "299.00", "51411", cmm(y), "admin", "Offre ADSL + fixe", cap=0.99)
    add(bday(y, m, 28) if (y, m) != (2026, 11) else dt.date(2026, 11, 27),
        f"Frais de tenue de compte – {mname(y, m)}",
        [row("6147", "49.50", memo="45,00 + TVA 10 %"), row("51411", "-49.50")], ref="")
    if (y, m) >= (2025, 7):
        add(bday(y, m, 28) if (y, m) != (2026, 11) else dt.date(2026, 11, 27),
            f"Frais de tenue de compte projet UE – {mname(y, m)}",
            [row("6147", "33.00", memo="30,00 + TVA 10 %"), row("51412", "-33.00")], ref="")
    if (y, m) >= (2025, 6) and m in (1, 4, 7, 10):
        pay(rday(y, m, 9, 13), f"Recharges téléphoniques des formatrices – trimestre débutant en {mname(y, m)}",
            "6145", rnd(450, 700, 50), "5161", "EU-2025", "admin", cap=0.97)

# --------------------------------------------------------------------------
# 5. Association life: dues, donations, general expenses
# --------------------------------------------------------------------------

def dues(date, n_active, n_benef, arabic=False):
    """Membership dues received in cash; receipt numbers are given later, in
    date order (see section 10)."""
    amount = q(200 * n_active + 50 * n_benef)
    memo = f"{n_active} × 200,00 (membres actifs), {n_benef} × 50,00 (membres bénéficiaires)"
    t = add(date, "", [row("5161", amount), row("75868", -amount, memo=memo)])
    t.dues = (n_active + n_benef, arabic)


# general assemblies on a Saturday, after Ramadan and Eid al-Fitr
for y, ag_day in ((2025, dt.date(2025, 4, 12)), (2026, dt.date(2026, 4, 11))):
    dues(ag_day, 21, 18, arabic=(y == 2026))
    for m in (1, 2, 3, 5, 6, 9, 10, 11, 12):
        if dt.date(y, m, 1) > LAST_DAY:
            continue
        if rng.random() < 0.8:
            dues(rday(y, m), rng.randint(0, 4), rng.randint(1, 6), arabic=rng.random() < 0.2)
    # general assembly costs (no grant)
    reception = rnd(950, 1400, 10)
    add(ag_day, f"Assemblée générale ordinaire {y} – collation des participants",
        [row("6143", reception, memo="Traiteur Dar Zitoun"), row("5161", -reception)])
    pay(ag_day - dt.timedelta(days=10), f"Impression des convocations et du rapport moral {y - 1}",
        "6144", rnd(420, 680, 10), "5161", cmm(y), "communication", cap=0.99)
    # insurance, accountant, network membership (general funds)
    ins = q("2460.00") if y == 2025 else q("2580.00")
    add(bday(y, 1, 20), f"Assurance multirisque du local et responsabilité civile {y}",
        [row("6134", ins, memo="Police n° MR-448213"), row("51411", -ins)])
    fee = q("6000.00")
    add(bday(y, 4, 28), f"Honoraires expert-comptable – états de synthèse {y - 1}",
        [row("6136", fee, memo="Cabinet Fiducia Tensift"), row("51411", -fee)])
    add(bday(y, 2, 10), f"Cotisation annuelle {y} au Réseau des associations de la Médina",
        [row("6146", "500.00"), row("51411", "-500.00")])
    stamps = rnd(60, 140, 10)
    add(bday(y, 5, 13), "Droits de timbre et légalisation des documents de l'association",
        [row("6167", stamps), row("5161", -stamps)])

DONORS = ["M. Youssef Benali", "Mme Nadia Chraibi", "M. et Mme Alaoui", "M. Hicham Tazi",
          "Mme Salma Berrada", "Famille Bennani", "M. Omar El Fassi", "Mme Ghita Lahlou",
          "M. Pierre Martin", "Mme Claire Dubois", "M. Rachid Ouali", "Mme Imane Sqalli"]
for y in (2025, 2026):
    ramadan = (2025, 3) if y == 2025 else (2026, 2)
    for m in range(1, 13):
        if dt.date(y, m, 1) > LAST_DAY:
            continue
        n = 2 if (y, m) == ramadan else (1 if rng.random() < 0.75 else 0)
        for _ in range(n):
            donor = rng.choice(DONORS)
            if rng.random() < 0.35:
                amount = rnd(100, 900, 50)
                if rng.random() < 0.4:
                    add(rday(y, m), "تبرع نقدي من محسن", [row("5161", amount),
                        row("75861", -amount, memo="وصل تبرع")])
                else:
                    add(rday(y, m), f"Don en espèces de {donor}", [row("5161", amount),
                        row("75861", -amount, memo="Reçu de don")])
            else:
                amount = rnd(1000, 6000, 100) if rng.random() < 0.8 else rnd(10000, 20000, 1000)
                add(rday(y, m), f"Don par virement de {donor}", [row("51411", amount),
                    row("75861", -amount, memo="Reçu fiscal délivré")])
    # Ramadan food baskets, financed by the Ramadan donations (general funds)
    ry, rm = ramadan
    basket = q(rng.choice([32, 36, 40]) * 215)
    add(bday(ry, rm, 20), "Opération Ramadan – achat de paniers alimentaires pour les familles bénéficiaires",
        [row("6586", basket, memo=f"{basket / 215:.0f} paniers × 215,00 – Épicerie Bab Ghmat"),
         row("51411", -basket)])

# --------------------------------------------------------------------------
# 6. INDH – Khotwa Jeunes (youth vocational training), 2025-03 .. 2026-08
# --------------------------------------------------------------------------

G = "INDH-2025"
MODULES = ["Bureautique et outils numériques", "Accueil et métiers du tourisme",
           "Électricité du bâtiment", "Pâtisserie et métiers de bouche",
           "Techniques de recherche d'emploi", "Communication et savoir-être",
           "Entrepreneuriat et auto-emploi", "Maintenance informatique de base"]
for (y, m) in months((2025, 4), (2026, 7)):
    mod = MODULES[(y * 12 + m) % len(MODULES)]
    cohort = 1 if (y, m) < (2025, 11) else (2 if (y, m) < (2026, 5) else 3)
    pay(rday(y, m, 20, 28), f"Honoraires formateur – module « {mod} » (cohorte {cohort})",
        "6136", rnd(3000, 4200, 100), "51411", G, "training", f"Note d'honoraires, {mname(y, m)}",
        cap=0.96)
    if rng.random() < 0.55:
        pay(rday(y, m, 6, 18), f"Pause-café des stagiaires – module « {mod} »",
            "6143", rnd(240, 520, 10), "5161", G, "training", cap=0.96)
    if rng.random() < 0.3:
        pay(rday(y, m, 3, 15), f"Matières d'œuvre – module « {mod} »",
            "6125", rnd(500, 1400, 10), "51411", G, "training", cap=0.96)

pay(bday(2025, 10, 9), "Kits d'outillage individuels – module électricité du bâtiment",
    "6125", "3240.00", "51411", G, "training", "Quincaillerie Bab El Khemis", cap=0.96)
pay(bday(2026, 1, 15), "Location d'une cuisine professionnelle – module pâtisserie (10 séances)",
    "6126", "2800.00", "51411", G, "training", "Dar Tajine Formation", cap=0.96)

pay(bday(2025, 4, 16), "Achat de 5 ordinateurs portables pour la salle informatique",
    "2355", "27450.00", "51411", G, "equipment", "Bureautique Guéliz SARL – facture 2025/0412")
pay(bday(2025, 4, 24), "Achat vidéoprojecteur et écran de projection",
    "2355", "5890.00", "51411", G, "equipment", "Bureautique Guéliz SARL – facture 2025/0437")
pay(bday(2025, 9, 11), "Achat imprimante multifonction pour le projet jeunes",
    "2355", "3180.00", "51411", G, "equipment", "Bureautique Guéliz SARL – facture 2025/0981")
for d, desc, amt in [
        (bday(2025, 6, 12), "Location minibus – visite de l'Hôtel Atlas Asni et de la zone Sidi Ghanem", "1450.00"),
        (bday(2025, 11, 6), "Location minibus – visite d'entreprises, zone industrielle Sidi Ghanem", "1450.00"),
        (bday(2026, 2, 19), "Location minibus – visite du centre de formation OFPPT Massira", "1200.00"),
        (bday(2026, 5, 14), "Location minibus – forum de l'emploi des jeunes, Marrakech", "1300.00")]:
    pay(d, desc, "6142", amt, "51411", G, "travel", "Transport Ourika SARL")
pay(bday(2025, 10, 2), "Mission de suivi à Rabat – coordinatrice (train et hébergement)",
    "6143", "1180.00", "5161", G, "travel")
pay(bday(2026, 4, 2), "Frais de taxi – suivi des stages en entreprise", "6142", "420.00", "5161", G, "travel")
pay(bday(2025, 4, 10), "Banderoles et affiches – lancement du projet Khotwa Jeunes",
    "6144", "1350.00", "51411", G, "communication", "Imprimerie Tensift")
pay(bday(2025, 11, 20), "Dépliants de recrutement – cohorte 2", "6144", "780.00", "51411", G,
    "communication", "Imprimerie Tensift")
pay(bday(2026, 8, 20), "Cérémonie de clôture et remise des attestations – location de salle et sono",
    "6144", "2300.00", "51411", G, "communication", "Dar Cherifa")
for (y, m) in months((2025, 3), (2026, 8)):
    if rng.random() < 0.45:
        pay(rday(y, m), "Fournitures de bureau – projet Khotwa Jeunes", "6125",
            rnd(180, 520, 10), "5161", G, "admin", cap=0.97)
pay(bday(2025, 12, 18), "Photocopies et reliure des dossiers des stagiaires – cohortes 1 et 2",
    "6125", "1260.00", "51411", G, "admin", "Copy Center Bab Doukkala", cap=0.97)
pay(bday(2026, 8, 12), "Archivage du projet et rapport final INDH – impression et reliure",
    "6125", "940.00", "51411", G, "admin", "Copy Center Bab Doukkala", cap=0.97)

# the last training payment takes the line about 3 % over its budget (on purpose)
target = q(BUDGET_AMT[(G, "training")] * Decimal("1.031"))
final_amt = target - SPENT[(G, "training")]
assert Decimal("2500") <= final_amt <= Decimal("9000"), final_amt
add(bday(2026, 8, 25), "Certification finale – jury externe, examens pratiques et attestations",
    [row("6136", final_amt, G, "training", "Jury de 3 professionnels"), row("51411", -final_amt)])

# --------------------------------------------------------------------------
# 7. EU – Qalam (women's literacy), 2025-06 .. 2026-11
# --------------------------------------------------------------------------

G = "EU-2025"


def eubank(d):
    return "51412" if d >= EU_FUNDS_FROM else "51411"


d = bday(2025, 6, 18)
pay(d, "Achat de 30 tables et 60 chaises pour la salle d'alphabétisation", "2351", "12600.00",
    eubank(d), G, "equipment", "Mobilier Menara – facture 2025-214")
d = bday(2025, 7, 21)
pay(d, "Achat de 12 tablettes pour l'alphabétisation numérique", "2355", "16440.00",
    eubank(d), G, "equipment", "Bureautique Guéliz SARL – facture 2025/0702")
d = bday(2025, 9, 4)
pay(d, "Tableau blanc interactif avec installation", "2355", "11200.00",
    eubank(d), G, "equipment", "Bureautique Guéliz SARL – facture 2025/0866")
d = bday(2025, 6, 25)
pay(d, "Panneau de visibilité UE et plaque à l'entrée de la salle", "6144", "2850.00",
    eubank(d), G, "communication", "Imprimerie Tensift")
pay(bday(2025, 9, 24), "Brochure bilingue arabe-français de présentation du projet", "6144",
    "3400.00", "51412", G, "communication", "Imprimerie Tensift")
pay(bday(2026, 6, 10), "Tournage vidéo de capitalisation – première partie", "6144",
    "4800.00", "51412", G, "communication", "Studio Koutoubia Prod")
pay(bday(2025, 9, 15), "Assurance accidents des bénéficiaires 2025-2026 (120 femmes)", "6134",
    "3960.00", "51412", G, "admin", "Police collective n° AC-99107")
pay(bday(2026, 2, 24), "Audit financier intermédiaire du projet Qalam", "6136", "9600.00",
    "51412", G, "admin", "Cabinet Menara Audit")
pay(bday(2026, 10, 22), "Vérification des dépenses – rapport final (acompte 50 %)", "6136",
    "6000.00", "51412", G, "admin", "Cabinet Menara Audit")

LITERACY = ["Manuels d'alphabétisation « Qalam » (niveau 1)", "Cahiers d'exercices et fournitures",
            "Manuels d'alphabétisation (niveau 2)", "Supports d'éducation financière"]
AGR = ["Atelier AGR couture et broderie", "Atelier AGR cuisine et conserves",
       "Atelier d'éducation financière et épargne", "Atelier marketing des produits de coopérative",
       "Atelier droits et état civil (Moudawana)", "Atelier santé et nutrition"]
for (y, m) in months((2025, 6), (2026, 11)):
    if m in (8,):          # summer break
        continue
    d = rday(y, m, 6, 24)
    if m in (6, 9, 10, 1, 2) or rng.random() < 0.3:
        pay(d, f"{rng.choice(LITERACY)} – achat", "6125", rnd(900, 2600, 10), eubank(d),
            G, "training", "Librairie Al Massira, Bab Doukkala", cap=0.80)
    d = rday(y, m, 10, 26)
    pay(d, f"{rng.choice(AGR)} – prestation de l'animatrice", "6126", rnd(1800, 3200, 100),
        eubank(d), G, "training", "Facture de prestation", cap=0.80)
    if rng.random() < 0.3:
        pay(rday(y, m, 6, 24), "Collation des bénéficiaires – séance d'alphabétisation",
            "6143", rnd(180, 420, 10), "5161", G, "training", cap=0.80)
    if rng.random() < 0.3:
        pay(rday(y, m), "Fournitures de bureau et photocopies – projet Qalam", "6125",
            rnd(150, 450, 10), "5161", G, "admin", cap=0.90)
for d, desc, acc, amt, bank in [
        (bday(2025, 10, 16), "Sortie à la coopérative féminine d'Ourika – location d'autocar", "6142", "2400.00", "51412"),
        (bday(2025, 12, 4), "Mission Rabat – réunion de suivi à la Délégation de l'UE (train, hôtel)", "6143", "1640.00", "51412"),
        (bday(2026, 3, 26), "Transport des bénéficiaires – salon régional de l'économie sociale, Marrakech", "6142", "1350.00", "51412"),
        (bday(2026, 5, 7), "Sortie à la coopérative d'arganiers de Tamesloht – autocar", "6142", "2200.00", "51412"),
        (bday(2026, 9, 17), "Atelier régional d'échange à Essaouira – transport et repas", "6143", "3850.00", "51412"),
        (bday(2026, 11, 12), "Mission Rabat – comité de pilotage final (train, hôtel)", "6143", "1720.00", "51412")]:
    pay(d, desc, acc, amt, bank, G, "travel")
for (y, m) in months((2025, 6), (2026, 11)):
    if rng.random() < 0.25:
        pay(rday(y, m), "Frais de transport des bénéficiaires (petits taxis)", "6142",
            rnd(120, 300, 10), "5161", G, "travel", cap=0.90)

# costs of the EU project advanced by the current account before the first
# instalment arrived (other than payroll, reimbursed with the July payroll)
advanced = sum((t.rows[0][1] for t in JOURNAL
                if t.rows[0][2] == G and t.rows[0][0] not in ("6171", "6174")
                and any(r[0] == "51411" for r in t.rows)), ZERO)
add(bday(2025, 7, 10), "Virement compte projet UE → compte courant : remboursement des dépenses UE avancées (juin-juillet 2025)",
    [row("51411", advanced), row("51412", -advanced)], kind="UE")

# the erroneous entry and its correction (the demo reverses ERR-2026-001)
ERR_DATE, REV_DATE = dt.date(2026, 4, 14), dt.date(2026, 4, 21)
ERR_DESC = "Achat de cahiers d'exercices – Librairie Al Massira"
err = add(ERR_DATE, ERR_DESC, [
    row("6125", "4500.00", G, "training", "Facture n° 2026/118"),
    row("51412", "-4500.00")], ref="ERR-2026-001")
add(REV_DATE, ERR_DESC + " (saisie corrigée, voir ERR-2026-001)", [
    row("6125", "450.00", G, "training", "Facture n° 2026/118"),
    row("51412", "-450.00")], kind="UE", prio=9)
SPENT[(G, "training")] -= q("4500.00")     # reversed by the demo

# --------------------------------------------------------------------------
# 8. Fondation Atlas – Filles et numérique, 2026-02 .. 2026-12
# --------------------------------------------------------------------------

G = "FDN-2026"
pay(bday(2026, 2, 24), "Achat de 8 ordinateurs reconditionnés", "2355", "15600.00", "51411", G,
    "equipment", "Recyclab Maroc – facture RM-2026-031")
pay(bday(2026, 3, 3), "Routeur wifi, commutateur et câblage de la salle", "2355", "2140.00",
    "51411", G, "equipment", "Bureautique Guéliz SARL – facture 2026/0219")
for (y, m) in months((2026, 3), (2026, 11)):
    if m == 8:
        continue
    pay(rday(y, m, 18, 27), "Honoraires animatrice numérique – ateliers du mercredi et du samedi",
        "6136", rnd(2200, 2800, 100), "51411", G, "training", cap=0.92)
    if rng.random() < 0.35:
        pay(rday(y, m, 4, 16), "Goûter des participantes – ateliers numériques", "6143",
            rnd(150, 300, 10), "5161", G, "training", cap=0.92)
    if rng.random() < 0.5:
        pay(rday(y, m), "Recharge internet 4G et fournitures – ateliers numériques", "6145",
            rnd(150, 350, 10), "5161", G, "admin", cap=0.95)
pay(bday(2026, 3, 12), "Affiches et flyers – appel à inscription des collégiennes", "6144",
    "950.00", "51411", G, "communication", "Imprimerie Tensift")
pay(bday(2026, 6, 24), "Journée de restitution « Filles et numérique » – salle et collation", "6144",
    "2100.00", "51411", G, "communication")
pay(bday(2026, 4, 29), "Sortie pédagogique au Technopark / Cité de l'innovation – transport", "6142",
    "1100.00", "51411", G, "travel")
pay(bday(2026, 10, 28), "Visite de l'Université Cadi Ayyad – transport des participantes", "6142",
    "850.00", "51411", G, "travel")

# small cash purchases for the CMM admin line
for y in (2025, 2026):
    for m in (2, 5, 9, 11):
        if dt.date(y, m, 1) <= LAST_DAY:
            pay(rday(y, m), "Fournitures de bureau et produits d'entretien du local", "6125",
                rnd(120, 260, 10), "5161", cmm(y), "admin", cap=0.99)

# --------------------------------------------------------------------------
# 9. Cash management: withdrawals and deposits so that the cash box never
#    goes negative and never holds much more than 6 000 MAD
# --------------------------------------------------------------------------


def sort_key(t):
    return (t.date, t.prio, t.seq)


def cash_delta(t):
    return sum((r[1] for r in t.rows if r[0] == "5161"), ZERO)


cash = ZERO
JOURNAL.sort(key=sort_key)
by_month = defaultdict(list)
for t in JOURNAL:
    by_month[(t.date.year, t.date.month)].append(t)
extra = []
for (y, m) in ALL_MONTHS:
    run, low = cash, cash
    for t in by_month[(y, m)]:
        run += cash_delta(t)
        low = min(low, run)
    if low < 1000:
        need = Decimal(1000) - low
        amount = q(((need + 499) // 500) * 500 + 1000)
        d = bday(y, m, 2)
        extra.append(Txn(d, "Retrait d'espèces pour alimenter la caisse",
                         [row("5161", amount), row("51411", -amount, memo="Chèque de retrait")],
                         kind="BQ", prio=1))
        run += amount
    if run > 6000:
        amount = q((run - 2000) // 500 * 500)
        d = bday(y, m, 27) if (y, m) != (2026, 11) else dt.date(2026, 11, 26)
        extra.append(Txn(d, "Versement d'espèces à la banque (cotisations et dons)",
                         [row("51411", amount), row("5161", -amount)], kind="BQ", prio=9))
        run -= amount
    cash = run
JOURNAL.extend(extra)
JOURNAL.sort(key=sort_key)

# --------------------------------------------------------------------------
# 10. Labels and piece numbers
# --------------------------------------------------------------------------

counters = defaultdict(int)
txn_counter = defaultdict(int)
receipt_no = defaultdict(lambda: 1)
for t in JOURNAL:
    y = t.date.year
    if hasattr(t, "dues"):
        n, arabic = t.dues
        a, b = receipt_no[y], receipt_no[y] + n - 1
        receipt_no[y] += n
        if arabic:
            t.desc = f"اشتراكات الأعضاء {y} – " + (f"وصل رقم {a:03d}" if n == 1 else f"وصولات {a:03d} إلى {b:03d}")
        else:
            t.desc = f"Cotisations annuelles {y} – " + (f"reçu n° {a:03d}" if n == 1 else f"reçus n° {a:03d} à {b:03d}")
    txn_counter[y] += 1
    t.label = f"{y}-{txn_counter[y]:03d}"
    if t.ref is not None:
        continue
    accs = {r[0] for r in t.rows}
    kind = t.kind
    if kind is None:
        kind = "CA" if "5161" in accs else ("UE" if "51412" in accs else
                                            ("BQ" if "51411" in accs else "OD"))
    if kind == "AN":
        t.ref = f"AN-{y}-001"
        continue
    counters[(kind, y)] += 1
    t.ref = f"{kind}-{y}-{counters[(kind, y)]:03d}"

# --------------------------------------------------------------------------
# 11. Writing
# --------------------------------------------------------------------------

TXN_HEADER = ["txn", "date", "description", "reference", "account", "amount", "grant",
              "line", "memo", "original_amount", "original_currency", "funder"]
# Where income without a grant comes from: members' dues and individual gifts (`funder`).
SOURCE_OF = {"75868": "MEMBERS", "75861": "DONORS"}


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


write_csv("accounts.csv", ["code", "type", "name", "name_ar"], ACCOUNTS)
write_csv("funders.csv", ["id", "name", "type", "country"], FUNDERS)
write_csv("grants.csv", ["id", "funder", "amount", "currency", "start", "end", "restricted",
                         "purpose"], GRANTS)
# The EU agreement budgets its lines in euros (the grant's terms say so: `grant terms EU-2025
# --budget-currency grant`): budget.csv gives each line in its grant's currency. The MAD
# figures above, at the planning rate, only cap the generated spending.
EU_BUDGET_EUR = {"staff": "23334.00", "training": "8334.00", "equipment": "3886.00",
                 "rent": "3334.00", "travel": "1667.00", "communication": "1482.00",
                 "admin": "2963.00"}
write_csv("budget.csv", ["grant", "line", "label", "amount", "account"],
          [(g, l, lab, EU_BUDGET_EUR[l] if g == "EU-2025" else amt, acct)
           for g, l, lab, amt, acct in BUDGET])
for y in (2025, 2026):
    out = []
    for t in JOURNAL:
        if t.date.year != y:
            continue
        for r in t.rows:
            out.append([t.label, t.date.isoformat(), t.desc, t.ref, r[0], fmt(r[1]), r[2], r[3],
                        r[4], r[5], r[6], SOURCE_OF.get(r[0], "") if not r[2] else ""])
    write_csv(f"transactions-{y}.csv", TXN_HEADER, out)
write_csv("reversals.csv", ["reference", "date", "reason"], [
    ("ERR-2026-001", REV_DATE.isoformat(),
     "montant erroné (saisie 4 500,00 au lieu de 450,00) ; écriture correcte enregistrée le même jour")])

FUNDER_NAME = {f[0]: f[1] for f in FUNDERS}
readme = ["# Khotwa – example data set", "",
          "جمعية خطوة / Association Khotwa is a **fictional** association of the Marrakech Médina "
          "(youth vocational training and women's literacy). The association, its staff, donors, "
          "suppliers, amounts and piece numbers are invented; the public bodies, bank and utilities "
          "named are real, but their dealings with Khotwa are not. These files hold its books for two fiscal years, "
          "2025 and 2026 (the latter up to 2026-11-28), and are produced by `generate.py` "
          "(Python standard library, deterministic; it ends with an assert-based `check()`). "
          "`accounts.csv` adds the association's sub-accounts to the CGNC chart, `funders.csv`, "
          "`grants.csv` and `budget.csv` (each line in its grant's currency: the EU grant's in EUR, as its "
          "agreement budgets them) describe who funds what, `transactions-2025.csv` and `transactions-2026.csv` are "
          "the journal in amana's import format (rows sharing a `txn` form one balanced "
          "transaction; EU instalments carry their EUR `original_amount`), and `reversals.csv` "
          "names the one erroneous 2026 entry. The `demo` command initialises a ledger with the "
          "`ma-associations` chart, adds the accounts, funders, grants and budget lines, imports "
          "2025 then 2026, and reverses `ERR-2026-001` (its corrected entry is already in the "
          "2026 journal). The budget line INDH-2025 / `training` ends about 3 % over budget on "
          "purpose, so the reports show an over-spend warning.", "",
          "| Grant | Funder | Amount | Period | Restricted | Purpose |",
          "|---|---|---:|---|---|---|"]
for g in GRANTS:
    amount = f"{Decimal(g[2]):,.2f}".replace(",", " ") + " " + g[3]
    readme.append(f"| {g[0]} | {FUNDER_NAME[g[1]]} | {amount} | {g[4]} → {g[5]} | {g[6]} | {g[7]} |")
with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as f:
    f.write("\n".join(readme) + "\n")


# --------------------------------------------------------------------------
# 12. Check (reads the written files back)
# --------------------------------------------------------------------------

def read_csv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def check(verbose=True):
    amount_re = re.compile(r"^-?\d+\.\d{2}$")
    ref_types = {}
    for p in REFERENCE_CANDIDATES:
        if p and os.path.exists(p):
            _, ref = read_csv(p)
            ref_types = {r["code"]: r["type"] for r in ref}
            break
    _, accs = read_csv("accounts.csv")
    types = dict(ref_types) if ref_types else {}
    for a in accs:
        assert len(a["code"]) == 5 and a["code"].isdigit(), a
        assert a["type"] in ("asset", "liability", "net-assets", "income", "expense"), a
        if ref_types:
            assert ref_types.get(a["code"][:4]) == a["type"], a
        types[a["code"]] = a["type"]
    declared = {a["code"] for a in accs}

    def account_ok(code):
        if code in declared:
            return True
        if ref_types:
            return len(code) == 4 and code in ref_types
        return len(code) == 4 and code.isdigit()

    _, funders = read_csv("funders.csv")
    fids = {f["id"] for f in funders}
    ftypes = {"public-local", "public-national", "foreign-public", "foreign-private", "private",
              "individual", "members"}
    assert all(f["type"] in ftypes and re.fullmatch(r"[A-Z]{2}", f["country"]) for f in funders)
    _, grants = read_csv("grants.csv")
    gmap = {g["id"]: g for g in grants}
    for g in grants:
        assert g["funder"] in fids and g["restricted"] in ("yes", "no") and amount_re.match(g["amount"])
    _, budget = read_csv("budget.csv")
    lines = {}
    for b in budget:
        assert b["grant"] in gmap and re.fullmatch(r"[a-z]+", b["line"]) and amount_re.match(b["amount"])
        # An expense line names its expense account; an equipment line its asset account (the
        # purchase of the equipment charges it).
        want = "asset" if b["line"] == "equipment" else "expense"
        assert b["account"] == "" or (account_ok(b["account"]) and types.get(b["account"]) == want), b
        assert (b["grant"], b["line"]) not in lines
        lines[(b["grant"], b["line"])] = Decimal(b["amount"])
    for gid, g in gmap.items():
        # Every grant's lines add up to its amount, in its own currency.
        total = sum(v for (gg, _), v in lines.items() if gg == gid)
        assert total == Decimal(g["amount"]), (gid, total, g["amount"])
    # Below, the EUR lines are compared with spending in MAD at the planning rate.
    for (gid, line), v in list(lines.items()):
        if gmap[gid]["currency"] == "EUR":
            lines[(gid, line)] = v * EUR_BUDGET_RATE

    _, revs = read_csv("reversals.csv")
    assert len(revs) == 1
    rev = revs[0]
    rev_date = dt.date.fromisoformat(rev["date"])

    spent = defaultdict(lambda: ZERO)
    spent_with_err = defaultdict(lambda: ZERO)
    received = defaultdict(lambda: ZERO)
    received_eur = defaultdict(lambda: ZERO)
    all_txns = []
    counts = {}
    for y in (2025, 2026):
        header, rows = read_csv(f"transactions-{y}.csv")
        assert header == TXN_HEADER
        txns, order = {}, []
        for r in rows:
            if not order or order[-1] != r["txn"]:
                assert r["txn"] not in txns, f"txn {r['txn']} not contiguous"
                order.append(r["txn"])
                txns[r["txn"]] = []
            txns[r["txn"]].append(r)
        counts[y] = len(order)
        assert 150 <= len(order) <= 220, (y, len(order))
        for label in order:
            rs = txns[label]
            first = rs[0]
            date = dt.date.fromisoformat(first["date"])
            assert date.year == y and date <= LAST_DAY
            assert len(rs) >= 2, label
            for r in rs:
                assert (r["date"], r["description"], r["reference"]) == \
                       (first["date"], first["description"], first["reference"]), label
                assert amount_re.match(r["amount"]), r
                assert Decimal(r["amount"]) != 0, r
                assert account_ok(r["account"]), r
                if r["line"]:
                    assert r["grant"] and (r["grant"], r["line"]) in lines, r
                if r["grant"]:
                    assert r["grant"] in gmap, r
                    g = gmap[r["grant"]]
                    if r["account"].startswith("6"):
                        assert g["start"] <= r["date"] <= g["end"], r
                if r["account"] == "7161":
                    assert r["grant"] and not r["line"], r
                    received[r["grant"]] -= Decimal(r["amount"])
                assert bool(r["original_amount"]) == bool(r["original_currency"]), r
                if r["original_currency"]:
                    assert r["original_currency"] == "EUR" and amount_re.match(r["original_amount"])
                    o, a = Decimal(r["original_amount"]), Decimal(r["amount"])
                    assert (o > 0) == (a > 0) and Decimal("10.7") <= a / o <= Decimal("11.0"), r
                    assert q(o * (a / o).quantize(Decimal("0.0001"))) == a, r
                    if r["account"] == "7161":
                        received_eur[r["grant"]] -= o
                if r["line"]:
                    assert Decimal(r["amount"]) > 0, r
                    spent_with_err[(r["grant"], r["line"])] += Decimal(r["amount"])
                    if first["reference"] != rev["reference"]:
                        spent[(r["grant"], r["line"])] += Decimal(r["amount"])
            assert sum(Decimal(r["amount"]) for r in rs) == 0, label
            all_txns.append((date, label, rs))
        refs = [txns[l][0]["reference"] for l in order if txns[l][0]["reference"]]
        assert len(refs) == len(set(refs)), "duplicate piece numbers"

    # the reversal target, and the corrected entry on or after the reversal date
    err_rows = [(d, rs) for d, _, rs in all_txns if rs[0]["reference"] == rev["reference"]]
    assert len(err_rows) == 1 and err_rows[0][0] < rev_date
    err_d, err_rs = err_rows[0]
    corrected = [rs for d, _, rs in all_txns if d >= rev_date and rev["reference"] in rs[0]["description"]]
    assert len(corrected) == 1 and Decimal(corrected[0][0]["amount"]) * 10 == Decimal(err_rs[0]["amount"])

    # received never above the grant
    for gid, g in gmap.items():
        if g["currency"] == "EUR":
            assert received_eur[gid] <= Decimal(g["amount"]), gid
        else:
            assert received[gid] <= Decimal(g["amount"]), gid

    # exactly one over-spent line, by about 3 %, with or without the erroneous entry
    for sp in (spent, spent_with_err):
        over = [k for k in lines if sp[k] > lines[k]]
        assert over == [OVERSPENT], over
        ratio = sp[OVERSPENT] / lines[OVERSPENT]
        assert Decimal("1.02") <= ratio <= Decimal("1.04"), ratio

    # treasury never negative, in date order, the reversal applied at its date
    bal = defaultdict(lambda: ZERO)
    events = [(d, 0, rs) for d, _, rs in all_txns]
    events.append((rev_date, -1, [dict(r, amount=str(-Decimal(r["amount"]))) for r in err_rs]))
    events.sort(key=lambda e: (e[0], e[1]))
    day_groups = defaultdict(list)
    for d, _, rs in events:
        day_groups[d].append(rs)
    for d in sorted(day_groups):
        for rs in day_groups[d]:
            for r in rs:
                bal[r["account"]] += Decimal(r["amount"])
        for acc in ("51411", "51412", "5161"):
            assert bal[acc] >= 0, (d, acc, bal[acc])

    if verbose:
        for y in (2025, 2026):
            print(f"transactions-{y}.csv: {counts[y]} transactions")
        print("closing balances 2026-11-28:",
              {a: str(bal[a]) for a in ("51411", "51412", "5161", "4441")})
        for gid, g in gmap.items():
            glines = [k for k in lines if k[0] == gid]
            tot = sum(spent[k] for k in glines)
            budget_total = sum(lines[k] for k in glines)
            extra = f" ({received_eur[gid]} EUR)" if g["currency"] == "EUR" else ""
            print(f"{gid}: received {received[gid]} MAD{extra}; spent {tot} of {budget_total} "
                  f"({tot / budget_total:.1%})")
            for k in glines:
                flag = "  OVER" if spent[k] > lines[k] else ""
                print(f"    {k[1]:14} {spent[k]:>11} / {lines[k]:>10}  {spent[k] / lines[k]:.1%}{flag}")
    return True


if __name__ == "__main__":
    check()
