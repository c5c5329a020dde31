"""Bestand → Voortgang invullen…: the menu action, and the one worker thread for the server.

The feature owns a thread pool of one thread, so a party session (one connection, not
thread-safe) is only ever used by one job at a time, in the order the jobs were started: a
close queued after a submission runs after it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from velsen_desk.ui.operations import OperationRunner

if TYPE_CHECKING:  # imported when first opened: the server client (psycopg, SQLAlchemy) never slows the start
    from velsen_desk.ui.progress_entry.connect_dialog import ConnectDialog
    from velsen_desk.ui.progress_entry.entry_dialog import ProgressEntryDialog
    from velsen_desk.ui.progress_entry.jobs import Connected


class ProgressEntryFeature(QObject):
    def __init__(self, window: QMainWindow, settings: QSettings | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._today = today
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.runner = OperationRunner(None, self, self._pool)
        self.connect_dialog: ConnectDialog | None = None
        self.entry_dialog: ProgressEntryDialog | None = None
        self.action = QAction(self.tr("&Voortgang invullen…"), self)
        self.action.setToolTip(self.tr("Vul als trekker de voortgang van uw acties in, rechtstreeks in de centrale "
                                       "database van de griffie"))
        self.action.triggered.connect(self.open)

    # ---- Public API

    def open(self) -> ConnectDialog | ProgressEntryDialog:
        """The entry dialog when connected, else the connect dialog (both non-blocking)."""
        if self.entry_dialog is not None and self.entry_dialog.isVisible():
            self.entry_dialog.raise_()
            self.entry_dialog.activateWindow()
            return self.entry_dialog
        if self.connect_dialog is None or not self.connect_dialog.isVisible():
            from velsen_desk.ui.progress_entry.connect_dialog import ConnectDialog

            settings = self._settings if self._settings is not None else QSettings()
            self.connect_dialog = ConnectDialog(self.runner, settings, self._window)
            self.connect_dialog.sig_connected.connect(self._on_connected)
            self.connect_dialog.open()
        return self.connect_dialog

    def confirm_close(self) -> bool:
        """Before the window closes: False when the user chose to stay for unsent progress."""
        return self.entry_dialog is None or not self.entry_dialog.isVisible() or self.entry_dialog.confirm_close()

    def wait(self, msecs: int = 30000) -> bool:
        """Close any session and wait for the worker (the window calls this when it closes)."""
        if self.entry_dialog is not None:
            self.entry_dialog.shutdown()
        return self.runner.wait(msecs)

    # ---- Private

    def _on_connected(self, connected: Connected) -> None:
        from velsen_desk.ui.progress_entry.entry_dialog import ProgressEntryDialog

        dialog = ProgressEntryDialog(connected, self.runner, self._today or dt.date.today(), self._window)
        self.entry_dialog = dialog
        dialog.resize(1100, 600)
        dialog.show()
        self._window.statusBar().showMessage(dialog.connection_text(), 15000)
