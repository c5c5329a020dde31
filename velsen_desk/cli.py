"""Command line: ``velsen-desk [COMMAND]``. Without a command the window opens.

Every command works without a display. Errors end in a plain Dutch message and a non-zero
exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

EXIT_OK = 0
EXIT_DATA_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

Handler = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        _COMMANDS[name] = handler
        return handler

    return register


def _print_problems(problems: Sequence[object]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} probleem/problemen gevonden.", file=sys.stderr)


@command("validate")
def _validate(args: argparse.Namespace) -> int:
    from velsen_desk.data.loader import data_files, load_dataset
    from velsen_desk.data.problems import DataError

    paths = [Path(p) for p in args.paths]
    try:
        dataset = load_dataset(paths, sources=Path(args.sources) if args.sources else None)
    except DataError as exc:
        _print_problems(exc.problems)
        return EXIT_DATA_ERROR
    files = data_files(paths)
    total = sum(len(records) for records in dataset.collections.values())
    print(f"In orde: {len(files)} bestand(en), {total} records, gegevensversie {dataset.version()}.")
    return EXIT_OK


@command("build-db")
def _build_db(args: argparse.Namespace) -> int:
    from velsen_desk.build import build_database
    from velsen_desk.data.loader import load_dataset
    from velsen_desk.data.problems import DataError
    from velsen_desk.paths import bundled_data_dir

    paths = [Path(p) for p in args.paths] or [bundled_data_dir()]
    try:
        dataset = load_dataset(paths, sources=Path(args.sources) if args.sources else None)
    except DataError as exc:
        _print_problems(exc.problems)
        print("De database is niet gebouwd; een bestaand bestand is niet aangeraakt.", file=sys.stderr)
        return EXIT_DATA_ERROR
    try:
        result = build_database(dataset, Path(args.output))
    except OSError as exc:
        print(f"Kan {args.output} niet schrijven: {exc.strerror or exc}.", file=sys.stderr)
        return EXIT_DATA_ERROR
    print(f"Database gebouwd: {result.path} (gegevensversie {result.data_version}).")
    return EXIT_OK


@command("screenshot")
def _screenshot(args: argparse.Namespace) -> int:
    from velsen_desk.ui.screenshot import take_screenshot

    return take_screenshot(
        tab=args.tab, person=args.person, programme=args.programme, size=args.size, output=Path(args.output)
    )


def build_parser() -> argparse.ArgumentParser:
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
    shot = sub.add_parser("screenshot", help="maak een schermafbeelding van het venster (zonder scherm)")
    shot.add_argument("--tab", choices=["themes", "portfolio", "budget", "timeline"], default="themes")
    shot.add_argument("--person", metavar="NAAM", help="bekijk als dit collegelid")
    shot.add_argument("--programme", metavar="ID", help="programma-id, bv. heemskerk-2018")
    shot.add_argument("--size", default="1600x1000", metavar="BxH")
    shot.add_argument("-o", "--output", required=True, metavar="BESTAND.png")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from velsen_desk.ui.app import run_app

        return run_app()
    try:
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except Exception:  # last resort: the user gets a sentence, the log file gets the details
        log_file = _log_to_file()
        logging.getLogger("velsen_desk").exception("unexpected error in %s", args.command)
        print(
            f"Er ging iets onverwachts mis bij '{args.command}'. Er is niets gewijzigd. "
            f"De details staan in {log_file}; stuur dat bestand naar de griffie.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _log_to_file() -> Path:
    import platformdirs

    from velsen_desk.paths import APP_AUTHOR, APP_NAME

    log_dir = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "velsen-desk.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    return log_file


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
