"""The griffie's Beheer menu: export the workbook, read workbooks in, make the monitor forms,
build and publish. Only in griffie mode (Bestand → Griffiemodus, kept in the Qt settings) is the menu in
the menu bar: a raadslid does not see it.

All work runs in workers (:mod:`velsen_desk.ui.beheer.jobs`) with progress and cancel; a failure
changes nothing and says why in Dutch. The data folder is the griffie's own copy of the YAML
files (Beheer → Gegevensmap kiezen…); the workbook export reads the bundled data until one is chosen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from velsen_desk.core.task_state import TaskState
from velsen_desk.ui.operations import Operation, OperationRunner

# The dialogs' Qt classes, the jobs and the menu itself are made when first used: the window's
# first paint needs only the Griffiemodus action (PySide makes a Qt class's Python class, with all
# its enum classes, on first use).
if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from velsen_desk.sync.publish import PublishResult
    from velsen_desk.ui.beheer.forms_dialog import FormsDialog
    from velsen_desk.ui.beheer.import_dialog import ImportDialog

T = TypeVar("T")

GRIFFIE_KEY = "beheer/griffiemodus"
FOLDER_KEY = "beheer/gegevensmap"


class BeheerFeature(QObject):
    # ---- Signals
    sig_published = Signal(object)
    """A new version is on the share (the :class:`PublishResult`); the window may sync it."""
    sig_message = Signal(str)
    """A Dutch result or failure of the last piece of work (also in the status bar)."""

    def __init__(self, window: QMainWindow, settings: QSettings | None, today: dt.date | None = None,
                 show_errors: bool = True):
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._today = today
        self._show_errors = show_errors
        self._griffie = _as_bool(settings.value(GRIFFIE_KEY, False)) if settings is not None else False
        self._folder: Path | None = None
        if settings is not None and isinstance(value := settings.value(FOLDER_KEY, ""), str) and value:
            self._folder = Path(value)
        self.runner = OperationRunner(None, self)
        self.progress_dialog: QProgressDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.forms_dialog: FormsDialog | None = None
        self.last_message = ""
        self._before: QAction | None = None

        self.griffie_action = QAction(self.tr("&Griffiemodus (menu Beheer)"), self)
        self.griffie_action.setCheckable(True)
        self.griffie_action.setChecked(self._griffie)
        self.griffie_action.setToolTip(self.tr("Toont het menu Beheer om de gegevens bij te werken en te publiceren"))
        self.griffie_action.toggled.connect(self.set_griffie_mode)

        self._menu: QMenu | None = None

    # ---- Public API

    def install(self, before: QAction) -> None:
        """Put the menu in the window's menu bar before ``before`` (Help), in griffie mode only:
        a raadslid's menu bar holds no hidden Beheer menu."""
        self._before = before
        self._show_menu(self._griffie)

    @property
    def menu(self) -> QMenu:
        """The Beheer menu, made on first need (griffie mode, or asked for)."""
        if self._menu is None:
            self._menu = self._make_menu()
        return self._menu

    @property
    def griffie_mode(self) -> bool:
        return self._griffie

    def set_griffie_mode(self, on: bool) -> None:
        self._griffie = on
        if self.griffie_action.isChecked() != on:
            self.griffie_action.setChecked(on)
        self._show_menu(on)
        if self._settings is not None:
            self._settings.setValue(GRIFFIE_KEY, on)
            self._settings.sync()

    @property
    def data_folder(self) -> Path | None:
        return self._folder

    def set_data_folder(self, folder: Path) -> None:
        self._folder = folder
        if self._settings is not None:
            self._settings.setValue(FOLDER_KEY, str(folder))
            self._settings.sync()

    def choose_folder(self) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        chosen = QFileDialog.getExistingDirectory(
            self._window, self.tr("Kies de gegevensmap (de YAML-bestanden van de griffie)"),
            str(self._folder or Path.home()))
        if chosen:
            self.set_data_folder(Path(chosen))
        return self._folder

    def export_workbook(self, out: Path | None = None) -> None:
        from velsen_desk.ui.beheer.jobs import export_workbook

        if out is None:
            from PySide6.QtWidgets import QFileDialog

            name, _filter = QFileDialog.getSaveFileName(self._window, self.tr("Werkmap exporteren"),
                                                        str(Path.home() / "gegevens.xlsx"),
                                                        self.tr("Excel-werkmap (*.xlsx)"))
            if not name:
                return
            out = Path(name)
        self._run(partial(export_workbook, self._folder, out), self.tr("Werkmap exporteren…"), self._on_exported)

    def open_import(self, workbooks: list[Path] | None = None) -> ImportDialog | None:
        folder = self._folder or self.choose_folder()
        if folder is None:
            return None
        from velsen_desk.ui.beheer.import_dialog import ImportDialog

        self.import_dialog = ImportDialog(folder, self._window)
        self.import_dialog.sig_publish_requested.connect(lambda: self.build_and_publish())
        self.import_dialog.show()
        if workbooks:
            self.import_dialog.check(workbooks)
        return self.import_dialog

    def open_forms(self) -> FormsDialog:
        from velsen_desk.ui.beheer.forms_dialog import FormsDialog

        self.forms_dialog = FormsDialog(self._folder, self._today or dt.date.today(), self._window)
        self.forms_dialog.show()
        return self.forms_dialog

    def build_and_publish(self, share: Path | None = None, *, confirm: bool = True) -> None:
        """Build the data folder's database and publish it to ``share`` (default: the configured one)."""
        folder = self._folder or self.choose_folder()
        if folder is None:
            return
        if share is None:
            from velsen_desk.sync.config import ConfigError, configured_share

            try:
                share = configured_share()
            except ConfigError as exc:
                self._report(str(exc), failed=True)
                return
        from velsen_desk.ui.beheer.jobs import build_and_publish

        if confirm and self._show_errors:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self._window, self.tr("Database bouwen en publiceren"),
                self.tr("De gegevens uit {0} bouwen en publiceren naar {1}? Alle raadsleden krijgen ze bij hun "
                        "volgende synchronisatie.").format(folder, share or self.tr("(geen gedeelde map)")))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(partial(build_and_publish, folder, share), self.tr("Database bouwen en publiceren…"),
                  self._on_published)

    def wait(self, msecs: int = 30000) -> None:
        self.runner.wait(msecs)
        for dialog in (self.import_dialog, self.forms_dialog):
            if dialog is not None:
                dialog.wait(msecs)

    # ---- Private

    def _run(self, work: Callable[[TaskState], T], label: str, success: Callable[[T], None]) -> None:
        from PySide6.QtWidgets import QProgressDialog

        from velsen_desk.ui.beheer.jobs import BeheerError

        self.menu  # noqa: B018 -- made now if not yet: its work actions are disabled while this runs
        dialog = QProgressDialog(label, self.tr("Annuleren"), 0, 100, self._window)
        dialog.setObjectName("beheer_progress")
        dialog.setWindowTitle(self.tr("Beheer"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.progress_dialog = dialog
        for action in self._work_actions:
            action.setEnabled(False)

        def progress(percent: int, message: str) -> None:
            dialog.setValue(percent)
            if message:
                dialog.setLabelText(f"{label}\n{message}")

        def finished(result: T) -> None:
            self._done()
            success(result)

        operation = Operation(work, success=finished, failure=self._on_failed, expected=(BeheerError,))
        operation.with_progress(label, progress).on_cancelled(self._on_cancelled)
        state = self.runner.start(operation)
        dialog.canceled.connect(state.cancel)
        dialog.show()

    def _make_menu(self) -> QMenu:
        menu = QMenu(self.tr("Be&heer"), self._window)
        menu.setObjectName("beheer_menu")
        self.export_action = menu.addAction(self.tr("Werkmap &exporteren…"))
        self.export_action.triggered.connect(lambda: self.export_workbook())
        self.import_action = menu.addAction(self.tr("Werkmap &inlezen…"))
        self.import_action.triggered.connect(lambda: self.open_import())
        self.forms_action = menu.addAction(self.tr("&Voortgangsformulieren maken…"))
        self.forms_action.triggered.connect(lambda: self.open_forms())
        menu.addSeparator()
        self.publish_action = menu.addAction(self.tr("Database &bouwen en publiceren…"))
        self.publish_action.triggered.connect(lambda: self.build_and_publish())
        menu.addSeparator()
        self.folder_action = menu.addAction(self.tr("&Gegevensmap kiezen…"))
        self.folder_action.triggered.connect(lambda: self.choose_folder())
        self._work_actions = (self.export_action, self.import_action, self.forms_action, self.publish_action)
        self._menu = menu
        return menu

    def _show_menu(self, on: bool) -> None:
        if not on and self._menu is None:
            return  # never shown: nothing to take out, and nothing to make
        bar = self._window.menuBar()
        action = self.menu.menuAction()
        if on and action not in bar.actions():
            if self._before is not None and self._before in bar.actions():
                bar.insertMenu(self._before, self.menu)
            else:
                bar.addMenu(self.menu)
        elif not on and action in bar.actions():
            bar.removeAction(action)

    def _done(self) -> None:
        for action in self._work_actions:
            action.setEnabled(True)
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _on_exported(self, out: Path) -> None:
        self._report(self.tr("Werkmap geschreven: {0}").format(out))

    def _on_published(self, result: PublishResult) -> None:
        self._report(self.tr("Gepubliceerd: {0} (gegevensversie {1}).").format(result.path.name,
                                                                               result.manifest.data_version))
        self.sig_published.emit(result)

    def _on_failed(self, error: Exception) -> None:
        from velsen_desk.ui.beheer.jobs import BeheerError

        self._done()
        text = str(error) if isinstance(error, BeheerError) else self.tr(
            "Onverwachte fout: {0}. Er is niets gewijzigd.").format(error)
        self._report(text, failed=True)

    def _on_cancelled(self) -> None:
        self._done()
        self._report(self.tr("Geannuleerd; er is niets gewijzigd."))

    def _report(self, text: str, failed: bool = False) -> None:
        self.last_message = text
        self._window.statusBar().showMessage(text.splitlines()[0] if text else text, 15000)
        self.sig_message.emit(text)
        if failed and self._show_errors:
            from PySide6.QtWidgets import QMessageBox

            from velsen_desk.ui.widgets.style import escaped_rich_text

            QMessageBox.warning(self._window, self.tr("Beheer"), escaped_rich_text(text))


def _as_bool(value: object) -> bool:
    """QSettings' ini files give "true"/"false" back as text."""
    return value is True or (isinstance(value, str) and value.lower() == "true")

