"""A small read-only tree model over plain Python nodes (after napari's item-model adapter).

Subclasses build a tree of :class:`Node` objects from frozen dataclasses and answer
``node_data(node, column, role)``. The whole tree is replaced in one reset when data changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from velsen_desk.ui.widgets.style import escaped_rich_text

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()  # the invalid index, as a default argument


@dataclass(eq=False)
class Node:
    kind: str
    payload: Any = None
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    def add(self, kind: str, payload: Any = None) -> Node:
        child = Node(kind, payload, self)
        self.children.append(child)
        return child

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


class TreeModel(QAbstractItemModel):
    headers: tuple[str, ...] = ("",)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._root = Node("root")

    # ---- Public API

    def set_root(self, root: Node) -> None:
        self.beginResetModel()
        self._root = root
        self.endResetModel()

    def node(self, index: Index) -> Node:
        if index.isValid():
            return index.internalPointer()
        return self._root

    def find(self, predicate) -> QModelIndex:
        """The index (column 0) of the first node for which ``predicate(node)`` is true."""
        for node in self._root.walk():
            if node is not self._root and predicate(node):
                return self.createIndex(node.row(), 0, node)
        return QModelIndex()

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        if node is self._root:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    def node_data(self, node: Node, column: int, role: int) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    # ---- QAbstractItemModel

    def index(self, row: int, column: int, parent: Index = _NO_PARENT) -> QModelIndex:
        # Bounds checked here rather than with hasIndex(), which calls back into rowCount() and
        # columnCount(): views and proxies call index() thousands of times per paint.
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self.node(parent).children
        if 0 <= row < len(children) and 0 <= column < len(self.headers):
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, index: Index = _NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.node_data(index.internalPointer(), index.column(), role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return escaped_rich_text(value)  # tooltips render HTML-looking data as HTML
        return value

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.headers):
                return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
