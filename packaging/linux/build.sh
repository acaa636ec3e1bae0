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
# The classes common glow commands load (trained by `./mvnw package`, packaging/cds/archive.sh): they
# travel as lib/app/glow.classlist, from which the CLI's class-data sharing archive is made where
# the files end up (below for the app-image, by postinst for the .deb).
if [ -s target/glow.classlist ]; then
  cp target/glow.classlist "$out/input/"
else
  rm -f "$out/input/glow.classlist"
  echo "no target/glow.classlist (built with -Dglow.cds.skip?): glow will start without a CDS archive"
fi
# Only the modules the app uses: JavaFX from its jars, the JDK modules named here.
modules=javafx.controls,javafx.media,javafx.graphics,javafx.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,java.xml,java.management,jdk.httpserver,jdk.crypto.ec,jdk.unsupported
jpackage --type app-image --dest "$out/image" --name GlowInspector --app-version "$version" \
  --vendor "Glow Inspector" --description "Inspect Glow generation groups: runs, messages, media, cost" \
  --input "$out/input" --main-jar "glow-inspector-$version.jar" --main-class app.glow.inspector.app.Main \
  --module-path "$out/fxmods" --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2" \
  --icon icons/glow-inspector-256.png \
  --add-launcher glow=packaging/linux/glow-cli.properties
# The CLI's launcher as a shell script, written from the one jpackage made (its lib/app/glow.cfg: class
# path, options, main class): JDK 17's native launcher runs `rpm -qf` and `dpkg -S` on itself twice at
# every start to learn whether a package owns it, about 1.3 s on a machine with many packages, several
# times what the JVM then needs. The GUI keeps its native launcher (no terminal, a desktop icon).
cli_launcher() {
  local image="$1" cfg="$1/lib/app/glow.cfg" cp opts main
  cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | paste -sd: -)
  opts=$(sed -n 's/^java-options=\(.*\)$/"\1"/p' "$cfg" | paste -sd' ' -)
  main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
  [ -n "$cp" ] && [ -n "$main" ] || { echo "cannot read $cfg"; exit 1; }
  cat > "$image/bin/glow" <<SCRIPT
#!/bin/sh
# glow: the Glow Inspector command line (/usr/bin/glow links here). Written by packaging/linux/build.sh
# from lib/app/glow.cfg instead of jpackage's native launcher, which asks dpkg and rpm at every start
# whether a package owns it (over a second). The bundled runtime only; glow.jsa is the CDS archive.
APPDIR=\$(cd "\$(dirname "\$(readlink -f "\$0")")/../lib/app" && pwd)
exec "\$APPDIR/../runtime/bin/java" $opts -Djpackage.app-path="\$APPDIR/../../bin/glow" \\
  -cp "$cp" $main "\$@"
SCRIPT
  chmod 755 "$image/bin/glow"
}
cli_launcher "$out/image/GlowInspector"
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
# After the .deb (it carries the class list, not an archive made for these paths): the app-image's
# own archive, for running it from here (smoke-test.sh checks that it is used).
if [ -s "$out/image/GlowInspector/lib/app/glow.classlist" ]; then
  packaging/cds/archive.sh dump "$out/image/GlowInspector/bin/glow" "$out/image/GlowInspector/lib/app/glow.classlist"
fi
