"""A horizontal bar chart of costs (pyqtgraph). Imported lazily by the budget tab."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from velsen_desk.core.formatting import format_euro
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.widgets.plotting import SERIES, pg, style_plot, text_colour
from velsen_desk.ui.widgets.style import esc


@dataclass(frozen=True)
class Bar:
    label: str
    amount: int  # 0 for n.v.t. / n.n.b.
    text: str  # shown at the end of the bar
    highlighted: bool = False
    unknown: bool = False


TICK_LABEL_PX = 95  # room one euro tick label ("€ 1.500.000") needs, with air on both sides


def nice_spacing(span: float, size_px: float) -> float:
    """A round tick spacing (1, 2, 2.5 or 5 × 10ⁿ) that leaves every euro label ``TICK_LABEL_PX``
    of room, so the labels never overlap however wide or narrow the chart is, and that still puts
    one tick besides the € 0 inside the range."""
    most = max(2.0, size_px // TICK_LABEL_PX)
    raw = span / most if span > 0 else 1.0
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    steps = [m * magnitude * f for f in (0.1, 1) for m in (1, 2, 2.5, 5, 10)]
    step = min(s for s in steps if s >= raw)
    return step if step <= span else max((s for s in steps if s <= span), default=step)


class EuroAxis(pg.AxisItem):
    only_zero = False  # set by the chart while it shows no amounts

    def tickStrings(self, values, scale, spacing):  # noqa: D102
        return [format_euro(int(v), window_locale()) if v >= 0 else "" for v in values]

    def tickSpacing(self, minVal, maxVal, size):  # noqa: D102, N802, N803 - pyqtgraph's names
        # pyqtgraph's own spacing is tuned for short numbers and lets "€ 250.000" labels collide
        if self.only_zero:
            return [(1e12, 0)]  # a branch without amounts (n.v.t., n.n.b.): the € 0 line only, no "€ 1"
        return [(nice_spacing(maxVal - minVal, size), 0)]


AXIS_WIDTH = 210  # the label axis at most; a narrow chart gives it less (see _fit_axis)
AXIS_SHARE = 0.45  # of the chart's width at most, so the bars keep room beside the labels
AXIS_MIN = 80
LABEL_MARGIN_PX = 16  # the text item's own padding plus air before the edge
ROW_GAP_PX = 2  # between one bar's value label and the next one's


def axis_width(chart_width: int) -> int:
    return int(max(AXIS_MIN, min(AXIS_WIDTH, chart_width * AXIS_SHARE)))


def _short(text: str, metrics: QFontMetrics, width: int) -> str:
    """Elide by pixels: pyqtgraph silently drops a tick label wider than its axis."""
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - 16)


def label_text(text: str) -> str:
    """A sum's value as two lines ("€ 691.000" over "+ 1 post n.n.b."): beside a bar in a narrow
    chart the one-line form was cut off after "+ 1 pos"."""
    return text.replace(" + ", "\n+ ")


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
        self.bars: list[Bar] = []  # the bars shown
        self._given: list[Bar] = []  # the bars asked for; the first ones that fit are shown
        self._title = ""
        self._total = 0
        self._bar_item: pg.BarGraphItem | None = None
        self._labels: list[pg.TextItem] = []  # one per bar shown so far; the extra ones hidden
        self.plot.getViewBox().sigResized.connect(self._on_resized)

    def show_bars(self, title: str, bars: list[Bar], total: int = 0) -> None:
        """Show the first of ``bars`` that fit with their value labels (of ``total`` there are;
        the title then says how many it shows). The bar item and the value labels are made once
        and then only get new data (clearing the plot and making ~20 text items again took
        ~15 ms per selection)."""
        self._given, self._title, self._total = bars, title, max(total, len(bars))
        self._show(self._rows_that_fit())

    def _rows_that_fit(self) -> int:
        """How many of the bars asked for fit one above the other without their value labels
        overlapping: a two-line label ("€ 320.000" over "+ 1 post n.n.b.") needs two lines of
        height per bar (at 40 bars in a 720 px window they ran into the next bar's label)."""
        height = self.plot.getViewBox().height()
        if height <= 1:  # not laid out yet: the resize that follows fits them
            return len(self._given)
        lines = max((label_text(b.text).count("\n") + 1 for b in self._given), default=1)
        pitch = lines * QFontMetrics(self.font()).lineSpacing() + ROW_GAP_PX
        return max(1, min(len(self._given), int(height // pitch)))

    def _on_resized(self) -> None:
        if self._given and self._rows_that_fit() != len(self.bars):
            self._show(self._rows_that_fit())
        else:
            self._fit_x_range()

    def _show(self, count: int) -> None:
        bars = self.bars = self._given[:count]
        title = self._title
        if self._total > len(bars):
            # more bars than the chart can show legibly: the first ones, and the title says so
            title += " " + self.tr("(de eerste {0} van {1})").format(len(bars), self._total)
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
            label.setText(label_text(bars[i].text))
            label.setPos(bars[i].amount, i)
            label.setVisible(True)
        self._fit_axis()
        self.plot.setYRange(-0.6, len(bars) - 0.4, padding=0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if axis_width(self.width()) != self.plot.getAxis("left").width():
            self._fit_axis()

    def _fit_axis(self) -> None:
        """Give the labels what the chart's width allows and elide them to it."""
        axis = self.plot.getAxis("left")
        width = axis_width(self.width())
        axis.setWidth(width)
        metrics = QFontMetrics(axis.style.get("tickFont") or self.font())
        axis.setTicks([[(y, _short(b.label, metrics, width)) for y, b in enumerate(self.bars)]])
        self._fit_x_range()

    def _fit_x_range(self) -> None:
        """Widen the euro axis until every value label fits beside its bar.

        Labels are measured in pixels and bars in euros, so this depends on the chart's width
        and runs again when it changes."""
        if not self.bars:
            return
        top = max(b.amount for b in self.bars) or 1
        axis = self.plot.getAxis("bottom")
        if isinstance(axis, EuroAxis):
            axis.only_zero = all(b.amount == 0 for b in self.bars)
        width = self.plot.getViewBox().width()
        metrics = QFontMetrics(self.font())
        span = top * 1.05
        for bar in self.bars:
            text_width = max(metrics.horizontalAdvance(line) for line in label_text(bar.text).splitlines())
            room = width - text_width - LABEL_MARGIN_PX
            # A chart too narrow for label and bar side by side keeps the bars readable instead.
            span = max(span, bar.amount * width / room if room > width * 0.25 else top * 4)
        self.plot.setXRange(0, span, padding=0)
