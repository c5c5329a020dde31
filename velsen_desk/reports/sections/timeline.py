"""The Actieplan planning as a Gantt chart, with the source text of every action's planning."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, Spacer

from velsen_desk.core.phases import Precision, is_recurring, phases_span
from velsen_desk.core.records import ActionInfo, ActionPlanInfo, PhaseInfo, ProgrammeData
from velsen_desk.core.timeline import planning_lanes
from velsen_desk.core.wording import PLANNING_CAVEAT, PLANNING_CAVEAT_LEGEND
from velsen_desk.reports.document import Part
from velsen_desk.reports.gantt import GanttChart, GanttLegend, GanttRow, year_range
from velsen_desk.reports.sections.budget import planning_markup
from velsen_desk.reports.sections.common import heading, plan_parts, table
from velsen_desk.reports.styles import Styles

TITLE = "Planning"
UNKNOWN_LANE = "Planning onbekend"


def phase_text(phase: PhaseInfo) -> str:
    """How the planning was read, in words ("K2 2024", "schooljaar 2024–2025", "vanaf K2 2025")."""
    start, end = phase.start, phase.end
    if is_recurring(phase):
        return "terugkerend (geen data)"
    if start is None:
        return "onbekend"
    if phase.precision == Precision.QUARTER:
        text = f"K{(start.month - 1) // 3 + 1} {start.year}"
        if end and (end.year, end.month) != (start.year, start.month + 2):
            text += f" t/m K{(end.month - 1) // 3 + 1} {end.year}"
    elif phase.precision == Precision.HALF_YEAR:
        text = f"H{1 if start.month <= 6 else 2} {start.year}"
    elif phase.precision == Precision.SCHOOL_YEAR:
        text = f"schooljaar {start.year}–{start.year + 1}"
    else:
        text = str(start.year) if not end or end.year == start.year else f"{start.year} t/m {end.year}"
    if phase.open_ended:
        text = f"vanaf {text}"
    return f"{phase.label}: {text}" if phase.label else text


def _label(action: ActionInfo) -> str:
    """The row's label; the caveat mark where the running text contradicts the table's planning."""
    label = f"{action.number}. {action.title}"
    return f"{PLANNING_CAVEAT} {label}" if action.planning_conflict else label  # in front: long titles are cut


def rows_for(plan: ActionPlanInfo) -> list[GanttRow]:
    """The lanes of the window's timeline (core.timeline.planning_lanes), as Gantt rows."""
    lanes = planning_lanes(plan)
    rows: list[GanttRow] = []
    for lane in lanes.lanes:
        fo = lane.focusopgave
        rows.append(GanttRow("group", f"Focusopgave {fo.number}: {fo.title}" if fo else "Overige acties"))
        rows += [GanttRow("action", _label(a), a.phases, note=a.planning_text, action_id=a.id) for a in lane.actions]
    if lanes.unknown:
        rows.append(GanttRow("unknown-group", UNKNOWN_LANE))
        rows += [GanttRow("unknown", _label(a), note=a.planning_text, action_id=a.id)
                 for a in lanes.unknown]
    return rows


def build(data: ProgrammeData, styles: Styles, today: dt.date) -> list[Part]:
    """One landscape part per action plan; ``today`` is the date line in the chart."""
    return plan_parts(data, styles, "timeline", TITLE, lambda plan, key: _plan_flowables(styles, plan, key, today))


def _plan_flowables(styles: Styles, plan: ActionPlanInfo, key: str, today: dt.date) -> list[Flowable]:
    f: list[Flowable] = [styles.p(
        "Eén regel per actie, per focusopgave. De balken zijn zo precies als de bron: een kwartaal is een "
        "volle balk, een jaar of schooljaar een lichte gearceerde balk over de hele periode (de bron noemt "
        "geen kwartaal). Noemt de bron alleen een start (“Start haalbaarheidsfase in Q1-2024”), dan is de "
        "balk het kwartaal van die start: hoe lang het daarna duurt, zegt de bron niet. Acties zonder datum "
        "staan onderaan bij “Planning onbekend”.", styles.small)]
    rows = rows_for(plan)
    first, last = year_range(phases_span(a.phases) for a in plan.actions)
    f.append(GanttChart(rows, first, last, today=today))
    f.append(Spacer(0, 6))
    f.append(GanttLegend())
    if any(a.planning_conflict for a in plan.actions):
        f.append(styles.p(f"{PLANNING_CAVEAT} voor een actie: {PLANNING_CAVEAT_LEGEND}; wat de lopende tekst "
                          "zegt, staat in de tabel hieronder.", styles.small))
    f.append(heading(styles, "Planning per actie (brontekst)", f"{key}.text", 1))
    trows: list[list[object]] = [["Nr", "Actie", "Planning volgens het Actieplan", "Gelezen als"]]
    for action in plan.actions:
        trows.append([
            str(action.number), styles.p(action.title, styles.cell),
            styles.markup(planning_markup(action), styles.cell_small),
            styles.p("; ".join(phase_text(p) for p in action.phases) or "onbekend", styles.cell_small),
        ])
    f.append(table(trows, [24, 200, 346, 170]))
    f.append(styles.source(plan.document.title, None))
    return f
