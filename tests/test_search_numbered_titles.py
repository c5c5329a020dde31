"""Search hits of actions and focusopgaven name their kind in the reader's language."""

from __future__ import annotations

from velsen_desk.cli.main import main
from velsen_desk.storage.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit


def _hit(kind: str, title: str) -> SearchHit:
    return SearchHit(kind=kind, ref_id="x", programme_id="p", title=title, snippet="")


def _english(kind: str, number: str, title: str) -> str:
    return f"{'Focus task' if kind == 'focusopgave' else 'Action'} {number}: {title}"


def test_a_highlighted_action_title_keeps_its_highlights_after_the_prefix():
    marked = f"{HIGHLIGHT_START}Bibliotheek{HIGHLIGHT_END}"
    hit = _hit("actie", f"{HIGHLIGHT_START}Actie{HIGHLIGHT_END} 14: Vestiging {marked}")
    assert hit.numbered() == ("14", f"Vestiging {HIGHLIGHT_START}Bibliotheek{HIGHLIGHT_END}")
    assert hit.relabelled(_english).title == f"Action 14: Vestiging {HIGHLIGHT_START}Bibliotheek{HIGHLIGHT_END}"


def test_a_dutch_label_leaves_the_indexed_title_with_its_highlights():
    hit = _hit("focusopgave", f"Focusopgave {HIGHLIGHT_START}2{HIGHLIGHT_END}: Wonen")
    assert hit.relabelled(lambda _k, n, t: f"Focusopgave {n}: {t}") is hit


def test_other_kinds_and_unexpected_titles_stay_as_they_are():
    theme = _hit("thema", "3. Actie: Wonen")
    assert theme.relabelled(_english) is theme
    odd = _hit("actie", "Zonder nummer")
    assert odd.numbered() is None and odd.relabelled(_english) is odd


def test_english_search_names_a_focus_task_and_dutch_search_is_unchanged(capsys, isolated_home):
    assert main(["--language", "en", "search", "focusopgave"]) == 0
    english = capsys.readouterr().out
    assert "Focus task 2: " in english and "Focusopgave 2:" not in english
    assert main(["--language", "nl", "search", "bibliotheek"]) == 0
    assert "Actie 14: Vestiging Bibliotheek Velsen-Noord" in capsys.readouterr().out
