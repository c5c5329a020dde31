"""One way to run work off the GUI thread (after Anki's ``QueryOp``).

``runner.run(op, success=..., failure=...)`` calls ``op(session)`` in a ``QThreadPool`` worker
with a fresh read-only session (``None`` while no database is open yet), then calls
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
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

Op = Callable[[Session], Any]


class _Emitter(QObject):
    sig_done = Signal(int, object, object)
    """(task id, result, exception); emitted from the worker, delivered queued on the GUI thread."""


class _Job(QRunnable):
    def __init__(self, task_id: int, factory: sessionmaker | None, op: Op, emitter: _Emitter):
        super().__init__()
        self._task_id = task_id
        self._factory = factory
        self._op = op
        self._emitter = emitter

    def run(self) -> None:  # worker thread
        try:
            if self._factory is None:  # work that needs no database (e.g. opening it)
                result = self._op(None)
            else:
                with self._factory() as session:
                    result = self._op(session)
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
        self, factory: sessionmaker | None, parent: QObject | None = None, pool: QThreadPool | None = None
    ):
        super().__init__(parent)
        self._factory = factory
        self._pool = pool or QThreadPool.globalInstance()
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[str | None, Callable[[Any], None], Callable[[Exception], None] | None]] = {}
        self._latest: dict[str, int] = {}
        self._emitter = _Emitter(self)
        self._emitter.sig_done.connect(self._on_done)

    # ---- Public API

    def set_factory(self, factory: sessionmaker) -> None:
        """The database to read from now on (tasks started later get sessions from it)."""
        self._factory = factory

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
        self._pool.start(_Job(task_id, self._factory, op, self._emitter))
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
