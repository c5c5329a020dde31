"""Rule: `validate` and `build-db` finish any input within seconds and a few hundred MB, or refuse
it with a Dutch message naming the file (and line).

The bombs run in a child process under RLIMIT_AS and a timeout, so a regression fails the test
instead of taking the test run (or the machine) down with it.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from velsen_desk.curation.file_text import MAX_FILE_BYTES, MAX_TOTAL_BYTES
from velsen_desk.curation.loader import parse_file
from velsen_desk.curation.yaml_text import MAX_NODES

MEMORY_LIMIT = 400 * 1024 * 1024  # address space, not resident memory: the interpreter alone takes ~150 MB
TIME_LIMIT = 30.0  # generous for a loaded 2-core machine; the worst case measured ~5 s
HEADER = "format: velsen-desk-data/1\n"


def _limit_child() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a child process with bounded memory and time."""
    return subprocess.run(
        [sys.executable, "-m", "velsen_desk.cli.main", *args],
        capture_output=True, text=True, timeout=TIME_LIMIT, preexec_fn=_limit_child, check=False,
    )


def _nested_lists(levels: int, width: int) -> str:
    lines = [HEADER, "a0: &a0 [" + ", ".join(["x"] * width) + "]\n"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]\n")
    return "".join(lines)


def _merge_keys(levels: int, width: int) -> str:
    lines = [HEADER, "m0: &m0 {k: v}\n"]
    for level in range(1, levels):
        merged = ", ".join([f"*m{level - 1}"] * width)
        lines.append(f"m{level}: &m{level} {{<<: [{merged}], k{level}: v}}\n")
    return "".join(lines)


def _records_times_targets(width: int) -> str:
    """16 KB that validation expanded to width*width records: >60 s and >2 GB before the fix."""
    return "".join([
        HEADER,
        "t: &t {text: x, extra: 1}\n",
        "tl: &tl [" + ", ".join(["*t"] * width) + "]\n",
        "f: &f {id: f, chapter: c, order: 1, text: x, targets: *tl, source: {doc: d, quote: q}}\n",
        "focus_points: [" + ", ".join(["*f"] * width) + "]\n",
    ])


def _long_string_reused(copies: int) -> str:
    text = "x" * 19_000
    rows = [f"  - {{id: p0, name: &n {text}, source: {{doc: d, quote: *n}}}}\n"]
    rows += [f"  - {{id: p{i}, name: *n, source: {{doc: d, quote: *n}}}}\n" for i in range(1, copies)]
    return HEADER + "people:\n" + "".join(rows)


BOMBS = {
    "nested-lists": _nested_lists(12, 9),
    "merge-keys": _merge_keys(9, 9),
    "records-times-targets": _records_times_targets(2000),
    "long-string-reused": _long_string_reused(4000),
}


@pytest.mark.parametrize("name", sorted(BOMBS))
@pytest.mark.parametrize("command", ["validate", "build-db"])
def test_alias_bombs_are_refused_quickly_in_bounded_memory(tmp_path, name, command):
    file = tmp_path / f"{name}.yaml"
    file.write_text(BOMBS[name], encoding="utf-8")
    args = [command, str(file)] if command == "validate" else [command, "-o", str(tmp_path / "x.sqlite"), str(file)]
    result = run_limited(*args)
    assert result.returncode == 1, result.stderr[-2000:]
    assert f"{file}:3: verwijzing" in result.stderr
    assert "(YAML-alias) is niet toegestaan" in result.stderr
    assert "onverwachts" not in result.stderr
    assert not (tmp_path / "x.sqlite").exists()


def _many_values(count: int) -> str:
    return HEADER + "dataset: [" + ",".join(["a"] * count) + "]\n"


def test_too_many_values_is_refused_within_the_limits(tmp_path):
    # 500,000 one-letter values in 1 MB took 44 s to parse before the value limit.
    file = tmp_path / "many.yaml"
    file.write_text(_many_values(MAX_FILE_BYTES // 2 - 100), encoding="utf-8")
    result = run_limited("validate", str(file))
    assert result.returncode == 1, result.stderr[-2000:]
    limit = f"{MAX_NODES:,}".replace(",", ".")
    assert f"{file}:2: te veel waarden in één bestand (meer dan {limit})" in result.stderr


def test_file_and_data_set_size_limits(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text(HEADER + "dataset: " + "x" * MAX_FILE_BYTES + "\n", encoding="utf-8")
    result = run_limited("validate", str(big))
    assert result.returncode == 1
    assert f"{big}: bestand is te groot voor een gegevensbestand" in result.stderr

    folder = tmp_path / "many"
    folder.mkdir()
    share = MAX_FILE_BYTES - 1024
    for index in range(MAX_TOTAL_BYTES // share + 1):
        (folder / f"f{index}.yaml").write_text(HEADER + "# " + "c" * (share - 40) + "\n", encoding="utf-8")
    result = run_limited("validate", str(folder))
    assert result.returncode == 1
    assert "de gegevensbestanden zijn samen te groot" in result.stderr


def test_values_just_under_the_limit_still_parse(tmp_path):
    file = tmp_path / "ok.yaml"
    file.write_text(HEADER + "dataset: x\n# " + "c" * 1000 + "\n", encoding="utf-8")
    model, _, problems = parse_file(file)
    assert problems == [] and model is not None
    assert MAX_NODES >= 20 * 2286  # 20x the largest bundled file's values


scalars = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=8) | st.integers()
trees = st.recursive(scalars, lambda c: st.lists(c, min_size=1, max_size=3)
                     | st.dictionaries(st.text("abcxyz", min_size=1, max_size=4), c, min_size=1, max_size=3),
                     max_leaves=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shared=st.lists(scalars, min_size=1, max_size=3) | st.dictionaries(st.just("k"), trees, min_size=1),
       repeats=st.integers(min_value=2, max_value=5), place=st.sampled_from(["people", "dataset", "themes"]))
def test_any_reused_structure_is_refused_before_it_is_built(tmp_path, shared, repeats, place):
    """The dumper writes a structure used twice as an anchor and aliases: always refused, with its line."""
    file = tmp_path / "shared.yaml"
    with file.open("w", encoding="utf-8") as handle:
        YAML(typ="rt", pure=True).dump({"format": "velsen-desk-data/1", place: [shared] * repeats}, handle)
    text = file.read_text(encoding="utf-8")
    assert "*id" in text  # the test really contains an alias
    model, tree, problems = parse_file(file)
    assert model is None and tree is None
    assert len(problems) == 1 and "(YAML-alias) is niet toegestaan" in problems[0].message
    first_alias_line = next(n for n, line in enumerate(text.splitlines(), 1) if "*id" in line)
    assert problems[0].line == first_alias_line


def test_bundled_data_uses_no_anchors_or_aliases():
    """Refusing aliases (instead of capping them) is only right while the real data needs none."""
    from ruamel.yaml.events import AliasEvent

    from velsen_desk.core.paths import bundled_data_dir

    for path in Path(bundled_data_dir()).glob("*.yaml"):
        events = YAML(typ="rt", pure=True).parse(path.read_text(encoding="utf-8"))
        assert not any(isinstance(e, AliasEvent) or getattr(e, "anchor", None) for e in events), path
