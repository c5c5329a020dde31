"""Build the SQLite database from a validated data set.

The file is written under a temporary name and renamed into place, so a reader never sees a
half-built database. The same data gives the same content: rows go in sorted by id and the
file carries a content hash (``data_version``), not a build time.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, Table, create_engine, event, insert, text
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from velsen_desk.core.os_errors import sqlite_os_error
from velsen_desk.core.planning import parse_planning
from velsen_desk.curation.data_file import COLLECTIONS
from velsen_desk.curation.loader import DataSet
from velsen_desk.curation.schema import Cost, SourceRef
from velsen_desk.storage import tables as m
from velsen_desk.storage.database import APPLICATION_ID, SCHEMA_VERSION
from velsen_desk.storage.progress_build import PROGRESS_COLLECTIONS, progress_rows
from velsen_desk.storage.search_index import create_search_index

_ORM_FOR: dict[str, type[m.Base]] = {
    "municipalities": m.Municipality,
    "programmes": m.Programme,
    "documents": m.Document,
    "people": m.Person,
    "memberships": m.Membership,
    "domains": m.Domain,
    "portfolio_items": m.PortfolioItem,
    "remarks": m.Remark,
    "aandachtsvelden": m.Aandachtsveld,
    "themes": m.Theme,
    "chapters": m.Chapter,
    "focus_points": m.FocusPoint,
    "opgaven": m.Opgave,
    "speerpunten": m.Speerpunt,
    "impulsprojecten": m.Impulsproject,
    "core_values": m.CoreValue,
    "topic_categories": m.TopicCategory,
    "agreements": m.Agreement,
    "action_plans": m.ActionPlan,
    "focusopgaven": m.Focusopgave,
    "actions": m.Action,
    "budgets": m.Budget,
    "budget_lines": m.BudgetLine,
    "fundings": m.Funding,
    "theme_links": m.ThemeLink,
    "perspectives": m.Perspective,
}

# Fields that name another record become "<field>_id" columns.
_REFERENCE_FIELDS = {
    "municipality", "programme", "person", "domain", "document", "aandachtsveld", "regie",
    "chapter", "opgave", "plan", "focus_point", "focusopgave", "budget", "budget_line", "action", "theme",
}
# Cost fields and the ORM composite that stores each (see ``tables.base.cost_group``).
_COST_ATTRIBUTE = {"cost": "cost", "amount": "amount", "total_documented": "total", "subtotal_documented": "subtotal"}

# The mapping between records and rows, public for the master's export (server/export.py),
# which turns rows back into records.
ORM_FOR = _ORM_FOR
REFERENCE_FIELDS = frozenset(_REFERENCE_FIELDS)
COST_ATTRIBUTE = dict(_COST_ATTRIBUTE)


@dataclass(frozen=True)
class BuildResult:
    path: Path
    data_version: str
    counts: dict[str, int]


# What each field of a kind of record becomes, worked out once per kind: doing so per record
# (which fields are costs, references, the source, which columns a composite spreads over) was
# ~0.4 s of a 100x build.
_PLAIN, _REFERENCE, _SOURCE, _COST = range(4)
Step = tuple[str, int, tuple[str, ...]]  # field, what it is, the column keys it fills
_SOURCE_ATTRIBUTES = ("source_doc_id", "source_quote", "source_section")


@cache
def _columns_of(orm: type[m.Base]) -> dict[str, list[str]]:
    """Each mapped attribute's column keys: one, or a composite's several in its own order."""
    mapper = sa_inspect(orm)
    columns = {prop.key: [column.key for column in prop.columns] for prop in mapper.composites}
    columns.update({prop.key: [prop.columns[0].key] for prop in mapper.column_attrs})
    return columns


@cache
def _moved_of(orm: type[m.Base]) -> dict[str, list[str]]:
    """The attributes that are not simply the column of their own name: a composite's several
    columns, or a column named otherwise."""
    return {attribute: keys for attribute, keys in _columns_of(orm).items() if keys != [attribute]}


@cache
def _steps(model: type[BaseModel], orm: type[m.Base]) -> tuple[Step, ...]:
    columns = _columns_of(orm)
    steps: list[Step] = []
    for name in model.model_fields:
        if name in ("themes", "targets"):  # stored in their own tables
            continue
        if name == "source":
            steps.append((name, _SOURCE, tuple(columns[key][0] for key in _SOURCE_ATTRIBUTES)))
        elif name in _COST_ATTRIBUTE:
            steps.append((name, _COST, tuple(columns[_COST_ATTRIBUTE[name]])))
        elif name in _REFERENCE_FIELDS:
            steps.append((name, _REFERENCE, (columns[f"{name}_id"][0],)))
        else:
            steps.append((name, _PLAIN, (columns[name][0],)))
    return tuple(steps)


def _record_row(record: BaseModel, orm: type[m.Base]) -> dict[str, Any]:
    """The column values of one schema record, by column key."""
    row: dict[str, Any] = {}
    for name, kind, keys in _steps(type(record), orm):
        value = getattr(record, name)
        if kind == _PLAIN:
            if isinstance(value, list):  # a list of labels (a perspective's opgaven): one per line
                value = "\n".join(value)
            elif hasattr(value, "value"):  # enums
                value = value.value
            row[keys[0]] = value
        elif kind == _REFERENCE:
            row[keys[0]] = value
        elif kind == _SOURCE:  # optional for a municipality: no source leaves the columns empty
            source = value if isinstance(value, SourceRef) else None
            row[keys[0]] = source.doc if source else None
            row[keys[1]] = source.quote if source else None
            row[keys[2]] = source.section if source else None
        else:  # a composite cost: its own order of values, all NULL when absent
            parts = m.StoredCost.of(value).__composite_values__() if isinstance(value, Cost) else (None,) * len(keys)
            row.update(zip(keys, parts, strict=True))
    return row


def _dependent_rows(dataset: DataSet) -> Iterator[tuple[type[m.Base], dict[str, Any]]]:
    for chapter in sorted(dataset.chapters, key=lambda c: c.id):
        for theme in sorted(set(chapter.themes)):
            yield m.ChapterTheme, {"chapter_id": chapter.id, "theme_id": theme}
    for point in sorted(dataset.focus_points, key=lambda p: p.id):
        for index, target in enumerate(point.targets, start=1):
            yield m.Target, {"id": f"{point.id}#{index}", "focus_point_id": point.id, "order": index,
                             **target.model_dump()}
    for action in sorted(dataset.actions, key=lambda a: a.id):
        planning = parse_planning(action.planning_text)
        for index, phase in enumerate(planning.phases, start=1):
            yield m.PlanningPhase, {
                "id": f"{action.id}#{index}", "action_id": action.id, "order": index, "label": phase.label,
                "start": phase.start, "end": phase.end, "precision": phase.precision.value,
                "open_ended": phase.open_ended, "text": phase.text,
            }


class _Inserts:
    """Rows per table, as column values, for one ``executemany`` each.

    The ORM's unit of work made an object per record and flushed them one by one: 9.7 s of a
    100x build. Core inserts the same values (the composite cost spread over its four columns,
    column defaults applied by Core as by the ORM) in the same order.
    """

    def __init__(self) -> None:
        self.rows: dict[type[m.Base], list[dict[str, Any]]] = {}

    def add_record(self, orm: type[m.Base], record: BaseModel) -> None:
        self.rows.setdefault(orm, []).append(_record_row(record, orm))

    def add(self, orm: type[m.Base], values: dict[str, Any]) -> None:
        """A row given by the ORM's attributes (a composite cost as a :class:`StoredCost`); the
        dict is the caller's to give away. Most attributes are their column: only the others are
        moved (~0.2 s of a 100x build went to translating every one)."""
        row = values
        moved = _moved_of(orm)
        if moved:
            row = dict(values)
            for attribute, keys in moved.items():
                if attribute not in row:
                    continue
                value = row.pop(attribute)
                if len(keys) == 1:
                    row[keys[0]] = value
                else:  # a composite: its own order of values, all NULL when absent
                    parts = value.__composite_values__() if value is not None else (None,) * len(keys)
                    row.update(zip(keys, parts, strict=True))
        self.rows.setdefault(orm, []).append(row)

    def execute(self, session: Session) -> None:
        connection = session.connection()
        for orm, rows in self.rows.items():
            table: Table = orm.__table__  # type: ignore[assignment]
            keys = list(rows[0])
            if _plain_insert_fits(table, keys, rows):
                _insert_plain(connection, table, keys, rows)
            else:
                connection.execute(insert(table), rows)
        self.rows = {}


def _plain_insert_fits(table: Table, keys: list[str], rows: list[dict[str, Any]]) -> bool:
    """Whether the rows can go straight to sqlite3: all with the same columns, and no column left
    out that has a default for Core to fill in."""
    if any(column.key not in keys and (column.default is not None or column.server_default is not None)
           for column in table.columns):
        return False
    return all(len(row) == len(keys) and list(row) == keys for row in rows)


def _insert_plain(connection: Connection, table: Table, keys: list[str], rows: list[dict[str, Any]]) -> None:
    """One ``executemany`` through the driver, each value converted by its column type's own bind
    processor (dates and booleans as SQLAlchemy writes them): Core's per-row parameter handling
    was ~1 s of a 100x build for 86,000 rows. The file stays byte-identical."""
    dialect = connection.dialect
    columns = [table.columns[key] for key in keys]
    processors = [column.type.bind_processor(dialect) for column in columns]
    names = ", ".join(dialect.identifier_preparer.quote(column.name) for column in columns)
    marks = ", ".join("?" * len(keys))
    sql = f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({names}) VALUES ({marks})"
    converted = [(index, process) for index, process in enumerate(processors) if process is not None]
    values = [tuple(row.values()) for row in rows]
    if converted:  # a few columns (booleans, floats): only those are touched, row by row
        values = [_converted(row, converted) for row in values]
    connection.exec_driver_sql(sql, values)


def _converted(row: tuple[Any, ...], converted: Sequence[tuple[int, Callable[[Any], Any]]]) -> tuple[Any, ...]:
    values = list(row)
    for index, process in converted:
        values[index] = process(values[index])
    return tuple(values)

def table_rows(dataset: DataSet) -> dict[str, list[dict[str, Any]]]:
    """Every row the build writes, as column values per table name (the PostgreSQL master loads
    these, :mod:`velsen_desk.server.load`); the search index and ``meta`` are not included."""
    inserts = _Inserts()
    for name in COLLECTIONS:
        if name not in PROGRESS_COLLECTIONS:
            for record in dataset.collections[name]:
                inserts.add_record(_ORM_FOR[name], record)
    for orm, values in [*_dependent_rows(dataset), *progress_rows(dataset)]:
        inserts.add(orm, values)
    return {orm.__tablename__: values for orm, values in inserts.rows.items()}


def _dropped_indexes(engine: Any) -> list[str]:
    """Drop the indexes SQLAlchemy made and return their SQL sorted by name, to be made again once
    the rows are in: sorting each index once beat keeping ~70 of them in order row by row (~0.2 s
    of a 100x build), and SQLAlchemy makes a table's indexes in set order, while name order
    keeps two builds of the same data byte-identical."""
    with engine.begin() as conn:
        rows = conn.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        ).all()
        for name, _ in rows:
            conn.execute(text(f'DROP INDEX "{name}"'))
    return [sql for _, sql in sorted(rows)]


def _building_connection(connection: sqlite3.Connection, _record: object) -> None:
    """No flush to disk per transaction and the rollback journal in memory: the working copy is
    private and thrown away (only ``VACUUM INTO`` its final file is kept, flushed once and then
    renamed). The DDL's many small commits alone were ~0.3 s of a 100x build. Sorts (the search
    index, the indexes made after the rows) stay in memory too: spilled to the temporary folder, a
    full /tmp failed the build as a full disk at the output."""
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = MEMORY")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA temp_store = MEMORY")


def build_database(dataset: DataSet, out: Path, version_of: Callable[[], str] | None = None, *,
                   in_memory: bool = False) -> BuildResult:
    """Write ``out`` atomically. Raises ``OSError`` when the target cannot be written.

    ``version_of`` gives the data version (``dataset.version()`` by default); it is asked for
    only once every row is in, so a helper building beside a validation (``kept_build``) gets
    the version the validation computes instead of hashing every record again (~0.3 s at 100x).

    The rows go into a working copy, ``VACUUM INTO`` writes the file compactly and in a
    canonical page order, so the same data gives the same bytes whichever copy was used.
    ``in_memory`` keeps the working copy in memory instead of a scratch file beside ``out``: for
    a command's short-lived process, where it saves ~0.3 s at 100x; the window, which lives on,
    keeps the file and its small page cache (the whole database in memory is ~66 MB at 100x)."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # SQLite must create the file itself
    scratch = None if in_memory else tmp.with_name(f"{tmp.name}.werk")
    engine = (create_engine("sqlite://", poolclass=StaticPool) if scratch is None  # one database for every step
              else create_engine(f"sqlite:///{scratch}"))
    event.listen(engine, "connect", _building_connection)
    try:
        m.Base.metadata.create_all(engine)
        indexes = _dropped_indexes(engine)
        with Session(engine) as session, session.begin():
            # Records cite documents defined later in the order (a municipality cites a document
            # of its own programme), so foreign keys are checked at commit, not per insert.
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            inserts = _Inserts()
            for name in COLLECTIONS:  # parents before children, in collection order
                if name in PROGRESS_COLLECTIONS:
                    continue  # their own rows, below
                orm = _ORM_FOR[name]
                for record in sorted(dataset.collections[name], key=lambda r: r.id):  # type: ignore[attr-defined]
                    inserts.add_record(orm, record)
                inserts.execute(session)
            for orm, values in _dependent_rows(dataset):
                inserts.add(orm, values)
            inserts.execute(session)
            for orm, values in progress_rows(dataset):
                inserts.add(orm, values)
            inserts.execute(session)
            for sql in indexes:
                session.execute(text(sql))
        with engine.begin() as conn:
            create_search_index(conn)
            version = (version_of or dataset.version)()
            conn.execute(insert(m.Meta.__table__), [  # type: ignore[arg-type]
                {"key": "data_version", "value": version},
                {"key": "schema_version", "value": str(SCHEMA_VERSION)},
            ])
            conn.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
            conn.execute(text(f"PRAGMA user_version = {SCHEMA_VERSION}"))
        with engine.connect() as conn:
            # the name's bytes as the file system holds them: one that is not UTF-8 (Python's
            # surrogates) is no text parameter, but SQLite opens the bytes of a cast blob as given
            conn.exec_driver_sql("VACUUM INTO CAST(? AS TEXT)", (os.fsencode(tmp),))
        engine.dispose()  # closes the working copy (and frees it, in memory)
        if scratch is not None:
            scratch.unlink()
        with open(tmp, "rb") as handle:  # the one flush to disk, before the name is given
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except BaseException as exc:
        engine.dispose()  # a failed build keeps no file open: a deleted one would still fill the disk
        for path in (tmp, scratch):
            if path is not None:  # and its journal: SQLite leaves it when a write fails
                path.unlink(missing_ok=True)
                path.with_name(f"{path.name}-journal").unlink(missing_ok=True)
        cause = exc.orig if isinstance(exc, DBAPIError) else exc
        refused = sqlite_os_error(cause, out) if isinstance(cause, sqlite3.Error) else None
        if refused is not None:  # a full disk, no rights: what the callers report as any OSError
            raise refused from exc
        raise
    counts = {name: len(dataset.collections[name]) for name in COLLECTIONS}
    return BuildResult(path=out, data_version=version, counts=counts)
