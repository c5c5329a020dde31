"""Progress data files: validated like the rest, with file, line and field in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest
from progress_fixtures import PROGRESS_YAML, write_progress

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.core.progress import ProgressStatus
from velsen_desk.curation.loader import load_dataset
from velsen_desk.curation.problems import DataError, Problem

DATA = bundled_data_dir()


def _problems(tmp_path: Path, text: str) -> list[Problem]:
    path = write_progress(tmp_path / "extra", text)
    with pytest.raises(DataError) as info:
        load_dataset([DATA, path])
    return info.value.problems


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_bundled_data_has_no_progress():
    dataset = load_dataset([DATA])
    assert dataset.progress_reports == []
    assert dataset.progress_entries == []
    assert dataset.measurements == []
    assert dataset.evaluations == []


def test_synthetic_progress_loads_and_keeps_every_report(tmp_path):
    dataset = load_dataset([DATA, write_progress(tmp_path / "extra")])
    assert [r.id for r in dataset.progress_reports] == ["synth.vr.2025-01", "synth.vr.2025-07"]
    a11 = [e for e in dataset.progress_entries if e.action == "velsen-2022.avn.a11"]
    assert [e.status for e in a11] == [ProgressStatus.ORANJE, ProgressStatus.GROEN]


def test_progress_does_not_change_the_data_version_of_data_without_it():
    # The version hashes records only: new empty collections leave old versions as they were.
    assert load_dataset([DATA]).version() == load_dataset([DATA]).version()


def test_oranje_without_explanation_names_file_line_and_field(tmp_path):
    text = PROGRESS_YAML.replace("    explanation: Synthetische toelichting zeldzaamwoord vertraging\n", "")
    problems = _problems(tmp_path, text)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.file.name == "voortgang-synthetisch.yaml"
    assert problem.field.startswith("progress_entries[0]")
    assert problem.line == _line_of(text, "id: synth.e1.a11")
    assert "'oranje' vraagt een toelichting" in problem.message


def test_realised_spend_is_required_never_silently_zero(tmp_path):
    text = PROGRESS_YAML.replace('    spent: {status: amount, amount: 25000, text: "€ 25.000"}\n', "")
    problems = _problems(tmp_path, text)
    assert [p.field for p in problems] == ["progress_entries[1].spent"]


def test_unknown_status_is_refused(tmp_path):
    problems = _problems(tmp_path, PROGRESS_YAML.replace("status: groen\n    spent: {status: amount, amount: 25000",
                                                         "status: blauw\n    spent: {status: amount, amount: 25000"))
    assert [p.field for p in problems] == ["progress_entries[1].status"]


def test_report_needs_exactly_one_source(tmp_path):
    text = PROGRESS_YAML.replace(
        "    stated_by: opgave van Synthetische Partij\n  - id: synth.vr.2025-07",
        "  - id: synth.vr.2025-07", 1)
    problems = _problems(tmp_path, text)
    assert [p.field for p in problems] == ["progress_reports[0]"]
    assert "precies één van de twee" in problems[0].message


def test_unknown_action_and_action_of_another_plan(tmp_path):
    text = PROGRESS_YAML.replace("action: velsen-2022.avn.a07", "action: velsen-2022.avn.a99")
    problems = _problems(tmp_path, text)
    assert [(p.field, p.message) for p in problems] == [
        ("progress_entries[2].action", "onbekende actie 'velsen-2022.avn.a99'")]
    assert problems[0].line == _line_of(text, "id: synth.e2.a07")


def test_two_reports_on_one_peildatum_are_refused(tmp_path):
    text = PROGRESS_YAML.replace("date: 2025-07-01", "date: 2025-01-01")
    problems = _problems(tmp_path, text)
    assert [p.field for p in problems] == ["progress_reports[1].date"]
    assert "peildatum 1 januari 2025" in problems[0].message


def test_one_entry_per_action_per_report(tmp_path):
    text = PROGRESS_YAML.replace("action: velsen-2022.avn.a16", "action: velsen-2022.avn.a07")
    problems = _problems(tmp_path, text)
    assert [p.field for p in problems] == ["progress_entries[3].action"]
    assert "twee keer" in problems[0].message


def test_measurement_of_a_target_that_does_not_exist(tmp_path):
    text = PROGRESS_YAML.replace("    value: 7.5\n", "    target: 3\n    value: 7.5\n")
    problems = _problems(tmp_path, text)
    assert [p.field for p in problems] == ["measurements[0].target"]


def test_measurement_needs_a_date_or_a_year(tmp_path):
    problems = _problems(tmp_path, PROGRESS_YAML.replace("    year: 2025\n", ""))
    assert [p.field for p in problems] == ["measurements[0]"]
