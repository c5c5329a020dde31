"""The Tijdlijn, the Voortgang tab and the theme pane share one read of a programme's progress."""

from __future__ import annotations

import threading

from velsen_desk.storage import progress_reader


def _count_reads(monkeypatch) -> list[str]:
    """Every read of a programme's progress from the database, whoever asks (worker threads)."""
    reads: list[str] = []
    lock = threading.Lock()
    real = progress_reader.read_progress

    def counting(conn, programme_id):
        with lock:
            reads.append(programme_id)
        return real(conn, programme_id)

    monkeypatch.setattr(progress_reader, "read_progress", counting)
    return reads


def _settle(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)
    qtbot.wait(50)  # results still queued for the GUI thread


def test_the_tabs_read_a_programmes_progress_once(window, qtbot, monkeypatch):
    programme = window.state.data.programme.id
    reads = _count_reads(monkeypatch)
    window.loader.load("heemskerk-2018")  # away and back: the kept result is another programme's
    qtbot.waitUntil(lambda: window.state.data.programme.id == "heemskerk-2018", timeout=10000)
    _settle(window, qtbot)
    window.loader.load(programme)
    qtbot.waitUntil(lambda: window.state.data.programme.id == programme, timeout=10000)
    _settle(window, qtbot)
    window.select_tab("timeline")
    window.select_tab("progress")
    _settle(window, qtbot)
    window.select_tab("themes")
    window.select_tab("timeline")
    _settle(window, qtbot)
    assert window.timeline_tab.progress is not None and window.progress_tab.progress is not None
    assert reads.count(programme) == 1  # the theme pane's, the Tijdlijn's and Voortgang's: one
