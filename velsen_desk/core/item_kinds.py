"""Every kind of item a user can find, note or see change, once.

Search results, "Wat is er veranderd", the notes overview and the note anchors use these ids;
the database tables behind them let the notes overview tell a note whose item is gone ("los").
Labels are Dutch source strings; the window translates them through Qt (context ``ItemKind``),
the command line the plurals through gettext (:func:`plural_label` with a locale).
"""

from __future__ import annotations

from velsen_desk.core.i18n import N_
from velsen_desk.core.locales import DUTCH, Locale
from velsen_desk.core.structs import msgspec


class ItemKind(msgspec.Struct, frozen=True):
    id: str  # stored in notes and search rows: never rename
    singular: str
    plural: str  # heading of a group of results or changes
    table: str  # the database table whose ids anchor notes of this kind
    tab: str  # the window tab that shows it


ITEM_KINDS: tuple[ItemKind, ...] = (
    ItemKind("thema", "Thema", N_("Thema's"), "themes", "themes"),
    ItemKind("hoofdstuk", "Hoofdstuk", N_("Hoofdstukken"), "chapters", "themes"),
    ItemKind("focuspunt", "Focuspunt", N_("Focuspunten"), "focus_points", "themes"),
    ItemKind("portefeuille", "Portefeuille", N_("Portefeuilles"), "portfolio_items", "portfolio"),
    ItemKind("persoon", "Persoon", N_("Personen"), "people", "portfolio"),
    ItemKind("focusopgave", "Focusopgave", N_("Focusopgaven"), "focusopgaven", "budget"),
    ItemKind("actie", "Actie", N_("Acties"), "actions", "budget"),
    ItemKind("begroting", "Begroting", N_("Begrotingen"), "budgets", "budget"),
    ItemKind("begrotingsregel", "Begrotingsregel", N_("Begrotingsregels"), "budget_lines", "budget"),
    ItemKind("opgave", "Opgave", N_("Opgaven"), "opgaven", "themes"),
    ItemKind("speerpunt", "Speerpunt", N_("Speerpunten"), "speerpunten", "themes"),
    ItemKind("impulsproject", "Impulsproject", N_("Impulsprojecten"), "impulsprojecten", "themes"),
    ItemKind("afspraak", "Afspraak (werkwijze)", N_("Afspraken (werkwijze)"), "agreements", "themes"),
    ItemKind("opmerking", "Opmerking", N_("Opmerkingen bij de portefeuilleverdeling"), "remarks", "portfolio"),
)

_BY_ID = {kind.id: kind for kind in ITEM_KINDS}
ITEM_KIND_IDS: tuple[str, ...] = tuple(_BY_ID)


def item_kind(kind_id: str) -> ItemKind | None:
    """None for an id this version does not know (e.g. a note written by a newer version)."""
    return _BY_ID.get(kind_id)


def plural_label(kind_id: str, locale: Locale = DUTCH) -> str:
    """The group heading for a kind in ``locale``; the id itself for an unknown kind (never an error)."""
    kind = _BY_ID.get(kind_id)
    return locale._(kind.plural) if kind else kind_id


def kind_order(kind_id: str) -> int:
    """Sort key: registry order, unknown kinds last."""
    return ITEM_KIND_IDS.index(kind_id) if kind_id in _BY_ID else len(ITEM_KIND_IDS)


def tab_for_kind(kind_id: str) -> str | None:
    """The key of the window tab that shows items of a kind; None for a kind this version does not know."""
    kind = _BY_ID.get(kind_id)
    return kind.tab if kind else None
