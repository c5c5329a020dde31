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
    """Holds the callbacks of one owner; destroyed with it, so nothing runs for a gone owner.
    ``one_per_turn``: only one event is posted at a time, the next after the previous callback
    ran, so each callback gets an event-loop turn of its own (events posted together are all
    delivered in one turn, before the next paint)."""

    def __init__(self, owner: QObject, one_per_turn: bool = False) -> None:
        super().__init__(owner)
        self._pending: deque[Callable[[], None]] = deque()
        self._one_per_turn = one_per_turn
        self._posted = False  # an event is on its way (with one_per_turn, at most one)

    def post(self, callback: Callable[[], None]) -> None:
        self._pending.append(callback)
        if not self._one_per_turn or not self._posted:
            self._post_event()

    def _post_event(self) -> None:
        self._posted = True
        QCoreApplication.postEvent(self, QEvent(_CALL), Qt.EventPriority.LowEventPriority.value)

    def event(self, event: QEvent) -> bool:
        if event.type() == _CALL:
            self._posted = False
            if self._pending:
                callback = self._pending.popleft()
                try:
                    callback()  # may post the next one itself: still one event for it
                finally:
                    if self._one_per_turn and self._pending and not self._posted:
                        self._post_event()
            return True
        return super().event(event)


def after_paints(owner: QObject, callback: Callable[[], None], one_per_turn: bool = False) -> None:
    """Call ``callback`` on ``owner``'s thread in a later turn, after the paints queued now;
    never after ``owner`` is destroyed. Calls for one owner run in the order given; with
    ``one_per_turn``, each of those calls in a turn of its own."""
    name = "after_paints_one_per_turn" if one_per_turn else "after_paints"
    calls = owner.findChild(_Calls, name, Qt.FindChildOption.FindDirectChildrenOnly)
    if calls is None:
        calls = _Calls(owner, one_per_turn)
        calls.setObjectName(name)
    calls.post(callback)


def after_this_turn(owner: QObject, callback: Callable[[], None]) -> None:
    """Call ``callback`` in a turn of its own after this one: events posted while a turn runs
    wait for the next, but the ones posted now share one turn with the paints queued now (a tab
    just shown: its paint and a chart built after it took one ~70 ms turn)."""
    after_paints(owner, lambda: after_paints(owner, callback))
