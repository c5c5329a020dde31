"""Window findings of a newcomer's audit (2026-12-01), pinned as strict xfails until fixed."""

from __future__ import annotations

import re

from conftest import open_window
from PySide6.QtWidgets import QMenu
from test_ui_language import speak  # noqa: F401  (fixture)

from velsen_desk.ui.language import Language


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text)
    return found.group(1).lower() if found else None


def _clashes(window) -> list[tuple[str, str, list[str]]]:
    clashes = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        seen: dict[str, list[str]] = {}
        for action in menu.actions():
            key = None if action.isSeparator() else _mnemonic(action.text())
            if key is not None:
                seen.setdefault(key, []).append(action.text())
        clashes += [(top.text(), key, texts) for key, texts in seen.items() if len(texts) > 1]
    return clashes


def test_no_two_items_of_an_english_menu_share_their_alt_letter(qtbot, built_db, settings, speak):  # noqa: F811
    speak(Language.ENGLISH)
    window = open_window(qtbot, built_db, settings)
    assert _clashes(window) == []
    window.runner.wait(5000)


def test_no_two_items_of_a_dutch_menu_share_their_alt_letter(qtbot, built_db, settings):
    window = open_window(qtbot, built_db, settings)
    assert _clashes(window) == []
    window.runner.wait(5000)


def test_a_tab_shortcut_takes_the_keyboard_into_that_tab(qtbot, built_db, settings):
    from PySide6.QtWidgets import QApplication

    window = open_window(qtbot, built_db, settings)
    window.activateWindow()
    window.search.field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search.field)
    window.tab_actions[2].trigger()  # Beeld → Begroting, Ctrl+3
    assert window.tabs.currentIndex() == 2
    focus = QApplication.focusWidget()
    page = window.tabs.currentWidget()
    assert focus is not None and (focus is page or page.isAncestorOf(focus))
    window.runner.wait(5000)


def test_leaving_the_search_puts_the_keyboard_in_the_tabs_list(qtbot, built_db, settings):
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    window = open_window(qtbot, built_db, settings)
    window.activateWindow()
    window.search.field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search.field)
    window.search.sig_dismissed.emit()  # what the second Escape in the search field sends
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not window.search.field)
    assert isinstance(QApplication.focusWidget(), QAbstractItemView), QApplication.focusWidget()
    window.runner.wait(5000)
