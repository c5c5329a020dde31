"""A plan with more focusopgaven than the chart can show: the first ones, and the title says how many there are."""

from __future__ import annotations


def test_only_the_first_focusopgaven_are_charted_and_the_title_counts_them_all(window, qtbot, monkeypatch):
    import velsen_desk.ui.budget.view as budget_view

    tab = window.budget_tab
    window.select_tab("budget")
    qtbot.waitUntil(lambda: tab.chart is not None, timeout=60000)
    plan = window.state.data.plans[0]
    assert len(plan.focusopgaven) == 3 and plan.loose_actions
    monkeypatch.setattr(budget_view, "MAX_BARS", 2)
    tab.select_item(plan.id)
    chart = tab.chart
    assert chart is not None
    assert [b.label for b in chart.bars] == [f"Focusopgave {fo.number}: {fo.title}" for fo in plan.focusopgaven[:2]]
    assert f"(de eerste 2 van {len(plan.focusopgaven) + 1})" in chart.title.text()


def test_two_line_value_labels_never_run_into_the_next_bars(qtbot):
    """At 100× the plan's 40 focusopgave bars in a 720 px window: "€ 320.000" over "+ 1 post
    n.n.b." ran into the next bar's label. The chart shows the first bars that fit, and says so."""
    from velsen_desk.ui.budget.chart import Bar, CostChart

    chart = CostChart()
    qtbot.addWidget(chart)
    chart.resize(340, 560)
    chart.show()
    bars = [Bar(f"Focusopgave {n}", 100_000 + n * 5_000, f"€ {100 + n * 5}.000 + 1 post n.n.b.") for n in range(1, 41)]
    chart.show_bars("Kosten per focusopgave", bars, 286)
    qtbot.waitUntil(lambda: chart.plot.getViewBox().height() > 100)
    qtbot.wait(20)
    shown = [label for label in chart._labels if label.isVisible()]
    assert 1 < len(shown) == len(chart.bars) < 40
    # the text's lines, without the text item's invisible document margin
    margin = shown[0].textItem.document().documentMargin()
    rects = [label.sceneBoundingRect().adjusted(0, margin, 0, -margin) for label in shown]
    assert all(not a.intersects(b) for a, b in zip(rects, rects[1:], strict=False))  # one under the other
    assert f"(de eerste {len(chart.bars)} van 286)" in chart.title.text()
    chart.resize(340, 1100)  # a taller chart shows more of them
    qtbot.waitUntil(lambda: len(chart.bars) > len(shown))


def test_one_line_labels_keep_every_bar_that_fits(qtbot):
    from velsen_desk.ui.budget.chart import Bar, CostChart

    chart = CostChart()
    qtbot.addWidget(chart)
    chart.resize(340, 560)
    chart.show()
    chart.show_bars("Kosten per actie", [Bar(f"{n}. Actie", n * 1_000, f"€ {n}.000") for n in range(1, 21)])
    qtbot.waitUntil(lambda: chart.plot.getViewBox().height() > 100)
    assert len(chart.bars) == 20 and "eerste" not in chart.title.text()
