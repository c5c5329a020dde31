"""The Actieplan as a tree: plan → focusopgave → action, plus one branch per budget."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from velsen_desk.core import records, wording
from velsen_desk.core.formatting import format_cost
from velsen_desk.core.money import Reconciliation
from velsen_desk.core.task_state import TaskState
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.widgets.style import (
    HIGHLIGHT_ROLE,
    ID_ROLE,
    KIND_ROLE,
    SORT_ROLE,
    bold_font,
    computed_text,
    cost_font,
    cost_foreground,
    cost_sort_key,
    highlight_brush,
    ok_colour,
    reconciliation_text,
    unknown_colour,
    warn_colour,
)
from velsen_desk.ui.widgets.tree_model import Node, TreeModel

NR, TITLE, TREKKER, COST, FUNDING, PLANNING, CHECK = range(7)
# What a person's highlight changes in node_data (not the sort key: the sort stays as it is).
HIGHLIGHT_ROLES = (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole, HIGHLIGHT_ROLE)

BudgetPayload = (
    records.ActionPlanInfo | records.FocusopgaveInfo | records.ActionInfo | records.BudgetInfo
    | records.BudgetLineInfo
)
BudgetNode = Node[BudgetPayload]
SortKey = str | int | float | tuple[int, float]


def _tr(text: str) -> str:
    # The empty context: lupdate files bare _tr() calls there (packaging/update-translations.sh).
    return QCoreApplication.translate("", text)


def build_tree(plans: tuple[records.ActionPlanInfo, ...]) -> BudgetNode:
    root: BudgetNode = Node("root")
    budgets: dict[str, records.BudgetInfo] = {}
    for plan in plans:
        plan_node = root.add("plan", plan)
        for fo in plan.focusopgaven:
            fo_node = plan_node.add("focusopgave", fo)
            for action in fo.actions:
                fo_node.add("action", action)
        for action in plan.loose_actions:  # e.g. action 20, the reserve: directly under the plan
            plan_node.add("action", action)
        for budget in plan.budgets:
            budgets.setdefault(budget.id, budget)
    for budget in budgets.values():
        b_node = root.add("budget", budget)
        for line in budget.lines:
            b_node.add("line", line)
    return root


class BudgetModel(TreeModel[BudgetPayload]):
    """The tree, sorted by the model itself (the view asks it directly: a pass-through
    ``QSortFilterProxyModel`` doubled the ``index()`` calls into Python on every paint)."""

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
        self._plans: tuple[records.ActionPlanInfo, ...] = ()
        self._highlight: frozenset[str] = frozenset()
        self._actions: dict[str, records.ActionInfo] = {}
        self._lines: dict[str, tuple[records.BudgetInfo, records.BudgetLineInfo]] = {}
        self._sort_keys: dict[tuple[BudgetNode, int], SortKey] = {}  # per tree; see sort_key
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sorted: BudgetNode | None = None  # the tree the sort above was applied to

    # ---- Public API

    def set_plans(self, plans: tuple[records.ActionPlanInfo, ...], highlight: frozenset[str] = frozenset()) -> None:
        """Show ``plans`` with the actions ``highlight`` marked (set before the reset, so a new
        programme costs no change signal per branch)."""
        self._plans = plans
        self._highlight = highlight
        self._actions = {a.id: a for p in plans for a in p.actions}
        self._lines = {line.id: (b, line) for p in plans for b in p.budgets for line in b.lines}
        self._sort_keys = {}
        root = build_tree(plans)
        if self._sort_column >= 0:  # a new tree keeps the user's sort
            _sort_children(root, lambda node: self.sort_key(node, self._sort_column),
                           self._sort_order == Qt.SortOrder.DescendingOrder)
        self._sorted = root
        self.set_root(root)

    def branches(self) -> list[BudgetNode]:
        """The rows that carry a total: plans, focusopgaven and budgets (a few per plan)."""
        return [node for top in self._root.children for node in (top, *top.children)
                if not isinstance(node.payload, records.ActionInfo | records.BudgetLineInfo)]

    def figure_texts_of(self, root: BudgetNode, state: TaskState) -> dict[int, frozenset[str]]:
        """Every distinct text of the figure columns (Kosten, Volgens document) in ``root``'s
        rows, for their widths. Runs in a worker for a new tree: formatting 2,000 costs took
        ~0.4 s of the programme switch's turn."""
        texts: dict[int, set[str]] = {COST: set(), CHECK: set()}
        for count, node in enumerate(root.walk()):
            if count % 200 == 0:
                state.raise_if_cancelled()
            p = node.payload
            if isinstance(p, records.ActionInfo | records.BudgetLineInfo):
                texts[COST].add(format_cost(p.cost, window_locale()))
            elif p is not None:
                for column in (COST, CHECK):
                    text = self._display(node, column)
                    if text:
                        texts[column].add(text)
        return {column: frozenset(found) for column, found in texts.items()}

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
        """The key ``column`` sorts ``node`` by, kept per tree (made in a worker by
        :meth:`sort_keys_of`, or here when asked before it is done); a key never changes with
        the highlight."""
        key = (node, column)
        try:
            return self._sort_keys[key]
        except KeyError:
            value = self._sort_keys[key] = self._sort(node, column)
            return value

    def sort_keys_of(self, root: BudgetNode, state: TaskState) -> dict[tuple[BudgetNode, int], SortKey]:
        """Runs in a worker: the key of every row that a sort moves (all below the top level),
        for every column, so that the first click on a column computes none of them (~3,700
        for one column at 2,000 actions, in the click's turn). ``root`` is the tree they are
        for; stale keys are dropped by :meth:`add_sort_keys`."""
        keys: dict[tuple[BudgetNode, int], SortKey] = {}
        for top in root.children:
            for count, node in enumerate(top.walk()):
                if node is top:
                    continue
                if count % 200 == 0:
                    state.raise_if_cancelled()  # a newer tree asks for its own keys
                for column in range(len(self.headers)):
                    keys[(node, column)] = self._sort(node, column)
        return keys

    def add_sort_keys(self, root: BudgetNode, keys: dict[tuple[BudgetNode, int], SortKey]) -> None:
        """Keep the worker's ``keys`` when they are for the tree shown."""
        if root is self._root:
            keys.update(self._sort_keys)  # a key computed meanwhile is the same
            self._sort_keys = keys

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
            _sort_children(self._root, lambda node: self.sort_key(node, column),
                           order == Qt.SortOrder.DescendingOrder)
        self.changePersistentIndexList(old, [self.createIndex(node.row(), col, node) for node, col in kept])
        self.layoutChanged.emit()
        self.sig_sorted.emit()

    def funding_text(self, action: records.ActionInfo) -> str:
        parts = []
        for f in action.fundings:
            entry = self._lines.get(f.budget_line_id) if f.budget_line_id else None
            line = entry[1] if entry else None
            parts.append(wording.funding_text(f.budget_name, f.amount, line.number if line else None,
                                              via_line=line is not None, funds=f.funds, part=f.part,
                                              locale=window_locale()))
        return "; ".join(parts)

    def line_funding_text(self, line: records.BudgetLineInfo) -> str:
        parts = [line.remark] if line.remark else []
        for action_id in line.funded_action_ids:
            action = self._actions.get(action_id)
            if action:
                plan = next((p.title for p in self._plans if p.id == action.plan_id), "")
                parts.append(wording.funded_action_text(plan, action.number, window_locale()))
        return " · ".join(parts)

    # ---- TreeModel

    def node_data(self, node: BudgetNode, column: int, role: int) -> object:
        p = node.payload
        if p is None:
            return None
        mine = isinstance(p, records.ActionInfo) and p.id in self._highlight
        cost = p.cost if isinstance(p, records.ActionInfo | records.BudgetLineInfo) else None
        rec = _reconciliation(p)
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
        p = node.payload
        match p:
            case records.ActionInfo():
                return {
                    NR: str(p.number),
                    TITLE: p.title,
                    TREKKER: p.trekker or _tr("onbekend"),
                    COST: format_cost(p.cost, window_locale()),
                    FUNDING: self.funding_text(p),
                    PLANNING: _planning_cell(p),
                }.get(column)
            case records.BudgetLineInfo():
                return {
                    NR: str(p.number) if p.number is not None else "",
                    TITLE: p.title,
                    COST: format_cost(p.cost, window_locale()),
                    FUNDING: self.line_funding_text(p),
                }.get(column)
            case None:
                return None
        rec = _reconciliation(p)
        if column == COST:
            if isinstance(p, records.BudgetInfo) and rec is None:
                return wording.budget_amount_text(p.amount, p.per, window_locale()) if p.amount else ""
            return computed_text(rec)
        if column == CHECK:
            return reconciliation_text(rec)
        match p:
            case records.ActionPlanInfo():
                return {TITLE: p.title, PLANNING: p.document.date_text or ""}.get(column)
            case records.FocusopgaveInfo():
                return {
                    NR: p.letter or str(p.number),
                    TITLE: _tr("Focusopgave {0}: {1}").format(p.number, p.title),
                }.get(column)
            case records.BudgetInfo():
                funded = [self._actions[a] for a in dict.fromkeys(p.funded_action_ids) if a in self._actions]
                funding = ""
                if p.lines and p.amount:
                    funding = _tr("budget {0}").format(format_cost(p.amount, window_locale()))
                if funded:
                    # "6 (deels)": the source pays for only part of that action (its detail says which)
                    numbers = ", ".join(
                        _tr("{0} (deels)").format(a.number) if _funds_part(a, p.id) else str(a.number)
                        for a in sorted(funded, key=lambda a: a.number)
                    )
                    funding = (funding + "; " if funding else "") + _tr("financiert actie {0}").format(numbers)
                return {TITLE: p.name, FUNDING: funding, PLANNING: p.period_text or ""}.get(column)

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
            rec = _reconciliation(p)
            if rec is not None and rec.documented is not None:
                return _tr("Berekend uit de regels: {0}. Document: {1}.").format(
                    computed_text(rec), rec.documented.text
                )
        return None

    def _sort(self, node: BudgetNode, column: int) -> SortKey:
        p = node.payload
        if column == NR:
            match p:
                case records.ActionInfo() | records.FocusopgaveInfo():
                    return p.number
                case records.BudgetLineInfo():
                    return p.number or 0
            return node.row()
        if column == COST:
            if isinstance(p, records.ActionInfo | records.BudgetLineInfo):
                return cost_sort_key(p.cost)
            rec = _reconciliation(p) if p is not None else None
            return float(rec.computed.known) if rec else 0.0
        if column == PLANNING and isinstance(p, records.ActionInfo):
            return (p.planning_text or "").lower()  # the caveat mark does not sort
        text = self._display(node, column)
        return (text or "").lower()


