"""A small read-only tree model over plain Python nodes (after napari's item-model adapter).

Subclasses build a tree of :class:`Node` objects whose payloads are frozen records, and answer
``node_data(node, column, role)``. The model is generic over the payload: a subclass names the
union of record classes its tree holds (``TreeModel[ThemePayload]``), so views ``match`` on the
record class instead of comparing kind strings. ``kind`` stays as the short name the views'
proxies and tests read through ``KIND_ROLE``. The whole tree is replaced in one reset when
data changes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTreeView

from velsen_desk.ui.widgets.after_paint import after_paints
from velsen_desk.ui.widgets.style import escaped_rich_text

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()  # the invalid index, as a default argument

P = TypeVar("P")


@dataclass(eq=False)
class Node(Generic[P]):
    kind: str
    payload: P | None = None  # None only at the root
    # Weak: a tree without reference cycles is freed by reference counting alone, also after
    # the programme read that made it was frozen out of the collector (see core/heap.py).
    parent_ref: weakref.ref[Node[P]] | None = None
    children: list[Node[P]] = field(default_factory=list)
    # The node's place among its parent's children, kept by add(): parent() and index_of() ask
    # it for every row a view touches, and list.index() made that quadratic (2,000 actions).
    position: int = 0

    @property
    def parent(self) -> Node[P] | None:
        return self.parent_ref() if self.parent_ref is not None else None

    def add(self, kind: str, payload: P) -> Node[P]:
        child = Node(kind, payload, weakref.ref(self), position=len(self.children))
        self.children.append(child)
        return child

    def row(self) -> int:
        return self.position

    def walk(self) -> Iterator[Node[P]]:
        yield self
        for child in self.children:
            yield from child.walk()


class TreeModel(QAbstractItemModel, Generic[P]):
    headers: tuple[str, ...] = ("",)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root: Node[P] = Node("root")
        # data() answers per (node, column, role): a paint asks ~3,000 of them, mostly the same
        # ones again; emptied whenever the tree or what it shows changes (set_root, nodes_changed).
        self._answers: dict[tuple[Node[P], int, int], object] = {}
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):  # colours and fonts come from the palette
            app.paletteChanged.connect(self._forget_answers)

    # ---- Public API

    def set_root(self, root: Node[P]) -> None:
        self.beginResetModel()
        self._root = root
        self._answers.clear()
        self.endResetModel()

    def node(self, index: Index) -> Node[P]:
        if index.isValid():
            # Qt hands back the pointer given to createIndex() untyped; only Nodes are given.
            return cast("Node[P]", index.internalPointer())
        return self._root

    def find(self, predicate: Callable[[Node[P]], bool]) -> QModelIndex:
        """The index (column 0) of the first node for which ``predicate(node)`` is true."""
        for node in self._root.walk():
            if node is not self._root and predicate(node):
                return self.createIndex(node.row(), 0, node)
        return QModelIndex()

    def find_id(self, item_id: str) -> QModelIndex:
        """The index (column 0) of the first node whose record has the id ``item_id``."""
        return self.find(lambda node: getattr(node.payload, "id", None) == item_id)

    def index_of(self, node: Node[P], column: int = 0) -> QModelIndex:
        if node is self._root:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    def nodes_changed(self, nodes: Iterable[Node[P]], roles: Sequence[int] = ()) -> None:
        """Tell the views that ``nodes`` (all columns) show something new.

        One ``dataChanged`` per parent, over the rows between the first and last changed child:
        each emit makes the proxy and the view walk the range again, so twenty single-row emits
        cost twenty walks. Name the ``roles`` that changed when they are not the sort or filter
        role: a sort/filter proxy then passes the change on without sorting the rows again
        (2,000 actions: ~0.4 s per "Bekijk als" otherwise)."""
        self._answers.clear()  # before the views ask again
        rows: dict[int, tuple[Node[P], int, int]] = {}
        for node in nodes:
            if node is self._root or node.parent is None:
                continue
            row = node.row()
            parent, first, last = rows.get(id(node.parent), (node.parent, row, row))
            rows[id(node.parent)] = (parent, min(first, row), max(last, row))
        last_column = len(self.headers) - 1
        for parent, first, last in rows.values():
            parent_index = self.index_of(parent)
            self.dataChanged.emit(
                self.index(first, 0, parent_index), self.index(last, last_column, parent_index), list(roles)
            )

    def node_data(self, node: Node[P], column: int, role: int) -> object:  # pragma: no cover - abstract
        raise NotImplementedError

    def _forget_answers(self, *_palette: object) -> None:
        self._answers.clear()  # the views repaint on the palette change and ask again

    # ---- QAbstractItemModel

    def index(self, row: int, column: int, parent: Index = _NO_PARENT) -> QModelIndex:
        # Bounds checked here rather than with hasIndex(), which calls back into rowCount() and
        # columnCount(): views and proxies call index() thousands of times per paint.
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            children = cast("Node[P]", parent.internalPointer()).children
        else:
            children = self._root.children
        if 0 <= row < len(children) and 0 <= column < len(self.headers):
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, index: Index = _NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        key = (cast("Node[P]", index.internalPointer()), index.column(), role)
        try:
            return self._answers[key]
        except KeyError:
            pass
        value = self.node_data(key[0], key[1], role)
        if role == Qt.ItemDataRole.ToolTipRole:
            value = escaped_rich_text(value)  # tooltips render HTML-looking data as HTML
        self._answers[key] = value
        return value

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.headers):
                return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# What a paint asks of each cell (QStyledItemDelegate's initStyleOption and the view).
PAINT_ROLES = (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.CheckStateRole,
)


def prefetch_rows(view: QTreeView, rows: int, per_turn: int | None = None) -> None:
    """Ask the model now what the first paint of ``view`` will ask for its first ``rows`` rows,
    so a :class:`TreeModel` under it has the answers kept when the view is first shown.
    ``per_turn``: that many rows now, the next ones in later event-loop turns (the Begroting's
    40 rows took one 100–150 ms turn at start-up while pyqtgraph was imported beside it)."""
    _prefetch_from(view, view.model().index(0, 0), rows, per_turn or rows)


def _prefetch_from(view: QTreeView, start: Index, rows: int, per_turn: int) -> None:
    model = view.model()
    index = model.index(start.row(), 0, start.parent()) if start.isValid() else QModelIndex()
    columns = model.columnCount()
    for done in range(rows):
        if not index.isValid():
            return
        if done == per_turn:  # the rest later; a reset of the model meanwhile ends it
            after_paints(view, partial(_prefetch_from, view, QPersistentModelIndex(index), rows - done, per_turn))
            return
        for column in range(columns):
            cell = index.siblingAtColumn(column)
            for role in PAINT_ROLES:
                cell.data(role)
        index = view.indexBelow(index)
