"""Second attack round, notes can be lost: (1) a report, notes export, saved PDF or built database
over one of the application's own files; (2) a recovered edit stamped the same second as the
stored note; (3) recovery files that are never merged back (per-process files, a clock that
moved backwards)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from velsen_desk.core.own_files import own_file
from velsen_desk.core.paths import user_config_dir, user_data_dir
from velsen_desk.notes.notes_file import Note, NotesError, NotesFile, now_utc
from velsen_desk.notes.recovery import RECOVERY_FORMAT, keep_for_recovery, merge_recovery, recovery_path
from velsen_desk.reports.request import ReportError, ReportRequest
from velsen_desk.reports.service import generate_report

ANCHOR = ("velsen-2022.thema-01", "thema", "1. Leefbaarheid")


def _own_files(data: Path, config: Path) -> list[Path]:
    return [
        data / "notities.sqlite",
        data / "notities-herstel.json",
        data / "notities-herstel-4242.json",
        data / "velsen-desk.sqlite",
        data / "origin.json",
        data / "versies" / "velsen-desk-20260101T120000-onbekend.sqlite",
        config / "config.json",
    ]


@pytest.fixture
def own(isolated_home) -> list[Path]:
    """Every kind of the application's own file, present with known contents."""
    data, config = user_data_dir(), user_config_dir()
    (data / "versies").mkdir(parents=True)
    config.mkdir(parents=True, exist_ok=True)
    NotesFile().save(*ANCHOR, "mijn notitie", True)
    files = _own_files(data, config)
    for path in files[1:]:
        path.write_bytes(b"eigen bestand " + path.name.encode())
    return files


def _contents(files: list[Path]) -> list[bytes]:
    return [p.read_bytes() for p in files]


# ---- 1. never written over the application's own files

def test_report_refuses_every_own_file(own, built_db):
    before = _contents(own)
    for target in own:
        with pytest.raises(ReportError, match=f"{target.name}.*wordt niet overschreven"):
            generate_report(ReportRequest(kind="themes", output=target, database=built_db))
    assert _contents(own) == before
    assert NotesFile().get(ANCHOR[0]).text == "mijn notitie"


def test_report_refuses_own_file_through_dotdot_symlinked_folder_and_hard_link(own, built_db, tmp_path):
    notes = own[0]
    before = _contents(own)
    via_dotdot = notes.parent / "versies" / ".." / notes.name
    folder_link = tmp_path / "map-koppeling"
    folder_link.symlink_to(notes.parent)
    hard_link = tmp_path / "harde-koppeling.pdf"
    os.link(own[3], hard_link)  # the local database under another name
    for target in (via_dotdot, folder_link / "velsen-desk.sqlite", hard_link):
        with pytest.raises(ReportError, match="wordt niet overschreven"):
            generate_report(ReportRequest(kind="themes", output=target, database=built_db))
    assert _contents(own) == before


def test_an_ordinary_output_is_not_one_of_ours(own, tmp_path):
    assert own_file(tmp_path / "rapport.pdf") is None
    assert own_file(user_data_dir() / "rapport.pdf") is None


def test_notes_export_refuses_every_own_file(own):
    before = _contents(own)
    for target in own:
        with pytest.raises(NotesError, match=f"{target.name}.*wordt niet overschreven"):
            NotesFile().export(target)
    assert _contents(own) == before


def test_build_db_refuses_every_own_file(own, capsys):
    from velsen_desk.cli.main import main

    before = _contents(own)
    for target in own:
        assert main(["build-db", "-o", str(target)]) == 1
        assert "wordt niet overschreven" in capsys.readouterr().err
    assert _contents(own) == before


def test_saved_pdf_refuses_own_files(own, qtbot, tmp_path, monkeypatch):
    from velsen_desk.reports.request import ReportResult
    from velsen_desk.ui.reports import pdf_panel as pdf_panel_module

    panel = pdf_panel_module.PdfPanel()
    qtbot.addWidget(panel)
    made = tmp_path / "gemaakt.pdf"
    made.write_bytes(b"%PDF-1.4 rapport")
    panel.result_ = ReportResult(made, 1)
    errors: list[str] = []
    panel.sig_error.connect(errors.append)
    # the panel adds ".pdf", so the ways to reach our files are the versies folder and other names
    kept = user_data_dir() / "versies" / "velsen-desk-20260101T120000-onbekend.pdf"
    kept.write_bytes(b"kept")
    hard_link = tmp_path / "notities.pdf"
    os.link(own[0], hard_link)  # another name for the notes file
    folder_link = tmp_path / "gegevens"
    folder_link.symlink_to(user_data_dir())
    before = _contents(own)
    for target in (kept, hard_link, folder_link / "versies" / "nieuw.pdf"):
        monkeypatch.setattr(pdf_panel_module.QFileDialog, "getSaveFileName",
                            staticmethod(lambda *_a, t=target: (str(t), "")))
        assert panel.save() is None
        assert "wordt niet overschreven" in errors[-1]
    assert kept.read_bytes() == b"kept"
    assert not (user_data_dir() / "versies" / "nieuw.pdf").exists()
    assert _contents(own) == before
    assert NotesFile().get(ANCHOR[0]).text == "mijn notitie"


