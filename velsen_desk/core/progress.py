"""Progress of a plan's actions: the stoplicht status, "te laat", "geen rapportage" and spend.

One Qt-free place for every rule the window, the reports, the CLI and the diff share, so the
same action is never late in one view and on time in another. Inputs are plain values (phases,
the latest status, dates, costs); the storage layer reads them, this module only decides.

Rules (issue 12):
- "te laat": the planned end (the revised planning of the latest report that gives one, else the
  original) has passed *per its precision* and the latest status is not afgerond or gestopt.
  A phase's end is already the last day of its period (Q2-2024 -> 30 June 2024, "2024" -> 31
  December 2024). A school year is late only after the summer that follows it (31 August): the
  parser ends a school year on 31 July so consecutive years tile, but work planned "in
  schooljaar 2024-2025" may still happen in that summer.
- an unknown planning is never late ("planning onbekend"); an open planning ("vanaf Q2-2025")
  has no end to pass; a recurring one is late only when its latest report says so.
- "geen rapportage": no status at all, or the latest is older than the reporting interval the
  data states. It is never shown as groen.
- spend: planned (the plan's cost) and realised (the latest report's) are summed with
  :func:`sum_costs`, so n.n.b. is counted and said, never added as 0; an action without any
  report adds to ``unreported``, not to either sum.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from velsen_desk.core.formatting import format_derived_sum, format_long_date
from velsen_desk.core.i18n import N_
from velsen_desk.core.locales import DUTCH, Locale
from velsen_desk.core.money import CostSum, CostValue, sum_costs
from velsen_desk.core.phases import PhaseLike, Precision, planning_unknown


class ProgressStatus(StrEnum):
    """The status scale of Dutch P&C reports, plus afgerond, gestopt and onbekend.

    The values are stored in the data files and the database: never change them."""

    GROEN = "groen"
    ORANJE = "oranje"
    ROOD = "rood"
    GRIJS = "grijs"
    AFGEROND = "afgerond"
    GESTOPT = "gestopt"
    ONBEKEND = "onbekend"


# The one home of the wording: (short label, meaning as the P&C reports define it), in Dutch;
# the English through the gettext catalogue (a :class:`Locale`).
_WORDING: dict[ProgressStatus, tuple[str, str]] = {
    ProgressStatus.GROEN: (N_("groen"), N_("op schema in tijd, geld en kwaliteit")),
    ProgressStatus.ORANJE: (N_("oranje"), N_("risico, bijsturing nodig")),
    ProgressStatus.ROOD: (N_("rood"), N_("wordt niet gehaald")),
    ProgressStatus.GRIJS: (N_("grijs"), N_("niet gestart")),
    ProgressStatus.AFGEROND: (N_("afgerond"), N_("uitgevoerd")),
    ProgressStatus.GESTOPT: (N_("gestopt"), N_("wordt niet (verder) uitgevoerd")),
    ProgressStatus.ONBEKEND: (N_("onbekend"), N_("de rapportage noemt geen status")),
}
assert set(_WORDING) == set(ProgressStatus)

# Statuses a report may not give without saying why.
NEEDS_EXPLANATION: frozenset[ProgressStatus] = frozenset(
    {ProgressStatus.ORANJE, ProgressStatus.ROOD, ProgressStatus.GESTOPT}
)
# Work that is over: it can no longer be late.
CLOSED: frozenset[ProgressStatus] = frozenset({ProgressStatus.AFGEROND, ProgressStatus.GESTOPT})

# Dutch; a view in another language shows ``locale._(TEXT)``.
NO_REPORT_TEXT = N_("geen rapportage")
LATE_TEXT = N_("te laat")
PLANNING_UNKNOWN_TEXT = N_("planning onbekend")
NO_PROGRESS_REPORT_TEXT = N_("Nog geen voortgangsrapportage ontvangen")
EXAMPLE_MARK = N_("VOORBEELD — fictieve gegevens")


@functools.lru_cache(maxsize=1024)
def long_date(day: dt.date, locale: Locale = DUTCH) -> str:
    """:func:`format_long_date`, cached: a monitor of 2,000 actions × 8 peildata prints the same
    few dates 16,000 times, and each Babel call costs ~0.1 ms."""
    return format_long_date(day, locale)


def status_label(status: ProgressStatus | None, locale: Locale = DUTCH) -> str:
    """"groen", …; None (no report at all) is "geen rapportage", never a colour."""
    return locale._(NO_REPORT_TEXT if status is None else _WORDING[status][0])


def status_meaning(status: ProgressStatus, locale: Locale = DUTCH) -> str:
    return locale._(_WORDING[status][1])


def needs_explanation(status: ProgressStatus) -> bool:
    return status in NEEDS_EXPLANATION


# --- "te laat" -------------------------------------------------------------------------------


class DeadlineKind(StrEnum):
    DATED = "dated"  # a last day that can pass
    OPEN = "open"  # "vanaf …": started, no end
    RECURRING = "recurring"  # "jaarlijks", "voor- en najaar"
    UNKNOWN = "unknown"  # no date at all


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    day: dt.date | None = None  # with DATED: the last day on which the work is still on time
    precision: Precision | None = None


def _last_on_time_day(end: dt.date, precision: str) -> dt.date:
    if precision == Precision.SCHOOL_YEAR:
        return dt.date(end.year, 8, 31)  # after the summer that follows the school year
    return end


def planned_deadline(phases: Iterable[PhaseLike]) -> Deadline:
    """When a planning is over, as exactly as the source says."""
    phases = tuple(phases)
    if planning_unknown(phases):
        return Deadline(DeadlineKind.UNKNOWN)
    if any(p.start is not None and (p.open_ended or p.end is None) for p in phases):
        return Deadline(DeadlineKind.OPEN)
    dated = [p for p in phases if p.end is not None]
    if not dated:
        # No dated phase but not unknown: only recurring phases remain.
        return Deadline(DeadlineKind.RECURRING)
    last = max(dated, key=lambda p: _last_on_time_day(p.end, p.precision))  # type: ignore[arg-type]
    assert last.end is not None
    return Deadline(DeadlineKind.DATED, _last_on_time_day(last.end, last.precision), Precision(last.precision))


class Lateness(StrEnum):
    LATE = "late"
    ON_TIME = "on_time"  # the planned end has not passed yet
    CLOSED = "closed"  # afgerond or gestopt
    PLANNING_UNKNOWN = "planning_unknown"
    OPEN = "open"  # started "vanaf …", no end to pass
    RECURRING = "recurring"  # recurring and not reported late


_LATENESS_TEXT = {
    Lateness.LATE: LATE_TEXT,
    Lateness.ON_TIME: N_("op tijd"),
    Lateness.CLOSED: "",
    Lateness.PLANNING_UNKNOWN: PLANNING_UNKNOWN_TEXT,
    Lateness.OPEN: N_("geen einddatum"),
    Lateness.RECURRING: N_("terugkerend"),
}


def lateness_text(lateness: Lateness, locale: Locale = DUTCH) -> str:
    text = _LATENESS_TEXT[lateness]
    return locale._(text) if text else ""


PLANNING_PASSED_TEXT = N_("einde planning verstreken")
STALE_TEXT = N_("geen recente rapportage")


def late_label(item: ActionProgress, locale: Locale = DUTCH) -> str:
    """How a view words an action's lateness. Without any report the planning alone says its
    end has passed, not that the work is unfinished: "einde planning verstreken", not "te laat"."""
    if item.is_late and item.status is None:
        return locale._(PLANNING_PASSED_TEXT)
    return lateness_text(item.lateness, locale)


def lateness(
    phases: Iterable[PhaseLike],
    today: dt.date,
    latest_status: ProgressStatus | None = None,
    *,
    reported_late: bool = False,
) -> Lateness:
    """Whether an action is late on ``today``; ``phases`` is the planning in force."""
    if latest_status in CLOSED:
        return Lateness.CLOSED
    deadline = planned_deadline(phases)
    if deadline.kind is DeadlineKind.UNKNOWN:
        return Lateness.PLANNING_UNKNOWN
    if deadline.kind is DeadlineKind.RECURRING:
        return Lateness.LATE if reported_late else Lateness.RECURRING
    if deadline.kind is DeadlineKind.OPEN:
        return Lateness.OPEN
    assert deadline.day is not None
    return Lateness.LATE if today > deadline.day else Lateness.ON_TIME


# --- "geen rapportage" -----------------------------------------------------------------------


class Reporting(StrEnum):
    CURRENT = "current"
    NONE = "none"  # no status at all
    STALE = "stale"  # the latest is older than the stated interval


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def reporting(last_report: dt.date | None, today: dt.date, interval_months: int | None) -> Reporting:
    """CURRENT unless there is no report, or the interval the data states has passed since it."""
    if last_report is None:
        return Reporting.NONE
    if interval_months is not None and today > add_months(last_report, interval_months):
        return Reporting.STALE
    return Reporting.CURRENT


# --- one action's progress -------------------------------------------------------------------


@dataclass(frozen=True)
class StatusMark:
    """One report's word on an action: a mark in its history."""

    peildatum: dt.date
    status: ProgressStatus
    explanation: str | None = None


