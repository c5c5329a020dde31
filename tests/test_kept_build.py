"""``validate`` of a large data set builds its database meanwhile, and ``build-db`` of the same
content copies that file: byte for byte what building gives (storage/kept_build.py, issue 17)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from velsen_desk.cli import data as cli_data
from velsen_desk.cli.main import main
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation import parallel_parse
from velsen_desk.curation.loader import load_dataset
from velsen_desk.curation.validation_key import validation_key
from velsen_desk.storage import build, kept_build


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    return folder


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any data set counts as large, on two cores."""
    monkeypatch.setattr(parallel_parse, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(parallel_parse, "helpers_available", lambda: 1)


def _no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("the database was built again")

    monkeypatch.setattr(build, "build_database", refuse)


def _built_from_the_data(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run ``build-db`` on ``data``; check it built the database from the data rather than copy
    a kept one, and return the file it wrote."""
    built: list[Path] = []
    real = build.build_database
    monkeypatch.setattr(build, "build_database",
                        lambda dataset, out, **kwargs: built.append(out) or real(dataset, out, **kwargs))
    out = tmp_path / "uit.sqlite"
    assert main(["build-db", "-o", str(out), str(data)]) == 0
    assert built == [out]
    return out


def _kept(data: Path) -> Path:
    key = validation_key([data])
    assert key is not None
    return kept_build.kept_path(cli_data.validation_cache_dir(), key)


def test_build_db_after_validate_copies_the_same_file(data: Path, tmp_path: Path, isolated_home: Path,
                                                       large: None, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(data)]) == 0
    assert "In orde: 5 bestanden" in capsys.readouterr().out
    kept = _kept(data)
    assert kept.is_file() and kept.stat().st_mode & 0o077 == 0  # the owner's alone
    assert not list(kept.parent.glob(".bouw-*"))  # the helper's folder is gone
    fresh = tmp_path / "fresh.sqlite"
    build.build_database(load_dataset([data]), fresh)
    _no_building(monkeypatch)
    copied = tmp_path / "out" / "copied.sqlite"
    assert main(["build-db", "-o", str(copied), str(data)]) == 0
    assert copied.read_bytes() == fresh.read_bytes()
    assert f"Database gebouwd: {copied.resolve()} (gegevensversie " in capsys.readouterr().out


def test_only_the_newest_are_kept_and_a_killed_helpers_folder_goes(data: Path, isolated_home: Path,
                                                                   large: None) -> None:
    folder = cli_data.validation_cache_dir()
    folder.mkdir(parents=True)
    stale, recent = folder / ".bouw-oud", folder / ".bouw-bezig"
    for work in (stale, recent):
        work.mkdir()
        (work / "gegevens.sqlite").write_bytes(b"half")
    os.utime(stale, (1, 1))
    old = [folder / f"{n}{'0' * 60}.sqlite" for n in range(1000, 1000 + kept_build.KEEP + 1)]
    for index, path in enumerate(old):
        path.write_bytes(b"oud")
        os.utime(path, (index + 1, index + 1))
    assert main(["validate", str(data)]) == 0
    assert sorted(folder.glob("*.sqlite")) == sorted([_kept(data), *old[-(kept_build.KEEP - 1):]])
    assert not stale.exists() and recent.is_dir()


def test_a_validation_with_problems_keeps_no_database(data: Path, isolated_home: Path, large: None) -> None:
    (data / "z-fout.yaml").write_text(
        "format: velsen-desk-data/1\nmunicipalities:\n  - id: heemskerk\n    name: Heemskerk\n", encoding="utf-8")
    assert main(["validate", str(data)]) == 1
    folder = cli_data.validation_cache_dir()
    assert not list(folder.glob("*.sqlite")) and not list(folder.glob(".bouw-*"))


def test_small_data_sets_are_not_built_meanwhile(data: Path, isolated_home: Path) -> None:
    assert main(["validate", str(data)]) == 0
    assert not list(cli_data.validation_cache_dir().glob("*.sqlite"))


def test_other_building_code_is_another_entry(data: Path, isolated_home: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    before = _kept(data)
    monkeypatch.setattr(kept_build, "_building_fingerprint", lambda: b"another build.py")
    assert _kept(data) != before
    (data / "velsen-2022.yaml").write_text(
        (data / "velsen-2022.yaml").read_text(encoding="utf-8") + "\n# een byte meer\n", encoding="utf-8")
    assert _kept(data) != before


def test_a_kept_file_not_of_our_own_is_not_used(data: Path, tmp_path: Path, isolated_home: Path, large: None,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["validate", str(data)]) == 0
    kept = _kept(data)
    elsewhere = tmp_path / "elders.sqlite"
    kept.rename(elsewhere)
    kept.symlink_to(elsewhere)  # a link is never followed: built as without a kept file
    out = _built_from_the_data(data, tmp_path, monkeypatch)
    assert out.read_bytes() == elsewhere.read_bytes()


def test_no_fork_still_validates(data: Path, isolated_home: Path, large: None,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork(_self: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(kept_build.multiprocessing.get_context("fork").Process, "start", no_fork)
    assert main(["validate", str(data)]) == 0
    folder = cli_data.validation_cache_dir()
    assert not list(folder.glob("*.sqlite")) and not list(folder.glob(".bouw-*"))


def test_a_kept_file_damaged_since_is_not_copied_but_built_again(data: Path, tmp_path: Path, isolated_home: Path,
                                                                  large: None, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A bit gone wrong in the cache (the disk, a crash): build-db must not hand out a damaged
    database as built; the checksum the helper wrote says so, and the data is built again."""
    assert main(["validate", str(data)]) == 0
    kept = _kept(data)
    assert (kept.parent / (kept.name + ".sha256")).is_file()
    damaged = bytearray(kept.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF  # a page's content, not the header: SQLite still opens it
    kept.write_bytes(bytes(damaged))
    real = build.build_database
    out = _built_from_the_data(data, tmp_path, monkeypatch)
    assert not kept.exists()  # and the damaged file is gone
    fresh = tmp_path / "fresh.sqlite"
    real(load_dataset([data]), fresh)
    assert out.read_bytes() == fresh.read_bytes()
    assert not list(tmp_path.glob(".uit.sqlite.*"))  # no copy left behind


def test_a_kept_file_without_its_checksum_is_not_used(data: Path, tmp_path: Path, isolated_home: Path,
                                                      large: None, monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["validate", str(data)]) == 0
    kept = _kept(data)
    (kept.parent / (kept.name + ".sha256")).unlink()
    _built_from_the_data(data, tmp_path, monkeypatch)


def test_a_kept_file_pruned_while_build_db_looks_at_it_is_built_instead(
        data: Path, tmp_path: Path, isolated_home: Path, large: None, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Another validate prunes the entry (or finds it damaged) between build-db's reading of its
    version and its copy: build-db builds, rather than fail as if the output could not be written."""
    assert main(["validate", str(data)]) == 0
    kept = _kept(data)
    real_read = kept_build.read_bounded

    def read_then_pruned(path: Path, limit: int) -> bytes:
        found = real_read(path, limit)
        kept.unlink()  # as _prune in another process does, after the version was read
        return found

    monkeypatch.setattr(kept_build, "read_bounded", read_then_pruned)
    out = _built_from_the_data(data, tmp_path, monkeypatch)
    assert "Database gebouwd" in capsys.readouterr().out
    fresh = tmp_path / "fresh.sqlite"
    build.build_database(load_dataset([data]), fresh)
    assert out.read_bytes() == fresh.read_bytes()
    assert not list(tmp_path.glob(".uit.sqlite.*"))  # no copy left behind


def test_a_helper_gone_before_the_version_is_waited_for_and_keeps_nothing(data: Path, isolated_home: Path,
                                                                          large: None,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The helper's build failed at once, so the version has no one to go to: the validation still
    succeeds, keeps no file and leaves no finished helper unwaited for (a zombie process)."""
    def fails_at_once(*_args: object, **_kwargs: object) -> None:
        os._exit(1)  # in the helper: gone before the validation's checks end

    monkeypatch.setattr(build, "build_database", fails_at_once)
    assert main(["validate", str(data)]) == 0
    folder = cli_data.validation_cache_dir()
    assert not list(folder.glob("*.sqlite")) and not list(folder.glob(".bouw-*"))
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child of this process was waited for
