"""A programme's action plans taken together: totals over plans and which plan holds an item.

A programme can hold many plans (an area plan per neighbourhood, a plan per year). The window
and the reports show every one; these rules say how they add up without breaking the budget's
honesty: an n.n.b. post stays counted and said, never summed as € 0.
"""

from __future__ import annotations

from collections.abc import Iterable

from velsen_desk.core.money import CostSum
from velsen_desk.core.records import ActionPlanInfo


def total_of_sums(sums: Iterable[CostSum]) -> CostSum:
    """The sum of sums: known euros added, and the n.v.t. and n.n.b. posts counted apart."""
    known = amounts = nvt = nnb = 0
    for s in sums:
        known += s.known
        amounts += s.amounts
        nvt += s.not_applicable
        nnb += s.to_be_determined
    return CostSum(known=known, amounts=amounts, not_applicable=nvt, to_be_determined=nnb)


def total_of_plans(plans: Iterable[ActionPlanInfo]) -> CostSum:
    """What all ``plans`` cost together, from each plan's own computed total."""
    return total_of_sums(p.reconciliation.computed for p in plans)


def plan_index(plans: Iterable[ActionPlanInfo]) -> dict[str, str]:
    """Plan id per item id (the plan, its focusopgaven, actions, budgets and their lines), so a
    search hit or an "open action" link can select the plan that holds it in one look-up."""
    index: dict[str, str] = {}
    for plan in plans:
        index[plan.id] = plan.id
        for fo in plan.focusopgaven:
            index[fo.id] = plan.id
        for action in plan.actions:
            index[action.id] = plan.id
        for budget in plan.budgets:
            index.setdefault(budget.id, plan.id)  # a shared budget belongs to its first plan
            for line in budget.lines:
                index.setdefault(line.id, plan.id)
    return index