@dataclass(frozen=True)
class ActionProgress:
    """What the views show for one action on a day: derived once, here."""

    action_id: str
    number: int
    planned: CostValue
    history: tuple[StatusMark, ...]  # oldest first
    realised: CostValue | None  # the latest report's spend; None without a report
    lateness: Lateness
    reporting: Reporting

    @property
    def latest(self) -> StatusMark | None:
        return self.history[-1] if self.history else None

    @property
    def status(self) -> ProgressStatus | None:
        return self.history[-1].status if self.history else None

    @property
    def since(self) -> dt.date | None:
        """The first peildatum of the unbroken run of the latest status."""
        if not self.history:
            return None
        since = self.history[-1].peildatum
        for mark in reversed(self.history):
            if mark.status is not self.history[-1].status:
                break
            since = mark.peildatum
        return since

    @property
    def is_late(self) -> bool:
        return self.lateness is Lateness.LATE

    @property
    def exception_rank(self) -> int:
        """0 rood, 1 oranje, 2 te laat, 3 geen rapportage, 4 the rest: exceptions first."""
        if self.status is ProgressStatus.ROOD:
            return 0
        if self.status is ProgressStatus.ORANJE:
            return 1
        if self.is_late:
            return 2
        if self.reporting is not Reporting.CURRENT:
            return 3
        return 4


