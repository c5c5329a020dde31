"""The layout three tabs share: their view beside (or above) a detail pane, with the note
editor under the pane. Written once so the tabs split, stretch and collapse alike."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

DETAIL_OVER_NOTE = (4, 1)  # the note editor gets a fifth of the detail column
# (view, detail column) for a detail column under the view. Not 3:1: on a 1280×720 screen that
# left the detail pane two lines once the note editor (at its minimum) took its share.
DETAIL_BELOW = (3, 2)


class DetailSplit(QSplitter):
    """``view`` | ``detail`` over ``note_editor``; ``stretch`` is (view, detail column)."""

    def __init__(
        self,
        view: QWidget,
        detail: QWidget,
        note_editor: QWidget,
        orientation: Qt.Orientation,
        stretch: tuple[int, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(orientation, parent)
        self.detail_column = QSplitter(Qt.Orientation.Vertical, self)
        self.detail_column.addWidget(detail)
        self.detail_column.addWidget(note_editor)
        for index, factor in enumerate(DETAIL_OVER_NOTE):
            self.detail_column.setStretchFactor(index, factor)
        self.detail_column.setChildrenCollapsible(False)
        self.addWidget(view)
        self.addWidget(self.detail_column)
        for index, factor in enumerate(stretch):
            self.setStretchFactor(index, factor)
        self.setChildrenCollapsible(False)
        self._stretch = stretch
        self._shared_out = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On the first real size, share it out as ``stretch`` says. Left to itself the splitter
        starts from the size hints, which gave the Portefeuilles table two thirds and more."""
        super().resizeEvent(event)
        vertical = self.orientation() == Qt.Orientation.Vertical
        total = (event.size().height() if vertical else event.size().width()) - self.handleWidth()
        if self._shared_out or total <= 0:
            return
        self._shared_out = True
        view, detail = self._stretch
        first = round(total * view / (view + detail))
        self.setSizes([first, total - first])
