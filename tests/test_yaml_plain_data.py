"""Loading a data set builds plain containers straight from libyaml's events, with only the
records' lines (yaml_fast.parse_plain_data): the same values, of the same types, as the
round-trip tree made plain, the same record lines, and every other file still goes the old way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation import loader, yaml_fast
from velsen_desk.curation.loader import _line_of, _plain, load_dataset, parse_records
from velsen_desk.curation.yaml_fast import NotPlain, parse_plain, parse_plain_data
from velsen_desk.curation.yaml_text import MAX_DEPTH, MAX_NODES, RefusedYamlError

HEADER = "format: velsen-desk-data/1\n"


def _typed(value: Any) -> Any:
    if isinstance(value, dict):
        return [(key, _typed(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [_typed(item) for item in value]
    return type(value), value


def _both(text: str) -> tuple[Any, Any]:
    return (parse_plain(text, MAX_DEPTH, MAX_NODES, RefusedYamlError),
            parse_plain_data(text, MAX_DEPTH, MAX_NODES, RefusedYamlError))


@pytest.mark.parametrize("path", sorted(bundled_data_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_the_bundled_files_give_the_same_values_and_record_lines(path: Path):
    tree, (data, lines) = _both(path.read_text(encoding="utf-8"))
    assert _typed(data) == _typed(_plain(tree))
    for name, value in data.items():
        if isinstance(value, list):
            assert lines[name] == [_line_of(tree, (name, index)) for index in range(len(value))]


def test_every_kind_of_scalar_is_the_same_also_when_it_recurs():
    body = ("a: [1, 0x1f, 1_000, 1.5, .inf, true, True, null, ~, 2024-02-29, 2024-02-29 10:00:00, "
            "'010', n.v.t., nul, Totaal, -3, +4, 0o17]\n")
    text = HEADER + body + body.replace("a:", "b:")
    tree, (data, _lines) = _both(text)
    assert _typed(data) == _typed(_plain(tree))
    assert _typed(data["a"]) == _typed(data["b"])
    again, _ = parse_plain_data(text, MAX_DEPTH, MAX_NODES, RefusedYamlError)  # now from the remembered values
    assert _typed(again) == _typed(data)


@pytest.mark.parametrize("text", ["a: true\ntrue: 1\n", "a: 2024-02-30\n", "a: 1\na: 2\n", "a: &x 1\nb: *x\n",
                                  "<<: {a: 1}\n", "? [a]\n: 1\n"])
def test_what_the_round_trip_loader_must_judge_is_still_sent_there(text):
    # twice: a value remembered from the first reading changes nothing
    for _ in range(2):
        with pytest.raises(NotPlain):
            parse_plain_data(HEADER + text, MAX_DEPTH, MAX_NODES, RefusedYamlError)


def test_the_limits_are_the_same(tmp_path):
    deep = HEADER + "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n"
    with pytest.raises(RefusedYamlError):
        parse_plain_data(deep, MAX_DEPTH, MAX_NODES, RefusedYamlError)
    with pytest.raises(RefusedYamlError):
        parse_plain_data(HEADER + "a: [1, 2, 3]\n", MAX_DEPTH, 3, RefusedYamlError)


def test_a_file_with_a_problem_is_placed_by_the_round_trip_tree(tmp_path, monkeypatch):
    bad = tmp_path / "bad.yaml"
    bad.write_text(HEADER + "# uitleg\nthemes:\n\n  - {id: t, number: nul}\n", encoding="utf-8")
    model, _line, problems = parse_records(bad)
    assert model is None
    assert (5, "themes[0].number") in [(p.line, p.field) for p in problems]


def test_loading_uses_the_plain_path_and_keeps_each_records_line(monkeypatch):
    rounds: list[str] = []
    original = loader._parse_text

    def counted(path, text):  # type: ignore[no-untyped-def]
        rounds.append(path.name)
        return original(path, text)

    monkeypatch.setattr(loader, "_parse_text", counted)
    dataset = load_dataset([bundled_data_dir()])
    assert rounds == []  # every bundled file is plain and valid
    for record_id, (path, line, where) in list(dataset.origin.items())[:400]:
        tree = parse_plain(path.read_text(encoding="utf-8"), MAX_DEPTH, MAX_NODES, RefusedYamlError)
        name, index = where.rstrip("]").split("[")
        assert line == _line_of(tree, (name, int(index))), record_id


def test_the_remembered_scalars_are_bounded(monkeypatch):
    monkeypatch.setattr(yaml_fast, "_PLAIN_SCALARS", {})
    monkeypatch.setattr(yaml_fast, "_PLAIN_SCALARS_MAX", 5)
    text = HEADER + "a: [" + ", ".join(str(n) for n in range(50)) + "]\n"
    data, _ = parse_plain_data(text, MAX_DEPTH, MAX_NODES, RefusedYamlError)
    assert data["a"] == list(range(50))
    assert len(yaml_fast._PLAIN_SCALARS) <= 5