# ---- 2. an edit in the recovery file wins against a stored note of the same second

def test_edit_in_the_same_second_survives_a_restart(isolated_home):
    store = NotesFile()
    second = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    store.save(*ANCHOR, "eerste versie", False, second)
    # the edit typed within that second could not be saved: it waits in the recovery file
    keep_for_recovery([Note(*ANCHOR, "eerste versie + BELANGRIJKE aanvulling", False, second)])
    assert merge_recovery(NotesFile()) == 1  # next start
    assert NotesFile().get(ANCHOR[0]).text == "eerste versie + BELANGRIJKE aanvulling"
    assert not recovery_path().exists()


def test_timestamps_have_sub_second_resolution_and_old_ones_still_compare(isolated_home):
    first = now_utc()
    assert "." in first  # microseconds
    store = NotesFile()
    old_style = dt.datetime.now(dt.UTC).replace(microsecond=0)
    store.save(*ANCHOR, "opgeslagen", False, old_style.isoformat())
    later_same_second = (old_style + dt.timedelta(microseconds=400_000)).isoformat()
    earlier_second = (old_style - dt.timedelta(seconds=1)).isoformat(timespec="microseconds")
    assert store.merge([Note(*ANCHOR, "ouder", False, earlier_second)]) == 0
    assert store.merge([Note(*ANCHOR, "later in dezelfde seconde", False, later_same_second)]) == 1
    assert store.get(ANCHOR[0]).text == "later in dezelfde seconde"
    # an import (not the recovery file) does not replace a note of exactly the same moment
    assert store.merge([Note(*ANCHOR, "gelijk", False, later_same_second)]) == 0


# ---- 3. every recovery file is merged, whatever the clock did

def _write_recovery(path: Path, text: str, anchor: str, moment: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"format": RECOVERY_FORMAT, "notes": [
        {"anchor": anchor, "kind": "thema", "label": anchor, "text": text, "flagged": False, "updated_at": moment}]}))


def test_recovery_notes_from_the_future_and_per_process_files_are_merged(isolated_home):
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)).isoformat(timespec="seconds")
    _write_recovery(recovery_path(), "OUDE notitie", "velsen-2022.thema-01", future)
    _write_recovery(recovery_path().with_name("notities-herstel-99999.json"), "van een ander proces",
                    "velsen-2022.thema-03", now_utc())
    keep_for_recovery([Note("velsen-2022.thema-02", "thema", "2.", "NIEUWE tekst", True, now_utc())])
    store = NotesFile()
    assert merge_recovery(store) == 3
    assert {n.anchor: n.text for n in store.all()} == {
        "velsen-2022.thema-01": "OUDE notitie",
        "velsen-2022.thema-02": "NIEUWE tekst",
        "velsen-2022.thema-03": "van een ander proces",
    }
    assert not list(user_data_dir().glob("notities-herstel*.json"))


def test_per_process_file_is_added_to_and_merged_while_the_main_one_stays_unreadable(isolated_home):
    main_file = recovery_path()
    main_file.parent.mkdir(parents=True, exist_ok=True)
    main_file.write_text("{kapot")
    keep_for_recovery([Note("velsen-2022.thema-02", "thema", "2.", "eerste", False, now_utc())])
    keep_for_recovery([Note("velsen-2022.thema-03", "thema", "3.", "tweede", False, now_utc())])
    store = NotesFile()
    with pytest.raises(NotesError):  # the unreadable file is reported and kept...
        merge_recovery(store)
    # ...but the notes of the readable per-process file are in, and that file is gone
    assert {n.anchor for n in store.all()} == {"velsen-2022.thema-02", "velsen-2022.thema-03"}
    assert main_file.read_text() == "{kapot"
    assert [p.name for p in user_data_dir().glob("notities-herstel*.json")] == ["notities-herstel.json"]


def test_imported_exports_stay_strict_about_the_future(isolated_home, tmp_path):
    export = tmp_path / "export.json"
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)).isoformat()
    export.write_text(json.dumps({"format": "velsen-desk-notities/1", "notes": [
        {"anchor": ANCHOR[0], "kind": "thema", "label": "x", "text": "t", "flagged": False, "updated_at": future}]}))
    with pytest.raises(NotesError, match="toekomst"):
        NotesFile().import_file(export)


def test_current_notes_merges_all_recovery_files_at_start(isolated_home):
    from velsen_desk.notes import current

    _write_recovery(recovery_path().with_name("notities-herstel-12345.json"), "terug", ANCHOR[0], now_utc())
    store = current.current_notes(create=False)
    assert store is not None and store.get(ANCHOR[0]).text == "terug"
    assert current.take_recovered() == 1
