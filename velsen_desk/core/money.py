"""Costs that keep "€ 0", "n.v.t." and "n.n.b." apart, and sums that say what they left out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

AMOUNT = "amount"
NOT_APPLICABLE = "nvt"
TO_BE_DETERMINED = "nnb"


@dataclass(frozen=True)
class CostValue:
    status: str  # AMOUNT, NOT_APPLICABLE or TO_BE_DETERMINED
    amount: int | None  # whole euros, only with AMOUNT
    text: str  # as printed in the source
    qualifier: str | None = None  # "minimaal", "maximaal" or "circa"

    @property
    def is_amount(self) -> bool:
        return self.status == AMOUNT


@dataclass(frozen=True)
class CostSum:
    """A sum over costs: the known euros plus how many items had no amount, and why."""

    known: int
    amounts: int  # items with an amount (including € 0)
    not_applicable: int  # "n.v.t." items: no cost, so the sum is still complete
    to_be_determined: int  # "n.n.b." items: the true total is higher by an unknown amount

    @property
    def complete(self) -> bool:
        """True when every item is an amount or n.v.t., so ``known`` is the whole total."""
        return self.to_be_determined == 0


def sum_costs(costs: Iterable[CostValue]) -> CostSum:
    known = amounts = nvt = nnb = 0
    for cost in costs:
        if cost.status == AMOUNT:
            known += cost.amount or 0
            amounts += 1
        elif cost.status == NOT_APPLICABLE:
            nvt += 1
        else:
            nnb += 1
    return CostSum(known=known, amounts=amounts, not_applicable=nvt, to_be_determined=nnb)


@dataclass(frozen=True)
class Reconciliation:
    """A computed sum next to the figure the document prints."""

    computed: CostSum
    documented: CostValue | None

    @property
    def agrees(self) -> bool | None:
        """None when there is nothing to compare (no documented figure, or it is not an amount)."""
        if self.documented is None or not self.documented.is_amount:
            return None
        return self.computed.known == self.documented.amount

    @property
    def difference(self) -> int | None:
        if self.agrees is None or self.documented is None:
            return None
        return self.computed.known - (self.documented.amount or 0)
