#!/usr/bin/env bash
# macOS installer (.pkg) with jpackage; run on a Mac after
#   ./mvnw -Ppackage-input -Djavafx.platform=mac package   (or mac-aarch64)
# An .icns icon is made from icons/glow-inspector-512.png with iconutil. Not built on the Linux CI,
# never run so far.
# One app bundle, /Applications/Glow Inspector.app; the `glow` CLI is a second launcher inside it
# (Contents/MacOS/glow), and the .pkg's postinstall (resources/postinstall) links it to
# /usr/local/bin/glow. A .pkg rather than a .dmg because only a .pkg runs an install script.
# Uninstall: drag the app to the Bin and `sudo rm /usr/local/bin/glow`.
set -euo pipefail
version="${1:-0.1.0}"
homepage="${2:-https://glow-inspector.example.invalid/}"
cd "$(dirname "$0")/../.."
modules=javafx.controls,javafx.media,javafx.graphics,javafx.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,java.xml,java.management,jdk.httpserver,jdk.crypto.ec,jdk.unsupported,jdk.localedata
jpackage --type pkg --dest target/jpackage/pkg --name "Glow Inspector" --app-version "$version" \
  --vendor "Glow Inspector team" --description "Inspector for Glow generation groups (app and glow CLI)" \
  --copyright "Glow Inspector team" --about-url "$homepage" \
  --input target/jpackage/input --main-jar "glow-inspector-$version.jar" --main-class app.glow.inspector.app.Main \
  --module-path target/jpackage/fxmods --add-modules "$modules" --icon target/glow-inspector.icns \
  --mac-package-identifier app.glow.inspector --resource-dir packaging/macos/resources \
  --add-launcher glow=packaging/macos/glow-cli.properties
