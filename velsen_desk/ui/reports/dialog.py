"""The report dialog: a :class:`ReportForm` to choose, a :class:`PdfPanel` to see, save and print.

The dialog wires them: "Voorbeeld maken" asks the form for a request and makes it in a worker
(:func:`make_report` below, an :class:`Operation` with progress) into a temporary
file that the panel shows; "Annuleren" stops the work at the service's next step and returns to
the form without a file. What the service refuses comes back as its Dutch message.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import tempfile
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core.task_state import TaskState
from velsen_desk.reports.request import ReportError, ReportRequest, ReportResult
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.reports.form import Choice, ReportForm
from velsen_desk.ui.reports.pdf_panel import PdfPanel
from velsen_desk.ui.reports.preview import HAVE_PDF
from velsen_desk.ui.widgets.chart_library import short_switch_interval
from velsen_desk.ui.widgets.screen_fit import resize_within_screen

log = logging.getLogger(__name__)

_KEYS = itertools.count(1)

__all__ = ["Choice", "ReportDialog"]


# ---- Work (worker thread; touches no widget)


def read_college(db: ReadOnlyDatabase | None, programme_id: str, _state: TaskState) -> list[Choice]:
    """The college of a programme, as plain choices (for the report dialog's person list)."""
    from velsen_desk.storage import reader

    if db is None:
        return []
    return [Choice(p.id, p.name) for p in db.read(reader.college, programme_id)]


def make_report(db: ReadOnlyDatabase | None, request: ReportRequest, state: TaskState) -> ReportResult:
    """The report for ``request``, read from the window's database; raises ReportError or Cancelled."""
    from velsen_desk.reports.work import make_report as make

    with short_switch_interval():  # ReportLab's work kept the dialog's paints waiting for the lock
        return make(db, request, state)


class ReportDialog(QDialog):
    """Choose kind, programme, person and (for an annex) the meeting; preview; save/print/open.

    Works without a main window: give it a runner (whose database it reads), the programmes and
    the people per programme (people of other programmes are fetched through the runner)."""

    # ---- Signals
    sig_preview_ready = Signal(object)
    """A preview was made; the :class:`ReportResult` (its path is the temporary file)."""
    sig_failed = Signal(str)
    """Making the report failed; the Dutch message also shown in the dialog."""
    sig_progress = Signal(int, str)
    """(percent, Dutch step) while a report is made."""
    sig_cancelled = Signal()
    """Making the report was cancelled; the dialog shows its form again."""

    def __init__(
        self,
        runner: OperationRunner,
        *,
        programmes: list[Choice],
        programme_id: str | None = None,
        people: dict[str, list[Choice]] | None = None,
        person_id: str | None = None,
        kind: str = "themes",
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rapport maken"))  # named like the other dialogs, without the app name
        self.setObjectName("report_dialog")
        self._runner = runner
        self._tmp = tempfile.TemporaryDirectory(prefix="velsen-rapport-", ignore_cleanup_errors=True)
        self._serial = itertools.count(1)
        self._task_key = f"report-dialog-{next(_KEYS)}"
        self._closed = False
        self._task: TaskState | None = None
        self._task_output: Path | None = None  # where the running task writes (for tests and logs)
        self._asked_kind = ""  # the kind of the report being made
        self._shown_kind = ""  # the kind of the report the preview shows

        self.form = ReportForm(programmes, people, person_id, today, self)
        self.pdf = PdfPanel(self)
        self._build()
        self.form.sig_people_needed.connect(self._fetch_people)
        self.form.sig_changed.connect(self._on_input_changed)
        self.pdf.sig_message.connect(self._show_message)
        self.pdf.sig_error.connect(self._show_error)
        self.form.set_kind(kind)
        self.form.set_programme(programme_id or (programmes[0].id if programmes else ""))
        self.form.update_enabled()
        resize_within_screen(self, QSize(1180, 700))

    # ---- Public API

    def set_kind(self, kind: str) -> None:
        self.form.set_kind(kind)

    @property
    def kind(self) -> str:
        return self.form.kind

    @property
    def busy(self) -> bool:
        return self._task is not None

    @property
    def result_(self) -> ReportResult | None:
        return self.pdf.result_

    def request(self) -> ReportRequest:
        """The request for the current choices, into a fresh temporary file."""
        return self.form.request(Path(self._tmp.name) / f"voorbeeld-{next(self._serial)}.pdf")

    def generate(self) -> bool:
        """Start making the preview (the service checks the request in the worker)."""
        if self.busy:
            return False
        request = self.request()
        self._task_output = request.output
        self._asked_kind = self.form.kind
        self._set_busy(True)
        self._show_message(self.tr("Het rapport wordt gemaakt…"))
        op = Operation(partial(make_report, self._runner.database, request), success=self._on_ready,
                       failure=self._on_failure, key=self._task_key, expected=(ReportError,))
        op.with_progress(self.tr("Rapport maken…"), self._on_progress).on_cancelled(self._on_cancelled)
        self._task = self._runner.start(op)
        return True

    def cancel(self) -> None:
        """Stop making the report; the form is usable again at once and nothing is shown."""
        if self._task is None:
            return
        self._task.cancel()
        self._task = None
        self._set_busy(False)
        self._show_message(self.tr("Het maken van het rapport is geannuleerd."))
        self.sig_cancelled.emit()

    def default_file_name(self) -> str:
        return self.form.default_file_name()

    def save(self) -> Path | None:
        return self.pdf.save(self.default_file_name())

    def print_report(self) -> int:
        return self.pdf.print_report()

    def open_saved(self) -> bool:
        return self.pdf.open_saved()

    @property
    def message(self) -> str:
        return self.message_label.text()

    # ---- Qt

    def done(self, result: int) -> None:
        self._closed = True
        if self._task is not None:
            self._task.cancel()
        self.pdf.clear()
        self._tmp.cleanup()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        super().closeEvent(event)

    # ---- Building

    def _build(self) -> None:
        self.generate_button = QPushButton(self.tr("&Voorbeeld maken"), self)
        self.generate_button.setToolTip(self.tr("Maak het rapport en toon de pagina’s rechts (Ctrl+Enter)"))
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton(self.tr("Annuleren"), self)
        self.cancel_button.setToolTip(self.tr("Stop met het maken van dit rapport"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Bezig met het rapport"))
        self.progress.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.progress.setMaximumHeight(12)
        self.progress.setVisible(False)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setAccessibleName(self.tr("Melding"))
        self.message_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.form)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.generate_button, 1)
        busy_row.addWidget(self.cancel_button)
        left_layout.addLayout(busy_row)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.message_label)
        left_layout.addStretch(1)
        left.setFixedWidth(370)

        self.close_button = QPushButton(self.tr("Sl&uiten"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = QDialogButtonBox(self)
        for button in self.pdf.buttons:
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.generate_button, self.cancel_button, *self.pdf.buttons, self.close_button):
            button.setAutoDefault(False)

        body = QHBoxLayout()
        body.addWidget(left)
        body.addWidget(self.pdf, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        QShortcut(QKeySequence("Ctrl+Return"), self, self._generate_if_idle)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self._generate_if_idle)
        QShortcut(QKeySequence.StandardKey.Save, self, self._save_if_enabled)
        QShortcut(QKeySequence.StandardKey.Print, self, self._print_if_enabled)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._cancel_or_close)
        self.setTabOrder(self.form.last_field, self.generate_button)
        self.form.kind_combo.setFocus()

    # ---- Reactions

    def _fetch_people(self, programme_id: str) -> None:
        op = Operation(partial(read_college, self._runner.database, programme_id),
                       success=partial(self._on_people, programme_id), failure=_ignore_failure,
                       key=f"{self._task_key}-people")
        self._runner.start(op.with_progress(self.tr("Collegeleden laden…")))

    def _on_people(self, programme_id: str, people: list[Choice]) -> None:
        if not self._closed:
            self.form.set_people(programme_id, people)

    def _on_input_changed(self) -> None:
        """A choice changed: the preview no longer matches it until it is made again."""
        if not self.pdf.forget():
            return
        if self.form.kind != self._shown_kind and not self.busy:
            # Another kind of report: the old pages would read as the new one, so make it anew.
            self.pdf.clear()
            self._shown_kind = ""
            self.generate()
        else:
            self._show_message(self.tr("De keuzes zijn gewijzigd. Maak het voorbeeld opnieuw om op te slaan of "
                                       "af te drukken."))

    def _on_progress(self, percent: int, step: str) -> None:
        if self._closed or self._task is None:
            return
        self.progress.setRange(0, 100)
        self.progress.setValue(percent)
        if step:  # the service's Dutch name of the step it is in
            self._show_message(self.tr("Het rapport wordt gemaakt: {0}…").format(step.lower()))
        self.sig_progress.emit(percent, step)

    def _on_ready(self, result: ReportResult) -> None:
        if self._closed:
            return
        self._task = None
        self._set_busy(False)
        self._shown_kind = self._asked_kind
        shown = self.pdf.show_result(result)
        self._show_message(self.tr("Het voorbeeld is klaar. Sla het op of druk het af.")
                           if shown or not HAVE_PDF else
                           self.tr("Het rapport is gemaakt, maar het voorbeeld kan niet getoond worden."))
        self.sig_preview_ready.emit(result)

    def _on_failure(self, error: Exception) -> None:
        if self._closed:
            return
        self._task = None
        self._set_busy(False)
        if isinstance(error, ReportError):
            # The service words its checks for the command line (--meeting, --person); a field
            # the form offers is named the way the form names it.
            text = self._form_wording(error.field) or str(error)
        else:
            text = self.tr("Het rapport kon niet worden gemaakt door een onverwachte fout ({0}). "
                           "De details staan in het logboek.").format(error.__class__.__name__)
        self._show_error(text)

    def _on_cancelled(self) -> None:
        """The worker stopped at a step after :meth:`cancel` (which already reset the dialog)."""
        log.debug("report cancelled in the worker")

    # ---- Helpers

    def _form_wording(self, field: str | None) -> str | None:
        return {
            "meeting": self.tr("Vul de titel van de vergadering in, bijvoorbeeld “Raadsvergadering”."),
            "date": self.tr("Kies een geldige datum van de vergadering."),
            "person": self.tr("Kies bij “Collegelid” wiens regie het rapport toont."),
            "items": self.tr("Kies welke onderdelen in de bijlage komen."),
            "peildatum": self.tr("Kies een geldige peildatum."),
        }.get(field or "")

    def _set_busy(self, busy: bool) -> None:
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.generate_button.setEnabled(not busy)
        self.form.setEnabled(not busy)
        self.pdf.set_busy(busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _show_message(self, text: str) -> None:
        self.message_label.setStyleSheet("")
        self.message_label.setText(text)

    def _show_error(self, text: str) -> None:
        self.message_label.setStyleSheet("color: #a4000f; font-weight: 600;")
        self.message_label.setText(text)
        self.message_label.setAccessibleDescription(text)
        self.sig_failed.emit(text)

    def _generate_if_idle(self) -> None:
        if self.generate_button.isEnabled():
            self.generate()

    def _save_if_enabled(self) -> None:
        if self.pdf.save_button.isEnabled():
            self.save()

    def _print_if_enabled(self) -> None:
        if self.pdf.print_button.isEnabled():
            self.print_report()

    def _cancel_or_close(self) -> None:
        if self.busy:
            self.cancel()
        else:
            self.reject()


def _ignore_failure(error: Exception) -> None:
    """The person list stays empty; the service names the college if a report needs a person."""
    log.warning("college not read: %s", error)
