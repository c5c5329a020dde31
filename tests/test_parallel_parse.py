"""Parsing a large data set with a helper process gives exactly what parsing it here gives: the
same records (values, types and the fields given), lines and problems, in file order
(``curation/parallel_parse``, issue 17)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation import parallel_parse
from velsen_desk.curation.loader import DataSet, load_dataset
from velsen_desk.curation.problems import DataError, Problem


def _same(a: Any, b: Any, where: str = "") -> None:
    """Equal, and of the same types all the way down (pydantic's == says 'x' == Enum('x'))."""
    assert type(a) is type(b), where
    if isinstance(a, BaseModel):
        assert a.model_fields_set == b.model_fields_set, where
        for name in type(a).model_fields:
            _same(getattr(a, name), getattr(b, name), f"{where}.{name}")
    elif isinstance(a, list):
        assert len(a) == len(b), where
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{index}]")
    else:
        assert a == b, where


@pytest.fixture
def helpers_everywhere(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Helpers for any size, one file per chunk; counts the files a helper parsed."""
    monkeypatch.setattr(parallel_parse, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(parallel_parse, "_CHUNK_BYTES", 1)
    done: list[int] = []
    original = parallel_parse._take

    def counted(files: Any, indexes: list[int], answers: list[Any], results: list[Any]) -> None:
        done.extend(index for index, answer in zip(indexes, answers, strict=True) if answer is not None)
        original(files, indexes, answers, results)

    monkeypatch.setattr(parallel_parse, "_take", counted)
    return done


def _data(tmp_path: Path, extra: dict[str, str]) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    for name, text in extra.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# Valid but not plain (an anchor): parsed by the round-trip loader wherever it lands.
_ANCHORED = "format: &f velsen-desk-data/1\nremarks: []\n"
_PROBLEMS = {
    "a-schema.yaml": "format: velsen-desk-data/1\nmunicipalities:\n  - {id: x-gemeente, name: 12, extra: ja}\n",
    "b-anchor.yaml": _ANCHORED,
    "c-broken.yaml": "format: velsen-desk-data/1\nremarks: [\n",
    "z-duplicate.yaml": "format: velsen-desk-data/1\n\nmunicipalities:\n  - id: heemskerk\n    name: Heemskerk\n",
    "e-not-text.yaml": "format: velsen-desk-data/1\n\x00\n",
    "f-list.yaml": "- 1\n- 2\n",
}


def test_a_valid_set_gives_the_same_records_and_lines(tmp_path: Path, helpers_everywhere: list[int]) -> None:
    folder = _data(tmp_path, {"b-anchor.yaml": _ANCHORED})
    serial = load_dataset([folder], helpers=0)
    assert helpers_everywhere == []
    parallel = load_dataset([folder], helpers=1)
    assert helpers_everywhere  # a helper parsed some of the files
    assert len(helpers_everywhere) < 6  # and this process the others
    assert list(parallel.collections) == list(serial.collections)
    for name, records in serial.collections.items():
        _same(parallel.collections[name], records, name)
    assert parallel.origin == serial.origin
    assert list(parallel.origin) == list(serial.origin)  # the same order: files in order
    assert parallel.version() == serial.version() == DataSet(collections=serial.collections).version()


def test_a_set_with_problems_gives_the_same_problems(tmp_path: Path, helpers_everywhere: list[int]) -> None:
    folder = _data(tmp_path, _PROBLEMS)
    with pytest.raises(DataError) as serial:
        load_dataset([folder], helpers=0)
    with pytest.raises(DataError) as parallel:
        load_dataset([folder], helpers=1)
    assert helpers_everywhere  # the valid files came back from the helper
    expected: list[Problem] = serial.value.problems
    assert parallel.value.problems == expected
    assert {p.file.name for p in expected} >= {"a-schema.yaml", "c-broken.yaml", "z-duplicate.yaml",
                                                "e-not-text.yaml", "f-list.yaml"}
    assert any(p.line is not None and p.field.startswith("municipalities[0]") for p in expected
               if p.file.name == "a-schema.yaml")


def test_small_sets_and_single_cores_parse_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a helper process was started")

    monkeypatch.setattr(parallel_parse, "ProcessPoolExecutor", no_pool)
    files = sorted(bundled_data_dir().glob("*.yaml"))
    assert sum(path.stat().st_size for path in files) < parallel_parse.MIN_PARALLEL_BYTES
    assert all(model is not None for model, _line, _problems in parallel_parse.parse_files(files, helpers=3))
    monkeypatch.setattr(parallel_parse, "MIN_PARALLEL_BYTES", 0)
    assert len(parallel_parse.parse_files(files, helpers=0)) == len(files)


def test_helpers_leave_one_core_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel_parse.os, "sched_getaffinity", lambda _pid: {0}, raising=False)
    assert parallel_parse.helpers_available() == 0
    monkeypatch.setattr(parallel_parse.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert parallel_parse.helpers_available() == 1
    monkeypatch.setattr(parallel_parse.os, "sched_getaffinity", lambda _pid: set(range(64)), raising=False)
    assert parallel_parse.helpers_available() == 3
    monkeypatch.setattr(parallel_parse.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert parallel_parse.helpers_available() == 0  # Windows: no fork, so no helpers


def test_trouble_with_the_helpers_never_fails_the_parse(tmp_path: Path, helpers_everywhere: list[int],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _data(tmp_path, {})
    serial = load_dataset([folder], helpers=0)

    class NoFork:
        def __init__(self, *_args: object, **_kwargs: object) -> None:
            raise OSError(11, "Resource temporarily unavailable")  # EAGAIN: a process limit

    monkeypatch.setattr(parallel_parse, "ProcessPoolExecutor", NoFork)
    assert load_dataset([folder], helpers=1).origin == serial.origin
    monkeypatch.undo()
    monkeypatch.setattr(parallel_parse, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(parallel_parse, "_parse_chunk", _killed)  # a helper dies (the OOM killer)
    assert load_dataset([folder], helpers=1).origin == serial.origin


def _killed(_paths: list[Path]) -> list[Any]:
    import os

    os._exit(9)
