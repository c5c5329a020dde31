"""Where each action goes on the timeline (Qt-free, no pyqtgraph): rows, bars and markers.

The rows and bars come from :func:`planning_lanes` and :mod:`velsen_desk.core.phases`, which the
PDF Gantt (``reports/gantt.py``) reads too, so the window and the report draw the same thing.
Time is a float in years (``2024.25`` = 1 April 2024), so a quarter is 0.25 wide. Precision is
kept honest: QUARTER/HALF_YEAR phases are "solid", YEAR/SCHOOL_YEAR phases "light" (the text
names no quarter), open-ended phases "open" (they fade out at the right edge), RECURRING
phases become markers, and actions without any date go to the lane "Planning onbekend".
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from velsen_desk.core import records
from velsen_desk.core.locales import DUTCH, Locale
from velsen_desk.core.phases import BarStyle, Span, bar_style, phases_span
from velsen_desk.core.progress import (
    ActionProgress,
    ProgressStatus,
    late_label,
    status_label,
)
from velsen_desk.core.progress_records import ProgressData
from velsen_desk.core.wording import PLANNING_CAVEAT


def year_fraction(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1).toordinal()
    length = dt.date(day.year + 1, 1, 1).toordinal() - start
    return day.year + (day.toordinal() - start) / length


def end_fraction(day: dt.date) -> float:
    """The end of an inclusive last day."""
    return year_fraction(day + dt.timedelta(days=1))


RECURRING_TEXT_AT = 0.22  # years after the axis start: where a recurring row's words begin


def recurring_marks(x_min: float, x_max: float) -> tuple[float, ...]:
    """Where a recurring planning gets its markers: two, as a symbol at the start of the axis.

    The years are not named ("Voor- en najaar"), so markers spread over the axis would put the
    action on dates the source does not give (spring 2023, before the plan existed); the row
    says the pattern in words after the markers instead (from ``x_min + RECURRING_TEXT_AT``)."""
    if x_max <= x_min:
        return ()
    return (x_min + 0.06, x_min + 0.14)


# ---- which actions go in which lane: the window and the Gantt both read this ------------------


@dataclass(frozen=True)
class Lane:
    focusopgave: records.FocusopgaveInfo | None  # None: the actions outside any focusopgave
    actions: tuple[records.ActionInfo, ...]  # those with a known planning, in plan order


@dataclass(frozen=True)
class PlanningLanes:
    lanes: tuple[Lane, ...]  # only lanes with at least one known planning
    unknown: tuple[records.ActionInfo, ...]  # "Planning onbekend", in plan order


def planning_lanes(plan: records.ActionPlanInfo) -> PlanningLanes:
    groups: list[tuple[records.FocusopgaveInfo | None, tuple[records.ActionInfo, ...]]] = [
        (fo, fo.actions) for fo in plan.focusopgaven
    ]
    if plan.loose_actions:
        groups.append((None, plan.loose_actions))
    lanes = tuple(
        Lane(fo, known) for fo, members in groups if (known := tuple(a for a in members if not a.planning_unknown))
    )
    return PlanningLanes(lanes, tuple(a for a in plan.actions if a.planning_unknown))


def spans_range(spans: Iterable[Span]) -> tuple[dt.date | None, dt.date | None]:
    """The first start and the last end over several plannings."""
    spans = tuple(spans)
    starts = [s.first_start for s in spans if s.first_start]
    ends = [s.last_end for s in spans if s.last_end]
    return min(starts, default=None), max(ends, default=None)


# ---- the window's layout ----------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    style: BarStyle  # SOLID, LIGHT or OPEN
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
    # From the progress monitor, only when the plan has a report up to today: the latest status
    # ("geen rapportage" for an action without one) and whether the action is late.
    status: ProgressStatus | None = None
    status_text: str = ""
    late: bool = False
    planning_passed: bool = False  # no report at all, and the planned end has passed


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

    def late_actions(self) -> tuple[records.ActionInfo, ...]:
        return tuple(r.action for r in self.rows if r.late and r.action)

    def passed_unreported_actions(self) -> tuple[records.ActionInfo, ...]:
        """Actions without any report whose planned end has passed ("einde planning verstreken")."""
        return tuple(r.action for r in self.rows if r.action and r.planning_passed)

    def conflicting_actions(self) -> tuple[records.ActionInfo, ...]:
        """Actions whose table planning the running text contradicts, in row order."""
        return tuple(r.action for r in self.rows if r.action and r.action.planning_conflict)


def _x_range(actions: Sequence[records.ActionInfo], today: dt.date) -> tuple[float, float]:
    spans = [phases_span(a.phases) for a in actions]
    first, last = spans_range(spans)
    now = year_fraction(today)
    ends = [end_fraction(last)] if last else []
    # an open bar shows at least a quarter before it fades out
    ends += [year_fraction(s.open_from) + 0.25 for s in spans if s.open_from]
    low = math.floor(min(year_fraction(first), now)) if first else math.floor(now)
    high = math.ceil(max(ends + [now + 0.01])) if ends else low + 1
    return float(low), float(high + 0.5 if any(s.open_end for s in spans) else high)


def _status_fields(item: ActionProgress | None, locale: Locale) -> tuple[ProgressStatus | None, str, bool]:
    """(latest status, its words on the bar, late); nothing without progress."""
    if item is None:
        return None, "", False
    text = status_label(item.status, locale)
    if item.is_late:
        text += f" · {late_label(item, locale)}"  # without a status: "einde planning verstreken", not late
    return item.status, text, item.is_late and item.status is not None


def _action_row(y: int, a: records.ActionInfo, x_min: float, x_max: float, prefix: str = "",
                progress: ActionProgress | None = None, locale: Locale = DUTCH) -> Row:
    segments: list[Segment] = []
    recurring: tuple[float, ...] = ()
    for p in a.phases:
        style = bar_style(p)
        if style is BarStyle.RECURRING:
            recurring = recurring_marks(x_min, x_max)
        elif style is BarStyle.OPEN:
            assert p.start is not None  # an open bar has a start
            segments.append(Segment(year_fraction(p.start), x_max, style, p.text))
        elif style is not None:
            assert p.start is not None and p.end is not None  # a closed bar has both
            segments.append(Segment(year_fraction(p.start), end_fraction(p.end), style, p.text))
    label = f"{prefix}{a.number}. {a.title}"
    if a.planning_conflict:  # the bar is the table's planning; the running text says otherwise
        label = f"{PLANNING_CAVEAT} {label}"  # in front: a long title is cut off at the end
    status, status_text, late = _status_fields(progress, locale)
    passed = progress is not None and progress.is_late and progress.status is None
    return Row(y, "action", label, a, tuple(segments), recurring, unknown=a.planning_unknown,
               status=status, status_text=status_text, late=late, planning_passed=passed)


def build_layout(plan: records.ActionPlanInfo, today: dt.date, unknown_label: str, loose_label: str,
                 progress: ProgressData | None = None, locale: Locale = DUTCH) -> TimelineLayout:
    """``progress``: the programme's progress records; the bars then carry each action's latest
    status and "te laat" (in ``locale``). A plan without any report up to ``today`` gets no marks:
    the planning alone does not say whether the work is done (the Voortgang tab says so in words)."""
    actions = list(plan.actions)
    items: dict[str, ActionProgress] = {}
    if progress is not None and progress.reports_of(plan.id, today):
        items = {p.action_id: p for p in progress.plan_progress(plan, today)}
    x_min, x_max = _x_range(actions, today)
    lanes = planning_lanes(plan)
    rows: list[Row] = []
    for lane in lanes.lanes:
        fo = lane.focusopgave
        rows.append(Row(len(rows), "group", f"{fo.letter or fo.number} · {fo.title}" if fo else loose_label))
        for a in lane.actions:
            rows.append(_action_row(len(rows), a, x_min, x_max, progress=items.get(a.id), locale=locale))
    if lanes.unknown:
        letters = {fo.id: fo.letter or str(fo.number) for fo in plan.focusopgaven}
        rows.append(Row(len(rows), "group", unknown_label))
        for a in lanes.unknown:
            prefix = f"{letters.get(a.focusopgave_id or '', '')} " if a.focusopgave_id else ""
            rows.append(_action_row(len(rows), a, x_min, x_max, prefix, items.get(a.id), locale))
    trekkers = tuple(dict.fromkeys(a.trekker or "?" for a in actions))
    return TimelineLayout(tuple(rows), x_min, x_max, trekkers, year_fraction(today))


def quarter_label(value: float) -> str:
    """``2024.25`` -> ``Q2``."""
    return f"Q{int(round((value % 1) * 4)) % 4 + 1}"
