"""libyaml reads the plain files (curation/yaml_fast.py); the tree, its line numbers and every
refusal stay those of the round-trip loader. The loader's size limits fit 100× the bundled data."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.data_files import MAX_FILES, size_problems
from velsen_desk.curation.file_text import MAX_TOTAL_BYTES
from velsen_desk.curation.loader import data_files, parse_file
from velsen_desk.curation.yaml_fast import NotPlain, parse_plain
from velsen_desk.curation.yaml_text import (
    MAX_DEPTH,
    MAX_NODES,
    RefusedYamlError,
    _GuardedComposer,
    _GuardedConstructor,
    parse_yaml,
)

HEADER = "format: velsen-desk-data/1\n"


def _round_trip(text: str) -> Any:
    yaml = YAML(typ="rt", pure=True)
    yaml.Composer = _GuardedComposer
    yaml.Constructor = _GuardedConstructor
    return yaml.load(text)


def _fast(text: str) -> Any:
    return parse_plain(text, MAX_DEPTH, MAX_NODES, RefusedYamlError)


def _assert_same(fast: Any, slow: Any) -> None:
    assert type(fast) is type(slow)
    assert fast == slow
    if hasattr(slow, "lc"):
        assert (fast.lc.line, fast.lc.col, fast.lc.data) == (slow.lc.line, slow.lc.col, slow.lc.data)
        for key in slow if isinstance(slow, dict) else range(len(slow)):
            _assert_same(fast[key], slow[key])


def test_bundled_files_take_the_fast_path_and_give_the_round_trip_tree():
    for path in data_files([bundled_data_dir()]):
        text = path.read_text(encoding="utf-8")
        _assert_same(_fast(text), _round_trip(text))


def test_every_kind_of_value_and_layout_gives_the_round_trip_tree():
    text = HEADER + (
        "a: 1\nb: -2.5\nc: true\nd: ~\ne: 2024-02-29\nf: '010'\ng: 010\nh: yes\ni: 0x1F\n"
        "j: |\n  regel 1\n  regel 2\nk: >\n  gevouwen\n  tekst\n"
        "l: {doc: d, quote: Hoe zorgen we voor de wijkkrant?}\n"
        "m: [1, twee, 'drie', \"vier\\n\"]\n"
        "n:\n  - id: x\n    list: []\n    map: {}\n  - plain text: with # no comment\n"
        "o: 'it''s'  # a comment\n"
        "p: \"€ 25.000\"\nq: n.v.t.\nr: 1_000\n"
    )
    _assert_same(_fast(text), _round_trip(text))


@pytest.mark.parametrize("text", [
    HEADER + "a: &x 1\nb: *x\n",  # alias
    HEADER + "a: !!binary aGFsbG8=\n",  # tag
    "%YAML 1.1\n---\na: yes\n",  # directive
    HEADER + "a: 1\na: 2\n",  # duplicate key
    HEADER + "<<: {a: 1}\n",  # merge key
    HEADER + "1: een\n",  # a number as key
    HEADER + "? [a]\n: b\n",  # a list as key
    "- a\n- b\n",  # not a mapping
    "a: 1\n---\nb: 2\n",  # two documents
    HEADER + "a: [1, 2\n",  # broken
    HEADER + "a: 2024-02-30\n",  # a date that does not exist
    HEADER + "a: x\x07y\n",  # a control character
])
def test_anything_not_plain_goes_to_the_round_trip_loader(text):
    with pytest.raises(NotPlain):
        _fast(text)


def test_error_line_numbers_survive_the_fast_parser(tmp_path):
    file = tmp_path / "x.yaml"
    file.write_text(HEADER + "people:\n  - id: a\n    name: A\n    name: B\n", encoding="utf-8")
    _, problems = parse_yaml(file, file.read_text(encoding="utf-8"))
    assert [(p.line, p.message) for p in problems] == [
        (5, "geen geldige YAML: sleutel 'name' komt twee keer voor in dezelfde mapping")]

    file.write_text(HEADER + "people:\n  - id: a\n    name: [unclosed\n", encoding="utf-8")
    _, problems = parse_yaml(file, file.read_text(encoding="utf-8"))
    assert [(p.line, p.message) for p in problems] == [(5, "geen geldige YAML: lijst '[ … ]' is niet goed gesloten")]

    file.write_text(HEADER + "people:\n  - id: a\n    nam: A\n", encoding="utf-8")
    _, _, problems = parse_file(file)
    assert ("people[0].nam", 4) in {(p.field, p.line) for p in problems}


def test_limits_are_refused_on_the_fast_path_with_their_line():
    deep = HEADER + "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    with pytest.raises(RefusedYamlError) as refused:
        _fast(deep)
    assert refused.value.line == 2 and "te diep genest" in refused.value.message

    many = HEADER + "a: [\n" + "x,\n" * (MAX_NODES + 10) + "]\n"
    with pytest.raises(RefusedYamlError) as refused:
        _fast(many)
    assert "te veel waarden" in refused.value.message
    # counted as the round-trip composer counts: the mapping, 'format', its value, 'a', the list, then
    # one value per line from line 3
    assert refused.value.line == 3 + (MAX_NODES + 1 - 6)


def _sized(folder: Path, count: int, size: int) -> list[Path]:
    folder.mkdir()
    files = []
    for index in range(count):
        path = folder / f"f{index:04d}.yaml"
        with open(path, "wb") as handle:
            handle.truncate(size)  # sparse: only the size counts for the limits
        files.append(path)
    return files


def test_limits_accept_a_data_set_of_100_times_the_bundled_size(tmp_path):
    # 100× (bench/synthetic.py): 504 files, 19 MB, the largest 1.6 MB
    files = _sized(tmp_path / "set", 503, 35_000) + _sized(tmp_path / "big", 1, 1_700_000)
    assert size_problems(files) == []
    assert MAX_FILES >= 3 * 504
    assert MAX_NODES >= 2 * 88_673  # the values of a 400-action file at 100×


def test_limits_still_refuse_a_hostile_share(tmp_path):
    files = _sized(tmp_path / "many", MAX_FILES + 1, 10)
    problems = size_problems(files)
    assert problems and "te veel gegevensbestanden" in problems[0].message

    files = _sized(tmp_path / "large", 20, MAX_TOTAL_BYTES // 16)
    problems = size_problems(files)
    assert problems and "samen te groot" in problems[0].message
    assert os.path.getsize(files[0]) == MAX_TOTAL_BYTES // 16
