"""A programme with several action plans: every plan in the Begroting tree, its summary line and
chart, the Tijdlijn's plan choice, the reports, and a sync that adds a plan (issue 18)."""

from __future__ import annotations

import datetime as dt
import io

import msgspec
import pytest
from pypdf import PdfReader

from velsen_desk.core.formatting import format_derived_sum, format_sum
from velsen_desk.core.money import CostSum
from velsen_desk.core.plans import plan_index, total_of_plans, total_of_sums
from velsen_desk.core.records import ActionPlanInfo, ProgrammeData
from velsen_desk.ui.widgets.style import HIGHLIGHT_ROLE, ID_ROLE, KIND_ROLE

PLAN_ID = "velsen-2022.avn"


def clone_plan(plan: ActionPlanInfo, k: int) -> ActionPlanInfo:
    """The bundled plan again under new ids and a new title (an area plan per neighbourhood)."""
    raw = msgspec.json.encode(plan).decode().replace(f'"{PLAN_ID}', f'"{PLAN_ID}-p{k}')
    clone = msgspec.json.decode(raw, type=ActionPlanInfo)
    return msgspec.structs.replace(clone, title=f"Gebiedsplan {k}")


def with_plans(data: ProgrammeData, n: int) -> ProgrammeData:
    base = data.plans[0]
    return msgspec.structs.replace(data, plans=(base, *(clone_plan(base, k) for k in range(2, n + 1))))


@pytest.fixture
def three(window) -> ProgrammeData:
    data = with_plans(window.state.data, 3)
    window.state.set_data(data)
    return data


# ---- core ---------------------------------------------------------------------------------------


def test_totals_over_plans_count_nnb_posts_apart():
    a = CostSum(known=100, amounts=2, not_applicable=1, to_be_determined=1)
    b = CostSum(known=50, amounts=1, not_applicable=0, to_be_determined=2)
    total = total_of_sums([a, b])
    assert total == CostSum(known=150, amounts=3, not_applicable=1, to_be_determined=3)
    assert format_sum(total) == "€ 150 + 3 posten n.n.b."  # never summed as € 0


def test_plan_index_names_the_plan_of_every_item(window):
    data = with_plans(window.state.data, 3)
    index = plan_index(data.plans)
    for plan in data.plans:
        assert index[plan.id] == plan.id
        assert all(index[a.id] == plan.id for a in plan.actions)
        assert all(index[fo.id] == plan.id for fo in plan.focusopgaven)


# ---- Begroting ----------------------------------------------------------------------------------


