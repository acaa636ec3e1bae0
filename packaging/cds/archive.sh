#!/usr/bin/env bash
# Class-data sharing for the `glow` launchers (issue 19): a static AppCDS archive maps the classes a
# command loads, already parsed, instead of reading them from the jars at every start. Static, not a
# dynamic one (-XX:ArchiveClassesAtExit): picocli's classes are Java 5 class files, which Java 17
# stores only in a static archive. An archive is only valid for the Java runtime and the exact jar
# paths it was made with, so it is made where the launcher runs from; the launchers name it with
# -XX:SharedArchiveFile, and a missing or unusable archive only means the JVM starts as before.
#
#   archive.sh train LAUNCHER CLASSLIST   runs common commands (with a demo instance) and writes the
#                                         classes they load to CLASSLIST
#   archive.sh dump LAUNCHER CLASSLIST    makes the archive the launcher names, from CLASSLIST
#
# Both run the launcher itself, with JAVA_TOOL_OPTIONS, so the class path is exactly the launcher's
# (the shell script target/glow, or the app-image's native bin/glow). Exit 0 even when this Java
# cannot make an archive: the CLI works without one (a warning says so).
set -uo pipefail
mode="${1:?usage: archive.sh train|dump LAUNCHER CLASSLIST}"
glow="${2:?launcher}"
list="${3:?class list}"
warn() { echo "cds: $*; glow starts without an archive" >&2; exit 0; }

case "$mode" in
  train)
    work=$(mktemp -d)
    server=""
    trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
    n=0
    # one JVM per command, each writing its own list; the union is the training
    record() { n=$((n + 1)); JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/$n.lst" "$glow" "$@" >/dev/null 2>&1; }
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/server.lst" "$glow" demo-server --groups 1200 \
      --live-step-ms 0 >"$work/env" 2>/dev/null &
    server=$!
    for _ in $(seq 1 300); do grep -q GLOW_TOKEN "$work/env" 2>/dev/null && break; sleep 0.1; done
    grep -q GLOW_TOKEN "$work/env" || warn "the demo instance for training did not start"
    # shellcheck disable=SC1091
    . "$work/env"
    export GLOW_INSTANCE_URL GLOW_TOKEN
    record --version
    record --help
    record system groups --help
    record system groups --body '{"page_size": 500}' --all-pages
    record system groups --body '{"page_size": 3}' --pretty
    id=$(JAVA_TOOL_OPTIONS= "$glow" system groups --body '{"page_size": 1}' 2>/dev/null \
      | sed -n 's/.*"group_id" *: *"\([^"]*\)".*/\1/p')
    [ -n "$id" ] && record system group --body "{\"group_id\": \"$id\", \"include_detail\": true}"
    record system groups --url http://127.0.0.1:1 # a refused connection: the error path
    record system nonsense                        # a usage error
    kill "$server" 2>/dev/null
    wait "$server" 2>/dev/null
    server=""
    # the union in first-seen order; comments out (each list starts with the same header)
    cat "$work"/*.lst 2>/dev/null | grep -v '^#' | awk '!seen[$0]++' > "$list.tmp" || true
    [ -s "$list.tmp" ] || { rm -f "$list.tmp"; warn "this Java wrote no class list (-XX:DumpLoadedClassList)"; }
    mv -f "$list.tmp" "$list"
    echo "cds: $(wc -l < "$list") classes loaded by $n commands and the demo instance -> $list"
    ;;
  dump)
    [ -s "$list" ] || warn "no class list $list"
    # -Xshare:dump from JAVA_TOOL_OPTIONS, the archive path from the launcher's -XX:SharedArchiveFile
    out=$(JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$list" "$glow" 2>&1) \
      || { echo "$out" | tail -5 >&2; warn "the archive could not be made"; }
    JAVA_TOOL_OPTIONS="-Xshare:on" "$glow" --version >/dev/null 2>&1 || warn "the archive made is not usable"
    echo "cds: archive for $glow made from $list"
    ;;
  *) echo "usage: archive.sh train|dump LAUNCHER CLASSLIST" >&2; exit 2 ;;
esac
