"""The "Voortgang" tab, driven with pytest-qt: stoplicht table, exceptions first, no invented status."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from progress_fixtures import PROGRESS_YAML, write_progress

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage.build import build_database
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.progress_reader import read_progress
from velsen_desk.storage.reader import catalog, programme_data
from velsen_desk.ui.progress.view import NUMBER, PLANNING, STATUS, ProgressTab
from velsen_desk.ui.state import ViewState


def _load(db: Path):
    database = ReadOnlyDatabase(db)
    programme = database.read(catalog).programme("velsen-2022")
    return database.read(programme_data, programme), database.read(read_progress, "velsen-2022")


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ui-progress")
    text = PROGRESS_YAML.replace("    interval_months: 6\n", "    interval_months: 6\n    example: true\n")
    return build_database(load_dataset([bundled_data_dir(), write_progress(folder / "x", text)]),
                          folder / "x.sqlite").path


def _tab(qtbot, db: Path, today: dt.date, person: str | None = None) -> ProgressTab:
    data, progress = _load(db)
    state = ViewState(None, today)
    tab = ProgressTab(state, None)
    qtbot.addWidget(tab)
    state.set_programme(data, person)
    tab.show()
    tab.show_progress(data, progress)
    return tab


def _rows(tab: ProgressTab) -> list[tuple[str, str, str]]:
    rows = []
    for i in range(tab.tree.topLevelItemCount()):
        top = tab.tree.topLevelItem(i)
        rows += [(top.child(j).text(NUMBER), top.child(j).text(STATUS), top.child(j).text(PLANNING))
                 for j in range(top.childCount())]
    return rows


def test_bundled_data_says_no_report_and_shows_only_what_the_planning_says(qtbot, built_db):
    tab = _tab(qtbot, built_db, dt.date(2026, 12, 1))
    assert "nog geen voortgangsrapportage ontvangen" in tab.header.text()
    assert "gepland € 691.000 + 1 post n.n.b.; gerealiseerd: nog niets gerapporteerd" in tab.header.text()
    rows = _rows(tab)
    assert len(rows) == 20
    assert {status for _, status, _ in rows} == {"geen rapportage"}  # never a colour
    planning = {number: text for number, _, text in rows}
    assert planning["7"] == "einde planning verstreken"
    assert planning["4"] == "planning onbekend"
    assert planning["19"] == "terugkerend"
    assert "VOORBEELD" not in tab.header.text()


def test_statuses_exceptions_first_history_and_example_mark(qtbot, example_db):
    tab = _tab(qtbot, example_db, dt.date(2025, 8, 1))
    assert "VOORBEELD — fictieve gegevens" in tab.header.text()
    assert "laatste rapportage Synthetische voortgangsrapportage juli" in tab.header.text()
    focus2 = tab.tree.topLevelItem(1)
    assert focus2.child(0).text(NUMBER) == "7"  # rood first
    assert focus2.child(0).text(STATUS) == "rood"
    assert focus2.child(0).background(STATUS).color().name() == "#ef9a9a"
    a11 = next(focus2.child(j) for j in range(focus2.childCount()) if focus2.child(j).text(NUMBER) == "11")
    assert not a11.icon(4).isNull()  # two marks: oranje, then groen
    assert a11.toolTip(4) == "1 januari 2025: oranje\n1 juli 2025: groen"


def test_bekijk_als_filters_to_the_persons_regie_actions(qtbot, example_db):
    data, _ = _load(example_db)
    with_actions = next(p.id for p in data.college if data.actions_of_person(p.id))
    without = next(p.id for p in data.college if not data.actions_of_person(p.id))
    assert len(_rows(_tab(qtbot, example_db, dt.date(2025, 8, 1), with_actions))) == len(
        data.actions_of_person(with_actions))
    assert _rows(_tab(qtbot, example_db, dt.date(2025, 8, 1), without)) == []


def test_the_window_has_a_voortgang_tab_read_off_the_gui_thread(window, qtbot):
    window.select_tab("progress")
    tab = window.progress_tab
    qtbot.waitUntil(lambda: "nog geen voortgangsrapportage ontvangen" in tab.header.text(), timeout=20000)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Voortgang"
    assert len(_rows(tab)) == 20


def test_spend_chart_per_focusopgave_never_draws_nnb_as_zero(qtbot, example_db):
    tab = _tab(qtbot, example_db, dt.date(2025, 8, 1))
    rows = {r.label.split(".", 1)[0]: r for r in tab.spend_rows}
    # Focusopgave 2 holds action 7 (realised n.n.b.) and 11 (€ 25.000): the bar is the known
    # euros and the words say the n.n.b. post; the rest of its actions have no report.
    focus2 = rows["2"]
    assert focus2.realised == 25000
    assert focus2.realised_text.startswith("€ 25.000 + 1 post n.n.b.; zonder rapportage: ")
    unreported = [r for r in tab.spend_rows if r.realised_text == "nog niets gerapporteerd"]
    assert unreported and all(r.realised is None for r in unreported)  # no bar, not a € 0 bar
    assert all(r.planned_text for r in tab.spend_rows)
    qtbot.waitUntil(lambda: tab.chart is not None and bool(tab.chart.labels), timeout=60000)
    assert tab.chart is not None
    assert "€ 25.000 + 1 post n.n.b." in " ".join(tab.chart.labels)
    assert "nog niets gerapporteerd" in tab.chart.labels


def test_an_only_nnb_sum_draws_no_bar_and_says_so():
    from velsen_desk.core.money import CostSum
    from velsen_desk.core.spend_chart import bar_length

    assert bar_length(CostSum(known=0, amounts=0, not_applicable=0, to_be_determined=2)) is None
    assert bar_length(CostSum(known=0, amounts=1, not_applicable=0, to_be_determined=2)) == 0  # a real € 0


def test_a_note_attaches_to_the_chosen_actions_progress(qtbot, example_db):
    from velsen_desk.notes.notes_file import NotesFile

    tab = _tab(qtbot, example_db, dt.date(2025, 8, 1))
    assert tab.note_editor.item is None
    assert tab.select_action("velsen-2022.avn.a07")
    editor = tab.note_editor
    assert editor.item is not None and editor.item.anchor == "velsen-2022.avn.a07"
    assert editor.item.kind == "actie" and editor.item.label.startswith("Actie 7: ")
    editor.edit.setPlainText("Waarom is het bord nog niet geplaatst?")
    editor.flush()
    assert NotesFile().get("velsen-2022.avn.a07").text == "Waarom is het bord nog niet geplaatst?"
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))  # a focusopgave heading takes no note
    assert tab.note_editor.item is None


def test_a_plan_with_many_focusopgaven_charts_the_first_ones_and_says_so(qtbot, example_db):
    from velsen_desk.core.spend_chart import MAX_CHART_ROWS as MAX_ROWS
    from velsen_desk.core.spend_chart import SpendRow

    tab = _tab(qtbot, example_db, dt.date(2025, 8, 1))
    qtbot.waitUntil(lambda: tab.chart is not None, timeout=60000)
    assert tab.chart is not None
    many = [SpendRow(f"{i}. Synthetisch", 1000 * i, f"€ {i}.000", None, "nog niets gerapporteerd") for i in range(30)]
    tab.chart.show_rows(many)
    assert len(tab.chart.rows) == MAX_ROWS
    assert f"(de eerste {MAX_ROWS} van 30)" in tab.chart.title.text()
    tab.chart.show_rows(many[:MAX_ROWS], 300)  # the tab formats only the rows drawn
    assert f"(de eerste {MAX_ROWS} van 300)" in tab.chart.title.text()


def test_in_the_window_the_rows_arrive_over_several_turns_and_the_header_follows_them(window, qtbot, monkeypatch):
    from velsen_desk.ui.progress import view

    monkeypatch.setattr(view, "BATCH_MS", 0)  # one focusopgave per turn
    tab = window.progress_tab
    inserts: list[int] = []
    tab.tree.model().rowsInserted.connect(lambda parent, first, last: inserts.append(last - first + 1)
                                          if not parent.isValid() else None)
    window.select_tab("progress")
    qtbot.waitUntil(lambda: "nog geen voortgangsrapportage ontvangen" in tab.header.text(), timeout=20000)
    # The shared progress read may have filled the tab before the signal was watched: fill again.
    inserts.clear()
    tab.show_progress(window.state.data, tab.progress)
    qtbot.waitUntil(lambda: bool(inserts) and sum(inserts) == tab.tree.topLevelItemCount() and len(_rows(tab)) == 20,
                    timeout=20000)
    assert len(inserts) == tab.tree.topLevelItemCount() > 1  # a batch per focusopgave, not all at once


def test_bekijk_als_during_a_fill_ends_with_the_persons_rows(window, qtbot, monkeypatch):
    from velsen_desk.ui.progress import view

    monkeypatch.setattr(view, "BATCH_MS", 0)
    tab = window.progress_tab
    window.select_tab("progress")
    qtbot.waitUntil(lambda: "nog geen voortgangsrapportage ontvangen" in tab.header.text(), timeout=20000)
    data = window.state.data
    person = next(p.id for p in data.college if 0 < len(data.actions_of_person(p.id)) < 20)
    window.select_person(person)
    window.select_person(None)
    window.select_person(person)  # the fills before this one stop adding rows
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20000)
    qtbot.wait(200)
    qtbot.waitUntil(lambda: len(_rows(tab)) == len(data.actions_of_person(person)), timeout=20000)
    numbers = {n for n, _, _ in _rows(tab)}
    assert numbers == {str(a.number) for p in data.plans for a in p.actions if a.id in data.actions_of_person(person)}


def test_a_hidden_voortgang_adds_smaller_batches_than_a_shown_one(window, qtbot, monkeypatch):
    """Hidden behind the Begroting after a programme switch, its batches share turns with the
    Begroting's expansion: less work per turn (a clock that moves a fixed step per reading)."""
    from types import SimpleNamespace

    from velsen_desk.ui.progress import view

    tab = window.progress_tab
    window.select_tab("progress")
    qtbot.waitUntil(lambda: "nog geen voortgangsrapportage ontvangen" in tab.header.text(), timeout=20000)
    step = view.HIDDEN_BATCH_MS / 2.1  # ms per reading (off the batch boundaries): three per hidden batch
    clock = {"ms": 0.0}

    def perf_counter() -> float:
        clock["ms"] += step
        return clock["ms"] / 1000

    monkeypatch.setattr(view, "time", SimpleNamespace(perf_counter=perf_counter))
    groups = sum(len(o.groups) for o in tab.overviews)
    assert groups > 2

    def sizes() -> list[int]:
        return [len(batch) for batch in tab._row_batches(tab.overviews, at_once=False)]

    def chunks(budget_ms: int) -> list[int]:
        per = math.ceil(budget_ms / step)
        return [min(per, groups - start) for start in range(0, groups, per)]

    shown = sizes()
    assert shown == chunks(view.BATCH_MS)
    window.select_tab("budget")
    assert not tab.tree.isVisible()
    hidden = sizes()
    assert hidden == chunks(view.HIDDEN_BATCH_MS) and max(hidden) < max(shown)


