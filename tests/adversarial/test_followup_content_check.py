"""Follow-up attack: a file with the right header and shape but content the application cannot
read (a text where a number belongs, a damaged search index, a 30 MB text, a date that is no
date) never replaces the last good copy, and publishing such a file is refused too."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from velsen_desk.storage import content_check
from velsen_desk.storage.content_check import check_content, max_text_length
from velsen_desk.storage.database import SCHEMA_VERSION, DatabaseError
from velsen_desk.sync.files import sha256_of
from velsen_desk.sync.manifest import MANIFEST_NAME
from velsen_desk.sync.publish import PublishError, publish
from velsen_desk.sync.sync import SyncError, sync, versions_dir

V2 = "c3c3c3c3c3c3c3c3"


def _variant(built: Path, target: Path, *sql: str) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(built.read_bytes())
    with closing(sqlite3.connect(target)) as conn, conn:
        for statement in sql:
            conn.execute(statement)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'data_version'", (V2,))
    with closing(sqlite3.connect(target)) as conn:
        conn.execute("VACUUM")
    return target


def _hand_written_manifest(share: Path, db_file: Path) -> None:
    target = share / f"velsen-desk-{os.urandom(4).hex()}.sqlite"
    target.write_bytes(db_file.read_bytes())
    manifest = {
        "file": target.name, "data_version": V2, "schema_version": SCHEMA_VERSION, "size": target.stat().st_size,
        "sha256": sha256_of(target), "published_at": "2026-01-01T00:00:00+00:00", "published_by": "griffie",
        "format": "velsen-desk-manifest/1",
    }
    (share / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")


HOSTILE = {
    "text where a theme number belongs": (("UPDATE themes SET number = 'abc' WHERE rowid = 1",), "themes.number"),
    "damaged search index": (("DELETE FROM search_fts_data WHERE rowid > 10",), "zoekindex"),
    "30 MB text": (("UPDATE themes SET name = printf('%.*c', 30000000, 'x') WHERE rowid = 1",), "30000000 tekens"),
    "date that is no date": (("UPDATE documents SET date = 'gisteren' WHERE rowid = 1",), "niet te lezen"),
    "data version a number": (
        ("ALTER TABLE meta RENAME TO m0", "CREATE TABLE meta (key, value)", "INSERT INTO meta SELECT * FROM m0",
         "DROP TABLE m0", "UPDATE meta SET value = 5 WHERE key = 'data_version'"),
        "meta.value",
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_unreadable_content_never_replaces_the_last_good_copy(built, tmp_path, case):
    sql, message = HOSTILE[case]
    share, local = tmp_path / "share", tmp_path / "laptop" / "velsen-desk.sqlite"
    share.mkdir()
    publish(built, share)
    sync(share, local)
    good = local.read_bytes()
    hostile = _variant(built, tmp_path / "hostile.sqlite", *sql)
    if case == "data version a number":  # the meta value is an integer: the manifest names its text
        with closing(sqlite3.connect(hostile)) as conn, conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'data_version'", (V2,))
            conn.execute("UPDATE meta SET value = 7 WHERE key = 'schema_version'")
        message = "meta.value"
    _hand_written_manifest(share, hostile)
    for _ in range(4):  # every refused attempt leaves the good copy and never evicts a kept version
        with pytest.raises(SyncError, match=message):
            sync(share, local)
    assert local.read_bytes() == good
    assert not list(local.parent.glob(".velsen-desk.sqlite.*"))
    assert not list(versions_dir(local).glob("*.sqlite"))


@pytest.mark.parametrize("case", ["text where a theme number belongs", "damaged search index"])
def test_publish_refuses_unreadable_content(built, tmp_path, case):
    sql, message = HOSTILE[case]
    share = tmp_path / "share"
    share.mkdir()
    hostile = _variant(built, tmp_path / "hostile.sqlite", *sql)
    with pytest.raises(PublishError, match=message):
        publish(hostile, share)
    assert list(share.iterdir()) == []


def test_the_built_database_passes_and_is_not_changed(built, tmp_path):
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(built.read_bytes())
    check_content(copy)
    assert copy.read_bytes() == built.read_bytes()
    assert 1_000 <= max_text_length() <= 20_000  # the schema's longest text; the bundled data stays far below


def test_a_check_that_does_not_end_in_time_is_a_message(built, tmp_path, monkeypatch):
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(built.read_bytes())
    # a clock that jumps a minute per look: the first progress callback is past the deadline
    ticks = iter(range(0, 10**9, 60))
    monkeypatch.setattr(content_check, "_clock", lambda: float(next(ticks)))
    monkeypatch.setattr(content_check, "_PROGRESS_STEPS", 100)
    with pytest.raises(DatabaseError, match="niet binnen 5 seconden"):
        check_content(copy, seconds=5)
    assert copy.read_bytes() == built.read_bytes()


def test_a_database_without_any_programme_never_replaces_real_data(built, tmp_path):
    from velsen_desk.storage.reader import COLUMNS

    share, local = tmp_path / "share", tmp_path / "laptop" / "velsen-desk.sqlite"
    share.mkdir()
    publish(built, share)
    sync(share, local)
    good = local.read_bytes()
    empty = _variant(built, tmp_path / "empty.sqlite", *(f'DELETE FROM "{t}"' for t in COLUMNS if t != "meta"),
                     "INSERT INTO search_fts(search_fts) VALUES('rebuild')")
    _hand_written_manifest(share, empty)
    for _ in range(4):  # four "valid" empty publications: the real data stays, nothing is evicted
        with pytest.raises(SyncError, match="geen enkel programma"):
            sync(share, local)
    assert local.read_bytes() == good


def test_versions_folder_that_is_a_link_is_never_pruned_through(built, built_v2_path, tmp_path):
    share, local = tmp_path / "share", tmp_path / "laptop" / "velsen-desk.sqlite"
    share.mkdir()
    publish(built, share)
    sync(share, local)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    bystanders = [elsewhere / f"velsen-desk-2020010{i}T000000-onbekend.sqlite" for i in range(5)]
    for path in bystanders:
        path.write_bytes(b"not ours to delete")
    versions_dir(local).symlink_to(elsewhere, target_is_directory=True)
    before = local.read_bytes()
    publish(built_v2_path, share)
    with pytest.raises(SyncError, match="geen gewone map"):
        sync(share, local)
    assert all(path.read_bytes() == b"not ours to delete" for path in bystanders)
    assert sorted(elsewhere.iterdir()) == sorted(bystanders)
    assert local.read_bytes() == before


@pytest.fixture(scope="module")
def built_v2_path(built, tmp_path_factory) -> Path:
    return _variant(built, tmp_path_factory.mktemp("v2") / "v2.sqlite",
                    "UPDATE actions SET cost_amount = 2000 WHERE number = 7")
