"""Background work without Qt: the task state, the named worker functions and the report
service's progress and cancel (called directly with a plain TaskState, no GUI)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from velsen_desk.core.task_state import Cancelled, TaskState
from velsen_desk.reports.request import ReportRequest
from velsen_desk.reports.service import generate_report
from velsen_desk.storage.database import DatabaseError, ReadOnlyDatabase

TODAY = dt.date(2026, 11, 24)


def test_task_state_clamps_progress_and_reports_it_to_the_callback():
    seen: list[tuple[int, str]] = []
    state = TaskState(lambda percent, message: seen.append((percent, message)))
    state.set_progress(-5, "begin")
    state.set_progress(42.4, "midden")
    state.set_progress(250)
    assert seen == [(0, "begin"), (42, "midden"), (100, "")]
    assert (state.progress, state.message) == (100, "")


def test_task_state_cancel_is_seen_from_another_thread():
    state = TaskState()
    state.raise_if_cancelled()  # not cancelled: nothing happens
    thread = threading.Thread(target=state.cancel)
    thread.start()
    thread.join()
    assert state.is_cancelled()
    with pytest.raises(Cancelled):
        state.raise_if_cancelled()


def test_report_reports_progress_up_to_done(built_db, tmp_path):
    seen: list[int] = []
    state = TaskState(lambda percent, _message: seen.append(percent))
    result = generate_report(ReportRequest(kind="portfolio", output=tmp_path / "p.pdf", database=built_db,
                                           today=TODAY), state)
    assert result.path.is_file() and result.pages > 0
    assert seen == sorted(seen) and seen[-1] == 100 and len(seen) >= 4


@pytest.mark.parametrize("stop_at", [0, 5, 30, 36, 50])
def test_cancelled_report_stops_between_steps_and_writes_nothing(built_db, tmp_path, stop_at):
    """Cancel before the start, or while reading, composing (after the annex's first section)
    or laying out pages: the next step stops the work and the chosen output path stays empty."""
    reached: list[int] = []

    def progress(percent: int, _message: str) -> None:
        reached.append(percent)
        if percent >= stop_at:
            state.cancel()

    state = TaskState(progress)
    if stop_at == 0:
        state.cancel()
    output = tmp_path / "bijlage.pdf"
    request = ReportRequest(kind="annex", output=output, database=built_db, today=TODAY, meeting="Raad",
                            date="2026-11-24")
    with pytest.raises(Cancelled):
        generate_report(request, state)
    assert not output.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left either
    if stop_at == 0:
        assert reached == []  # cancelled before it began: not one step taken
    else:  # nothing more reported after the step that asked to cancel
        assert reached[-1] >= stop_at and all(p < stop_at for p in reached[:-1])


def test_worker_functions_run_without_qt(built_db):
    from velsen_desk.ui.programme_loader import read_catalog, read_programme
    from velsen_desk.ui.reports.dialog import read_college
    from velsen_desk.ui.search.panel import search_hits

    db = ReadOnlyDatabase(built_db)
    state = TaskState()
    catalog = read_catalog(db, state)
    velsen = catalog.programme("velsen-2022")
    assert velsen is not None
    data = read_programme(db, velsen, state)
    assert data.programme.id == "velsen-2022" and data.college
    college = read_college(db, "velsen-2022", state)
    assert {c.name for c in college} == {p.name for p in data.college}
    assert read_college(None, "velsen-2022", state) == []
    assert any(hit.kind == "thema" for hit in search_hits(db, "Financiën", state))
    assert search_hits(None, "Financiën", state) == []
    with pytest.raises(DatabaseError):
        read_catalog(None, state)
