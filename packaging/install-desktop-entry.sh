#!/usr/bin/env bash
# Installs this one-folder Velsen Desk for the current user on Linux: the program folder under
# ~/.local/opt/velsen-desk, a launcher (.desktop) in the desktop's application menu and its icon.
# Run it from the unpacked folder: ./install-desktop-entry.sh   (no administrator rights needed)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
target=${VELSEN_DESK_INSTALL_DIR:-$HOME/.local/opt/velsen-desk}

if [ "$here" != "$target" ]; then
    mkdir -p "$(dirname "$target")"
    rm -rf "$target.new"
    cp -a "$here" "$target.new"
    rm -rf "$target"
    mv "$target.new" "$target"
fi
for size in 16 32 48 64 128 256; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$target/_internal/resources/icons/velsen-desk-$size.png" "$data/icons/hicolor/${size}x${size}/apps/velsen-desk.png"
done
mkdir -p "$data/applications"
sed "s|@EXEC@|$target/velsen-desk|" "$target/velsen-desk.desktop.in" > "$data/applications/velsen-desk.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
echo "Velsen Desk staat nu in het programmamenu (Kantoor). Programma: $target/velsen-desk"
