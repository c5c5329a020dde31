"""Dialogs are capped to the screen's available geometry (finding 4 of the newcomer audit)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from velsen_desk.ui.widgets.screen_fit import FRAME_ALLOWANCE, fitted_size, resize_within_screen


def test_a_dialog_taller_than_a_small_screen_is_shrunk_with_room_for_its_title_bar():
    size = fitted_size(QSize(1180, 700), QSize(1280, 690))
    assert size == QSize(1180, 690 - FRAME_ALLOWANCE.height())


def test_a_dialog_that_fits_keeps_its_size():
    assert fitted_size(QSize(1180, 700), QSize(1920, 1040)) == QSize(1180, 700)


def test_a_widget_is_resized_within_its_screen(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    available = widget.screen().availableGeometry().size()
    resize_within_screen(widget, QSize(available.width() + 500, available.height() + 500))
    assert widget.width() <= available.width() - FRAME_ALLOWANCE.width()
    assert widget.height() <= available.height() - FRAME_ALLOWANCE.height()
