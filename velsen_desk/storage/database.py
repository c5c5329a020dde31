"""Opening Velsen Desk databases: identity checks and read-only engines.

Checking a file needs only :mod:`sqlite3`; SQLAlchemy (~0.4 s to import) is imported when the
first session is made, which the window does in a worker, after its first paint.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")

# "VDsk" in the SQLite header (offset 68): tells our files apart from any other SQLite file.
APPLICATION_ID = 0x5644736B
SCHEMA_VERSION = 1


class DatabaseError(Exception):
    """A file is not a usable Velsen Desk database; the message is plain Dutch."""


@dataclass(frozen=True)
class DatabaseInfo:
    path: Path
    application_id: int
    schema_version: int
    data_version: str | None


def _readonly_uri(path: Path) -> str:
    # immutable=1: the local copy is never written while open, so SQLite needs no locks or -shm
    # file, and this works from read-only locations too.
    return f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"


def inspect_database(
    path: Path, *, check_integrity: bool = False, quick: bool = False, check_schema: bool = False
) -> DatabaseInfo:
    """Read the header and meta of a database file without changing it. Raises DatabaseError.

    ``quick`` uses ``PRAGMA quick_check`` (O(N), skips index checks): enough for a copy whose
    SHA-256 already matches a file that passed the full check when it was published.
    ``check_schema`` compares the tables, columns, views and triggers with what this version
    builds (see :mod:`velsen_desk.storage.shape`); sync, publish and rollback ask for it before a
    file may replace anything.
    """
    if not path.is_file():
        raise DatabaseError(f"Het gegevensbestand {path} bestaat niet.")
    try:
        conn = sqlite3.connect(_readonly_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Het gegevensbestand {path} kan niet geopend worden ({exc}).") from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise DatabaseError(f"{path} is geen Velsen Desk-gegevensbestand.")
        schema = conn.execute("PRAGMA user_version").fetchone()[0]
        if schema > SCHEMA_VERSION:
            raise DatabaseError(
                f"{path} is gemaakt door een nieuwere versie van Velsen Desk "
                f"(schema {schema}, deze versie kent {SCHEMA_VERSION}). Werk Velsen Desk bij."
            )
        if check_integrity:
            pragma = "quick_check" if quick else "integrity_check"
            result = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
            if result != "ok":
                raise DatabaseError(f"{path} is beschadigd (integriteitscontrole: {result}).")
        if check_schema:
            from velsen_desk.storage.shape import shape_problems

            problems = shape_problems(conn)
            if problems:
                shown = "; ".join(problems[:5]) + (f" (en {len(problems) - 5} meer)" if len(problems) > 5 else "")
                raise DatabaseError(f"{path} heeft niet de opbouw die deze versie van Velsen Desk maakt: {shown}.")
        row = conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
        return DatabaseInfo(path, app_id, schema, row[0] if row else None)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is beschadigd of geen SQLite-bestand ({exc}).") from exc
    finally:
        conn.close()


def open_readonly(path: Path) -> Engine:
    """A read-only engine over a verified database file. Raises DatabaseError."""
    from sqlalchemy import create_engine

    inspect_database(path)
    return create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(_readonly_uri(path), uri=True, check_same_thread=False),
    )


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """One session per unit of work: ``with factory() as session: ...``."""
    from sqlalchemy.orm import sessionmaker

    return sessionmaker(engine, expire_on_commit=False)


class ReadOnlyDatabase:
    """A verified database file, cheap to open; the engine is made on the first session.

    Background tasks receive one of these. ``session()`` may be called from any thread.
    """

    def __init__(self, path: Path):
        self.info = inspect_database(path)  # raises DatabaseError, without SQLAlchemy
        self.path = path
        self._lock = threading.Lock()
        self._factory: sessionmaker[Session] | None = None

    def session(self) -> AbstractContextManager[Session]:
        """A new session (one unit of work): ``with db.session() as session: ...``."""
        with self._lock:
            if self._factory is None:
                self._factory = session_factory(open_readonly(self.path))
        session: Session = self._factory()
        return session

    def read(self, op: Callable[..., T], *args: Any) -> T:
        """``op(session, *args)`` in a session of its own."""
        with self.session() as session:
            return op(session, *args)
