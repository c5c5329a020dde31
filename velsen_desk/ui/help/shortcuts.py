"""Help → Sneltoetsen: every keyboard shortcut of the window, read from its real actions.

Nothing here is a hand-kept list: a shortcut added to (or changed on) a QAction appears the next
time the dialog opens, under the menu that holds the action.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Shortcut:
    keys: str  # as the user's platform writes them ("Ctrl+Shift+N")
    command: str  # the action's text without mnemonic markers
    place: str  # the menu it is in ("Beeld"), or "" for a window-wide key without a menu


def plain_text(text: str) -> str:
    """``"Mijn &notities…"`` → ``"Mijn notities…"`` (``&&`` stays one ``&``)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def window_shortcuts(window: QMainWindow) -> list[Shortcut]:
    """Every enabled-or-not action of ``window`` that has a shortcut, in menu order, each once."""
    seen: set[int] = set()
    found: list[Shortcut] = []

    def add(action: QAction, place: str) -> None:
        if id(action) in seen or action.isSeparator():
            return
        seen.add(id(action))
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
        if keys:
            found.append(Shortcut(", ".join(keys), plain_text(action.text()), place))

    def walk(menu: QMenu, place: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{place} → {plain_text(sub.title())}")
            else:
                add(action, place)

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain_text(menu.title()))
    for action in window.findChildren(QAction):  # window-wide keys outside the menus
        add(action, "")
    return found


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Sneltoetsen"))
        self.resize(560, 520)
        shortcuts = window_shortcuts(window)
        self.table = QTableWidget(len(shortcuts), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Toetsen"), self.tr("Opdracht"), self.tr("Menu")])
        self.table.setAccessibleName(self.tr("Sneltoetsen"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        for row, shortcut in enumerate(shortcuts):
            for column, text in enumerate((shortcut.keys, shortcut.command, shortcut.place or self.tr("overal"))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Rows follow their contents whenever the columns change: measured once here, they
        # would be measured at the default column widths and come out uneven.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        keys = QLabel(self.tr("Verder: Tab en Shift+Tab gaan naar het volgende of vorige onderdeel van het venster, "
                              "de pijltjestoetsen bewegen binnen een lijst of tabel, Alt met de onderstreepte "
                              "letter kiest een menu of veld."), self)
        keys.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(keys)
        layout.addWidget(buttons)
