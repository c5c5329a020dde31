"""Monitor forms of several trekkers: each adds its own report, a row for another party's action
is refused by cell, a second report of the same party on a peildatum needs --vervang, and the
forms of a whole plan are made in one go, all or nothing."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.progress_fixtures import PLAN
from velsen_desk.cli.main import main
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.core.task_state import Cancelled, TaskState
from velsen_desk.curation.loader import load_dataset
from velsen_desk.workbook import apply
from velsen_desk.workbook.apply import write_updates
from velsen_desk.workbook.monitor_forms import make_monitor_forms, trekkers_of
from velsen_desk.workbook.yaml_out import FileUpdate

BUNDLED = bundled_data_dir()
PEILDATUM = "2026-06-30"


def _column(ws, header: str) -> int:
    for cell in ws[1]:
        if cell.value == header:
            return int(cell.column)
    raise AssertionError(header)


def _form(tmp_path: Path, trekker: str, name: str, data: Path | None = None) -> Path:
    form = tmp_path / name
    args = ["monitor-template", "-o", str(form), "--plan", PLAN, "--peildatum", PEILDATUM, "--trekker", trekker]
    assert main([*args, *([str(data)] if data else [])]) == 0
    return form


def _fill(form: Path, status: str, extra_action: str | None = None) -> str | None:
    """Every row gets ``status`` (spend n.n.b.); ``extra_action`` adds a row for that action.
    Returns the cell of the added row's action."""
    book = openpyxl.load_workbook(form)
    ws = book["Voortgang per actie"]
    rows = [r for r in ws.iter_rows(min_row=2) if r[0].value]
    report = rows[0][_column(ws, "Rapportage") - 1].value
    cell = None
    if extra_action is not None:
        number = rows[-1][0].row + 1
        ws.cell(row=number, column=_column(ws, "Id")).value = f"{report}.extra"
        ws.cell(row=number, column=_column(ws, "Rapportage")).value = report
        ws.cell(row=number, column=_column(ws, "Actie")).value = extra_action
        rows.append(ws[number])
        cell = ws.cell(row=number, column=_column(ws, "Actie")).coordinate
    for row in rows:
        number = row[0].row
        ws.cell(row=number, column=_column(ws, "Status")).value = status
        ws.cell(row=number, column=_column(ws, "Besteed")).value = "n.n.b."
        ws.cell(row=number, column=_column(ws, "Besteed zoals gedrukt")).value = "n.n.b."
    book.save(form)
    return cell


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(BUNDLED, data)
    return data


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_a_row_for_another_trekkers_action_is_refused_by_cell(tmp_path: Path, folder: Path, capsys):
    form = _form(tmp_path, "Velison Wonen", "velison.xlsx")
    cell = _fill(form, "groen", extra_action=f"{PLAN}.a05")
    before = _files(folder)
    capsys.readouterr()
    assert main(["import-xlsx", str(form), "-o", str(folder)]) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    trekker = next(a.trekker for a in load_dataset([BUNDLED]).actions if a.id == f"{PLAN}.a05")
    assert (f"velison.xlsx: Blad Voortgang per actie, rij {cell[1:]}, kolom Actie ({cell}): actie ‘{PLAN}.a05’ "
            f"wordt getrokken door {trekker}, niet door Velison Wonen") in text
    assert "Er is niets geschreven." in text
    assert _files(folder) == before


