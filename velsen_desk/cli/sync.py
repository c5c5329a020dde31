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
from velsen_desk.cli.language import cli_locale
from velsen_desk.cli.output import json_text, safe
from velsen_desk.core.i18n import _, ngettext

if TYPE_CHECKING:
    from velsen_desk.sync.diff import Change


def _share_from(args: argparse.Namespace) -> Path | None:
    """The --share argument or the configured share. Raises ConfigError (unusable settings)."""
    from velsen_desk.sync.config import configured_share

    return Path(args.share) if getattr(args, "share", None) else configured_share()


@command("publish")
def publish_command(args: argparse.Namespace) -> int:
    from velsen_desk.sync.publish import publish

    if (args.database is None) == (getattr(args, "from_url", None) is None):
        raise CommandError(_("Noem de database (DB) of de server (--from URL), één van de twee."), EXIT_USAGE)
    if args.from_url is not None:
        from velsen_desk.cli.server import publish_from_server

        return publish_from_server(args.from_url, Path(args.share), args.connect_as,
                                   Path(args.sources) if args.sources else None)
    result = publish(Path(args.database), Path(args.share))
    print(_("Gepubliceerd: {name} (gegevensversie {version}).").format(
        name=safe(result.path.name), version=safe(result.manifest.data_version)))
    return EXIT_OK


@command("sync")
def sync_command(args: argparse.Namespace) -> int:
    from velsen_desk.core.paths import local_database_path
    from velsen_desk.sync.sync import sync

    share = _share_from(args)
    if share is None:
        raise CommandError(_("Geen gedeelde map ingesteld. Gebruik --share MAP of stel hem in via Instellingen."),
                           EXIT_USAGE)
    result = sync(share, local_database_path())
    if not result.changed:
        print(_("Al bijgewerkt: gegevensversie {version}.").format(version=safe(result.manifest.data_version)))
        return EXIT_OK
    print(_("Bijgewerkt naar gegevensversie {version} (gepubliceerd {at} door {by}).").format(
        version=safe(result.manifest.data_version), at=safe(result.manifest.published_at),
        by=safe(result.manifest.published_by)))
    if result.previous is not None:
        from velsen_desk.storage.database import DatabaseError
        from velsen_desk.sync.diff import diff_databases

        try:
            changes = diff_databases(result.previous, local_database_path(), cli_locale())
        except DatabaseError as exc:  # an old kept copy of another shape: the new data is in place all the same
            print(_("De wijzigingen sinds uw vorige versie konden niet bepaald worden: {cause}").format(
                cause=safe(exc)), file=sys.stderr)
            changes = []
        else:
            if changes:  # a new data version with no listed change changed something not compared
                print(ngettext("{n} wijziging sinds uw vorige versie", "{n} wijzigingen sinds uw vorige versie",
                               len(changes)).format(n=len(changes)) + ":")
            else:
                print(_unlisted_change())
        _print_changes(changes, "  ")
    return EXIT_OK


def _unlisted_change() -> str:
    """Two data versions that differ only outside the fields the diff compares: saying "no
    differences" would be untrue."""
    return _("De gegevens zijn gewijzigd, maar niet in wat dit overzicht vergelijkt: namen en titels, regie, "
             "portefeuilles, trekkers, kosten, planning en de punten van de hoofdstukken. Andere teksten, zoals "
             "toelichtingen en citaten uit de bronnen, kunnen wel veranderd zijn.")


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
    from velsen_desk.storage.database import inspect_database
    from velsen_desk.sync.diff import diff_databases

    for path in (Path(args.old), Path(args.new)):  # a hand-picked file may be of any shape or content
        check_database_file(path)
    changes = diff_databases(Path(args.old), Path(args.new), cli_locale())
    if not changes:
        versions = {inspect_database(Path(p)).data_version for p in (args.old, args.new)}
        print(_("Geen verschillen.") if len(versions) == 1 else _unlisted_change())
    _print_changes(changes, "")
    return EXIT_OK


@command("rollback")
def rollback_command(args: argparse.Namespace) -> int:
    from velsen_desk.core.paths import local_database_path
    from velsen_desk.sync.rollback import choose_version, kept_versions, rollback, rollback_preview

    db = local_database_path()
    version = choose_version(kept_versions(db), args.to)
    changes, skipped = rollback_preview(db, version, cli_locale())
    kept_at = version.kept_at.astimezone().strftime("%d-%m-%Y %H:%M")
    print(_("Terug naar gegevensversie {version} (in gebruik tot {until}).").format(
        version=safe(version.data_version), until=kept_at))
    print(safe(skipped) if skipped else ngettext(
        "{n} wijziging ten opzichte van de huidige gegevens", "{n} wijzigingen ten opzichte van de huidige gegevens",
        len(changes)).format(n=len(changes)) + (":" if changes else "."))
    _print_changes(changes, "  ")
    if not args.yes:
        try:
            answer = input(_("Deze versie terugzetten? [j/N] "))
        except EOFError:  # no terminal to ask on
            raise CommandError(_("Niet teruggezet: bevestig met --yes."), EXIT_USAGE) from None
        if answer.strip().lower() not in ("j", "ja", "y", "yes"):
            print(_("Niet teruggezet."))
            return EXIT_OK
    rollback(db, version)
    print(_("Teruggezet: gegevensversie {version}. Uw notities zijn niet gewijzigd.").format(
        version=safe(version.data_version)))
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
    made = db.exists()
    try:
        version = inspect_database(db).data_version if made else None
    except DatabaseError:
        version = None  # a copy that cannot be read: its version is not known
    try:
        share = _share_from(args)
    except ConfigError as exc:  # the status still shows everything else
        print(safe(exc, keep_newlines=True), file=sys.stderr)
        share = None
    state = {
        "database": str(db),
        "database_exists": made,
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
        "database": _("Lokale database"), "data_version": _("Gegevensversie"), "origin": _("Herkomst"),
        "synced_at": _("Laatst gesynchroniseerd"), "published_at": _("Gepubliceerd op"),
        "previous_versions": _("Vorige versies"), "config": _("Instellingen"), "share": _("Gedeelde map"),
    }
    shown = dict(state)
    if shown["origin"] == "ingebouwd":  # the stored value; the reader gets words in their language
        shown["origin"] = _("meegeleverd met het programma")
    # "onbekend" only where the truth is not known: never synced and no shared folder are facts.
    missing = {"synced_at": _("nooit"), "share": _("niet ingesteld")}
    if not made:  # a fresh install: the first start makes the copy, nothing is unknown about it
        not_yet = _("nog geen lokale database (de eerste start maakt die uit de meegeleverde gegevens)")
        missing |= {"data_version": not_yet, "origin": _("nog geen"), "published_at": _("nog geen")}
    unknown = _("onbekend")  # outside the f-string, where the catalogue's extractor finds it
    for key, label in labels.items():
        print(f"{label}: {safe(shown[key] or missing.get(key, unknown))}")
    return EXIT_OK
