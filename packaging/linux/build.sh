#!/usr/bin/env bash
# Builds the Linux app-image and .deb with jpackage (JDK 17+). Called by `./mvnw -Ppackage package`
# after Maven has put the app jar and libraries in target/jpackage/input and the JavaFX modules in
# target/jpackage/fxmods. Prints the runtime image size. Arguments: the version and the homepage
# (both from the pom).
set -euo pipefail
version="$1"
homepage="${2:?usage: build.sh VERSION HOMEPAGE_URL}"
cd "$(dirname "$0")/../.."
out=target/jpackage
rm -rf "$out/image" "$out/deb"
# Only the modules the app uses: JavaFX from its jars, the JDK modules named here.
modules=javafx.controls,javafx.media,javafx.graphics,javafx.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,java.xml,java.management,jdk.httpserver,jdk.crypto.ec,jdk.unsupported
jpackage --type app-image --dest "$out/image" --name GlowInspector --app-version "$version" \
  --vendor "Glow Inspector" --description "Inspect Glow generation groups: runs, messages, media, cost" \
  --input "$out/input" --main-jar "glow-inspector-$version.jar" --main-class app.glow.inspector.app.Main \
  --module-path "$out/fxmods" --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2" \
  --icon icons/glow-inspector-256.png \
  --add-launcher glow=packaging/linux/glow-cli.properties
echo "app-image: $out/image/GlowInspector ($(du -sh "$out/image/GlowInspector" | cut -f1)); runtime image: $(du -sh "$out/image/GlowInspector/lib/runtime" | cut -f1)"
if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  # The menu entry and icons travel inside the package; our maintainer scripts (resources/) install
  # them. No --linux-shortcut and no --icon here: with either, jpackage writes a .desktop file for
  # every launcher (the CLI too) and postinst/prerm that call xdg-desktop-menu, which fails on a
  # machine without a desktop (issue 20).
  desktop="$out/image/GlowInspector/lib/desktop"
  mkdir -p "$desktop/icons"
  cp packaging/linux/glow-inspector.desktop "$desktop/"
  cp icons/glow-inspector-{16,32,48,64,128,256,512}.png icons/glow-inspector.svg "$desktop/icons/"
  jpackage --type deb --dest "$out/deb" --app-image "$out/image/GlowInspector" --name GlowInspector \
    --app-version "$version" --vendor "Glow Inspector team" \
    --description "Inspector for Glow generation groups (app and glow CLI)" \
    --copyright "Glow Inspector team" --about-url "$homepage" \
    --license-file packaging/linux/resources/copyright --resource-dir packaging/linux/resources \
    --linux-package-name glow-inspector --linux-package-deps "libgtk-3-0, libavcodec59, libavformat59, fonts-symbola" \
    --linux-deb-maintainer "glow-inspector@example.invalid" --linux-app-category education
  deb=$(ls "$out"/deb/*.deb)
  echo "deb: $deb ($(du -h "$deb" | cut -f1)); Depends: $(dpkg-deb -f "$deb" Depends)"
else
  echo "no dpkg-deb/fakeroot: skipped the .deb (apt-get install fakeroot binutils)"
fi
