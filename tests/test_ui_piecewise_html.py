"""Rich text set over several turns ends as the same document one setHtml of the whole text
makes, shows its first part at once, and a newer text stops the older one's fill."""

from __future__ import annotations

import pytest

from velsen_desk.ui.widgets.piecewise_html import Bullets, Piece, PiecewiseFill, plan_steps, whole_html

STYLE = "<style>a { color: #0000ff; } .muted { color: #888888; } h3 { margin-top: 12px; margin-bottom: 2px; }</style>"


def _items(prefix: str, count: int) -> tuple[str, ...]:
    return tuple(f'<a href="action:{prefix}{i}">Actie {i}</a>: titel {i}<br><span class="muted">plan {i}</span>'
                 for i in range(count))


PIECES: list[Piece] = [
    "<h3>Trekkers</h3><p><span style='color:#ff0000'>■</span> Gemeente<br>▨ jaar</p><h3>Te laat</h3>",
    Bullets(_items("late", 3)),
    "<h3>Planning onbekend</h3>",
    Bullets(_items("unknown", 7)),
    "<h3>Planning niet zeker</h3><p class='muted'>De balk volgt de tabel.</p>",
    Bullets(_items("conflict", 1)),
    "<h3>Terugkerend</h3>",
    Bullets(("jaarlijks", "elk kwartaal")),
]


def _browser(qtbot):
    from PySide6.QtWidgets import QTextBrowser

    browser = QTextBrowser()
    qtbot.addWidget(browser)
    return browser


def _one_go(qtbot, pieces: list[Piece]) -> str:
    browser = _browser(qtbot)
    browser.setHtml(whole_html(STYLE, pieces))
    return browser.toHtml()


@pytest.mark.parametrize("per_turn", [1, 2, 3, 4, 6, 7, 100])
def test_the_filled_document_equals_the_one_go_document(qtbot, per_turn):
    browser = _browser(qtbot)
    fill = PiecewiseFill(browser, per_turn)
    fill.set(STYLE, PIECES)
    qtbot.waitUntil(lambda: not fill.pending, timeout=10000)
    assert browser.toHtml() == _one_go(qtbot, PIECES)  # the same blocks, lists, margins, links and colours
    assert browser.toPlainText().count("Actie") == 11


def test_the_first_turn_holds_at_most_the_turns_items_and_the_rest_come_later(qtbot):
    from PySide6.QtWidgets import QApplication

    browser = _browser(qtbot)
    fill = PiecewiseFill(browser, 4)
    fill.set(STYLE, PIECES)
    first = browser.toPlainText()
    assert first.count("Actie") == 4 and "Trekkers" in first and "Terugkerend" not in first  # legend first
    assert fill.pending
    seen = [first.count("Actie")]
    while fill.pending:
        QApplication.processEvents()  # one turn: what it posts is delivered in the next
        seen.append(browser.toPlainText().count("Actie"))
    assert seen[-1] == 11 and len(set(seen)) >= 3  # in several later turns
    assert all(later - earlier <= 4 for earlier, later in zip(seen, seen[1:], strict=False))


def test_a_newer_text_stops_the_older_fill(qtbot):
    browser = _browser(qtbot)
    fill = PiecewiseFill(browser, 2)
    fill.set(STYLE, PIECES)
    newer: list[Piece] = ["<h3>Planning onbekend</h3>", Bullets(_items("new", 5))]
    fill.set(STYLE, newer)
    qtbot.waitUntil(lambda: not fill.pending, timeout=10000)
    qtbot.wait(20)  # the older fill's turns would have come by now
    assert browser.toHtml() == _one_go(qtbot, newer)


def test_cancel_stops_and_finish_completes(qtbot):
    browser = _browser(qtbot)
    fill = PiecewiseFill(browser, 2)
    fill.set(STYLE, PIECES)
    fill.cancel()
    qtbot.wait(20)
    assert browser.toPlainText().count("Actie") == 2 and not fill.pending
    fill.set(STYLE, PIECES)
    fill.finish()
    assert not fill.pending and browser.toHtml() == _one_go(qtbot, PIECES)


def test_the_rest_waits_while_other_work_is_spread_over_turns(qtbot):
    browser = _browser(qtbot)
    busy = {"now": True}
    fill = PiecewiseFill(browser, 2, wait=lambda: busy["now"])
    fill.set(STYLE, PIECES)
    qtbot.wait(30)
    assert browser.toPlainText().count("Actie") == 2 and fill.pending
    busy["now"] = False
    qtbot.waitUntil(lambda: not fill.pending, timeout=10000)
    assert browser.toHtml() == _one_go(qtbot, PIECES)


def test_steps_end_only_in_lists():
    steps = plan_steps(PIECES, 4)
    assert [sum(len(part.items) if not isinstance(part, str) else part.count("<li>") for part in step)
            for step in steps] == [4, 4, 4, 1]
    assert isinstance(steps[1][0], type(steps[2][0]))  # a later step starts with the list it continues
    with pytest.raises(ValueError):
        plan_steps([Bullets(("a",))], 4)  # a list without a heading before it
    with pytest.raises(ValueError):
        plan_steps(PIECES, 0)


def test_a_long_list_takes_at_most_max_turns(qtbot):
    """Each turn lays out the whole list again (Qt marks a list's blocks changed when items
    join it): the number of turns is bounded, so the total is too."""
    from PySide6.QtWidgets import QApplication

    from velsen_desk.ui.widgets.piecewise_html import MAX_TURNS

    pieces: list[Piece] = ["<h3>Planning onbekend</h3>", Bullets(_items("many", MAX_TURNS * 5 + 3))]
    browser = _browser(qtbot)
    fill = PiecewiseFill(browser, 1)
    fill.set(STYLE, pieces)
    turns = 1
    while fill.pending:
        QApplication.processEvents()  # one turn
        turns += 1
    assert turns <= MAX_TURNS + 1  # the last turn only finds nothing left
    assert browser.toHtml() == _one_go(qtbot, pieces)
