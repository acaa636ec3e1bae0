#!/usr/bin/env bash
# Time from selecting a group to its first painted bubbles (50 vs 5,000 messages) and the longest
# FX-thread stall while scrolling the large one; headless (Monocle), against the demo instance.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test > /dev/null
exec java ${BENCH_JAVA_OPTS:-} -Xmx1g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
  -Dheadless.geometry=1600x1000-32 -Djava.awt.headless=true \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  app.glow.inspector.bench.GroupDetailBench
