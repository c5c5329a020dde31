"""The personal brief: the user's notes with their items, marked personal on every page; the
griffie's reports never contain a note."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.notes.notes_file import NotesFile
from velsen_desk.reports.service import ReportRequest, generate_report
from velsen_desk.storage.build import build_database


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_database(load_dataset([bundled_data_dir()]), tmp_path_factory.mktemp("b") / "v.sqlite").path


@pytest.fixture
def notes(tmp_path) -> Path:
    store = NotesFile(tmp_path / "notes" / "notities.sqlite")
    store.save("velsen-2022.thema-09", "thema", "9. Wonen & woningbouw", "Vraag: tempo Pancrasplantsoen?", True)
    store.save("velsen-2022.avn.a15", "actie", "Actie 15: Taalbarrières wegwerken", "Waarom n.n.b.?", False)
    store.save("velsen-2022.avn.a99", "actie", "Actie 99: Verdwenen actie", "oude vraag", True)
    return store.path


def _text(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").replace("\xa0", " ").split()) for page in PdfReader(path).pages]


def test_brief_lists_notes_with_item_data_and_marking(db, notes, tmp_path):
    out = tmp_path / "brief.pdf"
    result = generate_report(ReportRequest(kind="brief", output=out, database=db, notes_file=notes))
    pages = _text(out)
    text = " ".join(pages)
    assert "Vraag: tempo Pancrasplantsoen?" in text and "regie: Sander Smeets" in text
    assert "Waarom n.n.b.?" in text and "kosten n.n.b. (N.v.t. of n.n.b.)" in text
    assert "Actie 99: Verdwenen actie" in text and "los: niet (meer) in deze gegevens" in text
    assert all("Persoonlijk — niet voor verspreiding" in page for page in pages)
    assert result.pages == len(pages)


def test_flagged_only(db, notes, tmp_path):
    out = tmp_path / "flagged.pdf"
    generate_report(ReportRequest(kind="brief", output=out, database=db, notes_file=notes, flagged_only=True))
    text = " ".join(_text(out))
    assert "Vraag: tempo Pancrasplantsoen?" in text and "oude vraag" in text
    assert "Waarom n.n.b.?" not in text


@pytest.mark.parametrize("kind", ["themes", "budget", "annex"])
def test_griffie_reports_contain_no_notes(db, notes, tmp_path, monkeypatch, kind):
    monkeypatch.setattr("velsen_desk.notes.notes_file.notes_path", lambda: notes)  # the user's own notes exist
    out = tmp_path / f"{kind}.pdf"
    generate_report(ReportRequest(kind=kind, output=out, database=db, meeting="Raad", date="2026-12-01"))
    text = " ".join(_text(out))
    for secret in ("Pancrasplantsoen?", "Waarom n.n.b.?", "oude vraag", "Persoonlijk"):
        assert secret not in text


def test_notes_on_speerpunten_and_focus_points_are_not_called_loose(db, tmp_path):
    """Speerpunten and focus points take notes in the window (issue 15): the brief of their
    programme shows them with their data, not as loose notes."""
    store = NotesFile(tmp_path / "n" / "notities.sqlite")
    store.save("velsen-sa2020.iedereen-doet-mee.speerpunt-2", "speerpunt", "Sociale samenhang", "Tweedeling?", True)
    out = tmp_path / "sa.pdf"
    generate_report(ReportRequest(kind="brief", output=out, database=db, notes_file=store.path,
                                  programme="velsen-sa2020"))
    text = " ".join(_text(out))
    assert "Speerpunten" in text and "Sociale samenhang" in text and "Tweedeling?" in text
    assert "In Velsen doet iedereen mee" in text  # the opgave it belongs to
    assert "los: niet (meer) in deze gegevens" not in text

    store.save("heemskerk-2018.coalitieakkoord.h2.fp01", "focuspunt", "Focuspunt 1", "Lacunes?", False)
    out = tmp_path / "hk.pdf"
    generate_report(ReportRequest(kind="brief", output=out, database=db, notes_file=store.path,
                                  programme="heemskerk-2018"))
    text = " ".join(_text(out))
    # fp01 is numbered where the source prints it (issue 11 M13 renumbered the chapter)
    assert "Focuspunten" in text and re.search(r"Focuspunt \d+: Wij laten bij de gebruiker", text)
    assert "Lacunes?" in text

def test_the_subtitle_counts_notes_in_proper_dutch(db, tmp_path):
    store = NotesFile(tmp_path / "one" / "notities.sqlite")
    store.save("velsen-2022.thema-09", "thema", "9. Wonen & woningbouw", "Eén vraag", False)
    out = tmp_path / "one.pdf"
    generate_report(ReportRequest(kind="brief", output=out, database=db, notes_file=store.path))
    text = " ".join(_text(out))
    assert "· 1 notitie" in text and "notitie(s)" not in text
