"""A progress bar with a cancel button for one operation in a Beheer dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from velsen_desk.core.task_state import TaskState
from velsen_desk.ui.widgets.style import plain_label


class TaskPanel(QWidget):
    """Hidden while idle; ``track(state)`` shows it until ``done()``. Cancel asks the work to
    stop at its next check (it then writes nothing)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._state: TaskState | None = None
        self.message = plain_label(QLabel(self))
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName(self.tr("Voortgang"))
        self.cancel_button = QPushButton(self.tr("&Annuleren"), self)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.hide()

    @property
    def busy(self) -> bool:
        return self._state is not None

    def track(self, state: TaskState, message: str) -> None:
        self._state = state
        self.message.setText(message)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self.show()

    def progress(self, percent: int, message: str) -> None:
        self.bar.setValue(percent)
        if message:
            self.message.setText(message)

    def cancel(self) -> None:
        if self._state is not None:
            self._state.cancel()
            self.cancel_button.setEnabled(False)
            self.message.setText(self.tr("Annuleren…"))

    def done(self) -> None:
        self._state = None
        self.hide()
