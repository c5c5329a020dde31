"""Small helpers shared by the sections: headings, tables, cost checks."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Table

from velsen_desk.core.formatting import format_cost, format_euro, format_sum
from velsen_desk.core.money import CostValue, Reconciliation
from velsen_desk.reports.document import Heading
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


def cost_text(cost: CostValue | None) -> str:
    return format_cost(cost) if cost is not None else NOT_STATED


def check_markup(rec: Reconciliation | None) -> str:
    """"berekend … · document … ✓/⚠" as escaped markup."""
    if rec is None:
        return ""
    computed = esc(format_sum(rec.computed))
    if rec.documented is None:
        return f"berekend {computed} · geen totaal in het document"
    documented = esc(format_cost(rec.documented))
    if rec.agrees is None:
        return f"berekend {computed} · document: {documented}"
    if rec.agrees:
        return f"berekend {computed} · document {documented} <font color='#2e6b30'>✓ klopt</font>"
    diff = rec.difference or 0
    sign = "+" if diff > 0 else "−"
    return (f"berekend {computed} · document {documented} "
            f"<font color='#a35200'>⚠ verschil {sign}{esc(format_euro(abs(diff)))}</font>")
