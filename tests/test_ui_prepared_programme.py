"""The Begroting's tree is made in the worker that reads the programme; the GUI thread only
swaps it in, and the loader keeps the preparations of the latest programme only."""

from __future__ import annotations

import threading

from PySide6.QtCore import QModelIndex

import velsen_desk.ui.budget.tree as budget_tree
from velsen_desk.core.task_state import TaskState
from velsen_desk.ui.main_window import BUDGET_TREE
from velsen_desk.ui.programme_loader import ProgrammeLoader, prepare


def _switch_to(window, qtbot, programme_id: str) -> None:
    window.loader.load(programme_id)
    qtbot.waitUntil(lambda: window.state.data.programme.id == programme_id, timeout=10000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)


def test_the_tree_is_built_in_the_programmes_read_not_on_the_gui_thread(window, qtbot, monkeypatch):
    built_on: list[str] = []
    real = budget_tree.build_tree

    def spy(plans):
        if plans:  # a programme without a plan shows an empty tree
            built_on.append(threading.current_thread().name)
        return real(plans)

    monkeypatch.setattr(budget_tree, "build_tree", spy)
    tab = window.budget_tab
    window.select_tab("budget")  # visible: it draws in the turn the programme arrives
    _switch_to(window, qtbot, "heemskerk-2018")
    _switch_to(window, qtbot, "velsen-2022")
    assert built_on and threading.main_thread().name not in built_on
    prepared = window.loader.prepared(BUDGET_TREE, window.state.data)
    assert isinstance(prepared, budget_tree.PreparedTree)
    assert tab.model.node(QModelIndex()) is prepared.root  # the worker's tree, swapped in as it was
    assert tab.model._sort_keys is prepared.sort_keys  # its keys too, not a copy (~1.3 MB at 2,000 actions)


def test_a_read_keeps_the_users_sort(window, qtbot):
    from PySide6.QtCore import Qt

    from velsen_desk.ui.budget.model import COST

    tab = window.budget_tab
    window.select_tab("budget")
    tab.tree.sortByColumn(COST, Qt.SortOrder.DescendingOrder)
    _switch_to(window, qtbot, "heemskerk-2018")
    _switch_to(window, qtbot, "velsen-2022")
    prepared = window.loader.prepared(BUDGET_TREE, window.state.data)
    assert (prepared.sort_column, prepared.descending) == (COST, True)  # sorted in the worker
    assert tab.model.is_sorted(COST, Qt.SortOrder.DescendingOrder)
    plan = tab.model.index(0, 0)
    focus = tab.model.index(0, 0, plan)
    costs = [tab.model.sort_key(tab.model.node(tab.model.index(r, 0, focus)), COST)
             for r in range(tab.model.rowCount(focus))]
    assert len(costs) > 1 and costs == sorted(costs, reverse=True)


def test_the_loader_keeps_only_the_latest_programmes_preparations(window, qtbot):
    _switch_to(window, qtbot, "heemskerk-2018")
    heemskerk = window.state.data
    _switch_to(window, qtbot, "velsen-2022")
    velsen = window.state.data
    assert window.loader.prepared(BUDGET_TREE, heemskerk) is None  # let go: one programme's at most
    assert window.loader.prepared(BUDGET_TREE, velsen) is not None
    assert window.loader.prepared("onbekend", velsen) is None


def test_prepare_runs_every_preparation_on_the_data_read(built_db):
    from tests.conftest import programme_of

    data = programme_of(built_db, "velsen-2022")
    loaded = prepare(data, {"a": lambda d, _s: len(d.plans), "b": lambda d, _s: d.programme.id}, TaskState())
    assert loaded.data is data and loaded.prepared == {"a": len(data.plans), "b": "velsen-2022"}


def test_a_preparation_is_asked_for_when_a_read_starts(qapp):
    from velsen_desk.ui.operations import OperationRunner
    from velsen_desk.ui.state import ViewState

    asked: list[int] = []
    loader = ProgrammeLoader(OperationRunner(None), ViewState())
    loader.add_preparation("x", lambda: asked.append(1) or (lambda _d, _s: None))
    assert loader._preparers().keys() == {"x"} and asked == [1]  # on the GUI thread, before the worker


def test_at_the_start_a_hidden_begroting_gets_its_tree_from_a_worker(qtbot, built_db, settings, monkeypatch):
    # The start's read makes no preparations (before the first paint); the catch-up asks for
    # them after it, so the hidden Begroting swaps in a worker's tree instead of building one.
    from tests.conftest import open_window

    built_on: list[str] = []
    real = budget_tree.build_tree

    def spy(plans):
        if plans:
            built_on.append(threading.current_thread().name)
        return real(plans)

    monkeypatch.setattr(budget_tree, "build_tree", spy)
    window = open_window(qtbot, built_db, settings)  # opens on the Thema's tab; ready when all caught up
    assert window.current_tab() is window.themes_tab and window.budget_tab.up_to_date
    assert built_on and threading.main_thread().name not in built_on
    prepared = window.loader.prepared(BUDGET_TREE, window.state.data)
    assert isinstance(prepared, budget_tree.PreparedTree)
    assert window.budget_tab.model.node(QModelIndex()) is prepared.root
    window.runner.wait(5000)


def test_a_late_preparation_that_fails_lets_the_tab_build_its_own(qtbot, built_db, settings, monkeypatch, caplog):
    from tests.conftest import open_window

    def failing(*_args):
        raise RuntimeError("kapot")

    monkeypatch.setattr(budget_tree, "prepare_tree", failing)
    window = open_window(qtbot, built_db, settings)  # still ready: the catch-up did not wait forever
    assert window.budget_tab.up_to_date
    assert window.budget_tab.model.rowCount(QModelIndex()) > 0  # built on the GUI thread instead
    assert "preparing the programme's tabs failed" in caplog.text
    window.runner.wait(5000)


def test_the_start_s_late_preparation_runs_alone(qtbot, built_db, settings, monkeypatch):
    # Started beside another hidden tab's draw (the Tijdlijn's layout, a second worker), the two
    # workers passed the interpreter lock between them while the GUI thread waited ~0.1 s: the
    # tabs after the Begroting are drawn only once its preparation has arrived.
    from tests.conftest import log_drawn_tabs, open_window

    drawn: list[str] = []
    log_drawn_tabs(monkeypatch, drawn)
    window = open_window(qtbot, built_db, settings)  # on the Thema's tab
    assert drawn[drawn.index("BudgetTab") + 1:] == ["TimelineTab", "ProgressTab"]
    window.runner.wait(5000)
