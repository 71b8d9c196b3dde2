#!/usr/bin/env bash
# Benchmark of the reports: the funder report and the annual report on a ledger of N generated
# transactions (default 1,000,000) with 50 grants of 10 funders (tests/bench/generate_grants.py),
# beside `amana balance` on the same ledger in the same run (the peer every report's aggregates
# are measured against). Prints medians of RUNS runs (wall seconds) and peak memory (MiB).
#
#   bash tests/bench/reports.sh [TRANSACTIONS=1000000] [RUNS=5]
#
# "computation" runs with --no-verify (the report's own queries and rendering); the same
# report with the verification every report runs by default is measured beside it.
# Needs: a release build (made here), python3, /usr/bin/time (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
RUNS=${2:-5}
cargo build --release --quiet
BIN=$PWD/target/release/amana
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 tests/bench/generate_grants.py "$N" "$WORK"
LEDGER=$WORK/bench.db
export BIN LEDGER AMANA_ACTOR=bench
"$BIN" --ledger "$LEDGER" init --name "Bench" --currency MAD --chart ma-associations > /dev/null
bash "$WORK/setup.sh"
start=$(date +%s%N)
"$BIN" --ledger "$LEDGER" import "$WORK/bench.csv" > /dev/null
echo "reports benchmark: $N transactions, 50 grants, imported in $(( ($(date +%s%N) - start) / 1000000 )) ms; $RUNS runs each, $(nproc) cores"

WIDTH=52
source tests/bench/lib.sh

A=("$BIN" --ledger "$LEDGER")
measure "amana balance (peer)" "${A[@]}" balance
measure "report funder --format json --no-verify" "${A[@]}" report funder --grant G01-2025 --format json --no-verify
measure "report annual --format json --no-verify" "${A[@]}" report annual --year 2025 --format json --no-verify
measure "report funder --format pdf --no-verify" "${A[@]}" report funder --grant G01-2025 --format pdf --no-verify --out "$WORK/f.pdf" --force
measure "report annual --format pdf --no-verify" "${A[@]}" report annual --year 2025 --format pdf --no-verify --out "$WORK/a.pdf" --force
measure "amana verify" "${A[@]}" verify
measure "report annual --format json (verifies first)" "${A[@]}" report annual --year 2025 --format json
echo "  ledger file: $(du -m "$LEDGER" | cut -f1) MiB"
