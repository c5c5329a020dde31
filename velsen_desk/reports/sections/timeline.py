"""The Actieplan planning as a Gantt chart, with the source text of every action's planning."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Spacer

from velsen_desk.core.records import ActionInfo, ActionPlanInfo, PhaseInfo, ProgrammeData
from velsen_desk.reports.document import LANDSCAPE, Part
from velsen_desk.reports.gantt import GanttChart, GanttLegend, GanttRow, year_range
from velsen_desk.reports.programme import is_concept
from velsen_desk.reports.sections.common import heading, table
from velsen_desk.reports.styles import Styles

TITLE = "Planning"
UNKNOWN_LANE = "Planning onbekend"


def phase_text(phase: PhaseInfo) -> str:
    """How the planning was read, in words ("K2 2024", "schooljaar 2024–2025", "vanaf K2 2025")."""
    start, end = phase.start, phase.end
    if phase.precision == "recurring":
        return "terugkerend (geen data)"
    if start is None:
        return "onbekend"
    if phase.precision == "quarter":
        text = f"K{(start.month - 1) // 3 + 1} {start.year}"
        if end and (end.year, end.month) != (start.year, start.month + 2):
            text += f" t/m K{(end.month - 1) // 3 + 1} {end.year}"
    elif phase.precision == "half_year":
        text = f"H{1 if start.month <= 6 else 2} {start.year}"
    elif phase.precision == "school_year":
        text = f"schooljaar {start.year}–{start.year + 1}"
    else:
        text = str(start.year) if not end or end.year == start.year else f"{start.year} t/m {end.year}"
    if phase.open_ended:
        text = f"vanaf {text}"
    return f"{phase.label}: {text}" if phase.label else text


def rows_for(plan: ActionPlanInfo) -> list[GanttRow]:
    rows: list[GanttRow] = []
    unknown: list[ActionInfo] = []

    def add(actions) -> None:
        for a in actions:
            if a.planning_unknown:
                unknown.append(a)
            else:
                rows.append(GanttRow("action", f"{a.number}. {a.title}", a.phases))

    for fo in plan.focusopgaven:
        rows.append(GanttRow("group", f"Focusopgave {fo.number}: {fo.title}"))
        add(fo.actions)
    if plan.loose_actions:
        rows.append(GanttRow("group", "Overige acties"))
        add(plan.loose_actions)
    if unknown:
        rows.append(GanttRow("unknown-group", UNKNOWN_LANE))
        rows += [GanttRow("unknown", f"{a.number}. {a.title}", note=a.planning_text) for a in unknown]
    return rows


def build(data: ProgrammeData, styles: Styles, today: dt.date) -> list[Part]:
    """One landscape part per action plan; ``today`` is the date line in the chart."""
    parts = []
    for index, plan in enumerate(data.plans):
        key = f"timeline{index}"
        concept = is_concept(data, plan.document.id)
        f: list = [heading(styles, f"{TITLE} {plan.title}", key, 0, concept=concept)]
        f.append(styles.p(
            "Eén regel per actie, per focusopgave. De balken zijn zo precies als de bron: een kwartaal is een "
            "volle balk, een jaar of schooljaar een lichte gearceerde balk over de hele periode (de bron noemt "
            "geen kwartaal). Acties zonder datum staan onderaan bij “Planning onbekend”.", styles.small))
        rows = rows_for(plan)
        first, last = year_range(rows)
        f.append(GanttChart(rows, first, last, today=today))
        f.append(Spacer(0, 6))
        f.append(GanttLegend())
        f.append(heading(styles, "Planning per actie (brontekst)", f"{key}.text", 1))
        trows: list[list] = [["Nr", "Actie", "Planning volgens het Actieplan", "Gelezen als"]]
        for action in plan.actions:
            trows.append([
                str(action.number), styles.p(action.title, styles.cell),
                styles.p(action.planning_text or "—", styles.cell_small),
                styles.p("; ".join(phase_text(p) for p in action.phases) or "onbekend", styles.cell_small),
            ])
        f.append(table(trows, [24, 200, 346, 170]))
        f.append(styles.source(plan.document.title, None))
        parts.append(Part(f, LANDSCAPE, concept=concept))
    return parts
