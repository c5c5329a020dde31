"""The form for one action's status on a peildatum: status, toelichting and realised spend.

Spend is one of four choices kept apart as the domain keeps them (``CostValue``): an amount,
"€ 0" (an amount of nothing), "n.v.t." (no cost for this action) and "n.n.b." (not known). No
choice is made for the user: a status and a kind of spend must be picked, so unknown is never
sent as a default. The form keeps what was typed until a submission is stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core.formatting import format_euro, format_number
from velsen_desk.core.money import CostStatus, CostValue
from velsen_desk.core.progress import ProgressStatus, long_date, needs_explanation, status_label, status_meaning
from velsen_desk.server.party import PartyAction
from velsen_desk.ui.progress_entry.jobs import Submission
from velsen_desk.ui.widgets.style import plain_label
from velsen_desk.workbook.cells import CellValueError, parse_amount

# The spend choices, in the order shown; the value is what the radio button's id stands for.
AMOUNT, ZERO, NOT_APPLICABLE, TO_BE_DETERMINED = range(4)
NVT_TEXT = "n.v.t."
NNB_TEXT = "n.n.b."


@dataclass(frozen=True)
class Draft:
    """What the form holds for one action, kept when the user looks at another one."""

    peildatum: dt.date
    status: ProgressStatus | None
    explanation: str
    spent_choice: int | None
    amount_text: str


    @property
    def is_empty(self) -> bool:
        """Nothing typed or chosen (the peildatum alone is the default, not the user's work)."""
        return (self.status is None and not self.explanation.strip() and self.spent_choice is None
                and not self.amount_text.strip())


class FormError(ValueError):
    """The form is not complete or not valid; the message is Dutch and names the field."""


class StatusForm(QWidget):
    # ---- Signals
    sig_submit_requested = Signal()
    """The user pressed Versturen (the entry dialog validates with :meth:`submission`)."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._action: PartyAction | None = None

        self.heading = plain_label(QLabel(self))
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.last_report = plain_label(QLabel(self))
        self.last_report.setWordWrap(True)
        self.copy_last_button = QPushButton(self.tr("&Laatste opgave overnemen"), self)
        self.copy_last_button.setToolTip(self.tr("Vul het formulier met de laatst opgegeven status, toelichting en "
                                                 "uitgave, om alleen aan te passen wat veranderd is"))
        self.copy_last_button.clicked.connect(self.copy_last_report)

        self.peildatum_edit = QDateEdit(self)
        self.peildatum_edit.setCalendarPopup(True)
        self.peildatum_edit.setDisplayFormat("dd-MM-yyyy")
        self.peildatum_edit.setAccessibleName(self.tr("Peildatum"))
        self.status_combo = QComboBox(self)
        self.status_combo.setPlaceholderText(self.tr("kies een status"))
        for status in ProgressStatus:
            self.status_combo.addItem(f"{status_label(status)} — {status_meaning(status)}", status.value)
        self.status_combo.setAccessibleName(self.tr("Status"))
        self.explanation_edit = QPlainTextEdit(self)
        self.explanation_edit.setAccessibleName(self.tr("Toelichting"))
        self.explanation_edit.setTabChangesFocus(True)
        self.explanation_edit.setMaximumHeight(140)  # a few sentences; the rest scrolls
        self.explanation_edit.setPlaceholderText(self.tr("verplicht bij oranje, rood en gestopt"))

        self.spent_group = QButtonGroup(self)
        self.amount_radio = QRadioButton(self.tr("&bedrag:"), self)
        self.zero_radio = QRadioButton("€ 0", self)
        self.nvt_radio = QRadioButton(NVT_TEXT, self)
        self.nnb_radio = QRadioButton(NNB_TEXT, self)
        self.zero_radio.setToolTip(self.tr("Er is (nog) niets uitgegeven"))
        self.nvt_radio.setToolTip(self.tr("Niet van toepassing: deze actie heeft geen kosten"))
        self.nnb_radio.setToolTip(self.tr("Nog niet bekend: er zijn kosten, maar het bedrag is onbekend"))
        for choice, radio in enumerate((self.amount_radio, self.zero_radio, self.nvt_radio, self.nnb_radio)):
            self.spent_group.addButton(radio, choice)
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setPlaceholderText(self.tr("bijv. 12.500"))
        self.amount_edit.setAccessibleName(self.tr("Gerealiseerd bedrag in euro"))
        self.amount_edit.setEnabled(False)
        self.amount_edit.setMinimumWidth(110)
        self.amount_radio.toggled.connect(self.amount_edit.setEnabled)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount_radio)
        amount_row.addWidget(self.amount_edit, 1)
        others_row = QHBoxLayout()
        for radio in (self.zero_radio, self.nvt_radio, self.nnb_radio):
            others_row.addWidget(radio)
        others_row.addStretch(1)
        spent_row = QVBoxLayout()
        spent_row.addLayout(amount_row)
        spent_row.addLayout(others_row)

        self.problem = plain_label(QLabel(self))
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")
        self.problem.hide()
        self.submit_button = QPushButton(self.tr("&Versturen"), self)
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.sig_submit_requested)

        form = QFormLayout()
        form.addRow(self.tr("&Peildatum:"), self.peildatum_edit)
        form.addRow(self.tr("&Status:"), self.status_combo)
        form.addRow(self.tr("&Toelichting:"), self.explanation_edit)
        form.addRow(self.tr("Gerealiseerde uitgave:"), spent_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_last_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.last_report)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.show_action(None)

    # ---- Public API

    @property
    def action(self) -> PartyAction | None:
        return self._action

    def show_action(self, action: PartyAction | None, draft: Draft | None = None) -> None:
        """Show ``action`` with ``draft`` (what was typed before), or an empty form for today."""
        self._action = action
        self.setEnabled(action is not None)
        self.show_problem("")
        if action is None:
            self.heading.setText(self.tr("Kies links een actie."))
            self.last_report.clear()
            self.restore(Draft(self._today, None, "", None, ""))
            return
        self.heading.setText(self.tr("Actie {0}: {1}").format(action.number, action.title))
        if action.status is None or action.peildatum is None:
            self.last_report.setText(self.tr("Nog geen voortgang opgegeven."))
        else:
            self.last_report.setText(self.tr("Laatste opgave: {0} op {1} (versie {2}).").format(
                status_label(action.status), long_date(action.peildatum), action.version))
        self.copy_last_button.setEnabled(action.status is not None)
        self.restore(draft or Draft(self._today, None, "", None, ""))

    def draft(self) -> Draft:
        return Draft(self.peildatum(), self.status(), self.explanation_edit.toPlainText(),
                     self.spent_group.checkedId() if self.spent_group.checkedId() >= 0 else None,
                     self.amount_edit.text())

    def restore(self, draft: Draft) -> None:
        self.peildatum_edit.setDate(QDate(draft.peildatum.year, draft.peildatum.month, draft.peildatum.day))
        self.status_combo.setCurrentIndex(
            self.status_combo.findData(draft.status.value) if draft.status is not None else -1)
        self.explanation_edit.setPlainText(draft.explanation)
        self.spent_group.setExclusive(False)  # an exclusive group cannot be left with nothing checked
        for button in self.spent_group.buttons():
            button.setChecked(self.spent_group.id(button) == draft.spent_choice)
        self.spent_group.setExclusive(True)
        self.amount_edit.setEnabled(draft.spent_choice == AMOUNT)
        self.amount_edit.setText(draft.amount_text)

    def is_dirty(self) -> bool:
        """Whether the form holds anything typed or chosen that was not sent."""
        return self._action is not None and not self.draft().is_empty

    def copy_last_report(self) -> None:
        action = self._action
        if action is None or action.status is None:
            return
        choice, amount = spent_choice(action.spent)
        self.restore(Draft(self.peildatum(), action.status, action.explanation or "", choice, amount))

    def peildatum(self) -> dt.date:
        date = self.peildatum_edit.date()
        return dt.date(date.year(), date.month(), date.day())

    def status(self) -> ProgressStatus | None:
        value = self.status_combo.currentData()
        return ProgressStatus(value) if value is not None and self.status_combo.currentIndex() >= 0 else None

    def submission(self) -> Submission:
        """The form as a submission, or :class:`FormError` naming the field to fix."""
        action = self._action
        if action is None:
            raise FormError(self.tr("Kies eerst een actie."))
        status = self.status()
        if status is None:
            raise FormError(self.tr("Kies een status."))
        explanation = self.explanation_edit.toPlainText().strip() or None
        if needs_explanation(status) and explanation is None:
            raise FormError(self.tr("Bij status {0} hoort een toelichting: schrijf waarom.").format(
                status_label(status)))
        peildatum = self.peildatum()
        # The version read applies only to the peildatum it belongs to; another peildatum is new
        # (and if someone else stored it meanwhile, the server reports a conflict, never overwrites).
        expected = action.version if action.peildatum == peildatum else None
        return Submission(action.action_id, peildatum, status, explanation, self.spent(), expected)

    def spent(self) -> CostValue:
        choice = self.spent_group.checkedId()
        if choice == ZERO:
            return CostValue(CostStatus.AMOUNT, 0, format_euro(0))
        if choice == NOT_APPLICABLE:
            return CostValue(CostStatus.NOT_APPLICABLE, None, NVT_TEXT)
        if choice == TO_BE_DETERMINED:
            return CostValue(CostStatus.TO_BE_DETERMINED, None, NNB_TEXT)
        if choice == AMOUNT:
            typed = self.amount_edit.text().strip()
            if not typed:
                raise FormError(self.tr("Vul het gerealiseerde bedrag in, of kies € 0, n.v.t. of n.n.b."))
            try:
                amount = parse_amount(typed)
            except CellValueError:
                raise FormError(self.tr("‘{0}’ is geen bedrag in hele euro’s; schrijf bijvoorbeeld 12.500.").format(
                    typed)) from None
            return CostValue(CostStatus.AMOUNT, amount, format_euro(amount))
        raise FormError(self.tr("Kies bij de gerealiseerde uitgave een bedrag, € 0, n.v.t. of n.n.b."))

    def set_busy(self, busy: bool) -> None:
        self.submit_button.setEnabled(not busy and self._action is not None)
        self.submit_button.setText(self.tr("Bezig met versturen…") if busy else self.tr("&Versturen"))

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))


def spent_choice(spent: CostValue | None) -> tuple[int | None, str]:
    """The radio choice and amount text that show ``spent`` (None: nothing chosen)."""
    if spent is None:
        return None, ""
    if spent.status is CostStatus.NOT_APPLICABLE:
        return NOT_APPLICABLE, ""
    if spent.status is CostStatus.TO_BE_DETERMINED:
        return TO_BE_DETERMINED, ""
    if not spent.amount:
        return ZERO, ""
    return AMOUNT, format_number(spent.amount)


