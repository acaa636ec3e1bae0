#!/usr/bin/env bash
# The start of the command line: the median wall time of `target/glow --version` over 10 runs, from
# launching the script to its exit (JVM start included), against its budget (BENCH| row; exit 1 when
# more than 2x over). Usage: bench/cli-start.sh    (builds target/glow and its CDS archive first)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -DskipTests package > /dev/null
exec java -cp "target/test-classes:target/classes:target/lib/*" app.glow.inspector.bench.CliBench start target/glow
