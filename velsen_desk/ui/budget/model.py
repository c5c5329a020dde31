"""The Actieplan as a tree: plan → focusopgave → action, plus one branch per budget."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from velsen_desk.core import records
from velsen_desk.core.task_state import TaskState
from velsen_desk.ui.budget.tree import (
    CHECK,
    COST,
    FUNDING,
    NR,
    PLANNING,
    TITLE,
    TREKKER,
    BudgetNode,
    BudgetPayload,
    BudgetTexts,
    PreparedTree,
    SortKey,
    SortKeys,
    build_tree,
    reconciliation,
    sort_children,
)
from velsen_desk.ui.widgets.style import (
    HIGHLIGHT_ROLE,
    ID_ROLE,
    KIND_ROLE,
    SORT_ROLE,
    bold_font,
    computed_text,
    cost_font,
    cost_foreground,
    highlight_brush,
    ok_colour,
    unknown_colour,
    warn_colour,
)
from velsen_desk.ui.widgets.tree_model import TreeModel


def _tr(text: str) -> str:
    # The empty context: lupdate files bare _tr() calls there (packaging/update-translations.sh).
    return QCoreApplication.translate("", text)


__all__ = ["CHECK", "COST", "FUNDING", "NR", "PLANNING", "TITLE", "TREKKER", "BudgetModel", "BudgetNode"]

# What a person's highlight changes in node_data (not the sort key: the sort stays as it is).
HIGHLIGHT_ROLES = (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole, HIGHLIGHT_ROLE)


class BudgetModel(TreeModel[BudgetPayload]):
    """The tree, sorted by the model itself (the view asks it directly: a pass-through
    ``QSortFilterProxyModel`` doubled the ``index()`` calls into Python on every paint).

    A new tree comes finished from a worker (:meth:`set_prepared`, see
    :mod:`velsen_desk.ui.budget.tree`); :meth:`set_plans` builds one here (tests, a plan added)."""

    # ---- Signals
    sig_about_to_sort = Signal()
    """A sort that changes the order follows: a view may collapse its rows first (re-laying
    out 2,000 expanded rows after the sort took one ~150 ms turn)."""
    sig_sorted = Signal()
    """That sort is done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (
            _tr("Nr"), _tr("Actie"), _tr("Trekker"), _tr("Kosten"), _tr("Financiering"), _tr("Planning"),
            _tr("Volgens document"),
        )
        self._texts = BudgetTexts(())
        self._highlight: frozenset[str] = frozenset()
        self._sort_keys: SortKeys = {}  # per tree; see sort_key
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sorted: BudgetNode | None = None  # the tree the sort above was applied to

    # ---- Public API

    def set_plans(self, plans: tuple[records.ActionPlanInfo, ...], highlight: frozenset[str] = frozenset()) -> None:
        """Show ``plans`` with the actions ``highlight`` marked, the tree built here; its sort
        keys are made when first asked for, or handed in by :meth:`add_sort_keys`."""
        self.set_prepared(PreparedTree(plans, BudgetTexts(plans), build_tree(plans), -1, False, {}, {}), highlight)

    def set_prepared(self, prepared: PreparedTree, highlight: frozenset[str] = frozenset()) -> None:
        """Swap in a finished tree with the actions ``highlight`` marked (set before the reset,
        so a new programme costs no change signal per branch). A tree made for another sort
        (the user sorted while it was read) is sorted here on its ready keys."""
        self._texts = prepared.texts
        self._highlight = highlight
        self._sort_keys = prepared.sort_keys  # the same keys, not a copy (~1.3 MB at 2,000 actions)
        root = prepared.root
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if (prepared.sort_column, prepared.descending) != (self._sort_column, descending) and self._sort_column >= 0:
            sort_children(root, lambda node: self.sort_key(node, self._sort_column), descending)
        self._sorted = root
        self.set_root(root)

    @property
    def sort_state(self) -> tuple[int, bool]:
        """(column, descending) of the user's sort; column −1: the plan's own order."""
        return self._sort_column, self._sort_order == Qt.SortOrder.DescendingOrder

    def branches(self) -> list[BudgetNode]:
        """The rows that carry a total: plans, focusopgaven and budgets (a few per plan)."""
        return [node for top in self._root.children for node in (top, *top.children)
                if not isinstance(node.payload, records.ActionInfo | records.BudgetLineInfo)]

    def figure_texts_of(self, root: BudgetNode, state: TaskState) -> dict[int, frozenset[str]]:
        """Every distinct text of the figure columns in ``root``'s rows (see
        :meth:`BudgetTexts.figure_texts_of`), in the texts of the tree shown."""
        return self._texts.figure_texts_of(root, state)

    def sort_keys_of(self, root: BudgetNode, state: TaskState) -> SortKeys:
        """Runs in a worker: every sort key of ``root`` (see :meth:`BudgetTexts.sort_keys_of`);
        stale keys are dropped by :meth:`add_sort_keys`."""
        return self._texts.sort_keys_of(root, state)

    def add_sort_keys(self, root: BudgetNode, keys: SortKeys) -> None:
        """Keep the worker's ``keys`` when they are for the tree shown."""
        if root is self._root:
            keys.update(self._sort_keys)  # a key computed meanwhile is the same
            self._sort_keys = keys

    def set_highlight(self, action_ids: frozenset[str]) -> None:
        """Mark ``action_ids``; only the rows whose mark changes are told to the views (each
        branch's signal costs the proxy and the view a walk of its rows)."""
        changed = self._highlight ^ action_ids
        self._highlight = action_ids
        if changed:
            self.nodes_changed(
                (node for node in self._root.walk()
                 if isinstance(node.payload, records.ActionInfo) and node.payload.id in changed),
                HIGHLIGHT_ROLES,
            )

    def sort_key(self, node: BudgetNode, column: int) -> SortKey:
        """The key ``column`` sorts ``node`` by, kept per tree (made with the tree in a worker,
        or here when asked for a tree built here); a key never changes with the highlight."""
        key = (node, column)
        try:
            return self._sort_keys[key]
        except KeyError:
            value = self._sort_keys[key] = self._texts.sort(node, column)
            return value

    def is_sorted(self, column: int, order: Qt.SortOrder) -> bool:
        """True when the tree is already sorted by ``column`` in ``order``."""
        return (column, order) == (self._sort_column, self._sort_order) and self._sorted is self._root

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every branch's rows by ``column`` (the top-level branches keep their order), in
        Python's sort over kept keys: the proxy's sort called back into Python twice per
        comparison and for every index it mapped (2,000 actions: ~0.7 s). The view calls it for a
        click on a column header."""
        if self.is_sorted(column, order):
            return  # the header's signal and the view both ask for the same sort
        self.sig_about_to_sort.emit()
        self._sort_column, self._sort_order = column, order
        self._sorted = self._root
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()  # every one is valid and points at a Node
        kept = [(index.internalPointer(), index.column()) for index in old]
        if column >= 0:
            sort_children(self._root, lambda node: self.sort_key(node, column),
                          order == Qt.SortOrder.DescendingOrder)
        self.changePersistentIndexList(old, [self.createIndex(node.row(), col, node) for node, col in kept])
        self.layoutChanged.emit()
        self.sig_sorted.emit()

    def funding_text(self, action: records.ActionInfo) -> str:
        return self._texts.funding_text(action)

    def line_funding_text(self, line: records.BudgetLineInfo) -> str:
        return self._texts.line_funding_text(line)

    # ---- TreeModel

    def node_data(self, node: BudgetNode, column: int, role: int) -> object:
        p = node.payload
        if p is None:
            return None
        mine = isinstance(p, records.ActionInfo) and p.id in self._highlight
        cost = p.cost if isinstance(p, records.ActionInfo | records.BudgetLineInfo) else None
        rec = reconciliation(p)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(p, column)
        if role == SORT_ROLE:
            return self.sort_key(node, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COST and cost is not None:
                return cost_foreground(cost)
            if column == COST and rec is not None and rec.computed.to_be_determined:
                return unknown_colour()
            if column == CHECK and rec is not None and rec.agrees is not None:
                return ok_colour() if rec.agrees else warn_colour()
            if column == PLANNING and isinstance(p, records.ActionInfo) and not p.planning_text:
                return unknown_colour()
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == COST and cost is not None:
                return cost_font(cost) or (bold_font() if mine else None)
            if isinstance(p, records.ActionPlanInfo | records.FocusopgaveInfo | records.BudgetInfo) or mine:
                return bold_font()
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NR, COST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and mine:
            return highlight_brush()
        if role == HIGHLIGHT_ROLE:
            return mine
        if role == ID_ROLE:
            return p.id
        if role == KIND_ROLE:
            return node.kind
        return None

    # ---- Private

    def _display(self, node: BudgetNode, column: int) -> str | None:
        return self._texts.display(node, column)

    def _tooltip(self, p: BudgetPayload, column: int) -> str | None:
        match p:
            case records.ActionInfo() if column == PLANNING:
                tip = p.planning_text or _tr("De bron noemt geen planning.")
                if p.planning_running:
                    tip += "\n" + _tr("Lopende tekst: {0}").format(p.planning_running)
                return tip
            case records.ActionInfo() if column == COST and p.cost.text:
                return _tr("In de bron: {0}").format(p.cost.text)
            case records.ActionInfo() if column == TITLE:
                return p.what or p.title
            case records.FocusopgaveInfo() if column in (TITLE, TREKKER):
                return p.responsible or p.title
            case records.BudgetInfo() if column == TITLE:
                return p.description or p.name
        if column == CHECK:
            rec = reconciliation(p)
            if rec is not None and rec.documented is not None:
                return _tr("Berekend uit de regels: {0}. Document: {1}.").format(
                    computed_text(rec), rec.documented.text
                )
        return None
