"""The Begroting tree sorts in its own model (no proxy), on keys the programme's read made
beforehand in its worker, and its figure columns are sized to texts that worker formatted."""

from __future__ import annotations

import threading

from PySide6.QtCore import QModelIndex, Qt

from velsen_desk.ui.budget.model import COST, TITLE
from velsen_desk.ui.budget.tree import BudgetTexts


def test_the_view_shows_the_model_itself(window):
    tab = window.budget_tab
    assert tab.tree.model() is tab.model  # a pass-through proxy doubled the index() calls per paint


def test_no_sort_key_is_made_on_the_gui_thread(window, qtbot, monkeypatch):
    made_on: list[str] = []
    real = BudgetTexts.sort

    def spy(self, node, column):
        made_on.append(threading.current_thread().name)
        return real(self, node, column)

    monkeypatch.setattr(BudgetTexts, "sort", spy)
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


def test_the_figure_columns_are_sized_from_texts_a_worker_made(window, qtbot, monkeypatch):
    from velsen_desk.core.task_state import TaskState
    from velsen_desk.ui.budget.model import CHECK

    made_on: list[str] = []
    real = BudgetTexts.figure_texts_of

    def spy(self, root, state):
        made_on.append(threading.current_thread().name)
        return real(self, root, state)

    monkeypatch.setattr(BudgetTexts, "figure_texts_of", spy)
    tab = window.budget_tab
    window.select_tab("budget")
    window.loader.load("heemskerk-2018")
    window.loader.load("velsen-2022")
    qtbot.waitUntil(lambda: window.state.data.programme.id == "velsen-2022", timeout=10000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)
    qtbot.wait(50)
    assert made_on and threading.main_thread().name not in made_on  # formatting every cost: a worker's
    texts = real(tab.model._texts, tab.model.node(QModelIndex()), TaskState())
    assert "€ 120.000" in texts[COST] and texts[CHECK]  # an action's cost, a branch's check
    assert tab.tree.header().sectionSize(COST) == tab._figure_width(COST)  # sized once the texts came
    shown = tab._figure_width(COST)
    tab._figure_texts = {}
    assert tab._figure_width(COST) < shown  # the header alone is narrower than the figures
