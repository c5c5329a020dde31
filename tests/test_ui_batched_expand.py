"""Expanding a big tree across event-loop turns: the first rows at once, the rest later, all in the end."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView

from tests.conftest import a_background_task
from velsen_desk.ui.budget.model import COST
from velsen_desk.ui.widgets import batched_expand
from velsen_desk.ui.widgets.batched_expand import TreeExpander


def _view(qtbot, branches: int = 30) -> QTreeView:
    model = QStandardItemModel()
    for b in range(branches):
        top = QStandardItem(f"tak {b}")
        for a in range(3):
            child = QStandardItem(f"rij {b}.{a}")
            child.appendRow(QStandardItem(f"blad {b}.{a}"))
            top.appendRow(child)
        model.appendRow(top)
    view = QTreeView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.show()
    return view


def _all_branches(view: QTreeView, parent: QModelIndex | None = None) -> list[QModelIndex]:
    model = view.model()
    parent = parent or QModelIndex()
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if model.hasChildren(index):
            found += [index, *_all_branches(view, index)]
    return found


def test_expand_all_opens_the_first_branch_now_and_every_branch_in_later_turns(qtbot, monkeypatch):
    monkeypatch.setattr(batched_expand, "BATCH_MS", 0)  # one branch per turn
    view = _view(qtbot)
    expander = TreeExpander(view)
    done = []
    expander.sig_done.connect(lambda: done.append(True))
    expander.expand_all()
    branches = _all_branches(view)
    assert view.isExpanded(branches[0])
    assert not all(view.isExpanded(i) for i in branches)  # the rest waits for later turns
    assert expander.busy
    qtbot.waitUntil(lambda: not expander.busy)
    assert all(view.isExpanded(i) for i in branches) and done == [True]


def test_a_reset_of_the_model_cancels_the_expansion(qtbot, monkeypatch):
    monkeypatch.setattr(batched_expand, "BATCH_MS", 0)
    view = _view(qtbot)
    expander = TreeExpander(view)
    expander.expand_all()
    model = view.model()
    assert isinstance(model, QStandardItemModel)
    model.clear()
    assert not expander.busy


def test_budget_sort_keeps_the_open_branches_open_and_the_closed_ones_closed(window, qtbot, monkeypatch):
    monkeypatch.setattr(batched_expand, "BATCH_MS", 0)
    tab = window.budget_tab
    window.select_tab("budget")
    qtbot.waitUntil(lambda: not tab.expander.busy)
    model = tab.model
    focus = [n for n in model.branches() if n.kind == "focusopgave"]
    closed = focus[1]
    tab.tree.collapse(model.index_of(closed))
    tab.tree.sortByColumn(COST, Qt.SortOrder.DescendingOrder)
    assert tab.expander.busy  # the rows open again over later turns
    qtbot.waitUntil(lambda: not tab.expander.busy)
    for node in focus:
        assert tab.tree.isExpanded(model.index_of(node)) == (node is not closed)


def test_batches_wait_while_a_background_task_runs(qtbot, monkeypatch):
    monkeypatch.setattr(batched_expand, "BATCH_MS", 0)
    with a_background_task(qtbot, 10):
        view = _view(qtbot)
        expander = TreeExpander(view)
        expander.expand_all()
        qtbot.wait(150)  # many turns, well under MAX_WAIT_MS
        expanded = sum(view.isExpanded(i) for i in _all_branches(view))
        assert expanded == 1 and expander.busy  # only the batch made at once
    qtbot.waitUntil(lambda: not expander.busy)
    assert all(view.isExpanded(i) for i in _all_branches(view))


def test_a_long_background_task_holds_the_expansion_up_only_once(qtbot, monkeypatch):
    monkeypatch.setattr(batched_expand, "BATCH_MS", 0)
    monkeypatch.setattr(batched_expand, "MAX_WAIT_MS", 60)
    with a_background_task(qtbot, 20):
        view = _view(qtbot)
        expander = TreeExpander(view)
        expander.expand_all()
        # 120 branches, one per turn: waiting 60 ms before each would take over 7 s
        qtbot.waitUntil(lambda: not expander.busy, timeout=3000)
        assert batched_expand.workers_busy()  # the task still runs
        assert all(view.isExpanded(i) for i in _all_branches(view))


def test_a_hidden_tree_waits_as_long_as_the_task_runs_and_a_shown_one_at_most_max_wait(qtbot, monkeypatch):
    # Nobody sees a hidden tree: it expands nothing against a busy worker, not even its first
    # batch; shown, it waits at most MAX_WAIT_MS as before.
    monkeypatch.setattr(batched_expand, "BATCH_MS", 0)
    monkeypatch.setattr(batched_expand, "MAX_WAIT_MS", 60)
    with a_background_task(qtbot, 20):
        view = _view(qtbot)
        view.hide()
        expander = TreeExpander(view)
        expander.expand_all()
        qtbot.wait(300)  # five times MAX_WAIT_MS
        assert not any(view.isExpanded(i) for i in _all_branches(view)) and expander.busy
        view.show()
        qtbot.waitUntil(lambda: not expander.busy, timeout=3000)
        assert batched_expand.workers_busy()  # the task still runs
    assert all(view.isExpanded(i) for i in _all_branches(view))
