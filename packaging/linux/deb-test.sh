#!/usr/bin/env bash
# Installs the built .deb on this machine with apt-get, as a user would, and checks what it promises
# (issue 20): it installs and purges even where the desktop menu tools are missing or fail, `glow` is
# /usr/bin/glow on PATH, the app has exactly one menu entry, the GUI starts from /opt/glow-inspector
# (smoke-test.sh, under Xvfb), and a purge leaves nothing behind. Needs root or sudo; a glow-inspector
# package already installed here is purged first. Usage: deb-test.sh VERSION
set -euo pipefail
cd "$(dirname "$0")/../.."
version="$1"
pkg=glow-inspector
deb=$(ls "$PWD"/target/jpackage/deb/${pkg}_"$version"-1_*.deb)
sudo=""
if [ "$(id -u)" != "0" ]; then
  command -v sudo >/dev/null 2>&1 || { echo "deb-test: needs root or sudo to install $deb"; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
fail() { echo "deb-test: FAILED: $*" >&2; exit 1; }
installed() { [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" = "install ok installed" ]; }
purge() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q "$pkg" >/tmp/deb-test-purge.log 2>&1; }
trap 'if installed; then purge || true; fi' EXIT
if installed; then echo "deb-test: purging the $pkg already installed"; purge; fi

# What is in the package, before installing it.
depends=$(dpkg-deb -f "$deb" Depends)
case "$depends" in *xdg-utils*) fail "Depends names xdg-utils: $depends";; esac
desktops=$(dpkg-deb -c "$deb" | grep -c '\.desktop$' || true)
[ "$desktops" = "1" ] || fail "expected one .desktop file in the package, found $desktops"
for field in Maintainer Homepage Section Description; do
  [ -n "$(dpkg-deb -f "$deb" "$field")" ] || fail "no $field in the control file"
done
dpkg-deb -c "$deb" | grep -q '/share/doc/copyright$' || fail "no copyright file in the package"

check_purged() {
  installed && fail "$pkg still installed after purge"
  [ ! -e /opt/glow-inspector ] || fail "/opt/glow-inspector left after purge"
  [ ! -e /usr/bin/glow ] && [ ! -L /usr/bin/glow ] || fail "/usr/bin/glow left after purge"
  [ ! -e /usr/share/applications/glow-inspector.desktop ] || fail "menu entry left after purge"
  if [ -d /usr/share/applications ] && grep -l /opt/glow-inspector /usr/share/applications/*.desktop 2>/dev/null; then
    fail "a .desktop file pointing at /opt/glow-inspector is left after purge"
  fi
  left=$(find /usr/share/icons/hicolor -name 'glow-inspector.*' 2>/dev/null | head -1)
  [ -z "$left" ] || fail "icon left after purge: $left"
}

# 1. A machine whose menu tools fail (as xdg-desktop-menu does with no menu folders, exit 3): the
#    install and the purge must still succeed; maintainer scripts see these stubs first on PATH.
stubs=$(mktemp -d)
for t in xdg-desktop-menu xdg-icon-resource xdg-mime update-desktop-database gtk-update-icon-cache; do
  printf '#!/bin/sh\necho "%s: No writable system menu directory found" >&2\nexit 3\n' "$t" >"$stubs/$t"
  chmod 755 "$stubs/$t"
done
$sudo env PATH="$stubs:$PATH" DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" >/tmp/deb-test-install.log 2>&1 \
  || { cat /tmp/deb-test-install.log; fail "apt-get install with failing menu tools"; }
installed || fail "not configured after install with failing menu tools: $(dpkg-query -W -f='${Status}' $pkg)"
[ "$(glow --version)" = "glow $version" ] || fail "glow --version after install with failing menu tools"
$sudo env PATH="$stubs:$PATH" DEBIAN_FRONTEND=noninteractive apt-get purge -y -q "$pkg" >/tmp/deb-test-purge.log 2>&1 \
  || { cat /tmp/deb-test-purge.log; fail "apt-get purge with failing menu tools"; }
check_purged
rm -rf "$stubs"
echo "deb-test: install and purge succeed with failing menu tools"

# 2. The ordinary install.
$sudo apt-get install -y -q "$deb" >/tmp/deb-test-install.log 2>&1 \
  || { cat /tmp/deb-test-install.log; fail "apt-get install"; }
installed || fail "not configured after install"
hash -r
[ "$(command -v glow)" = /usr/bin/glow ] || fail "glow on PATH is '$(command -v glow || true)', not /usr/bin/glow"
[ "$(readlink /usr/bin/glow)" = /opt/glow-inspector/bin/glow ] || fail "/usr/bin/glow -> $(readlink /usr/bin/glow)"
entry=/usr/share/applications/glow-inspector.desktop
[ -f "$entry" ] || fail "no menu entry $entry"
grep -qx 'Exec=/opt/glow-inspector/bin/GlowInspector' "$entry" || fail "menu entry does not start the app"
entries=$(grep -l /opt/glow-inspector /usr/share/applications/*.desktop | wc -l)
[ "$entries" = "1" ] || fail "expected one menu entry for the package, found $entries"
if command -v desktop-file-validate >/dev/null 2>&1; then desktop-file-validate "$entry" || fail "desktop-file-validate"; fi
for s in 16 32 48 64 128 256 512; do
  [ -f "/usr/share/icons/hicolor/${s}x${s}/apps/glow-inspector.png" ] || fail "no ${s}x${s} icon"
done
[ -f /usr/share/icons/hicolor/scalable/apps/glow-inspector.svg ] || fail "no scalable icon"
echo "deb-test: installed; glow is $(command -v glow) -> $(readlink /usr/bin/glow); menu entry $entry"
packaging/linux/smoke-test.sh "$version" /opt/glow-inspector glow

# 3. Purge, and nothing is left.
purge || { cat /tmp/deb-test-purge.log; fail "apt-get purge"; }
check_purged
echo "deb-test: purged; nothing left (/opt/glow-inspector, /usr/bin/glow, menu entry, icons)"
