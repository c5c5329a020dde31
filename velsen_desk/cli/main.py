"""Command line: ``velsen-desk [COMMAND]``. Without a command the window opens.

This module builds the parser and dispatches; the commands live in ``data``, ``reports``,
``sync`` and ``search``, their error reporting in ``errors`` and the exit statuses in
``exit_codes``.

Every command works without a display. Errors end in a plain Dutch message and a non-zero
exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from velsen_desk.cli import argparse_nl, data, progress, reports, search, sync  # noqa: F401  (they register their commands)
from velsen_desk.cli.commands import COMMANDS
from velsen_desk.cli.errors import run_handler
from velsen_desk.cli.exit_codes import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_NO_DESKTOP, EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    argparse_nl.install()  # before the parser exists: its section titles are translated when made
    parser = argparse.ArgumentParser(
        prog="velsen-desk",
        description="Velsen Desk: het raadsprogramma, de portefeuilles en het Actieplan Velsen-Noord, offline.",
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")

    validate = sub.add_parser("validate", help="controleer gegevensbestanden (YAML)")
    validate.add_argument("paths", nargs="+", metavar="PAD", help="bestanden of mappen")
    validate.add_argument("--sources", metavar="MAP", help="map met de brontekstbestanden")

    build = sub.add_parser("build-db", help="bouw de SQLite-database uit de gegevensbestanden")
    build.add_argument("-o", "--output", required=True, metavar="BESTAND")
    build.add_argument("paths", nargs="*", metavar="PAD", help="standaard: de meegeleverde gegevens")
    build.add_argument("--sources", metavar="MAP", help="map met de brontekstbestanden")
    pub = sub.add_parser("publish", help="publiceer een database op de gedeelde map (griffie)")
    pub.add_argument("database", metavar="DB")
    pub.add_argument("--share", required=True, metavar="MAP")

    syn = sub.add_parser("sync", help="haal de gepubliceerde gegevens op naar deze laptop")
    syn.add_argument("--share", metavar="MAP", help="standaard: de ingestelde gedeelde map")

    dif = sub.add_parser("diff", help="toon wat er veranderd is tussen twee databases")
    dif.add_argument("old", metavar="OUD.sqlite")
    dif.add_argument("new", metavar="NIEUW.sqlite")

    back = sub.add_parser("rollback", help="zet een vorige, bewaarde versie van de gegevens terug")
    back.add_argument("--to", metavar="VERSIE", help="gegevensversie (begin, minstens 4 tekens); standaard de vorige")
    back.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")

    stat = sub.add_parser("status", help="toon waar de gegevens staan en welke versie open is")
    stat.add_argument("--json", action="store_true")
    stat.add_argument("--share", metavar="MAP")

    find = sub.add_parser("search", help="zoek in alle gegevens")
    find.add_argument("query", metavar="ZOEKTEKST")
    find.add_argument("--json", action="store_true")
    find.add_argument("--programme", metavar="ID")
    find.add_argument("--database", metavar="BESTAND", help="standaard: de lokale database")

    progress.add_parser(sub)

    from velsen_desk.core.report_kinds import REPORT_KIND_IDS

    report = sub.add_parser("report", help="maak een PDF-rapport (zonder scherm)")
    report.add_argument("kind", choices=REPORT_KIND_IDS)
    report.add_argument("-o", "--output", required=True, metavar="BESTAND.pdf")
    report.add_argument("--programme", metavar="ID", help="programma-id, standaard velsen-2022")
    report.add_argument("--person", metavar="NAAM", help="collegelid (voor regie)")
    report.add_argument("--meeting", metavar="TITEL", help="vergadering (voor annex)")
    report.add_argument("--date", metavar="JJJJ-MM-DD", help="datum van de vergadering (voor annex)")
    report.add_argument("--agenda-item", metavar="N", help="agendapunt (voor annex)")
    report.add_argument("--items", metavar="LIJST", help="onderdelen, bv. themes,portfolio,budget,timeline")
    report.add_argument("--database", metavar="BESTAND", help="standaard: de lokale database")
    report.add_argument("--flagged", action="store_true", help="brief: alleen punten 'bespreken in vergadering'")
    report.add_argument("--peildatum", metavar="JJJJ-MM-DD", help="voortgang: de stand op deze dag; standaard vandaag")

    shot = sub.add_parser("screenshot", help="maak een schermafbeelding van het venster (zonder scherm)")
    shot.add_argument("--tab", choices=["themes", "portfolio", "budget", "timeline", "progress"], default="themes")
    shot.add_argument("--person", metavar="NAAM", help="bekijk als dit collegelid")
    shot.add_argument("--programme", metavar="ID", help="programma-id, bv. heemskerk-2018")
    shot.add_argument("--size", default="1600x1000", metavar="BxH")
    shot.add_argument("-o", "--output", required=True, metavar="BESTAND.png")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from velsen_desk.cli.desktop_check import check_desktop

        problem = check_desktop()
        if problem is not None:  # before Qt loads its platform plugin, which would abort the process
            print(problem.message, file=sys.stderr)
            return EXIT_NO_DESKTOP
        from velsen_desk.ui.app import run_app

        return run_app()
    entry = COMMANDS[args.command]
    try:
        return run_handler(entry.handler, args, entry.after_data_error)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # output piped into `head` or a pager that quit: not an error of ours
        _silence_stdout()
        return EXIT_OK
    except Exception:  # last resort: the user gets a sentence, the log file gets the details
        log_file = _log_to_file()
        logging.getLogger("velsen_desk").exception("unexpected error in %s", args.command)
        where = (f"De details staan in {log_file}; stuur dat bestand naar de griffie." if log_file is not None
                 else "De details konden niet in een logbestand worden bewaard.")
        print(f"Er ging iets onverwachts mis bij '{args.command}'. Er is niets gewijzigd. {where}", file=sys.stderr)
        return EXIT_INTERNAL


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's final flush does not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (captured output): nothing to flush
        pass


def _log_to_file() -> Path | None:
    """Send the log to the user's log folder; None when that folder or file cannot be made
    (the last-resort handler must still print its sentence, never fail itself)."""
    import platformdirs

    from velsen_desk.core.paths import APP_AUTHOR, APP_NAME

    try:
        log_dir = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
        log_dir.mkdir(parents=True, exist_ok=True)
        log_file = log_dir / "velsen-desk.log"
        handler = logging.FileHandler(log_file, encoding="utf-8")
    except (OSError, ValueError):  # ValueError: a NUL or surrogate in the configured folder name
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    return log_file


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
