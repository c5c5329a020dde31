"""The ``search`` command: everything in the database, grouped by item kind or as JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from velsen_desk.cli.commands import command
from velsen_desk.cli.exit_codes import EXIT_OK
from velsen_desk.cli.language import cli_locale
from velsen_desk.cli.output import json_text, safe
from velsen_desk.cli.styling import MARK_END, MARK_START, styling_for
from velsen_desk.core.i18n import _


def _numbered_title(kind: str, number: str, title: str) -> str:
    if kind == "focusopgave":
        return _("Focusopgave {number}: {title}").format(number=number, title=title)
    return _("Actie {number}: {title}").format(number=number, title=title)


@command("search")
def search_command(args: argparse.Namespace) -> int:
    from velsen_desk.core.item_kinds import plural_label
    from velsen_desk.storage.database import ReadOnlyDatabase
    from velsen_desk.storage.local_copy import ensure_local_database
    from velsen_desk.storage.search import group_by_kind, search

    if args.database:
        from velsen_desk.storage.content_check import check_database_file

        path = Path(args.database)
        check_database_file(path)  # a hand-picked file: refused with a message rather than read and crashed on
    else:
        path = ensure_local_database().info.path
    hits = [hit.relabelled(_numbered_title)
            for hit in ReadOnlyDatabase(path).read(search, args.query, programme_id=args.programme)]
    if args.json:
        rows = []
        for hit in hits:
            title, snippet = hit.plain()
            rows.append({"kind": hit.kind, "id": hit.ref_id, "programme": hit.programme_id,
                         "title": title, "snippet": snippet})
        print(json_text(rows))
        return EXIT_OK
    if not hits:
        print(_("Geen resultaten."))
        return EXIT_OK
    style = styling_for(sys.stdout)  # bold on a terminal; no marks at all when piped
    locale = cli_locale()
    for kind, group in group_by_kind(hits).items():
        print(f"{safe(plural_label(kind, locale))} ({len(group)})")
        for hit in group:
            title, snippet = hit.plain(MARK_START, MARK_END)
            print(f"  {style.marked(title)}  [{safe(hit.ref_id)}]")
            print(f"      {style.marked(snippet)}")
    return EXIT_OK
