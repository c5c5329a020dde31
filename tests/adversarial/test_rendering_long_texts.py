"""Rule: every report prints every text the schema allows. Each free-text field of every record is
filled to the schema's maximum (markup, a long unbroken word, and an end marker); every kind of
report must lay out without error, print the markup literally, and cut nothing off in its tables."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hostile_records import MARKUP, build_hostile_database, end_marker, maximal_text
from pypdf import PdfReader

from velsen_desk.curation.schema import LABEL_MAX, TEXT_MAX, Action, Theme
from velsen_desk.notes.notes_file import NotesFile
from velsen_desk.reports.service import ReportRequest, generate_report

TODAY = dt.date(2024, 3, 15)
KINDS = [
    ("themes", {}),
    ("regie", {"person": "marianne-steijn"}),
    ("portfolio", {}),
    ("portfolio", {"programme": "heemskerk-2018"}),
    ("budget", {}),
    ("timeline", {}),
    ("annex", {"meeting": "Raadsvergadering", "date": "2022-06-20", "agenda_item": "7",
               "person": "marianne-steijn", "items": ("themes", "regie", "portfolio", "budget", "timeline")}),
    ("brief", {}),
]


@pytest.fixture(scope="module")
def maximal(tmp_path_factory):
    folder = tmp_path_factory.mktemp("maximal")
    database, dataset = build_hostile_database(maximal_text, folder / "max.sqlite")
    notes = NotesFile(folder / "notes.sqlite")
    anchors = [t.id for t in dataset.themes] + [a.id for a in dataset.actions] + [b.id for b in dataset.budget_lines]
    for index, anchor in enumerate(anchors):
        notes.save(anchor, "x", f"notitie {index}", maximal_text("text", TEXT_MAX, f"notes[{index}]"), index % 2 == 0)
    return database, dataset, folder / "notes.sqlite", folder


def _text(path: Path) -> str:
    pages = PdfReader(path).pages
    return re.sub(r"\s+", "", " ".join(page.extract_text() or "" for page in pages))


def test_schema_limits_are_what_this_test_fills():
    assert Theme.model_json_schema()["properties"]["name"]["maxLength"] == LABEL_MAX
    assert Action.model_json_schema()["properties"]["what"]["anyOf"][0]["maxLength"] == TEXT_MAX


@pytest.mark.parametrize(("kind", "options"), KINDS, ids=[f"{k}-{i}" for i, (k, _) in enumerate(KINDS)])
def test_every_report_prints_maximal_texts(maximal, kind, options):
    database, dataset, notes, folder = maximal
    output = folder / f"{kind}-{len(options)}.pdf"
    result = generate_report(ReportRequest(kind=kind, output=output, database=database, today=TODAY,
                                           notes_file=notes, **options))
    assert result.pages > 0
    text = _text(output)
    assert re.sub(r"\s+", "", MARKUP.replace("&amp;", "&")) in text  # printed literally, never parsed

    velsen_themes = [i for i, t in enumerate(dataset.themes) if t.aandachtsveld.startswith("velsen-2022")]
    velsen_actions = [i for i, a in enumerate(dataset.actions) if a.plan.startswith("velsen-2022")]
    expected: list[str] = []
    if kind == "themes":
        expected = [end_marker(f"themes[{i}].name") for i in velsen_themes]
    elif kind == "budget":
        expected = [end_marker(f"actions[{i}].title") for i in velsen_actions]
    elif kind == "brief":
        first = velsen_themes[0]  # its note is notes[first]: notes were saved in the themes' order
        expected = [end_marker(f"notes[{first}]"), end_marker(f"themes[{first}].name")]
    for marker in expected:
        assert marker in text, marker
