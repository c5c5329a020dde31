"""Write the data set as a workbook (``velsen-desk export-xlsx``).

One sheet per kind of record (:data:`~velsen_desk.workbook.sheets.SHEETS`), a "Lees mij" sheet
that explains every column, and a "Keuzelijsten" sheet with the values of the drop-downs. Ids,
files and parents are locked and grey (sheet protection without a password: the other cells,
and new rows, stay editable); amounts are numbers in the Dutch euro format, dates are dates.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence
from enum import Enum
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from velsen_desk.curation.loader import DataSet
from velsen_desk.workbook.scope import ProgrammeIndex
from velsen_desk.workbook.sheets import (
    BOOL_WORDS,
    COST_WORDS,
    FORMAT_ID,
    FORMAT_LABEL,
    LISTS_TITLE,
    README_TITLE,
    SCOPE_ALL,
    SCOPE_LABEL,
    SHEETS,
    Column,
    Kind,
    Sheet,
)

EURO_FORMAT = "[$€-413] #,##0"  # 413: nl-NL, so Excel shows "€ 1.050.000"
DATE_FORMAT = "dd-mm-yyyy"
_LOCKED_FILL = PatternFill("solid", start_color="FFD9D9D9")
_HEADER_FILL = PatternFill("solid", start_color="FF1F4E79")
_HEADER_FONT = Font(bold=True, color="FFFFFFFF")
_EDITABLE = Protection(locked=False)
_LOCKED = Protection(locked=True)
_LAST_ROW = 1_048_576  # drop-downs and the editable style reach new rows too


def _value_at(record: BaseModel | str, field: str) -> object:
    if field == "":
        return record
    value: object = record
    for part in field.split("."):
        if value is None:
            return None
        value = getattr(value, part)
    return value


def cell_value(column: Column, value: object) -> object:
    """What a cell holds for a stored value: words for choices, numbers, dates, plain text."""
    if value is None:
        return None
    if isinstance(value, Enum):
        value = value.value
    if column.kind is Kind.COST_STATUS:
        return COST_WORDS[str(value)]
    if column.kind is Kind.BOOL:
        return BOOL_WORDS["true" if value else "false"]
    if column.kind is Kind.CHOICE:
        return dict(column.choices).get(str(value), str(value))
    if column.kind is Kind.IDS:
        return ", ".join(str(v) for v in value) if isinstance(value, list) and value else None
    return value


def _put(cell: Cell | MergedCell, value: object) -> None:
    cell.value = value  # type: ignore[assignment]
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # a text that opens with "=" is text, never a formula


def _rows(sheet: Sheet, records: Sequence[BaseModel], files: dict[str, str]) -> Iterator[list[object]]:
    for record in records:
        record_id = str(getattr(record, "id"))  # noqa: B009
        if sheet.list_field is None:
            yield [files.get(record_id) if c.kind is Kind.FILE else cell_value(c, _value_at(record, c.field))
                   for c in sheet.columns]
            continue
        for item in getattr(record, sheet.list_field):
            yield [record_id if c.kind is Kind.PARENT else cell_value(c, _value_at(item, c.field))
                   for c in sheet.columns]


class _Lists:
    """The drop-downs' values, one column each on the "Keuzelijsten" sheet."""

    def __init__(self, book: Workbook):
        self.sheet = book.create_sheet(LISTS_TITLE)
        self._ranges: dict[tuple[str, ...], str] = {}

    def range_for(self, title: str, values: Sequence[str]) -> str | None:
        if not values:
            return None
        key = tuple(values)
        if key not in self._ranges:
            index = len(self._ranges) + 1
            letter = get_column_letter(index)
            self.sheet.cell(row=1, column=index, value=title).font = Font(bold=True)
            for row, value in enumerate(values, start=2):
                _put(self.sheet.cell(row=row, column=index), value)
            self.sheet.column_dimensions[letter].width = 30
            self._ranges[key] = f"{quote_sheetname(LISTS_TITLE)}!${letter}$2:${letter}${len(values) + 1}"
        return self._ranges[key]


