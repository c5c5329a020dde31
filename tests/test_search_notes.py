"""Search that forgives how people type, and notes that survive everything."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from velsen_desk.cli.main import main
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.notes.notes_file import NotesError, NotesFile
from velsen_desk.storage.build import build_database
from velsen_desk.storage.database import connect_readonly
from velsen_desk.storage.search import group_by_kind, match_expression, search


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_database(load_dataset([bundled_data_dir()]), tmp_path_factory.mktemp("s") / "v.sqlite").path


@pytest.fixture(scope="module")
def session(db):
    """One read-only sqlite3 connection, as ``ReadOnlyDatabase.read`` hands to ``search``."""
    with connect_readonly(db) as conn:
        yield conn


def _ids(session, query, programme=None):
    return [h.ref_id for h in search(session, query, programme_id=programme)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("financien", "velsen-2022.thema-15"),
        ("Financiën", "velsen-2022.thema-15"),
        ("FINANC", "velsen-2022.thema-15"),  # prefix while typing
        ("stratingplantsoen herinrichting", "velsen-2022.avn.a08"),
        ("Welzijn Velsen", "velsen-2022.avn.a12"),  # trekker
        ("Schiphol", "velsen-2022.pf.sd-07"),  # portfolio item
        ("daalt naar 5%", "velsen-2022.uitvoeringsprogramma.hoofdstuk-1.focus-07"),  # target text
        ("Kantine FCC", "velsen-2022.sgivn.01"),  # budget line
        ("Baltus", "heemskerk.aeh-baltus"),  # person
        ("Algemene Reserve gedekt", "velsen-2022.budget.algemene-reserve"),  # source quote
    ],
)
def test_finds_every_kind_case_and_accent_insensitive(session, query, expected):
    assert expected in _ids(session, query)


def test_results_grouped_and_highlighted(session):
    hits = search(session, "financien", programme_id="velsen-2022")
    grouped = group_by_kind(hits)
    assert list(grouped)[0] == "thema"
    title, _ = grouped["thema"][0].plain("[", "]")
    assert title == "15. [Financiën]"
    assert all(h.programme_id == "velsen-2022" for h in hits)


@pytest.mark.parametrize("query", ['"', "AND(", "*", "-", "NEAR(a b)", "🎉🎉", "x" * 1000, "a\x00b", "' OR 1=1 --", ""])
def test_hostile_queries_never_raise(session, query):
    assert isinstance(search(session, query), list)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300))
def test_any_text_is_a_valid_query(session, query):
    search(session, query)
    expression = match_expression(query)
    assert expression is None or expression.count('"') % 2 == 0


def test_cli_search(db, capsys):
    assert main(["search", "wijkkrant", "--database", str(db), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["id"] == "velsen-2022.avn.a19"
    assert main(["search", "zzzqqq", "--database", str(db)]) == 0
    assert capsys.readouterr().out.strip() == "Geen resultaten."


@pytest.fixture
def store(tmp_path) -> NotesFile:
    return NotesFile(tmp_path / "user" / "notities.sqlite")


def test_note_is_saved_and_owner_only(store):
    store.save("velsen-2022.thema-09", "thema", "9. Wonen & woningbouw", "Vragen over Pancrasplantsoen", True)
    note = store.get("velsen-2022.thema-09")
    assert (note.text, note.flagged) == ("Vragen over Pancrasplantsoen", True)
    if os.name == "posix":
        assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700


def test_empty_unflagged_note_is_removed(store):
    store.save("a", "actie", "Actie 1", "tekst", False)
    store.save("a", "actie", "Actie 1", "  ", False)
    assert store.get("a") is None


def test_note_of_vanished_item_is_kept_as_loose(store):
    store.save("velsen-2022.avn.a21", "actie", "Actie 21: Nieuw", "wat kost dit?", False)
    store.save("velsen-2022.avn.a09", "actie", "Actie 9", "cofinanciering", False)
    notes = {n.anchor: n for n in store.all(existing_ids={"velsen-2022.avn.a09"})}
    assert notes["velsen-2022.avn.a21"].loose and notes["velsen-2022.avn.a21"].text == "wat kost dit?"
    assert not notes["velsen-2022.avn.a09"].loose


def test_export_import_on_a_fresh_profile(store, tmp_path):
    store.save("x", "thema", "1. Leefbaarheid", "één", True)
    store.save("y", "actie", "Actie 2", "twee", False)
    export = tmp_path / "mijn-notities.json"
    assert store.export(export) == 2
    fresh = NotesFile(tmp_path / "new" / "notities.sqlite")
    assert fresh.import_file(export) == 2
    assert [(n.anchor, n.text, n.flagged) for n in fresh.all()] == [("y", "twee", False), ("x", "één", True)]
    assert fresh.import_file(export) == 0  # nothing newer


def test_bad_import_changes_nothing(store, tmp_path):
    store.save("x", "thema", "T", "blijft", False)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "iets anders"}', encoding="utf-8")
    with pytest.raises(NotesError, match="geen notitie-export"):
        store.import_file(bad)
    assert store.get("x").text == "blijft"


def test_corrupt_notes_file_is_reported_not_overwritten(tmp_path):
    path = tmp_path / "notities.sqlite"
    path.write_bytes(b"garbage" * 100)
    with pytest.raises(NotesError, match="onleesbaar"):
        NotesFile(path)
    assert path.read_bytes() == b"garbage" * 100
