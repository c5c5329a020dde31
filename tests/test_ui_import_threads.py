"""The import threads are waited for before the program ends: a daemon thread still inside an
import when the interpreter shuts down aborts the process ("terminate called without an active
exception"), which a screenshot run showed as exit status -6."""

from __future__ import annotations

import threading

from velsen_desk.ui.widgets import chart_library as import_threads
from velsen_desk.ui.widgets.background_import import import_in_background
from velsen_desk.ui.widgets.chart_library import start_import_thread, wait_for_imports


def test_the_end_waits_until_an_import_thread_is_done():
    done: list[str] = []
    release = threading.Event()

    def slow_import() -> None:
        release.wait(10)
        done.append("imported")

    start_import_thread(slow_import, "test-import")
    assert wait_for_imports(0.05) is False and done == []  # still busy: said so, not hidden
    release.set()
    assert wait_for_imports() is True and done == ["imported"]
    assert import_threads._started == []


def test_the_background_imports_are_threads_the_end_waits_for(monkeypatch):
    names: list[str] = []
    real = import_threads.threading.Thread.start

    def spy(thread: threading.Thread) -> None:
        names.append(thread.name)
        real(thread)

    monkeypatch.setattr(import_threads.threading.Thread, "start", spy)
    thread = import_in_background("velsen_desk.core.report_kinds", "json.tool")
    assert thread is not None and thread in import_threads._started
    assert wait_for_imports() and names == ["background-import"]
