"""Planned vs realised spend per focusopgave (pyqtgraph). Imported lazily by the Voortgang tab.

A sum with n.n.b. posts is drawn as long as its known euros and its label says what is missing
("€ 35.000 + 1 post n.n.b."); a sum with no amount at all draws no bar, only its words: n.n.b.
is never a bar of € 0.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from velsen_desk.core.spend_chart import MAX_CHART_ROWS, SpendRow
from velsen_desk.ui.budget.chart import EuroAxis, axis_width
from velsen_desk.ui.widgets.plotting import SERIES, pg, style_plot, text_colour
from velsen_desk.ui.widgets.style import esc

BAR = 0.36  # height of one bar; a focusopgave's two bars share one row


class SpendChart(QWidget):
    def __init__(self, texts: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = texts
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.plot = pg.PlotWidget(self, axisItems={"bottom": EuroAxis("bottom")}, enableMenu=False)
        style_plot(self.plot)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.invertY(True)
        self.plot.getAxis("left").setStyle(textFillLimits=[(0, 1.0)], autoExpandTextSpace=False,
                                           hideOverlappingLabels=False)
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.plot.setAccessibleName(texts["title"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot)
        self.rows: list[SpendRow] = []
        self.labels: list[str] = []  # the value texts drawn, planned then realised per row

    def show_rows(self, all_rows: list[SpendRow], total: int | None = None) -> None:
        """``total``: how many focusopgaven there are, when ``all_rows`` holds only the first."""
        rows = all_rows[:MAX_CHART_ROWS]
        total = max(total or 0, len(all_rows))
        self.rows = rows
        self.plot.clear()
        self.labels = []
        planned_colour, realised_colour = SERIES[0], SERIES[1]
        more = f" {self._texts['first'].format(len(rows), total)}" if total > len(rows) else ""
        self.title.setText(
            f"<b>{esc(self._texts['title'] + more)}</b> &nbsp; <span style='color:{planned_colour}'>■</span> "
            f"{esc(self._texts['planned'])} &nbsp; <span style='color:{realised_colour}'>■</span> "
            f"{esc(self._texts['realised'])}")
        text = text_colour()
        top = max([r.planned or 0 for r in rows] + [r.realised or 0 for r in rows] + [1])
        for offset, colour, series in ((-BAR / 2, planned_colour, [(y, r.planned) for y, r in enumerate(rows)]),
                                       (BAR / 2, realised_colour, [(y, r.realised) for y, r in enumerate(rows)])):
            drawn = [(y, amount) for y, amount in series if amount is not None]  # no amount: no bar
            if drawn:
                self.plot.addItem(pg.BarGraphItem(x0=[0] * len(drawn), width=[a for _, a in drawn],
                                                  y=[y + offset for y, _ in drawn], height=BAR,
                                                  brush=pg.mkBrush(colour), pen=None))
        for y, row in enumerate(rows):
            for offset, amount, words in ((-BAR / 2, row.planned, row.planned_text),
                                          (BAR / 2, row.realised, row.realised_text)):
                label = pg.TextItem(words, color=text, anchor=(0, 0.5))
                label.setPos(amount or 0, y + offset)
                self.plot.addItem(label)
                self.labels.append(words)
        axis = self.plot.getAxis("left")
        width = axis_width(max(self.width(), 300))
        axis.setWidth(width)
        metrics = QFontMetrics(self.font())
        axis.setTicks([[(y, metrics.elidedText(r.label, Qt.TextElideMode.ElideRight, width - 16))
                        for y, r in enumerate(rows)]])
        # Room for the words after the longest bar: they name what the bar leaves out.
        self.plot.setXRange(0, top * 1.9, padding=0)
        self.plot.setYRange(-0.6, max(len(rows), 1) - 0.4, padding=0)