def _choices(sheet: Sheet, column: Column, dataset: DataSet, extra_ids: Mapping[str, Sequence[str]]) -> list[str]:
    if column.kind is Kind.COST_STATUS:
        return list(COST_WORDS.values())
    if column.kind is Kind.BOOL:
        return list(BOOL_WORDS.values())
    if column.kind is Kind.CHOICE:
        return [word for _, word in column.choices]
    if column.suggest:
        values = {str(_value_at(r, column.field)) for r in dataset.collections[sheet.collection]
                  if _value_at(r, column.field) is not None}
        return sorted(values, key=str.casefold)
    if column.kind in (Kind.REF, Kind.PARENT) and column.ref:
        known = [str(getattr(r, "id")) for r in dataset.collections[column.ref]]  # noqa: B009
        return known + [i for i in extra_ids.get(column.ref, ()) if i not in known]
    return []


def _write_sheet(ws: Worksheet, sheet: Sheet, rows: list[list[object]], dataset: DataSet, lists: _Lists,
                 extra_ids: Mapping[str, Sequence[str]]) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        header = ws.cell(row=1, column=index, value=column.header)
        header.font, header.fill, header.protection = _HEADER_FONT, _HEADER_FILL, _LOCKED
        header.alignment = Alignment(vertical="top")
        letter = get_column_letter(index)
        dimension = ws.column_dimensions[letter]
        dimension.width = column.width
        # New rows below the data are editable, their id and parent too; only Bestand stays locked
        dimension.protection = _LOCKED if column.kind is Kind.FILE else _EDITABLE
        if column.kind is Kind.AMOUNT:
            dimension.number_format = EURO_FORMAT
        if column.kind is Kind.DATE:
            dimension.number_format = DATE_FORMAT
        source = lists.range_for(f"{sheet.title}: {column.header}", _choices(sheet, column, dataset, extra_ids))
        if source is not None:
            if column.suggest:  # "information": Excel mentions the list but takes a new name
                validation = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True,
                                            errorStyle="information", errorTitle="Nieuwe naam",
                                            error=f"Deze naam staat nog niet in de lijst ({column.header}).")
            else:
                validation = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True,
                                            errorTitle="Ongeldige waarde",
                                            error=f"Kies een waarde uit de lijst ({column.header}).")
            validation.add(f"{letter}2:{letter}{_LAST_ROW}")
            ws.add_data_validation(validation)
    for row_number, row in enumerate(rows, start=2):
        for index, (column, value) in enumerate(zip(sheet.columns, row, strict=True), start=1):
            cell = ws.cell(row=row_number, column=index)
            _put(cell, value)
            if column.locked:
                cell.protection, cell.fill = _LOCKED, _LOCKED_FILL
            else:
                cell.protection = _EDITABLE
            if column.kind is Kind.AMOUNT:
                cell.number_format = EURO_FORMAT
            elif column.kind is Kind.DATE:
                cell.number_format = DATE_FORMAT
            elif column.kind is Kind.TEXT and isinstance(value, str) and len(value) > column.width:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "B2"  # the header row and the id stay in view
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{max(len(rows) + 1, 2)}"
    _protect(ws)


def _protect(ws: Worksheet) -> None:
    """Protection without a password: locked cells are safe from a slip, and whoever must change
    them can lift it (Controleren → Beveiliging blad opheffen). Rows may be inserted and sorted."""
    ws.protection.sheet = True
    ws.protection.insertRows = False
    ws.protection.deleteRows = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.sort = False
    ws.protection.autoFilter = False


