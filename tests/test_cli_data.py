"""The data commands as a griffier uses them: plain Dutch, exit codes, no tracebacks."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from velsen_desk.cli.main import main
from velsen_desk.core.formatting import format_euro, format_long_date
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.storage.database import SCHEMA_VERSION, inspect_database
from velsen_desk.storage.local_copy import ensure_local_database, read_origin


def test_validate_bundled_data(capsys):
    assert main(["validate", str(bundled_data_dir())]) == 0
    assert capsys.readouterr().out.startswith("In orde: 5 bestanden,")


def test_validate_broken_file_lists_problems_and_fails(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: velsen-desk-data/1\nthemes:\n  - {id: t, number: nul}\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:3 [themes[0].number]: moet een geheel getal zijn" in err
    assert "Traceback" not in err


def test_build_db_refuses_bad_data_and_keeps_existing_file(tmp_path, capsys):
    out = tmp_path / "velsen.sqlite"
    assert main(["build-db", "-o", str(out)]) == 0
    before = out.read_bytes()
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: velsen-desk-data/2\n", encoding="utf-8")
    assert main(["build-db", "-o", str(out), str(bad)]) == 1
    assert "niet gebouwd" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_build_db_unwritable_target(tmp_path, capsys):
    occupied = tmp_path / "occupied"
    occupied.mkdir()  # a folder where the file should go: the rename cannot succeed
    assert main(["build-db", "-o", str(occupied)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Kan {occupied} niet schrijven")
    assert occupied.is_dir() and not any(occupied.parent.glob(".occupied*"))


def test_console_entry_point_runs_without_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    result = subprocess.run(
        [sys.executable, "-m", "velsen_desk", "build-db", "-o", str(tmp_path / "db.sqlite")],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Database gebouwd" in result.stdout


def test_embedded_default_is_built_on_first_start(tmp_path):
    db = tmp_path / "user" / "velsen-desk.sqlite"
    local = ensure_local_database(db)
    assert local.origin == "ingebouwd"
    assert inspect_database(db).data_version == local.info.data_version
    mtime = db.stat().st_mtime_ns
    ensure_local_database(db)  # same bundled data: no rebuild
    assert db.stat().st_mtime_ns == mtime


def test_corrupt_local_default_is_rebuilt(tmp_path):
    db = tmp_path / "velsen-desk.sqlite"
    ensure_local_database(db)
    db.write_bytes(b"not a database")
    assert ensure_local_database(db).info.data_version is not None


def test_synced_copy_is_never_replaced_by_the_default(tmp_path):
    db = tmp_path / "velsen-desk.sqlite"
    ensure_local_database(db)
    shutil.copy(db, tmp_path / "copy.sqlite")
    (tmp_path / "origin.json").write_text('{"origin": "/mnt/griffie"}', encoding="utf-8")
    assert ensure_local_database(db).origin == "/mnt/griffie"
    assert read_origin(db)["origin"] == "/mnt/griffie"


def test_a_synced_copy_of_an_older_schema_gives_way_to_this_version_s_build(tmp_path):
    """After an update the old synced copy cannot be read by this version: the bundled data is
    shown (a sync brings the griffie's data again once it is published with this version)."""
    db = tmp_path / "velsen-desk.sqlite"
    ensure_local_database(db)
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.close()
    (tmp_path / "origin.json").write_text('{"origin": "/mnt/griffie"}', encoding="utf-8")
    local = ensure_local_database(db)
    assert local.origin == "ingebouwd" and local.info.schema_version == SCHEMA_VERSION
    assert inspect_database(db).schema_version == SCHEMA_VERSION


def test_dutch_formats():
    import datetime as dt

    assert format_euro(1_050_000) == "€ 1.050.000"
    assert format_euro(0) == "€ 0"
    assert format_long_date(dt.date(2022, 6, 20)) == "20 juni 2022"
    assert format_long_date(None) == "onbekend"


def test_paths_follow_xdg(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from velsen_desk.core.paths import local_database_path

    assert str(local_database_path()).startswith(str(tmp_path / "data"))


def test_unexpected_error_gives_a_sentence_not_a_traceback(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    import velsen_desk.storage.build as build_module

    def explode(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(build_module, "build_database", explode)
    assert main(["build-db", "-o", str(tmp_path / "x.sqlite")]) == 3
    err = capsys.readouterr().err
    assert "Er ging iets onverwachts mis bij 'build-db'" in err
    assert "Traceback" not in err
    logs = list(tmp_path.rglob("velsen-desk.log"))
    assert logs and "ZeroDivisionError" in logs[0].read_text(encoding="utf-8")


def test_locoburgemeester_order_keeps_unknown_and_not_applicable_apart():
    from velsen_desk.core.formatting import format_loco

    assert format_loco("wethouder", 2) == "2e"
    assert format_loco("burgemeester", None) == "n.v.t."
    assert format_loco(None, None) == "onbekend"  # Velsen: the sources give no roles



@pytest.mark.parametrize("in_memory", [True, False], ids=["build-db", "venster"])
def test_a_build_into_a_folder_whose_name_is_not_utf8(tmp_path: Path, in_memory: bool) -> None:
    # A folder named on an old share or stick (Latin-1 "×"): Python holds such a name with a
    # surrogate, which SQLite took as a file name but refused as VACUUM INTO's text ('onverwachts').
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.storage.build import build_database

    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/vergadering \xd7"))
    folder.mkdir()
    out = folder / "velsen.sqlite"
    assert build_database(load_dataset([bundled_data_dir()]), out, in_memory=in_memory).path == out
    with sqlite3.connect(out) as db:  # (inspect_database's URI cannot name such a folder yet)
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    db.close()
    assert sorted(p.name for p in folder.iterdir()) == ["velsen.sqlite"]
