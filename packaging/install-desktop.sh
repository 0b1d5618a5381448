#!/usr/bin/env bash
# Add (or with --uninstall, remove) Report Viewer to the desktop menu for this user: the menu entry,
# the icon and the .rvshare.json file type. Run from the unpacked bundle folder or the checkout:
#   ./install-desktop.sh [--uninstall] [PATH-TO-report-viewer-EXECUTABLE]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/report-viewer.desktop" "$data/icons/hicolor/256x256/apps/report-viewer.png" \
        "$data/icons/hicolor/scalable/apps/report-viewer.svg" "$data/mime/packages/report-viewer-mime.xml"
  command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
  command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
  echo "Removed Report Viewer from the desktop menu (the library in your data folder is kept)."
  exit 0
fi
exe="${1:-}"
if [ -z "$exe" ]; then
  for candidate in "$here/report-viewer" "$here/../report-viewer" "$here/../dist/report-viewer/report-viewer"; do
    [ -x "$candidate" ] && [ -f "$candidate" ] && exe="$(cd "$(dirname "$candidate")" && pwd)/report-viewer" && break
  done
fi
[ -n "$exe" ] || { echo "install-desktop.sh: give the path of the report-viewer executable"; exit 2; }
resources="$here/resources"; [ -d "$resources" ] || resources="$here/_internal/resources"
[ -d "$resources" ] || resources="$here/../resources"
packaging="$here"; [ -f "$packaging/report-viewer.desktop" ] || packaging="$here/_internal/packaging"
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps" "$data/icons/hicolor/scalable/apps" "$data/mime/packages"
sed "s|@EXEC@|\"$exe\"|" "$packaging/report-viewer.desktop" > "$data/applications/report-viewer.desktop"
cp "$resources/icons/report-viewer.png" "$data/icons/hicolor/256x256/apps/report-viewer.png"
cp "$resources/icons/report-viewer.svg" "$data/icons/hicolor/scalable/apps/report-viewer.svg"
cp "$packaging/report-viewer-mime.xml" "$data/mime/packages/report-viewer-mime.xml"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v xdg-mime >/dev/null && xdg-mime default report-viewer.desktop application/x-rvshare+json || true
echo "Report Viewer is in the desktop menu; .rvshare.json files open its import preview."
