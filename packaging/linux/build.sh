#!/usr/bin/env bash
# Builds the Linux app-image and .deb with jpackage (JDK 17+). Called by `./mvnw -Ppackage package`
# after Maven has put the app jar and libraries in target/jpackage/input and the JavaFX modules in
# target/jpackage/fxmods. Prints the runtime image size.
set -euo pipefail
version="$1"
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
  jpackage --type deb --dest "$out/deb" --app-image "$out/image/GlowInspector" --name GlowInspector \
    --app-version "$version" --vendor "Glow Inspector" --description "Inspect Glow generation groups" \
    --linux-package-name glow-inspector --linux-package-deps "libgtk-3-0, libavcodec59, libavformat59" \
    --linux-shortcut --linux-menu-group "Education" --linux-app-category education \
    --icon icons/glow-inspector-256.png
  deb=$(ls "$out"/deb/*.deb)
  echo "deb: $deb ($(du -h "$deb" | cut -f1)); Depends: $(dpkg-deb -f "$deb" Depends)"
else
  echo "no dpkg-deb/fakeroot: skipped the .deb (apt-get install fakeroot binutils)"
fi
