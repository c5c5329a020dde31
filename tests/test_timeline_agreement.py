"""One definition of what a planning means (core.phases) and of the lanes (core.timeline), and
the window's timeline and the report's Gantt agree on every action of the bundled data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from velsen_desk.core.phases import BarStyle, Precision, bar_style, phases_span, planning_unknown
from velsen_desk.core.planning import Phase, parse_planning
from velsen_desk.core.records import PhaseInfo
from velsen_desk.core.timeline import build_layout, end_fraction, recurring_marks, year_fraction
from velsen_desk.reports.gantt import year_range
from velsen_desk.reports.sections.timeline import rows_for
from velsen_desk.storage import reader
from velsen_desk.storage.database import ReadOnlyDatabase

TODAY = dt.date(2026, 11, 24)
Q2_2024 = (dt.date(2024, 4, 1), dt.date(2024, 6, 30))


@pytest.mark.parametrize(("precision", "style"), [
    (Precision.QUARTER, BarStyle.SOLID),
    (Precision.HALF_YEAR, BarStyle.SOLID),
    (Precision.YEAR, BarStyle.LIGHT),
    (Precision.SCHOOL_YEAR, BarStyle.LIGHT),
])
def test_bar_style_follows_the_precision(precision, style):
    assert bar_style(Phase(None, *Q2_2024, precision, "x")) is style
    assert bar_style(Phase(None, Q2_2024[0], None, precision, "vanaf x", open_ended=True)) is BarStyle.OPEN


def test_recurring_and_undated_phases():
    assert bar_style(Phase(None, None, None, Precision.RECURRING, "jaarlijks")) is BarStyle.RECURRING
    assert bar_style(Phase(None, None, None, Precision.UNKNOWN, "nader te bepalen")) is None
    assert bar_style(PhaseInfo(None, None, None, "recurring", False, "voor- en najaar")) is BarStyle.RECURRING


@pytest.mark.parametrize(("text", "unknown"), [
    ("Q2-2024", False), ("Voor- en najaar", False), ("Jaarlijks", False), ("Nader te bepalen", True), ("", True),
])
def test_parsed_and_stored_plannings_agree_on_unknown(text, unknown):
    phases = parse_planning(text).phases
    stored = tuple(PhaseInfo(p.label, p.start, p.end, str(p.precision), p.open_ended, p.text) for p in phases)
    assert parse_planning(text).is_unknown is unknown
    assert planning_unknown(stored) is unknown


def test_span_has_first_start_last_end_and_open_end():
    span = phases_span(parse_planning("Start Q2-2024. Uitvoering vanaf Q2-2025.").phases)
    assert (span.first_start, span.last_end, span.open_from) == (dt.date(2024, 4, 1), dt.date(2025, 4, 1),
                                                                 dt.date(2025, 4, 1))
    assert span.open_end
    closed = phases_span(parse_planning("2024 en 2026").phases)
    assert (closed.first_start, closed.last_end, closed.open_end) == (dt.date(2024, 1, 1), dt.date(2026, 12, 31),
                                                                      False)


def test_recurring_marks_put_no_action_on_a_date_the_source_does_not_give():
    # "Voor- en najaar" names no year: two markers as a symbol at the axis start, whatever the
    # axis spans (before: one per half year over the whole axis, spring 2023 included)
    from velsen_desk.core.timeline import RECURRING_TEXT_AT

    assert recurring_marks(2024.0, 2026.0) == pytest.approx((2024.06, 2024.14))
    assert len(recurring_marks(2023.0, 2030.0)) == 2
    assert all(2023.0 < m < 2023.0 + RECURRING_TEXT_AT for m in recurring_marks(2023.0, 2030.0))


# ---- the window and the report on the bundled data --------------------------------------------


@pytest.fixture(scope="module")
def plans(built_db: Path):
    db = ReadOnlyDatabase(built_db)
    found = [plan for p in db.read(reader.catalog).programmes for plan in db.read(reader.programme_data, p).plans]
    assert found
    return found


def _expected_bars(phases, x_max: float) -> list[tuple[BarStyle, float, float]]:
    bars = []
    for p in phases:
        style = bar_style(p)
        if style in (None, BarStyle.RECURRING):
            continue
        end = x_max if style is BarStyle.OPEN else end_fraction(p.end)
        bars.append((style, year_fraction(p.start), end))
    return bars


def test_the_window_timeline_and_the_report_gantt_agree(plans):
    for plan in plans:
        layout = build_layout(plan, TODAY, "Planning onbekend", "Overige acties")
        gantt = rows_for(plan)
        window_rows = [("group", None) if r.kind == "group" else ("unknown" if r.unknown else "action", r.action.id)
                       for r in layout.rows]
        gantt_rows = [("group", None) if r.kind.endswith("group") else (r.kind, r.action_id) for r in gantt]
        assert window_rows == gantt_rows  # same lanes, same actions, same order, same unknown lane

        by_id = {r.action_id: r for r in gantt if r.action_id}
        first_year, last_year = year_range(phases_span(a.phases) for a in plan.actions)
        for row in layout.rows:
            if row.action is None:
                continue
            printed = by_id[row.action.id]
            # same bars with the same styles and spans
            drawn = [(s.style, s.start, s.end) for s in row.segments]
            assert drawn == _expected_bars(printed.phases, layout.x_max)
            # recurring: markers in both
            assert bool(row.recurring) == any(bar_style(p) is BarStyle.RECURRING for p in printed.phases)
            # the Gantt's axis covers every dated span the window draws
            span = phases_span(printed.phases)
            if span.first_start:
                assert first_year <= span.first_start.year and span.last_end.year <= last_year
        assert any(r.recurring for r in layout.rows) and layout.unknown_actions()  # the data exercise both


# ---- the Gantt draws each phase in the style core.phases gives it ------------------------------


class _Canvas:
    """Records what a flowable draws; every canvas method is accepted."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[object, ...]]] = []
        self.fill: object = None

    def setFillColor(self, colour: object, alpha: float | None = None) -> None:  # noqa: N802
        self.fill = colour

    def rect(self, x: float, y: float, w: float, h: float, stroke: int = 1, fill: int = 0) -> None:
        self.calls.append(("rect", (self.fill, stroke)))

    def drawPath(self, path: object, stroke: int = 1, fill: int = 0) -> None:  # noqa: N802
        self.calls.append(("path", (self.fill,)))

    def __getattr__(self, name: str):
        return lambda *args, **kw: self

    def beginPath(self) -> _Canvas:  # noqa: N802
        return self


