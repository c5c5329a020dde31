"""The progress rules (core/progress.py): "te laat" around every precision's boundary, "geen
rapportage", history, counts, and spend sums that never add n.n.b. as 0."""

from __future__ import annotations

import datetime as dt

import pytest

from velsen_desk.core.money import CostStatus, CostValue
from velsen_desk.core.planning import parse_planning
from velsen_desk.core.progress import (
    ActionProgress,
    DeadlineKind,
    Lateness,
    ProgressStatus,
    Reporting,
    StatusChange,
    StatusMark,
    action_progress,
    add_months,
    by_exception,
    lateness,
    needs_explanation,
    planned_deadline,
    reporting,
    spend_by,
    spend_sum,
    status_change_text,
    status_changes,
    status_counts,
    status_label,
    status_meaning,
)

D = dt.date
G, OR, R, GR = ProgressStatus.GROEN, ProgressStatus.ORANJE, ProgressStatus.ROOD, ProgressStatus.GRIJS


def _late(text: str, today: dt.date, status: ProgressStatus | None = None, *, reported: bool = False) -> Lateness:
    return lateness(parse_planning(text).phases, today, status, reported_late=reported)


@pytest.mark.parametrize(
    ("text", "last_on_time"),
    [
        ("Q2-2024", D(2024, 6, 30)),
        ("Q1-2024", D(2024, 3, 31)),
        ("Q4-2023", D(2023, 12, 31)),
        ("H1-2024", D(2024, 6, 30)),
        ("2e helft 2024", D(2024, 12, 31)),
        ("2024", D(2024, 12, 31)),
        ("2024 en 2025", D(2025, 12, 31)),
        ("Start Q1-2024 t/m Q4-2025", D(2025, 12, 31)),
        ("Start Q4-2023 en uitbreiding in 2024", D(2024, 12, 31)),
        # A school year is on time until the summer after it has passed.
        ("schooljaar 2024-2025", D(2025, 8, 31)),
        ("Start schooljaar 2024-2025, ook in schooljaar 2025-2026", D(2026, 8, 31)),
    ],
)
def test_late_only_after_the_last_day_of_the_period(text, last_on_time):
    assert planned_deadline(parse_planning(text).phases).day == last_on_time
    assert _late(text, last_on_time) is Lateness.ON_TIME
    assert _late(text, last_on_time - dt.timedelta(days=1)) is Lateness.ON_TIME
    assert _late(text, last_on_time + dt.timedelta(days=1)) is Lateness.LATE


def test_a_year_is_not_late_in_its_last_quarter():
    assert _late("2024", D(2024, 10, 1)) is Lateness.ON_TIME
    assert _late("Q2-2024", D(2024, 10, 1)) is Lateness.LATE


@pytest.mark.parametrize("text", [None, "", "Nader te bepalen.", "Planning nader overeen te komen met WBV en VW.",
                                  "iets zonder datum"])
def test_unknown_planning_is_never_late(text):
    assert _late(text, D(2099, 1, 1)) is Lateness.PLANNING_UNKNOWN
    assert _late(text, D(2099, 1, 1), R, reported=True) is Lateness.PLANNING_UNKNOWN


def test_recurring_is_late_only_when_a_report_says_so():
    assert planned_deadline(parse_planning("Voor- en najaar").phases).kind is DeadlineKind.RECURRING
    assert _late("Voor- en najaar", D(2099, 1, 1)) is Lateness.RECURRING
    assert _late("Voor- en najaar", D(2099, 1, 1), R) is Lateness.RECURRING
    assert _late("Voor- en najaar", D(2099, 1, 1), OR, reported=True) is Lateness.LATE


def test_open_ended_planning_has_no_end_to_pass():
    assert _late("vanaf Q2-2025", D(2099, 1, 1)) is Lateness.OPEN


@pytest.mark.parametrize("status", [ProgressStatus.AFGEROND, ProgressStatus.GESTOPT])
def test_finished_or_stopped_work_is_never_late(status):
    assert _late("Q2-2024", D(2026, 12, 1), status) is Lateness.CLOSED
    assert _late("Voor- en najaar", D(2026, 12, 1), status, reported=True) is Lateness.CLOSED


@pytest.mark.parametrize("status", [G, OR, R, GR, ProgressStatus.ONBEKEND, None])
def test_any_open_status_can_be_late(status):
    assert _late("Q2-2024", D(2024, 7, 1), status) is Lateness.LATE


def test_explanation_is_required_for_oranje_rood_gestopt_only():
    assert {s for s in ProgressStatus if needs_explanation(s)} == {OR, R, ProgressStatus.GESTOPT}


def test_each_status_has_one_dutch_wording_and_no_report_is_not_a_colour():
    assert status_label(G) == "groen"
    assert status_meaning(OR) == "risico, bijsturing nodig"
    assert status_label(None) == "geen rapportage"
    assert len({status_label(s) for s in ProgressStatus}) == len(ProgressStatus)


def test_reporting_none_stale_current_around_the_interval():
    assert reporting(None, D(2025, 1, 1), 6) is Reporting.NONE
    assert reporting(D(2025, 1, 1), D(2025, 7, 1), 6) is Reporting.CURRENT
    assert reporting(D(2025, 1, 1), D(2025, 7, 2), 6) is Reporting.STALE
    assert reporting(D(2025, 1, 1), D(2099, 1, 1), None) is Reporting.CURRENT  # no stated interval


