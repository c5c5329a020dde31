"""One read of a programme's progress for every tab that shows it.

The Tijdlijn, the Voortgang tab and the theme pane each read the same programme's progress
(:func:`read_programme_progress`); at 100× one read keeps a pool thread busy for seconds, and
three of them kept both pool threads busy at once (every GUI-thread call into Python then waits
for the interpreter lock). :func:`read_progress` starts the read once per database and
programme, hands its result to every caller that asked while it ran, and keeps the latest
result for the callers that come after.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from functools import partial

from velsen_desk.core.progress_records import ProgressData
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.progress_reader import read_programme_progress
from velsen_desk.ui.operations import Operation, OperationRunner

log = logging.getLogger(__name__)

Receiver = Callable[[ProgressData], None]


class _SharedProgress:
    """The kept result and the waiting callers of one runner."""

    def __init__(self) -> None:
        # Keyed by the database object (a new one for every synced or rolled-back file) and the
        # programme id; only the latest result is kept: the window shows one programme at a time.
        self.result: tuple[ReadOnlyDatabase, str, ProgressData] | None = None
        self.waiting: dict[tuple[int, str], list[Receiver]] = {}
        self.reads = 0  # reads started, for the tests

    def ask(self, runner: OperationRunner, database: ReadOnlyDatabase, programme_id: str, receiver: Receiver) -> None:
        if self.result is not None and self.result[0] is database and self.result[1] == programme_id:
            receiver(self.result[2])
            return
        key = (id(database), programme_id)
        if key in self.waiting:
            self.waiting[key].append(receiver)
            return
        # The key cancels the read of a programme shown before (its result would be dropped
        # anyway), so its callers are forgotten with it: a later ask reads again.
        self.waiting = {key: [receiver]}
        self.reads += 1
        op = Operation(partial(read_programme_progress, database, programme_id),
                       success=lambda progress: self._done(database, programme_id, progress),
                       failure=lambda error: self._failed(key, error), key="shared-progress", long_lived=True)
        runner.start(op)

    def _done(self, database: ReadOnlyDatabase, programme_id: str, progress: ProgressData) -> None:
        self.result = (database, programme_id, progress)
        for receiver in self.waiting.pop((id(database), programme_id), []):
            receiver(progress)

    def _failed(self, key: tuple[int, str], error: Exception) -> None:
        self.waiting.pop(key, None)  # a later ask reads again
        log.error("reading the progress failed: %s", error)


_shared: weakref.WeakKeyDictionary[OperationRunner, _SharedProgress] = weakref.WeakKeyDictionary()


def shared_of(runner: OperationRunner) -> _SharedProgress:
    """The shared reads of ``runner`` (one per window)."""
    shared = _shared.get(runner)
    if shared is None:
        shared = _shared[runner] = _SharedProgress()
    return shared


def read_progress(runner: OperationRunner, programme_id: str, receiver: Receiver) -> None:
    """Call ``receiver`` (on the GUI thread) with the progress of ``programme_id`` in the
    runner's current database: at once when it was read already, else when the one read ends.
    The receiver checks itself whether its programme is still the one shown."""
    database = runner.database
    assert database is not None  # callers without a database show empty progress themselves
    shared_of(runner).ask(runner, database, programme_id, receiver)
