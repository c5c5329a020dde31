"""The griffie's workbench over the progress monitor: reports, entries, measurements and
evaluations go through the workbook and back without loss, with the statuses as a drop-down and
every problem placed in its cell."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from tests.progress_fixtures import PLAN, write_progress
from velsen_desk.cli.main import main
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset

BUNDLED = bundled_data_dir()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(BUNDLED, folder)
    write_progress(folder)
    return folder


@pytest.fixture(scope="module")
def exported(data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "gegevens.xlsx"
    assert main(["export-xlsx", "-o", str(out), str(data)]) == 0
    return out


def _column(ws: Worksheet, header: str) -> int:
    for cell in ws[1]:
        if cell.value == header:
            return int(cell.column)
    raise AssertionError(header)


def _row_of(ws: Worksheet, record_id: str) -> int:
    for row in ws.iter_rows(min_row=2, max_col=1):
        if row[0].value == record_id:
            return int(row[0].row)
    raise AssertionError(record_id)


def test_monitor_round_trip_gives_the_same_database(data: Path, exported: Path, tmp_path: Path, capsys):
    folder = tmp_path / "nieuw"
    assert main(["import-xlsx", str(exported), "-o", str(folder)]) == 0
    assert main(["build-db", "-o", str(tmp_path / "a.sqlite"), str(data)]) == 0
    assert main(["build-db", "-o", str(tmp_path / "b.sqlite"), str(folder)]) == 0
    assert (tmp_path / "a.sqlite").read_bytes() == (tmp_path / "b.sqlite").read_bytes()
    assert load_dataset([folder]).version() == load_dataset([data]).version()
    rebuilt = load_dataset([folder])
    assert len(rebuilt.collections["progress_entries"]) == 5
    assert len(rebuilt.collections["measurements"]) == 1 and len(rebuilt.collections["evaluations"]) == 1


def test_programme_workbook_holds_its_monitor(data: Path, tmp_path: Path):
    out = tmp_path / "velsen.xlsx"
    assert main(["export-xlsx", "-o", str(out), str(data), "--programme", "velsen-2022"]) == 0
    book = openpyxl.load_workbook(out)
    reports = book["Voortgangsrapportages"]
    assert [c.value for c in reports["A"][1:] if c.value] == ["synth.vr.2025-01", "synth.vr.2025-07"]
    assert reports.cell(row=2, column=_column(reports, "Actieplan")).value == PLAN
    assert len([c for c in book["Voortgang per actie"]["A"][1:] if c.value]) == 5
    assert [c.value for c in book["Metingen"]["A"][1:] if c.value] == ["synth.m1"]
    assert [c.value for c in book["Evaluaties"]["A"][1:] if c.value] == ["synth.ev1"]
    other = tmp_path / "heemskerk.xlsx"
    assert main(["export-xlsx", "-o", str(other), str(data), "--programme", "heemskerk-2018"]) == 0
    assert not [c for c in openpyxl.load_workbook(other)["Voortgang per actie"]["A"][1:] if c.value]


def test_status_drop_down_dates_and_amounts_as_excel_sees_them(exported: Path):
    book = openpyxl.load_workbook(exported)
    ws = book["Voortgang per actie"]
    assert ws.freeze_panes == "B2" and ws.protection.sheet
    status = ws.cell(row=1, column=_column(ws, "Status")).column_letter
    (validation,) = [v for v in ws.data_validations.dataValidation if str(v.sqref).startswith(f"{status}2:")]
    assert validation.errorStyle != "information"  # a status outside the list is refused
    letter = validation.formula1.split("!")[1].split("$")[1]
    assert [c.value for c in book["Keuzelijsten"][letter] if c.value is not None][1:] == [
        "groen", "oranje", "rood", "grijs", "afgerond", "gestopt", "onbekend"]
    row = _row_of(ws, "synth.e1.a11")
    assert ws.cell(row=row, column=_column(ws, "Status")).value == "oranje"
    spent = ws.cell(row=row, column=_column(ws, "Besteed bedrag"))
    assert spent.value == 10000 and spent.number_format == "[$€-413] #,##0"
    assert ws.cell(row=_row_of(ws, "synth.e2.a07"), column=_column(ws, "Besteed")).value == "n.n.b."
    assert ws.cell(row=_row_of(ws, "synth.e2.a16"), column=_column(ws, "Besteed")).value == "n.v.t."
    assert ws.cell(row=row, column=1).protection.locked
    reports = book["Voortgangsrapportages"]
    peildatum = reports.cell(row=2, column=_column(reports, "Peildatum"))
    assert peildatum.is_date and peildatum.number_format == "dd-mm-yyyy"
    readme = [c.value for c in book["Lees mij"]["B"] if c.value]
    assert any("oranje = risico, bijsturing nodig" in str(v) for v in readme)


def _edit(path: Path, sheet: str, record_id: str, header: str, value: object) -> str:
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    cell = ws.cell(row=_row_of(ws, record_id), column=_column(ws, header))
    cell.value = value  # type: ignore[assignment]
    book.save(path)
    return str(cell.coordinate)


def test_missing_explanation_and_unknown_status_are_placed_in_their_cell(data: Path, exported: Path, tmp_path: Path,
                                                                          capsys):
    book = tmp_path / "werkboek.xlsx"
    shutil.copy(exported, book)
    cell = _edit(book, "Voortgang per actie", "synth.e1.a11", "Toelichting", None)
    folder = tmp_path / "uit"
    assert main(["import-xlsx", str(book), "-o", str(folder)]) == 1
    out = capsys.readouterr()
    assert (f"Blad Voortgang per actie, rij {cell[1:]}, kolom Toelichting ({cell}): status 'oranje' vraagt een "
            "toelichting") in out.out + out.err
    assert not folder.exists()
    shutil.copy(exported, book)
    cell = _edit(book, "Voortgang per actie", "synth.e2.a11", "Status", "paars")
    assert main(["import-xlsx", str(book), "-o", str(folder)]) == 1
    out = capsys.readouterr()
    assert f"kolom Status ({cell}): ‘paars’ staat niet in de keuzelijst" in out.out + out.err
    assert not folder.exists()


# -- the monitor form for one peildatum ---------------------------------------------------------

def _fill(form: Path, statuses: dict[str, tuple[str, str | None]]) -> dict[str, str]:
    """Fill status and explanation per action id; the spend as n.n.b. Returns action -> status cell."""
    book = openpyxl.load_workbook(form)
    ws = book["Voortgang per actie"]
    cells = {}
    for row in ws.iter_rows(min_row=2):
        action = row[_column(ws, "Actie") - 1].value
        if action not in statuses:
            continue
        status, explanation = statuses[action]
        ws.cell(row=row[0].row, column=_column(ws, "Status")).value = status
        ws.cell(row=row[0].row, column=_column(ws, "Toelichting")).value = explanation
        ws.cell(row=row[0].row, column=_column(ws, "Besteed")).value = "n.n.b."
        ws.cell(row=row[0].row, column=_column(ws, "Besteed zoals gedrukt")).value = "n.n.b."
        cells[action] = ws.cell(row=row[0].row, column=_column(ws, "Toelichting")).coordinate
    book.save(form)
    return cells


def test_monitor_template_for_one_trekker_filled_in_adds_a_report(tmp_path: Path, capsys):
    form = tmp_path / "formulier.xlsx"
    assert main(["monitor-template", "-o", str(form), "--plan", PLAN, "--peildatum", "2026-06-30",
                 "--trekker", "Velison Wonen"]) == 0
    assert "Monitorformulier met 2 acties geschreven" in capsys.readouterr().out
    book = openpyxl.load_workbook(form)
    ws = book["Voortgang per actie"]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]
    actions = [r[_column(ws, "Actie") - 1] for r in rows]
    assert actions == [f"{PLAN}.a01", f"{PLAN}.a02"]  # only that party's actions, in their order
    assert all(r[_column(ws, "Status") - 1] is None for r in rows)  # the party fills in the status
    reports = book["Voortgangsrapportages"]
    (report,) = [r for r in reports.iter_rows(min_row=2) if r[0].value]
    peildatum = report[_column(reports, "Peildatum") - 1]
    assert peildatum.is_date and peildatum.number_format == "dd-mm-yyyy"
    assert report[_column(reports, "Gerapporteerd door") - 1].value == "Velison Wonen"
    assert ws.protection.sheet and ws.freeze_panes == "B2"
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    cells = _fill(form, {f"{PLAN}.a01": ("groen", None), f"{PLAN}.a02": ("rood", None)})
    assert main(["import-xlsx", str(form), "-o", str(folder)]) == 1
    out = capsys.readouterr()
    cell = cells[f"{PLAN}.a02"]
    assert (f"Blad Voortgang per actie, rij {cell[1:]}, kolom Toelichting ({cell}): status 'rood' vraagt een "
            "toelichting") in out.out + out.err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing written
    _fill(form, {f"{PLAN}.a01": ("groen", None), f"{PLAN}.a02": ("rood", "Synthetisch: geen bouwgrond")})
    assert main(["import-xlsx", str(form), "-o", str(folder)]) == 0
    assert "rood, peildatum 30 juni 2026" in capsys.readouterr().out
    dataset = load_dataset([folder])
    (new,) = dataset.progress_reports
    assert new.reported_by == "Velison Wonen" and str(new.date) == "2026-06-30" and new.plan == PLAN
    assert [(e.action, e.status.value) for e in dataset.progress_entries] == [
        (f"{PLAN}.a01", "groen"), (f"{PLAN}.a02", "rood")]
    # a second form for the same party and peildatum is refused
    again = tmp_path / "nogmaals.xlsx"
    assert main(["monitor-template", "-o", str(again), "--peildatum", "2026-06-30", "--trekker", "Velison Wonen",
                 str(folder)]) == 1
    assert "er is al een voortgangsrapportage" in capsys.readouterr().err and not again.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--peildatum", "30-06-2026"], "‘30-06-2026’ is geen datum; schrijf JJJJ-MM-DD"),
    (["--plan", "geen.plan"], "het actieplan ‘geen.plan’ bestaat niet"),
    (["--trekker", "Niemand BV"], "‘Niemand BV’ trekt geen actie van velsen-2022.avn"),
])
def test_monitor_template_refuses_bad_requests_in_dutch(tmp_path: Path, capsys, args: list[str], message: str):
    form = tmp_path / "formulier.xlsx"
    assert main(["monitor-template", "-o", str(form), *args]) == 1
    err = capsys.readouterr().err
    assert message in err and "Er is geen formulier geschreven." in err
    assert not form.exists()