def _drawn(phase: PhaseInfo) -> list[tuple[str, tuple[object, ...]]]:
    from velsen_desk.reports.gantt import GanttChart, GanttRow
    from velsen_desk.reports.styles import register_fonts

    register_fonts()  # the row label is measured in the report's font
    chart = GanttChart([GanttRow("action", "1. Actie", (phase,))], 2024, 2025)
    chart.wrap(700, 400)
    canvas = _Canvas()
    chart.canv = canvas
    chart._draw_row(canvas, chart.rows[0], 0.0)
    return canvas.calls


def test_the_gantt_draws_the_core_bar_style():
    from velsen_desk.reports import gantt

    quarter = _drawn(PhaseInfo(None, *Q2_2024, "quarter", False, "Q2-2024"))
    assert ("rect", (gantt.SOLID, 0)) in quarter  # solid: a filled bar without outline
    year = _drawn(PhaseInfo(None, dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year", False, "2024"))
    assert ("rect", (gantt.LIGHT, 1)) in year and not any(c[1][0] == gantt.SOLID for c in year)  # light, hatched
    recurring = _drawn(PhaseInfo(None, None, None, "recurring", False, "jaarlijks"))
    assert [c for c in recurring if c[0] == "path"] == [("path", (gantt.colors.white,))] * len(
        recurring_marks(2024, 2026))  # one marker per mark of the window
    unknown = _drawn(PhaseInfo(None, None, None, "unknown", False, "nader te bepalen"))
    assert [c for c in unknown if c[0] in ("rect", "path")] == []
