"""Commands over the curated data: ``validate`` and ``build-db``."""

from __future__ import annotations

import argparse
from pathlib import Path

from velsen_desk.cli.commands import command
from velsen_desk.cli.errors import CommandError
from velsen_desk.cli.exit_codes import EXIT_OK
from velsen_desk.cli.output import safe
from velsen_desk.core.i18n import N_, _, ngettext
from velsen_desk.core.os_errors import describe_os_error
from velsen_desk.core.own_files import own_file_message


def validation_cache_dir() -> Path:
    """Where validations are kept for reuse (the user's cache folder: never the data or the share)."""
    from velsen_desk.core.paths import user_cache_dir

    return user_cache_dir() / "validatie"


@command("validate")
def validate_command(args: argparse.Namespace) -> int:
    from velsen_desk.curation.loader import data_files, load_dataset
    from velsen_desk.curation.parallel_parse import helpers_available

    paths = [Path(p) for p in args.paths]
    # a command runs no other threads, so a large data set may be parsed on every core
    dataset = load_dataset(paths, sources=Path(args.sources) if args.sources else None, cache=validation_cache_dir(),
                           helpers=helpers_available())
    files = data_files(paths)
    total = sum(len(records) for records in dataset.collections.values())
    files_text = ngettext("{n} bestand", "{n} bestanden", len(files)).format(n=len(files))
    print(_("In orde: {files}, {total} records, gegevensversie {version}.").format(
        files=files_text, total=total, version=dataset.version()))
    return EXIT_OK


@command("build-db", after_data_error=N_("De database is niet gebouwd; een bestaand bestand is niet aangeraakt."))
def build_db_command(args: argparse.Namespace) -> int:
    from velsen_desk.core.paths import bundled_data_dir
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.curation.parallel_parse import helpers_available
    from velsen_desk.storage.build import build_database

    output = Path(args.output)
    refusal = own_file_message(output)
    if refusal is not None:  # never build over the local database, the notes or a kept version
        raise CommandError(safe(refusal))
    if output.is_symlink() or (output.exists() and not output.is_file() and not output.is_dir()):
        # replacing a link, FIFO or device (as root: /dev/full) is never what was meant
        raise CommandError(_("{path} is geen gewoon bestand (een koppeling, pijp of apparaat) en wordt niet "
                             "overschreven. Kies een andere bestandsnaam.").format(path=safe(output)))
    paths = [Path(p) for p in args.paths] or [bundled_data_dir()]
    # build-db after validate (or a second build) reuses that validation of the same bytes
    dataset = load_dataset(paths, sources=Path(args.sources) if args.sources else None, cache=validation_cache_dir(),
                           helpers=helpers_available())
    try:
        result = build_database(dataset, output)
    except OSError as exc:
        raise CommandError(_("Kan {path} niet schrijven: {cause}.").format(
            path=safe(args.output), cause=describe_os_error(exc))) from exc
    print(_("Database gebouwd: {path} (gegevensversie {version}).").format(
        path=safe(result.path), version=safe(result.data_version)))
    return EXIT_OK
