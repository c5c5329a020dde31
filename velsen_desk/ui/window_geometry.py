"""Where the main window opens: sized to the screen it lands on, never off every screen.

Both rules are pure functions of rectangles (the screens' available geometry, i.e. without
panels and docks, and the window's restored geometry), so they are tested without a real
multi-monitor desktop; :func:`place_window` applies them to a window before it is shown.

- A first start asks for 1280×800, but a 1280×720 or 1366×768 laptop has less room once the
  panel and the title bar are counted: the window takes the room there is, so the status bar
  stays visible.
- A layout restored from another monitor (unplugged since, or another resolution) keeps its
  size where it fits, but is moved back onto the screen it overlaps most, or onto the primary
  screen when it overlaps none.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

PREFERRED_SIZE = QSize(1280, 800)
MINIMUM_SIZE = QSize(640, 480)
# Room the window manager's frame takes around the client area (title bar above, borders at
# the sides); geometry() is the client area, the available geometry holds the whole frame.
FRAME_ALLOWANCE = QSize(16, 40)


def first_geometry(available: QRect, preferred: QSize = PREFERRED_SIZE) -> QRect:
    """The client area of a first window: ``preferred``, shrunk to fit ``available`` with its
    frame, centred on it."""
    width = max(min(preferred.width(), available.width() - FRAME_ALLOWANCE.width()), MINIMUM_SIZE.width())
    height = max(min(preferred.height(), available.height() - FRAME_ALLOWANCE.height()), MINIMUM_SIZE.height())
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return _inside(rect, available)


def fitted_geometry(saved: QRect, screens: Sequence[QRect]) -> QRect:
    """``saved`` moved and shrunk onto the screen it overlaps most (the first screen, taken to
    be the primary one, when it overlaps none); unchanged when it already fits there."""
    if not screens:
        return QRect(saved)
    overlaps = [saved.intersected(screen) for screen in screens]
    areas = [r.width() * r.height() if r.isValid() else 0 for r in overlaps]
    best = max(range(len(screens)), key=lambda i: areas[i])
    if areas[best] == 0:
        return first_geometry(screens[0], saved.size())
    screen = screens[best]
    width = min(saved.width(), screen.width() - FRAME_ALLOWANCE.width())
    height = min(saved.height(), screen.height() - FRAME_ALLOWANCE.height())
    return _inside(QRect(saved.topLeft(), QSize(max(width, 1), max(height, 1))), screen)


def _inside(rect: QRect, screen: QRect) -> QRect:
    """``rect`` moved (not resized) so that it and its frame lie within ``screen`` where they fit."""
    top_margin = FRAME_ALLOWANCE.height() - FRAME_ALLOWANCE.width() // 2  # the title bar
    side = FRAME_ALLOWANCE.width() // 2
    left = min(max(rect.left(), screen.left() + side), screen.right() + 1 - side - rect.width())
    top = min(max(rect.top(), screen.top() + top_margin), screen.bottom() + 1 - side - rect.height())
    moved = QRect(rect)
    moved.moveTopLeft(QPoint(max(left, screen.left()), max(top, screen.top())))
    return moved


def place_window(window: QWidget, restored: bool) -> None:
    """Size a first window to its screen, or bring a restored one back onto the screens there are."""
    primary = QGuiApplication.primaryScreen()
    screens = [primary.availableGeometry()] + [
        s.availableGeometry() for s in QGuiApplication.screens() if s is not primary
    ]
    target = fitted_geometry(window.geometry(), screens) if restored else first_geometry(screens[0])
    if target != window.geometry():
        window.setGeometry(target)
