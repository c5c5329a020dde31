"""The Tijdlijn spreads its work over event-loop turns: the chart's rows a batch per turn, the
rows in view first, and the side pane's long lists only once the tab is seen."""

from __future__ import annotations

import dataclasses
import math

from tests.conftest import long_layout, shown_gantt


def test_the_gantt_gives_its_rows_their_items_a_batch_per_turn(window, qtbot, monkeypatch):
    from velsen_desk.ui.timeline.chart import ROWS_PER_TURN, GanttChart

    chart, base = shown_gantt(window, qtbot)
    layout = long_layout(base)
    batches: list[list[float]] = []
    real = GanttChart._add_rows

    def spy(self, layout, rows):
        batches.append([row.y for row in rows])
        return real(self, layout, rows)

    monkeypatch.setattr(GanttChart, "_add_rows", spy)
    chart.show_layout(layout, frozenset())
    assert len(batches) == 1 and len(batches[0]) <= ROWS_PER_TURN  # one batch in the call's turn
    assert batches[0][0] == 0  # the rows in view first
    assert chart.rows_pending
    qtbot.waitUntil(lambda: not chart.rows_pending, timeout=10000)
    first, last = chart.drawn_rows()
    assert len(batches) > 2 and all(len(b) <= ROWS_PER_TURN for b in batches)
    assert {y for b in batches for y in b} == set(range(first, last + 1))  # every row in view and margin


def test_a_newer_layout_drops_the_batches_of_the_older_one(window, qtbot, monkeypatch):
    from velsen_desk.ui.timeline.chart import GanttChart

    chart, base = shown_gantt(window, qtbot)
    chart.show_layout(long_layout(base), frozenset())
    drawn: list[int] = []
    real = GanttChart._add_rows
    monkeypatch.setattr(GanttChart, "_add_rows", lambda self, layout, rows: (drawn.append(id(layout)),
                                                                              real(self, layout, rows)))
    chart.show_layout(base, frozenset())
    qtbot.waitUntil(lambda: not chart.rows_pending, timeout=10000)
    qtbot.wait(20)
    assert set(drawn) == {id(base)}


def test_a_hidden_tijdlijn_fills_its_side_pane_only_when_shown(window, qtbot, monkeypatch):
    tab = window.timeline_tab
    window.select_tab("timeline")
    qtbot.waitUntil(lambda: "Planning onbekend" in tab.side.toPlainText(), timeout=60000)
    window.select_tab("budget")
    filled: list[str] = []
    real = tab.side.setHtml
    monkeypatch.setattr(tab.side, "setHtml", lambda html: (filled.append(html), real(html)))
    window.select_person(window.state.data.college[0].id)  # the hidden tab redraws for the person
    qtbot.waitUntil(lambda: tab.up_to_date, timeout=10000)
    qtbot.wait(50)
    assert filled == []  # not while hidden
    window.select_tab("timeline")
    qtbot.waitUntil(lambda: len(filled) == 1, timeout=10000)
    assert "Planning onbekend" in tab.side_text() and len(filled) == 1  # once, and not again


def test_the_side_pane_is_not_set_again_for_the_layout_it_shows(window, qtbot, monkeypatch):
    tab = window.timeline_tab
    window.select_tab("timeline")
    qtbot.waitUntil(lambda: tab.chart is not None and "Planning onbekend" in tab.side.toPlainText(), timeout=60000)
    filled: list[str] = []
    real = tab.side.setHtml
    monkeypatch.setattr(tab.side, "setHtml", lambda html: (filled.append(html), real(html)))
    tab._redraw()  # as when the chart is made after the pane was filled: same layout, same person
    qtbot.wait(50)
    assert filled == []
    window.select_person(window.state.data.college[0].id)  # another person: the pane follows
    qtbot.waitUntil(lambda: len(filled) == 1, timeout=10000)




def _one_go_html(qtbot, html: str) -> str:
    from PySide6.QtWidgets import QTextBrowser

    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(html)
    return browser.toHtml()


