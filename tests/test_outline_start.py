"""The start shows the themes tab's tree from the programme's outline, read in milliseconds,
before the whole programme (~0.1 s at 2,000 actions); nothing else draws from the outline, and
a row chosen in between shows its details once the data are in."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import a_shown_window, held_loader_step, outlined
from velsen_desk.core.records import ProgrammeData, ProgrammeOutline
from velsen_desk.storage import reader

# What only the whole programme needs: the outline reads none of it.
WHOLE_ONLY = ("actions", "planning_phases", "fundings", "budgets", "budget_lines", "focusopgaven", "perspectives",
              "action_plans", "chapters", "focus_points", "targets", "theme_links", "portfolio_items", "domains")


def _outline_of(data: ProgrammeData) -> ProgrammeOutline:
    return ProgrammeOutline(**{name: getattr(data, name) for name in ProgrammeOutline.__struct_fields__})


def test_an_outline_is_what_the_whole_read_holds_of_it(built_db: Path, monkeypatch):
    read: set[str] = set()
    original = reader._Rows.__getitem__

    def getitem(self, table):  # type: ignore[no-untyped-def]
        read.add(table)
        return original(self, table)

    with sqlite3.connect(f"file:{built_db}?mode=ro", uri=True) as conn:
        kinds = {}
        for programme in reader.catalog(conn).programmes:
            data = reader.programme_data(conn, programme)
            monkeypatch.setattr(reader._Rows, "__getitem__", getitem)
            read.clear()
            outline = reader.programme_outline(conn, programme)
            monkeypatch.setattr(reader._Rows, "__getitem__", original)
            assert not read & set(WHOLE_ONLY), (programme.id, read & set(WHOLE_ONLY))
            if data.velden or data.opgaven:
                assert outline == _outline_of(data), programme.id
                kinds[programme.id] = "velden" if data.velden else "opgaven"
            else:  # a tree of chapters, whose focus points carry their budgets: no outline
                assert outline is None, programme.id
                kinds[programme.id] = "chapters"
    assert set(kinds.values()) == {"velden", "opgaven", "chapters"}  # the bundled data has each kind


def test_the_start_shows_the_themes_before_the_programme_is_read(qtbot, built_db, settings, monkeypatch):
    go_on = held_loader_step(monkeypatch)
    window = a_shown_window(qtbot, built_db, settings)
    tab = outlined(qtbot, window)
    assert window.state.data is None
    assert tab.model.rowCount() == 5 + 3  # the aandachtsvelden, then values, categories, agreements
    assert "Kies een thema" in tab.detail.toPlainText()
    # nothing else drew: the other tabs wait for the data
    assert all(t._drawn is None for t in (window.portfolio_tab, window.budget_tab, window.timeline_tab))
    assert window.programme_combo.currentData() == "velsen-2022"

    theme = tab.proxy.index(0, 0, tab.proxy.index(0, 0))  # the first theme, chosen while the data are read
    tab.tree.setCurrentIndex(theme)
    assert "Kies een thema" in tab.detail.toPlainText()  # no details yet: they need the data
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        go_on.set()
    data = window.state.data
    assert data is not None and tab.up_to_date
    chosen = tab.proxy.mapToSource(tab.tree.currentIndex())
    first = data.velden[0].themes[0]
    assert tab.model.node(chosen).payload == first
    assert first.regie is not None and first.regie.name in tab.detail.toPlainText()
    window.runner.wait(5000)


def test_a_programme_of_chapters_shows_no_rows_before_its_data(qtbot, built_db, settings, monkeypatch):
    # Its tree holds its chapters, whose focus points carry their budgets: no outline to show
    # first, so the start's one trip reads it whole (no second trip, the same connection).
    import velsen_desk.ui.programme_loader as loader

    reads: list[str] = []
    original = loader.read_programme
    monkeypatch.setattr(loader, "read_programme", lambda *args: (reads.append(args[1].id), original(*args))[1])
    window = a_shown_window(qtbot, built_db, settings)
    tab = window.themes_tab
    drawn: list[bool] = []  # per tree drawn with rows: whether the whole programme was in
    tab.model.modelReset.connect(lambda: tab.model.rowCount() and drawn.append(window.state.data is not None))
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        window.start("heemskerk-2018")
    assert window.state.data is not None and window.state.data.programme.id == "heemskerk-2018"
    assert tab.model.rowCount() > 0 and drawn == [True]  # never a part of it
    assert reads == []
    window.runner.wait(5000)


def test_an_outline_is_not_drawn_over_a_programme_already_shown(qtbot, built_db, settings):
    window = a_shown_window(qtbot, built_db, settings)
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        window.start("heemskerk-2018")
    rows = window.themes_tab.model.rowCount()
    with sqlite3.connect(f"file:{built_db}?mode=ro", uri=True) as conn:
        velsen = reader.catalog(conn).programme("velsen-2022")
        assert velsen is not None
        outline = reader.programme_outline(conn, velsen)
    assert outline is not None
    window.state.set_outline(outline)  # late, after another programme is shown
    assert window.themes_tab.model.rowCount() == rows
    window.runner.wait(5000)


def test_an_outline_whose_programme_cannot_be_read_is_taken_away(qtbot, built_db, settings, monkeypatch):
    import velsen_desk.ui.programme_loader as loader
    from velsen_desk.storage.database import DatabaseError

    go_on = held_loader_step(monkeypatch)
    held = loader.read_programme

    def broken(*args):  # type: ignore[no-untyped-def]
        held(*args)
        raise DatabaseError("kosten ontbreken bij actie-1")

    monkeypatch.setattr(loader, "read_programme", broken)
    window = a_shown_window(qtbot, built_db, settings)
    outlined(qtbot, window)
    with qtbot.waitSignal(window.sig_failed, timeout=10000) as failed:
        go_on.set()
    assert "kosten ontbreken bij actie-1" in failed.args[0]
    assert window.themes_tab.model.rowCount() == 0 and window.state.data is None
    assert window.themes_tab.detail.toPlainText() == ""
    window.runner.wait(5000)


def test_the_themes_shown_in_the_gap_show_the_outline(qtbot, built_db, tmp_path, monkeypatch):
    # The Begroting was on screen when the window closed: the outline comes while the Thema's
    # tab is not even made; shown before the data, it still shows the themes at once.
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "begroting.ini"), QSettings.Format.IniFormat)
    settings.setValue("main_window/tab", 2)
    go_on = held_loader_step(monkeypatch)
    window = a_shown_window(qtbot, built_db, settings)
    window.start()
    qtbot.waitUntil(lambda: window.state.outline is not None, timeout=5000)
    assert window.current_tab() is window.budget_tab and not window._themes_page.built
    window.select_tab("themes")
    assert window.state.data is None and window.themes_tab.model.rowCount() == 5 + 3
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        go_on.set()
    assert window.state.outline is None and window.themes_tab.up_to_date
    window.runner.wait(5000)


def test_the_window_is_named_after_the_outlined_programme(qtbot, built_db, settings, monkeypatch):
    go_on = held_loader_step(monkeypatch)
    window = a_shown_window(qtbot, built_db, settings)
    outlined(qtbot, window)
    assert window.windowTitle() == "Velsen 2022–2026 – Velsen Desk"
    window.state.set_outline(None)  # its data could not be read
    assert window.windowTitle() == "Velsen Desk"
    go_on.set()
    window.runner.wait(5000)


def test_a_report_asked_for_in_the_gap_is_of_the_outlined_programme(qtbot, built_db, settings, monkeypatch):
    go_on = held_loader_step(monkeypatch)
    window = a_shown_window(qtbot, built_db, settings)
    outlined(qtbot, window, "velsen-sa2020")  # not the catalogue's first
    assert window.state.data is None
    dialog = window.report_actions.open_dialog("budget", generate=False)
    assert dialog.form.programme_combo.currentData() == "velsen-sa2020"
    dialog.close()
    go_on.set()
    qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000).wait()
    window.runner.wait(5000)


def test_a_branch_closed_in_the_gap_stays_closed_when_the_data_come(qtbot, built_db, settings, monkeypatch):
    go_on = held_loader_step(monkeypatch)
    window = a_shown_window(qtbot, built_db, settings)
    tab = outlined(qtbot, window)
    second = tab.proxy.index(1, 0)  # an aandachtsveld, open like every branch
    assert tab.tree.isExpanded(second)
    tab.tree.collapse(second)
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        go_on.set()
    assert window.state.data is not None
    assert not tab.tree.isExpanded(tab.proxy.index(1, 0))
    assert tab.tree.isExpanded(tab.proxy.index(0, 0))
    window.runner.wait(5000)
