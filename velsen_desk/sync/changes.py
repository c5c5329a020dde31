""""Wat is er veranderd": the changes between the local database and the newest kept version.

Runs in a worker (Qt-free); the window shows the result in ``ui/sync/changes.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from velsen_desk.core.locales import DUTCH, Locale
from velsen_desk.storage.database import inspect_database
from velsen_desk.storage.shape import shape_problems
from velsen_desk.sync.diff import Change, diff_databases
from velsen_desk.sync.sync import versions_dir


@dataclass(frozen=True)
class ChangeReport:
    changes: tuple[Change, ...]
    old: Path | None
    new: Path
    # The two files hold different data (their data versions differ). With no listed change this
    # means something changed outside the compared fields: "no differences" would be untrue.
    data_changed: bool = False


def newest_version(local_db: Path) -> Path | None:
    files = sorted(versions_dir(local_db).glob("velsen-desk-*.sqlite"))
    return files[-1] if files else None


def compute_changes(new: Path, old: Path | None = None, locale: Locale = DUTCH) -> ChangeReport:
    """Runs in a worker; touches no widget. ``old`` defaults to the newest kept version; the
    changes are worded in ``locale`` (the window's)."""
    old = old or newest_version(new)
    if old is None:
        return ChangeReport((), None, new)
    # refuse a wrong shape (e.g. a recursive view) before reading it
    before, after = (inspect_database(path, shape_check=shape_problems) for path in (old, new))
    return ChangeReport(tuple(diff_databases(old, new, locale)), old, new, before.data_version != after.data_version)
