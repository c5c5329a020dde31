"""The content check a database file passes before it may replace anything (sync, publish, rollback).

Header, integrity and shape say nothing about the values: a text where a theme number belongs,
a 30 MB text field, or a damaged full-text index all pass them, and the window, the reports or
the search then fail on the user's only copy. So the candidate is checked here for everything
the application's read path (:mod:`velsen_desk.storage.reader`) relies on -- the value types of
every column it reads, the length of every text against the curated schema's limit, the
full-text index's own integrity check, and every value the reader converts or looks up (dates,
cost statuses, required costs, references it follows with a lookup, unique programme ids) --
with one SQL query per table or rule, inside a time bound. Building every programme's records
here instead (as the window does) cost 29x a copy at 100x the bundled data. Any failure refuses
the file with a Dutch message.

The full-text integrity check is an ``INSERT`` command, so the file is opened writable: callers
pass only a private copy (never the share's file or the local copy in use), and the check runs
inside a transaction that is always rolled back.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

from velsen_desk.core.i18n import N_, _, ngettext
from velsen_desk.core.os_errors import describe_error
from velsen_desk.storage import reader
from velsen_desk.storage.database import DatabaseError, inspect_database

# The longest text the curated schema accepts (max_text_length(); a test holds the two equal):
# importing the schema (pydantic) to compute it cost more than the rest of the check.
TEXT_LIMIT = 5_000
# Names the rules below. Publish records it in the manifest of the bytes it checked; a laptop
# relies on that record only when it names these very rules: raise it whenever a rule is added
# or tightened, so files published before are checked again by the stricter version.
CHECK_VERSION = "inhoud/1"
CHECK_SECONDS = 30.0  # the bundled data checks in well under a second; a bound, not a budget
_PROGRESS_STEPS = 10_000  # SQLite virtual-machine steps between deadline checks
_clock = time.monotonic


def max_text_length() -> int:
    """The longest text the curated schema accepts anywhere (the largest ``maxLength`` in the
    JSON schema of its models, whatever the constrained types are called): no built database
    holds a longer value, so a longer one is refused rather than laid out for minutes."""
    from velsen_desk.curation.data_file import DataFile  # every kind of record, with its parts

    limits: list[int] = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            limit = node.get("maxLength")
            if isinstance(limit, int):
                limits.append(limit)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(DataFile.model_json_schema())
    if not limits:
        raise RuntimeError("the curated schema declares no text limit")  # a programming error, caught by the tests
    return max(limits)


# SQLite storage classes a column of each declared type may hold (NULL: unknown stays unknown).
_ALLOWED: dict[type, tuple[str, ...]] = {
    str: ("text", "null"),
    int: ("integer", "null"),
    bool: ("integer", "null"),
    float: ("integer", "real", "null"),
    dt.date: ("text", "null"),
}


def _value_problems(conn: sqlite3.Connection, limit: int) -> list[str]:
    """Wrong storage classes and over-long texts, one scan per table (two per column were ~500)."""
    problems: list[str] = []
    for table, (columns, _order) in reader.COLUMNS.items():
        parts: list[str] = []
        for column, kind in columns.items():
            allowed = ", ".join(f"'{name}'" for name in _ALLOWED[kind])
            parts.append(f'coalesce(sum(typeof("{column}") NOT IN ({allowed})), 0)')
            parts.append(f'coalesce(max(length("{column}")), 0)' if kind is str else "0")
        found = conn.execute(f'SELECT {", ".join(parts)} FROM "{table}"').fetchone()
        for index, (column, kind) in enumerate(columns.items()):
            wrong, longest = found[2 * index], found[2 * index + 1]
            if wrong:
                problems.append(ngettext(
                    "kolom '{table}.{column}' bevat {wrong} waarde van de verkeerde soort",
                    "kolom '{table}.{column}' bevat {wrong} waarden van de verkeerde soort", wrong,
                ).format(table=table, column=column, wrong=wrong))
            elif kind is str and longest > limit:
                problems.append(_(
                    "kolom '{table}.{column}' bevat een tekst van {longest} tekens (hoogstens {limit})"
                ).format(table=table, column=column, longest=longest, limit=limit))
    return problems


def _search_index_problems(conn: sqlite3.Connection) -> list[str]:
    conn.execute("BEGIN")
    try:
        conn.execute("INSERT INTO search_fts(search_fts) VALUES('integrity-check')")
    except sqlite3.DatabaseError as exc:
        if _interrupted(exc):
            raise
        return [_("de zoekindex is beschadigd")]
    finally:
        conn.rollback()
    return []


_UNREADABLE = N_("de gegevens zijn niet te lezen zoals Velsen Desk ze leest")

# (table, column) the reader follows with a lookup that fails on a missing row, the table that
# must hold it, and whether the column may be empty (then the reader does not look).
_REFERENCES: tuple[tuple[str, str, str, bool], ...] = (
    ("programmes", "municipality_id", "municipalities", False),
    ("memberships", "person_id", "people", False),
    ("themes", "regie_id", "people", True),
    ("fundings", "budget_id", "budgets", False),
)
# Columns the reader sorts in Python (None cannot be compared with a text), with the condition
# under which it does.
_SORTED: tuple[tuple[str, str, str], ...] = (
    ("theme_links", "theme_id", "action_id IS NOT NULL"),
    ("fundings", "action_id", "1"),
)
_REQUIRED_COSTS: tuple[tuple[str, str], ...] = (("actions", "cost"), ("budget_lines", "cost"))


def _rule_queries() -> list[str]:
    """Queries that each count rows the reader cannot turn into records."""
    from velsen_desk.core.money import CostStatus

    statuses = ", ".join(f"'{status.value}'" for status in CostStatus)
    queries: list[str] = []
    for table, (columns, _order) in reader.COLUMNS.items():
        for column, kind in columns.items():
            if kind is dt.date:  # read with date.fromisoformat: only a real day, as the build writes it
                # ('+0 days' makes SQLite normalise 30 February, which date() alone passes)
                queries.append(f'SELECT count(*) FROM "{table}" WHERE "{column}" IS NOT NULL '
                               f'AND date("{column}", \'+0 days\') IS NOT "{column}"')
            elif column.endswith("_status"):  # a cost: CostStatus(status) when status and text are there
                prefix = column.removesuffix("_status")
                queries.append(f'SELECT count(*) FROM "{table}" WHERE "{column}" IS NOT NULL '
                               f'AND "{prefix}_text" IS NOT NULL AND "{column}" NOT IN ({statuses})')
    queries += [f'SELECT count(*) FROM "{table}" WHERE "{prefix}_status" IS NULL OR "{prefix}_text" IS NULL'
                for table, prefix in _REQUIRED_COSTS]
    queries += [f'SELECT count(*) FROM "{table}" WHERE '
                + (f'"{column}" IS NOT NULL AND ' if nullable else f'"{column}" IS NULL OR ')
                + f'"{column}" NOT IN (SELECT id FROM "{target}")'
                for table, column, target, nullable in _REFERENCES]
    queries += [f'SELECT count(*) FROM "{table}" WHERE "{column}" IS NULL AND {condition}'
                for table, column, condition in _SORTED]
    return queries


def _read_problems(conn: sqlite3.Connection) -> list[str]:
    """What keeps the reader from building the catalogue and every programme, per table."""
    for sql in _rule_queries():
        if conn.execute(sql).fetchone()[0]:
            return [_(_UNREADABLE)]
    version = conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
    count, distinct = conn.execute("SELECT count(*), count(DISTINCT id) FROM programmes").fetchone()
    if version is None or not isinstance(version[0], str) or count != distinct:
        return [_("de gegevensversie of een programma ontbreekt")]
    if not count:  # an empty file would replace (and in time evict) real data
        return [_("de gegevens bevatten geen enkel programma")]
    return []


def _interrupted(exc: sqlite3.DatabaseError) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "interrupted" in str(exc)


def content_problems(path: Path, *, seconds: float = CHECK_SECONDS, shown: Path | None = None) -> list[str]:
    """What keeps the private copy at ``path`` from being read as the application reads it, in
    Dutch; [] when it reads. Run after the shape check (it assumes the expected tables exist).
    Raises DatabaseError when the check does not finish within ``seconds``."""
    deadline = _clock() + seconds
    uri = f"file:{quote(str(path.resolve()))}?mode=rw"
    try:
        with closing(sqlite3.connect(uri, uri=True, isolation_level=None)) as conn:
            conn.set_progress_handler(lambda: int(_clock() > deadline), _PROGRESS_STEPS)
            problems = _value_problems(conn, TEXT_LIMIT)
            if not problems:
                problems = _search_index_problems(conn)
            if not problems:
                problems = _read_problems(conn)
            return problems
    except sqlite3.DatabaseError as exc:
        if _interrupted(exc):
            raise DatabaseError(
                _(
                    "{value} is niet binnen {seconds:.0f} seconden te controleren; het is te groot of zo gemaakt "
                    "dat lezen niet eindigt."
                ).format(value=shown or path, seconds=seconds)
            ) from exc
        raise DatabaseError(_("{value} is beschadigd of niet te lezen.").format(value=shown or path)) from exc
    except MemoryError as exc:
        raise DatabaseError(_("{value} is te groot om te controleren.").format(value=shown or path)) from exc


def check_content(path: Path, *, seconds: float = CHECK_SECONDS, shown: Path | None = None) -> None:
    """Raise DatabaseError (Dutch) unless the private copy at ``path`` reads as the application
    reads it. ``shown`` is the name messages use (the file the copy was made of)."""
    problems = content_problems(path, seconds=seconds, shown=shown)
    if problems:
        more = _(" (en {count} meer)").format(count=len(problems) - 5) if len(problems) > 5 else ""
        listed = "; ".join(problems[:5]) + more
        raise DatabaseError(_(
            "{value} heeft inhoud die Velsen Desk niet kan tonen: {listed}."
        ).format(value=shown or path, listed=listed))


def check_database_file(path: Path, *, seconds: float = CHECK_SECONDS, checked: Path | None = None) -> None:
    """For a file the user names (``--database``, ``diff``): identity, shape and content, the
    content on a private temporary copy, so the named file is never opened writable. Raises
    DatabaseError (Dutch).

    With ``checked`` (a folder of :mod:`velsen_desk.storage.checked_files`), bytes that passed
    the content check before under these rules are not checked again, and bytes that pass now
    are recorded; identity and shape are checked every time."""
    from velsen_desk.storage import checked_files
    from velsen_desk.storage.shape import shape_problems

    inspect_database(path, shape_check=shape_problems)  # also: a regular file (a FIFO is refused here)
    with tempfile.TemporaryDirectory(prefix="velsen-desk-controle-") as folder:
        copy = Path(folder) / "controle.sqlite"
        try:
            if checked is None:
                shutil.copyfile(path, copy)
            else:  # the digest of the bytes copied, so a record names exactly the bytes checked
                digest = checked_files.copy_with_digest(path, copy)
                if checked_files.passed_before(checked, digest, CHECK_VERSION):
                    return
        except OSError as exc:
            raise DatabaseError(_(
                "{path} kan niet gelezen worden ({cause})."
            ).format(path=path, cause=describe_error(exc))) from exc
        check_content(copy, seconds=seconds, shown=path)
        if checked is not None:
            checked_files.remember(checked, digest, CHECK_VERSION)
