"""Rows of the progress tables for a validated data set (called by :mod:`build`).

Kept apart from the generic row mapping: entries carry a second source (the revised planning's)
and a spend cost, and a revised planning is parsed here like an action's original planning.
"""

from __future__ import annotations

from typing import Any

from velsen_desk.core.planning import parse_planning
from velsen_desk.curation.loader import DataSet
from velsen_desk.curation.schema import SourceRef
from velsen_desk.storage.tables import StoredCost
from velsen_desk.storage.tables import progress as p
from velsen_desk.storage.tables.base import Base

Row = tuple[type[Base], dict[str, Any]]

PROGRESS_COLLECTIONS: tuple[str, ...] = ("progress_reports", "progress_entries", "measurements", "evaluations")


def _source(source: SourceRef | None, prefix: str = "source") -> dict[str, str | None]:
    return {
        f"{prefix}_doc_id": source.doc if source else None,
        f"{prefix}_quote": source.quote if source else None,
        f"{prefix}_section": source.section if source else None,
    }


def progress_rows(dataset: DataSet) -> list[Row]:
    """Every progress row as its table's class and column values, sorted by id within its table,
    so a build stays byte-identical. Values, not ORM objects: the unit of work cost 5 s of a 100x
    build for the monitor's 29,000 entries; ``build`` inserts them with one ``executemany`` each."""
    rows: list[Row] = []
    for r in sorted(dataset.progress_reports, key=lambda r: r.id):
        rows.append((p.ProgressReport, dict(
            id=r.id, plan_id=r.plan, programme_id=r.programme, title=r.title, date=r.date,
            reported_by=r.reported_by, interval_months=r.interval_months, example=r.example,
            stated_by=r.stated_by, **_source(r.source))))
    for e in sorted(dataset.progress_entries, key=lambda e: e.id):
        rows.append((p.ProgressEntry, dict(
            id=e.id, report_id=e.report, action_id=e.action, status=e.status.value,
            explanation=e.explanation, spent=StoredCost.of(e.spent), planning_text=e.planning_text,
            reported_late=e.reported_late, **_source(e.source), **_source(e.planning_source, "planning_source"))))
        for index, phase in enumerate(parse_planning(e.planning_text).phases if e.planning_text else (), start=1):
            rows.append((p.RevisedPhase, dict(
                id=f"{e.id}#{index}", entry_id=e.id, order=index, label=phase.label, start=phase.start,
                end=phase.end, precision=phase.precision.value, open_ended=phase.open_ended, text=phase.text)))
    for m in sorted(dataset.measurements, key=lambda m: m.id):
        rows.append((p.Measurement, dict(
            id=m.id, focus_point_id=m.focus_point, target=m.target, value=m.value, unit=m.unit,
            date=m.date, year=m.year, measured_by=m.measured_by, note=m.note, example=m.example,
            **_source(m.source))))
    for ev in sorted(dataset.evaluations, key=lambda ev: ev.id):
        rows.append((p.Evaluation, dict(
            id=ev.id, plan_id=ev.plan, date=ev.date, title=ev.title, summary=ev.summary,
            reference=ev.reference, example=ev.example, stated_by=ev.stated_by, **_source(ev.source))))
    return rows
