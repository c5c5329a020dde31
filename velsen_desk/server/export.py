"""``server export``: the master back to a YAML data folder, so nothing is locked in.

Rows become records again by the inverse of the build's mapping (``storage.build``): a
``<field>_id`` column is the reference, the four cost columns a cost, the source columns a
source; chapters get their themes and focus points their targets from their own tables. Each
record goes back to the data file it was loaded from; party statuses become reports "opgave van
<partij>" in :data:`~velsen_desk.server.progress_records.SERVER_PROGRESS_FILE`.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Any

import psycopg
import yaml  # type: ignore[import-untyped]
from psycopg.rows import dict_row
from pydantic import BaseModel, ValidationError

from velsen_desk.core.i18n import _
from velsen_desk.curation.data_file import COLLECTIONS
from velsen_desk.curation.loader import DataSet, data_files, load_dataset
from velsen_desk.curation.schema import FORMAT_ID
from velsen_desk.server.errors import ServerError
from velsen_desk.server.progress_records import SERVER_PROGRESS_FILE, PartyStatus, records_of
from velsen_desk.storage.atomic import write_atomic
from velsen_desk.storage.build import COST_ATTRIBUTE, ORM_FOR, REFERENCE_FIELDS
from velsen_desk.storage.progress_build import PROGRESS_COLLECTIONS
from velsen_desk.workbook.read import model_of
from velsen_desk.workbook.yaml_out import FileUpdate, file_updates, read_trees

_REFERENCES = REFERENCE_FIELDS | {"report"}
_COSTS = {**COST_ATTRIBUTE, "spent": "spent"}
_SOURCES = ("source", "planning_source")
_FALLBACK_FILE = "server.yaml"  # a record the griffie added on the server with plain SQL


def _table_of(collection: str) -> str:
    return collection if collection in PROGRESS_COLLECTIONS else ORM_FOR[collection].__tablename__


def _is_list(model: type[BaseModel], name: str) -> bool:
    return typing.get_origin(model.model_fields[name].annotation) is list


def record_from_row(model: type[BaseModel], row: Mapping[str, Any], lists: Mapping[str, list[Any]]) -> BaseModel:
    values: dict[str, Any] = {}
    for name in model.model_fields:
        if name in _SOURCES:
            if row[f"{name}_doc_id"] is not None:
                values[name] = {"doc": row[f"{name}_doc_id"], "quote": row[f"{name}_quote"],
                                "section": row[f"{name}_section"]}
        elif name in _COSTS:
            prefix = _COSTS[name]
            if row[f"{prefix}_status"] is not None:
                values[name] = {"status": row[f"{prefix}_status"], "amount": row[f"{prefix}_amount"],
                                "qualifier": row[f"{prefix}_qualifier"], "text": row[f"{prefix}_text"]}
        elif name in _REFERENCES:
            values[name] = row[f"{name}_id"]
        elif name in lists:
            values[name] = lists[name]
        elif _is_list(model, name):
            values[name] = row[name].split("\n") if row[name] else []
        else:
            values[name] = row[name]
    return model.model_validate(values)


def read_dataset(connection: psycopg.Connection) -> tuple[DataSet, dict[str, str]]:
    """Everything on the server as one data set, and the data file of each record id."""
    dataset = DataSet()
    with connection.transaction(), connection.cursor(row_factory=dict_row) as cursor:
        # One snapshot for every table: a status submitted meanwhile is in it completely or not at all.
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        files = {str(r["record_id"]): str(r["file_name"])
                 for r in cursor.execute("SELECT record_id, file_name FROM record_files").fetchall()}
        themes: dict[str, list[str]] = {}
        for r in cursor.execute("SELECT chapter_id, theme_id FROM chapter_themes ORDER BY chapter_id, theme_id"):
            themes.setdefault(r["chapter_id"], []).append(r["theme_id"])
        targets: dict[str, list[dict[str, Any]]] = {}
        target_model = model_of("focus_points").model_fields["targets"].annotation
        target_fields = list(typing.get_args(target_model)[0].model_fields)
        for r in cursor.execute('SELECT * FROM targets ORDER BY focus_point_id, "order"'):
            targets.setdefault(r["focus_point_id"], []).append({k: r[k] for k in target_fields})
        for collection in COLLECTIONS:
            model = model_of(collection)
            rows = cursor.execute(f'SELECT * FROM "{_table_of(collection)}" ORDER BY id').fetchall()  # noqa: S608
            for row in rows:
                lists: dict[str, list[Any]] = {}
                if collection == "chapters":
                    lists["themes"] = themes.get(row["id"], [])
                elif collection == "focus_points":
                    lists["targets"] = targets.get(row["id"], [])
                try:
                    record = record_from_row(model, row, lists)
                except ValidationError as exc:
                    raise ServerError(_(
                        "Record ‘{id}’ ({collection}) op de server is geen geldig gegeven: {error}"
                    ).format(id=row["id"], collection=collection, error=exc.errors()[0]["msg"])) from None
                dataset.collections[collection].append(record)
                files.setdefault(str(row["id"]), _FALLBACK_FILE)
        statuses = [PartyStatus(**r) for r in cursor.execute(
            # The report names who gave the figures: the organisation of the login that last changed
            # the status, else the action's trekker. A griffie login is named as the griffie even when
            # its organisation is, say, "Gemeente Velsen" (also a trekker): its edit is no party's word.
            "SELECT s.action_id, a.plan_id, coalesce((SELECT CASE WHEN m.role = 'griffie' AND o.name !~* 'griffie' "
            "THEN 'griffie (' || o.name || ')' ELSE o.name END FROM members m JOIN organisations o "
            "ON o.id = m.organisation_id WHERE m.login = s.changed_by), a.trekker, s.changed_by) AS trekker, "
            "s.peildatum, s.status, s.explanation, s.spent_status, "
            "s.spent_amount, s.spent_qualifier, s.spent_text "
            "FROM party_statuses s JOIN actions a ON a.id = s.action_id ORDER BY s.action_id, s.peildatum")]
    reports, entries = records_of(statuses)
    dataset.collections["progress_reports"].extend(reports)
    dataset.collections["progress_entries"].extend(entries)
    files.update({record.id: SERVER_PROGRESS_FILE for record in reports})
    files.update({record.id: SERVER_PROGRESS_FILE for record in entries})
    for collection in COLLECTIONS:
        for record in dataset.collections[collection]:
            record_id = str(record.id)  # type: ignore[attr-defined]
            dataset.origin[record_id] = (Path(files[record_id]), None, collection)
    return dataset, files


def _plain(value: object) -> object:
    """A model value as plain YAML data: enums as their values, fields at their default left out
    (as the curators write records and ``workbook.yaml_out`` does)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, BaseModel):
        out: dict[str, object] = {}
        for name, info in type(value).model_fields.items():
            item = getattr(value, name)
            if not info.is_required():
                default = info.get_default(call_default_factory=True)
                if type(item) is type(default) and item == default:
                    continue
            out[name] = _plain(item)
        return out
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def fresh_files(dataset: DataSet, files: Mapping[str, str]) -> list[FileUpdate]:
    """Every data file, written anew with libyaml's C emitter: ruamel's round-trip writer keeps
    comments, which a new folder has none of, and took 18 s of a 2,000-action export."""
    per_file: dict[str, dict[str, list[object]]] = {}
    for name in COLLECTIONS:
        for record in dataset.collections[name]:
            file = files[str(record.id)]  # type: ignore[attr-defined]
            per_file.setdefault(file, {}).setdefault(name, []).append(_plain(record))
    updates = []
    for file in sorted(per_file):
        document = {"format": FORMAT_ID, **per_file[file]}
        text = yaml.dump(document, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=4096,
                         default_flow_style=False)
        updates.append(FileUpdate(file, text.encode("utf-8"), True))
    return updates


def folder_updates(dataset: DataSet, files: dict[str, str], folder: Path, sources: Path | None) -> list[FileUpdate]:
    """The files to write into ``folder``: only what changed when it already holds (valid) data, as
    ``import-xlsx`` does, so comments and key order of unchanged records survive."""
    if folder.is_dir() and data_files([folder]):
        current = load_dataset([folder], sources=sources)
        return file_updates(read_trees(folder), current, dataset, files)
    return fresh_files(dataset, files)


def write_folder(folder: Path, updates: list[FileUpdate]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for update in updates:  # each file replaced in one step
        write_atomic(folder / update.name, update.payload)
