#!/usr/bin/env bash
# Walks every page of a 100,000-group demo instance twice: with `glow system groups --all-pages`
# and with plain curl in a shell loop, and prints both times and their ratio.
# Usage: bench/cli-all-pages.sh [groups] [page_size]    (builds the launcher if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
GROUPS_N=${1:-100000}
PAGE=${2:-500}
[ -x target/glow ] || ./mvnw -q -DskipTests package

env_file=$(mktemp)
target/glow demo-server --groups "$GROUPS_N" --live-step-ms 0 > "$env_file" 2> /dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$env_file"' EXIT
for _ in $(seq 1 100); do grep -q GLOW_TOKEN "$env_file" 2>/dev/null && break; sleep 0.1; done
# shellcheck disable=SC1090
. "$env_file"

now() { date +%s.%N; }

t0=$(now)
glow_rows=$(target/glow system groups --body "{\"page_size\": $PAGE}" --all-pages | wc -l)
t1=$(now)

curl_rows=0
token=""
t2=$(now)
while :; do
  if [ -z "$token" ]; then body="{\"page_size\": $PAGE}"; else body="{\"page_size\": $PAGE, \"page_token\": \"$token\"}"; fi
  page=$(curl -sS -X POST "$GLOW_INSTANCE_URL/system/groups" -H "Authorization: Bearer $GLOW_TOKEN" \
    -H "Content-Type: application/json" -d "$body")
  n=$(grep -o '"group_id":' <<< "$page" | wc -l)
  curl_rows=$((curl_rows + n))
  token=$(grep -o '"next_page_token":"[^"]*"' <<< "$page" | sed 's/.*:"\(.*\)"/\1/' || true)
  [ -n "$token" ] || break
done
t3=$(now)

glow_s=$(echo "$t1 - $t0" | bc -l)
curl_s=$(echo "$t3 - $t2" | bc -l)
printf 'groups: %d, page_size: %d\n' "$GROUPS_N" "$PAGE"
printf 'glow --all-pages : %6d rows in %6.2f s\n' "$glow_rows" "$glow_s"
printf 'curl shell loop  : %6d rows in %6.2f s\n' "$curl_rows" "$curl_s"
printf 'ratio glow/curl  : %6.2f\n' "$(echo "$glow_s / $curl_s" | bc -l)"
