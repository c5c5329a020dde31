"""Where a search result opens: the tab of its kind (from the registry of item kinds).

A hit travels as a request through :class:`~velsen_desk.ui.state.ViewState`
(``sig_item_requested``): the window switches to the tab named here and that tab selects the
item. No feature reaches into another tab's widgets.
"""

from __future__ import annotations

from velsen_desk.core.item_kinds import item_kind


def tab_for_kind(kind: str) -> str | None:
    """The key of the tab that shows items of ``kind``; None for a kind this version does not know."""
    found = item_kind(kind)
    return found.tab if found is not None else None


def answers(tab: str, kind: str) -> bool:
    """Whether the tab ``tab`` should answer a request for an item of ``kind``."""
    return tab_for_kind(kind) == tab
