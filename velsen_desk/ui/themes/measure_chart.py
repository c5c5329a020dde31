"""A target's measurements as a small chart for the theme detail pane, with the target value and
year as reference lines.

Painted with QPainter into an image the HTML pane shows inline (``<img src="meting:…">``): the
detail pane is rich text, and a plot widget cannot sit in its flow; an image of a handful of
points costs well under a millisecond and needs no pyqtgraph.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from velsen_desk.core.formatting import format_number
from velsen_desk.core.progress_records import MeasurementInfo
from velsen_desk.core.records import TargetInfo
from velsen_desk.core.timeline import year_fraction
from velsen_desk.ui.language import window_locale

WIDTH, HEIGHT = 440, 150
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44, 110, 12, 22
LINE = QColor("#0072B2")
TARGET = QColor("#d62728")


def moment(m: MeasurementInfo) -> float:
    """A measurement's place in time: its date, else the middle of its year."""
    if m.date is not None:
        return year_fraction(m.date)
    return (m.year or dt.date.today().year) + 0.5


def measurement_image(target: TargetInfo, points: Sequence[MeasurementInfo], text: QColor, target_label: str,
                      scale: float = 1.0) -> QImage:
    """The measurements oldest first as a line with dots; the target's figure as a dashed
    horizontal line and its year as a dashed vertical one (each only when the source gives it)."""
    image = QImage(int(WIDTH * scale), int(HEIGHT * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.transparent)
    xs = [moment(m) for m in points]
    target_x = target.year + 0.5 if target.year is not None else None
    x_low = min(xs + ([target_x] if target_x is not None else [])) - 0.5
    x_high = max(xs + ([target_x] if target_x is not None else [])) + 0.5
    values = [m.value for m in points] + ([target.figure] if target.figure is not None else [])
    y_low, y_high = min(0.0, *values), max(values) * 1.15 or 1.0
    plot = QRectF(MARGIN_LEFT, MARGIN_TOP, WIDTH - MARGIN_LEFT - MARGIN_RIGHT, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)

    def at(x: float, y: float) -> QPointF:
        return QPointF(plot.left() + (x - x_low) / (x_high - x_low) * plot.width(),
                       plot.bottom() - (y - y_low) / (y_high - y_low) * plot.height())

    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    font.setPointSizeF(7.5)
    painter.setFont(font)
    painter.setPen(QPen(text, 1))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
    unit = f" {points[0].unit}" if points and points[0].unit else (f" {target.unit}" if target.unit else "")
    for value in (y_low, (y_low + y_high) / 2, y_high):
        point = at(x_low, value)
        painter.drawText(QRectF(0, point.y() - 8, MARGIN_LEFT - 4, 16),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         format_number(round(value, 0 if y_high >= 5 else 1), window_locale()))
    for year in range(int(x_low + 0.5), int(x_high + 0.5)):
        point = at(year + 0.5, y_low)
        painter.drawText(QRectF(point.x() - 20, plot.bottom() + 2, 40, 16), Qt.AlignmentFlag.AlignHCenter, str(year))
    dashed = QPen(TARGET, 1.5, Qt.PenStyle.DashLine)
    painter.setPen(dashed)
    if target.figure is not None:
        y = at(x_low, target.figure).y()
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.drawText(QRectF(plot.right() + 4, y - 8, MARGIN_RIGHT - 4, 16), Qt.AlignmentFlag.AlignVCenter,
                         target_label)
    if target_x is not None:
        x = at(target_x, y_low).x()
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
    painter.setPen(QPen(LINE, 2))
    dots = [at(x, m.value) for x, m in zip(xs, points, strict=True)]
    for a, b in zip(dots, dots[1:], strict=False):
        painter.drawLine(a, b)
    painter.setBrush(LINE)
    for dot, m in zip(dots, points, strict=True):
        painter.drawEllipse(dot, 3.0, 3.0)
        painter.setPen(QPen(text, 1))
        painter.drawText(QRectF(dot.x() - 30, dot.y() - 18, 60, 14), Qt.AlignmentFlag.AlignHCenter,
                         format_number(m.value, window_locale()) + unit)
        painter.setPen(QPen(LINE, 2))
    painter.end()
    return image
