"""A bank statement of N lines as a Moroccan bank exports it (Windows-1252, semicolons,
Débit/Crédit, a running balance, decimal commas), and the same movements as amana's journal
CSV, for the peer measurement of tests/bench/bank.sh.

    python3 tests/bench/generate_statement.py N OUT_DIR
"""
import datetime
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
random.seed(7)
KINDS = [("COTISATION ADHERENT {}", 1, "75868"), ("VIR RECU DON {}", 1, "75861"),
         ("FRAIS TENUE DE COMPTE", -1, "6147"), ("PRLV MAROC TELECOM {}", -1, "6145"),
         ("CHQ N° {} LOYER", -1, "6131"), ("PAIEMENT TPE FOURNISSEUR {}", -1, "3497")]


def fr(minor):
    whole = f"{abs(minor) // 100:,}".replace(",", " ")
    return f"{'-' if minor < 0 else ''}{whole},{abs(minor) % 100:02d}"


balance = 5_000_000_00
statement = ["Date opération;Date valeur;Libellé;Débit;Crédit;Solde",
             f"01/01/2026;01/01/2026;SOLDE INITIAL;;;{fr(balance)}"]
journal = ["txn,date,description,account,amount"]
day = datetime.date(2026, 1, 1)
for i in range(n):
    if i % 150 == 0:
        day += datetime.timedelta(days=1)
    text, sign, account = random.choice(KINDS)
    text = text.format(random.randrange(10000))
    amount = sign * random.randrange(100, 100_000)
    balance += amount
    debit, credit = (fr(-amount), "") if amount < 0 else ("", fr(amount))
    statement.append(f"{day:%d/%m/%Y};{day:%d/%m/%Y};{text};{debit};{credit};{fr(balance)}")
    euros = f"{'-' if amount < 0 else ''}{abs(amount) // 100}.{abs(amount) % 100:02d}"
    counter = f"{'-' if amount > 0 else ''}{abs(amount) // 100}.{abs(amount) % 100:02d}"
    journal.append(f"{i + 1},{day:%Y-%m-%d},{text},51411,{euros}")
    journal.append(f"{i + 1},,,{account},{counter}")
with open(f"{out}/statement.csv", "wb") as f:
    f.write(("\r\n".join(statement) + "\r\n").encode("cp1252"))
with open(f"{out}/journal.csv", "w", encoding="utf-8") as f:
    f.write("\n".join(journal) + "\n")
