"""A large read kept out of the collector's full passes (core/heap.py), and trees without cycles."""

from __future__ import annotations

import gc
import threading
import weakref

from velsen_desk.core.heap import kept_out_of_collections


class Record:
    pass


def test_no_pass_runs_during_the_block_and_what_it_made_is_frozen_after_it():
    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()
    with kept_out_of_collections():
        assert not gc.isenabled()
        kept = [Record() for _ in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + len(kept)
    # Frozen objects are still freed by reference counting
    probe = weakref.ref(kept[0])
    del kept
    assert probe() is None


def test_overlapping_blocks_in_two_threads_enable_the_collector_only_when_both_ended():
    inside = threading.Event()
    leave = threading.Event()

    def other() -> None:
        with kept_out_of_collections():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    thread.start()
    inside.wait(5)
    with kept_out_of_collections():
        pass
    assert not gc.isenabled()  # the other thread's block still runs
    leave.set()
    thread.join(5)
    assert gc.isenabled()


def test_a_block_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with kept_out_of_collections():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_dropped_tree_is_freed_without_the_collector(qapp):
    # Frozen (the worker's read is), a tree with strong parent links would never be freed.
    from velsen_desk.ui.widgets.tree_model import Node

    root: Node[str] = Node("root")
    branch = root.add("branch", "a")
    leaf = branch.add("leaf", "b")
    assert leaf.parent is branch and branch.parent is root and root.parent is None
    probe = weakref.ref(leaf)
    gc.disable()
    try:
        del root, branch, leaf
        assert probe() is None
    finally:
        gc.enable()


def test_the_window_s_large_reads_are_kept_out_of_collections(window, qtbot, monkeypatch):
    # Each keeps a programme's worth of records: a collector pass over them held the
    # interpreter lock 35–140 ms at 100× (core/heap.py).
    from velsen_desk.ui.shared_progress import _SharedProgress
    from velsen_desk.ui.timeline import view as timeline_view

    monkeypatch.setattr(timeline_view, "LAYOUT_IN_WORKER", 0)  # the bundled plan is small
    started: dict[str, bool] = {}
    original = window.runner.start

    def spy(op):
        started[op.key or ""] = op.long_lived
        return original(op)

    window.runner.start = spy
    window.select_tab("timeline")
    for programme in ("heemskerk-2018", "velsen-2022"):
        window.select_programme(programme)
        qtbot.waitUntil(lambda programme=programme: window.state.data.programme.id == programme
                        and not window.runner.busy, timeout=10000)
    window.select_tab("progress")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)
    _SharedProgress().ask(window.runner, window.runner.database, "velsen-2022", lambda _progress: None)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)
    wanted = {"programme", "timeline-layout", "progress-overviews", "shared-progress"}
    assert wanted <= set(started), sorted(started)
    assert all(started[key] for key in wanted)
