#!/usr/bin/env python3
"""Writes the same N balanced transactions as an amana import CSV and as an hledger journal.

Usage: generate.py N OUT_DIR   (deterministic: the same N gives the same files)
"""
import random
import sys
from pathlib import Path

ACCOUNTS = ["5141", "5161", "6131", "6126", "6171", "6174", "6147", "7161", "7586", "4411", "2355", "1111"]


def cents(c: int) -> str:
    sign = "-" if c < 0 else ""
    return f"{sign}{abs(c) // 100}.{abs(c) % 100:02d}"


def main() -> None:
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2026)
    with open(out / "bench.csv", "w") as csv, open(out / "bench.journal", "w") as journal:
        csv.write("txn,date,description,reference,account,amount\n")
        for t in range(1, n + 1):
            date = f"{2025 + t * 2 // n:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            k = rng.randint(2, 4)
            amounts = [rng.randint(-1_000_000, 1_000_000) for _ in range(k - 1)]
            amounts.append(-sum(amounts))
            journal.write(f"{date} op {t}  ; ref BQ-{t}\n")
            for a in amounts:
                acct = rng.choice(ACCOUNTS)
                csv.write(f"{t},{date},op {t},BQ-{t},{acct},{cents(a)}\n")
                journal.write(f"    a{acct}    {cents(a)}\n")
            journal.write("\n")


if __name__ == "__main__":
    main()
