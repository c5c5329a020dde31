"""Sizes for windows that must fit the screen they open on, title bar and panels included."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

# What a window manager adds around the client area before the window is shown (the frame is
# only known afterwards): a title bar of ~30 px and thin borders.
FRAME_ALLOWANCE = QSize(16, 40)


def fitted_size(wanted: QSize, available: QSize, frame: QSize = FRAME_ALLOWANCE) -> QSize:
    """``wanted``, shrunk so that it plus ``frame`` fits ``available`` (never below 1×1)."""
    return QSize(max(1, min(wanted.width(), available.width() - frame.width())),
                 max(1, min(wanted.height(), available.height() - frame.height())))


def resize_within_screen(widget: QWidget, wanted: QSize) -> None:
    """Resize ``widget`` to ``wanted``, capped to the available geometry of its screen (a
    1180×700 dialog on a 1280×720 laptop screen put its bottom buttons off the screen)."""
    # Before it is shown, a widget's screen is its parent window's (or the primary screen).
    widget.resize(fitted_size(wanted, widget.screen().availableGeometry().size()))
