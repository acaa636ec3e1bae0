#!/usr/bin/env bash
# Exports about 1 GB of media (two demo groups whose five videos are a 200 MB file each) with -Xmx256m and
# prints the export's throughput next to a plain download of the same bytes. Needs ~3 GB of disk.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
video=target/bench/video-200mb.bin
[ -s "$video" ] || head -c 200000000 /dev/urandom > "$video"
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test > /dev/null
rm -f target/bench/export.zip
java -Xmx256m -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  app.glow.inspector.bench.ExportBench "$video" target/bench/export.zip
rm -f target/bench/export.zip
