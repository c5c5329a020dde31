"""Sync from the window: runs :func:`velsen_desk.sync.sync` in a worker and reports back.

The controller holds no widgets. Progress (bytes copied) crosses threads as a queued signal;
the result (a frozen :class:`SyncResult`) or the Dutch :class:`SyncError` arrives on the GUI
thread. While a sync runs, a second request is ignored.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from velsen_desk.core.task_state import TaskState
from velsen_desk.sync.config import ConfigError, configured_share
from velsen_desk.sync.files import Progress
from velsen_desk.ui.operations import Operation, OperationRunner

if TYPE_CHECKING:  # the sync itself is imported by the worker that runs it, not at start-up
    from velsen_desk.sync.sync import SyncResult

log = logging.getLogger(__name__)


# ---- Work (worker thread; touches no widget)


def run_sync(share: Path, local_db: Path, on_bytes: Progress, automatic: bool, _state: TaskState) -> SyncResult:
    """Fetch a newer verified copy from ``share``; ``on_bytes(done, total)`` while copying.
    An ``automatic`` sync (at start-up) skips a version the user rolled back from."""
    from velsen_desk.sync.sync import sync

    return sync(share, local_db, on_bytes, automatic=automatic)


class _ProgressEmitter(QObject):
    sig_progress = Signal(int, int)
    """(bytes done, bytes total); emitted from the worker, delivered queued on the GUI thread."""


class SyncController(QObject):
    # ---- Signals
    sig_started = Signal()
    """A sync started."""
    sig_progress = Signal(int, int)
    """(bytes copied, bytes total) while the new file is copied."""
    sig_finished = Signal(object)
    """The sync succeeded: the :class:`SyncResult` (``changed`` says whether a new version came)."""
    sig_failed = Signal(str, bool)
    """(Dutch message, automatic): the sync failed; the local copy is unchanged."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = OperationRunner(None, self)
        self._emitter = _ProgressEmitter(self)
        self._emitter.sig_progress.connect(self.sig_progress)
        self._running = False

    # ---- Public API

    @property
    def running(self) -> bool:
        return self._running

    def start(self, local_db: Path, share: Path | None = None, *, automatic: bool = False) -> bool:
        """Sync ``local_db`` from ``share`` (default: the configured share). False when nothing started."""
        if self._running:
            return False
        if share is None:
            try:
                share = configured_share()
            except ConfigError as exc:
                self.sig_failed.emit(str(exc), automatic)
                return False
        if share is None:
            if not automatic:
                self.sig_failed.emit(
                    self.tr("Er is nog geen gedeelde map ingesteld. Kies er een via Bestand → Instellingen…"),
                    automatic,
                )
            return False
        self._running = True
        self.sig_started.emit()
        from velsen_desk.sync.sync import SyncError  # run_sync imports it in a moment anyway

        op = Operation(partial(run_sync, share, local_db, self._emitter.sig_progress.emit, automatic),
                       success=self._on_done, failure=partial(self._on_error, automatic=automatic), key="sync",
                       expected=(SyncError,))
        self.runner.start(op)
        return True

    def wait(self, msecs: int = 30000) -> bool:
        return self.runner.wait(msecs)

    # ---- Private

    def _on_done(self, result: SyncResult) -> None:
        self._running = False
        self.sig_finished.emit(result)

    def _on_error(self, error: Exception, automatic: bool) -> None:
        from velsen_desk.sync.sync import SyncError  # imported by run_sync by now

        self._running = False
        if isinstance(error, SyncError):
            message = str(error)
        else:
            log.error("sync failed unexpectedly: %s", error)
            message = self.tr("Synchroniseren mislukt ({0}). U werkt verder met uw lokale kopie.").format(error)
        self.sig_failed.emit(message, automatic)
