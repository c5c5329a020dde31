"""The main window as a raadslid uses it: themes, portfolios, budget, timeline, filters."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import run_offscreen
from velsen_desk.core.timeline import year_fraction
from velsen_desk.storage.search import SearchHit
from velsen_desk.ui.budget.model import CHECK, COST, FUNDING, NR, TITLE
from velsen_desk.ui.widgets.style import HIGHLIGHT_ROLE, ID_ROLE, KIND_ROLE, muted_colour, unknown_colour


def _rows(model, parent=None):
    """All indexes (column 0) of a tree model, depth first."""
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _rows(model, index)


def _budget_row(window, predicate):
    model = window.budget_tab.model
    return next(i for i in _rows(model) if predicate(model.node(i)))


def _text(index, column):
    return index.siblingAtColumn(column).data()


# ---- Thema's --------------------------------------------------------------------------------


def test_theme_9_shows_regie_chapter_and_focus_points(window):
    assert window.themes_tab.select_theme_number(9)
    text = window.themes_tab.detail_text()
    assert "Thema 9: Wonen & woningbouw" in text
    assert "Aandachtsveld: Fysieke leefomgeving" in text
    assert "Regie: Sander Smeets" in text
    assert "Extra beleidsmatige aandacht: onbekend" in text
    assert "Hoofdstuk 3: Duurzaam wonen en mobiliteit" in text
    assert "We dringen het tekort op de woningmarkt terug" in text
    assert "Actie 1: Woningbouw" in text and "redactionele koppeling" in text
    assert "Set van college uitvoeringsafspraken" in text  # source document title


def test_theme_1_shows_the_linked_actieplan_from_the_source(window):
    window.themes_tab.select_theme_number(1)
    text = window.themes_tab.detail_text()
    assert "Actieplan Velsen-Noord" in text
    assert "volgens de bron" in text
    assert "redactionele koppeling" not in text
    assert "Meetbaar doel" in text  # chapter 1's focus points carry measurable targets


def test_regie_link_opens_the_person_in_the_portfolio_tab(window):
    window.themes_tab.select_theme_number(9)
    window.themes_tab.detail.anchorClicked.emit(QUrl("person:sander-smeets"))
    assert window.current_tab() is window.portfolio_tab
    current = window.portfolio_tab.table.currentIndex()
    assert window.portfolio_tab.model.member(current.row()).name == "Sander Smeets"
    assert "Sander Smeets" in window.portfolio_tab.detail_text()


def test_view_as_marianne_highlights_her_regie_and_row(window):
    assert window.select_person("marianne-steijn")
    tree = window.themes_tab.proxy
    visible = {i.data(ID_ROLE): bool(i.data(HIGHLIGHT_ROLE)) for i in _rows(tree) if i.data(KIND_ROLE) == "theme"}
    numbers = sorted(int(k.rsplit("-", 1)[1]) for k, mine in visible.items() if mine)
    assert numbers == [1, 4, 6, 16]
    assert all(visible.values())  # "alleen mijn regie": only her themes are listed

    window.state.set_only_mine(False)  # all themes again, hers still marked
    visible = {i.data(ID_ROLE): bool(i.data(HIGHLIGHT_ROLE)) for i in _rows(tree) if i.data(KIND_ROLE) == "theme"}
    assert len(visible) == 16 and sum(visible.values()) == 4
    assert not window.only_mine_action.isChecked()

    window.select_tab("portfolio")  # a hidden tab shows the person when it is shown (or a turn later)
    model = window.portfolio_tab.model
    marked = [model.member(r).name for r in range(model.rowCount()) if model.index(r, 0).data(HIGHLIGHT_ROLE)]
    assert marked == ["Marianne Steijn"]
    row = model.row_of("marianne-steijn")
    assert model.headerData(row, Qt.Orientation.Vertical).startswith("★")


# ---- Portefeuilles --------------------------------------------------------------------------


def test_portfolio_matrix_marks_uncertain_columns_and_unknown_roles(window):
    model = window.portfolio_tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Rol", "Partij", "Loco", "Fysieke leefomgeving", "Samenleving",
                       "Bedrijfsvoering & overstijgend", "Projecten en programma's", "Regie-thema’s"]
    row = model.row_of("marianne-steijn")
    assert model.index(row, 0).data() == "onbekend" and model.index(row, 1).data() == "onbekend"
    cell = model.index(row, 3)
    assert "≈ Openbare ruimte" in cell.data()
    assert "Kolom onzeker" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, 7).data().splitlines() == ["1. Leefbaarheid", "4. Gezondheid", "6. Zorg & welzijn",
                                                       "16. Dienstverlening"]
    window.portfolio_tab.table.setCurrentIndex(cell)
    assert "Bron" in window.portfolio_tab.detail_text()


def test_heemskerk_shows_its_college_without_domains(window, qtbot):
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.select_programme("heemskerk-2018")
    model = window.portfolio_tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Rol", "Partij", "Loco", "Portefeuille"]
    first = model.member(0)
    assert first.name == "A.E.H. Baltus"
    assert [model.index(0, c).data() for c in range(3)] == ["burgemeester", "CDA", "n.v.t."]
    assert [model.index(1, c).data() for c in range(3)] == ["wethouder", "Heemskerk Lokaal", "1e"]
    assert "Burgerzaken" in model.index(0, 3).data()
    # no themes: the tree shows chapters → focus points; the budget tab says there is no Actieplan
    kinds = {i.data(KIND_ROLE) for i in _rows(window.themes_tab.model)}
    assert kinds == {"chapter", "focuspoint"}
    assert not window.budget_tab.has_plan
    assert "geen Actieplan" in window.budget_tab.empty.text()
    assert "Heemskerk" in window.data_label.text() or "18 mei 2018" in window.data_label.text()


def test_strategische_agenda_shows_opgaven_and_speerpunten(window, qtbot):
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.select_programme("velsen-sa2020")
    model = window.themes_tab.model
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert top[0] == "In Velsen doet iedereen mee" and len(top) == 5
    assert top[4] == "Impulsprojecten"  # named apart from the four opgaven (M1)
    kinds = {i.data(KIND_ROLE) for i in _rows(model)}
    assert kinds == {"opgave", "speerpunt", "group", "impulsgroep", "impulsproject"}


def test_a_group_and_its_speerpunt_show_their_opgave(window, qtbot):
    """The typed payloads: a "Wat we al doen" group shows only that part of its opgave, and a
    speerpunt under a group still names the opgave it belongs to."""
    from velsen_desk.ui.themes.model import SpeerpuntGroup

    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.select_programme("velsen-sa2020")
    tab = window.themes_tab
    group_index = tab.model.find(lambda n: isinstance(n.payload, SpeerpuntGroup))
    group = tab.model.node(group_index).payload
    tab.tree.setCurrentIndex(tab.proxy.mapFromSource(group_index))
    text = tab.detail_text()
    assert group.opgave.title in text and "Wat we al doen" in text
    assert "Speerpunten" not in text  # only the group's own part
    assert tab.model.index(0, 0, group_index).data(ID_ROLE) is not None
    tab.tree.setCurrentIndex(tab.proxy.mapFromSource(tab.model.index(0, 0, group_index)))
    assert group.opgave.title in tab.detail_text()
    assert group_index.data(ID_ROLE) == f"{group.opgave.id}#{group.kind}"


# ---- Begroting ------------------------------------------------------------------------------


def test_budget_totals_agree_with_the_document(window):
    plan = _budget_row(window, lambda n: n.kind == "plan")
    assert _text(plan, COST) == "€ 691.000 + 1 post n.n.b."
    assert _text(plan, CHECK) == "✓ klopt met document (€ 691.000)"
    subtotals = {
        _text(i, NR): (_text(i, COST), _text(i, CHECK))
        for i in _rows(window.budget_tab.model) if i.data(KIND_ROLE) == "focusopgave"
    }
    assert subtotals == {
        "A": ("n.v.t.", "✓ klopt met document (€ 0)"),  # five n.v.t. actions: no computed € 0
        "B": ("€ 326.000", "✓ klopt met document (€ 326.000)"),
        "C": ("€ 165.000 + 1 post n.n.b.", "✓ klopt met document (€ 165.000)"),
    }
    sgivn = _budget_row(window, lambda n: n.kind == "budget" and n.payload.name == "Samen Gezellig in Velsen-Noord")
    assert _text(sgivn, COST) == "€ 498.000"
    assert _text(sgivn, CHECK) == "✓ klopt met document (€ 498.000)"
    assert window.budget_tab.model.rowCount(sgivn) == 14
    assert "klopt met document" in window.budget_tab.summary.text()


def test_action_20_sits_under_the_plan_and_action_9_shows_its_cross_funding(window):
    action20 = _budget_row(window, lambda n: n.kind == "action" and n.payload.number == 20)
    assert action20.parent().data(KIND_ROLE) == "plan"
    action9 = _budget_row(window, lambda n: n.kind == "action" and n.payload.number == 9)
    assert "ook gefinancierd uit Samen Gezellig in Velsen-Noord, regel 7" in _text(action9, FUNDING)
    line7 = _budget_row(window, lambda n: n.kind == "line" and n.payload.number == 7)
    assert "ook gefinancierd uit Actieplan Velsen-Noord, actie 9" in _text(line7, FUNDING)


def test_nnb_nvt_and_zero_look_different(window):
    a15 = _budget_row(window, lambda n: n.kind == "action" and n.payload.number == 15)
    a1 = _budget_row(window, lambda n: n.kind == "action" and n.payload.number == 1)
    fo_a = _budget_row(window, lambda n: n.kind == "focusopgave" and n.payload.number == 1)
    nnb, nvt, fo_sum = a15.siblingAtColumn(COST), a1.siblingAtColumn(COST), fo_a.siblingAtColumn(COST)
    assert nnb.data().startswith("n.n.b.") and nvt.data() == "n.v.t."
    # five n.v.t. actions add up to "n.v.t.", never a computed "€ 0"; the document's own "€ 0"
    # stands in the check column beside it
    assert fo_sum.data() == "n.v.t." and fo_a.siblingAtColumn(CHECK).data() == "✓ klopt met document (€ 0)"
    assert nnb.data(Qt.ItemDataRole.FontRole).italic()
    assert nnb.data(Qt.ItemDataRole.ForegroundRole) == unknown_colour()
    assert nvt.data(Qt.ItemDataRole.ForegroundRole) == muted_colour()


def test_budget_sorting_keeps_branches_and_sorts_actions(window):
    tab = window.budget_tab
    tab.tree.sortByColumn(COST, Qt.SortOrder.DescendingOrder)
    model = tab.model  # it sorts itself
    top = [model.index(r, TITLE).data() for r in range(model.rowCount())]
    assert top[0] == "Actieplan Velsen-Noord"
    fo_b = next(i for i in _rows(model) if i.data(KIND_ROLE) == "focusopgave" and _text(i, NR) == "B")
    costs = [model.index(r, COST, fo_b).data() for r in range(model.rowCount(fo_b))]
    assert costs[0] == "€ 120.000" and costs[-1] == "€ 1.000"
    tab.collapse_all()
    assert not tab.tree.isExpanded(model.index(0, 0))
    tab.expand_all()
    assert tab.tree.isExpanded(model.index(0, 0))


def test_budget_chart_follows_the_selection(window, qtbot):
    window.select_tab("budget")
    qtbot.waitUntil(lambda: window.budget_tab.chart is not None)
    chart = window.budget_tab.chart
    qtbot.waitUntil(lambda: len(chart.bars) == 20)  # filled one event-loop turn after it is made
    window.budget_tab.select_action("velsen-2022.avn.a11")
    labels = [b.label for b in chart.bars]
    assert labels[0].startswith("6.") and len(labels) == 6  # focusopgave B's actions
    assert [b.highlighted for b in chart.bars].index(True) == labels.index("11. Inzet extra BOA")
    assert "Inzet extra BOA" in window.budget_tab.detail.toPlainText()


# ---- Tijdlijn -------------------------------------------------------------------------------


def test_timeline_lists_unknown_planning_and_recurring_actions(window, qtbot, ui_today):
    window.select_tab("timeline")
    tab = window.timeline_tab
    qtbot.waitUntil(lambda: tab.chart is not None)
    layout = tab.layout_data
    assert [a.number for a in layout.unknown_actions()] == [4, 9, 10]
    assert [a.number for a in layout.recurring_actions()] == [19]
    unknown_lane = [r.label for r in layout.rows if r.kind == "group"][-1]
    assert unknown_lane == "Planning onbekend"
    side = tab.side_text()
    assert "Planning onbekend" in side and "Actie 9" in side and "Voor- en najaar" in side
    assert layout.today == pytest.approx(year_fraction(ui_today))
    # precision stays honest: action 11 ("2024 en 2025") is two light (year) bars, action 6 ends open
    rows = {r.action.number: r for r in layout.rows if r.action}
    assert [s.style for s in rows[11].segments] == ["light", "light"]
    assert [s.style for s in rows[6].segments] == ["solid", "open"]


def test_clicking_a_bar_selects_the_action_in_the_budget_tab(window, qtbot):
    window.select_tab("timeline")
    tab = window.timeline_tab
    qtbot.waitUntil(lambda: tab.chart is not None)
    chart = tab.chart
    # filled and laid out at its final size, so the click lands on the bar
    qtbot.waitUntil(lambda: chart.layout_data is not None and chart.plot.width() > 400)
    row = next(r for r in tab.layout_data.rows if r.action and r.action.number == 7)
    seg = row.segments[0]
    vb = chart.plot.getViewBox()
    scene = vb.mapViewToScene(QPointF((seg.start + seg.end) / 2, row.y))
    pos = chart.plot.mapFromScene(scene)
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: window.current_tab() is window.budget_tab)
    assert window.budget_tab.current_id() == "velsen-2022.avn.a07"


# ---- Window ---------------------------------------------------------------------------------


def test_shortcuts_status_bar_and_accessible_names(window, qtbot):
    shortcuts = [a.shortcut().toString() for a in window.tab_actions]
    assert shortcuts == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5"]
    window.tab_actions[2].trigger()
    assert window.current_tab() is window.budget_tab
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Bestand", "B&eeld", "&Rapporten", "&Help"]
    status = window.data_label.text()
    assert "meegeleverd" in status and "20 juni 2022" in status and "december 2023" in status
    assert "Gegevensversie (voor de griffie): " in window.data_label.toolTip()  # the hash, for support only
    for widget in (window.programme_combo, window.person_combo, window.themes_tab.tree,
                   window.portfolio_tab.table, window.budget_tab.tree, window.themes_tab.detail,
                   window.progress_tab.tree):
        assert widget.accessibleName()
    assert window.minimumSizeHint().width() <= 1280 and window.minimumSizeHint().height() <= 720


def test_ctrl_q_closes_the_window(window, qtbot):
    window.activateWindow()
    qtbot.waitExposed(window)
    quit_action = next(a for m in window.menuBar().actions() for a in m.menu().actions() if a.text() == "&Afsluiten")
    assert quit_action.shortcut().toString() == "Ctrl+Q"
    quit_action.trigger()
    assert not window.isVisible()


def test_geometry_and_last_tab_are_remembered(qtbot, built_db, tmp_path):
    from velsen_desk.ui.main_window import MainWindow

    path = str(tmp_path / "remember.ini")
    first = MainWindow(built_db, settings=QSettings(path, QSettings.Format.IniFormat), show_errors=False)
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.show()
    first.select_tab("portfolio")
    first.close()
    second = MainWindow(built_db, settings=QSettings(path, QSettings.Format.IniFormat), show_errors=False)
    qtbot.addWidget(second)
    assert second.current_tab() is second.portfolio_tab
    assert (second.size().width(), second.size().height()) == (700, 500)


def test_a_failing_load_gives_a_dutch_message(window, qtbot, monkeypatch):
    from velsen_desk.ui import programme_loader

    def broken(_db, _programme):
        raise RuntimeError("schijf weg")

    monkeypatch.setattr(programme_loader, "load_programme", broken)
    with qtbot.waitSignal(window.sig_failed, timeout=5000) as blocker:
        window.select_programme("heemskerk-2018")
    assert blocker.args[0].startswith("De gegevens konden niet gelezen worden")
    assert "schijf weg" in blocker.args[0]
    assert window.state.data.programme.id == "velsen-2022"  # the last good programme stays


def test_a_corrupt_database_shows_a_message_not_a_traceback(isolated_home, monkeypatch, qapp):
    from velsen_desk.ui import app as app_module

    corrupt = isolated_home / "kapot.sqlite"
    corrupt.write_bytes(b"dit is geen database" * 100)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args))
    monkeypatch.setattr("velsen_desk.storage.local_copy.local_database_path", lambda: corrupt)
    monkeypatch.setattr("velsen_desk.storage.local_copy.bundled_data_dir", lambda: isolated_home / "ontbreekt")
    monkeypatch.setattr("velsen_desk.storage.local_copy.prebuilt_for", lambda _bundle: None)  # no shipped build either
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its own
    monkeypatch.setattr(app_module.QSettings, "setValue", lambda *args: None)  # keep the user's settings
    assert app_module.run_app() == 1
    assert shown and "kan niet" in shown[0][1].lower()


def _run_window_script(database: str, then: str) -> list[str]:
    """Run ``then`` in a fresh process after a window on ``database`` (a Python expression) is
    ready; the last lines it printed."""
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QEventLoop\n"
        "from velsen_desk.ui.app import application\n"
        "from velsen_desk.ui.main_window import MainWindow\n"
        "app = application()\n"
        f"w = MainWindow({database}, settings=None, show_errors=False)\n"
        "loop = QEventLoop()\n"  # not app.quit(): since Qt 6 that closes the window
        "w.sig_ready.connect(loop.quit)\n"
        "w.show(); w.start(); loop.exec()\n"
    ) + then
    stdout = run_offscreen(code)
    return stdout.strip().splitlines()


def test_a_usual_start_shows_the_data_without_the_heavy_libraries(isolated_home):
    """Start-up cost a user notices: the window shows Velsen 2022–2026 without importing
    SQLAlchemy (it reads with sqlite3), pyqtgraph (no chart tab shown), pydantic, ruamel or ReportLab."""
    from velsen_desk.storage.local_copy import ensure_local_database

    local = ensure_local_database()  # the first start: builds the database
    heavy = "print(sorted(m for m in ('sqlalchemy', 'pyqtgraph', 'numpy', 'pydantic', 'ruamel', 'reportlab')" \
            " if m in sys.modules))\n"
    shown, at_start, with_dialogs = _run_window_script(
        f"Path({str(local.info.path)!r})",
        "print(w.themes_tab.model.rowCount(), w.windowTitle())\n" + heavy
        # opening the report dialog or the notes overview loads their heavy parts in the worker
        + "import velsen_desk.ui.reports.dialog, velsen_desk.ui.notes.overview, velsen_desk.ui.sync.changes\n" + heavy,
    )[-3:]
    assert shown == "8 Velsen 2022–2026 – Velsen Desk"  # five aandachtsvelden, values, categories, agreements
    assert at_start == "[]"
    assert with_dialogs == "[]"


def test_person_choice_survives_nothing_it_should_not(window, qtbot):
    window.select_person("marianne-steijn")
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.select_programme("heemskerk-2018")
    assert window.state.person_id is None
    assert window.person_combo.currentText() == "Iedereen"
    assert QApplication.instance() is not None


def test_the_visible_tab_draws_first_and_hidden_tabs_catch_up(window, qtbot):
    import msgspec

    fresh = msgspec.structs.replace(window.state.data)  # the same programme, loaded again
    window.state.set_data(fresh)
    assert window.themes_tab.up_to_date  # the tab on screen shows it at once
    assert not window.budget_tab.up_to_date and not window.timeline_tab.up_to_date
    # a request before the hidden tab's turn (a search hit, a link) still finds the action
    assert window.budget_tab.select_action("velsen-2022.avn.a09")
    assert window.budget_tab.current_id() == "velsen-2022.avn.a09"

    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.select_programme("heemskerk-2018")
    assert all(tab.up_to_date for tab in (window.themes_tab, window.portfolio_tab, window.budget_tab,
                                           window.timeline_tab))
    assert window.portfolio_tab.model.rowCount() == len(window.state.data.college)


def test_a_chart_tab_shown_before_pyqtgraph_is_loaded_says_so_and_fills_in(built_db):
    """The import (~0.5 s) runs in the background; the tab answers at once and the chart follows."""
    before, after = _run_window_script(
        f"Path({str(built_db)!r})",
        "w.select_tab('budget'); app.processEvents()\n"
        "holder = w.budget_tab.chart_holder\n"
        "print(holder.pending, holder.currentWidget() is holder.message, holder.message.text())\n"
        "deadline = time.monotonic() + 60\n"
        "while w.budget_tab.chart is None and time.monotonic() < deadline:\n"
        "    app.processEvents(); time.sleep(0.01)\n"
        "print(holder.pending, type(w.budget_tab.chart).__name__, holder.currentWidget() is w.budget_tab.chart)\n",
    )[-2:]
    assert before == "True True Grafiek wordt geladen…"
    assert after == "False CostChart True"


def test_a_chart_library_that_cannot_load_leaves_a_dutch_message(qtbot, monkeypatch):
    from velsen_desk.ui.widgets import chart_library as library_module
    from velsen_desk.ui.widgets.chart_holder import ChartHolder

    monkeypatch.setattr(library_module, "PLOTTING_MODULE", "velsen_desk.ui.bestaat_niet")
    monkeypatch.setattr(library_module, "_library", library_module.ChartLibrary())
    holder = ChartHolder(lambda parent: None)
    qtbot.addWidget(holder)
    with qtbot.waitSignal(library_module.chart_library().sig_failed, timeout=10000):
        holder.show()
    qtbot.waitUntil(lambda: "kan niet worden getoond" in holder.message.text())
    assert not holder.pending and holder.chart is None
    assert "volledig in de lijst ernaast" in holder.message.text()


@pytest.mark.parametrize("system_language", ["nl_NL.UTF-8", "en_US.UTF-8"])
def test_qts_own_buttons_speak_dutch_like_the_rest(system_language):
    """Without an English catalogue the application speaks Dutch, so Qt's dialog buttons and
    context menus do too, whatever the system language."""
    code = (
        "from PySide6.QtWidgets import QMessageBox\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from velsen_desk.ui.app import application\n"
        "app = application()\n"
        "box = QMessageBox(); box.setStandardButtons(QMessageBox.StandardButton.Cancel)\n"
        "print(box.button(QMessageBox.StandardButton.Cancel).text().replace('&', ''))\n"
        "print(QCoreApplication.translate('QLineEdit', '&Copy').replace('&', ''))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": system_language, "LC_ALL": system_language,
           "LANGUAGE": system_language.split(".")[0]}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Annuleren", "Kopiëren"]


def test_the_application_has_its_icon_in_several_sizes(qapp):
    from velsen_desk.ui.app import application_icon

    icon = application_icon()
    assert not icon.isNull()
    assert len(icon.availableSizes()) >= 4

def test_only_mine_shows_unticked_while_it_cannot_be_used(window):
    """Greyed out and ticked read as "a filter is on" (newcomer audit, finding 9); the choice
    itself is kept for the next person."""
    assert window.state.only_mine and not window.only_mine_action.isEnabled()
    assert not window.only_mine_action.isChecked()
    window.state.set_person(window.state.data.college[0].id)
    assert window.only_mine_action.isEnabled() and window.only_mine_action.isChecked()
    window.state.set_person(None)
    assert not window.only_mine_action.isChecked() and window.state.only_mine


def test_the_selectors_follow_the_view_state(window, qtbot):
    """A person chosen elsewhere (through ViewState) shows in "Bekijk als", and "Alleen mijn
    regie" becomes possible; a hit in another programme moves the programme selector."""
    person = window.state.data.college[0]
    assert not window.only_mine_action.isEnabled()
    window.state.set_person(person.id)
    assert window.person_combo.currentText() == person.name
    assert window.only_mine_action.isEnabled()
    window.state.set_person(None)
    assert window.person_combo.currentText() == "Iedereen" and not window.only_mine_action.isEnabled()
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.loader.open_hit(SearchHit(kind="persoon", ref_id="x", programme_id="heemskerk-2018", title="t",
                                         snippet="s"))
        assert window.programme_combo.currentData() == "heemskerk-2018"
    assert window.state.data.programme.id == "heemskerk-2018"


def test_a_shown_chart_holder_builds_its_chart_in_a_turn_after_its_first_paint(qtbot, monkeypatch):
    # A tab shown with pyqtgraph loaded: its paint first, the chart in a turn of its own (one
    # turn held both, ~70 ms at 2,000 actions).
    from PySide6.QtWidgets import QApplication, QLabel

    from velsen_desk.ui.widgets import chart_library as library_module
    from velsen_desk.ui.widgets.chart_holder import ChartHolder

    library = library_module.ChartLibrary()
    library._loaded = True
    monkeypatch.setattr(library_module, "_library", library)
    made: list[int] = []
    holder = ChartHolder(lambda parent: made.append(1) or QLabel("grafiek", parent))
    qtbot.addWidget(holder)
    holder.show()
    QApplication.processEvents()  # the turn that paints the holder
    assert made == []
    QApplication.processEvents()
    assert made == [1] and holder.currentWidget() is holder.chart
