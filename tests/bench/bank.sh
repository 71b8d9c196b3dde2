#!/usr/bin/env bash
# Benchmark: a bank statement of N lines imported (rules matching each line), imported again
# (every line already recorded), and reconciled, beside `amana import` of the same movements
# as a journal CSV in the same run (the peer). Prints medians of RUNS runs (wall seconds) and
# peak resident memory (MiB).
#
#   bash tests/bench/bank.sh [LINES=50000] [RUNS=3]
#
# Needs: a release build (made here), python3, /usr/bin/time (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-50000}
RUNS=${2:-3}
cargo build --release --quiet
BIN=$PWD/target/release/amana
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 tests/bench/generate_statement.py "$N" "$WORK"
grep -v '^skip' examples/banks/bp.toml > "$WORK/rules.toml"
echo "amana bank benchmark: a statement of $N lines, $RUNS runs each, $(nproc) cores"

source tests/bench/lib.sh
WIDTH=44
LEDGER=$WORK/bank.db
fresh() {
  rm -f "$LEDGER" "$LEDGER-wal" "$LEDGER-shm"
  "$BIN" --ledger "$LEDGER" init --name Bench --currency MAD --chart ma-associations > /dev/null
  for what in accounts funders grants; do
    "$BIN" --ledger "$LEDGER" load "$what" "examples/khotwa/$what.csv" > /dev/null
  done
  "$BIN" --ledger "$LEDGER" record --date 2025-12-31 --description "Solde d'ouverture" \
    --post "51411 5000000" --post 1161 > /dev/null
}
SETUP=fresh measure "amana import (journal CSV, the peer)" "$BIN" --ledger "$LEDGER" import "$WORK/journal.csv"
SETUP=fresh measure "amana bank import (rules)" "$BIN" --ledger "$LEDGER" bank import "$WORK/statement.csv" --account 51411 --rules "$WORK/rules.toml"
SETUP=""
measure "amana bank import (the same again)" "$BIN" --ledger "$LEDGER" bank import "$WORK/statement.csv" --account 51411 --rules "$WORK/rules.toml"
measure "amana bank review" "$BIN" --ledger "$LEDGER" bank review
measure "amana reconcile --dry-run" "$BIN" --ledger "$LEDGER" reconcile --account 51411 --statement "$WORK/statement.csv" --rules "$WORK/rules.toml" --dry-run
measure "amana verify" "$BIN" --ledger "$LEDGER" verify
