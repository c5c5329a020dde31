#!/usr/bin/env bash
# Build dist/velsen-desk with PyInstaller from a clean checkout, then smoke-test the frozen program
# headless. Exits non-zero on the first failure. Needs python3 (>= 3.11), qpdf and pdffonts
# (Debian: qpdf poppler-utils) and Qt's runtime libraries (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

PYTHON=${PYTHON:-python3}
VENV=${VENV:-build/venv-installer}  # not .venv (a developer's own); build/ is git-ignored
PYINSTALLER=${PYINSTALLER:-pyinstaller==6.22.3}  # the version build_installer.spec was tested with

for tool in qpdf pdffonts; do
    command -v "$tool" >/dev/null || { echo "ERROR: $tool is missing (Debian: apt-get install qpdf poppler-utils)." >&2; exit 1; }
done

"$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip
"$VENV/bin/pip" install -q . "$PYINSTALLER"

start=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --clean build_installer.spec
# The Linux launcher: a .desktop template and the script that installs it for the user.
cp packaging/velsen-desk.desktop.in packaging/install-desktop-entry.sh dist/velsen-desk/
echo "Build: $(( $(date +%s) - start )) s, $(du -sh dist/velsen-desk | cut -f1)"

# Smoke checks. A fresh HOME so no local database, snapshot or setting of this machine is used;
# another working directory so nothing can come from the source tree. Outputs stay for CI artifacts.
app=$root/dist/velsen-desk/velsen-desk
work=$root/build/smoke
rm -rf "$work"
mkdir -p "$work/home"
export HOME=$work/home QT_QPA_PLATFORM=offscreen
unset VELSEN_DESK_RESOURCES XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_STATE_HOME
cd "$work"

check() {  # check NAME COMMAND...: fails on a non-zero exit or a traceback on stderr
    local name=$1
    shift
    echo "== $name: $*"
    if ! "$@" >"$name.out" 2>"$name.err"; then
        cat "$name.out" "$name.err" >&2
        echo "ERROR: $name failed." >&2
        exit 1
    fi
    # A failed chart import (pyqtgraph) still exits 0 with a placeholder; its traceback goes to stderr.
    if grep -qE "Traceback|No module named|kon niet geladen" "$name.err"; then
        cat "$name.err" >&2
        echo "ERROR: $name wrote an error to stderr." >&2
        exit 1
    fi
    head -n 5 "$name.out"
}

check validate "$app" validate "$root/dist/velsen-desk/_internal/resources/data"

check screenshot "$app" screenshot --tab budget --size 1280x720 -o "$work/budget.png"
"$PYTHON" - "$work/budget.png" <<'PY'
import struct, sys
head = open(sys.argv[1], "rb").read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == (1280, 720), "not a 1280x720 PNG"
PY

check report "$app" report annex --meeting Raadsvergadering --date 2024-03-14 --agenda-item 7 -o "$work/annex.pdf"
check qpdf qpdf --check "$work/annex.pdf"
check pdffonts pdffonts "$work/annex.pdf"
grep -q "DejaVuSans" pdffonts.out || { echo "ERROR: no DejaVu font in annex.pdf." >&2; exit 1; }
if awk 'NR > 2 && $(NF-4) != "yes"' pdffonts.out | grep -q .; then
    echo "ERROR: annex.pdf has fonts that are not embedded." >&2
    exit 1
fi

check search "$app" search woning
grep -qi "woning" search.out || { echo "ERROR: searching for 'woning' found nothing." >&2; exit 1; }

check install-desktop-entry env VELSEN_DESK_INSTALL_DIR="$work/home/opt/velsen-desk" \
    "$root/dist/velsen-desk/install-desktop-entry.sh"
entry=$work/home/.local/share/applications/velsen-desk.desktop
grep -qx "Exec=$work/home/opt/velsen-desk/velsen-desk" "$entry" || { echo "ERROR: launcher has a wrong Exec." >&2; exit 1; }
test -x "$work/home/opt/velsen-desk/velsen-desk" || { echo "ERROR: installed program missing." >&2; exit 1; }
test -s "$work/home/.local/share/icons/hicolor/48x48/apps/velsen-desk.png" || { echo "ERROR: icon missing." >&2; exit 1; }
if command -v desktop-file-validate >/dev/null; then check desktop-file-validate desktop-file-validate "$entry"; fi

echo "All checks passed: $(dirname "$app")"
