"""Reads progress data with plain :mod:`sqlite3` (no SQLAlchemy), like :mod:`reader`.

``COLUMNS`` names every column read, with its type; a test holds it against the ORM tables. A
database built before the progress tables existed reads as "no progress" rather than failing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from typing import Any

from velsen_desk.core.money import CostValue
from velsen_desk.core.progress import ProgressStatus
from velsen_desk.core.progress_records import (
    EvaluationInfo,
    MeasurementInfo,
    ProgressData,
    ProgressEntryInfo,
    ProgressReportInfo,
)
from velsen_desk.core.records import PhaseInfo
from velsen_desk.core.task_state import TaskState
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.reader import cost_columns

_Row = dict[str, Any]

COLUMNS: dict[str, tuple[dict[str, type], str]] = {
    "progress_reports": (
        {"id": str, "plan_id": str, "programme_id": str, "title": str, "date": dt.date, "reported_by": str,
         "interval_months": int, "example": bool, "stated_by": str, "source_doc_id": str, "source_quote": str},
        "date, id",
    ),
    "progress_entries": (
        {"id": str, "report_id": str, "action_id": str, "status": str, "explanation": str,
         **cost_columns("spent"), "planning_text": str, "reported_late": bool},
        "id",
    ),
    "progress_phases": (
        {"id": str, "entry_id": str, "label": str, "start": dt.date, "end": dt.date, "precision": str,
         "open_ended": bool, "text": str},
        'entry_id, "order"',
    ),
    "measurements": (
        {"id": str, "focus_point_id": str, "target": int, "value": float, "unit": str, "date": dt.date,
         "year": int, "measured_by": str, "note": str, "example": bool},
        "focus_point_id, target, id",  # then by moment, in Python
    ),
    "evaluations": (
        {"id": str, "plan_id": str, "date": dt.date, "title": str, "summary": str, "reference": str,
         "example": bool, "stated_by": str},
        "date, id",
    ),
}


def _rows(conn: sqlite3.Connection, table: str) -> list[_Row]:
    columns, order = COLUMNS[table]
    quoted = ", ".join(f'"{c}"' for c in columns)
    rows = []
    for raw in conn.execute(f"SELECT {quoted} FROM {table} ORDER BY {order}"):
        row = dict(zip(columns, raw, strict=True))
        for name, kind in columns.items():
            if row[name] is not None and kind is dt.date:
                row[name] = dt.date.fromisoformat(row[name])
            elif row[name] is not None and kind is bool:
                row[name] = bool(row[name])
        rows.append(row)
    return rows


def has_progress_tables(conn: sqlite3.Connection) -> bool:
    found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return set(COLUMNS) <= found


def _plans_of(conn: sqlite3.Connection, programme_id: str) -> set[str]:
    sql = ("SELECT ap.id FROM action_plans ap JOIN documents d ON d.id = ap.document_id "
           "WHERE d.programme_id = ?")
    return {r[0] for r in conn.execute(sql, (programme_id,))}


def read_progress(conn: sqlite3.Connection, programme_id: str) -> ProgressData:
    """The progress of one programme's plans (and of the programme itself)."""
    if not has_progress_tables(conn):
        return ProgressData()
    plans = _plans_of(conn, programme_id)
    reports = tuple(
        ProgressReportInfo(**r) for r in _rows(conn, "progress_reports")
        if r["plan_id"] in plans or r["programme_id"] == programme_id
    )
    report_by_id = {r.id: r for r in reports}
    phases: dict[str, list[PhaseInfo]] = defaultdict(list)
    for p in _rows(conn, "progress_phases"):
        phases[p.pop("entry_id")].append(PhaseInfo(**{k: v for k, v in p.items() if k != "id"}))
    entries: dict[str, list[ProgressEntryInfo]] = defaultdict(list)
    for e in _rows(conn, "progress_entries"):
        report = report_by_id.get(e["report_id"])
        if report is None:
            continue
        entries[e["action_id"]].append(ProgressEntryInfo(
            id=e["id"], report_id=e["report_id"], action_id=e["action_id"], peildatum=report.date,
            status=ProgressStatus(e["status"]), explanation=e["explanation"],
            spent=CostValue(e["spent_status"], e["spent_amount"], e["spent_text"], e["spent_qualifier"]),
            planning_text=e["planning_text"], phases=tuple(phases.get(e["id"], ())),
            reported_late=e["reported_late"],
        ))
    focus_points = {r[0] for r in conn.execute(
        "SELECT f.id FROM focus_points f JOIN chapters c ON c.id = f.chapter_id "
        "JOIN documents d ON d.id = c.document_id WHERE d.programme_id = ?", (programme_id,))}
    return ProgressData(
        reports=reports,
        entries={a: tuple(sorted(es, key=lambda e: e.peildatum)) for a, es in entries.items()},
        measurements=tuple(sorted(
            (MeasurementInfo(**m) for m in _rows(conn, "measurements") if m["focus_point_id"] in focus_points),
            key=lambda m: (m.focus_point_id, m.target, m.date or dt.date(m.year or 1, 12, 31)))),
        evaluations=tuple(EvaluationInfo(**ev) for ev in _rows(conn, "evaluations") if ev["plan_id"] in plans),
    )


def read_programme_progress(database: ReadOnlyDatabase, programme_id: str, _state: TaskState) -> ProgressData:
    """Runs in a worker (the Voortgang tab, the Tijdlijn, the theme detail): a programme's progress."""
    return database.read(read_progress, programme_id)
