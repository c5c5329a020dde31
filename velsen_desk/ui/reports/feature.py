"""The "Rapporten" menu: one entry per report, and Ctrl+P for the report of the current tab.

The main window only calls :func:`install_report_actions`; everything else about reports lives
here and in the dialog. The kinds and the tab each fits come from
:mod:`velsen_desk.core.report_kinds`; the programme, person, tab and date from the view state.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from velsen_desk.core.report_kinds import REPORT_KINDS, ReportKind, is_report_kind, kind_for_tab, report_kind
from velsen_desk.ui.notes.editor import NoteEditor
from velsen_desk.ui.operations import OperationRunner
from velsen_desk.ui.programme_loader import ProgrammeLoader
from velsen_desk.ui.registry_labels import QT_TRANSLATE_NOOP, report_kind_label
from velsen_desk.ui.state import ViewState
from velsen_desk.ui.widgets.background_import import import_in_background

if TYPE_CHECKING:
    from velsen_desk.ui.reports.dialog import ReportDialog

log = logging.getLogger(__name__)

GENERATE_AFTER_MS = 150
DIALOG_MODULE = "velsen_desk.ui.reports.dialog"

# Menu texts with their keyboard mnemonics (the registry's labels carry none); a kind without one
# here shows its registry label.
_MENU_TEXTS = {
    "themes": QT_TRANSLATE_NOOP("ReportActions", "&Thema’s…"),
    "regie": QT_TRANSLATE_NOOP("ReportActions", "&Regie van een collegelid…"),
    "portfolio": QT_TRANSLATE_NOOP("ReportActions", "&Portefeuilleverdeling…"),
    "budget": QT_TRANSLATE_NOOP("ReportActions", "&Begroting Actieplan…"),
    "timeline": QT_TRANSLATE_NOOP("ReportActions", "P&lanning Actieplan…"),
    "voortgang": QT_TRANSLATE_NOOP("ReportActions", "&Voortgang Actieplan…"),
    "annex": QT_TRANSLATE_NOOP("ReportActions", "&Agendabijlage…"),
    "brief": QT_TRANSLATE_NOOP("ReportActions", "Persoonlijke voorbereiding (uit mijn &notities)…"),
}


def menu_text(kind: ReportKind) -> str:
    if kind.id in _MENU_TEXTS:
        return QCoreApplication.translate("ReportActions", _MENU_TEXTS[kind.id])
    return report_kind_label(kind) + "…"


def needs_input(kind: ReportKind, person_id: str | None) -> bool:
    """Whether the dialog must wait for the user before it can make this report."""
    return kind.needs_meeting or (kind.needs_person and person_id is None)


class ReportActions(QObject):
    """Owns the report menu's actions and the (single) open report dialog of one window."""

    def __init__(self, window: QMainWindow, runner: OperationRunner, state: ViewState,
                 loader: ProgrammeLoader) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._state = state
        self._loader = loader
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
        for kind in REPORT_KINDS:
            if not kind.in_dialog:
                continue
            action = self.menu.addAction(menu_text(kind))
            action.triggered.connect(lambda _checked=False, kind_id=kind.id: self.open_dialog(kind_id))
            self.kind_actions[kind.id] = action
        window.addAction(self.view_action)  # Ctrl+P also works while the menu bar is hidden

    # ---- Public API

    def kind_for_current_tab(self) -> str:
        """The report that fits the tab on screen (themes → themes, budget → budget, …)."""
        return kind_for_tab(self._state.current_tab).id

    def open_dialog(self, kind: str, *, generate: bool = True) -> ReportDialog:
        """Show the dialog for ``kind`` with the window's programme and "Bekijk als" person.

        A report that needs no further input is made straight away (``generate``)."""
        # Imported on first use (QtPdf, QtPrintSupport); ReportLab comes only in the worker.
        from velsen_desk.ui.reports.dialog import Choice, ReportDialog

        if self.dialog is not None:
            self.dialog.close()
        # The brief reads the notes file: what was just typed goes in.
        if is_report_kind(kind) and report_kind(kind).personal:
            for editor in self._window.findChildren(NoteEditor):
                editor.flush()
        catalog = self._loader.catalog
        programmes = [Choice(p.id, p.title) for p in (catalog.programmes if catalog else ())]
        shown = self._state.shown  # at the start, before its data are in: the one in outline
        programme_id = shown.programme.id if shown else None
        if shown is not None and not any(c.id == shown.programme.id for c in programmes):
            programmes.insert(0, Choice(shown.programme.id, shown.programme.title))
        people = {shown.programme.id: [Choice(p.id, p.name) for p in shown.college]} if shown else {}
        dialog = ReportDialog(
            self._runner, programmes=programmes, programme_id=programme_id, people=people,
            person_id=self._state.person_id, kind=kind, today=self._state.today, parent=self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._forget(d))
        self.dialog = dialog
        dialog.open()
        if generate and not needs_input(report_kind(dialog.kind), self._state.person_id):
            # After the dialog and the window behind it have repainted: the worker's first
            # report imports ReportLab and the ORM, and would slow those paints down.
            QTimer.singleShot(GENERATE_AFTER_MS, dialog, dialog.generate)
        return dialog

    def preload(self) -> None:
        """Import the dialog's modules (QtPdf, QtPrintSupport, the form) in the background, so
        the first Ctrl+P does not wait for them on the GUI thread."""
        import_in_background(DIALOG_MODULE)

    # ---- Private

    def _forget(self, dialog: ReportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None


def install_report_actions(
    window: QMainWindow, runner: OperationRunner, state: ViewState, loader: ProgrammeLoader
) -> ReportActions:
    """Add the "Rapporten" menu to ``window``'s menu bar and Ctrl+P to the window."""
    actions = ReportActions(window, runner, state, loader)
    window.menuBar().addMenu(actions.menu)
    return actions
