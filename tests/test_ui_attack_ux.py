"""Findings of the newcomer pass over the window (attack-ux), each pinned by a test."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from velsen_desk.sync.publish import publish, snapshot_database

UNLISTED = "niet in wat dit overzicht vergelijkt"


def _copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    snapshot_database(source, target)
    return target


@pytest.fixture
def explanation_only(tmp_path: Path, built_db: Path) -> Path:
    """A new data version in which only action 6's explanation changed (a field the diff does
    not compare), as the griffie publishes after correcting a text."""
    path = _copy(built_db, tmp_path / "v2" / "velsen-desk.sqlite")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE actions SET explanation = explanation || ' (aangevuld)' WHERE number = 6")
        conn.execute("UPDATE meta SET value = 'c3c3c3c3c3c3c3c3' WHERE key = 'data_version'")
    conn.close()
    return path


# F1: "Wat is er veranderd" must not say "Geen verschillen" for a changed data version ----------

def test_changes_dialog_does_not_call_a_changed_version_unchanged(qtbot, built_db, explanation_only):
    from velsen_desk.sync.changes import compute_changes
    from velsen_desk.ui.sync.changes import ChangesDialog

    dialog = ChangesDialog()
    qtbot.addWidget(dialog)
    dialog.show_report(compute_changes(explanation_only, built_db))
    assert UNLISTED in dialog.summary.text()
    assert "Geen verschillen" not in dialog.summary.text()


def test_changes_dialog_still_says_no_differences_for_the_same_data(qtbot, tmp_path, built_db):
    from velsen_desk.sync.changes import compute_changes
    from velsen_desk.ui.sync.changes import ChangesDialog

    same = _copy(built_db, tmp_path / "same" / "velsen-desk.sqlite")
    dialog = ChangesDialog()
    qtbot.addWidget(dialog)
    dialog.show_report(compute_changes(same, built_db))
    assert dialog.summary.text() == "Geen verschillen met de vorige versie."


def test_rollback_dialog_does_not_call_a_changed_version_unchanged(qtbot, isolated_home, built_db, explanation_only):
    from velsen_desk.core.paths import local_database_path
    from velsen_desk.sync.sync import sync
    from velsen_desk.ui.sync.rollback import RollbackDialog

    share = isolated_home / "share"
    share.mkdir()
    local = local_database_path()
    publish(built_db, share, published_by="griffie")
    sync(share, local)
    publish(explanation_only, share, published_by="griffie")
    sync(share, local)  # the first version is kept in versies/
    dialog = RollbackDialog(local)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=10000)
    assert UNLISTED in dialog.summary.text()
    assert "verschilt niet" not in dialog.summary.text()
    dialog.wait()


def test_cli_diff_does_not_call_a_changed_version_unchanged(isolated_home, built_db, explanation_only, capsys):
    from velsen_desk.cli.main import main

    assert main(["--language", "nl", "diff", str(built_db), str(explanation_only)]) == 0
    out = capsys.readouterr().out
    assert UNLISTED in out and "Geen verschillen" not in out
    assert main(["--language", "nl", "diff", str(built_db), str(built_db)]) == 0
    assert "Geen verschillen." in capsys.readouterr().out


# F6: the detail pane under the Portefeuilles table and the Actieplan tree stays readable ---------

MIN_DETAIL_LINES = 8


def test_budget_detail_pane_shows_several_lines_at_1280x720(qtbot, window):
    tab = window.budget_tab
    window.select_tab("budget")
    assert tab.select_action(window.state.data.plans[0].actions[5].id)
    qtbot.waitUntil(tab.note_editor.isVisible)
    qtbot.wait(50)
    assert tab.detail.height() >= MIN_DETAIL_LINES * tab.detail.fontMetrics().lineSpacing()
    assert tab.tree.height() > tab.detail.height()  # the tree stays the main view


def test_portfolio_detail_pane_shows_several_lines_at_1280x720(qtbot, window):
    tab = window.portfolio_tab
    window.select_tab("portfolio")
    tab.table.setCurrentIndex(tab.model.index(0, 4))
    qtbot.waitUntil(tab.note_editor.isVisible)
    qtbot.wait(50)
    assert tab.detail.height() >= MIN_DETAIL_LINES * tab.detail.fontMetrics().lineSpacing()


# F9: the budget chart's euro axis: no overlapping labels, no row of "€ 0" ----------------------

def _axis_labels(axis, low: float, high: float, size: float) -> list[str]:
    return [label for spacing, values in axis.tickValues(low, high, size)
            for label in axis.tickStrings(values, 1.0, spacing)]


def test_euro_axis_labels_fit_side_by_side(qtbot):
    from PySide6.QtGui import QFontMetrics

    from velsen_desk.ui.budget.chart import EuroAxis

    axis = EuroAxis("bottom")
    metrics = QFontMetrics(axis.style.get("tickFont") or axis.font())
    for size in (150, 250, 400, 900):
        labels = _axis_labels(axis, 0, 420_000, size)
        assert labels, size
        assert sum(metrics.horizontalAdvance(label) for label in labels) < size, (size, labels)


def test_euro_axis_of_a_branch_without_amounts_says_zero_once(qtbot):
    from velsen_desk.ui.budget.chart import Bar, CostChart

    chart = CostChart()
    qtbot.addWidget(chart)
    chart.resize(300, 400)
    chart.show()
    chart.show_bars("Focusopgave 1", [Bar(f"{n}. Actie", 0, "n.v.t.") for n in range(1, 6)])
    axis = chart.plot.getAxis("bottom")
    low, high = chart.plot.getViewBox().viewRange()[0]
    labels = _axis_labels(axis, low, high, 250)
    assert labels == ["€ 0"]
    chart.show_bars("Focusopgave 2", [Bar("6. Actie", 25_000, "€ 25.000"), Bar("7. Actie", 1_000, "€ 1.000")])
    low, high = chart.plot.getViewBox().viewRange()[0]
    labels = _axis_labels(axis, low, high, 250)
    assert len(labels) == len(set(labels)) > 1


# F2: the status bar's data line is cut with "…", not mid-word without a sign ------------------

def test_status_line_is_elided_where_it_does_not_fit(qtbot, window):
    label = window.data_label
    full = label.text()
    assert "brondocumenten van" in full
    label.resize(label.fontMetrics().horizontalAdvance(full) // 2, label.height())
    shown = label.shown_text()
    assert shown.endswith("…") and full.startswith(shown[:-1].rstrip())
    label.resize(label.fontMetrics().horizontalAdvance(full) + 40, label.height())
    assert label.shown_text() == full


# F20: a long "Niet bewaard: …" must not widen the window beyond the screen --------------------

def test_unsaved_note_message_wraps_instead_of_widening_the_pane(qtbot, isolated_home, monkeypatch):
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from velsen_desk.notes.current import current_notes
    from velsen_desk.notes.notes_file import NotesFile
    from velsen_desk.ui.notes.editor import NoteAnchor, NoteEditor

    monkeypatch.setattr(NotesFile, "busy_timeout_s", 0.05)
    pane = QWidget()
    qtbot.addWidget(pane)
    editor = NoteEditor(pane)
    QVBoxLayout(pane).addWidget(editor)
    pane.resize(700, 200)
    pane.show()
    editor.set_item(NoteAnchor("velsen-2022.thema-1", "thema", "Thema 1: Leefbaarheid"))
    conn = sqlite3.connect(current_notes().path, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")  # the notes file is locked: saving fails and says why
    try:
        qtbot.keyClicks(editor.edit, "Vraag over de bouwlocaties")
        qtbot.waitUntil(lambda: editor.saved_label.text().startswith("Niet bewaard:"), timeout=3000)
        message = editor.saved_label.text()
        qtbot.wait(100)  # the layouts take the new text in
        assert editor.saved_label.fontMetrics().horizontalAdvance(message) > 700  # as long as it gets
        assert pane.minimumSizeHint().width() <= 700
        label = editor.saved_label
        assert label.height() > 2 * editor.title.sizeHint().height()  # wrapped over lines
        assert label.height() >= label.heightForWidth(label.width())  # and every line shown
    finally:
        conn.execute("ROLLBACK")
        conn.close()
        editor.flush()


# F12: the notes overview writes one item's kind and the date as the rest of the window does ----

def test_notes_overview_names_one_kind_and_a_dutch_date(qtbot):
    from velsen_desk.notes.notes_file import Note
    from velsen_desk.ui.notes.overview import NotesModel

    model = NotesModel()
    model.set_notes([Note("velsen-2022.thema-3", "thema", "Thema 3: Veiligheid", "Vraag", False,
                          "2026-12-01T12:08:00+00:00")])
    assert model.index(0, 1).data() == "Thema"
    updated = model.index(0, 5).data()
    assert "december 2026" in updated and "2026-12-01" not in updated


# F21: Portefeuilles rows fit their text after the tab was drawn while hidden ---------------------

def test_portfolio_rows_fit_their_text_after_a_hidden_draw(qtbot, window):
    window.view_bar.select_programme("heemskerk-2018")
    qtbot.waitUntil(lambda: window.state.data is not None and window.state.data.programme.id == "heemskerk-2018",
                    timeout=10000)
    tab = window.portfolio_tab
    qtbot.wait(1500)  # the hidden tabs catch up, one per turn, while Thema's is on screen
    window.tabs.setCurrentWidget(tab)
    qtbot.wait(200)
    table = tab.table
    rows = range(table.model().rowCount())
    assert rows
    for row in rows:
        assert table.rowHeight(row) <= table.sizeHintForRow(row) + 2, row


# F18: a narrow budget chart keeps room for its bars -------------------------------------------

def test_narrow_cost_chart_keeps_room_for_the_bars(qtbot):
    from velsen_desk.ui.budget.chart import Bar, CostChart

    chart = CostChart()
    qtbot.addWidget(chart)
    chart.resize(300, 400)
    chart.show()
    chart.show_bars("Actieplan", [Bar("9. Herinrichting en opwaarderen Stratingplantsoen", 100_000, "€ 100.000"),
                                  Bar("20. Reservering onvoorzien", 200_000, "€ 200.000")])
    qtbot.wait(50)
    assert chart.plot.getViewBox().width() >= 0.35 * chart.width()
    chart.resize(900, 400)
    qtbot.wait(50)
    assert chart.plot.getAxis("left").width() == 210  # a wide chart keeps the full names' column


# F15: saving Instellingen without a new shared folder does not start a sync -----------------

def test_settings_saved_without_a_new_share_does_not_sync(qtbot, main_window_on, isolated_home, built_db, tmp_path,
                                                          monkeypatch):
    from velsen_desk.sync.config import save_share

    win = main_window_on(built_db)
    share = tmp_path / "gedeeld"
    share.mkdir()
    save_share(share)
    started: list[bool] = []
    monkeypatch.setattr(win.sync, "start", lambda *a, **k: started.append(True) or False)
    dialog = win.sync.open_settings()
    dialog.accept()  # e.g. after changing only the language (left as it is: it is stored per user)
    assert started == []
    other = tmp_path / "ander"
    other.mkdir()
    dialog = win.sync.open_settings()
    dialog.share_edit.setText(str(other))
    dialog.accept()
    assert started == [True]  # a new shared folder: fetch its data at once
    win.runner.wait(5000)
