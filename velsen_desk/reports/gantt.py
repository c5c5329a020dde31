"""A vector Gantt chart of action planning, as a flowable that splits across pages.

How exact a date is shows in the drawing, so the chart claims no more than the source:
a quarter or half year is a solid bar, a year or school year a light hatched bar, an open end
fades out into a "later" column with an arrow, a recurring pattern without dates is two open
markers with the source's words (never markers on dates the source does not give), and actions
without any planning sit in their own lane with their source text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from velsen_desk.core.phases import BarStyle, Precision, Span, bar_style, precision_style
from velsen_desk.core.records import PhaseInfo
from velsen_desk.core.timeline import RECURRING_TEXT_AT, recurring_marks, spans_range
from velsen_desk.reports.document import fit
from velsen_desk.reports.styles import ACCENT, FONT, FONT_BOLD, FONT_ITALIC, GROUP_BG, INK, MUTED, RULE

SOLID = colors.HexColor("#1f4e79")
HALF = colors.HexColor("#3f78ad")
LIGHT = colors.HexColor("#c9dbee")
HATCH = colors.HexColor("#5d87b3")
RECUR = colors.HexColor("#7a5a9e")
TODAY = colors.HexColor("#c0392b")

LABEL_WIDTH = 230.0
ROW = 13.0
GROUP_ROW = 15.0
AXIS = 28.0
LATER_QUARTERS = 2  # width of the "later" column, in quarters
FONT_SIZE = 7.0


@dataclass(frozen=True)
class GanttRow:
    kind: str  # "group", "action", "unknown-group" or "unknown"
    label: str
    phases: tuple[PhaseInfo, ...] = ()
    note: str | None = None  # the source text, shown for unknown and recurring planning
    action_id: str | None = None

    @property
    def height(self) -> float:
        return GROUP_ROW if self.kind.endswith("group") else ROW


def year_range(spans: Iterable[Span], first: int = 2023, last: int = 2026) -> tuple[int, int]:
    """The years on the axis: at least ``first``..``last``, and every year the plannings touch."""
    start, end = spans_range(spans)
    return min(first, start.year) if start else first, max(last, end.year) if end else last


class GanttChart(Flowable):
    def __init__(self, rows: Sequence[GanttRow], first_year: int, last_year: int, today: dt.date | None = None,
                 continued: bool = False):
        super().__init__()
        self.rows = tuple(rows)
        self.first_year, self.last_year = first_year, last_year
        self.today = today
        self.continued = continued

    # -- layout -------------------------------------------------------------------------------
    def wrap(self, availWidth, availHeight):  # noqa: N803
        self.width = availWidth
        self.height = AXIS + sum(r.height for r in self.rows) + 4
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        room = availHeight - AXIS - 4
        used, count = 0.0, 0
        for row in self.rows:
            if used + row.height > room:
                break
            used += row.height
            count += 1
        while count and self.rows[count - 1].kind.endswith("group"):
            count -= 1  # never leave a group title alone at the bottom of a page
        if count == 0 or count >= len(self.rows):
            return [] if count == 0 else [self]
        return [
            GanttChart(self.rows[:count], self.first_year, self.last_year, self.today, self.continued),
            GanttChart(self.rows[count:], self.first_year, self.last_year, self.today, True),
        ]

    # -- geometry -----------------------------------------------------------------------------
    @property
    def _quarters(self) -> int:
        return 4 * (self.last_year - self.first_year + 1)

    def _x0(self) -> float:
        return LABEL_WIDTH

    def _qwidth(self) -> float:
        return (self.width - LABEL_WIDTH) / (self._quarters + LATER_QUARTERS)

    def _x(self, day: dt.date) -> float:
        start = dt.date(self.first_year, 1, 1)
        years = (day - start).days / 365.25
        return self._x0() + max(0.0, years) * 4 * self._qwidth()

    def _x_end(self, day: dt.date) -> float:
        return self._x(day + dt.timedelta(days=1))

    def _axis_end(self) -> float:
        return self._x0() + self._quarters * self._qwidth()

    # -- drawing ------------------------------------------------------------------------------
    def draw(self):
        canv = self.canv
        canv.saveState()
        top = self.height
        self._draw_axis(canv, top)
        y = top - AXIS
        for row in self.rows:
            y -= row.height
            self._draw_row(canv, row, y)
        self._draw_today(canv, top - AXIS, y)
        canv.restoreState()

    def _draw_axis(self, canv, top: float) -> None:
        qw = self._qwidth()
        bottom = top - AXIS - sum(r.height for r in self.rows)
        canv.setFont(FONT_BOLD, 7.5)
        canv.setFillColor(INK)
        title = "Actie" + (" (vervolg)" if self.continued else "")
        canv.drawString(0, top - 17, title)
        for i, year in enumerate(range(self.first_year, self.last_year + 1)):
            x = self._x0() + 4 * i * qw
            canv.setFillColor(GROUP_BG if i % 2 == 0 else colors.white)
            canv.rect(x, bottom, 4 * qw, top - bottom, stroke=0, fill=1)
            canv.setFillColor(INK)
            canv.setFont(FONT_BOLD, 7.5)
            canv.drawCentredString(x + 2 * qw, top - 9, str(year))
            canv.setFont(FONT, 6.5)
            canv.setFillColor(MUTED)
            for q in range(4):
                canv.drawCentredString(x + (q + 0.5) * qw, top - 20, f"K{q + 1}")
            canv.setStrokeColor(RULE)
            canv.setLineWidth(0.6)
            canv.line(x, bottom, x, top)
            canv.setLineWidth(0.2)
            for q in range(1, 4):
                canv.line(x + q * qw, bottom, x + q * qw, top - AXIS + 4)
        later = self._axis_end()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(later, bottom, later, top)
        canv.setFont(FONT_ITALIC, 7)
        canv.setFillColor(MUTED)
        canv.drawCentredString(later + LATER_QUARTERS * qw / 2, top - 9, "later")
        canv.setLineWidth(0.8)
        canv.setStrokeColor(ACCENT)
        canv.line(0, top - AXIS, self.width, top - AXIS)

    def _draw_row(self, canv, row: GanttRow, y: float) -> None:
        if row.kind.endswith("group"):
            canv.setFillColor(colors.HexColor("#dde6f0"))
            canv.rect(0, y + 1, self.width, row.height - 2, stroke=0, fill=1)
            canv.setFillColor(ACCENT)
            canv.setFont(FONT_BOLD, 7.5)
            canv.drawString(3, y + 4.5, fit(row.label, FONT_BOLD, 7.5, self.width - 6))
            return
        canv.setFillColor(INK)
        canv.setFont(FONT, FONT_SIZE)
        canv.drawString(8, y + 3.8, fit(row.label, FONT, FONT_SIZE, LABEL_WIDTH - 14))
        canv.setStrokeColor(colors.HexColor("#e3e7ec"))
        canv.setLineWidth(0.2)
        canv.line(0, y, self.width, y)
        if row.kind == "unknown":
            canv.setFont(FONT_ITALIC, 6.5)
            canv.setFillColor(MUTED)
            text = "Planning onbekend" + (f" — bron: “{row.note}”" if row.note else "")
            canv.drawString(self._x0() + 4, y + 4, fit(text, FONT_ITALIC, 6.5, self.width - self._x0() - 8))
            return
        for phase in row.phases:
            self._draw_phase(canv, phase, y + 2.5, ROW - 5)
        if any(bar_style(p) is BarStyle.RECURRING for p in row.phases):
            # the years are not named: the markers are a symbol, the words say the pattern
            x = self._x0() + RECURRING_TEXT_AT * 4 * self._qwidth()
            canv.setFont(FONT_ITALIC, 6.5)
            canv.setFillColor(MUTED)
            text = "terugkerend, jaren niet genoemd" + (f" — bron: “{row.note}”" if row.note else "")
            canv.drawString(x, y + 4, fit(text, FONT_ITALIC, 6.5, self.width - x - 4))

    def _draw_phase(self, canv, phase: PhaseInfo, y: float, h: float) -> None:
        style = bar_style(phase)
        if style is BarStyle.RECURRING:
            self._draw_recurring(canv, y, h)
            return
        if style is None or phase.start is None:
            return
        x0 = self._x(phase.start)
        if style is BarStyle.OPEN or phase.end is None:
            self._draw_open(canv, x0, y, h, precision_style(phase.precision))
            return
        x1 = max(self._x_end(phase.end), x0 + 2)
        if style is BarStyle.SOLID:
            canv.setFillColor(SOLID if phase.precision == Precision.QUARTER else HALF)
            canv.rect(x0 + 0.5, y, x1 - x0 - 1, h, stroke=0, fill=1)
        else:
            draw_hatched(canv, x0 + 0.5, y, x1 - x0 - 1, h)

    def _draw_open(self, canv, x0: float, y: float, h: float, fill: BarStyle) -> None:
        end = self._axis_end()
        if x0 < end:
            if fill is BarStyle.SOLID:
                canv.setFillColor(SOLID)
                canv.rect(x0 + 0.5, y, end - x0 - 0.5, h, stroke=0, fill=1)
            else:
                draw_hatched(canv, x0 + 0.5, y, end - x0 - 0.5, h)
        draw_fade(canv, max(x0, end), y, LATER_QUARTERS * self._qwidth() - 6, h)

    def _draw_recurring(self, canv, y: float, h: float) -> None:
        for mark in recurring_marks(self.first_year, self.last_year + 1):
            draw_marker(canv, self._x0() + (mark - self.first_year) * 4 * self._qwidth(), y + h / 2, h / 2 + 0.5)

    def _draw_today(self, canv, top: float, bottom: float) -> None:
        if self.today is None or not (self.first_year <= self.today.year <= self.last_year):
            return
        x = self._x(self.today)
        canv.setStrokeColor(TODAY)
        canv.setLineWidth(0.7)
        canv.setDash(2, 2)
        canv.line(x, bottom, x, top)
        canv.setDash()
        canv.setFont(FONT, 6)
        canv.setFillColor(TODAY)
        canv.drawCentredString(x, top + 1.5, "vandaag")


def draw_hatched(canv, x: float, y: float, w: float, h: float) -> None:
    """A light bar with diagonal hatching (clipped by hand: no clip paths needed)."""
    canv.setFillColor(LIGHT)
    canv.setStrokeColor(HATCH)
    canv.setLineWidth(0.4)
    canv.rect(x, y, w, h, stroke=1, fill=1)
    step = 3.0
    canv.setLineWidth(0.35)
    # lines x' - y' = c (45°), for c from -h to w
    c = -h + step
    while c < w:
        ax, ay = (c, 0.0) if c >= 0 else (0.0, -c)
        bx, by = (c + h, h) if c + h <= w else (w, w - c)
        canv.line(x + ax, y + ay, x + bx, y + by)
        c += step


def draw_fade(canv, x: float, y: float, w: float, h: float) -> None:
    steps = 6
    for i in range(steps):
        canv.setFillColor(SOLID, alpha=0.75 * (1 - i / steps))
        canv.rect(x + i * w / steps, y, w / steps + 0.2, h, stroke=0, fill=1)
    canv.setFillColor(SOLID, alpha=0.8)
    path = canv.beginPath()
    path.moveTo(x + w, y - 1.5)
    path.lineTo(x + w + 5, y + h / 2)
    path.lineTo(x + w, y + h + 1.5)
    path.close()
    canv.drawPath(path, stroke=0, fill=1)
    canv.setFillAlpha(1)


def draw_marker(canv, x: float, y: float, r: float) -> None:
    canv.setStrokeColor(RECUR)
    canv.setFillColor(colors.white)
    canv.setLineWidth(0.8)
    path = canv.beginPath()
    path.moveTo(x, y - r)
    path.lineTo(x + r, y)
    path.lineTo(x, y + r)
    path.lineTo(x - r, y)
    path.close()
    canv.drawPath(path, stroke=1, fill=1)


class GanttLegend(Flowable):
    ITEMS = (
        ("quarter", "kwartaal (exact)"),
        ("half_year", "halfjaar"),
        ("year", "jaar of schooljaar (alleen het jaar is bekend)"),
        ("open", "open einde (“vanaf …”)"),
        ("recurring", "terugkerend, jaren niet genoemd (bv. “voor- en najaar”)"),
        ("today", "vandaag"),
    )

    def wrap(self, availWidth, availHeight):  # noqa: N803
        self.width = availWidth
        self._places: list[tuple[float, int]] = []
        x, line = 0.0, 0
        for _kind, text in self.ITEMS:
            need = 24 + stringWidth(text, FONT, 7) + 16
            if x and x + need > availWidth:
                x, line = 0.0, line + 1
            self._places.append((x, line))
            x += need
        self.height = 16 + 13 * (line + 1)
        return self.width, self.height

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.setFont(FONT_BOLD, 7)
        canv.setFillColor(INK)
        canv.drawString(0, self.height - 9, "Legenda")
        h = 8.0
        for (kind, text), (x, line) in zip(self.ITEMS, self._places, strict=True):
            y = self.height - 26 - 13 * line
            if kind in ("quarter", "half_year"):
                canv.setFillColor(SOLID if kind == "quarter" else HALF)
                canv.rect(x, y, 18, h, stroke=0, fill=1)
            elif kind == "year":
                draw_hatched(canv, x, y, 18, h)
            elif kind == "open":
                canv.setFillColor(SOLID)
                canv.rect(x, y, 6, h, stroke=0, fill=1)
                draw_fade(canv, x + 6, y, 10, h)
            elif kind == "recurring":
                draw_marker(canv, x + 5, y + h / 2, 4)
                draw_marker(canv, x + 14, y + h / 2, 4)
            else:
                canv.setStrokeColor(TODAY)
                canv.setLineWidth(0.7)
                canv.setDash(2, 2)
                canv.line(x + 9, y - 2, x + 9, y + h + 2)
                canv.setDash()
            canv.setFont(FONT, 7)
            canv.setFillColor(INK)
            canv.drawString(x + 24, y + 1.5, text)
        canv.restoreState()
