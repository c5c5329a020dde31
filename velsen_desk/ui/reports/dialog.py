"""The report dialog: choose a report, see its pages, then save, print or open it.

Generation runs through the window's :class:`~velsen_desk.ui.tasks.TaskRunner` (see
:func:`velsen_desk.reports.work.make_report`) into a temporary file that the preview shows;
"Opslaan als…" copies exactly that file, so what is saved or printed is what was previewed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.reports.request import ReportError, ReportRequest, ReportResult
from velsen_desk.reports.work import ANNEX_SECTIONS, DIALOG_KINDS, default_file_name, make_report
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.ui.reports.preview import HAVE_PDF, PdfPreview, PrintError, print_document
from velsen_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
_KEYS = itertools.count(1)


@dataclass(frozen=True)
class Choice:
    """One entry of a combo box: an id for the request and the name a person reads."""

    id: str
    name: str


class ReportDialog(QDialog):
    """Choose kind, programme, person and (for an annex) the meeting; preview; save/print/open.

    Works without a main window: give it a runner, the programmes and the people per programme
    (people of other programmes are fetched through the runner when chosen)."""

    # ---- Signals
    sig_preview_ready = Signal(object)
    """A preview was made; the :class:`ReportResult` (its path is the temporary file)."""
    sig_failed = Signal(str)
    """Making the report failed; the Dutch message also shown in the dialog."""
    sig_saved = Signal(object)
    """The previewed report was saved; the chosen :class:`Path`."""

    def __init__(
        self,
        runner: TaskRunner,
        *,
        programmes: list[Choice],
        programme_id: str | None = None,
        people: dict[str, list[Choice]] | None = None,
        person_id: str | None = None,
        kind: str = "themes",
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rapport maken – Velsen Desk"))
        self.setObjectName("report_dialog")
        self._runner = runner
        self._people: dict[str, list[Choice]] = dict(people or {})
        self._wanted_person = person_id
        self._today = today or dt.date.today()
        self._tmp = tempfile.TemporaryDirectory(prefix="velsen-rapport-", ignore_cleanup_errors=True)
        self._serial = itertools.count(1)
        self._task_key = f"report-dialog-{next(_KEYS)}"
        self._closed = False
        self._busy = False
        self.result_: ReportResult | None = None
        self.saved_path: Path | None = None
        self.printer: QPrinter | None = None

        self._build(programmes)
        self.set_kind(kind)
        self.set_programme(programme_id or (programmes[0].id if programmes else ""))
        self._update_enabled()
        self.resize(1180, 700)

    # ---- Public API

    def set_kind(self, kind: str) -> None:
        index = self.kind_combo.findData(kind if kind in DIALOG_KINDS else "themes")
        self.kind_combo.setCurrentIndex(index)

    @property
    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_programme(self, programme_id: str) -> None:
        index = self.programme_combo.findData(programme_id)
        if index >= 0:
            if index == self.programme_combo.currentIndex():
                self._on_programme_chosen(index)
            else:
                self.programme_combo.setCurrentIndex(index)

    @property
    def busy(self) -> bool:
        return self._busy

    def request(self) -> ReportRequest:
        """The request for the current choices. Raises ReportError (Dutch) for missing input."""
        kind = self.kind
        person = self.person_combo.currentData()
        if kind == "regie" and not person:
            raise ReportError(self.tr("Kies een collegelid voor het rapport over regie."))
        common = dict(kind=kind, output=self._next_output(), programme=self.programme_combo.currentData(),
                      today=self._today)
        if kind != "annex":
            return ReportRequest(**common, person=person if kind == "regie" else None)
        meeting = " ".join(self.meeting_edit.text().split())
        if not meeting:
            raise ReportError(self.tr("Vul de titel van de vergadering in, bijvoorbeeld “Raadsvergadering”."))
        items = tuple(key for key in ANNEX_SECTIONS if self.section_boxes[key].isEnabled()
                      and self.section_boxes[key].isChecked())
        if not items:
            raise ReportError(self.tr("Kies ten minste één onderdeel voor de bijlage."))
        return ReportRequest(**common, person=person, meeting=meeting, date=self.meeting_date().isoformat(),
                             agenda_item=self.agenda_edit.text().strip() or None, items=items)

    def meeting_date(self) -> dt.date:
        return self.date_edit.date().toPython()

    def generate(self) -> bool:
        """Start making the preview; False (with the message shown) when the input is incomplete."""
        try:
            request = self.request()
        except ReportError as exc:
            self._show_error(str(exc))
            return False
        self._set_busy(True)
        self._show_message(self.tr("Het rapport wordt gemaakt…"))
        self._runner.run(
            lambda db: make_report(db, request),
            success=self._on_ready, failure=self._on_failure, key=self._task_key,
            label=self.tr("Rapport maken…"),
        )
        return True

    def default_file_name(self) -> str:
        if self.kind == "annex":
            return default_file_name("annex", self.meeting_date())
        person = self.person_combo.currentText() if self.person_combo.currentData() else None
        return default_file_name(self.kind, self._today, person)

    def save(self) -> Path | None:
        """Ask where to save the previewed PDF and copy it there."""
        if self.result_ is None:
            return None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = str((self.saved_path.parent if self.saved_path else Path(folder)) / self.default_file_name())
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Rapport opslaan"), suggested, self.tr("PDF-bestanden (*.pdf)")
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            shutil.copyfile(self.result_.path, target)
        except OSError as exc:
            self._show_error(self.tr("Kan niet opslaan als {0}: {1}.").format(target, exc.strerror or exc))
            return None
        self.saved_path = target
        self._show_message(self.tr("Opgeslagen als {0}.").format(target))
        self._update_enabled()
        self.sig_saved.emit(target)
        return target

    def print_report(self) -> int:
        """Ask the system print dialog, then print the previewed pages; returns pages printed."""
        if self.result_ is None or not HAVE_PDF or self.preview.page_count == 0:
            return 0
        printer = self.printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer = printer
        printer.setDocName(self.result_.path.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Rapport afdrukken"))
        dialog.setMinMax(1, self.preview.page_count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = print_document(self.preview.document, printer)
        except PrintError as exc:
            self._show_error(str(exc))
            return 0
        finally:
            self.unsetCursor()
        self._show_message(self.tr("{0} pagina’s naar de printer gestuurd.").format(pages))
        return pages

    def open_saved(self) -> bool:
        """Open the saved file in the system's PDF reader."""
        if self.saved_path is None:
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path))):
            self._show_error(self.tr("Het bestand {0} kon niet worden geopend. Is er een PDF-lezer geïnstalleerd?")
                             .format(self.saved_path))
            return False
        return True

    @property
    def message(self) -> str:
        return self.message_label.text()

    # ---- Qt

    def done(self, result: int) -> None:
        self._closed = True
        self.preview.clear()
        self._tmp.cleanup()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        super().closeEvent(event)

    # ---- Building

    def _build(self, programmes: list[Choice]) -> None:
        self.kind_combo = QComboBox(self)
        for kind, name in (
            ("themes", self.tr("Thema’s en regie")),
            ("regie", self.tr("Regie van een collegelid")),
            ("portfolio", self.tr("Portefeuilleverdeling")),
            ("budget", self.tr("Begroting Actieplan")),
            ("timeline", self.tr("Planning Actieplan")),
            ("annex", self.tr("Agendabijlage voor een vergadering")),
        ):
            self.kind_combo.addItem(name, kind)
        self.kind_combo.setAccessibleName(self.tr("Soort rapport"))
        self.programme_combo = QComboBox(self)
        for choice in programmes:
            self.programme_combo.addItem(choice.name, choice.id)
        self.programme_combo.setAccessibleName(self.tr("Programma"))
        self.person_combo = QComboBox(self)
        self.person_combo.setAccessibleName(self.tr("Collegelid"))
        self.person_combo.setAccessibleDescription(
            self.tr("Nodig voor het rapport over regie; in een agendabijlage voor het onderdeel regie."))
        for combo in (self.kind_combo, self.programme_combo, self.person_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)

        report_box = QGroupBox(self.tr("Rapport"), self)
        form = QFormLayout(report_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._add_row(form, self.tr("So&ort:"), self.kind_combo)
        self._add_row(form, self.tr("&Programma:"), self.programme_combo)
        self._add_row(form, self.tr("&Collegelid:"), self.person_combo)

        self.meeting_edit = QLineEdit(self)
        self.meeting_edit.setPlaceholderText(self.tr("bijvoorbeeld Raadsvergadering"))
        self.meeting_edit.setAccessibleName(self.tr("Titel van de vergadering"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setLocale(DUTCH)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.calendarWidget().setLocale(DUTCH)
        self.date_edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.date_edit.setDate(QDate(self._today.year, self._today.month, self._today.day))
        self.date_edit.setAccessibleName(self.tr("Datum van de vergadering"))
        self.date_edit.setToolTip(self.tr("Dag-maand-jaar; Alt+pijl omlaag opent de kalender."))
        self.agenda_edit = QLineEdit(self)
        self.agenda_edit.setPlaceholderText(self.tr("bijvoorbeeld 7 (niet verplicht)"))
        self.agenda_edit.setAccessibleName(self.tr("Agendapunt"))
        self.annex_box = QGroupBox(self.tr("Vergadering"), self)
        annex_form = QFormLayout(self.annex_box)
        annex_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._add_row(annex_form, self.tr("&Titel:"), self.meeting_edit)
        self._add_row(annex_form, self.tr("&Datum:"), self.date_edit)
        self._add_row(annex_form, self.tr("A&gendapunt:"), self.agenda_edit)
        sections = QWidget(self.annex_box)
        sections.setAccessibleName(self.tr("Onderdelen van de bijlage"))
        section_layout = QVBoxLayout(sections)
        section_layout.setContentsMargins(0, 0, 0, 0)
        section_layout.setSpacing(2)
        self.section_boxes: dict[str, QCheckBox] = {}
        for key, name in (
            ("themes", self.tr("T&hema’s en regie")),
            ("portfolio", self.tr("Portefeuilleverdel&ing")),
            ("budget", self.tr("&Begroting Actieplan")),
            ("timeline", self.tr("P&lanning Actieplan")),
            ("regie", self.tr("&Regie van het collegelid")),
        ):
            box = QCheckBox(name, sections)
            box.setChecked(key != "regie")
            box.toggled.connect(self._on_input_changed)
            section_layout.addWidget(box)
            self.section_boxes[key] = box
        sections_label = QLabel(self.tr("Onderdelen:"), self.annex_box)
        annex_form.addRow(sections_label, sections)

        self.generate_button = QPushButton(self.tr("&Voorbeeld maken"), self)
        self.generate_button.setToolTip(self.tr("Maak het rapport en toon de pagina’s rechts (Ctrl+Enter)"))
        self.generate_button.clicked.connect(self.generate)
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
        left_layout.addWidget(report_box)
        left_layout.addWidget(self.annex_box)
        left_layout.addWidget(self.generate_button)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.message_label)
        left_layout.addStretch(1)
        left.setFixedWidth(370)

        self.preview = PdfPreview(self)
        self.pages_label = QLabel(self)
        self.pages_label.setAccessibleName(self.tr("Aantal pagina’s"))
        preview_box = QGroupBox(self.tr("Voorbeeld"), self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addWidget(self.pages_label)

        self.save_button = QPushButton(self.tr("Op&slaan als…"), self)
        self.save_button.setToolTip(self.tr("Bewaar het getoonde rapport als PDF (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("&Afdrukken…"), self)
        self.print_button.setToolTip(self.tr("Druk het getoonde rapport af (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_report)
        self.open_button = QPushButton(self.tr("Op&enen"), self)
        self.open_button.setToolTip(self.tr("Open het opgeslagen bestand in de PDF-lezer"))
        self.open_button.clicked.connect(self.open_saved)
        self.close_button = QPushButton(self.tr("Sl&uiten"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.generate_button, self.save_button, self.print_button, self.open_button,
                       self.close_button):
            button.setAutoDefault(False)

        body = QHBoxLayout()
        body.addWidget(left)
        body.addWidget(preview_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self._generate_if_idle)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self._generate_if_idle)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._save_if_enabled)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self._print_if_enabled)

        self.kind_combo.currentIndexChanged.connect(self._on_kind_chosen)
        self.programme_combo.currentIndexChanged.connect(self._on_programme_chosen)
        self.person_combo.currentIndexChanged.connect(self._on_person_chosen)
        self.meeting_edit.textChanged.connect(self._on_input_changed)
        self.date_edit.dateChanged.connect(self._on_input_changed)
        self.agenda_edit.textChanged.connect(self._on_input_changed)

        self.setTabOrder(self.kind_combo, self.programme_combo)
        self.setTabOrder(self.programme_combo, self.person_combo)
        self.setTabOrder(self.person_combo, self.meeting_edit)
        self.setTabOrder(self.meeting_edit, self.date_edit)
        self.setTabOrder(self.date_edit, self.agenda_edit)
        previous: QWidget = self.agenda_edit
        for box in self.section_boxes.values():
            self.setTabOrder(previous, box)
            previous = box
        self.setTabOrder(previous, self.generate_button)
        self.kind_combo.setFocus()

    @staticmethod
    def _add_row(form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, form.parentWidget())
        label.setBuddy(field)
        form.addRow(label, field)

    # ---- Reactions

    def _on_kind_chosen(self, _index: int) -> None:
        self.annex_box.setVisible(self.kind == "annex")
        self._on_input_changed()

    def _on_programme_chosen(self, index: int) -> None:
        programme_id = self.programme_combo.itemData(index)
        if programme_id is None:
            return
        if programme_id in self._people:
            self._fill_people(self._people[programme_id])
        else:
            self._fill_people([])
            self._runner.run(
                lambda db: _college(db, programme_id),
                success=lambda people, pid=programme_id: self._on_people(pid, people),
                failure=lambda _exc: None,
                key=f"{self._task_key}-people",
                label=self.tr("Collegeleden laden…"),
            )
        self._on_input_changed()

    def _on_people(self, programme_id: str, people: list[Choice]) -> None:
        if self._closed:
            return
        self._people[programme_id] = people
        if self.programme_combo.currentData() == programme_id:
            self._fill_people(people)

    def _fill_people(self, people: list[Choice]) -> None:
        wanted = self.person_combo.currentData() or self._wanted_person
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self.person_combo.addItem(self.tr("Geen collegelid"), None)
        for person in people:
            self.person_combo.addItem(person.name, person.id)
        self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(wanted)))
        self.person_combo.blockSignals(False)
        self._update_enabled()

    def _on_person_chosen(self, _index: int) -> None:
        self._wanted_person = self.person_combo.currentData()
        self._on_input_changed()

    def _on_input_changed(self, *_args: object) -> None:
        """A choice changed: the preview no longer matches it until it is made again."""
        if getattr(self, "result_", None) is not None:
            self.result_ = None
            self.saved_path = None
            self._show_message(self.tr("De keuzes zijn gewijzigd. Maak het voorbeeld opnieuw om op te slaan of "
                                       "af te drukken."))
        if hasattr(self, "save_button"):
            self._update_enabled()

    def _on_ready(self, result: ReportResult) -> None:
        if self._closed:
            return
        self._set_busy(False)
        self.result_ = result
        self.saved_path = None
        shown = self.preview.load(result.path)
        pages = self.preview.page_count if shown else result.pages
        self.pages_label.setText(self.tr("{0} pagina’s").format(pages) if pages != 1 else self.tr("1 pagina"))
        self._show_message(self.tr("Het voorbeeld is klaar. Sla het op of druk het af.")
                           if shown or not HAVE_PDF else
                           self.tr("Het rapport is gemaakt, maar het voorbeeld kan niet getoond worden."))
        self._update_enabled()
        self.sig_preview_ready.emit(result)

    def _on_failure(self, error: Exception) -> None:
        if self._closed:
            return
        self._set_busy(False)
        if isinstance(error, ReportError):
            text = str(error)
        else:
            text = self.tr("Het rapport kon niet worden gemaakt door een onverwachte fout ({0}). "
                           "De details staan in het logboek.").format(error.__class__.__name__)
        self._show_error(text)

    # ---- Helpers

    def _next_output(self) -> Path:
        return Path(self._tmp.name) / f"voorbeeld-{next(self._serial)}.pdf"

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.generate_button.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
        self._update_enabled()

    def _show_message(self, text: str) -> None:
        self.message_label.setStyleSheet("")
        self.message_label.setText(text)

    def _show_error(self, text: str) -> None:
        self.message_label.setStyleSheet("color: #a4000f; font-weight: 600;")
        self.message_label.setText(text)
        self.message_label.setAccessibleDescription(text)
        self.sig_failed.emit(text)

    def _update_enabled(self) -> None:
        kind = self.kind
        has_person = self.person_combo.currentData() is not None
        self.person_combo.setEnabled(kind in ("regie", "annex"))
        self.section_boxes["regie"].setEnabled(has_person)
        self.section_boxes["regie"].setToolTip("" if has_person else self.tr("Kies eerst een collegelid."))
        ready = self.result_ is not None and not self._busy
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready and HAVE_PDF)
        self.open_button.setEnabled(self.saved_path is not None)
        self.open_button.setToolTip(self.tr("Open het opgeslagen bestand in de PDF-lezer")
                                    if self.saved_path else self.tr("Sla het rapport eerst op."))

    def _generate_if_idle(self) -> None:
        if self.generate_button.isEnabled():
            self.generate()

    def _save_if_enabled(self) -> None:
        if self.save_button.isEnabled():
            self.save()

    def _print_if_enabled(self) -> None:
        if self.print_button.isEnabled():
            self.print_report()


def _college(db: ReadOnlyDatabase | None, programme_id: str) -> list[Choice]:
    """Runs in a worker: the college of another programme, as plain choices."""
    from velsen_desk.storage import reader

    if db is None:
        return []
    return [Choice(p.id, p.name) for p in db.read(reader.college, programme_id)]
