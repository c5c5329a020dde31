"""A horizontal bar chart of costs (pyqtgraph). Imported lazily by the budget tab."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from velsen_desk.core.formatting import format_euro
from velsen_desk.ui.widgets.plotting import SERIES, pg, style_plot, text_colour
from velsen_desk.ui.widgets.style import esc


@dataclass(frozen=True)
class Bar:
    label: str
    amount: int  # 0 for n.v.t. / n.n.b.
    text: str  # shown at the end of the bar
    highlighted: bool = False
    unknown: bool = False


def nice_step(raw: float) -> int:
    """The smallest 1, 2 or 5 × 10ⁿ whole euros at least ``raw``."""
    if raw <= 1:
        return 1
    magnitude = int(10 ** math.floor(math.log10(raw)))  # raw > 1: a whole power of ten
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def nice_floor(value: float) -> int:
    """The largest 1, 2 or 5 × 10ⁿ whole euros at most ``value`` (at least 1)."""
    if value < 2:
        return 1
    magnitude = int(10 ** math.floor(math.log10(value)))  # value >= 2: a whole power of ten
    return max(m * magnitude for m in (1, 2, 5) if m * magnitude <= value)


class EuroAxis(pg.AxisItem):
    """Whole-euro ticks, only as many as their labels fit side by side. pyqtgraph's own ticks
    ignore the label width ("€ 100.0€0200.000" in a narrow chart) and, below € 1, label every
    fifth of a euro "€ 0"."""

    TICK_GAP_PX = 16
    no_amounts = False  # set by the chart when every bar is n.v.t. or n.n.b.: only "€ 0" is true

    def tickValues(self, minVal, maxVal, size):  # noqa: N803 (pyqtgraph's names)
        low, high = max(0.0, minVal), maxVal
        if high <= low or size <= 0:
            return []
        if self.no_amounts:
            return [(1.0, [0.0])] if low == 0 else []
        metrics = QFontMetrics(self.style.get("tickFont") or self.font())
        widest = metrics.horizontalAdvance(format_euro(int(high))) + self.TICK_GAP_PX
        fits = int(size // widest)
        if fits <= 1:  # room for one label: a round amount inside the range says more than "€ 0"
            top = nice_floor(high)
            return [(float(top), [float(top)] if top >= low else [])]
        step = nice_step((high - low) / fits)
        first = math.ceil(low / step) * step
        return [(float(step), [float(v) for v in range(first, int(high) + 1, step)])]

    def tickStrings(self, values, scale, spacing):  # noqa: D102
        return [format_euro(int(v)) if v >= 0 else "" for v in values]


AXIS_WIDTH = 210
AXIS_SHARE = 0.55  # at most this part of a narrow chart goes to the action names, the rest to bars
LABEL_MARGIN_PX = 16  # the text item's own padding plus air before the edge


def _short(text: str, metrics: QFontMetrics, width: int = AXIS_WIDTH) -> str:
    """Elide by pixels: pyqtgraph silently drops a tick label wider than its axis."""
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - 16)


class CostChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        # No context menus (disabled below too); made without them, the chart builds ~2 ms quicker.
        self.plot = pg.PlotWidget(self, axisItems={"bottom": EuroAxis("bottom")}, enableMenu=False)
        style_plot(self.plot)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.invertY(True)
        self.plot.getAxis("left").setWidth(AXIS_WIDTH)
        # Every bar needs its label: pyqtgraph otherwise drops labels it thinks overlap.
        self.plot.getAxis("left").setStyle(
            textFillLimits=[(0, 1.0)], autoExpandTextSpace=False, hideOverlappingLabels=False
        )
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.plot.setAccessibleName(self.tr("Staafdiagram kosten"))
        self.plot.setAccessibleDescription(self.tr("Kosten per actie of per regel van de gekozen tak."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot)
        self.bars: list[Bar] = []
        self._bar_item: pg.BarGraphItem | None = None
        self._labels: list[pg.TextItem] = []  # one per bar shown so far; the extra ones hidden
        self.plot.getViewBox().sigResized.connect(self._fit_x_range)

    def show_bars(self, title: str, bars: list[Bar]) -> None:
        """Show ``bars``; the bar item and the value labels are made once and then only get new
        data (clearing the plot and making ~20 text items again took ~15 ms per selection)."""
        self.bars = bars
        self.title.setText(f"<b>{esc(title)}</b>")
        if not bars:
            for item in (self._bar_item, *self._labels):
                if item is not None:
                    item.setVisible(False)
            return
        ys = list(range(len(bars)))
        colour, highlight, unknown = SERIES[0], SERIES[1], "#999999"
        brushes = [
            pg.mkBrush(highlight if b.highlighted else unknown if b.unknown else colour) for b in bars
        ]
        shape = {"x0": [0] * len(bars), "width": [b.amount for b in bars], "y": ys, "height": 0.6,
                 "brushes": brushes, "pens": [None] * len(bars)}
        if self._bar_item is None:
            self._bar_item = pg.BarGraphItem(**shape)
            self.plot.addItem(self._bar_item)
        else:
            self._bar_item.setOpts(**shape)
            self._bar_item.setVisible(True)
        text = text_colour()
        while len(self._labels) < len(bars):
            label = pg.TextItem("", color=text, anchor=(0, 0.5))
            self.plot.addItem(label)
            self._labels.append(label)
        for i, label in enumerate(self._labels):
            if i >= len(bars):
                label.setVisible(False)
                continue
            if label.color != text:  # the palette changed since it was made
                label.setColor(text)
            label.setText(bars[i].text)
            label.setPos(bars[i].amount, i)
            label.setVisible(True)
        self._label_axis()
        self._fit_x_range()
        self.plot.setYRange(-0.6, len(bars) - 0.4, padding=0)

    def label_width(self) -> int:
        """The action names' column: 210 px, less in a narrow chart (beside the search panel at
        1280 px the names took all but 10 px and left no room for a bar)."""
        return max(80, min(AXIS_WIDTH, int(self.width() * AXIS_SHARE)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.bars and self.plot.getAxis("left").width() != self.label_width():
            self._label_axis()
            self._fit_x_range()

    def _label_axis(self) -> None:
        axis = self.plot.getAxis("left")
        width = self.label_width()
        axis.setWidth(width)
        metrics = QFontMetrics(axis.style.get("tickFont") or self.font())
        axis.setTicks([[(y, _short(b.label, metrics, width)) for y, b in enumerate(self.bars)]])

    def _fit_x_range(self) -> None:
        """Widen the euro axis until every value label fits beside its bar.

        Labels are measured in pixels and bars in euros, so this depends on the chart's width
        and runs again when it changes."""
        if not self.bars:
            return
        known = max(b.amount for b in self.bars)
        axis = self.plot.getAxis("bottom")
        if isinstance(axis, EuroAxis):
            axis.no_amounts = known == 0
            axis.picture = None  # the ticks depend on it: draw them again
            axis.update()
        top = known or 1
        width = self.plot.getViewBox().width()
        metrics = QFontMetrics(self.font())
        span = top * 1.05
        for bar in self.bars:
            room = width - metrics.horizontalAdvance(bar.text) - LABEL_MARGIN_PX
            # A chart too narrow for label and bar side by side keeps the bars readable instead.
            span = max(span, bar.amount * width / room if room > width * 0.25 else top * 4)
        self.plot.setXRange(0, span, padding=0)
