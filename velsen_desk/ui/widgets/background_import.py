"""Modules imported in a background thread while the window is idle, so the first click that
needs them finds them imported (the report dialog's modules with QtPdf: ~30 ms on the GUI thread).

Started after pyqtgraph's import (see :mod:`velsen_desk.ui.widgets.chart_library`), never beside
it: two imports at once would share the interpreter lock with the GUI thread three ways. A module
that fails here is imported again on first use, which shows the error the usual way.

After them, the source lines Python keeps of every imported module are let go
(:func:`forget_import_sources`): PySide6's import hook reads the source of each module imported
after it (``inspect.getsource`` in shibokensupport's ``feature_imported``), and ``linecache``
keeps it: ~10 MB for the window's ~375 modules, a tenth of its memory before any data.
"""

from __future__ import annotations

import importlib
import linecache
import logging
import sys
import threading

from velsen_desk.core.heap import kept_out_of_collections
from velsen_desk.ui.widgets.chart_library import short_switch_interval, start_import_thread

log = logging.getLogger(__name__)


def import_in_background(*modules: str) -> threading.Thread | None:
    """Import those of ``modules`` not imported yet in a daemon thread; None when all are."""
    missing = [name for name in modules if name not in sys.modules]
    if not missing:
        return None
    return start_import_thread(_import, "background-import", missing)


def _import(modules: list[str]) -> None:  # background thread
    # GUI-thread callbacks get the lock sooner; modules live as long as the window (core/heap.py)
    with short_switch_interval(), kept_out_of_collections():
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:
                log.exception("%s kon niet vooraf geladen worden", name)
    forget_import_sources()


def forget_import_sources() -> None:
    """Empty ``linecache`` (a traceback reads the lines it needs again)."""
    linecache.clearcache()
