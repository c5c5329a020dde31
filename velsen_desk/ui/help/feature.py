"""The Help menu's guide and shortcut list; the main window only calls :func:`install_help_actions`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:  # imported when first opened: the dialogs' Qt classes are not needed to start
    from velsen_desk.ui.help.guide import GuideDialog
    from velsen_desk.ui.help.shortcuts import ShortcutsDialog


class HelpActions(QObject):
    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self.guide: GuideDialog | None = None
        self.shortcuts: ShortcutsDialog | None = None
        self.guide_action = QAction(self.tr("&Handleiding"), window)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.guide_action.triggered.connect(self.show_guide)
        self.shortcuts_action = QAction(self.tr("&Sneltoetsen"), window)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        menu.addAction(self.guide_action)
        menu.addAction(self.shortcuts_action)
        menu.addSeparator()

    def show_guide(self) -> GuideDialog:
        if self.guide is None:
            from velsen_desk.ui.help.guide import GuideDialog

            self.guide = GuideDialog(self._window)
        self.guide.show()
        self.guide.raise_()
        return self.guide

    def show_shortcuts(self) -> ShortcutsDialog:
        """Made anew each time: it lists the shortcuts the window has now."""
        from velsen_desk.ui.help.shortcuts import ShortcutsDialog

        if self.shortcuts is not None:
            self.shortcuts.close()
            self.shortcuts.deleteLater()
        self.shortcuts = ShortcutsDialog(self._window)
        self.shortcuts.show()
        self.shortcuts.raise_()
        return self.shortcuts


def install_help_actions(window: QMainWindow, menu: QMenu) -> HelpActions:
    """Add "Handleiding" (F1) and "Sneltoetsen" to ``menu``, the window's Help menu."""
    return HelpActions(window, menu)
