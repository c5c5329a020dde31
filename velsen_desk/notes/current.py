"""Access to the personal notes file for the window (lazily: reading never creates it)."""

from __future__ import annotations

from velsen_desk.notes.notes_file import Note, NotesFile, notes_path

_stores: dict[str, NotesFile] = {}


def current_notes(create: bool = True) -> NotesFile | None:
    """The store at the current user's notes path; None when ``create`` is False and there is none yet.

    Raises NotesError when the file is unreadable."""
    path = notes_path()
    store = _stores.get(str(path))
    if store is not None and path.exists():
        return store
    if not create and not path.exists():
        return None
    store = NotesFile(path)
    _stores[str(path)] = store
    return store


def get_note(anchor: str) -> Note | None:
    store = current_notes(create=False)
    return store.get(anchor) if store is not None else None
