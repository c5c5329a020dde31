"""Follow-up attack: OS, JSON and SQLite failures reach the user in Dutch (never "No such file or
directory" or "Expecting value"), a manifest with a UTF-8 BOM is accepted, and a first start on a
full disk or a read-only data folder gets a specific message."""

from __future__ import annotations

import errno
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from velsen_desk.core.os_errors import describe_error, describe_os_error
from velsen_desk.storage import build, local_copy
from velsen_desk.storage.database import SCHEMA_VERSION, DatabaseError
from velsen_desk.sync.manifest import MANIFEST_NAME, Manifest, ManifestError
from velsen_desk.sync.sync import SyncError, sync

ENGLISH = ("No such file", "Not a directory", "Is a directory", "Permission denied", "File too large",
           "Expecting", "database or disk", "line 1 column")


@pytest.mark.parametrize("code", [errno.ENOENT, errno.EISDIR, errno.ENOTDIR, errno.EACCES, errno.EFBIG,
                                  errno.ENOSPC, errno.EROFS, errno.ELOOP])
def test_os_errors_are_described_in_dutch(code):
    text = describe_os_error(OSError(code, "English text"))
    assert text and "English" not in text


def test_json_and_sqlite_errors_are_described_in_dutch():
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads("{x")
    assert describe_error(caught.value) == "geen geldige JSON (regel 1, kolom 2)"
    assert "SQLite" in describe_error(sqlite3.OperationalError("database is locked"))


def test_share_that_is_a_file_is_reported_in_dutch(tmp_path):
    share = tmp_path / "share"
    share.write_text("geen map")
    with pytest.raises(SyncError) as caught:
        sync(share, tmp_path / "laptop" / "velsen-desk.sqlite")
    assert not any(word in str(caught.value) for word in ENGLISH), caught.value


def test_manifest_with_invalid_json_is_reported_in_dutch():
    with pytest.raises(ManifestError) as caught:
        Manifest.parse(b'{"file": ')
    assert "geen geldige JSON" in str(caught.value)
    assert not any(word in str(caught.value) for word in ENGLISH), caught.value


def test_manifest_with_a_utf8_bom_is_accepted(tmp_path):
    fields = {"file": "velsen-desk-a.sqlite", "data_version": "a1a1a1a1a1a1a1a1", "schema_version": SCHEMA_VERSION,
              "size": 1, "sha256": "0" * 64, "published_at": "2026-01-01T00:00:00+00:00",
              "published_by": "griffie", "format": "velsen-desk-manifest/1"}
    (tmp_path / MANIFEST_NAME).write_bytes(b"\xef\xbb\xbf" + json.dumps(fields).encode("utf-8"))
    assert Manifest.read(tmp_path).data_version == "a1a1a1a1a1a1a1a1"


@pytest.fixture(params=["build", "shipped"])
def first_start_path(request, monkeypatch):
    """The two ways a first start makes the local copy: building the bundled data, or copying the
    shipped build (resources/prebuilt) first; ``fail_copy`` makes that copy fail as the disk does."""
    if request.param == "build":
        monkeypatch.setattr(local_copy, "prebuilt_for", lambda _bundle: None)

    def fail_copy(error: OSError) -> None:
        if request.param == "shipped":
            def copy(*_args, **_kwargs):
                raise error
            monkeypatch.setattr(local_copy.shutil, "copyfile", copy)
    return fail_copy


def test_first_start_on_a_full_disk_says_the_disk_is_full(tmp_path, monkeypatch, first_start_path):
    first_start_path(OSError(errno.ENOSPC, "No space left on device"))
    orig = sqlite3.OperationalError("database or disk is full")
    orig.sqlite_errorcode = 13  # SQLITE_FULL
    orig.sqlite_errorname = "SQLITE_FULL"

    def full(*args, **kwargs):
        raise OperationalError("INSERT", {}, orig)

    monkeypatch.setattr(build, "build_database", full)
    with pytest.raises(DatabaseError, match="de schijf is vol") as caught:
        local_copy.ensure_local_database(tmp_path / "data" / "velsen-desk.sqlite")
    assert not any(word in str(caught.value) for word in ENGLISH)


def test_first_start_in_an_unwritable_folder_is_a_dutch_message(tmp_path, monkeypatch, first_start_path):
    first_start_path(PermissionError(errno.EACCES, "Permission denied", str(tmp_path)))

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path))

    monkeypatch.setattr(build, "build_database", refused)
    with pytest.raises(DatabaseError, match="geen toegang") as caught:
        local_copy.ensure_local_database(tmp_path / "data" / "velsen-desk.sqlite")
    assert "Permission" not in str(caught.value)


def test_origin_not_writable_does_not_stop_the_start(tmp_path, monkeypatch):
    db = tmp_path / "data" / "velsen-desk.sqlite"
    local_copy.ensure_local_database(db)
    (db.parent / local_copy.ORIGIN_FILE).unlink()

    def read_only(path: Path, data: bytes, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(local_copy, "write_atomic", read_only)
    assert local_copy.ensure_local_database(db).origin == "ingebouwd"
