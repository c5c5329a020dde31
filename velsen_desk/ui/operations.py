"""One way to run work off the GUI thread: a typed :class:`Operation` (after Anki's ``QueryOp``)
with progress and cancel in one :class:`~velsen_desk.core.task_state.TaskState` (after Orange3).

``Operation(work, success=...)`` describes the work: ``work(state) -> T`` runs in a
``QThreadPool`` worker, must not touch widgets and returns plain data (frozen dataclasses); it
reports ``state.set_progress(...)`` and polls ``state.raise_if_cancelled()``. Arguments are bound
beforehand (``functools.partial``) from named functions, see :mod:`velsen_desk.ui.jobs`.
``runner.start(op)`` (or ``op.run_in_background(runner)``) returns the state, whose ``cancel()``
the GUI thread may call. ``success(result)``, ``failure(exc)``, the progress callback and
``cancelled()`` are all called on the GUI thread. Starting an operation with the same ``key`` as
a running one cancels the older one and drops its result: a stale result is never delivered.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from contextlib import nullcontext
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

from velsen_desk.core.heap import kept_out_of_collections
from velsen_desk.core.task_state import Cancelled, ProgressCallback, TaskState
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.ui.widgets.chart_library import short_switch_interval

log = logging.getLogger(__name__)

T = TypeVar("T")


def _log_failure(error: Exception) -> None:
    log.error("background task failed: %s", error)


class Operation(Generic[T]):
    """What to run and whom to tell. Build it, optionally chain ``with_…``, then start it."""

    def __init__(
        self,
        work: Callable[[TaskState], T],
        *,
        success: Callable[[T], None],
        failure: Callable[[Exception], None] | None = None,
        key: str | None = None,
        expected: tuple[type[Exception], ...] = (),
        long_lived: bool = False,
    ) -> None:
        """``expected``: the failures the work reports on purpose (a share that cannot be reached,
        a missing field), logged as a warning without a traceback; anything else is a bug and is
        logged with its traceback. ``long_lived``: the work makes a large result that the window
        keeps (a programme read), run :func:`~velsen_desk.core.heap.kept_out_of_collections`."""
        self.work = work
        self.long_lived = long_lived
        self.expected = expected
        self.success = success
        self.failure: Callable[[Exception], None] = failure or _log_failure
        self.key = key
        self.label = ""
        self.progress: ProgressCallback | None = None
        self.cancelled: Callable[[], None] | None = None

    def with_progress(self, label: str = "", callback: ProgressCallback | None = None) -> Operation[T]:
        """``label`` for the window's busy indicator; ``callback(percent, message)`` on the GUI thread."""
        self.label = label
        self.progress = callback
        return self

    def on_cancelled(self, callback: Callable[[], None]) -> Operation[T]:
        """Called (GUI thread) when the work stopped because it was cancelled and is not stale."""
        self.cancelled = callback
        return self

    def run_in_background(self, runner: OperationRunner) -> TaskState:
        return runner.start(self)


class _Task(Protocol):
    key: str | None
    label: str
    state: TaskState

    def deliver(self) -> None: ...
    def deliver_progress(self, percent: int, message: str) -> None: ...
    def deliver_stale(self) -> None: ...
    def release(self) -> None: ...


class _Emitter(QObject):
    sig_done = Signal(int)
    """Task id; emitted from the worker, delivered queued on the GUI thread."""
    sig_progress = Signal(int, int, str)
    """(task id, percent, message); emitted from the worker, delivered on the GUI thread."""


