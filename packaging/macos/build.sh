#!/usr/bin/env bash
# macOS disk image (.dmg) with jpackage; run on a Mac after
#   ./mvnw -Ppackage-input -Djavafx.platform=mac package   (or mac-aarch64)
# An .icns icon is made from icons/glow-inspector-512.png with iconutil. Not built on the Linux CI.
set -euo pipefail
version="${1:-0.1.0}"
modules=javafx.controls,javafx.media,javafx.graphics,javafx.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,java.xml,java.management,jdk.httpserver,jdk.crypto.ec,jdk.unsupported,jdk.localedata
jpackage --type dmg --dest target/jpackage/dmg --name "Glow Inspector" --app-version "$version" \
  --input target/jpackage/input --main-jar "glow-inspector-$version.jar" --main-class app.glow.inspector.app.Main \
  --module-path target/jpackage/fxmods --add-modules "$modules" --icon target/glow-inspector.icns \
  --mac-package-identifier app.glow.inspector --add-launcher glow=packaging/linux/glow-cli.properties
