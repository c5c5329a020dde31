"""Reports from inside the window: a dialog to choose, preview, print and save a PDF report,
and the "Rapporten" menu that opens it.

The worker function is :func:`velsen_desk.ui.reports.dialog.make_report` (touches no widget);
``form`` is the dialog's choice of report (from the report-kind registry); ``pdf_panel`` shows, pages through, saves and
prints the made PDF (``preview`` wraps Qt's PDF module); ``dialog`` wires the two and runs the
work with progress and cancel; ``feature`` installs the menu and wires it to the window.
"""

from velsen_desk.ui.reports.feature import ReportActions, install_report_actions

__all__ = ["ReportActions", "install_report_actions"]
