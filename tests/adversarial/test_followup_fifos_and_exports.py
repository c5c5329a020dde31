"""Follow-up attack (own): a FIFO at origin.json, at the recovery file or handed to "Importeren"
is refused without blocking; a notes export never writes through a symlink or into a FIFO, and
the exported file is readable by the user alone."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from velsen_desk.notes.notes_file import NotesError, NotesFile
from velsen_desk.notes.recovery import read_recovery
from velsen_desk.storage.local_copy import ORIGIN_FILE, read_origin

ANCHOR = "velsen-2022.thema-01"


def _within(seconds: float, work: Callable[[], object], fifo: Path) -> object:
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except Exception as exc:  # the outcome is asserted by the caller
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        # release a blocked reader or writer (a read end, then a write end, both non-blocking)
        read_end = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        write_end = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(write_end)
        os.close(read_end)
        pytest.fail(f"blocked on the FIFO {fifo}")
    return outcome[0]


def test_origin_fifo_counts_as_unknown_without_blocking(tmp_path):
    db = tmp_path / "velsen-desk.sqlite"
    os.mkfifo(tmp_path / ORIGIN_FILE)
    assert _within(10, lambda: read_origin(db), tmp_path / ORIGIN_FILE) == {}


def test_recovery_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "notities-herstel.json"
    os.mkfifo(fifo)
    outcome = _within(10, lambda: read_recovery(fifo), fifo)
    assert isinstance(outcome, NotesError) and "geen gewoon bestand" in str(outcome)


def test_import_of_a_fifo_is_refused_without_blocking(tmp_path):
    store = NotesFile(tmp_path / "n.sqlite")
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)
    outcome = _within(10, lambda: store.import_file(fifo), fifo)
    assert isinstance(outcome, NotesError) and "geen gewoon bestand" in str(outcome)


@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_export_never_writes_through_a_link_or_into_a_fifo(tmp_path, kind):
    store = NotesFile(tmp_path / "n.sqlite")
    store.save(ANCHOR, "thema", "Thema 1", "privé", True)
    victim = tmp_path / "victim.txt"
    victim.write_text("x")
    target = tmp_path / "export.json"
    if kind == "symlink":
        target.symlink_to(victim)
    else:
        os.mkfifo(target)
    outcome = _within(10, lambda: store.export(target), target)
    assert isinstance(outcome, NotesError) and "geen gewoon bestand" in str(outcome)
    assert victim.read_text() == "x"


def test_export_is_owner_only_and_round_trips(tmp_path):
    store = NotesFile(tmp_path / "n.sqlite")
    store.save(ANCHOR, "thema", "Thema 1", "privé", True)
    target = tmp_path / "export.json"
    assert store.export(target) == 1
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    other = NotesFile(tmp_path / "m.sqlite")
    assert other.import_file(target) == 1
    assert other.get(ANCHOR) == store.get(ANCHOR)
