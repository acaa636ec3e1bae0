# Windows installer (.msi) with jpackage; needs the WiX Toolset 3 on PATH. Not built on the Linux CI,
# never run so far.
# Run after: mvnw.cmd -Ppackage-input package   (puts the jars in target\jpackage\input and fxmods,
# with the win classifier of JavaFX: mvnw.cmd -Ppackage-input -Djavafx.platform=win package)
#
# One Start menu entry and one desktop shortcut, for the app (--win-menu, --win-shortcut); the
# `glow` CLI is a console launcher (glow.exe, glow-cli.properties: win-console, no menu entry or
# shortcut) in the install folder, which the installer adds to the system PATH and removes from it
# on uninstall. jpackage 17 has no option for PATH, so the build runs twice: the first run keeps
# jpackage's WiX source (--temp), a component that sets PATH is added to it, and the second run
# builds the .msi from that source (--resource-dir). --win-dir-chooser: PATH follows the folder
# chosen. Open a new terminal after installing to see `glow` on PATH.
param([string]$Version = "0.1.0", [string]$Homepage = "https://glow-inspector.example.invalid/")
$ErrorActionPreference = "Stop"
$modules = "javafx.controls,javafx.media,javafx.graphics,javafx.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,java.xml,java.management,jdk.httpserver,jdk.crypto.ec,jdk.unsupported,jdk.localedata"
$common = @("--name", "GlowInspector", "--app-version", $Version,
  "--vendor", "Glow Inspector team", "--description", "Inspector for Glow generation groups (app and glow CLI)",
  "--copyright", "Glow Inspector team", "--about-url", $Homepage,
  "--input", "target\jpackage\input", "--main-jar", "glow-inspector-$Version.jar", "--main-class", "app.glow.inspector.app.Main",
  "--module-path", "target\jpackage\fxmods", "--add-modules", $modules, "--icon", "icons\glow-inspector.ico",
  "--win-menu", "--win-menu-group", "Glow Inspector", "--win-shortcut", "--win-dir-chooser",
  "--win-upgrade-uuid", "5d0f8a64-2c1e-4b7a-9d3e-6f1a2b3c4d5e",
  "--add-launcher", "glow=packaging\windows\glow-cli.properties")

# 1. jpackage's own WiX source.
$temp = "target\jpackage\wix-temp"
$res = "target\jpackage\wix-resources"
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $temp, $res, "target\jpackage\msi-first"
jpackage --type msi --dest target\jpackage\msi-first --temp $temp @common
if ($LASTEXITCODE -ne 0) { throw "jpackage (first run) failed" }

# 2. Add INSTALLDIR to the system PATH (removed again on uninstall: Permanent="no").
New-Item -ItemType Directory -Force $res | Out-Null
$wxs = Get-Content -Raw "$temp\config\main.wxs"
$pathComponent = @'
    <DirectoryRef Id="INSTALLDIR">
      <Component Id="GlowCliOnPath" Guid="{8E2B6C1A-3F4D-4E5A-9B7C-1D2E3F4A5B6C}" KeyPath="yes">
        <Environment Id="GlowCliPath" Name="PATH" Value="[INSTALLDIR]" Permanent="no" Part="last" Action="set" System="yes" />
      </Component>
    </DirectoryRef>
    <FeatureRef Id="DefaultFeature">
      <ComponentRef Id="GlowCliOnPath" />
    </FeatureRef>
  </Product>
'@
if ($wxs -notmatch '</Product>' -or $wxs -notmatch 'Feature Id="DefaultFeature"') {
  throw "jpackage's main.wxs has changed shape; add the PATH component by hand"
}
$wxs.Replace("</Product>", $pathComponent) | Set-Content -Encoding UTF8 "$res\main.wxs"

# 3. The installer.
jpackage --type msi --dest target\jpackage\msi --resource-dir $res @common
if ($LASTEXITCODE -ne 0) { throw "jpackage (second run) failed" }
Remove-Item -Recurse -Force target\jpackage\msi-first
