"""Only a report that prints the monitor's progress reads it (reading it for 2,000 actions costs
~0.3 s that the budget, the timeline or an annex without voortgang never use)."""

from __future__ import annotations

import datetime as dt

import pytest

from velsen_desk.reports import service
from velsen_desk.reports.service import ReportRequest, generate_report

MEETING = {"meeting": "Raadsvergadering", "date": "2026-12-10"}


@pytest.mark.parametrize(("kind", "kw", "reads"), [
    ("budget", {}, False),
    ("timeline", {}, False),
    ("annex", {**MEETING, "items": ("budget", "timeline")}, False),
    ("voortgang", {}, True),
    ("annex", {**MEETING, "items": ("budget", "voortgang")}, True),
])
def test_progress_is_read_only_for_the_voortgang(built_db, tmp_path, monkeypatch, kind, kw, reads):
    read: list[str] = []
    original = service.read_progress

    def counted(conn, programme_id):  # type: ignore[no-untyped-def]
        read.append(programme_id)
        return original(conn, programme_id)

    monkeypatch.setattr(service, "read_progress", counted)
    result = generate_report(ReportRequest(kind=kind, output=tmp_path / "r.pdf", database=built_db,
                                           today=dt.date(2026, 12, 1), **kw))
    assert result.pages > 0
    assert read == (["velsen-2022"] if reads else [])


def test_shows_progress():
    assert service.shows_progress("voortgang", ())
    assert service.shows_progress("annex", ("themes", "voortgang"))
    assert not service.shows_progress("annex", ("themes", "budget", "timeline"))
    assert not service.shows_progress("budget", ())
