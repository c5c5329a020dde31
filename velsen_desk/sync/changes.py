""""Wat is er veranderd": the changes between the local database and the newest kept version.

Runs in a worker (Qt-free); the window shows the result in ``ui/sync/changes.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from velsen_desk.storage.database import inspect_database
from velsen_desk.storage.shape import shape_problems
from velsen_desk.sync.diff import Change, diff_databases
from velsen_desk.sync.sync import versions_dir


@dataclass(frozen=True)
class ChangeReport:
    changes: tuple[Change, ...]
    old: Path | None
    new: Path


def newest_version(local_db: Path) -> Path | None:
    files = sorted(versions_dir(local_db).glob("velsen-desk-*.sqlite"))
    return files[-1] if files else None


def compute_changes(new: Path, old: Path | None = None) -> ChangeReport:
    """Runs in a worker; touches no widget. ``old`` defaults to the newest kept version."""
    old = old or newest_version(new)
    if old is None:
        return ChangeReport((), None, new)
    for path in (old, new):  # refuse a wrong shape (e.g. a recursive view) before reading it
        inspect_database(path, shape_check=shape_problems)
    return ChangeReport(tuple(diff_databases(old, new)), old, new)
