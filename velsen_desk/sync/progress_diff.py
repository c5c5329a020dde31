"""Status changes between two data versions for "Wat is er veranderd": per action, its latest
status in each (``Actie 11: … voortgang oranje → groen, peildatum 1 juli 2025``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.i18n import N_
from velsen_desk.core.locales import DUTCH, Locale
from velsen_desk.core.progress import StatusMark, status_changes, status_label
from velsen_desk.core.records import ActionInfo
from velsen_desk.storage import reader
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.progress_reader import read_progress

FIELD = "voortgang"  # the field's id; diff.py words it
NO_STATUS = N_("nog geen status")  # in Dutch: translate with the caller's locale

# plan id -> action number -> (action, its latest status mark)
_Latest = dict[str, dict[int, tuple[ActionInfo, StatusMark]]]


def _latest(conn: sqlite3.Connection) -> _Latest:
    found: _Latest = {}
    for programme in reader.catalog(conn).programmes:
        data = reader.programme_data(conn, programme)
        progress = read_progress(conn, programme.id)
        for plan in data.plans:
            marks = found.setdefault(plan.id, {})
            for action in plan.actions:
                entries = progress.entries.get(action.id)
                if entries:
                    last = entries[-1]
                    marks[action.number] = (action, StatusMark(last.peildatum, last.status, last.explanation))
    return found


def progress_changes(old: Path, new: Path, locale: Locale = DUTCH) -> list[tuple[ActionInfo, str | None, str]]:
    """(action, old status text or None, new "status, peildatum …") for each action whose latest
    status differs, worded in ``locale``; a later report with the same status is no change."""
    before, after = ReadOnlyDatabase(old).read(_latest), ReadOnlyDatabase(new).read(_latest)
    result = []
    for plan_id in sorted(after):
        old_marks = {n: mark for n, (_, mark) in before.get(plan_id, {}).items()}
        new_marks = {n: mark for n, (_, mark) in after[plan_id].items()}
        for change in status_changes(old_marks, new_marks):
            action = after[plan_id][change.action_number][0]
            was = status_label(change.old, locale) if change.old is not None else None
            now = locale._("{status}, peildatum {date}").format(
                status=status_label(change.new, locale), date=format_long_date(change.peildatum, locale))
            result.append((action, was, now))
    return result
