"""The part of report making that runs off the GUI thread, and small pure helpers.

Nothing here touches Qt: :func:`make_report` runs in a :class:`~velsen_desk.ui.operations.Operation`
worker and returns a frozen :class:`ReportResult`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata

from velsen_desk.core.report_kinds import is_report_kind, report_kind
from velsen_desk.core.task_state import TaskState
from velsen_desk.reports.request import ReportRequest, ReportResult
from velsen_desk.storage.database import ReadOnlyDatabase


def make_report(
    db: ReadOnlyDatabase | None, request: ReportRequest, state: TaskState | None = None
) -> ReportResult:
    """Runs in a worker; touches no widget. The report reads the database the window shows;
    ``state`` reports progress and may cancel it (see :func:`~velsen_desk.reports.service.generate_report`)."""
    from velsen_desk.reports.service import generate_report  # ReportLab and the ORM: here, not in the GUI thread

    if db is not None and request.database is None:
        request = dataclasses.replace(request, database=db.path)
    return generate_report(request, state)


def slug(value: str) -> str:
    """``"Marianne Steijn"`` → ``"marianne-steijn"`` (for file names)."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def default_file_name(kind: str, date: dt.date, person_name: str | None = None) -> str:
    """E.g. ``bijlage-2026-11-24.pdf`` or ``regie-marianne-steijn-2026-11-24.pdf``."""
    stem = report_kind(kind).file_stem if is_report_kind(kind) else "rapport"
    if person_name and is_report_kind(kind) and report_kind(kind).needs_person:
        stem = f"{stem}-{slug(person_name)}"
    return f"{stem}-{date.isoformat()}.pdf"
