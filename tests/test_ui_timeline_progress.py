"""The Tijdlijn carries the progress monitor: the latest status beside each bar, late actions
marked, and nothing invented when there is no report (issue 12)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from progress_fixtures import PROGRESS_YAML, write_progress

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.core.progress_records import ProgressData
from velsen_desk.core.timeline import build_layout
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage.build import build_database
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.progress_reader import read_progress
from velsen_desk.storage.reader import catalog, programme_data
from velsen_desk.ui.state import ViewState
from velsen_desk.ui.timeline.view import TimelineTab

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("timeline-progress")
    text = PROGRESS_YAML.replace("    interval_months: 6\n", "    interval_months: 6\n    example: true\n")
    db = build_database(load_dataset([bundled_data_dir(), write_progress(folder / "x", text)]),
                        folder / "x.sqlite").path
    database = ReadOnlyDatabase(db)
    programme = database.read(catalog).programme("velsen-2022")
    return database.read(programme_data, programme), database.read(read_progress, "velsen-2022")


def _rows(layout):
    return {r.action.number: r for r in layout.rows if r.action is not None}


def test_layout_carries_the_latest_status_and_late(loaded):
    data, progress = loaded
    rows = _rows(build_layout(data.plans[0], TODAY, "onbekend", "los", progress))
    assert rows[7].status_text == "rood · te laat" and rows[7].late
    assert rows[16].status_text == "afgerond" and not rows[16].late  # finished work is never late
    assert rows[11].status_text.startswith("groen")
    # Never a colour; the planning alone does not make the work late.
    assert rows[1].status_text == "geen rapportage · einde planning verstreken"
    assert rows[1].status is None and not rows[1].late


def test_no_report_puts_no_status_on_the_bars(loaded):
    data, progress = loaded
    for progress_data in (None, ProgressData(), progress):
        # Before the first peildatum there is no report yet either.
        layout = build_layout(data.plans[0], dt.date(2024, 12, 1), "onbekend", "los", progress_data)
        assert all(not r.status_text and not r.late for r in layout.rows)


def test_the_chart_draws_the_status_beside_the_bar_and_lists_late_actions(qtbot, loaded):
    data, progress = loaded
    state = ViewState(None, TODAY)
    tab = TimelineTab(state, TODAY)
    qtbot.addWidget(tab)
    state.set_programme(data, None)
    tab.show()
    tab.show_progress(data, progress)
    qtbot.waitUntil(lambda: tab.chart is not None and bool(tab.chart.status_texts()), timeout=60000)
    assert tab.chart is not None
    texts = tab.chart.status_texts()
    # The axes follow the plan's ranges at once (the row labels sat at the wrong rows before).
    view_y = sorted(tab.chart.plot.getViewBox().viewRange()[1])
    assert sorted(tab.chart.row_axis.range) == pytest.approx(view_y)
    assert sorted(tab.chart.plot.getAxis("bottom").range) == pytest.approx(
        sorted(tab.chart.plot.getViewBox().viewRange()[0]))
    a7 = next(a.id for a in data.plans[0].actions if a.number == 7)
    a16 = next(a.id for a in data.plans[0].actions if a.number == 16)
    assert texts[a7] == "rood te laat"
    assert texts[a16] == "afgerond"
    a14 = next(a.id for a in data.plans[0].actions if a.number == 14)
    assert texts[a14] == "geen rapportage"  # the planning's end is listed apart, not called late
    side = tab.side_text()
    assert "VOORBEELD — fictieve gegevens" in side
    late, passed = side.split("Te laat", 1)[1].split("Einde planning verstreken, geen rapportage")
    assert "Actie 7" in late and "Actie 14" not in late and "Actie 14" in passed


def test_without_reports_the_side_pane_says_so(qtbot, built_db: Path):
    database = ReadOnlyDatabase(built_db)
    data = database.read(programme_data, database.read(catalog).programme("velsen-2022"))
    state = ViewState(None, TODAY)
    tab = TimelineTab(state, TODAY)
    qtbot.addWidget(tab)
    state.set_programme(data, None)
    tab.show()
    tab.show_progress(data, database.read(read_progress, "velsen-2022"))
    qtbot.waitUntil(lambda: tab.chart is not None, timeout=60000)
    assert "Nog geen voortgangsrapportage ontvangen" in tab.side_text()
    assert tab.chart.status_texts() == {}


def test_a_hidden_tijdlijn_drawing_a_programme_whose_progress_is_already_read_shows_its_own_plan(window, qtbot):
    # The progress kept from another tab's read is handed over at once, inside draw(): it laid
    # out the plan id chosen before, which the new programme does not have (StopIteration in
    # the catch-up: the window never reported ready, and the Tijdlijn kept the old plan).
    import msgspec

    window.select_tab("themes")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)
    tab = window.timeline_tab
    assert tab.up_to_date and tab._progress_of == window.state.data.programme.id  # read and kept
    tab.plan_id = "plan-van-een-ander-programma"
    tab._progress_of = None  # the new programme's progress: asked again, handed over at once
    data = msgspec.structs.replace(window.state.data)  # the same programme, read again
    window.state.set_data(data)
    tab.ensure_drawn()  # as the catch-up does for the hidden tab
    assert tab.up_to_date and tab.plan_id == data.plans[0].id
    assert tab._progress_of == data.programme.id
    qtbot.waitUntil(lambda: tab.layout_data is not None and not window.runner.busy, timeout=10000)
    assert tab.plan_box.currentData() == data.plans[0].id


def test_a_draw_that_fails_leaves_the_tab_to_be_drawn_again(window, qtbot, monkeypatch):
    import msgspec

    tab = window.timeline_tab
    window.select_tab("themes")
    data = msgspec.structs.replace(window.state.data)
    window.state.set_data(data)

    def broken(_data):
        raise RuntimeError("kapot")

    monkeypatch.setattr(tab, "draw", broken)
    with pytest.raises(RuntimeError):
        tab.ensure_drawn()
    assert not tab.up_to_date  # not counted as drawn: the old programme is not left on show
    monkeypatch.undo()
    tab.ensure_drawn()
    assert tab.up_to_date
