"""The Actieplan as a tree: plan → focusopgave → action, plus one branch per budget."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from velsen_desk.core import records, wording
from velsen_desk.core.formatting import format_cost
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


def _tr(text: str) -> str:
    return QCoreApplication.translate("BudgetModel", text)


def build_tree(plans: tuple[records.ActionPlanInfo, ...]) -> Node:
    root = Node("root")
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


class BudgetModel(TreeModel):
    headers = ()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.headers = (
            _tr("Nr"), _tr("Actie"), _tr("Trekker"), _tr("Kosten"), _tr("Financiering"), _tr("Planning"),
            _tr("Volgens document"),
        )
        self._plans: tuple[records.ActionPlanInfo, ...] = ()
        self._highlight: frozenset[str] = frozenset()
        self._actions: dict[str, records.ActionInfo] = {}
        self._lines: dict[str, tuple[records.BudgetInfo, records.BudgetLineInfo]] = {}

    # ---- Public API

    def set_plans(self, plans: tuple[records.ActionPlanInfo, ...]) -> None:
        self._plans = plans
        self._actions = {a.id: a for p in plans for a in p.actions}
        self._lines = {line.id: (b, line) for p in plans for b in p.budgets for line in b.lines}
        self.set_root(build_tree(plans))

    def set_highlight(self, action_ids: frozenset[str]) -> None:
        self._highlight = action_ids
        for node in self._root.walk():
            if node.kind == "action":
                self.dataChanged.emit(self.index_of(node, 0), self.index_of(node, CHECK))

    def funding_text(self, action: records.ActionInfo) -> str:
        parts = []
        for f in action.fundings:
            entry = self._lines.get(f.budget_line_id) if f.budget_line_id else None
            line = entry[1] if entry else None
            parts.append(wording.funding_text(f.budget_name, f.amount, line.number if line else None,
                                              via_line=line is not None))
        return "; ".join(parts)

    def line_funding_text(self, line: records.BudgetLineInfo) -> str:
        parts = [line.remark] if line.remark else []
        for action_id in line.funded_action_ids:
            action = self._actions.get(action_id)
            if action:
                plan = next((p.title for p in self._plans if p.id == action.plan_id), "")
                parts.append(wording.funded_action_text(plan, action.number))
        return " · ".join(parts)

    # ---- TreeModel

    def node_data(self, node: Node, column: int, role: int) -> Any:
        p = node.payload
        kind = node.kind
        mine = kind == "action" and p.id in self._highlight
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, column)
        if role == SORT_ROLE:
            return self._sort(node, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COST and kind in ("action", "line"):
                return cost_foreground(p.cost)
            if column == COST and self._rec(node) is not None and self._rec(node).computed.to_be_determined:
                return unknown_colour()
            if column == CHECK:
                rec = self._rec(node)
                if rec is not None and rec.agrees is not None:
                    return ok_colour() if rec.agrees else warn_colour()
            if column == PLANNING and kind == "action" and not p.planning_text:
                return unknown_colour()
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == COST and kind in ("action", "line"):
                return cost_font(p.cost) or (bold_font() if mine else None)
            if kind in ("plan", "focusopgave", "budget") or mine:
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
            return kind
        return None

    # ---- Private

    @staticmethod
    def _rec(node: Node):
        if node.kind in ("plan", "focusopgave", "budget"):
            return node.payload.reconciliation
        return None

    def _display(self, node: Node, column: int) -> str | None:
        p = node.payload
        kind = node.kind
        if kind == "action":
            return {
                NR: str(p.number),
                TITLE: p.title,
                TREKKER: p.trekker or _tr("onbekend"),
                COST: format_cost(p.cost),
                FUNDING: self.funding_text(p),
                PLANNING: p.planning_text or _tr("onbekend"),
            }.get(column)
        if kind == "line":
            return {
                NR: str(p.number) if p.number is not None else "",
                TITLE: p.title,
                COST: format_cost(p.cost),
                FUNDING: self.line_funding_text(p),
            }.get(column)
        rec = self._rec(node)
        if column == COST:
            if kind == "budget" and rec is None:
                return format_cost(p.amount) if p.amount else ""
            return computed_text(rec)
        if column == CHECK:
            return reconciliation_text(rec)
        if kind == "plan":
            return {TITLE: p.title, PLANNING: p.document.date_text or ""}.get(column)
        if kind == "focusopgave":
            return {
                NR: p.letter or str(p.number),
                TITLE: _tr("Focusopgave {0}: {1}").format(p.number, p.title),
            }.get(column)
        if kind == "budget":
            funded = [self._actions[a].number for a in p.funded_action_ids if a in self._actions]
            funding = ""
            if p.lines and p.amount:
                funding = _tr("budget {0}").format(format_cost(p.amount))
            if funded:
                numbers = ", ".join(str(n) for n in sorted(set(funded)))
                funding = (funding + "; " if funding else "") + _tr("financiert actie {0}").format(numbers)
            return {TITLE: p.name, FUNDING: funding, PLANNING: p.period_text or ""}.get(column)
        return None

    def _tooltip(self, node: Node, column: int) -> str | None:
        p = node.payload
        if node.kind == "action":
            if column == PLANNING:
                return p.planning_text or _tr("De bron noemt geen planning.")
            if column == COST and p.cost.text:
                return _tr("In de bron: {0}").format(p.cost.text)
            if column == TITLE:
                return p.what or p.title
        if node.kind == "focusopgave" and column in (TITLE, TREKKER):
            return p.responsible or p.title
        if node.kind == "budget" and column == TITLE:
            return p.description or p.name
        if column == CHECK:
            rec = self._rec(node)
            if rec is not None and rec.documented is not None:
                return _tr("Berekend uit de regels: {0}. Document: {1}.").format(
                    computed_text(rec), rec.documented.text
                )
        return None

    def _sort(self, node: Node, column: int) -> Any:
        p = node.payload
        if column == NR:
            if node.kind == "action":
                return p.number
            if node.kind == "line":
                return p.number or 0
            if node.kind == "focusopgave":
                return p.number
            return node.row()
        if column == COST:
            if node.kind in ("action", "line"):
                return cost_sort_key(p.cost)
            rec = self._rec(node)
            return float(rec.computed.known) if rec else 0.0
        text = self._display(node, column)
        return (text or "").lower()


class BudgetSortProxy(QSortFilterProxyModel):
    """Sorts within each branch by ``SORT_ROLE``; the top-level branches keep their order."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        if not left.parent().isValid():
            before = left.row() < right.row()
            return before if self.sortOrder() == Qt.SortOrder.AscendingOrder else not before
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if type(a) is not type(b):
            return str(a) < str(b)
        return a < b
