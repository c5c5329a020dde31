"""A newcomer's first hour (issue 15): a note per portfolio item, the personal brief from the
window, no keyboard traps, help in the window, and programmes without a college or themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from velsen_desk.notes.notes_file import NotesFile
from velsen_desk.storage.search import SearchHit


@pytest.fixture
def win(isolated_home, main_window_on, built_db, ui_today):
    window = main_window_on(built_db, ui_today)
    yield window
    window.runner.wait(5000)
    window.search_runner.wait(5000)


def _switch_programme(qtbot, window, programme_id):
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        assert window.select_programme(programme_id)


# ---- A note per portfolio item --------------------------------------------------------------


def test_each_item_of_a_portfolio_cell_takes_its_own_note(qtbot, win):
    NotesFile().save("velsen-2022.pf.jv-05", "portefeuille", "Techport (Jeroen Verwoort)", "Eerdere vraag", False)
    win.select_tab("portfolio")
    tab = win.portfolio_tab
    assert tab.select_item("velsen-2022.pf.jv-06")
    editor = tab.note_editor
    assert editor.item.anchor == "velsen-2022.pf.jv-06"
    assert editor.choice.isVisible() and editor.choice.currentText().startswith("Lokaal klimaatakkoord")
    assert [editor.choice.itemText(i).split(" (")[0] for i in range(editor.choice.count())] == [
        "Techport", "Lokaal klimaatakkoord"]
    editor.edit.setPlainText("Stand van het akkoord?")
    editor.flush()

    editor.choice.setCurrentIndex(0)  # the user picks Techport in the same cell
    assert editor.item.anchor == "velsen-2022.pf.jv-05"
    assert editor.choice.currentText().startswith("Techport")
    assert editor.edit.toPlainText() == "Eerdere vraag"  # the existing note kept its anchor
    notes = NotesFile()
    assert notes.get("velsen-2022.pf.jv-06").text == "Stand van het akkoord?"
    assert notes.get("velsen-2022.pf.jv-05").text == "Eerdere vraag"


def test_a_search_hit_on_the_second_item_names_that_item(qtbot, win):
    hit = SearchHit("portefeuille", "heemskerk-2018.pf.awm-schoorl.02", "heemskerk-2018", "Kunst en cultuur", "")
    with qtbot.waitSignal(win.sig_ready, timeout=10000):
        assert win.open_hit(hit)
    editor = win.portfolio_tab.note_editor
    qtbot.waitUntil(lambda: editor.item is not None and editor.item.anchor == hit.ref_id, timeout=5000)
    assert editor.choice.currentText().startswith("Kunst en cultuur")  # the list beside the title names it


def test_a_single_item_cell_shows_no_choice(qtbot, win):
    win.select_tab("portfolio")
    model = win.portfolio_tab.model
    single = next(model.items(r, c)[0] for r in range(model.rowCount()) for c in range(3, model.columnCount())
                  if len(model.items(r, c)) == 1)
    assert win.portfolio_tab.select_item(single.id)
    editor = win.portfolio_tab.note_editor
    assert editor.item.anchor == single.id
    assert not editor.choice.isVisible()
    assert single.name in editor.title.text()


# ---- Keyboard -------------------------------------------------------------------------------


def _focus(qtbot, widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def test_tab_leaves_the_portfolio_matrix_and_arrows_still_move(qtbot, win):
    win.select_tab("portfolio")
    table = win.portfolio_tab.table
    table.setCurrentIndex(table.model().index(0, 3))
    _focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == 4
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert table.currentIndex().column() == 4  # Tab did not move the cell


def test_tab_leaves_the_notes_overview_table(qtbot, win):
    NotesFile().save("velsen-2022.thema-09", "thema", "Thema 9: Wonen", "Nog open", False)
    overview = win.show_notes()
    qtbot.waitUntil(lambda: overview.model.rowCount() == 1, timeout=5000)
    overview.activateWindow()
    _focus(qtbot, overview.table)
    qtbot.keyClick(overview.table, Qt.Key.Key_Tab)
    assert not overview.table.hasFocus()
    overview.close()


def test_the_toolbar_sync_button_takes_focus(win):
    button = win.findChild(QWidget, "main_toolbar").widgetForAction(win.sync.sync_action)
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_the_detail_pane_shows_when_it_has_focus(qtbot, win):
    pane = win.themes_tab.detail
    win.themes_tab.tree.setFocus()
    qtbot.waitUntil(lambda: not pane.hasFocus(), timeout=2000)
    unfocused = pane.grab().toImage()
    _focus(qtbot, pane)
    focused = pane.grab().toImage()
    assert unfocused.pixelColor(1, pane.height() // 2) != focused.pixelColor(1, pane.height() // 2)


def test_charts_are_passed_by_with_tab(qtbot, win):
    win.select_tab("budget")
    qtbot.waitUntil(lambda: win.budget_tab.chart is not None, timeout=10000)
    chart = win.budget_tab.chart
    assert all(w.focusPolicy() == Qt.FocusPolicy.NoFocus for w in (chart, *chart.findChildren(QWidget)))


# ---- Empty states ---------------------------------------------------------------------------


def test_a_programme_without_college_says_so_instead_of_an_empty_table(qtbot, win):
    win.select_tab("portfolio")
    _switch_programme(qtbot, win, "velsen-sa2020")
    tab = win.portfolio_tab
    assert not tab.table.isVisible()
    assert tab.empty.isVisible()
    assert "geen portefeuilleverdeling" in tab.empty.text()
    assert not tab.detail.isVisible()  # no details pane under the sentence: there is nothing to choose
    _switch_programme(qtbot, win, "velsen-2022")
    assert tab.table.isVisible() and not tab.empty.isVisible() and tab.detail.isVisible()


def test_speerpunten_take_notes_and_their_titles_stand_apart(qtbot, win):
    _switch_programme(qtbot, win, "velsen-sa2020")
    tab = win.themes_tab
    tab.select_item("speerpunt", "velsen-sa2020.iedereen-doet-mee.speerpunt-2")
    index = tab.tree.currentIndex()
    assert index.data() == "Sociale samenhang"  # the title, not the title running into its text
    editor = tab.note_editor
    assert editor.isVisible() and editor.item.kind == "speerpunt"
    assert editor.item.anchor == "velsen-sa2020.iedereen-doet-mee.speerpunt-2"
    assert "Sociale samenhang" in editor.title.text()
    text = tab.detail.toPlainText()
    assert "Sociale samenhang\nHet stimuleren" in text  # a heading of its own, then the explanation


def test_heemskerk_focus_points_take_notes(qtbot, win):
    _switch_programme(qtbot, win, "heemskerk-2018")
    tab = win.themes_tab
    assert tab.select_item("focuspunt", "heemskerk-2018.coalitieakkoord.h2.fp01")
    editor = tab.note_editor
    assert editor.isVisible() and editor.item.kind == "focuspunt"
    assert editor.item.anchor == "heemskerk-2018.coalitieakkoord.h2.fp01"
    editor.edit.setPlainText("Lacunes navragen")
    editor.flush()
    assert NotesFile().get("heemskerk-2018.coalitieakkoord.h2.fp01").text == "Lacunes navragen"


# ---- The personal brief from the window -----------------------------------------------------


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return " ".join((p.extract_text() or "") for p in PdfReader(path).pages)


def test_the_brief_is_in_the_rapporten_menu_and_can_leave_out_unflagged_notes(qtbot, win):
    NotesFile().save("velsen-2022.thema-09", "thema", "Thema 9: Wonen", "Vraag over bouwlocaties", True)
    NotesFile().save("velsen-2022.thema-15", "thema", "Thema 15: Financiën", "Alleen voor mezelf", False)
    action = win.report_actions.kind_actions["brief"]
    assert action in win.report_actions.menu.actions()
    action.trigger()
    dialog = win.report_actions.dialog
    assert dialog is not None and dialog.kind == "brief"
    assert dialog.form.flagged_box.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    dialog.form.flagged_box.setChecked(True)
    with qtbot.waitSignal(dialog.sig_preview_ready, timeout=20000) as blocker:
        assert dialog.generate()
    text = _pdf_text(blocker.args[0].path)
    assert "Vraag over bouwlocaties" in text and "Alleen voor mezelf" not in text
    # The tick may have started a preview of its own: printing waits until the last one is shown.
    qtbot.waitUntil(lambda: not dialog.busy and dialog.pdf.print_button.isEnabled(), timeout=20000)
    assert "Alleen voor mezelf" not in _pdf_text(dialog.pdf.result_.path)
    dialog.form.set_kind("budget")
    assert not dialog.form.flagged_box.isVisibleTo(dialog)
    dialog.close()


def test_the_notes_overview_opens_the_brief(qtbot, win):
    NotesFile().save("velsen-2022.thema-09", "thema", "Thema 9: Wonen", "Nog open", True)
    overview = win.show_notes()
    qtbot.waitUntil(lambda: overview.model.rowCount() == 1, timeout=5000)
    qtbot.mouseClick(overview.brief_button, Qt.MouseButton.LeftButton)
    dialog = win.report_actions.dialog
    assert dialog is not None and dialog.kind == "brief"
    qtbot.waitUntil(lambda: not dialog.busy and dialog.pdf.print_button.isEnabled(), timeout=20000)
    dialog.close()
    overview.close()


def test_double_clicking_a_note_opens_its_item(qtbot, win):
    NotesFile().save("velsen-2022.pf.jv-06", "portefeuille", "Lokaal klimaatakkoord (Jeroen Verwoort)", "x", False)
    NotesFile().save("velsen-2022.thema-99", "thema", "Thema 99: Verdwenen", "oud", False)
    overview = win.show_notes()
    qtbot.waitUntil(lambda: overview.model.rowCount() == 2, timeout=5000)
    row = next(r for r in range(2) if overview.model.note(r).anchor == "velsen-2022.pf.jv-06")
    overview.table.activated.emit(overview.model.index(row, 0))  # what a double-click or Enter sends
    editor = win.portfolio_tab.note_editor
    qtbot.waitUntil(lambda: editor.item is not None and editor.item.anchor == "velsen-2022.pf.jv-06", timeout=5000)
    assert win.current_tab() is win.portfolio_tab

    loose = 1 - row
    overview.table.activated.emit(overview.model.index(loose, 0))
    qtbot.waitUntil(lambda: "niet (meer) in de gegevens" in overview.message.text(), timeout=5000)
    overview.close()


def test_a_note_of_another_programme_opens_there(qtbot, win):
    NotesFile().save("heemskerk-2018.coalitieakkoord.h2.fp01", "focuspunt", "Focuspunt 1", "Lacunes", False)
    overview = win.show_notes()
    qtbot.waitUntil(lambda: overview.model.rowCount() == 1, timeout=5000)
    with qtbot.waitSignal(win.sig_ready, timeout=10000):
        overview.table.activated.emit(overview.model.index(0, 0))
    editor = win.themes_tab.note_editor
    qtbot.waitUntil(lambda: editor.item is not None
                    and editor.item.anchor == "heemskerk-2018.coalitieakkoord.h2.fp01", timeout=5000)
    assert win.state.data.programme.id == "heemskerk-2018"
    overview.close()


# ---- Help -----------------------------------------------------------------------------------


def test_help_has_a_dutch_guide_in_the_window(qtbot, win):
    help_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Help")
    texts = [a.text() for a in help_menu.actions()]
    assert "&Handleiding" in texts and "&Sneltoetsen" in texts
    assert win.help_actions.guide_action.shortcut().toString() == "F1"
    guide = win.help_actions.show_guide()
    text = guide.text.toPlainText()
    for words in ("Thema’s:", "Portefeuilles:", "Begroting:", "Tijdlijn:", "Synchroniseren", "Notities",
                  "Rapporten", "Mijn notities"):
        assert words in text, words
    guide.close()


def test_the_shortcut_list_comes_from_the_real_actions(qtbot, win):
    from PySide6.QtGui import QAction, QKeySequence

    dialog = win.help_actions.show_shortcuts()
    rows = {(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
            for r in range(dialog.table.rowCount())}
    assert ("F5", "Synchroniseren") in rows
    assert ("Ctrl+Shift+N", "Mijn notities…") in rows
    assert ("Ctrl+P", "Rapport van deze weergave…") in rows
    assert ("Ctrl+2", "Portefeuilles") in rows
    assert ("F1", "Handleiding") in rows

    extra = QAction("Nieuwe &opdracht", win)  # a shortcut added later appears without editing a list
    extra.setShortcut(QKeySequence("Ctrl+Alt+J"))
    win.addAction(extra)
    dialog = win.help_actions.show_shortcuts()
    rows = {(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert ("Ctrl+Alt+J", "Nieuwe opdracht", "overal") in rows
    dialog.close()


def test_shortcut_rows_are_measured_at_their_final_column_widths(qtbot, win):
    dialog = win.help_actions.show_shortcuts()
    qtbot.waitExposed(dialog)
    table = dialog.table
    heights = [table.rowHeight(r) for r in range(table.rowCount())]
    assert len(set(heights)) == 1  # one line each: no row taller than the rest
    dialog.close()


def test_the_row_the_detail_shows_is_selected_after_the_first_tab(qtbot, win):
    tree = win.themes_tab.tree
    _focus(qtbot, win.themes_tab.detail)
    tree.selectionModel().clear()  # nothing current, as at the start
    tree.setFocus(Qt.FocusReason.TabFocusReason)  # Qt makes a row current without selecting it
    qtbot.waitUntil(lambda: tree.currentIndex().isValid(), timeout=2000)
    current = tree.currentIndex()
    assert tree.selectionModel().isSelected(current)
    assert current.data() in win.themes_tab.detail_text()


# ---- Search field ---------------------------------------------------------------------------


def test_escape_clears_the_search_and_a_second_escape_returns_to_the_view(qtbot, win):
    from PySide6.QtWidgets import QApplication

    search = win.search
    _focus(qtbot, search.field)
    with qtbot.waitSignal(search.sig_results, timeout=10000):
        qtbot.keyClicks(search.field, "sport")
    assert search.dock.isVisible()
    qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    assert search.field.text() == ""
    assert not search.dock.isVisible() and search.model.rowCount() == 0 and search.status.text() == ""
    assert search.field.hasFocus()
    qtbot.keyClick(search.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not search.field.hasFocus(), timeout=2000)
    focused = QApplication.focusWidget()
    page = win.tabs.currentWidget()
    assert focused is page or page.isAncestorOf(focused)


def test_a_restored_window_does_not_reopen_an_empty_search_panel(qtbot, isolated_home, main_window_on, built_db,
                                                                  ui_today, settings):
    first = main_window_on(built_db, ui_today)
    first.search.dock.show()
    first.close()  # saves the window state with the panel open
    first.runner.wait(5000)
    second = main_window_on(built_db, ui_today)
    assert not second.search.dock.isVisible()
    second.runner.wait(5000)


# ---- Status bar -----------------------------------------------------------------------------


def test_a_long_status_message_ends_in_an_ellipsis_and_keeps_the_full_text(qtbot, win):
    win.resize(900, 600)
    bar = win.statusBar()
    text = "Synchroniseren mislukt: " + " ".join(["de gedeelde map is niet bereikbaar"] * 8)
    bar.showMessage(text, 30000)
    shown = bar.currentMessage()
    assert shown.endswith("…") and len(shown) < len(text)
    assert text.startswith(shown[:-1])
    assert bar.toolTip() == text
    room = bar.width() - sum(w.width() for w in (win.sync.changes_button, win.sync.sync_label, win.progress)
                             if w.isVisible())
    assert bar.fontMetrics().horizontalAdvance(shown) <= room
    bar.clearMessage()
    assert bar.toolTip() == ""
