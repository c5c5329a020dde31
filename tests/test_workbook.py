"""The griffie's workbench: ``export-xlsx`` writes a workbook a user's Excel can work with, and
``import-xlsx`` reads it back losslessly, placing every problem in its sheet, row and cell."""

from __future__ import annotations

import shutil
import sqlite3
from enum import Enum
from pathlib import Path
from typing import Literal, get_args, get_origin

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from velsen_desk.cli.main import main
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.data_file import COLLECTIONS, DataFile
from velsen_desk.curation.loader import load_dataset
from velsen_desk.workbook.cells import CellValueError, parse_amount
from velsen_desk.workbook.sheets import SHEETS, Kind

BUNDLED = bundled_data_dir()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "gegevens.xlsx"
    assert main(["export-xlsx", "-o", str(out)]) == 0
    return out


def _copy(exported: Path, tmp_path: Path) -> Path:
    target = tmp_path / "werkboek.xlsx"
    shutil.copy(exported, target)
    return target


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


def _edit(path: Path, sheet: str, record_id: str, header: str, value: object) -> str:
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    cell = ws.cell(row=_row_of(ws, record_id), column=_column(ws, header))
    cell.value = value  # type: ignore[assignment]
    book.save(path)
    return str(cell.coordinate)


def _import(workbooks: list[Path], folder: Path, *extra: str) -> int:
    return main(["import-xlsx", *map(str, workbooks), "-o", str(folder), *extra])


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


# -- the sheet tables ---------------------------------------------------------------------------

