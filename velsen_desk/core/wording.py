"""Sentences the window and the reports both print about the data, written once.

Plain text (no Qt, no markup); where a view styles a part (a green ✓, an orange ⚠) it gets
the parts as well. Dutch by default, the reports' language; the window passes its
:class:`~velsen_desk.core.locales.Locale` and gets the English of the gettext catalogue, so
each sentence is translated here once, not in each view.
"""

from __future__ import annotations

from enum import StrEnum

from velsen_desk.core.formatting import UNKNOWN, format_cost, format_derived_sum, format_euro
from velsen_desk.core.i18n import N_
from velsen_desk.core.locales import DUTCH, Locale
from velsen_desk.core.money import CostValue, Reconciliation
from velsen_desk.core.structs import msgspec


class Verdict(StrEnum):
    AGREES = "agrees"  # the computed sum is the document's figure
    DIFFERS = "differs"
    INCOMPARABLE = "incomparable"  # the document's figure is n.v.t. or n.n.b.
    NO_DOCUMENT = "no_document"  # the document prints no figure


class ReconciliationWording(msgspec.Struct, frozen=True):
    verdict: Verdict
    computed: str  # the computed sum, e.g. "€ 165.000 + 1 post n.n.b."
    text: str  # the comparison with the document, e.g. "✓ klopt met document (€ 691.000)"


def reconciliation_wording(rec: Reconciliation, locale: Locale = DUTCH) -> ReconciliationWording:
    _ = locale._
    # The computed side is a sum no document prints: five n.v.t. actions add up to "n.v.t.", not
    # "€ 0" (the document's own "€0" stands beside it, with its quote).
    computed = format_derived_sum(rec.computed, locale)
    if rec.documented is None:
        return ReconciliationWording(Verdict.NO_DOCUMENT, computed, _("geen totaal in het document"))
    documented = format_cost(rec.documented, locale)
    if rec.agrees is None:
        return ReconciliationWording(Verdict.INCOMPARABLE, computed,
                                     _("document: {0} (niet te vergelijken)").format(documented))
    if rec.agrees:
        return ReconciliationWording(Verdict.AGREES, computed, _("✓ klopt met document ({0})").format(documented))
    diff = rec.difference or 0
    sign = "+" if diff > 0 else "−"
    return ReconciliationWording(Verdict.DIFFERS, computed, _("⚠ document {0}, verschil {1}").format(
        documented, f"{sign}{format_euro(abs(diff), locale)}"))


def funding_text(budget_name: str, amount: CostValue | None, line_number: int | None = None,
                 *, via_line: bool = False, funds: str | None = None, part: bool = False,
                 locale: Locale = DUTCH) -> str:
    """One source of an action's money: "Reserve (€ 50.000)", or, when the money comes from a
    line of another budget, "ook gefinancierd uit Samen Gezellig in Velsen-Noord, regel 7".
    Where the plan says what the money pays for, that follows, so an amount never reads as
    paying for the whole action: "…, alleen: „De herinrichting zelf …”"."""
    amount_text = f" ({format_cost(amount, locale)})" if amount is not None else ""
    scope = funding_scope_text(funds, part, locale)
    scope = f", {scope}" if scope else ""
    if via_line:
        source = (locale._("{0}, regel {1}").format(budget_name, line_number) if line_number is not None
                  else budget_name)
        return locale._("ook gefinancierd uit {0}").format(source) + amount_text + scope
    return f"{budget_name}{amount_text}{scope}"


_PER = {"jaar": N_("{0} per jaar")}


def budget_amount_text(amount: CostValue | None, per: str | None, locale: Locale = DUTCH) -> str:
    """A budget's size: "€ 1.250.000 per jaar" says it is a yearly amount in the same words, so it
    never reads as a one-off total. No amount stays unknown ("onbekend"), never € 0."""
    if amount is None:
        return locale._(UNKNOWN)
    text = format_cost(amount, locale)
    if not per:
        return text
    return locale._(_PER[per]).format(text) if per in _PER else f"{text} per {per}"


# Said wherever a yearly amount is shown, so it is not added to one-off amounts by the reader either.
PER_YEAR_NOTE = "bedrag per jaar, geen totaal; niet op te tellen bij eenmalige bedragen"


def funded_action_text(plan_title: str, action_number: int, locale: Locale = DUTCH) -> str:
    """A budget line that pays for (part of) an action of a plan."""
    return locale._("ook gefinancierd uit {0}, actie {1}").format(plan_title, action_number)


# A portfolio cell shown empty only by inference (PortfolioMatrix.empty_inferred), on screen and in print.
EMPTY_INFERRED = "— (afgeleid)"
EMPTY_INFERRED_NOTE = ("— (afgeleid) = leeg volgens onze lezing van de tabel: omdat de kolommen in elkaar lopen, "
                       "kan een portefeuille met ≈ ook in deze kolom hebben gestaan; de bron zegt niet dat de cel "
                       "leeg is.")


# The mark on a timeline bar (window and PDF) whose planning the plan's running text contradicts.
PLANNING_CAVEAT = "⚠"
PLANNING_CAVEAT_LEGEND = "tabel en lopende tekst verschillen over de planning: de balk volgt de tabel"


def funding_scope_text(funds: str | None, part: bool, locale: Locale = DUTCH) -> str:
    """What one funding line pays for, in the source's words: "alleen: „…”" for part of an action."""
    if not funds:
        return ""
    return (locale._("alleen: „{0}”") if part else locale._("voor: „{0}”")).format(funds)
