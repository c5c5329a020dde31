"""Adversarial (second attack round): sync, rollback and the first-start build under races,
damaged copies, odd names, leftovers of killed runs and a planted link.

Rules: a synced copy is never replaced by the bundled build; "Al bijgewerkt" only when the local
file really is that version; going back works exactly when the current copy is junk; no name in
``versies/`` crashes anything; temporaries of killed runs do not stay forever; the lock file is
never followed through a link. Every message is Dutch.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest

from velsen_desk.cli.exit_codes import EXIT_INTERNAL, EXIT_OK
from velsen_desk.cli.main import main
from velsen_desk.core.paths import local_database_path
from velsen_desk.storage import build as build_module
from velsen_desk.storage import local_copy
from velsen_desk.storage.database import DatabaseError, inspect_database
from velsen_desk.storage.local_copy import ensure_local_database, read_origin, write_origin
from velsen_desk.storage.lock import directory_lock
from velsen_desk.sync.publish import publish
from velsen_desk.sync.rollback import kept_versions, rollback_changes, rollback_preview
from velsen_desk.sync.sync import SyncError, sync, versions_dir

V2 = "c2c2c2c2c2c2c2c2"


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
def share(tmp_path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


@pytest.fixture
def local(tmp_path) -> Path:
    return tmp_path / "laptop" / "velsen-desk.sqlite"


def _version(path: Path) -> str | None:
    return inspect_database(path).data_version


# 4. A first start racing a sync -------------------------------------------------------------

@pytest.mark.parametrize("way", ["build", "shipped"])
def test_bundled_build_never_replaces_a_copy_synced_while_it_was_building(built_v2, share, local, monkeypatch, way):
    """A hook between "inspect" and "replace": a synced copy appears while the default is built
    (or while the shipped build of the bundled data is copied)."""
    publish(built_v2, share)
    real_build = build_module.build_database
    real_copy = local_copy.shutil.copyfile

    def a_sync_lands() -> None:
        local.parent.mkdir(parents=True, exist_ok=True)
        local.write_bytes(built_v2.read_bytes())
        write_origin(local, {"origin": str(share), "data_version": V2})

    def build_while_a_sync_lands(dataset, out):
        a_sync_lands()
        return real_build(dataset, out)

    def copy_while_a_sync_lands(source, target):
        a_sync_lands()
        return real_copy(source, target)

    if way == "build":
        monkeypatch.setattr(local_copy, "prebuilt_for", lambda _bundle: None)
        monkeypatch.setattr(build_module, "build_database", build_while_a_sync_lands)
    else:
        monkeypatch.setattr(local_copy.shutil, "copyfile", copy_while_a_sync_lands)
    result = ensure_local_database(local)
    assert _version(local) == V2  # the synced copy stays
    assert read_origin(local)["origin"] == str(share)
    assert result.info.data_version == V2 and result.origin == str(share)
    assert not list(local.parent.glob(".velsen-desk.sqlite.*"))  # the unused build is not left behind


def test_bundled_build_waits_for_the_lock_sync_holds(local, monkeypatch):
    monkeypatch.setattr(local_copy, "LOCK_WAIT_SECONDS", 0.3, raising=False)
    with directory_lock(local.parent), pytest.raises(DatabaseError, match="bezet door een synchronisatie"):
        ensure_local_database(local)
    assert not local.exists()  # nothing built behind the lock holder's back
    assert ensure_local_database(local).origin == "ingebouwd"  # and once free, the default is built


def test_bundled_build_under_the_lock_sees_the_copy_a_sync_put_there(built_v2, share, local, monkeypatch):
    """The check after taking the lock: a sync that finished while we waited wins."""
    real_lock = local_copy.directory_lock

    def lock_after_a_sync(directory, **kwargs):
        local.write_bytes(built_v2.read_bytes())
        write_origin(local, {"origin": str(share), "data_version": V2})
        return real_lock(directory, **kwargs)

    monkeypatch.setattr(local_copy, "directory_lock", lock_after_a_sync)
    local.parent.mkdir(parents=True)
    result = ensure_local_database(local)
    assert result.origin == str(share) and _version(local) == V2


def test_sync_waits_for_a_first_start_build_instead_of_refusing(built, share, local):
    """The repro order: the first start holds the lock for its build when the sync begins."""
    publish(built, share)
    taken = threading.Event()

    def first_start_build() -> None:
        with directory_lock(local.parent):
            taken.set()
            time.sleep(0.5)

    holder = threading.Thread(target=first_start_build)
    holder.start()
    taken.wait(5)
    try:
        assert sync(share, local).changed
    finally:
        holder.join()
    assert _version(local) == _version(built)


# 5. "Al bijgewerkt" only when it is true --------------------------------------------------

@pytest.mark.parametrize("damage", ["garbage", "missing", "other_version_same_origin"])
def test_quick_path_checks_the_local_file_itself(built, built_v2, share, local, damage):
    publish(built, share)
    sync(share, local)
    good = _version(local)
    if damage == "garbage":
        local.write_bytes(b"garbage\n")
    elif damage == "missing":
        local.unlink()
    else:
        local.write_bytes(built_v2.read_bytes())  # a real database, but not the one origin.json names
    result = sync(share, local)
    assert result.changed  # a full sync, not "Al bijgewerkt"
    assert _version(local) == good


def test_quick_path_still_quick_for_an_intact_copy(built, share, local):
    publish(built, share)
    sync(share, local)
    assert not sync(share, local).changed


def test_cli_sync_repairs_a_damaged_copy(home, built, share, capsys):
    publish(built, share)
    assert main(["sync", "--share", str(share)]) == EXIT_OK
    db = local_database_path()
    db.write_bytes(b"garbage\n")
    capsys.readouterr()
    assert main(["sync", "--share", str(share)]) == EXIT_OK
    assert "Al bijgewerkt" not in capsys.readouterr().out
    assert _version(db) == _version(built)


# 6. Going back when the current copy is junk or missing --------------------------------------

@pytest.fixture
def kept_v1(home, built, built_v2) -> Path:
    """A laptop that synced v1 then v2 (v1 is kept); returns the local database path."""
    share = home / "share"
    share.mkdir()
    db = local_database_path()
    publish(built, share)
    sync(share, db)
    publish(built_v2, share)
    sync(share, db)
    return db


@pytest.mark.parametrize("junk", [True, False])
def test_rollback_restores_when_the_current_copy_is_junk_or_missing(kept_v1, built, capsys, junk):
    if junk:
        kept_v1.write_bytes(b"junk\n")
    else:
        kept_v1.unlink()
    assert main(["rollback", "--yes"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "lijst met verschillen wordt overgeslagen" in out
    assert "Teruggezet" in out
    assert _version(kept_v1) == _version(built)


def test_rollback_preview_names_the_reason_in_dutch(kept_v1):
    kept_v1.write_bytes(b"junk\n")
    version = kept_versions(kept_v1)[0]
    changes, skipped = rollback_preview(kept_v1, version)
    assert changes == [] and skipped is not None and "huidige gegevens zijn onleesbaar" in skipped
    with pytest.raises(SyncError, match="overgeslagen"):
        rollback_changes(kept_v1, version)


def test_rollback_preview_lists_changes_when_both_read(kept_v1):
    changes, skipped = rollback_preview(kept_v1, kept_versions(kept_v1)[0])
    assert skipped is None and changes


# 7. Kept names with impossible dates ------------------------------------------------------

@pytest.mark.parametrize("stamp", ["20261399T999999", "20260230T120000", "20260101T250000123456"])
def test_kept_version_with_an_impossible_date_is_skipped(home, built, capsys, stamp):
    db = local_database_path()
    folder = versions_dir(db)
    folder.mkdir(parents=True)
    db.write_bytes(built.read_bytes())
    (folder / f"velsen-desk-{stamp}-onbekend.sqlite").write_bytes(built.read_bytes())
    assert kept_versions(db) == []
    status = main(["rollback", "--yes"])
    captured = capsys.readouterr()
    assert status not in (EXIT_OK, EXIT_INTERNAL)
    assert "geen eerdere versie bewaard" in captured.err + captured.out
    assert "Traceback" not in captured.err and "ValueError" not in captured.err


def test_impossible_date_beside_a_good_version_does_not_hide_it(kept_v1, built):
    (versions_dir(kept_v1) / "velsen-desk-20261399T999999-onbekend.sqlite").write_bytes(built.read_bytes())
    versions = kept_versions(kept_v1)
    assert [v.data_version for v in versions] == [_version(built)]


# 14. Temporaries of killed runs ---------------------------------------------------------

def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_killed_rollback_temporary_is_cleaned_by_the_next_sync(built, share, local):
    local.parent.mkdir(parents=True)
    dead = local.parent / f".{local.name}.{_dead_pid()}.rollback"
    dead.write_bytes(built.read_bytes())
    live_fresh = local.parent / f".{local.name}.{os.getppid()}.rollback"  # a running process, just now
    live_fresh.write_bytes(b"x")
    live_old = local.parent / f".{local.name}.{os.getppid()}.build"
    live_old.write_bytes(b"x")
    _age(live_old, 2 * 3600)
    publish(built, share)
    sync(share, local)
    assert not dead.exists()
    assert not live_old.exists()  # older than an hour: stale whatever the pid
    assert live_fresh.exists()  # may belong to a rollback still running


def test_a_killed_first_start_builds_working_files_are_cleaned_by_the_next_sync(built, share, local):
    """The build beside a ``.build`` file writes its own temporaries (a scratch copy as large as
    the database): a first start killed while building left them in the data folder for good."""
    local.parent.mkdir(parents=True)
    dead, running = _dead_pid(), os.getppid()
    dead_files = [local.parent / f"..{local.name}.{dead}.build.k3x9a1b2.tmp{end}" for end in ("", ".werk", "-journal")]
    for path in dead_files:
        path.write_bytes(built.read_bytes())
    busy = local.parent / f"..{local.name}.{running}.build.q7r2s4t6.tmp.werk"  # a first start building now
    busy.write_bytes(b"x")
    publish(built, share)
    sync(share, local)
    assert not [path for path in dead_files if path.exists()]
    assert busy.exists()


def test_killed_rollback_temporary_is_cleaned_by_the_next_rollback(kept_v1):
    dead = kept_v1.parent / f".{kept_v1.name}.{_dead_pid()}.rollback"
    dead.write_bytes(b"a full copy once")
    assert main(["rollback", "--yes"]) == EXIT_OK
    assert not dead.exists()


def test_killed_publish_temporary_is_cleaned_by_the_next_publish(built, share):
    stale = share / ".velsen-desk-0123456789abcdef-20260101T000000000000Z.sqlite.tmp"
    stale.write_bytes(built.read_bytes())
    _age(stale, 2 * 3600)
    busy = share / ".velsen-desk-0123456789abcdef-20260101T000001000000Z.sqlite.tmp"
    busy.write_bytes(b"another griffie laptop publishing right now")
    publish(built, share)
    assert not stale.exists()
    assert busy.exists()


def test_sync_never_writes_the_share(built, share, local):
    publish(built, share)
    stale = share / ".velsen-desk-0123456789abcdef-20260101T000000000000Z.sqlite.tmp"
    stale.write_bytes(b"x")
    _age(stale, 2 * 3600)
    sync(share, local)
    assert stale.exists()  # readers leave the share alone


# 15. A link at the lock's name ----------------------------------------------------------

def test_lock_file_link_is_refused_not_followed(built, share, local, tmp_path):
    outside = tmp_path / "outside" / "created"
    outside.parent.mkdir()
    local.parent.mkdir(parents=True)
    (local.parent / ".sync.lock").symlink_to(outside)
    publish(built, share)
    with pytest.raises(SyncError, match="koppeling"):
        sync(share, local)
    assert not outside.exists()
    assert not local.exists()


def test_lock_file_link_to_an_existing_file_is_not_touched(built, share, local, tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("blijf af")
    before = target.stat().st_mtime_ns
    local.parent.mkdir(parents=True)
    (local.parent / ".sync.lock").symlink_to(target)
    with pytest.raises(DatabaseError, match="koppeling"):
        ensure_local_database(local)
    assert target.read_text() == "blijf af" and target.stat().st_mtime_ns == before


def test_cli_sync_with_a_lock_link_is_dutch(home, built, share, tmp_path, capsys):
    publish(built, share)
    db = local_database_path()
    db.parent.mkdir(parents=True)
    (db.parent / ".sync.lock").symlink_to(tmp_path / "elsewhere")
    status = main(["sync", "--share", str(share)])
    err = capsys.readouterr().err
    assert status not in (EXIT_OK, EXIT_INTERNAL)
    assert "koppeling" in err and not (tmp_path / "elsewhere").exists()
