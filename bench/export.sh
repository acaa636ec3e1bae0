#!/usr/bin/env bash
# Exports about 1 GB of media (two demo groups whose five videos are a 200 MB file each) with -Xmx256m and
# prints the export's throughput next to a plain download of the same files (into nothing, and saved to files), and
# the heap's peak, as BENCH| rows against their budgets (export ≥ 0.8x a plain download, heap ≤ 256 MB). Exits with
# the program's status.
# Needs ~3 GB of disk.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
video=target/bench/video-200mb.bin
[ -s "$video" ] || head -c 200000000 /dev/urandom > "$video"
./mvnw -B -o -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test > /dev/null
rm -f target/bench/export.zip
status=0
java -Xmx256m -Djava.awt.headless=true ${BENCH_JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  app.glow.inspector.bench.ExportBench "$video" target/bench/export.zip || status=$?
rm -f target/bench/export.zip
exit "$status"