def _filled_then_hidden(window, qtbot):
    tab = window.progress_tab
    window.select_tab("progress")
    qtbot.waitUntil(lambda: tab.filled and tab.tree.topLevelItemCount() > 2, timeout=20000)
    window.select_tab("budget")
    assert not tab.tree.isVisible()
    return tab


def test_a_hidden_voortgang_drops_the_previous_rows_over_several_turns(window, qtbot, monkeypatch):
    """QTreeWidget.clear() of 2,000 rows took one 25–35 ms turn of a programme switch."""
    import shiboken6
    from PySide6.QtWidgets import QApplication

    from velsen_desk.ui.progress import view

    tab = _filled_then_hidden(window, qtbot)
    monkeypatch.setattr(view, "ROWS_DROPPED_PER_TURN", 1)  # one focusopgave per turn
    tops = tab.tree.topLevelItemCount()
    old_row = tab.tree.topLevelItem(0).child(0)
    counts = [tops]
    tab._drop_rows()  # as draw() does for a new programme
    counts.append(tab.tree.topLevelItemCount())
    while tab.tree.topLevelItemCount():
        QApplication.processEvents()  # one turn
        counts.append(tab.tree.topLevelItemCount())
    assert counts == list(range(tops, -1, -1))  # one heading (with its rows) per turn
    assert not shiboken6.isValid(old_row)  # deleted, not kept alive by the removal


