"""Beeld → Mijn notities…: the notes overview of one window, its notes read in a worker."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from velsen_desk.core.task_state import TaskState
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.search import SearchHit
from velsen_desk.ui.notes.editor import NoteEditor
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.programme_loader import ProgrammeLoader

if TYPE_CHECKING:  # imported when first used, not before the window's first paint
    from velsen_desk.notes.notes_file import Note
    from velsen_desk.ui.notes.overview import NotesOverview

# ---- Work (worker thread; touches no widget)


def read_notes(db: ReadOnlyDatabase | None, _state: TaskState) -> list[Note]:
    """All notes, loose ones marked; raises NotesError."""
    from velsen_desk.ui.notes.overview import load_notes

    return load_notes(db)


def find_item(db: ReadOnlyDatabase | None, note: Note, _state: TaskState) -> SearchHit | None:
    """Where the note's item is (its programme), or None when the open data does not hold it."""
    from velsen_desk.storage.search import item_hit

    if db is None:
        return None
    return db.read(item_hit, note.kind, note.anchor, note.label)


class NotesFeature(QObject):
    # ---- Signals
    sig_brief_requested = Signal()
    """The overview's "Persoonlijke voorbereiding…": the window opens the report dialog on the brief."""

    def __init__(self, window: QWidget, runner: OperationRunner, loader: ProgrammeLoader) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._loader = loader
        self.overview: NotesOverview | None = None

    def show(self) -> NotesOverview:
        """All notes and flags, loose ones marked (the overview is kept and reloaded)."""
        if self.overview is None:
            from velsen_desk.ui.notes.overview import NotesOverview

            self.overview = NotesOverview(self.reload, self._window)
            self.overview.sig_brief_requested.connect(self.sig_brief_requested)
            self.overview.sig_note_opened.connect(self.open_item)
        self.overview.show()
        self.overview.raise_()
        self.reload()
        return self.overview

    def flush_editors(self) -> None:
        """Write every open note editor's text now (before reading notes, or on close)."""
        for editor in self._window.findChildren(NoteEditor):
            editor.flush()

    def confirm_close_editors(self) -> bool:
        """Before the window closes: every editor saves what it can; False when the user chose to
        stay because a note could be kept nowhere (see :meth:`NoteEditor.confirm_close`)."""
        return all(editor.confirm_close() for editor in self._window.findChildren(NoteEditor))

    def reload(self) -> None:
        self.flush_editors()
        self._runner.start(Operation(partial(read_notes, self._runner.database), success=self._on_notes,
                                     failure=self._on_failed, key="notes"))

    def open_item(self, note: Note) -> None:
        """Show the note's item in its tab (switching programme when needed), as a search result."""
        self._runner.start(Operation(partial(find_item, self._runner.database, note), success=self._on_item_found,
                                     failure=self._on_failed, key="notes-open"))

    def _on_item_found(self, hit: SearchHit | None) -> None:
        if hit is None:
            if self.overview is not None:
                self.overview.show_error(self.tr("Dit onderdeel staat niet (meer) in de gegevens; "
                                                 "de notitie blijft bewaard."))
            return
        self._loader.open_hit(hit)
        self._window.raise_()
        self._window.activateWindow()

    def _on_notes(self, notes: list[Note]) -> None:
        if self.overview is not None:
            self.overview.show_notes(notes)

    def _on_failed(self, error: Exception) -> None:
        if self.overview is not None:
            self.overview.show_error(str(error))
