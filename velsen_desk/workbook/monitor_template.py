"""The monitor form for one peildatum (``velsen-desk monitor-template``).

It is the plan's programme workbook (so ``import-xlsx`` reads it back with every check and every
message of an export) with a new progress report for the peildatum filled in, and on the sheet
"Voortgang per actie" one row per action of the plan (or of one trekker) naming the report and
the action. Status, toelichting, realised spend and revised planning stay empty: only the party
that reports knows them, and an empty status is refused on import, so nothing passes as unknown
by accident.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from velsen_desk.core.i18n import _
from velsen_desk.curation.loader import DataSet
from velsen_desk.workbook.export import workbook_bytes
from velsen_desk.workbook.new_programme import slug
from velsen_desk.workbook.scope import ProgrammeIndex
from velsen_desk.workbook.sheets import FORM_REPORT_LABEL, FORM_TREKKER_LABEL


class MonitorTemplateError(ValueError):
    """The request cannot make a form; the message is Dutch."""


@dataclass(frozen=True)
class MonitorTemplate:
    plan_id: str
    report_id: str
    actions: int
    payload: bytes


def _plan_id(dataset: DataSet, plan: str | None) -> str:
    plans = [str(p.id) for p in dataset.action_plans]
    if plan is not None:
        if plan not in plans:
            raise MonitorTemplateError(_("het actieplan ‘{plan}’ bestaat niet (bekend: {known})").format(
                plan=plan, known=", ".join(plans) or _("geen")))
        return plan
    if len(plans) != 1:
        raise MonitorTemplateError(_("kies het actieplan met --plan (bekend: {known})").format(
            known=", ".join(plans) or _("geen")))
    return plans[0]


def monitor_template(dataset: DataSet, plan: str | None, peildatum: dt.date,
                     trekker: str | None = None) -> MonitorTemplate:
    plan_id = _plan_id(dataset, plan)
    actions = [a for a in dataset.actions if a.plan == plan_id]
    if trekker is not None:
        actions = [a for a in actions if a.trekker is not None and a.trekker.casefold() == trekker.casefold()]
        if not actions:
            known = sorted({a.trekker for a in dataset.actions if a.plan == plan_id and a.trekker}, key=str.casefold)
            raise MonitorTemplateError(_("‘{trekker}’ trekt geen actie van {plan} (trekkers: {known})").format(
                trekker=trekker, plan=plan_id, known=", ".join(known)))
        trekker = actions[0].trekker  # as the data writes the name: the import compares with it
    if any(r.plan == plan_id and r.date == peildatum and (trekker is None or r.reported_by == trekker)
           for r in dataset.progress_reports):
        raise MonitorTemplateError(_("er is al een voortgangsrapportage van {plan} op {date}").format(
            plan=plan_id, date=f"{peildatum:%d-%m-%Y}"))
    programme = ProgrammeIndex(dataset.collections).programme_of(
        "action_plans", next(p for p in dataset.action_plans if p.id == plan_id))
    suffix = f".{slug(trekker)}" if trekker else ""
    report_id = f"{plan_id}.voortgang-{peildatum.isoformat()}{suffix}"
    file = f"voortgang-{slug(plan_id)}-{peildatum.isoformat()}{suffix.replace('.', '-')}.yaml"
    plan_title = next(p.title for p in dataset.action_plans if p.id == plan_id)
    report: dict[str, object] = {
        "id": report_id, "plan": plan_id, "title": f"Voortgang {plan_title}", "date": peildatum, "@file": file}
    if trekker is not None:
        report |= {"reported_by": trekker, "stated_by": f"opgave van {trekker}"}
    entries = [{"id": f"{report_id}.{a.id.removeprefix(plan_id + '.')}", "report": report_id, "action": a.id,
                "@file": file} for a in sorted(actions, key=lambda a: a.number)]
    extra = {"Voortgangsrapportages": [report], "Voortgang per actie": entries}
    form = [(FORM_REPORT_LABEL, report_id)] + ([(FORM_TREKKER_LABEL, trekker)] if trekker else []) + [
        ("Monitorformulier", "Vul op het blad 'Voortgang per actie' per actie de status in. Uit dit formulier wordt "
                             "alleen deze rapportage met haar rijen ingelezen; de andere bladen zijn ter informatie.")]
    payload = workbook_bytes(dataset, [programme] if programme else None, extra, form)
    return MonitorTemplate(plan_id, report_id, len(entries), payload)
