"""The voortgangsrapportage: counts per status, the exceptions, every action with its latest
status, explanation and spend, the targets with their measurements, and the evaluations.

Everything it says comes from :mod:`velsen_desk.core.progress` (via ``plan_overview``), the
same rules as the window and the command line. Without any report it says so and lists, from
the planning alone, the actions whose planned end has passed, inventing no status.
"""

from __future__ import annotations

import datetime as dt
import textwrap

from reportlab.platypus import Flowable, Spacer

from velsen_desk.core.formatting import format_cost, format_number
from velsen_desk.core.progress import (
    EXAMPLE_MARK,
    NO_PROGRESS_REPORT_TEXT,
    STALE_TEXT,
    ActionProgress,
    ProgressStatus,
    Reporting,
    by_exception,
    late_label,
    long_date,
    spend_text,
    status_label,
    status_meaning,
)
from velsen_desk.core.progress_records import PlanOverview, ProgressData, plan_overview
from velsen_desk.core.records import ActionPlanInfo, ProgrammeData
from velsen_desk.reports.document import Part
from velsen_desk.reports.sections.common import heading, plan_parts, table
from velsen_desk.reports.styles import FONT, FONT_BOLD, Styles

TITLE = "Voortgang"
_WIDTHS = [22, 118, 80, 62, 52, 64, 136]  # 534 pt: the portrait text width
# Cells are plain strings wrapped here, not Paragraphs: at 2,000 actions a Paragraph per cell made
# the report 4.3× a bare document per page (see bench/progress.py). Plain strings carry no markup,
# so nothing in the data needs escaping either.
_SHORT = ("FONT", (2, 1), (-1, -1), FONT, 7)
_TITLES = ("FONT", (1, 1), (1, -1), FONT, 8)
_CHAR_PT = {7: 4.0, 8: 4.6}  # a generous average DejaVu Sans advance, so a wrapped line never overflows
# The same, below a table's two heading rows (its focusopgave, the column heads).
_GROUP_SHORT = ("FONT", (2, 2), (-1, -1), FONT, 7)
_GROUP_TITLES = ("FONT", (1, 2), (1, -1), FONT, 8)


def build(data: ProgrammeData, progress: ProgressData, styles: Styles, peildatum: dt.date) -> list[Part]:
    return plan_parts(data, styles, "voortgang", TITLE,
                      lambda plan, key: _plan(styles, data, progress, plan, key, peildatum))


def _plan(styles: Styles, data: ProgrammeData, progress: ProgressData, plan: ActionPlanInfo, key: str,
          peildatum: dt.date) -> list[Flowable]:
    overview = plan_overview(plan, progress, peildatum)
    f: list[Flowable] = []
    if overview.example or progress.is_example:
        f.append(styles.markup(f"<font color='#b00020'><b>{EXAMPLE_MARK}</b></font>"))
    f += _summary(styles, overview, key)
    f += _exceptions(styles, overview, key)
    f += _actions(styles, overview, key)
    f += _targets(styles, data, progress, key)
    f += _evaluations(styles, progress, plan, key)
    return f


def _summary(styles: Styles, overview: PlanOverview, key: str) -> list[Flowable]:
    f: list[Flowable] = [heading(styles, "Samenvatting", f"{key}.summary", 1)]
    latest = overview.latest_report
    if latest is None:
        f.append(styles.p(f"Stand op {long_date(overview.today)}. {NO_PROGRESS_REPORT_TEXT}. "
                          "Hieronder staat alleen wat uit de planning volgt; er is geen status van een actie."))
    else:
        who = latest.stated_by or latest.reported_by
        f.append(styles.p(f"Stand op {long_date(overview.today)}, volgens de laatste rapportage: "
                          f"{latest.title}, peildatum {long_date(latest.date)} ({who})."))
        counts = overview.counts
        rows: list[list[object]] = [["Status", "Betekenis", "Acties"]]
        rows += [[status_label(s), status_meaning(s), str(counts.per_status[s])] for s in ProgressStatus]
        rows.append(["geen rapportage", "geen status ontvangen", str(counts.no_report)])
        f.append(table(rows, [90, 330, 60]))
        f.append(Spacer(0, 6))
    f.append(styles.p(f"Te laat of einde planning verstreken: {overview.counts.late} van {len(overview.items)} "
                      "acties."))
    f.append(styles.p(f"Uitgaven van het plan: {spend_text(overview.spend)}."))
    rows = [["Focusopgave", "Uitgaven"]]
    for group in overview.groups:
        name = (f"{group.focusopgave.number}. {group.focusopgave.title}" if group.focusopgave else "Overige acties")
        rows.append([styles.p(name, styles.cell), styles.p(spend_text(group.spend), styles.cell)])
    f.append(table(rows, [200, 334]))
    return f


def _status_cell(item: ActionProgress) -> str:
    lines = [status_label(item.status)]
    if item.since is not None:
        lines.append(f"sinds {long_date(item.since)}")
    if item.reporting is Reporting.STALE:
        lines.append(STALE_TEXT)
    return "\n".join(lines)


