#!/usr/bin/env bash
# Proves the packaged launchers start: `glow --version` prints the pom's version (and maps its
# class-data sharing archive), and the GUI
# launcher opens its window under Xvfb (needs xvfb, xdotool).
# Usage: smoke-test.sh VERSION [APP_DIR [GLOW_COMMAND]]: by default the app-image in target/;
# deb-test.sh passes /opt/glow-inspector and `glow` (found on PATH) for the installed package.
set -euo pipefail
cd "$(dirname "$0")/../.."
version="$1"
app="${2:-target/jpackage/image/GlowInspector}"
glow="${3:-$app/bin/glow}"
got=$("$glow" --version)
echo "glow --version: $got"
[ "$got" = "glow $version" ] || { echo "expected 'glow $version'"; exit 1; }
# glow starts from its class-data sharing archive: with -Xshare:on a JVM that cannot map it fails
cds=$(JAVA_TOOL_OPTIONS=-Xshare:on "$glow" --version 2>/dev/null) \
  || { echo "glow does not start from its CDS archive ($app/lib/app/glow.jsa)"; exit 1; }
[ "$cds" = "glow $version" ] || { echo "glow --version with -Xshare:on: '$cds'"; exit 1; }
echo "glow starts from its CDS archive"
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $gui $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display ALSA_CONFIG_PATH="$PWD/src/test/resources/alsa-null.conf" "$app/bin/GlowInspector" >/tmp/glow-gui.log 2>&1 &
gui=$!
for _ in $(seq 1 60); do
  if DISPLAY=$display xdotool search --name "Glow Inspector" >/dev/null 2>&1; then
    echo "GUI window: $(DISPLAY=$display xdotool search --name 'Glow Inspector' getwindowname | head -1)"
    exit 0
  fi
  sleep 1
done
echo "the GUI window did not appear"; cat /tmp/glow-gui.log; exit 1
