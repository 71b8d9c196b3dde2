# Shared by the benchmarks: `measure NAME CMD...` runs CMD $RUNS times (after $SETUP, when
# set), and prints the median wall time and the median peak resident memory. Needs $WORK (a
# scratch folder), $RUNS and /usr/bin/time (Debian package `time`). $WIDTH sets the name's
# column (default 34).
measure() {
  local name=$1; shift
  local times=() mems=()
  for _ in $(seq "$RUNS"); do
    if [ -n "${SETUP:-}" ]; then eval "$SETUP"; fi
    /usr/bin/time -f "%e %M" -o "$WORK/t" "$@" > /dev/null 2> "$WORK/err" || { cat "$WORK/err"; exit 1; }
    read -r t m < "$WORK/t"
    times+=("$t"); mems+=("$m")
  done
  local mt mm
  mt=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  mm=$(printf '%s\n' "${mems[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  awk -v n="$name" -v t="$mt" -v m="$mm" -v w="${WIDTH:-34}" 'BEGIN { printf "  %-*s median %7.3f s   peak %7.1f MiB\n", w, n, t, m / 1024 }'
}
