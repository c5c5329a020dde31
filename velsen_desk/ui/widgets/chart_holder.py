"""Where a chart will be: says "Grafiek wordt geladen…" until pyqtgraph is imported, then
holds the chart made by the tab's factory (see :mod:`velsen_desk.ui.widgets.chart_library`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from velsen_desk.ui.widgets.after_paint import after_this_turn
from velsen_desk.ui.widgets.chart_library import chart_library
from velsen_desk.ui.widgets.style import plain_label

START_IMPORT_AFTER_MS = 150


class ChartHolder(QStackedWidget):
    # ---- Signals
    sig_chart_created = Signal(object)
    """The chart exists now (the widget made by the factory)."""

    def __init__(self, factory: Callable[[QWidget], QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self._factory = factory
        self.chart: QWidget | None = None
        self.message = plain_label(QLabel(self.tr("Grafiek wordt geladen…"), self))  # may quote an error
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Grafiek"))
        self.addWidget(self.message)
        library = chart_library()
        library.sig_loaded.connect(self._on_loaded)
        library.sig_failed.connect(self._on_failed)

    # ---- Public API

    @property
    def pending(self) -> bool:
        """True while the chart is still coming (not when loading it failed)."""
        return self.chart is None and chart_library().error is None

    # ---- Qt

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.chart is None:
            library = chart_library()
            if library.loaded:  # in a turn of its own: the tab's first paint stays quick
                after_this_turn(self, self._on_loaded)
            else:  # let the tab paint first: the import would slow that paint down several times
                QTimer.singleShot(START_IMPORT_AFTER_MS, library.request)

    # ---- Private

    def _on_loaded(self) -> None:
        if self.chart is None and self.isVisible():  # a hidden one builds when first shown
            self._build()

    def _on_failed(self, error: str) -> None:
        text = self.tr("De grafiek kan niet worden getoond ({0}). De gegevens staan volledig in de lijst ernaast.")
        self.message.setText(text.format(error))

    def _build(self) -> None:
        self.chart = self._factory(self)
        # The charts do nothing with the keyboard (the list beside each holds the same data
        # and is where keyboard users work), so Tab must pass them by.
        for widget in (self.chart, *self.chart.findChildren(QWidget)):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.addWidget(self.chart)
        self.setCurrentWidget(self.chart)
        # Filled in the next event-loop turn: building and filling at once took ~90 ms.
        QTimer.singleShot(0, self, lambda: self.sig_chart_created.emit(self.chart))  # dropped if self is gone
