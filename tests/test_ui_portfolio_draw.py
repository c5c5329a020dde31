"""Drawing the portfolio tab for a "Bekijk als" person marks the row with the model's reset,
instead of telling the view afterwards that every cell changed (its columns sized to contents
then asked every cell again: ~0.1 s of a programme switch's catch-up at 100×)."""

from __future__ import annotations

from velsen_desk.ui.widgets.style import HIGHLIGHT_ROLE


def test_a_draw_for_a_person_marks_the_row_without_a_change_signal(window, qtbot):
    data = window.state.data
    person = data.matrix.members[1]
    window.select_person(person.id)
    tab = window.portfolio_tab
    tab.ensure_drawn()
    changed: list[object] = []
    tab.model.dataChanged.connect(lambda *args: changed.append(args))
    tab.draw(data)
    assert changed == []
    row = tab.model.row_of(person.id)
    assert tab.model.index(row, 0).data(HIGHLIGHT_ROLE) is True
    assert tab.model.index(0 if row else 1, 0).data(HIGHLIGHT_ROLE) is False
    assert tab.table.currentIndex().row() == row  # and selects the person, as before