def action_progress(
    action_id: str,
    number: int,
    planned: CostValue,
    history: Sequence[tuple[StatusMark, CostValue | None, bool]],
    planning: Iterable[PhaseLike],
    today: dt.date,
    interval_months: int | None = None,
) -> ActionProgress:
    """Derive an action's progress from its reports up to ``today``.

    ``history`` holds (mark, realised spend, reported late) per report, in any order; reports
    dated after ``today`` are left out, so a peildatum in the past shows what was known then.
    ``planning`` is the planning in force (the latest revised one, else the original).
    """
    known = sorted((h for h in history if h[0].peildatum <= today), key=lambda h: h[0].peildatum)
    marks = tuple(h[0] for h in known)
    latest = known[-1] if known else None
    return ActionProgress(
        action_id=action_id,
        number=number,
        planned=planned,
        history=marks,
        realised=latest[1] if latest else None,
        lateness=lateness(planning, today, latest[0].status if latest else None,
                          reported_late=latest[2] if latest else False),
        # Finished or stopped work has nothing left to report: it is never "geen rapportage".
        reporting=(Reporting.CURRENT if latest and latest[0].status in CLOSED
                   else reporting(latest[0].peildatum if latest else None, today, interval_months)),
    )


def by_exception(items: Iterable[ActionProgress]) -> list[ActionProgress]:
    """Exceptions first (rood, oranje, te laat, geen rapportage), then by action number."""
    return sorted(items, key=lambda p: (p.exception_rank, p.number))


K = TypeVar("K")


