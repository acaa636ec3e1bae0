#!/usr/bin/env bash
# Indexes N groups of the demo instance (default 10,000) with the search indexer and prints indexing throughput
# (messages/s), index size and the median query time, next to the time to fetch the same windows and texts
# without indexing (same concurrency). Runs under -Xmx512m: memory stays bounded whatever N.
# Usage: bench/search.sh [groups] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."
GROUPS_N=${1:-10000}
CONCURRENCY=${2:-4}
mkdir -p target/bench
./mvnw -B -o -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test > /dev/null
index=target/bench/search-index
rm -rf "$index" "$index-warm-up"
trap 'rm -rf "$index" "$index-warm-up"' EXIT
java -Xmx512m -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  app.glow.inspector.bench.SearchBench "$GROUPS_N" "$CONCURRENCY" "$index"
