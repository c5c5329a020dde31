"""Sync from the window: a new version reloads every tab and shows what changed; a failed sync
keeps the last good data on screen. Notes survive a new data version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from velsen_desk.sync.config import configured_share, save_share
from velsen_desk.sync.publish import publish, snapshot_database
from velsen_desk.ui.widgets.style import KIND_ROLE


def _copy_db(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    snapshot_database(source, target)
    return target


def _theme_count(win) -> int:
    model = win.themes_tab.proxy
    count = 0
    for v in range(model.rowCount()):
        veld = model.index(v, 0)
        count += sum(1 for r in range(model.rowCount(veld)) if model.index(r, 0, veld).data(KIND_ROLE) == "theme")
    return count


@pytest.fixture
def local_db(isolated_home, built_db) -> Path:
    from velsen_desk.core.paths import local_database_path

    return _copy_db(built_db, local_database_path())


@pytest.fixture
def share_v2(tmp_path, built_db) -> Path:
    v2 = _copy_db(built_db, tmp_path / "v2" / "velsen-desk.sqlite")
    with sqlite3.connect(v2) as conn:
        conn.execute("UPDATE actions SET cost_amount=2000, cost_text='€2.000' WHERE number=7")
        conn.execute("UPDATE meta SET value='b2b2b2b2b2b2b2b2' WHERE key='data_version'")
    conn.close()
    share = tmp_path / "share"
    share.mkdir()
    publish(v2, share, published_by="griffie")
    return share


@pytest.fixture
def sync_window(main_window_on, local_db, ui_today):
    win = main_window_on(local_db, ui_today)
    yield win
    win.sync.wait(5000)
    win.runner.wait(5000)
    win.search_runner.wait(5000)


def test_sync_brings_new_version_reloads_tabs_and_lists_changes(qtbot, sync_window, share_v2):
    win = sync_window
    assert "F5" in win.sync.sync_action.shortcut().toString()
    assert win.reload_action.shortcut().toString() != "F5"  # reload stays in the Bestand menu
    # a note typed before the sync survives the new version
    assert win.themes_tab.select_theme_number(9)
    qtbot.keyClicks(win.themes_tab.note_editor.edit, "Vragen over woningbouw")
    win.themes_tab.note_editor.flush()

    save_share(share_v2)
    with qtbot.waitSignal(win.sync.sig_new_version, timeout=10000), qtbot.waitSignal(win.sig_ready, timeout=10000):
        win.sync.sync_action.trigger()
    # In words on the status line; the version and the share's folder in its tooltip.
    assert "gepubliceerd door" in win.data_label.text() and "b2b2b2b2b2b2" not in win.data_label.text()
    assert "Gegevensversie (voor de griffie): b2b2b2b2b2b2" in win.data_label.toolTip()
    assert str(share_v2) in win.data_label.toolTip()  # origin: the share
    assert "Laatste synchronisatie:" in win.sync.sync_label.text()
    assert win.sync.changes_button.isVisible()
    assert _theme_count(win) == 16
    action_7 = next(a for a in win.state.data.plans[0].actions if a.number == 7)
    assert action_7.cost.amount == 2000  # the new file, not a snapshot of the old one

    dialog = win.sync.show_changes()
    qtbot.waitUntil(lambda: bool(dialog.change_lines()), timeout=10000)
    lines = dialog.change_lines()
    changed = [line for line in lines if "Acties" in line and "Actie 7" in line and "kosten" in line]
    assert changed and "€ 2.000" in changed[0], lines
    dialog.close()

    assert win.themes_tab.select_theme_number(9)
    assert win.themes_tab.note_editor.edit.toPlainText() == "Vragen over woningbouw"

    # a second sync: nothing new, the data stays
    with qtbot.waitSignal(win.sync.controller.sig_finished, timeout=10000) as blocker:
        win.sync.sync_action.trigger()
    assert blocker.args[0].changed is False


def test_unreachable_share_shows_dutch_message_and_keeps_data(qtbot, sync_window, tmp_path):
    win = sync_window
    save_share(tmp_path / "bestaat-niet")
    with qtbot.waitSignal(win.sync.sig_sync_failed, timeout=10000) as blocker:
        win.sync.sync_action.trigger()
    assert "niet bereikbaar" in blocker.args[0]
    bar = win.statusBar()
    qtbot.wait(50)  # the runner's end of work arrives after the failure: the message stays
    assert bar.currentMessage().startswith("Synchroniseren mislukt")  # cut with "…" where it does not fit
    assert "niet bereikbaar" in bar.full_message and "niet bereikbaar" in bar.toolTip()
    assert win.state.data is not None
    assert _theme_count(win) == 16
    assert win.sync.sync_action.isEnabled()


def test_an_unreachable_share_is_logged_as_a_warning_without_traceback(qtbot, sync_window, tmp_path, caplog):
    save_share(tmp_path / "bestaat-niet")
    caplog.set_level("DEBUG", logger="velsen_desk")
    with qtbot.waitSignal(sync_window.sync.sig_sync_failed, timeout=10000):
        sync_window.sync.sync_action.trigger()
    assert [r for r in caplog.records if r.levelname == "WARNING" and "niet bereikbaar" in r.getMessage()]
    assert not [r for r in caplog.records if r.levelno >= 40 or r.exc_info is not None]


def test_settings_dialog_chooses_and_saves_the_share(qtbot, sync_window, tmp_path, monkeypatch):
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(sync_window.sync, "start", lambda *a, **k: False)  # no sync from an empty folder here
    dialog = sync_window.sync.open_settings()
    assert dialog.share_edit.text() == ""
    dialog.browse_button.click()
    assert dialog.share_edit.text() == str(folder)
    dialog.accept()
    assert configured_share() == folder
    dialog = sync_window.sync.open_settings()
    assert dialog.share_edit.text() == str(folder)  # shows the current value
    dialog.reject()


def test_changes_view_without_previous_version_says_so(qtbot, sync_window):
    dialog = sync_window.sync.show_changes()
    qtbot.waitUntil(lambda: "eerdere versie" in dialog.summary.text(), timeout=10000)
    assert dialog.change_lines() == []
    dialog.close()


def test_rollback_menu_lists_kept_versions_shows_changes_and_goes_back(qtbot, sync_window, share_v2, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from velsen_desk.notes.notes_file import NotesFile, notes_path
    from velsen_desk.storage.database import inspect_database

    win = sync_window
    original = inspect_database(win.db_path).data_version
    NotesFile().save("velsen-2022.thema-09", "thema", "9. Wonen", "blijft staan", False)
    notes_before = notes_path().read_bytes()
    save_share(share_v2)
    with qtbot.waitSignal(win.sync.sig_new_version, timeout=10000), qtbot.waitSignal(win.sig_ready, timeout=10000):
        win.sync.sync_action.trigger()
    file_menu = win.menuBar().actions()[0].menu()
    assert win.sync.rollback_action in file_menu.actions()  # in the menu where sync lives

    win.sync.rollback_action.trigger()
    dialog = win.sync.rollback_dialog
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=10000)
    assert original in dialog.versions.item(0).toolTip()  # the version for the griffie, not in the list text
    assert original[:12] not in dialog.versions.item(0).text()
    assert any(ch.isdigit() for ch in dialog.versions.item(0).text().split("—")[0])  # the date it was in use
    assert "1 onderdeel" in dialog.summary.text()

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    dialog.restore()
    assert inspect_database(win.db_path).data_version == "b2b2b2b2b2b2b2b2"  # declined: nothing changed

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(win.sync.sig_new_version, timeout=10000), qtbot.waitSignal(win.sig_ready, timeout=10000):
        dialog.restore()
    assert f"Gegevensversie (voor de griffie): {original}" in win.data_label.toolTip()
    assert "Vorige versie van de gegevens, teruggezet op" in win.data_label.text()
    action_7 = next(a for a in win.state.data.plans[0].actions if a.number == 7)
    assert action_7.cost.amount != 2000
    assert notes_path().read_bytes() == notes_before


def test_damaged_settings_file_gives_its_own_message(qtbot, sync_window):
    from velsen_desk.sync.config import config_path

    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_bytes(b'{"share":' * 5000 + b'"x"' + b"}" * 5000)
    with qtbot.waitSignal(sync_window.sync.sig_sync_failed, timeout=5000) as failed:
        sync_window.sync.sync_action.trigger()
    assert "te diep genest" in failed.args[0]


def test_rollback_dialog_offers_the_kept_version_when_the_current_copy_is_junk(qtbot, sync_window, share_v2):
    """The moment rollback is needed most: the current copy is unreadable. The dialog says why it
    shows no differences and still lets the user go back (no "lukt niet")."""
    from velsen_desk.ui.sync.rollback import RollbackDialog

    win = sync_window
    save_share(share_v2)
    with qtbot.waitSignal(win.sync.sig_new_version, timeout=10000), qtbot.waitSignal(win.sig_ready, timeout=10000):
        win.sync.sync_action.trigger()
    junk = win.db_path.parent / "kapot" / win.db_path.name
    junk.parent.mkdir()
    (junk.parent / "versies").symlink_to(win.db_path.parent / "versies")
    junk.write_bytes(b"dit is geen database")
    dialog = RollbackDialog(junk, win)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=10000)
    assert "overgeslagen" in dialog.summary.text() and "lukt niet" not in dialog.summary.text()
