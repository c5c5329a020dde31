#!/usr/bin/env bash
# Re-extract the command line's and the domain's texts (gettext, velsen_desk/core/i18n.py) into
# resources/locale/velsen_desk.pot with Babel, update the English catalogue from it, and compile.
# Run after changing a _("…"), ngettext(…) or N_("…") text in the files packaging/babel.cfg
# lists; translate each new entry in resources/locale/en/LC_MESSAGES/velsen_desk.po (empty
# msgstr), then run this again. Commit the .pot, .po and .mo: tests/test_cli_language.py
# checks they match the code.
#
# The window's texts are Qt's: packaging/update-translations.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${PYBABEL_BIN:-.venv/bin}"
DIR="${LOCALE_DIR:-resources/locale}"  # tests compile into a temporary copy
# --omit-header: no dates or versions, so the files only change when a text does.
"$BIN/pybabel" -q extract -F packaging/babel.cfg --no-location --sort-output --omit-header \
    -k _ -k N_ -k ngettext:1,2 -o "$DIR/velsen_desk.pot" .
if [ ! -f "$DIR/en/LC_MESSAGES/velsen_desk.po" ]; then
    "$BIN/pybabel" -q init -D velsen_desk -i "$DIR/velsen_desk.pot" -d "$DIR" -l en
fi
"$BIN/pybabel" -q update -D velsen_desk -i "$DIR/velsen_desk.pot" -d "$DIR" -l en \
    --no-fuzzy-matching --ignore-obsolete
"$BIN/pybabel" -q compile -D velsen_desk -d "$DIR" -l en
if grep -Pzq 'msgstr ""\n\n|msgstr\[\d\] ""\n\n|msgstr ""\n$' "$DIR/en/LC_MESSAGES/velsen_desk.po"; then
    echo "Untranslated texts remain (empty msgstr) in $DIR/en/LC_MESSAGES/velsen_desk.po" >&2
    exit 1
fi
