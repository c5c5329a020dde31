"""One monitor form per trekker of a plan, in one go (the window's "Voortgangsformulieren maken…").

Each form is :func:`~velsen_desk.workbook.monitor_template.monitor_template` for one trekker.
They are all made before the first is written, and written all or nothing: a failure or a
cancel leaves the chosen folder as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from velsen_desk.core.i18n import _
from velsen_desk.core.task_state import TaskState
from velsen_desk.curation.loader import DataSet
from velsen_desk.workbook.apply import write_updates
from velsen_desk.workbook.monitor_template import MonitorTemplateError, monitor_template
from velsen_desk.workbook.new_programme import slug
from velsen_desk.workbook.yaml_out import FileUpdate


@dataclass(frozen=True)
class MadeForm:
    trekker: str
    file: Path
    actions: int


@dataclass(frozen=True)
class MadeForms:
    plan_id: str
    forms: tuple[MadeForm, ...]
    skipped: tuple[tuple[str, str], ...]  # (trekker, Dutch reason): e.g. it reported on that peildatum already
    without_trekker: int  # actions the plan names no trekker for: no form can go to anyone


def trekkers_of(dataset: DataSet, plan_id: str) -> list[str]:
    names = {a.trekker for a in dataset.actions if a.plan == plan_id and a.trekker}
    return sorted(names, key=str.casefold)


def form_file_name(plan_id: str, peildatum: dt.date, trekker: str) -> str:
    return f"monitor-{slug(plan_id)}-{peildatum.isoformat()}-{slug(trekker)}.xlsx"


def make_monitor_forms(dataset: DataSet, plan_id: str, peildatum: dt.date, folder: Path,
                       state: TaskState | None = None) -> MadeForms:
    """Write a form for every trekker of ``plan_id`` into ``folder``. Raises
    :class:`MonitorTemplateError` (Dutch), ``OSError`` or ``Cancelled``; the folder is then unchanged."""
    if plan_id not in {str(p.id) for p in dataset.action_plans}:
        raise MonitorTemplateError(_("het actieplan ‘{plan}’ bestaat niet").format(plan=plan_id))
    trekkers = trekkers_of(dataset, plan_id)
    if not trekkers:
        raise MonitorTemplateError(_("geen enkele actie van {plan} noemt een trekker").format(plan=plan_id))
    updates: list[FileUpdate] = []
    forms: list[MadeForm] = []
    skipped: list[tuple[str, str]] = []
    for number, trekker in enumerate(trekkers):
        if state is not None:
            state.raise_if_cancelled()
            state.set_progress(90 * number / len(trekkers), trekker)
        try:
            made = monitor_template(dataset, plan_id, peildatum, trekker)
        except MonitorTemplateError as exc:  # this party reported on that peildatum already
            skipped.append((trekker, str(exc)))
            continue
        name = form_file_name(plan_id, peildatum, trekker)
        target = folder / name
        if target.exists() and not target.is_file():
            raise MonitorTemplateError(_("{path} is geen gewoon bestand").format(path=target))
        updates.append(FileUpdate(name, made.payload, not target.exists()))
        forms.append(MadeForm(trekker, target, made.actions))
    if state is not None:
        state.raise_if_cancelled()
        state.set_progress(90, "")
    write_updates(folder, updates, state)
    without = sum(1 for a in dataset.actions if a.plan == plan_id and not a.trekker)
    return MadeForms(plan_id, tuple(forms), tuple(skipped), without)
