"""Adversarial: going back to a previous version, and specific exit statuses for hostile input.

Rules: a rollback puts back only a kept version that passes the same checks as a sync, shows
the changes first and asks (or --yes); notes are never touched. No hostile input reaches the
catch-all "Er ging iets onverwachts mis" (exit 3): each has its own message and status.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from velsen_desk.cli.exit_codes import EXIT_DATA_ERROR, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
from velsen_desk.cli.main import main
from velsen_desk.core.paths import local_database_path
from velsen_desk.notes.notes_file import NotesFile, notes_path
from velsen_desk.storage.database import inspect_database
from velsen_desk.storage.shape import shape_problems
from velsen_desk.sync.manifest import MANIFEST_NAME
from velsen_desk.sync.publish import publish
from velsen_desk.sync.rollback import RollbackError, choose_version, kept_versions, rollback
from velsen_desk.sync.sync import sync, versions_dir

V2 = "b2b2b2b2b2b2b2b2"


@pytest.fixture(scope="module")
def built_v2(built, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("b2") / "v2.sqlite"
    path.write_bytes(built.read_bytes())
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE actions SET cost_amount = 2000, cost_text = '€2.000' WHERE number = 7")
        conn.execute("UPDATE meta SET value = ? WHERE key = 'data_version'", (V2,))
    return path


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    return tmp_path


@pytest.fixture
def two_versions(home, built, built_v2) -> Path:
    """A laptop that synced v1 then v2, with a note; the share is home/share."""
    share = home / "share"
    share.mkdir()
    local = local_database_path()
    publish(built, share)
    sync(share, local)
    publish(built_v2, share)
    sync(share, local)
    NotesFile().save("velsen-2022.thema-09", "thema", "9. Wonen", "Mijn notitie", True)
    return share


def test_cli_rollback_shows_changes_asks_and_goes_back(two_versions, built, capsys, monkeypatch):
    local = local_database_path()
    notes_before = notes_path().read_bytes()
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert main(["rollback"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "kosten € 2.000 → € 1.000" in out and "Niet teruggezet." in out
    assert inspect_database(local).data_version == V2

    assert main(["rollback", "--yes"]) == EXIT_OK
    assert inspect_database(local, check_integrity=True, shape_check=shape_problems).data_version == \
        inspect_database(built).data_version
    assert notes_path().read_bytes() == notes_before  # notes untouched
    # The version gone back from is kept in turn: going forward again is possible.
    assert V2 in {v.data_version for v in kept_versions(local)}


def test_cli_rollback_without_terminal_or_yes_is_a_usage_error(two_versions, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["rollback"]) == EXIT_USAGE
    assert "--yes" in capsys.readouterr().err
    assert inspect_database(local_database_path()).data_version == V2


def test_rollback_refuses_a_tampered_kept_version(two_versions):
    local = local_database_path()
    kept = choose_version(kept_versions(local), None)
    with closing(sqlite3.connect(kept.path)) as conn, conn:
        conn.execute("DROP TABLE fundings")
    with pytest.raises(RollbackError, match="'fundings' ontbreekt"):
        rollback(local, kept)
    assert inspect_database(local, shape_check=shape_problems).data_version == V2
    assert not list(local.parent.glob(f".{local.name}.*"))


def test_kept_version_with_a_recursive_view_is_refused_before_the_diff_reads_it(two_versions, capsys):
    local = local_database_path()
    kept = choose_version(kept_versions(local), None)
    with closing(sqlite3.connect(kept.path)) as conn, conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DROP TABLE themes")
        conn.execute(
            "CREATE VIEW themes AS WITH RECURSIVE r(id, number, name, aandachtsveld_id, regie_id) AS "
            "(SELECT 'x', 1, 'x', 'x', NULL UNION ALL SELECT * FROM r) SELECT * FROM r"
        )
    assert main(["rollback", "--yes"]) == EXIT_DATA_ERROR  # would never end if the diff read the view
    assert "in plaats van een tabel" in capsys.readouterr().err
    assert inspect_database(local).data_version == V2


def test_rollback_only_from_the_versions_folder(two_versions, tmp_path):
    local = local_database_path()
    kept = choose_version(kept_versions(local), None)
    outside = tmp_path / "elders.sqlite"
    outside.write_bytes(kept.path.read_bytes())
    with pytest.raises(RollbackError, match="versies"):
        rollback(local, type(kept)(outside, kept.kept_at, kept.data_version))


def test_unknown_version_and_nothing_kept(home, capsys):
    assert main(["rollback", "--to", "abcd"]) == EXIT_DATA_ERROR
    assert "geen eerdere versie" in capsys.readouterr().err


def test_automatic_sync_keeps_the_rolled_back_version_and_explicit_sync_brings_the_newest(two_versions):
    local = local_database_path()
    rollback(local, choose_version(kept_versions(local), None))
    result = sync(two_versions, local, automatic=True)
    assert result.held_back and not result.changed
    assert inspect_database(local).data_version != V2
    assert sync(two_versions, local).changed
    assert inspect_database(local).data_version == V2


def test_kept_names_never_come_from_data(two_versions):
    for path in versions_dir(local_database_path()).iterdir():
        assert path.parent == versions_dir(local_database_path())
        assert path.name.startswith("velsen-desk-") and "/" not in path.name


# ---- No hostile input reaches the catch-all --------------------------------------------------


def _hostile_cases(home: Path, built: Path) -> list[tuple[str, list[str]]]:
    share = home / "share"
    share.mkdir(exist_ok=True)
    config = home / "xdg_config_home" / "velsen-desk"
    config.mkdir(parents=True, exist_ok=True)
    manifest = share / MANIFEST_NAME
    bad_version = home / "bad.sqlite"
    bad_version.write_bytes(built.read_bytes())
    with closing(sqlite3.connect(bad_version)) as conn, conn:
        conn.execute("UPDATE meta SET value = '../../buiten' WHERE key = 'data_version'")

    def write(path: Path, data: bytes) -> None:
        path.unlink(missing_ok=True)
        path.write_bytes(data)

    return [
        ("binary manifest", lambda: write(manifest, os.urandom(2048)), ["sync", "--share", str(share)]),
        ("nested manifest", lambda: write(manifest, b"[" * 20000 + b"]" * 20000), ["sync", "--share", str(share)]),
        ("huge manifest", lambda: write(manifest, b" " * 10_000_000), ["sync", "--share", str(share)]),
        ("manifest types", lambda: write(manifest, json.dumps({"file": 1, "size": "x"}).encode()),
         ["sync", "--share", str(share)]),
        ("manifest → /dev/zero", lambda: (manifest.unlink(missing_ok=True), manifest.symlink_to("/dev/zero")),
         ["sync", "--share", str(share)]),
        ("NUL in --share", lambda: None, ["sync", "--share", "/mnt/a\0b"]),
        ("NUL in config", lambda: write(config / "config.json", json.dumps({"share": "/mnt/a\0b"}).encode()),
         ["sync"]),
        ("nested config", lambda: write(config / "config.json", b'{"a":' * 20000 + b"1" + b"}" * 20000),
         ["sync"]),
        ("binary config", lambda: write(config / "config.json", b"\xff\xfe\x00" * 100), ["sync"]),
        ("publish ../ version", lambda: None, ["publish", str(bad_version), "--share", str(share)]),
        ("publish NUL share", lambda: None, ["publish", str(built), "--share", "/mnt/\0"]),
    ]


@pytest.mark.parametrize("case", range(11))
def test_no_hostile_input_reaches_the_catch_all(home, built, capsys, case):
    name, prepare, argv = _hostile_cases(home, built)[case]
    prepare()
    status = main(argv)
    err = capsys.readouterr().err
    assert status != EXIT_INTERNAL and "onverwachts" not in err, f"{name}: {err}"
    assert status in (EXIT_DATA_ERROR, EXIT_USAGE), name
    assert err.strip(), name  # a message, in Dutch
