"""The left side of the report dialog: which report, for which programme, person and meeting.

The kinds, their order and what each needs come from :mod:`velsen_desk.core.report_kinds`; the
form only enables and hides fields from the registry's ``needs_*`` flags. It does not judge a
request: the report service validates it and explains in Dutch what is missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core.report_kinds import ANNEX_SECTION_IDS, REPORT_KINDS, ReportKind, is_report_kind, report_kind
from velsen_desk.reports.request import ReportRequest
from velsen_desk.reports.work import default_file_name
from velsen_desk.ui.registry_labels import QT_TRANSLATE_NOOP, report_kind_label

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)

# Check box texts with their keyboard mnemonics (which the registry's labels cannot carry);
# a section without one here shows the registry's label.
_SECTION_TEXTS = {
    "themes": QT_TRANSLATE_NOOP("ReportForm", "T&hema’s en regie"),
    "portfolio": QT_TRANSLATE_NOOP("ReportForm", "Portefeuilleverdel&ing"),
    "budget": QT_TRANSLATE_NOOP("ReportForm", "&Begroting Actieplan"),
    "timeline": QT_TRANSLATE_NOOP("ReportForm", "P&lanning Actieplan"),
    "regie": QT_TRANSLATE_NOOP("ReportForm", "&Regie van het collegelid"),
}


PROGRESS_KIND = "voortgang"  # the report (and annex section) that shows the status on a peildatum


def kind_label(kind: ReportKind) -> str:
    """The registry's Dutch label, through Qt's translation (context ``ReportKind``)."""
    return report_kind_label(kind)


def uses_person(kind: ReportKind) -> bool:
    """A person is asked for a report that needs one, and for an annex (its regie section)."""
    return kind.needs_person or kind.needs_meeting


# ---- Work (worker thread; touches no widget)


@dataclass(frozen=True)
class Choice:
    """One entry of a combo box: an id for the request and the name a person reads."""

    id: str
    name: str


class ReportForm(QWidget):
    """Kind, programme, person and (for a kind that needs a meeting) the meeting fields."""

    # ---- Signals
    sig_changed = Signal()
    """A choice changed: a preview made before no longer matches."""
    sig_people_needed = Signal(str)
    """The college of this programme id is not known yet; answer with :meth:`set_people`."""

    def __init__(
        self,
        programmes: list[Choice],
        people: dict[str, list[Choice]] | None = None,
        person_id: str | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._people: dict[str, list[Choice]] = dict(people or {})
        self._wanted_person = person_id
        self._today = today or dt.date.today()
        self._build(programmes)

    # ---- Public API

    def set_kind(self, kind: str) -> None:
        index = self.kind_combo.findData(kind if is_report_kind(kind) else "themes")
        self.kind_combo.setCurrentIndex(max(0, index))

    @property
    def kind(self) -> str:
        value = self.kind_combo.currentData()
        return value if isinstance(value, str) else "themes"

    @property
    def report_kind(self) -> ReportKind:
        return report_kind(self.kind)

    def set_programme(self, programme_id: str) -> None:
        index = self.programme_combo.findData(programme_id)
        if index >= 0:
            if index == self.programme_combo.currentIndex():
                self._on_programme_chosen(index)
            else:
                self.programme_combo.setCurrentIndex(index)

    def set_people(self, programme_id: str, people: list[Choice]) -> None:
        self._people[programme_id] = people
        if self.programme_combo.currentData() == programme_id:
            self._fill_people(people)

    @property
    def person_id(self) -> str | None:
        value = self.person_combo.currentData()
        return value if isinstance(value, str) else None

    def meeting_date(self) -> dt.date:
        qdate = self.date_edit.date()
        return dt.date(qdate.year(), qdate.month(), qdate.day())

    def peildatum(self) -> dt.date:
        qdate = self.peildatum_edit.date()
        return dt.date(qdate.year(), qdate.month(), qdate.day())

    def uses_peildatum(self) -> bool:
        """The voortgang report, or an annex with its voortgang section, shows the status on a day."""
        kind = self.report_kind
        if kind.needs_meeting:
            box = self.section_boxes.get(PROGRESS_KIND)
            return box is not None and box.isChecked()
        return kind.id == PROGRESS_KIND

    def request(self, output: Path) -> ReportRequest:
        """The request for the current choices, as they are (the service judges it)."""
        kind = self.report_kind
        value = self.programme_combo.currentData()
        programme = value if isinstance(value, str) else None
        peildatum = self.peildatum().isoformat() if self.uses_peildatum() else None
        if not kind.needs_meeting:
            return ReportRequest(kind=kind.id, output=output, programme=programme, today=self._today,
                                 person=self.person_id if kind.needs_person else None,
                                 flagged_only=kind.personal and self.flagged_box.isChecked(),
                                 peildatum=peildatum)
        has_person = self.person_id is not None
        items = tuple(key for key in ANNEX_SECTION_IDS if self.section_boxes[key].isChecked()
                      and (has_person or not report_kind(key).needs_person))
        return ReportRequest(kind=kind.id, output=output, programme=programme, today=self._today,
                             person=self.person_id, meeting=" ".join(self.meeting_edit.text().split()),
                             date=self.meeting_date().isoformat(), agenda_item=self.agenda_edit.text().strip() or None,
                             items=items, peildatum=peildatum)

    def default_file_name(self) -> str:
        if self.report_kind.needs_meeting:
            return default_file_name(self.kind, self.meeting_date())
        person = self.person_combo.currentText() if self.person_id else None
        return default_file_name(self.kind, self._today, person)

    def update_enabled(self) -> None:
        kind = self.report_kind
        has_person = self.person_id is not None
        self.person_combo.setEnabled(uses_person(kind))
        self.annex_box.setVisible(kind.needs_meeting)
        self.flagged_box.setVisible(kind.personal)
        uses_peildatum = self.uses_peildatum()
        self.peildatum_edit.setVisible(uses_peildatum)
        self.peildatum_label.setVisible(uses_peildatum)
        possible = {key: has_person or not report_kind(key).needs_person for key in self.section_boxes}
        chosen = [key for key, box in self.section_boxes.items() if possible[key] and box.isChecked()]
        for key, box in self.section_boxes.items():
            # The last chosen section cannot be unticked: an annex without sections is no choice
            # (the service would take its default sections instead).
            last = chosen == [key]
            box.setEnabled(possible[key] and not last)
            box.setToolTip(self.tr("Kies eerst een collegelid.") if not possible[key] else
                           self.tr("Een bijlage heeft ten minste één onderdeel.") if last else "")

    # ---- Building

    def _build(self, programmes: list[Choice]) -> None:
        self.kind_combo = QComboBox(self)
        for kind in REPORT_KINDS:
            if kind.in_dialog:
                self.kind_combo.addItem(kind_label(kind), kind.id)
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
        _add_row(form, self.tr("So&ort:"), self.kind_combo)
        _add_row(form, self.tr("&Programma:"), self.programme_combo)
        _add_row(form, self.tr("&Collegelid:"), self.person_combo)
        # The personal brief: all notes, or only what the user wants to raise in the meeting.
        self.flagged_box = QCheckBox(self.tr("Alleen punten “bespreken in &vergadering”"), self)
        self.flagged_box.toggled.connect(self._on_input_changed)
        form.addRow(self.flagged_box)
        # The voortgang report's "--peildatum": the day whose status it shows (reports dated
        # after it are left out), so a past report can be made again as it was then.
        self.peildatum_edit = _date_edit(self, self._today)
        self.peildatum_edit.setAccessibleName(self.tr("Peildatum van de voortgang"))
        self.peildatum_edit.setToolTip(self.tr("De stand op deze dag: rapportages van later tellen niet mee. "
                                               "Dag-maand-jaar; Alt+pijl omlaag opent de kalender."))
        self.peildatum_label = QLabel(self.tr("P&eildatum:"), report_box)
        self.peildatum_label.setBuddy(self.peildatum_edit)
        form.addRow(self.peildatum_label, self.peildatum_edit)

        self.meeting_edit = QLineEdit(self)
        self.meeting_edit.setPlaceholderText(self.tr("bijvoorbeeld Raadsvergadering"))
        self.meeting_edit.setAccessibleName(self.tr("Titel van de vergadering"))
        self.date_edit = _date_edit(self, self._today)
        self.date_edit.setAccessibleName(self.tr("Datum van de vergadering"))
        self.date_edit.setToolTip(self.tr("Dag-maand-jaar; Alt+pijl omlaag opent de kalender."))
        self.agenda_edit = QLineEdit(self)
        self.agenda_edit.setPlaceholderText(self.tr("bijvoorbeeld 7 (niet verplicht)"))
        self.agenda_edit.setAccessibleName(self.tr("Agendapunt"))
        self.annex_box = QGroupBox(self.tr("Vergadering"), self)
        annex_form = QFormLayout(self.annex_box)
        annex_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        _add_row(annex_form, self.tr("&Titel:"), self.meeting_edit)
        _add_row(annex_form, self.tr("&Datum:"), self.date_edit)
        _add_row(annex_form, self.tr("A&gendapunt:"), self.agenda_edit)
        sections = QWidget(self.annex_box)
        sections.setAccessibleName(self.tr("Onderdelen van de bijlage"))
        section_layout = QVBoxLayout(sections)
        section_layout.setContentsMargins(0, 0, 0, 0)
        section_layout.setSpacing(2)
        self.section_boxes: dict[str, QCheckBox] = {}
        for key in ANNEX_SECTION_IDS:
            section = report_kind(key)
            text = QCoreApplication.translate("ReportForm", _SECTION_TEXTS[key]) if key in _SECTION_TEXTS \
                else kind_label(section)
            box = QCheckBox(text, sections)
            # a person's section, or one left out by default (voortgang), only when asked for
            box.setChecked(not section.needs_person and section.default_in_annex)
            box.toggled.connect(self._on_input_changed)
            section_layout.addWidget(box)
            self.section_boxes[key] = box
        annex_form.addRow(QLabel(self.tr("Onderdelen:"), self.annex_box), sections)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(report_box)
        layout.addWidget(self.annex_box)

        self.kind_combo.currentIndexChanged.connect(self._on_input_changed)
        self.programme_combo.currentIndexChanged.connect(self._on_programme_chosen)
        self.person_combo.currentIndexChanged.connect(self._on_person_chosen)
        self.meeting_edit.textChanged.connect(self._on_input_changed)
        self.date_edit.dateChanged.connect(self._on_input_changed)
        self.peildatum_edit.dateChanged.connect(self._on_input_changed)
        self.agenda_edit.textChanged.connect(self._on_input_changed)

        self.setTabOrder(self.kind_combo, self.programme_combo)
        self.setTabOrder(self.programme_combo, self.person_combo)
        self.setTabOrder(self.person_combo, self.peildatum_edit)
        self.setTabOrder(self.peildatum_edit, self.flagged_box)
        self.setTabOrder(self.flagged_box, self.meeting_edit)
        self.setTabOrder(self.meeting_edit, self.date_edit)
        self.setTabOrder(self.date_edit, self.agenda_edit)
        previous: QWidget = self.agenda_edit
        for box in self.section_boxes.values():
            self.setTabOrder(previous, box)
            previous = box
        self.last_field = previous

    # ---- Reactions

    def _on_programme_chosen(self, index: int) -> None:
        programme_id = self.programme_combo.itemData(index)
        if not isinstance(programme_id, str):
            return
        if programme_id in self._people:
            self._fill_people(self._people[programme_id])
        else:
            self._fill_people([])
            self.sig_people_needed.emit(programme_id)
        self._on_input_changed()

    def _on_person_chosen(self, _index: int) -> None:
        self._wanted_person = self.person_id
        self._on_input_changed()

    def _on_input_changed(self, *_args: object) -> None:
        self.update_enabled()
        self.sig_changed.emit()

    def _fill_people(self, people: list[Choice]) -> None:
        wanted = self.person_id or self._wanted_person
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self.person_combo.addItem(self.tr("Geen collegelid"), None)
        for person in people:
            self.person_combo.addItem(person.name, person.id)
        self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(wanted)))
        self.person_combo.blockSignals(False)
        self.update_enabled()


def _date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setLocale(DUTCH)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setCalendarPopup(True)
    edit.calendarWidget().setLocale(DUTCH)
    edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _add_row(form: QFormLayout, text: str, field: QWidget) -> None:
    label = QLabel(text, form.parentWidget())
    label.setBuddy(field)
    form.addRow(label, field)
