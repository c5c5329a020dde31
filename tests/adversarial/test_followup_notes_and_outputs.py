"""Follow-up attack: the notes path and its recovery file are never followed through a symlink,
an import cannot replace a newer note with a forged date or turn "false" into a flag, and
``report -o`` / ``build-db -o`` never replace a symlink, FIFO or device."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from velsen_desk.cli.main import main
from velsen_desk.notes.notes_file import NotesError, NotesFile
from velsen_desk.notes.recovery import keep_for_recovery, read_recovery
from velsen_desk.reports.request import ReportError, ReportRequest
from velsen_desk.reports.service import generate_report

ANCHOR = "velsen-2022.thema-01"


def test_symlink_at_the_notes_path_is_refused_and_its_target_untouched(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("x")
    victim.chmod(0o644)
    link = tmp_path / "data" / "notities.sqlite"
    link.parent.mkdir()
    link.symlink_to(victim)
    with pytest.raises(NotesError, match="koppeling"):
        NotesFile(link)
    assert victim.read_text() == "x"
    assert victim.stat().st_mode & 0o777 == 0o644


def test_symlink_at_the_recovery_path_is_refused(tmp_path):
    victim = tmp_path / "victim.json"
    victim.write_text(json.dumps({"format": "velsen-desk-notities-herstel/1", "notes": []}))
    link = tmp_path / "notities-herstel.json"
    link.symlink_to(victim)
    with pytest.raises(NotesError, match="koppeling"):
        read_recovery(link)
    before = victim.read_bytes()
    store = NotesFile(tmp_path / "n.sqlite")
    note = store.save(ANCHOR, "thema", "Thema 1", "tekst", False)
    assert note is not None
    keep_for_recovery([note], link)  # kept in a file of its own, the link's target untouched
    assert victim.read_bytes() == before


def _export(tmp_path: Path, **fields) -> Path:
    record = {"anchor": ANCHOR, "kind": "thema", "label": "x", "text": "OVERSCHREVEN", "flagged": False,
              "updated_at": "2020-01-01T00:00:00+00:00"} | fields
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "velsen-desk-notities/1", "notes": [record]}), encoding="utf-8")
    return path


@pytest.mark.parametrize(("fields", "message"), [
    ({"updated_at": "9999"}, "updated_at"),
    ({"updated_at": "9999-01-01T00:00:00+00:00"}, "toekomst"),
    ({"updated_at": "2024-01-01T00:00:00"}, "tijdzone"),
    ({"updated_at": None}, "tijdstip"),
    ({"flagged": "false"}, "flagged"),
    ({"flagged": 1}, "flagged"),
    ({"text": 5}, "'text'"),
    ({"anchor": ""}, "anchor"),
])
def test_import_refuses_forged_records_and_keeps_the_users_note(tmp_path, fields, message):
    store = NotesFile(tmp_path / "n.sqlite")
    mine = store.save(ANCHOR, "thema", "Thema 1", "mijn echte notitie", True)
    with pytest.raises(NotesError, match=message) as caught:
        store.import_file(_export(tmp_path, **fields))
    assert "Er is niets gewijzigd" in str(caught.value)
    assert store.get(ANCHOR) == mine


def test_import_of_deeply_nested_or_binary_json_is_a_dutch_message(tmp_path):
    store = NotesFile(tmp_path / "n.sqlite")
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "velsen-desk-notities/1", "notes": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(NotesError, match="te diep genest"):
        store.import_file(deep)
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"x": "\xe9"}'.encode("latin-1"))
    with pytest.raises(NotesError, match="geen geldige UTF-8-tekst"):
        store.import_file(latin)


def test_a_valid_older_export_still_merges(tmp_path):
    store = NotesFile(tmp_path / "n.sqlite")
    assert store.import_file(_export(tmp_path, flagged=True)) == 1
    note = store.get(ANCHOR)
    assert note is not None and note.flagged is True and note.updated_at == "2020-01-01T00:00:00+00:00"


def _specials(tmp_path: Path) -> dict[str, Path]:
    target = tmp_path / "target.pdf"
    target.write_text("old")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    fifo = tmp_path / "fifo.pdf"
    os.mkfifo(fifo)
    return {"symlink": link, "fifo": fifo, "device": _device(tmp_path)}


def _device(tmp_path: Path) -> Path:
    """A null device node of our own: a regressed check must never replace the machine's /dev/null."""
    node = tmp_path / "device.pdf"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        return node  # not root: the device case is skipped by the caller
    return node


@pytest.mark.parametrize("kind", ["symlink", "fifo", "device"])
def test_report_never_replaces_a_special_output(tmp_path, built_db, kind):
    output = _specials(tmp_path)[kind]
    if not (output.exists() or output.is_symlink()):
        pytest.skip("making a device node needs root")
    with pytest.raises(ReportError, match="geen gewoon bestand"):
        generate_report(ReportRequest(kind="themes", output=output, database=built_db))
    assert (tmp_path / "target.pdf").read_text() == "old"
    assert output.is_symlink() or not output.is_file()


@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_build_db_never_replaces_a_special_output(tmp_path, capsys, kind):
    output = _specials(tmp_path)[kind]
    assert main(["build-db", "-o", str(output)]) == 1
    assert "geen gewoon bestand" in capsys.readouterr().err
    assert (tmp_path / "target.pdf").read_text() == "old"
    assert output.is_symlink() or not output.is_file()


def test_brief_reads_notes_from_a_read_only_data_folder(tmp_path, built_db, monkeypatch):
    notes = tmp_path / "data" / "notities.sqlite"
    NotesFile(notes).save(ANCHOR, "thema", "Thema 1", "mijn notitie", True)
    before = notes.read_bytes()

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")  # EROFS: as on a read-only mount (root ignores chmod)

    for name in ("mkdir", "chmod", "touch"):
        monkeypatch.setattr(Path, name, read_only)
    result = generate_report(ReportRequest(kind="brief", output=tmp_path / "brief.pdf", database=built_db,
                                           notes_file=notes))
    assert result.pages >= 1
    monkeypatch.undo()
    assert notes.read_bytes() == before
    missing = tmp_path / "nergens" / "notities.sqlite"
    assert NotesFile(missing, read_only=True).all() == []
    assert not missing.parent.exists()
