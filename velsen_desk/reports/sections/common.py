"""Small helpers shared by the sections: headings, tables, cost checks."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable, Table

from velsen_desk.core.formatting import format_cost
from velsen_desk.core.money import CostValue, Reconciliation
from velsen_desk.core.records import ActionPlanInfo, ProgrammeData
from velsen_desk.core.wording import Verdict, reconciliation_wording
from velsen_desk.reports.document import Heading, Part, orientation_of
from velsen_desk.reports.programme import is_concept
from velsen_desk.reports.styles import Styles, esc, table_style

NOT_STATED = "niet genoemd"


def heading(styles: Styles, text: str, key: str, level: int = 0, *, concept: bool | None = None,
            toc: bool = True) -> Heading:
    style = {0: styles.h1, 1: styles.h2}.get(level, styles.h3)
    h = Heading(text, style, key=key, level=level, concept=bool(concept), toc=toc)
    if concept is None:
        h.concept = None  # does not change the watermark state
    return h


def table(rows: list[list], widths: Sequence[float], *extra: tuple, header_rows: int = 1) -> Table:
    """A table that repeats its header on every page; a row taller than the space left splits
    inside its cells, so a long text (up to the schema's limit) never makes the layout fail."""
    return Table(
        rows, colWidths=list(widths), style=table_style(*extra, header_rows=header_rows),
        repeatRows=header_rows, splitByRow=1, splitInRow=1, hAlign="LEFT",
    )


def plan_parts(data: ProgrammeData, styles: Styles, kind_id: str, title: str,
               body: Callable[[ActionPlanInfo, str], list[Flowable]]) -> list[Part]:
    """One part per action plan, headed "<title> <plan>", in the kind's orientation, carrying the
    CONCEPT watermark when the plan's document is a concept. ``body`` gets the plan and its key."""
    parts = []
    for index, plan in enumerate(data.plans):
        key = f"{kind_id}{index}"
        concept = is_concept(data, plan.document.id)
        f: list[Flowable] = [heading(styles, f"{title} {plan.title}", key, 0, concept=concept), *body(plan, key)]
        parts.append(Part(f, orientation_of(kind_id), concept=concept))
    return parts


def cost_text(cost: CostValue | None) -> str:
    return format_cost(cost) if cost is not None else NOT_STATED


_VERDICT_COLOURS = {Verdict.AGREES: "#2e6b30", Verdict.DIFFERS: "#a35200"}


def check_markup(rec: Reconciliation | None) -> str:
    """"berekend … · ✓ klopt met document (…)" as escaped markup, the verdict in colour."""
    if rec is None:
        return ""
    wording = reconciliation_wording(rec)
    text = esc(wording.text)
    colour = _VERDICT_COLOURS.get(wording.verdict)
    if colour:
        text = f"<font color='{colour}'>{text}</font>"
    return f"berekend {esc(wording.computed)} · {text}"