def test_add_months_clamps_to_the_month_end():
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2024, 8, 31), 6) == D(2025, 2, 28)
    assert add_months(D(2024, 11, 15), 3) == D(2025, 2, 15)


def _cost(amount: int | None, status: CostStatus = CostStatus.AMOUNT) -> CostValue:
    return CostValue(status, amount, "synthetisch")


NNB = _cost(None, CostStatus.TO_BE_DETERMINED)
NVT = _cost(None, CostStatus.NOT_APPLICABLE)


def _progress(number: int, marks: list[tuple[dt.date, ProgressStatus]], realised: CostValue | None = None,
              planning: str = "2030", today: dt.date = dt.date(2026, 12, 1), planned: CostValue | None = None,
              interval: int | None = None) -> ActionProgress:
    history = [(StatusMark(day, status, "toelichting"), realised, False) for day, status in marks]
    return action_progress(f"a{number}", number, planned or _cost(1000), history,
                           parse_planning(planning).phases, today, interval)


def test_history_is_kept_and_sorted_and_since_is_the_start_of_the_run():
    p = _progress(11, [(D(2025, 7, 1), G), (D(2024, 7, 1), OR), (D(2025, 1, 1), G)])
    assert [m.status for m in p.history] == [OR, G, G]
    assert p.status is G
    assert p.since == D(2025, 1, 1)


def test_a_peildatum_in_the_past_shows_what_was_known_then():
    p = _progress(11, [(D(2024, 7, 1), OR), (D(2025, 7, 1), G)], today=D(2025, 1, 1))
    assert p.status is OR
    assert len(p.history) == 1


def test_no_report_is_not_green_and_has_no_realised_spend():
    p = _progress(3, [])
    assert p.status is None
    assert p.reporting is Reporting.NONE
    assert p.realised is None
    assert p.exception_rank == 3


def test_exceptions_first_rood_oranje_late_no_report():
    items = [
        _progress(1, [(D(2026, 1, 1), G)]),
        _progress(2, [(D(2026, 1, 1), G)], planning="Q2-2024"),  # late
        _progress(3, []),
        _progress(4, [(D(2026, 1, 1), OR)]),
        _progress(5, [(D(2026, 1, 1), R)]),
    ]
    assert [p.number for p in by_exception(items)] == [5, 4, 2, 3, 1]


def test_counts_per_status_late_and_stale():
    items = [
        _progress(1, [(D(2026, 1, 1), G)], interval=6),  # stale on 1 Dec 2026
        _progress(2, [(D(2026, 11, 1), G)], planning="Q2-2024", interval=6),
        _progress(3, []),
    ]
    counts = status_counts(items)
    assert counts.per_status[G] == 2
    assert counts.per_status[R] == 0
    assert counts.no_report == 1
    assert counts.stale == 1
    assert counts.late == 1
    assert counts.total == 3


def test_nnb_spend_is_counted_and_never_summed_as_zero():
    items = [
        _progress(1, [(D(2026, 1, 1), G)], realised=_cost(400)),
        _progress(2, [(D(2026, 1, 1), G)], realised=NNB, planned=NNB),
        _progress(3, [(D(2026, 1, 1), G)], realised=NVT, planned=NVT),
        _progress(4, [(D(2026, 1, 1), G)], realised=_cost(0)),
        _progress(5, []),
    ]
    total = spend_sum(items)
    assert total.realised.known == 400
    assert total.realised.to_be_determined == 1
    assert total.realised.not_applicable == 1
    assert total.realised.amounts == 2  # € 0 is an amount, n.n.b. is not
    assert not total.realised.complete
    assert total.unreported == 1
    assert total.planned.known == 3000
    assert total.planned.to_be_determined == 1


def test_spend_by_group_counts_an_action_in_each_of_its_groups():
    a = _progress(1, [(D(2026, 1, 1), G)], realised=_cost(100))
    b = _progress(2, [(D(2026, 1, 1), G)], realised=NNB)
    groups = spend_by([("fo1", a), ("fo2", b), ("theme", a), ("theme", b)])
    assert groups["fo1"].realised.known == 100
    assert groups["fo2"].realised.to_be_determined == 1
    assert groups["theme"].realised.known == 100
    assert groups["theme"].realised.to_be_determined == 1


def test_status_changes_and_their_wording():
    old = {11: StatusMark(D(2025, 1, 1), OR), 12: StatusMark(D(2025, 1, 1), G)}
    new = {11: StatusMark(D(2025, 7, 1), G), 12: StatusMark(D(2025, 7, 1), G), 13: StatusMark(D(2025, 7, 1), R)}
    changes = status_changes(old, new)
    assert changes == [StatusChange(11, OR, G, D(2025, 7, 1)), StatusChange(13, None, R, D(2025, 7, 1))]
    assert status_change_text(changes[0]) == "Actie 11: oranje → groen, peildatum 1 juli 2025"
    assert status_change_text(changes[1]) == "Actie 13: nog geen status → rood, peildatum 1 juli 2025"
