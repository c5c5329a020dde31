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

from velsen_desk.cli import (  # noqa: F401  (they register their commands)
    argparse_nl,
    data,
    log_setup,
    progress,
    reports,
    search,
    server,
    sync,
    workbook,
)
from velsen_desk.cli.collection import fewer_collections
from velsen_desk.cli.commands import COMMANDS
from velsen_desk.cli.errors import run_handler
from velsen_desk.cli.exit_codes import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_NO_DESKTOP, EXIT_OK
from velsen_desk.cli.language import add_language_option, language_from_arguments
from velsen_desk.cli.programmes import programme_help
from velsen_desk.core.i18n import _, language, use_language


def build_parser() -> argparse.ArgumentParser:
    """The parser in the language spoken now (:func:`velsen_desk.core.i18n.use_language`)."""
    # Before the parser exists: its section titles are translated when made.
    if language() == "nl":
        argparse_nl.install()
    else:
        argparse_nl.uninstall()  # argparse's own English
    parser = argparse.ArgumentParser(
        prog="velsen-desk",
        description=_("Velsen Desk: het raadsprogramma, de portefeuilles en het Actieplan Velsen-Noord, offline."),
    )
    add_language_option(parser)
    parser.add_argument("--verbose", action="store_true",
                        help=_("toon ook de logregels op de terminal (ze staan altijd in het logbestand)"))
    sub = parser.add_subparsers(dest="command", metavar=_("OPDRACHT"))

    validate = sub.add_parser("validate", help=_("controleer gegevensbestanden (YAML)"))
    validate.add_argument("paths", nargs="+", metavar=_("PAD"), help=_("bestanden of mappen"))
    validate.add_argument("--sources", metavar=_("MAP"), help=_("map met de brontekstbestanden"))

    build = sub.add_parser("build-db", help=_("bouw de SQLite-database uit de gegevensbestanden"))
    build.add_argument("-o", "--output", required=True, metavar=_("BESTAND"))
    build.add_argument("paths", nargs="*", metavar=_("PAD"), help=_("standaard: de meegeleverde gegevens"))
    build.add_argument("--sources", metavar=_("MAP"), help=_("map met de brontekstbestanden"))
    pub = sub.add_parser("publish", help=_("publiceer een database op de gedeelde map (griffie)"))
    pub.add_argument("database", metavar="DB", nargs="?")
    pub.add_argument("--from", dest="from_url", metavar="URL", help=_("bouw uit de centrale server in plaats van DB"))
    pub.add_argument("--as", dest="connect_as", metavar=_("NAAM"), help=_("verbind als deze gebruiker (bij --from)"))
    pub.add_argument("--sources", metavar=_("MAP"), help=_("map met de brontekstbestanden (bij --from)"))
    pub.add_argument("--share", required=True, metavar=_("MAP"))

    syn = sub.add_parser("sync", help=_("haal de gepubliceerde gegevens op naar deze laptop"))
    syn.add_argument("--share", metavar=_("MAP"), help=_("standaard: de ingestelde gedeelde map"))

    dif = sub.add_parser("diff", help=_("toon wat er veranderd is tussen twee databases"))
    dif.add_argument("old", metavar=_("OUD.sqlite"))
    dif.add_argument("new", metavar=_("NIEUW.sqlite"))

    back = sub.add_parser("rollback", help=_("zet een vorige, bewaarde versie van de gegevens terug"))
    back.add_argument("--to", metavar=_("VERSIE"),
                      help=_("gegevensversie (begin, minstens 4 tekens); standaard de vorige"))
    back.add_argument("--yes", action="store_true", help=_("niet om bevestiging vragen"))

    stat = sub.add_parser("status", help=_("toon waar de gegevens staan en welke versie open is"))
    stat.add_argument("--json", action="store_true")
    stat.add_argument("--share", metavar=_("MAP"))

    find = sub.add_parser("search", help=_("zoek in alle gegevens"))
    find.add_argument("query", metavar=_("ZOEKTEKST"))
    find.add_argument("--json", action="store_true")
    find.add_argument("--programme", metavar="ID", help=programme_help(_("alleen in dit programma")))
    find.add_argument("--database", metavar=_("BESTAND"), help=_("standaard: de lokale database"))

    progress.add_parser(sub)

    from velsen_desk.core.report_kinds import REPORT_KIND_IDS

    report = sub.add_parser("report", help=_("maak een PDF-rapport (zonder scherm)"))
    report.add_argument("kind", choices=REPORT_KIND_IDS, metavar=_("SOORT"),
                        help=_("het soort rapport: {kinds}").format(kinds="{" + ", ".join(REPORT_KIND_IDS) + "}"))
    report.add_argument("-o", "--output", required=True, metavar=_("BESTAND.pdf"), help=_("waar de PDF komt"))
    report.add_argument("--programme", metavar="ID", help=programme_help(_("standaard velsen-2022")))
    report.add_argument("--person", metavar=_("NAAM"), help=_("collegelid (voor regie)"))
    report.add_argument("--meeting", metavar=_("TITEL"), help=_("vergadering (voor annex)"))
    report.add_argument("--date", metavar=_("JJJJ-MM-DD"), help=_("datum van de vergadering (voor annex)"))
    report.add_argument("--agenda-item", metavar="N", help=_("agendapunt (voor annex)"))
    report.add_argument("--items", metavar=_("LIJST"), help=_("onderdelen, bv. themes,portfolio,budget,timeline"))
    report.add_argument("--database", metavar=_("BESTAND"), help=_("standaard: de lokale database"))
    report.add_argument("--flagged", action="store_true", help=_("brief: alleen punten 'bespreken in vergadering'"))
    report.add_argument("--peildatum", metavar=_("JJJJ-MM-DD"),
                        help=_("voortgang: de stand op deze dag; standaard vandaag"))

    shot = sub.add_parser("screenshot", help=_("maak een schermafbeelding van het venster (zonder scherm)"))
    shot.add_argument("--tab", choices=["themes", "portfolio", "budget", "timeline", "progress"], default="themes")
    shot.add_argument("--person", metavar=_("NAAM"), help=_("bekijk als dit collegelid"))
    shot.add_argument("--programme", metavar="ID", help=programme_help(_("standaard velsen-2022")))
    shot.add_argument("--size", default="1600x1000", metavar=_("BxH"))
    shot.add_argument("-o", "--output", required=True, metavar=_("BESTAND.png"))
    shot.add_argument("--language", dest="window_language", choices=("nl", "en"),
                      help=_("taal van het venster op de afbeelding; standaard de taal die in het venster is "
                             "gekozen, anders Nederlands (de instelling blijft zoals ze is)"))
    workbook.add_workbook_commands(sub)
    server.add_server_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    use_language(language_from_arguments(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    log_setup.configure_logging(args.verbose)  # the log file; the terminal only with --verbose
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
        with fewer_collections():
            return run_handler(entry.handler, args, entry.after_data_error)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # output piped into `head` or a pager that quit: not an error of ours
        _silence_stdout()
        return EXIT_OK
    except Exception:  # last resort: the user gets a sentence, the log file gets the details
        log_file = _log_to_file()
        logging.getLogger("velsen_desk").exception("unexpected error in %s", args.command)
        where = (_("De details staan in {log_file}; stuur dat bestand naar de griffie.").format(log_file=log_file)
                 if log_file is not None else _("De details konden niet in een logbestand worden bewaard."))
        print(_("Er ging iets onverwachts mis bij '{command}'. Er is niets gewijzigd.").format(command=args.command)
              + f" {where}", file=sys.stderr)
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
    """The log file, made now; None when it cannot be (see :func:`log_setup.log_to_file`)."""
    return log_setup.log_to_file()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