def test_a_voortgang_shown_while_dropping_old_rows_shows_none_of_them(window, qtbot, monkeypatch):
    from velsen_desk.ui.progress import view

    tab = _filled_then_hidden(window, qtbot)
    monkeypatch.setattr(view, "ROWS_DROPPED_PER_TURN", 1)
    tab._drop_rows()
    assert tab.tree.topLevelItemCount() > 0
    window.select_tab("progress")
    assert tab.tree.topLevelItemCount() == 0  # cleared as it is shown, before its first paint


def test_a_switch_while_hidden_ends_with_the_new_programmes_rows(window, qtbot, monkeypatch):
    tab = _filled_then_hidden(window, qtbot)
    cleared: list[int] = []
    real = tab.tree.clear
    monkeypatch.setattr(tab.tree, "clear", lambda: (cleared.append(tab.tree.topLevelItemCount()), real()))
    first = window.state.data
    other = next(p.id for p in window.catalog.programmes if p.id != first.programme.id)
    window.select_programme(other)
    qtbot.waitUntil(lambda: window.state.data is not first and tab.up_to_date and tab.filled, timeout=20000)
    window.select_programme(first.programme.id)
    qtbot.waitUntil(lambda: window.state.data.programme.id == first.programme.id and tab.up_to_date and tab.filled,
                    timeout=20000)
    window.select_tab("progress")
    qtbot.waitUntil(lambda: len(_rows(tab)) == 20, timeout=20000)
    assert cleared and max(cleared) < 3  # the full tree was never cleared in one call while hidden


def test_new_rows_arriving_while_old_ones_are_dropped_wait_for_the_drop(window, qtbot, monkeypatch):
    # The overviews of the new programme can arrive before the hidden tab has dropped the old
    # rows: clearing the rest at once then took 66 ms of one turn at 2,000 actions.
    from velsen_desk.ui.progress import view

    tab = _filled_then_hidden(window, qtbot)
    monkeypatch.setattr(view, "ROWS_DROPPED_PER_TURN", 1)
    cleared: list[int] = []
    real = tab.tree.clear
    monkeypatch.setattr(tab.tree, "clear", lambda: (cleared.append(tab.tree.topLevelItemCount()), real()))
    data, overviews, ticket = window.state.data, tab._overviews, tab._filling
    tab._drop_rows()
    assert tab.tree.topLevelItemCount() > 1
    tab._show_overviews(data, tab.progress, overviews, ticket)  # as the worker's result would
    qtbot.waitUntil(lambda: tab.filled and len(_rows(tab)) == 20, timeout=20000)
    assert max(cleared, default=0) == 0  # nothing left to clear by the time the new rows came
