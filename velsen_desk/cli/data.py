"""Commands over the curated data: ``validate`` and ``build-db``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from velsen_desk.cli.commands import command
from velsen_desk.cli.errors import CommandError
from velsen_desk.cli.exit_codes import EXIT_OK
from velsen_desk.cli.output import safe
from velsen_desk.core.i18n import N_, _, ngettext
from velsen_desk.core.os_errors import describe_os_error
from velsen_desk.core.own_files import own_file_message

if TYPE_CHECKING:  # the schema is imported only when a command needs it
    from velsen_desk.curation.loader import DataSet, OnMerged


def validation_cache_dir() -> Path:
    """Where validations are kept for reuse (the user's cache folder: never the data or the share)."""
    from velsen_desk.core.paths import user_cache_dir

    return user_cache_dir() / "validatie"


@command("validate")
def validate_command(args: argparse.Namespace) -> int:
    from velsen_desk.curation.loader import data_files, load_dataset
    from velsen_desk.curation.parallel_parse import helpers_available

    paths = [Path(p) for p in args.paths]
    cache = validation_cache_dir()
    helpers = helpers_available()
    # a command runs no other threads, so a large data set may be parsed, and its database built
    # for build-db next (storage/kept_build.py), on the other cores
    dataset = load_dataset(paths, sources=Path(args.sources) if args.sources else None, cache=cache,
                           helpers=helpers, on_merged=_build_meanwhile(paths, cache, helpers))
    files = data_files(paths)
    total = sum(len(records) for records in dataset.collections.values())
    files_text = ngettext("{n} bestand", "{n} bestanden", len(files)).format(n=len(files))
    print(_("In orde: {files}, {total} records, gegevensversie {version}.").format(
        files=files_text, total=total, version=dataset.version()))
    return EXIT_OK


def _build_meanwhile(paths: list[Path], cache: Path, helpers: int) -> OnMerged | None:
    """For a large data set on more than one core: build its database while it is checked."""
    from velsen_desk.curation.loader import data_files
    from velsen_desk.curation.parallel_parse import MIN_PARALLEL_BYTES, total_bytes

    if helpers < 1 or total_bytes(data_files(paths)) < MIN_PARALLEL_BYTES:
        return None

    def start(dataset: DataSet, key: str) -> Callable[[str | None], None]:
        from velsen_desk.storage import kept_build

        return kept_build.start(cache, key, dataset)

    return start


@command("build-db", after_data_error=N_("De database is niet gebouwd; een bestaand bestand is niet aangeraakt."))
def build_db_command(args: argparse.Namespace) -> int:
    from velsen_desk.core.paths import bundled_data_dir
    from velsen_desk.curation.validation_key import validation_key
    from velsen_desk.storage.kept_build import copy_kept

    output = Path(args.output)
    refusal = own_file_message(output)
    if refusal is not None:  # never build over the local database, the notes or a kept version
        raise CommandError(safe(refusal))
    if output.is_symlink() or (output.exists() and not output.is_file() and not output.is_dir()):
        # replacing a link, FIFO or device (as root: /dev/full) is never what was meant
        raise CommandError(_("{path} is geen gewoon bestand (een koppeling, pijp of apparaat) en wordt niet "
                             "overschreven. Kies een andere bestandsnaam.").format(path=safe(output)))
    paths = [Path(p) for p in args.paths] or [bundled_data_dir()]
    sources = Path(args.sources) if args.sources else None
    cache = validation_cache_dir()
    try:
        # build-db after validate copies the database that validate built meanwhile
        key = validation_key(paths, sources)
        version = copy_kept(cache, key, output) if key is not None else None
        if version is not None:
            path = output.resolve()
        else:
            from velsen_desk.curation.loader import load_dataset  # pydantic and the schema: only when building
            from velsen_desk.curation.parallel_parse import helpers_available
            from velsen_desk.storage.build import build_database  # SQLAlchemy too

            # else it reuses that validation of the same bytes (or validates) and builds
            dataset = load_dataset(paths, sources=sources, cache=cache, helpers=helpers_available())
            result = build_database(dataset, output, in_memory=True)  # a command: its memory is free at its end
            path, version = result.path, result.data_version
    except OSError as exc:
        raise CommandError(_("Kan {path} niet schrijven: {cause}.").format(
            path=safe(args.output), cause=describe_os_error(exc))) from exc
    print(_("Database gebouwd: {path} (gegevensversie {version}).").format(
        path=safe(path), version=safe(version)))
    return EXIT_OK
