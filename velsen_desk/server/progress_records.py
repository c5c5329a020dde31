"""Party statuses as data-file records and back: one report per plan and peildatum ("opgave van
<partij>", no source document), one entry per action, in the data file :data:`SERVER_PROGRESS_FILE`.

``export`` writes them there; ``load`` reads that file's records back into ``party_statuses``
instead of the curated tables, so export → load → export loses and doubles nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import ValidationError

from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.i18n import _
from velsen_desk.core.money import CostStatus
from velsen_desk.core.progress import ProgressStatus
from velsen_desk.curation.progress_schema import ProgressEntry, ProgressReport
from velsen_desk.curation.schema import LABEL_MAX, Cost
from velsen_desk.server.errors import ServerError

SERVER_PROGRESS_FILE = "voortgang-partijen.yaml"


@dataclass(frozen=True)
class PartyStatus:
    action_id: str
    plan_id: str
    trekker: str
    peildatum: dt.date
    status: str
    explanation: str | None
    spent_status: str
    spent_amount: int | None
    spent_qualifier: str | None
    spent_text: str


def report_id(plan_id: str, peildatum: dt.date) -> str:
    return f"{plan_id}.opgave-{peildatum.isoformat()}"


def entry_id(action_id: str, peildatum: dt.date) -> str:
    return f"{action_id}.opgave-{peildatum.isoformat()}"


def _parties(trekkers: Iterable[str]) -> str:
    names = sorted(set(trekkers), key=str.casefold)
    joined = ", ".join(names)
    prefix = len("opgave van ")
    return joined if len(joined) + prefix <= LABEL_MAX else f"{len(names)} partijen"


def records_of(statuses: Iterable[PartyStatus]) -> tuple[list[ProgressReport], list[ProgressEntry]]:
    by_report: dict[tuple[str, dt.date], list[PartyStatus]] = {}
    for status in statuses:
        by_report.setdefault((status.plan_id, status.peildatum), []).append(status)
    reports: list[ProgressReport] = []
    entries: list[ProgressEntry] = []
    for (plan, peildatum), items in sorted(by_report.items()):
        parties = _parties(s.trekker for s in items)
        reports.append(ProgressReport(
            id=report_id(plan, peildatum), plan=plan, date=peildatum, reported_by=parties,
            title=f"Voortgang op {format_long_date(peildatum)} (opgave via de server)",
            stated_by=f"opgave van {parties}"))
        for s in sorted(items, key=lambda s: s.action_id):
            entries.append(_entry(s, report_id(plan, peildatum)))
    return reports, entries


def _entry(s: PartyStatus, report: str) -> ProgressEntry:
    """The record of one status; a row the data model refuses (written before a database rule
    existed, or by hand) is named, so the griffie can find it, instead of failing the whole export."""
    try:
        return ProgressEntry(
            id=entry_id(s.action_id, s.peildatum), report=report, action=s.action_id,
            status=ProgressStatus(s.status), explanation=s.explanation,
            spent=Cost(status=CostStatus(s.spent_status), amount=s.spent_amount, qualifier=s.spent_qualifier,  # type: ignore[arg-type]
                       text=s.spent_text))
    except (ValidationError, ValueError) as exc:
        detail = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise ServerError(_(
            "De voortgang van actie ‘{action}’ op peildatum {date} (tabel party_statuses) is geen geldig gegeven: "
            "{error}. Herstel of verwijder die rij; er is niets geëxporteerd.").format(
                action=s.action_id, date=s.peildatum.isoformat(), error=detail)) from None


def statuses_of(reports: Iterable[ProgressReport],
                entries: Iterable[ProgressEntry]) -> list[tuple[str, dt.date, ProgressEntry]]:
    """(action, peildatum, entry) of the records of :data:`SERVER_PROGRESS_FILE`."""
    dates = {r.id: r.date for r in reports}
    return [(e.action, dates[e.report], e) for e in entries if e.report in dates]
