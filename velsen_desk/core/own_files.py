"""Is this one of the application's own files? Asked before writing a report, notes export,
saved PDF or built database, so a chosen output name can never replace the notes, the local
database, its origin, a kept version or the configuration.

Both the resolved path and (where a file exists) its identity are compared: a symlinked folder,
``..`` or a hard link must not slip past a name check.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from velsen_desk.core.paths import (
    CONFIG_FILE,
    DATABASE_FILE,
    NOTES_FILE,
    ORIGIN_FILE,
    RECOVERY_PREFIX,
    VERSIONS_DIR,
    user_config_dir,
    user_data_dir,
)

__all__ = ["OwnFile", "own_file", "own_file_message"]

_SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")  # replacing one corrupts its database


@dataclass(frozen=True)
class OwnFile:
    path: Path  # the application's file that would be replaced
    description: str  # Dutch, e.g. "het notitiebestand"


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(os.path.abspath(path)))


def _describe_data_name(name: str) -> str | None:
    for base, description in ((DATABASE_FILE, "de lokale database"), (NOTES_FILE, "het notitiebestand")):
        if name == base:
            return description
        if name in (base + side for side in _SQLITE_SIDE_FILES):
            return f"een hulpbestand van {description}"
    if name == ORIGIN_FILE:
        return "het herkomstbestand van de lokale database"
    if name.startswith(RECOVERY_PREFIX) and name.endswith(".json"):
        return "een herstelbestand van de notities"
    return None


def _by_path(target: Path) -> OwnFile | None:
    real = _real(target)
    data = _real(user_data_dir())
    head, name = os.path.split(real)
    if head == data:
        description = _describe_data_name(os.path.normcase(name))
        if description is not None:
            return OwnFile(Path(real), description)
    versions = os.path.join(data, os.path.normcase(VERSIONS_DIR))
    if real == versions or real.startswith(versions + os.sep):
        return OwnFile(Path(real), "een bewaarde versie in de map 'versies'")
    if real == os.path.join(_real(user_config_dir()), os.path.normcase(CONFIG_FILE)):
        return OwnFile(Path(real), "het instellingenbestand")
    return None


def _existing_own_files() -> Iterator[Path]:
    data = user_data_dir()
    try:
        yield from (entry for entry in data.iterdir() if _describe_data_name(entry.name) is not None)
    except OSError:
        pass
    try:
        yield from (data / VERSIONS_DIR).iterdir()
    except OSError:
        pass
    yield user_config_dir() / CONFIG_FILE


def own_file(target: Path) -> OwnFile | None:
    """The application's own file that writing ``target`` would replace, or None."""
    found = _by_path(target)
    if found is not None:
        return found
    try:
        os.stat(target)
    except (OSError, ValueError):
        return None  # nothing there yet (or an impossible name): the path check above suffices
    for candidate in _existing_own_files():
        try:
            same = os.path.samefile(candidate, target)
        except (OSError, ValueError):
            continue
        if same:  # a hard link or another name for one of ours
            return _by_path(candidate) or OwnFile(candidate, "een eigen bestand van Velsen Desk")
    return None


def own_file_message(target: Path) -> str | None:
    """A Dutch refusal naming the file when ``target`` is one of ours; None when it may be written."""
    found = own_file(target)
    if found is None:
        return None
    # the file itself is named too when the chosen name leads there by a link, ".." or a hard link
    via = "" if _real(target) == _real(found.path) and str(target) == str(found.path) else f" ({found.path})"
    return (f"{target} is {found.description} van Velsen Desk{via} en wordt niet overschreven. "
            "Kies een andere bestandsnaam; er is niets geschreven.")
