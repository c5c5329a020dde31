"""The Begroting's hidden-tab prefetch asks its first rows a batch per event-loop turn."""

from __future__ import annotations

from velsen_desk.ui.budget.view import PREFETCH_PER_TURN
from velsen_desk.ui.widgets.programme_tab import PREFETCH_ROWS


def test_the_prefetch_asks_a_batch_of_rows_per_turn(window, qtbot):
    tab = window.budget_tab
    tab.ensure_drawn()
    qtbot.waitUntil(lambda: not tab.expander.busy, timeout=10000)
    asked: list[object] = []
    real = tab.model.node_data

    def spy(node, column, role):
        asked.append(node)
        return real(node, column, role)

    tab.model.node_data = spy
    tab.model._answers.clear()
    tab.prefetch()
    first_turn = len(set(asked))
    assert 0 < first_turn <= PREFETCH_PER_TURN  # rows (nodes) asked in the call's own turn
    qtbot.waitUntil(lambda: len(set(asked)) >= PREFETCH_ROWS, timeout=10000)  # the rest came later