def _wrapped(text: str, column: int, size: int = 7) -> str:
    chars = max(8, int((_WIDTHS[column] - 8) / _CHAR_PT[size]))
    return "\n".join(textwrap.fill(line, chars, break_long_words=True) for line in text.split("\n"))


def _row(styles: Styles, item: ActionProgress, title: str) -> list[object]:
    explanation = item.latest.explanation if item.latest and item.latest.explanation else ""
    return [
        str(item.number), _wrapped(title, 1, 8), _wrapped(_status_cell(item), 2),
        _wrapped(late_label(item), 3), _wrapped(format_cost(item.planned), 4),
        _wrapped(format_cost(item.realised) if item.realised else "—", 5), _wrapped(explanation, 6),
    ]


_HEADER = ["Nr", "Actie", "Status", "Planning", "Gepland", "Gerealiseerd", "Toelichting"]


def _exceptions(styles: Styles, overview: PlanOverview, key: str) -> list[Flowable]:
    f: list[Flowable] = [heading(styles, "Uitzonderingen", f"{key}.exceptions", 1)]
    titles = {a.id: a.title for a in overview.plan.actions}
    ordered = by_exception(overview.items)
    reported = [i for i in ordered if i.exception_rank < 4 and i.status is not None]
    if reported:
        f.append(styles.p("Rood, oranje, te laat en zonder recente rapportage, in die volgorde.", styles.small))
        f.append(table([_HEADER, *(_row(styles, i, titles[i.action_id]) for i in reported)], _WIDTHS, _SHORT, _TITLES))
        f.append(Spacer(0, 6))
    passed = sorted(i.number for i in ordered if i.status is None and i.is_late)
    if passed:
        f.append(styles.p("Einde planning verstreken, zonder rapportage: acties "
                          + ", ".join(str(n) for n in passed) + "."))
    if not reported and not passed:
        f.append(styles.p("Geen uitzonderingen."))
    return f


def _actions(styles: Styles, overview: PlanOverview, key: str) -> list[Flowable]:
    """A table per focusopgave, its name spanned over its first row and repeated with the column
    heads on each page. One table with a spanned row per focusopgave made ReportLab walk every
    span at each page break: at 2,000 actions the report was 1.7× a bare document per page (the
    annex 1.2×), most of it in that bookkeeping. A heading paragraph kept with its table instead
    moved a whole table to the next page when it did not fit, leaving half a page empty."""
    f: list[Flowable] = [heading(styles, "Alle acties", f"{key}.actions", 1)]
    titles = {a.id: a.title for a in overview.plan.actions}
    for group in overview.groups:
        name = (f"Focusopgave {group.focusopgave.number}: {group.focusopgave.title}" if group.focusopgave
                else "Overige acties")
        rows: list[list[object]] = [[name, "", "", "", "", "", ""], _HEADER,
                                    *(_row(styles, i, titles[i.action_id]) for i in group.items)]
        f.append(table(rows, _WIDTHS, _GROUP_SHORT, _GROUP_TITLES, ("SPAN", (0, 0), (-1, 0)),
                       ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), header_rows=2))
        f.append(Spacer(0, 4))
    return f


def _targets(styles: Styles, data: ProgrammeData, progress: ProgressData, key: str) -> list[Flowable]:
    f: list[Flowable] = [heading(styles, "Doelen en metingen", f"{key}.targets", 1)]
    if not progress.measurements:
        f.append(styles.p("Nog geen metingen van de meetbare doelen ontvangen."))
        return f
    points = {p.id: p for c in data.chapters for p in c.focus_points}
    rows: list[list[object]] = [["Doel", "Streefwaarde", "Meting", "Bron"]]
    for m in progress.measurements:
        point = points.get(m.focus_point_id)
        target = point.targets[m.target] if point and m.target < len(point.targets) else None
        goal = target.text if target else m.focus_point_id
        aim = "—"
        if target and target.figure is not None:
            aim = f"{format_number(target.figure)} {target.unit or ''}".strip()
            aim += f" in {target.year}" if target.year else ""
        when = long_date(m.date) if m.date else str(m.year)
        value = f"{format_number(m.value)} {m.unit or ''}".strip() + f" ({when})"
        source = m.measured_by + (f"; {m.note}" if m.note else "")
        rows.append([styles.p(goal, styles.cell_small), styles.p(aim, styles.cell_small),
                     styles.p(value, styles.cell_small), styles.p(source, styles.cell_small)])
    f.append(table(rows, [250, 80, 90, 114]))
    return f


def _evaluations(styles: Styles, progress: ProgressData, plan: ActionPlanInfo, key: str) -> list[Flowable]:
    f: list[Flowable] = [heading(styles, "Evaluaties", f"{key}.evaluations", 1)]
    evaluations = [e for e in progress.evaluations if e.plan_id == plan.id]
    if not evaluations:
        f.append(styles.p("Nog geen evaluatie ontvangen."))
        return f
    for e in evaluations:
        f.append(styles.p(f"{long_date(e.date)} — {e.title}"))
        if e.summary:
            f.append(styles.p(e.summary, styles.small))
        where = e.reference or e.stated_by
        if where:
            f.append(styles.p(f"Bron: {where}", styles.small))
    return f
