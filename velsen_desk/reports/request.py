"""What a report request and its result are: plain types, cheap to import.

The window's report dialog imports these when it opens; ReportLab (slow to import) is loaded
by :mod:`velsen_desk.reports.service` in the worker that makes the report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


class ReportError(Exception):
    """The report cannot be made; the message is plain Dutch for the user."""


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    output: Path
    programme: str | None = None  # None: velsen-2022
    person: str | None = None
    meeting: str | None = None
    date: str | None = None  # "YYYY-MM-DD"
    agenda_item: str | None = None
    items: tuple[str, ...] = ()
    database: Path | None = None  # None: the local database (built from the bundled data if needed)
    today: dt.date | None = None  # the generation date printed on the pages; None: today
    flagged_only: bool = False  # brief: only items marked "bespreken in vergadering"
    notes_file: Path | None = None  # brief: None means the user's own notes file


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages: int
