"""The stoplicht colours, once for the window, and an action's history as a row of coloured marks."""

from __future__ import annotations

import functools

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from velsen_desk.core.progress import ProgressStatus, StatusMark

# Light fills, so black text stays readable; "no report" has none: it is never shown as green.
STATUS_COLOURS: dict[ProgressStatus, str] = {
    ProgressStatus.GROEN: "#a5d6a7",
    ProgressStatus.ORANJE: "#ffcc80",
    ProgressStatus.ROOD: "#ef9a9a",
    ProgressStatus.GRIJS: "#e0e0e0",
    ProgressStatus.AFGEROND: "#90caf9",
    ProgressStatus.GESTOPT: "#bcaaa4",
    ProgressStatus.ONBEKEND: "#ffffff",
}
MARK = 10  # px per mark
MAX_MARKS = 12  # the latest ones; older reports stay in the data and the report


def status_colour(status: ProgressStatus | None) -> QColor | None:
    return QColor(STATUS_COLOURS[status]) if status is not None else None


def history_pixmap(history: tuple[StatusMark, ...]) -> QPixmap | None:
    """One filled circle per report, oldest left; None without any report."""
    if not history:
        return None
    return _pixmap(tuple(mark.status for mark in history[-MAX_MARKS:]))


@functools.lru_cache(maxsize=512)  # many actions share a history pattern
def _pixmap(marks: tuple[ProgressStatus, ...]) -> QPixmap:
    pixmap = QPixmap(len(marks) * (MARK + 2), MARK + 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    for index, status in enumerate(marks):  # copying a painted mark is cheaper than painting it
        painter.drawPixmap(index * (MARK + 2), 0, _mark(status))
    painter.end()
    return pixmap


@functools.lru_cache(maxsize=len(ProgressStatus))
def _mark(status: ProgressStatus) -> QPixmap:
    pixmap = QPixmap(MARK + 2, MARK + 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#616161"))
    painter.setBrush(QColor(STATUS_COLOURS[status]))
    painter.drawEllipse(QRectF(1, 1, MARK, MARK))
    painter.end()
    return pixmap