def _sort_children(root: BudgetNode, key: Callable[[BudgetNode], SortKey], descending: bool) -> None:
    """Sort the children of every node below the top level by ``key``, stably (equal keys keep
    their order, as Qt's sort does); keys of mixed types compare as text."""
    for top in root.children:
        for node in top.walk():
            if len(node.children) < 2:
                continue
            keys = [key(child) for child in node.children]
            if len({type(k) for k in keys}) > 1:
                keys = [str(k) for k in keys]
            order = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
            node.children = [node.children[i] for i in order]
            for position, child in enumerate(node.children):
                child.position = position


def _reconciliation(p: BudgetPayload | None) -> Reconciliation | None:
    """The check of a branch's total against its document; None for an action or a line."""
    if isinstance(p, records.ActionPlanInfo | records.FocusopgaveInfo | records.BudgetInfo):
        return p.reconciliation
    return None


def _planning_cell(action: records.ActionInfo) -> str:
    """The table's planning; marked where the plan's running text contradicts it."""
    text = action.planning_text or _tr("onbekend")
    return f"{wording.PLANNING_CAVEAT} {text}" if action.planning_conflict else text


def _funds_part(action: records.ActionInfo, budget_id: str) -> bool:
    return any(f.part for f in action.fundings if f.budget_id == budget_id)