class _Job(QRunnable, Generic[T]):
    """Holds the typed outcome between the worker and the GUI thread, so no cast is needed."""

    def __init__(self, task_id: int, operation: Operation[T], emitter: _Emitter) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until the outcome is delivered
        self.key = operation.key
        self.label = operation.label
        self._task_id = task_id
        self._operation: Operation[T] | None = operation  # None once delivered (see release)
        self._emitter = emitter
        self._result: tuple[T] | None = None
        self._error: Exception | None = None
        self.state = TaskState(self._report_progress)

    def run(self) -> None:  # worker thread
        operation = self._operation
        assert operation is not None  # released only after this ran
        try:
            # The GUI thread's calls back into Python (a model's index(), a paint) wait for the
            # interpreter lock this work holds: with the short interval ≤ 0.2 ms each, not 5 ms.
            kept = kept_out_of_collections() if operation.long_lived else nullcontext()
            with short_switch_interval(), kept:
                self._result = (operation.work(self.state),)
        except Exception as exc:  # delivered to the failure callback, never lost
            if isinstance(exc, operation.expected):
                log.warning("background task %s: %s", self.key or self.label, exc)
            elif not isinstance(exc, Cancelled):
                log.exception("background task failed")
            self._error = exc
        self._emit(self._emitter.sig_done, self._task_id)

    def _report_progress(self, percent: int, message: str) -> None:  # worker thread
        self._emit(self._emitter.sig_progress, self._task_id, percent, message)

    def _emit(self, signal: SignalInstance, *args: object) -> None:  # worker thread
        try:
            signal.emit(*args)
        except RuntimeError:  # the runner went with its window while this ran: nobody to tell
            log.debug("background task %s outlived its window", self.key or self.label)
            self.state.cancel()  # so the work stops at its next check (the process's exit waits for it)

    # GUI thread from here on

    def deliver(self) -> None:
        if self._operation is None:
            return
        if isinstance(self._error, Cancelled) or (self._error is None and self.state.is_cancelled()):
            if self._operation.cancelled is not None:
                self._operation.cancelled()
        elif self._error is not None:
            self._operation.failure(self._error)
        elif self._result is not None:
            self._operation.success(self._result[0])

    def deliver_progress(self, percent: int, message: str) -> None:
        if self._operation is not None and self._operation.progress is not None and not self.state.is_cancelled():
            self._operation.progress(percent, message)

    def deliver_stale(self) -> None:
        log.debug("dropped the result of a stale task %s", self.key)

    def release(self) -> None:
        """Let go of the result and the callbacks: the thread pool keeps every runnable that
        does not delete itself (PySide holds a reference), and with it a programme read each
        time, ~26 MB per programme switch at 2,000 actions."""
        self._result = None
        self._error = None
        self._operation = None


class OperationRunner(QObject):
    """Runs operations on a thread pool; every callback comes back on the GUI thread.

    ``database`` is the database that work started from now on should read; callers bind it
    into the work when they build an operation (``None`` while none is open yet)."""

    # ---- Signals
    sig_busy_changed = Signal(bool, str)
    """(busy, label): a task started or the last one ended; for a progress indicator."""

    def __init__(
        self,
        database: ReadOnlyDatabase | None = None,
        parent: QObject | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self._pool = pool or QThreadPool.globalInstance()
        self._ids = itertools.count(1)
        self._tasks: dict[int, _Task] = {}
        self._latest: dict[str, int] = {}
        self._emitter = _Emitter(self)
        self._emitter.sig_done.connect(self._on_done)
        self._emitter.sig_progress.connect(self._on_progress)

    # ---- Public API

    def set_database(self, database: ReadOnlyDatabase) -> None:
        self.database = database

    def start(self, operation: Operation[T]) -> TaskState:
        """Run ``operation``; a running one with the same key is cancelled and its result dropped."""
        task_id = next(self._ids)
        job = _Job(task_id, operation, self._emitter)
        self._tasks[task_id] = job
        if operation.key is not None:
            older = self._latest.get(operation.key)
            if older is not None and older in self._tasks:
                self._tasks[older].state.cancel()
            self._latest[operation.key] = task_id
        self.sig_busy_changed.emit(True, operation.label)
        self._pool.start(job)
        return job.state

    def cancel(self, key: str) -> None:
        """Cancel the latest task started with ``key`` (its ``cancelled`` callback follows)."""
        task_id = self._latest.get(key)
        if task_id is not None and task_id in self._tasks:
            self._tasks[task_id].state.cancel()

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (for shutdown); queued callbacks still need the event loop."""
        return self._pool.waitForDone(msecs)

    # ---- Private

    def _is_stale(self, task_id: int, task: _Task) -> bool:
        return task.key is not None and self._latest.get(task.key) != task_id

    def _on_done(self, task_id: int) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        try:
            if self._is_stale(task_id, task):
                task.deliver_stale()
            else:
                if task.key is not None:
                    del self._latest[task.key]
                task.deliver()
        finally:
            task.release()
            if not self._tasks:
                self.sig_busy_changed.emit(False, "")

    def _on_progress(self, task_id: int, percent: int, message: str) -> None:
        task = self._tasks.get(task_id)
        if task is not None and not self._is_stale(task_id, task):
            task.deliver_progress(percent, message)
