"""Fill empty entries of a .po catalogue from a JSON file {msgid: msgstr, or [singular, plural]}.

A helper for translators working without Poedit: ``python packaging/fill_po.py PO JSON``.
Entries that already have a translation are left as they are; the ids still empty are printed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def main(po_path: str, json_path: str) -> int:
    translations = json.loads(Path(json_path).read_text(encoding="utf-8"))
    with open(po_path, "rb") as f:
        catalog = read_po(f, locale="en")
    # A header pybabel compile accepts (not fuzzy) that names the language and its plural rule.
    catalog.fuzzy = False
    catalog.project, catalog.version = "Velsen Desk", ""
    catalog.copyright_holder, catalog.msgid_bugs_address = "", ""
    catalog.last_translator = catalog.language_team = ""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        filled = all(message.string) if isinstance(message.string, tuple) else bool(message.string)
        if filled:
            continue
        if key in translations:
            value = translations[key]
            message.string = tuple(value) if isinstance(message.id, tuple) else value
        else:
            missing.append(key)
    with open(po_path, "wb") as f:
        write_po(f, catalog, omit_header=False, sort_output=True, no_location=True, width=100)
    for key in missing:
        print(f"untranslated: {key!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
