"""Read workbooks back into schema records (``velsen-desk import-xlsx``).

openpyxl streams the sheets (``read_only``). Every problem names the workbook, sheet, row,
column header and cell. Formulas are read as their cached value in a second pass, and refused
when the file holds none. Merged cells and hidden rows (which the read-only reader cannot see)
are found in the sheet's XML, so a value cannot hide from the person who checks the sheet.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from pydantic import BaseModel, ValidationError

from velsen_desk.core.i18n import _
from velsen_desk.curation.data_file import DataFile
from velsen_desk.curation.messages import dutch_message
from velsen_desk.workbook.cells import CellValueError, is_empty, read_cell, shown
from velsen_desk.workbook.guard import workbook_refusal
from velsen_desk.workbook.problems import WorkbookProblem
from velsen_desk.workbook.sheets import (
    FORM_REPORT_LABEL,
    FORM_TREKKER_LABEL,
    FORMAT_ID,
    FORMAT_LABEL,
    LISTS_TITLE,
    README_TITLE,
    SCOPE_ALL,
    SCOPE_LABEL,
    SHEETS,
    SHEETS_BY_TITLE,
    Column,
    Sheet,
)

# What openpyxl raises on a damaged or hand-made file (broken XML, missing parts, odd values)
_BROKEN = (InvalidFileException, zipfile.BadZipFile, ParseError, KeyError, ValueError, TypeError, IndexError,
           AttributeError, EOFError, OSError)
MAX_ROWS = 100_000  # per sheet; a data set holds a few thousand records
MAX_COLUMNS = 200


@dataclass(frozen=True)
class Place:
    workbook: Path
    sheet: Sheet
    row: int


@dataclass
class ImportedRecord:
    collection: str
    record: BaseModel
    place: Place
    file: str | None  # the Bestand column; None for a new row
    item_places: list[Place] = field(default_factory=list)  # rows of its list sheet items, in order


@dataclass(frozen=True)
class FormMark:
    """What a monitor form says it is for (its "Lees mij"): the report it adds, and for whom."""

    report_id: str
    trekker: str | None  # None: a form of the whole plan


@dataclass
class WorkbookContent:
    path: Path
    scope: frozenset[str] | None  # programmes the workbook holds; None: all
    records: list[ImportedRecord]
    form: FormMark | None = None  # a monitor form: only its report is read in


def model_of(collection: str) -> type[BaseModel]:
    annotation = DataFile.model_fields[collection].annotation
    (model,) = get_args(annotation)
    assert isinstance(model, type) and issubclass(model, BaseModel)
    return model


@dataclass
class _Row:
    number: int
    values: dict[str, object]  # field -> stored value (only non-empty cells)
    cells: dict[str, str]  # field -> cell reference


class _Reader:
    def __init__(self, path: Path):
        self.path = path
        self.problems: list[WorkbookProblem] = []

    def problem(self, message: str, sheet: str | None = None, row: int | None = None,
                column: Column | None = None, cell: str | None = None) -> None:
        self.problems.append(WorkbookProblem(self.path, sheet, row, column.header if column else None, cell, message))

    # -- the sheet XML: merged cells and hidden rows ------------------------------------------
    def xml_findings(self, archive: zipfile.ZipFile, member: str, title: str) -> None:
        merged = re.compile(rb'<(?:\w+:)?mergeCell ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')
        hidden = re.compile(rb'<(?:\w+:)?row [^>]*?r="(\d+)"[^>]*?hidden="(?:1|true)"')
        ranges: set[str] = set()
        rows: set[int] = set()
        tail = b""
        with archive.open(member) as handle:
            while chunk := handle.read(1 << 20):
                text = tail + chunk
                ranges.update(m.group(1).decode() for m in merged.finditer(text))
                rows.update(int(m.group(1)) for m in hidden.finditer(text))
                tail = text[-4096:]  # a tag cut by the chunk border is whole in the next round (sets: found once)
        for cells in sorted(ranges):
            self.problem(_("samengevoegde cellen ({cells}); hef de samenvoeging op, elke cel heeft zijn eigen "
                           "waarde").format(cells=cells), title)
        for number in sorted(rows):
            self.problem(_("verborgen rij; maak haar zichtbaar of verwijder haar"), title, number)

    # -- one workbook -----------------------------------------------------------------------
    def read(self) -> WorkbookContent | None:
        refusal = workbook_refusal(self.path)
        if refusal is not None:
            self.problem(_("het bestand {refusal}").format(refusal=refusal))
            return None
        try:
            book = load_workbook(self.path, read_only=True, data_only=False)
        except _BROKEN as exc:
            self.problem(_("het bestand kan niet als werkboek gelezen worden ({cause})").format(
                cause=type(exc).__name__))
            return None
        try:
            return self._read_book(book)
        except _BROKEN as exc:  # a sheet's XML broken halfway: openpyxl reads it as it streams
            self.problems.append(WorkbookProblem(self.path, None, None, None, None,
                                                 _("het werkboek is beschadigd ({cause})").format(
                                                     cause=type(exc).__name__)))
            return None
        finally:
            book.close()

    def _read_book(self, book: object) -> WorkbookContent | None:
        from openpyxl.workbook.workbook import Workbook

        assert isinstance(book, Workbook)
        names = book.sheetnames
        for name in names:
            if name not in SHEETS_BY_TITLE and name not in (README_TITLE, LISTS_TITLE):
                self.problem(_("onbekend blad ‘{name}’ (hernoemd of toegevoegd?); verwijder het of geef het "
                               "zijn oorspronkelijke naam").format(name=name), name)
        for sheet in SHEETS:
            if sheet.title not in names:
                self.problem(_("het blad ontbreekt"), sheet.title)
        if README_TITLE not in names:
            self.problem(_("het blad ontbreekt"), README_TITLE)
        if self.problems:
            return None
        scope, form = self._scope(book)
        formulas: list[tuple[str, str, Column, int]] = []
        rows: dict[str, list[_Row]] = {}
        with zipfile.ZipFile(self.path) as archive:
            for sheet in SHEETS:
                ws = book[sheet.title]
                if ws.sheet_state != "visible":
                    self.problem(_("het blad is verborgen; maak het zichtbaar (met zijn inhoud) of laat het weg"),
                                 sheet.title)
                member = getattr(ws, "_worksheet_path", None)
                if isinstance(member, str):
                    self.xml_findings(archive, member, sheet.title)
                rows[sheet.title] = list(self._rows(ws, sheet, formulas))
        if formulas:
            self._cached_values(rows, formulas)
        if self.problems:
            return None
        return WorkbookContent(self.path, scope, self._records(rows), form)

    def _scope(self, book: object) -> tuple[frozenset[str] | None, FormMark | None]:
        from openpyxl.workbook.workbook import Workbook

        assert isinstance(book, Workbook)
        settings: dict[str, str] = {}
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet

        readme = book[README_TITLE]
        assert isinstance(readme, ReadOnlyWorksheet)
        for number, cells in enumerate(readme.iter_rows(values_only=False), start=1):
            if number > 10:  # the settings are at the top; the column help follows
                break
            row = [getattr(c, "value", None) for c in cells[:2]]
            if len(row) == 2 and isinstance(row[0], str) and isinstance(row[1], str):
                settings[row[0].strip()] = row[1].strip()
        if settings.get(FORMAT_LABEL) != FORMAT_ID:
            self.problem(_("dit is geen werkboek van Velsen Desk (‘{label}’ moet ‘{format}’ zijn)").format(
                label=FORMAT_LABEL, format=FORMAT_ID), README_TITLE)
            return None, None
        report = settings.get(FORM_REPORT_LABEL)
        form = FormMark(report, settings.get(FORM_TREKKER_LABEL) or None) if report else None
        value = settings.get(SCOPE_LABEL, SCOPE_ALL)
        if value == SCOPE_ALL:
            return None, form
        return frozenset(p.strip() for p in value.split(",") if p.strip()), form

    def _rows(self, ws: object, sheet: Sheet, formulas: list[tuple[str, str, Column, int]]) -> Iterator[_Row]:
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet

        assert isinstance(ws, ReadOnlyWorksheet)
        # types-openpyxl binds ReadOnlyWorksheet.iter_rows to Worksheet's signature
        iterator = iter(ws.iter_rows(values_only=False))  # type: ignore[misc]
        header_cells = next(iterator, None)
        headers = [c.value if hasattr(c, "value") else None for c in header_cells or ()]
        if len(headers) > MAX_COLUMNS:
            self.problem(_("te veel kolommen ({n})").format(n=len(headers)), sheet.title, 1)
            return
        positions: dict[int, Column] = {}
        for index, header in enumerate(headers):
            if is_empty(header):
                continue
            column = next((c for c in sheet.columns if c.header == str(header).strip()), None)
            if column is None:
                self.problem(_("onbekende kolom ‘{header}’ ({cell}); gebruik de kolommen zoals uitgevoerd").format(
                    header=header, cell=f"{get_column_letter(index + 1)}1"), sheet.title, 1)
            elif column in positions.values():
                self.problem(_("kolom ‘{header}’ staat er twee keer ({cell})").format(
                    header=header, cell=f"{get_column_letter(index + 1)}1"), sheet.title, 1)
            else:
                positions[index] = column
        for column in sheet.columns:
            if column not in positions.values():
                self.problem(_("kolom ‘{header}’ ontbreekt").format(header=column.header), sheet.title, 1)
        if len(positions) != len(sheet.columns):
            return
        for number, cells in enumerate(iterator, start=2):
            if number > MAX_ROWS + 1:
                self.problem(_("te veel rijen (hoogstens {n})").format(n=MAX_ROWS), sheet.title)
                return
            row = _Row(number, {}, {})
            for index, cell in enumerate(cells):
                value = getattr(cell, "value", None)
                if is_empty(value):
                    continue
                if index not in positions:
                    self.problem(_("waarde {value} in een kolom zonder kop").format(value=shown(value)), sheet.title,
                                 number, None, f"{get_column_letter(index + 1)}{number}")
                    continue
                column = positions[index]
                ref = f"{get_column_letter(index + 1)}{number}"
                row.cells[column.field] = ref
                if getattr(cell, "data_type", None) == "f":
                    formulas.append((sheet.title, ref, column, number))
                    row.values[column.field] = None
                    continue
                self._store(row, column, value, sheet.title, ref)
            if row.cells:
                yield row

    def _store(self, row: _Row, column: Column, value: object, title: str, ref: str) -> None:
        try:
            row.values[column.field] = read_cell(column, value)
        except CellValueError as exc:
            self.problem(str(exc), title, row.number, column, ref)

    def _cached_values(self, rows: dict[str, list[_Row]], formulas: list[tuple[str, str, Column, int]]) -> None:
        """A formula counts as the value Excel last calculated for it, and is refused without one."""
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet

        wanted: dict[str, dict[str, tuple[Column, int]]] = {}
        for title, ref, column, number in formulas:
            wanted.setdefault(title, {})[ref] = (column, number)
        book = load_workbook(self.path, read_only=True, data_only=True)
        try:
            for title, cells in wanted.items():  # one streaming pass per sheet: random access re-reads it
                ws = book[title]
                assert isinstance(ws, ReadOnlyWorksheet)
                values: dict[str, object] = {}
                for row_cells in ws.iter_rows(values_only=False):
                    for cell in row_cells:
                        coordinate = getattr(cell, "coordinate", None)
                        if isinstance(coordinate, str) and coordinate in cells:
                            values[coordinate] = getattr(cell, "value", None)
                by_number = {r.number: r for r in rows[title]}
                for ref, (column, number) in cells.items():
                    value = values.get(ref)
                    if is_empty(value):
                        self.problem(_("een formule zonder berekende waarde; open het werkboek in Excel en sla het "
                                       "op, of typ de waarde zelf"), title, number, column, ref)
                    else:
                        self._store(by_number[number], column, value, title, ref)
        finally:
            book.close()

    # -- rows into records -------------------------------------------------------------------
    def _records(self, rows: dict[str, list[_Row]]) -> list[ImportedRecord]:
        items: dict[tuple[str, str], list[tuple[object, Place, _Row]]] = {}
        for sheet in SHEETS:
            if sheet.list_field is None:
                continue
            for row in rows[sheet.title]:
                parent = row.values.get("@parent")
                if not isinstance(parent, str):
                    column = sheet.column("@parent")
                    self.problem(_("de code van het bovenliggende record ontbreekt"), sheet.title, row.number, column,
                                 f"A{row.number}")
                    continue
                item: object = row.values.get("") if sheet.column("") else _nest(
                    {k: v for k, v in row.values.items() if k != "@parent"})
                place = Place(self.path, sheet, row.number)
                items.setdefault((sheet.collection, parent), []).append((item, place, row))
        records: list[ImportedRecord] = []
        used: set[tuple[str, str]] = set()
        for sheet in SHEETS:
            if sheet.list_field is not None:
                continue
            list_sheet = next((s for s in SHEETS if s.collection == sheet.collection and s.list_field), None)
            for row in rows[sheet.title]:
                raw = _nest({k: v for k, v in row.values.items() if k != "@file"})
                record_id = raw.get("id")
                place = Place(self.path, sheet, row.number)
                children: list[tuple[object, Place, _Row]] = []
                if list_sheet is not None and list_sheet.list_field and isinstance(record_id, str):
                    children = items.get((sheet.collection, record_id), [])
                    used.add((sheet.collection, record_id))
                    raw[list_sheet.list_field] = [child for child, _place, _row in children]
                try:
                    record = model_of(sheet.collection).model_validate(raw)
                except ValidationError as exc:
                    for error in exc.errors(include_url=False):
                        self._validation_problem(error["loc"], dutch_message(error), place, row, children)
                    continue
                file = row.values.get("@file")
                records.append(ImportedRecord(sheet.collection, record, place, file if isinstance(file, str) else None,
                                              [p for _child, p, _row in children]))
        for (collection, parent), children in items.items():
            if (collection, parent) not in used:
                for _child, place, row in children:
                    column = place.sheet.column("@parent")
                    self.problem(_("‘{parent}’ staat niet op het blad {sheet}").format(
                        parent=parent, sheet=_owner_title(collection)), place.sheet.title, row.number, column,
                        row.cells.get("@parent"))
        return records

    def _validation_problem(self, loc: tuple[int | str, ...], message: str, place: Place, row: _Row,
                            children: list[tuple[object, Place, _Row]]) -> None:
        parts = [str(p) for p in loc]
        sheet, target = place.sheet, row
        list_sheet = next((s for s in SHEETS if s.collection == sheet.collection and s.list_field), None)
        if list_sheet is not None and parts and parts[0] == list_sheet.list_field:
            if len(parts) > 1 and parts[1].isdigit() and int(parts[1]) < len(children):
                _, child_place, target = children[int(parts[1])]
                sheet, parts = child_place.sheet, parts[2:] or [""]
        path = ".".join(parts)
        column = sheet.column(path)
        while column is None and "." in path:
            path = path.rsplit(".", 1)[0]
            column = sheet.column(path) or next((c for c in sheet.columns if c.field.startswith(path + ".")), None)
        if column is None and path:
            column = next((c for c in sheet.columns if c.field.startswith(path + ".")), None)
        if column is None and not path:
            column = _named_column(sheet, message)
        cell = target.cells.get(column.field) if column else None
        if column is not None and cell is None:
            cell = f"{get_column_letter(sheet.columns.index(column) + 1)}{target.number}"
        self.problem(message, sheet.title, target.number, column, cell)


# A rule over several fields (pydantic's loc is empty) names the field it asks for in brackets,
# "vraagt een toelichting (explanation)": the last one named is the cell to fill in.
_NAMED_FIELD = re.compile(r"\((\w+)\)")


def _named_column(sheet: Sheet, message: str) -> Column | None:
    for name in reversed(_NAMED_FIELD.findall(message)):
        column = sheet.column(name) or next((c for c in sheet.columns if c.field.startswith(name + ".")), None)
        if column is not None:
            return column
    return None


def _owner_title(collection: str) -> str:
    return next(s.title for s in SHEETS if s.collection == collection and s.list_field is None)


def _nest(values: dict[str, object]) -> dict[str, object]:
    """{"cost.amount": 5} -> {"cost": {"amount": 5}}; an object whose cells are all empty is absent."""
    nested: dict[str, object] = {}
    for path, value in values.items():
        if value is None:  # a formula already reported
            continue
        head, _, rest = path.partition(".")
        if rest:
            inner = nested.setdefault(head, {})
            assert isinstance(inner, dict)
            inner[rest] = value
        else:
            nested[path] = value
    return nested


def read_workbooks(paths: list[Path]) -> tuple[list[WorkbookContent], list[WorkbookProblem]]:
    contents: list[WorkbookContent] = []
    problems: list[WorkbookProblem] = []
    for path in paths:
        reader = _Reader(path)
        content = reader.read()
        problems.extend(reader.problems)
        if content is not None:
            contents.append(content)
    return contents, problems


__all__ = ["FormMark", "ImportedRecord", "Place", "WorkbookContent", "model_of", "read_workbooks"]
