"""Someone else changed the same status first: both versions side by side, and the user decides.

Nothing has been written when this shows (the server refused the stale submission). "Versie op
de server houden" drops the user's version; "Mijn versie eroverheen opslaan" sends it again on top
of the version shown (if that changed again meanwhile, this dialog comes back); closing the dialog
goes back to the form with the typed text intact.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from velsen_desk.core.formatting import format_long_date
from velsen_desk.server.errors import ConcurrentEdit, StatusVersion
from velsen_desk.ui.widgets.style import plain_label


class Choice(enum.Enum):
    BACK = "back"  # closed: back to the form, nothing decided
    KEEP_THEIRS = "keep_theirs"
    RESUBMIT_MINE = "resubmit_mine"


class ConflictDialog(QDialog):
    def __init__(self, conflict: ConcurrentEdit, action_title: str, me: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.conflict = conflict
        self.choice = Choice.BACK
        theirs = conflict.theirs
        if theirs.changed_by == me:  # e.g. an older peildatum the user filled in before: not "someone else"
            self.setWindowTitle(self.tr("Er staat al een versie op de server"))
            said = self.tr("Voor ‘{0}’ staat op deze peildatum al een opgave van u op de server, die u hier niet had "
                           "opgehaald. Uw nieuwe versie is niet opgeslagen en er is niets overschreven. Kies welke "
                           "versie moet gelden.")
        else:
            self.setWindowTitle(self.tr("Iemand anders was u voor"))
            said = self.tr("Iemand anders heeft de voortgang van ‘{0}’ gewijzigd nadat u die ophaalde. Uw versie is "
                           "niet opgeslagen en er is niets overschreven. Kies welke versie moet gelden.")
        intro = plain_label(QLabel(said.format(action_title), self))
        intro.setWordWrap(True)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        headings = (self.tr("Uw versie (niet opgeslagen)"), self.tr("Op de server (versie {0})").format(
            theirs.version if theirs.version is not None else "?"))
        for column, text in enumerate(headings, start=1):
            label = plain_label(QLabel(text, self))
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            grid.addWidget(label, 0, column)
        names = (self.tr("Status"), self.tr("Toelichting"), self.tr("Gerealiseerd"), self.tr("Door"))
        for row, name in enumerate(names, start=1):
            grid.addWidget(plain_label(QLabel(name, self)), row, 0, Qt.AlignmentFlag.AlignTop)
            for column, version in enumerate((conflict.mine, theirs), start=1):
                cell = plain_label(QLabel(self._field(version, row - 1), self))
                cell.setWordWrap(True)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                cell.setObjectName(f"{'mine' if column == 1 else 'theirs'}_{row}")
                grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignTop)
        when_row = len(names) + 1
        grid.addWidget(plain_label(QLabel(self.tr("Wanneer"), self)), when_row, 0)
        grid.addWidget(plain_label(QLabel(self.tr("nu, niet opgeslagen"), self)), when_row, 1)
        self.theirs_when = plain_label(QLabel(self._when(theirs), self))
        grid.addWidget(self.theirs_when, when_row, 2)

        buttons = QDialogButtonBox(self)
        self.keep_theirs_button = QPushButton(self.tr("Versie op de server &houden"), self)
        self.resubmit_button = QPushButton(self.tr("&Mijn versie eroverheen opslaan"), self)
        self.back_button = QPushButton(self.tr("&Terug naar het formulier"), self)
        buttons.addButton(self.keep_theirs_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.resubmit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_theirs_button.clicked.connect(lambda: self._choose(Choice.KEEP_THEIRS))
        self.resubmit_button.clicked.connect(lambda: self._choose(Choice.RESUBMIT_MINE))
        self.back_button.clicked.connect(self.reject)
        self.back_button.setDefault(True)  # Enter decides nothing

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    # ---- Public API

    def text(self) -> str:
        """Everything the dialog says, as plain text (for tests and screen readers)."""
        return "\n".join(label.text() for label in self.findChildren(QLabel))

    # ---- Private

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()

    def _field(self, version: StatusVersion, field: int) -> str:
        return (version.status, version.explanation or self.tr("geen toelichting"), version.spent_text,
                version.changed_by or self.tr("onbekend"))[field]

    def _when(self, version: StatusVersion) -> str:
        if version.changed_at is None:
            return self.tr("onbekend")
        local = version.changed_at.astimezone()
        return self.tr("{0} om {1}").format(format_long_date(local.date()), local.strftime("%H:%M"))
