"""A build on a full disk: a Dutch message naming the cause, nothing left behind, an existing file
untouched (SQLite's own failure used to reach ``build-db``'s catch-all, and left its journal)."""

from __future__ import annotations

import errno
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from velsen_desk.cli.main import main
from velsen_desk.core.os_errors import sqlite_os_error
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage.build import build_database


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A disk of 512 KB, smaller than the bundled data's database (1.3 MB): a real full disk,
    as SQLite meets it. Mounting needs root, as the CI runs."""
    folder = tmp_path / "klein"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"a small disk cannot be mounted here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_build_db_on_a_full_disk_says_so_and_leaves_nothing(small_disk: Path, isolated_home: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    existing = small_disk / "velsen.sqlite"
    existing.write_bytes(b"de vorige database")
    assert main(["build-db", "-o", str(existing)]) == 1
    err = capsys.readouterr().err
    assert f"Kan {existing} niet schrijven: de schijf is vol." in err
    assert "onverwachts" not in err and "Traceback" not in err
    assert existing.read_bytes() == b"de vorige database"
    assert sorted(p.name for p in small_disk.iterdir()) == ["velsen.sqlite"]  # no half file, no journal


@pytest.mark.parametrize("in_memory", [False, True], ids=["werkbestand", "in-geheugen"])
def test_either_working_copy_reports_a_full_disk_as_an_os_error(small_disk: Path, in_memory: bool) -> None:
    with pytest.raises(OSError) as caught:
        build_database(load_dataset([bundled_data_dir()]), small_disk / "uit.sqlite", in_memory=in_memory)
    assert caught.value.errno == errno.ENOSPC
    assert list(small_disk.iterdir()) == []


def test_sqlite_write_failures_are_the_os_errors_they_stand_for() -> None:
    def failure(code: int) -> sqlite3.Error:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
        return error

    full = sqlite_os_error(failure(13), "/x/uit.sqlite")
    assert full is not None and full.errno == errno.ENOSPC and full.filename == "/x/uit.sqlite"
    assert str(full).startswith("[Errno 28] de schijf is vol")
    write_error = sqlite_os_error(failure(10 | (3 << 8)), "/x")  # SQLITE_IOERR_WRITE: an extended code
    assert write_error is not None and write_error.errno == errno.EIO
    assert sqlite_os_error(failure(19), "/x") is None  # a broken rule (SQLITE_CONSTRAINT) stays itself
    assert sqlite_os_error(ValueError("geen SQLite"), "/x") is None


def test_a_full_temporary_folder_does_not_stop_a_build(small_disk: Path, tmp_path: Path) -> None:
    """Sorting the rows (the search index, indexes made after the rows) spills to SQLite's
    temporary folder at ~40x the bundled data; a full /tmp then failed the build as a full disk
    at the output, a disk with room to spare."""
    from bench.synthetic import generate

    (small_disk / "vol").write_bytes(b"\0" * (512 * 1024 - 4096))  # the temporary folder, all but full
    written = generate(tmp_path / "set", scale=40, seed=5)
    dataset = load_dataset([written.data], sources=written.sources)
    with sqlite3.connect(":memory:") as settings:  # every connection of this process takes it
        settings.execute(f"PRAGMA temp_store_directory = '{small_disk}'")
    try:
        for in_memory in (True, False):
            out = tmp_path / f"uit-{in_memory}.sqlite"
            assert build_database(dataset, out, in_memory=in_memory).path == out
    finally:
        with sqlite3.connect(":memory:") as settings:
            settings.execute("PRAGMA temp_store_directory = ''")
