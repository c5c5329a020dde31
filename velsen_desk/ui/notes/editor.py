"""The note editor under a detail pane: a personal note and "Bespreken in vergadering".

Saved as you type (after 500 ms), on focus-out, when another item is chosen and when the
window closes. Notes are anchored to the item's stable id, so they survive a new data version.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from velsen_desk.notes.current import current_notes, get_note
from velsen_desk.notes.notes_file import NotesError
from velsen_desk.ui.widgets.style import plain_label

log = logging.getLogger(__name__)
SAVE_DELAY_MS = 500


@dataclass(frozen=True)
class NoteAnchor:
    anchor: str  # the item's stable id
    kind: str  # "thema", "actie", "portefeuille", "begrotingsregel"
    label: str  # what the note is attached to, as shown


class NoteEditor(QWidget):
    # ---- Signals
    sig_saved = Signal(str)
    """The note of this anchor was written to disk."""
    sig_error = Signal(str)
    """Saving or reading failed; the Dutch message."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("note_editor")
        self._item: NoteAnchor | None = None
        self._dirty = False
        self.title = plain_label(QLabel(self.tr("Mijn notitie"), self))  # shows the item's label from the data
        self.title.setObjectName("note_title")
        self.flag = QCheckBox(self.tr("&Bespreken in vergadering"), self)
        self.flag.setAccessibleName(self.tr("Bespreken in vergadering"))
        self.flag.setAccessibleDescription(self.tr("Markeer dit onderdeel om het in de vergadering te bespreken."))
        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName(self.tr("Mijn notitie"))
        self.edit.setAccessibleDescription(
            self.tr("Persoonlijke notitie bij het gekozen onderdeel; alleen op deze laptop, wordt vanzelf bewaard.")
        )
        self.edit.setPlaceholderText(self.tr("Typ hier uw notitie; die wordt vanzelf bewaard."))
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(60)
        self.edit.installEventFilter(self)
        self.title.setBuddy(self.edit)
        self.saved_label = QLabel(self)
        self.saved_label.setAccessibleName(self.tr("Status van de notitie"))
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.saved_label)
        top.addWidget(self.flag)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.edit, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.edit.textChanged.connect(self._on_changed)
        self.flag.toggled.connect(self._on_changed)
        self.set_item(None)

    # ---- Public API

    @property
    def item(self) -> NoteAnchor | None:
        return self._item

    def set_item(self, item: NoteAnchor | None) -> None:
        """Show the note of ``item`` (saving the one being edited first); None hides the editor."""
        if item == self._item and item is not None:
            return
        self.flush()
        self._item = item
        self.setVisible(item is not None)
        note = None
        if item is not None:
            try:
                note = get_note(item.anchor)
            except NotesError as exc:
                self.sig_error.emit(str(exc))
        for widget in (self.edit, self.flag):
            widget.blockSignals(True)
        self.edit.setPlainText(note.text if note else "")
        self.flag.setChecked(bool(note and note.flagged))
        for widget in (self.edit, self.flag):
            widget.blockSignals(False)
        self.saved_label.setText("")
        self._dirty = False
        if item is not None:
            self.title.setText(self.tr("Mijn &notitie bij {0}").format(item.label.replace("&", "&&")))

    def flush(self) -> None:
        """Write pending changes now."""
        self._timer.stop()
        if not self._dirty or self._item is None:
            return
        self._dirty = False
        item = self._item
        try:
            store = current_notes()
            assert store is not None
            store.save(item.anchor, item.kind, item.label, self.edit.toPlainText(), self.flag.isChecked())
        except (NotesError, OSError) as exc:
            log.error("note not saved: %s", exc)
            self.saved_label.setText(self.tr("niet bewaard"))
            self.sig_error.emit(str(exc))
            return
        self.saved_label.setText(self.tr("bewaard"))
        self.sig_saved.emit(item.anchor)

    # ---- Qt

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def hideEvent(self, event) -> None:
        self.flush()
        super().hideEvent(event)

    # ---- Private

    def _on_changed(self, *_args) -> None:
        if self._item is None:
            return
        self._dirty = True
        self.saved_label.setText(self.tr("wordt bewaard…"))
        self._timer.start()


def with_note(detail: QWidget, editor: NoteEditor, parent: QWidget | None = None) -> QWidget:
    """A detail pane with the note editor under it (a vertical splitter)."""
    from PySide6.QtWidgets import QSplitter

    splitter = QSplitter(Qt.Orientation.Vertical, parent)
    splitter.addWidget(detail)
    splitter.addWidget(editor)
    splitter.setStretchFactor(0, 4)
    splitter.setStretchFactor(1, 1)
    splitter.setChildrenCollapsible(False)
    return splitter
