"""The shipped build of the bundled data (resources/prebuilt): current, and what a first start uses."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from velsen_desk.core.paths import bundled_data_dir, resources_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage import local_copy
from velsen_desk.storage.database import inspect_database
from velsen_desk.storage.local_copy import ensure_local_database, read_origin
from velsen_desk.storage.prebuilt import PREBUILT_FILE, bundle_hash, bundle_signature, prebuilt_folder, prebuilt_for
from velsen_desk.storage.shape import shape_problems


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        rows = {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    conn.close()
    return rows


def test_the_shipped_build_is_of_the_bundled_data_as_it_is_now(built_db):
    """Fails after a change to resources/data, resources/sources or the schema: run
    packaging/prebuild-database.sh and commit resources/prebuilt."""
    shipped = prebuilt_for(bundle_hash())
    assert shipped is not None, "resources/prebuilt is stale: run packaging/prebuild-database.sh"
    assert inspect_database(shipped).data_version == load_dataset([bundled_data_dir()]).version()
    with sqlite3.connect(shipped) as conn:
        assert shape_problems(conn) == []
    conn.close()
    assert _rows(shipped) == _rows(built_db)


def test_a_first_start_copies_the_shipped_build_without_building(tmp_path, monkeypatch):
    import velsen_desk.storage.build as build

    def no_build(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("built although a current shipped build exists")

    monkeypatch.setattr(build, "build_database", no_build)
    db = tmp_path / "velsen-desk.sqlite"
    local = ensure_local_database(db)
    assert local.origin == "ingebouwd"
    assert read_origin(db)["bundle_hash"] == bundle_hash()
    assert _rows(db) == _rows(prebuilt_folder() / PREBUILT_FILE)


@pytest.fixture
def own_resources(tmp_path, monkeypatch) -> Path:
    copy = tmp_path / "resources"
    for name in ("data", "sources", "prebuilt"):
        shutil.copytree(resources_dir() / name, copy / name)
    monkeypatch.setenv("VELSEN_DESK_RESOURCES", str(copy))
    return copy


def test_a_damaged_shipped_build_is_never_shown_the_data_is_built_instead(own_resources, tmp_path):
    shipped = own_resources / "prebuilt" / PREBUILT_FILE
    data = bytearray(shipped.read_bytes())
    data[len(data) // 2: len(data) // 2 + 4096] = b"\xff" * 4096  # a page of the tables, not the header
    shipped.write_bytes(bytes(data))
    assert prebuilt_for(bundle_hash()) == shipped
    db = tmp_path / "home" / "velsen-desk.sqlite"
    local = ensure_local_database(db)
    assert local.origin == "ingebouwd"
    assert inspect_database(db, check_integrity=True).data_version == load_dataset(
        [own_resources / "data"]).version()
    assert not list(db.parent.glob(".*.prebuilt"))  # the staging copy is gone


def test_a_stale_shipped_build_is_not_used(own_resources):
    changed = sorted((own_resources / "data").glob("*.yaml"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n# een opmerking\n", encoding="utf-8")
    assert prebuilt_for(bundle_hash()) is None


def test_the_fingerprint_follows_the_schema(monkeypatch):
    before = bundle_hash()
    monkeypatch.setattr("velsen_desk.storage.prebuilt.SCHEMA_VERSION", 99)
    assert bundle_hash() != before
    assert local_copy.bundle_hash is bundle_hash  # one fingerprint for the local copy and the shipped build


def test_the_shipped_build_has_the_shape_the_table_metadata_makes():
    """The sync's shape check reads the expected shape from the shipped build (no SQLAlchemy
    import): it must be exactly what this version's metadata builds. Fails after a change to the
    tables: run packaging/prebuild-database.sh."""
    import sys

    from velsen_desk.storage import shape

    shape.expected_shape.cache_clear()
    had_sqlalchemy = "sqlalchemy.orm" in sys.modules
    try:
        expected = shape.expected_shape()
        if not had_sqlalchemy:
            assert "sqlalchemy.orm" not in sys.modules
        assert expected == shape.metadata_shape()
    finally:
        shape.expected_shape.cache_clear()


def test_without_a_current_shipped_build_the_metadata_gives_the_shape(own_resources):
    from velsen_desk.storage import shape

    (own_resources / "prebuilt" / PREBUILT_FILE).unlink()
    shape.expected_shape.cache_clear()
    try:
        assert shape.expected_shape() == shape.metadata_shape()
    finally:
        shape.expected_shape.cache_clear()


def _count_hashing(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = local_copy.bundle_hash

    def counted() -> str:
        calls.append(1)
        return real()

    monkeypatch.setattr(local_copy, "bundle_hash", counted)
    return calls


def test_a_usual_start_reads_the_stored_fingerprint_and_hashes_nothing(own_resources, tmp_path, monkeypatch):
    db = tmp_path / "home" / "velsen-desk.sqlite"
    ensure_local_database(db)
    assert read_origin(db)["bundle_files"] == bundle_signature()
    calls = _count_hashing(monkeypatch)
    assert ensure_local_database(db).origin == "ingebouwd"
    assert calls == []


def test_changed_bundled_files_are_hashed_again(own_resources, tmp_path, monkeypatch):
    db = tmp_path / "home" / "velsen-desk.sqlite"
    ensure_local_database(db)
    before = read_origin(db)["bundle_hash"]
    changed = own_resources / "data" / "velsen-2022.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n# een opmerking\n", encoding="utf-8")
    calls = _count_hashing(monkeypatch)
    ensure_local_database(db)
    assert calls  # the signature changed with the file: the stored fingerprint is not trusted
    assert read_origin(db)["bundle_hash"] == bundle_hash() != before
    assert read_origin(db)["bundle_files"] == bundle_signature()


def test_a_copy_without_a_stored_signature_gets_one_once(own_resources, tmp_path, monkeypatch):
    """A copy an older version made: the first start hashes and stores the signature, the next hashes nothing."""
    db = tmp_path / "home" / "velsen-desk.sqlite"
    ensure_local_database(db)
    origin = read_origin(db)
    del origin["bundle_files"]
    local_copy.write_origin(db, origin)
    calls = _count_hashing(monkeypatch)
    ensure_local_database(db)
    assert len(calls) == 1 and read_origin(db)["bundle_files"] == bundle_signature()
    ensure_local_database(db)
    assert len(calls) == 1


def test_a_synced_copy_is_kept_without_hashing(own_resources, tmp_path, monkeypatch):
    db = tmp_path / "home" / "velsen-desk.sqlite"
    ensure_local_database(db)
    synced = {"origin": "/share/velsen-desk.sqlite"}
    local_copy.write_origin(db, synced)
    calls = _count_hashing(monkeypatch)
    assert ensure_local_database(db).origin == "/share/velsen-desk.sqlite"
    assert calls == [] and read_origin(db) == synced


def test_the_signature_follows_the_schema(monkeypatch):
    before = bundle_signature()
    monkeypatch.setattr("velsen_desk.storage.prebuilt.SCHEMA_VERSION", 99)
    assert bundle_signature() != before


def test_the_first_start_of_a_new_version_hashes_once_and_inspects_the_placed_copy_once(tmp_path, monkeypatch):
    """An older program's copy (another bundle, another data version): the start hashes the
    bundled files once (not again under the lock when nothing changed meanwhile), and the shipped
    build it puts in place is inspected as the staged copy, not again after the rename."""
    import sqlite3

    db = tmp_path / "home" / "velsen-desk.sqlite"
    ensure_local_database(db)
    origin = read_origin(db) | {"bundle_hash": "older-version"}
    origin.pop("bundle_files")
    local_copy.write_origin(db, origin)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = 'older-version' WHERE key = 'data_version'")
    conn.close()
    calls = _count_hashing(monkeypatch)
    inspected: list[Path] = []
    real_inspect = local_copy.inspect_database

    def counted_inspect(path: Path, *args: object, **kwargs: object):
        inspected.append(path)
        return real_inspect(path, *args, **kwargs)

    monkeypatch.setattr(local_copy, "inspect_database", counted_inspect)
    local = ensure_local_database(db)
    assert len(calls) == 1
    assert inspected.count(db) == 2  # before and under the lock; the staged copy stands for the placed one
    shipped = real_inspect(prebuilt_folder() / PREBUILT_FILE)
    assert local.info == real_inspect(db) and local.info.path == db
    assert local.info.data_version == shipped.data_version != "older-version"
    assert read_origin(db)["bundle_hash"] == bundle_hash()
