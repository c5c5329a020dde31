"""Where each action goes on the timeline (Qt-free, no pyqtgraph): rows, bars and markers.

Time is a float in years (``2024.25`` = 1 April 2024), so a quarter is 0.25 wide. Precision is
kept honest: QUARTER/HALF_YEAR phases are "solid", YEAR/SCHOOL_YEAR phases "light" (the text
names no quarter), open-ended phases "open" (they fade out at the right edge), RECURRING
phases become markers, and actions without any date go to the lane "Planning onbekend".
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from velsen_desk.core import records

SOLID, LIGHT, OPEN = "solid", "light", "open"
_SOLID_PRECISIONS = {"quarter", "half_year", "month", "day"}


def year_fraction(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1).toordinal()
    length = dt.date(day.year + 1, 1, 1).toordinal() - start
    return day.year + (day.toordinal() - start) / length


def end_fraction(day: dt.date) -> float:
    """The end of an inclusive last day."""
    return year_fraction(day + dt.timedelta(days=1))


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    style: str  # SOLID, LIGHT or OPEN
    text: str  # the phase as written


@dataclass(frozen=True)
class Row:
    y: int
    kind: str  # "group" or "action"
    label: str
    action: records.ActionInfo | None = None
    segments: tuple[Segment, ...] = ()
    recurring: tuple[float, ...] = ()  # marker positions
    unknown: bool = False


@dataclass(frozen=True)
class TimelineLayout:
    rows: tuple[Row, ...]
    x_min: float
    x_max: float
    trekkers: tuple[str, ...]
    today: float

    def row_at(self, y: float) -> Row | None:
        index = round(y)
        if 0 <= index < len(self.rows) and abs(y - index) <= 0.4:
            return self.rows[index]
        return None

    def unknown_actions(self) -> tuple[records.ActionInfo, ...]:
        return tuple(r.action for r in self.rows if r.unknown and r.action)

    def recurring_actions(self) -> tuple[records.ActionInfo, ...]:
        return tuple(r.action for r in self.rows if r.recurring and r.action)


def _span(actions: list[records.ActionInfo], today: dt.date) -> tuple[float, float]:
    starts = [year_fraction(p.start) for a in actions for p in a.phases if p.start]
    ends = [end_fraction(p.end) for a in actions for p in a.phases if p.end]
    ends += [year_fraction(p.start) + 0.25 for a in actions for p in a.phases if p.start]
    now = year_fraction(today)
    low = math.floor(min(starts + [now])) if starts else math.floor(now)
    high = math.ceil(max(ends + [now + 0.01])) if ends else low + 1
    return float(low), float(high + 0.5 if any(p.open_ended for a in actions for p in a.phases) else high)


def _action_row(y: int, a: records.ActionInfo, x_min: float, x_max: float, prefix: str = "") -> Row:
    segments: list[Segment] = []
    recurring: list[float] = []
    for p in a.phases:
        if p.precision == "recurring":
            # "voor- en najaar", "jaarlijks": the years are not named; mark every half year.
            year = x_min
            while year < x_max:
                recurring += [year + 0.25, year + 0.75]
                year += 1
            continue
        if p.start is None:
            continue
        start = year_fraction(p.start)
        if p.open_ended or p.end is None:
            segments.append(Segment(start, x_max, OPEN, p.text))
        else:
            style = SOLID if p.precision in _SOLID_PRECISIONS else LIGHT
            segments.append(Segment(start, end_fraction(p.end), style, p.text))
    label = f"{prefix}{a.number}. {a.title}"
    return Row(y, "action", label, a, tuple(segments), tuple(recurring), unknown=a.planning_unknown)


def build_layout(plan: records.ActionPlanInfo, today: dt.date, unknown_label: str, loose_label: str) -> TimelineLayout:
    actions = list(plan.actions)
    x_min, x_max = _span(actions, today)
    rows: list[Row] = []
    groups: list[tuple[str, list[records.ActionInfo]]] = [
        (f"{fo.letter or fo.number} · {fo.title}", list(fo.actions)) for fo in plan.focusopgaven
    ]
    if plan.loose_actions:
        groups.append((loose_label, list(plan.loose_actions)))
    letters = {fo.id: fo.letter or str(fo.number) for fo in plan.focusopgaven}
    for title, members in groups:
        known = [a for a in members if not a.planning_unknown]
        if not known:
            continue
        rows.append(Row(len(rows), "group", title))
        for a in known:
            rows.append(_action_row(len(rows), a, x_min, x_max))
    unknown = [a for a in actions if a.planning_unknown]
    if unknown:
        rows.append(Row(len(rows), "group", unknown_label))
        for a in unknown:
            prefix = f"{letters.get(a.focusopgave_id or '', '')} " if a.focusopgave_id else ""
            rows.append(_action_row(len(rows), a, x_min, x_max, prefix))
    trekkers = tuple(dict.fromkeys(a.trekker or "?" for a in actions))
    return TimelineLayout(tuple(rows), x_min, x_max, trekkers, year_fraction(today))


def quarter_label(value: float) -> str:
    """``2024.25`` -> ``Q2``."""
    return f"Q{int(round((value % 1) * 4)) % 4 + 1}"
