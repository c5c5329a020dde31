"""The layout three tabs share: their view beside (or above) a detail pane, with the note
editor under the pane. Written once so the tabs split, stretch and collapse alike."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

DETAIL_OVER_NOTE = (4, 1)  # the note editor gets a fifth of the detail column


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
