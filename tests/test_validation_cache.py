"""build-db reuses a validation of the same content (issue 17): kept only after a validation
without problems, found only for the same files, sources and code, and never trusted blindly."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest

from velsen_desk.cli.main import main
from velsen_desk.core.paths import bundled_data_dir, sources_dir
from velsen_desk.curation import loader, validation_cache, validation_key
from velsen_desk.curation.loader import canonical_json, load_dataset
from velsen_desk.curation.problems import DataError


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> object:
        raise AssertionError(f"{path} was parsed again")

    monkeypatch.setattr(loader, "parse_records", refuse)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    return folder


def test_the_same_content_is_not_parsed_again(data, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = load_dataset([data], cache=cache)
    _no_parsing(monkeypatch)
    again = load_dataset([data], cache=cache)
    assert canonical_json(again) == canonical_json(first)
    assert again.version() == first.version()
    assert dataclasses.replace(again, known_version=None).version() == first.version()  # of these very records
    assert again.origin == first.origin
    assert [type(r) for r in again.actions] == [type(r) for r in first.actions]


def test_a_changed_byte_is_validated_again(data, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    load_dataset([data], cache=cache)
    target = sorted(data.glob("*.yaml"))[0]
    target.write_bytes(target.read_bytes() + b"\n# een regel meer\n")
    parsed: list[Path] = []
    real = loader.parse_records
    monkeypatch.setattr(loader, "parse_records", lambda path: parsed.append(path) or real(path))
    load_dataset([data], cache=cache)
    assert target in parsed


def test_a_changed_source_text_is_validated_again(data, tmp_path, monkeypatch):
    sources = tmp_path / "sources"
    shutil.copytree(sources_dir(), sources)
    cache = tmp_path / "cache"
    load_dataset([data], sources=sources, cache=cache)
    text = sorted(p for p in sources.iterdir() if p.is_file())[0]
    text.write_bytes(b"")  # every quote of that document is gone now
    with pytest.raises(DataError):
        load_dataset([data], sources=sources, cache=cache)


def test_problems_are_never_kept(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: velsen-desk-data/1\nthemes:\n  - {id: t, number: nul}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    for _ in range(2):
        with pytest.raises(DataError):
            load_dataset([bad], cache=cache)
    assert not cache.exists() or not list(cache.iterdir())


def test_a_damaged_entry_means_a_full_validation(data, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = load_dataset([data], cache=cache)
    (entry,) = cache.glob("*.json")
    header, _, body = entry.read_bytes().partition(b"\n")
    entry.write_bytes(header + b"\n" + body.replace(b'"amount"', b'"gratis"', 1))  # not a cost status
    parsed: list[Path] = []
    real = loader.parse_records
    monkeypatch.setattr(loader, "parse_records", lambda path: parsed.append(path) or real(path))
    assert canonical_json(load_dataset([data], cache=cache)) == canonical_json(first)
    assert parsed


def test_entries_are_owner_only_and_few(data, tmp_path):
    cache = tmp_path / "cache"
    for index in range(validation_cache.KEEP + 2):
        (data / "extra.yaml").write_text(f"format: velsen-desk-data/1\ndataset: versie {index}\n", encoding="utf-8")
        load_dataset([data], cache=cache)
    entries = list(cache.glob("*.json"))
    assert len(entries) == validation_cache.KEEP
    assert all(entry.stat().st_mode & 0o077 == 0 for entry in entries)
    assert cache.stat().st_mode & 0o077 == 0
    assert not list(cache.glob(".*"))  # no temporary file left behind


def test_a_link_in_place_of_an_entry_is_not_followed(data, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    load_dataset([data], cache=cache)
    (entry,) = cache.glob("*.json")
    elsewhere = tmp_path / "elders.json"
    os.replace(entry, elsewhere)
    entry.symlink_to(elsewhere)
    parsed: list[Path] = []
    real = loader.parse_records
    monkeypatch.setattr(loader, "parse_records", lambda path: parsed.append(path) or real(path))
    load_dataset([data], cache=cache)
    assert parsed


def test_build_db_after_validate_reuses_it_and_builds_the_same_file(data, tmp_path, monkeypatch, capsys):
    fresh = tmp_path / "fresh.sqlite"
    assert main(["build-db", "-o", str(fresh), str(data)]) == 0  # validated and kept
    assert main(["validate", str(data)]) == 0
    _no_parsing(monkeypatch)
    reused = tmp_path / "reused.sqlite"
    assert main(["build-db", "-o", str(reused), str(data)]) == 0
    assert reused.read_bytes() == fresh.read_bytes()
    assert "In orde: 5 bestanden" in capsys.readouterr().out


def test_another_library_version_is_another_key(data, monkeypatch):
    files = sorted(data.glob("*.yaml"))
    before = validation_key.cache_key(files, sources_dir())
    real = validation_key.metadata.version
    monkeypatch.setattr(validation_key.metadata, "version",
                        lambda name: "99.0" if name == "babel" else real(name))  # amounts may print otherwise
    assert validation_key.cache_key(files, sources_dir()) not in (None, before)