def _rows(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _rows(model, index)


def test_every_plan_has_its_actions_in_the_tree(window, three):
    tab = window.budget_tab
    window.select_tab("budget")
    ids = {i.data(ID_ROLE) for i in _rows(tab.model)}
    for plan in three.plans:
        assert plan.id in ids
        assert {a.id for a in plan.actions} <= ids
    assert sum(1 for i in _rows(tab.model) if i.data(KIND_ROLE) == "plan") == 3


def test_summary_shows_the_selected_plan_and_the_total_of_all_plans(window, three):
    tab = window.budget_tab
    window.select_tab("budget")
    total = total_of_plans(three.plans)
    first = three.plans[0].reconciliation.computed
    assert total.known == 3 * first.known and total.to_be_determined == 3 * first.to_be_determined
    assert total.to_be_determined > 0  # the bundled plan has an n.n.b. post, so the total says so
    text = tab.summary.text()
    assert three.plans[0].title in text and format_sum(total) in text and "Alle 3 plannen" in text
    assert tab.select_action(three.plans[2].actions[3].id)
    text = tab.summary.text()
    assert "Gebiedsplan 3" in text and three.plans[0].title not in text
    assert format_sum(three.plans[2].reconciliation.computed) in text


def test_the_chart_gives_an_overview_per_plan_then_per_plan_branch(window, three, qtbot):
    tab = window.budget_tab
    window.select_tab("budget")
    qtbot.waitUntil(lambda: tab.chart is not None and len(tab.chart.bars) == 3, timeout=60000)
    chart = tab.chart
    assert [b.label for b in chart.bars] == [p.title for p in three.plans]
    assert [b.text for b in chart.bars] == [format_sum(p.reconciliation.computed) for p in three.plans]
    assert tab.select_item(three.plans[1].id)  # the plan row: its actions (20: legible)
    assert [b.label.split(". ", 1)[1] for b in chart.bars] == [a.title for a in three.plans[1].actions]
    assert tab.select_action(three.plans[2].focusopgaven[1].actions[0].id)
    assert len(chart.bars) == len(three.plans[2].focusopgaven[1].actions)
    assert [b.highlighted for b in chart.bars][0]


def test_a_plan_with_more_actions_than_bars_shows_its_focusopgaven(window, qtbot):
    import velsen_desk.ui.budget.view as budget_view

    tab = window.budget_tab
    window.select_tab("budget")
    qtbot.waitUntil(lambda: tab.chart is not None and len(tab.chart.bars) == 20, timeout=60000)
    plan = window.state.data.plans[0]
    old = budget_view.MAX_BARS
    budget_view.MAX_BARS = 10  # the bundled plan's 20 actions stand for thousands
    try:
        tab.select_item(plan.id)
    finally:
        budget_view.MAX_BARS = old
    labels = [b.label for b in tab.chart.bars]
    assert len(labels) == len(plan.focusopgaven) + (1 if plan.loose_actions else 0)
    assert all(label.startswith("Focusopgave") for label in labels[: len(plan.focusopgaven)])
    assert [b.text for b in tab.chart.bars][: len(plan.focusopgaven)] == [
        format_derived_sum(fo.reconciliation.computed) for fo in plan.focusopgaven
    ]


def test_budget_selection_survives_a_sync_that_adds_a_fourth_plan(window, three):
    tab = window.budget_tab
    window.select_tab("budget")
    chosen = three.plans[1].actions[4].id
    assert tab.select_action(chosen)
    window.state.set_data(with_plans(three, 4))
    assert tab.current_id() == chosen
    assert "Alle 4 plannen" in tab.summary.text() and "Gebiedsplan 2" in tab.summary.text()


# ---- Tijdlijn -----------------------------------------------------------------------------------


def _gantt_ids(tab) -> set[str]:
    return {row.action.id for row in tab.layout_data.rows if row.action is not None}


def test_timeline_shows_the_chosen_plan_and_a_link_selects_its_plan(window, three, qtbot):
    tab = window.timeline_tab
    window.select_tab("timeline")
    assert tab.plan_bar.isVisibleTo(tab) and tab.plan_box.count() == 3
    for plan in three.plans:
        tab.select_plan(plan.id)
        assert tab.plan_id == plan.id
        known = {a.id for a in plan.actions if a.phases}
        assert known and known <= _gantt_ids(tab)
    action = three.plans[1].actions[2]
    window.state.sig_action_requested.emit(action.id)  # "open action", a search hit, a bar click
    assert tab.plan_id == three.plans[1].id and tab.plan_box.currentText() == "Gebiedsplan 2"


def test_timeline_plan_survives_a_sync_that_adds_a_fourth_plan(window, three):
    tab = window.timeline_tab
    window.select_tab("timeline")
    tab.select_plan(three.plans[2].id)
    window.state.set_data(with_plans(three, 4))
    assert tab.plan_box.count() == 4
    assert tab.plan_id == three.plans[2].id and tab.plan_box.currentText() == "Gebiedsplan 3"


def test_one_plan_needs_no_plan_choice(window):
    window.select_tab("timeline")
    assert not window.timeline_tab.plan_bar.isVisibleTo(window.timeline_tab)


# ---- reports ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, extra", [("budget", {}), ("timeline", {}),
                                          ("annex", {"meeting": "Raadsvergadering", "date": "2022-06-20"})])
def test_reports_cover_every_plan_with_a_contents_entry(window, tmp_path, kind, extra):
    from velsen_desk.reports.programme import Edition
    from velsen_desk.reports.service import ReportRequest, compose, render_parts

    data = with_plans(window.state.data, 3)
    spec, parts = compose(ReportRequest(kind=kind, output=tmp_path / "x.pdf", **extra), data,
                          Edition(dt.date(2024, 3, 15), None))
    reader = PdfReader(io.BytesIO(render_parts(spec, parts).pdf))
    text = " ".join((page.extract_text() or "").replace("\xa0", " ") for page in reader.pages)
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    for plan in data.plans:
        assert any(plan.title in title for title in outline), (plan.title, outline)
        if kind == "budget":
            assert f"Totaal {plan.title}" in text
        if kind == "timeline":
            # every action's planning row, numbered per plan
            assert sum(text.count(a.title[:25]) for a in plan.actions) >= len(plan.actions)


