"""What the window shows, read once per programme: from a snapshot of this exact database when
there is one, otherwise through the ORM (and then stored as a snapshot).

Qt-free; the window runs these in a worker. SQLAlchemy and the ORM are imported only on a miss,
so a usual start never pays for them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from velsen_desk.core.paths import user_cache_dir
from velsen_desk.core.records import Catalog, ProgrammeData, ProgrammeInfo
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.snapshots import SnapshotCache, database_key

log = logging.getLogger(__name__)
T = TypeVar("T")

CATALOG = "catalog"


def snapshot_cache() -> SnapshotCache:
    return SnapshotCache(user_cache_dir() / "snapshots")


def load_catalog(db: ReadOnlyDatabase) -> Catalog:
    """The programmes and the data version (runs in a worker; touches no widget)."""

    def read() -> Catalog:
        from velsen_desk.storage import queries  # only on a miss

        return db.read(queries.catalog)

    return _cached(db, CATALOG, Catalog, read)


def load_programme(db: ReadOnlyDatabase, programme: ProgrammeInfo) -> ProgrammeData:
    """Everything the four tabs show for one programme (runs in a worker; touches no widget)."""

    def read() -> ProgrammeData:
        from velsen_desk.storage import queries  # only on a miss

        return db.read(queries.programme_data, programme)

    return _cached(db, f"programme:{programme.id}", ProgrammeData, read)


def prime_snapshots(db_path: Path) -> None:
    """Store the catalogue and every programme of a new database, so the next start is quick.

    Called after a database is built or synced, work that already runs off the GUI thread.
    A failure is logged and otherwise ignored: the window then reads through the ORM.
    """
    try:
        db = ReadOnlyDatabase(db_path)
        for programme in load_catalog(db).programmes:
            load_programme(db, programme)
    except Exception:
        log.warning("snapshots van %s niet gemaakt", db_path, exc_info=True)


def _cached(db: ReadOnlyDatabase, name: str, kind: type[T], read: Callable[[], T]) -> T:
    cache = snapshot_cache()
    key = database_key(db.path)
    found = cache.get(key, name, kind)
    if found is not None:
        return found
    value = read()
    # A sync may replace the file while it is read: store only what was read from these bytes.
    if database_key(db.path) == key:
        cache.put(key, name, value)
    return value