def _readme(ws: Worksheet, programmes: Sequence[str] | None, settings: Sequence[tuple[str, str]] = ()) -> None:
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 110
    lines: list[tuple[str, str]] = [
        ("Velsen Desk — werkboek", ""),
        (FORMAT_LABEL, FORMAT_ID),
        (SCOPE_LABEL, ", ".join(programmes) if programmes else SCOPE_ALL),
        *settings,
        ("", ""),
        ("Zo werkt het", "Elk blad is één soort gegevens; elke rij één record. Pas de waarden aan en lees het werkboek "
                         "in met 'velsen-desk import-xlsx'. Dat controleert alles zoals 'velsen-desk validate' en "
                         "schrijft pas als alles klopt."),
        ("Grijze kolommen", "Id, Bestand en bovenliggende codes zijn vergrendeld: zo blijft elk record herkenbaar. "
                            "Een nieuwe rij krijgt zelf een nieuwe, unieke Id. Verwijderen: hef de bladbeveiliging "
                            "op (zonder wachtwoord) en verwijder de rij."),
        ("Bedragen", "Hele euro's als getal. 'n.v.t.' (geen kosten) en 'n.n.b.' (niet bekend) kiest u bij de "
                     "kostensoort en zijn nooit € 0. 'zoals gedrukt' is de tekst uit de bron."),
        ("Leeg", "Een lege cel betekent: de bron zegt het niet (onbekend)."),
        ("Bron", "Elk record heeft een brondocument en een letterlijk citaat; het citaat wordt tegen de brontekst "
                 "gecontroleerd."),
        ("", ""),
    ]
    for sheet in SHEETS:
        lines.append((f"Blad {sheet.title}", "één rij per item van de lijst, in volgorde" if sheet.list_field else ""))
        lines.extend((f"  {c.header}", c.help) for c in sheet.columns)
    for row, (label, text) in enumerate(lines, start=1):
        ws.cell(row=row, column=1, value=label)
        _put(ws.cell(row=row, column=2), text)
        ws.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    ws["A1"].font = Font(bold=True, size=14)


def workbook_bytes(dataset: DataSet, programmes: Sequence[str] | None = None,
                   extra_rows: Mapping[str, Sequence[Mapping[str, object]]] | None = None,
                   settings: Sequence[tuple[str, str]] = ()) -> bytes:
    """The workbook of ``dataset`` (only ``programmes``' records, and all shared ones, when given).

    ``extra_rows``: per sheet title, rows to add below the records (field -> cell value), such
    as the start of a new programme; the fields not given stay empty for the user to fill in.
    ``settings``: extra (label, value) rows at the top of "Lees mij", such as a monitor form's report."""
    index = ProgrammeIndex(dataset.collections)
    scope = frozenset(programmes) if programmes else None
    files = {record_id: origin[0].name for record_id, origin in dataset.origin.items()}
    book = Workbook()
    readme = book.active
    assert readme is not None
    readme.title = README_TITLE
    _readme(readme, programmes, settings)
    data_sheets = [(sheet, book.create_sheet(sheet.title)) for sheet in SHEETS]
    lists = _Lists(book)
    extra_ids = {sheet.collection: [str(row["id"]) for row in (extra_rows or {}).get(sheet.title, ()) if "id" in row]
                 for sheet in SHEETS}
    for sheet, ws in data_sheets:
        records = [r for r in dataset.collections[sheet.collection] if index.in_scope(sheet.collection, r, scope)]
        rows = list(_rows(sheet, records, files))
        rows.extend([row.get(c.field) for c in sheet.columns] for row in (extra_rows or {}).get(sheet.title, ()))
        _write_sheet(ws, sheet, rows, dataset, lists, extra_ids)
    _protect(lists.sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def unknown_programmes(dataset: DataSet, programmes: Sequence[str]) -> list[str]:
    known = {str(getattr(p, "id")) for p in dataset.programmes}  # noqa: B009
    return [p for p in programmes if p not in known]


def export_workbook(dataset: DataSet, out: Path, programmes: Sequence[str] | None = None) -> None:
    """Write the workbook to ``out`` atomically. Raises ``OSError``."""
    from velsen_desk.storage.atomic import write_atomic

    write_atomic(out, workbook_bytes(dataset, programmes))

