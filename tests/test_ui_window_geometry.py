"""The first window fits the screen it opens on; a window saved on another monitor comes back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, QSize

from velsen_desk.ui.window_geometry import FRAME_ALLOWANCE, first_geometry, fitted_geometry


def _with_frame(rect: QRect) -> QRect:
    """The client area grown by the window manager's frame (title bar above, borders around)."""
    side = FRAME_ALLOWANCE.width() // 2
    return rect.adjusted(-side, -(FRAME_ALLOWANCE.height() - side), side, side)


@pytest.mark.parametrize("available", [
    QRect(0, 0, 1280, 720 - 32),  # a 1280×720 laptop with a 32 px panel
    QRect(0, 27, 1366, 768 - 27),  # 1366×768 with a panel at the top
    QRect(0, 0, 800, 800),  # the offscreen test screen
])
def test_a_first_window_fits_a_small_screen_with_its_frame(available):
    rect = first_geometry(available)
    assert available.contains(_with_frame(rect))  # the status bar at the bottom is on screen
    assert rect.height() >= available.height() - FRAME_ALLOWANCE.height()  # and uses the room there is


def test_a_first_window_on_a_large_screen_gets_the_preferred_size_centred():
    available = QRect(0, 0, 1920, 1050)
    rect = first_geometry(available)
    assert rect.size() == QSize(1280, 800)
    assert abs(rect.center().x() - available.center().x()) <= 1


def test_a_window_saved_on_a_monitor_that_is_gone_comes_back_to_the_primary_screen():
    laptop = QRect(0, 0, 1366, 740)
    saved = QRect(2000, 100, 1200, 900)  # on a second monitor right of the laptop, unplugged since
    rect = fitted_geometry(saved, [laptop])
    assert laptop.contains(_with_frame(rect))
    assert rect.width() == 1200  # keeps the width it had where it fits


def test_a_window_half_off_its_screen_is_moved_onto_the_screen_it_overlaps_most():
    left, right = QRect(0, 0, 1920, 1080), QRect(1920, 0, 1280, 1024)
    saved = QRect(2800, 500, 900, 700)  # mostly on the right monitor, hanging off its edge
    rect = fitted_geometry(saved, [left, right])
    assert right.contains(_with_frame(rect))
    assert rect.size() == saved.size()


def test_a_window_that_fits_is_left_where_the_user_put_it():
    screen = QRect(0, 0, 1920, 1080)
    saved = QRect(100, 80, 1000, 700)
    assert fitted_geometry(saved, [screen]) == saved


def test_the_main_window_opens_within_the_test_screen(qtbot, built_db, tmp_path):
    """The offscreen platform's screen is 800×800: the old fixed 1280×800 overflowed it."""
    from PySide6.QtGui import QGuiApplication

    from velsen_desk.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "first.ini"), QSettings.Format.IniFormat)
    window = MainWindow(built_db, settings=settings, show_errors=False)
    qtbot.addWidget(window)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.contains(_with_frame(window.geometry()))


def test_a_restored_window_from_another_monitor_opens_on_this_screen(qtbot, built_db, tmp_path):
    from PySide6.QtGui import QGuiApplication

    from velsen_desk.ui.main_window import MainWindow

    path = str(tmp_path / "moved.ini")
    first = MainWindow(built_db, settings=QSettings(path, QSettings.Format.IniFormat), show_errors=False)
    qtbot.addWidget(first)
    first.setGeometry(QRect(3000, 2000, 600, 400))  # where a second monitor was
    first.show()
    first.close()
    second = MainWindow(built_db, settings=QSettings(path, QSettings.Format.IniFormat), show_errors=False)
    qtbot.addWidget(second)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.contains(_with_frame(second.geometry()))
    assert second.size() == QSize(600, 400)
