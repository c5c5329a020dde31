"""Opening Velsen Desk databases: identity checks and read-only connections (plain :mod:`sqlite3`)."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar
from urllib.parse import quote

from velsen_desk.core.i18n import _
from velsen_desk.core.os_errors import describe_error
from velsen_desk.core.structs import msgspec

T = TypeVar("T")
P = ParamSpec("P")

# "VDsk" in the SQLite header (offset 68): tells our files apart from any other SQLite file.
APPLICATION_ID = 0x5644736B
# 2: the fidelity fields and records of issue 11 and the progress monitor's tables (issue 12).
# A file of another schema is refused with a message saying which side must be updated.
SCHEMA_VERSION = 2


class DatabaseError(Exception):
    """A file is not a usable Velsen Desk database; the message is plain Dutch."""


class DatabaseInfo(msgspec.Struct, frozen=True):
    path: Path
    application_id: int
    schema_version: int
    data_version: str | None


def readonly_uri(path: Path) -> str:
    # immutable=1: the local copy is never written while open, so SQLite needs no locks or -shm
    # file, and this works from read-only locations too.
    return f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"


ShapeCheck = Callable[[sqlite3.Connection], list[str]]


def inspect_database(
    path: Path, *, check_integrity: bool = False, quick: bool = False, shape_check: ShapeCheck | None = None
) -> DatabaseInfo:
    """Read the header and meta of a database file without changing it. Raises DatabaseError.

    ``quick`` uses ``PRAGMA quick_check`` (O(N), skips index checks): enough for a copy whose
    SHA-256 already matches a file that passed the full check when it was published.
    ``shape_check`` (:func:`velsen_desk.storage.shape.shape_problems`) compares the tables,
    columns, views and triggers with what this version builds; sync, publish and rollback pass it
    before a file may replace anything. It is passed in rather than imported here because it
    derives the expected shape from the ORM tables, and reading must not import SQLAlchemy.
    """
    try:
        mode = path.stat().st_mode  # not is_file(): it raises on a name too long, and hides a loop of links
    except FileNotFoundError:
        raise DatabaseError(_("Het gegevensbestand {path} bestaat niet.").format(path=path)) from None
    except OSError as exc:
        raise DatabaseError(_(
            "Het gegevensbestand {path} kan niet geopend worden ({cause})."
        ).format(path=path, cause=describe_error(exc))) from exc
    if not stat.S_ISREG(mode):  # a folder, FIFO or device: never opened (a FIFO would block)
        raise DatabaseError(_(
            "{path} is geen gewoon bestand (een map, pijp of apparaat) en geen gegevensbestand."
        ).format(path=path))
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(_(
            "Het gegevensbestand {path} kan niet geopend worden ({cause})."
        ).format(path=path, cause=describe_error(exc))) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise DatabaseError(_("{path} is geen Velsen Desk-gegevensbestand.").format(path=path))
        schema = conn.execute("PRAGMA user_version").fetchone()[0]
        if schema > SCHEMA_VERSION:
            raise DatabaseError(
                _(
                    "{path} is gemaakt door een nieuwere versie van Velsen Desk (schema {schema}, deze versie "
                    "kent {known}). Werk Velsen Desk bij."
                ).format(path=path, schema=schema, known=SCHEMA_VERSION)
            )
        if schema < SCHEMA_VERSION:
            raise DatabaseError(
                f"{path} is gemaakt door een oudere versie van Velsen Desk (schema {schema}, deze versie "
                f"verwacht {SCHEMA_VERSION}). Laat de griffie de gegevens opnieuw publiceren met deze versie."
            )
        if check_integrity:
            pragma = "quick_check" if quick else "integrity_check"
            result = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
            if result != "ok":
                raise DatabaseError(_(
                    "{path} is beschadigd (integriteitscontrole: {result})."
                ).format(path=path, result=result))
        if shape_check is not None:
            problems = shape_check(conn)
            if problems:
                more = _(" (en {count} meer)").format(count=len(problems) - 5) if len(problems) > 5 else ""
                shown = "; ".join(problems[:5]) + more
                raise DatabaseError(_(
                    "{path} heeft niet de opbouw die deze versie van Velsen Desk maakt: {shown}."
                ).format(path=path, shown=shown))
        row = conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
        version = row[0] if row else None
        return DatabaseInfo(path=path, application_id=app_id, schema_version=schema, data_version=version)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(_("{path} is beschadigd of geen SQLite-bestand.").format(path=path)) from exc
    finally:
        conn.close()


@contextmanager
def connect_readonly(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one unit of work, closed afterwards (any thread may use it)."""
    conn = sqlite3.connect(readonly_uri(path), uri=True, check_same_thread=False)
    try:
        yield conn
    finally:
        conn.close()


class ReadOnlyDatabase:
    """A verified database file; background tasks receive one of these.

    ``read(op, *args)`` runs ``op(connection, *args)`` on a read-only :mod:`sqlite3` connection of
    its own, so it may be called from any thread. The read functions are in
    :mod:`velsen_desk.storage.reader`.
    """

    def __init__(self, path: Path):
        self.info = inspect_database(path)  # raises DatabaseError
        self.path = path

    def read(self, op: Callable[Concatenate[sqlite3.Connection, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        with connect_readonly(self.path) as conn:
            return op(conn, *args, **kwargs)