# ---- key figures readable at 1280×720 with the search panel open (issue 15) ---------------------


def test_budget_figures_fit_at_1280_with_the_search_panel_open(window, three, qtbot):
    from PySide6.QtGui import QFont, QFontMetrics

    from velsen_desk.ui.budget.chart import TICK_LABEL_PX, nice_spacing
    from velsen_desk.ui.budget.model import CHECK, COST
    from velsen_desk.ui.budget.view import CHART_MIN_WIDTH

    assert window.size().width() == 1280
    window.search.dock.setVisible(True)
    window.select_tab("budget")
    tab = window.budget_tab
    qtbot.waitUntil(lambda: tab.chart is not None and len(tab.chart.bars) == 3, timeout=60000)
    qtbot.wait(50)  # the layout settles
    bold = QFont(tab.tree.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    header = tab.tree.header()
    plan = three.plans[0]
    total = tab.model.node_data(tab.model.branches()[0], COST, 0)
    check = tab.model.node_data(tab.model.branches()[0], CHECK, 0)
    assert total == format_sum(plan.reconciliation.computed) and "+ 1 post n.n.b." in total
    assert header.sectionSize(COST) > metrics.horizontalAdvance(total)
    assert "klopt met document" in check and header.sectionSize(CHECK) > metrics.horizontalAdvance(check)
    chart = tab.chart
    assert chart.width() >= CHART_MIN_WIDTH
    view = chart.plot.getViewBox().sceneBoundingRect()
    labels = [label for label in chart._labels if label.isVisible()]
    assert len(labels) == 3
    for label in labels:  # every value, "+ 1 post n.n.b." included, inside the plot
        assert label.sceneBoundingRect().right() <= view.right() + 1, label.textItem.toPlainText()
        assert "n.n.b." in label.textItem.toPlainText()
    for span, size in ((2_073_000, 1000), (691_000, 150), (120_000, 300)):
        step = nice_spacing(span, size)
        assert step * size / span >= TICK_LABEL_PX or span / step <= 2  # no two labels collide


# ---- the Gantt draws only the rows in view (issue 17) -------------------------------------------


def test_the_gantt_draws_only_the_rows_in_view_and_follows_a_scroll(window, qtbot):
    from tests.conftest import long_layout, shown_gantt
    from velsen_desk.ui.timeline.chart import VISIBLE_ROWS

    chart, base = shown_gantt(window, qtbot)
    layout = long_layout(base)
    many = layout.rows
    chart.show_layout(layout, frozenset())

    def drawn_ys() -> set[float]:
        ys: set[float] = set()
        for item, _owners in chart._outlined:
            ys.update(float(y) for y in (item.opts["y"] if "y" in item.opts else item.data["y"]))
        return ys

    first, last = chart.drawn_rows()
    assert first == 0 and VISIBLE_ROWS <= last < len(many) // 4
    assert drawn_ys() and max(drawn_ys()) <= last
    chart.plot.setYRange(len(many) - 30, len(many) - 1, padding=0)  # scrolled to the end
    first, last = chart.drawn_rows()
    assert last == len(many) - 1 and first > len(many) // 2
    assert min(drawn_ys()) >= first
    bars = {row.y for row in many[first:] if row.segments}
    assert bars <= drawn_ys()  # every bar in view is drawn


# ---- no quadratic paths on the GUI thread (issue 17) --------------------------------------------


def test_a_highlight_names_its_roles_so_the_sorted_proxy_does_not_sort_again(window):
    from PySide6.QtCore import Qt

    from velsen_desk.ui.widgets.style import SORT_ROLE

    tab = window.budget_tab
    tab.ensure_drawn()
    roles_seen: list[list[int]] = []
    tab.model.dataChanged.connect(lambda _top, _bottom, roles=(): roles_seen.append(list(roles)))
    tab.model.set_highlight(window.state.data.actions_of_person("sander-smeets"))
    assert roles_seen and all(roles for roles in roles_seen)
    assert all(SORT_ROLE not in roles and Qt.ItemDataRole.FontRole in roles for roles in roles_seen)


def test_sorting_computes_each_key_once(window, monkeypatch):
    from collections import Counter

    from PySide6.QtCore import Qt

    from velsen_desk.ui.budget.model import COST
    from velsen_desk.ui.budget.tree import BudgetTexts

    tab = window.budget_tab
    window.select_tab("budget")
    calls: Counter[tuple[object, int]] = Counter()
    original = BudgetTexts.sort

    def counting(self, node, column):
        calls[(node, column)] += 1
        return original(self, node, column)

    monkeypatch.setattr(BudgetTexts, "sort", counting)
    tab.model.set_plans(with_plans(window.state.data, 3).plans)
    nodes = sum(1 for _ in tab.model._root.walk())
    tab.tree.sortByColumn(COST, Qt.SortOrder.DescendingOrder)
    tab.tree.expandAll()
    tab.tree.sortByColumn(COST, Qt.SortOrder.AscendingOrder)
    # a comparison reads kept keys: n log n comparisons, n keys, each made once
    assert 0 < sum(calls.values()) <= nodes and max(calls.values()) == 1


def test_a_highlight_tells_only_the_rows_whose_mark_changes(window):
    tab = window.budget_tab
    tab.ensure_drawn()
    data = window.state.data
    mine = data.actions_of_person("sander-smeets")
    assert len(mine) > 1
    tab.model.set_highlight(mine)
    changed: list[str] = []

    def seen(top, bottom, _roles=()):
        rows = range(top.row(), bottom.row() + 1)
        changed.extend(tab.model.index(row, 0, top.parent()).data(ID_ROLE) for row in rows)

    tab.model.dataChanged.connect(seen)
    tab.model.set_highlight(mine)
    assert changed == []  # the same person again: nothing to repaint
    one = next(iter(mine))
    tab.model.set_highlight(mine - {one})
    assert changed == [one]


def test_a_new_programme_arrives_with_its_highlight_and_no_change_signals(window):
    tab = window.budget_tab
    window.select_tab("budget")
    assert window.select_person("sander-smeets")
    changes: list[object] = []
    tab.model.dataChanged.connect(lambda *_a: changes.append(1))
    data = with_plans(window.state.data, 2)
    window.state.set_data(data)
    assert changes == []
    highlighted = {i.data(ID_ROLE) for i in _rows(tab.model) if i.data(HIGHLIGHT_ROLE)}
    assert highlighted == set(data.actions_of_person("sander-smeets")) and highlighted


def test_the_model_sorts_keeps_the_selection_and_a_new_tree_keeps_the_sort(window, three):
    from PySide6.QtCore import Qt

    from velsen_desk.ui.budget.model import COST

    tab = window.budget_tab
    window.select_tab("budget")
    chosen = three.plans[2].focusopgaven[1].actions[0].id
    assert tab.select_action(chosen)
    tab.tree.sortByColumn(COST, Qt.SortOrder.DescendingOrder)
    assert tab.current_id() == chosen  # the persistent index followed its row

    def amounts_of(fo_id: str) -> list[int]:
        fo = next(i for i in _rows(tab.model) if i.data(ID_ROLE) == fo_id)
        actions = {a.id: a for p in window.state.data.plans for a in p.actions}
        ids = [tab.model.index(r, 0, fo).data(ID_ROLE) for r in range(tab.model.rowCount(fo))]
        return [actions[i].cost.amount or 0 for i in ids]

    fo_id = three.plans[2].focusopgaven[1].id
    assert amounts_of(fo_id) == sorted(amounts_of(fo_id), reverse=True) != amounts_of(fo_id)[::-1]
    window.state.set_data(with_plans(three, 4))  # a sync: a new tree, sorted as the user left it
    assert amounts_of(fo_id) == sorted(amounts_of(fo_id), reverse=True)
    assert tab.current_id() == chosen
    top = [tab.model.index(r, 0).data(ID_ROLE) for r in range(3)]
    assert top == [p.id for p in three.plans]  # the plans keep their order