def test_the_side_pane_shows_its_first_items_at_once_and_the_rest_in_later_turns(window, qtbot, monkeypatch):
    from velsen_desk.ui.widgets.piecewise_html import ITEMS_PER_TURN, MAX_TURNS

    tab = window.timeline_tab
    window.select_tab("timeline")
    qtbot.waitUntil(lambda: tab.chart is not None and "Planning onbekend" in tab.side.toPlainText(), timeout=60000)
    long = long_layout(tab.layout_data, 60)
    highlight = window.state.data.actions_of_person(window.state.person_id)
    whole = tab._side_html(long, highlight)
    per_turn = max(ITEMS_PER_TURN, math.ceil(whole.count("<li>") / MAX_TURNS))
    assert whole.count("<li>") > 2 * per_turn  # hundreds of listed actions, as at 2,000 actions
    first: list[str] = []
    real = tab.side.setHtml
    monkeypatch.setattr(tab.side, "setHtml", lambda html: (first.append(html), real(html)))
    tab.layout_data = long
    tab._redraw()
    qtbot.waitUntil(lambda: len(first) == 1, timeout=10000)
    assert first[0].count("<li>") <= per_turn and "Trekkers" in first[0]  # the legend at once
    assert tab._side_fill.pending
    qtbot.waitUntil(lambda: not tab._side_fill.pending, timeout=20000)
    assert len(first) == 1
    assert tab.side.toHtml() == _one_go_html(qtbot, whole)  # every action listed, as one setHtml shows it


def test_a_newer_layout_stops_the_side_panes_fill(window, qtbot):
    tab = window.timeline_tab
    window.select_tab("timeline")
    qtbot.waitUntil(lambda: tab.chart is not None and "Planning onbekend" in tab.side.toPlainText(), timeout=60000)
    base = tab.layout_data
    tab.layout_data = long_layout(tab.layout_data, 60)
    tab._redraw()
    qtbot.waitUntil(lambda: tab._side_fill.pending, timeout=10000)
    tab.layout_data = base  # e.g. another plan chosen while the long lists are still coming
    tab._redraw()
    qtbot.waitUntil(lambda: tab._side_shows is not None and tab._side_shows[0] is base and not tab._side_fill.pending,
                    timeout=20000)
    qtbot.wait(50)
    highlight = window.state.data.actions_of_person(window.state.person_id)
    assert tab.side.toHtml() == _one_go_html(qtbot, tab._side_html(base, highlight))


def test_a_hidden_tijdlijn_stops_filling_a_side_pane_it_will_fill_again(window, qtbot):
    tab = window.timeline_tab
    window.select_tab("timeline")
    qtbot.waitUntil(lambda: tab.chart is not None and "Planning onbekend" in tab.side.toPlainText(), timeout=60000)
    tab.layout_data = long_layout(tab.layout_data, 60)
    tab._redraw()
    qtbot.waitUntil(lambda: tab._side_fill.pending, timeout=10000)
    base_rows = len(tab.layout_data.rows) // 60
    window.select_tab("budget")
    assert not tab.isVisible()
    tab.layout_data = dataclasses.replace(tab.layout_data, rows=tab.layout_data.rows[:base_rows])
    tab._redraw()  # as a hidden tab's redraw for another programme does
    assert not tab._side_fill.pending  # no turns spent on lists no longer shown
    assert tab._side_stale  # filled when the tab is seen again


def test_on_its_first_showing_the_side_pane_waits_for_the_chart_and_its_rows(window, qtbot, monkeypatch):
    from velsen_desk.ui.widgets.chart_library import chart_library

    library = chart_library()
    library.request()
    qtbot.waitUntil(lambda: library.loaded, timeout=60000)
    tab = window.timeline_tab
    assert tab.chart is None
    ready: list[bool] = []
    real = tab.side.setHtml

    def spy(html: str) -> None:
        chart = tab.chart  # made in the turn after the tab is shown, given its rows in the turns after that
        ready.append(chart is not None and chart.layout_data is tab.layout_data and not chart.rows_pending)
        real(html)

    monkeypatch.setattr(tab.side, "setHtml", spy)
    window.select_tab("timeline")
    qtbot.waitUntil(lambda: bool(ready), timeout=20000)
    assert ready == [True]  # not in the chart's turns: they shared a turn of 40–60 ms


def test_the_side_pane_does_not_wait_for_a_chart_that_is_not_made(window, qtbot, monkeypatch):
    from velsen_desk.ui.widgets.chart_library import chart_library

    library = chart_library()
    library.request()
    qtbot.waitUntil(lambda: library.loaded, timeout=60000)
    tab = window.timeline_tab
    monkeypatch.setattr(tab.chart_holder, "_on_loaded", lambda: None)  # as when making the chart fails
    window.select_tab("timeline")
    qtbot.waitUntil(lambda: "Planning onbekend" in tab.side.toPlainText(), timeout=10000)
    assert tab.chart is None