# --- counts and sums -------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusCounts:
    per_status: dict[ProgressStatus, int]
    no_report: int  # never reported
    stale: int  # reported, but longer ago than the stated interval
    late: int

    @property
    def total(self) -> int:
        return sum(self.per_status.values()) + self.no_report


def status_counts(items: Iterable[ActionProgress]) -> StatusCounts:
    items = tuple(items)
    counter = Counter(p.status for p in items if p.status is not None)
    return StatusCounts(
        per_status={status: counter.get(status, 0) for status in ProgressStatus},
        no_report=sum(1 for p in items if p.status is None),
        stale=sum(1 for p in items if p.reporting is Reporting.STALE),
        late=sum(1 for p in items if p.is_late),
    )


@dataclass(frozen=True)
class SpendSum:
    """Planned vs realised spend over a group of actions, with what could not be summed."""

    planned: CostSum
    realised: CostSum  # over the actions with a report
    unreported: int  # actions without any report: their realised spend is not known at all


def spend_sum(items: Iterable[ActionProgress]) -> SpendSum:
    items = tuple(items)
    return SpendSum(
        planned=sum_costs(p.planned for p in items),
        realised=sum_costs(p.realised for p in items if p.realised is not None),
        unreported=sum(1 for p in items if p.realised is None),
    )


def spend_total_text(total: CostSum, locale: Locale = DUTCH) -> str:
    """One side of a spend sum: "€ 691.000 + 1 post n.n.b."; with no amount at all "n.v.t." (every
    action n.v.t.) or "n.n.b. (2 posten)", never "€ 0" (:func:`format_derived_sum`)."""
    return format_derived_sum(total, locale)


def spend_text(spend: SpendSum, locale: Locale = DUTCH) -> str:
    """"gepland € 691.000 + 1 post n.n.b.; gerealiseerd € 35.000 + 1 post n.n.b.; 16 acties zonder
    rapportage": a sum says what it could not count. Planned n.v.t. throughout is "gepland n.v.t."."""
    _ = locale._
    planned = spend_total_text(spend.planned, locale)
    reported = spend.realised.amounts + spend.realised.not_applicable + spend.realised.to_be_determined
    if not reported:
        return _("gepland {0}; gerealiseerd: nog niets gerapporteerd").format(planned)
    text = _("gepland {0}; gerealiseerd {1}").format(planned, spend_total_text(spend.realised, locale))
    if spend.unreported:
        text += "; " + locale.ngettext("{n} actie zonder rapportage", "{n} acties zonder rapportage",
                                       spend.unreported).format(n=spend.unreported)
    return text


def spend_by(groups: Iterable[tuple[K, ActionProgress]]) -> dict[K, SpendSum]:
    """Spend per group key (focusopgave, plan, theme, regie holder); an action may sit in
    several groups (several theme links) and counts once in each."""
    members: dict[K, list[ActionProgress]] = {}
    for key, item in groups:
        members.setdefault(key, []).append(item)
    return {key: spend_sum(items) for key, items in members.items()}


@dataclass(frozen=True)
class StatusChange:
    action_number: int
    old: ProgressStatus | None
    new: ProgressStatus
    peildatum: dt.date


def status_changes(
    old: dict[int, StatusMark], new: dict[int, StatusMark]
) -> list[StatusChange]:
    """Latest status per action number in two versions -> what changed, by action number."""
    changes = []
    for number in sorted(new):
        before, after = old.get(number), new[number]
        # A newer report with the same status is no change of status.
        if before is None or before.status is not after.status:
            changes.append(StatusChange(number, before.status if before else None, after.status, after.peildatum))
    return changes


def status_change_text(change: StatusChange, locale: Locale = DUTCH) -> str:
    """"Actie 11: oranje → groen, peildatum 1 juli 2025" (a first status: "… → groen")."""
    before = status_label(change.old, locale) if change.old is not None else locale._("nog geen status")
    return locale._("Actie {0}: {1} → {2}, peildatum {3}").format(
        change.action_number, before, status_label(change.new, locale), long_date(change.peildatum, locale))
