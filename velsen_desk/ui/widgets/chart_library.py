"""pyqtgraph (with numpy) imported in a background thread, so no click waits half a second.

Importing them takes ~0.5 s. The window starts the import shortly after it shows its data; a
chart tab shown before that shows "Grafiek wordt geladen…" and builds its chart when
``sig_loaded`` arrives. The GUI thread itself never imports pyqtgraph, so it never blocks on
the import lock either.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager

from PySide6.QtCore import QObject, Signal

from velsen_desk.core.heap import kept_out_of_collections
from velsen_desk.core.shared_setting import SharedSetting

log = logging.getLogger(__name__)

PLOTTING_MODULE = "velsen_desk.ui.widgets.plotting"


# ---- A short interpreter switch interval while a worker thread does long Python work
#
# The GUI thread needs the interpreter lock for every callback into Python (a model's data(), a
# paint). With the default 5 ms switch interval a busy worker (importing pyqtgraph, making a
# report with ReportLab) kept a paint waiting 20–50 ms for the lock while the GUI thread itself
# worked ~1 ms. Workers may overlap: the interval returns to what it was when the last is done.

SHORT_INTERVAL = 0.0002  # seconds


def _shorten_interval() -> float:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(SHORT_INTERVAL)
    return previous


_short_interval = SharedSetting(_shorten_interval, sys.setswitchinterval)


# ---- The threads that import while the window is idle (pyqtgraph here, the report dialog's
# modules in background_import), and waiting for them before the program ends.

_started: list[threading.Thread] = []


def start_import_thread(target: Callable[..., None], name: str, *args: object) -> threading.Thread:
    """A daemon thread that imports, known to :func:`wait_for_imports` (the one way this package
    starts one)."""
    thread = threading.Thread(target=target, args=args, name=name, daemon=True)
    _started.append(thread)
    thread.start()
    return thread


def wait_for_imports(seconds: float = 5.0) -> bool:
    """Before the program ends: let the import threads finish. A daemon thread still inside an
    import (in PySide6's C++ code) when the interpreter shuts down is stopped there, and the
    process then aborts ("terminate called without an active exception") instead of exiting.
    False when one was still busy after ``seconds``."""
    deadline = time.monotonic() + seconds
    for thread in list(_started):
        thread.join(max(0.0, deadline - time.monotonic()))
    _started[:] = [thread for thread in _started if thread.is_alive()]
    return not _started


def short_switch_interval() -> AbstractContextManager[None]:
    """Within it, the interpreter switches threads every 0.2 ms instead of every 5 ms."""
    return _short_interval.held()


class ChartLibrary(QObject):
    # ---- Signals
    sig_loaded = Signal()
    """pyqtgraph is imported; charts can be built now (delivered on the GUI thread)."""
    sig_failed = Signal(str)
    """The import failed; the message, for the placeholder."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._started = False
        self._loaded = False  # set by the import thread once the module is complete
        self.error: str | None = None

    # ---- Public API

    @property
    def loaded(self) -> bool:
        return self._loaded

    def request(self) -> bool:
        """True when charts can be built now; otherwise start the import (once) and return False."""
        if self.loaded:
            return True
        if not self._started:
            self._started = True
            start_import_thread(self._import, "chart-import")
        return False

    # ---- Private

    def _import(self) -> None:  # background thread
        # The import holds the interpreter lock for ~0.5 s of bytecode; every callback of the GUI
        # thread into Python (a model's data()) waits for it. A short switch interval lets those
        # callbacks in sooner (a paint meanwhile: ~30% shorter); the callers also start the
        # import only after the window or the chart tab has painted.
        try:
            with short_switch_interval(), kept_out_of_collections():  # modules live as long as the window
                __import__(PLOTTING_MODULE)
        except Exception as exc:  # shown in place of the chart, never a traceback
            log.exception("pyqtgraph kon niet geladen worden")
            self.error = str(exc)
            self.sig_failed.emit(self.error)
            return
        self._loaded = True
        self.sig_loaded.emit()


_library: ChartLibrary | None = None


def chart_library() -> ChartLibrary:
    """The one instance (created on the GUI thread, which its signals are delivered to)."""
    global _library
    if _library is None:
        _library = ChartLibrary()
    return _library
