"""Commands that make files without a display: ``report`` (PDF) and ``screenshot`` (PNG)."""

from __future__ import annotations

import argparse
from pathlib import Path

from velsen_desk.cli.commands import command
from velsen_desk.cli.errors import CommandError
from velsen_desk.cli.exit_codes import EXIT_OK, EXIT_USAGE
from velsen_desk.cli.output import safe
from velsen_desk.core.i18n import _, ngettext


@command("report")
def report_command(args: argparse.Namespace) -> int:
    from velsen_desk.reports.request import ReportError, ReportRequest
    from velsen_desk.reports.service import generate_report

    if args.database:  # a hand-picked file is checked as a synced one is, before a report reads it
        from velsen_desk.core.paths import user_cache_dir
        from velsen_desk.storage.content_check import check_database_file

        # the same bytes checked before (budget, then annex of one file) need only their digest
        check_database_file(Path(args.database), checked=user_cache_dir() / "gecontroleerd")
    request = ReportRequest(
        kind=args.kind,
        output=Path(args.output),
        programme=args.programme,
        person=args.person,
        meeting=args.meeting,
        date=args.date,
        agenda_item=args.agenda_item,
        items=tuple(i.strip() for i in args.items.split(",") if i.strip()) if args.items else (),
        database=Path(args.database) if args.database else None,
        flagged_only=args.flagged,
        peildatum=args.peildatum,
    )
    try:
        result = generate_report(request)
    except ReportError as exc:
        # A required option left out is a usage error (exit 2, as README promises), like a missing
        # argument; a given one that names nobody stays a data error.
        if exc.field in ("meeting", "person") and not getattr(args, exc.field):
            raise CommandError(str(exc), EXIT_USAGE) from exc
        raise
    pages = ngettext("{n} pagina", "{n} pagina's", result.pages).format(n=result.pages)
    print(_("Rapport opgeslagen: {path} ({pages}).").format(path=safe(result.path), pages=pages))
    return EXIT_OK


@command("screenshot")
def screenshot_command(args: argparse.Namespace) -> int:
    from velsen_desk.ui.screenshot import take_screenshot

    return take_screenshot(
        tab=args.tab, person=args.person, programme=args.programme, size=args.size, output=Path(args.output),
        window_language=args.window_language,
    )
