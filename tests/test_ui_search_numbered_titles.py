"""The window's search results name actions and focusopgaven in the window's language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_ui_language import speak  # noqa: F401  (fixture)

from velsen_desk.storage.search import SearchHit
from velsen_desk.ui.language import Language
from velsen_desk.ui.search.model import SearchResultsModel


def _titles(model: SearchResultsModel) -> list[str]:
    group = model.index(0, 0)
    return [model.index(row, 0, group).data(Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount(group))]


def test_english_results_say_action_and_focus_task(qtbot, speak):  # noqa: F811
    speak(Language.ENGLISH)
    model = SearchResultsModel()
    model.set_hits([SearchHit("actie", "a14", "p", "Actie 14: Vestiging Bibliotheek", "")])
    assert _titles(model) == ["Action 14: Vestiging Bibliotheek"]
    model.set_hits([SearchHit("focusopgave", "f2", "p", "Focusopgave 2: Wonen", "")])
    assert _titles(model) == ["Focus task 2: Wonen"]
