"""Write an import's files all or nothing.

Each file is replaced atomically, but an import may change several: when the third write fails
(disk full, a file locked by a sync client), the files already written are put back as they
were and the new ones removed, so a failed import leaves the data folder exactly as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from velsen_desk.core.task_state import TaskState
from velsen_desk.storage.atomic import write_atomic
from velsen_desk.workbook.yaml_out import FileUpdate


def write_updates(folder: Path, updates: Sequence[FileUpdate], state: TaskState | None = None) -> None:
    """Write ``updates`` into ``folder``; on any failure (``OSError``, or ``Cancelled`` from
    ``state``) undo what was written, then raise. ``folder`` is made when missing."""
    made_folder = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    before: dict[str, bytes | None] = {}
    for update in updates:  # read all first: a file that cannot be read back cannot be restored
        target = folder / update.name
        before[update.name] = target.read_bytes() if target.exists() else None
    done: list[str] = []
    try:
        for update in updates:
            if state is not None:
                state.raise_if_cancelled()
            write_atomic(folder / update.name, update.payload)
            done.append(update.name)
    except BaseException:
        _undo(folder, done, before, made_folder)
        raise


def _undo(folder: Path, done: Sequence[str], before: dict[str, bytes | None], made_folder: bool) -> None:
    for name in reversed(done):
        original = before[name]
        if original is None:
            (folder / name).unlink(missing_ok=True)
        else:
            write_atomic(folder / name, original)
    if made_folder and not any(folder.iterdir()):
        folder.rmdir()
