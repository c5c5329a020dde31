"""bench/startup.py compares the kinds of start fairly: no kind always follows another, and the
new-data file is written before a round, only renamed into place before its start."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

from bench.startup import KINDS, VIEWPORT, _make_older_version, _prepare_new_data, _put_in_place, round_order
from velsen_desk.storage.local_copy import ensure_local_database, read_origin


def test_every_kind_takes_every_place_equally_often() -> None:
    rounds = [round_order(run) for run in range(6)]
    assert all(sorted(order) == sorted(KINDS) for order in rounds)
    for place in range(len(KINDS)):
        assert Counter(order[place] for order in rounds) == Counter({kind: 2 for kind in KINDS})
    assert len(set(rounds)) == 6  # not one order repeated
    with_version = [round_order(run, (*KINDS, "new version")) for run in range(24)]
    assert len(set(with_version)) == 24


def _data_version(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()[0])
    finally:
        conn.close()


def test_new_data_is_made_aside_and_only_renamed_into_place(tmp_path: Path) -> None:
    local = tmp_path / "data" / "velsen-desk" / "velsen-desk.sqlite"
    local.parent.mkdir(parents=True)
    conn = sqlite3.connect(local)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('data_version', 'old')")
    conn.commit()
    conn.close()
    before = local.read_bytes()

    fresh = _prepare_new_data(tmp_path, 3)
    assert local.read_bytes() == before  # the local copy is untouched until the new-data start
    assert fresh.parent == local.parent and fresh != local
    assert _data_version(fresh) == "bench-3"

    _put_in_place(tmp_path, fresh)
    assert _data_version(local) == "bench-3"
    assert not fresh.exists()


def test_an_older_version_s_copy_is_rebuilt_by_the_next_start(isolated_home: Path) -> None:
    built = ensure_local_database()
    current = built.info.data_version
    _make_older_version(isolated_home)
    assert _data_version(built.info.path) == "older-version"
    assert read_origin(built.info.path)["bundle_hash"] == "older-version"
    assert ensure_local_database().info.data_version == current  # the start rebuilt it
    assert read_origin(built.info.path)["bundle_hash"] != "older-version"


def test_the_spy_finds_the_viewport_without_making_classes_the_program_does_not(isolated_home: Path) -> None:
    """The desk's spy costs the start nothing the bare window's does not: getting the tree's
    viewport makes no Python enum classes (``tree.viewport()`` made ~47 before the first paint)."""
    local = ensure_local_database()
    code = (
        "import enum\n"
        "from pathlib import Path\n"
        "made = []\n"
        "_create = enum.EnumType._create_\n"
        "def counting(*args, **kwargs):\n"
        "    made.append(args[1])\n"
        "    return _create(*args, **kwargs)\n"
        "from velsen_desk.ui.app import application\n"
        "from velsen_desk.ui.main_window import MainWindow\n"
        "from PySide6.QtWidgets import QWidget\n"
        "app = application()\n"
        f"window = MainWindow(Path({str(local.info.path)!r}), settings=None, show_errors=False)\n"
        "enum.EnumType._create_ = counting\n"
        f"viewport = {VIEWPORT}\n"
        "print(made)\n"
        "print(viewport is window.themes_tab.tree.viewport())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-2:] == ["[]", "True"]


def test_a_database_given_becomes_the_local_copy_through_a_sync(isolated_home: Path, built_db: Path,
                                                               tmp_path: Path) -> None:
    from bench.startup import _sync_from

    given = tmp_path / "given.sqlite"
    given.write_bytes(built_db.read_bytes())
    conn = sqlite3.connect(given)
    conn.execute("UPDATE meta SET value = '0123456789abcdef' WHERE key = 'data_version'")
    conn.commit()
    conn.close()
    local = ensure_local_database()
    assert local.info.data_version != "0123456789abcdef"
    _sync_from(given, tmp_path / "share", {**os.environ})
    assert _data_version(local.info.path) == "0123456789abcdef"
    assert read_origin(local.info.path)["origin"] == str(tmp_path / "share")
