"""What the Voortgang tab's spend chart draws (Qt-free, so it is tested without a window): per focusopgave a planned
and a realised bar, each with the words that say what its length leaves out."""

from __future__ import annotations

from dataclasses import dataclass

from velsen_desk.core.money import CostSum

MAX_CHART_ROWS = 12  # focusopgaven drawn; a plan with hundreds lists them all in the table above


@dataclass(frozen=True)
class SpendRow:
    label: str  # the focusopgave
    planned: int | None  # euros the bar is long; None: no amount at all, so no bar (never a 0 bar)
    planned_text: str
    realised: int | None
    realised_text: str


def bar_length(total: CostSum) -> int | None:
    """The known euros, or None when no item has an amount: n.n.b. or n.v.t. alone draw no bar."""
    return total.known if total.amounts else None
