#!/usr/bin/env bash
# Loads all groups of a 100,000-group demo instance into the real group table (headless, Monocle)
# and prints the heap used and the longest FX-thread stall while scrolling through them.
# Usage: bench/group-list.sh [groups]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test > /dev/null
exec java ${BENCH_JAVA_OPTS:-} -Xmx1g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
  -Dheadless.geometry=1600x1000-32 -Djava.awt.headless=true \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  app.glow.inspector.bench.GroupListBench "${1:-100000}"
