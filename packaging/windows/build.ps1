# Windows installer (.msi) with jpackage; needs the WiX Toolset 3 on PATH. Not built on the Linux CI.
# Run after: mvnw.cmd -Ppackage-input package   (puts the jars in target\jpackage\input and fxmods,
# with the win classifier of JavaFX: mvnw.cmd -Ppackage-input -Djavafx.platform=win package)
param([string]$Version = "0.1.0")
$modules = "javafx.controls,javafx.media,javafx.graphics,javafx.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,java.xml,java.management,jdk.httpserver,jdk.crypto.ec,jdk.unsupported,jdk.localedata"
jpackage --type msi --dest target\jpackage\msi --name GlowInspector --app-version $Version `
  --input target\jpackage\input --main-jar "glow-inspector-$Version.jar" --main-class app.glow.inspector.app.Main `
  --module-path target\jpackage\fxmods --add-modules $modules --icon icons\glow-inspector.ico `
  --win-menu --win-shortcut --win-dir-chooser --add-launcher glow=packaging\windows\glow-cli.properties
