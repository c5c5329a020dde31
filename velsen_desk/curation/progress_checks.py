"""Checks across progress records: references, one entry per action per report, one report per
peildatum, targets that exist, and revised-planning quotes against the sources."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.i18n import _
from velsen_desk.core.text import squash

if TYPE_CHECKING:
    from velsen_desk.curation.loader import DataSet

# (collection, field) -> (collection the field must name, Dutch noun for the message)
_REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("progress_reports", "plan"): ("action_plans", "actieplan"),
    ("progress_reports", "programme"): ("programmes", "programma"),
    ("progress_entries", "report"): ("progress_reports", "voortgangsrapportage"),
    ("progress_entries", "action"): ("actions", "actie"),
    ("measurements", "focus_point"): ("focus_points", "focuspunt"),
    ("evaluations", "plan"): ("action_plans", "actieplan"),
}

Finding = tuple[Any, str, str]  # (record, field, Dutch message)


def progress_findings(dataset: DataSet, texts: dict[str, str | None]) -> Iterator[Finding]:
    """Problems of the progress collections; ``texts`` are the documents' squashed texts."""
    ids = {name: {r.id for r in dataset.collections[name]}  # type: ignore[attr-defined]
           for name in {target for target, _ in _REFERENCES.values()}}
    for (collection, field), (target, noun) in _REFERENCES.items():
        for record in dataset.collections[collection]:
            ref = getattr(record, field)
            if ref is not None and ref not in ids[target]:
                yield record, field, f"onbekende {noun} '{ref}'"

    reports = {r.id: r for r in dataset.progress_reports}
    plan_of_action = {a.id: a.plan for a in dataset.actions}
    # One report per reporter and peildatum: each trekker fills in its own form for the same date.
    seen_dates: dict[tuple[str, object, str], str] = {}
    clashing: set[str] = set()  # reported once, on the report: its rows need no second message
    for report in dataset.progress_reports:
        dated_key = (report.plan or report.programme, report.date, (report.reported_by or "").casefold())
        if dated_key in seen_dates:
            clashing.add(report.id)
            yield report, "date", _("er is al een voortgangsrapportage met peildatum {date} ('{other}')").format(
                date=format_long_date(report.date), other=seen_dates[dated_key])
        else:
            seen_dates[dated_key] = report.id

    seen_entries: dict[tuple[str, str], str] = {}
    seen_dated: dict[tuple[str, object, str], str] = {}
    for entry in dataset.progress_entries:
        report = reports.get(entry.report)
        if report is None:
            continue  # reported as an unknown reference
        if report.plan is None:
            yield entry, "report", _(
                "voortgangsrapportage '{report}' hoort bij een programma, niet bij een actieplan met acties"
            ).format(report=report.id)
        elif entry.action in plan_of_action and plan_of_action[entry.action] != report.plan:
            yield entry, "action", _(
                "actie '{action}' hoort niet bij actieplan '{plan}' van voortgangsrapportage '{report}'"
            ).format(action=entry.action, plan=report.plan, report=report.id)
        key = (entry.report, entry.action)
        if key in seen_entries:
            yield entry, "action", _(
                "actie '{action}' staat twee keer in voortgangsrapportage '{report}' (ook bij '{other}')"
            ).format(action=entry.action, report=entry.report, other=seen_entries[key])
        else:
            seen_entries[key] = entry.id
            # reports of several parties on one peildatum: an action's status on it must be one
            dated = (report.plan, report.date, entry.action)
            if report.id in clashing:
                pass
            elif dated in seen_dated:
                yield entry, "action", _(
                    "actie '{action}' heeft op peildatum {date} al een status in voortgangsrapportage '{other}'"
                ).format(action=entry.action, date=format_long_date(report.date), other=seen_dated[dated])
            else:
                seen_dated[dated] = entry.report
        yield from _planning_source(entry, texts)

    targets = {p.id: len(p.targets) for p in dataset.focus_points}
    for measurement in dataset.measurements:
        count = targets.get(measurement.focus_point)
        if count is not None and measurement.target >= count:
            yield measurement, "target", _(
                "focuspunt '{point}' heeft {count} meetbare doelen; doel {target} bestaat niet (telling begint bij 0)"
            ).format(point=measurement.focus_point, count=count, target=measurement.target)


def _planning_source(entry: Any, texts: dict[str, str | None]) -> Iterator[Finding]:
    source = entry.planning_source
    if source is None:
        return
    if source.doc not in texts:
        yield entry, "planning_source.doc", _("bronverwijzing naar onbekend document '{doc}'").format(doc=source.doc)
        return
    text = texts[source.doc]
    if source.quote is not None and text is not None and squash(source.quote) not in text:
        yield entry, "planning_source.quote", _("citaat komt niet voor in de brontekst")
