#!/usr/bin/env bash
# Re-extract the window's texts into the catalogues and compile them: run after changing any
# text in velsen_desk/ui/, translate what Qt Linguist (or an editor) shows as unfinished in
# velsen_desk_en.ts (and the plural forms in velsen_desk_nl.ts), then run this again to compile.
#
#   velsen_desk_en.ts  every text, in English
#   velsen_desk_nl.ts  only the texts with a count (%n): their Dutch singular and plural forms
#
# Both .ts and .qm files are committed: a fresh checkout and the PyInstaller build (which bundles
# resources/ whole) need the .qm files, and tests/test_translations.py checks they match the .ts.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${PYSIDE6_BIN:-.venv/bin}"
DIR="${TRANSLATIONS_DIR:-resources/translations}"  # tests compile into a temporary copy
mapfile -t SOURCES < <(find velsen_desk/ui -name '*.py' | LC_ALL=C sort)

# -tr-function-alias: the modules' bare _tr("…") helpers translate in the empty context, which is
#   where lupdate files a tr() call outside a class.
# -locations none: no line numbers, so the catalogues only change when a text does.
# -no-obsolete: a text removed from the code leaves the catalogue.
LUPDATE=("$BIN/pyside6-lupdate" -tr-function-alias "tr+=_tr" -locations none -no-obsolete -source-language nl_NL)
"${LUPDATE[@]}" -target-language en_GB "${SOURCES[@]}" -ts "$DIR/velsen_desk_en.ts"
"${LUPDATE[@]}" -target-language nl_NL -pluralonly "${SOURCES[@]}" -ts "$DIR/velsen_desk_nl.ts"

for lang in en nl; do
    "$BIN/pyside6-lrelease" -silent "$DIR/velsen_desk_$lang.ts" -qm "$DIR/velsen_desk_$lang.qm"
done
if grep -q 'type="unfinished"' "$DIR"/velsen_desk_*.ts; then
    echo "Untranslated texts remain (type=\"unfinished\") in:" >&2
    grep -l 'type="unfinished"' "$DIR"/velsen_desk_*.ts >&2
    exit 1
fi
