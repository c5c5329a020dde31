"""The part of report making that runs off the GUI thread, and small pure helpers.

Nothing here touches Qt: :func:`make_report` runs in a :class:`~velsen_desk.ui.tasks.TaskRunner`
worker and returns a frozen :class:`ReportResult`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata

from velsen_desk.reports.request import ReportRequest, ReportResult
from velsen_desk.storage.database import ReadOnlyDatabase

# The kinds the dialog offers, in menu order ("brief" holds personal notes and has its own place).
DIALOG_KINDS = ("themes", "regie", "portfolio", "budget", "timeline", "annex")
# Annex sections in the order they are offered and printed; regie only with a person.
ANNEX_SECTIONS = ("themes", "portfolio", "budget", "timeline", "regie")
# The report that fits a tab.
TAB_KINDS = {"themes": "themes", "portfolio": "portfolio", "budget": "budget", "timeline": "timeline"}

_FILE_STEMS = {
    "themes": "themas",
    "regie": "regie",
    "portfolio": "portefeuilleverdeling",
    "budget": "begroting-actieplan",
    "timeline": "planning-actieplan",
    "annex": "bijlage",
}


def make_report(db: ReadOnlyDatabase | None, request: ReportRequest) -> ReportResult:
    """Runs in a worker; touches no widget. The report reads the database the window shows."""
    from velsen_desk.reports.service import generate_report  # ReportLab: here, not in the GUI thread

    if db is not None and request.database is None:
        request = dataclasses.replace(request, database=db.path)
    return generate_report(request)


def slug(value: str) -> str:
    """``"Marianne Steijn"`` → ``"marianne-steijn"`` (for file names)."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def default_file_name(kind: str, date: dt.date, person_name: str | None = None) -> str:
    """E.g. ``bijlage-2026-11-24.pdf`` or ``regie-marianne-steijn-2026-11-24.pdf``."""
    stem = _FILE_STEMS.get(kind, "rapport")
    if kind == "regie" and person_name:
        stem = f"{stem}-{slug(person_name)}"
    return f"{stem}-{date.isoformat()}.pdf"
