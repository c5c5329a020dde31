"""The Gantt chart (pyqtgraph): bars per action over quarters. Imported lazily."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QCursor, QGradient, QLinearGradient, QPen
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from velsen_desk.core.phases import BarStyle
from velsen_desk.core.timeline import RECURRING_TEXT_AT, Row, TimelineLayout
from velsen_desk.core.wording import PLANNING_CAVEAT
from velsen_desk.ui.progress.marks import STATUS_COLOURS
from velsen_desk.ui.timeline.axis import QuarterAxis, RowAxis
from velsen_desk.ui.widgets.plotting import SERIES, pg, style_plot, text_colour
from velsen_desk.ui.widgets.style import esc

VISIBLE_ROWS = 40  # rows a plan opens on; the rest scroll into view
ROW_MARGIN = 20  # rows drawn beyond the view on either side
ROWS_PER_TURN = 10  # rows given their items per event-loop turn (each status label ~1–3 ms of pyqtgraph)


def trekker_colours(trekkers: tuple[str, ...]) -> dict[str, QColor]:
    return {t: QColor(SERIES[i % len(SERIES)]) for i, t in enumerate(trekkers)}


class GanttChart(QWidget):
    # ---- Signals
    sig_action_clicked = Signal(str)
    """The user clicked the bar (or row) of this action."""

    def __init__(self, texts: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self._texts = texts
        self.row_axis = RowAxis("left")
        # No context menus (disabled below too); made without them, the chart builds ~2 ms quicker.
        self.plot = pg.PlotWidget(self, axisItems={"bottom": QuarterAxis("bottom"), "left": self.row_axis},
                                  enableMenu=False)
        style_plot(self.plot)
        self.plot.invertY(True)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.row_axis.setWidth(300)
        self.plot.setAccessibleName(self.tr("Tijdlijn"))
        self.plot.setAccessibleDescription(
            self.tr("Gantt-diagram van de acties per kwartaal; zoomen met het muiswiel, slepen om te schuiven.")
        )
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.plot.scene().sigMouseMoved.connect(self._on_move)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.layout_data: TimelineLayout | None = None
        self.colours: dict[str, QColor] = {}
        # The items with an outline per action (bars, markers), and whose each entry is.
        self._outlined: list[tuple[pg.BarGraphItem | pg.ScatterPlotItem, list[tuple[str, QColor]]]] = []
        self._row_items: list[pg.GraphicsObject] = []  # the drawn rows' bars, markers and texts
        self._status_items: dict[str, pg.TextItem] = {}  # the drawn rows' status labels
        self._drawn = (0, -1)  # the rows that have items, or will have in the turns that follow
        self._pending: list[list[int]] = []  # the rows still to draw, a batch per turn, those in view first
        self._generation = 0  # a new layout or view range drops the batches of the old one
        self._highlight: frozenset[str] = frozenset()
        self.plot.getViewBox().sigYRangeChanged.connect(self._draw_visible_rows)

    # ---- Public API

    def show_layout(self, layout: TimelineLayout, highlight: frozenset[str]) -> None:
        if layout is self.layout_data and self._outlined:
            # Only the person changed: new pens on the items there are (rebuilding them all took
            # ~10 ms of the "Bekijk als" click).
            self._highlight = highlight
            self._outline(highlight)
            return
        self.layout_data = layout
        self._highlight = highlight
        self.colours = trekker_colours(layout.trekkers)
        plot = self.plot
        vb = plot.getViewBox()
        with QSignalBlocker(vb):  # the ranges below must not draw rows for the old layout
            plot.clear()
            self._row_items = []
            self._outlined = []
            self._status_items = {}
            self._drawn = (0, -1)
            self._pending = []
            rows = layout.rows
            self.row_axis.set_labels([("▸ " + r.label) if r.kind == "group" else "   " + r.label for r in rows])
            today = pg.InfiniteLine(
                pos=layout.today, angle=90, pen=pg.mkPen("#d62728", width=2, style=Qt.PenStyle.DashLine),
                label=self._texts["today"],
                labelOpts={"position": 0.02, "color": "#d62728", "anchors": [(0, 0), (0, 0)]},
            )
            plot.addItem(today)
            plot.setXRange(layout.x_min, layout.x_max, padding=0.01)
            # A long plan opens on its first rows and scrolls: 2,000 rows in one view are unreadable.
            plot.setYRange(-0.6, min(len(rows), VISIBLE_ROWS) - 0.4, padding=0)
            vb.setLimits(xMin=layout.x_min - 2, xMax=layout.x_max + 2, yMin=-1, yMax=len(rows) + 1)
        # The blocker also kept the new ranges from the axes: without this they showed the
        # previous range's ticks (row labels at the wrong rows) until the first zoom or resize.
        for name in ("left", "bottom"):
            plot.getAxis(name).linkedViewChanged(vb)
        self._draw_visible_rows()

    def drawn_rows(self) -> tuple[int, int]:
        """The first and last row that have items (the visible ones and a margin), once the
        batches still queued are drawn."""
        self.finish_rows()
        return self._drawn

    def finish_rows(self) -> None:
        """Draw the row batches still queued for later turns now."""
        while self._pending:
            self._draw_batch(self._generation)

    @property
    def rows_pending(self) -> bool:
        return bool(self._pending)

    # ---- Private

    def _draw_visible_rows(self, *_args: object) -> None:
        """Give the rows in view (and a margin, so a scroll of a few rows draws nothing) their
        bars, markers and texts; the rows outside have none. A plan of 2,000 actions drew every
        row's items on each frame of a zoom (~120 ms)."""
        layout = self.layout_data
        if layout is None:
            return
        (_x0, _x1), (y0, y1) = self.plot.getViewBox().viewRange()
        low, high = max(0, math.floor(min(y0, y1))), min(len(layout.rows) - 1, math.ceil(max(y0, y1)))
        first, last = self._drawn
        if first <= low and high <= last:
            return
        margin = max(ROW_MARGIN, high - low)
        first, last = max(0, low - margin), min(len(layout.rows) - 1, high + margin)
        for item in self._row_items:
            self.plot.removeItem(item)
        self._row_items = []
        self._outlined = []
        self._status_items = {}
        self._drawn = (first, last)
        # The rows in view first, then the margins; one batch now, the others in later turns:
        # ~80 rows' bars and status labels took one 100–250 ms turn at 2,000 actions.
        order = [*range(low, high + 1), *range(first, low), *range(high + 1, last + 1)]
        self._pending = [order[i:i + ROWS_PER_TURN] for i in range(0, len(order), ROWS_PER_TURN)]
        self._generation += 1
        self._draw_batch(self._generation)

    def _draw_batch(self, generation: int) -> None:
        layout = self.layout_data
        if generation != self._generation or not self._pending or layout is None:
            return
        rows = layout.rows
        self._add_rows(layout, tuple(rows[i] for i in self._pending.pop(0)))
        if self._pending:
            QTimer.singleShot(0, self, lambda: self._draw_batch(generation))

    def _add_item(self, item: pg.GraphicsObject) -> None:
        self.plot.addItem(item)
        self._row_items.append(item)

    def _add_rows(self, layout: TimelineLayout, rows: tuple[Row, ...]) -> None:
        highlight = self._highlight
        bars: dict[str, dict[str, list]] = {s: {"x0": [], "x1": [], "y": [], "brushes": [], "owners": []}
                                            for s in (BarStyle.SOLID, BarStyle.LIGHT, BarStyle.OPEN)}
        hatch: dict[str, list[object]] = {"x0": [], "x1": [], "y": [], "brushes": []}
        markers: dict[str, list[object]] = {"x": [], "y": [], "brush": []}
        marker_owners: list[tuple[str, QColor]] = []
        for row in rows:
            if row.action is None:
                continue
            colour = self.colours.get(row.action.trekker or "?", QColor(SERIES[0]))
            owner = (row.action.id, colour)
            for seg in row.segments:
                target = bars[seg.style]
                target["x0"].append(seg.start)
                target["x1"].append(seg.end)
                target["y"].append(row.y)
                target["owners"].append(owner)
                if seg.style is BarStyle.SOLID:
                    target["brushes"].append(pg.mkBrush(colour))
                elif seg.style is BarStyle.LIGHT:
                    light = QColor(colour)
                    light.setAlpha(80)
                    target["brushes"].append(pg.mkBrush(light))
                    hatch["x0"].append(seg.start)
                    hatch["x1"].append(seg.end)
                    hatch["y"].append(row.y)
                    hatch["brushes"].append(QBrush(colour, Qt.BrushStyle.BDiagPattern))
                else:
                    gradient = QLinearGradient(0, 0, 1, 0)
                    gradient.setCoordinateMode(QGradient.CoordinateMode.ObjectBoundingMode)
                    gradient.setColorAt(0, colour)
                    fade = QColor(colour)
                    fade.setAlpha(0)
                    gradient.setColorAt(1, fade)
                    target["brushes"].append(QBrush(gradient))
                    arrow = pg.TextItem("→", color=colour, anchor=(1, 0.5))
                    arrow.setPos(seg.end, row.y)
                    self._add_item(arrow)
            if row.action.planning_conflict and row.segments:
                # the bar is the table's planning; the running text contradicts it (see the side pane)
                self._add_item(_caveat(row, layout.x_max))
            if row.status_text:
                self._add_status(layout, row)
            for x in row.recurring:
                markers["x"].append(x)
                markers["y"].append(row.y)
                markers["brush"].append(pg.mkBrush(colour))
                marker_owners.append(owner)
            if row.recurring:
                # the markers are only a symbol: no year is named, so the words say the pattern
                words = self._texts["recurring_row"].format(row.action.planning_text or "")
                text = pg.TextItem(words if len(words) < 70 else words[:69] + "…", color=text_colour(),
                                   anchor=(0, 0.5))
                text.setPos(layout.x_min + RECURRING_TEXT_AT, row.y)
                self._add_item(text)
            if row.unknown:
                label = self._texts["unknown_row"].format(row.action.planning_text or "")
                text = pg.TextItem(label if len(label) < 70 else label[:69] + "…", color=text_colour(),
                                   anchor=(0, 0.5))
                text.setPos(layout.x_min + 0.05, row.y)
                self._add_item(text)
        pens = self._pens(highlight)
        for style, spec in bars.items():
            if spec["x0"]:
                item = pg.BarGraphItem(x0=spec["x0"], x1=spec["x1"], y=spec["y"], height=0.6,
                                       brushes=spec["brushes"], pens=[pens(o) for o in spec["owners"]])
                self._add_item(item)
                self._outlined.append((item, spec["owners"]))
            if style is BarStyle.LIGHT and hatch["x0"]:
                self._add_item(pg.BarGraphItem(x0=hatch["x0"], x1=hatch["x1"], y=hatch["y"], height=0.6,
                                               brushes=hatch["brushes"], pens=[None] * len(hatch["x0"])))
        if markers["x"]:
            scatter = pg.ScatterPlotItem(x=markers["x"], y=markers["y"], symbol="d", size=13,
                                         brush=markers["brush"], pen=[pens(o) for o in marker_owners])
            self._add_item(scatter)
            self._outlined.append((scatter, marker_owners))

    def _add_status(self, layout: TimelineLayout, row: Row) -> None:
        """The latest status beside the bar, in its stoplicht colour, and "te laat" in red."""
        assert row.action is not None
        status, _, late = row.status_text.partition(" · ")
        fill = STATUS_COLOURS[row.status] if row.status is not None else None
        html = (f'<span style="background-color:{fill}; color:#000000">&nbsp;{esc(status)}&nbsp;</span>'
                if fill else f'<span style="color:{text_colour().name()}"><i>{esc(status)}</i></span>')
        if late and row.late:
            html += f' <b><span style="color:#d62728">{esc(late)}</span></b>'
        # Without a report, "einde planning verstreken" is listed in the side pane: beside the
        # bar it ran past the chart's edge.
        end = max((seg.end for seg in row.segments), default=None)
        if end is not None and end < layout.x_max - 0.5:
            offset = 0.12 if row.action.planning_conflict else 0.03  # after the ⚠
            item = pg.TextItem(html=html, anchor=(0, 0.5))
            item.setPos(end + offset, row.y)
        else:  # an open, recurring or unknown planning reaches the right edge: the status sits there
            item = pg.TextItem(html=html, anchor=(1, 0.5))
            item.setPos(layout.x_max, row.y)
        self._add_item(item)
        self._status_items[row.action.id] = item

    def status_texts(self) -> dict[str, str]:
        """The status words on the drawn rows' bars, per action id (the plain text of the label)."""
        self.finish_rows()
        return {action_id: " ".join(item.textItem.toPlainText().split())
                for action_id, item in self._status_items.items()}

    def _pens(self, highlight: frozenset[str]) -> Callable[[tuple[str, QColor]], QPen]:
        """The outline of an action's bars and markers: thick for the person's actions."""
        outline: QPen = pg.mkPen(text_colour(), width=2)
        own: dict[str, QPen] = {}

        def pen(owner: tuple[str, QColor]) -> QPen:
            action_id, colour = owner
            if action_id in highlight:
                return outline
            key = colour.name(QColor.NameFormat.HexArgb)
            if key not in own:
                own[key] = pg.mkPen(colour.darker(130))
            return own[key]

        return pen

    def _outline(self, highlight: frozenset[str]) -> None:
        pens = self._pens(highlight)
        for item, owners in self._outlined:
            if isinstance(item, pg.ScatterPlotItem):
                item.setPen([pens(o) for o in owners])
            else:
                item.setOpts(pens=[pens(o) for o in owners])

    def _hit(self, scene_pos: QPointF):
        if self.layout_data is None:
            return None, None
        vb = self.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None, None
        point = vb.mapSceneToView(scene_pos)
        row = self.layout_data.row_at(point.y())
        if row is None or row.action is None:
            return None, None
        for seg in row.segments:
            if seg.start <= point.x() <= seg.end:
                return row, seg.text
        if row.recurring and any(abs(point.x() - x) < 0.08 for x in row.recurring):
            return row, row.action.planning_text
        if row.unknown:
            return row, row.action.planning_text
        return None, None

    def _on_click(self, event) -> None:
        row, _text = self._hit(event.scenePos())
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            self.sig_action_clicked.emit(row.action.id)

    def _on_move(self, scene_pos: QPointF) -> None:
        row, _text = self._hit(scene_pos)
        if row is None:
            QToolTip.hideText()
            return
        a = row.action
        tip = self._texts["tooltip"].format(
            number=a.number, title=a.title, trekker=a.trekker or "?", planning=a.planning_text or self._texts["none"]
        )
        if a.planning_running:
            tip += "\n" + (f"{PLANNING_CAVEAT} " if a.planning_conflict else "") + self._texts["running"].format(
                a.planning_running)
        QToolTip.showText(QCursor.pos(), tip, self.plot)


def _caveat(row: Row, x_max: float) -> pg.TextItem:
    """The ⚠ after a row's last bar. A bar that runs to the axis's end (an open-ended planning,
    action 6) has no room after it: the mark then sits inside the bar's end, left of its arrow,
    so it stays on screen instead of falling off the right edge."""
    end = max(seg.end for seg in row.segments)
    if end < x_max - 0.15:  # ~two months: room for the mark after the bar
        caveat = pg.TextItem(PLANNING_CAVEAT, color="#d62728", anchor=(0, 0.5))
        caveat.setPos(end + 0.03, row.y)
        return caveat
    # Right-aligned at the bar's end; the trailing spaces leave the open bar's "→" its place.
    caveat = pg.TextItem(PLANNING_CAVEAT + "\u2003\u2003", color="#d62728", anchor=(1, 0.5))
    caveat.setPos(end, row.y)
    return caveat
