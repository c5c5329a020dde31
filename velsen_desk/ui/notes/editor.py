"""The note editor under a detail pane: a personal note and "Bespreken in vergadering".

Saved as you type (after 500 ms), on focus-out, when another item is chosen and when the
window closes. Notes are anchored to the item's stable id, so they survive a new data version.

A note counts as saved only after the notes file committed it. Until then the editor keeps the
text (also when another item is chosen), says "Niet bewaard: ... — wordt opnieuw geprobeerd",
retries with a growing pause, and writes the text to the recovery file at once, so closing the
window (or a crash) loses nothing; the next start merges it back. When even the recovery file
cannot be written (a full disk), closing the window asks first.

The notes modules are imported when a note is first read or written, not with this module: the
editors are made hidden, before the window's first paint, which shows no note.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core.structs import msgspec
from velsen_desk.ui.widgets.style import plain_label

if TYPE_CHECKING:
    from velsen_desk.notes.errors import NotesError
    from velsen_desk.notes.notes_file import Note

log = logging.getLogger(__name__)
SAVE_DELAY_MS = 500
RETRY_DELAYS_MS = (1_000, 2_000, 5_000, 10_000, 30_000, 60_000)  # then every minute


class NoteAnchor(msgspec.Struct, frozen=True):
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
        self._choices: tuple[NoteAnchor, ...] = ()  # the items the user can note here (several in one cell)
        self._dirty = False
        self._pending: dict[str, Note] = {}  # typed but not yet committed, by anchor
        self._in_recovery: set[str] = set()  # pending notes that are safe in the recovery file
        self._attempt = 0
        self._last_reason = ""
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
        # A portfolio cell can hold several items, each with a note of its own: the user picks one.
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(self.tr("Notitie bij onderdeel"))
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.setMinimumContentsLength(20)
        self.choice.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.choice.currentIndexChanged.connect(self._on_choice)
        self.saved_label = QLabel(self)
        self.saved_label.setAccessibleName(self.tr("Status van de notitie"))
        # "Niet bewaard: <why, with the file's path> — …" is long: it wraps on a row of its own
        # under the title. In the title row, unwrapped, its width became the window's minimum and
        # pushed the window off the screen; wrapped there, the row was too short to show it.
        self.saved_label.setWordWrap(True)
        self.saved_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.choice, 1)  # beside the title, so a choice costs no extra row in a short pane
        top.addStretch(1)
        top.addWidget(self.flag)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.edit, 1)
        self.setTabOrder(self.choice, self.edit)
        self.setTabOrder(self.edit, self.flag)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self._write_pending)
        self.edit.textChanged.connect(self._on_changed)
        self.flag.toggled.connect(self._on_changed)
        self.set_item(None)

    # ---- Public API

    @property
    def item(self) -> NoteAnchor | None:
        return self._item

    @property
    def choices(self) -> tuple[NoteAnchor, ...]:
        return self._choices

    def set_item(self, item: NoteAnchor | None) -> None:
        """Show the note of ``item`` (saving the one being edited first); None hides the editor."""
        self.set_choices((item,) if item is not None else ())

    def set_choices(self, items: Sequence[NoteAnchor], chosen: str | None = None) -> None:
        """Offer a note on each of ``items`` (a choice list when there are several) and show the
        one whose anchor is ``chosen`` (default: the first); no items hides the editor."""
        items = tuple(items)
        if items != self._choices:
            self._choices = items
            self.choice.blockSignals(True)
            self.choice.clear()
            for item in items:
                self.choice.addItem(item.label, item.anchor)
            self.choice.blockSignals(False)
        several = len(items) > 1
        self.choice.setVisible(several)
        self.choose(chosen)

    def choose(self, anchor: str | None) -> bool:
        """Show the note of the offered item ``anchor`` (None: the first); False if not offered."""
        index = next((i for i, item in enumerate(self._choices) if item.anchor == anchor), -1)
        if index < 0 and anchor is not None:
            return False
        index = max(index, 0)
        self.choice.blockSignals(True)
        self.choice.setCurrentIndex(index if self._choices else -1)
        self.choice.blockSignals(False)
        self._show_item(self._choices[index] if self._choices else None)
        return True

    def _on_choice(self, index: int) -> None:
        if 0 <= index < len(self._choices):
            self._show_item(self._choices[index])

    def _show_item(self, item: NoteAnchor | None) -> None:
        if item == self._item and item is not None:
            return
        self.flush()
        self._item = item
        self.setVisible(item is not None)
        note = None
        if item is not None:
            from velsen_desk.notes.current import get_note
            from velsen_desk.notes.errors import NotesError

            note = self._pending.get(item.anchor)  # unsaved text is shown, never the older saved one
            if note is None:
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
        self._dirty = False
        self.saved_label.setText("")
        self._show_state()
        if item is not None:
            # Told by the first editor that shows a note (notes are merged back on first read);
            # a hidden one would take the count and show it to no one.
            from velsen_desk.notes.current import take_recovered

            recovered = take_recovered()
            if recovered:
                self.saved_label.setText(
                    self.tr("%n niet-bewaarde notitie(s) van de vorige keer teruggezet", "", recovered)
                )
            if len(self._choices) > 1:  # the choice list beside the title names the item
                self.title.setText(self.tr("Mijn &notitie bij"))
            else:
                self.title.setText(self.tr("Mijn &notitie bij {0}").format(item.label.replace("&", "&&")))

    def flush(self) -> None:
        """Write pending changes now."""
        self._timer.stop()
        if self._dirty and self._item is not None:
            from velsen_desk.notes.notes_file import Note, clean_text, now_utc

            item = self._item
            self._pending[item.anchor] = Note(
                item.anchor, item.kind, clean_text(item.label), clean_text(self.edit.toPlainText()),
                self.flag.isChecked(), now_utc(),
            )
            self._in_recovery.discard(item.anchor)
        self._dirty = False
        self._write_pending()

    def has_unsaved(self) -> bool:
        """Text typed here that is not (yet) in the notes file."""
        return self._dirty or bool(self._pending)

    def confirm_close(self) -> bool:
        """Save what can be saved before the window closes. Unsaved notes are already in the
        recovery file; only when that failed too is the user asked (True: close anyway)."""
        self.flush()
        unsafe = [n for anchor, n in self._pending.items() if anchor not in self._in_recovery]
        if not unsafe:
            return True
        labels = "\n".join(f"• {n.label}" for n in unsafe)
        from PySide6.QtWidgets import QMessageBox  # made when first needed: not for the first paint

        answer = QMessageBox.question(
            self.window(),
            self.tr("Notitie niet bewaard"),
            self.tr("%n notitie(s) konden niet bewaard worden, ook niet in het herstelbestand:\n{0}\n\n"
                    "{1}\n\nToch afsluiten? De niet-bewaarde tekst gaat dan verloren.", "", len(unsafe)).format(
                labels, self._last_reason),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # ---- Qt

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    # ---- Private

    def _on_changed(self, *_args: object) -> None:
        if self._item is None:
            return
        self._dirty = True
        if self._item.anchor not in self._pending:  # a failed save keeps saying so until it succeeds
            self.saved_label.setText(self.tr("wordt bewaard…"))
        self._timer.start()

    def _write_pending(self) -> None:
        """Try to commit every pending note; keep (and keep safe) those that fail, and retry."""
        self._retry_timer.stop()
        if not self._pending:
            return
        from velsen_desk.notes.current import current_notes
        from velsen_desk.notes.errors import NotesError
        from velsen_desk.notes.recovery import forget_recovered

        saved: list[str] = []
        failure: NotesError | None = None
        for anchor, note in list(self._pending.items()):
            try:
                store = current_notes()
                if store is None:  # pragma: no cover - current_notes(create=True) always returns a store
                    raise NotesError("Het notitiebestand is niet beschikbaar.")
                store.save(note.anchor, note.kind, note.label, note.text, note.flagged, note.updated_at)
            except NotesError as exc:
                failure = exc
                continue
            del self._pending[anchor]
            saved.append(anchor)
        if saved:
            if self._in_recovery.intersection(saved):
                try:
                    forget_recovered(saved)
                except NotesError as exc:  # the merge at the next start skips what is already newer
                    log.warning("recovery file not cleaned: %s", exc)
            self._in_recovery.difference_update(saved)
            for anchor in saved:
                self.sig_saved.emit(anchor)
        if failure is None:
            self._attempt = 0
            self._last_reason = ""
        else:
            self._on_save_failed(failure)
        self._show_state()

    def _on_save_failed(self, error: NotesError) -> None:
        log.error("note not saved: %s", error)
        self._last_reason = error.reason
        unsafe = [n for anchor, n in self._pending.items() if anchor not in self._in_recovery]
        if unsafe:
            from velsen_desk.notes.errors import NotesError
            from velsen_desk.notes.recovery import keep_for_recovery

            try:
                keep_for_recovery(unsafe)
                self._in_recovery.update(n.anchor for n in unsafe)
            except NotesError as exc:
                log.error("note not kept in the recovery file either: %s", exc)
        delay = RETRY_DELAYS_MS[min(self._attempt, len(RETRY_DELAYS_MS) - 1)]
        self._attempt += 1
        self._retry_timer.start(delay)
        self.sig_error.emit(str(error))

    def _show_state(self) -> None:
        """The status label: saved, or why not and that it is retried."""
        anchor = self._item.anchor if self._item is not None else None
        if anchor is not None and anchor in self._pending:
            self.saved_label.setText(self.tr("Niet bewaard: {0} — wordt opnieuw geprobeerd").format(self._last_reason))
            self.saved_label.setStyleSheet("color: #b00020; font-weight: bold;")
            return
        self.saved_label.setStyleSheet("")
        if self._pending:
            self.saved_label.setText(
                self.tr("%n andere notitie(s) niet bewaard — wordt opnieuw geprobeerd", "", len(self._pending))
            )
        elif self.saved_label.text() != "":
            self.saved_label.setText(self.tr("bewaard"))

