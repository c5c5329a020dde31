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
from contextlib import AbstractContextManager

from velsen_desk.core.shared_setting import SharedSetting


def _pause() -> bool:
    was_enabled = gc.isenabled()
    gc.disable()
    return was_enabled


def _freeze_and_resume(was_enabled: bool) -> None:
    gc.freeze()
    if was_enabled:
        gc.enable()


_collections_paused = SharedSetting(_pause, _freeze_and_resume)


def kept_out_of_collections() -> AbstractContextManager[None]:
    """No collector pass during the block (in any thread); afterwards what exists is frozen."""
    return _collections_paused.held()
