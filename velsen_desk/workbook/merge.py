"""The data set an import produces: the current data with the workbooks' programmes replaced,
checked with the same checks as ``velsen-desk validate``, each problem placed in its sheet.

A workbook of all programmes replaces everything; one made with ``--programme`` replaces only
the records of its programmes (and the shared municipalities and people it always holds).
Every record keeps its data file; a new row goes to the file of the record above it in the
hierarchy (an action to its plan's file), else to the collection's first file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from velsen_desk.curation import checks
from velsen_desk.curation.loader import DataSet
from velsen_desk.curation.problems import Problem
from velsen_desk.curation.schema import COLLECTIONS
from velsen_desk.workbook.problems import WorkbookProblem
from velsen_desk.workbook.read import ImportedRecord, Place, WorkbookContent
from velsen_desk.workbook.scope import ProgrammeIndex

NEW_FILE = "werkboek.yaml"  # where a new record goes when nothing tells us better
# The Bestand column names a file in the data folder: a bare, plain name, never a path
_FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,100}\.ya?ml$")
_PLACE_MARK = "<werkboek>"


@dataclass
class MergedData:
    dataset: DataSet
    files: dict[str, str]  # record id -> data file name
    problems: list[WorkbookProblem] = field(default_factory=list)


def _record_id(record: BaseModel) -> str:
    return str(getattr(record, "id"))  # noqa: B009


def merge(current: DataSet | None, contents: list[WorkbookContent], sources: Path) -> MergedData:
    """The new data set, or problems. ``current`` is the data folder's data (None: empty)."""
    scopes = [c.scope for c in contents]
    scope: frozenset[str] | None = None if any(s is None for s in scopes) else frozenset().union(*scopes)  # type: ignore[arg-type]
    dataset = DataSet()
    files: dict[str, str] = {}
    places: dict[str, ImportedRecord] = {}
    home: dict[str, str] = {}  # a new record without a parent -> the programme of the workbook it came from
    problems: list[WorkbookProblem] = []
    if current is not None and scope is not None:  # keep what the workbooks do not cover
        index = ProgrammeIndex(current.collections)
        for name in COLLECTIONS:
            for record in current.collections[name]:
                if not index.in_scope(name, record, scope):
                    dataset.collections[name].append(record)
                    dataset.origin[_record_id(record)] = current.origin[_record_id(record)]
                    files[_record_id(record)] = current.origin[_record_id(record)][0].name
    for content in contents:
        for item in content.records:
            record_id = _record_id(item.record)
            if record_id in places or record_id in dataset.origin:
                first = places.get(record_id)
                where = (f"{first.place.sheet.title} rij {first.place.row}" if first is not None
                         else "de gegevens buiten dit werkboek")
                problems.append(_at(item.place, "id", f"id ‘{record_id}’ bestaat al ({where})"))
                continue
            places[record_id] = item
            if content.scope:
                home[record_id] = min(content.scope)
            position = len(dataset.collections[item.collection])
            dataset.collections[item.collection].append(item.record)
            dataset.origin[record_id] = (Path(_PLACE_MARK), None, f"{item.collection}[{position}]")
            if item.file is not None:
                if not _FILE_NAME.match(item.file):
                    problems.append(_at(item.place, "@file", f"‘{item.file}’ is geen geldige bestandsnaam "
                                                              "(kleine letters, cijfers, . _ -, eindigend op .yaml)"))
                    continue
                files[record_id] = item.file
    if problems:
        return MergedData(dataset, files, problems)
    _place_new_records(dataset, files, home)
    for problem in checks.check_dataset(dataset, sources):
        problems.append(_from_check(problem, dataset, places))
    return MergedData(dataset, files, problems)


def _place_new_records(dataset: DataSet, files: dict[str, str], home: dict[str, str]) -> None:
    index = ProgrammeIndex(dataset.collections)
    for name in COLLECTIONS:
        first_file = next((files[_record_id(r)] for r in dataset.collections[name] if _record_id(r) in files), None)
        for record in dataset.collections[name]:
            record_id = _record_id(record)
            if record_id in files:
                continue
            parent = index.parent_of(name, record)
            # a person added in a programme's workbook goes with that programme, not into another one's file
            owner = parent[1] if parent else home.get(record_id)
            files[record_id] = (files.get(owner) if owner else None) or first_file or NEW_FILE


def _at(place: Place, field_path: str, message: str) -> WorkbookProblem:
    column = place.sheet.column(field_path) or next(
        (c for c in place.sheet.columns if c.field.startswith(field_path + ".")), None)
    cell = None
    if column is not None:
        from openpyxl.utils import get_column_letter

        cell = f"{get_column_letter(place.sheet.columns.index(column) + 1)}{place.row}"
    return WorkbookProblem(place.workbook, place.sheet.title, place.row, column.header if column else None, cell,
                           message)


def _from_check(problem: Problem, dataset: DataSet, places: dict[str, ImportedRecord]) -> WorkbookProblem:
    """A check's problem ("actions[3].cost.amount") at its sheet, row and column."""
    if problem.file != Path(_PLACE_MARK):  # a record kept from the data folder
        return WorkbookProblem(problem.file, None, problem.line, None, None,
                               f"{problem.field}: {problem.message}" if problem.field else problem.message)
    where, _, field_path = problem.field.partition("].")
    name, _, position = where.partition("[")
    position = position.rstrip("]")
    record = dataset.collections.get(name, [None])[int(position)] if position.isdigit() else None
    item = places.get(_record_id(record)) if record is not None else None
    if item is None:
        return WorkbookProblem(Path("?"), None, None, None, None, problem.message)
    if field_path.split(".")[0] in ("targets", "opgaven") and item.item_places:
        parts = field_path.split(".")
        index = parts[0].partition("[")[2].rstrip("]")
        if index.isdigit() and int(index) < len(item.item_places):
            return _at(item.item_places[int(index)], ".".join(parts[1:]), problem.message)
    field_path = field_path.split("[")[0]
    return _at(item.place, field_path, problem.message)
