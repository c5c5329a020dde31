"""Sync in the main window: actions (Synchroniseren, F5; Instellingen…; Wat is er veranderd…;
Vorige versie terugzetten…),
status-bar widgets and messages. Holds no data: the window reloads every tab when
``sig_new_version`` fires (the one broadcast after a sync brought a new data version)."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QToolButton

from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.locales import Locale
from velsen_desk.core.paths import local_database_path
from velsen_desk.core.task_state import TaskState
from velsen_desk.storage.local_copy import read_origin
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.sync.controller import SyncController
from velsen_desk.ui.widgets.style import plain_label

if TYPE_CHECKING:  # the dialogs are imported when first opened, not before the window's first paint
    from PySide6.QtWidgets import QMessageBox

    from velsen_desk.sync.changes import ChangeReport
    from velsen_desk.sync.rollback import RollbackResult
    from velsen_desk.sync.sync import SyncResult
    from velsen_desk.ui.sync.changes import ChangesDialog
    from velsen_desk.ui.sync.rollback import RollbackDialog
    from velsen_desk.ui.sync.settings import SettingsDialog


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f}".replace(".", ",")


# ---- Work (worker thread; touches no widget)


def changes_between(new: Path, old: Path | None, locale: Locale, _state: TaskState) -> ChangeReport:
    """What changed between the previous kept version (or ``old``) and ``new``, in the window's ``locale``."""
    from velsen_desk.sync.changes import compute_changes

    return compute_changes(new, old, locale)


