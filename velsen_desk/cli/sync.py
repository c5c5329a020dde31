"""Commands around the shared drive: ``publish``, ``sync``, ``diff``, ``rollback`` and ``status``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from velsen_desk.cli.commands import command
from velsen_desk.cli.errors import CommandError
from velsen_desk.cli.exit_codes import EXIT_OK, EXIT_USAGE
from velsen_desk.cli.output import json_text, safe

if TYPE_CHECKING:
    from velsen_desk.sync.diff import Change


def _share_from(args: argparse.Namespace) -> Path | None:
    """The --share argument or the configured share. Raises ConfigError (unusable settings)."""
    from velsen_desk.sync.config import configured_share

    return Path(args.share) if getattr(args, "share", None) else configured_share()


@command("publish")
def publish_command(args: argparse.Namespace) -> int:
    from velsen_desk.sync.publish import publish

    result = publish(Path(args.database), Path(args.share))
    print(f"Gepubliceerd: {safe(result.path.name)} (gegevensversie {safe(result.manifest.data_version)}).")
    return EXIT_OK


@command("sync")
def sync_command(args: argparse.Namespace) -> int:
    from velsen_desk.core.paths import local_database_path
    from velsen_desk.sync.sync import sync

    share = _share_from(args)
    if share is None:
        raise CommandError("Geen gedeelde map ingesteld. Gebruik --share MAP of stel hem in via Instellingen.",
                            EXIT_USAGE)
    result = sync(share, local_database_path())
    if not result.changed:
        print(f"Al bijgewerkt: gegevensversie {safe(result.manifest.data_version)}.")
        return EXIT_OK
    print(f"Bijgewerkt naar gegevensversie {safe(result.manifest.data_version)} "
          f"(gepubliceerd {safe(result.manifest.published_at)} door {safe(result.manifest.published_by)}).")
    if result.previous is not None:
        from velsen_desk.storage.database import DatabaseError
        from velsen_desk.sync.diff import diff_databases

        try:
            changes = diff_databases(result.previous, local_database_path())
        except DatabaseError as exc:  # an old kept copy of another shape: the new data is in place all the same
            print(f"De wijzigingen sinds uw vorige versie konden niet bepaald worden: {safe(exc)}", file=sys.stderr)
            changes = []
        else:
            print(f"{len(changes)} wijziging(en) sinds uw vorige versie" + (":" if changes else "."))
        _print_changes(changes, "  ")
    return EXIT_OK


def _print_changes(changes: Sequence[Change], indent: str) -> None:
    from velsen_desk.cli.changes import change_lines
    from velsen_desk.cli.styling import styling_for

    style = styling_for(sys.stdout)
    for change in changes:
        for line in change_lines(change, style):
            print(f"{indent}{line}")


@command("diff")
def diff_command(args: argparse.Namespace) -> int:
    from velsen_desk.storage.content_check import check_database_file
    from velsen_desk.sync.diff import diff_databases

    for path in (Path(args.old), Path(args.new)):  # a hand-picked file may be of any shape or content
        check_database_file(path)
    changes = diff_databases(Path(args.old), Path(args.new))
    if not changes:
        print("Geen verschillen.")
    _print_changes(changes, "")
    return EXIT_OK


@command("rollback")
def rollback_command(args: argparse.Namespace) -> int:
    from velsen_desk.core.paths import local_database_path
    from velsen_desk.sync.rollback import choose_version, kept_versions, rollback, rollback_preview

    db = local_database_path()
    version = choose_version(kept_versions(db), args.to)
    changes, skipped = rollback_preview(db, version)
    kept_at = version.kept_at.astimezone().strftime("%d-%m-%Y %H:%M")
    print(f"Terug naar gegevensversie {safe(version.data_version)} (in gebruik tot {kept_at}).")
    print(safe(skipped) if skipped else f"{len(changes)} wijziging(en) ten opzichte van de huidige gegevens"
          + (":" if changes else "."))
    _print_changes(changes, "  ")
    if not args.yes:
        try:
            answer = input("Deze versie terugzetten? [j/N] ")
        except EOFError:  # no terminal to ask on
            raise CommandError("Niet teruggezet: bevestig met --yes.", EXIT_USAGE) from None
        if answer.strip().lower() not in ("j", "ja", "y", "yes"):
            print("Niet teruggezet.")
            return EXIT_OK
    rollback(db, version)
    print(f"Teruggezet: gegevensversie {safe(version.data_version)}. Uw notities zijn niet gewijzigd.")
    return EXIT_OK


@command("status")
def status_command(args: argparse.Namespace) -> int:
    from velsen_desk.core.paths import local_database_path
    from velsen_desk.storage.database import DatabaseError, inspect_database
    from velsen_desk.storage.local_copy import read_origin
    from velsen_desk.sync.config import ConfigError, config_path
    from velsen_desk.sync.sync import versions_dir

    db = local_database_path()
    origin = read_origin(db)
    try:
        version = inspect_database(db).data_version
    except DatabaseError:
        version = None  # no usable local copy yet: the status says "onbekend"
    try:
        share = _share_from(args)
    except ConfigError as exc:  # the status still shows everything else
        print(safe(exc, keep_newlines=True), file=sys.stderr)
        share = None
    state = {
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
        print(json_text(state))
        return EXIT_OK
    labels = {
        "database": "Lokale database", "data_version": "Gegevensversie", "origin": "Herkomst",
        "synced_at": "Laatst gesynchroniseerd", "published_at": "Gepubliceerd op",
        "previous_versions": "Vorige versies", "config": "Instellingen", "share": "Gedeelde map",
    }
    for key, label in labels.items():
        print(f"{label}: {safe(state[key] or 'onbekend')}")
    return EXIT_OK
