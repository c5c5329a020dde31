"""A long session must not crash: the Qt binding must keep Python's reference counts intact.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call that returns nothing;
after a few thousand clicks the application aborted ("deallocating None").
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_qt_calls_do_not_leak_references_to_none(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setEnabled(True)
    assert sys.getrefcount(None) >= before - 50
