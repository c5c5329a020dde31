"""Where a search result opens: each kind in its tab, selected (no business rules, only routing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from velsen_desk.core.records import ProgrammeData
from velsen_desk.storage.search import SearchHit

if TYPE_CHECKING:
    from velsen_desk.ui.main_window import MainWindow

THEMES_KINDS = {"thema", "hoofdstuk", "focuspunt", "opgave", "speerpunt"}
BUDGET_KINDS = {"actie", "begrotingsregel", "focusopgave", "begroting"}


def _chapter_of(data: ProgrammeData, hit: SearchHit) -> str | None:
    if hit.kind == "hoofdstuk":
        return hit.ref_id
    chapters = list(data.chapters) + [c for cs in data.theme_chapters.values() for c in cs]
    return next((c.id for c in chapters if any(p.id == hit.ref_id for p in c.focus_points)), None)


def open_search_hit(window: MainWindow, data: ProgrammeData, hit: SearchHit) -> bool:
    """Switch to the hit's tab and select it; False when it could not be selected."""
    if hit.kind in THEMES_KINDS:
        window.tabs.setCurrentWidget(window.themes_tab)
        if window.themes_tab.select_theme(hit.ref_id):  # themes, Heemskerk chapters/points, opgaven
            return True
        chapter = _chapter_of(data, hit)  # Velsen: the theme a chapter or focus point contributes to
        for theme_id, chapters in data.theme_chapters.items():
            if any(c.id == chapter for c in chapters):
                return window.themes_tab.select_theme(theme_id)
        return False
    if hit.kind in BUDGET_KINDS:
        window.tabs.setCurrentWidget(window.budget_tab)
        return window.budget_tab.select_item(hit.ref_id)
    if hit.kind == "portefeuille":
        window.tabs.setCurrentWidget(window.portfolio_tab)
        return window.portfolio_tab.select_item(hit.ref_id)
    if hit.kind == "persoon":
        window.tabs.setCurrentWidget(window.portfolio_tab)
        return window.portfolio_tab.select_person(hit.ref_id)
    return False
