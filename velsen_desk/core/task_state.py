"""Progress and cancel of one background task, as one object (after Orange3's ``TaskState``).

A worker function takes a :class:`TaskState` and calls :meth:`TaskState.set_progress` and
:meth:`TaskState.raise_if_cancelled` between its steps; the window cancels from the GUI thread.
This module imports no Qt, so the report and sync code can accept a state and be tested with a
plain one. Cancelling is cooperative: work stops at its next check, never in the middle of a write.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

ProgressCallback = Callable[[int, str], None]
"""(percent 0–100, Dutch message); called on the worker's thread."""


class Cancelled(Exception):  # noqa: N818 - a state, not an error: "the work was cancelled"
    """The task was cancelled before it finished; it wrote nothing."""


class TaskState:
    """Shared by one worker and the GUI thread; every method may be called from either."""

    def __init__(self, on_progress: ProgressCallback | None = None) -> None:
        self._on_progress = on_progress
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._percent = 0
        self._message = ""

    # ---- For the worker

    def set_progress(self, percent: float, message: str = "") -> None:
        """Report how far the work is (clamped to 0–100) and what it does now."""
        value = max(0, min(100, round(percent)))
        with self._lock:
            self._percent, self._message = value, message
        if self._on_progress is not None:
            self._on_progress(value, message)

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise :class:`Cancelled` when cancel was asked; call it between steps."""
        if self._cancelled.is_set():
            raise Cancelled

    # ---- For the caller

    def cancel(self) -> None:
        """Ask the work to stop at its next check (idempotent)."""
        self._cancelled.set()

    @property
    def progress(self) -> int:
        with self._lock:
            return self._percent

    @property
    def message(self) -> str:
        with self._lock:
            return self._message
