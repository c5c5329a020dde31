"""Keeping what a large read makes out of the garbage collector's full passes.

Python's cyclic garbage collector runs a full pass when a quarter of the long-lived objects are
new, and a pass holds the interpreter lock from start to end: over the ~330,000 objects of a
window at 100× data one took 35–140 ms, in a worker reading a programme as much as in the GUI
thread, and either way the window froze for that long. A programme just read is long-lived and
acyclic (frozen records in tuples), so there is nothing in it for the collector to find: during
:func:`kept_out_of_collections` no pass runs, and at its end ``gc.freeze()`` moves every object
there is into the permanent generation, which passes skip. Reference counting still frees
those objects when the last reference goes (the records of a programme switched away from);
only a reference cycle among them would outlive its use, so what is read and kept holds none
(a tree's parent links are weak, see ``ui/widgets/tree_model.Node``).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_users = 0  # blocks running now, in any thread
_was_enabled = True


@contextmanager
def kept_out_of_collections() -> Iterator[None]:
    """No collector pass during the block (in any thread); afterwards what exists is frozen."""
    global _users, _was_enabled
    with _lock:
        if _users == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                gc.freeze()
                if _was_enabled:
                    gc.enable()
