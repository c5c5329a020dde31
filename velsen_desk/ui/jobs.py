"""The work the window runs off the GUI thread, as named functions ``f(…, state) -> result``.

Each runs in a worker through :class:`velsen_desk.ui.operations.Operation` (arguments bound with
``functools.partial``), touches no widget and returns plain data. This module imports no Qt,
so tests call these functions directly with a plain :class:`TaskState`. The heavy libraries
(SQLAlchemy, ReportLab) are imported inside the functions: in the worker, never at start-up.
Programme loading lives with its controller, :mod:`velsen_desk.ui.programme_loader`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from velsen_desk.core.task_state import TaskState
from velsen_desk.notes.notes_file import Note
from velsen_desk.reports.request import ReportRequest, ReportResult
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.search import SearchHit
from velsen_desk.sync.changes import ChangeReport
from velsen_desk.sync.files import Progress
from velsen_desk.sync.sync import SyncResult


@dataclass(frozen=True)
class Choice:
    """One entry of a combo box: an id for the request and the name a person reads."""

    id: str
    name: str


def search_hits(db: ReadOnlyDatabase | None, query: str, _state: TaskState) -> list[SearchHit]:
    """The hits for ``query`` in every programme (none while no database is open)."""
    from velsen_desk.storage.search import search

    return db.read(search, query) if db is not None else []


def read_notes(db: ReadOnlyDatabase | None, _state: TaskState) -> list[Note]:
    """All notes, loose ones marked; raises NotesError."""
    from velsen_desk.ui.notes.overview import load_notes

    return load_notes(db)


def read_college(db: ReadOnlyDatabase | None, programme_id: str, _state: TaskState) -> list[Choice]:
    """The college of a programme, as plain choices (for the report dialog's person list)."""
    from velsen_desk.storage import reader

    if db is None:
        return []
    return [Choice(p.id, p.name) for p in db.read(reader.college, programme_id)]


def make_report(db: ReadOnlyDatabase | None, request: ReportRequest, state: TaskState) -> ReportResult:
    """The report for ``request``, read from the window's database; raises ReportError or Cancelled."""
    from velsen_desk.reports.work import make_report as make

    return make(db, request, state)


def run_sync(share: Path, local_db: Path, on_bytes: Progress, automatic: bool, _state: TaskState) -> SyncResult:
    """Fetch a newer verified copy from ``share``; ``on_bytes(done, total)`` while copying.
    An ``automatic`` sync (at start-up) skips a version the user rolled back from."""
    from velsen_desk.sync.sync import sync

    return sync(share, local_db, on_bytes, automatic=automatic)


def changes_between(new: Path, old: Path | None, _state: TaskState) -> ChangeReport:
    """What changed between the previous kept version (or ``old``) and ``new``."""
    from velsen_desk.sync.changes import compute_changes

    return compute_changes(new, old)
