"""A short interpreter switch interval while a worker thread does long Python work.

The GUI thread needs the interpreter lock for every callback into Python (a model's ``data()``,
a paint). With the default 5 ms switch interval a busy worker (importing pyqtgraph, making a
report with ReportLab) kept a paint waiting 20–50 ms for the lock while the GUI thread itself
worked ~1 ms. Several workers may overlap: the interval goes back to what it was when the last
one is done.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SHORT_INTERVAL = 0.0002  # seconds

_lock = threading.Lock()
_users = 0
_previous = 0.0


@contextmanager
def short_switch_interval() -> Iterator[None]:
    global _users, _previous
    with _lock:
        if _users == 0:
            _previous = sys.getswitchinterval()
            sys.setswitchinterval(SHORT_INTERVAL)
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                sys.setswitchinterval(_previous)
