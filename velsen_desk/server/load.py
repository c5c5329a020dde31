"""``server load``: a validated data set into the master, in one transaction.

Only what differs is written (rows deleted, changed or added per table, compared by primary
key), so the audit log shows the real changes and not a table emptied and refilled. The records
of :data:`SERVER_PROGRESS_FILE` are party statuses: they go back into ``party_statuses`` (added
or changed, never removed: a party's submission is not lost by loading an older folder).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg import sql

from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.i18n import _
from velsen_desk.curation.data_file import COLLECTIONS
from velsen_desk.curation.loader import DataSet
from velsen_desk.server.errors import ServerError
from velsen_desk.server.progress_records import SERVER_PROGRESS_FILE, statuses_of
from velsen_desk.server.schema import CURATED_TABLES, SERVER_METADATA
from velsen_desk.storage.build import table_rows

# Two loads at once would each compute their changes from the same old state.
_LOAD_LOCK = 0x76656C73  # "vels"


@dataclass
class LoadSummary:
    added: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.added.values()) + sum(self.changed.values()) + sum(self.removed.values())


def _plain(value: object) -> object:
    return value.value if isinstance(value, Enum) else value


def files_of(dataset: DataSet, files: Mapping[str, str] | None = None) -> dict[str, str]:
    """The data file of every record: ``files`` where given (a merged workbook), else where it was read."""
    found = {record_id: origin[0].name for record_id, origin in dataset.origin.items()}
    found.update(files or {})
    return found


def split_dataset(dataset: DataSet, files: Mapping[str, str]) -> tuple[DataSet, list[tuple[str, dt.date, Any]]]:
    """The curated records, and the party statuses (records of the server's own progress file)."""
    curated = DataSet()
    server: dict[str, list[Any]] = {"progress_reports": [], "progress_entries": []}
    for name in COLLECTIONS:
        for record in dataset.collections[name]:
            if name in server and files.get(record.id) == SERVER_PROGRESS_FILE:  # type: ignore[attr-defined]
                server[name].append(record)
            else:
                curated.collections[name].append(record)
    return curated, statuses_of(server["progress_reports"], server["progress_entries"])


def _apply_table(cursor: psycopg.Cursor[tuple[Any, ...]], table: str, rows: list[dict[str, Any]],
                 summary: LoadSummary) -> None:
    columns = [c.name for c in SERVER_METADATA.tables[table].columns]
    keys = [c.name for c in SERVER_METADATA.tables[table].primary_key.columns]
    others = [c for c in columns if c not in keys]
    existing = {tuple(r[:len(keys)]): tuple(r[len(keys):]) for r in cursor.execute(
        sql.SQL("SELECT {} FROM {}").format(sql.SQL(", ").join(map(sql.Identifier, [*keys, *others])),
                                           sql.Identifier(table)))}
    wanted = {tuple(_plain(r[k]) for k in keys): tuple(_plain(r.get(c)) for c in others) for r in rows}
    gone = [key for key in existing if key not in wanted]
    new = [(key, values) for key, values in wanted.items() if key not in existing]
    changed = [(key, values) for key, values in wanted.items() if key in existing and existing[key] != values]
    where = sql.SQL(" AND ").join(sql.SQL("{} = %s").format(sql.Identifier(k)) for k in keys)
    if gone:
        cursor.executemany(sql.SQL("DELETE FROM {} WHERE {}").format(sql.Identifier(table), where), gone)
    if changed and others:
        assignments = sql.SQL(", ").join(sql.SQL("{} = %s").format(sql.Identifier(c)) for c in others)
        cursor.executemany(sql.SQL("UPDATE {} SET {} WHERE {}").format(sql.Identifier(table), assignments, where),
                           [(*values, *key) for key, values in changed])
    if new:
        cursor.executemany(
            sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
                sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, [*keys, *others])),
                sql.SQL(", ").join(sql.Placeholder() * (len(keys) + len(others)))),
            [(*key, *values) for key, values in new])
    summary.added[table] += len(new)
    summary.changed[table] += len(changed)
    summary.removed[table] += len(gone)


