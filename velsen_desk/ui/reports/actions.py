"""The "Rapporten" menu: one entry per report, and Ctrl+P for the report of the current tab.

The main window only calls :func:`install_report_actions`; everything else about reports lives
here and in the dialog.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from velsen_desk.ui.main_window import MainWindow
    from velsen_desk.ui.reports.dialog import ReportDialog

log = logging.getLogger(__name__)

GENERATE_AFTER_MS = 150


class ReportActions(QObject):
    """Owns the report menu's actions and the (single) open report dialog of one window."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self.dialog: ReportDialog | None = None
        self.menu = QMenu(self.tr("&Rapporten"), window)
        self.view_action = QAction(self.tr("Rapport van deze &weergave…"), window)
        self.view_action.setShortcut(QKeySequence.StandardKey.Print)
        self.view_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.view_action.setToolTip(self.tr("Maak, bekijk en druk het rapport af dat bij het open tabblad hoort "
                                            "(Ctrl+P)"))
        self.view_action.triggered.connect(lambda: self.open_dialog(self.kind_for_current_tab()))
        self.menu.addAction(self.view_action)
        self.menu.addSeparator()
        self.kind_actions: dict[str, QAction] = {}
        for kind, text in (
            ("themes", self.tr("&Thema’s…")),
            ("regie", self.tr("&Regie van een collegelid…")),
            ("portfolio", self.tr("&Portefeuilleverdeling…")),
            ("budget", self.tr("&Begroting Actieplan…")),
            ("timeline", self.tr("P&lanning Actieplan…")),
            ("annex", self.tr("&Agendabijlage…")),
        ):
            action = self.menu.addAction(text)
            action.triggered.connect(lambda _checked=False, kind=kind: self.open_dialog(kind))
            self.kind_actions[kind] = action
        window.addAction(self.view_action)  # Ctrl+P also works while the menu bar is hidden

    # ---- Public API

    def kind_for_current_tab(self) -> str:
        """The report that fits the tab on screen (themes → themes, budget → budget, …)."""
        w = self._window
        tabs = {w.themes_tab: "themes", w.portfolio_tab: "portfolio", w.budget_tab: "budget",
                w.timeline_tab: "timeline"}
        from velsen_desk.reports.work import TAB_KINDS

        return TAB_KINDS.get(tabs.get(w.tabs.currentWidget(), ""), "themes")

    def open_dialog(self, kind: str, *, generate: bool = True) -> ReportDialog:
        """Show the dialog for ``kind`` with the window's programme and "Bekijk als" person.

        A report that needs no further input is made straight away (``generate``)."""
        # Imported on first use (QtPdf, QtPrintSupport); ReportLab comes only in the worker.
        from velsen_desk.ui.reports.dialog import Choice, ReportDialog

        w = self._window
        if self.dialog is not None:
            self.dialog.close()
        programmes = [Choice(p.id, p.title) for p in (w.catalog.programmes if w.catalog else [])]
        data = w.state.data
        programme_id = w.programme_combo.currentData() or (data.programme.id if data else None)
        if data is not None and not any(c.id == data.programme.id for c in programmes):
            programmes.insert(0, Choice(data.programme.id, data.programme.title))
        people = {data.programme.id: [Choice(p.id, p.name) for p in data.college]} if data else {}
        dialog = ReportDialog(
            w.runner, programmes=programmes, programme_id=programme_id, people=people,
            person_id=w.state.person_id, kind=kind, today=getattr(w.timeline_tab, "today", None), parent=w,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._forget(d))
        self.dialog = dialog
        dialog.open()
        if generate and (kind not in ("annex", "regie") or (kind == "regie" and w.state.person_id)):
            # After the dialog and the window behind it have repainted: the worker's first
            # report imports ReportLab and the ORM, and would slow those paints down.
            QTimer.singleShot(GENERATE_AFTER_MS, dialog, dialog.generate)
        return dialog

    # ---- Private

    def _forget(self, dialog: ReportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None


def install_report_actions(window: MainWindow) -> ReportActions:
    """Add the "Rapporten" menu to ``window``'s menu bar and Ctrl+P to the window."""
    actions = ReportActions(window)
    window.menuBar().addMenu(actions.menu)
    return actions
