"""Reports from inside the window: a dialog to choose, preview, print and save a PDF report,
and the "Rapporten" menu that opens it.

``work`` holds the plain functions that run in a worker (no Qt); ``preview`` shows and prints a
PDF with Qt's PDF module; ``dialog`` is the dialog; ``actions`` installs the menu.
"""

from velsen_desk.ui.reports.actions import ReportActions, install_report_actions

__all__ = ["ReportActions", "install_report_actions"]
