"""Rule: a value the storage, the terminal or the reports cannot take is refused by the schema
with a Dutch message naming file, line and field, never a crash in build-db (exit 3).

Found by attacking the files: a 24-digit action number crashed build-db (SQLite INTEGER
overflow); escapes such as "\\0", "\\e[31m" or "\\u202e" in a quoted string put NUL bytes,
terminal escape sequences and right-to-left overrides into the data (and into the CLI's output);
"\\ud800" (a lone surrogate) ended in "ongeldige waarde".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from velsen_desk.cli.exit_codes import EXIT_DATA_ERROR
from velsen_desk.cli.main import main
from velsen_desk.curation.loader import parse_file

HEADER = "format: velsen-desk-data/1\n"
FORBIDDEN = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
                               *range(0x202A, 0x202F), *range(0x2066, 0x206A))]


def _person(name_yaml: str) -> str:
    return HEADER + f"people:\n  - id: a\n    name: {name_yaml}\n    source: {{doc: d, quote: q}}\n"


def _problems(tmp_path: Path, text: str) -> list:
    file = tmp_path / "data.yaml"
    file.write_text(text, encoding="utf-8")
    model, _, problems = parse_file(file)
    assert model is None
    return problems


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E, exclude_characters='"\\'), max_size=20),
       bad=st.sampled_from(FORBIDDEN))
def test_control_and_bidi_characters_are_refused_with_their_code(tmp_path, before, bad):
    # json.dumps writes the character as a YAML double-quoted escape ("\u001b"), as an attacker would
    problems = _problems(tmp_path, _person(json.dumps("Naam " + before + bad + " einde")))
    assert [(p.line, p.field) for p in problems] == [(4, "people[0].name")]
    assert problems[0].message == (f"verboden teken U+{ord(bad):04X} (stuur- of richtingsteken) "
                                   f"op positie {len('Naam ' + before) + 1}")


@pytest.mark.parametrize(("value", "message"), [
    ('"\\ud800"', "tekst bevat een ongeldig Unicode-teken"),
    ('"   "', "mag niet leeg zijn (alleen spaties)"),
])
def test_surrogates_and_blank_text(tmp_path, value, message):
    problems = _problems(tmp_path, _person(value))
    assert problems[0].field == "people[0].name" and problems[0].message.startswith(message)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=st.integers(min_value=100_001, max_value=10**40) | st.integers(max_value=-100_001, min_value=-(10**40)),
       field=st.sampled_from(["number", "order"]))
def test_numbers_beyond_sqlite_are_refused(tmp_path, number, field):
    collection, record = {
        "number": ("chapters", "{id: c, document: d, title: t, source: {doc: d, quote: q}, number: %d}"),
        "order": ("focus_points", "{id: f, chapter: c, text: x, source: {doc: d, quote: q}, order: %d}"),
    }[field]
    problems = _problems(tmp_path, HEADER + f"{collection}:\n  - {record % number}\n")
    assert [p.field for p in problems] == [f"{collection}[0].{field}"]
    assert problems[0].message in ("moet hoogstens 100000 zijn", "moet minstens -100000 zijn")


@pytest.mark.parametrize("amount", ["99999999999999999999999999", ".inf", ".nan", "-5"])
def test_amounts_beyond_storage_are_refused(tmp_path, amount):
    text = HEADER + ("actions:\n  - {id: a, plan: p, number: 1, title: t, source: {doc: d, quote: q},\n"
                     f"     cost: {{status: amount, amount: {amount}, text: x}}}}\n")
    problems = _problems(tmp_path, text)
    assert [p.field for p in problems] == ["actions[0].cost.amount"]
    assert problems[0].message != "ongeldige waarde"


def test_build_db_refuses_a_huge_number_instead_of_crashing(tmp_path, capsys):
    from velsen_desk.core.paths import bundled_data_dir

    data = tmp_path / "data"
    data.mkdir()
    for path in bundled_data_dir().glob("*.yaml"):
        (data / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    plan = data / "velsen-actieplan-noord-2023.yaml"
    text = plan.read_text(encoding="utf-8").replace("    number: 1\n", "    number: 10000000000000000000000\n", 1)
    plan.write_text(text, encoding="utf-8")
    status = main(["build-db", "-o", str(tmp_path / "x.sqlite"), str(data)])
    err = capsys.readouterr().err
    assert status == EXIT_DATA_ERROR, err
    assert "moet hoogstens 100000 zijn" in err and "onverwachts" not in err


def test_terminal_escapes_in_file_names_and_keys_are_printed_visibly(tmp_path, capsys):
    file = tmp_path / "a\x1b[2J.yaml"
    file.write_text(HEADER + '"\\e[31m": 1\n"\\e[31m": 2\n', encoding="utf-8")
    assert main(["validate", str(file)]) == EXIT_DATA_ERROR
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "a\\x1b[2J.yaml:3: geen geldige YAML: sleutel '\\x1b[31m' komt twee keer voor" in err
