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
