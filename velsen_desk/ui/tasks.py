"""One way to run work off the GUI thread (after Anki's ``QueryOp``).

``runner.run(op, success=..., failure=...)`` calls ``op(db)`` in a ``QThreadPool`` worker with
the open :class:`ReadOnlyDatabase` (``None`` while no database is open yet; ``db.read(fn)`` gives
``fn`` a session of its own, one unit of work), then calls
``success(result)`` or ``failure(exc)`` on the GUI thread. ``op`` must not touch widgets; its
result must be plain data (frozen dataclasses).
Starting a task with the same ``key`` as a running one makes the older result stale: it is
dropped instead of delivered.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from velsen_desk.storage.database import ReadOnlyDatabase

log = logging.getLogger(__name__)

Op = Callable[[ReadOnlyDatabase | None], Any]


class _Emitter(QObject):
    sig_done = Signal(int, object, object)
    """(task id, result, exception); emitted from the worker, delivered queued on the GUI thread."""


class _Job(QRunnable):
    def __init__(self, task_id: int, database: ReadOnlyDatabase | None, op: Op, emitter: _Emitter):
        super().__init__()
        self._task_id = task_id
        self._database = database
        self._op = op
        self._emitter = emitter

    def run(self) -> None:  # worker thread
        try:
            result = self._op(self._database)
        except Exception as exc:  # delivered to the failure callback, never lost
            log.exception("background task failed")
            self._emitter.sig_done.emit(self._task_id, None, exc)
        else:
            self._emitter.sig_done.emit(self._task_id, result, None)


class TaskRunner(QObject):
    """Runs read operations on a thread pool; callbacks come back on the GUI thread."""

    # ---- Signals
    sig_busy_changed = Signal(bool, str)
    """(busy, label): a task started or the last one ended; for a progress indicator."""

    def __init__(
        self, database: ReadOnlyDatabase | None, parent: QObject | None = None, pool: QThreadPool | None = None
    ):
        super().__init__(parent)
        self._database = database
        self._pool = pool or QThreadPool.globalInstance()
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[str | None, Callable[[Any], None], Callable[[Exception], None] | None]] = {}
        self._latest: dict[str, int] = {}
        self._emitter = _Emitter(self)
        self._emitter.sig_done.connect(self._on_done)

    # ---- Public API

    def set_database(self, database: ReadOnlyDatabase) -> None:
        """The database to read from now on (tasks started later get it)."""
        self._database = database

    def run(
        self,
        op: Op,
        *,
        success: Callable[[Any], None],
        failure: Callable[[Exception], None] | None = None,
        key: str | None = None,
        label: str = "",
    ) -> int:
        task_id = next(self._ids)
        self._pending[task_id] = (key, success, failure)
        if key is not None:
            self._latest[key] = task_id
        self.sig_busy_changed.emit(True, label)
        self._pool.start(_Job(task_id, self._database, op, self._emitter))
        return task_id

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (for shutdown); queued callbacks still need the event loop."""
        return self._pool.waitForDone(msecs)

    # ---- Private

    @Slot(int, object, object)
    def _on_done(self, task_id: int, result: object, error: object) -> None:
        key, success, failure = self._pending.pop(task_id, (None, None, None))
        stale = key is not None and self._latest.get(key) != task_id
        try:
            if success is None or stale:
                return
            if error is not None:
                if failure is not None:
                    failure(error)  # type: ignore[arg-type]
                else:
                    log.error("task %s failed: %s", task_id, error)
            else:
                success(result)
        finally:
            if not self._pending:
                self.sig_busy_changed.emit(False, "")
