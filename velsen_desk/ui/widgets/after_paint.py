"""Run work in a later event-loop turn, after the paints already asked for.

``QTimer.singleShot(0, …)`` posts a normal-priority event, and Qt posts a widget's paint request
(``UpdateRequest``) at low priority: the "later" work ran before the paint it was meant to
follow. Here the work is posted at low priority too, behind the paint requests already queued.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

_CALL = QEvent.Type(QEvent.registerEventType())


class _Calls(QObject):
    """Holds the callbacks of one owner; destroyed with it, so nothing runs for a gone owner."""

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self._pending: deque[Callable[[], None]] = deque()

    def post(self, callback: Callable[[], None]) -> None:
        self._pending.append(callback)
        QCoreApplication.postEvent(self, QEvent(_CALL), Qt.EventPriority.LowEventPriority.value)

    def event(self, event: QEvent) -> bool:
        if event.type() == _CALL:
            if self._pending:
                self._pending.popleft()()
            return True
        return super().event(event)


def after_paints(owner: QObject, callback: Callable[[], None]) -> None:
    """Call ``callback`` on ``owner``'s thread in a later turn, after the paints queued now;
    never after ``owner`` is destroyed. Calls for one owner run in the order given."""
    calls = owner.findChild(_Calls, "after_paints", Qt.FindChildOption.FindDirectChildrenOnly)
    if calls is None:
        calls = _Calls(owner)
        calls.setObjectName("after_paints")
    calls.post(callback)
