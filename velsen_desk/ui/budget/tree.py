"""The Begroting's tree, its cell texts and its sort keys, made without a model.

:func:`prepare_tree` runs in the worker that reads a programme (a preparation of
:class:`~velsen_desk.ui.programme_loader.ProgrammeLoader`): at 2,000 actions building the tree,
keeping the user's sort, making every sort key and formatting every figure took ~0.1–0.5 s of the
programme switch's turn on the GUI thread; now :class:`~velsen_desk.ui.budget.model.BudgetModel`
only swaps the finished tree in. Nothing here touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from velsen_desk.core import records, wording
from velsen_desk.core.formatting import format_cost
from velsen_desk.core.money import Reconciliation
from velsen_desk.core.records import ProgrammeData
from velsen_desk.core.task_state import TaskState
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.widgets.style import computed_text, cost_sort_key, reconciliation_text
from velsen_desk.ui.widgets.tree_model import Node

NR, TITLE, TREKKER, COST, FUNDING, PLANNING, CHECK = range(7)
COLUMNS = 7

BudgetPayload = (
    records.ActionPlanInfo | records.FocusopgaveInfo | records.ActionInfo | records.BudgetInfo
    | records.BudgetLineInfo
)
BudgetNode = Node[BudgetPayload]
SortKey = str | int | float | tuple[int, float]
SortKeys = dict[tuple[BudgetNode, int], SortKey]
CHECK_EVERY = 200  # rows between two looks whether a newer read cancelled this one


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


class BudgetTexts:
    """The cell texts and sort keys of the plans' rows (what the model shows and sorts by)."""

    def __init__(self, plans: tuple[records.ActionPlanInfo, ...]) -> None:
        self.plans = plans
        self.actions = {a.id: a for p in plans for a in p.actions}
        self.lines = {line.id: (b, line) for p in plans for b in p.budgets for line in b.lines}

    def funding_text(self, action: records.ActionInfo) -> str:
        parts = []
        for f in action.fundings:
            entry = self.lines.get(f.budget_line_id) if f.budget_line_id else None
            line = entry[1] if entry else None
            parts.append(wording.funding_text(f.budget_name, f.amount, line.number if line else None,
                                              via_line=line is not None, funds=f.funds, part=f.part,
                                              locale=window_locale()))
        return "; ".join(parts)

    def line_funding_text(self, line: records.BudgetLineInfo) -> str:
        parts = [line.remark] if line.remark else []
        for action_id in line.funded_action_ids:
            action = self.actions.get(action_id)
            if action:
                plan = next((p.title for p in self.plans if p.id == action.plan_id), "")
                parts.append(wording.funded_action_text(plan, action.number, window_locale()))
        return " · ".join(parts)

    def display(self, node: BudgetNode, column: int) -> str | None:
        p = node.payload
        match p:
            case records.ActionInfo():
                return {
                    NR: str(p.number),
                    TITLE: p.title,
                    TREKKER: p.trekker or _tr("onbekend"),
                    COST: format_cost(p.cost, window_locale()),
                    FUNDING: self.funding_text(p),
                    PLANNING: planning_cell(p),
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
        rec = reconciliation(p)
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
                funded = [self.actions[a] for a in dict.fromkeys(p.funded_action_ids) if a in self.actions]
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

    def sort(self, node: BudgetNode, column: int) -> SortKey:
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
            rec = reconciliation(p) if p is not None else None
            return float(rec.computed.known) if rec else 0.0
        if column == PLANNING and isinstance(p, records.ActionInfo):
            return (p.planning_text or "").lower()  # the caveat mark does not sort
        text = self.display(node, column)
        return (text or "").lower()

    def sort_keys_of(self, root: BudgetNode, state: TaskState) -> SortKeys:
        """The key of every row that a sort moves (all below the top level), for every column,
        so that the first click on a column computes none of them (~3,700 for one column at
        2,000 actions, in the click's turn)."""
        keys: SortKeys = {}
        for top in root.children:
            for count, node in enumerate(top.walk()):
                if node is top:
                    continue
                if count % CHECK_EVERY == 0:
                    state.raise_if_cancelled()  # a newer tree asks for its own keys
                for column in range(COLUMNS):
                    keys[(node, column)] = self.sort(node, column)
        return keys

    def figure_texts_of(self, root: BudgetNode, state: TaskState) -> dict[int, frozenset[str]]:
        """Every distinct text of the figure columns (Kosten, Volgens document) in ``root``'s
        rows, for their widths (formatting 2,000 costs took ~0.4 s of a GUI-thread turn)."""
        texts: dict[int, set[str]] = {COST: set(), CHECK: set()}
        for count, node in enumerate(root.walk()):
            if count % CHECK_EVERY == 0:
                state.raise_if_cancelled()
            p = node.payload
            if isinstance(p, records.ActionInfo | records.BudgetLineInfo):
                texts[COST].add(format_cost(p.cost, window_locale()))
            elif p is not None:
                for column in (COST, CHECK):
                    text = self.display(node, column)
                    if text:
                        texts[column].add(text)
        return {column: frozenset(found) for column, found in texts.items()}


@dataclass(frozen=True, eq=False)
class PreparedTree:
    """A finished tree for :meth:`BudgetModel.set_prepared`: sorted by ``sort_column`` (−1: the
    plan's order), with every sort key and the figure columns' texts."""

    plans: tuple[records.ActionPlanInfo, ...]
    texts: BudgetTexts
    root: BudgetNode
    sort_column: int
    descending: bool
    sort_keys: SortKeys
    figure_texts: dict[int, frozenset[str]]


def prepare_tree(plans: tuple[records.ActionPlanInfo, ...], sort_column: int, descending: bool,
                 state: TaskState) -> PreparedTree:
    """The whole tree of ``plans``, sorted as the user last sorted (worker thread)."""
    texts = BudgetTexts(plans)
    root = build_tree(plans)
    keys = texts.sort_keys_of(root, state)
    if sort_column >= 0:
        sort_children(root, lambda node: keys[(node, sort_column)], descending)
    return PreparedTree(plans, texts, root, sort_column, descending, keys, texts.figure_texts_of(root, state))


def preparation(sort_column: int, descending: bool) -> Callable[[ProgrammeData, TaskState], PreparedTree | None]:
    """What the programme's read also does for the Begroting (None for a programme without plans)."""

    def prepare(data: ProgrammeData, state: TaskState) -> PreparedTree | None:
        return prepare_tree(data.plans, sort_column, descending, state) if data.plans else None

    return prepare


def sort_children(root: BudgetNode, key: Callable[[BudgetNode], SortKey], descending: bool) -> None:
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


def reconciliation(p: BudgetPayload | None) -> Reconciliation | None:
    """The check of a branch's total against its document; None for an action or a line."""
    if isinstance(p, records.ActionPlanInfo | records.FocusopgaveInfo | records.BudgetInfo):
        return p.reconciliation
    return None


def planning_cell(action: records.ActionInfo) -> str:
    """The table's planning; marked where the plan's running text contradicts it."""
    text = action.planning_text or _tr("onbekend")
    return f"{wording.PLANNING_CAVEAT} {text}" if action.planning_conflict else text


def _funds_part(action: records.ActionInfo, budget_id: str) -> bool:
    return any(f.part for f in action.fundings if f.budget_id == budget_id)
