"""Expanding a large tree a batch per event-loop turn, so no single turn freezes the window.

``QTreeView.expandAll()`` lays out every row in one go, and with a Python model each row costs
a few calls back into Python: 2,000 actions kept the GUI thread busy ~150 ms. Here branches are
expanded parents first (each expand lays out one level), as many as fit in :data:`BATCH_MS`,
and the rest after the paints already queued (:func:`after_paints`), so the rows on screen show
at once and the window stays responsive. A new expansion, or a reset or re-layout of the model,
cancels the one still running.

While a background task runs (a programme read, a layout), the batches wait, at most
:data:`MAX_WAIT_MS` in all per expansion of a tree on screen, and as long as it runs for a hidden
tree: each of their calls back into Python would wait for the interpreter lock that the worker
holds, and a batch of ~8 ms of work took 0.5 s of one turn at 2,000 actions (see
:func:`workers_busy`).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QTreeView

from velsen_desk.ui.widgets.after_paint import after_paints

WAIT_MS = 15  # how often a waiting batch looks again whether the workers are done
MAX_WAIT_MS = 600  # in all per expansion: a long task (reading 2,000 actions' progress, a report) does not hold it up
BATCH_MS = 8  # with the paint that follows (~25 ms for a full tree at 1280×720), under 50 ms


def workers_busy() -> bool:
    """True while a background task runs on the shared thread pool (every :class:`Operation`)."""
    return QThreadPool.globalInstance().activeThreadCount() > 0


class TreeExpander(QObject):
    # ---- Signals
    sig_done = Signal()
    """The last batch of an expansion was expanded (not emitted for a cancelled one)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._pending: Iterator[QModelIndex | QPersistentModelIndex] | None = None
        self._generation = 0
        self._waited = 0.0  # seconds this expansion has waited for the workers so far
        self._model = view.model()
        self._watch(self._model)

    # ---- Public API

    @property
    def busy(self) -> bool:
        """True while branches are still waiting for a later turn."""
        return self._pending is not None

    def expand_all(self) -> None:
        """Expand every branch: the first batch now, the rest in later turns."""
        self.expand(self._branches(QModelIndex()))

    def expand(self, indexes: Iterable[QModelIndex | QPersistentModelIndex]) -> None:
        """Expand ``indexes`` (of the view's model), in the order given: parents before children."""
        self.cancel()
        # With a layout pending, expand() only notes the index, and that layout then lays out
        # every expanded row in one turn: do the pending one first (cheap while little is open).
        self._view.executeDelayedItemsLayout()
        self._pending = iter(indexes)
        self._waited = 0.0
        self._step(self._generation, first=True)

    def cancel(self) -> None:
        self._generation += 1
        self._pending = None

    # ---- Private

    def _watch(self, model: QObject | None) -> None:
        if model is None:
            return
        for signal in ("modelAboutToBeReset", "layoutAboutToBeChanged", "rowsAboutToBeRemoved"):
            getattr(model, signal).connect(self.cancel)

    def _branches(self, parent: QModelIndex) -> Iterator[QModelIndex]:
        """The view's model's branches below ``parent``, parents first, read as they are needed."""
        model = self._view.model()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if model.hasChildren(index):
                yield index
                yield from self._branches(index)

    def _should_wait(self, first: bool) -> bool:
        """Wait for the busy workers? A hidden tree waits as long as they run (nobody sees it
        yet, and a big branch expanded against a worker took ~0.1 s of one turn); a visible
        one expands its first batch at once, then waits at most MAX_WAIT_MS in all."""
        if not self._view.isVisible():
            return True
        if first or self._waited >= MAX_WAIT_MS / 1000:
            return False
        self._waited += WAIT_MS / 1000
        return True

    def _step(self, generation: int, first: bool = False) -> None:
        if generation != self._generation or self._pending is None:
            return
        if workers_busy() and self._should_wait(first):
            QTimer.singleShot(WAIT_MS, self, lambda: self._step(generation))
            return
        if self._view.model() is not self._model:  # a new model: its own signals from now on
            self._model = self._view.model()
            self._watch(self._model)
            self.cancel()
            return
        deadline = time.perf_counter() + BATCH_MS / 1000
        for index in self._pending:
            if index.isValid():
                self._view.expand(index)
            if time.perf_counter() >= deadline:
                after_paints(self, lambda: self._step(generation))
                return
        self._pending = None
        self.sig_done.emit()
