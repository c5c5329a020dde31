"""The validator: the bundled data passes; broken files fail with file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset, parse_file
from velsen_desk.curation.problems import DataError

DATA = bundled_data_dir()


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _problems(paths: list[Path]) -> list:
    with pytest.raises(DataError) as info:
        load_dataset(paths)
    return info.value.problems


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_bundled_data_is_valid_and_complete():
    dataset = load_dataset([DATA])
    assert len(dataset.themes) == 16
    assert len(dataset.aandachtsvelden) == 5
    velsen_actions = [a for a in dataset.actions if a.plan == "velsen-2022.avn"]
    assert sorted(a.number for a in velsen_actions) == list(range(1, 21))
    sgivn = [line for line in dataset.budget_lines if line.budget == "velsen-2022.budget.sgivn"]
    assert len(sgivn) == 14
    assert {m.programme for m in dataset.memberships} >= {"velsen-2022", "heemskerk-2018"}


def test_every_record_cites_a_source():
    dataset = load_dataset([DATA])
    for name, records in dataset.collections.items():
        for record in records:
            if hasattr(record, "source") and name != "municipalities":
                assert record.source is not None, record.id


def test_missing_field_names_file_line_and_field(tmp_path):
    data = _copy_data(tmp_path)
    plan = data / "velsen-actieplan-noord-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("    trekker: Elfi\n    title: Nieuwbouw\n", "    trekker: Elfi\n"), encoding="utf-8")
    problems = _problems([data])
    assert len(problems) == 1
    problem = problems[0]
    assert problem.file == plan
    assert problem.field == "actions[2].title"
    assert problem.message == "verplicht veld ontbreekt"
    assert problem.line == _line_of(plan, "id: velsen-2022.avn.a03")


def test_unknown_person_in_regie(tmp_path):
    data = _copy_data(tmp_path)
    file = data / "velsen-2022.yaml"
    text = file.read_text(encoding="utf-8")
    wrong = text.replace("name: Mobiliteit, regie: bram-diepstraten", "name: Mobiliteit, regie: bram-diepstraat")
    file.write_text(wrong,
                    encoding="utf-8")
    problems = _problems([data])
    assert [p.message for p in problems] == ["onbekende persoon 'bram-diepstraat'"]
    assert problems[0].field == "themes[10].regie"
    assert problems[0].line == _line_of(file, "id: velsen-2022.thema-11")


def test_wrong_subtotal_is_reported_with_both_figures(tmp_path):
    data = _copy_data(tmp_path)
    plan = data / "velsen-actieplan-noord-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("amount: 40000, text: \"€40.000\"}\n    explanation: De route",
                                 "amount: 45000, text: \"€40.000\"}\n    explanation: De route"), encoding="utf-8")
    messages = [str(p) for p in _problems([data])]
    assert any("subtotaal in het document is € 326.000, maar de som van de regels is € 331.000" in m for m in messages)
    assert any("totaal in het document is € 691.000, maar de som van de regels is € 696.000" in m for m in messages)


def test_bad_yaml_gives_line(tmp_path):
    data = _copy_data(tmp_path)
    file = data / "velsen-2022.yaml"
    lines = file.read_text(encoding="utf-8").splitlines()
    lines[40] = lines[40] + " : : ["
    file.write_text("\n".join(lines), encoding="utf-8")
    problems = [p for p in _problems([data]) if p.file == file]
    assert problems and problems[0].message.startswith("geen geldige YAML")
    assert problems[0].line is not None and 40 <= problems[0].line <= 43


def test_duplicate_action_number(tmp_path):
    data = _copy_data(tmp_path)
    plan = data / "velsen-actieplan-noord-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    wrong = text.replace("    number: 7\n    trekker: Gemeente Velsen", "    number: 6\n    trekker: Gemeente Velsen")
    plan.write_text(wrong,
                    encoding="utf-8")
    messages = [p.message for p in _problems([data])]
    assert "actienummer 6 komt twee keer voor (ook bij 'velsen-2022.avn.a06')" in messages


def test_invented_quote_is_caught(tmp_path):
    data = _copy_data(tmp_path)
    file = data / "velsen-2022.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace('quote: "• Schiphol"', 'quote: "• Schiphol en Lelystad"'), encoding="utf-8")
    problems = _problems([data])
    assert [(p.field, p.message) for p in problems] == [
        ("portfolio_items[28].source.quote", "citaat komt niet voor in de brontekst")
    ]


def test_amount_text_must_be_printed_in_source(tmp_path):
    data = _copy_data(tmp_path)
    plan = data / "velsen-actieplan-noord-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('amount: 1000, text: "€1.000"', 'amount: 1000, text: "€1.001"'), encoding="utf-8")
    messages = [p.message for p in _problems([data])]
    assert "bedragtekst '€1.001' komt niet voor in de brontekst" in messages


def test_cost_status_and_amount_must_agree(tmp_path):
    file = tmp_path / "x.yaml"
    file.write_text(
        "format: velsen-desk-data/1\n"
        "budget_lines:\n"
        "  - {id: x.1, budget: b, title: T, cost: {status: nvt, amount: 0, text: N.v.t.},\n"
        "     source: {doc: d, quote: q}}\n",
        encoding="utf-8",
    )
    problems = _problems([file])
    assert problems[0].message == "status 'nvt' mag geen bedrag hebben"
    assert problems[0].line == 3


def test_typo_in_field_name_is_an_error(tmp_path):
    file = tmp_path / "x.yaml"
    file.write_text("format: velsen-desk-data/1\npeople:\n  - {id: a, naam: A, source: {doc: d, quote: q}}\n",
                    encoding="utf-8")
    messages = {(p.field, p.message) for p in _problems([file])}
    assert ("people[0].naam", "onbekend veld (tikfout in de veldnaam?)") in messages
    assert ("people[0].name", "verplicht veld ontbreekt") in messages


def test_not_a_mapping_and_missing_file(tmp_path):
    file = tmp_path / "list.yaml"
    file.write_text("- a\n- b\n", encoding="utf-8")
    assert [p.message for p in _problems([file])] == ["het bestand moet een YAML-mapping zijn (sleutel: waarde)"]
    assert [p.message for p in _problems([tmp_path / "nope.yaml"])] == ["bestand bestaat niet"]


yaml_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.text(max_size=400))
def test_garbage_text_never_crashes(tmp_path, raw):
    file = tmp_path / "garbage.yaml"
    file.write_text(raw, encoding="utf-8")
    model, _, problems = parse_file(file)
    assert model is None or not problems
    if model is None:
        assert problems and all(p.message for p in problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(collection=st.sampled_from(["themes", "actions", "budget_lines", "people", "chapters"]), records=yaml_like)
def test_garbage_structures_end_in_validation_errors(tmp_path, collection, records):
    from ruamel.yaml import YAML

    file = tmp_path / "structured.yaml"
    with file.open("w", encoding="utf-8") as handle:
        YAML(typ="safe", pure=True).dump({"format": "velsen-desk-data/1", collection: records}, handle)
    try:
        load_dataset([file])
    except DataError as exc:
        assert all(p.message for p in exc.problems)
