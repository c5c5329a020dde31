"""The Tijdlijn of a large plan is laid out off the GUI thread; a stale layout never shows."""

from __future__ import annotations

import datetime as dt

from velsen_desk.ui.timeline import view


def test_a_large_plan_is_laid_out_in_a_worker_and_then_shown(window, qtbot, monkeypatch):
    tab = window.timeline_tab
    window.select_tab("timeline")
    qtbot.waitUntil(lambda: tab.layout_data is not None)
    monkeypatch.setattr(view, "LAYOUT_IN_WORKER", 0)  # every plan counts as large
    before = tab.layout_data
    tab.set_today(dt.date(2030, 1, 1))
    assert tab.layout_data is before  # the worker has it; the GUI thread did not lay it out
    qtbot.waitUntil(lambda: tab.layout_data is not before, timeout=10000)
    assert tab.layout_data is not None and tab.layout_data.rows


def test_only_the_latest_layout_asked_for_is_shown(window, qtbot, monkeypatch):
    tab = window.timeline_tab
    window.select_tab("timeline")
    qtbot.waitUntil(lambda: tab.layout_data is not None)
    monkeypatch.setattr(view, "LAYOUT_IN_WORKER", 0)
    tab.set_today(dt.date(2030, 1, 1))
    tab.set_today(dt.date(2024, 1, 1))
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)
    qtbot.wait(100)  # any result still queued for the GUI thread
    plan = window.state.data.plans[0]
    latest = view.build_layout(plan, dt.date(2024, 1, 1), "Planning onbekend", "Zonder focusopgave", tab.progress)
    assert tab.layout_data is not None and tab.layout_data.today == latest.today
