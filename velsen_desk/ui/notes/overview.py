"""Beeld → Mijn notities…: every note and flag, loose ones included, with export and import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.item_kinds import item_kind
from velsen_desk.notes.current import current_notes
from velsen_desk.notes.notes_file import Note, NotesError
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.registry_labels import QT_TRANSLATE_NOOP
from velsen_desk.ui.widgets.style import escaped_rich_text, muted_colour, plain_label

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()


def _tr(text_: str) -> str:
    # The empty context: lupdate files bare _tr() calls there (packaging/update-translations.sh).
    return QCoreApplication.translate("", text_)


def load_notes(db: ReadOnlyDatabase | None) -> list[Note]:
    """All notes, loose ones marked. Runs in a worker; raises NotesError."""
    store = current_notes(create=False)
    if store is None:
        return []
    if db is None:
        return store.all(None)
    from velsen_desk.storage.reader import anchor_ids

    return store.all(db.read(anchor_ids))


class NotesModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("", "Onderdeel"), QT_TRANSLATE_NOOP("", "Soort"), QT_TRANSLATE_NOOP("", "Bespreken"),
        QT_TRANSLATE_NOOP("", "Notitie"), QT_TRANSLATE_NOOP("", "Status"), QT_TRANSLATE_NOOP("", "Bijgewerkt"),
    )

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._notes: list[Note] = []

    def set_notes(self, notes: list[Note]) -> None:
        self.beginResetModel()
        self._notes = list(notes)
        self.endResetModel()

    def note(self, row: int) -> Note | None:
        return self._notes[row] if 0 <= row < len(self._notes) else None

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._notes)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        note = self.note(index.row()) if index.isValid() else None
        if note is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 3:
                return escaped_rich_text(note.text)
            return escaped_rich_text(self.data(index, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return note.label
            if column == 1:
                kind = item_kind(note.kind)
                # One note is about one item: "Thema", not the group heading "Thema's".
                return QCoreApplication.translate("ItemKind", kind.singular) if kind else note.kind
            if column == 2:
                return _tr("ja") if note.flagged else ""
            if column == 3:
                return " ".join(note.text.split())
            if column == 4:
                return _tr("los") if note.loose else ""
            if column == 5:
                try:
                    stamp = dt.datetime.fromisoformat(note.updated_at).astimezone()
                    # as the window writes dates
                    return f"{format_long_date(stamp.date(), window_locale())} {stamp:%H:%M}"
                except ValueError:
                    return note.updated_at
        if role == Qt.ItemDataRole.ForegroundRole and note.loose:
            return muted_colour()
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and note.loose:
            return _tr("los: dit onderdeel staat niet meer in de gegevens")
        return None


class NotesOverview(QDialog):
    """Non-modal. ``reload`` is a callable that (re)loads the notes via the window's task runner."""

    # ---- Signals
    sig_brief_requested = Signal()
    """"Persoonlijke voorbereiding…": make (and print) the brief from these notes."""
    sig_note_opened = Signal(object)
    """A note was double-clicked (or Enter pressed on it): show its item; the :class:`Note`."""

    def __init__(self, reload: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notes_overview")
        self.setWindowTitle(self.tr("Mijn notities"))
        self.setModal(False)
        self.resize(900, 480)
        self._reload = reload
        intro = QLabel(
            self.tr("Uw persoonlijke notities en “bespreken in vergadering”, alleen op deze laptop. "
                    "“los”: het onderdeel staat niet meer in de gegevens; de notitie blijft bewaard."),
            self,
        )
        intro.setWordWrap(True)
        self.model = NotesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between cells
        self.table.setAccessibleName(self.tr("Notities"))
        self.table.setAccessibleDescription(self.tr("Dubbelklik of Enter op een notitie opent het onderdeel."))
        self.table.activated.connect(self._on_activated)  # double-click, or Enter on the keyboard
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.message = plain_label(QLabel(self))
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Melding"))
        self.export_button = QPushButton(self.tr("&Exporteren…"), self)
        self.export_button.setAccessibleName(self.tr("Notities exporteren"))
        self.export_button.clicked.connect(self.export_notes)
        self.import_button = QPushButton(self.tr("&Importeren…"), self)
        self.import_button.setAccessibleName(self.tr("Notities importeren"))
        self.import_button.clicked.connect(self.import_notes)
        self.brief_button = QPushButton(self.tr("&Persoonlijke voorbereiding…"), self)
        self.brief_button.setAccessibleName(self.tr("Persoonlijke voorbereiding maken"))
        self.brief_button.setToolTip(
            self.tr("Maak van deze notities een PDF om te bekijken, te bewaren of af te drukken."))
        self.brief_button.clicked.connect(self.sig_brief_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addWidget(self.brief_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)

    # ---- Public API

    def show_notes(self, notes: list[Note]) -> None:
        self.model.set_notes(notes)
        if not notes:
            self.message.setText(self.tr("Nog geen notities. Typ een notitie onder de details van een onderdeel."))

    def show_error(self, message: str) -> None:
        self.message.setText(message)

    def _on_activated(self, index: QModelIndex) -> None:
        note = self.model.note(index.row())
        if note is not None:
            self.sig_note_opened.emit(note)

    def export_notes(self) -> None:
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Notities exporteren"), str(Path.home() / "velsen-desk-notities.json"),
            self.tr("Notitie-export (*.json)"),
        )
        if not target:
            return
        try:
            store = current_notes()
            assert store is not None
            count = store.export(Path(target))
        except (NotesError, OSError) as exc:
            self.message.setText(self.tr("Exporteren mislukt: {0}").format(exc))
            return
        self.message.setText(self.tr("%n notitie(s) geëxporteerd naar {0}.", "", count).format(target))

    def import_notes(self) -> None:
        source, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Notities importeren"), str(Path.home()), self.tr("Notitie-export (*.json)")
        )
        if not source:
            return
        try:
            store = current_notes()
            assert store is not None
            count = store.import_file(Path(source))
        except NotesError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("%n notitie(s) geïmporteerd.", "", count))
        self._reload()