def test_forms_of_two_trekkers_each_add_their_report(tmp_path: Path, folder: Path, capsys):
    first = _form(tmp_path, "Velison Wonen", "velison.xlsx")
    second = _form(tmp_path, "Welzijn Velsen", "welzijn.xlsx")  # both made from the same data
    _fill(first, "groen")
    _fill(second, "afgerond")
    assert main(["import-xlsx", str(first), "-o", str(folder)]) == 0
    assert main(["import-xlsx", str(second), "-o", str(folder)]) == 0  # does not undo the first
    dataset = load_dataset([folder])
    assert sorted(r.reported_by for r in dataset.progress_reports) == ["Velison Wonen", "Welzijn Velsen"]
    statuses = {e.action: e.status.value for e in dataset.progress_entries}
    trekkers = {a.id: a.trekker for a in dataset.actions}
    assert statuses and all(
        status == ("groen" if trekkers[action] == "Velison Wonen" else "afgerond")
        for action, status in statuses.items())
    # the rest of the data is untouched: only the two new report files were written
    assert sorted(set(_files(folder)) - {p.name for p in BUNDLED.iterdir()}) == [
        f"voortgang-velsen-2022-avn-{PEILDATUM}-velison-wonen.yaml",
        f"voortgang-velsen-2022-avn-{PEILDATUM}-welzijn-velsen.yaml"]
    for name, payload in _files(BUNDLED).items():
        assert (folder / name).read_bytes() == payload


def test_a_second_report_of_a_party_needs_vervang(tmp_path: Path, folder: Path, capsys):
    form = _form(tmp_path, "Velison Wonen", "velison.xlsx")
    _fill(form, "groen")
    assert main(["import-xlsx", str(form), "-o", str(folder)]) == 0
    _fill(form, "afgerond")  # the party sends a corrected form
    before = _files(folder)
    capsys.readouterr()
    assert main(["import-xlsx", str(form), "-o", str(folder)]) == 1
    out = capsys.readouterr()
    assert ("Blad Voortgangsrapportages, rij 2, kolom Peildatum (E2): er is al een voortgangsrapportage van "
            "Velison Wonen met peildatum 30-06-2026") in out.out + out.err
    assert "--vervang" in out.out + out.err
    assert _files(folder) == before
    assert main(["import-xlsx", str(form), "-o", str(folder), "--vervang"]) == 0
    dataset = load_dataset([folder])
    assert len(dataset.progress_reports) == 1
    assert {e.status.value for e in dataset.progress_entries} == {"afgerond"}


def test_an_action_has_one_status_per_peildatum(tmp_path: Path, folder: Path, capsys):
    """Two parties may report on one date, but not both on the same action."""
    plan_form = tmp_path / "plan.xlsx"
    assert main(["monitor-template", "-o", str(plan_form), "--plan", PLAN, "--peildatum", PEILDATUM]) == 0
    velison = _form(tmp_path, "Velison Wonen", "velison.xlsx")
    _fill(plan_form, "groen")
    book = openpyxl.load_workbook(plan_form)  # the griffie's own form: it names itself as the reporter
    ws = book["Voortgangsrapportages"]
    row = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == f"{PLAN}.voortgang-{PEILDATUM}")
    ws.cell(row=row, column=_column(ws, "Gerapporteerd door")).value = "Griffie Velsen"
    ws.cell(row=row, column=_column(ws, "Opgave van")).value = "opgave van de griffie"
    book.save(plan_form)
    _fill(velison, "afgerond")
    assert main(["import-xlsx", str(velison), "-o", str(folder)]) == 0
    capsys.readouterr()
    assert main(["import-xlsx", str(plan_form), "-o", str(folder)]) == 1
    out = capsys.readouterr()
    assert "heeft op peildatum 30 juni 2026 al een status in voortgangsrapportage" in out.out + out.err


