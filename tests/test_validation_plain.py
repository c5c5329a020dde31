"""pydantic validates plain dicts and lists (issue 17: reading ruamel's CommentedMap through its
Python methods cost ~1.5 s at 100x), while problems keep the parsed tree's lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation import loader


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    inputs: list[object] = []
    real = loader.DataFile.model_validate

    def spy(value: object) -> object:
        inputs.append(value)
        return real(value)

    monkeypatch.setattr(loader.DataFile, "model_validate", spy)
    return inputs


def _containers(value: object) -> set[type]:
    found = {type(value)}
    if isinstance(value, dict):
        for item in value.values():
            found |= _containers(item)
    elif isinstance(value, list):
        for item in value:
            found |= _containers(item)
    return found


def test_the_schema_sees_plain_containers(seen):
    path = sorted(bundled_data_dir().glob("*.yaml"))[0]
    model, tree, problems = loader.parse_file(path)
    assert model is not None and not problems
    (value,) = seen
    assert type(value) is dict and value == tree
    assert not {kind for kind in _containers(value) if kind.__module__.startswith("ruamel")}


def test_a_problem_keeps_its_line(tmp_path: Path, seen):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: velsen-desk-data/1\n# uitleg\nthemes:\n\n  - {id: t, number: nul}\n", encoding="utf-8")
    _model, _tree, problems = loader.parse_file(bad)
    assert (5, "themes[0].number") in [(p.line, p.field) for p in problems]


def test_a_merge_key_is_validated_as_parsed(tmp_path: Path, seen):
    merged = tmp_path / "merged.yaml"
    merged.write_text("format: velsen-desk-data/1\nbasis: &b {dataset: x}\n<<: *b\n", encoding="utf-8")
    _model, _tree, problems = loader.parse_file(merged)
    assert problems  # 'basis' is no field; the merged 'dataset' is read through ruamel, not lost
    assert all(p.field != "dataset" for p in problems)
