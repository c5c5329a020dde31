"""Publish and sync under faults: after every failure the last good local copy is still there,
opens, and the user reads what happened in Dutch."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from velsen_desk.cli.main import main
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage.build import build_database
from velsen_desk.storage.database import SCHEMA_VERSION, inspect_database
from velsen_desk.storage.lock import directory_lock
from velsen_desk.sync.diff import diff_databases
from velsen_desk.sync.manifest import MANIFEST_NAME, Manifest
from velsen_desk.sync.publish import PublishError, publish
from velsen_desk.sync.sync import SyncError, sync, versions_dir


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_database(load_dataset([bundled_data_dir()]), tmp_path_factory.mktemp("b") / "v1.sqlite").path


@pytest.fixture(scope="module")
def built_v2(built, tmp_path_factory) -> Path:
    """A second data version: action 7 costs more and theme 11 changed regie."""
    path = tmp_path_factory.mktemp("b2") / "v2.sqlite"
    path.write_bytes(built.read_bytes())
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE actions SET cost_amount = 2000, cost_text = '€2.000' WHERE number = 7")
        conn.execute("UPDATE themes SET regie_id = 'sander-smeets' WHERE id = 'velsen-2022.thema-11'")
        conn.execute("UPDATE meta SET value = '00000000000000a2' WHERE key = 'data_version'")
    conn.close()
    return path


@pytest.fixture
def share(tmp_path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


@pytest.fixture
def local(tmp_path) -> Path:
    return tmp_path / "laptop" / "velsen-desk.sqlite"


@pytest.fixture
def synced(built, share, local) -> Path:
    """A laptop that has synced the first version."""
    publish(built, share)
    sync(share, local)
    return local


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


def _assert_last_good(local: Path, version: str | None) -> None:
    info = inspect_database(local, check_integrity=True)
    assert info.data_version == version
    assert not list(local.parent.glob(f".{local.name}.*"))  # no temporaries left behind


def test_round_trip_preserves_content_exactly(built, share, local):
    result = publish(built, share)
    assert result.manifest.size == result.path.stat().st_size
    outcome = sync(share, local)
    assert outcome.changed
    dump = lambda p: list(sqlite3.connect(p).iterdump())  # noqa: E731
    assert dump(local) == dump(built)


def test_no_change_sync_does_not_copy(synced, share):
    before = synced.stat().st_mtime_ns
    assert sync(share, synced).changed is False
    assert synced.stat().st_mtime_ns == before


def test_new_version_keeps_previous_and_reports_changes(synced, built_v2, share):
    publish(built_v2, share)
    result = sync(share, synced)
    assert result.changed and result.previous and result.previous.parent == versions_dir(synced)
    changes = {str(c) for c in diff_databases(result.previous, synced)}
    assert "actie Actie 7: Gedragsmaatregelen Stratingplantsoen: kosten € 1.000 → € 2.000" in changes
    assert "thema 11. Mobiliteit: regie Bram Diepstraten → Sander Smeets" in changes


def test_sync_never_writes_to_the_share(synced, built_v2, share):
    publish(built_v2, share)
    before = _snapshot(share)
    sync(share, synced)
    assert _snapshot(share) == before


def test_share_offline(synced, tmp_path):
    with pytest.raises(SyncError, match="niet bereikbaar. U werkt verder met uw lokale kopie"):
        sync(tmp_path / "gone", synced)
    _assert_last_good(synced, inspect_database(synced).data_version)


def test_share_without_manifest(synced, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(SyncError, match="nog geen gepubliceerde versie"):
        sync(empty, synced)


def test_published_file_vanished(synced, built_v2, share):
    version = inspect_database(synced).data_version
    result = publish(built_v2, share)
    result.path.unlink()
    with pytest.raises(SyncError, match="ontbreekt"):
        sync(share, synced)
    _assert_last_good(synced, version)


def test_truncated_file(synced, built_v2, share):
    version = inspect_database(synced).data_version
    result = publish(built_v2, share)
    data = result.path.read_bytes()
    result.path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SyncError, match="onvolledig"):
        sync(share, synced)
    _assert_last_good(synced, version)


def test_corrupt_file_with_matching_size(synced, built_v2, share):
    version = inspect_database(synced).data_version
    result = publish(built_v2, share)
    data = bytearray(result.path.read_bytes())
    data[5000:5100] = b"\xff" * 100
    result.path.write_bytes(bytes(data))
    with pytest.raises(SyncError, match="controlesom"):
        sync(share, synced)
    _assert_last_good(synced, version)


def _republish_manifest_for(share: Path, db_file: Path, **changes) -> None:
    """Simulate a broken publisher: a manifest that matches a file it should not point at."""
    from velsen_desk.sync.files import sha256_of

    manifest = Manifest.read(share)
    target = share / f"velsen-desk-x-{time.time_ns()}.sqlite"
    target.write_bytes(db_file.read_bytes())
    fields = dict(manifest.__dict__, file=target.name, size=target.stat().st_size, sha256=sha256_of(target))
    fields.update(changes)
    Manifest(**fields).write(share)


def test_wrong_application(synced, share, tmp_path):
    version = inspect_database(synced).data_version
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    _republish_manifest_for(share, foreign, data_version="000000000000dead")
    with pytest.raises(SyncError, match="geen Velsen Desk-gegevensbestand"):
        sync(share, synced)
    _assert_last_good(synced, version)


def test_newer_schema_is_refused_before_copying(synced, built_v2, share):
    version = inspect_database(synced).data_version
    publish(built_v2, share)
    manifest = Manifest.read(share)
    Manifest(**dict(manifest.__dict__, schema_version=SCHEMA_VERSION + 1)).write(share)
    with pytest.raises(SyncError, match="nieuwere versie van Velsen Desk"):
        sync(share, synced)
    _assert_last_good(synced, version)


def test_older_schema_is_refused_before_copying(synced, built_v2, share):
    """A share published by an older Velsen Desk: the griffie must publish again, the copy stays."""
    version = inspect_database(synced).data_version
    publish(built_v2, share)
    manifest = Manifest.read(share)
    Manifest(**dict(manifest.__dict__, schema_version=SCHEMA_VERSION - 1)).write(share)
    with pytest.raises(SyncError, match="oudere versie van Velsen Desk.*opnieuw te publiceren"):
        sync(share, synced)
    _assert_last_good(synced, version)


def test_local_disk_full(synced, built_v2, share, monkeypatch):
    version = inspect_database(synced).data_version
    publish(built_v2, share)
    import shutil as shutil_module

    monkeypatch.setattr(shutil_module, "disk_usage", lambda _: shutil_module._ntuple_diskusage(10**9, 10**9, 10))
    with pytest.raises(SyncError, match="Te weinig vrije schijfruimte"):
        sync(share, synced)
    _assert_last_good(synced, version)


def test_disk_full_during_copy(synced, built_v2, share, monkeypatch):
    version = inspect_database(synced).data_version
    publish(built_v2, share)
    import velsen_desk.sync.sync as sync_module

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sync_module, "copy_with_hash", full)
    with pytest.raises(SyncError, match="schijf is vol"):
        sync(share, synced)
    _assert_last_good(synced, version)


def test_file_changing_mid_copy(synced, built_v2, share, monkeypatch):
    version = inspect_database(synced).data_version
    result = publish(built_v2, share)
    import velsen_desk.sync.sync as sync_module

    real_copy = sync_module.copy_with_hash

    def copy_then_touch(source, target, size, progress=None):
        digest = real_copy(source, target, size, progress)
        os.utime(result.path, ns=(time.time_ns(), time.time_ns() + 10**9))
        return digest

    monkeypatch.setattr(sync_module, "copy_with_hash", copy_then_touch)
    with pytest.raises(SyncError, match="veranderde tijdens het kopiëren"):
        sync(share, synced)
    _assert_last_good(synced, version)


def test_conflict_copies_are_ignored(synced, built_v2, share):
    version = inspect_database(synced).data_version
    (share / "velsen-desk (1).sqlite").write_bytes(built_v2.read_bytes())
    (share / "velsen-desk-manifest (Jan's conflicted copy 2026-11-20).json").write_text("{}", encoding="utf-8")
    assert sync(share, synced).changed is False
    _assert_last_good(synced, version)


def test_broken_manifest(synced, share):
    (share / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(SyncError, match="manifest .* onbruikbaar|Het manifest in"):
        sync(share, synced)


def test_second_instance_is_told_to_wait(synced, share):
    with directory_lock(synced.parent), pytest.raises(SyncError, match="Er loopt al een synchronisatie"):
        sync(share, synced)


def test_publish_refuses_damaged_and_foreign_files(share, tmp_path, built):
    foreign = tmp_path / "foreign.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(PublishError, match="geen Velsen Desk-gegevensbestand"):
        publish(foreign, share)
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(built.read_bytes()[:20000])
    with pytest.raises(PublishError):
        publish(broken, share)
    assert list(share.iterdir()) == []


def test_publish_keeps_only_the_last_versions(built, share):
    for _ in range(5):
        publish(built, share)
    files = sorted(p.name for p in share.glob("velsen-desk-*.sqlite"))
    assert len(files) == 3 and Manifest.read(share).file in files


def test_kill_during_sync_leaves_last_good_copy(synced, built_v2, share, tmp_path):
    """A child process is killed while it copies; the local copy must be the old one, intact."""
    version = inspect_database(synced).data_version
    publish(built_v2, share)
    marker = tmp_path / "copying"
    script = textwrap.dedent(
        f"""
        import time, pathlib
        from velsen_desk.sync.sync import sync
        def slow(done, total):
            pathlib.Path({str(marker)!r}).touch()
            time.sleep(30)
        sync(pathlib.Path({str(share)!r}), pathlib.Path({str(synced)!r}), progress=slow)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
        assert marker.exists(), "the child never started copying"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert inspect_database(synced, check_integrity=True).data_version == version
    # The next sync cleans up the temporary and completes.
    assert sync(share, synced).changed
    _assert_last_good(synced, "00000000000000a2")


def test_cli_sync_status_and_diff(built, built_v2, share, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert main(["sync"]) == 2
    assert "Geen gedeelde map ingesteld" in capsys.readouterr().err
    assert main(["publish", str(built), "--share", str(share)]) == 0
    assert main(["sync", "--share", str(share)]) == 0
    assert main(["publish", str(built_v2), "--share", str(share)]) == 0
    assert main(["sync", "--share", str(share)]) == 0
    out = capsys.readouterr().out
    assert "Bijgewerkt naar gegevensversie 00000000000000a2" in out
    assert "kosten € 1.000 → € 2.000" in out
    assert main(["status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["data_version"] == "00000000000000a2"
    assert status["origin"] == str(share.absolute())
    assert status["database"].startswith(str(tmp_path / "data"))
    assert main(["diff", str(built), str(built)]) == 0
    assert capsys.readouterr().out.strip() == "Geen verschillen."
    assert main(["sync", "--share", str(tmp_path / "nowhere")]) == 1
    assert "niet bereikbaar" in capsys.readouterr().err