def _fields(model: type[BaseModel], prefix: str = "") -> set[str]:
    fields: set[str] = set()
    for name, info in model.model_fields.items():
        if get_origin(info.annotation) is list:  # a list: a cell of ids, or a list sheet
            fields.add(prefix + name)
            continue
        nested = [a for a in get_args(info.annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
        if isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel):
            nested = [info.annotation]
        if nested:
            fields |= _fields(nested[0], f"{prefix}{name}.")
        else:
            fields.add(prefix + name)
    return fields


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_every_field_of_every_record_kind_has_a_column(collection: str):
    """A field without a column would be lost on the round trip."""
    (model,) = get_args(DataFile.model_fields[collection].annotation)
    sheets = [s for s in SHEETS if s.collection == collection]
    covered = {c.field for s in sheets if s.list_field is None for c in s.columns}
    list_fields = {s.list_field for s in sheets if s.list_field}
    assert _fields(model) - list_fields <= covered, f"{collection}: fields without a column"
    for sheet in sheets:
        if sheet.list_field:
            (item,) = get_args(model.model_fields[sheet.list_field].annotation)
            if isinstance(item, type) and issubclass(item, BaseModel):
                assert _fields(item) <= {c.field for c in sheet.columns}


def _allowed(annotation: object) -> set[str]:
    values: set[str] = set()
    for arg in (annotation, *get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, Enum):
            values |= {member.value for member in arg}
        elif get_origin(arg) is Literal:
            values |= set(get_args(arg))
    return values


@pytest.mark.parametrize("sheet", [s for s in SHEETS if any(c.kind is Kind.CHOICE for c in s.columns)],
                         ids=lambda s: s.title)
def test_every_drop_down_offers_exactly_what_the_schema_allows(sheet):
    (model,) = get_args(DataFile.model_fields[sheet.collection].annotation)
    if sheet.list_field:  # a list sheet's columns are the fields of the list's items
        (model,) = get_args(model.model_fields[sheet.list_field].annotation)
    for column in sheet.columns:
        if column.kind is not Kind.CHOICE:
            continue
        owner: type[BaseModel] = model
        *path, name = column.field.split(".")
        for part in path:
            annotation = owner.model_fields[part].annotation
            owner = next(a for a in (annotation, *get_args(annotation))
                         if isinstance(a, type) and issubclass(a, BaseModel))
        assert {stored for stored, _ in column.choices} == _allowed(owner.model_fields[name].annotation), column


# -- what a user's Excel sees -------------------------------------------------------------------

def test_workbook_has_readme_frozen_headers_dropdowns_formats_and_protection(exported: Path):
    book = openpyxl.load_workbook(exported)
    assert book.sheetnames[0] == "Lees mij"
    assert "Werkboekformaat" in [c.value for c in book["Lees mij"]["A"]]
    ws = book["Acties"]
    assert ws.freeze_panes == "B2"
    assert ws.protection.sheet and not ws.protection.password  # lifted without a password
    row = _row_of(ws, "velsen-2022.avn.a07")
    id_cell = ws.cell(row=row, column=1)
    assert id_cell.protection.locked and id_cell.fill.start_color.rgb == "FFD9D9D9"
    title = ws.cell(row=row, column=_column(ws, "Titel"))
    assert not title.protection.locked
    amount = ws.cell(row=row, column=_column(ws, "Kosten bedrag"))
    assert isinstance(amount.value, int) and amount.number_format == "[$€-413] #,##0"
    assert ws.column_dimensions["A"].width >= 30
    # new rows: id, title and parent editable, the data file locked
    assert not ws.column_dimensions["A"].protection.locked and not ws.column_dimensions["B"].protection.locked
    assert ws.column_dimensions[ws.cell(row=1, column=_column(ws, "Bestand")).column_letter].protection.locked
    targets = book["Streefwaarden"]
    assert not targets.column_dimensions["A"].protection.locked  # a new target names its focus point
    # drop-downs: cost kinds, plans; the lists live on their own sheet (an inline list holds 255 characters)
    lists = book["Keuzelijsten"]
    by_column = {ws.cell(row=1, column=_column(ws, h)).column_letter: h for h in ("Kosten", "Actieplan")}
    found = {}
    for validation in ws.data_validations.dataValidation:
        for letter, header in by_column.items():
            if str(validation.sqref).startswith(f"{letter}2:"):
                found[header] = validation.formula1
    assert set(found) == {"Kosten", "Actieplan"}
    letter = found["Kosten"].split("!")[1].split("$")[1]
    assert [c.value for c in lists[letter] if c.value is not None][1:] == ["bedrag", "n.v.t.", "n.n.b."]
    # organisations: the trekkers the data holds, and a new one is taken (Excel's "information" style)
    trekker = ws.cell(row=1, column=_column(ws, "Trekker")).column_letter
    (suggestion,) = [v for v in ws.data_validations.dataValidation if str(v.sqref).startswith(f"{trekker}2:")]
    assert suggestion.errorStyle == "information"
    letter = suggestion.formula1.split("!")[1].split("$")[1]
    assert "Velison Wonen" in [c.value for c in lists[letter]]
    # the source and its quote are columns, never dropped
    assert ws.cell(row=row, column=_column(ws, "Bron citaat")).value
    # people in a drop-down on the portfolio sheet
    portfolio = book["Portefeuilles"]
    assert any(str(v.sqref).startswith(portfolio.cell(row=1, column=_column(portfolio, "Collegelid")).column_letter)
               for v in portfolio.data_validations.dataValidation)


def test_dates_are_dates(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(BUNDLED, data)
    path = data / "velsen-2022.yaml"
    text = path.read_text(encoding="utf-8")
    assert "date_text:" in text
    out = tmp_path / "w.xlsx"
    assert main(["export-xlsx", "-o", str(out), str(BUNDLED)]) == 0
    ws = openpyxl.load_workbook(out)["Documenten"]
    dated = [c for c in ws[chr(ord("A") + _column(ws, "Datum") - 1)][1:] if c.value is not None]
    assert dated and all(c.is_date and c.number_format == "dd-mm-yyyy" for c in dated)


# -- the round trip -----------------------------------------------------------------------------

def test_round_trip_gives_the_same_database_and_data_version(exported: Path, tmp_path: Path, capsys):
    folder = tmp_path / "nieuw"
    assert _import([exported], folder) == 0
    assert main(["build-db", "-o", str(tmp_path / "a.sqlite")]) == 0
    assert main(["build-db", "-o", str(tmp_path / "b.sqlite"), str(folder)]) == 0
    assert (tmp_path / "a.sqlite").read_bytes() == (tmp_path / "b.sqlite").read_bytes()
    assert load_dataset([folder]).version() == load_dataset([BUNDLED]).version()


def test_unchanged_workbook_writes_nothing(exported: Path, tmp_path: Path, capsys):
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    before = _files(folder)
    assert _import([exported], folder) == 0
    assert _files(folder) == before
    assert "Geen wijzigingen" in capsys.readouterr().out


def test_one_changed_cell_keeps_comments_and_order_and_prints_the_change(exported: Path, tmp_path: Path, capsys):
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    before = _files(folder)
    workbook = _copy(exported, tmp_path)
    # A planning the source's table prints (another action's): planning texts are checked against it
    _edit(workbook, "Acties", "velsen-2022.avn.a07", "Planning", "H1-2024")
    assert _import([workbook], folder) == 0
    out = capsys.readouterr().out
    assert "planning" in out and "H1-2024" in out  # the same field-level change as `velsen-desk diff`
    after = _files(folder)
    changed = [name for name in after if after[name] != before[name]]
    assert changed == ["velsen-actieplan-noord-2023.yaml"]
    old_lines = before[changed[0]].decode().splitlines()
    new_lines = after[changed[0]].decode().splitlines()
    assert [line for line in old_lines if line.lstrip().startswith("#")] == [
        line for line in new_lines if line.lstrip().startswith("#")]  # every comment survives
    ids = [line.strip() for line in new_lines if line.strip().startswith("- id:")]
    assert ids == [line.strip() for line in old_lines if line.strip().startswith("- id:")]  # order too
    assert load_dataset([folder]).version() != load_dataset([BUNDLED]).version()


def test_new_row_is_added_to_its_parents_file(exported: Path, tmp_path: Path):
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    workbook = _copy(exported, tmp_path)
    book = openpyxl.load_workbook(workbook)
    ws = book["Themakoppelingen"]
    source = _row_of(ws, ws.cell(row=2, column=1).value)  # type: ignore[arg-type]
    new_row = ws.max_row + 1
    for column in range(1, ws.max_column + 1):
        ws.cell(row=new_row, column=column, value=ws.cell(row=source, column=column).value)
    ws.cell(row=new_row, column=1, value="velsen-2022.link.nieuw")
    ws.cell(row=new_row, column=ws.max_column, value=None)  # Bestand: empty for a new row
    book.save(workbook)
    assert _import([workbook], folder) == 0
    assert sum("velsen-2022.link.nieuw" in p.read_text(encoding="utf-8") for p in folder.iterdir()) == 1


def test_programme_workbook_replaces_only_its_programme(tmp_path: Path, capsys):
    out = tmp_path / "heemskerk.xlsx"
    assert main(["export-xlsx", "-o", str(out), "--programme", "heemskerk-2018"]) == 0
    book = openpyxl.load_workbook(out)
    assert all(not str(c.value).startswith("velsen-") for c in book["Thema's"]["A"][1:])
    assert book["Personen"].max_row > 2  # shared records are always there
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    before = _files(folder)
    assert _import([out], folder) == 0
    assert _files(folder) == before  # nothing outside Heemskerk was dropped


def test_export_refuses_unknown_programme_and_own_files(tmp_path: Path, capsys):
    assert main(["export-xlsx", "-o", str(tmp_path / "x.xlsx"), "--programme", "nergens"]) == 1
    assert "Onbekend programma: nergens" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()
    from velsen_desk.core.paths import local_database_path

    local = local_database_path()
    local.parent.mkdir(parents=True, exist_ok=True)
    assert main(["export-xlsx", "-o", str(local)]) == 1
    assert not local.exists()


# -- problems, each in its place -----------------------------------------------------------------

def _problems(workbook: Path, tmp_path: Path, capsys) -> str:
    folder = tmp_path / "data"
    if not folder.exists():
        shutil.copytree(BUNDLED, folder)
    before = _files(folder)
    assert _import([workbook], folder) == 1
    assert _files(folder) == before  # nothing written
    err = capsys.readouterr().err
    assert "Er is niets geschreven." in err and "Traceback" not in err
    return err


def test_bad_amount_names_sheet_row_column_and_cell(exported: Path, tmp_path: Path, capsys):
    workbook = _copy(exported, tmp_path)
    cell = _edit(workbook, "Acties", "velsen-2022.avn.a07", "Kosten bedrag", "12.50,-")
    row = cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    err = _problems(workbook, tmp_path, capsys)
    assert f"Blad Acties, rij {row}, kolom Kosten bedrag ({cell}): ‘12.50,-’ is geen bedrag" in err


def test_check_problem_is_placed_in_its_cell(exported: Path, tmp_path: Path, capsys):
    workbook = _copy(exported, tmp_path)
    cell = _edit(workbook, "Acties", "velsen-2022.avn.a07", "Bron citaat", "Dit citaat staat nergens")
    err = _problems(workbook, tmp_path, capsys)
    assert f"kolom Bron citaat ({cell})" in err


def test_schema_problem_is_placed_in_its_cell(exported: Path, tmp_path: Path, capsys):
    workbook = _copy(exported, tmp_path)
    cell = _edit(workbook, "Acties", "velsen-2022.avn.a07", "Kosten", "n.v.t.")  # with an amount left beside it
    book = openpyxl.load_workbook(workbook)
    ws = book["Acties"]
    row = _row_of(ws, "velsen-2022.avn.a07")
    ws.cell(row=row, column=_column(ws, "Kosten bedrag"), value=5000)
    book.save(workbook)
    err = _problems(workbook, tmp_path, capsys)
    assert f"Blad Acties, rij {row}, kolom Kosten ({cell})" in err


@pytest.mark.parametrize(("header", "value", "message"), [
    ("Nummer", "zeven", "‘zeven’ is geen geheel getal"),
    ("Kosten", "gratis", "‘gratis’ staat niet in de keuzelijst (bedrag / n.v.t. / n.n.b.)"),
    ("Planning tegenstrijdig", "misschien", "‘misschien’ staat niet in de keuzelijst (ja / nee)"),
])
def test_wrong_types_are_named(exported: Path, tmp_path: Path, capsys, header: str, value: str, message: str):
    workbook = _copy(exported, tmp_path)
    cell = _edit(workbook, "Acties", "velsen-2022.avn.a07", header, value)
    assert f"kolom {header} ({cell}): {message}" in _problems(workbook, tmp_path, capsys)


def test_formula_without_cached_value_is_refused(exported: Path, tmp_path: Path, capsys):
    workbook = _copy(exported, tmp_path)
    cell = _edit(workbook, "Acties", "velsen-2022.avn.a07", "Kosten bedrag", "=1000*25")
    assert f"({cell}): een formule zonder berekende waarde" in _problems(workbook, tmp_path, capsys)


def test_formula_counts_as_its_cached_value(exported: Path, tmp_path: Path, capsys):
    """What Excel shows is what is read: a saved formula's last calculated value."""
    import zipfile

    workbook = _copy(exported, tmp_path)
    cell = _edit(workbook, "Acties", "velsen-2022.avn.a07", "Kosten bedrag", "=500*2")
    cached = tmp_path / "berekend.xlsx"
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(cached, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            payload = source.read(info)
            marker = f'<c r="{cell}"'.encode()
            if marker in payload:  # as Excel saves it: the formula and its value
                start = payload.index(marker)
                end = payload.index(b"</c>", start)
                payload = payload[:start] + payload[start:end].replace(b"<v />", b"<v>1000</v>") + payload[end:]
            target.writestr(info, payload)
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    before = _files(folder)
    assert _import([cached], folder) == 0, capsys.readouterr().err
    assert _files(folder) == before  # € 1.000 was the amount already


def test_merged_cells_hidden_rows_and_hidden_sheets(exported: Path, tmp_path: Path, capsys):
    workbook = _copy(exported, tmp_path)
    book = openpyxl.load_workbook(workbook)
    book["Acties"].merge_cells("F2:G2")
    book["Thema's"].row_dimensions[3].hidden = True
    book["Domeinen"].sheet_state = "hidden"
    book.save(workbook)
    err = _problems(workbook, tmp_path, capsys)
    assert "Blad Acties: samengevoegde cellen (F2:G2)" in err
    assert "Blad Thema's, rij 3: verborgen rij" in err
    assert "Blad Domeinen: het blad is verborgen" in err


def test_missing_renamed_and_extra_sheets_and_columns(exported: Path, tmp_path: Path, capsys):
    workbook = _copy(exported, tmp_path)
    book = openpyxl.load_workbook(workbook)
    book["Acties"].title = "Acties 2024"
    book["Thema's"].delete_cols(_column(book["Thema's"], "Regie"))
    book.save(workbook)
    err = _problems(workbook, tmp_path, capsys)
    assert "onbekend blad ‘Acties 2024’" in err and "Blad Acties: het blad ontbreekt" in err
    book = openpyxl.load_workbook(workbook)
    book["Acties 2024"].title = "Acties"
    book.save(workbook)
    assert "Blad Thema's, rij 1: kolom ‘Regie’ ontbreekt" in _problems(workbook, tmp_path, capsys)


def test_empty_trailing_rows_and_text_dates_are_fine(exported: Path, tmp_path: Path, capsys):
    workbook = _copy(exported, tmp_path)
    book = openpyxl.load_workbook(workbook)
    ws = book["Acties"]
    for row in range(ws.max_row + 1, ws.max_row + 40):
        ws.cell(row=row, column=6, value="   ")
    docs = book["Documenten"]
    column = _column(docs, "Datum")
    for row in range(2, docs.max_row + 1):
        cell = docs.cell(row=row, column=column)
        if cell.value is not None:
            cell.value = cell.value.strftime("%d-%m-%Y")  # typed as text
    book.save(workbook)
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    before = _files(folder)
    assert _import([workbook], folder) == 0
    assert _files(folder) == before


@pytest.mark.parametrize(("content", "message"), [
    (b"id;naam\n1;x\n", "is geen Excel-werkmap (.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "met een wachtwoord beveiligd of een oud Excel-bestand"),
    (b"PK\x03\x04 kapot", "is beschadigd"),
])
def test_other_formats_and_corrupt_files(tmp_path: Path, capsys, content: bytes, message: str):
    workbook = tmp_path / "werkboek.xlsx"
    workbook.write_bytes(content)
    assert message in _problems(workbook, tmp_path, capsys)


def test_broken_xml_inside_a_workbook(exported: Path, tmp_path: Path, capsys):
    import zipfile

    broken = tmp_path / "kapot.xlsx"
    with zipfile.ZipFile(exported) as source, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            payload = source.read(info)
            if info.filename.startswith("xl/worksheets/sheet2"):
                payload = payload[: len(payload) // 2]  # cut off halfway, as a failed copy does
            target.writestr(info, payload)
    err = _problems(broken, tmp_path, capsys)
    assert "kapot.xlsx: het werkboek is beschadigd (ParseError)" in err


def test_zip_bomb_and_huge_file_are_refused_before_reading(tmp_path: Path, capsys, monkeypatch):
    import zipfile

    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<x/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    assert "zipbom" in _problems(bomb, tmp_path, capsys)
    from velsen_desk.workbook import guard

    monkeypatch.setattr(guard, "MAX_WORKBOOK_BYTES", 1024)
    assert "is te groot" in _problems(bomb, tmp_path, capsys)


@pytest.mark.parametrize(("text", "amount"), [
    ("€ 1.050.000", 1_050_000), ("1.050.000,-", 1_050_000), ("1,050,000", 1_050_000), ("1050000", 1_050_000),
    (1050000.0, 1_050_000), ("€25.000", 25_000), ("€ 80.000,00", 80_000), ("EUR 500", 500), (0, 0),
])
def test_amounts_in_every_dutch_and_english_form(text: object, amount: int):
    assert parse_amount(text) == amount


@pytest.mark.parametrize("text", ["12.50,-", "1.05", "€ 12,50", "veel", "1.0500", 12.5, True])
def test_amounts_that_are_not_whole_euros_are_refused(text: object):
    with pytest.raises(CellValueError):
        parse_amount(text)


def test_import_of_two_workbooks_with_the_same_record_names_both_places(exported: Path, tmp_path: Path, capsys):
    second = tmp_path / "tweede.xlsx"
    shutil.copy(exported, second)
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    assert _import([exported, second], folder) == 1
    err = capsys.readouterr().err
    assert "tweede.xlsx: Blad Gemeenten, rij 2, kolom Id (A2): id ‘" in err and "bestaat al" in err


def test_database_from_import_is_what_build_db_makes(exported: Path, tmp_path: Path):
    folder = tmp_path / "nieuw"
    assert _import([exported], folder) == 0
    db = tmp_path / "x.sqlite"
    assert main(["build-db", "-o", str(db), str(folder)]) == 0
    with sqlite3.connect(db) as conn:
        (actions,) = conn.execute("SELECT COUNT(*) FROM actions").fetchone()
    assert actions == len(load_dataset([BUNDLED]).actions)


# -- generated data -----------------------------------------------------------------------------

@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10_000), scale=st.sampled_from([0.5, 1.0]))
def test_round_trip_is_lossless_on_generated_data(tmp_path_factory: pytest.TempPathFactory, seed: int, scale: float):
    """bench/synthetic.py data sets, exported and imported into an empty folder, build the same
    database with the same data version."""
    from bench.synthetic import generate

    root = tmp_path_factory.mktemp("synthetisch")
    written = generate(root / "set", scale=scale, seed=seed)
    workbook, folder = root / "set.xlsx", root / "terug"
    sources = ["--sources", str(written.sources)]
    assert main(["export-xlsx", "-o", str(workbook), str(written.data), *sources]) == 0
    assert main(["import-xlsx", str(workbook), "-o", str(folder), *sources]) == 0
    original = load_dataset([written.data], sources=written.sources)
    assert load_dataset([folder], sources=written.sources).version() == original.version()
    assert main(["build-db", "-o", str(root / "a.sqlite"), str(written.data), *sources]) == 0
    assert main(["build-db", "-o", str(root / "b.sqlite"), str(folder), *sources]) == 0
    assert (root / "a.sqlite").read_bytes() == (root / "b.sqlite").read_bytes()
    # and back into the generated folder itself: nothing changes, no file is touched
    before = _files(written.data)
    assert main(["import-xlsx", str(workbook), "-o", str(written.data), *sources]) == 0
    assert _files(written.data) == before


# -- a new period ---------------------------------------------------------------------------------

def _append(ws: Worksheet, values: dict[str, object]) -> None:
    row = ws.max_row + 1
    for header, value in values.items():
        ws.cell(row=row, column=_column(ws, header), value=value)  # type: ignore[arg-type]


def test_new_programme_workbook_filled_in_adds_a_programme(tmp_path: Path, capsys):
    """A synthetic municipality's 2026–2030 programme, added without code: nothing invented in
    the empty workbook, the other programmes untouched, the new one in the built database."""
    workbook = tmp_path / "nieuw.xlsx"
    assert main(["new-programme", "--municipality", "Synthetica-999", "--period", "2026-2030",
                 "-o", str(workbook)]) == 0
    book = openpyxl.load_workbook(workbook)
    programmes = book["Programma's"]
    assert [c.value for c in programmes[2]][:6] == ["synthetica-999-2026", "synthetica-999", None, 2026, 2030, None]
    assert programmes.max_row == 2 and book["Acties"].max_row == 1 and book["Thema's"].max_row == 1
    assert main(["new-programme", "--municipality", "Synthetica-999", "--period", "2030-2026",
                 "-o", str(tmp_path / "x.xlsx")]) == 1
    assert "geen periode" in capsys.readouterr().err

    sources = tmp_path / "bronnen"
    shutil.copytree(bundled_data_dir().parent / "sources", sources)
    (sources / "synthetica-999-raadsprogramma.txt").write_text(
        "SYNTHETISCH. Raadsprogramma 2026-2030 van Synthetica-999.\nAandachtsveld Wonen\n"
        "1. Wonen (synthetisch) voor iedereen\nRegie: Anouk (synthetisch)\n",
        encoding="utf-8")
    programmes.cell(row=2, column=_column(programmes, "Titel"), value="Raadsprogramma 2026–2030 (synthetisch)")
    _append(book["Documenten"], {"Id": "syn999.rp", "Programma": "synthetica-999-2026", "Soort": "raadsprogramma",
                                 "Titel": "Raadsprogramma (synthetisch)",
                                 "Brontekstbestand": "synthetica-999-raadsprogramma.txt"})
    _append(book["Aandachtsvelden"], {"Id": "syn999.av1", "Document": "syn999.rp", "Naam": "Wonen",
                                      "Bron": "syn999.rp", "Bron citaat": "Aandachtsveld Wonen"})
    _append(book["Personen"], {"Id": "syn999.anouk", "Naam": "Anouk (synthetisch)", "Bron": "syn999.rp",
                               "Bron citaat": "Regie: Anouk (synthetisch)"})
    _append(book["Thema's"], {"Id": "syn999.t1", "Aandachtsveld": "syn999.av1", "Nummer": 1,
                              "Naam": "Wonen (synthetisch)", "Bron": "syn999.rp",
                              "Bron citaat": "1. Wonen (synthetisch)"})
    book.save(workbook)
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    before = _files(folder)
    assert _import([workbook], folder, "--sources", str(sources)) == 0
    after = _files(folder)
    # the new person goes with the new programme: every other file stays as it was
    assert {name for name in after if after[name] != before.get(name)} == {"synthetica-999-2026.yaml"}
    db = tmp_path / "n.sqlite"
    assert main(["build-db", "-o", str(db), str(folder), "--sources", str(sources)]) == 0
    from velsen_desk.storage.database import connect_readonly
    from velsen_desk.storage.reader import catalog

    with connect_readonly(db) as conn:
        ids = [p.id for p in catalog(conn).programmes]
    assert "synthetica-999-2026" in ids and "velsen-2022" in ids  # what the programme selector lists
