"""Dutch money, number and date formats through Babel (CLDR data), for the CLI, reports and UI.

Babel is imported on the first amount, number or date formatted, not with this module: the
window's first tab shows none, and importing Babel cost ~12 ms before its first paint.
:func:`load_babel` imports it ahead of time (the window does so right after that paint).
"""

from __future__ import annotations

import datetime as dt
import functools

from velsen_desk.core.money import CostStatus, CostSum, CostValue

LOCALE = "nl_NL"
UNKNOWN = "onbekend"


def load_babel() -> None:
    """Import the parts of Babel the formats below use (a no-op once done)."""
    import babel.dates  # noqa: F401
    import babel.numbers  # noqa: F401


@functools.lru_cache(maxsize=4096)  # views ask for the same few amounts on every repaint
def format_euro(amount: int) -> str:
    """``1050000`` -> ``€ 1.050.000`` (whole euros, no cents)."""
    from babel.numbers import format_currency

    return format_currency(amount, "EUR", format="¤ #,##0", locale=LOCALE, currency_digits=False)


def format_number(value: float) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=LOCALE)


def format_long_date(value: dt.date | None) -> str:
    """``2022-06-20`` -> ``20 juni 2022``."""
    if value is None:
        return UNKNOWN
    from babel.dates import format_date

    return format_date(value, format="d MMMM y", locale=LOCALE)


@functools.lru_cache(maxsize=4096)
def format_cost(cost: CostValue) -> str:
    """An amount in Dutch format; "n.v.t." and "n.n.b." as such, never as € 0."""
    if cost.status is CostStatus.AMOUNT and cost.amount is not None:
        prefix = f"{cost.qualifier} " if cost.qualifier else ""
        return prefix + format_euro(cost.amount)
    if cost.status is CostStatus.NOT_APPLICABLE:
        return "n.v.t."
    if cost.text.strip().lower() not in ("n.n.b.", "nnb"):
        return f"n.n.b. ({cost.text})"
    return "n.n.b."


def format_cost_short(cost: CostValue) -> str:
    """Like :func:`format_cost` without the source's wording of an unknown ("n.n.b."), for
    places with room for a few characters only (a label beside a bar)."""
    if cost.status in (CostStatus.AMOUNT, CostStatus.NOT_APPLICABLE):
        return format_cost(cost)
    return "n.n.b."


def format_sum(total: CostSum) -> str:
    """``€ 165.000 + 1 post n.n.b.``: a sum says which items it could not count."""
    text = format_euro(total.known)
    if total.to_be_determined:
        posts = "post" if total.to_be_determined == 1 else "posten"
        text += f" + {total.to_be_determined} {posts} n.n.b."
    return text


def format_derived_sum(total: CostSum) -> str:
    """A sum no document prints (over a selection of items): like :func:`format_sum`, but a sum
    without a single amount is never "€ 0": "n.v.t." when every item is n.v.t., "n.n.b." when
    some are unknown, "—" over no items at all."""
    if total.amounts:
        return format_sum(total)
    if total.to_be_determined:
        posts = "post" if total.to_be_determined == 1 else "posten"
        return f"n.n.b. ({total.to_be_determined} {posts})"
    return "n.v.t." if total.not_applicable else "—"


def format_loco(role: str | None, order: int | None) -> str:
    """Locoburgemeester order: "1e", "n.v.t." for the burgemeester, "onbekend" when not stated."""
    if order is not None:
        return f"{order}e"
    return "n.v.t." if role == "burgemeester" else UNKNOWN
