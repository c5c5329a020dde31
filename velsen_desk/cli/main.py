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
    from velsen_desk.curation.loader import data_files, load_dataset
    from velsen_desk.curation.problems import DataError

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
    from velsen_desk.core.paths import bundled_data_dir
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.curation.problems import DataError
    from velsen_desk.storage.build import build_database

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


@command("report")
def _report(args: argparse.Namespace) -> int:
    from velsen_desk.reports.service import ReportError, ReportRequest, generate_report

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
    )
    try:
        result = generate_report(request)
    except ReportError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_DATA_ERROR
    print(f"Rapport opgeslagen: {result.path} ({result.pages} pagina's).")
    return EXIT_OK


def _share_from(args: argparse.Namespace) -> Path | None:
    from velsen_desk.sync.config import configured_share

    return Path(args.share) if getattr(args, "share", None) else configured_share()


@command("publish")
def _publish(args: argparse.Namespace) -> int:
    from velsen_desk.sync.publish import PublishError, publish

    try:
        result = publish(Path(args.database), Path(args.share))
    except PublishError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_DATA_ERROR
    print(f"Gepubliceerd: {result.path.name} (gegevensversie {result.manifest.data_version}).")
    return EXIT_OK


@command("sync")
def _sync(args: argparse.Namespace) -> int:
    from velsen_desk.core.paths import local_database_path
    from velsen_desk.sync.sync import SyncError, sync

    share = _share_from(args)
    if share is None:
        print("Geen gedeelde map ingesteld. Gebruik --share MAP of stel hem in via Instellingen.", file=sys.stderr)
        return EXIT_USAGE
    try:
        result = sync(share, local_database_path())
    except SyncError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_DATA_ERROR
    if not result.changed:
        print(f"Al bijgewerkt: gegevensversie {result.manifest.data_version}.")
        return EXIT_OK
    print(f"Bijgewerkt naar gegevensversie {result.manifest.data_version} "
          f"(gepubliceerd {result.manifest.published_at} door {result.manifest.published_by}).")
    if result.previous is not None:
        from velsen_desk.sync.diff import diff_databases

        changes = diff_databases(result.previous, local_database_path())
        print(f"{len(changes)} wijziging(en) sinds uw vorige versie" + (":" if changes else "."))
        for change in changes:
            print(f"  {change}")
    return EXIT_OK


@command("diff")
def _diff(args: argparse.Namespace) -> int:
    from velsen_desk.storage.database import DatabaseError
    from velsen_desk.sync.diff import diff_databases

    try:
        changes = diff_databases(Path(args.old), Path(args.new))
    except DatabaseError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_DATA_ERROR
    if not changes:
        print("Geen verschillen.")
    for change in changes:
        print(change)
    return EXIT_OK


@command("status")
def _status(args: argparse.Namespace) -> int:
    import json

    from velsen_desk.core.paths import local_database_path
    from velsen_desk.storage.database import DatabaseError, inspect_database
    from velsen_desk.storage.local_copy import read_origin
    from velsen_desk.sync.config import config_path
    from velsen_desk.sync.sync import versions_dir

    db = local_database_path()
    origin = read_origin(db)
    try:
        version = inspect_database(db).data_version
    except DatabaseError:
        version = None
    share = _share_from(args)
    status = {
        "database": str(db),
        "data_version": version,
        "origin": origin.get("origin"),
        "synced_at": origin.get("synced_at"),
        "published_at": origin.get("published_at"),
        "previous_versions": str(versions_dir(db)),
        "config": str(config_path()),
        "share": str(share) if share else None,
    }
    if args.json:
        print(json.dumps(status, indent=2, ensure_ascii=False))
        return EXIT_OK
    labels = {
        "database": "Lokale database", "data_version": "Gegevensversie", "origin": "Herkomst",
        "synced_at": "Laatst gesynchroniseerd", "published_at": "Gepubliceerd op",
        "previous_versions": "Vorige versies", "config": "Instellingen", "share": "Gedeelde map",
    }
    for key, label in labels.items():
        print(f"{label}: {status[key] or 'onbekend'}")
    return EXIT_OK


@command("search")
def _search(args: argparse.Namespace) -> int:
    import json

    from velsen_desk.storage.database import DatabaseError, ReadOnlyDatabase
    from velsen_desk.storage.local_copy import ensure_local_database
    from velsen_desk.storage.search import KIND_LABELS, group_by_kind, search

    try:
        path = Path(args.database) if args.database else ensure_local_database().info.path
        database = ReadOnlyDatabase(path)
    except DatabaseError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_DATA_ERROR
    hits = database.read(search, args.query, programme_id=args.programme)
    if args.json:
        rows = []
        for hit in hits:
            title, snippet = hit.plain()
            rows.append({"kind": hit.kind, "id": hit.ref_id, "programme": hit.programme_id,
                         "title": title, "snippet": snippet})
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not hits:
        print("Geen resultaten.")
        return EXIT_OK
    for kind, group in group_by_kind(hits).items():
        print(f"{KIND_LABELS.get(kind, kind)} ({len(group)})")
        for hit in group:
            title, snippet = hit.plain("**", "**")
            print(f"  {title}  [{hit.ref_id}]")
            print(f"      {snippet}")
    return EXIT_OK


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
    pub = sub.add_parser("publish", help="publiceer een database op de gedeelde map (griffie)")
    pub.add_argument("database", metavar="DB")
    pub.add_argument("--share", required=True, metavar="MAP")

    syn = sub.add_parser("sync", help="haal de gepubliceerde gegevens op naar deze laptop")
    syn.add_argument("--share", metavar="MAP", help="standaard: de ingestelde gedeelde map")

    dif = sub.add_parser("diff", help="toon wat er veranderd is tussen twee databases")
    dif.add_argument("old", metavar="OUD.sqlite")
    dif.add_argument("new", metavar="NIEUW.sqlite")

    stat = sub.add_parser("status", help="toon waar de gegevens staan en welke versie open is")
    stat.add_argument("--json", action="store_true")
    stat.add_argument("--share", metavar="MAP")

    find = sub.add_parser("search", help="zoek in alle gegevens")
    find.add_argument("query", metavar="ZOEKTEKST")
    find.add_argument("--json", action="store_true")
    find.add_argument("--programme", metavar="ID")
    find.add_argument("--database", metavar="BESTAND", help="standaard: de lokale database")

    report = sub.add_parser("report", help="maak een PDF-rapport (zonder scherm)")
    report.add_argument("kind", choices=["themes", "regie", "portfolio", "budget", "timeline", "annex", "brief"])
    report.add_argument("-o", "--output", required=True, metavar="BESTAND.pdf")
    report.add_argument("--programme", metavar="ID", help="programma-id, standaard velsen-2022")
    report.add_argument("--person", metavar="NAAM", help="collegelid (voor regie)")
    report.add_argument("--meeting", metavar="TITEL", help="vergadering (voor annex)")
    report.add_argument("--date", metavar="JJJJ-MM-DD", help="datum van de vergadering (voor annex)")
    report.add_argument("--agenda-item", metavar="N", help="agendapunt (voor annex)")
    report.add_argument("--items", metavar="LIJST", help="onderdelen, bv. themes,portfolio,budget,timeline")
    report.add_argument("--database", metavar="BESTAND", help="standaard: de lokale database")
    report.add_argument("--flagged", action="store_true", help="brief: alleen punten 'bespreken in vergadering'")

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

    from velsen_desk.core.paths import APP_AUTHOR, APP_NAME

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
