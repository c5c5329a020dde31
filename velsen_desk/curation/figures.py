"""Checks that a stored figure is the figure the source prints, and that money never grows.

The quote checks prove that a cost's *text* is in the source; nothing compared the stored
*amount*, the number every sum, chart and report uses, with that text. Nor did anything stop a
funding line from reading as more money than the budget line or budget it comes from. And the
cells of an action's table row other than its title and cost (trekker, planning) were never
compared with the row at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from velsen_desk.core.formatting import format_euro
from velsen_desk.core.i18n import _
from velsen_desk.core.money import CostStatus
from velsen_desk.core.text import squash
from velsen_desk.curation.fidelity import Finding
from velsen_desk.curation.schema import Cost

if TYPE_CHECKING:
    from velsen_desk.curation.loader import DataSet

# "€25.000", "€ 1.050.000", "minimaal € 500.000", "€5 miljoen", "€1,25 miljoen"
_PRINTED = re.compile(r"(?P<whole>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<fraction>\d+))?\s*(?P<scale>miljoen|mln|duizend)?",
                      re.IGNORECASE)
_SCALES = {"miljoen": 1_000_000, "mln": 1_000_000, "duizend": 1_000}

# The cost fields of each collection.
COST_FIELDS: dict[str, tuple[str, ...]] = {
    "action_plans": ("total_documented",),
    "focusopgaven": ("subtotal_documented",),
    "actions": ("cost",),
    "budgets": ("amount", "total_documented"),
    "budget_lines": ("cost",),
    "fundings": ("amount",),
}

# A table cell of an action may run over two lines of the PDF's table, with the other cells of
# that row between its halves (action 5's planning, action 8's explanation): the stored cell is
# then the two halves joined. Each half must be long enough to mean something, and the second
# must follow the first within one table row.
_MIN_PART = 20
_MAX_GAP = 1500

# Cells of the Actieplan's table that hold its text as printed.
ACTION_CELLS: tuple[str, ...] = ("trekker", "what", "explanation", "planning_text")


def printed_amount(text: str) -> int | None:
    """The whole euros a printed amount says, or None when the text holds no number."""
    match = _PRINTED.search(text)
    if match is None:
        return None
    whole = int(match.group("whole").replace(".", ""))
    fraction = match.group("fraction") or ""
    scale = _SCALES.get((match.group("scale") or "").lower(), 1)
    return whole * scale + (int(fraction) * scale) // (10 ** len(fraction)) if fraction else whole * scale


def _amount_findings(dataset: DataSet) -> Iterator[Finding]:
    for collection, fields in COST_FIELDS.items():
        for record in dataset.collections[collection]:
            for field in fields:
                cost = getattr(record, field, None)
                if not isinstance(cost, Cost) or cost.status is not CostStatus.AMOUNT or cost.amount is None:
                    continue
                printed = printed_amount(cost.text)
                if printed != cost.amount:
                    said = _("geen bedrag") if printed is None else format_euro(printed)
                    yield Finding(record, f"{field}.amount", "amount-text", _(
                        "bedrag {amount} is niet wat de bedragtekst '{text}' zegt ({said})"
                    ).format(amount=format_euro(cost.amount), text=cost.text, said=said))
                if cost.qualifier and cost.qualifier.casefold() not in cost.text.casefold():
                    yield Finding(record, f"{field}.qualifier", "amount-qualifier",
                                  _("de bedragtekst '{text}' zegt niet '{qualifier}'").format(
                                      text=cost.text, qualifier=cost.qualifier))


def _funding_findings(dataset: DataSet) -> Iterator[Finding]:
    """A funding line may not read as more money than the budget line or budget it comes from."""
    lines = {line.id: line for line in dataset.budget_lines}
    budgets = {budget.id: budget for budget in dataset.budgets}
    for funding in dataset.fundings:
        amount = funding.amount
        if amount is None or amount.status is not CostStatus.AMOUNT or amount.amount is None:
            continue
        line = lines.get(funding.budget_line or "")
        budget = budgets.get(funding.budget)
        for what, limit in ((_("regel"), line.cost if line else None),
                            (_("budget"), budget.amount if budget else None)):
            if limit is None:
                continue
            if limit.status is not CostStatus.AMOUNT or limit.amount is None:
                yield Finding(funding, "amount", "funding-exceeds",
                              _("financiering van {amount} uit een {what} zonder bedrag ('{text}')").format(
                                  amount=format_euro(amount.amount), what=what, text=limit.text))
            elif amount.amount > limit.amount and limit.qualifier != "minimaal":
                yield Finding(funding, "amount", "funding-exceeds",
                              _("financiering van {amount} is meer dan de {what} waar zij uit komt ({limit})").format(
                                  amount=format_euro(amount.amount), what=what, limit=format_euro(limit.amount)))


def occurs_in(value: str, text: str) -> bool:
    """True when the value occurs in the (squashed) text whole, or as two halves of one table row."""
    squashed = squash(value)
    if squashed in text:
        return True
    # The longest prefix that occurs: occurrence is monotonic in the prefix length.
    low, high = 0, len(squashed)
    while low < high:
        mid = (low + high + 1) // 2
        if squashed[:mid] in text:
            low = mid
        else:
            high = mid - 1
    head, tail = squashed[:low], squashed[low:]
    if len(head) < _MIN_PART or len(tail) < _MIN_PART:
        return False
    start = text.find(head)
    while start != -1:
        end = start + len(head)
        if text.find(tail, end, end + _MAX_GAP + len(tail)) != -1:
            return True
        start = text.find(head, start + 1)
    return False


def _action_cell_findings(dataset: DataSet, texts: dict[str, str | None]) -> Iterator[Finding]:
    for action in dataset.actions:
        text = texts.get(action.source.doc)
        if text is None:
            continue
        for field in ACTION_CELLS:
            value = getattr(action, field)
            if value is not None and not occurs_in(value, text):
                yield Finding(action, field, "table-cell",
                              _("de tekst van '{field}' komt niet letterlijk voor in de tabel van de brontekst").format(
                                  field=field))
        quote = squash(action.source.quote or "").casefold()
        if action.trekker and quote and squash(action.trekker).casefold() not in quote:
            yield Finding(action, "source.quote", "quote-contains-trekker",
                          _("het citaat bevat de trekker niet ('{trekker}')").format(trekker=action.trekker))


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _budget_findings(dataset: DataSet, texts: dict[str, str | None]) -> Iterator[Finding]:
    """A budget's description is the document's own words about it (the rules for drawing on it
    too), and every year of its period is a year the document gives it."""
    for budget in dataset.budgets:
        text = texts.get(budget.source.doc)
        if text is not None and budget.description is not None and not occurs_in(budget.description, text):
            yield Finding(budget, "description", "verbatim",
                          _("de tekst van '{field}' komt niet letterlijk voor in de brontekst").format(
                              field="description"))
        said = f"{budget.source.quote or ''} {budget.description or ''}"
        missing = [y for y in _YEAR.findall(budget.period_text or "") if not re.search(rf"\b{y}\b", said)]
        if missing:
            yield Finding(budget, "period_text", "period-year",
                          _("het jaar {year} van de periode staat niet in het citaat of de beschrijving").format(
                              year=missing[0]))


def figure_findings(dataset: DataSet, texts: dict[str, str | None]) -> Iterator[Finding]:
    """Stored amounts against their printed text, fundings against their source, table cells verbatim."""
    yield from _amount_findings(dataset)
    yield from _funding_findings(dataset)
    yield from _action_cell_findings(dataset, texts)
    yield from _budget_findings(dataset, texts)


__all__ = ["ACTION_CELLS", "COST_FIELDS", "figure_findings", "occurs_in", "printed_amount"]
