"""Costs that keep "€ 0", "n.v.t." and "n.n.b." apart, and sums that say what they left out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class CostStatus(StrEnum):
    """An amount, or one of the two ways a document says there is none.

    The values are stored in the YAML data and the database: never change them (the data
    version is a hash over the stored bytes)."""

    AMOUNT = "amount"
    NOT_APPLICABLE = "nvt"  # "n.v.t.": no cost for this plan
    TO_BE_DETERMINED = "nnb"  # "n.n.b.": a cost exists or may exist but is not known


@dataclass(frozen=True)
class CostValue:
    status: CostStatus
    amount: int | None  # whole euros, only with AMOUNT
    text: str  # as printed in the source
    qualifier: str | None = None  # "minimaal", "maximaal" or "circa"

    def __post_init__(self) -> None:
        # Database rows hand over the stored string; every reader then sees the one enum.
        stored: object = self.status  # typed as the enum, but a row may still carry the text
        if not isinstance(stored, CostStatus):
            object.__setattr__(self, "status", CostStatus(str(stored)))

    @property
    def is_amount(self) -> bool:
        return self.status is CostStatus.AMOUNT


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
        if cost.status is CostStatus.AMOUNT:
            known += cost.amount or 0
            amounts += 1
        elif cost.status is CostStatus.NOT_APPLICABLE:
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
