"""What the progress reader returns (:mod:`velsen_desk.storage.progress_reader`): frozen records,
and the one place they are turned into each action's :class:`ActionProgress` for a day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from velsen_desk.core.money import CostValue
from velsen_desk.core.progress import (
    ActionProgress,
    ProgressStatus,
    SpendSum,
    StatusCounts,
    StatusMark,
    action_progress,
    spend_sum,
    status_counts,
)
from velsen_desk.core.records import ActionInfo, ActionPlanInfo, FocusopgaveInfo, PhaseInfo
from velsen_desk.core.structs import msgspec


class ProgressReportInfo(msgspec.Struct, frozen=True):
    id: str
    plan_id: str | None
    programme_id: str | None
    title: str
    date: dt.date  # the peildatum
    reported_by: str
    interval_months: int | None
    example: bool  # fictitious: every view marks it "VOORBEELD — fictieve gegevens"
    stated_by: str | None  # "opgave van <partij>"
    source_doc_id: str | None
    source_quote: str | None


class ProgressEntryInfo(msgspec.Struct, frozen=True):
    id: str
    report_id: str
    action_id: str
    peildatum: dt.date
    status: ProgressStatus
    explanation: str | None
    spent: CostValue
    planning_text: str | None  # revised planning as written
    phases: tuple[PhaseInfo, ...]  # parsed from it at build time
    reported_late: bool


class MeasurementInfo(msgspec.Struct, frozen=True):
    id: str
    focus_point_id: str
    target: int
    value: float
    unit: str | None
    date: dt.date | None
    year: int | None
    measured_by: str
    note: str | None
    example: bool


class EvaluationInfo(msgspec.Struct, frozen=True):
    id: str
    plan_id: str
    date: dt.date
    title: str
    summary: str | None
    reference: str | None
    example: bool
    stated_by: str | None


class ProgressData(msgspec.Struct, frozen=True):
    """A programme's progress reports, entries (oldest first per action), measurements, evaluations."""

    reports: tuple[ProgressReportInfo, ...] = ()
    entries: dict[str, tuple[ProgressEntryInfo, ...]] = msgspec.field(default_factory=dict)  # by action id
    measurements: tuple[MeasurementInfo, ...] = ()
    evaluations: tuple[EvaluationInfo, ...] = ()

    def reports_of(self, plan_id: str, until: dt.date | None = None) -> tuple[ProgressReportInfo, ...]:
        return tuple(r for r in self.reports if r.plan_id == plan_id and (until is None or r.date <= until))

    @property
    def is_example(self) -> bool:
        """Any fictitious record: the views then say "VOORBEELD — fictieve gegevens"."""
        return (any(r.example for r in self.reports) or any(m.example for m in self.measurements)
                or any(e.example for e in self.evaluations))

    def interval_months(self, plan_id: str, today: dt.date) -> int | None:
        """The reporting interval the latest report of the plan up to ``today`` states."""
        reports = self.reports_of(plan_id, today)
        return reports[-1].interval_months if reports else None

    def planning_in_force(self, action: ActionInfo, today: dt.date) -> tuple[PhaseInfo, ...]:
        """The latest revised planning up to ``today``, else the original."""
        for entry in reversed(self.entries.get(action.id, ())):
            if entry.peildatum <= today and entry.planning_text is not None:
                return entry.phases
        return action.phases

    def progress(self, action: ActionInfo, today: dt.date, interval_months: int | None = None) -> ActionProgress:
        entries = self.entries.get(action.id, ())
        history = [(StatusMark(e.peildatum, e.status, e.explanation), e.spent, e.reported_late) for e in entries]
        return action_progress(action.id, action.number, action.cost, history,
                               self.planning_in_force(action, today), today, interval_months)

    def plan_progress(self, plan: ActionPlanInfo, today: dt.date,
                      actions: Iterable[ActionInfo] | None = None) -> tuple[ActionProgress, ...]:
        interval = self.interval_months(plan.id, today)
        return tuple(self.progress(a, today, interval) for a in (plan.actions if actions is None else actions))


class FocusGroup(msgspec.Struct, frozen=True):
    focusopgave: FocusopgaveInfo | None  # None: the actions outside any focusopgave
    items: tuple[ActionProgress, ...]
    spend: SpendSum


class PlanOverview(msgspec.Struct, frozen=True):
    """A plan's progress on a day: what the CLI, the report and the tab all show."""

    plan: ActionPlanInfo
    today: dt.date
    reports: tuple[ProgressReportInfo, ...]  # up to ``today``, oldest first
    items: tuple[ActionProgress, ...]  # in the plan's order
    groups: tuple[FocusGroup, ...]
    counts: StatusCounts
    spend: SpendSum
    example: bool

    @property
    def latest_report(self) -> ProgressReportInfo | None:
        return self.reports[-1] if self.reports else None


def plan_overview(plan: ActionPlanInfo, progress: ProgressData, today: dt.date,
                  only: frozenset[str] | None = None) -> PlanOverview:
    """``only``: the action ids to show ("Bekijk als"); None shows every action."""
    items = {p.action_id: p for p in progress.plan_progress(plan, today)
             if only is None or p.action_id in only}
    groups = []
    for focus in plan.focusopgaven:
        members = tuple(items[a.id] for a in focus.actions if a.id in items)
        if members:
            groups.append(FocusGroup(focus, members, spend_sum(members)))
    loose = tuple(items[a.id] for a in plan.loose_actions if a.id in items)
    if loose:
        groups.append(FocusGroup(None, loose, spend_sum(loose)))
    reports = progress.reports_of(plan.id, today)
    return PlanOverview(
        plan=plan, today=today, reports=reports, items=tuple(items.values()), groups=tuple(groups),
        counts=status_counts(items.values()), spend=spend_sum(items.values()),
        example=any(r.example for r in reports),
    )
