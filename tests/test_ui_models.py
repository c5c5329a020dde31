"""Every custom model passes Qt's model tester, and the worker functions run without Qt."""

from __future__ import annotations

import pytest

from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.reader import load_catalog, load_programme
from velsen_desk.ui.budget.model import BudgetModel
from velsen_desk.ui.portfolio.model import PortfolioModel
from velsen_desk.ui.themes.model import MineFilterProxy, ThemeTreeModel


@pytest.fixture(scope="module")
def datasets(built_db):
    db = ReadOnlyDatabase(built_db)
    catalog = load_catalog(db)
    return {p.id: load_programme(db, p) for p in catalog.programmes}


def test_worker_functions_return_plain_data_without_qt(datasets):
    velsen = datasets["velsen-2022"]
    assert len(velsen.themes) == 16
    assert velsen.regie_theme_ids("marianne-steijn") == {
        f"velsen-2022.thema-{n:02d}" for n in (1, 4, 6, 16)
    }
    assert [c.number for c in velsen.theme_chapters["velsen-2022.thema-09"]] == [3]
    assert datasets["heemskerk-2018"].plans == ()
    assert len(datasets["velsen-sa2020"].opgaven) == 4


@pytest.mark.parametrize("programme", ["velsen-2022", "heemskerk-2018", "velsen-sa2020"])
def test_theme_tree_model(qtmodeltester, datasets, programme):
    model = ThemeTreeModel()
    model.set_programme(datasets[programme])
    qtmodeltester.check(model)
    model.set_highlight(datasets[programme].regie_theme_ids("marianne-steijn"))
    proxy = MineFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(datasets[programme].regie_theme_ids("marianne-steijn"))
    qtmodeltester.check(proxy)


@pytest.mark.parametrize("programme", ["velsen-2022", "heemskerk-2018"])
def test_portfolio_model(qtmodeltester, datasets, programme):
    model = PortfolioModel()
    data = datasets[programme]
    model.set_matrix(data.matrix, bool(data.velden))
    model.set_highlight(data.college[0].id)
    qtmodeltester.check(model)


def test_budget_model_sorted(qtmodeltester, datasets):
    model = BudgetModel()
    model.set_plans(datasets["velsen-2022"].plans)
    qtmodeltester.check(model)
    model.sort(3)
    qtmodeltester.check(model)
    empty = BudgetModel()
    empty.set_plans(())
    qtmodeltester.check(empty)
