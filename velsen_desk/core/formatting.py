"""Money, number and date formats through Babel (CLDR data), for the CLI, reports and UI.

Dutch by default; the window passes its :class:`~velsen_desk.core.locales.Locale` for English
("€1,050,000", "20 June 2022", "n/a", "TBD"). The reports never pass one: they stay Dutch.

Babel is imported on the first amount, number or date formatted, not with this module: the
window's first tab shows none, and importing Babel cost ~12 ms before its first paint.
:func:`load_babel` imports it ahead of time (the window does so right after that paint).
"""

from __future__ import annotations

import datetime as dt
import functools

from velsen_desk.core.i18n import N_
from velsen_desk.core.locales import DUTCH, Locale
from velsen_desk.core.money import CostStatus, CostSum, CostValue

LOCALE = DUTCH.babel
UNKNOWN = N_("onbekend")
NOT_APPLICABLE = N_("n.v.t.")
TO_BE_DETERMINED = N_("n.n.b.")


def load_babel() -> None:
    """Import the parts of Babel the formats below use (a no-op once done)."""
    import babel.dates  # noqa: F401
    import babel.numbers  # noqa: F401


def load_number_patterns(locale: Locale = DUTCH) -> None:
    """Have Babel parse the currency pattern now (it does so on first use): the window
    does so in a turn of its own rather than in the first batch of rows that shows an amount."""
    format_euro(0, locale)


@functools.lru_cache(maxsize=4096)  # views ask for the same few amounts on every repaint
def format_euro(amount: int, locale: Locale = DUTCH) -> str:
    """``1050000`` -> ``€ 1.050.000`` (whole euros, no cents; English ``€1,050,000``)."""
    from babel.numbers import format_currency

    return format_currency(amount, "EUR", format=locale.euro_pattern, locale=locale.babel, currency_digits=False)


def format_number(value: float, locale: Locale = DUTCH) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=locale.babel)


def format_long_date(value: dt.date | None, locale: Locale = DUTCH) -> str:
    """``2022-06-20`` -> ``20 juni 2022`` (English ``20 June 2022``)."""
    if value is None:
        return locale._(UNKNOWN)
    from babel.dates import format_date

    return format_date(value, format="d MMMM y", locale=locale.babel)


@functools.lru_cache(maxsize=4096)
def format_cost(cost: CostValue, locale: Locale = DUTCH) -> str:
    """An amount; "n.v.t." and "n.n.b." as such, never as € 0."""
    if cost.status is CostStatus.AMOUNT and cost.amount is not None:
        prefix = f"{qualifier_text(cost.qualifier, locale)} " if cost.qualifier else ""
        return prefix + format_euro(cost.amount, locale)
    if cost.status is CostStatus.NOT_APPLICABLE:
        return locale._(NOT_APPLICABLE)
    unknown = locale._(TO_BE_DETERMINED)
    if cost.text.strip().lower() not in ("n.n.b.", "nnb"):
        return f"{unknown} ({cost.text})"  # the source's own words stay as printed
    return unknown


_QUALIFIERS = {"minimaal": N_("minimaal"), "maximaal": N_("maximaal"), "circa": N_("circa")}


def qualifier_text(qualifier: str, locale: Locale = DUTCH) -> str:
    """"minimaal" (English "at least"); a qualifier we do not know stays as stored."""
    known = _QUALIFIERS.get(qualifier)
    return locale._(known) if known else qualifier


def format_cost_short(cost: CostValue, locale: Locale = DUTCH) -> str:
    """Like :func:`format_cost` without the source's wording of an unknown ("n.n.b."), for
    places with room for a few characters only (a label beside a bar)."""
    if cost.status in (CostStatus.AMOUNT, CostStatus.NOT_APPLICABLE):
        return format_cost(cost, locale)
    return locale._(TO_BE_DETERMINED)


def unknown_posts_text(count: int, locale: Locale = DUTCH) -> str:
    """"1 post n.n.b." / "3 posten n.n.b.": the items a sum could not count."""
    return locale.ngettext("{n} post n.n.b.", "{n} posten n.n.b.", count).format(n=count)


def format_sum(total: CostSum, locale: Locale = DUTCH) -> str:
    """``€ 165.000 + 1 post n.n.b.``: a sum says which items it could not count."""
    text = format_euro(total.known, locale)
    if total.to_be_determined:
        text += f" + {unknown_posts_text(total.to_be_determined, locale)}"
    return text


def format_derived_sum(total: CostSum, locale: Locale = DUTCH) -> str:
    """A sum no document prints (over a selection of items): like :func:`format_sum`, but a sum
    without a single amount is never "€ 0": "n.v.t." when every item is n.v.t., "n.n.b." when
    some are unknown, "—" over no items at all."""
    if total.amounts:
        return format_sum(total, locale)
    if total.to_be_determined:
        count = total.to_be_determined
        return locale.ngettext("n.n.b. ({n} post)", "n.n.b. ({n} posten)", count).format(n=count)
    return locale._(NOT_APPLICABLE) if total.not_applicable else "—"


# The offices of the schema's Role; the sources print them in Dutch, the English window names them.
_ROLES = {"burgemeester": N_("burgemeester"), "wethouder": N_("wethouder")}


def role_text(role: str | None, locale: Locale = DUTCH) -> str:
    """A college member's office ("burgemeester"; English "mayor"), "onbekend" when not stated;
    an office we do not know stays as stored."""
    if role is None:
        return locale._(UNKNOWN)
    known = _ROLES.get(role)
    return locale._(known) if known else role


def format_loco(role: str | None, order: int | None, locale: Locale = DUTCH) -> str:
    """Locoburgemeester order: "1e", "n.v.t." for the burgemeester, "onbekend" when not stated."""
    if order is not None:
        return locale._("{n}e").format(n=order)
    text = NOT_APPLICABLE if role == "burgemeester" else UNKNOWN
    return locale._(text)
