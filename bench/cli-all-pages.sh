#!/usr/bin/env bash
# Walks every page of a 100,000-group demo instance with `glow system groups --all-pages` and with a
# keep-alive Python loop over the same pages (bench/cli-raw-pages.py, one connection, each page parsed
# for its token), a few times in turn, and prints the ratio of the medians against its budget (BENCH|
# row; exit 1 when more than 2x over). Times are taken around the launcher (JVM start included).
# Usage: bench/cli-all-pages.sh [groups] [page_size]    (builds target/glow and its CDS archive first)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -DskipTests package > /dev/null
exec java -cp "target/test-classes:target/classes:target/lib/*" app.glow.inspector.bench.CliBench all-pages \
  target/glow "${1:-100000}" "${2:-500}"
