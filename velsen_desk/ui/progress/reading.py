"""Reading a programme's progress records off the GUI thread: the Voortgang tab and the Tijdlijn
both show them."""

from __future__ import annotations

from velsen_desk.core.progress_records import ProgressData
from velsen_desk.core.task_state import TaskState
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.progress_reader import read_progress


def read_programme_progress(database: ReadOnlyDatabase, programme_id: str, _state: TaskState) -> ProgressData:
    """Runs in a worker: the programme's progress records."""
    return database.read(read_progress, programme_id)
