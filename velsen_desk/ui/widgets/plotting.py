"""pyqtgraph set-up shared by the charts. Import this module lazily (it imports pyqtgraph and
numpy, ~0.5 s): only when a chart is first shown."""

from __future__ import annotations

import os

import PySide6.QtCore  # noqa: F401  (PySide6 before pyqtgraph, so it picks this binding)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg  # noqa: E402

from velsen_desk.ui.widgets.style import SERIES  # noqa: E402

pg.setConfigOptions(antialias=True)



def text_colour() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.WindowText)


def base_colour() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Base)


def style_plot(plot: pg.PlotWidget) -> None:
    """Background and axes in the system palette."""
    plot.setBackground(base_colour())
    pen = pg.mkPen(text_colour())
    for name in ("left", "bottom", "top", "right"):
        axis = plot.getAxis(name)
        axis.setPen(pen)
        axis.setTextPen(pen)


__all__ = ["SERIES", "base_colour", "pg", "style_plot", "text_colour"]
