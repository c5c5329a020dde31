"""Search from the toolbar and personal notes in the detail panes, as a raadslid uses them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from velsen_desk.notes.notes_file import NotesFile
from velsen_desk.ui.search.model import HIT_ROLE, MARKED_ROLE
from velsen_desk.ui.widgets.style import ID_ROLE


@pytest.fixture
def win(isolated_home, main_window_on, built_db, ui_today):
    window = main_window_on(built_db, ui_today)
    yield window
    window.runner.wait(5000)
    window.search_runner.wait(5000)


def _search(qtbot, window, text):
    field = window.search.field
    with qtbot.waitSignal(window.search.sig_results, timeout=5000) as blocker:
        field.setText(text)
    return blocker.args[0]


def _hit_index(panel, title):
    model = panel.model
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            if index.data() == title:
                return index
    raise AssertionError(title)


# ---- Search ---------------------------------------------------------------------------------


def test_ctrl_f_typing_financien_lists_and_opens_theme_15(qtbot, win):
    assert win.search_action.shortcut().toString() == "Ctrl+F"
    win.activateWindow()
    win.themes_tab.tree.setFocus()
    qtbot.keyClick(win.themes_tab.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(win.search.field.hasFocus, timeout=2000)
    with qtbot.waitSignal(win.search.sig_results, timeout=5000):
        qtbot.keyClicks(win.search.field, "financien")  # one query after the 150 ms pause
    assert any(
        group.startswith("Thema's") and title == "15. Financiën" for group, title in win.search.result_titles()
    ), win.search.result_titles()
    assert win.search.dock.isVisible()
    index = _hit_index(win.search, "15. Financiën")
    assert index.data(MARKED_ROLE)[0] == "15. \x02Financiën\x03"  # drawn bold by the delegate
    win.search.view.activated.emit(index)
    assert win.current_tab() is win.themes_tab
    assert win.themes_tab.tree.currentIndex().data(ID_ROLE) == "velsen-2022.thema-15"
    assert "Thema 15: Financiën" in win.themes_tab.detail_text()


def test_highlight_markers_become_bold():
    from velsen_desk.ui.search.panel import marked_html

    assert marked_html("15. \x02Financiën\x03 <x>") == "15. <b>Financiën</b> &lt;x&gt;"


@pytest.mark.parametrize(
    "query",
    ['"', '"financien', "AND(", "*", "financ* OR", "-", "NEAR(a b)", "🏠🏠", "x" * 1000, "a " * 500, "'; DROP TABLE"],
)
def test_hostile_queries_give_results_or_geen_resultaten(qtbot, win, query):
    count = _search(qtbot, win, query)
    status = win.search.status.text()
    if count == 0:
        assert "geen resultaten" in status.lower()
    else:  # the Dutch singular for one hit (the tests load the Dutch catalogue as the app does)
        assert (f"{count} resultaat voor" if count == 1 else f"{count} resultaten voor") in status
    assert "lukte niet" not in status


def test_results_open_in_their_tabs(qtbot, win):
    _search(qtbot, win, "Schiphol")
    win.search.view.activated.emit(_hit_index(win.search, next(t for g, t in win.search.result_titles()
                                                                if g.startswith("Portefeuilles"))))
    assert win.current_tab() is win.portfolio_tab
    assert "Schiphol" in win.portfolio_tab.detail_text()

    _search(qtbot, win, "Kantine FCC")
    title = next(t for g, t in win.search.result_titles() if g.startswith("Begrotingsregels"))
    win.search.view.activated.emit(_hit_index(win.search, title))
    assert win.current_tab() is win.budget_tab
    assert win.budget_tab.current_id() == "velsen-2022.sgivn.01"


def test_result_in_another_programme_switches_programme(qtbot, win):
    _search(qtbot, win, "Baltus")
    title = next(t for g, t in win.search.result_titles() if g.startswith("Personen"))
    index = _hit_index(win.search, title)
    hit = index.data(HIT_ROLE)
    if hit.programme_id == "velsen-2022":
        pytest.skip("person also in Velsen")
    with qtbot.waitSignal(win.sig_ready, timeout=10000):
        win.search.view.activated.emit(index)
    assert win.state.data.programme.id == hit.programme_id
    assert win.current_tab() is win.portfolio_tab


# ---- Notes ----------------------------------------------------------------------------------


def test_note_on_theme_9_is_kept_after_reopening(qtbot, win, built_db, settings, ui_today):
    from velsen_desk.ui.main_window import MainWindow

    assert win.themes_tab.select_theme_number(9)
    editor = win.themes_tab.note_editor
    assert editor.isVisible() and "Thema 9" in editor.title.text()
    qtbot.keyClicks(editor.edit, "Doorvragen over de bouwlocaties")
    editor.flag.setChecked(True)
    qtbot.waitUntil(lambda: editor.saved_label.text() == "bewaard", timeout=3000)  # debounced save
    win.close()

    again = MainWindow(built_db, "ingebouwd", settings=settings, today=ui_today, show_errors=False)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.sig_ready, timeout=10000):
        again.show()
        again.start()
    assert again.themes_tab.select_theme_number(9)
    assert again.themes_tab.note_editor.edit.toPlainText() == "Doorvragen over de bouwlocaties"
    assert again.themes_tab.note_editor.flag.isChecked()
    again.runner.wait(5000)


def test_notes_on_action_and_budget_line(qtbot, win):
    win.select_tab("budget")
    assert win.budget_tab.select_item("velsen-2022.sgivn.01")
    editor = win.budget_tab.note_editor
    assert editor.item.kind == "begrotingsregel"
    editor.edit.setPlainText("Navragen")
    editor.flush()
    assert win.budget_tab.select_action(win.state.data.plans[0].actions[0].id)
    assert editor.item.kind == "actie" and editor.edit.toPlainText() == ""
    assert NotesFile().get("velsen-2022.sgivn.01").text == "Navragen"


def test_notes_overview_shows_loose_note(qtbot, win):
    NotesFile().save("velsen-2022.thema-99", "thema", "Thema 99: Verdwenen thema", "Oude vraag", True)
    NotesFile().save("velsen-2022.thema-09", "thema", "Thema 9: Wonen & woningbouw", "Nog open", False)
    overview = win.show_notes()
    qtbot.waitUntil(lambda: overview.model.rowCount() == 2, timeout=5000)
    rows = [[overview.model.index(r, c).data() for c in range(overview.model.columnCount())]
            for r in range(overview.model.rowCount())]
    loose = next(r for r in rows if r[0] == "Thema 99: Verdwenen thema")
    assert loose[4] == "los" and loose[2] == "ja"
    kept = next(r for r in rows if r[0].startswith("Thema 9:"))
    assert kept[4] == ""
    overview.close()


def test_export_then_import_on_a_fresh_profile(qtbot, win, tmp_path, monkeypatch):
    NotesFile().save("velsen-2022.thema-15", "thema", "Thema 15: Financiën", "Begroting bespreken", True)
    export = tmp_path / "export.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(export), ""))
    overview = win.show_notes()
    overview.export_button.click()
    assert export.exists() and "geëxporteerd" in overview.message.text()
    overview.close()

    fresh = tmp_path / "fresh"
    fresh.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(fresh))
    monkeypatch.setenv("HOME", str(fresh))
    assert NotesFile().all() == []
    bad = tmp_path / "kapot.json"
    bad.write_text("geen json", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    overview = win.show_notes()
    overview.import_button.click()
    assert "geen notitie-export" in overview.message.text()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(export), ""))
    overview.import_button.click()
    assert "1 notitie geïmporteerd." in overview.message.text()  # the Dutch singular
    qtbot.waitUntil(lambda: overview.model.rowCount() == 1, timeout=5000)
    note = NotesFile().get("velsen-2022.thema-15")
    assert note.text == "Begroting bespreken" and note.flagged
    overview.close()
