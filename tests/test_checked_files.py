"""A hand-picked database checked once is not re-checked while its bytes stay the same (issue 17):
``report --database`` of one file twice runs the content check once; changed bytes are checked
again, and a damaged file is refused every time."""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from velsen_desk.storage import content_check
from velsen_desk.storage.checked_files import copy_with_digest, passed_before
from velsen_desk.storage.database import DatabaseError


@pytest.fixture
def counted(monkeypatch) -> list[Path]:
    checked: list[Path] = []
    real = content_check.content_problems

    def counting(path: Path, **kwargs: object) -> list[str]:
        checked.append(path)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(content_check, "content_problems", counting)
    return checked


@pytest.fixture
def database(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "gekozen.sqlite"
    shutil.copyfile(built, copy)
    return copy


def test_the_same_bytes_are_checked_once(database, tmp_path, counted):
    folder = tmp_path / "gecontroleerd"
    content_check.check_database_file(database, checked=folder)
    content_check.check_database_file(database, checked=folder)
    assert len(counted) == 1
    # without a folder (diff, search) every call checks, as before
    content_check.check_database_file(database)
    assert len(counted) == 2


def test_changed_bytes_are_checked_again_and_a_damaged_index_is_refused(database, tmp_path, counted):
    folder = tmp_path / "gecontroleerd"
    content_check.check_database_file(database, checked=folder)
    with closing(sqlite3.connect(database)) as conn, conn:
        conn.execute("DELETE FROM search_fts_data WHERE rowid > 10")
    for _ in range(2):  # never recorded, so refused every time
        with pytest.raises(DatabaseError, match="zoekindex"):
            content_check.check_database_file(database, checked=folder)
    assert len(counted) == 3


def test_an_entry_that_is_not_a_regular_file_counts_as_absent(database, tmp_path, counted):
    folder = tmp_path / "gecontroleerd"
    folder.mkdir()
    digest = copy_with_digest(database, tmp_path / "kopie.sqlite")
    (folder / f"{digest}.{content_check.CHECK_VERSION.replace('/', '_')}").mkdir()
    assert not passed_before(folder, digest, content_check.CHECK_VERSION)
    content_check.check_database_file(database, checked=folder)
    assert len(counted) == 1


def test_other_rules_check_again(database, tmp_path, counted, monkeypatch):
    folder = tmp_path / "gecontroleerd"
    content_check.check_database_file(database, checked=folder)
    monkeypatch.setattr(content_check, "CHECK_VERSION", "inhoud/2")
    content_check.check_database_file(database, checked=folder)
    assert len(counted) == 2


def test_the_record_is_owner_only(database, tmp_path):
    folder = tmp_path / "gecontroleerd"
    content_check.check_database_file(database, checked=folder)
    assert (folder.stat().st_mode & 0o777) == 0o700
    assert [oct(p.stat().st_mode & 0o777) for p in folder.iterdir()] == [oct(0o600)]
    assert os.listdir(folder)[0].startswith(copy_with_digest(database, tmp_path / "k.sqlite"))