def test_forms_for_every_trekker_in_one_go(tmp_path: Path):
    dataset = load_dataset([BUNDLED])
    out = tmp_path / "formulieren"
    out.mkdir()
    state = TaskState()
    made = make_monitor_forms(dataset, PLAN, dt.date(2026, 6, 30), out, state)
    assert [f.trekker for f in made.forms] == trekkers_of(dataset, PLAN)
    assert sorted(p.name for p in out.iterdir()) == sorted(f.file.name for f in made.forms)
    assert sum(f.actions for f in made.forms) + made.without_trekker == len(
        [a for a in dataset.actions if a.plan == PLAN])
    for form in made.forms:  # each lists only its party's actions
        ws = openpyxl.load_workbook(form.file, read_only=True)["Voortgang per actie"]
        rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]
        assert len(rows) == form.actions
    book = openpyxl.load_workbook(made.forms[0].file)  # as Excel opens it: header frozen, statuses a drop-down
    ws = book["Voortgang per actie"]
    status = openpyxl.utils.get_column_letter(_column(ws, "Status"))
    assert ws.freeze_panes == "B2"
    assert any(str(v.sqref).startswith(f"{status}2:") and v.type == "list" for v in ws.data_validations.dataValidation)
    readme = {r[0]: r[1] for r in book["Lees mij"].iter_rows(max_row=8, values_only=True)}
    assert readme["Monitorformulier van trekker"] == made.forms[0].trekker
    assert state.progress == 90


def test_forms_cancelled_write_nothing(tmp_path: Path):
    dataset = load_dataset([BUNDLED])
    out = tmp_path / "formulieren"
    out.mkdir()
    (out / "al-hier.txt").write_text("blijft")
    state = TaskState(lambda percent, _message: state.cancel() if percent > 30 else None)
    with pytest.raises(Cancelled):
        make_monitor_forms(dataset, PLAN, dt.date(2026, 6, 30), out, state)
    assert [p.name for p in out.iterdir()] == ["al-hier.txt"]


def test_a_failed_write_puts_the_written_files_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "a.yaml").write_bytes(b"oud a")
    real = apply.write_atomic
    calls: list[str] = []

    def failing(target: Path, payload: bytes, **kwargs: object) -> None:
        calls.append(target.name)
        if target.name == "c.yaml":
            raise OSError(28, "No space left on device")
        real(target, payload)

    monkeypatch.setattr(apply, "write_atomic", failing)
    updates = [FileUpdate("a.yaml", b"nieuw a", False), FileUpdate("b.yaml", b"nieuw b", True),
               FileUpdate("c.yaml", b"nieuw c", True)]
    with pytest.raises(OSError):
        write_updates(tmp_path, updates)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]
    assert (tmp_path / "a.yaml").read_bytes() == b"oud a"


def test_workbook_messages_speak_english_when_asked(tmp_path: Path, folder: Path, capsys):
    from velsen_desk.core import i18n

    form = _form(tmp_path, "Velison Wonen", "velison.xlsx")
    cell = _fill(form, "groen", extra_action=f"{PLAN}.a05")
    book = openpyxl.load_workbook(form)
    ws = book["Voortgang per actie"]
    ws.cell(row=2, column=_column(ws, "Besteed")).value = "12.50,-"
    book.save(form)
    capsys.readouterr()
    try:
        assert main(["--language", "en", "import-xlsx", str(form), "-o", str(folder)]) == 1
    finally:
        i18n.use_language("nl")
    err = capsys.readouterr().err
    besteed = f"{openpyxl.utils.get_column_letter(_column(ws, 'Besteed'))}2"
    assert (f"velison.xlsx: Sheet Voortgang per actie, row 2, column Besteed ({besteed}): ‘12.50,-’ is not in the "
            "list of choices (bedrag / n.v.t. / n.n.b.)") in err
    # the trekker check runs once the cells are read: fix the amount, then it speaks English too
    ws.cell(row=2, column=_column(ws, "Besteed")).value = "n.n.b."
    book.save(form)
    try:
        assert main(["--language", "en", "import-xlsx", str(form), "-o", str(folder)]) == 1
    finally:
        i18n.use_language("nl")
    err = capsys.readouterr().err
    assert (f"Sheet Voortgang per actie, row {cell[1:]}, column Actie ({cell}): action ‘{PLAN}.a05’ is led by "
            in err) and "this form is only for the actions of Velison Wonen" in err
