#!/usr/bin/env bash
# Runs every budgeted benchmark and prints one table: measure, figure, budget, verdict ("ok", "over" =
# missed by at most 2x, "FAIL" = missed by more). Exits 1 when any benchmark failed or missed a budget
# by more than 2x. Needs a packaged build for the CLI figures (./mvnw -DskipTests package) and ~3 GB of
# disk for the export; run on a quiet machine: the figures are wall-clock times.
set -uo pipefail
cd "$(dirname "$0")/.."
[ -x target/glow ] || ./mvnw -q -DskipTests package > /dev/null
mkdir -p target/bench
rows=target/bench/rows.txt
: > "$rows"
status=0
for b in group-detail group-list export cli-all-pages cli-start; do
  echo "== bench/$b.sh" >&2
  log=target/bench/$b.log
  bash "bench/$b.sh" > "$log" 2>&1
  rc=$?
  grep '^BENCH|' "$log" | sed "s/^BENCH|/| $b |/" >> "$rows"
  if [ "$rc" -ne 0 ]; then
    status=1
    grep -q '^BENCH|' "$log" || echo "| $b | (no figures: exit $rc, see $log) | | FAIL |" >> "$rows"
  fi
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo
echo "| bench | measure | figure | budget | verdict |"
echo "|---|---|---|---|---|"
cat "$rows"
exit "$status"
