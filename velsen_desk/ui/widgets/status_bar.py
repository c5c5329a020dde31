"""A status bar whose temporary messages end in "…" where they do not fit, never mid-word.

QStatusBar paints a temporary message clipped at the permanent widgets; a sync error then ends
in half a word. The full text stays in the tooltip (and in the log, for messages that report a
failure: the caller logs those).
"""

from __future__ import annotations

from PySide6.QtCore import QDeadlineTimer, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStatusBar, QWidget

_MARGIN = 16  # the bar's own left margin and the gap before the first permanent widget
_MIN_ROOM = 200  # px: enough for the start of a message ("Synchroniseren mislukt: …")


class ElidingStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._permanent: list[QWidget] = []
        self._full = ""  # the whole of the message on show, "" when none
        self._deadline = QDeadlineTimer(QDeadlineTimer.ForeverConstant.Forever)  # when it times out
        self.messageChanged.connect(self._on_message_changed)

    @property
    def full_message(self) -> str:
        return self._full

    def addPermanentWidget(self, widget: QWidget, /, stretch: int | None = 0) -> None:
        self._permanent.append(widget)
        super().addPermanentWidget(widget, stretch or 0)

    def showMessage(self, text: str, /, timeout: int | None = 0) -> None:
        timeout = timeout or 0
        self._full = text
        self._deadline = (QDeadlineTimer(timeout) if timeout > 0
                          else QDeadlineTimer(QDeadlineTimer.ForeverConstant.Forever))
        self.setToolTip(text)
        super().showMessage(self._elided(text), timeout)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._full and self.currentMessage():  # same message, new room: elide it again
            shown = self._elided(self._full)
            if shown != self.currentMessage():
                self.blockSignals(True)  # no messageChanged: the message is the same one
                try:
                    super().showMessage(shown, self._remaining_timeout())
                finally:
                    self.blockSignals(False)

    def _remaining_timeout(self) -> int:
        if self._deadline.isForever():
            return 0
        return max(1, self._deadline.remainingTime())  # QStatusBar restarts its timer: keep the original end

    def _room(self) -> int:
        taken = sum(w.width() for w in self._permanent if w.isVisible())
        # never nothing: with the permanent widgets filling the bar, the message still shows its start
        return max(_MIN_ROOM, self.width() - taken - _MARGIN * (1 + len(self._permanent)))

    def _elided(self, text: str) -> str:
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self._room())

    def _on_message_changed(self, text: str) -> None:
        if not text:  # the message timed out or was cleared
            self._full = ""
            self.setToolTip("")
