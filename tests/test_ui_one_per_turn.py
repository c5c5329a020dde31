"""Work queued one per event-loop turn: a hidden tab's "Bekijk als" update does not share its turn."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from velsen_desk.ui.widgets.after_paint import after_paints


def test_one_per_turn_runs_each_call_in_a_turn_of_its_own_in_order(qtbot):
    owner = QObject()
    order: list[str] = []
    after_paints(owner, lambda: order.append("first"), one_per_turn=True)
    after_paints(owner, lambda: order.append("second"), one_per_turn=True)
    after_paints(owner, lambda: order.append("third"), one_per_turn=True)
    QApplication.processEvents()
    assert order == ["first"]
    QApplication.processEvents()
    assert order == ["first", "second"]
    QApplication.processEvents()
    assert order == ["first", "second", "third"]


def test_a_call_that_queues_the_next_itself_still_gets_a_turn_of_its_own(qtbot):
    # The window's catch-up queues its next step from inside the step: that next step was
    # posted twice (by the call and after it), and two steps then shared one turn.
    owner = QObject()
    steps: list[int] = []

    def step() -> None:
        steps.append(len(steps))
        if len(steps) < 4:
            after_paints(owner, step, one_per_turn=True)

    after_paints(owner, step, one_per_turn=True)
    for turn in range(1, 5):
        QApplication.processEvents()
        assert len(steps) == turn
    QApplication.processEvents()
    assert len(steps) == 4


def test_a_failing_call_does_not_stop_the_ones_after_it(qtbot):
    owner = QObject()
    order: list[str] = []

    def failing() -> None:
        raise RuntimeError("mislukt")

    after_paints(owner, failing, one_per_turn=True)
    after_paints(owner, lambda: order.append("after"), one_per_turn=True)
    with qtbot.capture_exceptions() as errors:
        qtbot.waitUntil(lambda: order == ["after"])
    assert len(errors) == 1


def test_bekijk_als_updates_the_hidden_tabs_one_per_turn(window, qtbot):
    window.select_tab("budget")
    qtbot.waitUntil(lambda: all(tab.up_to_date for tab in window._programme_tabs()))
    qtbot.wait(100)
    hidden = [tab for tab in window._programme_tabs() if not tab.isVisible()]
    assert len(hidden) >= 2
    shown: list[object] = []
    for tab in hidden:
        tab.show_person = (lambda t: lambda: shown.append(t))(tab)  # type: ignore[method-assign]
    person = next(p.id for p in window.state.data.college if window.state.data.actions_of_person(p.id))
    window.select_person(person)
    QApplication.processEvents()
    assert len(shown) <= 1
    qtbot.waitUntil(lambda: len(shown) == len(hidden))
