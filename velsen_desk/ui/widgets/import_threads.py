"""The threads that import modules while the window is idle (pyqtgraph, the report dialog's
modules), and waiting for them before the program ends."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

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
