"""Snapshots of what the window shows: the same records as the ORM gives, only for the very same
database bytes, and a damaged or foreign snapshot is never shown."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from velsen_desk.storage import queries
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.reading import load_catalog, load_programme, prime_snapshots, snapshot_cache


@pytest.fixture
def db_copy(built_db: Path, isolated_home: Path) -> Path:
    """A private copy (some tests change it) with an empty snapshot cache."""
    target = isolated_home / "velsen-desk.sqlite"
    shutil.copyfile(built_db, target)
    return target


def _snapshot_files() -> list[Path]:
    return sorted(snapshot_cache().directory.glob("*.msgpack"))


def _no_orm(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args):
        raise AssertionError("read through the ORM although a snapshot should have been used")

    monkeypatch.setattr(queries, "catalog", refuse)
    monkeypatch.setattr(queries, "programme_data", refuse)


def test_snapshots_hold_exactly_what_the_orm_reads_for_every_programme(db_copy, monkeypatch):
    db = ReadOnlyDatabase(db_copy)
    direct_catalog = db.read(queries.catalog)
    direct = {p.id: db.read(queries.programme_data, p) for p in direct_catalog.programmes}
    prime_snapshots(db_copy)
    assert len(_snapshot_files()) == 1 + len(direct)

    _no_orm(monkeypatch)
    assert load_catalog(db) == direct_catalog
    for programme in direct_catalog.programmes:
        cached = load_programme(db, programme)
        assert cached == direct[programme.id]
    velsen = load_programme(db, direct_catalog.programme("velsen-2022"))
    assert velsen.plans[0].reconciliation.computed.known == direct["velsen-2022"].plans[0].reconciliation.computed.known
    assert velsen.regie_theme_ids("marianne-steijn")  # methods work on decoded records


def test_a_changed_database_is_never_shown_from_an_old_snapshot(db_copy):
    db = ReadOnlyDatabase(db_copy)
    programme = load_catalog(db).programme("velsen-2022")
    before = load_programme(db, programme)
    assert before.action("velsen-2022.avn.a09").title != "Gewijzigde titel"
    with sqlite3.connect(db_copy) as conn:  # what a newer publication would bring
        conn.execute("UPDATE actions SET title = 'Gewijzigde titel' WHERE id = 'velsen-2022.avn.a09'")
    conn.close()
    after = load_programme(ReadOnlyDatabase(db_copy), programme)
    assert after.action("velsen-2022.avn.a09").title == "Gewijzigde titel"
    # the snapshots of the old bytes are gone, so the cache never grows without end
    assert len(_snapshot_files()) == 1


def test_a_damaged_snapshot_is_replaced_by_a_fresh_read(db_copy):
    db = ReadOnlyDatabase(db_copy)
    catalog = load_catalog(db)
    programme = catalog.programme("velsen-2022")
    good = load_programme(db, programme)
    for path in _snapshot_files():
        path.write_bytes(b"\x93\x01garbage")
    assert load_catalog(db) == catalog
    assert load_programme(db, programme) == good
    assert load_programme(db, programme) == good  # rewritten, readable again


def test_a_snapshot_of_another_shape_is_not_used(db_copy, monkeypatch):
    db = ReadOnlyDatabase(db_copy)
    catalog = load_catalog(db)
    programme = catalog.programme("velsen-2022")
    good = load_programme(db, programme)
    programme_file = next(p for p in _snapshot_files() if p.stat().st_size > 10_000)
    catalog_file = next(p for p in _snapshot_files() if p != programme_file)
    programme_file.write_bytes(catalog_file.read_bytes())  # valid MessagePack, wrong record
    assert load_programme(db, programme) == good


def test_new_reading_code_does_not_use_old_snapshots(db_copy, monkeypatch):
    db = ReadOnlyDatabase(db_copy)
    load_catalog(db)
    monkeypatch.setattr("velsen_desk.storage.snapshots._code_fingerprint", lambda: "andere code")
    calls = []
    real = queries.catalog
    monkeypatch.setattr(queries, "catalog", lambda session: calls.append(1) or real(session))
    load_catalog(db)
    assert calls == [1]


def test_first_start_stores_snapshots_of_every_programme(isolated_home, monkeypatch):
    from velsen_desk.storage.local_copy import ensure_local_database

    local = ensure_local_database()
    _no_orm(monkeypatch)
    db = ReadOnlyDatabase(local.info.path)
    catalog = load_catalog(db)
    assert {p.id for p in catalog.programmes} >= {"velsen-2022", "heemskerk-2018"}
    for programme in catalog.programmes:
        assert load_programme(db, programme).programme == programme


def test_an_unwritable_cache_only_costs_speed(db_copy, monkeypatch):
    blocked = db_copy.parent / "geen-map"
    blocked.write_text("een bestand waar de cachemap had moeten staan")
    monkeypatch.setattr("velsen_desk.storage.reading.user_cache_dir", lambda: blocked)
    db = ReadOnlyDatabase(db_copy)
    catalog = load_catalog(db)
    assert load_programme(db, catalog.programme("velsen-2022")).programme.id == "velsen-2022"
