"""Sentences the window and the reports both print about the data, written once.

Plain Dutch text (no Qt, no markup); where a view styles a part (a green ✓, an orange ⚠) it
gets the parts as well. The app is Dutch-first: the window shows these texts as they are, so
an English catalogue later translates them here, not in each view.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from velsen_desk.core.formatting import format_cost, format_euro, format_sum
from velsen_desk.core.money import CostValue, Reconciliation


class Verdict(StrEnum):
    AGREES = "agrees"  # the computed sum is the document's figure
    DIFFERS = "differs"
    INCOMPARABLE = "incomparable"  # the document's figure is n.v.t. or n.n.b.
    NO_DOCUMENT = "no_document"  # the document prints no figure


@dataclass(frozen=True)
class ReconciliationWording:
    verdict: Verdict
    computed: str  # the computed sum, e.g. "€ 165.000 + 1 post n.n.b."
    text: str  # the comparison with the document, e.g. "✓ klopt met document (€ 691.000)"


def reconciliation_wording(rec: Reconciliation) -> ReconciliationWording:
    computed = format_sum(rec.computed)
    if rec.documented is None:
        return ReconciliationWording(Verdict.NO_DOCUMENT, computed, "geen totaal in het document")
    documented = format_cost(rec.documented)
    if rec.agrees is None:
        return ReconciliationWording(Verdict.INCOMPARABLE, computed, f"document: {documented} (niet te vergelijken)")
    if rec.agrees:
        return ReconciliationWording(Verdict.AGREES, computed, f"✓ klopt met document ({documented})")
    diff = rec.difference or 0
    sign = "+" if diff > 0 else "−"
    return ReconciliationWording(Verdict.DIFFERS, computed,
                                 f"⚠ document {documented}, verschil {sign}{format_euro(abs(diff))}")


def funding_text(budget_name: str, amount: CostValue | None, line_number: int | None = None,
                 *, via_line: bool = False, funds: str | None = None, part: bool = False) -> str:
    """One source of an action's money: "Reserve (€ 50.000)", or, when the money comes from a
    line of another budget, "ook gefinancierd uit Samen Gezellig in Velsen-Noord, regel 7".
    Where the plan says what the money pays for, that follows, so an amount never reads as
    paying for the whole action: "…, alleen: „De herinrichting zelf …”"."""
    amount_text = f" ({format_cost(amount)})" if amount is not None else ""
    scope = funding_scope_text(funds, part)
    scope = f", {scope}" if scope else ""
    if via_line:
        line = f", regel {line_number}" if line_number is not None else ""
        return f"ook gefinancierd uit {budget_name}{line}{amount_text}{scope}"
    return f"{budget_name}{amount_text}{scope}"


def budget_amount_text(amount: CostValue | None, per: str | None) -> str:
    """A budget's size: "€ 1.250.000 per jaar" says it is a yearly amount in the same words, so it
    never reads as a one-off total. No amount stays unknown ("onbekend"), never € 0."""
    if amount is None:
        return "onbekend"
    text = format_cost(amount)
    return f"{text} per {per}" if per else text


# Said wherever a yearly amount is shown, so it is not added to one-off amounts by the reader either.
PER_YEAR_NOTE = "bedrag per jaar, geen totaal; niet op te tellen bij eenmalige bedragen"


def funded_action_text(plan_title: str, action_number: int) -> str:
    """A budget line that pays for (part of) an action of a plan."""
    return f"ook gefinancierd uit {plan_title}, actie {action_number}"


# A portfolio cell shown empty only by inference (PortfolioMatrix.empty_inferred), on screen and in print.
EMPTY_INFERRED = "— (afgeleid)"
EMPTY_INFERRED_NOTE = ("— (afgeleid) = leeg volgens onze lezing van de tabel: omdat de kolommen in elkaar lopen, "
                       "kan een portefeuille met ≈ ook in deze kolom hebben gestaan; de bron zegt niet dat de cel "
                       "leeg is.")


# The mark on a timeline bar (window and PDF) whose planning the plan's running text contradicts.
PLANNING_CAVEAT = "⚠"
PLANNING_CAVEAT_LEGEND = "tabel en lopende tekst verschillen over de planning: de balk volgt de tabel"


def funding_scope_text(funds: str | None, part: bool) -> str:
    """What one funding line pays for, in the source's words: "alleen: „…”" for part of an action."""
    if not funds:
        return ""
    return f"alleen: „{funds}”" if part else f"voor: „{funds}”"
