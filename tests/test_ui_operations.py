"""The operation runner and the programme loader with qtbot: results on the GUI thread, stale
results dropped, progress delivered, cancel honoured; a pending selection applied after a load."""

from __future__ import annotations

import threading
from functools import partial

import pytest
from PySide6.QtCore import QThread

from velsen_desk.core.task_state import TaskState
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.search import SearchHit
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.programme_loader import ProgrammeLoader
from velsen_desk.ui.state import ViewState


def _value(value: str, _state: TaskState) -> str:
    return value


def _divide(a: int, b: int, _state: TaskState) -> float:
    return a / b


def _gated(gate: threading.Event, value: str, state: TaskState) -> str:
    """Reports progress, then waits for the test to open the gate (or for cancel)."""
    state.set_progress(25, "begonnen")
    while not gate.wait(0.01):
        state.raise_if_cancelled()
    state.raise_if_cancelled()
    return value


@pytest.fixture
def runner(qtbot):
    runner = OperationRunner()
    yield runner
    runner.wait(10000)


def test_success_arrives_on_the_gui_thread(qtbot, runner):
    got: list[str] = []
    threads: list[QThread] = []

    def success(result: str) -> None:
        got.append(result)
        threads.append(QThread.currentThread())

    with qtbot.waitSignal(runner.sig_busy_changed, check_params_cb=lambda busy, _label: not busy):
        runner.start(Operation(partial(_value, "klaar"), success=success))
    assert got == ["klaar"] and threads[0] is QThread.currentThread()


def test_failure_goes_to_the_failure_callback(qtbot, runner):
    errors: list[Exception] = []
    runner.start(Operation(partial(_divide, 1, 0), success=lambda _r: None, failure=errors.append))
    qtbot.waitUntil(lambda: not runner.busy)
    assert isinstance(errors[0], ZeroDivisionError)


def test_an_expected_failure_is_a_warning_without_traceback_and_a_bug_keeps_its_traceback(qtbot, runner,
                                                                                          caplog):
    errors: list[Exception] = []
    caplog.set_level("DEBUG", logger="velsen_desk.ui.operations")
    runner.start(Operation(partial(_divide, 1, 0), success=lambda _r: None, failure=errors.append,
                           key="expected", expected=(ArithmeticError,)))
    qtbot.waitUntil(lambda: not runner.busy)
    [record] = caplog.records
    assert record.levelname == "WARNING" and record.exc_info is None and "division by zero" in record.getMessage()
    caplog.clear()
    runner.start(Operation(partial(_divide, 1, 0), success=lambda _r: None, failure=errors.append,
                           key="bug", expected=(KeyError,)))
    qtbot.waitUntil(lambda: not runner.busy)
    [record] = caplog.records
    assert record.levelname == "ERROR" and record.exc_info is not None
    assert len(errors) == 2  # both still reach the failure callback


def test_a_newer_task_with_the_same_key_drops_and_cancels_the_stale_one(qtbot, runner):
    gate = threading.Event()
    got: list[str] = []
    first = runner.start(Operation(partial(_gated, gate, "oud"), success=got.append, key="k"))
    runner.start(Operation(partial(_value, "nieuw"), success=got.append, key="k"))
    assert first.is_cancelled()  # the stale one is asked to stop
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert got == ["nieuw"]


def test_progress_is_delivered_on_the_gui_thread_with_the_label(qtbot, runner):
    gate = threading.Event()
    seen: list[tuple[int, str, bool]] = []

    def progress(percent: int, message: str) -> None:
        seen.append((percent, message, QThread.currentThread() is runner.thread()))
        gate.set()

    with qtbot.waitSignal(runner.sig_busy_changed) as started:
        runner.start(Operation(partial(_gated, gate, "x"), success=lambda _r: None).with_progress("Bezig…", progress))
    assert started.args == [True, "Bezig…"]
    qtbot.waitUntil(lambda: not runner.busy)
    assert seen == [(25, "begonnen", True)]


def test_cancel_from_the_gui_thread_stops_the_work_and_skips_success(qtbot, runner):
    gate = threading.Event()
    got: list[str] = []
    cancelled: list[bool] = []
    op = Operation(partial(_gated, gate, "te laat"), success=got.append, key="rapport")
    op.with_progress("", lambda _p, _m: runner.cancel("rapport")).on_cancelled(lambda: cancelled.append(True))
    state = runner.start(op)
    qtbot.waitUntil(lambda: not runner.busy)
    assert state.is_cancelled() and cancelled == [True] and got == []


# ---- The programme loader


@pytest.fixture
def loader(qtbot, built_db, runner):
    runner.set_database(ReadOnlyDatabase(built_db))
    state = ViewState()
    loader = ProgrammeLoader(runner, state)
    with qtbot.waitSignal(loader.sig_programme_loaded, timeout=20000):
        loader.start()
    return loader, state


