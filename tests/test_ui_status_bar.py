"""The status bar elides a message that does not fit with "…", and elides it again when the
window is resized: wider shows more of it (all of it when it fits), narrower cuts it again."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from velsen_desk.ui.widgets.status_bar import ElidingStatusBar

MESSAGE = ("Synchroniseren mislukt: de gedeelde map \\\\griffie\\velsen-desk\\publicatie is niet bereikbaar; "
           "de vorige gegevens blijven open")


def _window(qtbot, width: int) -> tuple[QMainWindow, ElidingStatusBar]:
    window = QMainWindow()
    bar = ElidingStatusBar(window)
    window.setStatusBar(bar)
    bar.addPermanentWidget(QLabel("Gegevens van 1 december 2026", window))
    qtbot.addWidget(window)
    window.resize(width, 300)
    window.show()
    qtbot.waitExposed(window)
    return window, bar


def test_the_message_is_elided_again_when_the_window_is_resized(qtbot):
    window, bar = _window(qtbot, 500)
    changes: list[str] = []
    bar.messageChanged.connect(changes.append)
    bar.showMessage(MESSAGE, 600_000)
    narrow = bar.currentMessage()
    assert narrow.endswith("…") and MESSAGE.startswith(narrow[:-1])
    assert bar.full_message == MESSAGE and bar.toolTip() == MESSAGE

    window.resize(1900, 300)
    qtbot.waitUntil(lambda: bar.currentMessage() != narrow)
    assert bar.currentMessage() == MESSAGE  # room enough now: the whole message

    window.resize(700, 300)
    qtbot.waitUntil(lambda: bar.currentMessage() != MESSAGE)
    again = bar.currentMessage()
    assert again.endswith("…") and MESSAGE.startswith(again[:-1])
    assert len(narrow) < len(again) < len(MESSAGE)  # more room than at 500 px, less than the whole
    # The same message throughout: a resize does not announce a new one, and the timeout still runs.
    assert changes == [narrow]
    assert bar.full_message == MESSAGE


def test_a_resize_without_a_message_shows_none(qtbot):
    window, bar = _window(qtbot, 500)
    bar.showMessage(MESSAGE)
    bar.clearMessage()
    window.resize(1200, 300)
    qtbot.waitUntil(lambda: bar.width() > 1000)
    assert bar.currentMessage() == "" and bar.full_message == ""
