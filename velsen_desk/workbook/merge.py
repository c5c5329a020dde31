"""The data set an import produces: the current data with the workbooks' programmes replaced,
checked with the same checks as ``velsen-desk validate``, each problem placed in its sheet.

A workbook of all programmes replaces everything; one made with ``--programme`` replaces only
the records of its programmes (and the shared municipalities and people it always holds).
Every record keeps its data file; a new row goes to the file of the record above it in the
hierarchy (an action to its plan's file), else to the collection's first file.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from velsen_desk.core.i18n import _
from velsen_desk.curation import checks
from velsen_desk.curation.data_file import COLLECTIONS
from velsen_desk.curation.loader import DataSet
from velsen_desk.curation.problems import Problem
from velsen_desk.curation.progress_schema import ProgressEntry, ProgressReport
from velsen_desk.curation.schema import Action
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


def merge(current: DataSet | None, contents: list[WorkbookContent], sources: Path, *,
          replace: bool = False) -> MergedData:
    """The new data set, or problems. ``current`` is the data folder's data (None: empty).

    A monitor form (``content.form``) adds its one report and that report's rows to the data and
    changes nothing else: forms of several trekkers, made from the same data, may come back in
    any order without one undoing another. ``replace``: a form's report takes the place of the
    report the same party already gave for that peildatum (else that is a problem)."""
    books = [c for c in contents if c.form is None]
    forms = [c for c in contents if c.form is not None]
    dataset = DataSet()
    files: dict[str, str] = {}
    places: dict[str, ImportedRecord] = {}
    problems: list[WorkbookProblem] = []
    if books:
        _merge_books(current, books, dataset, files, places, problems)
    elif current is not None:  # forms only: everything stays as it is, the forms add to it
        for name in COLLECTIONS:
            for record in current.collections[name]:
                _keep(dataset, files, current, name, record)
    if problems:
        return MergedData(dataset, files, problems)
    for content in forms:
        _merge_form(content, dataset, files, places, problems, replace)
    if problems:
        return MergedData(dataset, files, problems)
    _place_new_records(dataset, files, {})
    for problem in checks.check_dataset(dataset, sources):
        problems.append(_from_check(problem, dataset, places))
    return MergedData(dataset, files, problems)


def _keep(dataset: DataSet, files: dict[str, str], current: DataSet, name: str, record: BaseModel) -> None:
    dataset.collections[name].append(record)
    dataset.origin[_record_id(record)] = current.origin[_record_id(record)]
    files[_record_id(record)] = current.origin[_record_id(record)][0].name


def _add(dataset: DataSet, files: dict[str, str], places: dict[str, ImportedRecord], item: ImportedRecord,
         problems: list[WorkbookProblem]) -> None:
    record_id = _record_id(item.record)
    places[record_id] = item
    position = len(dataset.collections[item.collection])
    dataset.collections[item.collection].append(item.record)
    dataset.origin[record_id] = (Path(_PLACE_MARK), None, f"{item.collection}[{position}]")
    if item.file is not None:
        if not _FILE_NAME.match(item.file):
            problems.append(_at(item.place, "@file", _("‘{name}’ is geen geldige bestandsnaam (kleine letters, "
                                                    "cijfers, . _ -, eindigend op .yaml)").format(name=item.file)))
            return
        files[record_id] = item.file


def _merge_books(current: DataSet | None, contents: list[WorkbookContent], dataset: DataSet,
                 files: dict[str, str], places: dict[str, ImportedRecord], problems: list[WorkbookProblem]) -> None:
    scopes = [c.scope for c in contents]
    scope: frozenset[str] | None = None if any(s is None for s in scopes) else frozenset().union(*scopes)  # type: ignore[arg-type]
    home: dict[str, str] = {}  # a new record without a parent -> the programme of the workbook it came from
    if current is not None and scope is not None:  # keep what the workbooks do not cover
        index = ProgrammeIndex(current.collections)
        for name in COLLECTIONS:
            for record in current.collections[name]:
                if not index.in_scope(name, record, scope):
                    _keep(dataset, files, current, name, record)
    for content in contents:
        for item in content.records:
            record_id = _record_id(item.record)
            if record_id in places or record_id in dataset.origin:
                first = places.get(record_id)
                where = (_("{sheet} rij {row}").format(sheet=first.place.sheet.title, row=first.place.row)
                         if first is not None else _("de gegevens buiten dit werkboek"))
                problems.append(_at(item.place, "id", _("id ‘{id}’ bestaat al ({where})").format(id=record_id,
                                                                                               where=where)))
                continue
            if content.scope:
                home[record_id] = min(content.scope)
            _add(dataset, files, places, item, problems)
    if not problems:
        _place_new_records(dataset, files, home)


def _merge_form(content: WorkbookContent, dataset: DataSet, files: dict[str, str],
                places: dict[str, ImportedRecord], problems: list[WorkbookProblem], replace: bool) -> None:
    """Add a monitor form's report and its rows; refuse rows for another trekker's actions."""
    assert content.form is not None
    report_id, trekker = content.form.report_id, content.form.trekker
    report = next((i for i in content.records if i.collection == "progress_reports"
                   and _record_id(i.record) == report_id), None)
    if report is None:
        problems.append(WorkbookProblem(content.path, "Voortgangsrapportages", None, None, None,
                                        _("de rapportage ‘{report}’ van dit formulier ontbreekt; maak een nieuw "
                                          "formulier met 'velsen-desk monitor-template'").format(report=report_id)))
        return
    entries = [i for i in content.records
               if isinstance(i.record, ProgressEntry) and i.record.report == report_id]
    trekkers = {a.id: a.trekker for a in dataset.collections["actions"] if isinstance(a, Action)}
    if trekker is not None:
        for item in entries:
            assert isinstance(item.record, ProgressEntry)
            action = item.record.action
            owner = trekkers.get(action)
            if action in trekkers and (owner is None or owner.casefold() != trekker.casefold()):
                problems.append(_at(item.place, "action", _(
                    "actie ‘{action}’ wordt getrokken door {owner}, niet door {trekker}; dit formulier is alleen "
                    "voor de acties van {trekker}. Verwijder de rij of laat de trekker van deze actie een eigen "
                    "formulier invullen").format(action=action, owner=owner or _("niemand (geen trekker genoemd)"),
                                                 trekker=trekker)))
    new = report.record
    assert isinstance(new, ProgressReport)
    existing = [r for r in dataset.collections["progress_reports"] if isinstance(r, ProgressReport) and (
        r.id == report_id or (r.plan == new.plan and r.programme == new.programme and r.date == new.date
                              and (r.reported_by or "").casefold() == (new.reported_by or "").casefold()))]
    for old in existing:
        if not replace:
            problems.append(dataclasses.replace(_at(report.place, "date", _(
                "er is al een voortgangsrapportage van {party} met peildatum {date} (‘{report}’); kies "
                "‘vervangen’ om haar te vervangen (velsen-desk import-xlsx --vervang)").format(
                party=old.reported_by or _("de griffie"), date=f"{old.date:%d-%m-%Y}", report=old.id)),
                replaceable=True))
            continue
        _drop_report(dataset, files, old.id)
    if problems:
        return
    _add(dataset, files, places, report, problems)
    for item in entries:
        if _record_id(item.record) in dataset.origin:
            problems.append(_at(item.place, "id", _("id ‘{id}’ bestaat al").format(id=_record_id(item.record))))
            continue
        _add(dataset, files, places, item, problems)


def existing_reports(problems: list[WorkbookProblem]) -> bool:
    """Whether the only problems are reports that exist already (the window then offers to replace them)."""
    return bool(problems) and all(p.replaceable for p in problems)


def _drop_report(dataset: DataSet, files: dict[str, str], report_id: str) -> None:
    """Remove a report and its rows (a form replaces them); the data file then no longer holds them."""
    def keep(record: BaseModel) -> bool:
        if isinstance(record, ProgressEntry):
            return record.report != report_id
        return _record_id(record) != report_id

    for name in ("progress_reports", "progress_entries"):
        gone = [r for r in dataset.collections[name] if not keep(r)]
        dataset.collections[name] = [r for r in dataset.collections[name] if keep(r)]
        for record in gone:
            dataset.origin.pop(_record_id(record), None)
            files.pop(_record_id(record), None)
    for name in ("progress_reports", "progress_entries"):  # positions shifted: the places point at them again
        for position, record in enumerate(dataset.collections[name]):
            origin = dataset.origin[_record_id(record)]
            if origin[0] == Path(_PLACE_MARK):
                dataset.origin[_record_id(record)] = (origin[0], None, f"{name}[{position}]")


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
