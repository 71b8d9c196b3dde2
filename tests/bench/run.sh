#!/usr/bin/env bash
# Benchmark: import, balance and verify on a generated ledger, side by side with hledger on the
# same data. Prints medians of RUNS runs (wall seconds) and peak resident memory (MiB).
#
#   bash tests/bench/run.sh [TRANSACTIONS=100000] [RUNS=5]
#
# Needs: a release build (made here), python3, /usr/bin/time (Debian package `time`), hledger.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
RUNS=${2:-5}
cargo build --release --quiet
BIN=$PWD/target/release/amana
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 tests/bench/generate.py "$N" "$WORK"
ROWS=$(($(wc -l < "$WORK/bench.csv") - 1))
echo "amana benchmark: $N transactions, $ROWS postings, $RUNS runs each, $(nproc) cores"

source tests/bench/lib.sh

LEDGER=$WORK/bench.db
fresh() { rm -f "$LEDGER" "$LEDGER-wal" "$LEDGER-shm"; "$BIN" --ledger "$LEDGER" init --name Bench --currency MAD --chart ma-associations > /dev/null; }
SETUP=fresh measure "amana import (one transaction)" "$BIN" --ledger "$LEDGER" import "$WORK/bench.csv"
SETUP="" 
# A signed seal over the whole ledger (replays the chain, computes the Merkle root).
"$BIN" key generate "$WORK/t.pem" > /dev/null
"$BIN" --ledger "$LEDGER" officer add t --name T --role treasurer --key "$WORK/t.pem.pub" > /dev/null
measure "amana seal --sign (replay + Merkle)" "$BIN" --ledger "$LEDGER" seal --sign "$WORK/t.pem"
measure "amana balance" "$BIN" --ledger "$LEDGER" balance
measure "amana balance --as-of" "$BIN" --ledger "$LEDGER" balance --as-of 2025-12-31
measure "amana verify" "$BIN" --ledger "$LEDGER" verify
measure "amana export audit + verify --bundle" sh -c "rm -rf '$WORK/bundle' && '$BIN' --ledger '$LEDGER' export audit '$WORK/bundle' && '$BIN' verify --bundle '$WORK/bundle'"
"$BIN" demo --out "$WORK/demo" > /dev/null
measure "amana verify (demo ledger)" "$BIN" --ledger "$WORK/demo/amana.db" verify
if command -v python3 > /dev/null; then
  measure "verify_chain.py (demo ledger)" python3 examples/verify_chain.py "$WORK/demo/amana.db"
fi
measure "amana journal --format csv" "$BIN" --ledger "$LEDGER" journal --format csv
if command -v hledger > /dev/null; then
  measure "hledger -f FILE bal" hledger -f "$WORK/bench.journal" bal
else
  echo "  hledger not installed: no comparison"
fi
echo "  ledger file: $(du -m "$LEDGER" | cut -f1) MiB"