def _record_files(curated: DataSet, files: Mapping[str, str]) -> list[dict[str, Any]]:
    rows = []
    for name in COLLECTIONS:
        for record in curated.collections[name]:
            record_id = record.id  # type: ignore[attr-defined]
            rows.append({"record_id": record_id, "collection": name, "file_name": files.get(record_id, "server.yaml")})
    return rows


def _apply_statuses(cursor: psycopg.Cursor[tuple[Any, ...]], statuses: list[tuple[str, dt.date, Any]],
                    summary: LoadSummary) -> None:
    for action, peildatum, entry in statuses:
        values = (entry.status.value, entry.explanation, entry.spent.status.value, entry.spent.amount,
                  entry.spent.qualifier, entry.spent.text)
        row = cursor.execute("SELECT status, explanation, spent_status, spent_amount, spent_qualifier, spent_text "
                             "FROM party_statuses WHERE action_id = %s AND peildatum = %s FOR UPDATE",
                             (action, peildatum)).fetchone()
        if row is None:
            cursor.execute("INSERT INTO party_statuses (action_id, peildatum, status, explanation, spent_status, "
                           "spent_amount, spent_qualifier, spent_text) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                           (action, peildatum, *values))
            summary.added["party_statuses"] += 1
        elif tuple(row) != values:
            cursor.execute("UPDATE party_statuses SET status = %s, explanation = %s, spent_status = %s, "
                           "spent_amount = %s, spent_qualifier = %s, spent_text = %s "
                           "WHERE action_id = %s AND peildatum = %s", (*values, action, peildatum))
            summary.changed["party_statuses"] += 1


def _refuse_double_reports(cursor: psycopg.Cursor[tuple[Any, ...]], curated: DataSet) -> None:
    """A curated report may not share plan and peildatum with the parties' statuses on the server:
    the exported folder would hold two reports of that day, which ``validate`` refuses."""
    taken = {(r.plan, r.date) for r in curated.progress_reports if r.plan is not None}
    for plan, peildatum in cursor.execute(
            "SELECT DISTINCT a.plan_id, s.peildatum FROM party_statuses s JOIN actions a ON a.id = s.action_id"):
        if (plan, peildatum) in taken:
            raise ServerError(_(
                "De gegevens hebben een voortgangsrapportage van {plan} op {date}, en op de server staat voor die dag "
                "al voortgang van de partijen. Er is niets geladen."
            ).format(plan=plan, date=format_long_date(peildatum)))


def load(connection: psycopg.Connection, dataset: DataSet, files: Mapping[str, str] | None = None) -> LoadSummary:
    """Make the server hold ``dataset`` (already validated). All or nothing. ``files``: the data file
    of records that were not read from one (a workbook's new rows)."""
    record_files = files_of(dataset, files)
    curated, statuses = split_dataset(dataset, record_files)
    rows = table_rows(curated)
    summary = LoadSummary()
    try:
        with connection.transaction(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_LOAD_LOCK,))
            # Before the tables: the database's trigger would refuse the report too, less clearly.
            _refuse_double_reports(cursor, curated)
            for table in CURATED_TABLES:
                _apply_table(cursor, table, rows.get(table, []), summary)
            _apply_table(cursor, "record_files", _record_files(curated, record_files), summary)
            _apply_statuses(cursor, statuses, summary)
    except pg_errors.ForeignKeyViolation as exc:
        detail = exc.diag.message_detail or ""
        raise ServerError(_(
            "Laden geweigerd: er verwijst nog iets naar een record dat de nieuwe gegevens niet meer hebben ({detail}). "
            "Er is niets geladen.").format(detail=detail)) from None
    except pg_errors.InsufficientPrivilege:
        raise ServerError(_("Deze gebruiker mag de gegevens op de server niet wijzigen (alleen de griffie). "
                            "Er is niets geladen.")) from None
    except pg_errors.CheckViolation as exc:  # a rule only the server knows (e.g. a peildatum a year ahead)
        raise ServerError(_("Laden geweigerd door de server: {detail}. Er is niets geladen.").format(
            detail=exc.diag.message_primary or exc.diag.constraint_name or "")) from None
    return summary
