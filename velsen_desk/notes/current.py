"""Access to the personal notes file for the window (lazily: reading never creates it).

The first time a process opens the notes file, notes left in the recovery file by an earlier
session (that could not save them) are merged back; :func:`take_recovered` tells the window.
"""

from __future__ import annotations

import logging

from velsen_desk.notes.errors import NotesError
from velsen_desk.notes.notes_file import Note, NotesFile, notes_path
from velsen_desk.notes.recovery import merge_recovery, recovery_files

log = logging.getLogger(__name__)
_stores: dict[str, NotesFile] = {}
_recovered: dict[str, int] = {}


def current_notes(create: bool = True) -> NotesFile | None:
    """The store at the current user's notes path; None when ``create`` is False and there is none yet.

    Raises NotesError when the file is unreadable."""
    path = notes_path()
    store = _stores.get(str(path))
    if store is not None and path.exists():
        return store
    if not create and not path.exists() and not recovery_files():
        return None
    store = NotesFile(path)
    try:
        _recovered[str(path)] = _recovered.get(str(path), 0) + merge_recovery(store)
    except NotesError as exc:  # the recovery file stays where it is and is tried again next start
        log.error("recovery file not merged: %s", exc)
    _stores[str(path)] = store
    return store


def take_recovered() -> int:
    """How many notes were brought back from the recovery file since the last call."""
    return _recovered.pop(str(notes_path()), 0)


def get_note(anchor: str) -> Note | None:
    store = current_notes(create=False)
    return store.get(anchor) if store is not None else None