class SyncFeature(QObject):
    # ---- Signals
    sig_new_version = Signal(object)
    """A sync or a rollback put another data version in place (the :class:`SyncResult` or
    :class:`RollbackResult`); every tab must reload."""
    sig_sync_failed = Signal(str)
    """A sync failed; the Dutch message. The window keeps showing the last good data."""

    def __init__(self, window: QMainWindow, show_errors: bool = True):
        super().__init__(window)
        self._window = window
        self._show_errors = show_errors
        self._last_result: SyncResult | None = None
        self.controller = SyncController(self)
        self.runner = OperationRunner(None, self)  # the diff ("wat is er veranderd") runs off the GUI thread
        self.changes_dialog: ChangesDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.griffie_action: QAction | None = None  # the window's Griffiemodus toggle, offered in Instellingen too
        self.message_box: QMessageBox | None = None
        self.rollback_dialog: RollbackDialog | None = None

        self.sync_action = QAction(self.tr("&Synchroniseren"), self)
        self.sync_action.setShortcut(QKeySequence("F5"))
        self.sync_action.setToolTip(self.tr("Nieuwe gegevens ophalen uit de gedeelde map (F5)"))
        self.sync_action.triggered.connect(lambda: self.start())
        self.settings_action = QAction(self.tr("&Instellingen…"), self)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        self.changes_action = QAction(self.tr("&Wat is er veranderd…"), self)
        self.changes_action.setToolTip(self.tr("Vergelijk de huidige gegevens met de vorige versie"))
        self.changes_action.triggered.connect(self.show_changes)
        self.rollback_action = QAction(self.tr("Vorige versie &terugzetten…"), self)
        self.rollback_action.setToolTip(self.tr("Ga terug naar een eerder gebruikte, bewaarde versie van de gegevens"))
        self.rollback_action.triggered.connect(self.open_rollback)

        self.sync_label = plain_label(QLabel(window))
        self.sync_label.setAccessibleName(self.tr("Laatste synchronisatie"))
        self.changes_button = QToolButton(window)
        self.changes_button.setDefaultAction(self.changes_action)
        self.changes_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.changes_button.setAccessibleName(self.tr("Wat is er veranderd"))
        self.changes_button.hide()
        status = window.statusBar()
        status.addPermanentWidget(self.changes_button)
        status.addPermanentWidget(self.sync_label)

        self.controller.sig_started.connect(self._on_started)
        self.controller.sig_progress.connect(self._on_progress)
        self.controller.sig_finished.connect(self._on_finished)
        self.controller.sig_failed.connect(self._on_failed)
        # The status text waits for update_status(): the window calls it after its first paint
        # (a sync date needs Babel's calendar data, ~30 ms).

    # ---- Public API

    def local_db(self) -> Path:
        return getattr(self._window, "db_path", None) or local_database_path()

    def start(self, share: Path | None = None, *, automatic: bool = False) -> bool:
        return self.controller.start(self.local_db(), share, automatic=automatic)

    def update_status(self) -> None:
        synced = read_origin(self.local_db()).get("synced_at")
        when = None
        if synced:
            try:
                stamp = dt.datetime.fromisoformat(synced).astimezone()
                when = f"{format_long_date(stamp.date(), window_locale())} {stamp:%H:%M}"
            except ValueError:
                when = synced
        self.sync_label.setText(
            self.tr("Laatste synchronisatie: {0}").format(when) if when else self.tr("Nog niet gesynchroniseerd")
        )

    def open_settings(self) -> SettingsDialog:
        """Window-modal but non-blocking (``open``); saving happens in the dialog."""
        from velsen_desk.ui.sync.settings import SettingsDialog

        self.settings_dialog = SettingsDialog(self._window, griffie_action=self.griffie_action)
        self.settings_dialog.accepted.connect(self._on_settings_saved)
        self.settings_dialog.open()
        return self.settings_dialog

    def show_changes(self, old: Path | None = None) -> ChangesDialog:
        """Show the changes between ``old`` (default: the newest kept version) and the local data."""
        if self.changes_dialog is None:
            from velsen_desk.ui.sync.changes import ChangesDialog

            self.changes_dialog = ChangesDialog(self._window)
        dialog = self.changes_dialog
        dialog.summary.setText(self.tr("Verschillen bepalen…"))
        dialog.show()
        dialog.raise_()
        new = self.local_db()
        self.runner.start(Operation(partial(changes_between, new, old, window_locale()), success=self._on_changes,
                                    failure=self._on_changes_failed, key="changes"))
        return dialog

    def open_rollback(self) -> RollbackDialog:
        """Non-modal: lists the kept versions, shows the changes, asks before going back."""
        from velsen_desk.ui.sync.rollback import RollbackDialog

        self.rollback_dialog = RollbackDialog(self.local_db(), self._window)
        self.rollback_dialog.sig_rolled_back.connect(self._on_rolled_back)
        self.rollback_dialog.show()
        return self.rollback_dialog

    def wait(self, msecs: int = 30000) -> None:
        self.controller.wait(msecs)
        self.runner.wait(msecs)
        if self.rollback_dialog is not None:
            self.rollback_dialog.wait(msecs)

    # ---- Private

    def _on_settings_saved(self) -> None:
        self._window.statusBar().showMessage(self.tr("Instellingen bewaard."), 5000)
        dialog = self.settings_dialog
        if dialog is not None and dialog.share() is not None and dialog.share_changed():
            self.start()

    def _on_started(self) -> None:
        self.sync_action.setEnabled(False)
        self._window.statusBar().showMessage(self.tr("Synchroniseren…"))

    def _on_progress(self, done: int, total: int) -> None:
        self._window.statusBar().showMessage(
            self.tr("Synchroniseren: {0} van {1} MB gekopieerd").format(_megabytes(done), _megabytes(total))
        )

    def _on_finished(self, result: SyncResult) -> None:
        self.sync_action.setEnabled(True)
        self._last_result = result
        self.update_status()
        if result.held_back:
            self._window.statusBar().showMessage(
                self.tr("U werkt met een teruggezette versie; synchroniseer (F5) om de nieuwste op te halen."), 8000
            )
            return
        if not result.changed:
            self._window.statusBar().showMessage(
                self.tr("Gesynchroniseerd: u hebt de nieuwste gegevens van de griffie."), 8000
            )
            return
        self._window.statusBar().showMessage(
            self.tr("Nieuwe gegevens van de griffie binnengehaald. Zie “Wat is er veranderd…”."),
            15000,
        )
        self.changes_button.setVisible(result.previous is not None)
        self.sig_new_version.emit(result)

    def _on_rolled_back(self, result: RollbackResult) -> None:
        self.update_status()
        self._window.statusBar().showMessage(
            self.tr("De vorige versie van de gegevens is teruggezet."), 15000
        )
        self.sig_new_version.emit(result)

    def _on_failed(self, message: str, automatic: bool) -> None:
        self.sync_action.setEnabled(True)
        self._window.statusBar().showMessage(self.tr("Synchroniseren mislukt: {0}").format(message), 30000)
        self.sig_sync_failed.emit(message)
        if self._show_errors and not automatic:
            from PySide6.QtWidgets import QMessageBox  # made when first needed: not for the first paint

            self.message_box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Synchroniseren mislukt"), message,
                QMessageBox.StandardButton.Ok, self._window,
            )
            self.message_box.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes the share's files
            self.message_box.setModal(False)
            self.message_box.show()  # non-blocking: the window stays usable

    def _on_changes(self, report: ChangeReport) -> None:
        if self.changes_dialog is not None:
            self.changes_dialog.show_report(report)

    def _on_changes_failed(self, error: Exception) -> None:
        if self.changes_dialog is not None:
            self.changes_dialog.summary.setText(self.tr("Vergelijken lukte niet: {0}").format(error))
