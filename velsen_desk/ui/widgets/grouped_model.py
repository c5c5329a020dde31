"""A two-level item model: kinds (Thema's, Acties, …) as top rows, their items as children.

Subclasses fill ``_groups`` and answer ``columnCount`` and ``data``; the tree navigation lives
here once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex

from velsen_desk.core.item_kinds import plural_label

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
GROUP = 0xFFFFFFFF  # internalId of a group row; a child row stores its group's row number


class GroupedItemModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._groups: list[tuple[str, list[Any]]] = []

    def group_label(self, kind: str) -> str:
        return QCoreApplication.translate("ItemKind", plural_label(kind))

    # ---- Qt model

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GROUP)
        return self.createIndex(row, column, parent.row())

    def parent(self, index: Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, GROUP)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0