def test_the_catalogue_then_the_default_programme_load_into_the_state(loader):
    loader, state = loader
    assert loader.catalog is not None and state.data is not None
    assert state.data.programme.id == "velsen-2022" and state.person_id is None


def test_a_person_is_kept_through_the_state_when_the_new_programme_has_them(qtbot, loader):
    loader, state = loader
    person = state.data.college[0].id
    state.set_person(person)
    changes: list[object] = []
    state.sig_person_changed.connect(changes.append)
    with qtbot.waitSignal(loader.sig_programme_loaded, timeout=20000):
        loader.load("velsen-2022")
    assert state.person_id == person and changes == []
    with qtbot.waitSignal(loader.sig_programme_loaded, timeout=20000):
        loader.load("heemskerk-2018")
    assert state.person_id is None and changes == [None]  # cleared, and said so


def test_a_person_asked_by_name_at_start_is_chosen(qtbot, built_db, runner):
    runner.set_database(ReadOnlyDatabase(built_db))
    state = ViewState()
    loader = ProgrammeLoader(runner, state)
    with qtbot.waitSignal(loader.sig_programme_loaded, timeout=20000):
        loader.start("velsen-2022", "Marianne Steijn")
    assert state.data.person(state.person_id).name == "Marianne Steijn"


def test_a_hit_in_another_programme_waits_for_it_then_is_requested(qtbot, loader):
    loader, state = loader
    requests: list[tuple[str, str]] = []
    loaded: list[str] = []
    state.sig_item_requested.connect(lambda kind, item: requests.append((kind, item)))
    state.sig_programme_loaded.connect(lambda data: loaded.append(data.programme.id))
    hit = SearchHit(kind="persoon", ref_id="x", programme_id="heemskerk-2018", title="t", snippet="s")
    with qtbot.waitSignal(loader.sig_programme_chosen) as chosen:
        assert loader.open_hit(hit)
    assert chosen.args == ["heemskerk-2018"] and requests == [] and loader.pending_hit == hit
    qtbot.waitUntil(lambda: bool(requests), timeout=20000)
    assert loaded == ["heemskerk-2018"] and requests == [("persoon", "x")] and loader.pending_hit is None
    assert loader.open_hit(SearchHit(kind="thema", ref_id="y", programme_id="heemskerk-2018", title="t",
                                     snippet="s"))
    assert requests[-1] == ("thema", "y")  # the programme is loaded: asked at once
    assert not loader.open_hit(SearchHit(kind="thema", ref_id="z", programme_id="onbekend", title="t",
                                         snippet="s"))


class _Result:
    """A result that can be watched with a weak reference."""


def _make_result(_state: TaskState) -> _Result:
    return _Result()


def test_a_delivered_result_and_its_callbacks_are_let_go(qtbot, runner):
    # The thread pool keeps the runnables; each used to keep its result (a programme read:
    # ~26 MB more with every programme switch at 2,000 actions) and the callbacks' closures.
    import gc
    import weakref

    seen: list[weakref.ref[_Result]] = []
    captured = _Result()  # held by the success callback's closure only
    captured_ref = weakref.ref(captured)

    def success(result: _Result, _kept: _Result = captured) -> None:
        seen.append(weakref.ref(result))

    with qtbot.waitSignal(runner.sig_busy_changed, check_params_cb=lambda busy, _label: not busy):
        runner.start(Operation(_make_result, success=success))
    del captured, success
    gc.unfreeze()  # a background import elsewhere may have frozen what existed (core/heap.py)
    gc.collect()
    assert seen and seen[0]() is None
    assert captured_ref() is None


def test_a_task_that_outlives_its_runner_ends_quietly(qtbot):
    # A window closed while its worker ran: the worker's "done" (and progress) found the
    # runner's signal source deleted and raised in the worker thread.
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    gate = threading.Event()
    runner = OperationRunner()
    runner.start(Operation(partial(_gated, gate, "later"), success=lambda _value: None))
    runner.deleteLater()
    QCoreApplication.sendPostedEvents(runner, QEvent.Type.DeferredDelete.value)
    gate.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(20)  # pytest-qt fails the test on an exception in the worker's run()


def test_a_task_that_outlives_its_runner_stops_at_its_next_check(qtbot):
    # Nobody is left to hear the outcome: the work (a report, a sync) should not run to its end
    # (the process's exit waits for the pool), but stop at its next check, writing nothing more.
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    gate = threading.Event()
    steps: list[int] = []

    def work(state: TaskState) -> None:
        gate.wait(5)
        for step in range(100):
            state.set_progress(step, "bezig")
            state.raise_if_cancelled()
            steps.append(step)

    runner = OperationRunner()
    task = runner.start(Operation(work, success=lambda _value: None))
    runner.deleteLater()
    QCoreApplication.sendPostedEvents(runner, QEvent.Type.DeferredDelete.value)
    gate.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(20)
    assert task.is_cancelled() and steps == []
