"""The Begroting tree sorts in its own model (no proxy), on keys a worker made beforehand."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from velsen_desk.ui.budget.model import COST, TITLE, BudgetModel


def test_the_view_shows_the_model_itself(window):
    tab = window.budget_tab
    assert tab.tree.model() is tab.model  # a pass-through proxy doubled the index() calls per paint


def test_no_sort_key_is_made_on_the_gui_thread(window, qtbot, monkeypatch):
    made_on: list[str] = []
    real = BudgetModel._sort

    def spy(self, node, column):
        made_on.append(threading.current_thread().name)
        return real(self, node, column)

    monkeypatch.setattr(BudgetModel, "_sort", spy)
    tab = window.budget_tab
    window.select_tab("budget")
    window.loader.load("heemskerk-2018")  # a new tree: its keys are made in a worker
    window.loader.load("velsen-2022")
    qtbot.waitUntil(lambda: window.state.data.programme.id == "velsen-2022", timeout=10000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)
    qtbot.wait(50)  # the worker's result, still queued for the GUI thread
    gui = threading.main_thread().name
    assert made_on and gui not in made_on  # the worker made them
    made_on.clear()
    tab.tree.sortByColumn(COST, Qt.SortOrder.DescendingOrder)
    tab.tree.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert made_on == []  # the clicks only sorted
    first = tab.model.index(0, 0)
    titles = [tab.model.index(r, TITLE, tab.model.index(0, 0, first)).data()
              for r in range(tab.model.rowCount(tab.model.index(0, 0, first)))]
    assert titles == sorted(titles, key=str.lower)
