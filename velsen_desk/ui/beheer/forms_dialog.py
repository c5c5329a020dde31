"""Beheer → Voortgangsformulieren maken…: one monitor form per trekker of a plan, in one go,
into a chosen folder (:func:`~velsen_desk.workbook.monitor_forms.make_monitor_forms`, in a worker)."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.ui.beheer.jobs import BeheerError, make_forms, plans_of
from velsen_desk.ui.beheer.task_panel import TaskPanel
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.widgets.style import plain_label

if TYPE_CHECKING:  # openpyxl arrives with the worker, not with the dialog
    from velsen_desk.workbook.monitor_forms import MadeForms


class FormsDialog(QDialog):
    def __init__(self, folder: Path | None, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("forms_dialog")
        self.setWindowTitle(self.tr("Voortgangsformulieren maken"))
        self.resize(720, 420)
        self._folder = folder
        self.made: MadeForms | None = None
        self.runner = OperationRunner(None, self)
        intro = plain_label(QLabel(self.tr(
            "Maakt voor elke trekker van het actieplan een eigen monitorformulier met alleen de eigen acties. "
            "Stuur elk formulier naar zijn trekker en lees het ingevulde formulier in met “Werkmap inlezen…”."),
            self))
        intro.setWordWrap(True)
        self.plan_combo = QComboBox(self)
        self.plan_combo.setAccessibleName(self.tr("Actieplan"))
        self.peildatum = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.peildatum.setCalendarPopup(True)
        self.peildatum.setDisplayFormat("dd-MM-yyyy")
        self.peildatum.setAccessibleName(self.tr("Peildatum"))
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setPlaceholderText(self.tr("kies de map voor de formulieren"))
        self.folder_edit.setAccessibleName(self.tr("Map voor de formulieren"))
        self.folder_edit.textChanged.connect(self._update_buttons)
        browse = QPushButton(self.tr("&Bladeren…"), self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Actieplan:"), self.plan_combo)
        form.addRow(self.tr("&Peildatum:"), self.peildatum)
        folder_label = QLabel(self.tr("&Map:"), self)
        folder_label.setBuddy(self.folder_edit)  # a row of widgets gets no buddy from addRow
        form.addRow(folder_label, row)
        self.summary = plain_label(QLabel(self))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Resultaat"))
        self.task = TaskPanel(self)
        buttons = QDialogButtonBox(self)
        self.make_button = QPushButton(self.tr("Formulieren &maken"), self)
        self.make_button.setEnabled(False)
        self.make_button.clicked.connect(self.make)
        buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.task)
        layout.addWidget(self.summary, 1)
        layout.addWidget(buttons)
        operation = Operation(partial(plans_of, folder), success=self._on_plans, failure=self._on_failed,
                              expected=(BeheerError,))
        self.task.track(self.runner.start(operation), self.tr("Actieplannen lezen…"))

    # ---- Public API

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Map voor de formulieren"),
                                                  self.folder_edit.text() or str(Path.home()))
        if chosen:
            self.folder_edit.setText(chosen)

    def make(self) -> None:
        plan = self.plan_combo.currentData()
        out = self.folder_edit.text().strip()
        if not isinstance(plan, str) or not out:
            return
        target = Path(out)
        if not target.is_dir():
            self.summary.setText(self.tr("{0} is geen bestaande map; kies een map.").format(target))
            return
        date = self.peildatum.date()
        peildatum = dt.date(date.year(), date.month(), date.day())
        self.make_button.setEnabled(False)
        self.summary.clear()
        operation = Operation(partial(make_forms, self._folder, plan, peildatum, target), success=self._on_made,
                              failure=self._on_failed, expected=(BeheerError,))
        operation.with_progress(callback=self.task.progress).on_cancelled(self._on_cancelled)
        self.task.track(self.runner.start(operation), self.tr("Formulieren maken…"))

    def wait(self, msecs: int = 30000) -> None:
        self.runner.wait(msecs)

    # ---- Private

    def _update_buttons(self) -> None:
        self.make_button.setEnabled(not self.task.busy and self.plan_combo.count() > 0
                                    and bool(self.folder_edit.text().strip()))

    def _on_plans(self, plans: tuple[tuple[str, str], ...]) -> None:
        self.task.done()
        for plan_id, title in plans:
            self.plan_combo.addItem(title, plan_id)
        if not plans:
            self.summary.setText(self.tr("De gegevens hebben geen actieplan."))
        self._update_buttons()

    def _on_made(self, made: MadeForms) -> None:
        self.task.done()
        self.made = made
        lines = [self.tr("%n formulier(en) geschreven:", "", len(made.forms))]
        lines += [self.tr("• {0}: {1} (%n actie(s))", "", form.actions).format(form.trekker, form.file.name)
                  for form in made.forms]
        lines += [self.tr("• {0}: overgeslagen, {1}").format(trekker, reason) for trekker, reason in made.skipped]
        if made.without_trekker:
            lines.append(self.tr("%n actie(s) zonder trekker kregen geen formulier.", "", made.without_trekker))
        self.summary.setText("\n".join(lines))
        self._update_buttons()

    def _on_failed(self, error: Exception) -> None:
        self.task.done()
        self.summary.setText(str(error) if isinstance(error, BeheerError) else self.tr(
            "Onverwachte fout: {0}. Er zijn geen formulieren gemaakt.").format(error))
        self._update_buttons()

    def _on_cancelled(self) -> None:
        self.task.done()
        self.summary.setText(self.tr("Geannuleerd; er zijn geen formulieren geschreven."))
        self._update_buttons()
