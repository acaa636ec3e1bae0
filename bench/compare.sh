#!/usr/bin/env bash
# Prints the time to align two 5,000-message groups (synthetic, in memory) and to load and align the
# demo's 5,296-position group over loopback. Ends on its own; the timeout is a backstop.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -o -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test > /dev/null
timeout 600 java -Xmx512m -Djava.awt.headless=true \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  app.glow.inspector.bench.CompareBench "${1:-5000}"
