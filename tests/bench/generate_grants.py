#!/usr/bin/env python3
"""Writes a ledger's set-up (a shell script of amana commands: funders, grants, budget lines)
and N balanced transactions as an amana import CSV, for the reports' benchmark: 50 grants of
10 funders, 4 budget lines each, over two fiscal years, after an opening balance; three transactions in four charge an
expense to a grant's line, one in ten receives an instalment of a grant, the rest are members'
dues and gifts (with their funder) and untagged costs.

Usage: generate_grants.py N OUT_DIR   (deterministic: the same N gives the same files)
"""
import random
import sys
from pathlib import Path

FUNDER_TYPES = ["public-local", "public-national", "foreign-public", "private", "private"]
LINES = [("rent", "6131"), ("staff", "6171"), ("training", "6126"), ("supplies", "6122")]


def cents(c: int) -> str:
    sign = "-" if c < 0 else ""
    return f"{sign}{abs(c) // 100}.{abs(c) % 100:02d}"


def main() -> None:
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2026)
    grants = []
    with open(out / "setup.sh", "w") as sh:
        sh.write('set -e\nA="$BIN --ledger $LEDGER"\n')
        sh.write('$A account add 51411 --name "Banque - compte courant" > /dev/null\n')
        sh.write('$A funder add MEMBERS --name "Members" --type members > /dev/null\n')
        sh.write('$A funder add DONORS --name "Donors" --type individual > /dev/null\n')
        for f in range(10):
            sh.write(f'$A funder add F{f:02d} --name "Funder {f:02d}" --type {FUNDER_TYPES[f % 5]} > /dev/null\n')
        for g in range(50):
            year = 2024 + g % 2
            gid = f"G{g:02d}-{year}"
            budget = 4 * 60_000_000_00
            sh.write(
                f"$A grant add {gid} --funder F{g % 10:02d} --amount {cents(budget)} "
                f"--start {year}-01-01 --end {year}-12-31 {'' if g % 3 else '--unrestricted'} > /dev/null\n"
            )
            for line, acct in LINES:
                sh.write(f"$A grant budget {gid} {line} --amount 60000000.00 --label {line} --account {acct} > /dev/null\n")
            grants.append((gid, year, g % 10))
    with open(out / "bench.csv", "w") as csv:
        csv.write("txn,date,description,reference,account,amount,grant,line,memo,original_amount,original_currency,funder\n")
        # The opening balance: the bank holds enough that no generated payment overdraws it.
        csv.write("1,2024-01-01,opening balance,AN-2024,51411,5000000000.00,,,,,,\n")
        csv.write("1,2024-01-01,opening balance,AN-2024,1161,-5000000000.00,,,,,,\n")
        for t in range(2, n + 1):
            kind = rng.random()
            gid, year, f = grants[rng.randrange(50)]
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            amount = rng.randint(100, 500_000)
            ref = f"BQ-{t}"
            if kind < 0.75:
                line, acct = LINES[rng.randrange(4)]
                csv.write(f"{t},{date},expense {t},{ref},{acct},{cents(amount)},{gid},{line},,,,\n")
                csv.write(f"{t},{date},expense {t},{ref},51411,{cents(-amount)},,,,,,\n")
            elif kind < 0.85:
                amount *= 40
                csv.write(f"{t},{date},instalment {t},{ref},51411,{cents(amount)},,,,,,\n")
                csv.write(f"{t},{date},instalment {t},{ref},7161,{cents(-amount)},{gid},,,,,\n")
            elif kind < 0.95:
                who, acct = rng.choice([("MEMBERS", "7183"), ("DONORS", "7184")])
                csv.write(f"{t},{date},gift {t},{ref},51411,{cents(amount)},,,,,,\n")
                csv.write(f"{t},{date},gift {t},{ref},{acct},{cents(-amount)},,,,,,{who}\n")
            else:
                csv.write(f"{t},{date},cost {t},{ref},6142,{cents(amount)},,,,,,\n")
                csv.write(f"{t},{date},cost {t},{ref},51411,{cents(-amount)},,,,,,\n")


if __name__ == "__main__":
    main()
