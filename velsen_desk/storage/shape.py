"""The shape of a Velsen Desk database: its tables with their columns, views and triggers.

A file that passes its hash, identity and integrity checks can still be the wrong shape (a
table missing, a column renamed, a table replaced by a view); every reader would then crash or
hang. The expected shape is not written down here: it is read from an empty database built
with this version's own table metadata and search index, so it can never drift from the build.
"""

from __future__ import annotations

import functools
import sqlite3
from contextlib import closing
from dataclasses import dataclass

from velsen_desk.core.i18n import N_, _
from velsen_desk.storage.database import readonly_uri


@dataclass(frozen=True)
class SchemaObject:
    kind: str  # "table", "view" or "trigger"
    virtual: bool  # a virtual table (the full-text index)
    columns: tuple[str, ...]  # tables only: column names in order


Shape = dict[str, SchemaObject]


def read_shape(conn: sqlite3.Connection, only_tables: frozenset[str] | None = None) -> Shape:
    """The tables, views and triggers of an open database. Columns are read only for names in
    ``only_tables`` (when given), so a hostile view is never compiled."""
    shape: Shape = {}
    rows = conn.execute(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
        "WHERE type IN ('table', 'view', 'trigger') AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for kind, name, sql in rows:
        columns: tuple[str, ...] = ()
        if kind == "table" and (only_tables is None or name in only_tables):
            quoted = name.replace('"', '""')
            columns = tuple(row[1] for row in conn.execute(f'PRAGMA table_xinfo("{quoted}")'))
        shape[name] = SchemaObject(kind, sql.upper().startswith("CREATE VIRTUAL"), columns)
    return shape


@functools.cache
def expected_shape() -> Shape:
    """What this version of the application builds (tables, columns, search index).

    Read from the shipped build of the bundled data when it is current (``storage.prebuilt``:
    made by this version's build, a test holds its shape equal to the metadata's), else from an
    empty database made by the build's own metadata. Making that one imports SQLAlchemy and the
    ORM tables: ~0.5 s of CPU in every ``sync``, ``publish`` and ``--database`` command, more than
    the rest of a sync's checks at 100x the bundled data."""
    from velsen_desk.storage.prebuilt import bundle_hash, prebuilt_for

    shipped = prebuilt_for(bundle_hash())
    if shipped is not None:
        try:
            with closing(sqlite3.connect(readonly_uri(shipped), uri=True)) as conn:
                shape = read_shape(conn)
            if shape:
                return shape
        except sqlite3.Error:
            pass  # a damaged installation: the metadata below still knows
    return metadata_shape()


def metadata_shape() -> Shape:
    """The shape the build's own table metadata and search index make in an empty database."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    from velsen_desk.storage import tables as m
    from velsen_desk.storage.search_index import create_search_index

    raw = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        engine = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)
        m.Base.metadata.create_all(engine)
        with engine.begin() as conn:
            create_search_index(conn)
        return read_shape(raw)
    finally:
        raw.close()


def shape_problems(conn: sqlite3.Connection) -> list[str]:
    """How the database differs from what this version builds, in Dutch; [] when it matches."""
    expected = expected_shape()
    expected_tables = frozenset(name for name, obj in expected.items() if obj.kind == "table")
    actual = read_shape(conn, only_tables=expected_tables)
    problems: list[str] = []
    for name in sorted(expected.keys() - actual.keys()):
        problems.append(_("{kind} '{name}' ontbreekt").format(kind=_kind(expected[name].kind), name=name))
    for name in sorted(actual.keys() - expected.keys()):
        problems.append(_("onverwachte {kind} '{name}'").format(kind=_kind(actual[name].kind).lower(), name=name))
    for name in sorted(expected.keys() & actual.keys()):
        want, got = expected[name], actual[name]
        if (want.kind, want.virtual) != (got.kind, got.virtual):
            problems.append(_(
                "'{name}' is een {got} in plaats van een {wanted}"
            ).format(name=name, got=_kind(got.kind).lower(), wanted=_kind(want.kind).lower()))
        elif want.columns != got.columns:
            problems.append(_("tabel '{name}' heeft andere kolommen dan verwacht").format(name=name))
    return problems


def _kind(kind: str) -> str:
    names = {"table": N_("Tabel"), "view": N_("View"), "trigger": N_("Trigger")}
    return _(names[kind]) if kind in names else kind
