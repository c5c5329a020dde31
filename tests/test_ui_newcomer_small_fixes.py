"""Small window fixes from the newcomer audit (findings 10 and 11)."""

from __future__ import annotations

import re

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QLabel
from test_ui_language import speak  # noqa: F401  (fixture)

from velsen_desk.ui.language import Language
from velsen_desk.ui.operations import OperationRunner
from velsen_desk.ui.progress_entry import connect_dialog
from velsen_desk.ui.progress_entry.connect_dialog import ConnectDialog
from velsen_desk.ui.sync.settings import SettingsDialog


def _letters(dialog: SettingsDialog) -> list[str]:
    texts = [w.text() for w in dialog.findChildren(QAbstractButton)]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    return [m.group(1).lower() for t in texts if (m := re.search(r"&([^&])", t))]


def _check_settings_letters(qtbot, tmp_path) -> None:
    dialog = SettingsDialog(None, QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    letters = _letters(dialog)
    assert len(letters) == 6 and len(set(letters)) == len(letters), letters  # Opslaan/Annuleren included


def test_every_settings_button_has_its_own_alt_letter_in_dutch(qtbot, tmp_path, isolated_home):
    _check_settings_letters(qtbot, tmp_path)


def test_every_settings_button_has_its_own_alt_letter_in_english(qtbot, tmp_path, isolated_home, speak):  # noqa: F811
    speak(Language.ENGLISH)
    _check_settings_letters(qtbot, tmp_path)


def test_a_disabled_remember_box_says_why_on_screen(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(connect_dialog, "keyring_usable", lambda: False)
    dialog = ConnectDialog(OperationRunner(None), QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.remember_box.isEnabled()
    assert dialog.remember_note.isVisible() and "sleutelhanger" in dialog.remember_note.text()
